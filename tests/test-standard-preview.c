/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "jz-benefit.h"
#include "jz-db.h"
#include "jz-demo.h"
#include "jz-region.h"
#include "jz-standard-preview.h"
#include "jz-standard.h"

/* The raise preview against the same numbers computed in SQL, straight
 * from the rows of a demo district: which cases are active, the members,
 * incomes, exclusions and conditions, the standards in force, the dibao
 * and tekun formulas, rounded once, half up. */

#define N_HOUSEHOLDS 2000
#define SEED         20250630
#define ON           "2025-08-01"

typedef struct
{
  char *dir;
  JzDb *db;
} Fixture;

/* Returns the rows changed. */
static int
exec_sql (sqlite3    *handle,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (handle, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
  return sqlite3_changes (handle);
}

/* What the demo does not write yet, so that every rule is met: members
 * excluded from a case, "three-without" persons, single-person coverage of
 * a severely disabled member, and gradual exits — some kept above the
 * standard whatever the raise, some that the raise brings back below it. */
static void
add_variety (JzDb *db)
{
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (jz_db_get_path (db), &handle), ==, SQLITE_OK);
  sqlite3_busy_timeout (handle, 5000);
  exec_sql (handle, "BEGIN");
  exec_sql (handle,
            "CREATE TEMP TABLE dibao AS "
            "SELECT c.id, c.household_id, h.head_person_id AS head, h.hukou, "
            "  (SELECT count (*) FROM persons p WHERE p.household_id = c.household_id AND p.active = 1) AS n, "
            "  (SELECT coalesce (sum (i.monthly_amount), 0) FROM incomes i JOIN persons p ON p.id = i.person_id "
            "     WHERE p.household_id = c.household_id AND p.active = 1) AS t, "
            "  (SELECT amount FROM standards s WHERE s.kind = 'dibao' AND s.hukou = h.hukou AND s.region_id IS NULL "
            "     AND s.effective_from <= '" ON "' ORDER BY s.effective_from DESC LIMIT 1) AS s "
            "FROM cases c JOIN households h ON h.id = c.household_id "
            "WHERE c.program LIKE 'dibao_%' AND c.status = 'active' ORDER BY c.id");
  /* The last member of every 7th household of three or more lives there
   * but is not covered. */
  g_assert_cmpint (exec_sql (handle,
            "INSERT OR IGNORE INTO case_exclusions (case_id, person_id, reason) "
            "SELECT d.id, (SELECT max (p.id) FROM persons p WHERE p.household_id = d.household_id AND p.active = 1), 'works away' "
            "FROM dibao d WHERE d.n >= 3 AND d.id % 7 = 0"), >, 5);
  g_assert_cmpint (exec_sql (handle,
            "UPDATE persons SET sanwu = 1 WHERE id IN (SELECT head FROM dibao WHERE id % 11 = 0)"), >, 5);
  /* Single-person coverage: a severely disabled member alone. */
  g_assert_cmpint (exec_sql (handle,
            "UPDATE cases SET person_id = (SELECT min (p.id) FROM persons p WHERE p.household_id = cases.household_id "
            "                                AND p.active = 1 AND p.disability_grade IN (1, 2)) "
            "WHERE id IN (SELECT d.id FROM dibao d WHERE d.n >= 2 AND d.id % 5 = 0 AND EXISTS "
            "  (SELECT 1 FROM persons p WHERE p.household_id = d.household_id AND p.active = 1 AND p.disability_grade IN (1, 2)))"), >, 5);
  /* Gradual exits: income far above the standard, or 10 yuan a person
   * above it, which a raise of more than that undoes. */
  g_assert_cmpint (exec_sql (handle,
            "INSERT INTO incomes (person_id, kind, monthly_amount) "
            "SELECT d.head, 'other', CASE WHEN d.id % 26 = 0 THEN 10000000 ELSE max (0, d.n * d.s - d.t + 1000 * d.n) END "
            "FROM dibao d WHERE d.id % 13 = 0 AND d.n >= 1"), >, 5);
  g_assert_cmpint (exec_sql (handle,
            "UPDATE cases SET exit_from = CASE WHEN id % 2 = 0 THEN '2025-07-20' ELSE '2025-03-02' END "
            "WHERE id IN (SELECT id FROM dibao WHERE id % 13 = 0)"), >, 5);
  exec_sql (handle, "COMMIT");
  sqlite3_close (handle);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  JzDemoOptions options = { .n_households = N_HOUSEHOLDS, .seed = SEED };

  fixture->dir = g_dir_make_tmp ("jz-test-preview-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "preview.db", NULL);
  fixture->db = jz_db_open (path, JZ_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  jz_db_set_user_name (fixture->db, "tester");

  g_date_clear (&options.end, 1);
  g_date_set_dmy (&options.end, 30, G_DATE_JUNE, 2025);
  g_assert_true (jz_demo_generate (fixture->db, &options, &error));
  g_assert_no_error (error);

  add_variety (fixture->db);

  /* Every increment the engine may ask for, where the demo has none, so
   * that every case computes. */
  for (JzStandardKind kind = JZ_STANDARD_INCREMENT_ELDERLY_PCT; kind <= JZ_STANDARD_INCREMENT_SANWU_PCT; kind++)
    {
      g_autoptr(JzStandard) found = jz_standard_find (fixture->db, kind, JZ_STANDARD_HUKOU_ANY, 0, ON, &error);
      g_autoptr(JzStandard) standard = NULL;

      g_assert_no_error (error);
      if (found != NULL)
        continue;
      standard = jz_standard_new ();
      standard->kind = kind;
      standard->value = 1000 + 500 * (kind - JZ_STANDARD_INCREMENT_ELDERLY_PCT);
      standard->effective_from = g_strdup ("2001-01-01");
      g_assert_true (jz_standard_set (fixture->db, NULL, standard, &error));
      g_assert_no_error (error);
    }
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = g_strdup (jz_db_get_path (fixture->db));
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_clear_object (&fixture->db);
  g_remove (path);
  g_remove (wal);
  g_remove (shm);
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

/* ---- the same in SQL ------------------------------------------------ */

/* The value of a kind in force on ?1 for the case's township: the
 * township's own first, whatever its date. */
#define STD(kind, hukou) \
  "(SELECT coalesce (s.amount, s.rate_bp) FROM standards s WHERE s.kind = '" kind "' AND s.hukou IS " hukou \
  "   AND (s.region_id IS NULL OR s.region_id = k.township) AND s.effective_from <= ?1 " \
  "   ORDER BY s.region_id IS NULL, s.effective_from DESC LIMIT 1)"

/* dibao: (S − T ÷ n) × m + Σ with × rate × S, over n × 10000, rounded
 * once half up; at or above the standard, the amount before while in
 * gradual exit, else nothing.  tekun: ratio × S (+ care rate × wage). */
#define AMOUNT(S) \
  "CASE WHEN k.program LIKE 'dibao_%' THEN " \
  "  CASE WHEN " S " * a.n - a.t > 0 THEN " \
  "    (2 * ((" S " * a.n - a.t) * a.m * 10000 + " S " * a.n * " \
  "          (a.el * k.r_el + a.mi * k.r_mi + a.sd * k.r_sd + a.si * k.r_si + a.sw * k.r_sw)) + a.n * 10000) " \
  "    / (2 * a.n * 10000) " \
  "  WHEN k.exit_from IS NOT NULL AND max (0, (CAST (strftime ('%Y', ?1) AS INTEGER) - CAST (strftime ('%Y', k.exit_from) AS INTEGER)) * 12 " \
  "         + CAST (strftime ('%m', ?1) AS INTEGER) - CAST (strftime ('%m', k.exit_from) AS INTEGER) " \
  "         - (CAST (strftime ('%d', ?1) AS INTEGER) < CAST (strftime ('%d', k.exit_from) AS INTEGER))) < k.gem " \
  "    THEN k.monthly_amount ELSE 0 END " \
  "ELSE (2 * (k.ratio * " S " + CASE WHEN k.program = 'tekun_dispersed' THEN k.care * k.wage ELSE 0 END) + 10000) / 20000 END"

/* ?1 date, ?2 hukou, ?3 new value, ?4 township of the draft or 0.
 * Rows: case, household, program, township, persons, before, after. */
static const char dibao_sql[] =
  "WITH c0 AS ("
  "  SELECT c.id, c.household_id AS hid, c.program, h.hukou, c.exit_from, c.monthly_amount,"
  "    CASE r.level WHEN 'village' THEN r.parent_id WHEN 'township' THEN r.id ELSE 0 END AS township,"
  "    CASE WHEN c.person_id IS NOT NULL THEN c.person_id"
  "         WHEN c.program LIKE 'tekun_%' THEN h.head_person_id END AS who"
  "  FROM cases c JOIN households h ON h.id = c.household_id JOIN regions r ON r.id = h.region_id"
  "  WHERE c.program IN ('dibao_urban', 'dibao_rural', 'tekun_dispersed', 'tekun_centralized')"
  "    AND h.hukou = ?2"
  "    AND ((c.status = 'active' AND coalesce (c.starts_on, '') <= ?1) OR (c.status = 'approved' AND c.starts_on <= ?1))"
  "    AND (c.ended_on IS NULL OR c.ended_on > ?1)), "
  "k AS ("
  "  SELECT k.*, " STD ("dibao", "k.hukou") " AS s_before,"
  "    " STD ("tekun_basic_ratio", "k.hukou") " AS ratio,"
  "    " STD ("min_wage", "NULL") " AS wage,"
  "    CASE (SELECT self_care FROM persons WHERE id = k.who)"
  "      WHEN 'full_care' THEN " STD ("care_full_pct", "NULL")
  "      WHEN 'partial_care' THEN " STD ("care_partial_pct", "NULL")
  "      ELSE " STD ("care_self_pct", "NULL") " END AS care,"
  "    " STD ("gradual_exit_months", "NULL") " AS gem,"
  "    " STD ("increment_elderly_pct", "NULL") " AS r_el,"
  "    " STD ("increment_minor_pct", "NULL") " AS r_mi,"
  "    " STD ("increment_severe_disability_pct", "NULL") " AS r_sd,"
  "    " STD ("increment_severe_illness_pct", "NULL") " AS r_si,"
  "    " STD ("increment_sanwu_pct", "NULL") " AS r_sw,"
  "    CASE WHEN (?4 <> 0 AND k.township = ?4)"
  "           OR (?4 = 0 AND NOT EXISTS (SELECT 1 FROM standards o WHERE o.kind = 'dibao' AND o.hukou = k.hukou"
  "                                      AND o.region_id = k.township AND o.effective_from <= ?1))"
  "         THEN ?3 END AS s_draft"
  "  FROM c0 k WHERE ?4 = 0 OR k.township = ?4), "
  "p AS ("
  "  SELECT p.id, p.household_id, p.birth_date,"
  "    (SELECT coalesce (sum (i.monthly_amount), 0) FROM incomes i WHERE i.person_id = p.id) AS income,"
  "    coalesce (p.disability_grade IN (1, 2)"
  "              OR (p.disability_grade = 3 AND p.disability_kind IN ('intellectual', 'mental')), 0) AS sd,"
  "    coalesce (p.severe_illness, '') <> '' AS si, p.sanwu"
  "  FROM persons p WHERE p.active = 1), "
  "km AS ("
  "  SELECT k.id AS cid, p.*,"
  "    k.who IS NOT NULL OR NOT EXISTS (SELECT 1 FROM case_exclusions e WHERE e.case_id = k.id AND e.person_id = p.id) AS inprog"
  "  FROM k JOIN p ON p.household_id = k.hid AND (k.who IS NULL OR p.id = k.who)), "
  "a AS ("
  "  SELECT cid AS id, count (*) AS n, sum (income) AS t, sum (inprog) AS m,"
  "    sum (inprog AND date (birth_date, '+60 years') <= ?1) AS el,"
  "    sum (inprog AND date (birth_date, '+18 years') > ?1) AS mi,"
  "    sum (inprog AND sd) AS sd, sum (inprog AND si) AS si, sum (inprog AND sanwu) AS sw"
  "  FROM km GROUP BY cid) "
  "SELECT k.id, k.hid, k.program, k.township,"
  "  CASE WHEN k.program LIKE 'dibao_%' THEN a.m ELSE 1 END,"
  "  " AMOUNT ("k.s_before") ", " AMOUNT ("coalesce (k.s_draft, k.s_before)") " "
  "FROM k JOIN a ON a.id = k.id ORDER BY k.hid, k.id";

typedef struct
{
  guint   households;
  guint   persons;
  gint64  monthly_change;
  gint64  last_household;
} Expected;

/* The preview's rows, and its total, against those of the SQL above;
 * every case's amount before against the engine's.  Returns the number of
 * cases the SQL found. */
static guint
check_against_sql (JzDb                    *db,
                   const JzStandard        *draft,
                   const JzStandardPreview *preview,
                   gboolean                 check_engine)
{
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) households = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 total_change = 0;
  guint total_persons = 0;
  guint n = 0;
  int rc;

  g_assert_cmpint (sqlite3_open_v2 (jz_db_get_path (db), &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  rc = sqlite3_prepare_v2 (handle, dibao_sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (handle));
  sqlite3_bind_text (stmt, 1, draft->effective_from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, jz_standard_hukou_code (draft->hukou), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, draft->value);
  sqlite3_bind_int64 (stmt, 4, draft->township_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 case_id = sqlite3_column_int64 (stmt, 0);
      gint64 household = sqlite3_column_int64 (stmt, 1);
      const char *program = (const char *) sqlite3_column_text (stmt, 2);
      gint64 township = sqlite3_column_int64 (stmt, 3);
      guint persons = (guint) sqlite3_column_int (stmt, 4);
      gint64 before = sqlite3_column_int64 (stmt, 5);
      gint64 after = sqlite3_column_int64 (stmt, 6);
      g_autofree char *key = g_strdup_printf ("%s/%" G_GINT64_FORMAT, program, township);
      Expected *e;

      g_assert_false (sqlite3_column_type (stmt, 5) == SQLITE_NULL);
      n++;

      /* The SQL is the engine's rule: the same amount, case by case. */
      if (check_engine)
        {
          g_autoptr(JzBenefitResult) result = NULL;
          g_autoptr(GError) error = NULL;

          result = jz_benefit_compute_case (db, case_id, draft->effective_from, &error);
          g_assert_no_error (error);
          g_assert_cmpint (result->total, ==, before);
        }

      if (before == after)
        continue;

      e = g_hash_table_lookup (expected, key);
      if (e == NULL)
        {
          e = g_new0 (Expected, 1);
          g_hash_table_insert (expected, g_steal_pointer (&key), e);
        }
      if (e->last_household != household)
        {
          e->households++;
          e->last_household = household;
        }
      e->persons += persons;
      e->monthly_change += after - before;
      total_change += after - before;
      total_persons += persons;
      g_hash_table_add (households, g_memdup2 (&household, sizeof household));
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);

  g_assert_cmpuint (preview->rows->len, ==, g_hash_table_size (expected));
  for (guint i = 0; i < preview->rows->len; i++)
    {
      const JzStandardPreviewRow *row = g_ptr_array_index (preview->rows, i);
      g_autofree char *key = g_strdup_printf ("%s/%" G_GINT64_FORMAT, jz_benefit_program_code (row->program), row->township_id);
      Expected *e = g_hash_table_lookup (expected, key);

      g_assert_nonnull (e);
      g_assert_cmpuint (row->households, ==, e->households);
      g_assert_cmpuint (row->persons, ==, e->persons);
      g_assert_cmpint (row->monthly_change, ==, e->monthly_change);
      g_assert_cmpint (row->yearly_change, ==, 12 * e->monthly_change);
      g_assert_nonnull (row->township_name);
    }
  g_assert_cmpuint (preview->total.households, ==, g_hash_table_size (households));
  g_assert_cmpuint (preview->total.persons, ==, total_persons);
  g_assert_cmpint (preview->total.monthly_change, ==, total_change);
  g_assert_cmpint (preview->total.yearly_change, ==, 12 * total_change);

  return n;
}

static JzStandard *
dibao_draft (JzDb            *db,
             JzStandardHukou  hukou,
             gint64           township_id,
             gint64           raise)
{
  g_autoptr(GError) error = NULL;
  JzStandard *draft = jz_standard_new ();

  draft->kind = JZ_STANDARD_DIBAO;
  draft->hukou = hukou;
  draft->township_id = township_id;
  draft->effective_from = g_strdup (ON);
  g_assert_true (jz_standard_value_at (db, JZ_STANDARD_DIBAO, hukou, township_id, ON, &draft->value, &error));
  g_assert_no_error (error);
  draft->value += raise;
  return draft;
}

static gboolean
has_program (const JzStandardPreview *preview,
             JzBenefitProgram         program)
{
  for (guint i = 0; i < preview->rows->len; i++)
    if (((JzStandardPreviewRow *) g_ptr_array_index (preview->rows, i))->program == program)
      return TRUE;
  return FALSE;
}

/* ---- tests ---------------------------------------------------------- */

/* A dibao raise for the whole district, urban and rural: the numbers of
 * the SQL; saved, the engine gives the SQL's new amounts; previewed again,
 * nothing changes. */
static void
test_preview_dibao (Fixture       *fixture,
                    gconstpointer  data)
{
  for (JzStandardHukou hukou = JZ_STANDARD_HUKOU_URBAN; hukou <= JZ_STANDARD_HUKOU_RURAL; hukou++)
    {
      g_autoptr(JzStandard) draft = dibao_draft (fixture->db, hukou, 0, 6550);
      g_autoptr(JzStandardPreview) preview = NULL;
      g_autoptr(JzStandardPreview) again = NULL;
      g_autoptr(GError) error = NULL;
      guint n;

      preview = jz_standard_preview_compute (fixture->db, draft, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (preview->monthly);
      g_assert_cmpstr (preview->on_date, ==, ON);
      g_assert_cmpuint (preview->failed, ==, 0);
      g_assert_null (preview->failure);

      n = check_against_sql (fixture->db, draft, preview, TRUE);
      g_assert_cmpuint (preview->cases, ==, n);
      g_assert_cmpuint (n, >, 100);
      g_assert_cmpint (preview->total.monthly_change, >, 0);
      g_assert_true (has_program (preview, hukou == JZ_STANDARD_HUKOU_URBAN ? JZ_BENEFIT_DIBAO_URBAN : JZ_BENEFIT_DIBAO_RURAL));
      g_assert_false (has_program (preview, hukou == JZ_STANDARD_HUKOU_URBAN ? JZ_BENEFIT_DIBAO_RURAL : JZ_BENEFIT_DIBAO_URBAN));
      /* The tekun basic amount is a multiple of the dibao standard. */
      g_assert_true (has_program (preview, JZ_BENEFIT_TEKUN_DISPERSED) || has_program (preview, JZ_BENEFIT_TEKUN_CENTRALIZED));

      /* Saved: the engine now computes what the SQL said "after" was;
       * the same SQL with the saved value gives it as "before". */
      g_assert_true (jz_standard_set (fixture->db, NULL, draft, &error));
      g_assert_no_error (error);
      again = jz_standard_preview_compute (fixture->db, draft, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (again->rows->len, ==, 0);
      g_assert_cmpuint (again->total.households, ==, 0);
      g_assert_cmpuint (again->total.persons, ==, 0);
      g_assert_cmpint (again->total.monthly_change, ==, 0);
      g_assert_cmpint (again->total.yearly_change, ==, 0);
      g_assert_cmpuint (again->cases, ==, 0);
      g_assert_cmpuint (check_against_sql (fixture->db, draft, again, TRUE), ==, n);
    }
}

/* A value the same as the one in force changes nothing. */
static void
test_preview_no_change (Fixture       *fixture,
                        gconstpointer  data)
{
  static const JzStandardKind kinds[] = {
    JZ_STANDARD_DIBAO, JZ_STANDARD_MIN_WAGE, JZ_STANDARD_CARE_FULL_PCT, JZ_STANDARD_INCREMENT_ELDERLY_PCT,
    JZ_STANDARD_DISABILITY_CARE, JZ_STANDARD_TEKUN_BASIC_RATIO,
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(JzStandard) draft = jz_standard_new ();
      g_autoptr(JzStandardPreview) preview = NULL;
      g_autoptr(GError) error = NULL;

      draft->kind = kinds[i];
      draft->hukou = jz_standard_kind_by_hukou (kinds[i]) ? JZ_STANDARD_HUKOU_RURAL : JZ_STANDARD_HUKOU_ANY;
      draft->effective_from = g_strdup (ON);
      g_assert_true (jz_standard_value_at (fixture->db, draft->kind, draft->hukou, 0, ON, &draft->value, &error));

      preview = jz_standard_preview_compute (fixture->db, draft, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (preview->monthly);
      g_assert_cmpuint (preview->rows->len, ==, 0);
      g_assert_cmpuint (preview->total.households, ==, 0);
      g_assert_cmpint (preview->total.monthly_change, ==, 0);
      g_assert_cmpint (preview->total.yearly_change, ==, 0);
      g_assert_cmpuint (preview->cases, ==, 0);
      g_assert_cmpuint (preview->failed, ==, 0);
    }
}

/* The first township of the district. */
static gint64
first_township (JzDb    *db,
                guint    index)
{
  g_autoptr(GPtrArray) districts = jz_region_list_children (db, 0, NULL);
  g_autoptr(GPtrArray) townships = NULL;

  g_assert_nonnull (districts);
  townships = jz_region_list_children (db, ((JzRegion *) g_ptr_array_index (districts, 0))->id, NULL);
  g_assert_nonnull (townships);
  g_assert_cmpuint (townships->len, >, index);
  return ((JzRegion *) g_ptr_array_index (townships, index))->id;
}

/* A township's own value: a draft for it changes that township only; a
 * draft for the district changes every township but one with its own. */
static void
test_preview_township (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(JzStandard) district_draft = dibao_draft (fixture->db, JZ_STANDARD_HUKOU_RURAL, 0, 3000);
  g_autoptr(JzStandard) township_draft = NULL;
  g_autoptr(JzStandard) own_value = NULL;
  g_autoptr(JzStandardPreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  gint64 own, other = 0;

  /* Two townships with rural households the raise changes. */
  preview = jz_standard_preview_compute (fixture->db, district_draft, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->rows->len, >, 2);
  own = ((JzStandardPreviewRow *) g_ptr_array_index (preview->rows, 0))->township_id;
  for (guint i = 1; i < preview->rows->len && other == 0; i++)
    if (((JzStandardPreviewRow *) g_ptr_array_index (preview->rows, i))->township_id != own)
      other = ((JzStandardPreviewRow *) g_ptr_array_index (preview->rows, i))->township_id;
  g_assert_cmpint (own, !=, 0);
  g_assert_cmpint (other, !=, 0);
  g_clear_pointer (&preview, jz_standard_preview_free);

  township_draft = dibao_draft (fixture->db, JZ_STANDARD_HUKOU_RURAL, other, 3000);
  preview = jz_standard_preview_compute (fixture->db, township_draft, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->rows->len, >, 0);
  for (guint i = 0; i < preview->rows->len; i++)
    g_assert_cmpint (((JzStandardPreviewRow *) g_ptr_array_index (preview->rows, i))->township_id, ==, other);
  check_against_sql (fixture->db, township_draft, preview, FALSE);
  g_clear_pointer (&preview, jz_standard_preview_free);

  /* The first township's own value, from a date long before: it wins
   * over the district's, whatever their dates. */
  own_value = dibao_draft (fixture->db, JZ_STANDARD_HUKOU_RURAL, own, 1000);
  g_free (own_value->effective_from);
  own_value->effective_from = g_strdup ("2010-01-01");
  g_assert_true (jz_standard_set (fixture->db, NULL, own_value, &error));
  g_assert_no_error (error);

  preview = jz_standard_preview_compute (fixture->db, district_draft, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->failed, ==, 0);
  g_assert_cmpuint (preview->rows->len, >, 1);
  for (guint i = 0; i < preview->rows->len; i++)
    g_assert_cmpint (((JzStandardPreviewRow *) g_ptr_array_index (preview->rows, i))->township_id, !=, own);
  check_against_sql (fixture->db, district_draft, preview, TRUE);
}

/* A subsidy: every active case of the program changes by the difference,
 * times its persons. */
static void
test_preview_subsidy (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(JzStandard) draft = jz_standard_new ();
  g_autoptr(JzStandardPreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 old_value, cases;

  draft->kind = JZ_STANDARD_DISABILITY_LIVING;
  draft->effective_from = g_strdup (ON);
  g_assert_true (jz_standard_value_at (fixture->db, draft->kind, JZ_STANDARD_HUKOU_ANY, 0, ON, &old_value, &error));
  draft->value = old_value + 1234;

  preview = jz_standard_preview_compute (fixture->db, draft, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_open_v2 (jz_db_get_path (fixture->db), &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "SELECT count (*) FROM cases c JOIN persons p ON p.id = c.person_id AND p.active = 1 "
                                       "WHERE c.program = 'disability_living' "
                                       "  AND ((c.status = 'active' AND coalesce (c.starts_on, '') <= ?1) "
                                       "       OR (c.status = 'approved' AND c.starts_on <= ?1)) "
                                       "  AND (c.ended_on IS NULL OR c.ended_on > ?1)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, ON, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  cases = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);

  g_assert_cmpint (cases, >, 50);
  g_assert_cmpuint (preview->failed, ==, 0);
  g_assert_cmpint (preview->total.persons, ==, cases);
  g_assert_cmpint (preview->total.monthly_change, ==, 1234 * cases);
  g_assert_cmpint (preview->total.yearly_change, ==, 12 * 1234 * cases);
  for (guint i = 0; i < preview->rows->len; i++)
    g_assert_cmpint (((JzStandardPreviewRow *) g_ptr_array_index (preview->rows, i))->program, ==,
                     JZ_BENEFIT_DISABILITY_LIVING);
}

/* Temporary assistance is paid once: no monthly change, said so. */
static void
test_preview_temporary (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(JzStandard) draft = jz_standard_new ();
  g_autoptr(JzStandardPreview) preview = NULL;
  g_autoptr(GError) error = NULL;

  draft->kind = JZ_STANDARD_TEMP_ILLNESS_MAX;
  draft->value = 150000;
  draft->effective_from = g_strdup (ON);
  preview = jz_standard_preview_compute (fixture->db, draft, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (preview->monthly);
  g_assert_nonnull (strstr (preview->note, "paid once"));
  g_assert_cmpuint (preview->rows->len, ==, 0);
  g_assert_cmpint (preview->total.monthly_change, ==, 0);
  g_clear_pointer (&preview, jz_standard_preview_free);

  /* Nor does a number of the workflow. */
  draft->kind = JZ_STANDARD_NOTICE_DAYS;
  draft->value = 10;
  preview = jz_standard_preview_compute (fixture->db, draft, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (preview->monthly);
  g_assert_nonnull (preview->note);
  g_assert_cmpuint (preview->rows->len, ==, 0);
}

/* A draft jz_standard_set() would refuse is refused with its error. */
static void
test_preview_invalid (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(JzStandard) draft = jz_standard_new ();
  g_autoptr(GPtrArray) villages = NULL;
  JzStandardPreview *preview;
  GError *error = NULL;

  draft->kind = JZ_STANDARD_DIBAO;
  draft->value = 100000;
  draft->effective_from = g_strdup (ON);
  preview = jz_standard_preview_compute (fixture->db, draft, NULL, &error);
  g_assert_null (preview);
  g_assert_error (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_HUKOU);
  g_clear_error (&error);

  draft->kind = JZ_STANDARD_MIN_WAGE;
  draft->hukou = JZ_STANDARD_HUKOU_URBAN;
  g_assert_null (jz_standard_preview_compute (fixture->db, draft, NULL, &error));
  g_assert_error (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_HUKOU);
  g_clear_error (&error);

  draft->hukou = JZ_STANDARD_HUKOU_ANY;
  draft->value = JZ_STANDARD_MAX_FEN + 1;
  g_assert_null (jz_standard_preview_compute (fixture->db, draft, NULL, &error));
  g_assert_error (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_VALUE);
  g_clear_error (&error);

  draft->value = 200000;
  g_free (draft->effective_from);
  draft->effective_from = g_strdup ("2025-02-30");
  g_assert_null (jz_standard_preview_compute (fixture->db, draft, NULL, &error));
  g_assert_error (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_DATE);
  g_clear_error (&error);

  g_free (draft->effective_from);
  draft->effective_from = g_strdup (ON);
  villages = jz_region_list_children (fixture->db, first_township (fixture->db, 0), NULL);
  g_assert_cmpuint (villages->len, >, 0);
  draft->township_id = ((JzRegion *) g_ptr_array_index (villages, 0))->id;
  g_assert_null (jz_standard_preview_compute (fixture->db, draft, NULL, &error));
  g_assert_error (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_TOWNSHIP);
  g_clear_error (&error);
}

static void
preview_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static JzStandardPreview *
preview_in_thread (JzDb          *db,
                   JzStandard    *draft,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  jz_standard_preview_async (db, draft, cancellable, preview_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return jz_standard_preview_finish (db, result, error);
}

/* In a thread, the same numbers; cancelled, an error and no preview. */
static void
test_preview_async (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(JzStandard) draft = dibao_draft (fixture->db, JZ_STANDARD_HUKOU_URBAN, 0, 2000);
  g_autoptr(JzStandardPreview) here = NULL;
  g_autoptr(JzStandardPreview) there = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  here = jz_standard_preview_compute (fixture->db, draft, NULL, &error);
  g_assert_no_error (error);
  there = preview_in_thread (fixture->db, draft, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (there);
  g_assert_cmpuint (there->rows->len, ==, here->rows->len);
  g_assert_cmpuint (there->total.households, ==, here->total.households);
  g_assert_cmpuint (there->total.persons, ==, here->total.persons);
  g_assert_cmpint (there->total.monthly_change, ==, here->total.monthly_change);
  g_assert_cmpint (here->total.monthly_change, >, 0);

  g_cancellable_cancel (cancellable);
  g_assert_null (preview_in_thread (fixture->db, draft, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/standard-preview/dibao", test_preview_dibao);
  ADD ("/standard-preview/no-change", test_preview_no_change);
  ADD ("/standard-preview/township", test_preview_township);
  ADD ("/standard-preview/subsidy", test_preview_subsidy);
  ADD ("/standard-preview/temporary", test_preview_temporary);
  ADD ("/standard-preview/invalid", test_preview_invalid);
  ADD ("/standard-preview/async", test_preview_async);

#undef ADD

  return g_test_run ();
}
