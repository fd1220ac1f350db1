/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "jz-case-notice-data.h"
#include "jz-labels.h"
#include "jz-money.h"
#include "jz-notice.h"
#include "jz-office.h"

/* Official documents (GB/T 9704): 4 号 text on A4 with margins of about
 * 37 mm at the top, 35 at the bottom, 28 on the left and 26 on the right. */
#define NOTICE_FONT_SIZE 14.0
static const double smaller_sizes[] = { 12.0, 10.5 };

G_DEFINE_QUARK (jz-notice-error-quark, jz_notice_error)

/**
 * jz_notice_kind_for_status:
 *
 * Returns: whether a case in @status has a decision to give notice of,
 *   and which
 */
gboolean
jz_notice_kind_for_status (const char   *status,
                           JzNoticeKind *kind)
{
  static const char * const approved[] = { "approved", "active", "suspended", "terminated" };

  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (approved); i++)
    if (g_strcmp0 (status, approved[i]) == 0)
      {
        *kind = JZ_NOTICE_APPROVAL;
        return TRUE;
      }

  if (g_strcmp0 (status, "rejected") == 0)
    {
      *kind = JZ_NOTICE_REFUSAL;
      return TRUE;
    }

  return FALSE;
}

/* An ISO date as the interface language writes it on a document; NULL
 * for a missing date. */
static char *
format_date (const char *iso)
{
  guint year, month, day;

  if (iso == NULL || *iso == '\0')
    return NULL;
  if (sscanf (iso, "%4u-%2u-%2u", &year, &month, &day) != 3 || !g_date_valid_dmy (day, month, year))
    return g_strdup (iso);

  /* TRANSLATORS: a date on a printed notice: year, month, day; 2026年3月5日 in Chinese */
  return g_strdup_printf (C_("notice date", "%u-%02u-%02u"), year, month, day);
}

static char *
format_yuan (gint64 fen)
{
  g_autofree char *number = jz_money_format (fen);

  /* TRANSLATORS: an amount of money; %s is the number, 1,234.50 */
  return g_strdup_printf (_("%s yuan"), number);
}

static const char *
program_label (const JzCaseNoticeData *data)
{
  const char *label = jz_labels_program_name (data->program);

  if (label == NULL || g_strcmp0 (label, data->program) == 0)
    return data->program_name_zh != NULL ? data->program_name_zh : data->program;

  return label;
}

static gboolean
paid_once (const JzCaseNoticeData *data)
{
  return g_strcmp0 (jz_labels_program_period (data->program), "once") == 0;
}

static char *
place_name (const JzCaseNoticeData *data)
{
  return g_strconcat (data->township_name != NULL ? data->township_name : "",
                      data->village_name != NULL ? data->village_name : "", NULL);
}

static void
add_facts (JzDocument             *document,
           const JzCaseNoticeData *data,
           JzNoticeKind            kind)
{
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *applied = format_date (data->applied_on);
  g_autofree char *decided = format_date (data->decided_on);

#define PAIR(key, value) G_STMT_START { \
    g_ptr_array_add (pairs, g_strdup (key)); \
    g_ptr_array_add (pairs, (value)); \
  } G_STMT_END

  PAIR (_("Case number"), g_strdup_printf ("%" G_GINT64_FORMAT, data->case_id));
  PAIR (_("Applicant"), g_strdup (data->applicant_name != NULL ? data->applicant_name : ""));
  PAIR (_("Program"), g_strdup (program_label (data)));
  PAIR (_("Village or community"), place_name (data));
  PAIR (_("Date of application"), g_strdup (applied != NULL ? applied : ""));
  PAIR (_("Date of decision"), g_strdup (decided != NULL ? decided : ""));

  if (kind == JZ_NOTICE_APPROVAL)
    {
      g_autofree char *starts = format_date (data->starts_on);

      PAIR (_("Persons covered"), g_strdup_printf ("%d", data->persons));
      PAIR (paid_once (data) ? _("Start of payment") : _("Payment from"), g_strdup (starts != NULL ? starts : ""));
      PAIR (paid_once (data) ? _("One-off amount") : _("Monthly amount"), format_yuan (data->monthly_amount));
    }
#undef PAIR

  g_ptr_array_add (pairs, NULL);
  jz_document_add_key_values (document, 2, (const char * const *) pairs->pdata);
}

static void
add_breakdown (JzDocument             *document,
               const JzCaseNoticeData *data)
{
  JzDocumentTable *table;
  g_autofree char *total = NULL;

  if (!data->has_breakdown || data->lines->len == 0)
    return;

  jz_document_add_heading (document, _("How the amount was reckoned"), FALSE);
  table = jz_document_add_table (document);
  jz_document_table_add_column (table, _("Item"), JZ_ALIGN_START, 0, 3);
  jz_document_table_add_column (table, _("Calculation"), JZ_ALIGN_START, 0, 5);
  jz_document_table_add_column (table, _("Amount (yuan)"), JZ_ALIGN_END, 0, 0);

  for (guint i = 0; i < data->lines->len; i++)
    {
      const JzCaseNoticeLine *line = g_ptr_array_index (data->lines, i);
      g_autofree char *amount = jz_money_format (line->amount);

      jz_document_table_add_row_cells (table, JZ_ROW_DEFAULT, line->label, line->formula, amount, NULL);
    }

  total = jz_money_format (data->breakdown_total);
  jz_document_table_add_row_cells (table, JZ_ROW_BOLD, _("Total"), "", total, NULL);
}

static void
add_approval (JzDocument             *document,
              const JzCaseNoticeData *data)
{
  g_autofree char *applied = format_date (data->applied_on);
  g_autofree char *starts = format_date (data->starts_on);
  g_autofree char *amount = jz_money_format (data->monthly_amount);
  g_autofree char *capitals = jz_money_format_capitals (data->monthly_amount);
  g_autofree char *decision = NULL;
  g_autofree char *payment = NULL;

  /* TRANSLATORS: the decision on an approval notice; the first %s is the date of the application, the second the program */
  decision = g_strdup_printf (_("On %s you applied for %s. Having examined the application, this office finds that it meets the conditions and approves it."),
                              applied != NULL ? applied : "", program_label (data));
  jz_document_add_paragraph (document, decision, JZ_PARAGRAPH_DEFAULT);

  if (paid_once (data))
    /* TRANSLATORS: %s are the amount (1,234.50) and the amount in Chinese capitals */
    payment = g_strdup_printf (_("A one-off payment of %s yuan (in words: %s) will be made."), amount, capitals);
  else if (starts != NULL)
    /* TRANSLATORS: %s are the start date, the amount (1,234.50) and the amount in Chinese capitals */
    payment = g_strdup_printf (_("From %s, %s yuan (in words: %s) will be paid every month."), starts, amount, capitals);
  else
    /* TRANSLATORS: %s are the amount (1,234.50) and the amount in Chinese capitals */
    payment = g_strdup_printf (_("%s yuan (in words: %s) will be paid every month."), amount, capitals);
  jz_document_add_paragraph (document, payment, JZ_PARAGRAPH_DEFAULT);
}

static void
add_refusal (JzDocument              *document,
             const JzCaseNoticeData  *data)
{
  g_autofree char *applied = format_date (data->applied_on);
  g_autofree char *decision = NULL;

  /* TRANSLATORS: the decision on a refusal notice; the first %s is the date of the application, the second the program */
  decision = g_strdup_printf (_("On %s you applied for %s. Having examined the application, this office finds that it does not meet the conditions and does not approve it, for this reason:"),
                              applied != NULL ? applied : "", program_label (data));
  jz_document_add_paragraph (document, decision, JZ_PARAGRAPH_DEFAULT);
  jz_document_add_paragraph (document, data->reason, JZ_PARAGRAPH_DEFAULT);
}

/**
 * jz_notice_build:
 *
 * The notice of the decision on case @case_id: an approval notice when
 * the case was approved (also once it is running, suspended or ended), a
 * refusal notice when it was refused.
 *
 * Returns: (transfer full): the notice, or %NULL with @error set when the
 *   case is undecided, a refusal lacks its reason or the database fails
 */
JzDocument *
jz_notice_build (JzDb    *db,
                 gint64   case_id,
                 GError **error)
{
  g_autoptr(JzCaseNoticeData) data = NULL;
  g_autoptr(JzDocument) document = NULL;
  g_autofree char *office = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *title = NULL;
  g_autofree char *salutation = NULL;
  g_autofree char *decided = NULL;
  g_autofree char *appeal = NULL;
  JzNoticeKind kind;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  data = jz_case_notice_data_get (db, case_id, error);
  if (data == NULL)
    return NULL;

  if (!jz_notice_kind_for_status (data->status, &kind))
    {
      g_set_error_literal (error, JZ_NOTICE_ERROR, JZ_NOTICE_ERROR_UNDECIDED,
                           _("This case has been neither approved nor refused; its notice can be printed once it is decided."));
      return NULL;
    }

  if (kind == JZ_NOTICE_REFUSAL && data->reason == NULL)
    {
      g_set_error_literal (error, JZ_NOTICE_ERROR, JZ_NOTICE_ERROR_NO_REASON,
                           _("This refusal has no written reason; record the reason before printing the notice."));
      return NULL;
    }

  office = jz_office_get (db, JZ_OFFICE_NAME, NULL, error);
  if (office == NULL)
    return NULL;
  phone = jz_office_get (db, JZ_OFFICE_COMPLAINT_PHONE, NULL, error);
  if (phone == NULL)
    return NULL;
  if (kind == JZ_NOTICE_REFUSAL && (appeal = jz_office_appeal_route (db, error)) == NULL)
    return NULL;

  document = jz_document_new ();
  jz_document_set_font_size (document, NOTICE_FONT_SIZE);
  jz_document_set_margins (document, JZ_DOCUMENT_MM (25), JZ_DOCUMENT_MM (26),
                           JZ_DOCUMENT_MM (25), JZ_DOCUMENT_MM (28));

  if (kind == JZ_NOTICE_APPROVAL)
    /* TRANSLATORS: the title of an approval notice; %s is the program, e.g. 城市最低生活保障 (审批通知书) */
    title = g_strdup_printf (_("%s: Notice of Approval"), program_label (data));
  else
    /* TRANSLATORS: the title of a refusal notice; %s is the program, e.g. 城市最低生活保障 (不予批准通知书) */
    title = g_strdup_printf (_("%s: Notice of Refusal"), program_label (data));
  jz_document_add_title (document, title, NULL);

  /* TRANSLATORS: the salutation of a notice; %s is the applicant's name (张三：) */
  salutation = g_strdup_printf (C_("notice salutation", "%s:"), data->applicant_name != NULL ? data->applicant_name : "");
  jz_document_add_paragraph (document, salutation, JZ_PARAGRAPH_NO_INDENT);

  /* The decision, the facts it rests on, then what the applicant may or
   * must do. */
  if (kind == JZ_NOTICE_APPROVAL)
    add_approval (document, data);
  else
    add_refusal (document, data);

  add_facts (document, data, kind);
  if (kind == JZ_NOTICE_APPROVAL)
    add_breakdown (document, data);

  jz_document_add_spacer (document, NOTICE_FONT_SIZE * 0.5);
  if (kind == JZ_NOTICE_REFUSAL)
    jz_document_add_paragraph (document, appeal, JZ_PARAGRAPH_DEFAULT);
  else if (!paid_once (data))
    jz_document_add_paragraph (document,
                               _("While you receive assistance, tell the township government or street office at once of any change in the members, income or property of your household."),
                               JZ_PARAGRAPH_DEFAULT);

  if (*phone != '\0')
    {
      /* TRANSLATORS: %s is the office's complaint and supervision phone */
      g_autofree char *line = g_strdup_printf (_("Complaints and supervision: %s"), phone);

      jz_document_add_paragraph (document, line, JZ_PARAGRAPH_DEFAULT);
    }

  decided = format_date (data->decided_on);
  jz_document_add_signature (document, office, decided, NULL);

  /* A notice is one sheet when it can be: a long breakdown takes the text
   * down to 小四, then 五号, before a second page. */
  for (guint i = 0; i < G_N_ELEMENTS (smaller_sizes) && jz_document_get_n_pages (document) > 1; i++)
    jz_document_set_font_size (document, smaller_sizes[i]);

  return g_steal_pointer (&document);
}
