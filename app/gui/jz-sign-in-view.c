/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-first-admin-dialog.h"
#include "jz-sign-in-view.h"
#include "jz-user-jobs.h"
#include "jz-window.h"

/* What the window shows instead of its panels while nobody is signed in
 * to a database that asks for it.  The password is checked in a worker
 * thread; the view says why a sign-in failed in the core's words. */
struct _JzSignInView
{
  AdwBin               parent_instance;

  /* Template widgets */
  AdwEntryRow         *name_row;
  AdwPasswordEntryRow *password_row;
  GtkLabel            *error_label;
  GtkButton           *sign_in_button;
  GtkSpinner          *spinner;
  GtkButton           *set_up_button;

  /* Owned references */
  JzDb                *db;
  GCancellable        *cancellable;  /* of the sign-in under way, or NULL */
};

G_DEFINE_FINAL_TYPE (JzSignInView, jz_sign_in_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DB,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNED_IN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_busy (JzSignInView *self)
{
  return self->cancellable != NULL;
}

static void
update_actions (JzSignInView *self)
{
  const char *name;

  g_assert (JZ_IS_SIGN_IN_VIEW (self));

  name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.sign-in",
                                 self->db != NULL && !is_busy (self) && name[0] != '\0');
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.set-up-admin",
                                 self->db != NULL && !is_busy (self));
}

static void
set_busy (JzSignInView *self,
          gboolean      busy)
{
  g_assert (JZ_IS_SIGN_IN_VIEW (self));

  if (busy)
    self->cancellable = g_cancellable_new ();
  else
    g_clear_object (&self->cancellable);

  gtk_spinner_set_spinning (self->spinner, busy);
  /* Not insensitive: the field with the focus would lose it. */
  gtk_editable_set_editable (GTK_EDITABLE (self->name_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->password_row), !busy);
  update_actions (self);
}

static void
show_error (JzSignInView *self,
            const char   *message)
{
  g_assert (JZ_IS_SIGN_IN_VIEW (self));

  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
cancel (JzSignInView *self)
{
  g_assert (JZ_IS_SIGN_IN_VIEW (self));

  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      set_busy (self, FALSE);
    }
}

/* The first run's offer, for a file whose users can sign in but none of
 * them as an administrator: the core lets whoever is at the keyboard make
 * one, as on a new file. */
static void
update_set_up (JzSignInView *self)
{
  g_assert (JZ_IS_SIGN_IN_VIEW (self));

  gtk_widget_set_visible (GTK_WIDGET (self->set_up_button),
                          self->db != NULL && !jz_db_get_read_only (self->db) &&
                          jz_user_needs_first_admin (self->db));
}

static void
focus_entry (JzSignInView *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));

  g_assert (JZ_IS_SIGN_IN_VIEW (self));

  if (name[0] == '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

static void
sign_in_done_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(JzSignInView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JzUser) user = NULL;

  user = jz_user_job_finish (JZ_DB (source_object), result, &error);

  /* Another database, or the view is gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  /* Never the name: the clerk corrects the password, or reads the name again. */
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");

  if (user == NULL)
    {
      show_error (self, error->message);
      focus_entry (self);
      return;
    }

  show_error (self, NULL);
  g_signal_emit (self, signals[SIGNED_IN], 0, user);
}

static void
sign_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  JzSignInView *self = (JzSignInView *) widget;
  const char *name;

  g_assert (JZ_IS_SIGN_IN_VIEW (self));

  name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  if (self->db == NULL || is_busy (self) || name[0] == '\0')
    return;

  set_busy (self, TRUE);
  jz_user_job_sign_in_async (self->db,
                             name,
                             gtk_editable_get_text (GTK_EDITABLE (self->password_row)),
                             self->cancellable,
                             sign_in_done_cb,
                             g_object_ref (self));
}

static void
set_up_admin_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  JzSignInView *self = (JzSignInView *) widget;
  GtkRoot *root = gtk_widget_get_root (widget);

  g_assert (JZ_IS_SIGN_IN_VIEW (self));

  if (self->db == NULL || !JZ_IS_WINDOW (root))
    return;

  jz_first_admin_dialog_new (JZ_WINDOW (root), self->db);
}

static void
text_changed_cb (JzSignInView *self)
{
  g_assert (JZ_IS_SIGN_IN_VIEW (self));

  update_actions (self);
}

static void
jz_sign_in_view_map (GtkWidget *widget)
{
  JzSignInView *self = (JzSignInView *) widget;
  GtkRoot *root;

  GTK_WIDGET_CLASS (jz_sign_in_view_parent_class)->map (widget);

  /* Enter in either field signs in. */
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_default_widget (GTK_WINDOW (root), GTK_WIDGET (self->sign_in_button));

  update_set_up (self);
  focus_entry (self);
}

static void
jz_sign_in_view_unmap (GtkWidget *widget)
{
  JzSignInView *self = (JzSignInView *) widget;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (GTK_IS_WINDOW (root) &&
      gtk_window_get_default_widget (GTK_WINDOW (root)) == GTK_WIDGET (self->sign_in_button))
    gtk_window_set_default_widget (GTK_WINDOW (root), NULL);

  GTK_WIDGET_CLASS (jz_sign_in_view_parent_class)->unmap (widget);
}

static void
jz_sign_in_view_dispose (GObject *object)
{
  JzSignInView *self = (JzSignInView *) object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), JZ_TYPE_SIGN_IN_VIEW);

  g_clear_object (&self->db);

  G_OBJECT_CLASS (jz_sign_in_view_parent_class)->dispose (object);
}

static void
jz_sign_in_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  JzSignInView *self = JZ_SIGN_IN_VIEW (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jz_sign_in_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  JzSignInView *self = JZ_SIGN_IN_VIEW (object);

  switch (prop_id)
    {
    case PROP_DB:
      jz_sign_in_view_set_db (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jz_sign_in_view_class_init (JzSignInViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jz_sign_in_view_dispose;
  object_class->get_property = jz_sign_in_view_get_property;
  object_class->set_property = jz_sign_in_view_set_property;

  widget_class->map = jz_sign_in_view_map;
  widget_class->unmap = jz_sign_in_view_unmap;

  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL,
                         JZ_TYPE_DB,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JzSignInView::signed-in:
   * @user: the user whose password was right
   */
  signals[SIGNED_IN] =
    g_signal_new ("signed-in",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, JZ_TYPE_USER);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jiuzhu/Jiuzhu/jz-sign-in-view.ui");
  gtk_widget_class_bind_template_child (widget_class, JzSignInView, name_row);
  gtk_widget_class_bind_template_child (widget_class, JzSignInView, password_row);
  gtk_widget_class_bind_template_child (widget_class, JzSignInView, error_label);
  gtk_widget_class_bind_template_child (widget_class, JzSignInView, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, JzSignInView, spinner);
  gtk_widget_class_bind_template_child (widget_class, JzSignInView, set_up_button);
  gtk_widget_class_bind_template_callback (widget_class, text_changed_cb);

  gtk_widget_class_install_action (widget_class, "sign-in.sign-in", NULL, sign_in_action);
  gtk_widget_class_install_action (widget_class, "sign-in.set-up-admin", NULL, set_up_admin_action);
}

static void
jz_sign_in_view_init (JzSignInView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  update_actions (self);
}

/**
 * jz_sign_in_view_get_db:
 *
 * Returns: (transfer none) (nullable): the database to sign in to
 */
JzDb *
jz_sign_in_view_get_db (JzSignInView *self)
{
  g_return_val_if_fail (JZ_IS_SIGN_IN_VIEW (self), NULL);

  return self->db;
}

void
jz_sign_in_view_set_db (JzSignInView *self,
                        JzDb         *db)
{
  g_return_if_fail (JZ_IS_SIGN_IN_VIEW (self));
  g_return_if_fail (db == NULL || JZ_IS_DB (db));

  if (self->db == db)
    return;

  /* A sign-in to the file shown before would sign in to the wrong one. */
  cancel (self);
  g_set_object (&self->db, db);
  jz_sign_in_view_reset (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DB]);
}

/* Whether a password is being checked now. */
gboolean
jz_sign_in_view_get_busy (JzSignInView *self)
{
  g_return_val_if_fail (JZ_IS_SIGN_IN_VIEW (self), FALSE);

  return is_busy (self);
}

/**
 * jz_sign_in_view_get_error:
 *
 * Returns: (nullable): why the last sign-in failed, as shown
 */
const char *
jz_sign_in_view_get_error (JzSignInView *self)
{
  g_return_val_if_fail (JZ_IS_SIGN_IN_VIEW (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;

  return gtk_label_get_label (self->error_label);
}

/* Empties the password and the last error, as for the next person at the
 * desk; the name stays, most often it is theirs again. */
void
jz_sign_in_view_reset (JzSignInView *self)
{
  g_return_if_fail (JZ_IS_SIGN_IN_VIEW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  show_error (self, NULL);
  update_set_up (self);
  update_actions (self);
}
