/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "jz-db.h"
#include "jz-region.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->dir = g_dir_make_tmp ("jz-test-db-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
  fixture->path = g_build_filename (fixture->dir, "test.db", NULL);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_chmod (path, 0644);
      g_remove (path);
    }
  g_chmod (dir, 0755);
  g_rmdir (dir);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static GBytes *
file_bytes (const char *path)
{
  char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_bytes_new_take (contents, len);
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
}

static void
test_create_migrates (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  g_autoptr(JzDb) again = NULL;

  g_assert_cmpint (jz_db_latest_schema_version (), >=, 1);

  db = jz_db_open (fixture->path, JZ_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_cmpint (jz_db_get_schema_version (db), ==, jz_db_latest_schema_version ());
  g_assert_cmpint (jz_db_count_rows (db, "programs", &error), ==, 9);
  g_assert_cmpint (jz_db_count_rows (db, "households", &error), ==, 0);
  g_assert_no_error (error);

  /* Unknown table names never reach the SQL. */
  g_assert_cmpint (jz_db_count_rows (db, "programs; DROP TABLE programs", &error), ==, -1);
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_clear_object (&db);

  /* Opening again applies nothing and keeps the data. */
  again = jz_db_open (fixture->path, JZ_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (jz_db_get_schema_version (again), ==, jz_db_latest_schema_version ());
  g_assert_cmpint (jz_db_count_rows (again, "programs", &error), ==, 9);
}

static void
test_newer_schema_refused (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *wal = NULL;

  db = jz_db_open (fixture->path, JZ_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  sql = g_strdup_printf ("PRAGMA journal_mode = DELETE; PRAGMA user_version = %d",
                         jz_db_latest_schema_version () + 1);
  raw_exec (fixture->path, sql);
  before = file_bytes (fixture->path);

  db = jz_db_open (fixture->path, JZ_DB_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_NEWER_SCHEMA);

  after = file_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  wal = g_strconcat (fixture->path, "-wal", NULL);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_bad_files (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;

  db = jz_db_open (fixture->path, JZ_DB_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_MISSING);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (fixture->path, "name,amount\n张三,100\n", -1, NULL));
  db = jz_db_open (fixture->path, JZ_DB_OPEN_CREATE, &error);
  g_assert_null (db);
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_NOT_A_DATABASE);
  g_clear_error (&error);

  db = jz_db_open (fixture->dir, JZ_DB_OPEN_CREATE, &error);
  g_assert_null (db);
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_NOT_A_DATABASE);
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;

  db = jz_db_open (fixture->path, JZ_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  db = jz_db_open (fixture->path, JZ_DB_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (jz_db_get_read_only (db));
  g_assert_cmpint (jz_region_create (db, 0, "district", "370302", "青禾区", &error), ==, 0);
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_clear_object (&db);

  if (geteuid () == 0)
    {
      g_test_skip ("file permissions do not bind root");
      return;
    }

  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);
  db = jz_db_open (fixture->path, JZ_DB_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_READ_ONLY);
}

static void
test_journal_mode (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  g_autoptr(JzDb) local = NULL;
  g_autofree char *shared = g_build_filename (fixture->dir, "shared.db", NULL);

  db = jz_db_open (fixture->path, JZ_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jz_db_get_journal_mode (db), ==, "wal");

  /* Found in WAL on a share while this computer still has it open: the
   * mode cannot be switched, and the clerk is told why. */
  g_setenv ("JIUZHU_ASSUME_NETWORK_FS", "1", TRUE);
  local = jz_db_open (fixture->path, JZ_DB_OPEN_DEFAULT, &error);
  g_assert_null (local);
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "shared drive"));
  g_clear_error (&error);
  g_clear_object (&db);

  /* Once nobody else has it open, it goes back to a rollback journal. */
  db = jz_db_open (fixture->path, JZ_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jz_db_get_journal_mode (db), ==, "delete");
  g_clear_object (&db);

  /* A new file on a share starts with a rollback journal. */
  db = jz_db_open (shared, JZ_DB_OPEN_CREATE, &error);
  g_unsetenv ("JIUZHU_ASSUME_NETWORK_FS");
  g_assert_no_error (error);
  g_assert_cmpstr (jz_db_get_journal_mode (db), ==, "delete");
  g_clear_object (&db);

  /* Opened from the disk that holds it, a shared file is never switched to
   * WAL: the clerks on the network would lose it. */
  db = jz_db_open (shared, JZ_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jz_db_get_journal_mode (db), ==, "delete");
}

static void
test_foreign_database_refused (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  raw_exec (fixture->path, "CREATE TABLE contacts (name TEXT, phone TEXT); INSERT INTO contacts VALUES ('x', '1')");
  before = file_bytes (fixture->path);

  db = jz_db_open (fixture->path, JZ_DB_OPEN_CREATE, &error);
  g_assert_null (db);
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_NOT_A_DATABASE);
  g_clear_error (&error);

  after = file_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));

  /* Nor one that says it belongs to another program. */
  raw_exec (fixture->path, "DROP TABLE contacts; PRAGMA application_id = 42");
  db = jz_db_open (fixture->path, JZ_DB_OPEN_CREATE, &error);
  g_assert_null (db);
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_NOT_A_DATABASE);
}

static void
count_cb (JzDb     *db,
          gpointer  user_data)
{
  (*(guint *) user_data)++;
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_changed_signal (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) mine = NULL;
  g_autoptr(JzDb) other = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  guint changed = 0;

  mine = jz_db_open (fixture->path, JZ_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  other = jz_db_open (fixture->path, JZ_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_signal_connect (mine, "changed", G_CALLBACK (count_cb), &changed);

  g_assert_false (jz_db_poll_changes (mine));

  /* Our own commit is not news to us. */
  g_assert_cmpint (jz_region_create (mine, 0, "district", "370302", "青禾区", &error), >, 0);
  g_assert_no_error (error);
  g_assert_false (jz_db_poll_changes (mine));
  g_assert_cmpuint (changed, ==, 0);

  g_assert_cmpint (jz_region_create (other, 1, "town", "370302001", "柳河镇", &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (jz_db_poll_changes (mine));
  g_assert_cmpuint (changed, ==, 1);
  g_assert_false (jz_db_poll_changes (mine));

  /* The watch notices from the main loop. */
  loop = g_main_loop_new (NULL, FALSE);
  jz_db_watch (mine, 20);
  g_assert_cmpint (jz_region_create (other, 1, "street", "370302002", "东关街道", &error), >, 0);
  g_timeout_add (200, quit_cb, loop);
  g_main_loop_run (loop);
  jz_db_unwatch (mine);
  g_assert_cmpuint (changed, ==, 2);
}

static gboolean
insert_district_cb (JzDb     *db,
                    gpointer  user_data,
                    GError  **error)
{
  return jz_region_create (db, 0, "district", "370302", "青禾区", error) != 0;
}

/* A second process takes the write lock, holds it for @hold_ms, then
 * commits; returns its pid once it holds the lock. */
static GPid
hold_write_lock (const char *path,
                 guint       hold_ms)
{
  int fds[2];
  pid_t pid;
  char c;

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);

  if (pid == 0)
    {
      sqlite3 *handle = NULL;
      int rc = 1;

      close (fds[0]);
      if (sqlite3_open (path, &handle) == SQLITE_OK &&
          sqlite3_exec (handle, "BEGIN IMMEDIATE; INSERT INTO meta VALUES ('holder-' || random (), 'x')", NULL, NULL, NULL) == SQLITE_OK)
        {
          if (write (fds[1], "1", 1) == 1)
            {
              g_usleep (hold_ms * 1000);
              rc = sqlite3_exec (handle, "COMMIT", NULL, NULL, NULL) == SQLITE_OK ? 0 : 1;
            }
        }
      sqlite3_close (handle);
      _exit (rc);
    }

  close (fds[1]);
  g_assert_cmpint (read (fds[0], &c, 1), ==, 1);
  close (fds[0]);
  return pid;
}

static void
test_write_retries_while_locked (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  gint64 start;
  int status;
  GPid pid;

  db = jz_db_open (fixture->path, JZ_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);

  /* Held shorter than our timeout: we wait and succeed. */
  jz_db_set_busy_timeout (db, 5000);
  pid = hold_write_lock (fixture->path, 600);
  start = g_get_monotonic_time ();
  g_assert_true (jz_db_write (db, insert_district_cb, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 400 * 1000);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_cmpint (jz_db_count_rows (db, "regions", &error), ==, 1);
  g_assert_cmpint (jz_db_count_rows (db, "meta", &error), ==, 1);

  /* Held longer than our timeout: a clear error and nothing written. */
  jz_db_set_busy_timeout (db, 200);
  pid = hold_write_lock (fixture->path, 1500);
  g_assert_cmpint (jz_region_create (db, 1, "town", "370302001", "柳河镇", &error), ==, 0);
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_cmpint (jz_db_count_rows (db, "regions", &error), ==, 1);
  g_assert_cmpint (jz_db_count_rows (db, "meta", &error), ==, 2);
}

static void
test_open_while_locked (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  int fds[2];
  pid_t pid;
  char c;

  g_setenv ("JIUZHU_ASSUME_NETWORK_FS", "1", TRUE);
  db = jz_db_open (fixture->path, JZ_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  /* Another program keeps the whole file locked, as a copy tool or a
   * crashed writer on a shared drive can. */
  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      sqlite3 *handle = NULL;

      close (fds[0]);
      if (sqlite3_open (fixture->path, &handle) == SQLITE_OK &&
          sqlite3_exec (handle, "BEGIN EXCLUSIVE", NULL, NULL, NULL) == SQLITE_OK &&
          write (fds[1], "1", 1) == 1)
        g_usleep (30 * G_USEC_PER_SEC);
      _exit (0);
    }
  close (fds[1]);
  g_assert_cmpint (read (fds[0], &c, 1), ==, 1);
  close (fds[0]);

  db = jz_db_open (fixture->path, JZ_DB_OPEN_DEFAULT, &error);
  g_unsetenv ("JIUZHU_ASSUME_NETWORK_FS");
  kill (pid, SIGKILL);
  waitpid (pid, NULL, 0);

  g_assert_null (db);
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_LOCKED);
}

static void
test_default_path (void)
{
  g_autofree char *path = jz_db_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "jiuzhu", "jiuzhu.db", NULL);

  g_assert_cmpstr (path, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/db/create-migrates", test_create_migrates);
  ADD ("/db/newer-schema-refused", test_newer_schema_refused);
  ADD ("/db/bad-files", test_bad_files);
  ADD ("/db/read-only", test_read_only);
  ADD ("/db/journal-mode", test_journal_mode);
  ADD ("/db/foreign-database-refused", test_foreign_database_refused);
  ADD ("/db/changed-signal", test_changed_signal);
  ADD ("/db/write-retries-while-locked", test_write_retries_while_locked);
  ADD ("/db/open-while-locked", test_open_while_locked);
  g_test_add_func ("/db/default-path", test_default_path);

#undef ADD

  return g_test_run ();
}
