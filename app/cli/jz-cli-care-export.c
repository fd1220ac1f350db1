/* SPDX-License-Identifier: GPL-3.0-or-later */
/* care export: the list of the Care agreements panel, as app/io writes it
 * for the window's export button. */

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "jz-calendar.h"
#include "jz-care.h"
#include "jz-cli-care-export.h"
#include "jz-xlsx-care.h"

/* The names of "care list", so that both commands take the same words. */
static const struct
{
  const char   *name;
  JzCareFilter  filter;
} filters[] = {
  { "all",           JZ_CARE_FILTER_ALL },
  { "no-agreement",  JZ_CARE_FILTER_NO_AGREEMENT },
  { "expiring",      JZ_CARE_FILTER_EXPIRING },
  { "visit-overdue", JZ_CARE_FILTER_VISIT_OVERDUE },
  { "failed",        JZ_CARE_FILTER_FAILED },
};

static gboolean
parse_filter (const char   *text,
              JzCareFilter *filter,
              int          *status)
{
  *filter = JZ_CARE_FILTER_ALL;
  if (text == NULL)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    if (g_str_equal (text, filters[i].name))
      {
        *filter = filters[i].filter;
        return TRUE;
      }

  *status = jz_cli_usage_error (_("The filters are no-agreement, expiring, visit-overdue and failed."));
  return FALSE;
}

static gboolean
parse_day (const char  *text,
           char       **today,
           int         *status)
{
  if (text == NULL)
    {
      *today = jz_today ();
      return TRUE;
    }
  if (!jz_calendar_parse_date (text, NULL))
    {
      *status = jz_cli_usage_error (_("Give the date as YYYY-MM-DD, for example 2026-01-31."));
      return FALSE;
    }
  *today = g_strdup (text);
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
jz_cli_care_export (JzCliGlobals  *globals,
                    int            argc,
                    char         **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *out = NULL;
  g_autofree char *filter_text = NULL;
  g_autofree char *at = NULL;
  g_autofree char *today = NULL;
  GOptionEntry entries[] = {
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("The .xlsx file to write"), "FILE.xlsx" },
    { "filter", 0, 0, G_OPTION_ARG_STRING, &filter_text, N_("Only those with no agreement in force, an agreement expiring, a visit overdue or a failed evaluation still open"), "no-agreement|expiring|visit-overdue|failed" },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at, N_("The day the states and the overdue visits are told for (default: today)"), "DATE" },
    { NULL }
  };
  JzCareFilter filter;
  int status;

  if (!jz_cli_parse_options ("care export --out FILE.xlsx", entries, &argc, &argv, &status))
    return status;
  if (!check_out (out, &status) ||
      !parse_filter (filter_text, &filter, &status) ||
      !parse_day (at, &today, &status))
    return status;

  db = jz_cli_open_db (globals, JZ_DB_OPEN_READ_ONLY, &error);
  if (db == NULL)
    return jz_cli_fail (error);

  list = jz_care_list_recipients (db, NULL, filter, today, &error);
  if (list == NULL)
    return jz_cli_fail (error);

  if (!jz_xlsx_care_export (list, today, out, &error))
    return jz_cli_fail (error);

  g_print ("%u\n", list->len);
  return EXIT_SUCCESS;
}
