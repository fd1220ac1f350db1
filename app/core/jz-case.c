/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-case.h"
#include "jz-db-private.h"
#include "jz-calendar.h"
#include "jz-labels.h"
#include "jz-workflow-private.h"

#define CASE_COLUMNS \
  "c.id, c.household_id, c.person_id, p.name, p.relation, c.program, g.name, g.name_zh, g.unit, c.status, " \
  "c.applied_on, c.decided_on, c.starts_on, c.ended_on, c.end_reason, c.persons, c.monthly_amount, c.version, " \
  JZ_WORKFLOW_OVERDUE_SQL

#define CASE_FROM \
  " FROM cases c JOIN programs g ON g.code = c.program LEFT JOIN persons p ON p.id = c.person_id "

void
jz_case_free (JzCase *self)
{
  if (self == NULL)
    return;

  g_free (self->person_name);
  g_free (self->person_relation);
  g_free (self->program);
  g_free (self->program_name);
  g_free (self->program_name_zh);
  g_free (self->unit);
  g_free (self->status);
  g_free (self->applied_on);
  g_free (self->decided_on);
  g_free (self->starts_on);
  g_free (self->ended_on);
  g_free (self->end_reason);
  g_free (self);
}

void
jz_case_step_free (JzCaseStep *step)
{
  if (step == NULL)
    return;

  g_free (step->on_date);
  g_free (step->from_status);
  g_free (step->status);
  g_free (step->at);
  g_free (step->note);
  g_free (step->user_name);
  g_free (step->breakdown);
  g_free (step);
}

/* For the overdue mark of CASE_COLUMNS. */
static void
bind_today (sqlite3_stmt *stmt)
{
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":today"), jz_today (), -1, g_free);
}

static JzCase *
case_from_row (sqlite3_stmt *stmt)
{
  JzCase *self = g_new0 (JzCase, 1);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->household_id = sqlite3_column_int64 (stmt, 1);
  self->person_id = sqlite3_column_int64 (stmt, 2);
  self->person_name = jz_db_column_dup (stmt, 3);
  self->person_relation = jz_db_column_dup (stmt, 4);
  self->program = jz_db_column_dup (stmt, 5);
  self->program_name = jz_db_column_dup (stmt, 6);
  self->program_name_zh = jz_db_column_dup (stmt, 7);
  self->unit = jz_db_column_dup (stmt, 8);
  self->status = jz_db_column_dup (stmt, 9);
  self->applied_on = jz_db_column_dup (stmt, 10);
  self->decided_on = jz_db_column_dup (stmt, 11);
  self->starts_on = jz_db_column_dup (stmt, 12);
  self->ended_on = jz_db_column_dup (stmt, 13);
  self->end_reason = jz_db_column_dup (stmt, 14);
  self->persons = sqlite3_column_int (stmt, 15);
  self->monthly_amount = sqlite3_column_int64 (stmt, 16);
  self->version = sqlite3_column_int64 (stmt, 17);
  self->overdue = sqlite3_column_int (stmt, 18) != 0;

  return self;
}

JzCase *
jz_case_get (JzDb        *db,
             gint64       id,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  stmt = jz_db_prepare (db, "SELECT " CASE_COLUMNS CASE_FROM "WHERE c.id = :id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":id"), id);
  bind_today (stmt);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return case_from_row (stmt);

  if (rc == SQLITE_DONE)
    g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_NOT_FOUND,
                         _("This case is no longer in the database."));
  else
    jz_db_set_error (db, rc, error);

  return NULL;
}

/**
 * jz_case_list_for_household:
 *
 * Returns: (transfer full) (element-type JzCase): the cases of one
 *   household file, the latest application first
 */
GPtrArray *
jz_case_list_for_household (JzDb        *db,
                            gint64       household_id,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  int rc;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  stmt = jz_db_prepare (db,
                        "SELECT " CASE_COLUMNS CASE_FROM
                        "WHERE c.household_id = :id ORDER BY c.applied_on DESC, c.id DESC",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":id"), household_id);
  bind_today (stmt);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) jz_case_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, case_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&list);
}

/**
 * jz_case_list_history:
 *
 * Returns: (transfer full) (element-type JzCaseStep): the case's steps and
 *   changes, oldest first
 */
GPtrArray *
jz_case_list_history (JzDb        *db,
                      gint64       case_id,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  int rc;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  stmt = jz_db_prepare (db,
                        "SELECT id, case_id, on_date, status, monthly_amount, note, user_name, "
                        "from_status, at, breakdown "
                        "FROM case_history WHERE case_id = ? ORDER BY on_date, id",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) jz_case_step_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JzCaseStep *step = g_new0 (JzCaseStep, 1);

      step->id = sqlite3_column_int64 (stmt, 0);
      step->case_id = sqlite3_column_int64 (stmt, 1);
      step->on_date = jz_db_column_dup (stmt, 2);
      step->status = jz_db_column_dup (stmt, 3);
      step->monthly_amount = sqlite3_column_int64 (stmt, 4);
      step->note = jz_db_column_dup (stmt, 5);
      step->user_name = jz_db_column_dup (stmt, 6);
      step->from_status = jz_db_column_dup (stmt, 7);
      step->at = jz_db_column_dup (stmt, 8);
      step->breakdown = jz_db_column_dup (stmt, 9);
      g_ptr_array_add (list, step);
    }

  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&list);
}

/**
 * jz_case_get_program_label:
 *
 * The programs table holds the official Chinese name beside an English
 * one; the Chinese one is shown when the interface speaks Chinese.
 *
 * Returns: (transfer none): the program's name in the interface language
 */
const char *
jz_case_get_program_label (const JzCase *self)
{
  const char * const *languages = g_get_language_names ();

  g_return_val_if_fail (self != NULL, NULL);

  if (languages[0] != NULL && g_str_has_prefix (languages[0], "zh") && self->program_name_zh != NULL)
    return self->program_name_zh;

  return self->program_name != NULL ? self->program_name : self->program;
}

/**
 * jz_case_status_is_open:
 *
 * Returns: whether a case in @status is still running or being decided
 */
gboolean
jz_case_status_is_open (const char *status)
{
  return status != NULL &&
         g_strcmp0 (status, "terminated") != 0 &&
         g_strcmp0 (status, "rejected") != 0 &&
         g_strcmp0 (status, "withdrawn") != 0;
}

/**
 * jz_case_status_label:
 *
 * Returns: the translated name of a case status, or @status itself when it
 *   is not known
 */
const char *
jz_case_status_label (const char *status)
{
  return jz_labels_value (JZ_FIELD_CASE_STATUS, status);
}
