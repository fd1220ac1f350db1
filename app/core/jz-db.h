/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define JZ_DB_ERROR (jz_db_error_quark ())

typedef enum
{
  JZ_DB_ERROR_FAILED,
  JZ_DB_ERROR_MISSING,        /* the file does not exist */
  JZ_DB_ERROR_NOT_A_DATABASE, /* not SQLite, or damaged */
  JZ_DB_ERROR_NEWER_SCHEMA,   /* written by a newer Jiuzhu */
  JZ_DB_ERROR_READ_ONLY,      /* file or folder not writable */
  JZ_DB_ERROR_LOCKED,         /* another clerk holds the write lock past the timeout */
  JZ_DB_ERROR_FULL,           /* disk full */
  JZ_DB_ERROR_CONSTRAINT,     /* a rule of the data was broken */
  JZ_DB_ERROR_CONFLICT,       /* the row changed since it was read */
  JZ_DB_ERROR_NOT_FOUND,
  JZ_DB_ERROR_OLDER_SCHEMA,   /* opened read-only, and the schema needs bringing up to date */
} JzDbError;

typedef enum
{
  JZ_DB_OPEN_DEFAULT   = 0,
  JZ_DB_OPEN_CREATE    = 1 << 0, /* create the file when missing */
  JZ_DB_OPEN_READ_ONLY = 1 << 1,
} JzDbOpenFlags;

#define JZ_TYPE_DB (jz_db_get_type ())
G_DECLARE_FINAL_TYPE (JzDb, jz_db, JZ, DB, GObject)

typedef gboolean (*JzDbWriteFunc) (JzDb     *db,
                                   gpointer  user_data,
                                   GError  **error);

GQuark       jz_db_error_quark             (void);
char        *jz_db_default_path            (void);
int          jz_db_latest_schema_version   (void);
gboolean     jz_db_path_is_network         (const char    *path);

JzDb        *jz_db_open                    (const char    *path,
                                            JzDbOpenFlags  flags,
                                            GError       **error);
const char  *jz_db_get_path                (JzDb          *self);
int          jz_db_get_schema_version      (JzDb          *self);
const char  *jz_db_get_journal_mode        (JzDb          *self);
gboolean     jz_db_get_read_only           (JzDb          *self);
const char  *jz_db_get_user_name           (JzDb          *self);
void         jz_db_set_user_name           (JzDb          *self,
                                            const char    *user_name);
guint        jz_db_get_busy_timeout        (JzDb          *self);
void         jz_db_set_busy_timeout        (JzDb          *self,
                                            guint          msec);

gboolean     jz_db_write                   (JzDb          *self,
                                            JzDbWriteFunc  func,
                                            gpointer       user_data,
                                            GError       **error);

gboolean     jz_db_poll_changes            (JzDb          *self);
void         jz_db_watch                   (JzDb          *self,
                                            guint          interval_msec);
void         jz_db_unwatch                 (JzDb          *self);

gint64       jz_db_count_rows              (JzDb          *self,
                                            const char    *table,
                                            GError       **error);

G_END_DECLS
