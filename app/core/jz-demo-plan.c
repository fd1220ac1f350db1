/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What brings each household to the office: which programs it applies for,
 * when, and how each application ends.  jz-demo-lifecycle.c then walks
 * every case through its steps. */

#include "config.h"

#include <string.h>

#include "jz-demo-private.h"

/* Per 1000 households on file at a district office: the dibao caseload
 * dominates, then the monitored low-income families, the severely disabled
 * who only draw the care subsidy, and the extremely poor. */
static const guint profile_weights[JZ_DEMO_N_PROFILES] = { 560, 140, 75, 20, 120, 15, 70 };

/* The first nine households cover the nine programs, so that even a tiny
 * demo fills every panel. */
typedef struct
{
  JzDemoProfile profile;
  gboolean      urban;
} Forced;

static const Forced forced_households[JZ_DEMO_N_PROGRAMS] = {
  [JZ_DEMO_DIBAO_URBAN]       = { JZ_DEMO_PROFILE_DIBAO, TRUE },
  [JZ_DEMO_DIBAO_RURAL]       = { JZ_DEMO_PROFILE_DIBAO, FALSE },
  [JZ_DEMO_TEKUN_DISPERSED]   = { JZ_DEMO_PROFILE_TEKUN_DISPERSED, FALSE },
  [JZ_DEMO_TEKUN_CENTRALIZED] = { JZ_DEMO_PROFILE_TEKUN_CENTRALIZED, FALSE },
  [JZ_DEMO_TEMPORARY]         = { JZ_DEMO_PROFILE_TEMPORARY, TRUE },
  [JZ_DEMO_DISABILITY_LIVING] = { JZ_DEMO_PROFILE_DIBAO, TRUE },
  [JZ_DEMO_DISABILITY_CARE]   = { JZ_DEMO_PROFILE_DISABILITY, FALSE },
  [JZ_DEMO_CHILD_LIVING]      = { JZ_DEMO_PROFILE_CHILD, FALSE },
  [JZ_DEMO_LOW_INCOME]        = { JZ_DEMO_PROFILE_LOW_INCOME, TRUE },
};

/* --- cases ------------------------------------------------------------- */

static JzDemoCasePlan *
new_case (JzDemoBuild         *b,
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
  return jz_demo_random_day (demo, demo->first_standard + 15, demo->history_start - 90);
}

/* The last day a new application can be made and still be decided before
 * the household closes or the person dies. */
static int
last_application_day (const JzDemoBuild *b,
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
plan_dibao (JzDemoBuild    *b,
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
  b->income = JZ_DEMO_INCOME_POOR;

  if (carried)
    c->applied_on = carried_applied_on (demo);
  else
    {
      c->applied_on = jz_demo_random_day (demo, demo->history_start, demo->end);
      r = jz_demo_rng_below (rng, 1000);
      if (r < 80)
        {
          c->outcome = jz_demo_rng_permille (rng, 700) ? JZ_DEMO_REJECT : JZ_DEMO_REJECT_EARLY;
          if (jz_demo_rng_permille (rng, 650))
            {
              c->reason = "家庭人均收入高于当地低保标准";
              b->income = JZ_DEMO_INCOME_ABOVE;
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
      jz_demo_age_now (demo, &hh->m[0]) >= 50 && jz_demo_rng_permille (rng, 25))
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
          hh->income_rose_on = jz_demo_random_day (demo, earliest, demo->end - 30);
          b->income = JZ_DEMO_INCOME_ABOVE;
          c->exit_from = hh->income_rose_on;
          c->end_on = jz_demo_month_start (hh->income_rose_on, demo->gradual_exit_months + 1);
          c->end_reason = "家庭人均收入超过低保标准，渐退期满";
          if (c->end_on > demo->end)
            c->end_on = 0;
          break;

        case 1:
          hh->closed_on = jz_demo_random_day (demo, earliest, demo->end);
          hh->moved_away = TRUE;
          break;

        case 2:
          if (hh->n == 1)
            {
              hh->m[0].died_on = jz_demo_random_day (demo, earliest, demo->end - 10);
              hh->closed_on = MIN (demo->end, hh->m[0].died_on + jz_demo_rng_range (rng, 5, 25));
              break;
            }
          G_GNUC_FALLTHROUGH;

        case 3:
          c->end_on = jz_demo_random_day (demo, earliest, demo->end);
          c->end_reason = "本人申请退出低保";
          break;

        default:
          c->end_on = jz_demo_random_day (demo, earliest, demo->end);
          c->end_reason = "复核发现家庭经济状况不符合条件";
          break;
        }
    }
  else if (r < 125 && earliest < demo->end - 10)
    {
      c->suspend_on = jz_demo_random_day (demo, earliest, demo->end - 10);
      if (jz_demo_rng_permille (rng, 500) && c->suspend_on + 120 <= demo->end)
        c->resume_on = c->suspend_on + jz_demo_rng_range (rng, 30, 120);
    }
}

static void
plan_tekun (JzDemoBuild         *b,
            JzDemoProgram  program)
{
  JzDemo *demo = b->demo;
  JzDemoRng *rng = &demo->rng;
  JzDemoHousehold *hh = b->hh;
  JzDemoCasePlan *c = new_case (b, program, 0);
  gboolean carried = b->force || jz_demo_rng_permille (rng, 800);
  int earliest;

  b->income = JZ_DEMO_INCOME_TEKUN;
  if (carried)
    c->applied_on = carried_applied_on (demo);
  else
    {
      c->applied_on = jz_demo_random_day (demo, demo->history_start, demo->end);
      if (jz_demo_rng_permille (rng, 80))
        {
          c->outcome = JZ_DEMO_REJECT;
          c->reason = "经调查不符合特困人员认定条件";
        }
    }

  earliest = MAX (c->applied_on + 90, demo->history_start);
  if (!b->force && c->outcome == JZ_DEMO_APPROVE && jz_demo_age_now (demo, &hh->m[0]) >= 70 &&
      earliest < demo->end - 10 && jz_demo_rng_permille (rng, 90))
    {
      hh->m[0].died_on = jz_demo_random_day (demo, earliest, demo->end - 10);
      hh->closed_on = MIN (demo->end, hh->m[0].died_on + jz_demo_rng_range (rng, 5, 25));
    }
}

static void
plan_low_income (JzDemoBuild *b,
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
      c->end_on = jz_demo_random_day (demo, MAX (applied_on + 90, demo->history_start), demo->end);
      c->end_reason = "家庭收入增加，退出低收入监测";
    }
}

static void
plan_temporary (JzDemoBuild *b,
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
  c->applied_on = jz_demo_random_day (demo, from, last);
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
      c->temp_kind = JZ_BENEFIT_TEMP_ILLNESS;
      c->temp_note = "因病致贫临时救助";
    }
  else if (student)
    {
      int steps = (demo->temp_education_bp[1] - demo->temp_education_bp[0]) / 5000;
      c->temp_rate_bp = demo->temp_education_bp[0] + 5000 * jz_demo_rng_range (rng, 0, steps);
      c->temp_kind = JZ_BENEFIT_TEMP_EDUCATION;
      c->temp_note = "因学临时救助";
    }
  else
    {
      /* Other needs have no configured range: decided case by case. */
      c->temp_rate_bp = 5000 * jz_demo_rng_range (rng, 2, 6);
      c->temp_kind = JZ_BENEFIT_TEMP_OTHER;
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
person_case_day (JzDemoBuild *b,
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
    *applied_on = jz_demo_random_day (demo, MAX (from, demo->first_standard + 15), demo->history_start - 90);
  else
    *applied_on = jz_demo_random_day (demo, MAX (from, demo->history_start), last);

  return *applied_on >= from && *applied_on <= last;
}

static void
plan_person_cases (JzDemoBuild *b,
                   int    first_day)
{
  JzDemo *demo = b->demo;
  JzDemoRng *rng = &demo->rng;
  JzDemoHousehold *hh = b->hh;
  const JzDemoCasePlan *dibao = b->dibao >= 0 ? &hh->cases[b->dibao] : NULL;
  gboolean tekun = b->profile == JZ_DEMO_PROFILE_TEKUN_DISPERSED || b->profile == JZ_DEMO_PROFILE_TEKUN_CENTRALIZED;

  for (guint i = 0; i < hh->n; i++)
    {
      const JzDemoMember *m = &hh->m[i];
      JzDemoCasePlan *c;
      int day;

      if (m->disability_kind != 0 && !tekun &&
          ((dibao != NULL && dibao->outcome == JZ_DEMO_APPROVE) ||
           (b->profile == JZ_DEMO_PROFILE_LOW_INCOME && jz_demo_rng_permille (rng, 500))))
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

      if (b->profile == JZ_DEMO_PROFILE_CHILD && m->relation == JZ_DEMO_GRANDCHILD &&
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
  JzDemoBuild b = { demo, hh, 0, JZ_DEMO_INCOME_ORDINARY, forced >= 0, FALSE, -1, FALSE };

  memset (hh, 0, sizeof *hh);
  b.profile = forced >= 0 ? forced_households[forced].profile
                          : (JzDemoProfile) jz_demo_rng_weighted (rng, profile_weights, JZ_DEMO_N_PROFILES);
  hh->village = pick_village (demo, forced);
  hh->urban = demo->villages[hh->village].urban;
  hh->notes = "";

  jz_demo_compose (&b);
  if (forced == JZ_DEMO_DISABILITY_LIVING && hh->m[0].disability_kind == 0)
    jz_demo_set_disability (&b, &hh->m[0], JZ_DEMO_KIND_LIMB, 4);
  if (b.profile == JZ_DEMO_PROFILE_DISABILITY)
    {
      /* The reason this family is on file: a severely disabled member. */
      JzDemoMember *m = &hh->m[jz_demo_rng_below (rng, hh->n)];

      if (m->disability_grade == 0 || m->disability_grade > 2)
        jz_demo_set_disability (&b, m, 0, jz_demo_rng_range (rng, 1, 2));
    }

  switch (b.profile)
    {
    case JZ_DEMO_PROFILE_DIBAO:
      plan_dibao (&b, may_split);
      break;
    case JZ_DEMO_PROFILE_LOW_INCOME:
      b.income = JZ_DEMO_INCOME_MARGIN;
      break;
    case JZ_DEMO_PROFILE_TEKUN_DISPERSED:
      plan_tekun (&b, JZ_DEMO_TEKUN_DISPERSED);
      break;
    case JZ_DEMO_PROFILE_TEKUN_CENTRALIZED:
      plan_tekun (&b, JZ_DEMO_TEKUN_CENTRALIZED);
      break;
    case JZ_DEMO_PROFILE_CHILD:
      b.income = jz_demo_rng_permille (rng, 500) ? JZ_DEMO_INCOME_MARGIN : JZ_DEMO_INCOME_ORDINARY;
      break;
    case JZ_DEMO_PROFILE_DISABILITY:
    case JZ_DEMO_PROFILE_TEMPORARY:
    case JZ_DEMO_N_PROFILES:
    default:
      break;
    }

  jz_demo_facts (&b);
  jz_demo_incomes (&b);
  jz_demo_maybe_member_dies (&b);

  /* A grown child who works elsewhere lives on the household register but
   * is left out of the dibao. */
  if (b.profile == JZ_DEMO_PROFILE_DIBAO && hh->n >= 3 && jz_demo_rng_permille (rng, 40))
    for (guint i = hh->n; i-- > 1;)
      if (hh->m[i].relation == JZ_DEMO_CHILD && hh->m[i].died_on == 0 && jz_demo_age_now (demo, &hh->m[i]) >= 18)
        {
          hh->m[i].excluded = TRUE;
          break;
        }

  if (!b.split)
    {
      if (b.profile == JZ_DEMO_PROFILE_LOW_INCOME)
        plan_low_income (&b, b.force || jz_demo_rng_permille (rng, 600)
                               ? carried_applied_on (demo)
                               : jz_demo_random_day (demo, demo->history_start, demo->end));
      if (b.dibao_rejected_for_income && jz_demo_rng_permille (rng, 400))
        plan_low_income (&b, hh->cases[b.dibao].applied_on + jz_demo_rng_range (rng, 60, 120));

      plan_person_cases (&b, demo->first_standard);

      if (b.profile == JZ_DEMO_PROFILE_TEMPORARY ||
          ((b.profile == JZ_DEMO_PROFILE_DIBAO || b.profile == JZ_DEMO_PROFILE_LOW_INCOME) && jz_demo_rng_permille (rng, 120)))
        plan_temporary (&b, demo->first_standard);
      if (hh->n_cases == 0)
        plan_temporary (&b, demo->first_standard);
    }

  jz_demo_contact (&b);
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
  gint64 head_income = jz_demo_member_income (&old_hh->m[0]);
  JzDemoBuild b = { demo, new_hh, JZ_DEMO_PROFILE_DIBAO, JZ_DEMO_INCOME_POOR, FALSE, FALSE, -1, FALSE };
  int died_on = jz_demo_random_day (demo, MAX (dibao->applied_on + 120, demo->history_start + 30), demo->end - 150);
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
  jz_demo_cap_income (new_hh, jz_demo_std_dibao (demo, new_hh->urban, demo->first_standard) * 95 / 100);
  new_hh->income_now = jz_demo_household_income (new_hh);
  old_hh->income_now = new_hh->income_now + head_income;

  c = new_case (&b, new_hh->urban ? JZ_DEMO_DIBAO_URBAN : JZ_DEMO_DIBAO_RURAL, -1);
  c->applied_on = new_hh->opened_on + jz_demo_rng_range (rng, 0, 10);
  b.dibao = 0;
  plan_person_cases (&b, new_hh->opened_on);
}
