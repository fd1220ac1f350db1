/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "jz-benefit.h"
#include "jz-calendar.h"
#include "jz-care.h"
#include "jz-db.h"
#include "jz-demo.h"
#include "jz-id-number.h"
#include "jz-roll.h"
#include "jz-standard.h"
#include "jz-user.h"
#include "jz-workflow.h"

#define N_HOUSEHOLDS 200
#define SEED         20250630

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->dir = g_dir_make_tmp ("jz-test-demo-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static void
demo_options (JzDemoOptions *options,
              guint          n_households,
              guint64        seed)
{
  *options = (JzDemoOptions) { .n_households = n_households, .seed = seed };
  g_date_clear (&options->end, 1);
  g_date_set_dmy (&options->end, 30, G_DATE_JUNE, 2025);
}

static JzDb *
open_db (Fixture    *fixture,
         const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  JzDb *db = jz_db_open (path, JZ_DB_OPEN_CREATE, &error);

  g_assert_no_error (error);
  jz_db_set_user_name (db, "tester");
  return db;
}

static JzDb *
make_demo (Fixture    *fixture,
           const char *name,
           guint       n_households,
           guint64     seed)
{
  g_autoptr(GError) error = NULL;
  JzDemoOptions options;
  JzDb *db = open_db (fixture, name);

  demo_options (&options, n_households, seed);
  g_assert_true (jz_demo_generate (db, &options, &error));
  g_assert_no_error (error);
  return db;
}

/* The tests read the file with their own connection, so that they see
 * what was committed and nothing of the generator's state. */
static sqlite3 *
reader (JzDb *db)
{
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open_v2 (jz_db_get_path (db), &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  return handle;
}

static gint64
query_int (sqlite3    *handle,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
query_text (sqlite3    *handle,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* SHA-256 over every row of every table, in key order, with the type of
 * each value: two databases with the same content have the same sum. */
static char *
content_checksum (JzDb *db)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3 *handle = reader (db);
  sqlite3_stmt *tables = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                       "AND name NOT LIKE 'sqlite_%' ORDER BY name",
                                       -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1", table);
      sqlite3_stmt *rows = NULL;

      g_checksum_update (sum, (const guchar *) table, -1);
      g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &rows, NULL), ==, SQLITE_OK);
      while (sqlite3_step (rows) == SQLITE_ROW)
        for (int i = 0; i < sqlite3_column_count (rows); i++)
          {
            char type = (char) ('0' + sqlite3_column_type (rows, i));

            g_checksum_update (sum, (const guchar *) &type, 1);
            g_checksum_update (sum, sqlite3_column_text (rows, i) != NULL ? sqlite3_column_text (rows, i) : (const guchar *) "",
                               sqlite3_column_bytes (rows, i));
            g_checksum_update (sum, (const guchar *) "\x1f", 1);
          }
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);
  sqlite3_close (handle);

  return g_strdup (g_checksum_get_string (sum));
}

static void
test_demo_regions (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(JzDb) db = make_demo (fixture, "regions.db", N_HOUSEHOLDS, SEED);
  sqlite3 *handle = reader (db);
  sqlite3_stmt *stmt = NULL;
  g_autofree char *code = NULL;
  guint townships = 0;

  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM regions WHERE level = 'district'"), ==, 1);
  code = query_text (handle, "SELECT code FROM regions WHERE level = 'district'");
  g_assert_cmpstr (code, ==, "370302");
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM regions t JOIN regions d ON d.id = t.parent_id "
                              "WHERE t.level = 'township' AND d.level = 'district'"), ==, 12);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM regions WHERE level = 'township'"), ==, 12);

  /* Codes nest: township = district + 3 digits, village = township + 3. */
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM regions c JOIN regions p ON p.id = c.parent_id "
                              "WHERE substr (c.code, 1, length (p.code)) <> p.code "
                              "OR length (c.code) <> length (p.code) + 3"), ==, 0);

  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "SELECT t.kind, "
                                       "  (SELECT count(*) FROM regions v WHERE v.parent_id = t.id AND v.level = 'village'), "
                                       "  (SELECT count(*) FROM regions v WHERE v.parent_id = t.id AND v.kind = 'village'), "
                                       "  (SELECT count(*) FROM regions v WHERE v.parent_id = t.id AND v.kind = 'community') "
                                       "FROM regions t WHERE t.level = 'township' ORDER BY t.code",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *kind = (const char *) sqlite3_column_text (stmt, 0);
      int villages = sqlite3_column_int (stmt, 1);
      int rural = sqlite3_column_int (stmt, 2);
      int urban = sqlite3_column_int (stmt, 3);

      townships++;
      g_assert_cmpint (villages, >=, 15);
      g_assert_cmpint (villages, <=, 30);
      g_assert_cmpint (rural + urban, ==, villages);
      if (g_str_equal (kind, "town"))
        g_assert_cmpint (urban, ==, 0);
      else if (g_str_equal (kind, "street"))
        g_assert_cmpint (rural, ==, 0);
      else
        g_assert_cmpstr (kind, ==, "zone");
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (townships, ==, 12);

  /* Households live in villages, urban hukou in communities. */
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM households h JOIN regions v ON v.id = h.region_id "
                              "WHERE v.level <> 'village' "
                              "OR (v.kind = 'community') <> (h.hukou = 'urban')"), ==, 0);

  sqlite3_close (handle);
}

static void
test_demo_households (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(JzDb) db = make_demo (fixture, "households.db", N_HOUSEHOLDS, SEED);
  sqlite3 *handle = reader (db);

  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM households"), ==, N_HOUSEHOLDS);
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM households h WHERE "
                              "(SELECT count(*) FROM persons p WHERE p.household_id = h.id) NOT BETWEEN 1 AND 6"), ==, 0);
  /* Exactly one head, and it is the one the household points at. */
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM households h WHERE "
                              "(SELECT count(*) FROM persons p WHERE p.household_id = h.id AND p.relation = 'head') <> 1 "
                              "OR h.head_person_id IS NULL "
                              "OR (SELECT relation FROM persons p WHERE p.id = h.head_person_id AND p.household_id = h.id) IS NOT 'head'"), ==, 0);
  /* The people of an open household are on file, those of a closed one left. */
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM persons p JOIN households h ON h.id = p.household_id "
                              "WHERE h.status = 'closed' AND p.active = 1"), ==, 0);
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM households WHERE (status = 'closed') <> (closed_on IS NOT NULL) "
                              "OR opened_on > '2025-06-30' OR closed_on < opened_on"), ==, 0);
  /* Spouses are of the other sex, parents older than the head, children younger. */
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM persons p JOIN persons h ON h.household_id = p.household_id AND h.relation = 'head' "
                              "WHERE (p.relation = 'spouse' AND p.sex = h.sex) "
                              "OR (p.relation = 'parent' AND p.birth_date >= h.birth_date) "
                              "OR (p.relation IN ('child', 'grandchild') AND p.birth_date <= h.birth_date)"), ==, 0);
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM households WHERE length (phone) <> 11 OR length (bank_account) <> 19 "
                              "OR bank = '' OR address = ''"), ==, 0);
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM persons WHERE disability_kind IS NOT NULL "
                              "AND (length (disability_cert) <> 20 OR substr (disability_cert, 1, 18) <> id_number)"), ==, 0);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM persons WHERE disability_kind IS NOT NULL"), >, 0);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM incomes"), >, 0);

  sqlite3_close (handle);
}

static void
test_demo_id_numbers (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(JzDb) db = make_demo (fixture, "ids.db", N_HOUSEHOLDS, SEED);
  sqlite3 *handle = reader (db);
  sqlite3_stmt *stmt = NULL;
  GDate today;
  guint n = 0;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 30, G_DATE_JUNE, 2025);

  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT id_number, birth_date, sex FROM persons", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(GError) error = NULL;
      const char *number = (const char *) sqlite3_column_text (stmt, 0);
      const char *birth = (const char *) sqlite3_column_text (stmt, 1);
      const char *sex = (const char *) sqlite3_column_text (stmt, 2);
      char iso[11];
      JzIdNumber id;

      g_assert_true (jz_id_number_parse (number, &today, &id, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (id.number, ==, number);
      g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &id.birth);
      g_assert_cmpstr (iso, ==, birth);
      g_assert_cmpint (id.sex, ==, sex[0]);
      n++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n, >=, N_HOUSEHOLDS);

  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM (SELECT id_number FROM persons WHERE active = 1 "
                              "GROUP BY id_number HAVING count(*) > 1)"), ==, 0);
  /* The same number twice only where a new file continues an old one. */
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM persons a JOIN persons b ON a.id_number = b.id_number AND a.id < b.id "
                              "JOIN households ha ON ha.id = a.household_id JOIN households hb ON hb.id = b.household_id "
                              "WHERE hb.predecessor_id IS NOT ha.id"), ==, 0);

  sqlite3_close (handle);
}

/* python-stdnum, the reference the project checks ID rules against. */
static void
test_demo_id_numbers_stdnum (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(JzDb) db = NULL;
  g_autoptr(GSubprocess) python = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) input = g_string_new (NULL);
  g_autofree char *out = NULL;
  const char *script =
    "import sys\n"
    "from stdnum.cn import ric\n"
    "bad = [n for n in sys.stdin.read().split() if not ric.is_valid(n)]\n"
    "print(len(bad))\n";
  sqlite3 *handle;
  sqlite3_stmt *stmt = NULL;

  int status = -1;

  if (!g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE) ||
      !g_spawn_command_line_sync ("/usr/bin/python3 -c 'import stdnum.cn.ric'", NULL, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    {
      g_test_skip ("python3-stdnum is not installed");
      return;
    }

  db = make_demo (fixture, "stdnum.db", N_HOUSEHOLDS, SEED);
  handle = reader (db);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT id_number FROM persons", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (input, "%s\n", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (handle);

  python = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                             "/usr/bin/python3", "-c", script, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (python, input->str, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (python));
  g_assert_cmpstr (g_strstrip (out), ==, "0");
}

static void
test_demo_cases (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(JzDb) db = make_demo (fixture, "cases.db", N_HOUSEHOLDS, SEED);
  sqlite3 *handle = reader (db);
  g_autofree char *check = NULL;
  g_autofree char *audit = NULL;

  /* The first nine households cover the nine programs. */
  g_assert_cmpint (query_int (handle, "SELECT count(DISTINCT program) FROM cases"), ==, 9);
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM programs p WHERE NOT EXISTS "
                              "(SELECT 1 FROM cases c WHERE c.program = p.code)"), ==, 0);
  /* Most households are on dibao. */
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM cases WHERE program LIKE 'dibao_%'"), >, N_HOUSEHOLDS / 3);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM cases WHERE status = 'active'"), >, N_HOUSEHOLDS / 3);

  /* Money is whole fen, never negative, never a float. */
  g_assert_cmpint (query_int (handle,
                              "SELECT (SELECT count(*) FROM cases WHERE typeof (monthly_amount) <> 'integer' OR monthly_amount < 0) "
                              "+ (SELECT count(*) FROM case_history WHERE typeof (monthly_amount) <> 'integer' OR monthly_amount < 0) "
                              "+ (SELECT count(*) FROM incomes WHERE typeof (monthly_amount) <> 'integer' OR monthly_amount <= 0) "
                              "+ (SELECT count(*) FROM standards WHERE amount IS NOT NULL AND (typeof (amount) <> 'integer' OR amount <= 0)) "
                              "+ (SELECT count(*) FROM standards WHERE rate_bp IS NOT NULL AND (typeof (rate_bp) <> 'integer' OR rate_bp <= 0))"),
                   ==, 0);
  /* A paying case pays something; only low-income monitoring pays nothing. */
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM cases WHERE status = 'active' "
                              "AND (monthly_amount > 0) <> (program <> 'low_income')"), ==, 0);
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM cases WHERE status = 'active' AND (starts_on IS NULL OR starts_on > '2025-06-30')"), ==, 0);
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM cases WHERE status IN ('rejected', 'terminated') "
                              "AND (end_reason IS NULL OR end_reason = '')"), ==, 0);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM cases WHERE status = 'rejected'"), >, 0);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM cases WHERE status = 'terminated'"), >, 0);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM cases WHERE status = 'approved'"), >, 0);
  /* Person programs name their person, household programs do not. */
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM cases c JOIN programs p ON p.code = c.program "
                              "WHERE (p.unit = 'person') <> (c.person_id IS NOT NULL) "
                              "OR (c.person_id IS NOT NULL AND (SELECT household_id FROM persons WHERE id = c.person_id) <> c.household_id)"), ==, 0);

  /* History: starts with the application, dated in order, within the
   * demo's span, and ends in the case's status and amount. */
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM cases c WHERE "
                              "(SELECT status FROM case_history h WHERE h.case_id = c.id ORDER BY h.id LIMIT 1) IS NOT 'submitted' "
                              "OR (SELECT on_date FROM case_history h WHERE h.case_id = c.id ORDER BY h.id LIMIT 1) IS NOT c.applied_on "
                              "OR (SELECT status FROM case_history h WHERE h.case_id = c.id ORDER BY h.id DESC LIMIT 1) IS NOT c.status"), ==, 0);
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM cases c WHERE c.status = 'active' AND "
                              "(SELECT monthly_amount FROM case_history h WHERE h.case_id = c.id ORDER BY h.id DESC LIMIT 1) <> c.monthly_amount"), ==, 0);
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM case_history a JOIN case_history b ON b.case_id = a.case_id AND b.id = a.id + 1 "
                              "WHERE b.on_date < a.on_date"), ==, 0);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM case_history WHERE on_date > '2025-06-30' OR on_date < '2015-01-01'"), ==, 0);
  /* 24 months of history: something happened in the first and the last. */
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM case_history WHERE on_date BETWEEN '2023-07-01' AND '2023-07-31'"), >, 0);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM case_history WHERE on_date BETWEEN '2025-06-01' AND '2025-06-30'"), >, 0);

  /* Standards: raised every July, some before and some within the history;
   * the defaults of the rules come with the schema. */
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM standards WHERE kind = 'dibao' AND hukou = 'urban' AND effective_from < '2023-07-01'"), >=, 1);
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM standards WHERE kind = 'dibao' AND hukou = 'urban' AND effective_from >= '2023-07-01'"), ==, 2);
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM standards WHERE effective_from NOT LIKE '%-07-01' AND created_by <> 'system'"), ==, 0);
  g_assert_cmpint (query_int (handle,
                              "SELECT rate_bp FROM standards WHERE kind = 'tekun_basic_ratio' AND hukou = 'rural' AND created_by <> 'system'"), ==, 13000);

  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM users WHERE role = 'clerk'"), ==, 12);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM users WHERE role <> 'clerk'"), ==, 3);
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM case_history WHERE user_name NOT IN (SELECT name FROM users)"), ==, 0);

  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  check = query_text (handle, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
  /* The dropped indexes are back. */
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM sqlite_schema WHERE name = 'persons_active_id_number'"), ==, 1);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM sqlite_schema WHERE name = 'case_history_case'"), ==, 1);

  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM audit_log"), ==, 1);
  audit = query_text (handle, "SELECT table_name || ' ' || row_id || ' ' || action || ' ' || user_name FROM audit_log");
  g_assert_cmpstr (audit, ==, "households 0 demo tester");
  g_assert_cmpint (query_int (handle, "SELECT new_values ->> '$.households' FROM audit_log"), ==, N_HOUSEHOLDS);
  g_assert_cmpint (query_int (handle, "SELECT new_values ->> '$.seed' FROM audit_log"), ==, SEED);
  g_assert_cmpint (query_int (handle, "SELECT value FROM meta WHERE key = 'demo_seed'"), ==, SEED);

  sqlite3_close (handle);
}

/* The date of a case's newest amount: its last history row. */
#define SINCE "(SELECT max (on_date) FROM case_history h WHERE h.case_id = c.id)"

/* Left out: household cases whose members in the file today are not
 * those of the day of their newest amount, which the engine reading the
 * file cannot know.
 *  - A member born after that day: the engine refuses to compute for a
 *    day before a member's birth.  The demo records the birth from the
 *    month after, so this is a baby of the last month, or one born into a
 *    low-income household, whose amount (0) never changes.
 *  - For dibao, a member who died after that day: the file no longer
 *    lists them, while the amount counts them until the month after the
 *    death, which may lie beyond the end.
 * Person cases do not depend on the other members. */
#define MEMBERS_CHANGED_SINCE \
  "(c.person_id IS NULL AND EXISTS (SELECT 1 FROM persons p WHERE p.household_id = c.household_id " \
  "  AND (p.birth_date > " SINCE " OR (c.program LIKE 'dibao_%' AND p.left_reason = 'died' AND p.left_on > " SINCE "))))"

/* Every amount the demo writes comes from the benefit engine: the engine,
 * reading the case from the file (household, members, incomes, exclusions,
 * the case's own facts) and the standards in force on the day of the
 * case's newest amount, computes exactly the amount the case pays. */
static void
test_demo_amounts (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(JzDb) db = make_demo (fixture, "amounts.db", 2000, SEED);
  sqlite3 *handle = reader (db);
  sqlite3_stmt *stmt = NULL;
  guint checked[JZ_BENEFIT_N_PROGRAMS] = { 0 };
  guint n_checked = 0, n_excluded = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "SELECT c.id, c.program, c.monthly_amount, c.persons, " SINCE ", "
                                       MEMBERS_CHANGED_SINCE " FROM cases c WHERE c.status = 'active' ORDER BY c.id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(JzBenefitResult) result = NULL;
      g_autoptr(GError) error = NULL;
      gint64 id = sqlite3_column_int64 (stmt, 0);
      JzBenefitProgram program;

      g_assert_true (jz_benefit_program_from_code ((const char *) sqlite3_column_text (stmt, 1), &program));
      if (sqlite3_column_int (stmt, 5))
        {
          n_excluded++;
          continue;
        }

      result = jz_benefit_compute_case (db, id, (const char *) sqlite3_column_text (stmt, 4), &error);
      g_assert_no_error (error);
      g_assert_cmpint (result->total, ==, sqlite3_column_int64 (stmt, 2));
      if (program != JZ_BENEFIT_LOW_INCOME)
        g_assert_cmpint (result->persons, ==, sqlite3_column_int (stmt, 3));
      checked[program]++;
      n_checked++;
    }
  sqlite3_finalize (stmt);

  /* Every program but temporary assistance, which is paid once and never
   * active, is checked; few cases are left out. */
  g_test_message ("%u active cases computed again, %u left out", n_checked, n_excluded);
  for (guint p = 0; p < JZ_BENEFIT_N_PROGRAMS; p++)
    if (p != JZ_BENEFIT_TEMPORARY)
      g_assert_cmpuint (checked[p], >, 0);
  g_assert_cmpuint (n_checked, >, 1500);
  g_assert_cmpuint (n_excluded * 100, <, (n_checked + n_excluded) * 3);

  /* The newest amount of each active case carries the engine's breakdown,
   * which adds up to it; no other row does, beside the approvals of cases
   * that start paying after the end. */
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM cases c WHERE c.status = 'active' AND "
                              "(SELECT count(*) FROM case_history h WHERE h.case_id = c.id AND h.breakdown IS NOT NULL) <> 1"), ==, 0);
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM cases c JOIN case_history h ON h.case_id = c.id AND h.breakdown IS NOT NULL "
                              "WHERE h.id <> (SELECT max (id) FROM case_history x WHERE x.case_id = c.id) "
                              "OR c.status NOT IN ('active', 'approved') "
                              "OR (c.status = 'approved' AND c.starts_on <= '2025-06-30') "
                              "OR h.breakdown ->> '$.total' <> c.monthly_amount "
                              "OR h.breakdown ->> '$.program' <> c.program "
                              "OR (c.status = 'active' AND h.breakdown ->> '$.date' <> h.on_date) "
                              "OR json_array_length (h.breakdown, '$.lines') = 0 AND c.program <> 'low_income'"), ==, 0);
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM cases c JOIN case_history h ON h.case_id = c.id AND h.breakdown IS NOT NULL "
                              "WHERE (SELECT sum (l.value ->> '$.amount') FROM json_each (h.breakdown, '$.lines') l) "
                              "      IS NOT c.monthly_amount AND c.program <> 'low_income'"), ==, 0);
  /* Gradual exit is a decision of its own, explained as such. */
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM cases c JOIN case_history h ON h.case_id = c.id AND h.breakdown IS NOT NULL "
                              "WHERE c.exit_from IS NOT NULL AND h.on_date >= c.exit_from "
                              "AND h.breakdown ->> '$.lines[0].code' = 'gradual_exit'"), >, 0);

  sqlite3_close (handle);
}

/* Every kind of standard the schema knows has a value in force from the
 * demo's first standard on, for each hukou where it goes by hukou, and
 * the demo writes the benefit rules itself. */
static void
test_demo_standards (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(JzDb) db = make_demo (fixture, "standards.db", 20, SEED);
  sqlite3 *handle = reader (db);
  static const char * const own[] = {
    "dibao", "min_wage", "tekun_basic_ratio", "care_self_pct", "care_partial_pct", "care_full_pct",
    "increment_elderly_pct", "increment_minor_pct", "increment_severe_disability_pct",
    "increment_severe_illness_pct", "increment_sanwu_pct", "temp_illness_min", "temp_illness_max",
    "temp_education_min", "temp_education_max", "gradual_exit_months", "disability_living",
    "disability_care", "child_living",
  };

  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM standard_kinds k "
                              "JOIN (SELECT 'urban' AS hukou UNION ALL SELECT 'rural') u "
                              "WHERE NOT EXISTS (SELECT 1 FROM standards s WHERE s.kind = k.code "
                              "  AND s.hukou IS (CASE k.by_hukou WHEN 1 THEN u.hukou END) AND s.region_id IS NULL "
                              "  AND s.effective_from <= (SELECT min (effective_from) FROM standards WHERE kind = 'dibao'))"), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (own); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM standards WHERE kind = '%s' AND created_by = 'reviewer'", own[i]);

      g_assert_cmpint (query_int (handle, sql), >, 0);
    }
  g_assert_cmpint (query_int (handle, "SELECT rate_bp FROM standards WHERE kind = 'increment_minor_pct' AND created_by = 'reviewer'"), ==, 1000);
  g_assert_cmpint (query_int (handle, "SELECT rate_bp FROM standards WHERE kind = 'increment_sanwu_pct' AND created_by = 'reviewer'"), ==, 3000);
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM standards s JOIN standard_kinds k ON k.code = s.kind "
                              "WHERE (k.unit = 'bp') <> (s.rate_bp IS NOT NULL) OR (k.by_hukou = 1) <> (s.hukou IS NOT NULL)"), ==, 0);

  sqlite3_close (handle);
}

/* The facts the rules and the Tasks panel read: exclusions, 三无, the
 * workflow's dates and deadlines by the working-day calendar, the steps'
 * origins and times. */
static void
test_demo_workflow (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(JzDb) db = make_demo (fixture, "workflow.db", 2000, SEED);
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *handle = reader (db);
  sqlite3_stmt *stmt = NULL;
  guint overdue = 0, n_due = 0;

  /* Members left out of a dibao live in its household. */
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM case_exclusions"), >, 0);
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM case_exclusions e JOIN cases c ON c.id = e.case_id "
                              "JOIN persons p ON p.id = e.person_id "
                              "WHERE c.program NOT LIKE 'dibao_%' OR p.household_id <> c.household_id OR e.reason = ''"), ==, 0);
  /* 三无: alone, and living on nothing but a pension, if that. */
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM persons WHERE sanwu = 1"), >, 0);
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM persons p WHERE p.sanwu = 1 AND "
                              "((SELECT count(*) FROM persons o WHERE o.household_id = p.household_id) <> 1 "
                              "OR EXISTS (SELECT 1 FROM incomes i WHERE i.person_id = p.id AND i.kind <> 'pension'))"), ==, 0);

  /* The dates of the steps taken are those of the history. */
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM cases c WHERE "
                              "c.accepted_on IS NOT (SELECT on_date FROM case_history h WHERE h.case_id = c.id AND h.status = 'accepted') "
                              "OR c.investigated_on IS NOT (SELECT on_date FROM case_history h WHERE h.case_id = c.id AND h.status = 'investigating') "
                              "OR c.notice_from IS NOT (SELECT on_date FROM case_history h WHERE h.case_id = c.id AND h.status = 'village_notice') "
                              "OR c.reviewed_on IS NOT (SELECT on_date FROM case_history h WHERE h.case_id = c.id AND h.status = 'township_reviewed')"), ==, 0);
  /* The 7-day notice counts both ends; the township reviews after it. */
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM cases WHERE notice_from IS NOT NULL"), >, 0);
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM cases WHERE notice_from IS NOT NULL AND "
                              "(notice_to <> date (notice_from, '+6 days') OR reviewed_on <= notice_to)"), ==, 0);

  /* Reviews: every active dibao and tekun case has its next one, in the
   * last month or later but for a few missed, half-yearly for some. */
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM cases WHERE status = 'active' "
                              "AND (program LIKE 'dibao_%' OR program LIKE 'tekun_%') <> (next_review_on IS NOT NULL)"), ==, 0);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM cases WHERE unstable_income = 1 AND status = 'active'"), >, 0);
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM cases WHERE unstable_income = 1 AND program NOT LIKE 'dibao_%'"), ==, 0);
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM cases WHERE next_review_on BETWEEN '2025-06-01' AND '2025-06-30'"), >, 0);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM cases WHERE next_review_on < '2025-06-01'"), >, 0);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM cases WHERE next_review_on < '2025-06-01'") * 10, <,
                   query_int (handle, "SELECT count(*) FROM cases WHERE next_review_on IS NOT NULL"));

  /* Tekun: the county checks at least 30 % of what it decides on. */
  g_assert_cmpint (query_int (handle,
                              "SELECT sum (sampled) * 10 FROM cases WHERE program LIKE 'tekun_%' AND reviewed_on IS NOT NULL"), >=,
                   query_int (handle, "SELECT count(*) * 3 FROM cases WHERE program LIKE 'tekun_%' AND reviewed_on IS NOT NULL"));
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM cases WHERE (program = 'tekun_centralized') <> (institution IS NOT NULL)"), ==, 0);
  /* Temporary assistance: its kind and multiple; emergencies reviewed
   * after, but the latest. */
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM cases WHERE (program = 'temporary') <> (temp_kind IS NOT NULL AND temp_multiple_bp > 0) "
                              "OR (emergency = 1 AND (program <> 'temporary' OR temp_kind <> 'other' OR emergency_reviewed_on <= decided_on))"), ==, 0);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM cases WHERE emergency = 1 AND emergency_reviewed_on IS NOT NULL"), >, 0);
  /* The rest: a reason for each refusal, withdrawal, suspension and end. */
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM cases WHERE (status IN ('rejected', 'withdrawn', 'suspended', 'terminated')) "
                              "<> (reason IS NOT NULL AND reason <> '')"), ==, 0);

  /* Each step says where it came from and when it was taken, in order. */
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM case_history h WHERE h.from_status IS NOT "
                              "(SELECT p.status FROM case_history p WHERE p.case_id = h.case_id AND p.id < h.id ORDER BY p.id DESC LIMIT 1) "
                              "OR substr (h.at, 1, 11) <> h.on_date || 'T' OR length (h.at) <> 24 "
                              "OR EXISTS (SELECT 1 FROM case_history p WHERE p.case_id = h.case_id AND p.id < h.id AND p.at >= h.at)"), ==, 0);

  /* Applications under way at the end have the workflow's deadlines,
   * counted in working days of the calendar; a few are overdue. */
  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "SELECT status, accepted_on, investigated_on, reviewed_on, step_due_on, process_due_on, "
                                       "  process_limit_on, program LIKE 'tekun_%' FROM cases "
                                       "WHERE status IN ('accepted', 'investigating', 'village_notice', 'township_reviewed') "
                                       "ORDER BY id", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *status = (const char *) sqlite3_column_text (stmt, 0);
      const char *accepted = (const char *) sqlite3_column_text (stmt, 1);
      const char *step_due = (const char *) sqlite3_column_text (stmt, 4);
      const char *process_due = (const char *) sqlite3_column_text (stmt, 5);
      gboolean tekun = sqlite3_column_int (stmt, 7);
      g_autofree char *due = NULL;
      g_autofree char *process = jz_calendar_add_working_days (db, accepted, 30, &error);
      g_autofree char *limit = jz_calendar_add_working_days (db, accepted, 45, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (process_due, ==, process);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 6), ==, limit);

      if (g_str_equal (status, "accepted"))
        due = jz_calendar_add_working_days (db, accepted, 3, &error);
      else if (g_str_equal (status, "investigating"))
        due = tekun ? jz_calendar_add_working_days (db, (const char *) sqlite3_column_text (stmt, 2), 15, &error)
                    : g_strdup (process);
      else if (g_str_equal (status, "village_notice"))
        due = g_strdup (process);
      else
        due = jz_calendar_add_working_days (db, (const char *) sqlite3_column_text (stmt, 3), tekun ? 15 : 10, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (step_due, ==, due);

      n_due++;
      if (strcmp (step_due, "2025-06-30") < 0 || strcmp (process_due, "2025-06-30") < 0)
        overdue++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n_due, >, 20);
  g_assert_cmpuint (overdue, >, 0);
  g_assert_cmpuint (overdue * 2, <, n_due);
  /* Done, and decided steps have none. */
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM cases WHERE status IN ('active', 'suspended', 'terminated', 'rejected', 'withdrawn') "
                              "AND (step_due_on IS NOT NULL OR process_due_on IS NOT NULL)"), ==, 0);
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM cases WHERE status = 'approved' AND program <> 'temporary' "
                              "AND step_due_on IS NOT starts_on"), ==, 0);

  /* The Tasks panel has work to show on the last day: steps, some late,
   * and reviews. */
  steps = jz_workflow_list_steps (db, NULL, "2025-06-30", &error);
  g_assert_no_error (error);
  reviews = jz_workflow_list_reviews (db, NULL, "2025-06-30", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (steps->len, >, 0);
  g_assert_true (((JzTask *) g_ptr_array_index (steps, 0))->overdue);
  g_assert_cmpuint (reviews->len, >, 0);

  sqlite3_close (handle);
}

/* The care of dispersed tekun recipients, on the last day of the demo. */
#define CARE_END "2025-06-30"

/* Who the care panel lists: a dispersed tekun case decided and not ended,
 * the person alive in an open file. */
#define RECIPIENTS \
  "(SELECT DISTINCT p.id FROM cases c JOIN persons p ON p.id = c.person_id JOIN households h ON h.id = p.household_id " \
  " WHERE c.program = 'tekun_dispersed' AND c.status IN ('approved', 'active', 'suspended') " \
  " AND p.active = 1 AND h.status = 'open')"

/* The agreement of a recipient the panel shows: the one active, else the
 * newest draft. */
#define SHOWN_AGREEMENT(person) \
  "(SELECT id FROM care_agreements WHERE person_id = " person " AND status IN ('active', 'draft') " \
  " ORDER BY status = 'active' DESC, starts_on DESC, id DESC LIMIT 1)"

static char *
add_months_text (const char *date,
                 int         months,
                 int         days)
{
  GDate d;

  g_assert_true (jz_calendar_parse_date (date, &d));
  g_date_add_months (&d, (guint) months);
  if (days < 0)
    g_date_subtract_days (&d, (guint) -days);
  else
    g_date_add_days (&d, (guint) days);
  return jz_calendar_format_date (&d);
}

/* Every row of care is consistent with the rules of jz-care.h, the
 * standards and the calendar the core uses. */
static void
test_demo_care_rows (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(JzDb) db = make_demo (fixture, "care-rows.db", 2000, SEED);
  sqlite3 *handle = reader (db);
  sqlite3_stmt *stmt = NULL;
  guint n = 0, n_open = 0, n_answered = 0;

  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM " RECIPIENTS), >, 50);

  /* Care is recorded for the recipients, each assessed; the latest
   * assessment's tier is the person's self-care level, and every
   * assessment is by the township's clerk. */
  g_assert_cmpint (query_int (handle,
                              "SELECT (SELECT count(*) FROM care_assessments WHERE person_id NOT IN " RECIPIENTS ") "
                              "+ (SELECT count(*) FROM care_agreements WHERE person_id NOT IN " RECIPIENTS ") "
                              "+ (SELECT count(*) FROM care_visits WHERE person_id NOT IN " RECIPIENTS ") "
                              "+ (SELECT count(*) FROM care_changes WHERE person_id NOT IN " RECIPIENTS ")"), ==, 0);
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM persons p WHERE p.id IN " RECIPIENTS " AND p.self_care IS NOT "
                              "(SELECT tier FROM care_assessments a WHERE a.person_id = p.id "
                              " ORDER BY assessed_on DESC, id DESC LIMIT 1)"), ==, 0);
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM care_assessments a JOIN persons p ON p.id = a.person_id "
                              "JOIN households h ON h.id = p.household_id JOIN regions v ON v.id = h.region_id "
                              "WHERE a.assessor IS NOT (SELECT full_name FROM users u WHERE u.role = 'clerk' AND u.region_id = v.parent_id)"),
                   ==, 0);
  g_assert_cmpint (query_int (handle,
                              "SELECT count(DISTINCT person_id) FROM care_assessments GROUP BY person_id HAVING count(*) > 1 LIMIT 1"), >, 0);

  /* The tier of an assessment is the rule's, from the six activities. */
  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       /* SQLite's << binds no tighter than |. */
                                       "SELECT eating | (dressing << 1) | (transfer << 2) | (toileting << 3) | (walking << 4) "
                                       "| (bathing << 5), "
                                       "tier FROM care_assessments", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_assert_cmpstr (jz_care_tier_from_activities ((guint) sqlite3_column_int (stmt, 0)), ==,
                       (const char *) sqlite3_column_text (stmt, 1));
      n++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n, >, 50);
  g_assert_cmpint (query_int (handle, "SELECT count(DISTINCT tier) FROM care_assessments"), ==, 3);

  /* Agreements: the fee from the standards in force on the start, a term
   * of 12 months, numbered by township and year, signed on the start or a
   * few days before. */
  n = 0;
  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "SELECT a.tier, a.monthly_fee, a.township_id, a.starts_on, a.ends_on, a.number, r.code, "
                                       "p.self_care FROM care_agreements a JOIN regions r ON r.id = a.township_id "
                                       "JOIN persons p ON p.id = a.person_id ORDER BY a.id", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(GError) error = NULL;
      const char *tier = (const char *) sqlite3_column_text (stmt, 0);
      const char *starts_on = (const char *) sqlite3_column_text (stmt, 3);
      g_autofree char *ends_on = add_months_text (starts_on, 12, -1);
      g_autofree char *prefix = g_strdup_printf ("%s-%.4s-", (const char *) sqlite3_column_text (stmt, 6), starts_on);
      const char *number = (const char *) sqlite3_column_text (stmt, 5);
      JzStandardKind kind = g_str_equal (tier, "full_care") ? JZ_STANDARD_CARE_FULL_PCT
                            : g_str_equal (tier, "partial_care") ? JZ_STANDARD_CARE_PARTIAL_PCT
                            : JZ_STANDARD_CARE_SELF_PCT;
      gint64 rate = 0, wage = 0;

      g_assert_true (jz_standard_value_at (db, kind, JZ_STANDARD_HUKOU_ANY, sqlite3_column_int64 (stmt, 2),
                                           starts_on, &rate, &error));
      g_assert_true (jz_standard_value_at (db, JZ_STANDARD_MIN_WAGE, JZ_STANDARD_HUKOU_ANY, sqlite3_column_int64 (stmt, 2),
                                           starts_on, &wage, &error));
      g_assert_no_error (error);
      g_assert_cmpint (sqlite3_column_int64 (stmt, 1), ==, (rate * wage + 5000) / 10000);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 4), ==, ends_on);
      g_assert_true (g_str_has_prefix (number, prefix));
      g_assert_cmpuint (strlen (number), ==, strlen (prefix) + 4);
      g_assert_true (g_ascii_isdigit (number[strlen (number) - 1]));
      g_assert_cmpstr (tier, ==, (const char *) sqlite3_column_text (stmt, 7));
      n++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n, >, 100);
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM care_agreements WHERE status <> 'draft' AND "
                              "(signed_on > starts_on OR signed_on < date (starts_on, '-10 days'))"), ==, 0);
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM care_agreements a JOIN cases c ON c.id = a.case_id "
                              "WHERE c.person_id <> a.person_id OR c.program <> 'tekun_dispersed' OR a.signed_on < c.decided_on "
                              "OR a.starts_on < c.starts_on"), ==, 0);
  /* Numbers run in the order agreements start, from 1 each year. */
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM care_agreements a JOIN care_agreements b "
                              "ON substr (a.number, 1, 15) = substr (b.number, 1, 15) AND a.number < b.number "
                              "WHERE a.starts_on > b.starts_on"), ==, 0);
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM (SELECT substr (number, 1, 15) AS y, max (CAST (substr (number, 16) AS INTEGER)) AS last, "
                              "count(*) AS n FROM care_agreements GROUP BY y) WHERE last <> n"), ==, 0);

  /* One agreement in force at most; every one ended is continued by one
   * other: renewed the day after it expired, same caregiver, or replaced
   * from the day it was terminated after a failed evaluation, by another
   * caregiver. */
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM (SELECT person_id FROM care_agreements WHERE status = 'active' "
                              "GROUP BY person_id HAVING count(*) > 1)"), ==, 0);
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM (SELECT previous_id FROM care_agreements WHERE previous_id IS NOT NULL "
                              "GROUP BY previous_id HAVING count(*) > 1)"), ==, 0);
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM care_agreements p WHERE p.status IN ('expired', 'terminated') AND NOT EXISTS "
                              "(SELECT 1 FROM care_agreements n WHERE n.previous_id = p.id)"), ==, 0);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM care_agreements WHERE link = 'renewal'"), >, 0);
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM care_agreements n JOIN care_agreements p ON p.id = n.previous_id "
                              "WHERE n.link = 'renewal' AND (p.status <> 'expired' OR p.ended_on IS NOT p.ends_on "
                              "OR n.starts_on <> date (p.ends_on, '+1 day') OR n.caregiver_id <> p.caregiver_id "
                              "OR n.person_id <> p.person_id)"), ==, 0);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM care_agreements WHERE link = 'replacement'"), >, 0);
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM care_agreements n JOIN care_agreements p ON p.id = n.previous_id "
                              "WHERE n.link = 'replacement' AND (p.status <> 'terminated' OR p.ended_on IS NOT n.starts_on "
                              "OR n.caregiver_id = p.caregiver_id OR n.person_id <> p.person_id OR p.end_reason NOT LIKE '%评价不合格%' "
                              "OR (SELECT result FROM care_evaluations e WHERE e.agreement_id = p.id "
                              "    ORDER BY period_to DESC, id DESC LIMIT 1) IS NOT 'fail')"), ==, 0);
  /* A failed evaluation ends the agreement, but for the last ones of
   * agreements in force, not yet dealt with. */
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM care_evaluations e JOIN care_agreements a ON a.id = e.agreement_id "
                              "WHERE e.result = 'fail' AND a.status <> 'terminated' AND (a.status <> 'active' OR e.id <> "
                              "(SELECT id FROM care_evaluations x WHERE x.agreement_id = a.id ORDER BY period_to DESC, id DESC LIMIT 1))"),
                   ==, 0);

  /* Evaluations: score and result as the rule gives them, for a quarter of
   * the agreement, made after it; mostly passed. */
  n = 0;
  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "SELECT e.satisfaction, e.neighbours, e.village, e.score, e.result, e.period_from, e.period_to, "
                                       "a.starts_on FROM care_evaluations e JOIN care_agreements a ON a.id = e.agreement_id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *result = NULL;
      int score = jz_care_evaluation_score (sqlite3_column_int (stmt, 0), sqlite3_column_int (stmt, 1),
                                            sqlite3_column_int (stmt, 2), &result);
      const char *from = (const char *) sqlite3_column_text (stmt, 5);
      const char *starts_on = (const char *) sqlite3_column_text (stmt, 7);
      g_autofree char *to = NULL;
      guint quarter;

      g_assert_cmpint (sqlite3_column_int (stmt, 3), ==, score);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 4), ==, result);
      for (quarter = 0; quarter < 4; quarter++)
        {
          g_autofree char *start = add_months_text (starts_on, 3 * (int) quarter, 0);

          if (g_str_equal (start, from))
            break;
        }
      g_assert_cmpuint (quarter, <, 4);
      to = add_months_text (starts_on, 3 * ((int) quarter + 1), -1);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 6), ==, to);
      n++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n, >, 100);
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM care_evaluations e JOIN care_agreements a ON a.id = e.agreement_id "
                              "WHERE e.evaluated_on <= e.period_to OR (a.status = 'terminated' AND e.evaluated_on > a.ended_on) "
                              "OR e.evaluator = '' OR e.opinion = ''"), ==, 0);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM care_evaluations WHERE result = 'pass'"), >,
                   query_int (handle, "SELECT count(*) FROM care_evaluations WHERE result <> 'pass'") * 4);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM care_evaluations WHERE result = 'basic_pass'"), >, 0);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM care_evaluations WHERE result = 'fail'"), >, 0);

  /* Visits: by two, mostly at home, under the agreement in force that
   * day; a check not in order comes with findings and a follow-up. */
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM care_visits v LEFT JOIN care_agreements a ON a.id = v.agreement_id "
                              "WHERE v.visitors NOT LIKE '_%、_%' "
                              "OR (v.checks = 127) <> (v.findings = '') OR (v.checks = 127) <> (v.follow_up_due IS NULL) "
                              "OR v.follow_up_done < v.visited_on "
                              "OR (a.id IS NOT NULL AND (a.person_id <> v.person_id OR a.signed_on > v.visited_on "
                              "    OR a.starts_on > v.visited_on OR coalesce (a.ended_on, a.ends_on) < v.visited_on))"), ==, 0);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM care_visits WHERE method = 'home'"), >,
                   query_int (handle, "SELECT count(*) FROM care_visits WHERE method = 'phone'") * 3);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM care_visits WHERE method = 'phone'"), >, 0);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM care_visits WHERE checks <> 127"), >, 0);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM care_visits WHERE checks <> 127"), <,
                   query_int (handle, "SELECT count(*) FROM care_visits") / 4);

  /* Caregivers: made-up people with valid ID numbers given to no one
   * else, and organisations with their legal representative. */
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT id_number FROM caregivers", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(GError) error = NULL;
      JzIdNumber id;
      GDate today;

      g_date_clear (&today, 1);
      g_date_set_dmy (&today, 30, G_DATE_JUNE, 2025);
      g_assert_true (jz_id_number_parse ((const char *) sqlite3_column_text (stmt, 0), &today, &id, &error));
      g_assert_no_error (error);
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM caregivers WHERE id_number IN (SELECT id_number FROM persons) "
                              "OR (kind = 'organisation') <> (legal_representative <> '') OR phone = '' OR address = '' "
                              "OR length (bank_account) <> 19"), ==, 0);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM (SELECT id_number FROM caregivers GROUP BY 1 HAVING count(*) > 1)"), ==, 0);
  g_assert_cmpint (query_int (handle, "SELECT count(DISTINCT kind) FROM caregivers"), ==, 2);
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM care_agreements a JOIN caregivers g ON g.id = a.caregiver_id "
                              "WHERE (g.kind = 'organisation') <> (a.relation = '养老服务机构') OR a.relation = ''"), ==, 0);
  g_assert_cmpint (query_int (handle, "SELECT count(DISTINCT relation) FROM care_agreements"), >=, 4);

  /* Changes: due in 10 working days of the calendar; answered by the
   * first assessment on or after them, or still waiting with none since. */
  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "SELECT reported_on, due_on, assessment_id, "
                                       "(SELECT id FROM care_assessments a WHERE a.person_id = c.person_id AND a.assessed_on >= c.reported_on "
                                       " ORDER BY assessed_on, id LIMIT 1) FROM care_changes c", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *due = jz_calendar_add_working_days (db, (const char *) sqlite3_column_text (stmt, 0), 10, &error);

      g_assert_no_error (error);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, due);
      g_assert_cmpint (sqlite3_column_int64 (stmt, 2), ==, sqlite3_column_int64 (stmt, 3));
      if (sqlite3_column_type (stmt, 2) == SQLITE_NULL)
        n_open++;
      else
        n_answered++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n_open, >, 0);
  g_assert_cmpuint (n_answered, >, 0);

  /* Nothing happened after the last day: only deadlines and the ends of
   * agreements in force lie beyond it. */
  g_assert_cmpint (query_int (handle,
                              "SELECT (SELECT count(*) FROM care_assessments WHERE assessed_on > '" CARE_END "') "
                              "+ (SELECT count(*) FROM care_changes WHERE reported_on > '" CARE_END "') "
                              "+ (SELECT count(*) FROM care_agreements WHERE starts_on > '" CARE_END "' OR signed_on > '" CARE_END "' "
                              "   OR ended_on > '" CARE_END "' OR (status = 'expired' AND ends_on > '" CARE_END "')) "
                              "+ (SELECT count(*) FROM care_visits WHERE visited_on > '" CARE_END "' OR follow_up_done > '" CARE_END "') "
                              "+ (SELECT count(*) FROM care_evaluations WHERE evaluated_on > '" CARE_END "' OR period_to > '" CARE_END "')"),
                   ==, 0);

  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  sqlite3_close (handle);
}

/* What the Care panel shows on the last day: most recipients have an
 * agreement in force and a recent visit, and each gap is there. */
static void
test_demo_care_gaps (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(JzDb) db = make_demo (fixture, "care-gaps.db", 2000, SEED);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *handle = reader (db);
  gboolean lapsed = FALSE, none = FALSE;
  JzCareStats stats;
  gint64 recipients;

  g_assert_true (jz_care_stats (db, NULL, CARE_END, &stats, &error));
  g_assert_no_error (error);
  all = jz_care_list_recipients (db, NULL, JZ_CARE_FILTER_ALL, CARE_END, &error);
  g_assert_no_error (error);
  g_test_message ("recipients %u, with an agreement %u, expiring %u, visit overdue %u, failed open %u",
                  stats.recipients, stats.with_agreement, stats.expiring, stats.visit_overdue, stats.failed_open);

  recipients = query_int (handle, "SELECT count(*) FROM " RECIPIENTS);
  g_assert_cmpint (stats.recipients, ==, recipients);
  g_assert_cmpuint (all->len, ==, stats.recipients);

  /* In force: active and not past its end. */
  g_assert_cmpint (stats.with_agreement, ==,
                   query_int (handle,
                              "SELECT count(*) FROM care_agreements WHERE status = 'active' AND ends_on >= '" CARE_END "' "
                              "AND person_id IN " RECIPIENTS));
  g_assert_cmpint (stats.expiring, ==,
                   query_int (handle,
                              "SELECT count(*) FROM care_agreements WHERE status = 'active' "
                              "AND ends_on BETWEEN '" CARE_END "' AND date ('" CARE_END "', '+30 days') AND person_id IN " RECIPIENTS));
  g_assert_cmpint (stats.failed_open, ==,
                   query_int (handle,
                              "SELECT count(*) FROM care_agreements a WHERE a.status = 'active' AND a.person_id IN " RECIPIENTS " "
                              "AND (SELECT result FROM care_evaluations e WHERE e.agreement_id = a.id "
                              "     ORDER BY period_to DESC, id DESC LIMIT 1) = 'fail'"));
  /* Overdue: the last visit (else the signature of the agreement shown,
   * else the decision) more than a month before the end. */
  g_assert_cmpint (stats.visit_overdue, ==,
                   query_int (handle,
                              "SELECT count(*) FROM " RECIPIENTS " r WHERE coalesce ("
                              " (SELECT max (visited_on) FROM care_visits v WHERE v.person_id = r.id), "
                              " (SELECT signed_on FROM care_agreements WHERE id = " SHOWN_AGREEMENT ("r.id") "), "
                              " (SELECT min (coalesce (decided_on, starts_on, applied_on)) FROM cases c WHERE c.person_id = r.id "
                              "  AND c.program = 'tekun_dispersed' AND c.status IN ('approved', 'active', 'suspended'))) "
                              "< date ('" CARE_END "', '-1 month')"));
  g_assert_cmpuint (stats.visits_on_time + stats.visit_overdue, ==, stats.recipients);

  /* The gaps, each a small share. */
  g_assert_cmpuint (stats.with_agreement, <, stats.recipients);
  g_assert_cmpuint (stats.with_agreement * 100, >=, stats.recipients * 80);
  g_assert_cmpuint (stats.expiring, >, 0);
  g_assert_cmpuint (stats.expiring * 100, <=, stats.recipients * 12);
  g_assert_cmpuint (stats.visit_overdue, >, 0);
  g_assert_cmpuint (stats.visit_overdue * 100, <=, stats.recipients * 20);
  g_assert_cmpuint (stats.failed_open, >, 0);
  g_assert_cmpuint (stats.failed_open * 100, <=, stats.recipients * 10);

  /* Without one in force: some never signed any, some let theirs lapse. */
  missing = jz_care_list_recipients (db, NULL, JZ_CARE_FILTER_NO_AGREEMENT, CARE_END, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (missing->len, ==, stats.recipients - stats.with_agreement);
  for (guint i = 0; i < missing->len; i++)
    {
      const JzCareRecipient *r = g_ptr_array_index (missing, i);

      lapsed |= r->agreement_id != 0 && r->state == JZ_CARE_STATE_LAPSED;
      none |= r->agreement_id == 0;
    }
  g_assert_true (lapsed);
  g_assert_true (none);
  /* A reported change awaits its reassessment for some. */
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM care_changes WHERE assessment_id IS NULL AND person_id IN " RECIPIENTS), >, 0);

  sqlite3_close (handle);
}

/* --- payment rolls ------------------------------------------------------ */

/* What a case's history has in force on @day: its newest row on or before
 * it. */
#define IN_FORCE(column, case_id, day) \
  "(SELECT h." column " FROM case_history h WHERE h.case_id = " case_id " AND h.on_date <= " day \
  " ORDER BY h.on_date DESC, h.id DESC LIMIT 1)"
/* Case c is of the programs and the township of roll r. */
#define OF_ROLL \
  "instr (',' || r.programs || ',', ',' || c.program || ',') > 0 AND " \
  "(SELECT v.parent_id FROM households hh JOIN regions v ON v.id = hh.region_id WHERE hh.id = c.household_id) = r.township_id"
/* Case c is paid on roll r's first day. */
#define PAID_ON_ROLL \
  "c.starts_on <= r.period_from AND " IN_FORCE ("monthly_amount", "c.id", "r.period_from") " > 0"

static void
exec_refused (sqlite3    *handle,
              const char *sql)
{
  char *message = NULL;

  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, &message), ==, SQLITE_CONSTRAINT);
  g_assert_cmpstr (message, ==, "a locked roll never changes");
  sqlite3_free (message);
}

/* jz_roll_diff (@a, @b) as text, one change a line. */
static char *
roll_diff_text (JzDb   *db,
                gint64  a,
                gint64  b,
                guint   counts[3])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = jz_roll_diff (db, a, b, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < changes->len; i++)
    {
      const JzRollChange *change = g_ptr_array_index (changes, i);

      g_string_append_printf (text, "%" G_GINT64_FORMAT " %s %s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n",
                              change->household_id, change->program, change->change,
                              change->old_amount, change->new_amount);
      counts[g_str_equal (change->change, "new") ? 0 : g_str_equal (change->change, "stopped") ? 1 : 2]++;
    }
  return g_string_free (text, FALSE);
}

/* The same from the cases and their history, not from the rolls: by
 * household and program, what the cases in payment on each first day were
 * paid, where the two differ. */
static char *
history_diff_text (sqlite3_stmt *stmt)
{
  GString *text = g_string_new (NULL);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gboolean had = sqlite3_column_type (stmt, 2) != SQLITE_NULL;
      gboolean has = sqlite3_column_type (stmt, 3) != SQLITE_NULL;

      g_string_append_printf (text, "%" G_GINT64_FORMAT " %s %s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n",
                              (gint64) sqlite3_column_int64 (stmt, 0), sqlite3_column_text (stmt, 1),
                              !had ? "new" : !has ? "stopped" : "changed",
                              (gint64) sqlite3_column_int64 (stmt, 2), (gint64) sqlite3_column_int64 (stmt, 3));
    }
  sqlite3_reset (stmt);
  return g_string_free (text, FALSE);
}

/* The rolls of the history: a township's dibao, subsidies and tekun for
 * every period, each case in payment on the period's first day with the
 * amount its history has in force then, locked and paid, the triggers
 * guarding them, and the 增减 from one to the next what the cases did. */
static void
test_demo_rolls (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(JzDb) db = make_demo (fixture, "rolls.db", 2000, SEED);
  g_autoptr(JzHolidaySet) calendar = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  sqlite3 *handle = reader (db);
  sqlite3 *writer = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3_stmt *expected = NULL;
  guint counts[3] = { 0 };
  guint pairs = 0;
  gint64 lines;

  /* 24 months and the 8 quarters within them, for each of the 12
   * townships, no roll twice. */
  g_assert_cmpint (query_int (handle, "SELECT count(DISTINCT period) FROM rolls WHERE months = 1"), ==, 24);
  g_assert_cmpint (query_int (handle, "SELECT count(DISTINCT period) FROM rolls WHERE months = 3"), ==, 8);
  first = query_text (handle, "SELECT min (period) || ' ' || max (period) FROM rolls WHERE months = 1");
  g_assert_cmpstr (first, ==, "2023-07 2025-06");
  last = query_text (handle, "SELECT min (period) || ' ' || max (period) FROM rolls WHERE months = 3");
  g_assert_cmpstr (last, ==, "2023-Q3 2025-Q2");
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM rolls"), ==, 12 * (24 * 2 + 8));
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM (SELECT 1 FROM rolls GROUP BY programs, period, township_id "
                              "HAVING count(*) > 1)"), ==, 0);
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM rolls r LEFT JOIN regions t ON t.id = r.township_id "
                              "WHERE t.level IS NOT 'township' "
                              "OR NOT ((r.programs IN ('dibao_urban,dibao_rural', 'disability_living,disability_care,child_living') "
                              "         AND r.months = 1 AND r.period NOT LIKE '%Q%') "
                              "     OR (r.programs = 'tekun_dispersed' AND r.months = 3 AND r.period LIKE '____-Q_'))"), ==, 0);

  /* The periods as the core reads them. */
  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "SELECT DISTINCT period, period_from, period_to, months, due_on FROM rolls",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *from = NULL, *to = NULL, *due = NULL;
      int months = 0;

      g_assert_true (jz_roll_parse_period ((const char *) sqlite3_column_text (stmt, 0), &from, &to, &months, &due));
      g_assert_cmpstr (from, ==, (const char *) sqlite3_column_text (stmt, 1));
      g_assert_cmpstr (to, ==, (const char *) sqlite3_column_text (stmt, 2));
      g_assert_cmpint (months, ==, sqlite3_column_int (stmt, 3));
      g_assert_cmpstr (due, ==, (const char *) sqlite3_column_text (stmt, 4));
    }
  sqlite3_finalize (stmt);

  /* Made and checked by the township's clerk, locked by the reviewer,
   * paid by the 10th or a few days late, never after the end. */
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM rolls r WHERE r.status <> 'paid' OR r.version <> 3 "
                              "OR r.created_by IS NOT (SELECT name FROM users u WHERE u.role = 'clerk' AND u.region_id = r.township_id) "
                              "OR r.checked_by IS NOT r.created_by OR r.locked_by IS NOT 'reviewer' "
                              "OR substr (r.created_at, 1, 10) < r.period_from OR r.locked_at <= r.created_at "
                              "OR substr (r.locked_at, 1, 10) > r.paid_on OR r.paid_on > '2025-06-30' "
                              "OR r.paid_on NOT BETWEEN date (r.period_from, '+2 days') AND date (r.period_from, '+14 days')"), ==, 0);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM rolls WHERE paid_on > due_on"), >, 0);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM rolls WHERE paid_on > due_on") * 10, <,
                   query_int (handle, "SELECT count(*) FROM rolls"));
  calendar = jz_holiday_set_load (db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT substr (created_at, 1, 10), substr (locked_at, 1, 10), paid_on FROM rolls",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int i = 0; i < 3; i++)
      {
        GDate day;

        g_assert_true (jz_calendar_parse_date ((const char *) sqlite3_column_text (stmt, i), &day));
        g_assert_true (jz_holiday_set_is_working_day (calendar, &day));
      }
  sqlite3_finalize (stmt);

  /* Lines and totals add up; regular lines only, for the roll's months. */
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM rolls r WHERE r.lines <> (SELECT count(*) FROM roll_lines l WHERE l.roll_id = r.id) "
                              "OR r.total <> (SELECT sum (amount) FROM roll_lines l WHERE l.roll_id = r.id) OR r.lines = 0"), ==, 0);
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM roll_lines l JOIN rolls r ON r.id = l.roll_id "
                              "WHERE l.kind <> 'regular' OR l.corrects IS NOT NULL OR l.reason IS NOT NULL "
                              "OR l.months <> r.months OR l.amount <> l.monthly_amount * l.months OR l.monthly_amount <= 0 "
                              "OR typeof (l.amount) <> 'integer' "
                              "OR instr (',' || r.programs || ',', ',' || l.program || ',') = 0 "
                              "OR l.household_id <> (SELECT household_id FROM cases c WHERE c.id = l.case_id) "
                              "OR l.program <> (SELECT program FROM cases c WHERE c.id = l.case_id)"), ==, 0);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM (SELECT 1 FROM roll_lines GROUP BY roll_id, case_id HAVING count(*) > 1)"), ==, 0);

  /* Each line pays what the case's history has in force on the period's
   * first day; no case is paid before it starts, while suspended, or once
   * it ended. */
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM roll_lines l JOIN rolls r ON r.id = l.roll_id JOIN cases c ON c.id = l.case_id "
                              "WHERE NOT (" OF_ROLL ") "
                              "OR c.starts_on > r.period_from OR c.ended_on <= r.period_from "
                              "OR " IN_FORCE ("monthly_amount", "c.id", "r.period_from") " IS NOT l.monthly_amount "
                              "OR " IN_FORCE ("status", "c.id", "r.period_from") " IS NOT 'active'"), ==, 0);
  /* And each case in payment then is on the roll. */
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM rolls r JOIN cases c ON " OF_ROLL " AND " PAID_ON_ROLL " "
                              "WHERE NOT EXISTS (SELECT 1 FROM roll_lines l WHERE l.roll_id = r.id AND l.case_id = c.id)"), ==, 0);
  /* Cases that stopped or were suspended in the history were paid before. */
  g_assert_cmpint (query_int (handle,
                              "SELECT count(DISTINCT l.case_id) FROM roll_lines l JOIN cases c ON c.id = l.case_id "
                              "WHERE c.status = 'terminated'"), >, 0);
  g_assert_cmpint (query_int (handle,
                              "SELECT count(DISTINCT l.case_id) FROM roll_lines l JOIN cases c ON c.id = l.case_id "
                              "WHERE c.status = 'suspended'"), >, 0);

  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM sqlite_schema WHERE name IN ('roll_lines_roll', 'roll_lines_case', 'rolls_period')"), ==, 3);
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name IN ('roll_lines_locked_insert', "
                              "'roll_lines_locked_update', 'roll_lines_locked_delete', 'rolls_locked_update', 'rolls_locked_delete')"), ==, 5);

  /* Between two periods, by household and program, the rolls differ by
   * the cases that started, ended or changed: from the cases and their
   * history, not from the rolls. */
  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "WITH paid AS ("
                                       "  SELECT c.household_id, c.program, "
                                       "    CASE WHEN c.starts_on <= ?3 THEN " IN_FORCE ("monthly_amount", "c.id", "?3") " END AS a, "
                                       "    CASE WHEN c.starts_on <= ?4 THEN " IN_FORCE ("monthly_amount", "c.id", "?4") " END AS b "
                                       "  FROM cases c JOIN households hh ON hh.id = c.household_id JOIN regions v ON v.id = hh.region_id "
                                       "  WHERE v.parent_id = ?1 AND instr (',' || ?2 || ',', ',' || c.program || ',') > 0), "
                                       "x AS (SELECT household_id, program, sum (a) AS amount FROM paid WHERE a > 0 GROUP BY 1, 2), "
                                       "y AS (SELECT household_id, program, sum (b) AS amount FROM paid WHERE b > 0 GROUP BY 1, 2) "
                                       "SELECT coalesce (x.household_id, y.household_id) AS household, coalesce (x.program, y.program) AS program, "
                                       "  x.amount, y.amount "
                                       "FROM x FULL JOIN y ON y.household_id = x.household_id AND y.program = x.program "
                                       "WHERE x.amount IS NOT y.amount ORDER BY household, program",
                                       -1, &expected, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "SELECT a.id, b.id, a.township_id, a.programs, a.period_from, b.period_from "
                                       "FROM rolls a JOIN rolls b ON b.programs = a.programs AND b.township_id = a.township_id "
                                       "AND b.period_from = date (a.period_from, '+' || a.months || ' months') ORDER BY a.id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *rolls = NULL;
      g_autofree char *history = NULL;

      for (int i = 1; i <= 4; i++)
        sqlite3_bind_value (expected, i, sqlite3_column_value (stmt, i + 1));
      rolls = roll_diff_text (db, sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1), counts);
      history = history_diff_text (expected);
      g_assert_cmpstr (rolls, ==, history);
      pairs++;
    }
  sqlite3_finalize (stmt);
  sqlite3_finalize (expected);
  g_test_message ("%u pairs of rolls: %u new, %u stopped, %u changed", pairs, counts[0], counts[1], counts[2]);
  g_assert_cmpuint (pairs, ==, 12 * (23 * 2 + 7));
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (counts[i], >, 0);

  /* A locked roll never changes, whoever writes. */
  before = content_checksum (db);
  g_assert_cmpint (sqlite3_open_v2 (jz_db_get_path (db), &writer, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  exec_refused (writer, "UPDATE roll_lines SET amount = amount + 1 WHERE id = (SELECT min (id) FROM roll_lines)");
  exec_refused (writer, "DELETE FROM roll_lines WHERE roll_id = 1");
  exec_refused (writer,
                "INSERT INTO roll_lines (roll_id, case_id, household_id, program, months, monthly_amount, amount) "
                "SELECT roll_id, case_id, household_id, program, months, monthly_amount, amount FROM roll_lines WHERE id = 1");
  exec_refused (writer, "UPDATE rolls SET total = total + 1 WHERE id = 1");
  exec_refused (writer, "UPDATE rolls SET status = 'locked' WHERE id = 1");
  exec_refused (writer, "DELETE FROM rolls WHERE id = 1");
  sqlite3_close (writer);
  after = content_checksum (db);
  g_assert_cmpstr (before, ==, after);

  /* The engine, reading the file, finds almost nothing to correct in the
   * last rolls when the next are made: what they paid is what it gives. */
  {
    g_autoptr(JzUser) reviewer = jz_user_get_by_name (db, "reviewer", &error);
    gint64 next = 0;

    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT id FROM regions WHERE level = 'township' ORDER BY code", -1, &stmt, NULL),
                     ==, SQLITE_OK);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        static const char * const next_rolls[][2] = {
          { "dibao_urban,dibao_rural", "2025-07" },
          { "disability_living,disability_care,child_living", "2025-07" },
          { "tekun_dispersed", "2025-Q3" },
        };

        for (guint i = 0; i < G_N_ELEMENTS (next_rolls); i++)
          {
            next = jz_roll_generate (db, reviewer, next_rolls[i][0], next_rolls[i][1], sqlite3_column_int64 (stmt, 0), &error);
            g_assert_no_error (error);
            g_assert_cmpint (next, >, 0);
          }
        /* Those of the history are there already. */
        g_assert_cmpint (jz_roll_generate (db, reviewer, "dibao_rural,dibao_urban", "2025-06", sqlite3_column_int64 (stmt, 0), &error),
                         ==, 0);
        g_assert_error (error, JZ_ROLL_ERROR, JZ_ROLL_ERROR_EXISTS);
        g_clear_error (&error);
      }
    sqlite3_finalize (stmt);
    lines = query_int (handle, "SELECT count(*) FROM roll_lines l JOIN rolls r ON r.id = l.roll_id WHERE r.period IN ('2025-06', '2025-Q2')");
    g_test_message ("%" G_GINT64_FORMAT " corrections of %" G_GINT64_FORMAT " lines",
                    query_int (handle, "SELECT count(*) FROM roll_lines WHERE kind <> 'regular'"), lines);
    g_assert_cmpint (query_int (handle, "SELECT count(*) FROM roll_lines WHERE kind <> 'regular'") * 100, <=, lines);
  }

  sqlite3_close (handle);
}

/* The month of the end has its rolls once they are due, on the 10th. */
static void
test_demo_rolls_end (Fixture       *fixture,
                     gconstpointer  data)
{
  static const struct
  {
    int         day;
    const char *periods;
  } ends[] = {
    { 9,  "2023-07 2025-05 2023-Q3 2025-Q2" },
    { 10, "2023-07 2025-06 2023-Q3 2025-Q2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    {
      g_autofree char *name = g_strdup_printf ("end-%d.db", ends[i].day);
      g_autofree char *end = g_strdup_printf ("'2025-06-%02d'", ends[i].day);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM rolls WHERE paid_on > %s OR created_at > %s", end, end);
      g_autofree char *periods = NULL;
      g_autoptr(JzDb) db = open_db (fixture, name);
      g_autoptr(GError) error = NULL;
      JzDemoOptions options;
      sqlite3 *handle;

      demo_options (&options, 300, SEED);
      g_date_set_day (&options.end, (GDateDay) ends[i].day);
      g_assert_true (jz_demo_generate (db, &options, &error));
      g_assert_no_error (error);

      handle = reader (db);
      periods = query_text (handle,
                            "SELECT (SELECT min (period) || ' ' || max (period) FROM rolls WHERE months = 1) || ' ' || "
                            "(SELECT min (period) || ' ' || max (period) FROM rolls WHERE months = 3)");
      g_assert_cmpstr (periods, ==, ends[i].periods);
      g_assert_cmpint (query_int (handle, sql), ==, 0);
      sqlite3_close (handle);
    }
}

static void
test_demo_deterministic (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(JzDb) a = make_demo (fixture, "a.db", N_HOUSEHOLDS, SEED);
  g_autoptr(JzDb) b = make_demo (fixture, "b.db", N_HOUSEHOLDS, SEED);
  g_autoptr(JzDb) c = make_demo (fixture, "c.db", N_HOUSEHOLDS, SEED + 1);
  g_autofree char *sum_a = content_checksum (a);
  g_autofree char *sum_b = content_checksum (b);
  g_autofree char *sum_c = content_checksum (c);

  /* The sums cover the care of the recipients and the rolls too. */
  g_assert_cmpint (jz_db_count_rows (a, "care_agreements", NULL), >, 0);
  g_assert_cmpint (jz_db_count_rows (a, "care_visits", NULL), >, 0);
  g_assert_cmpint (jz_db_count_rows (a, "rolls", NULL), >, 0);
  g_assert_cmpint (jz_db_count_rows (a, "roll_lines", NULL), >, 0);
  g_assert_cmpstr (sum_a, ==, sum_b);
  g_assert_cmpstr (sum_a, !=, sum_c);

  /* A roll or a line changed, past the triggers that guard them, shows. */
  {
    static const char * const changes[][2] = {
      { "DROP TRIGGER roll_lines_locked_update; UPDATE roll_lines SET monthly_amount = monthly_amount + 1 WHERE id = 1",
        "UPDATE roll_lines SET monthly_amount = monthly_amount - 1 WHERE id = 1" },
      { "DROP TRIGGER rolls_locked_update; UPDATE rolls SET paid_on = date (paid_on, '+1 day') WHERE id = 1",
        "UPDATE rolls SET paid_on = date (paid_on, '-1 day') WHERE id = 1" },
    };
    sqlite3 *writer = NULL;

    g_assert_cmpint (sqlite3_open_v2 (jz_db_get_path (b), &writer, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
    for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
      {
        g_autofree char *changed = NULL;
        g_autofree char *undone = NULL;

        g_assert_cmpint (sqlite3_exec (writer, changes[i][0], NULL, NULL, NULL), ==, SQLITE_OK);
        changed = content_checksum (b);
        g_assert_cmpstr (changed, !=, sum_a);
        g_assert_cmpint (sqlite3_exec (writer, changes[i][1], NULL, NULL, NULL), ==, SQLITE_OK);
        undone = content_checksum (b);
        /* The schema is not in the sum, only the rows. */
        g_assert_cmpstr (undone, ==, sum_a);
      }
    sqlite3_close (writer);
  }
}

static void
test_demo_refused (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(JzDb) db = make_demo (fixture, "twice.db", 100, SEED);
  g_autoptr(JzDb) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = content_checksum (db);
  g_autofree char *after = NULL;
  JzDemoOptions options;

  demo_options (&options, 100, SEED + 7);
  g_assert_false (jz_demo_generate (db, &options, &error));
  g_assert_error (error, JZ_DEMO_ERROR, JZ_DEMO_ERROR_NOT_EMPTY);
  after = content_checksum (db);
  g_assert_cmpstr (before, ==, after);
  g_clear_error (&error);

  /* Out of range: nothing written, the database stays empty. */
  other = open_db (fixture, "invalid.db");
  demo_options (&options, 0, SEED);
  g_assert_false (jz_demo_generate (other, &options, &error));
  g_assert_error (error, JZ_DEMO_ERROR, JZ_DEMO_ERROR_INVALID);
  g_clear_error (&error);
  demo_options (&options, 10, SEED);
  g_date_clear (&options.end, 1);
  g_assert_false (jz_demo_generate (other, &options, &error));
  g_assert_error (error, JZ_DEMO_ERROR, JZ_DEMO_ERROR_INVALID);
  g_assert_cmpint (jz_db_count_rows (other, "regions", NULL), ==, 0);
}

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  guint *last = user_data;

  g_assert_cmpuint (done, >, *last);
  g_assert_cmpuint (done, <=, total);
  *last = done;
}

/* Even the smallest demo is complete and reports its progress. */
static void
test_demo_small (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(JzDb) db = open_db (fixture, "small.db");
  g_autoptr(GError) error = NULL;
  JzDemoOptions options;
  guint last = 0;
  sqlite3 *handle;

  demo_options (&options, 9, 1);
  options.progress = progress_cb;
  options.progress_data = &last;
  g_assert_true (jz_demo_generate (db, &options, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (last, ==, 9);

  handle = reader (db);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM households"), ==, 9);
  g_assert_cmpint (query_int (handle, "SELECT count(DISTINCT program) FROM cases"), ==, 9);
  sqlite3_close (handle);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/demo/regions", test_demo_regions);
  ADD ("/demo/households", test_demo_households);
  ADD ("/demo/id-numbers", test_demo_id_numbers);
  ADD ("/demo/id-numbers-stdnum", test_demo_id_numbers_stdnum);
  ADD ("/demo/cases", test_demo_cases);
  ADD ("/demo/amounts", test_demo_amounts);
  ADD ("/demo/standards", test_demo_standards);
  ADD ("/demo/workflow", test_demo_workflow);
  ADD ("/demo/care-rows", test_demo_care_rows);
  ADD ("/demo/care-gaps", test_demo_care_gaps);
  ADD ("/demo/rolls", test_demo_rolls);
  ADD ("/demo/rolls-end", test_demo_rolls_end);
  ADD ("/demo/deterministic", test_demo_deterministic);
  ADD ("/demo/refused", test_demo_refused);
  ADD ("/demo/small", test_demo_small);

#undef ADD

  return g_test_run ();
}
