/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-household.h"

G_BEGIN_DECLS

/* Household events (DESIGN §3). Each one is a single transaction that
 * changes the rows, records their diffs in the audit log and adds one
 * household-level audit entry named after the event ("move_in",
 * "move_out", "head_change", "member_death", "head_death") whose new
 * values hold the event's date and the ids involved, never personal data.
 *
 * @on is the date of the event as YYYY-MM-DD: not before the file was
 * opened and not in the future. Events are recorded on open files only.
 *
 * A member who leaves or dies ends the cases that are that member's own
 * (per-person programs) and are still running or being decided: they are
 * terminated on @on with a case_history row. Household-level cases keep
 * running; their amount is a matter for the next review. */

/* A relation to the new head, for members whose relation changes with
 * the head. */
typedef struct
{
  gint64      person_id;
  const char *relation;   /* spouse, child, parent, grandchild, grandparent, sibling, other */
} JzRelation;

gint64       jz_household_move_in           (JzDb              *db,
                                             JzPerson          *person,
                                             const char        *on,
                                             GError           **error);
gboolean     jz_household_move_out          (JzDb              *db,
                                             gint64             household_id,
                                             gint64             person_id,
                                             const char        *on,
                                             const char        *note,
                                             GError           **error);
gboolean     jz_household_change_head       (JzDb              *db,
                                             gint64             household_id,
                                             gint64             new_head_id,
                                             const char        *old_head_relation,
                                             const JzRelation  *relations,
                                             gsize              n_relations,
                                             const char        *on,
                                             const char        *note,
                                             GError           **error);
gboolean     jz_household_record_member_death (JzDb            *db,
                                               gint64           household_id,
                                               gint64           person_id,
                                               const char      *on,
                                               GError         **error);
gboolean     jz_household_record_head_death (JzDb              *db,
                                             gint64             household_id,
                                             gint64             new_head_id,
                                             const JzRelation  *relations,
                                             gsize              n_relations,
                                             const char        *on,
                                             gint64            *successor_id,
                                             GError           **error);
gint64       jz_household_get_successor     (JzDb              *db,
                                             gint64             household_id,
                                             GError           **error);

const char  *jz_person_relation_label       (const char        *relation);
const char  *jz_person_left_reason_label    (const char        *left_reason);
const char  *jz_household_status_label      (const char        *status);

G_END_DECLS
