/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-form.h"
#include "jz-household-events.h"
#include "jz-id-number.h"
#include "jz-income.h"
#include "jz-member-dialog-private.h"

G_DEFINE_FINAL_TYPE (JzMemberDialog, jz_member_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DB,
  PROP_HOUSEHOLD_ID,
  PROP_MOVE_IN,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static JzChoice
relation_choice (JzMemberDialog *self)
{
  /* A new member joins under a head; only household events make a head. */
  return self->person == NULL ? JZ_CHOICE_MEMBER_RELATION : JZ_CHOICE_RELATION;
}

static gboolean
validate (JzMemberDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (row_text (self->name_row)));
  const char *id_text = row_text (self->id_row);
  JzIdNumber parsed;
  gboolean id_ok = FALSE;
  gboolean disability_ok;
  gboolean date_ok = TRUE;

  g_assert (JZ_IS_MEMBER_DIALOG (self));

  if (*id_text != '\0')
    id_ok = jz_id_number_parse (id_text, NULL, &parsed, &error);

  gtk_label_set_label (self->id_error_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->id_error_label), error != NULL);
  jz_form_set_row_error (GTK_WIDGET (self->id_row), error != NULL);

  if (id_ok)
    {
      char birth[11];

      g_date_strftime (birth, sizeof birth, "%Y-%m-%d", &parsed.birth);
      gtk_label_set_label (self->birth_label, birth);
      gtk_label_set_label (self->sex_label, jz_choice_label (JZ_CHOICE_SEX, parsed.sex == 'F' ? "F" : "M"));
    }
  else
    {
      gtk_label_set_label (self->birth_label, "—");
      gtk_label_set_label (self->sex_label, "—");
    }

  /* A kind without a grade, or the reverse, is refused by the core. */
  disability_ok = (adw_combo_row_get_selected (self->disability_kind_row) == 0) ==
                  (adw_combo_row_get_selected (self->disability_grade_row) == 0);
  jz_form_set_row_error (GTK_WIDGET (self->disability_grade_row), !disability_ok);

  if (self->move_in)
    {
      date_ok = jz_form_date_is_valid (row_text (self->date_row));
      jz_form_set_row_error (GTK_WIDGET (self->date_row), !date_ok);
    }

  return jz_member_dialog_validate_income (self) && *trimmed != '\0' && id_ok && disability_ok && date_ok;
}

void
jz_member_dialog_update_save (JzMemberDialog *self)
{
  g_assert (JZ_IS_MEMBER_DIALOG (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "member.save", validate (self));
}

static void disability_changed_cb (JzMemberDialog *self);

static void
fill_form (JzMemberDialog *self)
{
  JzPerson *person = self->person;

  g_assert (JZ_IS_MEMBER_DIALOG (self));

  set_row_text (self->name_row, person ? person->name : NULL);
  set_row_text (self->id_row, person ? person->id_number : NULL);
  adw_combo_row_set_selected (self->relation_row,
                              person ? jz_choice_position (JZ_CHOICE_RELATION, FALSE, person->relation) : 0);
  adw_combo_row_set_selected (self->disability_kind_row,
                              person ? jz_choice_position (JZ_CHOICE_DISABILITY_KIND, TRUE, person->disability_kind) : 0);
  adw_combo_row_set_selected (self->disability_grade_row,
                              person && person->disability_grade >= 1 && person->disability_grade <= 4
                                ? (guint) person->disability_grade : 0);
  set_row_text (self->disability_cert_row, person ? person->disability_cert : NULL);
  set_row_text (self->illness_row, person ? person->severe_illness : NULL);
  adw_combo_row_set_selected (self->labour_row,
                              jz_choice_position (JZ_CHOICE_LABOUR_CAPACITY, FALSE, person ? person->labour_capacity : "full"));
  adw_combo_row_set_selected (self->self_care_row,
                              jz_choice_position (JZ_CHOICE_SELF_CARE, FALSE, person ? person->self_care : "self_care"));
  adw_combo_row_set_selected (self->employment_row,
                              jz_choice_position (JZ_CHOICE_EMPLOYMENT, FALSE, person ? person->employment : "none"));

  jz_member_dialog_reset_incomes (self);

  /* Also when the kind did not change: a grade only goes with a kind. */
  disability_changed_cb (self);
}

static void
replace (char       **field,
         const char  *value)
{
  g_free (*field);
  *field = value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

/* The form's values into @person; identity fields the core derives. */
static void
read_form (JzMemberDialog *self,
           JzPerson       *person)
{
  g_autofree char *name = g_strstrip (g_strdup (row_text (self->name_row)));
  g_autofree char *cert = g_strstrip (g_strdup (row_text (self->disability_cert_row)));
  g_autofree char *illness = g_strstrip (g_strdup (row_text (self->illness_row)));
  guint grade = adw_combo_row_get_selected (self->disability_grade_row);

  g_assert (JZ_IS_MEMBER_DIALOG (self));

  replace (&person->name, name);
  replace (&person->id_number, row_text (self->id_row));
  replace (&person->disability_kind,
           jz_choice_code_at (JZ_CHOICE_DISABILITY_KIND, TRUE,
                              adw_combo_row_get_selected (self->disability_kind_row)));
  person->disability_grade = grade <= 4 ? (int) grade : 0;
  replace (&person->disability_cert, cert);
  replace (&person->severe_illness, illness);
  replace (&person->labour_capacity,
           jz_choice_code_at (JZ_CHOICE_LABOUR_CAPACITY, FALSE, adw_combo_row_get_selected (self->labour_row)));
  replace (&person->self_care,
           jz_choice_code_at (JZ_CHOICE_SELF_CARE, FALSE, adw_combo_row_get_selected (self->self_care_row)));
  replace (&person->employment,
           jz_choice_code_at (JZ_CHOICE_EMPLOYMENT, FALSE, adw_combo_row_get_selected (self->employment_row)));

  if (self->person == NULL)
    replace (&person->relation,
             jz_choice_code_at (JZ_CHOICE_MEMBER_RELATION, FALSE, adw_combo_row_get_selected (self->relation_row)));
}

static gboolean
load_person (JzMemberDialog  *self,
             GError         **error)
{
  g_autoptr(JzPerson) person = NULL;

  g_assert (JZ_IS_MEMBER_DIALOG (self));

  person = jz_person_get (self->db, self->person_id, error);
  if (person == NULL || !jz_member_dialog_load_incomes (self, error))
    return FALSE;

  g_clear_pointer (&self->person, jz_person_free);
  self->person = g_steal_pointer (&person);
  return TRUE;
}

static void
reload_cb (gpointer user_data)
{
  JzMemberDialog *self = user_data;
  g_autoptr(GError) error = NULL;

  g_assert (JZ_IS_MEMBER_DIALOG (self));

  if (!load_person (self, &error))
    {
      jz_form_show_save_error (GTK_WINDOW (self), error, NULL, NULL);
      return;
    }

  fill_form (self);
}

/* Whether the form changes any of the member's own facts. When only the
 * income changed, the member's row and its version are left alone, and
 * the history shows the income change only. */
static gboolean
form_changes_person (JzMemberDialog *self)
{
  g_autoptr(JzPerson) form = jz_person_new ();
  JzPerson *person = self->person;

  g_assert (JZ_IS_MEMBER_DIALOG (self));

  read_form (self, form);

  return g_strcmp0 (form->name, person->name) != 0 ||
         g_strcmp0 (form->id_number, person->id_number) != 0 ||
         g_strcmp0 (form->disability_kind, person->disability_kind) != 0 ||
         form->disability_grade != person->disability_grade ||
         g_strcmp0 (form->disability_cert, person->disability_cert) != 0 ||
         g_strcmp0 (form->severe_illness, person->severe_illness) != 0 ||
         g_strcmp0 (form->labour_capacity, person->labour_capacity) != 0 ||
         g_strcmp0 (form->self_care, person->self_care) != 0 ||
         g_strcmp0 (form->employment, person->employment) != 0;
}

typedef struct
{
  JzMemberDialog *self;
  JzPerson       *person;         /* self->person, or the new member */
  gboolean        update_person;  /* for an edit: whether its facts changed */
} SaveData;

/* The member first: a new one needs its id before its income. */
static gboolean
save_cb (JzDb     *db,
         gpointer  user_data,
         GError  **error)
{
  SaveData *data = user_data;
  JzMemberDialog *self = data->self;
  gboolean ok;

  if (self->person != NULL)
    ok = !data->update_person || jz_person_update (db, data->person, error);
  else if (self->move_in)
    ok = jz_household_move_in (db, data->person, row_text (self->date_row), error) != 0;
  else
    ok = jz_person_add (db, data->person, error) != 0;

  return ok && jz_member_dialog_save_incomes (self, data->person->id, error);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JzMemberDialog *self = (JzMemberDialog *) widget;
  g_autoptr(JzPerson) fresh = NULL;
  g_autoptr(GError) error = NULL;
  SaveData data = { self, NULL, FALSE };
  gint64 version = 0;

  g_assert (JZ_IS_MEMBER_DIALOG (self));

  if (!validate (self))
    return;

  /* An amount typed but not yet added is meant to be saved as well. */
  jz_member_dialog_apply_income (self);

  if (self->person != NULL)
    {
      data.update_person = form_changes_person (self);
      read_form (self, self->person);
      data.person = self->person;
      version = self->person->version;
    }
  else
    {
      fresh = jz_person_new ();
      fresh->household_id = self->household_id;
      read_form (self, fresh);
      data.person = fresh;
    }

  if (!jz_db_write (self->db, save_cb, &data, &error))
    {
      /* Rolled back, also a member update that had gone through. */
      if (self->person != NULL)
        self->person->version = version;
      jz_form_show_save_error (GTK_WINDOW (self), error, self->person != NULL ? reload_cb : NULL, self);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, self->person != NULL ? self->person->id : fresh->id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
field_changed_cb (JzMemberDialog *self)
{
  jz_member_dialog_update_save (self);
}
static void
id_changed_cb (JzMemberDialog *self)
{
  jz_member_dialog_update_save (self);
}

static void
disability_changed_cb (JzMemberDialog *self)
{
  gboolean none = adw_combo_row_get_selected (self->disability_kind_row) == 0;

  g_assert (JZ_IS_MEMBER_DIALOG (self));

  /* No grade without a kind: clearing the kind clears the grade. */
  if (none && adw_combo_row_get_selected (self->disability_grade_row) != 0)
    adw_combo_row_set_selected (self->disability_grade_row, 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->disability_grade_row), !none);
  gtk_widget_set_sensitive (GTK_WIDGET (self->disability_cert_row), !none);

  jz_member_dialog_update_save (self);
}

/* After the member, if any, was read: what the form offers depends on it. */
static void
setup (JzMemberDialog *self)
{
  g_autoptr(GListModel) relations = NULL;

  g_assert (JZ_IS_MEMBER_DIALOG (self));

  relations = jz_choice_model_new (relation_choice (self), NULL);
  adw_combo_row_set_model (self->relation_row, relations);

  if (self->person != NULL)
    {
      adw_window_title_set_title (self->window_title, _("Edit Member"));
      /* Relations change through household events, never by editing. */
      gtk_widget_set_sensitive (GTK_WIDGET (self->relation_row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->relation_row),
                                   _("Changed by the household events"));
    }
  else
    {
      g_autofree char *today = jz_form_today ();

      adw_window_title_set_title (self->window_title, self->move_in ? _("Member Moves In") : _("Add Member"));
      gtk_widget_set_visible (GTK_WIDGET (self->date_row), self->move_in);
      set_row_text (self->date_row, today);
    }

  fill_form (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
jz_member_dialog_dispose (GObject *object)
{
  JzMemberDialog *self = (JzMemberDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), JZ_TYPE_MEMBER_DIALOG);

  g_clear_object (&self->db);
  g_clear_pointer (&self->person, jz_person_free);
  g_clear_pointer (&self->incomes, g_ptr_array_unref);
  g_clear_pointer (&self->saved_incomes, g_ptr_array_unref);

  G_OBJECT_CLASS (jz_member_dialog_parent_class)->dispose (object);
}

static void
jz_member_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  JzMemberDialog *self = JZ_MEMBER_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;

    case PROP_HOUSEHOLD_ID:
      g_value_set_int64 (value, self->household_id);
      break;

    case PROP_MOVE_IN:
      g_value_set_boolean (value, self->move_in);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jz_member_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  JzMemberDialog *self = JZ_MEMBER_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DB:
      self->db = g_value_dup_object (value);
      break;

    case PROP_HOUSEHOLD_ID:
      self->household_id = g_value_get_int64 (value);
      break;

    case PROP_MOVE_IN:
      self->move_in = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jz_member_dialog_class_init (JzMemberDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jz_member_dialog_dispose;
  object_class->get_property = jz_member_dialog_get_property;
  object_class->set_property = jz_member_dialog_set_property;

  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL,
                         JZ_TYPE_DB,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_HOUSEHOLD_ID] =
    g_param_spec_int64 ("household-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MOVE_IN] =
    g_param_spec_boolean ("move-in", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JzMemberDialog::saved:
   * @person_id: the member saved
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jiuzhu/Jiuzhu/jz-member-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JzMemberDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, JzMemberDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, JzMemberDialog, id_row);
  gtk_widget_class_bind_template_child (widget_class, JzMemberDialog, id_error_label);
  gtk_widget_class_bind_template_child (widget_class, JzMemberDialog, sex_label);
  gtk_widget_class_bind_template_child (widget_class, JzMemberDialog, birth_label);
  gtk_widget_class_bind_template_child (widget_class, JzMemberDialog, relation_row);
  gtk_widget_class_bind_template_child (widget_class, JzMemberDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, JzMemberDialog, disability_kind_row);
  gtk_widget_class_bind_template_child (widget_class, JzMemberDialog, disability_grade_row);
  gtk_widget_class_bind_template_child (widget_class, JzMemberDialog, disability_cert_row);
  gtk_widget_class_bind_template_child (widget_class, JzMemberDialog, illness_row);
  gtk_widget_class_bind_template_child (widget_class, JzMemberDialog, labour_row);
  gtk_widget_class_bind_template_child (widget_class, JzMemberDialog, self_care_row);
  gtk_widget_class_bind_template_child (widget_class, JzMemberDialog, employment_row);
  gtk_widget_class_bind_template_child (widget_class, JzMemberDialog, income_list);
  gtk_widget_class_bind_template_child (widget_class, JzMemberDialog, income_total_label);
  gtk_widget_class_bind_template_child (widget_class, JzMemberDialog, income_editor_group);
  gtk_widget_class_bind_template_child (widget_class, JzMemberDialog, income_kind_row);
  gtk_widget_class_bind_template_child (widget_class, JzMemberDialog, income_amount_row);
  gtk_widget_class_bind_template_child (widget_class, JzMemberDialog, income_apply_button);
  gtk_widget_class_bind_template_child (widget_class, JzMemberDialog, income_cancel_button);
  gtk_widget_class_bind_template_child (widget_class, JzMemberDialog, income_error_label);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, id_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, disability_changed_cb);

  gtk_widget_class_install_action (widget_class, "member.save", NULL, save_action);
  jz_member_dialog_class_add_income (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "member.save", NULL);
}

static void
jz_member_dialog_init (JzMemberDialog *self)
{
  g_autoptr(GListModel) kinds = NULL;
  g_autoptr(GtkStringList) grades = NULL;
  g_autoptr(GListModel) labour = NULL;
  g_autoptr(GListModel) self_care = NULL;
  g_autoptr(GListModel) employment = NULL;

  self->incomes = g_ptr_array_new_with_free_func ((GDestroyNotify) jz_income_free);
  self->saved_incomes = g_ptr_array_new_with_free_func ((GDestroyNotify) jz_income_free);
  self->editing = -1;

  gtk_widget_init_template (GTK_WIDGET (self));

  kinds = jz_choice_model_new (JZ_CHOICE_DISABILITY_KIND, C_("disability", "None"));
  adw_combo_row_set_model (self->disability_kind_row, kinds);

  grades = gtk_string_list_new (NULL);
  gtk_string_list_append (grades, C_("disability grade", "None"));
  for (guint i = 1; i <= 4; i++)
    {
      /* TRANSLATORS: a disability grade, 1 (most severe) to 4 */
      g_autofree char *label = g_strdup_printf (_("Grade %u"), i);

      gtk_string_list_append (grades, label);
    }
  adw_combo_row_set_model (self->disability_grade_row, G_LIST_MODEL (grades));

  labour = jz_choice_model_new (JZ_CHOICE_LABOUR_CAPACITY, NULL);
  adw_combo_row_set_model (self->labour_row, labour);
  self_care = jz_choice_model_new (JZ_CHOICE_SELF_CARE, NULL);
  adw_combo_row_set_model (self->self_care_row, self_care);
  employment = jz_choice_model_new (JZ_CHOICE_EMPLOYMENT, NULL);
  adw_combo_row_set_model (self->employment_row, employment);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->id_row),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->id_error_label, NULL,
                                  -1);

  jz_member_dialog_init_incomes (self);
}

/**
 * jz_member_dialog_new:
 * @person_id: the member to edit, or 0 for a new one
 * @move_in: for a new member, record it as a move in on a date
 *
 * Returns: (transfer none) (nullable): the dialog, shown; it destroys
 *   itself when closed. %NULL with @error set when the member cannot be
 *   read.
 */
JzMemberDialog *
jz_member_dialog_new (GtkWindow  *parent,
                      JzDb       *db,
                      gint64      household_id,
                      gint64      person_id,
                      gboolean    move_in,
                      GError    **error)
{
  JzMemberDialog *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  self = g_object_new (JZ_TYPE_MEMBER_DIALOG,
                       "transient-for", parent,
                       "db", db,
                       "household-id", household_id,
                       "move-in", move_in,
                       NULL);

  self->person_id = person_id;
  if (person_id != 0 && !load_person (self, error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }

  setup (self);
  gtk_window_present (GTK_WINDOW (self));

  return self;
}
