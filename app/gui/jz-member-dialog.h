/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jz-db.h"

G_BEGIN_DECLS

#define JZ_TYPE_MEMBER_DIALOG (jz_member_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JzMemberDialog, jz_member_dialog, JZ, MEMBER_DIALOG, AdwWindow)

JzMemberDialog *jz_member_dialog_new (GtkWindow  *parent,
                                      JzDb       *db,
                                      gint64      household_id,
                                      gint64      person_id,
                                      gboolean    move_in,
                                      GError    **error);

G_END_DECLS
