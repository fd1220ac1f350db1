/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jz-care-page.h"
#include "jz-cases-page.h"
#include "jz-dashboard-page.h"
#include "jz-disclosure-page.h"
#include "jz-payments-page.h"
#include "jz-region.h"
#include "jz-reports-page.h"
#include "jz-settings-page.h"
#include "jz-tasks-page.h"
#include "jz-test-window.h"

static JzApplication *app;
static char *tmp_dir;
/* XDG_DATA_HOME, where the default database is created. */
static char *data_home;

/* Helpers */

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static void
wait_until_mapped (GtkWidget *widget,
                   gboolean   mapped)
{
  while (gtk_widget_get_mapped (widget) != mapped)
    g_main_context_iteration (NULL, TRUE);
}

/* The one main window the application has, as the first start makes it. */
static JzWindow *
app_window (void)
{
  JzWindow *found = NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (JZ_IS_WINDOW (l->data))
      {
        g_assert_null (found);
        found = l->data;
      }

  return found;
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

/* Whether the row titled @title of the settings page @page shows @value
 * beside it, shown or not. */
static gboolean
page_row_shows (GtkWidget  *page,
                const char *title,
                const char *value)
{
  GtkWidget *row;

  g_assert_true (JZ_IS_SETTINGS_PAGE (page));
  row = find_row (page, title);
  g_assert_nonnull (row);

  return shows_label (row, value);
}

/* Whether the settings page, shown now, has @value beside the row @title. */
static gboolean
settings_row_shows (JzWindow   *window,
                    const char *title,
                    const char *value)
{
  return page_row_shows (jz_window_get_visible_page (window), title, value);
}

static GtkWidget *
find_status_page (GtkWidget  *widget,
                  const char *title)
{
  if (ADW_IS_STATUS_PAGE (widget) &&
      g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), title) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_status_page (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_button_for (GtkWidget  *widget,
                const char *action)
{
  if (GTK_IS_BUTTON (widget) &&
      gtk_widget_get_visible (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_button_for (child, action))
      return TRUE;

  return FALSE;
}

static gboolean
recent_contains (GSettings  *settings,
                 const char *path)
{
  g_auto(GStrv) recent = g_settings_get_strv (settings, "recent-databases");

  return g_strv_contains ((const char * const *) recent, path);
}

/* The first menu button with a menu: the window's, not a panel's
 * popover button. */
static GtkMenuButton *
find_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) != NULL)
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
  g_autoptr(JzDb) db = jz_test_window_db_new (tmp_dir, "panels.db", 100, 7);
  g_autofree char *version = NULL;
  JzWindow *window;
  int width;
  int height;

  reset_settings ();
  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 640);

  window = jz_test_window_new (app, db, 0, 0);

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
  g_autoptr(JzDb) first = jz_test_window_db_new (tmp_dir, "first.db", 0, 0);
  g_autoptr(JzDb) second = jz_test_window_db_new (tmp_dir, "second.db", 0, 0);
  g_autoptr(JzDb) other_clerk = NULL;
  g_autoptr(JzDb) first_clerk = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *settings_page;
  gint64 district;
  JzWindow *window;

  reset_settings ();
  window = jz_test_window_new (app, first, 0, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-panel", "s", "settings");
  settings_page = jz_window_get_visible_page (window);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_row (settings_page, "File"))),
                   ==, jz_db_get_path (first));
  g_assert_true (settings_row_shows (window, "Regions", "0"));

  jz_window_set_db (window, second);
  g_assert_true (jz_page_get_db (JZ_PAGE (settings_page)) == second);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_row (settings_page, "File"))),
                   ==, jz_db_get_path (second));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "second.db"));

  /* Neither the window nor any page listens to the old file any more. */
  g_assert_false (g_signal_has_handler_pending (first, g_signal_lookup ("changed", JZ_TYPE_DB), 0, FALSE));

  /* Another clerk commits to the same file: the page follows. */
  other_clerk = jz_db_open (jz_db_get_path (second), JZ_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  district = jz_region_create (other_clerk, 0, "district", "370302", "青禾区", &error);
  g_assert_no_error (error);
  g_assert_cmpint (district, >, 0);
  g_assert_true (settings_row_shows (window, "Regions", "0"));
  g_assert_true (jz_db_poll_changes (second));
  g_assert_true (settings_row_shows (window, "Regions", "1"));

  /* A commit to the file shown before changes nothing on the pages. */
  first_clerk = jz_db_open (jz_db_get_path (first), JZ_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  jz_region_create (first_clerk, 0, "district", "370303", "白杨区", &error);
  g_assert_no_error (error);
  jz_region_create (first_clerk, 0, "district", "370304", "石桥区", &error);
  g_assert_no_error (error);
  g_assert_true (jz_db_poll_changes (first));
  g_assert_true (settings_row_shows (window, "Regions", "1"));
  g_assert_false (settings_row_shows (window, "Regions", "2"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_row (settings_page, "File"))),
                   ==, jz_db_get_path (second));

  /* A hidden page leaves the file alone until it is shown again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-panel", "s", "dashboard");
  wait_until_mapped (settings_page, FALSE);
  jz_region_create (other_clerk, district, "town", "370302001", "东关街道", &error);
  g_assert_no_error (error);
  g_assert_true (jz_db_poll_changes (second));
  g_assert_true (page_row_shows (settings_page, "Regions", "1"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-panel", "s", "settings");
  wait_until_mapped (settings_page, TRUE);
  g_assert_true (settings_row_shows (window, "Regions", "2"));

  jz_test_window_destroy (window);
}

static void
test_window_open_bad_file (void)
{
  GSettings *settings = jz_application_get_settings (app);
  g_autoptr(JzDb) good = jz_test_window_db_new (tmp_dir, "good.db", 0, 0);
  g_autoptr(JzDb) probe = NULL;
  g_autoptr(GError) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bad_path = tmp_path ("x.db");
  g_autofree char *missing_path = tmp_path ("gone.db");
  g_autofree char *unreachable_path = g_build_filename (tmp_dir, "share", "office.db", NULL);
  g_autofree char *next_path = tmp_path ("next.db");
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GFile) next = g_file_new_for_path (next_path);
  const char *recent[] = { NULL, NULL, NULL };
  AdwMessageDialog *dialog;
  JzWindow *window;

  reset_settings ();
  window = jz_test_window_new (app, good, 0, 0);

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

  /* A recent file whose folder cannot be reached, as a network drive that is
   * not connected, is reported and stays in the menu for when it is back. */
  recent[0] = unreachable_path;
  recent[1] = missing_path;
  g_settings_set_strv (settings, "recent-databases", recent);
  {
    g_autoptr(GPtrArray) menu_paths = recent_menu_paths (window);

    g_assert_cmpuint (menu_paths->len, ==, 2);
    g_assert_cmpstr (g_ptr_array_index (menu_paths, 0), ==, unreachable_path);
    g_assert_cmpstr (g_ptr_array_index (menu_paths, 1), ==, missing_path);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.open-recent", "s", unreachable_path));
  drain_main_context ();
  g_assert_true (jz_window_get_db (window) == good);
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "office.db"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "cannot be reached"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "stays in Open Recent"));
  g_assert_true (recent_contains (settings, unreachable_path));
  g_assert_true (recent_contains (settings, missing_path));
  gtk_window_close (GTK_WINDOW (dialog));
  drain_main_context ();

  /* A recent file deleted from a folder that is there leaves the menu. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.open-recent", "s", missing_path));
  drain_main_context ();
  g_assert_true (jz_window_get_db (window) == good);
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "removed from Open Recent"));
  g_assert_false (recent_contains (settings, missing_path));
  g_assert_true (recent_contains (settings, unreachable_path));
  {
    g_autoptr(GPtrArray) menu_paths = recent_menu_paths (window);

    g_assert_cmpuint (menu_paths->len, ==, 1);
    g_assert_cmpstr (g_ptr_array_index (menu_paths, 0), ==, unreachable_path);
  }
  gtk_window_close (GTK_WINDOW (dialog));
  drain_main_context ();

  /* A good file replaces the database and becomes the first recent one. */
  g_clear_object (&probe);
  probe = jz_test_window_db_new (tmp_dir, "next.db", 0, 0);
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

  jz_test_window_destroy (window);
}

static void
test_window_no_database (void)
{
  g_autoptr(JzDb) db = jz_test_window_db_new (tmp_dir, "later.db", 0, 0);
  GtkWidget *status;
  GtkWidget *page;
  JzWindow *window;

  reset_settings ();
  window = jz_test_window_new (app, NULL, 0, 0);

  /* No panels without data: an empty state with the ways to a database. */
  status = find_status_page (GTK_WIDGET (window), "No Database Open");
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_get_mapped (status));
  g_assert_true (has_button_for (status, "app.new-database"));
  g_assert_true (has_button_for (status, "app.open-database"));
  page = jz_window_get_visible_page (window);
  g_assert_false (gtk_widget_get_mapped (page));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Jiuzhu");

  /* Once there is a database, the panels come back and show it. */
  jz_window_set_db (window, db);
  wait_until_mapped (page, TRUE);
  g_assert_false (gtk_widget_get_mapped (status));
  g_assert_true (jz_page_get_db (JZ_PAGE (page)) == db);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-panel", "s", "settings"));
  wait_until_mapped (jz_window_get_visible_page (window), TRUE);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_row (jz_window_get_visible_page (window), "File"))),
                   ==, jz_db_get_path (db));

  jz_window_set_db (window, NULL);
  wait_until_mapped (status, TRUE);
  g_assert_false (gtk_widget_get_mapped (jz_window_get_visible_page (window)));

  jz_test_window_destroy (window);
}

static JzWindow *
start_app (void)
{
  JzWindow *window;

  g_assert_null (app_window ());
  g_application_activate (G_APPLICATION (app));
  window = g_object_ref (app_window ());
  wait_for_draw (GTK_WIDGET (window));

  return window;
}

/* The first start, when the folder for the default database cannot be made. */
static void
test_window_start_cannot_create (void)
{
  GSettings *settings = jz_application_get_settings (app);
  g_autoptr(GError) error = NULL;
  g_autofree char *fallback = jz_db_default_path ();
  g_autofree char *folder = g_path_get_dirname (fallback);
  g_autofree char *last = NULL;
  AdwMessageDialog *dialog;
  JzWindow *window;

  reset_settings ();
  remove_tree (data_home);
  /* A file where the folder should be. */
  g_file_set_contents (data_home, "", -1, &error);
  g_assert_no_error (error);

  window = start_app ();
  g_assert_null (jz_window_get_db (window));
  g_assert_true (gtk_widget_get_mapped (find_status_page (GTK_WIDGET (window), "No Database Open")));

  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Create “jiuzhu.db”");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), folder));
  g_assert_null (strstr (adw_message_dialog_get_body (dialog), "opened instead"));

  last = g_settings_get_string (settings, "last-database");
  g_assert_cmpstr (last, ==, "");

  gtk_window_close (GTK_WINDOW (dialog));
  jz_test_window_destroy (window);
  g_remove (data_home);
}

/* The start when the file used last is on a network drive that is away. */
static void
test_window_start_fallback (void)
{
  GSettings *settings = jz_application_get_settings (app);
  g_autofree char *share_path = g_build_filename (tmp_dir, "unmounted", "office.db", NULL);
  g_autofree char *gone_path = tmp_path ("deleted.db");
  g_autofree char *fallback = jz_db_default_path ();
  const char *recent[] = { share_path, gone_path, NULL };
  AdwMessageDialog *dialog;
  JzWindow *window;

  reset_settings ();
  remove_tree (data_home);
  g_settings_set_strv (settings, "recent-databases", recent);
  g_settings_set_string (settings, "last-database", share_path);

  window = start_app ();
  g_assert_nonnull (jz_window_get_db (window));
  g_assert_cmpstr (jz_db_get_path (jz_window_get_db (window)), ==, fallback);

  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Open “office.db”");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "cannot be reached"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "The database on this computer was opened instead."));

  /* Next time the shared file is tried first again, not the fallback. */
  {
    g_autofree char *last = g_settings_get_string (settings, "last-database");

    g_assert_cmpstr (last, ==, share_path);
    g_assert_cmpstr (last, !=, fallback);
  }
  g_assert_true (recent_contains (settings, share_path));
  g_assert_true (recent_contains (settings, gone_path));

  gtk_window_close (GTK_WINDOW (dialog));
  jz_test_window_destroy (window);

  /* A file deleted from a folder that is there is not asked for again. */
  g_settings_set_string (settings, "last-database", gone_path);
  window = start_app ();
  g_assert_cmpstr (jz_db_get_path (jz_window_get_db (window)), ==, fallback);
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "removed from Open Recent"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "The database on this computer was opened instead."));
  g_assert_false (recent_contains (settings, gone_path));
  g_assert_true (recent_contains (settings, share_path));
  {
    g_autofree char *last = g_settings_get_string (settings, "last-database");

    g_assert_cmpstr (last, ==, "");
  }

  gtk_window_close (GTK_WINDOW (dialog));
  jz_test_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  app = jz_test_window_init (&argc, &argv, "jz-test-window-XXXXXX", &tmp_dir);
  data_home = g_strdup (g_getenv ("XDG_DATA_HOME"));

  g_test_add_func ("/window/panels", test_window_panels);
  g_test_add_func ("/window/db-replaced", test_window_db_replaced);
  g_test_add_func ("/window/open-bad-file", test_window_open_bad_file);
  g_test_add_func ("/window/no-database", test_window_no_database);
  g_test_add_func ("/window/start-cannot-create", test_window_start_cannot_create);
  g_test_add_func ("/window/start-fallback", test_window_start_fallback);

  ret = g_test_run ();

  jz_test_window_finish (&app, &tmp_dir);
  g_clear_pointer (&data_home, g_free);

  return ret;
}
