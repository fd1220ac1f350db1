/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jz-audit.h"
#include "jz-db-private.h"
#include "jz-standard-private.h"

G_DEFINE_QUARK (jz-standard-error-quark, jz_standard_error)

#define STANDARD_COLUMNS \
  "s.id, s.kind, s.hukou, coalesce (s.region_id, 0), r.name, coalesce (s.amount, s.rate_bp), " \
  "s.effective_from, s.created_at, s.created_by, s.note, s.version"
#define STANDARD_FROM \
  " FROM standards s LEFT JOIN regions r ON r.id = s.region_id "
/* The key of a row: a NULL hukou or township compares equal to NULL. */
#define SAME_KEY \
  "s.kind = ?1 AND s.hukou IS ?2 AND s.region_id IS ?3"

/* ---- rows ----------------------------------------------------------- */

JzStandard *
jz_standard_new (void)
{
  JzStandard *standard = g_new0 (JzStandard, 1);

  standard->note = g_strdup ("");
  return standard;
}

JzStandard *
jz_standard_copy (const JzStandard *standard)
{
  JzStandard *copy;

  g_return_val_if_fail (standard != NULL, NULL);

  copy = g_memdup2 (standard, sizeof *standard);
  copy->township_name = g_strdup (standard->township_name);
  copy->effective_from = g_strdup (standard->effective_from);
  copy->created_at = g_strdup (standard->created_at);
  copy->created_by = g_strdup (standard->created_by);
  copy->note = g_strdup (standard->note);
  return copy;
}

void
jz_standard_free (JzStandard *standard)
{
  if (standard == NULL)
    return;

  g_free (standard->township_name);
  g_free (standard->effective_from);
  g_free (standard->created_at);
  g_free (standard->created_by);
  g_free (standard->note);
  g_free (standard);
}

/* A row of STANDARD_COLUMNS, or NULL for a kind this program does not know. */
static JzStandard *
standard_from_row (sqlite3_stmt *stmt)
{
  JzStandard *standard;
  JzStandardKind kind;
  JzStandardHukou hukou;

  if (!jz_standard_kind_from_code ((const char *) sqlite3_column_text (stmt, 1), &kind) ||
      !jz_standard_hukou_from_code ((const char *) sqlite3_column_text (stmt, 2), &hukou))
    return NULL;

  standard = g_new0 (JzStandard, 1);
  standard->id = sqlite3_column_int64 (stmt, 0);
  standard->kind = kind;
  standard->hukou = hukou;
  standard->township_id = sqlite3_column_int64 (stmt, 3);
  standard->township_name = jz_db_column_dup (stmt, 4);
  standard->value = sqlite3_column_int64 (stmt, 5);
  standard->effective_from = jz_db_column_dup (stmt, 6);
  standard->created_at = jz_db_column_dup (stmt, 7);
  standard->created_by = jz_db_column_dup (stmt, 8);
  standard->note = jz_db_column_dup (stmt, 9);
  standard->version = sqlite3_column_int64 (stmt, 10);
  return standard;
}

static void
bind_key (sqlite3_stmt    *stmt,
          JzStandardKind   kind,
          JzStandardHukou  hukou,
          gint64           township_id)
{
  const char *hukou_code = jz_standard_hukou_code (hukou);

  sqlite3_bind_text (stmt, 1, jz_standard_kind_code (kind), -1, SQLITE_STATIC);
  if (hukou_code != NULL)
    sqlite3_bind_text (stmt, 2, hukou_code, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 2);
  if (township_id > 0)
    sqlite3_bind_int64 (stmt, 3, township_id);
  else
    sqlite3_bind_null (stmt, 3);
}

/* Strictly YYYY-MM-DD and a day of the calendar. */
static gboolean
valid_date (const char *text)
{
  guint y = 0, m = 0, d = 0;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (int k = 0; k < 10; k++)
    {
      if (k == 4 || k == 7)
        continue;
      if (!g_ascii_isdigit (text[k]))
        return FALSE;
      if (k < 4)
        y = y * 10 + (guint) (text[k] - '0');
      else if (k < 7)
        m = m * 10 + (guint) (text[k] - '0');
      else
        d = d * 10 + (guint) (text[k] - '0');
    }

  return y >= 1 && g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

static gboolean
check_date (const char  *text,
            GError     **error)
{
  if (valid_date (text))
    return TRUE;

  g_set_error_literal (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_DATE,
                       _("Give the date as YYYY-MM-DD, for example 2026-07-01."));
  return FALSE;
}

/* For reading, a hukou is ignored for a kind that has none, and needed
 * for a kind that has one. */
static gboolean
lookup_hukou (JzStandardKind    kind,
              JzStandardHukou  *hukou,
              GError          **error)
{
  if (!jz_standard_kind_by_hukou (kind))
    {
      *hukou = JZ_STANDARD_HUKOU_ANY;
      return TRUE;
    }
  if (*hukou != JZ_STANDARD_HUKOU_ANY)
    return TRUE;

  g_set_error (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_HUKOU,
               _("“%s” differs between urban and rural hukou; choose one."), jz_standard_kind_label (kind));
  return FALSE;
}

static void
set_missing_error (JzStandardKind    kind,
                   JzStandardHukou   hukou,
                   const char       *on_date,
                   GError          **error)
{
  if (jz_standard_kind_by_hukou (kind) && hukou == JZ_STANDARD_HUKOU_URBAN)
    g_set_error (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_MISSING,
                 _("No urban value of “%s” (%s) is in force on %s; add one in Settings → Standards."),
                 jz_standard_kind_label (kind), jz_standard_kind_code (kind), on_date);
  else if (jz_standard_kind_by_hukou (kind))
    g_set_error (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_MISSING,
                 _("No rural value of “%s” (%s) is in force on %s; add one in Settings → Standards."),
                 jz_standard_kind_label (kind), jz_standard_kind_code (kind), on_date);
  else
    g_set_error (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_MISSING,
                 _("No value of “%s” (%s) is in force on %s; add one in Settings → Standards."),
                 jz_standard_kind_label (kind), jz_standard_kind_code (kind), on_date);
}

/**
 * jz_standard_find:
 * @hukou: urban or rural for a kind by hukou; ignored otherwise
 * @township_id: the township whose own values count first, 0 for none
 *
 * The row in force on @on_date: a row of the township wins over one of the
 * whole district, whatever their dates, because a township's own value is
 * a deliberate exception; among rows of the same level the latest
 * effective_from on or before @on_date wins.  A township goes back to the
 * district's value only by a new row of its own.
 *
 * Returns: (transfer full) (nullable): the row, or %NULL with @error unset
 *   when none is in force
 */
JzStandard *
jz_standard_find (JzDb             *db,
                  JzStandardKind    kind,
                  JzStandardHukou   hukou,
                  gint64            township_id,
                  const char       *on_date,
                  GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);
  g_return_val_if_fail (jz_standard_kind_valid (kind), NULL);

  if (!check_date (on_date, error) || !lookup_hukou (kind, &hukou, error))
    return NULL;

  stmt = jz_db_prepare (db,
                        "SELECT " STANDARD_COLUMNS STANDARD_FROM
                        "WHERE s.kind = ?1 AND s.hukou IS ?2 AND (s.region_id IS NULL OR s.region_id = ?3) "
                        "  AND s.effective_from <= ?4 "
                        "ORDER BY s.region_id IS NULL, s.effective_from DESC LIMIT 1",
                        error);
  if (stmt == NULL)
    return NULL;
  bind_key (stmt, kind, hukou, township_id);
  sqlite3_bind_text (stmt, 4, on_date, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return standard_from_row (stmt);
  if (rc != SQLITE_DONE)
    jz_db_set_error (db, rc, error);

  return NULL;
}

/**
 * jz_standard_value_at:
 *
 * The value of jz_standard_find(), or %JZ_STANDARD_ERROR_MISSING naming
 * the kind and the date when none is in force.
 */
gboolean
jz_standard_value_at (JzDb             *db,
                      JzStandardKind    kind,
                      JzStandardHukou   hukou,
                      gint64            township_id,
                      const char       *on_date,
                      gint64           *value,
                      GError          **error)
{
  g_autoptr(JzStandard) standard = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (value != NULL, FALSE);

  standard = jz_standard_find (db, kind, hukou, township_id, on_date, &local_error);
  if (standard == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        set_missing_error (kind, hukou, on_date, error);
      return FALSE;
    }

  *value = standard->value;
  return TRUE;
}

/**
 * jz_standard_get_exact:
 *
 * Returns: (transfer full) (nullable): the row of exactly this kind,
 *   hukou, township and date, or %NULL with @error unset when there is none
 */
JzStandard *
jz_standard_get_exact (JzDb             *db,
                       JzStandardKind    kind,
                       JzStandardHukou   hukou,
                       gint64            township_id,
                       const char       *effective_from,
                       GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);
  g_return_val_if_fail (jz_standard_kind_valid (kind), NULL);

  stmt = jz_db_prepare (db,
                        "SELECT " STANDARD_COLUMNS STANDARD_FROM
                        "WHERE " SAME_KEY " AND s.effective_from = ?4",
                        error);
  if (stmt == NULL)
    return NULL;
  bind_key (stmt, kind, hukou, township_id);
  sqlite3_bind_text (stmt, 4, effective_from, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return standard_from_row (stmt);
  if (rc != SQLITE_DONE)
    jz_db_set_error (db, rc, error);

  return NULL;
}

static GPtrArray *
list_rows (JzDb          *db,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) jz_standard_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JzStandard *standard = standard_from_row (stmt);

      if (standard != NULL)
        g_ptr_array_add (list, standard);
    }

  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&list);
}

#define LIST_ORDER \
  " ORDER BY k.sort_order, CASE s.hukou WHEN 'urban' THEN 0 WHEN 'rural' THEN 1 ELSE 2 END, " \
  "          s.region_id IS NOT NULL, r.code"

/**
 * jz_standard_list_at:
 *
 * Returns: (transfer full) (element-type JzStandard): for every kind,
 *   hukou and township that has a value on @on_date, the row in force,
 *   district rows before township rows, in the order of the kinds
 */
GPtrArray *
jz_standard_list_at (JzDb        *db,
                     const char  *on_date,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  if (!check_date (on_date, error))
    return NULL;

  stmt = jz_db_prepare (db,
                        "SELECT " STANDARD_COLUMNS STANDARD_FROM
                        "JOIN standard_kinds k ON k.code = s.kind "
                        "WHERE s.effective_from = (SELECT max (t.effective_from) FROM standards t "
                        "                          WHERE t.kind = s.kind AND t.hukou IS s.hukou "
                        "                            AND t.region_id IS s.region_id AND t.effective_from <= ?1)"
                        LIST_ORDER,
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, on_date, -1, SQLITE_STATIC);

  return list_rows (db, stmt, error);
}

/**
 * jz_standard_history:
 *
 * Returns: (transfer full) (element-type JzStandard): every row of @kind,
 *   by hukou and township, oldest first
 */
GPtrArray *
jz_standard_history (JzDb            *db,
                     JzStandardKind   kind,
                     GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);
  g_return_val_if_fail (jz_standard_kind_valid (kind), NULL);

  stmt = jz_db_prepare (db,
                        "SELECT " STANDARD_COLUMNS STANDARD_FROM
                        "JOIN standard_kinds k ON k.code = s.kind WHERE s.kind = ?1"
                        LIST_ORDER ", s.effective_from",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, jz_standard_kind_code (kind), -1, SQLITE_STATIC);

  return list_rows (db, stmt, error);
}

/* ---- writing -------------------------------------------------------- */

typedef struct
{
  JzStandard   *standard;
  const JzUser *user;
} SetData;

static gboolean
check_township (JzDb        *db,
                gint64       township_id,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (township_id == 0)
    return TRUE;

  stmt = jz_db_prepare (db, "SELECT level = 'township' FROM regions WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, township_id);

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

static void
bind_value (sqlite3_stmt     *stmt,
            int               amount_column,
            const JzStandard *standard)
{
  if (jz_standard_kind_unit (standard->kind) == JZ_STANDARD_UNIT_BP)
    {
      sqlite3_bind_null (stmt, amount_column);
      sqlite3_bind_int64 (stmt, amount_column + 1, standard->value);
    }
  else
    {
      sqlite3_bind_int64 (stmt, amount_column, standard->value);
      sqlite3_bind_null (stmt, amount_column + 1);
    }
}

static gboolean
insert_row (JzDb        *db,
            SetData     *data,
            GError     **error)
{
  JzStandard *standard = data->standard;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *by;

  stmt = jz_db_prepare (db,
                        "INSERT INTO standards (kind, hukou, region_id, amount, rate_bp, effective_from, "
                        "                       created_at, created_by, note) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'), ?7, ?8)",
                        error);
  if (stmt == NULL)
    return FALSE;

  by = data->user != NULL ? data->user->name : jz_db_get_user_name (db);
  bind_key (stmt, standard->kind, standard->hukou, standard->township_id);
  bind_value (stmt, 4, standard);
  sqlite3_bind_text (stmt, 6, standard->effective_from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, by != NULL ? by : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, standard->note != NULL ? standard->note : "", -1, SQLITE_STATIC);

  if (!jz_db_step_done (db, stmt, error))
    return FALSE;

  standard->id = sqlite3_last_insert_rowid (jz_db_get_handle (db));
  standard->version = 1;
  return jz_audit_record_change (db, "standards", standard->id, "insert", NULL, error);
}

static gboolean
update_row (JzDb        *db,
            SetData     *data,
            JzStandard  *existing,
            GError     **error)
{
  JzStandard *standard = data->standard;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *before = NULL;

  before = jz_audit_snapshot (db, "standards", existing->id, error);
  if (before == NULL)
    return FALSE;

  stmt = jz_db_prepare (db,
                        "UPDATE standards SET amount = ?1, rate_bp = ?2, note = ?3, version = version + 1 "
                        "WHERE id = ?4 AND version = ?5",
                        error);
  if (stmt == NULL)
    return FALSE;

  bind_value (stmt, 1, standard);
  sqlite3_bind_text (stmt, 3, standard->note != NULL ? standard->note : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, standard->id);
  sqlite3_bind_int64 (stmt, 5, standard->version);

  if (!jz_db_step_versioned (db, stmt, "standards", standard->id, error))
    return FALSE;

  standard->version++;
  return jz_audit_record_change (db, "standards", standard->id, "update", before, error);
}

static gboolean
set_cb (JzDb     *db,
        gpointer  user_data,
        GError  **error)
{
  SetData *data = user_data;
  JzStandard *standard = data->standard;
  g_autoptr(JzStandard) existing = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!check_township (db, standard->township_id, error))
    return FALSE;

  existing = jz_standard_get_exact (db, standard->kind, standard->hukou, standard->township_id,
                                    standard->effective_from, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (standard->id == 0)
    {
      if (existing != NULL)
        {
          g_set_error (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_EXISTS,
                       _("“%s” already has a value from %s; change that value instead of adding another."),
                       jz_standard_kind_label (standard->kind), standard->effective_from);
          return FALSE;
        }
      return insert_row (db, data, error);
    }

  /* The key of a row never changes: a value for another date is a new
   * row, so that the value in force before stays what it was. */
  if (existing == NULL || existing->id != standard->id)
    {
      g_autoptr(sqlite3_stmt) stmt = jz_db_prepare (db, "SELECT 1 FROM standards WHERE id = ?", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, standard->id);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          jz_db_set_conflict_error (db, "standards", standard->id, error);
          return FALSE;
        }

      g_set_error_literal (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_EXISTS,
                           _("The kind, hukou, township and date of a standard cannot be changed; add a new value from the new date instead."));
      return FALSE;
    }

  return update_row (db, data, existing, error);
}

/**
 * jz_standard_set:
 * @user: (nullable): who sets it; %NULL in single-user mode
 * @standard: with id 0, a new dated row; with the id and version of the
 *   row of the same kind, hukou, township and date, its new value and note
 *
 * Appends a value from standard->effective_from on, or replaces the value
 * of a row if nobody changed it since it was read (its version), with the
 * audit entry in the same transaction.  Needs %JZ_PERMISSION_STANDARDS.
 * A kind by hukou needs urban or rural; a kind without one takes none.
 * Values that were decided or paid are kept on the cases, so a new value
 * changes nothing already decided.  On success id and version are set.
 */
gboolean
jz_standard_set (JzDb          *db,
                 const JzUser  *user,
                 JzStandard    *standard,
                 GError       **error)
{
  SetData data = { standard, user };
  gint64 max;

  g_return_val_if_fail (JZ_IS_DB (db), FALSE);
  g_return_val_if_fail (standard != NULL, FALSE);

  if (!jz_user_check (user, JZ_PERMISSION_STANDARDS, 0, error))
    return FALSE;

  if (!jz_standard_kind_valid (standard->kind))
    {
      g_set_error_literal (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_KIND,
                           _("Choose the kind of standard from the list."));
      return FALSE;
    }

  if (jz_standard_kind_by_hukou (standard->kind) && standard->hukou == JZ_STANDARD_HUKOU_ANY)
    {
      g_set_error (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_HUKOU,
                   _("“%s” differs between urban and rural hukou; choose one."),
                   jz_standard_kind_label (standard->kind));
      return FALSE;
    }
  if (!jz_standard_kind_by_hukou (standard->kind) && standard->hukou != JZ_STANDARD_HUKOU_ANY)
    {
      g_set_error (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_HUKOU,
                   _("“%s” is the same for urban and rural hukou; set it without one."),
                   jz_standard_kind_label (standard->kind));
      return FALSE;
    }

  max = jz_standard_kind_max (standard->kind);
  if (standard->value < 0 || standard->value > max)
    {
      g_autofree char *text = jz_standard_format_value (standard->kind, max);

      g_set_error (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_VALUE,
                   _("The value of “%s” must be between 0 and %s."),
                   jz_standard_kind_label (standard->kind), text);
      return FALSE;
    }

  if (!check_date (standard->effective_from, error))
    return FALSE;

  return jz_db_write (db, set_cb, &data, error);
}

/* ---- the resolved set ----------------------------------------------- */

void
jz_standard_values_init (JzStandardValues *values,
                         JzStandardHukou   hukou)
{
  g_return_if_fail (values != NULL);

  memset (values, 0, sizeof *values);
  values->hukou = hukou;
}

/* Puts a value as if it were in force; the dibao standard of an urban set
 * is also its urban dibao standard. */
void
jz_standard_values_put (JzStandardValues *values,
                        JzStandardKind    kind,
                        gint64            value)
{
  g_return_if_fail (values != NULL);
  g_return_if_fail (jz_standard_kind_valid (kind));

  values->value[kind] = value;
  values->present |= G_GUINT64_CONSTANT (1) << kind;
  if (kind == JZ_STANDARD_DIBAO && values->hukou == JZ_STANDARD_HUKOU_URBAN)
    {
      values->has_urban_dibao = TRUE;
      values->urban_dibao = value;
    }
}

gboolean
jz_standard_values_has (const JzStandardValues *values,
                        JzStandardKind          kind)
{
  g_return_val_if_fail (values != NULL, FALSE);
  g_return_val_if_fail (jz_standard_kind_valid (kind), FALSE);

  return (values->present & (G_GUINT64_CONSTANT (1) << kind)) != 0;
}

/**
 * jz_standard_values_need:
 * @on_date: the date @values were resolved for, named in the error
 *
 * The value of @kind in @values, or %JZ_STANDARD_ERROR_MISSING naming the
 * kind and the date, as jz_standard_value_at() says it.
 */
gboolean
jz_standard_values_need (const JzStandardValues  *values,
                         JzStandardKind           kind,
                         const char              *on_date,
                         gint64                  *value,
                         GError                 **error)
{
  g_return_val_if_fail (values != NULL, FALSE);
  g_return_val_if_fail (jz_standard_kind_valid (kind), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (!jz_standard_values_has (values, kind))
    {
      set_missing_error (kind, values->hukou, on_date, error);
      return FALSE;
    }

  *value = values->value[kind];
  return TRUE;
}

/**
 * jz_standard_values_resolve:
 * @hukou: urban or rural; or %JZ_STANDARD_HUKOU_ANY for the kinds that
 *   do not differ by hukou only, e.g. the workflow's deadlines
 * @township_id: 0 for none
 *
 * Fills @values with every standard in force on @on_date for @hukou and
 * the township, by the rule of jz_standard_find(), in one query.  A kind
 * with no value in force is left out, not an error: the engine says which
 * one it missed when it needs it.
 */
gboolean
jz_standard_values_resolve (JzDb              *db,
                            const char        *on_date,
                            JzStandardHukou    hukou,
                            gint64             township_id,
                            JzStandardValues  *values,
                            GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *hukou_code = jz_standard_hukou_code (hukou);
  int rc;

  g_return_val_if_fail (JZ_IS_DB (db), FALSE);
  g_return_val_if_fail (values != NULL, FALSE);

  if (!check_date (on_date, error))
    return FALSE;

  jz_standard_values_init (values, hukou);

  /* The first row of each kind and hukou is the one in force. */
  stmt = jz_db_prepare (db,
                        "SELECT s.kind, s.hukou, coalesce (s.amount, s.rate_bp) "
                        "FROM standards s JOIN standard_kinds k ON k.code = s.kind "
                        "WHERE s.effective_from <= ?1 AND (s.region_id IS NULL OR s.region_id = ?3) "
                        "  AND CASE k.by_hukou WHEN 0 THEN s.hukou IS NULL "
                        "      ELSE s.hukou = ?2 OR (s.kind = 'dibao' AND s.hukou = 'urban') END "
                        "ORDER BY s.kind, s.hukou, s.region_id IS NULL, s.effective_from DESC",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, on_date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, hukou_code, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, township_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *row_hukou = (const char *) sqlite3_column_text (stmt, 1);
      gint64 value = sqlite3_column_int64 (stmt, 2);
      JzStandardKind kind;

      if (!jz_standard_kind_from_code ((const char *) sqlite3_column_text (stmt, 0), &kind))
        continue;

      if (g_strcmp0 (row_hukou, hukou_code) == 0 || row_hukou == NULL)
        {
          if (!jz_standard_values_has (values, kind))
            jz_standard_values_put (values, kind, value);
        }
      else if (kind == JZ_STANDARD_DIBAO && !values->has_urban_dibao)
        {
          values->has_urban_dibao = TRUE;
          values->urban_dibao = value;
        }
    }

  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return FALSE;
    }

  return TRUE;
}
