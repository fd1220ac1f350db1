/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-calendar.h"
#include "jz-care.h"
#include "jz-care-dialog.h"
#include "jz-care-page.h"
#include "jz-case-rows.h"
#include "jz-care-document.h"
#include "jz-household-rows.h"
#include "jz-money.h"
#include "jz-print.h"
#include "jz-xlsx-care.h"

/* The Care agreements panel: every dispersed tekun recipient the user
 * may see, with the state of their agreement, their caregiver and their
 * visits; the figures leadership asks for above; and a recipient's page
 * with the whole history — assessments, agreements, visits, evaluations —
 * from which each is recorded.
 *
 * Recipients are a small share of a district (a few thousand on a
 * million people), read in one query. */

/* ---- one recipient in the list ------------------------------------------------ */

#define JZ_TYPE_CARE_ITEM (jz_care_item_get_type ())
G_DECLARE_FINAL_TYPE (JzCareItem, jz_care_item, JZ, CARE_ITEM, GObject)

struct _JzCareItem
{
  GObject          parent_instance;
  JzCareRecipient *recipient;
};

G_DEFINE_FINAL_TYPE (JzCareItem, jz_care_item, G_TYPE_OBJECT)

/* The recipient is borrowed from the page's list, which outlives the
 * items (the store is emptied before the list is replaced). */
static void
jz_care_item_class_init (JzCareItemClass *klass)
{
}

static void
jz_care_item_init (JzCareItem *self)
{
}

/* ---- the page ------------------------------------------------------------------ */

typedef enum
{
  FIGURE_COVERAGE,
  FIGURE_VISITS,
  FIGURE_EXPIRING,
  FIGURE_FAILED,
  N_FIGURES
} Figure;

struct _JzCarePage
{
  JzPage           parent_instance;

  AdwToastOverlay *toasts;
  GtkStack        *stack;
  GtkLabel        *figures[N_FIGURES];
  GtkLabel        *figure_notes[N_FIGURES];
  GtkDropDown     *filter;
  GtkLabel        *count_label;
  GListStore      *store;
  GtkColumnView   *column_view;
  GtkStack        *list_stack;      /* the list, or a status page when empty */

  /* The recipient's page */
  AdwWindowTitle  *recipient_title;
  GtkBox          *recipient_box;
  gint64           person_id;        /* shown, 0 for none */

  JzCareStats      stats;
  GPtrArray       *all;              /* JzCareRecipient as last read, unfiltered */
  GCancellable    *cancellable;      /* the read running, or NULL */
};

G_DEFINE_FINAL_TYPE (JzCarePage, jz_care_page, JZ_TYPE_PAGE)

static const JzCareFilter filter_values[] = {
  JZ_CARE_FILTER_ALL, JZ_CARE_FILTER_NO_AGREEMENT, JZ_CARE_FILTER_EXPIRING,
  JZ_CARE_FILTER_VISIT_OVERDUE, JZ_CARE_FILTER_FAILED,
};

static void show_recipient (JzCarePage *self);

static const char *
who_is_acting (JzCarePage *self)
{
  const JzUser *user = jz_page_get_user (JZ_PAGE (self));

  if (user == NULL)
    return NULL;
  return user->full_name != NULL && *user->full_name != '\0' ? user->full_name : user->name;
}

static void
toast (JzCarePage *self,
       const char *text)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
}

/* ---- the list ------------------------------------------------------------------ */

static char *
percent_text (guint n,
              guint d)
{
  guint64 tenths;

  if (d == 0)
    return g_strdup ("—");
  tenths = ((guint64) n * 1000 + d / 2) / d;
  /* TRANSLATORS: a share with one decimal, e.g. "92.5 %" */
  return g_strdup_printf (_("%u.%u %%"), (guint) (tenths / 10), (guint) (tenths % 10));
}

static void
show_figures (JzCarePage *self)
{
  const JzCareStats *s = &self->stats;
  g_autofree char *coverage = percent_text (s->with_agreement, s->recipients);
  g_autofree char *visits = percent_text (s->visits_on_time, s->recipients);
  g_autofree char *expiring = g_strdup_printf ("%u", s->expiring);
  g_autofree char *failed = g_strdup_printf ("%u", s->failed_open);
  /* TRANSLATORS: below the coverage: recipients with an agreement in force, of all */
  g_autofree char *coverage_note = g_strdup_printf (_("%u of %u with an agreement in force"), s->with_agreement, s->recipients);
  /* TRANSLATORS: below the visits figure */
  g_autofree char *visits_note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u visit overdue", "%u visits overdue",
                                                               s->visit_overdue),
                                                  s->visit_overdue);

  gtk_label_set_label (self->figures[FIGURE_COVERAGE], coverage);
  gtk_label_set_label (self->figures[FIGURE_VISITS], visits);
  gtk_label_set_label (self->figures[FIGURE_EXPIRING], expiring);
  gtk_label_set_label (self->figures[FIGURE_FAILED], failed);
  gtk_label_set_label (self->figure_notes[FIGURE_COVERAGE], coverage_note);
  gtk_label_set_label (self->figure_notes[FIGURE_VISITS], visits_note);
  if (s->visit_overdue > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->figures[FIGURE_VISITS]), "jz-overdue");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->figures[FIGURE_VISITS]), "jz-overdue");
  if (s->failed_open > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->figures[FIGURE_FAILED]), "jz-overdue");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->figures[FIGURE_FAILED]), "jz-overdue");
}

/* The list shown: the recipients last read that pass the filter. */
static void
show_list (JzCarePage *self)
{
  JzCareFilter filter = filter_values[MIN (gtk_drop_down_get_selected (self->filter), G_N_ELEMENTS (filter_values) - 1)];
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *count = NULL;

  for (guint i = 0; self->all != NULL && i < self->all->len; i++)
    {
      const JzCareRecipient *r = g_ptr_array_index (self->all, i);
      JzCareItem *item;

      if (!jz_care_recipient_matches (r, filter))
        continue;
      item = g_object_new (JZ_TYPE_CARE_ITEM, NULL);
      item->recipient = (JzCareRecipient *) r;
      g_ptr_array_add (items, item);
    }
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)), items->pdata, items->len);

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u recipient", "%u recipients", items->len), items->len);
  gtk_label_set_label (self->count_label, count);
  gtk_stack_set_visible_child_name (self->list_stack, items->len > 0 ? "list" : "empty");
}

typedef struct
{
  char   *path;
  JzUser *user;
} Load;

static void
load_free (Load *load)
{
  g_free (load->path);
  g_clear_pointer (&load->user, jz_user_free);
  g_free (load);
}

/* On a district of a million people the recipients are tens of
 * thousands: read in a worker thread, on a connection of its own. */
static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Load *load = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = jz_db_open (load->path, JZ_DB_OPEN_READ_ONLY, &error);
  GPtrArray *list = NULL;

  if (db != NULL)
    list = jz_care_list_recipients (db, load->user, JZ_CARE_FILTER_ALL, NULL, &error);
  if (list == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, list, (GDestroyNotify) g_ptr_array_unref);
}

static void
load_finished_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  JzCarePage *self = JZ_CARE_PAGE (source);
  g_autoptr(GError) error = NULL;
  GPtrArray *list;

  /* A newer read replaced this one. */
  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;
  g_clear_object (&self->cancellable);

  list = g_task_propagate_pointer (G_TASK (result), &error);
  if (list == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }

  /* The store's items point into the old list: emptied first. */
  g_list_store_remove_all (self->store);
  g_clear_pointer (&self->all, g_ptr_array_unref);
  self->all = list;
  jz_care_stats_of (self->all, &self->stats);
  show_figures (self);
  show_list (self);
}

static void
reload_list (JzCarePage *self)
{
  JzDb *db = jz_page_get_db (JZ_PAGE (self));
  const JzUser *user = jz_page_get_user (JZ_PAGE (self));
  g_autoptr(GTask) task = NULL;
  Load *load;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (db == NULL)
    {
      g_list_store_remove_all (self->store);
      g_clear_pointer (&self->all, g_ptr_array_unref);
      memset (&self->stats, 0, sizeof self->stats);
      show_figures (self);
      show_list (self);
      return;
    }

  load = g_new0 (Load, 1);
  load->path = g_strdup (jz_db_get_path (db));
  load->user = user != NULL ? jz_user_copy (user) : NULL;
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, load_finished_cb, NULL);
  g_task_set_source_tag (task, reload_list);
  g_task_set_task_data (task, load, (GDestroyNotify) load_free);
  g_task_run_in_thread (task, load_thread);
}

static void
jz_care_page_reload (JzPage *page)
{
  JzCarePage *self = JZ_CARE_PAGE (page);

  reload_list (self);
  if (self->person_id != 0)
    show_recipient (self);
}

/* ---- cells ------------------------------------------------------------------------ */

typedef char *(*CellText) (const JzCareRecipient *r);

static char *
cell_name (const JzCareRecipient *r)
{
  return g_strdup (r->name);
}

static char *
cell_place (const JzCareRecipient *r)
{
  return g_strdup_printf ("%s %s", r->township_name != NULL ? r->township_name : "", r->village_name != NULL ? r->village_name : "");
}

static char *
cell_tier (const JzCareRecipient *r)
{
  return g_strdup (jz_care_tier_label (r->tier));
}

static char *
cell_state (const JzCareRecipient *r)
{
  if (r->agreement_id == 0)
    return g_strdup (_("No agreement"));
  return g_strdup (jz_care_state_label (r->state));
}

static char *
cell_caregiver (const JzCareRecipient *r)
{
  return g_strdup (r->caregiver_name != NULL ? r->caregiver_name : "");
}

static char *
cell_last_visit (const JzCareRecipient *r)
{
  return g_strdup (r->last_visit_on != NULL ? r->last_visit_on : "—");
}

static char *
cell_next_visit (const JzCareRecipient *r)
{
  if (r->next_visit_on == NULL)
    return g_strdup ("");
  if (r->visit_overdue)
    /* TRANSLATORS: the day a visit was due, in the list, when it is late */
    return g_strdup_printf (_("%s · overdue"), r->next_visit_on);
  return g_strdup (r->next_visit_on);
}

static char *
cell_evaluation (const JzCareRecipient *r)
{
  if (r->last_evaluation_result == NULL)
    return g_strdup ("—");
  return g_strdup_printf ("%s %s", r->last_evaluation_on, jz_care_result_label (r->last_evaluation_result));
}

static gboolean
cell_alarm (const JzCareRecipient *r,
            CellText               text)
{
  if (text == cell_next_visit)
    return r->visit_overdue;
  if (text == cell_state)
    return r->agreement_id == 0 || r->state == JZ_CARE_STATE_LAPSED || r->state == JZ_CARE_STATE_DRAFT;
  if (text == cell_evaluation)
    return r->failed_open;
  return FALSE;
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  CellText text = (CellText) user_data;
  JzCareItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *value = text (item->recipient);

  gtk_label_set_label (GTK_LABEL (label), value);
  if (cell_alarm (item->recipient, text))
    gtk_widget_add_css_class (label, "jz-overdue");
  else
    gtk_widget_remove_css_class (label, "jz-overdue");
}

static void
add_column (JzCarePage *self,
            const char *title,
            CellText    text,
            gboolean    expand)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), (gpointer) text);
  column = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->column_view, column);
}

static void
activate_cb (JzCarePage *self,
             guint       position)
{
  g_autoptr(JzCareItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), position);

  if (item != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "care.open", "x", item->recipient->person_id);
}

/* ---- the recipient's page ----------------------------------------------------------- */

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static GtkWidget *
action_button (const char *label,
               const char *action,
               gint64      target)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  if (target != 0)
    gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", target);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

static GtkWidget *
history_group (JzCarePage *self,
               const char *title,
               const char *empty,
               GtkWidget  *suffix,
               GtkListBox **list_out)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *list = gtk_list_box_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (suffix != NULL)
    adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), suffix);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (list), jz_household_placeholder_new (empty));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  gtk_box_append (self->recipient_box, group);
  *list_out = GTK_LIST_BOX (list);
  return group;
}

static GtkWidget *
suffix_box (GtkWidget *first,
            GtkWidget *second)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_box_append (GTK_BOX (box), first);
  if (second != NULL)
    gtk_box_append (GTK_BOX (box), second);
  return box;
}

static char *
not_alone_text (guint done_alone)
{
  g_autoptr(GString) text = g_string_new (NULL);
  static const JzCareActivity all[] = { JZ_CARE_EATING, JZ_CARE_DRESSING, JZ_CARE_TRANSFER, JZ_CARE_TOILETING,
                                        JZ_CARE_WALKING, JZ_CARE_BATHING };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    if (!(done_alone & all[i]))
      g_string_append_printf (text, "%s%s", text->len > 0 ? C_("list separator", ", ") : "", jz_care_activity_label (all[i]));

  if (text->len == 0)
    return g_strdup (_("Does every daily activity alone"));
  /* TRANSLATORS: the daily activities a person needs help with */
  return g_strdup_printf (_("Needs help with: %s"), text->str);
}

static char *
checks_text (const JzCareVisit *v)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < JZ_CARE_N_CHECKS; i++)
    if (!(v->checks & (1u << i)))
      g_string_append_printf (text, "%s%s", text->len > 0 ? C_("list separator", ", ") : "", jz_care_check_label (1u << i));

  if (text->len == 0)
    return g_strdup (_("Everything in order"));
  /* TRANSLATORS: what a visit found not in order */
  return g_strdup_printf (_("Not in order: %s"), text->str);
}

static void
fill_agreements (JzCarePage *self,
                 JzDb       *db,
                 gboolean    can_edit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = jz_care_agreement_list (db, self->person_id, &error);
  g_autofree char *today = jz_today ();
  GtkListBox *box;

  history_group (self, _("Care Agreements"), _("No agreement yet."),
                 can_edit ? action_button (_("_New Agreement…"), "care.new-agreement", 0) : NULL, &box);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      const JzCareAgreement *a = g_ptr_array_index (list, i);
      JzCareState state = jz_care_agreement_state (a, today, 30);
      g_autofree char *fee = jz_money_format (a->monthly_fee);
      g_autofree char *title = g_strdup_printf ("%s · %s", a->number, jz_care_state_label (state));
      g_autofree char *subtitle = NULL;
      GtkWidget *row;
      GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

      /* TRANSLATORS: an agreement: caregiver, care tier, monthly fee, term */
      subtitle = g_strdup_printf (_("%s · %s · %s a month · %s to %s"), a->caregiver_name, jz_care_tier_label (a->tier),
                                  fee, a->starts_on, a->ends_on);
      if (a->end_reason != NULL)
        {
          g_autofree char *with = g_strdup_printf ("%s · %s", subtitle, a->end_reason);

          g_free (subtitle);
          subtitle = g_steal_pointer (&with);
        }
      row = jz_household_plain_row_new (title, subtitle);
      if (state == JZ_CARE_STATE_EXPIRING || state == JZ_CARE_STATE_LAPSED)
        jz_case_mark_overdue (row, TRUE);

      gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
      if (can_edit && g_str_equal (a->status, "draft"))
        {
          gtk_box_append (GTK_BOX (buttons), action_button (_("_Sign…"), "care.sign", a->id));
          gtk_box_append (GTK_BOX (buttons), action_button (_("_End…"), "care.terminate", a->id));
        }
      if (g_str_equal (a->status, "draft") || g_str_equal (a->status, "active"))
        {
          gtk_box_append (GTK_BOX (buttons), action_button (_("_Print…"), "care.print-agreement", a->id));
          gtk_box_append (GTK_BOX (buttons), action_button (_("P_DF…"), "care.save-agreement-pdf", a->id));
        }
      if (can_edit && g_str_equal (a->status, "active"))
        {
          gtk_box_append (GTK_BOX (buttons), action_button (_("E_valuate…"), "care.evaluate", a->id));
          gtk_box_append (GTK_BOX (buttons), action_button (_("_Renew"), "care.renew", a->id));
          gtk_box_append (GTK_BOX (buttons), action_button (_("New _Caregiver…"), "care.replace", a->id));
          gtk_box_append (GTK_BOX (buttons), action_button (_("_End…"), "care.terminate", a->id));
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), buttons);
      gtk_list_box_append (box, row);
    }
}

static void
show_recipient (JzCarePage *self)
{
  JzDb *db = jz_page_get_db (JZ_PAGE (self));
  g_autoptr(JzCareRecipient) r = NULL;
  g_autofree char *place = NULL;
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GPtrArray) evaluations = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBox *box;
  gboolean can_edit;

  clear_box (self->recipient_box);
  if (db == NULL)
    return;

  r = jz_care_get_recipient (db, jz_page_get_user (JZ_PAGE (self)), self->person_id, NULL, &error);
  if (r == NULL)
    {
      /* No longer a recipient the user may see. */
      self->person_id = 0;
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }

  can_edit = jz_page_user_can (JZ_PAGE (self), JZ_PERMISSION_EDIT_FILES, r->township_id);
  adw_window_title_set_title (self->recipient_title, r->name);
  place = cell_place (r);
  adw_window_title_set_subtitle (self->recipient_title, place);

  /* Where things stand */
  {
    g_autofree char *tier = g_strdup (jz_care_tier_label (r->tier));
    g_autofree char *visit = NULL;
    GtkWidget *row;

    history_group (self, _("Now"), "", NULL, &box);
    if (r->reassessment_due != NULL)
      {
        /* TRANSLATORS: the care tier, then the day a reassessment is due */
        g_autofree char *with = g_strdup_printf (_("%s · reassessment due %s"), tier, r->reassessment_due);

        g_free (tier);
        tier = g_steal_pointer (&with);
      }
    gtk_list_box_append (box, jz_household_plain_row_new (_("Care tier"), tier));
    row = jz_household_plain_row_new (_("Next visit due"), r->next_visit_on != NULL ? r->next_visit_on : "—");
    jz_case_mark_overdue (row, r->visit_overdue);
    gtk_list_box_append (box, row);
    visit = cell_state (r);
    gtk_list_box_append (box, jz_household_plain_row_new (_("Agreement"), visit));
  }

  /* Assessments */
  assessments = jz_care_assessment_list (db, self->person_id, &error);
  history_group (self, _("Self-Care Assessments"), _("Not assessed yet."),
                 can_edit ? suffix_box (action_button (_("_Report a Change…"), "care.report-change", 0),
                                        action_button (_("_Assess…"), "care.assess", 0))
                          : NULL,
                 &box);
  for (guint i = 0; assessments != NULL && i < assessments->len; i++)
    {
      const JzCareAssessment *a = g_ptr_array_index (assessments, i);
      g_autofree char *title = g_strdup_printf ("%s · %s", a->assessed_on, jz_care_tier_label (a->tier));
      g_autofree char *needs = not_alone_text (a->done_alone);
      /* TRANSLATORS: who assessed, then what the person needs help with */
      g_autofree char *subtitle = g_strdup_printf (_("By %s · %s"), a->assessor, needs);

      gtk_list_box_append (box, jz_household_plain_row_new (title, subtitle));
    }

  fill_agreements (self, db, can_edit);

  /* Visits */
  visits = jz_care_visit_list (db, self->person_id, &error);
  history_group (self, _("Visits"), _("Not visited yet."),
                 can_edit ? action_button (_("Record a _Visit…"), "care.visit", 0) : NULL, &box);
  for (guint i = 0; visits != NULL && i < visits->len; i++)
    {
      const JzCareVisit *v = g_ptr_array_index (visits, i);
      g_autofree char *title = g_strdup_printf ("%s · %s · %s", v->visited_on,
                                                g_str_equal (v->method, "phone") ? _("By phone") : _("At home"),
                                                v->visitors);
      g_autofree char *found = checks_text (v);
      g_autoptr(GString) subtitle = g_string_new (found);

      if (*v->findings != '\0')
        g_string_append_printf (subtitle, " · %s", v->findings);
      if (v->follow_up_due != NULL)
        /* TRANSLATORS: what is to be followed up after a visit, and by when */
        g_string_append_printf (subtitle, _(" · to follow up by %s: %s"), v->follow_up_due, v->follow_up);
      gtk_list_box_append (box, jz_household_plain_row_new (title, subtitle->str));
    }

  /* Evaluations */
  evaluations = jz_care_evaluation_list (db, self->person_id, &error);
  history_group (self, _("Caregiver Evaluations"), _("Not evaluated yet."), NULL, &box);
  for (guint i = 0; evaluations != NULL && i < evaluations->len; i++)
    {
      const JzCareEvaluation *e = g_ptr_array_index (evaluations, i);
      /* TRANSLATORS: an evaluation: the period, the result and the score */
      g_autofree char *title = g_strdup_printf (_("%s to %s · %s, %d points"), e->period_from, e->period_to,
                                                jz_care_result_label (e->result), e->score);
      /* TRANSLATORS: who evaluated and when */
      g_autofree char *subtitle = g_strdup_printf (_("By %s on %s"), e->evaluator, e->evaluated_on);
      GtkWidget *row = jz_household_plain_row_new (title, subtitle);

      jz_case_mark_overdue (row, g_str_equal (e->result, "fail"));
      gtk_list_box_append (box, row);
    }

  if (error != NULL)
    toast (self, error->message);
  gtk_stack_set_visible_child_name (self->stack, "recipient");
}

/* ---- actions ---------------------------------------------------------------------- */

static void
dialog_saved_cb (JzCarePage *self)
{
  jz_care_page_reload (JZ_PAGE (self));
}

static void
open_dialog (JzCarePage       *self,
             JzCareDialogKind  kind,
             gint64            agreement_id)
{
  JzDb *db = jz_page_get_db (JZ_PAGE (self));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  JzCareDialog *dialog;

  if (db == NULL || self->person_id == 0)
    return;

  dialog = jz_care_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, db, kind, self->person_id,
                               agreement_id, who_is_acting (self));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (dialog_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JzCarePage *self = JZ_CARE_PAGE (widget);

  self->person_id = g_variant_get_int64 (parameter);
  show_recipient (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JzCarePage *self = JZ_CARE_PAGE (widget);

  self->person_id = 0;
  gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
dialog_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  static const struct { const char *name; JzCareDialogKind kind; } kinds[] = {
    { "care.assess", JZ_CARE_DIALOG_ASSESSMENT },
    { "care.report-change", JZ_CARE_DIALOG_CHANGE },
    { "care.new-agreement", JZ_CARE_DIALOG_AGREEMENT },
    { "care.sign", JZ_CARE_DIALOG_SIGN },
    { "care.terminate", JZ_CARE_DIALOG_TERMINATE },
    { "care.replace", JZ_CARE_DIALOG_REPLACE },
    { "care.visit", JZ_CARE_DIALOG_VISIT },
    { "care.evaluate", JZ_CARE_DIALOG_EVALUATION },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (action_name, kinds[i].name))
      open_dialog (JZ_CARE_PAGE (widget), kinds[i].kind, parameter != NULL ? g_variant_get_int64 (parameter) : 0);
}

static void
renew_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  JzCarePage *self = JZ_CARE_PAGE (widget);
  JzDb *db = jz_page_get_db (JZ_PAGE (self));
  g_autoptr(GError) error = NULL;

  if (db == NULL)
    return;
  if (jz_care_agreement_renew (db, g_variant_get_int64 (parameter), &error) == 0)
    toast (self, error->message);
  else
    toast (self, _("A renewal is drafted from the day after the end; sign it to put it in force."));
  jz_care_page_reload (JZ_PAGE (self));
}

static GtkWindow *
parent_window (JzCarePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
print_agreement_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  JzCarePage *self = JZ_CARE_PAGE (widget);
  JzDb *db = jz_page_get_db (JZ_PAGE (self));
  g_autoptr(JzDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *job = NULL;
  gint64 id = g_variant_get_int64 (parameter);

  if (db == NULL)
    return;
  document = jz_care_document_build_agreement (db, id, &error);
  if (document == NULL)
    {
      toast (self, error->message);
      return;
    }
  /* TRANSLATORS: the name of a print job; %lld is an agreement's id */
  job = g_strdup_printf (_("Care agreement %lld"), (long long) id);
  jz_print_document (parent_window (self), document, job);
}

/**
 * jz_care_page_save_agreement_pdf:
 *
 * Writes agreement @id as a PDF file, through app/report.
 */
gboolean
jz_care_page_save_agreement_pdf (JzCarePage  *self,
                                 gint64       id,
                                 const char  *path,
                                 GError     **error)
{
  JzDb *db = jz_page_get_db (JZ_PAGE (self));
  g_autoptr(JzDocument) document = NULL;

  g_return_val_if_fail (JZ_IS_CARE_PAGE (self), FALSE);
  g_return_val_if_fail (db != NULL, FALSE);

  document = jz_care_document_build_agreement (db, id, error);
  return document != NULL && jz_document_write_pdf (document, path, error);
}

typedef struct
{
  JzCarePage *page;
  gint64      id;
} PdfChoice;

static void
pdf_choice_free (PdfChoice *choice)
{
  g_object_unref (choice->page);
  g_free (choice);
}

static void
agreement_file_chosen_cb (GFile    *file,
                          gpointer  user_data)
{
  PdfChoice *choice = user_data;
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    return;
  if (!jz_care_page_save_agreement_pdf (choice->page, choice->id, path, &error))
    toast (choice->page, error->message);
  else
    toast (choice->page, _("The agreement was saved as a PDF file."));
}

static void
save_agreement_pdf_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  JzCarePage *self = JZ_CARE_PAGE (widget);
  PdfChoice *choice = g_new0 (PdfChoice, 1);
  g_autofree char *name = NULL;

  choice->page = g_object_ref (self);
  choice->id = g_variant_get_int64 (parameter);
  /* TRANSLATORS: the file name offered for a care agreement; %lld is its id; keep .pdf */
  name = g_strdup_printf (_("care-agreement-%lld.pdf"), (long long) choice->id);
  jz_print_choose_pdf (parent_window (self), _("Save the Agreement as PDF"), name,
                       agreement_file_chosen_cb, choice, (GDestroyNotify) pdf_choice_free);
}

static void
print_visit_form_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  JzCarePage *self = JZ_CARE_PAGE (widget);
  g_autoptr(JzDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = jz_care_document_build_visit_form (jz_page_get_db (JZ_PAGE (self)), &error);
  if (document == NULL)
    {
      toast (self, error->message);
      return;
    }
  jz_print_document (parent_window (self), document, _("Visit form"));
}

/**
 * jz_care_page_export_to:
 * @path: the .xlsx file to write
 *
 * Writes the recipients listed, as filtered, through app/io; a failure
 * leaves no file.
 */
gboolean
jz_care_page_export_to (JzCarePage  *self,
                        const char  *path,
                        GError     **error)
{
  g_autoptr(GPtrArray) recipients = g_ptr_array_new ();
  g_autofree char *today = jz_today ();
  guint n;

  g_return_val_if_fail (JZ_IS_CARE_PAGE (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JzCareItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      g_ptr_array_add (recipients, item->recipient);
    }
  return jz_xlsx_care_export (recipients, today, path, error);
}

static void
export_response_cb (JzCarePage           *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  if (!jz_care_page_export_to (self, path, &error))
    toast (self, error->message);
  else
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
      /* TRANSLATORS: after the care list was written to a spreadsheet */
      g_autofree char *done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u recipient",
                                                            "Exported %u recipients", n), n);

      toast (self, done);
    }
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JzCarePage *self = JZ_CARE_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export to Excel"), parent_window (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* TRANSLATORS: the file name offered for the care list; keep .xlsx */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("care-recipients.xlsx"));
  gtk_file_filter_set_name (filter, _("Excel workbooks"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
filter_changed_cb (JzCarePage *self)
{
  show_list (self);
}

/* ---- building ------------------------------------------------------------------------ */

static GtkWidget *
figure_card (JzCarePage *self,
             Figure      figure,
             const char *title)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *heading = gtk_label_new (title);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "jz-figure");
  gtk_widget_set_hexpand (card, TRUE);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "caption-heading");
  gtk_widget_add_css_class (heading, "dim-label");
  self->figures[figure] = GTK_LABEL (gtk_label_new ("—"));
  gtk_label_set_xalign (self->figures[figure], 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->figures[figure]), "title-2");
  gtk_widget_add_css_class (GTK_WIDGET (self->figures[figure]), "numeric");
  self->figure_notes[figure] = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->figure_notes[figure], 0);
  gtk_label_set_wrap (self->figure_notes[figure], TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->figure_notes[figure]), "caption");
  gtk_box_append (GTK_BOX (card), heading);
  gtk_box_append (GTK_BOX (card), GTK_WIDGET (self->figures[figure]));
  gtk_box_append (GTK_BOX (card), GTK_WIDGET (self->figure_notes[figure]));
  return card;
}

static GtkWidget *
build_list (JzCarePage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *strip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *empty = adw_status_page_new ();
  const char * const filters[] = { _("All recipients"), _("No agreement in force"), _("Agreement expiring"),
                                   _("Visit overdue"), _("Evaluation failed"), NULL };
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_bottom (box, 12);

  gtk_box_set_homogeneous (GTK_BOX (strip), TRUE);
  gtk_box_append (GTK_BOX (strip), figure_card (self, FIGURE_COVERAGE, _("Agreement coverage")));
  gtk_box_append (GTK_BOX (strip), figure_card (self, FIGURE_VISITS, _("Visits on time")));
  gtk_box_append (GTK_BOX (strip), figure_card (self, FIGURE_EXPIRING, _("Agreements expiring")));
  gtk_box_append (GTK_BOX (strip), figure_card (self, FIGURE_FAILED, _("Failed evaluations open")));
  gtk_label_set_label (self->figure_notes[FIGURE_EXPIRING], _("within the days the standard sets"));
  gtk_label_set_label (self->figure_notes[FIGURE_FAILED], _("the caregiver still to be replaced"));
  gtk_box_append (GTK_BOX (box), strip);

  self->filter = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (filters));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->filter), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show"), -1);
  g_signal_connect_object (self->filter, "notify::selected", G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "numeric");
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->filter));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->count_label));
  {
    GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

    gtk_widget_set_hexpand (spacer, TRUE);
    gtk_box_append (GTK_BOX (bar), spacer);
    gtk_box_append (GTK_BOX (bar), action_button (_("Print a _Visit Form…"), "care.print-visit-form", 0));
    gtk_box_append (GTK_BOX (bar), action_button (_("_Export…"), "care.export", 0));
  }
  gtk_box_append (GTK_BOX (box), bar);

  self->store = g_list_store_new (JZ_TYPE_CARE_ITEM);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->store)));
  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (g_steal_pointer (&selection))));
  gtk_column_view_set_single_click_activate (self->column_view, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Dispersed extreme-poverty recipients"), -1);
  g_signal_connect_object (self->column_view, "activate", G_CALLBACK (activate_cb), self, G_CONNECT_SWAPPED);
  add_column (self, _("Name"), cell_name, FALSE);
  add_column (self, _("Township and village"), cell_place, TRUE);
  add_column (self, _("Care tier"), cell_tier, FALSE);
  add_column (self, _("Agreement"), cell_state, FALSE);
  add_column (self, _("Caregiver"), cell_caregiver, FALSE);
  add_column (self, _("Last visit"), cell_last_visit, FALSE);
  add_column (self, _("Next visit due"), cell_next_visit, FALSE);
  add_column (self, _("Last evaluation"), cell_evaluation, FALSE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->column_view));
  gtk_widget_set_vexpand (scrolled, TRUE);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "emblem-favorite-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Recipients Here"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("People in extreme poverty supported at home appear here once their case is decided."));
  self->list_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->list_stack, scrolled, "list");
  gtk_stack_add_named (self->list_stack, empty, "empty");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list_stack));
  return box;
}

static GtkWidget *
build_recipient (JzCarePage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_center_box_new ();
  GtkWidget *back = gtk_button_new_from_icon_name ("go-previous-symbolic");
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  gtk_actionable_set_action_name (GTK_ACTIONABLE (back), "care.back");
  gtk_widget_set_tooltip_text (back, _("Back to the list"));
  gtk_widget_add_css_class (back, "flat");
  self->recipient_title = ADW_WINDOW_TITLE (adw_window_title_new ("", ""));
  gtk_center_box_set_start_widget (GTK_CENTER_BOX (bar), back);
  gtk_center_box_set_center_widget (GTK_CENTER_BOX (bar), GTK_WIDGET (self->recipient_title));
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_start (bar, 6);
  gtk_widget_set_margin_end (bar, 6);
  gtk_box_append (GTK_BOX (box), bar);

  self->recipient_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 24));
  gtk_widget_set_margin_top (GTK_WIDGET (self->recipient_box), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->recipient_box), 24);
  gtk_widget_set_margin_start (GTK_WIDGET (self->recipient_box), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->recipient_box), 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 960);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->recipient_box));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  return box;
}

static void
jz_care_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (jz_care_page_parent_class)->map (widget);

  /* The clerk's own records raise no JzDb::changed: read again when shown. */
  jz_care_page_reload (JZ_PAGE (widget));
}

static void
jz_care_page_dispose (GObject *object)
{
  JzCarePage *self = JZ_CARE_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->store != NULL)
    g_list_store_remove_all (self->store);
  g_clear_object (&self->store);
  g_clear_pointer (&self->all, g_ptr_array_unref);

  G_OBJECT_CLASS (jz_care_page_parent_class)->dispose (object);
}

static void
jz_care_page_class_init (JzCarePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JzPageClass *page_class = JZ_PAGE_CLASS (klass);

  object_class->dispose = jz_care_page_dispose;
  widget_class->map = jz_care_page_map;
  page_class->reload = jz_care_page_reload;

  gtk_widget_class_install_action (widget_class, "care.open", "x", open_action);
  gtk_widget_class_install_action (widget_class, "care.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "care.assess", NULL, dialog_action);
  gtk_widget_class_install_action (widget_class, "care.report-change", NULL, dialog_action);
  gtk_widget_class_install_action (widget_class, "care.new-agreement", NULL, dialog_action);
  gtk_widget_class_install_action (widget_class, "care.visit", NULL, dialog_action);
  gtk_widget_class_install_action (widget_class, "care.sign", "x", dialog_action);
  gtk_widget_class_install_action (widget_class, "care.terminate", "x", dialog_action);
  gtk_widget_class_install_action (widget_class, "care.replace", "x", dialog_action);
  gtk_widget_class_install_action (widget_class, "care.evaluate", "x", dialog_action);
  gtk_widget_class_install_action (widget_class, "care.renew", "x", renew_action);
  gtk_widget_class_install_action (widget_class, "care.print-agreement", "x", print_agreement_action);
  gtk_widget_class_install_action (widget_class, "care.print-visit-form", NULL, print_visit_form_action);
  gtk_widget_class_install_action (widget_class, "care.save-agreement-pdf", "x", save_agreement_pdf_action);
  gtk_widget_class_install_action (widget_class, "care.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "care.back", NULL);
}

static void
jz_care_page_init (JzCarePage *self)
{
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_SLIDE_LEFT_RIGHT);
  gtk_stack_add_named (self->stack, build_list (self), "list");
  gtk_stack_add_named (self->stack, build_recipient (self), "recipient");
  adw_toast_overlay_set_child (self->toasts, GTK_WIDGET (self->stack));
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->toasts));
}

/**
 * jz_care_page_get_loading:
 *
 * Returns: whether the list is being read
 */
gboolean
jz_care_page_get_loading (JzCarePage *self)
{
  g_return_val_if_fail (JZ_IS_CARE_PAGE (self), FALSE);

  return self->cancellable != NULL;
}

/**
 * jz_care_page_get_stats:
 *
 * Returns: (transfer none): the figures shown
 */
const JzCareStats *
jz_care_page_get_stats (JzCarePage *self)
{
  g_return_val_if_fail (JZ_IS_CARE_PAGE (self), NULL);

  return &self->stats;
}

/**
 * jz_care_page_get_model:
 *
 * Returns: (transfer none): the recipients listed
 */
GListModel *
jz_care_page_get_model (JzCarePage *self)
{
  g_return_val_if_fail (JZ_IS_CARE_PAGE (self), NULL);

  return G_LIST_MODEL (self->store);
}

/**
 * jz_care_page_get_person_id:
 *
 * Returns: the recipient whose page is shown, 0 for the list
 */
gint64
jz_care_page_get_person_id (JzCarePage *self)
{
  g_return_val_if_fail (JZ_IS_CARE_PAGE (self), 0);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "recipient") == 0 ? self->person_id : 0;
}
