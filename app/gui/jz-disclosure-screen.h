/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jz-disclosure.h"

G_BEGIN_DECLS

#define JZ_TYPE_DISCLOSURE_SCREEN (jz_disclosure_screen_get_type ())
G_DECLARE_FINAL_TYPE (JzDisclosureScreen, jz_disclosure_screen, JZ, DISCLOSURE_SCREEN, AdwWindow)

/* A list on the township hall's screen: a page of rows at a time, in
 * large type, turning every @seconds; Esc leaves. */
JzDisclosureScreen *jz_disclosure_screen_new       (GtkWindow              *parent,
                                                    const JzDisclosureList *list,
                                                    guint                   seconds);
guint               jz_disclosure_screen_get_page  (JzDisclosureScreen     *self);
guint               jz_disclosure_screen_get_n_pages (JzDisclosureScreen   *self);
void                jz_disclosure_screen_next      (JzDisclosureScreen     *self);

G_END_DECLS
