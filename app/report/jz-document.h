/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib-object.h>

G_BEGIN_DECLS

/* A paginated document built in code: the one renderer behind every
 * printout (notices, disclosure lists, agreements).  Blocks are added top
 * to bottom; the document lays them out with Pango in two passes, so the
 * footer knows the page count, and draws any page into any cairo_t: a PDF
 * or PNG surface here, a GtkPrintContext's context in the window.
 *
 * All lengths are in points (1/72 inch).  A page is drawn with its top
 * left corner at the origin of the cairo_t's current transformation, so a
 * print operation must use GTK_UNIT_POINTS and the full page.  Money never
 * reaches this module as a number: amounts arrive as text from jz_money. */

#define JZ_DOCUMENT_ERROR (jz_document_error_quark ())

typedef enum
{
  JZ_DOCUMENT_ERROR_FAILED,
  JZ_DOCUMENT_ERROR_WRITE,      /* the file could not be written */
  JZ_DOCUMENT_ERROR_NO_PAGE,    /* a page number past the last page */
} JzDocumentError;

/* ISO 216 A4, in points. */
#define JZ_DOCUMENT_A4_WIDTH  595.276
#define JZ_DOCUMENT_A4_HEIGHT 841.890
/* Millimetres to points. */
#define JZ_DOCUMENT_MM(mm) ((mm) * 72.0 / 25.4)

typedef enum
{
  JZ_ORIENTATION_PORTRAIT,
  JZ_ORIENTATION_LANDSCAPE,
} JzOrientation;

typedef enum
{
  JZ_ALIGN_START,
  JZ_ALIGN_CENTER,
  JZ_ALIGN_END,
} JzAlign;

typedef enum
{
  JZ_PARAGRAPH_DEFAULT   = 0,       /* body text, first line indented by two characters */
  JZ_PARAGRAPH_NO_INDENT = 1 << 0,  /* a salutation, a line of a form */
  JZ_PARAGRAPH_CENTER    = 1 << 1,
  JZ_PARAGRAPH_END       = 1 << 2,  /* aligned right in a left-to-right language */
  JZ_PARAGRAPH_BOLD      = 1 << 3,
  JZ_PARAGRAPH_SMALL     = 1 << 4,  /* notes and remarks, the size of table text */
} JzParagraphFlags;

typedef enum
{
  JZ_ROW_DEFAULT = 0,
  JZ_ROW_BOLD    = 1 << 0,          /* a total or subtotal */
} JzRowFlags;

/* A data table of the document: columns first, then rows.  Owned by the
 * document; the handle stays valid as long as the document. */
typedef struct _JzDocumentTable JzDocumentTable;

#define JZ_TYPE_DOCUMENT (jz_document_get_type ())
G_DECLARE_FINAL_TYPE (JzDocument, jz_document, JZ, DOCUMENT, GObject)

GQuark           jz_document_error_quark        (void);

JzDocument      *jz_document_new                (void);

/* Page setup; the defaults are A4 portrait, 25 mm margins at the top and
 * bottom, 20 mm at the sides, "Noto Sans CJK SC" 12 pt for text and
 * "Noto Serif CJK SC" for titles. */
void             jz_document_set_page_size      (JzDocument       *self,
                                                 double            width,
                                                 double            height);
void             jz_document_set_orientation    (JzDocument       *self,
                                                 JzOrientation     orientation);
void             jz_document_set_margins        (JzDocument       *self,
                                                 double            top,
                                                 double            right,
                                                 double            bottom,
                                                 double            left);
void             jz_document_set_font_family    (JzDocument       *self,
                                                 const char       *family);
void             jz_document_set_title_font_family (JzDocument    *self,
                                                    const char    *family);
void             jz_document_set_font_size      (JzDocument       *self,
                                                 double            size);
/* Metadata of the PDF file. */
void             jz_document_set_title          (JzDocument       *self,
                                                 const char       *title);
/* Text in the top margin of every page (NULL for none), and in the bottom
 * margin on either side of "Page N of M": typically the issuing office and
 * the complaint phone on the left, the date on the right. */
void             jz_document_set_header         (JzDocument       *self,
                                                 const char       *start,
                                                 const char       *end);
void             jz_document_set_footer         (JzDocument       *self,
                                                 const char       *start,
                                                 const char       *end);

void             jz_document_get_page_size      (JzDocument       *self,
                                                 double           *width,
                                                 double           *height);

/* Blocks, in reading order. */
void             jz_document_add_title          (JzDocument       *self,
                                                 const char       *title,
                                                 const char       *subtitle);
void             jz_document_add_paragraph      (JzDocument       *self,
                                                 const char       *text,
                                                 JzParagraphFlags  flags);
/* Heading of a group of rows (a village); with @page_break the group
 * starts on a new page.  A heading is never left alone at the foot of a
 * page. */
void             jz_document_add_heading        (JzDocument       *self,
                                                 const char       *text,
                                                 gboolean          page_break);
void             jz_document_add_spacer         (JzDocument       *self,
                                                 double            height);
void             jz_document_add_page_break     (JzDocument       *self);
/* A ruled form of keys and values, @pairs_per_row pairs (1 or 2) on a
 * line; @pairs is key, value, key, value, …, NULL.  A value left alone at
 * the end of the last line spans the rest of it. */
void             jz_document_add_key_values     (JzDocument       *self,
                                                 guint             pairs_per_row,
                                                 const char * const *pairs);
JzDocumentTable *jz_document_add_table          (JzDocument       *self);
/* The issuing office and date at the bottom right, with the dashed
 * outline of where the seal goes over them (the seal itself is stamped on
 * paper), and optional signature lines (e.g. "Reviewer") on the left. */
void             jz_document_add_signature      (JzDocument       *self,
                                                 const char       *office,
                                                 const char       *date,
                                                 const char * const *signers);

/* Columns: @width > 0 is a width in points; otherwise @weight > 0 shares
 * the width left over by the fixed columns; both 0 fits the column to its
 * widest cell (at most a third of the text width). */
void             jz_document_table_add_column   (JzDocumentTable  *table,
                                                 const char       *title,
                                                 JzAlign           align,
                                                 double            width,
                                                 double            weight);
/* A row of at most as many cells as columns; in a shorter row the last
 * cell spans the columns left (a remark across the table), so pass ""
 * for an empty cell.  Long cells wrap; a row is never split across
 * pages, and the header row is repeated at the top of every page the
 * table continues on. */
void             jz_document_table_add_row      (JzDocumentTable  *table,
                                                 JzRowFlags        flags,
                                                 const char * const *cells);
void             jz_document_table_add_row_cells (JzDocumentTable *table,
                                                  JzRowFlags       flags,
                                                  const char      *first,
                                                  ...) G_GNUC_NULL_TERMINATED;
guint            jz_document_table_get_n_rows   (JzDocumentTable  *table);

/* Output.  Pages are numbered from 0. */
guint            jz_document_get_n_pages        (JzDocument       *self);
gboolean         jz_document_render_page        (JzDocument       *self,
                                                 cairo_t          *cr,
                                                 guint             page,
                                                 GError          **error);
/* Both write a temporary file beside @path and rename it over @path, so
 * that a failure never leaves half a file. */
gboolean         jz_document_write_pdf          (JzDocument       *self,
                                                 const char       *path,
                                                 GError          **error);
gboolean         jz_document_write_png          (JzDocument       *self,
                                                 guint             page,
                                                 double            dpi,
                                                 const char       *path,
                                                 GError          **error);

G_END_DECLS
