/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The user acting on a database, and the checks of the core functions
 * that take no user: household files, members, income, events. */

#include "config.h"

#include "jz-db-private.h"
#include "jz-user.h"

#define ACTOR_KEY "jz-user-actor"

void
jz_user_set_actor (JzDb         *db,
                   const JzUser *user)
{
  g_return_if_fail (JZ_IS_DB (db));

  g_object_set_data_full (G_OBJECT (db), ACTOR_KEY,
                          user != NULL ? jz_user_copy (user) : NULL,
                          (GDestroyNotify) jz_user_free);
}

const JzUser *
jz_user_get_actor (JzDb *db)
{
  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  return g_object_get_data (G_OBJECT (db), ACTOR_KEY);
}

/* The township of the row @sql finds by @id: the parent of its village. */
static gboolean
check_township_of (JzDb          *db,
                   JzPermission   permission,
                   const char    *sql,
                   gint64         id,
                   GError       **error)
{
  const JzUser *actor = jz_user_get_actor (db);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 township = 0;
  int rc;

  /* Who may do everything needs no look-up. */
  if (jz_user_can (actor, permission, -1))
    return TRUE;

  stmt = jz_db_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    township = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return FALSE;
    }

  return jz_user_check (actor, permission, township, error);
}

gboolean
jz_user_check_household (JzDb          *db,
                         JzPermission   permission,
                         gint64         household_id,
                         GError       **error)
{
  g_return_val_if_fail (JZ_IS_DB (db), FALSE);

  return check_township_of (db, permission,
                            "SELECT r.parent_id FROM households h JOIN regions r ON r.id = h.region_id WHERE h.id = ?",
                            household_id, error);
}

gboolean
jz_user_check_person (JzDb          *db,
                      JzPermission   permission,
                      gint64         person_id,
                      GError       **error)
{
  g_return_val_if_fail (JZ_IS_DB (db), FALSE);

  return check_township_of (db, permission,
                            "SELECT r.parent_id FROM persons p JOIN households h ON h.id = p.household_id "
                            "JOIN regions r ON r.id = h.region_id WHERE p.id = ?",
                            person_id, error);
}

gboolean
jz_user_check_village (JzDb          *db,
                       JzPermission   permission,
                       gint64         village_id,
                       GError       **error)
{
  g_return_val_if_fail (JZ_IS_DB (db), FALSE);

  return check_township_of (db, permission,
                            "SELECT parent_id FROM regions WHERE id = ?",
                            village_id, error);
}
