/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-db.h"
#include "jz-user.h"

G_BEGIN_DECLS

/* Care of dispersed tekun recipients (分散供养特困人员): the self-care
 * assessment, the care agreement between the township (甲方), a caregiver
 * (乙方) and the recipient (丙方), staff visits and the caregiver's
 * evaluations.  See data/sql/006-care.sql.
 *
 * Every write is one transaction with its audit entry and is checked
 * against the acting user (jz_user_set_actor()): a township clerk writes
 * for the recipients of their township only. */

#define JZ_CARE_ERROR (jz_care_error_quark ())

typedef enum
{
  JZ_CARE_ERROR_INVALID,      /* a field is missing or out of range; the message says which */
  JZ_CARE_ERROR_STATE,        /* the step does not apply to the agreement's state */
  JZ_CARE_ERROR_NOT_RECIPIENT,/* the person has no dispersed tekun case */
  JZ_CARE_ERROR_ACTIVE,       /* the recipient already has an agreement in force */
} JzCareError;

/* The six daily activities of the assessment, a bit each when the
 * recipient does it alone. */
typedef enum
{
  JZ_CARE_EATING    = 1 << 0,
  JZ_CARE_DRESSING  = 1 << 1,
  JZ_CARE_TRANSFER  = 1 << 2,   /* getting in and out of bed */
  JZ_CARE_TOILETING = 1 << 3,
  JZ_CARE_WALKING   = 1 << 4,   /* indoors */
  JZ_CARE_BATHING   = 1 << 5,
} JzCareActivity;

#define JZ_CARE_ALL_ACTIVITIES 0x3f
#define JZ_CARE_N_ACTIVITIES   6

/* What a visit checks, a bit each when it was found in order. */
typedef enum
{
  JZ_CARE_CHECK_FOOD      = 1 << 0,
  JZ_CARE_CHECK_CLOTHING  = 1 << 1,
  JZ_CARE_CHECK_HOUSING   = 1 << 2,   /* housing safety */
  JZ_CARE_CHECK_HEALTH    = 1 << 3,
  JZ_CARE_CHECK_HYGIENE   = 1 << 4,
  JZ_CARE_CHECK_CAREGIVER = 1 << 5,   /* the caregiver was present */
  JZ_CARE_CHECK_MONEY     = 1 << 6,   /* the money was received */
} JzCareCheck;

#define JZ_CARE_ALL_CHECKS 0x7f
#define JZ_CARE_N_CHECKS   7

/* The state of an agreement on a day: the stored status, with "expiring"
 * (active, its end within care_expiring_days) and "lapsed" (active, its
 * end passed without a renewal) told from the dates. */
typedef enum
{
  JZ_CARE_STATE_DRAFT,
  JZ_CARE_STATE_ACTIVE,
  JZ_CARE_STATE_EXPIRING,
  JZ_CARE_STATE_LAPSED,
  JZ_CARE_STATE_EXPIRED,
  JZ_CARE_STATE_TERMINATED,
} JzCareState;

typedef struct
{
  gint64  id;
  gint64  person_id;
  char   *assessed_on;
  char   *assessor;
  guint   done_alone;       /* JzCareActivity bits */
  char   *tier;             /* self_care, partial_care, full_care: from done_alone */
  char   *note;
  gint64  version;
} JzCareAssessment;

typedef struct
{
  gint64  id;
  char   *kind;                  /* person, organisation */
  char   *name;
  char   *legal_representative;  /* organisations */
  char   *id_number;             /* a person's; an organisation's representative's, may be empty */
  char   *phone;
  char   *address;
  char   *bank;
  char   *bank_account;
  gint64  version;
} JzCaregiver;

typedef struct
{
  gint64       id;
  char        *number;          /* 协议编号, given when drafted */
  gint64       person_id;       /* 丙方 */
  gint64       case_id;         /* the dispersed tekun case, 0 if none */
  gint64       township_id;     /* 甲方 */
  gint64       caregiver_id;    /* 乙方 */
  char        *relation;        /* the caregiver's to the recipient, free text */
  char        *tier;
  gint64       monthly_fee;     /* fen: care_<tier>_pct × min_wage in force on starts_on */
  char        *care_content;
  char        *frequency;
  char        *starts_on;
  char        *ends_on;
  char        *signed_on;       /* NULL while a draft */
  char        *status;          /* draft, active, expired, terminated */
  char        *ended_on;
  char        *end_reason;
  gint64       previous_id;     /* the agreement renewed or replaced, 0 if none */
  char        *link;            /* renewal, replacement, NULL */
  gint64       version;

  /* Read with the agreement, not written */
  char        *person_name;
  char        *township_name;
  char        *caregiver_name;
} JzCareAgreement;

typedef struct
{
  gint64  id;
  gint64  person_id;
  gint64  agreement_id;     /* in force on the day, 0 if none */
  char   *visited_on;
  char   *visitors;
  char   *method;           /* home, phone */
  guint   checks;           /* JzCareCheck bits found in order */
  char   *findings;
  char   *follow_up;
  char   *follow_up_due;    /* NULL without a follow-up */
  char   *follow_up_done;
  gint64  version;
} JzCareVisit;

typedef struct
{
  gint64  id;
  gint64  agreement_id;
  char   *period_from;
  char   *period_to;
  char   *evaluated_on;
  int     satisfaction;     /* 1 very dissatisfied … 5 very satisfied */
  int     neighbours;       /* 1 poor, 2 fair, 3 good */
  int     village;          /* 1 poor, 2 fair, 3 good */
  int     score;            /* 0–100, from the three */
  char   *result;           /* pass, basic_pass, fail */
  char   *opinion;
  char   *evaluator;
  gint64  version;
} JzCareEvaluation;

/* One dispersed tekun recipient, as the panel lists them on a day. */
typedef struct
{
  gint64       person_id;
  char        *name;
  gint64       household_id;
  gint64       case_id;
  gint64       township_id;
  char        *township_name;
  char        *village_name;
  char        *tier;             /* the latest assessment's, else the person's self_care */
  gint64       agreement_id;     /* the newest agreement not ended, 0 if none */
  char        *agreement_number;
  JzCareState  state;            /* of that agreement; meaningless without one */
  char        *agreement_ends_on;
  char        *caregiver_name;
  char        *last_visit_on;    /* NULL if never visited */
  char        *next_visit_on;    /* when the next visit is due */
  gboolean     visit_overdue;
  char        *last_evaluation_on;
  char        *last_evaluation_result;  /* NULL if never evaluated */
  gboolean     failed_open;      /* the agreement in force failed its latest evaluation */
  char        *reassessment_due; /* a reported change awaits reassessment by then, or NULL */
} JzCareRecipient;

typedef enum
{
  JZ_CARE_FILTER_ALL,
  JZ_CARE_FILTER_NO_AGREEMENT,
  JZ_CARE_FILTER_EXPIRING,
  JZ_CARE_FILTER_VISIT_OVERDUE,
  JZ_CARE_FILTER_FAILED,
} JzCareFilter;

typedef struct
{
  guint recipients;
  guint with_agreement;       /* an agreement in force (active or expiring) */
  guint visits_on_time;       /* recipients whose visit is not overdue */
  guint failed_open;
  guint expiring;
  guint visit_overdue;
} JzCareStats;

GQuark             jz_care_error_quark              (void);

/* ---- the rules, pure ------------------------------------------------ */

const char        *jz_care_tier_from_activities     (guint              done_alone);
const char        *jz_care_tier_label               (const char        *tier);       /* translated */
const char        *jz_care_activity_label           (JzCareActivity     activity);   /* translated */
const char        *jz_care_check_label              (JzCareCheck        check);      /* translated */
const char        *jz_care_state_code               (JzCareState        state);      /* draft, active, expiring, lapsed, expired, terminated */
const char        *jz_care_state_label              (JzCareState        state);      /* translated */
const char        *jz_care_result_label             (const char        *result);     /* translated */
JzCareState        jz_care_agreement_state          (const JzCareAgreement *agreement,
                                                     const char        *today,
                                                     int                expiring_days);
/* 60 × (satisfaction − 1) / 4 + 20 × (neighbours − 1) / 2 + 20 × (village − 1) / 2,
 * rounded down; 80 and above pass, 60 and above basic pass; below, or a
 * recipient very dissatisfied, fail. */
int                jz_care_evaluation_score         (int                satisfaction,
                                                     int                neighbours,
                                                     int                village,
                                                     const char       **result);

/* ---- records -------------------------------------------------------- */

JzCareAssessment  *jz_care_assessment_new           (void);
void               jz_care_assessment_free          (JzCareAssessment  *assessment);
JzCaregiver       *jz_caregiver_new                 (void);
void               jz_caregiver_free                (JzCaregiver       *caregiver);
JzCareAgreement   *jz_care_agreement_new            (void);
void               jz_care_agreement_free           (JzCareAgreement   *agreement);
JzCareVisit       *jz_care_visit_new                (void);
void               jz_care_visit_free               (JzCareVisit       *visit);
JzCareEvaluation  *jz_care_evaluation_new           (void);
void               jz_care_evaluation_free          (JzCareEvaluation  *evaluation);
void               jz_care_recipient_free           (JzCareRecipient   *recipient);

/* The tier follows from done_alone; the person's self-care level is set
 * to it, and a reported change awaiting reassessment is answered. */
gint64             jz_care_assessment_add           (JzDb              *db,
                                                     JzCareAssessment  *assessment,
                                                     GError           **error);
GPtrArray         *jz_care_assessment_list          (JzDb              *db,
                                                     gint64             person_id,
                                                     GError           **error);
/* A reported change of condition: a reassessment is due within
 * care_reassessment_workdays working days of @reported_on. */
gint64             jz_care_change_report            (JzDb              *db,
                                                     gint64             person_id,
                                                     const char        *reported_on,
                                                     const char        *description,
                                                     char             **due_on,
                                                     GError           **error);

gint64             jz_caregiver_add                 (JzDb              *db,
                                                     JzCaregiver       *caregiver,
                                                     GError           **error);
JzCaregiver       *jz_caregiver_get                 (JzDb              *db,
                                                     gint64             id,
                                                     GError           **error);

/* Drafts an agreement: its number, the tier of the latest assessment
 * (or the person's), the fee from the standards in force on starts_on,
 * and ends_on care_term_months later when not given. */
gint64             jz_care_agreement_draft          (JzDb              *db,
                                                     JzCareAgreement   *agreement,
                                                     GError           **error);
JzCareAgreement   *jz_care_agreement_get            (JzDb              *db,
                                                     gint64             id,
                                                     GError           **error);
GPtrArray         *jz_care_agreement_list           (JzDb              *db,
                                                     gint64             person_id,
                                                     GError           **error);
/* draft → active.  A renewal, once signed, ends the agreement it renews
 * (expired on its end date). */
gboolean           jz_care_agreement_sign           (JzDb              *db,
                                                     gint64             id,
                                                     const char        *signed_on,
                                                     GError           **error);
/* draft or active → terminated, with a reason. */
gboolean           jz_care_agreement_terminate      (JzDb              *db,
                                                     gint64             id,
                                                     const char        *on_date,
                                                     const char        *reason,
                                                     GError           **error);
/* A new draft from the day after the end of @id, same parties. */
gint64             jz_care_agreement_renew          (JzDb              *db,
                                                     gint64             id,
                                                     GError           **error);
/* One step: @id terminated on @on_date with @reason, and a new draft with
 * @caregiver_id from that day, linked to it. */
gint64             jz_care_agreement_replace        (JzDb              *db,
                                                     gint64             id,
                                                     gint64             caregiver_id,
                                                     const char        *relation,
                                                     const char        *on_date,
                                                     const char        *reason,
                                                     GError           **error);

gint64             jz_care_visit_add                (JzDb              *db,
                                                     JzCareVisit       *visit,
                                                     GError           **error);
GPtrArray         *jz_care_visit_list               (JzDb              *db,
                                                     gint64             person_id,
                                                     GError           **error);

/* Score and result are computed from the three opinions. */
gint64             jz_care_evaluation_add           (JzDb              *db,
                                                     JzCareEvaluation  *evaluation,
                                                     GError           **error);
GPtrArray         *jz_care_evaluation_list          (JzDb              *db,
                                                     gint64             person_id,
                                                     GError           **error);

/* ---- the panel ------------------------------------------------------ */

/* The dispersed tekun recipients @user may see (a clerk: their township),
 * by township, village and name; @today: NULL for jz_today(). */
GPtrArray         *jz_care_list_recipients          (JzDb              *db,
                                                     const JzUser      *user,
                                                     JzCareFilter       filter,
                                                     const char        *today,
                                                     GError           **error);
JzCareRecipient   *jz_care_get_recipient            (JzDb              *db,
                                                     const JzUser      *user,
                                                     gint64             person_id,
                                                     const char        *today,
                                                     GError           **error);
/* Pure: on a list already read. */
gboolean           jz_care_recipient_in_force       (const JzCareRecipient *recipient);
gboolean           jz_care_recipient_matches        (const JzCareRecipient *recipient,
                                                     JzCareFilter       filter);
void               jz_care_stats_of                 (GPtrArray         *recipients,
                                                     JzCareStats       *stats);
/* The overdue visits as JzTask (jz-workflow.h) of kind JZ_TASK_VISIT, for
 * whoever keeps the recipients' files: the longest overdue first. */
GPtrArray         *jz_care_list_visit_tasks         (JzDb              *db,
                                                     const JzUser      *user,
                                                     const char        *today,
                                                     GError           **error);
gboolean           jz_care_stats                    (JzDb              *db,
                                                     const JzUser      *user,
                                                     const char        *today,
                                                     JzCareStats       *stats,
                                                     GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JzCareAssessment, jz_care_assessment_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JzCaregiver, jz_caregiver_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JzCareAgreement, jz_care_agreement_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JzCareVisit, jz_care_visit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JzCareEvaluation, jz_care_evaluation_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JzCareRecipient, jz_care_recipient_free)

G_END_DECLS
