/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "jz-household-query-private.h"

/* The query itself, how search text is read, and count and page; how
 * SQLite is made to find the rows is in jz-household-query-plan.c. */
/* --- the query ---------------------------------------------------------- */

G_DEFINE_BOXED_TYPE (JzHouseholdQuery, jz_household_query, jz_household_query_copy, jz_household_query_free)

/**
 * jz_household_query_new:
 *
 * Returns: (transfer full): a query for every open file, by head's name
 */
JzHouseholdQuery *
jz_household_query_new (void)
{
  JzHouseholdQuery *query = g_new0 (JzHouseholdQuery, 1);

  query->sort = JZ_HOUSEHOLD_SORT_HEAD_NAME;
  return query;
}

JzHouseholdQuery *
jz_household_query_copy (const JzHouseholdQuery *query)
{
  JzHouseholdQuery *copy;

  g_return_val_if_fail (query != NULL, NULL);

  copy = g_memdup2 (query, sizeof *query);
  copy->search = g_strdup (query->search);
  copy->program = g_strdup (query->program);
  copy->case_status = g_strdup (query->case_status);
  copy->hukou = g_strdup (query->hukou);
  return copy;
}

void
jz_household_query_free (JzHouseholdQuery *query)
{
  if (query == NULL)
    return;

  g_free (query->search);
  g_free (query->program);
  g_free (query->case_status);
  g_free (query->hukou);
  g_free (query);
}

gboolean
jz_household_text_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

static gboolean
str_equal_empty (const char *a,
                 const char *b)
{
  return g_strcmp0 (jz_household_text_empty (a) ? NULL : a,
                    jz_household_text_empty (b) ? NULL : b) == 0;
}

gboolean
jz_household_query_equal (const JzHouseholdQuery *a,
                          const JzHouseholdQuery *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  return str_equal_empty (a->search, b->search) &&
         a->township_id == b->township_id &&
         a->village_id == b->village_id &&
         str_equal_empty (a->program, b->program) &&
         str_equal_empty (a->case_status, b->case_status) &&
         str_equal_empty (a->hukou, b->hukou) &&
         !a->include_closed == !b->include_closed &&
         !a->include_archived == !b->include_archived &&
         a->sort == b->sort &&
         !a->descending == !b->descending;
}

/* --- search text ---------------------------------------------------------- */

/**
 * jz_household_search_classify:
 * @text: what the clerk typed
 * @normalized: (out) (optional): the text as it is searched for: blanks
 *   removed; for ID numbers full-width digits made ASCII and x made X
 *
 * Tells how @text is searched; see the top of jz-household-query.h.
 */
JzHouseholdSearchKind
jz_household_search_classify (const char  *text,
                              char       **normalized)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GString) id = g_string_new (NULL);
  gboolean id_like = TRUE;
  JzHouseholdSearchKind kind;

  if (normalized != NULL)
    *normalized = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return JZ_HOUSEHOLD_SEARCH_NONE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        continue;

      g_string_append_unichar (name, c);

      if (c >= 0xFF10 && c <= 0xFF19)        /* FULLWIDTH DIGIT ZERO..NINE */
        c = '0' + (c - 0xFF10);
      else if (c == 'x' || c == 0xFF38 || c == 0xFF58)
        c = 'X';

      /* g_ascii_isdigit() looks at the low byte only: 吴 is U+5434. */
      if (c > 0x7F || (!g_ascii_isdigit (c) && c != 'X'))
        id_like = FALSE;
      else
        g_string_append_c (id, (char) c);
    }

  if (name->len == 0)
    return JZ_HOUSEHOLD_SEARCH_NONE;

  /* An X anywhere but at the end is no ID number, nor a name. */
  if (id_like && strchr (id->str, 'X') != NULL && strchr (id->str, 'X') != id->str + id->len - 1)
    id_like = FALSE;

  if (id_like)
    {
      if (id->len < 4)
        kind = JZ_HOUSEHOLD_SEARCH_TOO_SHORT;
      else if (id->len < 18)
        kind = JZ_HOUSEHOLD_SEARCH_ID_TAIL;
      else
        kind = JZ_HOUSEHOLD_SEARCH_ID_NUMBER;

      if (normalized != NULL)
        *normalized = g_string_free (g_steal_pointer (&id), FALSE);
      return kind;
    }

  if (normalized != NULL)
    *normalized = g_string_free (g_steal_pointer (&name), FALSE);
  return JZ_HOUSEHOLD_SEARCH_NAME;
}

/* --- keys ------------------------------------------------------------------ */

void
jz_household_key_set (JzHouseholdKey  *key,
                      JzHouseholdSort  sort,
                      JzHouseholdRow  *row)
{
  g_assert (key != NULL);
  g_assert (JZ_IS_HOUSEHOLD_ROW (row));

  jz_household_key_clear (key);
  key->id = jz_household_row_get_id (row);

  switch (sort)
    {
    case JZ_HOUSEHOLD_SORT_HEAD_NAME:
      key->text = g_strdup (jz_household_row_get_head_name (row));
      break;

    case JZ_HOUSEHOLD_SORT_CASE_STATUS:
      key->text = g_strdup (jz_household_row_get_case_status (row));
      break;

    case JZ_HOUSEHOLD_SORT_TOWNSHIP:
      key->number = jz_household_row_get_township_id (row);
      break;

    case JZ_HOUSEHOLD_SORT_VILLAGE:
      key->number = jz_household_row_get_village_id (row);
      break;

    case JZ_HOUSEHOLD_SORT_MEMBERS:
      key->number = jz_household_row_get_members (row);
      break;

    case JZ_HOUSEHOLD_SORT_MONTHLY_AMOUNT:
      key->number = jz_household_row_get_monthly_amount (row);
      break;

    case JZ_HOUSEHOLD_SORT_ID:
    default:
      break;
    }
}

void
jz_household_key_clear (JzHouseholdKey *key)
{
  g_clear_pointer (&key->text, g_free);
  key->id = 0;
  key->number = 0;
}

/* --- the public functions ------------------------------------------------------ */

/**
 * jz_household_query_count:
 *
 * Returns: the number of households matching @query, or -1 with @error set
 */
gint64
jz_household_query_count (JzDb                    *db,
                          const JzHouseholdQuery  *query,
                          GError                 **error)
{
  g_autoptr(JzHouseholdPlan) plan = NULL;

  g_return_val_if_fail (JZ_IS_DB (db), -1);
  g_return_val_if_fail (query != NULL, -1);

  plan = jz_household_plan_new (db, query, error);
  if (plan == NULL)
    return -1;

  return jz_household_plan_get_count (plan);
}

/**
 * jz_household_query_page:
 * @after: (nullable): the last row of the previous page, %NULL for the
 *   first page
 * @limit: the most rows to return
 *
 * One page of the list, found by its boundary (keyset paging), so that a
 * page deep in the list costs no more than the first.
 *
 * Returns: (transfer full) (element-type JzHouseholdRow): the rows, or
 *   %NULL with @error set
 */
GPtrArray *
jz_household_query_page (JzDb                    *db,
                         const JzHouseholdQuery  *query,
                         JzHouseholdRow          *after,
                         guint                    limit,
                         GError                 **error)
{
  g_autoptr(JzHouseholdPlan) plan = NULL;
  JzHouseholdKey key = { 0 };
  GPtrArray *rows;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (after == NULL || JZ_IS_HOUSEHOLD_ROW (after), NULL);

  plan = jz_household_plan_new (db, query, error);
  if (plan == NULL)
    return NULL;

  if (after != NULL)
    jz_household_key_set (&key, jz_household_plan_get_sort (plan), after);
  rows = jz_household_plan_fetch (plan, after != NULL ? &key : NULL, FALSE, 0, limit, error);
  jz_household_key_clear (&key);

  return rows;
}
