/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <sqlite3.h>

#include "jz-audit.h"
#include "jz-db-private.h"
#include "jz-standard.h"
#include "jz-test-util.h"
#include "jz-user.h"

/* ---- the kinds ------------------------------------------------------ */

/* The C table and data/sql's standard_kinds must say the same. */
static void
test_kinds_match_schema (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) labels = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = 0;

  stmt = jz_db_prepare (t->db, "SELECT code, unit, by_hukou FROM standard_kinds ORDER BY sort_order", &error);
  g_assert_no_error (error);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *code = (const char *) sqlite3_column_text (stmt, 0);
      JzStandardKind kind;

      g_assert_true (jz_standard_kind_from_code (code, &kind));
      g_assert_cmpuint (kind, ==, n);
      g_assert_cmpstr (jz_standard_kind_code (kind), ==, code);
      g_assert_cmpstr (jz_standard_unit_code (jz_standard_kind_unit (kind)), ==, (const char *) sqlite3_column_text (stmt, 1));
      g_assert_cmpint (jz_standard_kind_by_hukou (kind), ==, sqlite3_column_int (stmt, 2));

      /* Every kind has its own label and a unit to show beside it. */
      g_assert_cmpstr (jz_standard_kind_label (kind), !=, "");
      g_assert_false (g_hash_table_contains (labels, jz_standard_kind_label (kind)));
      g_hash_table_add (labels, (gpointer) jz_standard_kind_label (kind));
      g_assert_cmpstr (jz_standard_kind_unit_label (kind), !=, "");
      n++;
    }
  g_assert_cmpuint (n, ==, JZ_STANDARD_N_KINDS);

  g_assert_false (jz_standard_kind_from_code ("increment_disabled_pct", NULL));
  g_assert_false (jz_standard_kind_from_code (NULL, NULL));
  g_assert_cmpstr (jz_standard_kind_label (JZ_STANDARD_DIBAO), ==, "Dibao standard");
  g_assert_cmpstr (jz_standard_kind_label (JZ_STANDARD_CARE_SELF_PCT), ==, "Care fee, self-care (percentage of the minimum wage)");
  g_assert_cmpstr (jz_standard_notation_code (jz_standard_kind_notation (JZ_STANDARD_TEKUN_BASIC_RATIO)), ==, "ratio");
  g_assert_cmpstr (jz_standard_notation_code (jz_standard_kind_notation (JZ_STANDARD_CARE_FULL_PCT)), ==, "percent");
  g_assert_cmpstr (jz_standard_notation_code (jz_standard_kind_notation (JZ_STANDARD_TEMP_EDUCATION_MAX)), ==, "multiple");
  g_assert_cmpstr (jz_standard_notation_code (jz_standard_kind_notation (JZ_STANDARD_GRADUAL_EXIT_MONTHS)), ==, "months");
  g_assert_cmpstr (jz_standard_notation_code (jz_standard_kind_notation (JZ_STANDARD_CHILD_LIVING)), ==, "yuan");
  g_assert_cmpstr (jz_standard_notation_code (jz_standard_kind_notation (JZ_STANDARD_NOTICE_DAYS)), ==, "days");
  g_assert_cmpstr (jz_standard_notation_code (jz_standard_kind_notation (JZ_STANDARD_DEADLINE_DECISION_WORKDAYS)), ==, "workdays");
  g_assert_cmpstr (jz_standard_kind_unit_label (JZ_STANDARD_DEADLINE_DECISION_WORKDAYS), ==, "working days");
  g_assert_cmpstr (jz_standard_kind_unit_label (JZ_STANDARD_NOTICE_DAYS), ==, "days");
  g_assert_cmpint (jz_standard_kind_max (JZ_STANDARD_TEKUN_SAMPLE_PCT), ==, 10000);
  g_assert_cmpint (jz_standard_kind_max (JZ_STANDARD_CARE_FULL_PCT), ==, JZ_STANDARD_MAX_BP);
  g_assert_cmpint (jz_standard_kind_max (JZ_STANDARD_DEADLINE_PROCESS_MAX_WORKDAYS), ==, JZ_STANDARD_MAX_WORKDAYS);
}

/* ---- values as text ------------------------------------------------- */

typedef struct
{
  JzStandardKind  kind;
  const char     *text;
  gint64          value;
} ParseCase;

static const ParseCase accepted[] = {
  /* yuan, through jz_money_parse() */
  { JZ_STANDARD_DIBAO,               "650",         65000 },
  { JZ_STANDARD_DIBAO,               "650.5",       65050 },
  { JZ_STANDARD_DIBAO,               "650.50",      65050 },
  { JZ_STANDARD_DIBAO,               " 650 ",       65000 },
  { JZ_STANDARD_DIBAO,               "1,234.5",     123450 },
  { JZ_STANDARD_MIN_WAGE,            "¥1900",       190000 },
  { JZ_STANDARD_CHILD_LIVING,        "６５０",       65000 },
  { JZ_STANDARD_DISABILITY_CARE,     "0",           0 },
  { JZ_STANDARD_DIBAO,               "1000000",     100000000 },
  /* a ratio: 1.5 is 15000 bp */
  { JZ_STANDARD_TEKUN_BASIC_RATIO,   "1.5",         15000 },
  { JZ_STANDARD_TEKUN_BASIC_RATIO,   "1.3",         13000 },
  { JZ_STANDARD_TEKUN_BASIC_RATIO,   "2",           20000 },
  { JZ_STANDARD_TEKUN_BASIC_RATIO,   "1.2345",      12345 },
  { JZ_STANDARD_TEKUN_BASIC_RATIO,   ".5",          5000 },
  { JZ_STANDARD_TEKUN_BASIC_RATIO,   "１．５",      15000 },
  { JZ_STANDARD_TEKUN_BASIC_RATIO,   "100",         1000000 },
  /* a percentage: 10 % is 1000 bp */
  { JZ_STANDARD_CARE_FULL_PCT,       "60",          6000 },
  { JZ_STANDARD_INCREMENT_ELDERLY_PCT, "10",        1000 },
  { JZ_STANDARD_INCREMENT_SEVERE_ILLNESS_PCT, "12.5", 1250 },
  { JZ_STANDARD_INCREMENT_SANWU_PCT, "12.5%",       1250 },
  { JZ_STANDARD_INCREMENT_SANWU_PCT, "12.5 ％",     1250 },
  { JZ_STANDARD_CARE_SELF_PCT,       "0.01",        1 },
  { JZ_STANDARD_CARE_SELF_PCT,       "0",           0 },
  /* a multiple: 3 × is 30000 bp */
  { JZ_STANDARD_TEMP_ILLNESS_MIN,    "3",           30000 },
  { JZ_STANDARD_TEMP_ILLNESS_MAX,    "12",          120000 },
  { JZ_STANDARD_TEMP_EDUCATION_MAX,  "4.5",         45000 },
  /* months */
  { JZ_STANDARD_GRADUAL_EXIT_MONTHS, "3",           3 },
  { JZ_STANDARD_GRADUAL_EXIT_MONTHS, "0",           0 },
  { JZ_STANDARD_GRADUAL_EXIT_MONTHS, "120",         120 },
  { JZ_STANDARD_REVIEW_UNSTABLE_MONTHS, "6",        6 },
  /* days and working days: whole numbers, up to a year */
  { JZ_STANDARD_NOTICE_DAYS,         "7",           7 },
  { JZ_STANDARD_NOTICE_DAYS,         " ７ ",        7 },
  { JZ_STANDARD_NOTICE_DAYS,         "366",         366 },
  { JZ_STANDARD_DEADLINE_DECISION_WORKDAYS, "10",   10 },
  { JZ_STANDARD_DEADLINE_PROCESS_MAX_WORKDAYS, "250", 250 },
  { JZ_STANDARD_DEADLINE_INVESTIGATION_START_WORKDAYS, "0", 0 },
  /* a share of the cases: at most all of them */
  { JZ_STANDARD_TEKUN_SAMPLE_PCT,    "30",          3000 },
  { JZ_STANDARD_TEKUN_SAMPLE_PCT,    "100%",        10000 },
};

typedef struct
{
  JzStandardKind  kind;
  const char     *text;
} RefuseCase;

static const RefuseCase refused[] = {
  { JZ_STANDARD_DIBAO,               "" },
  { JZ_STANDARD_DIBAO,               "abc" },
  { JZ_STANDARD_DIBAO,               "-1" },
  { JZ_STANDARD_DIBAO,               "650.505" },
  { JZ_STANDARD_DIBAO,               "1000000.01" },
  { JZ_STANDARD_DIBAO,               NULL },
  { JZ_STANDARD_TEKUN_BASIC_RATIO,   "1.23456" },
  { JZ_STANDARD_TEKUN_BASIC_RATIO,   "1,5" },
  { JZ_STANDARD_TEKUN_BASIC_RATIO,   "-1.5" },
  { JZ_STANDARD_TEKUN_BASIC_RATIO,   "1e2" },
  { JZ_STANDARD_TEKUN_BASIC_RATIO,   "100.0001" },
  { JZ_STANDARD_TEKUN_BASIC_RATIO,   "." },
  { JZ_STANDARD_TEKUN_BASIC_RATIO,   "1.5%" },
  { JZ_STANDARD_TEKUN_BASIC_RATIO,   "99999999999999999999" },
  { JZ_STANDARD_CARE_FULL_PCT,       "12.555" },
  { JZ_STANDARD_CARE_FULL_PCT,       "%" },
  { JZ_STANDARD_CARE_FULL_PCT,       "12.5%%" },
  { JZ_STANDARD_CARE_FULL_PCT,       "1 0" },
  { JZ_STANDARD_TEMP_ILLNESS_MAX,    "3x" },
  { JZ_STANDARD_GRADUAL_EXIT_MONTHS, "3.5" },
  { JZ_STANDARD_GRADUAL_EXIT_MONTHS, "121" },
  { JZ_STANDARD_GRADUAL_EXIT_MONTHS, "-1" },
  { JZ_STANDARD_REVIEW_DIBAO_MONTHS, "121" },
  { JZ_STANDARD_NOTICE_DAYS,         "7.5" },
  { JZ_STANDARD_NOTICE_DAYS,         "367" },
  { JZ_STANDARD_NOTICE_DAYS,         "-7" },
  { JZ_STANDARD_DEADLINE_DECISION_WORKDAYS, "251" },
  { JZ_STANDARD_DEADLINE_DECISION_WORKDAYS, "10d" },
  { JZ_STANDARD_DEADLINE_DECISION_WORKDAYS, "" },
  { JZ_STANDARD_TEKUN_SAMPLE_PCT,    "100.01" },
  { JZ_STANDARD_TEKUN_SAMPLE_PCT,    "150" },
};

static void
test_parse_value (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 value = -1;

      g_test_message ("%s “%s”", jz_standard_kind_code (accepted[i].kind), accepted[i].text);
      g_assert_true (jz_standard_parse_value (accepted[i].kind, accepted[i].text, &value, &error));
      g_assert_no_error (error);
      g_assert_cmpint (value, ==, accepted[i].value);
    }

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 value = -7;

      g_test_message ("refuse %s “%s”", jz_standard_kind_code (refused[i].kind), refused[i].text);
      g_assert_false (jz_standard_parse_value (refused[i].kind, refused[i].text, &value, &error));
      g_assert_error (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_VALUE);
      g_assert_cmpint (value, ==, -7);
    }
}

typedef struct
{
  JzStandardKind  kind;
  gint64          value;
  const char     *text;
} FormatCase;

static const FormatCase formatted[] = {
  { JZ_STANDARD_DIBAO,               65000,    "650.00" },
  { JZ_STANDARD_DIBAO,               65050,    "650.50" },
  { JZ_STANDARD_MIN_WAGE,            12345678, "123456.78" },
  { JZ_STANDARD_DISABILITY_CARE,     5,        "0.05" },
  { JZ_STANDARD_TEKUN_BASIC_RATIO,   15000,    "1.5" },
  { JZ_STANDARD_TEKUN_BASIC_RATIO,   20000,    "2" },
  { JZ_STANDARD_TEKUN_BASIC_RATIO,   12345,    "1.2345" },
  { JZ_STANDARD_TEKUN_BASIC_RATIO,   5,        "0.0005" },
  { JZ_STANDARD_CARE_PARTIAL_PCT,    3000,     "30" },
  { JZ_STANDARD_INCREMENT_MINOR_PCT, 1250,     "12.5" },
  { JZ_STANDARD_INCREMENT_MINOR_PCT, 1,        "0.01" },
  { JZ_STANDARD_INCREMENT_MINOR_PCT, 0,        "0" },
  { JZ_STANDARD_TEMP_ILLNESS_MAX,    120000,   "12" },
  { JZ_STANDARD_TEMP_EDUCATION_MIN,  45000,    "4.5" },
  { JZ_STANDARD_GRADUAL_EXIT_MONTHS, 3,        "3" },
  { JZ_STANDARD_NOTICE_DAYS,         7,        "7" },
  { JZ_STANDARD_DEADLINE_PROCESS_WORKDAYS, 30, "30" },
  { JZ_STANDARD_TEKUN_SAMPLE_PCT,    3000,     "30" },
  { JZ_STANDARD_TEKUN_SAMPLE_PCT,    3333,     "33.33" },
};

static void
test_format_value (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (formatted); i++)
    {
      g_autofree char *text = jz_standard_format_value (formatted[i].kind, formatted[i].value);
      gint64 back = -1;

      g_assert_cmpstr (text, ==, formatted[i].text);
      g_assert_true (jz_standard_parse_value (formatted[i].kind, text, &back, NULL));
      g_assert_cmpint (back, ==, formatted[i].value);
    }

  /* Every accepted text reads back the same once formatted. */
  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autofree char *text = jz_standard_format_value (accepted[i].kind, accepted[i].value);
      gint64 back = -1;

      g_assert_true (jz_standard_parse_value (accepted[i].kind, text, &back, NULL));
      g_assert_cmpint (back, ==, accepted[i].value);
    }
}

/* ---- reading and writing -------------------------------------------- */

static gint64
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
  g_assert_cmpint (standard->id, >, 0);
  g_assert_cmpint (standard->version, ==, 1);
  return standard->id;
}

/* Urban dibao 600.00 from 2025-07-01 and 650.00 from 2026-07-01; rural
 * 450.00 from 2025-07-01; the test township's own urban 700.00 from
 * 2026-01-01; the minimum wage 1,900.00 from 2025-07-01. */
static void
put_example_rows (JzTestDb *t)
{
  put (t, JZ_STANDARD_DIBAO, JZ_STANDARD_HUKOU_URBAN, 0, 60000, "2025-07-01");
  put (t, JZ_STANDARD_DIBAO, JZ_STANDARD_HUKOU_URBAN, 0, 65000, "2026-07-01");
  put (t, JZ_STANDARD_DIBAO, JZ_STANDARD_HUKOU_RURAL, 0, 45000, "2025-07-01");
  put (t, JZ_STANDARD_DIBAO, JZ_STANDARD_HUKOU_URBAN, t->township, 70000, "2026-01-01");
  put (t, JZ_STANDARD_MIN_WAGE, JZ_STANDARD_HUKOU_ANY, 0, 190000, "2025-07-01");
}

typedef struct
{
  JzStandardKind   kind;
  JzStandardHukou  hukou;
  gboolean         in_township;
  const char      *on;
  gint64           value;  /* -1: none in force */
} LookupCase;

static void
test_lookup (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  const LookupCase cases[] = {
    /* before the first row */
    { JZ_STANDARD_DIBAO, JZ_STANDARD_HUKOU_URBAN, FALSE, "2025-06-30", -1 },
    /* on its first day, and on the last day before the next one */
    { JZ_STANDARD_DIBAO, JZ_STANDARD_HUKOU_URBAN, FALSE, "2025-07-01", 60000 },
    { JZ_STANDARD_DIBAO, JZ_STANDARD_HUKOU_URBAN, FALSE, "2026-06-30", 60000 },
    { JZ_STANDARD_DIBAO, JZ_STANDARD_HUKOU_URBAN, FALSE, "2026-07-01", 65000 },
    { JZ_STANDARD_DIBAO, JZ_STANDARD_HUKOU_URBAN, FALSE, "2040-01-01", 65000 },
    /* the township's own value from its date on */
    { JZ_STANDARD_DIBAO, JZ_STANDARD_HUKOU_URBAN, TRUE,  "2025-12-31", 60000 },
    { JZ_STANDARD_DIBAO, JZ_STANDARD_HUKOU_URBAN, TRUE,  "2026-01-01", 70000 },
    /* and still after the district's later row: a township row wins */
    { JZ_STANDARD_DIBAO, JZ_STANDARD_HUKOU_URBAN, TRUE,  "2026-07-01", 70000 },
    /* the other hukou has its own rows, and the township none of it */
    { JZ_STANDARD_DIBAO, JZ_STANDARD_HUKOU_RURAL, FALSE, "2026-07-01", 45000 },
    { JZ_STANDARD_DIBAO, JZ_STANDARD_HUKOU_RURAL, TRUE,  "2026-07-01", 45000 },
    /* a kind without hukou ignores the one asked for */
    { JZ_STANDARD_MIN_WAGE, JZ_STANDARD_HUKOU_URBAN, TRUE, "2026-07-01", 190000 },
    { JZ_STANDARD_MIN_WAGE, JZ_STANDARD_HUKOU_ANY, FALSE, "2026-07-01", 190000 },
    /* the schema's defaults */
    { JZ_STANDARD_TEKUN_BASIC_RATIO, JZ_STANDARD_HUKOU_URBAN, FALSE, "2026-07-01", 15000 },
    { JZ_STANDARD_TEKUN_BASIC_RATIO, JZ_STANDARD_HUKOU_RURAL, FALSE, "2026-07-01", 13000 },
    { JZ_STANDARD_TEMP_ILLNESS_MAX, JZ_STANDARD_HUKOU_ANY, FALSE, "2026-07-01", 120000 },
    { JZ_STANDARD_TEMP_EDUCATION_MAX, JZ_STANDARD_HUKOU_ANY, FALSE, "2026-07-01", 60000 },
    /* the workflow's numbers (005), from 2000 on */
    { JZ_STANDARD_DEADLINE_INVESTIGATION_START_WORKDAYS, JZ_STANDARD_HUKOU_ANY, FALSE, "2000-01-01", 3 },
    { JZ_STANDARD_DEADLINE_INVESTIGATION_TEKUN_WORKDAYS, JZ_STANDARD_HUKOU_ANY, FALSE, "2026-07-01", 15 },
    { JZ_STANDARD_NOTICE_DAYS, JZ_STANDARD_HUKOU_ANY, TRUE, "2026-07-01", 7 },
    { JZ_STANDARD_DEADLINE_DECISION_WORKDAYS, JZ_STANDARD_HUKOU_ANY, FALSE, "2026-07-01", 10 },
    { JZ_STANDARD_DEADLINE_DECISION_TEKUN_WORKDAYS, JZ_STANDARD_HUKOU_ANY, FALSE, "2026-07-01", 15 },
    { JZ_STANDARD_DEADLINE_PROCESS_WORKDAYS, JZ_STANDARD_HUKOU_ANY, FALSE, "2026-07-01", 30 },
    { JZ_STANDARD_DEADLINE_PROCESS_MAX_WORKDAYS, JZ_STANDARD_HUKOU_ANY, FALSE, "2026-07-01", 45 },
    { JZ_STANDARD_REVIEW_DIBAO_MONTHS, JZ_STANDARD_HUKOU_URBAN, FALSE, "2026-07-01", 12 },
    { JZ_STANDARD_REVIEW_UNSTABLE_MONTHS, JZ_STANDARD_HUKOU_ANY, FALSE, "2026-07-01", 6 },
    { JZ_STANDARD_REVIEW_TEKUN_MONTHS, JZ_STANDARD_HUKOU_ANY, FALSE, "2026-07-01", 12 },
    { JZ_STANDARD_TEKUN_SAMPLE_PCT, JZ_STANDARD_HUKOU_ANY, FALSE, "2026-07-01", 3000 },
    { JZ_STANDARD_NOTICE_DAYS, JZ_STANDARD_HUKOU_ANY, FALSE, "1999-12-31", -1 },
    /* a kind nobody set */
    { JZ_STANDARD_INCREMENT_SANWU_PCT, JZ_STANDARD_HUKOU_ANY, FALSE, "2026-07-01", -1 },
  };

  put_example_rows (t);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JzStandard) row = NULL;
      gint64 township = cases[i].in_township ? t->township : 0;
      gint64 value = -1;
      gboolean found;

      g_test_message ("%s %d %d %s", jz_standard_kind_code (cases[i].kind), cases[i].hukou,
                      cases[i].in_township, cases[i].on);
      found = jz_standard_value_at (t->db, cases[i].kind, cases[i].hukou, township, cases[i].on, &value, &error);
      if (cases[i].value < 0)
        {
          g_assert_false (found);
          g_assert_error (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_MISSING);
          /* It names the kind and the date. */
          g_assert_nonnull (strstr (error->message, jz_standard_kind_code (cases[i].kind)));
          g_assert_nonnull (strstr (error->message, cases[i].on));
        }
      else
        {
          g_assert_no_error (error);
          g_assert_true (found);
          g_assert_cmpint (value, ==, cases[i].value);

          row = jz_standard_find (t->db, cases[i].kind, cases[i].hukou, township, cases[i].on, &error);
          g_assert_no_error (error);
          g_assert_nonnull (row);
          g_assert_cmpint (row->value, ==, cases[i].value);
          g_assert_cmpstr (row->effective_from, <=, cases[i].on);
        }
    }

  {
    g_autoptr(GError) error = NULL;
    gint64 value;

    /* Urban or rural must be said for a kind that has both. */
    g_assert_false (jz_standard_value_at (t->db, JZ_STANDARD_DIBAO, JZ_STANDARD_HUKOU_ANY, 0, "2026-07-01", &value, &error));
    g_assert_error (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_HUKOU);
    g_clear_error (&error);

    g_assert_false (jz_standard_value_at (t->db, JZ_STANDARD_DIBAO, JZ_STANDARD_HUKOU_URBAN, 0, "2026-13-01", &value, &error));
    g_assert_error (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_DATE);
  }
}

static GString *
describe (GPtrArray *rows)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      JzStandard *row = g_ptr_array_index (rows, i);
      g_autofree char *value = jz_standard_format_value (row->kind, row->value);
      const char *hukou = jz_standard_hukou_code (row->hukou);

      g_string_append_printf (text, "%s %s %s %s %s\n", jz_standard_kind_code (row->kind),
                              hukou != NULL ? hukou : "-",
                              row->township_name != NULL ? row->township_name : "-",
                              value, row->effective_from);
    }
  return text;
}

static void
test_list_and_history (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = NULL;

  put_example_rows (t);

  /* In force on 2026-07-01: one row per kind, hukou and township, urban
   * before rural, the district before its townships, in the order of the
   * kinds; the defaults of the schema among them. */
  rows = jz_standard_list_at (t->db, "2026-07-01", &error);
  g_assert_no_error (error);
  text = describe (rows);
  g_assert_cmpstr (text->str, ==,
                   "dibao urban - 650.00 2026-07-01\n"
                   "dibao urban 柳河镇 700.00 2026-01-01\n"
                   "dibao rural - 450.00 2025-07-01\n"
                   "min_wage - - 1900.00 2025-07-01\n"
                   "tekun_basic_ratio urban - 1.5 2000-01-01\n"
                   "tekun_basic_ratio rural - 1.3 2000-01-01\n"
                   "temp_illness_min - - 3 2000-01-01\n"
                   "temp_illness_max - - 12 2000-01-01\n"
                   "temp_education_min - - 3 2000-01-01\n"
                   "temp_education_max - - 6 2000-01-01\n"
                   "deadline_investigation_start_workdays - - 3 2000-01-01\n"
                   "deadline_investigation_tekun_workdays - - 15 2000-01-01\n"
                   "notice_days - - 7 2000-01-01\n"
                   "deadline_decision_workdays - - 10 2000-01-01\n"
                   "deadline_decision_tekun_workdays - - 15 2000-01-01\n"
                   "deadline_process_workdays - - 30 2000-01-01\n"
                   "deadline_process_max_workdays - - 45 2000-01-01\n"
                   "review_dibao_months - - 12 2000-01-01\n"
                   "review_unstable_months - - 6 2000-01-01\n"
                   "review_tekun_months - - 12 2000-01-01\n"
                   "tekun_sample_pct - - 30 2000-01-01\n"
                   "care_visit_months - - 1 2000-01-01\n"
                   "care_evaluation_months - - 3 2000-01-01\n"
                   "care_term_months - - 12 2000-01-01\n"
                   "care_expiring_days - - 30 2000-01-01\n"
                   "care_reassessment_workdays - - 10 2000-01-01\n");
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_string_free (g_steal_pointer (&text), TRUE);

  /* A year earlier: the 2025 values, and no township row yet. */
  rows = jz_standard_list_at (t->db, "2025-12-31", &error);
  g_assert_no_error (error);
  text = describe (rows);
  g_assert_true (g_str_has_prefix (text->str,
                                   "dibao urban - 600.00 2025-07-01\n"
                                   "dibao rural - 450.00 2025-07-01\n"
                                   "min_wage - - 1900.00 2025-07-01\n"));
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_string_free (g_steal_pointer (&text), TRUE);

  /* The history of a kind: every row, oldest first within hukou and township. */
  rows = jz_standard_history (t->db, JZ_STANDARD_DIBAO, &error);
  g_assert_no_error (error);
  text = describe (rows);
  g_assert_cmpstr (text->str, ==,
                   "dibao urban - 600.00 2025-07-01\n"
                   "dibao urban - 650.00 2026-07-01\n"
                   "dibao urban 柳河镇 700.00 2026-01-01\n"
                   "dibao rural - 450.00 2025-07-01\n");

  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = jz_standard_list_at (t->db, "1999-12-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 0);
}

static void
assert_refused (JzTestDb        *t,
                JzStandard      *standard,
                GQuark           domain,
                int              code)
{
  g_autoptr(GError) error = NULL;
  gint64 before = jz_db_count_rows (t->db, "standards", NULL);
  gint64 audit_before = jz_db_count_rows (t->db, "audit_log", NULL);

  g_assert_false (jz_standard_set (t->db, NULL, standard, &error));
  g_assert_error (error, domain, code);
  g_assert_cmpint (jz_db_count_rows (t->db, "standards", NULL), ==, before);
  g_assert_cmpint (jz_db_count_rows (t->db, "audit_log", NULL), ==, audit_before);
}

static void
test_set_refusals (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(JzStandard) standard = jz_standard_new ();

  put_example_rows (t);

  standard->kind = JZ_STANDARD_DIBAO;
  standard->hukou = JZ_STANDARD_HUKOU_ANY;
  standard->value = 70000;
  standard->effective_from = g_strdup ("2027-07-01");
  /* dibao needs urban or rural … */
  assert_refused (t, standard, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_HUKOU);

  /* … the minimum wage takes neither */
  standard->kind = JZ_STANDARD_MIN_WAGE;
  standard->hukou = JZ_STANDARD_HUKOU_URBAN;
  assert_refused (t, standard, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_HUKOU);

  standard->kind = JZ_STANDARD_DIBAO;
  g_free (standard->effective_from);
  standard->effective_from = g_strdup ("2027-02-30");
  assert_refused (t, standard, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_DATE);
  g_free (standard->effective_from);
  standard->effective_from = g_strdup ("2027-7-1");
  assert_refused (t, standard, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_DATE);

  g_free (standard->effective_from);
  standard->effective_from = g_strdup ("2027-07-01");
  /* a village is no township, nor is a missing region */
  standard->township_id = t->village;
  assert_refused (t, standard, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_TOWNSHIP);
  standard->township_id = 999;
  assert_refused (t, standard, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_TOWNSHIP);
  standard->township_id = 0;

  standard->value = -1;
  assert_refused (t, standard, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_VALUE);
  standard->value = JZ_STANDARD_MAX_FEN + 1;
  assert_refused (t, standard, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_VALUE);
  standard->kind = JZ_STANDARD_GRADUAL_EXIT_MONTHS;
  standard->hukou = JZ_STANDARD_HUKOU_ANY;
  standard->value = 121;
  assert_refused (t, standard, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_VALUE);
  standard->kind = JZ_STANDARD_DEADLINE_DECISION_WORKDAYS;
  standard->value = JZ_STANDARD_MAX_WORKDAYS + 1;
  assert_refused (t, standard, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_VALUE);
  standard->kind = JZ_STANDARD_NOTICE_DAYS;
  standard->value = JZ_STANDARD_MAX_DAYS + 1;
  assert_refused (t, standard, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_VALUE);
  /* more than all the cases */
  standard->kind = JZ_STANDARD_TEKUN_SAMPLE_PCT;
  standard->value = 10001;
  assert_refused (t, standard, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_VALUE);

  /* The same kind, hukou, township and date again is no new row. */
  standard->kind = JZ_STANDARD_DIBAO;
  standard->hukou = JZ_STANDARD_HUKOU_URBAN;
  standard->value = 66000;
  g_free (standard->effective_from);
  standard->effective_from = g_strdup ("2026-07-01");
  assert_refused (t, standard, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_EXISTS);

  standard->kind = JZ_STANDARD_N_KINDS;
  assert_refused (t, standard, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_KIND);
}

static void
test_set_versioned_update (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(JzStandard) row = NULL;
  g_autoptr(JzStandard) stale = NULL;
  g_autoptr(JzStandard) moved = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  JzAuditEntry *entry;
  gint64 value;
  gint64 id;
  gint64 n_rows = jz_db_count_rows (t->db, "standards", NULL);

  jz_db_set_user_name (t->db, "admin-b");
  id = put (t, JZ_STANDARD_CARE_FULL_PCT, JZ_STANDARD_HUKOU_ANY, 0, 6000, "2026-01-01");

  row = jz_standard_get_exact (t->db, JZ_STANDARD_CARE_FULL_PCT, JZ_STANDARD_HUKOU_ANY, 0, "2026-01-01", &error);
  g_assert_no_error (error);
  g_assert_nonnull (row);
  g_assert_cmpint (row->id, ==, id);
  g_assert_cmpint (row->value, ==, 6000);
  g_assert_cmpstr (row->created_by, ==, "admin-b");
  g_assert_true (g_str_has_suffix (row->created_at, "Z"));
  stale = jz_standard_copy (row);

  /* The value of the same date replaced, with the version that was read. */
  row->value = 6500;
  g_free (row->note);
  row->note = g_strdup ("typing mistake");
  g_assert_true (jz_standard_set (t->db, NULL, row, &error));
  g_assert_no_error (error);
  g_assert_cmpint (row->version, ==, 2);
  g_assert_true (jz_standard_value_at (t->db, JZ_STANDARD_CARE_FULL_PCT, JZ_STANDARD_HUKOU_ANY, 0, "2026-01-01", &value, &error));
  g_assert_cmpint (value, ==, 6500);
  g_assert_cmpint (jz_db_count_rows (t->db, "standards", NULL), ==, n_rows + 1);

  /* Audited: the insert, then the update old → new. */
  entries = jz_audit_list (t->db, "standards", id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->action, ==, "insert");
  entry = g_ptr_array_index (entries, 1);
  g_assert_cmpstr (entry->action, ==, "update");
  g_assert_cmpstr (entry->user_name, ==, "admin-b");
  g_assert_nonnull (strstr (entry->old_values, "\"rate_bp\":6000"));
  g_assert_nonnull (strstr (entry->new_values, "\"rate_bp\":6500"));

  /* Someone who read it before that change is told, and changes nothing. */
  stale->value = 7000;
  g_assert_false (jz_standard_set (t->db, NULL, stale, &error));
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "admin-b"));
  g_clear_error (&error);
  g_assert_true (jz_standard_value_at (t->db, JZ_STANDARD_CARE_FULL_PCT, JZ_STANDARD_HUKOU_ANY, 0, "2026-01-01", &value, &error));
  g_assert_cmpint (value, ==, 6500);

  /* The date of a row does not move: another date is another row. */
  moved = jz_standard_copy (row);
  g_free (moved->effective_from);
  moved->effective_from = g_strdup ("2026-02-01");
  g_assert_false (jz_standard_set (t->db, NULL, moved, &error));
  g_assert_error (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpint (jz_db_count_rows (t->db, "standards", NULL), ==, n_rows + 1);

  /* A rate lives in rate_bp, an amount in amount. */
  {
    g_autoptr(sqlite3_stmt) stmt = jz_db_prepare (t->db, "SELECT amount IS NULL, rate_bp FROM standards WHERE id = ?", &error);

    g_assert_no_error (error);
    sqlite3_bind_int64 (stmt, 1, id);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
    g_assert_cmpint (sqlite3_column_int64 (stmt, 1), ==, 6500);
  }
}

static void
test_set_permission (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(JzStandard) standard = jz_standard_new ();
  g_autoptr(GError) error = NULL;
  JzUser clerk = { .id = 1, .name = (char *) "clerk-a", .role = JZ_ROLE_CLERK, .region_id = t->township, .active = TRUE };
  JzUser leader = { .id = 2, .name = (char *) "leader-a", .role = JZ_ROLE_LEADER, .active = TRUE };
  JzUser admin = { .id = 3, .name = (char *) "admin-a", .role = JZ_ROLE_ADMIN, .active = TRUE };
  gint64 rows = jz_db_count_rows (t->db, "standards", NULL);

  standard->kind = JZ_STANDARD_DIBAO;
  standard->hukou = JZ_STANDARD_HUKOU_URBAN;
  standard->value = 70000;
  standard->effective_from = g_strdup ("2027-07-01");

  /* Refused in core, whatever the window shows. */
  g_assert_false (jz_standard_set (t->db, &clerk, standard, &error));
  g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_DENIED);
  g_clear_error (&error);
  /* Even for the clerk's own township. */
  standard->township_id = t->township;
  g_assert_false (jz_standard_set (t->db, &clerk, standard, &error));
  g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_DENIED);
  g_clear_error (&error);
  standard->township_id = 0;
  g_assert_false (jz_standard_set (t->db, &leader, standard, &error));
  g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (jz_db_count_rows (t->db, "standards", NULL), ==, rows);
  g_assert_cmpint (standard->id, ==, 0);

  /* The administrator may, and the row says who. */
  g_assert_true (jz_standard_set (t->db, &admin, standard, &error));
  g_assert_no_error (error);
  g_clear_pointer (&standard, jz_standard_free);
  standard = jz_standard_get_exact (t->db, JZ_STANDARD_DIBAO, JZ_STANDARD_HUKOU_URBAN, 0, "2027-07-01", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (standard->created_by, ==, "admin-a");
}

/* ---- the resolved set ----------------------------------------------- */

static void
test_values_resolve (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  static const char * const dates[] = { "2025-06-30", "2025-07-01", "2025-12-31", "2026-01-01", "2026-06-30", "2026-07-01" };
  JzStandardValues values;
  g_autoptr(GError) error = NULL;

  put_example_rows (t);

  /* A rural household of the township: its own hukou's dibao, and the
   * township's urban one for temporary assistance. */
  g_assert_true (jz_standard_values_resolve (t->db, "2026-07-01", JZ_STANDARD_HUKOU_RURAL, t->township, &values, &error));
  g_assert_no_error (error);
  g_assert_true (jz_standard_values_has (&values, JZ_STANDARD_DIBAO));
  g_assert_cmpint (values.value[JZ_STANDARD_DIBAO], ==, 45000);
  g_assert_true (values.has_urban_dibao);
  g_assert_cmpint (values.urban_dibao, ==, 70000);
  g_assert_cmpint (values.value[JZ_STANDARD_TEKUN_BASIC_RATIO], ==, 13000);
  g_assert_false (jz_standard_values_has (&values, JZ_STANDARD_INCREMENT_SANWU_PCT));

  g_assert_true (jz_standard_values_resolve (t->db, "2026-07-01", JZ_STANDARD_HUKOU_RURAL, 0, &values, &error));
  g_assert_cmpint (values.urban_dibao, ==, 65000);
  g_assert_true (jz_standard_values_resolve (t->db, "2026-07-01", JZ_STANDARD_HUKOU_URBAN, t->township, &values, &error));
  g_assert_cmpint (values.value[JZ_STANDARD_DIBAO], ==, 70000);
  g_assert_cmpint (values.urban_dibao, ==, 70000);
  g_assert_cmpint (values.value[JZ_STANDARD_TEKUN_BASIC_RATIO], ==, 15000);
  g_assert_true (jz_standard_values_resolve (t->db, "2025-06-30", JZ_STANDARD_HUKOU_RURAL, 0, &values, &error));
  g_assert_false (values.has_urban_dibao);
  g_assert_false (jz_standard_values_has (&values, JZ_STANDARD_DIBAO));

  /* Without a hukou: the kinds that have none, as the workflow reads
   * them, with a township's own value first. */
  put (t, JZ_STANDARD_DEADLINE_DECISION_WORKDAYS, JZ_STANDARD_HUKOU_ANY, t->township, 8, "2026-01-01");
  g_assert_true (jz_standard_values_resolve (t->db, "2026-07-01", JZ_STANDARD_HUKOU_ANY, t->township, &values, &error));
  g_assert_no_error (error);
  g_assert_false (jz_standard_values_has (&values, JZ_STANDARD_DIBAO));
  g_assert_false (jz_standard_values_has (&values, JZ_STANDARD_TEKUN_BASIC_RATIO));
  g_assert_cmpint (values.value[JZ_STANDARD_MIN_WAGE], ==, 190000);
  g_assert_cmpint (values.value[JZ_STANDARD_DEADLINE_DECISION_WORKDAYS], ==, 8);
  g_assert_cmpint (values.value[JZ_STANDARD_NOTICE_DAYS], ==, 7);
  g_assert_true (jz_standard_values_resolve (t->db, "2026-07-01", JZ_STANDARD_HUKOU_ANY, 0, &values, &error));
  g_assert_cmpint (values.value[JZ_STANDARD_DEADLINE_DECISION_WORKDAYS], ==, 10);
  {
    gint64 value = -1;

    g_assert_true (jz_standard_values_need (&values, JZ_STANDARD_TEKUN_SAMPLE_PCT, "2026-07-01", &value, &error));
    g_assert_no_error (error);
    g_assert_cmpint (value, ==, 3000);
    g_assert_false (jz_standard_values_need (&values, JZ_STANDARD_INCREMENT_SANWU_PCT, "2026-07-01", &value, &error));
    g_assert_error (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_MISSING);
    g_assert_nonnull (strstr (error->message, "increment_sanwu_pct"));
    g_assert_nonnull (strstr (error->message, "2026-07-01"));
    g_assert_cmpint (value, ==, 3000);
    g_clear_error (&error);
  }

  /* The one query agrees with the look-up of each kind, on every date,
   * for both hukou, with and without the township. */
  for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
    for (JzStandardHukou h = JZ_STANDARD_HUKOU_URBAN; h <= JZ_STANDARD_HUKOU_RURAL; h++)
      for (int in_township = 0; in_township < 2; in_township++)
        {
          gint64 township = in_township ? t->township : 0;
          gint64 urban;

          g_assert_true (jz_standard_values_resolve (t->db, dates[d], h, township, &values, &error));
          g_assert_no_error (error);
          for (JzStandardKind k = 0; k < JZ_STANDARD_N_KINDS; k++)
            {
              gint64 value = -1;
              gboolean found = jz_standard_value_at (t->db, k, h, township, dates[d], &value, NULL);

              g_assert_cmpint (found, ==, jz_standard_values_has (&values, k));
              if (found)
                g_assert_cmpint (value, ==, values.value[k]);
            }
          g_assert_cmpint (jz_standard_value_at (t->db, JZ_STANDARD_DIBAO, JZ_STANDARD_HUKOU_URBAN, township, dates[d], &urban, NULL),
                           ==, values.has_urban_dibao);
          if (values.has_urban_dibao)
            g_assert_cmpint (urban, ==, values.urban_dibao);
        }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/standard/kinds/match-schema", test_kinds_match_schema);
  g_test_add_func ("/standard/value/parse", test_parse_value);
  g_test_add_func ("/standard/value/format", test_format_value);
  g_test_add_func ("/standard/lookup", test_lookup);
  g_test_add_func ("/standard/list-and-history", test_list_and_history);
  g_test_add_func ("/standard/set/refusals", test_set_refusals);
  g_test_add_func ("/standard/set/versioned-update", test_set_versioned_update);
  g_test_add_func ("/standard/set/permission", test_set_permission);
  g_test_add_func ("/standard/values/resolve", test_values_resolve);

  return g_test_run ();
}
