/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-form.h"
#include "jz-household-rows.h"
#include "jz-income.h"
#include "jz-member-dialog-private.h"
#include "jz-money.h"

/* The member's monthly income in the member dialog: the list of items as
 * they will be saved, the editor that adds or changes one item, and the
 * writes that Save makes for them inside the member's transaction. */

/* The amount typed in the income editor, in fen, by the rules the core
 * applies. An empty field fails with %JZ_MONEY_ERROR_EMPTY. */
static gboolean
read_amount (JzMemberDialog  *self,
             gint64          *fen,
             GError         **error)
{
  return jz_money_parse (gtk_editable_get_text (GTK_EDITABLE (self->income_amount_row)), fen, error) &&
         jz_income_check_amount (*fen, error);
}

/* Whether the income editor holds nothing wrong: nothing, or an amount
 * that can be added. The reason shows under the field as it is typed. */
gboolean
jz_member_dialog_validate_income (JzMemberDialog *self)
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
  gtk_editable_set_text (GTK_EDITABLE (self->income_amount_row), "");
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
  gtk_editable_set_text (GTK_EDITABLE (self->income_amount_row), amount);
  adw_preferences_group_set_title (self->income_editor_group, _("Change Income Item"));
  gtk_button_set_icon_name (GTK_BUTTON (self->income_apply_button), "object-select-symbolic");
  set_button_label (self->income_apply_button, _("Apply the Change"));
  gtk_widget_set_visible (self->income_cancel_button, TRUE);
}

/* The editor's item into the list: a new one, or the one being changed.
 * Nothing is written before Save. */
gboolean
jz_member_dialog_apply_income (JzMemberDialog *self)
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

gboolean
jz_member_dialog_load_incomes (JzMemberDialog  *self,
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
gboolean
jz_member_dialog_save_incomes (JzMemberDialog  *self,
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

  if (jz_member_dialog_apply_income (self))
    gtk_widget_grab_focus (GTK_WIDGET (self->income_amount_row));
  jz_member_dialog_update_save (self);
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
  jz_member_dialog_update_save (self);
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

/* The items the form holds, and an empty editor. */
void
jz_member_dialog_reset_incomes (JzMemberDialog *self)
{
  g_assert (JZ_IS_MEMBER_DIALOG (self));

  reset_income_editor (self);
  show_incomes (self);
}

/* After the template: the kinds to choose from and the empty list. */
void
jz_member_dialog_init_incomes (JzMemberDialog *self)
{
  g_autoptr(GtkStringList) income_kinds = NULL;
  const char * const *codes = jz_income_kinds ();

  g_assert (JZ_IS_MEMBER_DIALOG (self));

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

void
jz_member_dialog_class_add_income (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, income_activated_cb);

  gtk_widget_class_install_action (widget_class, "member.apply-income", NULL, apply_income_action);
  gtk_widget_class_install_action (widget_class, "member.edit-income", "u", edit_income_action);
  gtk_widget_class_install_action (widget_class, "member.remove-income", "u", remove_income_action);
  gtk_widget_class_install_action (widget_class, "member.cancel-income", NULL, cancel_income_action);
}
