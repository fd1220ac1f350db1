/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-form.h"
#include "jz-household-dialog.h"
#include "jz-household.h"
#include "jz-region.h"

/* Edits the facts of a household file: where it lives, hukou, phone, bank
 * and notes. The account number is never put into the form: a new one
 * replaces it, an empty field keeps it. */
struct _JzHouseholdDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwComboRow         *township_row;
  AdwComboRow         *village_row;
  AdwEntryRow         *address_row;
  AdwComboRow         *hukou_row;
  AdwEntryRow         *phone_row;
  AdwPreferencesGroup *bank_group;
  AdwEntryRow         *bank_row;
  AdwEntryRow         *account_row;
  AdwEntryRow         *notes_row;

  /* Owned references */
  JzDb                *db;
  JzHousehold         *household;
  GPtrArray           *townships;  /* JzRegion */
  GPtrArray           *villages;   /* JzRegion, of the township chosen */
};

G_DEFINE_FINAL_TYPE (JzHouseholdDialog, jz_household_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GListModel *
region_names (GPtrArray *regions)
{
  GtkStringList *names = gtk_string_list_new (NULL);

  for (guint i = 0; i < regions->len; i++)
    gtk_string_list_append (names, ((JzRegion *) g_ptr_array_index (regions, i))->name);

  return G_LIST_MODEL (names);
}

static guint
region_position (GPtrArray *regions,
                 gint64     id)
{
  for (guint i = 0; i < regions->len; i++)
    if (((JzRegion *) g_ptr_array_index (regions, i))->id == id)
      return i;

  return 0;
}

static void
load_villages (JzHouseholdDialog *self,
               gint64             village_id)
{
  guint position = adw_combo_row_get_selected (self->township_row);
  g_autoptr(GListModel) names = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (JZ_IS_HOUSEHOLD_DIALOG (self));

  g_clear_pointer (&self->villages, g_ptr_array_unref);
  if (self->townships != NULL && position < self->townships->len)
    {
      JzRegion *township = g_ptr_array_index (self->townships, position);

      self->villages = jz_region_list_children (self->db, township->id, &error);
    }
  if (self->villages == NULL)
    self->villages = g_ptr_array_new_with_free_func ((GDestroyNotify) jz_region_free);

  names = region_names (self->villages);
  adw_combo_row_set_model (self->village_row, names);
  adw_combo_row_set_selected (self->village_row, region_position (self->villages, village_id));
}

static void
township_changed_cb (JzHouseholdDialog *self)
{
  g_assert (JZ_IS_HOUSEHOLD_DIALOG (self));

  if (self->household != NULL)
    load_villages (self, self->household->region_id);
}

static void
fill_form (JzHouseholdDialog *self)
{
  JzHousehold *household = self->household;
  g_autoptr(JzRegion) village = NULL;
  g_autoptr(JzRegion) township = NULL;
  g_autoptr(GListModel) townships = NULL;
  g_autofree char *masked = NULL;
  g_autofree char *description = NULL;

  g_assert (JZ_IS_HOUSEHOLD_DIALOG (self));

  g_clear_pointer (&self->townships, g_ptr_array_unref);
  village = jz_region_get (self->db, household->region_id, NULL);
  if (village != NULL)
    township = jz_region_get (self->db, village->parent_id, NULL);
  if (township != NULL)
    self->townships = jz_region_list_children (self->db, township->parent_id, NULL);
  if (self->townships == NULL)
    self->townships = g_ptr_array_new_with_free_func ((GDestroyNotify) jz_region_free);

  townships = region_names (self->townships);
  adw_combo_row_set_model (self->township_row, townships);
  adw_combo_row_set_selected (self->township_row,
                              region_position (self->townships, township != NULL ? township->id : 0));
  load_villages (self, household->region_id);

  gtk_editable_set_text (GTK_EDITABLE (self->address_row), household->address);
  adw_combo_row_set_selected (self->hukou_row, jz_choice_position (JZ_CHOICE_HUKOU, FALSE, household->hukou));
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), household->phone);
  gtk_editable_set_text (GTK_EDITABLE (self->bank_row), household->bank);
  gtk_editable_set_text (GTK_EDITABLE (self->account_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row), household->notes);

  masked = jz_household_mask_account (household->bank_account);
  if (*masked != '\0')
    /* TRANSLATORS: %s is a masked bank account number such as **** **** 1234 */
    description = g_strdup_printf (_("The account on file is %s. Leave the new number empty to keep it."), masked);
  adw_preferences_group_set_description (self->bank_group, description);
}

static gboolean
load (JzHouseholdDialog  *self,
      gint64              household_id,
      GError            **error)
{
  JzHousehold *household;

  g_assert (JZ_IS_HOUSEHOLD_DIALOG (self));

  household = jz_household_get (self->db, household_id, error);
  if (household == NULL)
    return FALSE;

  g_clear_pointer (&self->household, jz_household_free);
  self->household = household;
  fill_form (self);
  return TRUE;
}

static void
reload_cb (gpointer user_data)
{
  JzHouseholdDialog *self = user_data;
  g_autoptr(GError) error = NULL;

  g_assert (JZ_IS_HOUSEHOLD_DIALOG (self));

  if (!load (self, self->household->id, &error))
    jz_form_show_save_error (GTK_WINDOW (self), error, NULL, NULL);
}

static void
replace (char       **field,
         const char  *value)
{
  g_free (*field);
  *field = g_strstrip (g_strdup (value));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JzHouseholdDialog *self = (JzHouseholdDialog *) widget;
  JzHousehold *household = self->household;
  guint village = adw_combo_row_get_selected (self->village_row);
  const char *account = gtk_editable_get_text (GTK_EDITABLE (self->account_row));
  g_autoptr(GError) error = NULL;

  g_assert (JZ_IS_HOUSEHOLD_DIALOG (self));

  if (village < self->villages->len)
    household->region_id = ((JzRegion *) g_ptr_array_index (self->villages, village))->id;
  replace (&household->address, gtk_editable_get_text (GTK_EDITABLE (self->address_row)));
  replace (&household->hukou,
           jz_choice_code_at (JZ_CHOICE_HUKOU, FALSE, adw_combo_row_get_selected (self->hukou_row)));
  replace (&household->phone, gtk_editable_get_text (GTK_EDITABLE (self->phone_row)));
  replace (&household->bank, gtk_editable_get_text (GTK_EDITABLE (self->bank_row)));
  if (*account != '\0')
    replace (&household->bank_account, account);
  replace (&household->notes, gtk_editable_get_text (GTK_EDITABLE (self->notes_row)));

  if (!jz_household_update (self->db, household, &error))
    {
      jz_form_show_save_error (GTK_WINDOW (self), error, reload_cb, self);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
jz_household_dialog_dispose (GObject *object)
{
  JzHouseholdDialog *self = (JzHouseholdDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), JZ_TYPE_HOUSEHOLD_DIALOG);

  g_clear_pointer (&self->household, jz_household_free);
  g_clear_pointer (&self->townships, g_ptr_array_unref);
  g_clear_pointer (&self->villages, g_ptr_array_unref);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (jz_household_dialog_parent_class)->dispose (object);
}

static void
jz_household_dialog_class_init (JzHouseholdDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jz_household_dialog_dispose;

  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jiuzhu/Jiuzhu/jz-household-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JzHouseholdDialog, township_row);
  gtk_widget_class_bind_template_child (widget_class, JzHouseholdDialog, village_row);
  gtk_widget_class_bind_template_child (widget_class, JzHouseholdDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, JzHouseholdDialog, hukou_row);
  gtk_widget_class_bind_template_child (widget_class, JzHouseholdDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, JzHouseholdDialog, bank_group);
  gtk_widget_class_bind_template_child (widget_class, JzHouseholdDialog, bank_row);
  gtk_widget_class_bind_template_child (widget_class, JzHouseholdDialog, account_row);
  gtk_widget_class_bind_template_child (widget_class, JzHouseholdDialog, notes_row);
  gtk_widget_class_bind_template_callback (widget_class, township_changed_cb);

  gtk_widget_class_install_action (widget_class, "household-form.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "household-form.save", NULL);
}

static void
jz_household_dialog_init (JzHouseholdDialog *self)
{
  g_autoptr(GListModel) hukous = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  hukous = jz_choice_model_new (JZ_CHOICE_HUKOU, NULL);
  adw_combo_row_set_model (self->hukou_row, hukous);
}

/**
 * jz_household_dialog_new:
 *
 * Returns: (transfer none) (nullable): the dialog, shown; it destroys
 *   itself when closed. %NULL with @error set when the household cannot be
 *   read.
 */
JzHouseholdDialog *
jz_household_dialog_new (GtkWindow  *parent,
                         JzDb       *db,
                         gint64      household_id,
                         GError    **error)
{
  JzHouseholdDialog *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  self = g_object_new (JZ_TYPE_HOUSEHOLD_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->db = g_object_ref (db);

  if (!load (self, household_id, error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }

  gtk_window_present (GTK_WINDOW (self));

  return self;
}
