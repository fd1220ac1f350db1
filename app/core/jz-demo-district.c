/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The demo district itself: its townships and villages, the standards it
 * pays by, and its staff.  All of it is the same for every seed, so that
 * people who demonstrate the program get to know one district. */

#include "config.h"

#include "jz-calendar.h"
#include "jz-demo-private.h"
#include "jz-standard.h"

#define GEOGRAPHY_SEED G_GUINT64_CONSTANT (20240701)

typedef struct
{
  const char *name;
  const char *stem;
  const char *kind;
  guint       code;
} TownshipDef;

/* Codes after GB/T 10114: streets 001–099, towns 100–199, development
 * zones and other areas 400 and up. */
static const TownshipDef township_defs[JZ_DEMO_N_TOWNSHIPS] = {
  { "东关街道",           "东关", "street",   1 },
  { "西苑街道",           "西苑", "street",   2 },
  { "南湖街道",           "南湖", "street",   3 },
  { "北城街道",           "北城", "street",   4 },
  { "柳河镇",             "柳河", "town",   101 },
  { "石桥镇",             "石桥", "town",   102 },
  { "青山镇",             "青山", "town",   103 },
  { "白杨镇",             "白杨", "town",   104 },
  { "马集镇",             "马集", "town",   105 },
  { "红庙镇",             "红庙", "town",   106 },
  { "高新技术产业开发区", "高新", "zone",   401 },
  { "青禾经济开发区",     "经开", "zone",   402 },
};


static void
unique_place_name (JzDemoRng  *rng,
                   GHashTable *taken,
                   gboolean    community,
                   char       *out,
                   gsize       out_size)
{
  do
    jz_demo_place_name (rng, community, out, out_size);
  while (g_hash_table_contains (taken, out));

  g_hash_table_add (taken, g_strdup (out));
}

static void
plan_geography (JzDemo *demo)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JzDemoRng rng;

  jz_demo_rng_init (&rng, GEOGRAPHY_SEED);

  for (guint t = 0; t < JZ_DEMO_N_TOWNSHIPS; t++)
    {
      JzDemoTownship *township = &demo->townships[t];
      const TownshipDef *def = &township_defs[t];
      guint n_communities = 0, n_villages = 0;

      township->name = def->name;
      township->stem = def->stem;
      township->kind = def->kind;
      g_snprintf (township->code, sizeof township->code, "%s%03u", JZ_DEMO_DISTRICT_CODE, def->code);
      g_snprintf (township->clerk, sizeof township->clerk, "clerk%02u", t + 1);
      /* Towns run a nursing home (敬老院); streets and zones send their
       * recipients to the district's welfare centre. */
      if (g_str_equal (def->kind, "town"))
        g_snprintf (township->institution, sizeof township->institution, "%s敬老院", def->name);
      else
        g_snprintf (township->institution, sizeof township->institution, "%s社会福利中心", JZ_DEMO_DISTRICT_NAME);
      township->first_village = demo->n_villages;
      township->n_villages = (guint) jz_demo_rng_range (&rng, 15, JZ_DEMO_MAX_VILLAGES);

      for (guint i = 0; i < township->n_villages; i++)
        {
          JzDemoVillage *v = &demo->villages[demo->n_villages++];
          gboolean community = g_str_equal (def->kind, "street") ||
                               (g_str_equal (def->kind, "zone") && jz_demo_rng_permille (&rng, 500));

          v->township = t;
          v->urban = community;

          /* The seat of a township carries its name. */
          if (i == 0)
            {
              g_snprintf (v->name, sizeof v->name, "%s%s", def->stem, community ? "社区" : "村");
              g_hash_table_add (taken, g_strdup (v->name));
            }
          else
            unique_place_name (&rng, taken, community, v->name, sizeof v->name);

          /* Residents' committees 001–199, villagers' committees 200–399. */
          g_snprintf (v->code, sizeof v->code, "%s%03u", township->code,
                      community ? ++n_communities : 200 + ++n_villages);
        }
    }
}

static gboolean
write_geography (JzDb    *db,
                 JzDemo  *demo,
                 GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *handle = jz_db_get_handle (db);
  gint64 district;

  stmt = jz_db_prepare (db,
                        "INSERT INTO regions (parent_id, level, kind, code, name) VALUES (?, ?, ?, ?, ?)",
                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_null (stmt, 1);
  jz_demo_bind_text (stmt, 2, "district");
  jz_demo_bind_text (stmt, 3, "district");
  jz_demo_bind_text (stmt, 4, JZ_DEMO_DISTRICT_CODE);
  jz_demo_bind_text (stmt, 5, JZ_DEMO_DISTRICT_NAME);
  if (!jz_db_step_done (db, stmt, error))
    return FALSE;
  district = demo->district_id = sqlite3_last_insert_rowid (handle);

  for (guint t = 0; t < JZ_DEMO_N_TOWNSHIPS; t++)
    {
      JzDemoTownship *township = &demo->townships[t];

      sqlite3_bind_int64 (stmt, 1, district);
      jz_demo_bind_text (stmt, 2, "township");
      jz_demo_bind_text (stmt, 3, township->kind);
      jz_demo_bind_text (stmt, 4, township->code);
      jz_demo_bind_text (stmt, 5, township->name);
      if (!jz_db_step_done (db, stmt, error))
        return FALSE;
      township->id = sqlite3_last_insert_rowid (handle);

      for (guint i = 0; i < township->n_villages; i++)
        {
          JzDemoVillage *v = &demo->villages[township->first_village + i];

          sqlite3_bind_int64 (stmt, 1, township->id);
          jz_demo_bind_text (stmt, 2, "village");
          jz_demo_bind_text (stmt, 3, v->urban ? "community" : "village");
          jz_demo_bind_text (stmt, 4, v->code);
          jz_demo_bind_text (stmt, 5, v->name);
          if (!jz_db_step_done (db, stmt, error))
            return FALSE;
          v->id = sqlite3_last_insert_rowid (handle);
        }
    }

  return TRUE;
}

/* Yearly values in fen, raised every July; the levels of a Shandong
 * district in the 2020s. */
static gint64
yearly (int    year,
        gint64 at_2015,
        gint64 per_year,
        gint64 floor)
{
  return MAX (floor, at_2015 + (year - 2015) * per_year);
}

/* The money standards, raised every 1 July. */
static const struct
{
  JzDemoSeriesKind  series;
  const char       *kind;
  const char       *hukou;
} raised_standards[] = {
  { JZ_DEMO_SERIES_DIBAO_URBAN,       "dibao",             "urban" },
  { JZ_DEMO_SERIES_DIBAO_RURAL,       "dibao",             "rural" },
  { JZ_DEMO_SERIES_MIN_WAGE,          "min_wage",          NULL },
  { JZ_DEMO_SERIES_DISABILITY_LIVING, "disability_living", NULL },
  { JZ_DEMO_SERIES_DISABILITY_CARE,   "disability_care",   NULL },
  { JZ_DEMO_SERIES_CHILD_LIVING,      "child_living",      NULL },
};

/* The rest of the benefit rules, set once before the history: rates in
 * basis points, gradual_exit_months a number of months.  The workflow's
 * deadlines and review intervals keep the schema's defaults (the 2021
 * 办法), as an office would. */
static const struct
{
  const char *kind;
  const char *hukou;
  gint64      value;
} fixed_standards[] = {
  { "tekun_basic_ratio",               "urban",  15000 },
  { "tekun_basic_ratio",               "rural",  13000 },
  { "care_self_pct",                   NULL,      1000 },
  { "care_partial_pct",                NULL,      3000 },
  { "care_full_pct",                   NULL,      6000 },
  { "increment_elderly_pct",           NULL,      1000 },
  { "increment_minor_pct",             NULL,      1000 },
  { "increment_severe_disability_pct", NULL,      2000 },
  { "increment_severe_illness_pct",    NULL,      1500 },
  { "increment_sanwu_pct",             NULL,      3000 },
  { "temp_illness_min",                NULL,     30000 },
  { "temp_illness_max",                NULL,    120000 },
  { "temp_education_min",              NULL,     30000 },
  { "temp_education_max",              NULL,     60000 },
  { "gradual_exit_months",             NULL,         3 },
};

static gint64
fixed_standard (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (fixed_standards); i++)
    if (g_str_equal (fixed_standards[i].kind, kind))
      return fixed_standards[i].value;

  g_assert_not_reached ();
}

static void
plan_standards (JzDemo *demo)
{
  int first_year, end_year, m, d;

  jz_demo_civil_from_days (demo->history_start, &first_year, &m, &d);
  jz_demo_civil_from_days (demo->end, &end_year, &m, &d);
  first_year -= 3;

  for (int y = first_year; y <= end_year; y++)
    {
      int from = jz_demo_days_from_civil (y, 7, 1);
      const gint64 values[JZ_DEMO_N_SERIES] = {
        [JZ_DEMO_SERIES_DIBAO_RURAL]       = yearly (y, 42000, 3800, 15000),
        [JZ_DEMO_SERIES_DIBAO_URBAN]       = yearly (y, 58000, 4500, 20000),
        [JZ_DEMO_SERIES_MIN_WAGE]          = yearly (y, 150000, 6000, 60000),
        [JZ_DEMO_SERIES_DISABILITY_LIVING] = yearly (y, 7000, 400, 3000),
        [JZ_DEMO_SERIES_DISABILITY_CARE]   = yearly (y, 8000, 400, 3000),
        [JZ_DEMO_SERIES_CHILD_LIVING]      = yearly (y, 100000, 5000, 40000),
      };

      if (from > demo->end)
        break;

      demo->standard_dates[demo->n_standard_dates++] = from;
      for (guint s = 0; s < JZ_DEMO_N_SERIES; s++)
        {
          JzDemoSeries *series = &demo->series[s];

          series->steps[series->n].from = from;
          series->steps[series->n].value = values[s];
          series->n++;
        }
    }

  /* What the plans need before the standards are written. */
  demo->first_standard = demo->standard_dates[0];
  demo->temp_illness_bp[0] = (int) fixed_standard ("temp_illness_min");
  demo->temp_illness_bp[1] = (int) fixed_standard ("temp_illness_max");
  demo->temp_education_bp[0] = (int) fixed_standard ("temp_education_min");
  demo->temp_education_bp[1] = (int) fixed_standard ("temp_education_max");
  demo->gradual_exit_months = (int) fixed_standard ("gradual_exit_months");
}

static gboolean
insert_standard (JzDb          *db,
                 sqlite3_stmt  *stmt,
                 const char    *kind,
                 const char    *hukou,
                 gint64         value,
                 int            from,
                 GError       **error)
{
  JzStandardKind k;
  char date[11], created[24];
  int y, m, d;

  if (!jz_standard_kind_from_code (kind, &k))
    {
      /* A bug in the generator, not something a clerk can fix. */
      g_critical ("The demo writes a standard of a kind this version does not know");
      jz_db_set_error (db, SQLITE_MISUSE, error);
      return FALSE;
    }

  jz_demo_bind_text (stmt, 1, kind);
  jz_demo_bind_text (stmt, 2, hukou);
  if (jz_standard_kind_unit (k) == JZ_STANDARD_UNIT_BP)
    {
      sqlite3_bind_null (stmt, 3);
      sqlite3_bind_int64 (stmt, 4, value);
    }
  else
    {
      sqlite3_bind_int64 (stmt, 3, value);
      sqlite3_bind_null (stmt, 4);
    }
  jz_demo_bind_date (stmt, 5, from, date);

  /* Decided by the district about a month ahead, as a raise is. */
  jz_demo_civil_from_days (jz_demo_month_start (from, -1), &y, &m, &d);
  g_snprintf (created, sizeof created, "%04d-%02d-15T02:00:00Z", y, m);
  jz_demo_bind_text (stmt, 6, created);

  return jz_db_step_done (db, stmt, error);
}

static gboolean
write_standards (JzDb    *db,
                 JzDemo  *demo,
                 GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = jz_db_prepare (db,
                        "INSERT INTO standards (kind, hukou, amount, rate_bp, effective_from, created_at, created_by) "
                        "VALUES (?, ?, ?, ?, ?, ?, 'reviewer')",
                        error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (raised_standards); i++)
    {
      const JzDemoSeries *series = &demo->series[raised_standards[i].series];

      for (guint j = 0; j < series->n; j++)
        if (!insert_standard (db, stmt, raised_standards[i].kind, raised_standards[i].hukou,
                              series->steps[j].value, series->steps[j].from, error))
          return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (fixed_standards); i++)
    if (!insert_standard (db, stmt, fixed_standards[i].kind, fixed_standards[i].hukou,
                          fixed_standards[i].value, demo->first_standard, error))
      return FALSE;

  return TRUE;
}

/* The standards as the benefit engine will find them in the database, the
 * schema's defaults included, and the workflow's numbers: read once for
 * every date a standard changes, so that the amounts and deadlines the
 * demo writes are those the engine and the workflow compute from the
 * file, without a query each. */
static gboolean
resolve_standards (JzDb    *db,
                   JzDemo  *demo,
                   GError **error)
{
  for (guint i = 0; i < demo->n_standard_dates; i++)
    {
      char date[11];

      jz_demo_format_date (demo->standard_dates[i], date);
      if (!jz_standard_values_resolve (db, date, JZ_STANDARD_HUKOU_RURAL, 0, &demo->values[i][0], error) ||
          !jz_standard_values_resolve (db, date, JZ_STANDARD_HUKOU_URBAN, 0, &demo->values[i][1], error) ||
          !jz_workflow_rules_load (db, date, 0, &demo->rules[i], error))
        return FALSE;
    }

  return TRUE;
}

/* The calendar_days calendar as a table over the demo's span: a deadline
 * is two lookups, not a walk over the days, for the million computed. */
static gboolean
load_calendar (JzDb    *db,
               JzDemo  *demo,
               GError **error)
{
  g_autoptr(JzHolidaySet) holidays = jz_holiday_set_load (db, error);
  int count = 0;

  if (holidays == NULL)
    return FALSE;

  /* From before the first application to well after the last deadline. */
  demo->calendar_from = demo->first_standard - 31;
  demo->calendar_length = (guint) (demo->end + 400 - demo->calendar_from);
  demo->working_through = g_new (int, demo->calendar_length);
  demo->working_days = g_new (int, demo->calendar_length);

  for (guint i = 0; i < demo->calendar_length; i++)
    {
      int day = demo->calendar_from + (int) i;
      GDate date;
      int y, m, d;

      jz_demo_civil_from_days (day, &y, &m, &d);
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
      if (jz_holiday_set_is_working_day (holidays, &date))
        demo->working_days[count++] = day;
      demo->working_through[i] = count;
    }

  return TRUE;
}

/**
 * jz_demo_add_working_days:
 * @n: 1 or more
 *
 * The @n-th working day after @day, as jz_calendar_add_working_days()
 * counts.
 */
int
jz_demo_add_working_days (const JzDemo *demo,
                          int           day,
                          int           n)
{
  int index;

  g_assert (n > 0);
  g_assert (day >= demo->calendar_from && day < demo->calendar_from + (int) demo->calendar_length);

  index = demo->working_through[day - demo->calendar_from] + n - 1;
  g_assert (index < demo->working_through[demo->calendar_length - 1]);
  return demo->working_days[index];
}

void
jz_demo_district_clear (JzDemo *demo)
{
  g_clear_pointer (&demo->working_through, g_free);
  g_clear_pointer (&demo->working_days, g_free);
}

static gboolean
write_users (JzDb    *db,
             JzDemo  *demo,
             GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  JzDemoRng rng;
  gint64 district = demo->district_id;
  static const char * const roles[][2] = {
    { "reviewer", "reviewer" },
    { "leader",   "leader" },
    { "admin",    "admin" },
  };

  /* Their own numbers, so that the staff do not change with the seed. */
  jz_demo_rng_init (&rng, GEOGRAPHY_SEED + 1);
  g_strlcpy (demo->reviewer, "reviewer", sizeof demo->reviewer);

  /* Accounts the office made itself are kept. */
  stmt = jz_db_prepare (db,
                        "INSERT OR IGNORE INTO users (name, full_name, role, region_id) VALUES (?, ?, ?, ?)",
                        error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < JZ_DEMO_N_TOWNSHIPS + G_N_ELEMENTS (roles); i++)
    {
      char full_name[32];
      char sex = jz_demo_rng_permille (&rng, 500) ? 'M' : 'F';

      jz_demo_person_name (&rng, jz_demo_surname (&rng), sex, jz_demo_rng_range (&rng, 1968, 1998),
                           full_name, sizeof full_name);
      if (i < JZ_DEMO_N_TOWNSHIPS)
        {
          g_strlcpy (demo->townships[i].clerk_name, full_name, sizeof demo->townships[i].clerk_name);
          jz_demo_bind_text (stmt, 1, demo->townships[i].clerk);
          jz_demo_bind_text (stmt, 3, "clerk");
          sqlite3_bind_int64 (stmt, 4, demo->townships[i].id);
        }
      else
        {
          jz_demo_bind_text (stmt, 1, roles[i - JZ_DEMO_N_TOWNSHIPS][0]);
          jz_demo_bind_text (stmt, 3, roles[i - JZ_DEMO_N_TOWNSHIPS][1]);
          sqlite3_bind_int64 (stmt, 4, district);
        }
      jz_demo_bind_text (stmt, 2, full_name);
      if (!jz_db_step_done (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

void
jz_demo_plan_district (JzDemo *demo)
{
  plan_geography (demo);
  plan_standards (demo);
}

gboolean
jz_demo_write_district (JzDb     *db,
                        JzDemo   *demo,
                        GError  **error)
{
  return write_geography (db, demo, error) &&
         write_standards (db, demo, error) &&
         resolve_standards (db, demo, error) &&
         load_calendar (db, demo, error) &&
         write_users (db, demo, error);
}
