/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jz-audit.h"
#include "jz-calendar.h"
#include "jz-db-private.h"

G_DEFINE_QUARK (jz-calendar-error-quark, jz_calendar_error)

struct _JzHolidaySet
{
  /* julian day → JzCalendarDayKind */
  GHashTable *days;
};

/* --- dates ------------------------------------------------------------ */

gboolean
jz_calendar_parse_date (const char *text,
                        GDate      *date)
{
  guint year = 0, month = 0, day = 0;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    {
      guint digit;

      if (i == 4 || i == 7)
        continue;
      if (!g_ascii_isdigit (text[i]))
        return FALSE;

      digit = (guint) (text[i] - '0');
      if (i < 4)
        year = year * 10 + digit;
      else if (i < 7)
        month = month * 10 + digit;
      else
        day = day * 10 + digit;
    }

  if (year < 1 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  if (date != NULL)
    {
      g_date_clear (date, 1);
      g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
    }

  return TRUE;
}

char *
jz_calendar_format_date (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

gboolean
jz_calendar_check_date (const char  *text,
                        GError     **error)
{
  if (jz_calendar_parse_date (text, NULL))
    return TRUE;

  g_set_error_literal (error, JZ_CALENDAR_ERROR, JZ_CALENDAR_ERROR_DATE,
                       _("Give the date as YYYY-MM-DD, for example 2026-01-31."));
  return FALSE;
}

/**
 * jz_today_date:
 *
 * Sets @date to today: JIUZHU_TODAY when it holds a date, else the local
 * clock.  Read here and nowhere else in app/core, so that a test or a
 * demonstration moves every date-dependent rule at once.
 */
void
jz_today_date (GDate *date)
{
  const char *override = g_getenv ("JIUZHU_TODAY");
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (date != NULL);

  if (override != NULL && *override != '\0')
    {
      if (jz_calendar_parse_date (override, date))
        return;
      g_warning_once ("JIUZHU_TODAY is not a date of the form YYYY-MM-DD; using the clock");
    }

  now = g_date_time_new_now_local ();
  g_date_clear (date, 1);
  g_date_set_dmy (date,
                  (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
}

char *
jz_today (void)
{
  GDate date;

  jz_today_date (&date);
  return jz_calendar_format_date (&date);
}

/* --- the pure calendar -------------------------------------------------- */

JzHolidaySet *
jz_holiday_set_new (void)
{
  JzHolidaySet *set = g_new0 (JzHolidaySet, 1);

  set->days = g_hash_table_new (NULL, NULL);
  return set;
}

void
jz_holiday_set_free (JzHolidaySet *set)
{
  if (set == NULL)
    return;

  g_hash_table_unref (set->days);
  g_free (set);
}

/**
 * jz_holiday_set_mark:
 *
 * Lists @day as a holiday or a workday, replacing what it was.
 *
 * Returns: %FALSE when @day is not a date
 */
gboolean
jz_holiday_set_mark (JzHolidaySet      *set,
                     const char        *day,
                     JzCalendarDayKind  kind)
{
  GDate date;

  g_return_val_if_fail (set != NULL, FALSE);
  g_return_val_if_fail (kind == JZ_CALENDAR_DAY_HOLIDAY || kind == JZ_CALENDAR_DAY_WORKDAY, FALSE);

  if (!jz_calendar_parse_date (day, &date))
    return FALSE;

  g_hash_table_insert (set->days, GUINT_TO_POINTER (g_date_get_julian (&date)), GINT_TO_POINTER (kind));
  return TRUE;
}

gboolean
jz_holiday_set_is_working_day (const JzHolidaySet *set,
                               const GDate        *date)
{
  gpointer kind;
  GDateWeekday weekday;

  g_return_val_if_fail (set != NULL, FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  kind = g_hash_table_lookup (set->days, GUINT_TO_POINTER (g_date_get_julian (date)));
  if (kind == GINT_TO_POINTER (JZ_CALENDAR_DAY_HOLIDAY))
    return FALSE;
  if (kind == GINT_TO_POINTER (JZ_CALENDAR_DAY_WORKDAY))
    return TRUE;

  weekday = g_date_get_weekday (date);
  return weekday != G_DATE_SATURDAY && weekday != G_DATE_SUNDAY;
}

/* One day forward or back, staying within the years ISO text can hold. */
static gboolean
step_day (GDate *date,
          int    direction)
{
  if (direction > 0)
    {
      if (g_date_get_year (date) == 9999 && g_date_get_month (date) == G_DATE_DECEMBER &&
          g_date_get_day (date) == 31)
        return FALSE;
      g_date_add_days (date, 1);
    }
  else
    {
      if (g_date_get_julian (date) <= 1)
        return FALSE;
      g_date_subtract_days (date, 1);
    }

  return TRUE;
}

/**
 * jz_holiday_set_add_working_days:
 *
 * Returns: (transfer full) (nullable): the @n-th working day after
 *   @from_date (before it when @n is negative; @from_date itself when 0),
 *   or %NULL when @from_date is not a date or the result leaves the
 *   calendar's years
 */
char *
jz_holiday_set_add_working_days (const JzHolidaySet *set,
                                 const char         *from_date,
                                 int                 n)
{
  int direction = n >= 0 ? 1 : -1;
  gint64 remaining = ABS ((gint64) n);
  GDate date;

  g_return_val_if_fail (set != NULL, NULL);

  if (!jz_calendar_parse_date (from_date, &date))
    return NULL;

  while (remaining > 0)
    {
      if (!step_day (&date, direction))
        return NULL;
      if (jz_holiday_set_is_working_day (set, &date))
        remaining--;
    }

  return jz_calendar_format_date (&date);
}

/**
 * jz_holiday_set_count_working_days:
 * @count: (out): the working days after @from_date up to and including
 *   @to_date; when @to_date is earlier, minus those from @to_date up to
 *   and excluding @from_date
 *
 * Returns: %FALSE when either is not a date
 */
gboolean
jz_holiday_set_count_working_days (const JzHolidaySet *set,
                                   const char         *from_date,
                                   const char         *to_date,
                                   int                *count)
{
  GDate from, to, date;
  int n = 0;

  g_return_val_if_fail (set != NULL, FALSE);
  g_return_val_if_fail (count != NULL, FALSE);

  if (!jz_calendar_parse_date (from_date, &from) || !jz_calendar_parse_date (to_date, &to))
    return FALSE;

  if (g_date_compare (&to, &from) >= 0)
    {
      date = from;
      while (g_date_compare (&date, &to) < 0)
        {
          g_date_add_days (&date, 1);
          if (jz_holiday_set_is_working_day (set, &date))
            n++;
        }
    }
  else
    {
      date = to;
      while (g_date_compare (&date, &from) < 0)
        {
          if (jz_holiday_set_is_working_day (set, &date))
            n--;
          g_date_add_days (&date, 1);
        }
    }

  *count = n;
  return TRUE;
}

/**
 * jz_holiday_set_load:
 *
 * Returns: (transfer full): the database's listed days, in memory
 */
JzHolidaySet *
jz_holiday_set_load (JzDb    *db,
                     GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JzHolidaySet) set = NULL;
  int rc;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  stmt = jz_db_prepare (db, "SELECT day, kind FROM calendar_days", error);
  if (stmt == NULL)
    return NULL;

  set = jz_holiday_set_new ();
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *day = (const char *) sqlite3_column_text (stmt, 0);
      const char *kind = (const char *) sqlite3_column_text (stmt, 1);

      /* A day typed wrong in the sqlite3 shell is skipped rather than
       * making every deadline fail; `check` is where it is reported. */
      jz_holiday_set_mark (set, day,
                           g_strcmp0 (kind, "workday") == 0 ? JZ_CALENDAR_DAY_WORKDAY : JZ_CALENDAR_DAY_HOLIDAY);
    }

  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&set);
}

/* --- over the database ---------------------------------------------------- */

/**
 * jz_calendar_add_working_days:
 *
 * Returns: (transfer full): the @n-th working day after @from_date, see
 *   jz_holiday_set_add_working_days(), or %NULL with @error set
 */
char *
jz_calendar_add_working_days (JzDb        *db,
                              const char  *from_date,
                              int          n,
                              GError     **error)
{
  g_autoptr(JzHolidaySet) set = NULL;
  char *result;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  if (!jz_calendar_check_date (from_date, error))
    return NULL;

  set = jz_holiday_set_load (db, error);
  if (set == NULL)
    return NULL;

  result = jz_holiday_set_add_working_days (set, from_date, n);
  if (result == NULL)
    g_set_error_literal (error, JZ_CALENDAR_ERROR, JZ_CALENDAR_ERROR_DATE,
                         _("The date falls outside the years the calendar can count."));
  return result;
}

gboolean
jz_calendar_count_working_days (JzDb        *db,
                                const char  *from_date,
                                const char  *to_date,
                                int         *count,
                                GError     **error)
{
  g_autoptr(JzHolidaySet) set = NULL;

  g_return_val_if_fail (JZ_IS_DB (db), FALSE);
  g_return_val_if_fail (count != NULL, FALSE);

  if (!jz_calendar_check_date (from_date, error) || !jz_calendar_check_date (to_date, error))
    return FALSE;

  set = jz_holiday_set_load (db, error);
  if (set == NULL)
    return FALSE;

  return jz_holiday_set_count_working_days (set, from_date, to_date, count);
}

gboolean
jz_calendar_is_working_day (JzDb        *db,
                            const char  *day,
                            gboolean    *working,
                            GError     **error)
{
  g_autoptr(JzHolidaySet) set = NULL;
  GDate date;

  g_return_val_if_fail (JZ_IS_DB (db), FALSE);
  g_return_val_if_fail (working != NULL, FALSE);

  if (!jz_calendar_check_date (day, error))
    return FALSE;
  jz_calendar_parse_date (day, &date);

  set = jz_holiday_set_load (db, error);
  if (set == NULL)
    return FALSE;

  *working = jz_holiday_set_is_working_day (set, &date);
  return TRUE;
}

/* --- the listed days ------------------------------------------------------ */

void
jz_calendar_day_free (JzCalendarDay *day)
{
  if (day == NULL)
    return;

  g_free (day->day);
  g_free (day->kind);
  g_free (day->name);
  g_free (day);
}

/**
 * jz_calendar_list_days:
 * @from_date: (nullable): the first day listed, or %NULL for no bound
 * @to_date: (nullable): the last day listed, or %NULL for no bound
 *
 * Returns: (transfer full) (element-type JzCalendarDay): the listed days
 *   in order
 */
GPtrArray *
jz_calendar_list_days (JzDb        *db,
                       const char  *from_date,
                       const char  *to_date,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  int rc;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  if ((from_date != NULL && !jz_calendar_check_date (from_date, error)) ||
      (to_date != NULL && !jz_calendar_check_date (to_date, error)))
    return NULL;

  stmt = jz_db_prepare (db,
                        "SELECT day, kind, name FROM calendar_days "
                        "WHERE (?1 IS NULL OR day >= ?1) AND (?2 IS NULL OR day <= ?2) ORDER BY day",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from_date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to_date, -1, SQLITE_STATIC);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) jz_calendar_day_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JzCalendarDay *day = g_new0 (JzCalendarDay, 1);

      day->day = jz_db_column_dup (stmt, 0);
      day->kind = jz_db_column_dup (stmt, 1);
      day->name = jz_db_column_dup (stmt, 2);
      g_ptr_array_add (list, day);
    }

  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&list);
}

/* calendar_days has no integer key: the audit log names a day by the
 * number YYYYMMDD, which reads as the date. */
static gint64
audit_row_id (const char *day)
{
  GDate date;

  if (!jz_calendar_parse_date (day, &date))
    return 0;

  return (gint64) g_date_get_year (&date) * 10000 + g_date_get_month (&date) * 100 + g_date_get_day (&date);
}

/* The row as a JSON object, %NULL (without error) when it is not listed. */
static char *
day_snapshot (JzDb        *db,
              const char  *day,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = jz_db_prepare (db,
                        "SELECT json_object ('day', day, 'kind', kind, 'name', name) "
                        "FROM calendar_days WHERE day = ?",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return jz_db_column_dup (stmt, 0);
  if (rc != SQLITE_DONE)
    jz_db_set_error (db, rc, error);

  return NULL;
}

typedef struct
{
  const char *day;
  const char *kind;
  const char *name;
} DayChange;

static gboolean
add_day_cb (JzDb     *db,
            gpointer  user_data,
            GError  **error)
{
  DayChange *change = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  before = day_snapshot (db, change->day, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  stmt = jz_db_prepare (db,
                        "INSERT INTO calendar_days (day, kind, name) VALUES (?1, ?2, ?3) "
                        "ON CONFLICT (day) DO UPDATE SET kind = ?2, name = ?3",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, change->day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, change->kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, change->name, -1, SQLITE_STATIC);
  if (!jz_db_step_done (db, stmt, error))
    return FALSE;

  after = day_snapshot (db, change->day, error);
  if (after == NULL)
    return FALSE;

  if (g_strcmp0 (before, after) == 0)
    return TRUE;

  return jz_audit_record (db, "calendar_days", audit_row_id (change->day),
                          before == NULL ? "insert" : "update", before, after, error);
}

/**
 * jz_calendar_add_day:
 * @kind: holiday or workday
 * @name: (nullable): the festival, e.g. 国庆节
 *
 * Lists @day as a holiday or a make-up workday, or changes how it is
 * listed.  A workday must be a Saturday or Sunday: Monday to Friday work
 * anyway.
 */
gboolean
jz_calendar_add_day (JzDb          *db,
                     const JzUser  *user,
                     const char    *day,
                     const char    *kind,
                     const char    *name,
                     GError       **error)
{
  g_autofree char *clean_name = g_strstrip (g_strdup (name != NULL ? name : ""));
  DayChange change = { day, kind, clean_name };
  GDate date;

  g_return_val_if_fail (JZ_IS_DB (db), FALSE);

  if (!jz_user_check (user, JZ_PERMISSION_STANDARDS, 0, error) ||
      !jz_calendar_check_date (day, error))
    return FALSE;

  if (g_strcmp0 (kind, "holiday") != 0 && g_strcmp0 (kind, "workday") != 0)
    {
      g_set_error_literal (error, JZ_CALENDAR_ERROR, JZ_CALENDAR_ERROR_KIND,
                           _("Choose whether the day is a holiday or a make-up workday."));
      return FALSE;
    }

  jz_calendar_parse_date (day, &date);
  if (g_str_equal (kind, "workday") &&
      g_date_get_weekday (&date) != G_DATE_SATURDAY && g_date_get_weekday (&date) != G_DATE_SUNDAY)
    {
      g_set_error_literal (error, JZ_CALENDAR_ERROR, JZ_CALENDAR_ERROR_WEEKDAY,
                           _("Only a Saturday or a Sunday can be a make-up workday; Monday to Friday are workdays anyway."));
      return FALSE;
    }

  return jz_db_write (db, add_day_cb, &change, error);
}

static gboolean
remove_day_cb (JzDb     *db,
               gpointer  user_data,
               GError  **error)
{
  const char *day = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *before = NULL;

  before = day_snapshot (db, day, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (before == NULL)
    {
      g_set_error_literal (error, JZ_CALENDAR_ERROR, JZ_CALENDAR_ERROR_NOT_FOUND,
                           _("This day is not listed in the calendar; it may have been removed meanwhile."));
      return FALSE;
    }

  stmt = jz_db_prepare (db, "DELETE FROM calendar_days WHERE day = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);
  if (!jz_db_step_done (db, stmt, error))
    return FALSE;

  return jz_audit_record (db, "calendar_days", audit_row_id (day), "delete", before, NULL, error);
}

/**
 * jz_calendar_remove_day:
 *
 * Removes @day from the list, so that it counts as an ordinary Monday to
 * Friday workday or weekend day again.
 */
gboolean
jz_calendar_remove_day (JzDb          *db,
                        const JzUser  *user,
                        const char    *day,
                        GError       **error)
{
  g_return_val_if_fail (JZ_IS_DB (db), FALSE);

  if (!jz_user_check (user, JZ_PERMISSION_STANDARDS, 0, error) ||
      !jz_calendar_check_date (day, error))
    return FALSE;

  return jz_db_write (db, remove_day_cb, (gpointer) day, error);
}
