/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-page.h"

G_BEGIN_DECLS

#define JZ_TYPE_REPORTS_PAGE (jz_reports_page_get_type ())
G_DECLARE_FINAL_TYPE (JzReportsPage, jz_reports_page, JZ, REPORTS_PAGE, JzPage)

G_END_DECLS
