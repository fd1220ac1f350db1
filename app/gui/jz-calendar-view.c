/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-calendar-view.h"
#include "jz-calendar.h"

/* Settings → Calendar: the holidays and make-up workdays (调休) that the
 * working-day deadlines count with, a year at a time. */
struct _JzCalendarView
{
  JzPage               parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *days_group;
  GtkDropDown         *year_dropdown;
  AdwPreferencesGroup *add_group;
  AdwEntryRow         *day_row;
  AdwComboRow         *kind_row;
  AdwEntryRow         *name_row;
  GtkLabel            *add_error;

  /* Borrowed */
  AdwToastOverlay     *toasts;   /* the child */
  GPtrArray           *rows;     /* GtkWidget in days_group */

  /* Owned references */
  GArray              *years;  /* int, in the order of year_dropdown */
  JzCalendarDay       *removed;  /* for Undo */

  int                  year;
  guint                filling_years : 1;
};

G_DEFINE_FINAL_TYPE (JzCalendarView, jz_calendar_view, JZ_TYPE_PAGE)

static gboolean
can_edit (JzCalendarView *self)
{
  JzDb *db = jz_page_get_db (JZ_PAGE (self));

  return db != NULL && !jz_db_get_read_only (db) &&
         jz_page_user_can (JZ_PAGE (self), JZ_PERMISSION_STANDARDS, 0);
}

static int
this_year (void)
{
  GDate today;

  jz_today_date (&today);
  return g_date_get_year (&today);
}

/* The years that have days listed, this year and the next. */
static void
fill_years (JzCalendarView *self,
            JzDb           *db)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) days = NULL;
  int first = this_year (), last = this_year () + 1;
  guint selected = 0;

  g_assert (JZ_IS_CALENDAR_VIEW (self));

  if (db != NULL)
    days = jz_calendar_list_days (db, "0001-01-01", "9999-12-31", NULL);
  for (guint i = 0; days != NULL && i < days->len; i++)
    {
      const JzCalendarDay *day = g_ptr_array_index (days, i);
      int year = (int) g_ascii_strtoll (day->day, NULL, 10);

      first = MIN (first, year);
      last = MAX (last, year);
    }

  if (self->year == 0)
    self->year = this_year ();
  first = MIN (first, self->year);
  last = MAX (last, self->year);

  g_array_set_size (self->years, 0);
  for (int year = first; year <= last; year++)
    {
      g_autofree char *text = g_strdup_printf ("%d", year);

      if (year == self->year)
        selected = self->years->len;
      gtk_string_list_append (list, text);
      g_array_append_val (self->years, year);
    }

  self->filling_years = TRUE;
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->year_dropdown, selected);
  self->filling_years = FALSE;
}

static char *
day_title (const char *day)
{
  GDate date;
  char weekday[64];

  if (!jz_calendar_parse_date (day, &date))
    return g_strdup (day);

  g_date_strftime (weekday, sizeof weekday, "%A", &date);
  /* Translators: a date and its weekday, e.g. "2026-02-14 Saturday" */
  return g_strdup_printf (C_("calendar day", "%s %s"), day, weekday);
}

static void
show_days (JzCalendarView *self,
           JzDb           *db)
{
  g_autofree char *from = g_strdup_printf ("%04d-01-01", self->year);
  g_autofree char *to = g_strdup_printf ("%04d-12-31", self->year);
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GError) error = NULL;
  gboolean editable = can_edit (self);

  g_assert (JZ_IS_CALENDAR_VIEW (self));

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->days_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  if (db != NULL)
    {
      days = jz_calendar_list_days (db, from, to, &error);
      if (days == NULL)
        g_debug ("Cannot read the calendar: %s", error->message);
    }

  if (days == NULL || days->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = error != NULL
                               ? g_strdup (error->message)
                               : g_strdup_printf (_("No day of %d is listed: every Monday to Friday is a workday."), self->year);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->days_group, row);
      g_ptr_array_add (self->rows, row);
      return;
    }

  for (guint i = 0; i < days->len; i++)
    {
      const JzCalendarDay *day = g_ptr_array_index (days, i);
      g_autofree char *title = day_title (day->day);
      const char *kind = g_strcmp0 (day->kind, "workday") == 0 ? _("Make-up workday") : _("Holiday");
      g_autofree char *subtitle = day->name != NULL && *day->name != '\0'
                                  ? g_strconcat (kind, C_("list separator", " · "), day->name, NULL)
                                  : g_strdup (kind);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      if (editable)
        {
          GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
          g_autofree char *label = g_strdup_printf (_("Remove %s"), day->day);

          gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (remove, "flat");
          gtk_widget_set_tooltip_text (remove, _("Remove"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "calendar.remove");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", day->day);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
        }

      adw_preferences_group_add (self->days_group, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
jz_calendar_view_reload (JzPage *page)
{
  JzCalendarView *self = (JzCalendarView *) page;
  JzDb *db = jz_page_get_db (page);
  gboolean editable = can_edit (self);

  g_assert (JZ_IS_CALENDAR_VIEW (self));

  fill_years (self, db);
  show_days (self, db);

  gtk_widget_set_visible (GTK_WIDGET (self->add_group), editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.add", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.remove", editable);
}

static void
year_changed_cb (JzCalendarView *self)
{
  guint selected = gtk_drop_down_get_selected (self->year_dropdown);

  g_assert (JZ_IS_CALENDAR_VIEW (self));

  if (self->filling_years || selected >= self->years->len)
    return;

  self->year = g_array_index (self->years, int, selected);
  show_days (self, jz_page_get_db (JZ_PAGE (self)));
}

static void
add_changed_cb (JzCalendarView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->day_row));
  GDate date;
  gboolean bad = *text != '\0' && !jz_calendar_parse_date (text, &date);

  g_assert (JZ_IS_CALENDAR_VIEW (self));

  if (bad)
    gtk_widget_add_css_class (GTK_WIDGET (self->day_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->day_row), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->add_error), FALSE);
}

static gboolean
add_day (JzCalendarView  *self,
         const char      *day,
         const char      *kind,
         const char      *name,
         GError         **error)
{
  JzDb *db = jz_page_get_db (JZ_PAGE (self));

  g_assert (JZ_IS_CALENDAR_VIEW (self));

  if (!jz_calendar_add_day (db, jz_page_get_user (JZ_PAGE (self)), day, kind, name, error))
    return FALSE;

  self->year = (int) g_ascii_strtoll (day, NULL, 10);
  jz_calendar_view_reload (JZ_PAGE (self));
  return TRUE;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  JzCalendarView *self = (JzCalendarView *) widget;
  g_autofree char *day = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->day_row))));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  const char *kind = adw_combo_row_get_selected (self->kind_row) == 1 ? "workday" : "holiday";
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_assert (JZ_IS_CALENDAR_VIEW (self));

  if (!add_day (self, day, kind, name, &error))
    {
      gtk_label_set_label (self->add_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->add_error), TRUE);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->day_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  message = g_strdup_printf (_("%s added."), day);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

static void
undo_cb (AdwToast       *toast,
         JzCalendarView *self)
{
  g_autoptr(JzCalendarDay) day = g_steal_pointer (&self->removed);
  g_autoptr(GError) error = NULL;

  g_assert (JZ_IS_CALENDAR_VIEW (self));

  if (day != NULL && !add_day (self, day->day, day->kind, day->name, &error))
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
}

static JzCalendarDay *
find_day (JzDb       *db,
          const char *day)
{
  g_autoptr(GPtrArray) days = jz_calendar_list_days (db, day, day, NULL);

  if (days == NULL || days->len == 0)
    return NULL;
  return g_ptr_array_steal_index (days, 0);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JzCalendarView *self = (JzCalendarView *) widget;
  JzDb *db = jz_page_get_db (JZ_PAGE (self));
  const char *day = g_variant_get_string (parameter, NULL);
  g_autoptr(JzCalendarDay) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  g_assert (JZ_IS_CALENDAR_VIEW (self));

  if (db == NULL)
    return;

  before = find_day (db, day);
  if (!jz_calendar_remove_day (db, jz_page_get_user (JZ_PAGE (self)), day, &error))
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }

  g_clear_pointer (&self->removed, jz_calendar_day_free);
  self->removed = g_steal_pointer (&before);
  jz_calendar_view_reload (JZ_PAGE (self));

  message = g_strdup_printf (_("%s removed."), day);
  toast = adw_toast_new (message);
  if (self->removed != NULL)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_cb), self, 0);
    }
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
jz_calendar_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), JZ_TYPE_CALENDAR_VIEW);

  G_OBJECT_CLASS (jz_calendar_view_parent_class)->dispose (object);
}

static void
jz_calendar_view_finalize (GObject *object)
{
  JzCalendarView *self = (JzCalendarView *) object;

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->years, g_array_unref);
  g_clear_pointer (&self->removed, jz_calendar_day_free);

  G_OBJECT_CLASS (jz_calendar_view_parent_class)->finalize (object);
}

static void
jz_calendar_view_class_init (JzCalendarViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JzPageClass *page_class = JZ_PAGE_CLASS (klass);

  object_class->dispose = jz_calendar_view_dispose;
  object_class->finalize = jz_calendar_view_finalize;

  page_class->reload = jz_calendar_view_reload;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jiuzhu/Jiuzhu/jz-calendar-view.ui");
  gtk_widget_class_bind_template_child (widget_class, JzCalendarView, days_group);
  gtk_widget_class_bind_template_child (widget_class, JzCalendarView, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JzCalendarView, add_group);
  gtk_widget_class_bind_template_child (widget_class, JzCalendarView, day_row);
  gtk_widget_class_bind_template_child (widget_class, JzCalendarView, kind_row);
  gtk_widget_class_bind_template_child (widget_class, JzCalendarView, name_row);
  gtk_widget_class_bind_template_child (widget_class, JzCalendarView, add_error);
  gtk_widget_class_bind_template_callback (widget_class, year_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_changed_cb);

  gtk_widget_class_install_action (widget_class, "calendar.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "calendar.remove", "s", remove_action);
}

static void
jz_calendar_view_init (JzCalendarView *self)
{
  self->rows = g_ptr_array_new ();
  self->years = g_array_new (FALSE, FALSE, sizeof (int));

  gtk_widget_init_template (GTK_WIDGET (self));
  self->toasts = ADW_TOAST_OVERLAY (adw_bin_get_child (ADW_BIN (self)));

  jz_calendar_view_reload (JZ_PAGE (self));
}
