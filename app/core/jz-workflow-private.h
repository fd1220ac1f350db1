/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-db-private.h"
#include "jz-workflow.h"

G_BEGIN_DECLS

/* Shared by jz-workflow.c (the rules and reading), jz-workflow-advance.c
 * (the steps) and jz-workflow-tasks.c (the Tasks panel). */

/* The numbers of the rules (DESIGN §3): standards in force on a step's
 * date, a township's own value first (data/sql/005-workflow-rules.sql has
 * the defaults of the 2021 办法). */
typedef struct
{
  int investigation_start_days;  /* working days from acceptance */
  int tekun_investigation_days;  /* working days from the start of the investigation */
  int notice_days;               /* calendar days, both ends included */
  int decision_days;             /* working days from the township review */
  int tekun_decision_days;
  int process_days;              /* working days from acceptance */
  int process_limit_days;
  int review_months;             /* dibao */
  int unstable_review_months;    /* dibao with an unstable income */
  int tekun_review_months;
  int tekun_sample_rate_bp;
} JzWorkflowRules;

/* jz_workflow_overdue() in SQL, over cases `c`, with :today bound to the
 * day; test-workflow holds the two to the same answers. */
#define JZ_WORKFLOW_OVERDUE_SQL \
  "((c.status IN ('submitted', 'accepted', 'investigating', 'village_notice', 'township_reviewed') " \
  "AND (c.step_due_on < :today OR c.process_due_on < :today)) " \
  "OR (c.status = 'approved' AND c.step_due_on < :today) " \
  "OR (c.status = 'active' AND c.next_review_on < :today))"

#define JZ_PERMISSION_BIT(p) (1u << (p))

/* The cases' workflow columns, with the head's name and the township
 * from household_summary, which the triggers keep right. */
#define JZ_CASE_FLOW_COLUMNS \
  "c.id, c.household_id, c.person_id, coalesce (hs.township_id, 0), coalesce (hs.head_name, ''), " \
  "c.program, c.status, c.applied_on, c.accepted_on, c.investigated_on, c.notice_from, c.notice_to, " \
  "c.reviewed_on, c.decided_on, c.starts_on, c.ended_on, c.end_reason, c.reason, c.step_due_on, " \
  "c.process_due_on, c.process_limit_on, c.next_review_on, c.emergency_reviewed_on, c.temp_kind, " \
  "c.temp_multiple_bp, c.unstable_income, c.emergency, c.sampled, c.persons, c.monthly_amount, c.version"
#define JZ_CASE_FLOW_N_COLUMNS 31
#define JZ_CASE_FLOW_FROM \
  " FROM cases c LEFT JOIN household_summary hs ON hs.household_id = c.household_id "

JzCaseFlow *jz_case_flow_from_row            (sqlite3_stmt      *stmt,
                                              int                first_column);
JzCaseFlow *jz_case_flow_copy                (const JzCaseFlow  *flow);

/* One query; a number with no value in force is JZ_STANDARD_ERROR_MISSING,
 * naming it. */
gboolean    jz_workflow_rules_load           (JzDb              *db,
                                              const char        *on_date,
                                              gint64             township_id,
                                              JzWorkflowRules   *rules,
                                              GError           **error);

gboolean    jz_workflow_is_tekun             (const char        *program);
gboolean    jz_workflow_is_dibao             (const char        *program);
gboolean    jz_workflow_is_temporary         (const char        *program);
/* The permissions of the steps forward (not rejection or withdrawal)
 * from @from. */
guint       jz_workflow_forward_permissions  (const char        *program,
                                              gboolean           emergency,
                                              const char        *from);
gboolean    jz_workflow_user_may             (const JzUser      *user,
                                              guint              permissions,
                                              gint64             township_id);
gboolean    jz_workflow_check_user           (const JzUser      *user,
                                              guint              permissions,
                                              gint64             township_id,
                                              GError           **error);
/* The months between reviews of @flow's program, 0 when it has none. */
int         jz_workflow_review_months        (const JzCaseFlow       *flow,
                                              const JzWorkflowRules  *rules);
/* The next review date after @from for @flow's program, by the rules in
 * force on @from; *@next = NULL for a program without reviews. */
gboolean    jz_workflow_next_review          (JzDb              *db,
                                              const JzCaseFlow  *flow,
                                              const char        *from,
                                              char             **next,
                                              GError           **error);

/* The pieces of a step, for jz-workflow-advance.c and jz-workflow-review.c;
 * all but the first run inside jz_db_write(). */
void        jz_workflow_set_str              (char             **field,
                                              const char        *value);
JzCaseFlow *jz_workflow_load_for_write       (JzDb              *db,
                                              gint64             case_id,
                                              gint64             version,
                                              GError           **error);
char       *jz_workflow_snapshot             (JzDb              *db,
                                              gint64             case_id,
                                              GError           **error);
gboolean    jz_workflow_require_reason       (const char        *note,
                                              GError           **error);
gboolean    jz_workflow_check_step_date      (JzDb              *db,
                                              const JzCaseFlow  *flow,
                                              const char        *on_date,
                                              const char        *today,
                                              GError           **error);
gboolean    jz_workflow_commit_step          (JzDb              *db,
                                              const JzUser      *user,
                                              const char        *snapshot,
                                              const JzCaseFlow  *before,
                                              const JzCaseFlow  *after,
                                              const char        *on_date,
                                              const char        *note,
                                              const char        *breakdown,
                                              GError           **error);

G_END_DECLS
