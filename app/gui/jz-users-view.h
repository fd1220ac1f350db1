/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-page.h"

G_BEGIN_DECLS

#define JZ_TYPE_USERS_VIEW (jz_users_view_get_type ())
G_DECLARE_FINAL_TYPE (JzUsersView, jz_users_view, JZ, USERS_VIEW, JzPage)

const char *jz_users_view_get_single_user_error (JzUsersView *self);

G_END_DECLS
