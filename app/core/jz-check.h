/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-db.h"

G_BEGIN_DECLS

GPtrArray *jz_check_run (JzDb    *db,
                         GError **error);

G_END_DECLS
