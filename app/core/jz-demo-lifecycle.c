/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A case from the application to the end of the history: the steps of
 * the 2021 rules, the decision, and every change of the amount paid. */

#include "config.h"

#include "jz-demo-private.h"

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
      std = jz_demo_std_dibao (demo, hh->urban, day);
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
      return jz_demo_apply_bp (jz_demo_std_dibao (demo, hh->urban, day), demo->tekun_ratio_bp[hh->urban ? 1 : 0]) +
             jz_demo_apply_bp (jz_demo_standard_at (demo, JZ_DEMO_SERIES_MIN_WAGE, day), demo->care_bp[m->care]);

    case JZ_DEMO_TEMPORARY:
      return jz_demo_apply_bp (jz_demo_std_dibao (demo, TRUE, day), plan->temp_rate_bp);

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
