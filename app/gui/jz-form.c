/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-db.h"
#include "jz-form.h"
#include "jz-labels.h"

/* The words are app/core's, so that a value reads the same in a form, in
 * the change history and in an export. */
static JzField
choice_field (JzChoice choice)
{
  switch (choice)
    {
    case JZ_CHOICE_RELATION:
    case JZ_CHOICE_MEMBER_RELATION:
      return JZ_FIELD_RELATION;
    case JZ_CHOICE_DISABILITY_KIND:
      return JZ_FIELD_DISABILITY_KIND;
    case JZ_CHOICE_LABOUR_CAPACITY:
      return JZ_FIELD_LABOUR_CAPACITY;
    case JZ_CHOICE_SELF_CARE:
      return JZ_FIELD_SELF_CARE;
    case JZ_CHOICE_EMPLOYMENT:
      return JZ_FIELD_EMPLOYMENT;
    case JZ_CHOICE_HUKOU:
      return JZ_FIELD_HUKOU;
    case JZ_CHOICE_SEX:
      return JZ_FIELD_SEX;
    case JZ_CHOICE_PROGRAM:
      return JZ_FIELD_PROGRAM;
    case JZ_CHOICE_CASE_SUMMARY:
      return JZ_FIELD_CASE_SUMMARY;
    default:
      g_return_val_if_reached (JZ_FIELD_SEX);
    }
}

/* A household has one head, chosen by its own event: a member is
 * everything else. */
static gboolean
choice_offers (JzChoice    choice,
               const char *code)
{
  return choice != JZ_CHOICE_MEMBER_RELATION || !g_str_equal (code, "head");
}

/**
 * jz_choice_label:
 *
 * Returns: (transfer none): the translated label of @code, "" for %NULL or
 *   "" and @code itself when it is unknown
 */
const char *
jz_choice_label (JzChoice    choice,
                 const char *code)
{
  if (code == NULL || *code == '\0')
    return "";

  return jz_labels_value (choice_field (choice), code);
}

/**
 * jz_choice_model_new:
 * @none_label: (nullable): a first item that stands for no value
 *
 * Returns: (transfer full): the labels for a #GtkDropDown or #AdwComboRow
 */
GListModel *
jz_choice_model_new (JzChoice    choice,
                     const char *none_label)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  JzField field = choice_field (choice);

  if (none_label != NULL)
    gtk_string_list_append (list, none_label);

  for (guint i = 0; i < jz_labels_count (field); i++)
    {
      const char *code = jz_labels_code (field, i);

      if (choice_offers (choice, code))
        gtk_string_list_append (list, jz_labels_value (field, code));
    }

  return G_LIST_MODEL (list);
}

/**
 * jz_choice_code_at:
 *
 * Returns: (transfer none) (nullable): the code at @position of a model
 *   from jz_choice_model_new(), %NULL for the none item
 */
const char *
jz_choice_code_at (JzChoice choice,
                   gboolean has_none,
                   guint    position)
{
  JzField field = choice_field (choice);
  guint offered = 0;

  if (has_none)
    {
      if (position == 0 || position == GTK_INVALID_LIST_POSITION)
        return NULL;
      position--;
    }

  for (guint i = 0; i < jz_labels_count (field); i++)
    {
      const char *code = jz_labels_code (field, i);

      if (!choice_offers (choice, code))
        continue;
      if (offered == position)
        return code;
      offered++;
    }

  return NULL;
}

/**
 * jz_choice_position:
 *
 * Returns: where @code is in a model from jz_choice_model_new(); the none
 *   item, or the first one, for an unknown code
 */
guint
jz_choice_position (JzChoice    choice,
                    gboolean    has_none,
                    const char *code)
{
  JzField field = choice_field (choice);
  guint offered = 0;

  for (guint i = 0; code != NULL && i < jz_labels_count (field); i++)
    {
      const char *candidate = jz_labels_code (field, i);

      if (!choice_offers (choice, candidate))
        continue;
      if (g_str_equal (candidate, code))
        return has_none ? offered + 1 : offered;
      offered++;
    }

  return 0;
}

char *
jz_form_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* Only the shape: the core says what else is wrong with a date. */
gboolean
jz_form_date_is_valid (const char *text)
{
  guint year, month, day;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (text + 8, NULL, 10);

  return g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static void
reload_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    GObject          *object)
{
  JzReloadFunc reload = g_object_get_data (G_OBJECT (dialog), "jz-reload-func");

  reload (object);
}

/**
 * jz_form_show_save_error:
 * @reload: (nullable): called with @user_data, a #GObject, when the clerk
 *   asks to reload after a conflict
 *
 * Tells why a save was refused. A conflict names who changed the record
 * and when (the core's message) and offers Reload; the clerk's edits are
 * never written over the other clerk's.
 *
 * Returns: (transfer none): the dialog, which destroys itself when answered
 */
GtkWindow *
jz_form_show_save_error (GtkWindow    *parent,
                         const GError *error,
                         JzReloadFunc  reload,
                         gpointer      user_data)
{
  AdwMessageDialog *dialog;
  gboolean conflict;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (error != NULL, NULL);
  g_return_val_if_fail (reload == NULL || G_IS_OBJECT (user_data), NULL);

  conflict = g_error_matches (error, JZ_DB_ERROR, JZ_DB_ERROR_CONFLICT);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent,
                                                       conflict ? _("Changed by Someone Else")
                                                                : _("Could Not Save"),
                                                       error->message));

  if (conflict && reload != NULL)
    {
      adw_message_dialog_add_responses (dialog,
                                        "cancel", _("_Keep My Form"),
                                        "reload", _("_Reload"),
                                        NULL);
      adw_message_dialog_set_response_appearance (dialog, "reload", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "reload");
      adw_message_dialog_set_close_response (dialog, "cancel");
      g_object_set_data (G_OBJECT (dialog), "jz-reload-func", reload);
      g_signal_connect_object (dialog, "response::reload", G_CALLBACK (reload_response_cb), user_data, 0);
    }
  else
    {
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      adw_message_dialog_set_default_response (dialog, "close");
      adw_message_dialog_set_close_response (dialog, "close");
    }

  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

/* Marks an entry row as wrong without taking its label away, which a
 * screen reader keeps reading. */
void
jz_form_set_row_error (GtkWidget *row,
                       gboolean   error)
{
  g_return_if_fail (GTK_IS_WIDGET (row));

  if (error)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");

  gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               error ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}
