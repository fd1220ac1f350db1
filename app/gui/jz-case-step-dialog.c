/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-benefit.h"
#include "jz-calendar.h"
#include "jz-case-rows.h"
#include "jz-case-step-dialog.h"
#include "jz-form.h"
#include "jz-household-rows.h"
#include "jz-workflow.h"

/* Records one step of a case, or a review: the date and a note, which is
 * the written reason where the rules ask for one.  The Record button stays
 * off until the reason is there; what the core still refuses is shown
 * above the form, in its own words, and the form stays open. */
struct _JzCaseStepDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkWidget           *save_button;
  GtkLabel            *error_label;
  AdwPreferencesGroup *main_group;
  AdwActionRow        *old_amount_row;
  GtkLabel            *old_amount_label;
  AdwActionRow        *new_amount_row;
  GtkLabel            *new_amount_label;
  AdwEntryRow         *date_row;
  AdwEntryRow         *note_row;
  GtkLabel            *reason_label;
  AdwPreferencesGroup *breakdown_group;
  GtkListBox          *breakdown_list;

  /* Owned references */
  JzDb                *db;
  JzUser              *user;
  JzCaseFlow          *flow;
  char                *to;

  gint64               version;      /* of the case the clerk saw */
  JzCaseStepKind       kind;
  gboolean             needs_reason; /* the step always needs one */
  gboolean             changes;      /* a review changes the amount */
};

G_DEFINE_FINAL_TYPE (JzCaseStepDialog, jz_case_step_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static gboolean
reason_required (JzCaseStepDialog *self)
{
  return self->needs_reason || (self->kind == JZ_CASE_STEP_REVIEW && self->changes);
}

static void
update_save (JzCaseStepDialog *self)
{
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));
  gboolean date_ok = jz_form_date_is_valid (gtk_editable_get_text (GTK_EDITABLE (self->date_row)));
  gboolean required = reason_required (self);
  gboolean missing = required && *note == '\0';

  g_assert (JZ_IS_CASE_STEP_DIALOG (self));

  jz_form_set_row_error (GTK_WIDGET (self->date_row), !date_ok);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->note_row),
                                 required ? _("Reason (required)") : _("Note (optional)"));
  gtk_widget_set_visible (GTK_WIDGET (self->reason_label), missing);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->note_row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               missing ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "step.save", date_ok && !missing);
}

static void
show_error (JzCaseStepDialog *self,
            const char       *message)
{
  g_assert (JZ_IS_CASE_STEP_DIALOG (self));

  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* A review: the amount the engine gives for the review's date, beside the
 * amount paid now. */
static void
compute_review (JzCaseStepDialog *self)
{
  const char *date = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  g_autoptr(JzBenefitResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *amount = NULL;

  g_assert (JZ_IS_CASE_STEP_DIALOG (self));

  clear_list (self->breakdown_list);
  self->changes = FALSE;

  if (!jz_form_date_is_valid (date))
    {
      gtk_label_set_label (self->new_amount_label, "—");
      adw_action_row_set_subtitle (self->new_amount_row, "");
      gtk_widget_set_visible (GTK_WIDGET (self->breakdown_group), FALSE);
      return;
    }

  result = jz_benefit_compute_case (self->db, self->flow->id, date, &error);
  if (result == NULL)
    {
      gtk_label_set_label (self->new_amount_label, "—");
      adw_action_row_set_subtitle (self->new_amount_row, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->breakdown_group), FALSE);
      return;
    }

  amount = jz_household_format_amount (result->total);
  gtk_label_set_label (self->new_amount_label, amount);
  self->changes = result->total != self->flow->monthly_amount;

  if (result->total == 0)
    g_string_append (subtitle, _("Assistance stops: the case ends with this review."));
  else if (result->total > self->flow->monthly_amount)
    g_string_append (subtitle, _("The benefit is raised."));
  else if (result->total < self->flow->monthly_amount)
    g_string_append (subtitle, _("The benefit is lowered."));
  else
    g_string_append (subtitle, _("The benefit stays the same."));
  for (guint i = 0; result->notes != NULL && i < result->notes->len; i++)
    g_string_append_printf (subtitle, "\n%s", (const char *) g_ptr_array_index (result->notes, i));
  adw_action_row_set_subtitle (self->new_amount_row, subtitle->str);

  for (guint i = 0; i < result->lines->len; i++)
    {
      JzBenefitLine *line = g_ptr_array_index (result->lines, i);

      gtk_list_box_append (self->breakdown_list, jz_case_benefit_row_new (line->label, line->formula,
                                                                          line->amount, FALSE));
    }
  gtk_list_box_append (self->breakdown_list, jz_case_benefit_row_new (_("Total"), NULL, result->total, TRUE));
  gtk_widget_set_visible (GTK_WIDGET (self->breakdown_group), result->lines->len > 0);
}

static void
date_changed_cb (JzCaseStepDialog *self)
{
  g_assert (JZ_IS_CASE_STEP_DIALOG (self));

  if (self->kind == JZ_CASE_STEP_REVIEW)
    compute_review (self);
  update_save (self);
}

static void
note_changed_cb (JzCaseStepDialog *self)
{
  update_save (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JzCaseStepDialog *self = (JzCaseStepDialog *) widget;
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));
  const char *date = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;

  g_assert (JZ_IS_CASE_STEP_DIALOG (self));

  switch (self->kind)
    {
    case JZ_CASE_STEP_ADVANCE:
      ok = jz_case_advance_at_version (self->db, self->user, self->flow->id, self->version, self->to,
                                       *note != '\0' ? note : NULL, date, &error);
      break;

    case JZ_CASE_STEP_REVIEW:
      ok = jz_case_review (self->db, self->user, self->flow->id, date, *note != '\0' ? note : NULL, &error);
      break;

    case JZ_CASE_STEP_EMERGENCY_REVIEW:
      ok = jz_case_review_emergency (self->db, self->user, self->flow->id, date,
                                     *note != '\0' ? note : NULL, &error);
      break;

    default:
      g_assert_not_reached ();
    }

  if (!ok)
    {
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
setup (JzCaseStepDialog *self)
{
  g_autofree char *today = jz_today ();
  const char *description = NULL;

  g_assert (JZ_IS_CASE_STEP_DIALOG (self));

  switch (self->kind)
    {
    case JZ_CASE_STEP_ADVANCE:
      adw_window_title_set_title (self->window_title, jz_case_step_title (self->flow->status, self->to));
      description = jz_case_step_description (self->flow->status, self->to);
      jz_workflow_lookup (self->flow->program, self->flow->emergency, self->flow->status, self->to,
                          NULL, &self->needs_reason);
      if (g_str_equal (self->to, "rejected") || g_str_equal (self->to, "withdrawn") ||
          g_str_equal (self->to, "terminated") || g_str_equal (self->to, "suspended"))
        {
          gtk_widget_remove_css_class (self->save_button, "suggested-action");
          gtk_widget_add_css_class (self->save_button, "destructive-action");
        }
      break;

    case JZ_CASE_STEP_REVIEW:
      {
        g_autofree char *amount = jz_household_format_amount (self->flow->monthly_amount);

        adw_window_title_set_title (self->window_title, _("Review the Case"));
        description = _("The benefit is computed again with the household’s facts and the standards in force on the review’s date. A change of amount needs a written reason; an amount of nothing ends the case.");
        gtk_label_set_label (self->old_amount_label, amount);
        gtk_widget_set_visible (GTK_WIDGET (self->old_amount_row), TRUE);
        gtk_widget_set_visible (GTK_WIDGET (self->new_amount_row), TRUE);
      }
      break;

    case JZ_CASE_STEP_EMERGENCY_REVIEW:
      adw_window_title_set_title (self->window_title, _("Review the Emergency Payment"));
      description = _("The payment made first is looked at again after it was paid, as the rules for emergencies ask.");
      break;

    default:
      g_assert_not_reached ();
    }

  adw_window_title_set_subtitle (self->window_title, self->flow->head_name);
  adw_preferences_group_set_description (self->main_group, description);
  /* Set last: the change computes a review's amount. */
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  date_changed_cb (self);
}

static void
jz_case_step_dialog_dispose (GObject *object)
{
  JzCaseStepDialog *self = (JzCaseStepDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), JZ_TYPE_CASE_STEP_DIALOG);

  g_clear_pointer (&self->flow, jz_case_flow_free);
  g_clear_pointer (&self->user, jz_user_free);
  g_clear_pointer (&self->to, g_free);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (jz_case_step_dialog_parent_class)->dispose (object);
}

static void
jz_case_step_dialog_class_init (JzCaseStepDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jz_case_step_dialog_dispose;

  /* The step is recorded; the dialog closes next. */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jiuzhu/Jiuzhu/jz-case-step-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JzCaseStepDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, JzCaseStepDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, JzCaseStepDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, JzCaseStepDialog, main_group);
  gtk_widget_class_bind_template_child (widget_class, JzCaseStepDialog, old_amount_row);
  gtk_widget_class_bind_template_child (widget_class, JzCaseStepDialog, old_amount_label);
  gtk_widget_class_bind_template_child (widget_class, JzCaseStepDialog, new_amount_row);
  gtk_widget_class_bind_template_child (widget_class, JzCaseStepDialog, new_amount_label);
  gtk_widget_class_bind_template_child (widget_class, JzCaseStepDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, JzCaseStepDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, JzCaseStepDialog, reason_label);
  gtk_widget_class_bind_template_child (widget_class, JzCaseStepDialog, breakdown_group);
  gtk_widget_class_bind_template_child (widget_class, JzCaseStepDialog, breakdown_list);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, note_changed_cb);

  gtk_widget_class_install_action (widget_class, "step.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jz_case_step_dialog_init (JzCaseStepDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * jz_case_step_dialog_new:
 * @user: (nullable): who records the step, %NULL in single-user mode
 * @version: the version of the case the clerk saw: a change by someone
 *   else since is refused, naming them
 * @to_status: for %JZ_CASE_STEP_ADVANCE, the state the step leads to
 *
 * Returns: (transfer none) (nullable): the dialog, shown; it destroys
 *   itself when closed.  %NULL with @error set when the case cannot be
 *   read.
 */
JzCaseStepDialog *
jz_case_step_dialog_new (GtkWindow       *parent,
                         JzDb            *db,
                         const JzUser    *user,
                         gint64           case_id,
                         gint64           version,
                         JzCaseStepKind   kind,
                         const char      *to_status,
                         GError         **error)
{
  g_autoptr(JzCaseFlow) flow = NULL;
  JzCaseStepDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (JZ_IS_DB (db), NULL);
  g_return_val_if_fail (kind != JZ_CASE_STEP_ADVANCE || to_status != NULL, NULL);

  flow = jz_case_flow_get (db, case_id, error);
  if (flow == NULL)
    return NULL;

  self = g_object_new (JZ_TYPE_CASE_STEP_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->db = g_object_ref (db);
  self->user = user != NULL ? jz_user_copy (user) : NULL;
  self->flow = g_steal_pointer (&flow);
  self->version = version;
  self->kind = kind;
  self->to = g_strdup (to_status);

  setup (self);
  gtk_window_present (GTK_WINDOW (self));

  return self;
}
