/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-db.h"
#include "jz-user.h"

G_BEGIN_DECLS

/* The working-day calendar of the legal deadlines (calendar_days): Monday
 * to Friday work unless listed as a holiday; a Saturday or Sunday listed as
 * a workday (调休) works.  Dates are ISO YYYY-MM-DD text.
 *
 * Counting: jz_calendar_add_working_days (from, n) is the n-th working day
 * after @from, @from itself not counted ("within 3 working days of the
 * acceptance on Friday" is the Wednesday after); a negative @n counts
 * backwards.  jz_calendar_count_working_days (from, to) is the number of
 * working days after @from up to and including @to (negative when @to is
 * before @from), so that adding it to @from gives @to when @to is a
 * working day. */

#define JZ_CALENDAR_ERROR (jz_calendar_error_quark ())

typedef enum
{
  JZ_CALENDAR_ERROR_DATE,     /* not a date of the form YYYY-MM-DD */
  JZ_CALENDAR_ERROR_KIND,     /* neither holiday nor workday */
  JZ_CALENDAR_ERROR_WEEKDAY,  /* a make-up workday that is no weekend day */
  JZ_CALENDAR_ERROR_NOT_FOUND,
} JzCalendarError;

typedef enum
{
  JZ_CALENDAR_DAY_HOLIDAY = 1,
  JZ_CALENDAR_DAY_WORKDAY = 2,
} JzCalendarDayKind;

/* One row of calendar_days. */
typedef struct
{
  char *day;
  char *kind;  /* holiday, workday */
  char *name;  /* e.g. 春节 */
} JzCalendarDay;

/* The calendar in memory: pure, for tests and for computing many
 * deadlines from one read of the table. */
typedef struct _JzHolidaySet JzHolidaySet;

GQuark         jz_calendar_error_quark          (void);

/* Today, as ISO text: the one "now" for dates in app/core.  The
 * environment variable JIUZHU_TODAY=YYYY-MM-DD overrides the clock, for
 * tests and demonstrations. */
char          *jz_today                         (void);
void           jz_today_date                    (GDate               *date);

/* Strict: exactly YYYY-MM-DD and a real day. */
gboolean       jz_calendar_parse_date           (const char          *text,
                                                 GDate               *date);
char          *jz_calendar_format_date          (const GDate         *date);
gboolean       jz_calendar_check_date           (const char          *text,
                                                 GError             **error);

JzHolidaySet  *jz_holiday_set_new               (void);
void           jz_holiday_set_free              (JzHolidaySet        *set);
gboolean       jz_holiday_set_mark              (JzHolidaySet        *set,
                                                 const char          *day,
                                                 JzCalendarDayKind    kind);
JzHolidaySet  *jz_holiday_set_load              (JzDb                *db,
                                                 GError             **error);
gboolean       jz_holiday_set_is_working_day    (const JzHolidaySet  *set,
                                                 const GDate         *date);
char          *jz_holiday_set_add_working_days  (const JzHolidaySet  *set,
                                                 const char          *from_date,
                                                 int                  n);
gboolean       jz_holiday_set_count_working_days (const JzHolidaySet *set,
                                                  const char         *from_date,
                                                  const char         *to_date,
                                                  int                *count);

/* The same over the database's calendar_days. */
char          *jz_calendar_add_working_days     (JzDb                *db,
                                                 const char          *from_date,
                                                 int                  n,
                                                 GError             **error);
gboolean       jz_calendar_count_working_days   (JzDb                *db,
                                                 const char          *from_date,
                                                 const char          *to_date,
                                                 int                 *count,
                                                 GError             **error);
gboolean       jz_calendar_is_working_day       (JzDb                *db,
                                                 const char          *day,
                                                 gboolean            *working,
                                                 GError             **error);

/* Settings → Calendar: the listed days, edited by whoever may edit the
 * standards (JZ_PERMISSION_STANDARDS); every change is audited under
 * table "calendar_days" with the day as the number YYYYMMDD. */
void           jz_calendar_day_free             (JzCalendarDay       *day);
GPtrArray     *jz_calendar_list_days            (JzDb                *db,
                                                 const char          *from_date,
                                                 const char          *to_date,
                                                 GError             **error);
gboolean       jz_calendar_add_day              (JzDb                *db,
                                                 const JzUser        *user,
                                                 const char          *day,
                                                 const char          *kind,
                                                 const char          *name,
                                                 GError             **error);
gboolean       jz_calendar_remove_day           (JzDb                *db,
                                                 const JzUser        *user,
                                                 const char          *day,
                                                 GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JzHolidaySet, jz_holiday_set_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JzCalendarDay, jz_calendar_day_free)

G_END_DECLS
