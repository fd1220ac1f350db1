/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jz-db.h"

G_BEGIN_DECLS

typedef enum
{
  JZ_CARE_DIALOG_ASSESSMENT,   /* of the person */
  JZ_CARE_DIALOG_CHANGE,       /* a change of condition reported */
  JZ_CARE_DIALOG_AGREEMENT,    /* draft one, with its caregiver */
  JZ_CARE_DIALOG_SIGN,         /* the agreement */
  JZ_CARE_DIALOG_TERMINATE,    /* the agreement */
  JZ_CARE_DIALOG_REPLACE,      /* the agreement's caregiver */
  JZ_CARE_DIALOG_VISIT,        /* to the person */
  JZ_CARE_DIALOG_EVALUATION,   /* of the agreement's caregiver */
} JzCareDialogKind;

#define JZ_TYPE_CARE_DIALOG (jz_care_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JzCareDialog, jz_care_dialog, JZ, CARE_DIALOG, AdwWindow)

/* @person_id: the recipient; @agreement_id: for the kinds about an
 * agreement, else 0.  Emits ::saved once the core took it, and closes. */
JzCareDialog *jz_care_dialog_new      (GtkWindow         *parent,
                                       JzDb              *db,
                                       JzCareDialogKind   kind,
                                       gint64             person_id,
                                       gint64             agreement_id,
                                       const char        *who);
JzCareDialogKind jz_care_dialog_get_kind (JzCareDialog *self);
/* The entry row titled @title, for tests and for the page's defaults. */
GtkWidget    *jz_care_dialog_get_row  (JzCareDialog      *self,
                                       const char        *key);

G_END_DECLS
