/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>

#include "jz-application.h"

/* JIUZHU_BENCH_FIRST_FRAME: the benchmark's time to the first frame. */
static gint64 start_time;

static void
first_frame_painted_cb (GdkFrameClock *clock,
                        GtkWidget     *window)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_painted_cb, window);
  g_print ("first-frame-ms: %" G_GINT64_FORMAT "\n", (g_get_monotonic_time () - start_time) / 1000);
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
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
  if (g_getenv ("JIUZHU_BENCH_FIRST_FRAME") != NULL)
    g_signal_connect (app, "window-added", G_CALLBACK (bench_window_added_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
