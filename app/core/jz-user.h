/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-db.h"

G_BEGIN_DECLS

#define JZ_USER_ERROR (jz_user_error_quark ())

typedef enum
{
  JZ_USER_ERROR_FAILED,
  JZ_USER_ERROR_WRONG_PASSWORD, /* unknown name or wrong password: never said which */
  JZ_USER_ERROR_TOO_SOON,       /* after wrong passwords, wait until retry_after */
  JZ_USER_ERROR_INACTIVE,
  JZ_USER_ERROR_NO_PASSWORD,    /* the account has no password yet */
  JZ_USER_ERROR_WEAK_PASSWORD,
  JZ_USER_ERROR_DENIED,         /* the role may not do this */
  JZ_USER_ERROR_EXISTS,
} JzUserError;

typedef enum
{
  JZ_ROLE_CLERK,     /* township clerk: their own township only */
  JZ_ROLE_REVIEWER,  /* district reviewer: decides */
  JZ_ROLE_LEADER,    /* reads everything, changes nothing */
  JZ_ROLE_ADMIN,     /* users, standards, settings, and every step */
} JzRole;

/* What a role may do; the township is checked for clerks.
 *
 *              READ  EDIT_FILES  APPLY  DECIDE  STANDARDS  USERS  EXPORT
 *   clerk       own     own       own     -        -         -     own
 *   reviewer    all      -         -     all       -         -     all
 *   leader      all      -         -      -        -         -      -
 *   admin       all     all       all    all      all       all    all
 *
 * "own": the clerk's township only; a clerk also reads what belongs to no
 * township (standards, the calendar).  Reviewers do not edit files: the one
 * who decides is not the one who recorded the facts (经办与审批分离).  An
 * inactive user may do nothing. */
typedef enum
{
  JZ_PERMISSION_READ,
  JZ_PERMISSION_EDIT_FILES,      /* households, members, events */
  JZ_PERMISSION_APPLY,           /* draft, submit, accept, investigate, notice, township review, withdraw */
  JZ_PERMISSION_DECIDE,          /* approve, reject after the township review, activate, suspend, terminate, yearly review */
  JZ_PERMISSION_STANDARDS,       /* standards and the working-day calendar */
  JZ_PERMISSION_USERS,           /* users, roles, single-user mode */
  JZ_PERMISSION_EXPORT,          /* exports holding personal data */
} JzPermission;

typedef struct
{
  gint64   id;
  char    *name;        /* sign-in name, unique */
  char    *full_name;
  JzRole   role;
  gint64   region_id;   /* the township of a clerk, 0 otherwise */
  gboolean active;
  gboolean has_password;
  gint64   version;
} JzUser;

#define JZ_TYPE_USER (jz_user_get_type ())

GQuark       jz_user_error_quark      (void);
GType        jz_user_get_type         (void) G_GNUC_CONST;

JzUser      *jz_user_new              (void);
JzUser      *jz_user_copy             (const JzUser  *user);
void         jz_user_free             (JzUser        *user);

const char  *jz_role_to_string        (JzRole         role);   /* clerk, reviewer, leader, admin */
gboolean     jz_role_from_string      (const char    *text,
                                       JzRole        *role);
const char  *jz_role_label            (JzRole         role);   /* translated */

/* Pure: may @user do @permission on something of @township_id (0: of no
 * township, e.g. a standard or a user)? NULL means single-user mode, where
 * everything is allowed. */
gboolean     jz_user_can              (const JzUser  *user,
                                       JzPermission   permission,
                                       gint64         township_id);
/* The same, as a GError (JZ_USER_ERROR_DENIED) with a sentence naming
 * what the role may not do. */
gboolean     jz_user_check            (const JzUser  *user,
                                       JzPermission   permission,
                                       gint64         township_id,
                                       GError       **error);

/* At least 8 characters; otherwise JZ_USER_ERROR_WEAK_PASSWORD with a
 * sentence the dialog can show as it is. */
gboolean     jz_user_validate_password (const char   *password,
                                        GError      **error);

GPtrArray   *jz_user_list             (JzDb          *db,
                                       GError       **error);
JzUser      *jz_user_get              (JzDb          *db,
                                       gint64         id,
                                       GError       **error);
JzUser      *jz_user_get_by_name      (JzDb          *db,
                                       const char    *name,
                                       GError       **error);
/* Creates a user; @actor must be an administrator, except for the first
 * administrator of a database that has none with a password.  @password
 * may be NULL: the account cannot sign in until one is set.
 *
 * Passwords are hashed with argon2id at libsodium's "interactive" limits.
 * The environment variable JIUZHU_TEST_FAST_HASH=1 lowers them to the
 * minimum so that the test suite stays quick; it is for tests only, never
 * set it for a real office. */
gint64       jz_user_create           (JzDb          *db,
                                       const JzUser  *actor,
                                       const JzUser  *user,
                                       const char    *password,
                                       GError       **error);
/* Saves name, full name, role, township and active of @user if nobody
 * changed it since it was read (JZ_DB_ERROR_CONFLICT otherwise) and
 * advances its version.  Refused when it would leave users with
 * passwords but no active administrator with one. */
gboolean     jz_user_update           (JzDb          *db,
                                       const JzUser  *actor,
                                       JzUser        *user,
                                       GError       **error);
/* An administrator sets anyone's password, a user their own (the dialog
 * asks for the old one first, through jz_user_sign_in()); it also lifts
 * the wait after wrong passwords.  The audit log says only that it
 * changed. */
gboolean     jz_user_set_password     (JzDb          *db,
                                       const JzUser  *actor,
                                       const char    *name,
                                       const char    *password,
                                       GError       **error);
/* Checks the password with argon2id.  A wrong one is recorded (without
 * the password) and pushes the next attempt out; returns the user signed
 * in, and sets the database's user name for the audit log.
 *
 * An unknown name and a wrong password get the same sentence
 * (JZ_USER_ERROR_WRONG_PASSWORD).  From the third wrong password in a row
 * the next attempt waits 1 second, then 2, 4, 8 … seconds, at most 5
 * minutes (JZ_USER_ERROR_TOO_SOON says how long); a right password or a
 * new one set by the administrator starts the count again.  Each wrong
 * password is an audit entry "sign_in_failed" under the name tried; a
 * sign-in is "sign_in". */
JzUser      *jz_user_sign_in          (JzDb          *db,
                                       const char    *name,
                                       const char    *password,
                                       GError       **error);

/* TRUE when nobody needs to sign in: the administrator's choice (meta
 * key single_user = '1'), or a database with no active user who has a
 * password — a fresh file, or the demo's, whose staff have none. */
gboolean     jz_user_get_single_user  (JzDb          *db);
/* Needs JZ_PERMISSION_USERS; switching sign-in on (FALSE) is refused
 * with JZ_USER_ERROR_NO_PASSWORD until an administrator has a password.
 * An @actor of NULL, everywhere in this file, is single-user mode or the
 * command line, which acts as the administrator of the file. */
gboolean     jz_user_set_single_user  (JzDb          *db,
                                       const JzUser  *actor,
                                       gboolean       single_user,
                                       GError       **error);
/* TRUE when no active administrator has a password yet: the first run
 * asks to create one (or to give the demo's "admin" a password). */
gboolean     jz_user_needs_first_admin (JzDb         *db);
/* Whether the window should offer to set up the first administrator on
 * opening the file: none can sign in yet, nobody chose single-user mode,
 * the file can be written, and the offer was not answered on this file
 * before — so that a demo database asks once, not at every start. */
gboolean     jz_user_get_offer_first_admin (JzDb      *db);
/* Records that the offer was answered, whichever way (meta key
 * first_admin_offered = '1'); the Users settings stay the way to an
 * administrator afterwards. */
gboolean     jz_user_set_first_admin_offered (JzDb    *db,
                                              GError **error);

/* The user acting on @db: the window sets who signed in, so that the core
 * functions that take no user (household files, members, income, events)
 * refuse what the role or the township does not allow.  NULL (the default,
 * single-user mode and the command line) allows everything. */
void          jz_user_set_actor          (JzDb          *db,
                                          const JzUser  *user);
const JzUser *jz_user_get_actor          (JzDb          *db);
/* jz_user_check() for the acting user on a household's township, on a
 * member's, or on a village's (a file about to be opened there). */
gboolean      jz_user_check_household    (JzDb          *db,
                                          JzPermission   permission,
                                          gint64         household_id,
                                          GError       **error);
gboolean      jz_user_check_person       (JzDb          *db,
                                          JzPermission   permission,
                                          gint64         person_id,
                                          GError       **error);
gboolean      jz_user_check_village      (JzDb          *db,
                                          JzPermission   permission,
                                          gint64         village_id,
                                          GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JzUser, jz_user_free)

G_END_DECLS
