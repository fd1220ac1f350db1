/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jz-audit.h"
#include "jz-cases-page.h"
#include "jz-first-admin-dialog.h"
#include "jz-region.h"
#include "jz-settings-page.h"
#include "jz-sign-in-view.h"
#include "jz-test-window.h"
#include "jz-user-dialog.h"
#include "jz-users-view.h"

/* Signing in, signing out, the first run's administrator and Settings →
 * Users, driven through the window's actions as a clerk would. */

#define ADMIN_PASSWORD "admin-secret-1"
#define CLERK_PASSWORD "clerk-secret-1"
#define WRONG_PASSWORD_SENTENCE _("The sign-in name or the password is wrong; check both and try again.")

static JzApplication *app;
static char *tmp_dir;
/* Set to take screenshots of the sign-in view and the dialogs. */
static const char *screenshot_dir;

/* Helpers */

/* Whether a mapped label under @widget reads @text. */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;

  return FALSE;
}

/* The popover of the user button in the header bar: the window's only
 * popover whose button is not a menu button. */
static GtkPopover *
find_user_popover (GtkWidget *widget)
{
  if (GTK_IS_POPOVER (widget) && !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget)))
    return GTK_POPOVER (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkPopover *found = find_user_popover (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkPopover *
user_popover (JzWindow *window)
{
  GtkPopover *popover = find_user_popover (GTK_WIDGET (window));

  g_assert_nonnull (popover);
  return popover;
}

static gboolean
has_button_for (GtkWidget  *widget,
                const char *action)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_button_for (child, action))
      return TRUE;

  return FALSE;
}

static void
set_row_text (GtkWidget  *under,
              const char *title,
              const char *text)
{
  GtkWidget *row = find_row (under, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static const char *
row_text (GtkWidget  *under,
          const char *title)
{
  GtkWidget *row = find_row (under, title);

  g_assert_nonnull (row);
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static JzSignInView *
sign_in_view (JzWindow *window)
{
  GtkWidget *view = find_widget (GTK_WIDGET (window), JZ_TYPE_SIGN_IN_VIEW);

  g_assert_nonnull (view);
  return JZ_SIGN_IN_VIEW (view);
}

static void
wait_until_mapped (GtkWidget *widget,
                   gboolean   mapped)
{
  while (gtk_widget_get_mapped (widget) != mapped)
    g_main_context_iteration (NULL, TRUE);
}

/* Types @name and @password into the sign-in view, presses Sign In and
 * waits for the answer. */
static void
sign_in (JzWindow   *window,
         const char *name,
         const char *password)
{
  JzSignInView *view = sign_in_view (window);

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  set_row_text (GTK_WIDGET (view), _("Sign-in name"), name);
  set_row_text (GTK_WIDGET (view), _("Password"), password);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "sign-in.sign-in", NULL));
  g_assert_true (jz_sign_in_view_get_busy (view));
  while (jz_sign_in_view_get_busy (view))
    g_main_context_iteration (NULL, TRUE);
  drain_main_context ();
}

/* Settings → Users, found whether it may be shown or not. */
static JzUsersView *
users_view (JzWindow *window)
{
  GtkWidget *page;
  GtkWidget *view;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-panel", "s", "settings"));
  page = jz_window_get_visible_page (window);
  g_assert_true (JZ_IS_SETTINGS_PAGE (page));
  wait_until_mapped (page, TRUE);
  view = find_widget (page, JZ_TYPE_USERS_VIEW);
  g_assert_nonnull (view);

  return JZ_USERS_VIEW (view);
}

/* Whether the Users section is offered, as the sections switcher shows it. */
static gboolean
users_section_shown (JzUsersView *view)
{
  AdwViewStack *stack = ADW_VIEW_STACK (gtk_widget_get_ancestor (GTK_WIDGET (view), ADW_TYPE_VIEW_STACK));

  g_assert_nonnull (stack);
  /* The switcher shows the pages that are visible. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (view)) ==
                 adw_view_stack_page_get_visible (adw_view_stack_get_page (stack, GTK_WIDGET (view))));
  return adw_view_stack_page_get_visible (adw_view_stack_get_page (stack, GTK_WIDGET (view)));
}

static void
show_users_section (JzUsersView *view)
{
  AdwViewStack *stack = ADW_VIEW_STACK (gtk_widget_get_ancestor (GTK_WIDGET (view), ADW_TYPE_VIEW_STACK));

  adw_view_stack_set_visible_child (stack, GTK_WIDGET (view));
  wait_until_mapped (GTK_WIDGET (view), TRUE);
}

/* The core's sentence for a password that is too short, as translated. */
static const char *
weak_password_sentence (void)
{
  static char *sentence;

  if (sentence == NULL)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (jz_user_validate_password ("short", &error));
      sentence = g_strdup (error->message);
    }

  return sentence;
}

static gboolean
has_audit (JzDb       *db,
           gint64      user_id,
           const char *action,
           const char *user_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = jz_audit_list (db, "users", user_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      JzAuditEntry *entry = g_ptr_array_index (entries, i);

      if (g_str_equal (entry->action, action) && g_strcmp0 (entry->user_name, user_name) == 0)
        return TRUE;
    }

  return FALSE;
}

/* A demo database whose administrator and one township clerk have
 * passwords, so that everyone signs in. */
static JzDb *
db_with_passwords (const char  *name,
                   JzUser     **clerk)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) users = NULL;
  JzDb *db = jz_test_window_db_new (tmp_dir, name, 30, 5);

  g_assert_true (jz_user_get_single_user (db));
  g_assert_true (jz_user_needs_first_admin (db));

  users = jz_user_list (db, &error);
  g_assert_no_error (error);
  *clerk = NULL;
  for (guint i = 0; i < users->len && *clerk == NULL; i++)
    {
      JzUser *user = g_ptr_array_index (users, i);

      if (user->role == JZ_ROLE_CLERK && user->region_id != 0 && user->full_name[0] != '\0')
        *clerk = jz_user_copy (user);
    }
  g_assert_nonnull (*clerk);

  g_assert_true (jz_user_set_password (db, NULL, "admin", ADMIN_PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_true (jz_user_set_password (db, NULL, (*clerk)->name, CLERK_PASSWORD, &error));
  g_assert_no_error (error);

  g_assert_false (jz_user_get_single_user (db));
  g_assert_false (jz_user_get_offer_first_admin (db));

  return db;
}

static char *
tmp_path (const char *name)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

  g_remove (path);
  return g_steal_pointer (&path);
}

/* Tests */

static void
test_sign_in_and_out (void)
{
  g_autoptr(JzUser) clerk = NULL;
  g_autoptr(JzDb) db = db_with_passwords ("sign-in.db", &clerk);
  g_autoptr(GError) error = NULL;
  JzSignInView *view;
  JzUsersView *users;
  GtkWidget *cases;
  JzWindow *window;

  window = jz_test_window_new (app, db, 1280, 800);
  view = sign_in_view (window);

  /* Nothing of the file before someone signs in: not the panels, and no
   * panel has read it, even when asked for. */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_null (jz_window_get_user (window));
  g_assert_false (gtk_widget_get_mapped (jz_window_get_visible_page (window)));
  cases = find_widget (GTK_WIDGET (window), JZ_TYPE_CASES_PAGE);
  g_assert_nonnull (cases);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-panel", "s", "cases");
  drain_main_context ();
  g_assert_cmpstr (jz_window_get_panel (window), ==, "dashboard");
  g_assert_false (gtk_widget_get_mapped (cases));
  g_assert_null (jz_cases_page_get_model (JZ_CASES_PAGE (cases)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (window)) != NULL);

  /* A wrong password: the core's sentence, the name kept, the password gone. */
  sign_in (window, clerk->name, "not-the-password");
  g_assert_null (jz_window_get_user (window));
  g_assert_cmpstr (jz_sign_in_view_get_error (view), ==, WRONG_PASSWORD_SENTENCE);
  g_assert_true (shows_label (GTK_WIDGET (view), WRONG_PASSWORD_SENTENCE));
  g_assert_cmpstr (row_text (GTK_WIDGET (view), _("Sign-in name")), ==, clerk->name);
  g_assert_cmpstr (row_text (GTK_WIDGET (view), _("Password")), ==, "");
  g_assert_true (has_audit (db, clerk->id, "sign_in_failed", clerk->name));
  screenshot ("sign-in-wrong-password.png");

  /* The right one: the window is the clerk's, and so is the audit log. */
  sign_in (window, clerk->name, CLERK_PASSWORD);
  g_assert_nonnull (jz_window_get_user (window));
  g_assert_cmpint (jz_window_get_user (window)->id, ==, clerk->id);
  g_assert_cmpint (jz_window_get_user (window)->role, ==, JZ_ROLE_CLERK);
  g_assert_cmpstr (jz_db_get_user_name (db), ==, clerk->name);
  g_assert_null (jz_sign_in_view_get_error (view));
  g_assert_true (has_audit (db, clerk->id, "sign_in", clerk->name));
  wait_until_mapped (jz_window_get_visible_page (window), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-panel", "s", "cases"));
  wait_until_mapped (cases, TRUE);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_nonnull (jz_cases_page_get_model (JZ_CASES_PAGE (cases)));
  g_assert_cmpuint (g_list_model_get_n_items (jz_cases_page_get_model (JZ_CASES_PAGE (cases))), >, 0);
  g_assert_true (jz_page_get_user (JZ_PAGE (cases))->id == clerk->id);
  /* Who is signed in, in the header bar, with their role and township
   * and the way out. */
  g_assert_true (shows_label (GTK_WIDGET (window), clerk->full_name));
  {
    GtkPopover *popover = user_popover (window);
    g_autoptr(JzRegion) township = jz_region_get (db, clerk->region_id, &error);
    g_autofree char *role = NULL;

    g_assert_no_error (error);
    role = g_strdup_printf (_("%s, %s"), jz_role_label (JZ_ROLE_CLERK), township->name);
    gtk_widget_activate (gtk_widget_get_parent (GTK_WIDGET (popover)));
    wait_until_mapped (GTK_WIDGET (popover), TRUE);
    g_assert_true (shows_label (GTK_WIDGET (popover), role));
    g_assert_true (has_button_for (GTK_WIDGET (popover), "win.sign-out"));
    screenshot ("signed-in-clerk.png");
    gtk_popover_popdown (popover);
    wait_until_mapped (GTK_WIDGET (popover), FALSE);
  }

  /* A clerk does not manage users. */
  users = users_view (window);
  g_assert_false (users_section_shown (users));

  /* Signing out shows the sign-in view again; the name stays for the next try. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sign-out", NULL));
  drain_main_context ();
  g_assert_null (jz_window_get_user (window));
  g_assert_cmpstr (jz_db_get_user_name (db), ==, g_get_user_name ());
  wait_until_mapped (GTK_WIDGET (view), TRUE);
  g_assert_false (gtk_widget_get_mapped (jz_window_get_visible_page (window)));
  g_assert_false (shows_label (GTK_WIDGET (window), clerk->full_name));
  g_assert_cmpstr (row_text (GTK_WIDGET (view), _("Sign-in name")), ==, clerk->name);

  /* The administrator sees Settings → Users. */
  sign_in (window, "admin", ADMIN_PASSWORD);
  g_assert_nonnull (jz_window_get_user (window));
  g_assert_cmpint (jz_window_get_user (window)->role, ==, JZ_ROLE_ADMIN);
  g_assert_cmpstr (jz_db_get_user_name (db), ==, "admin");
  if (screenshot_dir != NULL)
    {
      GtkMenuButton *menu = GTK_MENU_BUTTON (find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON));

      gtk_menu_button_popup (menu);
      screenshot ("main-menu-signed-in.png");
      gtk_menu_button_popdown (menu);
    }
  users = users_view (window);
  g_assert_true (users_section_shown (users));
  show_users_section (users);
  {
    GtkWidget *row = find_row (GTK_WIDGET (users), clerk->full_name);

    g_assert_nonnull (row);
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), clerk->name));
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), jz_role_label (JZ_ROLE_CLERK)));
  }
  g_assert_true (gtk_widget_get_mapped (find_row (GTK_WIDGET (users), _("Single-user mode"))));
  screenshot ("users-view.png");

  /* Add a reviewer: the passwords must agree, said as they are typed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (users), "users.add", NULL));
  {
    JzUserDialog *dialog = JZ_USER_DIALOG (find_toplevel (JZ_TYPE_USER_DIALOG));
    g_autoptr(JzUser) added = NULL;

    g_assert_nonnull (dialog);
    set_row_text (GTK_WIDGET (dialog), _("Sign-in name"), "reviewer-2");
    set_row_text (GTK_WIDGET (dialog), _("Full name"), "审核员二");
    adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (dialog), _("Role"))), JZ_ROLE_REVIEWER);
    set_row_text (GTK_WIDGET (dialog), _("Password"), "short");
    g_assert_cmpstr (jz_user_dialog_get_error (dialog), ==,
                     weak_password_sentence ());
    set_row_text (GTK_WIDGET (dialog), _("Password"), "reviewer-secret-2");
    set_row_text (GTK_WIDGET (dialog), _("Password again"), "reviewer-secret-3");
    g_assert_cmpstr (jz_user_dialog_get_error (dialog), ==,
                     _("The two passwords differ; type the same password twice."));
    screenshot ("add-user.png");
    set_row_text (GTK_WIDGET (dialog), _("Password again"), "reviewer-secret-2");
    g_assert_null (jz_user_dialog_get_error (dialog));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "user.save", NULL));
    while (find_toplevel (JZ_TYPE_USER_DIALOG) != NULL)
      g_main_context_iteration (NULL, TRUE);

    added = jz_user_get_by_name (db, "reviewer-2", &error);
    g_assert_no_error (error);
    g_assert_cmpint (added->role, ==, JZ_ROLE_REVIEWER);
    g_assert_true (added->has_password);
    g_assert_cmpstr (added->full_name, ==, "审核员二");
    g_assert_nonnull (find_row (GTK_WIDGET (users), "审核员二"));
    /* Made by the administrator signed in. */
    g_assert_true (has_audit (db, added->id, "insert", "admin"));
  }

  /* Give another clerk a password. */
  {
    g_autoptr(JzUser) other = jz_user_get_by_name (db, "clerk02", &error);
    JzUserDialog *dialog;

    g_assert_no_error (error);
    g_assert_false (other->has_password);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (users), "users.set-password", "x", other->id));
    dialog = JZ_USER_DIALOG (find_toplevel (JZ_TYPE_USER_DIALOG));
    g_assert_nonnull (dialog);
    /* Only the password is asked for. */
    wait_for_draw (GTK_WIDGET (dialog));
    g_assert_true (gtk_widget_get_mapped (find_row (GTK_WIDGET (dialog), _("Password"))));
    g_assert_false (gtk_widget_get_mapped (find_row (GTK_WIDGET (dialog), _("Sign-in name"))));
    set_row_text (GTK_WIDGET (dialog), _("Password"), "clerk02-secret");
    set_row_text (GTK_WIDGET (dialog), _("Password again"), "clerk02-secret");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "user.save", NULL));
    while (find_toplevel (JZ_TYPE_USER_DIALOG) != NULL)
      g_main_context_iteration (NULL, TRUE);
    g_clear_pointer (&other, jz_user_free);
    other = jz_user_get_by_name (db, "clerk02", &error);
    g_assert_no_error (error);
    g_assert_true (other->has_password);
    g_assert_true (has_audit (db, other->id, "password", "admin"));
  }

  /* Switch the clerk off: they cannot sign in any more. */
  {
    g_autoptr(JzUser) edited = NULL;
    JzUserDialog *dialog;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (users), "users.edit", "x", clerk->id));
    dialog = JZ_USER_DIALOG (find_toplevel (JZ_TYPE_USER_DIALOG));
    g_assert_nonnull (dialog);
    g_assert_cmpstr (row_text (GTK_WIDGET (dialog), _("Sign-in name")), ==, clerk->name);
    gtk_switch_set_active (GTK_SWITCH (find_widget (find_row (GTK_WIDGET (dialog), _("Active")), GTK_TYPE_SWITCH)), FALSE);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "user.save", NULL));
    drain_main_context ();
    g_assert_null (find_toplevel (JZ_TYPE_USER_DIALOG));
    edited = jz_user_get (db, clerk->id, &error);
    g_assert_no_error (error);
    g_assert_false (edited->active);
    g_assert_true (shows_label (GTK_WIDGET (users), _("Switched off")));
  }

  /* Single-user mode, on and off again. */
  {
    GtkSwitch *mode = GTK_SWITCH (find_widget (find_row (GTK_WIDGET (users), _("Single-user mode")), GTK_TYPE_SWITCH));

    g_assert_false (gtk_switch_get_active (mode));
    gtk_switch_set_active (mode, TRUE);
    drain_main_context ();
    g_assert_true (jz_user_get_single_user (db));
    g_assert_null (jz_users_view_get_single_user_error (users));
    /* The administrator stays signed in until they sign out. */
    g_assert_nonnull (jz_window_get_user (window));
    gtk_switch_set_active (mode, FALSE);
    drain_main_context ();
    g_assert_false (jz_user_get_single_user (db));
    g_assert_nonnull (jz_window_get_user (window));
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sign-out", NULL));
  drain_main_context ();
  wait_until_mapped (GTK_WIDGET (view), TRUE);

  /* The switched-off clerk is told so. */
  sign_in (window, clerk->name, CLERK_PASSWORD);
  g_assert_null (jz_window_get_user (window));
  g_assert_cmpstr (jz_sign_in_view_get_error (view), ==, _("This account is switched off; ask the administrator."));

  jz_test_window_destroy (window);
}

/* Whether @message is the core's sentence of a wait of 1 to 300 seconds. */
static gboolean
is_wait_sentence (const char *message)
{
  for (int seconds = 1; seconds <= 300; seconds++)
    {
      g_autofree char *expected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "Too many wrong passwords. Wait %d second, then try again.",
                                                                "Too many wrong passwords. Wait %d seconds, then try again.",
                                                                seconds),
                                                   seconds);

      if (g_strcmp0 (message, expected) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Wrong passwords in a row make the next try wait; the view says how long. */
static void
test_sign_in_too_soon (void)
{
  g_autoptr(JzUser) clerk = NULL;
  g_autoptr(JzDb) db = db_with_passwords ("too-soon.db", &clerk);
  JzSignInView *view;
  JzWindow *window;
  gboolean waited = FALSE;

  window = jz_test_window_new (app, db, 1000, 700);
  view = sign_in_view (window);

  /* From the third wrong password the wait doubles each time, so however
   * slow the machine, a try soon comes too soon. */
  for (guint i = 0; i < 12 && !waited; i++)
    {
      const char *message;

      sign_in (window, clerk->name, "not-the-password");
      message = jz_sign_in_view_get_error (view);
      g_assert_nonnull (message);
      if (is_wait_sentence (message))
        waited = TRUE;
      else
        g_assert_cmpstr (message, ==, WRONG_PASSWORD_SENTENCE);
      g_assert_cmpstr (row_text (GTK_WIDGET (view), _("Sign-in name")), ==, clerk->name);
    }
  g_assert_true (waited);
  g_assert_null (jz_window_get_user (window));
  screenshot ("sign-in-too-soon.png");

  jz_test_window_destroy (window);
}

/* A new file offers to set up the administrator, who is then signed in. */
static void
test_first_admin_new_file (void)
{
  g_autofree char *path = tmp_path ("new-office.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(JzUser) admin = NULL;
  JzFirstAdminDialog *dialog;
  JzWindow *window;
  JzDb *db;

  window = jz_test_window_new (app, NULL, 1000, 760);
  g_assert_true (jz_application_open_database (app, path, JZ_DB_OPEN_CREATE));
  db = jz_window_get_db (window);
  g_assert_nonnull (db);
  drain_main_context ();

  dialog = JZ_FIRST_ADMIN_DIALOG (find_toplevel (JZ_TYPE_FIRST_ADMIN_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_cmpstr (row_text (GTK_WIDGET (dialog), _("Sign-in name")), ==, _("admin"));
  g_assert_true (gtk_widget_get_visible (find_row (GTK_WIDGET (dialog), _("Full name"))));

  /* The core's rule for passwords, said below the form as it is typed. */
  set_row_text (GTK_WIDGET (dialog), _("Full name"), "王主任");
  set_row_text (GTK_WIDGET (dialog), _("Password"), "short");
  g_assert_cmpstr (jz_first_admin_dialog_get_error (dialog), ==,
                   weak_password_sentence ());
  wait_for_draw (GTK_WIDGET (dialog));
  screenshot ("first-admin.png");
  set_row_text (GTK_WIDGET (dialog), _("Password"), ADMIN_PASSWORD);
  set_row_text (GTK_WIDGET (dialog), _("Password again"), ADMIN_PASSWORD);
  g_assert_null (jz_first_admin_dialog_get_error (dialog));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "first-admin.set-up", NULL));
  g_assert_true (jz_first_admin_dialog_get_busy (dialog));
  while (find_toplevel (JZ_TYPE_FIRST_ADMIN_DIALOG) != NULL)
    g_main_context_iteration (NULL, TRUE);

  admin = jz_user_get_by_name (db, "admin", &error);
  g_assert_no_error (error);
  g_assert_cmpint (admin->role, ==, JZ_ROLE_ADMIN);
  g_assert_cmpstr (admin->full_name, ==, "王主任");
  g_assert_true (admin->has_password);
  g_assert_false (jz_user_needs_first_admin (db));
  g_assert_false (jz_user_get_single_user (db));
  g_assert_false (jz_user_get_offer_first_admin (db));

  /* Signed in as the new administrator, panels shown. */
  g_assert_nonnull (jz_window_get_user (window));
  g_assert_cmpint (jz_window_get_user (window)->id, ==, admin->id);
  g_assert_cmpstr (jz_db_get_user_name (db), ==, "admin");
  wait_until_mapped (jz_window_get_visible_page (window), TRUE);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (sign_in_view (window))));

  /* Opened again, the file asks for a sign-in and offers nothing more. */
  g_assert_true (jz_application_open_database (app, path, JZ_DB_OPEN_DEFAULT));
  drain_main_context ();
  g_assert_null (find_toplevel (JZ_TYPE_FIRST_ADMIN_DIALOG));
  g_assert_null (jz_window_get_user (window));
  wait_until_mapped (GTK_WIDGET (sign_in_view (window)), TRUE);
  sign_in (window, "admin", ADMIN_PASSWORD);
  g_assert_nonnull (jz_window_get_user (window));

  jz_test_window_destroy (window);
}

/* The demo's staff have no passwords: the offer gives its "admin" one. */
static void
test_first_admin_demo (void)
{
  g_autoptr(JzDb) demo = jz_test_window_db_new (tmp_dir, "demo.db", 20, 9);
  g_autofree char *path = g_strdup (jz_db_get_path (demo));
  g_autoptr(JzUser) before = NULL;
  g_autoptr(JzUser) after = NULL;
  g_autoptr(GError) error = NULL;
  JzFirstAdminDialog *dialog;
  JzWindow *window;
  JzDb *db;

  before = jz_user_get_by_name (demo, "admin", &error);
  g_assert_no_error (error);
  g_assert_false (before->has_password);
  g_clear_object (&demo);

  window = jz_test_window_new (app, NULL, 1000, 760);
  g_assert_true (jz_application_open_database (app, path, JZ_DB_OPEN_DEFAULT));
  db = jz_window_get_db (window);
  drain_main_context ();

  dialog = JZ_FIRST_ADMIN_DIALOG (find_toplevel (JZ_TYPE_FIRST_ADMIN_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (row_text (GTK_WIDGET (dialog), _("Sign-in name")), ==, _("admin"));
  /* Its name is the demo's; only the password is new. */
  g_assert_cmpstr (row_text (GTK_WIDGET (dialog), _("Full name")), ==, before->full_name);
  g_assert_false (gtk_widget_get_sensitive (find_row (GTK_WIDGET (dialog), _("Full name"))));
  set_row_text (GTK_WIDGET (dialog), _("Password"), ADMIN_PASSWORD);
  set_row_text (GTK_WIDGET (dialog), _("Password again"), ADMIN_PASSWORD);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "first-admin.set-up", NULL));
  while (find_toplevel (JZ_TYPE_FIRST_ADMIN_DIALOG) != NULL)
    g_main_context_iteration (NULL, TRUE);

  after = jz_user_get_by_name (db, "admin", &error);
  g_assert_no_error (error);
  g_assert_cmpint (after->id, ==, before->id);
  g_assert_true (after->has_password);
  g_assert_nonnull (jz_window_get_user (window));
  g_assert_cmpint (jz_window_get_user (window)->id, ==, before->id);

  jz_test_window_destroy (window);
}

/* Users who can sign in but no administrator: the sign-in view offers
 * to set one up, as the first run does. */
static void
test_first_admin_from_sign_in (void)
{
  g_autoptr(JzDb) db = jz_test_window_db_new (tmp_dir, "no-admin.db", 10, 4);
  g_autoptr(GError) error = NULL;
  g_autoptr(JzUser) admin = NULL;
  JzFirstAdminDialog *dialog;
  JzSignInView *view;
  JzWindow *window;

  g_assert_true (jz_user_set_password (db, NULL, "clerk01", CLERK_PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_false (jz_user_get_single_user (db));
  g_assert_true (jz_user_needs_first_admin (db));

  window = jz_test_window_new (app, db, 1000, 760);
  view = sign_in_view (window);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_true (has_button_for (GTK_WIDGET (view), "sign-in.set-up-admin"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "sign-in.set-up-admin", NULL));
  dialog = JZ_FIRST_ADMIN_DIALOG (find_toplevel (JZ_TYPE_FIRST_ADMIN_DIALOG));
  g_assert_nonnull (dialog);

  /* Nobody could sign in as the administrator: not working without
   * signing in, which would open the file to anyone at the keyboard. */
  wait_for_draw (GTK_WIDGET (dialog));
  g_assert_true (has_button_for (GTK_WIDGET (dialog), "first-admin.set-up"));
  g_assert_false (has_button_for (GTK_WIDGET (dialog), "first-admin.without-sign-in"));
  set_row_text (GTK_WIDGET (dialog), _("Password"), ADMIN_PASSWORD);
  set_row_text (GTK_WIDGET (dialog), _("Password again"), ADMIN_PASSWORD);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "first-admin.set-up", NULL));
  while (find_toplevel (JZ_TYPE_FIRST_ADMIN_DIALOG) != NULL)
    g_main_context_iteration (NULL, TRUE);

  admin = jz_user_get_by_name (db, "admin", &error);
  g_assert_no_error (error);
  g_assert_true (admin->has_password);
  g_assert_nonnull (jz_window_get_user (window));
  g_assert_cmpint (jz_window_get_user (window)->id, ==, admin->id);
  wait_until_mapped (jz_window_get_visible_page (window), TRUE);

  /* Once there is one, the sign-in view no more offers it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sign-out", NULL));
  wait_until_mapped (GTK_WIDGET (view), TRUE);
  g_assert_true (has_button_for (GTK_WIDGET (view), "sign-in.sign-in"));
  g_assert_false (has_button_for (GTK_WIDGET (view), "sign-in.set-up-admin"));

  jz_test_window_destroy (window);
}

/* "Work Without Signing In", and "later": either way the offer is made once. */
static void
test_first_admin_without_sign_in (void)
{
  g_autofree char *path = tmp_path ("alone.db");
  g_autofree char *later_path = tmp_path ("later.db");
  JzFirstAdminDialog *dialog;
  JzUsersView *users;
  JzWindow *window;
  JzDb *db;

  window = jz_test_window_new (app, NULL, 1000, 760);
  g_assert_true (jz_application_open_database (app, path, JZ_DB_OPEN_CREATE));
  db = jz_window_get_db (window);
  drain_main_context ();

  dialog = JZ_FIRST_ADMIN_DIALOG (find_toplevel (JZ_TYPE_FIRST_ADMIN_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "first-admin.without-sign-in", NULL));
  drain_main_context ();
  g_assert_null (find_toplevel (JZ_TYPE_FIRST_ADMIN_DIALOG));
  g_assert_true (jz_user_get_single_user (db));
  g_assert_false (jz_user_get_offer_first_admin (db));
  g_assert_null (jz_window_get_user (window));
  wait_until_mapped (jz_window_get_visible_page (window), TRUE);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (sign_in_view (window))));

  /* Whoever opens the file manages the users; sign-in cannot be switched
   * on while no administrator has a password, and the view says why. */
  if (screenshot_dir != NULL)
    {
      GtkMenuButton *menu = GTK_MENU_BUTTON (find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON));

      gtk_menu_button_popup (menu);
      screenshot ("main-menu-single-user.png");
      gtk_menu_button_popdown (menu);
    }
  users = users_view (window);
  g_assert_true (users_section_shown (users));
  show_users_section (users);
  g_assert_true (shows_label (GTK_WIDGET (users), _("No users yet")));
  {
    GtkSwitch *mode = GTK_SWITCH (find_widget (find_row (GTK_WIDGET (users), _("Single-user mode")), GTK_TYPE_SWITCH));

    g_assert_true (gtk_switch_get_active (mode));
    gtk_switch_set_active (mode, FALSE);
    drain_main_context ();
    g_assert_true (gtk_switch_get_active (mode));
    g_assert_true (jz_user_get_single_user (db));
    g_assert_cmpstr (jz_users_view_get_single_user_error (users), ==,
                     _("Give an administrator a password before asking everyone to sign in."));
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_row (GTK_WIDGET (users), _("Single-user mode")))),
                     ==, _("Give an administrator a password before asking everyone to sign in."));
    screenshot ("users-view-single-user.png");
  }

  /* Opened again: no offer. */
  g_assert_true (jz_application_open_database (app, path, JZ_DB_OPEN_DEFAULT));
  drain_main_context ();
  g_assert_null (find_toplevel (JZ_TYPE_FIRST_ADMIN_DIALOG));

  /* Closed without an answer: not asked again either. */
  g_assert_true (jz_application_open_database (app, later_path, JZ_DB_OPEN_CREATE));
  drain_main_context ();
  dialog = JZ_FIRST_ADMIN_DIALOG (find_toplevel (JZ_TYPE_FIRST_ADMIN_DIALOG));
  g_assert_nonnull (dialog);
  gtk_window_close (GTK_WINDOW (dialog));
  drain_main_context ();
  g_assert_null (find_toplevel (JZ_TYPE_FIRST_ADMIN_DIALOG));
  g_assert_false (jz_user_get_offer_first_admin (jz_window_get_db (window)));
  g_assert_true (jz_user_get_single_user (jz_window_get_db (window)));
  g_assert_true (jz_application_open_database (app, later_path, JZ_DB_OPEN_DEFAULT));
  drain_main_context ();
  g_assert_null (find_toplevel (JZ_TYPE_FIRST_ADMIN_DIALOG));

  jz_test_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* Argon2id at its minimum: the same code, in milliseconds. */
  g_setenv ("JIUZHU_TEST_FAST_HASH", "1", TRUE);
  app = jz_test_window_init (&argc, &argv, "jz-test-sign-in-XXXXXX", &tmp_dir);
  screenshot_dir = g_getenv ("JZ_SCREENSHOT_DIR");

  g_test_add_func ("/sign-in/sign-in-and-out", test_sign_in_and_out);
  g_test_add_func ("/sign-in/too-soon", test_sign_in_too_soon);
  g_test_add_func ("/sign-in/first-admin/new-file", test_first_admin_new_file);
  g_test_add_func ("/sign-in/first-admin/demo", test_first_admin_demo);
  g_test_add_func ("/sign-in/first-admin/without-sign-in", test_first_admin_without_sign_in);
  g_test_add_func ("/sign-in/first-admin/from-sign-in", test_first_admin_from_sign_in);

  ret = g_test_run ();

  jz_test_window_finish (&app, &tmp_dir);

  return ret;
}
