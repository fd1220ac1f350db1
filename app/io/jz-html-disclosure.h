/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "jz-disclosure.h"

G_BEGIN_DECLS

/*
 * A disclosure list (公示名单, jz-disclosure.h) as one web page for the
 * district's website: a single self-contained HTML5 file in UTF-8, its
 * style inline, no script and nothing fetched from elsewhere, so that it
 * can be uploaded as it is and read offline.
 *
 * The page: the title as <h1>, the period and the place; per village an
 * <h2> and a table with a <caption>, column headers (<th scope="col">),
 * numbers aligned right and a total row; the totals of the whole list;
 * the issuing office and the complaint phone in the <footer>.  The
 * columns are those of the .xlsx export (jz-xlsx-disclosure.h): nothing
 * beyond what art. 24 of the 2021 rule names, the partial ID number and
 * the remarks only when the list asks for them.  Every text is escaped.
 * The page's `lang` is that of the interface translation it is written
 * in ("zh-CN" in Chinese).
 *
 * The file is written next to @path under a temporary name and renamed
 * over @path only when complete: a failure leaves no file, and an existing
 * file is either replaced whole or kept as it was.
 */

#define JZ_HTML_DISCLOSURE_ERROR (jz_html_disclosure_error_quark ())

typedef enum
{
  JZ_HTML_DISCLOSURE_ERROR_FAILED,
  JZ_HTML_DISCLOSURE_ERROR_FOLDER,   /* the folder is missing or not writable */
  JZ_HTML_DISCLOSURE_ERROR_FULL,     /* the disk is full */
  JZ_HTML_DISCLOSURE_ERROR_TARGET,   /* the target name is a folder */
} JzHtmlDisclosureError;

GQuark   jz_html_disclosure_error_quark (void);

gboolean jz_html_disclosure_export      (const JzDisclosureList  *list,
                                         const char              *path,
                                         GError                 **error);

G_END_DECLS
