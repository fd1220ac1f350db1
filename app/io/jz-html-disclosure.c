/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The disclosure list as a web page; see jz-html-disclosure.h. */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "jz-html-disclosure.h"
#include "jz-labels.h"
#include "jz-money.h"

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

/* The titles of the .xlsx export, so that both say the same. */
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

/* Plain, printable and legible on a phone; system fonts only, since the
 * page fetches nothing. */
static const char style[] =
  "body{font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"PingFang SC\",\"Microsoft YaHei\",sans-serif;"
  "color:#1a1a1a;background:#fff;line-height:1.5;max-width:60em;margin:0 auto;padding:1em}\n"
  "h1{font-size:1.6em;text-align:center;margin:.5em 0}\n"
  "h2{font-size:1.2em;margin:1.5em 0 .5em}\n"
  ".meta{text-align:center;margin:0}\n"
  ".meta span{margin:0 1em;white-space:nowrap}\n"
  "table{border-collapse:collapse;width:100%}\n"
  "caption{text-align:left;padding:.3em 0;color:#444}\n"
  "th,td{border:1px solid #888;padding:.3em .6em;text-align:left}\n"
  "thead th{background:#e8edf3}\n"
  "tfoot th,tfoot td{font-weight:bold;background:#f4f4f4}\n"
  ".num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}\n"
  "dl.totals{display:grid;grid-template-columns:max-content max-content;gap:.2em 1.5em}\n"
  "dl.totals dt{font-weight:bold}\n"
  "dl.totals dd{margin:0;text-align:right}\n"
  "footer{border-top:1px solid #888;margin-top:2em;padding-top:.5em}\n"
  "footer p{margin:.2em 0}\n"
  "@media print{body{max-width:none;padding:0}thead{display:table-header-group}tr{break-inside:avoid}}\n";

typedef struct
{
  const char *township;
  const char *name;
  GPtrArray  *rows;       /* borrowed JzDisclosureRow */
} Village;

typedef struct
{
  const JzDisclosureList *list;
  GString                *out;
  guint                   columns[N_COLUMNS];   /* those shown, in order */
  guint                   n_columns;
} Page;

G_DEFINE_QUARK (jz-html-disclosure-error-quark, jz_html_disclosure_error)

/* --- errors ------------------------------------------------------------------- */

/* The sentences of the spreadsheet exports where they fit a page too. */
static void
set_file_error (GError     **error,
                GError      *file_error,
                const char  *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *folder = g_filename_display_name (dir);
  g_autofree char *name = g_filename_display_name (path);

  g_debug ("html export: %s", file_error->message);

  switch (file_error->code)
    {
    case G_FILE_ERROR_NOENT:
    case G_FILE_ERROR_NOTDIR:
      g_set_error (error, JZ_HTML_DISCLOSURE_ERROR, JZ_HTML_DISCLOSURE_ERROR_FOLDER,
                   _("The folder “%s” does not exist. Choose another folder."), folder);
      break;

    case G_FILE_ERROR_ACCES:
    case G_FILE_ERROR_PERM:
    case G_FILE_ERROR_ROFS:
      g_set_error (error, JZ_HTML_DISCLOSURE_ERROR, JZ_HTML_DISCLOSURE_ERROR_FOLDER,
                   _("The folder “%s” cannot be written to. Choose another folder, or ask for write access to this one."),
                   folder);
      break;

    case G_FILE_ERROR_NOSPC:
      g_set_error_literal (error, JZ_HTML_DISCLOSURE_ERROR, JZ_HTML_DISCLOSURE_ERROR_FULL,
                           _("The disk is full, so the export could not be finished. Free some space and try again."));
      break;

    case G_FILE_ERROR_ISDIR:
      g_set_error (error, JZ_HTML_DISCLOSURE_ERROR, JZ_HTML_DISCLOSURE_ERROR_TARGET,
                   _("“%s” is a folder. Choose a file name for the export."), name);
      break;

    default:
      g_set_error_literal (error, JZ_HTML_DISCLOSURE_ERROR, JZ_HTML_DISCLOSURE_ERROR_FAILED,
                           _("The web page could not be written. Try again, or choose another folder."));
      break;
    }
}

/* --- what the list holds -------------------------------------------------------- */

static void
village_free (Village *village)
{
  g_ptr_array_unref (village->rows);
  g_free (village);
}

/* The villages in the order the list first names them. */
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
choose_columns (Page *page)
{
  const JzDisclosureQuery *q = page->list->query;

  page->n_columns = 0;
  for (guint c = COL_NUMBER; c <= COL_AMOUNT; c++)
    page->columns[page->n_columns++] = c;
  if (q->id_head + q->id_tail > 0)
    page->columns[page->n_columns++] = COL_ID_PARTIAL;
  if (q->remarks || q->kind == JZ_DISCLOSURE_NOTICE)
    page->columns[page->n_columns++] = COL_REMARK;
}

/* The tag of the language the page's words are in: the translation
 * says, so that a page in English words is not marked Chinese. */
static const char *
page_language (void)
{
  /* TRANSLATORS: the language tag (BCP 47) of a web page in this translation: zh-CN for Simplified Chinese */
  const char *lang = C_("html lang", "en");

  for (const char *p = lang; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return "en";
  return *lang != '\0' ? lang : "en";
}

/* --- writing -------------------------------------------------------------------- */

/* @text as HTML text or attribute value: the five characters that could
 * end either are escaped, and control characters left out. */
static void
append_text (GString    *out,
             const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);

  for (const char *p = valid; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '"':
          g_string_append (out, "&quot;");
          break;
        case '\'':
          g_string_append (out, "&#39;");
          break;
        case '\t':
        case '\n':
          g_string_append_c (out, ' ');
          break;
        default:
          if ((guchar) *p >= 0x20 && *p != 0x7f)
            g_string_append_c (out, *p);
          break;
        }
    }
}

/* <tag attributes>text</tag>, the text escaped. */
static void
append_element (GString    *out,
                const char *tag,
                const char *attributes,
                const char *text)
{
  g_string_append_printf (out, "<%s%s%s>", tag, attributes != NULL ? " " : "", attributes != NULL ? attributes : "");
  append_text (out, text);
  g_string_append_printf (out, "</%s>", tag);
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

static void
append_cell (Page                  *page,
             guint                  column,
             const JzDisclosureRow *row)
{
  GString *out = page->out;
  g_autofree char *text = NULL;

  switch (column)
    {
    case COL_NUMBER:
      text = g_strdup_printf ("%u", row->number);
      append_element (out, "td", "class=\"num\"", text);
      break;

    case COL_VILLAGE:
      append_element (out, "td", NULL, row->village_name);
      break;

    case COL_NAME:
      append_element (out, "td", NULL, row->name);
      break;

    case COL_PROGRAM:
      append_element (out, "td", NULL, program_label (row->program));
      break;

    case COL_PERSONS:
      text = g_strdup_printf ("%d", row->persons);
      append_element (out, "td", "class=\"num\"", text);
      break;

    case COL_AMOUNT:
      text = row->monthly_amount >= 0 ? jz_money_format (row->monthly_amount)
                                      : g_strdup (C_("disclosure amount", "To be determined"));
      append_element (out, "td", "class=\"num\"", text);
      break;

    case COL_ID_PARTIAL:
      append_element (out, "td", NULL, row->id_partial);
      break;

    case COL_REMARK:
      append_element (out, "td", NULL, row->remark != NULL ? jz_disclosure_remark_label (row->remark) : NULL);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
append_header_row (Page *page)
{
  g_string_append (page->out, "<thead>\n<tr>");
  for (guint i = 0; i < page->n_columns; i++)
    append_element (page->out, "th", "scope=\"col\"",
                    g_dpgettext2 (GETTEXT_PACKAGE, "disclosure column", titles[page->columns[i]]));
  g_string_append (page->out, "</tr>\n</thead>\n");
}

/* The village's persons and amount; the amount the integer sum of the
 * fen, and an application not computed adds nothing, as in the list's
 * own total. */
static void
append_total_row (Page      *page,
                  GPtrArray *rows)
{
  g_autofree char *persons_text = NULL;
  g_autofree char *amount_text = NULL;
  gint64 fen = 0;
  gint64 persons = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      const JzDisclosureRow *row = g_ptr_array_index (rows, i);

      if (row->monthly_amount > 0)
        fen += row->monthly_amount;
      persons += MAX (row->persons, 0);
    }
  persons_text = g_strdup_printf ("%" G_GINT64_FORMAT, persons);
  amount_text = jz_money_format (fen);

  g_string_append (page->out, "<tfoot>\n<tr>");
  g_string_append_printf (page->out, "<th scope=\"row\" colspan=\"%d\">", COL_PERSONS);
  append_text (page->out, C_("disclosure", "Total"));
  g_string_append (page->out, "</th>");
  append_element (page->out, "td", "class=\"num\"", persons_text);
  append_element (page->out, "td", "class=\"num\"", amount_text);
  for (guint i = COL_AMOUNT + 1; i < page->n_columns; i++)
    g_string_append (page->out, "<td></td>");
  g_string_append (page->out, "</tr>\n</tfoot>\n");
}

static void
append_village (Page    *page,
                Village *village,
                guint    index)
{
  GString *out = page->out;
  g_autofree char *place = g_strconcat (village->township != NULL ? village->township : "",
                                        village->name != NULL ? village->name : "", NULL);
  /* TRANSLATORS: the caption of a village's table on the disclosure web page; %s is the township and village */
  g_autofree char *caption = g_strdup_printf (C_("disclosure", "Disclosure list for %s"), place);

  g_string_append_printf (out, "<section aria-labelledby=\"village-%u\">\n", index);
  g_string_append_printf (out, "<h2 id=\"village-%u\">", index);
  append_text (out, place);
  g_string_append (out, "</h2>\n<table>\n");
  append_element (out, "caption", NULL, caption);
  g_string_append_c (out, '\n');
  append_header_row (page);

  g_string_append (out, "<tbody>\n");
  for (guint i = 0; i < village->rows->len; i++)
    {
      const JzDisclosureRow *row = g_ptr_array_index (village->rows, i);

      g_string_append (out, "<tr>");
      for (guint c = 0; c < page->n_columns; c++)
        append_cell (page, page->columns[c], row);
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody>\n");

  append_total_row (page, village->rows);
  g_string_append (out, "</table>\n</section>\n");
}

static void
append_definition (GString    *out,
                   const char *term,
                   const char *value)
{
  append_element (out, "dt", NULL, term);
  append_element (out, "dd", NULL, value);
  g_string_append_c (out, '\n');
}

/* The whole list's totals, from its own integer sums. */
static void
append_totals (Page *page)
{
  const JzDisclosureList *list = page->list;
  GString *out = page->out;
  g_autofree char *villages = g_strdup_printf ("%u", list->villages);
  g_autofree char *entries = g_strdup_printf ("%u", list->rows->len);
  g_autofree char *persons = g_strdup_printf ("%u", list->persons);
  g_autofree char *amount = jz_money_format (list->total_amount);

  g_string_append (out, "<section aria-labelledby=\"totals\">\n");
  append_element (out, "h2", "id=\"totals\"", C_("disclosure", "Totals"));
  g_string_append (out, "\n<dl class=\"totals\">\n");
  append_definition (out, C_("disclosure", "Villages"), villages);
  append_definition (out, C_("disclosure", "Entries"), entries);
  append_definition (out, g_dpgettext2 (GETTEXT_PACKAGE, "disclosure column", titles[COL_PERSONS]), persons);
  append_definition (out, g_dpgettext2 (GETTEXT_PACKAGE, "disclosure column", titles[COL_AMOUNT]), amount);
  g_string_append (out, "</dl>\n</section>\n");
}

static void
append_head (Page *page)
{
  const JzDisclosureList *list = page->list;
  GString *out = page->out;

  g_string_append (out, "<!DOCTYPE html>\n<html lang=\"");
  append_text (out, page_language ());
  g_string_append (out, "\">\n<head>\n<meta charset=\"utf-8\">\n"
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
  append_element (out, "title", NULL, list->title);
  g_string_append (out, "\n<style>\n");
  g_string_append (out, style);
  g_string_append (out, "</style>\n</head>\n");
}

static void
append_body (Page *page)
{
  const JzDisclosureList *list = page->list;
  GString *out = page->out;
  g_autoptr(GPtrArray) villages = villages_of (list);
  g_autofree char *period = g_strdup_printf (C_("disclosure", "Period: %s"), or_empty (list->period));
  g_autofree char *place = g_strdup_printf (C_("disclosure", "Place: %s"), or_empty (list->region_name));
  g_autofree char *issued = g_strdup_printf (C_("disclosure", "Issued by %s."), or_empty (list->office));

  g_string_append (out, "<body>\n<header>\n");
  append_element (out, "h1", NULL, list->title);
  g_string_append (out, "\n<p class=\"meta\">");
  append_element (out, "span", NULL, period);
  g_string_append_c (out, ' ');
  append_element (out, "span", NULL, place);
  g_string_append (out, "</p>\n</header>\n<main>\n");

  if (villages->len == 0)
    {
      append_element (out, "p", "class=\"empty\"",
                      C_("disclosure", "Nobody is on this list for the period and place chosen."));
      g_string_append_c (out, '\n');
    }
  else
    {
      for (guint i = 0; i < villages->len; i++)
        append_village (page, g_ptr_array_index (villages, i), i + 1);
      append_totals (page);
    }

  g_string_append (out, "</main>\n<footer>\n");
  append_element (out, "p", NULL, issued);
  if (list->complaint_phone != NULL && *list->complaint_phone != '\0')
    {
      g_autofree char *phone = g_strdup_printf (C_("disclosure", "Complaint and supervision phone: %s."),
                                                list->complaint_phone);

      g_string_append_c (out, '\n');
      append_element (out, "p", NULL, phone);
    }
  g_string_append (out, "\n</footer>\n</body>\n</html>\n");
}

/* --- the public function -------------------------------------------------------- */

/**
 * jz_html_disclosure_export:
 * @list: the list, as jz_disclosure_build() gives it
 * @path: the .html file to write; an existing file is replaced when the
 *   new one is complete
 *
 * Writes the list as a web page (see jz-html-disclosure.h).
 *
 * Returns: %FALSE with @error set when nothing was written
 */
gboolean
jz_html_disclosure_export (const JzDisclosureList  *list,
                           const char              *path,
                           GError                 **error)
{
  g_autoptr(GString) out = NULL;
  g_autoptr(GError) file_error = NULL;
  Page page = { 0 };

  g_return_val_if_fail (list != NULL && list->rows != NULL && list->query != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, JZ_HTML_DISCLOSURE_ERROR, JZ_HTML_DISCLOSURE_ERROR_TARGET,
                   _("“%s” is a folder. Choose a file name for the export."), name);
      return FALSE;
    }

  out = g_string_sized_new (16 * 1024);
  page.list = list;
  page.out = out;
  choose_columns (&page);
  append_head (&page);
  append_body (&page);

  /* A temporary file beside @path, synced and renamed over it; on any
   * failure it is removed.  0666 and the umask, like any file saved. */
  if (!g_file_set_contents_full (path, out->str, (gssize) out->len, G_FILE_SET_CONTENTS_CONSISTENT, 0666,
                                 &file_error))
    {
      set_file_error (error, file_error, path);
      return FALSE;
    }

  return TRUE;
}
