/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jz-event-dialog.h"
#include "jz-form.h"
#include "jz-household-archive.h"
#include "jz-household-dialog.h"
#include "jz-household-view-private.h"
#include "jz-member-dialog.h"
#include "jz-new-case-dialog.h"
#include "jz-page.h"

/* The actions of the household view that open forms or change the file:
 * the forms are tracked, so that a change by another clerk does not
 * rebuild the view under an open form. */

void
jz_household_view_show_error (JzHouseholdView *self,
                              const GError    *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    jz_form_show_save_error (GTK_WINDOW (root), error, NULL, NULL);
}

static void
dialog_destroyed_cb (JzHouseholdView *self)
{
  g_assert (JZ_IS_HOUSEHOLD_VIEW (self));
  g_assert (self->n_dialogs > 0);

  /* Whether saved, cancelled or refused, the file is read again: a save
   * of our own raises no JzDb::changed. */
  if (--self->n_dialogs == 0)
    jz_household_view_reload (self);
}

static void
track_dialog (JzHouseholdView *self,
              GtkWidget       *dialog)
{
  g_assert (JZ_IS_HOUSEHOLD_VIEW (self));

  if (dialog == NULL)
    return;

  self->n_dialogs++;
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (dialog_destroyed_cb), self, G_CONNECT_SWAPPED);
}

static GtkWindow *
parent_window (JzHouseholdView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  jz_household_view_reload (JZ_HOUSEHOLD_VIEW (widget));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JzHouseholdView *self = (JzHouseholdView *) widget;
  g_autoptr(GError) error = NULL;
  JzHouseholdDialog *dialog;

  dialog = jz_household_dialog_new (parent_window (self), self->db, self->household_id, &error);
  if (dialog == NULL)
    jz_household_view_show_error (self, error);
  track_dialog (self, GTK_WIDGET (dialog));
}

static void
reveal_account_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  JzHouseholdView *self = (JzHouseholdView *) widget;
  g_autoptr(GError) error = NULL;
  char *account;

  account = jz_household_reveal_bank_account (self->db, self->household_id, &error);
  if (account == NULL)
    {
      jz_household_view_show_error (self, error);
      return;
    }

  g_free (self->revealed_account);
  self->revealed_account = account;
  jz_household_view_reload (self);
}

static void
add_member_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  JzHouseholdView *self = (JzHouseholdView *) widget;

  track_dialog (self, GTK_WIDGET (jz_member_dialog_new (parent_window (self), self->db, self->household_id,
                                                        0, FALSE, NULL)));
}

static void
edit_member_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  JzHouseholdView *self = (JzHouseholdView *) widget;
  g_autoptr(GError) error = NULL;
  JzMemberDialog *dialog;

  dialog = jz_member_dialog_new (parent_window (self), self->db, self->household_id,
                                 g_variant_get_int64 (parameter), FALSE, &error);
  if (dialog == NULL)
    jz_household_view_show_error (self, error);
  track_dialog (self, GTK_WIDGET (dialog));
}

static void
open_event_dialog (JzHouseholdView *self,
                   JzEventKind      kind,
                   gint64           person_id)
{
  g_autoptr(GError) error = NULL;
  JzEventDialog *dialog;

  dialog = jz_event_dialog_new (parent_window (self), self->db, self->household_id, kind, person_id, &error);
  if (dialog == NULL)
    jz_household_view_show_error (self, error);
  track_dialog (self, GTK_WIDGET (dialog));
}

static void
move_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  open_event_dialog (JZ_HOUSEHOLD_VIEW (widget), JZ_EVENT_MOVE_OUT, g_variant_get_int64 (parameter));
}

static void
event_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  JzHouseholdView *self = (JzHouseholdView *) widget;
  const char *event = g_variant_get_string (parameter, NULL);

  if (g_str_equal (event, "move-in"))
    track_dialog (self, GTK_WIDGET (jz_member_dialog_new (parent_window (self), self->db, self->household_id,
                                                          0, TRUE, NULL)));
  else if (g_str_equal (event, "move-out"))
    open_event_dialog (self, JZ_EVENT_MOVE_OUT, 0);
  else if (g_str_equal (event, "member-death"))
    open_event_dialog (self, JZ_EVENT_MEMBER_DEATH, 0);
  else if (g_str_equal (event, "change-head"))
    open_event_dialog (self, JZ_EVENT_CHANGE_HEAD, 0);
  else if (g_str_equal (event, "head-death"))
    open_event_dialog (self, JZ_EVENT_HEAD_DEATH, 0);
  else
    g_critical ("Unknown household event “%s”", event);
}

static void
unarchive_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  JzHouseholdView *self = (JzHouseholdView *) widget;
  g_autoptr(GError) error = NULL;

  if (!jz_household_unarchive (self->db, self->household_id, &error))
    jz_household_view_show_error (self, error);

  jz_household_view_reload (self);
}

/* The user of the panel the file is shown in; NULL in single-user mode. */
const JzUser *
jz_household_view_get_user (JzHouseholdView *self)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (self), JZ_TYPE_PAGE);

  return page != NULL ? jz_page_get_user (JZ_PAGE (page)) : NULL;
}

static void
application_created_cb (JzHouseholdView *self,
                        gint64           case_id)
{
  /* The new draft opens, to be submitted. */
  gtk_widget_activate_action (GTK_WIDGET (self), "cases.open-case", "x", case_id);
}

static void
new_application_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  JzHouseholdView *self = (JzHouseholdView *) widget;
  g_autoptr(GError) error = NULL;
  JzNewCaseDialog *dialog;

  dialog = jz_new_case_dialog_new (parent_window (self), self->db, jz_household_view_get_user (self),
                                   self->household_id, &error);
  if (dialog == NULL)
    jz_household_view_show_error (self, error);
  else
    g_signal_connect_object (dialog, "created", G_CALLBACK (application_created_cb), self, G_CONNECT_SWAPPED);
  track_dialog (self, GTK_WIDGET (dialog));
}

static void
open_linked_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  jz_household_view_set_household_id (JZ_HOUSEHOLD_VIEW (widget), g_variant_get_int64 (parameter));
}

void
jz_household_view_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "household.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "household.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "household.reveal-account", NULL, reveal_account_action);
  gtk_widget_class_install_action (widget_class, "household.add-member", NULL, add_member_action);
  gtk_widget_class_install_action (widget_class, "household.edit-member", "x", edit_member_action);
  gtk_widget_class_install_action (widget_class, "household.move-out", "x", move_out_action);
  gtk_widget_class_install_action (widget_class, "household.event", "s", event_action);
  gtk_widget_class_install_action (widget_class, "household.unarchive", NULL, unarchive_action);
  gtk_widget_class_install_action (widget_class, "household.open-linked", "x", open_linked_action);
  gtk_widget_class_install_action (widget_class, "household.new-application", NULL, new_application_action);
}
