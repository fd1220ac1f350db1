/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-page.h"

G_BEGIN_DECLS

#define JZ_TYPE_PAYMENTS_PAGE (jz_payments_page_get_type ())
G_DECLARE_FINAL_TYPE (JzPaymentsPage, jz_payments_page, JZ, PAYMENTS_PAGE, JzPage)

G_END_DECLS
