/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The second pass: draw the pieces of one page where the layout put them,
 * then the header and the footer, which now know the page count. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-document-private.h"

#define RULE_WIDTH   0.6
#define HEADER_GRAY  0.90
#define KEY_GRAY     0.95
#define SEAL_GRAY    0.55

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_title (JzDocument    *self,
            cairo_t       *cr,
            const JzItem  *item)
{
  g_autoptr(PangoLayout) title = NULL;
  double text_width;

  jz_document_page_geometry (self, NULL, NULL, &text_width);
  title = jz_document_make_layout (self, item->block->text, JZ_FONT_TITLE, text_width, JZ_ALIGN_CENTER);
  show_layout (cr, title, self->margin_left, item->y);

  if (item->block->text2 != NULL)
    {
      g_autoptr(PangoLayout) sub = jz_document_make_layout (self, item->block->text2, JZ_FONT_SUBTITLE,
                                                            text_width, JZ_ALIGN_CENTER);
      show_layout (cr, sub, self->margin_left,
                   item->y + jz_document_layout_height (title) + jz_document_title_spacing (self));
    }
}

static void
draw_heading (JzDocument    *self,
              cairo_t       *cr,
              const JzItem  *item)
{
  g_autoptr(PangoLayout) layout = NULL;
  double text_width;

  jz_document_page_geometry (self, NULL, NULL, &text_width);
  layout = jz_document_make_layout (self, item->block->text, JZ_FONT_HEADING, text_width, JZ_ALIGN_START);
  show_layout (cr, layout, self->margin_left, item->y);
}

/* Lines first to end of a paragraph, the first at the item's top.  Each
 * line is drawn on its own baseline so that a paragraph cut by a page
 * break puts no invisible text on either page. */
static void
draw_lines (JzDocument    *self,
            cairo_t       *cr,
            const JzItem  *item)
{
  g_autoptr(PangoLayout) layout = jz_document_paragraph_layout (self, item->block);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double top = 0;
  guint index = 0;

  do
    {
      if (index == item->first)
        {
          int y0, y1;

          pango_layout_iter_get_line_yrange (iter, &y0, &y1);
          top = (double) y0 / PANGO_SCALE;
        }

      if (index >= item->first && index < item->end)
        {
          PangoRectangle logical;
          int baseline = pango_layout_iter_get_baseline (iter);

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          cairo_move_to (cr,
                         self->margin_left + (double) logical.x / PANGO_SCALE,
                         item->y + (double) baseline / PANGO_SCALE - top);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      index++;
    }
  while (index < item->end && pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

static void
draw_row (JzDocument    *self,
          cairo_t       *cr,
          const JzItem  *item)
{
  const JzDocumentTable *table = item->block->table;
  const JzRow *row = item->kind == ITEM_TABLE_ROW ? g_ptr_array_index (table->rows, item->first) : NULL;
  guint n = table->columns->len;

  cairo_save (cr);
  cairo_set_line_width (cr, RULE_WIDTH);

  for (guint i = 0; i < n; )
    {
      const JzColumn *column = &g_array_index (table->columns, JzColumn, i);
      guint span = row != NULL ? jz_document_row_span (table, row, i) : 1;
      double x = self->margin_left + table->x[i];
      double width = table->x[i + span - 1] + table->w[i + span - 1] - table->x[i];
      g_autoptr(PangoLayout) layout = jz_document_cell_layout (self, table, row, i, width);
      double gray = row == NULL ? HEADER_GRAY : column->key ? KEY_GRAY : 1.0;

      if (gray < 1.0)
        {
          cairo_set_source_rgb (cr, gray, gray, gray);
          cairo_rectangle (cr, x, item->y, width, item->height);
          cairo_fill (cr);
        }

      /* Short cells sit in the middle of a row that a long one made tall. */
      cairo_set_source_rgb (cr, 0, 0, 0);
      show_layout (cr, layout, x + JZ_CELL_PAD_X,
                   item->y + (item->height - jz_document_layout_height (layout)) / 2);

      cairo_rectangle (cr, x, item->y, width, item->height);
      cairo_stroke (cr);

      i += span;
    }

  cairo_restore (cr);
}

static void
draw_signature (JzDocument    *self,
                cairo_t       *cr,
                const JzItem  *item)
{
  const JzBlock *block = item->block;
  g_autoptr(PangoLayout) office = jz_document_make_layout (self, block->text, JZ_FONT_BODY, 0, JZ_ALIGN_CENTER);
  g_autoptr(PangoLayout) date = jz_document_make_layout (self, block->text2, JZ_FONT_BODY, 0, JZ_ALIGN_CENTER);
  PangoRectangle office_rect, date_rect;
  double page_width, text_width, cx, cy, radius = JZ_SEAL_DIAMETER / 2;
  double line_gap = self->font_size * 0.4;
  double text_height, top;

  jz_document_page_geometry (self, &page_width, NULL, NULL);
  pango_layout_get_extents (office, NULL, &office_rect);
  pango_layout_get_extents (date, NULL, &date_rect);
  text_width = (double) MAX (office_rect.width, date_rect.width) / PANGO_SCALE;
  text_height = jz_document_layout_height (office) + line_gap + jz_document_layout_height (date);

  /* The office and the date stand two characters in from the right
   * margin; the seal goes over them, centred a little above them, as
   * official documents have it. */
  cx = page_width - self->margin_right - 2 * self->font_size - text_width / 2;
  cx = MIN (cx, page_width - self->margin_right - radius);
  cy = item->y + 2 + radius;
  top = cy + radius * 0.1 - text_height / 2;

  cairo_save (cr);

  cairo_set_source_rgb (cr, SEAL_GRAY, SEAL_GRAY, SEAL_GRAY);
  cairo_set_line_width (cr, 0.8);
  cairo_set_dash (cr, (double[]) { 4.0, 3.0 }, 2, 0);
  cairo_new_sub_path (cr);
  cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  cairo_set_source_rgb (cr, 0, 0, 0);
  show_layout (cr, office, cx - (double) office_rect.width / PANGO_SCALE / 2 - (double) office_rect.x / PANGO_SCALE, top);
  show_layout (cr, date, cx - (double) date_rect.width / PANGO_SCALE / 2 - (double) date_rect.x / PANGO_SCALE,
               top + jz_document_layout_height (office) + line_gap);

  /* Signature lines on the left, level with the office. */
  if (block->signers != NULL)
    {
      double y = top;

      cairo_set_line_width (cr, RULE_WIDTH);
      for (guint i = 0; block->signers[i] != NULL; i++)
        {
          g_autoptr(PangoLayout) label = jz_document_make_layout (self, block->signers[i], JZ_FONT_BODY, 0, JZ_ALIGN_START);
          PangoRectangle rect;
          double baseline = (double) pango_layout_get_baseline (label) / PANGO_SCALE;

          pango_layout_get_extents (label, NULL, &rect);
          show_layout (cr, label, self->margin_left, y);
          cairo_move_to (cr, self->margin_left + (double) rect.width / PANGO_SCALE + 4, y + baseline + 2);
          cairo_rel_line_to (cr, 7 * self->font_size, 0);
          cairo_stroke (cr);
          y += jz_document_layout_height (label) + line_gap * 2;
        }
    }

  cairo_restore (cr);
}

/* Three pieces of small text in a band across the page: start, middle and
 * end, each given a share of the width so that they never overlap. */
static void
draw_band (JzDocument *self,
           cairo_t    *cr,
           double      y,
           gboolean    above,
           const char *start,
           const char *middle,
           const char *end)
{
  const char *texts[] = { start, middle, end };
  const JzAlign aligns[] = { JZ_ALIGN_START, JZ_ALIGN_CENTER, JZ_ALIGN_END };
  const double shares[] = { 0.4, 0.25, 0.35 };
  double text_width, x;

  jz_document_page_geometry (self, NULL, NULL, &text_width);
  x = self->margin_left;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      double width = text_width * shares[i];

      if (texts[i] != NULL && *texts[i] != '\0')
        {
          g_autoptr(PangoLayout) layout = jz_document_make_layout (self, texts[i], JZ_FONT_FOOTER, width, aligns[i]);

          /* A header grows upwards from its line, a footer downwards. */
          show_layout (cr, layout, x, above ? y - jz_document_layout_height (layout) : y);
        }
      x += width;
    }
}

void
jz_document_draw_page (JzDocument *self,
                       cairo_t    *cr,
                       guint       page)
{
  GArray *items;
  double page_height;
  g_autofree char *counter = NULL;

  g_assert (JZ_IS_DOCUMENT (self));

  jz_document_ensure_layout (self);
  g_assert (page < self->pages->len);
  items = g_ptr_array_index (self->pages, page);
  jz_document_page_geometry (self, NULL, &page_height, NULL);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  for (guint i = 0; i < items->len; i++)
    {
      const JzItem *item = &g_array_index (items, JzItem, i);

      switch (item->kind)
        {
        case ITEM_LINES:
          draw_lines (self, cr, item);
          break;
        case ITEM_TABLE_HEADER:
        case ITEM_TABLE_ROW:
          draw_row (self, cr, item);
          break;
        case ITEM_BLOCK:
          if (item->block->kind == BLOCK_TITLE)
            draw_title (self, cr, item);
          else if (item->block->kind == BLOCK_HEADING)
            draw_heading (self, cr, item);
          else if (item->block->kind == BLOCK_SIGNATURE)
            draw_signature (self, cr, item);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  if (self->header_start != NULL || self->header_end != NULL)
    draw_band (self, cr, self->margin_top - self->font_size * 0.75, TRUE,
               self->header_start, NULL, self->header_end);

  /* TRANSLATORS: the footer of every printed page: page 3 of 12 */
  counter = g_strdup_printf (_("Page %d of %d"), (int) page + 1, (int) self->pages->len);
  draw_band (self, cr, page_height - self->margin_bottom + MIN (self->margin_bottom * 0.3, self->font_size * 1.5),
             FALSE, self->footer_start, counter, self->footer_end);

  cairo_restore (cr);
}
