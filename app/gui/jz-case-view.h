/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jz-db.h"
#include "jz-user.h"

G_BEGIN_DECLS

#define JZ_TYPE_CASE_VIEW (jz_case_view_get_type ())
G_DECLARE_FINAL_TYPE (JzCaseView, jz_case_view, JZ, CASE_VIEW, AdwBin)

JzDb         *jz_case_view_get_db          (JzCaseView    *self);
void          jz_case_view_set_db          (JzCaseView    *self,
                                            JzDb          *db);
const JzUser *jz_case_view_get_user        (JzCaseView    *self);
void          jz_case_view_set_user        (JzCaseView    *self,
                                            const JzUser  *user);
gint64        jz_case_view_get_case_id     (JzCaseView    *self);
void          jz_case_view_set_case_id     (JzCaseView    *self,
                                            gint64         case_id);
void          jz_case_view_refresh         (JzCaseView    *self);
gboolean      jz_case_view_save_notice_to  (JzCaseView    *self,
                                            const char    *path,
                                            GError       **error);

G_END_DECLS
