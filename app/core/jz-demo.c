/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jz-db-private.h"
#include "jz-demo.h"
#include "jz-demo-private.h"
#include "jz-household-query.h"

#define HISTORY_MONTHS  24
#define PROGRESS_EVERY  4096
/* 128 MiB: a 400,000-household load got 5 % faster with 512 MiB, for
 * 450 MB more memory on what may be an old office PC. */
#define DEMO_CACHE_KIB  "-131072"

G_DEFINE_QUARK (jz-demo-error-quark, jz_demo_error)

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
static const char * const temp_kind_names[] = {
  [JZ_BENEFIT_TEMP_NONE] = NULL,
  [JZ_BENEFIT_TEMP_ILLNESS] = "illness",
  [JZ_BENEFIT_TEMP_EDUCATION] = "education",
  [JZ_BENEFIT_TEMP_OTHER] = "other",
};

G_STATIC_ASSERT (G_N_ELEMENTS (program_codes) == JZ_DEMO_N_PROGRAMS);

/* Where the rows go; lives for one jz_demo_generate() call. */
typedef struct
{
  JzDemo               demo;
  JzDb                *db;
  const JzDemoOptions *options;
  GPtrArray           *indexes;          /* on the tables written, as SQL */
  GPtrArray           *derived_indexes;  /* on household_summary and household_facets */
  GPtrArray           *triggers;         /* that keep those two, as SQL */

  sqlite3_stmt        *household;
  sqlite3_stmt        *head;
  sqlite3_stmt        *person;
  sqlite3_stmt        *income;
  sqlite3_stmt        *case_row;
  sqlite3_stmt        *history;
  sqlite3_stmt        *exclusion;

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
  g_clear_pointer (&w->exclusion, sqlite3_finalize);
  g_clear_pointer (&w->result.breakdown, g_free);
  g_clear_pointer (&w->indexes, g_ptr_array_unref);
  g_clear_pointer (&w->derived_indexes, g_ptr_array_unref);
  g_clear_pointer (&w->triggers, g_ptr_array_unref);
  jz_demo_id_set_clear (&w->demo.ids);
  jz_demo_care_clear (&w->demo);
  jz_demo_rolls_clear (&w->demo);
  jz_demo_district_clear (&w->demo);
  g_free (w);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Writer, writer_free)

/* --- small SQL helpers ------------------------------------------------- */

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

gboolean
jz_demo_query_int (JzDb        *db,
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

/* Drops what @select names (name, sql, and whether it is derived) and keeps
 * its SQL to create it again. */
static gboolean
drop_objects (Writer      *w,
              const char  *select,
              const char  *drop,
              GPtrArray   *keep,
              GPtrArray   *keep_derived,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  int rc;

  stmt = jz_db_prepare (w->db, select, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GPtrArray *into = sqlite3_column_int (stmt, 2) ? keep_derived : keep;

      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (into, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (w->db, rc, error);
      return FALSE;
    }

  for (guint i = 0; i < names->len; i++)
    {
      char *sql = sqlite3_mprintf ("DROP %s \"%w\"", drop, (const char *) g_ptr_array_index (names, i));
      gboolean ok = jz_db_exec (w->db, sql, error);

      sqlite3_free (sql);
      if (!ok)
        return FALSE;
    }

  return TRUE;
}

/* Secondary indexes are dropped for the bulk load and built again at the
 * end: one sort per index is far cheaper than a million B-tree inserts.
 * So are the triggers that keep household_summary and household_facets
 * (data/sql/002-household-summary.sql): they would compute a household's
 * summary again for every person and case written; one INSERT … SELECT at
 * the end computes them all. */
static gboolean
drop_indexes (Writer  *w,
              GError **error)
{
  return drop_objects (w,
                       "SELECT name, sql, tbl_name IN ('household_summary', 'household_facets') "
                       "FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL "
                       "AND tbl_name IN ('households', 'persons', 'incomes', 'cases', 'case_history', "
                       "'rolls', 'roll_lines', 'household_summary', 'household_facets') "
                       "ORDER BY name",
                       "INDEX", w->indexes, w->derived_indexes, error) &&
         drop_objects (w,
                       "SELECT name, sql, 1 FROM sqlite_schema "
                       "WHERE type = 'trigger' AND name LIKE 'household\\_summary\\_%' ESCAPE '\\' "
                       "ORDER BY name",
                       "TRIGGER", w->triggers, w->triggers, error);
}

/* Creates what was dropped, unless something made it meanwhile:
 * jz_household_summary_rebuild() makes the index it needs itself. */
static gboolean
exec_all (Writer     *w,
          GPtrArray  *statements,
          GError    **error)
{
  for (guint i = 0; i < statements->len; i++)
    {
      const char *sql = g_ptr_array_index (statements, i);
      g_autofree char *guarded = NULL;

      if (g_str_has_prefix (sql, "CREATE INDEX "))
        sql = guarded = g_strconcat ("CREATE INDEX IF NOT EXISTS ", sql + strlen ("CREATE INDEX "), NULL);
      if (!jz_db_exec (w->db, sql, error))
        return FALSE;
    }

  return TRUE;
}

/* The summary is computed from the persons and cases through their
 * indexes, and its own are built after it is filled. */
static gboolean
restore_indexes (Writer  *w,
                 GError **error)
{
  return exec_all (w, w->indexes, error) &&
         jz_household_summary_rebuild (w->db, error) &&
         exec_all (w, w->derived_indexes, error) &&
         exec_all (w, w->triggers, error);
}

/* The CHECK constraints were off for the load (see jz_demo_generate());
 * quick_check verifies them, once per table, before the commit. */
static gboolean
verify_checks (Writer  *w,
               GError **error)
{
  static const char * const tables[] = {
    "households", "persons", "incomes", "cases", "case_history", "case_exclusions",
    "care_assessments", "care_changes", "caregivers", "care_agreements", "care_visits", "care_evaluations",
    "rolls", "roll_lines",
  };

  /* quick_check skips the CHECK constraints while they are ignored. */
  if (!jz_db_exec (w->db, "PRAGMA ignore_check_constraints = OFF", error))
    return FALSE;

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
      "self_care, employment, active, left_on, left_reason, sanwu) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" },
    { &w->income, "INSERT INTO incomes (id, person_id, kind, monthly_amount) VALUES (?, ?, ?, ?)" },
    { &w->case_row,
      "INSERT INTO cases (id, household_id, person_id, program, status, applied_on, decided_on, "
      "starts_on, ended_on, end_reason, persons, monthly_amount, accepted_on, investigated_on, "
      "notice_from, notice_to, reviewed_on, step_due_on, process_due_on, process_limit_on, "
      "next_review_on, unstable_income, emergency, emergency_reviewed_on, sampled, temp_kind, "
      "temp_multiple_bp, exit_from, institution, reason) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" },
    { &w->history,
      "INSERT INTO case_history (id, case_id, on_date, status, monthly_amount, note, user_name, "
      "from_status, at, breakdown) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" },
    { &w->exclusion, "INSERT INTO case_exclusions (case_id, person_id, reason) VALUES (?, ?, ?)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (list); i++)
    if ((*list[i].stmt = jz_db_prepare (w->db, list[i].sql, error)) == NULL)
      return FALSE;

  return jz_demo_query_int (w->db, "SELECT coalesce (max (id), 0) + 1 FROM households", &w->next_household, error) &&
         jz_demo_query_int (w->db, "SELECT coalesce (max (id), 0) + 1 FROM persons", &w->next_person, error) &&
         jz_demo_query_int (w->db, "SELECT coalesce (max (id), 0) + 1 FROM incomes", &w->next_income, error) &&
         jz_demo_query_int (w->db, "SELECT coalesce (max (id), 0) + 1 FROM cases", &w->next_case, error) &&
         jz_demo_query_int (w->db, "SELECT coalesce (max (id), 0) + 1 FROM case_history", &w->next_history, error);
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
  jz_demo_bind_text (s, 3, m->name);
  jz_demo_bind_text (s, 4, m->id_number);
  jz_demo_bind_text (s, 5, relation_names[m->relation]);
  jz_demo_bind_text (s, 6, m->sex == 'M' ? "M" : "F");
  jz_demo_bind_date (s, 7, m->birth, birth);
  if (m->disability_kind != 0)
    {
      /* The second-generation certificate: ID number, kind, grade. */
      g_snprintf (cert, sizeof cert, "%s%d%d", m->id_number, m->disability_kind, m->disability_grade);
      jz_demo_bind_text (s, 8, disability_names[m->disability_kind]);
      sqlite3_bind_int (s, 9, m->disability_grade);
      jz_demo_bind_text (s, 10, cert);
    }
  else
    {
      sqlite3_bind_null (s, 8);
      sqlite3_bind_null (s, 9);
      sqlite3_bind_null (s, 10);
    }
  jz_demo_bind_text (s, 11, m->illness);
  jz_demo_bind_text (s, 12, labour_names[m->labour]);
  jz_demo_bind_text (s, 13, care_names[m->care]);
  jz_demo_bind_text (s, 14, employment_names[m->employment]);
  sqlite3_bind_int (s, 15, active ? 1 : 0);
  if (active)
    {
      sqlite3_bind_null (s, 16);
      sqlite3_bind_null (s, 17);
    }
  else if (m->died_on != 0)
    {
      jz_demo_bind_date (s, 16, m->died_on, left);
      jz_demo_bind_text (s, 17, "died");
    }
  else
    {
      jz_demo_bind_date (s, 16, hh->closed_on, left);
      jz_demo_bind_text (s, 17, hh->moved_away ? "moved_out" : "household_closed");
    }
  sqlite3_bind_int (s, 18, m->sanwu ? 1 : 0);
  if (!jz_db_step_done (w->db, s, error))
    return FALSE;

  /* Incomes are facts about the people on file now. */
  if (!active)
    return TRUE;

  for (guint i = 0; i < m->n_incomes; i++)
    {
      sqlite3_bind_int64 (w->income, 1, w->next_income++);
      sqlite3_bind_int64 (w->income, 2, m->person_id);
      jz_demo_bind_text (w->income, 3, income_names[m->income_kind[i]]);
      sqlite3_bind_int64 (w->income, 4, m->income[i]);
      if (!jz_db_step_done (w->db, w->income, error))
        return FALSE;
    }

  return TRUE;
}

/* When a step was recorded: in office hours (08:30–17:30 in Beijing,
 * written in UTC like the workflow's own), each after the one before on
 * the same day.  Returns the second of the day. */
static int
step_time (Writer *w,
           int     on,
           int     before_on,
           int     before_second,
           char   *out)
{
  int second;

  if (on == before_on)
    second = MIN (before_second + 60 + (int) jz_demo_rng_below (&w->demo.aux, 1800), 86399);
  else
    second = 1800 + (int) jz_demo_rng_below (&w->demo.aux, 30600);

  /* By hand, as jz_demo_format_date(): there are millions. */
  jz_demo_format_date (on, out);
  out[10] = 'T';
  out[11] = (char) ('0' + second / 36000);
  out[12] = (char) ('0' + second / 3600 % 10);
  out[13] = ':';
  out[14] = (char) ('0' + second / 600 % 6);
  out[15] = (char) ('0' + second / 60 % 10);
  out[16] = ':';
  out[17] = (char) ('0' + second % 60 / 10);
  out[18] = (char) ('0' + second % 10);
  memcpy (out + 19, ".000Z", 6);
  return second;
}

static gboolean
write_history (Writer                 *w,
               gint64                  case_id,
               const JzDemoCaseResult *r,
               GError                **error)
{
  sqlite3_stmt *s = w->history;
  int before_on = 0, before_second = 0;

  for (guint i = 0; i < r->n_history; i++)
    {
      const JzDemoHistoryRow *row = &r->history[i];
      char on[11], at[25];

      before_second = step_time (w, row->on, before_on, before_second, at);
      before_on = row->on;

      sqlite3_bind_int64 (s, 1, w->next_history++);
      sqlite3_bind_int64 (s, 2, case_id);
      jz_demo_bind_date (s, 3, row->on, on);
      jz_demo_bind_text (s, 4, status_names[row->status]);
      sqlite3_bind_int64 (s, 5, row->amount);
      jz_demo_bind_text (s, 6, row->note != NULL ? row->note : "");
      jz_demo_bind_text (s, 7, row->user);
      /* The first row opens the case. */
      jz_demo_bind_text (s, 8, i > 0 ? status_names[r->history[i - 1].status] : NULL);
      jz_demo_bind_text (s, 9, at);
      jz_demo_bind_text (s, 10, (int) i == r->breakdown_row ? r->breakdown : NULL);
      if (!jz_db_step_done (w->db, s, error))
        return FALSE;
    }

  return TRUE;
}

/* Members who live in the household but are left out of its dibao. */
static gboolean
write_exclusions (Writer                *w,
                  gint64                 case_id,
                  const JzDemoHousehold *hh,
                  GError               **error)
{
  for (guint i = 0; i < hh->n; i++)
    {
      if (!hh->m[i].excluded)
        continue;

      sqlite3_bind_int64 (w->exclusion, 1, case_id);
      sqlite3_bind_int64 (w->exclusion, 2, hh->m[i].person_id);
      jz_demo_bind_text (w->exclusion, 3, "常年在外务工，不计入低保家庭人数");
      if (!jz_db_step_done (w->db, w->exclusion, error))
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
  gboolean dibao = plan->program == JZ_DEMO_DIBAO_URBAN || plan->program == JZ_DEMO_DIBAO_RURAL;
  char applied[11], decided[11], starts[11], ended[11], accepted[11], investigated[11];
  char notice_from[11], notice_to[11], reviewed[11], step_due[11], process_due[11];
  char process_limit[11], next_review[11], emergency_reviewed[11], exit_from[11];
  gboolean ok;

  jz_demo_case_run (&w->demo, hh, plan, r);
  jz_demo_care_note (&w->demo, hh, plan, r, case_id);

  sqlite3_bind_int64 (s, 1, case_id);
  sqlite3_bind_int64 (s, 2, hh->id);
  bind_id (s, 3, plan->member >= 0 ? hh->m[plan->member].person_id : 0);
  jz_demo_bind_text (s, 4, program_codes[plan->program]);
  jz_demo_bind_text (s, 5, status_names[r->status]);
  jz_demo_bind_date (s, 6, plan->applied_on, applied);
  jz_demo_bind_date (s, 7, r->decided_on, decided);
  jz_demo_bind_date (s, 8, r->starts_on, starts);
  jz_demo_bind_date (s, 9, r->ended_on, ended);
  jz_demo_bind_text (s, 10, r->end_reason);
  sqlite3_bind_int (s, 11, r->persons);
  sqlite3_bind_int64 (s, 12, r->amount);
  jz_demo_bind_date (s, 13, r->accepted_on, accepted);
  jz_demo_bind_date (s, 14, r->investigated_on, investigated);
  jz_demo_bind_date (s, 15, r->notice_from, notice_from);
  jz_demo_bind_date (s, 16, r->notice_to, notice_to);
  jz_demo_bind_date (s, 17, r->reviewed_on, reviewed);
  jz_demo_bind_date (s, 18, r->step_due_on, step_due);
  jz_demo_bind_date (s, 19, r->process_due_on, process_due);
  jz_demo_bind_date (s, 20, r->process_limit_on, process_limit);
  jz_demo_bind_date (s, 21, r->next_review_on, next_review);
  sqlite3_bind_int (s, 22, r->unstable_income ? 1 : 0);
  sqlite3_bind_int (s, 23, plan->emergency ? 1 : 0);
  jz_demo_bind_date (s, 24, r->emergency_reviewed_on, emergency_reviewed);
  sqlite3_bind_int (s, 25, r->sampled ? 1 : 0);
  jz_demo_bind_text (s, 26, temp_kind_names[plan->temp_kind]);
  if (plan->program == JZ_DEMO_TEMPORARY)
    sqlite3_bind_int64 (s, 27, plan->temp_rate_bp);
  else
    sqlite3_bind_null (s, 27);
  jz_demo_bind_date (s, 28, plan->exit_from, exit_from);
  jz_demo_bind_text (s, 29, plan->program == JZ_DEMO_TEKUN_CENTRALIZED
                            ? w->demo.townships[w->demo.villages[hh->village].township].institution : NULL);
  jz_demo_bind_text (s, 30, r->reason);

  ok = jz_db_step_done (w->db, s, error) &&
       (!dibao || write_exclusions (w, case_id, hh, error)) &&
       write_history (w, case_id, r, error) &&
       jz_demo_rolls_case (w->db, &w->demo, hh, plan, r, case_id, error);

  g_clear_pointer (&r->breakdown, g_free);
  return ok;
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
  jz_demo_bind_text (s, 3, hh->urban ? "urban" : "rural");
  jz_demo_bind_text (s, 4, hh->address);
  jz_demo_bind_text (s, 5, hh->phone);
  jz_demo_bind_text (s, 6, hh->bank);
  jz_demo_bind_text (s, 7, hh->account);
  jz_demo_bind_text (s, 8, hh->notes);
  jz_demo_bind_text (s, 9, hh->closed_on != 0 ? "closed" : "open");
  bind_id (s, 10, hh->predecessor_id);
  jz_demo_bind_date (s, 11, hh->opened_on, opened);
  jz_demo_bind_date (s, 12, hh->closed_on, closed);
  if (!jz_db_step_done (w->db, s, error))
    return FALSE;

  jz_demo_sanwu (&w->demo, hh);
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
      jz_demo_bind_text (stmt, 1, rows[i][0]);
      jz_demo_bind_text (stmt, 2, rows[i][1]);
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

  jz_demo_bind_text (stmt, 1, at);
  jz_demo_bind_text (stmt, 2, user != NULL ? user : "");
  jz_demo_bind_text (stmt, 3, json);
  return jz_db_step_done (w->db, stmt, error);
}

/* --- the transaction --------------------------------------------------- */

static gboolean
check_empty (Writer  *w,
             GError **error)
{
  gint64 households = 0, regions = 0;

  if (!jz_demo_query_int (w->db, "SELECT EXISTS (SELECT 1 FROM households)", &households, error) ||
      !jz_demo_query_int (w->db, "SELECT EXISTS (SELECT 1 FROM regions)", &regions, error))
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
         jz_demo_write_district (w->db, &w->demo, error) &&
         jz_demo_rolls_begin (w->db, &w->demo, w->options->seed, error) &&
         write_households (w, error) &&
         jz_demo_care_write (w->db, &w->demo, w->options->seed, error) &&
         jz_demo_rolls_finish (w->db, &w->demo, error) &&
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
  w->derived_indexes = g_ptr_array_new_with_free_func (g_free);
  w->triggers = g_ptr_array_new_with_free_func (g_free);
  w->demo.n_households = options->n_households;
  w->demo.end = jz_demo_days_from_civil (g_date_get_year (&options->end),
                                         g_date_get_month (&options->end),
                                         g_date_get_day (&options->end));
  w->demo.history_start = jz_demo_month_start (w->demo.end, -(HISTORY_MONTHS - 1));
  jz_demo_rng_init (&w->demo.rng, options->seed);
  jz_demo_rng_init (&w->demo.aux, options->seed ^ G_GUINT64_CONSTANT (0x6A697A6875776B66));
  jz_demo_id_set_init (&w->demo.ids, (gsize) options->n_households * 3);
  jz_demo_plan_district (&w->demo);

  /* For the bulk load: a bigger page cache; and no CHECK constraints, as
   * SQLite builds a temporary index for every `x IN (…)` check of every
   * row inserted, which costs more than the insert itself.
   * verify_checks() tests them all before the commit instead.  Both are
   * set back afterwards. */
  if (!jz_demo_query_int (db, "PRAGMA cache_size", &cache_size, error) ||
      !jz_db_exec (db, "PRAGMA cache_size = " DEMO_CACHE_KIB, error))
    return FALSE;
  restore_cache = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, cache_size);
  jz_db_exec (db, "PRAGMA ignore_check_constraints = ON", NULL);

  ok = jz_db_write (db, generate_cb, w, error);

  jz_db_exec (db, "PRAGMA ignore_check_constraints = OFF", NULL);
  jz_db_exec (db, restore_cache, NULL);

  return ok;
}
