/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-household.h"
#include "jz-household-events.h"

G_BEGIN_DECLS

/* Shared by the household events and archiving; run inside jz_db_write(). */

char        *jz_household_today             (void);
gboolean     jz_household_set_person_left   (JzDb        *db,
                                             gint64       person_id,
                                             const char  *on,
                                             const char  *reason,
                                             GError     **error);

/* Shared by the household events and the death of the head
 * (jz-household-death.c); run inside jz_db_write(). */

gboolean     jz_household_check_event_date  (JzHousehold       *household,
                                             const char        *on,
                                             GError           **error);
JzHousehold *jz_household_load_open         (JzDb              *db,
                                             gint64             household_id,
                                             GError           **error);
void         jz_household_json_add_int      (GString           *json,
                                             const char        *key,
                                             gint64             value);
void         jz_household_json_add_string   (GString           *json,
                                             const char        *key,
                                             const char        *value);
gboolean     jz_household_record_event      (JzDb              *db,
                                             gint64             household_id,
                                             const char        *action,
                                             GString           *json,
                                             GError           **error);
gboolean     jz_household_end_open_cases    (JzDb              *db,
                                             gint64             household_id,
                                             gint64             person_id,
                                             const char        *on,
                                             const char        *reason,
                                             guint             *n_ended,
                                             GError           **error);
gboolean     jz_household_copy_incomes      (JzDb              *db,
                                             gint64             from_person,
                                             gint64             to_person,
                                             GError           **error);
JzPerson    *jz_household_find_member       (GPtrArray         *members,
                                             gint64             person_id,
                                             gint64             except1,
                                             gint64             except2);
gboolean     jz_household_check_relations   (GPtrArray         *members,
                                             gint64             head_id,
                                             gint64             new_head_id,
                                             const JzRelation  *relations,
                                             gsize              n_relations,
                                             GError           **error);
const char  *jz_household_given_relation    (const JzRelation  *relations,
                                             gsize              n_relations,
                                             gint64             person_id);

G_END_DECLS
