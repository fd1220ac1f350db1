/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-audit.h"
#include "jz-db-private.h"

void
jz_audit_entry_free (JzAuditEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->at);
  g_free (entry->user_name);
  g_free (entry->table_name);
  g_free (entry->action);
  g_free (entry->old_values);
  g_free (entry->new_values);
  g_free (entry);
}

static gboolean
valid_identifier (const char *name)
{
  if (name == NULL || *name == '\0')
    return FALSE;

  if (!g_ascii_islower (name[0]))
    return FALSE;

  for (const char *p = name; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_')
      return FALSE;

  return TRUE;
}

/* The audit log says that a number changed, not what it was: ID and
 * certificate numbers keep their first and last four characters, phones
 * the first three and last four (138****0000), bank accounts the last
 * four; a number too short for that is all stars. The change history
 * shows the same forms. */
#define MASK_HEAD "(CASE key WHEN 'phone' THEN 3 WHEN 'bank_account' THEN 0 ELSE 4 END)"
#define MASKED_JSON(param) \
  "CASE WHEN " param " IS NULL THEN NULL ELSE (" \
  "  SELECT json_group_object (key, CASE" \
  "    WHEN key NOT IN ('id_number', 'bank_account', 'phone', 'disability_cert') OR type <> 'text' THEN value" \
  "    WHEN length (value) >= " MASK_HEAD " + 8 THEN substr (value, 1, " MASK_HEAD ")" \
  "      || substr ('********************************', 1, length (value) - " MASK_HEAD " - 4) || substr (value, -4)" \
  "    ELSE substr ('********************************', 1, length (value)) END)" \
  "  FROM json_each (" param ")) END"

/**
 * jz_audit_record:
 *
 * Writes one audit entry, with the personal numbers in it masked. It must run inside jz_db_write() so that the
 * entry commits or rolls back with the change it describes.
 */
gboolean
jz_audit_record (JzDb        *db,
                 const char  *table_name,
                 gint64       row_id,
                 const char  *action,
                 const char  *old_values,
                 const char  *new_values,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (JZ_IS_DB (db), FALSE);
  g_return_val_if_fail (jz_db_in_write (db), FALSE);

  stmt = jz_db_prepare (db,
                        "INSERT INTO audit_log (at, user_name, table_name, row_id, action, old_values, new_values) "
                        "VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), ?1, ?2, ?3, ?4, "
                        MASKED_JSON ("?5") ", " MASKED_JSON ("?6") ")",
                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, jz_db_get_user_name (db), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, table_name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, row_id);
  sqlite3_bind_text (stmt, 4, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, old_values, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, new_values, -1, SQLITE_STATIC);

  return jz_db_step_done (db, stmt, error);
}

/**
 * jz_audit_snapshot:
 *
 * Returns: (transfer full) (nullable): the row as a JSON object of all its
 * columns, or %NULL (without error) when the row does not exist.
 */
char *
jz_audit_snapshot (JzDb        *db,
                   const char  *table_name,
                   gint64       row_id,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) columns = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) sql = g_string_new ("SELECT json_object (");
  gboolean first = TRUE;
  int rc;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);
  g_return_val_if_fail (valid_identifier (table_name), NULL);

  columns = jz_db_prepare (db, "SELECT name FROM pragma_table_info (?)", error);
  if (columns == NULL)
    return NULL;
  sqlite3_bind_text (columns, 1, table_name, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (columns)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (columns, 0);

      if (!valid_identifier (name))
        continue;
      g_string_append_printf (sql, "%s'%s', \"%s\"", first ? "" : ", ", name, name);
      first = FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return NULL;
    }

  g_string_append_printf (sql, ") FROM \"%s\" WHERE id = ?", table_name);
  stmt = jz_db_prepare (db, sql->str, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, row_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    jz_db_set_error (db, rc, error);

  return NULL;
}

/**
 * jz_audit_record_diff:
 * @before: (nullable): the row before the change, a JSON object; %NULL for
 *   an insert
 * @after: (nullable): the row after the change, in the same shape; %NULL
 *   for a delete
 *
 * Records the change from @before to @after: only the fields that changed
 * are kept, old and new side by side. Nothing is written when nothing
 * changed. For the tables whose snapshot must leave columns out (a user's
 * password hash); the others use jz_audit_record_change().
 */
gboolean
jz_audit_record_diff (JzDb        *db,
                      const char  *table_name,
                      gint64       row_id,
                      const char  *action,
                      const char  *before,
                      const char  *after,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) diff = NULL;
  const char *old_values;
  const char *new_values;
  int rc;

  g_return_val_if_fail (JZ_IS_DB (db), FALSE);

  if (before == NULL || after == NULL)
    return jz_audit_record (db, table_name, row_id, action, before, after, error);

  diff = jz_db_prepare (db,
                        "WITH o AS (SELECT key, value, type FROM json_each (?1)),"
                        "     n AS (SELECT key, value, type FROM json_each (?2)),"
                        "     d AS (SELECT o.key, o.value AS ov, o.type AS ot, n.value AS nv, n.type AS nt"
                        "           FROM o JOIN n USING (key)"
                        "           WHERE o.value IS NOT n.value OR o.type IS NOT n.type)"
                        " SELECT (SELECT json_group_object (key, CASE ot WHEN 'null' THEN json ('null') ELSE ov END) FROM d),"
                        "        (SELECT json_group_object (key, CASE nt WHEN 'null' THEN json ('null') ELSE nv END) FROM d),"
                        "        (SELECT count(*) FROM d)",
                        error);
  if (diff == NULL)
    return FALSE;

  sqlite3_bind_text (diff, 1, before, -1, SQLITE_STATIC);
  sqlite3_bind_text (diff, 2, after, -1, SQLITE_STATIC);
  rc = sqlite3_step (diff);
  if (rc != SQLITE_ROW)
    {
      jz_db_set_error (db, rc, error);
      return FALSE;
    }

  if (sqlite3_column_int64 (diff, 2) == 0)
    return TRUE;

  old_values = (const char *) sqlite3_column_text (diff, 0);
  new_values = (const char *) sqlite3_column_text (diff, 1);

  return jz_audit_record (db, table_name, row_id, action, old_values, new_values, error);
}

/**
 * jz_audit_record_change:
 * @before: (nullable): jz_audit_snapshot() of the row before the change,
 *   %NULL for an insert
 *
 * Records the change of one row since @before: only the fields that
 * changed are kept, old and new side by side. Nothing is written when
 * nothing changed.
 */
gboolean
jz_audit_record_change (JzDb        *db,
                        const char  *table_name,
                        gint64       row_id,
                        const char  *action,
                        const char  *before,
                        GError     **error)
{
  g_autofree char *after = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (JZ_IS_DB (db), FALSE);

  after = jz_audit_snapshot (db, table_name, row_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return jz_audit_record_diff (db, table_name, row_id, action, before, after, error);
}

/**
 * jz_audit_list:
 *
 * Returns: (transfer full) (element-type JzAuditEntry): the entries of one
 * row, oldest first.
 */
GPtrArray *
jz_audit_list (JzDb        *db,
               const char  *table_name,
               gint64       row_id,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  int rc;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  stmt = jz_db_prepare (db,
                        "SELECT id, at, user_name, table_name, row_id, action, old_values, new_values "
                        "FROM audit_log WHERE table_name = ? AND row_id = ? ORDER BY id",
                        error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, table_name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, row_id);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) jz_audit_entry_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JzAuditEntry *entry = g_new0 (JzAuditEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->at = jz_db_column_dup (stmt, 1);
      entry->user_name = jz_db_column_dup (stmt, 2);
      entry->table_name = jz_db_column_dup (stmt, 3);
      entry->row_id = sqlite3_column_int64 (stmt, 4);
      entry->action = jz_db_column_dup (stmt, 5);
      entry->old_values = jz_db_column_dup (stmt, 6);
      entry->new_values = jz_db_column_dup (stmt, 7);
      g_ptr_array_add (list, entry);
    }

  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&list);
}
