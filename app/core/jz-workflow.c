/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The workflow's rules, pure, and reading a case's workflow columns. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-calendar.h"
#include "jz-standard.h"
#include "jz-workflow-private.h"

G_DEFINE_QUARK (jz-workflow-error-quark, jz_workflow_error)

/* Which standard each number of JzWorkflowRules is. */
static const struct
{
  JzStandardKind kind;
  gsize          offset;
} rule_kinds[] = {
  { JZ_STANDARD_DEADLINE_INVESTIGATION_START_WORKDAYS, G_STRUCT_OFFSET (JzWorkflowRules, investigation_start_days) },
  { JZ_STANDARD_DEADLINE_INVESTIGATION_TEKUN_WORKDAYS, G_STRUCT_OFFSET (JzWorkflowRules, tekun_investigation_days) },
  { JZ_STANDARD_NOTICE_DAYS,                           G_STRUCT_OFFSET (JzWorkflowRules, notice_days) },
  { JZ_STANDARD_DEADLINE_DECISION_WORKDAYS,            G_STRUCT_OFFSET (JzWorkflowRules, decision_days) },
  { JZ_STANDARD_DEADLINE_DECISION_TEKUN_WORKDAYS,      G_STRUCT_OFFSET (JzWorkflowRules, tekun_decision_days) },
  { JZ_STANDARD_DEADLINE_PROCESS_WORKDAYS,             G_STRUCT_OFFSET (JzWorkflowRules, process_days) },
  { JZ_STANDARD_DEADLINE_PROCESS_MAX_WORKDAYS,         G_STRUCT_OFFSET (JzWorkflowRules, process_limit_days) },
  { JZ_STANDARD_REVIEW_DIBAO_MONTHS,                   G_STRUCT_OFFSET (JzWorkflowRules, review_months) },
  { JZ_STANDARD_REVIEW_UNSTABLE_MONTHS,                G_STRUCT_OFFSET (JzWorkflowRules, unstable_review_months) },
  { JZ_STANDARD_REVIEW_TEKUN_MONTHS,                   G_STRUCT_OFFSET (JzWorkflowRules, tekun_review_months) },
  { JZ_STANDARD_TEKUN_SAMPLE_PCT,                      G_STRUCT_OFFSET (JzWorkflowRules, tekun_sample_rate_bp) },
};

/* In the order of the cases table's CHECK. */
static const char * const statuses[] = {
  "draft", "submitted", "accepted", "investigating", "village_notice", "township_reviewed",
  "approved", "active", "suspended", "terminated", "rejected", "withdrawn", NULL
};

typedef enum
{
  SCOPE_ALL,
  SCOPE_PERIODIC,   /* every program but temporary assistance, which pays once */
  SCOPE_TEMPORARY,
  SCOPE_EMERGENCY,  /* temporary assistance paid first (先行救助) */
} Scope;

/* The steps forward; rejection and withdrawal follow from these (see
 * jz_workflow_lookup()). */
static const struct
{
  const char   *from;
  const char   *to;
  JzPermission  permission;
  gboolean      needs_reason;
  Scope         scope;
} steps[] = {
  { "draft",             "submitted",         JZ_PERMISSION_APPLY,  FALSE, SCOPE_ALL },
  { "submitted",         "accepted",          JZ_PERMISSION_APPLY,  FALSE, SCOPE_ALL },
  { "accepted",          "investigating",     JZ_PERMISSION_APPLY,  FALSE, SCOPE_ALL },
  { "investigating",     "village_notice",    JZ_PERMISSION_APPLY,  FALSE, SCOPE_ALL },
  { "village_notice",    "township_reviewed", JZ_PERMISSION_APPLY,  FALSE, SCOPE_ALL },
  { "township_reviewed", "approved",          JZ_PERMISSION_DECIDE, FALSE, SCOPE_ALL },
  { "approved",          "active",            JZ_PERMISSION_DECIDE, FALSE, SCOPE_PERIODIC },
  { "active",            "suspended",         JZ_PERMISSION_DECIDE, TRUE,  SCOPE_ALL },
  { "active",            "terminated",        JZ_PERMISSION_DECIDE, TRUE,  SCOPE_ALL },
  { "suspended",         "active",            JZ_PERMISSION_DECIDE, FALSE, SCOPE_ALL },
  { "suspended",         "terminated",        JZ_PERMISSION_DECIDE, TRUE,  SCOPE_ALL },
  { "accepted",          "approved",          JZ_PERMISSION_DECIDE, FALSE, SCOPE_TEMPORARY },
  { "submitted",         "approved",          JZ_PERMISSION_DECIDE, FALSE, SCOPE_EMERGENCY },
};

/* The states before the decision, from which an application can be
 * rejected or withdrawn. */
static const char * const undecided[] = {
  "draft", "submitted", "accepted", "investigating", "village_notice", "township_reviewed", NULL
};

const char * const *
jz_workflow_statuses (void)
{
  return statuses;
}

gboolean
jz_workflow_is_status (const char *status)
{
  return status != NULL && g_strv_contains (statuses, status);
}

gboolean
jz_workflow_is_tekun (const char *program)
{
  return g_strcmp0 (program, "tekun_dispersed") == 0 || g_strcmp0 (program, "tekun_centralized") == 0;
}

gboolean
jz_workflow_is_dibao (const char *program)
{
  return g_strcmp0 (program, "dibao_urban") == 0 || g_strcmp0 (program, "dibao_rural") == 0;
}

gboolean
jz_workflow_is_temporary (const char *program)
{
  return g_strcmp0 (program, "temporary") == 0;
}

static gboolean
in_scope (Scope       scope,
          const char *program,
          gboolean    emergency)
{
  switch (scope)
    {
    case SCOPE_ALL:
      return TRUE;
    case SCOPE_PERIODIC:
      return !jz_workflow_is_temporary (program);
    case SCOPE_TEMPORARY:
      return jz_workflow_is_temporary (program);
    case SCOPE_EMERGENCY:
      return jz_workflow_is_temporary (program) && emergency;
    default:
      g_assert_not_reached ();
    }
}

guint
jz_workflow_forward_permissions (const char *program,
                                 gboolean    emergency,
                                 const char *from)
{
  guint permissions = 0;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (g_strcmp0 (steps[i].from, from) == 0 && in_scope (steps[i].scope, program, emergency))
      permissions |= JZ_PERMISSION_BIT (steps[i].permission);

  return permissions;
}

/**
 * jz_workflow_lookup:
 *
 * Rejection is taken by whoever may take the next step forward: the
 * township until its review, the county after it.  Withdrawal is recorded
 * by the township, or by the county where it holds the case.
 *
 * Returns: whether @from → @to is a step for @program
 */
gboolean
jz_workflow_lookup (const char *program,
                    gboolean    emergency,
                    const char *from,
                    const char *to,
                    guint      *permissions,
                    gboolean   *needs_reason)
{
  guint perms = 0;
  gboolean reason = FALSE;

  if (!jz_workflow_is_status (from) || !jz_workflow_is_status (to))
    return FALSE;

  if (g_str_equal (to, "rejected") || g_str_equal (to, "withdrawn"))
    {
      if (!g_strv_contains (undecided, from))
        return FALSE;
      perms = jz_workflow_forward_permissions (program, emergency, from);
      if (g_str_equal (to, "withdrawn"))
        perms |= JZ_PERMISSION_BIT (JZ_PERMISSION_APPLY);
      reason = TRUE;
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
        if (g_str_equal (steps[i].from, from) && g_str_equal (steps[i].to, to) &&
            in_scope (steps[i].scope, program, emergency))
          {
            perms = JZ_PERMISSION_BIT (steps[i].permission);
            reason = steps[i].needs_reason;
            break;
          }
    }

  if (perms == 0)
    return FALSE;

  if (permissions != NULL)
    *permissions = perms;
  if (needs_reason != NULL)
    *needs_reason = reason;
  return TRUE;
}

gboolean
jz_workflow_user_may (const JzUser *user,
                      guint         permissions,
                      gint64        township_id)
{
  for (JzPermission p = JZ_PERMISSION_READ; p <= JZ_PERMISSION_EXPORT; p++)
    if ((permissions & JZ_PERMISSION_BIT (p)) != 0 && jz_user_can (user, p, township_id))
      return TRUE;

  return FALSE;
}

/* Refused: the sentence of the permission the user is likeliest to have
 * expected, the township's for a clerk. */
gboolean
jz_workflow_check_user (const JzUser  *user,
                        guint          permissions,
                        gint64         township_id,
                        GError       **error)
{
  JzPermission shown;

  if (jz_workflow_user_may (user, permissions, township_id))
    return TRUE;

  if ((permissions & JZ_PERMISSION_BIT (JZ_PERMISSION_APPLY)) != 0 &&
      (user->role == JZ_ROLE_CLERK || (permissions & JZ_PERMISSION_BIT (JZ_PERMISSION_DECIDE)) == 0))
    shown = JZ_PERMISSION_APPLY;
  else if ((permissions & JZ_PERMISSION_BIT (JZ_PERMISSION_DECIDE)) != 0)
    shown = JZ_PERMISSION_DECIDE;
  else
    shown = (JzPermission) g_bit_nth_lsf (permissions, -1);

  if (jz_user_check (user, shown, township_id, error))
    {
      /* Cannot happen: jz_user_can() said no above. */
      g_set_error_literal (error, JZ_USER_ERROR, JZ_USER_ERROR_DENIED,
                           _("Your role may not take this step."));
    }

  return FALSE;
}

gboolean
jz_workflow_may (const JzUser     *user,
                 const JzCaseFlow *flow,
                 const char       *to)
{
  guint permissions = 0;

  g_return_val_if_fail (flow != NULL, FALSE);

  return jz_workflow_lookup (flow->program, flow->emergency, flow->status, to, &permissions, NULL) &&
         jz_workflow_user_may (user, permissions, flow->township_id);
}

/**
 * jz_workflow_next_statuses:
 *
 * Returns: (transfer full): the statuses @user may move @flow to
 */
char **
jz_workflow_next_statuses (const JzUser     *user,
                           const JzCaseFlow *flow)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (flow != NULL, NULL);

  for (guint i = 0; statuses[i] != NULL; i++)
    if (jz_workflow_may (user, flow, statuses[i]))
      g_strv_builder_add (builder, statuses[i]);

  return g_strv_builder_end (builder);
}

static gboolean
past (const char *date,
      const char *today)
{
  return date != NULL && today != NULL && g_strcmp0 (today, date) > 0;
}

/**
 * jz_workflow_overdue:
 *
 * An application is overdue when the deadline of the step it waits for,
 * or of the whole process before the decision, has passed; an active
 * case when its review date has.  The due day itself is not overdue.
 */
gboolean
jz_workflow_overdue (const JzCaseFlow *flow,
                     const char       *today)
{
  g_return_val_if_fail (flow != NULL, FALSE);

  if (g_strv_contains (undecided, flow->status) && !g_str_equal (flow->status, "draft"))
    return past (flow->step_due_on, today) || past (flow->process_due_on, today);

  if (g_strcmp0 (flow->status, "approved") == 0)
    return past (flow->step_due_on, today);

  if (g_strcmp0 (flow->status, "active") == 0)
    return past (flow->next_review_on, today);

  return FALSE;
}

/**
 * jz_workflow_rules_load:
 * @on_date: the day of the step
 * @township_id: the case's township, 0 for none: its own values count first
 *
 * Reads every number of the rules in force on @on_date, in one query.
 * The values are bounded by jz_standard_set(), so they fit an int.
 */
gboolean
jz_workflow_rules_load (JzDb             *db,
                        const char       *on_date,
                        gint64            township_id,
                        JzWorkflowRules  *rules,
                        GError          **error)
{
  JzStandardValues values;

  g_return_val_if_fail (JZ_IS_DB (db), FALSE);
  g_return_val_if_fail (rules != NULL, FALSE);

  if (!jz_standard_values_resolve (db, on_date, JZ_STANDARD_HUKOU_ANY, township_id, &values, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (rule_kinds); i++)
    {
      gint64 value;

      if (!jz_standard_values_need (&values, rule_kinds[i].kind, on_date, &value, error))
        return FALSE;
      G_STRUCT_MEMBER (int, rules, rule_kinds[i].offset) = (int) CLAMP (value, 0, G_MAXINT);
    }

  return TRUE;
}

/**
 * jz_workflow_review_months:
 *
 * Returns: the months from one review of @flow to the next: dibao
 *   yearly or, with unstable income, half-yearly, tekun yearly, by
 *   default; 0 for the programs without a periodic review
 */
int
jz_workflow_review_months (const JzCaseFlow      *flow,
                           const JzWorkflowRules *rules)
{
  if (jz_workflow_is_dibao (flow->program))
    return flow->unstable_income ? rules->unstable_review_months : rules->review_months;
  if (jz_workflow_is_tekun (flow->program))
    return rules->tekun_review_months;
  return 0;
}

static gboolean
has_reviews (const JzCaseFlow *flow)
{
  return jz_workflow_is_dibao (flow->program) || jz_workflow_is_tekun (flow->program);
}

/**
 * jz_workflow_next_review:
 * @next: (out) (transfer full) (nullable): the review date after @from,
 *   %NULL for the programs without a periodic review
 *
 * Reads the standards only for a program with reviews.
 */
gboolean
jz_workflow_next_review (JzDb              *db,
                         const JzCaseFlow  *flow,
                         const char        *from,
                         char             **next,
                         GError           **error)
{
  JzWorkflowRules rules;
  GDate date;

  *next = NULL;
  if (!has_reviews (flow))
    return TRUE;

  if (!jz_workflow_rules_load (db, from, flow->township_id, &rules, error))
    return FALSE;

  jz_calendar_parse_date (from, &date);
  g_date_add_months (&date, (guint) jz_workflow_review_months (flow, &rules));
  *next = jz_calendar_format_date (&date);
  return TRUE;
}

/* --- reading ------------------------------------------------------------ */

void
jz_case_flow_free (JzCaseFlow *flow)
{
  if (flow == NULL)
    return;

  g_free (flow->head_name);
  g_free (flow->program);
  g_free (flow->status);
  g_free (flow->applied_on);
  g_free (flow->accepted_on);
  g_free (flow->investigated_on);
  g_free (flow->notice_from);
  g_free (flow->notice_to);
  g_free (flow->reviewed_on);
  g_free (flow->decided_on);
  g_free (flow->starts_on);
  g_free (flow->ended_on);
  g_free (flow->end_reason);
  g_free (flow->reason);
  g_free (flow->step_due_on);
  g_free (flow->process_due_on);
  g_free (flow->process_limit_on);
  g_free (flow->next_review_on);
  g_free (flow->emergency_reviewed_on);
  g_free (flow->temp_kind);
  g_free (flow);
}

JzCaseFlow *
jz_case_flow_copy (const JzCaseFlow *flow)
{
  JzCaseFlow *copy = g_memdup2 (flow, sizeof *flow);

  copy->head_name = g_strdup (flow->head_name);
  copy->program = g_strdup (flow->program);
  copy->status = g_strdup (flow->status);
  copy->applied_on = g_strdup (flow->applied_on);
  copy->accepted_on = g_strdup (flow->accepted_on);
  copy->investigated_on = g_strdup (flow->investigated_on);
  copy->notice_from = g_strdup (flow->notice_from);
  copy->notice_to = g_strdup (flow->notice_to);
  copy->reviewed_on = g_strdup (flow->reviewed_on);
  copy->decided_on = g_strdup (flow->decided_on);
  copy->starts_on = g_strdup (flow->starts_on);
  copy->ended_on = g_strdup (flow->ended_on);
  copy->end_reason = g_strdup (flow->end_reason);
  copy->reason = g_strdup (flow->reason);
  copy->step_due_on = g_strdup (flow->step_due_on);
  copy->process_due_on = g_strdup (flow->process_due_on);
  copy->process_limit_on = g_strdup (flow->process_limit_on);
  copy->next_review_on = g_strdup (flow->next_review_on);
  copy->emergency_reviewed_on = g_strdup (flow->emergency_reviewed_on);
  copy->temp_kind = g_strdup (flow->temp_kind);

  return copy;
}

JzCaseFlow *
jz_case_flow_from_row (sqlite3_stmt *stmt,
                       int           first)
{
  JzCaseFlow *flow = g_new0 (JzCaseFlow, 1);
  int i = first;

  flow->id = sqlite3_column_int64 (stmt, i++);
  flow->household_id = sqlite3_column_int64 (stmt, i++);
  flow->person_id = sqlite3_column_int64 (stmt, i++);
  flow->township_id = sqlite3_column_int64 (stmt, i++);
  flow->head_name = jz_db_column_dup (stmt, i++);
  flow->program = jz_db_column_dup (stmt, i++);
  flow->status = jz_db_column_dup (stmt, i++);
  flow->applied_on = jz_db_column_dup (stmt, i++);
  flow->accepted_on = jz_db_column_dup (stmt, i++);
  flow->investigated_on = jz_db_column_dup (stmt, i++);
  flow->notice_from = jz_db_column_dup (stmt, i++);
  flow->notice_to = jz_db_column_dup (stmt, i++);
  flow->reviewed_on = jz_db_column_dup (stmt, i++);
  flow->decided_on = jz_db_column_dup (stmt, i++);
  flow->starts_on = jz_db_column_dup (stmt, i++);
  flow->ended_on = jz_db_column_dup (stmt, i++);
  flow->end_reason = jz_db_column_dup (stmt, i++);
  flow->reason = jz_db_column_dup (stmt, i++);
  flow->step_due_on = jz_db_column_dup (stmt, i++);
  flow->process_due_on = jz_db_column_dup (stmt, i++);
  flow->process_limit_on = jz_db_column_dup (stmt, i++);
  flow->next_review_on = jz_db_column_dup (stmt, i++);
  flow->emergency_reviewed_on = jz_db_column_dup (stmt, i++);
  flow->temp_kind = jz_db_column_dup (stmt, i++);
  flow->temp_multiple_bp = sqlite3_column_int64 (stmt, i++);
  flow->unstable_income = sqlite3_column_int (stmt, i++) != 0;
  flow->emergency = sqlite3_column_int (stmt, i++) != 0;
  flow->sampled = sqlite3_column_int (stmt, i++) != 0;
  flow->persons = sqlite3_column_int (stmt, i++);
  flow->monthly_amount = sqlite3_column_int64 (stmt, i++);
  flow->version = sqlite3_column_int64 (stmt, i++);

  g_assert (i == first + JZ_CASE_FLOW_N_COLUMNS);
  return flow;
}

JzCaseFlow *
jz_case_flow_get (JzDb    *db,
                  gint64   case_id,
                  GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  stmt = jz_db_prepare (db, "SELECT " JZ_CASE_FLOW_COLUMNS JZ_CASE_FLOW_FROM "WHERE c.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return jz_case_flow_from_row (stmt, 0);

  if (rc == SQLITE_DONE)
    g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_NOT_FOUND,
                         _("This case is no longer in the database."));
  else
    jz_db_set_error (db, rc, error);

  return NULL;
}

gboolean
jz_case_flow_foreach (JzDb            *db,
                      const char      *status,
                      const char      *program,
                      gint64           township_id,
                      JzCaseFlowFunc   func,
                      gpointer         user_data,
                      GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (JZ_IS_DB (db), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  stmt = jz_db_prepare (db,
                        "SELECT " JZ_CASE_FLOW_COLUMNS JZ_CASE_FLOW_FROM
                        "WHERE (?1 IS NULL OR c.status = ?1) AND (?2 IS NULL OR c.program = ?2) "
                        "AND (?3 = 0 OR hs.township_id = ?3) ORDER BY c.id",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, status, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, program, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, township_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(JzCaseFlow) flow = jz_case_flow_from_row (stmt, 0);

      if (!func (flow, user_data))
        return TRUE;
    }

  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return FALSE;
    }

  return TRUE;
}
