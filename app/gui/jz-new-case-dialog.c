/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-calendar.h"
#include "jz-case-rows.h"
#include "jz-form.h"
#include "jz-household.h"
#include "jz-labels.h"
#include "jz-new-case-dialog.h"
#include "jz-standard.h"
#include "jz-workflow.h"

/* A new application of a household, or of one of its members for the
 * programs that are for one person: it starts as a draft, which the
 * clerk then submits in the case view. */
struct _JzNewCaseDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  GtkLabel            *error_label;
  AdwComboRow         *program_row;
  AdwComboRow         *member_row;
  AdwEntryRow         *date_row;
  AdwActionRow        *unstable_row;
  GtkSwitch           *unstable_switch;
  AdwEntryRow         *institution_row;
  AdwEntryRow         *note_row;
  AdwPreferencesGroup *temporary_group;
  AdwComboRow         *kind_row;
  AdwEntryRow         *multiple_row;
  GtkSwitch           *emergency_switch;

  /* Owned references */
  JzDb                *db;
  JzUser              *user;
  GPtrArray           *members;   /* JzPerson, active, the head first */

  gint64               household_id;
};

G_DEFINE_FINAL_TYPE (JzNewCaseDialog, jz_new_case_dialog, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
chosen_program (JzNewCaseDialog *self)
{
  guint position = adw_combo_row_get_selected (self->program_row);

  return position < jz_labels_count (JZ_FIELD_PROGRAM) ? jz_labels_code (JZ_FIELD_PROGRAM, position) : NULL;
}

static gboolean
for_one_person (const char *program)
{
  return g_strcmp0 (jz_labels_program_unit (program), "person") == 0;
}

static JzPerson *
chosen_member (JzNewCaseDialog *self)
{
  guint position = adw_combo_row_get_selected (self->member_row);

  return position < self->members->len ? g_ptr_array_index (self->members, position) : NULL;
}

static void
update_save (JzNewCaseDialog *self)
{
  const char *program = chosen_program (self);
  gboolean temporary = g_strcmp0 (program, "temporary") == 0;
  gboolean date_ok = jz_form_date_is_valid (gtk_editable_get_text (GTK_EDITABLE (self->date_row)));
  gboolean member_ok = !for_one_person (program) || chosen_member (self) != NULL;
  const char *multiple = gtk_editable_get_text (GTK_EDITABLE (self->multiple_row));
  gint64 bp = 0;
  gboolean multiple_ok = !temporary || (jz_case_parse_multiple (multiple, &bp) && bp > 0);

  g_assert (JZ_IS_NEW_CASE_DIALOG (self));

  jz_form_set_row_error (GTK_WIDGET (self->date_row), !date_ok);
  /* Empty is not yet wrong: Create waits for it. */
  jz_form_set_row_error (GTK_WIDGET (self->multiple_row), !multiple_ok && *multiple != '\0');
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "new-case.save",
                                 program != NULL && date_ok && member_ok && multiple_ok);
}

/* The range the standards in force give the kind, so that the clerk
 * need not look it up; the core checks it again on approval. */
static void
update_range (JzNewCaseDialog *self)
{
  const char *kind = jz_case_temp_kind_code (adw_combo_row_get_selected (self->kind_row));
  const char *date = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  JzStandardKind min_kind, max_kind;
  gint64 min = 0, max = 0;
  g_autofree char *min_text = NULL;
  g_autofree char *max_text = NULL;
  g_autofree char *range = NULL;

  g_assert (JZ_IS_NEW_CASE_DIALOG (self));

  if (g_strcmp0 (kind, "illness") == 0)
    {
      min_kind = JZ_STANDARD_TEMP_ILLNESS_MIN;
      max_kind = JZ_STANDARD_TEMP_ILLNESS_MAX;
    }
  else if (g_strcmp0 (kind, "education") == 0)
    {
      min_kind = JZ_STANDARD_TEMP_EDUCATION_MIN;
      max_kind = JZ_STANDARD_TEMP_EDUCATION_MAX;
    }
  else
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->kind_row), _("Decided case by case"));
      return;
    }

  if (!jz_form_date_is_valid (date) ||
      !jz_standard_value_at (self->db, min_kind, JZ_STANDARD_HUKOU_ANY, 0, date, &min, NULL) ||
      !jz_standard_value_at (self->db, max_kind, JZ_STANDARD_HUKOU_ANY, 0, date, &max, NULL))
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->kind_row), "");
      return;
    }

  min_text = jz_case_format_multiple (min);
  max_text = jz_case_format_multiple (max);
  /* TRANSLATORS: the range of the multiple of temporary assistance, "3 to 12 times" */
  range = g_strdup_printf (_("%s to %s times, by the standards in force"), min_text, max_text);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->kind_row), range);
}

static void
changed_cb (JzNewCaseDialog *self)
{
  update_range (self);
  update_save (self);
}

/* Only what the chosen program takes is asked for. */
static void
program_changed_cb (JzNewCaseDialog *self)
{
  const char *program = chosen_program (self);

  g_assert (JZ_IS_NEW_CASE_DIALOG (self));

  gtk_widget_set_visible (GTK_WIDGET (self->member_row), for_one_person (program));
  gtk_widget_set_visible (GTK_WIDGET (self->unstable_row),
                          g_strcmp0 (program, "dibao_urban") == 0 || g_strcmp0 (program, "dibao_rural") == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->institution_row), g_strcmp0 (program, "tekun_centralized") == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->temporary_group), g_strcmp0 (program, "temporary") == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  changed_cb (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JzNewCaseDialog *self = (JzNewCaseDialog *) widget;
  const char *program = chosen_program (self);
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));
  g_autofree char *institution = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->institution_row))));
  JzCaseApplication application = { 0 };
  g_autoptr(GError) error = NULL;
  JzPerson *member = NULL;
  gint64 case_id;

  g_assert (JZ_IS_NEW_CASE_DIALOG (self));

  if (program == NULL)
    return;

  if (for_one_person (program))
    member = chosen_member (self);
  if (g_str_equal (program, "temporary"))
    {
      application.temp_kind = jz_case_temp_kind_code (adw_combo_row_get_selected (self->kind_row));
      jz_case_parse_multiple (gtk_editable_get_text (GTK_EDITABLE (self->multiple_row)),
                              &application.temp_multiple_bp);
      application.emergency = gtk_switch_get_active (self->emergency_switch);
    }
  if (g_str_equal (program, "dibao_urban") || g_str_equal (program, "dibao_rural"))
    application.unstable_income = gtk_switch_get_active (self->unstable_switch);
  if (g_str_equal (program, "tekun_centralized") && *institution != '\0')
    application.institution = institution;
  application.note = *note != '\0' ? note : NULL;

  case_id = jz_case_create_application (self->db, self->user, self->household_id,
                                        member != NULL ? member->id : 0, program,
                                        gtk_editable_get_text (GTK_EDITABLE (self->date_row)),
                                        &application, &error);
  if (case_id <= 0)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  g_signal_emit (self, signals[CREATED], 0, case_id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
setup (JzNewCaseDialog *self,
       const char      *hukou)
{
  g_autoptr(GtkStringList) programs = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autofree char *today = jz_today ();
  const char *usual = g_strcmp0 (hukou, "rural") == 0 ? "dibao_rural" : "dibao_urban";
  guint selected = 0;

  g_assert (JZ_IS_NEW_CASE_DIALOG (self));

  for (guint i = 0; i < jz_labels_count (JZ_FIELD_PROGRAM); i++)
    {
      const char *code = jz_labels_code (JZ_FIELD_PROGRAM, i);

      gtk_string_list_append (programs, jz_labels_program_name (code));
      /* The household's own dibao is what most applications are for. */
      if (g_str_equal (code, usual))
        selected = i;
    }

  for (guint i = 0; i < self->members->len; i++)
    {
      JzPerson *member = g_ptr_array_index (self->members, i);
      /* TRANSLATORS: a member in a list: name, then the relation to the head */
      g_autofree char *label = g_strdup_printf (_("%s (%s)"), member->name,
                                                jz_labels_value (JZ_FIELD_RELATION, member->relation));

      gtk_string_list_append (names, label);
    }

  for (guint i = 0; i < jz_case_temp_kind_count (); i++)
    gtk_string_list_append (kinds, jz_case_temp_kind_label (jz_case_temp_kind_code (i)));

  adw_combo_row_set_model (self->member_row, G_LIST_MODEL (names));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_model (self->program_row, G_LIST_MODEL (programs));
  adw_combo_row_set_selected (self->program_row, selected);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  program_changed_cb (self);
}

static void
jz_new_case_dialog_dispose (GObject *object)
{
  JzNewCaseDialog *self = (JzNewCaseDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), JZ_TYPE_NEW_CASE_DIALOG);

  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->user, jz_user_free);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (jz_new_case_dialog_parent_class)->dispose (object);
}

static void
jz_new_case_dialog_class_init (JzNewCaseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jz_new_case_dialog_dispose;

  /**
   * JzNewCaseDialog::created:
   * @case_id: the new application
   */
  signals[CREATED] =
    g_signal_new ("created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jiuzhu/Jiuzhu/jz-new-case-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JzNewCaseDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, JzNewCaseDialog, program_row);
  gtk_widget_class_bind_template_child (widget_class, JzNewCaseDialog, member_row);
  gtk_widget_class_bind_template_child (widget_class, JzNewCaseDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, JzNewCaseDialog, unstable_row);
  gtk_widget_class_bind_template_child (widget_class, JzNewCaseDialog, unstable_switch);
  gtk_widget_class_bind_template_child (widget_class, JzNewCaseDialog, institution_row);
  gtk_widget_class_bind_template_child (widget_class, JzNewCaseDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, JzNewCaseDialog, temporary_group);
  gtk_widget_class_bind_template_child (widget_class, JzNewCaseDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, JzNewCaseDialog, multiple_row);
  gtk_widget_class_bind_template_child (widget_class, JzNewCaseDialog, emergency_switch);
  gtk_widget_class_bind_template_callback (widget_class, program_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);

  gtk_widget_class_install_action (widget_class, "new-case.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jz_new_case_dialog_init (JzNewCaseDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * jz_new_case_dialog_new:
 * @user: (nullable): who applies, %NULL in single-user mode
 *
 * Returns: (transfer none) (nullable): the dialog, shown; it destroys
 *   itself when closed.  %NULL with @error set when the household cannot
 *   be read.
 */
JzNewCaseDialog *
jz_new_case_dialog_new (GtkWindow     *parent,
                        JzDb          *db,
                        const JzUser  *user,
                        gint64         household_id,
                        GError       **error)
{
  g_autoptr(JzHousehold) household = NULL;
  g_autoptr(GPtrArray) members = NULL;
  JzNewCaseDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  household = jz_household_get (db, household_id, error);
  if (household == NULL)
    return NULL;
  members = jz_household_list_members (db, household_id, TRUE, error);
  if (members == NULL)
    return NULL;

  self = g_object_new (JZ_TYPE_NEW_CASE_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->db = g_object_ref (db);
  self->user = user != NULL ? jz_user_copy (user) : NULL;
  self->household_id = household_id;
  self->members = g_steal_pointer (&members);

  setup (self, household->hukou);
  gtk_window_present (GTK_WINDOW (self));

  return self;
}
