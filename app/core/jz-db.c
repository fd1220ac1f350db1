/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/statfs.h>
#include <unistd.h>

#include "jz-audit.h"
#include "jz-db-private.h"

#define SQL_RESOURCE_PATH "/io/github/jiuzhu/Jiuzhu/sql/"
#define DEFAULT_BUSY_TIMEOUT_MSEC 5000
/* "JZHU" in the file header, so that no other program's file is taken for ours. */
#define JZ_DB_APPLICATION_ID 0x4A5A4855

struct _JzDb
{
  GObject parent_instance;

  /* owned */
  sqlite3      *handle;
  sqlite3_stmt *data_version_stmt;
  char         *path;
  char         *journal_mode;
  char         *user_name;

  gint64        data_version;
  int           schema_version;
  guint         busy_timeout;
  guint         watch_source;
  guint         write_depth;
  guint         read_only : 1;
};

G_DEFINE_FINAL_TYPE (JzDb, jz_db, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_USER_NAME,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_QUARK (jz-db-error-quark, jz_db_error)

/* Filesystem magic numbers of network and FUSE mounts, where SQLite's WAL
 * cannot work because it needs shared memory between every client. */
static const guint64 network_fs_magic[] = {
  0x6969,     /* NFS */
  0x517B,     /* SMB */
  0xFF534D42, /* CIFS */
  0xFE534D42, /* SMB2 */
  0x65735546, /* FUSE (sshfs, gvfs, rclone) */
  0x01021997, /* 9P */
  0x00C36400, /* Ceph */
  0x5346414F, /* AFS */
  0x73757245, /* Coda */
  0x564C,     /* NCP */
  0x6B414653, /* kAFS */
};

gboolean
jz_db_path_is_network (const char *path)
{
  g_autofree char *dir = NULL;
  struct statfs buf;
  const char *force;

  g_return_val_if_fail (path != NULL, FALSE);

  /* Lets tests exercise the shared-drive mode on a local disk. */
  force = g_getenv ("JIUZHU_ASSUME_NETWORK_FS");
  if (force != NULL && *force != '\0')
    return g_str_equal (force, "1");

  dir = g_path_get_dirname (path);
  if (statfs (g_file_test (path, G_FILE_TEST_EXISTS) ? path : dir, &buf) != 0)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (network_fs_magic); i++)
    if ((guint64) (gulong) buf.f_type == network_fs_magic[i])
      return TRUE;

  return FALSE;
}

char *
jz_db_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "jiuzhu", "jiuzhu.db", NULL);
}

static int
migration_number (const char *name)
{
  if (!g_ascii_isdigit (name[0]) || !g_ascii_isdigit (name[1]) ||
      !g_ascii_isdigit (name[2]) || name[3] != '-' || !g_str_has_suffix (name, ".sql"))
    return -1;

  return (name[0] - '0') * 100 + (name[1] - '0') * 10 + (name[2] - '0');
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The migrations, sorted by number. */
static GPtrArray *
list_migrations (void)
{
  g_auto(GStrv) names = NULL;
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);

  names = g_resources_enumerate_children (SQL_RESOURCE_PATH, 0, NULL);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (migration_number (names[i]) > 0)
      g_ptr_array_add (list, g_strdup (names[i]));

  g_ptr_array_sort (list, compare_names);
  return list;
}

int
jz_db_latest_schema_version (void)
{
  g_autoptr(GPtrArray) list = list_migrations ();

  if (list->len == 0)
    return 0;

  return migration_number (g_ptr_array_index (list, list->len - 1));
}

void
jz_db_set_error (JzDb    *self,
                 int      rc,
                 GError **error)
{
  int primary = rc & 0xFF;

  switch (primary)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_LOCKED,
                           _("Another program or clerk is using the database right now. Wait a moment and try again."));
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_READ_ONLY,
                           _("The database file is read-only, so nothing can be saved to it. Ask for write access or open another file."));
      break;

    case SQLITE_FULL:
      g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_FULL,
                           _("The disk is full, so the change was not saved. Free some space and try again."));
      break;

    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_NOT_A_DATABASE,
                           _("This file is not a Jiuzhu database, or it is damaged."));
      break;

    case SQLITE_CONSTRAINT:
      g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT,
                           _("The change breaks a rule of the data and was not saved."));
      break;

    case SQLITE_CANTOPEN:
      g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_MISSING,
                           _("The database file cannot be opened. Check that the file and its folder exist and can be reached."));
      break;

    case SQLITE_IOERR:
      g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_FAILED,
                           _("The database file could not be read or written. Check the disk or the network drive."));
      break;

    default:
      g_set_error (error, JZ_DB_ERROR, JZ_DB_ERROR_FAILED,
                   _("The database reported an error: %s."), sqlite3_errstr (rc));
      break;
    }
}

sqlite3 *
jz_db_get_handle (JzDb *self)
{
  g_assert (JZ_IS_DB (self));

  return self->handle;
}

sqlite3_stmt *
jz_db_prepare (JzDb        *self,
               const char  *sql,
               GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_assert (JZ_IS_DB (self));

  rc = sqlite3_prepare_v2 (self->handle, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      /* A statement that does not compile is a bug, not a clerk's problem. */
      if ((rc & 0xFF) == SQLITE_ERROR)
        g_critical ("Cannot prepare SQL: %s", sqlite3_errmsg (self->handle));
      jz_db_set_error (self, rc, error);
      return NULL;
    }

  return stmt;
}

gboolean
jz_db_exec (JzDb        *self,
            const char  *sql,
            GError     **error)
{
  int rc;

  g_assert (JZ_IS_DB (self));

  rc = sqlite3_exec (self->handle, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      jz_db_set_error (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

/* Steps a statement that returns no rows and resets it, so prepared
 * statements can be reused in loops. */
gboolean
jz_db_step_done (JzDb          *self,
                 sqlite3_stmt  *stmt,
                 GError       **error)
{
  int rc;

  g_assert (JZ_IS_DB (self));

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      jz_db_set_error (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

/* Sets @error to %JZ_DB_ERROR_CONFLICT for a row that changed since the
 * clerk read it, naming who changed it last and when, from the audit log,
 * so that every form says it alike.  Only edits count: a sign-in or a
 * look at a hidden field changes nothing anyone edits. */
void
jz_db_set_conflict_error (JzDb        *db,
                          const char  *table_name,
                          gint64       row_id,
                          GError     **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  JzAuditEntry *last = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *when = NULL;

  g_return_if_fail (JZ_IS_DB (db));

  entries = jz_audit_list (db, table_name, row_id, NULL);
  for (guint i = entries != NULL ? entries->len : 0; i > 0; i--)
    {
      JzAuditEntry *entry = g_ptr_array_index (entries, i - 1);

      if (g_str_equal (entry->action, "insert") ||
          g_str_equal (entry->action, "update") ||
          g_str_equal (entry->action, "delete"))
        {
          last = entry;
          break;
        }
    }

  if (last == NULL)
    {
      g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_CONFLICT,
                           _("Someone else changed this record meanwhile. Reload it to see their changes, then edit again."));
      return;
    }

  utc = g_date_time_new_from_iso8601 (last->at, NULL);
  local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  when = local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup (last->at);

  g_set_error (error, JZ_DB_ERROR, JZ_DB_ERROR_CONFLICT,
               _("%s changed this record at %s. Reload it to see their changes, then edit again."),
               last->user_name, when);
}

/* Steps an UPDATE or DELETE whose WHERE names the row's id and the
 * version the clerk read.  When it changed no row, another clerk changed
 * or removed the row meanwhile, and @error names who. */
gboolean
jz_db_step_versioned (JzDb          *self,
                      sqlite3_stmt  *stmt,
                      const char    *table_name,
                      gint64         row_id,
                      GError       **error)
{
  g_assert (JZ_IS_DB (self));

  if (!jz_db_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->handle) == 0)
    {
      jz_db_set_conflict_error (self, table_name, row_id, error);
      return FALSE;
    }

  return TRUE;
}

/* Returns: (transfer full) (nullable): a text column, %NULL for SQL NULL */
char *
jz_db_column_dup (sqlite3_stmt *stmt,
                  int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

gboolean
jz_db_in_write (JzDb *self)
{
  g_assert (JZ_IS_DB (self));

  return self->write_depth > 0;
}

static gboolean
query_int (JzDb        *self,
           const char  *sql,
           gint64      *value,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = jz_db_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      jz_db_set_error (self, rc == SQLITE_DONE ? SQLITE_ERROR : rc, error);
      return FALSE;
    }

  *value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
query_text (JzDb        *self,
            const char  *sql,
            char       **value,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = jz_db_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      jz_db_set_error (self, rc == SQLITE_DONE ? SQLITE_ERROR : rc, error);
      return FALSE;
    }

  *value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return TRUE;
}

static gboolean
apply_migrations (JzDb     *self,
                  gpointer  user_data,
                  GError  **error)
{
  g_autoptr(GPtrArray) list = list_migrations ();
  gint64 current = 0;

  /* Read again inside the write lock: another clerk may have migrated the
   * file between our first look and now. */
  if (!query_int (self, "PRAGMA user_version", &current, error))
    return FALSE;

  for (guint i = 0; i < list->len; i++)
    {
      const char *name = g_ptr_array_index (list, i);
      int number = migration_number (name);
      g_autofree char *path = g_strconcat (SQL_RESOURCE_PATH, name, NULL);
      g_autofree char *set_version = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *sql = NULL;

      if (number <= current)
        continue;

      bytes = g_resources_lookup_data (path, 0, error);
      if (bytes == NULL)
        return FALSE;

      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      if (!jz_db_exec (self, sql, error))
        {
          g_critical ("Migration %s failed: %s", name, sqlite3_errmsg (self->handle));
          return FALSE;
        }

      set_version = g_strdup_printf ("PRAGMA user_version = %d", number);
      if (!jz_db_exec (self, set_version, error))
        return FALSE;

      current = number;
    }

  self->schema_version = (int) current;
  return TRUE;
}

static gboolean
check_writable (const char  *existing,
                const char  *path,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  /* SQLite needs to create its journal beside the file, so the folder must
   * be writable too. */
  if ((existing != NULL && g_access (existing, W_OK) != 0) || g_access (dir, W_OK) != 0)
    {
      g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_READ_ONLY,
                           _("The database file or its folder is read-only, so nothing can be saved to it. Ask for write access or open another file."));
      return FALSE;
    }

  return TRUE;
}

/* WAL needs memory shared by every client, which a network share cannot
 * give, so a file there must use a rollback journal. A new file gets the
 * mode of where it is made. An existing file is never switched to WAL: it
 * may be shared from this computer's own disk with other clerks, who open
 * it over the network. One in WAL found on a share is switched back, which
 * SQLite allows only when nobody else has it open. */
static gboolean
choose_journal_mode (JzDb     *self,
                     gboolean  is_new,
                     GError  **error)
{
  gboolean network = jz_db_path_is_network (self->path);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *mode = NULL;

  if (is_new)
    return query_text (self, network ? "PRAGMA journal_mode = DELETE" : "PRAGMA journal_mode = WAL", &mode, error);

  if (!query_text (self, "PRAGMA journal_mode", &mode, error))
    return FALSE;

  if (!network || g_strcmp0 (mode, "wal") != 0)
    return TRUE;

  g_clear_pointer (&mode, g_free);
  if (!query_text (self, "PRAGMA journal_mode = DELETE", &mode, &local_error) &&
      !g_error_matches (local_error, JZ_DB_ERROR, JZ_DB_ERROR_LOCKED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (local_error != NULL || g_strcmp0 (mode, "wal") == 0)
    {
      g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_LOCKED,
                           _("This database on a shared drive is open in Jiuzhu on the computer that holds the file, in a mode that cannot be shared. Close Jiuzhu there, then open the database again."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
jz_db_setup (JzDb           *self,
             JzDbOpenFlags   flags,
             GError        **error)
{
  gboolean exists = g_file_test (self->path, G_FILE_TEST_EXISTS);
  gboolean read_only = (flags & JZ_DB_OPEN_READ_ONLY) != 0;
  int open_flags;
  gint64 version = 0;
  gint64 application_id = 0;
  gint64 n_objects = 0;
  int rc;

  if (!exists && (!(flags & JZ_DB_OPEN_CREATE) || read_only))
    {
      g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_MISSING,
                           _("The database file does not exist. It may have been moved, renamed or deleted."));
      return FALSE;
    }

  if (exists && g_file_test (self->path, G_FILE_TEST_IS_DIR))
    {
      g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_NOT_A_DATABASE,
                           _("This is a folder, not a database file."));
      return FALSE;
    }

  if (!exists)
    {
      g_autofree char *dir = g_path_get_dirname (self->path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_READ_ONLY,
                               _("The folder for the database cannot be created. Choose another place."));
          return FALSE;
        }
    }

  if (!read_only && !check_writable (exists ? self->path : NULL, self->path, error))
    return FALSE;

  open_flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (!exists)
    open_flags |= SQLITE_OPEN_CREATE;

  rc = sqlite3_open_v2 (self->path, &self->handle, open_flags, NULL);
  if (rc != SQLITE_OK)
    {
      jz_db_set_error (self, rc, error);
      return FALSE;
    }

  self->read_only = read_only;
  sqlite3_extended_result_codes (self->handle, 1);
  sqlite3_busy_timeout (self->handle, self->busy_timeout);

  /* The first read tells whether this is SQLite at all. */
  if (!query_int (self, "PRAGMA user_version", &version, error) ||
      !query_int (self, "PRAGMA application_id", &application_id, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
    return FALSE;

  /* Another program's SQLite file is never converted into ours. */
  if ((application_id != 0 && application_id != JZ_DB_APPLICATION_ID) ||
      (application_id == 0 && n_objects > 0))
    {
      g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_NOT_A_DATABASE,
                           _("This file is a database of another program, not a Jiuzhu database."));
      return FALSE;
    }

  if (version > jz_db_latest_schema_version ())
    {
      g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_NEWER_SCHEMA,
                           _("This database was saved by a newer version of Jiuzhu. Update Jiuzhu to open it."));
      return FALSE;
    }

  if (!jz_db_exec (self, "PRAGMA foreign_keys = ON", error))
    return FALSE;

  if (!read_only)
    {
      if (!choose_journal_mode (self, n_objects == 0, error))
        return FALSE;

      if (version < jz_db_latest_schema_version ())
        {
          if (!jz_db_write (self, apply_migrations, NULL, error))
            return FALSE;
        }
      else
        self->schema_version = (int) version;
    }
  else if (version > 0 && version < jz_db_latest_schema_version ())
    {
      g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_OLDER_SCHEMA,
                           _("This database was saved by an older version of Jiuzhu and must be brought up to date, which a read-only opening cannot do. Open it once for writing."));
      return FALSE;
    }
  else
    self->schema_version = (int) version;

  g_clear_pointer (&self->journal_mode, g_free);
  if (!query_text (self, "PRAGMA journal_mode", &self->journal_mode, error))
    return FALSE;

  self->data_version_stmt = jz_db_prepare (self, "PRAGMA data_version", error);
  if (self->data_version_stmt == NULL)
    return FALSE;

  if (!query_int (self, "PRAGMA data_version", &self->data_version, error))
    return FALSE;

  return TRUE;
}

JzDb *
jz_db_open (const char     *path,
            JzDbOpenFlags   flags,
            GError        **error)
{
  g_autoptr(JzDb) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (JZ_TYPE_DB, "path", path, NULL);
  if (!jz_db_setup (self, flags, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
jz_db_get_path (JzDb *self)
{
  g_return_val_if_fail (JZ_IS_DB (self), NULL);

  return self->path;
}

int
jz_db_get_schema_version (JzDb *self)
{
  g_return_val_if_fail (JZ_IS_DB (self), 0);

  return self->schema_version;
}

const char *
jz_db_get_journal_mode (JzDb *self)
{
  g_return_val_if_fail (JZ_IS_DB (self), NULL);

  return self->journal_mode;
}

gboolean
jz_db_get_read_only (JzDb *self)
{
  g_return_val_if_fail (JZ_IS_DB (self), TRUE);

  return self->read_only;
}

const char *
jz_db_get_user_name (JzDb *self)
{
  g_return_val_if_fail (JZ_IS_DB (self), NULL);

  return self->user_name;
}

void
jz_db_set_user_name (JzDb       *self,
                     const char *user_name)
{
  g_return_if_fail (JZ_IS_DB (self));

  if (user_name == NULL || *user_name == '\0')
    user_name = g_get_user_name ();

  if (g_strcmp0 (self->user_name, user_name) == 0)
    return;

  g_free (self->user_name);
  self->user_name = g_strdup (user_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER_NAME]);
}

guint
jz_db_get_busy_timeout (JzDb *self)
{
  g_return_val_if_fail (JZ_IS_DB (self), 0);

  return self->busy_timeout;
}

void
jz_db_set_busy_timeout (JzDb  *self,
                        guint  msec)
{
  g_return_if_fail (JZ_IS_DB (self));

  self->busy_timeout = msec;
  if (self->handle != NULL)
    sqlite3_busy_timeout (self->handle, (int) msec);
}

static gboolean
begin_immediate (JzDb    *self,
                 GError **error)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) self->busy_timeout * 1000;
  gulong pause = 2000;
  int rc;

  /* SQLite's own busy handler does not cover every case (a WAL snapshot
   * that went stale, a lock taken between two tries), so the whole
   * BEGIN is retried here until the timeout. */
  for (;;)
    {
      rc = sqlite3_exec (self->handle, "BEGIN IMMEDIATE", NULL, NULL, NULL);
      if ((rc & 0xFF) != SQLITE_BUSY && (rc & 0xFF) != SQLITE_LOCKED)
        break;
      if (g_get_monotonic_time () >= deadline)
        break;
      g_usleep (pause);
      pause = MIN (pause * 2, 100000);
    }

  if (rc != SQLITE_OK)
    {
      jz_db_set_error (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
commit (JzDb    *self,
        GError **error)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) self->busy_timeout * 1000;
  int rc;

  /* In rollback-journal mode a reader can keep us from the exclusive lock;
   * the transaction stays open and COMMIT can be tried again. */
  for (;;)
    {
      rc = sqlite3_exec (self->handle, "COMMIT", NULL, NULL, NULL);
      if ((rc & 0xFF) != SQLITE_BUSY || g_get_monotonic_time () >= deadline)
        break;
      g_usleep (10000);
    }

  if (rc != SQLITE_OK)
    {
      jz_db_set_error (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

static void
rollback (JzDb *self)
{
  if (!sqlite3_get_autocommit (self->handle))
    sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
}

/**
 * jz_db_write:
 *
 * Runs @func inside one write transaction: all of its changes are committed
 * together, or none when it fails. Nested calls run inside a savepoint of
 * the outer transaction.
 */
gboolean
jz_db_write (JzDb           *self,
             JzDbWriteFunc   func,
             gpointer        user_data,
             GError        **error)
{
  gboolean ok;

  g_return_val_if_fail (JZ_IS_DB (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (self->read_only)
    {
      jz_db_set_error (self, SQLITE_READONLY, error);
      return FALSE;
    }

  if (self->write_depth > 0)
    {
      if (!jz_db_exec (self, "SAVEPOINT jz_nested", error))
        return FALSE;

      self->write_depth++;
      ok = func (self, user_data, error);
      self->write_depth--;

      if (ok)
        return jz_db_exec (self, "RELEASE jz_nested", error);

      sqlite3_exec (self->handle, "ROLLBACK TO jz_nested; RELEASE jz_nested", NULL, NULL, NULL);
      return FALSE;
    }

  if (!begin_immediate (self, error))
    return FALSE;

  self->write_depth++;
  ok = func (self, user_data, error);
  self->write_depth--;

  if (ok && commit (self, error))
    return TRUE;

  rollback (self);
  return FALSE;
}

/**
 * jz_db_poll_changes:
 *
 * Returns: %TRUE, after emitting #JzDb::changed, when another connection
 * committed since the last look.
 */
gboolean
jz_db_poll_changes (JzDb *self)
{
  gint64 version;

  g_return_val_if_fail (JZ_IS_DB (self), FALSE);

  if (self->data_version_stmt == NULL || self->write_depth > 0)
    return FALSE;

  if (sqlite3_step (self->data_version_stmt) != SQLITE_ROW)
    {
      sqlite3_reset (self->data_version_stmt);
      return FALSE;
    }

  version = sqlite3_column_int64 (self->data_version_stmt, 0);
  sqlite3_reset (self->data_version_stmt);

  if (version == self->data_version)
    return FALSE;

  self->data_version = version;
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

static gboolean
watch_cb (gpointer user_data)
{
  jz_db_poll_changes (JZ_DB (user_data));

  return G_SOURCE_CONTINUE;
}

void
jz_db_watch (JzDb  *self,
             guint  interval_msec)
{
  g_return_if_fail (JZ_IS_DB (self));

  jz_db_unwatch (self);
  self->watch_source = g_timeout_add (interval_msec, watch_cb, self);
}

void
jz_db_unwatch (JzDb *self)
{
  g_return_if_fail (JZ_IS_DB (self));

  g_clear_handle_id (&self->watch_source, g_source_remove);
}

gint64
jz_db_count_rows (JzDb        *self,
                  const char  *table,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) check = NULL;
  g_autofree char *sql = NULL;
  gint64 count = -1;

  g_return_val_if_fail (JZ_IS_DB (self), -1);
  g_return_val_if_fail (table != NULL, -1);

  /* Only names of real tables reach the SQL text. */
  check = jz_db_prepare (self, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?", error);
  if (check == NULL)
    return -1;
  sqlite3_bind_text (check, 1, table, -1, SQLITE_STATIC);
  if (sqlite3_step (check) != SQLITE_ROW)
    {
      g_set_error (error, JZ_DB_ERROR, JZ_DB_ERROR_NOT_FOUND,
                   _("The database has no table named “%s”."), table);
      return -1;
    }

  sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", table);
  if (!query_int (self, sql, &count, error))
    return -1;

  return count;
}

static void
jz_db_finalize (GObject *object)
{
  JzDb *self = (JzDb *) object;

  g_clear_handle_id (&self->watch_source, g_source_remove);
  g_clear_pointer (&self->data_version_stmt, sqlite3_finalize);
  g_clear_pointer (&self->handle, sqlite3_close);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->journal_mode, g_free);
  g_clear_pointer (&self->user_name, g_free);

  G_OBJECT_CLASS (jz_db_parent_class)->finalize (object);
}

static void
jz_db_get_property (GObject    *object,
                    guint       prop_id,
                    GValue     *value,
                    GParamSpec *pspec)
{
  JzDb *self = JZ_DB (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_USER_NAME:
      g_value_set_string (value, self->user_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jz_db_set_property (GObject      *object,
                    guint         prop_id,
                    const GValue *value,
                    GParamSpec   *pspec)
{
  JzDb *self = JZ_DB (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;

    case PROP_USER_NAME:
      jz_db_set_user_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jz_db_class_init (JzDbClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jz_db_finalize;
  object_class->get_property = jz_db_get_property;
  object_class->set_property = jz_db_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_USER_NAME] =
    g_param_spec_string ("user-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JzDb::changed:
   *
   * Another connection, usually another clerk, committed a change.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
jz_db_init (JzDb *self)
{
  self->busy_timeout = DEFAULT_BUSY_TIMEOUT_MSEC;
  self->user_name = g_strdup (g_get_user_name ());
}
