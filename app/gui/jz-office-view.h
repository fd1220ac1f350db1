/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-page.h"

G_BEGIN_DECLS

#define JZ_TYPE_OFFICE_VIEW (jz_office_view_get_type ())
G_DECLARE_FINAL_TYPE (JzOfficeView, jz_office_view, JZ, OFFICE_VIEW, JzPage)

G_END_DECLS
