/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-db.h"
#include "jz-document.h"

G_BEGIN_DECLS

/* The written decision on an application (审核确认办法 art. 20–22): the
 * approval notice with the amount and how it was reckoned, or the refusal
 * notice with the reason and the appeal route.  Names the applicant and
 * the village only: no ID number, phone or bank account. */

#define JZ_NOTICE_ERROR (jz_notice_error_quark ())

typedef enum
{
  JZ_NOTICE_ERROR_UNDECIDED,   /* the case is neither approved nor refused */
  JZ_NOTICE_ERROR_NO_REASON,   /* a refusal without its written reason */
} JzNoticeError;

typedef enum
{
  JZ_NOTICE_APPROVAL,
  JZ_NOTICE_REFUSAL,
} JzNoticeKind;

GQuark       jz_notice_error_quark      (void);

gboolean     jz_notice_kind_for_status  (const char    *status,
                                         JzNoticeKind  *kind);
JzDocument  *jz_notice_build            (JzDb          *db,
                                         gint64         case_id,
                                         GError       **error);

G_END_DECLS
