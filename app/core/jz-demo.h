/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-db.h"

G_BEGIN_DECLS

#define JZ_DEMO_ERROR (jz_demo_error_quark ())

typedef enum
{
  JZ_DEMO_ERROR_NOT_EMPTY, /* the database already holds households or regions */
  JZ_DEMO_ERROR_INVALID,   /* a size or end date out of range */
} JzDemoError;

/* The largest demo: a city of several districts.  400,000 households
 * (about a million persons) take about half a minute. */
#define JZ_DEMO_MAX_HOUSEHOLDS 2000000

typedef void (*JzDemoProgressFunc) (guint    done,
                                    guint    total,
                                    gpointer user_data);

typedef struct
{
  guint              n_households;  /* 1 … JZ_DEMO_MAX_HOUSEHOLDS */
  guint64            seed;
  GDate              end;           /* the last day of history, usually today */
  JzDemoProgressFunc progress;      /* optional, called every few thousand households */
  gpointer           progress_data;
} JzDemoOptions;

/*
 * A fictitious district for demonstrations, tests and benchmarks: 青禾区
 * (code 370302, which python-stdnum's county list knows, so that the
 * generated ID numbers pass stdnum.cn.ric), its 12 streets, towns and
 * development zones, 15–30 villages or communities each, the households and
 * persons, incomes, and the cases of all nine programs with 24 months of
 * history before @end.  Every name, number, phone and account is made up.
 *
 * The same seed, size and end date give the same rows, byte for byte.  The
 * whole demo is one transaction and one audit entry (households, row 0,
 * action "demo").
 *
 * What the data holds, so that checks over it know what to expect:
 *
 *  - standards, district-wide (region_id NULL), raised every 1 July from
 *    the July of the third year before the one the history starts in: `dibao`
 *    (per hukou, amount fen), `min_wage`, `disability_living`,
 *    `disability_care`, `child_living` (amount fen); once, before the
 *    history: `tekun_basic_ratio` (per hukou, rate_bp), `care_self_pct`,
 *    `care_partial_pct`, `care_full_pct` (rate_bp of min_wage),
 *    `increment_elderly_pct`, `increment_severe_disability_pct`,
 *    `increment_severe_illness_pct` (rate_bp of the dibao standard),
 *    `temp_illness_min`/`_max`, `temp_education_min`/`_max` (rate_bp:
 *    30000 is three times the urban dibao standard) and
 *    `gradual_exit_months`, whose amount is a number of months, not fen;
 *  - the first nine households each bring one of the nine programs, so
 *    every program has cases in any demo of nine households or more;
 *  - dibao, per month: (standard − per-capita income) × persons covered,
 *    plus for each covered member the largest one of the increments that
 *    applies (aged 60 or more, disability grade 1–2, a severe illness) as a
 *    share of the standard; per-capita income is the household's total
 *    monthly income divided by its living members, rounded half up to the
 *    fen, and each share is rounded half up to the fen.  A case whose income
 *    rose above the standard keeps its amount for gradual_exit_months, then
 *    ends.  The amount changes, with a case_history row, when a standard
 *    changes, and from the month after a member turns 60 or dies;
 *  - tekun: ratio × the dibao standard of the recipient's hukou plus the
 *    care fee of the recipient's self-care tier × min_wage;
 *    disability_living, disability_care, child_living: the standard;
 *    low_income: 0;
 *  - temporary: a one-off amount in monthly_amount, a multiple of the urban
 *    dibao standard between the min and max rates; such a case ends in
 *    status `approved`, with starts_on the payment date;
 *  - a case approved near @end has starts_on on the first of the next month
 *    (payment starts then), which may lie after @end;
 *  - monthly_amount of a case is the amount in force: the decided amount
 *    once approved, 0 before the decision and once it is rejected,
 *    withdrawn, suspended or terminated; case_history keeps what was paid;
 *  - users clerk01 … clerk12 (one per township, in township order),
 *    reviewer, leader and admin, each added unless the name is taken;
 *    case_history.user_name names them;
 *  - meta: district_name, district_code, demo_seed, demo_households,
 *    demo_end;
 *  - a few households whose head died are closed and continued by a new
 *    household (predecessor_id) whose persons reuse the members' ID numbers.
 *
 * Refused when the database already has households or regions: the demo
 * brings its own district.
 */

GQuark    jz_demo_error_quark  (void);

gboolean  jz_demo_generate     (JzDb                *db,
                                const JzDemoOptions *options,
                                GError             **error);

G_END_DECLS
