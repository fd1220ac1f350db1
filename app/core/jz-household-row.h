/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * One line of the case-file list: a household as household_summary holds
 * it, with the names of its village and township.  Read-only properties,
 * so that a GtkColumnView can bind them with GtkPropertyExpression.
 *
 * The masked ID number keeps the first 3 and the last 4 characters
 * ("370***********1234"): inside a district office every number starts
 * with the same region digits, and clerks tell people apart by the last
 * four ("身份证后四位"), the same digits the search takes.  The full number
 * is there too, for the household file and exports; lists on screen show
 * the masked one.
 *
 * The bank and the bank account are read only for exports: the rows that
 * jz_household_query_foreach_person() hands over carry them, every other
 * row has %NULL.  They are not properties, so no list can show them.
 *
 * A JzHouseholdModel hands out one instance per household for as long as
 * somebody holds it, and updates it in place (with notify) when the data
 * changes; see jz-household-model.h.
 */

#define JZ_HOUSEHOLD_ROW_MASK_HEAD 3
#define JZ_HOUSEHOLD_ROW_MASK_TAIL 4

#define JZ_TYPE_HOUSEHOLD_ROW (jz_household_row_get_type ())
G_DECLARE_FINAL_TYPE (JzHouseholdRow, jz_household_row, JZ, HOUSEHOLD_ROW, GObject)

gint64              jz_household_row_get_id               (JzHouseholdRow *self);
const char         *jz_household_row_get_head_name        (JzHouseholdRow *self);
const char         *jz_household_row_get_head_id_number   (JzHouseholdRow *self);
const char         *jz_household_row_get_masked_id_number (JzHouseholdRow *self);
gint64              jz_household_row_get_township_id      (JzHouseholdRow *self);
const char         *jz_household_row_get_township_name    (JzHouseholdRow *self);
gint64              jz_household_row_get_village_id       (JzHouseholdRow *self);
const char         *jz_household_row_get_village_name     (JzHouseholdRow *self);
const char         *jz_household_row_get_hukou            (JzHouseholdRow *self);
const char         *jz_household_row_get_file_status      (JzHouseholdRow *self);
guint               jz_household_row_get_members          (JzHouseholdRow *self);
const char * const *jz_household_row_get_programs         (JzHouseholdRow *self);
const char         *jz_household_row_get_case_status      (JzHouseholdRow *self);
gint64              jz_household_row_get_monthly_amount   (JzHouseholdRow *self);
gboolean            jz_household_row_get_overdue          (JzHouseholdRow *self);
const char         *jz_household_row_get_bank             (JzHouseholdRow *self);
const char         *jz_household_row_get_bank_account     (JzHouseholdRow *self);

G_END_DECLS
