/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A case from the application to the end of the history: the steps of
 * the 2021 rules with their dates and deadlines, the decision, and every
 * change of the amount paid.  Every amount comes from the benefit engine,
 * computed from the household as it is on the day and the standards in
 * force then, as the workflow computes it for a real case. */

#include "config.h"

#include <string.h>

#include "jz-demo-private.h"

/* Per 1000 recent applications: those that move at a third of the usual
 * pace, so that the Tasks panel has some overdue steps to show. */
#define SLOW_PER_MILLE       150
/* Per 1000 active cases under review: the review before the current one
 * was missed, and is overdue. */
#define MISSED_REVIEW_PER_MILLE 40
/* Per 1000 dibao households living on wages or a business: an unstable
 * income, reviewed every six months. */
#define UNSTABLE_PER_MILLE   500

typedef enum
{
  EVENT_STANDARD,
  EVENT_BIRTH,
  EVENT_ADULT,
  EVENT_SIXTY,
  EVENT_DEATH,
  EVENT_EXIT,
  EVENT_SUSPEND,
  EVENT_RESUME,
} EventKind;

typedef struct
{
  int       on;
  EventKind kind;
} Event;

/* Gradual exit (渐退): the amount before is kept from @from on. */
typedef struct
{
  int    from;    /* 0: not in gradual exit */
  gint64 before;
} Exit;

/* The engine's facts, members on the stack: a case's amount is computed
 * a few times over, and never allocates. */
typedef struct
{
  JzBenefitFacts  facts;
  JzBenefitMember members[JZ_DEMO_MAX_MEMBERS];
  GDate           on;
  int             persons;
} Facts;

static const JzBenefitProgram benefit_programs[JZ_DEMO_N_PROGRAMS] = {
  [JZ_DEMO_DIBAO_URBAN]       = JZ_BENEFIT_DIBAO_URBAN,
  [JZ_DEMO_DIBAO_RURAL]       = JZ_BENEFIT_DIBAO_RURAL,
  [JZ_DEMO_TEKUN_DISPERSED]   = JZ_BENEFIT_TEKUN_DISPERSED,
  [JZ_DEMO_TEKUN_CENTRALIZED] = JZ_BENEFIT_TEKUN_CENTRALIZED,
  [JZ_DEMO_TEMPORARY]         = JZ_BENEFIT_TEMPORARY,
  [JZ_DEMO_DISABILITY_LIVING] = JZ_BENEFIT_DISABILITY_LIVING,
  [JZ_DEMO_DISABILITY_CARE]   = JZ_BENEFIT_DISABILITY_CARE,
  [JZ_DEMO_CHILD_LIVING]      = JZ_BENEFIT_CHILD_LIVING,
  [JZ_DEMO_LOW_INCOME]        = JZ_BENEFIT_LOW_INCOME,
};

static gboolean
is_dibao (JzDemoProgram program)
{
  return program == JZ_DEMO_DIBAO_URBAN || program == JZ_DEMO_DIBAO_RURAL;
}

static gboolean
is_tekun (JzDemoProgram program)
{
  return program == JZ_DEMO_TEKUN_DISPERSED || program == JZ_DEMO_TEKUN_CENTRALIZED;
}

static gboolean
alive_on (const JzDemoMember *m,
          int                 day)
{
  return m->died_on == 0 || m->died_on > day;
}

/* Born by @day and not dead: a member of the household that day. */
static gboolean
member_on (const JzDemoMember *m,
           int                 day)
{
  return m->birth <= day && alive_on (m, day);
}

static void
set_date (GDate *date,
          int    day)
{
  int y, m, d;

  jz_demo_civil_from_days (day, &y, &m, &d);
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

/* Whole months from @from to @to, as the engine's facts from a case count
 * them: 15 January → 14 March is 1. */
static int
months_between (int from,
                int to)
{
  int fy, fm, fd, ty, tm, td, months;

  jz_demo_civil_from_days (from, &fy, &fm, &fd);
  jz_demo_civil_from_days (to, &ty, &tm, &td);
  months = (ty - fy) * 12 + tm - fm;
  if (td < fd)
    months--;
  return MAX (months, 0);
}

/* Severe disability as DESIGN §3 has it: grade 1–2, or grade 3
 * intellectual or mental. */
static guint
conditions_of (const JzDemoMember *m)
{
  guint conditions = 0;

  if (m->disability_grade == 1 || m->disability_grade == 2 ||
      (m->disability_grade == 3 &&
       (m->disability_kind == JZ_DEMO_KIND_INTELLECTUAL || m->disability_kind == JZ_DEMO_KIND_MENTAL)))
    conditions |= JZ_BENEFIT_SEVERE_DISABILITY;
  if (m->illness != NULL)
    conditions |= JZ_BENEFIT_SEVERE_ILLNESS;
  if (m->sanwu)
    conditions |= JZ_BENEFIT_SANWU;

  return conditions;
}

/* The household of @plan as it is on @day, as the engine reads it from
 * the database: the members then on file (for a case of one person, that
 * person), in the program unless left out of the dibao, with their
 * incomes and conditions. */
static void
facts_on (const JzDemo          *demo,
          const JzDemoHousehold *hh,
          const JzDemoCasePlan  *plan,
          int                    day,
          const Exit            *exit,
          Facts                 *f)
{
  const JzDemoTownship *township = &demo->townships[demo->villages[hh->village].township];
  gboolean dibao = is_dibao (plan->program);
  gint64 income, listed = 0;
  guint n = 0;

  memset (&f->facts, 0, sizeof f->facts);
  f->facts.program = benefit_programs[plan->program];
  f->facts.hukou = hh->urban ? JZ_STANDARD_HUKOU_URBAN : JZ_STANDARD_HUKOU_RURAL;
  f->facts.members = f->members;
  f->facts.exit_months = -1;
  f->persons = 0;
  set_date (&f->on, day);

  for (guint i = 0; i < hh->n; i++)
    {
      const JzDemoMember *m = &hh->m[i];
      JzBenefitMember *member;

      if ((plan->member >= 0 && (int) i != plan->member) || !member_on (m, day))
        continue;

      member = &f->members[n++];
      set_date (&member->birth, m->birth);
      member->in_program = !dibao || !m->excluded;
      member->monthly_income = jz_demo_member_income (m);
      member->conditions = conditions_of (m);
      listed += member->monthly_income;
      f->persons += member->in_program ? 1 : 0;
    }
  f->facts.n_members = n;

  /* The household's income as the history has it: before a rise, or for
   * a file its survivors continue, the members' items are not those of
   * the day.  The engine counts the total only. */
  income = hh->income_rose_on != 0 && day < hh->income_rose_on ? hh->income_before : hh->income_now;
  if (plan->member < 0 && n > 0 && listed != income)
    {
      for (guint i = 0; i < n; i++)
        f->members[i].monthly_income = 0;
      f->members[0].monthly_income = income;
    }

  if (plan->program == JZ_DEMO_TEKUN_DISPERSED)
    f->facts.care_tier = (JzBenefitCareTier) (JZ_BENEFIT_CARE_SELF + hh->m[plan->member].care);
  if (plan->program == JZ_DEMO_TEKUN_CENTRALIZED)
    f->facts.institution = (char *) township->institution;  /* read, never freed */
  if (plan->program == JZ_DEMO_TEMPORARY)
    {
      f->facts.temp_kind = plan->temp_kind;
      f->facts.temp_multiple_bp = plan->temp_rate_bp;
      f->facts.emergency = plan->emergency;
    }
  if (exit != NULL && exit->from != 0 && day >= exit->from)
    {
      f->facts.exit_months = months_between (exit->from, day);
      f->facts.amount_before = exit->before;
    }

  if (plan->member >= 0 || !dibao)
    f->persons = MAX ((int) n, 1);
}

/* The monthly amount in force on @day (the one-off amount, for temporary
 * assistance), and the persons it is for. */
static gint64
amount_on (const JzDemo          *demo,
           const JzDemoHousehold *hh,
           const JzDemoCasePlan  *plan,
           int                    day,
           const Exit            *exit,
           int                   *persons)
{
  g_autoptr(GError) error = NULL;
  Facts f;
  gint64 total = 0;

  facts_on (demo, hh, plan, day, exit, &f);
  if (!jz_benefit_compute_total (&f.facts, jz_demo_values_at (demo, hh->urban, day), &f.on, &total, &error))
    {
      /* A bug in the generator, not something a clerk can fix. */
      g_critical ("The demo made up a case the benefit engine refuses: %s", error->message);
      return 0;
    }

  if (persons != NULL)
    *persons = f.persons;
  return total;
}

/* The engine's itemized breakdown behind the amount of @day, as JSON. */
static char *
breakdown_on (const JzDemo          *demo,
              const JzDemoHousehold *hh,
              const JzDemoCasePlan  *plan,
              int                    day,
              const Exit            *exit,
              gint64                 amount)
{
  g_autoptr(JzBenefitResult) result = NULL;
  g_autoptr(GError) error = NULL;
  Facts f;

  facts_on (demo, hh, plan, day, exit, &f);
  result = jz_benefit_compute (&f.facts, jz_demo_values_at (demo, hh->urban, day), &f.on, &error);
  if (result == NULL)
    {
      g_critical ("The demo made up a case the benefit engine refuses: %s", error->message);
      return NULL;
    }
  if (result->total != amount)
    g_critical ("The engine's breakdown of a demo case does not add up to its amount");

  return jz_benefit_result_to_saved_json (result);
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

/* Anyone left for @plan on @day?  Between the death of the last one and
 * the end of the case there is no amount to change. */
static gboolean
covered_on (const JzDemoHousehold *hh,
            const JzDemoCasePlan  *plan,
            int                    day)
{
  if (plan->member >= 0)
    return member_on (&hh->m[plan->member], day);

  for (guint i = 0; i < hh->n; i++)
    if (member_on (&hh->m[i], day) && (!hh->m[i].excluded || !is_dibao (plan->program)))
      return TRUE;
  return FALSE;
}

/* For a household case, the changes of its members that change the
 * amount, each from the month after: a birth, the 18th and 60th
 * birthdays (the increments for minors and the elderly), a death. */
static void
add_member_events (const JzDemoHousehold *hh,
                   int                    after,
                   int                    last,
                   Event                 *events,
                   guint                 *n,
                   guint                  max)
{
  for (guint i = 0; i < hh->n; i++)
    {
      const JzDemoMember *m = &hh->m[i];
      const struct { int on; EventKind kind; } changes[] = {
        { jz_demo_month_start (m->birth, 1), EVENT_BIRTH },
        { jz_demo_month_start (jz_demo_birthday (m->birth, 18), 1), EVENT_ADULT },
        { jz_demo_month_start (jz_demo_birthday (m->birth, 60), 1), EVENT_SIXTY },
        { m->died_on != 0 ? jz_demo_month_start (m->died_on, 1) : 0, EVENT_DEATH },
      };

      for (guint c = 0; c < G_N_ELEMENTS (changes); c++)
        if (changes[c].on > after && changes[c].on <= last &&
            (changes[c].kind == EVENT_DEATH || alive_on (m, changes[c].on)))
          add_event (events, n, max, changes[c].on, changes[c].kind);
    }
}

/* The review date after @r's decision, as the reviews went: in the month
 * of the end or after it, unless the one before was missed. */
static int
next_review (JzDemo                 *demo,
             const JzDemoCasePlan   *plan,
             const JzDemoCaseResult *r)
{
  const JzWorkflowRules *rules = jz_demo_rules_at (demo, r->decided_on);
  int months = !is_dibao (plan->program) ? rules->tekun_review_months
             : r->unstable_income ? rules->unstable_review_months : rules->review_months;
  int due_from = jz_demo_month_start (demo->end, 0);
  int y, m, d, k = 1;

  months = MAX (months, 1);
  jz_demo_civil_from_days (r->decided_on, &y, &m, &d);

#define REVIEW(k) jz_demo_date_clamped (y + (m - 1 + (k) * months) / 12, (m - 1 + (k) * months) % 12 + 1, d)
  while (REVIEW (k) < due_from)
    k++;
  if (k > 1 && REVIEW (k - 1) > r->starts_on && jz_demo_rng_permille (&demo->aux, MISSED_REVIEW_PER_MILLE))
    k--;
  return REVIEW (k);
#undef REVIEW
}

static void
run_active (JzDemo                *demo,
            const JzDemoHousehold *hh,
            const JzDemoCasePlan  *plan,
            JzDemoCaseResult      *r,
            const char            *reviewer)
{
  static const char * const notes[] = {
    [EVENT_STANDARD] = "保障标准调整",
    [EVENT_BIRTH]    = "家庭成员出生，增加保障人数",
    [EVENT_ADULT]    = "家庭成员年满18周岁，停发未成年人分类施保金",
    [EVENT_SIXTY]    = "家庭成员年满60周岁，增发分类施保金",
    [EVENT_DEATH]    = "家庭成员死亡，减少保障人数",
    [EVENT_EXIT]     = "家庭人均收入超过低保标准，进入渐退期",
    [EVENT_SUSPEND]  = "年度复核时无法联系申请人，暂停发放",
    [EVENT_RESUME]   = "核实情况后恢复发放",
  };
  Event events[JZ_DEMO_MAX_HISTORY];
  guint n_events = 0;
  const char *reason = NULL;
  int stop = termination (demo, hh, plan, &reason);
  int last = stop != 0 ? stop - 1 : demo->end;
  gboolean suspended = FALSE;
  Exit exit = { 0, 0 };
  int amount_day;
  Exit amount_exit;
  gint64 cur;

  cur = amount_on (demo, hh, plan, r->starts_on, &exit, &r->persons);
  push (r, r->starts_on, JZ_DEMO_ACTIVE, cur, "", reviewer);
  amount_day = r->starts_on;
  amount_exit = exit;
  r->breakdown_row = (int) r->n_history - 1;

  for (guint i = 0; i < demo->n_standard_dates; i++)
    if (demo->standard_dates[i] > r->starts_on && demo->standard_dates[i] <= last)
      add_event (events, &n_events, G_N_ELEMENTS (events), demo->standard_dates[i], EVENT_STANDARD);

  if (is_dibao (plan->program))
    {
      add_member_events (hh, r->starts_on, last, events, &n_events, G_N_ELEMENTS (events));
      if (plan->exit_from > r->starts_on && plan->exit_from <= last)
        add_event (events, &n_events, G_N_ELEMENTS (events), plan->exit_from, EVENT_EXIT);
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
      gint64 amount;
      int persons;

      if (e->kind == EVENT_SUSPEND)
        {
          push (r, e->on, JZ_DEMO_SUSPENDED, 0, notes[e->kind], reviewer);
          r->reason = notes[e->kind];
          suspended = TRUE;
          continue;
        }
      if ((suspended && e->kind != EVENT_RESUME) || !covered_on (hh, plan, e->on))
        continue;
      suspended = FALSE;

      /* Entering gradual exit is a decision of its own, even though the
       * amount stays what it was. */
      if (e->kind == EVENT_EXIT)
        {
          exit.from = e->on;
          exit.before = cur;
        }

      amount = amount_on (demo, hh, plan, e->on, &exit, &persons);
      if (amount == cur && e->kind != EVENT_EXIT && e->kind != EVENT_RESUME)
        continue;

      cur = amount;
      r->persons = persons;
      r->reason = NULL;
      push (r, e->on, JZ_DEMO_ACTIVE, cur, notes[e->kind], reviewer);
      amount_day = e->on;
      amount_exit = exit;
      r->breakdown_row = (int) r->n_history - 1;
    }

  if (stop != 0)
    {
      push (r, stop, JZ_DEMO_TERMINATED, 0, reason, reviewer);
      r->ended_on = stop;
      r->end_reason = r->reason = reason;
      r->amount = 0;
      r->breakdown_row = -1;
      return;
    }

  r->amount = suspended ? 0 : cur;
  if (is_dibao (plan->program) || is_tekun (plan->program))
    r->next_review_on = next_review (demo, plan, r);

  /* Only for what is paid now: the breakdowns of every past amount would
   * make the file much larger, and the engine can explain them again. */
  if (suspended)
    r->breakdown_row = -1;
  else
    r->breakdown = breakdown_on (demo, hh, plan, amount_day, &amount_exit, cur);
}

/* The deadlines of an application still under way at the end. */
static void
set_deadlines (JzDemo                *demo,
               const JzDemoCasePlan  *plan,
               JzDemoCaseResult      *r)
{
  gboolean tekun = is_tekun (plan->program);
  const JzWorkflowRules *rules;

  if (r->accepted_on == 0)
    return;

  rules = jz_demo_rules_at (demo, r->accepted_on);
  r->process_due_on = jz_demo_add_working_days (demo, r->accepted_on, rules->process_days);
  r->process_limit_on = jz_demo_add_working_days (demo, r->accepted_on, rules->process_limit_days);

  switch (r->status)
    {
    case JZ_DEMO_ACCEPTED:
      r->step_due_on = jz_demo_add_working_days (demo, r->accepted_on, rules->investigation_start_days);
      break;
    case JZ_DEMO_INVESTIGATING:
      rules = jz_demo_rules_at (demo, r->investigated_on);
      r->step_due_on = tekun ? jz_demo_add_working_days (demo, r->investigated_on, rules->tekun_investigation_days)
                             : r->process_due_on;
      break;
    case JZ_DEMO_VILLAGE_NOTICE:
      r->step_due_on = r->process_due_on;
      break;
    case JZ_DEMO_TOWNSHIP_REVIEWED:
      rules = jz_demo_rules_at (demo, r->reviewed_on);
      r->step_due_on = jz_demo_add_working_days (demo, r->reviewed_on,
                                                 tekun ? rules->tekun_decision_days : rules->decision_days);
      break;
    case JZ_DEMO_APPROVED:
      /* Waiting for payment to start. */
      r->step_due_on = r->starts_on;
      break;
    case JZ_DEMO_SUBMITTED:
    case JZ_DEMO_ACTIVE:
    case JZ_DEMO_SUSPENDED:
    case JZ_DEMO_TERMINATED:
    case JZ_DEMO_REJECTED:
    case JZ_DEMO_WITHDRAWN:
    default:
      r->process_due_on = r->process_limit_on = 0;
      break;
    }
}

/* A household living on wages or a business has an unstable income. */
static gboolean
earns_unsteadily (const JzDemoHousehold *hh)
{
  for (guint i = 0; i < hh->n; i++)
    for (guint j = 0; j < hh->m[i].n_incomes; j++)
      if (hh->m[i].income_kind[j] == JZ_DEMO_WAGE || hh->m[i].income_kind[j] == JZ_DEMO_BUSINESS)
        return TRUE;
  return FALSE;
}

/* One step after @lo … @hi days (times @pace), or FALSE when it would
 * come after the end. */
static gboolean
step (JzDemo           *demo,
      JzDemoCaseResult *r,
      int              *day,
      int               lo,
      int               hi,
      int               pace,
      JzDemoStatus      status,
      const char       *note,
      const char       *user)
{
  *day += jz_demo_rng_range (&demo->rng, lo, hi) * pace;
  if (*day > demo->end)
    return FALSE;

  push (r, *day, status, 0, note, user);
  return TRUE;
}

/* Walks @plan through the steps of the 2021 rules, from the application
 * to the decision and the months of payment, as far as the end date. */
void
jz_demo_case_run (JzDemo                *demo,
                  const JzDemoHousehold *hh,
                  const JzDemoCasePlan  *plan,
                  JzDemoCaseResult      *r)
{
  const char *clerk = demo->townships[demo->villages[hh->village].township].clerk;
  const char *reviewer = demo->reviewer;
  gboolean temporary = plan->program == JZ_DEMO_TEMPORARY;
  gboolean tekun = is_tekun (plan->program);
  int day = plan->applied_on;
  int pace = 1;
  int notice;
  Facts f;

  g_assert (r->breakdown == NULL);
  memset (r, 0, G_STRUCT_OFFSET (JzDemoCaseResult, history));
  r->n_history = 0;
  r->breakdown_row = -1;
  facts_on (demo, hh, plan, day, NULL, &f);
  r->persons = f.persons;
  r->unstable_income = is_dibao (plan->program) && earns_unsteadily (hh) &&
                       jz_demo_rng_permille (&demo->aux, UNSTABLE_PER_MILLE);

  push (r, day, JZ_DEMO_SUBMITTED, 0, "", clerk);
  if (temporary && plan->emergency)
    {
      int reviewed = day + jz_demo_rng_range (&demo->aux, 1, 10);

      r->amount = amount_on (demo, hh, plan, day, NULL, &r->persons);
      r->decided_on = r->starts_on = day;
      r->emergency_reviewed_on = reviewed <= demo->end ? reviewed : 0;
      push (r, day, JZ_DEMO_APPROVED, r->amount, plan->temp_note, reviewer);
      return;
    }

  /* A slow one among the recent applications; only where nothing is to
   * end the case, which it might then outlast. */
  if (plan->applied_on >= demo->end - 100 && plan->end_on == 0 && hh->closed_on == 0 &&
      (plan->member < 0 || hh->m[plan->member].died_on == 0) &&
      jz_demo_rng_permille (&demo->aux, SLOW_PER_MILLE))
    pace = 3;

  if (!step (demo, r, &day, 0, 2, pace, JZ_DEMO_ACCEPTED, "", clerk))
    goto under_way;
  r->accepted_on = day;
  if (plan->outcome == JZ_DEMO_WITHDRAW)
    {
      if (!step (demo, r, &day, 3, 15, pace, JZ_DEMO_WITHDRAWN, "申请人主动撤回申请", clerk))
        goto under_way;
      r->decided_on = day;
      r->end_reason = r->reason = "申请人主动撤回申请";
      return;
    }
  if (!step (demo, r, &day, 1, 3, pace, JZ_DEMO_INVESTIGATING, "", clerk))
    goto under_way;
  r->investigated_on = day;
  if (plan->outcome == JZ_DEMO_REJECT_EARLY)
    {
      if (!step (demo, r, &day, 5, 15, pace, JZ_DEMO_REJECTED, plan->reason, reviewer))
        goto under_way;
      r->decided_on = day;
      r->end_reason = r->reason = plan->reason;
      return;
    }
  if (!temporary)
    {
      if (!step (demo, r, &day, 4, 10, pace, JZ_DEMO_VILLAGE_NOTICE, "", clerk))
        goto under_way;
      notice = MAX (jz_demo_rules_at (demo, day)->notice_days, 1);
      r->notice_from = day;
      r->notice_to = day + notice - 1;
      /* The township reviews once the notice has run its course. */
      if (!step (demo, r, &day, notice, notice + 2, pace, JZ_DEMO_TOWNSHIP_REVIEWED, "", clerk))
        goto under_way;
      r->reviewed_on = day;
      /* The county checks a little more than the least share it must. */
      r->sampled = tekun && jz_demo_rng_below (&demo->aux, 10000) <
                            (guint) jz_demo_rules_at (demo, day)->tekun_sample_rate_bp + 500;
    }
  if (plan->outcome == JZ_DEMO_REJECT)
    {
      if (!step (demo, r, &day, 3, 12, pace, JZ_DEMO_REJECTED, plan->reason, reviewer))
        goto under_way;
      r->decided_on = day;
      r->end_reason = r->reason = plan->reason;
      return;
    }

  day += (temporary ? jz_demo_rng_range (&demo->rng, 1, 5) : jz_demo_rng_range (&demo->rng, 3, 12)) * pace;
  if (day > demo->end)
    goto under_way;
  r->decided_on = day;

  if (temporary)
    {
      r->starts_on = day;
      r->amount = amount_on (demo, hh, plan, day, NULL, &r->persons);
      push (r, day, JZ_DEMO_APPROVED, r->amount, plan->temp_note, reviewer);
      return;
    }

  /* Payment starts the month after the decision, and the amount is the
   * one in force then, as the workflow computes it. */
  r->starts_on = jz_demo_month_start (day, 1);
  r->amount = amount_on (demo, hh, plan, r->starts_on, NULL, &r->persons);
  push (r, day, JZ_DEMO_APPROVED, r->amount, "", reviewer);

  if (r->starts_on <= demo->end)
    {
      run_active (demo, hh, plan, r, reviewer);
      return;
    }

  r->breakdown_row = (int) r->n_history - 1;
  r->breakdown = breakdown_on (demo, hh, plan, r->starts_on, NULL, r->amount);

under_way:
  set_deadlines (demo, plan, r);
}
