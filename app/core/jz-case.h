/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-db.h"

G_BEGIN_DECLS

/* A case as the household file shows it: read-only here, its steps are
 * written by the case workflow. */
typedef struct
{
  gint64  id;
  gint64  household_id;
  gint64  person_id;        /* 0 for a household-level program */
  char   *person_name;      /* NULL for a household-level program */
  char   *person_relation;  /* the person's relation to the head, NULL likewise */
  char   *program;          /* code, e.g. dibao_urban */
  char   *program_name;     /* English name from the programs table */
  char   *program_name_zh;  /* Chinese name from the programs table */
  char   *unit;             /* household, person */
  char   *status;           /* draft … withdrawn, see the cases table */
  char   *applied_on;
  char   *decided_on;       /* NULL until decided; likewise the dates below */
  char   *starts_on;
  char   *ended_on;
  char   *end_reason;
  int     persons;          /* members counted in the program */
  gint64  monthly_amount;   /* fen */
  gint64  version;
  gboolean overdue;         /* on the day it was read: jz_workflow_overdue() */
} JzCase;

/* One row of case_history: a step or a change of amount. */
typedef struct
{
  gint64  id;
  gint64  case_id;
  char   *on_date;
  char   *from_status;      /* NULL for the first row, and for rows older than schema v3 */
  char   *status;
  char   *at;               /* when it was recorded, UTC ISO 8601; '' for rows older than schema v3 */
  gint64  monthly_amount;   /* fen */
  char   *note;
  char   *user_name;
  char   *breakdown;        /* JSON of the benefit breakdown behind a decision or review, else NULL */
} JzCaseStep;

void         jz_case_free                (JzCase      *self);
void         jz_case_step_free           (JzCaseStep  *step);

JzCase      *jz_case_get                 (JzDb        *db,
                                          gint64       id,
                                          GError     **error);
GPtrArray   *jz_case_list_for_household  (JzDb        *db,
                                          gint64       household_id,
                                          GError     **error);
GPtrArray   *jz_case_list_history        (JzDb        *db,
                                          gint64       case_id,
                                          GError     **error);

const char  *jz_case_get_program_label   (const JzCase *self);
const char  *jz_case_status_label        (const char  *status);
gboolean     jz_case_status_is_open      (const char  *status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JzCase, jz_case_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JzCaseStep, jz_case_step_free)

G_END_DECLS
