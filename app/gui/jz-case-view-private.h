/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-case-view.h"
#include "jz-case.h"
#include "jz-workflow.h"

G_BEGIN_DECLS

/* One case of a household file: where it stands, its dates and
 * deadlines, the benefit and how it is reckoned, its steps so far, and
 * the steps the signed-in user may take now — the others are not shown,
 * and the core refuses them again. */
struct _JzCaseView
{
  AdwBin               parent_instance;

  /* Template widgets */
  GtkLabel            *title_label;
  GtkLabel            *overdue_label;
  GtkLabel            *status_label;
  GtkScrolledWindow   *scrolled_window;
  AdwPreferencesGroup *steps_group;
  GtkBox              *steps_box;
  GtkWidget           *facts_group;
  GtkListBox          *facts_list;
  GtkWidget           *deadlines_group;
  GtkListBox          *deadlines_list;
  AdwPreferencesGroup *benefit_group;
  GtkListBox          *benefit_list;
  GtkWidget           *notice_group;
  GtkWidget           *dates_group;
  GtkListBox          *dates_list;
  GtkWidget           *history_group;
  GtkListBox          *history_list;

  /* Owned references */
  JzDb                *db;
  JzUser              *user;   /* NULL in single-user mode */
  JzCaseFlow          *flow;   /* as shown, NULL when none */

  gint64               case_id;
};

/* jz-case-view-sections.c: what the view shows of the case in self->flow. */
void     jz_case_view_clear_sections       (JzCaseView  *self);
void     jz_case_view_show_sections        (JzCaseView  *self,
                                            JzCase      *item,
                                            GPtrArray   *steps,
                                            const char  *today);
void     jz_case_view_hide_sections        (JzCaseView  *self);
gboolean jz_case_view_may_review           (JzCaseView  *self);
gboolean jz_case_view_may_review_emergency (JzCaseView  *self);

G_END_DECLS
