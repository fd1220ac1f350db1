/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jz-db.h"

G_BEGIN_DECLS

#define JZ_TYPE_HOUSEHOLD_DIALOG (jz_household_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JzHouseholdDialog, jz_household_dialog, JZ, HOUSEHOLD_DIALOG, AdwWindow)

JzHouseholdDialog *jz_household_dialog_new (GtkWindow  *parent,
                                            JzDb       *db,
                                            gint64      household_id,
                                            GError    **error);

G_END_DECLS
