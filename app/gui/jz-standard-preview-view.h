/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jz-db.h"
#include "jz-standard-preview.h"

G_BEGIN_DECLS

#define JZ_TYPE_STANDARD_PREVIEW_VIEW (jz_standard_preview_view_get_type ())
G_DECLARE_FINAL_TYPE (JzStandardPreviewView, jz_standard_preview_view, JZ, STANDARD_PREVIEW_VIEW, AdwBin)

GtkWidget               *jz_standard_preview_view_new          (void);
void                     jz_standard_preview_view_run          (JzStandardPreviewView *self,
                                                                JzDb                  *db,
                                                                const JzStandard      *draft);
void                     jz_standard_preview_view_cancel       (JzStandardPreviewView *self);
gboolean                 jz_standard_preview_view_get_busy     (JzStandardPreviewView *self);
const JzStandardPreview *jz_standard_preview_view_get_preview  (JzStandardPreviewView *self);

G_END_DECLS
