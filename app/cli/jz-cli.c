/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What every command of jiuzhu-cli shares: the usage and failure exits,
 * option parsing, opening the database, dates and TSV fields. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "jz-cli.h"
#include "jz-region.h"

int
jz_cli_usage_error (const char *message)
{
  g_printerr ("jiuzhu-cli: %s\n", message);
  g_printerr ("%s\n", _("Run “jiuzhu-cli --help” to see the commands."));
  return EXIT_USAGE;
}

int
jz_cli_fail (GError *error)
{
  g_printerr ("jiuzhu-cli: %s\n", error->message);
  return EXIT_FAILURE;
}

/* Parses the options of one command; unknown options and stray arguments
 * are usage errors. */
gboolean
jz_cli_parse_options (const char    *command,
                       GOptionEntry  *entries,
                       int           *argc,
                       char        ***argv,
                       int           *status)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = g_strdup_printf ("jiuzhu-cli %s", command);

  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = jz_cli_usage_error (error->message);
      return FALSE;
    }

  if (*argc > 1)
    {
      g_autofree char *message = g_strdup_printf (_("Unexpected argument “%s”."), (*argv)[1]);
      *status = jz_cli_usage_error (message);
      return FALSE;
    }

  return TRUE;
}

JzDb *
jz_cli_open_db (JzCliGlobals   *globals,
         JzDbOpenFlags   flags,
         GError        **error)
{
  g_autofree char *fallback = NULL;

  if (globals->db_path == NULL)
    {
      fallback = jz_db_default_path ();
      return jz_db_open (fallback, flags, error);
    }

  return jz_db_open (globals->db_path, flags, error);
}

gboolean
jz_cli_parse_date (const char *text,
                   GDate      *date)
{
  guint y = 0, m = 0, d = 0;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (int k = 0; k < 10; k++)
    {
      if (k == 4 || k == 7)
        continue;
      if (!g_ascii_isdigit (text[k]))
        return FALSE;
      if (k < 4)
        y = y * 10 + (text[k] - '0');
      else if (k < 7)
        m = m * 10 + (text[k] - '0');
      else
        d = d * 10 + (text[k] - '0');
    }

  if (y < 1 || !g_date_valid_dmy (d, m, y))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

/* A tab or line break inside a field would break the TSV. */
char *
jz_cli_tsv_field (const char *text)
{
  char *copy = g_strdup (text);

  for (char *p = copy; *p; p++)
    if (*p == '\t' || *p == '\n' || *p == '\r')
      *p = ' ';

  return copy;
}


/* The id of the township called @name, or 0 with @error set. */
gint64
jz_cli_find_township (JzDb        *db,
                      const char  *name,
                      GError     **error)
{
  g_autoptr(GPtrArray) districts = jz_region_list_children (db, 0, error);

  if (districts == NULL)
    return 0;

  for (guint d = 0; d < districts->len; d++)
    {
      JzRegion *district = g_ptr_array_index (districts, d);
      g_autoptr(GPtrArray) townships = jz_region_list_children (db, district->id, error);

      if (townships == NULL)
        return 0;
      for (guint t = 0; t < townships->len; t++)
        {
          JzRegion *region = g_ptr_array_index (townships, t);

          if (g_str_equal (region->name, name))
            return region->id;
        }
    }

  g_set_error (error, JZ_DB_ERROR, JZ_DB_ERROR_NOT_FOUND,
               _("There is no township named “%s” in this database; check the name."), name);
  return 0;
}
