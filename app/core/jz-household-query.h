/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-db.h"
#include "jz-household.h"
#include "jz-household-row.h"

G_BEGIN_DECLS

/*
 * The case-file list: which households match a search and filters, how
 * many, and their rows in order, a page or a bounded chunk at a time.
 * Everything is decided in SQL over household_summary and household_facets
 * (data/sql/002-household-summary.sql), so that it stays fast on 400,000
 * households: a count, a page or a search takes milliseconds.
 *
 * Search (JzHouseholdQuery.search) finds a household through any of its
 * members — those on file for an open file, everyone it had for a closed
 * or archived one:
 *  - text of digits (full-width ones too) with at most a final X (or x):
 *    18 characters find that ID number, 4 to 17 find the numbers ending in
 *    them ("the last four digits"), fewer than 4 find nothing;
 *  - anything else is the start of a name: "王" finds 王秀英 and 王建国,
 *    "王秀" only the first.  Blanks are ignored.  Names compare by code
 *    point (SQLite's BINARY collation), which is also the order of the
 *    head-name sort; that order groups a surname together but is not
 *    pinyin order.
 *
 * Filters: township, village (either or both; 0 is any), program (a code
 * of the programs table: households with an active case in it), case
 * status (household_summary's summary status: "active", "suspended",
 * "pending", "ended" or "none"), hukou ("urban", "rural").  Open files
 * only, unless include_closed / include_archived.
 *
 * Sorting: by one column and the household id, ascending or descending.
 * Township and village sort by their ids, i.e. in the order the regions
 * were registered, which is their code order for a district set up in
 * one go.
 *
 * Reading in chunks (jz_household_query_foreach()) keeps no read
 * transaction open between chunks, so that a long export does not keep
 * other clerks from saving to a shared file (DESIGN §5); rows changed
 * while it runs may show in their new or their old place, never twice.
 */

typedef enum
{
  JZ_HOUSEHOLD_SORT_ID,
  JZ_HOUSEHOLD_SORT_HEAD_NAME,
  JZ_HOUSEHOLD_SORT_TOWNSHIP,
  JZ_HOUSEHOLD_SORT_VILLAGE,
  JZ_HOUSEHOLD_SORT_MEMBERS,
  JZ_HOUSEHOLD_SORT_CASE_STATUS,
  JZ_HOUSEHOLD_SORT_MONTHLY_AMOUNT,
} JzHouseholdSort;

typedef enum
{
  JZ_HOUSEHOLD_SEARCH_NONE,       /* empty: every household */
  JZ_HOUSEHOLD_SEARCH_NAME,       /* the start of a member's name */
  JZ_HOUSEHOLD_SEARCH_ID_NUMBER,  /* a whole ID number */
  JZ_HOUSEHOLD_SEARCH_ID_TAIL,    /* the last 4–17 characters of one */
  JZ_HOUSEHOLD_SEARCH_TOO_SHORT,  /* 1–3 digits: finds nothing yet */
} JzHouseholdSearchKind;

typedef struct
{
  char            *search;
  gint64           township_id;
  gint64           village_id;
  char            *program;
  char            *case_status;
  char            *hukou;
  gboolean         include_closed;
  gboolean         include_archived;
  JzHouseholdSort  sort;
  gboolean         descending;
} JzHouseholdQuery;

/* Return FALSE to stop; set @error to say why. */
typedef gboolean (*JzHouseholdRowFunc)    (JzHouseholdRow  *row,
                                           gpointer         user_data,
                                           GError         **error);
typedef gboolean (*JzHouseholdPersonFunc) (JzHouseholdRow  *row,
                                           const JzPerson  *person,
                                           gpointer         user_data,
                                           GError         **error);

#define JZ_TYPE_HOUSEHOLD_QUERY (jz_household_query_get_type ())

GType                  jz_household_query_get_type       (void) G_GNUC_CONST;
JzHouseholdQuery      *jz_household_query_new            (void);
JzHouseholdQuery      *jz_household_query_copy           (const JzHouseholdQuery  *query);
void                   jz_household_query_free           (JzHouseholdQuery        *query);
gboolean               jz_household_query_equal          (const JzHouseholdQuery  *a,
                                                          const JzHouseholdQuery  *b);

JzHouseholdSearchKind  jz_household_search_classify      (const char              *text,
                                                          char                   **normalized);

gint64                 jz_household_query_count          (JzDb                    *db,
                                                          const JzHouseholdQuery  *query,
                                                          GError                 **error);
GPtrArray             *jz_household_query_page           (JzDb                    *db,
                                                          const JzHouseholdQuery  *query,
                                                          JzHouseholdRow          *after,
                                                          guint                    limit,
                                                          GError                 **error);
gboolean               jz_household_query_foreach        (JzDb                    *db,
                                                          const JzHouseholdQuery  *query,
                                                          JzHouseholdRowFunc       func,
                                                          gpointer                 user_data,
                                                          GCancellable            *cancellable,
                                                          GError                 **error);
gboolean               jz_household_query_foreach_person (JzDb                    *db,
                                                          const JzHouseholdQuery  *query,
                                                          JzHouseholdPersonFunc    func,
                                                          gpointer                 user_data,
                                                          GCancellable            *cancellable,
                                                          GError                 **error);

gboolean               jz_household_summary_rebuild      (JzDb                    *db,
                                                          GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JzHouseholdQuery, jz_household_query_free)

G_END_DECLS
