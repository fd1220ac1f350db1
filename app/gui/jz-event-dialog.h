/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jz-db.h"

G_BEGIN_DECLS

typedef enum
{
  JZ_EVENT_MOVE_OUT,
  JZ_EVENT_MEMBER_DEATH,
  JZ_EVENT_CHANGE_HEAD,
  JZ_EVENT_HEAD_DEATH,
} JzEventKind;

#define JZ_TYPE_EVENT_DIALOG (jz_event_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JzEventDialog, jz_event_dialog, JZ, EVENT_DIALOG, AdwWindow)

JzEventDialog *jz_event_dialog_new (GtkWindow    *parent,
                                    JzDb         *db,
                                    gint64        household_id,
                                    JzEventKind   kind,
                                    gint64        person_id,
                                    GError      **error);

G_END_DECLS
