/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "jz-roll.h"
#include "jz-xlsx-export.h"

G_BEGIN_DECLS

/*
 * The bank file of a payment roll (发放名册, jz-roll.h): the .xlsx the
 * office sends the bank, in the layout banks take.
 *
 * One sheet per township, in the order of the lines, named after the
 * township (characters Excel refuses replaced, at most 31 characters, a
 * number added when two names are the same to Excel).  Each sheet holds
 * the roll's title (its programs), its period, the township, the roll's
 * number and whether it is locked, then the header row and one row per
 * line: No., account holder, ID number, bank, account number, amount in
 * yuan, village, program, remarks (back-payment or recovery with its
 * reason; a missing account).  A total row closes it: the number of lines
 * and their amount.  A last sheet, "Summary", has one row per program and
 * township (lines, amount) and the grand total.
 *
 * ID numbers and account numbers are text cells: Excel keeps 15
 * significant digits of a number, and would drop the end of an 18-digit
 * ID or the leading 0 of an account.  Amounts are number cells formatted
 * "#,##0.00", each made from integer fen; every total is the integer sum
 * of the fen, never a sum of the cells.
 *
 * The header row is frozen, has an autofilter and is repeated on every
 * printed page; pages are A4 landscape, one page wide, with the title
 * and period in the page header and the roll's number and the page in the
 * page footer.
 *
 * @bank_lines are those jz_roll_bank_lines() gives for @roll; when they do
 * not add up to the roll's lines and total nothing is written.
 *
 * The file is written next to @path under a temporary name and renamed
 * over @path only when complete: a failure leaves no file, and an existing
 * file is either replaced whole or kept as it was.  Errors are in
 * JZ_XLSX_EXPORT_ERROR, as for the households export.
 */

gboolean jz_xlsx_roll_export (const JzRoll  *roll,
                              GPtrArray     *bank_lines,   /* JzRollBankLine */
                              const char    *path,
                              GError       **error);

G_END_DECLS
