/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Users and roles: the permission matrix, reading and editing users,
 * single-user mode.  Hashing and signing in are in jz-user-sign-in.c.
 * Neither a password nor its hash ever reaches the audit log, an error
 * message or a log line. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jz-audit.h"
#include "jz-db-private.h"
#include "jz-user-private.h"

/* What the audit log keeps of a user: never password_hash, nor the
 * sign-in counters, which change without anyone editing the row. */
#define USER_AUDIT_SQL \
  "SELECT json_object ('name', name, 'full_name', full_name, 'role', role, 'region_id', region_id, " \
  "'active', active, 'version', version) FROM users WHERE id = ?"

#define MIN_PASSWORD_CHARS 8

G_DEFINE_QUARK (jz-user-error-quark, jz_user_error)
G_DEFINE_BOXED_TYPE (JzUser, jz_user, jz_user_copy, jz_user_free)

static const char * const role_codes[] = { "clerk", "reviewer", "leader", "admin" };
static const char * const role_labels[] = {
  N_("Township clerk"),
  N_("District reviewer"),
  N_("Leader"),
  N_("Administrator"),
};

/* --- the struct and the roles ------------------------------------------- */

JzUser *
jz_user_new (void)
{
  JzUser *user = g_new0 (JzUser, 1);

  user->role = JZ_ROLE_CLERK;
  user->active = TRUE;
  return user;
}

JzUser *
jz_user_copy (const JzUser *user)
{
  JzUser *copy;

  if (user == NULL)
    return NULL;

  copy = g_memdup2 (user, sizeof *user);
  copy->name = g_strdup (user->name);
  copy->full_name = g_strdup (user->full_name);
  return copy;
}

void
jz_user_free (JzUser *user)
{
  if (user == NULL)
    return;

  g_free (user->name);
  g_free (user->full_name);
  g_free (user);
}

const char *
jz_role_to_string (JzRole role)
{
  g_return_val_if_fail (role <= JZ_ROLE_ADMIN, NULL);

  return role_codes[role];
}

gboolean
jz_role_from_string (const char *text,
                     JzRole     *role)
{
  for (guint i = 0; i < G_N_ELEMENTS (role_codes); i++)
    if (g_strcmp0 (text, role_codes[i]) == 0)
      {
        if (role != NULL)
          *role = (JzRole) i;
        return TRUE;
      }

  return FALSE;
}

const char *
jz_role_label (JzRole role)
{
  g_return_val_if_fail (role <= JZ_ROLE_ADMIN, NULL);

  return _(role_labels[role]);
}

gboolean
jz_user_can (const JzUser *user,
             JzPermission  permission,
             gint64        township_id)
{
  if (user == NULL)
    return TRUE;

  if (!user->active)
    return FALSE;

  switch (user->role)
    {
    case JZ_ROLE_ADMIN:
      return TRUE;

    case JZ_ROLE_LEADER:
      return permission == JZ_PERMISSION_READ;

    /* DESIGN §1: the district decides, adjusts the standards (提标)
     * and exports for the finance bureau and the bank. */
    case JZ_ROLE_REVIEWER:
      return permission == JZ_PERMISSION_READ ||
             permission == JZ_PERMISSION_DECIDE ||
             permission == JZ_PERMISSION_STANDARDS ||
             permission == JZ_PERMISSION_EXPORT;

    case JZ_ROLE_CLERK:
      switch (permission)
        {
        case JZ_PERMISSION_READ:
          return township_id == 0 || township_id == user->region_id;

        case JZ_PERMISSION_EDIT_FILES:
        case JZ_PERMISSION_APPLY:
        case JZ_PERMISSION_EXPORT:
          return user->region_id != 0 && township_id == user->region_id;

        case JZ_PERMISSION_DECIDE:
        case JZ_PERMISSION_STANDARDS:
        case JZ_PERMISSION_USERS:
        default:
          return FALSE;
        }

    default:
      return FALSE;
    }
}

gboolean
jz_user_check (const JzUser  *user,
               JzPermission   permission,
               gint64         township_id,
               GError       **error)
{
  const char *role;

  if (jz_user_can (user, permission, township_id))
    return TRUE;

  if (!user->active)
    {
      g_set_error_literal (error, JZ_USER_ERROR, JZ_USER_ERROR_DENIED,
                           _("This account is switched off; ask the administrator."));
      return FALSE;
    }

  role = jz_role_label (user->role);

  /* The clerk could do it in their own township. */
  if (user->role == JZ_ROLE_CLERK && user->region_id != 0 && jz_user_can (user, permission, user->region_id))
    {
      g_set_error (error, JZ_USER_ERROR, JZ_USER_ERROR_DENIED,
                   _("Your role (%s) works only on the files of its own township."), role);
      return FALSE;
    }

  switch (permission)
    {
    case JZ_PERMISSION_READ:
      g_set_error (error, JZ_USER_ERROR, JZ_USER_ERROR_DENIED,
                   _("Your role (%s) may not see this."), role);
      break;
    case JZ_PERMISSION_EDIT_FILES:
      g_set_error (error, JZ_USER_ERROR, JZ_USER_ERROR_DENIED,
                   _("Your role (%s) may not change household files."), role);
      break;
    case JZ_PERMISSION_APPLY:
      g_set_error (error, JZ_USER_ERROR, JZ_USER_ERROR_DENIED,
                   _("Your role (%s) may not record the steps of an application."), role);
      break;
    case JZ_PERMISSION_DECIDE:
      g_set_error (error, JZ_USER_ERROR, JZ_USER_ERROR_DENIED,
                   _("Your role (%s) may not approve, refuse, suspend or end assistance."), role);
      break;
    case JZ_PERMISSION_STANDARDS:
      g_set_error (error, JZ_USER_ERROR, JZ_USER_ERROR_DENIED,
                   _("Your role (%s) may not change standards."), role);
      break;
    case JZ_PERMISSION_USERS:
      g_set_error (error, JZ_USER_ERROR, JZ_USER_ERROR_DENIED,
                   _("Your role (%s) may not manage users."), role);
      break;
    case JZ_PERMISSION_EXPORT:
      g_set_error (error, JZ_USER_ERROR, JZ_USER_ERROR_DENIED,
                   _("Your role (%s) may not export personal data."), role);
      break;
    default:
      g_set_error (error, JZ_USER_ERROR, JZ_USER_ERROR_DENIED,
                   _("Your role (%s) may not do this."), role);
      break;
    }

  return FALSE;
}

gboolean
jz_user_validate_password (const char  *password,
                           GError     **error)
{
  if (password == NULL || !g_utf8_validate (password, -1, NULL) ||
      g_utf8_strlen (password, -1) < MIN_PASSWORD_CHARS)
    {
      g_set_error (error, JZ_USER_ERROR, JZ_USER_ERROR_WEAK_PASSWORD,
                   g_dngettext (GETTEXT_PACKAGE,
                                "A password needs at least %d character; choose a longer one.",
                                "A password needs at least %d characters; choose a longer one.",
                                MIN_PASSWORD_CHARS),
                   MIN_PASSWORD_CHARS);
      return FALSE;
    }

  return TRUE;
}

static gboolean
validate_user (const JzUser  *user,
               GError       **error)
{
  glong n_chars;

  if (user->name == NULL || !g_utf8_validate (user->name, -1, NULL) ||
      (n_chars = g_utf8_strlen (user->name, -1)) < 1 || n_chars > JZ_USER_MAX_NAME_CHARS)
    goto bad_name;

  for (const char *p = user->name; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        goto bad_name;
    }

  if (user->full_name != NULL && !g_utf8_validate (user->full_name, -1, NULL))
    {
      g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT,
                           _("The full name is not valid text; type it again."));
      return FALSE;
    }

  if (user->role > JZ_ROLE_ADMIN)
    {
      g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT,
                           _("Choose the user’s role: township clerk, district reviewer, leader or administrator."));
      return FALSE;
    }

  if (user->role == JZ_ROLE_CLERK && user->region_id == 0)
    {
      g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT,
                           _("A township clerk needs the township they work for; choose one."));
      return FALSE;
    }

  return TRUE;

bad_name:
  g_set_error (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT,
               _("A sign-in name has 1 to %d characters and no blanks; choose another."), JZ_USER_MAX_NAME_CHARS);
  return FALSE;
}

/* --- reading -------------------------------------------------------------- */

JzUser *
jz_user_from_row (sqlite3_stmt *stmt)
{
  JzUser *user = g_new0 (JzUser, 1);

  user->id = sqlite3_column_int64 (stmt, 0);
  user->name = jz_db_column_dup (stmt, 1);
  user->full_name = jz_db_column_dup (stmt, 2);
  /* The schema allows only the four codes; an unknown one would get the
   * least a role may do. */
  if (!jz_role_from_string ((const char *) sqlite3_column_text (stmt, 3), &user->role))
    user->role = JZ_ROLE_LEADER;
  /* Only a clerk's township means anything (the demo gives the others the
   * district). */
  user->region_id = user->role == JZ_ROLE_CLERK ? sqlite3_column_int64 (stmt, 4) : 0;
  user->active = sqlite3_column_int (stmt, 5) != 0;
  user->has_password = sqlite3_column_int (stmt, 6) != 0;
  user->version = sqlite3_column_int64 (stmt, 7);

  if (user->full_name == NULL)
    user->full_name = g_strdup ("");

  return user;
}

GPtrArray *
jz_user_list (JzDb    *db,
              GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  int rc;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  stmt = jz_db_prepare (db, "SELECT " JZ_USER_COLUMNS " FROM users ORDER BY name", error);
  if (stmt == NULL)
    return NULL;

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) jz_user_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, jz_user_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&list);
}

static JzUser *
get_user (JzDb        *db,
          const char  *where,
          const char  *name,
          gint64       id,
          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = g_strconcat ("SELECT " JZ_USER_COLUMNS " FROM users WHERE ", where, NULL);
  int rc;

  stmt = jz_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  if (name != NULL)
    sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return jz_user_from_row (stmt);

  if (rc == SQLITE_DONE)
    g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_NOT_FOUND,
                         _("There is no user with this sign-in name; check the spelling."));
  else
    jz_db_set_error (db, rc, error);

  return NULL;
}

JzUser *
jz_user_get_by_name (JzDb        *db,
                     const char  *name,
                     GError     **error)
{
  g_return_val_if_fail (JZ_IS_DB (db), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return get_user (db, "name = ?", name, 0, error);
}

JzUser *
jz_user_get (JzDb    *db,
             gint64   id,
             GError **error)
{
  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  return get_user (db, "id = ?", NULL, id, error);
}

/* Runs a query of one integer; -1 when it fails. */
static gint64
query_int (JzDb       *db,
           const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = jz_db_prepare (db, sql, NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;

  return sqlite3_column_int64 (stmt, 0);
}

#define COUNT_SIGN_IN_USERS "SELECT count(*) FROM users WHERE active = 1 AND password_hash IS NOT NULL"
#define COUNT_SIGN_IN_ADMINS COUNT_SIGN_IN_USERS " AND role = 'admin'"

gboolean
jz_user_needs_first_admin (JzDb *db)
{
  g_return_val_if_fail (JZ_IS_DB (db), FALSE);

  return query_int (db, COUNT_SIGN_IN_ADMINS) == 0;
}

static char *
get_meta (JzDb       *db,
          const char *key)
{
  g_autoptr(sqlite3_stmt) stmt = jz_db_prepare (db, "SELECT value FROM meta WHERE key = ?", NULL);

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  return jz_db_column_dup (stmt, 0);
}

gboolean
jz_user_get_single_user (JzDb *db)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (JZ_IS_DB (db), FALSE);

  value = get_meta (db, "single_user");
  if (g_strcmp0 (value, "1") == 0)
    return TRUE;

  /* Nobody could sign in: a fresh or demo database.  A failed count asks
   * for a sign-in, the safer side. */
  return query_int (db, COUNT_SIGN_IN_USERS) == 0;
}

/* --- writing -------------------------------------------------------------- */

static gboolean
record_user (JzDb        *db,
             gint64       id,
             const char  *action,
             const char  *old_values,
             const char  *new_values,
             GError     **error)
{
  return jz_audit_record (db, "users", id, action, old_values, new_values, error);
}

static char *
audit_snapshot (JzDb        *db,
                gint64       id,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = jz_db_prepare (db, USER_AUDIT_SQL, error);
  int rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return jz_db_column_dup (stmt, 0);

  if (rc == SQLITE_DONE)
    g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_NOT_FOUND,
                         _("This user no longer exists; reload the list."));
  else
    jz_db_set_error (db, rc, error);

  return NULL;
}

/* The fields that changed since @before, from the audit snapshots above
 * (so never the password hash). */
static gboolean
record_user_change (JzDb        *db,
                    gint64       id,
                    const char  *before,
                    GError     **error)
{
  g_autofree char *after = audit_snapshot (db, id, error);

  if (after == NULL)
    return FALSE;

  return jz_audit_record_diff (db, "users", id, "update", before, after, error);
}

static gboolean
check_name_free (JzDb        *db,
                 const char  *name,
                 gint64       id,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = jz_db_prepare (db, "SELECT 1 FROM users WHERE name = ? AND id <> ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;

  if (rc == SQLITE_ROW)
    g_set_error_literal (error, JZ_USER_ERROR, JZ_USER_ERROR_EXISTS,
                         _("This sign-in name is taken already; choose another."));
  else
    jz_db_set_error (db, rc, error);

  return FALSE;
}

static gboolean
check_township (JzDb          *db,
                const JzUser  *user,
                GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (user->role != JZ_ROLE_CLERK)
    return TRUE;

  stmt = jz_db_prepare (db, "SELECT 1 FROM regions WHERE id = ? AND level = 'township'", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, user->region_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;

  if (rc == SQLITE_DONE)
    g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT,
                         _("A township clerk needs the township they work for; choose one."));
  else
    jz_db_set_error (db, rc, error);

  return FALSE;
}

static void
bind_user (sqlite3_stmt *stmt,
           const JzUser *user)
{
  sqlite3_bind_text (stmt, 1, user->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, user->full_name != NULL ? user->full_name : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, jz_role_to_string (user->role), -1, SQLITE_STATIC);
  if (user->role == JZ_ROLE_CLERK)
    sqlite3_bind_int64 (stmt, 4, user->region_id);
  else
    sqlite3_bind_null (stmt, 4);
  sqlite3_bind_int (stmt, 5, user->active ? 1 : 0);
}

typedef struct
{
  const JzUser *actor;
  const JzUser *user;
  const char   *hash;
  gboolean      first_admin;
  gint64        id;
} CreateData;

static gboolean
create_cb (JzDb     *db,
           gpointer  user_data,
           GError  **error)
{
  CreateData *data = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *after = NULL;
  g_autofree char *created_at = jz_user_format_utc (jz_user_now ());

  /* Another window may have made the first administrator meanwhile. */
  if (data->first_admin && !jz_user_needs_first_admin (db))
    return jz_user_check (data->actor, JZ_PERMISSION_USERS, 0, error);

  if (!check_name_free (db, data->user->name, 0, error) || !check_township (db, data->user, error))
    return FALSE;

  stmt = jz_db_prepare (db,
                        "INSERT INTO users (name, full_name, role, region_id, active, password_hash, created_at) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?)",
                        error);
  if (stmt == NULL)
    return FALSE;

  bind_user (stmt, data->user);
  if (data->hash != NULL)
    sqlite3_bind_text (stmt, 6, data->hash, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 6);
  sqlite3_bind_text (stmt, 7, created_at, -1, SQLITE_STATIC);

  if (!jz_db_step_done (db, stmt, error))
    return FALSE;

  data->id = sqlite3_last_insert_rowid (jz_db_get_handle (db));

  after = audit_snapshot (db, data->id, error);
  if (after == NULL)
    return FALSE;

  /* Only that there is a password. */
  if (data->hash != NULL)
    {
      g_autoptr(sqlite3_stmt) flag = jz_db_prepare (db, "SELECT json_set (?, '$.password', 'set')", error);

      if (flag == NULL)
        return FALSE;
      sqlite3_bind_text (flag, 1, after, -1, SQLITE_STATIC);
      if (sqlite3_step (flag) != SQLITE_ROW)
        {
          jz_db_set_error (db, SQLITE_ERROR, error);
          return FALSE;
        }
      g_free (after);
      after = jz_db_column_dup (flag, 0);
    }

  return record_user (db, data->id, "insert", NULL, after, error);
}

gint64
jz_user_create (JzDb          *db,
                const JzUser  *actor,
                const JzUser  *user,
                const char    *password,
                GError       **error)
{
  CreateData data = { actor, user, NULL, FALSE, 0 };
  g_autofree char *hash = NULL;

  g_return_val_if_fail (JZ_IS_DB (db), 0);
  g_return_val_if_fail (user != NULL, 0);

  if (!jz_user_can (actor, JZ_PERMISSION_USERS, 0))
    {
      /* The first run: whoever is at the keyboard makes the administrator. */
      if (user->role == JZ_ROLE_ADMIN && user->active && password != NULL && jz_user_needs_first_admin (db))
        data.first_admin = TRUE;
      else
        {
          jz_user_check (actor, JZ_PERMISSION_USERS, 0, error);
          return 0;
        }
    }

  if (!validate_user (user, error))
    return 0;

  if (password != NULL)
    {
      if (!jz_user_validate_password (password, error))
        return 0;

      /* Slow on purpose, so outside the write lock. */
      hash = jz_user_hash_password (password, error);
      if (hash == NULL)
        return 0;
    }

  data.hash = hash;
  if (!jz_db_write (db, create_cb, &data, error))
    return 0;

  return data.id;
}

/* Signing in must stay possible for somebody who can manage users: an
 * edit may not take away the last administrator who can sign in (a
 * database that never had one gets it from the first run). */
static gboolean
check_admin_remains (JzDb     *db,
                     gint64    admins_before,
                     GError  **error)
{
  gint64 admins = query_int (db, COUNT_SIGN_IN_ADMINS);

  if (admins < 0)
    {
      jz_db_set_error (db, SQLITE_ERROR, error);
      return FALSE;
    }

  if (admins_before > 0 && admins == 0)
    {
      g_set_error_literal (error, JZ_USER_ERROR, JZ_USER_ERROR_FAILED,
                           _("At least one active administrator with a password must remain, or nobody could manage the users."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
update_cb (JzDb     *db,
           gpointer  user_data,
           GError  **error)
{
  const JzUser *user = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *before = NULL;
  gint64 admins_before;

  before = audit_snapshot (db, user->id, error);
  if (before == NULL)
    return FALSE;

  admins_before = query_int (db, COUNT_SIGN_IN_ADMINS);

  if (!check_name_free (db, user->name, user->id, error) || !check_township (db, user, error))
    return FALSE;

  stmt = jz_db_prepare (db,
                        "UPDATE users SET name = ?1, full_name = ?2, role = ?3, region_id = ?4, active = ?5, "
                        "version = version + 1 WHERE id = ?6 AND version = ?7",
                        error);
  if (stmt == NULL)
    return FALSE;

  bind_user (stmt, user);
  sqlite3_bind_int64 (stmt, 6, user->id);
  sqlite3_bind_int64 (stmt, 7, user->version);

  if (!jz_db_step_versioned (db, stmt, "users", user->id, error))
    return FALSE;

  return check_admin_remains (db, admins_before, error) && record_user_change (db, user->id, before, error);
}

gboolean
jz_user_update (JzDb          *db,
                const JzUser  *actor,
                JzUser        *user,
                GError       **error)
{
  g_return_val_if_fail (JZ_IS_DB (db), FALSE);
  g_return_val_if_fail (user != NULL, FALSE);

  if (!jz_user_check (actor, JZ_PERMISSION_USERS, 0, error) || !validate_user (user, error))
    return FALSE;

  if (!jz_db_write (db, update_cb, user, error))
    return FALSE;

  user->version++;
  if (user->role != JZ_ROLE_CLERK)
    user->region_id = 0;
  return TRUE;
}

typedef struct
{
  gint64      id;
  const char *hash;
  gboolean    first_admin;
} PasswordData;

static gboolean
set_password_cb (JzDb     *db,
                 gpointer  user_data,
                 GError  **error)
{
  PasswordData *data = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (data->first_admin && !jz_user_needs_first_admin (db))
    {
      g_set_error_literal (error, JZ_USER_ERROR, JZ_USER_ERROR_DENIED,
                           _("An administrator was set up meanwhile; sign in as the administrator to change passwords."));
      return FALSE;
    }

  /* A new password also lifts the wait after wrong ones. */
  stmt = jz_db_prepare (db,
                        "UPDATE users SET password_hash = ?, failed_sign_ins = 0, retry_after = NULL WHERE id = ?",
                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, data->hash, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, data->id);
  if (!jz_db_step_done (db, stmt, error))
    return FALSE;

  if (sqlite3_changes (jz_db_get_handle (db)) == 0)
    {
      g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_NOT_FOUND,
                           _("This user no longer exists; reload the list."));
      return FALSE;
    }

  return record_user (db, data->id, "password", NULL, "{\"password\":\"changed\"}", error);
}

gboolean
jz_user_set_password (JzDb          *db,
                      const JzUser  *actor,
                      const char    *name,
                      const char    *password,
                      GError       **error)
{
  g_autoptr(JzUser) target = NULL;
  g_autofree char *hash = NULL;
  PasswordData data = { 0 };

  g_return_val_if_fail (JZ_IS_DB (db), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  target = jz_user_get_by_name (db, name, error);
  if (target == NULL)
    return FALSE;

  if (!jz_user_can (actor, JZ_PERMISSION_USERS, 0))
    {
      /* Their own password, or the first administrator's. */
      if (actor->active && actor->id == target->id)
        ;
      else if (target->role == JZ_ROLE_ADMIN && target->active && jz_user_needs_first_admin (db))
        data.first_admin = TRUE;
      else
        return jz_user_check (actor, JZ_PERMISSION_USERS, 0, error);
    }

  if (!jz_user_validate_password (password, error))
    return FALSE;

  hash = jz_user_hash_password (password, error);
  if (hash == NULL)
    return FALSE;

  data.id = target->id;
  data.hash = hash;
  return jz_db_write (db, set_password_cb, &data, error);
}

/* --- single-user mode ------------------------------------------------------ */

typedef struct
{
  gboolean single_user;
} SingleUserData;

static gboolean
set_single_user_cb (JzDb     *db,
                    gpointer  user_data,
                    GError  **error)
{
  SingleUserData *data = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *old = get_meta (db, "single_user");
  g_autofree char *old_values = NULL;
  g_autofree char *new_values = NULL;
  const char *value = data->single_user ? "1" : "0";

  if (g_strcmp0 (old, value) == 0)
    return TRUE;

  stmt = jz_db_prepare (db, "INSERT OR REPLACE INTO meta (key, value) VALUES ('single_user', ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);
  if (!jz_db_step_done (db, stmt, error))
    return FALSE;

  old_values = old != NULL && (g_str_equal (old, "0") || g_str_equal (old, "1"))
               ? g_strdup_printf ("{\"single_user\":\"%s\"}", old) : NULL;
  new_values = g_strdup_printf ("{\"single_user\":\"%s\"}", value);

  return jz_audit_record (db, "meta", 0, "update", old_values, new_values, error);
}

gboolean
jz_user_set_single_user (JzDb          *db,
                         const JzUser  *actor,
                         gboolean       single_user,
                         GError       **error)
{
  SingleUserData data = { single_user };

  g_return_val_if_fail (JZ_IS_DB (db), FALSE);

  if (!jz_user_check (actor, JZ_PERMISSION_USERS, 0, error))
    return FALSE;

  if (!single_user && jz_user_needs_first_admin (db))
    {
      g_set_error_literal (error, JZ_USER_ERROR, JZ_USER_ERROR_NO_PASSWORD,
                           _("Give an administrator a password before asking everyone to sign in."));
      return FALSE;
    }

  return jz_db_write (db, set_single_user_cb, &data, error);
}

/* --- the first run's offer -------------------------------------------------- */

gboolean
jz_user_get_offer_first_admin (JzDb *db)
{
  g_autofree char *single_user = NULL;
  g_autofree char *offered = NULL;

  g_return_val_if_fail (JZ_IS_DB (db), FALSE);

  if (jz_db_get_read_only (db) || !jz_user_needs_first_admin (db))
    return FALSE;

  /* Either value means somebody decided already. */
  single_user = get_meta (db, "single_user");
  if (single_user != NULL)
    return FALSE;

  offered = get_meta (db, "first_admin_offered");
  return offered == NULL;
}

static gboolean
set_offered_cb (JzDb     *db,
                gpointer  user_data,
                GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *old = get_meta (db, "first_admin_offered");

  if (old != NULL)
    return TRUE;

  stmt = jz_db_prepare (db, "INSERT OR REPLACE INTO meta (key, value) VALUES ('first_admin_offered', '1')", error);
  if (stmt == NULL || !jz_db_step_done (db, stmt, error))
    return FALSE;

  return jz_audit_record (db, "meta", 0, "update", NULL, "{\"first_admin_offered\":\"1\"}", error);
}

gboolean
jz_user_set_first_admin_offered (JzDb    *db,
                                 GError **error)
{
  g_return_val_if_fail (JZ_IS_DB (db), FALSE);

  return jz_db_write (db, set_offered_cb, NULL, error);
}
