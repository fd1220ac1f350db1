/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-audit.h"
#include "jz-db-private.h"
#include "jz-household-archive.h"
#include "jz-household-events-private.h"
#include "jz-user.h"

static gboolean
set_household_status (JzDb        *db,
                      gint64       household_id,
                      const char  *status,
                      const char  *action,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *before = jz_audit_snapshot (db, "households", household_id, error);

  if (before == NULL)
    return FALSE;

  stmt = jz_db_prepare (db, "UPDATE households SET status = ?, version = version + 1 WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, status, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, household_id);

  if (!jz_db_step_done (db, stmt, error))
    return FALSE;

  return jz_audit_record_change (db, "households", household_id, action, before, error);
}

static gboolean
archive_cb (JzDb     *db,
            gpointer  user_data,
            GError  **error)
{
  gint64 household_id = *(gint64 *) user_data;
  g_autoptr(JzHousehold) household = jz_household_get (db, household_id, error);
  g_autoptr(sqlite3_stmt) cases = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autofree char *today = jz_household_today ();
  int rc;

  if (household == NULL)
    return FALSE;

  if (g_strcmp0 (household->status, "archived") == 0)
    {
      g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT,
                           _("This household file is already archived."));
      return FALSE;
    }

  cases = jz_db_prepare (db,
                         "SELECT 1 FROM cases WHERE household_id = ? AND status IN ('submitted', 'accepted', "
                         "'investigating', 'village_notice', 'township_reviewed', 'approved', 'active', 'suspended') "
                         "LIMIT 1",
                         error);
  if (cases == NULL)
    return FALSE;
  sqlite3_bind_int64 (cases, 1, household_id);
  rc = sqlite3_step (cases);
  if (rc == SQLITE_ROW)
    {
      g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT,
                           _("This household has a case that is still running or being decided. End or decide it before archiving the file."));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return FALSE;
    }

  /* An archived file must not hold its members' ID numbers: they leave it,
   * as they would leave a closed file, so they can be entered elsewhere. */
  members = jz_household_list_members (db, household_id, TRUE, error);
  if (members == NULL)
    return FALSE;
  for (guint i = 0; i < members->len; i++)
    {
      JzPerson *member = g_ptr_array_index (members, i);

      if (!jz_household_set_person_left (db, member->id, today, "household_closed", error))
        return FALSE;
    }

  return set_household_status (db, household_id, "archived", "archive", error);
}

/**
 * jz_household_archive:
 *
 * Archives (soft-deletes) a household file that has no case running or
 * being decided (submitted to approved, active, suspended). Its active
 * members leave it with left_reason "household_closed", so that their ID
 * numbers can be entered in another household. jz_household_unarchive()
 * undoes it.
 */
gboolean
jz_household_archive (JzDb        *db,
                      gint64       household_id,
                      GError     **error)
{
  g_return_val_if_fail (JZ_IS_DB (db), FALSE);

  if (!jz_user_check_household (db, JZ_PERMISSION_EDIT_FILES, household_id, error))
    return FALSE;

  return jz_db_write (db, archive_cb, &household_id, error);
}

/* Members that archiving took out of an open file come back, unless one
 * of them has been entered in another household meanwhile. */
static gboolean
restore_members (JzDb        *db,
                 gint64       household_id,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) members = NULL;
  g_autoptr(sqlite3_stmt) elsewhere = NULL;
  g_autoptr(sqlite3_stmt) restore = NULL;
  int rc;

  members = jz_db_prepare (db,
                           "SELECT id, id_number FROM persons "
                           "WHERE household_id = ? AND active = 0 AND left_reason = 'household_closed' ORDER BY id",
                           error);
  elsewhere = jz_db_prepare (db,
                             "SELECT p.household_id, r.name FROM persons p "
                             "JOIN households h ON h.id = p.household_id JOIN regions r ON r.id = h.region_id "
                             "WHERE p.id_number = ? AND p.active = 1",
                             error);
  restore = jz_db_prepare (db,
                           "UPDATE persons SET active = 1, left_on = NULL, left_reason = NULL, version = version + 1 "
                           "WHERE id = ?",
                           error);
  if (members == NULL || elsewhere == NULL || restore == NULL)
    return FALSE;
  sqlite3_bind_int64 (members, 1, household_id);

  while ((rc = sqlite3_step (members)) == SQLITE_ROW)
    {
      gint64 person_id = sqlite3_column_int64 (members, 0);
      g_autofree char *before = NULL;

      sqlite3_bind_text (elsewhere, 1, (const char *) sqlite3_column_text (members, 1), -1, SQLITE_TRANSIENT);
      if (sqlite3_step (elsewhere) == SQLITE_ROW)
        {
          g_set_error (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT,
                       _("A member of this file is now an active member of household No. %lld in %s, so the file cannot be restored. Record the move out of that household first."),
                       (long long) sqlite3_column_int64 (elsewhere, 0),
                       (const char *) sqlite3_column_text (elsewhere, 1));
          return FALSE;
        }
      sqlite3_reset (elsewhere);

      before = jz_audit_snapshot (db, "persons", person_id, error);
      if (before == NULL)
        return FALSE;
      sqlite3_bind_int64 (restore, 1, person_id);
      if (!jz_db_step_done (db, restore, error) ||
          !jz_audit_record_change (db, "persons", person_id, "update", before, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
unarchive_cb (JzDb     *db,
              gpointer  user_data,
              GError  **error)
{
  gint64 household_id = *(gint64 *) user_data;
  g_autoptr(JzHousehold) household = jz_household_get (db, household_id, error);
  gboolean was_closed;

  if (household == NULL)
    return FALSE;

  if (g_strcmp0 (household->status, "archived") != 0)
    {
      g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT,
                           _("This household file is not archived."));
      return FALSE;
    }

  /* A file is closed exactly when it has a closing date, and archiving
   * leaves that date alone: it tells which status to go back to. The
   * members of a closed file had left it before, so they stay out. */
  was_closed = household->closed_on != NULL && *household->closed_on != '\0';
  if (!was_closed && !restore_members (db, household_id, error))
    return FALSE;

  return set_household_status (db, household_id, was_closed ? "closed" : "open", "unarchive", error);
}

/**
 * jz_household_unarchive:
 *
 * Gives an archived file back the status it had (open, or closed when it
 * has a closing date); the members of an open file become active again.
 */
gboolean
jz_household_unarchive (JzDb        *db,
                        gint64       household_id,
                        GError     **error)
{
  g_return_val_if_fail (JZ_IS_DB (db), FALSE);

  if (!jz_user_check_household (db, JZ_PERMISSION_EDIT_FILES, household_id, error))
    return FALSE;

  return jz_db_write (db, unarchive_cb, &household_id, error);
}
