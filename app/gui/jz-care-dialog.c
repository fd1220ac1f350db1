/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-calendar.h"
#include "jz-care.h"
#include "jz-care-dialog.h"
#include "jz-form.h"
#include "jz-money.h"
#include "jz-standard.h"

/* One form for each thing the Care panel records: an assessment, a
 * reported change, an agreement drafted with its caregiver, signed, ended
 * or given a new caregiver, a visit, an evaluation.  The rows are made in
 * code, a few of each kind; what the core refuses is shown above the
 * form, in its own words, and the form stays open. */
struct _JzCareDialog
{
  AdwWindow         parent_instance;

  JzDb             *db;
  JzCareDialogKind  kind;
  gint64            person_id;
  gint64            agreement_id;

  GtkLabel         *error_label;
  GtkBox           *groups;
  AdwActionRow     *summary_row;    /* the tier or the score, as the form is filled */
  GHashTable       *rows;           /* key → row */
};

G_DEFINE_FINAL_TYPE (JzCareDialog, jz_care_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const JzCareActivity activities[JZ_CARE_N_ACTIVITIES] = {
  JZ_CARE_EATING, JZ_CARE_DRESSING, JZ_CARE_TRANSFER, JZ_CARE_TOILETING, JZ_CARE_WALKING, JZ_CARE_BATHING,
};

static const JzCareCheck checks[JZ_CARE_N_CHECKS] = {
  JZ_CARE_CHECK_FOOD, JZ_CARE_CHECK_CLOTHING, JZ_CARE_CHECK_HOUSING, JZ_CARE_CHECK_HEALTH,
  JZ_CARE_CHECK_HYGIENE, JZ_CARE_CHECK_CAREGIVER, JZ_CARE_CHECK_MONEY,
};

/* ---- rows ------------------------------------------------------------------ */

static AdwPreferencesGroup *
add_group (JzCareDialog *self,
           const char   *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (self->groups, group);
  return ADW_PREFERENCES_GROUP (group);
}

static GtkWidget *
add_entry (JzCareDialog        *self,
           AdwPreferencesGroup *group,
           const char          *key,
           const char          *title,
           const char          *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  adw_preferences_group_add (group, row);
  g_hash_table_insert (self->rows, g_strdup (key), row);
  return row;
}

static GtkWidget *
add_switch (JzCareDialog        *self,
            AdwPreferencesGroup *group,
            const char          *key,
            const char          *title,
            gboolean             active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_switch_set_active (GTK_SWITCH (toggle), active);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  adw_preferences_group_add (group, row);
  g_hash_table_insert (self->rows, g_strdup (key), toggle);
  return toggle;
}

static GtkWidget *
add_combo (JzCareDialog        *self,
           AdwPreferencesGroup *group,
           const char          *key,
           const char          *title,
           const char * const  *labels,
           guint                selected)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (labels);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  adw_preferences_group_add (group, row);
  g_hash_table_insert (self->rows, g_strdup (key), row);
  return row;
}

static char *
text_of (JzCareDialog *self,
         const char   *key)
{
  GtkWidget *row = g_hash_table_lookup (self->rows, key);

  g_assert (row != NULL);
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static gboolean
active_of (JzCareDialog *self,
           const char   *key)
{
  return gtk_switch_get_active (GTK_SWITCH (g_hash_table_lookup (self->rows, key)));
}

static guint
selected_of (JzCareDialog *self,
             const char   *key)
{
  return adw_combo_row_get_selected (ADW_COMBO_ROW (g_hash_table_lookup (self->rows, key)));
}

GtkWidget *
jz_care_dialog_get_row (JzCareDialog *self,
                        const char   *key)
{
  g_return_val_if_fail (JZ_IS_CARE_DIALOG (self), NULL);

  return g_hash_table_lookup (self->rows, key);
}

JzCareDialogKind
jz_care_dialog_get_kind (JzCareDialog *self)
{
  g_return_val_if_fail (JZ_IS_CARE_DIALOG (self), 0);

  return self->kind;
}

/* ---- what the form computes as it is filled --------------------------------- */

static guint
done_alone (JzCareDialog *self)
{
  guint bits = 0;

  for (guint i = 0; i < JZ_CARE_N_ACTIVITIES; i++)
    {
      g_autofree char *key = g_strdup_printf ("activity-%u", i);

      if (active_of (self, key))
        bits |= activities[i];
    }
  return bits;
}

static void
update_summary (JzCareDialog *self)
{
  g_autofree char *text = NULL;

  if (self->summary_row == NULL)
    return;

  if (self->kind == JZ_CARE_DIALOG_ASSESSMENT)
    text = g_strdup (jz_care_tier_label (jz_care_tier_from_activities (done_alone (self))));
  else if (self->kind == JZ_CARE_DIALOG_EVALUATION)
    {
      const char *result = NULL;
      int score = jz_care_evaluation_score (5 - (int) selected_of (self, "satisfaction"),
                                            3 - (int) selected_of (self, "neighbours"),
                                            3 - (int) selected_of (self, "village"), &result);

      /* TRANSLATORS: an evaluation's score out of 100 and its result */
      text = g_strdup_printf (_("%d points: %s"), score, jz_care_result_label (result));
    }
  adw_action_row_set_subtitle (self->summary_row, text);
}

static void
changed_cb (JzCareDialog *self)
{
  update_summary (self);
}

static void
add_summary (JzCareDialog        *self,
             AdwPreferencesGroup *group,
             const char          *title)
{
  self->summary_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->summary_row), title);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_row), "property");
  adw_preferences_group_add (group, GTK_WIDGET (self->summary_row));
}

/* ---- the forms ----------------------------------------------------------- */

static void
build_caregiver (JzCareDialog *self,
                 const char   *title)
{
  AdwPreferencesGroup *group = add_group (self, title);
  const char * const kinds[] = { _("A person"), _("An organisation"), NULL };

  add_combo (self, group, "caregiver-kind", _("Caregiver is"), kinds, 0);
  add_entry (self, group, "name", _("Name"), NULL);
  add_entry (self, group, "representative", _("Legal representative (organisation)"), NULL);
  add_entry (self, group, "id-number", _("ID number"), NULL);
  add_entry (self, group, "relation", _("Relation to the recipient"), NULL);
  add_entry (self, group, "phone", _("Phone"), NULL);
  add_entry (self, group, "address", _("Address"), NULL);
  add_entry (self, group, "bank", _("Bank"), NULL);
  add_entry (self, group, "account", _("Bank account for the care fee"), NULL);
}

static void
build (JzCareDialog *self,
       const char   *who)
{
  g_autofree char *today = jz_form_today ();
  AdwPreferencesGroup *group;

  switch (self->kind)
    {
    case JZ_CARE_DIALOG_ASSESSMENT:
      gtk_window_set_title (GTK_WINDOW (self), _("Self-Care Assessment"));
      group = add_group (self, NULL);
      add_entry (self, group, "date", _("Date (year-month-day)"), today);
      add_entry (self, group, "assessor", _("Assessed by"), who);
      group = add_group (self, _("Done Alone"));
      adw_preferences_group_set_description (group, _("Turn on each daily activity the person does without help."));
      for (guint i = 0; i < JZ_CARE_N_ACTIVITIES; i++)
        {
          g_autofree char *key = g_strdup_printf ("activity-%u", i);
          GtkWidget *toggle = add_switch (self, group, key, jz_care_activity_label (activities[i]), TRUE);

          g_signal_connect_object (toggle, "notify::active", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
        }
      add_summary (self, group, _("Care tier"));
      group = add_group (self, NULL);
      add_entry (self, group, "note", _("Note (optional)"), NULL);
      break;

    case JZ_CARE_DIALOG_CHANGE:
      gtk_window_set_title (GTK_WINDOW (self), _("Change of Condition"));
      group = add_group (self, NULL);
      adw_preferences_group_set_description (group, _("A reported change calls for a new assessment within the working days the standard sets."));
      add_entry (self, group, "date", _("Reported on (year-month-day)"), today);
      add_entry (self, group, "description", _("What changed"), NULL);
      break;

    case JZ_CARE_DIALOG_AGREEMENT:
      gtk_window_set_title (GTK_WINDOW (self), _("New Care Agreement"));
      group = add_group (self, NULL);
      adw_preferences_group_set_description (group, _("The tier comes from the latest assessment and the monthly fee from the standards in force when the agreement starts."));
      add_entry (self, group, "starts-on", _("Starts on (year-month-day)"), today);
      add_entry (self, group, "content", _("Care given"), _("Daily life care, cleaning, help in illness"));
      add_entry (self, group, "frequency", _("How often"), _("Every day"));
      build_caregiver (self, _("Caregiver"));
      break;

    case JZ_CARE_DIALOG_SIGN:
      gtk_window_set_title (GTK_WINDOW (self), _("Sign the Agreement"));
      group = add_group (self, NULL);
      add_entry (self, group, "date", _("Signed on (year-month-day)"), today);
      break;

    case JZ_CARE_DIALOG_TERMINATE:
      gtk_window_set_title (GTK_WINDOW (self), _("End the Agreement"));
      group = add_group (self, NULL);
      add_entry (self, group, "date", _("Ends on (year-month-day)"), today);
      add_entry (self, group, "reason", _("Reason (required)"), NULL);
      break;

    case JZ_CARE_DIALOG_REPLACE:
      gtk_window_set_title (GTK_WINDOW (self), _("New Caregiver"));
      group = add_group (self, NULL);
      adw_preferences_group_set_description (group, _("The agreement ends with the reason given and a new one is drafted with the new caregiver from the same day; both are kept."));
      add_entry (self, group, "date", _("From (year-month-day)"), today);
      add_entry (self, group, "reason", _("Reason (required)"), NULL);
      build_caregiver (self, _("New Caregiver"));
      break;

    case JZ_CARE_DIALOG_VISIT:
      {
        const char * const methods[] = { _("At home"), _("By phone"), NULL };

        gtk_window_set_title (GTK_WINDOW (self), _("Record a Visit"));
        group = add_group (self, NULL);
        add_entry (self, group, "date", _("Date (year-month-day)"), today);
        add_entry (self, group, "visitors", _("Visited by"), who);
        add_combo (self, group, "method", _("Visit"), methods, 0);
        group = add_group (self, _("Found in Order"));
        for (guint i = 0; i < JZ_CARE_N_CHECKS; i++)
          {
            g_autofree char *key = g_strdup_printf ("check-%u", i);

            add_switch (self, group, key, jz_care_check_label (checks[i]), TRUE);
          }
        group = add_group (self, NULL);
        add_entry (self, group, "findings", _("Findings"), NULL);
        add_entry (self, group, "follow-up", _("To follow up"), NULL);
        add_entry (self, group, "follow-up-due", _("Follow up by (year-month-day)"), NULL);
      }
      break;

    case JZ_CARE_DIALOG_EVALUATION:
      {
        const char * const satisfaction[] = { _("Very satisfied"), _("Satisfied"), _("Fair"), _("Dissatisfied"),
                                              _("Very dissatisfied"), NULL };
        const char * const opinions[] = { C_("opinion", "Good"), C_("opinion", "Fair"), C_("opinion", "Poor"), NULL };
        g_autofree char *from = NULL;
        gint64 months = 3;
        GDate day;

        /* The period the standard sets, ending today. */
        jz_standard_value_at (self->db, JZ_STANDARD_CARE_EVALUATION_MONTHS, JZ_STANDARD_HUKOU_ANY, 0, today,
                              &months, NULL);
        jz_today_date (&day);
        g_date_subtract_months (&day, (guint) CLAMP (months, 1, 120));
        g_date_add_days (&day, 1);
        from = jz_calendar_format_date (&day);
        gtk_window_set_title (GTK_WINDOW (self), _("Evaluate the Caregiver"));
        group = add_group (self, NULL);
        add_entry (self, group, "period-from", _("Period from (year-month-day)"), from);
        add_entry (self, group, "period-to", _("Period to (year-month-day)"), today);
        add_entry (self, group, "date", _("Evaluated on (year-month-day)"), today);
        add_entry (self, group, "evaluator", _("Evaluated by"), who);
        group = add_group (self, _("Opinions"));
        g_signal_connect_object (add_combo (self, group, "satisfaction", _("The recipient’s satisfaction"), satisfaction, 0),
                                 "notify::selected", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
        g_signal_connect_object (add_combo (self, group, "neighbours", _("The neighbours’ opinion"), opinions, 0),
                                 "notify::selected", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
        g_signal_connect_object (add_combo (self, group, "village", _("The village committee’s opinion"), opinions, 0),
                                 "notify::selected", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
        add_summary (self, group, _("Result"));
        group = add_group (self, NULL);
        add_entry (self, group, "opinion", _("Remarks (optional)"), NULL);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  update_summary (self);
}

/* ---- saving ------------------------------------------------------------------ */

static JzCaregiver *
caregiver_of (JzCareDialog *self)
{
  JzCaregiver *caregiver = jz_caregiver_new ();

  g_free (caregiver->kind);
  caregiver->kind = g_strdup (selected_of (self, "caregiver-kind") == 1 ? "organisation" : "person");
  caregiver->name = text_of (self, "name");
  g_free (caregiver->legal_representative);
  caregiver->legal_representative = text_of (self, "representative");
  g_free (caregiver->id_number);
  caregiver->id_number = text_of (self, "id-number");
  g_free (caregiver->phone);
  caregiver->phone = text_of (self, "phone");
  g_free (caregiver->address);
  caregiver->address = text_of (self, "address");
  g_free (caregiver->bank);
  caregiver->bank = text_of (self, "bank");
  g_free (caregiver->bank_account);
  caregiver->bank_account = text_of (self, "account");
  return caregiver;
}

static gboolean
save (JzCareDialog  *self,
      GError       **error)
{
  switch (self->kind)
    {
    case JZ_CARE_DIALOG_ASSESSMENT:
      {
        g_autoptr(JzCareAssessment) a = jz_care_assessment_new ();

        a->person_id = self->person_id;
        a->assessed_on = text_of (self, "date");
        a->assessor = text_of (self, "assessor");
        a->done_alone = done_alone (self);
        g_free (a->note);
        a->note = text_of (self, "note");
        return jz_care_assessment_add (self->db, a, error) > 0;
      }

    case JZ_CARE_DIALOG_CHANGE:
      {
        g_autofree char *date = text_of (self, "date");
        g_autofree char *description = text_of (self, "description");

        return jz_care_change_report (self->db, self->person_id, date, description, NULL, error) > 0;
      }

    case JZ_CARE_DIALOG_AGREEMENT:
      {
        g_autoptr(JzCaregiver) caregiver = caregiver_of (self);
        g_autoptr(JzCareAgreement) a = jz_care_agreement_new ();

        /* The caregiver is added with the draft; a refused draft leaves an
         * unused caregiver row, which names nobody's agreement. */
        a->starts_on = text_of (self, "starts-on");
        if (!jz_form_date_is_valid (a->starts_on))
          {
            g_set_error_literal (error, JZ_CARE_ERROR, JZ_CARE_ERROR_INVALID,
                                 _("Give the day the agreement starts as year-month-day, e.g. 2026-03-01."));
            return FALSE;
          }
        if (jz_caregiver_add (self->db, caregiver, error) == 0)
          return FALSE;
        a->person_id = self->person_id;
        a->caregiver_id = caregiver->id;
        g_free (a->relation);
        a->relation = text_of (self, "relation");
        g_free (a->care_content);
        a->care_content = text_of (self, "content");
        g_free (a->frequency);
        a->frequency = text_of (self, "frequency");
        return jz_care_agreement_draft (self->db, a, error) > 0;
      }

    case JZ_CARE_DIALOG_SIGN:
      {
        g_autofree char *date = text_of (self, "date");

        return jz_care_agreement_sign (self->db, self->agreement_id, date, error);
      }

    case JZ_CARE_DIALOG_TERMINATE:
      {
        g_autofree char *date = text_of (self, "date");
        g_autofree char *reason = text_of (self, "reason");

        return jz_care_agreement_terminate (self->db, self->agreement_id, date, reason, error);
      }

    case JZ_CARE_DIALOG_REPLACE:
      {
        g_autoptr(JzCaregiver) caregiver = caregiver_of (self);
        g_autofree char *date = text_of (self, "date");
        g_autofree char *reason = text_of (self, "reason");
        g_autofree char *relation = text_of (self, "relation");

        if (*reason == '\0')
          {
            g_set_error_literal (error, JZ_CARE_ERROR, JZ_CARE_ERROR_INVALID,
                                 _("Give the reason the agreement ends; it is kept with the agreement."));
            return FALSE;
          }
        if (jz_caregiver_add (self->db, caregiver, error) == 0)
          return FALSE;
        return jz_care_agreement_replace (self->db, self->agreement_id, caregiver->id, relation, date, reason,
                                          error) > 0;
      }

    case JZ_CARE_DIALOG_VISIT:
      {
        g_autoptr(JzCareVisit) v = jz_care_visit_new ();
        g_autofree char *due = text_of (self, "follow-up-due");

        v->person_id = self->person_id;
        v->visited_on = text_of (self, "date");
        v->visitors = text_of (self, "visitors");
        g_free (v->method);
        v->method = g_strdup (selected_of (self, "method") == 1 ? "phone" : "home");
        for (guint i = 0; i < JZ_CARE_N_CHECKS; i++)
          {
            g_autofree char *key = g_strdup_printf ("check-%u", i);

            if (active_of (self, key))
              v->checks |= checks[i];
          }
        g_free (v->findings);
        v->findings = text_of (self, "findings");
        g_free (v->follow_up);
        v->follow_up = text_of (self, "follow-up");
        v->follow_up_due = *due != '\0' ? g_steal_pointer (&due) : NULL;
        return jz_care_visit_add (self->db, v, error) > 0;
      }

    case JZ_CARE_DIALOG_EVALUATION:
      {
        g_autoptr(JzCareEvaluation) e = jz_care_evaluation_new ();

        e->agreement_id = self->agreement_id;
        e->period_from = text_of (self, "period-from");
        e->period_to = text_of (self, "period-to");
        e->evaluated_on = text_of (self, "date");
        e->evaluator = text_of (self, "evaluator");
        e->satisfaction = 5 - (int) selected_of (self, "satisfaction");
        e->neighbours = 3 - (int) selected_of (self, "neighbours");
        e->village = 3 - (int) selected_of (self, "village");
        g_free (e->opinion);
        e->opinion = text_of (self, "opinion");
        return jz_care_evaluation_add (self->db, e, error) > 0;
      }

    default:
      g_assert_not_reached ();
    }
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JzCareDialog *self = JZ_CARE_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!save (self, &error))
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* ---- GObject ------------------------------------------------------------------ */

static void
jz_care_dialog_finalize (GObject *object)
{
  JzCareDialog *self = (JzCareDialog *) object;

  g_clear_object (&self->db);
  g_clear_pointer (&self->rows, g_hash_table_unref);

  G_OBJECT_CLASS (jz_care_dialog_parent_class)->finalize (object);
}

static void
jz_care_dialog_class_init (JzCareDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = jz_care_dialog_finalize;

  /* The core took what the form says. */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "care-dialog.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jz_care_dialog_init (JzCareDialog *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *save_button = gtk_button_new_with_mnemonic (_("_Save"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 640);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save_button), "care-dialog.save");
  gtk_widget_add_css_class (save_button, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save_button);
  gtk_box_append (GTK_BOX (toolbar), header);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Why it was not saved"), -1);

  self->groups = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 18));
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->error_label));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->groups));
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (toolbar), scrolled);

  adw_window_set_content (ADW_WINDOW (self), toolbar);
}

/**
 * jz_care_dialog_new:
 * @who: (nullable): the signed-in user's name, filled in as the one who
 *   assessed, visited or evaluated
 */
JzCareDialog *
jz_care_dialog_new (GtkWindow        *parent,
                    JzDb             *db,
                    JzCareDialogKind  kind,
                    gint64            person_id,
                    gint64            agreement_id,
                    const char       *who)
{
  JzCareDialog *self;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  self = g_object_new (JZ_TYPE_CARE_DIALOG, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->kind = kind;
  self->person_id = person_id;
  self->agreement_id = agreement_id;
  build (self, who);
  return self;
}
