/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-db.h"
#include "jz-document.h"

G_BEGIN_DECLS

/* The paper of dispersed tekun care (分散供养特困人员照料服务): the care
 * agreement (委托照料协议书) the township (甲方), the caregiver (乙方) and
 * the recipient (丙方) sign, and the blank visit form (特困人员探访记录表)
 * staff fill in by hand.  Both are one sheet of A4 when they can be; print
 * them with jz_print_document() and save them with jz_document_write_pdf()
 * as notices are.
 *
 * The agreement is a contract: it carries the caregiver's full ID number
 * and bank account and the recipient's ID number, and it is always written
 * in Chinese, whatever the interface language.  The visit form follows the
 * interface language, as notices do. */

#define JZ_CARE_DOCUMENT_ERROR (jz_care_document_error_quark ())

typedef enum
{
  JZ_CARE_DOCUMENT_ERROR_ENDED,   /* the agreement was terminated or has expired */
} JzCareDocumentError;

GQuark       jz_care_document_error_quark      (void);

JzDocument  *jz_care_document_build_agreement  (JzDb     *db,
                                                gint64    agreement_id,
                                                GError  **error);
JzDocument  *jz_care_document_build_visit_form (JzDb     *db,
                                                GError  **error);

G_END_DECLS
