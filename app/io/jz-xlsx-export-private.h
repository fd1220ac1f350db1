/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <xlsxwriter.h>

#include "jz-xlsx-export.h"

G_BEGIN_DECLS

/* For tests: fewer data rows per sheet than Excel's 1,048,575, so that
 * the move to a further sheet can be tried on a small database.  0 goes
 * back to Excel's limit.  Set it before an export starts. */
void jz_xlsx_export_set_rows_per_sheet (guint rows);

/* One export, shared by the writing in jz-xlsx-export.c and the worker
 * thread in jz-xlsx-export-async.c; reference counted (g_atomic_rc_box). */
typedef struct
{
  /* What to export, fixed before the work starts */
  JzHouseholdQuery      *query;
  char                  *path;
  char                  *dir;
  char                  *db_path;        /* async: the worker opens its own connection */
  JzXlsxExportProgress   progress;
  gpointer               progress_data;
  GDestroyNotify         progress_data_free;
  GMainContext          *context;        /* async: where progress is reported */

  /* Owned by the thread that writes */
  GCancellable          *cancellable;    /* borrowed */
  char                  *writer_tmp_path;
  lxw_workbook          *workbook;
  lxw_worksheet         *sheet;
  lxw_format            *header_format;
  lxw_format            *text_format;
  lxw_format            *date_format;
  lxw_format            *amount_format;
  guint                  n_sheets;
  lxw_row_t              sheet_row;      /* the last row written on the sheet */
  gint64                 household_id;   /* the household being written */
  const char            *programs;       /* owned by program_lists */
  double                 amount;
  guint64                households_started;
  guint64                total;
  guint64                n_rows;
  gint64                 last_progress;
  GHashTable            *labels;         /* "column\037code" → translated label */
  GHashTable            *program_lists;  /* "code,code" → translated list */

  /* Shared between the writing thread and the main context */
  GMutex                 mutex;
  char                  *tmp_path;       /* the file being written, until renamed or removed */
  guint64                reported;       /* households done, for the next progress idle */
  gboolean               progress_pending;

  /* Main context only */
  gboolean               finished;
} Export;

Export  *jz_xlsx_export_job_new                (const JzHouseholdQuery  *query,
                                                const char              *path);
Export  *jz_xlsx_export_job_ref                (Export                  *e);
void     jz_xlsx_export_job_unref              (Export                  *e);
void     jz_xlsx_export_job_discard            (Export                  *e);
void     jz_xlsx_export_job_writer_discard     (Export                  *e);
gboolean jz_xlsx_export_job_write              (Export                  *e,
                                                JzDb                    *db,
                                                GCancellable            *cancellable,
                                                GError                 **error);
gboolean jz_xlsx_export_job_commit             (Export                  *e,
                                                GError                 **error);
void     jz_xlsx_export_set_cancelled_error    (GError                 **error);
void     jz_xlsx_export_propagate_clerk_error  (GError                 **dest,
                                                GError                  *src);

G_END_DECLS
