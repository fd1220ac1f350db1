/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-event-dialog.h"
#include "jz-form.h"
#include "jz-household-events.h"
#include "jz-household.h"

/* Records one household event: a member moves out or dies, the head
 * changes or dies. The date and what the event needs, then one core call. */
struct _JzEventDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  AdwPreferencesGroup *main_group;
  AdwComboRow         *member_row;
  AdwEntryRow         *date_row;
  AdwComboRow         *old_head_row;
  AdwEntryRow         *note_row;
  AdwPreferencesGroup *relations_group;

  /* Owned references */
  JzDb                *db;
  GPtrArray           *members;     /* JzPerson, active, the head first */
  GPtrArray           *candidates;  /* borrowed JzPerson, in the order of member_row */
  GPtrArray           *relation_rows;  /* borrowed AdwComboRow, person in "jz-person" */

  gint64               household_id;
  JzEventKind          kind;
};

G_DEFINE_FINAL_TYPE (JzEventDialog, jz_event_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
kind_is_head_event (JzEventKind kind)
{
  return kind == JZ_EVENT_CHANGE_HEAD || kind == JZ_EVENT_HEAD_DEATH;
}

static JzPerson *
head_of (JzEventDialog *self)
{
  for (guint i = 0; i < self->members->len; i++)
    {
      JzPerson *member = g_ptr_array_index (self->members, i);

      if (g_strcmp0 (member->relation, "head") == 0)
        return member;
    }

  return NULL;
}

static JzPerson *
chosen_member (JzEventDialog *self)
{
  guint position = adw_combo_row_get_selected (self->member_row);

  if (position >= self->candidates->len)
    return NULL;

  return g_ptr_array_index (self->candidates, position);
}

static void
update_save (JzEventDialog *self)
{
  gboolean date_ok;

  g_assert (JZ_IS_EVENT_DIALOG (self));

  date_ok = jz_form_date_is_valid (gtk_editable_get_text (GTK_EDITABLE (self->date_row)));
  jz_form_set_row_error (GTK_WIDGET (self->date_row), !date_ok);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.save", date_ok && chosen_member (self) != NULL);
}

/* One row per member who stays, for the relation to the new head. */
static void
rebuild_relation_rows (JzEventDialog *self)
{
  JzPerson *new_head = chosen_member (self);

  g_assert (JZ_IS_EVENT_DIALOG (self));

  for (guint i = 0; i < self->relation_rows->len; i++)
    adw_preferences_group_remove (self->relations_group, g_ptr_array_index (self->relation_rows, i));
  g_ptr_array_set_size (self->relation_rows, 0);

  if (!kind_is_head_event (self->kind))
    return;

  for (guint i = 0; i < self->members->len; i++)
    {
      JzPerson *member = g_ptr_array_index (self->members, i);
      g_autoptr(GListModel) model = NULL;
      GtkWidget *row;

      if (member == new_head || g_strcmp0 (member->relation, "head") == 0)
        continue;

      model = jz_choice_model_new (JZ_CHOICE_MEMBER_RELATION, NULL);
      row = adw_combo_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), member->name);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), model);
      adw_combo_row_set_selected (ADW_COMBO_ROW (row),
                                  jz_choice_position (JZ_CHOICE_MEMBER_RELATION, FALSE, member->relation));
      g_object_set_data (G_OBJECT (row), "jz-person", member);
      adw_preferences_group_add (self->relations_group, row);
      g_ptr_array_add (self->relation_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->relations_group), self->relation_rows->len > 0);
}

static void
member_changed_cb (JzEventDialog *self)
{
  g_assert (JZ_IS_EVENT_DIALOG (self));

  rebuild_relation_rows (self);
  update_save (self);
}

static void
date_changed_cb (JzEventDialog *self)
{
  update_save (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JzEventDialog *self = (JzEventDialog *) widget;
  g_autoptr(GArray) relations = g_array_new (FALSE, FALSE, sizeof (JzRelation));
  g_autoptr(GError) error = NULL;
  JzPerson *member = chosen_member (self);
  const char *on = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));
  gint64 successor_id = 0;
  gboolean ok = FALSE;

  g_assert (JZ_IS_EVENT_DIALOG (self));

  if (member == NULL)
    return;

  for (guint i = 0; i < self->relation_rows->len; i++)
    {
      GObject *row = g_ptr_array_index (self->relation_rows, i);
      JzPerson *person = g_object_get_data (row, "jz-person");
      JzRelation relation = {
        person->id,
        jz_choice_code_at (JZ_CHOICE_MEMBER_RELATION, FALSE, adw_combo_row_get_selected (ADW_COMBO_ROW (row))),
      };

      g_array_append_val (relations, relation);
    }

  switch (self->kind)
    {
    case JZ_EVENT_MOVE_OUT:
      ok = jz_household_move_out (self->db, self->household_id, member->id, on, *note ? note : NULL, &error);
      break;

    case JZ_EVENT_MEMBER_DEATH:
      ok = jz_household_record_member_death (self->db, self->household_id, member->id, on, &error);
      break;

    case JZ_EVENT_CHANGE_HEAD:
      ok = jz_household_change_head (self->db, self->household_id, member->id,
                                     jz_choice_code_at (JZ_CHOICE_MEMBER_RELATION, FALSE,
                                                        adw_combo_row_get_selected (self->old_head_row)),
                                     (JzRelation *) (gpointer) relations->data, relations->len,
                                     on, *note ? note : NULL, &error);
      break;

    case JZ_EVENT_HEAD_DEATH:
      ok = jz_household_record_head_death (self->db, self->household_id, member->id,
                                           (JzRelation *) (gpointer) relations->data, relations->len,
                                           on, &successor_id, &error);
      break;

    default:
      g_assert_not_reached ();
    }

  if (!ok)
    {
      jz_form_show_save_error (GTK_WINDOW (self), error, NULL, NULL);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, successor_id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
setup (JzEventDialog *self,
       gint64         person_id)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *today = jz_form_today ();
  JzPerson *head = head_of (self);
  guint selected = 0;

  g_assert (JZ_IS_EVENT_DIALOG (self));

  switch (self->kind)
    {
    case JZ_EVENT_MOVE_OUT:
      adw_window_title_set_title (self->window_title, _("Member Moves Out"));
      adw_preferences_group_set_description (self->main_group,
                                             _("The member stays in the file as a former member. Their own cases end on this date."));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->member_row), _("Member"));
      gtk_widget_set_visible (GTK_WIDGET (self->note_row), TRUE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->note_row), _("Where to, or why (optional)"));
      break;

    case JZ_EVENT_MEMBER_DEATH:
      adw_window_title_set_title (self->window_title, _("Member Died"));
      adw_preferences_group_set_description (self->main_group,
                                             _("The member stays in the file as a former member. Their own cases end on this date."));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->member_row), _("Member"));
      break;

    case JZ_EVENT_CHANGE_HEAD:
      adw_window_title_set_title (self->window_title, _("Change of Head"));
      adw_preferences_group_set_description (self->main_group,
                                             _("Another member becomes the head of the household; the file stays the same."));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->member_row), _("New head"));
      gtk_widget_set_visible (GTK_WIDGET (self->old_head_row), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->note_row), TRUE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->note_row), _("Reason (optional)"));
      break;

    case JZ_EVENT_HEAD_DEATH:
      adw_window_title_set_title (self->window_title, _("Head Died"));
      adw_preferences_group_set_description (self->main_group,
                                             _("This file is closed and a new file, linked to it, is opened for the other members under the new head. The history of both stays readable."));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->member_row), _("New head"));
      break;

    default:
      g_assert_not_reached ();
    }

  /* Every event is about a member other than the head: the one who
   * leaves, or the one who takes the head's place. */
  for (guint i = 0; i < self->members->len; i++)
    {
      JzPerson *member = g_ptr_array_index (self->members, i);
      g_autofree char *label = NULL;

      if (member == head)
        continue;

      /* TRANSLATORS: a member in a list: name, then the relation to the head */
      label = g_strdup_printf (_("%s (%s)"), member->name, jz_person_relation_label (member->relation));
      if (member->id == person_id)
        selected = self->candidates->len;
      gtk_string_list_append (names, label);
      g_ptr_array_add (self->candidates, member);
    }

  if (head != NULL)
    {
      g_autoptr(GListModel) relations = jz_choice_model_new (JZ_CHOICE_MEMBER_RELATION, NULL);

      adw_combo_row_set_model (self->old_head_row, relations);
      adw_combo_row_set_selected (self->old_head_row,
                                  jz_choice_position (JZ_CHOICE_MEMBER_RELATION, FALSE, "other"));
    }

  adw_combo_row_set_model (self->member_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->member_row, selected);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);

  rebuild_relation_rows (self);
  update_save (self);
}

static void
jz_event_dialog_dispose (GObject *object)
{
  JzEventDialog *self = (JzEventDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), JZ_TYPE_EVENT_DIALOG);

  g_clear_pointer (&self->relation_rows, g_ptr_array_unref);
  g_clear_pointer (&self->candidates, g_ptr_array_unref);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (jz_event_dialog_parent_class)->dispose (object);
}

static void
jz_event_dialog_class_init (JzEventDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jz_event_dialog_dispose;

  /**
   * JzEventDialog::saved:
   * @successor_id: after a head's death, the new file; 0 otherwise
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jiuzhu/Jiuzhu/jz-event-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JzEventDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, JzEventDialog, main_group);
  gtk_widget_class_bind_template_child (widget_class, JzEventDialog, member_row);
  gtk_widget_class_bind_template_child (widget_class, JzEventDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, JzEventDialog, old_head_row);
  gtk_widget_class_bind_template_child (widget_class, JzEventDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, JzEventDialog, relations_group);
  gtk_widget_class_bind_template_callback (widget_class, member_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);

  gtk_widget_class_install_action (widget_class, "event.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jz_event_dialog_init (JzEventDialog *self)
{
  self->candidates = g_ptr_array_new ();
  self->relation_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * jz_event_dialog_new:
 * @person_id: the member to choose first, or 0
 *
 * Returns: (transfer none) (nullable): the dialog, shown; it destroys
 *   itself when closed. %NULL with @error set when the members cannot be
 *   read.
 */
JzEventDialog *
jz_event_dialog_new (GtkWindow    *parent,
                     JzDb         *db,
                     gint64        household_id,
                     JzEventKind   kind,
                     gint64        person_id,
                     GError      **error)
{
  g_autoptr(GPtrArray) members = NULL;
  JzEventDialog *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  members = jz_household_list_members (db, household_id, TRUE, error);
  if (members == NULL)
    return NULL;

  self = g_object_new (JZ_TYPE_EVENT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->db = g_object_ref (db);
  self->household_id = household_id;
  self->kind = kind;
  self->members = g_steal_pointer (&members);

  setup (self, person_id);
  gtk_window_present (GTK_WINDOW (self));

  return self;
}
