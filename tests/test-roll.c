/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "jz-benefit.h"
#include "jz-db-private.h"
#include "jz-office.h"
#include "jz-roll.h"
#include "jz-test-util.h"
#include "jz-user.h"
#include "jz-workflow.h"

/* Payment rolls: lines as the engine computes them, a locked roll that
 * never changes, corrections in the next roll, deadlines, the 增减 list. */

static void
exec_sql (JzDb       *db,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jz_db_exec (db, sql, &error));
  g_assert_no_error (error);
}

static gint64
query_int (JzDb       *db,
           const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = jz_db_prepare (db, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* Urban dibao 800.00 (900.00 from June 2026); three households of one
 * person each in 柳河镇, one in 东岭镇; wages 300.00, 500.00, 0. */
static JzDb *
district (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "r.db", NULL);
  g_autoptr(GError) error = NULL;
  JzDb *db = jz_db_open (path, JZ_DB_OPEN_CREATE, &error);

  g_assert_no_error (error);
  jz_db_set_user_name (db, "clerk-a");
  exec_sql (db,
            "INSERT INTO regions (id, parent_id, level, kind, code, name) VALUES "
            "  (1, NULL, 'district', 'district', '370302', '青禾区'), "
            "  (2, 1, 'township', 'town', '370302101', '柳河镇'), "
            "  (3, 2, 'village', 'village', '370302101201', '王家庄村'), "
            "  (5, 1, 'township', 'town', '370302102', '东岭镇'), "
            "  (6, 5, 'village', 'village', '370302102201', '东岭村'); "
            "INSERT INTO households (id, region_id, hukou, opened_on) VALUES "
            "  (1, 3, 'urban', '2020-01-01'), (2, 3, 'urban', '2020-01-01'), (3, 3, 'urban', '2020-01-01'), "
            "  (4, 6, 'urban', '2020-01-01'); "
            "INSERT INTO persons (id, household_id, name, id_number, relation, sex, birth_date) VALUES "
            "  (1, 1, '王建国', '370302197003020011', 'head', 'M', '1970-03-02'), "
            "  (2, 2, '李秀英', '370302197203020022', 'head', 'F', '1972-03-02'), "
            "  (3, 3, '赵凤兰', '370302197403020033', 'head', 'F', '1974-03-02'), "
            "  (4, 4, '孙广田', '370302197503020044', 'head', 'M', '1975-03-02'); "
            "UPDATE households SET head_person_id = id; "
            "INSERT INTO incomes (person_id, kind, monthly_amount) VALUES (1, 'wage', 30000), (2, 'wage', 50000); "
            "INSERT INTO standards (kind, hukou, amount, rate_bp, effective_from) VALUES "
            "  ('dibao', 'urban', 80000, NULL, '2020-01-01'), ('dibao', 'urban', 90000, NULL, '2026-06-01'), "
            "  ('increment_elderly_pct', NULL, NULL, 1000, '2020-01-01'), "
            "  ('increment_minor_pct', NULL, NULL, 1000, '2020-01-01'), "
            "  ('increment_severe_disability_pct', NULL, NULL, 2000, '2020-01-01'), "
            "  ('increment_severe_illness_pct', NULL, NULL, 2000, '2020-01-01'), "
            "  ('increment_sanwu_pct', NULL, NULL, 3000, '2020-01-01'), "
            "  ('gradual_exit_months', NULL, 3, NULL, '2020-01-01'); "
            /* 1 and 2 paid since 2025; 3 starts in June 2026; 4 in the other township */
            "INSERT INTO cases (id, household_id, program, status, applied_on, decided_on, starts_on, persons, monthly_amount) VALUES "
            "  (1, 1, 'dibao_urban', 'active', '2025-01-02', '2025-01-20', '2025-02-01', 1, 50000), "
            "  (2, 2, 'dibao_urban', 'active', '2025-01-02', '2025-01-20', '2025-02-01', 1, 30000), "
            "  (3, 3, 'dibao_urban', 'active', '2026-05-02', '2026-05-20', '2026-06-01', 1, 80000), "
            "  (4, 4, 'dibao_urban', 'active', '2025-01-02', '2025-01-20', '2025-02-01', 1, 80000);");
  return db;
}

static gint64
engine (JzDb       *db,
        gint64      case_id,
        const char *on)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzBenefitResult) result = jz_benefit_compute_case (db, case_id, on, &error);

  g_assert_no_error (error);
  return result->total;
}

static void
test_periods (void)
{
  g_autofree char *from = NULL, *to = NULL, *due = NULL;
  int months = 0;

  g_assert_true (jz_roll_parse_period ("2026-02", &from, &to, &months, &due));
  g_assert_cmpstr (from, ==, "2026-02-01");
  g_assert_cmpstr (to, ==, "2026-02-28");
  g_assert_cmpint (months, ==, 1);
  g_assert_cmpstr (due, ==, "2026-02-10");
  g_clear_pointer (&from, g_free);
  g_clear_pointer (&to, g_free);
  g_clear_pointer (&due, g_free);
  g_assert_true (jz_roll_parse_period ("2026-Q4", &from, &to, &months, &due));
  g_assert_cmpstr (from, ==, "2026-10-01");
  g_assert_cmpstr (to, ==, "2026-12-31");
  g_assert_cmpint (months, ==, 3);
  g_assert_cmpstr (due, ==, "2026-10-10");
  g_assert_false (jz_roll_parse_period ("2026-13", NULL, NULL, NULL, NULL));
  g_assert_false (jz_roll_parse_period ("2026-Q5", NULL, NULL, NULL, NULL));
  g_assert_false (jz_roll_parse_period ("26-06", NULL, NULL, NULL, NULL));
}

static void
test_generate_lock_correct (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jz-test-XXXXXX", NULL);
  g_autoptr(JzDb) db = district (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(JzRoll) roll = NULL;
  gint64 may, june;

  /* May 2026 in 柳河镇: households 1 and 2, as the engine gives them. */
  may = jz_roll_generate (db, NULL, "dibao_urban", "2026-05", 2, &error);
  g_assert_no_error (error);
  lines = jz_roll_lines (db, may, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, 2);
  for (guint i = 0; i < lines->len; i++)
    {
      const JzRollLine *line = g_ptr_array_index (lines, i);

      g_assert_cmpint (line->amount, ==, engine (db, line->case_id, "2026-05-01"));
      g_assert_cmpstr (line->kind, ==, "regular");
    }
  g_assert_cmpint (((JzRollLine *) g_ptr_array_index (lines, 0))->amount, ==, 50000);
  g_assert_cmpint (((JzRollLine *) g_ptr_array_index (lines, 1))->amount, ==, 30000);
  roll = jz_roll_get (db, may, &error);
  g_assert_cmpuint (roll->lines, ==, 2);
  g_assert_cmpint (roll->total, ==, 80000);
  g_assert_cmpstr (roll->due_on, ==, "2026-05-10");
  g_assert_cmpstr (roll->status, ==, "draft");

  /* Once only. */
  g_assert_cmpint (jz_roll_generate (db, NULL, "dibao_urban", "2026-05", 2, &error), ==, 0);
  g_assert_error (error, JZ_ROLL_ERROR, JZ_ROLL_ERROR_EXISTS);
  g_clear_error (&error);

  /* Locked only once checked; then it never changes, even by SQL. */
  g_assert_false (jz_roll_lock (db, NULL, may, &error));
  g_assert_error (error, JZ_ROLL_ERROR, JZ_ROLL_ERROR_STATE);
  g_clear_error (&error);
  g_assert_true (jz_roll_check (db, NULL, may, &error));
  g_assert_true (jz_roll_lock (db, NULL, may, &error));
  g_assert_no_error (error);
  g_assert_false (jz_db_exec (db, "UPDATE roll_lines SET amount = 1", NULL));
  g_assert_false (jz_db_exec (db, "DELETE FROM roll_lines", NULL));
  g_assert_false (jz_db_exec (db, "UPDATE rolls SET total = 1", NULL));
  g_assert_false (jz_roll_discard (db, NULL, may, &error));
  g_assert_error (error, JZ_ROLL_ERROR, JZ_ROLL_ERROR_STATE);
  g_clear_error (&error);
  g_assert_cmpint (query_int (db, "SELECT sum (amount) FROM roll_lines"), ==, 80000);

  /* Late after the 10th unless paid. */
  g_clear_pointer (&roll, jz_roll_free);
  roll = jz_roll_get (db, may, &error);
  g_assert_false (jz_roll_is_late (roll, "2026-05-10"));
  g_assert_true (jz_roll_is_late (roll, "2026-05-11"));
  g_assert_true (jz_roll_mark_paid (db, NULL, may, "2026-05-08", &error));
  g_assert_no_error (error);
  g_clear_pointer (&roll, jz_roll_free);
  roll = jz_roll_get (db, may, &error);
  g_assert_cmpstr (roll->status, ==, "paid");
  g_assert_false (jz_roll_is_late (roll, "2026-05-11"));

  /* A change of today: household 2's wage is 400.00 now.  Nothing of May
   * is corrected by it alone. */
  exec_sql (db, "UPDATE incomes SET monthly_amount = 40000 WHERE person_id = 2");
  {
    gint64 probe = jz_roll_generate (db, NULL, "dibao_urban", "2026-06", 2, &error);

    g_assert_no_error (error);
    g_assert_cmpint (query_int (db, "SELECT count(*) FROM roll_lines WHERE kind <> 'regular'"), ==, 0);
    g_assert_true (jz_roll_discard (db, NULL, probe, &error));
  }
  /* A back-dated review, recorded after May was locked, in force from
   * 1 May: 400.00 a month.  June's roll pays May's difference back, with
   * its reason; the new household and the June standard come in too. */
  exec_sql (db, "INSERT INTO case_history (case_id, on_date, status, monthly_amount, note, user_name, from_status, at) "
                "VALUES (2, '2026-05-01', 'active', 40000, '复核：收入有误', 'clerk-a', 'active', "
                "strftime ('%Y-%m-%dT%H:%M:%fZ', 'now', '+1 second'))");
  june = jz_roll_generate (db, NULL, "dibao_urban", "2026-06", 2, &error);
  g_assert_no_error (error);
  g_clear_pointer (&lines, g_ptr_array_unref);
  lines = jz_roll_lines (db, june, &error);
  g_assert_cmpuint (lines->len, ==, 4);
  {
    gint64 back = 0, regular = 0;

    for (guint i = 0; i < lines->len; i++)
      {
        const JzRollLine *line = g_ptr_array_index (lines, i);

        if (g_str_equal (line->kind, "back_payment"))
          {
            back += line->amount;
            g_assert_cmpint (line->case_id, ==, 2);
            g_assert_nonnull (strstr (line->reason, "2026-05"));
          }
        else
          {
            g_assert_cmpint (line->amount, ==, engine (db, line->case_id, "2026-06-01"));
            regular += line->amount;
          }
      }
    /* 400.00 − 300.00 paid */
    g_assert_cmpint (back, ==, 10000);
    /* 900 − 300, 900 − 400, 900 */
    g_assert_cmpint (regular, ==, 60000 + 50000 + 90000);
  }

  /* The 增减 list from May to June. */
  {
    g_autoptr(GPtrArray) diff = jz_roll_diff (db, may, june, &error);
    g_autoptr(GString) text = g_string_new (NULL);

    g_assert_no_error (error);
    for (guint i = 0; i < diff->len; i++)
      {
        const JzRollChange *c = g_ptr_array_index (diff, i);

        g_string_append_printf (text, "%" G_GINT64_FORMAT " %s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT ";",
                                c->household_id, c->change, c->old_amount, c->new_amount);
      }
    g_assert_cmpstr (text->str, ==, "1 changed 50000 60000;2 changed 30000 50000;3 new 0 90000;");
  }

  /* A draft is thrown away; the roll can then be made again. */
  g_assert_true (jz_roll_discard (db, NULL, june, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM rolls"), ==, 1);
  g_clear_object (&db);
}

static void
test_quarter_and_scope (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jz-test-XXXXXX", NULL);
  g_autoptr(JzDb) db = district (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(JzUser) clerk = jz_user_new ();
  g_autoptr(JzRoll) roll = NULL;
  gint64 id;

  /* The district, a quarter: three months of each. */
  id = jz_roll_generate (db, NULL, "dibao_urban", "2026-Q2", 0, &error);
  g_assert_no_error (error);
  roll = jz_roll_get (db, id, &error);
  g_assert_cmpint (roll->months, ==, 3);
  g_assert_cmpuint (roll->lines, ==, 4);
  /* Household 3 starts in June: one month, at June's standard. */
  g_assert_cmpint (roll->total, ==, 3 * (50000 + 30000 + 80000) + 90000);

  /* Bad choices, and a clerk of another township. */
  g_assert_cmpint (jz_roll_generate (db, NULL, "temporary", "2026-06", 0, &error), ==, 0);
  g_assert_error (error, JZ_ROLL_ERROR, JZ_ROLL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (jz_roll_generate (db, NULL, "dibao_urban", "June", 0, &error), ==, 0);
  g_assert_error (error, JZ_ROLL_ERROR, JZ_ROLL_ERROR_INVALID);
  g_clear_error (&error);

  clerk->name = g_strdup ("dongling");
  clerk->role = JZ_ROLE_CLERK;
  clerk->region_id = 5;
  clerk->active = TRUE;
  g_assert_cmpint (jz_roll_generate (db, clerk, "dibao_urban", "2026-06", 2, &error), ==, 0);
  g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (jz_roll_generate (db, clerk, "dibao_urban", "2026-06", 5, &error), >, 0);
  g_assert_no_error (error);
  /* A clerk checks; the district locks. */
  g_assert_false (jz_roll_lock (db, clerk, id, &error));
  g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_DENIED);
  g_clear_error (&error);

  /* Late rolls in Tasks: the quarter's on the 11th day of the quarter,
   * June's on 11 June; a clerk sees their township's only. */
  {
    g_autoptr(GPtrArray) none = jz_roll_list_late_tasks (db, NULL, "2026-04-10", &error);
    g_autoptr(GPtrArray) one = jz_roll_list_late_tasks (db, NULL, "2026-04-11", &error);
    g_autoptr(GPtrArray) both = jz_roll_list_late_tasks (db, NULL, "2026-06-11", &error);
    g_autoptr(GPtrArray) mine = jz_roll_list_late_tasks (db, clerk, "2026-06-11", &error);
    const JzTask *task;

    g_assert_no_error (error);
    g_assert_cmpuint (none->len, ==, 0);
    g_assert_cmpuint (one->len, ==, 1);
    task = g_ptr_array_index (one, 0);
    g_assert_cmpint (task->kind, ==, JZ_TASK_ROLL);
    g_assert_cmpint (task->roll_id, ==, id);
    g_assert_cmpstr (task->period, ==, "2026-Q2");
    g_assert_cmpstr (task->due_on, ==, "2026-04-10");
    g_assert_cmpstr (task->head_name, ==, "");
    g_assert_true (task->overdue);
    g_assert_cmpuint (both->len, ==, 2);
    g_assert_cmpint (((JzTask *) g_ptr_array_index (both, 0))->roll_id, ==, id);
    g_assert_cmpuint (mine->len, ==, 1);
    g_assert_cmpstr (((JzTask *) g_ptr_array_index (mine, 0))->head_name, ==, "东岭镇");
    g_assert_cmpstr (((JzTask *) g_ptr_array_index (mine, 0))->period, ==, "2026-06");
  }

  /* Paid, it is late no more. */
  g_assert_true (jz_roll_check (db, NULL, id, &error));
  g_assert_true (jz_roll_lock (db, NULL, id, &error));
  g_assert_true (jz_roll_mark_paid (db, NULL, id, "2026-04-20", &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) tasks = jz_roll_list_late_tasks (db, NULL, "2026-06-11", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (tasks->len, ==, 1);
    g_assert_cmpint (((JzTask *) g_ptr_array_index (tasks, 0))->roll_id, !=, id);
  }
  g_clear_object (&db);
}

/* A case starting or ending within the period: the months it is paid. */
static void
test_start_rule (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jz-test-XXXXXX", NULL);
  g_autoptr(JzDb) db = district (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  gint64 id;

  /* Household 3 from 15 May; household 2 ended on 20 April. */
  exec_sql (db, "UPDATE cases SET starts_on = '2026-05-15' WHERE id = 3; "
                "UPDATE cases SET status = 'terminated', ended_on = '2026-04-20' WHERE id = 2");

  /* Paid the month it starts in: May and June at May's amount. */
  id = jz_roll_generate_with (db, NULL, "dibao_urban", "2026-Q2", 2, JZ_ROLL_START_SAME_MONTH, &error);
  g_assert_no_error (error);
  lines = jz_roll_lines (db, id, &error);
  g_assert_cmpuint (lines->len, ==, 3);
  for (guint i = 0; i < lines->len; i++)
    {
      const JzRollLine *line = g_ptr_array_index (lines, i);

      if (line->case_id == 1)
        g_assert_cmpint (line->months, ==, 3);
      else if (line->case_id == 2)
        g_assert_cmpint (line->amount, ==, 1 * 30000);
      else
        g_assert_cmpint (line->amount, ==, 2 * 80000);
    }
  g_assert_true (jz_roll_discard (db, NULL, id, &error));
  g_clear_pointer (&lines, g_ptr_array_unref);

  /* From the next month, as the office's setting: June only, at June's. */
  g_assert_true (jz_office_set (db, JZ_OFFICE_ROLL_NEXT_MONTH, "1", &error));
  g_assert_no_error (error);
  id = jz_roll_generate (db, NULL, "dibao_urban", "2026-Q2", 2, &error);
  g_assert_no_error (error);
  lines = jz_roll_lines (db, id, &error);
  g_assert_cmpuint (lines->len, ==, 3);
  for (guint i = 0; i < lines->len; i++)
    {
      const JzRollLine *line = g_ptr_array_index (lines, i);

      if (line->case_id == 3)
        {
          g_assert_cmpint (line->months, ==, 1);
          g_assert_cmpint (line->amount, ==, 90000);
        }
    }
  g_assert_true (jz_roll_discard (db, NULL, id, &error));

  /* May alone: not paid yet under that rule; paid under the other. */
  id = jz_roll_generate (db, NULL, "dibao_urban", "2026-05", 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM roll_lines WHERE case_id = 3"), ==, 0);
  g_assert_true (jz_roll_discard (db, NULL, id, &error));
  id = jz_roll_generate_with (db, NULL, "dibao_urban", "2026-05", 2, JZ_ROLL_START_SAME_MONTH, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM roll_lines WHERE case_id = 3"), ==, 1);
  g_clear_object (&db);
}

/* A one-off subsidy: per person of a case's persons, per household once,
 * the split between levels adding up to the fen, frozen once locked. */
static void
test_one_off (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jz-test-XXXXXX", NULL);
  g_autoptr(JzDb) db = district (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) funding = NULL;
  g_autoptr(GPtrArray) parsed = NULL;
  g_autoptr(JzRoll) roll = NULL;
  gint64 id, regular;

  /* Household 1's case covers three persons; household 2 has a second
   * case, a disability subsidy: counted once per household. */
  exec_sql (db, "UPDATE cases SET persons = 3 WHERE id = 1; "
                "INSERT INTO cases (id, household_id, person_id, program, status, applied_on, decided_on, starts_on) "
                "VALUES (5, 2, 2, 'disability_living', 'active', '2025-01-02', '2025-01-20', '2025-02-01')");

  /* Per person, on 1 May: 3 + 1 (+ 1 for the subsidy) in 柳河镇. */
  id = jz_roll_generate_one_off (db, NULL, "2026年劳动节慰问金", "dibao_urban,disability_living", "2026-05-01",
                                 TRUE, 30000, "province:60,county:40", 2, &error);
  g_assert_no_error (error);
  roll = jz_roll_get (db, id, &error);
  g_assert_cmpstr (roll->title, ==, "2026年劳动节慰问金");
  g_assert_cmpstr (roll->one_off_per, ==, "person");
  g_assert_cmpint (roll->one_off_amount, ==, 30000);
  g_assert_cmpstr (roll->period, ==, "2026-05");
  g_assert_cmpstr (roll->due_on, ==, "2026-05-31");
  g_assert_cmpint (roll->total, ==, 5 * 30000);
  funding = jz_roll_funding (db, id, &error);
  g_assert_cmpuint (funding->len, ==, 2);
  g_assert_cmpstr (((JzRollFunding *) g_ptr_array_index (funding, 0))->level, ==, "province");
  g_assert_cmpint (((JzRollFunding *) g_ptr_array_index (funding, 0))->amount, ==, 90000);
  g_assert_cmpint (((JzRollFunding *) g_ptr_array_index (funding, 1))->amount, ==, 60000);
  g_clear_pointer (&funding, g_ptr_array_unref);

  /* A regular roll of the month is another roll, and takes no
   * correction from a one-off. */
  regular = jz_roll_generate (db, NULL, "dibao_urban", "2026-05", 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (regular, >, id);

  /* Locked, its split never changes. */
  g_assert_true (jz_roll_check (db, NULL, id, &error));
  g_assert_true (jz_roll_lock (db, NULL, id, &error));
  g_assert_no_error (error);
  g_assert_false (jz_db_exec (db, "UPDATE roll_funding SET amount = 1", NULL));
  g_assert_false (jz_db_exec (db, "DELETE FROM roll_funding", NULL));
  g_assert_false (jz_db_exec (db, "UPDATE rolls SET one_off_amount = 1", NULL));

  /* Per household: two households, one line each. */
  id = jz_roll_generate_one_off (db, NULL, "慰问金", "dibao_urban,disability_living", "2026-05-01",
                                 FALSE, 10000, "county:100", 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT total FROM rolls ORDER BY id DESC LIMIT 1"), ==, 20000);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT household_id) - count(*) FROM roll_lines "
                                  "WHERE roll_id = (SELECT max (id) FROM rolls)"), ==, 0);
  /* Discarded with its split. */
  g_assert_true (jz_roll_discard (db, NULL, id, &error));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM roll_funding"), ==, 2);

  /* Refused, nothing written. */
  g_assert_cmpint (jz_roll_generate_one_off (db, NULL, " ", "dibao_urban", "2026-05-01", TRUE, 100, "county:100", 0, &error), ==, 0);
  g_assert_error (error, JZ_ROLL_ERROR, JZ_ROLL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (jz_roll_generate_one_off (db, NULL, "补贴", "dibao_urban", "2026-02-30", TRUE, 100, "county:100", 0, &error), ==, 0);
  g_assert_error (error, JZ_ROLL_ERROR, JZ_ROLL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (jz_roll_generate_one_off (db, NULL, "补贴", "dibao_urban", "2026-05-01", TRUE, 0, "county:100", 0, &error), ==, 0);
  g_assert_error (error, JZ_ROLL_ERROR, JZ_ROLL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM rolls"), ==, 2);

  /* Centralized tekun is paid to the institution: its name, no ID
   * number or account in the bank file. */
  exec_sql (db, "INSERT INTO cases (id, household_id, person_id, program, status, applied_on, decided_on, starts_on, institution) "
                "VALUES (6, 3, 3, 'tekun_centralized', 'active', '2025-01-02', '2025-01-20', '2025-02-01', '青禾区社会福利中心')");
  id = jz_roll_generate_one_off (db, NULL, "慰问金", "tekun_centralized", "2026-05-01", TRUE, 10000, "county:100", 2, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) bank = jz_roll_bank_lines (db, NULL, id, &error);
    const JzRollBankLine *line;

    g_assert_no_error (error);
    g_assert_cmpuint (bank->len, ==, 1);
    line = g_ptr_array_index (bank, 0);
    g_assert_cmpstr (line->holder, ==, "青禾区社会福利中心");
    g_assert_cmpstr (line->id_number, ==, "");
    g_assert_null (line->bank_account);
  }
  g_assert_true (jz_roll_discard (db, NULL, id, &error));

  /* The split as written. */
  parsed = jz_roll_parse_funding ("county:40, province:60%");
  g_assert_nonnull (parsed);
  g_assert_cmpstr (((JzRollFunding *) g_ptr_array_index (parsed, 0))->level, ==, "province");
  g_assert_cmpuint (((JzRollFunding *) g_ptr_array_index (parsed, 1))->share_bp, ==, 4000);
  g_clear_pointer (&parsed, g_ptr_array_unref);
  parsed = jz_roll_parse_funding ("central:12.5,county:87.5");
  g_assert_cmpuint (((JzRollFunding *) g_ptr_array_index (parsed, 0))->share_bp, ==, 1250);
  g_assert_null (jz_roll_parse_funding ("province:60,county:30"));
  g_assert_null (jz_roll_parse_funding ("province:60,province:40"));
  g_assert_null (jz_roll_parse_funding ("town:100"));
  g_assert_null (jz_roll_parse_funding ("county:100.001"));
  g_assert_null (jz_roll_parse_funding (""));
  g_assert_null (jz_roll_parse_funding ("county:-100,province:200"));
  g_clear_object (&db);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/roll/periods", test_periods);
  g_test_add_func ("/roll/generate-lock-correct", test_generate_lock_correct);
  g_test_add_func ("/roll/quarter-and-scope", test_quarter_and_scope);
  g_test_add_func ("/roll/start-rule", test_start_rule);
  g_test_add_func ("/roll/one-off", test_one_off);

  return g_test_run ();
}
