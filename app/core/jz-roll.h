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
 * engine gives on the first day of the first month it is paid, times the
 * months of the period it is paid (JzRollStart).  Lines of a locked roll of
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
  /* A one-off subsidy (一次性生活补贴): its name, else NULL */
  char   *title;
  char   *one_off_on;    /* the day its group was taken on */
  char   *one_off_per;   /* person, household */
  gint64  one_off_amount;/* fen per person or household */
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

/* A line as the bank is sent it: who is paid, the account, the amount.
 * Personal data: for the bank file only. */
typedef struct
{
  gint64  line_id;
  gint64  township_id;
  char   *township_name;
  char   *village_name;
  char   *program;
  char   *kind;
  char   *holder;        /* the account holder: the head, the person of a person's program, or
                            for centralized tekun the care institution (no ID number, no account) */
  char   *id_number;     /* the holder's */
  char   *bank;
  char   *bank_account;
  gint64  amount;        /* fen */
  char   *reason;        /* of a correction, else NULL */
} JzRollBankLine;

typedef struct
{
  gint64  household_id;
  char   *program;
  char   *change;        /* new, stopped, changed */
  gint64  old_amount;    /* fen; 0 when new */
  gint64  new_amount;    /* fen; 0 when stopped */
} JzRollChange;

/* A level of government's share of a one-off subsidy. */
typedef struct
{
  char    *level;        /* central, province, city, county */
  guint    share_bp;     /* 60 % = 6000 */
  gint64   amount;       /* fen */
} JzRollFunding;

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

/* When a case that starts or ends within the period is paid: a month it
 * is in payment any day of, always; one it starts after the first day
 * of, unless the rule is JZ_ROLL_START_NEXT_MONTH (从次月起发放).  Not
 * paid: a month it ended before. */
typedef enum
{
  JZ_ROLL_START_OFFICE,       /* as the office's setting says (JZ_OFFICE_ROLL_NEXT_MONTH) */
  JZ_ROLL_START_SAME_MONTH,
  JZ_ROLL_START_NEXT_MONTH,
} JzRollStart;

/* @programs: codes separated by commas; @township_id 0 for the district.
 * Returns: the new roll's id, or 0 with @error set. */
gint64      jz_roll_generate        (JzDb          *db,
                                     const JzUser  *user,
                                     const char    *programs,
                                     const char    *period,
                                     gint64         township_id,
                                     GError       **error);
gint64      jz_roll_generate_with   (JzDb          *db,
                                     const JzUser  *user,
                                     const char    *programs,
                                     const char    *period,
                                     gint64         township_id,
                                     JzRollStart    start,
                                     GError       **error);
/* A one-off subsidy: @amount fen to each person (@per_person) or each
 * household of the cases of @programs in payment on @on_date in the
 * township, shared between levels as @funding says — "province:60,
 * county:40", the shares in per cent adding up to 100, the last level
 * named taking the fen a split leaves over.  Due by the end of the
 * month of @on_date.  Returns: the new roll's id, or 0 with @error set. */
gint64      jz_roll_generate_one_off (JzDb         *db,
                                      const JzUser *user,
                                      const char   *title,
                                      const char   *programs,
                                      const char   *on_date,
                                      gboolean      per_person,
                                      gint64        amount,
                                      const char   *funding,
                                      gint64        township_id,
                                      GError      **error);
/* "province:60,county:40" → JzRollFunding without amounts, levels from
 * central down; NULL when it does not read or does not add up to 100 %. */
GPtrArray  *jz_roll_parse_funding   (const char    *funding);
/* A roll's funding by level (empty for a monthly or quarterly roll). */
GPtrArray  *jz_roll_funding         (JzDb          *db,
                                     gint64         roll_id,
                                     GError       **error);
void        jz_roll_funding_free    (JzRollFunding *funding);
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
/* The lines with the holders' accounts, by township, village and holder:
 * JzRollBankLine.  Refused to a user without JZ_PERMISSION_EXPORT. */
GPtrArray  *jz_roll_bank_lines      (JzDb          *db,
                                     const JzUser  *user,
                                     gint64         roll_id,
                                     GError       **error);
void        jz_roll_bank_line_free  (JzRollBankLine *line);
/* Whether a roll not paid is past its due day on @today. */
gboolean    jz_roll_is_late         (const JzRoll  *roll,
                                     const char    *today);
/* The rolls @user takes a step of (JZ_PERMISSION_APPLY or DECIDE in the
 * roll's township) that are not paid by their due day on @today, as JzTask
 * (jz-workflow.h) of kind JZ_TASK_ROLL, the longest overdue first. */
GPtrArray  *jz_roll_list_late_tasks (JzDb          *db,
                                     const JzUser  *user,
                                     const char    *today,
                                     GError       **error);
/* From roll @a to roll @b, by household and program: new, stopped and
 * changed amounts (增减), regular lines only. */
GPtrArray  *jz_roll_diff            (JzDb          *db,
                                     gint64         a,
                                     gint64         b,
                                     GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JzRoll, jz_roll_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JzRollLine, jz_roll_line_free)

G_END_DECLS
