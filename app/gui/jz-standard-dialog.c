/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-calendar.h"
#include "jz-form.h"
#include "jz-region.h"
#include "jz-standard-dialog.h"
#include "jz-standard-preview-view.h"

/* One kind of standard: its dated history, and a new value from a date,
 * saved only after the raise preview (提标测算) showed what it changes. */
struct _JzStandardDialog
{
  AdwWindow              parent_instance;

  /* Template widgets */
  AdwWindowTitle        *window_title;
  GtkWidget             *back_button;
  GtkWidget             *add_button;
  GtkStack              *pages;
  AdwPreferencesGroup   *history_group;
  AdwEntryRow           *value_row;
  AdwComboRow           *hukou_row;
  AdwComboRow           *township_row;
  AdwEntryRow           *date_row;
  AdwEntryRow           *note_row;
  GtkLabel              *form_error;
  JzStandardPreviewView *preview_view;

  /* Borrowed */
  AdwToastOverlay       *toasts;        /* the content */
  GPtrArray             *history_rows;  /* GtkWidget in history_group */

  /* Owned references */
  JzDb                  *db;
  JzUser                *user;
  GArray                *townships;     /* gint64, in the order of township_row after "Whole district" */
  JzStandard            *draft;         /* being previewed */

  JzStandardKind         kind;
  gboolean               can_edit;
};

G_DEFINE_FINAL_TYPE (JzStandardDialog, jz_standard_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- the history ---------------------------------------------------- */

static char *
local_time (const char *utc_text)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc_text == NULL || *utc_text == '\0')
    return NULL;

  utc = g_date_time_new_from_iso8601 (utc_text, NULL);
  local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  return local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup (utc_text);
}

/* "Urban · Whole district · set by admin, 2025-06-01 10:12 · 鲁民发〔2025〕3号" */
static char *
row_subtitle (const JzStandard *row)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *when = local_time (row->created_at);

  if (row->hukou == JZ_STANDARD_HUKOU_URBAN)
    g_ptr_array_add (parts, g_strdup (C_("hukou", "Urban")));
  else if (row->hukou == JZ_STANDARD_HUKOU_RURAL)
    g_ptr_array_add (parts, g_strdup (C_("hukou", "Rural")));

  g_ptr_array_add (parts, g_strdup (row->township_name != NULL ? row->township_name : _("Whole district")));

  if (row->created_by != NULL && *row->created_by != '\0' && when != NULL)
    /* Translators: who added a value of a standard and when */
    g_ptr_array_add (parts, g_strdup_printf (_("set by %s, %s"), row->created_by, when));
  else if (row->created_by != NULL && *row->created_by != '\0')
    g_ptr_array_add (parts, g_strdup_printf (_("set by %s"), row->created_by));

  if (row->note != NULL && *row->note != '\0')
    g_ptr_array_add (parts, g_markup_escape_text (row->note, -1));

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (C_("list separator", " · "), (char **) parts->pdata);
}

static void
reload_history (JzStandardDialog *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (JZ_IS_STANDARD_DIALOG (self));

  for (guint i = 0; i < self->history_rows->len; i++)
    adw_preferences_group_remove (self->history_group, g_ptr_array_index (self->history_rows, i));
  g_ptr_array_set_size (self->history_rows, 0);

  rows = jz_standard_history (self->db, self->kind, &error);
  if (rows == NULL)
    {
      adw_preferences_group_set_description (self->history_group, error->message);
      return;
    }

  adw_preferences_group_set_description (self->history_group,
                                         rows->len > 0
                                         ? _("Every value by hukou and township, each from its date until the next one. A township’s own value comes before the district’s.")
                                         : _("No value has been set yet."));

  for (guint i = 0; i < rows->len; i++)
    {
      const JzStandard *standard = g_ptr_array_index (rows, i);
      g_autofree char *title = g_strdup_printf (_("From %s"), standard->effective_from);
      g_autofree char *subtitle = row_subtitle (standard);
      g_autofree char *value = jz_standard_format_value (self->kind, standard->value);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *label = gtk_label_new (value);

      /* Names and notes are plain text, not markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

      adw_preferences_group_add (self->history_group, row);
      g_ptr_array_add (self->history_rows, row);
    }
}

/* ---- the pages ------------------------------------------------------ */

static void
update_actions (JzStandardDialog *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->pages);
  gboolean form_ok = FALSE;
  gint64 value;

  g_assert (JZ_IS_STANDARD_DIALOG (self));

  if (self->can_edit)
    form_ok = jz_standard_parse_value (self->kind, gtk_editable_get_text (GTK_EDITABLE (self->value_row)), &value, NULL) &&
              jz_form_date_is_valid (gtk_editable_get_text (GTK_EDITABLE (self->date_row)));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "standard.add", self->can_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "standard.preview", form_ok);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "standard.save",
                                 self->can_edit && self->draft != NULL &&
                                 !jz_standard_preview_view_get_busy (self->preview_view) &&
                                 jz_standard_preview_view_get_preview (self->preview_view) != NULL);

  gtk_widget_set_visible (self->back_button, g_strcmp0 (page, "history") != 0);
  gtk_widget_set_visible (self->add_button, self->can_edit && g_strcmp0 (page, "history") == 0);
}

static void
show_page (JzStandardDialog *self,
           const char       *name)
{
  g_assert (JZ_IS_STANDARD_DIALOG (self));

  gtk_stack_set_visible_child_name (self->pages, name);

  if (g_str_equal (name, "form"))
    adw_window_title_set_subtitle (self->window_title, _("New Value"));
  else if (g_str_equal (name, "preview"))
    adw_window_title_set_subtitle (self->window_title, _("Preview Before Saving"));
  else
    adw_window_title_set_subtitle (self->window_title, jz_standard_kind_unit_label (self->kind));

  update_actions (self);
}

static void
form_changed_cb (JzStandardDialog *self)
{
  const char *value_text = gtk_editable_get_text (GTK_EDITABLE (self->value_row));
  const char *date_text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  g_autoptr(GError) error = NULL;
  gboolean value_bad, date_bad;
  gint64 value;

  g_assert (JZ_IS_STANDARD_DIALOG (self));

  /* As typed: an empty field is not yet wrong. */
  value_bad = *value_text != '\0' && !jz_standard_parse_value (self->kind, value_text, &value, &error);
  date_bad = *date_text != '\0' && !jz_form_date_is_valid (date_text);

  jz_form_set_row_error (GTK_WIDGET (self->value_row), value_bad);
  jz_form_set_row_error (GTK_WIDGET (self->date_row), date_bad);

  if (value_bad)
    gtk_label_set_label (self->form_error, error->message);
  else if (date_bad)
    gtk_label_set_label (self->form_error, _("Give the date as year-month-day, for example 2026-07-01."));
  gtk_widget_set_visible (GTK_WIDGET (self->form_error), value_bad || date_bad);

  update_actions (self);
}

static void
preview_busy_cb (JzStandardDialog *self)
{
  g_assert (JZ_IS_STANDARD_DIALOG (self));

  update_actions (self);
}

/* The first day of the next month: when a new standard usually starts. */
static char *
default_date (void)
{
  GDate date;

  jz_today_date (&date);
  g_date_set_day (&date, 1);
  g_date_add_months (&date, 1);
  return jz_calendar_format_date (&date);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  JzStandardDialog *self = (JzStandardDialog *) widget;
  g_autofree char *date = default_date ();

  g_assert (JZ_IS_STANDARD_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->value_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), "");
  adw_combo_row_set_selected (self->hukou_row, 0);
  adw_combo_row_set_selected (self->township_row, 0);
  show_page (self, "form");
  gtk_widget_grab_focus (GTK_WIDGET (self->value_row));
}

static JzStandard *
draft_from_form (JzStandardDialog  *self,
                 GError           **error)
{
  g_autoptr(JzStandard) draft = jz_standard_new ();
  guint township = adw_combo_row_get_selected (self->township_row);

  g_assert (JZ_IS_STANDARD_DIALOG (self));

  draft->kind = self->kind;
  if (!jz_standard_parse_value (self->kind, gtk_editable_get_text (GTK_EDITABLE (self->value_row)), &draft->value, error))
    return NULL;
  if (jz_standard_kind_by_hukou (self->kind))
    draft->hukou = adw_combo_row_get_selected (self->hukou_row) == 1 ? JZ_STANDARD_HUKOU_RURAL : JZ_STANDARD_HUKOU_URBAN;
  if (township > 0 && township <= self->townships->len)
    draft->township_id = g_array_index (self->townships, gint64, township - 1);
  draft->effective_from = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row)));
  g_free (draft->note);
  draft->note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));

  return g_steal_pointer (&draft);
}

static void
preview_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  JzStandardDialog *self = (JzStandardDialog *) widget;
  g_autoptr(GError) error = NULL;
  JzStandard *draft;

  g_assert (JZ_IS_STANDARD_DIALOG (self));

  draft = draft_from_form (self, &error);
  if (draft == NULL)
    {
      gtk_label_set_label (self->form_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->form_error), TRUE);
      return;
    }

  g_clear_pointer (&self->draft, jz_standard_free);
  self->draft = draft;
  show_page (self, "preview");
  jz_standard_preview_view_run (self->preview_view, self->db, self->draft);
  update_actions (self);
}

static void
forget_draft (JzStandardDialog *self)
{
  g_assert (JZ_IS_STANDARD_DIALOG (self));

  jz_standard_preview_view_cancel (self->preview_view);
  g_clear_pointer (&self->draft, jz_standard_free);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JzStandardDialog *self = (JzStandardDialog *) widget;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_assert (JZ_IS_STANDARD_DIALOG (self));
  g_return_if_fail (self->draft != NULL);

  if (!jz_standard_set (self->db, self->user, self->draft, &error))
    {
      jz_form_show_save_error (GTK_WINDOW (self), error, NULL, NULL);
      return;
    }

  message = g_strdup_printf (_("Saved: the new value holds from %s."), self->draft->effective_from);
  forget_draft (self);
  reload_history (self);
  show_page (self, "history");
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
  g_signal_emit (self, signals[SAVED], 0);
}

static void
discard_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  JzStandardDialog *self = (JzStandardDialog *) widget;

  g_assert (JZ_IS_STANDARD_DIALOG (self));

  forget_draft (self);
  show_page (self, "history");
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JzStandardDialog *self = (JzStandardDialog *) widget;

  g_assert (JZ_IS_STANDARD_DIALOG (self));

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "preview") == 0)
    {
      forget_draft (self);
      show_page (self, "form");
    }
  else
    show_page (self, "history");
}

/* ---- setting up ----------------------------------------------------- */

static void
fill_choices (JzStandardDialog *self)
{
  g_autoptr(GtkStringList) hukou = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) places = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) districts = NULL;

  g_assert (JZ_IS_STANDARD_DIALOG (self));

  gtk_string_list_append (hukou, C_("hukou", "Urban"));
  gtk_string_list_append (hukou, C_("hukou", "Rural"));
  adw_combo_row_set_model (self->hukou_row, G_LIST_MODEL (hukou));
  gtk_widget_set_visible (GTK_WIDGET (self->hukou_row), jz_standard_kind_by_hukou (self->kind));

  gtk_string_list_append (places, _("Whole district"));
  districts = jz_region_list_children (self->db, 0, NULL);
  for (guint d = 0; districts != NULL && d < districts->len; d++)
    {
      JzRegion *district = g_ptr_array_index (districts, d);
      g_autoptr(GPtrArray) townships = jz_region_list_children (self->db, district->id, NULL);

      for (guint t = 0; townships != NULL && t < townships->len; t++)
        {
          JzRegion *township = g_ptr_array_index (townships, t);

          gtk_string_list_append (places, township->name);
          g_array_append_val (self->townships, township->id);
        }
    }
  adw_combo_row_set_model (self->township_row, G_LIST_MODEL (places));
}

static void
jz_standard_dialog_dispose (GObject *object)
{
  JzStandardDialog *self = (JzStandardDialog *) object;

  if (self->preview_view != NULL)
    jz_standard_preview_view_cancel (self->preview_view);

  gtk_widget_dispose_template (GTK_WIDGET (object), JZ_TYPE_STANDARD_DIALOG);

  G_OBJECT_CLASS (jz_standard_dialog_parent_class)->dispose (object);
}

static void
jz_standard_dialog_finalize (GObject *object)
{
  JzStandardDialog *self = (JzStandardDialog *) object;

  g_clear_pointer (&self->history_rows, g_ptr_array_unref);
  g_clear_pointer (&self->townships, g_array_unref);
  g_clear_pointer (&self->draft, jz_standard_free);
  g_clear_pointer (&self->user, jz_user_free);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (jz_standard_dialog_parent_class)->finalize (object);
}

static void
jz_standard_dialog_class_init (JzStandardDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jz_standard_dialog_dispose;
  object_class->finalize = jz_standard_dialog_finalize;

  /* Emitted after a new value was saved. */
  signals[SAVED] = g_signal_new ("saved",
                                 G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jiuzhu/Jiuzhu/jz-standard-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JzStandardDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, JzStandardDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, JzStandardDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, JzStandardDialog, pages);
  gtk_widget_class_bind_template_child (widget_class, JzStandardDialog, history_group);
  gtk_widget_class_bind_template_child (widget_class, JzStandardDialog, value_row);
  gtk_widget_class_bind_template_child (widget_class, JzStandardDialog, hukou_row);
  gtk_widget_class_bind_template_child (widget_class, JzStandardDialog, township_row);
  gtk_widget_class_bind_template_child (widget_class, JzStandardDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, JzStandardDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, JzStandardDialog, form_error);
  gtk_widget_class_bind_template_child (widget_class, JzStandardDialog, preview_view);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, preview_busy_cb);

  gtk_widget_class_install_action (widget_class, "standard.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "standard.preview", NULL, preview_action);
  gtk_widget_class_install_action (widget_class, "standard.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "standard.discard", NULL, discard_action);
  gtk_widget_class_install_action (widget_class, "standard.back", NULL, back_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  g_type_ensure (JZ_TYPE_STANDARD_PREVIEW_VIEW);
}

static void
jz_standard_dialog_init (JzStandardDialog *self)
{
  self->history_rows = g_ptr_array_new ();
  self->townships = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));
  self->toasts = ADW_TOAST_OVERLAY (adw_window_get_content (ADW_WINDOW (self)));
}

/**
 * jz_standard_dialog_new:
 * @user: (nullable): the signed-in user, %NULL in single-user mode; only
 *   one who may change standards is offered to add a value
 *
 * Returns: (transfer full): the dialog, not yet shown
 */
JzStandardDialog *
jz_standard_dialog_new (JzDb           *db,
                        const JzUser   *user,
                        JzStandardKind  kind)
{
  JzStandardDialog *self;
  g_autofree char *value_title = NULL;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);
  g_return_val_if_fail ((guint) kind < JZ_STANDARD_N_KINDS, NULL);

  self = g_object_new (JZ_TYPE_STANDARD_DIALOG, NULL);
  self->db = g_object_ref (db);
  self->user = user != NULL ? jz_user_copy (user) : NULL;
  self->kind = kind;
  self->can_edit = jz_user_can (user, JZ_PERMISSION_STANDARDS, 0) && !jz_db_get_read_only (db);

  gtk_window_set_title (GTK_WINDOW (self), jz_standard_kind_label (kind));
  adw_window_title_set_title (self->window_title, jz_standard_kind_label (kind));
  /* Translators: the title of the value field, with the unit, e.g. "Value (yuan a month)" */
  value_title = g_strdup_printf (_("Value (%s)"), jz_standard_kind_unit_label (kind));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->value_row), value_title);

  fill_choices (self);
  reload_history (self);
  show_page (self, "history");

  return self;
}
