/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-first-admin-dialog.h"
#include "jz-form.h"
#include "jz-user-jobs.h"

/* The first run: make the administrator (or give the demo's "admin" a
 * password) and sign them in, or keep working without signing in.  The
 * core lets whoever is at the keyboard do this as long as no
 * administrator can sign in; closing the dialog answers "later". */
struct _JzFirstAdminDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  GtkLabel            *intro_label;
  AdwEntryRow         *name_row;
  AdwEntryRow         *full_name_row;
  AdwPasswordEntryRow *password_row;
  AdwPasswordEntryRow *repeat_row;
  GtkLabel            *error_label;
  GtkButton           *set_up_button;
  GtkSpinner          *spinner;
  GtkWidget           *without_box;

  /* Owned references */
  JzDb                *db;
  JzUser              *existing;     /* an administrator without a password, or NULL */
  GCancellable        *cancellable;  /* of the set-up under way, or NULL */

  gboolean             answered;
};

G_DEFINE_FINAL_TYPE (JzFirstAdminDialog, jz_first_admin_dialog, ADW_TYPE_WINDOW)

static gboolean
is_existing (JzFirstAdminDialog *self,
             const char         *name)
{
  return self->existing != NULL && g_strcmp0 (self->existing->name, name) == 0;
}

static void
show_error (JzFirstAdminDialog *self,
            const char         *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* The first problem with the form, in a sentence; NULL when it can go. */
static char *
check_form (JzFirstAdminDialog  *self,
            gboolean            *complete)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  const char *repeat = gtk_editable_get_text (GTK_EDITABLE (self->repeat_row));
  g_autoptr(GError) error = NULL;
  gboolean password_ok;

  password_ok = jz_user_validate_password (password, &error);
  jz_form_set_row_error (GTK_WIDGET (self->password_row), password[0] != '\0' && !password_ok);
  jz_form_set_row_error (GTK_WIDGET (self->repeat_row), repeat[0] != '\0' && g_strcmp0 (password, repeat) != 0);

  *complete = name[0] != '\0' && password_ok && g_strcmp0 (password, repeat) == 0;

  /* Nothing is wrong with what is not typed yet. */
  if (password[0] != '\0' && !password_ok)
    return g_strdup (error->message);
  if (repeat[0] != '\0' && password_ok && g_strcmp0 (password, repeat) != 0)
    return g_strdup (_("The two passwords differ; type the same password twice."));

  return NULL;
}

static void
update_form (JzFirstAdminDialog *self)
{
  g_autofree char *problem = NULL;
  gboolean complete;
  gboolean busy = self->cancellable != NULL;

  g_assert (JZ_IS_FIRST_ADMIN_DIALOG (self));

  problem = check_form (self, &complete);
  show_error (self, problem);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "first-admin.set-up", complete && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "first-admin.without-sign-in", !busy);
}

static void
set_busy (JzFirstAdminDialog *self,
          gboolean            busy)
{
  g_assert (JZ_IS_FIRST_ADMIN_DIALOG (self));

  if (busy)
    self->cancellable = g_cancellable_new ();
  else
    g_clear_object (&self->cancellable);

  gtk_spinner_set_spinning (self->spinner, busy);
  /* Not insensitive: the field with the focus would lose it. */
  gtk_editable_set_editable (GTK_EDITABLE (self->name_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->full_name_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->password_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->repeat_row), !busy);
  update_form (self);
}

/* The administrator the demo made has a name and a full name already;
 * only the password is missing. */
static void
name_changed_cb (JzFirstAdminDialog *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  gboolean existing = is_existing (self, name);

  g_assert (JZ_IS_FIRST_ADMIN_DIALOG (self));

  if (existing)
    gtk_editable_set_text (GTK_EDITABLE (self->full_name_row), self->existing->full_name);
  gtk_widget_set_sensitive (GTK_WIDGET (self->full_name_row), !existing);
  update_form (self);
}

static void
password_changed_cb (JzFirstAdminDialog *self)
{
  update_form (self);
}

static JzWindow *
get_window (JzFirstAdminDialog *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  /* The dialog is modal, yet the window may have been given another
   * file from elsewhere (a file manager's Open With). */
  if (!JZ_IS_WINDOW (parent) || jz_window_get_db (JZ_WINDOW (parent)) != self->db)
    return NULL;

  return JZ_WINDOW (parent);
}

static void
set_up_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(JzFirstAdminDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JzUser) user = NULL;
  JzWindow *window;

  user = jz_user_job_finish (JZ_DB (source_object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  if (user == NULL)
    {
      show_error (self, error->message);
      return;
    }

  self->answered = TRUE;
  window = get_window (self);
  if (window != NULL)
    jz_window_set_user (window, user);
  gtk_window_close (GTK_WINDOW (self));
}

static void
set_up_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JzFirstAdminDialog *self = (JzFirstAdminDialog *) widget;
  /* Nobody is signed in.  In single-user mode that is the administrator
   * of the file; otherwise only the core's first-run rule lets this
   * through, and an account that may do nothing asks it to. */
  static const JzUser nobody = { 0, NULL, NULL, JZ_ROLE_LEADER, 0, FALSE, FALSE, 0 };
  const JzUser *actor = jz_user_get_single_user (self->db) ? NULL : &nobody;
  g_autofree char *name = NULL;
  const char *password;
  gboolean complete;

  g_assert (JZ_IS_FIRST_ADMIN_DIALOG (self));

  g_free (check_form (self, &complete));
  if (!complete || self->cancellable != NULL)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  set_busy (self, TRUE);

  if (is_existing (self, name))
    jz_user_job_set_password_async (self->db, actor, name, password, TRUE,
                                    self->cancellable, set_up_done_cb, g_object_ref (self));
  else
    {
      g_autoptr(JzUser) user = jz_user_new ();
      g_autofree char *full_name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->full_name_row))));

      user->name = g_steal_pointer (&name);
      user->full_name = g_steal_pointer (&full_name);
      user->role = JZ_ROLE_ADMIN;
      user->active = TRUE;
      jz_user_job_create_async (self->db, actor, user, password, TRUE,
                                self->cancellable, set_up_done_cb, g_object_ref (self));
    }
}

static void
without_sign_in_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  JzFirstAdminDialog *self = (JzFirstAdminDialog *) widget;
  g_autoptr(GError) error = NULL;

  g_assert (JZ_IS_FIRST_ADMIN_DIALOG (self));

  /* Offered only while nobody can sign in anyway (see setup()): the
   * choice is made explicit, so that a user added later with a password
   * does not start asking everyone to sign in. */
  if (!jz_user_get_single_user (self->db))
    return;

  if (!jz_user_set_single_user (self->db, NULL, TRUE, &error))
    {
      show_error (self, error->message);
      return;
    }

  self->answered = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
jz_first_admin_dialog_close_request (GtkWindow *window)
{
  JzFirstAdminDialog *self = (JzFirstAdminDialog *) window;

  g_assert (JZ_IS_FIRST_ADMIN_DIALOG (self));

  /* "Later": the demo's file asks once, not at every start. */
  if (!self->answered)
    {
      g_autoptr(GError) error = NULL;

      if (!jz_user_set_first_admin_offered (self->db, &error))
        g_debug ("Cannot record the first-run offer: %s", error->message);
      self->answered = TRUE;
    }

  return GTK_WINDOW_CLASS (jz_first_admin_dialog_parent_class)->close_request (window);
}

static void
setup (JzFirstAdminDialog *self)
{
  g_autoptr(GPtrArray) users = jz_user_list (self->db, NULL);

  g_assert (JZ_IS_FIRST_ADMIN_DIALOG (self));

  for (guint i = 0; users != NULL && i < users->len && self->existing == NULL; i++)
    {
      JzUser *user = g_ptr_array_index (users, i);

      if (user->role == JZ_ROLE_ADMIN && user->active && !user->has_password)
        self->existing = jz_user_copy (user);
    }

  if (self->existing != NULL)
    {
      g_autofree char *intro = NULL;

      /* TRANSLATORS: %s is a sign-in name, such as admin */
      intro = g_strdup_printf (_("This database has an administrator account, “%s”, without a password. Give it a password to sign in as the administrator, or type another sign-in name for a new administrator."),
                               self->existing->name);
      gtk_label_set_label (self->intro_label, intro);
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), self->existing->name);
    }
  else
    /* TRANSLATORS: the suggested sign-in name of the first administrator */
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), _("admin"));

  /* Working without signing in is a choice only where nobody can sign in
   * yet; otherwise it would open the file to anyone at the keyboard. */
  gtk_widget_set_visible (self->without_box, jz_user_get_single_user (self->db));

  name_changed_cb (self);
}

static void
jz_first_admin_dialog_dispose (GObject *object)
{
  JzFirstAdminDialog *self = (JzFirstAdminDialog *) object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), JZ_TYPE_FIRST_ADMIN_DIALOG);

  g_clear_pointer (&self->existing, jz_user_free);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (jz_first_admin_dialog_parent_class)->dispose (object);
}

static void
jz_first_admin_dialog_class_init (JzFirstAdminDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = jz_first_admin_dialog_dispose;

  window_class->close_request = jz_first_admin_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jiuzhu/Jiuzhu/jz-first-admin-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JzFirstAdminDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, JzFirstAdminDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, JzFirstAdminDialog, full_name_row);
  gtk_widget_class_bind_template_child (widget_class, JzFirstAdminDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, JzFirstAdminDialog, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, JzFirstAdminDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, JzFirstAdminDialog, set_up_button);
  gtk_widget_class_bind_template_child (widget_class, JzFirstAdminDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, JzFirstAdminDialog, without_box);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, password_changed_cb);

  gtk_widget_class_install_action (widget_class, "first-admin.set-up", NULL, set_up_action);
  gtk_widget_class_install_action (widget_class, "first-admin.without-sign-in", NULL, without_sign_in_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jz_first_admin_dialog_init (JzFirstAdminDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->set_up_button));
}

/**
 * jz_first_admin_dialog_new:
 * @window: the window the administrator is signed in to
 * @db: its database
 *
 * Returns: (transfer none): the dialog, shown; it destroys itself when
 *   closed, and with @window
 */
JzFirstAdminDialog *
jz_first_admin_dialog_new (JzWindow *window,
                           JzDb     *db)
{
  JzFirstAdminDialog *self;

  g_return_val_if_fail (JZ_IS_WINDOW (window), NULL);
  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  self = g_object_new (JZ_TYPE_FIRST_ADMIN_DIALOG,
                       "transient-for", window,
                       NULL);
  self->db = g_object_ref (db);
  setup (self);
  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));

  return self;
}

/* Whether a password is being protected (hashed) now. */
gboolean
jz_first_admin_dialog_get_busy (JzFirstAdminDialog *self)
{
  g_return_val_if_fail (JZ_IS_FIRST_ADMIN_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}

/**
 * jz_first_admin_dialog_get_error:
 *
 * Returns: (nullable): what is wrong with the form, or why the set-up
 *   failed, as shown
 */
const char *
jz_first_admin_dialog_get_error (JzFirstAdminDialog *self)
{
  g_return_val_if_fail (JZ_IS_FIRST_ADMIN_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;

  return gtk_label_get_label (self->error_label);
}
