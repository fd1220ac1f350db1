/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-db.h"

G_BEGIN_DECLS

/* One line of a household file's change history, ready to show: who
 * changed what and when, one line per changed field. All text is
 * translated; ID numbers, phone numbers, disability certificates and bank
 * accounts are masked, and no line names a person by ID number. */
typedef struct
{
  gint64  audit_id;     /* the audit entry; its fields share it */
  char   *at;           /* local time, "YYYY-MM-DD HH:MM" */
  char   *user_name;
  char   *table_name;   /* households, persons, cases, incomes */
  gint64  row_id;
  char   *subject;      /* "Household file", "Spouse 李秀英", the program of a case … */
  char   *action;       /* the audit action: insert, update, move_out, head_death, reveal, … */
  char   *action_label; /* "Changed", "Moved out", … */
  char   *field;        /* the column, or NULL for a line about the whole entry */
  char   *field_label;  /* NULL with field */
  char   *old_value;    /* "" for none */
  char   *new_value;    /* "" for none */
  char   *detail;       /* for a line without field: the event's date, note, … or NULL */
} JzHistoryRow;

void       jz_history_row_free        (JzHistoryRow  *row);

GPtrArray *jz_household_list_history  (JzDb          *db,
                                       gint64         household_id,
                                       GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JzHistoryRow, jz_history_row_free)

G_END_DECLS
