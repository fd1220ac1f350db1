/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-case.h"
#include "jz-case-view.h"
#include "jz-cases-page.h"
#include "jz-form.h"
#include "jz-household-archive.h"
#include "jz-household-columns.h"
#include "jz-household-events.h"
#include "jz-household-model.h"
#include "jz-household-view.h"
#include "jz-region.h"
#include "jz-xlsx-export.h"

/* The case files: every household of the district in one list that pages
 * from SQLite, searched, filtered and sorted in SQL; a row opens the
 * household's file. */
struct _JzCasesPage
{
  JzPage               parent_instance;

  /* Template widgets */
  GtkStack            *stack;
  GtkSearchEntry      *search_entry;
  GtkLabel            *count_label;
  GtkDropDown         *township_dropdown;
  GtkDropDown         *village_dropdown;
  GtkDropDown         *program_dropdown;
  GtkDropDown         *status_dropdown;
  GtkDropDown         *hukou_dropdown;
  GtkStack            *results_stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *head_column;
  GtkColumnViewColumn *id_column;
  GtkColumnViewColumn *village_column;
  GtkColumnViewColumn *township_column;
  GtkColumnViewColumn *members_column;
  GtkColumnViewColumn *programs_column;
  GtkColumnViewColumn *status_column;
  GtkColumnViewColumn *amount_column;
  AdwStatusPage       *empty_page;
  JzHouseholdView     *household_view;
  JzCaseView          *case_view;
  GtkRevealer         *export_revealer;
  GtkLabel            *export_label;
  GtkProgressBar      *export_progress;

  /* The export running, or NULL */
  GCancellable        *export_cancellable;
  GtkFileChooserNative *export_chooser;

  /* Owned references */
  JzHouseholdModel    *model;
  GtkSingleSelection  *selection;
  GPtrArray           *townships;  /* JzRegion */
  gint64               scope;      /* a clerk's own township, the only one shown; 0: all */
  GPtrArray           *villages;   /* JzRegion, of the chosen township */

  /* Borrowed: the overlay owns it until it is dismissed */
  AdwToast            *archive_toast;

  /* The filters are being reset; one query follows. */
  guint                resetting : 1;
};

G_DEFINE_FINAL_TYPE (JzCasesPage, jz_cases_page, JZ_TYPE_PAGE)

/* --- the query ---------------------------------------------------------------- */

static gint64
selected_region (GtkDropDown *dropdown,
                 GPtrArray   *regions)
{
  guint position = gtk_drop_down_get_selected (dropdown);

  /* The first item is "all". */
  if (regions == NULL || position == 0 || position == GTK_INVALID_LIST_POSITION || position > regions->len)
    return 0;

  return ((JzRegion *) g_ptr_array_index (regions, position - 1))->id;
}

/* A township clerk sees and changes only the files of their township. */
static gint64
user_scope (JzCasesPage *self)
{
  const JzUser *user = jz_page_get_user (JZ_PAGE (self));

  return user != NULL && user->role == JZ_ROLE_CLERK ? MAX (user->region_id, 1) : 0;
}

static JzHouseholdQuery *
build_query (JzCasesPage *self)
{
  JzHouseholdQuery *query = jz_household_query_new ();

  g_assert (JZ_IS_CASES_PAGE (self));

  query->search = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  query->township_id = self->scope != 0 ? self->scope
                                        : selected_region (self->township_dropdown, self->townships);
  query->village_id = selected_region (self->village_dropdown, self->villages);
  /* The first item of each dropdown is "all". */
  query->program = g_strdup (jz_choice_code_at (JZ_CHOICE_PROGRAM, TRUE, gtk_drop_down_get_selected (self->program_dropdown)));
  query->case_status = g_strdup (jz_choice_code_at (JZ_CHOICE_CASE_SUMMARY, TRUE,
                                                    gtk_drop_down_get_selected (self->status_dropdown)));
  query->hukou = g_strdup (jz_choice_code_at (JZ_CHOICE_HUKOU, TRUE, gtk_drop_down_get_selected (self->hukou_dropdown)));
  if (!jz_household_columns_get_sort (self->column_view, &query->sort, &query->descending))
    {
      query->sort = JZ_HOUSEHOLD_SORT_HEAD_NAME;
      query->descending = FALSE;
    }

  return query;
}

static void
update_count (JzCasesPage *self)
{
  guint n = self->model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
  g_autofree char *number = jz_household_columns_group_digits (n);
  g_autofree char *text = NULL;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_assert (JZ_IS_CASES_PAGE (self));

  /* TRANSLATORS: the number of households the list shows, 12,345 */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s household", "%s households", n), number);
  gtk_label_set_label (self->count_label, text);

  gtk_stack_set_visible_child_name (self->results_stack, n > 0 ? "results" : "empty");
  if (n > 0)
    return;

  if (jz_household_search_classify (search, NULL) == JZ_HOUSEHOLD_SEARCH_TOO_SHORT)
    {
      adw_status_page_set_title (self->empty_page, _("Keep Typing"));
      adw_status_page_set_description (self->empty_page,
                                       _("An ID number is found by its last four digits or more."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Households Found"));
      adw_status_page_set_description (self->empty_page,
                                       _("Check the spelling of the name or the digits of the ID number, or clear the filters."));
    }
}

static void
apply_query (JzCasesPage *self)
{
  g_autoptr(JzHouseholdQuery) query = NULL;

  g_assert (JZ_IS_CASES_PAGE (self));

  if (self->model == NULL || self->resetting)
    return;

  query = build_query (self);
  if (!jz_household_query_equal (query, jz_household_model_get_query (self->model)))
    jz_household_model_set_query (self->model, query);
  update_count (self);
}

/* --- regions ------------------------------------------------------------------- */

static GtkStringList *
region_list_new (const char *all,
                 GPtrArray  *regions)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, all);
  for (guint i = 0; regions != NULL && i < regions->len; i++)
    gtk_string_list_append (list, ((JzRegion *) g_ptr_array_index (regions, i))->name);

  return list;
}

static void
load_villages (JzCasesPage *self)
{
  JzDb *db = jz_page_get_db (JZ_PAGE (self));
  gint64 township = selected_region (self->township_dropdown, self->townships);
  g_autoptr(GtkStringList) names = NULL;

  g_assert (JZ_IS_CASES_PAGE (self));

  g_clear_pointer (&self->villages, g_ptr_array_unref);
  if (db != NULL && township != 0)
    self->villages = jz_region_list_children (db, township, NULL);

  names = region_list_new (_("All villages"), self->villages);
  gtk_drop_down_set_model (self->village_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->village_dropdown, 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->village_dropdown), township != 0);
}

static void
load_townships (JzCasesPage *self)
{
  JzDb *db = jz_page_get_db (JZ_PAGE (self));
  g_autoptr(GPtrArray) districts = NULL;
  g_autoptr(GtkStringList) names = NULL;

  g_assert (JZ_IS_CASES_PAGE (self));

  g_clear_pointer (&self->townships, g_ptr_array_unref);
  self->townships = g_ptr_array_new_with_free_func ((GDestroyNotify) jz_region_free);
  if (db != NULL)
    districts = jz_region_list_children (db, 0, NULL);

  for (guint i = 0; districts != NULL && i < districts->len; i++)
    {
      JzRegion *district = g_ptr_array_index (districts, i);
      g_autoptr(GPtrArray) children = jz_region_list_children (db, district->id, NULL);

      for (guint j = 0; children != NULL && j < children->len; j++)
        g_ptr_array_add (self->townships, g_steal_pointer (&g_ptr_array_index (children, j)));
    }

  self->scope = user_scope (self);
  if (self->scope != 0)
    for (guint i = self->townships->len; i-- > 0;)
      if (((JzRegion *) g_ptr_array_index (self->townships, i))->id != self->scope)
        g_ptr_array_remove_index (self->townships, i);

  names = region_list_new (_("All townships"), self->townships);
  gtk_drop_down_set_model (self->township_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->township_dropdown, self->scope != 0 && self->townships->len > 0 ? 1 : 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->township_dropdown), self->scope == 0);
  load_villages (self);
}

/* --- callbacks ------------------------------------------------------------------ */

static void
search_changed_cb (JzCasesPage *self)
{
  apply_query (self);
}

static void
filter_changed_cb (JzCasesPage *self,
                   GParamSpec  *pspec,
                   GtkDropDown *dropdown)
{
  g_assert (JZ_IS_CASES_PAGE (self));

  if (dropdown == self->township_dropdown && !self->resetting)
    {
      /* One query for the township, not one more for its villages. */
      self->resetting = TRUE;
      load_villages (self);
      self->resetting = FALSE;
    }

  apply_query (self);
}

static void
sorter_changed_cb (JzCasesPage *self)
{
  apply_query (self);
}

static void
items_changed_cb (JzCasesPage *self)
{
  update_count (self);
}

static void
open_household (JzCasesPage *self,
                gint64       household_id)
{
  g_assert (JZ_IS_CASES_PAGE (self));

  if (household_id <= 0)
    return;

  jz_household_view_set_household_id (self->household_view, household_id);
  gtk_stack_set_visible_child_name (self->stack, "household");
}

static void
row_activated_cb (JzCasesPage   *self,
                  guint          position)
{
  g_autoptr(JzHouseholdRow) row = NULL;

  g_assert (JZ_IS_CASES_PAGE (self));

  row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  if (row != NULL)
    open_household (self, jz_household_row_get_id (row));
}

static void
show_list (JzCasesPage *self)
{
  g_assert (JZ_IS_CASES_PAGE (self));

  gtk_stack_set_visible_child_name (self->stack, "list");
  jz_case_view_set_case_id (self->case_view, 0);
  /* Forgets a revealed account number: it is shown until the file is left. */
  jz_household_view_set_household_id (self->household_view, 0);
  if (self->model != NULL)
    jz_household_model_refresh (self->model);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
household_back_cb (JzCasesPage *self)
{
  show_list (self);
}

/* A case opens over its household's file, which Back returns to. */
static void
open_case (JzCasesPage *self,
           gint64       case_id)
{
  JzDb *db = jz_page_get_db (JZ_PAGE (self));
  g_autoptr(JzCase) item = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (JZ_IS_CASES_PAGE (self));

  if (db == NULL || case_id <= 0)
    return;

  item = jz_case_get (db, case_id, &error);
  if (item == NULL)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      if (GTK_IS_WINDOW (root))
        jz_form_show_save_error (GTK_WINDOW (root), error, NULL, NULL);
      return;
    }

  if (jz_household_view_get_household_id (self->household_view) != item->household_id)
    jz_household_view_set_household_id (self->household_view, item->household_id);
  jz_case_view_set_case_id (self->case_view, case_id);
  gtk_stack_set_visible_child_name (self->stack, "case");
}

static void
case_back_cb (JzCasesPage *self)
{
  g_assert (JZ_IS_CASES_PAGE (self));

  gtk_stack_set_visible_child_name (self->stack, "household");
  jz_case_view_set_case_id (self->case_view, 0);
  jz_household_view_refresh (self->household_view);
}

static void
archive_toast_dismissed_cb (JzCasesPage *self,
                            AdwToast    *toast)
{
  if (self->archive_toast == toast)
    self->archive_toast = NULL;
}

static void
household_archived_cb (JzCasesPage *self,
                       gint64       household_id)
{
  AdwToast *toast;

  g_assert (JZ_IS_CASES_PAGE (self));

  show_list (self);

  if (self->archive_toast != NULL)
    adw_toast_dismiss (self->archive_toast);

  toast = adw_toast_new (_("Household archived"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "cases.undo-archive");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (household_id));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  /* The overlay is the page's child: a bound template child there would be
   * released twice, by the template and by AdwBin. */
  self->archive_toast = toast;
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (archive_toast_dismissed_cb), self, G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (adw_bin_get_child (ADW_BIN (self))), toast);
}

/* --- export ------------------------------------------------------------------- */

/* Shared by the progress reports and the result of one export, so that a
 * late report of a cancelled export never moves the bar of the next one. */
typedef struct
{
  JzCasesPage  *self;
  GCancellable *cancellable;
} ExportRun;

static void
export_run_clear (ExportRun *run)
{
  g_clear_object (&run->self);
  g_clear_object (&run->cancellable);
}

static void
export_run_release (gpointer data)
{
  g_rc_box_release_full (data, (GDestroyNotify) export_run_clear);
}

static void
export_progress_cb (guint64  done,
                    guint64  total,
                    gpointer user_data)
{
  ExportRun *run = user_data;
  JzCasesPage *self = run->self;
  g_autofree char *done_text = jz_household_columns_group_digits (done);
  g_autofree char *total_text = jz_household_columns_group_digits (total);
  g_autofree char *text = NULL;

  if (self->export_cancellable != run->cancellable || g_cancellable_is_cancelled (run->cancellable))
    return;

  gtk_progress_bar_set_fraction (self->export_progress, total > 0 ? (double) done / (double) total : 0.0);
  /* TRANSLATORS: households written to the spreadsheet so far, "1,200 of 5,000" */
  text = g_strdup_printf (_("%s of %s"), done_text, total_text);
  gtk_progress_bar_set_text (self->export_progress, text);
}

static void
export_finished_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  ExportRun *run = user_data;
  JzCasesPage *self = run->self;
  JzDb *db = JZ_DB (source);
  g_autoptr(GError) error = NULL;
  guint64 n_rows = 0;
  GtkRoot *root;

  if (!jz_xlsx_export_households_finish (db, result, &n_rows, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_clear_error (&error);
  else if (error == NULL)
    {
      g_autofree char *number = jz_household_columns_group_digits (n_rows);
      g_autofree char *text = NULL;
      GtkWidget *overlay = adw_bin_get_child (ADW_BIN (self));

      /* TRANSLATORS: after the export, the number of spreadsheet rows written, 12,345 */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %s row", "Exported %s rows",
                                           (gulong) MIN (n_rows, G_MAXULONG)), number);
      if (ADW_IS_TOAST_OVERLAY (overlay))
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
    }

  if (self->export_cancellable == run->cancellable)
    {
      g_clear_object (&self->export_cancellable);
      gtk_revealer_set_reveal_child (self->export_revealer, FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "cases.export", TRUE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "cases.cancel-export", FALSE);
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (error != NULL && GTK_IS_WINDOW (root))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (root), _("Could Not Export"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }

  export_run_release (run);
}

/**
 * jz_cases_page_export_to:
 * @file: the .xlsx file to write
 *
 * Writes the households of the list as it is filtered and searched now to
 * @file, in the background, with a progress bar on the page; nothing
 * happens while another export runs.
 */
void
jz_cases_page_export_to (JzCasesPage *self,
                         GFile       *file)
{
  JzDb *db;
  g_autofree char *path = NULL;
  ExportRun *run;

  g_return_if_fail (JZ_IS_CASES_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  db = jz_page_get_db (JZ_PAGE (self));
  path = g_file_get_path (file);
  if (db == NULL || self->model == NULL || path == NULL || self->export_cancellable != NULL)
    return;

  self->export_cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->export_progress, 0.0);
  gtk_progress_bar_set_text (self->export_progress, NULL);
  gtk_label_set_label (self->export_label, _("Exporting to Excel…"));
  gtk_revealer_set_reveal_child (self->export_revealer, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cases.export", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cases.cancel-export", TRUE);

  run = g_rc_box_new0 (ExportRun);
  run->self = g_object_ref (self);
  run->cancellable = g_object_ref (self->export_cancellable);
  jz_xlsx_export_households_async (db, jz_household_model_get_query (self->model), path,
                                   export_progress_cb, g_rc_box_acquire (run), export_run_release,
                                   self->export_cancellable, export_finished_cb, run);
}

static void
export_chooser_response_cb (JzCasesPage          *self,
                            int                   response,
                            GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  g_assert (JZ_IS_CASES_PAGE (self));

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (self->export_chooser == chooser)
    g_clear_object (&self->export_chooser);
  if (file != NULL)
    jz_cases_page_export_to (self, file);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JzCasesPage *self = (JzCasesPage *) widget;
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->export_chooser != NULL || self->export_cancellable != NULL)
    return;

  self->export_chooser = gtk_file_chooser_native_new (_("Export to Excel"),
                                                      GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                      GTK_FILE_CHOOSER_ACTION_SAVE,
                                                      _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->export_chooser), TRUE);
  /* TRANSLATORS: the file name offered for the exported list; keep .xlsx */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->export_chooser), _("households.xlsx"));
  gtk_file_filter_set_name (filter, _("Excel workbooks"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_filter_add_mime_type (filter, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->export_chooser), filter);
  g_signal_connect_object (self->export_chooser, "response", G_CALLBACK (export_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->export_chooser));
}

static void
cancel_export_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  JzCasesPage *self = (JzCasesPage *) widget;

  if (self->export_cancellable == NULL)
    return;

  /* The bar goes when the thread has removed its file. */
  gtk_label_set_label (self->export_label, _("Cancelling the export…"));
  gtk_widget_action_set_enabled (widget, "cases.cancel-export", FALSE);
  g_cancellable_cancel (self->export_cancellable);
}

/* --- actions ------------------------------------------------------------------ */

static void
open_household_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  open_household (JZ_CASES_PAGE (widget), g_variant_get_int64 (parameter));
}

static void
open_case_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  open_case (JZ_CASES_PAGE (widget), g_variant_get_int64 (parameter));
}

static void
undo_archive_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  JzCasesPage *self = (JzCasesPage *) widget;
  JzDb *db = jz_page_get_db (JZ_PAGE (self));
  g_autoptr(GError) error = NULL;

  if (db == NULL)
    return;

  /* Undone from elsewhere than the toast's button, the toast goes too. */
  if (self->archive_toast != NULL)
    adw_toast_dismiss (self->archive_toast);

  if (!jz_household_unarchive (db, g_variant_get_int64 (parameter), &error))
    {
      GtkRoot *root = gtk_widget_get_root (widget);

      if (GTK_IS_WINDOW (root))
        jz_form_show_save_error (GTK_WINDOW (root), error, NULL, NULL);
    }

  if (self->model != NULL)
    jz_household_model_refresh (self->model);
  if (jz_household_view_get_household_id (self->household_view) == g_variant_get_int64 (parameter))
    jz_household_view_refresh (self->household_view);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JzCasesPage *self = (JzCasesPage *) widget;

  /* From any panel: the search finds a person wherever the clerk is. */
  gtk_widget_activate_action (widget, "win.show-panel", "s", "cases");
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "list") != 0)
    show_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/* --- JzPage --------------------------------------------------------------------- */

static void
reset (JzCasesPage *self,
       JzDb        *db)
{
  g_autoptr(JzHouseholdQuery) query = NULL;

  g_assert (JZ_IS_CASES_PAGE (self));

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  g_clear_object (&self->model);

  self->resetting = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  load_townships (self);
  gtk_drop_down_set_selected (self->program_dropdown, 0);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->hukou_dropdown, 0);
  self->resetting = FALSE;

  jz_household_view_set_db (self->household_view, db);
  jz_case_view_set_db (self->case_view, db);
  gtk_stack_set_visible_child_name (self->stack, "list");

  if (db != NULL)
    {
      query = build_query (self);
      self->model = jz_household_model_new (db, query);
      g_signal_connect_object (self->model, "items-changed", G_CALLBACK (items_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->model));
  update_count (self);
}

static void
jz_cases_page_reload (JzPage *page)
{
  JzCasesPage *self = (JzCasesPage *) page;
  JzDb *db = jz_page_get_db (page);

  g_assert (JZ_IS_CASES_PAGE (self));

  if (self->model == NULL || jz_household_model_get_db (self->model) != db ||
      self->scope != user_scope (self))
    {
      reset (self, db);
      return;
    }

  jz_household_model_refresh (self->model);
  if (jz_household_view_get_household_id (self->household_view) != 0)
    jz_household_view_refresh (self->household_view);
  if (jz_case_view_get_case_id (self->case_view) != 0)
    jz_case_view_refresh (self->case_view);
}

static void
jz_cases_page_dispose (GObject *object)
{
  JzCasesPage *self = (JzCasesPage *) object;

  /* Without a model, taking the columns away does not query again. */
  if (self->selection != NULL)
    gtk_single_selection_set_model (self->selection, NULL);
  g_clear_object (&self->model);
  /* The run holds the page until the thread is done; its widgets go now. */
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
  if (self->export_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->export_chooser));
  g_clear_object (&self->export_chooser);

  gtk_widget_dispose_template (GTK_WIDGET (object), JZ_TYPE_CASES_PAGE);

  g_clear_object (&self->selection);
  g_clear_pointer (&self->townships, g_ptr_array_unref);
  g_clear_pointer (&self->villages, g_ptr_array_unref);

  G_OBJECT_CLASS (jz_cases_page_parent_class)->dispose (object);
}

static void
jz_cases_page_class_init (JzCasesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JzPageClass *page_class = JZ_PAGE_CLASS (klass);

  object_class->dispose = jz_cases_page_dispose;

  page_class->reload = jz_cases_page_reload;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jiuzhu/Jiuzhu/jz-cases-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JzCasesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, JzCasesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, JzCasesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, JzCasesPage, township_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JzCasesPage, village_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JzCasesPage, program_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JzCasesPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JzCasesPage, hukou_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JzCasesPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, JzCasesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, JzCasesPage, head_column);
  gtk_widget_class_bind_template_child (widget_class, JzCasesPage, id_column);
  gtk_widget_class_bind_template_child (widget_class, JzCasesPage, village_column);
  gtk_widget_class_bind_template_child (widget_class, JzCasesPage, township_column);
  gtk_widget_class_bind_template_child (widget_class, JzCasesPage, members_column);
  gtk_widget_class_bind_template_child (widget_class, JzCasesPage, programs_column);
  gtk_widget_class_bind_template_child (widget_class, JzCasesPage, status_column);
  gtk_widget_class_bind_template_child (widget_class, JzCasesPage, amount_column);
  gtk_widget_class_bind_template_child (widget_class, JzCasesPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, JzCasesPage, household_view);
  gtk_widget_class_bind_template_child (widget_class, JzCasesPage, case_view);
  gtk_widget_class_bind_template_child (widget_class, JzCasesPage, export_revealer);
  gtk_widget_class_bind_template_child (widget_class, JzCasesPage, export_label);
  gtk_widget_class_bind_template_child (widget_class, JzCasesPage, export_progress);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, household_back_cb);
  gtk_widget_class_bind_template_callback (widget_class, household_archived_cb);
  gtk_widget_class_bind_template_callback (widget_class, case_back_cb);

  gtk_widget_class_install_action (widget_class, "cases.open-household", "x", open_household_action);
  gtk_widget_class_install_action (widget_class, "cases.open-case", "x", open_case_action);
  gtk_widget_class_install_action (widget_class, "cases.undo-archive", "x", undo_archive_action);
  gtk_widget_class_install_action (widget_class, "cases.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "cases.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "cases.cancel-export", NULL, cancel_export_action);

  g_type_ensure (JZ_TYPE_HOUSEHOLD_VIEW);
  g_type_ensure (JZ_TYPE_CASE_VIEW);
}

static void
setup_filters (JzCasesPage *self)
{
  g_autoptr(GListModel) programs = jz_choice_model_new (JZ_CHOICE_PROGRAM, _("All programs"));
  g_autoptr(GListModel) statuses = jz_choice_model_new (JZ_CHOICE_CASE_SUMMARY, _("Any case status"));
  g_autoptr(GListModel) hukous = jz_choice_model_new (JZ_CHOICE_HUKOU, _("Urban and rural"));

  gtk_drop_down_set_model (self->program_dropdown, programs);
  gtk_drop_down_set_model (self->status_dropdown, statuses);
  gtk_drop_down_set_model (self->hukou_dropdown, hukous);
}

static void
setup_columns (JzCasesPage *self)
{
  jz_household_columns_setup (self->head_column, JZ_HOUSEHOLD_COLUMN_HEAD);
  jz_household_columns_setup (self->id_column, JZ_HOUSEHOLD_COLUMN_ID_NUMBER);
  jz_household_columns_setup (self->village_column, JZ_HOUSEHOLD_COLUMN_VILLAGE);
  jz_household_columns_setup (self->township_column, JZ_HOUSEHOLD_COLUMN_TOWNSHIP);
  jz_household_columns_setup (self->members_column, JZ_HOUSEHOLD_COLUMN_MEMBERS);
  jz_household_columns_setup (self->programs_column, JZ_HOUSEHOLD_COLUMN_PROGRAMS);
  jz_household_columns_setup (self->status_column, JZ_HOUSEHOLD_COLUMN_STATUS);
  jz_household_columns_setup (self->amount_column, JZ_HOUSEHOLD_COLUMN_AMOUNT);

  gtk_column_view_sort_by_column (self->column_view, self->head_column, GTK_SORT_ASCENDING);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
jz_cases_page_init (JzCasesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cases.cancel-export", FALSE);
  setup_filters (self);
  setup_columns (self);
  load_townships (self);
  update_count (self);
}

/**
 * jz_cases_page_get_model:
 *
 * Returns: (transfer none) (nullable): the list of households shown, a
 *   #JzHouseholdModel
 */
GListModel *
jz_cases_page_get_model (JzCasesPage *self)
{
  g_return_val_if_fail (JZ_IS_CASES_PAGE (self), NULL);

  return G_LIST_MODEL (self->model);
}
