/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-office-view.h"
#include "jz-office.h"

/* Settings → Office: who issues the notices, the complaint phone and the
 * appeal sentence of a refusal, as the printouts carry them. */
struct _JzOfficeView
{
  JzPage               parent_instance;

  /* Borrowed */
  AdwToastOverlay     *toasts;    /* the child */

  /* Template widgets */
  AdwPreferencesGroup *office_group;
  AdwEntryRow         *name_row;
  AdwEntryRow         *phone_row;
  GtkTextView         *appeal_view;
  GtkLabel            *save_error;
  GtkWidget           *buttons;

  /* Owned: the values as read, to save only what the clerk changed */
  char                *loaded[3];

  guint                loading : 1;
};

G_DEFINE_FINAL_TYPE (JzOfficeView, jz_office_view, JZ_TYPE_PAGE)

static const JzOfficeSetting settings[] = { JZ_OFFICE_NAME, JZ_OFFICE_COMPLAINT_PHONE, JZ_OFFICE_APPEAL_ROUTE };

static gboolean
can_edit (JzOfficeView *self)
{
  JzDb *db = jz_page_get_db (JZ_PAGE (self));

  return db != NULL && !jz_db_get_read_only (db) &&
         jz_page_user_can (JZ_PAGE (self), JZ_PERMISSION_STANDARDS, 0);
}

/* The text shown for @setting now. */
static char *
shown_text (JzOfficeView    *self,
            JzOfficeSetting  setting)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_assert (JZ_IS_OFFICE_VIEW (self));

  switch (setting)
    {
    case JZ_OFFICE_NAME:
      return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
    case JZ_OFFICE_COMPLAINT_PHONE:
      return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->phone_row)));
    case JZ_OFFICE_APPEAL_ROUTE:
    default:
      buffer = gtk_text_view_get_buffer (self->appeal_view);
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
}

static void
show_text (JzOfficeView    *self,
           JzOfficeSetting  setting,
           const char      *text)
{
  g_assert (JZ_IS_OFFICE_VIEW (self));

  switch (setting)
    {
    case JZ_OFFICE_NAME:
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), text);
      break;
    case JZ_OFFICE_COMPLAINT_PHONE:
      gtk_editable_set_text (GTK_EDITABLE (self->phone_row), text);
      break;
    case JZ_OFFICE_APPEAL_ROUTE:
    default:
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->appeal_view), text, -1);
      break;
    }
}

static gboolean
is_changed (JzOfficeView *self)
{
  g_assert (JZ_IS_OFFICE_VIEW (self));

  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    {
      g_autofree char *text = shown_text (self, settings[i]);

      if (g_strcmp0 (text, self->loaded[i]) != 0)
        return TRUE;
    }

  return FALSE;
}

static void
update_actions (JzOfficeView *self)
{
  gboolean changed = can_edit (self) && is_changed (self);

  g_assert (JZ_IS_OFFICE_VIEW (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "office.save", changed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "office.revert", changed);
}

static void
load (JzOfficeView *self)
{
  JzDb *db = jz_page_get_db (JZ_PAGE (self));
  gboolean editable = can_edit (self);
  g_autoptr(GError) read_error = NULL;

  g_assert (JZ_IS_OFFICE_VIEW (self));

  self->loading = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    {
      g_autoptr(GError) error = NULL;

      g_clear_pointer (&self->loaded[i], g_free);
      if (db != NULL)
        self->loaded[i] = jz_office_get (db, settings[i], NULL, &error);
      if (error != NULL && read_error == NULL)
        read_error = g_steal_pointer (&error);
      if (self->loaded[i] == NULL)
        self->loaded[i] = g_strdup ("");
      show_text (self, settings[i], self->loaded[i]);
    }
  self->loading = FALSE;

  gtk_editable_set_editable (GTK_EDITABLE (self->name_row), editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->phone_row), editable);
  gtk_text_view_set_editable (self->appeal_view, editable);
  gtk_text_view_set_cursor_visible (self->appeal_view, editable);
  gtk_widget_set_visible (self->buttons, editable);
  if (read_error != NULL)
    gtk_label_set_label (self->save_error, read_error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->save_error), read_error != NULL);
  adw_preferences_group_set_description (self->office_group,
                                         editable
                                         ? _("Printed on notices and disclosure lists. An emptied field goes back to its default.")
                                         : _("Printed on notices and disclosure lists. Your role does not change them."));
  update_actions (self);
}

static void
jz_office_view_reload (JzPage *page)
{
  JzOfficeView *self = (JzOfficeView *) page;

  g_assert (JZ_IS_OFFICE_VIEW (self));

  /* Another clerk's save does not wipe out what is being typed. */
  if (can_edit (self) && is_changed (self))
    return;

  load (self);
}

static void
changed_cb (JzOfficeView *self)
{
  g_assert (JZ_IS_OFFICE_VIEW (self));

  if (!self->loading)
    update_actions (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JzOfficeView *self = (JzOfficeView *) widget;
  JzDb *db = jz_page_get_db (JZ_PAGE (self));

  g_assert (JZ_IS_OFFICE_VIEW (self));

  if (db == NULL || !can_edit (self))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    {
      g_autofree char *text = shown_text (self, settings[i]);
      g_autoptr(GError) error = NULL;

      if (g_strcmp0 (text, self->loaded[i]) == 0)
        continue;
      if (!jz_office_set (db, settings[i], text, &error))
        {
          gtk_label_set_label (self->save_error, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->save_error), TRUE);
          return;
        }
      /* Saved: a later error leaves this one done. */
      g_free (self->loaded[i]);
      self->loaded[i] = g_steal_pointer (&text);
    }

  load (self);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("The office details are saved.")));
}

static void
revert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JzOfficeView *self = (JzOfficeView *) widget;

  g_assert (JZ_IS_OFFICE_VIEW (self));

  load (self);
}

static void
jz_office_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), JZ_TYPE_OFFICE_VIEW);

  G_OBJECT_CLASS (jz_office_view_parent_class)->dispose (object);
}

static void
jz_office_view_finalize (GObject *object)
{
  JzOfficeView *self = (JzOfficeView *) object;

  for (guint i = 0; i < G_N_ELEMENTS (self->loaded); i++)
    g_clear_pointer (&self->loaded[i], g_free);

  G_OBJECT_CLASS (jz_office_view_parent_class)->finalize (object);
}

static void
jz_office_view_class_init (JzOfficeViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JzPageClass *page_class = JZ_PAGE_CLASS (klass);

  object_class->dispose = jz_office_view_dispose;
  object_class->finalize = jz_office_view_finalize;

  page_class->reload = jz_office_view_reload;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jiuzhu/Jiuzhu/jz-office-view.ui");
  gtk_widget_class_bind_template_child (widget_class, JzOfficeView, office_group);
  gtk_widget_class_bind_template_child (widget_class, JzOfficeView, name_row);
  gtk_widget_class_bind_template_child (widget_class, JzOfficeView, phone_row);
  gtk_widget_class_bind_template_child (widget_class, JzOfficeView, appeal_view);
  gtk_widget_class_bind_template_child (widget_class, JzOfficeView, save_error);
  gtk_widget_class_bind_template_child (widget_class, JzOfficeView, buttons);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);

  gtk_widget_class_install_action (widget_class, "office.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "office.revert", NULL, revert_action);
}

static void
jz_office_view_init (JzOfficeView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->toasts = ADW_TOAST_OVERLAY (adw_bin_get_child (ADW_BIN (self)));

  g_signal_connect_object (gtk_text_view_get_buffer (self->appeal_view), "changed",
                           G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);

  load (self);
}
