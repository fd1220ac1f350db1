/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jz-db-private.h"
#include "jz-demo.h"
#include "jz-demo-private.h"

/* The map is the same whatever the seed, so that people who demonstrate
 * the program get to know one district. */
#define GEOGRAPHY_SEED  G_GUINT64_CONSTANT (20240701)
#define HISTORY_MONTHS  24
#define PROGRESS_EVERY  4096
#define DEMO_CACHE_KIB  "-131072"

G_DEFINE_QUARK (jz-demo-error-quark, jz_demo_error)

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

static const char * const program_codes[] = {
  "dibao_urban", "dibao_rural", "tekun_dispersed", "tekun_centralized", "temporary",
  "disability_living", "disability_care", "child_living", "low_income",
};
static const char * const status_names[] = {
  "submitted", "accepted", "investigating", "village_notice", "township_reviewed",
  "approved", "active", "suspended", "terminated", "rejected", "withdrawn",
};
static const char * const relation_names[] = {
  "head", "spouse", "child", "parent", "grandchild", "grandparent", "sibling", "other",
};
static const char * const income_names[] = {
  "wage", "farming", "business", "pension", "transfer", "property",
};
static const char * const employment_names[] = {
  "employed", "farming", "self_employed", "unemployed", "student", "retired", "none",
};
static const char * const disability_names[] = {
  NULL, "visual", "hearing", "speech", "limb", "intellectual", "mental", "multiple",
};
static const char * const labour_names[] = { "full", "partial", "none" };
static const char * const care_names[] = { "self_care", "partial_care", "full_care" };

G_STATIC_ASSERT (G_N_ELEMENTS (program_codes) == JZ_DEMO_N_PROGRAMS);

/* Where the rows go; lives for one jz_demo_generate() call. */
typedef struct
{
  JzDemo               demo;
  JzDb                *db;
  const JzDemoOptions *options;
  GPtrArray           *indexes;

  sqlite3_stmt        *household;
  sqlite3_stmt        *head;
  sqlite3_stmt        *person;
  sqlite3_stmt        *income;
  sqlite3_stmt        *case_row;
  sqlite3_stmt        *history;

  gint64               next_household;
  gint64               next_person;
  gint64               next_income;
  gint64               next_case;
  gint64               next_history;

  JzDemoHousehold      hh[2];
  JzDemoCaseResult     result;
} Writer;

static void
writer_free (Writer *w)
{
  g_clear_pointer (&w->household, sqlite3_finalize);
  g_clear_pointer (&w->head, sqlite3_finalize);
  g_clear_pointer (&w->person, sqlite3_finalize);
  g_clear_pointer (&w->income, sqlite3_finalize);
  g_clear_pointer (&w->case_row, sqlite3_finalize);
  g_clear_pointer (&w->history, sqlite3_finalize);
  g_clear_pointer (&w->indexes, g_ptr_array_unref);
  jz_demo_id_set_clear (&w->demo.ids);
  g_free (w);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Writer, writer_free)

/* --- small SQL helpers ------------------------------------------------- */

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

/* @buf must stay untouched until the statement has been stepped. */
static void
bind_date (sqlite3_stmt *stmt,
           int           index,
           int           day,
           char         *buf)
{
  if (day == 0)
    {
      sqlite3_bind_null (stmt, index);
      return;
    }
  jz_demo_format_date (day, buf);
  sqlite3_bind_text (stmt, index, buf, 10, SQLITE_STATIC);
}

static void
bind_id (sqlite3_stmt *stmt,
         int           index,
         gint64        id)
{
  if (id == 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

static gboolean
query_int (JzDb        *db,
           const char  *sql,
           gint64      *value,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = jz_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      jz_db_set_error (db, rc == SQLITE_DONE ? SQLITE_ERROR : rc, error);
      return FALSE;
    }

  *value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* Secondary indexes are dropped for the bulk load and built again at the
 * end: one sort per index is far cheaper than a million B-tree inserts. */
static gboolean
drop_indexes (Writer  *w,
              GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  int rc;

  stmt = jz_db_prepare (w->db,
                        "SELECT name, sql FROM sqlite_schema "
                        "WHERE type = 'index' AND sql IS NOT NULL "
                        "AND tbl_name IN ('households', 'persons', 'incomes', 'cases', 'case_history') "
                        "ORDER BY name",
                        error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (w->indexes, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (w->db, rc, error);
      return FALSE;
    }

  for (guint i = 0; i < names->len; i++)
    {
      char *sql = sqlite3_mprintf ("DROP INDEX \"%w\"", (const char *) g_ptr_array_index (names, i));
      gboolean ok = jz_db_exec (w->db, sql, error);

      sqlite3_free (sql);
      if (!ok)
        return FALSE;
    }

  return TRUE;
}

static gboolean
restore_indexes (Writer  *w,
                 GError **error)
{
  for (guint i = 0; i < w->indexes->len; i++)
    if (!jz_db_exec (w->db, g_ptr_array_index (w->indexes, i), error))
      return FALSE;

  return TRUE;
}

/* The CHECK constraints were off for the load (see jz_demo_generate());
 * quick_check verifies them, once per table, before the commit. */
static gboolean
verify_checks (Writer  *w,
               GError **error)
{
  static const char * const tables[] = { "households", "persons", "incomes", "cases", "case_history" };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA quick_check (%s)", tables[i]);
      g_autoptr(sqlite3_stmt) stmt = jz_db_prepare (w->db, sql, error);
      int rc;

      if (stmt == NULL)
        return FALSE;

      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          jz_db_set_error (w->db, rc, error);
          return FALSE;
        }
      if (!g_str_equal ((const char *) sqlite3_column_text (stmt, 0), "ok"))
        {
          /* A bug in the generator, not something a clerk can fix. */
          g_critical ("Demo data breaks a rule of the schema: %s", sqlite3_column_text (stmt, 0));
          jz_db_set_error (w->db, SQLITE_CONSTRAINT_CHECK, error);
          return FALSE;
        }
    }

  return TRUE;
}

/* --- the map ----------------------------------------------------------- */

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
write_geography (Writer  *w,
                 GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *handle = jz_db_get_handle (w->db);
  JzDemo *demo = &w->demo;
  gint64 district;

  stmt = jz_db_prepare (w->db,
                        "INSERT INTO regions (parent_id, level, kind, code, name) VALUES (?, ?, ?, ?, ?)",
                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_null (stmt, 1);
  bind_text (stmt, 2, "district");
  bind_text (stmt, 3, "district");
  bind_text (stmt, 4, JZ_DEMO_DISTRICT_CODE);
  bind_text (stmt, 5, JZ_DEMO_DISTRICT_NAME);
  if (!jz_db_step_done (w->db, stmt, error))
    return FALSE;
  district = demo->district_id = sqlite3_last_insert_rowid (handle);

  for (guint t = 0; t < JZ_DEMO_N_TOWNSHIPS; t++)
    {
      JzDemoTownship *township = &demo->townships[t];

      sqlite3_bind_int64 (stmt, 1, district);
      bind_text (stmt, 2, "township");
      bind_text (stmt, 3, township->kind);
      bind_text (stmt, 4, township->code);
      bind_text (stmt, 5, township->name);
      if (!jz_db_step_done (w->db, stmt, error))
        return FALSE;
      township->id = sqlite3_last_insert_rowid (handle);

      for (guint i = 0; i < township->n_villages; i++)
        {
          JzDemoVillage *v = &demo->villages[township->first_village + i];

          sqlite3_bind_int64 (stmt, 1, township->id);
          bind_text (stmt, 2, "village");
          bind_text (stmt, 3, v->urban ? "community" : "village");
          bind_text (stmt, 4, v->code);
          bind_text (stmt, 5, v->name);
          if (!jz_db_step_done (w->db, stmt, error))
            return FALSE;
          v->id = sqlite3_last_insert_rowid (handle);
        }
    }

  return TRUE;
}

/* --- standards and users ----------------------------------------------- */

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

  demo->first_standard = demo->standard_dates[0];
  demo->tekun_ratio_bp[0] = 13000;
  demo->tekun_ratio_bp[1] = 15000;
  demo->care_bp[0] = 1000;
  demo->care_bp[1] = 3000;
  demo->care_bp[2] = 6000;
  demo->increment_bp[0] = 1000;
  demo->increment_bp[1] = 2000;
  demo->increment_bp[2] = 1500;
  demo->temp_illness_bp[0] = 30000;
  demo->temp_illness_bp[1] = 120000;
  demo->temp_education_bp[0] = 30000;
  demo->temp_education_bp[1] = 60000;
  demo->gradual_exit_months = 3;
}

static gboolean
insert_standard (JzDb          *db,
                 sqlite3_stmt  *stmt,
                 const char    *kind,
                 const char    *hukou,
                 gint64         amount,
                 gint64         rate_bp,
                 int            from,
                 GError       **error)
{
  char date[11];

  bind_text (stmt, 1, kind);
  bind_text (stmt, 2, hukou);
  if (amount >= 0)
    sqlite3_bind_int64 (stmt, 3, amount);
  else
    sqlite3_bind_null (stmt, 3);
  if (rate_bp >= 0)
    sqlite3_bind_int64 (stmt, 4, rate_bp);
  else
    sqlite3_bind_null (stmt, 4);
  bind_date (stmt, 5, from, date);

  return jz_db_step_done (db, stmt, error);
}

static gboolean
write_standards (Writer  *w,
                 GError **error)
{
  static const struct { JzDemoSeriesKind series; const char *kind; const char *hukou; } amounts[] = {
    { JZ_DEMO_SERIES_DIBAO_URBAN,       "dibao",             "urban" },
    { JZ_DEMO_SERIES_DIBAO_RURAL,       "dibao",             "rural" },
    { JZ_DEMO_SERIES_MIN_WAGE,          "min_wage",          NULL },
    { JZ_DEMO_SERIES_DISABILITY_LIVING, "disability_living", NULL },
    { JZ_DEMO_SERIES_DISABILITY_CARE,   "disability_care",   NULL },
    { JZ_DEMO_SERIES_CHILD_LIVING,      "child_living",      NULL },
  };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  JzDemo *demo = &w->demo;
  const struct { const char *kind; const char *hukou; int rate_bp; } rates[] = {
    { "tekun_basic_ratio",      "urban", demo->tekun_ratio_bp[1] },
    { "tekun_basic_ratio",      "rural", demo->tekun_ratio_bp[0] },
    { "care_self_pct",          NULL,    demo->care_bp[0] },
    { "care_partial_pct",       NULL,    demo->care_bp[1] },
    { "care_full_pct",          NULL,    demo->care_bp[2] },
    { "increment_elderly_pct",  NULL,    demo->increment_bp[0] },
    { "increment_disabled_pct", NULL,    demo->increment_bp[1] },
    { "increment_illness_pct",  NULL,    demo->increment_bp[2] },
    { "temp_illness_min",       NULL,    demo->temp_illness_bp[0] },
    { "temp_illness_max",       NULL,    demo->temp_illness_bp[1] },
    { "temp_education_min",     NULL,    demo->temp_education_bp[0] },
    { "temp_education_max",     NULL,    demo->temp_education_bp[1] },
  };

  stmt = jz_db_prepare (w->db,
                        "INSERT INTO standards (kind, hukou, amount, rate_bp, effective_from) VALUES (?, ?, ?, ?, ?)",
                        error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      const JzDemoSeries *series = &demo->series[amounts[i].series];

      for (guint j = 0; j < series->n; j++)
        if (!insert_standard (w->db, stmt, amounts[i].kind, amounts[i].hukou,
                              series->steps[j].value, -1, series->steps[j].from, error))
          return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (rates); i++)
    if (!insert_standard (w->db, stmt, rates[i].kind, rates[i].hukou, -1, rates[i].rate_bp,
                          demo->first_standard, error))
      return FALSE;

  /* A count of months, not money: the schema's amount column holds it. */
  return insert_standard (w->db, stmt, "gradual_exit_months", NULL, demo->gradual_exit_months, -1,
                          demo->first_standard, error);
}

static gboolean
write_users (Writer  *w,
             GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  JzDemo *demo = &w->demo;
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
  stmt = jz_db_prepare (w->db,
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
          bind_text (stmt, 1, demo->townships[i].clerk);
          bind_text (stmt, 3, "clerk");
          sqlite3_bind_int64 (stmt, 4, demo->townships[i].id);
        }
      else
        {
          bind_text (stmt, 1, roles[i - JZ_DEMO_N_TOWNSHIPS][0]);
          bind_text (stmt, 3, roles[i - JZ_DEMO_N_TOWNSHIPS][1]);
          sqlite3_bind_int64 (stmt, 4, district);
        }
      bind_text (stmt, 2, full_name);
      if (!jz_db_step_done (w->db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* --- households -------------------------------------------------------- */

static gboolean
prepare_statements (Writer  *w,
                    GError **error)
{
  struct { sqlite3_stmt **stmt; const char *sql; } list[] = {
    { &w->household,
      "INSERT INTO households (id, region_id, hukou, address, phone, bank, bank_account, notes, "
      "status, predecessor_id, opened_on, closed_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" },
    /* The head is set after the persons exist: the deferred key would
     * otherwise make SQLite search households for every person inserted. */
    { &w->head, "UPDATE households SET head_person_id = ? WHERE id = ?" },
    { &w->person,
      "INSERT INTO persons (id, household_id, name, id_number, relation, sex, birth_date, "
      "disability_kind, disability_grade, disability_cert, severe_illness, labour_capacity, "
      "self_care, employment, active, left_on, left_reason) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" },
    { &w->income, "INSERT INTO incomes (id, person_id, kind, monthly_amount) VALUES (?, ?, ?, ?)" },
    { &w->case_row,
      "INSERT INTO cases (id, household_id, person_id, program, status, applied_on, decided_on, "
      "starts_on, ended_on, end_reason, persons, monthly_amount) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" },
    { &w->history,
      "INSERT INTO case_history (id, case_id, on_date, status, monthly_amount, note, user_name) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (list); i++)
    if ((*list[i].stmt = jz_db_prepare (w->db, list[i].sql, error)) == NULL)
      return FALSE;

  return query_int (w->db, "SELECT coalesce (max (id), 0) + 1 FROM households", &w->next_household, error) &&
         query_int (w->db, "SELECT coalesce (max (id), 0) + 1 FROM persons", &w->next_person, error) &&
         query_int (w->db, "SELECT coalesce (max (id), 0) + 1 FROM incomes", &w->next_income, error) &&
         query_int (w->db, "SELECT coalesce (max (id), 0) + 1 FROM cases", &w->next_case, error) &&
         query_int (w->db, "SELECT coalesce (max (id), 0) + 1 FROM case_history", &w->next_history, error);
}

static gboolean
write_person (Writer                *w,
              const JzDemoHousehold *hh,
              JzDemoMember          *m,
              GError               **error)
{
  sqlite3_stmt *s = w->person;
  gboolean active = m->died_on == 0 && hh->closed_on == 0;
  char birth[11], left[11], cert[24];

  m->person_id = w->next_person++;
  sqlite3_bind_int64 (s, 1, m->person_id);
  sqlite3_bind_int64 (s, 2, hh->id);
  bind_text (s, 3, m->name);
  bind_text (s, 4, m->id_number);
  bind_text (s, 5, relation_names[m->relation]);
  bind_text (s, 6, m->sex == 'M' ? "M" : "F");
  bind_date (s, 7, m->birth, birth);
  if (m->disability_kind != 0)
    {
      /* The second-generation certificate: ID number, kind, grade. */
      g_snprintf (cert, sizeof cert, "%s%d%d", m->id_number, m->disability_kind, m->disability_grade);
      bind_text (s, 8, disability_names[m->disability_kind]);
      sqlite3_bind_int (s, 9, m->disability_grade);
      bind_text (s, 10, cert);
    }
  else
    {
      sqlite3_bind_null (s, 8);
      sqlite3_bind_null (s, 9);
      sqlite3_bind_null (s, 10);
    }
  bind_text (s, 11, m->illness);
  bind_text (s, 12, labour_names[m->labour]);
  bind_text (s, 13, care_names[m->care]);
  bind_text (s, 14, employment_names[m->employment]);
  sqlite3_bind_int (s, 15, active ? 1 : 0);
  if (active)
    {
      sqlite3_bind_null (s, 16);
      sqlite3_bind_null (s, 17);
    }
  else if (m->died_on != 0)
    {
      bind_date (s, 16, m->died_on, left);
      bind_text (s, 17, "died");
    }
  else
    {
      bind_date (s, 16, hh->closed_on, left);
      bind_text (s, 17, hh->moved_away ? "moved_out" : "household_closed");
    }
  if (!jz_db_step_done (w->db, s, error))
    return FALSE;

  /* Incomes are facts about the people on file now. */
  if (!active)
    return TRUE;

  for (guint i = 0; i < m->n_incomes; i++)
    {
      sqlite3_bind_int64 (w->income, 1, w->next_income++);
      sqlite3_bind_int64 (w->income, 2, m->person_id);
      bind_text (w->income, 3, income_names[m->income_kind[i]]);
      sqlite3_bind_int64 (w->income, 4, m->income[i]);
      if (!jz_db_step_done (w->db, w->income, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_case (Writer                *w,
            const JzDemoHousehold *hh,
            const JzDemoCasePlan  *plan,
            GError               **error)
{
  JzDemoCaseResult *r = &w->result;
  sqlite3_stmt *s = w->case_row;
  gint64 case_id = w->next_case++;
  char applied[11], decided[11], starts[11], ended[11];

  jz_demo_case_run (&w->demo, hh, plan, r);

  sqlite3_bind_int64 (s, 1, case_id);
  sqlite3_bind_int64 (s, 2, hh->id);
  bind_id (s, 3, plan->member >= 0 ? hh->m[plan->member].person_id : 0);
  bind_text (s, 4, program_codes[plan->program]);
  bind_text (s, 5, status_names[r->status]);
  bind_date (s, 6, plan->applied_on, applied);
  bind_date (s, 7, r->decided_on, decided);
  bind_date (s, 8, r->starts_on, starts);
  bind_date (s, 9, r->ended_on, ended);
  bind_text (s, 10, r->end_reason);
  sqlite3_bind_int (s, 11, r->persons);
  sqlite3_bind_int64 (s, 12, r->amount);
  if (!jz_db_step_done (w->db, s, error))
    return FALSE;

  s = w->history;
  for (guint i = 0; i < r->n_history; i++)
    {
      const JzDemoHistoryRow *row = &r->history[i];
      char on[11];

      sqlite3_bind_int64 (s, 1, w->next_history++);
      sqlite3_bind_int64 (s, 2, case_id);
      bind_date (s, 3, row->on, on);
      bind_text (s, 4, status_names[row->status]);
      sqlite3_bind_int64 (s, 5, row->amount);
      bind_text (s, 6, row->note != NULL ? row->note : "");
      bind_text (s, 7, row->user);
      if (!jz_db_step_done (w->db, s, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_household (Writer          *w,
                 JzDemoHousehold *hh,
                 GError         **error)
{
  sqlite3_stmt *s = w->household;
  char opened[11], closed[11];

  hh->id = w->next_household++;
  sqlite3_bind_int64 (s, 1, hh->id);
  sqlite3_bind_int64 (s, 2, w->demo.villages[hh->village].id);
  bind_text (s, 3, hh->urban ? "urban" : "rural");
  bind_text (s, 4, hh->address);
  bind_text (s, 5, hh->phone);
  bind_text (s, 6, hh->bank);
  bind_text (s, 7, hh->account);
  bind_text (s, 8, hh->notes);
  bind_text (s, 9, hh->closed_on != 0 ? "closed" : "open");
  bind_id (s, 10, hh->predecessor_id);
  bind_date (s, 11, hh->opened_on, opened);
  bind_date (s, 12, hh->closed_on, closed);
  if (!jz_db_step_done (w->db, s, error))
    return FALSE;

  for (guint i = 0; i < hh->n; i++)
    if (!write_person (w, hh, &hh->m[i], error))
      return FALSE;

  sqlite3_bind_int64 (w->head, 1, hh->m[0].person_id);
  sqlite3_bind_int64 (w->head, 2, hh->id);
  if (!jz_db_step_done (w->db, w->head, error))
    return FALSE;

  for (guint i = 0; i < hh->n_cases; i++)
    if (!write_case (w, hh, &hh->cases[i], error))
      return FALSE;

  return TRUE;
}

static gboolean
write_households (Writer  *w,
                  GError **error)
{
  const JzDemoOptions *options = w->options;
  guint n = options->n_households;
  guint done = 0, reported = 0;

  while (done < n)
    {
      int forced = done < JZ_DEMO_N_PROGRAMS ? (int) done : -1;
      gboolean split;

      split = jz_demo_household_build (&w->demo, &w->hh[0], forced, forced < 0 && n - done >= 2);
      if (split)
        jz_demo_household_split (&w->demo, &w->hh[0], &w->hh[1]);

      if (!write_household (w, &w->hh[0], error))
        return FALSE;
      done++;

      if (split)
        {
          w->hh[1].predecessor_id = w->hh[0].id;
          if (!write_household (w, &w->hh[1], error))
            return FALSE;
          done++;
        }

      if (options->progress != NULL && done - reported >= PROGRESS_EVERY)
        {
          reported = done;
          options->progress (done, n, options->progress_data);
        }
    }

  if (options->progress != NULL)
    options->progress (n, n, options->progress_data);

  return TRUE;
}

/* --- meta and audit ---------------------------------------------------- */

static gboolean
write_meta (Writer  *w,
            GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  char seed[24], households[16], end[11];
  const char *rows[][2] = {
    { "district_name",   JZ_DEMO_DISTRICT_NAME },
    { "district_code",   JZ_DEMO_DISTRICT_CODE },
    { "demo_seed",       seed },
    { "demo_households", households },
    { "demo_end",        end },
  };

  g_snprintf (seed, sizeof seed, "%" G_GUINT64_FORMAT, w->options->seed);
  g_snprintf (households, sizeof households, "%u", w->options->n_households);
  jz_demo_format_date (w->demo.end, end);

  stmt = jz_db_prepare (w->db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      bind_text (stmt, 1, rows[i][0]);
      bind_text (stmt, 2, rows[i][1]);
      if (!jz_db_step_done (w->db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* One entry for the whole demo, not one per row: the log is for what
 * people did.  It is dated at the end date rather than by the clock, so
 * that the same options give the same file. */
static gboolean
write_audit (Writer  *w,
             GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *user = jz_db_get_user_name (w->db);
  char at[32], end[11], json[96];

  jz_demo_format_date (w->demo.end, end);
  g_snprintf (at, sizeof at, "%sT00:00:00.000Z", end);
  g_snprintf (json, sizeof json, "{\"households\":%u,\"seed\":%" G_GUINT64_FORMAT ",\"end\":\"%s\"}",
              w->options->n_households, w->options->seed, end);

  stmt = jz_db_prepare (w->db,
                        "INSERT INTO audit_log (at, user_name, table_name, row_id, action, new_values) "
                        "VALUES (?, ?, 'households', 0, 'demo', ?)",
                        error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, at);
  bind_text (stmt, 2, user != NULL ? user : "");
  bind_text (stmt, 3, json);
  return jz_db_step_done (w->db, stmt, error);
}

/* --- the transaction --------------------------------------------------- */

static gboolean
check_empty (Writer  *w,
             GError **error)
{
  gint64 households = 0, regions = 0;

  if (!query_int (w->db, "SELECT EXISTS (SELECT 1 FROM households)", &households, error) ||
      !query_int (w->db, "SELECT EXISTS (SELECT 1 FROM regions)", &regions, error))
    return FALSE;

  if (households)
    {
      g_set_error_literal (error, JZ_DEMO_ERROR, JZ_DEMO_ERROR_NOT_EMPTY,
                           _("This database already holds households. Create the demo in a new, empty database."));
      return FALSE;
    }
  if (regions)
    {
      g_set_error_literal (error, JZ_DEMO_ERROR, JZ_DEMO_ERROR_NOT_EMPTY,
                           _("This database already has its own districts and townships. Create the demo in a new, empty database."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
generate_cb (JzDb     *db,
             gpointer  user_data,
             GError  **error)
{
  Writer *w = user_data;

  return check_empty (w, error) &&
         drop_indexes (w, error) &&
         prepare_statements (w, error) &&
         write_geography (w, error) &&
         write_standards (w, error) &&
         write_users (w, error) &&
         write_households (w, error) &&
         verify_checks (w, error) &&
         restore_indexes (w, error) &&
         write_meta (w, error) &&
         write_audit (w, error);
}

/**
 * jz_demo_generate:
 *
 * Fills an empty database with the demo district; see jz-demo.h for what it
 * holds.  Nothing is written when it fails.
 */
gboolean
jz_demo_generate (JzDb                *db,
                  const JzDemoOptions *options,
                  GError             **error)
{
  g_autoptr(Writer) w = NULL;
  g_autofree char *restore_cache = NULL;
  gint64 cache_size = 0;
  gboolean ok;

  g_return_val_if_fail (JZ_IS_DB (db), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options->n_households < 1 || options->n_households > JZ_DEMO_MAX_HOUSEHOLDS)
    {
      g_set_error (error, JZ_DEMO_ERROR, JZ_DEMO_ERROR_INVALID,
                   _("A demo holds between 1 and %u households."), (guint) JZ_DEMO_MAX_HOUSEHOLDS);
      return FALSE;
    }
  if (!g_date_valid (&options->end) ||
      g_date_get_year (&options->end) < 2000 || g_date_get_year (&options->end) > 2199)
    {
      g_set_error_literal (error, JZ_DEMO_ERROR, JZ_DEMO_ERROR_INVALID,
                           _("The last day of the demo history must be a date between the years 2000 and 2199."));
      return FALSE;
    }

  w = g_new0 (Writer, 1);
  w->db = db;
  w->options = options;
  w->indexes = g_ptr_array_new_with_free_func (g_free);
  w->demo.n_households = options->n_households;
  w->demo.end = jz_demo_days_from_civil (g_date_get_year (&options->end),
                                         g_date_get_month (&options->end),
                                         g_date_get_day (&options->end));
  w->demo.history_start = jz_demo_month_start (w->demo.end, -(HISTORY_MONTHS - 1));
  jz_demo_rng_init (&w->demo.rng, options->seed);
  jz_demo_id_set_init (&w->demo.ids, (gsize) options->n_households * 3);
  plan_geography (&w->demo);
  plan_standards (&w->demo);

  /* For the bulk load: a bigger page cache; and no CHECK constraints, as
   * SQLite builds a temporary index for every `x IN (…)` check of every
   * row inserted, which costs more than the insert itself.
   * verify_checks() tests them all before the commit instead.  Both are
   * set back afterwards. */
  if (!query_int (db, "PRAGMA cache_size", &cache_size, error) ||
      !jz_db_exec (db, "PRAGMA cache_size = " DEMO_CACHE_KIB, error))
    return FALSE;
  restore_cache = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, cache_size);
  jz_db_exec (db, "PRAGMA ignore_check_constraints = ON", NULL);

  ok = jz_db_write (db, generate_cb, w, error);

  jz_db_exec (db, "PRAGMA ignore_check_constraints = OFF", NULL);
  jz_db_exec (db, restore_cache, NULL);

  return ok;
}
