/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The raise preview: the engine over every case a draft standard bears on,
 * once as the standards are and once with the draft.  See
 * jz-standard-preview.h for what is counted. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jz-benefit-private.h"
#include "jz-db-private.h"
#include "jz-standard-preview.h"

/* Households per read: each block is a short read of its own, so that a
 * preview over a whole city does not keep another clerk from saving. */
#define BLOCK_HOUSEHOLDS 4096

#define PROGRAM_BIT(p) (1u << (p))
#define DIBAO_BITS     (PROGRAM_BIT (JZ_BENEFIT_DIBAO_URBAN) | PROGRAM_BIT (JZ_BENEFIT_DIBAO_RURAL))
#define TEKUN_BITS     (PROGRAM_BIT (JZ_BENEFIT_TEKUN_DISPERSED) | PROGRAM_BIT (JZ_BENEFIT_TEKUN_CENTRALIZED))

/* Active on ?1: paying, or approved with payment started, and not ended.
 * The unary + keeps SQLite from reading the cases by program and status:
 * a block is read by household through cases_household, in order. */
#define ACTIVE_ON \
  "((+c.status = 'active' AND coalesce (c.starts_on, '') <= ?1) " \
  "  OR (+c.status = 'approved' AND c.starts_on <= ?1)) " \
  "AND (c.ended_on IS NULL OR c.ended_on > ?1)"

typedef struct
{
  gint64    person_id;
  GDate     birth;
  gboolean  birth_valid;
  gint64    income;
  guint     conditions;  /* JzBenefitCondition */
  JzBenefitCareTier tier;
} Member;

typedef struct
{
  gint64            case_id;
  gint64            household_id;
  gint64            person_id;   /* the one person of the case, 0 for the household */
  JzBenefitProgram  program;
  JzStandardHukou   hukou;
  gint64            township_id;
  char             *exit_from;
  gint64            monthly_amount;
} Case;

/* The standards of one hukou and township, as they are and with the draft. */
typedef struct
{
  JzStandardValues base;
  JzStandardValues draft;
  gboolean         differs;
} Standards;

typedef struct
{
  JzStandardPreviewRow row;
  gint64               last_household;
} Sum;

typedef struct
{
  JzDb              *db;
  const JzStandard  *draft;
  GCancellable      *cancellable;
  GDate              on;
  guint              programs;         /* PROGRAM_BIT of the programs the kind bears on */
  const char        *hukou;            /* households of this hukou only, or NULL */
  GHashTable        *own_townships;    /* townships with their own value of the kind: gint64 * */
  GHashTable        *standards;        /* hukou × township → Standards */
  GHashTable        *exclusions;       /* case id → GHashTable of person ids */
  GHashTable        *sums;             /* program × township → Sum */
  JzStandardPreview *preview;
  GArray            *members;          /* Member, of the household at hand */
  GPtrArray         *cases;            /* Case, of the household at hand */
} Run;

/* ---- the draft ------------------------------------------------------ */

static guint
programs_of_kind (JzStandardKind kind)
{
  switch (kind)
    {
    case JZ_STANDARD_DIBAO:
      return DIBAO_BITS | TEKUN_BITS;
    case JZ_STANDARD_TEKUN_BASIC_RATIO:
      return TEKUN_BITS;
    case JZ_STANDARD_MIN_WAGE:
    case JZ_STANDARD_CARE_SELF_PCT:
    case JZ_STANDARD_CARE_PARTIAL_PCT:
    case JZ_STANDARD_CARE_FULL_PCT:
      return PROGRAM_BIT (JZ_BENEFIT_TEKUN_DISPERSED);
    case JZ_STANDARD_INCREMENT_ELDERLY_PCT:
    case JZ_STANDARD_INCREMENT_MINOR_PCT:
    case JZ_STANDARD_INCREMENT_SEVERE_DISABILITY_PCT:
    case JZ_STANDARD_INCREMENT_SEVERE_ILLNESS_PCT:
    case JZ_STANDARD_INCREMENT_SANWU_PCT:
    case JZ_STANDARD_GRADUAL_EXIT_MONTHS:
      return DIBAO_BITS;
    case JZ_STANDARD_DISABILITY_LIVING:
      return PROGRAM_BIT (JZ_BENEFIT_DISABILITY_LIVING);
    case JZ_STANDARD_DISABILITY_CARE:
      return PROGRAM_BIT (JZ_BENEFIT_DISABILITY_CARE);
    case JZ_STANDARD_CHILD_LIVING:
      return PROGRAM_BIT (JZ_BENEFIT_CHILD_LIVING);
    default:
      /* temp_*: paid once; the deadlines and review intervals: no amount. */
      return 0;
    }
}

/* The checks jz_standard_set() makes of the value itself, in its words,
 * so that a draft the preview accepts can be saved. */
static gboolean
check_draft (JzDb              *db,
             const JzStandard  *draft,
             GDate             *on,
             GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if ((guint) draft->kind >= JZ_STANDARD_N_KINDS)
    {
      g_set_error_literal (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_KIND,
                           _("Choose the kind of standard from the list."));
      return FALSE;
    }

  if (jz_standard_kind_by_hukou (draft->kind) && draft->hukou == JZ_STANDARD_HUKOU_ANY)
    {
      g_set_error (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_HUKOU,
                   _("“%s” differs between urban and rural hukou; choose one."),
                   jz_standard_kind_label (draft->kind));
      return FALSE;
    }
  if (!jz_standard_kind_by_hukou (draft->kind) && draft->hukou != JZ_STANDARD_HUKOU_ANY)
    {
      g_set_error (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_HUKOU,
                   _("“%s” is the same for urban and rural hukou; set it without one."),
                   jz_standard_kind_label (draft->kind));
      return FALSE;
    }

  if (draft->value < 0 || draft->value > jz_standard_kind_max (draft->kind))
    {
      g_autofree char *text = jz_standard_format_value (draft->kind, jz_standard_kind_max (draft->kind));

      g_set_error (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_VALUE,
                   _("The value of “%s” must be between 0 and %s."),
                   jz_standard_kind_label (draft->kind), text);
      return FALSE;
    }

  if (!jz_benefit_parse_date (draft->effective_from, on))
    {
      g_set_error_literal (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_DATE,
                           _("Give the date as YYYY-MM-DD, for example 2026-07-01."));
      return FALSE;
    }

  if (draft->township_id == 0)
    return TRUE;

  stmt = jz_db_prepare (db, "SELECT level = 'township' FROM regions WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, draft->township_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 1)
    return TRUE;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return FALSE;
    }

  g_set_error_literal (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_TOWNSHIP,
                       _("A standard holds for the whole district or for one township; choose a township."));
  return FALSE;
}

/* The townships whose own value of the draft's kind and hukou is in force
 * on the date: there a value for the whole district changes nothing. */
static gboolean
load_own_townships (Run      *run,
                    GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = jz_db_prepare (run->db,
                        "SELECT DISTINCT region_id FROM standards "
                        "WHERE kind = ?1 AND hukou IS ?2 AND region_id IS NOT NULL AND effective_from <= ?3",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, jz_standard_kind_code (run->draft->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, jz_standard_hukou_code (run->draft->hukou), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, run->draft->effective_from, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_add (run->own_townships, id);
    }
  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (run->db, rc, error);
      return FALSE;
    }

  return TRUE;
}

/* Whether the draft, once saved, would be the value in force for
 * households of @township_id. */
static gboolean
draft_holds_in (Run    *run,
                gint64  township_id)
{
  if (run->draft->township_id != 0)
    return township_id == run->draft->township_id;

  return township_id == 0 || !g_hash_table_contains (run->own_townships, &township_id);
}

static gboolean
values_equal (const JzStandardValues *a,
              const JzStandardValues *b)
{
  if (a->present != b->present || a->has_urban_dibao != b->has_urban_dibao ||
      (a->has_urban_dibao && a->urban_dibao != b->urban_dibao))
    return FALSE;

  for (guint k = 0; k < JZ_STANDARD_N_KINDS; k++)
    if ((a->present & (G_GUINT64_CONSTANT (1) << k)) && a->value[k] != b->value[k])
      return FALSE;

  return TRUE;
}

static const Standards *
standards_for (Run              *run,
               JzStandardHukou   hukou,
               gint64            township_id,
               GError          **error)
{
  gint64 key = township_id * 4 + hukou;
  const JzStandard *draft = run->draft;
  Standards *s;

  s = g_hash_table_lookup (run->standards, &key);
  if (s != NULL)
    return s;

  s = g_new0 (Standards, 1);
  if (!jz_standard_values_resolve (run->db, draft->effective_from, hukou, township_id, &s->base, error))
    {
      g_free (s);
      return NULL;
    }

  s->draft = s->base;
  if (draft_holds_in (run, township_id))
    {
      if (!jz_standard_kind_by_hukou (draft->kind) || draft->hukou == hukou)
        jz_standard_values_put (&s->draft, draft->kind, draft->value);
      else if (draft->kind == JZ_STANDARD_DIBAO && draft->hukou == JZ_STANDARD_HUKOU_URBAN)
        {
          /* Temporary assistance of rural households counts in urban dibao. */
          s->draft.has_urban_dibao = TRUE;
          s->draft.urban_dibao = draft->value;
        }
    }
  s->differs = !values_equal (&s->base, &s->draft);

  g_hash_table_insert (run->standards, g_memdup2 (&key, sizeof key), s);
  return s;
}

/* ---- reading -------------------------------------------------------- */

static void
case_free (gpointer data)
{
  Case *c = data;

  g_free (c->exit_from);
  g_free (c);
}

static gboolean
load_exclusions (Run      *run,
                 GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = jz_db_prepare (run->db, "SELECT case_id, person_id FROM case_exclusions", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 case_id = sqlite3_column_int64 (stmt, 0);
      gint64 person_id = sqlite3_column_int64 (stmt, 1);
      GHashTable *persons = g_hash_table_lookup (run->exclusions, &case_id);

      if (persons == NULL)
        {
          persons = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
          g_hash_table_insert (run->exclusions, g_memdup2 (&case_id, sizeof case_id), persons);
        }
      g_hash_table_add (persons, g_memdup2 (&person_id, sizeof person_id));
    }
  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (run->db, rc, error);
      return FALSE;
    }

  return TRUE;
}

/* "+c.program IN ('dibao_urban', …)" for the programs of the run. */
static char *
program_filter (guint programs)
{
  GString *sql = g_string_new ("+c.program IN (");
  gboolean first = TRUE;

  for (guint p = 0; p < JZ_BENEFIT_N_PROGRAMS; p++)
    if (programs & PROGRAM_BIT (p))
      {
        g_string_append_printf (sql, "%s'%s'", first ? "" : ", ", jz_benefit_program_code (p));
        first = FALSE;
      }
  g_string_append_c (sql, ')');

  return g_string_free (sql, FALSE);
}

static JzBenefitCareTier
care_tier_from_code (const char *code)
{
  if (g_strcmp0 (code, "full_care") == 0)
    return JZ_BENEFIT_CARE_FULL;
  if (g_strcmp0 (code, "partial_care") == 0)
    return JZ_BENEFIT_CARE_PARTIAL;
  return JZ_BENEFIT_CARE_SELF;
}

/* Whole months from @from to @to, as jz_benefit_facts_from_case() counts
 * them: 2026-01-15 → 2026-03-14 is 1. */
static int
months_between (const GDate *from,
                const GDate *to)
{
  int months = ((int) g_date_get_year (to) - (int) g_date_get_year (from)) * 12 +
               (int) g_date_get_month (to) - (int) g_date_get_month (from);

  if (g_date_get_day (to) < g_date_get_day (from))
    months--;
  return MAX (months, 0);
}

/* ---- computing ------------------------------------------------------ */

static void
fail (Run        *run,
      const char *message)
{
  run->preview->failed++;
  if (run->preview->failure == NULL)
    run->preview->failure = g_strdup (message);
}

/* The facts of @c as jz_benefit_facts_from_case() reads them, from the
 * members of its household in run->members; FALSE with @message set when
 * the file does not give them. */
static gboolean
facts_of_case (Run             *run,
               const Case      *c,
               JzBenefitFacts  *facts,
               const char     **message)
{
  GHashTable *excluded = g_hash_table_lookup (run->exclusions, &c->case_id);
  gint64 person_id = c->person_id;

  facts->program = c->program;
  facts->hukou = c->hukou;
  facts->single_person = person_id != 0 && (c->program == JZ_BENEFIT_DIBAO_URBAN ||
                                            c->program == JZ_BENEFIT_DIBAO_RURAL);
  facts->exit_months = -1;

  if (c->exit_from != NULL)
    {
      GDate since;

      if (!jz_benefit_parse_date (c->exit_from, &since))
        {
          *message = _("The date the gradual exit started is not a valid date; correct it on the case.");
          return FALSE;
        }
      facts->exit_months = months_between (&since, &run->on);
      facts->amount_before = c->monthly_amount;
    }

  for (guint i = 0; i < run->members->len; i++)
    {
      const Member *m = &g_array_index (run->members, Member, i);
      JzBenefitMember *member;

      if (person_id != 0 && m->person_id != person_id)
        continue;
      if (facts->n_members >= JZ_BENEFIT_MAX_MEMBERS)
        break;
      if (!m->birth_valid)
        {
          *message = _("A member of the household has no valid birth date; correct it in the household file.");
          return FALSE;
        }

      member = &facts->members[facts->n_members++];
      member->birth = m->birth;
      member->in_program = person_id != 0 || excluded == NULL || !g_hash_table_contains (excluded, &m->person_id);
      member->monthly_income = m->income;
      member->conditions = m->conditions;
      if (c->program == JZ_BENEFIT_TEKUN_DISPERSED)
        facts->care_tier = m->tier;
    }

  if (facts->n_members == 0)
    {
      *message = _("The case has no current household member to compute for.");
      return FALSE;
    }

  return TRUE;
}

static guint
persons_of (const JzBenefitFacts *facts)
{
  guint n = 0;

  if (facts->program == JZ_BENEFIT_TEKUN_DISPERSED || facts->program == JZ_BENEFIT_TEKUN_CENTRALIZED)
    return 1;

  for (guint i = 0; i < facts->n_members; i++)
    if (facts->members[i].in_program)
      n++;
  return n;
}

static Sum *
sum_for (Run              *run,
         JzBenefitProgram  program,
         gint64            township_id)
{
  gint64 key = township_id * JZ_BENEFIT_N_PROGRAMS + program;
  Sum *sum = g_hash_table_lookup (run->sums, &key);

  if (sum == NULL)
    {
      sum = g_new0 (Sum, 1);
      sum->row.program = program;
      sum->row.township_id = township_id;
      g_hash_table_insert (run->sums, g_memdup2 (&key, sizeof key), sum);
    }
  return sum;
}

/* The cases of one household, with its members read. */
static gboolean
compute_household (Run      *run,
                   GError  **error)
{
  JzBenefitMember members[JZ_BENEFIT_MAX_MEMBERS];
  gboolean affected = FALSE;

  for (guint i = 0; i < run->cases->len; i++)
    {
      const Case *c = g_ptr_array_index (run->cases, i);
      JzBenefitFacts facts = { 0 };
      g_autoptr(GError) local_error = NULL;
      const Standards *s;
      const char *message = NULL;
      gint64 before, after;
      Sum *sum;

      s = standards_for (run, c->hukou, c->township_id, error);
      if (s == NULL)
        return FALSE;
      if (!s->differs)
        continue;

      run->preview->cases++;
      facts.members = members;
      if (!facts_of_case (run, c, &facts, &message))
        {
          fail (run, message);
          continue;
        }

      if (!jz_benefit_compute_total (&facts, &s->base, &run->on, &before, &local_error) ||
          !jz_benefit_compute_total (&facts, &s->draft, &run->on, &after, &local_error))
        {
          fail (run, local_error->message);
          continue;
        }
      if (before == after)
        continue;

      sum = sum_for (run, c->program, c->township_id);
      if (sum->last_household != c->household_id)
        {
          sum->last_household = c->household_id;
          sum->row.households++;
        }
      sum->row.persons += persons_of (&facts);
      sum->row.monthly_change += after - before;
      affected = TRUE;
    }

  if (affected)
    run->preview->total.households++;

  return TRUE;
}

static gboolean
read_case (Run           *run,
           sqlite3_stmt  *stmt,
           Case          *c)
{
  if (!jz_benefit_program_from_code ((const char *) sqlite3_column_text (stmt, 3), &c->program) ||
      !jz_standard_hukou_from_code ((const char *) sqlite3_column_text (stmt, 5), &c->hukou) ||
      c->hukou == JZ_STANDARD_HUKOU_ANY)
    return FALSE;

  c->case_id = sqlite3_column_int64 (stmt, 0);
  c->household_id = sqlite3_column_int64 (stmt, 1);
  c->person_id = sqlite3_column_int64 (stmt, 2);
  /* For tekun without a person, the head is the recipient. */
  if (c->person_id == 0 && (c->program == JZ_BENEFIT_TEKUN_DISPERSED ||
                            c->program == JZ_BENEFIT_TEKUN_CENTRALIZED))
    c->person_id = sqlite3_column_int64 (stmt, 4);
  c->township_id = sqlite3_column_int64 (stmt, 6);
  c->exit_from = jz_db_column_dup (stmt, 7);
  c->monthly_amount = sqlite3_column_int64 (stmt, 8);
  return TRUE;
}

static void
read_member (sqlite3_stmt *stmt,
             Member       *m)
{
  memset (m, 0, sizeof *m);
  m->person_id = sqlite3_column_int64 (stmt, 1);
  m->birth_valid = jz_benefit_parse_date ((const char *) sqlite3_column_text (stmt, 2), &m->birth);
  m->income = sqlite3_column_int64 (stmt, 3);
  /* Severe disability as DESIGN §3 has it: grade 1–2, or grade 3
   * intellectual or mental. */
  if (sqlite3_column_int (stmt, 4))
    m->conditions |= JZ_BENEFIT_SEVERE_DISABILITY;
  if (sqlite3_column_int (stmt, 5))
    m->conditions |= JZ_BENEFIT_SEVERE_ILLNESS;
  if (sqlite3_column_int (stmt, 6))
    m->conditions |= JZ_BENEFIT_SANWU;
  m->tier = care_tier_from_code ((const char *) sqlite3_column_text (stmt, 7));
}

static void
bind_block (sqlite3_stmt *stmt,
            gint64        low,
            gint64        high)
{
  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 2, low);
  sqlite3_bind_int64 (stmt, 3, high);
}

/* ?1 the date, ?4 the hukou or NULL, ?5 the township or 0. */
static void
bind_run (sqlite3_stmt *stmt,
          Run          *run)
{
  sqlite3_bind_text (stmt, 1, run->draft->effective_from, -1, SQLITE_STATIC);
  if (run->hukou != NULL)
    sqlite3_bind_text (stmt, 4, run->hukou, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, run->draft->township_id);
}

/* One block of households: its cases and, beside them in the same order,
 * the members of the households that have one. */
static gboolean
compute_block (Run           *run,
               sqlite3_stmt  *cases,
               sqlite3_stmt  *persons,
               gint64         low,
               gint64         high,
               GError       **error)
{
  gint64 household = 0;
  gboolean ok = FALSE;
  int rc, prc;

  bind_block (cases, low, high);
  bind_block (persons, low, high);

  prc = sqlite3_step (persons);
  while ((rc = sqlite3_step (cases)) == SQLITE_ROW)
    {
      g_autofree Case *c = g_new0 (Case, 1);

      if (!read_case (run, cases, c))
        {
          g_free (c->exit_from);
          run->preview->cases++;
          fail (run, _("The case has a program or hukou this version does not know."));
          continue;
        }

      if (c->household_id != household)
        {
          if (household != 0 && !compute_household (run, error))
            goto out;
          g_ptr_array_set_size (run->cases, 0);
          g_array_set_size (run->members, 0);
          household = c->household_id;

          while (prc == SQLITE_ROW && sqlite3_column_int64 (persons, 0) < household)
            prc = sqlite3_step (persons);
          while (prc == SQLITE_ROW && sqlite3_column_int64 (persons, 0) == household)
            {
              Member m;

              read_member (persons, &m);
              g_array_append_val (run->members, m);
              prc = sqlite3_step (persons);
            }
          if (prc != SQLITE_ROW && prc != SQLITE_DONE)
            {
              jz_db_set_error (run->db, prc, error);
              goto out;
            }
        }
      g_ptr_array_add (run->cases, g_steal_pointer (&c));
    }

  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (run->db, rc, error);
      goto out;
    }
  if (household != 0 && !compute_household (run, error))
    goto out;
  ok = TRUE;

out:
  g_ptr_array_set_size (run->cases, 0);
  g_array_set_size (run->members, 0);
  /* Ends the read of this block. */
  sqlite3_reset (cases);
  sqlite3_reset (persons);
  return ok;
}

static gboolean
compute_all (Run      *run,
             GError  **error)
{
  g_autoptr(sqlite3_stmt) cases = NULL;
  g_autoptr(sqlite3_stmt) persons = NULL;
  g_autoptr(sqlite3_stmt) range = NULL;
  g_autofree char *programs = program_filter (run->programs);
  g_autofree char *filter = NULL;
  g_autofree char *case_sql = NULL;
  g_autofree char *person_sql = NULL;
  gint64 first, last;

  /* ?1 date, ?2 ?3 the block of household ids, ?4 hukou or NULL, ?5 township or 0 */
  filter = g_strdup_printf ("%s AND " ACTIVE_ON " AND (?4 IS NULL OR h.hukou = ?4) "
                            "AND (?5 = 0 OR ?5 = CASE r.level WHEN 'village' THEN r.parent_id "
                            "                                 WHEN 'township' THEN r.id ELSE 0 END)",
                            programs);
  case_sql = g_strconcat ("SELECT c.id, c.household_id, coalesce (c.person_id, 0), c.program, "
                          "       coalesce (h.head_person_id, 0), h.hukou, "
                          "       CASE r.level WHEN 'village' THEN r.parent_id WHEN 'township' THEN r.id ELSE 0 END, "
                          "       c.exit_from, c.monthly_amount "
                          "FROM cases c JOIN households h ON h.id = c.household_id "
                          "JOIN regions r ON r.id = h.region_id "
                          "WHERE c.household_id >= ?2 AND c.household_id < ?3 AND ", filter,
                          " ORDER BY c.household_id, c.id", NULL);
  person_sql = g_strconcat ("SELECT p.household_id, p.id, p.birth_date, "
                            "       (SELECT coalesce (sum (i.monthly_amount), 0) FROM incomes i WHERE i.person_id = p.id), "
                            "       coalesce (p.disability_grade IN (1, 2) "
                            "                 OR (p.disability_grade = 3 AND p.disability_kind IN ('intellectual', 'mental')), 0), "
                            "       coalesce (p.severe_illness, '') <> '', p.sanwu, p.self_care "
                            "FROM persons p "
                            "WHERE p.household_id >= ?2 AND p.household_id < ?3 AND p.active = 1 "
                            "  AND EXISTS (SELECT 1 FROM cases c JOIN households h ON h.id = c.household_id "
                            "              JOIN regions r ON r.id = h.region_id "
                            "              WHERE c.household_id = p.household_id AND ", filter, ") "
                            "ORDER BY p.household_id, p.id", NULL);

  cases = jz_db_prepare (run->db, case_sql, error);
  if (cases == NULL)
    return FALSE;
  persons = jz_db_prepare (run->db, person_sql, error);
  if (persons == NULL)
    return FALSE;
  bind_run (cases, run);
  bind_run (persons, run);

  range = jz_db_prepare (run->db, "SELECT coalesce (min (id), 0), coalesce (max (id), -1) FROM households", error);
  if (range == NULL)
    return FALSE;
  if (sqlite3_step (range) != SQLITE_ROW)
    {
      jz_db_set_error (run->db, sqlite3_errcode (jz_db_get_handle (run->db)), error);
      return FALSE;
    }
  first = sqlite3_column_int64 (range, 0);
  last = sqlite3_column_int64 (range, 1);
  sqlite3_reset (range);

  for (gint64 low = first; low <= last; low += BLOCK_HOUSEHOLDS)
    {
      if (g_cancellable_set_error_if_cancelled (run->cancellable, error))
        return FALSE;
      if (!compute_block (run, cases, persons, low, low + BLOCK_HOUSEHOLDS, error))
        return FALSE;
    }

  return TRUE;
}

/* ---- the result ----------------------------------------------------- */

static void
row_clear (JzStandardPreviewRow *row)
{
  g_clear_pointer (&row->township_name, g_free);
}

static void
row_free (gpointer data)
{
  JzStandardPreviewRow *row = data;

  row_clear (row);
  g_free (row);
}

void
jz_standard_preview_free (JzStandardPreview *preview)
{
  if (preview == NULL)
    return;

  g_clear_pointer (&preview->rows, g_ptr_array_unref);
  row_clear (&preview->total);
  g_free (preview->on_date);
  g_free (preview->failure);
  g_free (preview->note);
  g_free (preview);
}

typedef struct
{
  char *code;
  char *name;
} Township;

static void
township_free (gpointer data)
{
  Township *t = data;

  g_free (t->code);
  g_free (t->name);
  g_free (t);
}

static gint
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const JzStandardPreviewRow *x = *(JzStandardPreviewRow * const *) a;
  const JzStandardPreviewRow *y = *(JzStandardPreviewRow * const *) b;
  GHashTable *townships = user_data;
  const Township *tx, *ty;

  if (x->program != y->program)
    return x->program < y->program ? -1 : 1;
  if (x->township_id == y->township_id)
    return 0;
  /* Households in no township last. */
  if (x->township_id == 0 || y->township_id == 0)
    return x->township_id == 0 ? 1 : -1;

  tx = g_hash_table_lookup (townships, &x->township_id);
  ty = g_hash_table_lookup (townships, &y->township_id);
  return g_strcmp0 (tx != NULL ? tx->code : NULL, ty != NULL ? ty->code : NULL);
}

/* The rows, named and in order, and their total. */
static gboolean
collect_rows (Run      *run,
              GError  **error)
{
  g_autoptr(GHashTable) townships = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, township_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  JzStandardPreview *preview = run->preview;
  GHashTableIter iter;
  Sum *sum;
  int rc;

  stmt = jz_db_prepare (run->db, "SELECT id, code, name FROM regions WHERE level = 'township'", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Township *t = g_new0 (Township, 1);
      gint64 id = sqlite3_column_int64 (stmt, 0);

      t->code = jz_db_column_dup (stmt, 1);
      t->name = jz_db_column_dup (stmt, 2);
      g_hash_table_insert (townships, g_memdup2 (&id, sizeof id), t);
    }
  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (run->db, rc, error);
      return FALSE;
    }

  g_hash_table_iter_init (&iter, run->sums);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &sum))
    {
      JzStandardPreviewRow *row = g_memdup2 (&sum->row, sizeof sum->row);
      const Township *t = g_hash_table_lookup (townships, &row->township_id);

      row->township_name = t != NULL ? g_strdup (t->name) : NULL;
      row->yearly_change = 12 * row->monthly_change;
      preview->total.persons += row->persons;
      preview->total.monthly_change += row->monthly_change;
      g_ptr_array_add (preview->rows, row);
    }
  preview->total.yearly_change = 12 * preview->total.monthly_change;
  g_ptr_array_sort_with_data (preview->rows, compare_rows, townships);

  return TRUE;
}

/**
 * jz_standard_preview_compute:
 * @draft: the standard as it would be saved: kind, hukou, township_id,
 *   value and effective_from; id, note and the rest are not read
 * @cancellable: (nullable): checked between blocks of households
 *
 * See jz-standard-preview.h.  The draft is checked as jz_standard_set()
 * checks it, with the same errors; nothing is written.
 *
 * Returns: (transfer full): the preview, or %NULL with @error set
 */
JzStandardPreview *
jz_standard_preview_compute (JzDb              *db,
                             const JzStandard  *draft,
                             GCancellable      *cancellable,
                             GError           **error)
{
  g_autoptr(JzStandardPreview) preview = NULL;
  g_autoptr(GHashTable) own_townships = NULL;
  g_autoptr(GHashTable) standards = NULL;
  g_autoptr(GHashTable) exclusions = NULL;
  g_autoptr(GHashTable) sums = NULL;
  g_autoptr(GArray) members = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  Run run = { 0 };

  g_return_val_if_fail (JZ_IS_DB (db), NULL);
  g_return_val_if_fail (draft != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  if (!check_draft (db, draft, &run.on, error))
    return NULL;

  preview = g_new0 (JzStandardPreview, 1);
  preview->kind = draft->kind;
  preview->on_date = g_strdup (draft->effective_from);
  preview->rows = g_ptr_array_new_with_free_func (row_free);
  preview->total.program = JZ_BENEFIT_N_PROGRAMS;
  preview->monthly = programs_of_kind (draft->kind) != 0;
  if (!preview->monthly)
    {
      if (draft->kind >= JZ_STANDARD_TEMP_ILLNESS_MIN && draft->kind <= JZ_STANDARD_TEMP_EDUCATION_MAX)
        preview->note = g_strdup (_("Temporary assistance is paid once, so no monthly amount depends on this standard."));
      else
        preview->note = g_strdup (_("No benefit amount depends on this standard; it sets a deadline or an interval of the workflow."));
      return g_steal_pointer (&preview);
    }

  own_townships = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  standards = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  exclusions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  sums = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  members = g_array_new (FALSE, FALSE, sizeof (Member));
  cases = g_ptr_array_new_with_free_func (case_free);

  run.db = db;
  run.draft = draft;
  run.cancellable = cancellable;
  run.programs = programs_of_kind (draft->kind);
  run.hukou = jz_standard_kind_by_hukou (draft->kind) ? jz_standard_hukou_code (draft->hukou) : NULL;
  run.own_townships = own_townships;
  run.standards = standards;
  run.exclusions = exclusions;
  run.sums = sums;
  run.preview = preview;
  run.members = members;
  run.cases = cases;

  if (!load_own_townships (&run, error) ||
      !load_exclusions (&run, error) ||
      !compute_all (&run, error) ||
      !collect_rows (&run, error))
    return NULL;

  return g_steal_pointer (&preview);
}

/* ---- in a thread ---------------------------------------------------- */

typedef struct
{
  char       *path;
  JzStandard *draft;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->path);
  jz_standard_free (job->draft);
  g_free (job);
}

/* A connection of its own: a JzDb is used from one thread only. */
static void
preview_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(JzDb) db = NULL;
  g_autoptr(GError) error = NULL;
  JzStandardPreview *preview;

  db = jz_db_open (job->path, JZ_DB_OPEN_READ_ONLY, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  preview = jz_standard_preview_compute (db, job->draft, cancellable, &error);
  if (preview == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, preview, (GDestroyNotify) jz_standard_preview_free);
}

/**
 * jz_standard_preview_async:
 *
 * jz_standard_preview_compute() in a thread, over a read-only connection
 * of its own to the file of @db.  Cancelling ends it between two blocks
 * of households with %G_IO_ERROR_CANCELLED.
 */
void
jz_standard_preview_async (JzDb                *db,
                           const JzStandard    *draft,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (JZ_IS_DB (db));
  g_return_if_fail (draft != NULL);

  job = g_new0 (Job, 1);
  job->path = g_strdup (jz_db_get_path (db));
  job->draft = jz_standard_copy (draft);

  task = g_task_new (db, cancellable, callback, user_data);
  g_task_set_source_tag (task, jz_standard_preview_async);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, preview_thread);
}

/**
 * jz_standard_preview_finish:
 *
 * Returns: (transfer full): the preview, or %NULL with @error set
 */
JzStandardPreview *
jz_standard_preview_finish (JzDb          *db,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (JZ_IS_DB (db), NULL);
  g_return_val_if_fail (g_task_is_valid (result, db), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == jz_standard_preview_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
