/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-household.h"

G_BEGIN_DECLS

/* Shared by the household events and archiving; run inside jz_db_write(). */

char        *jz_household_today             (void);
gboolean     jz_household_set_person_left   (JzDb        *db,
                                             gint64       person_id,
                                             const char  *on,
                                             const char  *reason,
                                             GError     **error);

G_END_DECLS
