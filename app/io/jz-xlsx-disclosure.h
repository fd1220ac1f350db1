/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "jz-disclosure.h"
#include "jz-xlsx-export.h"

G_BEGIN_DECLS

/*
 * A disclosure list (公示名单, jz-disclosure.h) as an .xlsx file for the
 * township and village to print or post.
 *
 * One sheet per village, in the list's order, named after the village
 * (characters Excel refuses in a sheet name replaced, at most 31
 * characters, a number added when two villages share a name).  Each sheet
 * holds the title, the period and the place, the header row, the rows, a
 * total row (persons and monthly amount of that village) and a note with
 * the issuing office and the complaint phone.
 *
 * Columns, after the 2021 rule (art. 24) and nothing unrelated: No.,
 * village, name, program, persons, monthly amount in yuan; the partial ID
 * number when the list asks for one; remarks when the list asks for them
 * or is a notice.  Amounts are number cells formatted "#,##0.00", each
 * made from integer fen (the village total too, from the integer sum); an
 * application whose amount could not be computed says so in words.
 *
 * The header row is frozen and repeated on every printed page; pages are
 * A4, portrait for the six columns and landscape with more, one page wide,
 * with the title and period in the page header, the office, the complaint
 * phone and the page number in the page footer.  A list with nobody on it
 * gives one sheet that says so.
 *
 * The file is written next to @path under a temporary name and renamed
 * over @path only when complete: a failure leaves no file, and an existing
 * file is either replaced whole or kept as it was.  Errors are in
 * JZ_XLSX_EXPORT_ERROR, as for the households export.
 */

gboolean jz_xlsx_disclosure_export (const JzDisclosureList  *list,
                                    const char              *path,
                                    GError                 **error);

G_END_DECLS
