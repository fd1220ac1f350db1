/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include "jz-one-off-dialog.h"

/* A one-off subsidy (一次性生活补贴): its name, the group — people of some
 * programs in payment on a day, in a township or the district — the amount
 * per person or household and the shares of the levels of government
 * that fund it.  The page makes the roll; a refusal is shown here and
 * nothing is made. */

static const struct
{
  const char *programs;
  const char *label;
} groups[] = {
  { "dibao_urban,dibao_rural,tekun_dispersed,tekun_centralized", N_("Dibao and extreme poverty") },
  { "dibao_urban,dibao_rural", N_("Dibao") },
  { "tekun_dispersed,tekun_centralized", N_("Extreme poverty") },
  { "disability_living,disability_care", N_("Disability subsidies") },
  { "child_living", N_("Child living allowance") },
};

static const struct
{
  const char *level;
  const char *label;
} levels[] = {
  { "central", N_("Central government, %") },
  { "province", N_("Province, %") },
  { "city", N_("City, %") },
  { "county", N_("County or district, %") },
};

struct _JzOneOffDialog
{
  AdwWindow       parent_instance;

  AdwEntryRow    *title_row;
  AdwComboRow    *group_row;
  AdwEntryRow    *day_row;
  AdwComboRow    *per_row;
  AdwEntryRow    *amount_row;
  AdwComboRow    *township_row;
  GtkSpinButton  *shares[G_N_ELEMENTS (levels)];
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (JzOneOffDialog, jz_one_off_dialog, ADW_TYPE_WINDOW)

enum {
  MAKE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GListModel *
strings (const char * const *items,
         guint               n,
         gboolean            translate)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, translate ? _(items[i]) : items[i]);
  return G_LIST_MODEL (list);
}

void
jz_one_off_dialog_make (JzOneOffDialog *self)
{
  g_autoptr(GString) funding = g_string_new (NULL);
  g_autofree char *message = NULL;
  g_autofree char *title = NULL;
  g_autofree char *day = NULL;
  g_autofree char *amount = NULL;
  JzOneOffChoice choice = { 0 };

  g_assert (JZ_IS_ONE_OFF_DIALOG (self));

  /* Shares as basis points, written back as per cent with two places. */
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      int bp = (int) (gtk_spin_button_get_value (self->shares[i]) * 100 + 0.5);

      if (bp > 0)
        g_string_append_printf (funding, "%s%s:%d.%02d", funding->len > 0 ? "," : "", levels[i].level,
                                bp / 100, bp % 100);
    }

  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  day = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->day_row))));
  amount = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->amount_row))));
  choice.title = title;
  choice.programs = groups[MIN (adw_combo_row_get_selected (self->group_row), G_N_ELEMENTS (groups) - 1)].programs;
  choice.on_date = day;
  choice.per_person = adw_combo_row_get_selected (self->per_row) != 1;
  choice.amount = amount;
  choice.funding = funding->str;
  choice.township = adw_combo_row_get_selected (self->township_row);

  g_signal_emit (self, signals[MAKE], 0, &choice, &message);
  if (message != NULL)
    {
      gtk_label_set_label (self->error_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
make_clicked_cb (JzOneOffDialog *self)
{
  jz_one_off_dialog_make (self);
}

static GtkWidget *
entry_row (const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  return row;
}

static void
jz_one_off_dialog_class_init (JzOneOffDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* (JzOneOffChoice *) → the refusal to show, or NULL */
  signals[MAKE] = g_signal_new ("make", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                g_signal_accumulator_first_wins, NULL, NULL,
                                G_TYPE_STRING, 1, G_TYPE_POINTER);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jz_one_off_dialog_init (JzOneOffDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *make = gtk_button_new_with_mnemonic (_("_Make the Roll"));
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *who = adw_preferences_group_new ();
  GtkWidget *money = adw_preferences_group_new ();
  GtkWidget *funding = adw_preferences_group_new ();
  const char *group_names[G_N_ELEMENTS (groups)];
  const char * const per_names[] = { N_("Per person"), N_("Per household") };

  gtk_window_set_title (GTK_WINDOW (self), _("One-off Subsidy"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 720);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), make);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  gtk_widget_add_css_class (make, "suggested-action");
  g_signal_connect_swapped (make, "clicked", G_CALLBACK (make_clicked_cb), self);

  /* Who receives it */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (who), _("Who Receives It"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (who),
                                         _("The people of the programs who are in payment on the day."));
  self->title_row = ADW_ENTRY_ROW (entry_row (_("Name, e.g. 2026 Spring Festival one-off living subsidy")));
  self->group_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->group_row), _("Programs"));
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    group_names[i] = groups[i].label;
  {
    g_autoptr(GListModel) model = strings (group_names, G_N_ELEMENTS (groups), TRUE);

    adw_combo_row_set_model (self->group_row, model);
  }
  self->day_row = ADW_ENTRY_ROW (entry_row (_("In payment on (year-month-day)")));
  self->township_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->township_row), _("Township"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (who), GTK_WIDGET (self->title_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (who), GTK_WIDGET (self->group_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (who), GTK_WIDGET (self->day_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (who), GTK_WIDGET (self->township_row));

  /* How much */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (money), _("Amount"));
  self->per_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->per_row), _("Paid"));
  {
    g_autoptr(GListModel) model = strings (per_names, G_N_ELEMENTS (per_names), TRUE);

    adw_combo_row_set_model (self->per_row, model);
  }
  self->amount_row = ADW_ENTRY_ROW (entry_row (_("Amount per person or household, yuan")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (money), GTK_WIDGET (self->per_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (money), GTK_WIDGET (self->amount_row));

  /* Who pays for it */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (funding), _("Funding"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (funding),
                                         _("The shares of the levels of government add up to 100 %; the last level with a share takes the fen a split leaves over."));
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      GtkWidget *row = adw_action_row_new ();

      self->shares[i] = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 100, 1));
      gtk_spin_button_set_digits (self->shares[i], 2);
      gtk_widget_set_valign (GTK_WIDGET (self->shares[i]), GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->shares[i]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(levels[i].label), -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(levels[i].label));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->shares[i]));
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->shares[i]));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (funding), row);
    }
  /* Most often the district pays alone. */
  gtk_spin_button_set_value (self->shares[G_N_ELEMENTS (levels) - 1], 100);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Why the roll was not made"), -1);
  {
    GtkWidget *error_group = adw_preferences_group_new ();

    adw_preferences_group_add (ADW_PREFERENCES_GROUP (error_group), GTK_WIDGET (self->error_label));
    adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (who));
    adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (money));
    adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (funding));
    adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (error_group));
  }

  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);
}

JzOneOffDialog *
jz_one_off_dialog_new (GtkWindow          *parent,
                       const char * const *townships,
                       guint               township,
                       const char         *today)
{
  JzOneOffDialog *self = g_object_new (JZ_TYPE_ONE_OFF_DIALOG, NULL);
  GtkStringList *places = gtk_string_list_new (NULL);

  gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  gtk_string_list_append (places, _("The whole district"));
  for (guint i = 0; townships != NULL && townships[i] != NULL; i++)
    gtk_string_list_append (places, townships[i]);
  adw_combo_row_set_model (self->township_row, G_LIST_MODEL (places));
  g_object_unref (places);
  adw_combo_row_set_selected (self->township_row, township);
  gtk_editable_set_text (GTK_EDITABLE (self->day_row), today);
  return self;
}
