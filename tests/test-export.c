/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "jz-demo.h"
#include "jz-xlsx-export-private.h"

/* One demo district for every test, read only; each test writes into a
 * folder of its own.  The cell contents are checked by test-export.py,
 * with openpyxl and LibreOffice; this file checks the file handling. */
static char *db_dir;
static char *db_path;
static JzDb *db;
static guint64 expected_rows;
static gint64 expected_households;
static GThread *main_thread;

static gboolean
count_cb (JzHouseholdRow  *row,
          const JzPerson  *person,
          gpointer         user_data,
          GError         **error)
{
  (*(guint64 *) user_data)++;
  return TRUE;
}

static void
setup_database (void)
{
  g_autoptr(JzHouseholdQuery) query = jz_household_query_new ();
  g_autoptr(GError) error = NULL;
  JzDemoOptions options = { 0 };

  db_dir = g_dir_make_tmp ("jz-test-export-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (db_dir, "demo.db", NULL);
  db = jz_db_open (db_path, JZ_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);

  options.n_households = 200;
  options.seed = 3;
  g_date_clear (&options.end, 1);
  g_date_set_dmy (&options.end, 31, 10, 2026);
  jz_demo_generate (db, &options, &error);
  g_assert_no_error (error);

  jz_household_query_foreach_person (db, query, count_cb, &expected_rows, NULL, &error);
  g_assert_no_error (error);
  /* Open files only, as the list shows them by default. */
  expected_households = jz_household_query_count (db, query, &error);
  g_assert_no_error (error);
  g_assert_cmpint (expected_households, >, 150);
  g_assert_cmpuint (expected_rows, >, 200);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        {
          g_chmod (child, 0700);
          remove_tree (child);
        }
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* A fresh output folder, removed with the returned path's folder. */
static char *
make_out_dir (void)
{
  g_autofree char *dir = g_build_filename (db_dir, "out-XXXXXX", NULL);

  g_assert_nonnull (g_mkdtemp (dir));
  return g_steal_pointer (&dir);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted and joined by blanks: "" for none. */
static char *
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

static void
assert_is_xlsx (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  gboolean end_found = FALSE;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  /* A zip file, and one that ends with the central directory. */
  g_assert_cmpuint (length, >, 1000);
  g_assert_cmpmem (contents, 4, "PK\003\004", 4);
  for (gsize i = length - 22; i > length - 200; i--)
    if (memcmp (contents + i, "PK\005\006", 4) == 0)
      end_found = TRUE;
  g_assert_true (end_found);
}

static void
write_old_file (const char *path)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "old", -1, &error);
  g_assert_no_error (error);
}

static void
assert_old_file (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "old");
}

/* --- synchronous -------------------------------------------------------------- */

typedef struct
{
  guint         calls;
  guint64       first_done;
  guint64       last_done;
  guint64       total;
  gboolean      monotonic;
  gboolean      in_main_thread;
  GCancellable *cancel_on_first;
  guint         calls_after_cancel;
  guint         freed;
} Progress;

static void
progress_cb (guint64  done,
             guint64  total,
             gpointer user_data)
{
  Progress *p = user_data;

  if (p->cancel_on_first != NULL && g_cancellable_is_cancelled (p->cancel_on_first))
    p->calls_after_cancel++;

  if (p->calls == 0)
    {
      p->first_done = done;
      p->monotonic = TRUE;
      p->in_main_thread = TRUE;
    }
  else if (done < p->last_done)
    p->monotonic = FALSE;

  if (g_thread_self () != main_thread)
    p->in_main_thread = FALSE;

  p->calls++;
  p->last_done = done;
  p->total = total;

  if (p->cancel_on_first != NULL && p->calls == 1)
    g_cancellable_cancel (p->cancel_on_first);
}

static void
progress_free (gpointer user_data)
{
  Progress *p = user_data;

  p->freed++;
}

static void
test_sync (void)
{
  g_autoptr(JzHouseholdQuery) query = jz_household_query_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_out_dir ();
  g_autofree char *path = g_build_filename (dir, "persons.xlsx", NULL);
  g_autofree char *names = NULL;
  Progress progress = { 0 };
  guint64 n_rows = 0;

  g_assert_true (jz_xlsx_export_households (db, query, path, progress_cb, &progress, &n_rows, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (n_rows, ==, expected_rows);
  assert_is_xlsx (path);
  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "persons.xlsx");

  /* (0, total) first, (total, total) last, households rather than rows. */
  g_assert_cmpuint (progress.calls, >=, 2);
  g_assert_cmpuint (progress.first_done, ==, 0);
  g_assert_cmpuint (progress.total, ==, expected_households);
  g_assert_cmpuint (progress.last_done, ==, expected_households);
  g_assert_true (progress.monotonic);
  g_assert_true (progress.in_main_thread);

  remove_tree (dir);
}

static void
test_sync_replaces (void)
{
  g_autoptr(JzHouseholdQuery) query = jz_household_query_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_out_dir ();
  g_autofree char *path = g_build_filename (dir, "persons.xlsx", NULL);
  g_autofree char *names = NULL;

  write_old_file (path);
  g_assert_true (jz_xlsx_export_households (db, query, path, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  assert_is_xlsx (path);
  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "persons.xlsx");

  remove_tree (dir);
}

static void
test_sync_cancel (void)
{
  g_autoptr(JzHouseholdQuery) query = jz_household_query_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_out_dir ();
  g_autofree char *path = g_build_filename (dir, "persons.xlsx", NULL);
  g_autofree char *fresh = g_build_filename (dir, "fresh.xlsx", NULL);
  g_autofree char *names = NULL;
  Progress progress = { .cancel_on_first = cancellable };

  /* An existing file stays as it was. */
  write_old_file (path);
  g_assert_false (jz_xlsx_export_households (db, query, path, progress_cb, &progress, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_nonnull (strstr (error->message, "no file was written"));
  g_assert_cmpuint (progress.calls, ==, 1);
  assert_old_file (path);
  g_clear_error (&error);

  /* And none appears where there was none. */
  g_assert_false (jz_xlsx_export_households (db, query, fresh, NULL, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "persons.xlsx");

  remove_tree (dir);
}

/* --- asynchronous ------------------------------------------------------------- */

typedef struct
{
  GMainLoop *loop;
  gboolean   ok;
  guint64    n_rows;
  GError    *error;
} Result;

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Result *r = user_data;

  g_assert_true (g_thread_self () == main_thread);
  r->ok = jz_xlsx_export_households_finish (JZ_DB (source), result, &r->n_rows, &r->error);
  g_main_loop_quit (r->loop);
}

static void
run_async_after (const char   *path,
                 Progress     *progress,
                 GCancellable *cancellable,
                 gulong        delay_us,
                 Result       *r)
{
  g_autoptr(JzHouseholdQuery) query = jz_household_query_new ();

  r->loop = g_main_loop_new (NULL, FALSE);
  jz_xlsx_export_households_async (db, query, path,
                                   progress != NULL ? progress_cb : NULL, progress,
                                   progress != NULL ? progress_free : NULL,
                                   cancellable, export_done_cb, r);
  /* The worker runs meanwhile; what it reports waits in the main context. */
  if (delay_us > 0)
    g_usleep (delay_us);
  g_main_loop_run (r->loop);
  g_clear_pointer (&r->loop, g_main_loop_unref);

  /* Nothing of the export is left waiting in the main context. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
run_async (const char   *path,
           Progress     *progress,
           GCancellable *cancellable,
           Result       *r)
{
  run_async_after (path, progress, cancellable, 0, r);
}

static void
test_async (void)
{
  g_autofree char *dir = make_out_dir ();
  g_autofree char *path = g_build_filename (dir, "persons.xlsx", NULL);
  g_autofree char *names = NULL;
  Progress progress = { 0 };
  Result r = { 0 };

  run_async (path, &progress, NULL, &r);
  g_assert_no_error (r.error);
  g_assert_true (r.ok);
  g_assert_cmpuint (r.n_rows, ==, expected_rows);

  assert_is_xlsx (path);
  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "persons.xlsx");

  /* Reported in the main thread, from 0 to the total, freed once. */
  g_assert_cmpuint (progress.calls, >=, 1);
  g_assert_true (progress.in_main_thread);
  g_assert_true (progress.monotonic);
  g_assert_cmpuint (progress.first_done, ==, 0);
  g_assert_cmpuint (progress.total, ==, expected_households);
  g_assert_cmpuint (progress.freed, ==, 1);

  remove_tree (dir);
}

static void
check_async_cancel (gulong delay_us)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *dir = make_out_dir ();
  g_autofree char *path = g_build_filename (dir, "persons.xlsx", NULL);
  g_autofree char *names = NULL;
  Progress progress = { .cancel_on_first = cancellable };
  Result r = { 0 };

  write_old_file (path);
  run_async_after (path, &progress, cancellable, delay_us, &r);

  g_assert_false (r.ok);
  g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_nonnull (strstr (r.error->message, "no file was written"));
  g_clear_error (&r.error);

  /* The old file as it was, no temporary file, no report after the cancel. */
  assert_old_file (path);
  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "persons.xlsx");
  g_assert_cmpuint (progress.calls, ==, 1);
  g_assert_cmpuint (progress.calls_after_cancel, ==, 0);
  g_assert_cmpuint (progress.freed, ==, 1);

  /* The worker may still be packing the file it gave up on: it removes
   * it when done.  Wait for that (a few seconds at most). */
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *now = list_dir (dir);

      if (g_str_equal (now, "persons.xlsx"))
        break;
      g_usleep (50 * 1000);
    }
  g_clear_pointer (&names, g_free);
  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "persons.xlsx");

  remove_tree (dir);
}

/* The clerk cancels while the rows are written. */
static void
test_async_cancel (void)
{
  check_async_cancel (0);
}

/* The worker has finished and its result waits behind the first progress
 * report, whose handler cancels: still no file. */
static void
test_async_cancel_late (void)
{
  check_async_cancel (G_USEC_PER_SEC);
}

static void
test_async_cancelled_before (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *dir = make_out_dir ();
  g_autofree char *path = g_build_filename (dir, "persons.xlsx", NULL);
  g_autofree char *names = NULL;
  Progress progress = { 0 };
  Result r = { 0 };

  g_cancellable_cancel (cancellable);
  run_async (path, &progress, cancellable, &r);

  g_assert_false (r.ok);
  g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&r.error);
  g_assert_cmpuint (progress.calls, ==, 0);
  g_assert_cmpuint (progress.freed, ==, 1);

  g_usleep (200 * 1000);
  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "");

  remove_tree (dir);
}

/* --- where it cannot write ------------------------------------------------------ */

static void
test_missing_folder (void)
{
  g_autoptr(JzHouseholdQuery) query = jz_household_query_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_out_dir ();
  g_autofree char *path = g_build_filename (dir, "gone", "persons.xlsx", NULL);
  g_autofree char *names = NULL;
  Result r = { 0 };

  g_assert_false (jz_xlsx_export_households (db, query, path, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, JZ_XLSX_EXPORT_ERROR, JZ_XLSX_EXPORT_ERROR_FOLDER);
  /* One sentence naming the folder, saying what to do. */
  g_assert_nonnull (strstr (error->message, "gone"));
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_assert_null (strchr (error->message, '\n'));

  run_async (path, NULL, NULL, &r);
  g_assert_false (r.ok);
  g_assert_error (r.error, JZ_XLSX_EXPORT_ERROR, JZ_XLSX_EXPORT_ERROR_FOLDER);
  g_clear_error (&r.error);

  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "");
  remove_tree (dir);
}

static void
assert_read_only_refused (const char *folder)
{
  g_autoptr(JzHouseholdQuery) query = jz_household_query_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (folder, "persons.xlsx", NULL);

  g_assert_false (jz_xlsx_export_households (db, query, path, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, JZ_XLSX_EXPORT_ERROR, JZ_XLSX_EXPORT_ERROR_FOLDER);
  g_assert_nonnull (strstr (error->message, "cannot be written to"));
  g_assert_nonnull (strstr (error->message, folder));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_read_only_folder (void)
{
  g_autofree char *dir = make_out_dir ();
  g_autofree char *names = NULL;
  guint tried = 0;

  /* A folder without write permission binds everyone but root. */
  if (geteuid () != 0)
    {
      g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
      assert_read_only_refused (dir);
      g_chmod (dir, 0700);
      names = list_dir (dir);
      g_assert_cmpstr (names, ==, "");
      tried++;
    }

  /* sysfs takes no new files, from root neither. */
  if (g_file_test ("/sys/kernel", G_FILE_TEST_IS_DIR))
    {
      int fd = g_open ("/sys/jz-probe", O_WRONLY | O_CREAT | O_EXCL, 0600);

      if (fd < 0 && (errno == EACCES || errno == EPERM || errno == EROFS))
        {
          assert_read_only_refused ("/sys");
          tried++;
        }
      else if (fd >= 0)
        {
          close (fd);
          g_unlink ("/sys/jz-probe");
        }
    }

  remove_tree (dir);
  if (tried == 0)
    g_test_skip ("No read-only folder to try: running as root without sysfs");
}

static void
test_target_is_folder (void)
{
  g_autoptr(JzHouseholdQuery) query = jz_household_query_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_out_dir ();
  g_autofree char *path = g_build_filename (dir, "persons.xlsx", NULL);
  g_autofree char *names = NULL;

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  g_assert_false (jz_xlsx_export_households (db, query, path, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, JZ_XLSX_EXPORT_ERROR, JZ_XLSX_EXPORT_ERROR_TARGET);

  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "persons.xlsx");
  remove_tree (dir);
}

/* A file size limit stands in for a full disk: writes fail the same way,
 * with EFBIG instead of ENOSPC. */
static void
test_disk_full (void)
{
  g_autoptr(JzHouseholdQuery) query = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *names = NULL;
  struct rlimit limit = { 16 * 1024, 16 * 1024 };

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  dir = make_out_dir ();
  path = g_build_filename (dir, "persons.xlsx", NULL);
  write_old_file (path);

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  query = jz_household_query_new ();
  g_assert_false (jz_xlsx_export_households (db, query, path, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, JZ_XLSX_EXPORT_ERROR, JZ_XLSX_EXPORT_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, "too large for this drive"));

  assert_old_file (path);
  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "persons.xlsx");
  remove_tree (dir);
}

/* --- more rows than a sheet holds ----------------------------------------------- */

static void
test_sheets (void)
{
  g_autoptr(JzHouseholdQuery) query = jz_household_query_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_out_dir ();
  g_autofree char *path = g_build_filename (dir, "persons.xlsx", NULL);
  g_autofree char *out = NULL;
  g_autofree char *expected = NULL;
  guint64 n_rows = 0;
  int wait_status = 0;
  const char *script =
    "import openpyxl, sys\n"
    "wb = openpyxl.load_workbook(sys.argv[1])\n"
    "for ws in wb.worksheets:\n"
    "    header = [c.value for c in ws[1]]\n"
    "    print(ws.title, ws.max_row - 1, ws.freeze_panes, ws.auto_filter.ref, header[0], len(header))\n";
  const char *argv[] = { "/usr/bin/python3", "-c", script, path, NULL };
  GString *want = g_string_new (NULL);

  if (!g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("/usr/bin/python3 (with openpyxl) is needed to read the sheets back");
      g_string_free (want, TRUE);
      return;
    }

  jz_xlsx_export_set_rows_per_sheet (200);
  jz_xlsx_export_households (db, query, path, NULL, NULL, &n_rows, NULL, &error);
  jz_xlsx_export_set_rows_per_sheet (0);
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, expected_rows);

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (wait_status, &error);
  g_assert_no_error (error);

  /* 200 rows a sheet, each with the header, frozen and filtered. */
  for (guint64 done = 0, sheet = 1; done < n_rows; done += 200, sheet++)
    {
      guint64 rows = MIN (200, n_rows - done);
      g_autofree char *title = sheet == 1 ? g_strdup ("Persons")
                                          : g_strdup_printf ("Persons (%" G_GUINT64_FORMAT ")", sheet);

      g_string_append_printf (want, "%s %" G_GUINT64_FORMAT " A2 A1:P%" G_GUINT64_FORMAT " Household no. 16\n",
                              title, rows, rows + 1);
    }
  expected = g_string_free (want, FALSE);
  g_assert_cmpstr (out, ==, expected);

  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* English messages: the tests look for words of them. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  main_thread = g_thread_self ();

  setup_database ();

  g_test_add_func ("/io/export/sync", test_sync);
  g_test_add_func ("/io/export/sync-replaces", test_sync_replaces);
  g_test_add_func ("/io/export/sync-cancel", test_sync_cancel);
  g_test_add_func ("/io/export/async", test_async);
  g_test_add_func ("/io/export/async-cancel", test_async_cancel);
  g_test_add_func ("/io/export/async-cancel-late", test_async_cancel_late);
  g_test_add_func ("/io/export/async-cancelled-before", test_async_cancelled_before);
  g_test_add_func ("/io/export/missing-folder", test_missing_folder);
  g_test_add_func ("/io/export/read-only-folder", test_read_only_folder);
  g_test_add_func ("/io/export/target-is-folder", test_target_is_folder);
  g_test_add_func ("/io/export/disk-full", test_disk_full);
  g_test_add_func ("/io/export/sheets", test_sheets);

  status = g_test_run ();

  g_clear_object (&db);
  remove_tree (db_dir);
  g_free (db_path);
  g_free (db_dir);
  return status;
}
