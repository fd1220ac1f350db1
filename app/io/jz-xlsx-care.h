/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "jz-care.h"
#include "jz-xlsx-export.h"

G_BEGIN_DECLS

/*
 * The list of the Care agreements panel as an .xlsx file: one sheet, a
 * header row in the interface language, then one row per recipient, in
 * the order given.
 *
 * Columns: name, township, village, care tier, agreement number, the
 * agreement's state ("No agreement" without one), caregiver, last visit,
 * next visit due, visit overdue (Yes/No), last evaluation date, its
 * result.  Codes are written as their translated labels and dates as text
 * YYYY-MM-DD.  Nothing else about the person is written: no ID number,
 * phone or bank account.
 *
 * The header row is frozen, has an autofilter over the rows and is
 * repeated on every printed page (A4 landscape, one page wide, @today in
 * the page header).
 *
 * The file is written next to @path under a temporary name and renamed
 * over @path only when complete, so that a failure leaves no file, and an
 * existing file is either replaced whole or kept as it was.  Errors are in
 * JZ_XLSX_EXPORT_ERROR, as for the households export.
 */

gboolean jz_xlsx_care_export (GPtrArray   *recipients,   /* JzCareRecipient */
                              const char  *today,        /* NULL: jz_today() */
                              const char  *path,
                              GError     **error);

G_END_DECLS
