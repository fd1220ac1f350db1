/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "jz-case.h"
#include "jz-demo.h"
#include "jz-household-query.h"
#include "jz-household-row.h"
#include "jz-workflow.h"

/*
 * "Overdue" is decided in C (jz_workflow_overdue(), for the case view,
 * the Tasks panel and the CLI) and in SQL (the case list's rows and the
 * household file's cases).  Over a demo district, on several days, the
 * two must give the same answer for every case.
 */

typedef struct
{
  GHashTable *cases;       /* case id → "1" when overdue, "0" when not */
  GHashTable *households;  /* household id with an overdue case → itself */
  const char *today;
  guint       overdue;
  guint       in_time;
} Expected;

static gboolean
flow_cb (const JzCaseFlow *flow,
         gpointer          user_data)
{
  Expected *e = user_data;
  gboolean overdue = jz_workflow_overdue (flow, e->today);
  gint64 *household = g_new (gint64, 1);

  g_hash_table_insert (e->cases, g_memdup2 (&flow->id, sizeof (gint64)), overdue ? "1" : "0");
  *household = flow->household_id;
  if (overdue)
    g_hash_table_add (e->households, household);
  else
    g_free (household);

  if (overdue)
    e->overdue++;
  else
    e->in_time++;
  return TRUE;
}

typedef struct
{
  JzDb      *db;
  Expected  *expected;
  guint      rows;
  guint      marked;
  guint      cases;
} Seen;

static gboolean
row_cb (JzHouseholdRow  *row,
        gpointer         user_data,
        GError         **out_error)
{
  Seen *seen = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  gint64 id = jz_household_row_get_id (row);
  gboolean expected = g_hash_table_contains (seen->expected->households, &id);

  if (jz_household_row_get_overdue (row) != expected)
    g_error ("household %" G_GINT64_FORMAT " on %s: the list says %s overdue", id, seen->expected->today,
             expected ? "not" : "");
  seen->rows++;
  seen->marked += expected;

  cases = jz_case_list_for_household (seen->db, id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < cases->len; i++)
    {
      JzCase *item = g_ptr_array_index (cases, i);
      const char *want = g_hash_table_lookup (seen->expected->cases, &item->id);

      g_assert_nonnull (want);
      if (item->overdue != (want[0] == '1'))
        g_error ("case %" G_GINT64_FORMAT " (%s) on %s: the household file says %s overdue", item->id,
                 item->status, seen->expected->today, item->overdue ? "" : "not");
      seen->cases++;
    }

  return TRUE;
}

static void
test_sql_matches_c (void)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };
  static const char * const days[] = { "2025-01-15", "2025-06-30", "2025-07-01", "2026-02-10", "2027-01-01" };
  g_autofree char *dir = g_dir_make_tmp ("jz-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = jz_db_open (path, JZ_DB_OPEN_CREATE, &error);
  g_autoptr(JzHouseholdQuery) query = jz_household_query_new ();
  JzDemoOptions options = { .n_households = 300, .seed = 7 };
  guint days_with_both = 0;

  g_assert_no_error (error);
  jz_db_set_user_name (db, "tester");
  g_date_clear (&options.end, 1);
  g_date_set_dmy (&options.end, 30, G_DATE_JUNE, 2025);
  g_assert_true (jz_demo_generate (db, &options, &error));
  g_assert_no_error (error);

  /* Every file, closed and archived too: their old cases count as well. */
  query->include_closed = TRUE;
  query->include_archived = TRUE;

  for (guint d = 0; d < G_N_ELEMENTS (days); d++)
    {
      Expected expected = { 0 };
      Seen seen = { db, &expected, 0, 0, 0 };

      expected.cases = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      expected.households = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      expected.today = days[d];
      g_setenv ("JIUZHU_TODAY", days[d], TRUE);

      g_assert_true (jz_case_flow_foreach (db, NULL, NULL, 0, flow_cb, &expected, &error));
      g_assert_no_error (error);
      g_assert_true (jz_household_query_foreach (db, query, row_cb, &seen, NULL, &error));
      g_assert_no_error (error);

      g_assert_cmpint (jz_household_query_count (db, query, &error), >, 0);
      g_assert_cmpuint (seen.rows, >, 0);
      g_assert_cmpuint (seen.cases, ==, expected.overdue + expected.in_time);
      g_assert_cmpuint (seen.marked, ==, g_hash_table_size (expected.households));
      g_test_message ("%s: %u cases overdue, %u in time, %u households marked", days[d], expected.overdue,
                      expected.in_time, seen.marked);
      days_with_both += expected.overdue > 0 && expected.in_time > 0;

      g_hash_table_unref (expected.cases);
      g_hash_table_unref (expected.households);
    }

  /* Not a comparison of nothing with nothing. */
  g_assert_cmpuint (days_with_both, >=, 3);

  g_unsetenv ("JIUZHU_TODAY");
  g_clear_object (&db);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_remove (file);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/overdue/sql-matches-c", test_sql_matches_c);

  return g_test_run ();
}
