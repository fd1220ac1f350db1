/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-db.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  gint64  parent_id;  /* 0 for the district */
  char   *level;      /* district, township, village */
  char   *kind;       /* district, town, street, zone, village, community */
  char   *code;
  char   *name;
  gint64  version;
} JzRegion;

void       jz_region_free           (JzRegion    *region);
gint64     jz_region_create         (JzDb        *db,
                                     gint64       parent_id,
                                     const char  *kind,
                                     const char  *code,
                                     const char  *name,
                                     GError     **error);
JzRegion  *jz_region_get            (JzDb        *db,
                                     gint64       id,
                                     GError     **error);
GPtrArray *jz_region_list_children  (JzDb        *db,
                                     gint64       parent_id,
                                     GError     **error);
gboolean   jz_region_rename         (JzDb        *db,
                                     gint64       id,
                                     gint64       version,
                                     const char  *name,
                                     GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JzRegion, jz_region_free)

G_END_DECLS
