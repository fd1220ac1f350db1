/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-db-private.h"
#include "jz-one-off-dialog.h"
#include "jz-payments-page.h"
#include "jz-roll.h"
#include "jz-tasks-page.h"
#include "jz-test-window.h"

/* The Payments panel: a roll made, checked, locked, exported for the bank
 * and paid through the page's actions; the next month's roll shows what
 * changed; a one-off subsidy made in its dialog. */

static JzApplication *app;
static char *tmp_dir;

static void
exec_sql (JzDb       *db,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jz_db_exec (db, sql, &error));
  g_assert_no_error (error);
}

static void
assert_text (JzDb       *db,
             const char *sql,
             const char *expected)
{
  g_autoptr(sqlite3_stmt) stmt = jz_db_prepare (db, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, expected);
}

static void
test_roll_through_the_window (void)
{
  g_autoptr(JzDb) db = jz_test_window_db_new (tmp_dir, "rolls.db", 0, 0);
  JzWindow *window;
  JzPaymentsPage *page;
  gint64 may, june;

  exec_sql (db,
            "INSERT INTO regions (id, parent_id, level, kind, code, name) VALUES "
            "  (1, NULL, 'district', 'district', '370302', '青禾区'), "
            "  (2, 1, 'township', 'town', '370302101', '柳河镇'), "
            "  (3, 2, 'village', 'village', '370302101201', '王家庄村'); "
            "INSERT INTO households (id, region_id, hukou, opened_on, bank, bank_account) VALUES "
            "  (1, 3, 'urban', '2020-01-01', '农业银行', '6228480012345678901'), "
            "  (2, 3, 'urban', '2020-01-01', '农业银行', '6228480012345678902'); "
            "INSERT INTO persons (id, household_id, name, id_number, relation, sex, birth_date) VALUES "
            "  (1, 1, '王建国', '370302197003020011', 'head', 'M', '1970-03-02'), "
            "  (2, 2, '李秀英', '370302197203020022', 'head', 'F', '1972-03-02'); "
            "UPDATE households SET head_person_id = id; "
            "INSERT INTO incomes (person_id, kind, monthly_amount) VALUES (1, 'wage', 30000), (2, 'wage', 50000); "
            "INSERT INTO standards (kind, hukou, amount, rate_bp, effective_from) VALUES "
            "  ('dibao', 'urban', 80000, NULL, '2020-01-01'), "
            "  ('increment_elderly_pct', NULL, NULL, 1000, '2020-01-01'), ('increment_minor_pct', NULL, NULL, 1000, '2020-01-01'), "
            "  ('increment_severe_disability_pct', NULL, NULL, 2000, '2020-01-01'), "
            "  ('increment_severe_illness_pct', NULL, NULL, 2000, '2020-01-01'), "
            "  ('increment_sanwu_pct', NULL, NULL, 3000, '2020-01-01'), ('gradual_exit_months', NULL, 3, NULL, '2020-01-01'); "
            "INSERT INTO cases (id, household_id, program, status, applied_on, decided_on, starts_on) VALUES "
            "  (1, 1, 'dibao_urban', 'active', '2025-01-02', '2025-01-20', '2025-02-01'), "
            "  (2, 2, 'dibao_urban', 'active', '2025-01-02', '2025-01-20', '2025-02-01');");

  window = jz_test_window_new (app, db, 1280, 800);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-panel", "s", "payments"));
  drain_main_context ();
  page = JZ_PAYMENTS_PAGE (jz_window_get_visible_page (window));
  g_assert_true (JZ_IS_PAYMENTS_PAGE (page));
  wait_for_draw (GTK_WIDGET (page));

  /* Made, checked, locked, paid. */
  may = jz_payments_page_generate (page, "dibao_urban,dibao_rural", "2026-05", "柳河镇");
  g_assert_cmpint (may, >, 0);
  drain_main_context ();
  g_assert_cmpint (jz_payments_page_get_roll_id (page), ==, may);
  g_assert_true (shows_text (GTK_WIDGET (page), "王建国", TRUE));
  screenshot ("payments-roll-draft.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "payments.check", NULL));
  drain_main_context ();
  assert_text (db, "SELECT status FROM rolls", "checked");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "payments.lock", NULL));
  drain_main_context ();
  assert_text (db, "SELECT status FROM rolls", "locked");
  /* The bank file of the locked roll, read back with openpyxl. */
  {
    g_autofree char *path = g_build_filename (tmp_dir, "bank.xlsx", NULL);
    g_autoptr(GError) error = NULL;
    g_autofree char *out = NULL;
    g_autofree char *program = g_strdup_printf ("import openpyxl\n"
                                                "wb = openpyxl.load_workbook('%s')\n"
                                                "ws = wb.worksheets[0]\n"
                                                "cells = [c for row in ws.iter_rows(values_only=True) for c in row]\n"
                                                "print('6228480012345678901' in cells, '370302197003020011' in cells, "
                                                "len(wb.worksheets))\n",
                                                path);
    int status;

    g_assert_true (jz_payments_page_export (page, path, &error));
    g_assert_no_error (error);
    {
      const char *argv[] = { "/usr/bin/python3", "-c", program, NULL };

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_assert_cmpstr (out, ==, "True True 2\n");
    }
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "payments.paid", NULL));
  drain_main_context ();
  assert_text (db, "SELECT status || ' ' || total FROM rolls", "paid 80000");

  /* June, after the second household's wage rose: what changed. */
  exec_sql (db, "UPDATE incomes SET monthly_amount = 60000 WHERE person_id = 2");
  june = jz_payments_page_generate (page, "dibao_urban,dibao_rural", "2026-06", "柳河镇");
  g_assert_cmpint (june, >, may);
  drain_main_context ();
  g_assert_true (shows_text (GTK_WIDGET (page), _("Since the Period Before"), FALSE));
  screenshot ("payments-roll-changes.png");

  /* Back in the list: both rolls. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "payments.back", NULL));
  drain_main_context ();
  g_assert_cmpint (jz_payments_page_get_roll_id (page), ==, 0);
  g_assert_true (shows_text (GTK_WIDGET (page), "2026-06", TRUE));
  g_assert_true (shows_text (GTK_WIDGET (page), "2026-05", TRUE));
  screenshot ("payments-rolls.png");

  /* June's roll, not paid by the 10th, waits in Tasks and opens from there. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-panel", "s", "tasks"));
  {
    GtkWidget *tasks = jz_window_get_visible_page (window);

    g_assert_true (JZ_IS_TASKS_PAGE (tasks));
    wait_for_draw (tasks);
    while (jz_tasks_page_get_loading (JZ_TASKS_PAGE (tasks)))
      g_main_context_iteration (NULL, TRUE);
    drain_main_context ();
    g_assert_true (shows_text (tasks, _("Payment Rolls Late"), FALSE));
    g_assert_true (shows_text (tasks, "2026-06 · ", TRUE));
    g_assert_false (shows_text (tasks, "2026-05 · ", TRUE));
    screenshot ("tasks-late-roll.png");
    g_assert_true (gtk_widget_activate_action (tasks, "tasks.open-roll", "x", june));
    drain_main_context ();
  }
  page = JZ_PAYMENTS_PAGE (jz_window_get_visible_page (window));
  g_assert_true (JZ_IS_PAYMENTS_PAGE (page));
  g_assert_cmpint (jz_payments_page_get_roll_id (page), ==, june);

  /* A one-off subsidy: 300.00 a person, the province 60 %, the county 40 %;
   * first with an amount that does not read, refused in the dialog. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "payments.one-off", NULL));
  drain_main_context ();
  {
    JzOneOffDialog *dialog = JZ_ONE_OFF_DIALOG (find_toplevel (JZ_TYPE_ONE_OFF_DIALOG));
    GtkWidget *province;

    g_assert_nonnull (dialog);
    gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (dialog), _("Name, e.g. 2026 Spring Festival one-off living subsidy"))),
                           "2026年端午节一次性生活补贴");
    gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (dialog), _("In payment on (year-month-day)"))), "2026-06-01");
    gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (dialog), _("Amount per person or household, yuan"))), "三百");
    province = find_row (GTK_WIDGET (dialog), _("Province, %"));
    g_assert_nonnull (province);
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (province))), 60);
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (adw_action_row_get_activatable_widget (
                                 ADW_ACTION_ROW (find_row (GTK_WIDGET (dialog), _("County or district, %"))))), 40);
    jz_one_off_dialog_make (dialog);
    drain_main_context ();
    g_assert_true (find_toplevel (JZ_TYPE_ONE_OFF_DIALOG) == GTK_WINDOW (dialog));
    assert_text (db, "SELECT count(*) FROM rolls WHERE title IS NOT NULL", "0");
    screenshot ("payments-one-off-refused.png");

    gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (dialog), _("Amount per person or household, yuan"))), "300");
    jz_one_off_dialog_make (dialog);
    drain_main_context ();
    g_assert_null (find_toplevel (JZ_TYPE_ONE_OFF_DIALOG));
  }
  assert_text (db, "SELECT title || ' ' || total || ' ' || one_off_per FROM rolls WHERE title IS NOT NULL",
               "2026年端午节一次性生活补贴 60000 person");
  assert_text (db, "SELECT group_concat (level || ':' || amount, ',') FROM roll_funding", "province:36000,county:24000");
  g_assert_true (shows_text (GTK_WIDGET (page), "2026年端午节一次性生活补贴", TRUE));
  g_assert_true (shows_text (GTK_WIDGET (page), _("Funding"), FALSE));
  screenshot ("payments-one-off.png");

  jz_test_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_setenv ("JIUZHU_TODAY", "2026-06-12", TRUE);
  app = jz_test_window_init (&argc, &argv, "jz-test-payments-XXXXXX", &tmp_dir);

  g_test_add_func ("/payments-page/roll-through-the-window", test_roll_through_the_window);

  ret = g_test_run ();

  jz_test_window_finish (&app, &tmp_dir);

  return ret;
}
