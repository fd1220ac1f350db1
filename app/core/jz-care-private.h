/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-care.h"
#include "jz-db-private.h"
#include "jz-standard.h"

G_BEGIN_DECLS

/* Shared by jz-care.c, jz-care-agreement.c, jz-care-visit.c and
 * jz-care-list.c. */

gboolean  jz_care_invalid       (GError         **error,
                                 const char      *message);
gboolean  jz_care_check_day     (const char      *date,
                                 const char      *what,
                                 GError         **error);
char     *jz_care_add_days      (const char      *date,
                                 int              days);
char     *jz_care_add_months    (const char      *date,
                                 int              months);
gboolean  jz_care_standard      (JzDb            *db,
                                 JzStandardKind   kind,
                                 gint64           township_id,
                                 const char      *on_date,
                                 gint64          *value,
                                 GError         **error);
gint64    jz_care_township_of   (JzDb            *db,
                                 gint64           person_id);
gint64    jz_care_case_of       (JzDb            *db,
                                 gint64           person_id);

G_END_DECLS
