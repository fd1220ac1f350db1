/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-household.h"
#include "jz-member-dialog.h"

G_BEGIN_DECLS

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

void     jz_member_dialog_update_save      (JzMemberDialog  *self);

void     jz_member_dialog_init_incomes     (JzMemberDialog  *self);
void     jz_member_dialog_reset_incomes    (JzMemberDialog  *self);
gboolean jz_member_dialog_validate_income  (JzMemberDialog  *self);
gboolean jz_member_dialog_apply_income     (JzMemberDialog  *self);
gboolean jz_member_dialog_load_incomes     (JzMemberDialog  *self,
                                            GError         **error);
gboolean jz_member_dialog_save_incomes     (JzMemberDialog  *self,
                                            gint64           person_id,
                                            GError         **error);
void     jz_member_dialog_class_add_income (GtkWidgetClass  *widget_class);

G_END_DECLS
