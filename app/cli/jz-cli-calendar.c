/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jiuzhu-cli calendar: the working-day calendar of the legal deadlines.
 *
 * list, add and remove the listed days (holidays, and weekend days worked
 * in exchange, 调休), and count working days as the deadlines do.  Like
 * "standards set", the command line edits the calendar as the
 * administrator of the file: whoever can write the database file could
 * change it with any SQLite tool anyway.  The audit log names the account
 * of the operating system that ran the command. */

#include "config.h"

#include <glib/gi18n.h>

#include "jz-calendar.h"
#include "jz-cli.h"

static gboolean
is_help (int    argc,
         char **argv)
{
  return argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"));
}

static void
print_day (const JzCalendarDay *day)
{
  g_autofree char *name = jz_cli_tsv_field (day->name != NULL ? day->name : "");

  g_print ("%s\t%s\t%s\n", day->day, day->kind, name);
}

/* Options, then exactly @n_args arguments, named by @args_text in the
 * help; @wrong_count says what to give otherwise. */
static gboolean
parse_with_args (const char     *command,
                 const char     *args_text,
                 GOptionEntry   *entries,
                 int             n_args,
                 const char     *wrong_count,
                 int            *argc,
                 char         ***argv,
                 int            *status)
{
  g_autoptr(GOptionContext) context = g_option_context_new (args_text);
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

  if (*argc != n_args + 1)
    {
      *status = jz_cli_usage_error (wrong_count);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_date_arg (const char *text,
                int        *status)
{
  if (jz_calendar_parse_date (text, NULL))
    return TRUE;

  *status = jz_cli_usage_error (_("Give the date as YYYY-MM-DD, for example 2026-01-31."));
  return FALSE;
}

/* --- calendar list --------------------------------------------------------- */

static int
calendar_list (JzCliGlobals *globals,
               int           argc,
               char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  int year = 0;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("Only the days of this year (default: every listed day)"), "YYYY" },
    { NULL }
  };
  int status;

  if (!jz_cli_parse_options ("calendar list", entries, &argc, &argv, &status))
    return status;
  if (year != 0 && (year < 1 || year > 9999))
    return jz_cli_usage_error (_("Give the year with four digits, for example 2026."));

  if (year != 0)
    {
      from = g_strdup_printf ("%04d-01-01", year);
      to = g_strdup_printf ("%04d-12-31", year);
    }

  db = jz_cli_open_db (globals, JZ_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    return jz_cli_fail (error);

  days = jz_calendar_list_days (db, from, to, &error);
  if (days == NULL)
    return jz_cli_fail (error);

  for (guint i = 0; i < days->len; i++)
    print_day (g_ptr_array_index (days, i));
  return EXIT_SUCCESS;
}

/* --- calendar add, remove ------------------------------------------------- */

static int
calendar_add (JzCliGlobals *globals,
              int           argc,
              char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autofree char *name = NULL;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The festival the day belongs to, e.g. 国庆节"), "TEXT" },
    { NULL }
  };
  const char *day;
  const char *kind;
  int status;

  if (!parse_with_args ("calendar add", _("DAY holiday|workday"), entries, 2,
                        _("Give the day and whether it is a holiday or a workday, for example: calendar add 2026-10-01 holiday --name 国庆节."),
                        &argc, &argv, &status))
    return status;
  day = argv[1];
  kind = argv[2];
  if (!check_date_arg (day, &status))
    return status;
  if (!g_str_equal (kind, "holiday") && !g_str_equal (kind, "workday"))
    return jz_cli_usage_error (_("Say whether the day is a holiday or a workday (a weekend day worked in exchange)."));

  db = jz_cli_open_db (globals, JZ_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    return jz_cli_fail (error);

  if (!jz_calendar_add_day (db, NULL, day, kind, name, &error))
    return jz_cli_fail (error);

  /* The day as it is listed now. */
  days = jz_calendar_list_days (db, day, day, &error);
  if (days == NULL)
    return jz_cli_fail (error);
  for (guint i = 0; i < days->len; i++)
    print_day (g_ptr_array_index (days, i));
  return EXIT_SUCCESS;
}

static int
calendar_remove (JzCliGlobals *globals,
                 int           argc,
                 char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  int status;

  if (!parse_with_args ("calendar remove", _("DAY"), NULL, 1,
                        _("Give the day to take off the list, for example: calendar remove 2026-10-01."),
                        &argc, &argv, &status))
    return status;
  if (!check_date_arg (argv[1], &status))
    return status;

  db = jz_cli_open_db (globals, JZ_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    return jz_cli_fail (error);

  if (!jz_calendar_remove_day (db, NULL, argv[1], &error))
    return jz_cli_fail (error);
  return EXIT_SUCCESS;
}

/* --- calendar add-working-days ------------------------------------------- */

/* N may be negative, which GOption would take for an option: the two
 * arguments are read as they come. */
static int
calendar_add_working_days (JzCliGlobals *globals,
                           int           argc,
                           char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  g_autofree char *date = NULL;
  gint64 n = 0;
  int status;

  if (is_help (argc, argv))
    {
      g_print ("%s\n", _("Usage: jiuzhu-cli calendar add-working-days DATE N"));
      g_print ("%s\n", _("Prints the N-th working day after DATE, DATE itself not counted, as the deadlines count; a negative N counts back."));
      return EXIT_SUCCESS;
    }
  if (argc != 3)
    return jz_cli_usage_error (_("Give the date and the number of working days, for example: calendar add-working-days 2026-09-28 3."));
  if (!check_date_arg (argv[1], &status))
    return status;
  if (!g_ascii_string_to_signed (argv[2], 10, -10000, 10000, &n, NULL))
    return jz_cli_usage_error (_("Give the number of working days as a whole number from -10000 to 10000."));

  db = jz_cli_open_db (globals, JZ_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    return jz_cli_fail (error);

  date = jz_calendar_add_working_days (db, argv[1], (int) n, &error);
  if (date == NULL)
    return jz_cli_fail (error);

  g_print ("%s\n", date);
  return EXIT_SUCCESS;
}

/* --- dispatch ------------------------------------------------------------ */

static void
print_calendar_help (void)
{
  g_print ("%s\n\n", _("Usage: jiuzhu-cli [--db PATH] calendar COMMAND"));
  g_print ("%s\n\n", _("The working-day calendar of the deadlines: Monday to Friday are working days unless listed as a holiday; a Saturday or Sunday listed as a workday is worked."));
  g_print ("  list [--year YYYY]                  %s\n", _("The listed days as TSV: day, kind, name"));
  g_print ("  add DAY holiday|workday [--name TEXT]\n"
           "                                      %s\n", _("List a day, or change how it is listed"));
  g_print ("  remove DAY                          %s\n", _("Take a day off the list"));
  g_print ("  add-working-days DATE N             %s\n", _("The N-th working day after DATE"));
}

int
jz_cli_calendar (JzCliGlobals *globals,
                 int           argc,
                 char        **argv)
{
  static const struct {
    const char       *name;
    const char       *prgname;
    JzCliCommandFunc  func;
  } commands[] = {
    { "list",             "jiuzhu-cli calendar list",             calendar_list },
    { "add",              "jiuzhu-cli calendar add",              calendar_add },
    { "remove",           "jiuzhu-cli calendar remove",           calendar_remove },
    { "add-working-days", "jiuzhu-cli calendar add-working-days", calendar_add_working_days },
  };

  if (is_help (argc, argv))
    {
      print_calendar_help ();
      return EXIT_SUCCESS;
    }

  for (guint i = 0; argc >= 2 && i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        g_set_prgname (commands[i].prgname);
        return commands[i].func (globals, argc - 1, argv + 1);
      }

  return jz_cli_usage_error (_("Name what to do with the calendar: list, add, remove or add-working-days."));
}
