/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <locale.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "jz-application.h"
#include "jz-db.h"
#include "jz-demo.h"
#include "jz-window.h"

/* What the window tests under Xvfb share: the process set up as the real
 * program is (one registered application for the whole run), a temporary
 * folder that nothing outlives, demo databases and windows, and the ways to
 * wait for GTK. The small helpers keep the names the tests call them by. */

/* Removes @path, a folder with all it holds or a file. */
static inline void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_remove (path);
}

/**
 * jz_test_window_init:
 * @tmp_template: for g_dir_make_tmp(), e.g. "jz-test-window-XXXXXX"
 * @tmp_dir: (out): the temporary folder; XDG_DATA_HOME is its "data"
 *
 * To be called first in main(). English labels whatever the locale of the
 * machine, unless JZ_SCREENSHOT_DIR asks for pictures in the language of
 * LANGUAGE; the catalogue from JIUZHU_LOCALEDIR, as the program reads it.
 * Nothing the application does may touch the real user data folder.
 *
 * Returns: (transfer full): the registered application
 */
static inline JzApplication *
jz_test_window_init (int         *argc,
                     char      ***argv,
                     const char  *tmp_template,
                     char       **tmp_dir)
{
  const char *localedir = g_getenv ("JIUZHU_LOCALEDIR");
  g_autofree char *data_home = NULL;
  g_autoptr(GError) error = NULL;
  JzApplication *app;

  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  if (g_getenv ("JZ_SCREENSHOT_DIR") == NULL)
    g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
  if (localedir != NULL && *localedir != '\0')
    bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  *tmp_dir = g_dir_make_tmp (tmp_template, &error);
  g_assert_no_error (error);
  data_home = g_build_filename (*tmp_dir, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  gtk_test_init (argc, argv, NULL);

  app = jz_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  return app;
}

/* The end of main(): the application goes, and the temporary folder. */
static inline void
jz_test_window_finish (JzApplication **app,
                       char          **tmp_dir)
{
  g_clear_object (app);
  remove_tree (*tmp_dir);
  g_clear_pointer (tmp_dir, g_free);
}

/**
 * jz_test_window_db_new:
 * @n_households: how many households of demo data, none for 0
 * @seed: the demo's seed: the same data on every run
 *
 * A new database @name in @dir, which clerk-a writes to; a file of that
 * name left by an earlier test is replaced.
 *
 * Returns: (transfer full): the open database
 */
static inline JzDb *
jz_test_window_db_new (const char *dir,
                       const char *name,
                       guint       n_households,
                       guint32     seed)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  JzDb *db;

  g_remove (path);
  db = jz_db_open (path, JZ_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  jz_db_set_user_name (db, "clerk-a");

  if (n_households > 0)
    {
      JzDemoOptions options = { .n_households = n_households, .seed = seed };

      g_date_clear (&options.end, 1);
      g_date_set_dmy (&options.end, 30, G_DATE_JUNE, 2025);
      jz_demo_generate (db, &options, &error);
      g_assert_no_error (error);
    }

  return db;
}

static inline void
set_flag (gboolean *flag)
{
  *flag = TRUE;
}

/* Runs the main loop until @widget is mapped and has been painted once. */
static inline void
wait_for_draw (GtkWidget *widget)
{
  GdkFrameClock *clock;
  gboolean drawn = FALSE;
  gulong handler;

  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);

  clock = gtk_widget_get_frame_clock (widget);
  g_assert_nonnull (clock);
  handler = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (set_flag), &drawn);
  gtk_widget_queue_draw (widget);
  while (!drawn)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
}

/* Runs what is ready to run, without waiting for more. */
static inline void
drain_main_context (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static inline gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @msec, so that timers (a search delay) fire. */
static inline void
run_for (guint msec)
{
  gboolean done = FALSE;

  g_timeout_add (msec, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* A picture of the screen as @name in JZ_SCREENSHOT_DIR, when that is set. */
static inline void
screenshot (const char *name)
{
  const char *dir = g_getenv ("JZ_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autofree char *command = NULL;
  g_autoptr(GError) error = NULL;

  if (dir == NULL)
    return;

  /* Let animations (a stack's slide, a dialog opening) finish first. */
  run_for (700);
  path = g_build_filename (dir, name, NULL);
  command = g_strdup_printf ("import -window root %s", path);
  g_spawn_command_line_sync (command, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

/* Sets *@window to NULL once the window is finalized. */
static inline void
watch_window (GtkWindow **window)
{
  g_object_add_weak_pointer (G_OBJECT (*window), (gpointer *) window);
}

static inline void
wait_destroyed (GtkWindow **window)
{
  while (*window != NULL)
    g_main_context_iteration (NULL, TRUE);
}

/**
 * jz_test_window_new:
 * @db: (nullable): the database to show
 * @width: the default width, or 0 for the one in the settings
 * @height: likewise
 *
 * A main window, presented and drawn. GTK owns toplevels; the test holds a
 * reference of its own, to see the window finalized at its end.
 *
 * Returns: (transfer full): the window
 */
static inline JzWindow *
jz_test_window_new (JzApplication *app,
                    JzDb          *db,
                    int            width,
                    int            height)
{
  JzWindow *window = jz_window_new (GTK_APPLICATION (app), jz_application_get_settings (app), db);

  g_object_ref (window);
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_draw (GTK_WIDGET (window));

  return window;
}

/* Destroys a window from jz_test_window_new() and checks that nothing
 * else holds it. */
static inline void
jz_test_window_destroy (JzWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_context ();
  g_assert_finalize_object (window);
}

/* The first widget of @type under @widget, @widget itself included, or NULL. */
static inline GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Whether a visible label under @widget shows @text, or (@partial) a label
 * that contains it. */
static inline gboolean
shows_text (GtkWidget  *widget,
            const char *text,
            gboolean    partial)
{
  if (!gtk_widget_get_visible (widget))
    return FALSE;

  if (GTK_IS_LABEL (widget))
    {
      const char *label = gtk_label_get_label (GTK_LABEL (widget));

      if (partial ? strstr (label, text) != NULL : g_str_equal (label, text))
        return TRUE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text, partial))
      return TRUE;

  return FALSE;
}

/* The row titled @title under @widget, or NULL. */
static inline GtkWidget *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The toplevel of @type shown now, or NULL. */
static inline GtkWindow *
find_toplevel (GType type)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWindow *found = NULL;

  for (GList *l = toplevels; l != NULL && found == NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      found = l->data;

  g_list_free (toplevels);
  return found;
}
