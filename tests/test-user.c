/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "jz-audit.h"
#include "jz-db-private.h"
#include "jz-test-util.h"
#include "jz-user-private.h"

/* A moment in 2026, so that waits are counted on a clock the test moves. */
#define T0 G_GINT64_CONSTANT (1780000000)

static JzUser *
make_user (const char *name,
           JzRole      role,
           gint64      region_id)
{
  JzUser *user = jz_user_new ();

  user->name = g_strdup (name);
  user->full_name = g_strdup ("测试用户");
  user->role = role;
  user->region_id = region_id;
  return user;
}

static gint64
add_user (JzTestDb   *t,
          const char *name,
          JzRole      role,
          gint64      region_id,
          const char *password)
{
  g_autoptr(JzUser) user = make_user (name, role, region_id);
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = jz_user_create (t->db, NULL, user, password, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static char *
query_text (JzDb       *db,
            const char *sql,
            const char *arg)
{
  g_autoptr(sqlite3_stmt) stmt = jz_db_prepare (db, sql, NULL);

  g_assert_nonnull (stmt);
  if (arg != NULL)
    sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return jz_db_column_dup (stmt, 0);
}

static void
assert_text (JzDb       *db,
             const char *sql,
             const char *expected)
{
  g_autofree char *text = query_text (db, sql, NULL);

  g_assert_cmpstr (text, ==, expected);
}

static gint64
query_int (JzDb       *db,
           const char *sql,
           const char *arg)
{
  g_autoptr(sqlite3_stmt) stmt = jz_db_prepare (db, sql, NULL);

  g_assert_nonnull (stmt);
  if (arg != NULL)
    sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* Every character of the audit log, each column of each row. */
static char *
whole_audit_log (JzDb *db)
{
  return query_text (db,
                     "SELECT group_concat (at || '|' || user_name || '|' || table_name || '|' || row_id || '|' "
                     "|| action || '|' || ifnull (old_values, '') || '|' || ifnull (new_values, ''), char (10)) "
                     "FROM audit_log",
                     NULL);
}

static void
test_roles (void)
{
  for (JzRole role = JZ_ROLE_CLERK; role <= JZ_ROLE_ADMIN; role++)
    {
      JzRole back = JZ_ROLE_ADMIN + 1;

      g_assert_true (jz_role_from_string (jz_role_to_string (role), &back));
      g_assert_cmpint (back, ==, role);
      g_assert_nonnull (jz_role_label (role));
    }
  g_assert_cmpstr (jz_role_to_string (JZ_ROLE_REVIEWER), ==, "reviewer");
  g_assert_cmpstr (jz_role_label (JZ_ROLE_REVIEWER), ==, "District reviewer");
  g_assert_false (jz_role_from_string ("root", NULL));
  g_assert_false (jz_role_from_string (NULL, NULL));
}

static void
test_hash_round_trip (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JzUser) user = NULL;
  g_autoptr(JzUser) signed_in = NULL;
  g_autoptr(JzUser) again = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *new_hash = NULL;
  const char *password = "correct horse 9";

  add_user (t, "wang", JZ_ROLE_ADMIN, 0, password);

  user = jz_user_get_by_name (t->db, "wang", &error);
  g_assert_no_error (error);
  g_assert_true (user->has_password);
  g_assert_true (user->active);
  g_assert_cmpint (user->role, ==, JZ_ROLE_ADMIN);
  g_assert_cmpint (user->version, ==, 1);

  hash = query_text (t->db, "SELECT password_hash FROM users WHERE name = 'wang'", NULL);
  g_assert_true (g_str_has_prefix (hash, "$argon2id$"));
  g_assert_cmpstr (hash, !=, password);
  g_assert_null (strstr (hash, password));
  assert_text (t->db, "SELECT length (created_at) FROM users WHERE name = 'wang'", "20");

  signed_in = jz_user_sign_in (t->db, "wang", password, &error);
  g_assert_no_error (error);
  g_assert_nonnull (signed_in);
  g_assert_cmpint (signed_in->id, ==, user->id);
  g_assert_cmpstr (jz_db_get_user_name (t->db), ==, "wang");

  /* A new password replaces the old one, and its hash differs (a new salt). */
  g_assert_true (jz_user_set_password (t->db, signed_in, "wang", "battery staple 8", &error));
  g_assert_no_error (error);
  new_hash = query_text (t->db, "SELECT password_hash FROM users WHERE name = 'wang'", NULL);
  g_assert_true (g_str_has_prefix (new_hash, "$argon2id$"));
  g_assert_cmpstr (new_hash, !=, hash);

  g_assert_null (jz_user_sign_in (t->db, "wang", password, &error));
  g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);
  again = jz_user_sign_in (t->db, "wang", "battery staple 8", &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);

  /* A password change is no edit of the row: forms open on it stay valid. */
  g_clear_pointer (&user, jz_user_free);
  user = jz_user_get_by_name (t->db, "wang", &error);
  g_assert_cmpint (user->version, ==, 1);
}

/* Without the test switch, the hash uses libsodium's interactive limits. */
static void
test_real_limits (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JzUser) signed_in = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *expected = g_strdup_printf ("$argon2id$v=19$m=%zu,t=%llu,p=1$",
                                               (size_t) (crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE / 1024),
                                               (unsigned long long) crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE);

  g_unsetenv ("JIUZHU_TEST_FAST_HASH");
  add_user (t, "li", JZ_ROLE_LEADER, 0, "一二三四五六七八");
  g_setenv ("JIUZHU_TEST_FAST_HASH", "1", TRUE);

  hash = query_text (t->db, "SELECT password_hash FROM users WHERE name = 'li'", NULL);
  g_assert_true (g_str_has_prefix (hash, expected));

  /* The limits are in the hash, so it checks whatever the switch says now. */
  signed_in = jz_user_sign_in (t->db, "li", "一二三四五六七八", &error);
  g_assert_no_error (error);
  g_assert_nonnull (signed_in);
}

static void
test_weak_password (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(JzUser) user = make_user ("zhao", JZ_ROLE_LEADER, 0);
  g_autoptr(GError) error = NULL;

  g_assert_false (jz_user_validate_password ("1234567", &error));
  g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_WEAK_PASSWORD);
  g_assert_cmpstr (error->message, ==, "A password needs at least 8 characters; choose a longer one.");
  g_clear_error (&error);

  /* Characters, not bytes: seven Chinese characters are 21 bytes. */
  g_assert_false (jz_user_validate_password ("一二三四五六七", &error));
  g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_WEAK_PASSWORD);
  g_clear_error (&error);
  g_assert_true (jz_user_validate_password ("一二三四五六七八", &error));
  g_assert_true (jz_user_validate_password ("12345678", &error));
  g_assert_false (jz_user_validate_password (NULL, NULL));

  g_assert_cmpint (jz_user_create (t->db, NULL, user, "short", &error), ==, 0);
  g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_WEAK_PASSWORD);
  g_clear_error (&error);
  g_assert_cmpint (jz_db_count_rows (t->db, "users", NULL), ==, 0);

  add_user (t, "zhao", JZ_ROLE_LEADER, 0, NULL);
  g_assert_false (jz_user_set_password (t->db, NULL, "zhao", "short", &error));
  g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_WEAK_PASSWORD);
  g_clear_error (&error);
  g_assert_cmpint (query_int (t->db, "SELECT password_hash IS NULL FROM users WHERE name = 'zhao'", NULL), ==, 1);
}

static void
test_retry_delay (void)
{
  static const guint expected[] = { 0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300 };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpuint (jz_user_retry_delay (i), ==, expected[i]);
  g_assert_cmpuint (jz_user_retry_delay (40), ==, 300);
  g_assert_cmpuint (jz_user_retry_delay (G_MAXUINT), ==, 300);
}

static void
assert_wrong (JzTestDb   *t,
              const char *name,
              const char *password)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (jz_user_sign_in (t->db, name, password, &error));
  g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_WRONG_PASSWORD);
}

static void
assert_too_soon (JzTestDb   *t,
                 const char *password,
                 const char *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (jz_user_sign_in (t->db, "wang", password, &error));
  g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_TOO_SOON);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_slow_down (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JzUser) signed_in = NULL;
  g_autofree char *retry_after = NULL;
  gint64 now = T0;

  add_user (t, "wang", JZ_ROLE_REVIEWER, 0, "right password");
  jz_user_set_test_now (now);

  /* Two wrong passwords cost nothing. */
  assert_wrong (t, "wang", "wrong one");
  assert_wrong (t, "wang", "wrong two");
  g_assert_cmpint (query_int (t->db, "SELECT failed_sign_ins FROM users WHERE name = 'wang'", NULL), ==, 2);
  g_assert_cmpint (query_int (t->db, "SELECT retry_after IS NULL FROM users WHERE name = 'wang'", NULL), ==, 1);

  /* The third makes the next wait a second — even with the right password. */
  assert_wrong (t, "wang", "wrong three");
  retry_after = query_text (t->db, "SELECT retry_after FROM users WHERE name = 'wang'", NULL);
  g_assert_cmpstr (retry_after, ==, "2026-05-28T20:26:41Z");
  assert_too_soon (t, "right password", "Too many wrong passwords. Wait 1 second, then try again.");
  /* A refusal for being early is not another wrong password. */
  g_assert_cmpint (query_int (t->db, "SELECT failed_sign_ins FROM users WHERE name = 'wang'", NULL), ==, 3);

  /* Then 2, 4, 8 seconds … */
  now += 1;
  jz_user_set_test_now (now);
  assert_wrong (t, "wang", "wrong four");
  assert_too_soon (t, "wrong five", "Too many wrong passwords. Wait 2 seconds, then try again.");
  now += 2;
  jz_user_set_test_now (now);
  assert_wrong (t, "wang", "wrong five");
  assert_too_soon (t, "x", "Too many wrong passwords. Wait 4 seconds, then try again.");
  jz_user_set_test_now (now + 3);
  assert_too_soon (t, "x", "Too many wrong passwords. Wait 1 second, then try again.");

  /* … up to five minutes. */
  for (int i = 0; i < 20; i++)
    {
      now += 400;
      jz_user_set_test_now (now);
      assert_wrong (t, "wang", "still wrong");
    }
  assert_too_soon (t, "right password", "Too many wrong passwords. Wait 300 seconds, then try again.");
  g_assert_cmpint (query_int (t->db, "SELECT failed_sign_ins FROM users WHERE name = 'wang'", NULL), ==, 25);

  /* The right password after the wait signs in and starts the count again. */
  now += 300;
  jz_user_set_test_now (now);
  signed_in = jz_user_sign_in (t->db, "wang", "right password", &error);
  g_assert_no_error (error);
  g_assert_nonnull (signed_in);
  g_assert_cmpint (query_int (t->db, "SELECT failed_sign_ins FROM users WHERE name = 'wang'", NULL), ==, 0);
  g_assert_cmpint (query_int (t->db, "SELECT retry_after IS NULL FROM users WHERE name = 'wang'", NULL), ==, 1);

  /* Every wrong password is in the audit log under the name tried; the
   * sign-in too. */
  g_assert_cmpint (query_int (t->db, "SELECT count(*) FROM audit_log WHERE action = 'sign_in_failed' "
                                     "AND user_name = 'wang' AND table_name = 'users' AND row_id = "
                                     "(SELECT id FROM users WHERE name = ?)", "wang"), ==, 25);
  g_assert_cmpint (query_int (t->db, "SELECT count(*) FROM audit_log WHERE action = 'sign_in' AND user_name = ?",
                              "wang"), ==, 1);
  assert_text (t->db, "SELECT new_values FROM audit_log WHERE action = 'sign_in_failed' "
                      "ORDER BY id LIMIT 1 OFFSET 2",
              "{\"failed_sign_ins\":3,\"retry_after\":\"2026-05-28T20:26:41Z\"}");

  jz_user_set_test_now (0);
}

/* The administrator's new password lifts the wait at once. */
static void
test_reset_lifts_wait (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JzUser) signed_in = NULL;

  add_user (t, "wang", JZ_ROLE_REVIEWER, 0, "right password");
  jz_user_set_test_now (T0);
  for (int i = 0; i < 6; i++)
    {
      jz_user_set_test_now (T0 + 100 * i);
      assert_wrong (t, "wang", "wrong");
    }
  assert_too_soon (t, "right password", "Too many wrong passwords. Wait 8 seconds, then try again.");

  g_assert_true (jz_user_set_password (t->db, NULL, "wang", "another password", &error));
  g_assert_no_error (error);
  signed_in = jz_user_sign_in (t->db, "wang", "another password", &error);
  g_assert_no_error (error);
  g_assert_nonnull (signed_in);

  jz_user_set_test_now (0);
}

static void
test_same_message (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(GError) unknown = NULL;
  g_autoptr(GError) wrong = NULL;

  add_user (t, "wang", JZ_ROLE_REVIEWER, 0, "right password");

  g_assert_null (jz_user_sign_in (t->db, "nobody", "right password", &unknown));
  g_assert_null (jz_user_sign_in (t->db, "wang", "wrong password", &wrong));
  g_assert_error (unknown, JZ_USER_ERROR, JZ_USER_ERROR_WRONG_PASSWORD);
  g_assert_error (wrong, JZ_USER_ERROR, JZ_USER_ERROR_WRONG_PASSWORD);
  g_assert_cmpstr (unknown->message, ==, wrong->message);
  g_assert_null (strstr (unknown->message, "nobody"));

  /* An unknown name is logged as "?", against no row: it may be a
   * password typed into the wrong field. */
  g_assert_cmpint (query_int (t->db, "SELECT count(*) FROM audit_log WHERE action = 'sign_in_failed' "
                                     "AND user_name = ? AND table_name = 'users' AND row_id = 0", "?"), ==, 1);
  g_assert_cmpint (query_int (t->db, "SELECT count(*) FROM audit_log WHERE instr (user_name, ?1) > 0 "
                                     "OR instr (coalesce (new_values, ''), ?1) > 0", "nobody"), ==, 0);
  /* Nobody signed in: the database's user name did not change. */
  g_assert_cmpstr (jz_db_get_user_name (t->db), ==, "clerk-a");
}

static void
test_inactive_and_no_password (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(JzUser) user = NULL;
  g_autoptr(GError) error = NULL;

  add_user (t, "admin", JZ_ROLE_ADMIN, 0, "admin password");
  add_user (t, "wang", JZ_ROLE_REVIEWER, 0, "right password");
  add_user (t, "zhao", JZ_ROLE_LEADER, 0, NULL);

  g_assert_null (jz_user_sign_in (t->db, "zhao", "anything at all", &error));
  g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_NO_PASSWORD);
  g_clear_error (&error);

  user = jz_user_get_by_name (t->db, "wang", &error);
  user->active = FALSE;
  g_assert_true (jz_user_update (t->db, NULL, user, &error));
  g_assert_no_error (error);

  g_assert_null (jz_user_sign_in (t->db, "wang", "right password", &error));
  g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_INACTIVE);
  g_clear_error (&error);
  /* A wrong password says no more than for anyone. */
  assert_wrong (t, "wang", "wrong password");
}

/* Create, change the password, fail and succeed to sign in, edit: no
 * password and no hash in any column of any audit entry. */
static void
test_audit_without_password (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(JzUser) user = NULL;
  g_autoptr(JzUser) signed_in = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *log = NULL;
  g_autofree char *hash = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  JzAuditEntry *entry;
  gint64 id;

  jz_user_set_test_now (T0);
  id = add_user (t, "wang", JZ_ROLE_ADMIN, 0, "first-Secret-1");
  g_assert_true (jz_user_set_password (t->db, NULL, "wang", "second-Secret-2", &error));
  g_assert_no_error (error);
  for (int i = 0; i < 4; i++)
    {
      jz_user_set_test_now (T0 + 1000 * i);
      assert_wrong (t, "wang", "guessed-Secret-3");
    }
  assert_wrong (t, "nobody", "guessed-Secret-4");
  jz_user_set_test_now (T0 + 10000);
  signed_in = jz_user_sign_in (t->db, "wang", "second-Secret-2", &error);
  g_assert_no_error (error);
  user = jz_user_get (t->db, id, &error);
  g_free (user->full_name);
  user->full_name = g_strdup ("王主任");
  g_assert_true (jz_user_update (t->db, signed_in, user, &error));
  g_assert_no_error (error);
  g_assert_true (jz_user_set_single_user (t->db, signed_in, TRUE, &error));
  g_assert_no_error (error);

  log = whole_audit_log (t->db);
  hash = query_text (t->db, "SELECT password_hash FROM users WHERE id = 1", NULL);
  g_assert_nonnull (log);
  g_assert_null (strstr (log, "Secret"));
  g_assert_null (strstr (log, "argon2"));
  g_assert_null (strstr (log, hash));
  g_assert_null (strstr (log, "password_hash"));

  /* What there is: that a password was set, then changed. */
  entries = jz_audit_list (t->db, "users", id, &error);
  g_assert_no_error (error);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->action, ==, "insert");
  g_assert_true (strstr (entry->new_values, "\"password\":\"set\"") != NULL);
  entry = g_ptr_array_index (entries, 1);
  g_assert_cmpstr (entry->action, ==, "password");
  g_assert_cmpstr (entry->new_values, ==, "{\"password\":\"changed\"}");
  entry = g_ptr_array_index (entries, entries->len - 1);
  g_assert_cmpstr (entry->action, ==, "update");
  g_assert_cmpstr (entry->user_name, ==, "wang");
  g_assert_cmpstr (entry->old_values, ==, "{\"full_name\":\"测试用户\",\"version\":1}");
  g_assert_cmpstr (entry->new_values, ==, "{\"full_name\":\"王主任\",\"version\":2}");

  jz_user_set_test_now (0);
}

typedef enum { NO, OWN, ALL } Reach;

/* DESIGN: the role matrix of jz-user.h.  OWN: the clerk's own township
 * (and, for reading, things of no township). */
static const Reach matrix[4][7] = {
  /*             READ  EDIT  APPLY DECIDE STAND USERS EXPORT */
  [JZ_ROLE_CLERK]    = { OWN, OWN, OWN, NO,  NO,  NO,  OWN },
  [JZ_ROLE_REVIEWER] = { ALL, NO,  NO,  ALL, ALL, NO,  ALL },
  [JZ_ROLE_LEADER]   = { ALL, NO,  NO,  NO,  NO,  NO,  NO  },
  [JZ_ROLE_ADMIN]    = { ALL, ALL, ALL, ALL, ALL, ALL, ALL },
};

static void
test_role_matrix (void)
{
  const gint64 own = 11, other = 12;

  for (JzRole role = JZ_ROLE_CLERK; role <= JZ_ROLE_ADMIN; role++)
    for (JzPermission p = JZ_PERMISSION_READ; p <= JZ_PERMISSION_EXPORT; p++)
      {
        g_autoptr(JzUser) user = make_user ("u", role, role == JZ_ROLE_CLERK ? own : 0);
        Reach reach = matrix[role][p];
        gboolean want_own = reach != NO;
        gboolean want_other = reach == ALL;
        gboolean want_none = reach == ALL || (reach == OWN && p == JZ_PERMISSION_READ);

        g_test_message ("role %s, permission %d", jz_role_to_string (role), p);
        g_assert_cmpint (jz_user_can (user, p, own), ==, want_own);
        g_assert_cmpint (jz_user_can (user, p, other), ==, want_other);
        g_assert_cmpint (jz_user_can (user, p, 0), ==, want_none);

        /* jz_user_check agrees, with a sentence when it refuses. */
        for (guint k = 0; k < 3; k++)
          {
            gint64 township = k == 0 ? own : k == 1 ? other : 0;
            g_autoptr(GError) error = NULL;
            gboolean allowed = jz_user_check (user, p, township, &error);

            g_assert_cmpint (allowed, ==, jz_user_can (user, p, township));
            if (allowed)
              g_assert_no_error (error);
            else
              {
                g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_DENIED);
                g_assert_true (strstr (error->message, jz_role_label (role)) != NULL);
              }
          }

        /* Switched off: nothing; single-user mode (no user): everything. */
        user->active = FALSE;
        g_assert_false (jz_user_can (user, p, own));
        g_assert_false (jz_user_can (user, p, 0));
        g_assert_true (jz_user_can (NULL, p, own));
        g_assert_true (jz_user_can (NULL, p, other));
        g_assert_true (jz_user_check (NULL, p, 0, NULL));
      }

  /* A clerk without a township may only read what belongs to none. */
  {
    g_autoptr(JzUser) lost = make_user ("u", JZ_ROLE_CLERK, 0);

    g_assert_true (jz_user_can (lost, JZ_PERMISSION_READ, 0));
    g_assert_false (jz_user_can (lost, JZ_PERMISSION_EDIT_FILES, 0));
    g_assert_false (jz_user_can (lost, JZ_PERMISSION_READ, own));
  }
}

static void
test_check_messages (void)
{
  g_autoptr(JzUser) reviewer = make_user ("r", JZ_ROLE_REVIEWER, 0);
  g_autoptr(JzUser) clerk = make_user ("c", JZ_ROLE_CLERK, 11);
  g_autoptr(JzUser) leader = make_user ("l", JZ_ROLE_LEADER, 0);
  g_autoptr(GError) error = NULL;

  g_assert_false (jz_user_check (clerk, JZ_PERMISSION_STANDARDS, 0, &error));
  g_assert_cmpstr (error->message, ==, "Your role (Township clerk) may not change standards.");
  g_clear_error (&error);

  g_assert_false (jz_user_check (reviewer, JZ_PERMISSION_USERS, 0, &error));
  g_assert_cmpstr (error->message, ==, "Your role (District reviewer) may not manage users.");
  g_clear_error (&error);

  g_assert_false (jz_user_check (clerk, JZ_PERMISSION_APPLY, 12, &error));
  g_assert_cmpstr (error->message, ==, "Your role (Township clerk) works only on the files of its own township.");
  g_clear_error (&error);

  g_assert_false (jz_user_check (clerk, JZ_PERMISSION_DECIDE, 11, &error));
  g_assert_cmpstr (error->message, ==, "Your role (Township clerk) may not approve, refuse, suspend or end assistance.");
  g_clear_error (&error);

  g_assert_false (jz_user_check (leader, JZ_PERMISSION_EXPORT, 0, &error));
  g_assert_cmpstr (error->message, ==, "Your role (Leader) may not export personal data.");
  g_clear_error (&error);

  leader->active = FALSE;
  g_assert_false (jz_user_check (leader, JZ_PERMISSION_READ, 0, &error));
  g_assert_cmpstr (error->message, ==, "This account is switched off; ask the administrator.");
}

static void
test_first_admin (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(JzUser) clerk = make_user ("clerk", JZ_ROLE_CLERK, 0);
  g_autoptr(JzUser) first = make_user ("chief", JZ_ROLE_ADMIN, 0);
  g_autoptr(JzUser) second = make_user ("deputy", JZ_ROLE_ADMIN, 0);
  g_autoptr(JzUser) actor = NULL;
  g_autoptr(JzUser) signed_in = NULL;
  g_autoptr(GError) error = NULL;

  clerk->region_id = t->township;
  g_assert_true (jz_user_needs_first_admin (t->db));

  /* A clerk with a password, made from the command line: there is still
   * no administrator. */
  g_assert_cmpint (jz_user_create (t->db, NULL, clerk, "clerk password", &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (jz_user_needs_first_admin (t->db));
  actor = jz_user_get_by_name (t->db, "clerk", &error);

  /* That clerk may not make other users … */
  g_clear_pointer (&clerk->name, g_free);
  clerk->name = g_strdup ("clerk2");
  g_assert_cmpint (jz_user_create (t->db, actor, clerk, "clerk password", &error), ==, 0);
  g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_DENIED);
  g_assert_cmpstr (error->message, ==, "Your role (Township clerk) may not manage users.");
  g_clear_error (&error);
  /* … nor an administrator without a password … */
  g_assert_cmpint (jz_user_create (t->db, actor, first, NULL, &error), ==, 0);
  g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_DENIED);
  g_clear_error (&error);

  /* … but the first administrator, yes. */
  g_assert_cmpint (jz_user_create (t->db, actor, first, "chief password", &error), >, 0);
  g_assert_no_error (error);
  g_assert_false (jz_user_needs_first_admin (t->db));

  /* Only once. */
  g_assert_cmpint (jz_user_create (t->db, actor, second, "deputy password", &error), ==, 0);
  g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_DENIED);
  g_clear_error (&error);

  /* The administrator may. */
  signed_in = jz_user_sign_in (t->db, "chief", "chief password", &error);
  g_assert_no_error (error);
  g_assert_cmpint (jz_user_create (t->db, signed_in, second, "deputy password", &error), >, 0);
  g_assert_no_error (error);
}

/* A demo database has an administrator without a password: the first run
 * gives it one. */
static void
test_first_admin_password (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(JzUser) leader = NULL;
  g_autoptr(GError) error = NULL;

  add_user (t, "admin", JZ_ROLE_ADMIN, 0, NULL);
  add_user (t, "leader", JZ_ROLE_LEADER, 0, NULL);
  add_user (t, "reviewer", JZ_ROLE_REVIEWER, 0, NULL);
  leader = jz_user_get_by_name (t->db, "leader", &error);
  g_assert_true (jz_user_needs_first_admin (t->db));

  /* Not someone else's password, even now. */
  g_assert_false (jz_user_set_password (t->db, leader, "reviewer", "reviewer password", &error));
  g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_DENIED);
  g_clear_error (&error);

  g_assert_true (jz_user_set_password (t->db, leader, "admin", "admin password", &error));
  g_assert_no_error (error);
  g_assert_false (jz_user_needs_first_admin (t->db));

  /* Once there is one, the rule is back: own password only. */
  g_assert_false (jz_user_set_password (t->db, leader, "admin", "taken over", &error));
  g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (jz_user_set_password (t->db, leader, "leader", "leader password", &error));
  g_assert_no_error (error);
}

static void
test_single_user (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(JzUser) admin = NULL;
  g_autoptr(JzUser) clerk = NULL;
  g_autoptr(GError) error = NULL;

  /* Fresh: nobody can sign in, so nobody has to. */
  g_assert_true (jz_user_get_single_user (t->db));
  g_assert_false (jz_user_set_single_user (t->db, NULL, FALSE, &error));
  g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_NO_PASSWORD);
  g_clear_error (&error);

  add_user (t, "clerk", JZ_ROLE_CLERK, t->township, NULL);
  g_assert_true (jz_user_get_single_user (t->db));

  add_user (t, "admin", JZ_ROLE_ADMIN, 0, "admin password");
  g_assert_false (jz_user_get_single_user (t->db));

  admin = jz_user_sign_in (t->db, "admin", "admin password", &error);
  g_assert_no_error (error);
  clerk = jz_user_get_by_name (t->db, "clerk", &error);

  g_assert_false (jz_user_set_single_user (t->db, clerk, TRUE, &error));
  g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (jz_user_get_single_user (t->db));

  g_assert_true (jz_user_set_single_user (t->db, admin, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (jz_user_get_single_user (t->db));
  assert_text (t->db, "SELECT value FROM meta WHERE key = 'single_user'", "1");

  g_assert_true (jz_user_set_single_user (t->db, admin, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (jz_user_get_single_user (t->db));
  assert_text (t->db, "SELECT value FROM meta WHERE key = 'single_user'", "0");

  /* Both switches are in the audit log; setting the same again adds nothing. */
  g_assert_true (jz_user_set_single_user (t->db, admin, FALSE, &error));
  g_assert_cmpint (query_int (t->db, "SELECT count(*) FROM audit_log WHERE table_name = 'meta' AND user_name = ?",
                              "admin"), ==, 2);
}

static void
test_version_conflict (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(JzUser) mine = NULL;
  g_autoptr(JzUser) theirs = NULL;
  g_autoptr(JzUser) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = add_user (t, "wang", JZ_ROLE_CLERK, t->township, "right password");
  mine = jz_user_get (t->db, id, &error);
  theirs = jz_user_get (t->db, id, &error);

  jz_db_set_user_name (t->db, "admin-b");
  g_free (theirs->full_name);
  theirs->full_name = g_strdup ("王五");
  g_assert_true (jz_user_update (t->db, NULL, theirs, &error));
  g_assert_no_error (error);
  g_assert_cmpint (theirs->version, ==, 2);

  /* Sign-ins in between do not count as changes. */
  assert_wrong (t, "wang", "wrong password");

  jz_db_set_user_name (t->db, "admin-a");
  mine->role = JZ_ROLE_LEADER;
  g_assert_false (jz_user_update (t->db, NULL, mine, &error));
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_CONFLICT);
  g_assert_true (g_str_has_prefix (error->message, "admin-b changed this record at "));
  g_clear_error (&error);
  g_assert_cmpint (mine->version, ==, 1);

  reloaded = jz_user_get (t->db, id, &error);
  g_assert_cmpint (reloaded->role, ==, JZ_ROLE_CLERK);
  g_assert_cmpstr (reloaded->full_name, ==, "王五");
  g_assert_cmpint (reloaded->region_id, ==, t->township);

  /* After a reload the change goes through; a reviewer has no township. */
  reloaded->role = JZ_ROLE_REVIEWER;
  g_assert_true (jz_user_update (t->db, NULL, reloaded, &error));
  g_assert_no_error (error);
  g_assert_cmpint (reloaded->version, ==, 3);
  g_assert_cmpint (reloaded->region_id, ==, 0);
  g_assert_cmpint (query_int (t->db, "SELECT region_id IS NULL FROM users WHERE name = ?", "wang"), ==, 1);
}

static void
test_rules_of_the_data (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(JzUser) user = make_user ("wang", JZ_ROLE_CLERK, 0);
  g_autoptr(JzUser) admin = NULL;
  g_autoptr(JzUser) leader = NULL;
  g_autoptr(GError) error = NULL;

  /* A clerk needs a township — not a village. */
  g_assert_cmpint (jz_user_create (t->db, NULL, user, NULL, &error), ==, 0);
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT);
  g_clear_error (&error);
  user->region_id = t->village;
  g_assert_cmpint (jz_user_create (t->db, NULL, user, NULL, &error), ==, 0);
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT);
  g_clear_error (&error);

  user->region_id = t->township;
  g_assert_cmpint (jz_user_create (t->db, NULL, user, NULL, &error), >, 0);
  g_assert_no_error (error);

  /* Names are unique and have no blanks. */
  g_assert_cmpint (jz_user_create (t->db, NULL, user, NULL, &error), ==, 0);
  g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_EXISTS);
  g_clear_error (&error);
  g_free (user->name);
  user->name = g_strdup ("wang wu");
  g_assert_cmpint (jz_user_create (t->db, NULL, user, NULL, &error), ==, 0);
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_free (user->name);
  user->name = g_strdup ("");
  g_assert_cmpint (jz_user_create (t->db, NULL, user, NULL, &error), ==, 0);
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (jz_db_count_rows (t->db, "users", NULL), ==, 1);

  /* Users with passwords keep an administrator who can sign in. */
  add_user (t, "admin", JZ_ROLE_ADMIN, 0, "admin password");
  add_user (t, "leader", JZ_ROLE_LEADER, 0, "leader password");
  admin = jz_user_get_by_name (t->db, "admin", &error);
  admin->active = FALSE;
  g_assert_false (jz_user_update (t->db, NULL, admin, &error));
  g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_FAILED);
  g_clear_error (&error);
  admin->active = TRUE;
  admin->role = JZ_ROLE_LEADER;
  g_assert_false (jz_user_update (t->db, NULL, admin, &error));
  g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (admin->version, ==, 1);

  /* A leader may change nothing about users. */
  leader = jz_user_get_by_name (t->db, "leader", &error);
  admin->role = JZ_ROLE_ADMIN;
  g_free (admin->full_name);
  admin->full_name = g_strdup ("changed");
  g_assert_false (jz_user_update (t->db, leader, admin, &error));
  g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_DENIED);
  g_clear_error (&error);

  g_assert_null (jz_user_get_by_name (t->db, "nobody", &error));
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_NOT_FOUND);
}

static void
test_list (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JzUser) copy = NULL;
  JzUser *first;

  add_user (t, "zhao", JZ_ROLE_LEADER, 0, NULL);
  add_user (t, "an", JZ_ROLE_CLERK, t->township, "clerk password");

  users = jz_user_list (t->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (users->len, ==, 2);
  first = g_ptr_array_index (users, 0);
  g_assert_cmpstr (first->name, ==, "an");
  g_assert_cmpint (first->region_id, ==, t->township);
  g_assert_true (first->has_password);
  g_assert_false (((JzUser *) g_ptr_array_index (users, 1))->has_password);

  copy = jz_user_copy (first);
  g_assert_true (copy->name != first->name);
  g_assert_cmpstr (copy->name, ==, first->name);
  g_assert_cmpint (copy->version, ==, first->version);
}

int
main (int   argc,
      char *argv[])
{
  /* The minimum argon2id limits keep the suite quick; one test checks the
   * real ones. */
  g_setenv ("JIUZHU_TEST_FAST_HASH", "1", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/user/roles", test_roles);
  g_test_add_func ("/user/hash-round-trip", test_hash_round_trip);
  g_test_add_func ("/user/real-limits", test_real_limits);
  g_test_add_func ("/user/weak-password", test_weak_password);
  g_test_add_func ("/user/retry-delay", test_retry_delay);
  g_test_add_func ("/user/slow-down", test_slow_down);
  g_test_add_func ("/user/reset-lifts-wait", test_reset_lifts_wait);
  g_test_add_func ("/user/same-message", test_same_message);
  g_test_add_func ("/user/inactive-and-no-password", test_inactive_and_no_password);
  g_test_add_func ("/user/audit-without-password", test_audit_without_password);
  g_test_add_func ("/user/role-matrix", test_role_matrix);
  g_test_add_func ("/user/check-messages", test_check_messages);
  g_test_add_func ("/user/first-admin", test_first_admin);
  g_test_add_func ("/user/first-admin-password", test_first_admin_password);
  g_test_add_func ("/user/single-user", test_single_user);
  g_test_add_func ("/user/version-conflict", test_version_conflict);
  g_test_add_func ("/user/rules-of-the-data", test_rules_of_the_data);
  g_test_add_func ("/user/list", test_list);

  return g_test_run ();
}
