/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jz-calendar.h"
#include "jz-care.h"
#include "jz-case-rows.h"
#include "jz-household.h"
#include "jz-household-rows.h"
#include "jz-labels.h"
#include "jz-payments-page.h"
#include "jz-roll.h"
#include "jz-tasks-page.h"
#include "jz-window.h"
#include "jz-workflow.h"

/* The work waiting for the signed-in user — for everybody in single-user
 * mode: applications at a step they take, emergency payments to review,
 * the reviews due this month and the alerts of household changes.  A row
 * opens its case in the Case files panel.
 *
 * On a district of 400,000 households the lists take from a few hundred
 * milliseconds (a clerk's township) to seconds (the whole district), so
 * they are read in a worker thread, on a connection of its own. */

/* A hundred rows are more than anyone works through in a day, and each
 * row costs the window about half a millisecond to build (a clerk's 300
 * on the 400,000-household demo took 360 ms for 600); the most urgent
 * come first. */
#define MAX_ROWS 100

typedef enum
{
  GROUP_STEPS,
  GROUP_EMERGENCY,
  GROUP_REVIEWS,
  GROUP_VISITS,
  GROUP_ROLLS,
  GROUP_ALERTS,
  N_GROUPS
} Group;

struct _JzTasksPage
{
  JzPage               parent_instance;

  /* Template widgets */
  GtkSpinner          *spinner;
  AdwStatusPage       *error_page;
  GtkScrolledWindow   *scrolled_window;
  GtkLabel            *summary_label;
  AdwPreferencesGroup *groups[N_GROUPS];
  GtkListBox          *lists[N_GROUPS];
  GtkLabel            *counts[N_GROUPS];   /* borrowed: the groups' header suffixes */
  AdwPreferencesGroup *sample_group;
  AdwActionRow        *sample_row;

  /* What each group shows, so that a reload which changes nothing (most
   * commits of other clerks) rebuilds no row. */
  char                *shown[N_GROUPS];

  /* The load running, or NULL */
  GCancellable        *cancellable;

  guint                n_tasks;
  guint                loaded : 1;
};

G_DEFINE_FINAL_TYPE (JzTasksPage, jz_tasks_page, JZ_TYPE_PAGE)

static const char * const descriptions[N_GROUPS] = {
  [GROUP_STEPS]     = N_("The overdue first, then by the day the step is due."),
  [GROUP_EMERGENCY] = N_("Paid first; the review after is still to be recorded."),
  [GROUP_REVIEWS]   = N_("Active cases whose review falls this month or earlier: the benefit is computed again."),
  [GROUP_VISITS]    = N_("People in extreme poverty supported at home whose monthly visit is late, the longest overdue first."),
  [GROUP_ROLLS]     = N_("Payment rolls not paid by their due day: dibao by the 10th of the month, tekun in the first 10 days of the quarter."),
  [GROUP_ALERTS]    = N_("Members whose change may alter the benefit: turning 18 or 60, a death, a graduation."),
};

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the worker thread reads. */
typedef struct
{
  char       *path;
  JzUser     *user;
  GPtrArray  *tasks[N_GROUPS];  /* JzTask */
  GHashTable *names;            /* person id → name, for the alerts */
  char       *today;

  /* The county's check of tekun applications, for those who decide */
  gboolean    sample_read;
  guint       sample_waiting;
  guint       sample_marked;
  guint       sample_target;
  guint       sample_rate_bp;
} Load;

static void
load_free (Load *load)
{
  g_free (load->path);
  g_clear_pointer (&load->user, jz_user_free);
  for (guint i = 0; i < N_GROUPS; i++)
    g_clear_pointer (&load->tasks[i], g_ptr_array_unref);
  g_clear_pointer (&load->names, g_hash_table_unref);
  g_free (load->today);
  g_free (load);
}

static AdwToastOverlay *
get_toasts (JzTasksPage *self)
{
  /* Our child, not a bound template child, which the template and AdwBin
   * would both release. */
  return ADW_TOAST_OVERLAY (adw_bin_get_child (ADW_BIN (self)));
}

static GtkStack *
get_stack (JzTasksPage *self)
{
  return GTK_STACK (adw_toast_overlay_get_child (get_toasts (self)));
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* --- in the worker thread ------------------------------------------------------ */

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Load *load = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  g_autoptr(GPtrArray) steps = NULL;

  /* The caller's connection belongs to the main thread. */
  db = jz_db_open (load->path, JZ_DB_OPEN_READ_ONLY, &error);
  if (db == NULL)
    goto failed;

  steps = jz_workflow_list_steps (db, load->user, load->today, &error);
  if (steps == NULL || g_cancellable_set_error_if_cancelled (cancellable, &error))
    goto failed;

  for (guint i = 0; i < N_GROUPS; i++)
    load->tasks[i] = g_ptr_array_new_with_free_func ((GDestroyNotify) jz_task_free);
  for (guint i = 0; i < steps->len; i++)
    {
      JzTask *item = g_steal_pointer (&g_ptr_array_index (steps, i));

      g_ptr_array_add (load->tasks[item->kind == JZ_TASK_EMERGENCY_REVIEW ? GROUP_EMERGENCY : GROUP_STEPS], item);
    }
  g_ptr_array_set_free_func (steps, NULL);

  g_clear_pointer (&load->tasks[GROUP_REVIEWS], g_ptr_array_unref);
  load->tasks[GROUP_REVIEWS] = jz_workflow_list_reviews (db, load->user, load->today, &error);
  if (load->tasks[GROUP_REVIEWS] == NULL || g_cancellable_set_error_if_cancelled (cancellable, &error))
    goto failed;

  g_clear_pointer (&load->tasks[GROUP_VISITS], g_ptr_array_unref);
  load->tasks[GROUP_VISITS] = jz_care_list_visit_tasks (db, load->user, load->today, &error);
  if (load->tasks[GROUP_VISITS] == NULL || g_cancellable_set_error_if_cancelled (cancellable, &error))
    goto failed;

  g_clear_pointer (&load->tasks[GROUP_ROLLS], g_ptr_array_unref);
  load->tasks[GROUP_ROLLS] = jz_roll_list_late_tasks (db, load->user, load->today, &error);
  if (load->tasks[GROUP_ROLLS] == NULL || g_cancellable_set_error_if_cancelled (cancellable, &error))
    goto failed;

  g_clear_pointer (&load->tasks[GROUP_ALERTS], g_ptr_array_unref);
  load->tasks[GROUP_ALERTS] = jz_workflow_list_alerts (db, load->user, load->today, &error);
  if (load->tasks[GROUP_ALERTS] == NULL || g_cancellable_set_error_if_cancelled (cancellable, &error))
    goto failed;

  if (jz_user_can (load->user, JZ_PERMISSION_DECIDE, 0))
    {
      if (!jz_workflow_sample_status (db, &load->sample_waiting, &load->sample_marked, &load->sample_target,
                                      &load->sample_rate_bp, &error))
        goto failed;
      load->sample_read = TRUE;
    }

  /* An alert is about a member: their name, read here too. */
  load->names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < load->tasks[GROUP_ALERTS]->len && i < MAX_ROWS; i++)
    {
      JzTask *item = g_ptr_array_index (load->tasks[GROUP_ALERTS], i);
      g_autoptr(JzPerson) person = NULL;

      if (item->person_id == 0 || g_hash_table_contains (load->names, &item->person_id))
        continue;
      person = jz_person_get (db, item->person_id, NULL);
      if (person != NULL)
        g_hash_table_insert (load->names, g_memdup2 (&item->person_id, sizeof item->person_id),
                             g_steal_pointer (&person->name));
    }

  g_task_return_boolean (task, TRUE);
  return;

failed:
  g_task_return_error (task, g_steal_pointer (&error));
}

/* --- the rows ------------------------------------------------------------------- */

static char *
task_subtitle (JzTask     *item,
               GHashTable *names)
{
  const char *name = names != NULL ? g_hash_table_lookup (names, &item->person_id) : NULL;
  const char *day = item->due_on != NULL ? item->due_on : "";
  const char *next;

  if (name == NULL)
    name = _("A member");

  switch (item->kind)
    {
    case JZ_TASK_STEP:
      next = jz_case_next_step_label (item->status);
      if (next == NULL)
        next = item->status;
      if (item->due_on != NULL && item->sampled)
        /* TRANSLATORS: what an application waits for, then its deadline;
         * the county checks this one on the spot */
        return g_strdup_printf (_("%s, due %s · marked for the county’s check"), next, item->due_on);
      if (item->due_on != NULL)
        /* TRANSLATORS: what an application waits for, then its deadline */
        return g_strdup_printf (_("%s, due %s"), next, item->due_on);
      if (item->sampled)
        /* TRANSLATORS: what an application waits for; the county checks
         * this one on the spot */
        return g_strdup_printf (_("%s · marked for the county’s check"), next);
      return g_strdup (next);

    case JZ_TASK_EMERGENCY_REVIEW:
      return g_strdup (_("Review the payment made first"));

    case JZ_TASK_REVIEW:
      /* TRANSLATORS: %s is the date a case's review is due */
      return g_strdup_printf (_("Review due %s"), day);

    case JZ_TASK_TURNS_18:
      /* TRANSLATORS: a member's name, then the day */
      return g_strdup_printf (_("%s turns 18 on %s"), name, day);

    case JZ_TASK_TURNS_60:
      /* TRANSLATORS: a member's name, then the day */
      return g_strdup_printf (_("%s turns 60 on %s"), name, day);

    case JZ_TASK_DIED:
      /* TRANSLATORS: a member's name, then the day */
      return g_strdup_printf (_("%s died on %s"), name, day);

    case JZ_TASK_GRADUATES:
      /* TRANSLATORS: a member's name, then the day */
      return g_strdup_printf (_("%s graduates on %s"), name, day);

    case JZ_TASK_VISIT:
      /* TRANSLATORS: %s is the day a home visit was due */
      return g_strdup_printf (_("Visit due %s"), day);

    case JZ_TASK_ROLL:
      /* TRANSLATORS: a payment roll's state, then the day it was to be paid by */
      return g_strdup_printf (_("%s, to be paid by %s"), jz_payments_status_label (item->status), day);

    default:
      g_assert_not_reached ();
    }
}

static GtkWidget *
task_row_new (JzTask     *item,
              GHashTable *names,
              const char *today)
{
  g_autofree char *number = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = task_subtitle (item, names);
  const char *who = item->head_name;
  GtkWidget *row;
  GtkWidget *image;

  if (item->kind == JZ_TASK_ROLL)
    {
      g_autofree char *programs = jz_payments_programs_label (item->program);

      /* TRANSLATORS: a roll: its period, programs and place */
      title = g_strdup_printf (_("%s · %s · %s"), item->period, programs,
                               *item->head_name != '\0' ? item->head_name : _("The whole district"));
    }
  else
    {
      if (who == NULL || *who == '\0')
        who = number = jz_household_file_number (item->household_id);
      /* TRANSLATORS: a task: the head of the household, then the program */
      title = g_strdup_printf (_("%s · %s"), who, jz_labels_value (JZ_FIELD_PROGRAM, item->program));
    }
  row = jz_household_plain_row_new (title, subtitle);

  if (item->overdue)
    {
      /* Late by the whole process's deadline, the step's may be ahead. */
      g_autofree char *since = jz_case_overdue_since (jz_case_date_passed (item->due_on, today) ? item->due_on
                                                                                                : NULL);
      GtkWidget *label = gtk_label_new (since);

      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (label, "heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      jz_case_mark_overdue (row, TRUE);
    }

  image = g_object_new (GTK_TYPE_IMAGE,
                        "icon-name", "go-next-symbolic",
                        "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                        NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), image);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  if (item->kind == JZ_TASK_VISIT)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "tasks.open-care");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", item->person_id);
    }
  else if (item->kind == JZ_TASK_ROLL)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "tasks.open-roll");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", item->roll_id);
    }
  else
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "tasks.open-case");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", item->case_id);
    }

  return row;
}

static char *
signature (GPtrArray  *tasks,
           GHashTable *names,
           const char *today)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "%s %u", today, tasks->len);
  for (guint i = 0; i < tasks->len && i < MAX_ROWS; i++)
    {
      JzTask *item = g_ptr_array_index (tasks, i);
      const char *name = names != NULL ? g_hash_table_lookup (names, &item->person_id) : NULL;

      g_string_append_printf (text, "|%d %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %s %s %d %d %s %s",
                              item->kind, item->case_id, item->person_id, item->roll_id, item->status,
                              item->due_on != NULL ? item->due_on : "", item->overdue, item->sampled,
                              item->head_name != NULL ? item->head_name : "", name != NULL ? name : "");
    }

  return g_string_free (text, FALSE);
}

static void
show_group (JzTasksPage *self,
            Group        group,
            GPtrArray   *tasks,
            GHashTable  *names,
            const char  *today)
{
  g_autofree char *count = g_strdup_printf ("%u", tasks->len);
  g_autofree char *now = signature (tasks, names, today);

  if (g_strcmp0 (now, self->shown[group]) == 0)
    return;
  g_free (self->shown[group]);
  self->shown[group] = g_steal_pointer (&now);

  clear_list (self->lists[group]);
  for (guint i = 0; i < tasks->len && i < MAX_ROWS; i++)
    gtk_list_box_append (self->lists[group], task_row_new (g_ptr_array_index (tasks, i), names, today));

  gtk_label_set_label (self->counts[group], count);
  gtk_widget_set_visible (GTK_WIDGET (self->groups[group]), tasks->len > 0);

  if (tasks->len > MAX_ROWS)
    {
      /* TRANSLATORS: below a long list of tasks */
      g_autofree char *note = g_strdup_printf (_("The %u most urgent of %u are shown."), MAX_ROWS, tasks->len);

      adw_preferences_group_set_description (self->groups[group], note);
    }
  else
    adw_preferences_group_set_description (self->groups[group], _(descriptions[group]));
}

/* "30 %", "12.5 %" */
static char *
format_rate (guint rate_bp)
{
  g_autofree char *number = rate_bp % 100 == 0 ? g_strdup_printf ("%u", rate_bp / 100)
                                               : g_strdup_printf ("%u.%02u", rate_bp / 100, rate_bp % 100);

  if (strchr (number, '.') != NULL && number[strlen (number) - 1] == '0')
    number[strlen (number) - 1] = '\0';
  /* TRANSLATORS: a share in per cent, e.g. "30 %" */
  return g_strdup_printf (_("%s %%"), number);
}

/* Shown while tekun applications await the county's decision. */
static gboolean
show_sample (JzTasksPage *self,
             Load        *load)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *rate = NULL;
  gboolean shown = load->sample_read && load->sample_waiting > 0;

  gtk_widget_set_visible (GTK_WIDGET (self->sample_group), shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tasks.draw-sample",
                                 shown && load->sample_marked < load->sample_target);
  if (!shown)
    return FALSE;

  rate = format_rate (load->sample_rate_bp);
  /* TRANSLATORS: tekun applications awaiting the county's decision, and
   * how many of them are marked for its check on the spot */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u application marked for the check",
                                        "%u of %u applications marked for the check", load->sample_waiting),
                           load->sample_marked, load->sample_waiting);
  if (load->sample_marked < load->sample_target)
    /* TRANSLATORS: %s is a share such as "30 %", %u how many that is */
    subtitle = g_strdup_printf (_("The county checks at least %s of them before deciding: %u. Draw the rest at random."),
                                rate, load->sample_target);
  else
    /* TRANSLATORS: %s is a share such as "30 %" */
    subtitle = g_strdup_printf (_("At least %s are marked, as the standard asks."), rate);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->sample_row), title);
  adw_action_row_set_subtitle (self->sample_row, subtitle);
  return TRUE;
}

static void
show_load (JzTasksPage *self,
           Load        *load)
{
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  double scrolled = gtk_adjustment_get_value (vadjustment);
  g_autofree char *summary = NULL;
  guint n_overdue = 0;

  g_assert (JZ_IS_TASKS_PAGE (self));

  self->n_tasks = 0;
  for (guint i = 0; i < N_GROUPS; i++)
    {
      show_group (self, i, load->tasks[i], load->names, load->today);
      self->n_tasks += load->tasks[i]->len;
      for (guint k = 0; k < load->tasks[i]->len; k++)
        if (((JzTask *) g_ptr_array_index (load->tasks[i], k))->overdue)
          n_overdue++;
    }

  if (n_overdue > 0)
    /* TRANSLATORS: the first of "12 things waiting, 3 overdue" */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u thing waiting, %u overdue",
                                            "%u things waiting, %u overdue", self->n_tasks),
                               self->n_tasks, n_overdue);
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u thing waiting", "%u things waiting",
                                            self->n_tasks),
                               self->n_tasks);
  gtk_label_set_label (self->summary_label, summary);
  jz_case_mark_overdue (GTK_WIDGET (self->summary_label), n_overdue > 0);

  gtk_stack_set_visible_child_name (get_stack (self),
                                    show_sample (self, load) || self->n_tasks > 0 ? "tasks" : "empty");
  /* Another clerk's commit reloads the page under the clerk's eyes. */
  gtk_adjustment_set_value (vadjustment, scrolled);
}

/* --- loading -------------------------------------------------------------------- */

static void
set_loading (JzTasksPage  *self,
             GCancellable *cancellable)
{
  gboolean was = self->cancellable != NULL;

  g_set_object (&self->cancellable, cancellable);
  gtk_spinner_set_spinning (self->spinner, cancellable != NULL);
  if (was != (cancellable != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
load_finished_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  JzTasksPage *self = JZ_TASKS_PAGE (source);
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  g_autoptr(GError) error = NULL;

  /* A newer load replaced this one. */
  if (cancellable != self->cancellable)
    return;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      set_loading (self, NULL);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (get_stack (self), "error");
      return;
    }

  self->loaded = TRUE;
  show_load (self, g_task_get_task_data (G_TASK (result)));
  set_loading (self, NULL);
}

static void
jz_tasks_page_reload (JzPage *page)
{
  JzTasksPage *self = (JzTasksPage *) page;
  JzDb *db = jz_page_get_db (page);
  g_autoptr(GCancellable) cancellable = NULL;
  g_autoptr(GTask) task = NULL;
  const JzUser *user;
  Load *load;

  g_assert (JZ_IS_TASKS_PAGE (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  if (db == NULL)
    {
      set_loading (self, NULL);
      self->loaded = FALSE;
      self->n_tasks = 0;
      gtk_widget_set_visible (GTK_WIDGET (self->sample_group), FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "tasks.draw-sample", FALSE);
      for (guint i = 0; i < N_GROUPS; i++)
        g_clear_pointer (&self->shown[i], g_free);
      gtk_stack_set_visible_child_name (get_stack (self), "empty");
      return;
    }

  user = jz_page_get_user (page);
  load = g_new0 (Load, 1);
  load->path = g_strdup (jz_db_get_path (db));
  load->user = user != NULL ? jz_user_copy (user) : NULL;
  load->today = jz_today ();

  /* The lists shown stay until the new ones are read; the first time,
   * a spinner. */
  if (!self->loaded)
    gtk_stack_set_visible_child_name (get_stack (self), "loading");

  cancellable = g_cancellable_new ();
  set_loading (self, cancellable);
  task = g_task_new (self, cancellable, load_finished_cb, NULL);
  g_task_set_source_tag (task, jz_tasks_page_reload);
  g_task_set_task_data (task, load, (GDestroyNotify) load_free);
  g_task_run_in_thread (task, load_thread);
}

/* The clerk's own steps raise no JzDb::changed, yet they change the
 * lists: whenever the panel is shown, it reads them again, unless the
 * page has just started to. */
static void
jz_tasks_page_map (GtkWidget *widget)
{
  JzTasksPage *self = (JzTasksPage *) widget;

  GTK_WIDGET_CLASS (jz_tasks_page_parent_class)->map (widget);

  if (self->cancellable == NULL)
    jz_tasks_page_reload (JZ_PAGE (self));
}

/* --- actions -------------------------------------------------------------------- */

static void
open_case_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *page;

  if (!JZ_IS_WINDOW (root))
    return;

  jz_window_set_panel (JZ_WINDOW (root), "cases");
  page = jz_window_get_visible_page (JZ_WINDOW (root));
  gtk_widget_activate_action (page, "cases.open-case", "x", g_variant_get_int64 (parameter));
}

/* The county marks at random the tekun applications it checks on the
 * spot, up to the rate of the standard; the audit log keeps which. */
static void
draw_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  JzTasksPage *self = JZ_TASKS_PAGE (widget);
  JzDb *db = jz_page_get_db (JZ_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint64 seed = ((guint64) g_random_int () << 32) | g_random_int ();
  guint n_marked = 0;

  if (db == NULL)
    return;

  if (!jz_workflow_sample_tekun (db, jz_page_get_user (JZ_PAGE (self)), seed, 0, &n_marked, &error))
    {
      adw_toast_overlay_add_toast (get_toasts (self), adw_toast_new (error->message));
      return;
    }

  /* TRANSLATORS: after the county drew its sample */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Marked %u application for the county’s check",
                                          "Marked %u applications for the county’s check", n_marked),
                             n_marked);
  adw_toast_overlay_add_toast (get_toasts (self), adw_toast_new (message));
  jz_tasks_page_reload (JZ_PAGE (self));
}

static void
open_care_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *page;

  if (!JZ_IS_WINDOW (root))
    return;

  jz_window_set_panel (JZ_WINDOW (root), "care");
  page = jz_window_get_visible_page (JZ_WINDOW (root));
  gtk_widget_activate_action (page, "care.open", "x", g_variant_get_int64 (parameter));
}

static void
open_roll_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *page;

  if (!JZ_IS_WINDOW (root))
    return;

  jz_window_set_panel (JZ_WINDOW (root), "payments");
  page = jz_window_get_visible_page (JZ_WINDOW (root));
  gtk_widget_activate_action (page, "payments.open", "x", g_variant_get_int64 (parameter));
}

/* --- GObject -------------------------------------------------------------------- */

static void
jz_tasks_page_dispose (GObject *object)
{
  JzTasksPage *self = (JzTasksPage *) object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  for (guint i = 0; i < N_GROUPS; i++)
    g_clear_pointer (&self->shown[i], g_free);

  gtk_widget_dispose_template (GTK_WIDGET (object), JZ_TYPE_TASKS_PAGE);

  G_OBJECT_CLASS (jz_tasks_page_parent_class)->dispose (object);
}

static void
jz_tasks_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  JzTasksPage *self = JZ_TASKS_PAGE (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, jz_tasks_page_get_loading (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jz_tasks_page_class_init (JzTasksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JzPageClass *page_class = JZ_PAGE_CLASS (klass);

  object_class->dispose = jz_tasks_page_dispose;
  object_class->get_property = jz_tasks_page_get_property;

  widget_class->map = jz_tasks_page_map;

  page_class->reload = jz_tasks_page_reload;

  /* The lists are being read. */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jiuzhu/Jiuzhu/jz-tasks-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JzTasksPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, JzTasksPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, JzTasksPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, JzTasksPage, summary_label);
  gtk_widget_class_bind_template_child_full (widget_class, "steps_group", FALSE,
                                             G_STRUCT_OFFSET (JzTasksPage, groups[GROUP_STEPS]));
  gtk_widget_class_bind_template_child_full (widget_class, "steps_list", FALSE,
                                             G_STRUCT_OFFSET (JzTasksPage, lists[GROUP_STEPS]));
  gtk_widget_class_bind_template_child_full (widget_class, "emergency_group", FALSE,
                                             G_STRUCT_OFFSET (JzTasksPage, groups[GROUP_EMERGENCY]));
  gtk_widget_class_bind_template_child_full (widget_class, "emergency_list", FALSE,
                                             G_STRUCT_OFFSET (JzTasksPage, lists[GROUP_EMERGENCY]));
  gtk_widget_class_bind_template_child_full (widget_class, "reviews_group", FALSE,
                                             G_STRUCT_OFFSET (JzTasksPage, groups[GROUP_REVIEWS]));
  gtk_widget_class_bind_template_child_full (widget_class, "reviews_list", FALSE,
                                             G_STRUCT_OFFSET (JzTasksPage, lists[GROUP_REVIEWS]));
  gtk_widget_class_bind_template_child_full (widget_class, "visits_group", FALSE,
                                             G_STRUCT_OFFSET (JzTasksPage, groups[GROUP_VISITS]));
  gtk_widget_class_bind_template_child_full (widget_class, "visits_list", FALSE,
                                             G_STRUCT_OFFSET (JzTasksPage, lists[GROUP_VISITS]));
  gtk_widget_class_bind_template_child_full (widget_class, "rolls_group", FALSE,
                                             G_STRUCT_OFFSET (JzTasksPage, groups[GROUP_ROLLS]));
  gtk_widget_class_bind_template_child_full (widget_class, "rolls_list", FALSE,
                                             G_STRUCT_OFFSET (JzTasksPage, lists[GROUP_ROLLS]));
  gtk_widget_class_bind_template_child_full (widget_class, "alerts_group", FALSE,
                                             G_STRUCT_OFFSET (JzTasksPage, groups[GROUP_ALERTS]));
  gtk_widget_class_bind_template_child_full (widget_class, "alerts_list", FALSE,
                                             G_STRUCT_OFFSET (JzTasksPage, lists[GROUP_ALERTS]));

  gtk_widget_class_bind_template_child (widget_class, JzTasksPage, sample_group);
  gtk_widget_class_bind_template_child (widget_class, JzTasksPage, sample_row);

  gtk_widget_class_install_action (widget_class, "tasks.open-case", "x", open_case_action);
  gtk_widget_class_install_action (widget_class, "tasks.open-care", "x", open_care_action);
  gtk_widget_class_install_action (widget_class, "tasks.open-roll", "x", open_roll_action);
  gtk_widget_class_install_action (widget_class, "tasks.draw-sample", NULL, draw_sample_action);
}

static void
jz_tasks_page_init (JzTasksPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The counts are made here: a bound template child as a group's
   * header suffix is released twice when the page goes. */
  for (guint i = 0; i < N_GROUPS; i++)
    {
      self->counts[i] = GTK_LABEL (gtk_label_new (NULL));
      gtk_widget_set_valign (GTK_WIDGET (self->counts[i]), GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (GTK_WIDGET (self->counts[i]), "jz-badge");
      gtk_widget_add_css_class (GTK_WIDGET (self->counts[i]), "numeric");
      adw_preferences_group_set_header_suffix (self->groups[i], GTK_WIDGET (self->counts[i]));
    }
  gtk_stack_set_visible_child_name (get_stack (self), "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tasks.draw-sample", FALSE);
}

/**
 * jz_tasks_page_get_loading:
 *
 * Returns: whether the lists are being read
 */
gboolean
jz_tasks_page_get_loading (JzTasksPage *self)
{
  g_return_val_if_fail (JZ_IS_TASKS_PAGE (self), FALSE);

  return self->cancellable != NULL;
}

/**
 * jz_tasks_page_get_n_tasks:
 *
 * Returns: the tasks of the lists shown, also those beyond the rows shown
 */
guint
jz_tasks_page_get_n_tasks (JzTasksPage *self)
{
  g_return_val_if_fail (JZ_IS_TASKS_PAGE (self), 0);

  return self->n_tasks;
}
