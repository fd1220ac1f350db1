/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-page.h"

G_BEGIN_DECLS

#define JZ_TYPE_CALENDAR_VIEW (jz_calendar_view_get_type ())
G_DECLARE_FINAL_TYPE (JzCalendarView, jz_calendar_view, JZ, CALENDAR_VIEW, JzPage)

G_END_DECLS
