/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-care.h"
#include "jz-page.h"

G_BEGIN_DECLS

#define JZ_TYPE_CARE_PAGE (jz_care_page_get_type ())
G_DECLARE_FINAL_TYPE (JzCarePage, jz_care_page, JZ, CARE_PAGE, JzPage)

gboolean           jz_care_page_get_loading   (JzCarePage *self);
const JzCareStats *jz_care_page_get_stats     (JzCarePage *self);
GListModel        *jz_care_page_get_model     (JzCarePage *self);
gint64             jz_care_page_get_person_id (JzCarePage *self);
gboolean           jz_care_page_save_agreement_pdf (JzCarePage  *self,
                                                    gint64       id,
                                                    const char  *path,
                                                    GError     **error);
gboolean           jz_care_page_export_to     (JzCarePage  *self,
                                               const char  *path,
                                               GError     **error);

G_END_DECLS
