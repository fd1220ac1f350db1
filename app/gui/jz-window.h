/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jz-db.h"
#include "jz-user.h"

G_BEGIN_DECLS

#define JZ_TYPE_WINDOW (jz_window_get_type ())
G_DECLARE_FINAL_TYPE (JzWindow, jz_window, JZ, WINDOW, AdwApplicationWindow)

JzWindow   *jz_window_new              (GtkApplication *application,
                                        GSettings      *settings,
                                        JzDb           *db);
JzDb       *jz_window_get_db           (JzWindow       *self);
void        jz_window_set_db           (JzWindow       *self,
                                        JzDb           *db);
const JzUser *jz_window_get_user       (JzWindow       *self);
void        jz_window_set_user         (JzWindow       *self,
                                        const JzUser   *user);
GSettings  *jz_window_get_settings     (JzWindow       *self);
const char *jz_window_get_panel        (JzWindow       *self);
void        jz_window_set_panel        (JzWindow       *self,
                                        const char     *panel);
GtkWidget  *jz_window_get_visible_page (JzWindow       *self);
GtkWindow  *jz_window_show_error       (JzWindow       *self,
                                        const char     *heading,
                                        const GError   *error);

G_END_DECLS
