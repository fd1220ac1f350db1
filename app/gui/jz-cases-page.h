/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-page.h"

G_BEGIN_DECLS

#define JZ_TYPE_CASES_PAGE (jz_cases_page_get_type ())
G_DECLARE_FINAL_TYPE (JzCasesPage, jz_cases_page, JZ, CASES_PAGE, JzPage)

GListModel *jz_cases_page_get_model (JzCasesPage *self);
void        jz_cases_page_export_to (JzCasesPage *self,
                                     GFile       *file);

G_END_DECLS
