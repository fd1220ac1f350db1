/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "jz-benefit.h"
#include "jz-db-private.h"
#include "jz-test-util.h"

/* The standards of every worked example below, unless it says otherwise:
 *
 *   dibao               urban 650.00, rural 500.00 (rural sets also carry
 *                       the urban 650.00, for temporary assistance)
 *   min_wage            1,900.00
 *   tekun_basic_ratio   urban 1.5, rural 1.3
 *   care                self 10 %, partial 30 %, full 60 % of min_wage
 *   increments          elderly 10 %, minor 15 %, severe disability 20 %,
 *                       severe illness 12.5 %, sanwu 30 % of dibao
 *   temporary           illness 3–12 ×, education 3–6 ×
 *   gradual_exit_months 3
 *   disability_living 90.00, disability_care 100.00, child_living 1,200.00
 *
 * and the date is 2026-03-01.  Amounts are in fen. */
static void
example_values (JzStandardValues *v,
                JzStandardHukou   hukou,
                gint64            dibao)
{
  gboolean urban = hukou == JZ_STANDARD_HUKOU_URBAN;

  jz_standard_values_init (v, hukou);
  jz_standard_values_put (v, JZ_STANDARD_DIBAO, dibao != 0 ? dibao : urban ? 65000 : 50000);
  if (!urban)
    {
      v->has_urban_dibao = TRUE;
      v->urban_dibao = 65000;
    }
  jz_standard_values_put (v, JZ_STANDARD_MIN_WAGE, 190000);
  jz_standard_values_put (v, JZ_STANDARD_TEKUN_BASIC_RATIO, urban ? 15000 : 13000);
  jz_standard_values_put (v, JZ_STANDARD_CARE_SELF_PCT, 1000);
  jz_standard_values_put (v, JZ_STANDARD_CARE_PARTIAL_PCT, 3000);
  jz_standard_values_put (v, JZ_STANDARD_CARE_FULL_PCT, 6000);
  jz_standard_values_put (v, JZ_STANDARD_INCREMENT_ELDERLY_PCT, 1000);
  jz_standard_values_put (v, JZ_STANDARD_INCREMENT_MINOR_PCT, 1500);
  jz_standard_values_put (v, JZ_STANDARD_INCREMENT_SEVERE_DISABILITY_PCT, 2000);
  jz_standard_values_put (v, JZ_STANDARD_INCREMENT_SEVERE_ILLNESS_PCT, 1250);
  jz_standard_values_put (v, JZ_STANDARD_INCREMENT_SANWU_PCT, 3000);
  jz_standard_values_put (v, JZ_STANDARD_TEMP_ILLNESS_MIN, 30000);
  jz_standard_values_put (v, JZ_STANDARD_TEMP_ILLNESS_MAX, 120000);
  jz_standard_values_put (v, JZ_STANDARD_TEMP_EDUCATION_MIN, 30000);
  jz_standard_values_put (v, JZ_STANDARD_TEMP_EDUCATION_MAX, 60000);
  jz_standard_values_put (v, JZ_STANDARD_GRADUAL_EXIT_MONTHS, 3);
  jz_standard_values_put (v, JZ_STANDARD_DISABILITY_LIVING, 9000);
  jz_standard_values_put (v, JZ_STANDARD_DISABILITY_CARE, 10000);
  jz_standard_values_put (v, JZ_STANDARD_CHILD_LIVING, 120000);
}

#define SD JZ_BENEFIT_SEVERE_DISABILITY
#define SI JZ_BENEFIT_SEVERE_ILLNESS
#define SW JZ_BENEFIT_SANWU
#define URBAN JZ_STANDARD_HUKOU_URBAN
#define RURAL JZ_STANDARD_HUKOU_RURAL

typedef struct
{
  const char *birth;
  gboolean    in_program;
  gint64      income;
  guint       conditions;
} Member;

typedef struct
{
  const char        *name;
  JzBenefitProgram   program;
  JzStandardHukou    hukou;
  gint64             dibao;      /* 0: the example's */
  const char        *on;         /* NULL: 2026-03-01 */
  Member             m[4];
  gboolean           single;
  JzBenefitCareTier  tier;
  JzBenefitTempKind  temp;
  gint64             multiple;   /* bp */
  gboolean           emergency;
  gboolean           exiting;
  int                months;     /* of the gradual exit */
  gint64             before;     /* the amount before it */
  gint64             total;
  const char        *lines;      /* code=amount of each line, in order */
} Example;

static const Example examples[] = {
  /* ---- dibao ---- */
  /* one adult of 39 without income: 650.00 − 0 ÷ 1, × 1 */
  { "zero income", JZ_BENEFIT_DIBAO_URBAN, URBAN, .m = { { "1986-05-10", TRUE, 0 } },
    .total = 65000, .lines = "difference=65000" },
  /* (650.00 × 2 − 300.00) ÷ 2 = 500.00 a person short, × 2 */
  { "two adults, one earning", JZ_BENEFIT_DIBAO_URBAN, URBAN,
    .m = { { "1986-05-10", TRUE, 30000 }, { "1988-01-01", TRUE, 0 } },
    .total = 100000, .lines = "difference=100000" },
  /* 700.00 a person is above 650.00: nothing */
  { "income above the standard", JZ_BENEFIT_DIBAO_URBAN, URBAN, .m = { { "1986-05-10", TRUE, 70000 } },
    .total = 0, .lines = "not_eligible=0" },
  /* exactly 650.00 is not below it: nothing either */
  { "income at the standard", JZ_BENEFIT_DIBAO_URBAN, URBAN, .m = { { "1986-05-10", TRUE, 65000 } },
    .total = 0, .lines = "not_eligible=0" },
  /* above the standard, the increments of an elderly severely disabled
   * member do not count either: not a dibao household */
  { "income above, no increments", JZ_BENEFIT_DIBAO_URBAN, URBAN, .m = { { "1950-01-01", TRUE, 70000, SD } },
    .total = 0, .lines = "not_eligible=0" },
  /* gradual exit, 3 months: 0 whole months since the income rose keeps 450.00 */
  { "gradual exit, first month", JZ_BENEFIT_DIBAO_URBAN, URBAN, .m = { { "1986-05-10", TRUE, 70000 } },
    .exiting = TRUE, .months = 0, .before = 45000, .total = 45000, .lines = "gradual_exit=45000" },
  /* 2 whole months: still the third month, kept */
  { "gradual exit, last month", JZ_BENEFIT_DIBAO_URBAN, URBAN, .m = { { "1986-05-10", TRUE, 70000 } },
    .exiting = TRUE, .months = 2, .before = 45000, .total = 45000, .lines = "gradual_exit=45000" },
  /* 3 whole months: over */
  { "gradual exit over", JZ_BENEFIT_DIBAO_URBAN, URBAN, .m = { { "1986-05-10", TRUE, 70000 } },
    .exiting = TRUE, .months = 3, .before = 45000, .total = 0, .lines = "gradual_exit_ended=0" },
  /* the income fell below again: 650.00 − 300.00, the exit no longer matters */
  { "gradual exit, income fell again", JZ_BENEFIT_DIBAO_URBAN, URBAN, .m = { { "1986-05-10", TRUE, 30000 } },
    .exiting = TRUE, .months = 5, .before = 45000, .total = 35000, .lines = "difference=35000" },
  /* 76 years old: 350.00 + 10 % × 650.00 = 350.00 + 65.00 */
  { "elderly", JZ_BENEFIT_DIBAO_URBAN, URBAN, .m = { { "1950-03-01", TRUE, 30000 } },
    .total = 41500, .lines = "difference=35000 increment_elderly=6500" },
  /* one turns 60 on the day, the other the day after: 1,300.00 + 65.00 */
  { "turns 60 on the day", JZ_BENEFIT_DIBAO_URBAN, URBAN,
    .m = { { "1966-03-01", TRUE, 0 }, { "1966-03-02", TRUE, 0 } },
    .total = 136500, .lines = "difference=130000 increment_elderly=6500" },
  /* the next day both are 60: 1,300.00 + 2 × 65.00 */
  { "both 60 a day later", JZ_BENEFIT_DIBAO_URBAN, URBAN, .on = "2026-03-02",
    .m = { { "1966-03-01", TRUE, 0 }, { "1966-03-02", TRUE, 0 } },
    .total = 143000, .lines = "difference=130000 increment_elderly=13000" },
  /* a child of 15: (1,300.00 − 400.00) ÷ 2 × 2 = 900.00, + 15 % × 650.00 = 97.50 */
  { "minor", JZ_BENEFIT_DIBAO_URBAN, URBAN,
    .m = { { "1986-05-10", TRUE, 40000 }, { "2010-06-01", TRUE, 0 } },
    .total = 99750, .lines = "difference=90000 increment_minor=9750" },
  /* the child turns 18 on the day: no longer a minor */
  { "turns 18 on the day", JZ_BENEFIT_DIBAO_URBAN, URBAN,
    .m = { { "1986-05-10", TRUE, 40000 }, { "2008-03-01", TRUE, 0 } },
    .total = 90000, .lines = "difference=90000" },
  /* … and the day before, still one */
  { "17 the day before", JZ_BENEFIT_DIBAO_URBAN, URBAN, .on = "2026-02-28",
    .m = { { "1986-05-10", TRUE, 40000 }, { "2008-03-01", TRUE, 0 } },
    .total = 99750, .lines = "difference=90000 increment_minor=9750" },
  /* 650.00 + 20 % × 650.00 */
  { "severe disability", JZ_BENEFIT_DIBAO_URBAN, URBAN, .m = { { "1981-01-01", TRUE, 0, SD } },
    .total = 78000, .lines = "difference=65000 increment_severe_disability=13000" },
  /* 650.00 − 200.00, + 12.5 % × 650.00 = 81.25 */
  { "severe illness", JZ_BENEFIT_DIBAO_URBAN, URBAN, .m = { { "1981-01-01", TRUE, 20000, SI } },
    .total = 53125, .lines = "difference=45000 increment_severe_illness=8125" },
  /* 650.00 + 30 % × 650.00 */
  { "sanwu", JZ_BENEFIT_DIBAO_URBAN, URBAN, .m = { { "1976-01-01", TRUE, 0, SW } },
    .total = 84500, .lines = "difference=65000 increment_sanwu=19500" },
  /* elderly and severely disabled: both increments, 65.00 + 130.00 */
  { "two conditions, both increments", JZ_BENEFIT_DIBAO_URBAN, URBAN, .m = { { "1950-01-01", TRUE, 0, SD } },
    .total = 84500, .lines = "difference=65000 increment_elderly=6500 increment_severe_disability=13000" },
  /* every increment: A is 76 with all three conditions, B is 14;
   * 1,300.00 + 65.00 + 97.50 + 130.00 + 81.25 + 195.00 = 1,868.75 */
  { "every increment", JZ_BENEFIT_DIBAO_URBAN, URBAN,
    .m = { { "1950-01-01", TRUE, 0, SD | SI | SW }, { "2012-01-01", TRUE, 0 } },
    .total = 186875,
    .lines = "difference=130000 increment_elderly=6500 increment_minor=9750 increment_severe_disability=13000 "
             "increment_severe_illness=8125 increment_sanwu=19500" },
  /* a member not in the program counts in the income per person, not in
   * the amount, and gets no increment: (1,950.00 − 600.00) ÷ 3 × 2 = 900.00 */
  { "excluded member", JZ_BENEFIT_DIBAO_URBAN, URBAN,
    .m = { { "1986-05-10", TRUE, 60000 }, { "1988-01-01", TRUE, 0 }, { "2014-01-01", FALSE, 0 } },
    .total = 90000, .lines = "difference=90000" },
  /* rural: (1,000.00 − 200.00) ÷ 2 × 2 = 800.00, + 10 % × 500.00 */
  { "rural", JZ_BENEFIT_DIBAO_RURAL, RURAL,
    .m = { { "1956-01-01", TRUE, 20000 }, { "1986-01-01", TRUE, 0 } },
    .total = 85000, .lines = "difference=80000 increment_elderly=5000" },
  /* rounded once: standard 650.01, three members, 1,000.00 income, two in
   * the program.  Exactly:
   *   (1,950.03 − 1,000.00) ÷ 3 × 2 = 633.353333…  (line 633.35)
   *   elderly 10 % × 650.01          =  65.001     (line  65.00)
   *   severe illness 12.5 % × 650.01 =  81.25125   (line  81.25)
   *   sum                            = 779.605583… → 779.61
   * Rounding each line first would give 779.60: the last line says +0.01. */
  { "rounded once", JZ_BENEFIT_DIBAO_URBAN, URBAN, .dibao = 65001,
    .m = { { "1950-01-01", TRUE, 0 }, { "1981-01-01", TRUE, 50000, SI }, { "1981-01-01", FALSE, 50000 } },
    .total = 77961, .lines = "difference=63335 increment_elderly=6500 increment_severe_illness=8125 rounding=1" },
  /* half a fen rounds up: (1,300.02 − 0.01) ÷ 2 × 1 = 650.005 → 650.01 */
  { "half a fen up", JZ_BENEFIT_DIBAO_URBAN, URBAN, .dibao = 65001,
    .m = { { "1981-01-01", TRUE, 1 }, { "1983-01-01", FALSE, 0 } },
    .total = 65001, .lines = "difference=65001" },
  /* single-person coverage: the severely disabled member alone, on their
   * own 100.00: 650.00 − 100.00 + 130.00; the others' 1,500.00 does not count */
  { "single-person coverage", JZ_BENEFIT_DIBAO_URBAN, URBAN, .single = TRUE,
    .m = { { "1976-01-01", TRUE, 10000, SD }, { "1978-01-01", FALSE, 150000 }, { "2006-01-01", FALSE, 0 } },
    .total = 68000, .lines = "difference=55000 increment_severe_disability=13000" },
  /* the same household as a whole: (1,950.00 − 1,600.00) ÷ 3 × 1 = 116.666…
   * + 130.00 = 246.666… → 246.67; the lines 116.67 + 130.00 add up */
  { "the same without single-person coverage", JZ_BENEFIT_DIBAO_URBAN, URBAN,
    .m = { { "1976-01-01", TRUE, 10000, SD }, { "1978-01-01", FALSE, 150000 }, { "2006-01-01", FALSE, 0 } },
    .total = 24667, .lines = "difference=11667 increment_severe_disability=13000" },

  /* ---- tekun: 1.5 × 650.00 = 975.00 urban, 1.3 × 500.00 = 650.00 rural ---- */
  /* + 10 % × 1,900.00 = 190.00 */
  { "tekun dispersed urban self-care", JZ_BENEFIT_TEKUN_DISPERSED, URBAN, .m = { { "1950-01-01", TRUE, 0 } },
    .tier = JZ_BENEFIT_CARE_SELF, .total = 116500, .lines = "tekun_basic=97500 care=19000" },
  /* + 30 % × 1,900.00 = 570.00 */
  { "tekun dispersed urban partial care", JZ_BENEFIT_TEKUN_DISPERSED, URBAN, .m = { { "1950-01-01", TRUE, 0 } },
    .tier = JZ_BENEFIT_CARE_PARTIAL, .total = 154500, .lines = "tekun_basic=97500 care=57000" },
  /* + 60 % × 1,900.00 = 1,140.00 */
  { "tekun dispersed urban full care", JZ_BENEFIT_TEKUN_DISPERSED, URBAN, .m = { { "1950-01-01", TRUE, 0 } },
    .tier = JZ_BENEFIT_CARE_FULL, .total = 211500, .lines = "tekun_basic=97500 care=114000" },
  { "tekun dispersed rural self-care", JZ_BENEFIT_TEKUN_DISPERSED, RURAL, .m = { { "1950-01-01", TRUE, 0 } },
    .tier = JZ_BENEFIT_CARE_SELF, .total = 84000, .lines = "tekun_basic=65000 care=19000" },
  { "tekun dispersed rural partial care", JZ_BENEFIT_TEKUN_DISPERSED, RURAL, .m = { { "1950-01-01", TRUE, 0 } },
    .tier = JZ_BENEFIT_CARE_PARTIAL, .total = 122000, .lines = "tekun_basic=65000 care=57000" },
  { "tekun dispersed rural full care", JZ_BENEFIT_TEKUN_DISPERSED, RURAL, .m = { { "1950-01-01", TRUE, 0 } },
    .tier = JZ_BENEFIT_CARE_FULL, .total = 179000, .lines = "tekun_basic=65000 care=114000" },
  /* centralized: the basic amount only, whatever the tier; the
   * institution provides the care */
  { "tekun centralized urban", JZ_BENEFIT_TEKUN_CENTRALIZED, URBAN, .m = { { "1950-01-01", TRUE, 0 } },
    .tier = JZ_BENEFIT_CARE_FULL, .total = 97500, .lines = "tekun_basic=97500" },
  { "tekun centralized rural", JZ_BENEFIT_TEKUN_CENTRALIZED, RURAL,
    .total = 65000, .lines = "tekun_basic=65000" },
  /* 1.5 × 650.01 = 975.015 → 975.02, half up */
  { "tekun rounding", JZ_BENEFIT_TEKUN_CENTRALIZED, URBAN, .dibao = 65001,
    .total = 97502, .lines = "tekun_basic=97502" },

  /* ---- temporary: a multiple of the URBAN 650.00 ---- */
  { "illness 6 ×", JZ_BENEFIT_TEMPORARY, URBAN, .temp = JZ_BENEFIT_TEMP_ILLNESS, .multiple = 60000,
    .m = { { "1970-01-01", TRUE, 0 } }, .total = 390000, .lines = "temporary=390000" },
  /* a rural household too: 6 × 650.00, not 6 × 500.00 */
  { "illness 6 ×, rural", JZ_BENEFIT_TEMPORARY, RURAL, .temp = JZ_BENEFIT_TEMP_ILLNESS, .multiple = 60000,
    .total = 390000, .lines = "temporary=390000" },
  { "illness at the lowest", JZ_BENEFIT_TEMPORARY, URBAN, .temp = JZ_BENEFIT_TEMP_ILLNESS, .multiple = 30000,
    .total = 195000, .lines = "temporary=195000" },
  { "illness at the highest", JZ_BENEFIT_TEMPORARY, URBAN, .temp = JZ_BENEFIT_TEMP_ILLNESS, .multiple = 120000,
    .total = 780000, .lines = "temporary=780000" },
  /* 4.5 × 650.00 = 2,925.00 */
  { "education 4.5 ×", JZ_BENEFIT_TEMPORARY, URBAN, .temp = JZ_BENEFIT_TEMP_EDUCATION, .multiple = 45000,
    .total = 292500, .lines = "temporary=292500" },
  { "education at the highest", JZ_BENEFIT_TEMPORARY, RURAL, .temp = JZ_BENEFIT_TEMP_EDUCATION, .multiple = 60000,
    .total = 390000, .lines = "temporary=390000" },
  /* no range for other needs */
  { "other need", JZ_BENEFIT_TEMPORARY, URBAN, .temp = JZ_BENEFIT_TEMP_OTHER, .multiple = 20000,
    .total = 130000, .lines = "temporary=130000" },
  { "emergency", JZ_BENEFIT_TEMPORARY, URBAN, .temp = JZ_BENEFIT_TEMP_ILLNESS, .multiple = 40000, .emergency = TRUE,
    .total = 260000, .lines = "temporary=260000" },

  /* ---- subsidies: the standard per member in the program ---- */
  { "disability living", JZ_BENEFIT_DISABILITY_LIVING, URBAN, .m = { { "1980-01-01", TRUE, 0, SD } },
    .total = 9000, .lines = "subsidy=9000" },
  { "disability care, two members", JZ_BENEFIT_DISABILITY_CARE, RURAL,
    .m = { { "1980-01-01", TRUE, 0, SD }, { "1950-01-01", TRUE, 0, SD }, { "1982-01-01", FALSE, 0 } },
    .total = 20000, .lines = "subsidy=20000" },
  { "child living", JZ_BENEFIT_CHILD_LIVING, RURAL, .m = { { "2015-01-01", TRUE, 0 } },
    .total = 120000, .lines = "subsidy=120000" },
  { "low income pays nothing", JZ_BENEFIT_LOW_INCOME, URBAN, .m = { { "1980-01-01", TRUE, 0 } },
    .total = 0, .lines = "" },
};

static void
set_date (GDate      *date,
          const char *text)
{
  guint y, m, d;

  g_assert_cmpint (sscanf (text, "%u-%u-%u", &y, &m, &d), ==, 3);
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

static JzBenefitFacts *
facts_of (const Example *e)
{
  JzBenefitFacts *facts = jz_benefit_facts_new ();

  facts->program = e->program;
  facts->hukou = e->hukou;
  facts->single_person = e->single;
  facts->care_tier = e->tier;
  facts->temp_kind = e->temp;
  facts->temp_multiple_bp = e->multiple;
  facts->emergency = e->emergency;
  facts->exit_months = e->exiting ? e->months : -1;
  facts->amount_before = e->before;

  for (guint i = 0; i < G_N_ELEMENTS (e->m) && e->m[i].birth != NULL; i++)
    {
      JzBenefitMember *member = jz_benefit_facts_add_member (facts);

      set_date (&member->birth, e->m[i].birth);
      member->in_program = e->m[i].in_program;
      member->monthly_income = e->m[i].income;
      member->conditions = e->m[i].conditions;
    }

  return facts;
}

static char *
lines_of (const JzBenefitResult *result)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < result->lines->len; i++)
    {
      const JzBenefitLine *line = g_ptr_array_index (result->lines, i);

      g_string_append_printf (text, "%s%s=%" G_GINT64_FORMAT, i > 0 ? " " : "", line->code, line->amount);
    }
  return g_string_free (text, FALSE);
}

static void
test_examples (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      const Example *e = &examples[i];
      g_autoptr(JzBenefitFacts) facts = facts_of (e);
      g_autoptr(JzBenefitResult) result = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *lines = NULL;
      JzStandardValues values;
      gint64 total = -1, sum = 0;
      GDate on;

      g_test_message ("%s", e->name);
      example_values (&values, e->hukou, e->dibao);
      set_date (&on, e->on != NULL ? e->on : "2026-03-01");

      result = jz_benefit_compute (facts, &values, &on, &error);
      g_assert_no_error (error);
      g_assert_nonnull (result);
      g_assert_cmpint (result->total, ==, e->total);
      lines = lines_of (result);
      g_assert_cmpstr (lines, ==, e->lines);

      /* The lines of a notice add up to its total. */
      for (guint l = 0; l < result->lines->len; l++)
        {
          const JzBenefitLine *line = g_ptr_array_index (result->lines, l);

          sum += line->amount;
          g_assert_cmpstr (line->label, !=, "");
          g_assert_cmpstr (line->formula, !=, "");
        }
      g_assert_cmpint (sum, ==, result->total);
      g_assert_cmpint (result->emergency, ==, e->emergency);
      g_assert_cmpint (result->to_institution, ==, e->program == JZ_BENEFIT_TEKUN_CENTRALIZED);
      g_assert_cmpstr (result->on_date, ==, e->on != NULL ? e->on : "2026-03-01");

      /* The total alone, as a caller computing many amounts gets it. */
      g_assert_true (jz_benefit_compute_total (facts, &values, &on, &total, &error));
      g_assert_no_error (error);
      g_assert_cmpint (total, ==, e->total);
    }
}

/* The words of the lines: what a clerk reads on the notice. */
static void
test_formulas_and_notes (void)
{
  g_autoptr(JzBenefitFacts) facts = NULL;
  g_autoptr(JzBenefitResult) result = NULL;
  g_autoptr(GError) error = NULL;
  JzStandardValues values;
  const JzBenefitLine *line;
  GDate on;

  set_date (&on, "2026-03-01");

  /* "rounded once" */
  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    if (g_str_equal (examples[i].name, "rounded once"))
      facts = facts_of (&examples[i]);
  example_values (&values, URBAN, 65001);
  result = jz_benefit_compute (facts, &values, &on, &error);
  g_assert_no_error (error);
  line = g_ptr_array_index (result->lines, 0);
  g_assert_cmpstr (line->label, ==, "Difference to the standard");
  g_assert_cmpstr (line->formula, ==, "(dibao standard 650.01 − household income 1,000.00 ÷ 3 persons) × 2 persons in the program");
  line = g_ptr_array_index (result->lines, 1);
  g_assert_cmpstr (line->label, ==, "Increment, elderly");
  g_assert_cmpstr (line->formula, ==, "1 person × 10% × dibao standard 650.01");
  line = g_ptr_array_index (result->lines, 2);
  g_assert_cmpstr (line->formula, ==, "1 person × 12.5% × dibao standard 650.01");
  line = g_ptr_array_index (result->lines, 3);
  g_assert_cmpstr (line->label, ==, "Rounding to the fen");
  g_assert_cmpstr (line->formula, ==, "the exact sum, rounded once half up, is 779.61; the lines above add up to 779.60");
  g_assert_cmpuint (result->persons, ==, 2);
  g_assert_cmpuint (result->notes->len, ==, 0);
  g_clear_pointer (&result, jz_benefit_result_free);
  g_clear_pointer (&facts, jz_benefit_facts_free);

  /* A centralized recipient's money goes to the institution. */
  facts = jz_benefit_facts_new ();
  facts->program = JZ_BENEFIT_TEKUN_CENTRALIZED;
  facts->hukou = RURAL;
  facts->institution = g_strdup ("区中心敬老院 \"东院\"");
  example_values (&values, RURAL, 0);
  result = jz_benefit_compute (facts, &values, &on, &error);
  g_assert_no_error (error);
  g_assert_true (result->to_institution);
  g_assert_cmpuint (result->notes->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (result->notes, 0), "区中心敬老院 \"东院\""));
  line = g_ptr_array_index (result->lines, 0);
  g_assert_cmpstr (line->formula, ==, "1.3 × rural dibao standard 500.00");
  g_clear_pointer (&result, jz_benefit_result_free);
  g_clear_pointer (&facts, jz_benefit_facts_free);

  /* Temporary: the range beside the multiple; an emergency is noted. */
  facts = jz_benefit_facts_new ();
  facts->program = JZ_BENEFIT_TEMPORARY;
  facts->hukou = RURAL;
  facts->temp_kind = JZ_BENEFIT_TEMP_EDUCATION;
  facts->temp_multiple_bp = 45000;
  facts->emergency = TRUE;
  result = jz_benefit_compute (facts, &values, &on, &error);
  g_assert_no_error (error);
  line = g_ptr_array_index (result->lines, 0);
  g_assert_cmpstr (line->label, ==, "Temporary assistance, education");
  g_assert_cmpstr (line->formula, ==, "4.5 × urban dibao standard 650.00 (allowed: 3 to 6 ×)");
  g_assert_true (result->emergency);
  g_assert_cmpuint (result->notes->len, ==, 1);
  g_clear_pointer (&result, jz_benefit_result_free);
  g_clear_pointer (&facts, jz_benefit_facts_free);

  /* Gradual exit: which month of how many. */
  facts = jz_benefit_facts_new ();
  facts->program = JZ_BENEFIT_DIBAO_URBAN;
  facts->hukou = URBAN;
  facts->exit_months = 1;
  facts->amount_before = 45000;
  set_date (&jz_benefit_facts_add_member (facts)->birth, "1986-05-10");
  facts->members[0].monthly_income = 70000;
  example_values (&values, URBAN, 0);
  result = jz_benefit_compute (facts, &values, &on, &error);
  g_assert_no_error (error);
  line = g_ptr_array_index (result->lines, 0);
  g_assert_cmpstr (line->formula, ==,
                   "household income 700.00 ÷ 1 person is not below the dibao standard 650.00; "
                   "month 2 of 3 of gradual exit keeps the amount before, 450.00");
}

typedef struct
{
  const char     *name;
  Example         e;
  JzBenefitError  code;
} Refusal;

static const Refusal refusals[] = {
  { "urban dibao for a rural hukou", { .program = JZ_BENEFIT_DIBAO_URBAN, .hukou = RURAL, .m = { { "1980-01-01", TRUE } } },
    JZ_BENEFIT_ERROR_FACTS },
  { "dibao without members", { .program = JZ_BENEFIT_DIBAO_URBAN, .hukou = URBAN }, JZ_BENEFIT_ERROR_FACTS },
  { "nobody in the program", { .program = JZ_BENEFIT_DIBAO_RURAL, .hukou = RURAL, .m = { { "1980-01-01", FALSE } } },
    JZ_BENEFIT_ERROR_FACTS },
  { "single-person coverage without a severe disability",
    { .program = JZ_BENEFIT_DIBAO_URBAN, .hukou = URBAN, .single = TRUE, .m = { { "1980-01-01", TRUE, 0, SI } } },
    JZ_BENEFIT_ERROR_FACTS },
  { "single-person coverage of two",
    { .program = JZ_BENEFIT_DIBAO_URBAN, .hukou = URBAN, .single = TRUE,
      .m = { { "1980-01-01", TRUE, 0, SD }, { "1982-01-01", TRUE, 0, SD } } },
    JZ_BENEFIT_ERROR_FACTS },
  { "single-person coverage outside dibao",
    { .program = JZ_BENEFIT_DISABILITY_CARE, .hukou = URBAN, .single = TRUE, .m = { { "1980-01-01", TRUE, 0, SD } } },
    JZ_BENEFIT_ERROR_FACTS },
  { "dispersed tekun without a care tier", { .program = JZ_BENEFIT_TEKUN_DISPERSED, .hukou = URBAN },
    JZ_BENEFIT_ERROR_FACTS },
  { "tekun without hukou", { .program = JZ_BENEFIT_TEKUN_CENTRALIZED, .hukou = JZ_STANDARD_HUKOU_ANY },
    JZ_BENEFIT_ERROR_FACTS },
  { "temporary without a kind", { .program = JZ_BENEFIT_TEMPORARY, .hukou = URBAN, .multiple = 30000 },
    JZ_BENEFIT_ERROR_FACTS },
  { "temporary without a multiple", { .program = JZ_BENEFIT_TEMPORARY, .hukou = URBAN, .temp = JZ_BENEFIT_TEMP_OTHER },
    JZ_BENEFIT_ERROR_FACTS },
  /* the ranges: illness 3–12, education 3–6 */
  { "illness 13 ×", { .program = JZ_BENEFIT_TEMPORARY, .hukou = URBAN, .temp = JZ_BENEFIT_TEMP_ILLNESS, .multiple = 130000 },
    JZ_BENEFIT_ERROR_RANGE },
  { "illness 12.0001 ×", { .program = JZ_BENEFIT_TEMPORARY, .hukou = URBAN, .temp = JZ_BENEFIT_TEMP_ILLNESS, .multiple = 120001 },
    JZ_BENEFIT_ERROR_RANGE },
  { "illness 2.5 ×", { .program = JZ_BENEFIT_TEMPORARY, .hukou = RURAL, .temp = JZ_BENEFIT_TEMP_ILLNESS, .multiple = 25000 },
    JZ_BENEFIT_ERROR_RANGE },
  { "education 7 ×", { .program = JZ_BENEFIT_TEMPORARY, .hukou = URBAN, .temp = JZ_BENEFIT_TEMP_EDUCATION, .multiple = 70000 },
    JZ_BENEFIT_ERROR_RANGE },
  { "education 2 ×", { .program = JZ_BENEFIT_TEMPORARY, .hukou = RURAL, .temp = JZ_BENEFIT_TEMP_EDUCATION, .multiple = 20000 },
    JZ_BENEFIT_ERROR_RANGE },
  { "born after the date", { .program = JZ_BENEFIT_DIBAO_URBAN, .hukou = URBAN, .m = { { "2026-03-02", TRUE } } },
    JZ_BENEFIT_ERROR_FACTS },
  { "negative income", { .program = JZ_BENEFIT_DIBAO_URBAN, .hukou = URBAN, .m = { { "1980-01-01", TRUE, -1 } } },
    JZ_BENEFIT_ERROR_FACTS },
  { "a subsidy for nobody", { .program = JZ_BENEFIT_CHILD_LIVING, .hukou = URBAN, .m = { { "2015-01-01", FALSE } } },
    JZ_BENEFIT_ERROR_FACTS },
};

static void
test_refusals (void)
{
  GDate on;

  set_date (&on, "2026-03-01");
  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autoptr(JzBenefitFacts) facts = facts_of (&refusals[i].e);
      g_autoptr(JzBenefitResult) result = NULL;
      g_autoptr(GError) error = NULL;
      JzStandardValues values;
      gint64 total = -1;

      g_test_message ("%s", refusals[i].name);
      example_values (&values, refusals[i].e.hukou == RURAL ? RURAL : URBAN, 0);
      if (refusals[i].e.hukou == JZ_STANDARD_HUKOU_ANY)
        values.hukou = JZ_STANDARD_HUKOU_ANY;
      result = jz_benefit_compute (facts, &values, &on, &error);
      g_assert_null (result);
      g_assert_error (error, JZ_BENEFIT_ERROR, (int) refusals[i].code);
      g_assert_cmpstr (error->message, !=, "");
      g_clear_error (&error);

      g_assert_false (jz_benefit_compute_total (facts, &values, &on, &total, &error));
      g_assert_error (error, JZ_BENEFIT_ERROR, (int) refusals[i].code);
      g_assert_cmpint (total, ==, -1);
    }

  /* The range is in the sentence. */
  {
    g_autoptr(JzBenefitFacts) facts = jz_benefit_facts_new ();
    g_autoptr(GError) error = NULL;
    JzStandardValues values;

    facts->program = JZ_BENEFIT_TEMPORARY;
    facts->hukou = URBAN;
    facts->temp_kind = JZ_BENEFIT_TEMP_ILLNESS;
    facts->temp_multiple_bp = 130000;
    example_values (&values, URBAN, 0);
    g_assert_null (jz_benefit_compute (facts, &values, &on, &error));
    g_assert_cmpstr (error->message, ==,
                     "The multiple 13 is outside the range 3 to 12 set for Temporary assistance, illness; "
                     "a larger amount needs a case-by-case decision (一事一议).");
  }
}

/* A standard the rule needs and does not have is named with the date; one
 * it does not need may be missing. */
static void
test_missing_standard (void)
{
  g_autoptr(JzBenefitFacts) facts = jz_benefit_facts_new ();
  g_autoptr(JzBenefitResult) result = NULL;
  g_autoptr(GError) error = NULL;
  JzStandardValues values;
  JzBenefitMember *member;
  GDate on;

  set_date (&on, "2026-03-01");
  facts->program = JZ_BENEFIT_DIBAO_URBAN;
  facts->hukou = URBAN;
  member = jz_benefit_facts_add_member (facts);
  set_date (&member->birth, "1980-01-01");

  example_values (&values, URBAN, 0);
  values.present &= ~(1u << JZ_STANDARD_INCREMENT_SANWU_PCT);
  values.present &= ~(1u << JZ_STANDARD_GRADUAL_EXIT_MONTHS);
  result = jz_benefit_compute (facts, &values, &on, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result->total, ==, 65000);
  g_clear_pointer (&result, jz_benefit_result_free);

  facts->members[0].conditions = SW;
  result = jz_benefit_compute (facts, &values, &on, &error);
  g_assert_null (result);
  g_assert_error (error, JZ_BENEFIT_ERROR, JZ_BENEFIT_ERROR_STANDARD);
  g_assert_cmpstr (error->message, ==,
                   "No value of “Increment, “three-without” person (percentage of the dibao standard)” (increment_sanwu_pct) "
                   "is in force on 2026-03-01; add one in Settings → Standards.");
  g_clear_error (&error);

  /* Gradual exit needs its months only above the standard. */
  facts->members[0].conditions = 0;
  facts->members[0].monthly_income = 70000;
  facts->exit_months = 1;
  facts->amount_before = 100;
  g_assert_null (jz_benefit_compute (facts, &values, &on, &error));
  g_assert_error (error, JZ_BENEFIT_ERROR, JZ_BENEFIT_ERROR_STANDARD);
  g_assert_nonnull (strstr (error->message, "gradual_exit_months"));
  g_clear_error (&error);

  values.present &= ~(1u << JZ_STANDARD_DIBAO);
  g_assert_null (jz_benefit_compute (facts, &values, &on, &error));
  g_assert_cmpstr (error->message, ==,
                   "No urban value of “Dibao standard” (dibao) is in force on 2026-03-01; add one in Settings → Standards.");
  g_clear_error (&error);

  /* Temporary assistance of a rural household needs the urban standard. */
  facts->program = JZ_BENEFIT_TEMPORARY;
  facts->hukou = RURAL;
  facts->temp_kind = JZ_BENEFIT_TEMP_ILLNESS;
  facts->temp_multiple_bp = 30000;
  example_values (&values, RURAL, 0);
  values.has_urban_dibao = FALSE;
  g_assert_null (jz_benefit_compute (facts, &values, &on, &error));
  g_assert_error (error, JZ_BENEFIT_ERROR, JZ_BENEFIT_ERROR_STANDARD);
  g_assert_nonnull (strstr (error->message, "No urban value of “Dibao standard” (dibao)"));
  g_clear_error (&error);

  /* A value out of range, e.g. written by hand into the file. */
  example_values (&values, RURAL, 0);
  values.urban_dibao = -5;
  g_assert_null (jz_benefit_compute (facts, &values, &on, &error));
  g_assert_error (error, JZ_BENEFIT_ERROR, JZ_BENEFIT_ERROR_STANDARD);
}

/* ---- the JSON facts ------------------------------------------------- */

static void
test_json_issue_example (void)
{
  const char *text =
    "{\"program\": \"dibao_urban\", \"hukou\": \"urban\", \"members\": [{\"birth\": \"1950-03-01\", "
    "\"in_program\": true, \"monthly_income_fen\": 30000, \"conditions\": [\"severe_disability\"]}], "
    "\"care_tier\": \"full_care\", \"temporary\": {\"kind\": \"illness\", \"multiple\": 6}}";
  g_autoptr(JzBenefitFacts) facts = NULL;
  g_autoptr(JzBenefitResult) result = NULL;
  g_autoptr(GError) error = NULL;
  JzStandardValues values;
  GDate on;

  facts = jz_benefit_facts_parse_json (text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (facts->program, ==, JZ_BENEFIT_DIBAO_URBAN);
  g_assert_cmpint (facts->hukou, ==, URBAN);
  g_assert_cmpuint (facts->n_members, ==, 1);
  g_assert_cmpuint (g_date_get_year (&facts->members[0].birth), ==, 1950);
  g_assert_cmpuint (g_date_get_month (&facts->members[0].birth), ==, 3);
  g_assert_cmpuint (g_date_get_day (&facts->members[0].birth), ==, 1);
  g_assert_true (facts->members[0].in_program);
  g_assert_cmpint (facts->members[0].monthly_income, ==, 30000);
  g_assert_cmpuint (facts->members[0].conditions, ==, SD);
  g_assert_cmpint (facts->care_tier, ==, JZ_BENEFIT_CARE_FULL);
  g_assert_cmpint (facts->temp_kind, ==, JZ_BENEFIT_TEMP_ILLNESS);
  g_assert_cmpint (facts->temp_multiple_bp, ==, 60000);
  g_assert_cmpint (facts->exit_months, ==, -1);
  g_assert_false (facts->emergency);
  g_assert_null (facts->township);

  /* 76 on 2026-03-01: 650.00 − 300.00 + 65.00 + 130.00 */
  example_values (&values, URBAN, 0);
  set_date (&on, "2026-03-01");
  result = jz_benefit_compute (facts, &values, &on, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result->total, ==, 54500);
}

static void
test_json_more (void)
{
  /* A byte-order mark, escapes, a surrogate pair, defaults, every field. */
  const char *text =
    "\xEF\xBB\xBF{\n"
    "  \"program\": \"dibao_rural\",\n"
    "  \"township\": \"\\u67f3\\u6cb3\\u9547 \\ud83d\\ude00\\t\\\"\\\\\\/\",\n"
    "  \"members\": [{\"birth\": \"1980-01-01\", \"conditions\": [\"sanwu\", \"severe_illness\"]},\n"
    "                {\"birth\": \"1982-02-02\", \"in_program\": false, \"monthly_income_fen\": 0}],\n"
    "  \"single_person\": false, \"emergency\": true, \"institution\": \"院\",\n"
    "  \"temporary\": {\"kind\": \"education\", \"multiple\": 4.5},\n"
    "  \"gradual_exit\": {\"months\": 2, \"amount_before_fen\": 45000}\n"
    "}\n";
  g_autoptr(JzBenefitFacts) facts = NULL;
  g_autoptr(GError) error = NULL;

  facts = jz_benefit_facts_parse_json (text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (facts->program, ==, JZ_BENEFIT_DIBAO_RURAL);
  g_assert_cmpint (facts->hukou, ==, RURAL);  /* from the program */
  g_assert_cmpstr (facts->township, ==, "柳河镇 😀\t\"\\/");
  g_assert_cmpuint (facts->n_members, ==, 2);
  g_assert_true (facts->members[0].in_program);
  g_assert_cmpint (facts->members[0].monthly_income, ==, 0);
  g_assert_cmpuint (facts->members[0].conditions, ==, SW | SI);
  g_assert_false (facts->members[1].in_program);
  g_assert_true (facts->emergency);
  g_assert_cmpstr (facts->institution, ==, "院");
  g_assert_cmpint (facts->temp_kind, ==, JZ_BENEFIT_TEMP_EDUCATION);
  g_assert_cmpint (facts->temp_multiple_bp, ==, 45000);
  g_assert_cmpint (facts->exit_months, ==, 2);
  g_assert_cmpint (facts->amount_before, ==, 45000);
  g_clear_pointer (&facts, jz_benefit_facts_free);

  /* A length that stops before the end. */
  {
    const char *good = "{\"program\": \"low_income\", \"hukou\": \"rural\"}";
    g_autofree char *longer = g_strconcat (good, "garbage", NULL);

    facts = jz_benefit_facts_parse_json (longer, (gssize) strlen (good), &error);
  }
  g_assert_no_error (error);
  g_assert_cmpint (facts->program, ==, JZ_BENEFIT_LOW_INCOME);
}

typedef struct
{
  const char *text;
  const char *message;  /* a part of it */
} BadJson;

static const BadJson bad_json[] = {
  { "", "not valid JSON: line 1, column 1" },
  { "{\"program\": \"dibao_urban\",\n \"members\": [}", "not valid JSON: line 2, column 14" },
  { "{\"program\": \"dibao_urban\"} x", "not valid JSON" },
  { "{\"program\": \"dibao_urban\",}", "not valid JSON" },
  { "{'program': 'dibao_urban'}", "not valid JSON" },
  { "{\"program\": \"dibao_urban\", \"members\": [{\"birth\": \"1980-01-01\", \"monthly_income_fen\": 01}]}", "not valid JSON" },
  { "{\"program\": \"a\\x\"}", "not valid JSON" },
  { "{\"program\": \"\\ud83d\"}", "not valid JSON" },
  { "{\"program\": \"\\u0000\"}", "not valid JSON" },
  { "{\"a\": [[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]}", "not valid JSON" },
  { "{\"program\": \"dibao\xff\"}", "not UTF-8" },
  { "[]", "one JSON object" },
  { "{}", "“program”" },
  { "{\"program\": \"dibao_urbn\"}", "“program”" },
  { "{\"program\": 1}", "“program” must be a text" },
  { "{\"program\": \"dibao_urban\", \"program\": \"dibao_rural\"}", "“program” appears twice" },
  { "{\"program\": \"dibao_urban\", \"memebers\": []}", "unknown field “memebers”" },
  { "{\"program\": \"tekun_dispersed\"}", "“hukou”" },
  { "{\"program\": \"dibao_urban\", \"hukou\": \"city\"}", "“hukou”" },
  { "{\"program\": \"dibao_urban\", \"members\": {}}", "“members” must be a list" },
  { "{\"program\": \"dibao_urban\", \"members\": [1]}", "“members[0]” must be an object" },
  { "{\"program\": \"dibao_urban\", \"members\": [{}]}", "“members[0].birth”" },
  { "{\"program\": \"dibao_urban\", \"members\": [{\"birth\": \"1980-02-30\"}]}", "“members[0].birth”" },
  { "{\"program\": \"dibao_urban\", \"members\": [{\"birth\": \"1980-01-01\"}, {\"birth\": \"80-01-01\"}]}", "“members[1].birth”" },
  { "{\"program\": \"dibao_urban\", \"members\": [{\"birth\": \"1980-01-01\", \"monthly_income_fen\": 300.5}]}",
    "“members[0].monthly_income_fen” must be a whole number" },
  { "{\"program\": \"dibao_urban\", \"members\": [{\"birth\": \"1980-01-01\", \"monthly_income_fen\": -1}]}",
    "“members[0].monthly_income_fen”" },
  { "{\"program\": \"dibao_urban\", \"members\": [{\"birth\": \"1980-01-01\", \"monthly_income_fen\": 3e4}]}",
    "“members[0].monthly_income_fen”" },
  { "{\"program\": \"dibao_urban\", \"members\": [{\"birth\": \"1980-01-01\", \"monthly_income_fen\": \"300\"}]}",
    "“members[0].monthly_income_fen”" },
  { "{\"program\": \"dibao_urban\", \"members\": [{\"birth\": \"1980-01-01\", \"monthly_income_fen\": 100000001}]}",
    "“members[0].monthly_income_fen”" },
  { "{\"program\": \"dibao_urban\", \"members\": [{\"birth\": \"1980-01-01\", \"in_program\": 1}]}",
    "“members[0].in_program” must be true or false" },
  { "{\"program\": \"dibao_urban\", \"members\": [{\"birth\": \"1980-01-01\", \"income\": 1}]}",
    "unknown field “members[0].income”" },
  { "{\"program\": \"dibao_urban\", \"members\": [{\"birth\": \"1980-01-01\", \"conditions\": [\"elderly\"]}]}",
    "follows from the birth date" },
  { "{\"program\": \"dibao_urban\", \"members\": [{\"birth\": \"1980-01-01\", \"conditions\": [\"blind\"]}]}",
    "not a condition" },
  { "{\"program\": \"dibao_urban\", \"members\": [{\"birth\": \"1980-01-01\", \"conditions\": \"sanwu\"}]}",
    "“members[0].conditions” must be a list" },
  { "{\"program\": \"temporary\", \"hukou\": \"urban\", \"temporary\": {\"kind\": \"illness\", \"multiple\": 4.55555}}",
    "“temporary.multiple”" },
  { "{\"program\": \"temporary\", \"hukou\": \"urban\", \"temporary\": {\"kind\": \"illness\", \"multiple\": 0}}",
    "“temporary.multiple”" },
  { "{\"program\": \"temporary\", \"hukou\": \"urban\", \"temporary\": {\"kind\": \"illness\", \"multiple\": -3}}",
    "“temporary.multiple”" },
  { "{\"program\": \"temporary\", \"hukou\": \"urban\", \"temporary\": {\"kind\": \"illness\"}}",
    "“temporary.multiple”" },
  { "{\"program\": \"temporary\", \"hukou\": \"urban\", \"temporary\": {\"kind\": \"flood\", \"multiple\": 3}}",
    "“temporary.kind”" },
  { "{\"program\": \"temporary\", \"hukou\": \"urban\", \"temporary\": {\"kind\": \"illness\", \"multiple\": 3, \"x\": 1}}",
    "unknown field “temporary.x”" },
  { "{\"program\": \"tekun_dispersed\", \"hukou\": \"urban\", \"care_tier\": \"none\"}", "“care_tier”" },
  { "{\"program\": \"dibao_urban\", \"gradual_exit\": {\"months\": 1}}", "“gradual_exit.amount_before_fen”" },
  { "{\"program\": \"dibao_urban\", \"gradual_exit\": {\"amount_before_fen\": 1}}", "“gradual_exit.months”" },
  { "{\"program\": \"dibao_urban\", \"emergency\": \"yes\"}", "“emergency” must be true or false" },
};

static void
test_json_refused (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_json); i++)
    {
      g_autoptr(JzBenefitFacts) facts = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", bad_json[i].text);
      facts = jz_benefit_facts_parse_json (bad_json[i].text, -1, &error);
      g_assert_null (facts);
      g_assert_error (error, JZ_BENEFIT_ERROR, JZ_BENEFIT_ERROR_FACTS);
      if (strstr (error->message, bad_json[i].message) == NULL)
        g_error ("“%s” does not say “%s”", error->message, bad_json[i].message);
    }
}

/* The breakdown as JSON, read back by SQLite's JSON functions. */
static void
test_result_json (void)
{
  g_autoptr(JzBenefitFacts) facts = jz_benefit_facts_new ();
  g_autoptr(JzBenefitResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  JzStandardValues values;
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  GDate on;

  facts->program = JZ_BENEFIT_TEKUN_CENTRALIZED;
  facts->hukou = URBAN;
  facts->emergency = TRUE;
  facts->institution = g_strdup ("敬老院 \"东\"\\\n");
  example_values (&values, URBAN, 65001);
  set_date (&on, "2026-03-01");
  result = jz_benefit_compute (facts, &values, &on, &error);
  g_assert_no_error (error);
  json = jz_benefit_result_to_json (result);

  g_assert_cmpint (sqlite3_open (":memory:", &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "SELECT json_valid (?1), ?1 ->> '$.program', ?1 ->> '$.date', ?1 ->> '$.total', "
                                       "       ?1 ->> '$.persons', ?1 ->> '$.emergency', ?1 ->> '$.to_institution', "
                                       "       json_array_length (?1, '$.lines'), ?1 ->> '$.lines[0].code', "
                                       "       ?1 ->> '$.lines[0].amount', ?1 ->> '$.lines[0].formula', ?1 ->> '$.notes[0]', "
                                       "       json_array_length (?1, '$.notes')",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "tekun_centralized");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, "2026-03-01");
  /* 1.5 × 650.01 = 975.015 → 975.02 */
  g_assert_cmpint (sqlite3_column_int64 (stmt, 3), ==, 97502);
  g_assert_cmpint (sqlite3_column_int (stmt, 4), ==, 1);
  g_assert_cmpint (sqlite3_column_int (stmt, 5), ==, 1);
  g_assert_cmpint (sqlite3_column_int (stmt, 6), ==, 1);
  g_assert_cmpint (sqlite3_column_int (stmt, 7), ==, 1);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 8), ==, "tekun_basic");
  g_assert_cmpint (sqlite3_column_int64 (stmt, 9), ==, 97502);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 10), ==, "1.5 × urban dibao standard 650.01");
  g_assert_nonnull (strstr ((const char *) sqlite3_column_text (stmt, 11), "敬老院 \"东\"\\\n"));
  g_assert_cmpint (sqlite3_column_int (stmt, 12), ==, 2);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
}

/* ---- from the database ---------------------------------------------- */

static void
exec (JzTestDb   *t,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jz_db_exec (t->db, sql, &error));
  g_assert_no_error (error);
}

static void
put (JzTestDb        *t,
     JzStandardKind   kind,
     JzStandardHukou  hukou,
     gint64           township_id,
     gint64           value,
     const char      *from)
{
  g_autoptr(JzStandard) standard = jz_standard_new ();
  g_autoptr(GError) error = NULL;

  standard->kind = kind;
  standard->hukou = hukou;
  standard->township_id = township_id;
  standard->value = value;
  standard->effective_from = g_strdup (from);
  g_assert_true (jz_standard_set (t->db, NULL, standard, &error));
  g_assert_no_error (error);
}

static gint64
compute_case (JzTestDb   *t,
              gint64      case_id,
              const char *on)
{
  g_autoptr(JzBenefitResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = jz_benefit_compute_case (t->db, case_id, on, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result->total;
}

/* The standards of the examples from 2025-07-01, the urban dibao raised to
 * 700.00 from 2026-07-01; a household of the test village (urban): 1 the
 * head, born 1950-03-01, wages 300.00; 2 a son born 1990, wages 500.00,
 * excluded from the dibao case; 3 an aunt born 1960-05-05, limb grade 3. */
static void
test_compute_case (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JzBenefitResult) result = NULL;
  g_autofree char *sql = NULL;
  JzStandardValues values;

  example_values (&values, URBAN, 0);
  for (JzStandardKind k = 0; k < JZ_STANDARD_N_KINDS; k++)
    if (k != JZ_STANDARD_DIBAO && k != JZ_STANDARD_TEKUN_BASIC_RATIO)
      put (t, k, JZ_STANDARD_HUKOU_ANY, 0, values.value[k], "2025-07-01");
  put (t, JZ_STANDARD_DIBAO, URBAN, 0, 65000, "2025-07-01");
  put (t, JZ_STANDARD_DIBAO, RURAL, 0, 50000, "2025-07-01");
  put (t, JZ_STANDARD_DIBAO, URBAN, 0, 70000, "2026-07-01");

  sql = g_strdup_printf (
    "INSERT INTO households (id, region_id, hukou, opened_on) VALUES (1, %" G_GINT64_FORMAT ", 'urban', '2020-01-01');"
    "INSERT INTO persons (id, household_id, name, id_number, relation, sex, birth_date) VALUES "
    "  (1, 1, 'A', '000000195003010000', 'head', 'M', '1950-03-01'),"
    "  (2, 1, 'B', '000000199001010000', 'child', 'M', '1990-01-01'),"
    "  (3, 1, 'C', '000000196005050000', 'other', 'F', '1960-05-05');"
    "UPDATE persons SET disability_kind = 'limb', disability_grade = 3 WHERE id = 3;"
    "UPDATE households SET head_person_id = 1 WHERE id = 1;"
    "INSERT INTO incomes (person_id, kind, monthly_amount) VALUES (1, 'wage', 20000), (1, 'pension', 10000), (2, 'wage', 50000);"
    "INSERT INTO cases (id, household_id, program, status, applied_on) VALUES (1, 1, 'dibao_urban', 'active', '2025-01-01');"
    "INSERT INTO case_exclusions (case_id, person_id) VALUES (1, 2);",
    t->village);
  exec (t, sql);

  /* 2026-06-30: three members, 800.00: (1,950.00 − 800.00) ÷ 3 × 2 =
   * 766.666…; the head is 76: + 65.00; C is 66: + 65.00; limb grade 3
   * is no severe disability.  896.666… → 896.67 */
  g_assert_cmpint (compute_case (t, 1, "2026-06-30"), ==, 89667);
  /* 2026-07-01, standard 700.00: (2,100.00 − 800.00) ÷ 3 × 2 = 866.666…
   * + 2 × 70.00 = 1,006.666… → 1,006.67 */
  g_assert_cmpint (compute_case (t, 1, "2026-07-01"), ==, 100667);

  /* Grade 3 intellectual is a severe disability: + 20 % × 700.00 */
  exec (t, "UPDATE persons SET disability_kind = 'intellectual' WHERE id = 3");
  g_assert_cmpint (compute_case (t, 1, "2026-07-01"), ==, 114667);
  /* and so is grade 2 of any kind; a severe illness and sanwu add theirs:
   * + 12.5 % × 700.00 = 87.50, + 30 % × 700.00 = 210.00 */
  exec (t, "UPDATE persons SET disability_kind = 'visual', disability_grade = 2, severe_illness = 'cancer', sanwu = 1 WHERE id = 3");
  g_assert_cmpint (compute_case (t, 1, "2026-07-01"), ==, 114667 + 8750 + 21000);
  exec (t, "UPDATE persons SET disability_kind = NULL, disability_grade = NULL, severe_illness = '', sanwu = 0 WHERE id = 3");

  /* A member who moved out counts no more: A and B, 800.00 over two,
   * one in the program: (1,400.00 − 800.00) ÷ 2 + 70.00 = 370.00 */
  exec (t, "UPDATE persons SET active = 0, left_on = '2026-05-01', left_reason = 'moved_out' WHERE id = 3");
  g_assert_cmpint (compute_case (t, 1, "2026-07-01"), ==, 37000);

  /* The township's own standard wins: 800.00 from 2026-01-01.
   * (1,600.00 − 800.00) ÷ 2 + 80.00 = 480.00 */
  put (t, JZ_STANDARD_DIBAO, URBAN, t->township, 80000, "2026-01-01");
  g_assert_cmpint (compute_case (t, 1, "2026-07-01"), ==, 48000);

  /* Gradual exit since 2026-04-15 keeping 450.00: the head earns 2,000.00.
   * (2,000.00 + 500.00) ÷ 2 is above 800.00. */
  exec (t, "UPDATE incomes SET monthly_amount = 190000 WHERE person_id = 1 AND kind = 'wage';"
           "UPDATE cases SET exit_from = '2026-04-15', monthly_amount = 45000 WHERE id = 1");
  /* 2 whole months on 2026-07-14: kept */
  g_assert_cmpint (compute_case (t, 1, "2026-07-14"), ==, 45000);
  /* 3 whole months on 2026-07-15: over */
  g_assert_cmpint (compute_case (t, 1, "2026-07-15"), ==, 0);
  /* No date: today, which JIUZHU_TODAY sets for tests */
  g_setenv ("JIUZHU_TODAY", "2026-07-14", TRUE);
  g_assert_cmpint (compute_case (t, 1, NULL), ==, 45000);
  g_setenv ("JIUZHU_TODAY", "2026-07-15", TRUE);
  g_assert_cmpint (compute_case (t, 1, NULL), ==, 0);
  g_unsetenv ("JIUZHU_TODAY");

  /* Single-person coverage: a case of the severely disabled son alone, on
   * his own 500.00: 800.00 − 500.00 + 20 % × 800.00 = 460.00 */
  exec (t, "UPDATE persons SET disability_kind = 'mental', disability_grade = 3 WHERE id = 2;"
           "INSERT INTO cases (id, household_id, person_id, program, status, applied_on) "
           "  VALUES (2, 1, 2, 'dibao_urban', 'active', '2026-01-01')");
  g_assert_cmpint (compute_case (t, 2, "2026-07-01"), ==, 46000);

  /* Dispersed tekun of the head, full care, with the schema's default
   * ratio: 1.5 × 800.00 + 60 % × 1,900.00 */
  exec (t, "UPDATE persons SET self_care = 'full_care' WHERE id = 1;"
           "INSERT INTO cases (id, household_id, person_id, program, status, applied_on) "
           "  VALUES (3, 1, 1, 'tekun_dispersed', 'active', '2026-01-01')");
  g_assert_cmpint (compute_case (t, 3, "2026-07-01"), ==, 120000 + 114000);

  /* Temporary assistance for illness, 6 × the urban 800.00, in an emergency */
  exec (t, "INSERT INTO cases (id, household_id, program, status, applied_on, temp_kind, temp_multiple_bp, emergency) "
           "  VALUES (4, 1, 'temporary', 'active', '2026-01-01', 'illness', 60000, 1)");
  result = jz_benefit_compute_case (t->db, 4, "2026-07-01", &error);
  g_assert_no_error (error);
  g_assert_cmpint (result->total, ==, 480000);
  g_assert_true (result->emergency);
  g_clear_pointer (&result, jz_benefit_result_free);

  /* … and out of its range */
  exec (t, "UPDATE cases SET temp_multiple_bp = 130000 WHERE id = 4");
  g_assert_null (jz_benefit_compute_case (t->db, 4, "2026-07-01", &error));
  g_assert_error (error, JZ_BENEFIT_ERROR, JZ_BENEFIT_ERROR_RANGE);
  g_clear_error (&error);

  /* Before any standard */
  g_assert_null (jz_benefit_compute_case (t->db, 1, "2025-06-30", &error));
  g_assert_error (error, JZ_BENEFIT_ERROR, JZ_BENEFIT_ERROR_STANDARD);
  g_clear_error (&error);

  g_assert_null (jz_benefit_compute_case (t->db, 99, "2026-07-01", &error));
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_null (jz_benefit_compute_case (t->db, 1, "2026-7-1", &error));
  g_assert_error (error, JZ_BENEFIT_ERROR, JZ_BENEFIT_ERROR_FACTS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/benefit/examples", test_examples);
  g_test_add_func ("/benefit/formulas-and-notes", test_formulas_and_notes);
  g_test_add_func ("/benefit/refusals", test_refusals);
  g_test_add_func ("/benefit/missing-standard", test_missing_standard);
  g_test_add_func ("/benefit/json/issue-example", test_json_issue_example);
  g_test_add_func ("/benefit/json/more", test_json_more);
  g_test_add_func ("/benefit/json/refused", test_json_refused);
  g_test_add_func ("/benefit/result-json", test_result_json);
  g_test_add_func ("/benefit/compute-case", test_compute_case);

  return g_test_run ();
}
