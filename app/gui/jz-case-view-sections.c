/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-benefit.h"
#include "jz-case-notice-data.h"
#include "jz-case-rows.h"
#include "jz-case-view-private.h"
#include "jz-household-rows.h"
#include "jz-labels.h"
#include "jz-notice.h"

/* The sections of the case view: the steps offered, the facts, the
 * deadlines, the benefit, the notice, the dates and the history. */

/* The states before the decision, which have the process deadline. */
static const char * const undecided[] = {
  "submitted", "accepted", "investigating", "village_notice", "township_reviewed", NULL
};

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static gboolean
is_one_off (const char *program)
{
  return g_strcmp0 (jz_labels_program_period (program), "once") == 0;
}

/* --- the parts of the view --------------------------------------------------- */

static void
show_header (JzCaseView *self,
             JzCase     *item,
             const char *today)
{
  JzCaseFlow *flow = self->flow;
  const char *who = item != NULL && item->person_name != NULL ? item->person_name : flow->head_name;
  g_autofree char *title = NULL;

  if (who != NULL && *who != '\0')
    /* TRANSLATORS: the title of a case: the program, then the applicant's name */
    title = g_strdup_printf (_("%s · %s"), jz_labels_value (JZ_FIELD_PROGRAM, flow->program), who);
  else
    title = g_strdup (jz_labels_value (JZ_FIELD_PROGRAM, flow->program));

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->status_label, jz_case_status_label (flow->status));
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_label), jz_workflow_overdue (flow, today));
}

static GtkWidget *
step_button_new (const char *label,
                 const char *action_name,
                 GVariant   *target,
                 const char *style)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  if (target != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  if (style != NULL)
    gtk_widget_add_css_class (button, style);

  return button;
}

static gboolean
is_stop (const char *status)
{
  return g_str_equal (status, "rejected") || g_str_equal (status, "withdrawn") ||
         g_str_equal (status, "suspended") || g_str_equal (status, "terminated");
}

gboolean
jz_case_view_may_review (JzCaseView *self)
{
  return self->flow != NULL && g_strcmp0 (self->flow->status, "active") == 0 &&
         jz_user_can (self->user, JZ_PERMISSION_DECIDE, self->flow->township_id);
}

gboolean
jz_case_view_may_review_emergency (JzCaseView *self)
{
  return self->flow != NULL && self->flow->emergency && self->flow->emergency_reviewed_on == NULL &&
         g_strcmp0 (self->flow->status, "approved") == 0 &&
         jz_user_can (self->user, JZ_PERMISSION_DECIDE, self->flow->township_id);
}

/* Only the steps this user may take now; the first step forward is the
 * suggested one. */
static void
show_steps (JzCaseView *self)
{
  JzCaseFlow *flow = self->flow;
  g_auto(GStrv) next = jz_workflow_next_statuses (self->user, flow);
  g_auto(GStrv) anyone = NULL;
  gboolean suggested = FALSE;
  guint n_buttons = 0;

  /* A review is what an active case usually needs; it comes first. */
  if (jz_case_view_may_review (self))
    {
      gtk_box_append (self->steps_box, step_button_new (_("Re_view…"), "case.review", NULL,
                                                             "suggested-action"));
      suggested = TRUE;
      n_buttons++;
    }
  if (jz_case_view_may_review_emergency (self))
    {
      gtk_box_append (self->steps_box, step_button_new (_("Review _Emergency Payment…"),
                                                             "case.review-emergency", NULL, "suggested-action"));
      suggested = TRUE;
      n_buttons++;
    }

  for (guint i = 0; next[i] != NULL; i++)
    {
      gboolean stop = is_stop (next[i]);
      const char *style = stop ? NULL : (suggested ? NULL : "suggested-action");

      if (!stop)
        suggested = TRUE;
      gtk_box_append (self->steps_box,
                           step_button_new (jz_case_step_verb (flow->status, next[i]), "case.advance",
                                            g_variant_new_string (next[i]), style));
      n_buttons++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->steps_box), n_buttons > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.advance", next[0] != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.review", jz_case_view_may_review (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.review-emergency", jz_case_view_may_review_emergency (self));

  if (n_buttons > 0)
    {
      adw_preferences_group_set_description (self->steps_group, _("What you may record in this case now."));
      return;
    }

  /* Single-user mode may take every step: is there one for anybody? */
  anyone = jz_workflow_next_statuses (NULL, flow);
  if (anyone[0] != NULL && jz_case_next_step_label (flow->status) != NULL)
    {
      /* TRANSLATORS: %s is what the case waits for, "Decide on the application" */
      g_autofree char *text = g_strdup_printf (_("Your role takes no step in this case now. It waits for: %s."),
                                               jz_case_next_step_label (flow->status));

      adw_preferences_group_set_description (self->steps_group, text);
    }
  else if (anyone[0] != NULL)
    adw_preferences_group_set_description (self->steps_group, _("Your role takes no step in this case now."));
  else
    adw_preferences_group_set_description (self->steps_group, _("No step follows: the case is finished."));
}

static void
add_fact (GtkListBox *list,
          const char *title,
          const char *value)
{
  gtk_list_box_append (list, jz_case_fact_row_new (title, value));
}

static void
show_facts (JzCaseView *self,
            JzCase     *item)
{
  JzCaseFlow *flow = self->flow;
  const char *program_name = jz_labels_program_name (flow->program);

  add_fact (self->facts_list, _("Program"), program_name != NULL ? program_name : flow->program);
  if (item != NULL && item->person_name != NULL)
    {
      /* TRANSLATORS: a member in a list: name, then the relation to the head */
      g_autofree char *who = g_strdup_printf (_("%s (%s)"), item->person_name,
                                              jz_labels_value (JZ_FIELD_RELATION, item->person_relation));

      add_fact (self->facts_list, _("Applicant"), who);
    }
  else
    add_fact (self->facts_list, _("Head of household"), flow->head_name);
  add_fact (self->facts_list, _("Status"), jz_case_status_label (flow->status));

  if (flow->persons > 0)
    {
      g_autofree char *persons = g_strdup_printf ("%d", flow->persons);

      add_fact (self->facts_list, _("Persons in the program"), persons);
    }
  if (flow->monthly_amount > 0)
    {
      g_autofree char *amount = jz_household_format_amount (flow->monthly_amount);

      add_fact (self->facts_list, is_one_off (flow->program) ? _("One-off amount") : _("Monthly amount"), amount);
    }

  if (flow->temp_kind != NULL)
    add_fact (self->facts_list, _("Kind of temporary assistance"), jz_case_temp_kind_label (flow->temp_kind));
  if (flow->temp_multiple_bp > 0)
    {
      g_autofree char *number = jz_case_format_multiple (flow->temp_multiple_bp);
      /* TRANSLATORS: %s is a multiple, 6 or 4.5 */
      g_autofree char *multiple = g_strdup_printf (_("%s × the urban monthly dibao standard"), number);

      add_fact (self->facts_list, _("Multiple"), multiple);
    }
  if (flow->emergency)
    {
      g_autofree char *reviewed = NULL;

      if (flow->emergency_reviewed_on != NULL)
        /* TRANSLATORS: %s is a date */
        reviewed = g_strdup_printf (_("Paid first, reviewed on %s"), flow->emergency_reviewed_on);
      add_fact (self->facts_list, _("Emergency"),
                reviewed != NULL ? reviewed : _("Paid first, to be reviewed after"));
    }
  if (flow->unstable_income)
    add_fact (self->facts_list, _("Income"), _("Unstable: reviewed more often"));
  if (flow->sampled)
    add_fact (self->facts_list, _("County check"), _("Sampled for the county’s check"));
  if (flow->reason != NULL && *flow->reason != '\0')
    add_fact (self->facts_list, _("Reason"), flow->reason);
  if (flow->end_reason != NULL && *flow->end_reason != '\0' && g_strcmp0 (flow->end_reason, flow->reason) != 0)
    add_fact (self->facts_list, _("Why it ended"), flow->end_reason);
}

static void
show_dates (JzCaseView *self)
{
  JzCaseFlow *flow = self->flow;
  g_autofree char *notice = NULL;

  if (flow->notice_from != NULL)
    /* TRANSLATORS: the days of the village notice, from – to */
    notice = g_strdup_printf (_("%s – %s"), flow->notice_from, flow->notice_to != NULL ? flow->notice_to : "");

  add_fact (self->dates_list, _("Applied on"), flow->applied_on);
  add_fact (self->dates_list, _("Accepted on"), flow->accepted_on);
  add_fact (self->dates_list, _("Investigation started on"), flow->investigated_on);
  add_fact (self->dates_list, _("Village notice"), notice);
  add_fact (self->dates_list, _("Township review on"), flow->reviewed_on);
  add_fact (self->dates_list, _("Decided on"), flow->decided_on);
  add_fact (self->dates_list, _("Payment starts on"), flow->starts_on);
  add_fact (self->dates_list, _("Ended on"), flow->ended_on);
}

/* A deadline: the date on the right; past it, the row says since when
 * the step is late, in red. */
static void
add_deadline (JzCaseView *self,
              const char *title,
              const char *subtitle,
              const char *date,
              gboolean    overdue)
{
  GtkWidget *row = jz_case_fact_row_new (title, date);
  g_autofree char *since = NULL;

  if (overdue)
    {
      since = jz_case_overdue_since (date);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), since);
      jz_case_mark_overdue (row, TRUE);
    }
  else if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_list_box_append (self->deadlines_list, row);
}

static void
show_deadlines (JzCaseView *self,
                const char *today)
{
  JzCaseFlow *flow = self->flow;
  gboolean before_decision = g_strv_contains (undecided, flow->status);
  /* A step without a deadline of its own waits for the whole process's. */
  gboolean own_deadline = flow->step_due_on != NULL &&
                          (!before_decision || g_strcmp0 (flow->step_due_on, flow->process_due_on) != 0);
  guint n = 0;

  if ((before_decision || g_strcmp0 (flow->status, "approved") == 0) && own_deadline)
    {
      add_deadline (self, jz_case_next_step_label (flow->status), _("Deadline of the next step"),
                    flow->step_due_on, jz_case_date_passed (flow->step_due_on, today));
      n++;
    }

  if (before_decision && flow->process_due_on != NULL)
    {
      const char *next = jz_case_next_step_label (flow->status);
      g_autofree char *limit = NULL;

      if (own_deadline || next == NULL)
        {
          if (flow->process_limit_on != NULL)
            /* TRANSLATORS: %s is the latest date the rules allow for a decision */
            limit = g_strdup_printf (_("The decision is due; at the very latest by %s"), flow->process_limit_on);
          next = _("Whole process");
        }
      else if (flow->process_limit_on != NULL)
        /* TRANSLATORS: %s is the latest date the rules allow for a decision */
        limit = g_strdup_printf (_("Due with the whole process; at the very latest by %s"), flow->process_limit_on);
      add_deadline (self, next, limit, flow->process_due_on,
                    jz_case_date_passed (flow->process_due_on, today));
      n++;
    }

  if (g_strcmp0 (flow->status, "active") == 0 && flow->next_review_on != NULL)
    {
      add_deadline (self, _("Next review"), _("The benefit is computed again at the review"),
                    flow->next_review_on, jz_case_date_passed (flow->next_review_on, today));
      n++;
    }

  if (flow->emergency && flow->emergency_reviewed_on == NULL && g_strcmp0 (flow->status, "approved") == 0)
    {
      add_fact (self->deadlines_list, _("Review of the emergency payment"), _("Not yet reviewed"));
      n++;
    }

  gtk_widget_set_visible (self->deadlines_group, n > 0);
}

static void
add_breakdown_rows (JzCaseView *self,
                    GtkListBox *list,
                    GPtrArray  *lines,
                    gint64      total)
{
  const char *total_label = is_one_off (self->flow->program) ? _("Total, once") : _("Total a month");

  for (guint i = 0; i < lines->len; i++)
    {
      JzCaseNoticeLine *line = g_ptr_array_index (lines, i);

      gtk_list_box_append (list, jz_case_benefit_row_new (line->label, line->formula, line->amount, FALSE));
    }
  gtk_list_box_append (list, jz_case_benefit_row_new (total_label, NULL, total, TRUE));
}

/* The breakdown saved with the decision or the latest review, which is
 * what is paid; before a decision, the engine's figure for today. */
static void
show_benefit (JzCaseView *self,
              GPtrArray  *steps,
              const char *today)
{
  JzCaseFlow *flow = self->flow;
  g_autoptr(JzBenefitResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  JzCaseStep *saved = NULL;

  for (guint i = 0; steps != NULL && i < steps->len; i++)
    {
      JzCaseStep *step = g_ptr_array_index (steps, i);

      if (step->breakdown != NULL && *step->breakdown != '\0')
        saved = step;
    }

  if (saved != NULL)
    {
      g_autoptr(GPtrArray) lines = NULL;
      gint64 total = 0;

      if (jz_case_notice_parse_breakdown (self->db, saved->breakdown, &total, &lines, &error))
        {
          add_breakdown_rows (self, self->benefit_list, lines, total);
          if (g_strcmp0 (saved->from_status, saved->status) == 0)
            /* TRANSLATORS: %s is the date of a case's review */
            description = g_strdup_printf (_("As saved with the review of %s; later changes of the standards do not alter it."),
                                           saved->on_date);
          else
            /* TRANSLATORS: %s is the date of the decision */
            description = g_strdup_printf (_("As decided on %s; later changes of the standards do not alter it."),
                                           saved->on_date);
          adw_preferences_group_set_description (self->benefit_group, description);
          gtk_widget_set_visible (GTK_WIDGET (self->benefit_group), TRUE);
          return;
        }
      g_clear_error (&error);
    }

  /* Nothing was decided, and nothing will be. */
  if (g_strcmp0 (flow->status, "rejected") == 0 || g_strcmp0 (flow->status, "withdrawn") == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->benefit_group), FALSE);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->benefit_group), TRUE);
  /* TRANSLATORS: %s is today's date */
  description = g_strdup_printf (_("Computed today, %s, with the household’s facts and the standards in force; the decision fixes the amount."),
                                 today);
  adw_preferences_group_set_description (self->benefit_group, description);

  result = jz_benefit_compute_case (self->db, flow->id, today, &error);
  if (result == NULL)
    {
      gtk_list_box_append (self->benefit_list, jz_household_plain_row_new (_("Cannot be computed"), error->message));
      return;
    }

  for (guint i = 0; i < result->lines->len; i++)
    {
      JzBenefitLine *line = g_ptr_array_index (result->lines, i);

      gtk_list_box_append (self->benefit_list,
                           jz_case_benefit_row_new (line->label, line->formula, line->amount, FALSE));
    }
  gtk_list_box_append (self->benefit_list,
                       jz_case_benefit_row_new (is_one_off (flow->program) ? _("Total, once") : _("Total a month"),
                                                NULL, result->total, TRUE));
  for (guint i = 0; result->notes != NULL && i < result->notes->len; i++)
    gtk_list_box_append (self->benefit_list,
                         jz_household_plain_row_new (g_ptr_array_index (result->notes, i), NULL));
}

/* When a step was recorded, in local time: the step's own date may be
 * earlier, as steps are recorded after they happen. */
static char *
format_recorded (const char *at)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (at == NULL || *at == '\0')
    return NULL;

  utc = g_date_time_new_from_iso8601 (at, NULL);
  if (utc == NULL)
    return NULL;
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static GtkWidget *
history_row_new (JzCaseView *self,
                 JzCaseStep *step)
{
  g_autoptr(GPtrArray) facts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *recorded = format_recorded (step->at);
  gint64 total = 0;
  GtkWidget *row;

  if (step->from_status != NULL && g_strcmp0 (step->from_status, step->status) != 0)
    /* TRANSLATORS: a step of a case: the state before, then the state after */
    title = g_strdup_printf (_("%s → %s"), jz_case_status_label (step->from_status),
                             jz_case_status_label (step->status));
  else if (step->from_status != NULL)
    /* TRANSLATORS: a review that kept the case in its state, "Active, reviewed" */
    title = g_strdup_printf (_("%s, reviewed"), jz_case_status_label (step->status));
  else
    title = g_strdup (jz_case_status_label (step->status));

  g_ptr_array_add (facts, g_strdup (step->on_date));
  if (step->user_name != NULL && *step->user_name != '\0')
    /* TRANSLATORS: who recorded a step of a case */
    g_ptr_array_add (facts, g_strdup_printf (_("by %s"), step->user_name));
  if (recorded != NULL)
    /* TRANSLATORS: when a step was recorded, 2026-03-02 14:05 */
    g_ptr_array_add (facts, g_strdup_printf (_("recorded %s"), recorded));
  if (step->monthly_amount > 0)
    g_ptr_array_add (facts, jz_household_format_amount (step->monthly_amount));
  if (step->note != NULL && *step->note != '\0')
    g_ptr_array_add (facts, g_strdup (step->note));
  g_ptr_array_add (facts, NULL);
  subtitle = g_strjoinv (" · ", (char **) facts->pdata);

  /* A decision or review shows the breakdown it was made on. */
  if (step->breakdown == NULL || *step->breakdown == '\0' ||
      !jz_case_notice_parse_breakdown (self->db, step->breakdown, &total, &lines, NULL))
    return jz_household_plain_row_new (title, subtitle);

  row = adw_expander_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  for (guint i = 0; i < lines->len; i++)
    {
      JzCaseNoticeLine *line = g_ptr_array_index (lines, i);

      adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                jz_case_benefit_row_new (line->label, line->formula, line->amount, FALSE));
    }
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            jz_case_benefit_row_new (is_one_off (self->flow->program) ? _("Total, once")
                                                                                      : _("Total a month"),
                                                     NULL, total, TRUE));
  return row;
}

static void
show_history (JzCaseView *self,
              GPtrArray  *steps)
{
  for (guint i = 0; steps != NULL && i < steps->len; i++)
    gtk_list_box_append (self->history_list, history_row_new (self, g_ptr_array_index (steps, i)));
  gtk_widget_set_visible (self->history_group, steps != NULL && steps->len > 0);
}

static void
show_notice (JzCaseView *self)
{
  JzNoticeKind kind;
  gboolean decided = jz_notice_kind_for_status (self->flow->status, &kind);

  gtk_widget_set_visible (self->notice_group, decided);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.print-notice", decided);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.save-notice", decided);
}

static void
set_groups_visible (JzCaseView *self,
                    gboolean    visible)
{
  gtk_widget_set_visible (GTK_WIDGET (self->steps_group), visible);
  gtk_widget_set_visible (self->facts_group, visible);
  gtk_widget_set_visible (self->deadlines_group, visible);
  gtk_widget_set_visible (GTK_WIDGET (self->benefit_group), visible);
  gtk_widget_set_visible (self->notice_group, visible);
  gtk_widget_set_visible (self->dates_group, visible);
  gtk_widget_set_visible (self->history_group, visible);
}

void
jz_case_view_clear_sections (JzCaseView *self)
{
  GtkWidget *child;

  g_assert (JZ_IS_CASE_VIEW (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->steps_box))) != NULL)
    gtk_box_remove (self->steps_box, child);
  clear_list (self->facts_list);
  clear_list (self->deadlines_list);
  clear_list (self->benefit_list);
  clear_list (self->dates_list);
  clear_list (self->history_list);
}

/* No case: nothing shown, nothing to do. */
void
jz_case_view_hide_sections (JzCaseView *self)
{
  g_assert (JZ_IS_CASE_VIEW (self));

  gtk_label_set_label (self->status_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_label), FALSE);
  set_groups_visible (self, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.advance", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.review", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.review-emergency", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.print-notice", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.save-notice", FALSE);
}

/**
 * jz_case_view_show_sections:
 * @item: (nullable): the case as the household file lists it
 * @steps: (nullable) (element-type JzCaseStep): its history
 *
 * Fills the view from self->flow, read just before.
 */
void
jz_case_view_show_sections (JzCaseView *self,
                            JzCase     *item,
                            GPtrArray  *steps,
                            const char *today)
{
  g_assert (JZ_IS_CASE_VIEW (self));
  g_assert (self->flow != NULL);

  set_groups_visible (self, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
  show_header (self, item, today);
  show_steps (self);
  show_facts (self, item);
  show_deadlines (self, today);
  show_benefit (self, steps, today);
  show_notice (self);
  show_dates (self);
  show_history (self, steps);
}
