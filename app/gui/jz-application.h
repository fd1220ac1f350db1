/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jz-db.h"

G_BEGIN_DECLS

#define JZ_TYPE_APPLICATION (jz_application_get_type ())
G_DECLARE_FINAL_TYPE (JzApplication, jz_application, JZ, APPLICATION, AdwApplication)

/* The most recent databases the menu offers. */
#define JZ_APPLICATION_MAX_RECENT 10

JzApplication *jz_application_new           (GApplicationFlags  extra_flags);
GSettings     *jz_application_get_settings  (JzApplication     *self);
gboolean       jz_application_open_database (JzApplication     *self,
                                             const char        *path,
                                             JzDbOpenFlags      flags);

G_END_DECLS
