/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-audit.h"
#include "jz-calendar-view.h"
#include "jz-calendar.h"
#include "jz-labels.h"
#include "jz-money.h"
#include "jz-office-view.h"
#include "jz-office.h"
#include "jz-settings-page.h"
#include "jz-standard-dialog.h"
#include "jz-standard-preview-view.h"
#include "jz-standard-preview.h"
#include "jz-standard.h"
#include "jz-standards-view.h"
#include "jz-test-window.h"

/* Settings in a real window: the standards of today, a raise previewed in
 * a thread and saved with its audit entry, the calendar, the office
 * details; and a leader, who sees all of it and changes none. */

#define ON "2025-08-01"

static JzApplication *app;
static char *tmp_dir;
/* Set to take screenshots of each section and of the preview. */
static const char *screenshot_dir;

/* Helpers */

/* A visible button for @action under @widget, or NULL. */
static GtkWidget *
find_button_for (GtkWidget  *widget,
                 const char *action)
{
  if (!gtk_widget_get_visible (widget))
    return NULL;

  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_for (child, action);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
set_row_text (GtkWidget  *root,
              const char *title,
              const char *text)
{
  GtkWidget *row = find_row (root, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static gboolean
action_enabled (GtkWidget  *widget,
                const char *button_action)
{
  GtkWidget *button = find_button_for (widget, button_action);

  g_assert_nonnull (button);
  return gtk_widget_get_sensitive (button);
}

static void
close_window (GtkWindow *window)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (window);
  while (window != NULL)
    g_main_context_iteration (NULL, TRUE);
}

/* Waits, for at most a minute, until the preview is computed. */
static const JzStandardPreview *
wait_for_preview (JzStandardPreviewView *view)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while ((jz_standard_preview_view_get_busy (view) || jz_standard_preview_view_get_preview (view) == NULL) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (jz_standard_preview_view_get_busy (view));
  g_assert_nonnull (jz_standard_preview_view_get_preview (view));
  return jz_standard_preview_view_get_preview (view);
}

static char *
signed_money (gint64 fen)
{
  g_autofree char *amount = jz_money_format (fen);

  return fen > 0 ? g_strconcat ("+", amount, NULL) : g_steal_pointer (&amount);
}

/* Every increment the engine may need, so that every case computes. */
static void
complete_standards (JzDb *db)
{
  for (JzStandardKind kind = JZ_STANDARD_INCREMENT_ELDERLY_PCT; kind <= JZ_STANDARD_INCREMENT_SANWU_PCT; kind++)
    {
      g_autoptr(JzStandard) found = jz_standard_find (db, kind, JZ_STANDARD_HUKOU_ANY, 0, ON, NULL);
      g_autoptr(JzStandard) standard = NULL;
      g_autoptr(GError) error = NULL;

      if (found != NULL)
        continue;
      standard = jz_standard_new ();
      standard->kind = kind;
      standard->value = 1000;
      standard->effective_from = g_strdup ("2001-01-01");
      g_assert_true (jz_standard_set (db, NULL, standard, &error));
      g_assert_no_error (error);
    }
}

static JzSettingsPage *
show_settings (JzWindow   *window,
               const char *section)
{
  GtkWidget *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-panel", "s", "settings"));
  drain_main_context ();
  page = jz_window_get_visible_page (window);
  g_assert_true (JZ_IS_SETTINGS_PAGE (page));
  jz_settings_page_show_section (JZ_SETTINGS_PAGE (page), section);
  wait_for_draw (page);
  return JZ_SETTINGS_PAGE (page);
}

/* Tests */

/* The standards of today; the dibao raise previewed, its totals those of
 * the core, then saved with its audit entry. */
static void
test_settings_standards (void)
{
  g_autoptr(JzDb) db = jz_test_window_db_new (tmp_dir, "standards.db", 300, 23);
  g_autoptr(JzStandard) draft = jz_standard_new ();
  g_autoptr(JzStandardPreview) expected = NULL;
  g_autoptr(JzStandard) saved = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = jz_today ();
  g_autofree char *value_title = NULL;
  g_autofree char *raised = NULL;
  g_autofree char *households = NULL;
  g_autofree char *monthly = NULL;
  g_autofree char *yearly = NULL;
  const JzStandardPreview *shown;
  JzStandardPreviewView *preview_view;
  JzSettingsPage *page;
  GtkWidget *view;
  GtkWindow *dialog;
  JzWindow *window;
  gint64 urban;

  complete_standards (db);
  window = jz_test_window_new (app, db, 1280, 800);

  page = show_settings (window, "general");
  screenshot ("settings-general.png");
  page = show_settings (window, "standards");
  view = find_widget (GTK_WIDGET (page), JZ_TYPE_STANDARDS_VIEW);
  g_assert_nonnull (view);
  screenshot ("settings-standards.png");
  if (screenshot_dir != NULL)
    {
      GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (find_widget (view, GTK_TYPE_SCROLLED_WINDOW));
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      screenshot ("settings-standards-2.png");
      gtk_adjustment_set_value (adjustment, 0);
    }

  /* Today's dibao standards beside their kind, urban and rural. */
  {
    g_autofree char *u = NULL;
    g_autofree char *r = NULL;
    g_autofree char *u_text = NULL;
    g_autofree char *r_text = NULL;
    g_autofree char *both = NULL;
    gint64 rural;

    g_assert_true (jz_standard_value_at (db, JZ_STANDARD_DIBAO, JZ_STANDARD_HUKOU_URBAN, 0, today, &urban, &error));
    g_assert_true (jz_standard_value_at (db, JZ_STANDARD_DIBAO, JZ_STANDARD_HUKOU_RURAL, 0, today, &rural, &error));
    g_assert_no_error (error);
    u = jz_standard_format_value (JZ_STANDARD_DIBAO, urban);
    r = jz_standard_format_value (JZ_STANDARD_DIBAO, rural);
    u_text = g_strdup_printf (C_("standard value", "%s %s"), C_("hukou", "Urban"), u);
    r_text = g_strdup_printf (C_("standard value", "%s %s"), C_("hukou", "Rural"), r);
    both = g_strconcat (u_text, C_("list separator", " · "), r_text, NULL);
    g_assert_true (shows_text (find_row (view, jz_standard_kind_label (JZ_STANDARD_DIBAO)), both, FALSE));
  }

  /* The dibao kind's history, and a new value. */
  g_assert_true (gtk_widget_activate_action (view, "standards.open", "s", "dibao"));
  dialog = find_toplevel (JZ_TYPE_STANDARD_DIALOG);
  g_assert_nonnull (dialog);
  wait_for_draw (GTK_WIDGET (dialog));
  g_assert_nonnull (find_button_for (GTK_WIDGET (dialog), "standard.add"));
  screenshot ("standard-history.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "standard.add", NULL));
  value_title = g_strdup_printf (_("Value (%s)"), jz_standard_kind_unit_label (JZ_STANDARD_DIBAO));
  set_row_text (GTK_WIDGET (dialog), value_title, "9,9");
  g_assert_true (gtk_widget_has_css_class (find_row (GTK_WIDGET (dialog), value_title), "error"));
  g_assert_false (action_enabled (GTK_WIDGET (dialog), "standard.preview"));

  g_assert_true (jz_standard_value_at (db, JZ_STANDARD_DIBAO, JZ_STANDARD_HUKOU_URBAN, 0, ON, &urban, &error));
  raised = jz_standard_format_value (JZ_STANDARD_DIBAO, urban + 5050);
  set_row_text (GTK_WIDGET (dialog), value_title, raised);
  set_row_text (GTK_WIDGET (dialog), _("Effective from (year-month-day)"), ON);
  set_row_text (GTK_WIDGET (dialog), _("Note, e.g. the document that sets it"), "区民政发〔2025〕7号");
  g_assert_false (gtk_widget_has_css_class (find_row (GTK_WIDGET (dialog), value_title), "error"));
  g_assert_true (action_enabled (GTK_WIDGET (dialog), "standard.preview"));
  screenshot ("standard-form.png");

  /* The preview, in a thread; the totals shown are the core's. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "standard.preview", NULL));
  preview_view = JZ_STANDARD_PREVIEW_VIEW (find_widget (GTK_WIDGET (dialog), JZ_TYPE_STANDARD_PREVIEW_VIEW));
  g_assert_nonnull (preview_view);
  shown = wait_for_preview (preview_view);
  g_assert_true (action_enabled (GTK_WIDGET (dialog), "standard.save"));

  draft->kind = JZ_STANDARD_DIBAO;
  draft->hukou = JZ_STANDARD_HUKOU_URBAN;
  draft->value = urban + 5050;
  draft->effective_from = g_strdup (ON);
  expected = jz_standard_preview_compute (db, draft, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (expected->total.households, >, 0);
  g_assert_cmpuint (expected->failed, ==, 0);
  g_assert_cmpuint (shown->total.households, ==, expected->total.households);
  g_assert_cmpuint (shown->total.persons, ==, expected->total.persons);
  g_assert_cmpint (shown->total.monthly_change, ==, expected->total.monthly_change);
  g_assert_cmpint (shown->total.yearly_change, ==, expected->total.yearly_change);
  g_assert_cmpuint (shown->rows->len, ==, expected->rows->len);

  households = g_strdup_printf ("%'u", expected->total.households);
  monthly = signed_money (expected->total.monthly_change);
  yearly = signed_money (expected->total.yearly_change);
  g_assert_true (shows_text (GTK_WIDGET (preview_view), _("Total"), FALSE));
  g_assert_true (shows_text (GTK_WIDGET (preview_view), households, FALSE));
  g_assert_true (shows_text (GTK_WIDGET (preview_view), monthly, FALSE));
  g_assert_true (shows_text (GTK_WIDGET (preview_view), yearly, FALSE));
  screenshot ("standard-preview.png");

  /* Saved: the row and its audit entry, and the history shows it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "standard.save", NULL));
  saved = jz_standard_get_exact (db, JZ_STANDARD_DIBAO, JZ_STANDARD_HUKOU_URBAN, 0, ON, &error);
  g_assert_no_error (error);
  g_assert_nonnull (saved);
  g_assert_cmpint (saved->value, ==, urban + 5050);
  g_assert_cmpstr (saved->note, ==, "区民政发〔2025〕7号");
  g_assert_cmpstr (saved->created_by, ==, "clerk-a");
  audit = jz_audit_list (db, "standards", saved->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 1);
  g_assert_cmpstr (((JzAuditEntry *) g_ptr_array_index (audit, 0))->action, ==, "insert");
  g_assert_cmpstr (((JzAuditEntry *) g_ptr_array_index (audit, 0))->user_name, ==, "clerk-a");
  {
    g_autofree char *title = g_strdup_printf (_("From %s"), ON);

    g_assert_nonnull (find_row (GTK_WIDGET (dialog), title));
  }
  g_assert_null (jz_standard_preview_view_get_preview (preview_view));

  /* A preview discarded saves nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "standard.add", NULL));
  set_row_text (GTK_WIDGET (dialog), value_title, "9999");
  set_row_text (GTK_WIDGET (dialog), _("Effective from (year-month-day)"), "2025-09-01");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "standard.preview", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "standard.discard", NULL));
  g_assert_null (jz_standard_get_exact (db, JZ_STANDARD_DIBAO, JZ_STANDARD_HUKOU_URBAN, 0, "2025-09-01", &error));
  g_assert_no_error (error);

  close_window (dialog);
  jz_test_window_destroy (window);
}

/* The calendar: a holiday added and removed; the office's phone saved
 * and a wrong one refused. */
static void
test_settings_calendar_office (void)
{
  g_autoptr(JzDb) db = jz_test_window_db_new (tmp_dir, "calendar.db", 20, 5);
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *phone = NULL;
  JzSettingsPage *page;
  GtkWidget *view;
  JzWindow *window;

  window = jz_test_window_new (app, db, 1280, 800);

  page = show_settings (window, "calendar");
  view = find_widget (GTK_WIDGET (page), JZ_TYPE_CALENDAR_VIEW);
  g_assert_nonnull (view);
  set_row_text (view, _("Day (year-month-day)"), "2026-12-24");
  set_row_text (view, _("Name, e.g. Spring Festival"), "平安夜");
  g_assert_true (gtk_widget_activate_action (view, "calendar.add", NULL));
  days = jz_calendar_list_days (db, "2026-12-24", "2026-12-24", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 1);
  g_assert_cmpstr (((JzCalendarDay *) g_ptr_array_index (days, 0))->kind, ==, "holiday");
  g_assert_cmpstr (((JzCalendarDay *) g_ptr_array_index (days, 0))->name, ==, "平安夜");
  g_clear_pointer (&days, g_ptr_array_unref);
  g_assert_nonnull (find_button_for (view, "calendar.remove"));
  screenshot ("settings-calendar.png");

  g_assert_true (gtk_widget_activate_action (view, "calendar.remove", "s", "2026-12-24"));
  days = jz_calendar_list_days (db, "2026-12-24", "2026-12-24", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 0);

  page = show_settings (window, "office");
  view = find_widget (GTK_WIDGET (page), JZ_TYPE_OFFICE_VIEW);
  g_assert_nonnull (view);
  g_assert_false (action_enabled (view, "office.save"));
  set_row_text (view, _("Complaint and supervision phone"), "0533-1234567");
  g_assert_true (action_enabled (view, "office.save"));
  g_assert_true (gtk_widget_activate_action (view, "office.save", NULL));
  phone = jz_office_get (db, JZ_OFFICE_COMPLAINT_PHONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (phone, ==, "0533-1234567");
  g_clear_pointer (&phone, g_free);
  screenshot ("settings-office.png");

  set_row_text (view, _("Complaint and supervision phone"), "call Mr. Wang");
  g_assert_true (gtk_widget_activate_action (view, "office.save", NULL));
  phone = jz_office_get (db, JZ_OFFICE_COMPLAINT_PHONE, NULL, &error);
  g_assert_cmpstr (phone, ==, "0533-1234567");
  g_assert_true (shows_text (view, _("A phone number has digits, blanks, dashes and brackets only, for example 0533-1234567."), FALSE));

  jz_test_window_destroy (window);
}

static GtkSwitch *
row_switch (GtkWidget  *view,
            const char *title)
{
  GtkWidget *row = find_row (view, title);

  g_assert_nonnull (row);
  return GTK_SWITCH (find_widget (row, GTK_TYPE_SWITCH));
}

static GtkSpinButton *
row_spin (GtkWidget  *view,
          const char *title)
{
  GtkWidget *row = find_row (view, title);

  g_assert_nonnull (row);
  return GTK_SPIN_BUTTON (find_widget (row, GTK_TYPE_SPIN_BUTTON));
}

/* Activates the row titled @title as a click does, and waits, for at most
 * a second, for its switch to finish the slide that changes its state. */
static void
activate_row (GtkWidget  *view,
              const char *title)
{
  GtkWidget *row = find_row (view, title);
  GtkSwitch *toggle;
  gboolean was;
  gint64 deadline = g_get_monotonic_time () + G_USEC_PER_SEC;

  g_assert_nonnull (row);
  toggle = GTK_SWITCH (find_widget (row, GTK_TYPE_SWITCH));
  g_assert_nonnull (toggle);
  was = gtk_switch_get_active (toggle);
  adw_action_row_activate (ADW_ACTION_ROW (row));
  while (gtk_switch_get_active (toggle) == was && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  drain_main_context ();
}

static void
assert_office (JzDb            *db,
               JzOfficeSetting  setting,
               const char      *expected,
               gboolean         expected_default)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  gboolean is_default = !expected_default;

  value = jz_office_get (db, setting, &is_default, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (value, ==, expected);
  g_assert_cmpint (is_default, ==, expected_default);
}

static gboolean
row_marked (GtkWidget  *view,
            const char *title)
{
  GtkWidget *row = find_row (view, title);

  g_assert_nonnull (row);
  return gtk_widget_has_css_class (row, "error");
}

/* A picture of @view scrolled to its end, when pictures are asked for. */
static void
screenshot_end (GtkWidget  *view,
                const char *name)
{
  GtkScrolledWindow *scrolled;
  GtkAdjustment *adjustment;

  if (screenshot_dir == NULL)
    return;

  scrolled = GTK_SCROLLED_WINDOW (find_widget (view, GTK_TYPE_SCROLLED_WINDOW));
  adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  screenshot (name);
  gtk_adjustment_set_value (adjustment, 0);
}

/* @template filled in as the preview of the district's list of the month
 * of @today promises, one placeholder after the other. */
static char *
fill_title (const char *template,
            const char *district,
            const char *today,
            const char *programs)
{
  g_autofree char *year = g_strndup (today, 4);
  g_autofree char *month = g_strndup (today + 5, 2);
  const char *keys[] = { "{place}", "{district}", "{township}", "{village}", "{year}", "{month}", "{program}" };
  const char *values[] = { district, district, "", "", year, month, programs };
  char *filled = g_strdup (template);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_auto(GStrv) parts = g_strsplit (filled, keys[i], -1);

      g_free (filled);
      filled = g_strjoinv (values[i], parts);
    }

  g_assert_null (strchr (filled, '{'));
  return filled;
}

/* The disclosure list options, each set through its control and saved; a
 * title with a mistyped word in braces and too much of the ID number
 * refused, the rows marked, nothing saved. */
static void
test_settings_disclosure (void)
{
  g_autoptr(JzDb) db = jz_test_window_db_new (tmp_dir, "disclosure.db", 20, 11);
  g_autoptr(GError) error = NULL;
  g_autofree char *district = jz_office_district_name (db, &error);
  g_autofree char *today = jz_today ();
  g_autofree char *default_title = jz_office_get_default (db, JZ_OFFICE_DISCLOSURE_TITLE, &error);
  g_autofree char *programs = NULL;
  g_autofree char *preview = NULL;
  g_autofree char *default_preview = NULL;
  g_autofree char *example = NULL;
  const char *title = _("List title");
  const char *partial = _("Show part of the ID number");
  const char *head = _("Characters kept at the start");
  const char *tail = _("Characters kept at the end");
  const char *mask = _("Mask given names");
  const char *remarks = _("Remarks column");
  const char *next_month = _("Pay from the month after the start");
  /* Not the default in any language: saving it stores it. */
  const char *template = "{place}{program}公示名单（{year}年{month}月）";
  JzSettingsPage *page;
  GtkWidget *view;
  JzWindow *window;

  g_assert_no_error (error);
  g_assert_cmpstr (district, !=, "");
  window = jz_test_window_new (app, db, 1280, 800);
  page = show_settings (window, "office");
  view = find_widget (GTK_WIDGET (page), JZ_TYPE_OFFICE_VIEW);
  g_assert_nonnull (view);

  /* What an office that never chose sees: the default title, its preview
   * for the district this month, every option off. */
  programs = g_strconcat (jz_labels_value (JZ_FIELD_PROGRAM, "dibao_urban"), C_("list separator", ", "),
                          jz_labels_value (JZ_FIELD_PROGRAM, "dibao_rural"), NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (view, title))), ==, default_title);
  default_preview = fill_title (default_title, district, today, programs);
  g_assert_true (shows_text (view, default_preview, FALSE));
  g_assert_false (gtk_switch_get_active (row_switch (view, partial)));
  g_assert_false (gtk_switch_get_active (row_switch (view, mask)));
  g_assert_false (gtk_switch_get_active (row_switch (view, remarks)));
  g_assert_false (gtk_switch_get_active (row_switch (view, next_month)));
  g_assert_false (gtk_widget_get_visible (find_row (view, head)));
  g_assert_true (shows_text (view, _("Lists show no ID number."), FALSE));
  g_assert_false (action_enabled (view, "office.save"));

  /* Every option set through its control, and saved. */
  set_row_text (view, title, template);
  preview = g_strdup_printf ("%s%s公示名单（%.4s年%.2s月）", district, programs, today, today + 5);
  g_assert_true (shows_text (view, preview, FALSE));
  g_assert_false (row_marked (view, title));
  activate_row (view, partial);
  g_assert_true (gtk_switch_get_active (row_switch (view, partial)));
  g_assert_true (gtk_widget_get_visible (find_row (view, head)));
  g_assert_true (gtk_widget_get_visible (find_row (view, tail)));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (row_spin (view, head)), ==, 4);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (row_spin (view, tail)), ==, 2);
  example = g_strdup_printf (_("Lists show, for example, %s."), "3703************12");
  g_assert_true (shows_text (view, example, FALSE));
  activate_row (view, mask);
  activate_row (view, remarks);
  activate_row (view, next_month);
  g_assert_true (gtk_switch_get_active (row_switch (view, mask)));
  g_assert_true (gtk_switch_get_active (row_switch (view, remarks)));
  g_assert_true (action_enabled (view, "office.save"));
  g_assert_true (gtk_widget_activate_action (view, "office.save", NULL));
  assert_office (db, JZ_OFFICE_DISCLOSURE_TITLE, template, FALSE);
  assert_office (db, JZ_OFFICE_DISCLOSURE_PARTIAL_ID, "4,2", FALSE);
  assert_office (db, JZ_OFFICE_DISCLOSURE_MASK_NAMES, "1", FALSE);
  assert_office (db, JZ_OFFICE_DISCLOSURE_REMARKS, "1", FALSE);
  assert_office (db, JZ_OFFICE_ROLL_NEXT_MONTH, "1", FALSE);
  g_assert_false (action_enabled (view, "office.save"));
  /* Read back into the controls as saved. */
  g_assert_true (gtk_switch_get_active (row_switch (view, partial)));
  g_assert_true (gtk_switch_get_active (row_switch (view, remarks)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (view, title))), ==, template);

  screenshot_end (view, "settings-office-disclosure.png");

  gtk_spin_button_set_value (row_spin (view, head), 3);
  gtk_spin_button_set_value (row_spin (view, tail), 3);
  g_assert_true (gtk_widget_activate_action (view, "office.save", NULL));
  assert_office (db, JZ_OFFICE_DISCLOSURE_PARTIAL_ID, "3,3", FALSE);

  /* Twelve characters of eighteen: refused, both rows marked, nothing saved. */
  gtk_spin_button_set_value (row_spin (view, head), 6);
  gtk_spin_button_set_value (row_spin (view, tail), 6);
  g_assert_true (row_marked (view, head));
  g_assert_true (row_marked (view, tail));
  set_row_text (view, title, "{place}公示名单");
  g_assert_true (gtk_widget_activate_action (view, "office.save", NULL));
  assert_office (db, JZ_OFFICE_DISCLOSURE_PARTIAL_ID, "3,3", FALSE);
  assert_office (db, JZ_OFFICE_DISCLOSURE_TITLE, template, FALSE);
  g_assert_true (shows_text (view, _("Give the characters of the ID number kept at the start and at the end, for example 4,2; at most 10 in all."), FALSE));
  g_assert_true (row_marked (view, head));
  screenshot_end (view, "settings-office-disclosure-refused.png");
  /* Nor none at all. */
  gtk_spin_button_set_value (row_spin (view, head), 0);
  gtk_spin_button_set_value (row_spin (view, tail), 0);
  g_assert_true (row_marked (view, tail));
  g_assert_true (gtk_widget_activate_action (view, "office.save", NULL));
  assert_office (db, JZ_OFFICE_DISCLOSURE_PARTIAL_ID, "3,3", FALSE);
  gtk_spin_button_set_value (row_spin (view, head), 6);
  gtk_spin_button_set_value (row_spin (view, tail), 4);
  g_assert_false (row_marked (view, head));
  g_assert_false (row_marked (view, tail));
  g_assert_true (gtk_widget_activate_action (view, "office.save", NULL));
  assert_office (db, JZ_OFFICE_DISCLOSURE_PARTIAL_ID, "6,4", FALSE);
  assert_office (db, JZ_OFFICE_DISCLOSURE_TITLE, "{place}公示名单", FALSE);

  /* A word in braces the list does not know would print as typed: refused. */
  set_row_text (view, title, "{place}{yaer}年公示名单");
  g_assert_true (row_marked (view, title));
  g_assert_true (gtk_widget_activate_action (view, "office.save", NULL));
  assert_office (db, JZ_OFFICE_DISCLOSURE_TITLE, "{place}公示名单", FALSE);
  g_assert_true (shows_text (view, _("In the list title, only {place}, {district}, {township}, {village}, {year}, {month} and {program} may stand in braces; correct the others."), FALSE));
  set_row_text (view, title, "{place}公示名单}");
  g_assert_true (row_marked (view, title));
  g_assert_true (gtk_widget_activate_action (view, "office.revert", NULL));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (view, title))), ==, "{place}公示名单");
  g_assert_false (row_marked (view, title));

  /* Switched off and emptied: back to the defaults, nothing stored. */
  set_row_text (view, title, "");
  g_assert_true (shows_text (view, default_preview, FALSE));
  activate_row (view, partial);
  activate_row (view, mask);
  activate_row (view, remarks);
  activate_row (view, next_month);
  g_assert_false (gtk_widget_get_visible (find_row (view, head)));
  g_assert_true (gtk_widget_activate_action (view, "office.save", NULL));
  assert_office (db, JZ_OFFICE_DISCLOSURE_TITLE, default_title, TRUE);
  assert_office (db, JZ_OFFICE_DISCLOSURE_PARTIAL_ID, "", TRUE);
  assert_office (db, JZ_OFFICE_DISCLOSURE_MASK_NAMES, "", TRUE);
  assert_office (db, JZ_OFFICE_DISCLOSURE_REMARKS, "", TRUE);
  assert_office (db, JZ_OFFICE_ROLL_NEXT_MONTH, "", TRUE);
  g_assert_false (action_enabled (view, "office.save"));

  jz_test_window_destroy (window);
}

/* A leader reads the standards, the calendar and the office details, and
 * is offered no change. */
static void
test_settings_leader (void)
{
  g_autoptr(JzDb) db = jz_test_window_db_new (tmp_dir, "leader.db", 20, 7);
  g_autofree char *value_title = g_strdup_printf (_("Value (%s)"), jz_standard_kind_unit_label (JZ_STANDARD_DIBAO));
  g_autofree char *history_title = g_strdup_printf (_("From %s"), "2024-07-01");
  g_autoptr(JzUser) leader = NULL;
  g_autoptr(GError) error = NULL;
  JzSettingsPage *page;
  GtkWidget *view;
  GtkWindow *dialog;
  JzWindow *window;

  leader = jz_user_get_by_name (db, "leader", &error);
  g_assert_no_error (error);
  g_assert_cmpint (leader->role, ==, JZ_ROLE_LEADER);

  window = jz_test_window_new (app, db, 1280, 800);
  g_object_set (window, "user", leader, NULL);

  page = show_settings (window, "standards");
  view = find_widget (GTK_WIDGET (page), JZ_TYPE_STANDARDS_VIEW);
  g_assert_true (gtk_widget_activate_action (view, "standards.open", "s", "dibao"));
  dialog = find_toplevel (JZ_TYPE_STANDARD_DIALOG);
  g_assert_nonnull (dialog);
  wait_for_draw (GTK_WIDGET (dialog));
  g_assert_nonnull (find_row (GTK_WIDGET (dialog), history_title));
  g_assert_null (find_button_for (GTK_WIDGET (dialog), "standard.add"));
  /* Nor through the action: the form never shows. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "standard.add", NULL);
  drain_main_context ();
  g_assert_false (gtk_widget_get_mapped (find_row (GTK_WIDGET (dialog), value_title)));
  close_window (dialog);

  page = show_settings (window, "calendar");
  view = find_widget (GTK_WIDGET (page), JZ_TYPE_CALENDAR_VIEW);
  g_assert_null (find_button_for (view, "calendar.remove"));
  g_assert_null (find_button_for (view, "calendar.add"));

  page = show_settings (window, "office");
  view = find_widget (GTK_WIDGET (page), JZ_TYPE_OFFICE_VIEW);
  g_assert_null (find_button_for (view, "office.save"));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (find_row (view, _("Office name")))));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (find_row (view, _("List title")))));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (row_switch (view, _("Show part of the ID number")))));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (row_switch (view, _("Mask given names")))));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (row_switch (view, _("Remarks column")))));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (row_spin (view, _("Characters kept at the start")))));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (row_spin (view, _("Characters kept at the end")))));
  /* Nor through the row: the switch stays off. */
  activate_row (view, _("Show part of the ID number"));
  activate_row (view, _("Mask given names"));
  g_assert_false (gtk_switch_get_active (row_switch (view, _("Show part of the ID number"))));
  g_assert_false (gtk_switch_get_active (row_switch (view, _("Mask given names"))));
  g_assert_false (gtk_widget_get_visible (find_row (view, _("Characters kept at the start"))));

  jz_test_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* The language of the pictures is LANGUAGE's; see jz_test_window_init(). */
  screenshot_dir = g_getenv ("JZ_SCREENSHOT_DIR");
  app = jz_test_window_init (&argc, &argv, "jz-test-settings-XXXXXX", &tmp_dir);

  g_test_add_func ("/settings-page/standards-preview-save", test_settings_standards);
  g_test_add_func ("/settings-page/calendar-office", test_settings_calendar_office);
  g_test_add_func ("/settings-page/disclosure-options", test_settings_disclosure);
  g_test_add_func ("/settings-page/leader", test_settings_leader);

  ret = g_test_run ();

  jz_test_window_finish (&app, &tmp_dir);

  return ret;
}
