/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-db.h"

G_BEGIN_DECLS

/* What an approval or refusal notice prints about a case, read in one
 * place.  It holds no ID number, phone, address or bank account: a notice
 * goes by post and to the village, so those never reach it. */

typedef struct
{
  char   *label;
  char   *formula;
  gint64  amount;            /* fen */
} JzCaseNoticeLine;

typedef struct
{
  gint64      case_id;
  char       *program;         /* code, e.g. dibao_urban */
  char       *program_name_zh; /* from the programs table */
  char       *status;
  char       *applicant_name;  /* the person of a per-person program, else the household's head */
  char       *village_name;
  char       *township_name;
  char       *applied_on;
  char       *decided_on;      /* cases.decided_on, else the date of the approving or refusing step; NULL if neither */
  char       *starts_on;
  char       *reason;          /* of a refusal: cases.reason, else the refusing step's note; NULL if neither */
  int         persons;
  gint64      monthly_amount;  /* fen */
  /* The newest itemized breakdown saved with a step of the case
   * (case_history.breakdown, as jz_benefit_result_to_saved_json() writes it). */
  gboolean    has_breakdown;
  gint64      breakdown_total; /* fen */
  GPtrArray  *lines;           /* JzCaseNoticeLine, empty without a breakdown */
} JzCaseNoticeData;

void               jz_case_notice_data_free   (JzCaseNoticeData  *data);
JzCaseNoticeData  *jz_case_notice_data_get    (JzDb              *db,
                                               gint64             case_id,
                                               GError           **error);
gboolean           jz_case_notice_parse_breakdown (JzDb              *db,
                                                   const char        *json,
                                                   gint64            *total,
                                                   GPtrArray        **lines,
                                                   GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JzCaseNoticeData, jz_case_notice_data_free)

G_END_DECLS
