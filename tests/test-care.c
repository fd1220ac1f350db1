/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "jz-audit.h"
#include "jz-care.h"
#include "jz-db-private.h"
#include "jz-household.h"
#include "jz-test-util.h"
#include "jz-user.h"

/* The minimum wage 2,010.00 and the care fees 10, 30 and 60 % of it. */
#define WAGE 201000

typedef struct
{
  JzTestDb *t;
  guint     next_id;
  gint64    other_township;
  gint64    other_village;
} Fixture;

/* An 18-digit ID number with its GB 11643 check character. */
static char *
make_id (const char *birth8,
         guint       sequence)
{
  static const int weights[] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  g_autofree char *body = g_strdup_printf ("370302%s%03u", birth8, sequence % 1000);
  int sum = 0;

  for (guint i = 0; i < 17; i++)
    sum += (body[i] - '0') * weights[i];

  return g_strdup_printf ("%s%c", body, "10X98765432"[sum % 11]);
}

static void
exec_sql (Fixture    *f,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jz_db_exec (f->t->db, sql, &error));
  g_assert_no_error (error);
}

static gint64
query_int (Fixture    *f,
           const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = jz_db_prepare (f->t->db, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->t = jz_test_db_new ();
  f->other_township = jz_region_create (f->t->db, f->t->district, "town", "370302102", "东岭镇", &error);
  g_assert_no_error (error);
  f->other_village = jz_region_create (f->t->db, f->other_township, "village", "370302102201", "李家村", &error);
  g_assert_no_error (error);
  exec_sql (f, "INSERT INTO standards (kind, hukou, amount, rate_bp, effective_from) VALUES "
               "('min_wage', NULL, 201000, NULL, '2020-01-01'), "
               "('care_self_pct', NULL, NULL, 1000, '2020-01-01'), "
               "('care_partial_pct', NULL, NULL, 3000, '2020-01-01'), "
               "('care_full_pct', NULL, NULL, 6000, '2020-01-01')");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  jz_user_set_actor (f->t->db, NULL);
  jz_test_db_free (f->t);
}

/* A person alone in a household of @village with a dispersed tekun case
 * active since @since (or no case with NULL). */
static gint64
new_recipient (Fixture    *f,
               gint64      village,
               const char *since)
{
  g_autoptr(JzHousehold) household = jz_household_new ();
  g_autoptr(JzPerson) head = jz_person_new ();
  g_autoptr(GError) error = NULL;

  household->region_id = village;
  head->name = g_strdup ("王秀英");
  head->id_number = make_id ("19450302", f->next_id++);
  jz_household_create (f->t->db, household, head, &error);
  g_assert_no_error (error);

  if (since != NULL)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO cases (household_id, person_id, program, status, applied_on, "
                                              "decided_on, starts_on) VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                                              ", 'tekun_dispersed', 'active', '%s', '%s', '%s')",
                                              head->household_id, head->id, since, since, since);

      exec_sql (f, sql);
    }
  return head->id;
}

static gint64
new_caregiver (Fixture    *f,
               const char *name)
{
  g_autoptr(JzCaregiver) caregiver = jz_caregiver_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  caregiver->name = g_strdup (name);
  g_free (caregiver->id_number);
  caregiver->id_number = make_id ("19700101", f->next_id++);
  id = jz_caregiver_add (f->t->db, caregiver, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
assess (Fixture    *f,
        gint64      person,
        const char *on,
        guint       done_alone)
{
  g_autoptr(JzCareAssessment) a = jz_care_assessment_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  a->person_id = person;
  a->assessed_on = g_strdup (on);
  a->assessor = g_strdup ("王芳");
  a->done_alone = done_alone;
  id = jz_care_assessment_add (f->t->db, a, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
draft (Fixture    *f,
       gint64      person,
       gint64      caregiver,
       const char *starts_on)
{
  g_autoptr(JzCareAgreement) a = jz_care_agreement_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  a->person_id = person;
  a->caregiver_id = caregiver;
  a->starts_on = g_strdup (starts_on);
  g_free (a->relation);
  a->relation = g_strdup ("邻居");
  id = jz_care_agreement_draft (f->t->db, a, &error);
  g_assert_no_error (error);
  return id;
}

static JzCareAgreement *
get (Fixture *f,
     gint64   id)
{
  g_autoptr(GError) error = NULL;
  JzCareAgreement *a = jz_care_agreement_get (f->t->db, id, &error);

  g_assert_no_error (error);
  return a;
}

static JzCareRecipient *
recipient (Fixture    *f,
           gint64      person,
           const char *today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = jz_care_list_recipients (f->t->db, NULL, JZ_CARE_FILTER_ALL, today, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    if (((JzCareRecipient *) g_ptr_array_index (list, i))->person_id == person)
      return g_steal_pointer (&g_ptr_array_index (list, i));
  return NULL;
}

/* ---- the rules ----------------------------------------------------------- */

static void
test_tiers (void)
{
  /* Every combination of the six activities, counted the other way. */
  for (guint bits = 0; bits < 64; bits++)
    {
      guint not_alone = 6 - (guint) __builtin_popcount (bits);
      const char *expected = not_alone == 0 ? "self_care" : not_alone <= 3 ? "partial_care" : "full_care";

      g_assert_cmpstr (jz_care_tier_from_activities (bits), ==, expected);
    }
  g_assert_cmpstr (jz_care_tier_from_activities (JZ_CARE_ALL_ACTIVITIES), ==, "self_care");
  g_assert_cmpstr (jz_care_tier_from_activities (JZ_CARE_ALL_ACTIVITIES & ~JZ_CARE_BATHING), ==, "partial_care");
  g_assert_cmpstr (jz_care_tier_from_activities (JZ_CARE_EATING | JZ_CARE_DRESSING), ==, "full_care");
  g_assert_cmpstr (jz_care_tier_from_activities (JZ_CARE_EATING | JZ_CARE_DRESSING | JZ_CARE_WALKING), ==, "partial_care");
}

static void
test_scores (void)
{
  const char *result = NULL;

  g_assert_cmpint (jz_care_evaluation_score (5, 3, 3, &result), ==, 100);
  g_assert_cmpstr (result, ==, "pass");
  g_assert_cmpint (jz_care_evaluation_score (4, 3, 3, &result), ==, 85);
  g_assert_cmpstr (result, ==, "pass");
  g_assert_cmpint (jz_care_evaluation_score (4, 2, 2, &result), ==, 65);
  g_assert_cmpstr (result, ==, "basic_pass");
  g_assert_cmpint (jz_care_evaluation_score (3, 3, 3, &result), ==, 70);
  g_assert_cmpstr (result, ==, "basic_pass");
  g_assert_cmpint (jz_care_evaluation_score (2, 3, 3, &result), ==, 55);
  g_assert_cmpstr (result, ==, "fail");
  /* Very dissatisfied fails whatever the neighbours say. */
  jz_care_evaluation_score (1, 3, 3, &result);
  g_assert_cmpstr (result, ==, "fail");
}

static void
test_state_by_date (void)
{
  JzCareAgreement a = { 0 };

  a.status = (char *) "active";
  a.ends_on = (char *) "2026-03-31";
  g_assert_cmpint (jz_care_agreement_state (&a, "2026-02-28", 30), ==, JZ_CARE_STATE_ACTIVE);
  /* 30 days before the end, the end day counted: from 1 March. */
  g_assert_cmpint (jz_care_agreement_state (&a, "2026-03-01", 30), ==, JZ_CARE_STATE_EXPIRING);
  g_assert_cmpint (jz_care_agreement_state (&a, "2026-03-31", 30), ==, JZ_CARE_STATE_EXPIRING);
  g_assert_cmpint (jz_care_agreement_state (&a, "2026-04-01", 30), ==, JZ_CARE_STATE_LAPSED);
  a.status = (char *) "draft";
  g_assert_cmpint (jz_care_agreement_state (&a, "2026-04-01", 30), ==, JZ_CARE_STATE_DRAFT);
  a.status = (char *) "terminated";
  g_assert_cmpint (jz_care_agreement_state (&a, "2026-01-01", 30), ==, JZ_CARE_STATE_TERMINATED);
}

/* ---- assessments ------------------------------------------------------- */

static void
test_assessment (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *due = NULL;
  gint64 person = new_recipient (f, f->t->village, "2025-01-10");
  gint64 stranger = new_recipient (f, f->t->village, NULL);
  JzCareAssessment *latest;

  assess (f, person, "2025-01-12", JZ_CARE_ALL_ACTIVITIES);
  g_assert_cmpint (query_int (f, "SELECT self_care = 'self_care' FROM persons ORDER BY id LIMIT 1"), ==, 1);

  /* A change reported on Friday 2026-09-25: ten working days, across the
   * National Day holiday (1–8 October, with the make-up days). */
  g_assert_cmpint (jz_care_change_report (f->t->db, person, "2026-09-25", "跌倒后行动不便", &due, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpstr (due, >, "2026-10-08");
  {
    g_autoptr(JzCareRecipient) r = recipient (f, person, "2026-09-26");

    g_assert_cmpstr (r->reassessment_due, ==, due);
    g_assert_cmpstr (r->tier, ==, "self_care");
  }

  /* Bathing, toileting and walking no more: partial care; the person's
   * level follows and the change is answered. */
  assess (f, person, "2026-09-30", JZ_CARE_EATING | JZ_CARE_DRESSING | JZ_CARE_TRANSFER);
  list = jz_care_assessment_list (f->t->db, person, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  latest = g_ptr_array_index (list, 0);
  g_assert_cmpstr (latest->tier, ==, "partial_care");
  g_assert_cmpuint (latest->done_alone, ==, JZ_CARE_EATING | JZ_CARE_DRESSING | JZ_CARE_TRANSFER);
  {
    g_autoptr(JzCareRecipient) r = recipient (f, person, "2026-10-01");

    g_assert_null (r->reassessment_due);
    g_assert_cmpstr (r->tier, ==, "partial_care");
  }
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM audit_log WHERE table_name = 'persons' AND action = 'update'"), ==, 1);

  /* An earlier assessment recorded late does not override the newer. */
  assess (f, person, "2026-06-01", JZ_CARE_ALL_ACTIVITIES);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM persons WHERE self_care = 'partial_care'"), ==, 1);

  /* Only recipients are assessed; a bad date or no assessor is refused. */
  {
    g_autoptr(JzCareAssessment) a = jz_care_assessment_new ();

    a->person_id = stranger;
    a->assessed_on = g_strdup ("2026-01-01");
    a->assessor = g_strdup ("王芳");
    g_assert_cmpint (jz_care_assessment_add (f->t->db, a, &error), ==, 0);
    g_assert_error (error, JZ_CARE_ERROR, JZ_CARE_ERROR_NOT_RECIPIENT);
    g_clear_error (&error);

    a->person_id = person;
    g_free (a->assessed_on);
    a->assessed_on = g_strdup ("2026-02-30");
    g_assert_cmpint (jz_care_assessment_add (f->t->db, a, &error), ==, 0);
    g_assert_error (error, JZ_CARE_ERROR, JZ_CARE_ERROR_INVALID);
    g_clear_error (&error);
  }
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM care_assessments"), ==, 3);
}

/* ---- agreements --------------------------------------------------------- */

static void
test_agreement_life (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  gint64 person = new_recipient (f, f->t->village, "2025-01-10");
  gint64 neighbour = new_caregiver (f, "李桂芝");
  gint64 nephew = new_caregiver (f, "王建军");
  gint64 first, renewal, replacement;

  assess (f, person, "2025-01-12", JZ_CARE_EATING | JZ_CARE_DRESSING);   /* full care */
  first = draft (f, person, neighbour, "2025-02-01");
  {
    g_autoptr(JzCareAgreement) a = get (f, first);

    g_assert_cmpstr (a->number, ==, "370302101-2025-0001");
    g_assert_cmpstr (a->tier, ==, "full_care");
    /* 60 % of 2,010.00 */
    g_assert_cmpint (a->monthly_fee, ==, 120600);
    /* A year, the day before the same date. */
    g_assert_cmpstr (a->ends_on, ==, "2026-01-31");
    g_assert_cmpstr (a->status, ==, "draft");
    g_assert_cmpstr (a->caregiver_name, ==, "李桂芝");
  }

  /* A renewal needs the agreement in force; so does a visit's link. */
  g_assert_cmpint (jz_care_agreement_renew (f->t->db, first, &error), ==, 0);
  g_assert_error (error, JZ_CARE_ERROR, JZ_CARE_ERROR_STATE);
  g_clear_error (&error);

  g_assert_true (jz_care_agreement_sign (f->t->db, first, "2025-01-28", &error));
  g_assert_no_error (error);
  g_assert_false (jz_care_agreement_sign (f->t->db, first, "2025-01-28", &error));
  g_assert_error (error, JZ_CARE_ERROR, JZ_CARE_ERROR_STATE);
  g_clear_error (&error);

  {
    g_autoptr(JzCareRecipient) r = recipient (f, person, "2026-01-15");

    g_assert_cmpint (r->agreement_id, ==, first);
    g_assert_cmpint (r->state, ==, JZ_CARE_STATE_EXPIRING);
    g_assert_cmpstr (r->caregiver_name, ==, "李桂芝");
  }

  /* A second agreement cannot be signed while one is in force. */
  {
    gint64 other = draft (f, person, nephew, "2025-06-01");

    g_assert_false (jz_care_agreement_sign (f->t->db, other, "2025-06-01", &error));
    g_assert_error (error, JZ_CARE_ERROR, JZ_CARE_ERROR_ACTIVE);
    g_clear_error (&error);
    g_assert_false (jz_care_agreement_terminate (f->t->db, other, "2025-06-02", "  ", &error));
    g_assert_error (error, JZ_CARE_ERROR, JZ_CARE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_true (jz_care_agreement_terminate (f->t->db, other, "2025-06-02", "起草有误", &error));
    g_assert_no_error (error);
  }

  /* Renewed: a new draft from the day after; signing it expires the first. */
  renewal = jz_care_agreement_renew (f->t->db, first, &error);
  g_assert_no_error (error);
  {
    g_autoptr(JzCareAgreement) a = get (f, renewal);

    g_assert_cmpstr (a->starts_on, ==, "2026-02-01");
    g_assert_cmpstr (a->ends_on, ==, "2027-01-31");
    g_assert_cmpint (a->previous_id, ==, first);
    g_assert_cmpstr (a->link, ==, "renewal");
    g_assert_cmpstr (a->number, ==, "370302101-2026-0001");
  }
  g_assert_true (jz_care_agreement_sign (f->t->db, renewal, "2026-01-20", &error));
  g_assert_no_error (error);
  {
    g_autoptr(JzCareAgreement) a = get (f, first);

    g_assert_cmpstr (a->status, ==, "expired");
    g_assert_cmpstr (a->ended_on, ==, "2026-01-31");
  }

  /* The caregiver fails: replaced in one step, both kept. */
  replacement = jz_care_agreement_replace (f->t->db, renewal, nephew, "侄子", "2026-05-10", "照料评价不合格", &error);
  g_assert_no_error (error);
  {
    g_autoptr(JzCareAgreement) old = get (f, renewal);
    g_autoptr(JzCareAgreement) a = get (f, replacement);

    g_assert_cmpstr (old->status, ==, "terminated");
    g_assert_cmpstr (old->ended_on, ==, "2026-05-10");
    g_assert_cmpstr (old->end_reason, ==, "照料评价不合格");
    g_assert_cmpstr (a->status, ==, "draft");
    g_assert_cmpint (a->caregiver_id, ==, nephew);
    g_assert_cmpint (a->previous_id, ==, renewal);
    g_assert_cmpstr (a->link, ==, "replacement");
    g_assert_cmpstr (a->starts_on, ==, "2026-05-10");
  }
  g_assert_true (jz_care_agreement_sign (f->t->db, replacement, "2026-05-10", &error));
  g_assert_no_error (error);

  history = jz_care_agreement_list (f->t->db, person, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 4);
  g_assert_cmpint (((JzCareAgreement *) g_ptr_array_index (history, 0))->id, ==, replacement);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM care_agreements WHERE status = 'active'"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM audit_log WHERE table_name = 'care_agreements'"), ==, 10);

  /* Replacing with the same caregiver is no replacement. */
  g_assert_cmpint (jz_care_agreement_replace (f->t->db, replacement, nephew, "", "2026-06-01", "无", &error), ==, 0);
  g_assert_error (error, JZ_CARE_ERROR, JZ_CARE_ERROR_INVALID);
}

/* ---- visits and evaluations ------------------------------------------------ */

static void
test_visits_overdue (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 person = new_recipient (f, f->t->village, "2025-12-20");
  gint64 caregiver = new_caregiver (f, "李桂芝");
  gint64 agreement = draft (f, person, caregiver, "2026-01-01");
  g_autoptr(JzCareVisit) visit = jz_care_visit_new ();
  g_autoptr(GPtrArray) visits = NULL;

  g_assert_true (jz_care_agreement_sign (f->t->db, agreement, "2025-12-31", &error));
  g_assert_no_error (error);

  /* Never visited: due a month after signing. */
  {
    g_autoptr(JzCareRecipient) r = recipient (f, person, "2026-01-31");

    g_assert_null (r->last_visit_on);
    g_assert_cmpstr (r->next_visit_on, ==, "2026-01-31");
    g_assert_false (r->visit_overdue);
  }

  /* Visited on 31 January: a month on is the last day of February, and
   * the day after it is overdue. */
  visit->person_id = person;
  visit->visited_on = g_strdup ("2026-01-31");
  visit->visitors = g_strdup ("王芳、李强");
  visit->checks = JZ_CARE_ALL_CHECKS & ~JZ_CARE_CHECK_HYGIENE;
  g_free (visit->findings);
  visit->findings = g_strdup ("室内卫生较差");
  g_free (visit->follow_up);
  visit->follow_up = g_strdup ("联系照料人打扫");
  visit->follow_up_due = g_strdup ("2026-02-07");
  g_assert_cmpint (jz_care_visit_add (f->t->db, visit, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT agreement_id FROM care_visits"), ==, agreement);
  {
    g_autoptr(JzCareRecipient) r = recipient (f, person, "2026-02-28");
    g_autoptr(JzCareRecipient) late = recipient (f, person, "2026-03-01");

    g_assert_cmpstr (r->next_visit_on, ==, "2026-02-28");
    g_assert_false (r->visit_overdue);
    g_assert_true (late->visit_overdue);
  }
  {
    JzCareStats stats;

    g_assert_true (jz_care_stats (f->t->db, NULL, "2026-03-01", &stats, &error));
    g_assert_cmpuint (stats.recipients, ==, 1);
    g_assert_cmpuint (stats.with_agreement, ==, 1);
    g_assert_cmpuint (stats.visits_on_time, ==, 0);
    g_assert_cmpuint (stats.visit_overdue, ==, 1);
  }

  /* A visit in the future, without visitors, or a follow-up without words
   * is refused. */
  {
    g_autoptr(JzCareVisit) bad = jz_care_visit_new ();

    bad->person_id = person;
    bad->visited_on = g_strdup ("2999-01-01");
    bad->visitors = g_strdup ("王芳");
    g_assert_cmpint (jz_care_visit_add (f->t->db, bad, &error), ==, 0);
    g_assert_error (error, JZ_CARE_ERROR, JZ_CARE_ERROR_INVALID);
    g_clear_error (&error);

    g_free (bad->visited_on);
    bad->visited_on = g_strdup ("2026-02-10");
    bad->follow_up_due = g_strdup ("2026-02-20");
    g_assert_cmpint (jz_care_visit_add (f->t->db, bad, &error), ==, 0);
    g_assert_error (error, JZ_CARE_ERROR, JZ_CARE_ERROR_INVALID);
    g_clear_error (&error);
  }

  visits = jz_care_visit_list (f->t->db, person, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (visits->len, ==, 1);
  g_assert_cmpuint (((JzCareVisit *) g_ptr_array_index (visits, 0))->checks, ==, JZ_CARE_ALL_CHECKS & ~JZ_CARE_CHECK_HYGIENE);
}

static void
test_evaluation_fail_tracked (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 person = new_recipient (f, f->t->village, "2025-12-20");
  gint64 caregiver = new_caregiver (f, "李桂芝");
  gint64 other = new_caregiver (f, "赵大姐");
  gint64 agreement = draft (f, person, caregiver, "2026-01-01");
  g_autoptr(JzCareEvaluation) e = jz_care_evaluation_new ();
  JzCareStats stats;

  e->agreement_id = agreement;
  e->period_from = g_strdup ("2026-01-01");
  e->period_to = g_strdup ("2026-03-31");
  e->evaluated_on = g_strdup ("2026-04-03");
  e->evaluator = g_strdup ("王芳");
  e->satisfaction = 2;
  e->neighbours = 2;
  e->village = 2;

  /* A draft has no care to evaluate. */
  g_assert_cmpint (jz_care_evaluation_add (f->t->db, e, &error), ==, 0);
  g_assert_error (error, JZ_CARE_ERROR, JZ_CARE_ERROR_STATE);
  g_clear_error (&error);

  g_assert_true (jz_care_agreement_sign (f->t->db, agreement, "2025-12-30", &error));
  g_assert_cmpint (jz_care_evaluation_add (f->t->db, e, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (e->score, ==, 35);
  g_assert_cmpstr (e->result, ==, "fail");

  g_assert_true (jz_care_stats (f->t->db, NULL, "2026-04-05", &stats, &error));
  g_assert_cmpuint (stats.failed_open, ==, 1);
  {
    g_autoptr(JzCareRecipient) r = recipient (f, person, "2026-04-05");

    g_assert_true (r->failed_open);
    g_assert_cmpstr (r->last_evaluation_result, ==, "fail");
    g_assert_cmpstr (r->last_evaluation_on, ==, "2026-04-03");
  }

  /* Replaced: nothing failed stays open. */
  g_assert_cmpint (jz_care_agreement_replace (f->t->db, agreement, other, "邻居", "2026-04-10", "照料评价不合格", &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (jz_care_stats (f->t->db, NULL, "2026-04-11", &stats, &error));
  g_assert_cmpuint (stats.failed_open, ==, 0);
  /* The new draft is no agreement in force until signed. */
  g_assert_cmpuint (stats.with_agreement, ==, 0);
}

/* A township clerk keeps the care of their own township only, and sees
 * only its recipients. */
static void
test_township_scope (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzUser) clerk = jz_user_new ();
  g_autoptr(GPtrArray) list = NULL;
  gint64 mine = new_recipient (f, f->t->village, "2025-12-20");
  gint64 theirs = new_recipient (f, f->other_village, "2025-12-20");
  g_autoptr(JzCareVisit) visit = jz_care_visit_new ();

  clerk->name = g_strdup ("wangfang");
  clerk->role = JZ_ROLE_CLERK;
  clerk->region_id = f->t->township;
  clerk->active = TRUE;

  list = jz_care_list_recipients (f->t->db, clerk, JZ_CARE_FILTER_ALL, "2026-01-10", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((JzCareRecipient *) g_ptr_array_index (list, 0))->person_id, ==, mine);

  jz_user_set_actor (f->t->db, clerk);
  visit->person_id = theirs;
  visit->visited_on = g_strdup ("2026-01-05");
  visit->visitors = g_strdup ("王芳");
  g_assert_cmpint (jz_care_visit_add (f->t->db, visit, &error), ==, 0);
  g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_DENIED);
  g_clear_error (&error);
  visit->person_id = mine;
  g_assert_cmpint (jz_care_visit_add (f->t->db, visit, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM care_visits"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* Visits are not recorded in the future of this day. */
  g_setenv ("JIUZHU_TODAY", "2026-11-23", TRUE);

  g_test_add_func ("/care/tiers", test_tiers);
  g_test_add_func ("/care/scores", test_scores);
  g_test_add_func ("/care/state-by-date", test_state_by_date);
#define ADD(path, func) \
  g_test_add ("/care/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("assessment", test_assessment);
  ADD ("agreement-life", test_agreement_life);
  ADD ("visits-overdue", test_visits_overdue);
  ADD ("evaluation-fail-tracked", test_evaluation_fail_tracked);
  ADD ("township-scope", test_township_scope);
#undef ADD

  return g_test_run ();
}
