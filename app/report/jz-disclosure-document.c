/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The disclosure list drawn for the notice board: see
 * jz-disclosure-document.h. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "jz-calendar.h"
#include "jz-disclosure-document.h"
#include "jz-labels.h"
#include "jz-money.h"

/* 小四 text, 五号 in the tables: a list is read standing in front of a
 * board, and a village's rows should still fill few sheets. */
#define LIST_FONT_SIZE 12.0

/* An amount the engine could not compute for an application. */
#define NO_AMOUNT "—"

/* Which of the optional columns the list shows. */
typedef struct
{
  gboolean id;
  gboolean remarks;
} Columns;

typedef struct
{
  guint   entries;
  guint   persons;
  gint64  amount;   /* fen, over the entries with an amount */
} Totals;

static void
totals_add (Totals                *totals,
            const JzDisclosureRow *row)
{
  totals->entries++;
  totals->persons += (guint) MAX (row->persons, 0);
  if (row->monthly_amount > 0)
    totals->amount += row->monthly_amount;
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

/* A date as the interface language writes it on a document, as notices
 * have it: 2026年3月5日 in Chinese. */
static char *
format_date (const char *iso)
{
  guint year, month, day;

  if (iso == NULL || sscanf (iso, "%4u-%2u-%2u", &year, &month, &day) != 3 || !g_date_valid_dmy (day, month, year))
    return g_strdup (or_empty (iso));

  /* TRANSLATORS: a date on a printed notice: year, month, day; 2026年3月5日 in Chinese */
  return g_strdup_printf (C_("notice date", "%u-%02u-%02u"), year, month, day);
}

static char *
format_amount (gint64 fen)
{
  return fen >= 0 ? jz_money_format (fen) : g_strdup (NO_AMOUNT);
}

static Columns
columns_of (const JzDisclosureList *list)
{
  Columns columns = { FALSE, FALSE };

  columns.id = list->query->id_head + list->query->id_tail > 0;
  /* A notice mixes new applications with ended support: only the remark
   * tells them apart. */
  columns.remarks = list->query->remarks || list->query->kind == JZ_DISCLOSURE_NOTICE;
  return columns;
}

static JzDocumentTable *
add_table (JzDocument *document,
           Columns     columns)
{
  JzDocumentTable *table = jz_document_add_table (document);

  /* Short cells fit to their text; the names of places and people share
   * what is left, so that a long community name wraps rather than the
   * amount. */
  jz_document_table_add_column (table, C_("disclosure column", "No."), JZ_ALIGN_CENTER, 0, 0);
  jz_document_table_add_column (table, _("Village or community"), JZ_ALIGN_START, 0, 3);
  jz_document_table_add_column (table, C_("field", "Name"), JZ_ALIGN_START, 0, 2);
  jz_document_table_add_column (table, C_("field", "Program"), JZ_ALIGN_START, 0, 0);
  jz_document_table_add_column (table, _("Persons"), JZ_ALIGN_END, 0, 0);
  jz_document_table_add_column (table, _("Monthly amount (yuan)"), JZ_ALIGN_END, 0, 0);
  if (columns.id)
    jz_document_table_add_column (table, C_("field", "ID number"), JZ_ALIGN_START, 0, 0);
  if (columns.remarks)
    jz_document_table_add_column (table, C_("disclosure column", "Remarks"), JZ_ALIGN_START, 0, 2);
  return table;
}

static void
add_row (JzDocumentTable       *table,
         Columns                columns,
         const JzDisclosureRow *row)
{
  g_autofree char *number = g_strdup_printf ("%u", row->number);
  g_autofree char *persons = g_strdup_printf ("%d", row->persons);
  g_autofree char *amount = format_amount (row->monthly_amount);
  const char *cells[9];
  guint n = 0;

  cells[n++] = number;
  cells[n++] = or_empty (row->village_name);
  cells[n++] = or_empty (row->name);
  cells[n++] = jz_labels_value (JZ_FIELD_PROGRAM, row->program);
  cells[n++] = persons;
  cells[n++] = amount;
  if (columns.id)
    cells[n++] = or_empty (row->id_partial);
  if (columns.remarks)
    cells[n++] = row->remark != NULL ? jz_disclosure_remark_label (row->remark) : "";
  cells[n] = NULL;

  jz_document_table_add_row (table, JZ_ROW_DEFAULT, cells);
}

static void
add_subtotal (JzDocumentTable *table,
              Columns          columns,
              const Totals    *totals)
{
  /* TRANSLATORS: the number of entries (cases) of a village in a disclosure list's subtotal row */
  g_autofree char *entries = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry", "%u entries", totals->entries),
                                              totals->entries);
  g_autofree char *persons = g_strdup_printf ("%u", totals->persons);
  g_autofree char *amount = jz_money_format (totals->amount);
  const char *cells[9];
  guint n = 0;

  cells[n++] = "";
  cells[n++] = _("Subtotal");
  cells[n++] = entries;
  cells[n++] = "";
  cells[n++] = persons;
  cells[n++] = amount;
  if (columns.id)
    cells[n++] = "";
  if (columns.remarks)
    cells[n++] = "";
  cells[n] = NULL;

  jz_document_table_add_row (table, JZ_ROW_BOLD, cells);
}

/* What the list is and how to object to it, under the title. */
static void
add_preamble (JzDocument             *document,
              const JzDisclosureList *list)
{
  const JzDisclosureQuery *q = list->query;
  gboolean phone = list->complaint_phone != NULL && *list->complaint_phone != '\0';
  g_autofree char *text = NULL;

  if (q->kind == JZ_DISCLOSURE_NOTICE)
    {
      g_autofree char *from = format_date (q->notice_from);
      g_autofree char *to = format_date (q->notice_to);

      if (phone)
        /* TRANSLATORS: a 7-day disclosure notice; %s are its first and last day and the complaint phone */
        text = g_strdup_printf (_("This list is publicly noticed from %s to %s. Anyone who objects to an entry may report it within that period to the complaint and supervision line %s."),
                                from, to, list->complaint_phone);
      else
        /* TRANSLATORS: a 7-day disclosure notice; %s are its first and last day */
        text = g_strdup_printf (_("This list is publicly noticed from %s to %s. Anyone who objects to an entry may report it within that period to the issuing office."),
                                from, to);
    }
  else if (phone)
    /* TRANSLATORS: a long-term disclosure list; %s is the complaint phone */
    text = g_strdup_printf (_("Anyone who knows that an entry on this list does not agree with the facts may report it to the complaint and supervision line %s."),
                            list->complaint_phone);

  if (text != NULL)
    jz_document_add_paragraph (document, text, JZ_PARAGRAPH_DEFAULT);
}

/* The heading and the table of the village whose rows start at *@next;
 * *@next moves past them.  Returns whether an amount is unknown. */
static gboolean
add_village (JzDocument             *document,
             const JzDisclosureList *list,
             Columns                 columns,
             guint                  *next)
{
  const JzDisclosureRow *first = g_ptr_array_index (list->rows, *next);
  /* TRANSLATORS: the heading of a village's rows in a disclosure list: township, village */
  g_autofree char *heading = g_strdup_printf (C_("disclosure heading", "%s %s"),
                                              or_empty (first->township_name), or_empty (first->village_name));
  JzDocumentTable *table;
  Totals village = { 0 };
  gboolean unknown_amount = FALSE;

  jz_document_add_heading (document, heading, FALSE);
  table = add_table (document, columns);

  /* The rows come grouped by village: a group ends where the village
   * changes. */
  for (; *next < list->rows->len; (*next)++)
    {
      const JzDisclosureRow *row = g_ptr_array_index (list->rows, *next);

      if (row->village_id != first->village_id)
        break;
      add_row (table, columns, row);
      totals_add (&village, row);
      unknown_amount |= row->monthly_amount < 0;
    }
  add_subtotal (table, columns, &village);
  return unknown_amount;
}

static void
add_unknown_amount_note (JzDocument *document)
{
  jz_document_add_paragraph (document,
                             _("An amount shown as “—” is settled when the application is decided."),
                             JZ_PARAGRAPH_NO_INDENT | JZ_PARAGRAPH_SMALL);
}

/* The list's own totals: the figures jz_disclosure_build() reckoned. */
static void
add_total (JzDocument             *document,
           const JzDisclosureList *list)
{
  g_autofree char *amount = jz_money_format (list->total_amount);
  g_autofree char *text = NULL;

  /* TRANSLATORS: the last line of a disclosure list; %u are counts, %s is an amount (1,234.50) */
  text = g_strdup_printf (_("Total of the list: villages %u, entries %u, persons %u, monthly amount %s yuan."),
                          list->villages, list->rows->len, list->persons, amount);
  jz_document_add_spacer (document, LIST_FONT_SIZE * 0.5);
  jz_document_add_paragraph (document, text, JZ_PARAGRAPH_NO_INDENT | JZ_PARAGRAPH_BOLD);
}

/* Above every page the title and the period; below it the office and
 * the complaint phone, the page count and the date. */
static void
set_bands (JzDocument             *document,
           const JzDisclosureList *list,
           const char             *date)
{
  g_autofree char *period = NULL;
  g_autofree char *office = NULL;

  if (list->query->kind == JZ_DISCLOSURE_NOTICE)
    /* TRANSLATORS: the period of a 7-day disclosure notice, in the page header: 2026-06-01 to 2026-06-07 */
    period = g_strdup_printf (_("Notice period: %s"), or_empty (list->period));
  else
    /* TRANSLATORS: the month of a long-term disclosure list, in the page header: 2026-06 */
    period = g_strdup_printf (_("Period: %s"), or_empty (list->period));
  jz_document_set_header (document, list->title, period);

  if (list->complaint_phone != NULL && *list->complaint_phone != '\0')
    {
      /* TRANSLATORS: %s is the office's complaint and supervision phone */
      g_autofree char *phone = g_strdup_printf (_("Complaints and supervision: %s"), list->complaint_phone);

      office = g_strconcat (or_empty (list->office), "\n", phone, NULL);
    }
  else
    office = g_strdup (or_empty (list->office));
  jz_document_set_footer (document, office, date);
}

/**
 * jz_disclosure_document_build:
 * @list: a list from jz_disclosure_build()
 * @page_break_per_village: each village on pages of its own
 *
 * Returns: (transfer full): the list as a document to print or save;
 *   a list from jz_disclosure_build() always makes one (@error is for
 *   what a later kind of list may refuse)
 */
JzDocument *
jz_disclosure_document_build (const JzDisclosureList  *list,
                              gboolean                 page_break_per_village,
                              GError                 **error)
{
  g_autoptr(JzDocument) document = NULL;
  g_autofree char *today = jz_today ();
  g_autofree char *date = format_date (today);
  Columns columns;

  g_return_val_if_fail (list != NULL && list->query != NULL && list->rows != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  columns = columns_of (list);
  document = jz_document_new ();
  jz_document_set_font_size (document, LIST_FONT_SIZE);
  jz_document_set_margins (document, JZ_DOCUMENT_MM (22), JZ_DOCUMENT_MM (18),
                           JZ_DOCUMENT_MM (22), JZ_DOCUMENT_MM (18));
  /* Six columns fit across A4; the partial ID or the remarks turn it. */
  if (columns.id || columns.remarks)
    jz_document_set_orientation (document, JZ_ORIENTATION_LANDSCAPE);
  jz_document_set_title (document, list->title);
  set_bands (document, list, date);

  if (list->rows->len == 0)
    {
      jz_document_add_title (document, or_empty (list->title), NULL);
      jz_document_add_paragraph (document,
                                 _("Nobody is on this list: no case of the chosen programs meets its conditions in this place and period."),
                                 JZ_PARAGRAPH_DEFAULT);
      jz_document_add_signature (document, or_empty (list->office), date, NULL);
    }
  else if (page_break_per_village)
    {
      /* Each village's sheets are a posting of their own: the title,
       * how to object, the village's rows and total, the seal. */
      for (guint i = 0; i < list->rows->len; )
        {
          if (i > 0)
            jz_document_add_page_break (document);
          jz_document_add_title (document, or_empty (list->title), NULL);
          add_preamble (document, list);
          if (add_village (document, list, columns, &i))
            add_unknown_amount_note (document);
          jz_document_add_signature (document, or_empty (list->office), date, NULL);
        }
    }
  else
    {
      gboolean unknown_amount = FALSE;

      jz_document_add_title (document, or_empty (list->title), NULL);
      add_preamble (document, list);
      for (guint i = 0; i < list->rows->len; )
        unknown_amount |= add_village (document, list, columns, &i);
      if (unknown_amount)
        add_unknown_amount_note (document);
      add_total (document, list);
      jz_document_add_signature (document, or_empty (list->office), date, NULL);
    }

  return g_steal_pointer (&document);
}
