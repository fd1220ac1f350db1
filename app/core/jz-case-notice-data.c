/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-benefit.h"
#include "jz-case-notice-data.h"
#include "jz-db-private.h"

/* The newest step's value wins: a later review replaces an earlier amount. */
#define NEWEST " ORDER BY on_date DESC, at DESC, id DESC LIMIT 1"

static void
line_free (gpointer data)
{
  JzCaseNoticeLine *line = data;

  g_free (line->label);
  g_free (line->formula);
  g_free (line);
}

void
jz_case_notice_data_free (JzCaseNoticeData *data)
{
  if (data == NULL)
    return;

  g_free (data->program);
  g_free (data->program_name_zh);
  g_free (data->status);
  g_free (data->applicant_name);
  g_free (data->village_name);
  g_free (data->township_name);
  g_free (data->applied_on);
  g_free (data->decided_on);
  g_free (data->starts_on);
  g_free (data->reason);
  g_clear_pointer (&data->lines, g_ptr_array_unref);
  g_free (data);
}

static void
set_damaged_error (GError **error)
{
  g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_FAILED,
                       _("The benefit breakdown saved with this case cannot be read; compute the benefit again before printing the notice."));
}

/* The words of a saved line: rendered now from its text and numbers,
 * else (a breakdown saved before they were kept) its saved words. */
static gboolean
line_words (sqlite3_stmt      *stmt,
            JzCaseNoticeLine  *line)
{
  const char *text = (const char *) sqlite3_column_text (stmt, 4);
  const char *args_text = (const char *) sqlite3_column_text (stmt, 5);
  gint64 args[JZ_BENEFIT_LINE_MAX_ARGS];
  guint n_args = 0;

  if (text != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (args_text != NULL ? args_text : "", " ", -1);

      if (sqlite3_column_int (stmt, 6) == 0)
        return FALSE;
      for (guint i = 0; parts[i] != NULL && *parts[i] != '\0'; i++)
        {
          if (n_args == JZ_BENEFIT_LINE_MAX_ARGS ||
              !g_ascii_string_to_signed (parts[i], 10, G_MININT64, G_MAXINT64, &args[n_args], NULL))
            return FALSE;
          n_args++;
        }
      if (jz_benefit_line_render (text, args, n_args, &line->label, &line->formula))
        return TRUE;
    }

  /* A text this version does not know: its saved words, if any. */
  line->label = jz_db_column_dup (stmt, 0);
  line->formula = jz_db_column_dup (stmt, 1);
  if (line->label == NULL && line->formula == NULL)
    return FALSE;
  if (line->label == NULL)
    line->label = g_strdup ("");
  if (line->formula == NULL)
    line->formula = g_strdup ("");
  return TRUE;
}

/**
 * jz_case_notice_parse_breakdown:
 * @json: a breakdown as jz_benefit_result_to_saved_json() writes it:
 *   {"total": fen, "lines": [{"text": …, "args": [whole numbers], "amount": fen}, …]};
 *   or, as saved before, with each line's "label" and "formula" in words
 * @lines: (out) (transfer full) (element-type JzCaseNoticeLine)
 *
 * Reads a breakdown with SQLite's JSON functions, and words each line in
 * the interface language.  Amounts must be whole numbers of fen; anything
 * else is refused rather than rounded.
 */
gboolean
jz_case_notice_parse_breakdown (JzDb        *db,
                                const char  *json,
                                gint64      *total,
                                GPtrArray  **lines,
                                GError     **error)
{
  g_autoptr(sqlite3_stmt) head = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  int rc;

  g_return_val_if_fail (JZ_IS_DB (db), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);

  head = jz_db_prepare (db,
                        "SELECT json_valid (?1) AND json_type (?1, '$.total') = 'integer'"
                        " AND coalesce (json_type (?1, '$.lines'), 'array') = 'array',"
                        " CASE WHEN json_valid (?1) THEN json_extract (?1, '$.total') END",
                        error);
  if (head == NULL)
    return FALSE;
  sqlite3_bind_text (head, 1, json, -1, SQLITE_STATIC);
  rc = sqlite3_step (head);
  if (rc != SQLITE_ROW)
    {
      jz_db_set_error (db, rc, error);
      return FALSE;
    }
  if (sqlite3_column_int (head, 0) == 0)
    {
      set_damaged_error (error);
      return FALSE;
    }

  /* Columns: label, formula, amount, well formed, text, args, args well formed. */
  stmt = jz_db_prepare (db,
                        "SELECT json_extract (l.value, '$.label'), json_extract (l.value, '$.formula'),"
                        " json_extract (l.value, '$.amount'),"
                        " l.type = 'object' AND json_type (l.value, '$.amount') = 'integer'"
                        " AND coalesce (json_type (l.value, '$.label'), 'text') = 'text'"
                        " AND coalesce (json_type (l.value, '$.formula'), 'text') = 'text'"
                        " AND coalesce (json_type (l.value, '$.text'), 'text') = 'text',"
                        " json_extract (l.value, '$.text'),"
                        " (SELECT group_concat (a.value, ' ') FROM json_each (l.value, '$.args') a),"
                        " coalesce (json_type (l.value, '$.args'), 'array') = 'array'"
                        " AND NOT EXISTS (SELECT 1 FROM json_each (l.value, '$.args') a WHERE a.type <> 'integer')"
                        " FROM json_each (?1, '$.lines') l ORDER BY l.key",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);

  list = g_ptr_array_new_with_free_func (line_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JzCaseNoticeLine *line;

      if (sqlite3_column_int (stmt, 3) == 0)
        {
          sqlite3_reset (stmt);
          set_damaged_error (error);
          return FALSE;
        }
      line = g_new0 (JzCaseNoticeLine, 1);
      line->amount = sqlite3_column_int64 (stmt, 2);
      g_ptr_array_add (list, line);
      if (!line_words (stmt, line))
        {
          sqlite3_reset (stmt);
          set_damaged_error (error);
          return FALSE;
        }
    }
  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return FALSE;
    }

  *total = sqlite3_column_int64 (head, 1);
  *lines = g_steal_pointer (&list);
  return TRUE;
}

static gboolean
read_breakdown (JzDb              *db,
                JzCaseNoticeData  *data,
                GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  int rc;

  stmt = jz_db_prepare (db,
                        "SELECT breakdown FROM case_history WHERE case_id = ? AND breakdown IS NOT NULL" NEWEST,
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->case_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    {
      jz_db_set_error (db, rc, error);
      return FALSE;
    }

  if (!jz_case_notice_parse_breakdown (db, (const char *) sqlite3_column_text (stmt, 0),
                                       &data->breakdown_total, &lines, error))
    return FALSE;

  g_ptr_array_extend_and_steal (data->lines, g_steal_pointer (&lines));
  data->has_breakdown = TRUE;
  return TRUE;
}

/**
 * jz_case_notice_data_get:
 *
 * Returns: (transfer full): what the notice of case @case_id prints, or
 *   %NULL with %JZ_DB_ERROR_NOT_FOUND when there is no such case
 */
JzCaseNoticeData *
jz_case_notice_data_get (JzDb    *db,
                         gint64   case_id,
                         GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JzCaseNoticeData) data = NULL;
  int rc;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  stmt = jz_db_prepare (db,
                        "SELECT c.id, c.program, g.name_zh, c.status, coalesce (p.name, head.name),"
                        " v.name, t.name, c.applied_on,"
                        " coalesce (c.decided_on, (SELECT on_date FROM case_history"
                        "   WHERE case_id = c.id AND status IN ('approved', 'rejected')" NEWEST ")),"
                        " c.starts_on,"
                        " coalesce (nullif (trim (c.reason), ''), (SELECT nullif (trim (note), '') FROM case_history"
                        "   WHERE case_id = c.id AND status = 'rejected'" NEWEST ")),"
                        " c.persons, c.monthly_amount"
                        " FROM cases c"
                        " JOIN programs g ON g.code = c.program"
                        " JOIN households h ON h.id = c.household_id"
                        " LEFT JOIN persons p ON p.id = c.person_id"
                        " LEFT JOIN persons head ON head.id = h.head_person_id"
                        " LEFT JOIN regions v ON v.id = h.region_id"
                        " LEFT JOIN regions t ON t.id = v.parent_id"
                        " WHERE c.id = ?",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_NOT_FOUND,
                           _("This case is no longer in the database."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      jz_db_set_error (db, rc, error);
      return NULL;
    }

  data = g_new0 (JzCaseNoticeData, 1);
  data->case_id = sqlite3_column_int64 (stmt, 0);
  data->program = jz_db_column_dup (stmt, 1);
  data->program_name_zh = jz_db_column_dup (stmt, 2);
  data->status = jz_db_column_dup (stmt, 3);
  data->applicant_name = jz_db_column_dup (stmt, 4);
  data->village_name = jz_db_column_dup (stmt, 5);
  data->township_name = jz_db_column_dup (stmt, 6);
  data->applied_on = jz_db_column_dup (stmt, 7);
  data->decided_on = jz_db_column_dup (stmt, 8);
  data->starts_on = jz_db_column_dup (stmt, 9);
  data->reason = jz_db_column_dup (stmt, 10);
  data->persons = sqlite3_column_int (stmt, 11);
  data->monthly_amount = sqlite3_column_int64 (stmt, 12);
  data->lines = g_ptr_array_new_with_free_func (line_free);

  if (!read_breakdown (db, data, error))
    return NULL;

  return g_steal_pointer (&data);
}
