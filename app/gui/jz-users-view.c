/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-region.h"
#include "jz-user-dialog.h"
#include "jz-users-view.h"

/* Settings → Users: the accounts of the database and single-user mode.
 * Shown to administrators, and to everyone in single-user mode, where
 * whoever opens the file is its administrator; the core checks again. */
struct _JzUsersView
{
  JzPage               parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *users_group;
  AdwActionRow        *single_user_row;
  GtkSwitch           *single_user_switch;
  GtkImage            *refusal_icon;

  /* Borrowed references */
  GPtrArray           *rows;       /* the rows of users, in users_group */

  /* Owned references */
  GPtrArray           *users;      /* JzUser, in the order of the rows */
  char                *refusal;    /* why the mode did not change, or NULL */

  guint                syncing : 1;
};

G_DEFINE_FINAL_TYPE (JzUsersView, jz_users_view, JZ_TYPE_PAGE)

static gboolean
may_manage (JzUsersView *self)
{
  return jz_page_get_db (JZ_PAGE (self)) != NULL && jz_page_user_can (JZ_PAGE (self), JZ_PERMISSION_USERS, 0);
}

static void
clear_rows (JzUsersView *self)
{
  g_assert (JZ_IS_USERS_VIEW (self));

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->users_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->users, 0);
}

static void
add_row (JzUsersView *self,
         GtkWidget   *row)
{
  adw_preferences_group_add (self->users_group, row);
  g_ptr_array_add (self->rows, row);
}

static GtkWidget *
badge_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "jz-badge");
  return label;
}

static GtkWidget *
user_row_new (const JzUser *user,
              GHashTable   *township_names)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) edit = NULL;
  g_autoptr(GMenuItem) password = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row;
  GtkWidget *button;

  row = adw_action_row_new ();
  /* Names are text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), user->full_name[0] != '\0' ? user->full_name : user->name);

  if (user->role == JZ_ROLE_CLERK)
    {
      const char *township = g_hash_table_lookup (township_names, &user->region_id);

      /* TRANSLATORS: a user in Settings → Users: sign-in name, role, township */
      subtitle = g_strdup_printf (_("%s · %s · %s"), user->name, jz_role_label (user->role),
                                  township != NULL ? township : "—");
    }
  else
    /* TRANSLATORS: a user in Settings → Users: sign-in name, role */
    subtitle = g_strdup_printf (_("%s · %s"), user->name, jz_role_label (user->role));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (!user->active)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge_new (_("Switched off")));
  else if (!user->has_password)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge_new (_("No password")));

  edit = g_menu_item_new (_("_Edit…"), NULL);
  g_menu_item_set_action_and_target (edit, "users.edit", "x", user->id);
  g_menu_append_item (menu, edit);
  password = g_menu_item_new (_("Set _Password…"), NULL);
  g_menu_item_set_action_and_target (password, "users.set-password", "x", user->id);
  g_menu_append_item (menu, password);

  button = g_object_new (GTK_TYPE_MENU_BUTTON,
                         "icon-name", "view-more-symbolic",
                         "menu-model", menu,
                         "valign", GTK_ALIGN_CENTER,
                         "tooltip-text", _("More"),
                         NULL);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("More"),
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "users.edit");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", user->id);

  return row;
}

static GHashTable *
township_names_new (JzUsersView *self,
                    JzDb        *db)
{
  GHashTable *names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  g_assert (JZ_IS_USERS_VIEW (self));

  for (guint i = 0; i < self->users->len; i++)
    {
      JzUser *user = g_ptr_array_index (self->users, i);
      g_autoptr(JzRegion) region = NULL;

      if (user->region_id == 0 || g_hash_table_contains (names, &user->region_id))
        continue;

      region = jz_region_get (db, user->region_id, NULL);
      if (region != NULL)
        g_hash_table_insert (names, g_memdup2 (&user->region_id, sizeof user->region_id), g_strdup (region->name));
    }

  return names;
}

static void
show_mode (JzUsersView *self)
{
  JzDb *db = jz_page_get_db (JZ_PAGE (self));
  gboolean single_user;

  g_assert (JZ_IS_USERS_VIEW (self));

  single_user = db != NULL && jz_user_get_single_user (db);

  self->syncing = TRUE;
  gtk_switch_set_active (self->single_user_switch, single_user);
  self->syncing = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->refusal_icon), self->refusal != NULL);
  if (self->refusal != NULL)
    adw_action_row_set_subtitle (self->single_user_row, self->refusal);
  else if (single_user)
    adw_action_row_set_subtitle (self->single_user_row,
                                 _("Nobody signs in; whoever opens this file may do everything."));
  else
    adw_action_row_set_subtitle (self->single_user_row,
                                 _("Everyone signs in with their sign-in name and password."));
}

static void
show_users (JzUsersView *self)
{
  JzDb *db = jz_page_get_db (JZ_PAGE (self));
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GHashTable) township_names = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (JZ_IS_USERS_VIEW (self));

  clear_rows (self);
  if (!may_manage (self))
    return;

  users = jz_user_list (db, &error);
  if (users == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("The users cannot be read"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
      add_row (self, row);
      return;
    }

  for (guint i = 0; i < users->len; i++)
    g_ptr_array_add (self->users, jz_user_copy (g_ptr_array_index (users, i)));
  township_names = township_names_new (self, db);

  for (guint i = 0; i < self->users->len; i++)
    add_row (self, user_row_new (g_ptr_array_index (self->users, i), township_names));

  if (self->users->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No users yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Add the clerks, reviewers and leaders who work with this database."));
      add_row (self, row);
    }
}

static void
jz_users_view_reload (JzPage *page)
{
  JzUsersView *self = (JzUsersView *) page;

  g_assert (JZ_IS_USERS_VIEW (self));

  show_users (self);
  show_mode (self);
}

/* Hidden from a role that may not manage users, at once: a hidden page
 * is not shown, so it would not reload to show itself again. */
static void
update_visible (JzUsersView *self)
{
  g_assert (JZ_IS_USERS_VIEW (self));

  g_clear_pointer (&self->refusal, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self), may_manage (self));
}

/* The window follows: the signed-in user may have changed, or whether
 * everyone signs in. */
static void
changed (JzUsersView *self)
{
  g_assert (JZ_IS_USERS_VIEW (self));

  jz_users_view_reload (JZ_PAGE (self));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.update-sign-in", NULL);
}

static void
single_user_switched_cb (JzUsersView *self)
{
  JzDb *db = jz_page_get_db (JZ_PAGE (self));
  g_autoptr(GError) error = NULL;
  gboolean active;

  g_assert (JZ_IS_USERS_VIEW (self));

  if (self->syncing || db == NULL)
    return;

  /* Also what GtkSwitch notifies late, after the switch was set back to
   * the mode of the file. */
  active = gtk_switch_get_active (self->single_user_switch);
  if (active == jz_user_get_single_user (db))
    return;

  g_clear_pointer (&self->refusal, g_free);

  if (!jz_user_set_single_user (db, jz_page_get_user (JZ_PAGE (self)), active, &error))
    {
      self->refusal = g_strdup (error->message);
      show_mode (self);
      return;
    }

  changed (self);
}

static const JzUser *
find_user (JzUsersView *self,
           gint64       id)
{
  for (guint i = 0; i < self->users->len; i++)
    {
      const JzUser *user = g_ptr_array_index (self->users, i);

      if (user->id == id)
        return user;
    }

  return NULL;
}

static void
open_dialog (JzUsersView      *self,
             JzUserDialogMode  mode,
             const JzUser     *user)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  JzUserDialog *dialog;

  g_assert (JZ_IS_USERS_VIEW (self));

  if (!GTK_IS_WINDOW (root) || !may_manage (self))
    return;

  dialog = jz_user_dialog_new (GTK_WINDOW (root), jz_page_get_db (JZ_PAGE (self)),
                               jz_page_get_user (JZ_PAGE (self)), mode, user);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (changed), self, G_CONNECT_SWAPPED);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_dialog (JZ_USERS_VIEW (widget), JZ_USER_DIALOG_ADD, NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JzUsersView *self = JZ_USERS_VIEW (widget);
  const JzUser *user = find_user (self, g_variant_get_int64 (parameter));

  if (user != NULL)
    open_dialog (self, JZ_USER_DIALOG_EDIT, user);
}

static void
set_password_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  JzUsersView *self = JZ_USERS_VIEW (widget);
  const JzUser *user = find_user (self, g_variant_get_int64 (parameter));

  if (user != NULL)
    open_dialog (self, JZ_USER_DIALOG_SET_PASSWORD, user);
}

static void
jz_users_view_dispose (GObject *object)
{
  JzUsersView *self = (JzUsersView *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), JZ_TYPE_USERS_VIEW);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->users, g_ptr_array_unref);
  g_clear_pointer (&self->refusal, g_free);

  G_OBJECT_CLASS (jz_users_view_parent_class)->dispose (object);
}

static void
jz_users_view_class_init (JzUsersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JzPageClass *page_class = JZ_PAGE_CLASS (klass);

  object_class->dispose = jz_users_view_dispose;

  page_class->reload = jz_users_view_reload;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jiuzhu/Jiuzhu/jz-users-view.ui");
  gtk_widget_class_bind_template_child (widget_class, JzUsersView, users_group);
  gtk_widget_class_bind_template_child (widget_class, JzUsersView, single_user_row);
  gtk_widget_class_bind_template_child (widget_class, JzUsersView, single_user_switch);
  gtk_widget_class_bind_template_child (widget_class, JzUsersView, refusal_icon);
  gtk_widget_class_bind_template_callback (widget_class, single_user_switched_cb);

  gtk_widget_class_install_action (widget_class, "users.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "users.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "users.set-password", "x", set_password_action);
}

static void
jz_users_view_init (JzUsersView *self)
{
  self->rows = g_ptr_array_new ();
  self->users = g_ptr_array_new_with_free_func ((GDestroyNotify) jz_user_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self, "notify::db", G_CALLBACK (update_visible), NULL);
  g_signal_connect (self, "notify::user", G_CALLBACK (update_visible), NULL);
  update_visible (self);
}

/**
 * jz_users_view_get_single_user_error:
 *
 * Returns: (nullable): why the last change of single-user mode was
 *   refused, as shown under the switch
 */
const char *
jz_users_view_get_single_user_error (JzUsersView *self)
{
  g_return_val_if_fail (JZ_IS_USERS_VIEW (self), NULL);

  return self->refusal;
}
