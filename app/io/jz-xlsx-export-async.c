/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "jz-xlsx-export-private.h"

/* --- in a worker thread ------------------------------------------------------- */

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Export *e = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;

  /* A connection of its own: the caller's belongs to the main thread. */
  db = jz_db_open (e->db_path, JZ_DB_OPEN_READ_ONLY, &error);
  if (db == NULL || !jz_xlsx_export_job_write (e, db, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* A cancel that came while the workbook was closing: the main context
   * has already answered and may have removed the file before
   * libxlsxwriter wrote it again. */
  if (g_cancellable_is_cancelled (cancellable))
    {
      jz_xlsx_export_job_writer_discard (e);
      jz_xlsx_export_set_cancelled_error (&error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/* In the caller's main context, after the progress reports the thread
 * queued before it finished: a cancel from any of them still counts. */
static void
export_written_cb (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  g_autoptr(GError) error = NULL;
  Export *e = g_task_get_task_data (outer);
  gboolean ok;

  e->finished = TRUE;

  /* Checks the cancellable too: cancelled means no file, whatever the
   * thread managed to do. */
  ok = g_task_propagate_boolean (G_TASK (result), &error);
  if (ok)
    ok = jz_xlsx_export_job_commit (e, &error);
  else
    jz_xlsx_export_job_discard (e);

  if (e->progress_data_free != NULL)
    g_clear_pointer (&e->progress_data, e->progress_data_free);
  e->progress_data_free = NULL;

  if (!ok)
    {
      GError *clerk_error = NULL;

      jz_xlsx_export_propagate_clerk_error (&clerk_error, g_steal_pointer (&error));
      g_task_return_error (outer, clerk_error);
      return;
    }

  g_task_return_boolean (outer, TRUE);
}

/**
 * jz_xlsx_export_households_async:
 * @db: the database; the export reads it through a connection of its own
 * @query: which households, in which order; copied
 * @path: the .xlsx file to write; an existing file is replaced when the
 *   new one is complete
 * @progress: (nullable): called in the thread-default main context of the
 *   caller with the households done and their total, at most ten times a
 *   second, never after the export has answered
 * @progress_data_free: (nullable): frees @progress_data once the export
 *   has answered, in that same context
 *
 * The persons export (see the top of jz-xlsx-export.h) in a worker
 * thread.  Cancelling answers at once, even while libxlsxwriter packs the
 * file; whenever the cancel comes before @callback runs, no file is left.
 */
void
jz_xlsx_export_households_async (JzDb                    *db,
                                 const JzHouseholdQuery  *query,
                                 const char              *path,
                                 JzXlsxExportProgress     progress,
                                 gpointer                 progress_data,
                                 GDestroyNotify           progress_data_free,
                                 GCancellable            *cancellable,
                                 GAsyncReadyCallback      callback,
                                 gpointer                 user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) inner = NULL;
  Export *e;

  g_return_if_fail (JZ_IS_DB (db));
  g_return_if_fail (query != NULL);
  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  e = jz_xlsx_export_job_new (query, path);
  e->db_path = g_strdup (jz_db_get_path (db));
  e->progress = progress;
  e->progress_data = progress_data;
  e->progress_data_free = progress_data_free;
  e->context = g_main_context_ref_thread_default ();

  outer = g_task_new (db, cancellable, callback, user_data);
  g_task_set_source_tag (outer, jz_xlsx_export_households_async);
  g_task_set_task_data (outer, e, (GDestroyNotify) jz_xlsx_export_job_unref);
  /* Decided by export_written_cb: once the file is in place, it stays. */
  g_task_set_check_cancellable (outer, FALSE);

  inner = g_task_new (NULL, cancellable, export_written_cb, g_object_ref (outer));
  g_task_set_source_tag (inner, export_thread);
  g_task_set_task_data (inner, jz_xlsx_export_job_ref (e), (GDestroyNotify) jz_xlsx_export_job_unref);
  g_task_set_return_on_cancel (inner, TRUE);
  g_task_run_in_thread (inner, export_thread);
}

/**
 * jz_xlsx_export_households_finish:
 * @n_rows: (out) (optional): the persons written
 *
 * Returns: %TRUE when the file is in place; %FALSE with @error set when
 *   no file was written (G_IO_ERROR_CANCELLED after a cancel)
 */
gboolean
jz_xlsx_export_households_finish (JzDb          *db,
                                  GAsyncResult  *result,
                                  guint64       *n_rows,
                                  GError       **error)
{
  Export *e;

  g_return_val_if_fail (g_task_is_valid (result, db), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jz_xlsx_export_households_async, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  e = g_task_get_task_data (G_TASK (result));
  if (n_rows != NULL)
    *n_rows = e->n_rows;
  return TRUE;
}
