/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-benefit.h"

G_BEGIN_DECLS

/* Strictly YYYY-MM-DD and a day of the calendar. */
gboolean  jz_benefit_parse_date  (const char *text,
                                  GDate      *date);

G_END_DECLS
