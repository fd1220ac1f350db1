/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-audit.h"
#include "jz-db-private.h"
#include "jz-income.h"
#include "jz-labels.h"
#include "jz-money.h"
#include "jz-user.h"

#define INCOME_COLUMNS "id, person_id, kind, monthly_amount, version"

G_DEFINE_QUARK (jz-income-error-quark, jz_income_error)

JzIncome *
jz_income_new (void)
{
  JzIncome *income = g_new0 (JzIncome, 1);

  income->kind = g_strdup ("wage");
  return income;
}

JzIncome *
jz_income_copy (const JzIncome *income)
{
  JzIncome *copy;

  g_return_val_if_fail (income != NULL, NULL);

  copy = g_memdup2 (income, sizeof *income);
  copy->kind = g_strdup (income->kind);
  return copy;
}

void
jz_income_free (JzIncome *income)
{
  if (income == NULL)
    return;

  g_free (income->kind);
  g_free (income);
}

/**
 * jz_income_kinds:
 *
 * Returns: (transfer none) (array zero-terminated=1): the kind codes, in
 *   the order a form offers them
 */
const char * const *
jz_income_kinds (void)
{
  static GStrv kinds;

  if (g_once_init_enter (&kinds))
    {
      guint n = jz_labels_count (JZ_FIELD_INCOME_KIND);
      GStrv codes = g_new0 (char *, n + 1);

      for (guint i = 0; i < n; i++)
        codes[i] = (char *) jz_labels_code (JZ_FIELD_INCOME_KIND, i);
      g_once_init_leave (&kinds, codes);
    }

  return (const char * const *) kinds;
}

/**
 * jz_income_kind_label:
 *
 * Returns: (transfer none): the translated name of a kind of income, or
 *   @kind itself when it is not known
 */
const char *
jz_income_kind_label (const char *kind)
{
  return jz_labels_value (JZ_FIELD_INCOME_KIND, kind);
}

gboolean
jz_income_check_kind (const char  *kind,
                      GError     **error)
{
  if (kind != NULL && jz_labels_has (JZ_FIELD_INCOME_KIND, kind))
    return TRUE;

  g_set_error_literal (error, JZ_INCOME_ERROR, JZ_INCOME_ERROR_KIND,
                       _("Choose the kind of income from the list."));
  return FALSE;
}

/**
 * jz_income_check_amount:
 * @fen: a monthly amount
 *
 * The rule the core applies on every write, for a form to check as the
 * clerk types.
 */
gboolean
jz_income_check_amount (gint64   fen,
                        GError **error)
{
  g_autofree char *max = NULL;

  if (fen < 0)
    {
      g_set_error_literal (error, JZ_INCOME_ERROR, JZ_INCOME_ERROR_AMOUNT,
                           _("An income cannot be negative; enter what the member earns in a month, or 0."));
      return FALSE;
    }

  if (fen > JZ_INCOME_MAX_FEN)
    {
      max = jz_money_format (JZ_INCOME_MAX_FEN);
      g_set_error (error, JZ_INCOME_ERROR, JZ_INCOME_ERROR_AMOUNT,
                   _("A monthly income above %s yuan is surely a typing mistake; check the amount."),
                   max);
      return FALSE;
    }

  return TRUE;
}

/* Read inside the write transaction, so that a move out committed by
 * another clerk cannot slip in between the check and the change. */
static gboolean
check_active_member (JzDb        *db,
                     gint64       person_id,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = jz_db_prepare (db, "SELECT active FROM persons WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 1)
    return TRUE;

  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    g_set_error_literal (error, JZ_INCOME_ERROR, JZ_INCOME_ERROR_NOT_MEMBER,
                         _("Income is recorded only for current members of a household, and this person is not one."));
  else
    jz_db_set_error (db, rc, error);

  return FALSE;
}

/* The person an existing item belongs to: that of the row, not of the
 * caller's copy, which cannot move an income to someone else. 0 with
 * @error set to a conflict when the row is gone. */
static gint64
person_of (JzDb        *db,
           gint64       income_id,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = jz_db_prepare (db, "SELECT person_id FROM incomes WHERE id = ?", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, income_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);

  /* Removed by another clerk: the audit log names who. */
  if (rc == SQLITE_DONE)
    jz_db_set_conflict_error (db, "incomes", income_id, error);
  else
    jz_db_set_error (db, rc, error);

  return 0;
}

static JzIncome *
income_from_row (sqlite3_stmt *stmt)
{
  JzIncome *income = g_new0 (JzIncome, 1);

  income->id = sqlite3_column_int64 (stmt, 0);
  income->person_id = sqlite3_column_int64 (stmt, 1);
  income->kind = jz_db_column_dup (stmt, 2);
  income->monthly_amount = sqlite3_column_int64 (stmt, 3);
  income->version = sqlite3_column_int64 (stmt, 4);

  return income;
}

/**
 * jz_income_list_for_person:
 *
 * Returns: (transfer full) (element-type JzIncome): the person's income
 *   items in the order they were recorded
 */
GPtrArray *
jz_income_list_for_person (JzDb        *db,
                           gint64       person_id,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  int rc;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  stmt = jz_db_prepare (db, "SELECT " INCOME_COLUMNS " FROM incomes WHERE person_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) jz_income_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, income_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&list);
}

static gboolean
add_cb (JzDb     *db,
        gpointer  user_data,
        GError  **error)
{
  JzIncome *income = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!check_active_member (db, income->person_id, error))
    return FALSE;

  stmt = jz_db_prepare (db, "INSERT INTO incomes (person_id, kind, monthly_amount) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, income->person_id);
  sqlite3_bind_text (stmt, 2, income->kind, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, income->monthly_amount);

  if (!jz_db_step_done (db, stmt, error))
    return FALSE;

  income->id = sqlite3_last_insert_rowid (jz_db_get_handle (db));
  income->version = 1;

  return jz_audit_record_change (db, "incomes", income->id, "insert", NULL, error);
}

/**
 * jz_income_add:
 * @income: the new item; its id and version are filled in
 *
 * Records an income item of an active household member.
 *
 * Returns: the item's id, or 0 with @error set
 */
gint64
jz_income_add (JzDb      *db,
               JzIncome  *income,
               GError   **error)
{
  g_return_val_if_fail (JZ_IS_DB (db), 0);
  g_return_val_if_fail (income != NULL, 0);

  if (!jz_income_check_kind (income->kind, error) ||
      !jz_income_check_amount (income->monthly_amount, error))
    return 0;

  if (!jz_user_check_person (db, JZ_PERMISSION_EDIT_FILES, income->person_id, error))
    return 0;

  if (!jz_db_write (db, add_cb, income, error))
    {
      income->id = 0;
      income->version = 0;
      return 0;
    }

  return income->id;
}

static gboolean
update_cb (JzDb     *db,
           gpointer  user_data,
           GError  **error)
{
  JzIncome *income = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *before = NULL;
  gint64 person_id;

  person_id = person_of (db, income->id, error);
  if (person_id == 0 || !check_active_member (db, person_id, error))
    return FALSE;

  before = jz_audit_snapshot (db, "incomes", income->id, error);
  if (before == NULL)
    {
      if (error == NULL || *error == NULL)
        jz_db_set_conflict_error (db, "incomes", income->id, error);
      return FALSE;
    }

  stmt = jz_db_prepare (db,
                        "UPDATE incomes SET kind = ?, monthly_amount = ?, version = version + 1 "
                        "WHERE id = ? AND version = ?",
                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, income->kind, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, income->monthly_amount);
  sqlite3_bind_int64 (stmt, 3, income->id);
  sqlite3_bind_int64 (stmt, 4, income->version);

  if (!jz_db_step_versioned (db, stmt, "incomes", income->id, error))
    return FALSE;

  income->person_id = person_id;
  return jz_audit_record_change (db, "incomes", income->id, "update", before, error);
}

/**
 * jz_income_update:
 *
 * Saves the kind and amount of @income if nobody changed or removed it
 * since it was read (its version); otherwise fails with
 * %JZ_DB_ERROR_CONFLICT naming who changed it and when. The person an
 * item belongs to does not change. On success the version is advanced.
 */
gboolean
jz_income_update (JzDb      *db,
                  JzIncome  *income,
                  GError   **error)
{
  g_return_val_if_fail (JZ_IS_DB (db), FALSE);
  g_return_val_if_fail (income != NULL, FALSE);

  if (!jz_income_check_kind (income->kind, error) ||
      !jz_income_check_amount (income->monthly_amount, error))
    return FALSE;

  if (!jz_user_check_person (db, JZ_PERMISSION_EDIT_FILES, income->person_id, error))
    return FALSE;

  if (!jz_db_write (db, update_cb, income, error))
    return FALSE;

  income->version++;
  return TRUE;
}

static gboolean
remove_cb (JzDb     *db,
           gpointer  user_data,
           GError  **error)
{
  const JzIncome *income = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *before = NULL;
  gint64 person_id;

  person_id = person_of (db, income->id, error);
  if (person_id == 0 || !check_active_member (db, person_id, error))
    return FALSE;

  before = jz_audit_snapshot (db, "incomes", income->id, error);
  if (before == NULL)
    {
      if (error == NULL || *error == NULL)
        jz_db_set_conflict_error (db, "incomes", income->id, error);
      return FALSE;
    }

  stmt = jz_db_prepare (db, "DELETE FROM incomes WHERE id = ? AND version = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, income->id);
  sqlite3_bind_int64 (stmt, 2, income->version);

  if (!jz_db_step_versioned (db, stmt, "incomes", income->id, error))
    return FALSE;

  /* The whole row goes into the log: it is all that is left of it. */
  return jz_audit_record_change (db, "incomes", income->id, "delete", before, error);
}

/**
 * jz_income_remove:
 * @income: the item as read: its id and version
 *
 * Removes an income item of an active member, if nobody changed it since
 * it was read; otherwise fails with %JZ_DB_ERROR_CONFLICT. The audit log
 * keeps the removed row.
 */
gboolean
jz_income_remove (JzDb            *db,
                  const JzIncome  *income,
                  GError         **error)
{
  g_return_val_if_fail (JZ_IS_DB (db), FALSE);
  g_return_val_if_fail (income != NULL, FALSE);

  if (!jz_user_check_person (db, JZ_PERMISSION_EDIT_FILES, income->person_id, error))
    return FALSE;

  return jz_db_write (db, remove_cb, (gpointer) income, error);
}

/**
 * jz_income_person_total:
 * @total: (out): the sum of the person's monthly income items, in fen
 */
gboolean
jz_income_person_total (JzDb        *db,
                        gint64       person_id,
                        gint64      *total,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (JZ_IS_DB (db), FALSE);
  g_return_val_if_fail (total != NULL, FALSE);

  stmt = jz_db_prepare (db, "SELECT coalesce (sum (monthly_amount), 0) FROM incomes WHERE person_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      jz_db_set_error (db, rc, error);
      return FALSE;
    }

  *total = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/**
 * jz_income_household_total:
 * @total: (out): the monthly income of the household's active members, in fen
 * @n_members: (out) (optional): how many active members it has
 *
 * Former members (moved out, died) count neither in the income nor in
 * the members.
 */
gboolean
jz_income_household_total (JzDb        *db,
                           gint64       household_id,
                           gint64      *total,
                           guint       *n_members,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (JZ_IS_DB (db), FALSE);
  g_return_val_if_fail (total != NULL, FALSE);

  stmt = jz_db_prepare (db,
                        "SELECT (SELECT coalesce (sum (i.monthly_amount), 0) FROM incomes i "
                        "        JOIN persons p ON p.id = i.person_id WHERE p.household_id = ?1 AND p.active = 1), "
                        "       (SELECT count(*) FROM persons WHERE household_id = ?1 AND active = 1)",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, household_id);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      jz_db_set_error (db, rc, error);
      return FALSE;
    }

  *total = sqlite3_column_int64 (stmt, 0);
  if (n_members != NULL)
    *n_members = (guint) sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

/**
 * jz_income_per_person:
 * @total: a household's monthly income in fen, from jz_income_household_total()
 * @n_members: its active members
 *
 * The monthly per-capita income (家庭月人均收入) that the dibao amount is
 * computed from. Rounding rule: rounded down to the whole fen, which is
 * C's integer division `total / members` for the non-negative amounts
 * stored; the benefit engine divides the same way, so that the figure a
 * clerk sees is the one the amount is computed from. Rounding down never
 * counts more income than the household has: the difference, under one
 * fen, falls to the applicant's side.
 *
 * Returns: the income per member in fen, 0 for a household without members
 */
gint64
jz_income_per_person (gint64 total,
                      guint  n_members)
{
  g_return_val_if_fail (total >= 0, 0);

  if (n_members == 0)
    return 0;

  return total / (gint64) n_members;
}
