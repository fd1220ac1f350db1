/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Passwords and signing in.  Passwords are kept only as libsodium's
 * argon2id strings; neither a password nor its hash ever reaches the audit
 * log, an error message or a log line. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "jz-db-private.h"
#include "jz-user-private.h"

/* Who a failed sign-in under a name of no account is logged as. */
#define UNKNOWN_NAME "?"

#define MAX_RETRY_DELAY 300

static gint64 test_now;

/* --- the password library ---------------------------------------------- */

static gboolean
ensure_sodium (GError **error)
{
  static gsize state = 0; /* 1: ready, 2: failed */

  if (g_once_init_enter (&state))
    g_once_init_leave (&state, sodium_init () >= 0 ? 1 : 2);

  if (state == 1)
    return TRUE;

  g_set_error_literal (error, JZ_USER_ERROR, JZ_USER_ERROR_FAILED,
                       _("Passwords cannot be checked on this computer because a system library failed to start; reinstall Jiuzhu."));
  return FALSE;
}

/* Interactive limits (about 64 MiB, a fraction of a second) in real use;
 * the tests ask for the minimum, which proves the same code paths. */
static void
hash_limits (unsigned long long *ops,
             size_t             *mem)
{
  if (g_strcmp0 (g_getenv ("JIUZHU_TEST_FAST_HASH"), "1") == 0)
    {
      *ops = crypto_pwhash_argon2id_OPSLIMIT_MIN;
      *mem = crypto_pwhash_argon2id_MEMLIMIT_MIN;
    }
  else
    {
      *ops = crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE;
      *mem = crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE;
    }
}

char *
jz_user_hash_password (const char  *password,
               GError     **error)
{
  char out[crypto_pwhash_STRBYTES];
  unsigned long long ops;
  size_t mem;

  if (!ensure_sodium (error))
    return NULL;

  hash_limits (&ops, &mem);
  if (crypto_pwhash_str_alg (out, password, strlen (password), ops, mem, crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error_literal (error, JZ_USER_ERROR, JZ_USER_ERROR_FAILED,
                           _("There was not enough memory to protect the password; close other programs and try again."));
      return NULL;
    }

  return g_strdup (out);
}

/* Checked against for a name nobody has, so that a guesser cannot tell an
 * unknown name from a wrong password by how long the answer takes. */
static const char *
dummy_hash (void)
{
  static char hash[crypto_pwhash_STRBYTES];
  static gsize ready = 0;

  if (g_once_init_enter (&ready))
    {
      unsigned long long ops;
      size_t mem;

      hash_limits (&ops, &mem);
      if (crypto_pwhash_str_alg (hash, "jiuzhu: no such user", 20, ops, mem, crypto_pwhash_ALG_ARGON2ID13) != 0)
        hash[0] = '\0';
      g_once_init_leave (&ready, 1);
    }

  return hash;
}

static gboolean
verify_password (const char *hash,
                 const char *password)
{
  if (hash == NULL || *hash == '\0')
    return FALSE;

  return crypto_pwhash_str_verify (hash, password, strlen (password)) == 0;
}

/* --- the clock ----------------------------------------------------------- */

void
jz_user_set_test_now (gint64 unix_seconds)
{
  test_now = unix_seconds;
}

gint64
jz_user_now (void)
{
  if (test_now != 0)
    return test_now;

  return g_get_real_time () / G_USEC_PER_SEC;
}

char *
jz_user_format_utc (gint64 unix_seconds)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (unix_seconds);

  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}

static gint64
parse_utc (const char *text)
{
  g_autoptr(GDateTime) time = NULL;

  if (text == NULL || *text == '\0')
    return 0;

  time = g_date_time_new_from_iso8601 (text, NULL);
  return time != NULL ? g_date_time_to_unix (time) : 0;
}

guint
jz_user_retry_delay (guint failures)
{
  if (failures < 3)
    return 0;

  /* 2^9 is past the cap already. */
  if (failures - 3 >= 9)
    return MAX_RETRY_DELAY;

  return MIN (1u << (failures - 3), MAX_RETRY_DELAY);
}

/* --- signing in ----------------------------------------------------------- */

typedef struct
{
  gint64      id;           /* 0: nobody has the name */
  const char *name_tried;
  gint64      now;
} FailureData;

/* The audit entry of a sign-in carries the name tried as its user, even
 * when nobody has that name, so it is written here rather than under the
 * database's user name. */
static gboolean
record_sign_in (JzDb        *db,
                const char  *name,
                gint64       id,
                const char  *action,
                const char  *new_values,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *valid = g_utf8_make_valid (name, -1);
  g_autofree char *shown = NULL;

  /* Whatever was typed, keep it short. */
  shown = g_utf8_substring (valid, 0, MIN (g_utf8_strlen (valid, -1), JZ_USER_MAX_NAME_CHARS));

  stmt = jz_db_prepare (db,
                        "INSERT INTO audit_log (at, user_name, table_name, row_id, action, old_values, new_values) "
                        "VALUES (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), ?, 'users', ?, ?, NULL, ?)",
                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, shown, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, id);
  sqlite3_bind_text (stmt, 3, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, new_values, -1, SQLITE_STATIC);

  return jz_db_step_done (db, stmt, error);
}

static gboolean
record_failure_cb (JzDb     *db,
                   gpointer  user_data,
                   GError  **error)
{
  FailureData *data = user_data;
  g_autoptr(sqlite3_stmt) count = NULL;
  g_autoptr(sqlite3_stmt) wait = NULL;
  g_autofree char *retry_after = NULL;
  g_autofree char *values = NULL;
  gint64 failures;
  guint delay;
  int rc;

  /* A name no account has is not kept: clerks type passwords into the
   * name field by mistake. */
  if (data->id == 0)
    return record_sign_in (db, UNKNOWN_NAME, 0, "sign_in_failed", NULL, error);

  /* Counted inside the transaction, so two windows failing at once both count. */
  count = jz_db_prepare (db,
                         "UPDATE users SET failed_sign_ins = failed_sign_ins + 1 WHERE id = ? RETURNING failed_sign_ins",
                         error);
  if (count == NULL)
    return FALSE;
  sqlite3_bind_int64 (count, 1, data->id);
  rc = sqlite3_step (count);
  if (rc == SQLITE_DONE)
    return record_sign_in (db, UNKNOWN_NAME, 0, "sign_in_failed", NULL, error);
  if (rc != SQLITE_ROW)
    {
      jz_db_set_error (db, rc, error);
      return FALSE;
    }
  failures = sqlite3_column_int64 (count, 0);
  if (!jz_db_step_done (db, count, error))
    return FALSE;

  delay = jz_user_retry_delay ((guint) CLAMP (failures, 0, G_MAXINT));
  if (delay > 0)
    retry_after = jz_user_format_utc (data->now + delay);

  wait = jz_db_prepare (db, "UPDATE users SET retry_after = ? WHERE id = ?", error);
  if (wait == NULL)
    return FALSE;
  if (retry_after != NULL)
    sqlite3_bind_text (wait, 1, retry_after, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (wait, 1);
  sqlite3_bind_int64 (wait, 2, data->id);
  if (!jz_db_step_done (db, wait, error))
    return FALSE;

  if (retry_after != NULL)
    values = g_strdup_printf ("{\"failed_sign_ins\":%" G_GINT64_FORMAT ",\"retry_after\":\"%s\"}", failures, retry_after);
  else
    values = g_strdup_printf ("{\"failed_sign_ins\":%" G_GINT64_FORMAT "}", failures);

  return record_sign_in (db, data->name_tried, data->id, "sign_in_failed", values, error);
}

static gboolean
record_success_cb (JzDb     *db,
                   gpointer  user_data,
                   GError  **error)
{
  const JzUser *user = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = jz_db_prepare (db, "UPDATE users SET failed_sign_ins = 0, retry_after = NULL WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, user->id);
  if (!jz_db_step_done (db, stmt, error))
    return FALSE;

  return record_sign_in (db, user->name, user->id, "sign_in", NULL, error);
}

typedef struct
{
  JzUser *user;
  char   *hash;
  char   *retry_after;
} SignInRow;

static gboolean
read_sign_in_row (JzDb        *db,
                  const char  *name,
                  SignInRow   *row,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = jz_db_prepare (db,
                        "SELECT " JZ_USER_COLUMNS ", password_hash, retry_after FROM users WHERE name = ?",
                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      row->user = jz_user_from_row (stmt);
      row->hash = jz_db_column_dup (stmt, 8);
      row->retry_after = jz_db_column_dup (stmt, 9);
      return TRUE;
    }

  if (rc == SQLITE_DONE)
    return TRUE;

  jz_db_set_error (db, rc, error);
  return FALSE;
}

static void
set_wrong_password_error (GError **error)
{
  g_set_error_literal (error, JZ_USER_ERROR, JZ_USER_ERROR_WRONG_PASSWORD,
                       _("The sign-in name or the password is wrong; check both and try again."));
}

JzUser *
jz_user_sign_in (JzDb        *db,
                 const char  *name,
                 const char  *password,
                 GError     **error)
{
  SignInRow row = { NULL, NULL, NULL };
  g_autoptr(JzUser) user = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *retry_after = NULL;
  g_autofree char *previous_name = NULL;
  gint64 now = jz_user_now ();
  gboolean verified;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  if (name == NULL)
    name = "";
  if (password == NULL)
    password = "";

  if (!ensure_sodium (error) || !read_sign_in_row (db, name, &row, error))
    return NULL;

  user = row.user;
  hash = row.hash;
  retry_after = row.retry_after;

  if (user != NULL && retry_after != NULL)
    {
      gint64 wait = parse_utc (retry_after) - now;

      if (wait > 0)
        {
          g_set_error (error, JZ_USER_ERROR, JZ_USER_ERROR_TOO_SOON,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "Too many wrong passwords. Wait %d second, then try again.",
                                    "Too many wrong passwords. Wait %d seconds, then try again.",
                                    (gulong) wait),
                       (int) wait);
          return NULL;
        }
    }

  if (user != NULL && hash == NULL)
    {
      g_set_error_literal (error, JZ_USER_ERROR, JZ_USER_ERROR_NO_PASSWORD,
                           _("This account has no password yet; ask the administrator to set one."));
      return NULL;
    }

  verified = verify_password (user != NULL ? hash : dummy_hash (), password);
  if (user == NULL || !verified)
    {
      FailureData data = { user != NULL ? user->id : 0, name, now };

      /* A read-only file cannot count; whoever holds it can read the
       * hashes anyway. */
      if (!jz_db_get_read_only (db))
        jz_db_write (db, record_failure_cb, &data, NULL);

      set_wrong_password_error (error);
      return NULL;
    }

  if (!user->active)
    {
      g_set_error_literal (error, JZ_USER_ERROR, JZ_USER_ERROR_INACTIVE,
                           _("This account is switched off; ask the administrator."));
      return NULL;
    }

  previous_name = g_strdup (jz_db_get_user_name (db));
  jz_db_set_user_name (db, user->name);

  if (!jz_db_get_read_only (db) && !jz_db_write (db, record_success_cb, user, error))
    {
      jz_db_set_user_name (db, previous_name);
      return NULL;
    }

  return g_steal_pointer (&user);
}
