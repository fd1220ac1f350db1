/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jz-db.h"
#include "jz-user.h"

G_BEGIN_DECLS

/* What hashes or checks a password: argon2id is slow on purpose, so these
 * run in a worker thread, with a database connection of their own, and
 * the window stays responsive.  The audit log names the user of @db. */

void    jz_user_job_sign_in_async      (JzDb                *db,
                                        const char          *name,
                                        const char          *password,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
void    jz_user_job_create_async       (JzDb                *db,
                                        const JzUser        *actor,
                                        const JzUser        *user,
                                        const char          *password,
                                        gboolean             then_sign_in,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
void    jz_user_job_set_password_async (JzDb                *db,
                                        const JzUser        *actor,
                                        const char          *name,
                                        const char          *password,
                                        gboolean             then_sign_in,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
JzUser *jz_user_job_finish             (JzDb                *db,
                                        GAsyncResult        *result,
                                        GError             **error);

G_END_DECLS
