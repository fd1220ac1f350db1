/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-care-page.h"
#include "jz-cases-page.h"
#include "jz-dashboard-page.h"
#include "jz-disclosure-page.h"
#include "jz-payments-page.h"
#include "jz-region.h"
#include "jz-reports-page.h"
#include "jz-settings-page.h"
#include "jz-sign-in-view.h"
#include "jz-tasks-page.h"
#include "jz-window.h"

/* How often the window looks for commits of other clerks on a shared file. */
#define WATCH_INTERVAL_MSEC 1000

struct _JzWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  GtkStack       *main_stack;
  AdwLeaflet     *leaflet;
  GtkWidget      *content_box;
  GtkListBox     *sidebar;
  GtkStack       *stack;
  AdwWindowTitle *content_title;
  GMenu          *file_section;
  AdwWindowTitle *sign_in_title;
  JzSignInView   *sign_in_view;
  GtkWidget      *user_button;
  GtkLabel       *user_button_label;
  GtkPopover     *user_popover;
  GtkLabel       *user_name_label;
  GtkLabel       *user_role_label;

  /* Owned references */
  JzDb           *db;
  JzUser         *user;     /* signed in; NULL in single-user mode */
  GSettings      *settings;
  GListModel     *pages;

  gulong          db_changed_handler;
};

G_DEFINE_FINAL_TYPE (JzWindow, jz_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DB,
  PROP_SETTINGS,
  PROP_PANEL,
  PROP_USER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const panel_names[] = {
  "dashboard", "cases", "tasks", "care", "disclosure", "payments", "reports", "settings",
};

#define MAX_RECENT_MENU_ITEMS 10

/* New Database and Open Database, from the template. */
#define N_FILE_ITEMS 2

static char *
display_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  const char *home = g_get_home_dir ();
  g_autofree char *shown = NULL;

  if (home != NULL && g_str_has_prefix (dir, home) &&
      (dir[strlen (home)] == '\0' || dir[strlen (home)] == G_DIR_SEPARATOR))
    shown = g_strconcat ("~", dir + strlen (home), NULL);
  else
    shown = g_steal_pointer (&dir);

  return g_filename_display_name (shown);
}

/* Menu labels take “_” as a mnemonic mark; file names must show it as is. */
static char *
escape_mnemonic (const char *text)
{
  GString *str = g_string_new (text);

  g_string_replace (str, "_", "__", 0);
  return g_string_free (str, FALSE);
}

static void
rebuild_recent_menu (JzWindow *self)
{
  g_auto(GStrv) recent = NULL;
  g_autoptr(GMenu) submenu = NULL;
  guint n_items = 0;

  g_assert (JZ_IS_WINDOW (self));

  /* New and Open come first in the section; the submenu, if any, follows. */
  while (g_menu_model_get_n_items (G_MENU_MODEL (self->file_section)) > N_FILE_ITEMS)
    g_menu_remove (self->file_section, N_FILE_ITEMS);

  if (self->settings == NULL)
    return;

  recent = g_settings_get_strv (self->settings, "recent-databases");
  submenu = g_menu_new ();

  for (guint i = 0; recent[i] != NULL && n_items < MAX_RECENT_MENU_ITEMS; i++)
    {
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *name = NULL;
      g_autofree char *folder = NULL;
      g_autofree char *label = NULL;
      g_autofree char *escaped = NULL;

      if (recent[i][0] == '\0')
        continue;

      name = g_filename_display_basename (recent[i]);
      folder = display_folder (recent[i]);
      /* TRANSLATORS: a recently opened database in the menu: file name, then its folder */
      label = g_strdup_printf (_("%s — %s"), name, folder);
      escaped = escape_mnemonic (label);

      item = g_menu_item_new (escaped, NULL);
      g_menu_item_set_action_and_target (item, "app.open-recent", "s", recent[i]);
      g_menu_append_item (submenu, item);
      n_items++;
    }

  if (n_items > 0)
    g_menu_append_submenu (self->file_section, _("Open _Recent"), G_MENU_MODEL (submenu));
}

static void
update_titles (JzWindow *self)
{
  GtkWidget *child;
  g_autofree char *file_name = NULL;
  g_autofree char *window_title = NULL;

  g_assert (JZ_IS_WINDOW (self));

  child = gtk_stack_get_visible_child (self->stack);
  if (child != NULL)
    adw_window_title_set_title (self->content_title,
                                gtk_stack_page_get_title (gtk_stack_get_page (self->stack, child)));

  if (self->db != NULL)
    file_name = g_filename_display_basename (jz_db_get_path (self->db));

  adw_window_title_set_subtitle (self->content_title, file_name != NULL ? file_name : "");
  adw_window_title_set_subtitle (self->sign_in_title, file_name != NULL ? file_name : "");

  if (file_name != NULL)
    /* TRANSLATORS: the window title: database file name, then the application name */
    window_title = g_strdup_printf (_("%s — Jiuzhu"), file_name);
  else
    window_title = g_strdup (_("Jiuzhu"));

  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

/* Eight panels with nothing in them would only puzzle the clerk: without a
 * database the window says so and offers the way to one instead.  A file
 * that asks everyone to sign in shows nothing of its data until someone
 * has; whether it asks is read anew each time, as the administrator may
 * switch it at another desk. */
static void
update_content (JzWindow *self)
{
  const char *shown;

  g_assert (JZ_IS_WINDOW (self));

  if (self->db == NULL)
    shown = "empty";
  else if (self->user == NULL && !jz_user_get_single_user (self->db))
    shown = "sign-in";
  else
    shown = "panels";

  gtk_stack_set_visible_child_name (self->main_stack, shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-panel", g_str_equal (shown, "panels"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-out", self->user != NULL);
}

/* Who is signed in, beside the title of the panel. */
static void
update_user_button (JzWindow *self)
{
  const JzUser *user = self->user;
  g_autofree char *role = NULL;
  g_autofree char *tooltip = NULL;
  const char *name;

  g_assert (JZ_IS_WINDOW (self));

  gtk_widget_set_visible (self->user_button, user != NULL);
  if (user == NULL)
    return;

  name = user->full_name != NULL && user->full_name[0] != '\0' ? user->full_name : user->name;

  if (user->role == JZ_ROLE_CLERK && self->db != NULL)
    {
      g_autoptr(JzRegion) township = jz_region_get (self->db, user->region_id, NULL);

      /* TRANSLATORS: the role of the signed-in user, then their township */
      role = g_strdup_printf (_("%s, %s"), jz_role_label (user->role), township != NULL ? township->name : "—");
    }
  else
    role = g_strdup (jz_role_label (user->role));

  gtk_label_set_label (self->user_button_label, name);
  gtk_label_set_label (self->user_name_label, name);
  gtk_label_set_label (self->user_role_label, role);

  /* TRANSLATORS: tooltip of the user button; a full name, then a role */
  tooltip = g_strdup_printf (_("Signed in as %s (%s)"), name, role);
  gtk_widget_set_tooltip_text (self->user_button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->user_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
}

static gboolean
same_user (const JzUser *a,
           const JzUser *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return a->id == b->id && a->role == b->role && a->region_id == b->region_id &&
         a->active == b->active && g_strcmp0 (a->name, b->name) == 0 &&
         g_strcmp0 (a->full_name, b->full_name) == 0;
}

/* After another clerk's commit or a change in Settings → Users: the user
 * signed in may have been switched off, renamed or given another role,
 * and the file may ask everyone to sign in now, or no more. */
static void
update_sign_in (JzWindow *self)
{
  g_assert (JZ_IS_WINDOW (self));

  if (self->db != NULL && self->user != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JzUser) fresh = jz_user_get (self->db, self->user->id, &error);

      /* A file locked for a moment signs nobody out. */
      if ((fresh == NULL && g_error_matches (error, JZ_DB_ERROR, JZ_DB_ERROR_NOT_FOUND)) ||
          (fresh != NULL && !fresh->active))
        jz_window_set_user (self, NULL);
      else if (fresh != NULL && !same_user (fresh, self->user))
        jz_window_set_user (self, fresh);
    }

  update_content (self);
}

static void
db_changed_cb (JzWindow *self,
               JzDb     *db)
{
  g_assert (JZ_IS_WINDOW (self));

  update_sign_in (self);
}

static void
signed_in_cb (JzWindow     *self,
              const JzUser *user,
              JzSignInView *view)
{
  g_assert (JZ_IS_WINDOW (self));

  jz_window_set_user (self, user);
}

static void
user_button_clicked_cb (JzWindow  *self,
                        GtkButton *button)
{
  g_assert (JZ_IS_WINDOW (self));

  gtk_popover_popup (self->user_popover);
}

static void
sign_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  JzWindow *self = (JzWindow *) widget;

  g_assert (JZ_IS_WINDOW (self));

  gtk_popover_popdown (self->user_popover);
  jz_window_set_user (self, NULL);
  jz_sign_in_view_reset (self->sign_in_view);
  /* The next person starts where everyone does, not in the file the
   * last one left open. */
  if (self->db != NULL && !jz_user_get_single_user (self->db))
    jz_window_set_panel (self, "dashboard");
}

static void
update_sign_in_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  update_sign_in (JZ_WINDOW (widget));
}

static void
select_sidebar_row (JzWindow *self)
{
  GtkWidget *child;
  guint n_items;

  g_assert (JZ_IS_WINDOW (self));

  child = gtk_stack_get_visible_child (self->stack);
  n_items = g_list_model_get_n_items (self->pages);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) page = g_list_model_get_item (self->pages, i);

      if (gtk_stack_page_get_child (GTK_STACK_PAGE (page)) == child)
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sidebar, i);

          if (row != NULL && gtk_list_box_get_selected_row (self->sidebar) != row)
            gtk_list_box_select_row (self->sidebar, row);
          return;
        }
    }
}

static GtkWidget *
create_sidebar_row (gpointer item,
                    gpointer user_data)
{
  GtkStackPage *page = item;
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *image;
  GtkWidget *label;

  row = gtk_list_box_row_new ();
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  /* The label says it all; the icon is decoration for a screen reader. */
  image = g_object_new (GTK_TYPE_IMAGE,
                        "icon-name", gtk_stack_page_get_icon_name (page),
                        "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                        NULL);
  label = g_object_new (GTK_TYPE_LABEL,
                        "label", gtk_stack_page_get_title (page),
                        "xalign", 0.0f,
                        "hexpand", TRUE,
                        "ellipsize", PANGO_ELLIPSIZE_END,
                        NULL);

  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-panel");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", gtk_stack_page_get_name (page));

  return row;
}

static void
visible_child_changed_cb (JzWindow   *self,
                          GParamSpec *pspec,
                          GtkStack   *stack)
{
  g_assert (JZ_IS_WINDOW (self));

  select_sidebar_row (self);
  update_titles (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PANEL]);
}

static void
recent_databases_changed_cb (JzWindow   *self,
                             const char *key,
                             GSettings  *settings)
{
  g_assert (JZ_IS_WINDOW (self));

  rebuild_recent_menu (self);
}

static void
back_clicked_cb (JzWindow  *self,
                 GtkButton *button)
{
  g_assert (JZ_IS_WINDOW (self));

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Ctrl+F finds a household from any panel: the case files take it. */
static gboolean
search_shortcut_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  JzWindow *self = (JzWindow *) widget;

  /* Nothing is found before someone has signed in. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "panels") != 0)
    return FALSE;

  return gtk_widget_activate_action (gtk_stack_get_child_by_name (self->stack, "cases"),
                                     "cases.search", NULL);
}

static void
restore_window_state (JzWindow *self)
{
  int width;
  int height;

  g_assert (JZ_IS_WINDOW (self));

  if (self->settings == NULL)
    return;

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (JzWindow *self)
{
  gboolean maximized;
  int width;
  int height;

  g_assert (JZ_IS_WINDOW (self));

  if (self->settings == NULL)
    return;

  maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  g_settings_set_boolean (self->settings, "window-maximized", maximized);

  /* A maximized window would otherwise come back at the size of the screen
   * after it is unmaximized. */
  if (maximized)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static gboolean
jz_window_close_request (GtkWindow *window)
{
  JzWindow *self = (JzWindow *) window;

  g_assert (JZ_IS_WINDOW (self));

  save_window_state (self);

  return GTK_WINDOW_CLASS (jz_window_parent_class)->close_request (window);
}

static void
jz_window_constructed (GObject *object)
{
  JzWindow *self = (JzWindow *) object;

  G_OBJECT_CLASS (jz_window_parent_class)->constructed (object);

  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::recent-databases",
                             G_CALLBACK (recent_databases_changed_cb),
                             self,
                             G_CONNECT_SWAPPED);

  restore_window_state (self);
  rebuild_recent_menu (self);
  update_titles (self);
  update_content (self);
}

static void
jz_window_dispose (GObject *object)
{
  JzWindow *self = (JzWindow *) object;

  if (self->db != NULL)
    {
      jz_db_unwatch (self->db);
      g_clear_signal_handler (&self->db_changed_handler, self->db);
    }

  if (self->user_popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->user_popover));

  gtk_widget_dispose_template (GTK_WIDGET (self), JZ_TYPE_WINDOW);

  g_clear_object (&self->pages);
  g_clear_object (&self->db);
  g_clear_pointer (&self->user, jz_user_free);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (jz_window_parent_class)->dispose (object);
}

static void
jz_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  JzWindow *self = JZ_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_PANEL:
      g_value_set_string (value, jz_window_get_panel (self));
      break;

    case PROP_USER:
      g_value_set_boxed (value, self->user);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jz_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  JzWindow *self = JZ_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DB:
      jz_window_set_db (self, g_value_get_object (value));
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_PANEL:
      jz_window_set_panel (self, g_value_get_string (value));
      break;

    case PROP_USER:
      jz_window_set_user (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jz_window_class_init (JzWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = jz_window_constructed;
  object_class->dispose = jz_window_dispose;
  object_class->get_property = jz_window_get_property;
  object_class->set_property = jz_window_set_property;

  window_class->close_request = jz_window_close_request;

  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL,
                         JZ_TYPE_DB,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PANEL] =
    g_param_spec_string ("panel", NULL, NULL,
                         "dashboard",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The pages take it through bindings, as they take the database. */
  properties[PROP_USER] =
    g_param_spec_boxed ("user", NULL, NULL,
                        JZ_TYPE_USER,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jiuzhu/Jiuzhu/jz-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JzWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, JzWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, JzWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, JzWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, JzWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, JzWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, JzWindow, file_section);
  gtk_widget_class_bind_template_child (widget_class, JzWindow, sign_in_title);
  gtk_widget_class_bind_template_child (widget_class, JzWindow, sign_in_view);
  gtk_widget_class_bind_template_child (widget_class, JzWindow, user_button);
  gtk_widget_class_bind_template_child (widget_class, JzWindow, user_button_label);
  gtk_widget_class_bind_template_child (widget_class, JzWindow, user_popover);
  gtk_widget_class_bind_template_child (widget_class, JzWindow, user_name_label);
  gtk_widget_class_bind_template_child (widget_class, JzWindow, user_role_label);
  gtk_widget_class_bind_template_callback (widget_class, visible_child_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, signed_in_cb);
  gtk_widget_class_bind_template_callback (widget_class, user_button_clicked_cb);

  gtk_widget_class_install_action (widget_class, "win.sign-out", NULL, sign_out_action);
  /* For Settings → Users, after it changed a user or single-user mode. */
  gtk_widget_class_install_action (widget_class, "win.update-sign-in", NULL, update_sign_in_action);

  /* A property action keeps the state of the action and the visible panel
   * the same thing, so menus and the sidebar cannot disagree. */
  gtk_widget_class_install_property_action (widget_class, "win.show-panel", "panel");

  for (guint i = 0; i < G_N_ELEMENTS (panel_names); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-panel", "s", panel_names[i]);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, search_shortcut_cb, NULL);

  g_type_ensure (JZ_TYPE_CARE_PAGE);
  g_type_ensure (JZ_TYPE_CASES_PAGE);
  g_type_ensure (JZ_TYPE_DASHBOARD_PAGE);
  g_type_ensure (JZ_TYPE_DISCLOSURE_PAGE);
  g_type_ensure (JZ_TYPE_PAYMENTS_PAGE);
  g_type_ensure (JZ_TYPE_REPORTS_PAGE);
  g_type_ensure (JZ_TYPE_SETTINGS_PAGE);
  g_type_ensure (JZ_TYPE_SIGN_IN_VIEW);
  g_type_ensure (JZ_TYPE_TASKS_PAGE);
}

static void
jz_window_init (JzWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The popover of the user button, which is no menu button. */
  gtk_widget_set_parent (GTK_WIDGET (self->user_popover), self->user_button);

  self->pages = G_LIST_MODEL (gtk_stack_get_pages (self->stack));
  gtk_list_box_bind_model (self->sidebar, self->pages, create_sidebar_row, self, NULL);
  select_sidebar_row (self);
}

JzWindow *
jz_window_new (GtkApplication *application,
               GSettings      *settings,
               JzDb           *db)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (db == NULL || JZ_IS_DB (db), NULL);

  return g_object_new (JZ_TYPE_WINDOW,
                       "application", application,
                       "settings", settings,
                       "db", db,
                       NULL);
}

/**
 * jz_window_get_db:
 *
 * Returns: (transfer none) (nullable): the database the window shows
 */
JzDb *
jz_window_get_db (JzWindow *self)
{
  g_return_val_if_fail (JZ_IS_WINDOW (self), NULL);

  return self->db;
}

void
jz_window_set_db (JzWindow *self,
                  JzDb     *db)
{
  gboolean signed_out = FALSE;

  g_return_if_fail (JZ_IS_WINDOW (self));
  g_return_if_fail (db == NULL || JZ_IS_DB (db));

  if (self->db == db)
    return;

  if (self->db != NULL)
    {
      jz_db_unwatch (self->db);
      g_clear_signal_handler (&self->db_changed_handler, self->db);
    }

  /* One signs in to a file: another one asks again. */
  if (self->user != NULL)
    {
      g_clear_pointer (&self->user, jz_user_free);
      signed_out = TRUE;
    }

  g_set_object (&self->db, db);

  if (db != NULL)
    {
      jz_db_watch (db, WATCH_INTERVAL_MSEC);
      self->db_changed_handler = g_signal_connect_object (db, "changed",
                                                          G_CALLBACK (db_changed_cb),
                                                          self,
                                                          G_CONNECT_SWAPPED);
    }

  update_titles (self);
  /* The pages take the database through their bindings before the panels
   * are shown again, so the page in view reloads once, not twice. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DB]);
  if (signed_out)
    {
      update_user_button (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER]);
    }
  update_content (self);
}

/**
 * jz_window_get_user:
 *
 * Returns: (transfer none) (nullable): the signed-in user, or %NULL in
 *   single-user mode
 */
const JzUser *
jz_window_get_user (JzWindow *self)
{
  g_return_val_if_fail (JZ_IS_WINDOW (self), NULL);

  return self->user;
}

/**
 * jz_window_set_user:
 * @user: (nullable): who signed in to the window's database, or %NULL to
 *   sign out
 *
 * The pages follow the user's role, and the audit log names them.  A file
 * that asks everyone to sign in shows the sign-in view while nobody is.
 */
void
jz_window_set_user (JzWindow     *self,
                    const JzUser *user)
{
  gboolean had_user;

  g_return_if_fail (JZ_IS_WINDOW (self));

  if (self->user == user)
    return;

  had_user = self->user != NULL;
  g_clear_pointer (&self->user, jz_user_free);
  self->user = user != NULL ? jz_user_copy (user) : NULL;
  /* Nobody signed in any more: the audit log names the computer's user,
   * as it does in single-user mode. */
  if (self->db != NULL && (user != NULL || had_user))
    jz_db_set_user_name (self->db, user != NULL ? user->name : NULL);
  /* The core refuses what the role or township does not allow. */
  if (self->db != NULL)
    jz_user_set_actor (self->db, user);

  update_user_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER]);
  update_content (self);
}

/**
 * jz_window_get_settings:
 *
 * Returns: (transfer none) (nullable): the settings the window saves its state to
 */
GSettings *
jz_window_get_settings (JzWindow *self)
{
  g_return_val_if_fail (JZ_IS_WINDOW (self), NULL);

  return self->settings;
}

const char *
jz_window_get_panel (JzWindow *self)
{
  g_return_val_if_fail (JZ_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

void
jz_window_set_panel (JzWindow   *self,
                     const char *panel)
{
  g_return_if_fail (JZ_IS_WINDOW (self));
  g_return_if_fail (panel != NULL);

  if (gtk_stack_get_child_by_name (self->stack, panel) == NULL)
    {
      g_critical ("No panel named “%s”", panel);
      return;
    }

  /* A panel chosen on a narrow window is what the clerk wants to see. */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content_box);

  /* The stack notifies, and visible_child_changed_cb notifies :panel. */
  gtk_stack_set_visible_child_name (self->stack, panel);
}

/**
 * jz_window_get_visible_page:
 *
 * Returns: (transfer none): the panel widget shown now
 */
GtkWidget *
jz_window_get_visible_page (JzWindow *self)
{
  g_return_val_if_fail (JZ_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child (self->stack);
}

/**
 * jz_window_show_error:
 * @heading: what failed, in a few words
 * @error: why; its message is shown as it is
 *
 * Returns: (transfer none): the dialog, which is destroyed when answered
 */
GtkWindow *
jz_window_show_error (JzWindow     *self,
                      const char   *heading,
                      const GError *error)
{
  GtkWidget *dialog;

  g_return_val_if_fail (JZ_IS_WINDOW (self), NULL);
  g_return_val_if_fail (heading != NULL, NULL);
  g_return_val_if_fail (error != NULL, NULL);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  /* The dialog closes, and so destroys, itself after any response. */
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);

  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}
