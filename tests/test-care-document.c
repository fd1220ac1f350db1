/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The care agreement and the blank visit form on a small hand-made
 * database, read back from the PDF with pdftotext.  The agreement is
 * Chinese whatever the interface language; the visit form's checks are
 * compared with what jz_care_check_label() says in the language of the
 * run. */

#include "config.h"

#include <string.h>

#include "jz-care-document.h"
#include "jz-care.h"
#include "jz-db-private.h"
#include "jz-household.h"
#include "jz-office.h"
#include "jz-test-util.h"
#include "jz-user.h"

#define RECIPIENT_NAME  "王秀英"
#define RECIPIENT_ID    "370302194503020021"
#define CAREGIVER_NAME  "李建国"
#define CAREGIVER_ID    "370302197001010011"
#define CAREGIVER_PHONE "13912345678"
#define CAREGIVER_BANK  "中国农业银行柳河支行"
#define CAREGIVER_ACCT  "6228480012345678901"
#define ORGANISATION    "柳河镇颐养服务中心"
#define REPRESENTATIVE  "赵德明"
#define CONTENT         "助餐、洗衣、打扫卫生、陪同就医"
#define FREQUENCY       "每日上门一次"

/* The minimum wage 1,950.00 and the care fees 10, 65 and 80 % of it:
 * half care is 1,267.50 a month. */
#define WAGE_SQL \
  "INSERT INTO standards (kind, hukou, amount, rate_bp, effective_from) VALUES " \
  "('min_wage', NULL, 195000, NULL, '2020-01-01'), " \
  "('care_self_pct', NULL, NULL, 1000, '2020-01-01'), " \
  "('care_partial_pct', NULL, NULL, 6500, '2020-01-01'), " \
  "('care_full_pct', NULL, NULL, 8000, '2020-01-01')"

typedef struct
{
  JzTestDb *t;
  gint64    person;
  gint64    caregiver;
} Fixture;

static void
exec_sql (JzTestDb   *t,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jz_db_exec (t->db, sql, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JzHousehold) household = jz_household_new ();
  g_autoptr(JzPerson) head = jz_person_new ();
  g_autoptr(JzCaregiver) caregiver = jz_caregiver_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  f->t = jz_test_db_new ();
  exec_sql (f->t, WAGE_SQL);
  g_assert_true (jz_office_set (f->t->db, JZ_OFFICE_NAME, "青禾区民政局", &error));
  g_assert_no_error (error);
  g_assert_true (jz_office_set (f->t->db, JZ_OFFICE_COMPLAINT_PHONE, "0533-1234567", &error));
  g_assert_no_error (error);

  household->region_id = f->t->village;
  household->address = g_strdup ("王家庄村3组12号");
  head->name = g_strdup (RECIPIENT_NAME);
  head->id_number = g_strdup (RECIPIENT_ID);
  g_free (head->self_care);
  head->self_care = g_strdup ("partial_care");
  jz_household_create (f->t->db, household, head, &error);
  g_assert_no_error (error);
  f->person = head->id;

  sql = g_strdup_printf ("INSERT INTO cases (household_id, person_id, program, status, applied_on, decided_on, starts_on) "
                         "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'tekun_dispersed', 'active', "
                         "'2025-11-03', '2025-12-01', '2026-01-01')",
                         head->household_id, head->id);
  exec_sql (f->t, sql);

  g_free (caregiver->name);
  caregiver->name = g_strdup (CAREGIVER_NAME);
  g_free (caregiver->id_number);
  caregiver->id_number = g_strdup (CAREGIVER_ID);
  g_free (caregiver->phone);
  caregiver->phone = g_strdup (CAREGIVER_PHONE);
  g_free (caregiver->address);
  caregiver->address = g_strdup ("柳河镇王家庄村3组15号");
  g_free (caregiver->bank);
  caregiver->bank = g_strdup (CAREGIVER_BANK);
  g_free (caregiver->bank_account);
  caregiver->bank_account = g_strdup (CAREGIVER_ACCT);
  f->caregiver = jz_caregiver_add (f->t->db, caregiver, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  jz_user_set_actor (f->t->db, NULL);
  jz_test_db_free (f->t);
}

static gint64
draft (Fixture    *f,
       gint64      caregiver,
       const char *starts_on)
{
  g_autoptr(JzCareAgreement) a = jz_care_agreement_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  a->person_id = f->person;
  a->caregiver_id = caregiver;
  a->starts_on = g_strdup (starts_on);
  g_free (a->relation);
  a->relation = g_strdup ("邻居");
  g_free (a->care_content);
  a->care_content = g_strdup (CONTENT);
  g_free (a->frequency);
  a->frequency = g_strdup (FREQUENCY);
  id = jz_care_agreement_draft (f->t->db, a, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
sign (Fixture    *f,
      gint64      id,
      const char *on)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jz_care_agreement_sign (f->t->db, id, on, &error));
  g_assert_no_error (error);
}

static char *
agreement_number (Fixture *f,
                  gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzCareAgreement) a = jz_care_agreement_get (f->t->db, id, &error);

  g_assert_no_error (error);
  return g_strdup (a->number);
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

/* The text of @document as a reader gets it out of the PDF, with line
 * breaks and blanks taken out so that wrapped words are whole. */
static char *
document_text (Fixture    *f,
               JzDocument *document,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (f->t->dir, name, NULL);
  g_autofree char *text = NULL;
  GString *squeezed = g_string_new (NULL);

  g_assert_true (jz_document_write_pdf (document, pdf, &error));
  g_assert_no_error (error);

  /* JZ_CARE_PNG=/tmp/x writes the pages beside it, to look at. */
  for (guint i = 0; g_getenv ("JZ_CARE_PNG") != NULL && i < jz_document_get_n_pages (document); i++)
    {
      g_autofree char *png = g_strdup_printf ("%s-%s-%u.png", g_getenv ("JZ_CARE_PNG"), name, i + 1);

      g_assert_true (jz_document_write_png (document, i, 80, png, &error));
      g_assert_no_error (error);
    }

  text = pdf_text (pdf);
  g_remove (pdf);
  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (squeezed, *p);

  return g_string_free (squeezed, FALSE);
}

static char *
agreement_text (Fixture *f,
                gint64   id)
{
  g_autoptr(JzDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  document = jz_care_document_build_agreement (f->t->db, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  text = document_text (f, document, "agreement.pdf");
  /* One sheet of A4, as the parties sign it. */
  g_assert_cmpuint (jz_document_get_n_pages (document), ==, 1);

  return g_steal_pointer (&text);
}

static void
test_agreement (Fixture       *f,
                gconstpointer  data)
{
  gint64 id = draft (f, f->caregiver, "2026-01-01");
  g_autofree char *number = NULL;
  g_autofree char *text = NULL;

  sign (f, id, "2025-12-28");
  number = agreement_number (f, id);
  text = agreement_text (f, id);

  g_assert_nonnull (strstr (text, "委托照料协议书"));
  g_assert_nonnull (strstr (text, number));
  /* 甲方: the township's government and the office. */
  g_assert_nonnull (strstr (text, "甲方（委托方）：柳河镇人民政府"));
  g_assert_nonnull (strstr (text, "青禾区民政局"));
  /* 乙方, with everything a contract and a payment need. */
  g_assert_nonnull (strstr (text, "乙方（受托照料人）：" CAREGIVER_NAME));
  g_assert_nonnull (strstr (text, CAREGIVER_ID));
  g_assert_nonnull (strstr (text, CAREGIVER_PHONE));
  g_assert_nonnull (strstr (text, "柳河镇王家庄村3组15号"));
  g_assert_nonnull (strstr (text, "与丙方关系：邻居"));
  g_assert_nonnull (strstr (text, CAREGIVER_BANK));
  g_assert_nonnull (strstr (text, CAREGIVER_ACCT));
  /* 丙方, the address with the village once. */
  g_assert_nonnull (strstr (text, "丙方（被照料人）：" RECIPIENT_NAME));
  g_assert_nonnull (strstr (text, RECIPIENT_ID));
  g_assert_nonnull (strstr (text, "柳河镇王家庄村3组12号"));
  g_assert_null (strstr (text, "王家庄村王家庄村"));
  /* The tier, the care and the fee in figures and in capitals. */
  g_assert_nonnull (strstr (text, "照料等级（半护理）"));
  g_assert_nonnull (strstr (text, CONTENT));
  g_assert_nonnull (strstr (text, FREQUENCY));
  g_assert_nonnull (strstr (text, "每月人民币1,267.50元"));
  g_assert_nonnull (strstr (text, "壹仟贰佰陆拾柒元伍角整"));
  /* The term of 12 months, the clauses with the standards' numbers. */
  g_assert_nonnull (strstr (text, "自2026年1月1日起至2026年12月31日止"));
  g_assert_nonnull (strstr (text, "第一条"));
  g_assert_nonnull (strstr (text, "第九条"));
  g_assert_nonnull (strstr (text, "每月至少探访丙方一次"));
  g_assert_nonnull (strstr (text, "每3个月组织一次照料服务评价"));
  g_assert_nonnull (strstr (text, "评价不合格的，甲方解除本协议"));
  g_assert_nonnull (strstr (text, "争议"));
  g_assert_nonnull (strstr (text, "监督电话：0533-1234567"));
  /* The three boxes and their date lines. */
  g_assert_nonnull (strstr (text, "甲方（盖章）"));
  g_assert_nonnull (strstr (text, "乙方（签字）"));
  g_assert_nonnull (strstr (text, "丙方（签字或按手印）"));
  {
    g_auto(GStrv) dates = g_strsplit (text, "年月日", -1);

    g_assert_cmpuint (g_strv_length (dates), ==, 4);
  }
}

/* An organisation signs with its seal and its legal representative; a
 * draft is printed to be signed, with blanks where nothing was said. */
static void
test_organisation_draft (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(JzCaregiver) organisation = jz_caregiver_new ();
  g_autoptr(JzCareAgreement) a = jz_care_agreement_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 id;

  g_free (organisation->kind);
  organisation->kind = g_strdup ("organisation");
  organisation->name = g_strdup (ORGANISATION);
  g_free (organisation->legal_representative);
  organisation->legal_representative = g_strdup (REPRESENTATIVE);
  jz_caregiver_add (f->t->db, organisation, &error);
  g_assert_no_error (error);

  a->person_id = f->person;
  a->caregiver_id = organisation->id;
  a->starts_on = g_strdup ("2026-03-01");
  a->ends_on = g_strdup ("2026-08-31");
  id = jz_care_agreement_draft (f->t->db, a, &error);
  g_assert_no_error (error);

  text = agreement_text (f, id);
  g_assert_nonnull (strstr (text, "乙方（受托照料服务机构）：" ORGANISATION));
  g_assert_nonnull (strstr (text, "法定代表人：" REPRESENTATIVE));
  g_assert_nonnull (strstr (text, "乙方（盖章）"));
  g_assert_null (strstr (text, "乙方（签字）"));
  g_assert_nonnull (strstr (text, "法定代表人（签字）"));
  g_assert_nonnull (strstr (text, "自2026年3月1日起至2026年8月31日止"));
  g_assert_nonnull (strstr (text, "照料内容：______________"));
  g_assert_nonnull (strstr (text, "1,267.50"));
}

/* Care written out at length takes a second sheet, at the usual size
 * rather than squeezed, with nothing lost. */
static void
test_long_agreement (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(JzCareAgreement) a = jz_care_agreement_new ();
  g_autoptr(JzDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) content = g_string_new (NULL);
  g_autofree char *text = NULL;
  gint64 id;

  for (guint i = 0; i < 40; i++)
    g_string_append_printf (content, "第%u项：每日早晚各一次协助进食、翻身和清洁；", i + 1);
  g_string_append (content, "此项结束");
  a->person_id = f->person;
  a->caregiver_id = f->caregiver;
  a->starts_on = g_strdup ("2026-01-01");
  g_free (a->care_content);
  a->care_content = g_strdup (content->str);
  id = jz_care_agreement_draft (f->t->db, a, &error);
  g_assert_no_error (error);

  document = jz_care_document_build_agreement (f->t->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jz_document_get_n_pages (document), ==, 2);
  text = document_text (f, document, "long.pdf");
  g_assert_nonnull (strstr (text, "第40项"));
  g_assert_nonnull (strstr (text, "此项结束"));
  g_assert_nonnull (strstr (text, "丙方（签字或按手印）"));
}

static void
test_agreement_refused (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(JzDocument) document = NULL;
  g_autoptr(JzUser) clerk = jz_user_new ();
  g_autoptr(GError) error = NULL;
  gint64 other_township;
  gint64 id = draft (f, f->caregiver, "2026-01-01");

  document = jz_care_document_build_agreement (f->t->db, id + 100, &error);
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_NOT_FOUND);
  g_assert_null (document);
  g_clear_error (&error);

  /* A clerk of another township may not read it. */
  other_township = jz_region_create (f->t->db, f->t->district, "town", "370302102", "东岭镇", &error);
  g_assert_no_error (error);
  clerk->name = g_strdup ("clerk-b");
  clerk->role = JZ_ROLE_CLERK;
  clerk->region_id = other_township;
  clerk->active = TRUE;
  jz_user_set_actor (f->t->db, clerk);
  document = jz_care_document_build_agreement (f->t->db, id, &error);
  g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_DENIED);
  g_assert_null (document);
  g_clear_error (&error);
  clerk->region_id = f->t->township;
  jz_user_set_actor (f->t->db, clerk);
  document = jz_care_document_build_agreement (f->t->db, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_clear_object (&document);
  jz_user_set_actor (f->t->db, NULL);

  /* An ended agreement is not printed as if it still bound anyone. */
  g_assert_true (jz_care_agreement_terminate (f->t->db, id, "2026-01-05", "照料人外出务工", &error));
  g_assert_no_error (error);
  document = jz_care_document_build_agreement (f->t->db, id, &error);
  g_assert_error (error, JZ_CARE_DOCUMENT_ERROR, JZ_CARE_DOCUMENT_ERROR_ENDED);
  g_assert_null (document);
}

static void
test_visit_form (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(JzDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  document = jz_care_document_build_visit_form (f->t->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jz_document_get_n_pages (document), ==, 1);
  text = document_text (f, document, "visit-form.pdf");

  for (guint i = 0; i < JZ_CARE_N_CHECKS; i++)
    {
      g_autoptr(GString) squeezed = g_string_new (NULL);

      /* Blanks are taken out of the text, so out of the label too. */
      for (const char *p = jz_care_check_label (1u << i); *p; p++)
        if (!g_ascii_isspace (*p))
          g_string_append_c (squeezed, *p);
      g_assert_cmpuint (squeezed->len, >, 0);
      g_assert_nonnull (strstr (text, squeezed->str));
    }
  /* Two boxes for each of the seven checks, two for the way of visiting. */
  {
    g_auto(GStrv) boxes = g_strsplit (text, "□", -1);

    g_assert_cmpuint (g_strv_length (boxes) - 1, ==, 2 * JZ_CARE_N_CHECKS + 2);
  }
  g_assert_nonnull (strstr (text, "青禾区民政局"));

  /* Without a database there is no office to name, and nothing fails. */
  g_clear_object (&document);
  document = jz_care_document_build_visit_form (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jz_document_get_n_pages (document), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/care-document/agreement", Fixture, NULL, fixture_set_up, test_agreement, fixture_tear_down);
  g_test_add ("/care-document/organisation-draft", Fixture, NULL, fixture_set_up, test_organisation_draft, fixture_tear_down);
  g_test_add ("/care-document/long-agreement", Fixture, NULL, fixture_set_up, test_long_agreement, fixture_tear_down);
  g_test_add ("/care-document/agreement-refused", Fixture, NULL, fixture_set_up, test_agreement_refused, fixture_tear_down);
  g_test_add ("/care-document/visit-form", Fixture, NULL, fixture_set_up, test_visit_form, fixture_tear_down);

  return g_test_run ();
}
