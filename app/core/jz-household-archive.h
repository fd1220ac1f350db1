/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-household.h"

G_BEGIN_DECLS

gboolean     jz_household_archive           (JzDb        *db,
                                             gint64       household_id,
                                             GError     **error);
gboolean     jz_household_unarchive         (JzDb        *db,
                                             gint64       household_id,
                                             GError     **error);

G_END_DECLS
