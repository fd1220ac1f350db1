/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* What the case view, its dialogs and the Tasks panel say about a case
 * the same way: the words of the steps, deadlines, temporary assistance
 * and the rows of a benefit breakdown. */

GtkWidget  *jz_case_fact_row_new       (const char  *title,
                                        const char  *value);
GtkWidget  *jz_case_benefit_row_new    (const char  *label,
                                        const char  *formula,
                                        gint64       amount,
                                        gboolean     total);
void        jz_case_mark_overdue       (GtkWidget   *widget,
                                        gboolean     overdue);

const char *jz_case_step_verb          (const char  *from,
                                        const char  *to);
const char *jz_case_step_title         (const char  *from,
                                        const char  *to);
const char *jz_case_step_description   (const char  *from,
                                        const char  *to);
const char *jz_case_next_step_label    (const char  *status);
char       *jz_case_overdue_since      (const char  *deadline);
gboolean    jz_case_date_passed        (const char  *deadline,
                                        const char  *today);

const char *jz_case_temp_kind_code     (guint        position);
const char *jz_case_temp_kind_label    (const char  *code);
guint       jz_case_temp_kind_count    (void);
char       *jz_case_format_multiple    (gint64       bp);
gboolean    jz_case_parse_multiple     (const char  *text,
                                        gint64      *bp);

G_END_DECLS
