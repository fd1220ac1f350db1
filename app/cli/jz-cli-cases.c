/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jiuzhu-cli cases list | sample, and case new | advance | review |
 * review-emergency | show.
 *
 * A step is taken as the user named with --user, whose role is checked by
 * the core exactly as in the window; the command line asks for no
 * password: whoever can write the database file could change it with any
 * SQLite tool anyway, and --user says whose step it is, for the history
 * and the audit log.  Without --user a step is refused unless the
 * database is in single-user mode. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "jz-calendar.h"
#include "jz-case.h"
#include "jz-cli.h"
#include "jz-labels.h"
#include "jz-standard.h"
#include "jz-user.h"
#include "jz-workflow.h"

static int
program_usage_error (const char *program)
{
  g_autofree char *message = g_strdup_printf (_("There is no program with the code “%s”. The codes are dibao_urban, dibao_rural, tekun_dispersed, tekun_centralized, temporary, disability_living, disability_care, child_living and low_income."), program);

  return jz_cli_usage_error (message);
}

static int
status_usage_error (const char *status)
{
  g_autofree char *message = g_strdup_printf (_("There is no case state “%s”. The states are draft, submitted, accepted, investigating, village_notice, township_reviewed, approved, active, suspended, terminated, rejected and withdrawn."), status);

  return jz_cli_usage_error (message);
}

static gboolean
check_date_option (const char *text,
                   int        *status)
{
  if (text == NULL || jz_calendar_parse_date (text, NULL))
    return TRUE;

  *status = jz_cli_usage_error (_("Give the date as YYYY-MM-DD, for example 2026-01-31."));
  return FALSE;
}

/* The user taking a step: the one named, whose name then goes into the
 * audit log too; none in single-user mode. */
static gboolean
resolve_user (JzDb        *db,
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
      *status = jz_cli_usage_error (_("Name the user taking the step with --user NAME; this database has users who sign in."));
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

/* Options and exactly one case number. */
static gboolean
parse_with_case_id (const char     *command,
                    GOptionEntry   *entries,
                    int            *argc,
                    char         ***argv,
                    gint64         *case_id,
                    int            *status)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("CASE_ID"));
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = g_strdup_printf ("jiuzhu-cli %s", command);
  guint64 id = 0;

  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = jz_cli_usage_error (error->message);
      return FALSE;
    }

  if (*argc != 2 || !g_ascii_string_to_unsigned ((*argv)[1], 10, 1, G_MAXINT64, &id, NULL))
    {
      *status = jz_cli_usage_error (_("Give the number of one case, e.g. 42."));
      return FALSE;
    }

  *case_id = (gint64) id;
  return TRUE;
}

/* --- cases list ----------------------------------------------------------- */

typedef struct
{
  char *today;
} ListData;

static gboolean
print_case_cb (const JzCaseFlow *flow,
               gpointer          user_data)
{
  ListData *data = user_data;
  g_autofree char *head = jz_cli_tsv_field (flow->head_name);

  g_print ("%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\t%s\t%" G_GINT64_FORMAT "\n",
           flow->id, flow->household_id, head, flow->program, flow->status, flow->applied_on,
           flow->step_due_on != NULL ? flow->step_due_on : "",
           jz_workflow_overdue (flow, data->today) ? "yes" : "no",
           flow->monthly_amount);
  return TRUE;
}

static int
cases_list (JzCliGlobals *globals,
            int           argc,
            char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  g_autofree char *status_filter = NULL;
  g_autofree char *program = NULL;
  g_autofree char *township = NULL;
  ListData data = { NULL };
  gint64 township_id = 0;
  GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_filter, N_("Only the cases in this state, e.g. township_reviewed"), "STATE" },
    { "program", 0, 0, G_OPTION_ARG_STRING, &program, N_("Only the cases of this program, by its code, e.g. dibao_rural"), "CODE" },
    { "township", 0, 0, G_OPTION_ARG_STRING, &township, N_("Only the cases of the households of the township of this name"), "NAME" },
    { NULL }
  };
  int status;
  gboolean ok;

  if (!jz_cli_parse_options ("cases list", entries, &argc, &argv, &status))
    return status;

  if (status_filter != NULL && !jz_workflow_is_status (status_filter))
    return status_usage_error (status_filter);
  if (program != NULL && jz_labels_program_period (program) == NULL)
    return program_usage_error (program);

  db = jz_cli_open_db (globals, JZ_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    return jz_cli_fail (error);

  if (township != NULL)
    {
      township_id = jz_cli_find_township (db, township, &error);
      if (township_id == 0)
        return jz_cli_fail (error);
    }

  data.today = jz_today ();
  ok = jz_case_flow_foreach (db, status_filter, program, township_id, print_case_cb, &data, &error);
  g_free (data.today);

  return ok ? EXIT_SUCCESS : jz_cli_fail (error);
}

/* --- cases sample --------------------------------------------------------- */

/* The county's check of the tekun cases awaiting its decision (双随机):
 * at least the rate of the standard tekun_sample_pct, drawn in an order
 * the seed fixes, so that the draw can be repeated and checked. */
static int
cases_sample (JzCliGlobals *globals,
              int           argc,
              char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  g_autoptr(JzUser) user = NULL;
  g_autofree char *seed_text = NULL;
  g_autofree char *user_name = NULL;
  gboolean show_status = FALSE;
  GOptionEntry entries[] = {
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text, N_("The seed of the draw, a whole number: the same seed on the same cases draws the same ones (required)"), "N" },
    { "user", 0, 0, G_OPTION_ARG_STRING, &user_name, N_("The sign-in name of the user drawing the sample; their role is checked"), "NAME" },
    { "status", 0, 0, G_OPTION_ARG_NONE, &show_status, N_("Draw nothing; print the applications waiting, those marked, how many the rate asks for and the rate"), NULL },
    { NULL }
  };
  guint64 seed = 0;
  guint n_sampled = 0;
  int status;

  if (!jz_cli_parse_options ("cases sample", entries, &argc, &argv, &status))
    return status;

  if (show_status)
    {
      guint waiting, marked, target, rate_bp;

      db = jz_cli_open_db (globals, JZ_DB_OPEN_READ_ONLY, &error);
      if (db == NULL || !jz_workflow_sample_status (db, &waiting, &marked, &target, &rate_bp, &error))
        return jz_cli_fail (error);
      g_print ("waiting\t%u\nmarked\t%u\ntarget\t%u\nrate_bp\t%u\n", waiting, marked, target, rate_bp);
      return EXIT_SUCCESS;
    }

  if (seed_text == NULL || !g_ascii_string_to_unsigned (seed_text, 10, 0, G_MAXUINT64, &seed, NULL))
    return jz_cli_usage_error (_("Give the seed of the draw with --seed N, a whole number, so that the same draw can be repeated."));

  db = jz_cli_open_db (globals, JZ_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    return jz_cli_fail (error);
  if (!resolve_user (db, user_name, &user, &status))
    return status;

  if (!jz_workflow_sample_tekun (db, user, seed, 0, &n_sampled, &error))
    return jz_cli_fail (error);

  g_print ("%u\n", n_sampled);
  return EXIT_SUCCESS;
}

/* --- case new ------------------------------------------------------------ */

static int
case_new (JzCliGlobals *globals,
          int           argc,
          char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  g_autoptr(JzUser) user = NULL;
  g_autofree char *program = NULL;
  g_autofree char *user_name = NULL;
  g_autofree char *date = NULL;
  g_autofree char *note = NULL;
  g_autofree char *temp_kind = NULL;
  g_autofree char *temp_multiple = NULL;
  gint64 household = 0, person = 0, id;
  gboolean emergency = FALSE, unstable = FALSE;
  JzCaseApplication app = { 0 };
  GOptionEntry entries[] = {
    { "household", 0, 0, G_OPTION_ARG_INT64, &household, N_("The number of the household file"), "ID" },
    { "person", 0, 0, G_OPTION_ARG_INT64, &person, N_("The member applying, for a program paid per person"), "ID" },
    { "program", 0, 0, G_OPTION_ARG_STRING, &program, N_("The program, by its code, e.g. dibao_rural"), "CODE" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The date of the application (default: today)"), "YYYY-MM-DD" },
    { "user", 0, 0, G_OPTION_ARG_STRING, &user_name, N_("The sign-in name of the user recording it; their role is checked"), "NAME" },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note for the case history"), "TEXT" },
    { "emergency", 0, 0, G_OPTION_ARG_NONE, &emergency, N_("An emergency: temporary assistance paid first and reviewed after"), NULL },
    { "unstable-income", 0, 0, G_OPTION_ARG_NONE, &unstable, N_("Dibao with an unstable income, reviewed every 6 months"), NULL },
    { "temp-kind", 0, 0, G_OPTION_ARG_STRING, &temp_kind, N_("Temporary assistance: illness, education or other"), "KIND" },
    { "temp-multiple", 0, 0, G_OPTION_ARG_STRING, &temp_multiple, N_("Temporary assistance: the multiple of the urban dibao standard, e.g. 6"), "N" },
    { NULL }
  };
  int status;

  if (!jz_cli_parse_options ("case new", entries, &argc, &argv, &status))
    return status;

  if (household <= 0)
    return jz_cli_usage_error (_("Give the household with --household ID."));
  if (program == NULL)
    return jz_cli_usage_error (_("Give the program with --program CODE."));
  if (jz_labels_program_period (program) == NULL)
    return program_usage_error (program);
  if (person < 0)
    return jz_cli_usage_error (_("Give the member with --person ID."));
  if (!check_date_option (date, &status))
    return status;
  if (temp_multiple != NULL &&
      !jz_standard_parse_value (JZ_STANDARD_TEMP_ILLNESS_MAX, temp_multiple, &app.temp_multiple_bp, &error))
    return jz_cli_usage_error (error->message);

  db = jz_cli_open_db (globals, JZ_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    return jz_cli_fail (error);
  if (!resolve_user (db, user_name, &user, &status))
    return status;

  app.emergency = emergency;
  app.unstable_income = unstable;
  app.temp_kind = temp_kind;
  app.note = note;

  id = jz_case_create_application (db, user, household, person, program, date, &app, &error);
  if (id == 0)
    return jz_cli_fail (error);

  g_print ("%" G_GINT64_FORMAT "\n", id);
  return EXIT_SUCCESS;
}

/* --- case advance, case review, case review-emergency --------------------------- */

static int
print_step_result (JzDb   *db,
                   gint64  case_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzCaseFlow) flow = jz_case_flow_get (db, case_id, &error);

  if (flow == NULL)
    return jz_cli_fail (error);

  g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%" G_GINT64_FORMAT "\n", flow->id, flow->status,
           flow->step_due_on != NULL ? flow->step_due_on : "", flow->monthly_amount);
  return EXIT_SUCCESS;
}

typedef enum
{
  STEP_ADVANCE,
  STEP_REVIEW,
  STEP_REVIEW_EMERGENCY,
} StepKind;

static int
case_step (JzCliGlobals *globals,
           int           argc,
           char        **argv,
           StepKind      kind)
{
  static const char * const commands[] = { "case advance", "case review", "case review-emergency" };
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  g_autoptr(JzUser) user = NULL;
  g_autofree char *to = NULL;
  g_autofree char *user_name = NULL;
  g_autofree char *note = NULL;
  g_autofree char *date = NULL;
  gint64 case_id = 0;
  GOptionEntry advance_entries[] = {
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The state the case moves to, e.g. accepted"), "STATE" },
    { "user", 0, 0, G_OPTION_ARG_STRING, &user_name, N_("The sign-in name of the user taking the step; their role is checked"), "NAME" },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note; the reason, where one is required"), "TEXT" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day of the step (default: today)"), "YYYY-MM-DD" },
    { NULL }
  };
  int status;
  gboolean ok;

  /* The reviews take the same options but --to. */
  if (!parse_with_case_id (commands[kind],
                           kind != STEP_ADVANCE ? advance_entries + 1 : advance_entries,
                           &argc, &argv, &case_id, &status))
    return status;

  if (kind == STEP_ADVANCE && to == NULL)
    return jz_cli_usage_error (_("Give the state to move the case to with --to STATE."));
  if (kind == STEP_ADVANCE && !jz_workflow_is_status (to))
    return status_usage_error (to);
  if (!check_date_option (date, &status))
    return status;

  db = jz_cli_open_db (globals, JZ_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    return jz_cli_fail (error);
  if (!resolve_user (db, user_name, &user, &status))
    return status;

  switch (kind)
    {
    case STEP_REVIEW:
      ok = jz_case_review (db, user, case_id, date, note, &error);
      break;
    case STEP_REVIEW_EMERGENCY:
      ok = jz_case_review_emergency (db, user, case_id, date, note, &error);
      break;
    case STEP_ADVANCE:
    default:
      ok = jz_case_advance (db, user, case_id, to, note, date, &error);
      break;
    }
  if (!ok)
    return jz_cli_fail (error);

  return print_step_result (db, case_id);
}

/* --- case show --------------------------------------------------------------- */

static void
print_field (const char *key,
             const char *value)
{
  g_autofree char *field = jz_cli_tsv_field (value != NULL ? value : "");

  g_print ("%s\t%s\n", key, field);
}

static void
print_number (const char *key,
              gint64      value)
{
  g_print ("%s\t%" G_GINT64_FORMAT "\n", key, value);
}

static int
case_show (JzCliGlobals *globals,
           int           argc,
           char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  g_autoptr(JzCaseFlow) flow = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(JzUser) user = NULL;
  g_autofree char *user_name = NULL;
  g_autofree char *today = jz_today ();
  g_auto(GStrv) next = NULL;
  g_autofree char *next_text = NULL;
  gint64 case_id = 0;
  GOptionEntry entries[] = {
    { "user", 0, 0, G_OPTION_ARG_STRING, &user_name, N_("List the steps this user may take next"), "NAME" },
    { NULL }
  };
  int status;

  if (!parse_with_case_id ("case show", entries, &argc, &argv, &case_id, &status))
    return status;

  db = jz_cli_open_db (globals, JZ_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    return jz_cli_fail (error);
  if (user_name != NULL)
    {
      user = jz_user_get_by_name (db, user_name, &error);
      if (user == NULL)
        return jz_cli_fail (error);
    }

  flow = jz_case_flow_get (db, case_id, &error);
  if (flow == NULL)
    return jz_cli_fail (error);
  history = jz_case_list_history (db, case_id, &error);
  if (history == NULL)
    return jz_cli_fail (error);

  print_number ("id", flow->id);
  print_number ("household", flow->household_id);
  print_number ("person", flow->person_id);
  print_field ("head", flow->head_name);
  print_field ("program", flow->program);
  print_field ("status", flow->status);
  print_number ("persons", flow->persons);
  print_number ("monthly_amount", flow->monthly_amount);
  print_field ("applied_on", flow->applied_on);
  print_field ("accepted_on", flow->accepted_on);
  print_field ("investigated_on", flow->investigated_on);
  print_field ("notice_from", flow->notice_from);
  print_field ("notice_to", flow->notice_to);
  print_field ("reviewed_on", flow->reviewed_on);
  print_field ("decided_on", flow->decided_on);
  print_field ("starts_on", flow->starts_on);
  print_field ("ended_on", flow->ended_on);
  print_field ("reason", flow->reason);
  print_field ("step_due_on", flow->step_due_on);
  print_field ("process_due_on", flow->process_due_on);
  print_field ("process_limit_on", flow->process_limit_on);
  print_field ("next_review_on", flow->next_review_on);
  print_field ("overdue", jz_workflow_overdue (flow, today) ? "yes" : "no");
  print_field ("emergency", flow->emergency ? "yes" : "no");
  print_field ("emergency_reviewed_on", flow->emergency_reviewed_on);
  print_field ("sampled", flow->sampled ? "yes" : "no");

  next = jz_workflow_next_statuses (user, flow);
  next_text = g_strjoinv (",", next);
  print_field ("next", next_text);

  for (guint i = 0; i < history->len; i++)
    {
      JzCaseStep *step = g_ptr_array_index (history, i);
      g_autofree char *user_field = jz_cli_tsv_field (step->user_name);
      g_autofree char *note = jz_cli_tsv_field (step->note);

      g_print ("history\t%s\t%s\t%" G_GINT64_FORMAT "\t%s\t%s\n",
               step->on_date, step->status, step->monthly_amount, user_field, note);
    }

  return EXIT_SUCCESS;
}

/* --- dispatch ------------------------------------------------------------ */

/* argv[0] is "cases" or "case". */
int
jz_cli_cases (JzCliGlobals *globals,
              int           argc,
              char        **argv)
{
  gboolean help = argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"));

  if (g_str_equal (argv[0], "cases"))
    {
      if (help)
        {
          g_print ("%s\n", _("Usage: jiuzhu-cli cases list|sample …"));
          g_print ("  cases list [--status STATE] [--program CODE] [--township NAME]\n");
          g_print ("  cases sample --seed N [--user NAME]\n");
          g_print ("  cases sample --status\n");
          g_print ("%s\n", _("“cases sample” marks tekun cases awaiting the county’s decision for its check until the share of the standard tekun_sample_pct is reached, and prints how many it marked."));
          return EXIT_SUCCESS;
        }
      if (argc >= 2 && g_str_equal (argv[1], "list"))
        {
          g_set_prgname ("jiuzhu-cli cases list");
          return cases_list (globals, argc - 1, argv + 1);
        }
      if (argc >= 2 && g_str_equal (argv[1], "sample"))
        {
          g_set_prgname ("jiuzhu-cli cases sample");
          return cases_sample (globals, argc - 1, argv + 1);
        }
      return jz_cli_usage_error (_("Name what to do with the cases: list or sample."));
    }

  if (help)
    {
      g_print ("%s\n", _("Usage: jiuzhu-cli case new|advance|review|review-emergency|show …"));
      g_print ("  case new --household ID --program CODE [--person ID] [--user NAME] [--date DATE]\n");
      g_print ("  case advance CASE_ID --to STATE [--user NAME] [--note TEXT] [--date DATE]\n");
      g_print ("  case review CASE_ID [--user NAME] [--note TEXT] [--date DATE]\n");
      g_print ("  case review-emergency CASE_ID [--user NAME] [--note TEXT] [--date DATE]\n");
      g_print ("  case show CASE_ID [--user NAME]\n");
      return EXIT_SUCCESS;
    }
  if (argc < 2)
    return jz_cli_usage_error (_("Name what to do with the case: new, advance, review, review-emergency or show."));

  /* argv[1] stands in for the program name of the subcommand. */
  if (g_str_equal (argv[1], "new"))
    {
      g_set_prgname ("jiuzhu-cli case new");
      return case_new (globals, argc - 1, argv + 1);
    }
  if (g_str_equal (argv[1], "advance"))
    {
      g_set_prgname ("jiuzhu-cli case advance");
      return case_step (globals, argc - 1, argv + 1, STEP_ADVANCE);
    }
  if (g_str_equal (argv[1], "review"))
    {
      g_set_prgname ("jiuzhu-cli case review");
      return case_step (globals, argc - 1, argv + 1, STEP_REVIEW);
    }
  if (g_str_equal (argv[1], "review-emergency"))
    {
      g_set_prgname ("jiuzhu-cli case review-emergency");
      return case_step (globals, argc - 1, argv + 1, STEP_REVIEW_EMERGENCY);
    }
  if (g_str_equal (argv[1], "show"))
    {
      g_set_prgname ("jiuzhu-cli case show");
      return case_show (globals, argc - 1, argv + 1);
    }

  return jz_cli_usage_error (_("Name what to do with the case: new, advance, review, review-emergency or show."));
}
