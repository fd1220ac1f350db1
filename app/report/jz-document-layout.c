/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The first pass: measure every block and cut the flow into pages, so that
 * the second pass (drawing) knows on which page and where each piece goes
 * and the footer knows how many pages there are. */

#include "config.h"

#include "jz-document-private.h"

typedef struct
{
  JzDocument *self;
  double      top;        /* of the text area */
  double      bottom;
  double      y;
  GArray     *page;       /* JzItem, the page being filled */
  GPtrArray  *pages;
  gboolean    body;       /* the page holds more than titles */
} Cursor;

static void
new_page (Cursor *c)
{
  c->page = g_array_new (FALSE, TRUE, sizeof (JzItem));
  g_ptr_array_add (c->pages, c->page);
  c->y = c->top;
  c->body = FALSE;
}

static gboolean
at_page_top (Cursor *c)
{
  return c->page->len == 0;
}

static gboolean
fits (Cursor *c,
      double  height)
{
  /* Half a point of slack against rounding in the sums. */
  return c->y + height <= c->bottom + 0.5;
}

/* Space above a block, dropped at the top of a page. */
static void
gap (Cursor *c,
     double  height)
{
  if (!at_page_top (c))
    c->y += height;
}

/* Moves on to a new page unless @height fits below the cursor or the page
 * is still empty (something taller than a page goes on a page of its own
 * and is cut by the bottom margin rather than lost). */
static void
make_room (Cursor *c,
           double  height)
{
  if (!at_page_top (c) && !fits (c, height))
    new_page (c);
}

static void
place (Cursor        *c,
       JzItemKind     kind,
       const JzBlock *block,
       double         height,
       guint          first,
       guint          end)
{
  JzItem item = { kind, block, c->y, height, first, end };

  g_array_append_val (c->page, item);
  c->y += height;
  c->body |= block->kind != BLOCK_TITLE;
}

static double
title_height (JzDocument    *self,
              const JzBlock *block)
{
  g_autoptr(PangoLayout) layout = NULL;
  double text_width, height;

  jz_document_page_geometry (self, NULL, NULL, &text_width);
  layout = jz_document_make_layout (self, block->text, JZ_FONT_TITLE, text_width, JZ_ALIGN_CENTER);
  height = jz_document_layout_height (layout);

  if (block->text2 != NULL)
    {
      g_autoptr(PangoLayout) sub = jz_document_make_layout (self, block->text2, JZ_FONT_SUBTITLE,
                                                            text_width, JZ_ALIGN_CENTER);
      height += jz_document_title_spacing (self) + jz_document_layout_height (sub);
    }

  return height + self->font_size * 1.5;
}

static double
heading_height (JzDocument    *self,
                const JzBlock *block)
{
  g_autoptr(PangoLayout) layout = NULL;
  double text_width;

  jz_document_page_geometry (self, NULL, NULL, &text_width);
  layout = jz_document_make_layout (self, block->text, JZ_FONT_HEADING, text_width, JZ_ALIGN_START);

  return jz_document_layout_height (layout) + self->font_size * 0.5;
}

/* The top of every line of a paragraph, and the bottom of the last, in
 * layout coordinates: a line's share of the leading goes with it. */
static GArray *
line_tops (PangoLayout *layout)
{
  GArray *tops = g_array_new (FALSE, FALSE, sizeof (double));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double bottom = jz_document_layout_height (layout);

  do
    {
      int y0, y1;
      double top;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      top = (double) y0 / PANGO_SCALE;
      g_array_append_val (tops, top);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  g_array_append_val (tops, bottom);
  return tops;
}

static double
natural_width (JzDocument            *self,
               const JzDocumentTable *table,
               const JzRow           *row,
               guint                  column)
{
  g_autoptr(PangoLayout) layout = jz_document_cell_layout (self, table, row, column, 0);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE + 2 * JZ_CELL_PAD_X + 1.0;
}

static void
measure_columns (JzDocument      *self,
                 JzDocumentTable *table,
                 double           text_width)
{
  guint n = table->columns->len;
  double fixed = 0, weights = 0, min_flexible = 0;
  double x = 0;

  g_free (table->x);
  g_free (table->w);
  table->x = g_new0 (double, n);
  table->w = g_new0 (double, n);

  for (guint i = 0; i < n; i++)
    {
      const JzColumn *column = &g_array_index (table->columns, JzColumn, i);

      if (column->width > 0)
        table->w[i] = column->width;
      else if (column->weight > 0)
        {
          weights += column->weight;
          min_flexible += 3 * self->font_size;
          continue;
        }
      else
        {
          double widest = table->show_header ? natural_width (self, table, NULL, i) : 0;

          for (guint r = 0; r < table->rows->len; r++)
            {
              const JzRow *row = g_ptr_array_index (table->rows, r);

              if (jz_document_row_span (table, row, i) == 1)
                widest = MAX (widest, natural_width (self, table, row, i));
            }
          table->w[i] = MIN (MAX (widest, 2 * self->font_size), text_width / 3);
        }
      fixed += table->w[i];
    }

  /* The keys of a form line up: one width for all of them. */
  {
    double widest_key = 0;

    for (guint i = 0; i < n; i++)
      if (g_array_index (table->columns, JzColumn, i).key)
        widest_key = MAX (widest_key, table->w[i]);
    for (guint i = 0; i < n; i++)
      if (g_array_index (table->columns, JzColumn, i).key)
        {
          fixed += widest_key - table->w[i];
          table->w[i] = widest_key;
        }
  }

  /* Fixed columns wider than the page give way, keeping room for the
   * flexible ones. */
  if (fixed > 0 && fixed > text_width - min_flexible)
    {
      double scale = MAX (text_width - min_flexible, 0) / fixed;

      for (guint i = 0; i < n; i++)
        table->w[i] *= scale;
      fixed *= scale;
    }

  for (guint i = 0; i < n; i++)
    {
      const JzColumn *column = &g_array_index (table->columns, JzColumn, i);

      if (column->width <= 0 && column->weight > 0)
        table->w[i] = (text_width - fixed) * column->weight / weights;
      table->x[i] = x;
      x += table->w[i];
    }
}

static double
row_height (JzDocument            *self,
            const JzDocumentTable *table,
            const JzRow           *row)
{
  guint n = table->columns->len;
  double height = 0;

  for (guint i = 0; i < n; )
    {
      guint span = row != NULL ? jz_document_row_span (table, row, i) : 1;
      double width = table->x[i + span - 1] + table->w[i + span - 1] - table->x[i];
      g_autoptr(PangoLayout) layout = jz_document_cell_layout (self, table, row, i, width);

      height = MAX (height, jz_document_layout_height (layout));
      i += span;
    }

  return height + 2 * JZ_CELL_PAD_Y;
}

static void
measure_table (JzDocument      *self,
               JzDocumentTable *table)
{
  double text_width;

  /* Once per layout: a heading's look ahead measures its table too. */
  if (table->measured == self->generation)
    return;
  table->measured = self->generation;

  jz_document_page_geometry (self, NULL, NULL, &text_width);
  measure_columns (self, table, text_width);

  table->header_height = table->show_header ? row_height (self, table, NULL) : 0;
  g_free (table->heights);
  table->heights = g_new0 (double, MAX (table->rows->len, 1));
  for (guint r = 0; r < table->rows->len; r++)
    table->heights[r] = row_height (self, table, g_ptr_array_index (table->rows, r));
}

/* What must stay on the page with a heading or a title above it. */
static double
first_piece_height (JzDocument    *self,
                    const JzBlock *block)
{
  switch (block->kind)
    {
    case BLOCK_PARAGRAPH:
      {
        g_autoptr(PangoLayout) layout = jz_document_paragraph_layout (self, block);
        g_autoptr(GArray) tops = line_tops (layout);
        guint lines = MIN (tops->len - 1, 2);

        return g_array_index (tops, double, lines) - g_array_index (tops, double, 0);
      }
    case BLOCK_TABLE:
      measure_table (self, block->table);
      return self->font_size * 0.75 + block->table->header_height +
             (block->table->rows->len > 0 ? block->table->heights[0] : 0);
    case BLOCK_HEADING:
      return self->font_size + heading_height (self, block);
    case BLOCK_SIGNATURE:
      return self->font_size + jz_document_signature_height (self, block);
    case BLOCK_TITLE:
      return title_height (self, block);
    case BLOCK_SPACER:
    case BLOCK_PAGE_BREAK:
    default:
      return 0;
    }
}

static void
lay_out_paragraph (Cursor        *c,
                   const JzBlock *block)
{
  g_autoptr(PangoLayout) layout = jz_document_paragraph_layout (c->self, block);
  g_autoptr(GArray) tops = line_tops (layout);
  guint n_lines = tops->len - 1;
  guint first = 0;

  gap (c, c->self->font_size * 0.25);

  while (first < n_lines)
    {
      guint end = first;

      /* As many lines as fit, at least one on a fresh page. */
      while (end < n_lines &&
             (fits (c, g_array_index (tops, double, end + 1) - g_array_index (tops, double, first)) ||
              (end == first && at_page_top (c))))
        end++;

      if (end == first)
        {
          new_page (c);
          continue;
        }

      place (c, ITEM_LINES, block,
             g_array_index (tops, double, end) - g_array_index (tops, double, first), first, end);
      first = end;
      if (first < n_lines)
        new_page (c);
    }
}

static void
lay_out_table (Cursor        *c,
               const JzBlock *block)
{
  JzDocumentTable *table = block->table;

  measure_table (c->self, table);
  gap (c, c->self->font_size * 0.75);

  if (table->rows->len == 0)
    {
      if (table->show_header)
        {
          make_room (c, table->header_height);
          place (c, ITEM_TABLE_HEADER, block, table->header_height, 0, 0);
        }
      return;
    }

  for (guint r = 0; r < table->rows->len; r++)
    {
      double height = table->heights[r];
      gboolean header = FALSE;

      if (r == 0)
        {
          make_room (c, table->header_height + height);
          header = table->show_header;
        }
      else if (!fits (c, height))
        {
          new_page (c);
          header = table->show_header;
        }

      if (header)
        place (c, ITEM_TABLE_HEADER, block, table->header_height, 0, 0);
      place (c, ITEM_TABLE_ROW, block, height, r, r + 1);
    }
}

static void
lay_out (JzDocument *self)
{
  double page_height;
  Cursor c = { self };

  jz_document_page_geometry (self, NULL, &page_height, NULL);
  c.top = self->margin_top;
  c.bottom = MAX (page_height - self->margin_bottom, c.top + 36.0);
  c.pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  new_page (&c);

  for (guint b = 0; b < self->blocks->len; b++)
    {
      const JzBlock *block = g_ptr_array_index (self->blocks, b);
      const JzBlock *next = b + 1 < self->blocks->len ? g_ptr_array_index (self->blocks, b + 1) : NULL;
      double height;

      switch (block->kind)
        {
        case BLOCK_TITLE:
          height = title_height (self, block);
          make_room (&c, height + (next != NULL ? first_piece_height (self, next) : 0));
          place (&c, ITEM_BLOCK, block, height, 0, 0);
          break;

        case BLOCK_HEADING:
          /* The first group stays under the title of the document. */
          if (block->page_break && c.body)
            new_page (&c);
          height = heading_height (self, block);
          gap (&c, self->font_size);
          make_room (&c, height + (next != NULL ? first_piece_height (self, next) : 0));
          place (&c, ITEM_BLOCK, block, height, 0, 0);
          break;

        case BLOCK_PARAGRAPH:
          lay_out_paragraph (&c, block);
          break;

        case BLOCK_TABLE:
          lay_out_table (&c, block);
          break;

        case BLOCK_SPACER:
          gap (&c, block->height);
          if (c.y > c.bottom)
            new_page (&c);
          break;

        case BLOCK_PAGE_BREAK:
          if (!at_page_top (&c))
            new_page (&c);
          break;

        case BLOCK_SIGNATURE:
          height = jz_document_signature_height (self, block);
          gap (&c, self->font_size);
          make_room (&c, height);
          place (&c, ITEM_BLOCK, block, height, 0, 0);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  /* A break or spacer at the very end leaves no blank page behind. */
  if (c.pages->len > 1 && at_page_top (&c))
    g_ptr_array_remove_index (c.pages, c.pages->len - 1);

  self->pages = c.pages;
}

void
jz_document_ensure_layout (JzDocument *self)
{
  g_assert (JZ_IS_DOCUMENT (self));

  if (self->pages == NULL)
    lay_out (self);
}

double
jz_document_title_spacing (JzDocument *self)
{
  g_assert (JZ_IS_DOCUMENT (self));

  return self->font_size * 0.5;
}

/* The seal's circle, with the office and the date inside its lower half. */
double
jz_document_signature_height (JzDocument    *self,
                              const JzBlock *block)
{
  g_assert (JZ_IS_DOCUMENT (self));

  return JZ_SEAL_DIAMETER + 4.0;
}
