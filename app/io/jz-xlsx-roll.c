/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The bank file of a payment roll, a sheet per township and a summary;
 * see jz-xlsx-roll.h. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "jz-export-labels.h"
#include "jz-labels.h"
#include "jz-money.h"
#include "jz-xlsx-roll.h"

enum
{
  COL_NUMBER,
  COL_HOLDER,
  COL_ID_NUMBER,
  COL_BANK,
  COL_ACCOUNT,
  COL_AMOUNT,
  COL_VILLAGE,
  COL_PROGRAM,
  COL_REMARKS,
  N_COLUMNS
};

static const char * const titles[N_COLUMNS] = {
  [COL_NUMBER]    = NC_("bank file column", "No."),
  [COL_HOLDER]    = NC_("bank file column", "Account holder"),
  [COL_ID_NUMBER] = NC_("bank file column", "ID number"),
  [COL_BANK]      = NC_("bank file column", "Bank"),
  [COL_ACCOUNT]   = NC_("bank file column", "Account number"),
  [COL_AMOUNT]    = NC_("bank file column", "Amount (yuan)"),
  [COL_VILLAGE]   = NC_("bank file column", "Village"),
  [COL_PROGRAM]   = NC_("bank file column", "Program"),
  [COL_REMARKS]   = NC_("bank file column", "Remarks"),
};

enum
{
  SUM_PROGRAM,
  SUM_TOWNSHIP,
  SUM_LINES,
  SUM_AMOUNT,
  N_SUM_COLUMNS
};

static const char * const summary_titles[N_SUM_COLUMNS] = {
  [SUM_PROGRAM]  = NC_("bank file column", "Program"),
  [SUM_TOWNSHIP] = NC_("bank file column", "Township"),
  [SUM_LINES]    = NC_("bank file column", "Lines"),
  [SUM_AMOUNT]   = NC_("bank file column", "Amount (yuan)"),
};

/* The rows of a sheet, from the top. */
#define ROW_TITLE   0
#define ROW_PERIOD  1
#define ROW_PLACE   2
#define ROW_STATE   3
#define ROW_HEADER  4
#define ROW_FIRST   (ROW_HEADER + 1)

/* Column widths in Excel's units (about one Latin digit). */
#define MIN_WIDTH   6
#define MAX_WIDTH   48

/* Excel counts a sheet name in UTF-16 units and refuses these characters. */
#define SHEET_NAME_MAX        31
#define SHEET_NAME_FORBIDDEN  "[]:*?/\\"

/* A page header or footer holds 255 characters; each part stays within
 * this, so that two parts and the codes always fit. */
#define PAGE_PART_MAX  100

#define PAPER_A4    9
/* Points, against the body's 11. */
#define TITLE_SIZE  14

typedef struct
{
  gint64      id;
  const char *name;
  GPtrArray  *lines;      /* borrowed JzRollBankLine */
} Township;

typedef struct
{
  const JzRoll *roll;
  lxw_workbook *workbook;
  GHashTable   *sheet_names;   /* case-folded, taken */
  char         *title;
  char         *period;
  char         *state;

  lxw_format   *title_format;
  lxw_format   *info_format;
  lxw_format   *header_format;
  lxw_format   *text_format;
  lxw_format   *count_format;
  lxw_format   *amount_format;
  lxw_format   *total_label_format;
  lxw_format   *total_count_format;
  lxw_format   *total_amount_format;
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

/* --- what the roll holds -------------------------------------------------------- */

static void
township_free (Township *township)
{
  g_ptr_array_unref (township->lines);
  g_free (township);
}

/* The townships in the order the lines first name them; a township whose
 * lines are not together still gets one sheet. */
static GPtrArray *
townships_of (GPtrArray *lines)
{
  GPtrArray *townships = g_ptr_array_new_with_free_func ((GDestroyNotify) township_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < lines->len; i++)
    {
      JzRollBankLine *line = g_ptr_array_index (lines, i);
      Township *township = g_hash_table_lookup (by_id, &line->township_id);

      if (township == NULL)
        {
          township = g_new0 (Township, 1);
          township->id = line->township_id;
          township->name = line->township_name;
          township->lines = g_ptr_array_new ();
          g_hash_table_insert (by_id, &township->id, township);
          g_ptr_array_add (townships, township);
        }
      g_ptr_array_add (township->lines, line);
    }

  return townships;
}

/* The roll's programs in its order, then any other a line names. */
static GPtrArray *
programs_of (const JzRoll *roll,
             GPtrArray    *lines)
{
  GPtrArray *programs = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) codes = g_strsplit (roll->programs != NULL ? roll->programs : "", ",", -1);

  for (guint i = 0; codes[i] != NULL; i++)
    if (*codes[i] != '\0')
      g_ptr_array_add (programs, g_strdup (codes[i]));
  for (guint i = 0; i < lines->len; i++)
    {
      const JzRollBankLine *line = g_ptr_array_index (lines, i);

      if (line->program != NULL &&
          !g_ptr_array_find_with_equal_func (programs, line->program, g_str_equal, NULL))
        g_ptr_array_add (programs, g_strdup (line->program));
    }

  return programs;
}

/* A bank file that disagrees with its roll would pay what nobody locked. */
static gboolean
lines_match_roll (const JzRoll *roll,
                  GPtrArray    *lines)
{
  gint64 fen = 0;

  for (guint i = 0; i < lines->len; i++)
    fen += ((const JzRollBankLine *) g_ptr_array_index (lines, i))->amount;

  return lines->len == roll->lines && fen == roll->total;
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static const char *
program_label (const char *code)
{
  const char *label = code != NULL ? jz_labels_value (JZ_FIELD_PROGRAM, code) : NULL;

  return label != NULL ? label : "";
}

/* The kind of a correction and its reason; a line the bank cannot pay
 * says so. */
static char *
remarks_of (const JzRollBankLine *line)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *kind = NULL;

  if (g_strcmp0 (line->kind, "back_payment") == 0)
    kind = C_("roll line kind", "Back-payment");
  else if (g_strcmp0 (line->kind, "recovery") == 0)
    kind = C_("roll line kind", "Recovery");

  if (kind != NULL && line->reason != NULL && *line->reason != '\0')
    /* Translators: a remark of the bank file: the kind of line (Back-payment), then its reason. */
    g_string_append_printf (text, C_("bank file remark", "%s. %s"), kind, line->reason);
  else if (kind != NULL)
    g_string_append (text, kind);

  if (g_strcmp0 (line->program, "tekun_centralized") == 0)
    {
      /* The institution is paid by transfer to its own account. */
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, C_("bank file remark", "Paid to the care institution."));
    }
  else if (line->bank_account == NULL || *line->bank_account == '\0')
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, C_("bank file remark", "No bank account on file."));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
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
    g_string_assign (out, C_("sheet name", "Township"));

  g_string_append (out, suffix);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Excel compares sheet names without regard to case; a second sheet of
 * one name gets "(2)", "(3)"… */
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

/* --- the words above every sheet ------------------------------------------------ */

static void
describe_roll (Writer *w)
{
  const JzRoll *roll = w->roll;
  g_auto(GStrv) codes = g_strsplit (or_empty (roll->programs), ",", -1);
  g_autofree char *programs = jz_export_program_list ((const char * const *) codes);
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, roll->id);

  w->title = g_strdup_printf (C_("bank file", "Payment roll: %s"), programs);
  /* Translators: the period of a roll: its name (2026-06 or 2026-Q3), its first and last day. */
  w->period = g_strdup_printf (C_("bank file", "Period: %s, %s to %s"),
                               or_empty (roll->period), or_empty (roll->period_from), or_empty (roll->period_to));
  /* The bank pays a locked roll only: a draft says so on every sheet. */
  if (g_strcmp0 (roll->status, "locked") == 0)
    w->state = g_strdup_printf (C_("bank file", "Roll no. %s, locked."), number);
  else if (g_strcmp0 (roll->status, "paid") == 0)
    w->state = g_strdup_printf (C_("bank file", "Roll no. %s, paid on %s."), number, or_empty (roll->paid_on));
  else
    w->state = g_strdup_printf (C_("bank file", "Roll no. %s, not locked yet: not for payment."), number);
}

/* --- the sheets ----------------------------------------------------------------- */

static void
add_formats (Writer *w)
{
  lxw_workbook *wb = w->workbook;

  w->title_format = workbook_add_format (wb);
  format_set_bold (w->title_format);
  format_set_font_size (w->title_format, TITLE_SIZE);
  format_set_align (w->title_format, LXW_ALIGN_CENTER);
  format_set_align (w->title_format, LXW_ALIGN_VERTICAL_CENTER);

  w->info_format = workbook_add_format (wb);
  format_set_align (w->info_format, LXW_ALIGN_LEFT);

  w->header_format = workbook_add_format (wb);
  format_set_bold (w->header_format);
  format_set_bg_color (w->header_format, 0xDDE5F0);
  format_set_border (w->header_format, LXW_BORDER_THIN);
  format_set_text_wrap (w->header_format);
  format_set_align (w->header_format, LXW_ALIGN_CENTER);
  format_set_align (w->header_format, LXW_ALIGN_VERTICAL_CENTER);

  /* "@": an ID or account a clerk retypes stays text, all its digits. */
  w->text_format = workbook_add_format (wb);
  format_set_num_format (w->text_format, "@");
  format_set_border (w->text_format, LXW_BORDER_THIN);

  w->count_format = workbook_add_format (wb);
  format_set_num_format (w->count_format, "0");
  format_set_border (w->count_format, LXW_BORDER_THIN);

  w->amount_format = workbook_add_format (wb);
  format_set_num_format (w->amount_format, "#,##0.00");
  format_set_border (w->amount_format, LXW_BORDER_THIN);

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

/* Title, period, place and state, then the header row. */
static lxw_error
write_heading (Writer              *w,
               lxw_worksheet       *sheet,
               const char          *place,
               const char * const  *column_titles,
               guint                n_columns,
               guint               *widths)
{
  g_autofree char *where = g_strdup_printf (C_("bank file", "Place: %s"), place);
  lxw_col_t last = (lxw_col_t) (n_columns - 1);
  lxw_error lxw = LXW_NO_ERROR;

  lxw |= worksheet_merge_range (sheet, ROW_TITLE, 0, ROW_TITLE, last, w->title, w->title_format);
  lxw |= worksheet_merge_range (sheet, ROW_PERIOD, 0, ROW_PERIOD, last, w->period, w->info_format);
  lxw |= worksheet_merge_range (sheet, ROW_PLACE, 0, ROW_PLACE, last, where, w->info_format);
  lxw |= worksheet_merge_range (sheet, ROW_STATE, 0, ROW_STATE, last, w->state, w->info_format);
  /* Excel does not grow a merged cell's row to fit a larger font. */
  lxw |= worksheet_set_row (sheet, ROW_TITLE, 6 + 18.0, NULL);

  for (guint c = 0; c < n_columns; c++)
    {
      const char *title = g_dpgettext2 (GETTEXT_PACKAGE, "bank file column", column_titles[c]);

      widths[c] = text_width (title);
      lxw |= worksheet_write_string (sheet, ROW_HEADER, (lxw_col_t) c, title, w->header_format);
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
write_amount (lxw_worksheet *sheet,
              lxw_row_t      r,
              lxw_col_t      c,
              gint64         fen,
              lxw_format    *format,
              guint         *width)
{
  g_autofree char *shown = jz_money_format (fen);

  *width = MAX (*width, text_width (shown));
  return worksheet_write_number (sheet, r, c, yuan_cell_value (fen), format);
}

static lxw_error
write_line (Writer               *w,
            lxw_worksheet        *sheet,
            lxw_row_t             r,
            guint                 number,
            const JzRollBankLine *line,
            guint                *widths)
{
  g_autofree char *remarks = remarks_of (line);
  char digits[16];
  lxw_error lxw = LXW_NO_ERROR;

  g_snprintf (digits, sizeof digits, "%u", number);
  widths[COL_NUMBER] = MAX (widths[COL_NUMBER], text_width (digits));
  lxw |= worksheet_write_number (sheet, r, COL_NUMBER, number, w->count_format);
  lxw |= write_text (sheet, r, COL_HOLDER, line->holder, w->text_format, &widths[COL_HOLDER]);
  /* Strings, never numbers: see jz-xlsx-roll.h. */
  lxw |= write_text (sheet, r, COL_ID_NUMBER, line->id_number, w->text_format, &widths[COL_ID_NUMBER]);
  lxw |= write_text (sheet, r, COL_BANK, line->bank, w->text_format, &widths[COL_BANK]);
  lxw |= write_text (sheet, r, COL_ACCOUNT, line->bank_account, w->text_format, &widths[COL_ACCOUNT]);
  lxw |= write_amount (sheet, r, COL_AMOUNT, line->amount, w->amount_format, &widths[COL_AMOUNT]);
  lxw |= write_text (sheet, r, COL_VILLAGE, line->village_name, w->text_format, &widths[COL_VILLAGE]);
  lxw |= write_text (sheet, r, COL_PROGRAM, program_label (line->program), w->text_format, &widths[COL_PROGRAM]);
  lxw |= write_text (sheet, r, COL_REMARKS, remarks, w->text_format, &widths[COL_REMARKS]);

  return lxw;
}

/* The township's lines and amount, from the integer sum of the fen. */
static lxw_error
write_total (Writer        *w,
             lxw_worksheet *sheet,
             lxw_row_t      r,
             GPtrArray     *lines,
             guint         *widths)
{
  g_autofree char *label = NULL;
  gint64 fen = 0;
  lxw_error lxw = LXW_NO_ERROR;

  for (guint i = 0; i < lines->len; i++)
    fen += ((const JzRollBankLine *) g_ptr_array_index (lines, i))->amount;

  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Total: %u line", "Total: %u lines", lines->len),
                           lines->len);
  /* The label spans the columns before the amount. */
  lxw |= worksheet_merge_range (sheet, r, 0, r, COL_AMOUNT - 1, label, w->total_label_format);
  lxw |= write_amount (sheet, r, COL_AMOUNT, fen, w->total_amount_format, &widths[COL_AMOUNT]);
  for (guint c = COL_AMOUNT + 1; c < N_COLUMNS; c++)
    lxw |= worksheet_write_blank (sheet, r, (lxw_col_t) c, w->total_label_format);

  return lxw;
}

/* Printed: the header row on every page, A4 landscape one page wide, the
 * title and period above, the roll and the page number below. */
static lxw_error
set_up_pages (Writer        *w,
              lxw_worksheet *sheet)
{
  g_autoptr(GString) header = g_string_new ("&L");
  g_autoptr(GString) footer = g_string_new ("&L");
  lxw_error lxw = LXW_NO_ERROR;

  worksheet_freeze_panes (sheet, ROW_FIRST, 0);
  lxw |= worksheet_repeat_rows (sheet, ROW_HEADER, ROW_HEADER);
  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, PAPER_A4);
  worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_center_horizontally (sheet);

  append_page_text (header, w->title);
  g_string_append (header, "&R");
  append_page_text (header, w->period);
  lxw |= worksheet_set_header (sheet, header->str);

  append_page_text (footer, w->state);
  g_string_append (footer, "&R&P / &N");
  lxw |= worksheet_set_footer (sheet, footer->str);

  return lxw;
}

static void
set_widths (lxw_worksheet *sheet,
            const guint   *widths,
            guint          n_columns)
{
  for (guint c = 0; c < n_columns; c++)
    worksheet_set_column (sheet, (lxw_col_t) c, (lxw_col_t) c, CLAMP (widths[c] + 2, MIN_WIDTH, MAX_WIDTH), NULL);
}

static lxw_error
write_township (Writer   *w,
                Township *township)
{
  g_autofree char *name = unique_sheet_name (w, township->name);
  lxw_worksheet *sheet;
  lxw_error lxw = LXW_NO_ERROR;
  guint widths[N_COLUMNS] = { 0 };
  lxw_row_t r = ROW_FIRST;

  sheet = workbook_add_worksheet (w->workbook, name);
  if (sheet == NULL)
    return LXW_ERROR_INVALID_SHEETNAME_CHARACTER;

  lxw |= write_heading (w, sheet, or_empty (township->name), titles, N_COLUMNS, widths);
  for (guint i = 0; i < township->lines->len; i++)
    lxw |= write_line (w, sheet, r++, i + 1, g_ptr_array_index (township->lines, i), widths);
  lxw |= worksheet_autofilter (sheet, ROW_HEADER, 0, r - 1, N_COLUMNS - 1);
  lxw |= write_total (w, sheet, r, township->lines, widths);
  set_widths (sheet, widths, N_COLUMNS);
  lxw |= set_up_pages (w, sheet);

  return lxw;
}

/* One row per program and township with lines, then the grand total. */
static lxw_error
write_summary (Writer    *w,
               GPtrArray *townships,
               GPtrArray *lines)
{
  g_autofree char *name = unique_sheet_name (w, C_("sheet name", "Summary"));
  g_autoptr(GPtrArray) programs = programs_of (w->roll, lines);
  const char *place = w->roll->township_id != 0 ? or_empty (w->roll->township_name)
                                                  : C_("bank file", "the whole district");
  lxw_worksheet *sheet;
  lxw_error lxw = LXW_NO_ERROR;
  guint widths[N_SUM_COLUMNS] = { 0 };
  lxw_row_t r = ROW_FIRST;
  guint all_lines = 0;
  gint64 all_fen = 0;

  sheet = workbook_add_worksheet (w->workbook, name);
  if (sheet == NULL)
    return LXW_ERROR_INVALID_SHEETNAME_CHARACTER;

  lxw |= write_heading (w, sheet, place, summary_titles, N_SUM_COLUMNS, widths);

  for (guint p = 0; p < programs->len; p++)
    {
      const char *program = g_ptr_array_index (programs, p);

      for (guint t = 0; t < townships->len; t++)
        {
          const Township *township = g_ptr_array_index (townships, t);
          guint count = 0;
          gint64 fen = 0;

          for (guint i = 0; i < township->lines->len; i++)
            {
              const JzRollBankLine *line = g_ptr_array_index (township->lines, i);

              if (g_strcmp0 (line->program, program) == 0)
                {
                  count++;
                  fen += line->amount;
                }
            }
          if (count == 0)
            continue;

          lxw |= write_text (sheet, r, SUM_PROGRAM, program_label (program), w->text_format, &widths[SUM_PROGRAM]);
          lxw |= write_text (sheet, r, SUM_TOWNSHIP, township->name, w->text_format, &widths[SUM_TOWNSHIP]);
          lxw |= worksheet_write_number (sheet, r, SUM_LINES, count, w->count_format);
          lxw |= write_amount (sheet, r, SUM_AMOUNT, fen, w->amount_format, &widths[SUM_AMOUNT]);
          all_lines += count;
          all_fen += fen;
          r++;
        }
    }

  if (r > ROW_FIRST)
    lxw |= worksheet_autofilter (sheet, ROW_HEADER, 0, r - 1, N_SUM_COLUMNS - 1);
  lxw |= worksheet_merge_range (sheet, r, SUM_PROGRAM, r, SUM_TOWNSHIP, C_("bank file", "Total"),
                                w->total_label_format);
  lxw |= worksheet_write_number (sheet, r, SUM_LINES, all_lines, w->total_count_format);
  lxw |= write_amount (sheet, r, SUM_AMOUNT, all_fen, w->total_amount_format, &widths[SUM_AMOUNT]);

  set_widths (sheet, widths, N_SUM_COLUMNS);
  lxw |= set_up_pages (w, sheet);

  return lxw;
}

static lxw_error
write_sheets (Writer    *w,
              GPtrArray *lines)
{
  g_autoptr(GPtrArray) townships = townships_of (lines);
  lxw_doc_properties properties = { 0 };
  lxw_error lxw = LXW_NO_ERROR;

  describe_roll (w);
  add_formats (w);

  properties.title = w->title;
  lxw |= workbook_set_properties (w->workbook, &properties);

  for (guint i = 0; i < townships->len && lxw == LXW_NO_ERROR; i++)
    lxw |= write_township (w, g_ptr_array_index (townships, i));
  if (lxw == LXW_NO_ERROR)
    lxw |= write_summary (w, townships, lines);

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
      g_autofree char *name = g_strdup_printf (".jiuzhu-roll-%08x.part", g_random_int ());
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
write_workbook (const JzRoll  *roll,
                GPtrArray     *lines,
                const char    *dir,
                const char    *tmp_path,
                GError       **error)
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

  w.roll = roll;
  w.sheet_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* Excel keeps this name for itself. */
  g_hash_table_add (w.sheet_names, g_strdup ("history"));

  lxw = write_sheets (&w, lines);
  g_clear_pointer (&w.sheet_names, g_hash_table_unref);
  if (lxw != LXW_NO_ERROR)
    {
      g_debug ("libxlsxwriter: %s", lxw_strerror (lxw));
      lxw_workbook_free (w.workbook);
      g_free (w.title);
      g_free (w.period);
      g_free (w.state);
      set_errno_error (error, 0, dir);
      g_unlink (tmp_path);
      return FALSE;
    }

  /* The document properties point at the title until the file is closed. */
  errno = 0;
  lxw = workbook_close (w.workbook);
  g_free (w.title);
  g_free (w.period);
  g_free (w.state);
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
 * jz_xlsx_roll_export:
 * @roll: the roll, as jz_roll_get() gives it
 * @bank_lines: (element-type JzRollBankLine): its lines, as
 *   jz_roll_bank_lines() gives them
 * @path: the .xlsx file to write; an existing file is replaced when the
 *   new one is complete
 *
 * Writes the bank file (see jz-xlsx-roll.h).
 *
 * Returns: %FALSE with @error set when nothing was written
 */
gboolean
jz_xlsx_roll_export (const JzRoll  *roll,
                     GPtrArray     *bank_lines,
                     const char    *path,
                     GError       **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *tmp_path = NULL;

  g_return_val_if_fail (roll != NULL, FALSE);
  g_return_val_if_fail (bank_lines != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!lines_match_roll (roll, bank_lines))
    {
      g_set_error_literal (error, JZ_XLSX_EXPORT_ERROR, JZ_XLSX_EXPORT_ERROR_FAILED,
                           _("The lines of the roll do not add up to its total, so no bank file was written. Ask the district office to check the roll."));
      return FALSE;
    }

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      set_folder_target_error (error, path);
      return FALSE;
    }

  dir = g_path_get_dirname (path);
  tmp_path = create_tmp_file (dir, error);
  if (tmp_path == NULL)
    return FALSE;

  return write_workbook (roll, bank_lines, dir, tmp_path, error) &&
         commit (tmp_path, path, dir, error);
}
