/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jz-household-query.h"

G_BEGIN_DECLS

/* The columns of the case-file list: their cells, which follow rows that
 * change in place, and the sort a click on a header asks for. */

typedef enum
{
  JZ_HOUSEHOLD_COLUMN_HEAD,
  JZ_HOUSEHOLD_COLUMN_ID_NUMBER,
  JZ_HOUSEHOLD_COLUMN_VILLAGE,
  JZ_HOUSEHOLD_COLUMN_TOWNSHIP,
  JZ_HOUSEHOLD_COLUMN_MEMBERS,
  JZ_HOUSEHOLD_COLUMN_PROGRAMS,
  JZ_HOUSEHOLD_COLUMN_STATUS,
  JZ_HOUSEHOLD_COLUMN_AMOUNT,
} JzHouseholdColumn;

void         jz_household_columns_setup         (GtkColumnViewColumn *column,
                                                 JzHouseholdColumn    kind);
gboolean     jz_household_columns_get_sort      (GtkColumnView       *view,
                                                 JzHouseholdSort     *sort,
                                                 gboolean            *descending);

char        *jz_household_columns_group_digits  (guint64              n);

G_END_DECLS
