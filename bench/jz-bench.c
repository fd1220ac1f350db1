/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * The C half of bench/run.sh.
 *
 *   jz-bench search DB [RUNS]      times 20 searches through app/core
 *   jz-bench search-sql DB DIR K   writes the same searches as SQL for the
 *                                  sqlite3 shell, each repeated K times
 *   jz-bench model-scroll DB [W]   reads the case list's model from top to
 *                                  bottom, W rows at a time (default 40)
 *
 * The 20 searches are picked from the database itself, the same way on
 * every run: heads of households spread over the whole list give names of
 * one, two and three characters (their start) and the tails of their ID
 * numbers (4 and 6 digits, and one whole number).  What was searched for
 * is never printed, only its kind and how many households it found: even
 * a demo district's names stay out of the output.
 *
 * One search is what the case-file list does on a keystroke:
 * jz_household_query_count() and the first page of 100 rows.
 *
 * model-scroll is the case list without a window: the JzHouseholdModel of
 * the list as it opens (every open file, by head's name) asked for every
 * row in order, each window of W rows held until the next is taken, as a
 * list view holds the rows it shows.  It prints the rows, the seconds and
 * the peak resident memory (VmHWM) after the first window and at the end,
 * the numbers the window's JIUZHU_BENCH_SCROLL prints for the same list.
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "jz-db.h"
#include "jz-household-model.h"
#include "jz-household-query.h"

#define N_SEARCHES 20
#define PAGE_SIZE  100

typedef struct
{
  const char *kind;
  char       *text;
} Search;

static void
search_clear (gpointer data)
{
  g_free (((Search *) data)->text);
}

static char *
utf8_prefix (const char *text,
             glong       n_chars)
{
  const char *end = g_utf8_offset_to_pointer (text, MIN (n_chars, g_utf8_strlen (text, -1)));

  return g_strndup (text, end - text);
}

/* Heads spread evenly over the households sorted by id. */
static GArray *
pick_searches (JzDb    *db,
               GError **error)
{
  g_autoptr(JzHouseholdQuery) query = jz_household_query_new ();
  g_autoptr(GPtrArray) rows = NULL;
  GArray *searches;
  guint step;

  query->sort = JZ_HOUSEHOLD_SORT_ID;
  rows = jz_household_query_page (db, query, NULL, 4000, error);
  if (rows == NULL)
    return NULL;
  if (rows->len < N_SEARCHES)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "The database has %u households; the benchmark needs %u.", rows->len, N_SEARCHES);
      return NULL;
    }

  searches = g_array_sized_new (FALSE, TRUE, sizeof (Search), N_SEARCHES);
  g_array_set_clear_func (searches, search_clear);
  step = rows->len / N_SEARCHES;

  for (guint k = 0; k < N_SEARCHES; k++)
    {
      JzHouseholdRow *row = g_ptr_array_index (rows, k * step);
      const char *name = jz_household_row_get_head_name (row);
      const char *id = jz_household_row_get_head_id_number (row);
      gsize id_len = strlen (id);
      Search s;

      if (k < 5)
        s = (Search) { "name, 1 character", utf8_prefix (name, 1) };
      else if (k < 10)
        s = (Search) { "name, 2 characters", utf8_prefix (name, 2) };
      else if (k < 14)
        s = (Search) { "name, 3 characters", utf8_prefix (name, 3) };
      else if (k < 17)
        s = (Search) { "ID, last 4", g_strdup (id + id_len - 4) };
      else if (k < 19)
        s = (Search) { "ID, last 6", g_strdup (id + id_len - 6) };
      else
        s = (Search) { "ID, whole", g_strdup (id) };

      g_array_append_val (searches, s);
    }

  return searches;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof *values, compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static int
command_search (JzDb *db,
                guint runs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) searches = pick_searches (db, &error);
  double medians[N_SEARCHES];
  double sorted[N_SEARCHES];

  if (searches == NULL)
    {
      g_printerr ("jz-bench: %s\n", error->message);
      return EXIT_FAILURE;
    }

  for (guint k = 0; k < N_SEARCHES; k++)
    {
      Search *s = &g_array_index (searches, Search, k);
      g_autoptr(JzHouseholdQuery) query = jz_household_query_new ();
      g_autofree double *times = g_new (double, runs);
      gint64 count = 0;

      query->search = g_strdup (s->text);

      /* One run to warm the caches, as a clerk's second keystroke finds them. */
      for (guint r = 0; r <= runs; r++)
        {
          g_autoptr(GPtrArray) page = NULL;
          gint64 start = g_get_monotonic_time ();

          count = jz_household_query_count (db, query, &error);
          if (count >= 0)
            page = jz_household_query_page (db, query, NULL, PAGE_SIZE, &error);
          if (count < 0 || page == NULL)
            {
              g_printerr ("jz-bench: %s\n", error->message);
              return EXIT_FAILURE;
            }
          if (r > 0)
            times[r - 1] = (g_get_monotonic_time () - start) / 1000.0;
        }

      medians[k] = median (times, runs);
      g_print ("S\t%u\t%s\t%" G_GINT64_FORMAT "\t%.3f\n", k + 1, s->kind, count, medians[k]);
    }

  memcpy (sorted, medians, sizeof sorted);
  qsort (sorted, N_SEARCHES, sizeof *sorted, compare_doubles);
  /* Nearest rank: p95 of 20 is the 19th. */
  g_print ("P\t%.3f\t%.3f\n", (sorted[9] + sorted[10]) / 2, sorted[18]);

  return EXIT_SUCCESS;
}

static char *
sql_quote (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "'", -1);
  g_autofree char *joined = g_strjoinv ("''", parts);

  return g_strdup_printf ("'%s'", joined);
}

/* The straightforward SQL for the same households: members on file of
 * open files whose name starts with the text, or whose ID number is or
 * ends in it. */
static char *
search_condition (const Search *s)
{
  g_autofree char *quoted = sql_quote (s->text);

  if (g_str_has_prefix (s->kind, "name"))
    {
      /* The first string after every one that starts with the text. */
      glong n = g_utf8_strlen (s->text, -1);
      const char *last = g_utf8_offset_to_pointer (s->text, n - 1);
      g_autoptr(GString) end = g_string_new_len (s->text, last - s->text);
      g_autofree char *end_quoted = NULL;

      g_string_append_unichar (end, g_utf8_get_char (last) + 1);
      end_quoted = sql_quote (end->str);
      return g_strdup_printf ("p.name >= %s AND p.name < %s", quoted, end_quoted);
    }

  if (strlen (s->text) == 18)
    return g_strdup_printf ("p.id_number = %s", quoted);

  if (strlen (s->text) == 4)
    return g_strdup_printf ("substr (p.id_number, 15) = %s", quoted);

  {
    g_autofree char *tail4 = sql_quote (s->text + strlen (s->text) - 4);

    return g_strdup_printf ("substr (p.id_number, 15) = %s AND substr (p.id_number, %d) = %s",
                            tail4, (int) (19 - strlen (s->text)), quoted);
  }
}

static gboolean
write_file (const char  *dir,
            const char  *name,
            const char  *contents,
            GError     **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return g_file_set_contents (path, contents, -1, error);
}

static int
command_search_sql (JzDb       *db,
                    const char *dir,
                    guint       repeat)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) searches = pick_searches (db, &error);
  g_autoptr(GString) baseline = g_string_new (".output /dev/null\n");

  if (searches == NULL)
    {
      g_printerr ("jz-bench: %s\n", error->message);
      return EXIT_FAILURE;
    }

  for (guint i = 0; i < repeat; i++)
    g_string_append (baseline, "SELECT 1;\n");
  if (!write_file (dir, "baseline.sql", baseline->str, &error))
    {
      g_printerr ("jz-bench: %s\n", error->message);
      return EXIT_FAILURE;
    }

  for (guint k = 0; k < N_SEARCHES; k++)
    {
      g_autofree char *where = search_condition (&g_array_index (searches, Search, k));
      g_autofree char *filter = g_strdup_printf (
        "s.file_status = 'open' AND s.household_id IN "
        "(SELECT p.household_id FROM persons p WHERE %s AND p.active = 1)", where);
      g_autofree char *count = g_strdup_printf ("SELECT count(*) FROM household_summary s WHERE %s;\n", filter);
      g_autofree char *page = g_strdup_printf (
        "SELECT s.household_id, s.head_name, s.head_id_number, t.name, v.name, s.members, "
        "s.programs, s.case_status, s.monthly_amount FROM household_summary s "
        "LEFT JOIN regions t ON t.id = s.township_id LEFT JOIN regions v ON v.id = s.village_id "
        "WHERE %s ORDER BY s.head_name, s.household_id LIMIT %d;\n", filter, PAGE_SIZE);
      g_autoptr(GString) script = g_string_new (".output /dev/null\n");
      g_autofree char *script_name = g_strdup_printf ("search-%02u.sql", k + 1);
      g_autofree char *count_name = g_strdup_printf ("count-%02u.sql", k + 1);

      for (guint i = 0; i < repeat; i++)
        {
          g_string_append (script, count);
          g_string_append (script, page);
        }

      if (!write_file (dir, script_name, script->str, &error) ||
          !write_file (dir, count_name, count, &error))
        {
          g_printerr ("jz-bench: %s\n", error->message);
          return EXIT_FAILURE;
        }
    }

  return EXIT_SUCCESS;
}

static gint64
peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "\nVmHWM:");
  if (line == NULL)
    return -1;

  return g_ascii_strtoll (line + strlen ("\nVmHWM:"), NULL, 10);
}

static int
command_model_scroll (JzDb  *db,
                      guint  window)
{
  g_autoptr(JzHouseholdQuery) query = jz_household_query_new ();
  g_autoptr(JzHouseholdModel) model = NULL;
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 start = g_get_monotonic_time ();
  gint64 start_hwm = -1;
  guint n;

  /* What the case list asks for when it opens. */
  query->sort = JZ_HOUSEHOLD_SORT_HEAD_NAME;
  model = jz_household_model_new (db, query);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));

  for (guint pos = 0; pos < n; pos += window)
    {
      g_ptr_array_set_size (held, 0);
      for (guint i = pos; i < MIN (pos + window, n); i++)
        {
          JzHouseholdRow *row = g_list_model_get_item (G_LIST_MODEL (model), i);

          if (row == NULL || jz_household_row_get_id (row) == 0)
            {
              g_printerr ("jz-bench: row %u of %u could not be read\n", i, n);
              g_clear_object (&row);
              return EXIT_FAILURE;
            }
          g_ptr_array_add (held, row);
        }
      if (pos == 0)
        start_hwm = peak_rss_kib ();
    }

  g_print ("model-rows: %u\n", n);
  g_print ("model-seconds: %.1f\n", (g_get_monotonic_time () - start) / 1e6);
  g_print ("model-start-rss-kib: %" G_GINT64_FORMAT "\n", start_hwm);
  g_print ("model-peak-rss-kib: %" G_GINT64_FORMAT "\n", peak_rss_kib ());
  return EXIT_SUCCESS;
}

static void
usage (void)
{
  g_printerr ("usage: jz-bench search DB [RUNS]\n"
              "       jz-bench search-sql DB DIR REPEAT\n"
              "       jz-bench model-scroll DB [WINDOW]\n");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  guint64 number = 0;

  setlocale (LC_ALL, "");

  if (argc < 3)
    {
      usage ();
      return 2;
    }

  db = jz_db_open (argv[2], JZ_DB_OPEN_READ_ONLY, &error);
  if (db == NULL)
    {
      g_printerr ("jz-bench: %s\n", error->message);
      return EXIT_FAILURE;
    }

  if (g_str_equal (argv[1], "search") && argc <= 4)
    {
      if (argc == 4 && !g_ascii_string_to_unsigned (argv[3], 10, 1, 1000, &number, NULL))
        {
          usage ();
          return 2;
        }
      return command_search (db, argc == 4 ? (guint) number : 5);
    }

  if (g_str_equal (argv[1], "search-sql") && argc == 5)
    {
      if (!g_ascii_string_to_unsigned (argv[4], 10, 1, 10000, &number, NULL))
        {
          usage ();
          return 2;
        }
      return command_search_sql (db, argv[3], (guint) number);
    }

  if (g_str_equal (argv[1], "model-scroll") && argc <= 4)
    {
      if (argc == 4 && !g_ascii_string_to_unsigned (argv[3], 10, 1, 100000, &number, NULL))
        {
          usage ();
          return 2;
        }
      return command_model_scroll (db, argc == 4 ? (guint) number : 40);
    }

  usage ();
  return 2;
}
