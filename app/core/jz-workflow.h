/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-db.h"
#include "jz-user.h"

G_BEGIN_DECLS

/* The legal workflow of a case, from the application to the end of
 * assistance (DESIGN §3, "Process timelines").
 *
 * The steps:
 *
 *   draft → submitted → accepted → investigating → village_notice
 *         → township_reviewed → approved → active ⇄ suspended
 *   active, suspended → terminated
 *   draft … township_reviewed → rejected, withdrawn
 *
 * Temporary assistance is decided shorter: an accepted case may be
 * approved at once (the county may skip the investigation, the notice and
 * the township review), and an emergency case (先行救助, cases.emergency)
 * may be approved straight after it is submitted, to be reviewed after
 * (jz_case_review_emergency(), which sets emergency_reviewed_on).  Being
 * paid once, an approved temporary case is finished: it never becomes
 * active.  Only temporary assistance can be an emergency.
 *
 * Who takes which step (jz_user_can()):
 *   JZ_PERMISSION_APPLY, in the case's township (the township of the
 *     household's village): submit, accept, investigate, notice, township
 *     review;
 *   JZ_PERMISSION_DECIDE: approve, activate, suspend, terminate, the
 *     reviews;
 *   rejection: whoever may take the next step forward from the state
 *     (the township before its review, the county after it; for the
 *     temporary shortcuts both);
 *   withdrawal: the township (JZ_PERMISSION_APPLY), and the county where
 *     it may take the next step.
 * A leader takes no step; an administrator every one; no user (NULL) is
 * single-user mode, where everything is allowed.
 *
 * A written reason (the note) is required to reject, withdraw, suspend or
 * terminate, and to change the amount on a review.
 *
 * A step is dated (on_date, default today): not in the future, and not
 * before the step before it.  The dates and deadlines it sets, with the
 * numbers of the 2021 办法, which are standards (jz-standard.h) in force
 * on the step's date, a township's own value first, and editable in
 * Settings; the kind of each is named in brackets:
 *   accepted:          accepted_on; process_due_on = 30 working days
 *                      later [deadline_process_workdays],
 *                      process_limit_on = 45
 *                      [deadline_process_max_workdays]; the investigation
 *                      is due to start within 3 working days
 *                      [deadline_investigation_start_workdays]
 *                      (step_due_on)
 *   investigating:     investigated_on; tekun: the investigation is due
 *                      within 15 working days
 *                      [deadline_investigation_tekun_workdays]; otherwise
 *                      the step waits for the process deadline
 *   village_notice:    notice_from = the date, notice_to = 6 calendar
 *                      days later: the 7-day notice (公示期) [notice_days]
 *                      counts calendar days, both ends included, as the
 *                      rule speaks of days and not of working days; the
 *                      township review may be recorded from the day after
 *                      notice_to on
 *   township_reviewed: reviewed_on; the county decides within 10 working
 *                      days [deadline_decision_workdays], tekun 15
 *                      [deadline_decision_tekun_workdays]
 *   approved:          decided_on; starts_on = the first day of the next
 *                      month ("payment starts the next month"), or the
 *                      decision date for a one-off payment; the amount
 *                      from the benefit engine, computed for starts_on,
 *                      with its breakdown in case_history.breakdown; the
 *                      activation is due by starts_on
 *   active:            next_review_on = 12 months later for dibao
 *                      [review_dibao_months] (6 with unstable_income
 *                      [review_unstable_months]) and tekun
 *                      [review_tekun_months]; other programs have no
 *                      periodic review
 *   suspended, rejected, withdrawn: reason
 *   terminated:        ended_on, end_reason, monthly_amount = 0
 * A date once computed stays on the case when a standard changes later.
 *
 * Each step is one transaction: the case row (version checked), a
 * case_history row (from_status, status, on_date, at, user_name, note,
 * amount, breakdown) and an audit entry. */

#define JZ_WORKFLOW_ERROR (jz_workflow_error_quark ())

typedef enum
{
  JZ_WORKFLOW_ERROR_FAILED,
  JZ_WORKFLOW_ERROR_STATUS,       /* not a status */
  JZ_WORKFLOW_ERROR_TRANSITION,   /* not a step from the case's status */
  JZ_WORKFLOW_ERROR_REASON,       /* a written reason is required */
  JZ_WORKFLOW_ERROR_DATE,         /* not a date, in the future, or before the step before */
  JZ_WORKFLOW_ERROR_NOTICE,       /* the public notice has not run its course */
  JZ_WORKFLOW_ERROR_APPLICATION,  /* household, person or program not fit for an application */
  JZ_WORKFLOW_ERROR_DUPLICATE,    /* an open case of the program exists */
  JZ_WORKFLOW_ERROR_NOTHING_TO_PAY, /* approval of an amount of 0 */
} JzWorkflowError;

/* A case with the workflow's columns, as the steps and the Tasks panel
 * need it. */
typedef struct
{
  gint64    id;
  gint64    household_id;
  gint64    person_id;          /* 0 for a household-level case */
  gint64    township_id;        /* of the household's village, 0 if none */
  char     *head_name;          /* '' while the household has no head */
  char     *program;
  char     *status;
  char     *applied_on;
  char     *accepted_on;        /* NULL until set; likewise every date below */
  char     *investigated_on;
  char     *notice_from;
  char     *notice_to;
  char     *reviewed_on;
  char     *decided_on;
  char     *starts_on;
  char     *ended_on;
  char     *end_reason;
  char     *reason;
  char     *step_due_on;
  char     *process_due_on;
  char     *process_limit_on;
  char     *next_review_on;
  char     *emergency_reviewed_on;
  char     *temp_kind;
  gint64    temp_multiple_bp;
  gboolean  unstable_income;
  gboolean  emergency;
  gboolean  sampled;
  int       persons;
  gint64    monthly_amount;     /* fen */
  gint64    version;
} JzCaseFlow;

/* What an application starts with besides household, person and program. */
typedef struct
{
  gboolean     emergency;         /* 先行救助: temporary assistance only */
  gboolean     unstable_income;   /* dibao: reviewed every 6 months */
  const char  *temp_kind;         /* temporary: illness, education, other */
  gint64       temp_multiple_bp;  /* temporary: 6 × = 60000, 0 for none yet */
  const char  *institution;       /* centralized tekun */
  const char  *note;
} JzCaseApplication;

typedef enum
{
  JZ_TASK_STEP,              /* an application waits for its next step */
  JZ_TASK_EMERGENCY_REVIEW,  /* paid first (先行救助), to be reviewed */
  JZ_TASK_REVIEW,            /* the yearly or half-yearly review */
  JZ_TASK_TURNS_18,          /* a member turns 18 this month */
  JZ_TASK_TURNS_60,          /* a member turns 60 this month */
  JZ_TASK_DIED,              /* a member died since the last step or review */
  JZ_TASK_GRADUATES,         /* a member graduates this month */
  JZ_TASK_VISIT,             /* a dispersed tekun recipient's visit is overdue (jz-care.h) */
  JZ_TASK_ROLL,              /* a payment roll not paid by its due day (jz-roll.h) */
} JzTaskKind;

/* One row of the Tasks panel. */
typedef struct
{
  JzTaskKind  kind;
  gint64      case_id;
  gint64      household_id;
  gint64      person_id;     /* the member an alert is about, 0 otherwise */
  char       *head_name;
  char       *program;
  char       *status;
  char       *due_on;        /* the deadline, or the day of the event; NULL when none */
  gboolean    overdue;
  gboolean    sampled;       /* tekun: marked for the county's check */
  gint64      roll_id;       /* JZ_TASK_ROLL: the roll; head_name its township, "" for the district */
  char       *period;        /* JZ_TASK_ROLL: the roll's period, 2026-06 or 2026-Q3 */
} JzTask;

typedef gboolean (*JzCaseFlowFunc) (const JzCaseFlow *flow,
                                    gpointer          user_data);

GQuark              jz_workflow_error_quark     (void);

/* --- the rules, pure ---------------------------------------------------- */

const char * const *jz_workflow_statuses        (void);
gboolean            jz_workflow_is_status       (const char        *status);
/* Is @from → @to a step for a case of @program?  @permissions: the
 * JzPermission bits (1 << permission), any one of which allows it;
 * @needs_reason: whether a written reason is required. */
gboolean            jz_workflow_lookup          (const char        *program,
                                                 gboolean           emergency,
                                                 const char        *from,
                                                 const char        *to,
                                                 guint             *permissions,
                                                 gboolean          *needs_reason);
/* May @user take the step @to of @flow now?  For the window, which offers
 * only those. */
gboolean            jz_workflow_may             (const JzUser      *user,
                                                 const JzCaseFlow  *flow,
                                                 const char        *to);
/* The steps @user may take from @flow's state, in the order of the list
 * of statuses; a NULL-terminated array of status codes. */
char              **jz_workflow_next_statuses   (const JzUser      *user,
                                                 const JzCaseFlow  *flow);
/* Is the step @flow waits for (or its review) past its date on @today? */
gboolean            jz_workflow_overdue         (const JzCaseFlow  *flow,
                                                 const char        *today);

/* --- reading ------------------------------------------------------------ */

void                jz_case_flow_free           (JzCaseFlow        *flow);
JzCaseFlow         *jz_case_flow_get            (JzDb              *db,
                                                 gint64             case_id,
                                                 GError           **error);
/* Every case matching the filters (NULL or 0: any), by id; stops when
 * @func returns FALSE. */
gboolean            jz_case_flow_foreach        (JzDb              *db,
                                                 const char        *status,
                                                 const char        *program,
                                                 gint64             township_id,
                                                 JzCaseFlowFunc     func,
                                                 gpointer           user_data,
                                                 GError           **error);

/* --- the steps ---------------------------------------------------------- */

/* A new application in the draft state; returns its id, or 0. */
gint64              jz_case_create_application  (JzDb                    *db,
                                                 const JzUser            *user,
                                                 gint64                   household_id,
                                                 gint64                   person_id,
                                                 const char              *program,
                                                 const char              *applied_on,
                                                 const JzCaseApplication *application,
                                                 GError                 **error);
gboolean            jz_case_advance             (JzDb              *db,
                                                 const JzUser      *user,
                                                 gint64             case_id,
                                                 const char        *to_status,
                                                 const char        *note,
                                                 const char        *on_date,
                                                 GError           **error);
/* The same, refused with JZ_DB_ERROR_CONFLICT (naming who changed it)
 * unless the case is still at @version, the one the clerk saw. */
gboolean            jz_case_advance_at_version  (JzDb              *db,
                                                 const JzUser      *user,
                                                 gint64             case_id,
                                                 gint64             version,
                                                 const char        *to_status,
                                                 const char        *note,
                                                 const char        *on_date,
                                                 GError           **error);
/* Dynamic management (动态管理) of an active case: computes the amount
 * again with the facts and standards of @on_date and raises, lowers or
 * keeps it; an amount of 0 stops the assistance (terminated).  A change
 * needs @note as its reason.  Sets the next review date. */
gboolean            jz_case_review              (JzDb              *db,
                                                 const JzUser      *user,
                                                 gint64             case_id,
                                                 const char        *on_date,
                                                 const char        *note,
                                                 GError           **error);
/* Records that an emergency payment was reviewed after. */
gboolean            jz_case_review_emergency    (JzDb              *db,
                                                 const JzUser      *user,
                                                 gint64             case_id,
                                                 const char        *on_date,
                                                 const char        *note,
                                                 GError           **error);
/* The county's check of at least @rate_bp (0: the district's
 * tekun_sample_pct in force today, 30 % by default) of the tekun cases
 * awaiting its decision: marks further cases as sampled until the rate is
 * reached, in an order fixed by @seed, so that the same seed on the same
 * cases picks the same ones.  @n_sampled: the cases marked now. */
gboolean            jz_workflow_sample_tekun    (JzDb              *db,
                                                 const JzUser      *user,
                                                 guint64            seed,
                                                 guint              rate_bp,
                                                 guint             *n_sampled,
                                                 GError           **error);
gboolean            jz_workflow_sample_status   (JzDb              *db,
                                                 guint             *n_waiting,
                                                 guint             *n_sampled,
                                                 guint             *n_target,
                                                 guint             *rate_bp,
                                                 GError           **error);

/* --- the Tasks panel ---------------------------------------------------- */

/* Reviews and alerts go to whoever may record steps or decide in the
 * case's township; a leader has no tasks.  @today: NULL for jz_today(). */
void                jz_task_free                (JzTask            *task);
/* Applications waiting for a step @user may take, and emergency payments
 * to review: the overdue first, then by due date. */
GPtrArray          *jz_workflow_list_steps      (JzDb              *db,
                                                 const JzUser      *user,
                                                 const char        *today,
                                                 GError           **error);
/* Active cases whose review falls in @today's month or earlier. */
GPtrArray          *jz_workflow_list_reviews    (JzDb              *db,
                                                 const JzUser      *user,
                                                 const char        *today,
                                                 GError           **error);
/* Members of active or suspended cases who turn 18 or 60 or graduate in
 * @today's month, or died after the case's last step or review. */
GPtrArray          *jz_workflow_list_alerts     (JzDb              *db,
                                                 const JzUser      *user,
                                                 const char        *today,
                                                 GError           **error);
/* All three, in that order. */
GPtrArray          *jz_workflow_list_tasks      (JzDb              *db,
                                                 const JzUser      *user,
                                                 const char        *today,
                                                 GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JzCaseFlow, jz_case_flow_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JzTask, jz_task_free)

G_END_DECLS
