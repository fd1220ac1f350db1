/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the Tasks panel lists: applications waiting for the user's step,
 * reviews due, and the household events that call for a review. */

#include "config.h"


#include "jz-calendar.h"
#include "jz-workflow-private.h"

/* Reviews and alerts: for whoever works on the case's township. */
#define WORKS_ON_CASES (JZ_PERMISSION_BIT (JZ_PERMISSION_APPLY) | JZ_PERMISSION_BIT (JZ_PERMISSION_DECIDE))

void
jz_task_free (JzTask *task)
{
  if (task == NULL)
    return;

  g_free (task->head_name);
  g_free (task->program);
  g_free (task->status);
  g_free (task->due_on);
  g_free (task->period);
  g_free (task);
}

static JzTask *
task_new (JzTaskKind        kind,
          const JzCaseFlow *flow,
          gint64            person_id,
          const char       *due_on,
          gboolean          overdue)
{
  JzTask *task = g_new0 (JzTask, 1);

  task->kind = kind;
  task->case_id = flow->id;
  task->household_id = flow->household_id;
  task->person_id = person_id;
  task->head_name = g_strdup (flow->head_name);
  task->program = g_strdup (flow->program);
  task->status = g_strdup (flow->status);
  task->due_on = g_strdup (due_on);
  task->overdue = overdue;
  task->sampled = flow->sampled;
  return task;
}

/* Overdue first, then the earliest date, the undated last. */
static int
compare_tasks (gconstpointer a,
               gconstpointer b)
{
  const JzTask *x = *(JzTask * const *) a;
  const JzTask *y = *(JzTask * const *) b;
  int c;

  if (x->overdue != y->overdue)
    return x->overdue ? -1 : 1;
  if ((x->due_on == NULL) != (y->due_on == NULL))
    return x->due_on == NULL ? 1 : -1;
  c = g_strcmp0 (x->due_on, y->due_on);
  if (c != 0)
    return c;
  if (x->case_id != y->case_id)
    return x->case_id < y->case_id ? -1 : 1;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  return x->person_id < y->person_id ? -1 : x->person_id > y->person_id;
}

/* The township a query may be narrowed to: a clerk's own; 0 for all;
 * FALSE when the user works on no case at all. */
static gboolean
scope_of (const JzUser *user,
          gint64       *township_id)
{
  *township_id = 0;

  if (user == NULL)
    return TRUE;
  if (!user->active || user->role == JZ_ROLE_LEADER)
    return FALSE;
  if (user->role == JZ_ROLE_CLERK)
    {
      if (user->region_id == 0)
        return FALSE;
      *township_id = user->region_id;
    }

  return TRUE;
}

typedef struct
{
  char  *today;
  char  *month_start;
  char  *month_end;
  guint  year;
  guint  month;
} Month;

static gboolean
month_of (const char  *today,
          Month       *month,
          GError     **error)
{
  GDate date;

  if (today == NULL)
    month->today = jz_today ();
  else if (jz_calendar_check_date (today, error))
    month->today = g_strdup (today);
  else
    return FALSE;

  jz_calendar_parse_date (month->today, &date);
  month->year = g_date_get_year (&date);
  month->month = g_date_get_month (&date);
  g_date_set_day (&date, 1);
  month->month_start = jz_calendar_format_date (&date);
  g_date_add_days (&date, g_date_get_days_in_month ((GDateMonth) month->month, (GDateYear) month->year) - 1);
  month->month_end = jz_calendar_format_date (&date);
  return TRUE;
}

static void
month_clear (Month *month)
{
  g_clear_pointer (&month->today, g_free);
  g_clear_pointer (&month->month_start, g_free);
  g_clear_pointer (&month->month_end, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Month, month_clear)

static GPtrArray *
task_list_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) jz_task_free);
}

/**
 * jz_workflow_list_steps:
 *
 * Returns: (transfer full) (element-type JzTask): the applications @user
 *   may move forward, and the emergency payments @user may review
 */
GPtrArray *
jz_workflow_list_steps (JzDb          *db,
                        const JzUser  *user,
                        const char    *today,
                        GError       **error)
{
  g_auto(Month) month = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) tasks = task_list_new ();
  gint64 township_id;
  int rc;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  if (!month_of (today, &month, error))
    return NULL;
  if (!scope_of (user, &township_id))
    return g_steal_pointer (&tasks);

  stmt = jz_db_prepare (db,
                        "SELECT " JZ_CASE_FLOW_COLUMNS JZ_CASE_FLOW_FROM
                        /* Every program, so that the (program, status) index serves. */
                        "WHERE c.program IN (SELECT code FROM programs) "
                        "AND c.status IN ('draft', 'submitted', 'accepted', 'investigating', "
                        "'village_notice', 'township_reviewed', 'approved') "
                        "AND (?1 = 0 OR hs.township_id = ?1)",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, township_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(JzCaseFlow) flow = jz_case_flow_from_row (stmt, 0);
      guint permissions;

      if (g_str_equal (flow->status, "approved") && jz_workflow_is_temporary (flow->program))
        {
          if (flow->emergency && flow->emergency_reviewed_on == NULL &&
              jz_user_can (user, JZ_PERMISSION_DECIDE, flow->township_id))
            g_ptr_array_add (tasks, task_new (JZ_TASK_EMERGENCY_REVIEW, flow, 0, NULL, FALSE));
          continue;
        }

      permissions = jz_workflow_forward_permissions (flow->program, flow->emergency, flow->status);
      if (permissions != 0 && jz_workflow_user_may (user, permissions, flow->township_id))
        g_ptr_array_add (tasks, task_new (JZ_TASK_STEP, flow, 0, flow->step_due_on,
                                          jz_workflow_overdue (flow, month.today)));
    }

  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return NULL;
    }

  g_ptr_array_sort (tasks, compare_tasks);
  return g_steal_pointer (&tasks);
}

/**
 * jz_workflow_list_reviews:
 *
 * Returns: (transfer full) (element-type JzTask): the active cases whose
 *   review date is in @today's month or before, the overdue first
 */
GPtrArray *
jz_workflow_list_reviews (JzDb          *db,
                          const JzUser  *user,
                          const char    *today,
                          GError       **error)
{
  g_auto(Month) month = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) tasks = task_list_new ();
  gint64 township_id;
  int rc;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  if (!month_of (today, &month, error))
    return NULL;
  if (!scope_of (user, &township_id))
    return g_steal_pointer (&tasks);

  stmt = jz_db_prepare (db,
                        "SELECT " JZ_CASE_FLOW_COLUMNS JZ_CASE_FLOW_FROM
                        "WHERE c.status = 'active' AND c.next_review_on <= ?2 "
                        "AND (?1 = 0 OR hs.township_id = ?1)",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, township_id);
  sqlite3_bind_text (stmt, 2, month.month_end, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(JzCaseFlow) flow = jz_case_flow_from_row (stmt, 0);

      if (jz_workflow_user_may (user, WORKS_ON_CASES, flow->township_id))
        g_ptr_array_add (tasks, task_new (JZ_TASK_REVIEW, flow, 0, flow->next_review_on,
                                          jz_workflow_overdue (flow, month.today)));
    }

  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return NULL;
    }

  g_ptr_array_sort (tasks, compare_tasks);
  return g_steal_pointer (&tasks);
}

/* The birthday in @year of someone born on @birth; 28 February for a
 * 29 February birthday in a common year. */
static char *
birthday_in (const char *birth,
             guint       year)
{
  GDate date;
  guint day;

  if (!jz_calendar_parse_date (birth, &date))
    return NULL;

  day = MIN (g_date_get_day (&date), g_date_get_days_in_month (g_date_get_month (&date), (GDateYear) year));
  return g_strdup_printf ("%04u-%02u-%02u", year, g_date_get_month (&date), day);
}

/**
 * jz_workflow_list_alerts:
 *
 * A member counts for a household-level case unless excluded from it
 * (case_exclusions); for a person-level case only that person counts.
 * "Died since the last review": after the latest step or review in the
 * case's history.
 *
 * Returns: (transfer full) (element-type JzTask): one task per case,
 *   member and event, by date
 */
GPtrArray *
jz_workflow_list_alerts (JzDb          *db,
                         const JzUser  *user,
                         const char    *today,
                         GError       **error)
{
  g_auto(Month) month = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) tasks = task_list_new ();
  g_autofree char *month18 = NULL;
  g_autofree char *month60 = NULL;
  const int n = JZ_CASE_FLOW_N_COLUMNS;
  gint64 township_id;
  int rc;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  if (!month_of (today, &month, error))
    return NULL;
  if (!scope_of (user, &township_id))
    return g_steal_pointer (&tasks);

  month18 = g_strdup_printf ("%04u-%02u", month.year - 18, month.month);
  month60 = g_strdup_printf ("%04u-%02u", month.year - 60, month.month);

  /* From the persons: the few with an event this month, or who died,
   * are found by one pass over persons, faster than visiting every
   * member of every active case. */
#define EVENT_THIS_MONTH \
  "(p.active = 1 AND (substr (p.birth_date, 1, 7) IN (?2, ?3) OR p.graduates_on BETWEEN ?4 AND ?5))"
  stmt = jz_db_prepare (db,
                        "SELECT " JZ_CASE_FLOW_COLUMNS ", p.id, p.birth_date, p.graduates_on, p.left_on, "
                        "  p.left_reason, p.active, "
                        "  coalesce ((SELECT max (on_date) FROM case_history h WHERE h.case_id = c.id), "
                        "            c.decided_on, c.applied_on) "
                        "FROM persons p CROSS JOIN cases c ON c.household_id = p.household_id "
                        "  AND (c.person_id IS NULL OR c.person_id = p.id) "
                        "LEFT JOIN household_summary hs ON hs.household_id = c.household_id "
                        "WHERE (" EVENT_THIS_MONTH " OR p.left_reason = 'died') "
                        "AND c.status IN ('active', 'suspended') AND (?1 = 0 OR hs.township_id = ?1) "
                        "AND NOT EXISTS (SELECT 1 FROM case_exclusions e WHERE e.case_id = c.id AND e.person_id = p.id) "
                        "AND (" EVENT_THIS_MONTH " OR (p.left_reason = 'died' AND p.left_on > "
                        "  coalesce ((SELECT max (on_date) FROM case_history h WHERE h.case_id = c.id), "
                        "            c.decided_on, c.applied_on)))",
                        error);
#undef EVENT_THIS_MONTH
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, township_id);
  sqlite3_bind_text (stmt, 2, month18, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, month60, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, month.month_start, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, month.month_end, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(JzCaseFlow) flow = jz_case_flow_from_row (stmt, 0);
      gint64 person_id = sqlite3_column_int64 (stmt, n);
      const char *birth = (const char *) sqlite3_column_text (stmt, n + 1);
      const char *graduates_on = (const char *) sqlite3_column_text (stmt, n + 2);
      const char *left_on = (const char *) sqlite3_column_text (stmt, n + 3);
      const char *left_reason = (const char *) sqlite3_column_text (stmt, n + 4);
      gboolean active = sqlite3_column_int (stmt, n + 5) != 0;
      const char *last_step = (const char *) sqlite3_column_text (stmt, n + 6);

      if (!jz_workflow_user_may (user, WORKS_ON_CASES, flow->township_id))
        continue;

      if (active && birth != NULL && g_str_has_prefix (birth, month18))
        {
          g_autofree char *day = birthday_in (birth, month.year);
          g_ptr_array_add (tasks, task_new (JZ_TASK_TURNS_18, flow, person_id, day, FALSE));
        }
      if (active && birth != NULL && g_str_has_prefix (birth, month60))
        {
          g_autofree char *day = birthday_in (birth, month.year);
          g_ptr_array_add (tasks, task_new (JZ_TASK_TURNS_60, flow, person_id, day, FALSE));
        }
      if (active && graduates_on != NULL && g_strcmp0 (graduates_on, month.month_start) >= 0 &&
          g_strcmp0 (graduates_on, month.month_end) <= 0)
        g_ptr_array_add (tasks, task_new (JZ_TASK_GRADUATES, flow, person_id, graduates_on, FALSE));
      if (g_strcmp0 (left_reason, "died") == 0 && left_on != NULL && g_strcmp0 (left_on, last_step) > 0)
        g_ptr_array_add (tasks, task_new (JZ_TASK_DIED, flow, person_id, left_on, FALSE));
    }

  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return NULL;
    }

  g_ptr_array_sort (tasks, compare_tasks);
  return g_steal_pointer (&tasks);
}

/**
 * jz_workflow_list_tasks:
 *
 * Returns: (transfer full) (element-type JzTask): the steps, then the
 *   reviews, then the alerts, each sorted as its own list
 */
GPtrArray *
jz_workflow_list_tasks (JzDb          *db,
                        const JzUser  *user,
                        const char    *today,
                        GError       **error)
{
  g_autoptr(GPtrArray) tasks = NULL;
  GPtrArray *(*lists[]) (JzDb *, const JzUser *, const char *, GError **) = {
    jz_workflow_list_steps, jz_workflow_list_reviews, jz_workflow_list_alerts,
  };

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  tasks = task_list_new ();
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_autoptr(GPtrArray) part = lists[i] (db, user, today, error);

      if (part == NULL)
        return NULL;
      for (guint k = 0; k < part->len; k++)
        g_ptr_array_add (tasks, g_steal_pointer (&part->pdata[k]));
      g_ptr_array_set_free_func (part, NULL);
    }

  return g_steal_pointer (&tasks);
}
