/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-disclosure.h"
#include "jz-page.h"

G_BEGIN_DECLS

#define JZ_TYPE_DISCLOSURE_PAGE (jz_disclosure_page_get_type ())
G_DECLARE_FINAL_TYPE (JzDisclosurePage, jz_disclosure_page, JZ, DISCLOSURE_PAGE, JzPage)

void                    jz_disclosure_page_choose     (JzDisclosurePage  *self,
                                                       JzDisclosureKind   kind,
                                                       const char        *programs,
                                                       const char        *township_name,
                                                       const char        *village_name,
                                                       const char        *month);
gboolean                jz_disclosure_page_build_list (JzDisclosurePage  *self);
const JzDisclosureList *jz_disclosure_page_get_list   (JzDisclosurePage  *self);
gboolean                jz_disclosure_page_show_again (JzDisclosurePage  *self,
                                                       gint64             record_id);
gboolean                jz_disclosure_page_save       (JzDisclosurePage  *self,
                                                       const char        *path,
                                                       GError           **error);

G_END_DECLS
