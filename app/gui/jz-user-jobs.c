/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jz-user-jobs.h"

typedef enum
{
  JOB_SIGN_IN,
  JOB_CREATE,
  JOB_SET_PASSWORD,
} JobKind;

typedef struct
{
  JobKind   kind;
  char     *path;
  gboolean  read_only;
  char     *audit_name;    /* who the audit log names for a change */
  JzUser   *actor;         /* NULL: single-user mode */
  JzUser   *user;          /* JOB_CREATE */
  char     *name;          /* JOB_SIGN_IN, JOB_SET_PASSWORD */
  char     *password;
  gboolean  then_sign_in;
} Job;

/* A password does not linger in freed memory. */
static void
wipe_free (char *secret)
{
  if (secret == NULL)
    return;

  explicit_bzero (secret, strlen (secret));
  g_free (secret);
}

static void
job_free (Job *job)
{
  g_free (job->path);
  g_free (job->audit_name);
  jz_user_free (job->actor);
  jz_user_free (job->user);
  g_free (job->name);
  wipe_free (job->password);
  g_free (job);
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  g_autoptr(JzUser) user = NULL;
  const char *name = job->name;

  /* A connection of its own: the window's belongs to the main thread. */
  db = jz_db_open (job->path, job->read_only ? JZ_DB_OPEN_READ_ONLY : JZ_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  jz_db_set_user_name (db, job->audit_name);

  switch (job->kind)
    {
    case JOB_SIGN_IN:
      break;

    case JOB_CREATE:
      {
        gint64 id = jz_user_create (db, job->actor, job->user, job->password, &error);

        if (id == 0)
          {
            g_task_return_error (task, g_steal_pointer (&error));
            return;
          }
        if (!job->then_sign_in)
          user = jz_user_get (db, id, &error);
        name = job->user->name;
      }
      break;

    case JOB_SET_PASSWORD:
      if (!jz_user_set_password (db, job->actor, job->name, job->password, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      if (!job->then_sign_in)
        user = jz_user_get_by_name (db, job->name, &error);
      break;

    default:
      g_assert_not_reached ();
    }

  if (job->kind == JOB_SIGN_IN || job->then_sign_in)
    user = jz_user_sign_in (db, name, job->password, &error);

  if (user == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&user), (GDestroyNotify) jz_user_free);
}

static void
run_job (JzDb                *db,
         Job                 *job,
         GCancellable        *cancellable,
         GAsyncReadyCallback  callback,
         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  job->path = g_strdup (jz_db_get_path (db));
  job->read_only = jz_db_get_read_only (db);
  job->audit_name = g_strdup (jz_db_get_user_name (db));

  task = g_task_new (db, cancellable, callback, user_data);
  g_task_set_source_tag (task, run_job);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, job_thread);
}

/**
 * jz_user_job_sign_in_async:
 *
 * jz_user_sign_in() in a worker thread; jz_user_job_finish() gives the
 * user signed in.  The database's user name is left alone: the window
 * sets it when it takes the user.
 */
void
jz_user_job_sign_in_async (JzDb                *db,
                           const char          *name,
                           const char          *password,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  Job *job;

  g_return_if_fail (JZ_IS_DB (db));

  job = g_new0 (Job, 1);
  job->kind = JOB_SIGN_IN;
  job->name = g_strdup (name != NULL ? name : "");
  job->password = g_strdup (password != NULL ? password : "");
  run_job (db, job, cancellable, callback, user_data);
}

/**
 * jz_user_job_create_async:
 * @password: (nullable): none yet
 * @then_sign_in: sign the new user in with @password afterwards
 *
 * jz_user_create() in a worker thread; jz_user_job_finish() gives the new
 * user, signed in if asked.
 */
void
jz_user_job_create_async (JzDb                *db,
                          const JzUser        *actor,
                          const JzUser        *user,
                          const char          *password,
                          gboolean             then_sign_in,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  Job *job;

  g_return_if_fail (JZ_IS_DB (db));
  g_return_if_fail (user != NULL);
  g_return_if_fail (!then_sign_in || password != NULL);

  job = g_new0 (Job, 1);
  job->kind = JOB_CREATE;
  job->actor = jz_user_copy (actor);
  job->user = jz_user_copy (user);
  job->password = g_strdup (password);
  job->then_sign_in = then_sign_in;
  run_job (db, job, cancellable, callback, user_data);
}

/**
 * jz_user_job_set_password_async:
 * @then_sign_in: sign @name in with the new password afterwards
 *
 * jz_user_set_password() in a worker thread; jz_user_job_finish() gives
 * the user whose password it is.
 */
void
jz_user_job_set_password_async (JzDb                *db,
                                const JzUser        *actor,
                                const char          *name,
                                const char          *password,
                                gboolean             then_sign_in,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  Job *job;

  g_return_if_fail (JZ_IS_DB (db));
  g_return_if_fail (name != NULL);
  g_return_if_fail (password != NULL);

  job = g_new0 (Job, 1);
  job->kind = JOB_SET_PASSWORD;
  job->actor = jz_user_copy (actor);
  job->name = g_strdup (name);
  job->password = g_strdup (password);
  job->then_sign_in = then_sign_in;
  run_job (db, job, cancellable, callback, user_data);
}

/**
 * jz_user_job_finish:
 *
 * Returns: (transfer full) (nullable): the user, or %NULL with @error set
 *   (G_IO_ERROR_CANCELLED after a cancel)
 */
JzUser *
jz_user_job_finish (JzDb          *db,
                    GAsyncResult  *result,
                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, db), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == run_job, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
