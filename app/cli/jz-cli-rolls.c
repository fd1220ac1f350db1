/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jiuzhu-cli rolls generate | one-off | list | funding | check | lock | paid | diff | discard | export:
 * the payment rolls (发放名册). */

#include "config.h"

#include <glib/gi18n.h>

#include "jz-cli.h"
#include "jz-cli-rolls-export.h"
#include "jz-money.h"
#include "jz-roll.h"
#include "jz-user.h"

/* The user named with --user, whose role is checked; none in
 * single-user mode. */
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

/* Options and the positional roll numbers, which jz_cli_parse_options()
 * would refuse. */
static gboolean
parse_positional (const char     *command,
                  GOptionEntry   *entries,
                  int            *argc,
                  char         ***argv,
                  int            *status)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("ROLL_ID"));
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = g_strdup_printf ("jiuzhu-cli %s", command);

  g_option_context_set_summary (context, summary);
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
            guint   wanted,
            gint64 *ids,
            int    *status)
{
  if ((guint) argc - 1 != wanted)
    {
      *status = jz_cli_usage_error (wanted == 1 ? _("Give one roll number.") : _("Give two roll numbers, the older first."));
      return FALSE;
    }
  for (guint i = 0; i < wanted; i++)
    {
      guint64 id;

      if (!g_ascii_string_to_unsigned (argv[1 + i], 10, 1, G_MAXINT64, &id, NULL))
        {
          *status = jz_cli_usage_error (_("A roll is given by its number, a whole number greater than 0."));
          return FALSE;
        }
      ids[i] = (gint64) id;
    }
  return TRUE;
}

static int
rolls_generate (JzCliGlobals *globals,
                int           argc,
                char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  g_autoptr(JzUser) user = NULL;
  g_autofree char *programs = NULL;
  g_autofree char *period = NULL;
  g_autofree char *township = NULL;
  g_autofree char *user_name = NULL;
  g_autofree char *start_text = NULL;
  GOptionEntry entries[] = {
    { "program", 0, 0, G_OPTION_ARG_STRING, &programs, N_("The programs of the roll, separated by commas (required)"), "CODE[,CODE]" },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start_text, N_("A case starting after a month's first day is paid from that month or the next (default: the office's setting)"), "same-month|next-month" },
    { "period", 0, 0, G_OPTION_ARG_STRING, &period, N_("The month, or for dispersed tekun the quarter (required)"), "YYYY-MM|YYYY-Qn" },
    { "township", 0, 0, G_OPTION_ARG_STRING, &township, N_("Only the township of this name (default: the whole district)"), "NAME" },
    { "user", 0, 0, G_OPTION_ARG_STRING, &user_name, N_("The sign-in name of the user making the roll; their role is checked"), "NAME" },
    { NULL }
  };
  JzRollStart start = JZ_ROLL_START_OFFICE;
  gint64 township_id = 0;
  gint64 id;
  int status;

  if (!jz_cli_parse_options ("rolls generate", entries, &argc, &argv, &status))
    return status;
  if (programs == NULL || period == NULL)
    return jz_cli_usage_error (_("Give the programs with --program and the period with --period."));
  if (g_strcmp0 (start_text, "same-month") == 0)
    start = JZ_ROLL_START_SAME_MONTH;
  else if (g_strcmp0 (start_text, "next-month") == 0)
    start = JZ_ROLL_START_NEXT_MONTH;
  else if (start_text != NULL)
    return jz_cli_usage_error (_("Give --start as same-month or next-month."));

  db = jz_cli_open_db (globals, JZ_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    return jz_cli_fail (error);
  if (!user_of (db, user_name, &user, &status))
    return status;
  if (township != NULL && (township_id = jz_cli_find_township (db, township, &error)) == 0)
    return jz_cli_fail (error);

  id = jz_roll_generate_with (db, user, programs, period, township_id, start, &error);
  if (id == 0)
    return jz_cli_fail (error);
  g_print ("%" G_GINT64_FORMAT "\n", id);
  return EXIT_SUCCESS;
}

static int
rolls_one_off (JzCliGlobals *globals,
               int           argc,
               char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  g_autoptr(JzUser) user = NULL;
  g_autofree char *title = NULL;
  g_autofree char *programs = NULL;
  g_autofree char *on = NULL;
  g_autofree char *per = NULL;
  g_autofree char *amount_text = NULL;
  g_autofree char *funding = NULL;
  g_autofree char *township = NULL;
  g_autofree char *user_name = NULL;
  GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("The subsidy's name, e.g. 2026年春节一次性生活补贴 (required)"), "TEXT" },
    { "program", 0, 0, G_OPTION_ARG_STRING, &programs, N_("The programs whose people receive it, separated by commas (required)"), "CODE[,CODE]" },
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, N_("The day on which they are in payment (required)"), "YYYY-MM-DD" },
    { "per", 0, 0, G_OPTION_ARG_STRING, &per, N_("Paid per person or per household (default: person)"), "person|household" },
    { "amount", 0, 0, G_OPTION_ARG_STRING, &amount_text, N_("The amount per person or household in yuan (required)"), "YUAN" },
    { "funding", 0, 0, G_OPTION_ARG_STRING, &funding, N_("The shares of the levels of government in per cent (required)"), "province:60,county:40" },
    { "township", 0, 0, G_OPTION_ARG_STRING, &township, N_("Only the township of this name (default: the whole district)"), "NAME" },
    { "user", 0, 0, G_OPTION_ARG_STRING, &user_name, N_("The sign-in name of the user making the roll; their role is checked"), "NAME" },
    { NULL }
  };
  gint64 township_id = 0;
  gint64 amount;
  gint64 id;
  int status;

  if (!jz_cli_parse_options ("rolls one-off", entries, &argc, &argv, &status))
    return status;
  if (title == NULL || programs == NULL || on == NULL || amount_text == NULL || funding == NULL)
    return jz_cli_usage_error (_("Give --title, --program, --on, --amount and --funding."));
  if (per != NULL && !g_str_equal (per, "person") && !g_str_equal (per, "household"))
    return jz_cli_usage_error (_("Give --per as person or household."));
  if (!jz_money_parse (amount_text, &amount, &error))
    return jz_cli_fail (error);

  db = jz_cli_open_db (globals, JZ_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    return jz_cli_fail (error);
  if (!user_of (db, user_name, &user, &status))
    return status;
  if (township != NULL && (township_id = jz_cli_find_township (db, township, &error)) == 0)
    return jz_cli_fail (error);

  id = jz_roll_generate_one_off (db, user, title, programs, on, per == NULL || g_str_equal (per, "person"),
                                 amount, funding, township_id, &error);
  if (id == 0)
    return jz_cli_fail (error);
  g_print ("%" G_GINT64_FORMAT "\n", id);
  return EXIT_SUCCESS;
}

static int
rolls_funding (JzCliGlobals *globals,
               int           argc,
               char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  g_autoptr(JzRoll) roll = NULL;
  g_autoptr(GPtrArray) funding = NULL;
  GOptionEntry entries[] = { { NULL } };
  gint64 id;
  int status;

  if (!parse_positional ("rolls funding", entries, &argc, &argv, &status))
    return status;
  if (!roll_id_of (argc, argv, 1, &id, &status))
    return status;
  db = jz_cli_open_db (globals, JZ_DB_OPEN_READ_ONLY, &error);
  if (db == NULL || (roll = jz_roll_get (db, id, &error)) == NULL ||
      (funding = jz_roll_funding (db, id, &error)) == NULL)
    return jz_cli_fail (error);

  /* level, share in basis points, fen */
  for (guint i = 0; i < funding->len; i++)
    {
      const JzRollFunding *f = g_ptr_array_index (funding, i);

      g_print ("%s\t%u\t%" G_GINT64_FORMAT "\n", f->level, f->share_bp, f->amount);
    }
  return EXIT_SUCCESS;
}

static int
rolls_list (JzCliGlobals *globals,
            int           argc,
            char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  g_autoptr(GPtrArray) rolls = NULL;
  GOptionEntry entries[] = { { NULL } };
  int status;

  if (!jz_cli_parse_options ("rolls list", entries, &argc, &argv, &status))
    return status;
  db = jz_cli_open_db (globals, JZ_DB_OPEN_READ_ONLY, &error);
  if (db == NULL || (rolls = jz_roll_list (db, &error)) == NULL)
    return jz_cli_fail (error);

  /* id, programs, period, state, lines, total fen, township, due, paid, one-off title */
  for (guint i = 0; i < rolls->len; i++)
    {
      const JzRoll *r = g_ptr_array_index (rolls, i);
      g_autofree char *township = jz_cli_tsv_field (r->township_name);
      g_autofree char *title = jz_cli_tsv_field (r->title != NULL ? r->title : "");

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%u\t%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\n", r->id, r->programs,
               r->period, r->status, r->lines, r->total, township, r->due_on, r->paid_on != NULL ? r->paid_on : "", title);
    }
  return EXIT_SUCCESS;
}

static int
rolls_step (JzCliGlobals *globals,
            const char   *what,
            int           argc,
            char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  g_autoptr(JzUser) user = NULL;
  g_autofree char *user_name = NULL;
  g_autofree char *on = NULL;
  g_autofree char *command = g_strconcat ("rolls ", what, NULL);
  GOptionEntry entries[] = {
    { "user", 0, 0, G_OPTION_ARG_STRING, &user_name, N_("The sign-in name of the user taking the step; their role is checked"), "NAME" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &on, N_("The day the roll was paid (paid only)"), "DATE" },
    { NULL }
  };
  gint64 id;
  gboolean ok;
  int status;

  if (!parse_positional (command, entries, &argc, &argv, &status))
    return status;
  if (!roll_id_of (argc, argv, 1, &id, &status))
    return status;
  if (g_str_equal (what, "paid") && on == NULL)
    return jz_cli_usage_error (_("Give the day the roll was paid with --date YYYY-MM-DD."));

  db = jz_cli_open_db (globals, JZ_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    return jz_cli_fail (error);
  if (!user_of (db, user_name, &user, &status))
    return status;

  if (g_str_equal (what, "check"))
    ok = jz_roll_check (db, user, id, &error);
  else if (g_str_equal (what, "lock"))
    ok = jz_roll_lock (db, user, id, &error);
  else if (g_str_equal (what, "paid"))
    ok = jz_roll_mark_paid (db, user, id, on, &error);
  else
    ok = jz_roll_discard (db, user, id, &error);

  return ok ? EXIT_SUCCESS : jz_cli_fail (error);
}

static int
rolls_diff (JzCliGlobals *globals,
            int           argc,
            char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  GOptionEntry entries[] = { { NULL } };
  gint64 ids[2];
  int status;

  if (!parse_positional ("rolls diff", entries, &argc, &argv, &status))
    return status;
  if (!roll_id_of (argc, argv, 2, ids, &status))
    return status;
  db = jz_cli_open_db (globals, JZ_DB_OPEN_READ_ONLY, &error);
  if (db == NULL)
    return jz_cli_fail (error);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(JzRoll) roll = jz_roll_get (db, ids[i], &error);

      if (roll == NULL)
        return jz_cli_fail (error);
    }
  changes = jz_roll_diff (db, ids[0], ids[1], &error);
  if (changes == NULL)
    return jz_cli_fail (error);

  /* household, program, change, old fen, new fen */
  for (guint i = 0; i < changes->len; i++)
    {
      const JzRollChange *c = g_ptr_array_index (changes, i);

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\n", c->household_id, c->program,
               c->change, c->old_amount, c->new_amount);
    }
  return EXIT_SUCCESS;
}

int
jz_cli_rolls (JzCliGlobals *globals,
              int           argc,
              char        **argv)
{
  const char *what = argc >= 2 ? argv[1] : NULL;
  static const char * const steps[] = { "check", "lock", "paid", "discard", NULL };

  if (g_strcmp0 (what, "--help") == 0 || g_strcmp0 (what, "-h") == 0)
    {
      g_print ("%s\n", _("Usage: jiuzhu-cli rolls generate|one-off|list|funding|check|lock|paid|discard|diff|export …"));
      g_print ("  rolls generate --program CODE[,CODE] --period YYYY-MM|YYYY-Qn [--township NAME] [--start same-month|next-month] [--user NAME]\n");
      g_print ("  rolls one-off --title TEXT --program CODE[,CODE] --on YYYY-MM-DD [--per person|household] --amount YUAN --funding LEVEL:PCT[,LEVEL:PCT] [--township NAME] [--user NAME]\n");
      g_print ("  rolls list\n");
      g_print ("  rolls funding ROLL_ID\n");
      g_print ("  rolls check|lock|discard ROLL_ID [--user NAME]\n");
      g_print ("  rolls paid ROLL_ID --date DATE [--user NAME]\n");
      g_print ("  rolls diff ROLL_A ROLL_B\n");
      g_print ("  rolls export ROLL_ID --out FILE.xlsx [--user NAME]\n");
      g_print ("%s\n", _("“rolls generate” and “rolls one-off” print the new roll's number; “rolls list” prints id, programs, period, state, lines, total in fen, township, due day, paid day and a one-off subsidy's name as TSV; “rolls funding” prints level, share in basis points and fen; “rolls diff” prints household, program, new|stopped|changed, old and new monthly amount in fen; “rolls export” writes the bank file."));
      return EXIT_SUCCESS;
    }

  if (g_strcmp0 (what, "generate") == 0)
    {
      g_set_prgname ("jiuzhu-cli rolls generate");
      return rolls_generate (globals, argc - 1, argv + 1);
    }
  if (g_strcmp0 (what, "one-off") == 0)
    {
      g_set_prgname ("jiuzhu-cli rolls one-off");
      return rolls_one_off (globals, argc - 1, argv + 1);
    }
  if (g_strcmp0 (what, "funding") == 0)
    {
      g_set_prgname ("jiuzhu-cli rolls funding");
      return rolls_funding (globals, argc - 1, argv + 1);
    }
  if (g_strcmp0 (what, "export") == 0)
    {
      g_set_prgname ("jiuzhu-cli rolls export");
      return jz_cli_rolls_export (globals, argc - 1, argv + 1);
    }
  if (g_strcmp0 (what, "list") == 0)
    {
      g_set_prgname ("jiuzhu-cli rolls list");
      return rolls_list (globals, argc - 1, argv + 1);
    }
  if (g_strcmp0 (what, "diff") == 0)
    {
      g_set_prgname ("jiuzhu-cli rolls diff");
      return rolls_diff (globals, argc - 1, argv + 1);
    }
  if (what != NULL && g_strv_contains (steps, what))
    {
      g_autofree char *name = g_strconcat ("jiuzhu-cli rolls ", what, NULL);

      g_set_prgname (name);
      return rolls_step (globals, what, argc - 1, argv + 1);
    }

  return jz_cli_usage_error (_("Name what to do with the rolls: generate, one-off, list, funding, check, lock, paid, discard, diff or export."));
}
