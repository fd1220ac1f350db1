/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Visits to dispersed tekun recipients and the evaluations of their
 * caregivers. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-audit.h"
#include "jz-calendar.h"
#include "jz-care-private.h"

JzCareVisit *
jz_care_visit_new (void)
{
  JzCareVisit *self = g_new0 (JzCareVisit, 1);

  self->method = g_strdup ("home");
  self->findings = g_strdup ("");
  self->follow_up = g_strdup ("");
  return self;
}

void
jz_care_visit_free (JzCareVisit *self)
{
  if (self == NULL)
    return;
  g_free (self->visited_on);
  g_free (self->visitors);
  g_free (self->method);
  g_free (self->findings);
  g_free (self->follow_up);
  g_free (self->follow_up_due);
  g_free (self->follow_up_done);
  g_free (self);
}

JzCareEvaluation *
jz_care_evaluation_new (void)
{
  JzCareEvaluation *self = g_new0 (JzCareEvaluation, 1);

  self->satisfaction = 5;
  self->neighbours = 3;
  self->village = 3;
  self->opinion = g_strdup ("");
  return self;
}

void
jz_care_evaluation_free (JzCareEvaluation *self)
{
  if (self == NULL)
    return;
  g_free (self->period_from);
  g_free (self->period_to);
  g_free (self->evaluated_on);
  g_free (self->result);
  g_free (self->opinion);
  g_free (self->evaluator);
  g_free (self);
}

static gboolean
empty (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* ---- visits ---------------------------------------------------------------- */

static gboolean
visit_add_cb (JzDb     *db,
              gpointer  user_data,
              GError  **error)
{
  JzCareVisit *v = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  /* The agreement in force on the day, if any. */
  stmt = jz_db_prepare (db,
                        "INSERT INTO care_visits (person_id, agreement_id, visited_on, visitors, method, checks, findings, "
                        "follow_up, follow_up_due) VALUES (?1, (SELECT id FROM care_agreements WHERE person_id = ?1 "
                        "AND status IN ('active', 'expired', 'terminated') AND starts_on <= ?2 "
                        "AND coalesce (ended_on, ends_on) >= ?2 ORDER BY starts_on DESC LIMIT 1), ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, v->person_id);
  sqlite3_bind_text (stmt, 2, v->visited_on, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, v->visitors, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, v->method, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, (int) v->checks);
  sqlite3_bind_text (stmt, 6, v->findings != NULL ? v->findings : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, v->follow_up != NULL ? v->follow_up : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, v->follow_up_due, -1, SQLITE_STATIC);
  if (!jz_db_step_done (db, stmt, error))
    return FALSE;
  v->id = sqlite3_last_insert_rowid (jz_db_get_handle (db));
  v->version = 1;
  return jz_audit_record_change (db, "care_visits", v->id, "insert", NULL, error);
}

/**
 * jz_care_visit_add:
 * @visit: person, date, visitors, method, checks, findings and a
 *   follow-up with its due date if any; id and version are filled in
 */
gint64
jz_care_visit_add (JzDb         *db,
                   JzCareVisit  *visit,
                   GError      **error)
{
  g_autofree char *today = jz_today ();

  g_return_val_if_fail (JZ_IS_DB (db), 0);
  g_return_val_if_fail (visit != NULL, 0);

  if (!jz_care_check_day (visit->visited_on, _("the date of the visit"), error))
    return 0;
  if (g_strcmp0 (visit->visited_on, today) > 0)
    return jz_care_invalid (error, _("A visit is recorded after it took place: the date is in the future.")), 0;
  if (empty (visit->visitors))
    return jz_care_invalid (error, _("Name who visited.")), 0;
  if (g_strcmp0 (visit->method, "home") != 0 && g_strcmp0 (visit->method, "phone") != 0)
    return jz_care_invalid (error, _("A visit is made at home or by phone.")), 0;
  if (visit->checks & ~(guint) JZ_CARE_ALL_CHECKS)
    return jz_care_invalid (error, _("A visit checks seven things only.")), 0;
  if (visit->follow_up_due != NULL && *visit->follow_up_due != '\0')
    {
      if (!jz_care_check_day (visit->follow_up_due, _("the day the follow-up is due"), error))
        return 0;
      if (empty (visit->follow_up))
        return jz_care_invalid (error, _("Say what is to be followed up by the day given.")), 0;
      if (g_strcmp0 (visit->follow_up_due, visit->visited_on) < 0)
        return jz_care_invalid (error, _("A follow-up is due after the visit.")), 0;
    }
  else
    g_clear_pointer (&visit->follow_up_due, g_free);
  if (!jz_user_check_person (db, JZ_PERMISSION_EDIT_FILES, visit->person_id, error))
    return 0;
  if (jz_care_case_of (db, visit->person_id) == 0)
    {
      g_set_error_literal (error, JZ_CARE_ERROR, JZ_CARE_ERROR_NOT_RECIPIENT,
                           _("This person receives no support as a dispersed extreme-poverty recipient; care is recorded for those who do."));
      return 0;
    }

  if (!jz_db_write (db, visit_add_cb, visit, error))
    {
      visit->id = 0;
      return 0;
    }
  return visit->id;
}

GPtrArray *
jz_care_visit_list (JzDb     *db,
                    gint64    person_id,
                    GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) jz_care_visit_free);
  int rc;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  stmt = jz_db_prepare (db,
                        "SELECT id, person_id, coalesce (agreement_id, 0), visited_on, visitors, method, checks, findings, "
                        "follow_up, follow_up_due, follow_up_done, version FROM care_visits WHERE person_id = ? "
                        "ORDER BY visited_on DESC, id DESC",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JzCareVisit *v = g_new0 (JzCareVisit, 1);

      v->id = sqlite3_column_int64 (stmt, 0);
      v->person_id = sqlite3_column_int64 (stmt, 1);
      v->agreement_id = sqlite3_column_int64 (stmt, 2);
      v->visited_on = jz_db_column_dup (stmt, 3);
      v->visitors = jz_db_column_dup (stmt, 4);
      v->method = jz_db_column_dup (stmt, 5);
      v->checks = (guint) sqlite3_column_int (stmt, 6);
      v->findings = jz_db_column_dup (stmt, 7);
      v->follow_up = jz_db_column_dup (stmt, 8);
      v->follow_up_due = jz_db_column_dup (stmt, 9);
      v->follow_up_done = jz_db_column_dup (stmt, 10);
      v->version = sqlite3_column_int64 (stmt, 11);
      g_ptr_array_add (list, v);
    }
  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* ---- evaluations ------------------------------------------------------------ */

static gboolean
evaluation_add_cb (JzDb     *db,
                   gpointer  user_data,
                   GError  **error)
{
  JzCareEvaluation *e = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = jz_db_prepare (db,
                        "INSERT INTO care_evaluations (agreement_id, period_from, period_to, evaluated_on, satisfaction, "
                        "neighbours, village, score, result, opinion, evaluator) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, e->agreement_id);
  sqlite3_bind_text (stmt, 2, e->period_from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, e->period_to, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, e->evaluated_on, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, e->satisfaction);
  sqlite3_bind_int (stmt, 6, e->neighbours);
  sqlite3_bind_int (stmt, 7, e->village);
  sqlite3_bind_int (stmt, 8, e->score);
  sqlite3_bind_text (stmt, 9, e->result, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, e->opinion != NULL ? e->opinion : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, e->evaluator, -1, SQLITE_STATIC);
  if (!jz_db_step_done (db, stmt, error))
    return FALSE;
  e->id = sqlite3_last_insert_rowid (jz_db_get_handle (db));
  e->version = 1;
  return jz_audit_record_change (db, "care_evaluations", e->id, "insert", NULL, error);
}

/**
 * jz_care_evaluation_add:
 * @evaluation: the agreement, the period, the day, the three opinions and
 *   who evaluated; score, result, id and version are filled in
 *
 * A fail asks for the caregiver to be replaced: the agreement shows as
 * failed until it has ended (jz_care_agreement_replace()).
 */
gint64
jz_care_evaluation_add (JzDb              *db,
                        JzCareEvaluation  *evaluation,
                        GError           **error)
{
  g_autoptr(JzCareAgreement) agreement = NULL;
  const char *result = NULL;

  g_return_val_if_fail (JZ_IS_DB (db), 0);
  g_return_val_if_fail (evaluation != NULL, 0);

  if (!jz_care_check_day (evaluation->period_from, _("the first day of the period evaluated"), error) ||
      !jz_care_check_day (evaluation->period_to, _("the last day of the period evaluated"), error) ||
      !jz_care_check_day (evaluation->evaluated_on, _("the date of the evaluation"), error))
    return 0;
  if (g_strcmp0 (evaluation->period_to, evaluation->period_from) < 0)
    return jz_care_invalid (error, _("The period evaluated ends after it starts.")), 0;
  if (evaluation->satisfaction < 1 || evaluation->satisfaction > 5)
    return jz_care_invalid (error, _("Give the recipient’s satisfaction on the scale of five.")), 0;
  if (evaluation->neighbours < 1 || evaluation->neighbours > 3 || evaluation->village < 1 || evaluation->village > 3)
    return jz_care_invalid (error, _("Give the neighbours’ and the village committee’s opinions as good, fair or poor.")), 0;
  if (empty (evaluation->evaluator))
    return jz_care_invalid (error, _("Name who evaluated the caregiver.")), 0;

  agreement = jz_care_agreement_get (db, evaluation->agreement_id, error);
  if (agreement == NULL || !jz_user_check_person (db, JZ_PERMISSION_EDIT_FILES, agreement->person_id, error))
    return 0;
  if (g_str_equal (agreement->status, "draft"))
    {
      g_set_error_literal (error, JZ_CARE_ERROR, JZ_CARE_ERROR_STATE, _("A draft agreement has no care to evaluate yet."));
      return 0;
    }

  evaluation->score = jz_care_evaluation_score (evaluation->satisfaction, evaluation->neighbours,
                                                evaluation->village, &result);
  g_free (evaluation->result);
  evaluation->result = g_strdup (result);
  if (!jz_db_write (db, evaluation_add_cb, evaluation, error))
    {
      evaluation->id = 0;
      return 0;
    }
  return evaluation->id;
}

/**
 * jz_care_evaluation_list:
 *
 * Returns: (transfer full) (element-type JzCareEvaluation): the
 *   evaluations of all of a recipient's agreements, the newest first
 */
GPtrArray *
jz_care_evaluation_list (JzDb     *db,
                         gint64    person_id,
                         GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) jz_care_evaluation_free);
  int rc;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  stmt = jz_db_prepare (db,
                        "SELECT e.id, e.agreement_id, e.period_from, e.period_to, e.evaluated_on, e.satisfaction, "
                        "e.neighbours, e.village, e.score, e.result, e.opinion, e.evaluator, e.version "
                        "FROM care_evaluations e JOIN care_agreements a ON a.id = e.agreement_id "
                        "WHERE a.person_id = ? ORDER BY e.period_to DESC, e.id DESC",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JzCareEvaluation *e = g_new0 (JzCareEvaluation, 1);

      e->id = sqlite3_column_int64 (stmt, 0);
      e->agreement_id = sqlite3_column_int64 (stmt, 1);
      e->period_from = jz_db_column_dup (stmt, 2);
      e->period_to = jz_db_column_dup (stmt, 3);
      e->evaluated_on = jz_db_column_dup (stmt, 4);
      e->satisfaction = sqlite3_column_int (stmt, 5);
      e->neighbours = sqlite3_column_int (stmt, 6);
      e->village = sqlite3_column_int (stmt, 7);
      e->score = sqlite3_column_int (stmt, 8);
      e->result = jz_db_column_dup (stmt, 9);
      e->opinion = jz_db_column_dup (stmt, 10);
      e->evaluator = jz_db_column_dup (stmt, 11);
      e->version = sqlite3_column_int64 (stmt, 12);
      g_ptr_array_add (list, e);
    }
  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}
