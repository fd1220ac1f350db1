/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jiuzhu-cli benefit: the itemized breakdown of an amount, for a household
 * described in a JSON file or for a case of the database. */

#include "config.h"

#include <glib/gi18n.h>

#include "jz-benefit.h"
#include "jz-calendar.h"
#include "jz-cli.h"
#include "jz-labels.h"
#include "jz-money.h"

/* The facts are a few hundred bytes; a file far larger is the wrong file. */
#define MAX_FACTS_SIZE (1024 * 1024)

/* Columns on a terminal: a Chinese character takes two. */
static guint
display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (ch))
        continue;
      width += g_unichar_iswide (ch) ? 2 : 1;
    }
  return width;
}

static void
print_padded (const char *text,
              guint       width)
{
  guint w = display_width (text);

  g_print ("%s", text);
  for (; w < width; w++)
    g_print (" ");
}

static void
print_table (const JzBenefitResult *result)
{
  const char *item = _("Item");
  const char *formula = _("Formula");
  const char *amount = _("Amount");
  const char *total_label = _("Total");
  guint label_w = display_width (item), formula_w = display_width (formula), amount_w = display_width (amount);
  g_autofree char *total = jz_money_format (result->total);
  g_autofree char *persons = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u persons", result->persons),
                                              result->persons);

  label_w = MAX (label_w, display_width (total_label));
  amount_w = MAX (amount_w, display_width (total));
  for (guint i = 0; i < result->lines->len; i++)
    {
      const JzBenefitLine *line = g_ptr_array_index (result->lines, i);
      g_autofree char *money = jz_money_format (line->amount);

      label_w = MAX (label_w, display_width (line->label));
      formula_w = MAX (formula_w, display_width (line->formula));
      amount_w = MAX (amount_w, display_width (money));
    }

  g_print ("%s · %s · %s\n\n", jz_labels_program_name (jz_benefit_program_code (result->program)),
           result->on_date, persons);

  print_padded (item, label_w + 2);
  print_padded (formula, formula_w + 2);
  for (guint w = display_width (amount); w < amount_w; w++)
    g_print (" ");
  g_print ("%s\n", amount);

  for (guint i = 0; i < result->lines->len; i++)
    {
      const JzBenefitLine *line = g_ptr_array_index (result->lines, i);
      g_autofree char *money = jz_money_format (line->amount);

      print_padded (line->label, label_w + 2);
      print_padded (line->formula, formula_w + 2);
      for (guint w = display_width (money); w < amount_w; w++)
        g_print (" ");
      g_print ("%s\n", money);
    }

  print_padded (total_label, label_w + 2 + formula_w + 2);
  for (guint w = display_width (total); w < amount_w; w++)
    g_print (" ");
  g_print ("%s\n", total);

  for (guint i = 0; i < result->notes->len; i++)
    g_print ("%s %s\n", i == 0 ? "\n*" : "*", (const char *) g_ptr_array_index (result->notes, i));
}

static JzBenefitResult *
compute_facts (JzDb        *db,
               const char  *path,
               const char  *on_date,
               GError     **error)
{
  g_autoptr(JzBenefitFacts) facts = NULL;
  g_autofree char *text = NULL;
  JzStandardValues values;
  gint64 township_id = 0;
  gsize length = 0;
  GDate on;

  if (!g_file_get_contents (path, &text, &length, NULL))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   _("The facts file “%s” could not be read; check its name."), path);
      return NULL;
    }
  if (length > MAX_FACTS_SIZE)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   _("The facts file “%s” is too large to describe one household; check that it is the right file."), path);
      return NULL;
    }

  facts = jz_benefit_facts_parse_json (text, (gssize) length, error);
  if (facts == NULL)
    return NULL;

  if (facts->township != NULL)
    {
      township_id = jz_cli_find_township (db, facts->township, error);
      if (township_id == 0)
        return NULL;
    }

  if (!jz_standard_values_resolve (db, on_date, facts->hukou, township_id, &values, error))
    return NULL;

  jz_cli_parse_date (on_date, &on);
  return jz_benefit_compute (facts, &values, &on, error);
}

#define FACTS_HELP \
  N_("The facts file is one JSON object:\n" \
     "\n" \
     "  {\"program\": \"dibao_urban\",        dibao_urban, dibao_rural, tekun_dispersed,\n" \
     "                                      tekun_centralized, temporary, disability_living,\n" \
     "                                      disability_care, child_living, low_income\n" \
     "   \"hukou\": \"urban\",                 urban or rural (for dibao it may follow from the program)\n" \
     "   \"township\": \"NAME\",              optional: a township whose own standards apply\n" \
     "   \"members\": [{\"birth\": \"1950-03-01\",\n" \
     "                \"in_program\": true,          default true; false: lives in the household, not covered\n" \
     "                \"monthly_income_fen\": 30000, default 0\n" \
     "                \"conditions\": [\"severe_disability\"]}],  also severe_illness, sanwu\n" \
     "   \"single_person\": false,            single-person coverage of one severely disabled member\n" \
     "   \"care_tier\": \"full_care\",          self_care, partial_care, full_care (dispersed tekun)\n" \
     "   \"institution\": \"NAME\",            centralized tekun: the institution paid\n" \
     "   \"temporary\": {\"kind\": \"illness\", \"multiple\": 6},  illness, education, other\n" \
     "   \"emergency\": false,                paid first, reviewed after\n" \
     "   \"gradual_exit\": {\"months\": 1, \"amount_before_fen\": 45000}}\n" \
     "\n" \
     "Elderly (60 and over) and minor (under 18) follow from the birth date on the date of\n" \
     "the computation.  Money is in fen (1 yuan = 100 fen).  Fields not listed are refused.\n" \
     "The standards in force on the date are read from the database.  Exit status: 0 when\n" \
     "computed, 1 when the facts or the standards do not allow it (one sentence says why),\n" \
     "2 for a wrong command line.")

/**
 * jz_cli_benefit:
 *
 * benefit --facts FILE.json | --case ID [--date DATE] [--json]
 */
int
jz_cli_benefit (JzCliGlobals *globals,
                int           argc,
                char        **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(JzBenefitResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  g_autofree char *facts = NULL;
  g_autofree char *date = NULL;
  gint64 case_id = 0;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "facts", 0, 0, G_OPTION_ARG_FILENAME, &facts, N_("A household described in a JSON file, see below"), "FILE.json" },
    { "case", 0, 0, G_OPTION_ARG_INT64, &case_id, N_("A case of the database, by its number"), "ID" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The standards in force and the ages on this date (default: today)"), "YYYY-MM-DD" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the breakdown as JSON, amounts in fen"), NULL },
    { NULL }
  };
  GDate on;

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("The itemized breakdown of a benefit: each line with its formula and amount, and the total."));
  g_option_context_set_description (context, _(FACTS_HELP));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return jz_cli_usage_error (error->message);

  if (argc > 1)
    {
      g_autofree char *message = g_strdup_printf (_("Unexpected argument “%s”."), argv[1]);
      return jz_cli_usage_error (message);
    }
  if ((facts == NULL) == (case_id == 0))
    return jz_cli_usage_error (_("Give either --facts FILE.json or --case ID."));
  if (case_id < 0)
    return jz_cli_usage_error (_("The case number must be a positive number."));
  if (date != NULL && !jz_cli_parse_date (date, &on))
    return jz_cli_usage_error (_("Give the date as YYYY-MM-DD, for example 2026-01-31."));
  if (date == NULL)
    date = jz_today ();

  db = jz_cli_open_db (globals, JZ_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    return jz_cli_fail (error);

  if (facts != NULL)
    result = compute_facts (db, facts, date, &error);
  else
    result = jz_benefit_compute_case (db, case_id, date, &error);
  if (result == NULL)
    return jz_cli_fail (error);

  if (json)
    {
      g_autofree char *text = jz_benefit_result_to_json (result);

      g_print ("%s\n", text);
    }
  else
    print_table (result);

  return EXIT_SUCCESS;
}
