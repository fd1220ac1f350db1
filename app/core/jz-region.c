/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-audit.h"
#include "jz-db-private.h"
#include "jz-region.h"

void
jz_region_free (JzRegion *region)
{
  if (region == NULL)
    return;

  g_free (region->level);
  g_free (region->kind);
  g_free (region->code);
  g_free (region->name);
  g_free (region);
}

static const char *
level_of_kind (const char *kind)
{
  if (g_strcmp0 (kind, "district") == 0)
    return "district";
  if (g_strcmp0 (kind, "town") == 0 || g_strcmp0 (kind, "street") == 0 || g_strcmp0 (kind, "zone") == 0)
    return "township";
  if (g_strcmp0 (kind, "village") == 0 || g_strcmp0 (kind, "community") == 0)
    return "village";
  return NULL;
}

static const char *
parent_level_of (const char *level)
{
  if (g_strcmp0 (level, "township") == 0)
    return "district";
  if (g_strcmp0 (level, "village") == 0)
    return "township";
  return NULL;
}

static gboolean
valid_code (const char *code,
            const char *level)
{
  gsize len = code != NULL ? strlen (code) : 0;

  /* 6 digits for a district, 9 for a township, 12 for a village (the
   * statistical division codes). */
  if (len != (g_str_equal (level, "district") ? 6 : g_str_equal (level, "township") ? 9 : 12))
    return FALSE;

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (code[i]))
      return FALSE;

  return TRUE;
}

typedef struct
{
  gint64      parent_id;
  const char *kind;
  const char *code;
  const char *name;
  gint64      id;
} CreateData;

static gboolean
create_cb (JzDb     *db,
           gpointer  user_data,
           GError  **error)
{
  CreateData *data = user_data;
  const char *level = level_of_kind (data->kind);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  if (data->parent_id != 0)
    {
      g_autoptr(JzRegion) parent = jz_region_get (db, data->parent_id, error);

      if (parent == NULL)
        return FALSE;

      if (g_strcmp0 (parent->level, parent_level_of (level)) != 0 ||
          !g_str_has_prefix (data->code, parent->code))
        {
          g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT,
                               _("This kind of region does not belong under the chosen parent, or its code does not start with the parent’s code."));
          return FALSE;
        }
    }
  else if (g_strcmp0 (level, "district") != 0)
    {
      g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT,
                           _("A township or village needs a parent region."));
      return FALSE;
    }

  stmt = jz_db_prepare (db,
                        "INSERT INTO regions (parent_id, level, kind, code, name) VALUES (?, ?, ?, ?, ?)",
                        error);
  if (stmt == NULL)
    return FALSE;

  if (data->parent_id != 0)
    sqlite3_bind_int64 (stmt, 1, data->parent_id);
  sqlite3_bind_text (stmt, 2, level, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, data->kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, data->code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, data->name, -1, SQLITE_STATIC);

  if (!jz_db_step_done (db, stmt, &local_error))
    {
      if (g_error_matches (local_error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT))
        g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT,
                             _("Another region already has this code."));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  data->id = sqlite3_last_insert_rowid (jz_db_get_handle (db));
  return jz_audit_record_change (db, "regions", data->id, "insert", NULL, error);
}

/**
 * jz_region_create:
 * @parent_id: the parent region, 0 for the district
 *
 * Returns: the new region's id, or 0 with @error set.
 */
gint64
jz_region_create (JzDb        *db,
                  gint64       parent_id,
                  const char  *kind,
                  const char  *code,
                  const char  *name,
                  GError     **error)
{
  CreateData data = { parent_id, kind, code, name, 0 };

  g_return_val_if_fail (JZ_IS_DB (db), 0);

  if (level_of_kind (kind) == NULL)
    {
      g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT,
                           _("Unknown kind of region."));
      return 0;
    }

  if (!valid_code (code, level_of_kind (kind)))
    {
      g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT,
                           _("A region code has 6 digits for a district, 9 for a township and 12 for a village."));
      return 0;
    }

  if (name == NULL || name[strspn (name, " \t")] == '\0')
    {
      g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT,
                           _("A region needs a name."));
      return 0;
    }

  if (!jz_db_write (db, create_cb, &data, error))
    return 0;

  return data.id;
}

static JzRegion *
region_from_row (sqlite3_stmt *stmt)
{
  JzRegion *region = g_new0 (JzRegion, 1);

  region->id = sqlite3_column_int64 (stmt, 0);
  region->parent_id = sqlite3_column_int64 (stmt, 1);
  region->level = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  region->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  region->code = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  region->name = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  region->version = sqlite3_column_int64 (stmt, 6);

  return region;
}

#define REGION_COLUMNS "id, parent_id, level, kind, code, name, version"

JzRegion *
jz_region_get (JzDb        *db,
               gint64       id,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  stmt = jz_db_prepare (db, "SELECT " REGION_COLUMNS " FROM regions WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return region_from_row (stmt);

  if (rc == SQLITE_DONE)
    g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_NOT_FOUND,
                         _("The region no longer exists."));
  else
    jz_db_set_error (db, rc, error);

  return NULL;
}

/**
 * jz_region_list_children:
 * @parent_id: 0 for the top of the tree
 *
 * Returns: (transfer full) (element-type JzRegion): the children, by code.
 */
GPtrArray *
jz_region_list_children (JzDb        *db,
                         gint64       parent_id,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  int rc;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  stmt = jz_db_prepare (db,
                        "SELECT " REGION_COLUMNS " FROM regions "
                        "WHERE parent_id IS ? ORDER BY code",
                        error);
  if (stmt == NULL)
    return NULL;
  if (parent_id != 0)
    sqlite3_bind_int64 (stmt, 1, parent_id);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) jz_region_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, region_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&list);
}

typedef struct
{
  gint64      id;
  gint64      version;
  const char *name;
} RenameData;

static gboolean
rename_cb (JzDb     *db,
           gpointer  user_data,
           GError  **error)
{
  RenameData *data = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *before = NULL;

  before = jz_audit_snapshot (db, "regions", data->id, error);
  if (before == NULL)
    {
      if (error == NULL || *error == NULL)
        g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_NOT_FOUND,
                             _("The region no longer exists."));
      return FALSE;
    }

  stmt = jz_db_prepare (db,
                        "UPDATE regions SET name = ?, version = version + 1 WHERE id = ? AND version = ?",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, data->name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, data->id);
  sqlite3_bind_int64 (stmt, 3, data->version);

  if (!jz_db_step_done (db, stmt, error))
    return FALSE;

  if (sqlite3_changes (jz_db_get_handle (db)) == 0)
    {
      g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_CONFLICT,
                           _("Someone else changed this region meanwhile. Reload it and try again."));
      return FALSE;
    }

  return jz_audit_record_change (db, "regions", data->id, "update", before, error);
}

gboolean
jz_region_rename (JzDb        *db,
                  gint64       id,
                  gint64       version,
                  const char  *name,
                  GError     **error)
{
  RenameData data = { id, version, name };

  g_return_val_if_fail (JZ_IS_DB (db), FALSE);

  if (name == NULL || *name == '\0')
    {
      g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT,
                           _("A region needs a name."));
      return FALSE;
    }

  return jz_db_write (db, rename_cb, &data, error);
}
