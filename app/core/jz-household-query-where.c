/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "jz-household-query-private.h"

/* The WHERE clause of a plan: which condition may use its index; see the
 * top of jz-household-query-plan.c. */
/* The members a search looks at: see household_facets_source. */
static const char *
member_rule (JzHouseholdPlan *plan,
             gboolean         correlated)
{
  if (plan->statuses != NULL && g_str_equal (plan->statuses, "'open'"))
    return "p.active = 1";

  return correlated
    ? "(p.active = 1 OR s.file_status <> 'open')"
    : "(p.active = 1 OR EXISTS (SELECT 1 FROM household_summary x "
      "WHERE x.household_id = p.household_id AND x.file_status <> 'open'))";
}

static const char *
person_match (JzHouseholdPlan *plan)
{
  switch (plan->search_kind)
    {
    case JZ_HOUSEHOLD_SEARCH_NAME:
      return "p.name >= :search AND p.name < :search_end";

    case JZ_HOUSEHOLD_SEARCH_ID_NUMBER:
      return "p.id_number = :search";

    case JZ_HOUSEHOLD_SEARCH_ID_TAIL:
      if (plan->tail_start == 15)
        return "substr (p.id_number, 15) = :search";
      return "substr (p.id_number, 15) = :tail4 AND substr (p.id_number, :tail_start) = :search";

    case JZ_HOUSEHOLD_SEARCH_NONE:
    case JZ_HOUSEHOLD_SEARCH_TOO_SHORT:
    default:
      g_assert_not_reached ();
    }
}

static void
append_search (JzHouseholdPlan *plan,
               GString         *sql,
               gboolean         drives,
               gboolean         sort_driven)
{
  if (plan->name_facet != 0)
    {
      /* Along the forced sort index, a list read once is no driver. */
      if (drives || (sort_driven && jz_household_plan_lists_facet (plan, plan->name_facet_count)))
        g_string_append_printf (sql,
                                " AND s.household_id IN (SELECT f.household_id FROM household_facets f "
                                "WHERE f.file_status IN (%s) AND f.facet = :name_facet%s)",
                                plan->facet_statuses,
                                plan->query->township_id != 0 ? " AND f.township_id = :township" : "");
      else
        g_string_append_printf (sql,
                                " AND EXISTS (SELECT 1 FROM household_facets f WHERE f.file_status IN (%s) "
                                "AND f.facet = :name_facet AND f.township_id = s.township_id "
                                "AND f.household_id = s.household_id)",
                                plan->facet_statuses);
      return;
    }

  if (drives)
    g_string_append_printf (sql,
                            " AND s.household_id IN (SELECT p.household_id FROM persons p WHERE %s AND %s)",
                            person_match (plan), member_rule (plan, FALSE));
  else
    /* By household: the name index would be walked once per row. */
    g_string_append_printf (sql,
                            " AND EXISTS (SELECT 1 FROM persons p INDEXED BY persons_household "
                            "WHERE p.household_id = s.household_id AND %s AND %s)",
                            person_match (plan), member_rule (plan, TRUE));
}

static void
append_program (JzHouseholdPlan *plan,
                GString         *sql,
                gboolean         drives,
                gboolean         sort_driven)
{
  if (drives || (sort_driven && jz_household_plan_lists_facet (plan, plan->program_facet_count)))
    g_string_append_printf (sql,
                            " AND s.household_id IN (SELECT g.household_id FROM household_facets g "
                            "WHERE g.file_status IN (%s) AND g.facet = :program_facet%s)",
                            plan->facet_statuses,
                            plan->query->township_id != 0 ? " AND g.township_id = :township" : "");
  else
    g_string_append_printf (sql,
                            " AND EXISTS (SELECT 1 FROM household_facets g WHERE g.file_status IN (%s) "
                            "AND g.facet = :program_facet AND g.township_id = s.township_id "
                            "AND g.household_id = s.household_id)",
                            plan->facet_statuses);
}

typedef enum
{
  SUMMARY_NONE,
  SUMMARY_FILE_STATUS,
  SUMMARY_VILLAGE,
  SUMMARY_TOWNSHIP,
  SUMMARY_CASE_STATUS,
} SummaryColumn;

/* The summary column that narrows most, as far as one can tell without
 * counting. */
static SummaryColumn
summary_driver (JzHouseholdPlan *plan)
{
  const JzHouseholdQuery *q = plan->query;

  if (q->village_id != 0)
    return SUMMARY_VILLAGE;
  if (q->township_id != 0)
    return SUMMARY_TOWNSHIP;
  if (!jz_household_text_empty (q->case_status))
    return SUMMARY_CASE_STATUS;
  if (plan->statuses != NULL)
    return SUMMARY_FILE_STATUS;
  return SUMMARY_NONE;
}

static const char *
plus_unless (gboolean      sort_driven,
             SummaryColumn drives,
             SummaryColumn column)
{
  return sort_driven || drives == column ? "" : "+";
}

/* The WHERE clause (starting "WHERE 1") for the plan's driver; with
 * @sort_driven the summary columns stay usable for the forced sort index. */
void
jz_household_plan_append_where (JzHouseholdPlan *plan,
                                GString         *sql,
                                gboolean         sort_driven)
{
  const JzHouseholdQuery *q = plan->query;
  SummaryColumn drives = SUMMARY_NONE;

  /* One summary column at most may use its index: SQLite without
   * statistics cannot tell a village from "all open files".  The forced
   * sort index leaves them all free. */
  if (!sort_driven && plan->driver == JZ_HOUSEHOLD_DRIVER_SUMMARY)
    drives = summary_driver (plan);

  g_string_append (sql, " WHERE 1");

  if (plan->statuses != NULL)
    g_string_append_printf (sql, " AND %ss.file_status IN (%s)",
                            plus_unless (sort_driven, drives, SUMMARY_FILE_STATUS), plan->statuses);
  if (q->village_id != 0)
    g_string_append_printf (sql, " AND %ss.village_id = :village",
                            plus_unless (sort_driven, drives, SUMMARY_VILLAGE));
  if (q->township_id != 0)
    g_string_append_printf (sql, " AND %ss.township_id = :township",
                            plus_unless (sort_driven, drives, SUMMARY_TOWNSHIP));
  if (!jz_household_text_empty (q->case_status))
    g_string_append_printf (sql, " AND %ss.case_status = :case_status",
                            plus_unless (sort_driven, drives, SUMMARY_CASE_STATUS));
  if (!jz_household_text_empty (q->hukou))
    g_string_append (sql, " AND s.hukou = :hukou");

  if (jz_household_plan_has_search (plan))
    append_search (plan, sql, !sort_driven && plan->driver == JZ_HOUSEHOLD_DRIVER_SEARCH, sort_driven);
  if (plan->program_facet != 0)
    append_program (plan, sql, !sort_driven && plan->driver == JZ_HOUSEHOLD_DRIVER_PROGRAM, sort_driven);
}
