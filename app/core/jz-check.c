/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-check.h"
#include "jz-db-private.h"

/* Rows that the foreign keys cannot catch: each query returns a count, and
 * its label names the rule, never a person. */
static const struct {
  const char *sql;
  const char *message;
} orphan_checks[] = {
  { "SELECT count(*) FROM households WHERE status <> 'archived' AND head_person_id IS NULL",
    N_("Household files without a head") },
  { "SELECT count(*) FROM households h JOIN persons p ON p.id = h.head_person_id WHERE p.household_id <> h.id",
    N_("Household files whose head belongs to another household") },
  { "SELECT count(*) FROM households h WHERE NOT EXISTS (SELECT 1 FROM persons p WHERE p.household_id = h.id)",
    N_("Household files without members") },
  { "SELECT count(*) FROM households h JOIN regions r ON r.id = h.region_id WHERE r.level <> 'village'",
    N_("Household files not attached to a village or community") },
  { "SELECT count(*) FROM regions c JOIN regions p ON p.id = c.parent_id "
    "WHERE (c.level = 'township' AND p.level <> 'district') OR (c.level = 'village' AND p.level <> 'township')",
    N_("Regions under a parent of the wrong level") },
  { "SELECT count(*) FROM cases c JOIN persons p ON p.id = c.person_id WHERE p.household_id <> c.household_id",
    N_("Cases naming a person outside their household") },
  { "SELECT count(*) FROM cases c WHERE NOT EXISTS (SELECT 1 FROM case_history h WHERE h.case_id = c.id)",
    N_("Cases without history") },
  { "SELECT count(*) FROM (SELECT id_number FROM persons WHERE active = 1 GROUP BY id_number HAVING count(*) > 1)",
    N_("ID numbers active in more than one household") },
};

static gboolean
collect_rows (JzDb        *db,
              const char  *sql,
              const char  *ok_value,
              GPtrArray   *problems,
              const char  *prefix,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = jz_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GString) line = g_string_new (prefix);
      int n = sqlite3_column_count (stmt);

      if (ok_value != NULL && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), ok_value) == 0)
        continue;

      for (int i = 0; i < n; i++)
        g_string_append_printf (line, "%s%s", i ? " " : "", (const char *) sqlite3_column_text (stmt, i));
      g_ptr_array_add (problems, g_string_free (g_steal_pointer (&line), FALSE));
    }

  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
collect_foreign_keys (JzDb       *db,
                      GPtrArray  *problems,
                      GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = jz_db_prepare (db, "SELECT \"table\", rowid, parent FROM pragma_foreign_key_check", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (problems,
                     g_strdup_printf (_("Broken reference: row %lld of %s points to a missing row of %s"),
                                      (long long) sqlite3_column_int64 (stmt, 1),
                                      (const char *) sqlite3_column_text (stmt, 0),
                                      (const char *) sqlite3_column_text (stmt, 2)));

  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return FALSE;
    }

  return TRUE;
}

/**
 * jz_check_run:
 *
 * Checks the file's integrity, its foreign keys, its schema version and the
 * rules of the data that no constraint enforces.
 *
 * Returns: (transfer full) (element-type utf8): one sentence per problem,
 *   empty when the database is clean; %NULL with @error when it could not
 *   be checked at all
 */
GPtrArray *
jz_check_run (JzDb    *db,
              GError **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *integrity = g_strdup_printf ("%s: ", _("Integrity"));

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  if (!collect_rows (db, "PRAGMA integrity_check", "ok", problems, integrity, error))
    return NULL;

  if (!collect_foreign_keys (db, problems, error))
    return NULL;

  if (jz_db_get_schema_version (db) != jz_db_latest_schema_version ())
    g_ptr_array_add (problems,
                     g_strdup_printf (_("The schema version is %d; this program expects %d."),
                                      jz_db_get_schema_version (db), jz_db_latest_schema_version ()));

  for (guint i = 0; i < G_N_ELEMENTS (orphan_checks); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = jz_db_prepare (db, orphan_checks[i].sql, error);
      gint64 count;

      if (stmt == NULL)
        return NULL;
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          jz_db_set_error (db, sqlite3_errcode (jz_db_get_handle (db)), error);
          return NULL;
        }

      count = sqlite3_column_int64 (stmt, 0);
      if (count > 0)
        g_ptr_array_add (problems, g_strdup_printf ("%s: %lld", g_dgettext (GETTEXT_PACKAGE, orphan_checks[i].message), (long long) count));
    }

  return g_steal_pointer (&problems);
}
