/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jz-case.h"
#include "jz-household-history.h"
#include "jz-household.h"

G_BEGIN_DECLS

/* The rows of the household view, one function per kind of line. */

GtkWidget *jz_household_placeholder_new  (const char   *text);
GtkWidget *jz_household_plain_row_new    (const char   *title,
                                          const char   *subtitle);
char      *jz_household_file_number      (gint64        id);
char      *jz_household_format_amount    (gint64        fen);
GtkWidget *jz_household_member_row_new   (JzPerson     *person,
                                          gboolean      editable);
GtkWidget *jz_household_former_row_new   (JzPerson     *person);
GtkWidget *jz_household_case_row_new     (JzDb         *db,
                                          JzCase       *item);
GtkWidget *jz_household_history_row_new  (JzHistoryRow *line);

G_END_DECLS
