/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-page.h"

G_BEGIN_DECLS

#define JZ_TYPE_TASKS_PAGE (jz_tasks_page_get_type ())
G_DECLARE_FINAL_TYPE (JzTasksPage, jz_tasks_page, JZ, TASKS_PAGE, JzPage)

gboolean jz_tasks_page_get_loading (JzTasksPage *self);
guint    jz_tasks_page_get_n_tasks (JzTasksPage *self);

G_END_DECLS
