/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The disclosure list as a document, read back from the PDF with poppler's
 * pdftotext and pdfinfo: what every page carries, how a long list is cut
 * into pages, and that nothing private reaches the paper.  Lists are made
 * by hand where the test needs a shape (many rows, many villages), and by
 * jz_disclosure_build() on a small database for privacy, so that the
 * whole way from the persons' records to the paper is checked. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "jz-disclosure-document.h"
#include "jz-db-private.h"
#include "jz-disclosure.h"
#include "jz-household.h"
#include "jz-id-number.h"
#include "jz-money.h"
#include "jz-office.h"
#include "jz-test-util.h"

#define TITLE     "柳河镇2026年6月城市低保公示名单"
#define OFFICE    "青禾区民政局"
#define PHONE     "0533-1234567"
#define TOWNSHIP  "柳河镇"

/* ---- reading PDFs back ------------------------------------------------- */

static char *
spawn_out (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* The text of page @page (from 1; 0 for all pages), laid out as on paper
 * so that a table row is one line. */
static char *
pdf_text (const char *pdf,
          guint       page)
{
  g_autofree char *first = g_strdup_printf ("%u", page);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  g_assert_nonnull (pdftotext);  /* poppler-utils */
  if (page == 0)
    return spawn_out ((const char *[]) { "pdftotext", "-layout", "-enc", "UTF-8", pdf, "-", NULL });
  return spawn_out ((const char *[]) { "pdftotext", "-layout", "-enc", "UTF-8", "-f", first, "-l", first, pdf, "-", NULL });
}

static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* pdfinfo's "Page size:" line and page count. */
static guint
pdf_info (const char  *pdf,
          char       **page_size)
{
  g_autofree char *out = spawn_out ((const char *[]) { "pdfinfo", pdf, NULL });
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  guint pages = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "Pages:"))
        pages = (guint) g_ascii_strtoull (g_strchug (lines[i] + strlen ("Pages:")), NULL, 10);
      else if (g_str_has_prefix (lines[i], "Page size:") && page_size != NULL)
        *page_size = g_strdup (g_strchug (lines[i] + strlen ("Page size:")));
    }
  return pages;
}

typedef struct
{
  char *dir;
  char *pdf;
} Out;

static void
out_free (Out *out)
{
  g_remove (out->pdf);
  g_rmdir (out->dir);
  g_free (out->pdf);
  g_free (out->dir);
  g_free (out);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Out, out_free)

/* Writes @document to a PDF in a fresh folder.  JZ_DISCLOSURE_PNG=/tmp/x
 * writes the pages beside it, to look at. */
static Out *
write_pdf (JzDocument *document,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  Out *out = g_new0 (Out, 1);

  out->dir = g_dir_make_tmp ("jz-disclosure-XXXXXX", &error);
  g_assert_no_error (error);
  out->pdf = g_build_filename (out->dir, "list.pdf", NULL);
  g_assert_true (jz_document_write_pdf (document, out->pdf, &error));
  g_assert_no_error (error);

  for (guint i = 0; g_getenv ("JZ_DISCLOSURE_PNG") != NULL && i < jz_document_get_n_pages (document); i++)
    {
      g_autofree char *png = g_strdup_printf ("%s-%s-%u.png", g_getenv ("JZ_DISCLOSURE_PNG"), name, i + 1);

      g_assert_true (jz_document_write_png (document, i, 60, png, &error));
      g_assert_no_error (error);
    }
  return out;
}

/* The line of @text holding @needle, or NULL. */
static char *
line_with (const char *text,
           const char *needle)
{
  const char *hit = strstr (text, needle);
  const char *start, *end;

  if (hit == NULL)
    return NULL;
  for (start = hit; start > text && start[-1] != '\n'; start--)
    ;
  end = strchr (hit, '\n');
  return g_strndup (start, end != NULL ? (gsize) (end - start) : strlen (start));
}

static guint
count (const char *text,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + strlen (needle), needle))
    n++;
  return n;
}

/* ---- lists made by hand ------------------------------------------------ */

static const char * const surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴",
  "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗",
};
static const char * const given[] = {
  "秀", "建", "海", "春", "玉", "德", "明", "桂", "志", "国",
  "兰", "金", "永", "凤", "文", "淑", "红", "福", "平", "伟",
};

/* A unique three-character name for row @i (i < 400). */
static char *
row_name (guint i)
{
  return g_strconcat (surnames[i % 20], given[(i / 20) % 20], "英", NULL);
}

static gint64
row_amount (guint i)
{
  return 45000 + (gint64) i * 1373;
}

static JzDisclosureList *
hand_list (JzDisclosureKind kind,
           guint            villages,
           guint            rows_per_village,
           guint            id_head,
           guint            id_tail,
           gboolean         remarks)
{
  JzDisclosureList *list = g_new0 (JzDisclosureList, 1);
  JzDisclosureQuery *q = g_new0 (JzDisclosureQuery, 1);
  static const char * const programs[] = { "dibao_urban", "dibao_rural", NULL };

  q->kind = kind;
  q->programs = g_strdupv ((char **) programs);
  q->region_id = 2;
  q->month = g_strdup ("2026-06");
  if (kind == JZ_DISCLOSURE_NOTICE)
    {
      q->notice_from = g_strdup ("2026-06-01");
      q->notice_to = g_strdup ("2026-06-07");
    }
  q->id_head = id_head;
  q->id_tail = id_tail;
  q->remarks = remarks;

  list->query = q;
  list->title = g_strdup (TITLE);
  list->period = g_strdup (kind == JZ_DISCLOSURE_NOTICE ? "2026-06-01 to 2026-06-07" : "2026-06");
  list->office = g_strdup (OFFICE);
  list->complaint_phone = g_strdup (PHONE);
  list->region_name = g_strdup (TOWNSHIP);
  list->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) jz_disclosure_row_free);

  for (guint v = 0; v < villages; v++)
    for (guint r = 0; r < rows_per_village; r++)
      {
        JzDisclosureRow *row = g_new0 (JzDisclosureRow, 1);
        guint i = list->rows->len;

        row->number = i + 1;
        row->township_id = 2;
        row->township_name = g_strdup (TOWNSHIP);
        row->village_id = 10 + v;
        row->village_name = g_strdup_printf ("第%u村", v + 1);
        row->name = row_name (i);
        row->program = g_strdup (r % 3 == 2 ? "dibao_rural" : "dibao_urban");
        row->persons = 1 + (int) (i % 5);
        row->monthly_amount = row_amount (i);
        if (id_head + id_tail > 0)
          {
            g_autofree char *id = g_strdup_printf ("3703021950%04u%03u7", i % 1231 + 101, i % 1000);

            row->id_partial = jz_disclosure_mask_id (id, id_head, id_tail);
          }
        if (kind == JZ_DISCLOSURE_NOTICE)
          row->remark = g_strdup (r % 2 == 0 ? "new" : "ended");
        row->place_key = g_strdup_printf ("370302101/%03u", v + 1);

        list->persons += (guint) row->persons;
        list->total_amount += row->monthly_amount;
        g_ptr_array_add (list->rows, row);
      }
  list->villages = villages;
  return list;
}

static JzDocument *
build (const JzDisclosureList *list,
       gboolean                by_village)
{
  g_autoptr(GError) error = NULL;
  JzDocument *document = jz_disclosure_document_build (list, by_village, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static const char * const default_columns[] = {
  "No.", "Village or community", "Name", "Program", "Persons", "Monthly amount (yuan)", NULL
};

/* ---- the tests ----------------------------------------------------------- */

/* Everything the list holds is on the paper, with the office, the phone,
 * the period and the totals; the six columns of art. 24, on A4 upright. */
static void
test_contents (void)
{
  g_autoptr(JzDisclosureList) list = hand_list (JZ_DISCLOSURE_LONGTERM, 2, 4, 0, 0, FALSE);
  g_autoptr(JzDocument) document = build (list, FALSE);
  g_autoptr(Out) out = write_pdf (document, "contents");
  g_autofree char *text = pdf_text (out->pdf, 0);
  g_autofree char *flat = squeeze (text);
  g_autofree char *size = NULL;
  g_autofree char *header = NULL;
  gint64 amounts[2] = { 0, 0 };
  guint persons[2] = { 0, 0 };
  double width, height;

  g_assert_cmpuint (pdf_info (out->pdf, &size), ==, 1);
  g_assert_cmpstr (size, ==, "595.276 x 841.89 pts (A4)");
  jz_document_get_page_size (document, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, JZ_DOCUMENT_A4_WIDTH, 0.01);
  g_assert_cmpfloat_with_epsilon (height, JZ_DOCUMENT_A4_HEIGHT, 0.01);

  /* The title twice: at the top of the page and in its header. */
  g_assert_cmpuint (count (flat, TITLE), ==, 2);
  g_assert_nonnull (strstr (flat, "Period:2026-06"));
  g_assert_nonnull (strstr (flat, OFFICE));
  g_assert_nonnull (strstr (flat, "Complaintsandsupervision:" PHONE));
  g_assert_nonnull (strstr (flat, "Page1of1"));
  g_assert_nonnull (strstr (flat, "supervisionline" PHONE));

  /* The header row: the six columns, in order, and no more. */
  header = line_with (text, "Village or community");
  g_assert_nonnull (header);
  for (guint i = 0; default_columns[i] != NULL; i++)
    {
      const char *here = strstr (header, default_columns[i]);

      g_assert_nonnull (here);
      if (default_columns[i + 1] != NULL)
        g_assert_true (here < strstr (header, default_columns[i + 1]));
    }
  g_assert_null (strstr (text, "ID number"));
  g_assert_null (strstr (text, "Remarks"));

  /* Every row on a line of its own, its number, place, name, program,
   * persons and amount together. */
  for (guint i = 0; i < list->rows->len; i++)
    {
      const JzDisclosureRow *row = g_ptr_array_index (list->rows, i);
      g_autofree char *line = line_with (text, row->name);
      g_autofree char *number = g_strdup_printf ("%u ", row->number);
      g_autofree char *amount = jz_money_format (row->monthly_amount);
      g_autofree char *persons_text = g_strdup_printf (" %d ", row->persons);

      g_assert_nonnull (line);
      g_assert_true (g_str_has_prefix (g_strchug (line), number));
      g_assert_nonnull (strstr (line, row->village_name));
      g_assert_nonnull (strstr (line, row->program[6] == 'u' ? "Urban dibao" : "Rural dibao"));
      g_assert_nonnull (strstr (line, persons_text));
      g_assert_true (g_str_has_suffix (g_strchomp (line), amount));
      amounts[i / 4] += row->monthly_amount;
      persons[i / 4] += (guint) row->persons;
    }

  /* A heading and a subtotal per village, and the total of the list. */
  for (guint v = 0; v < 2; v++)
    {
      g_autofree char *heading = g_strdup_printf (TOWNSHIP " 第%u村", v + 1);
      g_autofree char *amount = jz_money_format (amounts[v]);
      g_autofree char *line = NULL;
      g_autofree char *subtotal = NULL;
      g_autofree char *expected = g_strdup_printf ("Subtotal4entries%u%s", persons[v], amount);

      g_assert_cmpuint (count (text, heading), ==, 1);
      line = line_with (strstr (text, heading), "Subtotal");
      subtotal = squeeze (line);
      g_assert_cmpstr (subtotal, ==, expected);
    }
  {
    g_autofree char *amount = jz_money_format (list->total_amount);
    g_autofree char *total = g_strdup_printf ("Totalofthelist:villages2,entries8,persons%u,monthlyamount%syuan.",
                                              list->persons, amount);

    g_assert_nonnull (strstr (flat, total));
  }
}

/* A list over several pages: the header row at the top of the table on
 * every page, no row cut in two, every row once, "Page N of M" right on
 * every page. */
static void
test_pages (void)
{
  g_autoptr(JzDisclosureList) list = hand_list (JZ_DISCLOSURE_LONGTERM, 1, 130, 0, 0, FALSE);
  g_autoptr(JzDocument) document = build (list, FALSE);
  g_autoptr(Out) out = write_pdf (document, "pages");
  g_autofree guint *seen = g_new0 (guint, list->rows->len);
  guint n_pages = pdf_info (out->pdf, NULL);

  g_assert_cmpuint (n_pages, >=, 3);
  g_assert_cmpuint (n_pages, ==, jz_document_get_n_pages (document));

  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = pdf_text (out->pdf, page);
      g_autofree char *flat = squeeze (text);
      g_autofree char *footer = g_strdup_printf ("Page%uof%u", page, n_pages);
      g_autofree char *header = line_with (text, "Monthly amount (yuan)");
      const char *first_row = NULL;

      g_assert_nonnull (strstr (flat, footer));
      g_assert_cmpuint (count (flat, "Page"), ==, 1);
      g_assert_nonnull (strstr (flat, TITLE));
      g_assert_nonnull (strstr (flat, OFFICE));

      /* The header row, once, above the page's first row. */
      g_assert_nonnull (header);
      for (guint i = 0; default_columns[i] != NULL; i++)
        g_assert_nonnull (strstr (header, default_columns[i]));
      g_assert_cmpuint (count (text, "Monthly amount (yuan)"), ==, 1);

      for (guint i = 0; i < list->rows->len; i++)
        {
          const JzDisclosureRow *row = g_ptr_array_index (list->rows, i);
          const char *hit = strstr (text, row->name);
          g_autofree char *line = NULL;
          g_autofree char *amount = NULL;

          if (hit == NULL)
            continue;
          /* The name and the amount on one line of the same page. */
          line = line_with (text, row->name);
          amount = jz_money_format (row->monthly_amount);
          g_assert_true (g_str_has_suffix (g_strchomp (line), amount));
          seen[i]++;
          if (first_row == NULL || hit < first_row)
            first_row = hit;
        }
      g_assert_nonnull (first_row);
      g_assert_true (strstr (text, "Monthly amount (yuan)") < first_row);
    }

  for (guint i = 0; i < list->rows->len; i++)
    g_assert_cmpuint (seen[i], ==, 1);
}

/* Whether the zh_CN catalogue of this build can be read; bound once. */
static gboolean
bind_build_catalogue (void)
{
  const char *build_root = g_getenv ("JZ_BUILD_ROOT");
  g_autofree char *localedir = NULL;
  g_autofree char *mo = NULL;

  if (build_root == NULL)
    return FALSE;
  localedir = g_build_filename (build_root, "po", NULL);
  mo = g_build_filename (localedir, "zh_CN", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    return FALSE;
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  return TRUE;
}

/* gettext keeps what it translated until the locale is set again. */
static void
set_language (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  setlocale (LC_ALL, "");
}

/* In Chinese the footer is 第N页，共M页 as the catalogue has it, right on
 * every page. */
static void
test_pages_chinese (void)
{
  g_autoptr(JzDisclosureList) list = hand_list (JZ_DISCLOSURE_LONGTERM, 1, 130, 0, 0, FALSE);
  g_autoptr(JzDocument) document = NULL;
  g_autoptr(Out) out = NULL;
  guint n_pages;

  if (!bind_build_catalogue ())
    {
      g_test_skip ("the zh_CN catalogue of this build is not there");
      return;
    }

  set_language ("zh_CN");
  document = build (list, FALSE);
  out = write_pdf (document, "chinese");
  n_pages = pdf_info (out->pdf, NULL);
  g_assert_cmpuint (n_pages, >=, 3);

  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = pdf_text (out->pdf, page);
      g_autofree char *flat = squeeze (text);
      g_autofree char *counter = g_strdup_printf (_("Page %d of %d"), (int) page, (int) n_pages);
      g_autofree char *footer = squeeze (counter);

      g_assert_nonnull (strstr (footer, "第"));
      g_assert_nonnull (strstr (footer, "页"));
      g_assert_nonnull (strstr (flat, footer));
      g_assert_null (strstr (flat, "Page"));
    }
  set_language ("en");
}

/* Batch of a township: every village on pages of its own, each with the
 * title, its heading, its rows and the seal. */
static void
test_page_per_village (void)
{
  g_autoptr(JzDisclosureList) list = hand_list (JZ_DISCLOSURE_LONGTERM, 4, 3, 0, 0, FALSE);
  g_autoptr(JzDocument) document = build (list, TRUE);
  g_autoptr(Out) out = write_pdf (document, "villages");
  guint n_pages = pdf_info (out->pdf, NULL);

  g_assert_cmpuint (n_pages, ==, 4);
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = pdf_text (out->pdf, page);
      g_autofree char *heading = g_strdup_printf (TOWNSHIP " 第%u村", page);

      g_assert_cmpuint (count (text, TOWNSHIP " 第"), ==, 1);
      g_assert_nonnull (strstr (text, heading));
      g_assert_cmpuint (count (text, "Subtotal"), ==, 1);
      for (guint i = 0; i < list->rows->len; i++)
        {
          const JzDisclosureRow *row = g_ptr_array_index (list->rows, i);

          g_assert_true ((strstr (text, row->name) != NULL) == (i / 3 == page - 1));
        }
    }

  /* Without the option the four share the pages. */
  g_clear_object (&document);
  document = build (list, FALSE);
  g_assert_cmpuint (jz_document_get_n_pages (document), <, 4);
}

/* The options: a partial ID turns the page and shows stars in the
 * middle; masked names keep the surname; remarks get a column. */
static void
test_options (void)
{
  g_autoptr(JzDisclosureList) list = hand_list (JZ_DISCLOSURE_LONGTERM, 1, 5, 4, 2, TRUE);
  g_autoptr(JzDocument) document = NULL;
  g_autoptr(Out) out = NULL;
  g_autofree char *text = NULL;
  g_autofree char *size = NULL;
  g_autofree char *header = NULL;

  for (guint i = 0; i < list->rows->len; i++)
    {
      JzDisclosureRow *row = g_ptr_array_index (list->rows, i);
      char *masked = jz_disclosure_mask_name (row->name);

      g_free (row->name);
      row->name = masked;
    }

  document = build (list, FALSE);
  out = write_pdf (document, "options");
  text = pdf_text (out->pdf, 0);
  g_assert_cmpuint (pdf_info (out->pdf, &size), ==, 1);
  g_assert_cmpstr (size, ==, "841.89 x 595.276 pts (A4)");

  header = line_with (text, "Village or community");
  g_assert_nonnull (strstr (header, "ID number"));
  g_assert_nonnull (strstr (header, "Remarks"));
  g_assert_true (strstr (header, "Monthly amount (yuan)") < strstr (header, "ID number"));
  for (guint i = 0; i < list->rows->len; i++)
    {
      const JzDisclosureRow *row = g_ptr_array_index (list->rows, i);
      g_autofree char *line = line_with (text, row->id_partial);
      g_autofree char *full = row_name (i);

      g_assert_cmpuint (strlen (row->id_partial), ==, 18);
      g_assert_nonnull (strstr (row->id_partial, "3703************"));
      g_assert_nonnull (line);
      g_assert_nonnull (strstr (line, row->name));
      g_assert_null (strstr (text, full));
    }
}

/* A notice: its days and how to object in the text, the remark telling a
 * new application from ended support, "—" for an amount not computed. */
static void
test_notice (void)
{
  g_autoptr(JzDisclosureList) list = hand_list (JZ_DISCLOSURE_NOTICE, 1, 4, 0, 0, FALSE);
  g_autoptr(JzDocument) document = NULL;
  g_autoptr(Out) out = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  JzDisclosureRow *unknown = g_ptr_array_index (list->rows, 2);

  list->total_amount -= unknown->monthly_amount;
  unknown->monthly_amount = -1;
  document = build (list, FALSE);
  out = write_pdf (document, "notice");
  text = pdf_text (out->pdf, 0);
  flat = squeeze (text);

  g_assert_nonnull (strstr (flat, "publiclynoticedfrom2026-06-01to2026-06-07"));
  g_assert_nonnull (strstr (flat, "withinthatperiodtothecomplaintandsupervisionline" PHONE));
  g_assert_nonnull (strstr (flat, "Noticeperiod:2026-06-01to2026-06-07"));
  g_assert_nonnull (strstr (text, "Remarks"));
  for (guint i = 0; i < list->rows->len; i++)
    {
      const JzDisclosureRow *row = g_ptr_array_index (list->rows, i);
      g_autofree char *line = line_with (text, row->name);

      g_assert_nonnull (strstr (line, jz_disclosure_remark_label (row->remark)));
      if (row->monthly_amount < 0)
        g_assert_nonnull (strstr (line, "—"));
    }
  g_assert_nonnull (strstr (flat, "Anamountshownas“—”issettled"));
}

static void
test_empty (void)
{
  g_autoptr(JzDisclosureList) list = hand_list (JZ_DISCLOSURE_LONGTERM, 0, 0, 0, 0, FALSE);
  g_autoptr(JzDocument) document = build (list, TRUE);
  g_autoptr(Out) out = write_pdf (document, "empty");
  g_autofree char *text = pdf_text (out->pdf, 0);
  g_autofree char *flat = squeeze (text);

  g_assert_cmpuint (pdf_info (out->pdf, NULL), ==, 1);
  g_assert_nonnull (strstr (flat, TITLE));
  g_assert_nonnull (strstr (flat, "Nobodyisonthislist"));
  g_assert_null (strstr (text, "Village or community"));
  g_assert_null (strstr (text, "Total of the list"));
  g_assert_nonnull (strstr (flat, "Page1of1"));
}

/* ---- privacy, from the persons' records to the paper --------------------- */

#define N_HOUSEHOLDS 6

typedef struct
{
  char *id_number;
  char *phone;
  char *account;
} Secret;

static char *
valid_id (guint i)
{
  g_autofree char *first17 = g_strdup_printf ("37030219%02u%02u%02u%03u", 50 + i, 1 + i % 12, 10 + i, 100 + i * 7);

  return g_strdup_printf ("%s%c", first17, jz_id_number_check_char (first17));
}

static void
exec_sql (JzDb       *db,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jz_db_exec (db, sql, &error));
  g_assert_no_error (error);
}

static void
make_households (JzTestDb *t,
                 Secret   *secrets)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < N_HOUSEHOLDS; i++)
    {
      g_autoptr(JzHousehold) household = jz_household_new ();
      g_autoptr(JzPerson) head = jz_person_new ();
      g_autofree char *sql = NULL;

      secrets[i].id_number = valid_id (i);
      secrets[i].phone = g_strdup_printf ("139%08u", 12345670 + i);
      secrets[i].account = g_strdup_printf ("62284800123456789%02u", i);

      household->region_id = t->village;
      g_free (household->hukou);
      household->hukou = g_strdup ("rural");
      household->address = g_strdup_printf ("王家庄村%u组%u号", i + 1, 10 + i);
      household->phone = g_strdup (secrets[i].phone);
      household->bank = g_strdup ("中国农业银行柳河支行");
      household->bank_account = g_strdup (secrets[i].account);
      head->name = row_name (i);
      head->id_number = g_strdup (secrets[i].id_number);
      head->severe_illness = g_strdup ("尿毒症");
      jz_household_create (t->db, household, head, &error);
      g_assert_no_error (error);

      sql = g_strdup_printf ("INSERT INTO cases (household_id, program, status, applied_on, decided_on, starts_on, "
                             "persons, monthly_amount) VALUES (%" G_GINT64_FORMAT ", 'dibao_rural', 'active', "
                             "'2025-11-03', '2025-12-01', '2026-01-01', %u, %" G_GINT64_FORMAT ")",
                             household->id, 1 + i % 3, row_amount (i));
      exec_sql (t->db, sql);
    }
}

static void
assert_nothing_private (const char   *text,
                        const Secret *secrets)
{
  g_autofree char *flat = squeeze (text);
  static const char * const shapes[] = {
    "[0-9]{17}[0-9Xx]",              /* an ID number */
    "(?<![0-9])1[3-9][0-9]{9}(?![0-9])", /* a mobile phone */
    "[0-9]{16,19}",                  /* a bank account */
  };

  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    {
      g_assert_false (g_regex_match_simple (shapes[i], text, 0, 0));
      g_assert_false (g_regex_match_simple (shapes[i], flat, 0, 0));
    }

  for (guint i = 0; i < N_HOUSEHOLDS; i++)
    {
      /* Not even the birth date in the middle of the number. */
      g_autofree char *middle = g_strndup (secrets[i].id_number + 6, 8);
      g_autofree char *phone_tail = g_strdup (secrets[i].phone + 3);

      g_assert_null (strstr (flat, secrets[i].id_number));
      g_assert_null (strstr (flat, middle));
      g_assert_null (strstr (flat, phone_tail));
      g_assert_null (strstr (flat, secrets[i].account));
    }
  g_assert_null (strstr (flat, "组"));
  g_assert_null (strstr (flat, "银行"));
  g_assert_null (strstr (flat, "尿毒症"));
}

static void
test_privacy (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(GError) error = NULL;
  Secret secrets[N_HOUSEHOLDS];

  g_assert_true (jz_office_set (t->db, JZ_OFFICE_NAME, OFFICE, &error));
  g_assert_true (jz_office_set (t->db, JZ_OFFICE_COMPLAINT_PHONE, PHONE, &error));
  g_assert_no_error (error);
  make_households (t, secrets);

  for (guint partial = 0; partial < 2; partial++)
    {
      g_autoptr(JzDisclosureQuery) query = jz_disclosure_query_new (t->db, &error);
      g_autoptr(JzDisclosureList) list = NULL;
      g_autoptr(JzDocument) document = NULL;
      g_autoptr(Out) out = NULL;
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      g_strfreev (query->programs);
      query->programs = g_strsplit ("dibao_rural", ",", -1);
      g_free (query->month);
      query->month = g_strdup ("2026-06");
      query->region_id = t->township;
      query->id_head = partial ? 4 : 0;
      query->id_tail = partial ? 2 : 0;
      list = jz_disclosure_build (t->db, NULL, query, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (list->rows->len, ==, N_HOUSEHOLDS);

      document = build (list, partial);
      out = write_pdf (document, partial ? "privacy-partial" : "privacy");
      text = pdf_text (out->pdf, 0);
      assert_nothing_private (text, secrets);

      for (guint i = 0; i < N_HOUSEHOLDS; i++)
        {
          g_autofree char *name = row_name (i);
          g_autofree char *masked = jz_disclosure_mask_id (secrets[i].id_number, 4, 2);

          g_assert_nonnull (strstr (text, name));
          g_assert_true ((strstr (text, masked) != NULL) == (partial == 1));
        }
    }

  for (guint i = 0; i < N_HOUSEHOLDS; i++)
    {
      g_free (secrets[i].id_number);
      g_free (secrets[i].phone);
      g_free (secrets[i].account);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* LANGUAGE is honoured in a locale other than "C". */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  /* The footer's and the seal's date. */
  g_setenv ("JIUZHU_TODAY", "2026-06-03", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/disclosure-document/contents", test_contents);
  g_test_add_func ("/disclosure-document/pages", test_pages);
  g_test_add_func ("/disclosure-document/pages-chinese", test_pages_chinese);
  g_test_add_func ("/disclosure-document/page-per-village", test_page_per_village);
  g_test_add_func ("/disclosure-document/options", test_options);
  g_test_add_func ("/disclosure-document/notice", test_notice);
  g_test_add_func ("/disclosure-document/empty", test_empty);
  g_test_add_func ("/disclosure-document/privacy", test_privacy);

  return g_test_run ();
}
