/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-form.h"
#include "jz-region.h"
#include "jz-user-dialog.h"
#include "jz-user-jobs.h"

/* Adds a user, edits one (name, role, township, active) or sets a
 * password.  What the form gets wrong is said below it as it is typed;
 * what the core refuses, in the core's words, in the same place. */
struct _JzUserDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkButton           *save_button;
  GtkSpinner          *spinner;
  AdwPreferencesGroup *account_group;
  AdwEntryRow         *name_row;
  AdwEntryRow         *full_name_row;
  AdwComboRow         *role_row;
  AdwComboRow         *township_row;
  AdwActionRow        *active_row;
  GtkSwitch           *active_switch;
  AdwPreferencesGroup *password_group;
  AdwPasswordEntryRow *password_row;
  AdwPasswordEntryRow *repeat_row;
  GtkLabel            *error_label;

  /* Owned references */
  JzDb                *db;
  JzUser              *actor;        /* NULL: single-user mode */
  JzUser              *user;         /* the one edited; NULL when adding */
  GPtrArray           *townships;    /* JzRegion, in the order of township_row */
  GCancellable        *cancellable;  /* of the save under way, or NULL */

  JzUserDialogMode     mode;
};

G_DEFINE_FINAL_TYPE (JzUserDialog, jz_user_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (JzUserDialog *self,
            const char   *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static JzRole
chosen_role (JzUserDialog *self)
{
  guint position = adw_combo_row_get_selected (self->role_row);

  return position <= JZ_ROLE_ADMIN ? (JzRole) position : JZ_ROLE_CLERK;
}

static gint64
chosen_township (JzUserDialog *self)
{
  guint position = adw_combo_row_get_selected (self->township_row);
  JzRegion *region;

  if (position >= self->townships->len)
    return 0;

  region = g_ptr_array_index (self->townships, position);
  return region->id;
}

static gboolean
edits_account (JzUserDialog *self)
{
  return self->mode != JZ_USER_DIALOG_SET_PASSWORD;
}

static gboolean
asks_password (JzUserDialog *self)
{
  return self->mode != JZ_USER_DIALOG_EDIT;
}

/* The first problem with the form, in a sentence, or NULL; @complete
 * says whether it can be saved. */
static char *
check_form (JzUserDialog *self,
            gboolean     *complete)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  const char *repeat = gtk_editable_get_text (GTK_EDITABLE (self->repeat_row));
  g_autoptr(GError) error = NULL;
  /* A new account may wait for its password. */
  gboolean optional = self->mode == JZ_USER_DIALOG_ADD && password[0] == '\0' && repeat[0] == '\0';
  gboolean password_ok = optional || jz_user_validate_password (password, &error);
  gboolean same = g_strcmp0 (password, repeat) == 0;

  *complete = TRUE;

  if (edits_account (self))
    {
      if (name[0] == '\0')
        *complete = FALSE;

      if (chosen_role (self) == JZ_ROLE_CLERK && self->townships->len == 0)
        {
          *complete = FALSE;
          return g_strdup (_("This database has no townships yet, so it cannot have a township clerk; choose another role."));
        }
    }

  if (!asks_password (self))
    return NULL;

  jz_form_set_row_error (GTK_WIDGET (self->password_row), password[0] != '\0' && !password_ok);
  jz_form_set_row_error (GTK_WIDGET (self->repeat_row), repeat[0] != '\0' && !same);

  if (!password_ok || !same)
    *complete = FALSE;

  /* Nothing is wrong with what is not typed yet. */
  if (password[0] != '\0' && !password_ok)
    return g_strdup (error->message);
  if (repeat[0] != '\0' && password_ok && !same)
    return g_strdup (_("The two passwords differ; type the same password twice."));

  return NULL;
}

static void
update_form (JzUserDialog *self)
{
  g_autofree char *problem = NULL;
  gboolean complete;

  g_assert (JZ_IS_USER_DIALOG (self));

  gtk_widget_set_visible (GTK_WIDGET (self->township_row),
                          edits_account (self) && chosen_role (self) == JZ_ROLE_CLERK && self->townships->len > 0);

  problem = check_form (self, &complete);
  show_error (self, problem);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "user.save", complete && self->cancellable == NULL);
}

static void
form_changed_cb (JzUserDialog *self)
{
  update_form (self);
}

static void
set_busy (JzUserDialog *self,
          gboolean      busy)
{
  g_assert (JZ_IS_USER_DIALOG (self));

  if (busy)
    self->cancellable = g_cancellable_new ();
  else
    g_clear_object (&self->cancellable);

  gtk_spinner_set_spinning (self->spinner, busy);
  /* Not insensitive: the field with the focus would lose it. */
  gtk_editable_set_editable (GTK_EDITABLE (self->password_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->repeat_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->name_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->full_name_row), !busy);
  update_form (self);
}

static void
saved (JzUserDialog *self)
{
  g_assert (JZ_IS_USER_DIALOG (self));

  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
job_done_cb (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(JzUserDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JzUser) user = NULL;

  user = jz_user_job_finish (JZ_DB (source_object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  if (user == NULL)
    {
      show_error (self, error->message);
      return;
    }

  saved (self);
}

/* In single-user mode nobody signs in; the first password given must not
 * change that behind the administrator's back, so the mode is made the
 * administrator's explicit choice first.  The switch in the Users
 * settings changes it. */
static gboolean
keep_single_user (JzUserDialog  *self,
                  GError       **error)
{
  if (!jz_user_get_single_user (self->db))
    return TRUE;

  return jz_user_set_single_user (self->db, self->actor, TRUE, error);
}

static void
fill_account (JzUserDialog *self,
              JzUser       *user)
{
  g_free (user->name);
  user->name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_free (user->full_name);
  user->full_name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->full_name_row))));
  user->role = chosen_role (self);
  user->region_id = user->role == JZ_ROLE_CLERK ? chosen_township (self) : 0;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JzUserDialog *self = (JzUserDialog *) widget;
  g_autoptr(GError) error = NULL;
  g_autoptr(JzUser) user = NULL;
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  gboolean complete;

  g_assert (JZ_IS_USER_DIALOG (self));

  g_free (check_form (self, &complete));
  if (!complete || self->cancellable != NULL)
    return;

  switch (self->mode)
    {
    case JZ_USER_DIALOG_ADD:
      user = jz_user_new ();
      fill_account (self, user);
      user->active = TRUE;
      if (password[0] != '\0' && !keep_single_user (self, &error))
        break;
      set_busy (self, TRUE);
      jz_user_job_create_async (self->db, self->actor, user, password[0] != '\0' ? password : NULL, FALSE,
                                self->cancellable, job_done_cb, g_object_ref (self));
      return;

    case JZ_USER_DIALOG_EDIT:
      user = jz_user_copy (self->user);
      fill_account (self, user);
      user->active = gtk_switch_get_active (self->active_switch);
      if (user->active && user->has_password && !keep_single_user (self, &error))
        break;
      if (!jz_user_update (self->db, self->actor, user, &error))
        break;
      saved (self);
      return;

    case JZ_USER_DIALOG_SET_PASSWORD:
      if (!keep_single_user (self, &error))
        break;
      set_busy (self, TRUE);
      jz_user_job_set_password_async (self->db, self->actor, self->user->name, password, FALSE,
                                      self->cancellable, job_done_cb, g_object_ref (self));
      return;

    default:
      g_assert_not_reached ();
    }

  show_error (self, error->message);
}

static void
load_townships (JzUserDialog *self)
{
  g_autoptr(GPtrArray) districts = jz_region_list_children (self->db, 0, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_assert (JZ_IS_USER_DIALOG (self));

  for (guint i = 0; districts != NULL && i < districts->len; i++)
    {
      JzRegion *district = g_ptr_array_index (districts, i);
      g_autoptr(GPtrArray) children = jz_region_list_children (self->db, district->id, NULL);

      for (guint j = 0; children != NULL && j < children->len; j++)
        {
          JzRegion *township = g_ptr_array_index (children, j);

          gtk_string_list_append (names, township->name);
          g_ptr_array_add (self->townships, g_steal_pointer (&g_ptr_array_index (children, j)));
        }
    }

  adw_combo_row_set_model (self->township_row, G_LIST_MODEL (names));
}

static void
setup (JzUserDialog *self)
{
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);

  g_assert (JZ_IS_USER_DIALOG (self));

  for (JzRole role = JZ_ROLE_CLERK; role <= JZ_ROLE_ADMIN; role++)
    gtk_string_list_append (roles, jz_role_label (role));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));
  load_townships (self);

  gtk_widget_set_visible (GTK_WIDGET (self->account_group), edits_account (self));
  gtk_widget_set_visible (GTK_WIDGET (self->password_group), asks_password (self));
  gtk_widget_set_visible (GTK_WIDGET (self->active_row), self->mode == JZ_USER_DIALOG_EDIT);

  switch (self->mode)
    {
    case JZ_USER_DIALOG_ADD:
      adw_window_title_set_title (self->window_title, _("Add User"));
      gtk_button_set_label (self->save_button, _("_Add"));
      adw_preferences_group_set_description (self->password_group,
                                             _("Leave both empty to set the password later; until then the account cannot sign in."));
      /* Most users are township clerks, once there are townships. */
      adw_combo_row_set_selected (self->role_row, self->townships->len > 0 ? JZ_ROLE_CLERK : JZ_ROLE_REVIEWER);
      break;

    case JZ_USER_DIALOG_EDIT:
      adw_window_title_set_title (self->window_title, _("Edit User"));
      gtk_button_set_label (self->save_button, _("_Save"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), self->user->name);
      gtk_editable_set_text (GTK_EDITABLE (self->full_name_row), self->user->full_name);
      adw_combo_row_set_selected (self->role_row, self->user->role);
      for (guint i = 0; i < self->townships->len; i++)
        if (((JzRegion *) g_ptr_array_index (self->townships, i))->id == self->user->region_id)
          adw_combo_row_set_selected (self->township_row, i);
      gtk_switch_set_active (self->active_switch, self->user->active);
      break;

    case JZ_USER_DIALOG_SET_PASSWORD:
      adw_window_title_set_title (self->window_title, _("Set Password"));
      adw_window_title_set_subtitle (self->window_title, self->user->name);
      gtk_button_set_label (self->save_button, _("_Set Password"));
      adw_preferences_group_set_title (self->password_group, "");
      adw_preferences_group_set_description (self->password_group,
                                             _("The user signs in with this password from now on. A wait after wrong passwords ends with it."));
      break;

    default:
      g_assert_not_reached ();
    }

  gtk_window_set_title (GTK_WINDOW (self), adw_window_title_get_title (self->window_title));
  update_form (self);
}

static void
jz_user_dialog_dispose (GObject *object)
{
  JzUserDialog *self = (JzUserDialog *) object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), JZ_TYPE_USER_DIALOG);

  g_clear_pointer (&self->townships, g_ptr_array_unref);
  g_clear_pointer (&self->user, jz_user_free);
  g_clear_pointer (&self->actor, jz_user_free);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (jz_user_dialog_parent_class)->dispose (object);
}

static void
jz_user_dialog_class_init (JzUserDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jz_user_dialog_dispose;

  /**
   * JzUserDialog::saved:
   *
   * The user was added or changed; the dialog closes after it.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jiuzhu/Jiuzhu/jz-user-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JzUserDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, JzUserDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, JzUserDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, JzUserDialog, account_group);
  gtk_widget_class_bind_template_child (widget_class, JzUserDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, JzUserDialog, full_name_row);
  gtk_widget_class_bind_template_child (widget_class, JzUserDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, JzUserDialog, township_row);
  gtk_widget_class_bind_template_child (widget_class, JzUserDialog, active_row);
  gtk_widget_class_bind_template_child (widget_class, JzUserDialog, active_switch);
  gtk_widget_class_bind_template_child (widget_class, JzUserDialog, password_group);
  gtk_widget_class_bind_template_child (widget_class, JzUserDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, JzUserDialog, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, JzUserDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);

  gtk_widget_class_install_action (widget_class, "user.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jz_user_dialog_init (JzUserDialog *self)
{
  self->townships = g_ptr_array_new_with_free_func ((GDestroyNotify) jz_region_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
}

/**
 * jz_user_dialog_new:
 * @actor: (nullable): who is signed in; %NULL in single-user mode
 * @user: (nullable): the user to edit, or whose password to set; %NULL
 *   when adding
 *
 * Returns: (transfer none): the dialog, shown; it destroys itself when
 *   closed
 */
JzUserDialog *
jz_user_dialog_new (GtkWindow        *parent,
                    JzDb             *db,
                    const JzUser     *actor,
                    JzUserDialogMode  mode,
                    const JzUser     *user)
{
  JzUserDialog *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (JZ_IS_DB (db), NULL);
  g_return_val_if_fail ((mode == JZ_USER_DIALOG_ADD) == (user == NULL), NULL);

  self = g_object_new (JZ_TYPE_USER_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->db = g_object_ref (db);
  self->actor = jz_user_copy (actor);
  self->user = jz_user_copy (user);
  self->mode = mode;

  setup (self);
  gtk_window_present (GTK_WINDOW (self));

  return self;
}

/* Whether a password is being protected (hashed) now. */
gboolean
jz_user_dialog_get_busy (JzUserDialog *self)
{
  g_return_val_if_fail (JZ_IS_USER_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}

/**
 * jz_user_dialog_get_error:
 *
 * Returns: (nullable): what is wrong with the form, or why the save was
 *   refused, as shown
 */
const char *
jz_user_dialog_get_error (JzUserDialog *self)
{
  g_return_val_if_fail (JZ_IS_USER_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;

  return gtk_label_get_label (self->error_label);
}
