/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <sqlite3.h>

#include "jz-demo.h"
#include "jz-household-model.h"
#include "jz-household-query-private.h"
#include "jz-household.h"
#include "jz-id-number.h"
#include "jz-test-util.h"

/* --- helpers ------------------------------------------------------------------- */

static char *
make_id (guint n)
{
  char first17[18];

  g_snprintf (first17, sizeof first17, "11010519%02u%02u%02u%03u", 40 + n % 50, 1 + n % 12, 1 + n % 28, n % 1000);
  return g_strdup_printf ("%s%c", first17, jz_id_number_check_char (first17));
}

static gint64
add_household (JzDb       *db,
               gint64      village,
               const char *head_name,
               guint       n)
{
  g_autoptr(JzHousehold) household = jz_household_new ();
  g_autoptr(JzPerson) head = jz_person_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  head->name = g_strdup (head_name);
  head->id_number = make_id (n);
  household->region_id = village;
  id = jz_household_create (db, household, head, &error);
  g_assert_no_error (error);
  return id;
}

static void
exec_other (const char *path,
            const char *sql)
{
  sqlite3 *handle = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  sqlite3_busy_timeout (handle, 5000);
  if (sqlite3_exec (handle, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (handle);
}

/* The list as plain SQL has it, from the views over the base tables. */
static GArray *
reference_ids (const char             *path,
               const JzHouseholdQuery *query)
{
  static const char *keys[] = {
    "household_id", "head_name", "township_id", "village_id", "members", "case_status", "monthly_amount",
  };
  g_autoptr(GString) sql = g_string_new ("SELECT v.household_id FROM household_summary_source v WHERE v.file_status = 'open'");
  const char *dir = query->descending ? " DESC" : "";
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;

  /* The queries here use only these. */
  g_assert_null (query->search);
  g_assert_false (query->include_closed || query->include_archived);
  g_assert_null (query->hukou);

  if (query->township_id != 0)
    g_string_append_printf (sql, " AND v.township_id = %" G_GINT64_FORMAT, query->township_id);
  if (query->case_status != NULL)
    g_string_append_printf (sql, " AND v.case_status = '%s'", query->case_status);
  if (query->program != NULL)
    g_string_append_printf (sql, " AND EXISTS (SELECT 1 FROM cases c WHERE c.household_id = v.household_id "
                                 "AND c.program = '%s' AND c.status = 'active')", query->program);
  g_string_append_printf (sql, " ORDER BY v.%s%s, v.household_id%s", keys[query->sort], dir, dir);

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
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

static gint64
id_at (GListModel *model,
       guint       position)
{
  g_autoptr(JzHouseholdRow) row = g_list_model_get_item (model, position);

  g_assert_nonnull (row);
  return jz_household_row_get_id (row);
}

/* Records items-changed and keeps a mirror of the list by applying each
 * one, reading the added items during the signal as a list view does. */
typedef struct
{
  GListModel *model;
  GArray     *mirror;   /* gint64 ids */
  GArray     *signals;  /* guint triples */
  GPtrArray  *keep;     /* rows that must never be in a removed range */
} Recorder;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Recorder   *recorder)
{
  guint triple[3] = { position, removed, added };

  g_array_append_vals (recorder->signals, triple, 3);
  g_assert_cmpuint (position + removed, <=, recorder->mirror->len);
  for (guint i = 0; recorder->keep != NULL && i < recorder->keep->len; i++)
    for (guint j = position; j < position + removed; j++)
      g_assert_cmpint (g_array_index (recorder->mirror, gint64, j), !=,
                       jz_household_row_get_id (g_ptr_array_index (recorder->keep, i)));
  g_array_remove_range (recorder->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    {
      gint64 id = id_at (model, position + i);
      g_array_insert_val (recorder->mirror, position + i, id);
    }
  g_assert_cmpuint (recorder->mirror->len, ==, g_list_model_get_n_items (model));
}

static Recorder *
recorder_new (GListModel *model)
{
  Recorder *recorder = g_new0 (Recorder, 1);

  recorder->model = model;
  recorder->mirror = g_array_new (FALSE, FALSE, sizeof (gint64));
  recorder->signals = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      gint64 id = id_at (model, i);
      g_array_append_val (recorder->mirror, id);
    }
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), recorder);
  return recorder;
}

static void
recorder_free (Recorder *recorder)
{
  g_signal_handlers_disconnect_by_data (recorder->model, recorder);
  g_array_unref (recorder->mirror);
  g_array_unref (recorder->signals);
  g_free (recorder);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Recorder, recorder_free)

static guint
n_signals (Recorder *recorder)
{
  return recorder->signals->len / 3;
}

static void
assert_signal (Recorder *recorder,
               guint     index,
               guint     position,
               guint     removed,
               guint     added)
{
  g_assert_cmpuint (index, <, n_signals (recorder));
  g_assert_cmpuint (g_array_index (recorder->signals, guint, index * 3), ==, position);
  g_assert_cmpuint (g_array_index (recorder->signals, guint, index * 3 + 1), ==, removed);
  g_assert_cmpuint (g_array_index (recorder->signals, guint, index * 3 + 2), ==, added);
}

static void
assert_model_is (GListModel *model,
                 GArray     *expected)
{
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpint (id_at (model, i), ==, g_array_index (expected, gint64, i));
}

static void
assert_ids_equal (GArray *a,
                  GArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpint (g_array_index (a, gint64, i), ==, g_array_index (b, gint64, i));
}

/* --- a demo district --------------------------------------------------------------- */

static char *demo_dir;
static char *demo_path;

static void
make_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  JzDemoOptions options = { .n_households = 2500, .seed = 5 };

  demo_dir = g_dir_make_tmp ("jz-test-model-demo-XXXXXX", NULL);
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

static JzDb *
open_demo (void)
{
  g_autoptr(GError) error = NULL;
  JzDb *db = jz_db_open (demo_path, JZ_DB_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return db;
}

/* At random positions, jumping and walking, with every sort and a few
 * filters: the same ids as plain SQL. */
static void
test_model_matches_sql (gconstpointer data)
{
  const gint64 *limits = data;
  g_autoptr(JzDb) db = open_demo ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20250630);
  g_autoptr(JzHouseholdModel) model = NULL;
  g_autoptr(GPtrArray) queries = g_ptr_array_new_with_free_func ((GDestroyNotify) jz_household_query_free);
  JzHouseholdQuery *q;
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 township;

  g_assert_cmpint (sqlite3_open_v2 (demo_path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT id FROM regions WHERE level = 'township' ORDER BY id LIMIT 1 OFFSET 5",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  township = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);

  for (int sort = JZ_HOUSEHOLD_SORT_ID; sort <= JZ_HOUSEHOLD_SORT_MONTHLY_AMOUNT; sort++)
    {
      q = jz_household_query_new ();
      q->sort = sort;
      q->descending = sort % 2 == 1;
      g_ptr_array_add (queries, q);
    }
  q = jz_household_query_new ();
  q->township_id = township;
  q->sort = JZ_HOUSEHOLD_SORT_MEMBERS;
  g_ptr_array_add (queries, q);
  q = jz_household_query_new ();
  q->program = g_strdup ("dibao_urban");
  q->descending = TRUE;
  g_ptr_array_add (queries, q);
  q = jz_household_query_new ();
  q->case_status = g_strdup ("pending");
  q->sort = JZ_HOUSEHOLD_SORT_VILLAGE;
  g_ptr_array_add (queries, q);

  /* Few rows read at once, or every page along the sort index. */
  jz_household_query_set_limits (limits[0], limits[1], limits[2]);
  model = jz_household_model_new (db, NULL);

  for (guint k = 0; k < queries->len; k++)
    {
      JzHouseholdQuery *query = g_ptr_array_index (queries, k);
      g_autoptr(GArray) expected = reference_ids (demo_path, query);
      guint n = expected->len;
      guint position = 0;

      jz_household_model_set_query (model, query);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n);
      g_assert_cmpuint (n, >, 10);
      g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), n));

      for (guint i = 0; i < 400; i++)
        {
          switch (g_rand_int_range (rand, 0, 4))
            {
            case 0:  /* a jump */
              position = g_rand_int_range (rand, 0, n);
              break;
            case 1:  /* scrolling down */
              position += g_rand_int_range (rand, 1, 150);
              position = MIN (n - 1, position);
              break;
            case 2:  /* scrolling up */
              position = position > 150 ? position - g_rand_int_range (rand, 1, 150) : 0;
              break;
            default: /* the ends */
              position = g_rand_boolean (rand) ? 0 : n - 1;
              break;
            }

          g_assert_cmpint (id_at (G_LIST_MODEL (model), position), ==, g_array_index (expected, gint64, position));
        }
    }

  jz_household_query_set_limits (-1, -1, -1);
}

/* Walking the whole list keeps only a few pages alive. */
static void
test_model_bounded (void)
{
  g_autoptr(JzDb) db = open_demo ();
  g_autoptr(JzHouseholdModel) model = jz_household_model_new (db, NULL);
  GListModel *list = G_LIST_MODEL (model);
  guint n = g_list_model_get_n_items (list);
  guint limit = JZ_HOUSEHOLD_MODEL_MAX_PAGES * JZ_HOUSEHOLD_MODEL_PAGE_SIZE;
  guint most = 0;

  g_assert_cmpuint (n, >, 2 * limit);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (list, i);

      most = MAX (most, jz_household_model_get_n_live_rows (model));
    }
  for (guint i = n; i > 0; i -= MIN (i, 37))
    {
      g_autoptr(GObject) row = g_list_model_get_item (list, i - 1);

      most = MAX (most, jz_household_model_get_n_live_rows (model));
    }

  g_assert_cmpuint (most, <=, limit);
  g_assert_cmpuint (most, >=, JZ_HOUSEHOLD_MODEL_PAGE_SIZE);
}

/* One instance per household while somebody holds it. */
static void
test_model_same_instance (void)
{
  g_autoptr(JzDb) db = open_demo ();
  g_autoptr(JzHouseholdModel) model = jz_household_model_new (db, NULL);
  GListModel *list = G_LIST_MODEL (model);
  g_autoptr(GObject) held = g_list_model_get_item (list, 5);
  g_autoptr(GObject) again = g_list_model_get_item (list, 5);
  guint n = g_list_model_get_n_items (list);
  g_autoptr(JzHouseholdQuery) query = jz_household_query_new ();

  g_assert_true (held == again);
  g_clear_object (&again);

  /* Its page long gone, the same row comes back. */
  for (guint i = n - 1; i > n - 2000; i -= 50)
    {
      g_autoptr(GObject) far = g_list_model_get_item (list, i);
    }
  g_assert_cmpuint (jz_household_model_get_n_live_rows (model), <=,
                    JZ_HOUSEHOLD_MODEL_MAX_PAGES * JZ_HOUSEHOLD_MODEL_PAGE_SIZE + 1);
  again = g_list_model_get_item (list, 5);
  g_assert_true (held == again);

  /* And in another order. */
  g_clear_object (&again);
  query->sort = JZ_HOUSEHOLD_SORT_ID;
  jz_household_model_set_query (model, query);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JzHouseholdRow) row = g_list_model_get_item (list, i);

      if (jz_household_row_get_id (row) == jz_household_row_get_id (JZ_HOUSEHOLD_ROW (held)))
        {
          g_assert_true ((GObject *) row == held);
          return;
        }
    }
  g_assert_not_reached ();
}

/* --- changes ----------------------------------------------------------------------- */

/* Inserts and deletes through the core, in the same and in another
 * connection: the right items-changed, as few rows as can be told, the
 * same instances. */
static void
test_model_changes (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(JzHouseholdQuery) query = jz_household_query_new ();
  g_autoptr(JzHouseholdModel) model = NULL;
  g_autoptr(Recorder) recorder = NULL;
  g_autoptr(JzDb) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JzHouseholdRow) held = NULL;
  g_autoptr(GArray) expected = NULL;
  static const char *names[] = { "白", "陈", "丁", "冯", "高", "韩", "金", "孔", "刘", "马" };
  g_autofree char *sql = NULL;
  guint notified = 0;
  gint64 ids[G_N_ELEMENTS (names)];
  gint64 added;

  /* Code point order: 丁 冯 刘 孔 金 陈 韩 马 高 白 … */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    ids[i] = add_household (t->db, t->village, names[i], i);

  model = jz_household_model_new (t->db, query);
  recorder = recorder_new (G_LIST_MODEL (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 10);

  /* Nothing changed: nothing emitted. */
  jz_household_model_refresh (model);
  g_assert_cmpuint (n_signals (recorder), ==, 0);

  /* An insert in this connection; the model refreshes when told. */
  added = add_household (t->db, t->village, "李", 100);
  expected = reference_ids (t->path, query);
  jz_household_model_refresh (model);
  g_assert_cmpuint (n_signals (recorder), ==, 1);
  {
    guint at = 0;

    while (g_array_index (expected, gint64, at) != added)
      at++;
    assert_signal (recorder, 0, at, 0, 1);
  }
  assert_ids_equal (recorder->mirror, expected);
  assert_model_is (G_LIST_MODEL (model), expected);

  /* A row held by somebody (a selection) is updated in place. */
  held = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_signal_connect_swapped (held, "notify::monthly-amount", G_CALLBACK (g_atomic_int_inc), &notified);

  /* Another connection, as another clerk: a case for the held household
   * changes its amount but not its place. */
  other = jz_db_open (t->path, JZ_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("INSERT INTO cases (household_id, program, status, applied_on, monthly_amount) "
                         "VALUES (%" G_GINT64_FORMAT ", 'dibao_rural', 'active', '2025-01-01', 55000)",
                         jz_household_row_get_id (held));
  exec_other (t->path, sql);
  g_assert_true (jz_db_poll_changes (t->db));
  g_assert_cmpuint (n_signals (recorder), ==, 1);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpint (jz_household_row_get_monthly_amount (held), ==, 55000);

  /* Sorted by amount, the same instance; setting the query, one signal. */
  query->sort = JZ_HOUSEHOLD_SORT_MONTHLY_AMOUNT;
  query->descending = TRUE;
  jz_household_model_set_query (model, query);
  g_assert_cmpuint (n_signals (recorder), ==, 2);
  assert_signal (recorder, 1, 0, 11, 11);
  {
    g_autoptr(GObject) first = g_list_model_get_item (G_LIST_MODEL (model), 0);

    g_assert_true (first == (GObject *) held);
  }
  /* Setting the same query again changes nothing. */
  jz_household_model_set_query (model, query);
  g_assert_cmpuint (n_signals (recorder), ==, 2);

  /* A household archived by the other connection leaves the list. */
  query->sort = JZ_HOUSEHOLD_SORT_HEAD_NAME;
  query->descending = FALSE;
  jz_household_model_set_query (model, query);
  g_assert_cmpuint (n_signals (recorder), ==, 3);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("UPDATE households SET status = 'archived' WHERE id = %" G_GINT64_FORMAT, ids[8]);
  g_clear_pointer (&expected, g_array_unref);
  expected = reference_ids (t->path, query);
  {
    guint at = 0;

    while (g_array_index (expected, gint64, at) != ids[8])
      at++;
    exec_other (t->path, sql);
    g_assert_true (jz_db_poll_changes (t->db));
    g_assert_cmpuint (n_signals (recorder), ==, 4);
    assert_signal (recorder, 3, at, 1, 0);
  }
  g_clear_pointer (&expected, g_array_unref);
  expected = reference_ids (t->path, query);
  assert_ids_equal (recorder->mirror, expected);
  assert_model_is (G_LIST_MODEL (model), expected);

  /* A rename through the core moves a row. */
  {
    g_autoptr(JzPerson) head = NULL;
    g_autoptr(JzHousehold) household = jz_household_get (t->db, ids[0], &error);

    g_assert_no_error (error);
    head = jz_person_get (t->db, household->head_person_id, &error);
    g_assert_no_error (error);
    g_free (head->name);
    head->name = g_strdup ("一");   /* U+4E00, before every other */
    g_assert_true (jz_person_update (t->db, head, &error));
    g_assert_no_error (error);
  }
  jz_household_model_refresh (model);
  g_clear_pointer (&expected, g_array_unref);
  expected = reference_ids (t->path, query);
  g_assert_cmpint (g_array_index (expected, gint64, 0), ==, ids[0]);
  /* Told as a move: in at the top, out where it was (after 丁 冯 孔 李,
   * one further down now). */
  g_assert_cmpuint (n_signals (recorder), ==, 6);
  assert_signal (recorder, 4, 0, 0, 1);
  assert_signal (recorder, 5, 5, 1, 0);
  assert_ids_equal (recorder->mirror, expected);
  assert_model_is (G_LIST_MODEL (model), expected);

  /* A commit that touches nothing the list shows: no signal. */
  exec_other (t->path, "INSERT INTO meta (key, value) VALUES ('unrelated', 'x')");
  g_assert_true (jz_db_poll_changes (t->db));
  g_assert_cmpuint (n_signals (recorder), ==, 6);
}

/* Deep in a large list, changes before and after the rows on screen are
 * told around them: those rows are never in a signal's range and keep
 * their instances, one place up. */
static void
test_model_keeps_window (gconstpointer data)
{
  const gint64 *limits = data;
  g_autoptr(JzDb) db = open_demo ();
  g_autoptr(JzDb) writer = open_demo ();
  g_autoptr(JzHouseholdQuery) query = jz_household_query_new ();
  g_autoptr(JzHouseholdModel) model = NULL;
  g_autoptr(GPtrArray) screen = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) expected = NULL;
  g_autoptr(Recorder) recorder = NULL;
  GListModel *list;
  gint64 village;
  guint n;

  jz_household_query_set_limits (limits[0], limits[1], limits[2]);
  query->sort = JZ_HOUSEHOLD_SORT_ID;
  model = jz_household_model_new (db, query);
  list = G_LIST_MODEL (model);
  n = g_list_model_get_n_items (list);
  recorder = recorder_new (list);

  /* Another clerk archives a household before the screen and opens one,
   * which sorts by id at the end. */
  {
    g_autoptr(JzHouseholdRow) row = g_list_model_get_item (list, 100);
    g_autofree char *sql = g_strdup_printf ("UPDATE households SET status = 'archived' WHERE id = %" G_GINT64_FORMAT,
                                            jz_household_row_get_id (row));

    exec_other (demo_path, sql);
    village = jz_household_row_get_village_id (row);
  }
  add_household (writer, village, "新户", 4242);

  /* On screen: 40 rows in the middle, the page read last. */
  for (guint i = 1200; i < 1240; i++)
    g_ptr_array_add (screen, g_list_model_get_item (list, i));
  recorder->keep = screen;

  g_assert_true (jz_db_poll_changes (db));
  g_assert_cmpuint (n_signals (recorder), ==, 2);
  assert_signal (recorder, 0, 0, 1200, 1199);
  assert_signal (recorder, 1, 1299, n - 1300, n - 1299);
  recorder->keep = NULL;

  expected = reference_ids (demo_path, query);
  assert_ids_equal (recorder->mirror, expected);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n);
  for (guint i = 0; i < screen->len; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (list, 1199 + i);

      g_assert_true (row == g_ptr_array_index (screen, i));
    }
  assert_model_is (list, expected);

  /* Back as it was, for the next run. */
  jz_household_query_set_limits (-1, -1, -1);
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *sql = g_strdup_printf ("UPDATE households SET status = 'open' WHERE status = 'archived';"
                                            "DELETE FROM persons WHERE household_id = (SELECT max (id) FROM households);"
                                            "UPDATE households SET head_person_id = NULL WHERE id = (SELECT max (id) FROM households);"
                                            "DELETE FROM audit_log WHERE row_id = (SELECT max (id) FROM households) "
                                            "  AND table_name = 'households';"
                                            "DELETE FROM households WHERE id = (SELECT max (id) FROM households)");

    exec_other (demo_path, sql);
  }
}

int
main (int   argc,
      char *argv[])
{
  static const gint64 defaults[] = { -1, -1, -1 };
  static const gint64 sort_index[] = { 0, 0, -1 };
  static const gint64 sort_index_probed[] = { 0, 0, 0 };
  static const gint64 driver_sorted[] = { G_MAXINT64, 0, -1 };
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/household-model/matches-sql/default", defaults, test_model_matches_sql);
  g_test_add_data_func ("/household-model/matches-sql/sort-index", sort_index, test_model_matches_sql);
  g_test_add_data_func ("/household-model/matches-sql/sort-index-probed", sort_index_probed, test_model_matches_sql);
  g_test_add_data_func ("/household-model/matches-sql/driver", driver_sorted, test_model_matches_sql);
  g_test_add_func ("/household-model/bounded", test_model_bounded);
  g_test_add_func ("/household-model/same-instance", test_model_same_instance);
  g_test_add_func ("/household-model/changes", test_model_changes);
  g_test_add_data_func ("/household-model/keeps-window/default", defaults, test_model_keeps_window);
  g_test_add_data_func ("/household-model/keeps-window/sort-index", sort_index, test_model_keeps_window);
  g_test_add_data_func ("/household-model/keeps-window/sort-index-probed", sort_index_probed, test_model_keeps_window);

  make_demo ();
  status = g_test_run ();
  remove_demo ();

  return status;
}
