/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "jz-db.h"

G_BEGIN_DECLS

/* For the modules of app/core only: the rest of the program never sees SQLite. */

sqlite3      *jz_db_get_handle    (JzDb          *self);
sqlite3_stmt *jz_db_prepare       (JzDb          *self,
                                   const char    *sql,
                                   GError       **error);
gboolean      jz_db_exec          (JzDb          *self,
                                   const char    *sql,
                                   GError       **error);
gboolean      jz_db_step_done     (JzDb          *self,
                                   sqlite3_stmt  *stmt,
                                   GError       **error);
void          jz_db_set_conflict_error (JzDb        *self,
                                        const char  *table_name,
                                        gint64       row_id,
                                        GError     **error);
gboolean      jz_db_step_versioned (JzDb         *self,
                                    sqlite3_stmt *stmt,
                                    const char   *table_name,
                                    gint64        row_id,
                                    GError      **error);
void          jz_db_set_error     (JzDb          *self,
                                   int            rc,
                                   GError       **error);
gboolean      jz_db_in_write      (JzDb          *self);
char         *jz_db_column_dup    (sqlite3_stmt  *stmt,
                                   int            column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
