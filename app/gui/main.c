/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "jz-application.h"
#include "jz-window.h"

/*
 * Two hooks for bench/run.sh; their printouts are for the benchmark, not
 * for a clerk, and stay untranslated.
 *
 * JIUZHU_BENCH_FIRST_FRAME: prints "first-frame-ms: N", the time from the
 * start of main() to the first frame of the window, and quits.
 *
 * JIUZHU_BENCH_SCROLL: after the first frame, shows the case list and
 * scrolls it from top to bottom a page per frame, as a clerk holding Page
 * Down would, so that every row is read and bound once; then prints
 * "scroll-rows: N", "scroll-steps: N", "scroll-seconds: N",
 * "scroll-start-rss-kib: N" (the peak resident memory with the first page
 * on screen) and "scroll-peak-rss-kib: N" (the peak at the end), and
 * quits; on the way, "scroll-at: P% peak-rss-kib N" every tenth of the
 * list.  The list's memory must not grow with the table.
 */
static gint64 start_time;

typedef struct
{
  GtkWidget     *window;
  GtkWidget     *column_view;
  GtkAdjustment *vadjustment;
  guint          steps;
  gint64         started;
  gint64         start_hwm_kib;
  guint          next_percent;
} BenchScroll;

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

static GtkWidget *
find_column_view (GtkWidget *widget)
{
  if (GTK_IS_COLUMN_VIEW (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_column_view (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
bench_quit (GtkWidget *window)
{
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
}

static void
bench_scroll_finish (BenchScroll *scroll)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (scroll->column_view)));

  g_print ("scroll-rows: %u\n", g_list_model_get_n_items (model));
  g_print ("scroll-steps: %u\n", scroll->steps);
  g_print ("scroll-seconds: %.1f\n", (g_get_monotonic_time () - scroll->started) / 1e6);
  g_print ("scroll-start-rss-kib: %" G_GINT64_FORMAT "\n", scroll->start_hwm_kib);
  g_print ("scroll-peak-rss-kib: %" G_GINT64_FORMAT "\n", peak_rss_kib ());
  bench_quit (scroll->window);
}

/* Runs before each frame's layout, so each page is laid out and its rows
 * bound before the next step. */
static gboolean
bench_scroll_tick_cb (GtkWidget     *widget,
                      GdkFrameClock *clock,
                      gpointer       user_data)
{
  BenchScroll *scroll = user_data;
  double value, page, bottom;

  if (scroll->column_view == NULL)
    {
      GtkWidget *page_widget = jz_window_get_visible_page (JZ_WINDOW (scroll->window));
      GtkSelectionModel *model;

      scroll->column_view = page_widget != NULL ? find_column_view (page_widget) : NULL;
      if (scroll->column_view == NULL)
        {
          g_printerr ("scroll: the case list has no column view\n");
          bench_quit (scroll->window);
          return G_SOURCE_REMOVE;
        }
      model = gtk_column_view_get_model (GTK_COLUMN_VIEW (scroll->column_view));
      if (model == NULL || g_list_model_get_n_items (G_LIST_MODEL (model)) == 0)
        {
          g_printerr ("scroll: the case list is empty; open a database with households\n");
          bench_quit (scroll->window);
          return G_SOURCE_REMOVE;
        }
      scroll->vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (scroll->column_view));
      return G_SOURCE_CONTINUE;
    }

  page = gtk_adjustment_get_page_size (scroll->vadjustment);
  bottom = gtk_adjustment_get_upper (scroll->vadjustment) - page;
  /* Not laid out yet. */
  if (page <= 0)
    return G_SOURCE_CONTINUE;

  if (scroll->started == 0)
    {
      scroll->started = g_get_monotonic_time ();
      scroll->start_hwm_kib = peak_rss_kib ();
    }

  /* At the bottom since the last frame, whose layout bound its rows.  The
   * bottom is read anew each time: the view's height is an estimate from
   * the rows it measured so far. */
  value = gtk_adjustment_get_value (scroll->vadjustment);
  if (bottom > 0 && value * 100 >= bottom * scroll->next_percent)
    {
      g_print ("scroll-at: %u%% peak-rss-kib %" G_GINT64_FORMAT "\n", scroll->next_percent, peak_rss_kib ());
      scroll->next_percent += 10;
    }
  if (scroll->steps > 0 && value >= bottom - 0.5)
    {
      bench_scroll_finish (scroll);
      return G_SOURCE_REMOVE;
    }

  gtk_adjustment_set_value (scroll->vadjustment, MIN (value + page, bottom));
  scroll->steps++;

  return G_SOURCE_CONTINUE;
}

static void
bench_scroll_start (GtkWidget *window)
{
  BenchScroll *scroll = g_new0 (BenchScroll, 1);

  scroll->window = window;
  jz_window_set_panel (JZ_WINDOW (window), "cases");
  gtk_widget_add_tick_callback (window, bench_scroll_tick_cb, scroll, g_free);
}

static void
first_frame_painted_cb (GdkFrameClock *clock,
                        GtkWidget     *window)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_painted_cb, window);
  g_print ("first-frame-ms: %" G_GINT64_FORMAT "\n", (g_get_monotonic_time () - start_time) / 1000);

  if (g_getenv ("JIUZHU_BENCH_SCROLL") != NULL && JZ_IS_WINDOW (window))
    bench_scroll_start (window);
  else
    bench_quit (window);
}

static void
bench_window_realized_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (first_frame_painted_cb), window);
}

static void
bench_window_added_cb (GtkApplication *app,
                       GtkWindow      *window)
{
  g_signal_handlers_disconnect_by_func (app, bench_window_added_cb, NULL);
  g_signal_connect (window, "realize", G_CALLBACK (bench_window_realized_cb), NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JzApplication) app = NULL;
  const char *localedir = g_getenv ("JIUZHU_LOCALEDIR");

  start_time = g_get_monotonic_time ();
  /* JIUZHU_LOCALEDIR lets the tests and the development script use the
   * catalogues of the build tree before anything is installed. */
  if (localedir == NULL || localedir[0] == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = jz_application_new (G_APPLICATION_DEFAULT_FLAGS);
  if (g_getenv ("JIUZHU_BENCH_FIRST_FRAME") != NULL || g_getenv ("JIUZHU_BENCH_SCROLL") != NULL)
    g_signal_connect (app, "window-added", G_CALLBACK (bench_window_added_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
