/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jz-document.h"

G_BEGIN_DECLS

/* Printing a report document from the window: the print dialog (with its
 * preview) drawing through the report module's renderer, and asking for
 * the PDF file a document is saved to.  Notices use it, and the
 * disclosure lists and agreements after them. */

typedef void (*JzPrintFileFunc) (GFile    *file,
                                 gpointer  user_data);

GtkPrintOperation *jz_print_operation_new (JzDocument      *document,
                                           const char      *job_name);
void               jz_print_document      (GtkWindow       *parent,
                                           JzDocument      *document,
                                           const char      *job_name);
void               jz_print_choose_pdf    (GtkWindow       *parent,
                                           const char      *title,
                                           const char      *suggested_name,
                                           JzPrintFileFunc  func,
                                           gpointer         user_data,
                                           GDestroyNotify   destroy);

G_END_DECLS
