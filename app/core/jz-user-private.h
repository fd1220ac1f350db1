/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-db-private.h"
#include "jz-user.h"

G_BEGIN_DECLS

/* Shared by jz-user.c and jz-user-sign-in.c. */

#define JZ_USER_COLUMNS "id, name, full_name, role, region_id, active, password_hash IS NOT NULL, version"
/* Sign-in names, and what an audit entry keeps of a name tried. */
#define JZ_USER_MAX_NAME_CHARS 64

JzUser *jz_user_from_row        (sqlite3_stmt  *stmt);   /* of JZ_USER_COLUMNS */
char   *jz_user_hash_password   (const char    *password,
                                 GError       **error);
gint64  jz_user_now             (void);                  /* seconds since 1970, UTC */
char   *jz_user_format_utc      (gint64         unix_seconds);

/* For tests: the clock that sign-in measures waits against, in seconds
 * since 1970 (UTC), so that a test of the slow-down does not sleep.
 * 0 goes back to the real clock. */
void   jz_user_set_test_now   (gint64 unix_seconds);

/* Seconds to wait after @failures wrong passwords in a row: none for the
 * first two, 1 after the third, doubling after each further one, at most
 * 300. */
guint  jz_user_retry_delay    (guint  failures);

G_END_DECLS
