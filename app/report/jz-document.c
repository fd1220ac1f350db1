/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-document-private.h"

G_DEFINE_QUARK (jz-document-error-quark, jz_document_error)

G_DEFINE_FINAL_TYPE (JzDocument, jz_document, G_TYPE_OBJECT)

static void
column_clear (gpointer data)
{
  JzColumn *column = data;

  g_free (column->title);
}

static void
row_free (gpointer data)
{
  JzRow *row = data;

  g_strfreev (row->cells);
  g_free (row);
}

static void
table_free (JzDocumentTable *table)
{
  if (table == NULL)
    return;

  g_array_unref (table->columns);
  g_ptr_array_unref (table->rows);
  g_free (table->x);
  g_free (table->w);
  g_free (table->heights);
  g_free (table);
}

static void
block_free (gpointer data)
{
  JzBlock *block = data;

  g_free (block->text);
  g_free (block->text2);
  g_strfreev (block->signers);
  table_free (block->table);
  g_free (block);
}

static JzBlock *
add_block (JzDocument  *self,
           JzBlockKind  kind)
{
  JzBlock *block = g_new0 (JzBlock, 1);

  block->kind = kind;
  g_ptr_array_add (self->blocks, block);
  jz_document_invalidate (self);

  return block;
}

static JzDocumentTable *
table_new (JzDocument *document)
{
  JzDocumentTable *table = g_new0 (JzDocumentTable, 1);

  table->document = document;
  table->columns = g_array_new (FALSE, TRUE, sizeof (JzColumn));
  g_array_set_clear_func (table->columns, column_clear);
  table->rows = g_ptr_array_new_with_free_func (row_free);
  table->show_header = TRUE;

  return table;
}

static void
jz_document_finalize (GObject *object)
{
  JzDocument *self = (JzDocument *) object;

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_object (&self->context);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->font_family, g_free);
  g_clear_pointer (&self->title_font_family, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->header_start, g_free);
  g_clear_pointer (&self->header_end, g_free);
  g_clear_pointer (&self->footer_start, g_free);
  g_clear_pointer (&self->footer_end, g_free);

  G_OBJECT_CLASS (jz_document_parent_class)->finalize (object);
}

static void
jz_document_class_init (JzDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jz_document_finalize;
}

static void
jz_document_init (JzDocument *self)
{
  self->page_width = JZ_DOCUMENT_A4_WIDTH;
  self->page_height = JZ_DOCUMENT_A4_HEIGHT;
  self->orientation = JZ_ORIENTATION_PORTRAIT;
  self->margin_top = JZ_DOCUMENT_MM (25.0);
  self->margin_bottom = JZ_DOCUMENT_MM (25.0);
  self->margin_left = JZ_DOCUMENT_MM (20.0);
  self->margin_right = JZ_DOCUMENT_MM (20.0);
  self->font_family = g_strdup ("Noto Sans CJK SC");
  self->title_font_family = g_strdup ("Noto Serif CJK SC");
  self->font_size = 12.0;
  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->generation = 1;
}

JzDocument *
jz_document_new (void)
{
  return g_object_new (JZ_TYPE_DOCUMENT, NULL);
}

/* --- private ------------------------------------------------------------ */

/* Pango refuses text that is not UTF-8; a damaged name from an import
 * prints with a replacement character rather than not at all. */
char *
jz_document_dup_text (const char *text)
{
  return g_utf8_make_valid (text != NULL ? text : "", -1);
}

void
jz_document_invalidate (JzDocument *self)
{
  g_assert (JZ_IS_DOCUMENT (self));

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  self->generation++;
}

void
jz_document_page_geometry (JzDocument *self,
                           double     *width,
                           double     *height,
                           double     *text_width)
{
  double w, h;

  g_assert (JZ_IS_DOCUMENT (self));

  jz_document_get_page_size (self, &w, &h);
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
  if (text_width != NULL)
    *text_width = MAX (w - self->margin_left - self->margin_right, 36.0);
}

/* One context for measuring and drawing, in points and without hinting,
 * so that a page breaks at the same line in the PDF, in a PNG at any
 * resolution and on the printer. */
static PangoContext *
ensure_context (JzDocument *self)
{
  cairo_font_options_t *options;

  if (self->context != NULL)
    return self->context;

  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->context, 72.0);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  /* Han characters take their Simplified Chinese forms. */
  pango_context_set_language (self->context, pango_language_from_string ("zh-cn"));

  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);

  return self->context;
}

static PangoFontDescription *
font_description (JzDocument *self,
                  JzFont      font)
{
  PangoFontDescription *desc = pango_font_description_new ();
  const char *family = self->font_family;
  gboolean bold = FALSE;
  double size = self->font_size;

  switch (font)
    {
    case JZ_FONT_BODY:
      break;
    case JZ_FONT_BODY_BOLD:
      bold = TRUE;
      break;
    case JZ_FONT_SMALL:
      size = size * 7.0 / 8.0;
      break;
    case JZ_FONT_SMALL_BOLD:
      size = size * 7.0 / 8.0;
      bold = TRUE;
      break;
    case JZ_FONT_FOOTER:
      size = size * 3.0 / 4.0;
      break;
    case JZ_FONT_HEADING:
      size = size * 7.0 / 6.0;
      bold = TRUE;
      break;
    case JZ_FONT_TITLE:
      family = self->title_font_family;
      size = size * 11.0 / 6.0;
      bold = TRUE;
      break;
    case JZ_FONT_SUBTITLE:
      size = size * 13.0 / 12.0;
      break;
    default:
      g_assert_not_reached ();
    }

  /* The body family stands behind the title family for the characters the
   * latter lacks. */
  if (family != self->font_family)
    {
      g_autofree char *families = g_strdup_printf ("%s,%s", family, self->font_family);
      pango_font_description_set_family (desc, families);
    }
  else
    pango_font_description_set_family (desc, family);

  pango_font_description_set_size (desc, (int) (size * PANGO_SCALE + 0.5));
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);

  return desc;
}

static PangoAlignment
pango_alignment (JzAlign align)
{
  switch (align)
    {
    case JZ_ALIGN_CENTER:
      return PANGO_ALIGN_CENTER;
    case JZ_ALIGN_END:
      return PANGO_ALIGN_RIGHT;
    case JZ_ALIGN_START:
    default:
      return PANGO_ALIGN_LEFT;
    }
}

/* A layout of @text, wrapped at @width points (no wrapping when 0).  Word
 * and character wrapping: Chinese breaks between any two characters (but
 * not before a closing punctuation mark), a long ID-like run of Latin
 * letters or digits breaks inside rather than overflow the cell. */
PangoLayout *
jz_document_make_layout (JzDocument *self,
                         const char *text,
                         JzFont      font,
                         double      width,
                         JzAlign     align)
{
  PangoLayout *layout;
  PangoFontDescription *desc;

  g_assert (JZ_IS_DOCUMENT (self));

  layout = pango_layout_new (ensure_context (self));
  desc = font_description (self, font);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);

  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, pango_alignment (align));
  pango_layout_set_text (layout, text != NULL ? text : "", -1);

  return layout;
}

PangoLayout *
jz_document_paragraph_layout (JzDocument    *self,
                              const JzBlock *block)
{
  PangoLayout *layout;
  JzAlign align = JZ_ALIGN_START;
  gboolean small = (block->flags & JZ_PARAGRAPH_SMALL) != 0;
  gboolean bold = (block->flags & JZ_PARAGRAPH_BOLD) != 0;
  JzFont font;
  double text_width;

  g_assert (JZ_IS_DOCUMENT (self));

  if (block->flags & JZ_PARAGRAPH_CENTER)
    align = JZ_ALIGN_CENTER;
  else if (block->flags & JZ_PARAGRAPH_END)
    align = JZ_ALIGN_END;

  if (small)
    font = bold ? JZ_FONT_SMALL_BOLD : JZ_FONT_SMALL;
  else
    font = bold ? JZ_FONT_BODY_BOLD : JZ_FONT_BODY;

  jz_document_page_geometry (self, NULL, NULL, &text_width);
  layout = jz_document_make_layout (self, block->text, font, text_width, align);

  /* Chinese body text: the first line indented by two characters, and
   * the generous leading of official documents. */
  if (align == JZ_ALIGN_START && !(block->flags & JZ_PARAGRAPH_NO_INDENT))
    {
      double size = self->font_size * (small ? 7.0 / 8.0 : 1.0);
      pango_layout_set_indent (layout, (int) (2 * size * PANGO_SCALE));
    }
  pango_layout_set_line_spacing (layout, small ? 1.1f : 1.25f);

  return layout;
}

/* How many columns the cell at @column spans: one, or all the rest when
 * it is the last cell of a short row. */
guint
jz_document_row_span (const JzDocumentTable *table,
                      const JzRow           *row,
                      guint                  column)
{
  guint n_cells = row->cells != NULL ? g_strv_length (row->cells) : 0;

  if (n_cells > 0 && column == n_cells - 1 && n_cells < table->columns->len)
    return table->columns->len - column;

  return 1;
}

PangoLayout *
jz_document_cell_layout (JzDocument            *self,
                         const JzDocumentTable *table,
                         const JzRow           *row,
                         guint                  column,
                         double                 width)
{
  const JzColumn *col = &g_array_index (table->columns, JzColumn, column);
  const char *text;
  gboolean bold;
  JzAlign align;

  g_assert (JZ_IS_DOCUMENT (self));

  if (row == NULL)
    {
      text = col->title;
      bold = TRUE;
      align = JZ_ALIGN_CENTER;
    }
  else
    {
      guint n_cells = row->cells != NULL ? g_strv_length (row->cells) : 0;

      text = column < n_cells ? row->cells[column] : "";
      bold = col->key || (row->flags & JZ_ROW_BOLD) != 0;
      /* A value spanning the rest of a form's line reads from the left. */
      align = jz_document_row_span (table, row, column) > 1 ? JZ_ALIGN_START : col->align;
    }

  /* No width: unwrapped, to measure the natural width. */
  return jz_document_make_layout (self, text, bold ? JZ_FONT_SMALL_BOLD : JZ_FONT_SMALL,
                                  width > 0 ? MAX (width - 2 * JZ_CELL_PAD_X, 1.0) : 0, align);
}

double
jz_document_layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

/* --- page setup --------------------------------------------------------- */

void
jz_document_set_page_size (JzDocument *self,
                           double      width,
                           double      height)
{
  g_return_if_fail (JZ_IS_DOCUMENT (self));
  g_return_if_fail (width > 72 && height > 72);

  self->page_width = MIN (width, height);
  self->page_height = MAX (width, height);
  jz_document_invalidate (self);
}

void
jz_document_set_orientation (JzDocument    *self,
                             JzOrientation  orientation)
{
  g_return_if_fail (JZ_IS_DOCUMENT (self));

  self->orientation = orientation;
  jz_document_invalidate (self);
}

void
jz_document_set_margins (JzDocument *self,
                         double      top,
                         double      right,
                         double      bottom,
                         double      left)
{
  g_return_if_fail (JZ_IS_DOCUMENT (self));
  g_return_if_fail (top >= 0 && right >= 0 && bottom >= 0 && left >= 0);

  self->margin_top = top;
  self->margin_right = right;
  self->margin_bottom = bottom;
  self->margin_left = left;
  jz_document_invalidate (self);
}

void
jz_document_set_font_family (JzDocument *self,
                             const char *family)
{
  g_return_if_fail (JZ_IS_DOCUMENT (self));
  g_return_if_fail (family != NULL && *family != '\0');

  g_free (self->font_family);
  self->font_family = g_strdup (family);
  jz_document_invalidate (self);
}

void
jz_document_set_title_font_family (JzDocument *self,
                                   const char *family)
{
  g_return_if_fail (JZ_IS_DOCUMENT (self));
  g_return_if_fail (family != NULL && *family != '\0');

  g_free (self->title_font_family);
  self->title_font_family = g_strdup (family);
  jz_document_invalidate (self);
}

void
jz_document_set_font_size (JzDocument *self,
                           double      size)
{
  g_return_if_fail (JZ_IS_DOCUMENT (self));
  g_return_if_fail (size >= 4 && size <= 72);

  self->font_size = size;
  jz_document_invalidate (self);
}

void
jz_document_set_title (JzDocument *self,
                       const char *title)
{
  g_return_if_fail (JZ_IS_DOCUMENT (self));

  g_free (self->title);
  self->title = g_strdup (title);
}

void
jz_document_set_header (JzDocument *self,
                        const char *start,
                        const char *end)
{
  g_return_if_fail (JZ_IS_DOCUMENT (self));

  g_free (self->header_start);
  self->header_start = g_strdup (start);
  g_free (self->header_end);
  self->header_end = g_strdup (end);
}

void
jz_document_set_footer (JzDocument *self,
                        const char *start,
                        const char *end)
{
  g_return_if_fail (JZ_IS_DOCUMENT (self));

  g_free (self->footer_start);
  self->footer_start = g_strdup (start);
  g_free (self->footer_end);
  self->footer_end = g_strdup (end);
}

/**
 * jz_document_get_page_size:
 *
 * The size of a page as it is drawn, landscape pages wider than high.
 */
void
jz_document_get_page_size (JzDocument *self,
                           double     *width,
                           double     *height)
{
  gboolean landscape;

  g_return_if_fail (JZ_IS_DOCUMENT (self));

  landscape = self->orientation == JZ_ORIENTATION_LANDSCAPE;
  if (width != NULL)
    *width = landscape ? self->page_height : self->page_width;
  if (height != NULL)
    *height = landscape ? self->page_width : self->page_height;
}

/* --- blocks ------------------------------------------------------------- */

void
jz_document_add_title (JzDocument *self,
                       const char *title,
                       const char *subtitle)
{
  JzBlock *block;

  g_return_if_fail (JZ_IS_DOCUMENT (self));
  g_return_if_fail (title != NULL);

  block = add_block (self, BLOCK_TITLE);
  block->text = jz_document_dup_text (title);
  block->text2 = subtitle != NULL && *subtitle != '\0' ? jz_document_dup_text (subtitle) : NULL;

  if (self->title == NULL)
    self->title = g_strdup (block->text);
}

void
jz_document_add_paragraph (JzDocument       *self,
                           const char       *text,
                           JzParagraphFlags  flags)
{
  JzBlock *block;

  g_return_if_fail (JZ_IS_DOCUMENT (self));
  g_return_if_fail (text != NULL);

  block = add_block (self, BLOCK_PARAGRAPH);
  block->text = jz_document_dup_text (text);
  block->flags = flags;
}

void
jz_document_add_heading (JzDocument *self,
                         const char *text,
                         gboolean    page_break)
{
  JzBlock *block;

  g_return_if_fail (JZ_IS_DOCUMENT (self));
  g_return_if_fail (text != NULL);

  block = add_block (self, BLOCK_HEADING);
  block->text = jz_document_dup_text (text);
  block->page_break = page_break;
}

void
jz_document_add_spacer (JzDocument *self,
                        double      height)
{
  JzBlock *block;

  g_return_if_fail (JZ_IS_DOCUMENT (self));
  g_return_if_fail (height >= 0);

  block = add_block (self, BLOCK_SPACER);
  block->height = height;
}

void
jz_document_add_page_break (JzDocument *self)
{
  g_return_if_fail (JZ_IS_DOCUMENT (self));

  add_block (self, BLOCK_PAGE_BREAK);
}

void
jz_document_add_key_values (JzDocument         *self,
                            guint               pairs_per_row,
                            const char * const *pairs)
{
  JzDocumentTable *table;
  guint n;

  g_return_if_fail (JZ_IS_DOCUMENT (self));
  g_return_if_fail (pairs_per_row == 1 || pairs_per_row == 2);
  g_return_if_fail (pairs != NULL);

  n = g_strv_length ((char **) pairs);
  g_return_if_fail (n % 2 == 0);

  table = jz_document_add_table (self);
  table->show_header = FALSE;
  for (guint p = 0; p < pairs_per_row; p++)
    {
      jz_document_table_add_column (table, "", JZ_ALIGN_CENTER, 0, 0);
      g_array_index (table->columns, JzColumn, table->columns->len - 1).key = TRUE;
      jz_document_table_add_column (table, "", JZ_ALIGN_START, 0, 1);
    }

  for (guint i = 0; i < n; i += 2 * pairs_per_row)
    {
      guint end = MIN (n, i + 2 * pairs_per_row);
      g_auto(GStrv) cells = g_new0 (char *, end - i + 1);

      for (guint k = i; k < end; k++)
        cells[k - i] = g_strdup (pairs[k]);
      jz_document_table_add_row (table, JZ_ROW_DEFAULT, (const char * const *) cells);
    }
}

JzDocumentTable *
jz_document_add_table (JzDocument *self)
{
  JzBlock *block;

  g_return_val_if_fail (JZ_IS_DOCUMENT (self), NULL);

  block = add_block (self, BLOCK_TABLE);
  block->table = table_new (self);

  return block->table;
}

void
jz_document_add_signature (JzDocument         *self,
                           const char         *office,
                           const char         *date,
                           const char * const *signers)
{
  JzBlock *block;

  g_return_if_fail (JZ_IS_DOCUMENT (self));

  block = add_block (self, BLOCK_SIGNATURE);
  block->text = jz_document_dup_text (office);
  block->text2 = jz_document_dup_text (date);
  if (signers != NULL)
    {
      guint n = g_strv_length ((char **) signers);

      block->signers = g_new0 (char *, n + 1);
      for (guint i = 0; i < n; i++)
        block->signers[i] = jz_document_dup_text (signers[i]);
    }
}

/* --- tables ------------------------------------------------------------- */

void
jz_document_table_add_column (JzDocumentTable *table,
                              const char      *title,
                              JzAlign          align,
                              double           width,
                              double           weight)
{
  JzColumn column = { 0 };

  g_return_if_fail (table != NULL);
  g_return_if_fail (table->rows->len == 0);
  g_return_if_fail (width >= 0 && weight >= 0);

  column.title = jz_document_dup_text (title);
  column.align = align;
  column.width = width;
  column.weight = width > 0 ? 0 : weight;
  g_array_append_val (table->columns, column);
  jz_document_invalidate (table->document);
}

void
jz_document_table_add_row (JzDocumentTable    *table,
                           JzRowFlags          flags,
                           const char * const *cells)
{
  JzRow *row;
  guint n;

  g_return_if_fail (table != NULL);
  g_return_if_fail (table->columns->len > 0);

  n = cells != NULL ? g_strv_length ((char **) cells) : 0;
  g_return_if_fail (n <= table->columns->len);

  row = g_new0 (JzRow, 1);
  row->cells = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    row->cells[i] = jz_document_dup_text (cells[i]);
  row->flags = flags;
  g_ptr_array_add (table->rows, row);
  jz_document_invalidate (table->document);
}

void
jz_document_table_add_row_cells (JzDocumentTable *table,
                                 JzRowFlags       flags,
                                 const char      *first,
                                 ...)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  va_list args;

  g_return_if_fail (table != NULL);

  va_start (args, first);
  for (const char *cell = first; cell != NULL; cell = va_arg (args, const char *))
    g_ptr_array_add (cells, (gpointer) cell);
  va_end (args);
  g_ptr_array_add (cells, NULL);

  jz_document_table_add_row (table, flags, (const char * const *) cells->pdata);
}

guint
jz_document_table_get_n_rows (JzDocumentTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return table->rows->len;
}
