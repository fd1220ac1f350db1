/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-xlsx-export.h"

G_BEGIN_DECLS

/* For tests: fewer data rows per sheet than Excel's 1,048,575, so that
 * the move to a further sheet can be tried on a small database.  0 goes
 * back to Excel's limit.  Set it before an export starts. */
void jz_xlsx_export_set_rows_per_sheet (guint rows);

G_END_DECLS
