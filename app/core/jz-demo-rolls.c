/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The payment rolls of the demo's history (data/sql/008-rolls.sql): for
 * each township, each month its dibao and its monthly subsidies, each
 * quarter its dispersed tekun, made by the township's clerk in the first
 * days of the period, locked by the district's reviewer and paid by the
 * 10th, a few a little late.
 *
 * A roll holds the cases in payment on the first day of its period, with
 * the amount the case history has in force that day: the roll as
 * jz_roll_generate() would have made it then, when a case decided during
 * the period was not active yet, and one suspended or ended was no longer.
 * The amounts are those of the history rows, never computed again, so the
 * rolls and case_history cannot disagree.
 *
 * The rolls are written first, as checked; each case's lines right after
 * the case, while its row and its household's are in the page cache (the
 * keys of a line are checked against both); then each roll gets its count
 * and total, is locked and paid — in that order, because the triggers
 * refuse lines to a locked roll.  So the lines of a roll are in the order
 * of its cases, but not next to each other: looking up the cases of one
 * roll after another, in rolls of a quarter of a million households,
 * spent more time than writing all the rest of the demo.  The dates come
 * from a stream of random numbers of their own, so that every other row
 * of the demo stays as it was without the rolls. */

#include "config.h"

#include <string.h>

#include "jz-demo-private.h"

#define ROLLS_SEED_MIX  G_GUINT64_CONSTANT (0x726f6c6c7364656d)
#define DUE_DAY         10    /* the day of the period's first month a roll is due */
#define LATE_PER_MILLE  60    /* rolls paid on the 12th to the 15th */
#define MAX_PERIODS     (24 + 8 + 2)

typedef enum
{
  GROUP_DIBAO,
  GROUP_SUBSIDY,
  GROUP_TEKUN,
  N_GROUPS
} Group;

/* The programs of each roll, as jz-roll.c writes them: in program order,
 * comma-separated. */
static const struct
{
  const char *programs;
  int         months;
} groups[N_GROUPS] = {
  [GROUP_DIBAO]   = { "dibao_urban,dibao_rural", 1 },
  [GROUP_SUBSIDY] = { "disability_living,disability_care,child_living", 1 },
  [GROUP_TEKUN]   = { "tekun_dispersed", 3 },
};

static const char * const program_codes[JZ_DEMO_N_PROGRAMS] = {
  [JZ_DEMO_DIBAO_URBAN]       = "dibao_urban",
  [JZ_DEMO_DIBAO_RURAL]       = "dibao_rural",
  [JZ_DEMO_TEKUN_DISPERSED]   = "tekun_dispersed",
  [JZ_DEMO_DISABILITY_LIVING] = "disability_living",
  [JZ_DEMO_DISABILITY_CARE]   = "disability_care",
  [JZ_DEMO_CHILD_LIVING]      = "child_living",
};

/* A month or a quarter of the history whose rolls were due by the end. */
typedef struct
{
  int from;
  int months;
} Period;

/* When a township's rolls of a month were made, locked and paid. */
typedef struct
{
  int created_on;
  int created_second;
  int locked_on;
  int locked_second;
  int paid_on;
} Schedule;

typedef struct
{
  gint64   id;           /* 0: no roll of this group for the period */
  guint    lines;
  gint64   total;
  Schedule schedule;
} Roll;

struct _JzDemoRolls
{
  JzDemoRng     rng;
  Period        periods[MAX_PERIODS];
  guint         n_periods;
  Roll          rolls[MAX_PERIODS][JZ_DEMO_N_TOWNSHIPS][N_GROUPS];
  sqlite3_stmt *line;
  gint64        next_line;
};

static int
group_of (JzDemoProgram program)
{
  switch (program)
    {
    case JZ_DEMO_DIBAO_URBAN:
    case JZ_DEMO_DIBAO_RURAL:
      return GROUP_DIBAO;
    case JZ_DEMO_DISABILITY_LIVING:
    case JZ_DEMO_DISABILITY_CARE:
    case JZ_DEMO_CHILD_LIVING:
      return GROUP_SUBSIDY;
    case JZ_DEMO_TEKUN_DISPERSED:
      return GROUP_TEKUN;
    /* Centralized tekun is paid to the institution, temporary assistance
     * once, low-income monitoring not at all: no roll of the demo's. */
    case JZ_DEMO_TEKUN_CENTRALIZED:
    case JZ_DEMO_TEMPORARY:
    case JZ_DEMO_LOW_INCOME:
    case JZ_DEMO_N_PROGRAMS:
    default:
      return -1;
    }
}

/* --- dates -------------------------------------------------------------- */

static gboolean
is_working_day (const JzDemo *demo,
                int           day)
{
  return jz_demo_add_working_days (demo, day - 1, 1) == day;
}

/* A working day from @from to @to, or 0 when there is none. */
static int
working_day_between (const JzDemo *demo,
                     JzDemoRng    *rng,
                     int           from,
                     int           to)
{
  int days[32];
  guint n = 0;

  for (int day = from; day <= to && n < G_N_ELEMENTS (days); day++)
    if (is_working_day (demo, day))
      days[n++] = day;
  return n > 0 ? days[jz_demo_rng_below (rng, n)] : 0;
}

/* In office hours, 08:30–17:30 in Beijing, written in UTC as the
 * workflow's own times are. */
static int
office_second (JzDemoRng *rng)
{
  return 1800 + (int) jz_demo_rng_below (rng, 30600);
}

static void
format_time (int   day,
             int   second,
             char *out,
             gsize size)
{
  char date[11];

  jz_demo_format_date (day, date);
  g_snprintf (out, size, "%sT%02d:%02d:%02d.000Z", date, second / 3600, second / 60 % 60, second % 60);
}

/* Made on the first or second working day of the month, so that the cases
 * that start paying on the 1st are on it; paid by the 10th as the rules
 * want, a few on the 12th to the 15th; locked in between.  Never after
 * the end, which lies on or after the 10th. */
static void
plan_schedule (const JzDemo *demo,
               JzDemoRng    *rng,
               int           month,
               Schedule     *s)
{
  int due = month + DUE_DAY - 1;

  s->created_on = jz_demo_add_working_days (demo, month - 1, 1 + (int) jz_demo_rng_below (rng, 2));
  s->created_second = office_second (rng);

  s->paid_on = 0;
  if (jz_demo_rng_permille (rng, LATE_PER_MILLE))
    s->paid_on = working_day_between (demo, rng, MAX (month + 11, s->created_on + 1), MIN (month + 14, demo->end));
  if (s->paid_on == 0)
    s->paid_on = working_day_between (demo, rng, MAX (month + 2, s->created_on + 1), due);
  /* The first ten days were all holidays but the one it was made on. */
  if (s->paid_on == 0)
    s->paid_on = MIN (jz_demo_add_working_days (demo, s->created_on, 1), MAX (demo->end, s->created_on));

  s->locked_on = s->paid_on > s->created_on ? working_day_between (demo, rng, s->created_on, s->paid_on - 1) : 0;
  if (s->locked_on == 0)
    s->locked_on = s->created_on;
  /* Locked after it was made. */
  s->locked_second = s->locked_on == s->created_on
                     ? MIN (s->created_second + 600 + (int) jz_demo_rng_below (rng, 3600), 86399)
                     : office_second (rng);
}

/* --- the rolls, before and after their lines ---------------------------- */

static gboolean
insert_rolls (JzDb          *db,
              const JzDemo  *demo,
              JzDemoRolls   *rolls,
              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 next = 0;

  stmt = jz_db_prepare (db,
                        "INSERT INTO rolls (id, programs, period, period_from, period_to, months, township_id, "
                        "status, due_on, created_at, created_by, checked_by, version) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, 'checked', ?, ?, ?, ?, 2)",
                        error);
  if (stmt == NULL || !jz_demo_query_int (db, "SELECT coalesce (max (id), 0) + 1 FROM rolls", &next, error))
    return FALSE;

  for (guint p = 0; p < rolls->n_periods; p++)
    for (guint t = 0; t < JZ_DEMO_N_TOWNSHIPS; t++)
      for (guint g = 0; g < N_GROUPS; g++)
        {
          const Period *period = &rolls->periods[p];
          const JzDemoTownship *township = &demo->townships[t];
          Roll *roll = &rolls->rolls[p][t][g];
          char name[12], from[11], to[11], due[11], created[32];
          int y, m, d;

          if (groups[g].months != period->months)
            continue;

          jz_demo_civil_from_days (period->from, &y, &m, &d);
          if (period->months == 3)
            g_snprintf (name, sizeof name, "%04d-Q%d", y, (m - 1) / 3 + 1);
          else
            g_snprintf (name, sizeof name, "%04d-%02d", y, m);
          jz_demo_format_date (period->from, from);
          jz_demo_format_date (jz_demo_month_start (period->from, period->months) - 1, to);
          jz_demo_format_date (period->from + DUE_DAY - 1, due);
          format_time (roll->schedule.created_on, roll->schedule.created_second, created, sizeof created);

          roll->id = next++;
          sqlite3_bind_int64 (stmt, 1, roll->id);
          jz_demo_bind_text (stmt, 2, groups[g].programs);
          jz_demo_bind_text (stmt, 3, name);
          jz_demo_bind_text (stmt, 4, from);
          jz_demo_bind_text (stmt, 5, to);
          sqlite3_bind_int (stmt, 6, period->months);
          sqlite3_bind_int64 (stmt, 7, township->id);
          jz_demo_bind_text (stmt, 8, due);
          jz_demo_bind_text (stmt, 9, created);
          jz_demo_bind_text (stmt, 10, township->clerk);
          jz_demo_bind_text (stmt, 11, township->clerk);
          if (!jz_db_step_done (db, stmt, error))
            return FALSE;
        }

  return TRUE;
}

static gboolean
step_one (JzDb          *db,
          sqlite3_stmt  *stmt,
          GError       **error)
{
  if (!jz_db_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (jz_db_get_handle (db)) != 1)
    {
      /* A bug in the generator, not something a clerk can fix. */
      g_critical ("A demo roll was not in the state for its next step");
      jz_db_set_error (db, SQLITE_ERROR, error);
      return FALSE;
    }
  return TRUE;
}

/* Count and total, then locked and paid as jz_roll_lock() and
 * jz_roll_mark_paid() step a roll on; a roll nobody was paid on is thrown
 * away as a draft would be. */
static gboolean
close_rolls (JzDb          *db,
             const JzDemo  *demo,
             JzDemoRolls   *rolls,
             GError       **error)
{
  g_autoptr(sqlite3_stmt) lock = NULL;
  g_autoptr(sqlite3_stmt) pay = NULL;
  g_autoptr(sqlite3_stmt) discard = NULL;

  lock = jz_db_prepare (db,
                        "UPDATE rolls SET lines = ?, total = ?, status = 'locked', locked_at = ?, locked_by = ?, "
                        "version = version + 1 WHERE id = ? AND status = 'checked'",
                        error);
  if (lock == NULL)
    return FALSE;
  pay = jz_db_prepare (db, "UPDATE rolls SET status = 'paid', paid_on = ? WHERE id = ? AND status = 'locked'", error);
  if (pay == NULL)
    return FALSE;
  discard = jz_db_prepare (db, "DELETE FROM rolls WHERE id = ? AND status = 'checked'", error);
  if (discard == NULL)
    return FALSE;

  for (guint p = 0; p < rolls->n_periods; p++)
    for (guint t = 0; t < JZ_DEMO_N_TOWNSHIPS; t++)
      for (guint g = 0; g < N_GROUPS; g++)
        {
          const Roll *roll = &rolls->rolls[p][t][g];
          char locked[32], paid[11];

          if (roll->id == 0)
            continue;
          if (roll->lines == 0)
            {
              sqlite3_bind_int64 (discard, 1, roll->id);
              if (!step_one (db, discard, error))
                return FALSE;
              continue;
            }

          format_time (roll->schedule.locked_on, roll->schedule.locked_second, locked, sizeof locked);
          jz_demo_format_date (roll->schedule.paid_on, paid);
          sqlite3_bind_int64 (lock, 1, roll->lines);
          sqlite3_bind_int64 (lock, 2, roll->total);
          jz_demo_bind_text (lock, 3, locked);
          jz_demo_bind_text (lock, 4, demo->reviewer);
          sqlite3_bind_int64 (lock, 5, roll->id);
          if (!step_one (db, lock, error))
            return FALSE;
          jz_demo_bind_text (pay, 1, paid);
          sqlite3_bind_int64 (pay, 2, roll->id);
          if (!step_one (db, pay, error))
            return FALSE;
        }

  return TRUE;
}

/* --- the generator's side ----------------------------------------------- */

/**
 * jz_demo_rolls_begin:
 *
 * Writes the rolls of every period of the history that was due by the end
 * (its first month's 10th on or before it), as checked and without lines:
 * period after period, within one township after township.  Before the
 * households, in the demo's transaction.
 */
gboolean
jz_demo_rolls_begin (JzDb     *db,
                     JzDemo   *demo,
                     guint64   seed,
                     GError  **error)
{
  JzDemoRolls *rolls;

  g_assert (demo->rolls == NULL);
  rolls = demo->rolls = g_new0 (JzDemoRolls, 1);
  jz_demo_rng_init (&rolls->rng, seed ^ ROLLS_SEED_MIX);

  for (int month = demo->history_start; month + DUE_DAY - 1 <= demo->end; month = jz_demo_month_start (month, 1))
    {
      int y, m, d;

      jz_demo_civil_from_days (month, &y, &m, &d);
      g_assert (rolls->n_periods + 2 <= MAX_PERIODS);
      rolls->periods[rolls->n_periods++] = (Period) { month, 1 };
      if ((m - 1) % 3 == 0)
        rolls->periods[rolls->n_periods++] = (Period) { month, 3 };

      /* A township makes and pays its rolls of a month together. */
      for (guint t = 0; t < JZ_DEMO_N_TOWNSHIPS; t++)
        {
          Schedule s;

          plan_schedule (demo, &rolls->rng, month, &s);
          for (guint p = rolls->n_periods - ((m - 1) % 3 == 0 ? 2 : 1); p < rolls->n_periods; p++)
            for (guint g = 0; g < N_GROUPS; g++)
              rolls->rolls[p][t][g].schedule = s;
        }
    }

  rolls->line = jz_db_prepare (db,
                               "INSERT INTO roll_lines (id, roll_id, case_id, household_id, program, kind, months, "
                               "monthly_amount, amount) VALUES (?, ?, ?, ?, ?, 'regular', ?, ?, ?)",
                               error);
  return rolls->line != NULL &&
         jz_demo_query_int (db, "SELECT coalesce (max (id), 0) + 1 FROM roll_lines", &rolls->next_line, error) &&
         insert_rolls (db, demo, rolls, error);
}

/**
 * jz_demo_rolls_case:
 *
 * Writes the lines of a case just written, one on the roll of each period
 * whose first day the case was paid on, with the amount of its history in
 * force that day.
 */
gboolean
jz_demo_rolls_case (JzDb                    *db,
                    JzDemo                  *demo,
                    const JzDemoHousehold   *hh,
                    const JzDemoCasePlan    *plan,
                    const JzDemoCaseResult  *result,
                    gint64                   case_id,
                    GError                 **error)
{
  JzDemoRolls *rolls = demo->rolls;
  int group = group_of (plan->program);
  guint township = demo->villages[hh->village].township;
  guint first, row;
  sqlite3_stmt *s = rolls->line;

  if (group < 0 || result->starts_on == 0 || result->starts_on > demo->end)
    return TRUE;

  /* The rows before the first month paid (the application, the approval)
   * pay nothing yet. */
  for (first = 0; first < result->n_history && result->history[first].on < result->starts_on; first++)
    ;
  row = first;

  for (guint p = 0; p < rolls->n_periods; p++)
    {
      const Period *period = &rolls->periods[p];
      Roll *roll = &rolls->rolls[p][township][group];
      gint64 monthly;

      if (roll->id == 0 || period->from < result->starts_on || row >= result->n_history)
        continue;
      /* The newest row on or before the first day; the days only grow. */
      while (row + 1 < result->n_history && result->history[row + 1].on <= period->from)
        row++;
      monthly = result->history[row].on <= period->from ? result->history[row].amount : 0;
      if (monthly <= 0)
        continue;

      sqlite3_bind_int64 (s, 1, rolls->next_line++);
      sqlite3_bind_int64 (s, 2, roll->id);
      sqlite3_bind_int64 (s, 3, case_id);
      sqlite3_bind_int64 (s, 4, hh->id);
      jz_demo_bind_text (s, 5, program_codes[plan->program]);
      sqlite3_bind_int (s, 6, period->months);
      sqlite3_bind_int64 (s, 7, monthly);
      sqlite3_bind_int64 (s, 8, monthly * period->months);
      if (!jz_db_step_done (db, s, error))
        return FALSE;
      roll->lines++;
      roll->total += monthly * period->months;
    }

  return TRUE;
}

/**
 * jz_demo_rolls_finish:
 *
 * Once every case is written: the rolls get their count and total, and
 * are locked and paid.
 */
gboolean
jz_demo_rolls_finish (JzDb     *db,
                      JzDemo   *demo,
                      GError  **error)
{
  g_clear_pointer (&demo->rolls->line, sqlite3_finalize);
  return close_rolls (db, demo, demo->rolls, error);
}

void
jz_demo_rolls_clear (JzDemo *demo)
{
  if (demo->rolls == NULL)
    return;

  g_clear_pointer (&demo->rolls->line, sqlite3_finalize);
  g_clear_pointer (&demo->rolls, g_free);
}
