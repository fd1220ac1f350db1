/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-household.h"
#include "jz-household-view.h"
#include "jz-user.h"

G_BEGIN_DECLS

/* One household file (一户一档): its facts, members, cases, events and
 * change history, read again whenever the file may have changed. */
struct _JzHouseholdView
{
  AdwBin           parent_instance;

  /* Template widgets */
  GtkLabel        *title_label;
  GtkLabel        *status_label;
  GtkWidget       *archive_button;
  GtkWidget       *unarchive_button;
  GtkRevealer     *banner_revealer;
  GtkScrolledWindow *scrolled_window;
  GtkLabel        *head_label;
  GtkLabel        *address_label;
  GtkLabel        *village_label;
  GtkLabel        *hukou_label;
  GtkLabel        *income_label;
  AdwActionRow    *per_person_row;
  GtkLabel        *per_person_label;
  GtkLabel        *phone_label;
  GtkLabel        *bank_label;
  GtkLabel        *account_label;
  GtkWidget       *reveal_button;
  GtkLabel        *opened_label;
  GtkLabel        *notes_label;
  AdwActionRow    *predecessor_row;
  AdwActionRow    *successor_row;
  GtkListBox      *members_list;
  GtkWidget       *former_group;
  GtkListBox      *former_list;
  GtkListBox      *cases_list;
  GtkWidget       *new_application_button;
  AdwPreferencesGroup *history_group;
  GtkListBox      *history_list;

  /* Owned references */
  JzDb            *db;
  JzHousehold     *household;
  char            *revealed_account;  /* until the clerk leaves the file */

  gint64           household_id;
  gint64           township_id;       /* of the household's village, 0 if none */
  guint            n_dialogs;         /* forms open on this file */
};

void jz_household_view_reload            (JzHouseholdView *self);
void jz_household_view_show_error        (JzHouseholdView *self,
                                          const GError    *error);
void jz_household_view_class_add_actions (GtkWidgetClass  *widget_class);
const JzUser *jz_household_view_get_user (JzHouseholdView *self);

G_END_DECLS
