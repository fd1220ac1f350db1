/* SPDX-License-Identifier: GPL-3.0-or-later */
/* disclosure --program CODE[,CODE] … --out FILE.pdf|FILE.xlsx|FILE.html:
 * the list villages post (公示名单), as the Disclosure panel prints and
 * exports it, recorded so that it can be produced again. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "jz-calendar.h"
#include "jz-cli.h"
#include "jz-disclosure-document.h"
#include "jz-disclosure.h"
#include "jz-html-disclosure.h"
#include "jz-office.h"
#include "jz-region.h"
#include "jz-user.h"
#include "jz-xlsx-disclosure.h"

typedef enum
{
  FORMAT_PDF,
  FORMAT_XLSX,
  FORMAT_HTML,
} Format;

static const char * const format_names[] = { "pdf", "xlsx", "html" };

static gboolean
parse_format (const char *path,
              Format     *format)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    {
      g_autofree char *suffix = g_strconcat (".", format_names[i], NULL);

      if (g_str_has_suffix (lower, suffix) && !g_str_equal (lower, suffix))
        {
          *format = (Format) i;
          return TRUE;
        }
    }
  return FALSE;
}

/* "dibao_urban,dibao_rural", blanks and empty items dropped. */
static GStrv
parse_programs (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
}

static gboolean
parse_month (const char *text)
{
  g_autofree char *day = NULL;

  if (text == NULL || strlen (text) != 7 || text[4] != '-')
    return FALSE;
  day = g_strconcat (text, "-01", NULL);
  return jz_calendar_parse_date (day, NULL);
}

/* The village called @name, in @township_id or, with 0, in any township;
 * 0 with @error set when there is none, and a usage error when the name
 * is in two townships. */
static gint64
find_village (JzDb        *db,
              gint64       township_id,
              const char  *name,
              gboolean    *ambiguous,
              GError     **error)
{
  g_autoptr(GPtrArray) townships = g_ptr_array_new_with_free_func ((GDestroyNotify) jz_region_free);
  gint64 found = 0;

  *ambiguous = FALSE;
  if (township_id != 0)
    {
      JzRegion *township = jz_region_get (db, township_id, error);

      if (township == NULL)
        return 0;
      g_ptr_array_add (townships, township);
    }
  else
    {
      g_autoptr(GPtrArray) districts = jz_region_list_children (db, 0, error);

      if (districts == NULL)
        return 0;
      for (guint d = 0; d < districts->len; d++)
        {
          JzRegion *district = g_ptr_array_index (districts, d);
          g_autoptr(GPtrArray) children = jz_region_list_children (db, district->id, error);

          if (children == NULL)
            return 0;
          g_ptr_array_extend_and_steal (townships, g_steal_pointer (&children));
        }
    }

  for (guint t = 0; t < townships->len; t++)
    {
      JzRegion *township = g_ptr_array_index (townships, t);
      g_autoptr(GPtrArray) villages = jz_region_list_children (db, township->id, error);

      if (villages == NULL)
        return 0;
      for (guint v = 0; v < villages->len; v++)
        {
          JzRegion *village = g_ptr_array_index (villages, v);

          if (!g_str_equal (village->name, name))
            continue;
          if (found != 0)
            {
              *ambiguous = TRUE;
              return 0;
            }
          found = village->id;
        }
    }

  if (found == 0)
    g_set_error (error, JZ_DB_ERROR, JZ_DB_ERROR_NOT_FOUND,
                 _("There is no village or community named “%s” in this database; check the name."), name);
  return found;
}

typedef struct
{
  char     *programs;
  char     *township;
  char     *village;
  char     *month;
  char     *kind;
  char     *from;
  char     *to;
  char     *partial_id;
  gboolean  mask_names;
  gboolean  remarks;
  gboolean  by_village;
  char     *user;
  char     *out;
} Options;

static void
options_clear (Options *o)
{
  g_clear_pointer (&o->programs, g_free);
  g_clear_pointer (&o->township, g_free);
  g_clear_pointer (&o->village, g_free);
  g_clear_pointer (&o->month, g_free);
  g_clear_pointer (&o->kind, g_free);
  g_clear_pointer (&o->from, g_free);
  g_clear_pointer (&o->to, g_free);
  g_clear_pointer (&o->partial_id, g_free);
  g_clear_pointer (&o->user, g_free);
  g_clear_pointer (&o->out, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

/* The choices that need no database; a usage error otherwise. */
static gboolean
check_options (const Options *o,
               Format        *format,
               int           *status)
{
  const char *message = NULL;
  gboolean notice = g_strcmp0 (o->kind, "notice") == 0;

  if (o->programs == NULL)
    message = _("Give the programs of the list with --program, e.g. --program dibao_urban,dibao_rural.");
  else if (o->out == NULL || *o->out == '\0')
    message = _("Give the file to write with --out FILE.pdf, FILE.xlsx or FILE.html.");
  else if (!parse_format (o->out, format))
    message = _("The file to write must end in .pdf, .xlsx or .html.");
  else if (o->kind != NULL && !notice && !g_str_equal (o->kind, "longterm"))
    message = _("The kinds of list are longterm and notice.");
  else if (notice && o->month != NULL)
    message = _("A notice covers the days given with --from and --to, not a month.");
  else if (notice && (o->from == NULL || o->to == NULL))
    message = _("Give the first and the last day of the notice with --from DATE --to DATE.");
  else if (!notice && (o->from != NULL || o->to != NULL))
    message = _("--from and --to are for a notice (--kind notice); a long-term list takes --month.");
  else if (o->month != NULL && !parse_month (o->month))
    message = _("Give the month as YYYY-MM, for example 2026-06.");
  else if ((o->from != NULL && !jz_calendar_parse_date (o->from, NULL)) ||
           (o->to != NULL && !jz_calendar_parse_date (o->to, NULL)))
    message = _("Give the date as YYYY-MM-DD, for example 2026-01-31.");
  else if (o->partial_id != NULL && !g_str_equal (o->partial_id, "off") &&
           !jz_office_parse_partial_id (o->partial_id, NULL, NULL))
    message = _("Give the characters of the ID number kept at the start and at the end, for example 4,2, or off.");

  if (message != NULL)
    {
      *status = jz_cli_usage_error (message);
      return FALSE;
    }
  return TRUE;
}

/* The query: the office's options, overridden by the command's. */
static JzDisclosureQuery *
make_query (JzDb           *db,
            const Options  *o,
            int            *status)
{
  g_autoptr(JzDisclosureQuery) query = NULL;
  g_autoptr(GError) error = NULL;
  gint64 township_id = 0;

  query = jz_disclosure_query_new (db, &error);
  if (query == NULL)
    {
      *status = jz_cli_fail (error);
      return NULL;
    }

  g_strfreev (query->programs);
  query->programs = parse_programs (o->programs);
  if (g_strcmp0 (o->kind, "notice") == 0)
    {
      query->kind = JZ_DISCLOSURE_NOTICE;
      query->notice_from = g_strdup (o->from);
      query->notice_to = g_strdup (o->to);
    }
  else if (o->month != NULL)
    {
      g_free (query->month);
      query->month = g_strdup (o->month);
    }

  if (g_strcmp0 (o->partial_id, "off") == 0)
    query->id_head = query->id_tail = 0;
  else if (o->partial_id != NULL)
    jz_office_parse_partial_id (o->partial_id, &query->id_head, &query->id_tail);
  query->mask_names |= o->mask_names;
  query->remarks |= o->remarks;

  if (o->township != NULL)
    {
      township_id = jz_cli_find_township (db, o->township, &error);
      if (township_id == 0)
        {
          *status = jz_cli_fail (error);
          return NULL;
        }
      query->region_id = township_id;
    }
  if (o->village != NULL)
    {
      gboolean ambiguous;
      gint64 village_id = find_village (db, township_id, o->village, &ambiguous, &error);

      if (ambiguous)
        {
          *status = jz_cli_usage_error (_("Villages of that name are in more than one township; name the township with --township."));
          return NULL;
        }
      if (village_id == 0)
        {
          *status = jz_cli_fail (error);
          return NULL;
        }
      query->region_id = village_id;
    }

  return g_steal_pointer (&query);
}

static gboolean
write_list (const JzDisclosureList  *list,
            Format                   format,
            gboolean                 by_village,
            const char              *path,
            GError                 **error)
{
  g_autoptr(JzDocument) document = NULL;

  /* Each writes a temporary file beside @path and renames it: a failure
   * leaves no half list behind, nor destroys an older one. */
  switch (format)
    {
    case FORMAT_XLSX:
      return jz_xlsx_disclosure_export (list, path, error);
    case FORMAT_HTML:
      return jz_html_disclosure_export (list, path, error);
    case FORMAT_PDF:
    default:
      document = jz_disclosure_document_build (list, by_village, error);
      return document != NULL && jz_document_write_pdf (document, path, error);
    }
}

/* Prints the number of rows written. */
int
jz_cli_disclosure (JzCliGlobals *globals,
                   int           argc,
                   char        **argv)
{
  g_auto(Options) o = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  g_autoptr(JzUser) user = NULL;
  g_autoptr(JzDisclosureQuery) query = NULL;
  g_autoptr(JzDisclosureList) list = NULL;
  GOptionEntry entries[] = {
    { "program", 0, 0, G_OPTION_ARG_STRING, &o.programs, N_("The programs of the list, separated by commas"), "CODE[,CODE]" },
    { "township", 0, 0, G_OPTION_ARG_STRING, &o.township, N_("Only the township of this name (default: the whole district)"), "NAME" },
    { "village", 0, 0, G_OPTION_ARG_STRING, &o.village, N_("Only the village or community of this name"), "NAME" },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &o.kind, N_("A long-term list (default) or the notice of new applications and ended support"), "longterm|notice" },
    { "month", 0, 0, G_OPTION_ARG_STRING, &o.month, N_("The month of a long-term list (default: this month)"), "YYYY-MM" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &o.from, N_("The first day of a notice"), "DATE" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &o.to, N_("The last day of a notice"), "DATE" },
    { "partial-id", 0, 0, G_OPTION_ARG_STRING, &o.partial_id, N_("Show the ID number's first and last characters, e.g. 4,2, or off (default: the office's setting)"), "H,T|off" },
    { "mask-names", 0, 0, G_OPTION_ARG_NONE, &o.mask_names, N_("Show the surname only, the given name as stars"), NULL },
    { "remarks", 0, 0, G_OPTION_ARG_NONE, &o.remarks, N_("Add a remarks column"), NULL },
    { "by-village", 0, 0, G_OPTION_ARG_NONE, &o.by_village, N_("Start every village on a new page (PDF)"), NULL },
    { "user", 0, 0, G_OPTION_ARG_STRING, &o.user, N_("The sign-in name of the user producing the list; a township clerk lists their township only"), "NAME" },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &o.out, N_("The file to write: FILE.pdf, FILE.xlsx or FILE.html"), "FILE" },
    { NULL }
  };
  Format format = FORMAT_PDF;
  int status;

  if (!jz_cli_parse_options ("disclosure", entries, &argc, &argv, &status))
    return status;
  if (!check_options (&o, &format, &status))
    return status;

  /* Read-write: the list produced is recorded. */
  db = jz_cli_open_db (globals, JZ_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    return jz_cli_fail (error);

  if (o.user != NULL)
    {
      user = jz_user_get_by_name (db, o.user, &error);
      if (user == NULL)
        return jz_cli_fail (error);
      jz_db_set_user_name (db, user->name);
    }

  query = make_query (db, &o, &status);
  if (query == NULL)
    return status;

  list = jz_disclosure_build (db, user, query, &error);
  if (list == NULL)
    return jz_cli_fail (error);

  if (!write_list (list, format, o.by_village, o.out, &error))
    return jz_cli_fail (error);
  /* A list nobody could produce again is not handed out. */
  if (!jz_disclosure_record (db, list, format_names[format], &error))
    {
      g_remove (o.out);
      return jz_cli_fail (error);
    }

  g_print ("%u\n", list->rows->len);
  return EXIT_SUCCESS;
}
