/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-benefit.h"
#include "jz-calendar.h"
#include "jz-case-step-dialog.h"
#include "jz-case-view.h"
#include "jz-case.h"
#include "jz-cases-page.h"
#include "jz-db-private.h"
#include "jz-household-rows.h"
#include "jz-household-view.h"
#include "jz-household.h"
#include "jz-income.h"
#include "jz-labels.h"
#include "jz-money.h"
#include "jz-new-case-dialog.h"
#include "jz-notice.h"
#include "jz-print.h"
#include "jz-region.h"
#include "jz-tasks-page.h"
#include "jz-test-window.h"
#include "jz-user.h"
#include "jz-workflow.h"

/* A case through the window, as two people take it: the township clerk
 * applies and records the township's steps, the district reviewer
 * approves and starts payment; the Tasks panel shows each of them what
 * waits for them; the notice is saved and printed. */

/* Every step below is dated on or before this day. */
#define TODAY "2026-03-20"

static JzApplication *app;
static char *tmp_dir;
/* Set to take screenshots; JZ_DEMO_DB names a demo database to take
 * them on as well. */
static const char *screenshot_dir;

/* --- helpers ------------------------------------------------------------------ */

/* The visible widget under @widget that activates @action (with @target
 * as its parameter, unless NULL). */
static GtkWidget *
find_actionable (GtkWidget  *widget,
                 const char *action,
                 GVariant   *target)
{
  g_autoptr(GVariant) owned = target != NULL ? g_variant_ref_sink (target) : NULL;

  if (!gtk_widget_get_visible (widget))
    return NULL;

  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0 &&
      (owned == NULL ||
       (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget)) != NULL &&
        g_variant_equal (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget)), owned))))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_actionable (child, action, owned != NULL ? g_variant_ref (owned) : NULL);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_step_button (GtkWidget  *view,
                  const char *to)
{
  return find_actionable (view, "case.advance", g_variant_new_string (to));
}

static void
set_row_text (GtkWidget  *root,
              const char *title,
              const char *text)
{
  GtkWidget *row = find_row (root, title);

  g_assert_nonnull (row);
  g_assert_true (ADW_IS_ENTRY_ROW (row));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
close_window (GtkWindow *window)
{
  watch_window (&window);
  gtk_window_close (window);
  wait_destroyed (&window);
}

static void
exec_sql (JzDb       *db,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jz_db_exec (db, sql, &error));
  g_assert_no_error (error);
}

/* An 18-digit ID number with its GB 11643 check character. */
static char *
make_id (const char *birth8,
         guint       sequence)
{
  static const int weights[] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  g_autofree char *body = g_strdup_printf ("370302%s%03u", birth8, sequence % 1000);
  int sum = 0;

  for (guint i = 0; i < 17; i++)
    sum += (body[i] - '0') * weights[i];

  return g_strdup_printf ("%s%c", body, "10X98765432"[sum % 11]);
}

static JzUser *
create_user (JzDb       *db,
             const char *name,
             const char *full_name,
             JzRole      role,
             gint64      township)
{
  g_autoptr(JzUser) user = jz_user_new ();
  g_autoptr(GError) error = NULL;
  JzUser *created;

  g_free (user->name);
  user->name = g_strdup (name);
  g_free (user->full_name);
  user->full_name = g_strdup (full_name);
  user->role = role;
  user->region_id = township;
  user->active = TRUE;
  /* No actor: the first users of a file, as the command line makes them. */
  g_assert_cmpint (jz_user_create (db, NULL, user, "correct horse battery", &error), >, 0);
  g_assert_no_error (error);

  created = jz_user_get_by_name (db, name, &error);
  g_assert_no_error (error);
  return created;
}

static JzCaseFlow *
get_flow (JzDb   *db,
          gint64  case_id)
{
  g_autoptr(GError) error = NULL;
  JzCaseFlow *flow = jz_case_flow_get (db, case_id, &error);

  g_assert_no_error (error);
  return flow;
}

static void
assert_status (JzDb       *db,
               gint64      case_id,
               const char *status)
{
  g_autoptr(JzCaseFlow) flow = get_flow (db, case_id);

  g_assert_cmpstr (flow->status, ==, status);
}

/* Opens the step dialog from the view's button, as a click does. */
static JzCaseStepDialog *
open_step (GtkWidget  *view,
           const char *to)
{
  GtkWidget *button = find_step_button (view, to);
  JzCaseStepDialog *dialog;

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_true (gtk_widget_activate_action (view, "case.advance", "s", to));
  dialog = JZ_CASE_STEP_DIALOG (find_toplevel (JZ_TYPE_CASE_STEP_DIALOG));
  g_assert_nonnull (dialog);
  return dialog;
}

static gboolean
save_enabled (GtkWidget *dialog)
{
  GtkWidget *button = find_actionable (dialog, "step.save", NULL);

  g_assert_nonnull (button);
  return gtk_widget_get_sensitive (button);
}

/* Records the step to @to on @date with @note, through the dialog. */
static void
record_step (JzDb       *db,
             GtkWidget  *view,
             gint64      case_id,
             const char *to,
             const char *date,
             const char *note)
{
  GtkWindow *dialog = GTK_WINDOW (open_step (view, to));

  set_row_text (GTK_WIDGET (dialog), _("Date (year-month-day)"), date);
  set_row_text (GTK_WIDGET (dialog), _("Note (optional)"), note != NULL ? note : "");
  g_assert_true (save_enabled (GTK_WIDGET (dialog)));
  watch_window (&dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "step.save", NULL));
  wait_destroyed (&dialog);
  drain_main_context ();

  assert_status (db, case_id, to);
  g_assert_true (shows_text (view, jz_case_status_label (to), FALSE));
}

/* Shows the Tasks panel and waits until its lists are read. */
static JzTasksPage *
show_tasks (JzWindow *window)
{
  GtkWidget *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-panel", "s", "tasks"));
  page = jz_window_get_visible_page (window);
  g_assert_true (JZ_IS_TASKS_PAGE (page));
  wait_for_draw (page);
  while (jz_tasks_page_get_loading (JZ_TASKS_PAGE (page)))
    g_main_context_iteration (NULL, TRUE);
  drain_main_context ();

  return JZ_TASKS_PAGE (page);
}

static char *
pdf_text (const char *pdf)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  char *text = NULL;
  int status = 0;

  g_assert_nonnull (pdftotext);  /* poppler-utils */
  g_spawn_sync (NULL, (char *[]) { pdftotext, "-raw", "-enc", "UTF-8", (char *) pdf, "-", NULL },
                NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return text;
}

static char *
day_after (const char *date)
{
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_parse (&day, date);
  g_assert_true (g_date_valid (&day));
  g_date_add_days (&day, 1);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day));
}

/* --- the fixture --------------------------------------------------------------- */

typedef struct
{
  JzDb   *db;
  gint64  township;
  gint64  household_id;
  JzUser *clerk;
  JzUser *other_clerk;
  JzUser *reviewer;
} Office;

static void
office_set_up (Office *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzHousehold) household = jz_household_new ();
  g_autoptr(JzPerson) head = jz_person_new ();
  g_autoptr(JzPerson) spouse = jz_person_new ();
  g_autoptr(JzIncome) wage = jz_income_new ();
  gint64 district, village, other_township;

  o->db = jz_test_window_db_new (tmp_dir, "workflow.db", 0, 0);
  district = jz_region_create (o->db, 0, "district", "370302", "青禾区", &error);
  g_assert_no_error (error);
  o->township = jz_region_create (o->db, district, "town", "370302101", "柳河镇", &error);
  g_assert_no_error (error);
  village = jz_region_create (o->db, o->township, "village", "370302101201", "王家庄村", &error);
  g_assert_no_error (error);
  other_township = jz_region_create (o->db, district, "town", "370302102", "东岭镇", &error);
  g_assert_no_error (error);

  /* The standards of urban dibao, from long before. */
  exec_sql (o->db,
            "INSERT INTO standards (kind, hukou, amount, rate_bp, effective_from) VALUES "
            "('dibao', 'urban', 80000, NULL, '2020-01-01'), ('dibao', 'rural', 60000, NULL, '2020-01-01'), "
            "('increment_elderly_pct', NULL, NULL, 1000, '2020-01-01'), "
            "('increment_minor_pct', NULL, NULL, 1000, '2020-01-01'), "
            "('increment_severe_disability_pct', NULL, NULL, 2000, '2020-01-01'), "
            "('increment_severe_illness_pct', NULL, NULL, 2000, '2020-01-01'), "
            "('increment_sanwu_pct', NULL, NULL, 3000, '2020-01-01'), "
            "('gradual_exit_months', NULL, 3, NULL, '2020-01-01')");

  /* A couple in the village: one wage of 300 yuan between two. */
  household->region_id = village;
  g_free (household->hukou);
  household->hukou = g_strdup ("urban");
  household->address = g_strdup ("王家庄村 3 号");
  head->name = g_strdup ("张桂兰");
  head->id_number = make_id ("19750304", 1);
  o->household_id = jz_household_create (o->db, household, head, &error);
  g_assert_no_error (error);
  spouse->household_id = o->household_id;
  spouse->name = g_strdup ("李建国");
  spouse->id_number = make_id ("19730611", 2);
  g_free (spouse->relation);
  spouse->relation = g_strdup ("spouse");
  jz_person_add (o->db, spouse, &error);
  g_assert_no_error (error);
  wage->person_id = head->id;
  wage->monthly_amount = 30000;
  jz_income_add (o->db, wage, &error);
  g_assert_no_error (error);

  o->clerk = create_user (o->db, "wangfang", "王芳", JZ_ROLE_CLERK, o->township);
  o->other_clerk = create_user (o->db, "zhaolei", "赵磊", JZ_ROLE_CLERK, other_township);
  o->reviewer = create_user (o->db, "liuqiang", "刘强", JZ_ROLE_REVIEWER, 0);
}

static void
office_tear_down (Office *o)
{
  g_clear_pointer (&o->clerk, jz_user_free);
  g_clear_pointer (&o->other_clerk, jz_user_free);
  g_clear_pointer (&o->reviewer, jz_user_free);
  g_clear_object (&o->db);
}

/* --- tests --------------------------------------------------------------------- */

static void
test_clerk_applies_reviewer_approves (void)
{
  Office o = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(JzBenefitResult) result = NULL;
  g_autoptr(JzCaseFlow) flow = NULL;
  g_autofree char *notice_path = g_build_filename (tmp_dir, "notice.pdf", NULL);
  g_autofree char *printed_path = g_build_filename (tmp_dir, "printed.pdf", NULL);
  g_autofree char *amount_text = NULL;
  g_autofree char *amount_yuan = NULL;
  JzWindow *window;
  GtkWidget *page;
  GtkWidget *household_view;
  GtkWidget *view;
  GtkWindow *dialog;
  JzTasksPage *tasks;
  gint64 case_id;

  office_set_up (&o);

  window = jz_test_window_new (app, o.db, 1280, 800);
  g_object_set (window, "user", o.clerk, NULL);
  drain_main_context ();

  /* The clerk opens the household and applies for its urban dibao. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-panel", "s", "cases"));
  page = jz_window_get_visible_page (window);
  g_assert_true (JZ_IS_CASES_PAGE (page));
  g_assert_true (gtk_widget_activate_action (page, "cases.open-household", "x", o.household_id));
  drain_main_context ();
  household_view = find_widget (page, JZ_TYPE_HOUSEHOLD_VIEW);
  g_assert_nonnull (find_actionable (household_view, "household.new-application", NULL));

  g_assert_true (gtk_widget_activate_action (household_view, "household.new-application", NULL));
  dialog = find_toplevel (JZ_TYPE_NEW_CASE_DIALOG);
  g_assert_nonnull (dialog);
  wait_for_draw (GTK_WIDGET (dialog));
  /* An urban household: urban dibao is offered first; it is for the
   * household, so no applicant is chosen. */
  {
    AdwComboRow *program = ADW_COMBO_ROW (find_row (GTK_WIDGET (dialog), _("Program")));
    GtkStringObject *item = GTK_STRING_OBJECT (adw_combo_row_get_selected_item (program));

    g_assert_cmpstr (gtk_string_object_get_string (item), ==, jz_labels_program_name ("dibao_urban"));
    g_assert_false (gtk_widget_get_visible (find_row (GTK_WIDGET (dialog), _("Applicant"))));
    g_assert_false (gtk_widget_is_visible (find_row (GTK_WIDGET (dialog), _("Kind"))));
  }
  set_row_text (GTK_WIDGET (dialog), _("Applied on (year-month-day)"), "2026-03-02");
  screenshot ("new-application.png");
  watch_window (&dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "new-case.save", NULL));
  wait_destroyed (&dialog);
  drain_main_context ();

  /* The new draft opens in the case view. */
  view = find_widget (page, JZ_TYPE_CASE_VIEW);
  g_assert_nonnull (view);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (find_widget (page, GTK_TYPE_STACK))), ==, "case");
  case_id = jz_case_view_get_case_id (JZ_CASE_VIEW (view));
  g_assert_cmpint (case_id, >, 0);
  flow = get_flow (o.db, case_id);
  g_assert_cmpstr (flow->status, ==, "draft");
  g_assert_cmpstr (flow->program, ==, "dibao_urban");
  g_assert_cmpstr (flow->applied_on, ==, "2026-03-02");
  g_clear_pointer (&flow, jz_case_flow_free);

  /* Before the decision the benefit is the engine's, for today. */
  result = jz_benefit_compute_case (o.db, case_id, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result->total, ==, 130000);  /* (800 − 300 ÷ 2) × 2 yuan */
  amount_yuan = jz_household_format_amount (result->total);
  g_assert_true (shows_text (view, amount_yuan, FALSE));
  g_clear_pointer (&result, jz_benefit_result_free);

  /* The township's steps, each from its button, each dated. */
  record_step (o.db, view, case_id, "submitted", "2026-03-02", "材料齐全");
  record_step (o.db, view, case_id, "accepted", "2026-03-03", NULL);
  record_step (o.db, view, case_id, "investigating", "2026-03-04", "入户调查，两人");

  /* Rejecting needs a written reason: Record stays off without one. */
  dialog = GTK_WINDOW (open_step (view, "rejected"));
  g_assert_false (save_enabled (GTK_WIDGET (dialog)));
  g_assert_true (shows_text (GTK_WIDGET (dialog), _("Write down the reason: this step needs one."), FALSE));
  set_row_text (GTK_WIDGET (dialog), _("Reason (required)"), "   ");
  g_assert_false (save_enabled (GTK_WIDGET (dialog)));
  set_row_text (GTK_WIDGET (dialog), _("Reason (required)"), "收入超标");
  g_assert_true (save_enabled (GTK_WIDGET (dialog)));
  g_assert_false (shows_text (GTK_WIDGET (dialog), _("Write down the reason: this step needs one."), FALSE));
  close_window (dialog);
  assert_status (o.db, case_id, "investigating");

  record_step (o.db, view, case_id, "village_notice", "2026-03-05", NULL);
  screenshot ("case-in-progress.png");

  /* The clerk's Tasks panel has the case, at the township review. */
  tasks = show_tasks (window);
  g_assert_cmpuint (jz_tasks_page_get_n_tasks (tasks), ==, 1);
  g_assert_true (shows_text (GTK_WIDGET (tasks), _("Record the township review"), TRUE));
  g_assert_nonnull (find_actionable (GTK_WIDGET (tasks), "tasks.open-case", g_variant_new_int64 (case_id)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-panel", "s", "cases"));
  drain_main_context ();

  /* Too early: the notice runs until 2026-03-11.  The core's sentence
   * shows in the dialog, which stays open for another date. */
  dialog = GTK_WINDOW (open_step (view, "township_reviewed"));
  set_row_text (GTK_WIDGET (dialog), _("Date (year-month-day)"), "2026-03-10");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "step.save", NULL));
  drain_main_context ();
  {
    g_autofree char *expected = g_strdup_printf (_("The public notice in the village runs until %s; record the township review after that day."),
                                                 "2026-03-11");

    g_assert_true (shows_text (GTK_WIDGET (dialog), expected, FALSE));
  }
  screenshot ("case-step-refused.png");
  assert_status (o.db, case_id, "village_notice");
  set_row_text (GTK_WIDGET (dialog), _("Date (year-month-day)"), "2026-03-12");
  watch_window (&dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "step.save", NULL));
  wait_destroyed (&dialog);
  drain_main_context ();
  assert_status (o.db, case_id, "township_reviewed");

  /* The county decides: the clerk is not offered Approve, and the action
   * does nothing for them either. */
  g_assert_null (find_step_button (view, "approved"));
  g_assert_null (find_step_button (view, "rejected"));
  g_assert_true (gtk_widget_activate_action (view, "case.advance", "s", "approved"));
  g_assert_null (find_toplevel (JZ_TYPE_CASE_STEP_DIALOG));
  g_assert_true (shows_text (view, _("Decide on the application"), TRUE));

  /* Nothing waits for the clerk now; a clerk of another township never
   * had it. */
  tasks = show_tasks (window);
  g_assert_cmpuint (jz_tasks_page_get_n_tasks (tasks), ==, 0);
  g_assert_true (shows_text (GTK_WIDGET (tasks), _("Nothing Waiting"), FALSE));
  g_object_set (window, "user", o.other_clerk, NULL);
  tasks = show_tasks (window);
  g_assert_cmpuint (jz_tasks_page_get_n_tasks (tasks), ==, 0);

  /* The reviewer's Tasks panel has it, waiting for the decision; its row
   * opens the case. */
  g_object_set (window, "user", o.reviewer, NULL);
  tasks = show_tasks (window);
  g_assert_cmpuint (jz_tasks_page_get_n_tasks (tasks), ==, 1);
  g_assert_true (shows_text (GTK_WIDGET (tasks), _("Decide on the application"), TRUE));
  g_assert_true (shows_text (GTK_WIDGET (tasks), "张桂兰", TRUE));
  screenshot ("tasks-reviewer.png");
  {
    GtkWidget *row = find_actionable (GTK_WIDGET (tasks), "tasks.open-case", g_variant_new_int64 (case_id));

    g_assert_nonnull (row);
    jz_case_view_set_case_id (JZ_CASE_VIEW (view), 0);
    gtk_widget_activate (row);
    drain_main_context ();
  }
  g_assert_cmpstr (jz_window_get_panel (window), ==, "cases");
  g_assert_cmpint (jz_case_view_get_case_id (JZ_CASE_VIEW (view)), ==, case_id);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (find_widget (page, GTK_TYPE_STACK))), ==, "case");

  /* Overdue is shown in red, with the day it began. */
  flow = get_flow (o.db, case_id);
  g_assert_nonnull (flow->step_due_on);
  {
    g_autofree char *since = day_after (flow->step_due_on);
    g_autofree char *later = day_after (since);
    g_autofree char *expected = g_strdup_printf (_("Overdue since %s"), since);

    g_setenv ("JIUZHU_TODAY", later, TRUE);
    jz_case_view_refresh (JZ_CASE_VIEW (view));
    g_assert_true (shows_text (view, expected, FALSE));
    g_assert_true (shows_text (view, _("Overdue"), FALSE));
    screenshot ("case-overdue.png");
    g_setenv ("JIUZHU_TODAY", TODAY, TRUE);
    jz_case_view_refresh (JZ_CASE_VIEW (view));
    g_assert_false (shows_text (view, expected, FALSE));
  }
  g_clear_pointer (&flow, jz_case_flow_free);

  /* The reviewer records no township step, and approves. */
  g_assert_null (find_step_button (view, "township_reviewed"));
  record_step (o.db, view, case_id, "approved", "2026-03-16", "同意");
  record_step (o.db, view, case_id, "active", "2026-03-20", NULL);

  /* Active, with the breakdown the decision was made on: the engine's for
   * the day payment starts. */
  flow = get_flow (o.db, case_id);
  g_assert_cmpstr (flow->status, ==, "active");
  g_assert_cmpstr (flow->starts_on, ==, "2026-04-01");
  result = jz_benefit_compute_case (o.db, case_id, flow->starts_on, &error);
  g_assert_no_error (error);
  g_assert_cmpint (flow->monthly_amount, ==, result->total);
  g_assert_true (shows_text (view, jz_case_status_label ("active"), FALSE));
  g_free (amount_yuan);
  amount_yuan = jz_household_format_amount (result->total);
  g_assert_true (shows_text (view, amount_yuan, FALSE));
  for (guint i = 0; i < result->lines->len; i++)
    {
      JzBenefitLine *line = g_ptr_array_index (result->lines, i);

      g_assert_true (shows_text (view, line->label, FALSE));
      g_assert_true (shows_text (view, line->formula, FALSE));
    }
  g_assert_true (shows_text (view, "2026-04-01", FALSE));
  /* Who took the steps. */
  {
    g_autofree char *by_clerk = g_strdup_printf (_("by %s"), "wangfang");
    g_autofree char *by_reviewer = g_strdup_printf (_("by %s"), "liuqiang");

    g_assert_true (shows_text (view, by_clerk, TRUE));
    g_assert_true (shows_text (view, by_reviewer, TRUE));
  }
  wait_for_draw (view);
  screenshot ("case-active.png");

  /* The review: the amount now beside the amount computed again; the same
   * amount needs no reason. */
  g_assert_nonnull (find_actionable (view, "case.review", NULL));
  g_assert_true (gtk_widget_activate_action (view, "case.review", NULL));
  dialog = find_toplevel (JZ_TYPE_CASE_STEP_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (shows_text (GTK_WIDGET (dialog), amount_yuan, FALSE));
  g_assert_true (shows_text (GTK_WIDGET (dialog), _("The benefit stays the same."), TRUE));
  g_assert_true (save_enabled (GTK_WIDGET (dialog)));
  wait_for_draw (GTK_WIDGET (dialog));
  screenshot ("case-review.png");
  close_window (dialog);

  /* The notice, saved as Save Notice as PDF does after its chooser: the
   * amount is in it. */
  amount_text = jz_money_format (result->total);
  jz_case_view_save_notice_to (JZ_CASE_VIEW (view), notice_path, &error);
  g_assert_no_error (error);
  {
    g_autofree char *text = pdf_text (notice_path);

    g_assert_nonnull (strstr (text, amount_text));
  }

  /* Printing draws the same pages through the print operation; exported
   * to a file, it reads the same. */
  {
    g_autoptr(JzDocument) notice = jz_notice_build (o.db, case_id, &error);
    g_autoptr(GtkPrintOperation) operation = NULL;
    g_autofree char *text = NULL;

    g_assert_no_error (error);
    operation = jz_print_operation_new (notice, "notice");
    gtk_print_operation_set_export_filename (operation, printed_path);
    g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                     ==, GTK_PRINT_OPERATION_RESULT_APPLY);
    g_assert_no_error (error);
    text = pdf_text (printed_path);
    g_assert_nonnull (strstr (text, amount_text));
  }

  /* Back to the household file, which lists the case. */
  g_assert_true (gtk_widget_activate_action (view, "case.back", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (find_widget (page, GTK_TYPE_STACK))), ==, "household");
  g_assert_nonnull (find_actionable (household_view, "cases.open-case", g_variant_new_int64 (case_id)));

  jz_test_window_destroy (window);
  office_tear_down (&o);
}

/* A leader reads and takes no step: neither Apply nor a step is offered,
 * and the Tasks panel is empty. */
static void
test_leader_takes_no_step (void)
{
  Office o = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(JzUser) leader = NULL;
  JzCaseApplication application = { 0 };
  JzWindow *window;
  GtkWidget *page;
  GtkWidget *view;
  JzTasksPage *tasks;
  gint64 case_id;

  office_set_up (&o);
  leader = create_user (o.db, "chenjing", "陈静", JZ_ROLE_LEADER, 0);
  case_id = jz_case_create_application (o.db, o.clerk, o.household_id, 0, "dibao_urban", "2026-03-02",
                                        &application, &error);
  g_assert_no_error (error);
  jz_case_advance (o.db, o.clerk, case_id, "submitted", NULL, "2026-03-02", &error);
  g_assert_no_error (error);

  window = jz_test_window_new (app, o.db, 1280, 800);
  g_object_set (window, "user", leader, NULL);
  drain_main_context ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-panel", "s", "cases"));
  page = jz_window_get_visible_page (window);
  g_assert_true (gtk_widget_activate_action (page, "cases.open-household", "x", o.household_id));
  drain_main_context ();
  g_assert_null (find_actionable (find_widget (page, JZ_TYPE_HOUSEHOLD_VIEW), "household.new-application", NULL));

  g_assert_true (gtk_widget_activate_action (page, "cases.open-case", "x", case_id));
  drain_main_context ();
  view = find_widget (page, JZ_TYPE_CASE_VIEW);
  g_assert_cmpint (jz_case_view_get_case_id (JZ_CASE_VIEW (view)), ==, case_id);
  g_assert_null (find_actionable (view, "case.advance", NULL));
  g_assert_true (shows_text (view, _("Accept the application"), TRUE));

  /* The clerk of the township takes it from there. */
  g_object_set (window, "user", o.clerk, NULL);
  drain_main_context ();
  g_assert_nonnull (find_step_button (view, "accepted"));
  g_assert_nonnull (find_step_button (view, "withdrawn"));
  g_assert_null (find_step_button (view, "approved"));

  g_object_set (window, "user", leader, NULL);
  tasks = show_tasks (window);
  g_assert_cmpuint (jz_tasks_page_get_n_tasks (tasks), ==, 0);

  jz_test_window_destroy (window);
  office_tear_down (&o);
}

/* --- pictures on a demo district ----------------------------------------------- */

static gint64
find_case (JzDb       *db,
           const char *where)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM cases c WHERE %s ORDER BY id LIMIT 1", where);
  g_autoptr(sqlite3_stmt) stmt = jz_db_prepare (db, sql, NULL);

  g_assert_nonnull (stmt);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

/* The title of the county's check, in the language of the test. */
static const char *
marked_text (guint marked,
             guint waiting)
{
  static char *text;

  g_free (text);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u application marked for the check",
                                       "%u of %u applications marked for the check", waiting),
                          marked, waiting);
  return text;
}

/* The county draws its check of tekun applications from the Tasks panel;
 * a township clerk is not offered it. */
static void
test_county_sample (void)
{
  Office o = { 0 };
  g_autoptr(GError) error = NULL;
  JzWindow *window;
  JzTasksPage *tasks;
  GtkWidget *button;
  guint waiting = 0, marked = 0, target = 0, rate = 0;

  office_set_up (&o);
  /* Seven tekun applications reviewed by the township; one already
   * marked.  The default rate, 30 %, asks for three. */
  for (guint i = 0; i < 7; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO cases (household_id, program, status, applied_on, "
                                              "accepted_on, reviewed_on, sampled) VALUES (%" G_GINT64_FORMAT
                                              ", 'tekun_dispersed', 'township_reviewed', '2026-02-02', "
                                              "'2026-02-03', '2026-03-10', %d)",
                                              o.household_id, i == 0);

      exec_sql (o.db, sql);
    }
  g_assert_true (jz_workflow_sample_status (o.db, &waiting, &marked, &target, &rate, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (waiting, ==, 7);
  g_assert_cmpuint (marked, ==, 1);
  g_assert_cmpuint (target, ==, 3);
  g_assert_cmpuint (rate, ==, 3000);

  window = jz_test_window_new (app, o.db, 1280, 800);

  /* The clerk of the township does not decide: no sample to draw. */
  g_object_set (window, "user", o.clerk, NULL);
  tasks = show_tasks (window);
  g_assert_null (find_actionable (GTK_WIDGET (tasks), "tasks.draw-sample", NULL));
  gtk_widget_activate_action (GTK_WIDGET (tasks), "tasks.draw-sample", NULL);
  drain_main_context ();
  g_assert_true (jz_workflow_sample_status (o.db, &waiting, &marked, &target, &rate, &error));
  g_assert_cmpuint (marked, ==, 1);

  /* The reviewer sees where the check stands and draws the rest. */
  g_object_set (window, "user", o.reviewer, NULL);
  drain_main_context ();
  tasks = show_tasks (window);
  button = find_actionable (GTK_WIDGET (tasks), "tasks.draw-sample", NULL);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_true (shows_text (GTK_WIDGET (tasks), marked_text (1, 7), FALSE));
  screenshot ("tasks-sample.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (tasks), "tasks.draw-sample", NULL));
  while (jz_tasks_page_get_loading (tasks))
    g_main_context_iteration (NULL, TRUE);
  drain_main_context ();

  g_assert_true (jz_workflow_sample_status (o.db, &waiting, &marked, &target, &rate, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (marked, ==, 3);
  g_assert_true (shows_text (GTK_WIDGET (tasks), marked_text (3, 7), FALSE));
  /* Nothing more to draw; the audit log names the reviewer. */
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_cmpint (find_case (o.db, "c.sampled = 1 AND NOT EXISTS (SELECT 1 FROM audit_log a "
                                   "WHERE a.table_name = 'cases' AND a.row_id = c.id AND a.user_name = 'liuqiang') "
                                   "AND c.id > (SELECT min (id) FROM cases)"), ==, 0);
  g_assert_cmpint (find_case (o.db, "EXISTS (SELECT 1 FROM audit_log a WHERE a.table_name = 'cases' "
                                   "AND a.row_id = c.id AND a.action = 'update' AND a.user_name = 'liuqiang')"), >, 0);

  jz_test_window_destroy (window);
  office_tear_down (&o);
}

/* Only with JZ_SCREENSHOT_DIR and JZ_DEMO_DB: a look at the case view and
 * the Tasks panel on a district's worth of cases. */
static void
test_demo_screenshots (void)
{
  const char *demo = g_getenv ("JZ_DEMO_DB");
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  g_autofree char *today = NULL;
  JzWindow *window;
  GtkWidget *page;
  const struct { const char *name; const char *where; } shots[] = {
    { "demo-case-overdue.png", "status IN ('accepted', 'investigating', 'village_notice', 'township_reviewed') "
                               "AND step_due_on < '@TODAY@'" },
    { "demo-case-in-progress.png", "status = 'village_notice' AND (step_due_on IS NULL OR step_due_on >= '@TODAY@')" },
    { "demo-case-active.png", "status = 'active' AND program = 'dibao_rural' AND persons >= 3 "
                              "AND EXISTS (SELECT 1 FROM case_history h WHERE h.case_id = c.id AND h.breakdown IS NOT NULL) "
                              "" },
  };

  if (screenshot_dir == NULL || demo == NULL)
    {
      g_test_skip ("Pictures of a demo district need JZ_SCREENSHOT_DIR and JZ_DEMO_DB");
      return;
    }

  g_unsetenv ("JIUZHU_TODAY");
  today = jz_today ();
  db = jz_db_open (demo, JZ_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  window = jz_test_window_new (app, db, 1280, 800);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-panel", "s", "cases"));
  page = jz_window_get_visible_page (window);

  for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
    {
      g_autoptr(GString) where = g_string_new (shots[i].where);
      gint64 case_id;

      g_string_replace (where, "@TODAY@", today, 0);
      case_id = find_case (db, where->str);

      if (case_id == 0)
        continue;
      g_assert_true (gtk_widget_activate_action (page, "cases.open-case", "x", case_id));
      wait_for_draw (page);
      screenshot (shots[i].name);

      /* Further down: the benefit and the steps. */
      {
        GtkWidget *view = find_widget (page, JZ_TYPE_CASE_VIEW);
        GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (
          GTK_SCROLLED_WINDOW (find_widget (view, GTK_TYPE_SCROLLED_WINDOW)));
        g_autofree char *name = g_strdup (shots[i].name);

        strcpy (strrchr (name, '.'), "-2.png");
        gtk_adjustment_set_value (adjustment, 480);
        screenshot (name);
        strcpy (strrchr (name, '-'), "-3.png");
        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
        screenshot (name);
        gtk_adjustment_set_value (adjustment, 0);
      }
    }

  {
    gint64 active_id = find_case (db, "status = 'active'");
    g_autoptr(JzCase) item = jz_case_get (db, active_id, NULL);
    GtkWindow *dialog;

    g_assert_true (gtk_widget_activate_action (page, "cases.open-household", "x", item->household_id));
    wait_for_draw (page);
    g_assert_true (gtk_widget_activate_action (find_widget (page, JZ_TYPE_HOUSEHOLD_VIEW),
                                               "household.new-application", NULL));
    dialog = find_toplevel (JZ_TYPE_NEW_CASE_DIALOG);
    g_assert_nonnull (dialog);
    adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (dialog), _("Program"))), 4);
    wait_for_draw (GTK_WIDGET (dialog));
    screenshot ("demo-new-application.png");
    close_window (dialog);
  }

  /* The Tasks panel of a township clerk, as the demo's staff are. */
  {
    g_autoptr(GPtrArray) users = jz_user_list (db, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < users->len; i++)
      {
        JzUser *user = g_ptr_array_index (users, i);

        if (user->role == JZ_ROLE_CLERK)
          {
            g_object_set (window, "user", user, NULL);
            break;
          }
      }
  }
  {
    gint64 start = g_get_monotonic_time ();
    JzTasksPage *tasks = show_tasks (window);

    g_test_message ("Tasks panel: %u tasks shown in %.0f ms",
                    jz_tasks_page_get_n_tasks (tasks), (g_get_monotonic_time () - start) / 1000.0);
  }
  screenshot ("demo-tasks.png");

  jz_test_window_destroy (window);
  g_setenv ("JIUZHU_TODAY", TODAY, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* Deadlines and "today" are the same on every run; passwords hash fast. */
  g_setenv ("JIUZHU_TODAY", TODAY, TRUE);
  g_setenv ("JIUZHU_TEST_FAST_HASH", "1", TRUE);
  screenshot_dir = g_getenv ("JZ_SCREENSHOT_DIR");
  app = jz_test_window_init (&argc, &argv, "jz-test-case-workflow-XXXXXX", &tmp_dir);

  g_test_add_func ("/case-workflow/clerk-applies-reviewer-approves", test_clerk_applies_reviewer_approves);
  g_test_add_func ("/case-workflow/leader-takes-no-step", test_leader_takes_no_step);
  g_test_add_func ("/case-workflow/county-sample", test_county_sample);
  g_test_add_func ("/case-workflow/demo-screenshots", test_demo_screenshots);

  ret = g_test_run ();

  jz_test_window_finish (&app, &tmp_dir);

  return ret;
}
