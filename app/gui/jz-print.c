/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "jz-print.h"

/* The settings of the last print dialog, so that the clerk's printer and
 * copies are offered again within the session. */
static GtkPrintSettings *last_settings;

static GQuark
render_error_quark (void)
{
  return g_quark_from_static_string ("jz-print-render-error");
}

/* The paper the document was laid out on: A4 when it is, otherwise a
 * custom size, so that the printout is not scaled. */
static GtkPageSetup *
page_setup_new (JzDocument *document)
{
  g_autoptr(GtkPaperSize) paper = NULL;
  GtkPageSetup *setup = gtk_page_setup_new ();
  double width = 0, height = 0;
  double short_side, long_side;

  jz_document_get_page_size (document, &width, &height);
  short_side = MIN (width, height);
  long_side = MAX (width, height);

  if (fabs (short_side - JZ_DOCUMENT_A4_WIDTH) < 1.0 && fabs (long_side - JZ_DOCUMENT_A4_HEIGHT) < 1.0)
    paper = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  else
    /* TRANSLATORS: the name of a paper size in the print dialog */
    paper = gtk_paper_size_new_custom ("jiuzhu-document", _("Document size"), short_side, long_side,
                                       GTK_UNIT_POINTS);

  gtk_page_setup_set_paper_size (setup, paper);
  gtk_page_setup_set_orientation (setup, width > height ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                        : GTK_PAGE_ORIENTATION_PORTRAIT);
  return setup;
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              JzDocument        *document)
{
  g_autoptr(GError) error = NULL;
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  if (page_nr < 0 || jz_document_render_page (document, cr, (guint) page_nr, &error))
    return;

  /* The first failure is the one worth telling. */
  if (g_object_get_qdata (G_OBJECT (operation), render_error_quark ()) == NULL)
    g_object_set_qdata_full (G_OBJECT (operation), render_error_quark (),
                             g_steal_pointer (&error), (GDestroyNotify) g_error_free);
  gtk_print_operation_cancel (operation);
}

/**
 * jz_print_operation_new:
 * @job_name: (nullable): what the printer queue shows
 *
 * A print operation over @document's pages: points as the unit and the
 * full page, as the renderer draws each page from its top left corner.
 * Run it to print, preview or export.
 *
 * Returns: (transfer full): the operation
 */
GtkPrintOperation *
jz_print_operation_new (JzDocument *document,
                        const char *job_name)
{
  g_autoptr(GtkPageSetup) setup = NULL;
  GtkPrintOperation *operation;
  guint n_pages;

  g_return_val_if_fail (JZ_IS_DOCUMENT (document), NULL);

  n_pages = jz_document_get_n_pages (document);
  setup = page_setup_new (document);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_n_pages (operation, (int) MAX (n_pages, 1));
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  if (job_name != NULL)
    gtk_print_operation_set_job_name (operation, job_name);
  if (last_settings != NULL)
    gtk_print_operation_set_print_settings (operation, last_settings);

  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_page_cb),
                         g_object_ref (document), (GClosureNotify) (void (*) (void)) g_object_unref, 0);

  return operation;
}

static void
show_error (GtkWindow    *parent,
            const GError *error)
{
  GtkWidget *dialog;

  if (parent == NULL)
    return;

  dialog = adw_message_dialog_new (parent, _("Could Not Print"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The window the dialog belongs to, weakly: the job may outlive it. */
typedef struct
{
  GtkWindow *parent;
} PrintRun;

static void
print_run_free (gpointer data,
                GClosure *closure)
{
  PrintRun *run = data;

  if (run->parent != NULL)
    g_object_remove_weak_pointer (G_OBJECT (run->parent), (gpointer *) &run->parent);
  g_free (run);
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         PrintRun                *run)
{
  g_autoptr(GError) error = NULL;
  const GError *render_error = g_object_get_qdata (G_OBJECT (operation), render_error_quark ());

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&last_settings, gtk_print_operation_get_print_settings (operation));

  if (render_error != NULL)
    show_error (run->parent, render_error);
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        show_error (run->parent, error);
    }

  g_object_unref (operation);
}

/**
 * jz_print_document:
 * @parent: the window the print dialog belongs to
 *
 * Opens the print dialog for @document; its Preview shows the pages as
 * they will print.  Returns at once: the dialog runs on its own, and a
 * failure is told in a message dialog on @parent.
 */
void
jz_print_document (GtkWindow  *parent,
                   JzDocument *document,
                   const char *job_name)
{
  GtkPrintOperation *operation;
  PrintRun *run;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (JZ_IS_DOCUMENT (document));

  operation = jz_print_operation_new (document, job_name);
  gtk_print_operation_set_allow_async (operation, TRUE);
  run = g_new0 (PrintRun, 1);
  run->parent = parent;
  if (parent != NULL)
    g_object_add_weak_pointer (G_OBJECT (parent), (gpointer *) &run->parent);
  /* done_cb drops the reference, when the dialog and the job are over. */
  g_signal_connect_data (operation, "done", G_CALLBACK (done_cb), run, print_run_free, 0);

  /* Every outcome, a failure too, ends in ::done, which tells it. */
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, NULL);
}

/* --- the PDF file ------------------------------------------------------------ */

typedef struct
{
  JzPrintFileFunc  func;
  gpointer         user_data;
  GDestroyNotify   destroy;
} Choice;

static void
chooser_response_cb (GtkFileChooserNative *chooser,
                     int                   response,
                     Choice               *choice)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    choice->func (file, choice->user_data);

  if (choice->destroy != NULL)
    choice->destroy (choice->user_data);
  g_free (choice);
  g_object_unref (chooser);
}

/**
 * jz_print_choose_pdf:
 * @title: the chooser's title, "Save Notice as PDF"
 * @suggested_name: the file name offered, ending in .pdf
 * @func: called with the file chosen, not at all when cancelled
 * @destroy: (nullable): frees @user_data once the chooser is answered
 *
 * Asks where to save a PDF; the caller writes it, so that what is written
 * is read from the database when the clerk has chosen, not before.
 */
void
jz_print_choose_pdf (GtkWindow       *parent,
                     const char      *title,
                     const char      *suggested_name,
                     JzPrintFileFunc  func,
                     gpointer         user_data,
                     GDestroyNotify   destroy)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;
  Choice *choice;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (func != NULL);

  chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  choice = g_new0 (Choice, 1);
  choice->func = func;
  choice->user_data = user_data;
  choice->destroy = destroy;
  /* The chooser holds itself until answered: chooser_response_cb lets go. */
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
