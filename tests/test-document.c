/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The report renderer: pagination, repeated table headers, the page
 * footer, wrapping, and what a reader gets out of the PDF and PNG files. */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "jz-document.h"

/* Wider than its column: must wrap onto several lines, every character kept. */
#define LONG_NAME "欧阳娜仁托娅·阿卜杜热合曼·买买提江·吐尔逊古丽"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("jz-document-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

/* The text of one page (from 1), or of all pages when @page is 0, in the
 * order it was drawn. */
static char *
pdf_text (const char *pdf,
          guint       page)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *first = g_strdup_printf ("%u", page);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_nonnull (pdftotext);  /* poppler-utils */
  g_ptr_array_add (argv, pdftotext);
  g_ptr_array_add (argv, "-raw");
  g_ptr_array_add (argv, "-enc");
  g_ptr_array_add (argv, "UTF-8");
  if (page > 0)
    {
      g_ptr_array_add (argv, "-f");
      g_ptr_array_add (argv, first);
      g_ptr_array_add (argv, "-l");
      g_ptr_array_add (argv, first);
    }
  g_ptr_array_add (argv, (char *) pdf);
  g_ptr_array_add (argv, "-");
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_utf8_validate (out, -1, NULL));

  return out;
}

/* Without any white space, so that a word wrapped over two lines is found
 * whole. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + strlen (needle), needle))
    n++;

  return n;
}

static JzDocument *
make_list (guint n_rows)
{
  JzDocument *document = jz_document_new ();
  JzDocumentTable *table;

  jz_document_add_title (document, "柳河镇王家庄村2026年3月最低生活保障对象公示名单", "公示期：2026年3月1日至2026年3月7日");
  jz_document_set_footer (document, "青禾区民政局 监督电话 0533-1234567", "2026-03-01");

  table = jz_document_add_table (document);
  jz_document_table_add_column (table, "序号", JZ_ALIGN_CENTER, 0, 0);
  jz_document_table_add_column (table, "村（社区）", JZ_ALIGN_START, 0, 2);
  jz_document_table_add_column (table, "户主姓名", JZ_ALIGN_START, 70, 0);
  jz_document_table_add_column (table, "救助项目", JZ_ALIGN_START, 0, 2);
  jz_document_table_add_column (table, "人数", JZ_ALIGN_END, 0, 0);
  jz_document_table_add_column (table, "月救助金额（元）", JZ_ALIGN_END, 0, 0);

  for (guint i = 1; i <= n_rows; i++)
    {
      g_autofree char *number = g_strdup_printf ("R%03u", i);
      g_autofree char *persons = g_strdup_printf ("%u", 1 + i % 5);
      g_autofree char *amount = g_strdup_printf ("%u.%02u", 300 + i * 7, i % 100);

      jz_document_table_add_row_cells (table, JZ_ROW_DEFAULT, number, "王家庄村",
                                       i == 57 ? LONG_NAME : "张桂兰", "农村低保", persons, amount, NULL);
    }
  g_assert_cmpuint (jz_document_table_get_n_rows (table), ==, n_rows);

  return document;
}

static void
test_table_pages (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(JzDocument) document = make_list (120);
  g_autofree char *pdf = g_build_filename (f->dir, "list.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *all = NULL;
  g_autofree char *all_squeezed = NULL;
  guint n_pages;
  guint last_row = 0;

  n_pages = jz_document_get_n_pages (document);
  g_assert_cmpuint (n_pages, >=, 3);

  g_assert_true (jz_document_write_pdf (document, pdf, &error));
  g_assert_no_error (error);

  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = pdf_text (pdf, page);
      g_autofree char *squeezed = squeeze (text);
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", page, n_pages);
      g_autofree char *first_row = NULL;
      guint first = 0;

      /* The header row on every page, before the first row of that page. */
      g_assert_nonnull (strstr (text, "户主姓名"));
      g_assert_nonnull (strstr (text, "月救助金额"));
      g_assert_cmpuint (count (text, "户主姓名"), ==, 1);
      g_assert_nonnull (strstr (text, footer));
      g_assert_nonnull (strstr (squeezed, "青禾区民政局"));
      /* The title on the first page only. */
      g_assert_cmpuint (count (squeezed, "最低生活保障对象公示名单"), ==, page == 1 ? 1 : 0);

      /* Rows continue in order from page to page. */
      first_row = g_strdup (strstr (text, "R"));
      g_assert_nonnull (first_row);
      g_assert_cmpint (sscanf (first_row, "R%3u", &first), ==, 1);
      g_assert_cmpuint (first, ==, last_row + 1);
      g_assert_cmpuint (strstr (text, "户主姓名") - text, <, strstr (text, first_row) - text);
      for (const char *p = strstr (text, "R"); p != NULL; p = strstr (p + 1, "R"))
        if (sscanf (p, "R%3u", &first) == 1)
          last_row = first;

      /* A row is never split: the long name is whole on one page. */
      if (strstr (squeezed, "欧阳娜仁托娅") != NULL)
        g_assert_nonnull (strstr (squeezed, "吐尔逊古丽"));
    }
  g_assert_cmpuint (last_row, ==, 120);

  /* Every row once; the long name wrapped over lines, not cut. */
  all = pdf_text (pdf, 0);
  all_squeezed = squeeze (all);
  for (guint i = 1; i <= 120; i++)
    {
      g_autofree char *number = g_strdup_printf ("R%03u", i);
      g_assert_cmpuint (count (all, number), ==, 1);
    }
  {
    g_autofree char *name = squeeze (LONG_NAME);
    g_auto(GStrv) lines = g_strsplit (all, "\n", -1);

    g_assert_nonnull (strstr (all_squeezed, name));
    for (guint i = 0; lines[i] != NULL; i++)
      g_assert_null (strstr (lines[i], "欧阳娜仁托娅·阿卜杜热合曼·买买提江"));
  }
}

static void
test_short_document (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(JzDocument) document = make_list (3);
  g_autofree char *pdf = g_build_filename (f->dir, "short.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpuint (jz_document_get_n_pages (document), ==, 1);
  g_assert_true (jz_document_write_pdf (document, pdf, &error));
  g_assert_no_error (error);

  text = pdf_text (pdf, 0);
  g_assert_nonnull (strstr (text, "Page 1 of 1"));
  g_assert_nonnull (strstr (text, "公示期：2026年3月1日至2026年3月7日"));
}

static void
test_paragraph_across_pages (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(JzDocument) document = jz_document_new ();
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "paragraph.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *all = NULL;
  guint n_pages;

  for (guint i = 1; i <= 400; i++)
    g_string_append_printf (long_text, "第%03u句：家庭人口、收入和财产状况发生变化的，应当及时告知。", i);

  jz_document_add_title (document, "说明", NULL);
  jz_document_add_paragraph (document, long_text->str, JZ_PARAGRAPH_DEFAULT);
  jz_document_add_paragraph (document, "最后一段。", JZ_PARAGRAPH_NO_INDENT);

  n_pages = jz_document_get_n_pages (document);
  g_assert_cmpuint (n_pages, >=, 3);
  g_assert_true (jz_document_write_pdf (document, pdf, &error));
  g_assert_no_error (error);

  /* Every sentence exactly once: a paragraph cut by a page break neither
   * loses nor repeats a line. */
  all = pdf_text (pdf, 0);
  {
    g_autofree char *squeezed = squeeze (all);

    for (guint i = 1; i <= 400; i++)
      {
        g_autofree char *mark = g_strdup_printf ("第%03u句", i);
        g_assert_cmpuint (count (squeezed, mark), ==, 1);
      }
    g_assert_cmpuint (count (squeezed, "最后一段。"), ==, 1);
  }

  /* The last sentence and the last paragraph are on the last page. */
  {
    g_autofree char *last = pdf_text (pdf, n_pages);
    g_autofree char *squeezed = squeeze (last);

    g_assert_nonnull (strstr (squeezed, "第400句"));
    g_assert_nonnull (strstr (squeezed, "最后一段。"));
  }
}

static void
test_group_headings (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(JzDocument) document = jz_document_new ();
  const char *villages[] = { "王家庄村", "李家坡村", "河东社区" };
  g_autofree char *pdf = g_build_filename (f->dir, "groups.pdf", NULL);
  g_autoptr(GError) error = NULL;

  jz_document_add_title (document, "柳河镇公示名单", NULL);
  for (guint v = 0; v < G_N_ELEMENTS (villages); v++)
    {
      JzDocumentTable *table;

      jz_document_add_heading (document, villages[v], TRUE);
      table = jz_document_add_table (document);
      jz_document_table_add_column (table, "姓名", JZ_ALIGN_START, 0, 1);
      jz_document_table_add_column (table, "金额", JZ_ALIGN_END, 0, 1);
      jz_document_table_add_row_cells (table, JZ_ROW_DEFAULT, "张三", "100.00", NULL);
    }

  /* One page per village, the first under the title. */
  g_assert_cmpuint (jz_document_get_n_pages (document), ==, 3);
  g_assert_true (jz_document_write_pdf (document, pdf, &error));
  g_assert_no_error (error);

  for (guint v = 0; v < G_N_ELEMENTS (villages); v++)
    {
      g_autofree char *text = pdf_text (pdf, v + 1);

      g_assert_nonnull (strstr (text, villages[v]));
      for (guint w = 0; w < G_N_ELEMENTS (villages); w++)
        if (w != v)
          g_assert_null (strstr (text, villages[w]));
    }
}

/* A heading at the foot of a page goes over with its table. */
static void
test_heading_kept_with_table (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(JzDocument) document = jz_document_new ();
  g_autofree char *pdf = g_build_filename (f->dir, "keep.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  JzDocumentTable *table;
  double width, height;

  jz_document_get_page_size (document, &width, &height);
  /* Fill the page to some 60 points above the bottom margin: room for the
   * heading, not for the heading and the first row of its table. */
  jz_document_add_paragraph (document, "上文。", JZ_PARAGRAPH_NO_INDENT);
  jz_document_add_spacer (document, height - 2 * JZ_DOCUMENT_MM (25) - 22 - 60);
  jz_document_add_heading (document, "河东社区", FALSE);
  table = jz_document_add_table (document);
  jz_document_table_add_column (table, "姓名", JZ_ALIGN_START, 0, 1);
  jz_document_table_add_row_cells (table, JZ_ROW_DEFAULT, "李四", NULL);

  g_assert_cmpuint (jz_document_get_n_pages (document), ==, 2);
  g_assert_true (jz_document_write_pdf (document, pdf, &error));
  g_assert_no_error (error);

  first = pdf_text (pdf, 1);
  g_assert_nonnull (strstr (first, "上文。"));
  g_assert_null (strstr (first, "河东社区"));
}

static void
test_pdf_page_size (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(JzDocument) document = make_list (5);
  g_autofree char *pdf = g_build_filename (f->dir, "size.pdf", NULL);
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  jz_document_set_orientation (document, JZ_ORIENTATION_LANDSCAPE);
  jz_document_set_title (document, "公示名单");
  g_assert_true (jz_document_write_pdf (document, pdf, &error));
  g_assert_no_error (error);

  g_assert_nonnull (pdfinfo);
  g_spawn_sync (NULL, (char *[]) { pdfinfo, pdf, NULL }, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "841.89 x 595.276 pts"));
  g_assert_nonnull (strstr (out, "公示名单"));
  g_assert_nonnull (strstr (out, "Pages:           1\n"));
}

static void
test_png (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(JzDocument) document = make_list (120);
  g_autofree char *png = g_build_filename (f->dir, "page.png", NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *image;
  unsigned char *pixels;
  guint dark = 0, light = 0;
  int stride;

  g_assert_true (jz_document_write_png (document, 1, 100, png, &error));
  g_assert_no_error (error);

  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  /* A4 at 100 dpi: 8.27 × 11.69 inches. */
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 827);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 1169);

  cairo_surface_flush (image);
  pixels = cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image);
  for (int y = 0; y < cairo_image_surface_get_height (image); y++)
    for (int x = 0; x < cairo_image_surface_get_width (image); x++)
      {
        guint32 pixel = *(guint32 *) (pixels + y * stride + x * 4);
        guint green = (pixel >> 8) & 0xff;

        if (green < 128)
          dark++;
        else if (green > 250)
          light++;
      }
  cairo_surface_destroy (image);

  /* Text and rules on white paper: ink on more than 1 % of it, but far
   * from all of it. */
  g_assert_cmpuint (dark, >, 827 * 1169 / 100);
  g_assert_cmpuint (light, >, 827 * 1169 / 2);

  /* Landscape swaps the sides. */
  jz_document_set_orientation (document, JZ_ORIENTATION_LANDSCAPE);
  g_assert_true (jz_document_write_png (document, 0, 72, png, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 842);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 595);
  cairo_surface_destroy (image);
}

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(JzDocument) document = make_list (3);
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "list.pdf", NULL);
  g_autofree char *kept = g_build_filename (f->dir, "kept.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_files = 0;

  g_assert_false (jz_document_write_pdf (document, missing, &error));
  g_assert_error (error, JZ_DOCUMENT_ERROR, JZ_DOCUMENT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "list.pdf"));
  g_clear_error (&error);

  g_assert_false (jz_document_write_png (document, 1, 72, kept, &error));
  g_assert_error (error, JZ_DOCUMENT_ERROR, JZ_DOCUMENT_ERROR_NO_PAGE);
  g_clear_error (&error);
  g_assert_false (g_file_test (kept, G_FILE_TEST_EXISTS));

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 10, 10);
  cr = cairo_create (surface);
  g_assert_true (jz_document_render_page (document, cr, 0, &error));
  g_assert_no_error (error);
  g_assert_false (jz_document_render_page (document, cr, 1, &error));
  g_assert_error (error, JZ_DOCUMENT_ERROR, JZ_DOCUMENT_ERROR_NO_PAGE);
  g_clear_error (&error);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  /* Writing over a file replaces it whole and leaves no temporary file. */
  g_assert_true (g_file_set_contents (kept, "old", -1, NULL));
  g_assert_true (jz_document_write_pdf (document, kept, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (kept, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  {
    g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);

    while (g_dir_read_name (dir) != NULL)
      n_files++;
  }
  g_assert_cmpuint (n_files, ==, 1);
}

/* Text that is not UTF-8 prints with a replacement character instead of
 * upsetting Pango. */
static void
test_invalid_text (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(JzDocument) document = jz_document_new ();
  g_autofree char *pdf = g_build_filename (f->dir, "invalid.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  JzDocumentTable *table;

  jz_document_add_paragraph (document, "张\xff三", JZ_PARAGRAPH_DEFAULT);
  table = jz_document_add_table (document);
  jz_document_table_add_column (table, "姓\xfe名", JZ_ALIGN_START, 0, 1);
  jz_document_table_add_row_cells (table, JZ_ROW_DEFAULT, "李\xff四", NULL);
  g_assert_true (jz_document_write_pdf (document, pdf, &error));
  g_assert_no_error (error);

  text = pdf_text (pdf, 0);
  g_assert_nonnull (strstr (text, "张\xef\xbf\xbd三"));
  g_assert_nonnull (strstr (text, "李\xef\xbf\xbd四"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/document/table-pages", test_table_pages);
  ADD ("/document/short", test_short_document);
  ADD ("/document/paragraph-across-pages", test_paragraph_across_pages);
  ADD ("/document/group-headings", test_group_headings);
  ADD ("/document/heading-kept-with-table", test_heading_kept_with_table);
  ADD ("/document/pdf-page-size", test_pdf_page_size);
  ADD ("/document/png", test_png);
  ADD ("/document/errors", test_errors);
  ADD ("/document/invalid-text", test_invalid_text);
#undef ADD

  return g_test_run ();
}
