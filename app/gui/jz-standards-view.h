/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-page.h"

G_BEGIN_DECLS

#define JZ_TYPE_STANDARDS_VIEW (jz_standards_view_get_type ())
G_DECLARE_FINAL_TYPE (JzStandardsView, jz_standards_view, JZ, STANDARDS_VIEW, JzPage)

G_END_DECLS
