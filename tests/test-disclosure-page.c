/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jz-db-private.h"
#include "jz-disclosure.h"
#include "jz-disclosure-document.h"
#include "jz-disclosure-page.h"
#include "jz-disclosure-screen.h"
#include "jz-print.h"
#include "jz-test-window.h"

/* The Disclosure panel in a window: a village picked, its list shown as
 * the core makes it, printed through the print operation to a file,
 * saved, recorded, and shown on the hall's screen. */

static JzApplication *app;
static char *tmp_dir;

static gint64
query_int (JzDb       *db,
           const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = jz_db_prepare (db, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static char *
query_text (JzDb       *db,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = jz_db_prepare (db, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static char *
pdf_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char *[]) { (char *) "pdftotext", (char *) path, (char *) "-", NULL }, NULL,
                G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return text;
}

/* Nothing shaped like an ID number, a mobile phone or a bank account. */
static void
assert_no_personal_numbers (const char *text)
{
  g_autoptr(GRegex) shapes = g_regex_new ("[0-9]{17}[0-9Xx]|(?<![0-9])1[3-9][0-9]{9}(?![0-9])|[0-9]{16,19}", 0, 0, NULL);

  g_assert_false (g_regex_match (shapes, text, 0, NULL));
}

static void
test_village_list (void)
{
  g_autoptr(JzDb) db = jz_test_window_db_new (tmp_dir, "disclosure.db", 300, 3);
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDisclosureQuery) query = NULL;
  g_autoptr(JzDisclosureList) expected = NULL;
  g_autofree char *township = NULL;
  g_autofree char *village = NULL;
  g_autofree char *printed = g_build_filename (tmp_dir, "printed.pdf", NULL);
  g_autofree char *saved = g_build_filename (tmp_dir, "saved.pdf", NULL);
  g_autofree char *text = NULL;
  const JzDisclosureList *list;
  JzWindow *window;
  JzDisclosurePage *page;
  gint64 village_id;

  /* The village with the most households on dibao in June 2025. */
  village_id = query_int (db, "SELECT h.region_id FROM cases c JOIN households h ON h.id = c.household_id "
                              "WHERE c.program LIKE 'dibao%' AND c.status = 'active' "
                              "GROUP BY h.region_id ORDER BY count(*) DESC, h.region_id LIMIT 1");
  {
    g_autofree char *sql = g_strdup_printf ("SELECT name FROM regions WHERE id = %" G_GINT64_FORMAT, village_id);
    g_autofree char *sql2 = g_strdup_printf ("SELECT t.name FROM regions v JOIN regions t ON t.id = v.parent_id "
                                             "WHERE v.id = %" G_GINT64_FORMAT, village_id);

    village = query_text (db, sql);
    township = query_text (db, sql2);
  }

  window = jz_test_window_new (app, db, 1280, 800);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-panel", "s", "disclosure"));
  drain_main_context ();
  page = JZ_DISCLOSURE_PAGE (jz_window_get_visible_page (window));
  g_assert_true (JZ_IS_DISCLOSURE_PAGE (page));
  wait_for_draw (GTK_WIDGET (page));

  jz_disclosure_page_choose (page, JZ_DISCLOSURE_LONGTERM, "dibao_urban,dibao_rural", township, village, "2025-06");
  drain_main_context ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "disclosure.build", NULL));
  drain_main_context ();
  list = jz_disclosure_page_get_list (page);
  g_assert_nonnull (list);
  g_assert_cmpuint (list->rows->len, >, 0);
  g_assert_cmpint (list->query->region_id, ==, village_id);
  screenshot ("disclosure-list.png");

  /* The same rows as the core gives. */
  query = jz_disclosure_query_new (db, &error);
  g_assert_no_error (error);
  g_strfreev (query->programs);
  query->programs = g_strsplit ("dibao_urban,dibao_rural", ",", -1);
  query->region_id = village_id;
  g_free (query->month);
  query->month = g_strdup ("2025-06");
  expected = jz_disclosure_build (db, NULL, query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->rows->len, ==, expected->rows->len);
  for (guint i = 0; i < list->rows->len; i++)
    g_assert_cmpstr (((JzDisclosureRow *) g_ptr_array_index (list->rows, i))->name, ==,
                     ((JzDisclosureRow *) g_ptr_array_index (expected->rows, i))->name);
  g_assert_true (shows_text (GTK_WIDGET (page), ((JzDisclosureRow *) g_ptr_array_index (list->rows, 0))->name, FALSE));

  /* Printed through the print operation, to a file. */
  {
    g_autoptr(JzDocument) document = jz_disclosure_document_build (list, FALSE, &error);
    g_autoptr(GtkPrintOperation) operation = NULL;

    g_assert_no_error (error);
    operation = jz_print_operation_new (document, list->title);
    gtk_print_operation_set_export_filename (operation, printed);
    g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error), ==,
                     GTK_PRINT_OPERATION_RESULT_APPLY);
    g_assert_no_error (error);
  }
  text = pdf_text (printed);
  g_assert_nonnull (strstr (text, ((JzDisclosureRow *) g_ptr_array_index (list->rows, 0))->name));
  g_assert_nonnull (strstr (text, village));
  assert_no_personal_numbers (text);
  g_clear_pointer (&text, g_free);

  /* Saved from the page: written and recorded. */
  g_assert_true (jz_disclosure_page_save (page, saved, &error));
  g_assert_no_error (error);
  text = pdf_text (saved);
  assert_no_personal_numbers (text);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM disclosure_log WHERE format = 'pdf'"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT rows FROM disclosure_log"), ==, list->rows->len);

  /* Shown again from its record, after another list was shown. */
  {
    guint rows = list->rows->len;
    gint64 record = query_int (db, "SELECT max (id) FROM disclosure_log");

    jz_disclosure_page_choose (page, JZ_DISCLOSURE_LONGTERM, "tekun_dispersed", township, NULL, "2025-06");
    g_assert_true (jz_disclosure_page_build_list (page));
    g_assert_true (jz_disclosure_page_show_again (page, record));
    list = jz_disclosure_page_get_list (page);
    g_assert_cmpuint (list->rows->len, ==, rows);
    g_assert_cmpint (list->query->region_id, ==, village_id);
  }

  /* On the hall's screen: its pages turn; Esc closes it. */
  {
    g_autoptr(JzDisclosureList) district = NULL;
    JzDisclosureScreen *screen;
    guint n;

    query->region_id = 0;
    district = jz_disclosure_build (db, NULL, query, &error);
    g_assert_no_error (error);
    screen = jz_disclosure_screen_new (GTK_WINDOW (window), district, 0);
    gtk_window_present (GTK_WINDOW (screen));
    wait_for_draw (GTK_WIDGET (screen));
    n = jz_disclosure_screen_get_n_pages (screen);
    g_assert_cmpuint (n, >, 1);
    g_assert_cmpuint (jz_disclosure_screen_get_page (screen), ==, 0);
    jz_disclosure_screen_next (screen);
    g_assert_cmpuint (jz_disclosure_screen_get_page (screen), ==, 1);
    screenshot ("disclosure-screen.png");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (screen), "window.close", NULL));
    drain_main_context ();
  }

  jz_test_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  app = jz_test_window_init (&argc, &argv, "jz-test-disclosure-XXXXXX", &tmp_dir);

  g_test_add_func ("/disclosure-page/village-list", test_village_list);

  ret = g_test_run ();

  jz_test_window_finish (&app, &tmp_dir);

  return ret;
}
