/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The benefit engine's rules and its result; the facts and where they come
 * from are in jz-benefit-facts.c.  See jz-benefit.h for the rules. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jz-benefit-private.h"
#include "jz-calendar.h"
#include "jz-income.h"
#include "jz-money.h"

#ifndef __SIZEOF_INT128__
# error "The benefit engine needs a compiler with 128-bit integers (GCC or Clang on a 64-bit machine)."
#endif

/* Exact amounts are fen × the computation's denominator.  The largest
 * product, members × standard × rate × members, is about 10^20 at the
 * bounds the inputs are checked against: beyond gint64, well within this. */
__extension__ typedef __int128 Wide;

G_DEFINE_QUARK (jz-benefit-error-quark, jz_benefit_error)

static const char * const program_codes[JZ_BENEFIT_N_PROGRAMS] = {
  "dibao_urban", "dibao_rural", "tekun_dispersed", "tekun_centralized", "temporary",
  "disability_living", "disability_care", "child_living", "low_income",
};

const char *
jz_benefit_program_code (JzBenefitProgram program)
{
  g_return_val_if_fail ((guint) program < JZ_BENEFIT_N_PROGRAMS, NULL);

  return program_codes[program];
}

gboolean
jz_benefit_program_from_code (const char       *code,
                              JzBenefitProgram *program)
{
  for (guint i = 0; i < JZ_BENEFIT_N_PROGRAMS; i++)
    if (g_strcmp0 (code, program_codes[i]) == 0)
      {
        if (program != NULL)
          *program = (JzBenefitProgram) i;
        return TRUE;
      }

  return FALSE;
}

/* ---- the computation ------------------------------------------------ */

static void
line_free (gpointer data)
{
  JzBenefitLine *line = data;

  g_free (line->label);
  g_free (line->formula);
  g_free (line);
}

typedef struct
{
  const JzBenefitFacts    *facts;
  const JzStandardValues  *values;
  const GDate             *on;
  Wide                     denom;   /* of every exact amount */
  Wide                     sum;     /* the exact total × denom */
  JzBenefitResult         *result;  /* NULL: the total only, no text */
  gint64                   lines_sum;
} Calc;

/* Half up, for the non-negative amounts the rules give. */
static gint64
round_half_up (Wide num,
               Wide den)
{
  return (gint64) ((2 * num + den) / (2 * den));
}

static void
add (Calc *c,
     Wide  exact)
{
  c->sum += exact;
}

/* A line's numbers, with their count: ARGS (standard, income). */
#define ARGS(...) ((const gint64[]) { __VA_ARGS__ }), \
                  (guint) (sizeof ((const gint64[]) { __VA_ARGS__ }) / sizeof (gint64))

static JzBenefitLine *
line_new (const char   *code,
          const char   *text,
          const gint64 *args,
          guint         n_args)
{
  JzBenefitLine *line = g_new0 (JzBenefitLine, 1);
  gboolean rendered;

  g_assert (n_args <= JZ_BENEFIT_LINE_MAX_ARGS);
  line->code = code;
  line->text = text;
  line->n_args = n_args;
  memcpy (line->args, args, n_args * sizeof (gint64));
  rendered = jz_benefit_line_render (text, args, n_args, &line->label, &line->formula);
  g_assert (rendered);
  return line;
}

/* @text and @args say what the line is, in words, through
 * jz_benefit_line_render(). */
static void
push_line (Calc         *c,
           const char   *code,
           Wide          exact,
           const char   *text,
           const gint64 *args,
           guint         n_args)
{
  JzBenefitLine *line = line_new (code, text, args, n_args);

  line->amount = round_half_up (exact, c->denom);
  c->lines_sum += line->amount;
  g_ptr_array_add (c->result->lines, line);
}

static void
push_note (Calc *c,
           char *note)
{
  g_ptr_array_add (c->result->notes, note);
}

static char *
date_text (const GDate *date)
{
  char text[16];

  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  return g_strdup (text);
}

static gboolean
missing (const Calc      *c,
         JzStandardKind   kind,
         JzStandardHukou  hukou,
         GError         **error)
{
  g_autofree char *on = date_text (c->on);

  if (jz_standard_kind_by_hukou (kind) && hukou == JZ_STANDARD_HUKOU_URBAN)
    g_set_error (error, JZ_BENEFIT_ERROR, JZ_BENEFIT_ERROR_STANDARD,
                 _("No urban value of “%s” (%s) is in force on %s; add one in Settings → Standards."),
                 jz_standard_kind_label (kind), jz_standard_kind_code (kind), on);
  else if (jz_standard_kind_by_hukou (kind))
    g_set_error (error, JZ_BENEFIT_ERROR, JZ_BENEFIT_ERROR_STANDARD,
                 _("No rural value of “%s” (%s) is in force on %s; add one in Settings → Standards."),
                 jz_standard_kind_label (kind), jz_standard_kind_code (kind), on);
  else
    g_set_error (error, JZ_BENEFIT_ERROR, JZ_BENEFIT_ERROR_STANDARD,
                 _("No value of “%s” (%s) is in force on %s; add one in Settings → Standards."),
                 jz_standard_kind_label (kind), jz_standard_kind_code (kind), on);
  return FALSE;
}

static gboolean
in_range (const Calc      *c,
          JzStandardKind   kind,
          gint64           value,
          GError         **error)
{
  gint64 max;
  g_autofree char *on = NULL;

  switch (jz_standard_kind_unit (kind))
    {
    case JZ_STANDARD_UNIT_BP:     max = JZ_STANDARD_MAX_BP; break;
    case JZ_STANDARD_UNIT_MONTHS: max = JZ_STANDARD_MAX_MONTHS; break;
    case JZ_STANDARD_UNIT_FEN:
    default:                      max = JZ_STANDARD_MAX_FEN; break;
    }
  if (value >= 0 && value <= max)
    return TRUE;

  on = date_text (c->on);
  g_set_error (error, JZ_BENEFIT_ERROR, JZ_BENEFIT_ERROR_STANDARD,
               _("The value of “%s” in force on %s is out of range; correct it in Settings → Standards."),
               jz_standard_kind_label (kind), on);
  return FALSE;
}

/* The value of @kind in force, or an error naming the kind and the date. */
static gboolean
need (const Calc      *c,
      JzStandardKind   kind,
      gint64          *value,
      GError         **error)
{
  if (!jz_standard_values_has (c->values, kind))
    return missing (c, kind, c->values->hukou, error);

  *value = c->values->value[kind];
  return in_range (c, kind, *value, error);
}

static gboolean
facts_error (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, JZ_BENEFIT_ERROR, JZ_BENEFIT_ERROR_FACTS, message);
  return FALSE;
}

/* Whole years, counted as Chinese 周岁: one more on each birthday; a
 * 29 February birthday comes on 1 March in other years. */
static int
age_on (const GDate *birth,
        const GDate *on)
{
  int age = (int) g_date_get_year (on) - (int) g_date_get_year (birth);
  int om = g_date_get_month (on), bm = g_date_get_month (birth);

  if (om < bm || (om == bm && g_date_get_day (on) < g_date_get_day (birth)))
    age--;

  return age;
}

static char *
multiple (gint64 bp)
{
  return jz_benefit_format_multiple (bp);
}

/* ---- dibao ---------------------------------------------------------- */

enum { INC_ELDERLY, INC_MINOR, INC_SEVERE_DISABILITY, INC_SEVERE_ILLNESS, INC_SANWU, N_INC };

static const struct
{
  JzStandardKind  kind;
  const char     *code;   /* the line's code and text */
} increments[N_INC] = {
  { JZ_STANDARD_INCREMENT_ELDERLY_PCT,           "increment_elderly" },
  { JZ_STANDARD_INCREMENT_MINOR_PCT,             "increment_minor" },
  { JZ_STANDARD_INCREMENT_SEVERE_DISABILITY_PCT, "increment_severe_disability" },
  { JZ_STANDARD_INCREMENT_SEVERE_ILLNESS_PCT,    "increment_severe_illness" },
  { JZ_STANDARD_INCREMENT_SANWU_PCT,             "increment_sanwu" },
};

static guint
conditions_of (const JzBenefitMember *member,
               const GDate           *on)
{
  int age = age_on (&member->birth, on);
  guint set = 0;

  if (age >= 60)
    set |= 1u << INC_ELDERLY;
  if (age < 18)
    set |= 1u << INC_MINOR;
  if (member->conditions & JZ_BENEFIT_SEVERE_DISABILITY)
    set |= 1u << INC_SEVERE_DISABILITY;
  if (member->conditions & JZ_BENEFIT_SEVERE_ILLNESS)
    set |= 1u << INC_SEVERE_ILLNESS;
  if (member->conditions & JZ_BENEFIT_SANWU)
    set |= 1u << INC_SANWU;

  return set;
}

/* Income at or above the standard: gradual exit, or nothing. */
static gboolean
dibao_not_below (Calc     *c,
                 gint64    standard,
                 gint64    income,
                 guint     n,
                 GError  **error)
{
  const JzBenefitFacts *f = c->facts;
  gint64 months = 0;

  if (f->exit_months >= 0 && !need (c, JZ_STANDARD_GRADUAL_EXIT_MONTHS, &months, error))
    return FALSE;

  if (f->exit_months >= 0 && f->exit_months < months)
    add (c, (Wide) f->amount_before * c->denom);

  if (c->result == NULL)
    return TRUE;

  if (f->exit_months < 0)
    push_line (c, "not_eligible", 0, "not_eligible", ARGS (income, n, standard));
  else if (f->exit_months < months)
    push_line (c, "gradual_exit", (Wide) f->amount_before * c->denom,
               "gradual_exit", ARGS (income, n, standard, f->exit_months + 1, months, f->amount_before));
  else
    push_line (c, "gradual_exit_ended", 0, "gradual_exit_ended", ARGS (income, n, standard, months));
  return TRUE;
}

static gboolean
compute_dibao (Calc     *c,
               GError  **error)
{
  const JzBenefitFacts *f = c->facts;
  JzStandardHukou hukou = f->program == JZ_BENEFIT_DIBAO_URBAN ? JZ_STANDARD_HUKOU_URBAN : JZ_STANDARD_HUKOU_RURAL;
  guint n = 0, m = 0, with[N_INC] = { 0 };
  gint64 standard, income = 0;
  Wide shortfall;

  if (f->hukou != hukou)
    return facts_error (error, _("Urban dibao is for households with an urban hukou and rural dibao for a rural hukou; check the program and the hukou."));
  if (f->n_members == 0)
    return facts_error (error, _("List the members of the household to compute the dibao."));

  for (guint i = 0; i < f->n_members; i++)
    if (f->members[i].in_program)
      m++;
  if (m == 0)
    return facts_error (error, _("Mark at least one member as in the program."));

  if (!need (c, JZ_STANDARD_DIBAO, &standard, error))
    return FALSE;

  /* Single-person coverage: a household of one, on their own income. */
  for (guint i = 0; i < f->n_members; i++)
    {
      const JzBenefitMember *member = &f->members[i];

      if (f->single_person && !member->in_program)
        continue;
      n++;
      income += member->monthly_income;
      if (member->in_program)
        {
          guint set = conditions_of (member, c->on);

          for (guint k = 0; k < N_INC; k++)
            if (set & (1u << k))
              with[k]++;
        }
    }

  if (f->single_person && (m != 1 || with[INC_SEVERE_DISABILITY] != 1))
    return facts_error (error, _("Single-person coverage is for one severely disabled member: mark only that member as in the program."));

  if (c->result != NULL)
    c->result->persons = m;
  c->denom = (Wide) n * 10000;
  shortfall = (Wide) standard * n - income;
  if (shortfall <= 0)
    return dibao_not_below (c, standard, income, n, error);

  add (c, shortfall * m * 10000);
  if (c->result != NULL && f->single_person)
    push_line (c, "difference", shortfall * m * 10000, "difference_single", ARGS (standard, income));
  else if (c->result != NULL)
    push_line (c, "difference", shortfall * m * 10000, "difference", ARGS (standard, income, n, m));

  for (guint k = 0; k < N_INC; k++)
    {
      gint64 rate;
      Wide exact;

      if (with[k] == 0)
        continue;
      if (!need (c, increments[k].kind, &rate, error))
        return FALSE;

      /* with × standard × rate / 10000, over the denominator n × 10000 */
      exact = (Wide) with[k] * standard * rate * n;
      add (c, exact);
      if (c->result != NULL)
        push_line (c, increments[k].code, exact, increments[k].code, ARGS (with[k], rate, standard));
    }

  return TRUE;
}

/* ---- tekun ---------------------------------------------------------- */

static gboolean
compute_tekun (Calc     *c,
               GError  **error)
{
  const JzBenefitFacts *f = c->facts;
  gboolean dispersed = f->program == JZ_BENEFIT_TEKUN_DISPERSED;
  JzStandardKind care_kind;
  gint64 ratio, standard, rate = 0, wage = 0;
  const char *tier_text;

  switch (f->care_tier)
    {
    case JZ_BENEFIT_CARE_SELF:
      care_kind = JZ_STANDARD_CARE_SELF_PCT;
      tier_text = "care_self";
      break;
    case JZ_BENEFIT_CARE_PARTIAL:
      care_kind = JZ_STANDARD_CARE_PARTIAL_PCT;
      tier_text = "care_partial";
      break;
    case JZ_BENEFIT_CARE_FULL:
      care_kind = JZ_STANDARD_CARE_FULL_PCT;
      tier_text = "care_full";
      break;
    case JZ_BENEFIT_CARE_NONE:
    default:
      if (dispersed)
        return facts_error (error, _("Give the care tier of the recipient: self_care, partial_care or full_care."));
      care_kind = JZ_STANDARD_N_KINDS;
      tier_text = NULL;
      break;
    }

  if (!need (c, JZ_STANDARD_TEKUN_BASIC_RATIO, &ratio, error) ||
      !need (c, JZ_STANDARD_DIBAO, &standard, error))
    return FALSE;
  if (dispersed &&
      (!need (c, care_kind, &rate, error) || !need (c, JZ_STANDARD_MIN_WAGE, &wage, error)))
    return FALSE;

  c->denom = 10000;
  add (c, (Wide) ratio * standard);
  if (dispersed)
    add (c, (Wide) rate * wage);

  if (c->result == NULL)
    return TRUE;

  c->result->persons = 1;
  push_line (c, "tekun_basic", (Wide) ratio * standard,
             c->values->hukou == JZ_STANDARD_HUKOU_URBAN ? "tekun_basic_urban" : "tekun_basic_rural",
             ARGS (ratio, standard));
  if (dispersed)
    push_line (c, "care", (Wide) rate * wage, tier_text, ARGS (rate, wage));
  else if (f->institution != NULL && *f->institution != '\0')
    push_note (c, g_strdup_printf (_("Paid to the care institution “%s”, not to the recipient; the institution provides the care."),
                                   f->institution));
  else
    push_note (c, g_strdup (_("Paid to the care institution, not to the recipient; the institution provides the care.")));

  return TRUE;
}

/* ---- temporary ------------------------------------------------------ */

static gboolean
compute_temporary (Calc     *c,
                   GError  **error)
{
  const JzBenefitFacts *f = c->facts;
  JzStandardKind min_kind, max_kind;
  gint64 low = 0, high = 0;
  const char *text;

  switch (f->temp_kind)
    {
    case JZ_BENEFIT_TEMP_ILLNESS:
      min_kind = JZ_STANDARD_TEMP_ILLNESS_MIN;
      max_kind = JZ_STANDARD_TEMP_ILLNESS_MAX;
      text = "temporary_illness";
      break;
    case JZ_BENEFIT_TEMP_EDUCATION:
      min_kind = JZ_STANDARD_TEMP_EDUCATION_MIN;
      max_kind = JZ_STANDARD_TEMP_EDUCATION_MAX;
      text = "temporary_education";
      break;
    case JZ_BENEFIT_TEMP_OTHER:
      min_kind = max_kind = JZ_STANDARD_N_KINDS;
      text = "temporary_other";
      break;
    case JZ_BENEFIT_TEMP_NONE:
    default:
      return facts_error (error, _("Give the kind of temporary assistance (illness, education or other) and its multiple."));
    }
  if (f->temp_multiple_bp <= 0)
    return facts_error (error, _("Give the kind of temporary assistance (illness, education or other) and its multiple."));

  if (!c->values->has_urban_dibao)
    return missing (c, JZ_STANDARD_DIBAO, JZ_STANDARD_HUKOU_URBAN, error);
  if (!in_range (c, JZ_STANDARD_DIBAO, c->values->urban_dibao, error))
    return FALSE;

  if (min_kind != JZ_STANDARD_N_KINDS)
    {
      if (!need (c, min_kind, &low, error) || !need (c, max_kind, &high, error))
        return FALSE;
      if (f->temp_multiple_bp < low || f->temp_multiple_bp > high)
        {
          g_autofree char *m = multiple (f->temp_multiple_bp);
          g_autofree char *lo = multiple (low);
          g_autofree char *hi = multiple (high);
          g_autofree char *label = NULL;
          g_autofree char *formula = NULL;

          jz_benefit_line_render (text, ARGS (f->temp_multiple_bp, c->values->urban_dibao, low, high),
                                  &label, &formula);
          g_set_error (error, JZ_BENEFIT_ERROR, JZ_BENEFIT_ERROR_RANGE,
                       /* Translators: "The multiple 13 is outside the range 3 to 12 set for temporary assistance, illness; …" */
                       _("The multiple %s is outside the range %s to %s set for %s; a larger amount needs a case-by-case decision (一事一议)."),
                       m, lo, hi, label);
          return FALSE;
        }
    }

  c->denom = 10000;
  add (c, (Wide) f->temp_multiple_bp * c->values->urban_dibao);

  if (c->result == NULL)
    return TRUE;

  c->result->persons = MAX (f->n_members, 1);
  if (min_kind != JZ_STANDARD_N_KINDS)
    push_line (c, "temporary", (Wide) f->temp_multiple_bp * c->values->urban_dibao,
               text, ARGS (f->temp_multiple_bp, c->values->urban_dibao, low, high));
  else
    {
      push_line (c, "temporary", (Wide) f->temp_multiple_bp * c->values->urban_dibao,
                 text, ARGS (f->temp_multiple_bp, c->values->urban_dibao));
      push_note (c, g_strdup (_("No range is set for other needs; the multiple is decided case by case.")));
    }
  return TRUE;
}

/* ---- subsidies ------------------------------------------------------ */

static gboolean
compute_subsidy (Calc            *c,
                 JzStandardKind   kind,
                 const char      *text,
                 GError         **error)
{
  const JzBenefitFacts *f = c->facts;
  guint k = 0;
  gint64 amount;

  for (guint i = 0; i < f->n_members; i++)
    if (f->members[i].in_program)
      k++;
  if (k == 0)
    return facts_error (error, _("Mark at least one member as in the program."));

  if (!need (c, kind, &amount, error))
    return FALSE;

  c->denom = 1;
  add (c, (Wide) k * amount);

  if (c->result != NULL)
    {
      c->result->persons = k;
      push_line (c, "subsidy", (Wide) k * amount, text, ARGS (k, amount));
    }
  return TRUE;
}

/* ---- the whole ------------------------------------------------------ */

static gboolean
check_facts (const JzBenefitFacts  *f,
             const JzStandardValues *values,
             const GDate           *on,
             GError               **error)
{
  if ((guint) f->program >= JZ_BENEFIT_N_PROGRAMS)
    return facts_error (error, _("Choose the program from the list."));
  if (f->hukou != JZ_STANDARD_HUKOU_URBAN && f->hukou != JZ_STANDARD_HUKOU_RURAL)
    return facts_error (error, _("Give the hukou of the household: urban or rural."));
  if (values->hukou != f->hukou)
    return facts_error (error, _("The standards were looked up for the other hukou; look them up for the household’s hukou."));
  if (f->n_members > JZ_BENEFIT_MAX_MEMBERS || (f->n_members > 0 && f->members == NULL))
    {
      g_set_error (error, JZ_BENEFIT_ERROR, JZ_BENEFIT_ERROR_FACTS,
                   _("A household has at most %d members here; check the list."), JZ_BENEFIT_MAX_MEMBERS);
      return FALSE;
    }

  for (guint i = 0; i < f->n_members; i++)
    {
      const JzBenefitMember *member = &f->members[i];

      if (!g_date_valid (&member->birth))
        {
          g_set_error (error, JZ_BENEFIT_ERROR, JZ_BENEFIT_ERROR_FACTS,
                       _("Member %u has no valid birth date."), i + 1);
          return FALSE;
        }
      if (g_date_compare (&member->birth, on) > 0)
        {
          g_set_error (error, JZ_BENEFIT_ERROR, JZ_BENEFIT_ERROR_FACTS,
                       _("Member %u is born after the date of the computation; check the birth date or the date."), i + 1);
          return FALSE;
        }
      if (member->monthly_income < 0 || member->monthly_income > JZ_INCOME_MAX_FEN)
        {
          g_set_error (error, JZ_BENEFIT_ERROR, JZ_BENEFIT_ERROR_FACTS,
                       _("The monthly income of member %u must be between 0 and 1,000,000.00 yuan."), i + 1);
          return FALSE;
        }
    }

  if (f->exit_months >= 0 && (f->amount_before < 0 || f->amount_before > JZ_STANDARD_MAX_FEN))
    return facts_error (error, _("The amount before the gradual exit must be between 0 and 1,000,000.00 yuan."));
  if (f->temp_multiple_bp < 0 || f->temp_multiple_bp > JZ_STANDARD_MAX_BP)
    return facts_error (error, _("The multiple of temporary assistance must be between 0 and 100."));
  if (f->single_person && f->program != JZ_BENEFIT_DIBAO_URBAN && f->program != JZ_BENEFIT_DIBAO_RURAL)
    return facts_error (error, _("Single-person coverage is a form of dibao; choose urban or rural dibao."));

  return TRUE;
}

static gboolean
compute (Calc     *c,
         GError  **error)
{
  const JzBenefitFacts *f = c->facts;
  gboolean ok;

  if (!check_facts (f, c->values, c->on, error))
    return FALSE;

  c->denom = 1;
  switch (f->program)
    {
    case JZ_BENEFIT_DIBAO_URBAN:
    case JZ_BENEFIT_DIBAO_RURAL:
      ok = compute_dibao (c, error);
      break;
    case JZ_BENEFIT_TEKUN_DISPERSED:
    case JZ_BENEFIT_TEKUN_CENTRALIZED:
      ok = compute_tekun (c, error);
      break;
    case JZ_BENEFIT_TEMPORARY:
      ok = compute_temporary (c, error);
      break;
    case JZ_BENEFIT_DISABILITY_LIVING:
      ok = compute_subsidy (c, JZ_STANDARD_DISABILITY_LIVING, "subsidy_disability_living", error);
      break;
    case JZ_BENEFIT_DISABILITY_CARE:
      ok = compute_subsidy (c, JZ_STANDARD_DISABILITY_CARE, "subsidy_disability_care", error);
      break;
    case JZ_BENEFIT_CHILD_LIVING:
      ok = compute_subsidy (c, JZ_STANDARD_CHILD_LIVING, "subsidy_child_living", error);
      break;
    case JZ_BENEFIT_LOW_INCOME:
      if (c->result != NULL)
        {
          c->result->persons = f->n_members;
          push_note (c, g_strdup (_("Low-income monitoring pays nothing; the household is watched for changes.")));
        }
      ok = TRUE;
      break;
    case JZ_BENEFIT_N_PROGRAMS:
    default:
      g_assert_not_reached ();
    }

  return ok;
}

/**
 * jz_benefit_compute:
 * @standards: in force on @on_date for the facts' hukou and township,
 *   from jz_standard_values_resolve() or filled by hand
 * @on_date: the date of the computation: the ages of the members count
 *   on it, and it is named in errors
 *
 * Pure: reads nothing but its arguments.  A standard the rule needs and
 * that is missing is %JZ_BENEFIT_ERROR_STANDARD naming the kind and date.
 *
 * Returns: (transfer full): the total and its breakdown, or %NULL with
 *   @error set
 */
JzBenefitResult *
jz_benefit_compute (const JzBenefitFacts   *facts,
                    const JzStandardValues *standards,
                    const GDate            *on_date,
                    GError                **error)
{
  g_autoptr(JzBenefitResult) result = NULL;
  Calc c = { facts, standards, on_date, 1, 0, NULL, 0 };

  g_return_val_if_fail (facts != NULL, NULL);
  g_return_val_if_fail (standards != NULL, NULL);
  g_return_val_if_fail (on_date != NULL && g_date_valid (on_date), NULL);

  result = g_new0 (JzBenefitResult, 1);
  result->program = facts->program;
  result->on_date = date_text (on_date);
  result->lines = g_ptr_array_new_with_free_func (line_free);
  result->notes = g_ptr_array_new_with_free_func (g_free);
  c.result = result;

  if (!compute (&c, error))
    return NULL;

  result->total = round_half_up (c.sum, c.denom);
  result->emergency = facts->emergency;
  result->to_institution = facts->program == JZ_BENEFIT_TEKUN_CENTRALIZED;

  if (c.lines_sum != result->total)
    {
      JzBenefitLine *line = line_new ("rounding", "rounding", ARGS (result->total, c.lines_sum));

      line->amount = result->total - c.lines_sum;
      g_ptr_array_add (result->lines, line);
    }

  if (facts->emergency)
    g_ptr_array_add (result->notes, g_strdup (_("Emergency payment (先行救助): paid first, to be reviewed after.")));

  return g_steal_pointer (&result);
}

/**
 * jz_benefit_compute_total:
 *
 * jz_benefit_compute() without the breakdown: no text, no allocation, for
 * callers that compute many amounts.  The same rules and errors.
 */
gboolean
jz_benefit_compute_total (const JzBenefitFacts   *facts,
                          const JzStandardValues *standards,
                          const GDate            *on_date,
                          gint64                 *total,
                          GError                **error)
{
  Calc c = { facts, standards, on_date, 1, 0, NULL, 0 };

  g_return_val_if_fail (facts != NULL, FALSE);
  g_return_val_if_fail (standards != NULL, FALSE);
  g_return_val_if_fail (on_date != NULL && g_date_valid (on_date), FALSE);
  g_return_val_if_fail (total != NULL, FALSE);

  if (!compute (&c, error))
    return FALSE;

  *total = round_half_up (c.sum, c.denom);
  return TRUE;
}

/**
 * jz_benefit_compute_case:
 * @on_date: (nullable): YYYY-MM-DD: the standards in force on it, and the
 *   ages on it; %NULL for today (jz_today())
 *
 * The breakdown of a case from the database: jz_benefit_facts_from_case(),
 * the standards in force for the household's hukou and township, then
 * jz_benefit_compute().
 */
JzBenefitResult *
jz_benefit_compute_case (JzDb        *db,
                         gint64       case_id,
                         const char  *on_date,
                         GError     **error)
{
  g_autoptr(JzBenefitFacts) facts = NULL;
  g_autofree char *today = NULL;
  JzStandardValues values;
  gint64 township_id = 0;
  GDate on;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  if (on_date == NULL)
    on_date = today = jz_today ();

  facts = jz_benefit_facts_from_case (db, case_id, on_date, &township_id, error);
  if (facts == NULL)
    return NULL;
  if (!jz_standard_values_resolve (db, on_date, facts->hukou, township_id, &values, error))
    return NULL;

  jz_benefit_parse_date (on_date, &on);
  return jz_benefit_compute (facts, &values, &on, error);
}

void
jz_benefit_result_free (JzBenefitResult *result)
{
  if (result == NULL)
    return;

  g_clear_pointer (&result->lines, g_ptr_array_unref);
  g_clear_pointer (&result->notes, g_ptr_array_unref);
  g_free (result->on_date);
  g_free (result);
}

/* ---- JSON ----------------------------------------------------------- */

static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text != NULL ? text : ""; *p; p++)
    {
      unsigned char ch = (unsigned char) *p;

      if (ch == '"' || ch == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, (char) ch);
        }
      else if (ch == '\n')
        g_string_append (out, "\\n");
      else if (ch == '\t')
        g_string_append (out, "\\t");
      else if (ch < 0x20)
        g_string_append_printf (out, "\\u%04x", ch);
      else
        g_string_append_c (out, (char) ch);
    }
  g_string_append_c (out, '"');
}

static char *
result_to_json (const JzBenefitResult *result,
                gboolean               with_words)
{
  GString *out = g_string_new ("{\"program\": ");

  append_json_string (out, jz_benefit_program_code (result->program));
  g_string_append (out, ", \"date\": ");
  append_json_string (out, result->on_date);
  g_string_append_printf (out, ", \"total\": %" G_GINT64_FORMAT ", \"persons\": %u, \"emergency\": %s, \"to_institution\": %s, \"lines\": [",
                          result->total, result->persons,
                          result->emergency ? "true" : "false",
                          result->to_institution ? "true" : "false");

  for (guint i = 0; i < result->lines->len; i++)
    {
      const JzBenefitLine *line = g_ptr_array_index (result->lines, i);

      g_string_append (out, i > 0 ? ", {\"code\": " : "{\"code\": ");
      append_json_string (out, line->code);
      g_string_append (out, ", \"text\": ");
      append_json_string (out, line->text);
      g_string_append (out, ", \"args\": [");
      for (guint k = 0; k < line->n_args; k++)
        g_string_append_printf (out, k > 0 ? ", %" G_GINT64_FORMAT : "%" G_GINT64_FORMAT, line->args[k]);
      g_string_append_c (out, ']');
      if (with_words)
        {
          g_string_append (out, ", \"label\": ");
          append_json_string (out, line->label);
          g_string_append (out, ", \"formula\": ");
          append_json_string (out, line->formula);
        }
      g_string_append_printf (out, ", \"amount\": %" G_GINT64_FORMAT "}", line->amount);
    }
  g_string_append_c (out, ']');

  if (with_words)
    {
      g_string_append (out, ", \"notes\": [");
      for (guint i = 0; i < result->notes->len; i++)
        {
          if (i > 0)
            g_string_append (out, ", ");
          append_json_string (out, g_ptr_array_index (result->notes, i));
        }
      g_string_append_c (out, ']');
    }
  g_string_append_c (out, '}');

  return g_string_free (out, FALSE);
}

/**
 * jz_benefit_result_to_json:
 *
 * The breakdown as one JSON object, for the CLI's --json:
 *
 *   {"program": "dibao_urban", "date": "2026-03-01", "total": 48000,
 *    "persons": 1, "emergency": false, "to_institution": false,
 *    "lines": [{"code": "difference", "text": "difference", "args": [80000, 30000, 2, 2],
 *               "label": "…", "formula": "…", "amount": 35000}],
 *    "notes": ["…"]}
 *
 * Amounts in fen; label, formula and notes in the interface language;
 * text and args are what jz_benefit_line_render() makes them from.
 */
char *
jz_benefit_result_to_json (const JzBenefitResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  return result_to_json (result, TRUE);
}

/**
 * jz_benefit_result_to_saved_json:
 *
 * The breakdown as case_history.breakdown keeps it: the JSON of
 * jz_benefit_result_to_json() without the words — no label, formula or
 * notes — so that it is rendered in the language of whoever reads it.
 */
char *
jz_benefit_result_to_saved_json (const JzBenefitResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  return result_to_json (result, FALSE);
}
