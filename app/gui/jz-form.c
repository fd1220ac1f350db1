/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-db.h"
#include "jz-form.h"
#include "jz-household-events.h"

typedef struct
{
  const char *code;
  const char *context;
  const char *label;
} Choice;

/* The same context and text as the change history of app/core uses, so
 * that a value reads the same in a form and in the history. */
static const Choice relations[] = {
  { "head", NULL, NULL },
  { "spouse", NULL, NULL },
  { "child", NULL, NULL },
  { "parent", NULL, NULL },
  { "grandchild", NULL, NULL },
  { "grandparent", NULL, NULL },
  { "sibling", NULL, NULL },
  { "other", NULL, NULL },
  { NULL }
};

static const Choice disability_kinds[] = {
  { "visual",       "disability_kind", NC_("disability_kind", "Visual") },
  { "hearing",      "disability_kind", NC_("disability_kind", "Hearing") },
  { "speech",       "disability_kind", NC_("disability_kind", "Speech") },
  { "limb",         "disability_kind", NC_("disability_kind", "Limb") },
  { "intellectual", "disability_kind", NC_("disability_kind", "Intellectual") },
  { "mental",       "disability_kind", NC_("disability_kind", "Mental") },
  { "multiple",     "disability_kind", NC_("disability_kind", "Multiple") },
  { NULL }
};

static const Choice labour_capacities[] = {
  { "full",    "labour_capacity", NC_("labour_capacity", "Full") },
  { "partial", "labour_capacity", NC_("labour_capacity", "Partial") },
  { "none",    "labour_capacity", NC_("labour_capacity", "None") },
  { NULL }
};

static const Choice self_care_levels[] = {
  { "self_care",    "self_care", NC_("self_care", "Cares for self") },
  { "partial_care", "self_care", NC_("self_care", "Partly unable to care for self") },
  { "full_care",    "self_care", NC_("self_care", "Unable to care for self") },
  { NULL }
};

static const Choice employments[] = {
  { "employed",      "employment", NC_("employment", "Employed") },
  { "farming",       "employment", NC_("employment", "Farming") },
  { "self_employed", "employment", NC_("employment", "Self-employed") },
  { "unemployed",    "employment", NC_("employment", "Unemployed") },
  { "student",       "employment", NC_("employment", "Student") },
  { "retired",       "employment", NC_("employment", "Retired") },
  { "none",          "employment", NC_("employment", "None") },
  { NULL }
};

static const Choice hukous[] = {
  { "urban", "hukou", NC_("hukou", "Urban") },
  { "rural", "hukou", NC_("hukou", "Rural") },
  { NULL }
};

static const Choice sexes[] = {
  { "M", "sex", NC_("sex", "Male") },
  { "F", "sex", NC_("sex", "Female") },
  { NULL }
};

static const Choice *
choice_table (JzChoice choice)
{
  switch (choice)
    {
    case JZ_CHOICE_RELATION:
      return relations;
    case JZ_CHOICE_MEMBER_RELATION:
      return relations + 1;
    case JZ_CHOICE_DISABILITY_KIND:
      return disability_kinds;
    case JZ_CHOICE_LABOUR_CAPACITY:
      return labour_capacities;
    case JZ_CHOICE_SELF_CARE:
      return self_care_levels;
    case JZ_CHOICE_EMPLOYMENT:
      return employments;
    case JZ_CHOICE_HUKOU:
      return hukous;
    case JZ_CHOICE_SEX:
      return sexes;
    default:
      g_return_val_if_reached (sexes);
    }
}

static const char *
entry_label (JzChoice      choice,
             const Choice *entry)
{
  if (choice == JZ_CHOICE_RELATION || choice == JZ_CHOICE_MEMBER_RELATION)
    return jz_person_relation_label (entry->code);

  return g_dpgettext2 (GETTEXT_PACKAGE, entry->context, entry->label);
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

  for (const Choice *entry = choice_table (choice); entry->code != NULL; entry++)
    if (g_str_equal (entry->code, code))
      return entry_label (choice, entry);

  return code;
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

  if (none_label != NULL)
    gtk_string_list_append (list, none_label);

  for (const Choice *entry = choice_table (choice); entry->code != NULL; entry++)
    gtk_string_list_append (list, entry_label (choice, entry));

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
  const Choice *table = choice_table (choice);

  if (has_none)
    {
      if (position == 0 || position == GTK_INVALID_LIST_POSITION)
        return NULL;
      position--;
    }

  for (guint i = 0; table[i].code != NULL; i++)
    if (i == position)
      return table[i].code;

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
  const Choice *table = choice_table (choice);

  for (guint i = 0; code != NULL && table[i].code != NULL; i++)
    if (g_str_equal (table[i].code, code))
      return has_none ? i + 1 : i;

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
