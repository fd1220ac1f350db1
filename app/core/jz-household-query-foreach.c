/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "jz-db-private.h"
#include "jz-household-query-private.h"
#include "jz-household-row-private.h"

/* The whole list in chunks, for exports. */

/* Rows per chunk of jz_household_query_foreach(). */
#define FOREACH_CHUNK     500

/* Chunk after chunk, each its own short read; the callback gets the rows
 * of a chunk after the statement is reset, so that no lock is held while
 * it works. */
typedef gboolean (*ChunkFunc) (JzHouseholdPlan  *plan,
                               GPtrArray        *rows,
                               gpointer          user_data,
                               GCancellable     *cancellable,
                               GError          **error);

static gboolean
foreach_chunk (JzDb                    *db,
               const JzHouseholdQuery  *query,
               ChunkFunc                func,
               gpointer                 user_data,
               GCancellable            *cancellable,
               GError                 **error)
{
  g_autoptr(JzHouseholdPlan) plan = NULL;
  JzHouseholdKey key = { 0 };
  gboolean have_key = FALSE;
  gboolean ok = TRUE;

  plan = jz_household_plan_new (db, query, error);
  if (plan == NULL)
    return FALSE;

  while (ok)
    {
      g_autoptr(GPtrArray) rows = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }

      rows = jz_household_plan_fetch (plan, have_key ? &key : NULL, FALSE, 0, FOREACH_CHUNK, error);
      if (rows == NULL)
        {
          ok = FALSE;
          break;
        }
      if (rows->len == 0)
        break;

      jz_household_key_set (&key, jz_household_plan_get_sort (plan), g_ptr_array_index (rows, rows->len - 1));
      have_key = TRUE;

      ok = func (plan, rows, user_data, cancellable, error);
      if (rows->len < FOREACH_CHUNK)
        break;
    }

  jz_household_key_clear (&key);
  return ok;
}

typedef struct
{
  JzHouseholdRowFunc func;
  gpointer           user_data;
} RowData;

static gboolean
row_chunk (JzHouseholdPlan  *plan,
           GPtrArray        *rows,
           gpointer          user_data,
           GCancellable     *cancellable,
           GError          **error)
{
  RowData *data = user_data;

  for (guint i = 0; i < rows->len; i++)
    if (!data->func (g_ptr_array_index (rows, i), data->user_data, error))
      return FALSE;

  return TRUE;
}

/**
 * jz_household_query_foreach:
 * @func: called for each matching household in list order; return %FALSE
 *   to stop
 *
 * Reads the whole list in chunks of a few hundred rows, each its own
 * short read, for exports; see the top of jz-household-query.h.  Call it
 * from the thread that uses @db.
 *
 * Returns: %FALSE when an error, @cancellable or @func stopped it
 */
gboolean
jz_household_query_foreach (JzDb                    *db,
                            const JzHouseholdQuery  *query,
                            JzHouseholdRowFunc       func,
                            gpointer                 user_data,
                            GCancellable            *cancellable,
                            GError                 **error)
{
  RowData data = { func, user_data };

  g_return_val_if_fail (JZ_IS_DB (db), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  return foreach_chunk (db, query, row_chunk, &data, cancellable, error);
}

/* The persons as `p`, then their household's bank columns from `h`. */
#define PERSON_COLUMNS \
  "p.id, p.household_id, p.name, p.id_number, p.relation, p.sex, p.birth_date, p.disability_kind, " \
  "p.disability_grade, p.disability_cert, p.severe_illness, p.labour_capacity, p.self_care, " \
  "p.employment, p.active, p.left_on, p.left_reason, p.version, h.bank, h.bank_account"
#define PERSON_COLUMN_BANK          18
#define PERSON_COLUMN_BANK_ACCOUNT  19

static JzPerson *
person_from_stmt (sqlite3_stmt *stmt)
{
  JzPerson *person = g_new0 (JzPerson, 1);

  person->id = sqlite3_column_int64 (stmt, 0);
  person->household_id = sqlite3_column_int64 (stmt, 1);
  person->name = jz_db_column_dup (stmt, 2);
  person->id_number = jz_db_column_dup (stmt, 3);
  person->relation = jz_db_column_dup (stmt, 4);
  person->sex = jz_db_column_dup (stmt, 5);
  person->birth_date = jz_db_column_dup (stmt, 6);
  person->disability_kind = jz_db_column_dup (stmt, 7);
  person->disability_grade = sqlite3_column_int (stmt, 8);
  person->disability_cert = jz_db_column_dup (stmt, 9);
  person->severe_illness = jz_db_column_dup (stmt, 10);
  person->labour_capacity = jz_db_column_dup (stmt, 11);
  person->self_care = jz_db_column_dup (stmt, 12);
  person->employment = jz_db_column_dup (stmt, 13);
  person->active = sqlite3_column_int (stmt, 14) != 0;
  person->left_on = jz_db_column_dup (stmt, 15);
  person->left_reason = jz_db_column_dup (stmt, 16);
  person->version = sqlite3_column_int64 (stmt, 17);

  return person;
}

typedef struct
{
  JzHouseholdPersonFunc  func;
  gpointer               user_data;
  sqlite3_stmt          *members;
} PersonData;

static gboolean
person_chunk (JzHouseholdPlan  *plan,
              GPtrArray        *rows,
              gpointer          user_data,
              GCancellable     *cancellable,
              GError          **error)
{
  PersonData *data = user_data;
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), rows->len);
  g_autoptr(GPtrArray) persons = g_ptr_array_new_with_free_func ((GDestroyNotify) jz_person_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *json = NULL;
  gint64 banked_id = 0;
  int rc;

  if (data->members == NULL)
    {
      data->members = jz_db_prepare (jz_household_plan_get_db (plan),
                                     "SELECT " PERSON_COLUMNS " FROM persons p "
                                     "JOIN households h ON h.id = p.household_id "
                                     "WHERE p.household_id IN (SELECT value FROM json_each (?)) AND p.active = 1 "
                                     "ORDER BY p.household_id, p.relation <> 'head', p.birth_date, p.id",
                                     error);
      if (data->members == NULL)
        return FALSE;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      gint64 id = jz_household_row_get_id (g_ptr_array_index (rows, i));
      g_array_append_val (ids, id);
    }
  /* Keys into ids, which does not grow any more. */
  for (guint i = 0; i < rows->len; i++)
    g_hash_table_insert (by_id, &g_array_index (ids, gint64, i), g_ptr_array_index (rows, i));
  json = jz_household_ids_to_json (ids);

  sqlite3_bind_text (data->members, 1, json, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (data->members)) == SQLITE_ROW)
    {
      JzPerson *person = person_from_stmt (data->members);

      /* The account comes with the members rather than from one
       * jz_household_get() per household, which took a third of an
       * export's time. */
      if (person->household_id != banked_id)
        {
          JzHouseholdRow *row = g_hash_table_lookup (by_id, &person->household_id);

          banked_id = person->household_id;
          if (row != NULL)
            jz_household_row_set_bank (row,
                                       (const char *) sqlite3_column_text (data->members, PERSON_COLUMN_BANK),
                                       (const char *) sqlite3_column_text (data->members, PERSON_COLUMN_BANK_ACCOUNT));
        }
      g_ptr_array_add (persons, person);
    }
  sqlite3_reset (data->members);
  sqlite3_clear_bindings (data->members);
  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (jz_household_plan_get_db (plan), rc, error);
      return FALSE;
    }

  /* The persons come by household id, the rows in list order. */
  for (guint i = 0; i < rows->len; i++)
    {
      JzHouseholdRow *row = g_ptr_array_index (rows, i);
      gint64 id = jz_household_row_get_id (row);
      guint lo = 0, hi = persons->len;

      /* The first person of this household, by binary search. */
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if (((JzPerson *) g_ptr_array_index (persons, mid))->household_id < id)
            lo = mid + 1;
          else
            hi = mid;
        }

      for (guint next = lo; next < persons->len; next++)
        {
          JzPerson *person = g_ptr_array_index (persons, next);

          if (person->household_id != id)
            break;
          if (!data->func (row, person, data->user_data, error))
            return FALSE;
        }
    }

  return TRUE;
}

/**
 * jz_household_query_foreach_person:
 * @func: called for each member on file of each matching household: the
 *   households in list order, in each the head first, then by birth date;
 *   return %FALSE to stop
 *
 * Like jz_household_query_foreach(), one call per person, for exports
 * that list persons with their household's columns.  A closed file has
 * no members on file and gives no calls.
 *
 * The row handed to @func also carries the household's bank and bank
 * account (jz_household_row_get_bank_account()), read in the same
 * statement as the members.
 *
 * Returns: %FALSE when an error, @cancellable or @func stopped it
 */
gboolean
jz_household_query_foreach_person (JzDb                    *db,
                                   const JzHouseholdQuery  *query,
                                   JzHouseholdPersonFunc    func,
                                   gpointer                 user_data,
                                   GCancellable            *cancellable,
                                   GError                 **error)
{
  PersonData data = { func, user_data, NULL };
  gboolean ok;

  g_return_val_if_fail (JZ_IS_DB (db), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  ok = foreach_chunk (db, query, person_chunk, &data, cancellable, error);
  g_clear_pointer (&data.members, sqlite3_finalize);
  return ok;
}
