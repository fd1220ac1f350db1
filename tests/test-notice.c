/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Approval and refusal notices on a small hand-made database, read back
 * from the PDF with pdftotext; the office settings they print. */

#include "config.h"

#include <string.h>

#include "jz-audit.h"
#include "jz-case-notice-data.h"
#include "jz-db-private.h"
#include "jz-household.h"
#include "jz-notice.h"
#include "jz-office.h"
#include "jz-test-util.h"

#define HEAD_NAME   "张桂兰"
#define HEAD_ID     "11010519491231002X"
#define HEAD_PHONE  "13812345678"
#define BANK        "6222020200112233445"
#define REASON      "家庭人均月收入高于当地最低生活保障标准。"
#define APPEAL_EN   "People's Government within 60 days"

#define BREAKDOWN \
  "{\"program\": \"dibao_rural\", \"total\": 123450, \"persons\": 2, " \
  "\"lines\": [{\"code\": \"difference\", \"label\": \"补差\", \"formula\": \"(800.00 − 200.00) × 2\", \"amount\": 120000}," \
  "            {\"code\": \"increment_elderly\", \"label\": \"老年人增发\", \"formula\": \"800.00 × 10% × 1\", \"amount\": 8000}," \
  "            {\"code\": \"rounding\", \"label\": \"调整\", \"formula\": \"\", \"amount\": -4550}]," \
  " \"notes\": []}"

static void
exec_sql (JzTestDb   *t,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jz_db_exec (t->db, sql, &error));
  g_assert_no_error (error);
}

static gint64
make_household (JzTestDb *t)
{
  g_autoptr(JzHousehold) household = jz_household_new ();
  g_autoptr(JzPerson) head = jz_person_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  household->region_id = t->village;
  household->address = g_strdup ("王家庄村3组12号");
  household->phone = g_strdup (HEAD_PHONE);
  household->bank_account = g_strdup (BANK);
  head->name = g_strdup (HEAD_NAME);
  head->id_number = g_strdup (HEAD_ID);
  id = jz_household_create (t->db, household, head, &error);
  g_assert_no_error (error);

  return id;
}

static gint64
make_case (JzTestDb   *t,
           gint64      household,
           const char *status,
           const char *reason)
{
  g_autofree char *sql = NULL;
  g_autofree char *quoted = reason != NULL ? g_strdup_printf ("'%s'", reason) : g_strdup ("NULL");

  sql = g_strdup_printf ("INSERT INTO cases (household_id, program, status, applied_on, decided_on, starts_on, "
                         "persons, monthly_amount, reason) VALUES (%" G_GINT64_FORMAT ", 'dibao_rural', '%s', "
                         "'2026-01-05', '2026-02-10', %s, 2, %d, %s)",
                         household, status, g_str_equal (status, "rejected") ? "NULL" : "'2026-03-01'",
                         g_str_equal (status, "rejected") ? 0 : 123450, quoted);
  exec_sql (t, sql);

  return jz_db_count_rows (t->db, "cases", NULL);
}

static char *
pdf_text (const char *pdf)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_nonnull (pdftotext);  /* poppler-utils */
  g_spawn_sync (NULL, (char *[]) { pdftotext, "-raw", "-enc", "UTF-8", (char *) pdf, "-", NULL },
                NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

/* The text of the notice of @case_id as a reader gets it out of the PDF,
 * with line breaks and blanks taken out so that wrapped words are whole. */
static char *
notice_text (JzTestDb *t,
             gint64    case_id)
{
  g_autoptr(JzDocument) notice = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (t->dir, "notice.pdf", NULL);
  g_autofree char *text = NULL;
  GString *squeezed = g_string_new (NULL);

  notice = jz_notice_build (t->db, case_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (notice);
  g_assert_true (jz_document_write_pdf (notice, pdf, &error));
  g_assert_no_error (error);

  if (g_getenv ("JZ_NOTICE_PNG") != NULL)
    {
      g_autofree char *png = g_strdup_printf ("%s-%" G_GINT64_FORMAT ".png", g_getenv ("JZ_NOTICE_PNG"), case_id);
      g_assert_true (jz_document_write_png (notice, 0, 100, png, &error));
      g_assert_no_error (error);
    }

  text = pdf_text (pdf);
  g_remove (pdf);
  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (squeezed, *p);

  return g_string_free (squeezed, FALSE);
}

/* Nothing shaped like an ID number, a mobile phone or a bank account. */
static void
assert_no_personal_numbers (const char *text)
{
  g_assert_null (strstr (text, HEAD_ID));
  g_assert_null (strstr (text, "1949123"));
  g_assert_null (strstr (text, HEAD_PHONE));
  g_assert_null (strstr (text, BANK));
  g_assert_null (strstr (text, "2233445"));
  g_assert_false (g_regex_match_simple ("[0-9]{17}[0-9Xx]", text, 0, 0));
  g_assert_false (g_regex_match_simple ("1[3-9][0-9]{9}", text, 0, 0));
  g_assert_false (g_regex_match_simple ("[0-9]{12,}", text, 0, 0));
}

static void
set_office (JzTestDb *t)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jz_office_set (t->db, JZ_OFFICE_NAME, "青禾区民政局", &error));
  g_assert_no_error (error);
  g_assert_true (jz_office_set (t->db, JZ_OFFICE_COMPLAINT_PHONE, "0533-1234567", &error));
  g_assert_no_error (error);
}

static void
test_approval (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autofree char *text = NULL;
  g_autofree char *sql = NULL;
  gint64 case_id;

  set_office (t);
  case_id = make_case (t, make_household (t), "approved", NULL);
  /* An older breakdown, replaced by the newer one below. */
  sql = g_strdup_printf ("INSERT INTO case_history (case_id, on_date, status, monthly_amount, breakdown) VALUES "
                         "(%" G_GINT64_FORMAT ", '2026-02-01', 'township_reviewed', 99900, "
                         "'{\"total\": 99900, \"lines\": [{\"label\": \"旧的补差\", \"formula\": \"\", \"amount\": 99900}]}'),"
                         "(%" G_GINT64_FORMAT ", '2026-02-10', 'approved', 123450, ?)",
                         case_id, case_id);
  {
    g_auto(GStrv) parts = g_strsplit (sql, "?", 2);
    g_autofree char *full = g_strconcat (parts[0], "'" BREAKDOWN "'", parts[1], NULL);

    exec_sql (t, full);
  }

  text = notice_text (t, case_id);
  g_assert_nonnull (strstr (text, "NoticeofApproval"));
  g_assert_nonnull (strstr (text, HEAD_NAME ":"));
  g_assert_nonnull (strstr (text, "柳河镇王家庄村"));
  g_assert_nonnull (strstr (text, "1,234.50yuan"));
  g_assert_nonnull (strstr (text, "壹仟贰佰叁拾肆元伍角"));
  g_assert_nonnull (strstr (text, "2026-03-01"));
  g_assert_nonnull (strstr (text, "2026-02-10"));
  /* The breakdown, newest, line by line with its total. */
  g_assert_nonnull (strstr (text, "补差"));
  g_assert_nonnull (strstr (text, "(800.00−200.00)×2"));
  g_assert_nonnull (strstr (text, "1,200.00"));
  g_assert_nonnull (strstr (text, "老年人增发"));
  g_assert_nonnull (strstr (text, "-45.50"));
  g_assert_nonnull (strstr (text, "Total"));
  g_assert_null (strstr (text, "旧的补差"));
  /* Office, phone, and no appeal route on an approval. */
  g_assert_nonnull (strstr (text, "青禾区民政局"));
  g_assert_nonnull (strstr (text, "0533-1234567"));
  g_assert_null (strstr (text, "reconsideration"));
  g_assert_nonnull (strstr (text, "Page1of1"));

  assert_no_personal_numbers (text);
}

static void
test_refusal (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autofree char *text = NULL;
  gint64 case_id;

  set_office (t);
  case_id = make_case (t, make_household (t), "rejected", REASON);

  text = notice_text (t, case_id);
  g_assert_nonnull (strstr (text, "NoticeofRefusal"));
  g_assert_nonnull (strstr (text, HEAD_NAME ":"));
  g_assert_nonnull (strstr (text, REASON));
  /* The appeal route names the district of the database. */
  g_assert_nonnull (strstr (text, "reconsiderationtothe青禾区People'sGovernmentwithin60days"));
  g_assert_nonnull (strstr (text, "6months"));
  g_assert_nonnull (strstr (text, "青禾区民政局"));
  g_assert_null (strstr (text, "yuan"));
  g_assert_null (strstr (text, "Total"));

  assert_no_personal_numbers (text);
}

/* Without cases.reason, the note of the refusing step is the reason;
 * without either there is no notice. */
static void
test_refusal_reason (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(JzDocument) notice = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *text = NULL;
  gint64 household = make_household (t);
  gint64 case_id;

  case_id = make_case (t, household, "rejected", NULL);
  notice = jz_notice_build (t->db, case_id, &error);
  g_assert_error (error, JZ_NOTICE_ERROR, JZ_NOTICE_ERROR_NO_REASON);
  g_assert_null (notice);
  g_clear_error (&error);

  sql = g_strdup_printf ("INSERT INTO case_history (case_id, on_date, status, note) VALUES "
                         "(%" G_GINT64_FORMAT ", '2026-02-10', 'rejected', '家中有机动车辆。')", case_id);
  exec_sql (t, sql);
  text = notice_text (t, case_id);
  g_assert_nonnull (strstr (text, "家中有机动车辆。"));
  /* The default office, named after the district. */
  g_assert_nonnull (strstr (text, "青禾区CivilAffairsBureau"));
}

static void
test_undecided (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(GError) error = NULL;
  gint64 household = make_household (t);
  const char *undecided[] = { "draft", "submitted", "investigating", "township_reviewed", "withdrawn" };

  for (guint i = 0; i < G_N_ELEMENTS (undecided); i++)
    {
      gint64 case_id = make_case (t, household, undecided[i], NULL);
      g_autoptr(JzDocument) notice = jz_notice_build (t->db, case_id, &error);

      g_assert_error (error, JZ_NOTICE_ERROR, JZ_NOTICE_ERROR_UNDECIDED);
      g_assert_null (notice);
      g_clear_error (&error);
    }

  g_assert_null (jz_notice_build (t->db, 999, &error));
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_NOT_FOUND);
}

/* A breakdown with an amount that is not a whole number of fen is refused,
 * not rounded. */
static void
test_damaged_breakdown (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  gint64 total = 0;
  const char *damaged[] = {
    "{\"total\": 100.5, \"lines\": []}",
    "{\"total\": 100, \"lines\": [{\"label\": \"a\", \"formula\": \"\", \"amount\": 12.5}]}",
    "{\"total\": 100, \"lines\": [{\"label\": \"a\", \"formula\": \"\", \"amount\": \"12\"}]}",
    "{\"total\": 100, \"lines\": [17]}",
    "{\"lines\": []}",
    "not json",
  };

  for (guint i = 0; i < G_N_ELEMENTS (damaged); i++)
    {
      g_assert_false (jz_case_notice_parse_breakdown (t->db, damaged[i], &total, &lines, &error));
      g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_FAILED);
      g_assert_null (lines);
      g_clear_error (&error);
    }

  g_assert_true (jz_case_notice_parse_breakdown (t->db, BREAKDOWN, &total, &lines, &error));
  g_assert_no_error (error);
  g_assert_cmpint (total, ==, 123450);
  g_assert_cmpuint (lines->len, ==, 3);
  g_assert_cmpstr (((JzCaseNoticeLine *) g_ptr_array_index (lines, 1))->label, ==, "老年人增发");
  g_assert_cmpint (((JzCaseNoticeLine *) g_ptr_array_index (lines, 2))->amount, ==, -4550);
}

static void
test_office_settings (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autofree char *name = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *route = NULL;
  gboolean is_default = FALSE;
  JzAuditEntry *entry;

  name = jz_office_get (t->db, JZ_OFFICE_NAME, &is_default, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "青禾区 Civil Affairs Bureau");
  g_assert_true (is_default);
  g_clear_pointer (&name, g_free);

  phone = jz_office_get (t->db, JZ_OFFICE_COMPLAINT_PHONE, &is_default, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (phone, ==, "");
  g_assert_true (is_default);

  route = jz_office_appeal_route (t->db, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (route, "If you disagree"));
  g_assert_nonnull (strstr (route, "the 青禾区 People's Government"));
  g_assert_null (strstr (route, "{district}"));
  g_clear_pointer (&route, g_free);

  /* Set, trimmed, read back, audited. */
  g_assert_true (jz_office_set (t->db, JZ_OFFICE_NAME, "  青禾区民政局 ", &error));
  g_assert_no_error (error);
  name = jz_office_get (t->db, JZ_OFFICE_NAME, &is_default, &error);
  g_assert_cmpstr (name, ==, "青禾区民政局");
  g_assert_false (is_default);
  g_clear_pointer (&name, g_free);

  audit = jz_audit_list (t->db, "meta", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 1);
  entry = g_ptr_array_index (audit, 0);
  g_assert_cmpstr (entry->action, ==, "insert");
  g_assert_cmpstr (entry->user_name, ==, "clerk-a");
  g_assert_null (entry->old_values);
  g_assert_cmpstr (entry->new_values, ==, "{\"office_name\":\"青禾区民政局\"}");
  g_clear_pointer (&audit, g_ptr_array_unref);

  /* The same value again changes nothing and records nothing. */
  g_assert_true (jz_office_set (t->db, JZ_OFFICE_NAME, "青禾区民政局", &error));
  g_assert_true (jz_office_set (t->db, JZ_OFFICE_NAME, "青禾区民政局办公室", &error));
  audit = jz_audit_list (t->db, "meta", 0, &error);
  g_assert_cmpuint (audit->len, ==, 2);
  entry = g_ptr_array_index (audit, 1);
  g_assert_cmpstr (entry->action, ==, "update");
  g_assert_cmpstr (entry->old_values, ==, "{\"office_name\":\"青禾区民政局\"}");
  g_assert_cmpstr (entry->new_values, ==, "{\"office_name\":\"青禾区民政局办公室\"}");
  g_clear_pointer (&audit, g_ptr_array_unref);

  /* Blank goes back to the default. */
  g_assert_true (jz_office_set (t->db, JZ_OFFICE_NAME, " ", &error));
  g_assert_no_error (error);
  name = jz_office_get (t->db, JZ_OFFICE_NAME, &is_default, &error);
  g_assert_cmpstr (name, ==, "青禾区 Civil Affairs Bureau");
  g_assert_true (is_default);
  audit = jz_audit_list (t->db, "meta", 0, &error);
  g_assert_cmpuint (audit->len, ==, 3);
  entry = g_ptr_array_index (audit, 2);
  g_assert_cmpstr (entry->action, ==, "delete");
  g_assert_null (entry->new_values);
  g_clear_pointer (&audit, g_ptr_array_unref);

  /* A phone number is digits and separators. */
  g_assert_false (jz_office_set (t->db, JZ_OFFICE_COMPLAINT_PHONE, "call 12345", &error));
  g_assert_error (error, JZ_OFFICE_ERROR, JZ_OFFICE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (jz_office_set (t->db, JZ_OFFICE_COMPLAINT_PHONE, "(0533) 123-4567", &error));
  g_assert_no_error (error);

  /* The office's own appeal sentence, with the district filled in. */
  g_assert_true (jz_office_set (t->db, JZ_OFFICE_APPEAL_ROUTE,
                                "如不服本决定，可在60日内向{district}人民政府申请行政复议。", &error));
  g_assert_no_error (error);
  route = jz_office_appeal_route (t->db, &error);
  g_assert_cmpstr (route, ==, "如不服本决定，可在60日内向青禾区人民政府申请行政复议。");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/notice/approval", test_approval);
  g_test_add_func ("/notice/refusal", test_refusal);
  g_test_add_func ("/notice/refusal-reason", test_refusal_reason);
  g_test_add_func ("/notice/undecided", test_undecided);
  g_test_add_func ("/notice/damaged-breakdown", test_damaged_breakdown);
  g_test_add_func ("/notice/office-settings", test_office_settings);

  return g_test_run ();
}
