/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jz-db.h"
#include "jz-standard.h"
#include "jz-user.h"

G_BEGIN_DECLS

#define JZ_TYPE_STANDARD_DIALOG (jz_standard_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JzStandardDialog, jz_standard_dialog, JZ, STANDARD_DIALOG, AdwWindow)

JzStandardDialog *jz_standard_dialog_new  (JzDb           *db,
                                           const JzUser   *user,
                                           JzStandardKind  kind);

G_END_DECLS
