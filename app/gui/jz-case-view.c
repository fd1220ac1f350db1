/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-calendar.h"
#include "jz-case-step-dialog.h"
#include "jz-case-view-private.h"
#include "jz-case.h"
#include "jz-household-rows.h"
#include "jz-notice.h"
#include "jz-print.h"

G_DEFINE_FINAL_TYPE (JzCaseView, jz_case_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DB,
  PROP_USER,
  PROP_CASE_ID,
  N_PROPS
};

enum {
  BACK,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GtkWindow *
parent_window (JzCaseView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_toast (JzCaseView *self,
            const char *text)
{
  /* The overlay is our child: not a bound template child, which the
   * template and AdwBin would both release. */
  GtkWidget *overlay = adw_bin_get_child (ADW_BIN (self));

  if (ADW_IS_TOAST_OVERLAY (overlay))
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
}

static void
show_error (JzCaseView   *self,
            const char   *heading,
            const GError *error)
{
  GtkWindow *parent = parent_window (self);
  GtkWidget *dialog;

  if (parent == NULL)
    return;

  dialog = adw_message_dialog_new (parent, heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- reading ------------------------------------------------------------------ */

static void
jz_case_view_reload (JzCaseView *self)
{
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  double scrolled = gtk_adjustment_get_value (vadjustment);
  g_autoptr(GError) error = NULL;
  g_autoptr(JzCase) item = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  g_autofree char *today = jz_today ();

  g_assert (JZ_IS_CASE_VIEW (self));

  jz_case_view_clear_sections (self);
  g_clear_pointer (&self->flow, jz_case_flow_free);

  if (self->db != NULL && self->case_id != 0)
    self->flow = jz_case_flow_get (self->db, self->case_id, &error);

  if (self->flow == NULL)
    {
      gtk_label_set_label (self->title_label, error != NULL ? error->message : "");
      jz_case_view_hide_sections (self);
      return;
    }

  item = jz_case_get (self->db, self->case_id, NULL);
  steps = jz_case_list_history (self->db, self->case_id, NULL);
  jz_case_view_show_sections (self, item, steps, today);

  /* A refresh keeps the clerk's place. */
  gtk_adjustment_set_value (vadjustment, scrolled);
}

/* --- actions ----------------------------------------------------------------- */

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_signal_emit (widget, signals[BACK], 0);
}

static void
step_saved_cb (JzCaseView *self)
{
  g_assert (JZ_IS_CASE_VIEW (self));

  jz_case_view_reload (self);
  show_toast (self, _("Step recorded"));
}

static void
open_step_dialog (JzCaseView     *self,
                  JzCaseStepKind  kind,
                  const char     *to)
{
  g_autoptr(GError) error = NULL;
  JzCaseStepDialog *dialog;

  g_assert (JZ_IS_CASE_VIEW (self));

  if (self->flow == NULL)
    return;

  dialog = jz_case_step_dialog_new (parent_window (self), self->db, self->user, self->flow->id,
                                    self->flow->version, kind, to, &error);
  if (dialog == NULL)
    {
      show_error (self, _("Could Not Open the Case"), error);
      return;
    }

  g_signal_connect_object (dialog, "saved", G_CALLBACK (step_saved_cb), self, G_CONNECT_SWAPPED);
}

static void
advance_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  JzCaseView *self = (JzCaseView *) widget;
  const char *to = g_variant_get_string (parameter, NULL);

  /* What is not offered is not taken either. */
  if (self->flow == NULL || !jz_workflow_may (self->user, self->flow, to))
    return;

  open_step_dialog (self, JZ_CASE_STEP_ADVANCE, to);
}

static void
review_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JzCaseView *self = (JzCaseView *) widget;

  if (jz_case_view_may_review (self))
    open_step_dialog (self, JZ_CASE_STEP_REVIEW, NULL);
}

static void
review_emergency_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  JzCaseView *self = (JzCaseView *) widget;

  if (jz_case_view_may_review_emergency (self))
    open_step_dialog (self, JZ_CASE_STEP_EMERGENCY_REVIEW, NULL);
}

static void
print_notice_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  JzCaseView *self = (JzCaseView *) widget;
  g_autoptr(JzDocument) notice = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *job = NULL;

  if (self->db == NULL || self->case_id == 0)
    return;

  notice = jz_notice_build (self->db, self->case_id, &error);
  if (notice == NULL)
    {
      show_error (self, _("Could Not Print the Notice"), error);
      return;
    }

  /* TRANSLATORS: the name of a print job; %lld is a case number */
  job = g_strdup_printf (_("Notice of case %lld"), (long long) self->case_id);
  jz_print_document (parent_window (self), notice, job);
}

static void
notice_file_chosen_cb (GFile    *file,
                       gpointer  user_data)
{
  JzCaseView *self = user_data;
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    return;

  if (!jz_case_view_save_notice_to (self, path, &error))
    {
      show_error (self, _("Could Not Save the Notice"), error);
      return;
    }

  show_toast (self, _("Notice saved"));
}

static void
save_notice_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  JzCaseView *self = (JzCaseView *) widget;
  g_autofree char *name = NULL;

  if (self->db == NULL || self->case_id == 0)
    return;

  /* TRANSLATORS: the file name offered for a notice; %lld is the case number; keep .pdf */
  name = g_strdup_printf (_("notice-%lld.pdf"), (long long) self->case_id);
  jz_print_choose_pdf (parent_window (self), _("Save Notice as PDF"), name,
                       notice_file_chosen_cb, g_object_ref (self), g_object_unref);
}

/* --- GObject ----------------------------------------------------------------- */

static void
jz_case_view_dispose (GObject *object)
{
  JzCaseView *self = (JzCaseView *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), JZ_TYPE_CASE_VIEW);

  g_clear_pointer (&self->flow, jz_case_flow_free);
  g_clear_pointer (&self->user, jz_user_free);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (jz_case_view_parent_class)->dispose (object);
}

static void
jz_case_view_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  JzCaseView *self = JZ_CASE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;

    case PROP_USER:
      g_value_set_boxed (value, self->user);
      break;

    case PROP_CASE_ID:
      g_value_set_int64 (value, self->case_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jz_case_view_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  JzCaseView *self = JZ_CASE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DB:
      jz_case_view_set_db (self, g_value_get_object (value));
      break;

    case PROP_USER:
      jz_case_view_set_user (self, g_value_get_boxed (value));
      break;

    case PROP_CASE_ID:
      jz_case_view_set_case_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jz_case_view_class_init (JzCaseViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jz_case_view_dispose;
  object_class->get_property = jz_case_view_get_property;
  object_class->set_property = jz_case_view_set_property;

  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL,
                         JZ_TYPE_DB,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* The signed-in user, NULL in single-user mode: the steps offered
   * follow the role. */
  properties[PROP_USER] =
    g_param_spec_boxed ("user", NULL, NULL,
                        JZ_TYPE_USER,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The clerk asked to go back to the household file. */
  signals[BACK] =
    g_signal_new ("back",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jiuzhu/Jiuzhu/jz-case-view.ui");
  gtk_widget_class_bind_template_child (widget_class, JzCaseView, title_label);
  gtk_widget_class_bind_template_child (widget_class, JzCaseView, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, JzCaseView, status_label);
  gtk_widget_class_bind_template_child (widget_class, JzCaseView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, JzCaseView, steps_group);
  gtk_widget_class_bind_template_child (widget_class, JzCaseView, steps_box);
  gtk_widget_class_bind_template_child (widget_class, JzCaseView, facts_group);
  gtk_widget_class_bind_template_child (widget_class, JzCaseView, facts_list);
  gtk_widget_class_bind_template_child (widget_class, JzCaseView, deadlines_group);
  gtk_widget_class_bind_template_child (widget_class, JzCaseView, deadlines_list);
  gtk_widget_class_bind_template_child (widget_class, JzCaseView, benefit_group);
  gtk_widget_class_bind_template_child (widget_class, JzCaseView, benefit_list);
  gtk_widget_class_bind_template_child (widget_class, JzCaseView, notice_group);
  gtk_widget_class_bind_template_child (widget_class, JzCaseView, dates_group);
  gtk_widget_class_bind_template_child (widget_class, JzCaseView, dates_list);
  gtk_widget_class_bind_template_child (widget_class, JzCaseView, history_group);
  gtk_widget_class_bind_template_child (widget_class, JzCaseView, history_list);

  gtk_widget_class_install_action (widget_class, "case.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "case.advance", "s", advance_action);
  gtk_widget_class_install_action (widget_class, "case.review", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "case.review-emergency", NULL, review_emergency_action);
  gtk_widget_class_install_action (widget_class, "case.print-notice", NULL, print_notice_action);
  gtk_widget_class_install_action (widget_class, "case.save-notice", NULL, save_notice_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "case.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "case.print-notice", NULL);
}

static void
jz_case_view_init (JzCaseView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_placeholder (self->history_list, jz_household_placeholder_new (_("No step recorded yet.")));
  jz_case_view_reload (self);
}

/* --- public -------------------------------------------------------------------- */

JzDb *
jz_case_view_get_db (JzCaseView *self)
{
  g_return_val_if_fail (JZ_IS_CASE_VIEW (self), NULL);

  return self->db;
}

void
jz_case_view_set_db (JzCaseView *self,
                     JzDb       *db)
{
  g_return_if_fail (JZ_IS_CASE_VIEW (self));
  g_return_if_fail (db == NULL || JZ_IS_DB (db));

  if (!g_set_object (&self->db, db))
    return;

  jz_case_view_set_case_id (self, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DB]);
}

/**
 * jz_case_view_get_user:
 *
 * Returns: (transfer none) (nullable): the signed-in user, %NULL in
 *   single-user mode
 */
const JzUser *
jz_case_view_get_user (JzCaseView *self)
{
  g_return_val_if_fail (JZ_IS_CASE_VIEW (self), NULL);

  return self->user;
}

void
jz_case_view_set_user (JzCaseView   *self,
                       const JzUser *user)
{
  g_return_if_fail (JZ_IS_CASE_VIEW (self));

  if (self->user == user)
    return;

  g_clear_pointer (&self->user, jz_user_free);
  self->user = user != NULL ? jz_user_copy (user) : NULL;

  jz_case_view_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER]);
}

gint64
jz_case_view_get_case_id (JzCaseView *self)
{
  g_return_val_if_fail (JZ_IS_CASE_VIEW (self), 0);

  return self->case_id;
}

/**
 * jz_case_view_set_case_id:
 *
 * Shows another case, or none for 0, from the top.
 */
void
jz_case_view_set_case_id (JzCaseView *self,
                          gint64      case_id)
{
  g_return_if_fail (JZ_IS_CASE_VIEW (self));

  if (self->case_id != case_id)
    {
      self->case_id = case_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE_ID]);
    }

  jz_case_view_reload (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
}

/**
 * jz_case_view_refresh:
 *
 * The case may have been changed by another clerk: read it again.
 */
void
jz_case_view_refresh (JzCaseView *self)
{
  g_return_if_fail (JZ_IS_CASE_VIEW (self));

  jz_case_view_reload (self);
}

/**
 * jz_case_view_save_notice_to:
 * @path: the PDF file to write
 *
 * Writes the approval or refusal notice of the case shown, as Save Notice
 * as PDF does after asking for the file.
 */
gboolean
jz_case_view_save_notice_to (JzCaseView  *self,
                             const char  *path,
                             GError     **error)
{
  g_autoptr(JzDocument) notice = NULL;

  g_return_val_if_fail (JZ_IS_CASE_VIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->db == NULL || self->case_id == 0)
    {
      g_set_error_literal (error, JZ_NOTICE_ERROR, JZ_NOTICE_ERROR_UNDECIDED,
                           _("Open a decided case first; its notice is saved from the case."));
      return FALSE;
    }

  notice = jz_notice_build (self->db, self->case_id, error);
  if (notice == NULL)
    return FALSE;

  return jz_document_write_pdf (notice, path, error);
}
