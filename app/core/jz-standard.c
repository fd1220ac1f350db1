/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jz-audit.h"
#include "jz-db-private.h"
#include "jz-money.h"
#include "jz-standard.h"

G_DEFINE_QUARK (jz-standard-error-quark, jz_standard_error)

#define STANDARD_COLUMNS \
  "s.id, s.kind, s.hukou, coalesce (s.region_id, 0), r.name, coalesce (s.amount, s.rate_bp), " \
  "s.effective_from, s.created_at, s.created_by, s.note, s.version"
#define STANDARD_FROM \
  " FROM standards s LEFT JOIN regions r ON r.id = s.region_id "
/* The key of a row: a NULL hukou or township compares equal to NULL. */
#define SAME_KEY \
  "s.kind = ?1 AND s.hukou IS ?2 AND s.region_id IS ?3"

/* In the order and with the units of data/sql/003-workflow.sql and
 * 005-workflow-rules.sql. */
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
};

/* JzStandardValues.present has a bit per kind. */
G_STATIC_ASSERT (JZ_STANDARD_N_KINDS <= 32);

/* ---- the kinds ------------------------------------------------------ */

static gboolean
kind_valid (JzStandardKind kind)
{
  return (guint) kind < JZ_STANDARD_N_KINDS;
}

const char *
jz_standard_kind_code (JzStandardKind kind)
{
  g_return_val_if_fail (kind_valid (kind), NULL);

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
  g_return_val_if_fail (kind_valid (kind), NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "standard kind", kinds[kind].label);
}

JzStandardUnit
jz_standard_kind_unit (JzStandardKind kind)
{
  g_return_val_if_fail (kind_valid (kind), JZ_STANDARD_UNIT_FEN);

  return kinds[kind].unit;
}

JzStandardNotation
jz_standard_kind_notation (JzStandardKind kind)
{
  g_return_val_if_fail (kind_valid (kind), JZ_STANDARD_NOTATION_YUAN);

  return kinds[kind].notation;
}

gboolean
jz_standard_kind_by_hukou (JzStandardKind kind)
{
  g_return_val_if_fail (kind_valid (kind), FALSE);

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
  g_return_val_if_fail (kind_valid (kind), NULL);

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
  g_return_val_if_fail (kind_valid (kind), 0);

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

  g_return_val_if_fail (kind_valid (kind), FALSE);
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
  g_return_val_if_fail (kind_valid (kind), NULL);

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

/* ---- rows ----------------------------------------------------------- */

JzStandard *
jz_standard_new (void)
{
  JzStandard *standard = g_new0 (JzStandard, 1);

  standard->note = g_strdup ("");
  return standard;
}

JzStandard *
jz_standard_copy (const JzStandard *standard)
{
  JzStandard *copy;

  g_return_val_if_fail (standard != NULL, NULL);

  copy = g_memdup2 (standard, sizeof *standard);
  copy->township_name = g_strdup (standard->township_name);
  copy->effective_from = g_strdup (standard->effective_from);
  copy->created_at = g_strdup (standard->created_at);
  copy->created_by = g_strdup (standard->created_by);
  copy->note = g_strdup (standard->note);
  return copy;
}

void
jz_standard_free (JzStandard *standard)
{
  if (standard == NULL)
    return;

  g_free (standard->township_name);
  g_free (standard->effective_from);
  g_free (standard->created_at);
  g_free (standard->created_by);
  g_free (standard->note);
  g_free (standard);
}

/* A row of STANDARD_COLUMNS, or NULL for a kind this program does not know. */
static JzStandard *
standard_from_row (sqlite3_stmt *stmt)
{
  JzStandard *standard;
  JzStandardKind kind;
  JzStandardHukou hukou;

  if (!jz_standard_kind_from_code ((const char *) sqlite3_column_text (stmt, 1), &kind) ||
      !jz_standard_hukou_from_code ((const char *) sqlite3_column_text (stmt, 2), &hukou))
    return NULL;

  standard = g_new0 (JzStandard, 1);
  standard->id = sqlite3_column_int64 (stmt, 0);
  standard->kind = kind;
  standard->hukou = hukou;
  standard->township_id = sqlite3_column_int64 (stmt, 3);
  standard->township_name = jz_db_column_dup (stmt, 4);
  standard->value = sqlite3_column_int64 (stmt, 5);
  standard->effective_from = jz_db_column_dup (stmt, 6);
  standard->created_at = jz_db_column_dup (stmt, 7);
  standard->created_by = jz_db_column_dup (stmt, 8);
  standard->note = jz_db_column_dup (stmt, 9);
  standard->version = sqlite3_column_int64 (stmt, 10);
  return standard;
}

static void
bind_key (sqlite3_stmt    *stmt,
          JzStandardKind   kind,
          JzStandardHukou  hukou,
          gint64           township_id)
{
  const char *hukou_code = jz_standard_hukou_code (hukou);

  sqlite3_bind_text (stmt, 1, kinds[kind].code, -1, SQLITE_STATIC);
  if (hukou_code != NULL)
    sqlite3_bind_text (stmt, 2, hukou_code, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 2);
  if (township_id > 0)
    sqlite3_bind_int64 (stmt, 3, township_id);
  else
    sqlite3_bind_null (stmt, 3);
}

/* Strictly YYYY-MM-DD and a day of the calendar. */
static gboolean
valid_date (const char *text)
{
  guint y = 0, m = 0, d = 0;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (int k = 0; k < 10; k++)
    {
      if (k == 4 || k == 7)
        continue;
      if (!g_ascii_isdigit (text[k]))
        return FALSE;
      if (k < 4)
        y = y * 10 + (guint) (text[k] - '0');
      else if (k < 7)
        m = m * 10 + (guint) (text[k] - '0');
      else
        d = d * 10 + (guint) (text[k] - '0');
    }

  return y >= 1 && g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

static gboolean
check_date (const char  *text,
            GError     **error)
{
  if (valid_date (text))
    return TRUE;

  g_set_error_literal (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_DATE,
                       _("Give the date as YYYY-MM-DD, for example 2026-07-01."));
  return FALSE;
}

/* For reading, a hukou is ignored for a kind that has none, and needed
 * for a kind that has one. */
static gboolean
lookup_hukou (JzStandardKind    kind,
              JzStandardHukou  *hukou,
              GError          **error)
{
  if (!kinds[kind].by_hukou)
    {
      *hukou = JZ_STANDARD_HUKOU_ANY;
      return TRUE;
    }
  if (*hukou != JZ_STANDARD_HUKOU_ANY)
    return TRUE;

  g_set_error (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_HUKOU,
               _("“%s” differs between urban and rural hukou; choose one."), jz_standard_kind_label (kind));
  return FALSE;
}

static void
set_missing_error (JzStandardKind    kind,
                   JzStandardHukou   hukou,
                   const char       *on_date,
                   GError          **error)
{
  if (kinds[kind].by_hukou && hukou == JZ_STANDARD_HUKOU_URBAN)
    g_set_error (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_MISSING,
                 _("No urban value of “%s” (%s) is in force on %s; add one in Settings → Standards."),
                 jz_standard_kind_label (kind), kinds[kind].code, on_date);
  else if (kinds[kind].by_hukou)
    g_set_error (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_MISSING,
                 _("No rural value of “%s” (%s) is in force on %s; add one in Settings → Standards."),
                 jz_standard_kind_label (kind), kinds[kind].code, on_date);
  else
    g_set_error (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_MISSING,
                 _("No value of “%s” (%s) is in force on %s; add one in Settings → Standards."),
                 jz_standard_kind_label (kind), kinds[kind].code, on_date);
}

/**
 * jz_standard_find:
 * @hukou: urban or rural for a kind by hukou; ignored otherwise
 * @township_id: the township whose own values count first, 0 for none
 *
 * The row in force on @on_date: a row of the township wins over one of the
 * whole district, whatever their dates, because a township's own value is
 * a deliberate exception; among rows of the same level the latest
 * effective_from on or before @on_date wins.  A township goes back to the
 * district's value only by a new row of its own.
 *
 * Returns: (transfer full) (nullable): the row, or %NULL with @error unset
 *   when none is in force
 */
JzStandard *
jz_standard_find (JzDb             *db,
                  JzStandardKind    kind,
                  JzStandardHukou   hukou,
                  gint64            township_id,
                  const char       *on_date,
                  GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);
  g_return_val_if_fail (kind_valid (kind), NULL);

  if (!check_date (on_date, error) || !lookup_hukou (kind, &hukou, error))
    return NULL;

  stmt = jz_db_prepare (db,
                        "SELECT " STANDARD_COLUMNS STANDARD_FROM
                        "WHERE s.kind = ?1 AND s.hukou IS ?2 AND (s.region_id IS NULL OR s.region_id = ?3) "
                        "  AND s.effective_from <= ?4 "
                        "ORDER BY s.region_id IS NULL, s.effective_from DESC LIMIT 1",
                        error);
  if (stmt == NULL)
    return NULL;
  bind_key (stmt, kind, hukou, township_id);
  sqlite3_bind_text (stmt, 4, on_date, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return standard_from_row (stmt);
  if (rc != SQLITE_DONE)
    jz_db_set_error (db, rc, error);

  return NULL;
}

/**
 * jz_standard_value_at:
 *
 * The value of jz_standard_find(), or %JZ_STANDARD_ERROR_MISSING naming
 * the kind and the date when none is in force.
 */
gboolean
jz_standard_value_at (JzDb             *db,
                      JzStandardKind    kind,
                      JzStandardHukou   hukou,
                      gint64            township_id,
                      const char       *on_date,
                      gint64           *value,
                      GError          **error)
{
  g_autoptr(JzStandard) standard = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (value != NULL, FALSE);

  standard = jz_standard_find (db, kind, hukou, township_id, on_date, &local_error);
  if (standard == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        set_missing_error (kind, hukou, on_date, error);
      return FALSE;
    }

  *value = standard->value;
  return TRUE;
}

/**
 * jz_standard_get_exact:
 *
 * Returns: (transfer full) (nullable): the row of exactly this kind,
 *   hukou, township and date, or %NULL with @error unset when there is none
 */
JzStandard *
jz_standard_get_exact (JzDb             *db,
                       JzStandardKind    kind,
                       JzStandardHukou   hukou,
                       gint64            township_id,
                       const char       *effective_from,
                       GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);
  g_return_val_if_fail (kind_valid (kind), NULL);

  stmt = jz_db_prepare (db,
                        "SELECT " STANDARD_COLUMNS STANDARD_FROM
                        "WHERE " SAME_KEY " AND s.effective_from = ?4",
                        error);
  if (stmt == NULL)
    return NULL;
  bind_key (stmt, kind, hukou, township_id);
  sqlite3_bind_text (stmt, 4, effective_from, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return standard_from_row (stmt);
  if (rc != SQLITE_DONE)
    jz_db_set_error (db, rc, error);

  return NULL;
}

static GPtrArray *
list_rows (JzDb          *db,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) jz_standard_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JzStandard *standard = standard_from_row (stmt);

      if (standard != NULL)
        g_ptr_array_add (list, standard);
    }

  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&list);
}

#define LIST_ORDER \
  " ORDER BY k.sort_order, CASE s.hukou WHEN 'urban' THEN 0 WHEN 'rural' THEN 1 ELSE 2 END, " \
  "          s.region_id IS NOT NULL, r.code"

/**
 * jz_standard_list_at:
 *
 * Returns: (transfer full) (element-type JzStandard): for every kind,
 *   hukou and township that has a value on @on_date, the row in force,
 *   district rows before township rows, in the order of the kinds
 */
GPtrArray *
jz_standard_list_at (JzDb        *db,
                     const char  *on_date,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  if (!check_date (on_date, error))
    return NULL;

  stmt = jz_db_prepare (db,
                        "SELECT " STANDARD_COLUMNS STANDARD_FROM
                        "JOIN standard_kinds k ON k.code = s.kind "
                        "WHERE s.effective_from = (SELECT max (t.effective_from) FROM standards t "
                        "                          WHERE t.kind = s.kind AND t.hukou IS s.hukou "
                        "                            AND t.region_id IS s.region_id AND t.effective_from <= ?1)"
                        LIST_ORDER,
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, on_date, -1, SQLITE_STATIC);

  return list_rows (db, stmt, error);
}

/**
 * jz_standard_history:
 *
 * Returns: (transfer full) (element-type JzStandard): every row of @kind,
 *   by hukou and township, oldest first
 */
GPtrArray *
jz_standard_history (JzDb            *db,
                     JzStandardKind   kind,
                     GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);
  g_return_val_if_fail (kind_valid (kind), NULL);

  stmt = jz_db_prepare (db,
                        "SELECT " STANDARD_COLUMNS STANDARD_FROM
                        "JOIN standard_kinds k ON k.code = s.kind WHERE s.kind = ?1"
                        LIST_ORDER ", s.effective_from",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, kinds[kind].code, -1, SQLITE_STATIC);

  return list_rows (db, stmt, error);
}

/* ---- writing -------------------------------------------------------- */

typedef struct
{
  JzStandard   *standard;
  const JzUser *user;
} SetData;

static gboolean
check_township (JzDb        *db,
                gint64       township_id,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (township_id == 0)
    return TRUE;

  stmt = jz_db_prepare (db, "SELECT level = 'township' FROM regions WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, township_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 1)
    return TRUE;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return FALSE;
    }

  g_set_error_literal (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_TOWNSHIP,
                       _("A standard holds for the whole district or for one township; choose a township."));
  return FALSE;
}

static void
bind_value (sqlite3_stmt     *stmt,
            int               amount_column,
            const JzStandard *standard)
{
  if (kinds[standard->kind].unit == JZ_STANDARD_UNIT_BP)
    {
      sqlite3_bind_null (stmt, amount_column);
      sqlite3_bind_int64 (stmt, amount_column + 1, standard->value);
    }
  else
    {
      sqlite3_bind_int64 (stmt, amount_column, standard->value);
      sqlite3_bind_null (stmt, amount_column + 1);
    }
}

static gboolean
insert_row (JzDb        *db,
            SetData     *data,
            GError     **error)
{
  JzStandard *standard = data->standard;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *by;

  stmt = jz_db_prepare (db,
                        "INSERT INTO standards (kind, hukou, region_id, amount, rate_bp, effective_from, "
                        "                       created_at, created_by, note) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'), ?7, ?8)",
                        error);
  if (stmt == NULL)
    return FALSE;

  by = data->user != NULL ? data->user->name : jz_db_get_user_name (db);
  bind_key (stmt, standard->kind, standard->hukou, standard->township_id);
  bind_value (stmt, 4, standard);
  sqlite3_bind_text (stmt, 6, standard->effective_from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, by != NULL ? by : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, standard->note != NULL ? standard->note : "", -1, SQLITE_STATIC);

  if (!jz_db_step_done (db, stmt, error))
    return FALSE;

  standard->id = sqlite3_last_insert_rowid (jz_db_get_handle (db));
  standard->version = 1;
  return jz_audit_record_change (db, "standards", standard->id, "insert", NULL, error);
}

static gboolean
update_row (JzDb        *db,
            SetData     *data,
            JzStandard  *existing,
            GError     **error)
{
  JzStandard *standard = data->standard;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *before = NULL;

  before = jz_audit_snapshot (db, "standards", existing->id, error);
  if (before == NULL)
    return FALSE;

  stmt = jz_db_prepare (db,
                        "UPDATE standards SET amount = ?1, rate_bp = ?2, note = ?3, version = version + 1 "
                        "WHERE id = ?4 AND version = ?5",
                        error);
  if (stmt == NULL)
    return FALSE;

  bind_value (stmt, 1, standard);
  sqlite3_bind_text (stmt, 3, standard->note != NULL ? standard->note : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, standard->id);
  sqlite3_bind_int64 (stmt, 5, standard->version);

  if (!jz_db_step_versioned (db, stmt, "standards", standard->id, error))
    return FALSE;

  standard->version++;
  return jz_audit_record_change (db, "standards", standard->id, "update", before, error);
}

static gboolean
set_cb (JzDb     *db,
        gpointer  user_data,
        GError  **error)
{
  SetData *data = user_data;
  JzStandard *standard = data->standard;
  g_autoptr(JzStandard) existing = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!check_township (db, standard->township_id, error))
    return FALSE;

  existing = jz_standard_get_exact (db, standard->kind, standard->hukou, standard->township_id,
                                    standard->effective_from, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (standard->id == 0)
    {
      if (existing != NULL)
        {
          g_set_error (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_EXISTS,
                       _("“%s” already has a value from %s; change that value instead of adding another."),
                       jz_standard_kind_label (standard->kind), standard->effective_from);
          return FALSE;
        }
      return insert_row (db, data, error);
    }

  /* The key of a row never changes: a value for another date is a new
   * row, so that the value in force before stays what it was. */
  if (existing == NULL || existing->id != standard->id)
    {
      g_autoptr(sqlite3_stmt) stmt = jz_db_prepare (db, "SELECT 1 FROM standards WHERE id = ?", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, standard->id);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          jz_db_set_conflict_error (db, "standards", standard->id, error);
          return FALSE;
        }

      g_set_error_literal (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_EXISTS,
                           _("The kind, hukou, township and date of a standard cannot be changed; add a new value from the new date instead."));
      return FALSE;
    }

  return update_row (db, data, existing, error);
}

/**
 * jz_standard_set:
 * @user: (nullable): who sets it; %NULL in single-user mode
 * @standard: with id 0, a new dated row; with the id and version of the
 *   row of the same kind, hukou, township and date, its new value and note
 *
 * Appends a value from standard->effective_from on, or replaces the value
 * of a row if nobody changed it since it was read (its version), with the
 * audit entry in the same transaction.  Needs %JZ_PERMISSION_STANDARDS.
 * A kind by hukou needs urban or rural; a kind without one takes none.
 * Values that were decided or paid are kept on the cases, so a new value
 * changes nothing already decided.  On success id and version are set.
 */
gboolean
jz_standard_set (JzDb          *db,
                 const JzUser  *user,
                 JzStandard    *standard,
                 GError       **error)
{
  SetData data = { standard, user };
  gint64 max;

  g_return_val_if_fail (JZ_IS_DB (db), FALSE);
  g_return_val_if_fail (standard != NULL, FALSE);

  if (!jz_user_check (user, JZ_PERMISSION_STANDARDS, 0, error))
    return FALSE;

  if (!kind_valid (standard->kind))
    {
      g_set_error_literal (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_KIND,
                           _("Choose the kind of standard from the list."));
      return FALSE;
    }

  if (kinds[standard->kind].by_hukou && standard->hukou == JZ_STANDARD_HUKOU_ANY)
    {
      g_set_error (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_HUKOU,
                   _("“%s” differs between urban and rural hukou; choose one."),
                   jz_standard_kind_label (standard->kind));
      return FALSE;
    }
  if (!kinds[standard->kind].by_hukou && standard->hukou != JZ_STANDARD_HUKOU_ANY)
    {
      g_set_error (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_HUKOU,
                   _("“%s” is the same for urban and rural hukou; set it without one."),
                   jz_standard_kind_label (standard->kind));
      return FALSE;
    }

  max = jz_standard_kind_max (standard->kind);
  if (standard->value < 0 || standard->value > max)
    {
      g_autofree char *text = jz_standard_format_value (standard->kind, max);

      g_set_error (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_VALUE,
                   _("The value of “%s” must be between 0 and %s."),
                   jz_standard_kind_label (standard->kind), text);
      return FALSE;
    }

  if (!check_date (standard->effective_from, error))
    return FALSE;

  return jz_db_write (db, set_cb, &data, error);
}

/* ---- the resolved set ----------------------------------------------- */

void
jz_standard_values_init (JzStandardValues *values,
                         JzStandardHukou   hukou)
{
  g_return_if_fail (values != NULL);

  memset (values, 0, sizeof *values);
  values->hukou = hukou;
}

/* Puts a value as if it were in force; the dibao standard of an urban set
 * is also its urban dibao standard. */
void
jz_standard_values_put (JzStandardValues *values,
                        JzStandardKind    kind,
                        gint64            value)
{
  g_return_if_fail (values != NULL);
  g_return_if_fail (kind_valid (kind));

  values->value[kind] = value;
  values->present |= 1u << kind;
  if (kind == JZ_STANDARD_DIBAO && values->hukou == JZ_STANDARD_HUKOU_URBAN)
    {
      values->has_urban_dibao = TRUE;
      values->urban_dibao = value;
    }
}

gboolean
jz_standard_values_has (const JzStandardValues *values,
                        JzStandardKind          kind)
{
  g_return_val_if_fail (values != NULL, FALSE);
  g_return_val_if_fail (kind_valid (kind), FALSE);

  return (values->present & (1u << kind)) != 0;
}

/**
 * jz_standard_values_need:
 * @on_date: the date @values were resolved for, named in the error
 *
 * The value of @kind in @values, or %JZ_STANDARD_ERROR_MISSING naming the
 * kind and the date, as jz_standard_value_at() says it.
 */
gboolean
jz_standard_values_need (const JzStandardValues  *values,
                         JzStandardKind           kind,
                         const char              *on_date,
                         gint64                  *value,
                         GError                 **error)
{
  g_return_val_if_fail (values != NULL, FALSE);
  g_return_val_if_fail (kind_valid (kind), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (!jz_standard_values_has (values, kind))
    {
      set_missing_error (kind, values->hukou, on_date, error);
      return FALSE;
    }

  *value = values->value[kind];
  return TRUE;
}

/**
 * jz_standard_values_resolve:
 * @hukou: urban or rural; or %JZ_STANDARD_HUKOU_ANY for the kinds that
 *   do not differ by hukou only, e.g. the workflow's deadlines
 * @township_id: 0 for none
 *
 * Fills @values with every standard in force on @on_date for @hukou and
 * the township, by the rule of jz_standard_find(), in one query.  A kind
 * with no value in force is left out, not an error: the engine says which
 * one it missed when it needs it.
 */
gboolean
jz_standard_values_resolve (JzDb              *db,
                            const char        *on_date,
                            JzStandardHukou    hukou,
                            gint64             township_id,
                            JzStandardValues  *values,
                            GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *hukou_code = jz_standard_hukou_code (hukou);
  int rc;

  g_return_val_if_fail (JZ_IS_DB (db), FALSE);
  g_return_val_if_fail (values != NULL, FALSE);

  if (!check_date (on_date, error))
    return FALSE;

  jz_standard_values_init (values, hukou);

  /* The first row of each kind and hukou is the one in force. */
  stmt = jz_db_prepare (db,
                        "SELECT s.kind, s.hukou, coalesce (s.amount, s.rate_bp) "
                        "FROM standards s JOIN standard_kinds k ON k.code = s.kind "
                        "WHERE s.effective_from <= ?1 AND (s.region_id IS NULL OR s.region_id = ?3) "
                        "  AND CASE k.by_hukou WHEN 0 THEN s.hukou IS NULL "
                        "      ELSE s.hukou = ?2 OR (s.kind = 'dibao' AND s.hukou = 'urban') END "
                        "ORDER BY s.kind, s.hukou, s.region_id IS NULL, s.effective_from DESC",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, on_date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, hukou_code, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, township_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *row_hukou = (const char *) sqlite3_column_text (stmt, 1);
      gint64 value = sqlite3_column_int64 (stmt, 2);
      JzStandardKind kind;

      if (!jz_standard_kind_from_code ((const char *) sqlite3_column_text (stmt, 0), &kind))
        continue;

      if (g_strcmp0 (row_hukou, hukou_code) == 0 || row_hukou == NULL)
        {
          if (!jz_standard_values_has (values, kind))
            jz_standard_values_put (values, kind, value);
        }
      else if (kind == JZ_STANDARD_DIBAO && !values->has_urban_dibao)
        {
          values->has_urban_dibao = TRUE;
          values->urban_dibao = value;
        }
    }

  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return FALSE;
    }

  return TRUE;
}
