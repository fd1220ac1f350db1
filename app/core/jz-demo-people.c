/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The people of the demo district: who lives together, their ID numbers,
 * health, work and income. */

#include "config.h"

#include <string.h>

#include "jz-demo-private.h"
#include "jz-id-number.h"


/* Where people who married or moved in were born. */
static const char * const other_birthplaces[] = {
  "370303", "370304", "370305", "370306", "370321", "370322", "370323",
  "370102", "370181", "370202", "371302",
};

/* By the code on the disability certificate: 1 visual … 7 multiple. */
static const guint disability_kind_weights[] = { 12, 12, 3, 38, 13, 14, 8 };
static const guint disability_grade_weights[] = { 12, 28, 32, 28 };

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

static const guint family_weights[JZ_DEMO_N_PROFILES][N_FAMILIES] = {
  [JZ_DEMO_PROFILE_DIBAO]             = { 250, 200, 120, 180,  80, 50, 30,  90 },
  [JZ_DEMO_PROFILE_LOW_INCOME]        = { 150, 200, 100, 300, 150, 30, 20,  50 },
  [JZ_DEMO_PROFILE_TEKUN_DISPERSED]   = {   1,   0,   0,   0,   0,  0,  0,   0 },
  [JZ_DEMO_PROFILE_TEKUN_CENTRALIZED] = {   1,   0,   0,   0,   0,  0,  0,   0 },
  [JZ_DEMO_PROFILE_DISABILITY]        = { 100, 150,  80, 300, 150, 20, 50, 150 },
  [JZ_DEMO_PROFILE_CHILD]             = {   0,   0,   0,   0,   0,  1,  0,   0 },
  [JZ_DEMO_PROFILE_TEMPORARY]         = { 150, 200, 100, 300, 150, 30, 20,  50 },
};

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
fill_id_number (JzDemo     *demo,
                JzDemoRng  *rng,
                const char *region,
                int         birth,
                char        sex,
                char       *out)
{
  int y, mo, d;

  jz_demo_civil_from_days (birth, &y, &mo, &d);
  memcpy (out, region, 6);
  put_digits (out + 6, (guint) y, 4);
  put_digits (out + 10, (guint) mo, 2);
  put_digits (out + 12, (guint) d, 2);

  for (;;)
    {
      guint seq = jz_demo_rng_below (rng, 500) * 2 + (sex == 'M' ? 1 : 0);
      guint64 key = 0;

      put_digits (out + 14, seq, 3);
      for (guint i = 0; i < 17; i++)
        key = key * 10 + (guint64) (out[i] - '0');
      if (id_set_add (&demo->ids, key))
        break;
    }

  out[17] = jz_id_number_check_char (out);
  out[18] = '\0';
}

static void
assign_id_number (JzDemo       *demo,
                  JzDemoMember *m,
                  gboolean      from_elsewhere)
{
  const char *region = JZ_DEMO_DISTRICT_CODE;

  if (from_elsewhere)
    region = other_birthplaces[jz_demo_rng_below (&demo->rng, G_N_ELEMENTS (other_birthplaces))];

  fill_id_number (demo, &demo->rng, region, m->birth, m->sex, m->id_number);
}

/**
 * jz_demo_id_number:
 * @out: 19 bytes
 *
 * The ID number of someone born in the district who is in no household of
 * the demo (a caregiver), drawn from @rng; never one already given out.
 */
void
jz_demo_id_number (JzDemo    *demo,
                   JzDemoRng *rng,
                   int        birth,
                   char       sex,
                   char      *out)
{
  fill_id_number (demo, rng, JZ_DEMO_DISTRICT_CODE, birth, sex, out);
}

static JzDemoMember *
add_member (JzDemoBuild          *b,
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
  m->birth = jz_demo_random_day (demo,
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
pick_sex (JzDemoBuild *b,
          guint  male_per_mille)
{
  return jz_demo_rng_permille (&b->demo->rng, male_per_mille) ? 'M' : 'F';
}

void
jz_demo_set_disability (JzDemoBuild        *b,
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
set_tekun_disability (JzDemoBuild        *b,
                      JzDemoMember *m)
{
  JzDemoRng *rng = &b->demo->rng;

  switch (jz_demo_rng_below (rng, 4))
    {
    case 0:  jz_demo_set_disability (b, m, JZ_DEMO_KIND_INTELLECTUAL, jz_demo_rng_range (rng, 1, 3)); break;
    case 1:  jz_demo_set_disability (b, m, JZ_DEMO_KIND_MENTAL, jz_demo_rng_range (rng, 1, 3)); break;
    case 2:  jz_demo_set_disability (b, m, JZ_DEMO_KIND_LIMB, jz_demo_rng_range (rng, 1, 2)); break;
    default: jz_demo_set_disability (b, m, JZ_DEMO_KIND_VISUAL, 1); break;
    }
}

static void
add_children (JzDemoBuild      *b,
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
compose_family (JzDemoBuild *b,
                Family       family)
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
      if (b->profile == JZ_DEMO_PROFILE_TEKUN_DISPERSED || b->profile == JZ_DEMO_PROFILE_TEKUN_CENTRALIZED)
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
      if ((b->profile == JZ_DEMO_PROFILE_TEKUN_DISPERSED || b->profile == JZ_DEMO_PROFILE_TEKUN_CENTRALIZED) && age < 60)
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
      add_children (b, jz_demo_age_now (b->demo, head->sex == 'F' ? head : spouse),
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
                        : b->profile == JZ_DEMO_PROFILE_CHILD ? jz_demo_rng_range (rng, 1, 18)
                        : jz_demo_rng_range (rng, 2, 17);

          add_member (b, JZ_DEMO_GRANDCHILD, pick_sex (b, 520), child_age, child_surname, FALSE);
        }
      return;

    case FAMILY_SIBLINGS:
      age = jz_demo_rng_range (rng, 35, 70);
      head = add_member (b, JZ_DEMO_HEAD, pick_sex (b, 550), age, surname, FALSE);
      jz_demo_set_disability (b, add_member (b, JZ_DEMO_SIBLING, pick_sex (b, 550),
                                     MAX (18, age + jz_demo_rng_range (rng, -8, 8)), surname, FALSE),
                      jz_demo_rng_permille (rng, 500) ? JZ_DEMO_KIND_INTELLECTUAL : 0, jz_demo_rng_range (rng, 1, 3));
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
      jz_demo_set_disability (b, add_member (b, JZ_DEMO_CHILD, pick_sex (b, 550),
                                     MAX (20, age - jz_demo_rng_range (rng, 22, 35)), child_surname, FALSE),
                      jz_demo_rng_permille (rng, 600) ? JZ_DEMO_KIND_INTELLECTUAL + (int) jz_demo_rng_below (rng, 2) : 0,
                      jz_demo_rng_range (rng, 1, 3));
      return;

    case N_FAMILIES:
    default:
      g_assert_not_reached ();
    }
}

/* Disability, illness, capacity to work, self-care, occupation. */
void
jz_demo_facts (JzDemoBuild *b)
{
  JzDemoRng *rng = &b->demo->rng;
  JzDemoHousehold *hh = b->hh;
  gboolean poor = b->profile == JZ_DEMO_PROFILE_DIBAO || b->profile == JZ_DEMO_PROFILE_TEKUN_DISPERSED ||
                  b->profile == JZ_DEMO_PROFILE_TEKUN_CENTRALIZED;

  for (guint i = 0; i < hh->n; i++)
    {
      JzDemoMember *m = &hh->m[i];
      int age = jz_demo_age_now (b->demo, m);
      gboolean sensory;
      guint rate;

      if (m->disability_kind == 0)
        {
          rate = age < 18 ? 20 : age < 60 ? 50 : 90;
          if (poor)
            rate = rate * 3 / 2;
          if (jz_demo_rng_permille (rng, rate))
            jz_demo_set_disability (b, m, 0, 0);
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
      if (i == 0 && b->profile == JZ_DEMO_PROFILE_TEMPORARY && m->illness == NULL && jz_demo_rng_permille (rng, 600))
        m->illness = jz_demo_illness (rng);

      /* Deafness or a speech disability limits work but rarely needs care;
       * the other kinds at grade 1–2 usually do both. */
      sensory = m->disability_kind == JZ_DEMO_KIND_HEARING || m->disability_kind == JZ_DEMO_KIND_SPEECH;
      if (age < 18 || age >= 70 || (!sensory && (m->disability_grade == 1 || m->disability_grade == 2)) ||
          ((m->disability_kind == JZ_DEMO_KIND_INTELLECTUAL || m->disability_kind == JZ_DEMO_KIND_MENTAL) && m->disability_grade == 3))
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
          if (hh->urban && b->income == JZ_DEMO_INCOME_ORDINARY && age >= 60 && jz_demo_rng_permille (rng, 500))
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

gint64
jz_demo_member_income (const JzDemoMember *m)
{
  gint64 total = 0;

  for (guint i = 0; i < m->n_incomes; i++)
    total += m->income[i];
  return total;
}

gint64
jz_demo_household_income (const JzDemoHousehold *hh)
{
  gint64 total = 0;

  /* A member who dies within a family stops earning (maybe_member_dies()
   * drops the incomes); one living alone had them until death. */
  for (guint i = 0; i < hh->n; i++)
    total += jz_demo_member_income (&hh->m[i]);
  return total;
}

/* Cuts the largest item until the per-capita income is below @limit. */
void
jz_demo_cap_income (JzDemoHousehold *hh,
            gint64           limit)
{
  guint n = hh->n;

  while ((jz_demo_household_income (hh) + n / 2) / n >= limit)
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

void
jz_demo_incomes (JzDemoBuild *b)
{
  JzDemo *demo = b->demo;
  JzDemoRng *rng = &demo->rng;
  JzDemoHousehold *hh = b->hh;
  gint64 std_first = jz_demo_std_dibao (demo, hh->urban, demo->first_standard);
  gint64 std_end = jz_demo_std_dibao (demo, hh->urban, demo->end);
  gint64 target, fixed = 0, remain;
  guint n = hh->n, weight_sum = 0, workers = 0;

  for (guint i = 0; i < hh->n; i++)
    if (hh->m[i].employment == JZ_DEMO_EMPLOYED || hh->m[i].employment == JZ_DEMO_FARMING_WORK ||
        hh->m[i].employment == JZ_DEMO_SELF_EMPLOYED || hh->m[i].employment == JZ_DEMO_RETIRED)
      workers++;

  switch (b->income)
    {
    case JZ_DEMO_INCOME_POOR:
      target = jz_demo_rng_permille (rng, 250) ? 0 : std_first * jz_demo_rng_range (rng, 50, 850) / 1000;
      break;
    case JZ_DEMO_INCOME_TEKUN:
      target = jz_demo_rng_permille (rng, 500) ? 0 : std_first * jz_demo_rng_range (rng, 50, 400) / 1000;
      break;
    case JZ_DEMO_INCOME_ABOVE:
      target = std_end * jz_demo_rng_range (rng, 1050, 1600) / 1000;
      break;
    case JZ_DEMO_INCOME_MARGIN:
      target = std_end * jz_demo_rng_range (rng, 1020, 1500) / 1000;
      break;
    case JZ_DEMO_INCOME_ORDINARY:
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
      else if (jz_demo_age_now (demo, m) >= 60)
        add_income (m, JZ_DEMO_PENSION, hh->urban ? jz_demo_rng_range (rng, 180, 300) * 100
                                                  : jz_demo_rng_range (rng, 150, 220) * 100);
      fixed += jz_demo_member_income (m);

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
  else if (remain > 0 && b->income != JZ_DEMO_INCOME_TEKUN)
    /* Support from children or relatives living elsewhere (赡养费). */
    add_income (&hh->m[0], JZ_DEMO_TRANSFER, remain);

  if (b->income == JZ_DEMO_INCOME_ORDINARY && jz_demo_rng_permille (rng, 60))
    add_income (&hh->m[0], JZ_DEMO_PROPERTY, jz_demo_rng_range (rng, 200, 800) * 100);

  /* Keep a gap to the oldest standard, so every month of the history has
   * a positive amount. */
  if (b->income == JZ_DEMO_INCOME_POOR || b->income == JZ_DEMO_INCOME_TEKUN)
    jz_demo_cap_income (hh, std_first * 95 / 100);

  hh->income_now = jz_demo_household_income (hh);
  if (hh->income_rose_on != 0)
    hh->income_before = (gint64) n * (std_first * jz_demo_rng_range (rng, 300, 800) / 1000);
}

/* An elderly member other than the head dies during the history, unless
 * that would lift the household above the dibao line. */
void
jz_demo_maybe_member_dies (JzDemoBuild *b)
{
  JzDemo *demo = b->demo;
  JzDemoHousehold *hh = b->hh;
  gint64 limit = jz_demo_std_dibao (demo, hh->urban, demo->first_standard) * 95 / 100;

  if (b->force || b->split || hh->n < 2 || hh->closed_on != 0 || hh->income_rose_on != 0 ||
      !jz_demo_rng_permille (&demo->rng, 50))
    return;

  for (guint i = 1; i < hh->n; i++)
    {
      JzDemoMember *m = &hh->m[i];
      gint64 rest = hh->income_now - jz_demo_member_income (m);

      if (m->relation != JZ_DEMO_PARENT && jz_demo_age_now (demo, m) < 78)
        continue;
      if (b->income == JZ_DEMO_INCOME_POOR && (rest + (hh->n - 1) / 2) / (hh->n - 1) >= limit)
        continue;

      m->died_on = jz_demo_random_day (demo, demo->history_start + 30, demo->end - 15);
      m->n_incomes = 0;
      hh->income_now = rest;
      return;
    }
}

void
jz_demo_contact (JzDemoBuild *b)
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

/* Per 1000 who qualify: the rest have relatives bound to support them. */
#define SANWU_PER_MILLE 600

/**
 * jz_demo_sanwu:
 *
 * Marks as 三无 (no labour capacity, no source of income, no one bound to
 * support them) some of those who live alone, are old or cannot work, and
 * live on nothing but the basic pension, if that: no wage, farm, business
 * or rent, and no money from relatives, who would be supporters.  Drawn
 * from the demo's second stream, so that the people stay as they are.
 */
void
jz_demo_sanwu (JzDemo          *demo,
               JzDemoHousehold *hh)
{
  JzDemoMember *m = &hh->m[0];
  gboolean qualifies;

  if (hh->n != 1)
    return;

  qualifies = jz_demo_age_now (demo, m) >= 60 || m->labour == 2;
  for (guint i = 0; i < m->n_incomes; i++)
    qualifies &= m->income_kind[i] == JZ_DEMO_PENSION;

  m->sanwu = qualifies && jz_demo_rng_permille (&demo->aux, SANWU_PER_MILLE);
}

void
jz_demo_compose (JzDemoBuild *b)
{
  compose_family (b, (Family) jz_demo_rng_weighted (&b->demo->rng, family_weights[b->profile], N_FAMILIES));
}
