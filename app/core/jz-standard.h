/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-db.h"
#include "jz-user.h"

G_BEGIN_DECLS

/* Standards (保障标准) are dated rows: a new value is a new row from its
 * date on, so that what was decided under the old value can still be
 * explained.  The kinds are those of the standard_kinds table; the C table
 * here carries their labels and how their values are written, and a test
 * keeps the two alike. */

#define JZ_STANDARD_ERROR (jz_standard_error_quark ())

/* No standard is near these; a value beyond one is a typing mistake. */
#define JZ_STANDARD_MAX_FEN      G_GINT64_CONSTANT (100000000)  /* 1,000,000 yuan a month */
#define JZ_STANDARD_MAX_BP       G_GINT64_CONSTANT (1000000)    /* 100 ×, 10000 % */
#define JZ_STANDARD_MAX_MONTHS   G_GINT64_CONSTANT (120)
#define JZ_STANDARD_MAX_DAYS     G_GINT64_CONSTANT (366)        /* a year */
#define JZ_STANDARD_MAX_WORKDAYS G_GINT64_CONSTANT (250)        /* about a year of working days */

typedef enum
{
  JZ_STANDARD_ERROR_KIND,      /* not a kind of standard */
  JZ_STANDARD_ERROR_VALUE,     /* the value text does not read, or is out of range */
  JZ_STANDARD_ERROR_HUKOU,     /* a hukou is missing where the kind needs one, or given where it has none */
  JZ_STANDARD_ERROR_DATE,
  JZ_STANDARD_ERROR_TOWNSHIP,  /* the region is not a township */
  JZ_STANDARD_ERROR_EXISTS,    /* a value of the same kind, hukou, township and date exists */
  JZ_STANDARD_ERROR_MISSING,   /* no value in force on the date */
} JzStandardError;

typedef enum
{
  JZ_STANDARD_DIBAO,
  JZ_STANDARD_MIN_WAGE,
  JZ_STANDARD_TEKUN_BASIC_RATIO,
  JZ_STANDARD_CARE_SELF_PCT,
  JZ_STANDARD_CARE_PARTIAL_PCT,
  JZ_STANDARD_CARE_FULL_PCT,
  JZ_STANDARD_INCREMENT_ELDERLY_PCT,
  JZ_STANDARD_INCREMENT_MINOR_PCT,
  JZ_STANDARD_INCREMENT_SEVERE_DISABILITY_PCT,
  JZ_STANDARD_INCREMENT_SEVERE_ILLNESS_PCT,
  JZ_STANDARD_INCREMENT_SANWU_PCT,
  JZ_STANDARD_TEMP_ILLNESS_MIN,
  JZ_STANDARD_TEMP_ILLNESS_MAX,
  JZ_STANDARD_TEMP_EDUCATION_MIN,
  JZ_STANDARD_TEMP_EDUCATION_MAX,
  JZ_STANDARD_GRADUAL_EXIT_MONTHS,
  JZ_STANDARD_DISABILITY_LIVING,
  JZ_STANDARD_DISABILITY_CARE,
  JZ_STANDARD_CHILD_LIVING,
  /* The numbers of the workflow (data/sql/005-workflow-rules.sql). */
  JZ_STANDARD_DEADLINE_INVESTIGATION_START_WORKDAYS,
  JZ_STANDARD_DEADLINE_INVESTIGATION_TEKUN_WORKDAYS,
  JZ_STANDARD_NOTICE_DAYS,
  JZ_STANDARD_DEADLINE_DECISION_WORKDAYS,
  JZ_STANDARD_DEADLINE_DECISION_TEKUN_WORKDAYS,
  JZ_STANDARD_DEADLINE_PROCESS_WORKDAYS,
  JZ_STANDARD_DEADLINE_PROCESS_MAX_WORKDAYS,
  JZ_STANDARD_REVIEW_DIBAO_MONTHS,
  JZ_STANDARD_REVIEW_UNSTABLE_MONTHS,
  JZ_STANDARD_REVIEW_TEKUN_MONTHS,
  JZ_STANDARD_TEKUN_SAMPLE_PCT,
  /* 006-care.sql */
  JZ_STANDARD_CARE_VISIT_MONTHS,
  JZ_STANDARD_CARE_EVALUATION_MONTHS,
  JZ_STANDARD_CARE_TERM_MONTHS,
  JZ_STANDARD_CARE_EXPIRING_DAYS,
  JZ_STANDARD_CARE_REASSESSMENT_WORKDAYS,
  JZ_STANDARD_N_KINDS
} JzStandardKind;

/* Which column holds the value, as standard_kinds.unit says. */
typedef enum
{
  JZ_STANDARD_UNIT_FEN,       /* amount: money a month */
  JZ_STANDARD_UNIT_BP,        /* rate_bp: basis points */
  JZ_STANDARD_UNIT_MONTHS,    /* amount: a count of months */
  JZ_STANDARD_UNIT_DAYS,      /* amount: a count of calendar days */
  JZ_STANDARD_UNIT_WORKDAYS,  /* amount: a count of working days (calendar_days) */
} JzStandardUnit;

/* How a value is written as text, for a clerk and in the CLI:
 *   yuan      "650", "650.5", "650.50"           → 65000, 65050, 65050 fen
 *   ratio     "1.5", at most 4 decimals           → 15000 bp
 *   percent   "10", "12.5", "12.5%", 2 decimals   → 1000, 1250 bp
 *   multiple  "3", "4.5", at most 4 decimals      → 30000, 45000 bp
 *   months    "3", a whole number                 → 3
 *   days      "7", a whole number                 → 7
 *   workdays  "10", a whole number                → 10 */
typedef enum
{
  JZ_STANDARD_NOTATION_YUAN,
  JZ_STANDARD_NOTATION_RATIO,
  JZ_STANDARD_NOTATION_PERCENT,
  JZ_STANDARD_NOTATION_MULTIPLE,
  JZ_STANDARD_NOTATION_MONTHS,
  JZ_STANDARD_NOTATION_DAYS,
  JZ_STANDARD_NOTATION_WORKDAYS,
} JzStandardNotation;

typedef enum
{
  JZ_STANDARD_HUKOU_ANY,    /* NULL in the database: a kind not by hukou */
  JZ_STANDARD_HUKOU_URBAN,
  JZ_STANDARD_HUKOU_RURAL,
} JzStandardHukou;

typedef struct
{
  gint64           id;              /* 0 until saved */
  JzStandardKind   kind;
  JzStandardHukou  hukou;
  gint64           township_id;     /* 0: the whole district */
  char            *township_name;   /* read only; NULL for the whole district */
  gint64           value;           /* fen, bp or months, after the kind's unit */
  char            *effective_from;  /* YYYY-MM-DD */
  char            *created_at;      /* read only, UTC */
  char            *created_by;      /* read only */
  char            *note;
  gint64           version;
} JzStandard;

/* The standards in force for one date, hukou and township: what the
 * benefit engine and the workflow read, so that the engine itself touches
 * no database.  A set for JZ_STANDARD_HUKOU_ANY holds the kinds not by
 * hukou (and the urban dibao standard).
 * Temporary assistance is a multiple of the URBAN dibao standard whatever
 * the hukou, hence urban_dibao beside the values of the hukou. */
typedef struct
{
  JzStandardHukou hukou;            /* urban or rural */
  guint64         present;          /* bit (1 << kind) when value[kind] is set; see jz_standard_values_has() */
  gint64          value[JZ_STANDARD_N_KINDS];
  gboolean        has_urban_dibao;
  gint64          urban_dibao;
} JzStandardValues;

GQuark              jz_standard_error_quark        (void);

/* The kinds. */
const char         *jz_standard_kind_code          (JzStandardKind      kind);
gboolean            jz_standard_kind_from_code     (const char         *code,
                                                    JzStandardKind     *kind);
const char         *jz_standard_kind_label         (JzStandardKind      kind);  /* translated */
JzStandardUnit      jz_standard_kind_unit          (JzStandardKind      kind);
JzStandardNotation  jz_standard_kind_notation      (JzStandardKind      kind);
gboolean            jz_standard_kind_by_hukou      (JzStandardKind      kind);
const char         *jz_standard_kind_unit_label    (JzStandardKind      kind);  /* translated, "yuan a month" */
gint64              jz_standard_kind_max           (JzStandardKind      kind);  /* the highest value, in the kind's unit */
const char         *jz_standard_unit_code          (JzStandardUnit      unit);  /* fen, bp, months, days, workdays */
const char         *jz_standard_notation_code      (JzStandardNotation  notation); /* yuan, ratio, percent, multiple, months, days, workdays */

const char         *jz_standard_hukou_code         (JzStandardHukou     hukou); /* NULL, "urban", "rural" */
gboolean            jz_standard_hukou_from_code    (const char         *code,
                                                    JzStandardHukou    *hukou);

/* Values as text, after the kind's notation; no floating point. */
gboolean            jz_standard_parse_value        (JzStandardKind      kind,
                                                    const char         *text,
                                                    gint64             *value,
                                                    GError            **error);
char               *jz_standard_format_value       (JzStandardKind      kind,
                                                    gint64              value);

JzStandard         *jz_standard_new                (void);
JzStandard         *jz_standard_copy               (const JzStandard   *standard);
void                jz_standard_free               (JzStandard         *standard);

/* Reading. */
JzStandard         *jz_standard_find               (JzDb               *db,
                                                    JzStandardKind      kind,
                                                    JzStandardHukou     hukou,
                                                    gint64              township_id,
                                                    const char         *on_date,
                                                    GError            **error);
gboolean            jz_standard_value_at           (JzDb               *db,
                                                    JzStandardKind      kind,
                                                    JzStandardHukou     hukou,
                                                    gint64              township_id,
                                                    const char         *on_date,
                                                    gint64             *value,
                                                    GError            **error);
JzStandard         *jz_standard_get_exact          (JzDb               *db,
                                                    JzStandardKind      kind,
                                                    JzStandardHukou     hukou,
                                                    gint64              township_id,
                                                    const char         *effective_from,
                                                    GError            **error);
GPtrArray          *jz_standard_list_at            (JzDb               *db,
                                                    const char         *on_date,
                                                    GError            **error);
GPtrArray          *jz_standard_history            (JzDb               *db,
                                                    JzStandardKind      kind,
                                                    GError            **error);

/* Writing. */
gboolean            jz_standard_set                (JzDb               *db,
                                                    const JzUser       *user,
                                                    JzStandard         *standard,
                                                    GError            **error);

/* The resolved set. */
void                jz_standard_values_init        (JzStandardValues   *values,
                                                    JzStandardHukou     hukou);
void                jz_standard_values_put         (JzStandardValues   *values,
                                                    JzStandardKind      kind,
                                                    gint64              value);
gboolean            jz_standard_values_has         (const JzStandardValues *values,
                                                    JzStandardKind      kind);
gboolean            jz_standard_values_need        (const JzStandardValues *values,
                                                    JzStandardKind      kind,
                                                    const char         *on_date,
                                                    gint64             *value,
                                                    GError            **error);
gboolean            jz_standard_values_resolve     (JzDb               *db,
                                                    const char         *on_date,
                                                    JzStandardHukou     hukou,
                                                    gint64              township_id,
                                                    JzStandardValues   *values,
                                                    GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JzStandard, jz_standard_free)

G_END_DECLS
