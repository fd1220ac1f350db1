/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-about.h"
#include "jz-application.h"
#include "jz-first-admin-dialog.h"
#include "jz-window.h"

struct _JzApplication
{
  AdwApplication  parent_instance;

  /* Owned references */
  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (JzApplication, jz_application, ADW_TYPE_APPLICATION)

static JzWindow *
get_main_window (JzApplication *self)
{
  GtkWindow *active;

  g_assert (JZ_IS_APPLICATION (self));

  active = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (JZ_IS_WINDOW (active))
    return JZ_WINDOW (active);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (JZ_IS_WINDOW (l->data))
      return JZ_WINDOW (l->data);

  return NULL;
}

/* Puts @path first in the recent list and makes it the one to open next time. */
static void
remember_database (JzApplication *self,
                   const char    *path)
{
  g_auto(GStrv) recent = NULL;
  g_auto(GStrv) updated = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  guint n = 1;

  g_assert (JZ_IS_APPLICATION (self));
  g_assert (path != NULL);

  recent = g_settings_get_strv (self->settings, "recent-databases");
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, path);

  for (guint i = 0; recent[i] != NULL && n < JZ_APPLICATION_MAX_RECENT; i++)
    {
      if (recent[i][0] == '\0' || g_str_equal (recent[i], path))
        continue;
      g_strv_builder_add (builder, recent[i]);
      n++;
    }

  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-databases", (const char * const *) updated);
  g_settings_set_string (self->settings, "last-database", path);
}

static gboolean
is_recent_database (JzApplication *self,
                    const char    *path)
{
  g_auto(GStrv) recent = NULL;

  g_assert (JZ_IS_APPLICATION (self));

  recent = g_settings_get_strv (self->settings, "recent-databases");
  return g_strv_contains ((const char * const *) recent, path);
}

/* Returns whether @path was in the recent list. */
static gboolean
forget_database (JzApplication *self,
                 const char    *path)
{
  g_auto(GStrv) recent = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) updated = NULL;

  g_assert (JZ_IS_APPLICATION (self));

  recent = g_settings_get_strv (self->settings, "recent-databases");
  if (!g_strv_contains ((const char * const *) recent, path))
    return FALSE;

  builder = g_strv_builder_new ();
  for (guint i = 0; recent[i] != NULL; i++)
    if (!g_str_equal (recent[i], path))
      g_strv_builder_add (builder, recent[i]);

  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-databases", (const char * const *) updated);
  return TRUE;
}

static gboolean
folder_exists (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  return g_file_test (dir, G_FILE_TEST_IS_DIR);
}

/* A missing file in a folder that is there was deleted or moved. A missing
 * folder is most often a network drive that is not connected right now: the
 * file is not gone, and must not be dropped from the menu. */
static gboolean
is_really_gone (const char   *path,
                const GError *error)
{
  return g_error_matches (error, JZ_DB_ERROR, JZ_DB_ERROR_MISSING) &&
         folder_exists (path) &&
         !g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
append_paragraph (GString    *body,
                  const char *text)
{
  if (body->len > 0)
    g_string_append (body, "\n\n");
  g_string_append (body, text);
}

/* The error of jz_db_open(), told in the words that fit what the clerk did:
 * which folder is meant, and what became of the file in Open Recent. The
 * caller may add paragraphs before it makes the message of an error. */
static GString *
explain_open_error (JzApplication *self,
                    const char    *path,
                    JzDbOpenFlags  flags,
                    const GError  *error,
                    gboolean       forgotten)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *folder = g_filename_display_name (dir);
  GString *body = g_string_new (NULL);

  g_assert (JZ_IS_APPLICATION (self));

  if (g_error_matches (error, JZ_DB_ERROR, JZ_DB_ERROR_MISSING) && !folder_exists (path))
    {
      g_autofree char *text = NULL;

      /* TRANSLATORS: %s is a folder */
      text = g_strdup_printf (_("The folder “%s” cannot be reached. If it is on a network drive, connect the drive and try again."),
                              folder);
      append_paragraph (body, text);
      if (is_recent_database (self, path))
        append_paragraph (body, _("The file stays in Open Recent."));
    }
  else
    {
      append_paragraph (body, error->message);
      if (forgotten)
        append_paragraph (body, _("It has been removed from Open Recent."));
      if (flags & JZ_DB_OPEN_CREATE)
        {
          g_autofree char *text = NULL;

          /* TRANSLATORS: %s is a folder */
          text = g_strdup_printf (_("The new database was to be created in the folder “%s”."), folder);
          append_paragraph (body, text);
        }
    }

  return body;
}

static char *
error_heading (const char    *path,
               JzDbOpenFlags  flags)
{
  g_autofree char *name = g_filename_display_basename (path);

  if (flags & JZ_DB_OPEN_CREATE)
    /* TRANSLATORS: dialog heading; %s is a file name */
    return g_strdup_printf (_("Could Not Create “%s”"), name);

  /* TRANSLATORS: dialog heading; %s is a file name */
  return g_strdup_printf (_("Could Not Open “%s”"), name);
}

/* A new file, or one nobody has decided about yet, offers to set up the
 * administrator, once (see jz_user_get_offer_first_admin()).  Here rather
 * than in the window, which shows a database it is given without asking. */
static void
offer_first_admin (JzApplication *self,
                   JzWindow      *window)
{
  JzDb *db = jz_window_get_db (window);

  g_assert (JZ_IS_APPLICATION (self));

  if (db != NULL && jz_user_get_offer_first_admin (db))
    jz_first_admin_dialog_new (window, db);
}

enum {
  CANDIDATE_REQUESTED,
  CANDIDATE_LAST,
  CANDIDATE_FALLBACK,
  N_CANDIDATES
};

/* The first window opens the file asked for, else the one used last, else
 * the default database, which is created on the first run. The error of
 * the first file that failed is shown over whatever did open. */
static JzWindow *
open_first_window (JzApplication *self,
                   const char    *requested)
{
  g_autofree char *last = g_settings_get_string (self->settings, "last-database");
  g_autofree char *fallback = jz_db_default_path ();
  g_autoptr(GError) first_error = NULL;
  g_autoptr(JzDb) db = NULL;
  const char *candidates[N_CANDIDATES] = { requested, last, fallback };
  const JzDbOpenFlags flags[N_CANDIDATES] = { JZ_DB_OPEN_DEFAULT, JZ_DB_OPEN_DEFAULT, JZ_DB_OPEN_CREATE };
  guint failed = N_CANDIDATES;
  guint opened = N_CANDIDATES;
  JzWindow *window;

  g_assert (JZ_IS_APPLICATION (self));

  for (guint i = 0; i < N_CANDIDATES && db == NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean tried = FALSE;

      if (candidates[i] == NULL || candidates[i][0] == '\0')
        continue;

      for (guint j = 0; j < i; j++)
        tried |= g_strcmp0 (candidates[i], candidates[j]) == 0;
      if (tried)
        continue;

      db = jz_db_open (candidates[i], flags[i], &error);
      if (db != NULL)
        opened = i;
      else if (first_error == NULL)
        {
          first_error = g_steal_pointer (&error);
          failed = i;
        }
    }

  /* Only a file that opened as asked is the one to start with next time.
   * Were the fallback remembered while the shared drive is away, the clerk
   * would from the next start on work in a file on this computer unawares. */
  if (db != NULL && first_error == NULL)
    remember_database (self, jz_db_get_path (db));

  window = jz_window_new (GTK_APPLICATION (self), self->settings, db);
  gtk_window_present (GTK_WINDOW (window));

  if (first_error != NULL)
    {
      const char *failed_path = candidates[failed];
      g_autofree char *heading = error_heading (failed_path, flags[failed]);
      g_autoptr(GError) shown = NULL;
      gboolean forgotten = FALSE;
      g_autoptr(GString) body = NULL;

      /* A file that was really deleted would otherwise be asked for at every start. */
      if (is_really_gone (failed_path, first_error))
        {
          forgotten = forget_database (self, failed_path);
          if (failed == CANDIDATE_LAST)
            g_settings_reset (self->settings, "last-database");
        }

      body = explain_open_error (self, failed_path, flags[failed], first_error, forgotten);
      if (opened == CANDIDATE_FALLBACK)
        append_paragraph (body, _("The database on this computer was opened instead."));
      else if (opened == CANDIDATE_LAST)
        append_paragraph (body, _("The database used last was opened instead."));
      shown = g_error_new_literal (first_error->domain, first_error->code, body->str);
      jz_window_show_error (window, heading, shown);
    }
  else
    offer_first_admin (self, window);

  return window;
}

static void
create_database (JzApplication *self,
                 const char    *chosen_path)
{
  g_autofree char *name = g_path_get_basename (chosen_path);
  g_autofree char *path = NULL;

  g_assert (JZ_IS_APPLICATION (self));

  /* A clerk who types “2025” means a database file, not a file without a type. */
  if (strchr (name, '.') == NULL)
    path = g_strconcat (chosen_path, ".db", NULL);
  else
    path = g_strdup (chosen_path);

  /* Never replace a file: it may hold another office's data. */
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *heading = error_heading (path, JZ_DB_OPEN_CREATE);
      g_autofree char *display = g_filename_display_basename (path);
      JzWindow *window = get_main_window (self);

      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("A file named “%s” already exists. Choose another name, or open that file with Open Database."),
                   display);
      if (window != NULL)
        jz_window_show_error (window, heading, error);
      return;
    }

  jz_application_open_database (self, path, JZ_DB_OPEN_CREATE);
}

/* Returns: (transfer full) (nullable): the local path the clerk chose */
static char *
chosen_path (GtkNativeDialog *native,
             int              response)
{
  g_autoptr(GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return NULL;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  return file != NULL ? g_file_get_path (file) : NULL;
}

static void
new_database_response_cb (GtkNativeDialog *native,
                          int              response,
                          JzApplication   *self)
{
  g_autofree char *path = chosen_path (native, response);

  g_assert (JZ_IS_APPLICATION (self));

  if (path != NULL)
    create_database (self, path);

  g_object_unref (native);
  g_application_release (G_APPLICATION (self));
}

static void
open_database_response_cb (GtkNativeDialog *native,
                           int              response,
                           JzApplication   *self)
{
  g_autofree char *path = chosen_path (native, response);

  g_assert (JZ_IS_APPLICATION (self));

  if (path != NULL)
    jz_application_open_database (self, path, JZ_DB_OPEN_DEFAULT);

  g_object_unref (native);
  g_application_release (G_APPLICATION (self));
}

/* Returns: (transfer full): the chooser takes a reference of its own */
static GtkFileFilter *
database_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Jiuzhu databases"));
  gtk_file_filter_add_suffix (filter, "db");
  gtk_file_filter_add_suffix (filter, "sqlite");
  gtk_file_filter_add_suffix (filter, "sqlite3");

  return filter;
}

static void
start_in_current_folder (JzApplication  *self,
                         GtkFileChooser *chooser)
{
  JzWindow *window = get_main_window (self);
  JzDb *db = window != NULL ? jz_window_get_db (window) : NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;

  if (db == NULL)
    return;

  file = g_file_new_for_path (jz_db_get_path (db));
  folder = g_file_get_parent (file);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (chooser, folder, NULL);
}

static void
new_database_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  JzApplication *self = user_data;
  g_autoptr(GtkFileFilter) filter = database_filter ();
  GtkFileChooserNative *native;

  g_assert (JZ_IS_APPLICATION (self));

  native = gtk_file_chooser_native_new (_("New Database"),
                                        GTK_WINDOW (get_main_window (self)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Create"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  start_in_current_folder (self, GTK_FILE_CHOOSER (native));
  /* TRANSLATORS: suggested file name of a new database; keep the .db ending */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("office.db"));

  g_signal_connect (native, "response", G_CALLBACK (new_database_response_cb), self);
  g_application_hold (G_APPLICATION (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
open_database_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  JzApplication *self = user_data;
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = database_filter ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  g_assert (JZ_IS_APPLICATION (self));

  native = gtk_file_chooser_native_new (_("Open Database"),
                                        GTK_WINDOW (get_main_window (self)),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  start_in_current_folder (self, GTK_FILE_CHOOSER (native));

  g_signal_connect (native, "response", G_CALLBACK (open_database_response_cb), self);
  g_application_hold (G_APPLICATION (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
open_recent_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  JzApplication *self = user_data;

  g_assert (JZ_IS_APPLICATION (self));

  jz_application_open_database (self, g_variant_get_string (parameter, NULL), JZ_DB_OPEN_DEFAULT);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  JzApplication *self = user_data;

  g_assert (JZ_IS_APPLICATION (self));

  gtk_window_present (jz_about_window_new (GTK_WINDOW (get_main_window (self))));
}

static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  JzApplication *self = user_data;
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *window;

  g_assert (JZ_IS_APPLICATION (self));

  builder = gtk_builder_new_from_resource ("/io/github/jiuzhu/Jiuzhu/help-overlay.ui");
  window = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
  gtk_window_set_transient_for (window, GTK_WINDOW (get_main_window (self)));
  gtk_window_present (window);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  JzApplication *self = user_data;
  GList *windows;

  g_assert (JZ_IS_APPLICATION (self));

  /* Closing, rather than quitting at once, lets each window save its size. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "shortcuts", shortcuts_action },
  { "quit", quit_action },
  { "new-database", new_database_action },
  { "open-database", open_database_action },
  { "open-recent", open_recent_action, "s" },
};

static const struct {
  const char *action;
  const char *accels[2];
} app_accels[] = {
  { "app.quit", { "<Primary>q", NULL } },
  { "app.shortcuts", { "<Primary>question", NULL } },
  { "app.new-database", { "<Primary>n", NULL } },
  { "app.open-database", { "<Primary>o", NULL } },
  { "window.close", { "<Primary>w", NULL } },
};

static int
jz_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("jiuzhu %s\n", PACKAGE_VERSION);
      return 0;
    }

  return G_APPLICATION_CLASS (jz_application_parent_class)->handle_local_options (app, options);
}

static void
jz_application_startup (GApplication *app)
{
  JzApplication *self = (JzApplication *) app;

  G_APPLICATION_CLASS (jz_application_parent_class)->startup (app);

  self->settings = g_settings_new (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           app_accels[i].action,
                                           app_accels[i].accels);

  gtk_window_set_default_icon_name (APP_ID);
}

static void
jz_application_activate (GApplication *app)
{
  JzApplication *self = (JzApplication *) app;
  JzWindow *window;

  g_assert (JZ_IS_APPLICATION (self));

  window = get_main_window (self);
  if (window == NULL)
    open_first_window (self, NULL);
  else
    gtk_window_present (GTK_WINDOW (window));
}

static void
jz_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  JzApplication *self = (JzApplication *) app;
  g_autofree char *path = NULL;

  g_assert (JZ_IS_APPLICATION (self));
  g_assert (n_files > 0);

  /* One office, one database: of several files only the first is opened. */
  path = g_file_get_path (files[0]);
  if (path == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_file_get_basename (files[0]);
      g_autofree char *heading = error_heading (name != NULL ? name : "", JZ_DB_OPEN_DEFAULT);
      JzWindow *window = get_main_window (self);

      if (window == NULL)
        window = open_first_window (self, NULL);

      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Only a file on this computer or on a mounted network drive can be opened. Copy the file to such a place first."));
      jz_window_show_error (window, heading, error);
      return;
    }

  jz_application_open_database (self, path, JZ_DB_OPEN_DEFAULT);
}

static void
jz_application_dispose (GObject *object)
{
  JzApplication *self = (JzApplication *) object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (jz_application_parent_class)->dispose (object);
}

static void
jz_application_class_init (JzApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = jz_application_dispose;

  app_class->handle_local_options = jz_application_handle_local_options;
  app_class->startup = jz_application_startup;
  app_class->activate = jz_application_activate;
  app_class->open = jz_application_open;
}

static void
jz_application_init (JzApplication *self)
{
  static const GOptionEntry options[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version of Jiuzhu and quit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE.db]"));
}

JzApplication *
jz_application_new (GApplicationFlags extra_flags)
{
  return g_object_new (JZ_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | extra_flags,
                       NULL);
}

/**
 * jz_application_get_settings:
 *
 * Returns: (transfer none) (nullable): the settings, once the application
 *   has started up
 */
GSettings *
jz_application_get_settings (JzApplication *self)
{
  g_return_val_if_fail (JZ_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * jz_application_open_database:
 * @path: the database file
 * @flags: %JZ_DB_OPEN_CREATE for a new database
 *
 * Shows @path in the window. When it cannot be opened the clerk is told
 * why in a dialog and the window keeps the database it showed before.
 *
 * Returns: whether @path was opened
 */
gboolean
jz_application_open_database (JzApplication *self,
                              const char    *path,
                              JzDbOpenFlags  flags)
{
  g_autofree char *absolute = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  JzWindow *window;

  g_return_val_if_fail (JZ_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (self->settings != NULL, FALSE);

  absolute = g_canonicalize_filename (path, NULL);
  window = get_main_window (self);

  if (window == NULL)
    {
      window = open_first_window (self, absolute);
      db = jz_window_get_db (window) != NULL ? g_object_ref (jz_window_get_db (window)) : NULL;
      return db != NULL && g_str_equal (jz_db_get_path (db), absolute);
    }

  db = jz_db_open (absolute, flags, &error);
  if (db == NULL)
    {
      g_autofree char *heading = error_heading (absolute, flags);
      g_autoptr(GString) body = NULL;
      g_autoptr(GError) shown = NULL;
      gboolean forgotten = FALSE;

      /* A file that is gone stays gone; keep the menu honest. */
      if (is_really_gone (absolute, error))
        forgotten = forget_database (self, absolute);

      body = explain_open_error (self, absolute, flags, error, forgotten);
      shown = g_error_new_literal (error->domain, error->code, body->str);
      jz_window_show_error (window, heading, shown);
      return FALSE;
    }

  remember_database (self, jz_db_get_path (db));
  jz_window_set_db (window, db);
  gtk_window_present (GTK_WINDOW (window));
  offer_first_admin (self, window);

  return TRUE;
}
