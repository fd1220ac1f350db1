/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jz-db.h"
#include "jz-window.h"

G_BEGIN_DECLS

#define JZ_TYPE_FIRST_ADMIN_DIALOG (jz_first_admin_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JzFirstAdminDialog, jz_first_admin_dialog, JZ, FIRST_ADMIN_DIALOG, AdwWindow)

JzFirstAdminDialog *jz_first_admin_dialog_new      (JzWindow           *window,
                                                    JzDb               *db);
gboolean            jz_first_admin_dialog_get_busy (JzFirstAdminDialog *self);
const char         *jz_first_admin_dialog_get_error (JzFirstAdminDialog *self);

G_END_DECLS
