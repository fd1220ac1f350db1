/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <unistd.h>

#include "jz-check.h"
#include "jz-cli.h"
#include "jz-db.h"
#include "jz-demo.h"
#include "jz-household-query.h"
#include "jz-id-number.h"
#include "jz-export-labels.h"
#include "jz-xlsx-export.h"

static int
command_init (JzCliGlobals *globals,
              int      argc,
              char   **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  int status;

  if (!jz_cli_parse_options ("init", NULL, &argc, &argv, &status))
    return status;

  db = jz_cli_open_db (globals, JZ_DB_OPEN_CREATE, &error);
  if (db == NULL)
    return jz_cli_fail (error);

  g_print ("%s\t%d\t%s\n", jz_db_get_path (db), jz_db_get_schema_version (db), jz_db_get_journal_mode (db));
  return EXIT_SUCCESS;
}

static gboolean
parse_month_end (const char *text,
                 GDate      *date)
{
  guint64 year, month;
  g_auto(GStrv) parts = NULL;

  if (text == NULL || strlen (text) != 7 || text[4] != '-')
    return FALSE;

  parts = g_strsplit (text, "-", 2);
  if (!g_ascii_string_to_unsigned (parts[0], 10, 1900, 9999, &year, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, 12, &month, NULL))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_get_days_in_month (month, year), month, year);
  return TRUE;
}

static void
demo_progress_cb (guint    done,
                  guint    total,
                  gpointer user_data)
{
  if (isatty (fileno (stderr)))
    g_printerr ("\r%u / %u", done, total);
}

static int
command_demo (JzCliGlobals *globals,
              int      argc,
              char   **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  g_autofree char *until = NULL;
  gint64 households = 1000;
  gint64 seed = 1;
  JzDemoOptions options = { 0 };
  GOptionEntry entries[] = {
    { "households", 0, 0, G_OPTION_ARG_INT64, &households, N_("Number of households, 1 to 400000"), "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, N_("Seed of the generator; the same seed gives the same district"), "S" },
    { "until", 0, 0, G_OPTION_ARG_STRING, &until, N_("Last month of the history (default: this month)"), "YYYY-MM" },
    { NULL }
  };
  int status;

  if (!jz_cli_parse_options ("demo", entries, &argc, &argv, &status))
    return status;

  if (households < 1 || households > 400000)
    return jz_cli_usage_error (_("The number of households must be between 1 and 400000."));
  if (seed < 0)
    return jz_cli_usage_error (_("The seed must be zero or a positive number."));

  g_date_clear (&options.end, 1);
  if (until != NULL)
    {
      if (!parse_month_end (until, &options.end))
        return jz_cli_usage_error (_("Give the month as YYYY-MM, for example 2026-11."));
    }
  else
    g_date_set_time_t (&options.end, time (NULL));

  options.n_households = (guint) households;
  options.seed = (guint64) seed;
  options.progress = demo_progress_cb;

  db = jz_cli_open_db (globals, JZ_DB_OPEN_CREATE, &error);
  if (db == NULL)
    return jz_cli_fail (error);

  if (!jz_demo_generate (db, &options, &error))
    return jz_cli_fail (error);

  if (isatty (fileno (stderr)))
    g_printerr ("\n");

  return EXIT_SUCCESS;
}

static int
command_check (JzCliGlobals *globals,
               int      argc,
               char   **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  int status;

  if (!jz_cli_parse_options ("check", NULL, &argc, &argv, &status))
    return status;

  /* Read only: checking must not change the file, not even migrate it. */
  db = jz_cli_open_db (globals, JZ_DB_OPEN_READ_ONLY, &error);
  if (db == NULL)
    return jz_cli_fail (error);

  problems = jz_check_run (db, &error);
  if (problems == NULL)
    return jz_cli_fail (error);

  for (guint i = 0; i < problems->len; i++)
    g_print ("%s\n", (const char *) g_ptr_array_index (problems, i));

  return problems->len == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

static void
print_id_line (const char  *input,
               const GDate *at)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *field = jz_cli_tsv_field (input);
  JzIdNumber id;
  gboolean valid;

  valid = jz_id_number_parse (input, at, &id, &error);
  if (!valid && g_error_matches (error, JZ_ID_NUMBER_ERROR, JZ_ID_NUMBER_ERROR_LENGTH))
    {
      g_autofree char *upgraded = jz_id_number_upgrade (input, NULL);

      if (upgraded != NULL)
        {
          g_clear_error (&error);
          valid = jz_id_number_parse (upgraded, at, &id, &error);
        }
    }

  if (valid)
    {
      char birth[11];

      g_date_strftime (birth, sizeof birth, "%Y-%m-%d", &id.birth);
      g_print ("%s\tvalid\t%s\t%s\t%c\t%u\t\n", field, id.number, birth, id.sex, jz_id_number_age_at (&id, at));
    }
  else
    {
      g_autofree char *reason = jz_cli_tsv_field (error->message);

      g_print ("%s\tinvalid\t\t\t\t\t%s\n", field, reason);
    }
}

static int
command_id (JzCliGlobals *globals,
            int      argc,
            char   **argv)
{
  g_autoptr(GIOChannel) channel = NULL;
  g_autofree char *at_text = NULL;
  GOptionEntry entries[] = {
    { "at", 0, 0, G_OPTION_ARG_STRING, &at_text, N_("Date at which ages are counted (default: today)"), "YYYY-MM-DD" },
    { NULL }
  };
  GIOStatus io_status;
  GDate at;
  int status;

  if (!jz_cli_parse_options ("id", entries, &argc, &argv, &status))
    return status;

  g_date_clear (&at, 1);
  if (at_text != NULL)
    {
      if (!jz_cli_parse_date (at_text, &at))
        return jz_cli_usage_error (_("Give the date as YYYY-MM-DD, for example 2026-01-31."));
    }
  else
    g_date_set_time_t (&at, time (NULL));

  channel = g_io_channel_unix_new (fileno (stdin));
  g_io_channel_set_encoding (channel, NULL, NULL);

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *line = NULL;
      gsize len = 0, terminator = 0;

      io_status = g_io_channel_read_line (channel, &line, &len, &terminator, &error);
      if (io_status == G_IO_STATUS_EOF)
        break;
      if (io_status != G_IO_STATUS_NORMAL)
        {
          g_printerr ("jiuzhu-cli: %s\n", _("The input could not be read."));
          return EXIT_FAILURE;
        }

      line[terminator] = '\0';
      if (terminator > 0 && line[terminator - 1] == '\r')
        line[terminator - 1] = '\0';

      if (!g_utf8_validate (line, -1, NULL))
        {
          g_print ("?\tinvalid\t\t\t\t\t%s\n", _("The line is not valid UTF-8 text."));
          continue;
        }

      print_id_line (line, &at);
    }

  return EXIT_SUCCESS;
}

/* households search TEXT [--limit N]: one TSV line per household, the ID
 * number masked as in the list on screen. */
static int
command_households (JzCliGlobals *globals,
                    int      argc,
                    char   **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(JzHouseholdQuery) query = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  gint64 limit = 20;
  GOptionEntry entries[] = {
    { "limit", 0, 0, G_OPTION_ARG_INT64, &limit, N_("At most this many households, 1 to 10000 (default: 20)"), "N" },
    { NULL }
  };

  /* "households --help" shows the help of its one subcommand, from the
   * option parser below. */
  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    ;
  else if (argc < 2 || !g_str_equal (argv[1], "search"))
    return jz_cli_usage_error (_("Name what to do with the households: search."));
  else
    {
      /* argv[1] stands in for the program name of the subcommand. */
      argc--;
      argv++;
    }
  g_set_prgname ("jiuzhu-cli households search");
  context = g_option_context_new (_("TEXT"));
  g_option_context_set_summary (context, _("Find households by a member's name (its start) or ID number (all of it, or its last 4 or more digits)."));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return jz_cli_usage_error (error->message);

  if (argc != 2)
    return jz_cli_usage_error (argc < 2 ? _("Give the text to search for.") : _("Give the text to search for as one argument; put a name with blanks in quotes."));
  if (limit < 1 || limit > 10000)
    return jz_cli_usage_error (_("The limit must be between 1 and 10000."));
  if (jz_household_search_classify (argv[1], NULL) == JZ_HOUSEHOLD_SEARCH_NONE)
    return jz_cli_usage_error (_("Give the text to search for."));

  db = jz_cli_open_db (globals, JZ_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    return jz_cli_fail (error);

  query = jz_household_query_new ();
  query->search = g_strdup (argv[1]);
  rows = jz_household_query_page (db, query, NULL, (guint) limit, &error);
  if (rows == NULL)
    return jz_cli_fail (error);

  for (guint i = 0; i < rows->len; i++)
    {
      JzHouseholdRow *row = g_ptr_array_index (rows, i);
      g_autofree char *name = jz_cli_tsv_field (jz_household_row_get_head_name (row));
      g_autofree char *village = jz_cli_tsv_field (jz_household_row_get_village_name (row));
      g_autofree char *township = jz_cli_tsv_field (jz_household_row_get_township_name (row));

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%u\n",
               jz_household_row_get_id (row), name, jz_household_row_get_masked_id_number (row),
               village, township, jz_household_row_get_members (row));
    }

  return EXIT_SUCCESS;
}

/* export households --out FILE.xlsx [--township NAME] [--program CODE]:
 * the persons export of app/io, households grouped by village; prints
 * the number of rows (persons) written. */
static int
command_export (JzCliGlobals *globals,
                int      argc,
                char   **argv)
{
  g_autoptr(JzHouseholdQuery) query = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  g_autofree char *out = NULL;
  g_autofree char *township = NULL;
  g_autofree char *program = NULL;
  guint64 n_rows = 0;
  GOptionEntry entries[] = {
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("The .xlsx file to write"), "FILE" },
    { "township", 0, 0, G_OPTION_ARG_STRING, &township, N_("Only the households of the township of this name"), "NAME" },
    { "program", 0, 0, G_OPTION_ARG_STRING, &program, N_("Only the households with an active case of this program, by its code, e.g. dibao_rural"), "CODE" },
    { NULL }
  };
  int status;

  if (argc < 2 || !g_str_equal (argv[1], "households"))
    return jz_cli_usage_error (_("Name what to export: households."));

  /* argv[1] stands in for the program name of the subcommand. */
  argc--;
  argv++;
  if (!jz_cli_parse_options ("export households", entries, &argc, &argv, &status))
    return status;

  if (out == NULL || *out == '\0')
    return jz_cli_usage_error (_("Give the file to write with --out FILE.xlsx."));
  if (program != NULL && jz_export_program_label (program) == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("There is no program with the code “%s”. The codes are dibao_urban, dibao_rural, tekun_dispersed, tekun_centralized, temporary, disability_living, disability_care, child_living and low_income."), program);
      return jz_cli_usage_error (message);
    }

  db = jz_cli_open_db (globals, JZ_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    return jz_cli_fail (error);

  query = jz_household_query_new ();
  query->sort = JZ_HOUSEHOLD_SORT_VILLAGE;
  query->program = g_strdup (program);

  if (township != NULL)
    {
      query->township_id = jz_cli_find_township (db, township, &error);
      if (query->township_id == 0)
        return jz_cli_fail (error);
    }

  if (!jz_xlsx_export_households (db, query, out, NULL, NULL, &n_rows, NULL, &error))
    return jz_cli_fail (error);

  g_print ("%" G_GUINT64_FORMAT "\n", n_rows);
  return EXIT_SUCCESS;
}

static const struct {
  const char  *name;
  JzCliCommandFunc func;
  const char  *summary;
} commands[] = {
  { "init",  command_init,  N_("Create the database, or bring its schema up to date") },
  { "demo",  command_demo,  N_("Fill an empty database with a synthetic district") },
  { "check", command_check, N_("Check the database; one problem a line, exit 1 when any") },
  { "id",    command_id,    N_("Check ID numbers read from standard input, one a line") },
  { "households", command_households, N_("Find households: households search TEXT [--limit N]") },
  { "export",     command_export,     N_("Write the persons of the households to .xlsx: export households --out FILE.xlsx") },
  { "cases",      jz_cli_cases,       N_("List the cases: cases list [--status STATE] [--program CODE] [--township NAME]") },
  { "case",       jz_cli_cases,       N_("Work on a case: case new | advance CASE_ID --to STATE --user NAME | review | show CASE_ID") },
  { "standards",  jz_cli_standards,   N_("Dated standards: standards list [--at DATE] | history KIND | set KIND VALUE --from DATE") },
  { "benefit",    jz_cli_benefit,     N_("The itemized benefit: benefit --facts FILE.json | --case ID [--date DATE] [--json]") },
  { "users",      jz_cli_users,       N_("Users and sign-in: users list | add NAME --role ROLE | passwd NAME | single-user on|off") },
  { "case-notice", jz_cli_case_notice, N_("Write the approval or refusal notice of a case: case-notice CASE_ID --out FILE.pdf|FILE.png") },
  { "calendar",   jz_cli_calendar,    N_("The working-day calendar: calendar list [--year YYYY] | add DAY holiday|workday | remove DAY | add-working-days DATE N") },
  { "care",       jz_cli_care,        N_("Care of dispersed extreme-poverty recipients: care list [--filter F] | stats | export --out FILE.xlsx | agreement-pdf ID --out FILE.pdf | visit-form --out FILE.pdf") },
  { "disclosure", jz_cli_disclosure,  N_("Write a disclosure list: disclosure --program CODE[,CODE] [--township NAME] [--village NAME] [--month YYYY-MM | --kind notice --from DATE --to DATE] --out FILE.pdf|FILE.xlsx|FILE.html") },
  { "rolls",      jz_cli_rolls,       N_("Payment rolls: rolls generate --program CODE[,CODE] --period YYYY-MM|YYYY-Qn [--township NAME] | list | check | lock | paid | diff ROLL_A ROLL_B") },
};

static void
print_help (void)
{
  g_print ("%s\n\n", _("Usage: jiuzhu-cli [--db PATH] COMMAND [OPTIONS]"));
  g_print ("%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_print ("  %-12s %s\n", commands[i].name, _(commands[i].summary));
  g_print ("\n%s\n", _("Options:"));
  g_print ("  --db PATH  %s\n", _("The database file (default: jiuzhu.db in the user’s data folder)"));
  g_print ("  --version  %s\n", _("Print the version"));
}

int
main (int   argc,
      char *argv[])
{
  JzCliGlobals globals = { NULL };
  const char *localedir = g_getenv ("JIUZHU_LOCALEDIR");
  int i;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  for (i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (g_str_equal (arg, "--version"))
        {
          g_print ("jiuzhu-cli %s\n", PACKAGE_VERSION);
          return EXIT_SUCCESS;
        }
      else if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        {
          print_help ();
          return EXIT_SUCCESS;
        }
      else if (g_str_equal (arg, "--db"))
        {
          if (i + 1 >= argc || argv[i + 1][0] == '\0')
            return jz_cli_usage_error (_("The option --db needs a file name."));
          globals.db_path = argv[++i];
        }
      else if (g_str_has_prefix (arg, "--db="))
        {
          if (arg[5] == '\0')
            return jz_cli_usage_error (_("The option --db needs a file name."));
          globals.db_path = arg + 5;
        }
      else if (arg[0] == '-')
        {
          g_autofree char *message = g_strdup_printf (_("Unknown option “%s”."), arg);
          return jz_cli_usage_error (message);
        }
      else
        break;
    }

  if (i >= argc)
    return jz_cli_usage_error (_("Name a command."));

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    if (g_str_equal (argv[i], commands[c].name))
      {
        g_autofree char *prgname = g_strdup_printf ("jiuzhu-cli %s", commands[c].name);

        /* So that the command's --help says "Usage: jiuzhu-cli demo". */
        g_set_prgname (prgname);
        return commands[c].func (&globals, argc - i, argv + i);
      }

  {
    g_autofree char *message = g_strdup_printf (_("Unknown command “%s”."), argv[i]);
    return jz_cli_usage_error (message);
  }
}
