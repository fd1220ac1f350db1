/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "jz-document.h"

G_BEGIN_DECLS

/* Shared by the files of JzDocument: the model (jz-document.c), the
 * pagination (jz-document-layout.c), the drawing (jz-document-render.c)
 * and the files (jz-document-output.c). */

typedef enum
{
  BLOCK_TITLE,
  BLOCK_PARAGRAPH,
  BLOCK_HEADING,
  BLOCK_SPACER,
  BLOCK_PAGE_BREAK,
  BLOCK_TABLE,        /* data tables and key-value forms */
  BLOCK_SIGNATURE,
} JzBlockKind;

typedef struct
{
  char    *title;
  JzAlign  align;
  double   width;     /* points, > 0: fixed */
  double   weight;    /* > 0: a share of what the fixed columns leave */
  gboolean key;       /* a key-value form's key: shaded, bold */
} JzColumn;

typedef struct
{
  char       **cells; /* as many as given, at most one per column */
  JzRowFlags   flags;
} JzRow;

struct _JzDocumentTable
{
  JzDocument *document;   /* borrowed: the document owns the table */
  GArray    *columns;     /* JzColumn */
  GPtrArray *rows;        /* JzRow */
  gboolean   show_header;

  /* Set by the layout pass. */
  guint      measured;    /* the document's generation they were measured in */
  double    *x;           /* left edge of each column, from the left margin */
  double    *w;           /* width of each column */
  double     header_height;
  double    *heights;     /* of each row */
};

typedef struct
{
  JzBlockKind       kind;
  char             *text;      /* title, paragraph, heading, signature office */
  char             *text2;     /* subtitle, signature date */
  JzParagraphFlags  flags;
  gboolean          page_break;
  double            height;    /* spacer */
  char            **signers;
  JzDocumentTable  *table;
} JzBlock;

/* One piece of a block placed on a page: a range of lines of a paragraph,
 * the header or one row of a table, or a whole block. */
typedef enum
{
  ITEM_BLOCK,
  ITEM_LINES,
  ITEM_TABLE_HEADER,
  ITEM_TABLE_ROW,
} JzItemKind;

typedef struct
{
  JzItemKind     kind;
  const JzBlock *block;
  double         y;          /* top, from the top of the page */
  double         height;
  guint          first;      /* first line, or the row */
  guint          end;        /* one past the last line */
} JzItem;

struct _JzDocument
{
  GObject parent_instance;

  double         page_width;   /* portrait */
  double         page_height;
  JzOrientation  orientation;
  double         margin_top;
  double         margin_right;
  double         margin_bottom;
  double         margin_left;
  char          *font_family;
  char          *title_font_family;
  double         font_size;
  char          *title;
  char          *header_start;
  char          *header_end;
  char          *footer_start;
  char          *footer_end;

  GPtrArray     *blocks;       /* JzBlock */

  /* The layout: NULL until needed, dropped on every change. */
  PangoContext  *context;
  GPtrArray     *pages;        /* GArray of JzItem, per page */
  guint          generation;   /* counts the changes, from 1 */
};

typedef enum
{
  JZ_FONT_BODY,
  JZ_FONT_BODY_BOLD,
  JZ_FONT_SMALL,        /* tables, notes */
  JZ_FONT_SMALL_BOLD,
  JZ_FONT_FOOTER,
  JZ_FONT_HEADING,
  JZ_FONT_TITLE,
  JZ_FONT_SUBTITLE,
} JzFont;

/* Spacing, in points. */
#define JZ_CELL_PAD_X      4.0
#define JZ_CELL_PAD_Y      3.5
#define JZ_SEAL_DIAMETER   JZ_DOCUMENT_MM (42.0)   /* the round seal of an office */

void          jz_document_invalidate     (JzDocument    *self);
char         *jz_document_dup_text       (const char    *text);
void          jz_document_ensure_layout  (JzDocument    *self);
void          jz_document_page_geometry  (JzDocument    *self,
                                          double        *width,
                                          double        *height,
                                          double        *text_width);
PangoLayout  *jz_document_make_layout    (JzDocument    *self,
                                          const char    *text,
                                          JzFont         font,
                                          double         width,
                                          JzAlign        align);
PangoLayout  *jz_document_paragraph_layout (JzDocument  *self,
                                            const JzBlock *block);
PangoLayout  *jz_document_cell_layout    (JzDocument    *self,
                                          const JzDocumentTable *table,
                                          const JzRow   *row,
                                          guint          column,
                                          double         width);
guint         jz_document_row_span       (const JzDocumentTable *table,
                                          const JzRow   *row,
                                          guint          column);
double        jz_document_signature_height (JzDocument  *self,
                                            const JzBlock *block);
double        jz_document_title_spacing  (JzDocument    *self);
double        jz_document_layout_height  (PangoLayout   *layout);

void          jz_document_draw_page      (JzDocument    *self,
                                          cairo_t       *cr,
                                          guint          page);

G_END_DECLS
