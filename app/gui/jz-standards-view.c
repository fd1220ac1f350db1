/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-calendar.h"
#include "jz-standard-dialog.h"
#include "jz-standard.h"
#include "jz-standards-view.h"

/* Settings → Standards: every kind with the value in force today, a
 * township's own values beside the district's.  A row opens the kind's
 * history, where a new value is added after a preview. */
struct _JzStandardsView
{
  JzPage               parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *living_group;
  AdwPreferencesGroup *increments_group;
  AdwPreferencesGroup *temporary_group;
  AdwPreferencesGroup *other_group;
  AdwPreferencesGroup *workflow_group;

  /* Borrowed: the row and value label of each kind */
  AdwActionRow        *rows[JZ_STANDARD_N_KINDS];
  GtkLabel            *values[JZ_STANDARD_N_KINDS];
};

G_DEFINE_FINAL_TYPE (JzStandardsView, jz_standards_view, JZ_TYPE_PAGE)

static AdwPreferencesGroup *
group_of (JzStandardsView *self,
          JzStandardKind   kind)
{
  g_assert (JZ_IS_STANDARDS_VIEW (self));

  if (kind <= JZ_STANDARD_CARE_FULL_PCT)
    return self->living_group;
  if (kind <= JZ_STANDARD_INCREMENT_SANWU_PCT)
    return self->increments_group;
  if (kind <= JZ_STANDARD_TEMP_EDUCATION_MAX)
    return self->temporary_group;
  if (kind <= JZ_STANDARD_CHILD_LIVING)
    return self->other_group;
  return self->workflow_group;
}

static const char *
hukou_label (JzStandardHukou hukou)
{
  switch (hukou)
    {
    case JZ_STANDARD_HUKOU_URBAN:
      return C_("hukou", "Urban");
    case JZ_STANDARD_HUKOU_RURAL:
      return C_("hukou", "Rural");
    case JZ_STANDARD_HUKOU_ANY:
    default:
      return NULL;
    }
}

/* "Urban 985.00", or the value alone for a kind not by hukou. */
static void
append_value (GString          *text,
              const JzStandard *row)
{
  g_autofree char *value = jz_standard_format_value (row->kind, row->value);
  const char *hukou = hukou_label (row->hukou);

  if (hukou != NULL)
    /* Translators: a hukou and a value, e.g. "Urban 985.00" */
    g_string_append_printf (text, C_("standard value", "%s %s"), hukou, value);
  else
    g_string_append (text, value);
}

static void
show_kind (JzStandardsView *self,
           JzStandardKind   kind,
           GPtrArray       *in_force)
{
  g_autoptr(GString) value = g_string_new (NULL);
  g_autoptr(GString) own = g_string_new (NULL);
  g_autofree char *subtitle = NULL;

  g_assert (JZ_IS_STANDARDS_VIEW (self));

  for (guint i = 0; in_force != NULL && i < in_force->len; i++)
    {
      const JzStandard *row = g_ptr_array_index (in_force, i);
      GString *text = row->township_id == 0 ? value : own;

      if (row->kind != kind)
        continue;
      if (text->len > 0)
        g_string_append (text, C_("list separator", " · "));
      if (row->township_id != 0)
        g_string_append_printf (text, "%s ", row->township_name);
      append_value (text, row);
    }

  gtk_label_set_label (self->values[kind], value->len > 0 ? value->str : C_("standard value", "Not set"));
  if (own->len > 0)
    /* Translators: the unit of a standard, then the townships' own values */
    subtitle = g_strdup_printf (_("%s; own values: %s"), jz_standard_kind_unit_label (kind), own->str);
  adw_action_row_set_subtitle (self->rows[kind], subtitle != NULL ? subtitle : jz_standard_kind_unit_label (kind));
}

static void
jz_standards_view_reload (JzPage *page)
{
  JzStandardsView *self = (JzStandardsView *) page;
  JzDb *db = jz_page_get_db (page);
  g_autoptr(GPtrArray) in_force = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = jz_today ();
  g_autofree char *description = NULL;

  g_assert (JZ_IS_STANDARDS_VIEW (self));

  if (db != NULL)
    {
      in_force = jz_standard_list_at (db, today, &error);
      if (in_force == NULL)
        g_debug ("Cannot read the standards: %s", error->message);
    }

  for (JzStandardKind kind = 0; kind < JZ_STANDARD_N_KINDS; kind++)
    show_kind (self, kind, in_force);

  if (error != NULL)
    description = g_strdup (error->message);
  else if (jz_page_user_can (page, JZ_PERMISSION_STANDARDS, 0))
    description = g_strdup_printf (_("The values in force today, %s. Choose a standard to see its history or to add a value from a date."),
                                   today);
  else
    description = g_strdup_printf (_("The values in force today, %s. Choose a standard to see its history; your role does not change standards."),
                                   today);
  adw_preferences_group_set_description (self->living_group, description);
}

static void
dialog_saved_cb (JzStandardsView *self)
{
  g_assert (JZ_IS_STANDARDS_VIEW (self));

  jz_standards_view_reload (JZ_PAGE (self));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JzStandardsView *self = (JzStandardsView *) widget;
  JzDb *db = jz_page_get_db (JZ_PAGE (self));
  JzStandardDialog *dialog;
  JzStandardKind kind;

  g_assert (JZ_IS_STANDARDS_VIEW (self));

  if (db == NULL || !jz_standard_kind_from_code (g_variant_get_string (parameter, NULL), &kind))
    return;

  dialog = jz_standard_dialog_new (db, jz_page_get_user (JZ_PAGE (self)), kind);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (widget)));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (dialog_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
jz_standards_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), JZ_TYPE_STANDARDS_VIEW);

  G_OBJECT_CLASS (jz_standards_view_parent_class)->dispose (object);
}

static void
jz_standards_view_class_init (JzStandardsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JzPageClass *page_class = JZ_PAGE_CLASS (klass);

  object_class->dispose = jz_standards_view_dispose;

  page_class->reload = jz_standards_view_reload;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jiuzhu/Jiuzhu/jz-standards-view.ui");
  gtk_widget_class_bind_template_child (widget_class, JzStandardsView, living_group);
  gtk_widget_class_bind_template_child (widget_class, JzStandardsView, increments_group);
  gtk_widget_class_bind_template_child (widget_class, JzStandardsView, temporary_group);
  gtk_widget_class_bind_template_child (widget_class, JzStandardsView, other_group);
  gtk_widget_class_bind_template_child (widget_class, JzStandardsView, workflow_group);

  gtk_widget_class_install_action (widget_class, "standards.open", "s", open_action);
}

static void
jz_standards_view_init (JzStandardsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (JzStandardKind kind = 0; kind < JZ_STANDARD_N_KINDS; kind++)
    {
      AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
      GtkWidget *value = gtk_label_new (NULL);
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

      /* Township names are plain text, not markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), jz_standard_kind_label (kind));
      adw_action_row_set_subtitle_lines (row, 2);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "standards.open");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", jz_standard_kind_code (kind));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

      gtk_widget_add_css_class (value, "numeric");
      gtk_label_set_xalign (GTK_LABEL (value), 1.0);
      gtk_widget_set_valign (value, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (row, value);
      gtk_widget_set_valign (arrow, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (row, arrow);

      adw_preferences_group_add (group_of (self, kind), GTK_WIDGET (row));
      self->rows[kind] = row;
      self->values[kind] = GTK_LABEL (value);
    }

  jz_standards_view_reload (JZ_PAGE (self));
}
