/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jiuzhu-cli care list | stats: the dispersed tekun recipients and the
 * figures of the Care agreements panel. */

#include "config.h"

#include <glib/gi18n.h>

#include "jz-calendar.h"
#include "jz-care.h"
#include "jz-cli.h"
#include "jz-cli-care-export.h"
#include "jz-cli-care-print.h"

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

/* --- care list ---------------------------------------------------------- */

static int
care_list (JzCliGlobals *globals,
           int           argc,
           char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *filter_text = NULL;
  g_autofree char *at = NULL;
  g_autofree char *today = NULL;
  GOptionEntry entries[] = {
    { "filter", 0, 0, G_OPTION_ARG_STRING, &filter_text, N_("Only those with no agreement in force, an agreement expiring, a visit overdue or a failed evaluation still open"), "no-agreement|expiring|visit-overdue|failed" },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at, N_("The day the states and the overdue visits are told for (default: today)"), "DATE" },
    { NULL }
  };
  JzCareFilter filter = JZ_CARE_FILTER_ALL;
  gboolean known = FALSE;
  int status;

  if (!jz_cli_parse_options ("care list", entries, &argc, &argv, &status))
    return status;
  for (guint i = 0; filter_text != NULL && i < G_N_ELEMENTS (filters); i++)
    if (g_str_equal (filter_text, filters[i].name))
      {
        filter = filters[i].filter;
        known = TRUE;
      }
  if (filter_text != NULL && !known)
    return jz_cli_usage_error (_("The filters are no-agreement, expiring, visit-overdue and failed."));
  if (!parse_day (at, &today, &status))
    return status;

  db = jz_cli_open_db (globals, JZ_DB_OPEN_READ_ONLY, &error);
  if (db == NULL)
    return jz_cli_fail (error);
  list = jz_care_list_recipients (db, NULL, filter, today, &error);
  if (list == NULL)
    return jz_cli_fail (error);

  /* person id, name, township, village, tier, agreement number, its
   * state, caregiver, last visit, next visit due, overdue, last
   * evaluation: its date and result */
  for (guint i = 0; i < list->len; i++)
    {
      const JzCareRecipient *r = g_ptr_array_index (list, i);
      g_autofree char *name = jz_cli_tsv_field (r->name);
      g_autofree char *township = jz_cli_tsv_field (r->township_name);
      g_autofree char *village = jz_cli_tsv_field (r->village_name);
      g_autofree char *caregiver = jz_cli_tsv_field (r->caregiver_name != NULL ? r->caregiver_name : "");

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n",
               r->person_id, name, township, village, r->tier != NULL ? r->tier : "",
               r->agreement_number != NULL ? r->agreement_number : "",
               r->agreement_id != 0 ? jz_care_state_code (r->state) : "none",
               caregiver,
               r->last_visit_on != NULL ? r->last_visit_on : "",
               r->next_visit_on != NULL ? r->next_visit_on : "",
               r->visit_overdue ? "overdue" : "",
               r->last_evaluation_on != NULL ? r->last_evaluation_on : "",
               r->last_evaluation_result != NULL ? r->last_evaluation_result : "");
    }

  return EXIT_SUCCESS;
}

/* --- care stats ----------------------------------------------------------- */

/* n of d in per cent with one decimal, rounded half up: 92.5 */
static char *
percent (guint n,
         guint d)
{
  guint64 tenths;

  if (d == 0)
    return g_strdup ("");
  tenths = ((guint64) n * 1000 + d / 2) / d;
  return g_strdup_printf ("%" G_GUINT64_FORMAT ".%" G_GUINT64_FORMAT, tenths / 10, tenths % 10);
}

static int
care_stats (JzCliGlobals *globals,
            int           argc,
            char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  g_autofree char *at = NULL;
  g_autofree char *today = NULL;
  g_autofree char *coverage = NULL;
  g_autofree char *on_time = NULL;
  GOptionEntry entries[] = {
    { "at", 0, 0, G_OPTION_ARG_STRING, &at, N_("The day the figures are told for (default: today)"), "DATE" },
    { NULL }
  };
  JzCareStats stats;
  int status;

  if (!jz_cli_parse_options ("care stats", entries, &argc, &argv, &status))
    return status;
  if (!parse_day (at, &today, &status))
    return status;

  db = jz_cli_open_db (globals, JZ_DB_OPEN_READ_ONLY, &error);
  if (db == NULL || !jz_care_stats (db, NULL, today, &stats, &error))
    return jz_cli_fail (error);

  coverage = percent (stats.with_agreement, stats.recipients);
  on_time = percent (stats.visits_on_time, stats.recipients);
  g_print ("recipients\t%u\n", stats.recipients);
  g_print ("with_agreement\t%u\n", stats.with_agreement);
  g_print ("coverage_pct\t%s\n", coverage);
  g_print ("visits_on_time\t%u\n", stats.visits_on_time);
  g_print ("visits_on_time_pct\t%s\n", on_time);
  g_print ("visit_overdue\t%u\n", stats.visit_overdue);
  g_print ("expiring\t%u\n", stats.expiring);
  g_print ("failed_open\t%u\n", stats.failed_open);
  return EXIT_SUCCESS;
}

/* --- the command ------------------------------------------------------------- */

int
jz_cli_care (JzCliGlobals *globals,
             int           argc,
             char        **argv)
{
  const char *what = argc >= 2 ? argv[1] : NULL;

  if (g_strcmp0 (what, "--help") == 0 || g_strcmp0 (what, "-h") == 0)
    {
      g_print ("%s\n", _("Usage: jiuzhu-cli care list|stats|export|agreement-pdf|visit-form …"));
      g_print ("  care list [--filter no-agreement|expiring|visit-overdue|failed] [--at DATE]\n");
      g_print ("  care stats [--at DATE]\n");
      g_print ("  care export --out FILE.xlsx [--filter F] [--at DATE]\n");
      g_print ("  care agreement-pdf AGREEMENT_ID --out FILE.pdf\n");
      g_print ("  care visit-form --out FILE.pdf\n");
      g_print ("%s\n", _("“care list” prints the dispersed extreme-poverty recipients as TSV: person id, name, township, village, care tier, agreement number, its state, caregiver, last visit, next visit due, “overdue”, last evaluation date and result."));
      g_print ("%s\n", _("“care stats” prints the figures of the Care agreements panel, one name and value a line."));
      return EXIT_SUCCESS;
    }

  if (g_strcmp0 (what, "list") == 0)
    {
      g_set_prgname ("jiuzhu-cli care list");
      return care_list (globals, argc - 1, argv + 1);
    }
  if (g_strcmp0 (what, "stats") == 0)
    {
      g_set_prgname ("jiuzhu-cli care stats");
      return care_stats (globals, argc - 1, argv + 1);
    }
  if (g_strcmp0 (what, "export") == 0)
    {
      g_set_prgname ("jiuzhu-cli care export");
      return jz_cli_care_export (globals, argc - 1, argv + 1);
    }
  if (g_strcmp0 (what, "agreement-pdf") == 0)
    {
      g_set_prgname ("jiuzhu-cli care agreement-pdf");
      return jz_cli_care_agreement_pdf (globals, argc - 1, argv + 1);
    }
  if (g_strcmp0 (what, "visit-form") == 0)
    {
      g_set_prgname ("jiuzhu-cli care visit-form");
      return jz_cli_care_visit_form (globals, argc - 1, argv + 1);
    }

  return jz_cli_usage_error (_("Name what to do with the care of recipients: list, stats, export, agreement-pdf or visit-form."));
}
