/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-db.h"
#include "jz-standard.h"

G_BEGIN_DECLS

/* The benefit engine: what a household or person receives a month (or
 * once, for temporary assistance), as an itemized breakdown.
 *
 * jz_benefit_compute() is pure: facts and the standards in force in,
 * amounts out, no database, no clock.  Every amount is computed exactly —
 * a rational number of fen over one common denominator, in 128-bit
 * integers — and the total is rounded once, at the end, half up to the
 * fen.  Each line shows its own amount rounded the same way; when those do
 * not add up to the total, a last "rounding" line says by how much, so
 * that the lines of a notice always add up.
 *
 * The rules (DESIGN §3; every number comes from the standards):
 *
 * dibao (dibao_urban, dibao_rural): with S the dibao standard of the
 *   hukou, n the members listed, T the sum of their monthly incomes and m
 *   the members in the program (those not excluded from the case):
 *     difference = (S − T ÷ n) × m
 *   when T ÷ n is below S.  Every listed member counts in the income per
 *   person, also one who is not in the program, as the case exclusions
 *   describe members who live in the household.  Then, for each member in
 *   the program and each of their conditions, an increment of the
 *   condition's percentage of S: elderly (60 or older on the date), minor
 *   (under 18), severe disability, severe illness, sanwu.  A member with
 *   two conditions gets both increments (the issue: "the increments of
 *   each member's conditions"); there is one line per condition, for all
 *   the members who have it.
 *   A household whose income per person is at or above S (the rule is
 *   "below the standard") gets nothing — no increments either — unless it
 *   is in gradual exit: then the amount before is kept while the whole
 *   months since the income rose are fewer than gradual_exit_months, and
 *   it is 0 after.
 *   Single-person coverage (单人保): one severely disabled member in the
 *   program, computed as a household of one on their own income alone
 *   (S − their income, plus their increments); the other members' incomes
 *   do not count.
 * tekun: basic = tekun_basic_ratio × S, both of the recipient's hukou;
 *   dispersed recipients add the care fee of their tier, care_TIER_pct ×
 *   min_wage.  Centralized recipients get the basic amount only, paid to
 *   the institution (which provides the care), flagged in the result.
 * temporary: multiple × the URBAN dibao standard, whatever the hukou;
 *   for illness and education the multiple must lie within
 *   temp_KIND_min … temp_KIND_max; "other" has no configured range and is
 *   decided case by case.  An emergency payment (先行救助) is flagged.
 * disability_living, disability_care, child_living: the standard amount
 *   for each member in the program.
 * low_income: monitored, pays nothing.
 */

#define JZ_BENEFIT_ERROR (jz_benefit_error_quark ())

/* More than any household; it bounds the arithmetic too. */
#define JZ_BENEFIT_MAX_MEMBERS 100

typedef enum
{
  JZ_BENEFIT_ERROR_FACTS,     /* the facts are incomplete, invalid or contradict each other */
  JZ_BENEFIT_ERROR_STANDARD,  /* a standard the rule needs is not in force, or out of range */
  JZ_BENEFIT_ERROR_RANGE,     /* a temporary multiple outside the configured range */
} JzBenefitError;

typedef enum
{
  JZ_BENEFIT_DIBAO_URBAN,
  JZ_BENEFIT_DIBAO_RURAL,
  JZ_BENEFIT_TEKUN_DISPERSED,
  JZ_BENEFIT_TEKUN_CENTRALIZED,
  JZ_BENEFIT_TEMPORARY,
  JZ_BENEFIT_DISABILITY_LIVING,
  JZ_BENEFIT_DISABILITY_CARE,
  JZ_BENEFIT_CHILD_LIVING,
  JZ_BENEFIT_LOW_INCOME,
  JZ_BENEFIT_N_PROGRAMS
} JzBenefitProgram;

/* Conditions that are facts about a member; elderly and minor follow from
 * the birth date and the date of the computation. */
typedef enum
{
  JZ_BENEFIT_SEVERE_DISABILITY = 1 << 0,  /* grade 1–2, or grade 3 intellectual or mental */
  JZ_BENEFIT_SEVERE_ILLNESS    = 1 << 1,
  JZ_BENEFIT_SANWU             = 1 << 2,  /* 三无 */
} JzBenefitCondition;

typedef enum
{
  JZ_BENEFIT_CARE_NONE,
  JZ_BENEFIT_CARE_SELF,     /* self_care 全自理 */
  JZ_BENEFIT_CARE_PARTIAL,  /* partial_care 半护理 */
  JZ_BENEFIT_CARE_FULL,     /* full_care 全护理 */
} JzBenefitCareTier;

typedef enum
{
  JZ_BENEFIT_TEMP_NONE,
  JZ_BENEFIT_TEMP_ILLNESS,
  JZ_BENEFIT_TEMP_EDUCATION,
  JZ_BENEFIT_TEMP_OTHER,
} JzBenefitTempKind;

typedef struct
{
  GDate     birth;
  gboolean  in_program;
  gint64    monthly_income;  /* fen */
  guint     conditions;      /* JzBenefitCondition */
} JzBenefitMember;

/* A plain struct, so that a caller computing many amounts can fill one on
 * the stack with its own members array; jz_benefit_facts_free() frees
 * members, township and institution. */
typedef struct
{
  JzBenefitProgram   program;
  JzStandardHukou    hukou;
  char              *township;          /* a township's name, for the caller to resolve; not read by the engine */
  JzBenefitMember   *members;
  guint              n_members;
  gboolean           single_person;     /* 单人保, dibao only */
  JzBenefitCareTier  care_tier;         /* dispersed tekun */
  JzBenefitTempKind  temp_kind;
  gint64             temp_multiple_bp;  /* 6 × = 60000 */
  gboolean           emergency;
  int                exit_months;       /* gradual exit: whole months since the income rose above the standard, -1: none */
  gint64             amount_before;     /* gradual exit: the monthly amount before, fen */
  char              *institution;       /* centralized tekun: who is paid, may be NULL */
} JzBenefitFacts;

#define JZ_BENEFIT_LINE_MAX_ARGS 6

typedef struct
{
  const char *code;     /* difference, increment_elderly, increment_minor, increment_severe_disability,
                         * increment_severe_illness, increment_sanwu, gradual_exit, gradual_exit_ended,
                         * not_eligible, tekun_basic, care, temporary, subsidy, rounding */
  const char *text;     /* what the line says, for jz_benefit_line_render(), e.g. care_full */
  gint64      args[JZ_BENEFIT_LINE_MAX_ARGS];  /* its numbers: fen, basis points, counts */
  guint       n_args;
  char       *label;    /* translated */
  char       *formula;  /* translated, in words and numbers */
  gint64      amount;   /* fen, this line rounded half up; the rounding line may be negative */
} JzBenefitLine;

typedef struct
{
  JzBenefitProgram  program;
  char             *on_date;         /* YYYY-MM-DD */
  gint64            total;           /* fen */
  guint             persons;         /* persons the amount is for */
  gboolean          emergency;       /* paid first, to be reviewed */
  gboolean          to_institution;  /* centralized tekun: paid to the institution */
  GPtrArray        *lines;           /* JzBenefitLine */
  GPtrArray        *notes;           /* char *, translated sentences */
} JzBenefitResult;

GQuark            jz_benefit_error_quark         (void);

const char       *jz_benefit_program_code        (JzBenefitProgram        program);
gboolean          jz_benefit_program_from_code   (const char             *code,
                                                  JzBenefitProgram       *program);

JzBenefitFacts   *jz_benefit_facts_new           (void);
void              jz_benefit_facts_free          (JzBenefitFacts         *facts);
JzBenefitMember  *jz_benefit_facts_add_member    (JzBenefitFacts         *facts);
JzBenefitFacts   *jz_benefit_facts_parse_json    (const char             *text,
                                                  gssize                  length,
                                                  GError                **error);
JzBenefitFacts   *jz_benefit_facts_from_case     (JzDb                   *db,
                                                  gint64                  case_id,
                                                  const char             *on_date,
                                                  gint64                 *township_id,
                                                  GError                **error);

JzBenefitResult  *jz_benefit_compute             (const JzBenefitFacts   *facts,
                                                  const JzStandardValues *standards,
                                                  const GDate            *on_date,
                                                  GError                **error);
gboolean          jz_benefit_compute_total       (const JzBenefitFacts   *facts,
                                                  const JzStandardValues *standards,
                                                  const GDate            *on_date,
                                                  gint64                 *total,
                                                  GError                **error);
JzBenefitResult  *jz_benefit_compute_case        (JzDb                   *db,
                                                  gint64                  case_id,
                                                  const char             *on_date,
                                                  GError                **error);

char             *jz_benefit_result_to_json      (const JzBenefitResult  *result);
char             *jz_benefit_result_to_saved_json (const JzBenefitResult *result);
gboolean          jz_benefit_line_render         (const char             *text,
                                                  const gint64           *args,
                                                  guint                   n_args,
                                                  char                  **label,
                                                  char                  **formula);
void              jz_benefit_result_free         (JzBenefitResult        *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JzBenefitFacts, jz_benefit_facts_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JzBenefitResult, jz_benefit_result_free)

G_END_DECLS
