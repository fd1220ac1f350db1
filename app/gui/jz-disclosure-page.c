/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jz-calendar.h"
#include "jz-disclosure.h"
#include "jz-disclosure-document.h"
#include "jz-disclosure-page.h"
#include "jz-disclosure-screen.h"
#include "jz-html-disclosure.h"
#include "jz-labels.h"
#include "jz-money.h"
#include "jz-print.h"
#include "jz-region.h"
#include "jz-xlsx-disclosure.h"

/* The Disclosure panel: the clerk chooses the programs, the place, the
 * month (or the notice's days) and the kind of list, sees it, and prints
 * it, saves it as PDF, Excel or a web page, or shows it on the township
 * hall's screen.  Every list that leaves the window is recorded
 * (jz_disclosure_record()). */

static const char * const program_codes[] = {
  "dibao_urban", "dibao_rural", "tekun_dispersed", "tekun_centralized", "temporary",
  "disability_living", "disability_care", "child_living",
};

/* ---- one row of the preview ------------------------------------------------ */

#define JZ_TYPE_DISCLOSURE_ITEM (jz_disclosure_item_get_type ())
G_DECLARE_FINAL_TYPE (JzDisclosureItem, jz_disclosure_item, JZ, DISCLOSURE_ITEM, GObject)

struct _JzDisclosureItem
{
  GObject          parent_instance;
  JzDisclosureRow *row;   /* borrowed from the page's list */
};

G_DEFINE_FINAL_TYPE (JzDisclosureItem, jz_disclosure_item, G_TYPE_OBJECT)

static void
jz_disclosure_item_class_init (JzDisclosureItemClass *klass)
{
}

static void
jz_disclosure_item_init (JzDisclosureItem *self)
{
}

/* ---- the page ------------------------------------------------------------------- */

struct _JzDisclosurePage
{
  JzPage            parent_instance;

  AdwToastOverlay  *toasts;
  GtkDropDown      *kind;
  GtkCheckButton   *programs[G_N_ELEMENTS (program_codes)];
  GtkMenuButton    *programs_button;
  GtkDropDown      *township;
  GtkDropDown      *village;
  GtkEntry         *month;
  GtkEntry         *notice_from;
  GtkEntry         *notice_to;
  GtkBox           *month_box;
  GtkBox           *notice_box;
  GtkCheckButton   *by_village;
  GtkLabel         *summary;
  GtkLabel         *figures;
  GtkColumnViewColumn *id_column;
  GtkColumnViewColumn *remark_column;
  GtkStack         *stack;
  GListStore       *store;

  GtkListBox       *records;        /* the lists produced, in the popover */
  GPtrArray        *townships;      /* JzRegion */
  GPtrArray        *villages;       /* JzRegion of the chosen township */
  JzDisclosureList *list;           /* shown, or NULL */
};

G_DEFINE_FINAL_TYPE (JzDisclosurePage, jz_disclosure_page, JZ_TYPE_PAGE)

static void
toast (JzDisclosurePage *self,
       const char       *text)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
}

static GtkWindow *
parent_window (JzDisclosurePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* ---- places ----------------------------------------------------------------------- */

static void
fill_drop_down (GtkDropDown *drop_down,
                const char  *all,
                GPtrArray   *regions)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, all);
  for (guint i = 0; regions != NULL && i < regions->len; i++)
    gtk_string_list_append (names, ((JzRegion *) g_ptr_array_index (regions, i))->name);
  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (drop_down, 0);
}

static gint64
chosen_region (GtkDropDown *drop_down,
               GPtrArray   *regions)
{
  guint position = gtk_drop_down_get_selected (drop_down);

  if (regions == NULL || position == 0 || position == GTK_INVALID_LIST_POSITION || position > regions->len)
    return 0;
  return ((JzRegion *) g_ptr_array_index (regions, position - 1))->id;
}

static void
township_changed_cb (JzDisclosurePage *self)
{
  JzDb *db = jz_page_get_db (JZ_PAGE (self));
  gint64 township = chosen_region (self->township, self->townships);

  g_clear_pointer (&self->villages, g_ptr_array_unref);
  if (db != NULL && township != 0)
    self->villages = jz_region_list_children (db, township, NULL);
  fill_drop_down (self->village, _("All villages"), self->villages);
  gtk_widget_set_sensitive (GTK_WIDGET (self->village), township != 0);
}

static void
load_places (JzDisclosurePage *self)
{
  JzDb *db = jz_page_get_db (JZ_PAGE (self));
  const JzUser *user = jz_page_get_user (JZ_PAGE (self));
  g_autoptr(GPtrArray) districts = NULL;

  g_clear_pointer (&self->townships, g_ptr_array_unref);
  self->townships = g_ptr_array_new_with_free_func ((GDestroyNotify) jz_region_free);
  if (db != NULL)
    districts = jz_region_list_children (db, 0, NULL);
  for (guint i = 0; districts != NULL && i < districts->len; i++)
    {
      g_autoptr(GPtrArray) children = jz_region_list_children (db, ((JzRegion *) g_ptr_array_index (districts, i))->id, NULL);

      for (guint k = 0; children != NULL && k < children->len; k++)
        {
          JzRegion *township = g_ptr_array_index (children, k);

          /* A clerk's lists are of their own township. */
          if (jz_user_can (user, JZ_PERMISSION_READ, township->id))
            g_ptr_array_add (self->townships, g_steal_pointer (&g_ptr_array_index (children, k)));
        }
    }
  fill_drop_down (self->township, _("The whole district"), self->townships);
  if (user != NULL && !jz_user_can (user, JZ_PERMISSION_READ, -1) && self->townships->len > 0)
    gtk_drop_down_set_selected (self->township, 1);
  township_changed_cb (self);
}

/* ---- the list ------------------------------------------------------------------- */

static JzDisclosureQuery *
query_of (JzDisclosurePage  *self,
          GError           **error)
{
  JzDb *db = jz_page_get_db (JZ_PAGE (self));
  g_autoptr(JzDisclosureQuery) query = jz_disclosure_query_new (db, error);
  g_autoptr(GStrvBuilder) programs = g_strv_builder_new ();
  gint64 village;

  if (query == NULL)
    return NULL;

  query->kind = gtk_drop_down_get_selected (self->kind) == 1 ? JZ_DISCLOSURE_NOTICE : JZ_DISCLOSURE_LONGTERM;
  for (guint i = 0; i < G_N_ELEMENTS (program_codes); i++)
    if (gtk_check_button_get_active (self->programs[i]))
      g_strv_builder_add (programs, program_codes[i]);
  g_strfreev (query->programs);
  query->programs = g_strv_builder_end (programs);
  village = chosen_region (self->village, self->villages);
  query->region_id = village != 0 ? village : chosen_region (self->township, self->townships);
  g_free (query->month);
  query->month = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->month))));
  query->notice_from = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->notice_from))));
  query->notice_to = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->notice_to))));
  return g_steal_pointer (&query);
}

static void
show_list (JzDisclosurePage *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *summary = NULL;
  g_autofree char *amount = NULL;

  g_list_store_remove_all (self->store);
  if (self->list == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      gtk_label_set_label (self->summary, "");
      gtk_label_set_label (self->figures, "");
      return;
    }

  for (guint i = 0; i < self->list->rows->len; i++)
    {
      JzDisclosureItem *item = g_object_new (JZ_TYPE_DISCLOSURE_ITEM, NULL);

      item->row = g_ptr_array_index (self->list->rows, i);
      g_ptr_array_add (items, item);
    }
  g_list_store_splice (self->store, 0, 0, items->pdata, items->len);

  amount = jz_money_format (self->list->total_amount);
  /* TRANSLATORS: under a disclosure list's title: rows, villages, persons, money a month */
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row in %u villages, %u persons, %s a month",
                                          "%u rows in %u villages, %u persons, %s a month", self->list->rows->len),
                             self->list->rows->len, self->list->villages, self->list->persons, amount);
  gtk_label_set_label (self->summary, self->list->title);
  gtk_label_set_label (self->figures, summary);
  gtk_column_view_column_set_visible (self->id_column, self->list->query->id_head + self->list->query->id_tail > 0);
  gtk_column_view_column_set_visible (self->remark_column,
                                      self->list->query->remarks || self->list->query->kind == JZ_DISCLOSURE_NOTICE);
  gtk_stack_set_visible_child_name (self->stack, self->list->rows->len > 0 ? "list" : "nobody");
}

/**
 * jz_disclosure_page_build_list:
 *
 * Builds the list of the choices made; %FALSE, with the reason in a
 * toast, when a choice is refused.
 */
gboolean
jz_disclosure_page_build_list (JzDisclosurePage *self)
{
  JzDb *db = jz_page_get_db (JZ_PAGE (self));
  g_autoptr(JzDisclosureQuery) query = NULL;
  g_autoptr(GError) error = NULL;
  JzDisclosureList *list = NULL;

  g_return_val_if_fail (JZ_IS_DISCLOSURE_PAGE (self), FALSE);

  if (db == NULL)
    return FALSE;
  query = query_of (self, &error);
  if (query != NULL)
    list = jz_disclosure_build (db, jz_page_get_user (JZ_PAGE (self)), query, &error);
  g_list_store_remove_all (self->store);
  g_clear_pointer (&self->list, jz_disclosure_list_free);
  self->list = list;
  show_list (self);
  if (list == NULL)
    {
      toast (self, error->message);
      return FALSE;
    }
  return TRUE;
}

static void
programs_changed_cb (JzDisclosurePage *self)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (program_codes); i++)
    if (gtk_check_button_get_active (self->programs[i]))
      g_string_append_printf (names, "%s%s", names->len > 0 ? C_("list separator", ", ") : "",
                              jz_labels_value (JZ_FIELD_PROGRAM, program_codes[i]));
  gtk_menu_button_set_label (self->programs_button, names->len > 0 ? names->str : _("Choose programs"));
}

static void
kind_changed_cb (JzDisclosurePage *self)
{
  gboolean notice = gtk_drop_down_get_selected (self->kind) == 1;

  gtk_widget_set_visible (GTK_WIDGET (self->month_box), !notice);
  gtk_widget_set_visible (GTK_WIDGET (self->notice_box), notice);
}

/* ---- outputs -------------------------------------------------------------------- */

static gboolean
ensure_list (JzDisclosurePage *self)
{
  return self->list != NULL || jz_disclosure_page_build_list (self);
}

static void
record (JzDisclosurePage *self,
        const char       *format)
{
  g_autoptr(GError) error = NULL;

  if (!jz_disclosure_record (jz_page_get_db (JZ_PAGE (self)), self->list, format, &error))
    toast (self, error->message);
}

/**
 * jz_disclosure_page_save:
 * @path: a .pdf, .xlsx or .html file
 *
 * Writes the list shown (built first if need be) and records it.
 */
gboolean
jz_disclosure_page_save (JzDisclosurePage  *self,
                         const char        *path,
                         GError           **error)
{
  const char *format;
  gboolean ok;

  g_return_val_if_fail (JZ_IS_DISCLOSURE_PAGE (self), FALSE);

  if (!ensure_list (self))
    {
      g_set_error_literal (error, JZ_DISCLOSURE_ERROR, JZ_DISCLOSURE_ERROR_INVALID, _("The list could not be made."));
      return FALSE;
    }

  if (g_str_has_suffix (path, ".xlsx"))
    {
      format = "xlsx";
      ok = jz_xlsx_disclosure_export (self->list, path, error);
    }
  else if (g_str_has_suffix (path, ".html"))
    {
      format = "html";
      ok = jz_html_disclosure_export (self->list, path, error);
    }
  else
    {
      g_autoptr(JzDocument) document = jz_disclosure_document_build (self->list,
                                                                     gtk_check_button_get_active (self->by_village),
                                                                     error);

      format = "pdf";
      ok = document != NULL && jz_document_write_pdf (document, path, error);
    }

  if (ok)
    record (self, format);
  return ok;
}

typedef struct
{
  JzDisclosurePage *page;
  char             *suffix;
} SaveChoice;

static void
save_response_cb (GtkFileChooserNative *chooser,
                  int                   response,
                  gpointer              user_data)
{
  SaveChoice *choice = user_data;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    {
      if (!g_str_has_suffix (path, choice->suffix))
        {
          char *with = g_strconcat (path, choice->suffix, NULL);

          g_free (path);
          path = with;
        }
      if (jz_disclosure_page_save (choice->page, path, &error))
        toast (choice->page, _("The list was saved."));
      else if (error != NULL)
        toast (choice->page, error->message);
    }

  g_object_unref (choice->page);
  g_free (choice->suffix);
  g_free (choice);
  g_object_unref (chooser);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JzDisclosurePage *self = JZ_DISCLOSURE_PAGE (widget);
  const char *suffix = g_variant_get_string (parameter, NULL);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  SaveChoice *choice;

  if (!ensure_list (self))
    return;

  chooser = gtk_file_chooser_native_new (_("Save the List"), parent_window (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  name = g_strconcat (self->list->title, suffix, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_add_suffix (filter, suffix + 1);
  gtk_file_filter_set_name (filter, g_str_equal (suffix, ".pdf") ? _("PDF documents")
                                    : g_str_equal (suffix, ".xlsx") ? _("Excel workbooks") : _("Web pages"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  choice = g_new0 (SaveChoice, 1);
  choice->page = g_object_ref (self);
  choice->suffix = g_strdup (suffix);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
build_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  jz_disclosure_page_build_list (JZ_DISCLOSURE_PAGE (widget));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  JzDisclosurePage *self = JZ_DISCLOSURE_PAGE (widget);
  g_autoptr(JzDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  if (!ensure_list (self))
    return;
  document = jz_disclosure_document_build (self->list, gtk_check_button_get_active (self->by_village), &error);
  if (document == NULL)
    {
      toast (self, error->message);
      return;
    }
  record (self, "print");
  jz_print_document (parent_window (self), document, self->list->title);
}

static void
screen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JzDisclosurePage *self = JZ_DISCLOSURE_PAGE (widget);
  GtkWindow *screen;

  if (!ensure_list (self))
    return;
  record (self, "screen");
  screen = GTK_WINDOW (jz_disclosure_screen_new (parent_window (self), self->list, 10));
  gtk_window_present (screen);
  gtk_window_fullscreen (screen);
}

/* ---- the lists produced ---------------------------------------------------------- */

static void
fill_records (JzDisclosurePage *self)
{
  JzDb *db = jz_page_get_db (JZ_PAGE (self));
  g_autoptr(GPtrArray) records = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->records))) != NULL)
    gtk_list_box_remove (self->records, child);
  if (db != NULL)
    records = jz_disclosure_list_records (db, 20, NULL);

  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      const JzDisclosureRecord *record = g_ptr_array_index (records, i);
      /* TRANSLATORS: a list produced: when, by whom, in which format, how many rows */
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %s · %s, %u row",
                                                             "%s · %s · %s, %u rows", record->rows),
                                                record->at, record->user_name, record->format, record->rows);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "disclosure.again");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", record->id);
      gtk_list_box_append (self->records, row);
    }
}

/**
 * jz_disclosure_page_show_again:
 * @record_id: a row of the lists produced
 *
 * Shows the list a record was made with, as it comes out today.
 */
gboolean
jz_disclosure_page_show_again (JzDisclosurePage *self,
                               gint64            record_id)
{
  JzDb *db = jz_page_get_db (JZ_PAGE (self));
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(JzDisclosureQuery) query = NULL;
  g_autoptr(GError) error = NULL;
  JzDisclosureList *list = NULL;

  g_return_val_if_fail (JZ_IS_DISCLOSURE_PAGE (self), FALSE);

  if (db == NULL)
    return FALSE;
  records = jz_disclosure_list_records (db, 0, &error);
  for (guint i = 0; records != NULL && i < records->len && query == NULL && error == NULL; i++)
    if (((JzDisclosureRecord *) g_ptr_array_index (records, i))->id == record_id)
      query = jz_disclosure_record_query (g_ptr_array_index (records, i), &error);
  if (query != NULL)
    list = jz_disclosure_build (db, jz_page_get_user (JZ_PAGE (self)), query, &error);
  if (list == NULL)
    {
      toast (self, error != NULL ? error->message : _("That list is no longer among the lists produced."));
      return FALSE;
    }

  g_list_store_remove_all (self->store);
  g_clear_pointer (&self->list, jz_disclosure_list_free);
  self->list = list;
  show_list (self);
  return TRUE;
}

static void
again_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  jz_disclosure_page_show_again (JZ_DISCLOSURE_PAGE (widget), g_variant_get_int64 (parameter));
}

/* ---- the preview's cells -------------------------------------------------------- */

typedef char *(*CellText) (const JzDisclosureRow *row);

static char *
cell_number (const JzDisclosureRow *row)
{
  return g_strdup_printf ("%u", row->number);
}

static char *
cell_village (const JzDisclosureRow *row)
{
  return g_strdup (row->village_name);
}

static char *
cell_name (const JzDisclosureRow *row)
{
  return g_strdup (row->name);
}

static char *
cell_program (const JzDisclosureRow *row)
{
  return g_strdup (jz_labels_value (JZ_FIELD_PROGRAM, row->program));
}

static char *
cell_persons (const JzDisclosureRow *row)
{
  return g_strdup_printf ("%d", row->persons);
}

static char *
cell_amount (const JzDisclosureRow *row)
{
  return row->monthly_amount >= 0 ? jz_money_format (row->monthly_amount) : g_strdup ("—");
}

static char *
cell_id (const JzDisclosureRow *row)
{
  return g_strdup (row->id_partial != NULL ? row->id_partial : "");
}

static char *
cell_remark (const JzDisclosureRow *row)
{
  return g_strdup (row->remark != NULL ? jz_disclosure_remark_label (row->remark) : "");
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);
  gboolean end = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "jz-end"));

  gtk_label_set_xalign (GTK_LABEL (label), end ? 1.0f : 0.0f);
  if (end)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  CellText text = (CellText) user_data;
  JzDisclosureItem *item = gtk_list_item_get_item (list_item);
  g_autofree char *value = text (item->row);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)), value);
}

static GtkColumnViewColumn *
add_column (GtkColumnView *view,
            const char    *title,
            CellText       text,
            gboolean       end,
            gboolean       expand)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_object_set_data (G_OBJECT (factory), "jz-end", GINT_TO_POINTER (end));
  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), (gpointer) text);
  column = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_append_column (view, column);
  return column;
}

/* ---- building --------------------------------------------------------------------- */

static GtkWidget *
labelled (const char *label,
          GtkWidget  *widget)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *text = gtk_label_new_with_mnemonic (label);

  gtk_label_set_mnemonic_widget (GTK_LABEL (text), widget);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), widget);
  return box;
}

static GtkWidget *
button (const char *label,
        const char *action,
        const char *target)
{
  GtkWidget *b = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (b), action);
  if (target != NULL)
    gtk_actionable_set_action_target (GTK_ACTIONABLE (b), "s", target);
  return b;
}

static GtkWidget *
build_choices (JzDisclosurePage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *first = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *second = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *popover_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *popover = gtk_popover_new ();
  const char * const kinds[] = { _("Long-term list"), _("7-day notice"), NULL };
  g_autofree char *today = jz_today ();
  g_autofree char *month = g_strndup (today, 7);
  g_autofree char *week = NULL;
  GDate day;

  self->kind = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (kinds));
  g_signal_connect_object (self->kind, "notify::selected", G_CALLBACK (kind_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (first), labelled (_("_List"), GTK_WIDGET (self->kind)));

  for (guint i = 0; i < G_N_ELEMENTS (program_codes); i++)
    {
      self->programs[i] = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (jz_labels_value (JZ_FIELD_PROGRAM, program_codes[i])));
      gtk_check_button_set_active (self->programs[i], i < 2);
      gtk_box_append (GTK_BOX (popover_box), GTK_WIDGET (self->programs[i]));
    }
  gtk_popover_set_child (GTK_POPOVER (popover), popover_box);
  self->programs_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_popover (self->programs_button, popover);
  for (guint i = 0; i < G_N_ELEMENTS (program_codes); i++)
    g_signal_connect_object (self->programs[i], "toggled", G_CALLBACK (programs_changed_cb), self, G_CONNECT_SWAPPED);
  programs_changed_cb (self);
  gtk_box_append (GTK_BOX (first), labelled (_("_Programs"), GTK_WIDGET (self->programs_button)));

  self->township = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  g_signal_connect_object (self->township, "notify::selected", G_CALLBACK (township_changed_cb), self, G_CONNECT_SWAPPED);
  self->village = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_box_append (GTK_BOX (first), labelled (_("_Township"), GTK_WIDGET (self->township)));
  gtk_box_append (GTK_BOX (first), labelled (_("_Village"), GTK_WIDGET (self->village)));

  self->month = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_text (GTK_EDITABLE (self->month), month);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->month), 9);
  self->month_box = GTK_BOX (labelled (_("_Month (year-month)"), GTK_WIDGET (self->month)));
  gtk_box_append (GTK_BOX (second), GTK_WIDGET (self->month_box));

  jz_today_date (&day);
  g_date_add_days (&day, 6);
  week = jz_calendar_format_date (&day);
  self->notice_from = GTK_ENTRY (gtk_entry_new ());
  self->notice_to = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_text (GTK_EDITABLE (self->notice_from), today);
  gtk_editable_set_text (GTK_EDITABLE (self->notice_to), week);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->notice_from), 11);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->notice_to), 11);
  self->notice_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12));
  gtk_box_append (self->notice_box, labelled (_("Notice _from"), GTK_WIDGET (self->notice_from)));
  gtk_box_append (self->notice_box, labelled (_("t_o"), GTK_WIDGET (self->notice_to)));
  gtk_widget_set_visible (GTK_WIDGET (self->notice_box), FALSE);
  gtk_box_append (GTK_BOX (second), GTK_WIDGET (self->notice_box));

  self->by_village = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("_A page for each village")));
  gtk_box_append (GTK_BOX (second), GTK_WIDGET (self->by_village));

  {
    GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
    GtkWidget *show = button (_("_Show the List"), "disclosure.build", NULL);

    gtk_widget_add_css_class (show, "suggested-action");
    gtk_widget_set_hexpand (spacer, TRUE);
    gtk_box_append (GTK_BOX (second), spacer);
    gtk_box_append (GTK_BOX (second), show);
  }

  gtk_box_append (GTK_BOX (box), first);
  gtk_box_append (GTK_BOX (box), second);
  return box;
}

static GtkWidget *
build_outputs (JzDisclosurePage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *produced = gtk_menu_button_new ();

  self->records = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->records, GTK_SELECTION_NONE);
  gtk_list_box_set_placeholder (self->records, gtk_label_new (_("No list produced yet.")));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->records), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Lists produced"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->records));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 400);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_widget_set_size_request (scrolled, 420, -1);
  gtk_popover_set_child (GTK_POPOVER (popover), scrolled);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (produced), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (produced), "document-open-recent-symbolic");
  gtk_widget_set_tooltip_text (produced, _("Lists produced"));
  g_signal_connect_object (popover, "show", G_CALLBACK (fill_records), self, G_CONNECT_SWAPPED);

  gtk_box_append (GTK_BOX (box), button (_("_Print…"), "disclosure.print", NULL));
  gtk_box_append (GTK_BOX (box), button (_("P_DF…"), "disclosure.save", ".pdf"));
  gtk_box_append (GTK_BOX (box), button (_("E_xcel…"), "disclosure.save", ".xlsx"));
  gtk_box_append (GTK_BOX (box), button (_("_Web Page…"), "disclosure.save", ".html"));
  gtk_box_append (GTK_BOX (box), button (_("_Hall Screen"), "disclosure.screen", NULL));
  gtk_box_append (GTK_BOX (box), produced);
  return box;
}

static void
jz_disclosure_page_reload (JzPage *page)
{
  JzDisclosurePage *self = JZ_DISCLOSURE_PAGE (page);

  load_places (self);
  g_list_store_remove_all (self->store);
  g_clear_pointer (&self->list, jz_disclosure_list_free);
  show_list (self);
}

static void
jz_disclosure_page_dispose (GObject *object)
{
  JzDisclosurePage *self = JZ_DISCLOSURE_PAGE (object);

  if (self->store != NULL)
    g_list_store_remove_all (self->store);
  g_clear_object (&self->store);
  g_clear_pointer (&self->list, jz_disclosure_list_free);
  g_clear_pointer (&self->townships, g_ptr_array_unref);
  g_clear_pointer (&self->villages, g_ptr_array_unref);

  G_OBJECT_CLASS (jz_disclosure_page_parent_class)->dispose (object);
}

static void
jz_disclosure_page_class_init (JzDisclosurePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JzPageClass *page_class = JZ_PAGE_CLASS (klass);

  object_class->dispose = jz_disclosure_page_dispose;
  page_class->reload = jz_disclosure_page_reload;

  gtk_widget_class_install_action (widget_class, "disclosure.build", NULL, build_action);
  gtk_widget_class_install_action (widget_class, "disclosure.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "disclosure.save", "s", save_action);
  gtk_widget_class_install_action (widget_class, "disclosure.screen", NULL, screen_action);
  gtk_widget_class_install_action (widget_class, "disclosure.again", "x", again_action);
}

static void
jz_disclosure_page_init (JzDisclosurePage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *nobody = adw_status_page_new ();
  GtkColumnView *view;
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), build_choices (self));

  {
    GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
    GtkWidget *outputs = build_outputs (self);

    self->summary = GTK_LABEL (gtk_label_new (NULL));
    gtk_label_set_xalign (self->summary, 0);
    gtk_label_set_wrap (self->summary, TRUE);
    gtk_widget_add_css_class (GTK_WIDGET (self->summary), "heading");
    self->figures = GTK_LABEL (gtk_label_new (NULL));
    gtk_label_set_xalign (self->figures, 0);
    gtk_widget_add_css_class (GTK_WIDGET (self->figures), "dim-label");
    gtk_box_append (GTK_BOX (texts), GTK_WIDGET (self->summary));
    gtk_box_append (GTK_BOX (texts), GTK_WIDGET (self->figures));
    gtk_widget_set_hexpand (texts, TRUE);
    gtk_widget_set_valign (outputs, GTK_ALIGN_CENTER);
    gtk_box_append (GTK_BOX (bar), texts);
    gtk_box_append (GTK_BOX (bar), outputs);
  }
  gtk_box_append (GTK_BOX (box), bar);

  self->store = g_list_store_new (JZ_TYPE_DISCLOSURE_ITEM);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->store)));
  view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (g_steal_pointer (&selection))));
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("The list"), -1);
  add_column (view, _("No."), cell_number, TRUE, FALSE);
  add_column (view, _("Village"), cell_village, FALSE, TRUE);
  add_column (view, _("Name"), cell_name, FALSE, TRUE);
  self->id_column = add_column (view, _("Part of the ID number"), cell_id, FALSE, FALSE);
  add_column (view, _("Program"), cell_program, FALSE, TRUE);
  add_column (view, _("Persons"), cell_persons, TRUE, FALSE);
  add_column (view, _("Monthly amount"), cell_amount, TRUE, FALSE);
  self->remark_column = add_column (view, _("Remarks"), cell_remark, FALSE, FALSE);
  gtk_column_view_column_set_visible (self->id_column, FALSE);
  gtk_column_view_column_set_visible (self->remark_column, FALSE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (view));
  gtk_widget_set_vexpand (scrolled, TRUE);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "view-list-bullet-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("Lists for Notice Boards"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Choose the list, the programs, the place and the month, then show the list. It shows only the name, the family members and the amount, by village."));
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (nobody), "view-list-bullet-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (nobody), _("Nobody on This List"));
  adw_status_page_set_description (ADW_STATUS_PAGE (nobody), _("No case of these programs fits the place and the period."));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_stack_add_named (self->stack, nobody, "nobody");
  gtk_stack_add_named (self->stack, scrolled, "list");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, box);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->toasts));
  kind_changed_cb (self);
}

/**
 * jz_disclosure_page_get_list:
 *
 * Returns: (transfer none) (nullable): the list shown
 */
const JzDisclosureList *
jz_disclosure_page_get_list (JzDisclosurePage *self)
{
  g_return_val_if_fail (JZ_IS_DISCLOSURE_PAGE (self), NULL);

  return self->list;
}

/**
 * jz_disclosure_page_choose:
 * @programs: comma-separated codes
 * @township_name: (nullable): NULL for the whole district
 * @village_name: (nullable): NULL for all its villages
 *
 * Sets the choices as a clerk would, for tests and for reproducing a list.
 */
void
jz_disclosure_page_choose (JzDisclosurePage *self,
                           JzDisclosureKind  kind,
                           const char       *programs,
                           const char       *township_name,
                           const char       *village_name,
                           const char       *month)
{
  g_auto(GStrv) codes = g_strsplit (programs, ",", -1);

  g_return_if_fail (JZ_IS_DISCLOSURE_PAGE (self));

  gtk_drop_down_set_selected (self->kind, kind == JZ_DISCLOSURE_NOTICE ? 1 : 0);
  for (guint i = 0; i < G_N_ELEMENTS (program_codes); i++)
    gtk_check_button_set_active (self->programs[i], g_strv_contains ((const char * const *) codes, program_codes[i]));
  for (guint i = 0; township_name != NULL && self->townships != NULL && i < self->townships->len; i++)
    if (g_str_equal (((JzRegion *) g_ptr_array_index (self->townships, i))->name, township_name))
      gtk_drop_down_set_selected (self->township, i + 1);
  for (guint i = 0; village_name != NULL && self->villages != NULL && i < self->villages->len; i++)
    if (g_str_equal (((JzRegion *) g_ptr_array_index (self->villages, i))->name, village_name))
      gtk_drop_down_set_selected (self->village, i + 1);
  if (month != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->month), month);
}
