/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-page.h"

G_BEGIN_DECLS

#define JZ_TYPE_CARE_PAGE (jz_care_page_get_type ())
G_DECLARE_FINAL_TYPE (JzCarePage, jz_care_page, JZ, CARE_PAGE, JzPage)

G_END_DECLS
