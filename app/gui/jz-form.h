/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* What the household forms share: the fixed lists a member's facts (and
 * the case list's filters) are chosen from, and the way a refused save is
 * told. */

typedef enum
{
  JZ_CHOICE_RELATION,
  JZ_CHOICE_MEMBER_RELATION,  /* every relation but head */
  JZ_CHOICE_DISABILITY_KIND,
  JZ_CHOICE_LABOUR_CAPACITY,
  JZ_CHOICE_SELF_CARE,
  JZ_CHOICE_EMPLOYMENT,
  JZ_CHOICE_HUKOU,
  JZ_CHOICE_SEX,
  JZ_CHOICE_PROGRAM,          /* by short name */
  JZ_CHOICE_CASE_SUMMARY,     /* a household's most pressing case status */
} JzChoice;

const char  *jz_choice_label        (JzChoice     choice,
                                     const char  *code);
GListModel  *jz_choice_model_new    (JzChoice     choice,
                                     const char  *none_label);
const char  *jz_choice_code_at      (JzChoice     choice,
                                     gboolean     has_none,
                                     guint        position);
guint        jz_choice_position     (JzChoice     choice,
                                     gboolean     has_none,
                                     const char  *code);

char        *jz_form_today          (void);
gboolean     jz_form_date_is_valid  (const char  *text);

typedef void (*JzReloadFunc) (gpointer user_data);

GtkWindow   *jz_form_show_save_error (GtkWindow    *parent,
                                      const GError *error,
                                      JzReloadFunc  reload,
                                      gpointer      user_data);

void         jz_form_set_row_error  (GtkWidget   *row,
                                     gboolean     error);

G_END_DECLS
