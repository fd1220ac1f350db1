/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Payment rolls: generated from the cases with the engine's amounts,
 * checked, locked for ever, paid.  See jz-roll.h. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jz-audit.h"
#include "jz-benefit.h"
#include "jz-calendar.h"
#include "jz-db-private.h"
#include "jz-office.h"
#include "jz-roll.h"
#include "jz-workflow.h"

G_DEFINE_QUARK (jz-roll-error-quark, jz_roll_error)

static gboolean
fail (GError     **error,
      JzRollError  code,
      const char  *message)
{
  g_set_error_literal (error, JZ_ROLL_ERROR, code, message);
  return FALSE;
}

void
jz_roll_free (JzRoll *roll)
{
  if (roll == NULL)
    return;
  g_free (roll->programs);
  g_free (roll->period);
  g_free (roll->period_from);
  g_free (roll->period_to);
  g_free (roll->township_name);
  g_free (roll->status);
  g_free (roll->due_on);
  g_free (roll->created_by);
  g_free (roll->locked_by);
  g_free (roll->paid_on);
  g_free (roll->title);
  g_free (roll->one_off_on);
  g_free (roll->one_off_per);
  g_free (roll);
}

void
jz_roll_line_free (JzRollLine *line)
{
  if (line == NULL)
    return;
  g_free (line->program);
  g_free (line->kind);
  g_free (line->reason);
  g_free (line->payee);
  g_free (line->village_name);
  g_free (line);
}

void
jz_roll_change_free (JzRollChange *change)
{
  if (change == NULL)
    return;
  g_free (change->program);
  g_free (change->change);
  g_free (change);
}

/* ---- periods ------------------------------------------------------------- */

gboolean
jz_roll_parse_period (const char  *period,
                      char       **from,
                      char       **to,
                      int         *months,
                      char       **due_on)
{
  guint64 year, part;
  int first_month, n;
  GDate start, end, due;

  if (period == NULL || strlen (period) != 7 || period[4] != '-')
    return FALSE;
  {
    g_autofree char *y = g_strndup (period, 4);

    if (!g_ascii_string_to_unsigned (y, 10, 2000, 2100, &year, NULL))
      return FALSE;
  }
  if (period[5] == 'Q')
    {
      if (!g_ascii_string_to_unsigned (period + 6, 10, 1, 4, &part, NULL))
        return FALSE;
      first_month = (int) (part - 1) * 3 + 1;
      n = 3;
    }
  else
    {
      if (!g_ascii_string_to_unsigned (period + 5, 10, 1, 12, &part, NULL))
        return FALSE;
      first_month = (int) part;
      n = 1;
    }

  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 1, (GDateMonth) first_month, (GDateYear) year);
  end = start;
  g_date_add_months (&end, (guint) n);
  g_date_subtract_days (&end, 1);
  due = start;
  g_date_add_days (&due, 9);

  if (from != NULL)
    *from = jz_calendar_format_date (&start);
  if (to != NULL)
    *to = jz_calendar_format_date (&end);
  if (months != NULL)
    *months = n;
  if (due_on != NULL)
    *due_on = jz_calendar_format_date (&due);
  return TRUE;
}

/* The period before: 2026-06 → 2026-05, 2026-Q1 → 2025-Q4. */
static char *
previous_period (const char *period)
{
  int year = atoi (period);

  if (period[5] == 'Q')
    {
      int q = atoi (period + 6);

      return q > 1 ? g_strdup_printf ("%04d-Q%d", year, q - 1) : g_strdup_printf ("%04d-Q4", year - 1);
    }
  else
    {
      int m = atoi (period + 5);

      return m > 1 ? g_strdup_printf ("%04d-%02d", year, m - 1) : g_strdup_printf ("%04d-12", year - 1);
    }
}

/* The programs, known and in their order, or NULL. */
static char *
normalize_programs (const char *programs)
{
  static const char * const order[] = {
    "dibao_urban", "dibao_rural", "tekun_dispersed", "tekun_centralized", "temporary",
    "disability_living", "disability_care", "child_living",
  };
  g_auto(GStrv) given = g_strsplit (programs != NULL ? programs : "", ",", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; given[i] != NULL; i++)
    {
      gboolean known = FALSE;

      g_strstrip (given[i]);
      for (guint k = 0; k < G_N_ELEMENTS (order); k++)
        known |= g_str_equal (given[i], order[k]);
      /* Temporary assistance is paid once, not on a roll. */
      if (!known || g_str_equal (given[i], "temporary"))
        return NULL;
    }
  for (guint k = 0; k < G_N_ELEMENTS (order); k++)
    if (g_strv_contains ((const char * const *) given, order[k]))
      g_string_append_printf (out, "%s%s", out->len > 0 ? "," : "", order[k]);
  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

/* ---- reading ---------------------------------------------------------------- */

#define ROLL_COLUMNS \
  "r.id, r.programs, r.period, r.period_from, r.period_to, r.months, coalesce (r.township_id, 0), " \
  "coalesce (t.name, ''), r.status, r.due_on, r.created_by, r.locked_by, r.paid_on, r.lines, r.total, r.version, " \
  "r.title, r.one_off_on, r.one_off_per, coalesce (r.one_off_amount, 0)"
#define ROLL_FROM " FROM rolls r LEFT JOIN regions t ON t.id = r.township_id "

static JzRoll *
roll_from_row (sqlite3_stmt *stmt)
{
  JzRoll *roll = g_new0 (JzRoll, 1);

  roll->id = sqlite3_column_int64 (stmt, 0);
  roll->programs = jz_db_column_dup (stmt, 1);
  roll->period = jz_db_column_dup (stmt, 2);
  roll->period_from = jz_db_column_dup (stmt, 3);
  roll->period_to = jz_db_column_dup (stmt, 4);
  roll->months = sqlite3_column_int (stmt, 5);
  roll->township_id = sqlite3_column_int64 (stmt, 6);
  roll->township_name = jz_db_column_dup (stmt, 7);
  roll->status = jz_db_column_dup (stmt, 8);
  roll->due_on = jz_db_column_dup (stmt, 9);
  roll->created_by = jz_db_column_dup (stmt, 10);
  roll->locked_by = jz_db_column_dup (stmt, 11);
  roll->paid_on = jz_db_column_dup (stmt, 12);
  roll->lines = (guint) sqlite3_column_int (stmt, 13);
  roll->total = sqlite3_column_int64 (stmt, 14);
  roll->version = sqlite3_column_int64 (stmt, 15);
  roll->title = jz_db_column_dup (stmt, 16);
  roll->one_off_on = jz_db_column_dup (stmt, 17);
  roll->one_off_per = jz_db_column_dup (stmt, 18);
  roll->one_off_amount = sqlite3_column_int64 (stmt, 19);
  return roll;
}

JzRoll *
jz_roll_get (JzDb     *db,
             gint64    id,
             GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  stmt = jz_db_prepare (db, "SELECT " ROLL_COLUMNS ROLL_FROM "WHERE r.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return roll_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_NOT_FOUND, _("This payment roll is no longer in the database."));
  else
    jz_db_set_error (db, rc, error);
  return NULL;
}

GPtrArray *
jz_roll_list (JzDb     *db,
              GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) jz_roll_free);
  int rc;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  stmt = jz_db_prepare (db, "SELECT " ROLL_COLUMNS ROLL_FROM "ORDER BY r.period_from DESC, r.id DESC", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, roll_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

GPtrArray *
jz_roll_lines (JzDb     *db,
               gint64    roll_id,
               GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) jz_roll_line_free);
  int rc;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  stmt = jz_db_prepare (db,
                        "SELECT l.id, l.case_id, l.household_id, l.program, l.kind, l.months, l.monthly_amount, "
                        "l.amount, l.reason, coalesce (p.name, hp.name, ''), v.name "
                        "FROM roll_lines l JOIN cases c ON c.id = l.case_id JOIN households h ON h.id = l.household_id "
                        "JOIN regions v ON v.id = h.region_id LEFT JOIN persons p ON p.id = c.person_id "
                        "LEFT JOIN persons hp ON hp.id = h.head_person_id "
                        "WHERE l.roll_id = ? ORDER BY v.code, l.program, l.household_id, l.id",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, roll_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JzRollLine *line = g_new0 (JzRollLine, 1);

      line->id = sqlite3_column_int64 (stmt, 0);
      line->case_id = sqlite3_column_int64 (stmt, 1);
      line->household_id = sqlite3_column_int64 (stmt, 2);
      line->program = jz_db_column_dup (stmt, 3);
      line->kind = jz_db_column_dup (stmt, 4);
      line->months = sqlite3_column_int (stmt, 5);
      line->monthly_amount = sqlite3_column_int64 (stmt, 6);
      line->amount = sqlite3_column_int64 (stmt, 7);
      line->reason = jz_db_column_dup (stmt, 8);
      line->payee = jz_db_column_dup (stmt, 9);
      line->village_name = jz_db_column_dup (stmt, 10);
      g_ptr_array_add (list, line);
    }
  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* ---- generating ----------------------------------------------------------------- */

typedef struct
{
  const char *programs;
  const char *period;
  char       *from;
  char       *to;
  int         months;
  char       *due_on;
  gint64      township_id;
  gboolean    next_month;
  gint64      id;
} Generate;

/* Cases of the roll's programs in payment in the period, in the place. */
#define CASES_SQL \
  "SELECT c.id, c.household_id, c.program, c.starts_on, " \
  "  CASE WHEN c.status = 'active' THEN NULL ELSE c.ended_on END " \
  "FROM cases c JOIN households h ON h.id = c.household_id " \
  "JOIN regions v ON v.id = h.region_id " \
  "WHERE c.program IN (SELECT value FROM json_each (:programs)) " \
  "  AND (:township = 0 OR v.parent_id = :township) " \
  "  AND c.starts_on IS NOT NULL AND c.starts_on <= :to " \
  "  AND (c.status = 'active' OR (c.status IN ('terminated', 'suspended') AND c.ended_on >= :from)) " \
  "ORDER BY c.id"

/* The months from @from (a first day) of @months in which a case that
 * starts on @starts_on and ends on @ended_on (NULL: running) is paid: any
 * month it is in payment a day of — or, with @next_month, only from the
 * month after it starts unless it starts on a first day.  The first such
 * month's first day goes to @first. */
static int
paid_months (const char  *from,
             int          months,
             const char  *starts_on,
             const char  *ended_on,
             gboolean     next_month,
             char         first[11])
{
  int year, month, paid = 0;

  if (sscanf (from, "%4d-%2d", &year, &month) != 2)
    return 0;
  for (int k = 0; k < months; k++, month = month % 12 + 1, year += month == 1)
    {
      char month_first[11], month_last[11];

      g_snprintf (month_first, sizeof month_first, "%04d-%02d-01", year, month);
      g_snprintf (month_last, sizeof month_last, "%04d-%02d-%02d", year, month,
                  g_date_get_days_in_month (month, year));
      if (strcmp (starts_on, next_month ? month_first : month_last) > 0)
        continue;
      if (ended_on != NULL && strcmp (ended_on, month_first) < 0)
        continue;
      if (paid++ == 0)
        memcpy (first, month_first, sizeof month_first);
    }
  return paid;
}

static gboolean
insert_line (JzDb        *db,
             gint64       roll_id,
             gint64       case_id,
             gint64       household_id,
             const char  *program,
             const char  *kind,
             int          months,
             gint64       monthly,
             gint64       amount,
             gint64       corrects,
             const char  *reason,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = jz_db_prepare (db,
                        "INSERT INTO roll_lines (roll_id, case_id, household_id, program, kind, months, monthly_amount, "
                        "amount, corrects, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, nullif (?, 0), ?)",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, roll_id);
  sqlite3_bind_int64 (stmt, 2, case_id);
  sqlite3_bind_int64 (stmt, 3, household_id);
  sqlite3_bind_text (stmt, 4, program, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, kind, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 6, months);
  sqlite3_bind_int64 (stmt, 7, monthly);
  sqlite3_bind_int64 (stmt, 8, amount);
  sqlite3_bind_int64 (stmt, 9, corrects);
  sqlite3_bind_text (stmt, 10, reason, -1, SQLITE_STATIC);
  return jz_db_step_done (db, stmt, error);
}

/* The lines of the locked roll of the period before, same programs and
 * place, whose case got, after the lock, a step in force on that period's
 * first day with another amount (a back-dated review, or an end): the
 * difference, paid back or recovered. */
static gboolean
corrections (JzDb      *db,
             Generate  *g,
             GError   **error)
{
  g_autofree char *before = previous_period (g->period);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = jz_db_prepare (db,
                        "SELECT l.id, l.case_id, l.household_id, l.program, l.months, l.amount, r.period, "
                        "  (SELECT h.monthly_amount FROM case_history h WHERE h.case_id = l.case_id "
                        "     AND h.on_date <= r.period_from AND h.at > r.locked_at "
                        "   ORDER BY h.on_date DESC, h.id DESC LIMIT 1) "
                        "FROM roll_lines l JOIN rolls r ON r.id = l.roll_id "
                        "WHERE r.period = ? AND r.programs = ? AND coalesce (r.township_id, 0) = ? AND r.title IS NULL "
                        "  AND r.status IN ('locked', 'paid') AND l.kind = 'regular' ORDER BY l.id",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, before, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, g->programs, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, g->township_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int months = sqlite3_column_int (stmt, 4);
      gint64 paid = sqlite3_column_int64 (stmt, 5);
      gint64 monthly, difference;
      g_autofree char *reason = NULL;

      if (sqlite3_column_type (stmt, 7) == SQLITE_NULL)
        continue;
      monthly = sqlite3_column_int64 (stmt, 7);
      difference = monthly * months - paid;
      if (difference == 0)
        continue;
      reason = g_strdup_printf (difference > 0
                                /* TRANSLATORS: a back-payment line; %s is the period it is for, 2026-05 */
                                ? _("Back-payment for %s: the amount was corrected after the roll was locked")
                                /* TRANSLATORS: a recovery line; %s is the period it is for, 2026-05 */
                                : _("Recovery for %s: the amount was corrected after the roll was locked"),
                                (const char *) sqlite3_column_text (stmt, 6));
      if (!insert_line (db, g->id, sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2),
                        (const char *) sqlite3_column_text (stmt, 3), difference > 0 ? "back_payment" : "recovery",
                        months, monthly, difference, sqlite3_column_int64 (stmt, 0), reason, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
update_totals (JzDb     *db,
               gint64    roll_id,
               GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = jz_db_prepare (db,
                        "UPDATE rolls SET lines = (SELECT count(*) FROM roll_lines WHERE roll_id = ?1), "
                        "total = (SELECT coalesce (sum (amount), 0) FROM roll_lines WHERE roll_id = ?1) WHERE id = ?1",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, roll_id);
  return jz_db_step_done (db, stmt, error);
}

static gboolean
generate_cb (JzDb     *db,
             gpointer  user_data,
             GError  **error)
{
  Generate *g = user_data;
  g_autoptr(sqlite3_stmt) exists = NULL;
  g_autoptr(sqlite3_stmt) roll = NULL;
  g_autoptr(sqlite3_stmt) cases = NULL;
  g_auto(GStrv) codes = g_strsplit (g->programs, ",", -1);
  g_autofree char *json = NULL;
  int rc;

  exists = jz_db_prepare (db, "SELECT 1 FROM rolls WHERE programs = ? AND period = ? AND coalesce (township_id, 0) = ? AND title IS NULL",
                          error);
  if (exists == NULL)
    return FALSE;
  sqlite3_bind_text (exists, 1, g->programs, -1, SQLITE_STATIC);
  sqlite3_bind_text (exists, 2, g->period, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (exists, 3, g->township_id);
  if (sqlite3_step (exists) == SQLITE_ROW)
    return fail (error, JZ_ROLL_ERROR_EXISTS,
                 _("A roll of these programs for this period and place exists; open it, or discard its draft first."));

  roll = jz_db_prepare (db,
                        "INSERT INTO rolls (programs, period, period_from, period_to, months, township_id, due_on, "
                        "created_at, created_by) VALUES (?, ?, ?, ?, ?, nullif (?, 0), ?, "
                        "strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), ?)",
                        error);
  if (roll == NULL)
    return FALSE;
  sqlite3_bind_text (roll, 1, g->programs, -1, SQLITE_STATIC);
  sqlite3_bind_text (roll, 2, g->period, -1, SQLITE_STATIC);
  sqlite3_bind_text (roll, 3, g->from, -1, SQLITE_STATIC);
  sqlite3_bind_text (roll, 4, g->to, -1, SQLITE_STATIC);
  sqlite3_bind_int (roll, 5, g->months);
  sqlite3_bind_int64 (roll, 6, g->township_id);
  sqlite3_bind_text (roll, 7, g->due_on, -1, SQLITE_STATIC);
  sqlite3_bind_text (roll, 8, jz_db_get_user_name (db), -1, SQLITE_STATIC);
  if (!jz_db_step_done (db, roll, error))
    return FALSE;
  g->id = sqlite3_last_insert_rowid (jz_db_get_handle (db));

  {
    g_autoptr(GString) list = g_string_new ("[");

    for (guint i = 0; codes[i] != NULL; i++)
      g_string_append_printf (list, "%s\"%s\"", i > 0 ? ", " : "", codes[i]);
    g_string_append_c (list, ']');
    json = g_string_free (g_steal_pointer (&list), FALSE);
  }
  cases = jz_db_prepare (db, CASES_SQL, error);
  if (cases == NULL)
    return FALSE;
  sqlite3_bind_text (cases, sqlite3_bind_parameter_index (cases, ":programs"), json, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (cases, sqlite3_bind_parameter_index (cases, ":township"), g->township_id);
  sqlite3_bind_text (cases, sqlite3_bind_parameter_index (cases, ":from"), g->from, -1, SQLITE_STATIC);
  sqlite3_bind_text (cases, sqlite3_bind_parameter_index (cases, ":to"), g->to, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (cases)) == SQLITE_ROW)
    {
      g_autoptr(JzBenefitResult) result = NULL;
      g_autoptr(GError) local = NULL;
      gint64 case_id = sqlite3_column_int64 (cases, 0);
      char first[11];
      int months = paid_months (g->from, g->months, (const char *) sqlite3_column_text (cases, 3),
                                (const char *) sqlite3_column_text (cases, 4), g->next_month, first);

      if (months == 0)
        continue;
      result = jz_benefit_compute_case (db, case_id, first, &local);
      if (result == NULL)
        {
          /* A case the engine cannot compute stops the roll: paying it
           * by guess is worse than not generating. */
          g_propagate_prefixed_error (error, g_steal_pointer (&local),
                                      /* TRANSLATORS: before the engine's reason; %lld is a case number */
                                      _("Case %lld cannot be computed: "), (long long) case_id);
          sqlite3_reset (cases);
          return FALSE;
        }
      if (result->total <= 0)
        continue;
      if (!insert_line (db, g->id, case_id, sqlite3_column_int64 (cases, 1),
                        (const char *) sqlite3_column_text (cases, 2), "regular", months, result->total,
                        result->total * months, 0, NULL, error))
        {
          sqlite3_reset (cases);
          return FALSE;
        }
    }
  sqlite3_reset (cases);
  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return FALSE;
    }

  return corrections (db, g, error) && update_totals (db, g->id, error) &&
         jz_audit_record_change (db, "rolls", g->id, "insert", NULL, error);
}

gint64
jz_roll_generate (JzDb          *db,
                  const JzUser  *user,
                  const char    *programs,
                  const char    *period,
                  gint64         township_id,
                  GError       **error)
{
  return jz_roll_generate_with (db, user, programs, period, township_id, JZ_ROLL_START_OFFICE, error);
}

gint64
jz_roll_generate_with (JzDb          *db,
                       const JzUser  *user,
                       const char    *programs,
                       const char    *period,
                       gint64         township_id,
                       JzRollStart    start,
                       GError       **error)
{
  g_autofree char *normal = normalize_programs (programs);
  Generate g = { 0 };
  gint64 id = 0;

  g_return_val_if_fail (JZ_IS_DB (db), 0);

  if (normal == NULL)
    return fail (error, JZ_ROLL_ERROR_INVALID,
                 _("Choose the programs of the roll from dibao_urban, dibao_rural, tekun_dispersed, tekun_centralized, disability_living, disability_care and child_living.")), 0;
  if (!jz_roll_parse_period (period, &g.from, &g.to, &g.months, &g.due_on))
    return fail (error, JZ_ROLL_ERROR_INVALID, _("Give the period as a month, 2026-06, or a quarter, 2026-Q3.")), 0;
  /* Rolls are the district's to make, or a clerk's for their township. */
  if (!jz_user_check (user, JZ_PERMISSION_APPLY, township_id == 0 ? -1 : township_id, error) &&
      !jz_user_check (user, JZ_PERMISSION_DECIDE, 0, NULL))
    {
      g_free (g.from);
      g_free (g.to);
      g_free (g.due_on);
      return 0;
    }
  g_clear_error (error);

  g.programs = normal;
  g.period = period;
  g.township_id = township_id;
  g.next_month = start == JZ_ROLL_START_NEXT_MONTH;
  if (start == JZ_ROLL_START_OFFICE)
    {
      g_autofree char *rule = jz_office_get (db, JZ_OFFICE_ROLL_NEXT_MONTH, NULL, error);

      if (rule == NULL)
        {
          g_free (g.from);
          g_free (g.to);
          g_free (g.due_on);
          return 0;
        }
      g.next_month = g_str_equal (rule, "1");
    }
  if (jz_db_write (db, generate_cb, &g, error))
    id = g.id;
  g_free (g.from);
  g_free (g.to);
  g_free (g.due_on);
  return id;
}

/* ---- one-off subsidies ------------------------------------------------------------ */

static const char * const levels[] = { "central", "province", "city", "county" };

void
jz_roll_funding_free (JzRollFunding *funding)
{
  if (funding == NULL)
    return;
  g_free (funding->level);
  g_free (funding);
}

/* "60", "33.5", "12.25" → basis points; -1 when it does not read. */
static int
parse_percent (const char *text)
{
  int whole = 0, fraction = 0, places = 0;
  const char *c = text;

  if (!g_ascii_isdigit (*c))
    return -1;
  for (; g_ascii_isdigit (*c); c++)
    if ((whole = whole * 10 + (*c - '0')) > 100)
      return -1;
  if (*c == '.')
    for (c++; g_ascii_isdigit (*c); c++)
      {
        if (++places > 2)
          return -1;
        fraction = fraction * 10 + (*c - '0');
      }
  if (*c == '%')
    c++;
  if (*c != '\0')
    return -1;
  return whole * 100 + (places == 1 ? fraction * 10 : fraction);
}

GPtrArray *
jz_roll_parse_funding (const char *funding)
{
  g_auto(GStrv) parts = g_strsplit (funding != NULL ? funding : "", ",", -1);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) jz_roll_funding_free);
  int shares[G_N_ELEMENTS (levels)] = { 0 };
  int sum = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *colon = strchr (g_strstrip (parts[i]), ':');
      guint k;
      int bp;

      if (colon == NULL)
        return NULL;
      *colon = '\0';
      g_strstrip (parts[i]);
      for (k = 0; k < G_N_ELEMENTS (levels) && !g_str_equal (parts[i], levels[k]); k++)
        ;
      bp = parse_percent (g_strstrip (colon + 1));
      if (k == G_N_ELEMENTS (levels) || bp <= 0 || shares[k] != 0)
        return NULL;
      shares[k] = bp;
      sum += bp;
    }
  if (sum != 10000)
    return NULL;
  for (guint k = 0; k < G_N_ELEMENTS (levels); k++)
    if (shares[k] > 0)
      {
        JzRollFunding *f = g_new0 (JzRollFunding, 1);

        f->level = g_strdup (levels[k]);
        f->share_bp = (guint) shares[k];
        g_ptr_array_add (list, f);
      }
  return g_steal_pointer (&list);
}

typedef struct
{
  const char *title;
  const char *programs;
  const char *on_date;
  char       *period;
  char       *from;
  char       *to;
  char       *due_on;
  gboolean    per_person;
  gint64      amount;
  GPtrArray  *funding;
  gint64      township_id;
  gint64      id;
} OneOff;

#define GROUP_SQL \
  "SELECT c.id, c.household_id, c.program, CASE WHEN c.person_id IS NOT NULL THEN 1 ELSE c.persons END " \
  "FROM cases c JOIN households h ON h.id = c.household_id JOIN regions v ON v.id = h.region_id " \
  "WHERE c.program IN (SELECT value FROM json_each (:programs)) " \
  "  AND (:township = 0 OR v.parent_id = :township) " \
  "  AND c.starts_on IS NOT NULL AND c.starts_on <= :on " \
  "  AND (c.status = 'active' OR (c.status IN ('terminated', 'suspended') AND c.ended_on >= :on)) " \
  "ORDER BY c.household_id, c.id"

static gboolean
one_off_cb (JzDb     *db,
            gpointer  user_data,
            GError  **error)
{
  OneOff *o = user_data;
  g_autoptr(sqlite3_stmt) exists = NULL;
  g_autoptr(sqlite3_stmt) roll = NULL;
  g_autoptr(sqlite3_stmt) group = NULL;
  g_autoptr(sqlite3_stmt) share = NULL;
  g_auto(GStrv) codes = g_strsplit (o->programs, ",", -1);
  g_autoptr(GString) json = g_string_new ("[");
  gint64 last_household = 0, total = 0, given = 0;
  int rc;

  exists = jz_db_prepare (db, "SELECT 1 FROM rolls WHERE title = ? AND period = ? AND coalesce (township_id, 0) = ?",
                          error);
  if (exists == NULL)
    return FALSE;
  sqlite3_bind_text (exists, 1, o->title, -1, SQLITE_STATIC);
  sqlite3_bind_text (exists, 2, o->period, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (exists, 3, o->township_id);
  if (sqlite3_step (exists) == SQLITE_ROW)
    return fail (error, JZ_ROLL_ERROR_EXISTS,
                 _("A one-off subsidy of this name for this month and place exists; open it, or discard its draft first."));

  roll = jz_db_prepare (db,
                        "INSERT INTO rolls (programs, period, period_from, period_to, months, township_id, due_on, "
                        "created_at, created_by, title, one_off_on, one_off_per, one_off_amount) "
                        "VALUES (?, ?, ?, ?, 1, nullif (?, 0), ?, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), ?, ?, ?, ?, ?)",
                        error);
  if (roll == NULL)
    return FALSE;
  sqlite3_bind_text (roll, 1, o->programs, -1, SQLITE_STATIC);
  sqlite3_bind_text (roll, 2, o->period, -1, SQLITE_STATIC);
  sqlite3_bind_text (roll, 3, o->from, -1, SQLITE_STATIC);
  sqlite3_bind_text (roll, 4, o->to, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (roll, 5, o->township_id);
  sqlite3_bind_text (roll, 6, o->due_on, -1, SQLITE_STATIC);
  sqlite3_bind_text (roll, 7, jz_db_get_user_name (db), -1, SQLITE_STATIC);
  sqlite3_bind_text (roll, 8, o->title, -1, SQLITE_STATIC);
  sqlite3_bind_text (roll, 9, o->on_date, -1, SQLITE_STATIC);
  sqlite3_bind_text (roll, 10, o->per_person ? "person" : "household", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (roll, 11, o->amount);
  if (!jz_db_step_done (db, roll, error))
    return FALSE;
  o->id = sqlite3_last_insert_rowid (jz_db_get_handle (db));

  for (guint i = 0; codes[i] != NULL; i++)
    g_string_append_printf (json, "%s\"%s\"", i > 0 ? ", " : "", codes[i]);
  g_string_append_c (json, ']');
  group = jz_db_prepare (db, GROUP_SQL, error);
  if (group == NULL)
    return FALSE;
  sqlite3_bind_text (group, sqlite3_bind_parameter_index (group, ":programs"), json->str, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (group, sqlite3_bind_parameter_index (group, ":township"), o->township_id);
  sqlite3_bind_text (group, sqlite3_bind_parameter_index (group, ":on"), o->on_date, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (group)) == SQLITE_ROW)
    {
      gint64 household = sqlite3_column_int64 (group, 1);
      gint64 persons = sqlite3_column_int64 (group, 3);
      gint64 amount;

      /* Per household: once, on its first case. */
      if (!o->per_person && household == last_household)
        continue;
      last_household = household;
      amount = o->per_person ? o->amount * persons : o->amount;
      if (!insert_line (db, o->id, sqlite3_column_int64 (group, 0), household,
                        (const char *) sqlite3_column_text (group, 2), "regular", 1, amount, amount, 0, NULL, error))
        {
          sqlite3_reset (group);
          return FALSE;
        }
      total += amount;
    }
  sqlite3_reset (group);
  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return FALSE;
    }

  /* Each level its share, rounded down; the last the fen left over. */
  share = jz_db_prepare (db, "INSERT INTO roll_funding (roll_id, level, share_bp, amount) VALUES (?, ?, ?, ?)", error);
  if (share == NULL)
    return FALSE;
  for (guint i = 0; i < o->funding->len; i++)
    {
      JzRollFunding *f = g_ptr_array_index (o->funding, i);

      f->amount = i + 1 < o->funding->len ? total * f->share_bp / 10000 : total - given;
      given += f->amount;
      sqlite3_reset (share);
      sqlite3_bind_int64 (share, 1, o->id);
      sqlite3_bind_text (share, 2, f->level, -1, SQLITE_STATIC);
      sqlite3_bind_int (share, 3, (int) f->share_bp);
      sqlite3_bind_int64 (share, 4, f->amount);
      if (!jz_db_step_done (db, share, error))
        return FALSE;
    }

  return update_totals (db, o->id, error) && jz_audit_record_change (db, "rolls", o->id, "insert", NULL, error);
}

gint64
jz_roll_generate_one_off (JzDb         *db,
                          const JzUser *user,
                          const char   *title,
                          const char   *programs,
                          const char   *on_date,
                          gboolean      per_person,
                          gint64        amount,
                          const char   *funding,
                          gint64        township_id,
                          GError      **error)
{
  g_autofree char *normal = normalize_programs (programs);
  g_autofree char *clean = g_strstrip (g_strdup (title != NULL ? title : ""));
  g_autoptr(GPtrArray) shares = jz_roll_parse_funding (funding);
  OneOff o = { 0 };
  GDate day;
  int months;
  gint64 id = 0;

  g_return_val_if_fail (JZ_IS_DB (db), 0);

  if (*clean == '\0' || g_utf8_strlen (clean, -1) > 60)
    return fail (error, JZ_ROLL_ERROR_INVALID, _("Name the one-off subsidy in 60 characters or fewer, for example 2026年春节一次性生活补贴.")), 0;
  if (normal == NULL)
    return fail (error, JZ_ROLL_ERROR_INVALID,
                 _("Choose the programs of the roll from dibao_urban, dibao_rural, tekun_dispersed, tekun_centralized, disability_living, disability_care and child_living.")), 0;
  g_date_clear (&day, 1);
  if (on_date != NULL && strlen (on_date) == 10)
    g_date_set_parse (&day, on_date);
  if (!g_date_valid (&day) || on_date[4] != '-' || on_date[7] != '-')
    return fail (error, JZ_ROLL_ERROR_INVALID, _("Give the day the group is taken on as YYYY-MM-DD.")), 0;
  if (amount <= 0 || amount > 100000000)
    return fail (error, JZ_ROLL_ERROR_INVALID, _("The amount per person or household is more than 0 and at most 1,000,000.00 yuan.")), 0;
  if (shares == NULL)
    return fail (error, JZ_ROLL_ERROR_INVALID,
                 _("Give the funding as levels and per cent adding up to 100, for example province:60,county:40; the levels are central, province, city and county.")), 0;
  if (!jz_user_check (user, JZ_PERMISSION_APPLY, township_id == 0 ? -1 : township_id, error) &&
      !jz_user_check (user, JZ_PERMISSION_DECIDE, 0, NULL))
    return 0;
  g_clear_error (error);

  o.period = g_strndup (on_date, 7);
  if (!jz_roll_parse_period (o.period, &o.from, &o.to, &months, &o.due_on))
    g_assert_not_reached ();
  /* Paid within the month. */
  g_free (o.due_on);
  o.due_on = g_strdup (o.to);
  o.title = clean;
  o.programs = normal;
  o.on_date = on_date;
  o.per_person = per_person;
  o.amount = amount;
  o.funding = shares;
  o.township_id = township_id;
  if (jz_db_write (db, one_off_cb, &o, error))
    id = o.id;
  g_free (o.period);
  g_free (o.from);
  g_free (o.to);
  g_free (o.due_on);
  return id;
}

GPtrArray *
jz_roll_funding (JzDb     *db,
                 gint64    roll_id,
                 GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) jz_roll_funding_free);
  int rc;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  stmt = jz_db_prepare (db,
                        "SELECT level, share_bp, amount FROM roll_funding WHERE roll_id = ? "
                        "ORDER BY CASE level WHEN 'central' THEN 0 WHEN 'province' THEN 1 WHEN 'city' THEN 2 ELSE 3 END",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, roll_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JzRollFunding *f = g_new0 (JzRollFunding, 1);

      f->level = jz_db_column_dup (stmt, 0);
      f->share_bp = (guint) sqlite3_column_int (stmt, 1);
      f->amount = sqlite3_column_int64 (stmt, 2);
      g_ptr_array_add (list, f);
    }
  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* ---- steps ----------------------------------------------------------------------- */

typedef struct
{
  gint64      id;
  const char *sql;
  const char *date;
} Step;

static gboolean
step_cb (JzDb     *db,
         gpointer  user_data,
         GError  **error)
{
  Step *s = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *before = jz_audit_snapshot (db, "rolls", s->id, error);

  if (before == NULL)
    return FALSE;
  stmt = jz_db_prepare (db, s->sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":id"), s->id);
  if (sqlite3_bind_parameter_index (stmt, ":user") > 0)
    sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":user"), jz_db_get_user_name (db), -1, SQLITE_STATIC);
  if (sqlite3_bind_parameter_index (stmt, ":date") > 0)
    sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":date"), s->date, -1, SQLITE_STATIC);
  if (!jz_db_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (jz_db_get_handle (db)) == 0)
    return fail (error, JZ_ROLL_ERROR_STATE,
                 _("The roll is not in the state for this step; another clerk may have moved it on. Reload it."));
  return jz_audit_record_change (db, "rolls", s->id, "update", before, error);
}

static gboolean
take_step (JzDb          *db,
           const JzUser  *user,
           JzPermission   permission,
           gint64         id,
           const char    *sql,
           const char    *date,
           GError       **error)
{
  g_autoptr(JzRoll) roll = jz_roll_get (db, id, error);
  Step s = { id, sql, date };

  if (roll == NULL || !jz_user_check (user, permission, roll->township_id == 0 ? -1 : roll->township_id, error))
    return FALSE;
  return jz_db_write (db, step_cb, &s, error);
}

gboolean
jz_roll_check (JzDb          *db,
               const JzUser  *user,
               gint64         roll_id,
               GError       **error)
{
  g_return_val_if_fail (JZ_IS_DB (db), FALSE);

  return take_step (db, user, JZ_PERMISSION_APPLY, roll_id,
                    "UPDATE rolls SET status = 'checked', checked_by = :user, version = version + 1 "
                    "WHERE id = :id AND status = 'draft'",
                    NULL, error);
}

gboolean
jz_roll_lock (JzDb          *db,
              const JzUser  *user,
              gint64         roll_id,
              GError       **error)
{
  g_return_val_if_fail (JZ_IS_DB (db), FALSE);

  return take_step (db, user, JZ_PERMISSION_DECIDE, roll_id,
                    "UPDATE rolls SET status = 'locked', locked_at = strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), "
                    "locked_by = :user, version = version + 1 "
                    "WHERE id = :id AND status = 'checked'",
                    NULL, error);
}

gboolean
jz_roll_mark_paid (JzDb          *db,
                   const JzUser  *user,
                   gint64         roll_id,
                   const char    *on_date,
                   GError       **error)
{
  g_return_val_if_fail (JZ_IS_DB (db), FALSE);

  if (!jz_calendar_parse_date (on_date, NULL))
    return fail (error, JZ_ROLL_ERROR_INVALID, _("Give the day the roll was paid as year-month-day, e.g. 2026-06-08."));
  return take_step (db, user, JZ_PERMISSION_DECIDE, roll_id,
                    "UPDATE rolls SET status = 'paid', paid_on = :date WHERE id = :id AND status = 'locked'",
                    on_date, error);
}

static gboolean
discard_cb (JzDb     *db,
            gpointer  user_data,
            GError  **error)
{
  gint64 id = *(gint64 *) user_data;
  g_autoptr(sqlite3_stmt) lines = NULL;
  g_autoptr(sqlite3_stmt) roll = NULL;
  g_autofree char *before = jz_audit_snapshot (db, "rolls", id, error);

  if (before == NULL)
    return FALSE;
  g_autoptr(sqlite3_stmt) funding = NULL;

  lines = jz_db_prepare (db, "DELETE FROM roll_lines WHERE roll_id = ? AND (SELECT status FROM rolls WHERE id = ?) IN ('draft', 'checked')", error);
  funding = lines != NULL ? jz_db_prepare (db, "DELETE FROM roll_funding WHERE roll_id = ? AND (SELECT status FROM rolls WHERE id = ?) IN ('draft', 'checked')", error) : NULL;
  roll = funding != NULL ? jz_db_prepare (db, "DELETE FROM rolls WHERE id = ? AND status IN ('draft', 'checked')", error) : NULL;
  if (roll == NULL)
    return FALSE;
  sqlite3_bind_int64 (lines, 1, id);
  sqlite3_bind_int64 (lines, 2, id);
  sqlite3_bind_int64 (funding, 1, id);
  sqlite3_bind_int64 (funding, 2, id);
  sqlite3_bind_int64 (roll, 1, id);
  if (!jz_db_step_done (db, lines, error) || !jz_db_step_done (db, funding, error) ||
      !jz_db_step_done (db, roll, error))
    return FALSE;
  if (sqlite3_changes (jz_db_get_handle (db)) == 0)
    return fail (error, JZ_ROLL_ERROR_STATE, _("A locked roll is never thrown away; correct it in the next roll."));
  return jz_audit_record (db, "rolls", id, "delete", before, NULL, error);
}

gboolean
jz_roll_discard (JzDb          *db,
                 const JzUser  *user,
                 gint64         roll_id,
                 GError       **error)
{
  g_autoptr(JzRoll) roll = NULL;

  g_return_val_if_fail (JZ_IS_DB (db), FALSE);

  roll = jz_roll_get (db, roll_id, error);
  if (roll == NULL || !jz_user_check (user, JZ_PERMISSION_APPLY, roll->township_id == 0 ? -1 : roll->township_id, error))
    return FALSE;
  return jz_db_write (db, discard_cb, &roll_id, error);
}

gboolean
jz_roll_is_late (const JzRoll *roll,
                 const char   *today)
{
  g_return_val_if_fail (roll != NULL, FALSE);

  return g_strcmp0 (roll->status, "paid") != 0 && g_strcmp0 (today, roll->due_on) > 0;
}

GPtrArray *
jz_roll_list_late_tasks (JzDb          *db,
                         const JzUser  *user,
                         const char    *today,
                         GError       **error)
{
  g_autoptr(GPtrArray) rolls = NULL;
  g_autoptr(GPtrArray) tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) jz_task_free);

  g_return_val_if_fail (JZ_IS_DB (db), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  rolls = jz_roll_list (db, error);
  if (rolls == NULL)
    return NULL;

  /* Newest first: walked backwards, the longest overdue come first. */
  for (guint i = rolls->len; i-- > 0;)
    {
      const JzRoll *roll = g_ptr_array_index (rolls, i);
      gint64 place = roll->township_id == 0 ? -1 : roll->township_id;
      JzTask *task;

      if (!jz_roll_is_late (roll, today))
        continue;
      if (user != NULL && !jz_user_can (user, JZ_PERMISSION_APPLY, place) &&
          !jz_user_can (user, JZ_PERMISSION_DECIDE, place))
        continue;

      task = g_new0 (JzTask, 1);
      task->kind = JZ_TASK_ROLL;
      task->roll_id = roll->id;
      task->head_name = g_strdup (roll->township_name);
      task->program = g_strdup (roll->programs);
      task->status = g_strdup (roll->status);
      task->due_on = g_strdup (roll->due_on);
      task->period = g_strdup (roll->period);
      task->overdue = TRUE;
      g_ptr_array_add (tasks, task);
    }
  return g_steal_pointer (&tasks);
}

/* ---- the change from one roll to another ------------------------------------------- */

GPtrArray *
jz_roll_diff (JzDb     *db,
              gint64    a,
              gint64    b,
              GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) jz_roll_change_free);
  int rc;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  /* Per household and program, the monthly amount of each roll's regular
   * lines; a full outer join by a union of both sides. */
  stmt = jz_db_prepare (db,
                        "WITH x AS (SELECT household_id, program, sum (monthly_amount) AS amount FROM roll_lines "
                        "           WHERE roll_id = ?1 AND kind = 'regular' GROUP BY household_id, program), "
                        "     y AS (SELECT household_id, program, sum (monthly_amount) AS amount FROM roll_lines "
                        "           WHERE roll_id = ?2 AND kind = 'regular' GROUP BY household_id, program), "
                        "     k AS (SELECT household_id, program FROM x UNION SELECT household_id, program FROM y) "
                        "SELECT k.household_id, k.program, x.amount, y.amount FROM k "
                        "LEFT JOIN x ON x.household_id = k.household_id AND x.program = k.program "
                        "LEFT JOIN y ON y.household_id = k.household_id AND y.program = k.program "
                        "WHERE x.amount IS NULL OR y.amount IS NULL OR x.amount <> y.amount "
                        "ORDER BY k.household_id, k.program",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JzRollChange *change = g_new0 (JzRollChange, 1);
      gboolean had = sqlite3_column_type (stmt, 2) != SQLITE_NULL;
      gboolean has = sqlite3_column_type (stmt, 3) != SQLITE_NULL;

      change->household_id = sqlite3_column_int64 (stmt, 0);
      change->program = jz_db_column_dup (stmt, 1);
      change->old_amount = had ? sqlite3_column_int64 (stmt, 2) : 0;
      change->new_amount = has ? sqlite3_column_int64 (stmt, 3) : 0;
      change->change = g_strdup (!had ? "new" : !has ? "stopped" : "changed");
      g_ptr_array_add (list, change);
    }
  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

void
jz_roll_bank_line_free (JzRollBankLine *line)
{
  if (line == NULL)
    return;
  g_free (line->township_name);
  g_free (line->village_name);
  g_free (line->program);
  g_free (line->kind);
  g_free (line->holder);
  g_free (line->id_number);
  g_free (line->bank);
  g_free (line->bank_account);
  g_free (line->reason);
  g_free (line);
}

GPtrArray *
jz_roll_bank_lines (JzDb          *db,
                    const JzUser  *user,
                    gint64         roll_id,
                    GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) jz_roll_bank_line_free);
  g_autoptr(JzRoll) roll = NULL;
  int rc;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  roll = jz_roll_get (db, roll_id, error);
  if (roll == NULL ||
      !jz_user_check (user, JZ_PERMISSION_EXPORT, roll->township_id == 0 ? -1 : roll->township_id, error))
    return NULL;

  stmt = jz_db_prepare (db,
                        "SELECT l.id, t.id, t.name, v.name, l.program, l.kind, "
                        /* Centralized tekun is paid to the care institution, not to the person. */
                        "CASE WHEN l.program = 'tekun_centralized' THEN coalesce (c.institution, '') "
                        "     ELSE coalesce (p.name, hp.name, '') END, "
                        "CASE WHEN l.program = 'tekun_centralized' THEN '' ELSE coalesce (p.id_number, hp.id_number, '') END, "
                        "CASE WHEN l.program = 'tekun_centralized' THEN NULL ELSE h.bank END, "
                        "CASE WHEN l.program = 'tekun_centralized' THEN NULL ELSE h.bank_account END, l.amount, l.reason "
                        "FROM roll_lines l JOIN cases c ON c.id = l.case_id JOIN households h ON h.id = l.household_id "
                        "JOIN regions v ON v.id = h.region_id JOIN regions t ON t.id = v.parent_id "
                        "LEFT JOIN persons p ON p.id = c.person_id LEFT JOIN persons hp ON hp.id = h.head_person_id "
                        "WHERE l.roll_id = ? ORDER BY t.code, v.code, 7, l.id",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, roll_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JzRollBankLine *line = g_new0 (JzRollBankLine, 1);

      line->line_id = sqlite3_column_int64 (stmt, 0);
      line->township_id = sqlite3_column_int64 (stmt, 1);
      line->township_name = jz_db_column_dup (stmt, 2);
      line->village_name = jz_db_column_dup (stmt, 3);
      line->program = jz_db_column_dup (stmt, 4);
      line->kind = jz_db_column_dup (stmt, 5);
      line->holder = jz_db_column_dup (stmt, 6);
      line->id_number = jz_db_column_dup (stmt, 7);
      line->bank = jz_db_column_dup (stmt, 8);
      line->bank_account = jz_db_column_dup (stmt, 9);
      line->amount = sqlite3_column_int64 (stmt, 10);
      line->reason = jz_db_column_dup (stmt, 11);
      g_ptr_array_add (list, line);
    }
  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}
