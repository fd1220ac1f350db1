/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The care panel's list of dispersed tekun recipients and its figures. */

#include "config.h"

#include <string.h>

#include "jz-calendar.h"
#include "jz-care-private.h"
#include "jz-workflow.h"

void
jz_care_recipient_free (JzCareRecipient *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->township_name);
  g_free (self->village_name);
  g_free (self->tier);
  g_free (self->agreement_number);
  g_free (self->agreement_ends_on);
  g_free (self->caregiver_name);
  g_free (self->last_visit_on);
  g_free (self->next_visit_on);
  g_free (self->last_evaluation_on);
  g_free (self->last_evaluation_result);
  g_free (self->reassessment_due);
  g_free (self);
}

/* One row a recipient: a person with a dispersed tekun case decided and
 * not ended, in an open file; their agreement is the one in force, else
 * the newest draft.  The visit is due an interval after the last visit,
 * or after the agreement was signed, or after the case was decided. */
#define RECIPIENTS_SQL \
  "WITH r AS (" \
  "  SELECT p.id AS person_id, p.name, p.household_id, max (c.id) AS case_id, t.id AS township_id, " \
  "         t.name AS township_name, v.name AS village_name, p.self_care, " \
  "         min (coalesce (c.decided_on, c.starts_on, c.applied_on)) AS decided_on " \
  "  FROM cases c JOIN persons p ON p.id = c.person_id JOIN households h ON h.id = p.household_id " \
  "  JOIN regions v ON v.id = h.region_id JOIN regions t ON t.id = v.parent_id " \
  "  WHERE c.program = 'tekun_dispersed' AND c.status IN ('approved', 'active', 'suspended') " \
  "    AND p.active = 1 AND h.status = 'open' AND (:township = 0 OR t.id = :township) " \
  "    AND (:person = 0 OR p.id = :person) " \
  "  GROUP BY p.id) " \
  "SELECT r.person_id, r.name, r.household_id, r.case_id, r.township_id, r.township_name, r.village_name, " \
  "  coalesce ((SELECT tier FROM care_assessments WHERE person_id = r.person_id " \
  "             ORDER BY assessed_on DESC, id DESC LIMIT 1), r.self_care), " \
  "  a.id, a.number, a.status, a.ends_on, a.signed_on, g.name, " \
  "  (SELECT max (visited_on) FROM care_visits WHERE person_id = r.person_id), " \
  "  (SELECT e.evaluated_on || ' ' || e.result FROM care_evaluations e JOIN care_agreements ea ON ea.id = e.agreement_id " \
  "   WHERE ea.person_id = r.person_id ORDER BY e.period_to DESC, e.id DESC LIMIT 1), " \
  "  (SELECT e.result FROM care_evaluations e WHERE e.agreement_id = a.id AND a.status = 'active' " \
  "   ORDER BY e.period_to DESC, e.id DESC LIMIT 1), " \
  "  (SELECT min (due_on) FROM care_changes WHERE person_id = r.person_id AND assessment_id IS NULL), " \
  "  r.decided_on " \
  "FROM r LEFT JOIN care_agreements a ON a.id = (SELECT id FROM care_agreements " \
  "  WHERE person_id = r.person_id AND status IN ('active', 'draft') " \
  "  ORDER BY status = 'active' DESC, starts_on DESC, id DESC LIMIT 1) " \
  "LEFT JOIN caregivers g ON g.id = a.caregiver_id " \
  "ORDER BY r.township_name, r.village_name, r.name, r.person_id"

typedef struct
{
  JzDb       *db;
  const char *today;
  GHashTable *intervals;   /* township id → visit months */
  GHashTable *windows;     /* township id → expiring days */
} Numbers;

static gboolean
number_for (Numbers         *n,
            GHashTable      *cache,
            JzStandardKind   kind,
            gint64           township_id,
            gint64          *value,
            GError         **error)
{
  gpointer cached;

  if (g_hash_table_lookup_extended (cache, &township_id, NULL, &cached))
    {
      *value = GPOINTER_TO_SIZE (cached);
      return TRUE;
    }
  if (!jz_care_standard (n->db, kind, township_id, n->today, value, error))
    return FALSE;
  g_hash_table_insert (cache, g_memdup2 (&township_id, sizeof township_id), GSIZE_TO_POINTER ((gsize) *value));
  return TRUE;
}

static JzCareRecipient *
recipient_from_row (Numbers        *n,
                    sqlite3_stmt   *stmt,
                    GError        **error)
{
  g_autoptr(JzCareRecipient) r = g_new0 (JzCareRecipient, 1);
  g_autofree char *evaluation = NULL;
  g_autofree char *signed_on = NULL;
  g_autofree char *decided_on = NULL;
  const char *current_result;
  const char *since;
  gint64 months = 1, window = 30;

  r->person_id = sqlite3_column_int64 (stmt, 0);
  r->name = jz_db_column_dup (stmt, 1);
  r->household_id = sqlite3_column_int64 (stmt, 2);
  r->case_id = sqlite3_column_int64 (stmt, 3);
  r->township_id = sqlite3_column_int64 (stmt, 4);
  r->township_name = jz_db_column_dup (stmt, 5);
  r->village_name = jz_db_column_dup (stmt, 6);
  r->tier = jz_db_column_dup (stmt, 7);
  r->agreement_id = sqlite3_column_int64 (stmt, 8);
  r->agreement_number = jz_db_column_dup (stmt, 9);
  r->agreement_ends_on = jz_db_column_dup (stmt, 11);
  signed_on = jz_db_column_dup (stmt, 12);
  r->caregiver_name = jz_db_column_dup (stmt, 13);
  r->last_visit_on = jz_db_column_dup (stmt, 14);
  evaluation = jz_db_column_dup (stmt, 15);
  current_result = (const char *) sqlite3_column_text (stmt, 16);
  r->reassessment_due = jz_db_column_dup (stmt, 17);
  decided_on = jz_db_column_dup (stmt, 18);

  if (!number_for (n, n->intervals, JZ_STANDARD_CARE_VISIT_MONTHS, r->township_id, &months, error) ||
      !number_for (n, n->windows, JZ_STANDARD_CARE_EXPIRING_DAYS, r->township_id, &window, error))
    return NULL;

  if (r->agreement_id != 0)
    {
      JzCareAgreement a = { 0 };

      a.status = (char *) sqlite3_column_text (stmt, 10);
      a.ends_on = r->agreement_ends_on;
      r->state = jz_care_agreement_state (&a, n->today, (int) window);
    }

  since = r->last_visit_on != NULL ? r->last_visit_on : signed_on != NULL ? signed_on : decided_on;
  if (since != NULL)
    {
      r->next_visit_on = jz_care_add_months (since, (int) months);
      r->visit_overdue = r->next_visit_on != NULL && g_strcmp0 (n->today, r->next_visit_on) > 0;
    }

  if (evaluation != NULL && strlen (evaluation) > 11)
    {
      r->last_evaluation_on = g_strndup (evaluation, 10);
      r->last_evaluation_result = g_strdup (evaluation + 11);
    }
  r->failed_open = g_strcmp0 (current_result, "fail") == 0;

  return g_steal_pointer (&r);
}

gboolean
jz_care_recipient_in_force (const JzCareRecipient *r)
{
  return r->agreement_id != 0 && (r->state == JZ_CARE_STATE_ACTIVE || r->state == JZ_CARE_STATE_EXPIRING);
}

gboolean
jz_care_recipient_matches (const JzCareRecipient *r,
                           JzCareFilter           filter)
{
  switch (filter)
    {
    case JZ_CARE_FILTER_NO_AGREEMENT:
      return !jz_care_recipient_in_force (r);
    case JZ_CARE_FILTER_EXPIRING:
      return r->agreement_id != 0 && r->state == JZ_CARE_STATE_EXPIRING;
    case JZ_CARE_FILTER_VISIT_OVERDUE:
      return r->visit_overdue;
    case JZ_CARE_FILTER_FAILED:
      return r->failed_open;
    case JZ_CARE_FILTER_ALL:
    default:
      return TRUE;
    }
}

static gint64
scope_of (const JzUser *user)
{
  /* Who may read every township sees them all; a clerk their own. */
  if (jz_user_can (user, JZ_PERMISSION_READ, -1))
    return 0;
  return user->region_id != 0 ? user->region_id : -1;
}

static GPtrArray *
read_recipients (JzDb          *db,
                 const JzUser  *user,
                 gint64         person_id,
                 const char    *today,
                 GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) jz_care_recipient_free);
  g_autofree char *now = today != NULL ? g_strdup (today) : jz_today ();
  g_autoptr(GHashTable) intervals = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) windows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  Numbers n = { db, now, intervals, windows };
  int rc;

  stmt = jz_db_prepare (db, RECIPIENTS_SQL, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":township"), scope_of (user));
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":person"), person_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JzCareRecipient *r = recipient_from_row (&n, stmt, error);

      if (r == NULL)
        {
          sqlite3_reset (stmt);
          return NULL;
        }
      g_ptr_array_add (list, r);
    }
  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/**
 * jz_care_list_recipients:
 *
 * Returns: (transfer full) (element-type JzCareRecipient): the recipients
 *   that pass @filter
 */
GPtrArray *
jz_care_list_recipients (JzDb          *db,
                         const JzUser  *user,
                         JzCareFilter   filter,
                         const char    *today,
                         GError       **error)
{
  g_autoptr(GPtrArray) all = NULL;
  GPtrArray *chosen;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  if (!jz_user_check (user, JZ_PERMISSION_READ, 0, error))
    return NULL;
  all = read_recipients (db, user, 0, today, error);
  if (all == NULL)
    return NULL;
  if (filter == JZ_CARE_FILTER_ALL)
    return g_steal_pointer (&all);

  chosen = g_ptr_array_new_with_free_func ((GDestroyNotify) jz_care_recipient_free);
  for (guint i = 0; i < all->len; i++)
    if (jz_care_recipient_matches (g_ptr_array_index (all, i), filter))
      g_ptr_array_add (chosen, g_steal_pointer (&g_ptr_array_index (all, i)));
  return chosen;
}

/**
 * jz_care_stats:
 *
 * The figures of the panel's strip, over the recipients @user may see.
 */
gboolean
jz_care_stats (JzDb          *db,
               const JzUser  *user,
               const char    *today,
               JzCareStats   *stats,
               GError       **error)
{
  g_autoptr(GPtrArray) all = NULL;

  g_return_val_if_fail (JZ_IS_DB (db), FALSE);
  g_return_val_if_fail (stats != NULL, FALSE);

  memset (stats, 0, sizeof *stats);
  if (!jz_user_check (user, JZ_PERMISSION_READ, 0, error))
    return FALSE;
  all = read_recipients (db, user, 0, today, error);
  if (all == NULL)
    return FALSE;

  jz_care_stats_of (all, stats);
  return TRUE;
}

/**
 * jz_care_stats_of:
 * @recipients: (element-type JzCareRecipient): as jz_care_list_recipients()
 *   gives them unfiltered
 *
 * The figures of jz_care_stats(), from a list already read.
 */
void
jz_care_stats_of (GPtrArray   *recipients,
                  JzCareStats *stats)
{
  g_return_if_fail (recipients != NULL);
  g_return_if_fail (stats != NULL);

  memset (stats, 0, sizeof *stats);
  for (guint i = 0; i < recipients->len; i++)
    {
      const JzCareRecipient *r = g_ptr_array_index (recipients, i);

      stats->recipients++;
      stats->with_agreement += jz_care_recipient_in_force (r);
      stats->visits_on_time += !r->visit_overdue;
      stats->failed_open += r->failed_open;
      stats->expiring += jz_care_recipient_matches (r, JZ_CARE_FILTER_EXPIRING);
      stats->visit_overdue += r->visit_overdue;
    }
}

/**
 * jz_care_get_recipient:
 *
 * Returns: (transfer full) (nullable): one recipient as the list shows
 *   them, or %NULL (without @error) when they are none or not @user's
 */
JzCareRecipient *
jz_care_get_recipient (JzDb          *db,
                       const JzUser  *user,
                       gint64         person_id,
                       const char    *today,
                       GError       **error)
{
  g_autoptr(GPtrArray) one = NULL;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);
  g_return_val_if_fail (person_id > 0, NULL);

  one = read_recipients (db, user, person_id, today, error);
  if (one == NULL || one->len == 0)
    return NULL;
  return g_steal_pointer (&g_ptr_array_index (one, 0));
}

static int
compare_due (gconstpointer a,
             gconstpointer b)
{
  const JzTask *x = *(const JzTask * const *) a;
  const JzTask *y = *(const JzTask * const *) b;
  int order = g_strcmp0 (x->due_on, y->due_on);

  return order != 0 ? order : (x->person_id > y->person_id) - (x->person_id < y->person_id);
}

GPtrArray *
jz_care_list_visit_tasks (JzDb          *db,
                          const JzUser  *user,
                          const char    *today,
                          GError       **error)
{
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GPtrArray) tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) jz_task_free);

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  /* Visits are made by those who keep the files: not a reviewer or a leader. */
  if (user != NULL && (user->role == JZ_ROLE_REVIEWER || user->role == JZ_ROLE_LEADER))
    return g_steal_pointer (&tasks);

  overdue = jz_care_list_recipients (db, user, JZ_CARE_FILTER_VISIT_OVERDUE, today, error);
  if (overdue == NULL)
    return NULL;

  for (guint i = 0; i < overdue->len; i++)
    {
      const JzCareRecipient *r = g_ptr_array_index (overdue, i);
      JzTask *task = g_new0 (JzTask, 1);

      task->kind = JZ_TASK_VISIT;
      task->case_id = r->case_id;
      task->household_id = r->household_id;
      task->person_id = r->person_id;
      task->head_name = g_strdup (r->name);
      task->program = g_strdup ("tekun_dispersed");
      task->status = g_strdup ("active");
      task->due_on = g_strdup (r->next_visit_on);
      task->overdue = TRUE;
      g_ptr_array_add (tasks, task);
    }
  g_ptr_array_sort (tasks, compare_due);
  return g_steal_pointer (&tasks);
}
