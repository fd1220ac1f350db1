/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-standard.h"

G_BEGIN_DECLS

/* Shared by jz-standard-kind.c (the kinds, their units and their values
 * as text) and jz-standard.c (the dated rows and the resolved set). */

static inline gboolean
jz_standard_kind_valid (JzStandardKind kind)
{
  return (guint) kind < JZ_STANDARD_N_KINDS;
}

G_END_DECLS
