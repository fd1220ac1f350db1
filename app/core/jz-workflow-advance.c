/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The steps of the workflow: new applications, status changes, reviews
 * and the county's tekun sample.  Each one is a single transaction. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-audit.h"
#include "jz-benefit.h"
#include "jz-calendar.h"
#include "jz-labels.h"
#include "jz-workflow-private.h"

/* --- shared by the steps -------------------------------------------------- */

/* g_set_str() comes with GLib 2.76. */
void
jz_workflow_set_str (char       **field,
                     const char  *value)
{
  if (*field == value)
    return;
  g_free (*field);
  *field = g_strdup (value);
}

static const char *
actor_name (JzDb         *db,
            const JzUser *user)
{
  return user != NULL && user->name != NULL ? user->name : jz_db_get_user_name (db);
}

/* The case as it is inside the write transaction; a conflict when it is
 * no longer at @version (0: any). */
JzCaseFlow *
jz_workflow_load_for_write (JzDb     *db,
                            gint64    case_id,
                            gint64    version,
                            GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JzCaseFlow) flow = jz_case_flow_get (db, case_id, &local_error);

  if (flow == NULL)
    {
      if (version != 0 && g_error_matches (local_error, JZ_DB_ERROR, JZ_DB_ERROR_NOT_FOUND))
        jz_db_set_conflict_error (db, "cases", case_id, error);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (version != 0 && flow->version != version)
    {
      jz_db_set_conflict_error (db, "cases", case_id, error);
      return NULL;
    }

  return g_steal_pointer (&flow);
}

gboolean
jz_workflow_require_reason (const char  *note,
                            GError     **error)
{
  if (note != NULL && *note != '\0')
    return TRUE;

  g_set_error_literal (error, JZ_WORKFLOW_ERROR, JZ_WORKFLOW_ERROR_REASON,
                       _("Write down the reason: rejecting, withdrawing, suspending, ending or changing assistance needs one."));
  return FALSE;
}

static gboolean
check_not_future (const char  *on_date,
                  const char  *today,
                  GError     **error)
{
  if (!jz_calendar_parse_date (on_date, NULL))
    {
      g_set_error_literal (error, JZ_WORKFLOW_ERROR, JZ_WORKFLOW_ERROR_DATE,
                           _("Give the date as YYYY-MM-DD, for example 2026-01-31."));
      return FALSE;
    }

  if (g_strcmp0 (on_date, today) > 0)
    {
      g_set_error_literal (error, JZ_WORKFLOW_ERROR, JZ_WORKFLOW_ERROR_DATE,
                           _("A step cannot be dated in the future; give the day it was taken."));
      return FALSE;
    }

  return TRUE;
}

/* Steps follow each other in time: none is dated before the last one. */
gboolean
jz_workflow_check_step_date (JzDb              *db,
                             const JzCaseFlow  *flow,
                             const char        *on_date,
                             const char        *today,
                             GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *last = NULL;
  int rc;

  if (!check_not_future (on_date, today, error))
    return FALSE;

  stmt = jz_db_prepare (db, "SELECT max (on_date) FROM case_history WHERE case_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, flow->id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      jz_db_set_error (db, rc, error);
      return FALSE;
    }
  last = jz_db_column_dup (stmt, 0);
  if (last == NULL || g_strcmp0 (flow->applied_on, last) > 0)
    jz_workflow_set_str (&last, flow->applied_on);

  if (g_strcmp0 (on_date, last) < 0)
    {
      g_set_error (error, JZ_WORKFLOW_ERROR, JZ_WORKFLOW_ERROR_DATE,
                   _("A step cannot be dated before the case’s last step, on %s."), last);
      return FALSE;
    }

  return TRUE;
}

/* Writes the workflow's columns of @flow, which was read at @version. */
static gboolean
write_flow (JzDb              *db,
            const JzCaseFlow  *flow,
            GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int i = 1;

  stmt = jz_db_prepare (db,
                        "UPDATE cases SET status = ?, accepted_on = ?, investigated_on = ?, notice_from = ?, "
                        "notice_to = ?, reviewed_on = ?, decided_on = ?, starts_on = ?, ended_on = ?, "
                        "end_reason = ?, reason = ?, step_due_on = ?, process_due_on = ?, process_limit_on = ?, "
                        "next_review_on = ?, emergency_reviewed_on = ?, sampled = ?, persons = ?, "
                        "monthly_amount = ?, version = version + 1 "
                        "WHERE id = ? AND version = ?",
                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, i++, flow->status, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, i++, flow->accepted_on, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, i++, flow->investigated_on, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, i++, flow->notice_from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, i++, flow->notice_to, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, i++, flow->reviewed_on, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, i++, flow->decided_on, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, i++, flow->starts_on, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, i++, flow->ended_on, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, i++, flow->end_reason, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, i++, flow->reason, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, i++, flow->step_due_on, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, i++, flow->process_due_on, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, i++, flow->process_limit_on, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, i++, flow->next_review_on, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, i++, flow->emergency_reviewed_on, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, i++, flow->sampled ? 1 : 0);
  sqlite3_bind_int (stmt, i++, MAX (flow->persons, 1));
  sqlite3_bind_int64 (stmt, i++, flow->monthly_amount);
  sqlite3_bind_int64 (stmt, i++, flow->id);
  sqlite3_bind_int64 (stmt, i++, flow->version);

  if (!jz_db_step_versioned (db, stmt, "cases", flow->id, error))
    return FALSE;

  return TRUE;
}

static gboolean
add_history (JzDb          *db,
             const JzUser  *user,
             gint64         case_id,
             const char    *from_status,
             const char    *status,
             const char    *on_date,
             const char    *note,
             gint64         amount,
             const char    *breakdown,
             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = jz_db_prepare (db,
                        "INSERT INTO case_history (case_id, on_date, status, monthly_amount, note, user_name, "
                        "from_status, at, breakdown) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), ?)",
                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, on_date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, status, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, amount);
  sqlite3_bind_text (stmt, 5, note != NULL ? note : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, actor_name (db, user), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, from_status, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, breakdown, -1, SQLITE_STATIC);

  return jz_db_step_done (db, stmt, error);
}

/* Writes @after (read at its version), its history row and the audit
 * entry of the change since @snapshot, taken before anything changed. */
gboolean
jz_workflow_commit_step (JzDb              *db,
                         const JzUser      *user,
                         const char        *snapshot,
                         const JzCaseFlow  *before,
                         const JzCaseFlow  *after,
                         const char        *on_date,
                         const char        *note,
                         const char        *breakdown,
                         GError           **error)
{
  return write_flow (db, after, error) &&
         add_history (db, user, after->id, before->status, after->status, on_date, note,
                      after->monthly_amount, breakdown, error) &&
         jz_audit_record_change (db, "cases", after->id, "update", snapshot, error);
}

/* The row as the audit log compares it, before the step changes it. */
char *
jz_workflow_snapshot (JzDb     *db,
                      gint64    case_id,
                      GError  **error)
{
  char *snapshot = jz_audit_snapshot (db, "cases", case_id, error);

  if (snapshot == NULL && (error == NULL || *error == NULL))
    jz_db_set_conflict_error (db, "cases", case_id, error);
  return snapshot;
}

static char *
add_working_days (const JzHolidaySet  *calendar,
                  const char          *from,
                  int                  n,
                  GError             **error)
{
  char *date = jz_holiday_set_add_working_days (calendar, from, n);

  if (date == NULL)
    g_set_error_literal (error, JZ_WORKFLOW_ERROR, JZ_WORKFLOW_ERROR_DATE,
                         _("The date falls outside the years the calendar can count."));
  return date;
}

static char *
first_of_next_month (const char *on_date)
{
  GDate date;

  if (!jz_calendar_parse_date (on_date, &date))
    return NULL;

  g_date_set_day (&date, 1);
  g_date_add_months (&date, 1);
  return jz_calendar_format_date (&date);
}

/* The last day of a notice of @days calendar days from @on_date, both
 * ends included; NULL for no notice period at all. */
static char *
notice_end (const char *on_date,
            int         days)
{
  GDate date;

  if (days < 1 || !jz_calendar_parse_date (on_date, &date))
    return NULL;

  g_date_add_days (&date, (guint) days - 1);
  return jz_calendar_format_date (&date);
}

/* The benefit engine's amount for @flow on @on_date, into @flow, and its
 * breakdown as JSON. */
static gboolean
compute_amount (JzDb         *db,
                JzCaseFlow   *flow,
                const char   *on_date,
                char        **breakdown,
                GError      **error)
{
  g_autoptr(JzBenefitResult) result = jz_benefit_compute_case (db, flow->id, on_date, error);

  if (result == NULL)
    return FALSE;

  flow->monthly_amount = result->total;
  if (result->persons > 0)
    flow->persons = (int) result->persons;
  *breakdown = jz_benefit_result_to_saved_json (result);
  return TRUE;
}

/* --- a new application ------------------------------------------------------ */

typedef struct
{
  const JzUser            *user;
  gint64                   household_id;
  gint64                   person_id;
  const char              *program;
  const char              *applied_on;
  const JzCaseApplication *application;
  const char              *note;
  gint64                   case_id;
} Create;

static gboolean
check_household (JzDb     *db,
                 Create   *create,
                 GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 township_id;
  int rc;

  stmt = jz_db_prepare (db,
                        "SELECT coalesce (v.parent_id, 0), h.status FROM households h "
                        "LEFT JOIN regions v ON v.id = h.region_id WHERE h.id = ?",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, create->household_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_NOT_FOUND,
                           _("This household file is no longer in the database."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      jz_db_set_error (db, rc, error);
      return FALSE;
    }

  township_id = sqlite3_column_int64 (stmt, 0);
  if (!jz_user_check (create->user, JZ_PERMISSION_APPLY, township_id, error))
    return FALSE;

  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "open") != 0)
    {
      g_set_error_literal (error, JZ_WORKFLOW_ERROR, JZ_WORKFLOW_ERROR_APPLICATION,
                           _("Applications are taken only for open household files; this one is closed or archived."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_person (JzDb     *db,
              Create   *create,
              GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (create->person_id == 0)
    {
      if (g_strcmp0 (jz_labels_program_unit (create->program), "person") != 0)
        return TRUE;
      g_set_error_literal (error, JZ_WORKFLOW_ERROR, JZ_WORKFLOW_ERROR_APPLICATION,
                           _("This program is for one person: choose the member who applies."));
      return FALSE;
    }

  stmt = jz_db_prepare (db, "SELECT 1 FROM persons WHERE id = ? AND household_id = ? AND active = 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, create->person_id);
  sqlite3_bind_int64 (stmt, 2, create->household_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return FALSE;
    }

  g_set_error_literal (error, JZ_WORKFLOW_ERROR, JZ_WORKFLOW_ERROR_APPLICATION,
                       _("The person applying must be a current member of this household."));
  return FALSE;
}

/* One open case per household, program and person: a second application
 * would be paid twice.  A temporary payment once approved is over. */
static gboolean
check_duplicate (JzDb     *db,
                 Create   *create,
                 GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = jz_db_prepare (db,
                        "SELECT 1 FROM cases WHERE household_id = ?1 AND program = ?2 "
                        "AND coalesce (person_id, 0) = ?3 "
                        "AND status NOT IN ('terminated', 'rejected', 'withdrawn') "
                        "AND NOT (status = 'approved' AND program = 'temporary') LIMIT 1",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, create->household_id);
  sqlite3_bind_text (stmt, 2, create->program, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, create->person_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    {
      jz_db_set_error (db, rc, error);
      return FALSE;
    }

  g_set_error_literal (error, JZ_WORKFLOW_ERROR, JZ_WORKFLOW_ERROR_DUPLICATE,
                       _("This household already has an open case of this program; continue that one instead."));
  return FALSE;
}

static gboolean
create_cb (JzDb     *db,
           gpointer  user_data,
           GError  **error)
{
  Create *create = user_data;
  const JzCaseApplication *app = create->application;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int i = 1;

  if (!check_household (db, create, error) ||
      !check_person (db, create, error) ||
      !check_duplicate (db, create, error))
    return FALSE;

  stmt = jz_db_prepare (db,
                        "INSERT INTO cases (household_id, person_id, program, status, applied_on, persons, "
                        "monthly_amount, emergency, unstable_income, temp_kind, temp_multiple_bp, institution) "
                        "VALUES (?1, ?2, ?3, 'draft', ?4, "
                        "CASE WHEN ?2 IS NOT NULL THEN 1 ELSE max (1, (SELECT count(*) FROM persons "
                        "  WHERE household_id = ?1 AND active = 1)) END, "
                        "0, ?5, ?6, ?7, ?8, ?9)",
                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, i++, create->household_id);
  if (create->person_id != 0)
    sqlite3_bind_int64 (stmt, i++, create->person_id);
  else
    sqlite3_bind_null (stmt, i++);
  sqlite3_bind_text (stmt, i++, create->program, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, i++, create->applied_on, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, i++, app != NULL && app->emergency ? 1 : 0);
  sqlite3_bind_int (stmt, i++, app != NULL && app->unstable_income ? 1 : 0);
  sqlite3_bind_text (stmt, i++, app != NULL ? app->temp_kind : NULL, -1, SQLITE_STATIC);
  if (app != NULL && app->temp_multiple_bp > 0)
    sqlite3_bind_int64 (stmt, i++, app->temp_multiple_bp);
  else
    sqlite3_bind_null (stmt, i++);
  sqlite3_bind_text (stmt, i++, app != NULL ? app->institution : NULL, -1, SQLITE_STATIC);

  if (!jz_db_step_done (db, stmt, error))
    return FALSE;

  create->case_id = sqlite3_last_insert_rowid (jz_db_get_handle (db));

  return add_history (db, create->user, create->case_id, NULL, "draft", create->applied_on, create->note,
                      0, NULL, error) &&
         jz_audit_record_change (db, "cases", create->case_id, "insert", NULL, error);
}

static gboolean
check_application (const char               *program,
                   const JzCaseApplication  *app,
                   GError                  **error)
{
  if (jz_labels_program_period (program) == NULL)
    {
      g_set_error_literal (error, JZ_WORKFLOW_ERROR, JZ_WORKFLOW_ERROR_APPLICATION,
                           _("Choose the program of the application from the list."));
      return FALSE;
    }

  if (app == NULL)
    return TRUE;

  if (app->emergency && !jz_workflow_is_temporary (program))
    {
      g_set_error_literal (error, JZ_WORKFLOW_ERROR, JZ_WORKFLOW_ERROR_APPLICATION,
                           _("Only temporary assistance can be paid first and reviewed after."));
      return FALSE;
    }

  if ((app->temp_kind != NULL || app->temp_multiple_bp != 0) && !jz_workflow_is_temporary (program))
    {
      g_set_error_literal (error, JZ_WORKFLOW_ERROR, JZ_WORKFLOW_ERROR_APPLICATION,
                           _("The kind and multiple of temporary assistance belong to a temporary assistance application only."));
      return FALSE;
    }

  if (app->temp_kind != NULL && !g_str_equal (app->temp_kind, "illness") &&
      !g_str_equal (app->temp_kind, "education") && !g_str_equal (app->temp_kind, "other"))
    {
      g_set_error_literal (error, JZ_WORKFLOW_ERROR, JZ_WORKFLOW_ERROR_APPLICATION,
                           _("Choose the kind of temporary assistance: illness, education or other."));
      return FALSE;
    }

  if (app->temp_multiple_bp < 0)
    {
      g_set_error_literal (error, JZ_WORKFLOW_ERROR, JZ_WORKFLOW_ERROR_APPLICATION,
                           _("The multiple of temporary assistance must be more than zero."));
      return FALSE;
    }

  return TRUE;
}

/**
 * jz_case_create_application:
 * @person_id: the member applying, 0 for a household-level application;
 *   required for the programs paid per person
 * @applied_on: (nullable): the date of the application, %NULL for today
 * @application: (nullable): emergency, unstable income, the temporary
 *   kind and multiple, the institution, a note
 *
 * Opens an application in the draft state, with its first history row.
 *
 * Returns: the new case's id, or 0 with @error set
 */
gint64
jz_case_create_application (JzDb                    *db,
                            const JzUser            *user,
                            gint64                   household_id,
                            gint64                   person_id,
                            const char              *program,
                            const char              *applied_on,
                            const JzCaseApplication *application,
                            GError                 **error)
{
  g_autofree char *today = jz_today ();
  g_autofree char *note = NULL;
  Create create = { 0 };

  g_return_val_if_fail (JZ_IS_DB (db), 0);

  if (applied_on == NULL)
    applied_on = today;

  if (!check_application (program, application, error) ||
      !check_not_future (applied_on, today, error))
    return 0;

  note = g_strstrip (g_strdup (application != NULL && application->note != NULL ? application->note : ""));
  create.user = user;
  create.household_id = household_id;
  create.person_id = person_id;
  create.program = program;
  create.applied_on = applied_on;
  create.application = application;
  create.note = note;

  if (!jz_db_write (db, create_cb, &create, error))
    return 0;

  return create.case_id;
}

/* --- a step ------------------------------------------------------------- */

typedef struct
{
  const JzUser *user;
  gint64        case_id;
  gint64        version;
  const char   *to;
  const char   *note;
  const char   *on_date;
  const char   *today;
} Advance;

/* Does the step to @to set a deadline or a notice from the rules? */
static gboolean
step_uses_rules (const char *to,
                 gboolean    tekun)
{
  return g_str_equal (to, "accepted") ||
         (g_str_equal (to, "investigating") && tekun) ||
         g_str_equal (to, "village_notice") ||
         g_str_equal (to, "township_reviewed");
}

/* Sets the dates and deadlines of the step to @to on @after, by the rules
 * in force on the step's date @on. */
static gboolean
apply_step (JzDb         *db,
            JzCaseFlow   *after,
            const char   *to,
            const char   *on,
            const char   *note,
            char        **breakdown,
            GError      **error)
{
  JzWorkflowRules rules_on = { 0 };
  const JzWorkflowRules *rules = &rules_on;
  gboolean tekun = jz_workflow_is_tekun (after->program);
  g_autoptr(JzHolidaySet) calendar = NULL;

  if (step_uses_rules (to, tekun) &&
      !jz_workflow_rules_load (db, on, after->township_id, &rules_on, error))
    return FALSE;

  calendar = jz_holiday_set_load (db, error);
  if (calendar == NULL)
    return FALSE;

  jz_workflow_set_str (&after->status, to);

  if (g_str_equal (to, "submitted"))
    {
      g_clear_pointer (&after->step_due_on, g_free);
    }
  else if (g_str_equal (to, "accepted"))
    {
      jz_workflow_set_str (&after->accepted_on, on);
      g_clear_pointer (&after->step_due_on, g_free);
      g_clear_pointer (&after->process_due_on, g_free);
      g_clear_pointer (&after->process_limit_on, g_free);
      after->step_due_on = add_working_days (calendar, on, rules->investigation_start_days, error);
      if (after->step_due_on == NULL)
        return FALSE;
      after->process_due_on = add_working_days (calendar, on, rules->process_days, error);
      if (after->process_due_on == NULL)
        return FALSE;
      after->process_limit_on = add_working_days (calendar, on, rules->process_limit_days, error);
      if (after->process_limit_on == NULL)
        return FALSE;
    }
  else if (g_str_equal (to, "investigating"))
    {
      jz_workflow_set_str (&after->investigated_on, on);
      g_clear_pointer (&after->step_due_on, g_free);
      if (tekun)
        {
          after->step_due_on = add_working_days (calendar, on, rules->tekun_investigation_days, error);
          if (after->step_due_on == NULL)
            return FALSE;
        }
      else
        after->step_due_on = g_strdup (after->process_due_on);
    }
  else if (g_str_equal (to, "village_notice"))
    {
      jz_workflow_set_str (&after->notice_from, on);
      g_free (after->notice_to);
      after->notice_to = notice_end (on, rules->notice_days);
      jz_workflow_set_str (&after->step_due_on, after->process_due_on);
    }
  else if (g_str_equal (to, "township_reviewed"))
    {
      if (after->notice_to != NULL && g_strcmp0 (on, after->notice_to) <= 0)
        {
          g_set_error (error, JZ_WORKFLOW_ERROR, JZ_WORKFLOW_ERROR_NOTICE,
                       _("The public notice in the village runs until %s; record the township review after that day."),
                       after->notice_to);
          return FALSE;
        }
      jz_workflow_set_str (&after->reviewed_on, on);
      g_free (after->step_due_on);
      after->step_due_on = add_working_days (calendar, on,
                                             tekun ? rules->tekun_decision_days : rules->decision_days, error);
      if (after->step_due_on == NULL)
        return FALSE;
    }
  else if (g_str_equal (to, "approved"))
    {
      const char *period = jz_labels_program_period (after->program);
      gboolean periodic = g_strcmp0 (period, "month") == 0 || g_strcmp0 (period, "quarter") == 0;

      jz_workflow_set_str (&after->decided_on, on);
      g_clear_pointer (&after->starts_on, g_free);
      if (periodic)
        after->starts_on = first_of_next_month (on);
      else if (g_strcmp0 (period, "once") == 0)
        after->starts_on = g_strdup (on);

      /* What is paid from starts_on follows the standards in force then,
       * e.g. a raise from the first of the month. */
      if (!compute_amount (db, after, after->starts_on != NULL ? after->starts_on : on, breakdown, error))
        return FALSE;
      if (after->monthly_amount == 0 && g_strcmp0 (period, "none") != 0)
        {
          g_set_error_literal (error, JZ_WORKFLOW_ERROR, JZ_WORKFLOW_ERROR_NOTHING_TO_PAY,
                               _("By the standards in force the application comes to nothing to pay; reject it with the reason instead."));
          return FALSE;
        }

      /* Temporary assistance is paid once and is finished; the rest waits
       * for payment to start. */
      g_clear_pointer (&after->step_due_on, g_free);
      if (!jz_workflow_is_temporary (after->program))
        after->step_due_on = g_strdup (after->starts_on != NULL ? after->starts_on : on);
    }
  else if (g_str_equal (to, "active"))
    {
      g_clear_pointer (&after->step_due_on, g_free);
      g_clear_pointer (&after->reason, g_free);
      if (after->next_review_on == NULL &&
          !jz_workflow_next_review (db, after, on, &after->next_review_on, error))
        return FALSE;
    }
  else if (g_str_equal (to, "suspended"))
    {
      jz_workflow_set_str (&after->reason, note);
      g_clear_pointer (&after->step_due_on, g_free);
    }
  else if (g_str_equal (to, "terminated"))
    {
      jz_workflow_set_str (&after->ended_on, on);
      jz_workflow_set_str (&after->end_reason, note);
      jz_workflow_set_str (&after->reason, note);
      g_clear_pointer (&after->step_due_on, g_free);
      g_clear_pointer (&after->next_review_on, g_free);
      after->monthly_amount = 0;
    }
  else if (g_str_equal (to, "rejected"))
    {
      jz_workflow_set_str (&after->decided_on, on);
      jz_workflow_set_str (&after->reason, note);
      g_clear_pointer (&after->step_due_on, g_free);
    }
  else if (g_str_equal (to, "withdrawn"))
    {
      jz_workflow_set_str (&after->ended_on, on);
      jz_workflow_set_str (&after->reason, note);
      g_clear_pointer (&after->step_due_on, g_free);
    }
  else
    g_assert_not_reached ();

  return TRUE;
}

static gboolean
advance_cb (JzDb     *db,
            gpointer  user_data,
            GError  **error)
{
  Advance *advance = user_data;
  g_autoptr(JzCaseFlow) before = NULL;
  g_autoptr(JzCaseFlow) after = NULL;
  g_autofree char *snapshot = NULL;
  g_autofree char *breakdown = NULL;
  guint permissions = 0;
  gboolean needs_reason = FALSE;

  before = jz_workflow_load_for_write (db, advance->case_id, advance->version, error);
  if (before == NULL)
    return FALSE;
  snapshot = jz_workflow_snapshot (db, advance->case_id, error);
  if (snapshot == NULL)
    return FALSE;

  if (!jz_workflow_lookup (before->program, before->emergency, before->status, advance->to,
                           &permissions, &needs_reason))
    {
      g_set_error (error, JZ_WORKFLOW_ERROR, JZ_WORKFLOW_ERROR_TRANSITION,
                   _("A case in the state “%s” cannot be moved to “%s”."),
                   jz_labels_value (JZ_FIELD_CASE_STATUS, before->status),
                   jz_labels_value (JZ_FIELD_CASE_STATUS, advance->to));
      return FALSE;
    }

  if (!jz_workflow_check_user (advance->user, permissions, before->township_id, error))
    return FALSE;

  if (needs_reason && !jz_workflow_require_reason (advance->note, error))
    return FALSE;

  if (!jz_workflow_check_step_date (db, before, advance->on_date, advance->today, error))
    return FALSE;

  after = jz_case_flow_copy (before);
  if (!apply_step (db, after, advance->to, advance->on_date, advance->note, &breakdown, error))
    return FALSE;

  return jz_workflow_commit_step (db, advance->user, snapshot, before, after, advance->on_date, advance->note, breakdown, error);
}

gboolean
jz_case_advance_at_version (JzDb          *db,
                            const JzUser  *user,
                            gint64         case_id,
                            gint64         version,
                            const char    *to_status,
                            const char    *note,
                            const char    *on_date,
                            GError       **error)
{
  g_autofree char *today = jz_today ();
  g_autofree char *clean_note = g_strstrip (g_strdup (note != NULL ? note : ""));
  Advance advance = { 0 };

  g_return_val_if_fail (JZ_IS_DB (db), FALSE);

  if (!jz_workflow_is_status (to_status))
    {
      g_set_error (error, JZ_WORKFLOW_ERROR, JZ_WORKFLOW_ERROR_STATUS,
                   _("“%s” is not a step of the workflow; the steps are draft, submitted, accepted, investigating, village_notice, township_reviewed, approved, active, suspended, terminated, rejected and withdrawn."),
                   to_status != NULL ? to_status : "");
      return FALSE;
    }

  advance.user = user;
  advance.case_id = case_id;
  advance.version = version;
  advance.to = to_status;
  advance.note = clean_note;
  advance.on_date = on_date != NULL ? on_date : today;
  advance.today = today;

  return jz_db_write (db, advance_cb, &advance, error);
}

/**
 * jz_case_advance:
 * @note: (nullable): what the clerk writes; the reason where one is required
 * @on_date: (nullable): the day of the step, %NULL for today
 *
 * Moves a case one step on, see the table in jz-workflow.h.
 */
gboolean
jz_case_advance (JzDb          *db,
                 const JzUser  *user,
                 gint64         case_id,
                 const char    *to_status,
                 const char    *note,
                 const char    *on_date,
                 GError       **error)
{
  return jz_case_advance_at_version (db, user, case_id, 0, to_status, note, on_date, error);
}

