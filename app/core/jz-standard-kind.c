/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jz-money.h"
#include "jz-standard-private.h"

/* In the order and with the units of data/sql/003-workflow.sql,
 * 005-workflow-rules.sql and 006-care.sql. */
static const struct
{
  const char         *code;
  JzStandardUnit      unit;
  JzStandardNotation  notation;
  gboolean            by_hukou;
  const char         *label;
} kinds[JZ_STANDARD_N_KINDS] = {
  { "dibao",                           JZ_STANDARD_UNIT_FEN,    JZ_STANDARD_NOTATION_YUAN,     TRUE,  NC_("standard kind", "Dibao standard") },
  { "min_wage",                        JZ_STANDARD_UNIT_FEN,    JZ_STANDARD_NOTATION_YUAN,     FALSE, NC_("standard kind", "Minimum wage") },
  { "tekun_basic_ratio",               JZ_STANDARD_UNIT_BP,     JZ_STANDARD_NOTATION_RATIO,    TRUE,  NC_("standard kind", "Extreme-poverty basic ratio") },
  { "care_self_pct",                   JZ_STANDARD_UNIT_BP,     JZ_STANDARD_NOTATION_PERCENT,  FALSE, NC_("standard kind", "Care fee, self-care (percentage of the minimum wage)") },
  { "care_partial_pct",                JZ_STANDARD_UNIT_BP,     JZ_STANDARD_NOTATION_PERCENT,  FALSE, NC_("standard kind", "Care fee, partial care (percentage of the minimum wage)") },
  { "care_full_pct",                   JZ_STANDARD_UNIT_BP,     JZ_STANDARD_NOTATION_PERCENT,  FALSE, NC_("standard kind", "Care fee, full care (percentage of the minimum wage)") },
  { "increment_elderly_pct",           JZ_STANDARD_UNIT_BP,     JZ_STANDARD_NOTATION_PERCENT,  FALSE, NC_("standard kind", "Increment, elderly (percentage of the dibao standard)") },
  { "increment_minor_pct",             JZ_STANDARD_UNIT_BP,     JZ_STANDARD_NOTATION_PERCENT,  FALSE, NC_("standard kind", "Increment, minor (percentage of the dibao standard)") },
  { "increment_severe_disability_pct", JZ_STANDARD_UNIT_BP,     JZ_STANDARD_NOTATION_PERCENT,  FALSE, NC_("standard kind", "Increment, severe disability (percentage of the dibao standard)") },
  { "increment_severe_illness_pct",    JZ_STANDARD_UNIT_BP,     JZ_STANDARD_NOTATION_PERCENT,  FALSE, NC_("standard kind", "Increment, severe illness (percentage of the dibao standard)") },
  { "increment_sanwu_pct",             JZ_STANDARD_UNIT_BP,     JZ_STANDARD_NOTATION_PERCENT,  FALSE, NC_("standard kind", "Increment, “three-without” person (percentage of the dibao standard)") },
  { "temp_illness_min",                JZ_STANDARD_UNIT_BP,     JZ_STANDARD_NOTATION_MULTIPLE, FALSE, NC_("standard kind", "Temporary assistance for illness, lowest multiple") },
  { "temp_illness_max",                JZ_STANDARD_UNIT_BP,     JZ_STANDARD_NOTATION_MULTIPLE, FALSE, NC_("standard kind", "Temporary assistance for illness, highest multiple") },
  { "temp_education_min",              JZ_STANDARD_UNIT_BP,     JZ_STANDARD_NOTATION_MULTIPLE, FALSE, NC_("standard kind", "Temporary assistance for education, lowest multiple") },
  { "temp_education_max",              JZ_STANDARD_UNIT_BP,     JZ_STANDARD_NOTATION_MULTIPLE, FALSE, NC_("standard kind", "Temporary assistance for education, highest multiple") },
  { "gradual_exit_months",             JZ_STANDARD_UNIT_MONTHS, JZ_STANDARD_NOTATION_MONTHS,   FALSE, NC_("standard kind", "Gradual exit, months") },
  { "disability_living",               JZ_STANDARD_UNIT_FEN,    JZ_STANDARD_NOTATION_YUAN,     FALSE, NC_("standard kind", "Living subsidy for disabled people in need") },
  { "disability_care",                 JZ_STANDARD_UNIT_FEN,    JZ_STANDARD_NOTATION_YUAN,     FALSE, NC_("standard kind", "Care subsidy for severely disabled people") },
  { "child_living",                    JZ_STANDARD_UNIT_FEN,    JZ_STANDARD_NOTATION_YUAN,     FALSE, NC_("standard kind", "Basic living allowance for children") },
  { "deadline_investigation_start_workdays", JZ_STANDARD_UNIT_WORKDAYS, JZ_STANDARD_NOTATION_WORKDAYS, FALSE, NC_("standard kind", "Deadline to start the investigation, working days after acceptance") },
  { "deadline_investigation_tekun_workdays", JZ_STANDARD_UNIT_WORKDAYS, JZ_STANDARD_NOTATION_WORKDAYS, FALSE, NC_("standard kind", "Deadline of the extreme-poverty investigation, working days after its start") },
  { "notice_days",                           JZ_STANDARD_UNIT_DAYS,     JZ_STANDARD_NOTATION_DAYS,     FALSE, NC_("standard kind", "Public notice in the village, days") },
  { "deadline_decision_workdays",            JZ_STANDARD_UNIT_WORKDAYS, JZ_STANDARD_NOTATION_WORKDAYS, FALSE, NC_("standard kind", "Deadline of the county decision, working days after the township review") },
  { "deadline_decision_tekun_workdays",      JZ_STANDARD_UNIT_WORKDAYS, JZ_STANDARD_NOTATION_WORKDAYS, FALSE, NC_("standard kind", "Deadline of the county decision on extreme poverty, working days after the township review") },
  { "deadline_process_workdays",             JZ_STANDARD_UNIT_WORKDAYS, JZ_STANDARD_NOTATION_WORKDAYS, FALSE, NC_("standard kind", "Deadline of the whole process, working days after acceptance") },
  { "deadline_process_max_workdays",         JZ_STANDARD_UNIT_WORKDAYS, JZ_STANDARD_NOTATION_WORKDAYS, FALSE, NC_("standard kind", "Longest the whole process may take, working days after acceptance") },
  { "review_dibao_months",                   JZ_STANDARD_UNIT_MONTHS,   JZ_STANDARD_NOTATION_MONTHS,   FALSE, NC_("standard kind", "Dibao review, every so many months") },
  { "review_unstable_months",                JZ_STANDARD_UNIT_MONTHS,   JZ_STANDARD_NOTATION_MONTHS,   FALSE, NC_("standard kind", "Dibao review with an unstable income, every so many months") },
  { "review_tekun_months",                   JZ_STANDARD_UNIT_MONTHS,   JZ_STANDARD_NOTATION_MONTHS,   FALSE, NC_("standard kind", "Extreme-poverty check, every so many months") },
  { "tekun_sample_pct",                      JZ_STANDARD_UNIT_BP,       JZ_STANDARD_NOTATION_PERCENT,  FALSE, NC_("standard kind", "County sample of extreme-poverty cases, at least (percentage)") },
  { "care_visit_months",                     JZ_STANDARD_UNIT_MONTHS,   JZ_STANDARD_NOTATION_MONTHS,   FALSE, NC_("standard kind", "Visit to a person in care at home, every so many months") },
  { "care_evaluation_months",                JZ_STANDARD_UNIT_MONTHS,   JZ_STANDARD_NOTATION_MONTHS,   FALSE, NC_("standard kind", "Evaluation of a caregiver, every so many months") },
  { "care_term_months",                      JZ_STANDARD_UNIT_MONTHS,   JZ_STANDARD_NOTATION_MONTHS,   FALSE, NC_("standard kind", "Term of a care agreement, months") },
  { "care_expiring_days",                    JZ_STANDARD_UNIT_DAYS,     JZ_STANDARD_NOTATION_DAYS,     FALSE, NC_("standard kind", "A care agreement is expiring, days before its end") },
  { "care_reassessment_workdays",            JZ_STANDARD_UNIT_WORKDAYS, JZ_STANDARD_NOTATION_WORKDAYS, FALSE, NC_("standard kind", "Reassessment after a reported change, working days") },
};

/* JzStandardValues.present has a bit per kind. */
G_STATIC_ASSERT (JZ_STANDARD_N_KINDS <= 64);

/* ---- the kinds ------------------------------------------------------ */

const char *
jz_standard_kind_code (JzStandardKind kind)
{
  g_return_val_if_fail (jz_standard_kind_valid (kind), NULL);

  return kinds[kind].code;
}

gboolean
jz_standard_kind_from_code (const char     *code,
                            JzStandardKind *kind)
{
  for (guint i = 0; i < JZ_STANDARD_N_KINDS; i++)
    if (g_strcmp0 (code, kinds[i].code) == 0)
      {
        if (kind != NULL)
          *kind = (JzStandardKind) i;
        return TRUE;
      }

  return FALSE;
}

const char *
jz_standard_kind_label (JzStandardKind kind)
{
  g_return_val_if_fail (jz_standard_kind_valid (kind), NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "standard kind", kinds[kind].label);
}

JzStandardUnit
jz_standard_kind_unit (JzStandardKind kind)
{
  g_return_val_if_fail (jz_standard_kind_valid (kind), JZ_STANDARD_UNIT_FEN);

  return kinds[kind].unit;
}

JzStandardNotation
jz_standard_kind_notation (JzStandardKind kind)
{
  g_return_val_if_fail (jz_standard_kind_valid (kind), JZ_STANDARD_NOTATION_YUAN);

  return kinds[kind].notation;
}

gboolean
jz_standard_kind_by_hukou (JzStandardKind kind)
{
  g_return_val_if_fail (jz_standard_kind_valid (kind), FALSE);

  return kinds[kind].by_hukou;
}

/**
 * jz_standard_kind_unit_label:
 *
 * Returns: (transfer none): what a value of @kind counts, translated:
 *   "yuan a month", "× the dibao standard", "percent of the minimum wage" …
 */
const char *
jz_standard_kind_unit_label (JzStandardKind kind)
{
  g_return_val_if_fail (jz_standard_kind_valid (kind), NULL);

  switch (kind)
    {
    case JZ_STANDARD_TEKUN_BASIC_RATIO:
      return C_("standard unit", "× the dibao standard");
    case JZ_STANDARD_CARE_SELF_PCT:
    case JZ_STANDARD_CARE_PARTIAL_PCT:
    case JZ_STANDARD_CARE_FULL_PCT:
      return C_("standard unit", "percent of the minimum wage");
    case JZ_STANDARD_INCREMENT_ELDERLY_PCT:
    case JZ_STANDARD_INCREMENT_MINOR_PCT:
    case JZ_STANDARD_INCREMENT_SEVERE_DISABILITY_PCT:
    case JZ_STANDARD_INCREMENT_SEVERE_ILLNESS_PCT:
    case JZ_STANDARD_INCREMENT_SANWU_PCT:
      return C_("standard unit", "percent of the dibao standard");
    case JZ_STANDARD_TEMP_ILLNESS_MIN:
    case JZ_STANDARD_TEMP_ILLNESS_MAX:
    case JZ_STANDARD_TEMP_EDUCATION_MIN:
    case JZ_STANDARD_TEMP_EDUCATION_MAX:
      return C_("standard unit", "× the urban dibao standard");
    case JZ_STANDARD_GRADUAL_EXIT_MONTHS:
    case JZ_STANDARD_REVIEW_DIBAO_MONTHS:
    case JZ_STANDARD_REVIEW_UNSTABLE_MONTHS:
    case JZ_STANDARD_REVIEW_TEKUN_MONTHS:
      return C_("standard unit", "months");
    case JZ_STANDARD_DEADLINE_INVESTIGATION_START_WORKDAYS:
    case JZ_STANDARD_DEADLINE_INVESTIGATION_TEKUN_WORKDAYS:
    case JZ_STANDARD_DEADLINE_DECISION_WORKDAYS:
    case JZ_STANDARD_DEADLINE_DECISION_TEKUN_WORKDAYS:
    case JZ_STANDARD_DEADLINE_PROCESS_WORKDAYS:
    case JZ_STANDARD_DEADLINE_PROCESS_MAX_WORKDAYS:
      return C_("standard unit", "working days");
    case JZ_STANDARD_NOTICE_DAYS:
      return C_("standard unit", "days");
    case JZ_STANDARD_TEKUN_SAMPLE_PCT:
      return C_("standard unit", "percent of the cases awaiting the county’s decision");
    case JZ_STANDARD_DIBAO:
    case JZ_STANDARD_MIN_WAGE:
    case JZ_STANDARD_DISABILITY_LIVING:
    case JZ_STANDARD_DISABILITY_CARE:
    case JZ_STANDARD_CHILD_LIVING:
    case JZ_STANDARD_N_KINDS:
    default:
      return C_("standard unit", "yuan a month");
    }
}

/**
 * jz_standard_kind_max:
 *
 * Returns: the highest value of @kind, in its unit; the lowest is 0
 */
gint64
jz_standard_kind_max (JzStandardKind kind)
{
  g_return_val_if_fail (jz_standard_kind_valid (kind), 0);

  /* A share of the cases cannot pass all of them. */
  if (kind == JZ_STANDARD_TEKUN_SAMPLE_PCT)
    return 10000;

  switch (kinds[kind].unit)
    {
    case JZ_STANDARD_UNIT_BP:       return JZ_STANDARD_MAX_BP;
    case JZ_STANDARD_UNIT_MONTHS:   return JZ_STANDARD_MAX_MONTHS;
    case JZ_STANDARD_UNIT_DAYS:     return JZ_STANDARD_MAX_DAYS;
    case JZ_STANDARD_UNIT_WORKDAYS: return JZ_STANDARD_MAX_WORKDAYS;
    case JZ_STANDARD_UNIT_FEN:
    default:                        return JZ_STANDARD_MAX_FEN;
    }
}

const char *
jz_standard_unit_code (JzStandardUnit unit)
{
  switch (unit)
    {
    case JZ_STANDARD_UNIT_BP:       return "bp";
    case JZ_STANDARD_UNIT_MONTHS:   return "months";
    case JZ_STANDARD_UNIT_DAYS:     return "days";
    case JZ_STANDARD_UNIT_WORKDAYS: return "workdays";
    case JZ_STANDARD_UNIT_FEN:
    default:                        return "fen";
    }
}

const char *
jz_standard_notation_code (JzStandardNotation notation)
{
  switch (notation)
    {
    case JZ_STANDARD_NOTATION_RATIO:    return "ratio";
    case JZ_STANDARD_NOTATION_PERCENT:  return "percent";
    case JZ_STANDARD_NOTATION_MULTIPLE: return "multiple";
    case JZ_STANDARD_NOTATION_MONTHS:   return "months";
    case JZ_STANDARD_NOTATION_DAYS:     return "days";
    case JZ_STANDARD_NOTATION_WORKDAYS: return "workdays";
    case JZ_STANDARD_NOTATION_YUAN:
    default:                            return "yuan";
    }
}

const char *
jz_standard_hukou_code (JzStandardHukou hukou)
{
  switch (hukou)
    {
    case JZ_STANDARD_HUKOU_URBAN: return "urban";
    case JZ_STANDARD_HUKOU_RURAL: return "rural";
    case JZ_STANDARD_HUKOU_ANY:
    default:                      return NULL;
    }
}

/* NULL and "" read as JZ_STANDARD_HUKOU_ANY. */
gboolean
jz_standard_hukou_from_code (const char      *code,
                             JzStandardHukou *hukou)
{
  JzStandardHukou h;

  if (code == NULL || *code == '\0')
    h = JZ_STANDARD_HUKOU_ANY;
  else if (g_str_equal (code, "urban"))
    h = JZ_STANDARD_HUKOU_URBAN;
  else if (g_str_equal (code, "rural"))
    h = JZ_STANDARD_HUKOU_RURAL;
  else
    return FALSE;

  if (hukou != NULL)
    *hukou = h;
  return TRUE;
}

/* ---- values as text ------------------------------------------------- */

/* Reads "12", "12.5", ".5" or "12." with at most @max_decimals decimals
 * into @one × the number; NULL on anything else, without floating point. */
static gboolean
parse_decimal (const char *text,
               guint       max_decimals,
               gint64      one,
               gint64      max,
               gint64     *out)
{
  const char *p = text;
  gint64 whole = 0, frac = 0, frac_one = one;
  guint n_whole = 0, n_frac = 0;

  while (g_ascii_isspace (*p))
    p++;
  for (; g_ascii_isdigit (*p); p++, n_whole++)
    {
      whole = whole * 10 + (*p - '0');
      if (whole > max / one)
        return FALSE;
    }
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++, n_frac++)
      {
        if (n_frac >= max_decimals)
          return FALSE;
        frac_one /= 10;
        frac += (*p - '0') * frac_one;
      }
  while (g_ascii_isspace (*p))
    p++;

  if (*p != '\0' || n_whole + n_frac == 0)
    return FALSE;
  if (whole * one + frac > max)
    return FALSE;

  *out = whole * one + frac;
  return TRUE;
}

/* @value / @one with the decimals it needs and no trailing zeros. */
static char *
format_decimal (gint64 value,
                gint64 one)
{
  GString *text = g_string_new (NULL);
  gint64 frac = value % one;

  g_string_printf (text, "%" G_GINT64_FORMAT, value / one);
  if (frac != 0)
    {
      g_string_append_c (text, '.');
      for (gint64 unit = one / 10; frac != 0 && unit > 0; unit /= 10)
        {
          g_string_append_c (text, (char) ('0' + frac / unit));
          frac %= unit;
        }
    }

  return g_string_free (text, FALSE);
}

/**
 * jz_standard_parse_value:
 * @text: as a clerk types it, see #JzStandardNotation; full-width digits
 *   and point are read too
 *
 * Reads a value of @kind.  On error *@value is left untouched.
 */
gboolean
jz_standard_parse_value (JzStandardKind   kind,
                         const char      *text,
                         gint64          *value,
                         GError         **error)
{
  g_autofree char *plain = NULL;
  g_autoptr(GError) money_error = NULL;
  gint64 v = 0;
  gint64 max;
  gboolean ok = FALSE;
  gsize len;

  g_return_val_if_fail (jz_standard_kind_valid (kind), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  max = jz_standard_kind_max (kind);

  if (text != NULL && g_utf8_validate (text, -1, NULL))
    plain = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);

  if (plain != NULL)
    switch (kinds[kind].notation)
      {
      case JZ_STANDARD_NOTATION_YUAN:
        ok = jz_money_parse (plain, &v, &money_error) && v >= 0 && v <= max;
        break;
      case JZ_STANDARD_NOTATION_RATIO:
      case JZ_STANDARD_NOTATION_MULTIPLE:
        ok = parse_decimal (plain, 4, 10000, max, &v);
        break;
      case JZ_STANDARD_NOTATION_PERCENT:
        g_strchomp (plain);
        len = strlen (plain);
        if (len > 0 && plain[len - 1] == '%')
          plain[len - 1] = '\0';
        ok = parse_decimal (plain, 2, 100, max, &v);
        break;
      case JZ_STANDARD_NOTATION_MONTHS:
      case JZ_STANDARD_NOTATION_DAYS:
      case JZ_STANDARD_NOTATION_WORKDAYS:
        ok = parse_decimal (plain, 0, 1, max, &v);
        break;
      default:
        g_assert_not_reached ();
      }

  if (ok)
    {
      *value = v;
      return TRUE;
    }

  switch (kinds[kind].notation)
    {
    case JZ_STANDARD_NOTATION_YUAN:
      g_set_error (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_VALUE,
                   _("Enter the standard in yuan a month, for example 650 or 650.50, up to %s."), "1,000,000.00");
      break;
    case JZ_STANDARD_NOTATION_RATIO:
      g_set_error_literal (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_VALUE,
                           _("Enter the ratio as a number with at most four decimals, for example 1.5."));
      break;
    case JZ_STANDARD_NOTATION_PERCENT:
      if (max < JZ_STANDARD_MAX_BP)
        g_set_error (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_VALUE,
                     _("Enter the percentage as a number from 0 to %d with at most two decimals, for example 30."),
                     (int) (max / 100));
      else
        g_set_error_literal (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_VALUE,
                             _("Enter the percentage as a number with at most two decimals, for example 10 or 12.5."));
      break;
    case JZ_STANDARD_NOTATION_MULTIPLE:
      g_set_error_literal (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_VALUE,
                           _("Enter the multiple as a number with at most four decimals, for example 3 or 4.5."));
      break;
    case JZ_STANDARD_NOTATION_DAYS:
      g_set_error (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_VALUE,
                   _("Enter the number of days as a whole number from 0 to %d."), (int) max);
      break;
    case JZ_STANDARD_NOTATION_WORKDAYS:
      g_set_error (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_VALUE,
                   _("Enter the number of working days as a whole number from 0 to %d."), (int) max);
      break;
    case JZ_STANDARD_NOTATION_MONTHS:
    default:
      g_set_error (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_VALUE,
                   _("Enter the number of months as a whole number from 0 to %d."), (int) max);
      break;
    }
  return FALSE;
}

/**
 * jz_standard_format_value:
 *
 * Returns: (transfer full): @value of @kind as text that
 *   jz_standard_parse_value() reads back: "650.00" (no thousands
 *   separators, so that a TSV column stays one number), "1.5", "12.5",
 *   "3", "3".
 */
char *
jz_standard_format_value (JzStandardKind kind,
                          gint64         value)
{
  g_return_val_if_fail (jz_standard_kind_valid (kind), NULL);

  if (value < 0)
    return g_strdup ("?");

  switch (kinds[kind].notation)
    {
    case JZ_STANDARD_NOTATION_YUAN:
      return g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", value / 100, (int) (value % 100));
    case JZ_STANDARD_NOTATION_RATIO:
    case JZ_STANDARD_NOTATION_MULTIPLE:
      return format_decimal (value, 10000);
    case JZ_STANDARD_NOTATION_PERCENT:
      return format_decimal (value, 100);
    case JZ_STANDARD_NOTATION_MONTHS:
    case JZ_STANDARD_NOTATION_DAYS:
    case JZ_STANDARD_NOTATION_WORKDAYS:
    default:
      return g_strdup_printf ("%" G_GINT64_FORMAT, value);
    }
}
