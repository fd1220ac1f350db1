/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "jz-application.h"
#include "jz-care-page.h"
#include "jz-cases-page.h"
#include "jz-dashboard-page.h"
#include "jz-db.h"
#include "jz-demo.h"
#include "jz-disclosure-page.h"
#include "jz-payments-page.h"
#include "jz-region.h"
#include "jz-reports-page.h"
#include "jz-settings-page.h"
#include "jz-tasks-page.h"
#include "jz-window.h"

/* One registered application for the whole run, as the real program has. */
static JzApplication *app;
static char *tmp_dir;

/* Helpers */

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static JzDb *
create_db (const char *name,
           guint       n_households)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_path (name);
  JzDb *db;

  g_remove (path);
  db = jz_db_open (path, JZ_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);

  if (n_households > 0)
    {
      JzDemoOptions options = { .n_households = n_households, .seed = 7 };

      g_date_clear (&options.end, 1);
      g_date_set_dmy (&options.end, 30, G_DATE_JUNE, 2025);
      jz_demo_generate (db, &options, &error);
      g_assert_no_error (error);
    }

  return db;
}

static void
set_flag (gboolean *flag)
{
  *flag = TRUE;
}

static void
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

static void
drain_main_context (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The toplevel of @type shown now, or NULL. */
static GtkWindow *
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

static GtkWidget *
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

static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) &&
      gtk_widget_get_visible (widget) &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;

  return FALSE;
}

/* Whether the settings page row titled @title shows @value beside it. */
static gboolean
settings_row_shows (JzWindow   *window,
                    const char *title,
                    const char *value)
{
  GtkWidget *page = jz_window_get_visible_page (window);
  GtkWidget *row;

  g_assert_true (JZ_IS_SETTINGS_PAGE (page));
  row = find_row (page, title);
  g_assert_nonnull (row);

  return shows_label (row, value);
}

static gboolean
recent_contains (GSettings  *settings,
                 const char *path)
{
  g_auto(GStrv) recent = g_settings_get_strv (settings, "recent-databases");

  return g_strv_contains ((const char * const *) recent, path);
}

static GtkMenuButton *
find_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget))
    return GTK_MENU_BUTTON (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_menu_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
collect_recent_items (GMenuModel *model,
                      GPtrArray  *paths)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *action = NULL;
      GMenuLinkIter *links;
      GMenuModel *link;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &action) &&
          g_str_equal (action, "app.open-recent"))
        {
          g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (model, i, G_MENU_ATTRIBUTE_TARGET,
                                                                              G_VARIANT_TYPE_STRING);

          g_assert_nonnull (target);
          g_ptr_array_add (paths, g_variant_dup_string (target, NULL));
        }

      links = g_menu_model_iterate_item_links (model, i);
      while (g_menu_link_iter_get_next (links, NULL, &link))
        {
          collect_recent_items (link, paths);
          g_object_unref (link);
        }
      g_object_unref (links);
    }
}

/* The paths the database menu offers under Open Recent, in order. */
static GPtrArray *
recent_menu_paths (JzWindow *window)
{
  GtkMenuButton *button = find_menu_button (GTK_WIDGET (window));
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (button);
  collect_recent_items (gtk_menu_button_get_menu_model (button), paths);

  return paths;
}

static JzWindow *
new_window (JzDb *db)
{
  JzWindow *window;

  window = jz_window_new (GTK_APPLICATION (app), jz_application_get_settings (app), db);
  /* GTK owns toplevels; the test holds its own reference to see them finalized. */
  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_draw (GTK_WIDGET (window));

  return window;
}

static void
reset_settings (void)
{
  GSettings *settings = jz_application_get_settings (app);

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_settings_reset (settings, "window-maximized");
  g_settings_reset (settings, "last-database");
  g_settings_reset (settings, "recent-databases");
}

/* Tests */

static void
test_window_panels (void)
{
  static const struct {
    const char *name;
    GType (*get_type) (void);
  } panels[] = {
    { "cases", jz_cases_page_get_type },
    { "tasks", jz_tasks_page_get_type },
    { "care", jz_care_page_get_type },
    { "disclosure", jz_disclosure_page_get_type },
    { "payments", jz_payments_page_get_type },
    { "reports", jz_reports_page_get_type },
    { "settings", jz_settings_page_get_type },
    { "dashboard", jz_dashboard_page_get_type },
  };
  GSettings *settings = jz_application_get_settings (app);
  g_autoptr(JzDb) db = create_db ("panels.db", 100);
  g_autofree char *version = NULL;
  JzWindow *window;
  int width;
  int height;

  reset_settings ();
  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 640);

  window = new_window (db);

  /* The size comes back from the settings the window was given. */
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);

  g_assert_true (jz_window_get_db (window) == db);
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "panels.db"));
  g_assert_cmpstr (jz_window_get_panel (window), ==, "dashboard");
  g_assert_true (JZ_IS_DASHBOARD_PAGE (jz_window_get_visible_page (window)));

  for (guint i = 0; i < G_N_ELEMENTS (panels); i++)
    {
      GtkWidget *before = jz_window_get_visible_page (window);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-panel", "s", panels[i].name));
      drain_main_context ();

      g_assert_cmpstr (jz_window_get_panel (window), ==, panels[i].name);
      g_assert_true (jz_window_get_visible_page (window) != before);
      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (jz_window_get_visible_page (window), panels[i].get_type ()));
      g_assert_true (jz_page_get_db (JZ_PAGE (jz_window_get_visible_page (window))) == db);
    }

  /* The Settings page tells what the file is and holds. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-panel", "s", "settings");
  drain_main_context ();
  version = g_strdup_printf ("%d", jz_db_get_schema_version (db));
  g_assert_cmpint (jz_db_get_schema_version (db), >, 0);
  g_assert_true (settings_row_shows (window, "Schema version", version));
  g_assert_true (settings_row_shows (window, "Households", "100"));

  /* The About window is filled from the AppStream metainfo. */
  g_assert_null (find_toplevel (ADW_TYPE_ABOUT_WINDOW));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.about", NULL));
  {
    AdwAboutWindow *about = ADW_ABOUT_WINDOW (find_toplevel (ADW_TYPE_ABOUT_WINDOW));

    g_assert_nonnull (about);
    g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (about)) == GTK_WINDOW (window));
    g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "Jiuzhu");
    g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
    g_assert_cmpstr (adw_about_window_get_release_notes_version (about), ==, PACKAGE_VERSION);
    g_assert_true (g_str_has_prefix (adw_about_window_get_release_notes (about), "<p>"));
    g_assert_cmpstr (adw_about_window_get_website (about), !=, NULL);
    g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
    g_assert_cmpstr (adw_about_window_get_comments (about), !=, "");
    g_assert_nonnull (strstr (adw_about_window_get_copyright (about), adw_about_window_get_developer_name (about)));
    wait_for_draw (GTK_WIDGET (about));
    gtk_window_destroy (GTK_WINDOW (about));
    g_assert_null (find_toplevel (ADW_TYPE_ABOUT_WINDOW));
  }

  /* A Chinese desktop gets the Chinese name from the metainfo. */
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.about", NULL));
  {
    AdwAboutWindow *about = ADW_ABOUT_WINDOW (find_toplevel (ADW_TYPE_ABOUT_WINDOW));

    g_assert_nonnull (about);
    g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "救助");
    gtk_window_destroy (GTK_WINDOW (about));
  }
  g_unsetenv ("LANGUAGE");

  /* The keyboard shortcuts window. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.shortcuts", NULL));
  {
    GtkWindow *shortcuts = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);

    g_assert_nonnull (shortcuts);
    gtk_window_destroy (shortcuts);
  }

  /* The size the clerk left is saved when the window closes. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  drain_main_context ();
  gtk_window_close (GTK_WINDOW (window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  drain_main_context ();
  g_assert_finalize_object (window);
}

static void
test_window_db_replaced (void)
{
  g_autoptr(JzDb) first = create_db ("first.db", 0);
  g_autoptr(JzDb) second = create_db ("second.db", 0);
  g_autoptr(JzDb) other_clerk = NULL;
  g_autoptr(GError) error = NULL;
  JzWindow *window;

  reset_settings ();
  window = new_window (first);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-panel", "s", "settings");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_row (jz_window_get_visible_page (window), "File"))),
                   ==, jz_db_get_path (first));
  g_assert_true (settings_row_shows (window, "Regions", "0"));

  jz_window_set_db (window, second);
  g_assert_true (jz_page_get_db (JZ_PAGE (jz_window_get_visible_page (window))) == second);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_row (jz_window_get_visible_page (window), "File"))),
                   ==, jz_db_get_path (second));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "second.db"));

  /* Another clerk commits to the same file: the page follows. */
  other_clerk = jz_db_open (jz_db_get_path (second), JZ_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  jz_region_create (other_clerk, 0, "district", "370302", "青禾区", &error);
  g_assert_no_error (error);
  g_assert_true (settings_row_shows (window, "Regions", "0"));
  g_assert_true (jz_db_poll_changes (second));
  g_assert_true (settings_row_shows (window, "Regions", "1"));

  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_context ();
  g_assert_finalize_object (window);
}

static void
test_window_open_bad_file (void)
{
  GSettings *settings = jz_application_get_settings (app);
  g_autoptr(JzDb) good = create_db ("good.db", 0);
  g_autoptr(JzDb) probe = NULL;
  g_autoptr(GError) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bad_path = tmp_path ("x.db");
  g_autofree char *missing_path = tmp_path ("gone.db");
  g_autofree char *next_path = tmp_path ("next.db");
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GFile) next = g_file_new_for_path (next_path);
  const char *recent[] = { NULL, NULL };
  AdwMessageDialog *dialog;
  JzWindow *window;

  reset_settings ();
  window = new_window (good);

  g_file_set_contents (bad_path, "Household list, to be typed in on Monday.\n", -1, &error);
  g_assert_no_error (error);
  probe = jz_db_open (bad_path, JZ_DB_OPEN_DEFAULT, &expected);
  g_assert_null (probe);
  g_assert_error (expected, JZ_DB_ERROR, JZ_DB_ERROR_NOT_A_DATABASE);

  /* Through the same path as `jiuzhu x.db` and a file manager's Open With. */
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_application_open (G_APPLICATION (app), &bad, 1, "");
  drain_main_context ();

  g_assert_true (jz_window_get_db (window) == good);
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, expected->message);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "x.db"));
  g_assert_false (recent_contains (settings, bad_path));

  /* What Escape does: the close response, then the dialog goes away. */
  gtk_window_close (GTK_WINDOW (dialog));
  drain_main_context ();
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  /* A recent file that was deleted is reported and leaves the menu. */
  recent[0] = missing_path;
  g_settings_set_strv (settings, "recent-databases", recent);
  {
    g_autoptr(GPtrArray) menu_paths = recent_menu_paths (window);

    g_assert_cmpuint (menu_paths->len, ==, 1);
    g_assert_cmpstr (g_ptr_array_index (menu_paths, 0), ==, missing_path);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.open-recent", "s", missing_path));
  drain_main_context ();
  g_assert_true (jz_window_get_db (window) == good);
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_false (recent_contains (settings, missing_path));
  gtk_window_close (GTK_WINDOW (dialog));
  drain_main_context ();

  /* A good file replaces the database and becomes the first recent one. */
  g_clear_object (&probe);
  probe = create_db ("next.db", 0);
  g_clear_object (&probe);
  g_application_open (G_APPLICATION (app), &next, 1, "");
  drain_main_context ();
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (jz_window_get_db (window) != good);
  g_assert_cmpstr (jz_db_get_path (jz_window_get_db (window)), ==, next_path);
  g_assert_true (recent_contains (settings, next_path));
  {
    g_autoptr(GPtrArray) menu_paths = recent_menu_paths (window);

    g_assert_cmpuint (menu_paths->len, >=, 1);
    g_assert_cmpstr (g_ptr_array_index (menu_paths, 0), ==, next_path);
    for (guint i = 0; i < menu_paths->len; i++)
      {
        g_assert_cmpstr (g_ptr_array_index (menu_paths, i), !=, bad_path);
        g_assert_cmpstr (g_ptr_array_index (menu_paths, i), !=, missing_path);
      }
  }
  {
    g_autofree char *last = g_settings_get_string (settings, "last-database");

    g_assert_cmpstr (last, ==, next_path);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_context ();
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  int ret;

  /* English labels, whatever the locale of the machine running the tests. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_unsetenv ("LANGUAGE");

  tmp_dir = g_dir_make_tmp ("jz-test-window-XXXXXX", &error);
  g_assert_no_error (error);
  /* Nothing the application does may touch the real user data folder. */
  data_home = g_build_filename (tmp_dir, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  gtk_test_init (&argc, &argv, NULL);

  app = jz_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/window/panels", test_window_panels);
  g_test_add_func ("/window/db-replaced", test_window_db_replaced);
  g_test_add_func ("/window/open-bad-file", test_window_open_bad_file);

  ret = g_test_run ();

  g_clear_object (&app);
  {
    g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
        g_remove (path);
      }
    g_rmdir (tmp_dir);
  }
  g_free (tmp_dir);

  return ret;
}
