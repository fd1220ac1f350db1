/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-db.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  char   *at;          /* ISO 8601, UTC */
  char   *user_name;
  char   *table_name;
  gint64  row_id;
  char   *action;
  char   *old_values;  /* JSON object of the changed fields, or NULL */
  char   *new_values;  /* JSON object of the changed fields, or NULL */
} JzAuditEntry;

void       jz_audit_entry_free (JzAuditEntry  *entry);

gboolean   jz_audit_record     (JzDb          *db,
                                const char    *table_name,
                                gint64         row_id,
                                const char    *action,
                                const char    *old_values,
                                const char    *new_values,
                                GError       **error);
char      *jz_audit_snapshot   (JzDb          *db,
                                const char    *table_name,
                                gint64         row_id,
                                GError       **error);
gboolean   jz_audit_record_change (JzDb       *db,
                                   const char *table_name,
                                   gint64      row_id,
                                   const char *action,
                                   const char *before,
                                   GError    **error);
gboolean   jz_audit_record_diff (JzDb         *db,
                                 const char   *table_name,
                                 gint64        row_id,
                                 const char   *action,
                                 const char   *before,
                                 const char   *after,
                                 GError      **error);
GPtrArray *jz_audit_list       (JzDb          *db,
                                const char    *table_name,
                                gint64         row_id,
                                GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JzAuditEntry, jz_audit_entry_free)

G_END_DECLS
