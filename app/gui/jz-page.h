/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jz-db.h"
#include "jz-user.h"

G_BEGIN_DECLS

#define JZ_TYPE_PAGE (jz_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (JzPage, jz_page, JZ, PAGE, AdwBin)

struct _JzPageClass
{
  AdwBinClass parent_class;

  /* Called when the database is replaced and when another clerk commits, so
   * that a page shows what is in the file now; for a hidden page, not until
   * it is shown. */
  void (*reload) (JzPage *self);
};

JzDb         *jz_page_get_db   (JzPage       *self);
void          jz_page_set_db   (JzPage       *self,
                                JzDb         *db);
const JzUser *jz_page_get_user (JzPage       *self);
void          jz_page_set_user (JzPage       *self,
                                const JzUser *user);
gboolean      jz_page_user_can (JzPage       *self,
                                JzPermission  permission,
                                gint64        township_id);

G_END_DECLS
