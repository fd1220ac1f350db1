/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rolls export: the bank file of a payment roll, as app/io writes it. */

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "jz-cli-rolls-export.h"
#include "jz-roll.h"
#include "jz-user.h"
#include "jz-xlsx-roll.h"

/* The user named with --user, whose role is checked; none in
 * single-user mode.  As in jz-cli-rolls.c. */
static gboolean
user_of (JzDb        *db,
         const char  *name,
         JzUser     **user,
         int         *status)
{
  g_autoptr(GError) error = NULL;

  *user = NULL;
  if (name == NULL)
    {
      if (jz_user_get_single_user (db))
        return TRUE;
      *status = jz_cli_usage_error (_("Name the user exporting the roll with --user NAME; this database has users who sign in."));
      return FALSE;
    }
  *user = jz_user_get_by_name (db, name, &error);
  if (*user == NULL)
    {
      *status = jz_cli_fail (error);
      return FALSE;
    }
  jz_db_set_user_name (db, (*user)->name);
  return TRUE;
}

/* Options and the positional roll number, which jz_cli_parse_options()
 * would refuse. */
static gboolean
parse_positional (GOptionEntry   *entries,
                  int            *argc,
                  char         ***argv,
                  int            *status)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("ROLL_ID"));
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context, "jiuzhu-cli rolls export");
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = jz_cli_usage_error (error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
roll_id_of (int     argc,
            char  **argv,
            gint64 *id,
            int    *status)
{
  guint64 number;

  if (argc != 2)
    {
      *status = jz_cli_usage_error (_("Give one roll number."));
      return FALSE;
    }
  if (!g_ascii_string_to_unsigned (argv[1], 10, 1, G_MAXINT64, &number, NULL))
    {
      *status = jz_cli_usage_error (_("A roll is given by its number, a whole number greater than 0."));
      return FALSE;
    }
  *id = (gint64) number;
  return TRUE;
}

static gboolean
check_out (const char *out,
           int        *status)
{
  g_autofree char *lower = NULL;

  if (out == NULL || *out == '\0')
    {
      *status = jz_cli_usage_error (_("Give the file to write with --out FILE.xlsx."));
      return FALSE;
    }

  /* Excel refuses a workbook whose name says it is something else. */
  lower = g_ascii_strdown (out, -1);
  if (!g_str_has_suffix (lower, ".xlsx"))
    {
      *status = jz_cli_usage_error (_("The file to write must end in .xlsx."));
      return FALSE;
    }

  return TRUE;
}

int
jz_cli_rolls_export (JzCliGlobals  *globals,
                     int            argc,
                     char         **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  g_autoptr(JzUser) user = NULL;
  g_autoptr(JzRoll) roll = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *out = NULL;
  g_autofree char *user_name = NULL;
  GOptionEntry entries[] = {
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("The .xlsx file to write"), "FILE.xlsx" },
    { "user", 0, 0, G_OPTION_ARG_STRING, &user_name, N_("The sign-in name of the user exporting the roll; their role is checked"), "NAME" },
    { NULL }
  };
  gint64 id;
  int status;

  if (!parse_positional (entries, &argc, &argv, &status))
    return status;
  if (!roll_id_of (argc, argv, &id, &status) || !check_out (out, &status))
    return status;

  db = jz_cli_open_db (globals, JZ_DB_OPEN_READ_ONLY, &error);
  if (db == NULL)
    return jz_cli_fail (error);
  if (!user_of (db, user_name, &user, &status))
    return status;

  roll = jz_roll_get (db, id, &error);
  if (roll == NULL)
    return jz_cli_fail (error);
  lines = jz_roll_bank_lines (db, user, id, &error);
  if (lines == NULL)
    return jz_cli_fail (error);

  if (!jz_xlsx_roll_export (roll, lines, out, &error))
    return jz_cli_fail (error);

  g_print ("%u\n", lines->len);
  return EXIT_SUCCESS;
}
