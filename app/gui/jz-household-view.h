/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jz-db.h"

G_BEGIN_DECLS

#define JZ_TYPE_HOUSEHOLD_VIEW (jz_household_view_get_type ())
G_DECLARE_FINAL_TYPE (JzHouseholdView, jz_household_view, JZ, HOUSEHOLD_VIEW, AdwBin)

JzDb     *jz_household_view_get_db           (JzHouseholdView *self);
void      jz_household_view_set_db           (JzHouseholdView *self,
                                              JzDb            *db);
gint64    jz_household_view_get_household_id (JzHouseholdView *self);
void      jz_household_view_set_household_id (JzHouseholdView *self,
                                              gint64           household_id);
void      jz_household_view_refresh          (JzHouseholdView *self);
gboolean  jz_household_view_get_editing      (JzHouseholdView *self);

G_END_DECLS
