/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jz-db.h"
#include "jz-user.h"

G_BEGIN_DECLS

typedef enum
{
  JZ_CASE_STEP_ADVANCE,           /* a step of the workflow */
  JZ_CASE_STEP_REVIEW,            /* the periodic review of an active case */
  JZ_CASE_STEP_EMERGENCY_REVIEW,  /* the review after an emergency payment */
} JzCaseStepKind;

#define JZ_TYPE_CASE_STEP_DIALOG (jz_case_step_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JzCaseStepDialog, jz_case_step_dialog, JZ, CASE_STEP_DIALOG, AdwWindow)

JzCaseStepDialog *jz_case_step_dialog_new (GtkWindow       *parent,
                                           JzDb            *db,
                                           const JzUser    *user,
                                           gint64           case_id,
                                           gint64           version,
                                           JzCaseStepKind   kind,
                                           const char      *to_status,
                                           GError         **error);

G_END_DECLS
