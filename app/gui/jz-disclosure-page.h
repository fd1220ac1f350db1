/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-page.h"

G_BEGIN_DECLS

#define JZ_TYPE_DISCLOSURE_PAGE (jz_disclosure_page_get_type ())
G_DECLARE_FINAL_TYPE (JzDisclosurePage, jz_disclosure_page, JZ, DISCLOSURE_PAGE, JzPage)

G_END_DECLS
