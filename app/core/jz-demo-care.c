/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The care of the demo's dispersed tekun recipients (data/sql/006-care.sql):
 * self-care assessments and reported changes, caregivers, agreements, the
 * staff's visits and the caregivers' evaluations.
 *
 * Made up once every household is written, from a stream of random numbers
 * of its own, so that every other row of the demo is the same as without
 * it.  The rows are kept in memory until all are made, because agreement
 * numbers run by date within a township and year, and then written table
 * by table in the order of their keys. */

#include "config.h"

#include <string.h>

#include "jz-care.h"
#include "jz-demo-private.h"
#include "jz-standard.h"

#define CARE_SEED_MIX       G_GUINT64_CONSTANT (0x6361726564656d6f)
/* The staff do not change with the seed, as the users do not. */
#define STAFF_SEED          G_GUINT64_CONSTANT (20240703)
#define STAFF_PER_TOWNSHIP  3
#define EXPIRING_DAYS       30   /* the schema's care_expiring_days, should the standard be missing */

static const char * const tier_codes[] = { "self_care", "partial_care", "full_care" };

/* The activities in the order old people usually lose them (Katz):
 * bathing first, eating last. */
static const guint loss_order[JZ_CARE_N_ACTIVITIES] = {
  JZ_CARE_BATHING, JZ_CARE_DRESSING, JZ_CARE_TOILETING, JZ_CARE_TRANSFER, JZ_CARE_WALKING, JZ_CARE_EATING,
};

/* One dispersed tekun recipient, noted while the cases are written. */
typedef struct
{
  gint64   person_id;
  gint64   case_id;
  guint    township;
  guint    village;
  gboolean urban;
  int      tier;            /* the person's self_care: 0 self, 1 partial, 2 full */
  int      birth;
  char     surname[8];
  int      investigated_on;
  int      decided_on;
  int      starts_on;       /* of the support; may lie after the end */
} Recipient;

typedef struct
{
  gint64       id;
  gboolean     organisation;
  char         name[64];
  char         representative[32];
  char         id_number[19];
  char         phone[16];
  char         address[96];
  const char  *bank;
  char         account[20];
} Caregiver;

typedef struct
{
  gint64       id;
  gint64       person_id;
  int          on;
  guint        township;
  guint        done_alone;
  const char  *note;
} Assessment;

typedef struct
{
  gint64       id;
  gint64       person_id;
  int          reported_on;
  int          due_on;
  const char  *description;
  gint64       assessment_id;   /* 0 while no reassessment answered it */
} Change;

typedef struct
{
  gint64       id;
  char         number[32];
  gint64       person_id;
  gint64       case_id;
  guint        township;
  gint64       caregiver_id;
  const char  *relation;
  int          tier;
  gint64       fee;
  int          starts_on;
  int          ends_on;
  int          signed_on;       /* 0 for a draft */
  const char  *status;
  int          ended_on;
  const char  *end_reason;
  gint64       previous_id;
  const char  *link;
} Agreement;

typedef struct
{
  gint64       id;
  gint64       person_id;
  gint64       agreement_id;
  int          on;
  guint        township;
  guint        companion;       /* which of the township's staff went with the clerk */
  gboolean     phone;
  guint        checks;
  int          follow_up_due;
  int          follow_up_done;
} Visit;

typedef struct
{
  gint64       id;
  gint64       agreement_id;
  int          period_from;
  int          period_to;
  int          evaluated_on;
  guint        township;
  int          satisfaction;
  int          neighbours;
  int          village;
} Evaluation;

/* What some recipients lack or have gone wrong, so that the Care panel has
 * something to show.  Dealt out by credit rather than by chance alone:
 * each recipient adds the share to the credit of every kind, and the next
 * recipient it can apply to once a credit is whole takes it.  So the
 * shares are about those below in any demo, and even a small one has each
 * gap. */
typedef enum
{
  GAP_NEVER_SIGNED,     /* no agreement at all, or a draft */
  GAP_LAPSED,           /* the last one ended and was never renewed */
  GAP_EXPIRING,         /* ends within care_expiring_days of the end */
  GAP_REPLACED,         /* a failed evaluation ended one, another caregiver took over */
  GAP_FAILED_OPEN,      /* the agreement in force failed its latest evaluation */
  GAP_OVERDUE,          /* no visit for more than the interval */
  GAP_OPEN_CHANGE,      /* a change reported, not yet reassessed */
  GAP_ANSWERED_CHANGE,  /* a change reported and reassessed */
  N_GAPS
} Gap;

static const guint gap_per_mille[N_GAPS] = { 40, 40, 50, 60, 30, 100, 40, 120 };

typedef struct
{
  JzDemo     *demo;
  JzDemoRng   rng;
  guint       credit[N_GAPS];   /* per mille */

  char        staff[JZ_DEMO_N_TOWNSHIPS][STAFF_PER_TOWNSHIP][32];
  gint64      organisation[JZ_DEMO_N_TOWNSHIPS];   /* its caregiver id, 0 until needed */

  GArray     *caregivers;
  GArray     *assessments;
  GArray     *changes;
  GArray     *agreements;
  GArray     *visits;
  GArray     *evaluations;

  gint64      next_caregiver;
  gint64      next_assessment;
  gint64      next_change;
  gint64      next_agreement;
  gint64      next_visit;
  gint64      next_evaluation;
} Care;

/* --- dates and numbers -------------------------------------------------- */

/* As g_date_add_months(): the same day, or the month's last. */
static int
add_months (int day,
            int months)
{
  int y, m, d, index;

  jz_demo_civil_from_days (day, &y, &m, &d);
  index = y * 12 + (m - 1) + months;
  return jz_demo_date_clamped (index / 12, index % 12 + 1, d);
}

/* @day if it is a working day, else the next one. */
static int
working_day_from (const JzDemo *demo,
                  int           day)
{
  return jz_demo_add_working_days (demo, day - 1, 1);
}

/* A number of care from the standards in force on @day (not by hukou). */
static int
care_number (const JzDemo   *demo,
             JzStandardKind  kind,
             int             day,
             int             fallback)
{
  const JzStandardValues *values = jz_demo_values_at (demo, FALSE, day);

  return jz_standard_values_has (values, kind) ? (int) values->value[kind] : fallback;
}

/* care_<tier>_pct of the minimum wage in force on @day, rounded half up
 * to the fen, as jz_care_agreement_draft() computes it. */
static gint64
care_fee (const JzDemo *demo,
          int           tier,
          int           day)
{
  static const JzStandardKind kinds[] = {
    JZ_STANDARD_CARE_SELF_PCT, JZ_STANDARD_CARE_PARTIAL_PCT, JZ_STANDARD_CARE_FULL_PCT,
  };
  const JzStandardValues *values = jz_demo_values_at (demo, FALSE, day);

  return (values->value[kinds[tier]] * values->value[JZ_STANDARD_MIN_WAGE] + 5000) / 10000;
}

/* @from … @to, from the care's own numbers. */
static int
random_day (Care *c,
            int   from,
            int   to)
{
  if (to <= from)
    return from;
  return jz_demo_rng_range (&c->rng, from, to);
}

static gboolean
gap_due (const Care *c,
         Gap         gap)
{
  return c->credit[gap] >= 1000;
}

static void
gap_taken (Care *c,
           Gap   gap)
{
  c->credit[gap] -= 1000;
}

/* --- caregivers --------------------------------------------------------- */

/* One draw a statement throughout: the order in which a call's arguments
 * are evaluated is the compiler's, and the same seed must give the same
 * rows from any build. */

static void
mobile_phone (JzDemoRng *rng,
              char      *out)
{
  static const char second[] = "35789";

  out[0] = '1';
  out[1] = second[jz_demo_rng_below (rng, 5)];
  for (guint i = 2; i < 11; i++)
    out[i] = (char) ('0' + jz_demo_rng_below (rng, 10));
  out[11] = '\0';
}

/* 19 digits with a Luhn check digit, as on a real card. */
static const char *
bank_account (JzDemoRng *rng,
              gboolean   urban,
              char      *out)
{
  const char *prefix;
  const char *bank = jz_demo_bank (rng, urban, &prefix);
  guint sum = 0;

  memcpy (out, prefix, 4);
  for (guint i = 4; i < 18; i++)
    out[i] = (char) ('0' + jz_demo_rng_below (rng, 10));
  for (guint i = 0; i < 18; i++)
    {
      guint digit = (guint) (out[17 - i] - '0');

      if (i % 2 == 0)
        digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      sum += digit;
    }
  out[18] = (char) ('0' + (10 - sum % 10) % 10);
  out[19] = '\0';
  return bank;
}

/* Someone @age years old at the end, born on a random day. */
static int
birth_for_age (Care *c,
               int   age)
{
  int y, m, d;

  jz_demo_civil_from_days (c->demo->end, &y, &m, &d);
  return jz_demo_days_from_civil (y - age - 1, 1, 1) + (int) jz_demo_rng_below (&c->rng, 365);
}

static Caregiver *
new_caregiver (Care *c)
{
  Caregiver giver = { 0 };

  giver.id = c->next_caregiver++;
  g_array_append_val (c->caregivers, giver);
  return &g_array_index (c->caregivers, Caregiver, c->caregivers->len - 1);
}

/* As jz_demo_contact() writes a household's address. */
static void
village_address (Care  *c,
                 guint  village,
                 char  *out,
                 gsize  size)
{
  const JzDemoVillage *v = &c->demo->villages[village];
  JzDemoRng *rng = &c->rng;
  int n[4];

  if (v->urban)
    {
      n[0] = jz_demo_rng_range (rng, 1, 36);
      n[1] = jz_demo_rng_range (rng, 1, 4);
      n[2] = jz_demo_rng_range (rng, 1, 7);
      n[3] = jz_demo_rng_range (rng, 1, 4);
      g_snprintf (out, size, "%s%d号楼%d单元%d0%d室", v->name, n[0], n[1], n[2], n[3]);
    }
  else
    {
      n[0] = jz_demo_rng_range (rng, 1, 12);
      n[1] = jz_demo_rng_range (rng, 1, 90);
      g_snprintf (out, size, "%s%d组%d号", v->name, n[0], n[1]);
    }
}

/* The township's home-care provider (养老服务), one for all its recipients
 * who are cared for by an organisation. */
static gint64
organisation (Care  *c,
              guint  township)
{
  static const char * const words[] = { "康宁", "颐和", "福寿", "安康", "仁和" };
  static const char * const roads[] = { "幸福", "建设", "文化", "和平", "人民" };
  const JzDemoTownship *t = &c->demo->townships[township];
  JzDemoRng *rng = &c->rng;
  Caregiver *giver;
  const char *road;
  char sex;
  int birth, y, m, d, exchange, number;
  guint line;

  if (c->organisation[township] != 0)
    return c->organisation[township];

  giver = new_caregiver (c);
  giver->organisation = TRUE;
  if (g_str_equal (t->kind, "town"))
    g_snprintf (giver->name, sizeof giver->name, "%s%s养老服务有限公司", t->stem,
                words[jz_demo_rng_below (rng, G_N_ELEMENTS (words))]);
  else
    g_snprintf (giver->name, sizeof giver->name, "%s居家养老服务中心", t->name);

  sex = jz_demo_rng_permille (rng, 500) ? 'M' : 'F';
  birth = birth_for_age (c, jz_demo_rng_range (rng, 35, 58));
  jz_demo_civil_from_days (birth, &y, &m, &d);
  jz_demo_person_name (rng, jz_demo_surname (rng), sex, y, giver->representative, sizeof giver->representative);
  jz_demo_id_number (c->demo, rng, birth, sex, giver->id_number);

  /* A landline of the district (0533). */
  exchange = jz_demo_rng_range (rng, 2, 8);
  line = jz_demo_rng_below (rng, 1000000);
  g_snprintf (giver->phone, sizeof giver->phone, "0533-%d%06u", exchange, line);
  road = roads[jz_demo_rng_below (rng, G_N_ELEMENTS (roads))];
  number = jz_demo_rng_range (rng, 1, 200);
  g_snprintf (giver->address, sizeof giver->address, "%s%s路%d号", t->name, road, number);
  giver->bank = bank_account (rng, TRUE, giver->account);

  c->organisation[township] = giver->id;
  return giver->id;
}

/* Relatives who take on the care of someone without a family bound to
 * support them; a brother's children bear the recipient's surname. */
static const struct
{
  const char *relation;
  char        sex;
  gboolean    same_surname;
  int         younger;      /* about this many years younger */
} relatives[] = {
  { "侄子",   'M', TRUE,  28 },
  { "侄女",   'F', TRUE,  28 },
  { "外甥",   'M', FALSE, 28 },
  { "外甥女", 'F', FALSE, 28 },
  { "堂弟",   'M', TRUE,   6 },
  { "表妹",   'F', FALSE,  6 },
};

/* A person who cares for @p: a relative of an age to do it, else a
 * neighbour.  Returns the relation to the recipient. */
static const char *
person_caregiver (Care            *c,
                  const Recipient *p,
                  gboolean         relative,
                  gint64          *id)
{
  JzDemoRng *rng = &c->rng;
  const char *relation = "邻居";
  const char *surname = NULL;
  guint village = p->village;
  Caregiver *giver;
  char sex = jz_demo_rng_permille (rng, 450) ? 'M' : 'F';
  int age = jz_demo_rng_range (rng, 42, 68);
  int birth, y, m, d;

  if (relative)
    {
      guint k = jz_demo_rng_below (rng, G_N_ELEMENTS (relatives));
      int their_age = jz_demo_age_at (p->birth, c->demo->end) - relatives[k].younger + jz_demo_rng_range (rng, -6, 6);

      if (their_age >= 25 && their_age <= 70)
        {
          relation = relatives[k].relation;
          sex = relatives[k].sex;
          age = their_age;
          if (relatives[k].same_surname)
            surname = p->surname;
          /* Somewhere in the same township. */
          if (jz_demo_rng_permille (rng, 500))
            {
              const JzDemoTownship *t = &c->demo->townships[p->township];

              village = t->first_village + jz_demo_rng_below (rng, t->n_villages);
            }
        }
    }

  giver = new_caregiver (c);
  birth = birth_for_age (c, age);
  jz_demo_civil_from_days (birth, &y, &m, &d);
  if (surname == NULL)
    surname = jz_demo_surname (rng);
  jz_demo_person_name (rng, surname, sex, y, giver->name, sizeof giver->name);
  jz_demo_id_number (c->demo, rng, birth, sex, giver->id_number);
  mobile_phone (rng, giver->phone);
  village_address (c, village, giver->address, sizeof giver->address);
  giver->bank = bank_account (rng, c->demo->villages[village].urban, giver->account);

  *id = giver->id;
  return relation;
}

/* Who cares for @p; @instead_of, when not 0, the caregiver replaced, whom
 * the new one is not. */
static const char *
choose_caregiver (Care            *c,
                  const Recipient *p,
                  gint64           instead_of,
                  gint64          *id)
{
  static const guint urban_weights[] = { 40, 25, 35 };   /* neighbour, relative, organisation */
  static const guint rural_weights[] = { 50, 38, 12 };
  guint kind = jz_demo_rng_weighted (&c->rng, p->urban ? urban_weights : rural_weights, 3);

  if (kind == 2 && (instead_of == 0 || c->organisation[p->township] != instead_of))
    {
      *id = organisation (c, p->township);
      return "养老服务机构";
    }
  return person_caregiver (c, p, kind == 1, id);
}

/* --- assessments ------------------------------------------------------- */

/* How many of the six activities someone of @tier does not do alone:
 * none for self-care, 1–3 for partial care, 4–6 for full care; near
 * @before when reassessed. */
static int
draw_not_alone (JzDemoRng *rng,
                int        tier,
                int        before)
{
  static const int lo[] = { 0, 1, 4 };
  static const int hi[] = { 0, 3, 6 };
  int n;

  if (before < 0)
    n = jz_demo_rng_range (rng, lo[tier], hi[tier]);
  else
    n = before + jz_demo_rng_range (rng, -1, 1);

  return CLAMP (n, lo[tier], hi[tier]);
}

static guint
done_alone_bits (JzDemoRng *rng,
                 int        not_alone)
{
  guint order[JZ_CARE_N_ACTIVITIES];
  guint bits = JZ_CARE_ALL_ACTIVITIES;

  memcpy (order, loss_order, sizeof order);
  /* Not everyone loses them in the same order. */
  if (not_alone > 0 && not_alone < JZ_CARE_N_ACTIVITIES && jz_demo_rng_permille (rng, 250))
    {
      guint swap = order[not_alone - 1];

      order[not_alone - 1] = order[not_alone];
      order[not_alone] = swap;
    }
  for (int i = 0; i < not_alone; i++)
    bits &= ~order[i];

  return bits;
}

typedef struct
{
  int          on;
  const char  *note;
} Reassessment;

static int
compare_reassessments (gconstpointer a,
                       gconstpointer b)
{
  const Reassessment *x = a, *y = b;

  return (x->on > y->on) - (x->on < y->on);
}

static void
add_assessment (Care            *c,
                const Recipient *p,
                int              on,
                const char      *note,
                int              not_alone)
{
  Assessment a = { 0 };

  a.id = c->next_assessment++;
  a.person_id = p->person_id;
  a.township = p->township;
  a.on = on;
  a.note = note;
  a.done_alone = done_alone_bits (&c->rng, not_alone);
  /* The table checks the tier against the activities. */
  g_assert (g_str_equal (jz_care_tier_from_activities (a.done_alone), tier_codes[p->tier]));
  g_array_append_val (c->assessments, a);
}

/* The assessment at the investigation, the yearly ones before some
 * renewals, the one that answers a reported change, and maybe a change
 * still waiting.  The tier stays: the amounts the case paid were computed
 * with the person's self_care, which the latest assessment sets. */
static void
make_assessments (Care            *c,
                  const Recipient *p,
                  guint            first_agreement)
{
  static const char * const descriptions[] = {
    "在家中摔倒，腿部受伤，行动不便",
    "突发脑梗住院，出院后需重新评估",
    "照料护理人反映近期记忆力明显减退",
    "村委会反映其近来饮食起居需人协助",
  };
  JzDemo *demo = c->demo;
  JzDemoRng *rng = &c->rng;
  Reassessment later[16];
  guint n_later = 0;
  int workdays = care_number (demo, JZ_STANDARD_CARE_REASSESSMENT_WORKDAYS, demo->end, 10);
  int from = MAX (p->starts_on, demo->history_start);
  guint first_assessment = c->assessments->len;
  int first, reported = 0, last, not_alone;

  if (p->investigated_on != 0)
    {
      /* Never inside MIN() or MAX(), which would draw twice. */
      first = p->investigated_on + jz_demo_rng_range (rng, 0, 3);
      first = MIN (first, p->decided_on);
    }
  else
    first = p->decided_on - jz_demo_rng_range (rng, 3, 10);

  for (guint i = first_agreement; i < c->agreements->len && n_later < G_N_ELEMENTS (later) - 1; i++)
    {
      const Agreement *agreement = &g_array_index (c->agreements, Agreement, i);

      if (g_strcmp0 (agreement->link, "renewal") == 0 && jz_demo_rng_permille (rng, 350))
        {
          later[n_later].on = agreement->signed_on - jz_demo_rng_range (rng, 0, 10);
          later[n_later++].note = "年度复评";
        }
    }

  /* A change in the recipient's condition, reassessed within the deadline
   * or a few days late. */
  if (gap_due (c, GAP_ANSWERED_CHANGE) && from < demo->end - 60)
    {
      reported = working_day_from (demo, random_day (c, from, demo->end - 40));
      later[n_later].on = jz_demo_add_working_days (demo, reported, jz_demo_rng_range (rng, 2, workdays + 2));
      later[n_later++].note = "情况变化复评";
      gap_taken (c, GAP_ANSWERED_CHANGE);
    }

  qsort (later, n_later, sizeof later[0], compare_reassessments);

  not_alone = draw_not_alone (rng, p->tier, -1);
  add_assessment (c, p, first, "特困人员认定调查时评估", not_alone);
  last = first;

  for (guint i = 0; i < n_later; i++)
    {
      if (later[i].on <= last || later[i].on > demo->end)
        continue;
      not_alone = draw_not_alone (rng, p->tier, not_alone);
      add_assessment (c, p, later[i].on, later[i].note, not_alone);
      last = later[i].on;
    }

  if (reported != 0)
    {
      Change change = { 0 };

      change.id = c->next_change++;
      change.person_id = p->person_id;
      change.reported_on = reported;
      change.due_on = jz_demo_add_working_days (demo, reported, workdays);
      change.description = descriptions[jz_demo_rng_below (rng, G_N_ELEMENTS (descriptions))];
      /* Answered by the first assessment on or after it, as
       * jz_care_assessment_add() answers them. */
      for (guint i = first_assessment; i < c->assessments->len; i++)
        {
          const Assessment *answer = &g_array_index (c->assessments, Assessment, i);

          if (answer->on >= reported)
            {
              change.assessment_id = answer->id;
              break;
            }
        }
      g_array_append_val (c->changes, change);
    }

  /* Reported in the last weeks, after the latest assessment; some are
   * already past their deadline. */
  if (gap_due (c, GAP_OPEN_CHANGE) && p->starts_on <= demo->end && last < demo->end - 25)
    {
      Change change = { 0 };

      change.id = c->next_change++;
      change.person_id = p->person_id;
      change.reported_on = random_day (c, demo->end - 24, demo->end);
      change.due_on = jz_demo_add_working_days (demo, change.reported_on, workdays);
      change.description = descriptions[jz_demo_rng_below (rng, G_N_ELEMENTS (descriptions))];
      g_array_append_val (c->changes, change);
      gap_taken (c, GAP_OPEN_CHANGE);
    }
}

/* --- agreements and evaluations ---------------------------------------- */

static void
draw_opinions (JzDemoRng   *rng,
               const char  *wanted,
               Evaluation  *e)
{
  static const int fallback[][3] = { { 5, 3, 3 }, { 3, 3, 3 }, { 1, 2, 2 } };
  guint which = g_str_equal (wanted, "pass") ? 0 : g_str_equal (wanted, "basic_pass") ? 1 : 2;

  for (guint tries = 0; tries < 16; tries++)
    {
      const char *result;

      switch (which)
        {
        case 0:
          e->satisfaction = jz_demo_rng_permille (rng, 600) ? 5 : 4;
          e->neighbours = jz_demo_rng_permille (rng, 800) ? 3 : 2;
          e->village = jz_demo_rng_permille (rng, 850) ? 3 : 2;
          break;
        case 1:
          e->satisfaction = jz_demo_rng_range (rng, 3, 4);
          e->neighbours = jz_demo_rng_range (rng, 1, 3);
          e->village = jz_demo_rng_range (rng, 2, 3);
          break;
        default:
          e->satisfaction = jz_demo_rng_range (rng, 1, 2);
          e->neighbours = jz_demo_rng_range (rng, 1, 2);
          e->village = jz_demo_rng_range (rng, 1, 2);
          break;
        }
      jz_care_evaluation_score (e->satisfaction, e->neighbours, e->village, &result);
      if (g_str_equal (result, wanted))
        return;
    }

  e->satisfaction = fallback[which][0];
  e->neighbours = fallback[which][1];
  e->village = fallback[which][2];
}

/* The quarterly evaluations of the agreement at @index that fall in the
 * history and were made by the end.  When @may_fail, one may fail: then
 * the day the agreement ends to replace the caregiver is returned, else 0. */
static int
evaluate (Care    *c,
          guint    index,
          gboolean may_fail)
{
  JzDemo *demo = c->demo;
  JzDemoRng *rng = &c->rng;
  const Agreement *a = &g_array_index (c->agreements, Agreement, index);
  int months = care_number (demo, JZ_STANDARD_CARE_EVALUATION_MONTHS, a->starts_on, 3);

  for (int q = 0;; q++)
    {
      Evaluation e = { 0 };
      const char *wanted = jz_demo_rng_permille (rng, 130) ? "basic_pass" : "pass";
      int replace_on = 0;

      e.period_from = add_months (a->starts_on, months * q);
      if (e.period_from > a->ends_on)
        break;
      e.period_to = MIN (add_months (a->starts_on, months * (q + 1)) - 1, a->ends_on);
      /* Older ones are on paper. */
      if (e.period_to < demo->history_start)
        continue;
      e.evaluated_on = working_day_from (demo, e.period_to + jz_demo_rng_range (rng, 1, 10));
      if (e.evaluated_on > demo->end)
        break;

      if (may_fail && e.evaluated_on + 25 <= demo->end && e.evaluated_on + 25 <= a->ends_on &&
          jz_demo_rng_permille (rng, 400))
        {
          wanted = "fail";
          replace_on = e.evaluated_on + jz_demo_rng_range (rng, 5, 20);
        }

      e.id = c->next_evaluation++;
      e.agreement_id = a->id;
      e.township = a->township;
      draw_opinions (rng, wanted, &e);
      g_array_append_val (c->evaluations, e);

      if (replace_on != 0)
        return replace_on;
    }

  return 0;
}

static const char *
care_content (int tier)
{
  static const char * const contents[] = {
    "定期上门探视，协助购买生活用品、代办事务，生病时及时护理并陪同就医",
    "协助饮食起居、洗衣做饭、打扫卫生，生病时及时护理并陪同就医",
    "全天生活照料：协助进食、穿衣、翻身、如厕、洗浴，生病时及时护理并陪同就医",
  };

  return contents[tier];
}

static const char *
care_frequency (int tier)
{
  static const char * const frequencies[] = {
    "每周上门探视不少于2次",
    "每日上门照料不少于1次",
    "每日照料，夜间有人看护",
  };

  return frequencies[tier];
}

static void
add_agreement (Care            *c,
               const Recipient *p,
               int              starts_on,
               int              signed_on,
               gint64           caregiver_id,
               const char      *relation,
               gint64           previous_id,
               const char      *link)
{
  JzDemo *demo = c->demo;
  Agreement a = { 0 };

  a.id = c->next_agreement++;
  a.person_id = p->person_id;
  a.case_id = p->case_id;
  a.township = p->township;
  a.caregiver_id = caregiver_id;
  a.relation = relation;
  a.tier = p->tier;
  a.fee = care_fee (demo, p->tier, starts_on);
  a.starts_on = starts_on;
  a.ends_on = add_months (starts_on, care_number (demo, JZ_STANDARD_CARE_TERM_MONTHS, starts_on, 12)) - 1;
  a.signed_on = signed_on;
  a.status = signed_on != 0 ? "active" : "draft";
  a.previous_id = previous_id;
  a.link = link;
  g_array_append_val (c->agreements, a);
}

/* The first start of a chain of terms, from the start of support on, one
 * of which ends on @ends_on; 0 if the support started too late for it. */
static int
chain_start (const Care      *c,
             const Recipient *p,
             int              ends_on)
{
  int term = care_number (c->demo, JZ_STANDARD_CARE_TERM_MONTHS, c->demo->end, 12);
  int start = add_months (ends_on + 1, -term);

  if (start < p->starts_on)
    return 0;
  while (add_months (start, -term) >= p->starts_on)
    start = add_months (start, -term);
  return start;
}

/* Whether yearly terms from @start on have one end in the window of
 * expiring at the end. */
static gboolean
runs_out_at_end (const Care *c,
                 int         start,
                 int         expiring)
{
  const JzDemo *demo = c->demo;
  int ends;

  for (;;)
    {
      ends = add_months (start, care_number (demo, JZ_STANDARD_CARE_TERM_MONTHS, start, 12)) - 1;
      if (ends >= demo->end)
        return ends <= demo->end + expiring;
      start = ends + 1;
    }
}

/* The agreements of @p one after the other from the start of support:
 * renewed each year, or replaced after a failed evaluation; for some the
 * last one lapsed or expires soon, or none was ever signed. */
static void
make_agreements (Care            *c,
                 const Recipient *p)
{
  JzDemo *demo = c->demo;
  JzDemoRng *rng = &c->rng;
  int end = demo->end;
  int expiring = care_number (demo, JZ_STANDARD_CARE_EXPIRING_DAYS, end, EXPIRING_DAYS);
  gboolean lapse = FALSE, replace = FALSE, replaced = FALSE;
  gint64 caregiver_id = 0, previous_id = 0;
  const char *relation, *link = NULL;
  int start = 0, signed_on;
  Agreement *a;

  if (gap_due (c, GAP_NEVER_SIGNED))
    {
      gap_taken (c, GAP_NEVER_SIGNED);
      /* A recent recipient's may be drafted, not yet signed. */
      if (p->starts_on >= end - 45 && jz_demo_rng_permille (rng, 500))
        {
          relation = choose_caregiver (c, p, 0, &caregiver_id);
          add_agreement (c, p, p->starts_on, 0, caregiver_id, relation, 0, NULL);
        }
      return;
    }

  if (gap_due (c, GAP_LAPSED) &&
      (start = chain_start (c, p, random_day (c, end - 120, end - 1))) != 0)
    {
      gap_taken (c, GAP_LAPSED);
      lapse = TRUE;
    }
  else if (gap_due (c, GAP_EXPIRING) &&
           (start = chain_start (c, p, random_day (c, end + 1, end + expiring))) != 0)
    gap_taken (c, GAP_EXPIRING);
  else
    {
      /* Most are signed for the first month paid, some a little later. */
      start = p->starts_on;
      if (jz_demo_rng_permille (rng, 300) && p->starts_on + 40 <= end)
        start += jz_demo_rng_range (rng, 3, 40);
      /* As many would run out at the end by chance as the share above:
       * these were signed a month or so later. */
      if (start + 45 <= end && runs_out_at_end (c, start, expiring))
        start += jz_demo_rng_range (rng, 31, 45);
      replace = gap_due (c, GAP_REPLACED);
    }

  relation = choose_caregiver (c, p, 0, &caregiver_id);
  signed_on = start - jz_demo_rng_range (rng, 0, 7);
  signed_on = MAX (signed_on, p->decided_on);

  for (;;)
    {
      int replace_on;

      add_agreement (c, p, start, signed_on, caregiver_id, relation, previous_id, link);
      replace_on = evaluate (c, c->agreements->len - 1, replace && !replaced);
      a = &g_array_index (c->agreements, Agreement, c->agreements->len - 1);

      if (replace_on != 0)
        {
          a->status = "terminated";
          a->ended_on = replace_on;
          a->end_reason = "照料评价不合格，更换照料护理人";
          previous_id = a->id;
          link = "replacement";
          relation = choose_caregiver (c, p, a->caregiver_id, &caregiver_id);
          start = signed_on = replace_on;
          replaced = TRUE;
          gap_taken (c, GAP_REPLACED);
          continue;
        }

      if (a->ends_on >= end)
        break;
      /* Never renewed: still active on file, past its end. */
      if (lapse && a->ends_on >= end - 130)
        break;

      a->status = "expired";
      a->ended_on = a->ends_on;
      previous_id = a->id;
      link = "renewal";
      start = a->ends_on + 1;
      signed_on = start - jz_demo_rng_range (rng, 0, 10);
      signed_on = MAX (signed_on, a->signed_on + 1);
    }

  /* The caregiver of the agreement in force failed the latest evaluation,
   * and nothing was done about it yet. */
  a = &g_array_index (c->agreements, Agreement, c->agreements->len - 1);
  if (gap_due (c, GAP_FAILED_OPEN) && a->ends_on >= end && c->evaluations->len > 0)
    {
      Evaluation *e = &g_array_index (c->evaluations, Evaluation, c->evaluations->len - 1);

      if (e->agreement_id == a->id && e->evaluated_on >= end - 60)
        {
          draw_opinions (rng, "fail", e);
          gap_taken (c, GAP_FAILED_OPEN);
        }
    }
}

/* --- visits ------------------------------------------------------------- */

/* The agreement in force on @day among those from @first on, 0 if none. */
static gint64
agreement_on (const Care *c,
              guint       first,
              int         day)
{
  gint64 id = 0;

  for (guint i = first; i < c->agreements->len; i++)
    {
      const Agreement *a = &g_array_index (c->agreements, Agreement, i);
      int until = a->ended_on != 0 ? a->ended_on : a->ends_on;

      if (a->signed_on != 0 && a->signed_on <= day && a->starts_on <= day && day <= until)
        id = a->id;
    }
  return id;
}

/* What a visit notes for a check not in order, and what is to be done. */
static const struct
{
  guint        check;
  guint        weight;
  const char  *finding;
  const char  *follow_up;
} findings[] = {
  { JZ_CARE_CHECK_FOOD,      10, "家中存粮不足，冰箱内有过期食品", "协调村（居）委会送米面油，督促照料护理人每周采购" },
  { JZ_CARE_CHECK_CLOTHING,   8, "换季衣物被褥不足", "发放棉被一床、棉衣一件" },
  { JZ_CARE_CHECK_HOUSING,   15, "房屋墙体开裂，雨季有安全隐患", "报镇村建部门鉴定，协调危房改造" },
  { JZ_CARE_CHECK_HEALTH,    30, "血压偏高，近期未按时服药", "联系村卫生室上门随访，督促按时服药" },
  { JZ_CARE_CHECK_HYGIENE,   25, "室内卫生较差，衣物未及时换洗", "督促照料护理人每周打扫清洗" },
  { JZ_CARE_CHECK_CAREGIVER,  8, "探访时照料护理人不在场，本人反映近期上门次数减少", "约谈照料护理人，提醒履行协议" },
  { JZ_CARE_CHECK_MONEY,      4, "本月供养金未按时到账", "核对银行账户信息，联系银行查询" },
};

static void
visit_checks (Care  *c,
              Visit *v)
{
  JzDemoRng *rng = &c->rng;
  guint weights[G_N_ELEMENTS (findings)];
  guint n;

  v->checks = JZ_CARE_ALL_CHECKS;
  if (!jz_demo_rng_permille (rng, 130))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (findings); i++)
    weights[i] = findings[i].weight;
  n = jz_demo_rng_permille (rng, 800) ? 1 : 2;
  for (guint i = 0; i < n; i++)
    {
      guint k = jz_demo_rng_weighted (rng, weights, G_N_ELEMENTS (findings));

      v->checks &= ~findings[k].check;
      weights[k] = 0;
    }

  v->follow_up_due = v->on + jz_demo_rng_range (rng, 7, 20);
  v->follow_up_done = v->on + jz_demo_rng_range (rng, 2, v->follow_up_due - v->on + 5);
  /* Not done yet. */
  if (v->follow_up_done > c->demo->end)
    v->follow_up_done = 0;
}

static void
add_visit (Care            *c,
           const Recipient *p,
           guint            first_agreement,
           int              day)
{
  Visit v = { 0 };

  v.id = c->next_visit++;
  v.person_id = p->person_id;
  v.agreement_id = agreement_on (c, first_agreement, day);
  v.on = day;
  v.township = p->township;
  v.companion = jz_demo_rng_below (&c->rng, STAFF_PER_TOWNSHIP);
  v.phone = jz_demo_rng_permille (&c->rng, 120);
  visit_checks (c, &v);
  g_array_append_val (c->visits, v);
}

/* Monthly over the history, on a working day; some recipients have not
 * been visited for a while at the end.  Older visits are on paper. */
static void
make_visits (Care            *c,
             const Recipient *p,
             guint            first_agreement)
{
  JzDemo *demo = c->demo;
  JzDemoRng *rng = &c->rng;
  int end = demo->end;
  int from = MAX (p->starts_on, demo->history_start);
  int months = care_number (demo, JZ_STANDARD_CARE_VISIT_MONTHS, end, 1);
  int cut = end, last = 0;

  if (p->starts_on > end)
    return;

  /* Visited before, but not in the last month or more. */
  if (gap_due (c, GAP_OVERDUE) && from <= end - 150)
    {
      cut = end - jz_demo_rng_range (rng, 35, 110);
      gap_taken (c, GAP_OVERDUE);
    }

  for (int month = jz_demo_month_start (from, 0); month <= end; month = jz_demo_month_start (month, months))
    {
      int day = working_day_from (demo, month + jz_demo_rng_range (rng, 0, 27));

      if (day > cut)
        break;
      add_visit (c, p, first_agreement, day);
      last = day;
    }

  /* The others are visited within the interval up to the end. */
  if (cut == end && (last == 0 || add_months (last, months) < end))
    {
      int day = end - jz_demo_rng_range (rng, 0, 5);

      add_visit (c, p, first_agreement, MAX (day, MAX (last + 1, from)));
    }
}

/* --- writing ------------------------------------------------------------ */

static int
compare_by_start (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const Agreement *list = user_data;
  const Agreement *x = &list[*(const guint *) a];
  const Agreement *y = &list[*(const guint *) b];

  if (x->township != y->township)
    return x->township < y->township ? -1 : 1;
  if (x->starts_on != y->starts_on)
    return x->starts_on < y->starts_on ? -1 : 1;
  return (x->id > y->id) - (x->id < y->id);
}

/* Township code-year-sequence, as jz_care_agreement_draft() numbers them,
 * in the order they start within a township and year. */
static void
number_agreements (Care *c)
{
  g_autofree guint *order = g_new (guint, MAX (c->agreements->len, 1));
  Agreement *list = (Agreement *) (gpointer) c->agreements->data;
  guint township = G_MAXUINT;
  int year = 0;
  guint seq = 0;

  for (guint i = 0; i < c->agreements->len; i++)
    order[i] = i;
  g_qsort_with_data (order, (gint) c->agreements->len, sizeof order[0], compare_by_start, list);

  for (guint i = 0; i < c->agreements->len; i++)
    {
      Agreement *a = &list[order[i]];
      int y, m, d;

      jz_demo_civil_from_days (a->starts_on, &y, &m, &d);
      if (a->township != township || y != year)
        {
          township = a->township;
          year = y;
          seq = 0;
        }
      g_snprintf (a->number, sizeof a->number, "%s-%04d-%04u", c->demo->townships[township].code, y, ++seq);
    }
}

static gboolean
next_id (JzDb        *db,
         const char  *table,
         gint64      *id,
         GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (max (id), 0) + 1 FROM %s", table);

  return jz_demo_query_int (db, sql, id, error);
}

static void
bind_id (sqlite3_stmt *stmt,
         int           index,
         gint64        id)
{
  if (id == 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

static gboolean
write_caregivers (JzDb    *db,
                  Care    *c,
                  GError **error)
{
  g_autoptr(sqlite3_stmt) s = jz_db_prepare (db,
                                             "INSERT INTO caregivers (id, kind, name, legal_representative, id_number, phone, "
                                             "address, bank, bank_account) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                             error);

  if (s == NULL)
    return FALSE;

  for (guint i = 0; i < c->caregivers->len; i++)
    {
      const Caregiver *g = &g_array_index (c->caregivers, Caregiver, i);

      sqlite3_bind_int64 (s, 1, g->id);
      jz_demo_bind_text (s, 2, g->organisation ? "organisation" : "person");
      jz_demo_bind_text (s, 3, g->name);
      jz_demo_bind_text (s, 4, g->representative);
      jz_demo_bind_text (s, 5, g->id_number);
      jz_demo_bind_text (s, 6, g->phone);
      jz_demo_bind_text (s, 7, g->address);
      jz_demo_bind_text (s, 8, g->bank);
      jz_demo_bind_text (s, 9, g->account);
      if (!jz_db_step_done (db, s, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_assessments (JzDb    *db,
                   Care    *c,
                   GError **error)
{
  g_autoptr(sqlite3_stmt) s = jz_db_prepare (db,
                                             "INSERT INTO care_assessments (id, person_id, assessed_on, assessor, eating, "
                                             "dressing, transfer, toileting, walking, bathing, tier, note) "
                                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                             error);

  if (s == NULL)
    return FALSE;

  for (guint i = 0; i < c->assessments->len; i++)
    {
      const Assessment *a = &g_array_index (c->assessments, Assessment, i);
      char on[11];

      sqlite3_bind_int64 (s, 1, a->id);
      sqlite3_bind_int64 (s, 2, a->person_id);
      jz_demo_bind_date (s, 3, a->on, on);
      jz_demo_bind_text (s, 4, c->demo->townships[a->township].clerk_name);
      /* The columns are in the order of the bits. */
      for (guint k = 0; k < JZ_CARE_N_ACTIVITIES; k++)
        sqlite3_bind_int (s, 5 + (int) k, (a->done_alone >> k) & 1);
      jz_demo_bind_text (s, 11, jz_care_tier_from_activities (a->done_alone));
      jz_demo_bind_text (s, 12, a->note);
      if (!jz_db_step_done (db, s, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_changes (JzDb    *db,
               Care    *c,
               GError **error)
{
  g_autoptr(sqlite3_stmt) s = jz_db_prepare (db,
                                             "INSERT INTO care_changes (id, person_id, reported_on, due_on, description, "
                                             "assessment_id) VALUES (?, ?, ?, ?, ?, ?)",
                                             error);

  if (s == NULL)
    return FALSE;

  for (guint i = 0; i < c->changes->len; i++)
    {
      const Change *change = &g_array_index (c->changes, Change, i);
      char reported[11], due[11];

      sqlite3_bind_int64 (s, 1, change->id);
      sqlite3_bind_int64 (s, 2, change->person_id);
      jz_demo_bind_date (s, 3, change->reported_on, reported);
      jz_demo_bind_date (s, 4, change->due_on, due);
      jz_demo_bind_text (s, 5, change->description);
      bind_id (s, 6, change->assessment_id);
      if (!jz_db_step_done (db, s, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_agreements (JzDb    *db,
                  Care    *c,
                  GError **error)
{
  g_autoptr(sqlite3_stmt) s = jz_db_prepare (db,
                                             "INSERT INTO care_agreements (id, number, person_id, case_id, township_id, "
                                             "caregiver_id, relation, tier, monthly_fee, care_content, frequency, starts_on, "
                                             "ends_on, signed_on, status, ended_on, end_reason, previous_id, link) "
                                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                             error);

  if (s == NULL)
    return FALSE;

  for (guint i = 0; i < c->agreements->len; i++)
    {
      const Agreement *a = &g_array_index (c->agreements, Agreement, i);
      char starts[11], ends[11], signed_on[11], ended[11];

      sqlite3_bind_int64 (s, 1, a->id);
      jz_demo_bind_text (s, 2, a->number);
      sqlite3_bind_int64 (s, 3, a->person_id);
      sqlite3_bind_int64 (s, 4, a->case_id);
      sqlite3_bind_int64 (s, 5, c->demo->townships[a->township].id);
      sqlite3_bind_int64 (s, 6, a->caregiver_id);
      jz_demo_bind_text (s, 7, a->relation);
      jz_demo_bind_text (s, 8, tier_codes[a->tier]);
      sqlite3_bind_int64 (s, 9, a->fee);
      jz_demo_bind_text (s, 10, care_content (a->tier));
      jz_demo_bind_text (s, 11, care_frequency (a->tier));
      jz_demo_bind_date (s, 12, a->starts_on, starts);
      jz_demo_bind_date (s, 13, a->ends_on, ends);
      jz_demo_bind_date (s, 14, a->signed_on, signed_on);
      jz_demo_bind_text (s, 15, a->status);
      jz_demo_bind_date (s, 16, a->ended_on, ended);
      jz_demo_bind_text (s, 17, a->end_reason);
      bind_id (s, 18, a->previous_id);
      jz_demo_bind_text (s, 19, a->link);
      if (!jz_db_step_done (db, s, error))
        return FALSE;
    }
  return TRUE;
}

/* The findings and follow-ups of the checks not in order, joined. */
static void
visit_texts (guint  checks,
             char  *finding,
             char  *follow_up,
             gsize  size)
{
  finding[0] = follow_up[0] = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (findings); i++)
    {
      if (checks & findings[i].check)
        continue;
      if (finding[0] != '\0')
        {
          g_strlcat (finding, "；", size);
          g_strlcat (follow_up, "；", size);
        }
      g_strlcat (finding, findings[i].finding, size);
      g_strlcat (follow_up, findings[i].follow_up, size);
    }
}

static gboolean
write_visits (JzDb    *db,
              Care    *c,
              GError **error)
{
  g_autoptr(sqlite3_stmt) s = jz_db_prepare (db,
                                             "INSERT INTO care_visits (id, person_id, agreement_id, visited_on, visitors, "
                                             "method, checks, findings, follow_up, follow_up_due, follow_up_done) "
                                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                             error);
  char visitors[JZ_DEMO_N_TOWNSHIPS][STAFF_PER_TOWNSHIP][80];

  if (s == NULL)
    return FALSE;

  /* The township's clerk and one of its staff. */
  for (guint t = 0; t < JZ_DEMO_N_TOWNSHIPS; t++)
    for (guint k = 0; k < STAFF_PER_TOWNSHIP; k++)
      g_snprintf (visitors[t][k], sizeof visitors[t][k], "%s、%s", c->demo->townships[t].clerk_name, c->staff[t][k]);

  for (guint i = 0; i < c->visits->len; i++)
    {
      const Visit *v = &g_array_index (c->visits, Visit, i);
      char on[11], due[11], done[11], finding[512], follow_up[512];

      visit_texts (v->checks, finding, follow_up, sizeof finding);
      sqlite3_bind_int64 (s, 1, v->id);
      sqlite3_bind_int64 (s, 2, v->person_id);
      bind_id (s, 3, v->agreement_id);
      jz_demo_bind_date (s, 4, v->on, on);
      jz_demo_bind_text (s, 5, visitors[v->township][v->companion]);
      jz_demo_bind_text (s, 6, v->phone ? "phone" : "home");
      sqlite3_bind_int (s, 7, (int) v->checks);
      jz_demo_bind_text (s, 8, finding);
      jz_demo_bind_text (s, 9, follow_up);
      jz_demo_bind_date (s, 10, v->follow_up_due, due);
      jz_demo_bind_date (s, 11, v->follow_up_done, done);
      if (!jz_db_step_done (db, s, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_evaluations (JzDb    *db,
                   Care    *c,
                   GError **error)
{
  g_autoptr(sqlite3_stmt) s = jz_db_prepare (db,
                                             "INSERT INTO care_evaluations (id, agreement_id, period_from, period_to, "
                                             "evaluated_on, satisfaction, neighbours, village, score, result, opinion, evaluator) "
                                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                             error);

  if (s == NULL)
    return FALSE;

  for (guint i = 0; i < c->evaluations->len; i++)
    {
      const Evaluation *e = &g_array_index (c->evaluations, Evaluation, i);
      const char *result;
      int score = jz_care_evaluation_score (e->satisfaction, e->neighbours, e->village, &result);
      char from[11], to[11], on[11];
      const char *opinion;

      if (g_str_equal (result, "pass"))
        opinion = "照料到位，本人满意，邻里反映良好";
      else if (g_str_equal (result, "basic_pass"))
        opinion = "照料基本到位，需加强日常清洁和陪护";
      else
        opinion = "照料护理人履行协议不到位，本人及邻里不满意";

      sqlite3_bind_int64 (s, 1, e->id);
      sqlite3_bind_int64 (s, 2, e->agreement_id);
      jz_demo_bind_date (s, 3, e->period_from, from);
      jz_demo_bind_date (s, 4, e->period_to, to);
      jz_demo_bind_date (s, 5, e->evaluated_on, on);
      sqlite3_bind_int (s, 6, e->satisfaction);
      sqlite3_bind_int (s, 7, e->neighbours);
      sqlite3_bind_int (s, 8, e->village);
      sqlite3_bind_int (s, 9, score);
      jz_demo_bind_text (s, 10, result);
      jz_demo_bind_text (s, 11, opinion);
      jz_demo_bind_text (s, 12, c->demo->townships[e->township].clerk_name);
      if (!jz_db_step_done (db, s, error))
        return FALSE;
    }
  return TRUE;
}

static void
plan_staff (Care *c)
{
  JzDemoRng rng;

  jz_demo_rng_init (&rng, STAFF_SEED);
  for (guint t = 0; t < JZ_DEMO_N_TOWNSHIPS; t++)
    for (guint k = 0; k < STAFF_PER_TOWNSHIP; k++)
      {
        char sex = jz_demo_rng_permille (&rng, 500) ? 'M' : 'F';
        const char *surname = jz_demo_surname (&rng);
        int year = jz_demo_rng_range (&rng, 1965, 1998);

        jz_demo_person_name (&rng, surname, sex, year, c->staff[t][k], sizeof c->staff[t][k]);
      }
}

static void
care_clear (Care *c)
{
  g_clear_pointer (&c->caregivers, g_array_unref);
  g_clear_pointer (&c->assessments, g_array_unref);
  g_clear_pointer (&c->changes, g_array_unref);
  g_clear_pointer (&c->agreements, g_array_unref);
  g_clear_pointer (&c->visits, g_array_unref);
  g_clear_pointer (&c->evaluations, g_array_unref);
}

/* --- the generator's side ----------------------------------------------- */

/**
 * jz_demo_care_note:
 *
 * Keeps the recipient of a dispersed tekun case decided and not ended, who
 * is alive in an open file, for jz_demo_care_write().
 */
void
jz_demo_care_note (JzDemo                 *demo,
                   const JzDemoHousehold  *hh,
                   const JzDemoCasePlan   *plan,
                   const JzDemoCaseResult *result,
                   gint64                  case_id)
{
  const JzDemoMember *m;
  Recipient p = { 0 };
  gsize surname;

  if (plan->program != JZ_DEMO_TEKUN_DISPERSED || plan->member < 0)
    return;
  if (result->status != JZ_DEMO_APPROVED && result->status != JZ_DEMO_ACTIVE && result->status != JZ_DEMO_SUSPENDED)
    return;
  m = &hh->m[plan->member];
  if (m->died_on != 0 || hh->closed_on != 0 || result->decided_on == 0 || result->starts_on == 0)
    return;

  if (demo->care == NULL)
    demo->care = g_array_new (FALSE, FALSE, sizeof (Recipient));

  p.person_id = m->person_id;
  p.case_id = case_id;
  p.village = hh->village;
  p.township = demo->villages[hh->village].township;
  p.urban = hh->urban;
  p.tier = CLAMP (m->care, 0, 2);
  p.birth = m->birth;
  surname = (gsize) (g_utf8_next_char (m->name) - m->name);
  memcpy (p.surname, m->name, MIN (surname, sizeof p.surname - 1));
  p.investigated_on = result->investigated_on;
  p.decided_on = result->decided_on;
  p.starts_on = result->starts_on;
  g_array_append_val (demo->care, p);
}

/**
 * jz_demo_care_write:
 *
 * Makes up the care of every recipient noted and writes it, in the demo's
 * transaction.
 */
gboolean
jz_demo_care_write (JzDb     *db,
                    JzDemo   *demo,
                    guint64   seed,
                    GError  **error)
{
  Care c = { 0 };
  gboolean ok;

  c.demo = demo;
  jz_demo_rng_init (&c.rng, seed ^ CARE_SEED_MIX);
  /* Where each gap first falls is left to chance. */
  for (guint g = 0; g < N_GAPS; g++)
    c.credit[g] = jz_demo_rng_below (&c.rng, 1000);
  plan_staff (&c);

  if (!next_id (db, "caregivers", &c.next_caregiver, error) ||
      !next_id (db, "care_assessments", &c.next_assessment, error) ||
      !next_id (db, "care_changes", &c.next_change, error) ||
      !next_id (db, "care_agreements", &c.next_agreement, error) ||
      !next_id (db, "care_visits", &c.next_visit, error) ||
      !next_id (db, "care_evaluations", &c.next_evaluation, error))
    return FALSE;

  c.caregivers = g_array_new (FALSE, FALSE, sizeof (Caregiver));
  c.assessments = g_array_new (FALSE, FALSE, sizeof (Assessment));
  c.changes = g_array_new (FALSE, FALSE, sizeof (Change));
  c.agreements = g_array_new (FALSE, FALSE, sizeof (Agreement));
  c.visits = g_array_new (FALSE, FALSE, sizeof (Visit));
  c.evaluations = g_array_new (FALSE, FALSE, sizeof (Evaluation));

  for (guint i = 0; demo->care != NULL && i < demo->care->len; i++)
    {
      const Recipient *p = &g_array_index (demo->care, Recipient, i);
      guint first_agreement = c.agreements->len;

      if (p->starts_on <= demo->end)
        {
          /* Capped, so that a gap few can take is not then taken by many
           * in a row. */
          for (guint g = 0; g < N_GAPS; g++)
            c.credit[g] = MIN (c.credit[g] + gap_per_mille[g], 2000);
          make_agreements (&c, p);
        }
      make_assessments (&c, p, first_agreement);
      make_visits (&c, p, first_agreement);
    }

  number_agreements (&c);

  ok = write_caregivers (db, &c, error) &&
       write_assessments (db, &c, error) &&
       write_changes (db, &c, error) &&
       write_agreements (db, &c, error) &&
       write_visits (db, &c, error) &&
       write_evaluations (db, &c, error);

  care_clear (&c);
  return ok;
}

void
jz_demo_care_clear (JzDemo *demo)
{
  g_clear_pointer (&demo->care, g_array_unref);
}
