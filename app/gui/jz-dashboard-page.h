/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-page.h"

G_BEGIN_DECLS

#define JZ_TYPE_DASHBOARD_PAGE (jz_dashboard_page_get_type ())
G_DECLARE_FINAL_TYPE (JzDashboardPage, jz_dashboard_page, JZ, DASHBOARD_PAGE, JzPage)

G_END_DECLS
