/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "jz-demo.h"
#include "jz-household-query-private.h"
#include "jz-household.h"
#include "jz-id-number.h"
#include "jz-test-util.h"

/* --- helpers ------------------------------------------------------------------ */

/* A valid ID number born on @birth (YYYYMMDD) with order code @order. */
static char *
make_id (const char *birth,
         guint       order)
{
  char first17[18];

  g_snprintf (first17, sizeof first17, "110105%s%03u", birth, order % 1000);
  return g_strdup_printf ("%s%c", first17, jz_id_number_check_char (first17));
}

static JzPerson *
make_person (const char *name,
             const char *id_number,
             const char *relation)
{
  JzPerson *person = jz_person_new ();

  person->name = g_strdup (name);
  person->id_number = g_strdup (id_number);
  g_free (person->relation);
  person->relation = g_strdup (relation);
  return person;
}

static gint64
add_household (JzTestDb   *t,
               gint64      village,
               const char *head_name,
               const char *head_id)
{
  g_autoptr(JzHousehold) household = jz_household_new ();
  g_autoptr(JzPerson) head = make_person (head_name, head_id, "head");
  g_autoptr(GError) error = NULL;
  gint64 id;

  household->region_id = village;
  id = jz_household_create (t->db, household, head, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_member (JzTestDb   *t,
            gint64      household_id,
            const char *name,
            const char *id_number)
{
  g_autoptr(JzPerson) person = make_person (name, id_number, "child");
  g_autoptr(GError) error = NULL;
  gint64 id;

  person->household_id = household_id;
  id = jz_person_add (t->db, person, &error);
  g_assert_no_error (error);
  return id;
}

/* Another connection, as the sqlite3 shell would write the file. */
static void
exec_other (JzTestDb   *t,
            const char *sql)
{
  sqlite3 *handle = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (t->path, &handle), ==, SQLITE_OK);
  sqlite3_busy_timeout (handle, 5000);
  if (sqlite3_exec (handle, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (handle);
}

static gint64
query_int (const char *path,
           const char *sql)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return value;
}

static char *
query_text (const char *path,
            const char *sql)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return value;
}

/* The derived tables hold exactly what the views compute from the base
 * tables. */
static void
assert_summary_consistent (const char *path)
{
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM (SELECT * FROM household_summary "
                                    "EXCEPT SELECT * FROM household_summary_source)"), ==, 0);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM (SELECT * FROM household_summary_source "
                                    "EXCEPT SELECT * FROM household_summary)"), ==, 0);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM (SELECT * FROM household_facets "
                                    "EXCEPT SELECT * FROM household_facets_source)"), ==, 0);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM (SELECT * FROM household_facets_source "
                                    "EXCEPT SELECT * FROM household_facets)"), ==, 0);
}

static char *
summary_field (JzTestDb   *t,
               gint64      household_id,
               const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM household_summary WHERE household_id = %" G_GINT64_FORMAT,
                                          column, household_id);

  return query_text (t->path, sql);
}

static GArray *
ids_of (GPtrArray *rows)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < rows->len; i++)
    {
      gint64 id = jz_household_row_get_id (g_ptr_array_index (rows, i));
      g_array_append_val (ids, id);
    }

  return ids;
}

static gboolean
collect_cb (JzHouseholdRow  *row,
            gpointer         user_data,
            GError         **error)
{
  gint64 id = jz_household_row_get_id (row);

  g_array_append_val ((GArray *) user_data, id);
  return TRUE;
}

/* The ids the query gives, all of them, in order. */
static GArray *
search_ids (JzDb                   *db,
            const JzHouseholdQuery *query)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_true (jz_household_query_foreach (db, query, collect_cb, ids, NULL, &error));
  g_assert_no_error (error);
  return ids;
}

static gint64
count (JzDb                   *db,
       const JzHouseholdQuery *query)
{
  g_autoptr(GError) error = NULL;
  gint64 n = jz_household_query_count (db, query, &error);

  g_assert_no_error (error);
  return n;
}

static JzHouseholdQuery *
search_query (const char *text)
{
  JzHouseholdQuery *query = jz_household_query_new ();

  query->search = g_strdup (text);
  query->sort = JZ_HOUSEHOLD_SORT_ID;
  return query;
}

static void
assert_ids (GArray       *ids,
            const gint64 *expected,
            guint         n)
{
  g_assert_cmpuint (ids->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (g_array_index (ids, gint64, i), ==, expected[i]);
}

/* Checks @text finds exactly @expected (in id order), by count and rows,
 * with every way of finding them. */
static void
assert_search (JzDb         *db,
               const char   *text,
               const gint64 *expected,
               guint         n)
{
  g_autoptr(JzHouseholdQuery) query = search_query (text);
  /* The defaults; along the sort index with the facet listed, then probed;
   * every match sorted. */
  static const gint64 limits[][3] = { { -1, -1, -1 }, { 0, 0, -1 }, { 0, 0, 0 }, { G_MAXINT64, G_MAXINT64, -1 } };

  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    {
      g_autoptr(GArray) ids = NULL;

      jz_household_query_set_limits (limits[i][0], limits[i][1], limits[i][2]);
      ids = search_ids (db, query);
      assert_ids (ids, expected, n);
      g_assert_cmpint (count (db, query), ==, n);
    }
  jz_household_query_set_limits (-1, -1, -1);
}

/* --- the summary --------------------------------------------------------------- */

static void
test_summary_follows_changes (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JzPerson) member = NULL;
  g_autofree char *head_id = make_id ("19500101", 11);
  g_autofree char *child_id = make_id ("19800202", 22);
  g_autofree char *other_id = make_id ("19600303", 33);
  g_autofree char *value = NULL;
  gint64 township2, village2, household, other, child;
  g_autofree char *sql = NULL;

  township2 = jz_region_create (t->db, t->district, "street", "370302102", "东城街道", &error);
  g_assert_no_error (error);
  village2 = jz_region_create (t->db, township2, "community", "370302102001", "花园社区", &error);
  g_assert_no_error (error);

  household = add_household (t, t->village, "张桂兰", head_id);
  value = summary_field (t, household, "head_name || '|' || head_id_number || '|' || members || '|' || "
                                       "case_status || '|' || programs || '|' || monthly_amount || '|' || township_id");
  sql = g_strdup_printf ("张桂兰|%s|1|none||0|%" G_GINT64_FORMAT, head_id, t->township);
  g_assert_cmpstr (value, ==, sql);
  assert_summary_consistent (t->path);

  child = add_member (t, household, "李明", child_id);
  g_clear_pointer (&value, g_free);
  value = summary_field (t, household, "members");
  g_assert_cmpstr (value, ==, "2");

  /* Cases written by another program, as the shell would. */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("INSERT INTO cases (household_id, program, status, applied_on, monthly_amount) "
                         "VALUES (%" G_GINT64_FORMAT ", 'dibao_rural', 'active', '2025-01-02', 61050);"
                         "INSERT INTO cases (household_id, person_id, program, status, applied_on, monthly_amount) "
                         "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'disability_care', 'active', '2025-01-02', 10000);"
                         "INSERT INTO cases (household_id, program, status, applied_on) "
                         "VALUES (%" G_GINT64_FORMAT ", 'temporary', 'submitted', '2025-03-02');",
                         household, household, child, household);
  exec_other (t, sql);
  g_clear_pointer (&value, g_free);
  value = summary_field (t, household, "programs || '|' || case_status || '|' || monthly_amount");
  g_assert_cmpstr (value, ==, "dibao_rural,disability_care|active|71050");
  assert_summary_consistent (t->path);

  /* Suspended: out of the programs and the amount; the summary status
   * says suspended while nothing is active. */
  exec_other (t, "UPDATE cases SET status = 'suspended', monthly_amount = 0 WHERE program = 'dibao_rural'");
  g_clear_pointer (&value, g_free);
  value = summary_field (t, household, "programs || '|' || case_status || '|' || monthly_amount");
  g_assert_cmpstr (value, ==, "disability_care|active|10000");
  exec_other (t, "UPDATE cases SET status = 'terminated', monthly_amount = 0 WHERE program = 'disability_care'");
  g_clear_pointer (&value, g_free);
  value = summary_field (t, household, "programs || '|' || case_status || '|' || monthly_amount");
  g_assert_cmpstr (value, ==, "|suspended|0");
  exec_other (t, "DELETE FROM cases WHERE program = 'dibao_rural'");
  g_clear_pointer (&value, g_free);
  value = summary_field (t, household, "case_status");
  g_assert_cmpstr (value, ==, "pending");
  /* A one-off payment approved is over. */
  exec_other (t, "UPDATE cases SET status = 'approved' WHERE program = 'temporary'");
  g_clear_pointer (&value, g_free);
  value = summary_field (t, household, "case_status");
  g_assert_cmpstr (value, ==, "ended");
  assert_summary_consistent (t->path);

  /* A member renamed: the search follows. */
  member = jz_person_get (t->db, child, &error);
  g_assert_no_error (error);
  g_free (member->name);
  member->name = g_strdup ("赵明");
  g_assert_true (jz_person_update (t->db, member, &error));
  g_assert_no_error (error);
  {
    const gint64 expected[] = { household };
    assert_search (t->db, "赵", expected, 1);
    assert_search (t->db, "李", NULL, 0);
  }
  assert_summary_consistent (t->path);

  /* The household moves to another village and township. */
  {
    g_autoptr(JzHousehold) h = jz_household_get (t->db, household, &error);

    g_assert_no_error (error);
    h->region_id = village2;
    g_free (h->hukou);
    h->hukou = g_strdup ("urban");
    g_assert_true (jz_household_update (t->db, h, &error));
    g_assert_no_error (error);
  }
  g_clear_pointer (&value, g_free);
  value = summary_field (t, household, "village_id || '|' || township_id || '|' || hukou");
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|urban", village2, township2);
  g_assert_cmpstr (value, ==, sql);

  /* A member moves to another household, by hand in the shell. */
  other = add_household (t, t->village, "王五", other_id);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("UPDATE persons SET household_id = %" G_GINT64_FORMAT " WHERE id = %" G_GINT64_FORMAT,
                         other, child);
  exec_other (t, sql);
  g_clear_pointer (&value, g_free);
  value = summary_field (t, household, "members");
  g_assert_cmpstr (value, ==, "1");
  g_clear_pointer (&value, g_free);
  value = summary_field (t, other, "members");
  g_assert_cmpstr (value, ==, "2");
  {
    const gint64 expected[] = { other };
    assert_search (t->db, "赵", expected, 1);
  }

  /* The village moves to the first township. */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("UPDATE regions SET parent_id = %" G_GINT64_FORMAT " WHERE id = %" G_GINT64_FORMAT,
                         t->township, village2);
  exec_other (t, sql);
  g_clear_pointer (&value, g_free);
  value = summary_field (t, household, "township_id");
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("%" G_GINT64_FORMAT, t->township);
  g_assert_cmpstr (value, ==, sql);

  assert_summary_consistent (t->path);

  /* Every change counted, so that lists can tell nothing changed. */
  g_assert_cmpint (jz_household_summary_generation (t->db, &error), >, 10);
  g_assert_no_error (error);

  /* Lost or damaged, the derived tables are computed again. */
  exec_other (t, "DELETE FROM household_facets; UPDATE household_summary SET members = 99, programs = 'x'");
  g_assert_true (jz_household_summary_rebuild (t->db, &error));
  g_assert_no_error (error);
  assert_summary_consistent (t->path);
}

/* A file of schema 1 with data gets its summary when it is opened. */
static void
test_summary_migration (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jz-test-query-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "v1.db", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GBytes) schema = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  g_autofree char *head = make_id ("19450505", 7);
  g_autofree char *value = NULL;
  sqlite3 *handle = NULL;

  schema = g_resources_lookup_data ("/io/github/jiuzhu/Jiuzhu/sql/001-initial.sql", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, g_bytes_get_data (schema, NULL), NULL, NULL, NULL), ==, SQLITE_OK);
  sql = g_strdup_printf ("PRAGMA user_version = 1;"
                         "INSERT INTO regions (id, parent_id, level, kind, code, name) VALUES "
                         "  (1, NULL, 'district', 'district', '370302', '青禾区'),"
                         "  (2, 1, 'township', 'town', '370302101', '柳河镇'),"
                         "  (3, 2, 'village', 'village', '370302101201', '王家庄村');"
                         "INSERT INTO households (id, region_id, hukou, opened_on) VALUES (1, 3, 'rural', '2020-01-01');"
                         "INSERT INTO persons (id, household_id, name, id_number, relation, sex, birth_date) "
                         "  VALUES (1, 1, '刘玉兰', '%s', 'head', 'F', '1945-05-05');"
                         "UPDATE households SET head_person_id = 1;"
                         "INSERT INTO cases (household_id, program, status, applied_on, monthly_amount) "
                         "  VALUES (1, 'low_income', 'active', '2024-01-01', 0);",
                         head);
  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);

  db = jz_db_open (path, JZ_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (jz_db_get_schema_version (db), >=, 2);

  value = query_text (path, "SELECT head_name || '|' || members || '|' || programs || '|' || case_status || '|' || township_id "
                            "FROM household_summary");
  g_assert_cmpstr (value, ==, "刘玉兰|1|low_income|active|2");
  assert_summary_consistent (path);

  g_clear_object (&db);
  for (const char *suffix = ""; suffix != NULL; suffix = g_str_equal (suffix, "") ? "-wal" : g_str_equal (suffix, "-wal") ? "-shm" : NULL)
    {
      g_autofree char *file = g_strconcat (path, suffix, NULL);
      g_remove (file);
    }
  g_rmdir (dir);
}

/* --- search ------------------------------------------------------------------------ */

static void
test_search_classify (void)
{
  static const struct {
    const char            *text;
    JzHouseholdSearchKind  kind;
    const char            *normalized;
  } cases[] = {
    { NULL,                   JZ_HOUSEHOLD_SEARCH_NONE,      NULL },
    { "  \t",                 JZ_HOUSEHOLD_SEARCH_NONE,      NULL },
    { "王",                   JZ_HOUSEHOLD_SEARCH_NAME,      "王" },
    { " 王 秀 ",              JZ_HOUSEHOLD_SEARCH_NAME,      "王秀" },
    { "王1",                  JZ_HOUSEHOLD_SEARCH_NAME,      "王1" },
    /* 吴 is U+5434 and 朱 U+6731: their low bytes are the digits 4 and 1. */
    { "吴",                   JZ_HOUSEHOLD_SEARCH_NAME,      "吴" },
    { "吴朱吴吴",             JZ_HOUSEHOLD_SEARCH_NAME,      "吴朱吴吴" },
    { "123",                  JZ_HOUSEHOLD_SEARCH_TOO_SHORT, "123" },
    { "1234",                 JZ_HOUSEHOLD_SEARCH_ID_TAIL,   "1234" },
    { "002x",                 JZ_HOUSEHOLD_SEARCH_ID_TAIL,   "002X" },
    { "１２３４",             JZ_HOUSEHOLD_SEARCH_ID_TAIL,   "1234" },
    { "12X4",                 JZ_HOUSEHOLD_SEARCH_NAME,      "12X4" },
    { "11010519491231002x",   JZ_HOUSEHOLD_SEARCH_ID_NUMBER, "11010519491231002X" },
    { "110105 19491231 002X", JZ_HOUSEHOLD_SEARCH_ID_NUMBER, "11010519491231002X" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normalized = NULL;

      g_assert_cmpint (jz_household_search_classify (cases[i].text, &normalized), ==, cases[i].kind);
      g_assert_cmpstr (normalized, ==, cases[i].normalized);
    }
}

static void
test_search_names (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autofree char *id1 = make_id ("19500101", 101);
  g_autofree char *id2 = make_id ("19510101", 102);
  g_autofree char *id3 = make_id ("19520101", 103);
  g_autofree char *id4 = make_id ("19530101", 104);
  g_autofree char *id5 = make_id ("19540101", 105);
  g_autofree char *id6 = make_id ("19800101", 106);
  g_autofree char *id7 = make_id ("19810101", 107);
  g_autofree char *sql = NULL;
  gint64 h1, h2, h3, h4, h5;
  gint64 moved;

  h1 = add_household (t, t->village, "王秀英", id1);
  h2 = add_household (t, t->village, "李建国", id2);
  add_member (t, h2, "王建军", id6);          /* any member, not only the head */
  h3 = add_household (t, t->village, "李王", id3);  /* 王 inside, not at the start */
  h4 = add_household (t, t->village, "王秀兰", id4);
  h5 = add_household (t, t->village, "欧阳娜", id5);
  moved = add_member (t, h5, "王小二", id7);

  {
    const gint64 wang[] = { h1, h2, h4, h5 };
    const gint64 wang_xiu[] = { h1, h4 };
    const gint64 wang_xiu_ying[] = { h1 };
    const gint64 li[] = { h2, h3 };
    const gint64 ou[] = { h5 };

    assert_search (t->db, "王", wang, G_N_ELEMENTS (wang));
    assert_search (t->db, "王秀", wang_xiu, G_N_ELEMENTS (wang_xiu));
    assert_search (t->db, " 王 秀 ", wang_xiu, G_N_ELEMENTS (wang_xiu));
    assert_search (t->db, "王秀英", wang_xiu_ying, G_N_ELEMENTS (wang_xiu_ying));
    assert_search (t->db, "王秀英子", NULL, 0);
    assert_search (t->db, "李", li, G_N_ELEMENTS (li));
    assert_search (t->db, "欧阳", ou, G_N_ELEMENTS (ou));
    assert_search (t->db, "赵", NULL, 0);
  }

  /* A member who moved out no longer finds the household. */
  sql = g_strdup_printf ("UPDATE persons SET active = 0, left_on = '2025-01-01', left_reason = 'moved_out' "
                         "WHERE id = %" G_GINT64_FORMAT, moved);
  exec_other (t, sql);
  {
    const gint64 wang[] = { h1, h2, h4 };

    assert_search (t->db, "王", wang, G_N_ELEMENTS (wang));
  }

  /* An archived file is found, through everyone it had, only when asked. */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("UPDATE households SET status = 'archived' WHERE id = %" G_GINT64_FORMAT ";"
                         "UPDATE persons SET active = 0, left_on = '2025-02-01', left_reason = 'household_closed' "
                         "WHERE household_id = %" G_GINT64_FORMAT " AND active = 1",
                         h5, h5);
  exec_other (t, sql);
  {
    g_autoptr(JzHouseholdQuery) query = search_query ("王");
    g_autoptr(GArray) ids = NULL;
    const gint64 open[] = { h1, h2, h4 };
    const gint64 all[] = { h1, h2, h4, h5 };
    const gint64 ou[] = { h5 };

    assert_search (t->db, "欧阳", NULL, 0);
    ids = search_ids (t->db, query);
    assert_ids (ids, open, G_N_ELEMENTS (open));

    query->include_archived = TRUE;
    g_clear_pointer (&ids, g_array_unref);
    ids = search_ids (t->db, query);
    assert_ids (ids, all, G_N_ELEMENTS (all));
    g_assert_cmpint (count (t->db, query), ==, 4);

    g_free (query->search);
    query->search = g_strdup ("欧阳");
    g_clear_pointer (&ids, g_array_unref);
    ids = search_ids (t->db, query);
    assert_ids (ids, ou, 1);

    /* Archived only counts with include_archived, not include_closed. */
    query->include_archived = FALSE;
    query->include_closed = TRUE;
    g_assert_cmpint (count (t->db, query), ==, 0);
  }
}

static void
test_search_id_numbers (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *x = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *tail4 = NULL;
  g_autofree char *tail6 = NULL;
  g_autofree char *tail17 = NULL;
  g_autofree char *other = make_id ("19800101", 1);
  gint64 ha, hb, hx;

  /* Two numbers with the same last four characters (order code and check
   * character), different birthdays. */
  a = make_id ("19500101", 123);
  for (guint day = 2; b == NULL; day++)
    {
      g_autofree char *birth = g_strdup_printf ("195001%02u", day);
      g_autofree char *candidate = make_id (birth, 123);

      g_assert_cmpuint (day, <, 29);
      if (g_str_equal (candidate + 14, a + 14))
        b = g_steal_pointer (&candidate);
    }
  /* And one ending in X. */
  for (guint order = 1; x == NULL; order++)
    {
      g_autofree char *candidate = make_id ("19700707", order);

      if (candidate[17] == 'X')
        x = g_steal_pointer (&candidate);
    }

  ha = add_household (t, t->village, "孙一", a);
  hb = add_household (t, t->village, "孙二", other);
  add_member (t, hb, "孙三", b);
  hx = add_household (t, t->village, "孙四", x);

  {
    const gint64 just_a[] = { ha };
    const gint64 both[] = { ha, hb };
    const gint64 just_x[] = { hx };

    assert_search (t->db, a, just_a, 1);
    tail4 = g_strdup (a + 14);
    assert_search (t->db, tail4, both, 2);
    tail6 = g_strdup (a + 12);
    assert_search (t->db, tail6, just_a, 1);
    tail17 = g_strdup (a + 1);
    assert_search (t->db, tail17, just_a, 1);

    assert_search (t->db, x, just_x, 1);
    lower = g_ascii_strdown (x, -1);
    assert_search (t->db, lower, just_x, 1);
    g_free (tail4);
    tail4 = g_ascii_strdown (x + 14, -1);
    assert_search (t->db, tail4, just_x, 1);

    /* Too short to mean anything yet, and numbers nobody has. */
    assert_search (t->db, "123", NULL, 0);
    assert_search (t->db, "110105195001010000", NULL, 0);
    assert_search (t->db, "0000", NULL, 0);
  }

  /* Combined with filters. */
  {
    g_autoptr(JzHouseholdQuery) query = search_query (a + 14);
    g_autoptr(GError) error = NULL;
    g_autofree char *sql = NULL;
    gint64 township2, village2;

    township2 = jz_region_create (t->db, t->district, "street", "370302102", "东城街道", &error);
    g_assert_no_error (error);
    village2 = jz_region_create (t->db, township2, "community", "370302102001", "花园社区", &error);
    g_assert_no_error (error);
    sql = g_strdup_printf ("UPDATE households SET region_id = %" G_GINT64_FORMAT " WHERE id = %" G_GINT64_FORMAT,
                           village2, hb);
    exec_other (t, sql);

    query->township_id = township2;
    g_assert_cmpint (count (t->db, query), ==, 1);
    query->township_id = t->township;
    g_assert_cmpint (count (t->db, query), ==, 1);
    query->village_id = village2;
    g_assert_cmpint (count (t->db, query), ==, 0);
  }
}

/* --- a demo district ------------------------------------------------------------------ */

static char *demo_dir;
static char *demo_path;

static JzDb *
open_demo (void)
{
  g_autoptr(GError) error = NULL;
  JzDb *db = jz_db_open (demo_path, JZ_DB_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return db;
}

static void
make_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  JzDemoOptions options = { .n_households = 3000, .seed = 11 };

  demo_dir = g_dir_make_tmp ("jz-test-query-demo-XXXXXX", NULL);
  demo_path = g_build_filename (demo_dir, "demo.db", NULL);
  db = jz_db_open (demo_path, JZ_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_date_clear (&options.end, 1);
  g_date_set_dmy (&options.end, 30, G_DATE_JUNE, 2025);
  g_assert_true (jz_demo_generate (db, &options, &error));
  g_assert_no_error (error);
}

static void
remove_demo (void)
{
  g_autoptr(GDir) dir = g_dir_open (demo_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (demo_dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (demo_dir);
  g_clear_pointer (&demo_dir, g_free);
  g_clear_pointer (&demo_path, g_free);
}

static const char *sort_keys[] = {
  [JZ_HOUSEHOLD_SORT_ID]             = "household_id",
  [JZ_HOUSEHOLD_SORT_HEAD_NAME]      = "head_name",
  [JZ_HOUSEHOLD_SORT_TOWNSHIP]       = "township_id",
  [JZ_HOUSEHOLD_SORT_VILLAGE]        = "village_id",
  [JZ_HOUSEHOLD_SORT_MEMBERS]        = "members",
  [JZ_HOUSEHOLD_SORT_CASE_STATUS]    = "case_status",
  [JZ_HOUSEHOLD_SORT_MONTHLY_AMOUNT] = "monthly_amount",
};

/* The plain SQL answer, from the views over the base tables, written
 * without the derived tables or any of the query's tricks. */
static GArray *
reference_ids (const JzHouseholdQuery *query)
{
  g_autoptr(GString) sql = g_string_new ("SELECT v.household_id FROM household_summary_source v WHERE ");
  g_autofree char *normalized = NULL;
  JzHouseholdSearchKind kind = jz_household_search_classify (query->search, &normalized);
  const char *dir = query->descending ? " DESC" : "";
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  char *quoted;

  g_string_append_printf (sql, "(v.file_status = 'open'%s%s)",
                          query->include_closed ? " OR v.file_status = 'closed'" : "",
                          query->include_archived ? " OR v.file_status = 'archived'" : "");
  if (query->township_id != 0)
    g_string_append_printf (sql, " AND v.township_id = %" G_GINT64_FORMAT, query->township_id);
  if (query->village_id != 0)
    g_string_append_printf (sql, " AND v.village_id = %" G_GINT64_FORMAT, query->village_id);
  if (query->hukou != NULL)
    g_string_append_printf (sql, " AND v.hukou = '%s'", query->hukou);
  if (query->case_status != NULL)
    g_string_append_printf (sql, " AND v.case_status = '%s'", query->case_status);
  if (query->program != NULL)
    g_string_append_printf (sql, " AND EXISTS (SELECT 1 FROM cases c WHERE c.household_id = v.household_id "
                                 "AND c.program = '%s' AND c.status = 'active')", query->program);

  quoted = sqlite3_mprintf ("%Q", normalized);
  switch (kind)
    {
    case JZ_HOUSEHOLD_SEARCH_NONE:
      break;

    case JZ_HOUSEHOLD_SEARCH_TOO_SHORT:
      g_string_append (sql, " AND 0");
      break;

    case JZ_HOUSEHOLD_SEARCH_NAME:
      g_string_append_printf (sql, " AND EXISTS (SELECT 1 FROM persons p WHERE p.household_id = v.household_id "
                                   "AND (p.active = 1 OR v.file_status <> 'open') "
                                   "AND substr (p.name, 1, length (%s)) = %s)", quoted, quoted);
      break;

    case JZ_HOUSEHOLD_SEARCH_ID_NUMBER:
    case JZ_HOUSEHOLD_SEARCH_ID_TAIL:
      g_string_append_printf (sql, " AND EXISTS (SELECT 1 FROM persons p WHERE p.household_id = v.household_id "
                                   "AND (p.active = 1 OR v.file_status <> 'open') "
                                   "AND substr (p.id_number, -length (%s)) = %s)", quoted, quoted);
      break;
    }
  sqlite3_free (quoted);

  g_string_append_printf (sql, " ORDER BY v.%s%s, v.household_id%s", sort_keys[query->sort], dir, dir);

  g_assert_cmpint (sqlite3_open_v2 (demo_path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql->str, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (handle);

  return ids;
}

static void
assert_same_ids (GArray *got,
                 GArray *expected)
{
  g_assert_cmpuint (got->len, ==, expected->len);
  for (guint i = 0; i < got->len; i++)
    if (g_array_index (got, gint64, i) != g_array_index (expected, gint64, i))
      g_error ("Row %u differs: household %" G_GINT64_FORMAT ", expected %" G_GINT64_FORMAT,
               i, g_array_index (got, gint64, i), g_array_index (expected, gint64, i));
}

/* Every sort, both ways, with filters and searches: the same households
 * in the same order as plain SQL, by foreach (keyset chunks) and count,
 * taking every way of finding the rows. */
static void
test_demo_matches_sql (void)
{
  g_autoptr(JzDb) db = open_demo ();
  g_autoptr(GPtrArray) queries = g_ptr_array_new_with_free_func ((GDestroyNotify) jz_household_query_free);
  g_autofree char *a_tail = query_text (demo_path, "SELECT substr (id_number, 15) FROM persons WHERE active = 1 LIMIT 1 OFFSET 77");
  g_autofree char *a_full = query_text (demo_path, "SELECT id_number FROM persons WHERE active = 1 LIMIT 1 OFFSET 1234");
  gint64 township = query_int (demo_path, "SELECT id FROM regions WHERE level = 'township' ORDER BY id LIMIT 1 OFFSET 3");
  gint64 village = query_int (demo_path, "SELECT region_id FROM households GROUP BY region_id ORDER BY count(*) DESC LIMIT 1");
  static const gint64 limits[][3] = { { -1, -1, -1 }, { 0, 0, -1 }, { 0, 0, 0 }, { G_MAXINT64, G_MAXINT64, -1 }, { G_MAXINT64, 0, -1 }, { G_MAXINT64, 0, 0 } };
  JzHouseholdQuery *q;

  for (int sort = JZ_HOUSEHOLD_SORT_ID; sort <= JZ_HOUSEHOLD_SORT_MONTHLY_AMOUNT; sort++)
    for (int descending = 0; descending <= 1; descending++)
      {
        q = jz_household_query_new ();
        q->sort = sort;
        q->descending = descending;
        g_ptr_array_add (queries, q);
      }

#define ADD(field, value) \
  G_STMT_START { q = jz_household_query_new (); q->field = value; g_ptr_array_add (queries, q); } G_STMT_END

  ADD (search, g_strdup ("王"));
  ADD (search, g_strdup ("张"));
  ADD (search, g_strdup ("王秀"));
  ADD (search, g_strdup (a_tail));
  ADD (search, g_strdup (a_full));
  ADD (township_id, township);
  ADD (village_id, village);
  ADD (program, g_strdup ("dibao_rural"));
  ADD (program, g_strdup ("tekun_centralized"));
  ADD (program, g_strdup ("no_such_program"));
  ADD (case_status, g_strdup ("pending"));
  ADD (case_status, g_strdup ("active"));
  ADD (hukou, g_strdup ("urban"));
  ADD (include_closed, TRUE);
  ADD (include_archived, TRUE);
#undef ADD

  /* Combinations. */
  q = jz_household_query_new ();
  q->search = g_strdup ("李");
  q->township_id = township;
  q->sort = JZ_HOUSEHOLD_SORT_MONTHLY_AMOUNT;
  q->descending = TRUE;
  g_ptr_array_add (queries, q);

  q = jz_household_query_new ();
  q->program = g_strdup ("dibao_urban");
  q->case_status = g_strdup ("active");
  q->search = g_strdup ("刘");
  q->sort = JZ_HOUSEHOLD_SORT_VILLAGE;
  g_ptr_array_add (queries, q);

  q = jz_household_query_new ();
  q->village_id = village;
  q->program = g_strdup ("disability_care");
  q->include_closed = TRUE;
  q->include_archived = TRUE;
  q->sort = JZ_HOUSEHOLD_SORT_MEMBERS;
  g_ptr_array_add (queries, q);

  q = jz_household_query_new ();
  q->search = g_strdup ("陈");
  q->program = g_strdup ("low_income");
  q->hukou = g_strdup ("rural");
  q->include_closed = TRUE;
  q->sort = JZ_HOUSEHOLD_SORT_CASE_STATUS;
  q->descending = TRUE;
  g_ptr_array_add (queries, q);

  for (guint i = 0; i < queries->len; i++)
    {
      JzHouseholdQuery *query = g_ptr_array_index (queries, i);
      g_autoptr(GArray) expected = reference_ids (query);

      /* Every query but the unknown program finds something. */
      g_assert_true (expected->len > 0 || g_strcmp0 (query->program, "no_such_program") == 0);

      for (guint l = 0; l < G_N_ELEMENTS (limits); l++)
        {
          g_autoptr(GArray) got = NULL;

          jz_household_query_set_limits (limits[l][0], limits[l][1], limits[l][2]);
          got = search_ids (db, query);
          assert_same_ids (got, expected);
          g_assert_cmpint (count (db, query), ==, expected->len);
        }
      jz_household_query_set_limits (-1, -1, -1);
    }
}

/* Pages by keyset: one after the other, the same as all at once. */
static void
test_demo_pages (void)
{
  g_autoptr(JzDb) db = open_demo ();
  g_autoptr(JzHouseholdQuery) query = jz_household_query_new ();
  g_autoptr(GArray) expected = NULL;
  g_autoptr(GArray) got = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(JzHouseholdRow) last = NULL;
  g_autoptr(GError) error = NULL;

  query->sort = JZ_HOUSEHOLD_SORT_MEMBERS;  /* many equal keys */
  query->descending = TRUE;
  expected = reference_ids (query);

  for (;;)
    {
      g_autoptr(GPtrArray) rows = jz_household_query_page (db, query, last, 97, &error);
      g_autoptr(GArray) ids = NULL;

      g_assert_no_error (error);
      if (rows->len == 0)
        break;
      ids = ids_of (rows);
      g_array_append_vals (got, ids->data, ids->len);
      g_set_object (&last, g_ptr_array_index (rows, rows->len - 1));
    }

  assert_same_ids (got, expected);
}

/* The rows carry what the list shows. */
static void
test_demo_row_values (void)
{
  g_autoptr(JzDb) db = open_demo ();
  g_autoptr(JzHouseholdQuery) query = jz_household_query_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  guint with_programs = 0;

  query->sort = JZ_HOUSEHOLD_SORT_ID;
  rows = jz_household_query_page (db, query, NULL, 200, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 200);

  for (guint i = 0; i < rows->len; i++)
    {
      JzHouseholdRow *row = g_ptr_array_index (rows, i);
      gint64 id = jz_household_row_get_id (row);
      g_autofree char *sql = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *got = NULL;
      g_autofree char *programs = g_strjoinv (",", (char **) jz_household_row_get_programs (row));
      g_autofree char *masked = NULL;
      g_autofree char *head_id = NULL;

      sql = g_strdup_printf ("SELECT p.name || '|' || t.name || '|' || v.name || '|' || h.hukou || '|' || "
                             "(SELECT count(*) FROM persons m WHERE m.household_id = h.id AND m.active = 1) || '|' || "
                             "(SELECT coalesce (sum (monthly_amount), 0) FROM cases c WHERE c.household_id = h.id AND c.status = 'active') "
                             "FROM households h JOIN persons p ON p.id = h.head_person_id "
                             "JOIN regions v ON v.id = h.region_id JOIN regions t ON t.id = v.parent_id "
                             "WHERE h.id = %" G_GINT64_FORMAT, id);
      expected = query_text (demo_path, sql);
      got = g_strdup_printf ("%s|%s|%s|%s|%u|%" G_GINT64_FORMAT,
                             jz_household_row_get_head_name (row), jz_household_row_get_township_name (row),
                             jz_household_row_get_village_name (row), jz_household_row_get_hukou (row),
                             jz_household_row_get_members (row), jz_household_row_get_monthly_amount (row));
      g_assert_cmpstr (got, ==, expected);

      g_clear_pointer (&sql, g_free);
      sql = g_strdup_printf ("SELECT id_number FROM persons WHERE id = (SELECT head_person_id FROM households "
                             "WHERE id = %" G_GINT64_FORMAT ")", id);
      head_id = query_text (demo_path, sql);
      g_assert_cmpstr (jz_household_row_get_head_id_number (row), ==, head_id);
      masked = jz_id_number_mask (head_id, 3, 4);
      g_assert_cmpstr (jz_household_row_get_masked_id_number (row), ==, masked);
      g_assert_cmpint (strlen (masked), ==, 18);
      g_assert_true (strncmp (masked, head_id, 3) == 0);
      g_assert_true (strncmp (masked + 3, "***********", 11) == 0);
      g_assert_true (g_str_has_suffix (masked, head_id + 14));

      /* Programs with an active case, in the order of the programs table. */
      g_clear_pointer (&sql, g_free);
      sql = g_strdup_printf ("SELECT coalesce (group_concat (code, ','), '') FROM (SELECT g.code FROM programs g "
                             "WHERE EXISTS (SELECT 1 FROM cases c WHERE c.household_id = %" G_GINT64_FORMAT " "
                             "AND c.program = g.code AND c.status = 'active') ORDER BY g.sort_order)", id);
      g_clear_pointer (&expected, g_free);
      expected = query_text (demo_path, sql);
      g_assert_cmpstr (programs, ==, expected);
      with_programs += programs[0] != '\0';
    }

  g_assert_cmpuint (with_programs, >, 100);
}

typedef struct
{
  GString *out;
  guint    calls;
  guint    stop_after;
} PersonData;

static gboolean
person_cb (JzHouseholdRow  *row,
           const JzPerson  *person,
           gpointer         user_data,
           GError         **error)
{
  PersonData *data = user_data;

  g_string_append_printf (data->out, "%" G_GINT64_FORMAT "|%s|%s|%s|%s|%s|%s\n",
                          jz_household_row_get_id (row), jz_household_row_get_village_name (row),
                          person->name, person->id_number, person->relation, person->sex, person->birth_date);
  g_assert_true (person->active);
  g_assert_cmpint (person->household_id, ==, jz_household_row_get_id (row));

  if (++data->calls == data->stop_after)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "enough");
      return FALSE;
    }

  return TRUE;
}

/* One call per member on file, with the household's columns; in list
 * order, the head first, then by birth date. */
static void
test_demo_foreach_person (void)
{
  g_autoptr(JzDb) db = open_demo ();
  g_autoptr(JzHouseholdQuery) query = jz_household_query_new ();
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  PersonData data = { g_string_new (NULL), 0, 0 };
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;

  query->township_id = query_int (demo_path, "SELECT id FROM regions WHERE level = 'township' ORDER BY id LIMIT 1");
  query->sort = JZ_HOUSEHOLD_SORT_HEAD_NAME;

  g_assert_cmpint (sqlite3_open_v2 (demo_path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "SELECT v.household_id || '|' || r.name || '|' || p.name || '|' || p.id_number || '|' || "
                                       "p.relation || '|' || p.sex || '|' || p.birth_date "
                                       "FROM household_summary_source v JOIN persons p ON p.household_id = v.household_id "
                                       "JOIN regions r ON r.id = v.village_id "
                                       "WHERE v.file_status = 'open' AND v.township_id = ? AND p.active = 1 "
                                       "ORDER BY v.head_name, v.household_id, p.relation <> 'head', p.birth_date, p.id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, query->township_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (expected, "%s\n", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (handle);

  g_assert_true (jz_household_query_foreach_person (db, query, person_cb, &data, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (data.calls, >, 300);
  g_assert_cmpstr (data.out->str, ==, expected->str);

  /* The callback stops it, with its error. */
  g_string_truncate (data.out, 0);
  data.calls = 0;
  data.stop_after = 3;
  g_assert_false (jz_household_query_foreach_person (db, query, person_cb, &data, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (data.calls, ==, 3);
  g_clear_error (&error);

  /* So does the cancellable. */
  data.stop_after = 0;
  g_cancellable_cancel (cancellable);
  g_assert_false (jz_household_query_foreach (db, query, collect_cb, ids, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (ids->len, ==, 0);

  g_string_free (data.out, TRUE);
}

/* The demo fills the derived tables in bulk; the triggers are back. */
static void
test_demo_summary (void)
{
  g_autoptr(JzDb) db = open_demo ();

  assert_summary_consistent (demo_path);
  g_assert_cmpint (query_int (demo_path, "SELECT count(*) FROM household_summary"), ==, 3000);
  g_assert_cmpint (query_int (demo_path, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' "
                                         "AND name LIKE 'household_summary_%'"), ==, 10);
  g_assert_cmpint (query_int (demo_path, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' "
                                         "AND name = 'household_summary_head_name'"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/household-query/summary/follows-changes", test_summary_follows_changes);
  g_test_add_func ("/household-query/summary/migration", test_summary_migration);
  g_test_add_func ("/household-query/search/classify", test_search_classify);
  g_test_add_func ("/household-query/search/names", test_search_names);
  g_test_add_func ("/household-query/search/id-numbers", test_search_id_numbers);
  g_test_add_func ("/household-query/demo/summary", test_demo_summary);
  g_test_add_func ("/household-query/demo/matches-sql", test_demo_matches_sql);
  g_test_add_func ("/household-query/demo/pages", test_demo_pages);
  g_test_add_func ("/household-query/demo/row-values", test_demo_row_values);
  g_test_add_func ("/household-query/demo/foreach-person", test_demo_foreach_person);

  make_demo ();
  status = g_test_run ();
  remove_demo ();

  return status;
}
