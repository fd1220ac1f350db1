/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-benefit.h"
#include "jz-db-private.h"
#include "jz-workflow-private.h"

G_BEGIN_DECLS

/* The demo's own random numbers: xoshiro256** seeded through splitmix64.
 * Neither g_random nor rand(): their sequences are not promised to stay
 * the same between GLib or libc versions, and the demo must give the same
 * database for the same seed on every machine. */
typedef struct
{
  guint64 s[4];
} JzDemoRng;

static inline guint64
jz_demo_splitmix64 (guint64 *x)
{
  guint64 z = (*x += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

static inline void
jz_demo_rng_init (JzDemoRng *rng,
                  guint64    seed)
{
  for (guint i = 0; i < 4; i++)
    rng->s[i] = jz_demo_splitmix64 (&seed);
}

static inline guint64
jz_demo_rotl (guint64 x,
              int     k)
{
  return (x << k) | (x >> (64 - k));
}

static inline guint64
jz_demo_rng_next (JzDemoRng *rng)
{
  guint64 *s = rng->s;
  guint64 result = jz_demo_rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = jz_demo_rotl (s[3], 45);

  return result;
}

/* 0 … n-1 by Lemire's multiply-shift; the bias (n / 2^32) is far below
 * anything a demo could show. */
static inline guint
jz_demo_rng_below (JzDemoRng *rng,
                   guint      n)
{
  return (guint) (((jz_demo_rng_next (rng) >> 32) * (guint64) n) >> 32);
}

/* lo … hi, both included. */
static inline int
jz_demo_rng_range (JzDemoRng *rng,
                   int        lo,
                   int        hi)
{
  return lo + (int) jz_demo_rng_below (rng, (guint) (hi - lo + 1));
}

static inline gboolean
jz_demo_rng_permille (JzDemoRng *rng,
                      guint      per_mille)
{
  return jz_demo_rng_below (rng, 1000) < per_mille;
}

/* Index into @weights, each chosen in proportion to its weight. */
static inline guint
jz_demo_rng_weighted (JzDemoRng    *rng,
                      const guint  *weights,
                      guint         n)
{
  guint total = 0;
  guint r;

  for (guint i = 0; i < n; i++)
    total += weights[i];

  r = jz_demo_rng_below (rng, total);
  for (guint i = 0; i < n; i++)
    {
      if (r < weights[i])
        return i;
      r -= weights[i];
    }

  return n - 1;
}

/* Dates are days since 1 March of the year 0: the generator adds and
 * compares millions of them, and a plain int does that without a GDate
 * each time.  0 is never a real date, so it can stand for "none". */
static inline int
jz_demo_days_from_civil (int y,
                         int m,
                         int d)
{
  int era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe;
}

static inline void
jz_demo_civil_from_days (int  z,
                         int *y,
                         int *m,
                         int *d)
{
  int era, doe, yoe, doy, mp;

  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp + (mp < 10 ? 3 : -9);
  *y = yoe + era * 400 + (*m <= 2);
}

static inline int
jz_demo_days_in_month (int y,
                       int m)
{
  static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  if (m == 2 && (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
    return 29;
  return days[m - 1];
}

/* The same day of month, or the month's last day (29 February in a
 * common year becomes the 28th). */
static inline int
jz_demo_date_clamped (int y,
                      int m,
                      int d)
{
  return jz_demo_days_from_civil (y, m, MIN (d, jz_demo_days_in_month (y, m)));
}

/* The first day of the month @months after the month of @day. */
static inline int
jz_demo_month_start (int day,
                     int months)
{
  int y, m, d, index;

  jz_demo_civil_from_days (day, &y, &m, &d);
  index = y * 12 + (m - 1) + months;
  return jz_demo_days_from_civil (index / 12, index % 12 + 1, 1);
}

static inline int
jz_demo_age_at (int birth,
                int day)
{
  int by, bm, bd, y, m, d, age;

  jz_demo_civil_from_days (birth, &by, &bm, &bd);
  jz_demo_civil_from_days (day, &y, &m, &d);
  age = y - by;
  if (m < bm || (m == bm && d < bd))
    age--;
  return age;
}

/* The day someone born on @birth turns @years (1 March for a 29 February
 * birthday in a common year, as the household registration counts it). */
static inline int
jz_demo_birthday (int birth,
                  int years)
{
  int y, m, d;

  jz_demo_civil_from_days (birth, &y, &m, &d);
  if (m == 2 && d == 29 && jz_demo_days_in_month (y + years, 2) == 28)
    return jz_demo_days_from_civil (y + years, 3, 1);
  return jz_demo_days_from_civil (y + years, m, d);
}

/* "YYYY-MM-DD" and its NUL into @out. */
static inline void
jz_demo_format_date (int   day,
                     char *out)
{
  int y, m, d;

  jz_demo_civil_from_days (day, &y, &m, &d);
  out[0] = (char) ('0' + y / 1000 % 10);
  out[1] = (char) ('0' + y / 100 % 10);
  out[2] = (char) ('0' + y / 10 % 10);
  out[3] = (char) ('0' + y % 10);
  out[4] = '-';
  out[5] = (char) ('0' + m / 10);
  out[6] = (char) ('0' + m % 10);
  out[7] = '-';
  out[8] = (char) ('0' + d / 10);
  out[9] = (char) ('0' + d % 10);
  out[10] = '\0';
}

/* Invented names, all from jz-demo-names.c.  Buffers are filled, never
 * allocated: a large demo draws a million names. */
const char *jz_demo_surname       (JzDemoRng   *rng);
void        jz_demo_given_name    (JzDemoRng   *rng,
                                   char         sex,
                                   int          birth_year,
                                   char        *out,
                                   gsize        out_size);
void        jz_demo_person_name   (JzDemoRng   *rng,
                                   const char  *surname,
                                   char         sex,
                                   int          birth_year,
                                   char        *out,
                                   gsize        out_size);
void        jz_demo_place_name    (JzDemoRng   *rng,
                                   gboolean     community,
                                   char        *out,
                                   gsize        out_size);
const char *jz_demo_illness       (JzDemoRng   *rng);
const char *jz_demo_bank          (JzDemoRng   *rng,
                                   gboolean     urban,
                                   const char **card_prefix);

/* 青禾区 is invented; its code is one that python-stdnum's county list
 * knows, so that the demo's ID numbers pass stdnum.cn.ric. */
#define JZ_DEMO_DISTRICT_CODE "370302"
#define JZ_DEMO_DISTRICT_NAME "青禾区"

/* The generator's state, shared by jz-demo.c (the SQL side),
 * jz-demo-district.c (regions, standards, staff), jz-demo-people.c,
 * jz-demo-plan.c (which cases each household has),
 * jz-demo-lifecycle.c (each case through its steps), jz-demo-care.c
 * (the care of dispersed tekun recipients) and jz-demo-rolls.c (the payment
 * rolls of the history). */

#define JZ_DEMO_N_TOWNSHIPS  12
#define JZ_DEMO_MAX_VILLAGES 30
#define JZ_DEMO_MAX_MEMBERS  6
#define JZ_DEMO_MAX_CASES    16
#define JZ_DEMO_MAX_HISTORY  64
#define JZ_DEMO_MAX_YEARS    16

/* In the order of the programs table. */
typedef enum
{
  JZ_DEMO_DIBAO_URBAN,
  JZ_DEMO_DIBAO_RURAL,
  JZ_DEMO_TEKUN_DISPERSED,
  JZ_DEMO_TEKUN_CENTRALIZED,
  JZ_DEMO_TEMPORARY,
  JZ_DEMO_DISABILITY_LIVING,
  JZ_DEMO_DISABILITY_CARE,
  JZ_DEMO_CHILD_LIVING,
  JZ_DEMO_LOW_INCOME,
  JZ_DEMO_N_PROGRAMS
} JzDemoProgram;

typedef enum
{
  JZ_DEMO_SUBMITTED,
  JZ_DEMO_ACCEPTED,
  JZ_DEMO_INVESTIGATING,
  JZ_DEMO_VILLAGE_NOTICE,
  JZ_DEMO_TOWNSHIP_REVIEWED,
  JZ_DEMO_APPROVED,
  JZ_DEMO_ACTIVE,
  JZ_DEMO_SUSPENDED,
  JZ_DEMO_TERMINATED,
  JZ_DEMO_REJECTED,
  JZ_DEMO_WITHDRAWN,
} JzDemoStatus;

typedef enum
{
  JZ_DEMO_SERIES_DIBAO_RURAL,
  JZ_DEMO_SERIES_DIBAO_URBAN,
  JZ_DEMO_SERIES_MIN_WAGE,
  JZ_DEMO_SERIES_DISABILITY_LIVING,
  JZ_DEMO_SERIES_DISABILITY_CARE,
  JZ_DEMO_SERIES_CHILD_LIVING,
  JZ_DEMO_N_SERIES
} JzDemoSeriesKind;

typedef enum
{
  JZ_DEMO_HEAD,
  JZ_DEMO_SPOUSE,
  JZ_DEMO_CHILD,
  JZ_DEMO_PARENT,
  JZ_DEMO_GRANDCHILD,
  JZ_DEMO_GRANDPARENT,
  JZ_DEMO_SIBLING,
  JZ_DEMO_OTHER,
} JzDemoRelation;

typedef enum
{
  JZ_DEMO_WAGE,
  JZ_DEMO_FARMING,
  JZ_DEMO_BUSINESS,
  JZ_DEMO_PENSION,
  JZ_DEMO_TRANSFER,
  JZ_DEMO_PROPERTY,
} JzDemoIncomeKind;

typedef enum
{
  JZ_DEMO_EMPLOYED,
  JZ_DEMO_FARMING_WORK,
  JZ_DEMO_SELF_EMPLOYED,
  JZ_DEMO_UNEMPLOYED,
  JZ_DEMO_STUDENT,
  JZ_DEMO_RETIRED,
  JZ_DEMO_NO_WORK,
} JzDemoEmployment;

typedef struct
{
  int    from;
  gint64 value;
} JzDemoStep;

typedef struct
{
  JzDemoStep steps[JZ_DEMO_MAX_YEARS];
  guint      n;
} JzDemoSeries;

typedef struct
{
  gint64      id;
  const char *name;
  const char *stem;
  const char *kind;
  char        code[16];
  char        clerk[16];
  char        clerk_name[32];   /* the clerk's full name, as in users */
  char        institution[48];  /* where its centralized tekun recipients live */
  guint       first_village;
  guint       n_villages;
} JzDemoTownship;

typedef struct
{
  gint64   id;
  guint    township;
  gboolean urban;
  char     name[64];
  char     code[16];
} JzDemoVillage;

typedef struct
{
  gint64         person_id;
  char           name[32];
  char           id_number[19];
  char           sex;
  JzDemoRelation relation;
  int            birth;
  int            disability_kind;   /* 0 none, else 1–7 as on the certificate */
  int            disability_grade;
  const char    *illness;
  int            labour;            /* 0 full, 1 partial, 2 none */
  int            care;              /* 0 self_care, 1 partial_care, 2 full_care */
  JzDemoEmployment employment;
  guint          n_incomes;
  JzDemoIncomeKind income_kind[3];
  gint64         income[3];
  int            died_on;           /* 0 while alive */
  gboolean       excluded;          /* lives here but is not counted in the dibao */
  gboolean       sanwu;             /* 三无: no labour capacity, no income, no supporter */
} JzDemoMember;

typedef enum
{
  JZ_DEMO_APPROVE,
  JZ_DEMO_REJECT_EARLY,   /* after the investigation */
  JZ_DEMO_REJECT,         /* after the township review */
  JZ_DEMO_WITHDRAW,
} JzDemoOutcome;

typedef struct
{
  JzDemoProgram  program;
  int            member;        /* index into the members, -1 for the household */
  int            applied_on;
  JzDemoOutcome  outcome;
  const char    *reason;        /* of a rejection */
  int            end_on;        /* terminated on, 0 when not */
  const char    *end_reason;
  int            suspend_on;    /* 0 when never suspended */
  int            resume_on;     /* 0 when still suspended at the end */
  int            exit_from;     /* gradual exit: the amount stays from here */
  int            temp_rate_bp;  /* temporary: a multiple of the urban dibao standard */
  JzBenefitTempKind temp_kind;
  const char    *temp_note;
  gboolean       emergency;     /* temporary, paid first, checked after */
} JzDemoCasePlan;

typedef struct
{
  JzDemoMember   m[JZ_DEMO_MAX_MEMBERS];
  guint          n;
  guint          village;
  gboolean       urban;
  gint64         id;
  gint64         predecessor_id;
  int            opened_on;
  int            closed_on;       /* 0 while open */
  gboolean       moved_away;      /* closed because the family left the district */
  const char    *notes;
  gint64         income_now;      /* monthly, fen, of the living members */
  gint64         income_before;   /* until income_rose_on */
  int            income_rose_on;  /* 0 when the income did not change */
  char           address[128];
  char           phone[12];
  const char    *bank;
  char           account[20];
  JzDemoCasePlan cases[JZ_DEMO_MAX_CASES];
  guint          n_cases;
} JzDemoHousehold;

typedef struct
{
  int           on;
  JzDemoStatus  status;
  gint64        amount;
  const char   *note;
  const char   *user;
} JzDemoHistoryRow;

/* One case as it stands at the end, with its history and the workflow's
 * dates (0 for none). */
typedef struct
{
  JzDemoStatus     status;
  int              accepted_on;
  int              investigated_on;
  int              notice_from;
  int              notice_to;
  int              reviewed_on;
  int              decided_on;
  int              starts_on;
  int              ended_on;
  const char      *end_reason;
  const char      *reason;           /* of the status it ends in: rejected, withdrawn, suspended, terminated */
  int              step_due_on;
  int              process_due_on;
  int              process_limit_on;
  int              next_review_on;
  int              emergency_reviewed_on;
  gboolean         unstable_income;
  gboolean         sampled;
  int              persons;
  gint64           amount;
  JzDemoHistoryRow history[JZ_DEMO_MAX_HISTORY];
  guint            n_history;
  int              breakdown_row;    /* the row whose amount the breakdown explains, -1 for none */
  char            *breakdown;        /* JSON, owned */
} JzDemoCaseResult;

typedef struct
{
  guint64 *slots;
  gsize    mask;
  gsize    used;
} JzDemoIdSet;

/* The payment rolls being written, for jz-demo-rolls.c. */
typedef struct _JzDemoRolls JzDemoRolls;

typedef struct
{
  JzDemoRng      rng;
  JzDemoRng      aux;             /* the workflow's details, so that they leave the people as they are */
  guint          n_households;
  int            end;
  int            history_start;   /* the first day of the 24 months */
  int            first_standard;  /* the oldest standard in force */

  gint64         district_id;
  JzDemoTownship townships[JZ_DEMO_N_TOWNSHIPS];
  JzDemoVillage  villages[JZ_DEMO_N_TOWNSHIPS * JZ_DEMO_MAX_VILLAGES];
  guint          n_villages;

  JzDemoSeries   series[JZ_DEMO_N_SERIES];
  int            standard_dates[JZ_DEMO_MAX_YEARS];
  guint          n_standard_dates;
  int            temp_illness_bp[2];   /* min, max */
  int            temp_education_bp[2];
  int            gradual_exit_months;
  /* Every standard in force from standard_dates[i] on, [i][urban], as the
   * database has them once the demo's are written: the benefit engine
   * reads these, so that no amount costs a query. */
  JzStandardValues values[JZ_DEMO_MAX_YEARS][2];
  /* The workflow's deadlines and intervals in force from the same dates:
   * the schema's defaults, which the demo leaves as they are. */
  JzWorkflowRules rules[JZ_DEMO_MAX_YEARS];

  /* The working days of calendar_days, from calendar_from on:
   * working_through[d] counts those up to and including calendar_from + d,
   * working_days[k] is the k-th of them. */
  int            calendar_from;
  guint          calendar_length;
  int           *working_through;
  int           *working_days;

  JzDemoIdSet    ids;
  char           reviewer[16];

  GArray        *care;            /* the dispersed tekun recipients, for jz-demo-care.c */
  JzDemoRolls   *rolls;
} JzDemo;

static inline guint
jz_demo_standard_index (const JzDemo *demo,
                        int           day)
{
  guint i = 0;

  while (i + 1 < demo->n_standard_dates && demo->standard_dates[i + 1] <= day)
    i++;

  return i;
}

/* The standards in force on @day, @day not before the first. */
static inline const JzStandardValues *
jz_demo_values_at (const JzDemo *demo,
                   gboolean      urban,
                   int           day)
{
  return &demo->values[jz_demo_standard_index (demo, day)][urban ? 1 : 0];
}

static inline const JzWorkflowRules *
jz_demo_rules_at (const JzDemo *demo,
                  int           day)
{
  return &demo->rules[jz_demo_standard_index (demo, day)];
}

static inline gint64
jz_demo_standard_at (const JzDemo     *demo,
                     JzDemoSeriesKind  kind,
                     int               day)
{
  const JzDemoSeries *series = &demo->series[kind];
  gint64 value = series->steps[0].value;

  for (guint i = 1; i < series->n && series->steps[i].from <= day; i++)
    value = series->steps[i].value;

  return value;
}

/* Why a household is on file. */
typedef enum
{
  JZ_DEMO_PROFILE_DIBAO,
  JZ_DEMO_PROFILE_LOW_INCOME,
  JZ_DEMO_PROFILE_TEKUN_DISPERSED,
  JZ_DEMO_PROFILE_TEKUN_CENTRALIZED,
  JZ_DEMO_PROFILE_DISABILITY,
  JZ_DEMO_PROFILE_CHILD,
  JZ_DEMO_PROFILE_TEMPORARY,
  JZ_DEMO_N_PROFILES
} JzDemoProfile;

/* How much the household earns, relative to the dibao standard. */
typedef enum
{
  JZ_DEMO_INCOME_POOR,      /* below the oldest standard in force, so every amount is positive */
  JZ_DEMO_INCOME_TEKUN,     /* next to nothing */
  JZ_DEMO_INCOME_ABOVE,     /* just above the standard: refused, or left the dibao */
  JZ_DEMO_INCOME_MARGIN,    /* 1–1.5 × the standard: low-income monitoring */
  JZ_DEMO_INCOME_ORDINARY,
} JzDemoIncomeMode;

/* Disability kinds by the code on the certificate. */
#define JZ_DEMO_KIND_VISUAL       1
#define JZ_DEMO_KIND_HEARING      2
#define JZ_DEMO_KIND_SPEECH       3
#define JZ_DEMO_KIND_LIMB         4
#define JZ_DEMO_KIND_INTELLECTUAL 5
#define JZ_DEMO_KIND_MENTAL       6

/* Context of one household while it is being made up. */
typedef struct
{
  JzDemo           *demo;
  JzDemoHousehold  *hh;
  JzDemoProfile     profile;
  JzDemoIncomeMode  income;
  gboolean          force;
  gboolean          split;
  int               dibao;        /* index of the dibao case, -1 when none */
  gboolean          dibao_rejected_for_income;
} JzDemoBuild;

static inline int
jz_demo_random_day (JzDemo *demo,
                    int     from,
                    int     to)
{
  if (to <= from)
    return from;
  return jz_demo_rng_range (&demo->rng, from, to);
}

static inline int
jz_demo_age_now (const JzDemo       *demo,
                 const JzDemoMember *m)
{
  return jz_demo_age_at (m->birth, demo->end);
}

static inline gint64
jz_demo_std_dibao (const JzDemo *demo,
                   gboolean      urban,
                   int           day)
{
  return jz_demo_standard_at (demo, urban ? JZ_DEMO_SERIES_DIBAO_URBAN : JZ_DEMO_SERIES_DIBAO_RURAL, day);
}

/* Binds without a copy: @text must stay untouched until the statement has
 * been stepped. */
static inline void
jz_demo_bind_text (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

/* NULL for day 0; @buf holds the text until the statement has been stepped. */
static inline void
jz_demo_bind_date (sqlite3_stmt *stmt,
                   int           index,
                   int           day,
                   char         *buf)
{
  if (day == 0)
    {
      sqlite3_bind_null (stmt, index);
      return;
    }
  jz_demo_format_date (day, buf);
  sqlite3_bind_text (stmt, index, buf, 10, SQLITE_STATIC);
}

/* jz-demo.c */
gboolean jz_demo_query_int          (JzDb               *db,
                                     const char         *sql,
                                     gint64             *value,
                                     GError            **error);

/* jz-demo-district.c */
void     jz_demo_plan_district      (JzDemo             *demo);
gboolean jz_demo_write_district     (JzDb               *db,
                                     JzDemo             *demo,
                                     GError            **error);
void     jz_demo_district_clear     (JzDemo             *demo);
int      jz_demo_add_working_days   (const JzDemo       *demo,
                                     int                 day,
                                     int                 n);

/* jz-demo-people.c */
void     jz_demo_id_set_init        (JzDemoIdSet        *set,
                                     gsize               expected);
void     jz_demo_id_set_clear       (JzDemoIdSet        *set);
void     jz_demo_id_number          (JzDemo             *demo,
                                     JzDemoRng          *rng,
                                     int                 birth,
                                     char                sex,
                                     char               *out);
void     jz_demo_compose            (JzDemoBuild        *b);
void     jz_demo_set_disability     (JzDemoBuild        *b,
                                     JzDemoMember       *m,
                                     int                 kind,
                                     int                 grade);
void     jz_demo_facts              (JzDemoBuild        *b);
void     jz_demo_incomes            (JzDemoBuild        *b);
void     jz_demo_maybe_member_dies  (JzDemoBuild        *b);
void     jz_demo_contact            (JzDemoBuild        *b);
void     jz_demo_sanwu              (JzDemo             *demo,
                                     JzDemoHousehold    *hh);
gint64   jz_demo_member_income      (const JzDemoMember *m);
gint64   jz_demo_household_income   (const JzDemoHousehold *hh);
void     jz_demo_cap_income         (JzDemoHousehold    *hh,
                                     gint64              limit);

/* jz-demo-plan.c */
gboolean jz_demo_household_build    (JzDemo             *demo,
                                     JzDemoHousehold    *hh,
                                     int                 forced,
                                     gboolean            may_split);
void     jz_demo_household_split    (JzDemo             *demo,
                                     JzDemoHousehold    *old_hh,
                                     JzDemoHousehold    *new_hh);

/* jz-demo-lifecycle.c */
void     jz_demo_case_run           (JzDemo                *demo,
                                     const JzDemoHousehold *hh,
                                     const JzDemoCasePlan  *plan,
                                     JzDemoCaseResult      *result);

/* jz-demo-care.c */
void     jz_demo_care_note          (JzDemo                 *demo,
                                     const JzDemoHousehold  *hh,
                                     const JzDemoCasePlan   *plan,
                                     const JzDemoCaseResult *result,
                                     gint64                  case_id);
gboolean jz_demo_care_write         (JzDb                   *db,
                                     JzDemo                 *demo,
                                     guint64                 seed,
                                     GError                **error);
void     jz_demo_care_clear         (JzDemo                 *demo);

/* jz-demo-rolls.c */
gboolean jz_demo_rolls_begin        (JzDb                   *db,
                                     JzDemo                 *demo,
                                     guint64                 seed,
                                     GError                **error);
gboolean jz_demo_rolls_case         (JzDb                   *db,
                                     JzDemo                 *demo,
                                     const JzDemoHousehold  *hh,
                                     const JzDemoCasePlan   *plan,
                                     const JzDemoCaseResult *result,
                                     gint64                  case_id,
                                     GError                **error);
gboolean jz_demo_rolls_finish       (JzDb                   *db,
                                     JzDemo                 *demo,
                                     GError                **error);
void     jz_demo_rolls_clear        (JzDemo                 *demo);

G_END_DECLS
