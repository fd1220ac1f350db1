/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-household-query.h"

G_BEGIN_DECLS

/* For jz-household-model.c: a query made ready to page through.  A plan
 * chooses once how SQLite should find the rows (see jz-household-query.c),
 * counts them, and keeps its prepared statements; make a new one when the
 * data may have changed. */

typedef struct _JzHouseholdPlan JzHouseholdPlan;

/* Where a row stands in the sort order: the sort column's value and the
 * household id. */
typedef struct
{
  gint64  id;
  gint64  number;
  char   *text;
} JzHouseholdKey;

void             jz_household_key_set          (JzHouseholdKey          *key,
                                                JzHouseholdSort          sort,
                                                JzHouseholdRow          *row);
void             jz_household_key_clear        (JzHouseholdKey          *key);

JzHouseholdPlan *jz_household_plan_new         (JzDb                    *db,
                                                const JzHouseholdQuery  *query,
                                                GError                 **error);
void             jz_household_plan_free        (JzHouseholdPlan         *plan);
gint64           jz_household_plan_get_count   (JzHouseholdPlan         *plan);
GPtrArray       *jz_household_plan_fetch       (JzHouseholdPlan         *plan,
                                                const JzHouseholdKey    *anchor,
                                                gboolean                 backward,
                                                guint                    skip,
                                                guint                    limit,
                                                GError                 **error);
gint64           jz_household_plan_position_of (JzHouseholdPlan         *plan,
                                                const JzHouseholdKey    *key,
                                                GError                 **error);
GPtrArray       *jz_household_rows_by_id       (JzDb                    *db,
                                                GArray                  *ids,
                                                GError                 **error);
gint64           jz_household_summary_generation (JzDb                  *db,
                                                GError                 **error);
void             jz_household_query_set_limits (gint64                   driver,
                                                gint64                   sort_driven);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JzHouseholdPlan, jz_household_plan_free)

G_END_DECLS
