/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "jz-audit.h"
#include "jz-test-util.h"

static gint64
count_audit (JzDb *db)
{
  g_autoptr(GError) error = NULL;
  gint64 n = jz_db_count_rows (db, "audit_log", &error);

  g_assert_no_error (error);
  return n;
}

static void
test_entry_written (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  JzAuditEntry *entry;

  entries = jz_audit_list (t->db, "regions", t->village, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);

  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->action, ==, "insert");
  g_assert_cmpstr (entry->user_name, ==, "clerk-a");
  g_assert_cmpstr (entry->table_name, ==, "regions");
  g_assert_null (entry->old_values);
  g_assert_nonnull (strstr (entry->new_values, "\"name\":\"王家庄村\""));
  g_assert_nonnull (strstr (entry->new_values, "\"code\":\"370302101201\""));
  g_assert_true (g_str_has_suffix (entry->at, "Z"));
}

static void
test_update_keeps_old_and_new (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  JzAuditEntry *entry;

  jz_db_set_user_name (t->db, "clerk-b");
  g_assert_true (jz_region_rename (t->db, t->village, 1, "王家村", &error));
  g_assert_no_error (error);

  entries = jz_audit_list (t->db, "regions", t->village, &error);
  g_assert_cmpuint (entries->len, ==, 2);
  entry = g_ptr_array_index (entries, 1);
  g_assert_cmpstr (entry->action, ==, "update");
  g_assert_cmpstr (entry->user_name, ==, "clerk-b");
  /* Only what changed is kept, old beside new. */
  g_assert_cmpstr (entry->old_values, ==, "{\"name\":\"王家庄村\",\"version\":1}");
  g_assert_cmpstr (entry->new_values, ==, "{\"name\":\"王家村\",\"version\":2}");

  /* A stale version is refused and leaves no entry. */
  g_assert_false (jz_region_rename (t->db, t->village, 1, "李家村", &error));
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_CONFLICT);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = jz_audit_list (t->db, "regions", t->village, NULL);
  g_assert_cmpuint (entries->len, ==, 2);
}

typedef struct
{
  gint64 region;
  gboolean fail;
} FailData;

static gboolean
create_then_fail_cb (JzDb     *db,
                     gpointer  user_data,
                     GError  **error)
{
  FailData *data = user_data;

  data->region = jz_region_create (db, 1, "zone", "370302900", "高新区", error);
  g_assert_cmpint (data->region, >, 0);
  g_assert_cmpint (count_audit (db), ==, 4);

  if (data->fail)
    {
      g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_FAILED, "later step failed");
      return FALSE;
    }

  return TRUE;
}

static void
test_rolled_back_with_change (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JzRegion) region = NULL;
  FailData data = { 0, TRUE };

  g_assert_cmpint (count_audit (t->db), ==, 3);

  /* The audit entry was written inside the transaction and goes with it. */
  g_assert_false (jz_db_write (t->db, create_then_fail_cb, &data, &error));
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (count_audit (t->db), ==, 3);
  region = jz_region_get (t->db, data.region, &error);
  g_assert_null (region);
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  data.fail = FALSE;
  g_assert_true (jz_db_write (t->db, create_then_fail_cb, &data, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_audit (t->db), ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/audit/entry-written", test_entry_written);
  g_test_add_func ("/audit/update-keeps-old-and-new", test_update_keeps_old_and_new);
  g_test_add_func ("/audit/rolled-back-with-change", test_rolled_back_with_change);

  return g_test_run ();
}
