/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "jz-audit.h"
#include "jz-calendar.h"
#include "jz-test-util.h"
#include "jz-user.h"

static char *
add_days (JzDb       *db,
          const char *from,
          int         n)
{
  g_autoptr(GError) error = NULL;
  char *result = jz_calendar_add_working_days (db, from, n, &error);

  g_assert_no_error (error);
  return result;
}

static int
count_days (JzDb       *db,
            const char *from,
            const char *to)
{
  g_autoptr(GError) error = NULL;
  int count = -999;

  g_assert_true (jz_calendar_count_working_days (db, from, to, &count, &error));
  g_assert_no_error (error);
  return count;
}

static gboolean
is_working (JzDb       *db,
            const char *day)
{
  g_autoptr(GError) error = NULL;
  gboolean working = FALSE;

  g_assert_true (jz_calendar_is_working_day (db, day, &working, &error));
  g_assert_no_error (error);
  return working;
}

#define assert_add(db, from, n, want) \
  G_STMT_START { g_autofree char *got_ = add_days (db, from, n); g_assert_cmpstr (got_, ==, want); } G_STMT_END

/* The State Council's 2026 Spring Festival: holidays Sun 15 to Mon 23
 * February, make-up workdays Sat 14 and Sat 28 February. */
static void
test_spring_festival (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();

  g_assert_true (is_working (t->db, "2026-02-13"));   /* Friday */
  g_assert_true (is_working (t->db, "2026-02-14"));   /* Saturday, made up */
  g_assert_false (is_working (t->db, "2026-02-15"));  /* Sunday, holiday */
  g_assert_false (is_working (t->db, "2026-02-16"));  /* Monday, holiday */
  g_assert_false (is_working (t->db, "2026-02-23"));  /* Monday, holiday */
  g_assert_true (is_working (t->db, "2026-02-24"));
  g_assert_true (is_working (t->db, "2026-02-28"));   /* Saturday, made up */
  g_assert_false (is_working (t->db, "2026-03-01"));  /* plain Sunday */
  g_assert_false (is_working (t->db, "2026-03-07"));  /* plain Saturday */

  assert_add (t->db, "2026-02-12", 0, "2026-02-12");
  assert_add (t->db, "2026-02-12", 1, "2026-02-13");
  assert_add (t->db, "2026-02-12", 2, "2026-02-14");
  assert_add (t->db, "2026-02-12", 3, "2026-02-24");
  /* Accepted on the Friday before: investigation due the third working day. */
  assert_add (t->db, "2026-02-13", 3, "2026-02-25");
  assert_add (t->db, "2026-02-20", 1, "2026-02-24");  /* from inside the holiday */
  assert_add (t->db, "2026-02-27", 1, "2026-02-28");
  assert_add (t->db, "2026-02-27", 2, "2026-03-02");
  assert_add (t->db, "2026-02-24", -1, "2026-02-14");
  assert_add (t->db, "2026-02-24", -2, "2026-02-13");

  g_assert_cmpint (count_days (t->db, "2026-02-13", "2026-02-24"), ==, 2);
  g_assert_cmpint (count_days (t->db, "2026-02-12", "2026-03-02"), ==, 8);
  g_assert_cmpint (count_days (t->db, "2026-02-15", "2026-02-23"), ==, 0);
  g_assert_cmpint (count_days (t->db, "2026-02-24", "2026-02-13"), ==, -2);
  g_assert_cmpint (count_days (t->db, "2026-02-24", "2026-02-24"), ==, 0);
}

/* National Day and Mid-Autumn 2026: holidays Fri 25 – Sun 27 September
 * and Thu 1 – Wed 7 October, make-up workdays Sun 20 September and Sat 10
 * October. */
static void
test_national_day (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();

  g_assert_true (is_working (t->db, "2026-09-20"));
  g_assert_false (is_working (t->db, "2026-09-25"));
  g_assert_false (is_working (t->db, "2026-10-01"));
  g_assert_false (is_working (t->db, "2026-10-07"));
  g_assert_true (is_working (t->db, "2026-10-08"));
  g_assert_true (is_working (t->db, "2026-10-10"));
  g_assert_false (is_working (t->db, "2026-10-11"));
  g_assert_true (is_working (t->db, "2026-01-04"));  /* Sunday after New Year, made up */

  assert_add (t->db, "2026-09-18", 1, "2026-09-20");
  assert_add (t->db, "2026-09-24", 1, "2026-09-28");
  assert_add (t->db, "2026-09-30", 1, "2026-10-08");
  assert_add (t->db, "2026-09-30", 3, "2026-10-10");
  assert_add (t->db, "2026-09-30", 4, "2026-10-12");
  /* A county decision within 10 working days of a township review on Monday 28 September. */
  assert_add (t->db, "2026-09-28", 10, "2026-10-16");
  /* 30 working days from Monday 14 September: 15–18, Sun 20, 21–24,
   * 28–30, 8–10 October (Sat 10 made up), then three whole weeks. */
  assert_add (t->db, "2026-09-14", 30, "2026-10-30");

  g_assert_cmpint (count_days (t->db, "2026-09-30", "2026-10-12"), ==, 4);
  g_assert_cmpint (count_days (t->db, "2026-09-14", "2026-10-30"), ==, 30);
  g_assert_cmpint (count_days (t->db, "2026-10-12", "2026-09-30"), ==, -4);
}

/* add and count undo each other, over the whole of 2025 and 2026. */
static void
test_add_count_agree (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JzHolidaySet) set = jz_holiday_set_load (t->db, &error);
  GDate date;
  int working = 0;

  g_assert_no_error (error);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2025);
  for (guint i = 0; i < 730; i++, g_date_add_days (&date, 1))
    {
      g_autofree char *day = jz_calendar_format_date (&date);
      g_autofree char *next = jz_holiday_set_add_working_days (set, day, 5);
      g_autofree char *back = jz_holiday_set_add_working_days (set, next, -5);
      int count = 0;

      g_assert_true (jz_holiday_set_count_working_days (set, day, next, &count));
      g_assert_cmpint (count, ==, 5);
      /* From a day off, five back lands on the last working day before it. */
      g_assert_true (jz_holiday_set_is_working_day (set, &date) || g_strcmp0 (back, day) < 0);
      if (jz_holiday_set_is_working_day (set, &date))
        {
          g_assert_cmpstr (back, ==, day);
          working++;
        }
    }

  {
    int c2025 = 0, c2026 = 0;

    g_assert_true (jz_holiday_set_count_working_days (set, "2024-12-31", "2025-12-31", &c2025));
    g_assert_true (jz_holiday_set_count_working_days (set, "2025-12-31", "2026-12-31", &c2026));
    g_assert_cmpint (c2025 + c2026, ==, working);
    /* Both years have 261 weekdays; 2025 has 18 holidays on a weekday and 5
     * make-up days, 2026 has 19 and 6: 248 working days each. */
    g_assert_cmpint (c2025, ==, 248);
    g_assert_cmpint (c2026, ==, 248);
  }
}

/* The pure calendar: nothing listed is Monday to Friday. */
static void
test_pure_set (void)
{
  g_autoptr(JzHolidaySet) set = jz_holiday_set_new ();
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;
  int count = 0;
  GDate date;

  /* 2030-05-03 is a Friday. */
  a = jz_holiday_set_add_working_days (set, "2030-05-03", 1);
  g_assert_cmpstr (a, ==, "2030-05-06");
  g_assert_true (jz_holiday_set_mark (set, "2030-05-06", JZ_CALENDAR_DAY_HOLIDAY));
  g_assert_true (jz_holiday_set_mark (set, "2030-05-04", JZ_CALENDAR_DAY_WORKDAY));
  b = jz_holiday_set_add_working_days (set, "2030-05-03", 1);
  g_assert_cmpstr (b, ==, "2030-05-04");
  c = jz_holiday_set_add_working_days (set, "2030-05-03", 2);
  g_assert_cmpstr (c, ==, "2030-05-07");
  g_assert_true (jz_holiday_set_count_working_days (set, "2030-05-03", "2030-05-10", &count));
  g_assert_cmpint (count, ==, 5);  /* Sat 4, Tue 7 – Fri 10 */

  /* Marking again replaces. */
  g_assert_true (jz_holiday_set_mark (set, "2030-05-06", JZ_CALENDAR_DAY_WORKDAY));
  g_assert_true (jz_calendar_parse_date ("2030-05-06", &date));
  g_assert_true (jz_holiday_set_is_working_day (set, &date));

  /* Not dates. */
  g_assert_false (jz_holiday_set_mark (set, "2030-02-30", JZ_CALENDAR_DAY_HOLIDAY));
  d = jz_holiday_set_add_working_days (set, "2030-5-3", 1);
  g_assert_null (d);
  g_assert_false (jz_holiday_set_count_working_days (set, "2030-05-03", "tomorrow", &count));
  g_assert_null (jz_holiday_set_add_working_days (set, "9999-12-31", 1));
}

static void
test_dates (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  g_autofree char *real = NULL;
  GDate date;

  g_assert_true (jz_calendar_parse_date ("2028-02-29", &date));
  g_assert_false (jz_calendar_parse_date ("2027-02-29", &date));
  g_assert_false (jz_calendar_parse_date ("2027-1-01", &date));
  g_assert_false (jz_calendar_parse_date ("2027-01-01 ", &date));
  g_assert_false (jz_calendar_parse_date ("0000-01-01", &date));
  g_assert_false (jz_calendar_parse_date (NULL, &date));
  g_assert_false (jz_calendar_check_date ("31.01.2026", &error));
  g_assert_error (error, JZ_CALENDAR_ERROR, JZ_CALENDAR_ERROR_DATE);

  g_setenv ("JIUZHU_TODAY", "2026-10-09", TRUE);
  today = jz_today ();
  g_assert_cmpstr (today, ==, "2026-10-09");
  jz_today_date (&date);
  g_assert_cmpuint (g_date_get_day (&date), ==, 9);

  g_unsetenv ("JIUZHU_TODAY");
  real = jz_today ();
  g_assert_true (jz_calendar_parse_date (real, NULL));
}

static JzUser *
make_user (JzRole role,
           gint64 township)
{
  JzUser *user = jz_user_new ();

  user->name = g_strdup (role == JZ_ROLE_ADMIN ? "admin" : "someone");
  user->role = role;
  user->region_id = township;
  user->active = TRUE;
  return user;
}

static void
test_edit_days (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(JzUser) admin = make_user (JZ_ROLE_ADMIN, 0);
  g_autoptr(JzUser) clerk = make_user (JZ_ROLE_CLERK, t->township);
  g_autoptr(JzUser) leader = make_user (JZ_ROLE_LEADER, 0);
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  JzCalendarDay *day;
  JzAuditEntry *entry;

  /* 2027-01-01 is a Friday, not listed yet. */
  assert_add (t->db, "2026-12-31", 1, "2027-01-01");

  g_assert_false (jz_calendar_add_day (t->db, clerk, "2027-01-01", "holiday", "元旦", &error));
  g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (jz_calendar_add_day (t->db, leader, "2027-01-01", "holiday", "元旦", &error));
  g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (jz_calendar_add_day (t->db, admin, "2027-01-01", "feast", "元旦", &error));
  g_assert_error (error, JZ_CALENDAR_ERROR, JZ_CALENDAR_ERROR_KIND);
  g_clear_error (&error);
  g_assert_false (jz_calendar_add_day (t->db, admin, "2027-01-05", "workday", "", &error));
  g_assert_error (error, JZ_CALENDAR_ERROR, JZ_CALENDAR_ERROR_WEEKDAY);
  g_clear_error (&error);
  g_assert_false (jz_calendar_add_day (t->db, admin, "2027-13-01", "holiday", "", &error));
  g_assert_error (error, JZ_CALENDAR_ERROR, JZ_CALENDAR_ERROR_DATE);
  g_clear_error (&error);
  assert_add (t->db, "2026-12-31", 1, "2027-01-01");

  g_assert_true (jz_calendar_add_day (t->db, admin, "2027-01-01", "holiday", " 元旦 ", &error));
  g_assert_no_error (error);
  g_assert_true (jz_calendar_add_day (t->db, NULL, "2027-01-02", "workday", "test", &error));
  g_assert_no_error (error);
  assert_add (t->db, "2026-12-31", 1, "2027-01-02");
  assert_add (t->db, "2026-12-31", 2, "2027-01-04");

  days = jz_calendar_list_days (t->db, "2027-01-01", "2027-12-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 2);
  day = g_ptr_array_index (days, 0);
  g_assert_cmpstr (day->day, ==, "2027-01-01");
  g_assert_cmpstr (day->kind, ==, "holiday");
  g_assert_cmpstr (day->name, ==, "元旦");
  g_clear_pointer (&days, g_ptr_array_unref);

  entries = jz_audit_list (t->db, "calendar_days", 20270101, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->action, ==, "insert");
  g_assert_null (entry->old_values);
  g_assert_nonnull (strstr (entry->new_values, "\"holiday\""));
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* Changing a listed day is an update; the same again writes nothing. */
  g_assert_true (jz_calendar_add_day (t->db, admin, "2027-01-02", "holiday", "test", &error));
  g_assert_true (jz_calendar_add_day (t->db, admin, "2027-01-02", "holiday", "test", &error));
  g_assert_no_error (error);
  entries = jz_audit_list (t->db, "calendar_days", 20270102, &error);
  g_assert_cmpuint (entries->len, ==, 2);
  entry = g_ptr_array_index (entries, 1);
  g_assert_cmpstr (entry->action, ==, "update");
  g_assert_nonnull (strstr (entry->old_values, "\"workday\""));
  g_assert_nonnull (strstr (entry->new_values, "\"holiday\""));
  g_clear_pointer (&entries, g_ptr_array_unref);

  g_assert_false (jz_calendar_remove_day (t->db, clerk, "2027-01-01", &error));
  g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (jz_calendar_remove_day (t->db, admin, "2027-01-01", &error));
  g_assert_no_error (error);
  g_assert_false (jz_calendar_remove_day (t->db, admin, "2027-01-01", &error));
  g_assert_error (error, JZ_CALENDAR_ERROR, JZ_CALENDAR_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_add (t->db, "2026-12-31", 1, "2027-01-01");

  entries = jz_audit_list (t->db, "calendar_days", 20270101, &error);
  g_assert_cmpuint (entries->len, ==, 2);
  entry = g_ptr_array_index (entries, 1);
  g_assert_cmpstr (entry->action, ==, "delete");
  g_assert_null (entry->new_values);

  days = jz_calendar_list_days (t->db, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, >, 60);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calendar/spring-festival", test_spring_festival);
  g_test_add_func ("/calendar/national-day", test_national_day);
  g_test_add_func ("/calendar/add-count-agree", test_add_count_agree);
  g_test_add_func ("/calendar/pure-set", test_pure_set);
  g_test_add_func ("/calendar/dates", test_dates);
  g_test_add_func ("/calendar/edit-days", test_edit_days);

  return g_test_run ();
}
