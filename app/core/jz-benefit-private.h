/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-benefit.h"

G_BEGIN_DECLS

/* Strictly YYYY-MM-DD and a day of the calendar. */
gboolean  jz_benefit_parse_date  (const char *text,
                                  GDate      *date);

/* The numbers of a breakdown line in words (jz-benefit-text.c). */
char     *jz_benefit_format_money    (gint64 fen);
char     *jz_benefit_format_percent  (gint64 bp);
char     *jz_benefit_format_multiple (gint64 bp);
char     *jz_benefit_format_persons  (gint64 n);

G_END_DECLS
