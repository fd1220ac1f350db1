/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jz-db.h"
#include "jz-household-query.h"

G_BEGIN_DECLS

/*
 * The "persons" export: the households matching a JzHouseholdQuery, one
 * spreadsheet row per member on file, in the list's order, written to an
 * .xlsx file with libxlsxwriter in constant-memory mode, so that memory
 * stays flat however many rows there are.
 *
 * Columns (headers in the interface language): household no., township,
 * village, head's name, hukou, member's name, ID number, relation to the
 * head, sex, birth date, disability kind, disability grade, severe
 * illness, programs, the household's monthly amount in yuan, bank account.
 *
 *  - ID numbers and bank accounts are text cells: Excel keeps 15
 *    significant digits of a number, and an 18-digit ID would lose its end.
 *  - The amount is a number cell with the format "#,##0.00", so that it
 *    adds up in the spreadsheet.  The database holds integer fen; the cell
 *    value is made by writing the fen as a decimal string with integer
 *    arithmetic ("123456" fen → "1234.56") and reading that string as a
 *    double, which is the double nearest to the exact yuan amount — the
 *    same one Excel stores when a clerk types "1234.56".  That last
 *    conversion is the only floating point on an amount.
 *  - The header row is frozen, has an autofilter over the data and is
 *    repeated on every printed page; pages are A4 landscape, one page wide.
 *  - A sheet holds at most 1,048,575 data rows (Excel's limit); the rest
 *    go on further sheets with the same header.
 *
 * The file is written to a temporary file in the target folder and
 * renamed over the target only when complete, so that a cancelled or
 * failed export leaves no partial file behind and never replaces an
 * existing file with a partial one.
 *
 * Progress counts households (the rows of the list the clerk exported),
 * not spreadsheet rows: the number of households is known before the
 * first row is written.  The first report is (0, total), before any row.
 */

#define JZ_XLSX_EXPORT_ERROR (jz_xlsx_export_error_quark ())

typedef enum
{
  JZ_XLSX_EXPORT_ERROR_FAILED,
  JZ_XLSX_EXPORT_ERROR_FOLDER,   /* the folder is missing or not writable */
  JZ_XLSX_EXPORT_ERROR_FULL,     /* the disk is full, or the file too large for it */
  JZ_XLSX_EXPORT_ERROR_TARGET,   /* the target name is a folder */
} JzXlsxExportError;

/* Cancelling gives G_IO_ERROR_CANCELLED, with a sentence for the clerk. */

typedef void (*JzXlsxExportProgress) (guint64  done,
                                      guint64  total,
                                      gpointer user_data);

GQuark   jz_xlsx_export_error_quark       (void);

gboolean jz_xlsx_export_households        (JzDb                    *db,
                                           const JzHouseholdQuery  *query,
                                           const char              *path,
                                           JzXlsxExportProgress     progress,
                                           gpointer                 progress_data,
                                           guint64                 *n_rows,
                                           GCancellable            *cancellable,
                                           GError                 **error);

void     jz_xlsx_export_households_async  (JzDb                    *db,
                                           const JzHouseholdQuery  *query,
                                           const char              *path,
                                           JzXlsxExportProgress     progress,
                                           gpointer                 progress_data,
                                           GDestroyNotify           progress_data_free,
                                           GCancellable            *cancellable,
                                           GAsyncReadyCallback      callback,
                                           gpointer                 user_data);
gboolean jz_xlsx_export_households_finish (JzDb                    *db,
                                           GAsyncResult            *result,
                                           guint64                 *n_rows,
                                           GError                 **error);

G_END_DECLS
