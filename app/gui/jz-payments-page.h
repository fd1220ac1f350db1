/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-page.h"

G_BEGIN_DECLS

#define JZ_TYPE_PAYMENTS_PAGE (jz_payments_page_get_type ())
G_DECLARE_FINAL_TYPE (JzPaymentsPage, jz_payments_page, JZ, PAYMENTS_PAGE, JzPage)

gint64  jz_payments_page_generate    (JzPaymentsPage *self,
                                      const char     *programs,
                                      const char     *period,
                                      const char     *township_name);
gint64  jz_payments_page_get_roll_id (JzPaymentsPage *self);
gint64  jz_payments_page_one_off     (JzPaymentsPage *self,
                                      const char     *title,
                                      const char     *programs,
                                      const char     *on_date,
                                      gboolean        per_person,
                                      const char     *amount,
                                      const char     *funding,
                                      const char     *township_name,
                                      GError        **error);
gboolean jz_payments_page_export     (JzPaymentsPage *self,
                                      const char     *path,
                                      GError        **error);

/* For the other panels: program codes separated by commas as their
 * names, and a roll's state. */
char        *jz_payments_programs_label (const char *programs);
const char  *jz_payments_status_label   (const char *status);

G_END_DECLS
