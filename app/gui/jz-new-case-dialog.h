/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jz-db.h"
#include "jz-user.h"

G_BEGIN_DECLS

#define JZ_TYPE_NEW_CASE_DIALOG (jz_new_case_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JzNewCaseDialog, jz_new_case_dialog, JZ, NEW_CASE_DIALOG, AdwWindow)

JzNewCaseDialog *jz_new_case_dialog_new (GtkWindow     *parent,
                                         JzDb          *db,
                                         const JzUser  *user,
                                         gint64         household_id,
                                         GError       **error);

G_END_DECLS
