/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-case.h"
#include "jz-form.h"
#include "jz-household-archive.h"
#include "jz-household-events.h"
#include "jz-household-history.h"
#include "jz-household-rows.h"
#include "jz-household-view-private.h"
#include "jz-household.h"
#include "jz-income.h"
#include "jz-region.h"

/* A long-lived file gathers many changes; the newest are what a clerk
 * reads, and hundreds of rows would only slow the view down. */
#define MAX_HISTORY_ROWS 200

G_DEFINE_FINAL_TYPE (JzHouseholdView, jz_household_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DB,
  PROP_HOUSEHOLD_ID,
  N_PROPS
};

enum {
  BACK,
  ARCHIVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
set_fact (GtkLabel   *label,
          const char *value)
{
  gtk_label_set_label (label, value != NULL && *value != '\0' ? value : "—");
}

static void
show_facts (JzHouseholdView *self,
            GPtrArray       *members)
{
  JzHousehold *household = self->household;
  g_autoptr(JzRegion) village = jz_region_get (self->db, household->region_id, NULL);
  g_autoptr(JzRegion) township = village != NULL ? jz_region_get (self->db, village->parent_id, NULL) : NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *number = jz_household_file_number (household->id);
  g_autofree char *title = NULL;
  g_autofree char *place = NULL;
  g_autofree char *masked = NULL;
  const char *head_name = NULL;
  gint64 successor;

  for (guint i = 0; i < members->len; i++)
    {
      JzPerson *member = g_ptr_array_index (members, i);

      if (member->id == household->head_person_id)
        head_name = member->name;
    }

  self->township_id = township != NULL ? township->id : 0;
  title = head_name != NULL ? g_strdup_printf ("%s · %s", head_name, number) : g_strdup (number);
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->status_label, jz_household_status_label (household->status));

  set_fact (self->head_label, head_name);
  set_fact (self->address_label, household->address);
  if (village != NULL)
    place = township != NULL ? g_strdup_printf ("%s %s", township->name, village->name) : g_strdup (village->name);
  set_fact (self->village_label, place);
  set_fact (self->hukou_label, jz_choice_label (JZ_CHOICE_HUKOU, household->hukou));
  set_fact (self->phone_label, household->phone);
  set_fact (self->bank_label, household->bank);
  set_fact (self->opened_label, household->opened_on);
  set_fact (self->notes_label, household->notes);

  /* Once revealed, the number read now is shown; the look was recorded. */
  if (self->revealed_account != NULL)
    {
      g_free (self->revealed_account);
      self->revealed_account = g_strdup (household->bank_account);
    }
  masked = jz_household_mask_account (household->bank_account);
  set_fact (self->account_label, self->revealed_account != NULL ? self->revealed_account : masked);
  gtk_widget_set_visible (self->reveal_button, self->revealed_account == NULL && *masked != '\0');

  gtk_widget_set_visible (GTK_WIDGET (self->predecessor_row), household->predecessor_id != 0);
  if (household->predecessor_id != 0)
    {
      g_autofree char *linked = jz_household_file_number (household->predecessor_id);

      adw_action_row_set_subtitle (self->predecessor_row, linked);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->predecessor_row), "x", household->predecessor_id);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->predecessor_row), "household.open-linked");
    }

  successor = jz_household_get_successor (self->db, household->id, &error);
  gtk_widget_set_visible (GTK_WIDGET (self->successor_row), successor > 0);
  if (successor > 0)
    {
      g_autofree char *linked = jz_household_file_number (successor);

      adw_action_row_set_subtitle (self->successor_row, linked);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->successor_row), "x", successor);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->successor_row), "household.open-linked");
    }
}

/* The figures the dibao amount is computed from (DESIGN §3): what the
 * current members earn in a month, and that divided among them. */
static void
show_income (JzHouseholdView *self)
{
  g_autofree char *total_text = NULL;
  g_autofree char *per_person = NULL;
  g_autofree char *members = NULL;
  gint64 total = 0;
  guint n_members = 0;

  if (!jz_income_household_total (self->db, self->household_id, &total, &n_members, NULL))
    {
      set_fact (self->income_label, NULL);
      set_fact (self->per_person_label, NULL);
      adw_action_row_set_subtitle (self->per_person_row, "");
      return;
    }

  total_text = jz_household_format_amount (total);
  set_fact (self->income_label, total_text);
  per_person = jz_household_format_amount (jz_income_per_person (total, n_members));
  set_fact (self->per_person_label, n_members > 0 ? per_person : NULL);
  if (n_members > 0)
    /* TRANSLATORS: below the monthly income per person of a household */
    members = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Among %u member, rounded down to the fen",
                                            "Among %u members, rounded down to the fen",
                                            n_members),
                               n_members);
  adw_action_row_set_subtitle (self->per_person_row, members != NULL ? members : "");
}

static GtkWidget *
member_row_new (JzHouseholdView *self,
                JzPerson        *member,
                gboolean         open)
{
  GtkWidget *row = jz_household_member_row_new (member, open);
  g_autofree char *amount = NULL;
  g_autofree char *text = NULL;
  GtkWidget *label;
  gint64 total = 0;

  if (!jz_income_person_total (self->db, member->id, &total, NULL))
    return row;

  amount = jz_household_format_amount (total);
  /* TRANSLATORS: beside a member of a household; %s is an amount, "1,234.50 yuan" */
  text = g_strdup_printf (_("Monthly income: %s"), amount);
  label = gtk_label_new (text);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  /* Before the row's buttons, next to the member's facts. */
  gtk_widget_insert_after (label, gtk_widget_get_parent (label), NULL);

  return row;
}

/* Archiving is for files without a case running or being decided; the
 * core checks again and says why when it refuses. */
static gboolean
can_archive (JzHousehold *household,
             GPtrArray   *cases)
{
  if (g_strcmp0 (household->status, "archived") == 0)
    return FALSE;

  for (guint i = 0; i < cases->len; i++)
    {
      JzCase *item = g_ptr_array_index (cases, i);

      if (jz_case_status_is_open (item->status) && g_strcmp0 (item->status, "draft") != 0)
        return FALSE;
    }

  return TRUE;
}

static void
update_actions (JzHouseholdView *self,
                GPtrArray       *cases,
                guint            n_members)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean loaded = self->household != NULL;
  gboolean open = loaded && g_strcmp0 (self->household->status, "open") == 0;
  gboolean archived = loaded && g_strcmp0 (self->household->status, "archived") == 0;
  gboolean archivable = loaded && cases != NULL && can_archive (self->household, cases);
  /* Applications are taken by whoever records steps in the township. */
  gboolean may_apply = open && jz_user_can (jz_household_view_get_user (self), JZ_PERMISSION_APPLY,
                                            self->township_id);

  gtk_widget_action_set_enabled (widget, "household.edit", open);
  gtk_widget_action_set_enabled (widget, "household.add-member", open);
  gtk_widget_action_set_enabled (widget, "household.edit-member", open);
  gtk_widget_action_set_enabled (widget, "household.move-out", open && n_members > 1);
  gtk_widget_action_set_enabled (widget, "household.event", open);
  gtk_widget_action_set_enabled (widget, "household.archive", archivable);
  gtk_widget_action_set_enabled (widget, "household.unarchive", archived);
  gtk_widget_action_set_enabled (widget, "household.reveal-account", loaded);
  gtk_widget_action_set_enabled (widget, "household.new-application", may_apply);
  gtk_widget_set_visible (self->new_application_button, may_apply);

  gtk_widget_set_visible (self->archive_button, archivable);
  gtk_widget_set_visible (self->unarchive_button, archived);
}

void
jz_household_view_reload (JzHouseholdView *self)
{
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  double scrolled = gtk_adjustment_get_value (vadjustment);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) history = NULL;
  guint n_active = 0;
  guint n_former = 0;

  g_assert (JZ_IS_HOUSEHOLD_VIEW (self));

  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);

  clear_list (self->members_list);
  clear_list (self->former_list);
  clear_list (self->cases_list);
  clear_list (self->history_list);
  g_clear_pointer (&self->household, jz_household_free);

  if (self->db != NULL && self->household_id != 0)
    self->household = jz_household_get (self->db, self->household_id, &error);

  if (self->household == NULL)
    {
      gtk_label_set_label (self->title_label, error != NULL ? error->message : "");
      update_actions (self, NULL, 0);
      return;
    }

  members = jz_household_list_members (self->db, self->household_id, FALSE, NULL);
  cases = jz_case_list_for_household (self->db, self->household_id, NULL);
  history = jz_household_list_history (self->db, self->household_id, NULL);
  if (members == NULL)
    members = g_ptr_array_new_with_free_func ((GDestroyNotify) jz_person_free);

  show_facts (self, members);
  show_income (self);

  for (guint i = 0; i < members->len; i++)
    {
      JzPerson *member = g_ptr_array_index (members, i);
      gboolean open = g_strcmp0 (self->household->status, "open") == 0;

      if (member->active)
        {
          gtk_list_box_append (self->members_list, member_row_new (self, member, open));
          n_active++;
        }
      else
        {
          gtk_list_box_append (self->former_list, jz_household_former_row_new (member));
          n_former++;
        }
    }
  gtk_widget_set_visible (self->former_group, n_former > 0);

  for (guint i = 0; cases != NULL && i < cases->len; i++)
    gtk_list_box_append (self->cases_list, jz_household_case_row_new (self->db, g_ptr_array_index (cases, i)));

  for (guint i = 0; history != NULL && i < history->len && i < MAX_HISTORY_ROWS; i++)
    gtk_list_box_append (self->history_list, jz_household_history_row_new (g_ptr_array_index (history, i)));
  if (history != NULL && history->len > MAX_HISTORY_ROWS)
    {
      /* TRANSLATORS: below the change history of a long-lived file */
      g_autofree char *note = g_strdup_printf (_("The newest %u of %u changes."), MAX_HISTORY_ROWS, history->len);

      adw_preferences_group_set_description (self->history_group, note);
    }
  else
    adw_preferences_group_set_description (self->history_group, NULL);

  update_actions (self, cases, n_active);

  /* A refresh keeps the clerk's place in the file. */
  gtk_adjustment_set_value (vadjustment, scrolled);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JzHouseholdView *self = (JzHouseholdView *) widget;

  g_signal_emit (self, signals[BACK], 0);
}

static void
archive_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  JzHouseholdView *self = (JzHouseholdView *) widget;
  g_autoptr(GError) error = NULL;

  if (!jz_household_archive (self->db, self->household_id, &error))
    {
      jz_household_view_show_error (self, error);
      jz_household_view_reload (self);
      return;
    }

  jz_household_view_reload (self);
  g_signal_emit (self, signals[ARCHIVED], 0, self->household_id);
}

/* Leaving the file for another panel also hides the account number again. */
static void
jz_household_view_unmap (GtkWidget *widget)
{
  JzHouseholdView *self = (JzHouseholdView *) widget;

  GTK_WIDGET_CLASS (jz_household_view_parent_class)->unmap (widget);

  if (self->revealed_account != NULL && self->household != NULL)
    {
      g_autofree char *masked = jz_household_mask_account (self->household->bank_account);

      g_clear_pointer (&self->revealed_account, g_free);
      set_fact (self->account_label, masked);
      gtk_widget_set_visible (self->reveal_button, *masked != '\0');
    }
}

static void
jz_household_view_dispose (GObject *object)
{
  JzHouseholdView *self = (JzHouseholdView *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), JZ_TYPE_HOUSEHOLD_VIEW);

  g_clear_pointer (&self->household, jz_household_free);
  g_clear_pointer (&self->revealed_account, g_free);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (jz_household_view_parent_class)->dispose (object);
}

static void
jz_household_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  JzHouseholdView *self = JZ_HOUSEHOLD_VIEW (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;

    case PROP_HOUSEHOLD_ID:
      g_value_set_int64 (value, self->household_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jz_household_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  JzHouseholdView *self = JZ_HOUSEHOLD_VIEW (object);

  switch (prop_id)
    {
    case PROP_DB:
      jz_household_view_set_db (self, g_value_get_object (value));
      break;

    case PROP_HOUSEHOLD_ID:
      jz_household_view_set_household_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jz_household_view_class_init (JzHouseholdViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jz_household_view_dispose;
  object_class->get_property = jz_household_view_get_property;
  object_class->set_property = jz_household_view_set_property;

  widget_class->unmap = jz_household_view_unmap;

  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL,
                         JZ_TYPE_DB,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_HOUSEHOLD_ID] =
    g_param_spec_int64 ("household-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The clerk asked to go back to the list. */
  signals[BACK] =
    g_signal_new ("back",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * JzHouseholdView::archived:
   * @household_id: the file just archived
   */
  signals[ARCHIVED] =
    g_signal_new ("archived",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jiuzhu/Jiuzhu/jz-household-view.ui");
  gtk_widget_class_bind_template_child (widget_class, JzHouseholdView, title_label);
  gtk_widget_class_bind_template_child (widget_class, JzHouseholdView, status_label);
  gtk_widget_class_bind_template_child (widget_class, JzHouseholdView, archive_button);
  gtk_widget_class_bind_template_child (widget_class, JzHouseholdView, unarchive_button);
  gtk_widget_class_bind_template_child (widget_class, JzHouseholdView, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, JzHouseholdView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, JzHouseholdView, head_label);
  gtk_widget_class_bind_template_child (widget_class, JzHouseholdView, address_label);
  gtk_widget_class_bind_template_child (widget_class, JzHouseholdView, village_label);
  gtk_widget_class_bind_template_child (widget_class, JzHouseholdView, hukou_label);
  gtk_widget_class_bind_template_child (widget_class, JzHouseholdView, income_label);
  gtk_widget_class_bind_template_child (widget_class, JzHouseholdView, per_person_row);
  gtk_widget_class_bind_template_child (widget_class, JzHouseholdView, per_person_label);
  gtk_widget_class_bind_template_child (widget_class, JzHouseholdView, phone_label);
  gtk_widget_class_bind_template_child (widget_class, JzHouseholdView, bank_label);
  gtk_widget_class_bind_template_child (widget_class, JzHouseholdView, account_label);
  gtk_widget_class_bind_template_child (widget_class, JzHouseholdView, reveal_button);
  gtk_widget_class_bind_template_child (widget_class, JzHouseholdView, opened_label);
  gtk_widget_class_bind_template_child (widget_class, JzHouseholdView, notes_label);
  gtk_widget_class_bind_template_child (widget_class, JzHouseholdView, predecessor_row);
  gtk_widget_class_bind_template_child (widget_class, JzHouseholdView, successor_row);
  gtk_widget_class_bind_template_child (widget_class, JzHouseholdView, members_list);
  gtk_widget_class_bind_template_child (widget_class, JzHouseholdView, former_group);
  gtk_widget_class_bind_template_child (widget_class, JzHouseholdView, former_list);
  gtk_widget_class_bind_template_child (widget_class, JzHouseholdView, cases_list);
  gtk_widget_class_bind_template_child (widget_class, JzHouseholdView, new_application_button);
  gtk_widget_class_bind_template_child (widget_class, JzHouseholdView, history_group);
  gtk_widget_class_bind_template_child (widget_class, JzHouseholdView, history_list);

  gtk_widget_class_install_action (widget_class, "household.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "household.archive", NULL, archive_action);
  jz_household_view_class_add_actions (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "household.back", NULL);
}

static void
jz_household_view_init (JzHouseholdView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_placeholder (self->cases_list, jz_household_placeholder_new (_("No cases in this file.")));
  gtk_list_box_set_placeholder (self->history_list, jz_household_placeholder_new (_("No changes recorded yet.")));
  gtk_list_box_set_placeholder (self->members_list, jz_household_placeholder_new (_("Nobody is a member of this file now.")));
  update_actions (self, NULL, 0);
}

JzDb *
jz_household_view_get_db (JzHouseholdView *self)
{
  g_return_val_if_fail (JZ_IS_HOUSEHOLD_VIEW (self), NULL);

  return self->db;
}

void
jz_household_view_set_db (JzHouseholdView *self,
                          JzDb            *db)
{
  g_return_if_fail (JZ_IS_HOUSEHOLD_VIEW (self));
  g_return_if_fail (db == NULL || JZ_IS_DB (db));

  if (!g_set_object (&self->db, db))
    return;

  jz_household_view_set_household_id (self, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DB]);
}

gint64
jz_household_view_get_household_id (JzHouseholdView *self)
{
  g_return_val_if_fail (JZ_IS_HOUSEHOLD_VIEW (self), 0);

  return self->household_id;
}

/**
 * jz_household_view_set_household_id:
 *
 * Shows another file, or none for 0. A revealed account number is masked
 * again: it is shown only until the clerk leaves the file.
 */
void
jz_household_view_set_household_id (JzHouseholdView *self,
                                    gint64           household_id)
{
  g_return_if_fail (JZ_IS_HOUSEHOLD_VIEW (self));

  g_clear_pointer (&self->revealed_account, g_free);

  if (self->household_id != household_id)
    {
      self->household_id = household_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOUSEHOLD_ID]);
    }

  jz_household_view_reload (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
}

/**
 * jz_household_view_refresh:
 *
 * The file may have been changed by another clerk: read it again, unless
 * the clerk is editing it in a form, which is then told about the change
 * and re-read when the form closes.
 */
void
jz_household_view_refresh (JzHouseholdView *self)
{
  g_return_if_fail (JZ_IS_HOUSEHOLD_VIEW (self));

  if (self->n_dialogs > 0)
    {
      gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
      return;
    }

  jz_household_view_reload (self);
}

gboolean
jz_household_view_get_editing (JzHouseholdView *self)
{
  g_return_val_if_fail (JZ_IS_HOUSEHOLD_VIEW (self), FALSE);

  return self->n_dialogs > 0;
}
