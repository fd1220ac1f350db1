/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-form.h"
#include "jz-household-events.h"
#include "jz-household-row.h"
#include "jz-case-rows.h"
#include "jz-household-rows.h"
#include "jz-id-number.h"
#include "jz-money.h"

GtkWidget *
jz_household_placeholder_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  return label;
}

/* Names and notes are data, not Pango markup. */
GtkWidget *
jz_household_plain_row_new (const char *title,
                            const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

char *
jz_household_format_amount (gint64 fen)
{
  g_autofree char *number = jz_money_format (fen);

  /* TRANSLATORS: an amount of money; %s is the number, 1,234.50 */
  return g_strdup_printf (_("%s yuan"), number);
}

char *
jz_household_file_number (gint64 id)
{
  /* TRANSLATORS: a household file's number */
  return g_strdup_printf (_("Household No. %lld"), (long long) id);
}

static GtkWidget *
icon_button_new (const char *icon_name,
                 const char *label,
                 const char *action_name,
                 GVariant   *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  return button;
}

static char *
member_subtitle (JzPerson *person)
{
  g_autoptr(GPtrArray) facts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *masked = jz_id_number_mask (person->id_number, JZ_HOUSEHOLD_ROW_MASK_HEAD,
                                                   JZ_HOUSEHOLD_ROW_MASK_TAIL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_ptr_array_add (facts, g_strdup (jz_person_relation_label (person->relation)));
  g_ptr_array_add (facts, g_strdup (masked));
  g_ptr_array_add (facts, g_strdup (jz_choice_label (JZ_CHOICE_SEX, person->sex)));
  /* TRANSLATORS: %s is a birth date, 1980-01-31 */
  g_ptr_array_add (facts, g_strdup_printf (_("born %s"), person->birth_date));
  g_ptr_array_add (facts, NULL);
  first = g_strjoinv (" · ", (char **) facts->pdata);

  g_ptr_array_set_size (facts, 0);
  if (person->disability_kind != NULL && *person->disability_kind != '\0')
    /* TRANSLATORS: a member's disability: its kind, then its grade 1–4 */
    g_ptr_array_add (facts, g_strdup_printf (_("Disability: %s, grade %d"),
                                             jz_choice_label (JZ_CHOICE_DISABILITY_KIND, person->disability_kind),
                                             person->disability_grade));
  if (person->severe_illness != NULL && *person->severe_illness != '\0')
    g_ptr_array_add (facts, g_strdup_printf (_("Severe illness: %s"), person->severe_illness));
  g_ptr_array_add (facts, g_strdup_printf (_("Labour capacity: %s"),
                                           jz_choice_label (JZ_CHOICE_LABOUR_CAPACITY, person->labour_capacity)));
  g_ptr_array_add (facts, g_strdup_printf (_("Self-care: %s"),
                                           jz_choice_label (JZ_CHOICE_SELF_CARE, person->self_care)));
  g_ptr_array_add (facts, g_strdup_printf (_("Employment: %s"),
                                           jz_choice_label (JZ_CHOICE_EMPLOYMENT, person->employment)));
  g_ptr_array_add (facts, NULL);
  second = g_strjoinv (" · ", (char **) facts->pdata);

  return g_strconcat (first, "\n", second, NULL);
}

GtkWidget *
jz_household_member_row_new (JzPerson *person,
                             gboolean  editable)
{
  g_autofree char *subtitle = member_subtitle (person);
  GtkWidget *row = jz_household_plain_row_new (person->name, subtitle);

  if (editable)
    {
      g_autofree char *edit = g_strdup_printf (_("Edit %s"), person->name);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 icon_button_new ("document-edit-symbolic", edit, "household.edit-member",
                                                  g_variant_new_int64 (person->id)));

      if (g_strcmp0 (person->relation, "head") != 0)
        {
          /* TRANSLATORS: a button beside a member: record that %s moved out */
          g_autofree char *remove = g_strdup_printf (_("%s Moves Out…"), person->name);

          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     icon_button_new ("list-remove-symbolic", remove, "household.move-out",
                                                      g_variant_new_int64 (person->id)));
        }
    }

  return row;
}

GtkWidget *
jz_household_former_row_new (JzPerson *person)
{
  g_autofree char *masked = jz_id_number_mask (person->id_number, JZ_HOUSEHOLD_ROW_MASK_HEAD,
                                                   JZ_HOUSEHOLD_ROW_MASK_TAIL);
  /* TRANSLATORS: a former member: relation, masked ID number, why and when they left */
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s · %s on %s"),
                                               jz_person_relation_label (person->relation), masked,
                                               jz_person_left_reason_label (person->left_reason),
                                               person->left_on != NULL ? person->left_on : "");

  return jz_household_plain_row_new (person->name, subtitle);
}

GtkWidget *
jz_household_case_row_new (JzDb   *db,
                           JzCase *item)
{
  g_autoptr(GPtrArray) facts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *subtitle = NULL;
  GtkWidget *row;
  GtkWidget *image;

  g_ptr_array_add (facts, g_strdup (jz_case_status_label (item->status)));
  if (item->overdue)
    g_ptr_array_add (facts, g_strdup (_("Overdue")));
  if (item->monthly_amount > 0)
    g_ptr_array_add (facts, jz_household_format_amount (item->monthly_amount));
  if (item->person_name != NULL)
    /* TRANSLATORS: whom a case is for: a name and the relation to the head */
    g_ptr_array_add (facts, g_strdup_printf (_("for %s (%s)"), item->person_name,
                                             jz_person_relation_label (item->person_relation)));
  /* TRANSLATORS: %s is the date a case was applied for */
  g_ptr_array_add (facts, g_strdup_printf (_("applied %s"), item->applied_on));
  if (item->ended_on != NULL)
    /* TRANSLATORS: %s is the date a case ended */
    g_ptr_array_add (facts, g_strdup_printf (_("ended %s"), item->ended_on));
  g_ptr_array_add (facts, NULL);
  subtitle = g_strjoinv (" · ", (char **) facts->pdata);

  /* The case opens in a view of its own: steps, deadlines, benefit. */
  row = jz_household_plain_row_new (jz_case_get_program_label (item), subtitle);
  image = g_object_new (GTK_TYPE_IMAGE,
                        "icon-name", "go-next-symbolic",
                        "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                        NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), image);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "cases.open-case");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", item->id);
  jz_case_mark_overdue (row, item->overdue);

  return row;
}

GtkWidget *
jz_household_history_row_new (JzHistoryRow *line)
{
  g_autofree char *title = NULL;
  /* TRANSLATORS: a change history line: when, who, and which record */
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s · %s"), line->at, line->user_name, line->subject);

  if (line->field_label != NULL)
    /* TRANSLATORS: a changed field: its name, the old value, the new value */
    title = g_strdup_printf (_("%s: %s → %s"), line->field_label,
                             *line->old_value ? line->old_value : "—",
                             *line->new_value ? line->new_value : "—");
  else if (line->detail != NULL && *line->detail != '\0')
    title = g_strdup_printf ("%s: %s", line->action_label, line->detail);
  else
    title = g_strdup (line->action_label);

  return jz_household_plain_row_new (title, subtitle);
}

