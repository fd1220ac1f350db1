/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-form.h"
#include "jz-household-events.h"
#include "jz-household-rows.h"
#include "jz-household.h"
#include "jz-id-number.h"
#include "jz-income.h"
#include "jz-member-dialog.h"
#include "jz-money.h"

/* Adds a member, records a move in, or edits a member's facts and monthly
 * income. Save writes the member and every income change in one
 * transaction; each row's version is checked. */
struct _JzMemberDialog
{
  AdwWindow       parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  AdwEntryRow    *name_row;
  AdwEntryRow    *id_row;
  GtkLabel       *id_error_label;
  GtkLabel       *sex_label;
  GtkLabel       *birth_label;
  AdwComboRow    *relation_row;
  AdwEntryRow    *date_row;
  AdwComboRow    *disability_kind_row;
  AdwComboRow    *disability_grade_row;
  AdwEntryRow    *disability_cert_row;
  AdwEntryRow    *illness_row;
  AdwComboRow    *labour_row;
  AdwComboRow    *self_care_row;
  AdwComboRow    *employment_row;
  GtkListBox     *income_list;
  GtkLabel       *income_total_label;
  AdwPreferencesGroup *income_editor_group;
  AdwComboRow    *income_kind_row;
  AdwEntryRow    *income_amount_row;
  GtkWidget      *income_apply_button;
  GtkWidget      *income_cancel_button;
  GtkLabel       *income_error_label;

  /* Owned references */
  JzDb           *db;
  JzPerson       *person;     /* as read, for an edit; NULL for a new member */
  GPtrArray      *incomes;    /* JzIncome, as the form shows them; id 0 for a new item */
  GPtrArray      *saved_incomes; /* JzIncome, as read: what Save compares against */

  gint64          household_id;
  gint64          person_id;
  int             editing;    /* the item in the income editor, -1 for a new one */
  guint           move_in : 1;
};

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

/* --- monthly income ------------------------------------------------------ */

/* The amount typed in the income editor, in fen, by the rules the core
 * applies. An empty field fails with %JZ_MONEY_ERROR_EMPTY. */
static gboolean
read_amount (JzMemberDialog  *self,
             gint64          *fen,
             GError         **error)
{
  return jz_money_parse (row_text (self->income_amount_row), fen, error) &&
         jz_income_check_amount (*fen, error);
}

/* Whether the income editor holds nothing wrong: nothing, or an amount
 * that can be added. The reason shows under the field as it is typed. */
static gboolean
validate_income (JzMemberDialog *self)
{
  g_autoptr(GError) error = NULL;
  gint64 fen = 0;
  gboolean ok;
  gboolean empty;

  g_assert (JZ_IS_MEMBER_DIALOG (self));

  ok = read_amount (self, &fen, &error);
  empty = g_error_matches (error, JZ_MONEY_ERROR, JZ_MONEY_ERROR_EMPTY);
  if (empty)
    g_clear_error (&error);

  gtk_label_set_label (self->income_error_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->income_error_label), error != NULL);
  jz_form_set_row_error (GTK_WIDGET (self->income_amount_row), error != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "member.apply-income", ok);

  return ok || empty;
}

static const char *
kind_at (guint position)
{
  const char * const *kinds = jz_income_kinds ();

  for (guint i = 0; kinds[i] != NULL; i++)
    if (i == position)
      return kinds[i];

  return NULL;
}

static guint
kind_position (const char *kind)
{
  const char * const *kinds = jz_income_kinds ();

  for (guint i = 0; kinds[i] != NULL; i++)
    if (g_strcmp0 (kinds[i], kind) == 0)
      return i;

  return 0;
}

static void
set_button_label (GtkWidget  *button,
                  const char *label)
{
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static GtkWidget *
item_button_new (const char *icon_name,
                 const char *label,
                 const char *action_name,
                 guint       index)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  set_button_label (button, label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_uint32 (index));
  return button;
}

static GtkWidget *
income_row_new (JzMemberDialog *self,
                JzIncome       *income,
                guint           index)
{
  const char *kind = jz_income_kind_label (income->kind);
  g_autofree char *amount = jz_household_format_amount (income->monthly_amount);
  /* TRANSLATORS: a button beside an income item; %s is its kind, e.g. Wages */
  g_autofree char *change = g_strdup_printf (_("Change %s"), kind);
  /* TRANSLATORS: a button beside an income item; %s is its kind, e.g. Wages */
  g_autofree char *remove = g_strdup_printf (_("Remove %s"), kind);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (amount);
  GtkWidget *edit;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), kind);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

  edit = item_button_new ("document-edit-symbolic", change, "member.edit-income", index);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             item_button_new ("user-trash-symbolic", remove, "member.remove-income", index));

  if (self->editing == (int) index)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Being changed below"));
      /* Without its action, which would make it sensitive again. */
      gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), NULL);
      gtk_widget_set_sensitive (edit, FALSE);
    }

  return row;
}

/* The items as they will be saved, and their sum. */
static void
show_incomes (JzMemberDialog *self)
{
  GtkListBoxRow *row;
  gint64 total = 0;
  g_autofree char *amount = NULL;
  g_autofree char *text = NULL;

  g_assert (JZ_IS_MEMBER_DIALOG (self));

  while ((row = gtk_list_box_get_row_at_index (self->income_list, 0)) != NULL)
    gtk_list_box_remove (self->income_list, GTK_WIDGET (row));

  for (guint i = 0; i < self->incomes->len; i++)
    {
      JzIncome *income = g_ptr_array_index (self->incomes, i);

      gtk_list_box_append (self->income_list, income_row_new (self, income, i));
      total += income->monthly_amount;
    }

  amount = jz_household_format_amount (total);
  /* TRANSLATORS: the sum of a member's monthly income; %s is an amount, "1,234.50 yuan" */
  text = g_strdup_printf (_("Total: %s"), amount);
  gtk_label_set_label (self->income_total_label, text);
}

static void
reset_income_editor (JzMemberDialog *self)
{
  g_assert (JZ_IS_MEMBER_DIALOG (self));

  self->editing = -1;
  adw_combo_row_set_selected (self->income_kind_row, 0);
  set_row_text (self->income_amount_row, NULL);
  adw_preferences_group_set_title (self->income_editor_group, _("Add Income Item"));
  gtk_button_set_icon_name (GTK_BUTTON (self->income_apply_button), "list-add-symbolic");
  set_button_label (self->income_apply_button, _("Add to the List"));
  gtk_widget_set_visible (self->income_cancel_button, FALSE);
}

static void
edit_income (JzMemberDialog *self,
             guint           index)
{
  JzIncome *income = g_ptr_array_index (self->incomes, index);
  g_autofree char *amount = jz_money_format (income->monthly_amount);

  g_assert (JZ_IS_MEMBER_DIALOG (self));

  self->editing = (int) index;
  adw_combo_row_set_selected (self->income_kind_row, kind_position (income->kind));
  set_row_text (self->income_amount_row, amount);
  adw_preferences_group_set_title (self->income_editor_group, _("Change Income Item"));
  gtk_button_set_icon_name (GTK_BUTTON (self->income_apply_button), "object-select-symbolic");
  set_button_label (self->income_apply_button, _("Apply the Change"));
  gtk_widget_set_visible (self->income_cancel_button, TRUE);
}

/* The editor's item into the list: a new one, or the one being changed.
 * Nothing is written before Save. */
static gboolean
apply_income (JzMemberDialog *self)
{
  JzIncome *income;
  gint64 fen = 0;

  g_assert (JZ_IS_MEMBER_DIALOG (self));

  if (!read_amount (self, &fen, NULL))
    return FALSE;

  if (self->editing >= 0 && (guint) self->editing < self->incomes->len)
    income = g_ptr_array_index (self->incomes, self->editing);
  else
    {
      income = jz_income_new ();
      g_ptr_array_add (self->incomes, income);
    }

  g_free (income->kind);
  income->kind = g_strdup (kind_at (adw_combo_row_get_selected (self->income_kind_row)));
  income->monthly_amount = fen;

  reset_income_editor (self);
  show_incomes (self);
  return TRUE;
}

static gboolean
load_incomes (JzMemberDialog  *self,
              GError         **error)
{
  g_autoptr(GPtrArray) saved = NULL;

  g_assert (JZ_IS_MEMBER_DIALOG (self));

  saved = jz_income_list_for_person (self->db, self->person_id, error);
  if (saved == NULL)
    return FALSE;

  g_ptr_array_set_size (self->incomes, 0);
  for (guint i = 0; i < saved->len; i++)
    g_ptr_array_add (self->incomes, jz_income_copy (g_ptr_array_index (saved, i)));

  g_clear_pointer (&self->saved_incomes, g_ptr_array_unref);
  self->saved_incomes = g_steal_pointer (&saved);
  return TRUE;
}

static JzIncome *
find_income (GPtrArray *list,
             gint64     id)
{
  for (guint i = 0; i < list->len; i++)
    {
      JzIncome *income = g_ptr_array_index (list, i);

      if (income->id == id)
        return income;
    }

  return NULL;
}

/* Inside the member's transaction. Each write gets a copy: when a later
 * step fails, everything is rolled back and the form must still hold the
 * versions that were read, not ones advanced by writes that were undone. */
static gboolean
save_incomes (JzMemberDialog  *self,
              gint64           person_id,
              GError         **error)
{
  g_assert (JZ_IS_MEMBER_DIALOG (self));

  for (guint i = 0; i < self->saved_incomes->len; i++)
    {
      JzIncome *saved = g_ptr_array_index (self->saved_incomes, i);

      if (find_income (self->incomes, saved->id) == NULL && !jz_income_remove (self->db, saved, error))
        return FALSE;
    }

  for (guint i = 0; i < self->incomes->len; i++)
    {
      JzIncome *income = g_ptr_array_index (self->incomes, i);
      JzIncome *saved = income->id != 0 ? find_income (self->saved_incomes, income->id) : NULL;
      g_autoptr(JzIncome) copy = jz_income_copy (income);

      if (income->id == 0)
        {
          copy->person_id = person_id;
          if (jz_income_add (self->db, copy, error) == 0)
            return FALSE;
        }
      else if (saved != NULL &&
               (g_strcmp0 (saved->kind, income->kind) != 0 || saved->monthly_amount != income->monthly_amount))
        {
          if (!jz_income_update (self->db, copy, error))
            return FALSE;
        }
    }

  return TRUE;
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

  return validate_income (self) && *trimmed != '\0' && id_ok && disability_ok && date_ok;
}

static void
update_save (JzMemberDialog *self)
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

  reset_income_editor (self);
  show_incomes (self);

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
  if (person == NULL || !load_incomes (self, error))
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

  return ok && save_incomes (self, data->person->id, error);
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
  apply_income (self);

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
  update_save (self);
}

static void
income_activated_cb (JzMemberDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "member.apply-income", NULL);
}

static void
apply_income_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  JzMemberDialog *self = (JzMemberDialog *) widget;

  g_assert (JZ_IS_MEMBER_DIALOG (self));

  if (apply_income (self))
    gtk_widget_grab_focus (GTK_WIDGET (self->income_amount_row));
  update_save (self);
}

static void
edit_income_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  JzMemberDialog *self = (JzMemberDialog *) widget;
  guint index = g_variant_get_uint32 (parameter);

  g_assert (JZ_IS_MEMBER_DIALOG (self));

  if (index >= self->incomes->len)
    return;

  edit_income (self, index);
  show_incomes (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->income_amount_row));
}

static void
remove_income_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  JzMemberDialog *self = (JzMemberDialog *) widget;
  guint index = g_variant_get_uint32 (parameter);

  g_assert (JZ_IS_MEMBER_DIALOG (self));

  if (index >= self->incomes->len)
    return;

  g_ptr_array_remove_index (self->incomes, index);
  if (self->editing == (int) index)
    reset_income_editor (self);
  else if (self->editing > (int) index)
    self->editing--;

  show_incomes (self);
  update_save (self);
}

static void
cancel_income_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  JzMemberDialog *self = (JzMemberDialog *) widget;

  g_assert (JZ_IS_MEMBER_DIALOG (self));

  reset_income_editor (self);
  show_incomes (self);
}

static void
id_changed_cb (JzMemberDialog *self)
{
  update_save (self);
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

  update_save (self);
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
  gtk_widget_class_bind_template_callback (widget_class, income_activated_cb);

  gtk_widget_class_install_action (widget_class, "member.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "member.apply-income", NULL, apply_income_action);
  gtk_widget_class_install_action (widget_class, "member.edit-income", "u", edit_income_action);
  gtk_widget_class_install_action (widget_class, "member.remove-income", "u", remove_income_action);
  gtk_widget_class_install_action (widget_class, "member.cancel-income", NULL, cancel_income_action);
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
  g_autoptr(GtkStringList) income_kinds = NULL;
  const char * const *codes = jz_income_kinds ();

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

  income_kinds = gtk_string_list_new (NULL);
  for (guint i = 0; codes[i] != NULL; i++)
    gtk_string_list_append (income_kinds, jz_income_kind_label (codes[i]));
  adw_combo_row_set_model (self->income_kind_row, G_LIST_MODEL (income_kinds));
  gtk_list_box_set_placeholder (self->income_list, jz_household_placeholder_new (_("No income recorded.")));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->income_amount_row),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->income_error_label, NULL,
                                  -1);
  reset_income_editor (self);
  show_incomes (self);
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
