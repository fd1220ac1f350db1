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
 * persons, incomes, the cases of all nine programs with 24 months of
 * history before @end, and the payment rolls of those months.  Every name,
 * number, phone and account is made up.
 *
 * The same seed, size and end date give the same rows, byte for byte, in
 * any interface language: the breakdowns keep numbers, not words.  The
 * whole demo is one transaction and one audit entry (households, row 0,
 * action "demo").
 *
 * What the data holds, so that checks over it know what to expect:
 *
 *  - standards, district-wide (region_id NULL), created by "reviewer",
 *    raised every 1 July from the July of the third year before the one
 *    the history starts in: `dibao` (per hukou), `min_wage`,
 *    `disability_living`, `disability_care`, `child_living` (amount, fen);
 *    once, on the first of those dates, the rest of the benefit rules:
 *    `tekun_basic_ratio` (per hukou), `care_*_pct`, `increment_*_pct`
 *    (elderly, minor, severe disability, severe illness, sanwu: 10, 10,
 *    20, 15 and 30 %), `temp_*` (rate_bp) and `gradual_exit_months`
 *    (amount, months).  Every other kind of standard_kinds keeps the
 *    schema's default (the workflow's deadlines and intervals), so that
 *    every kind has a value in force;
 *  - the first nine households each bring one of the nine programs, so
 *    every program has cases in any demo of nine households or more;
 *  - every amount written (cases.monthly_amount and that of every
 *    case_history row) is the benefit engine's (jz-benefit.h), computed
 *    from the household as it is on the day — the members then born and
 *    alive, their incomes, severe disability, severe illness and sanwu,
 *    the members left out of a dibao (case_exclusions), the care tier, the
 *    kind and multiple of temporary assistance, the months of gradual
 *    exit — and the standards in force that day.  So
 *    jz_benefit_compute_case() on the date of a case's newest amount gives
 *    the amount it pays, unless a member was born since, or for dibao died
 *    since;
 *  - periodic cases: the amount decided is the one of the first day paid
 *    (the first of the month after the decision, which may lie after
 *    @end); for dibao it changes, with a case_history row, when a standard
 *    changes and from the month after a member is born, turns 18 or 60, or
 *    dies; a household whose income rose above the standard enters gradual
 *    exit (a row of its own, cases.exit_from), keeps its amount for
 *    gradual_exit_months, then ends.  Other cases change with the
 *    standards only;
 *  - temporary: a one-off amount in monthly_amount, a multiple of the urban
 *    dibao standard, within the min and max rates for illness and
 *    education, 1–3 × for an emergency (kind "other", paid on the day and
 *    reviewed some days after); such a case ends in status `approved`,
 *    with starts_on the payment date;
 *  - monthly_amount of a case is the amount in force: the decided amount
 *    once approved, 0 before the decision and once it is rejected,
 *    withdrawn, suspended or terminated; case_history keeps what was paid;
 *  - the newest amount row of each active case, and the approval of a
 *    case that starts paying after @end, carries the engine's breakdown
 *    (case_history.breakdown, in the interface language); other rows have
 *    none, to keep the file small;
 *  - the workflow's columns as jz-workflow.h sets them: the dates of the
 *    steps taken (accepted_on … reviewed_on, notice_to = notice_from + 6);
 *    for an application under way at @end, step_due_on, process_due_on and
 *    process_limit_on in working days of calendar_days — some of those
 *    applications went slowly and are overdue; next_review_on of active
 *    and suspended dibao and tekun cases, yearly from the decision, every
 *    six months for some dibao households living on wages or a business
 *    (unstable_income), in the month of @end or later but for a few
 *    reviews missed; about 35 % of the tekun cases sampled by the county;
 *    the institution of centralized tekun; reason of every rejection,
 *    withdrawal, suspension and end;
 *  - case_history rows name the status they came from (NULL for the
 *    first) and are timed (at) in office hours, in order;
 *  - persons.sanwu for some who live alone, are 60 or older or cannot
 *    work, and live on a pension at most;
 *  - users clerk01 … clerk12 (one per township, in township order),
 *    reviewer, leader and admin, each added unless the name is taken;
 *    case_history.user_name and the rolls name them;
 *  - meta: district_name, district_code, demo_seed, demo_households,
 *    demo_end;
 *  - a few households whose head died are closed and continued by a new
 *    household (predecessor_id) whose persons reuse the members' ID numbers;
 *  - the care of every dispersed tekun recipient (a case approved, active
 *    or suspended, the person alive in an open file), jz-demo-care.c:
 *    an assessment of the six activities at the investigation by the
 *    township's clerk (users.full_name), some reassessed before a renewal
 *    or after a reported change (care_changes, due care_reassessment_workdays
 *    working days later; about 4 % of recipients have one still waiting).
 *    Every assessment's tier is the person's self_care, with which the
 *    case's amounts were computed.  Caregivers are neighbours, relatives
 *    or the township's home-care organisation with its legal
 *    representative, with ID numbers of their own.  Agreements run
 *    care_term_months from the first month paid or a little later, signed
 *    on the start or up to ten days before, numbered as core numbers them
 *    (township code-year-sequence, in order of start), the fee that of
 *    jz_care_agreement_draft() from the standards in force on the start;
 *    each year renewed (the one before expired on its end), after a failed
 *    evaluation replaced by another caregiver (the one before terminated).
 *    About 4 % of those paid never signed one (a recent one may be a
 *    draft), 4 % let it lapse (active, ended before @end), 5 % expire
 *    within care_expiring_days after @end, 3 % failed the latest
 *    evaluation of the agreement in force.  Visits monthly within the 24
 *    months by the clerk and one of the township's staff, mostly at home,
 *    some with findings and a follow-up; 10 % of recipients not visited
 *    for more than a month at @end.  Evaluations quarterly within the 24
 *    months, mostly passed.  No care event lies after @end; deadlines and
 *    the ends of agreements in force may;
 *  - the payment rolls of the history, jz-demo-rolls.c, each a township's
 *    (no district-wide roll): for every month of the 24 whose 10th, the
 *    day a roll is due, is on or before @end (the month of @end too from
 *    its 10th on; before that, its rolls are still the clerk's to make),
 *    one of dibao, programs "dibao_urban,dibao_rural", and one of the
 *    monthly subsidies, "disability_living,disability_care,child_living";
 *    for every quarter that begins within the 24 months and is due by
 *    @end, one of dispersed tekun, "tekun_dispersed", period YYYY-Qn,
 *    months 3.  A roll nobody is paid on is not made.  A roll has one
 *    regular line a case in payment on its period's first day — started
 *    by then, neither suspended nor ended then; a case ended on the 1st is
 *    not paid for that month — with monthly_amount the amount of the
 *    case's newest case_history row on or before that day (latest on_date,
 *    then id), so the engine's, and amount = monthly_amount × the roll's
 *    months.  That is the roll jz_roll_generate() would have made on the
 *    day the roll was made; unlike it run at @end, a case suspended or
 *    ended since is on the rolls of the months it was paid, and a case
 *    whose payment starts within a quarter is first on the next quarter's
 *    roll.  No back-payment or recovery lines.  lines and total are the
 *    count and sum of the lines.  All are `paid`: made and checked by the
 *    township's clerk (created_by, checked_by; created_at on the first or
 *    second working day of the period), locked by reviewer (locked_at, a
 *    working day from then until the day before payment), paid (paid_on)
 *    on a working day from the 3rd to the 10th, about 6 % late on the
 *    12th–15th, never after @end; due_on the 10th; version 3, as
 *    jz_roll_check() and jz_roll_lock() leave it.  A township's rolls of a
 *    month share those days.  Roll ids by period (a month before its
 *    quarter), then township, then dibao before subsidies; a roll's lines
 *    by case, their ids in the order of the cases (case after case, not
 *    roll after roll).
 *
 * Refused when the database already has households or regions: the demo
 * brings its own district.
 */

GQuark    jz_demo_error_quark  (void);

gboolean  jz_demo_generate     (JzDb                *db,
                                const JzDemoOptions *options,
                                GError             **error);

G_END_DECLS
