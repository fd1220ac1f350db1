/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "jz-calendar.h"
#include "jz-db-private.h"
#include "jz-household-query-private.h"
#include "jz-household-row-private.h"

/*
 * How SQLite is made to find the rows.
 *
 * Every query reads household_summary `s`.  Each condition can either
 * drive the search (SQLite walks an index on it and checks the rest row by
 * row) or only filter.  Left alone without statistics, SQLite sometimes
 * drives from a condition that matches half the table; so the plan picks
 * the driver and writes the SQL so that only the driver can use an index:
 *
 *  - the search, through household_facets (one-character names), the
 *    persons_name range (longer names) or the persons ID indexes, as
 *    `s.household_id IN (…)`;
 *  - the program, through household_facets;
 *  - the summary columns (village, township, case status), through their
 *    indexes.
 *
 * The search and program cost a quick count to estimate; the summary
 * columns are judged by what they usually match.  The one expected to
 * match the fewest rows drives.  Conditions that do not drive are written
 * as correlated EXISTS probes or with a unary + that keeps SQLite off
 * their index.
 *
 * Pages come one of two ways:
 *  - few matches (SORT_DRIVEN_ABOVE or fewer): the plan reads their ids and
 *    sort keys once, from the driver, sorted in a temporary B-tree; the
 *    count is their number and a page is a slice, its rows read by id;
 *  - many: walking the index of the sort column from the keyset boundary
 *    (INDEXED BY), checking each row, which stops after the page.  With at
 *    least SORT_DRIVEN_ABOVE matches in 400,000 a page of 100 reads at
 *    most ~10,000 index entries.
 */

/* Fewer estimated matches than this make the search or program the driver
 * even when a summary column could drive. */
#define DRIVER_LIMIT      20000
/* More matches than this are paged along the sort index. */
#define SORT_DRIVEN_ABOVE 4000
/* Walking the sort index, a facet with no more households than this is
 * read once into a list to check the rows against, rather than probed
 * row by row: a surname's households cluster where the heads bear it, so
 * the walk may pass tens of thousands of rows before a page is full, and
 * each probe reads the facet table again. */
#define FACET_LIST_LIMIT  20000
/* A name range is counted only up to this for its estimate. */
#define ESTIMATE_CAP      50000

/* The two limits above, which tests change to try every way on a small
 * database. */
static gint64 driver_limit = DRIVER_LIMIT;
static gint64 sort_driven_above = SORT_DRIVEN_ABOVE;
static gint64 facet_list_limit = FACET_LIST_LIMIT;

/* Rough sizes of the summary conditions, for choosing the driver: a
 * village has hundreds to a few thousand households, a township tens of
 * thousands; most households have an active case. */
#define GUESS_VILLAGE     2000
#define GUESS_TOWNSHIP    40000
#define GUESS_STATUS      10000
#define GUESS_UNUSABLE    G_MAXINT64

static const struct
{
  const char *column;
  const char *index;
} sort_columns[] = {
  [JZ_HOUSEHOLD_SORT_ID]             = { NULL,              NULL },
  [JZ_HOUSEHOLD_SORT_HEAD_NAME]      = { "head_name",       "household_summary_head_name" },
  [JZ_HOUSEHOLD_SORT_TOWNSHIP]       = { "township_id",     "household_summary_township" },
  [JZ_HOUSEHOLD_SORT_VILLAGE]        = { "village_id",      "household_summary_village" },
  [JZ_HOUSEHOLD_SORT_MEMBERS]        = { "members",         "household_summary_members" },
  [JZ_HOUSEHOLD_SORT_CASE_STATUS]    = { "case_status",     "household_summary_case_status" },
  [JZ_HOUSEHOLD_SORT_MONTHLY_AMOUNT] = { "monthly_amount",  "household_summary_amount" },
};

/* --- keys ------------------------------------------------------------------ */

static gboolean
sort_is_text (JzHouseholdSort sort)
{
  return sort == JZ_HOUSEHOLD_SORT_HEAD_NAME || sort == JZ_HOUSEHOLD_SORT_CASE_STATUS;
}

/* --- small SQL helpers ------------------------------------------------------ */

static void
bind_text_named (sqlite3_stmt *stmt,
                 const char   *name,
                 const char   *text)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static void
bind_int_named (sqlite3_stmt *stmt,
                const char   *name,
                gint64        value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_int64 (stmt, index, value);
}

gboolean
jz_household_query_int (JzDb          *db,
                        sqlite3_stmt  *stmt,
                        gint64        *value,
                        GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      jz_db_set_error (db, rc == SQLITE_DONE ? SQLITE_ERROR : rc, error);
      return FALSE;
    }

  *value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
has_summary_filters (const JzHouseholdQuery *q)
{
  return q->township_id != 0 || q->village_id != 0 || !jz_household_text_empty (q->case_status) || !jz_household_text_empty (q->hukou);
}

gboolean
jz_household_plan_lists_facet (JzHouseholdPlan *plan,
                               gint64           facet_count)
{
  return facet_count <= facet_list_limit;
}

gboolean
jz_household_plan_has_search (JzHouseholdPlan *plan)
{
  return plan->search_kind == JZ_HOUSEHOLD_SEARCH_NAME ||
         plan->search_kind == JZ_HOUSEHOLD_SEARCH_ID_NUMBER ||
         plan->search_kind == JZ_HOUSEHOLD_SEARCH_ID_TAIL;
}

static void
bind_plan (JzHouseholdPlan *plan,
           sqlite3_stmt    *stmt)
{
  const JzHouseholdQuery *q = plan->query;

  bind_text_named (stmt, ":search", plan->search);
  bind_text_named (stmt, ":search_end", plan->search_end);
  bind_int_named (stmt, ":name_facet", plan->name_facet);
  bind_text_named (stmt, ":tail4", plan->tail4);
  bind_int_named (stmt, ":tail_start", plan->tail_start);
  bind_int_named (stmt, ":program_facet", plan->program_facet);
  bind_int_named (stmt, ":township", q->township_id);
  bind_int_named (stmt, ":village", q->village_id);
  bind_text_named (stmt, ":case_status", q->case_status);
  bind_text_named (stmt, ":hukou", q->hukou);
}

/* --- choosing ----------------------------------------------------------------- */

static gboolean
count_facet (JzHouseholdPlan  *plan,
             gint64            facet,
             gint64           *count,
             GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("SELECT count(*) FROM household_facets WHERE file_status IN (%s) AND facet = ?1%s",
                         plan->facet_statuses,
                         plan->query->township_id != 0 ? " AND township_id = ?2" : "");
  stmt = jz_db_prepare (plan->db, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, facet);
  if (plan->query->township_id != 0)
    sqlite3_bind_int64 (stmt, 2, plan->query->township_id);
  return jz_household_query_int (plan->db, stmt, count, error);
}

static gboolean
estimate_search (JzHouseholdPlan  *plan,
                 gint64           *estimate,
                 GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (plan->name_facet != 0)
    return count_facet (plan, plan->name_facet, estimate, error);

  if (plan->search_kind != JZ_HOUSEHOLD_SEARCH_NAME)
    {
      /* An ID number, or the last digits of one, matches a handful. */
      *estimate = 0;
      return TRUE;
    }

  stmt = jz_db_prepare (plan->db,
                        "SELECT count(*) FROM (SELECT 1 FROM persons WHERE name >= :search AND name < :search_end "
                        "LIMIT " G_STRINGIFY (ESTIMATE_CAP) ")",
                        error);
  if (stmt == NULL)
    return FALSE;
  bind_plan (plan, stmt);
  return jz_household_query_int (plan->db, stmt, estimate, error);
}

static gint64
guess_summary (const JzHouseholdQuery *q)
{
  gint64 guess = GUESS_UNUSABLE;

  if (q->village_id != 0)
    guess = MIN (guess, GUESS_VILLAGE);
  if (q->township_id != 0)
    guess = MIN (guess, GUESS_TOWNSHIP);
  if (!jz_household_text_empty (q->case_status) && !g_str_equal (q->case_status, "active"))
    guess = MIN (guess, GUESS_STATUS);

  return guess;
}

static gboolean
choose_driver (JzHouseholdPlan  *plan,
               GError          **error)
{
  const JzHouseholdQuery *q = plan->query;
  gint64 search = GUESS_UNUSABLE;
  gint64 program = GUESS_UNUSABLE;
  gint64 summary = guess_summary (q);
  gint64 best;

  if (jz_household_plan_has_search (plan) && !estimate_search (plan, &search, error))
    return FALSE;
  if (plan->program_facet != 0 && !count_facet (plan, plan->program_facet, &program, error))
    return FALSE;

  if (plan->name_facet != 0)
    plan->name_facet_count = search;
  plan->program_facet_count = program;

  best = MIN (search, program);
  plan->driver = JZ_HOUSEHOLD_DRIVER_SUMMARY;
  plan->estimate = summary;

  if (best != GUESS_UNUSABLE && (best <= driver_limit || best <= summary))
    {
      plan->driver = search <= program ? JZ_HOUSEHOLD_DRIVER_SEARCH : JZ_HOUSEHOLD_DRIVER_PROGRAM;
      plan->estimate = best;
    }

  /* Only one facet, perhaps in a township, and nothing else: its count is
   * the answer. */
  if (q->village_id == 0 && jz_household_text_empty (q->case_status) && jz_household_text_empty (q->hukou) &&
      ((plan->name_facet != 0 && plan->program_facet == 0) ||
       (plan->program_facet != 0 && !jz_household_plan_has_search (plan))))
    plan->count = plan->name_facet != 0 ? search : program;

  return TRUE;
}

static gboolean
count_rows (JzHouseholdPlan  *plan,
            GError          **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT count(*) FROM household_summary s");
  g_autoptr(sqlite3_stmt) stmt = NULL;

  jz_household_plan_append_where (plan, sql, FALSE);
  stmt = jz_db_prepare (plan->db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  bind_plan (plan, stmt);
  return jz_household_query_int (plan->db, stmt, &plan->count, error);
}

/* No filter but the file status: SQLite counts a whole table from its
 * pages, and the files not open are few and have their own index. */
static gboolean
count_all (JzHouseholdPlan  *plan,
           GError          **error)
{
  g_autoptr(sqlite3_stmt) all = NULL;
  g_autoptr(sqlite3_stmt) excluded = NULL;
  g_autofree char *sql = NULL;
  gint64 total = 0, left_out = 0;

  all = jz_db_prepare (plan->db, "SELECT count(*) FROM household_summary", error);
  if (all == NULL || !jz_household_query_int (plan->db, all, &total, error))
    return FALSE;

  if (plan->statuses != NULL)
    {
      sql = g_strdup_printf ("SELECT count(*) FROM household_summary "
                             "WHERE file_status <> 'open' AND file_status NOT IN (%s)",
                             plan->statuses);
      excluded = jz_db_prepare (plan->db, sql, error);
      if (excluded == NULL || !jz_household_query_int (plan->db, excluded, &left_out, error))
        return FALSE;
    }

  plan->count = total - left_out;
  return TRUE;
}

static gboolean
prepare_search (JzHouseholdPlan *plan)
{
  const JzHouseholdQuery *q = plan->query;
  g_autofree char *normalized = NULL;

  plan->search_kind = jz_household_search_classify (q->search, &normalized);

  switch (plan->search_kind)
    {
    case JZ_HOUSEHOLD_SEARCH_NONE:
      break;

    case JZ_HOUSEHOLD_SEARCH_TOO_SHORT:
      plan->no_match = TRUE;
      break;

    case JZ_HOUSEHOLD_SEARCH_NAME:
      /* U+10FFFF sorts after every character, byte by byte too. */
      plan->search_end = g_strconcat (normalized, "\xF4\x8F\xBF\xBF", NULL);
      if (g_utf8_strlen (normalized, -1) == 1)
        plan->name_facet = g_utf8_get_char (normalized);
      break;

    case JZ_HOUSEHOLD_SEARCH_ID_NUMBER:
      if (strlen (normalized) != 18)
        plan->no_match = TRUE;
      break;

    case JZ_HOUSEHOLD_SEARCH_ID_TAIL:
      plan->tail_start = 19 - (int) strlen (normalized);
      plan->tail4 = g_strdup (normalized + strlen (normalized) - 4);
      break;

    default:
      g_assert_not_reached ();
    }

  plan->search = g_steal_pointer (&normalized);
  return !plan->no_match;
}

static void
append_order (JzHouseholdPlan *plan,
              GString         *sql,
              gboolean         ascending,
              gboolean         no_index);

/* The ids and sort keys of all the matches, in list order, if there are
 * no more than SORT_DRIVEN_ABOVE; otherwise nothing, and the count is
 * left to count_rows(). */
static gboolean
read_keys (JzHouseholdPlan  *plan,
           GError          **error)
{
  const char *column = sort_columns[plan->query->sort].column;
  gboolean text = sort_is_text (plan->query->sort);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) keys = NULL;
  gint64 limit = sort_driven_above < G_MAXINT64 ? sort_driven_above + 1 : -1;
  int rc;

  g_string_printf (sql, "SELECT s.household_id, %s%s FROM household_summary s",
                   column != NULL ? "s." : "", column != NULL ? column : "NULL");
  jz_household_plan_append_where (plan, sql, FALSE);
  append_order (plan, sql, !plan->query->descending, TRUE);
  g_string_append_printf (sql, " LIMIT %" G_GINT64_FORMAT, limit);

  stmt = jz_db_prepare (plan->db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  bind_plan (plan, stmt);

  keys = g_array_new (FALSE, TRUE, sizeof (JzHouseholdKey));
  g_array_set_clear_func (keys, (GDestroyNotify) jz_household_key_clear);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JzHouseholdKey key = { 0 };

      key.id = sqlite3_column_int64 (stmt, 0);
      if (text)
        key.text = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      else
        key.number = sqlite3_column_int64 (stmt, 1);
      g_array_append_val (keys, key);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (plan->db, rc, error);
      return FALSE;
    }

  if (limit < 0 || (gint64) keys->len < limit)
    {
      plan->count = keys->len;
      plan->keys = g_steal_pointer (&keys);
    }

  return TRUE;
}

/* The program's facet; an unknown code matches nothing. */
static gboolean
prepare_program (JzHouseholdPlan  *plan,
                 GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = jz_db_prepare (plan->db, "SELECT sort_order FROM programs WHERE code = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, plan->query->program, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    plan->program_facet = sqlite3_column_int64 (stmt, 0) - 1000000;
  else if (rc == SQLITE_DONE)
    plan->no_match = TRUE;
  else
    {
      jz_db_set_error (plan->db, rc, error);
      return FALSE;
    }

  return TRUE;
}

/**
 * jz_household_plan_new:
 *
 * Returns: (transfer full): the plan with its count, or %NULL with @error set
 */
JzHouseholdPlan *
jz_household_plan_new (JzDb                    *db,
                       const JzHouseholdQuery  *query,
                       GError                 **error)
{
  g_autoptr(JzHouseholdPlan) plan = NULL;
  g_autoptr(GString) statuses = g_string_new ("'open'");
  g_autoptr(GString) facet_statuses = g_string_new ("0");

  g_return_val_if_fail (JZ_IS_DB (db), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  plan = g_new0 (JzHouseholdPlan, 1);
  plan->db = g_object_ref (db);
  plan->query = jz_household_query_copy (query);
  plan->count = -1;
  plan->name_facet_count = G_MAXINT64;
  plan->program_facet_count = G_MAXINT64;

  if ((guint) query->sort >= G_N_ELEMENTS (sort_columns))
    plan->query->sort = JZ_HOUSEHOLD_SORT_ID;

  if (query->include_closed)
    {
      g_string_append (statuses, ", 'closed'");
      g_string_append (facet_statuses, ", 1");
    }
  if (query->include_archived)
    {
      g_string_append (statuses, ", 'archived'");
      g_string_append (facet_statuses, ", 2");
    }
  if (!(query->include_closed && query->include_archived))
    plan->statuses = g_strdup (statuses->str);
  plan->facet_statuses = g_strdup (facet_statuses->str);

  if (!prepare_search (plan))
    plan->no_match = TRUE;
  else if (!jz_household_text_empty (query->program) && !prepare_program (plan, error))
    return NULL;

  if (plan->no_match)
    {
      plan->count = 0;
      return g_steal_pointer (&plan);
    }

  if (!choose_driver (plan, error))
    return NULL;

  if (!has_summary_filters (query) && !jz_household_plan_has_search (plan) && plan->program_facet == 0 &&
      !count_all (plan, error))
    return NULL;

  /* Few, or likely few: their keys at once, and their number with them. */
  if ((plan->count >= 0 ? plan->count : plan->estimate) <= sort_driven_above &&
      !read_keys (plan, error))
    return NULL;

  if (plan->count < 0 && !count_rows (plan, error))
    return NULL;

  plan->sort_driven = plan->keys == NULL && plan->count > sort_driven_above;
  return g_steal_pointer (&plan);
}

void
jz_household_plan_free (JzHouseholdPlan *plan)
{
  if (plan == NULL)
    return;

  for (guint i = 0; i < 2; i++)
    for (guint j = 0; j < 2; j++)
      g_clear_pointer (&plan->fetch[i][j], sqlite3_finalize);

  g_clear_pointer (&plan->keys, g_array_unref);
  g_clear_object (&plan->db);
  g_clear_pointer (&plan->query, jz_household_query_free);
  g_free (plan->search);
  g_free (plan->search_end);
  g_free (plan->tail4);
  g_free (plan->statuses);
  g_free (plan->facet_statuses);
  g_free (plan);
}

gint64
jz_household_plan_get_count (JzHouseholdPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);

  return plan->count;
}

JzDb *
jz_household_plan_get_db (JzHouseholdPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);

  return plan->db;
}

/* The query's sort, made valid. */
JzHouseholdSort
jz_household_plan_get_sort (JzHouseholdPlan *plan)
{
  g_return_val_if_fail (plan != NULL, JZ_HOUSEHOLD_SORT_ID);

  return plan->query->sort;
}

/* --- pages ------------------------------------------------------------------- */

static void
append_key_condition (JzHouseholdPlan *plan,
                      GString         *sql,
                      gboolean         after)
{
  const char *column = sort_columns[plan->query->sort].column;
  const char *op = after ? ">" : "<";

  if (column == NULL)
    g_string_append_printf (sql, " AND s.household_id %s :key_id", op);
  else
    g_string_append_printf (sql, " AND (s.%s, s.household_id) %s (:key, :key_id)", column, op);
}

static void
append_order (JzHouseholdPlan *plan,
              GString         *sql,
              gboolean         ascending,
              gboolean         no_index)
{
  const char *column = sort_columns[plan->query->sort].column;
  const char *dir = ascending ? "" : " DESC";
  /* A unary + keeps SQLite from walking a sort index instead of the
   * driver. */
  const char *plus = no_index ? "+" : "";

  if (column == NULL)
    g_string_append_printf (sql, " ORDER BY %ss.household_id%s", plus, dir);
  else
    g_string_append_printf (sql, " ORDER BY %ss.%s%s, %ss.household_id%s", plus, column, dir, plus, dir);
}

static void
append_from (JzHouseholdPlan *plan,
             GString         *sql)
{
  const char *index = sort_columns[plan->query->sort].index;

  g_string_append (sql, " FROM household_summary s");
  if (!plan->sort_driven)
    return;

  /* NOT INDEXED still walks the table by rowid, the household id. */
  if (index != NULL)
    g_string_append_printf (sql, " INDEXED BY %s", index);
  else
    g_string_append (sql, " NOT INDEXED");
}

static sqlite3_stmt *
prepare_fetch (JzHouseholdPlan  *plan,
               gboolean          anchor,
               gboolean          backward,
               GError          **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  /* Backward in a descending list walks the index upwards. */
  gboolean ascending = !plan->query->descending != !!backward;

  g_string_append (sql, "SELECT " JZ_HOUSEHOLD_ROW_COLUMNS " FROM (SELECT s.*");
  append_from (plan, sql);
  jz_household_plan_append_where (plan, sql, plan->sort_driven);
  if (anchor)
    append_key_condition (plan, sql, ascending);
  append_order (plan, sql, ascending, !plan->sort_driven);
  g_string_append (sql,
                   " LIMIT :limit OFFSET :skip) s "
                   "LEFT JOIN regions t ON t.id = s.township_id "
                   "LEFT JOIN regions v ON v.id = s.village_id");
  append_order (plan, sql, ascending, FALSE);

  return jz_db_prepare (plan->db, sql->str, error);
}

static void
bind_key (JzHouseholdPlan      *plan,
          sqlite3_stmt         *stmt,
          const JzHouseholdKey *key)
{
  bind_int_named (stmt, ":key_id", key->id);
  if (sort_is_text (plan->query->sort))
    bind_text_named (stmt, ":key", key->text != NULL ? key->text : "");
  else
    bind_int_named (stmt, ":key", key->number);
}

static GPtrArray *
read_rows (JzDb          *db,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *today = jz_today ();
  int rc;

  /* Read each time: the list may stay open past midnight. */
  bind_text_named (stmt, ":today", today);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, jz_household_row_new_from_stmt (stmt, 0));

  /* Reset at once: a statement left mid-way would keep the read lock. */
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

/* The order of the list, as SQLite's BINARY collation and integer
 * comparison have it. */
static int
compare_keys (JzHouseholdPlan      *plan,
              const JzHouseholdKey *a,
              const JzHouseholdKey *b)
{
  int c = 0;

  if (sort_is_text (plan->query->sort))
    c = strcmp (a->text != NULL ? a->text : "", b->text != NULL ? b->text : "");
  else if (plan->query->sort != JZ_HOUSEHOLD_SORT_ID)
    c = (a->number > b->number) - (a->number < b->number);
  if (c == 0)
    c = (a->id > b->id) - (a->id < b->id);

  return plan->query->descending ? -c : c;
}

/* The index of the first key not before @key (@or_equal) or after it. */
static guint
bound (JzHouseholdPlan      *plan,
       const JzHouseholdKey *key,
       gboolean              or_equal)
{
  guint lo = 0, hi = plan->keys->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int c = compare_keys (plan, &g_array_index (plan->keys, JzHouseholdKey, mid), key);

      if (c < 0 || (c == 0 && !or_equal))
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static GPtrArray *
fetch_keys (JzHouseholdPlan       *plan,
            const JzHouseholdKey  *anchor,
            gboolean               backward,
            guint                  skip,
            guint                  limit,
            GError               **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) found = NULL;
  GPtrArray *rows;
  guint start, end;

  if (!backward)
    {
      start = anchor != NULL ? bound (plan, anchor, FALSE) : 0;
      start = (guint) MIN ((guint64) start + skip, plan->keys->len);
      end = (guint) MIN ((guint64) start + limit, plan->keys->len);
    }
  else
    {
      end = anchor != NULL ? bound (plan, anchor, TRUE) : plan->keys->len;
      end = end > skip ? end - skip : 0;
      start = end > limit ? end - limit : 0;
    }

  for (guint i = start; i < end; i++)
    g_array_append_val (ids, g_array_index (plan->keys, JzHouseholdKey, i).id);

  found = jz_household_rows_by_id (plan->db, ids, error);
  if (found == NULL)
    return NULL;
  for (guint i = 0; i < found->len; i++)
    {
      JzHouseholdRow *row = g_ptr_array_index (found, i);
      gint64 id = jz_household_row_get_id (row);

      g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), row);
    }

  /* In list order; a household gone since its id was read is left out. */
  rows = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < ids->len; i++)
    {
      JzHouseholdRow *row = g_hash_table_lookup (by_id, &g_array_index (ids, gint64, i));

      if (row != NULL)
        g_ptr_array_add (rows, g_object_ref (row));
    }

  return rows;
}

/**
 * jz_household_plan_fetch:
 * @anchor: (nullable): the row to start next to; %NULL for the ends of
 *   the list
 * @backward: read towards the start of the list (from its end when
 *   @anchor is %NULL)
 * @skip: rows to pass over first
 *
 * Returns: (transfer full) (element-type JzHouseholdRow): up to @limit
 *   rows, always in list order
 */
GPtrArray *
jz_household_plan_fetch (JzHouseholdPlan       *plan,
                         const JzHouseholdKey  *anchor,
                         gboolean               backward,
                         guint                  skip,
                         guint                  limit,
                         GError               **error)
{
  sqlite3_stmt **slot;
  GPtrArray *rows;

  g_return_val_if_fail (plan != NULL, NULL);

  if (plan->count == 0 || limit == 0)
    return g_ptr_array_new_with_free_func (g_object_unref);

  if (plan->keys != NULL)
    return fetch_keys (plan, anchor, backward, skip, limit, error);

  slot = &plan->fetch[anchor != NULL][backward != FALSE];
  if (*slot == NULL && (*slot = prepare_fetch (plan, anchor != NULL, backward, error)) == NULL)
    return NULL;

  sqlite3_clear_bindings (*slot);
  bind_plan (plan, *slot);
  if (anchor != NULL)
    bind_key (plan, *slot, anchor);
  bind_int_named (*slot, ":limit", limit);
  bind_int_named (*slot, ":skip", skip);

  rows = read_rows (plan->db, *slot, error);
  if (rows != NULL && backward)
    {
      for (guint i = 0; i < rows->len / 2; i++)
        {
          gpointer tmp = rows->pdata[i];

          rows->pdata[i] = rows->pdata[rows->len - 1 - i];
          rows->pdata[rows->len - 1 - i] = tmp;
        }
    }

  return rows;
}

/**
 * jz_household_plan_position_of:
 *
 * Returns: how many rows of the list come before @key, or -1 with @error
 */
gint64
jz_household_plan_position_of (JzHouseholdPlan       *plan,
                               const JzHouseholdKey  *key,
                               GError               **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT count(*)");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 position = -1;

  g_return_val_if_fail (plan != NULL, -1);
  g_return_val_if_fail (key != NULL, -1);

  if (plan->count == 0)
    return 0;
  if (plan->keys != NULL)
    return bound (plan, key, TRUE);

  append_from (plan, sql);
  jz_household_plan_append_where (plan, sql, plan->sort_driven);
  append_key_condition (plan, sql, plan->query->descending);

  stmt = jz_db_prepare (plan->db, sql->str, error);
  if (stmt == NULL)
    return -1;
  bind_plan (plan, stmt);
  bind_key (plan, stmt, key);
  if (!jz_household_query_int (plan->db, stmt, &position, error))
    return -1;

  return position;
}

char *
jz_household_ids_to_json (GArray *ids)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", g_array_index (ids, gint64, i));
  g_string_append_c (json, ']');

  return g_string_free (json, FALSE);
}

/**
 * jz_household_rows_by_id:
 * @ids: (element-type gint64): household ids
 *
 * Returns: (transfer full) (element-type JzHouseholdRow): the rows of
 *   those households that still exist, in no particular order
 */
GPtrArray *
jz_household_rows_by_id (JzDb    *db,
                         GArray  *ids,
                         GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *json = NULL;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);
  g_return_val_if_fail (ids != NULL, NULL);

  stmt = jz_db_prepare (db,
                        "SELECT " JZ_HOUSEHOLD_ROW_COLUMNS " FROM household_summary s "
                        "LEFT JOIN regions t ON t.id = s.township_id "
                        "LEFT JOIN regions v ON v.id = s.village_id "
                        "WHERE s.household_id IN (SELECT value FROM json_each (:ids))",
                        error);
  if (stmt == NULL)
    return NULL;

  json = jz_household_ids_to_json (ids);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":ids"), json, -1, SQLITE_STATIC);
  return read_rows (db, stmt, error);
}

/**
 * jz_household_query_set_limits:
 * @driver: the most estimated matches with which a search or program still
 *   drives; -1 for the default
 * @sort_driven: the most matches that are sorted rather than read along
 *   the sort index; -1 for the default
 * @facet_list: the most households of a facet that are listed once rather
 *   than probed row by row along the sort index; -1 for the default
 *
 * For tests: to take every way of finding rows on a small database.
 */
void
jz_household_query_set_limits (gint64 driver,
                               gint64 sort_driven,
                               gint64 facet_list)
{
  driver_limit = driver >= 0 ? driver : DRIVER_LIMIT;
  sort_driven_above = sort_driven >= 0 ? sort_driven : SORT_DRIVEN_ABOVE;
  facet_list_limit = facet_list >= 0 ? facet_list : FACET_LIST_LIMIT;
}
