/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jz-db.h"

G_BEGIN_DECLS

#define JZ_TYPE_SIGN_IN_VIEW (jz_sign_in_view_get_type ())
G_DECLARE_FINAL_TYPE (JzSignInView, jz_sign_in_view, JZ, SIGN_IN_VIEW, AdwBin)

JzDb       *jz_sign_in_view_get_db    (JzSignInView *self);
void        jz_sign_in_view_set_db    (JzSignInView *self,
                                       JzDb         *db);
gboolean    jz_sign_in_view_get_busy  (JzSignInView *self);
const char *jz_sign_in_view_get_error (JzSignInView *self);
void        jz_sign_in_view_reset     (JzSignInView *self);

G_END_DECLS
