/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jz-db.h"
#include "jz-user.h"

G_BEGIN_DECLS

typedef enum
{
  JZ_USER_DIALOG_ADD,
  JZ_USER_DIALOG_EDIT,          /* name, full name, role, township, active */
  JZ_USER_DIALOG_SET_PASSWORD,
} JzUserDialogMode;

#define JZ_TYPE_USER_DIALOG (jz_user_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JzUserDialog, jz_user_dialog, JZ, USER_DIALOG, AdwWindow)

JzUserDialog *jz_user_dialog_new       (GtkWindow        *parent,
                                        JzDb             *db,
                                        const JzUser     *actor,
                                        JzUserDialogMode  mode,
                                        const JzUser     *user);
gboolean      jz_user_dialog_get_busy  (JzUserDialog     *self);
const char   *jz_user_dialog_get_error (JzUserDialog     *self);

G_END_DECLS
