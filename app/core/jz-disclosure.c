/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The disclosure lists (公示): who is on them, with what, and the record of
 * every list produced.  See jz-disclosure.h for the rules. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "jz-benefit.h"
#include "jz-calendar.h"
#include "jz-db-private.h"
#include "jz-disclosure.h"
#include "jz-labels.h"
#include "jz-office.h"

G_DEFINE_QUARK (jz-disclosure-error-quark, jz_disclosure_error)

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, JZ_DISCLOSURE_ERROR, JZ_DISCLOSURE_ERROR_INVALID, message);
  return FALSE;
}

/* ---- records ---------------------------------------------------------------- */

JzDisclosureQuery *
jz_disclosure_query_new (JzDb    *db,
                         GError **error)
{
  g_autoptr(JzDisclosureQuery) query = g_new0 (JzDisclosureQuery, 1);
  g_autofree char *partial = NULL;
  g_autofree char *mask = NULL;
  g_autofree char *remarks = NULL;
  g_autofree char *today = jz_today ();

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  query->programs = g_new0 (char *, 1);
  query->month = g_strndup (today, 7);
  partial = jz_office_get (db, JZ_OFFICE_DISCLOSURE_PARTIAL_ID, NULL, error);
  mask = partial != NULL ? jz_office_get (db, JZ_OFFICE_DISCLOSURE_MASK_NAMES, NULL, error) : NULL;
  remarks = mask != NULL ? jz_office_get (db, JZ_OFFICE_DISCLOSURE_REMARKS, NULL, error) : NULL;
  if (remarks == NULL)
    return NULL;

  if (!jz_office_parse_partial_id (partial, &query->id_head, &query->id_tail))
    query->id_head = query->id_tail = 0;
  query->mask_names = g_str_equal (mask, "1");
  query->remarks = g_str_equal (remarks, "1");
  return g_steal_pointer (&query);
}

JzDisclosureQuery *
jz_disclosure_query_copy (const JzDisclosureQuery *query)
{
  JzDisclosureQuery *copy;

  g_return_val_if_fail (query != NULL, NULL);

  copy = g_memdup2 (query, sizeof *query);
  copy->programs = g_strdupv (query->programs);
  copy->month = g_strdup (query->month);
  copy->notice_from = g_strdup (query->notice_from);
  copy->notice_to = g_strdup (query->notice_to);
  return copy;
}

void
jz_disclosure_query_free (JzDisclosureQuery *query)
{
  if (query == NULL)
    return;
  g_strfreev (query->programs);
  g_free (query->month);
  g_free (query->notice_from);
  g_free (query->notice_to);
  g_free (query);
}

void
jz_disclosure_row_free (JzDisclosureRow *row)
{
  if (row == NULL)
    return;
  g_free (row->township_name);
  g_free (row->village_name);
  g_free (row->name);
  g_free (row->program);
  g_free (row->id_partial);
  g_free (row->remark);
  g_free (row->place_key);
  g_free (row);
}

void
jz_disclosure_list_free (JzDisclosureList *list)
{
  if (list == NULL)
    return;
  jz_disclosure_query_free (list->query);
  g_free (list->title);
  g_free (list->period);
  g_free (list->office);
  g_free (list->complaint_phone);
  g_free (list->region_name);
  g_clear_pointer (&list->rows, g_ptr_array_unref);
  g_free (list);
}

void
jz_disclosure_record_free (JzDisclosureRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->at);
  g_free (record->user_name);
  g_free (record->format);
  g_free (record->choices);
  g_free (record);
}

/* ---- masks ---------------------------------------------------------------------- */

char *
jz_disclosure_mask_id (const char *id_number,
                       guint       head,
                       guint       tail)
{
  gsize len = id_number != NULL ? strlen (id_number) : 0;
  GString *out;

  if (len == 0 || head + tail >= len)
    return g_strnfill (len > 0 ? len : 18, '*');

  out = g_string_new_len (id_number, head);
  for (gsize i = head; i < len - tail; i++)
    g_string_append_c (out, '*');
  g_string_append (out, id_number + len - tail);
  return g_string_free (out, FALSE);
}

/* The compound surnames one meets; any other name keeps one character. */
static const char * const compound_surnames[] = {
  "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙",
  "宇文", "司徒", "夏侯", "令狐", "端木", "西门", "南宫", "独孤", "轩辕", "万俟",
};

char *
jz_disclosure_mask_name (const char *name)
{
  glong chars;
  glong kept = 1;
  GString *out;

  if (name == NULL || *name == '\0')
    return g_strdup ("");

  chars = g_utf8_strlen (name, -1);
  for (guint i = 0; i < G_N_ELEMENTS (compound_surnames); i++)
    if (g_str_has_prefix (name, compound_surnames[i]) && chars > 2)
      kept = 2;
  if (chars <= 1)
    return g_strdup (name);

  out = g_string_new_len (name, g_utf8_offset_to_pointer (name, kept) - name);
  for (glong i = kept; i < chars; i++)
    g_string_append (out, "*");
  return g_string_free (out, FALSE);
}

const char *
jz_disclosure_remark_label (const char *remark)
{
  if (g_strcmp0 (remark, "new") == 0)
    return C_("disclosure remark", "New application");
  if (g_strcmp0 (remark, "ended") == 0)
    return C_("disclosure remark", "Support ended");
  return remark != NULL ? remark : "";
}

/* ---- building ------------------------------------------------------------------ */

/* The first and last day of "YYYY-MM". */
static gboolean
month_bounds (const char  *month,
              char       **first,
              char       **last)
{
  g_autofree char *day = NULL;
  GDate date;

  if (month == NULL || strlen (month) != 7)
    return FALSE;
  day = g_strconcat (month, "-01", NULL);
  if (!jz_calendar_parse_date (day, &date))
    return FALSE;
  *first = g_steal_pointer (&day);
  g_date_set_day (&date, g_date_get_days_in_month (g_date_get_month (&date), g_date_get_year (&date)));
  *last = jz_calendar_format_date (&date);
  return TRUE;
}

static char *
programs_json (GStrv programs)
{
  GString *out = g_string_new ("[");

  for (guint i = 0; programs != NULL && programs[i] != NULL; i++)
    g_string_append_printf (out, "%s\"%s\"", i > 0 ? ", " : "", programs[i]);
  g_string_append_c (out, ']');
  return g_string_free (out, FALSE);
}

static gboolean
check_query (JzDb                     *db,
             const JzDisclosureQuery  *q,
             GError                  **error)
{
  if (q->programs == NULL || q->programs[0] == NULL)
    return invalid (error, _("Choose at least one program for the list."));
  for (guint i = 0; q->programs[i] != NULL; i++)
    if (!jz_benefit_program_from_code (q->programs[i], NULL))
      return invalid (error, _("A program of the list is not one of the programs; choose it from the list."));

  if (q->kind == JZ_DISCLOSURE_LONGTERM)
    {
      g_autofree char *first = NULL, *last = NULL;

      if (!month_bounds (q->month, &first, &last))
        return invalid (error, _("Give the month of the list as year-month, e.g. 2026-06."));
    }
  else if (!jz_calendar_parse_date (q->notice_from, NULL) || !jz_calendar_parse_date (q->notice_to, NULL))
    return invalid (error, _("Give the first and the last day of the notice as year-month-day, e.g. 2026-06-01."));
  else if (g_strcmp0 (q->notice_to, q->notice_from) < 0)
    return invalid (error, _("The notice ends after it starts."));

  if (q->id_head + q->id_tail > 10)
    return invalid (error, _("A list shows 10 characters of an ID number at most."));
  return TRUE;
}

/* The region's level and name, and its township for a village. */
static gboolean
region_of (JzDb        *db,
           gint64       region_id,
           char       **level,
           char       **name,
           gint64      *township_id,
           char       **township_name,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = jz_db_prepare (db,
                        "SELECT r.level, r.name, CASE r.level WHEN 'village' THEN r.parent_id WHEN 'township' THEN r.id "
                        "ELSE 0 END, coalesce (t.name, '') FROM regions r LEFT JOIN regions t ON t.id = r.parent_id "
                        "AND r.level = 'village' WHERE r.id = ?",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, region_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return invalid (error, _("The place of the list is no longer in the database; choose it again."));
  *level = jz_db_column_dup (stmt, 0);
  *name = jz_db_column_dup (stmt, 1);
  *township_id = sqlite3_column_int64 (stmt, 2);
  *township_name = jz_db_column_dup (stmt, 3);
  return TRUE;
}

/* Cases of the programs and the place, with the household's village and
 * township and the name and ID number of the person the case is for (the
 * head for a household's case).  :region is 0, a township or a village. */
#define CASE_ROWS \
  "SELECT t.id, t.name, v.id, v.name, coalesce (p.name, hp.name, ''), c.program, c.persons, " \
  "       c.monthly_amount, coalesce (p.id_number, hp.id_number, ''), c.id, c.notice_from, " \
  "       t.code || '/' || v.code " \
  "FROM cases c JOIN households h ON h.id = c.household_id JOIN regions v ON v.id = h.region_id " \
  "JOIN regions t ON t.id = v.parent_id JOIN programs g ON g.code = c.program " \
  "LEFT JOIN persons p ON p.id = c.person_id LEFT JOIN persons hp ON hp.id = h.head_person_id " \
  "WHERE c.program IN (SELECT value FROM json_each (:programs)) " \
  "  AND (:region = 0 OR v.id = :region OR t.id = :region) "

#define ORDER \
  " ORDER BY t.code, v.code, g.sort_order, 5, c.id"

/* In payment during the month: started by its end, not ended before its
 * first day; the person alive and the file open on that day. */
#define LONGTERM_SQL CASE_ROWS \
  "  AND c.starts_on <= :last " \
  "  AND (c.status = 'active' OR (c.status = 'terminated' AND c.ended_on >= :first)) " \
  "  AND NOT (coalesce (p.left_reason, '') = 'died' AND p.left_on < :first) " \
  "  AND NOT (p.id IS NULL AND coalesce (hp.left_reason, '') = 'died' AND hp.left_on < :first) " \
  "  AND (h.status = 'open' OR h.closed_on >= :first) " \
  ORDER

/* Noticed in the period. */
#define NOTICE_NEW_SQL CASE_ROWS \
  "  AND c.notice_from IS NOT NULL AND c.notice_from <= :last AND c.notice_to >= :first " \
  "  AND c.status NOT IN ('withdrawn', 'draft') " \
  ORDER

/* Ended in the period. */
#define NOTICE_ENDED_SQL CASE_ROWS \
  "  AND c.status = 'terminated' AND c.ended_on BETWEEN :first AND :last " \
  ORDER

/* The rows of one statement, with @remark ("new", "ended" or NULL). */
static gboolean
read_part (JzDb                     *db,
           const JzDisclosureQuery  *q,
           const char               *sql,
           gint64                    region_id,
           const char               *first,
           const char               *last,
           const char               *remark,
           GPtrArray                *rows,
           GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *programs = programs_json (q->programs);
  int rc;

  stmt = jz_db_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":programs"), programs, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":region"), region_id);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":first"), first, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":last"), last, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JzDisclosureRow *row = g_new0 (JzDisclosureRow, 1);
      const char *name = (const char *) sqlite3_column_text (stmt, 4);
      const char *id_number = (const char *) sqlite3_column_text (stmt, 8);

      row->township_id = sqlite3_column_int64 (stmt, 0);
      row->township_name = jz_db_column_dup (stmt, 1);
      row->village_id = sqlite3_column_int64 (stmt, 2);
      row->village_name = jz_db_column_dup (stmt, 3);
      row->name = q->mask_names ? jz_disclosure_mask_name (name) : g_strdup (name);
      row->program = jz_db_column_dup (stmt, 5);
      row->persons = sqlite3_column_int (stmt, 6);
      row->monthly_amount = sqlite3_column_int64 (stmt, 7);
      if (q->id_head + q->id_tail > 0)
        row->id_partial = jz_disclosure_mask_id (id_number, q->id_head, q->id_tail);
      row->remark = g_strdup (remark);
      row->place_key = jz_db_column_dup (stmt, 11);

      if (g_strcmp0 (remark, "new") == 0)
        {
          g_autoptr(JzBenefitResult) result = NULL;
          g_autofree char *noticed_on = jz_db_column_dup (stmt, 10);

          /* Not decided yet: the amount the engine gives on the notice's
           * first day, as the applicant would be paid. */
          result = jz_benefit_compute_case (db, sqlite3_column_int64 (stmt, 9), noticed_on, NULL);
          row->monthly_amount = result != NULL ? result->total : -1;
          if (result != NULL && result->persons > 0)
            row->persons = (int) result->persons;
        }
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* Which comes first in the list: by township, then village, in the
 * order of their codes. */
static int
place_order (const JzDisclosureRow *a,
             const JzDisclosureRow *b)
{
  return g_strcmp0 (a->place_key, b->place_key);
}

static gboolean
read_rows (JzDb                     *db,
           const JzDisclosureQuery  *q,
           gint64                    region_id,
           JzDisclosureList         *list,
           GError                  **error)
{
  g_autofree char *first = NULL, *last = NULL;
  g_autoptr(GHashTable) villages = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  if (q->kind == JZ_DISCLOSURE_LONGTERM)
    {
      month_bounds (q->month, &first, &last);
      if (!read_part (db, q, LONGTERM_SQL, region_id, first, last, NULL, list->rows, error))
        return FALSE;
    }
  else
    {
      g_autoptr(GPtrArray) noticed = g_ptr_array_new_with_free_func ((GDestroyNotify) jz_disclosure_row_free);
      g_autoptr(GPtrArray) ended = g_ptr_array_new_with_free_func ((GDestroyNotify) jz_disclosure_row_free);
      guint a = 0, b = 0;

      first = g_strdup (q->notice_from);
      last = g_strdup (q->notice_to);
      if (!read_part (db, q, NOTICE_NEW_SQL, region_id, first, last, "new", noticed, error) ||
          !read_part (db, q, NOTICE_ENDED_SQL, region_id, first, last, "ended", ended, error))
        return FALSE;

      /* Both are by place; merged, a village's new applications first. */
      while (a < noticed->len || b < ended->len)
        {
          JzDisclosureRow *x = a < noticed->len ? g_ptr_array_index (noticed, a) : NULL;
          JzDisclosureRow *y = b < ended->len ? g_ptr_array_index (ended, b) : NULL;

          if (y == NULL || (x != NULL && place_order (x, y) <= 0))
            g_ptr_array_add (list->rows, g_steal_pointer (&g_ptr_array_index (noticed, a++)));
          else
            g_ptr_array_add (list->rows, g_steal_pointer (&g_ptr_array_index (ended, b++)));
        }
    }

  for (guint i = 0; i < list->rows->len; i++)
    {
      JzDisclosureRow *row = g_ptr_array_index (list->rows, i);

      row->number = i + 1;
      if (row->monthly_amount > 0)
        list->total_amount += row->monthly_amount;
      list->persons += (guint) MAX (row->persons, 0);
      g_hash_table_add (villages, g_memdup2 (&row->village_id, sizeof row->village_id));
    }
  list->villages = g_hash_table_size (villages);
  return TRUE;
}

static char *
program_names (GStrv programs)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; programs != NULL && programs[i] != NULL; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? C_("list separator", ", ") : "",
                            jz_labels_value (JZ_FIELD_PROGRAM, programs[i]));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
fill_template (const char *template,
               const char *place,
               const char *district,
               const char *township,
               const char *village,
               const char *year,
               const char *month,
               const char *programs)
{
  const char *keys[] = { "{place}", "{district}", "{township}", "{village}", "{year}", "{month}", "{program}" };
  const char *values[] = { place, district, township, village, year, month, programs };
  GString *out = g_string_new (NULL);

  for (const char *p = template; *p != '\0';)
    {
      gboolean replaced = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
        if (g_str_has_prefix (p, keys[i]))
          {
            g_string_append (out, values[i] != NULL ? values[i] : "");
            p += strlen (keys[i]);
            replaced = TRUE;
            break;
          }
      if (!replaced)
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

/**
 * jz_disclosure_build:
 *
 * Returns: (transfer full): the list, or %NULL with @error set
 */
JzDisclosureList *
jz_disclosure_build (JzDb                     *db,
                     const JzUser             *user,
                     const JzDisclosureQuery  *query,
                     GError                  **error)
{
  g_autoptr(JzDisclosureList) list = NULL;
  g_autofree char *level = NULL;
  g_autofree char *name = NULL;
  g_autofree char *township_name = NULL;
  g_autofree char *district = NULL;
  g_autofree char *template = NULL;
  g_autofree char *programs = NULL;
  g_autofree char *place = NULL;
  g_autofree char *year = NULL;
  g_autofree char *month = NULL;
  gint64 region_id;
  gint64 township_id = 0;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!check_query (db, query, error))
    return NULL;

  /* A township clerk's list is of their township, at most. */
  region_id = query->region_id;
  if (region_id == 0 && !jz_user_can (user, JZ_PERMISSION_READ, -1))
    region_id = user->region_id;
  if (region_id != 0)
    {
      if (!region_of (db, region_id, &level, &name, &township_id, &township_name, error))
        return NULL;
      if (g_str_equal (level, "district"))
        region_id = 0;
    }
  /* The whole district is every township's: not a clerk's. */
  if (!jz_user_check (user, JZ_PERMISSION_READ, region_id == 0 ? -1 : township_id, error))
    return NULL;

  list = g_new0 (JzDisclosureList, 1);
  list->query = jz_disclosure_query_copy (query);
  list->query->region_id = region_id;
  list->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) jz_disclosure_row_free);

  if (!read_rows (db, query, region_id, list, error))
    return NULL;

  district = jz_office_district_name (db, error);
  list->office = district != NULL ? jz_office_get (db, JZ_OFFICE_NAME, NULL, error) : NULL;
  list->complaint_phone = list->office != NULL ? jz_office_get (db, JZ_OFFICE_COMPLAINT_PHONE, NULL, error) : NULL;
  template = list->complaint_phone != NULL ? jz_office_get (db, JZ_OFFICE_DISCLOSURE_TITLE, NULL, error) : NULL;
  if (template == NULL)
    return NULL;

  if (region_id == 0)
    place = g_strdup (district);
  else if (g_strcmp0 (level, "village") == 0)
    place = g_strconcat (township_name, name, NULL);
  else
    place = g_strdup (name);
  list->region_name = g_strdup (place);

  if (query->kind == JZ_DISCLOSURE_LONGTERM)
    {
      year = g_strndup (query->month, 4);
      /* 6, not 06: 2026年6月 */
      month = g_strdup_printf ("%d", atoi (query->month + 5));
      list->period = g_strdup (query->month);
    }
  else
    {
      year = g_strndup (query->notice_from, 4);
      month = g_strdup_printf ("%d", atoi (query->notice_from + 5));
      /* TRANSLATORS: the period of a disclosure notice, two dates */
      list->period = g_strdup_printf (_("%s to %s"), query->notice_from, query->notice_to);
    }
  programs = program_names (query->programs);
  list->title = fill_template (template, place, district,
                               region_id == 0 ? "" : g_strcmp0 (level, "village") == 0 ? township_name : name,
                               g_strcmp0 (level, "village") == 0 ? name : "",
                               year, month, programs);
  return g_steal_pointer (&list);
}

/* ---- the record of lists produced ---------------------------------------------- */

typedef struct
{
  const JzDisclosureList *list;
  const char             *format;
} Record;

static gboolean
record_cb (JzDb     *db,
           gpointer  user_data,
           GError  **error)
{
  Record *r = user_data;
  const JzDisclosureQuery *q = r->list->query;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *programs = programs_json (q->programs);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = g_date_time_format_iso8601 (now);

  stmt = jz_db_prepare (db,
                        "INSERT INTO disclosure_log (at, user_name, format, choices, rows) VALUES (?1, ?2, ?3, "
                        "json_object ('kind', ?4, 'programs', json (?5), 'region_id', ?6, 'month', ?7, "
                        "'notice_from', ?8, 'notice_to', ?9, 'id_head', ?10, 'id_tail', ?11, "
                        "'mask_names', json (?12), 'remarks', json (?13)), ?14)",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, jz_db_get_user_name (db), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, r->format, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, q->kind == JZ_DISCLOSURE_NOTICE ? "notice" : "longterm", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, programs, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, q->region_id);
  sqlite3_bind_text (stmt, 7, q->kind == JZ_DISCLOSURE_LONGTERM ? q->month : NULL, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, q->kind == JZ_DISCLOSURE_NOTICE ? q->notice_from : NULL, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, q->kind == JZ_DISCLOSURE_NOTICE ? q->notice_to : NULL, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 10, (int) q->id_head);
  sqlite3_bind_int (stmt, 11, (int) q->id_tail);
  sqlite3_bind_text (stmt, 12, q->mask_names ? "true" : "false", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 13, q->remarks ? "true" : "false", -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 14, (int) r->list->rows->len);
  return jz_db_step_done (db, stmt, error);
}

gboolean
jz_disclosure_record (JzDb                    *db,
                      const JzDisclosureList  *list,
                      const char              *format,
                      GError                 **error)
{
  static const char * const formats[] = { "pdf", "xlsx", "html", "png", "print", "screen", NULL };
  Record r = { list, format };

  g_return_val_if_fail (JZ_IS_DB (db), FALSE);
  g_return_val_if_fail (list != NULL, FALSE);
  g_return_val_if_fail (format != NULL && g_strv_contains (formats, format), FALSE);

  return jz_db_write (db, record_cb, &r, error);
}

GPtrArray *
jz_disclosure_list_records (JzDb     *db,
                            guint     limit,
                            GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) jz_disclosure_record_free);
  int rc;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  stmt = jz_db_prepare (db, "SELECT id, at, user_name, format, choices, rows FROM disclosure_log "
                        "ORDER BY id DESC LIMIT ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit > 0 ? (gint64) limit : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JzDisclosureRecord *record = g_new0 (JzDisclosureRecord, 1);

      record->id = sqlite3_column_int64 (stmt, 0);
      record->at = jz_db_column_dup (stmt, 1);
      record->user_name = jz_db_column_dup (stmt, 2);
      record->format = jz_db_column_dup (stmt, 3);
      record->choices = jz_db_column_dup (stmt, 4);
      record->rows = (guint) sqlite3_column_int (stmt, 5);
      g_ptr_array_add (records, record);
    }
  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&records);
}

JzDisclosureQuery *
jz_disclosure_record_query (const JzDisclosureRecord  *record,
                            GError                   **error)
{
  g_autoptr(JzDisclosureQuery) q = g_new0 (JzDisclosureQuery, 1);
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (record != NULL, NULL);

  /* The JSON is read with SQLite's functions, in a database of nothing. */
  if (sqlite3_open_v2 (":memory:", &handle, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (handle,
                          "SELECT ?1 ->> 'kind', (SELECT group_concat (value, ',') FROM json_each (?1, '$.programs')), "
                          "?1 ->> 'region_id', ?1 ->> 'month', ?1 ->> 'notice_from', ?1 ->> 'notice_to', "
                          "?1 ->> 'id_head', ?1 ->> 'id_tail', ?1 ->> 'mask_names', ?1 ->> 'remarks'",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, record->choices, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 1) != NULL)
        {
          q->kind = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "notice") == 0 ? JZ_DISCLOSURE_NOTICE
                                                                                            : JZ_DISCLOSURE_LONGTERM;
          q->programs = g_strsplit ((const char *) sqlite3_column_text (stmt, 1), ",", -1);
          q->region_id = sqlite3_column_int64 (stmt, 2);
          q->month = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
          q->notice_from = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
          q->notice_to = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
          q->id_head = (guint) CLAMP (sqlite3_column_int (stmt, 6), 0, 10);
          q->id_tail = (guint) CLAMP (sqlite3_column_int (stmt, 7), 0, 10);
          q->mask_names = sqlite3_column_int (stmt, 8) != 0;
          q->remarks = sqlite3_column_int (stmt, 9) != 0;
          ok = TRUE;
        }
    }
  sqlite3_finalize (stmt);
  sqlite3_close (handle);

  if (!ok)
    {
      invalid (error, _("The record of this list cannot be read; the list cannot be produced again from it."));
      return NULL;
    }
  return g_steal_pointer (&q);
}
