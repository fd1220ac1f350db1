/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>

#include "jz-db-private.h"
#include "jz-labels.h"
#include "jz-test-util.h"

/* The tables a clerk edits, whose changes the history shows: every coded
 * column of theirs needs words. */
static const char * const edited_tables[] = { "households", "persons", "incomes", "cases", NULL };

static void
set_language (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
}

/* Whether the zh_CN catalogue of this build can be read; bound once. */
static gboolean
bind_build_catalogue (void)
{
  const char *build_root = g_getenv ("JZ_BUILD_ROOT");
  g_autofree char *localedir = NULL;
  g_autofree char *mo = NULL;

  if (build_root == NULL)
    return FALSE;

  localedir = g_build_filename (build_root, "po", NULL);
  mo = g_build_filename (localedir, "zh_CN", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    return FALSE;

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  return TRUE;
}

/* The codes of the CHECK (column IN (…)) list of each text column of
 * @sql, a CREATE TABLE statement: column → GPtrArray of codes in order. */
static GHashTable *
check_lists (const char *sql)
{
  g_autoptr(GRegex) column = g_regex_new ("^\\s*(\\w+)\\s+TEXT\\b[^\\n]*?CHECK\\s*\\(\\s*(\\w+)\\s+IN\\s*\\(([^)]*)\\)",
                                          G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GRegex) quoted = g_regex_new ("'([^']*)'", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GHashTable *lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);

  g_assert_nonnull (column);
  g_assert_nonnull (quoted);

  g_regex_match (column, sql, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *name = g_match_info_fetch (match, 1);
      g_autofree char *checked = g_match_info_fetch (match, 2);
      g_autofree char *values = g_match_info_fetch (match, 3);
      g_autoptr(GMatchInfo) value = NULL;
      GPtrArray *codes = g_ptr_array_new_with_free_func (g_free);

      /* A column whose CHECK is about another column is not a list of its own. */
      if (!g_str_equal (name, checked))
        {
          g_ptr_array_unref (codes);
          continue;
        }

      g_regex_match (quoted, values, 0, &value);
      for (; g_match_info_matches (value); g_match_info_next (value, NULL))
        g_ptr_array_add (codes, g_match_info_fetch (value, 1));
      g_hash_table_insert (lists, g_steal_pointer (&name), codes);
    }

  return lists;
}

/* Every coded column has a vocabulary with exactly its codes, in the order
 * of the schema, each with a word of its own. */
static void
test_labels_check_lists (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(sqlite3_stmt) tables = NULL;
  guint n_columns = 0;
  guint n_edited = 0;
  int rc;

  set_language ("en");
  tables = jz_db_prepare (t->db, "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL", NULL);
  g_assert_nonnull (tables);

  while ((rc = sqlite3_step (tables)) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      g_autoptr(GHashTable) lists = check_lists ((const char *) sqlite3_column_text (tables, 1));
      gboolean edited = g_strv_contains (edited_tables, table);
      GHashTableIter iter;
      const char *column;
      GPtrArray *codes;

      g_hash_table_iter_init (&iter, lists);
      while (g_hash_table_iter_next (&iter, (gpointer *) &column, (gpointer *) &codes))
        {
          JzField field;
          gboolean mapped = jz_labels_field_of_column (table, column, &field);

          if (!mapped && edited)
            g_test_message ("%s.%s holds codes but has no words in jz-labels.c", table, column);
          g_assert_true (mapped || !edited);
          if (!mapped)
            continue;

          n_columns++;
          if (edited)
            n_edited++;
          g_assert_cmpuint (jz_labels_count (field), ==, codes->len);
          for (guint i = 0; i < codes->len; i++)
            {
              const char *code = g_ptr_array_index (codes, i);
              const char *label = jz_labels_value (field, code);

              g_test_message ("%s.%s %s: %s", table, column, code, label);
              g_assert_cmpstr (jz_labels_code (field, i), ==, code);
              g_assert_true (jz_labels_has (field, code));
              g_assert_nonnull (label);
              g_assert_cmpstr (label, !=, "");
              g_assert_cmpstr (label, !=, code);
            }
        }
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);

  /* The regular expression found the lists at all: hukou twice (households,
   * standards), household status, seven of persons, income kind, case status. */
  g_assert_cmpuint (n_edited, ==, 11);
  g_assert_cmpuint (n_columns, ==, 12);
}

/* The programs table is the source of the codes and their order; the C
 * strings must say what its English names say. */
static void
test_labels_programs (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(sqlite3_stmt) programs = NULL;
  JzField field;
  guint n = 0;
  int rc;

  set_language ("en");
  g_assert_true (jz_labels_field_of_column ("cases", "program", &field));
  g_assert_cmpint (field, ==, JZ_FIELD_PROGRAM);

  programs = jz_db_prepare (t->db, "SELECT code, name, unit, period FROM programs ORDER BY sort_order", NULL);
  g_assert_nonnull (programs);
  while ((rc = sqlite3_step (programs)) == SQLITE_ROW)
    {
      const char *code = (const char *) sqlite3_column_text (programs, 0);

      g_assert_cmpuint (n, <, jz_labels_count (JZ_FIELD_PROGRAM));
      g_assert_cmpstr (jz_labels_code (JZ_FIELD_PROGRAM, n), ==, code);
      g_assert_true (jz_labels_has (JZ_FIELD_PROGRAM, code));
      g_assert_cmpstr (jz_labels_value (JZ_FIELD_PROGRAM, code), !=, code);
      g_assert_cmpstr (jz_labels_value (JZ_FIELD_PROGRAM, code), !=, "");
      g_assert_cmpstr (jz_labels_program_name (code), ==, (const char *) sqlite3_column_text (programs, 1));
      g_assert_cmpstr (jz_labels_program_unit (code), ==, (const char *) sqlite3_column_text (programs, 2));
      g_assert_cmpstr (jz_labels_program_period (code), ==, (const char *) sqlite3_column_text (programs, 3));
      n++;
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  g_assert_cmpuint (n, ==, 9);
  g_assert_cmpuint (jz_labels_count (JZ_FIELD_PROGRAM), ==, n);
}

/* Fields that are not stored in a CHECKed column. */
static void
test_labels_case_summary (void)
{
  static const char * const codes[] = { "active", "suspended", "pending", "ended", "none" };

  set_language ("en");
  g_assert_cmpuint (jz_labels_count (JZ_FIELD_CASE_SUMMARY), ==, G_N_ELEMENTS (codes));
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_assert_cmpstr (jz_labels_code (JZ_FIELD_CASE_SUMMARY, i), ==, codes[i]);
      g_assert_cmpstr (jz_labels_value (JZ_FIELD_CASE_SUMMARY, codes[i]), !=, codes[i]);
    }
  g_assert_cmpstr (jz_labels_value (JZ_FIELD_CASE_SUMMARY, "none"), ==, "No case");
  /* The same code means something else in another field. */
  g_assert_cmpstr (jz_labels_value (JZ_FIELD_EMPLOYMENT, "none"), ==, "None");
  g_assert_cmpstr (jz_labels_value (JZ_FIELD_CASE_STATUS, "active"), ==, "Receiving");
  g_assert_cmpstr (jz_labels_value (JZ_FIELD_INCOME_KIND, "farming"), ==, "Farming");
}

static void
test_labels_unknown (void)
{
  const char *code = "not-a-code";

  set_language ("en");
  /* The value itself, not a copy, so that nothing is lost or leaked. */
  g_assert_true (jz_labels_value (JZ_FIELD_SEX, code) == code);
  g_assert_null (jz_labels_value (JZ_FIELD_SEX, NULL));
  g_assert_false (jz_labels_has (JZ_FIELD_SEX, code));
  g_assert_false (jz_labels_has (JZ_FIELD_SEX, NULL));
  /* A code of one field is not one of another. */
  g_assert_false (jz_labels_has (JZ_FIELD_HUKOU, "M"));
  g_assert_true (jz_labels_value (JZ_FIELD_HUKOU, "M") != jz_labels_value (JZ_FIELD_SEX, "M"));

  g_assert_true (jz_labels_program_name (code) == code);
  g_assert_null (jz_labels_program_unit (code));
  g_assert_null (jz_labels_program_period (code));
  g_assert_false (jz_labels_field_of_column ("persons", "name", NULL));
  g_assert_false (jz_labels_field_of_column ("incomes", "status", NULL));
}

/* Each vocabulary reads its translations under the context its strings
 * were marked with: a mismatch would leave the Chinese interface English. */
static void
test_labels_chinese (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(sqlite3_stmt) programs = NULL;

  if (!bind_build_catalogue ())
    {
      g_test_skip ("the zh_CN catalogue of this build is not there");
      return;
    }

  for (JzField field = JZ_FIELD_PROGRAM; field <= JZ_FIELD_CASE_SUMMARY; field++)
    for (guint i = 0; i < jz_labels_count (field); i++)
      {
        const char *code = jz_labels_code (field, i);
        g_autofree char *english = NULL;

        set_language ("en");
        english = g_strdup (jz_labels_value (field, code));
        set_language ("zh_CN");
        g_test_message ("%d %s: %s", field, code, jz_labels_value (field, code));
        g_assert_cmpstr (jz_labels_value (field, code), !=, english);
        g_assert_false (g_str_is_ascii (jz_labels_value (field, code)));
      }

  set_language ("zh_CN");
  g_assert_cmpstr (jz_labels_value (JZ_FIELD_SEX, "M"), ==, "男");
  g_assert_cmpstr (jz_labels_value (JZ_FIELD_PROGRAM, "dibao_urban"), ==, "城市低保");

  /* A full name, once translated, is the programs table's Chinese one. */
  programs = jz_db_prepare (t->db, "SELECT code, name, name_zh FROM programs", NULL);
  g_assert_nonnull (programs);
  while (sqlite3_step (programs) == SQLITE_ROW)
    {
      const char *code = (const char *) sqlite3_column_text (programs, 0);
      const char *name = jz_labels_program_name (code);

      if (g_strcmp0 (name, (const char *) sqlite3_column_text (programs, 1)) != 0)
        g_assert_cmpstr (name, ==, (const char *) sqlite3_column_text (programs, 2));
    }

  set_language ("en");
}

int
main (int   argc,
      char *argv[])
{
  /* A locale other than C, in which gettext follows LANGUAGE. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/labels/check-lists", test_labels_check_lists);
  g_test_add_func ("/labels/programs", test_labels_programs);
  g_test_add_func ("/labels/case-summary", test_labels_case_summary);
  g_test_add_func ("/labels/unknown", test_labels_unknown);
  g_test_add_func ("/labels/chinese", test_labels_chinese);

  return g_test_run ();
}
