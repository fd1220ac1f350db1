/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jz-care.h"
#include "jz-care-dialog.h"
#include "jz-care-page.h"
#include "jz-db-private.h"
#include "jz-test-window.h"

/* The Care agreements panel in a window: the figures and the list, a
 * recipient's page, and a visit recorded through its form, after which
 * the overdue count drops. */

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

static void
exec_sql (JzDb       *db,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jz_db_exec (db, sql, &error));
  g_assert_no_error (error);
}

/* A share as the panel shows it, in the language of the test. */
static const char *
percent (guint whole,
         guint tenths)
{
  static char *text;

  g_free (text);
  text = g_strdup_printf (_("%u.%u %%"), whole, tenths);
  return text;
}

static void
set_text (GtkWidget  *row,
          const char *text)
{
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static GtkWidget *
find_error_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error"))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_error_label (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Saves the form, which must close; else what it says fails the test. */
static void
save_dialog (GtkWindow *dialog)
{
  watch_window (&dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "care-dialog.save", NULL));
  drain_main_context ();
  if (dialog != NULL)
    {
      GtkWidget *label = find_error_label (GTK_WIDGET (dialog));

      g_error ("The form was not saved: %s", label != NULL ? gtk_label_get_label (GTK_LABEL (label)) : "?");
    }
}

/* The list is read in a worker thread. */
static void
wait_loaded (JzCarePage *page)
{
  while (jz_care_page_get_loading (page))
    g_main_context_iteration (NULL, TRUE);
  drain_main_context ();
}

static JzCarePage *
show_care (JzWindow *window)
{
  GtkWidget *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-panel", "s", "care"));
  drain_main_context ();
  page = jz_window_get_visible_page (window);
  g_assert_true (JZ_IS_CARE_PAGE (page));
  wait_for_draw (page);
  wait_loaded (JZ_CARE_PAGE (page));
  return JZ_CARE_PAGE (page);
}

static void
test_visit_drops_overdue (void)
{
  g_autoptr(JzDb) db = jz_test_window_db_new (tmp_dir, "care.db", 0, 0);
  JzWindow *window;
  JzCarePage *page;
  GtkWindow *dialog;
  GtkWidget *error_label;
  const JzCareStats *stats;

  /* Two recipients in one village: one visited on time, one never since
   * the decision of January; the standards of the fee. */
  exec_sql (db,
            "INSERT INTO regions (id, parent_id, level, kind, code, name) VALUES "
            "  (1, NULL, 'district', 'district', '370302', '青禾区'), "
            "  (2, 1, 'township', 'town', '370302101', '柳河镇'), "
            "  (3, 2, 'village', 'village', '370302101201', '王家庄村'); "
            "INSERT INTO households (id, region_id, hukou, opened_on) VALUES "
            "  (1, 3, 'rural', '2020-01-01'), (2, 3, 'rural', '2020-01-01'); "
            "INSERT INTO persons (id, household_id, name, id_number, relation, sex, birth_date) VALUES "
            "  (1, 1, '王秀英', '370302194503020012', 'head', 'F', '1945-03-02'), "
            "  (2, 2, '李德明', '370302194003020015', 'head', 'M', '1940-03-02'); "
            "UPDATE households SET head_person_id = id; "
            "INSERT INTO cases (household_id, person_id, program, status, applied_on, decided_on, starts_on) VALUES "
            "  (1, 1, 'tekun_dispersed', 'active', '2026-01-02', '2026-01-05', '2026-02-01'), "
            "  (2, 2, 'tekun_dispersed', 'active', '2026-01-02', '2026-01-05', '2026-02-01'); "
            "INSERT INTO care_visits (person_id, visited_on, visitors, method, checks) VALUES "
            "  (2, '2026-06-20', '王芳', 'home', 127); "
            "INSERT INTO standards (kind, hukou, amount, rate_bp, effective_from) VALUES "
            "  ('min_wage', NULL, 201000, NULL, '2020-01-01'), ('care_self_pct', NULL, NULL, 1000, '2020-01-01'), "
            "  ('care_partial_pct', NULL, NULL, 3000, '2020-01-01'), ('care_full_pct', NULL, NULL, 6000, '2020-01-01')");

  window = jz_test_window_new (app, db, 1280, 800);
  page = show_care (window);

  g_assert_cmpuint (g_list_model_get_n_items (jz_care_page_get_model (page)), ==, 2);
  stats = jz_care_page_get_stats (page);
  g_assert_cmpuint (stats->recipients, ==, 2);
  g_assert_cmpuint (stats->visit_overdue, ==, 1);
  g_assert_cmpuint (stats->with_agreement, ==, 0);
  g_assert_true (shows_text (GTK_WIDGET (page), percent (50, 0), FALSE));
  screenshot ("care-list.png");

  /* The one never visited. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "care.open", "x", (gint64) 1));
  drain_main_context ();
  g_assert_cmpint (jz_care_page_get_person_id (page), ==, 1);
  g_assert_true (shows_text (GTK_WIDGET (page), "王秀英", FALSE));
  g_assert_true (shows_text (GTK_WIDGET (page), _("Not visited yet."), FALSE));

  /* A visit in the future is refused, in words, and nothing is saved. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "care.visit", NULL));
  dialog = find_toplevel (JZ_TYPE_CARE_DIALOG);
  g_assert_nonnull (dialog);
  wait_for_draw (GTK_WIDGET (dialog));
  set_text (jz_care_dialog_get_row (JZ_CARE_DIALOG (dialog), "date"), "2999-01-01");
  set_text (jz_care_dialog_get_row (JZ_CARE_DIALOG (dialog), "visitors"), "王芳、李强");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "care-dialog.save", NULL));
  error_label = find_error_label (GTK_WIDGET (dialog));
  g_assert_true (shows_text (GTK_WIDGET (dialog), _("A visit is recorded after it took place: the date is in the future."), FALSE));
  g_assert_nonnull (error_label);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM care_visits"), ==, 1);

  /* Recorded on a real day, hygiene not in order. */
  set_text (jz_care_dialog_get_row (JZ_CARE_DIALOG (dialog), "date"), "2026-06-28");
  gtk_switch_set_active (GTK_SWITCH (jz_care_dialog_get_row (JZ_CARE_DIALOG (dialog), "check-4")), FALSE);
  set_text (jz_care_dialog_get_row (JZ_CARE_DIALOG (dialog), "findings"), "室内卫生较差");
  screenshot ("care-visit-dialog.png");
  save_dialog (dialog);
  wait_loaded (page);

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM care_visits WHERE person_id = 1 AND visited_on = '2026-06-28' "
                                  "AND checks = 127 - 16 AND visitors = '王芳、李强'"), ==, 1);
  g_assert_cmpuint (jz_care_page_get_stats (page)->visit_overdue, ==, 0);
  g_assert_true (shows_text (GTK_WIDGET (page), "室内卫生较差", TRUE));
  screenshot ("care-recipient.png");

  /* Back in the list, nobody is overdue. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "care.back", NULL));
  wait_loaded (page);
  g_assert_cmpint (jz_care_page_get_person_id (page), ==, 0);
  g_assert_true (shows_text (GTK_WIDGET (page), percent (100, 0), FALSE));

  /* The list, to Excel: read back by openpyxl. */
  {
    g_autofree char *path = g_build_filename (tmp_dir, "care.xlsx", NULL);
    g_autofree char *out = NULL;
    g_autoptr(GError) error = NULL;
    int status = 0;

    g_assert_true (jz_care_page_export_to (page, path, &error));
    g_assert_no_error (error);
    g_spawn_sync (NULL, (char *[]) { (char *) "/usr/bin/python3", (char *) "-c",
                                     (char *) "import sys, openpyxl\n"
                                              "ws = openpyxl.load_workbook(sys.argv[1]).active\n"
                                              "print(ws.max_row, sorted(r[0] for r in ws.iter_rows(min_row=2, values_only=True)))",
                                     path, NULL },
                  NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_cmpstr (out, ==, "3 ['李德明', '王秀英']\n");
  }

  jz_test_window_destroy (window);
}

/* An assessment through its form sets the tier the list shows. */
static void
test_assessment_and_agreement (void)
{
  g_autoptr(JzDb) db = jz_test_window_db_new (tmp_dir, "care2.db", 0, 0);
  JzWindow *window;
  JzCarePage *page;
  GtkWindow *dialog;
  gint64 agreement;

  exec_sql (db,
            "INSERT INTO regions (id, parent_id, level, kind, code, name) VALUES "
            "  (1, NULL, 'district', 'district', '370302', '青禾区'), "
            "  (2, 1, 'township', 'town', '370302101', '柳河镇'), "
            "  (3, 2, 'village', 'village', '370302101201', '王家庄村'); "
            "INSERT INTO households (id, region_id, hukou, opened_on) VALUES (1, 3, 'rural', '2020-01-01'); "
            "INSERT INTO persons (id, household_id, name, id_number, relation, sex, birth_date) VALUES "
            "  (1, 1, '王秀英', '370302194503020012', 'head', 'F', '1945-03-02'); "
            "UPDATE households SET head_person_id = id; "
            "INSERT INTO cases (household_id, person_id, program, status, applied_on, decided_on, starts_on) VALUES "
            "  (1, 1, 'tekun_dispersed', 'active', '2026-01-02', '2026-01-05', '2026-02-01'); "
            "INSERT INTO standards (kind, hukou, amount, rate_bp, effective_from) VALUES "
            "  ('min_wage', NULL, 201000, NULL, '2020-01-01'), ('care_self_pct', NULL, NULL, 1000, '2020-01-01'), "
            "  ('care_partial_pct', NULL, NULL, 3000, '2020-01-01'), ('care_full_pct', NULL, NULL, 6000, '2020-01-01')");

  window = jz_test_window_new (app, db, 1280, 800);
  page = show_care (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "care.open", "x", (gint64) 1));
  drain_main_context ();

  /* Four activities not alone: full care. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "care.assess", NULL));
  dialog = find_toplevel (JZ_TYPE_CARE_DIALOG);
  g_assert_nonnull (dialog);
  set_text (jz_care_dialog_get_row (JZ_CARE_DIALOG (dialog), "date"), "2026-02-03");
  for (guint i = 2; i < 6; i++)
    {
      g_autofree char *key = g_strdup_printf ("activity-%u", i);

      gtk_switch_set_active (GTK_SWITCH (jz_care_dialog_get_row (JZ_CARE_DIALOG (dialog), key)), FALSE);
    }
  g_assert_true (shows_text (GTK_WIDGET (dialog), jz_care_tier_label ("full_care"), FALSE));
  set_text (jz_care_dialog_get_row (JZ_CARE_DIALOG (dialog), "assessor"), "王芳");
  screenshot ("care-assessment-dialog.png");
  save_dialog (dialog);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM care_assessments WHERE tier = 'full_care'"), ==, 1);

  /* An agreement with a neighbour: drafted at 60 % of the minimum wage, then signed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "care.new-agreement", NULL));
  dialog = find_toplevel (JZ_TYPE_CARE_DIALOG);
  g_assert_nonnull (dialog);
  set_text (jz_care_dialog_get_row (JZ_CARE_DIALOG (dialog), "starts-on"), "2026-03-01");
  set_text (jz_care_dialog_get_row (JZ_CARE_DIALOG (dialog), "name"), "李桂芝");
  set_text (jz_care_dialog_get_row (JZ_CARE_DIALOG (dialog), "id-number"), "370302197001010011");
  set_text (jz_care_dialog_get_row (JZ_CARE_DIALOG (dialog), "relation"), "邻居");
  save_dialog (dialog);
  agreement = query_int (db, "SELECT id FROM care_agreements WHERE monthly_fee = 120600 AND status = 'draft'");
  g_assert_cmpint (agreement, >, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "care.sign", "x", agreement));
  dialog = find_toplevel (JZ_TYPE_CARE_DIALOG);
  set_text (jz_care_dialog_get_row (JZ_CARE_DIALOG (dialog), "date"), "2026-02-27");
  save_dialog (dialog);
  wait_loaded (page);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM care_agreements WHERE status = 'active'"), ==, 1);
  g_assert_cmpuint (jz_care_page_get_stats (page)->with_agreement, ==, 1);
  screenshot ("care-recipient-agreement.png");

  /* A poor evaluation: the failure stays open until the caregiver is replaced. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "care.evaluate", "x", agreement));
  dialog = find_toplevel (JZ_TYPE_CARE_DIALOG);
  g_assert_nonnull (dialog);
  set_text (jz_care_dialog_get_row (JZ_CARE_DIALOG (dialog), "period-from"), "2026-03-01");
  set_text (jz_care_dialog_get_row (JZ_CARE_DIALOG (dialog), "period-to"), "2026-05-31");
  set_text (jz_care_dialog_get_row (JZ_CARE_DIALOG (dialog), "date"), "2026-06-03");
  set_text (jz_care_dialog_get_row (JZ_CARE_DIALOG (dialog), "evaluator"), "王芳");
  adw_combo_row_set_selected (ADW_COMBO_ROW (jz_care_dialog_get_row (JZ_CARE_DIALOG (dialog), "satisfaction")), 3);
  adw_combo_row_set_selected (ADW_COMBO_ROW (jz_care_dialog_get_row (JZ_CARE_DIALOG (dialog), "neighbours")), 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (jz_care_dialog_get_row (JZ_CARE_DIALOG (dialog), "village")), 1);
  save_dialog (dialog);
  wait_loaded (page);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM care_evaluations WHERE score = 35 AND result = 'fail'"), ==, 1);
  g_assert_cmpuint (jz_care_page_get_stats (page)->failed_open, ==, 1);

  /* Saved as PDF from the page: pdftotext reads its number and fee. */
  {
    g_autofree char *path = g_build_filename (tmp_dir, "agreement.pdf", NULL);
    g_autofree char *text = NULL;
    g_autoptr(GError) error = NULL;
    int status = 0;

    g_assert_true (jz_care_page_save_agreement_pdf (page, agreement, path, &error));
    g_assert_no_error (error);
    g_spawn_sync (NULL, (char *[]) { (char *) "pdftotext", path, (char *) "-", NULL }, NULL,
                  G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (text, "370302101-2026-0001"));
    g_assert_nonnull (strstr (text, "壹仟贰佰零陆元整"));
    g_assert_nonnull (strstr (text, "李桂芝"));
  }

  jz_test_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* Before any thread reads it. */
  g_setenv ("JIUZHU_TODAY", "2026-06-30", TRUE);
  app = jz_test_window_init (&argc, &argv, "jz-test-care-XXXXXX", &tmp_dir);

  g_test_add_func ("/care-page/visit-drops-overdue", test_visit_drops_overdue);
  g_test_add_func ("/care-page/assessment-and-agreement", test_assessment_and_agreement);

  ret = g_test_run ();

  jz_test_window_finish (&app, &tmp_dir);

  return ret;
}
