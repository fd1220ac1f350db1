/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "jz-household-model.h"
#include "jz-household-query-private.h"
#include "jz-household-row-private.h"

#define PAGE_SIZE     JZ_HOUSEHOLD_MODEL_PAGE_SIZE
#define MAX_PAGES     JZ_HOUSEHOLD_MODEL_MAX_PAGES
/* Boundaries of pages read before: about a thousand keys, a few dozen
 * kilobytes, let a jump back to a place seen before read by keyset. */
#define MAX_BOOKMARKS 1024
/* Rows read past the window on a refresh, to find where it ends now. */
#define WINDOW_SLACK  32

typedef struct
{
  guint      index;
  GPtrArray *rows;     /* JzHouseholdRow, owned */
  GList      link;     /* in lru */
} Page;

/* The keys just before and just after a page, where known. */
typedef struct
{
  JzHouseholdKey first;
  JzHouseholdKey last;
  guint          has_first : 1;
  guint          has_last : 1;
} Bookmark;

struct _JzHouseholdModel
{
  GObject           parent_instance;

  /* owned */
  JzDb             *db;
  JzHouseholdQuery *query;
  JzHouseholdPlan  *plan;        /* NULL when the count failed */
  GHashTable       *pages;       /* index → Page */
  GQueue            lru;         /* Page, most recently used first */
  GHashTable       *bookmarks;   /* index → Bookmark */
  GQueue            bookmark_order;
  GHashTable       *rows;        /* gint64 id → JzHouseholdRow, weak */

  guint             n_items;     /* the count of the plan */
  guint             n_reported;  /* what listeners were told; differs
                                  * only between the signals of a refresh */
  gint64            generation;
  guint             refresh_source;
  gboolean          constructed;
};

static void jz_household_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (JzHouseholdModel, jz_household_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, jz_household_model_list_model_init))

enum {
  PROP_0,
  PROP_DB,
  PROP_QUERY,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- pages and bookmarks ------------------------------------------------------ */

static void
page_free (Page *page)
{
  g_ptr_array_unref (page->rows);
  g_free (page);
}

static void
bookmark_free (Bookmark *bookmark)
{
  jz_household_key_clear (&bookmark->first);
  jz_household_key_clear (&bookmark->last);
  g_free (bookmark);
}

static void
drop_pages (JzHouseholdModel *self)
{
  g_queue_init (&self->lru);
  g_hash_table_remove_all (self->pages);
  g_hash_table_remove_all (self->bookmarks);
  g_queue_clear (&self->bookmark_order);
}

static Bookmark *
bookmark_for (JzHouseholdModel *self,
              guint             index)
{
  Bookmark *bookmark = g_hash_table_lookup (self->bookmarks, GUINT_TO_POINTER (index));

  if (bookmark != NULL)
    return bookmark;

  while (self->bookmark_order.length >= MAX_BOOKMARKS)
    {
      gpointer oldest = g_queue_pop_head (&self->bookmark_order);

      g_hash_table_remove (self->bookmarks, oldest);
    }

  bookmark = g_new0 (Bookmark, 1);
  g_hash_table_insert (self->bookmarks, GUINT_TO_POINTER (index), bookmark);
  g_queue_push_tail (&self->bookmark_order, GUINT_TO_POINTER (index));
  return bookmark;
}

static void
remember_first (JzHouseholdModel *self,
                guint             index,
                JzHouseholdRow   *row)
{
  Bookmark *bookmark = bookmark_for (self, index);

  jz_household_key_set (&bookmark->first, self->query->sort, row);
  bookmark->has_first = TRUE;
}

static void
remember_last (JzHouseholdModel *self,
               guint             index,
               JzHouseholdRow   *row)
{
  Bookmark *bookmark = bookmark_for (self, index);

  jz_household_key_set (&bookmark->last, self->query->sort, row);
  bookmark->has_last = TRUE;
}

/* --- the rows handed out --------------------------------------------------------- */

static void
row_finalized_cb (gpointer  user_data,
                  GObject  *where_the_object_was)
{
  JzHouseholdModel *self = user_data;
  /* Weak references are notified in dispose, before the fields go. */
  gint64 id = jz_household_row_get_id ((JzHouseholdRow *) where_the_object_was);

  if (g_hash_table_lookup (self->rows, &id) == (gpointer) where_the_object_was)
    g_hash_table_remove (self->rows, &id);
}

/* The instance for @row's household: the one somebody still holds,
 * brought up to date, or @row itself from now on. */
static JzHouseholdRow *
canonical_row (JzHouseholdModel *self,
               JzHouseholdRow   *row)
{
  gint64 id = jz_household_row_get_id (row);
  JzHouseholdRow *known;

  if (id == 0)
    return g_object_ref (row);

  known = g_hash_table_lookup (self->rows, &id);
  if (known != NULL)
    {
      jz_household_row_update (known, row);
      return g_object_ref (known);
    }

  g_hash_table_insert (self->rows, g_memdup2 (&id, sizeof id), row);
  g_object_weak_ref (G_OBJECT (row), row_finalized_cb, self);
  return g_object_ref (row);
}

static void
canonicalize (JzHouseholdModel *self,
              GPtrArray        *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      JzHouseholdRow *row = g_ptr_array_index (rows, i);

      rows->pdata[i] = canonical_row (self, row);
      g_object_unref (row);
    }
}

/* --- reading ---------------------------------------------------------------------- */

static gboolean refresh_idle_cb (gpointer user_data);

static void
queue_refresh (JzHouseholdModel *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_idle_cb, self);
}

/* The cheapest way to page @index: from the start, from the end, or from
 * the nearest known page boundary, whichever passes over fewest rows. */
static GPtrArray *
fetch_page (JzHouseholdModel  *self,
            guint              index,
            GError           **error)
{
  guint start = index * PAGE_SIZE;
  guint end = MIN (self->n_items, start + PAGE_SIZE);
  const JzHouseholdKey *anchor = NULL;
  JzHouseholdKey before_first = { 0 };
  gboolean backward = FALSE;
  guint skip = start;
  GHashTableIter iter;
  gpointer key, value;
  GPtrArray *rows;

  if (self->n_items - end < skip)
    {
      backward = TRUE;
      skip = self->n_items - end;
    }

  g_hash_table_iter_init (&iter, self->bookmarks);
  while (skip > 0 && g_hash_table_iter_next (&iter, &key, &value))
    {
      guint q = GPOINTER_TO_UINT (key);
      Bookmark *bookmark = value;

      if (q < index && bookmark->has_last && start - (q + 1) * PAGE_SIZE < skip)
        {
          anchor = &bookmark->last;
          backward = FALSE;
          skip = start - (q + 1) * PAGE_SIZE;
        }
      else if (q == index && bookmark->has_first)
        {
          /* Read before: from just before its first row, as ids are
           * whole numbers. */
          before_first.id = bookmark->first.id + (self->query->descending ? 1 : -1);
          before_first.number = bookmark->first.number;
          before_first.text = bookmark->first.text;
          anchor = &before_first;
          backward = FALSE;
          skip = 0;
        }
      else if (q > index && bookmark->has_first && q * PAGE_SIZE >= end && q * PAGE_SIZE - end < skip)
        {
          anchor = &bookmark->first;
          backward = TRUE;
          skip = q * PAGE_SIZE - end;
        }
    }

  rows = jz_household_plan_fetch (self->plan, anchor, backward, skip, end - start, error);
  /* before_first borrows its text from the bookmark. */
  return rows;
}

static Page *
ensure_page (JzHouseholdModel *self,
             guint             index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  guint want = MIN (self->n_items - index * PAGE_SIZE, PAGE_SIZE);
  Page *page;

  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index));
  if (page != NULL)
    {
      g_queue_unlink (&self->lru, &page->link);
      g_queue_push_head_link (&self->lru, &page->link);
      return page;
    }

  if (self->plan != NULL)
    rows = fetch_page (self, index, &error);
  if (rows == NULL)
    {
      /* No personal data in the message: it comes from SQLite or jz-db. */
      g_debug ("Cannot read page %u of the household list: %s", index,
               error != NULL ? error->message : "no count");
      rows = g_ptr_array_new_with_free_func (g_object_unref);
    }

  canonicalize (self, rows);

  if (rows->len == want && want > 0)
    {
      remember_first (self, index, g_ptr_array_index (rows, 0));
      remember_last (self, index, g_ptr_array_index (rows, rows->len - 1));
    }
  else
    {
      /* The table changed under the count; fill the gap and recount. */
      while (rows->len < want)
        g_ptr_array_add (rows, jz_household_row_new_placeholder ());
      g_ptr_array_set_size (rows, want);
      queue_refresh (self);
    }

  page = g_new0 (Page, 1);
  page->index = index;
  page->rows = g_steal_pointer (&rows);
  page->link.data = page;
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (index), page);
  g_queue_push_head_link (&self->lru, &page->link);

  while (self->lru.length > MAX_PAGES)
    {
      GList *oldest = g_queue_pop_tail_link (&self->lru);

      g_hash_table_remove (self->pages, GUINT_TO_POINTER (((Page *) oldest->data)->index));
    }

  return page;
}

/* A new plan, and with it the count; on failure an empty list. */
static void
replan (JzHouseholdModel *self)
{
  g_autoptr(GError) error = NULL;

  drop_pages (self);
  g_clear_pointer (&self->plan, jz_household_plan_free);

  self->generation = jz_household_summary_generation (self->db, NULL);
  self->plan = jz_household_plan_new (self->db, self->query, &error);
  if (self->plan == NULL)
    {
      g_debug ("Cannot count the household list: %s", error->message);
      self->n_items = 0;
      return;
    }

  self->n_items = (guint) MIN (jz_household_plan_get_count (self->plan), (gint64) G_MAXUINT);
}

/* --- refresh ---------------------------------------------------------------------------- */

/* Brings every row somebody holds up to date, by id. */
static void
update_live_rows (JzHouseholdModel *self)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (ids, *(gint64 *) key);

  if (ids->len == 0)
    return;

  fresh = jz_household_rows_by_id (self->db, ids, &error);
  if (fresh == NULL)
    {
      g_debug ("Cannot read the households on screen again: %s", error->message);
      return;
    }

  for (guint i = 0; i < fresh->len; i++)
    {
      JzHouseholdRow *row = g_ptr_array_index (fresh, i);
      gint64 id = jz_household_row_get_id (row);
      JzHouseholdRow *known = g_hash_table_lookup (self->rows, &id);

      if (known != NULL)
        jz_household_row_update (known, row);
    }
}

/* The rows last read around where the list is looked at: the run of
 * cached pages that holds the most recently used one. */
static GPtrArray *
window_rows (JzHouseholdModel *self,
             guint            *first_position)
{
  GPtrArray *window = g_ptr_array_new_with_free_func (g_object_unref);
  Page *mru;
  guint lo, hi;

  if (self->lru.head == NULL)
    return window;

  mru = self->lru.head->data;
  lo = hi = mru->index;
  while (lo > 0 && g_hash_table_contains (self->pages, GUINT_TO_POINTER (lo - 1)))
    lo--;
  while (g_hash_table_contains (self->pages, GUINT_TO_POINTER (hi + 1)))
    hi++;

  for (guint i = lo; i <= hi; i++)
    {
      Page *page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (i));

      for (guint j = 0; j < page->rows->len; j++)
        g_ptr_array_add (window, g_object_ref (g_ptr_array_index (page->rows, j)));
    }

  *first_position = lo * PAGE_SIZE;
  return window;
}

/* Cuts @fresh after the last row of @window, if it is there, or to the
 * window's length. */
static void
trim_to_window_end (GPtrArray *fresh,
                    GPtrArray *window)
{
  gpointer last = g_ptr_array_index (window, window->len - 1);

  for (guint j = fresh->len; j > 0; j--)
    if (g_ptr_array_index (fresh, j - 1) == last)
      {
        g_ptr_array_set_size (fresh, j);
        return;
      }

  if (fresh->len > window->len)
    g_ptr_array_set_size (fresh, window->len);
}

/* Where the window is now.  It follows its first row that kept its sort
 * key and is still in the list (the anchor): fills @fresh with the rows
 * now around the anchor, as many as the window has before and after it,
 * and returns the position of the first of them, or -1. */
static gint64
locate_window (JzHouseholdModel *self,
               GPtrArray        *window,
               GArray           *old_keys,
               GPtrArray       **fresh)
{
  for (guint i = 0; i < window->len && i < 8; i++)
    {
      JzHouseholdRow *row = g_ptr_array_index (window, i);
      JzHouseholdKey *old_key = &g_array_index (old_keys, JzHouseholdKey, i);
      JzHouseholdKey key = { 0 };
      g_autoptr(GPtrArray) before = NULL;
      g_autoptr(GPtrArray) after = NULL;
      gint64 position;

      if (jz_household_row_get_id (row) == 0)
        continue;

      jz_household_key_set (&key, self->query->sort, row);
      if (key.number != old_key->number || g_strcmp0 (key.text, old_key->text) != 0)
        {
          jz_household_key_clear (&key);
          continue;
        }

      position = jz_household_plan_position_of (self->plan, &key, NULL);
      if (position >= 0 && i > 0)
        before = jz_household_plan_fetch (self->plan, &key, TRUE, 0, i, NULL);
      /* From just before the anchor, to have it too: ids are whole numbers. */
      key.id += self->query->descending ? 1 : -1;
      /* A few more than the window had, to find its end again past rows
       * that came in. */
      if (position >= 0 && (i == 0 || before != NULL))
        after = jz_household_plan_fetch (self->plan, &key, FALSE, 0, window->len - i + WINDOW_SLACK, NULL);
      jz_household_key_clear (&key);

      if (after == NULL || after->len == 0 ||
          jz_household_row_get_id (g_ptr_array_index (after, 0)) != jz_household_row_get_id (row))
        continue;

      if (before == NULL)
        before = g_ptr_array_new_with_free_func (g_object_unref);
      position -= before->len;
      g_ptr_array_extend_and_steal (before, g_steal_pointer (&after));
      canonicalize (self, before);
      trim_to_window_end (before, window);
      *fresh = g_steal_pointer (&before);
      return position;
    }

  return -1;
}

static void
clear_keys (GArray *keys)
{
  for (guint i = 0; i < keys->len; i++)
    jz_household_key_clear (&g_array_index (keys, JzHouseholdKey, i));
}

static void
refresh (JzHouseholdModel *self,
         gboolean          force)
{
  g_autoptr(GPtrArray) window = NULL;
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GArray) old_keys = NULL;
  guint old_n = self->n_reported;
  guint lo = 0, len, new_lo, new_len, k1 = 0, k2 = 0;
  gboolean prefix_changed, window_changed, suffix_changed;
  gint64 generation;
  gint64 located;

  generation = jz_household_summary_generation (self->db, NULL);
  if (!force && generation == self->generation && self->plan != NULL)
    return;

  window = window_rows (self, &lo);
  len = window->len;
  old_keys = g_array_sized_new (FALSE, TRUE, sizeof (JzHouseholdKey), len);
  g_array_set_size (old_keys, len);
  for (guint i = 0; i < len; i++)
    jz_household_key_set (&g_array_index (old_keys, JzHouseholdKey, i), self->query->sort,
                          g_ptr_array_index (window, i));

  replan (self);
  update_live_rows (self);

  located = (self->plan != NULL && len > 0) ? locate_window (self, window, old_keys, &fresh) : -1;
  clear_keys (old_keys);

  if (located < 0)
    {
      /* Nothing known to keep in place. */
      self->n_reported = self->n_items;
      if (old_n != self->n_items || len > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->n_items);
      if (old_n != self->n_items)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
      return;
    }

  new_lo = (guint) located;
  new_len = fresh->len;

  while (k1 < MIN (len, new_len) && g_ptr_array_index (window, k1) == g_ptr_array_index (fresh, k1))
    k1++;
  while (k2 < MIN (len, new_len) - k1 &&
         g_ptr_array_index (window, len - 1 - k2) == g_ptr_array_index (fresh, new_len - 1 - k2))
    k2++;

  /* Page boundaries in the new order, so that the pages around the window
   * are read by keyset again. */
  for (guint i = 0; i < new_len; i++)
    {
      guint at = new_lo + i;

      if (at % PAGE_SIZE == 0)
        remember_first (self, at / PAGE_SIZE, g_ptr_array_index (fresh, i));
      if (at % PAGE_SIZE == PAGE_SIZE - 1)
        remember_last (self, at / PAGE_SIZE, g_ptr_array_index (fresh, i));
    }

  prefix_changed = new_lo != lo;
  window_changed = k1 < len || k1 < new_len;
  suffix_changed = old_n - (lo + len) != self->n_items - (new_lo + new_len);

  if (!prefix_changed && !window_changed && !suffix_changed)
    {
      self->n_reported = self->n_items;
      return;
    }

  /* Front to back, so that every row before a signal's range is where it
   * ends up, and the rows on screen are in none of the ranges unless they
   * changed.  The count grows or shrinks with each signal. */
  if (prefix_changed)
    {
      self->n_reported = old_n - lo + new_lo;
      g_list_model_items_changed (G_LIST_MODEL (self), 0, lo, new_lo);
    }
  if (window_changed)
    {
      self->n_reported = self->n_reported - (len - k1 - k2) + (new_len - k1 - k2);
      g_list_model_items_changed (G_LIST_MODEL (self), new_lo + k1, len - k1 - k2, new_len - k1 - k2);
    }
  if (suffix_changed)
    {
      self->n_reported = self->n_items;
      g_list_model_items_changed (G_LIST_MODEL (self), new_lo + new_len,
                                  old_n - lo - len, self->n_items - new_lo - new_len);
    }

  g_assert (self->n_reported == self->n_items);
  if (old_n != self->n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  JzHouseholdModel *self = user_data;

  self->refresh_source = 0;
  refresh (self, TRUE);
  return G_SOURCE_REMOVE;
}

static void
db_changed_cb (JzHouseholdModel *self,
               JzDb             *db)
{
  g_assert (JZ_IS_HOUSEHOLD_MODEL (self));

  refresh (self, FALSE);
}

/* --- GListModel ------------------------------------------------------------------------- */

static GType
jz_household_model_get_item_type (GListModel *model)
{
  return JZ_TYPE_HOUSEHOLD_ROW;
}

static guint
jz_household_model_get_n_items (GListModel *model)
{
  return JZ_HOUSEHOLD_MODEL (model)->n_reported;
}

static gpointer
jz_household_model_get_item (GListModel *model,
                             guint       position)
{
  JzHouseholdModel *self = JZ_HOUSEHOLD_MODEL (model);
  Page *page;

  if (position >= self->n_reported)
    return NULL;
  /* Only between the signals of a refresh: a row that is going away. */
  if (position >= self->n_items)
    return jz_household_row_new_placeholder ();

  page = ensure_page (self, position / PAGE_SIZE);
  return g_object_ref (g_ptr_array_index (page->rows, position % PAGE_SIZE));
}

static void
jz_household_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = jz_household_model_get_item_type;
  iface->get_n_items = jz_household_model_get_n_items;
  iface->get_item = jz_household_model_get_item;
}

/* --- public API --------------------------------------------------------------------------- */

/**
 * jz_household_model_new:
 * @query: (nullable): the query; %NULL for every open file by head's name
 */
JzHouseholdModel *
jz_household_model_new (JzDb                   *db,
                        const JzHouseholdQuery *query)
{
  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  return g_object_new (JZ_TYPE_HOUSEHOLD_MODEL,
                       "db", db,
                       "query", query,
                       NULL);
}

JzDb *
jz_household_model_get_db (JzHouseholdModel *self)
{
  g_return_val_if_fail (JZ_IS_HOUSEHOLD_MODEL (self), NULL);

  return self->db;
}

const JzHouseholdQuery *
jz_household_model_get_query (JzHouseholdModel *self)
{
  g_return_val_if_fail (JZ_IS_HOUSEHOLD_MODEL (self), NULL);

  return self->query;
}

/**
 * jz_household_model_set_query:
 * @query: (nullable): the new query; %NULL for every open file by head's
 *   name
 *
 * Counts again and emits items-changed (0, old count, new count) once,
 * unless @query equals the current one.
 */
void
jz_household_model_set_query (JzHouseholdModel       *self,
                              const JzHouseholdQuery *query)
{
  g_autoptr(JzHouseholdQuery) fallback = NULL;
  guint old_n;

  g_return_if_fail (JZ_IS_HOUSEHOLD_MODEL (self));

  if (query == NULL)
    query = fallback = jz_household_query_new ();

  if (self->query != NULL && jz_household_query_equal (self->query, query))
    return;

  g_clear_pointer (&self->query, jz_household_query_free);
  self->query = jz_household_query_copy (query);

  /* During construction: constructed() counts, once. */
  if (!self->constructed)
    return;

  old_n = self->n_reported;
  replan (self);
  self->n_reported = self->n_items;

  if (old_n != 0 || self->n_items != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->n_items);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
  if (old_n != self->n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/**
 * jz_household_model_refresh:
 *
 * Shows what changed in the database: see the top of
 * jz-household-model.h.  Cheap when nothing the list shows changed.
 */
void
jz_household_model_refresh (JzHouseholdModel *self)
{
  g_return_if_fail (JZ_IS_HOUSEHOLD_MODEL (self));

  refresh (self, FALSE);
}

/**
 * jz_household_model_get_n_live_rows:
 *
 * Returns: how many rows of this model are alive (held by the page cache
 *   or by anybody else); for tests and diagnostics
 */
guint
jz_household_model_get_n_live_rows (JzHouseholdModel *self)
{
  g_return_val_if_fail (JZ_IS_HOUSEHOLD_MODEL (self), 0);

  return g_hash_table_size (self->rows);
}

/* --- GObject ------------------------------------------------------------------------------ */

static void
jz_household_model_constructed (GObject *object)
{
  JzHouseholdModel *self = JZ_HOUSEHOLD_MODEL (object);

  G_OBJECT_CLASS (jz_household_model_parent_class)->constructed (object);

  g_assert (JZ_IS_DB (self->db));

  if (self->query == NULL)
    self->query = jz_household_query_new ();

  g_signal_connect_object (self->db, "changed", G_CALLBACK (db_changed_cb), self, G_CONNECT_SWAPPED);
  replan (self);
  self->n_reported = self->n_items;
  self->constructed = TRUE;
}

static void
jz_household_model_dispose (GObject *object)
{
  JzHouseholdModel *self = JZ_HOUSEHOLD_MODEL (object);
  GHashTableIter iter;
  gpointer value;

  g_clear_handle_id (&self->refresh_source, g_source_remove);

  if (self->pages != NULL)
    drop_pages (self);

  if (self->rows != NULL)
    {
      g_hash_table_iter_init (&iter, self->rows);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_object_weak_unref (value, row_finalized_cb, self);
      g_hash_table_remove_all (self->rows);
    }

  g_clear_pointer (&self->plan, jz_household_plan_free);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (jz_household_model_parent_class)->dispose (object);
}

static void
jz_household_model_finalize (GObject *object)
{
  JzHouseholdModel *self = JZ_HOUSEHOLD_MODEL (object);

  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->bookmarks, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->query, jz_household_query_free);

  G_OBJECT_CLASS (jz_household_model_parent_class)->finalize (object);
}

static void
jz_household_model_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  JzHouseholdModel *self = JZ_HOUSEHOLD_MODEL (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;

    case PROP_QUERY:
      g_value_set_boxed (value, self->query);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_reported);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jz_household_model_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  JzHouseholdModel *self = JZ_HOUSEHOLD_MODEL (object);

  switch (prop_id)
    {
    case PROP_DB:
      self->db = g_value_dup_object (value);
      break;

    case PROP_QUERY:
      jz_household_model_set_query (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jz_household_model_class_init (JzHouseholdModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = jz_household_model_constructed;
  object_class->dispose = jz_household_model_dispose;
  object_class->finalize = jz_household_model_finalize;
  object_class->get_property = jz_household_model_get_property;
  object_class->set_property = jz_household_model_set_property;

  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL,
                         JZ_TYPE_DB,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_QUERY] =
    g_param_spec_boxed ("query", NULL, NULL,
                        JZ_TYPE_HOUSEHOLD_QUERY,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jz_household_model_init (JzHouseholdModel *self)
{
  self->pages = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, (GDestroyNotify) page_free);
  self->bookmarks = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, (GDestroyNotify) bookmark_free);
  self->rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_queue_init (&self->lru);
  g_queue_init (&self->bookmark_order);
}
