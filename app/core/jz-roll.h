/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-db.h"
#include "jz-user.h"

G_BEGIN_DECLS

/* Payment rolls (发放名册): see data/sql/008-rolls.sql.
 *
 * A roll is generated from the cases of its programs in payment in its
 * period — decided and started by the period's last day, not ended before
 * its first — in the township, one line a case with the amount the benefit
 * engine gives on the period's first day, times the months of the period
 * (a full month for a case paid any day of it).  Lines of a locked roll of
 * the period before whose amount the engine now gives otherwise (a
 * back-dated change) come back as back-payment or recovery lines, with
 * their reason.  Then draft → checked → locked → paid. */

#define JZ_ROLL_ERROR (jz_roll_error_quark ())

typedef enum
{
  JZ_ROLL_ERROR_INVALID,   /* a choice is missing or does not read */
  JZ_ROLL_ERROR_STATE,     /* the step does not apply to the roll's state */
  JZ_ROLL_ERROR_EXISTS,    /* a roll of these programs, period and place exists */
} JzRollError;

typedef struct
{
  gint64  id;
  char   *programs;      /* codes, comma-separated */
  char   *period;        /* 2026-06, 2026-Q3 */
  char   *period_from;
  char   *period_to;
  int     months;
  gint64  township_id;   /* 0: the district */
  char   *township_name; /* "" for the district */
  char   *status;        /* draft, checked, locked, paid */
  char   *due_on;
  char   *created_by;
  char   *locked_by;
  char   *paid_on;
  guint   lines;
  gint64  total;         /* fen */
  gint64  version;
} JzRoll;

typedef struct
{
  gint64  id;
  gint64  case_id;
  gint64  household_id;
  char   *program;
  char   *kind;          /* regular, back_payment, recovery */
  int     months;
  gint64  monthly_amount;
  gint64  amount;
  char   *reason;
  char   *payee;         /* the head, or the person of a person's program */
  char   *village_name;
} JzRollLine;

typedef struct
{
  gint64  household_id;
  char   *program;
  char   *change;        /* new, stopped, changed */
  gint64  old_amount;    /* fen; 0 when new */
  gint64  new_amount;    /* fen; 0 when stopped */
} JzRollChange;

GQuark      jz_roll_error_quark     (void);

void        jz_roll_free            (JzRoll        *roll);
void        jz_roll_line_free       (JzRollLine    *line);
void        jz_roll_change_free     (JzRollChange  *change);

/* "2026-06" → 2026-06-01 … 2026-06-30, 1 month; "2026-Q3" → 2026-07-01 …
 * 2026-09-30, 3 months.  The due day: the 10th of the month, or the 10th
 * day of the quarter. */
gboolean    jz_roll_parse_period    (const char    *period,
                                     char         **from,
                                     char         **to,
                                     int           *months,
                                     char         **due_on);

/* @programs: codes separated by commas; @township_id 0 for the district.
 * Returns: the new roll's id, or 0 with @error set. */
gint64      jz_roll_generate        (JzDb          *db,
                                     const JzUser  *user,
                                     const char    *programs,
                                     const char    *period,
                                     gint64         township_id,
                                     GError       **error);
JzRoll     *jz_roll_get             (JzDb          *db,
                                     gint64         id,
                                     GError       **error);
GPtrArray  *jz_roll_list            (JzDb          *db,
                                     GError       **error);
GPtrArray  *jz_roll_lines           (JzDb          *db,
                                     gint64         roll_id,
                                     GError       **error);
/* draft → checked → locked → paid (@on_date the day paid). */
gboolean    jz_roll_check           (JzDb          *db,
                                     const JzUser  *user,
                                     gint64         roll_id,
                                     GError       **error);
gboolean    jz_roll_lock            (JzDb          *db,
                                     const JzUser  *user,
                                     gint64         roll_id,
                                     GError       **error);
gboolean    jz_roll_mark_paid       (JzDb          *db,
                                     const JzUser  *user,
                                     gint64         roll_id,
                                     const char    *on_date,
                                     GError       **error);
/* A draft is thrown away (a locked roll never is). */
gboolean    jz_roll_discard         (JzDb          *db,
                                     const JzUser  *user,
                                     gint64         roll_id,
                                     GError       **error);
/* Whether a roll not paid is past its due day on @today. */
gboolean    jz_roll_is_late         (const JzRoll  *roll,
                                     const char    *today);
/* From roll @a to roll @b, by household and program: new, stopped and
 * changed amounts (增减), regular lines only. */
GPtrArray  *jz_roll_diff            (JzDb          *db,
                                     gint64         a,
                                     gint64         b,
                                     GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JzRoll, jz_roll_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JzRollLine, jz_roll_line_free)

G_END_DECLS
