/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "jz-household-row.h"
#include "jz-workflow-private.h"

G_BEGIN_DECLS

/* For jz-household-query*.c and jz-household-model.c only. */

/* What jz_household_row_new_from_stmt() reads, in this order, with the
 * summary as `s`, the township as `t` and the village as `v`; the
 * statement binds :today for the overdue mark. */
#define JZ_HOUSEHOLD_ROW_COLUMNS \
  "s.household_id, s.head_name, s.head_id_number, s.township_id, t.name, s.village_id, v.name, " \
  "s.hukou, s.file_status, s.members, s.programs, s.case_status, s.monthly_amount, " \
  "EXISTS (SELECT 1 FROM cases c WHERE c.household_id = s.household_id AND " JZ_WORKFLOW_OVERDUE_SQL ")"
#define JZ_HOUSEHOLD_ROW_N_COLUMNS 14

JzHouseholdRow *jz_household_row_new_from_stmt (sqlite3_stmt   *stmt,
                                                int             first_column);
JzHouseholdRow *jz_household_row_new_placeholder (void);
void            jz_household_row_update         (JzHouseholdRow *self,
                                                 JzHouseholdRow *from);
void            jz_household_row_set_bank       (JzHouseholdRow *self,
                                                 const char     *bank,
                                                 const char     *bank_account);

G_END_DECLS
