/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The disclosure list as a workbook, a sheet per village; see
 * jz-xlsx-disclosure.h. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "jz-labels.h"
#include "jz-money.h"
#include "jz-xlsx-disclosure.h"

enum
{
  COL_NUMBER,
  COL_VILLAGE,
  COL_NAME,
  COL_PROGRAM,
  COL_PERSONS,
  COL_AMOUNT,
  COL_ID_PARTIAL,
  COL_REMARK,
  N_COLUMNS
};

static const char * const titles[N_COLUMNS] = {
  [COL_NUMBER]     = NC_("disclosure column", "No."),
  [COL_VILLAGE]    = NC_("disclosure column", "Village"),
  [COL_NAME]       = NC_("disclosure column", "Name"),
  [COL_PROGRAM]    = NC_("disclosure column", "Program"),
  [COL_PERSONS]    = NC_("disclosure column", "Persons"),
  [COL_AMOUNT]     = NC_("disclosure column", "Monthly amount (yuan)"),
  [COL_ID_PARTIAL] = NC_("disclosure column", "ID number (partial)"),
  [COL_REMARK]     = NC_("disclosure column", "Remarks"),
};

/* The rows of a sheet, from the top. */
#define ROW_TITLE   0
#define ROW_PERIOD  1
#define ROW_PLACE   2
#define ROW_HEADER  3
#define ROW_FIRST   (ROW_HEADER + 1)

/* Column widths in Excel's units (about one Latin digit). */
#define MIN_WIDTH   6
#define MAX_WIDTH   40

/* Excel counts a sheet name in UTF-16 units and refuses these characters. */
#define SHEET_NAME_MAX        31
#define SHEET_NAME_FORBIDDEN  "[]:*?/\\"

/* A page header or footer holds 255 characters; each part stays within
 * this, so that two parts and the codes always fit. */
#define PAGE_PART_MAX  100

#define PAPER_A4  9
/* Points, against the body's 11. */
#define TITLE_SIZE  14

typedef struct
{
  const char *township;
  const char *name;
  GPtrArray  *rows;       /* borrowed JzDisclosureRow */
} Village;

typedef struct
{
  const JzDisclosureList *list;
  lxw_workbook           *workbook;
  guint                   columns[N_COLUMNS];   /* those shown, in order */
  guint                   n_columns;
  GHashTable             *sheet_names;          /* case-folded, taken */

  lxw_format             *title_format;
  lxw_format             *info_format;
  lxw_format             *header_format;
  lxw_format             *text_format;
  lxw_format             *count_format;
  lxw_format             *amount_format;
  lxw_format             *pending_format;
  lxw_format             *total_label_format;
  lxw_format             *total_count_format;
  lxw_format             *total_amount_format;
} Writer;

/* --- errors ------------------------------------------------------------------- */

/* The sentences of the other exports, so that a clerk reads the same
 * advice whichever file failed to be written. */
static void
set_errno_error (GError     **error,
                 int          errsv,
                 const char  *dir)
{
  g_autofree char *folder = g_filename_display_name (dir);

  switch (errsv)
    {
    case ENOENT:
    case ENOTDIR:
      g_set_error (error, JZ_XLSX_EXPORT_ERROR, JZ_XLSX_EXPORT_ERROR_FOLDER,
                   _("The folder “%s” does not exist. Choose another folder."), folder);
      break;

    case EACCES:
    case EPERM:
    case EROFS:
      g_set_error (error, JZ_XLSX_EXPORT_ERROR, JZ_XLSX_EXPORT_ERROR_FOLDER,
                   _("The folder “%s” cannot be written to. Choose another folder, or ask for write access to this one."),
                   folder);
      break;

    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
      g_set_error_literal (error, JZ_XLSX_EXPORT_ERROR, JZ_XLSX_EXPORT_ERROR_FULL,
                           _("The disk is full, so the export could not be finished. Free some space and try again."));
      break;

    case 0:
      g_set_error_literal (error, JZ_XLSX_EXPORT_ERROR, JZ_XLSX_EXPORT_ERROR_FAILED,
                           _("The spreadsheet could not be written. Try again, or choose another folder."));
      break;

    default:
      g_set_error (error, JZ_XLSX_EXPORT_ERROR, JZ_XLSX_EXPORT_ERROR_FAILED,
                   _("The spreadsheet could not be written (%s). Try again, or choose another folder."),
                   g_strerror (errsv));
      break;
    }
}

static void
set_folder_target_error (GError     **error,
                         const char  *path)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, JZ_XLSX_EXPORT_ERROR, JZ_XLSX_EXPORT_ERROR_TARGET,
               _("“%s” is a folder. Choose a file name for the export."), name);
}

/* --- what the list holds -------------------------------------------------------- */

static void
village_free (Village *village)
{
  g_ptr_array_unref (village->rows);
  g_free (village);
}

/* The villages in the order the list first names them; a village whose
 * rows are not together still gets one sheet. */
static GPtrArray *
villages_of (const JzDisclosureList *list)
{
  GPtrArray *villages = g_ptr_array_new_with_free_func ((GDestroyNotify) village_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < list->rows->len; i++)
    {
      JzDisclosureRow *row = g_ptr_array_index (list->rows, i);
      Village *village = g_hash_table_lookup (by_id, &row->village_id);

      if (village == NULL)
        {
          village = g_new0 (Village, 1);
          village->township = row->township_name;
          village->name = row->village_name;
          village->rows = g_ptr_array_new ();
          g_hash_table_insert (by_id, &row->village_id, village);
          g_ptr_array_add (villages, village);
        }
      g_ptr_array_add (village->rows, row);
    }

  return villages;
}

/* Art. 24 lists the columns; the partial ID and the remarks only when
 * the office chose them, and a notice always tells new from ended. */
static void
choose_columns (Writer *w)
{
  const JzDisclosureQuery *q = w->list->query;

  w->n_columns = 0;
  for (guint c = COL_NUMBER; c <= COL_AMOUNT; c++)
    w->columns[w->n_columns++] = c;
  if (q->id_head + q->id_tail > 0)
    w->columns[w->n_columns++] = COL_ID_PARTIAL;
  if (q->remarks || q->kind == JZ_DISCLOSURE_NOTICE)
    w->columns[w->n_columns++] = COL_REMARK;
}

/* A list built by hand may leave a text out. */
static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static const char *
program_label (const char *code)
{
  const char *label = jz_labels_value (JZ_FIELD_PROGRAM, code);

  return label != NULL ? label : "";
}

/* Display width: a CJK character is as wide as two digits. */
static guint
text_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;

  return width;
}

/*
 * Yuan from fen for a number cell.  The decimal string is exact (integer
 * arithmetic only); g_ascii_strtod() then gives the double nearest to it,
 * which is what Excel itself stores when that amount is typed.  This is
 * the one floating-point step, and nothing is computed with its result.
 */
static double
yuan_cell_value (gint64 fen)
{
  char text[32];
  guint64 magnitude = fen < 0 ? (guint64) 0 - (guint64) fen : (guint64) fen;

  g_snprintf (text, sizeof text, "%s%" G_GUINT64_FORMAT ".%02u",
              fen < 0 ? "-" : "", magnitude / 100, (guint) (magnitude % 100));
  return g_ascii_strtod (text, NULL);
}

/* --- sheet names ---------------------------------------------------------------- */

static guint
utf16_units (gunichar c)
{
  return c >= 0x10000 ? 2 : 1;
}

/* @base without the characters Excel refuses, cut so that @suffix still
 * fits in 31 units, never starting or ending with an apostrophe. */
static char *
sheet_name_candidate (const char *base,
                      const char *suffix)
{
  g_autofree char *valid = g_utf8_make_valid (base != NULL ? base : "", -1);
  g_autoptr(GString) out = g_string_new (NULL);
  guint budget = SHEET_NAME_MAX - (guint) strlen (suffix);   /* @suffix is ASCII */
  guint used = 0;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        continue;
      if (c < 0x80 && strchr (SHEET_NAME_FORBIDDEN, (int) c) != NULL)
        c = '_';
      if (used + utf16_units (c) > budget)
        break;
      g_string_append_unichar (out, c);
      used += utf16_units (c);
    }

  while (out->len > 0 && (out->str[out->len - 1] == '\'' || out->str[out->len - 1] == ' '))
    g_string_truncate (out, out->len - 1);
  while (out->len > 0 && (out->str[0] == '\'' || out->str[0] == ' '))
    g_string_erase (out, 0, 1);

  if (out->len == 0)
    g_string_assign (out, C_("sheet name", "Village"));

  g_string_append (out, suffix);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Excel compares sheet names without regard to case; two villages of
 * one name in two townships get "(2)", "(3)"… */
static char *
unique_sheet_name (Writer     *w,
                   const char *base)
{
  for (guint n = 1;; n++)
    {
      g_autofree char *suffix = n == 1 ? g_strdup ("") : g_strdup_printf (" (%u)", n);
      g_autofree char *name = sheet_name_candidate (base, suffix);
      g_autofree char *normal = g_utf8_normalize (name, -1, G_NORMALIZE_NFC);
      g_autofree char *key = g_utf8_casefold (normal != NULL ? normal : name, -1);

      if (!g_hash_table_contains (w->sheet_names, key))
        {
          g_hash_table_add (w->sheet_names, g_steal_pointer (&key));
          return g_steal_pointer (&name);
        }
    }
}

/* --- the page header and footer ------------------------------------------------- */

/* @text for a page header: "&" starts a code and is doubled, and a long
 * text is cut. */
static void
append_page_text (GString    *out,
                  const char *text)
{
  guint chars = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      if (chars >= PAGE_PART_MAX)
        {
          g_string_append (out, "…");
          return;
        }
      if (*p == '&')
        {
          g_string_append_c (out, '&');
          chars++;
        }
      g_string_append_unichar (out, g_utf8_get_char (p));
      chars++;
    }
}

/* --- the sheet ------------------------------------------------------------------ */

static void
add_formats (Writer *w)
{
  lxw_workbook *wb = w->workbook;

  w->title_format = workbook_add_format (wb);
  format_set_bold (w->title_format);
  format_set_font_size (w->title_format, TITLE_SIZE);
  format_set_align (w->title_format, LXW_ALIGN_CENTER);
  format_set_align (w->title_format, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap (w->title_format);

  w->info_format = workbook_add_format (wb);
  format_set_align (w->info_format, LXW_ALIGN_LEFT);

  w->header_format = workbook_add_format (wb);
  format_set_bold (w->header_format);
  format_set_bg_color (w->header_format, 0xDDE5F0);
  format_set_border (w->header_format, LXW_BORDER_THIN);
  format_set_text_wrap (w->header_format);
  format_set_align (w->header_format, LXW_ALIGN_CENTER);
  format_set_align (w->header_format, LXW_ALIGN_VERTICAL_CENTER);

  /* "@": a name a clerk retypes stays text. */
  w->text_format = workbook_add_format (wb);
  format_set_num_format (w->text_format, "@");
  format_set_border (w->text_format, LXW_BORDER_THIN);

  w->count_format = workbook_add_format (wb);
  format_set_num_format (w->count_format, "0");
  format_set_border (w->count_format, LXW_BORDER_THIN);

  w->amount_format = workbook_add_format (wb);
  format_set_num_format (w->amount_format, "#,##0.00");
  format_set_border (w->amount_format, LXW_BORDER_THIN);

  w->pending_format = workbook_add_format (wb);
  format_set_border (w->pending_format, LXW_BORDER_THIN);
  format_set_align (w->pending_format, LXW_ALIGN_RIGHT);

  w->total_label_format = workbook_add_format (wb);
  format_set_bold (w->total_label_format);
  format_set_border (w->total_label_format, LXW_BORDER_THIN);

  w->total_count_format = workbook_add_format (wb);
  format_set_bold (w->total_count_format);
  format_set_num_format (w->total_count_format, "0");
  format_set_border (w->total_count_format, LXW_BORDER_THIN);

  w->total_amount_format = workbook_add_format (wb);
  format_set_bold (w->total_amount_format);
  format_set_num_format (w->total_amount_format, "#,##0.00");
  format_set_border (w->total_amount_format, LXW_BORDER_THIN);
}

/* Title, period and place, then the header row. */
static lxw_error
write_heading (Writer        *w,
               lxw_worksheet *sheet,
               const char    *place,
               guint         *widths)
{
  const JzDisclosureList *list = w->list;
  g_autofree char *period = g_strdup_printf (C_("disclosure", "Period: %s"), or_empty (list->period));
  g_autofree char *where = g_strdup_printf (C_("disclosure", "Place: %s"), or_empty (place));
  lxw_col_t last = (lxw_col_t) (w->n_columns - 1);
  lxw_error lxw = LXW_NO_ERROR;

  lxw |= worksheet_merge_range (sheet, ROW_TITLE, 0, ROW_TITLE, last, or_empty (list->title), w->title_format);
  lxw |= worksheet_merge_range (sheet, ROW_PERIOD, 0, ROW_PERIOD, last, period, w->info_format);
  lxw |= worksheet_merge_range (sheet, ROW_PLACE, 0, ROW_PLACE, last, where, w->info_format);

  for (guint i = 0; i < w->n_columns; i++)
    {
      const char *title = g_dpgettext2 (GETTEXT_PACKAGE, "disclosure column", titles[w->columns[i]]);

      widths[i] = text_width (title);
      lxw |= worksheet_write_string (sheet, ROW_HEADER, (lxw_col_t) i, title, w->header_format);
    }

  return lxw;
}

static lxw_error
write_text (lxw_worksheet *sheet,
            lxw_row_t      r,
            lxw_col_t      c,
            const char    *text,
            lxw_format    *format,
            guint         *width)
{
  if (text == NULL || *text == '\0')
    return worksheet_write_blank (sheet, r, c, format);

  *width = MAX (*width, text_width (text));
  return worksheet_write_string (sheet, r, c, text, format);
}

static lxw_error
write_row (Writer                *w,
           lxw_worksheet         *sheet,
           lxw_row_t              r,
           const JzDisclosureRow *row,
           guint                 *widths)
{
  lxw_error lxw = LXW_NO_ERROR;

  for (guint i = 0; i < w->n_columns; i++)
    {
      lxw_col_t c = (lxw_col_t) i;
      char digits[32];

      switch (w->columns[i])
        {
        case COL_NUMBER:
          g_snprintf (digits, sizeof digits, "%u", row->number);
          widths[i] = MAX (widths[i], text_width (digits));
          lxw |= worksheet_write_number (sheet, r, c, row->number, w->count_format);
          break;

        case COL_VILLAGE:
          lxw |= write_text (sheet, r, c, row->village_name, w->text_format, &widths[i]);
          break;

        case COL_NAME:
          lxw |= write_text (sheet, r, c, row->name, w->text_format, &widths[i]);
          break;

        case COL_PROGRAM:
          lxw |= write_text (sheet, r, c, program_label (row->program), w->text_format, &widths[i]);
          break;

        case COL_PERSONS:
          lxw |= worksheet_write_number (sheet, r, c, row->persons, w->count_format);
          break;

        case COL_AMOUNT:
          if (row->monthly_amount < 0)
            lxw |= write_text (sheet, r, c, C_("disclosure amount", "To be determined"),
                               w->pending_format, &widths[i]);
          else
            {
              g_autofree char *shown = jz_money_format (row->monthly_amount);

              widths[i] = MAX (widths[i], text_width (shown));
              lxw |= worksheet_write_number (sheet, r, c, yuan_cell_value (row->monthly_amount),
                                             w->amount_format);
            }
          break;

        case COL_ID_PARTIAL:
          lxw |= write_text (sheet, r, c, row->id_partial, w->text_format, &widths[i]);
          break;

        case COL_REMARK:
          lxw |= write_text (sheet, r, c, row->remark != NULL ? jz_disclosure_remark_label (row->remark) : NULL,
                             w->text_format, &widths[i]);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  return lxw;
}

/* The village's persons and amount; the amount from the integer sum of
 * the fen, never from the cells.  An application whose amount is not
 * computed adds nothing, as in the list's own total. */
static lxw_error
write_total (Writer        *w,
             lxw_worksheet *sheet,
             lxw_row_t      r,
             GPtrArray     *rows,
             guint         *widths)
{
  g_autofree char *shown = NULL;
  gint64 fen = 0;
  gint64 persons = 0;
  lxw_error lxw = LXW_NO_ERROR;

  for (guint i = 0; i < rows->len; i++)
    {
      const JzDisclosureRow *row = g_ptr_array_index (rows, i);

      if (row->monthly_amount > 0)
        fen += row->monthly_amount;
      persons += MAX (row->persons, 0);
    }

  /* The label spans the columns before the persons. */
  lxw |= worksheet_merge_range (sheet, r, 0, r, COL_PERSONS - 1, C_("disclosure", "Total"), w->total_label_format);
  lxw |= worksheet_write_number (sheet, r, COL_PERSONS, (double) persons, w->total_count_format);
  lxw |= worksheet_write_number (sheet, r, COL_AMOUNT, yuan_cell_value (fen), w->total_amount_format);
  shown = jz_money_format (fen);
  widths[COL_AMOUNT] = MAX (widths[COL_AMOUNT], text_width (shown));
  for (guint i = COL_AMOUNT + 1; i < w->n_columns; i++)
    lxw |= worksheet_write_blank (sheet, r, (lxw_col_t) i, w->total_label_format);

  return lxw;
}

/* The issuing office and the complaint phone, below the table. */
static lxw_error
write_note (Writer        *w,
            lxw_worksheet *sheet,
            lxw_row_t      r)
{
  const JzDisclosureList *list = w->list;
  g_autofree char *issued = g_strdup_printf (C_("disclosure", "Issued by %s."), or_empty (list->office));
  lxw_col_t last = (lxw_col_t) (w->n_columns - 1);
  lxw_error lxw = LXW_NO_ERROR;

  lxw |= worksheet_merge_range (sheet, r, 0, r, last, issued, w->info_format);
  if (list->complaint_phone != NULL && *list->complaint_phone != '\0')
    {
      g_autofree char *phone = g_strdup_printf (C_("disclosure", "Complaint and supervision phone: %s."),
                                                list->complaint_phone);

      lxw |= worksheet_merge_range (sheet, r + 1, 0, r + 1, last, phone, w->info_format);
    }

  return lxw;
}

/* Printed: the header row on every page, A4 one page wide, the title and
 * period above and the office and page number below. */
static lxw_error
set_up_pages (Writer        *w,
              lxw_worksheet *sheet)
{
  const JzDisclosureList *list = w->list;
  g_autoptr(GString) header = g_string_new ("&L");
  g_autoptr(GString) footer = g_string_new ("&L");
  lxw_error lxw = LXW_NO_ERROR;

  worksheet_freeze_panes (sheet, ROW_FIRST, 0);
  lxw |= worksheet_repeat_rows (sheet, ROW_HEADER, ROW_HEADER);
  if (w->n_columns > COL_AMOUNT + 1)
    worksheet_set_landscape (sheet);
  else
    worksheet_set_portrait (sheet);
  worksheet_set_paper (sheet, PAPER_A4);
  worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_center_horizontally (sheet);

  append_page_text (header, list->title);
  g_string_append (header, "&R");
  append_page_text (header, list->period);
  lxw |= worksheet_set_header (sheet, header->str);

  append_page_text (footer, list->office);
  if (list->complaint_phone != NULL && *list->complaint_phone != '\0')
    {
      g_string_append (footer, "  ");
      append_page_text (footer, list->complaint_phone);
    }
  g_string_append (footer, "&R&P / &N");
  lxw |= worksheet_set_footer (sheet, footer->str);

  return lxw;
}

/* The columns as wide as their cells; the title's row as high as its
 * lines, since Excel does not grow a merged cell's row to fit. */
static lxw_error
set_widths (Writer        *w,
            lxw_worksheet *sheet,
            const guint   *widths)
{
  guint total = 0;
  guint title = text_width (w->list->title) * TITLE_SIZE / 11;
  guint lines;

  for (guint i = 0; i < w->n_columns; i++)
    {
      guint width = CLAMP (widths[i] + 2, MIN_WIDTH, MAX_WIDTH);

      worksheet_set_column (sheet, (lxw_col_t) i, (lxw_col_t) i, width, NULL);
      total += width;
    }

  lines = CLAMP ((title + total - 1) / total, 1, 4);
  return worksheet_set_row (sheet, ROW_TITLE, 6 + 18.0 * lines, NULL);
}

static lxw_error
write_village (Writer  *w,
               Village *village)
{
  g_autofree char *name = unique_sheet_name (w, village->name);
  g_autofree char *place = g_strconcat (village->township != NULL ? village->township : "",
                                        village->name != NULL ? village->name : "", NULL);
  lxw_worksheet *sheet;
  lxw_error lxw = LXW_NO_ERROR;
  guint widths[N_COLUMNS] = { 0 };
  lxw_row_t r = ROW_FIRST;

  sheet = workbook_add_worksheet (w->workbook, name);
  if (sheet == NULL)
    return LXW_ERROR_INVALID_SHEETNAME_CHARACTER;

  lxw |= write_heading (w, sheet, place, widths);
  for (guint i = 0; i < village->rows->len; i++)
    lxw |= write_row (w, sheet, r++, g_ptr_array_index (village->rows, i), widths);
  lxw |= write_total (w, sheet, r++, village->rows, widths);
  lxw |= write_note (w, sheet, r + 1);
  lxw |= set_widths (w, sheet, widths);
  lxw |= set_up_pages (w, sheet);

  return lxw;
}

/* A list with nobody on it still says for when and where it was made. */
static lxw_error
write_empty (Writer *w)
{
  g_autofree char *name = unique_sheet_name (w, C_("sheet name", "Disclosure list"));
  lxw_worksheet *sheet;
  lxw_error lxw = LXW_NO_ERROR;
  guint widths[N_COLUMNS] = { 0 };

  sheet = workbook_add_worksheet (w->workbook, name);
  if (sheet == NULL)
    return LXW_ERROR_INVALID_SHEETNAME_CHARACTER;

  lxw |= write_heading (w, sheet, w->list->region_name, widths);
  lxw |= worksheet_merge_range (sheet, ROW_FIRST, 0, ROW_FIRST, (lxw_col_t) (w->n_columns - 1),
                                C_("disclosure", "Nobody is on this list for the period and place chosen."),
                                w->text_format);
  lxw |= write_note (w, sheet, ROW_FIRST + 2);
  lxw |= set_widths (w, sheet, widths);
  lxw |= set_up_pages (w, sheet);

  return lxw;
}

static lxw_error
write_sheets (Writer *w)
{
  g_autoptr(GPtrArray) villages = villages_of (w->list);
  lxw_doc_properties properties = { 0 };
  lxw_error lxw = LXW_NO_ERROR;

  choose_columns (w);
  add_formats (w);

  properties.title = (char *) or_empty (w->list->title);
  lxw |= workbook_set_properties (w->workbook, &properties);

  if (villages->len == 0)
    return lxw | write_empty (w);

  for (guint i = 0; i < villages->len && lxw == LXW_NO_ERROR; i++)
    lxw |= write_village (w, g_ptr_array_index (villages, i));

  return lxw;
}

/* --- the file ------------------------------------------------------------------- */

/* A placeholder that reserves a unique name in the target folder, so that
 * the rename at the end stays on one file system. */
static char *
create_tmp_file (const char  *dir,
                 GError     **error)
{
  for (int attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".jiuzhu-disclosure-%08x.part", g_random_int ());
      g_autofree char *tmp_path = g_build_filename (dir, name, NULL);
      int fd;

      /* 0666 and the umask, like any file the clerk saves. */
      fd = g_open (tmp_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
      if (fd >= 0)
        {
          close (fd);
          return g_steal_pointer (&tmp_path);
        }

      if (errno != EEXIST)
        {
          set_errno_error (error, errno, dir);
          return NULL;
        }
    }

  set_errno_error (error, EEXIST, dir);
  return NULL;
}

/* Writes the workbook into @tmp_path; on failure @tmp_path is gone. */
static gboolean
write_workbook (const JzDisclosureList  *list,
                const char              *dir,
                const char              *tmp_path,
                GError                 **error)
{
  lxw_workbook_options options = { 0 };
  Writer w = { 0 };
  lxw_error lxw;

  /* libxlsxwriter's scratch files go next to the target rather than to
   * /tmp, which may be memory or too small. */
  options.tmpdir = (char *) dir;

  errno = 0;
  w.workbook = workbook_new_opt (tmp_path, &options);
  if (w.workbook == NULL)
    {
      set_errno_error (error, errno, dir);
      g_unlink (tmp_path);
      return FALSE;
    }

  w.list = list;
  w.sheet_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* Excel keeps this name for itself. */
  g_hash_table_add (w.sheet_names, g_strdup ("history"));

  lxw = write_sheets (&w);
  g_clear_pointer (&w.sheet_names, g_hash_table_unref);
  if (lxw != LXW_NO_ERROR)
    {
      g_debug ("libxlsxwriter: %s", lxw_strerror (lxw));
      lxw_workbook_free (w.workbook);
      set_errno_error (error, 0, dir);
      g_unlink (tmp_path);
      return FALSE;
    }

  errno = 0;
  lxw = workbook_close (w.workbook);
  if (lxw != LXW_NO_ERROR)
    {
      int errsv = errno;

      g_debug ("libxlsxwriter: %s", lxw_strerror (lxw));
      set_errno_error (error, errsv, dir);
      g_unlink (tmp_path);
      return FALSE;
    }

  return TRUE;
}

/* Puts the finished file in place: on disk first, then under its name. */
static gboolean
commit (const char  *tmp_path,
        const char  *path,
        const char  *dir,
        GError     **error)
{
  int fd;

  fd = g_open (tmp_path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || fsync (fd) != 0)
    {
      int errsv = errno;

      if (fd >= 0)
        close (fd);
      g_unlink (tmp_path);
      set_errno_error (error, errsv, dir);
      return FALSE;
    }
  close (fd);

  if (g_rename (tmp_path, path) != 0)
    {
      int errsv = errno;

      g_unlink (tmp_path);
      if (errsv == EISDIR)
        set_folder_target_error (error, path);
      else
        set_errno_error (error, errsv, dir);
      return FALSE;
    }

  return TRUE;
}

/* --- the public function -------------------------------------------------------- */

/**
 * jz_xlsx_disclosure_export:
 * @list: the list, as jz_disclosure_build() gives it
 * @path: the .xlsx file to write; an existing file is replaced when the
 *   new one is complete
 *
 * Writes the list (see jz-xlsx-disclosure.h).
 *
 * Returns: %FALSE with @error set when nothing was written
 */
gboolean
jz_xlsx_disclosure_export (const JzDisclosureList  *list,
                           const char              *path,
                           GError                 **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *tmp_path = NULL;

  g_return_val_if_fail (list != NULL && list->rows != NULL && list->query != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      set_folder_target_error (error, path);
      return FALSE;
    }

  dir = g_path_get_dirname (path);
  tmp_path = create_tmp_file (dir, error);
  if (tmp_path == NULL)
    return FALSE;

  return write_workbook (list, dir, tmp_path, error) &&
         commit (tmp_path, path, dir, error);
}
