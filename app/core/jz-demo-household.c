/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The people of the demo district and what happens to their cases.  No SQL
 * here: jz-demo.c writes down what these functions decide. */

#include "config.h"

#include <string.h>

#include "jz-demo-private.h"
#include "jz-id-number.h"

typedef enum
{
  PROFILE_DIBAO,
  PROFILE_LOW_INCOME,
  PROFILE_TEKUN_DISPERSED,
  PROFILE_TEKUN_CENTRALIZED,
  PROFILE_DISABILITY,
  PROFILE_CHILD,
  PROFILE_TEMPORARY,
  N_PROFILES
} Profile;

/* Per 1000 households on file at a district office: the dibao caseload
 * dominates, then the monitored low-income families, the severely disabled
 * who only draw the care subsidy, and the extremely poor. */
static const guint profile_weights[N_PROFILES] = { 560, 140, 75, 20, 120, 15, 70 };

typedef enum
{
  FAMILY_SINGLE,
  FAMILY_COUPLE,
  FAMILY_SINGLE_PARENT,
  FAMILY_NUCLEAR,
  FAMILY_THREE_GENERATIONS,
  FAMILY_SKIPPED_GENERATION,  /* grandparents raising grandchildren */
  FAMILY_SIBLINGS,            /* someone caring for a disabled brother or sister */
  FAMILY_ELDERS_WITH_CHILD,   /* old parents with a disabled adult child */
  N_FAMILIES
} Family;

static const guint family_weights[N_PROFILES][N_FAMILIES] = {
  [PROFILE_DIBAO]             = { 250, 200, 120, 180,  80, 50, 30,  90 },
  [PROFILE_LOW_INCOME]        = { 150, 200, 100, 300, 150, 30, 20,  50 },
  [PROFILE_TEKUN_DISPERSED]   = {   1,   0,   0,   0,   0,  0,  0,   0 },
  [PROFILE_TEKUN_CENTRALIZED] = {   1,   0,   0,   0,   0,  0,  0,   0 },
  [PROFILE_DISABILITY]        = { 100, 150,  80, 300, 150, 20, 50, 150 },
  [PROFILE_CHILD]             = {   0,   0,   0,   0,   0,  1,  0,   0 },
  [PROFILE_TEMPORARY]         = { 150, 200, 100, 300, 150, 30, 20,  50 },
};

/* How much the household earns, relative to the dibao standard. */
typedef enum
{
  INCOME_POOR,      /* below the oldest standard in force, so every amount is positive */
  INCOME_TEKUN,     /* next to nothing */
  INCOME_ABOVE,     /* just above the standard: refused, or left the dibao */
  INCOME_MARGIN,    /* 1–1.5 × the standard: low-income monitoring */
  INCOME_ORDINARY,
} IncomeMode;

/* The first nine households cover the nine programs, so that even a tiny
 * demo fills every panel. */
typedef struct
{
  Profile  profile;
  gboolean urban;
} Forced;

static const Forced forced_households[JZ_DEMO_N_PROGRAMS] = {
  [JZ_DEMO_DIBAO_URBAN]       = { PROFILE_DIBAO, TRUE },
  [JZ_DEMO_DIBAO_RURAL]       = { PROFILE_DIBAO, FALSE },
  [JZ_DEMO_TEKUN_DISPERSED]   = { PROFILE_TEKUN_DISPERSED, FALSE },
  [JZ_DEMO_TEKUN_CENTRALIZED] = { PROFILE_TEKUN_CENTRALIZED, FALSE },
  [JZ_DEMO_TEMPORARY]         = { PROFILE_TEMPORARY, TRUE },
  [JZ_DEMO_DISABILITY_LIVING] = { PROFILE_DIBAO, TRUE },
  [JZ_DEMO_DISABILITY_CARE]   = { PROFILE_DISABILITY, FALSE },
  [JZ_DEMO_CHILD_LIVING]      = { PROFILE_CHILD, FALSE },
  [JZ_DEMO_LOW_INCOME]        = { PROFILE_LOW_INCOME, TRUE },
};

/* Where people who married or moved in were born. */
static const char * const other_birthplaces[] = {
  "370303", "370304", "370305", "370306", "370321", "370322", "370323",
  "370102", "370181", "370202", "371302",
};

/* By the code on the disability certificate: 1 visual … 7 multiple. */
static const guint disability_kind_weights[] = { 12, 12, 3, 38, 13, 14, 8 };
static const guint disability_grade_weights[] = { 12, 28, 32, 28 };

#define KIND_VISUAL       1
#define KIND_HEARING      2
#define KIND_SPEECH       3
#define KIND_LIMB         4
#define KIND_INTELLECTUAL 5
#define KIND_MENTAL       6

/* Context of one household while it is being made up. */
typedef struct
{
  JzDemo          *demo;
  JzDemoHousehold *hh;
  Profile          profile;
  IncomeMode       income;
  gboolean         force;
  gboolean         split;
  int              dibao;        /* index of the dibao case, -1 when none */
  gboolean         dibao_rejected_for_income;
} Build;

/* --- ID numbers -------------------------------------------------------- */

void
jz_demo_id_set_init (JzDemoIdSet *set,
                     gsize        expected)
{
  gsize size = 1024;

  while (size < expected * 2)
    size *= 2;

  set->slots = g_new0 (guint64, size);
  set->mask = size - 1;
  set->used = 0;
}

void
jz_demo_id_set_clear (JzDemoIdSet *set)
{
  g_clear_pointer (&set->slots, g_free);
  set->mask = 0;
  set->used = 0;
}

static gsize
id_slot (const JzDemoIdSet *set,
         guint64            key)
{
  gsize i = (gsize) ((key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 20) & set->mask;

  while (set->slots[i] != 0 && set->slots[i] != key)
    i = (i + 1) & set->mask;

  return i;
}

/* FALSE when the key was already there.  Keys are the first 17 digits read
 * as a number, never 0 because no province code starts with 0. */
static gboolean
id_set_add (JzDemoIdSet *set,
            guint64      key)
{
  gsize i;

  if ((set->used + 1) * 10 > (set->mask + 1) * 7)
    {
      guint64 *old = set->slots;
      gsize old_size = set->mask + 1;

      set->slots = g_new0 (guint64, old_size * 2);
      set->mask = old_size * 2 - 1;
      for (gsize j = 0; j < old_size; j++)
        if (old[j] != 0)
          set->slots[id_slot (set, old[j])] = old[j];
      g_free (old);
    }

  i = id_slot (set, key);
  if (set->slots[i] == key)
    return FALSE;

  set->slots[i] = key;
  set->used++;
  return TRUE;
}

static void
put_digits (char *out,
            guint value,
            guint width)
{
  for (guint i = width; i > 0; i--)
    {
      out[i - 1] = (char) ('0' + value % 10);
      value /= 10;
    }
}

/* Region of birth, birth date, a sequence number odd for men and even for
 * women, and the check character; never one already given out. */
static void
assign_id_number (JzDemo       *demo,
                  JzDemoMember *m,
                  gboolean      from_elsewhere)
{
  const char *region = JZ_DEMO_DISTRICT_CODE;
  int y, mo, d;

  if (from_elsewhere)
    region = other_birthplaces[jz_demo_rng_below (&demo->rng, G_N_ELEMENTS (other_birthplaces))];

  jz_demo_civil_from_days (m->birth, &y, &mo, &d);
  memcpy (m->id_number, region, 6);
  put_digits (m->id_number + 6, (guint) y, 4);
  put_digits (m->id_number + 10, (guint) mo, 2);
  put_digits (m->id_number + 12, (guint) d, 2);

  for (;;)
    {
      guint seq = jz_demo_rng_below (&demo->rng, 500) * 2 + (m->sex == 'M' ? 1 : 0);
      guint64 key = 0;

      put_digits (m->id_number + 14, seq, 3);
      for (guint i = 0; i < 17; i++)
        key = key * 10 + (guint64) (m->id_number[i] - '0');
      if (id_set_add (&demo->ids, key))
        break;
    }

  m->id_number[17] = jz_id_number_check_char (m->id_number);
  m->id_number[18] = '\0';
}

/* --- the family -------------------------------------------------------- */

static int
random_day (JzDemo *demo,
            int     from,
            int     to)
{
  if (to <= from)
    return from;
  return jz_demo_rng_range (&demo->rng, from, to);
}

static int
age_now (const JzDemo       *demo,
         const JzDemoMember *m)
{
  return jz_demo_age_at (m->birth, demo->end);
}

static JzDemoMember *
add_member (Build          *b,
            JzDemoRelation  relation,
            char            sex,
            int             age,
            const char     *surname,
            gboolean        from_elsewhere)
{
  JzDemo *demo = b->demo;
  JzDemoMember *m = &b->hh->m[b->hh->n++];
  int y, mo, d, year;

  g_assert (b->hh->n <= JZ_DEMO_MAX_MEMBERS);

  age = CLAMP (age, 0, 98);
  jz_demo_civil_from_days (demo->end, &y, &mo, &d);
  m->birth = random_day (demo,
                         jz_demo_date_clamped (y - age - 1, mo, d) + 1,
                         jz_demo_date_clamped (y - age, mo, d));
  m->sex = sex;
  m->relation = relation;
  m->employment = JZ_DEMO_NO_WORK;

  jz_demo_civil_from_days (m->birth, &year, &mo, &d);
  jz_demo_person_name (&demo->rng, surname, sex, year, m->name, sizeof m->name);
  assign_id_number (demo, m, from_elsewhere);

  return m;
}

static char
other_sex (char sex)
{
  return sex == 'M' ? 'F' : 'M';
}

static char
pick_sex (Build *b,
          guint  male_per_mille)
{
  return jz_demo_rng_permille (&b->demo->rng, male_per_mille) ? 'M' : 'F';
}

static void
set_disability (Build        *b,
                JzDemoMember *m,
                int           kind,
                int           grade)
{
  JzDemoRng *rng = &b->demo->rng;

  m->disability_kind = kind > 0 ? kind : 1 + (int) jz_demo_rng_weighted (rng, disability_kind_weights, G_N_ELEMENTS (disability_kind_weights));
  m->disability_grade = grade > 0 ? grade : 1 + (int) jz_demo_rng_weighted (rng, disability_grade_weights, G_N_ELEMENTS (disability_grade_weights));
}

/* The disabilities that make an adult without support eligible for tekun:
 * intellectual or mental grade 1–3, limb 1–2, visual 1. */
static void
set_tekun_disability (Build        *b,
                      JzDemoMember *m)
{
  JzDemoRng *rng = &b->demo->rng;

  switch (jz_demo_rng_below (rng, 4))
    {
    case 0:  set_disability (b, m, KIND_INTELLECTUAL, jz_demo_rng_range (rng, 1, 3)); break;
    case 1:  set_disability (b, m, KIND_MENTAL, jz_demo_rng_range (rng, 1, 3)); break;
    case 2:  set_disability (b, m, KIND_LIMB, jz_demo_rng_range (rng, 1, 2)); break;
    default: set_disability (b, m, KIND_VISUAL, 1); break;
    }
}

static void
add_children (Build      *b,
              int         mother_age,
              int         count,
              const char *surname)
{
  JzDemoRng *rng = &b->demo->rng;

  for (int i = 0; i < count && b->hh->n < JZ_DEMO_MAX_MEMBERS; i++)
    {
      int age = mother_age - jz_demo_rng_range (rng, 20, MIN (40, MAX (20, mother_age)));

      add_member (b, JZ_DEMO_CHILD, pick_sex (b, 520), MAX (age, 0), surname,
                  jz_demo_rng_permille (rng, 20));
    }
}

static void
compose (Build  *b,
         Family  family)
{
  JzDemoRng *rng = &b->demo->rng;
  const char *surname = jz_demo_surname (rng);
  const char *child_surname = surname;
  const char *spouse_surname = NULL;
  JzDemoMember *head, *spouse = NULL;
  int age;
  char sex;

  switch (family)
    {
    case FAMILY_SINGLE:
      if (b->profile == PROFILE_TEKUN_DISPERSED || b->profile == PROFILE_TEKUN_CENTRALIZED)
        {
          guint r = jz_demo_rng_below (rng, 100);

          /* Mostly the old; some disabled adults and orphans without support. */
          if (r < 75 || b->force)
            age = jz_demo_rng_range (rng, 60, 95);
          else if (r < 95)
            age = jz_demo_rng_range (rng, 25, 59);
          else
            age = jz_demo_rng_range (rng, 8, 17);
        }
      else
        age = jz_demo_rng_permille (rng, 650) ? jz_demo_rng_range (rng, 60, 92) : jz_demo_rng_range (rng, 25, 59);
      sex = age >= 60 ? pick_sex (b, 450) : pick_sex (b, 600);
      head = add_member (b, JZ_DEMO_HEAD, sex, age, surname, FALSE);
      if ((b->profile == PROFILE_TEKUN_DISPERSED || b->profile == PROFILE_TEKUN_CENTRALIZED) && age < 60)
        set_tekun_disability (b, head);
      return;

    case FAMILY_COUPLE:
      age = jz_demo_rng_permille (rng, 700) ? jz_demo_rng_range (rng, 58, 88) : jz_demo_rng_range (rng, 30, 57);
      head = add_member (b, JZ_DEMO_HEAD, pick_sex (b, 880), age, surname, FALSE);
      add_member (b, JZ_DEMO_SPOUSE, other_sex (head->sex),
                  head->sex == 'M' ? age - jz_demo_rng_range (rng, -2, 6) : age + jz_demo_rng_range (rng, -2, 6),
                  jz_demo_surname (rng), jz_demo_rng_permille (rng, 250));
      return;

    case FAMILY_SINGLE_PARENT:
      age = jz_demo_rng_range (rng, 28, 55);
      head = add_member (b, JZ_DEMO_HEAD, pick_sex (b, 300), age, surname, FALSE);
      if (head->sex == 'F' && jz_demo_rng_permille (rng, 700))
        child_surname = jz_demo_surname (rng);
      add_children (b, age, jz_demo_rng_range (rng, 1, 3), child_surname);
      return;

    case FAMILY_NUCLEAR:
    case FAMILY_THREE_GENERATIONS:
      age = family == FAMILY_NUCLEAR ? jz_demo_rng_range (rng, 28, 55) : jz_demo_rng_range (rng, 30, 52);
      head = add_member (b, JZ_DEMO_HEAD, pick_sex (b, 880), age, surname, FALSE);
      spouse = add_member (b, JZ_DEMO_SPOUSE, other_sex (head->sex),
                           head->sex == 'M' ? age - jz_demo_rng_range (rng, -2, 6) : age + jz_demo_rng_range (rng, -2, 6),
                           jz_demo_surname (rng), jz_demo_rng_permille (rng, 250));
      if (head->sex == 'F')
        child_surname = jz_demo_surname (rng);
      add_children (b, age_now (b->demo, head->sex == 'F' ? head : spouse),
                    family == FAMILY_NUCLEAR ? jz_demo_rng_range (rng, 1, 3) : jz_demo_rng_range (rng, 1, 2),
                    child_surname);
      if (family == FAMILY_THREE_GENERATIONS)
        {
          /* One widowed parent is more often the mother. */
          gboolean both = jz_demo_rng_permille (rng, 450);
          gboolean father = both || jz_demo_rng_permille (rng, 400);
          int father_age = age + jz_demo_rng_range (rng, 24, 34);
          int mother_age = father_age - jz_demo_rng_range (rng, 0, 5);

          if (father && father_age <= 95)
            add_member (b, JZ_DEMO_PARENT, 'M', father_age, surname, FALSE);
          if ((both || !father) && mother_age <= 95)
            add_member (b, JZ_DEMO_PARENT, 'F', mother_age, jz_demo_surname (rng), jz_demo_rng_permille (rng, 150));
        }
      return;

    case FAMILY_SKIPPED_GENERATION:
      age = jz_demo_rng_range (rng, 55, 80);
      head = add_member (b, JZ_DEMO_HEAD, pick_sex (b, 500), age, surname, FALSE);
      if (jz_demo_rng_permille (rng, 600))
        {
          spouse_surname = jz_demo_surname (rng);
          spouse = add_member (b, JZ_DEMO_SPOUSE, other_sex (head->sex),
                               head->sex == 'M' ? age - jz_demo_rng_range (rng, -2, 5) : age + jz_demo_rng_range (rng, -2, 5),
                               spouse_surname, jz_demo_rng_permille (rng, 200));
        }
      /* Mostly a son's children, who carry the grandfather's name. */
      if (head->sex == 'F')
        child_surname = spouse != NULL ? spouse_surname : jz_demo_surname (rng);
      if (!jz_demo_rng_permille (rng, 650))
        child_surname = jz_demo_surname (rng);
      for (int i = jz_demo_rng_range (rng, 1, 2); i > 0; i--)
        {
          int child_age = b->force ? jz_demo_rng_range (rng, 2, 15)
                        : b->profile == PROFILE_CHILD ? jz_demo_rng_range (rng, 1, 18)
                        : jz_demo_rng_range (rng, 2, 17);

          add_member (b, JZ_DEMO_GRANDCHILD, pick_sex (b, 520), child_age, child_surname, FALSE);
        }
      return;

    case FAMILY_SIBLINGS:
      age = jz_demo_rng_range (rng, 35, 70);
      head = add_member (b, JZ_DEMO_HEAD, pick_sex (b, 550), age, surname, FALSE);
      set_disability (b, add_member (b, JZ_DEMO_SIBLING, pick_sex (b, 550),
                                     MAX (18, age + jz_demo_rng_range (rng, -8, 8)), surname, FALSE),
                      jz_demo_rng_permille (rng, 500) ? KIND_INTELLECTUAL : 0, jz_demo_rng_range (rng, 1, 3));
      return;

    case FAMILY_ELDERS_WITH_CHILD:
      age = jz_demo_rng_range (rng, 62, 88);
      head = add_member (b, JZ_DEMO_HEAD, pick_sex (b, 800), age, surname, FALSE);
      if (jz_demo_rng_permille (rng, 600))
        spouse = add_member (b, JZ_DEMO_SPOUSE, other_sex (head->sex),
                             head->sex == 'M' ? age - jz_demo_rng_range (rng, -2, 5) : age + jz_demo_rng_range (rng, -2, 5),
                             jz_demo_surname (rng), jz_demo_rng_permille (rng, 200));
      if (head->sex == 'F' && spouse != NULL)
        child_surname = jz_demo_surname (rng);
      set_disability (b, add_member (b, JZ_DEMO_CHILD, pick_sex (b, 550),
                                     MAX (20, age - jz_demo_rng_range (rng, 22, 35)), child_surname, FALSE),
                      jz_demo_rng_permille (rng, 600) ? KIND_INTELLECTUAL + (int) jz_demo_rng_below (rng, 2) : 0,
                      jz_demo_rng_range (rng, 1, 3));
      return;

    case N_FAMILIES:
    default:
      g_assert_not_reached ();
    }
}

/* Disability, illness, capacity to work, self-care, occupation. */
static void
facts (Build *b)
{
  JzDemoRng *rng = &b->demo->rng;
  JzDemoHousehold *hh = b->hh;
  gboolean poor = b->profile == PROFILE_DIBAO || b->profile == PROFILE_TEKUN_DISPERSED ||
                  b->profile == PROFILE_TEKUN_CENTRALIZED;

  for (guint i = 0; i < hh->n; i++)
    {
      JzDemoMember *m = &hh->m[i];
      int age = age_now (b->demo, m);
      gboolean sensory;
      guint rate;

      if (m->disability_kind == 0)
        {
          rate = age < 18 ? 20 : age < 60 ? 50 : 90;
          if (poor)
            rate = rate * 3 / 2;
          if (jz_demo_rng_permille (rng, rate))
            set_disability (b, m, 0, 0);
        }

      if (age >= 18)
        {
          rate = age < 60 ? 30 : 80;
          if (poor)
            rate = rate * 3 / 2;
          if (jz_demo_rng_permille (rng, rate))
            m->illness = jz_demo_illness (rng);
        }
      /* A temporary-assistance family usually came because of an illness. */
      if (i == 0 && b->profile == PROFILE_TEMPORARY && m->illness == NULL && jz_demo_rng_permille (rng, 600))
        m->illness = jz_demo_illness (rng);

      /* Deafness or a speech disability limits work but rarely needs care;
       * the other kinds at grade 1–2 usually do both. */
      sensory = m->disability_kind == KIND_HEARING || m->disability_kind == KIND_SPEECH;
      if (age < 18 || age >= 70 || (!sensory && (m->disability_grade == 1 || m->disability_grade == 2)) ||
          ((m->disability_kind == KIND_INTELLECTUAL || m->disability_kind == KIND_MENTAL) && m->disability_grade == 3))
        m->labour = 2;
      else if (m->illness != NULL)
        m->labour = jz_demo_rng_permille (rng, 600) ? 2 : 1;
      else if (age >= 60 || m->disability_grade != 0)
        m->labour = 1;
      else
        m->labour = 0;

      if (sensory)
        m->care = 0;
      else if (m->disability_grade == 1)
        m->care = jz_demo_rng_permille (rng, 600) ? 2 : 1;
      else if (m->disability_grade == 2)
        m->care = jz_demo_rng_permille (rng, 500) ? 1 : 0;
      if (age >= 85 && m->care < 2)
        {
          guint r = jz_demo_rng_below (rng, 100);
          m->care = MAX (m->care, r < 15 ? 2 : r < 50 ? 1 : 0);
        }
      else if (age >= 75 && m->care == 0 && jz_demo_rng_permille (rng, 150))
        m->care = 1;
      if (m->illness != NULL && m->care == 0 && jz_demo_rng_permille (rng, 250))
        m->care = 1;

      if (age < 6)
        m->employment = JZ_DEMO_NO_WORK;
      else if (age < 18 || (age <= 22 && m->labour != 2 && jz_demo_rng_permille (rng, 400)))
        m->employment = JZ_DEMO_STUDENT;
      else if (age >= 60 || m->labour == 2)
        {
          if (hh->urban && b->income == INCOME_ORDINARY && age >= 60 && jz_demo_rng_permille (rng, 500))
            m->employment = JZ_DEMO_RETIRED;
          else if (!hh->urban && m->labour != 2 && jz_demo_rng_permille (rng, 450))
            m->employment = JZ_DEMO_FARMING_WORK;
          else
            m->employment = JZ_DEMO_NO_WORK;
        }
      else if (!hh->urban)
        {
          static const guint weights[] = { 150, 600, 50, 200 };
          static const JzDemoEmployment kinds[] = { JZ_DEMO_EMPLOYED, JZ_DEMO_FARMING_WORK, JZ_DEMO_SELF_EMPLOYED, JZ_DEMO_UNEMPLOYED };
          m->employment = kinds[jz_demo_rng_weighted (rng, weights, G_N_ELEMENTS (weights))];
        }
      else
        {
          static const guint weights[] = { 400, 150, 450 };
          static const guint poor_weights[] = { 250, 100, 650 };
          static const JzDemoEmployment kinds[] = { JZ_DEMO_EMPLOYED, JZ_DEMO_SELF_EMPLOYED, JZ_DEMO_UNEMPLOYED };
          m->employment = kinds[jz_demo_rng_weighted (rng, poor ? poor_weights : weights, G_N_ELEMENTS (weights))];
        }
    }

}

/* --- income ------------------------------------------------------------ */

static void
add_income (JzDemoMember     *m,
            JzDemoIncomeKind  kind,
            gint64            amount)
{
  /* Clerks record whole yuan. */
  amount -= amount % 100;
  if (amount <= 0 || m->n_incomes >= G_N_ELEMENTS (m->income))
    return;
  m->income_kind[m->n_incomes] = kind;
  m->income[m->n_incomes] = amount;
  m->n_incomes++;
}

static gint64
member_income (const JzDemoMember *m)
{
  gint64 total = 0;

  for (guint i = 0; i < m->n_incomes; i++)
    total += m->income[i];
  return total;
}

static gint64
household_income (const JzDemoHousehold *hh)
{
  gint64 total = 0;

  /* A member who dies within a family stops earning (maybe_member_dies()
   * drops the incomes); one living alone had them until death. */
  for (guint i = 0; i < hh->n; i++)
    total += member_income (&hh->m[i]);
  return total;
}

/* Cuts the largest item until the per-capita income is below @limit. */
static void
cap_income (JzDemoHousehold *hh,
            gint64           limit)
{
  guint n = hh->n;

  while ((household_income (hh) + n / 2) / n >= limit)
    {
      JzDemoMember *top = NULL;
      guint top_i = 0;

      for (guint i = 0; i < hh->n; i++)
        for (guint j = 0; j < hh->m[i].n_incomes; j++)
          if (top == NULL || hh->m[i].income[j] > top->income[top_i])
            {
              top = &hh->m[i];
              top_i = j;
            }

      if (top == NULL)
        break;
      top->income[top_i] = top->income[top_i] / 200 * 100;
    }
}

static gint64
std_dibao (const JzDemo *demo,
           gboolean      urban,
           int           day)
{
  return jz_demo_standard_at (demo, urban ? JZ_DEMO_SERIES_DIBAO_URBAN : JZ_DEMO_SERIES_DIBAO_RURAL, day);
}

static void
incomes (Build *b)
{
  JzDemo *demo = b->demo;
  JzDemoRng *rng = &demo->rng;
  JzDemoHousehold *hh = b->hh;
  gint64 std_first = std_dibao (demo, hh->urban, demo->first_standard);
  gint64 std_end = std_dibao (demo, hh->urban, demo->end);
  gint64 target, fixed = 0, remain;
  guint n = hh->n, weight_sum = 0, workers = 0;

  for (guint i = 0; i < hh->n; i++)
    if (hh->m[i].employment == JZ_DEMO_EMPLOYED || hh->m[i].employment == JZ_DEMO_FARMING_WORK ||
        hh->m[i].employment == JZ_DEMO_SELF_EMPLOYED || hh->m[i].employment == JZ_DEMO_RETIRED)
      workers++;

  switch (b->income)
    {
    case INCOME_POOR:
      target = jz_demo_rng_permille (rng, 250) ? 0 : std_first * jz_demo_rng_range (rng, 50, 850) / 1000;
      break;
    case INCOME_TEKUN:
      target = jz_demo_rng_permille (rng, 500) ? 0 : std_first * jz_demo_rng_range (rng, 50, 400) / 1000;
      break;
    case INCOME_ABOVE:
      target = std_end * jz_demo_rng_range (rng, 1050, 1600) / 1000;
      break;
    case INCOME_MARGIN:
      target = std_end * jz_demo_rng_range (rng, 1020, 1500) / 1000;
      break;
    case INCOME_ORDINARY:
    default:
      /* Without anyone earning, a family lives on pensions and what
       * relatives send: a little above the line, not three times it. */
      target = std_end * (workers > 0 ? jz_demo_rng_range (rng, 1200, 3500) : jz_demo_rng_range (rng, 1050, 1600)) / 1000;
      break;
    }

  for (guint i = 0; i < hh->n; i++)
    {
      JzDemoMember *m = &hh->m[i];

      if (m->employment == JZ_DEMO_RETIRED)
        add_income (m, JZ_DEMO_PENSION, jz_demo_rng_range (rng, 1800, 3800) * 100);
      else if (age_now (demo, m) >= 60)
        add_income (m, JZ_DEMO_PENSION, hh->urban ? jz_demo_rng_range (rng, 180, 300) * 100
                                                  : jz_demo_rng_range (rng, 150, 220) * 100);
      fixed += member_income (m);

      if (m->employment == JZ_DEMO_EMPLOYED || m->employment == JZ_DEMO_FARMING_WORK ||
          m->employment == JZ_DEMO_SELF_EMPLOYED)
        weight_sum += m->labour == 0 ? 2 : 1;
    }

  remain = target * n - fixed;
  if (remain > 0 && weight_sum > 0)
    {
      for (guint i = 0; i < hh->n; i++)
        {
          JzDemoMember *m = &hh->m[i];
          static const JzDemoIncomeKind kinds[] = {
            [JZ_DEMO_EMPLOYED] = JZ_DEMO_WAGE,
            [JZ_DEMO_FARMING_WORK] = JZ_DEMO_FARMING,
            [JZ_DEMO_SELF_EMPLOYED] = JZ_DEMO_BUSINESS,
          };

          if (m->employment == JZ_DEMO_EMPLOYED || m->employment == JZ_DEMO_FARMING_WORK ||
              m->employment == JZ_DEMO_SELF_EMPLOYED)
            add_income (m, kinds[m->employment], remain * (m->labour == 0 ? 2 : 1) / weight_sum);
        }
    }
  else if (remain > 0 && b->income != INCOME_TEKUN)
    /* Support from children or relatives living elsewhere (赡养费). */
    add_income (&hh->m[0], JZ_DEMO_TRANSFER, remain);

  if (b->income == INCOME_ORDINARY && jz_demo_rng_permille (rng, 60))
    add_income (&hh->m[0], JZ_DEMO_PROPERTY, jz_demo_rng_range (rng, 200, 800) * 100);

  /* Keep a gap to the oldest standard, so every month of the history has
   * a positive amount. */
  if (b->income == INCOME_POOR || b->income == INCOME_TEKUN)
    cap_income (hh, std_first * 95 / 100);

  hh->income_now = household_income (hh);
  if (hh->income_rose_on != 0)
    hh->income_before = (gint64) n * (std_first * jz_demo_rng_range (rng, 300, 800) / 1000);
}

/* --- cases ------------------------------------------------------------- */

static JzDemoCasePlan *
new_case (Build         *b,
          JzDemoProgram  program,
          int            member)
{
  JzDemoCasePlan *c = &b->hh->cases[b->hh->n_cases++];

  g_assert (b->hh->n_cases <= JZ_DEMO_MAX_CASES);
  memset (c, 0, sizeof *c);
  c->program = program;
  c->member = member;
  c->outcome = JZ_DEMO_APPROVE;
  return c;
}

/* An application decided before the history starts: the case was already
 * running when the 24 months begin. */
static int
carried_applied_on (JzDemo *demo)
{
  return random_day (demo, demo->first_standard + 15, demo->history_start - 90);
}

/* The last day a new application can be made and still be decided before
 * the household closes or the person dies. */
static int
last_application_day (const Build *b,
                      int          member)
{
  int last = b->demo->end;

  if (b->hh->closed_on != 0)
    last = MIN (last, b->hh->closed_on - 75);
  if (member >= 0 && b->hh->m[member].died_on != 0)
    last = MIN (last, b->hh->m[member].died_on - 75);
  return last;
}

static void
plan_dibao (Build    *b,
            gboolean  may_split)
{
  static const char * const other_reasons[] = {
    "家庭财产状况不符合规定",
    "有赡养能力的法定赡养人未履行赡养义务",
    "申请人不配合家庭经济状况调查",
  };
  JzDemo *demo = b->demo;
  JzDemoRng *rng = &demo->rng;
  JzDemoHousehold *hh = b->hh;
  JzDemoCasePlan *c = new_case (b, hh->urban ? JZ_DEMO_DIBAO_URBAN : JZ_DEMO_DIBAO_RURAL, -1);
  gboolean carried = b->force || jz_demo_rng_permille (rng, 650);
  int earliest;
  guint r;

  b->dibao = (int) hh->n_cases - 1;
  b->income = INCOME_POOR;

  if (carried)
    c->applied_on = carried_applied_on (demo);
  else
    {
      c->applied_on = random_day (demo, demo->history_start, demo->end);
      r = jz_demo_rng_below (rng, 1000);
      if (r < 80)
        {
          c->outcome = jz_demo_rng_permille (rng, 700) ? JZ_DEMO_REJECT : JZ_DEMO_REJECT_EARLY;
          if (jz_demo_rng_permille (rng, 650))
            {
              c->reason = "家庭人均收入高于当地低保标准";
              b->income = INCOME_ABOVE;
              b->dibao_rejected_for_income = TRUE;
            }
          else
            c->reason = other_reasons[jz_demo_rng_below (rng, G_N_ELEMENTS (other_reasons))];
        }
      else if (r < 110)
        c->outcome = JZ_DEMO_WITHDRAW;
    }

  if (c->outcome != JZ_DEMO_APPROVE || b->force)
    return;

  earliest = MAX (c->applied_on + 90, demo->history_start);

  if (may_split && carried && hh->n >= 2 && hh->m[1].relation == JZ_DEMO_SPOUSE &&
      age_now (demo, &hh->m[0]) >= 50 && jz_demo_rng_permille (rng, 25))
    {
      b->split = TRUE;
      return;
    }

  r = jz_demo_rng_below (rng, 1000);
  if (r < 110 && earliest < demo->end - 30)
    {
      static const guint weights[] = { 45, 15, 25, 10, 5 };

      switch (jz_demo_rng_weighted (rng, weights, G_N_ELEMENTS (weights)))
        {
        case 0:
          hh->income_rose_on = random_day (demo, earliest, demo->end - 30);
          b->income = INCOME_ABOVE;
          c->exit_from = hh->income_rose_on;
          c->end_on = jz_demo_month_start (hh->income_rose_on, demo->gradual_exit_months + 1);
          c->end_reason = "家庭人均收入超过低保标准，渐退期满";
          if (c->end_on > demo->end)
            c->end_on = 0;
          break;

        case 1:
          hh->closed_on = random_day (demo, earliest, demo->end);
          hh->moved_away = TRUE;
          break;

        case 2:
          if (hh->n == 1)
            {
              hh->m[0].died_on = random_day (demo, earliest, demo->end - 10);
              hh->closed_on = MIN (demo->end, hh->m[0].died_on + jz_demo_rng_range (rng, 5, 25));
              break;
            }
          G_GNUC_FALLTHROUGH;

        case 3:
          c->end_on = random_day (demo, earliest, demo->end);
          c->end_reason = "本人申请退出低保";
          break;

        default:
          c->end_on = random_day (demo, earliest, demo->end);
          c->end_reason = "复核发现家庭经济状况不符合条件";
          break;
        }
    }
  else if (r < 125 && earliest < demo->end - 10)
    {
      c->suspend_on = random_day (demo, earliest, demo->end - 10);
      if (jz_demo_rng_permille (rng, 500) && c->suspend_on + 120 <= demo->end)
        c->resume_on = c->suspend_on + jz_demo_rng_range (rng, 30, 120);
    }
}

static void
plan_tekun (Build         *b,
            JzDemoProgram  program)
{
  JzDemo *demo = b->demo;
  JzDemoRng *rng = &demo->rng;
  JzDemoHousehold *hh = b->hh;
  JzDemoCasePlan *c = new_case (b, program, 0);
  gboolean carried = b->force || jz_demo_rng_permille (rng, 800);
  int earliest;

  b->income = INCOME_TEKUN;
  if (carried)
    c->applied_on = carried_applied_on (demo);
  else
    {
      c->applied_on = random_day (demo, demo->history_start, demo->end);
      if (jz_demo_rng_permille (rng, 80))
        {
          c->outcome = JZ_DEMO_REJECT;
          c->reason = "经调查不符合特困人员认定条件";
        }
    }

  earliest = MAX (c->applied_on + 90, demo->history_start);
  if (!b->force && c->outcome == JZ_DEMO_APPROVE && age_now (demo, &hh->m[0]) >= 70 &&
      earliest < demo->end - 10 && jz_demo_rng_permille (rng, 90))
    {
      hh->m[0].died_on = random_day (demo, earliest, demo->end - 10);
      hh->closed_on = MIN (demo->end, hh->m[0].died_on + jz_demo_rng_range (rng, 5, 25));
    }
}

static void
plan_low_income (Build *b,
                 int    applied_on)
{
  JzDemo *demo = b->demo;
  JzDemoCasePlan *c;

  if (applied_on > last_application_day (b, -1))
    return;

  c = new_case (b, JZ_DEMO_LOW_INCOME, -1);
  c->applied_on = applied_on;
  if (!b->force && applied_on + 150 < demo->end && jz_demo_rng_permille (&demo->rng, 50))
    {
      c->end_on = random_day (demo, MAX (applied_on + 90, demo->history_start), demo->end);
      c->end_reason = "家庭收入增加，退出低收入监测";
    }
}

static void
plan_temporary (Build *b,
                int    first_day)
{
  static const char * const emergencies[] = {
    "家中失火，先行救助",
    "遭遇交通事故，先行救助",
    "房屋因暴雨受损，先行救助",
  };
  JzDemo *demo = b->demo;
  JzDemoRng *rng = &demo->rng;
  JzDemoHousehold *hh = b->hh;
  int from = MAX (first_day, demo->history_start);
  int last = last_application_day (b, -1);
  gboolean ill = FALSE, student = FALSE;
  JzDemoCasePlan *c;

  if (last < from)
    return;

  c = new_case (b, JZ_DEMO_TEMPORARY, -1);
  c->applied_on = random_day (demo, from, last);
  for (guint i = 0; i < hh->n; i++)
    {
      int age = jz_demo_age_at (hh->m[i].birth, c->applied_on);

      ill |= hh->m[i].illness != NULL;
      student |= hh->m[i].employment == JZ_DEMO_STUDENT && age >= 15;
    }

  if (ill)
    {
      int steps = (demo->temp_illness_bp[1] - demo->temp_illness_bp[0]) / 5000;
      c->temp_rate_bp = demo->temp_illness_bp[0] + 5000 * jz_demo_rng_range (rng, 0, steps);
      c->temp_note = "因病致贫临时救助";
    }
  else if (student)
    {
      int steps = (demo->temp_education_bp[1] - demo->temp_education_bp[0]) / 5000;
      c->temp_rate_bp = demo->temp_education_bp[0] + 5000 * jz_demo_rng_range (rng, 0, steps);
      c->temp_note = "因学临时救助";
    }
  else
    {
      c->temp_rate_bp = 5000 * jz_demo_rng_range (rng, 2, 6);
      c->temp_note = emergencies[jz_demo_rng_below (rng, G_N_ELEMENTS (emergencies))];
      c->emergency = TRUE;
    }

  if (!b->force && !c->emergency && jz_demo_rng_permille (rng, 50))
    {
      c->outcome = JZ_DEMO_REJECT_EARLY;
      c->reason = "经调查不符合临时救助条件";
    }
}

/* A person's case, applied for before the history or within it. */
static gboolean
person_case_day (Build *b,
                 int    member,
                 int    first_day,
                 int    carried_per_mille,
                 int   *applied_on)
{
  JzDemo *demo = b->demo;
  const JzDemoMember *m = &b->hh->m[member];
  int from = MAX (first_day, m->birth + 60);
  int last = last_application_day (b, member);

  if ((b->force || jz_demo_rng_permille (&demo->rng, (guint) carried_per_mille)) &&
      from < demo->history_start - 90)
    *applied_on = random_day (demo, MAX (from, demo->first_standard + 15), demo->history_start - 90);
  else
    *applied_on = random_day (demo, MAX (from, demo->history_start), last);

  return *applied_on >= from && *applied_on <= last;
}

static void
plan_person_cases (Build *b,
                   int    first_day)
{
  JzDemo *demo = b->demo;
  JzDemoRng *rng = &demo->rng;
  JzDemoHousehold *hh = b->hh;
  const JzDemoCasePlan *dibao = b->dibao >= 0 ? &hh->cases[b->dibao] : NULL;
  gboolean tekun = b->profile == PROFILE_TEKUN_DISPERSED || b->profile == PROFILE_TEKUN_CENTRALIZED;

  for (guint i = 0; i < hh->n; i++)
    {
      const JzDemoMember *m = &hh->m[i];
      JzDemoCasePlan *c;
      int day;

      if (m->disability_kind != 0 && !tekun &&
          ((dibao != NULL && dibao->outcome == JZ_DEMO_APPROVE) ||
           (b->profile == PROFILE_LOW_INCOME && jz_demo_rng_permille (rng, 500))))
        {
          int from = first_day;
          int carried = 600;

          /* The living subsidy follows the dibao: applied for right after it. */
          if (dibao != NULL)
            {
              from = MAX (from, dibao->applied_on + jz_demo_rng_range (rng, 40, 120));
              carried = dibao->applied_on < demo->history_start ? 1000 : 0;
            }
          if (person_case_day (b, (int) i, from, carried, &day))
            {
              c = new_case (b, JZ_DEMO_DISABILITY_LIVING, (int) i);
              c->applied_on = day;
              if (dibao != NULL && dibao->end_on != 0 && dibao->end_on > day + 75)
                {
                  c->end_on = dibao->end_on;
                  c->end_reason = "家庭退出低保，不再符合困难残疾人生活补贴条件";
                }
            }
        }

      if (m->disability_grade >= 1 && m->disability_grade <= 2 && !tekun &&
          person_case_day (b, (int) i, first_day, 700, &day))
        {
          c = new_case (b, JZ_DEMO_DISABILITY_CARE, (int) i);
          c->applied_on = day;
        }

      if (b->profile == PROFILE_CHILD && m->relation == JZ_DEMO_GRANDCHILD &&
          person_case_day (b, (int) i, first_day, 700, &day))
        {
          int adult = jz_demo_birthday (m->birth, 18);

          if (adult > day + 90)
            {
              c = new_case (b, JZ_DEMO_CHILD_LIVING, (int) i);
              c->applied_on = day;
              if (adult <= demo->end)
                {
                  c->end_on = adult;
                  c->end_reason = "年满18周岁";
                }
            }
        }
    }
}

/* An elderly member other than the head dies during the history, unless
 * that would lift the household above the dibao line. */
static void
maybe_member_dies (Build *b)
{
  JzDemo *demo = b->demo;
  JzDemoHousehold *hh = b->hh;
  gint64 limit = std_dibao (demo, hh->urban, demo->first_standard) * 95 / 100;

  if (b->force || b->split || hh->n < 2 || hh->closed_on != 0 || hh->income_rose_on != 0 ||
      !jz_demo_rng_permille (&demo->rng, 50))
    return;

  for (guint i = 1; i < hh->n; i++)
    {
      JzDemoMember *m = &hh->m[i];
      gint64 rest = hh->income_now - member_income (m);

      if (m->relation != JZ_DEMO_PARENT && age_now (demo, m) < 78)
        continue;
      if (b->income == INCOME_POOR && (rest + (hh->n - 1) / 2) / (hh->n - 1) >= limit)
        continue;

      m->died_on = random_day (demo, demo->history_start + 30, demo->end - 15);
      m->n_incomes = 0;
      hh->income_now = rest;
      return;
    }
}

static void
contact (Build *b)
{
  JzDemo *demo = b->demo;
  JzDemoRng *rng = &demo->rng;
  JzDemoHousehold *hh = b->hh;
  const JzDemoVillage *village = &demo->villages[hh->village];
  static const char mobile_second[] = "35789";
  const char *prefix;
  guint sum = 0;

  if (village->urban)
    g_snprintf (hh->address, sizeof hh->address, "%s%d号楼%d单元%d0%d室", village->name,
                jz_demo_rng_range (rng, 1, 36), jz_demo_rng_range (rng, 1, 4),
                jz_demo_rng_range (rng, 1, 7), jz_demo_rng_range (rng, 1, 4));
  else
    g_snprintf (hh->address, sizeof hh->address, "%s%d组%d号", village->name,
                jz_demo_rng_range (rng, 1, 12), jz_demo_rng_range (rng, 1, 90));

  hh->phone[0] = '1';
  hh->phone[1] = mobile_second[jz_demo_rng_below (rng, 5)];
  for (guint i = 2; i < 11; i++)
    hh->phone[i] = (char) ('0' + jz_demo_rng_below (rng, 10));
  hh->phone[11] = '\0';

  /* 19 digits with a Luhn check digit, as on a real card. */
  hh->bank = jz_demo_bank (rng, hh->urban, &prefix);
  memcpy (hh->account, prefix, 4);
  for (guint i = 4; i < 18; i++)
    hh->account[i] = (char) ('0' + jz_demo_rng_below (rng, 10));
  for (guint i = 0; i < 18; i++)
    {
      guint digit = (guint) (hh->account[17 - i] - '0');

      if (i % 2 == 0)
        digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      sum += digit;
    }
  hh->account[18] = (char) ('0' + (10 - sum % 10) % 10);
  hh->account[19] = '\0';
}

static guint
pick_village (JzDemo *demo,
              int     forced)
{
  for (;;)
    {
      guint v = jz_demo_rng_below (&demo->rng, demo->n_villages);

      if (forced < 0 || demo->villages[v].urban == forced_households[forced].urban)
        return v;
    }
}

static void
open_date (JzDemoHousehold *hh)
{
  hh->opened_on = hh->cases[0].applied_on;
  for (guint i = 1; i < hh->n_cases; i++)
    hh->opened_on = MIN (hh->opened_on, hh->cases[i].applied_on);
}

/* Makes up one household and plans its cases.  Returns TRUE when its head
 * is to die and the file be continued by a new household: then the caller
 * passes it to jz_demo_household_split(). */
gboolean
jz_demo_household_build (JzDemo          *demo,
                         JzDemoHousehold *hh,
                         int              forced,
                         gboolean         may_split)
{
  JzDemoRng *rng = &demo->rng;
  Build b = { demo, hh, 0, INCOME_ORDINARY, forced >= 0, FALSE, -1, FALSE };

  memset (hh, 0, sizeof *hh);
  b.profile = forced >= 0 ? forced_households[forced].profile
                          : (Profile) jz_demo_rng_weighted (rng, profile_weights, N_PROFILES);
  hh->village = pick_village (demo, forced);
  hh->urban = demo->villages[hh->village].urban;
  hh->notes = "";

  compose (&b, (Family) jz_demo_rng_weighted (rng, family_weights[b.profile], N_FAMILIES));
  if (forced == JZ_DEMO_DISABILITY_LIVING && hh->m[0].disability_kind == 0)
    set_disability (&b, &hh->m[0], KIND_LIMB, 4);
  if (b.profile == PROFILE_DISABILITY)
    {
      /* The reason this family is on file: a severely disabled member. */
      JzDemoMember *m = &hh->m[jz_demo_rng_below (rng, hh->n)];

      if (m->disability_grade == 0 || m->disability_grade > 2)
        set_disability (&b, m, 0, jz_demo_rng_range (rng, 1, 2));
    }

  switch (b.profile)
    {
    case PROFILE_DIBAO:
      plan_dibao (&b, may_split);
      break;
    case PROFILE_LOW_INCOME:
      b.income = INCOME_MARGIN;
      break;
    case PROFILE_TEKUN_DISPERSED:
      plan_tekun (&b, JZ_DEMO_TEKUN_DISPERSED);
      break;
    case PROFILE_TEKUN_CENTRALIZED:
      plan_tekun (&b, JZ_DEMO_TEKUN_CENTRALIZED);
      break;
    case PROFILE_CHILD:
      b.income = jz_demo_rng_permille (rng, 500) ? INCOME_MARGIN : INCOME_ORDINARY;
      break;
    case PROFILE_DISABILITY:
    case PROFILE_TEMPORARY:
    case N_PROFILES:
    default:
      break;
    }

  facts (&b);
  incomes (&b);
  maybe_member_dies (&b);

  /* A grown child who works elsewhere lives on the household register but
   * is left out of the dibao. */
  if (b.profile == PROFILE_DIBAO && hh->n >= 3 && jz_demo_rng_permille (rng, 40))
    for (guint i = hh->n; i-- > 1;)
      if (hh->m[i].relation == JZ_DEMO_CHILD && hh->m[i].died_on == 0 && age_now (demo, &hh->m[i]) >= 18)
        {
          hh->m[i].excluded = TRUE;
          break;
        }

  if (!b.split)
    {
      if (b.profile == PROFILE_LOW_INCOME)
        plan_low_income (&b, b.force || jz_demo_rng_permille (rng, 600)
                               ? carried_applied_on (demo)
                               : random_day (demo, demo->history_start, demo->end));
      if (b.dibao_rejected_for_income && jz_demo_rng_permille (rng, 400))
        plan_low_income (&b, hh->cases[b.dibao].applied_on + jz_demo_rng_range (rng, 60, 120));

      plan_person_cases (&b, demo->first_standard);

      if (b.profile == PROFILE_TEMPORARY ||
          ((b.profile == PROFILE_DIBAO || b.profile == PROFILE_LOW_INCOME) && jz_demo_rng_permille (rng, 120)))
        plan_temporary (&b, demo->first_standard);
      if (hh->n_cases == 0)
        plan_temporary (&b, demo->first_standard);
    }

  contact (&b);
  open_date (hh);
  return b.split;
}

static JzDemoRelation
relation_to_widow (JzDemoRelation relation)
{
  switch (relation)
    {
    case JZ_DEMO_CHILD:
    case JZ_DEMO_GRANDCHILD:
      return relation;
    case JZ_DEMO_SPOUSE:
      return JZ_DEMO_HEAD;
    case JZ_DEMO_HEAD:
    case JZ_DEMO_PARENT:
    case JZ_DEMO_GRANDPARENT:
    case JZ_DEMO_SIBLING:
    case JZ_DEMO_OTHER:
    default:
      return JZ_DEMO_OTHER;
    }
}

/* The head dies: the old file is closed and its dibao ends, and the spouse
 * opens a new file that continues it, applying again as head. */
void
jz_demo_household_split (JzDemo          *demo,
                         JzDemoHousehold *old_hh,
                         JzDemoHousehold *new_hh)
{
  JzDemoRng *rng = &demo->rng;
  JzDemoCasePlan *dibao = &old_hh->cases[0];
  gint64 head_income = member_income (&old_hh->m[0]);
  Build b = { demo, new_hh, PROFILE_DIBAO, INCOME_POOR, FALSE, FALSE, -1, FALSE };
  int died_on = random_day (demo, MAX (dibao->applied_on + 120, demo->history_start + 30), demo->end - 150);
  JzDemoCasePlan *c;

  g_assert (old_hh->n >= 2 && old_hh->n_cases == 1);

  old_hh->m[0].died_on = died_on;
  old_hh->closed_on = died_on + jz_demo_rng_range (rng, 10, 30);
  dibao->end_on = old_hh->closed_on;
  dibao->end_reason = "户主死亡，家庭档案转入新户";

  memset (new_hh, 0, sizeof *new_hh);
  new_hh->village = old_hh->village;
  new_hh->urban = old_hh->urban;
  new_hh->opened_on = old_hh->closed_on;
  new_hh->notes = "原户主死亡，由原家庭档案转入";
  memcpy (new_hh->address, old_hh->address, sizeof new_hh->address);
  memcpy (new_hh->phone, old_hh->phone, sizeof new_hh->phone);
  new_hh->bank = old_hh->bank;
  memcpy (new_hh->account, old_hh->account, sizeof new_hh->account);

  for (guint i = 1; i < old_hh->n; i++)
    {
      new_hh->m[new_hh->n] = old_hh->m[i];
      new_hh->m[new_hh->n].relation = relation_to_widow (old_hh->m[i].relation);
      new_hh->n++;
    }

  /* The survivors keep what they earn; the dead head's income is gone. */
  cap_income (new_hh, std_dibao (demo, new_hh->urban, demo->first_standard) * 95 / 100);
  new_hh->income_now = household_income (new_hh);
  old_hh->income_now = new_hh->income_now + head_income;

  c = new_case (&b, new_hh->urban ? JZ_DEMO_DIBAO_URBAN : JZ_DEMO_DIBAO_RURAL, -1);
  c->applied_on = new_hh->opened_on + jz_demo_rng_range (rng, 0, 10);
  b.dibao = 0;
  plan_person_cases (&b, new_hh->opened_on);
}

/* --- a case from application to the end ------------------------------- */

typedef enum
{
  EVENT_STANDARD,
  EVENT_BIRTHDAY,
  EVENT_DEATH,
  EVENT_SUSPEND,
  EVENT_RESUME,
} EventKind;

typedef struct
{
  int       on;
  EventKind kind;
} Event;

static gboolean
is_dibao (JzDemoProgram program)
{
  return program == JZ_DEMO_DIBAO_URBAN || program == JZ_DEMO_DIBAO_RURAL;
}

static gboolean
alive_on (const JzDemoMember *m,
          int                 day)
{
  return m->died_on == 0 || m->died_on > day;
}

/* The monthly amount in force on @day, and the persons it covers. */
static gint64
amount_on (const JzDemo          *demo,
           const JzDemoHousehold *hh,
           const JzDemoCasePlan  *plan,
           int                    day,
           int                   *persons)
{
  const JzDemoMember *m = plan->member >= 0 ? &hh->m[plan->member] : NULL;
  int alive = 0, covered = 0;
  gint64 income, std, amount;

  for (guint i = 0; i < hh->n; i++)
    if (alive_on (&hh->m[i], day))
      {
        alive++;
        covered += hh->m[i].excluded ? 0 : 1;
      }
  *persons = m != NULL ? 1 : MAX (alive, 1);

  switch (plan->program)
    {
    case JZ_DEMO_DIBAO_URBAN:
    case JZ_DEMO_DIBAO_RURAL:
      income = hh->income_rose_on != 0 && day < hh->income_rose_on ? hh->income_before : hh->income_now;
      std = std_dibao (demo, hh->urban, day);
      amount = MAX (0, std - (income + alive / 2) / MAX (alive, 1)) * covered;
      for (guint i = 0; i < hh->n; i++)
        {
          const JzDemoMember *p = &hh->m[i];
          int bp = 0;

          if (!alive_on (p, day) || p->excluded)
            continue;
          if (jz_demo_age_at (p->birth, day) >= 60)
            bp = MAX (bp, demo->increment_bp[0]);
          if (p->disability_grade == 1 || p->disability_grade == 2)
            bp = MAX (bp, demo->increment_bp[1]);
          if (p->illness != NULL)
            bp = MAX (bp, demo->increment_bp[2]);
          amount += jz_demo_apply_bp (std, bp);
        }
      *persons = MAX (covered, 1);
      return amount;

    case JZ_DEMO_TEKUN_DISPERSED:
    case JZ_DEMO_TEKUN_CENTRALIZED:
      return jz_demo_apply_bp (std_dibao (demo, hh->urban, day), demo->tekun_ratio_bp[hh->urban ? 1 : 0]) +
             jz_demo_apply_bp (jz_demo_standard_at (demo, JZ_DEMO_SERIES_MIN_WAGE, day), demo->care_bp[m->care]);

    case JZ_DEMO_TEMPORARY:
      return jz_demo_apply_bp (std_dibao (demo, TRUE, day), plan->temp_rate_bp);

    case JZ_DEMO_DISABILITY_LIVING:
      return jz_demo_standard_at (demo, JZ_DEMO_SERIES_DISABILITY_LIVING, day);

    case JZ_DEMO_DISABILITY_CARE:
      return jz_demo_standard_at (demo, JZ_DEMO_SERIES_DISABILITY_CARE, day);

    case JZ_DEMO_CHILD_LIVING:
      return jz_demo_standard_at (demo, JZ_DEMO_SERIES_CHILD_LIVING, day);

    case JZ_DEMO_LOW_INCOME:
    case JZ_DEMO_N_PROGRAMS:
    default:
      return 0;
    }
}

static void
push (JzDemoCaseResult *r,
      int               on,
      JzDemoStatus      status,
      gint64            amount,
      const char       *note,
      const char       *user)
{
  JzDemoHistoryRow *row;

  g_assert (r->n_history < JZ_DEMO_MAX_HISTORY);

  row = &r->history[r->n_history++];
  row->on = on;
  row->status = status;
  row->amount = amount;
  row->note = note;
  row->user = user;
  r->status = status;
}

static void
add_event (Event     *events,
           guint     *n,
           guint      max,
           int        on,
           EventKind  kind)
{
  guint i;

  if (*n >= max)
    return;

  /* Insertion keeps them by date, and by kind on the same date. */
  for (i = *n; i > 0 && (events[i - 1].on > on || (events[i - 1].on == on && events[i - 1].kind > kind)); i--)
    events[i] = events[i - 1];
  events[i].on = on;
  events[i].kind = kind;
  (*n)++;
}

/* Terminated on, and why, or 0 when the case still runs at the end. */
static int
termination (JzDemo                *demo,
             const JzDemoHousehold *hh,
             const JzDemoCasePlan  *plan,
             const char           **reason)
{
  int on = plan->end_on;

  *reason = plan->end_reason;
  if (plan->member >= 0 && hh->m[plan->member].died_on != 0)
    {
      int t = MIN (demo->end, hh->m[plan->member].died_on + jz_demo_rng_range (&demo->rng, 5, 20));

      if (on == 0 || t < on)
        {
          on = t;
          *reason = "保障对象死亡";
        }
    }
  if (hh->closed_on != 0 && (on == 0 || hh->closed_on < on))
    {
      on = hh->closed_on;
      *reason = hh->moved_away ? "全家迁出本区" : "保障对象死亡";
    }

  return on <= demo->end ? on : 0;
}

static void
run_active (JzDemo                *demo,
            const JzDemoHousehold *hh,
            const JzDemoCasePlan  *plan,
            JzDemoCaseResult      *r,
            const char            *reviewer)
{
  Event events[JZ_DEMO_MAX_HISTORY];
  guint n_events = 0;
  const char *reason = NULL;
  int stop = termination (demo, hh, plan, &reason);
  int last = stop != 0 ? stop - 1 : demo->end;
  gboolean suspended = FALSE;
  gint64 cur;

  cur = amount_on (demo, hh, plan, r->starts_on, &r->persons);
  push (r, r->starts_on, JZ_DEMO_ACTIVE, cur, "", reviewer);

  for (guint i = 0; i < demo->n_standard_dates; i++)
    if (demo->standard_dates[i] > r->starts_on && demo->standard_dates[i] <= last)
      add_event (events, &n_events, G_N_ELEMENTS (events), demo->standard_dates[i], EVENT_STANDARD);

  if (is_dibao (plan->program))
    for (guint i = 0; i < hh->n; i++)
      {
        const JzDemoMember *m = &hh->m[i];
        int sixty = jz_demo_month_start (jz_demo_birthday (m->birth, 60), 1);
        int death = m->died_on != 0 ? jz_demo_month_start (m->died_on, 1) : 0;

        if (!m->excluded && sixty > r->starts_on && sixty <= last && alive_on (m, sixty))
          add_event (events, &n_events, G_N_ELEMENTS (events), sixty, EVENT_BIRTHDAY);
        if (death > r->starts_on && death <= last)
          add_event (events, &n_events, G_N_ELEMENTS (events), death, EVENT_DEATH);
      }

  if (plan->suspend_on > r->starts_on && plan->suspend_on <= last)
    {
      add_event (events, &n_events, G_N_ELEMENTS (events), plan->suspend_on, EVENT_SUSPEND);
      if (plan->resume_on > plan->suspend_on && plan->resume_on <= last)
        add_event (events, &n_events, G_N_ELEMENTS (events), plan->resume_on, EVENT_RESUME);
    }

  for (guint i = 0; i < n_events; i++)
    {
      const Event *e = &events[i];
      static const char * const notes[] = {
        [EVENT_STANDARD] = "保障标准调整",
        [EVENT_BIRTHDAY] = "家庭成员年满60周岁，增发分类施保金",
        [EVENT_DEATH] = "家庭成员死亡，减少保障人数",
      };
      gint64 amount;

      if (e->kind == EVENT_SUSPEND)
        {
          push (r, e->on, JZ_DEMO_SUSPENDED, 0, "年度复核时无法联系申请人，暂停发放", reviewer);
          suspended = TRUE;
          continue;
        }
      if (e->kind == EVENT_RESUME)
        {
          cur = amount_on (demo, hh, plan, e->on, &r->persons);
          push (r, e->on, JZ_DEMO_ACTIVE, cur, "核实情况后恢复发放", reviewer);
          suspended = FALSE;
          continue;
        }
      /* In gradual exit the amount stays as it was. */
      if (suspended || (plan->exit_from != 0 && e->on >= plan->exit_from))
        continue;

      amount = amount_on (demo, hh, plan, e->on, &r->persons);
      if (amount != cur)
        {
          cur = amount;
          push (r, e->on, JZ_DEMO_ACTIVE, cur, notes[e->kind], reviewer);
        }
    }

  if (stop != 0)
    {
      push (r, stop, JZ_DEMO_TERMINATED, 0, reason, reviewer);
      r->ended_on = stop;
      r->end_reason = reason;
      r->amount = 0;
    }
  else
    r->amount = suspended ? 0 : cur;
}

/* Walks @plan through the steps of the 2021 rules, from the application
 * to the decision and the months of payment, as far as the end date. */
void
jz_demo_case_run (JzDemo                *demo,
                  const JzDemoHousehold *hh,
                  const JzDemoCasePlan  *plan,
                  JzDemoCaseResult      *r)
{
  JzDemoRng *rng = &demo->rng;
  const char *clerk = demo->townships[demo->villages[hh->village].township].clerk;
  const char *reviewer = demo->reviewer;
  gboolean temporary = plan->program == JZ_DEMO_TEMPORARY;
  int day = plan->applied_on;
  int persons;

  r->n_history = 0;
  r->decided_on = r->starts_on = r->ended_on = 0;
  r->end_reason = NULL;
  r->amount = 0;
  amount_on (demo, hh, plan, day, &r->persons);

  push (r, day, JZ_DEMO_SUBMITTED, 0, "", clerk);
  if (temporary && plan->emergency)
    {
      r->amount = amount_on (demo, hh, plan, day, &persons);
      r->decided_on = r->starts_on = day;
      push (r, day, JZ_DEMO_APPROVED, r->amount, plan->temp_note, reviewer);
      return;
    }

#define STEP(lo, hi, status, note, user)                  \
  G_STMT_START {                                         \
    day += jz_demo_rng_range (rng, lo, hi);              \
    if (day > demo->end)                                 \
      return;                                            \
    push (r, day, status, 0, note, user);                \
  } G_STMT_END

  STEP (0, 2, JZ_DEMO_ACCEPTED, "", clerk);
  if (plan->outcome == JZ_DEMO_WITHDRAW)
    {
      STEP (3, 15, JZ_DEMO_WITHDRAWN, "申请人主动撤回申请", clerk);
      r->decided_on = day;
      r->end_reason = "申请人主动撤回申请";
      return;
    }
  STEP (1, 3, JZ_DEMO_INVESTIGATING, "", clerk);
  if (plan->outcome == JZ_DEMO_REJECT_EARLY)
    {
      STEP (5, 15, JZ_DEMO_REJECTED, plan->reason, reviewer);
      r->decided_on = day;
      r->end_reason = plan->reason;
      return;
    }
  if (!temporary)
    {
      STEP (4, 10, JZ_DEMO_VILLAGE_NOTICE, "", clerk);
      STEP (7, 9, JZ_DEMO_TOWNSHIP_REVIEWED, "", clerk);
    }
  if (plan->outcome == JZ_DEMO_REJECT)
    {
      STEP (3, 12, JZ_DEMO_REJECTED, plan->reason, reviewer);
      r->decided_on = day;
      r->end_reason = plan->reason;
      return;
    }

#undef STEP

  day += temporary ? jz_demo_rng_range (rng, 1, 5) : jz_demo_rng_range (rng, 3, 12);
  if (day > demo->end)
    return;
  r->decided_on = day;
  r->amount = amount_on (demo, hh, plan, day, &persons);
  push (r, day, JZ_DEMO_APPROVED, r->amount, temporary ? plan->temp_note : "", reviewer);

  if (temporary)
    {
      r->starts_on = day;
      return;
    }

  /* Payment starts the month after the decision. */
  r->starts_on = jz_demo_month_start (day, 1);
  if (r->starts_on > demo->end)
    return;

  run_active (demo, hh, plan, r, reviewer);
}
