/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-disclosure.h"
#include "jz-document.h"

G_BEGIN_DECLS

/* The disclosure list (公示名单) as the village posts it: the title, how
 * to object (the complaint phone; for a notice its first and last day),
 * a heading and a table per village with its subtotal, the total of the
 * list, the issuing office and the date under the outline of the seal.
 * Every page carries the title and the period at the top, the office,
 * the complaint phone, "Page N of M" and the date at the bottom.
 *
 * It prints what the list holds and nothing else: No., village, name,
 * program, persons, monthly amount (art. 24), the partial ID number and
 * the remarks when the list asks for them (a notice always has remarks,
 * which tell a new application from ended support).  With either of them
 * the page is A4 landscape, otherwise portrait.  Never a full ID number,
 * phone, account or address: a JzDisclosureRow has none to give.
 *
 * With @page_break_per_village each village is a posting of its own on
 * its own pages (the title, how to object, its rows and subtotal, the
 * seal) and there is no total of the list: the batch of a township is cut
 * into the sheets each village posts.  An empty list is a page saying so.
 * The date is today's (jz_today()).  Print it with jz_print_document() and
 * save it with jz_document_write_pdf(), as notices are. */

JzDocument  *jz_disclosure_document_build  (const JzDisclosureList  *list,
                                            gboolean                 page_break_per_village,
                                            GError                 **error);

G_END_DECLS
