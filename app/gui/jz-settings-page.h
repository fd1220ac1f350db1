/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-page.h"

G_BEGIN_DECLS

#define JZ_TYPE_SETTINGS_PAGE (jz_settings_page_get_type ())
G_DECLARE_FINAL_TYPE (JzSettingsPage, jz_settings_page, JZ, SETTINGS_PAGE, JzPage)

void  jz_settings_page_show_section  (JzSettingsPage *self,
                                      const char     *name);

G_END_DECLS
