/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jz-calendar.h"
#include "jz-disclosure.h"
#include "jz-labels.h"
#include "jz-office-view.h"
#include "jz-office.h"

/* Settings → Office: who issues the notices, the complaint phone and the
 * appeal sentence of a refusal, as the printouts carry them; and what the
 * disclosure lists show beyond what the law names. */

/* Only for the examples beside the switches: no one's number. */
#define SAMPLE_ID_NUMBER "370302196001010012"
#define SAMPLE_NAME      "张伟"

struct _JzOfficeView
{
  JzPage               parent_instance;

  /* Borrowed */
  AdwToastOverlay     *toasts;    /* the child */

  /* Template widgets */
  AdwPreferencesGroup *office_group;
  AdwEntryRow         *name_row;
  AdwEntryRow         *phone_row;
  GtkTextView         *appeal_view;
  AdwEntryRow         *title_row;
  AdwActionRow        *title_preview_row;
  AdwActionRow        *partial_row;
  GtkSwitch           *partial_switch;
  AdwActionRow        *head_row;
  GtkSpinButton       *head_spin;
  AdwActionRow        *tail_row;
  GtkSpinButton       *tail_spin;
  AdwActionRow        *mask_row;
  GtkSwitch           *mask_switch;
  GtkSwitch           *remarks_switch;
  GtkSwitch           *next_month_switch;
  GtkLabel            *save_error;
  GtkWidget           *buttons;

  /* Owned: the values as read, in the form shown_text() gives them, to
   * save only what the clerk changed */
  char                *loaded[8];

  guint                loading : 1;
};

G_DEFINE_FINAL_TYPE (JzOfficeView, jz_office_view, JZ_TYPE_PAGE)

static const JzOfficeSetting settings[] = {
  JZ_OFFICE_NAME,
  JZ_OFFICE_COMPLAINT_PHONE,
  JZ_OFFICE_APPEAL_ROUTE,
  JZ_OFFICE_DISCLOSURE_TITLE,
  JZ_OFFICE_DISCLOSURE_PARTIAL_ID,
  JZ_OFFICE_DISCLOSURE_MASK_NAMES,
  JZ_OFFICE_DISCLOSURE_REMARKS,
  JZ_OFFICE_ROLL_NEXT_MONTH,
};

G_STATIC_ASSERT (G_N_ELEMENTS (settings) == G_N_ELEMENTS (((JzOfficeView *) NULL)->loaded));

/* What a title may hold in braces; the list fills them in (jz-disclosure.c). */
static const char * const title_keys[] = {
  "{place}", "{district}", "{township}", "{village}", "{year}", "{month}", "{program}",
};

static gboolean
can_edit (JzOfficeView *self)
{
  JzDb *db = jz_page_get_db (JZ_PAGE (self));

  return db != NULL && !jz_db_get_read_only (db) &&
         jz_page_user_can (JZ_PAGE (self), JZ_PERMISSION_STANDARDS, 0);
}

/* Whether every brace of @text opens or closes one of title_keys: a word
 * mistyped in braces would be printed as it is on a posted list. */
static gboolean
valid_title (const char *text)
{
  for (const char *p = text; *p != '\0';)
    {
      gboolean known = FALSE;

      if (*p == '}')
        return FALSE;
      if (*p != '{')
        {
          p++;
          continue;
        }
      for (guint i = 0; i < G_N_ELEMENTS (title_keys) && !known; i++)
        if (g_str_has_prefix (p, title_keys[i]))
          {
            p += strlen (title_keys[i]);
            known = TRUE;
          }
      if (!known)
        return FALSE;
    }

  return TRUE;
}

/* @template as the district's list of this month would be titled: the
 * filling of jz_disclosure_build(), whose list the preview stands for. */
static char *
fill_title (const char *template,
            const char *district)
{
  g_autofree char *today = jz_today ();
  g_autofree char *year = g_strndup (today, 4);
  g_autofree char *month = g_strndup (today + 5, 2);
  g_autofree char *programs = g_strconcat (jz_labels_value (JZ_FIELD_PROGRAM, "dibao_urban"),
                                           C_("list separator", ", "),
                                           jz_labels_value (JZ_FIELD_PROGRAM, "dibao_rural"),
                                           NULL);
  const char *values[] = { district, district, "", "", year, month, programs };
  GString *out = g_string_new (NULL);

  G_STATIC_ASSERT (G_N_ELEMENTS (values) == G_N_ELEMENTS (title_keys));

  for (const char *p = template; *p != '\0';)
    {
      gboolean replaced = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (title_keys) && !replaced; i++)
        if (g_str_has_prefix (p, title_keys[i]))
          {
            g_string_append (out, values[i]);
            p += strlen (title_keys[i]);
            replaced = TRUE;
          }
      if (!replaced)
        g_string_append_c (out, *p++);
    }

  return g_string_free (out, FALSE);
}

static gboolean
partial_id_valid (JzOfficeView *self)
{
  g_autofree char *text = NULL;

  g_assert (JZ_IS_OFFICE_VIEW (self));

  if (!gtk_switch_get_active (self->partial_switch))
    return TRUE;

  text = g_strdup_printf ("%d,%d",
                          gtk_spin_button_get_value_as_int (self->head_spin),
                          gtk_spin_button_get_value_as_int (self->tail_spin));
  return jz_office_parse_partial_id (text, NULL, NULL);
}

static const char *
loaded_value (JzOfficeView    *self,
              JzOfficeSetting  setting)
{
  g_assert (JZ_IS_OFFICE_VIEW (self));

  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    if (settings[i] == setting)
      return self->loaded[i];

  g_return_val_if_reached (NULL);
}

static void
mark_row (gpointer row,
          gboolean wrong)
{
  if (wrong)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

/* What follows from the disclosure choices as they are now: the rows
 * marked, the spin rows shown, the preview and the example. */
static void
update_disclosure (JzOfficeView *self)
{
  JzDb *db = jz_page_get_db (JZ_PAGE (self));
  const char *template = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  gboolean partial = gtk_switch_get_active (self->partial_switch);
  gboolean partial_ok = partial_id_valid (self);
  g_autofree char *fallback = NULL;
  g_autofree char *district = NULL;
  g_autofree char *preview = NULL;
  g_autofree char *example = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (template));

  g_assert (JZ_IS_OFFICE_VIEW (self));

  mark_row (self->title_row, !valid_title (template));
  mark_row (self->head_row, !partial_ok);
  mark_row (self->tail_row, !partial_ok);
  gtk_widget_set_visible (GTK_WIDGET (self->head_row), partial);
  gtk_widget_set_visible (GTK_WIDGET (self->tail_row), partial);

  /* An emptied title goes back to the default: preview that one. */
  if (*stripped == '\0' && db != NULL)
    fallback = jz_office_get_default (db, JZ_OFFICE_DISCLOSURE_TITLE, NULL);
  if (db != NULL)
    district = jz_office_district_name (db, NULL);
  preview = fill_title (fallback != NULL ? fallback : stripped, district != NULL ? district : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->title_preview_row), preview);

  if (partial)
    {
      example = jz_disclosure_mask_id (SAMPLE_ID_NUMBER,
                                       (guint) gtk_spin_button_get_value_as_int (self->head_spin),
                                       (guint) gtk_spin_button_get_value_as_int (self->tail_spin));
      /* TRANSLATORS: %s is a masked ID number, e.g. 3703************12 */
      subtitle = g_strdup_printf (_("Lists show, for example, %s."), example);
    }
  adw_action_row_set_subtitle (self->partial_row, subtitle != NULL ? subtitle : _("Lists show no ID number."));
}

/* The text shown for @setting now. */
static char *
shown_text (JzOfficeView    *self,
            JzOfficeSetting  setting)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_assert (JZ_IS_OFFICE_VIEW (self));

  switch (setting)
    {
    case JZ_OFFICE_NAME:
      return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
    case JZ_OFFICE_COMPLAINT_PHONE:
      return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->phone_row)));
    case JZ_OFFICE_DISCLOSURE_TITLE:
      return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
    case JZ_OFFICE_DISCLOSURE_PARTIAL_ID:
      if (!gtk_switch_get_active (self->partial_switch))
        return g_strdup ("");
      return g_strdup_printf ("%d,%d",
                              gtk_spin_button_get_value_as_int (self->head_spin),
                              gtk_spin_button_get_value_as_int (self->tail_spin));
    case JZ_OFFICE_DISCLOSURE_MASK_NAMES:
      return g_strdup (gtk_switch_get_active (self->mask_switch) ? "1" : "0");
    case JZ_OFFICE_DISCLOSURE_REMARKS:
      return g_strdup (gtk_switch_get_active (self->remarks_switch) ? "1" : "0");
    case JZ_OFFICE_ROLL_NEXT_MONTH:
      return g_strdup (gtk_switch_get_active (self->next_month_switch) ? "1" : "0");
    case JZ_OFFICE_APPEAL_ROUTE:
    default:
      buffer = gtk_text_view_get_buffer (self->appeal_view);
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
}

/* @text as jz_office_get() gives it, in the form shown_text() would
 * give it back: "4,2" or "" for the ID number, "1" or "0" for a switch. */
static char *
normalize (JzOfficeSetting  setting,
           const char      *text)
{
  guint head, tail;

  switch (setting)
    {
    case JZ_OFFICE_DISCLOSURE_PARTIAL_ID:
      if (!jz_office_parse_partial_id (text, &head, &tail))
        return g_strdup ("");
      return g_strdup_printf ("%u,%u", head, tail);
    case JZ_OFFICE_DISCLOSURE_MASK_NAMES:
    case JZ_OFFICE_DISCLOSURE_REMARKS:
    case JZ_OFFICE_ROLL_NEXT_MONTH:
      return g_strdup (g_strcmp0 (text, "1") == 0 ? "1" : "0");
    case JZ_OFFICE_NAME:
    case JZ_OFFICE_COMPLAINT_PHONE:
    case JZ_OFFICE_APPEAL_ROUTE:
    case JZ_OFFICE_DISCLOSURE_TITLE:
    default:
      return g_strdup (text != NULL ? text : "");
    }
}

static void
show_text (JzOfficeView    *self,
           JzOfficeSetting  setting,
           const char      *text)
{
  guint head, tail;

  g_assert (JZ_IS_OFFICE_VIEW (self));

  switch (setting)
    {
    case JZ_OFFICE_NAME:
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), text);
      break;
    case JZ_OFFICE_COMPLAINT_PHONE:
      gtk_editable_set_text (GTK_EDITABLE (self->phone_row), text);
      break;
    case JZ_OFFICE_DISCLOSURE_TITLE:
      gtk_editable_set_text (GTK_EDITABLE (self->title_row), text);
      break;
    case JZ_OFFICE_DISCLOSURE_PARTIAL_ID:
      /* Off shows the usual choice, ready to be switched on. */
      if (!jz_office_parse_partial_id (text, &head, &tail))
        {
          head = 4;
          tail = 2;
        }
      gtk_spin_button_set_value (self->head_spin, head);
      gtk_spin_button_set_value (self->tail_spin, tail);
      gtk_switch_set_active (self->partial_switch, *text != '\0');
      break;
    case JZ_OFFICE_DISCLOSURE_MASK_NAMES:
      gtk_switch_set_active (self->mask_switch, g_str_equal (text, "1"));
      break;
    case JZ_OFFICE_DISCLOSURE_REMARKS:
      gtk_switch_set_active (self->remarks_switch, g_str_equal (text, "1"));
      break;
    case JZ_OFFICE_ROLL_NEXT_MONTH:
      gtk_switch_set_active (self->next_month_switch, g_str_equal (text, "1"));
      break;
    case JZ_OFFICE_APPEAL_ROUTE:
    default:
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->appeal_view), text, -1);
      break;
    }
}

static gboolean
is_changed (JzOfficeView *self)
{
  g_assert (JZ_IS_OFFICE_VIEW (self));

  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    {
      g_autofree char *text = shown_text (self, settings[i]);

      if (g_strcmp0 (text, self->loaded[i]) != 0)
        return TRUE;
    }

  return FALSE;
}

static void
update_actions (JzOfficeView *self)
{
  gboolean changed = can_edit (self) && is_changed (self);

  g_assert (JZ_IS_OFFICE_VIEW (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "office.save", changed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "office.revert", changed);
}

static void
load (JzOfficeView *self)
{
  JzDb *db = jz_page_get_db (JZ_PAGE (self));
  gboolean editable = can_edit (self);
  g_autoptr(GError) read_error = NULL;

  g_assert (JZ_IS_OFFICE_VIEW (self));

  self->loading = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *value = NULL;

      g_clear_pointer (&self->loaded[i], g_free);
      if (db != NULL)
        value = jz_office_get (db, settings[i], NULL, &error);
      if (error != NULL && read_error == NULL)
        read_error = g_steal_pointer (&error);
      self->loaded[i] = normalize (settings[i], value);
      show_text (self, settings[i], self->loaded[i]);
    }
  self->loading = FALSE;

  gtk_editable_set_editable (GTK_EDITABLE (self->name_row), editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->phone_row), editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->title_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->partial_switch), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->head_spin), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->tail_spin), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->mask_switch), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->remarks_switch), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_month_switch), editable);
  update_disclosure (self);
  gtk_text_view_set_editable (self->appeal_view, editable);
  gtk_text_view_set_cursor_visible (self->appeal_view, editable);
  gtk_widget_set_visible (self->buttons, editable);
  if (read_error != NULL)
    gtk_label_set_label (self->save_error, read_error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->save_error), read_error != NULL);
  adw_preferences_group_set_description (self->office_group,
                                         editable
                                         ? _("Printed on notices and disclosure lists. An emptied field goes back to its default.")
                                         : _("Printed on notices and disclosure lists. Your role does not change them."));
  update_actions (self);
}

static void
jz_office_view_reload (JzPage *page)
{
  JzOfficeView *self = (JzOfficeView *) page;

  g_assert (JZ_IS_OFFICE_VIEW (self));

  /* Another clerk's save does not wipe out what is being typed. */
  if (can_edit (self) && is_changed (self))
    return;

  load (self);
}

static void
changed_cb (JzOfficeView *self)
{
  g_assert (JZ_IS_OFFICE_VIEW (self));

  if (!self->loading)
    update_actions (self);
}

static void
disclosure_changed_cb (JzOfficeView *self)
{
  g_assert (JZ_IS_OFFICE_VIEW (self));

  if (self->loading)
    return;

  update_disclosure (self);
  update_actions (self);
}

static void
show_save_error (JzOfficeView *self,
                 const char   *message)
{
  g_assert (JZ_IS_OFFICE_VIEW (self));

  gtk_label_set_label (self->save_error, message);
  gtk_widget_set_visible (GTK_WIDGET (self->save_error), TRUE);
}

/* The rows that hold @setting, marked when the core refuses it. */
static void
mark_refused (JzOfficeView    *self,
              JzOfficeSetting  setting)
{
  g_assert (JZ_IS_OFFICE_VIEW (self));

  if (setting == JZ_OFFICE_DISCLOSURE_TITLE)
    mark_row (self->title_row, TRUE);
  else if (setting == JZ_OFFICE_DISCLOSURE_PARTIAL_ID)
    {
      mark_row (self->head_row, TRUE);
      mark_row (self->tail_row, TRUE);
    }
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JzOfficeView *self = (JzOfficeView *) widget;
  JzDb *db = jz_page_get_db (JZ_PAGE (self));
  g_autofree char *title = NULL;

  g_assert (JZ_IS_OFFICE_VIEW (self));

  if (db == NULL || !can_edit (self))
    return;

  /* A number typed into a spin button counts once it is committed. */
  gtk_spin_button_update (self->head_spin);
  gtk_spin_button_update (self->tail_spin);

  /* The disclosure choices are checked before anything is saved: the
   * core takes any title, and a list printed with a mistyped word in
   * braces would carry it.  A title saved before, elsewhere, stands. */
  update_disclosure (self);
  title = shown_text (self, JZ_OFFICE_DISCLOSURE_TITLE);
  if (!valid_title (title) && g_strcmp0 (title, loaded_value (self, JZ_OFFICE_DISCLOSURE_TITLE)) != 0)
    {
      show_save_error (self, _("In the list title, only {place}, {district}, {township}, {village}, {year}, {month} and {program} may stand in braces; correct the others."));
      return;
    }
  if (!partial_id_valid (self))
    {
      show_save_error (self, _("Give the characters of the ID number kept at the start and at the end, for example 4,2; at most 10 in all."));
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    {
      g_autofree char *text = shown_text (self, settings[i]);
      g_autoptr(GError) error = NULL;

      if (g_strcmp0 (text, self->loaded[i]) == 0)
        continue;
      if (!jz_office_set (db, settings[i], text, &error))
        {
          show_save_error (self, error->message);
          mark_refused (self, settings[i]);
          return;
        }
      /* Saved: a later error leaves this one done. */
      g_free (self->loaded[i]);
      self->loaded[i] = g_steal_pointer (&text);
    }

  load (self);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("The office details are saved.")));
}

static void
revert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JzOfficeView *self = (JzOfficeView *) widget;

  g_assert (JZ_IS_OFFICE_VIEW (self));

  load (self);
}

static void
jz_office_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), JZ_TYPE_OFFICE_VIEW);

  G_OBJECT_CLASS (jz_office_view_parent_class)->dispose (object);
}

static void
jz_office_view_finalize (GObject *object)
{
  JzOfficeView *self = (JzOfficeView *) object;

  for (guint i = 0; i < G_N_ELEMENTS (self->loaded); i++)
    g_clear_pointer (&self->loaded[i], g_free);

  G_OBJECT_CLASS (jz_office_view_parent_class)->finalize (object);
}

static void
jz_office_view_class_init (JzOfficeViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JzPageClass *page_class = JZ_PAGE_CLASS (klass);

  object_class->dispose = jz_office_view_dispose;
  object_class->finalize = jz_office_view_finalize;

  page_class->reload = jz_office_view_reload;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jiuzhu/Jiuzhu/jz-office-view.ui");
  gtk_widget_class_bind_template_child (widget_class, JzOfficeView, office_group);
  gtk_widget_class_bind_template_child (widget_class, JzOfficeView, name_row);
  gtk_widget_class_bind_template_child (widget_class, JzOfficeView, phone_row);
  gtk_widget_class_bind_template_child (widget_class, JzOfficeView, appeal_view);
  gtk_widget_class_bind_template_child (widget_class, JzOfficeView, title_row);
  gtk_widget_class_bind_template_child (widget_class, JzOfficeView, title_preview_row);
  gtk_widget_class_bind_template_child (widget_class, JzOfficeView, partial_row);
  gtk_widget_class_bind_template_child (widget_class, JzOfficeView, partial_switch);
  gtk_widget_class_bind_template_child (widget_class, JzOfficeView, head_row);
  gtk_widget_class_bind_template_child (widget_class, JzOfficeView, head_spin);
  gtk_widget_class_bind_template_child (widget_class, JzOfficeView, tail_row);
  gtk_widget_class_bind_template_child (widget_class, JzOfficeView, tail_spin);
  gtk_widget_class_bind_template_child (widget_class, JzOfficeView, mask_row);
  gtk_widget_class_bind_template_child (widget_class, JzOfficeView, mask_switch);
  gtk_widget_class_bind_template_child (widget_class, JzOfficeView, remarks_switch);
  gtk_widget_class_bind_template_child (widget_class, JzOfficeView, next_month_switch);
  gtk_widget_class_bind_template_child (widget_class, JzOfficeView, save_error);
  gtk_widget_class_bind_template_child (widget_class, JzOfficeView, buttons);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, disclosure_changed_cb);

  gtk_widget_class_install_action (widget_class, "office.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "office.revert", NULL, revert_action);
}

static void
jz_office_view_init (JzOfficeView *self)
{
  g_autofree char *masked = jz_disclosure_mask_name (SAMPLE_NAME);
  g_autofree char *subtitle = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->toasts = ADW_TOAST_OVERLAY (adw_bin_get_child (ADW_BIN (self)));

  /* TRANSLATORS: %s is a name with the given name masked, e.g. 张* */
  subtitle = g_strdup_printf (_("Lists show the surname only, for example %s."), masked);
  adw_action_row_set_subtitle (self->mask_row, subtitle);

  g_signal_connect_object (gtk_text_view_get_buffer (self->appeal_view), "changed",
                           G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);

  load (self);
}
