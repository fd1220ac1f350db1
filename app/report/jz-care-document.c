/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "jz-care-document.h"
#include "jz-care.h"
#include "jz-household.h"
#include "jz-money.h"
#include "jz-office.h"
#include "jz-region.h"
#include "jz-standard.h"
#include "jz-user.h"

/* Contracts and forms are denser than a notice: 小四 text on A4 with
 * narrower margins, down to 五号 to keep to one sheet. */
#define CARE_FONT_SIZE 12.0
static const double smaller_sizes[] = { 11.0, 10.5 };

/* Where the paper leaves a hand something to write. */
#define BLANK "______________"

/* Ruled lines for what was found and what is to be done. */
#define FINDINGS_LINES  6
#define FOLLOW_UP_LINES 3

G_DEFINE_QUARK (jz-care-document-error-quark, jz_care_document_error)

/* ---- shared ------------------------------------------------------------ */

static JzDocument *
new_sheet (void)
{
  JzDocument *document = jz_document_new ();

  jz_document_set_font_size (document, CARE_FONT_SIZE);
  jz_document_set_margins (document, JZ_DOCUMENT_MM (15), JZ_DOCUMENT_MM (20),
                           JZ_DOCUMENT_MM (18), JZ_DOCUMENT_MM (22));
  return document;
}

/* One sheet when smaller text makes it; otherwise the usual size on as
 * many sheets as it takes, rather than small text for nothing. */
static void
fit_on_one_sheet (JzDocument *document)
{
  for (guint i = 0; i < G_N_ELEMENTS (smaller_sizes) && jz_document_get_n_pages (document) > 1; i++)
    jz_document_set_font_size (document, smaller_sizes[i]);

  if (jz_document_get_n_pages (document) > 1)
    jz_document_set_font_size (document, CARE_FONT_SIZE);
}

static const char *
or_blank (const char *text)
{
  return text != NULL && *text != '\0' ? text : BLANK;
}

/* ---- the agreement ------------------------------------------------------- */

/* The agreement is always Chinese, so it names the tiers itself: the
 * interface's labels are in the interface language, and the Chinese ones
 * describe the person's self-care, not the tier of care paid for. */
static const char *
tier_name (const char *tier)
{
  if (g_strcmp0 (tier, "full_care") == 0)
    return "全护理";
  if (g_strcmp0 (tier, "partial_care") == 0)
    return "半护理";
  return "全自理";
}

static char *
chinese_date (const char *iso)
{
  guint year, month, day;

  if (iso == NULL || sscanf (iso, "%4u-%2u-%2u", &year, &month, &day) != 3 || !g_date_valid_dmy (day, month, year))
    return g_strdup (or_blank (iso));

  return g_strdup_printf ("%u年%u月%u日", year, month, day);
}

/* 甲方 is the township's government, not the place: 柳河镇人民政府,
 * 东关街道办事处, 青禾经济开发区管理委员会. */
static char *
township_party (const JzRegion *township)
{
  const char *name = township->name;

  if (g_str_has_suffix (name, "人民政府") || g_str_has_suffix (name, "办事处") ||
      g_str_has_suffix (name, "委员会"))
    return g_strdup (name);
  if (g_strcmp0 (township->kind, "town") == 0)
    return g_strconcat (name, "人民政府", NULL);
  if (g_strcmp0 (township->kind, "street") == 0)
    return g_strconcat (name, g_str_has_suffix (name, "街道") ? "办事处" : "街道办事处", NULL);
  if (g_strcmp0 (township->kind, "zone") == 0)
    return g_strconcat (name, "管理委员会", NULL);
  return g_strdup (name);
}

/* Township, village and the address of the household, without saying the
 * village twice when the address starts with it. */
static char *
recipient_address (const char *township,
                   const char *village,
                   const char *address)
{
  if (address == NULL)
    address = "";
  if (village != NULL && g_str_has_prefix (address, village))
    village = "";

  return g_strconcat (township != NULL ? township : "", village != NULL ? village : "", address, NULL);
}

typedef struct
{
  JzCareAgreement *agreement;
  JzCaregiver     *caregiver;
  JzPerson        *person;
  JzHousehold     *household;
  JzRegion        *village;
  JzRegion        *township;
  char            *office;
  char            *phone;
  gint64           visit_months;
  gint64           evaluation_months;
} Agreement;

static void
agreement_clear (Agreement *a)
{
  g_clear_pointer (&a->agreement, jz_care_agreement_free);
  g_clear_pointer (&a->caregiver, jz_caregiver_free);
  g_clear_pointer (&a->person, jz_person_free);
  g_clear_pointer (&a->household, jz_household_free);
  g_clear_pointer (&a->village, jz_region_free);
  g_clear_pointer (&a->township, jz_region_free);
  g_clear_pointer (&a->office, g_free);
  g_clear_pointer (&a->phone, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Agreement, agreement_clear)

static gboolean
agreement_load (JzDb       *db,
                gint64      id,
                Agreement  *a,
                GError    **error)
{
  a->agreement = jz_care_agreement_get (db, id, error);
  if (a->agreement == NULL)
    return FALSE;

  if (!jz_user_check (jz_user_get_actor (db), JZ_PERMISSION_READ, a->agreement->township_id, error))
    return FALSE;

  /* A copy of an ended contract would read as if it were still binding. */
  if (g_strcmp0 (a->agreement->status, "terminated") == 0 || g_strcmp0 (a->agreement->status, "expired") == 0)
    {
      g_set_error_literal (error, JZ_CARE_DOCUMENT_ERROR, JZ_CARE_DOCUMENT_ERROR_ENDED,
                           _("This agreement has ended; only a draft or an agreement in force is printed."));
      return FALSE;
    }

  if ((a->caregiver = jz_caregiver_get (db, a->agreement->caregiver_id, error)) == NULL ||
      (a->person = jz_person_get (db, a->agreement->person_id, error)) == NULL ||
      (a->household = jz_household_get (db, a->person->household_id, error)) == NULL ||
      (a->village = jz_region_get (db, a->household->region_id, error)) == NULL ||
      (a->township = jz_region_get (db, a->agreement->township_id, error)) == NULL ||
      (a->office = jz_office_get (db, JZ_OFFICE_NAME, NULL, error)) == NULL ||
      (a->phone = jz_office_get (db, JZ_OFFICE_COMPLAINT_PHONE, NULL, error)) == NULL)
    return FALSE;

  /* The clauses promise the visits and evaluations of the standards in
   * force when the agreement starts. */
  return jz_standard_value_at (db, JZ_STANDARD_CARE_VISIT_MONTHS, JZ_STANDARD_HUKOU_ANY,
                               a->agreement->township_id, a->agreement->starts_on, &a->visit_months, error) &&
         jz_standard_value_at (db, JZ_STANDARD_CARE_EVALUATION_MONTHS, JZ_STANDARD_HUKOU_ANY,
                               a->agreement->township_id, a->agreement->starts_on, &a->evaluation_months, error);
}

/* Each party: who, in bold, then the particulars, indented under it. */
static void
add_party (JzDocument *document,
           const char *party,
           const char *particulars)
{
  g_auto(GStrv) lines = g_strsplit (particulars, "\n", -1);
  g_autofree char *indented = NULL;

  jz_document_add_paragraph (document, party, JZ_PARAGRAPH_NO_INDENT | JZ_PARAGRAPH_BOLD);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strconcat ("　　", lines[i], NULL);

      g_free (lines[i]);
      lines[i] = line;
    }
  indented = g_strjoinv ("\n", lines);
  jz_document_add_paragraph (document, indented, JZ_PARAGRAPH_NO_INDENT);
}

static void
add_parties (JzDocument      *document,
             const Agreement *a)
{
  const JzCaregiver *g = a->caregiver;
  gboolean organisation = g_strcmp0 (g->kind, "organisation") == 0;
  g_autofree char *township = township_party (a->township);
  g_autofree char *address = recipient_address (a->township->name, a->village->name, a->household->address);
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autofree char *party = NULL;

  party = g_strdup_printf ("甲方（委托方）：%s", township);
  g_string_append_printf (lines, "主管部门：%s", a->office);
  if (*a->phone != '\0')
    g_string_append_printf (lines, "　　监督电话：%s", a->phone);
  add_party (document, party, lines->str);

  g_clear_pointer (&party, g_free);
  g_string_truncate (lines, 0);
  if (organisation)
    {
      party = g_strdup_printf ("乙方（受托照料服务机构）：%s", g->name);
      g_string_append_printf (lines, "法定代表人：%s", or_blank (g->legal_representative));
      if (g->id_number != NULL && *g->id_number != '\0')
        g_string_append_printf (lines, "　　公民身份号码：%s", g->id_number);
      g_string_append_printf (lines, "\n联系电话：%s　　地址：%s", or_blank (g->phone), or_blank (g->address));
      if (a->agreement->relation != NULL && *a->agreement->relation != '\0')
        g_string_append_printf (lines, "　　与丙方关系：%s", a->agreement->relation);
    }
  else
    {
      party = g_strdup_printf ("乙方（受托照料人）：%s", g->name);
      g_string_append_printf (lines, "公民身份号码：%s　　联系电话：%s", or_blank (g->id_number), or_blank (g->phone));
      g_string_append_printf (lines, "\n住址：%s　　与丙方关系：%s", or_blank (g->address), or_blank (a->agreement->relation));
    }
  g_string_append_printf (lines, "\n照料费收款账户：%s　　账号：%s", or_blank (g->bank), or_blank (g->bank_account));
  add_party (document, party, lines->str);

  g_clear_pointer (&party, g_free);
  g_string_truncate (lines, 0);
  party = g_strdup_printf ("丙方（被照料人）：%s", a->person->name);
  g_string_append_printf (lines, "公民身份号码：%s", or_blank (a->person->id_number));
  g_string_append_printf (lines, "\n住址：%s", or_blank (address));
  add_party (document, party, lines->str);
}

/* 每月, 每3个月 */
static char *
every_months (gint64 months)
{
  if (months == 1)
    return g_strdup ("每月");
  return g_strdup_printf ("每%" G_GINT64_FORMAT "个月", months);
}

static void
add_clauses (JzDocument      *document,
             const Agreement *a)
{
  const JzCareAgreement *ag = a->agreement;
  g_autofree char *starts = chinese_date (ag->starts_on);
  g_autofree char *ends = chinese_date (ag->ends_on);
  g_autofree char *amount = jz_money_format (ag->monthly_fee);
  g_autofree char *capitals = jz_money_format_capitals (ag->monthly_fee);
  g_autofree char *visits = every_months (a->visit_months);
  g_autofree char *evaluations = every_months (a->evaluation_months);
  g_autoptr(GPtrArray) clauses = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (clauses, g_strdup_printf (
    "照料内容和频次。乙方按照丙方的照料等级（%s）为丙方提供照料服务。照料内容：%s。照料频次：%s。",
    tier_name (ag->tier), or_blank (ag->care_content), or_blank (ag->frequency)));
  g_ptr_array_add (clauses, g_strdup_printf (
    "照料费用。照料费为每月人民币%s元（大写：%s），由甲方按规定时间拨付至乙方上述收款账户。",
    amount, capitals));
  g_ptr_array_add (clauses, g_strdup_printf (
    "协议期限。本协议期限自%s起至%s止，期满经评价合格的可以续签。",
    starts, ends));
  g_ptr_array_add (clauses, g_strdup_printf (
    "甲方的权利和义务。（一）按时足额拨付照料费；"
    "（二）%s至少探访丙方一次，了解丙方的生活和照料情况，督促乙方改正发现的问题；"
    "（三）%s组织一次照料服务评价，听取丙方、邻里和村（居）民委员会的意见；"
    "（四）丙方身体状况发生变化的，重新评估并调整照料等级。",
    visits, evaluations));
  g_ptr_array_add (clauses, g_strdup (
    "乙方的权利和义务。（一）按照约定的内容和频次照料丙方，保障丙方吃饱穿暖、居住安全、个人卫生，患病及时就医；"
    "（二）不得虐待、遗弃丙方，不得侵占、挪用丙方的救助供养金和财物；"
    "（三）丙方情况发生重大变化或者死亡的，及时报告甲方；（四）配合探访和评价。"));
  g_ptr_array_add (clauses, g_strdup (
    "丙方的权利和义务。（一）接受乙方照料，对照料服务提出意见；"
    "（二）如实反映照料情况，配合探访和评价；（三）本人情况变化的，及时告知甲方。"));
  g_ptr_array_add (clauses, g_strdup (
    "协议的变更和解除。（一）照料服务评价不合格的，甲方解除本协议，另行确定照料人；"
    "（二）丙方终止特困人员救助供养、入住供养服务机构或者死亡的，本协议终止；照料等级变化的，本协议相应变更；"
    "（三）乙方不能继续照料的，应当提前三十日书面告知甲方，在甲方另行确定照料人之前继续照料丙方。"));
  g_ptr_array_add (clauses, g_strdup_printf (
    "争议解决。三方在履行本协议中发生争议的，协商解决；协商不成的，可以请求%s协调，也可以依法向人民法院提起诉讼。",
    a->office));
  g_ptr_array_add (clauses, g_strdup (
    "本协议一式三份，甲、乙、丙三方各执一份，自三方签字（盖章）之日起生效。"));

  for (guint i = 0; i < clauses->len; i++)
    {
      static const char * const numbers[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };
      g_autofree char *clause = NULL;

      g_assert (i < G_N_ELEMENTS (numbers));
      clause = g_strdup_printf ("第%s条　%s", numbers[i], (const char *) g_ptr_array_index (clauses, i));
      jz_document_add_paragraph (document, clause, JZ_PARAGRAPH_DEFAULT);
    }
}

/* Three boxes side by side: the seal or signature goes above the date
 * line, written by hand on the day. */
static void
add_signatures (JzDocument      *document,
                const Agreement *a)
{
  gboolean organisation = g_strcmp0 (a->caregiver->kind, "organisation") == 0;
  JzDocumentTable *table = jz_document_add_table (document);
  const char *date = "\n\n\n　　　　年　　月　　日";

  jz_document_table_add_column (table, "甲方（盖章）", JZ_ALIGN_CENTER, 0, 1);
  jz_document_table_add_column (table, organisation ? "乙方（盖章）" : "乙方（签字）", JZ_ALIGN_CENTER, 0, 1);
  jz_document_table_add_column (table, "丙方（签字或按手印）", JZ_ALIGN_CENTER, 0, 1);
  jz_document_table_add_row_cells (table, JZ_ROW_DEFAULT,
                                   "\n\n经办人（签字）：\n　　　　年　　月　　日",
                                   organisation ? "\n\n法定代表人（签字）：\n　　　　年　　月　　日" : date,
                                   date,
                                   NULL);
}

/**
 * jz_care_document_build_agreement:
 *
 * The care agreement @agreement_id, a draft to be signed or one in force,
 * in Chinese: the three parties, the tier, content, frequency, fee and
 * term, the clauses, and the boxes for the seal and the signatures.
 *
 * Returns: (transfer full): the agreement, or %NULL with @error set when
 *   it is missing or has ended, the acting user may not read it, or the
 *   database fails
 */
JzDocument *
jz_care_document_build_agreement (JzDb     *db,
                                  gint64    agreement_id,
                                  GError  **error)
{
  g_auto(Agreement) a = { 0 };
  g_autoptr(JzDocument) document = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *footer = NULL;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  if (!agreement_load (db, agreement_id, &a, error))
    return NULL;

  document = new_sheet ();
  subtitle = g_strdup_printf ("协议编号：%s", a.agreement->number);
  jz_document_add_title (document, "分散供养特困人员委托照料协议书", subtitle);
  footer = g_strdup_printf ("协议编号：%s", a.agreement->number);
  jz_document_set_footer (document, footer, a.office);

  add_parties (document, &a);
  jz_document_add_paragraph (document,
                             "根据《社会救助暂行办法》等规定，经三方协商一致，甲方委托乙方照料丙方，订立本协议。",
                             JZ_PARAGRAPH_DEFAULT);
  add_clauses (document, &a);
  add_signatures (document, &a);

  fit_on_one_sheet (document);
  return g_steal_pointer (&document);
}

/* ---- the visit form -------------------------------------------------------- */

static void
add_lines (JzDocument *document,
           const char *title,
           guint       n_lines)
{
  JzDocumentTable *table = jz_document_add_table (document);

  jz_document_table_add_column (table, title, JZ_ALIGN_START, 0, 1);
  for (guint i = 0; i < n_lines; i++)
    jz_document_table_add_row_cells (table, JZ_ROW_DEFAULT, "", NULL);
}

/**
 * jz_care_document_build_visit_form:
 * @db: (nullable): the database whose office the form names, or %NULL
 *
 * A blank visit form for staff to take along and fill in by hand: the
 * recipient, the date, the visitors and how they visited, each check of
 * JzCareCheck in order or not, findings, follow-up and signatures.
 *
 * Returns: (transfer full): the form, or %NULL with @error set when the
 *   office settings cannot be read
 */
JzDocument *
jz_care_document_build_visit_form (JzDb    *db,
                                   GError **error)
{
  g_autoptr(JzDocument) document = NULL;
  g_autofree char *office = NULL;
  g_autofree char *method = NULL;
  g_autofree char *result = NULL;
  JzDocumentTable *table;

  g_return_val_if_fail (db == NULL || JZ_IS_DB (db), NULL);

  if (db != NULL && (office = jz_office_get (db, JZ_OFFICE_NAME, NULL, error)) == NULL)
    return NULL;

  document = new_sheet ();
  /* TRANSLATORS: the title of the blank visit form, 特困人员探访记录表 */
  jz_document_add_title (document, _("Visit Record of an Extreme-Poverty Recipient"), NULL);
  if (office != NULL)
    jz_document_set_footer (document, office, NULL);

  /* TRANSLATORS: the two ways of visiting, ticked by hand on the visit form: □ 入户　□ 电话 */
  method = g_strdup_printf ("□ %s   □ %s", C_("visit method", "At home"), C_("visit method", "By phone"));
  {
    /* An odd number of pairs: the ways of visiting span the last line. */
    const char *pairs[] = {
      C_("visit form", "Recipient"), "",
      _("Township and village"), "",
      _("Caregiver"), "",
      C_("visit form", "Agreement number"), "",
      C_("visit form", "Date of visit"), "",
      C_("visit form", "Visitors"), "",
      C_("visit form", "Way of visiting"), method,
      NULL
    };

    jz_document_add_key_values (document, 2, pairs);
  }

  /* TRANSLATORS: the two boxes ticked for each check on the visit form: □ 正常　□ 异常 */
  result = g_strdup_printf ("□ %s   □ %s", C_("visit check result", "In order"), C_("visit check result", "Not in order"));
  table = jz_document_add_table (document);
  /* TRANSLATORS: a column of the visit form: the number of the check */
  jz_document_table_add_column (table, C_("visit form", "No."), JZ_ALIGN_CENTER, 0, 0);
  jz_document_table_add_column (table, C_("visit form", "Check"), JZ_ALIGN_START, 0, 2);
  jz_document_table_add_column (table, C_("visit form", "Result"), JZ_ALIGN_CENTER, 0, 3);
  jz_document_table_add_column (table, C_("visit form", "Remarks"), JZ_ALIGN_START, 0, 3);
  for (guint i = 0; i < JZ_CARE_N_CHECKS; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);

      jz_document_table_add_row_cells (table, JZ_ROW_DEFAULT, number,
                                       jz_care_check_label ((JzCareCheck) (1u << i)), result, "", NULL);
    }

  add_lines (document, C_("visit form", "What was found"), FINDINGS_LINES);
  add_lines (document, C_("visit form", "What is to be done, and by whom"), FOLLOW_UP_LINES);
  {
    const char *due[] = {
      C_("visit form", "To be done by"), "",
      C_("visit form", "Done on"), "",
      NULL
    };
    const char *signatures[] = {
      C_("visit form", "Signatures of the visitors"), "",
      C_("visit form", "Signature of the recipient or caregiver"), "",
      NULL
    };

    jz_document_add_key_values (document, 2, due);
    jz_document_add_key_values (document, 1, signatures);
  }
  jz_document_add_paragraph (document,
                             _("Tick one box on each line, and describe everything not in order under what was found."),
                             JZ_PARAGRAPH_NO_INDENT | JZ_PARAGRAPH_SMALL);

  fit_on_one_sheet (document);
  return g_steal_pointer (&document);
}
