/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "jz-household-query.h"

G_BEGIN_DECLS

/* For jz-household-model.c: a query made ready to page through.  A plan
 * chooses once how SQLite should find the rows (see jz-household-query-plan.c),
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
                                                gint64                   sort_driven,
                                                gint64                   facet_list);

/* For the jz-household-query*.c and jz-household-summary.c files only:
 * what they share of the plan. */

typedef enum
{
  JZ_HOUSEHOLD_DRIVER_SUMMARY,
  JZ_HOUSEHOLD_DRIVER_SEARCH,
  JZ_HOUSEHOLD_DRIVER_PROGRAM,
} JzHouseholdDriver;

struct _JzHouseholdPlan
{
  JzDb                  *db;
  JzHouseholdQuery      *query;

  JzHouseholdSearchKind  search_kind;
  char                  *search;       /* normalized */
  char                  *search_end;   /* names: the upper end of the range */
  gint64                 name_facet;   /* one-character names: the character */
  char                  *tail4;        /* ID tails: the last four characters */
  int                    tail_start;   /* ID tails: where the tail starts, 1-based */
  gint64                 program_facet; /* the program's sort_order − 1000000 */
  gint64                 name_facet_count;    /* their households, G_MAXINT64 if not counted */
  gint64                 program_facet_count;
  char                  *statuses;     /* SQL list of file statuses, NULL for all */
  char                  *facet_statuses; /* the same as household_facets has them */
  gboolean               no_match;

  JzHouseholdDriver      driver;
  gint64                 estimate;     /* of the driver's matches, G_MAXINT64 if unknown */
  gboolean               sort_driven;
  gint64                 count;
  GArray                *keys;         /* JzHouseholdKey in list order, when there are few */

  /* [anchor][backward] */
  sqlite3_stmt          *fetch[2][2];
};

gboolean         jz_household_text_empty       (const char              *text);
gboolean         jz_household_query_int        (JzDb                    *db,
                                                sqlite3_stmt            *stmt,
                                                gint64                  *value,
                                                GError                 **error);
char            *jz_household_ids_to_json      (GArray                  *ids);
JzDb            *jz_household_plan_get_db      (JzHouseholdPlan         *plan);
JzHouseholdSort  jz_household_plan_get_sort    (JzHouseholdPlan         *plan);
gboolean         jz_household_plan_has_search  (JzHouseholdPlan         *plan);
gboolean         jz_household_plan_lists_facet (JzHouseholdPlan         *plan,
                                                gint64                   facet_count);
void             jz_household_plan_append_where (JzHouseholdPlan        *plan,
                                                GString                 *sql,
                                                gboolean                 sort_driven);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JzHouseholdPlan, jz_household_plan_free)

G_END_DECLS
