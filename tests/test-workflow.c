/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "jz-audit.h"
#include "jz-benefit.h"
#include "jz-calendar.h"
#include "jz-case.h"
#include "jz-db-private.h"
#include "jz-household.h"
#include "jz-income.h"
#include "jz-standard.h"
#include "jz-test-util.h"
#include "jz-user.h"
#include "jz-workflow.h"

/* Steps are never dated in the future: "today" is late enough for every
 * date below. */
#define TODAY "2026-12-31"

typedef struct
{
  JzTestDb *t;
  gint64    township_b;
  gint64    village_b;
  guint     next_id;  /* sequence of the ID numbers made up */
  JzUser   *admin;
  JzUser   *reviewer;
  JzUser   *leader;
  JzUser   *clerk_a;
  JzUser   *clerk_b;
} Fixture;

/* --- helpers ------------------------------------------------------------ */

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

static char *
query_text (Fixture    *f,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = jz_db_prepare (f->t->db, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return jz_db_column_dup (stmt, 0);
}

static JzUser *
make_user (const char *name,
           JzRole      role,
           gint64      township)
{
  JzUser *user = jz_user_new ();

  g_free (user->name);
  user->name = g_strdup (name);
  user->role = role;
  user->region_id = township;
  user->active = TRUE;
  return user;
}

/* A household of one head (born on @birth8, YYYYMMDD) with a wage. */
static gint64
new_household (Fixture    *f,
               gint64      village,
               const char *hukou,
               const char *birth8,
               gint64      wage,
               gint64     *head_id)
{
  g_autoptr(JzHousehold) household = jz_household_new ();
  g_autoptr(JzPerson) head = jz_person_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  household->region_id = village;
  g_free (household->hukou);
  household->hukou = g_strdup (hukou);
  head->name = g_strdup ("张桂兰");
  head->id_number = make_id (birth8, f->next_id++);
  id = jz_household_create (f->t->db, household, head, &error);
  g_assert_no_error (error);

  if (wage > 0)
    {
      g_autoptr(JzIncome) income = jz_income_new ();

      income->person_id = head->id;
      income->monthly_amount = wage;
      jz_income_add (f->t->db, income, &error);
      g_assert_no_error (error);
    }

  if (head_id != NULL)
    *head_id = head->id;
  return id;
}

static gint64
add_member (Fixture    *f,
            gint64      household,
            const char *birth8,
            const char *relation)
{
  g_autoptr(JzPerson) person = jz_person_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  person->household_id = household;
  person->name = g_strdup ("张小红");
  person->id_number = make_id (birth8, f->next_id++);
  g_free (person->relation);
  person->relation = g_strdup (relation);
  id = jz_person_add (f->t->db, person, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
new_case (Fixture    *f,
          gint64      household,
          gint64      person,
          const char *program,
          const char *applied_on,
          gboolean    emergency)
{
  g_autoptr(GError) error = NULL;
  JzCaseApplication app = { 0 };
  gint64 id;

  app.emergency = emergency;
  if (g_str_equal (program, "temporary"))
    {
      app.temp_kind = "illness";
      app.temp_multiple_bp = 60000;
    }
  id = jz_case_create_application (f->t->db, NULL, household, person, program, applied_on, &app, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
advance_ok (Fixture      *f,
            const JzUser *user,
            gint64        case_id,
            const char   *to,
            const char   *date)
{
  g_autoptr(GError) error = NULL;

  jz_case_advance (f->t->db, user, case_id, to, "按规定办理", date, &error);
  g_assert_no_error (error);
}

static JzCaseFlow *
get_flow (Fixture *f,
          gint64   case_id)
{
  g_autoptr(GError) error = NULL;
  JzCaseFlow *flow = jz_case_flow_get (f->t->db, case_id, &error);

  g_assert_no_error (error);
  return flow;
}

/* The ordinary route, with one date per step. */
static const struct { const char *status; const char *date; } route[] = {
  { "submitted",         "2026-03-02" },
  { "accepted",          "2026-03-03" },
  { "investigating",     "2026-03-04" },
  { "village_notice",    "2026-03-05" },
  { "township_reviewed", "2026-03-12" },
  { "approved",          "2026-03-16" },
  { "active",            "2026-04-01" },
};

/* Takes a fresh draft to @target. */
static void
drive (Fixture    *f,
       gint64      case_id,
       const char *target)
{
  if (g_str_equal (target, "draft"))
    return;
  if (g_str_equal (target, "rejected") || g_str_equal (target, "withdrawn"))
    {
      advance_ok (f, NULL, case_id, target, "2026-03-02");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (route); i++)
    {
      advance_ok (f, NULL, case_id, route[i].status, route[i].date);
      if (g_str_equal (target, route[i].status))
        return;
    }

  if (g_str_equal (target, "suspended"))
    advance_ok (f, NULL, case_id, "suspended", "2026-05-06");
  else if (g_str_equal (target, "terminated"))
    advance_ok (f, NULL, case_id, "terminated", "2026-06-01");
  else
    g_assert_not_reached ();
}

/* --- fixture ------------------------------------------------------------ */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_setenv ("JIUZHU_TODAY", TODAY, TRUE);
  f->t = jz_test_db_new ();
  /* Hundreds of small transactions: durability is not what is tested. */
  exec_sql (f, "PRAGMA synchronous = OFF");
  f->township_b = jz_region_create (f->t->db, f->t->district, "town", "370302102", "东岭镇", &error);
  g_assert_no_error (error);
  f->village_b = jz_region_create (f->t->db, f->township_b, "village", "370302102201", "东岭村", &error);
  g_assert_no_error (error);

  /* The standards every program needs, from long ago. */
  exec_sql (f,
            "INSERT INTO standards (kind, hukou, amount, rate_bp, effective_from) VALUES "
            "('dibao', 'urban', 80000, NULL, '2020-01-01'), ('dibao', 'rural', 60000, NULL, '2020-01-01'), "
            "('min_wage', NULL, 200000, NULL, '2020-01-01'), "
            "('care_self_pct', NULL, NULL, 1000, '2020-01-01'), ('care_partial_pct', NULL, NULL, 3000, '2020-01-01'), "
            "('care_full_pct', NULL, NULL, 5000, '2020-01-01'), "
            "('increment_elderly_pct', NULL, NULL, 1000, '2020-01-01'), "
            "('increment_minor_pct', NULL, NULL, 1000, '2020-01-01'), "
            "('increment_severe_disability_pct', NULL, NULL, 2000, '2020-01-01'), "
            "('increment_severe_illness_pct', NULL, NULL, 2000, '2020-01-01'), "
            "('increment_sanwu_pct', NULL, NULL, 3000, '2020-01-01'), "
            "('gradual_exit_months', NULL, 3, NULL, '2020-01-01'), "
            "('disability_living', NULL, 8000, NULL, '2020-01-01'), "
            "('disability_care', NULL, 9000, NULL, '2020-01-01'), "
            "('child_living', NULL, 120000, NULL, '2020-01-01')");

  f->next_id = 1;
  f->admin = make_user ("admin", JZ_ROLE_ADMIN, 0);
  f->reviewer = make_user ("reviewer", JZ_ROLE_REVIEWER, 0);
  f->leader = make_user ("leader", JZ_ROLE_LEADER, 0);
  f->clerk_a = make_user ("clerk-a", JZ_ROLE_CLERK, f->t->township);
  f->clerk_b = make_user ("clerk-b", JZ_ROLE_CLERK, f->township_b);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  jz_user_free (f->admin);
  jz_user_free (f->reviewer);
  jz_user_free (f->leader);
  jz_user_free (f->clerk_a);
  jz_user_free (f->clerk_b);
  jz_test_db_free (f->t);
  g_unsetenv ("JIUZHU_TODAY");
}

/* --- the transition matrix ---------------------------------------------- */

/* Written by hand from the rules, not from the code's table.  Rows: from;
 * columns: to; both in the order of jz_workflow_statuses():
 *   d raft, s ubmitted, a ccepted, i nvestigating, v illage notice,
 *   t ownship reviewed, p approved, A ctive, S uspended, T erminated,
 *   R ejected, W ithdrawn. */
static const char * const regular_matrix[12] = {
  /*                     dsaivtpASTRW */
  /* draft */            ".x........xx",
  /* submitted */        "..x.......xx",
  /* accepted */         "...x......xx",
  /* investigating */    "....x.....xx",
  /* village_notice */   ".....x....xx",
  /* township_reviewed */"......x...xx",
  /* approved */         ".......x....",
  /* active */           "........xx..",
  /* suspended */        ".......x.x..",
  /* terminated */       "............",
  /* rejected */         "............",
  /* withdrawn */        "............",
};

/* Temporary assistance: approved straight after acceptance, and finished
 * once approved. */
static const char * const temporary_matrix[12] = {
  /*                     dsaivtpASTRW */
  /* draft */            ".x........xx",
  /* submitted */        "..x.......xx",
  /* accepted */         "...x..x...xx",
  /* investigating */    "....x.....xx",
  /* village_notice */   ".....x....xx",
  /* township_reviewed */"......x...xx",
  /* approved */         "............",
  /* active */           "........xx..",
  /* suspended */        ".......x.x..",
  /* terminated */       "............",
  /* rejected */         "............",
  /* withdrawn */        "............",
};

/* An emergency (先行救助) may also be approved as soon as it is submitted. */
static const char * const emergency_matrix[12] = {
  /*                     dsaivtpASTRW */
  /* draft */            ".x........xx",
  /* submitted */        "..x...x...xx",
  /* accepted */         "...x..x...xx",
  /* investigating */    "....x.....xx",
  /* village_notice */   ".....x....xx",
  /* township_reviewed */"......x...xx",
  /* approved */         "............",
  /* active */           "........xx..",
  /* suspended */        ".......x.x..",
  /* terminated */       "............",
  /* rejected */         "............",
  /* withdrawn */        "............",
};

static const char * const statuses[12] = {
  "draft", "submitted", "accepted", "investigating", "village_notice", "township_reviewed",
  "approved", "active", "suspended", "terminated", "rejected", "withdrawn",
};

static void
test_status_list (void)
{
  const char * const *list = jz_workflow_statuses ();

  g_assert_cmpuint (g_strv_length ((char **) list), ==, 12);
  for (guint i = 0; i < 12; i++)
    g_assert_cmpstr (list[i], ==, statuses[i]);
  g_assert_false (jz_workflow_is_status ("paid"));
  g_assert_false (jz_workflow_is_status (NULL));
}

static void
check_pure_matrix (const char         *program,
                   gboolean            emergency,
                   const char * const *matrix)
{
  for (guint from = 0; from < 12; from++)
    for (guint to = 0; to < 12; to++)
      {
        gboolean want = matrix[from][to] == 'x';
        gboolean needs_reason = FALSE;
        guint permissions = 0;
        gboolean got = jz_workflow_lookup (program, emergency, statuses[from], statuses[to],
                                           &permissions, &needs_reason);

        if (got != want)
          g_error ("%s%s: %s → %s is %s, expected %s", program, emergency ? " (emergency)" : "",
                   statuses[from], statuses[to], got ? "allowed" : "forbidden", want ? "allowed" : "forbidden");
        if (!got)
          continue;

        g_assert_cmpuint (permissions, !=, 0);
        /* A written reason: to reject, withdraw, suspend or terminate. */
        g_assert_cmpint (needs_reason, ==,
                         g_str_equal (statuses[to], "rejected") || g_str_equal (statuses[to], "withdrawn") ||
                         g_str_equal (statuses[to], "suspended") || g_str_equal (statuses[to], "terminated"));
      }
}

static void
test_matrix_pure (void)
{
  check_pure_matrix ("dibao_urban", FALSE, regular_matrix);
  check_pure_matrix ("dibao_rural", FALSE, regular_matrix);
  /* Only temporary assistance can take the emergency shortcut. */
  check_pure_matrix ("dibao_urban", TRUE, regular_matrix);
  check_pure_matrix ("tekun_dispersed", FALSE, regular_matrix);
  check_pure_matrix ("disability_care", FALSE, regular_matrix);
  check_pure_matrix ("temporary", FALSE, temporary_matrix);
  check_pure_matrix ("temporary", TRUE, emergency_matrix);
  g_assert_false (jz_workflow_lookup ("dibao_urban", FALSE, "draft", "paid", NULL, NULL));
  g_assert_false (jz_workflow_lookup ("dibao_urban", FALSE, NULL, "draft", NULL, NULL));
}

/* Every pair, on real cases: allowed steps are taken, forbidden ones are
 * refused and change nothing. */
static void
check_db_matrix (Fixture            *f,
                 const char         *program,
                 gboolean            emergency,
                 const char * const *matrix)
{
  gboolean temporary = g_str_equal (program, "temporary");

  for (guint from = 0; from < 12; from++)
    {
      /* Temporary assistance never becomes active. */
      if (temporary && (from == 7 || from == 8 || from == 9))
        continue;

      for (guint to = 0; to < 12; to++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(JzCaseFlow) before = NULL;
          g_autoptr(JzCaseFlow) after = NULL;
          gint64 person = 0;
          gint64 household = new_household (f, f->t->village, "urban", "19830705", 30000, &person);
          gint64 id = new_case (f, household, g_str_has_prefix (program, "tekun") ? person : 0,
                                program, "2026-03-02", emergency);
          gint64 steps;
          gboolean ok;

          drive (f, id, statuses[from]);
          before = get_flow (f, id);
          g_assert_cmpstr (before->status, ==, statuses[from]);
          steps = query_int (f, "SELECT count(*) FROM case_history");

          ok = jz_case_advance (f->t->db, NULL, id, statuses[to], "理由", "2026-06-30", &error);
          after = get_flow (f, id);

          if (matrix[from][to] == 'x')
            {
              if (!ok)
                g_error ("%s: %s → %s refused: %s", program, statuses[from], statuses[to], error->message);
              g_assert_cmpstr (after->status, ==, statuses[to]);
              g_assert_cmpint (after->version, ==, before->version + 1);
              g_assert_cmpint (query_int (f, "SELECT count(*) FROM case_history"), ==, steps + 1);
            }
          else
            {
              if (ok)
                g_error ("%s: %s → %s was allowed", program, statuses[from], statuses[to]);
              g_assert_error (error, JZ_WORKFLOW_ERROR, JZ_WORKFLOW_ERROR_TRANSITION);
              g_assert_cmpstr (after->status, ==, statuses[from]);
              g_assert_cmpint (after->version, ==, before->version);
              g_assert_cmpint (query_int (f, "SELECT count(*) FROM case_history"), ==, steps);
            }
        }
    }
}

static void
test_matrix_regular (Fixture       *f,
                     gconstpointer  data)
{
  check_db_matrix (f, "dibao_urban", FALSE, regular_matrix);
}

static void
test_matrix_temporary (Fixture       *f,
                       gconstpointer  data)
{
  check_db_matrix (f, "temporary", FALSE, temporary_matrix);
  check_db_matrix (f, "temporary", TRUE, emergency_matrix);
}

static void
test_unknown_status (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 household = new_household (f, f->t->village, "urban", "19830705", 30000, NULL);
  gint64 id = new_case (f, household, 0, "dibao_urban", "2026-03-02", FALSE);

  g_assert_false (jz_case_advance (f->t->db, NULL, id, "paid", NULL, "2026-03-02", &error));
  g_assert_error (error, JZ_WORKFLOW_ERROR, JZ_WORKFLOW_ERROR_STATUS);
  g_clear_error (&error);
  g_assert_false (jz_case_advance (f->t->db, NULL, 999999, "submitted", NULL, "2026-03-02", &error));
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_NOT_FOUND);
}

/* --- reasons, dates, versions --------------------------------------------- */

static void
test_reason_required (Fixture       *f,
                      gconstpointer  data)
{
  static const struct { const char *from; const char *to; } needs[] = {
    { "draft", "rejected" }, { "submitted", "withdrawn" }, { "township_reviewed", "rejected" },
    { "active", "suspended" }, { "active", "terminated" }, { "suspended", "terminated" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (needs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JzCaseFlow) flow = NULL;
      gint64 household = new_household (f, f->t->village, "urban", "19830705", 30000, NULL);
      gint64 id = new_case (f, household, 0, "dibao_urban", "2026-03-02", FALSE);

      drive (f, id, needs[i].from);

      g_assert_false (jz_case_advance (f->t->db, f->admin, id, needs[i].to, NULL, "2026-06-30", &error));
      g_assert_error (error, JZ_WORKFLOW_ERROR, JZ_WORKFLOW_ERROR_REASON);
      g_clear_error (&error);
      g_assert_false (jz_case_advance (f->t->db, f->admin, id, needs[i].to, " \t\n ", "2026-06-30", &error));
      g_assert_error (error, JZ_WORKFLOW_ERROR, JZ_WORKFLOW_ERROR_REASON);
      g_clear_error (&error);
      flow = get_flow (f, id);
      g_assert_cmpstr (flow->status, ==, needs[i].from);
      g_clear_pointer (&flow, jz_case_flow_free);

      g_assert_true (jz_case_advance (f->t->db, f->admin, id, needs[i].to, "  家庭收入超过标准 ", "2026-06-30", &error));
      g_assert_no_error (error);
      flow = get_flow (f, id);
      g_assert_cmpstr (flow->status, ==, needs[i].to);
      g_assert_cmpstr (flow->reason, ==, "家庭收入超过标准");
    }
}

static void
test_dates_and_versions (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzCaseFlow) flow = NULL;
  gint64 household = new_household (f, f->t->village, "urban", "19830705", 30000, NULL);
  gint64 id = new_case (f, household, 0, "dibao_urban", "2026-03-02", FALSE);

  /* Not in the future, not before the last step, a real date. */
  g_assert_false (jz_case_advance (f->t->db, NULL, id, "submitted", NULL, "2027-01-01", &error));
  g_assert_error (error, JZ_WORKFLOW_ERROR, JZ_WORKFLOW_ERROR_DATE);
  g_clear_error (&error);
  g_assert_false (jz_case_advance (f->t->db, NULL, id, "submitted", NULL, "2026-03-01", &error));
  g_assert_error (error, JZ_WORKFLOW_ERROR, JZ_WORKFLOW_ERROR_DATE);
  g_clear_error (&error);
  g_assert_false (jz_case_advance (f->t->db, NULL, id, "submitted", NULL, "2026-02-30", &error));
  g_assert_error (error, JZ_WORKFLOW_ERROR, JZ_WORKFLOW_ERROR_DATE);
  g_clear_error (&error);

  /* NULL: today. */
  g_setenv ("JIUZHU_TODAY", "2026-03-04", TRUE);
  g_assert_true (jz_case_advance (f->t->db, NULL, id, "submitted", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (jz_case_advance (f->t->db, NULL, id, "accepted", NULL, "2026-03-05", &error));
  g_assert_error (error, JZ_WORKFLOW_ERROR, JZ_WORKFLOW_ERROR_DATE);
  g_clear_error (&error);
  g_setenv ("JIUZHU_TODAY", TODAY, TRUE);
  g_assert_false (jz_case_advance (f->t->db, NULL, id, "accepted", NULL, "2026-03-03", &error));
  g_assert_error (error, JZ_WORKFLOW_ERROR, JZ_WORKFLOW_ERROR_DATE);
  g_clear_error (&error);

  flow = get_flow (f, id);
  g_assert_cmpstr (flow->status, ==, "submitted");

  /* The version the clerk saw. */
  g_assert_false (jz_case_advance_at_version (f->t->db, NULL, id, flow->version - 1, "accepted", NULL,
                                              "2026-03-04", &error));
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (jz_case_advance_at_version (f->t->db, NULL, id, flow->version, "accepted", NULL,
                                             "2026-03-04", &error));
  g_assert_no_error (error);
  g_assert_false (jz_case_advance_at_version (f->t->db, NULL, id, flow->version, "investigating", NULL,
                                              "2026-03-04", &error));
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_CONFLICT);
}

/* --- roles -------------------------------------------------------------- */

static void
assert_denied (Fixture      *f,
               const JzUser *user,
               gint64        case_id,
               const char   *to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzCaseFlow) before = get_flow (f, case_id);
  g_autoptr(JzCaseFlow) after = NULL;

  g_assert_false (jz_case_advance (f->t->db, user, case_id, to, "理由", "2026-06-30", &error));
  g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_DENIED);
  /* No personal data in the sentence. */
  g_assert_null (strstr (error->message, "张"));
  g_assert_null (strstr (error->message, "370302"));
  after = get_flow (f, case_id);
  g_assert_cmpint (after->version, ==, before->version);
  g_assert_cmpstr (after->status, ==, before->status);
}

static void
test_roles (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzCaseFlow) flow = NULL;
  gint64 household = new_household (f, f->t->village, "urban", "19830705", 30000, NULL);
  gint64 household_b = new_household (f, f->village_b, "urban", "19830705", 30000, NULL);
  gint64 id, other;
  g_auto(GStrv) next = NULL;

  /* Applications: the township's clerk only, besides the administrator. */
  g_assert_cmpint (jz_case_create_application (f->t->db, f->leader, household, 0, "dibao_urban", "2026-03-02", NULL, &error), ==, 0);
  g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (jz_case_create_application (f->t->db, f->clerk_b, household, 0, "dibao_urban", "2026-03-02", NULL, &error), ==, 0);
  g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (jz_case_create_application (f->t->db, f->reviewer, household, 0, "dibao_urban", "2026-03-02", NULL, &error), ==, 0);
  g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_DENIED);
  g_clear_error (&error);
  id = jz_case_create_application (f->t->db, f->clerk_a, household, 0, "dibao_urban", "2026-03-02", NULL, &error);
  g_assert_no_error (error);
  other = jz_case_create_application (f->t->db, f->admin, household_b, 0, "dibao_urban", "2026-03-02", NULL, &error);
  g_assert_no_error (error);

  /* The leader takes no step; the other township's clerk none here. */
  assert_denied (f, f->leader, id, "submitted");
  assert_denied (f, f->clerk_b, id, "submitted");
  assert_denied (f, f->clerk_a, other, "submitted");
  assert_denied (f, f->reviewer, id, "submitted");
  {
    g_autoptr(GError) own = NULL;

    g_assert_false (jz_case_advance (f->t->db, f->clerk_b, id, "submitted", NULL, "2026-03-02", &own));
    g_assert_nonnull (strstr (own->message, "own township"));
  }

  flow = get_flow (f, id);
  next = jz_workflow_next_statuses (f->clerk_a, flow);
  g_assert_cmpstrv (next, ((const char * const[]) { "submitted", "rejected", "withdrawn", NULL }));
  g_clear_pointer (&next, g_strfreev);
  next = jz_workflow_next_statuses (f->leader, flow);
  g_assert_cmpuint (g_strv_length (next), ==, 0);
  g_clear_pointer (&next, g_strfreev);
  g_clear_pointer (&flow, jz_case_flow_free);

  /* The township's steps by its clerk. */
  advance_ok (f, f->clerk_a, id, "submitted", "2026-03-02");
  advance_ok (f, f->clerk_a, id, "accepted", "2026-03-03");
  advance_ok (f, f->clerk_a, id, "investigating", "2026-03-04");
  advance_ok (f, f->clerk_a, id, "village_notice", "2026-03-05");
  assert_denied (f, f->reviewer, id, "township_reviewed");
  advance_ok (f, f->clerk_a, id, "township_reviewed", "2026-03-12");

  /* The county decides: the clerk may neither approve nor reject now. */
  assert_denied (f, f->clerk_a, id, "approved");
  assert_denied (f, f->clerk_a, id, "rejected");
  assert_denied (f, f->leader, id, "approved");
  flow = get_flow (f, id);
  next = jz_workflow_next_statuses (f->reviewer, flow);
  g_assert_cmpstrv (next, ((const char * const[]) { "approved", "rejected", "withdrawn", NULL }));
  g_clear_pointer (&next, g_strfreev);
  next = jz_workflow_next_statuses (f->clerk_a, flow);
  g_assert_cmpstrv (next, ((const char * const[]) { "withdrawn", NULL }));
  g_clear_pointer (&next, g_strfreev);
  g_clear_pointer (&flow, jz_case_flow_free);

  advance_ok (f, f->reviewer, id, "approved", "2026-03-16");
  assert_denied (f, f->clerk_a, id, "active");
  advance_ok (f, f->reviewer, id, "active", "2026-04-01");
  assert_denied (f, f->clerk_a, id, "suspended");
  assert_denied (f, f->leader, id, "terminated");
  advance_ok (f, f->reviewer, id, "suspended", "2026-05-06");
  advance_ok (f, f->admin, id, "active", "2026-05-07");

  /* A switched-off account takes no step. */
  f->reviewer->active = FALSE;
  assert_denied (f, f->reviewer, id, "terminated");
  f->reviewer->active = TRUE;
  advance_ok (f, f->reviewer, id, "terminated", "2026-06-01");

  /* Before the township review, rejection is the township's. */
  id = new_case (f, new_household (f, f->t->village, "urban", "19830705", 30000, NULL), 0,
                 "dibao_urban", "2026-03-02", FALSE);
  drive (f, id, "investigating");
  assert_denied (f, f->reviewer, id, "rejected");
  advance_ok (f, f->clerk_a, id, "rejected", "2026-03-05");

  /* Temporary assistance accepted: the township investigates or the county decides. */
  id = new_case (f, new_household (f, f->t->village, "urban", "19830705", 30000, NULL), 0,
                 "temporary", "2026-03-02", FALSE);
  drive (f, id, "accepted");
  flow = get_flow (f, id);
  next = jz_workflow_next_statuses (f->reviewer, flow);
  g_assert_cmpstrv (next, ((const char * const[]) { "approved", "rejected", "withdrawn", NULL }));
  g_clear_pointer (&next, g_strfreev);
  next = jz_workflow_next_statuses (f->clerk_a, flow);
  g_assert_cmpstrv (next, ((const char * const[]) { "investigating", "rejected", "withdrawn", NULL }));
  g_clear_pointer (&next, g_strfreev);
  next = jz_workflow_next_statuses (NULL, flow);
  g_assert_cmpstrv (next, ((const char * const[]) { "investigating", "approved", "rejected", "withdrawn", NULL }));
  assert_denied (f, f->clerk_a, id, "approved");
  advance_ok (f, f->reviewer, id, "approved", "2026-03-04");
}

/* --- applications ----------------------------------------------------------- */

static void
test_create_application (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzCaseFlow) flow = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  JzCaseApplication app = { 0 };
  gint64 head, child, id;
  gint64 household = new_household (f, f->t->village, "urban", "19830705", 30000, &head);
  gint64 other = new_household (f, f->t->village, "urban", "19900101", 0, NULL);
  JzAuditEntry *entry;

  child = add_member (f, household, "20120101", "child");

  /* A person program needs the person, who must be a member. */
  g_assert_cmpint (jz_case_create_application (f->t->db, NULL, household, 0, "disability_care", "2026-03-02", NULL, &error), ==, 0);
  g_assert_error (error, JZ_WORKFLOW_ERROR, JZ_WORKFLOW_ERROR_APPLICATION);
  g_clear_error (&error);
  g_assert_cmpint (jz_case_create_application (f->t->db, NULL, other, child, "disability_care", "2026-03-02", NULL, &error), ==, 0);
  g_assert_error (error, JZ_WORKFLOW_ERROR, JZ_WORKFLOW_ERROR_APPLICATION);
  g_clear_error (&error);
  g_assert_cmpint (jz_case_create_application (f->t->db, NULL, household, 0, "pension", "2026-03-02", NULL, &error), ==, 0);
  g_assert_error (error, JZ_WORKFLOW_ERROR, JZ_WORKFLOW_ERROR_APPLICATION);
  g_clear_error (&error);
  g_assert_cmpint (jz_case_create_application (f->t->db, NULL, household, 0, "dibao_urban", "2027-01-01", NULL, &error), ==, 0);
  g_assert_error (error, JZ_WORKFLOW_ERROR, JZ_WORKFLOW_ERROR_DATE);
  g_clear_error (&error);
  g_assert_cmpint (jz_case_create_application (f->t->db, NULL, 999999, 0, "dibao_urban", "2026-03-02", NULL, &error), ==, 0);
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Emergency: temporary assistance only. */
  app.emergency = TRUE;
  g_assert_cmpint (jz_case_create_application (f->t->db, NULL, household, 0, "dibao_urban", "2026-03-02", &app, &error), ==, 0);
  g_assert_error (error, JZ_WORKFLOW_ERROR, JZ_WORKFLOW_ERROR_APPLICATION);
  g_clear_error (&error);

  app.emergency = FALSE;
  app.unstable_income = TRUE;
  app.note = " 本人申请 ";
  id = jz_case_create_application (f->t->db, f->clerk_a, household, 0, "dibao_urban", "2026-03-02", &app, &error);
  g_assert_no_error (error);
  flow = get_flow (f, id);
  g_assert_cmpstr (flow->status, ==, "draft");
  g_assert_cmpstr (flow->applied_on, ==, "2026-03-02");
  g_assert_cmpint (flow->persons, ==, 2);
  g_assert_cmpint (flow->township_id, ==, f->t->township);
  g_assert_cmpstr (flow->head_name, ==, "张桂兰");
  g_assert_true (flow->unstable_income);
  g_assert_false (flow->emergency);
  g_assert_null (flow->step_due_on);

  /* One open case of a program per household. */
  g_assert_cmpint (jz_case_create_application (f->t->db, NULL, household, 0, "dibao_urban", "2026-03-02", NULL, &error), ==, 0);
  g_assert_error (error, JZ_WORKFLOW_ERROR, JZ_WORKFLOW_ERROR_DUPLICATE);
  g_clear_error (&error);
  /* A person's own program beside it is fine. */
  jz_case_create_application (f->t->db, NULL, household, child, "child_living", "2026-03-02", NULL, &error);
  g_assert_no_error (error);
  advance_ok (f, NULL, id, "withdrawn", "2026-03-03");
  jz_case_create_application (f->t->db, NULL, household, 0, "dibao_urban", "2026-03-04", NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpint (query_int (f, "SELECT count(*) FROM case_history WHERE from_status IS NULL AND status = 'draft'"), ==, 3);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT note || '|' || user_name FROM case_history WHERE case_id = %" G_GINT64_FORMAT " ORDER BY id LIMIT 1", id);
    g_autofree char *row = query_text (f, sql);

    g_assert_cmpstr (row, ==, "本人申请|clerk-a");
  }
  entries = jz_audit_list (f->t->db, "cases", id, &error);
  g_assert_no_error (error);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->action, ==, "insert");
}

/* --- deadlines ---------------------------------------------------------- */

static void
test_deadlines_dibao (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzCaseFlow) flow = NULL;
  gint64 household = new_household (f, f->t->village, "urban", "19830705", 30000, NULL);
  gint64 id = new_case (f, household, 0, "dibao_urban", "2026-09-25", FALSE);

  advance_ok (f, NULL, id, "submitted", "2026-09-25");
  /* Accepted on Monday 28 September, before the National Day week. */
  advance_ok (f, NULL, id, "accepted", "2026-09-28");
  flow = get_flow (f, id);
  g_assert_cmpstr (flow->accepted_on, ==, "2026-09-28");
  g_assert_cmpstr (flow->step_due_on, ==, "2026-10-08");
  g_assert_cmpstr (flow->process_due_on, ==, "2026-11-13");
  g_assert_cmpstr (flow->process_limit_on, ==, "2026-12-04");
  g_assert_false (jz_workflow_overdue (flow, "2026-10-08"));
  g_assert_true (jz_workflow_overdue (flow, "2026-10-09"));
  g_clear_pointer (&flow, jz_case_flow_free);

  advance_ok (f, NULL, id, "investigating", "2026-10-09");
  flow = get_flow (f, id);
  g_assert_cmpstr (flow->investigated_on, ==, "2026-10-09");
  g_assert_cmpstr (flow->step_due_on, ==, "2026-11-13");
  g_assert_false (jz_workflow_overdue (flow, "2026-11-13"));
  g_assert_true (jz_workflow_overdue (flow, "2026-11-14"));
  g_clear_pointer (&flow, jz_case_flow_free);

  /* Seven calendar days of notice, both ends included. */
  advance_ok (f, NULL, id, "village_notice", "2026-10-09");
  flow = get_flow (f, id);
  g_assert_cmpstr (flow->notice_from, ==, "2026-10-09");
  g_assert_cmpstr (flow->notice_to, ==, "2026-10-15");
  g_clear_pointer (&flow, jz_case_flow_free);
  g_assert_false (jz_case_advance (f->t->db, NULL, id, "township_reviewed", NULL, "2026-10-15", &error));
  g_assert_error (error, JZ_WORKFLOW_ERROR, JZ_WORKFLOW_ERROR_NOTICE);
  g_assert_nonnull (strstr (error->message, "2026-10-15"));
  g_clear_error (&error);

  advance_ok (f, NULL, id, "township_reviewed", "2026-10-16");
  flow = get_flow (f, id);
  g_assert_cmpstr (flow->reviewed_on, ==, "2026-10-16");
  g_assert_cmpstr (flow->step_due_on, ==, "2026-10-30");
  g_clear_pointer (&flow, jz_case_flow_free);

  /* Approved in October: paid from November, to be activated by then. */
  advance_ok (f, NULL, id, "approved", "2026-10-20");
  flow = get_flow (f, id);
  g_assert_cmpstr (flow->decided_on, ==, "2026-10-20");
  g_assert_cmpstr (flow->starts_on, ==, "2026-11-01");
  g_assert_cmpstr (flow->step_due_on, ==, "2026-11-01");
  g_assert_true (jz_workflow_overdue (flow, "2026-11-02"));
  g_clear_pointer (&flow, jz_case_flow_free);

  advance_ok (f, NULL, id, "active", "2026-11-02");
  flow = get_flow (f, id);
  g_assert_null (flow->step_due_on);
  g_assert_cmpstr (flow->next_review_on, ==, "2027-11-02");
  g_assert_false (jz_workflow_overdue (flow, "2027-11-02"));
  g_assert_true (jz_workflow_overdue (flow, "2027-11-03"));
  g_clear_pointer (&flow, jz_case_flow_free);

  /* A pause and a new start keep the review date; the end clears it. */
  advance_ok (f, NULL, id, "suspended", "2026-11-20");
  advance_ok (f, NULL, id, "active", "2026-12-01");
  flow = get_flow (f, id);
  g_assert_cmpstr (flow->next_review_on, ==, "2027-11-02");
  g_assert_null (flow->reason);
  g_clear_pointer (&flow, jz_case_flow_free);
  advance_ok (f, NULL, id, "terminated", "2026-12-02");
  flow = get_flow (f, id);
  g_assert_null (flow->next_review_on);
  g_assert_cmpstr (flow->ended_on, ==, "2026-12-02");
  g_assert_cmpstr (flow->end_reason, ==, "按规定办理");
  g_assert_cmpint (flow->monthly_amount, ==, 0);
  g_assert_false (jz_workflow_overdue (flow, "2030-01-01"));
}

static void
test_deadlines_tekun (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(JzCaseFlow) flow = NULL;
  gint64 head;
  gint64 household = new_household (f, f->t->village, "urban", "19500101", 0, &head);
  gint64 id = new_case (f, household, head, "tekun_dispersed", "2026-09-25", FALSE);

  advance_ok (f, NULL, id, "submitted", "2026-09-25");
  advance_ok (f, NULL, id, "accepted", "2026-09-28");
  flow = get_flow (f, id);
  g_assert_cmpstr (flow->step_due_on, ==, "2026-10-08");
  g_clear_pointer (&flow, jz_case_flow_free);

  /* Tekun: 15 working days to investigate (Saturday 10 October works). */
  advance_ok (f, NULL, id, "investigating", "2026-10-09");
  flow = get_flow (f, id);
  g_assert_cmpstr (flow->step_due_on, ==, "2026-10-29");
  g_clear_pointer (&flow, jz_case_flow_free);

  advance_ok (f, NULL, id, "village_notice", "2026-10-09");
  /* ... and 15 for the county's decision. */
  advance_ok (f, NULL, id, "township_reviewed", "2026-10-16");
  flow = get_flow (f, id);
  g_assert_cmpstr (flow->step_due_on, ==, "2026-11-06");
  g_clear_pointer (&flow, jz_case_flow_free);

  /* Basic 1.5 × 800 yuan + self-care 10 % of the 2000 yuan minimum wage. */
  advance_ok (f, NULL, id, "approved", "2026-10-20");
  advance_ok (f, NULL, id, "active", "2026-11-02");
  flow = get_flow (f, id);
  g_assert_cmpint (flow->monthly_amount, ==, 140000);
  g_assert_cmpint (flow->persons, ==, 1);
  g_assert_cmpstr (flow->next_review_on, ==, "2027-11-02");
}

/* A district (@township 0) or township value of a number of the rules. */
static void
set_rule (Fixture        *f,
          JzStandardKind  kind,
          gint64          township,
          gint64          value,
          const char     *from)
{
  g_autoptr(JzStandard) standard = jz_standard_new ();
  g_autoptr(GError) error = NULL;

  standard->kind = kind;
  standard->township_id = township;
  standard->value = value;
  standard->effective_from = g_strdup (from);
  g_assert_true (jz_standard_set (f->t->db, NULL, standard, &error));
  g_assert_no_error (error);
}

/* The numbers are dated standards: a value from a date on counts for the
 * steps taken on or after that date and not before, a township's own
 * value for its cases only, and a later change leaves the dates already
 * set as they are. */
static void
test_deadlines_from_standards (Fixture       *f,
                               gconstpointer  data)
{
  gint64 early = new_case (f, new_household (f, f->t->village, "urban", "19830705", 30000, NULL), 0,
                           "dibao_urban", "2026-03-02", FALSE);
  gint64 late = new_case (f, new_household (f, f->t->village, "urban", "19830705", 30000, NULL), 0,
                          "dibao_urban", "2026-03-02", FALSE);
  gint64 other = new_case (f, new_household (f, f->village_b, "urban", "19830705", 30000, NULL), 0,
                           "dibao_urban", "2026-03-02", FALSE);
  g_autoptr(JzCaseFlow) flow = NULL;

  set_rule (f, JZ_STANDARD_DEADLINE_INVESTIGATION_START_WORKDAYS, 0, 5, "2026-03-10");
  set_rule (f, JZ_STANDARD_NOTICE_DAYS, 0, 10, "2026-03-11");
  set_rule (f, JZ_STANDARD_DEADLINE_DECISION_WORKDAYS, f->township_b, 5, "2026-01-01");
  set_rule (f, JZ_STANDARD_REVIEW_DIBAO_MONTHS, 0, 24, "2026-05-01");

  advance_ok (f, NULL, early, "submitted", "2026-03-02");
  advance_ok (f, NULL, late, "submitted", "2026-03-02");
  advance_ok (f, NULL, other, "submitted", "2026-03-02");

  /* Accepted on Monday the 9th, the day before the new value: 3 working
   * days; on Tuesday the 10th: 5. */
  advance_ok (f, NULL, early, "accepted", "2026-03-09");
  advance_ok (f, NULL, late, "accepted", "2026-03-10");
  advance_ok (f, NULL, other, "accepted", "2026-03-09");
  flow = get_flow (f, early);
  g_assert_cmpstr (flow->step_due_on, ==, "2026-03-12");
  g_assert_cmpstr (flow->process_due_on, ==, "2026-04-21");
  g_clear_pointer (&flow, jz_case_flow_free);
  flow = get_flow (f, late);
  g_assert_cmpstr (flow->step_due_on, ==, "2026-03-17");
  g_assert_cmpstr (flow->process_due_on, ==, "2026-04-22");
  g_clear_pointer (&flow, jz_case_flow_free);

  /* The notice: 7 days on the 10th, 10 days from the 11th on. */
  advance_ok (f, NULL, early, "investigating", "2026-03-10");
  advance_ok (f, NULL, early, "village_notice", "2026-03-10");
  advance_ok (f, NULL, late, "investigating", "2026-03-11");
  advance_ok (f, NULL, late, "village_notice", "2026-03-11");
  advance_ok (f, NULL, other, "investigating", "2026-03-10");
  advance_ok (f, NULL, other, "village_notice", "2026-03-10");
  flow = get_flow (f, early);
  g_assert_cmpstr (flow->notice_to, ==, "2026-03-16");
  g_clear_pointer (&flow, jz_case_flow_free);
  flow = get_flow (f, late);
  g_assert_cmpstr (flow->notice_to, ==, "2026-03-20");
  g_clear_pointer (&flow, jz_case_flow_free);

  /* The county decides in 10 working days, in township B in 5. */
  advance_ok (f, NULL, early, "township_reviewed", "2026-03-17");
  advance_ok (f, NULL, other, "township_reviewed", "2026-03-17");
  flow = get_flow (f, early);
  g_assert_cmpstr (flow->step_due_on, ==, "2026-03-31");
  g_clear_pointer (&flow, jz_case_flow_free);
  flow = get_flow (f, other);
  g_assert_cmpstr (flow->step_due_on, ==, "2026-03-24");
  g_clear_pointer (&flow, jz_case_flow_free);

  /* Reviewed every 12 months when activated in April, 24 from May on. */
  advance_ok (f, NULL, early, "approved", "2026-03-18");
  advance_ok (f, NULL, early, "active", "2026-04-01");
  advance_ok (f, NULL, late, "township_reviewed", "2026-03-23");
  advance_ok (f, NULL, late, "approved", "2026-03-24");
  advance_ok (f, NULL, late, "active", "2026-05-04");
  flow = get_flow (f, early);
  g_assert_cmpstr (flow->next_review_on, ==, "2027-04-01");
  g_clear_pointer (&flow, jz_case_flow_free);
  flow = get_flow (f, late);
  g_assert_cmpstr (flow->next_review_on, ==, "2028-05-04");
  g_clear_pointer (&flow, jz_case_flow_free);

  /* A value set afterwards for those dates changes no date already set. */
  set_rule (f, JZ_STANDARD_DEADLINE_DECISION_WORKDAYS, f->township_b, 1, "2026-03-01");
  flow = get_flow (f, other);
  g_assert_cmpstr (flow->step_due_on, ==, "2026-03-24");
}

/* A number with no value in force refuses the step, naming the standard,
 * and writes nothing. */
static void
test_deadline_standard_missing (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzCaseFlow) flow = NULL;
  gint64 id = new_case (f, new_household (f, f->t->village, "urban", "19830705", 30000, NULL), 0,
                        "dibao_urban", "2026-03-02", FALSE);
  gint64 steps;

  advance_ok (f, NULL, id, "submitted", "2026-03-02");
  advance_ok (f, NULL, id, "accepted", "2026-03-03");
  advance_ok (f, NULL, id, "investigating", "2026-03-04");
  exec_sql (f, "DELETE FROM standards WHERE kind = 'notice_days'");
  steps = query_int (f, "SELECT count(*) FROM case_history");

  g_assert_false (jz_case_advance (f->t->db, NULL, id, "village_notice", NULL, "2026-03-05", &error));
  g_assert_error (error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_MISSING);
  g_assert_nonnull (strstr (error->message, "notice_days"));
  g_assert_nonnull (strstr (error->message, "2026-03-05"));
  flow = get_flow (f, id);
  g_assert_cmpstr (flow->status, ==, "investigating");
  g_assert_null (flow->notice_from);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM case_history"), ==, steps);
}

static void
test_next_review_dates (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  JzCaseApplication app = { .unstable_income = TRUE };
  gint64 head;
  gint64 h1 = new_household (f, f->t->village, "urban", "19830705", 30000, NULL);
  gint64 h2 = new_household (f, f->t->village, "rural", "19830705", 30000, &head);
  gint64 unstable, subsidy;
  g_autoptr(JzCaseFlow) a = NULL;
  g_autoptr(JzCaseFlow) b = NULL;

  unstable = jz_case_create_application (f->t->db, NULL, h1, 0, "dibao_urban", "2026-03-02", &app, &error);
  g_assert_no_error (error);
  subsidy = new_case (f, h2, head, "disability_living", "2026-03-02", FALSE);
  drive (f, unstable, "active");
  drive (f, subsidy, "active");

  /* Half-yearly with unstable income; the subsidies have no periodic review. */
  a = get_flow (f, unstable);
  g_assert_cmpstr (a->next_review_on, ==, "2026-10-01");
  b = get_flow (f, subsidy);
  g_assert_null (b->next_review_on);
  g_assert_cmpint (b->monthly_amount, ==, 8000);
}

static void
test_overdue_pure (void)
{
  JzCaseFlow flow = { 0 };

  flow.program = (char *) "dibao_urban";
  flow.status = (char *) "draft";
  g_assert_false (jz_workflow_overdue (&flow, "2030-01-01"));

  flow.status = (char *) "accepted";
  flow.step_due_on = (char *) "2026-03-06";
  flow.process_due_on = (char *) "2026-04-15";
  g_assert_false (jz_workflow_overdue (&flow, "2026-03-06"));
  g_assert_true (jz_workflow_overdue (&flow, "2026-03-07"));

  /* The whole process counts too, whatever the step's own date. */
  flow.status = (char *) "township_reviewed";
  flow.step_due_on = (char *) "2026-05-01";
  g_assert_true (jz_workflow_overdue (&flow, "2026-04-16"));

  flow.status = (char *) "rejected";
  g_assert_false (jz_workflow_overdue (&flow, "2030-01-01"));

  flow.status = (char *) "active";
  flow.step_due_on = NULL;
  flow.next_review_on = (char *) "2027-04-01";
  g_assert_false (jz_workflow_overdue (&flow, "2027-04-01"));
  g_assert_true (jz_workflow_overdue (&flow, "2027-04-02"));
}

/* --- history, audit, household summary ---------------------------------------- */

static void
test_history_and_audit (Fixture       *f,
                        gconstpointer  data)
{
  static const char * const chain[] = {
    "|draft", "draft|submitted", "submitted|accepted", "accepted|investigating",
    "investigating|village_notice", "village_notice|township_reviewed", "township_reviewed|approved",
    "approved|active", "active|suspended",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(JzBenefitResult) result = NULL;
  g_autofree char *json = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(JzCaseFlow) flow = NULL;
  gint64 household = new_household (f, f->t->village, "urban", "19830705", 30000, NULL);
  gint64 id;
  guint row = 0;

  add_member (f, household, "20120101", "child");
  id = new_case (f, household, 0, "dibao_urban", "2026-03-02", FALSE);

  for (guint i = 0; i < 5; i++)
    advance_ok (f, f->clerk_a, id, route[i].status, route[i].date);
  advance_ok (f, f->reviewer, id, "approved", "2026-03-16");

  /* (800 − 300 ÷ 2) × 2 + a minor's 10 % of 800: 1380 yuan. */
  flow = get_flow (f, id);
  g_assert_cmpint (flow->monthly_amount, ==, 138000);
  g_assert_cmpint (flow->persons, ==, 2);
  result = jz_benefit_compute_case (f->t->db, id, "2026-04-01", &error);
  g_assert_no_error (error);
  g_assert_cmpint (result->total, ==, flow->monthly_amount);
  json = jz_benefit_result_to_saved_json (result);

  /* Not counted before payment starts. */
  sql = g_strdup_printf ("SELECT case_status || '|' || monthly_amount FROM household_summary WHERE household_id = %" G_GINT64_FORMAT, household);
  {
    g_autofree char *summary = query_text (f, sql);
    g_assert_cmpstr (summary, ==, "pending|0");
  }
  advance_ok (f, f->reviewer, id, "active", "2026-04-01");
  {
    g_autofree char *summary = query_text (f, sql);
    g_assert_cmpstr (summary, ==, "active|138000");
  }
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM household_facets WHERE facet < 0"), ==, 1);
  advance_ok (f, f->reviewer, id, "suspended", "2026-05-06");
  {
    g_autofree char *summary = query_text (f, sql);
    g_assert_cmpstr (summary, ==, "suspended|0");
  }

  stmt = jz_db_prepare (f->t->db,
                        "SELECT coalesce (from_status, '') || '|' || status, on_date, at, user_name, note, "
                        "monthly_amount, breakdown FROM case_history WHERE case_id = ? ORDER BY id",
                        &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *pair = (const char *) sqlite3_column_text (stmt, 0);
      const char *at = (const char *) sqlite3_column_text (stmt, 2);
      const char *user = (const char *) sqlite3_column_text (stmt, 3);
      const char *breakdown = (const char *) sqlite3_column_text (stmt, 6);
      g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (at, NULL);

      g_assert_cmpuint (row, <, G_N_ELEMENTS (chain));
      g_assert_cmpstr (pair, ==, chain[row]);
      g_assert_nonnull (parsed);
      if (row == 0)
        g_assert_cmpstr (user, ==, jz_db_get_user_name (f->t->db));
      else if (row <= 5)
        g_assert_cmpstr (user, ==, "clerk-a");
      else
        g_assert_cmpstr (user, ==, "reviewer");

      if (row == 6)
        {
          g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "2026-03-16");
          g_assert_cmpint (sqlite3_column_int64 (stmt, 5), ==, 138000);
          g_assert_cmpstr (breakdown, ==, json);
        }
      else
        g_assert_null (breakdown);
      if (row == 8)
        g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 4), ==, "按规定办理");
      row++;
    }
  g_assert_cmpuint (row, ==, G_N_ELEMENTS (chain));

  /* The same through the read API the window uses. */
  {
    g_autoptr(GPtrArray) steps = jz_case_list_history (f->t->db, id, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (steps->len, ==, G_N_ELEMENTS (chain));
    for (guint i = 0; i < steps->len; i++)
      {
        JzCaseStep *step = g_ptr_array_index (steps, i);
        g_autofree char *pair = g_strdup_printf ("%s|%s", step->from_status != NULL ? step->from_status : "",
                                                 step->status);
        g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (step->at, NULL);

        g_assert_cmpstr (pair, ==, chain[i]);
        g_assert_nonnull (parsed);
        if (i == 6)
          g_assert_cmpstr (step->breakdown, ==, json);
        else
          g_assert_null (step->breakdown);
      }
  }

  /* One audit entry a step, in the same transactions. */
  entries = jz_audit_list (f->t->db, "cases", id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, G_N_ELEMENTS (chain));
  for (guint i = 1; i < entries->len; i++)
    {
      JzAuditEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *status = g_strdup_printf ("\"status\":\"%s\"", strchr (chain[i], '|') + 1);

      g_assert_cmpstr (entry->action, ==, "update");
      g_assert_nonnull (strstr (entry->new_values, status));
    }
  {
    JzAuditEntry *approval = g_ptr_array_index (entries, 6);

    g_assert_nonnull (strstr (approval->new_values, "\"monthly_amount\":138000"));
    g_assert_nonnull (strstr (approval->new_values, "\"starts_on\":\"2026-04-01\""));
    g_assert_nonnull (strstr (approval->old_values, "\"monthly_amount\":0"));
  }
}

/* A refused step writes nothing: no history, no audit entry, same row. */
static void
test_refusal_writes_nothing (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 household = new_household (f, f->t->village, "urban", "19830705", 30000, NULL);
  gint64 id = new_case (f, household, 0, "dibao_urban", "2026-03-02", FALSE);
  gint64 audit, history;

  drive (f, id, "township_reviewed");
  /* No dibao standard for this date: the engine refuses, and so the step. */
  exec_sql (f, "UPDATE standards SET effective_from = '2026-05-01' WHERE kind = 'dibao'");
  audit = query_int (f, "SELECT count(*) FROM audit_log");
  history = query_int (f, "SELECT count(*) FROM case_history");
  g_assert_false (jz_case_advance (f->t->db, NULL, id, "approved", NULL, "2026-03-16", &error));
  g_assert_error (error, JZ_BENEFIT_ERROR, JZ_BENEFIT_ERROR_STANDARD);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM audit_log"), ==, audit);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM case_history"), ==, history);
  g_clear_error (&error);

  /* Approved in April: paid from May under the May standard. */
  advance_ok (f, NULL, id, "approved", "2026-04-20");

  /* An income at the standard: nothing to pay, nothing approved. */
  id = new_case (f, new_household (f, f->t->village, "urban", "19830705", 80000, NULL), 0,
                 "dibao_urban", "2026-03-02", FALSE);
  drive (f, id, "township_reviewed");
  g_assert_false (jz_case_advance (f->t->db, NULL, id, "approved", NULL, "2026-05-04", &error));
  g_assert_error (error, JZ_WORKFLOW_ERROR, JZ_WORKFLOW_ERROR_NOTHING_TO_PAY);
}

/* --- emergencies -------------------------------------------------------- */

static void
test_emergency (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzCaseFlow) flow = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  gint64 household = new_household (f, f->t->village, "rural", "19830705", 30000, NULL);
  gint64 id = new_case (f, household, 0, "temporary", "2026-03-02", TRUE);
  gint64 ordinary = new_case (f, new_household (f, f->t->village, "urban", "19830705", 0, NULL), 0,
                              "temporary", "2026-03-02", FALSE);
  JzTask *task;

  advance_ok (f, f->clerk_a, id, "submitted", "2026-03-02");
  assert_denied (f, f->clerk_a, id, "approved");
  advance_ok (f, f->reviewer, id, "approved", "2026-03-02");

  /* 6 × the URBAN standard of 800 yuan, paid at once and finished. */
  flow = get_flow (f, id);
  g_assert_cmpint (flow->monthly_amount, ==, 480000);
  g_assert_cmpstr (flow->starts_on, ==, "2026-03-02");
  g_assert_null (flow->step_due_on);
  g_assert_true (flow->emergency);
  g_assert_null (flow->emergency_reviewed_on);
  g_clear_pointer (&flow, jz_case_flow_free);

  /* Flagged for the county until reviewed. */
  tasks = jz_workflow_list_steps (f->t->db, f->reviewer, "2026-03-03", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tasks->len, ==, 1);
  task = g_ptr_array_index (tasks, 0);
  g_assert_cmpint (task->kind, ==, JZ_TASK_EMERGENCY_REVIEW);
  g_assert_cmpint (task->case_id, ==, id);
  g_clear_pointer (&tasks, g_ptr_array_unref);
  tasks = jz_workflow_list_steps (f->t->db, f->clerk_a, "2026-03-03", &error);
  g_assert_cmpuint (tasks->len, ==, 1);  /* the other temporary case, a draft */
  task = g_ptr_array_index (tasks, 0);
  g_assert_cmpint (task->case_id, ==, ordinary);
  g_clear_pointer (&tasks, g_ptr_array_unref);

  g_assert_false (jz_case_review_emergency (f->t->db, f->clerk_a, id, "2026-03-05", "补齐材料", &error));
  g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (jz_case_review_emergency (f->t->db, f->reviewer, ordinary, "2026-03-05", "补齐材料", &error));
  g_assert_error (error, JZ_WORKFLOW_ERROR, JZ_WORKFLOW_ERROR_TRANSITION);
  g_clear_error (&error);
  g_assert_true (jz_case_review_emergency (f->t->db, f->reviewer, id, "2026-03-05", "补齐材料", &error));
  g_assert_no_error (error);
  flow = get_flow (f, id);
  g_assert_cmpstr (flow->emergency_reviewed_on, ==, "2026-03-05");
  g_assert_cmpstr (flow->status, ==, "approved");
  g_assert_false (jz_case_review_emergency (f->t->db, f->reviewer, id, "2026-03-06", "again", &error));
  g_assert_error (error, JZ_WORKFLOW_ERROR, JZ_WORKFLOW_ERROR_TRANSITION);
  g_clear_error (&error);

  tasks = jz_workflow_list_steps (f->t->db, f->reviewer, "2026-03-06", &error);
  g_assert_cmpuint (tasks->len, ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM case_history WHERE from_status = 'approved' AND status = 'approved' AND note = '补齐材料'"), ==, 1);
}

/* --- dynamic management ------------------------------------------------------ */

static void
set_wage (Fixture *f,
          gint64   person,
          gint64   fen)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE incomes SET monthly_amount = %" G_GINT64_FORMAT
                                          " WHERE person_id = %" G_GINT64_FORMAT, fen, person);
  exec_sql (f, sql);
}

static void
test_review (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzCaseFlow) flow = NULL;
  gint64 head;
  gint64 household = new_household (f, f->t->village, "urban", "19830705", 30000, &head);
  gint64 id = new_case (f, household, 0, "dibao_urban", "2026-03-02", FALSE);
  g_autofree char *exit_sql = g_strdup_printf ("SELECT coalesce (exit_from, '') FROM cases WHERE id = %" G_GINT64_FORMAT, id);

  drive (f, id, "approved");
  g_assert_false (jz_case_review (f->t->db, NULL, id, "2026-03-20", NULL, &error));
  g_assert_error (error, JZ_WORKFLOW_ERROR, JZ_WORKFLOW_ERROR_TRANSITION);
  g_clear_error (&error);
  advance_ok (f, NULL, id, "active", "2026-04-01");
  flow = get_flow (f, id);
  g_assert_cmpint (flow->monthly_amount, ==, 50000);
  g_clear_pointer (&flow, jz_case_flow_free);

  /* Nothing changed: no reason needed; the next review a year on. */
  g_assert_false (jz_case_review (f->t->db, f->clerk_a, id, "2026-05-04", NULL, &error));
  g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (jz_case_review (f->t->db, f->reviewer, id, "2026-05-04", NULL, &error));
  g_assert_no_error (error);
  flow = get_flow (f, id);
  g_assert_cmpint (flow->monthly_amount, ==, 50000);
  g_assert_cmpstr (flow->next_review_on, ==, "2027-05-04");
  g_clear_pointer (&flow, jz_case_flow_free);

  /* Lowered: the reason is required. */
  set_wage (f, head, 50000);
  g_assert_false (jz_case_review (f->t->db, f->reviewer, id, "2026-06-01", "  ", &error));
  g_assert_error (error, JZ_WORKFLOW_ERROR, JZ_WORKFLOW_ERROR_REASON);
  g_clear_error (&error);
  g_assert_true (jz_case_review (f->t->db, f->reviewer, id, "2026-06-01", "工资上涨", &error));
  g_assert_no_error (error);
  flow = get_flow (f, id);
  g_assert_cmpint (flow->monthly_amount, ==, 30000);
  g_assert_cmpstr (flow->status, ==, "active");
  g_assert_cmpstr (flow->next_review_on, ==, "2027-06-01");
  g_clear_pointer (&flow, jz_case_flow_free);

  /* Raised. */
  set_wage (f, head, 20000);
  g_assert_true (jz_case_review (f->t->db, f->reviewer, id, "2026-06-15", "失业", &error));
  g_assert_no_error (error);
  flow = get_flow (f, id);
  g_assert_cmpint (flow->monthly_amount, ==, 60000);
  g_clear_pointer (&flow, jz_case_flow_free);

  /* Above the standard: three months of gradual exit at the amount before. */
  set_wage (f, head, 90000);
  g_assert_true (jz_case_review (f->t->db, f->reviewer, id, "2026-07-01", "收入超过标准，渐退", &error));
  g_assert_no_error (error);
  flow = get_flow (f, id);
  g_assert_cmpstr (flow->status, ==, "active");
  g_assert_cmpint (flow->monthly_amount, ==, 60000);
  g_clear_pointer (&flow, jz_case_flow_free);
  {
    g_autofree char *exit_from = query_text (f, exit_sql);
    g_assert_cmpstr (exit_from, ==, "2026-07-01");
  }
  g_assert_true (jz_case_review (f->t->db, f->reviewer, id, "2026-08-03", NULL, &error));
  g_assert_no_error (error);

  /* After the months of exit: stopped, with its reason. */
  g_assert_false (jz_case_review (f->t->db, f->reviewer, id, "2026-10-01", NULL, &error));
  g_assert_error (error, JZ_WORKFLOW_ERROR, JZ_WORKFLOW_ERROR_REASON);
  g_clear_error (&error);
  g_assert_true (jz_case_review (f->t->db, f->reviewer, id, "2026-10-01", "渐退期满", &error));
  g_assert_no_error (error);
  flow = get_flow (f, id);
  g_assert_cmpstr (flow->status, ==, "terminated");
  g_assert_cmpint (flow->monthly_amount, ==, 0);
  g_assert_cmpstr (flow->ended_on, ==, "2026-10-01");
  g_assert_cmpstr (flow->end_reason, ==, "渐退期满");
  g_assert_null (flow->next_review_on);

  {
    g_autofree char *sql = g_strdup_printf ("SELECT group_concat (monthly_amount || ':' || status, ',') FROM "
                                            "(SELECT monthly_amount, status FROM case_history WHERE case_id = %"
                                            G_GINT64_FORMAT " AND from_status = 'active' ORDER BY id)", id);
    g_autofree char *amounts = query_text (f, sql);

    g_assert_cmpstr (amounts, ==, "50000:active,30000:active,60000:active,60000:active,60000:active,0:terminated");
  }
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM case_history WHERE from_status = 'active' AND breakdown IS NULL"), ==, 0);
}

/* A household whose income falls again leaves the gradual exit. */
static void
test_review_exit_cancelled (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 head;
  gint64 household = new_household (f, f->t->village, "urban", "19830705", 30000, &head);
  gint64 id = new_case (f, household, 0, "dibao_urban", "2026-03-02", FALSE);
  g_autofree char *exit_sql = g_strdup_printf ("SELECT coalesce (exit_from, '') FROM cases WHERE id = %" G_GINT64_FORMAT, id);

  drive (f, id, "active");
  set_wage (f, head, 90000);
  g_assert_true (jz_case_review (f->t->db, NULL, id, "2026-05-04", "渐退", &error));
  set_wage (f, head, 40000);
  g_assert_true (jz_case_review (f->t->db, NULL, id, "2026-06-01", "收入下降", &error));
  g_assert_no_error (error);
  {
    g_autofree char *exit_from = query_text (f, exit_sql);
    g_assert_cmpstr (exit_from, ==, "");
  }
  g_assert_cmpint (query_int (f, "SELECT monthly_amount FROM cases ORDER BY id DESC LIMIT 1"), ==, 40000);
}

/* --- the Tasks panel --------------------------------------------------------- */

static void
assert_tasks (GPtrArray         *tasks,
              const gint64      *case_ids,
              const JzTaskKind  *kinds,
              guint              n)
{
  if (tasks->len != n)
    {
      for (guint i = 0; i < tasks->len; i++)
        {
          JzTask *task = g_ptr_array_index (tasks, i);
          g_printerr ("task %u: case %" G_GINT64_FORMAT " kind %d due %s\n", i, task->case_id, task->kind, task->due_on);
        }
    }
  g_assert_cmpuint (tasks->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      JzTask *task = g_ptr_array_index (tasks, i);

      g_assert_cmpint (task->case_id, ==, case_ids[i]);
      if (kinds != NULL)
        g_assert_cmpint (task->kind, ==, kinds[i]);
    }
}

static void
test_tasks (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  const char *today = "2026-11-10";
  gint64 head6, c1, c2, c3, c4, c5, c6, c7, c8, h6;
  gint64 turns18, turns60, graduate, died, died_before, excluded;
  JzTask *task;

  /* C1: accepted on 2 November, investigation due on the 5th: overdue. */
  c1 = new_case (f, new_household (f, f->t->village, "urban", "19830705", 30000, NULL), 0, "dibao_urban", "2026-11-02", FALSE);
  advance_ok (f, NULL, c1, "submitted", "2026-11-02");
  advance_ok (f, NULL, c1, "accepted", "2026-11-02");
  /* C2: in its notice, waiting for the process deadline of 18 December. */
  c2 = new_case (f, new_household (f, f->t->village, "urban", "19830705", 30000, NULL), 0, "dibao_urban", "2026-11-06", FALSE);
  advance_ok (f, NULL, c2, "submitted", "2026-11-06");
  advance_ok (f, NULL, c2, "accepted", "2026-11-06");
  advance_ok (f, NULL, c2, "investigating", "2026-11-09");
  advance_ok (f, NULL, c2, "village_notice", "2026-11-09");
  /* C3: a draft, no deadline yet. */
  c3 = new_case (f, new_household (f, f->t->village, "urban", "19830705", 30000, NULL), 0, "dibao_urban", "2026-11-09", FALSE);
  /* C4: submitted in the other township. */
  c4 = new_case (f, new_household (f, f->village_b, "urban", "19830705", 30000, NULL), 0, "dibao_urban", "2026-11-09", FALSE);
  advance_ok (f, NULL, c4, "submitted", "2026-11-09");
  /* C5: waiting for the county since 9 November, due the 23rd. */
  c5 = new_case (f, new_household (f, f->t->village, "urban", "19830705", 30000, NULL), 0, "dibao_urban", "2026-10-09", FALSE);
  advance_ok (f, NULL, c5, "submitted", "2026-10-09");
  advance_ok (f, NULL, c5, "accepted", "2026-10-09");
  advance_ok (f, NULL, c5, "investigating", "2026-10-12");
  advance_ok (f, NULL, c5, "village_notice", "2026-10-12");
  advance_ok (f, NULL, c5, "township_reviewed", "2026-11-09");

  /* C6: active since 20 November 2025, reviewed this month; its members
   * are the alerts.  C7: its review overdue since October.  C8: next year. */
  h6 = new_household (f, f->t->village, "urban", "19661120", 30000, &head6);
  turns60 = head6;
  turns18 = add_member (f, h6, "20081103", "child");
  /* Born in the year of the 18-year-olds, but not this month. */
  graduate = add_member (f, h6, "20080301", "child");
  died = add_member (f, h6, "19400101", "parent");
  died_before = add_member (f, h6, "19410101", "parent");
  excluded = add_member (f, h6, "20081105", "grandchild");
  c6 = new_case (f, h6, 0, "dibao_urban", "2025-10-09", FALSE);
  c7 = new_case (f, new_household (f, f->t->village, "urban", "19830705", 30000, NULL), 0, "dibao_urban", "2025-09-01", FALSE);
  c8 = new_case (f, new_household (f, f->t->village, "urban", "19830705", 30000, NULL), 0, "dibao_urban", "2025-09-01", FALSE);
  {
    const struct { gint64 id; const char *active; } actives[] = {
      { c6, "2025-11-20" }, { c7, "2025-10-21" }, { c8, "2026-02-01" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (actives); i++)
      {
        advance_ok (f, NULL, actives[i].id, "submitted", "2025-10-09");
        advance_ok (f, NULL, actives[i].id, "accepted", "2025-10-09");
        advance_ok (f, NULL, actives[i].id, "investigating", "2025-10-09");
        advance_ok (f, NULL, actives[i].id, "village_notice", "2025-10-09");
        advance_ok (f, NULL, actives[i].id, "township_reviewed", "2025-10-16");
        advance_ok (f, NULL, actives[i].id, "approved", "2025-10-20");
        advance_ok (f, NULL, actives[i].id, "active", actives[i].active);
      }
  }
  {
    g_autofree char *sql = g_strdup_printf (
      "UPDATE persons SET graduates_on = '2026-11-30' WHERE id = %" G_GINT64_FORMAT ";"
      "UPDATE persons SET active = 0, left_on = '2026-11-05', left_reason = 'died' WHERE id = %" G_GINT64_FORMAT ";"
      "UPDATE persons SET active = 0, left_on = '2025-11-19', left_reason = 'died' WHERE id = %" G_GINT64_FORMAT ";"
      "INSERT INTO case_exclusions (case_id, person_id, reason) VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", '外出务工');",
      graduate, died, died_before, c6, excluded);
    exec_sql (f, sql);
  }

  /* The clerk of township A: overdue first, then by date, the undated last. */
  tasks = jz_workflow_list_steps (f->t->db, f->clerk_a, today, &error);
  g_assert_no_error (error);
  assert_tasks (tasks, (gint64[]) { c1, c2, c3 }, NULL, 3);
  task = g_ptr_array_index (tasks, 0);
  g_assert_true (task->overdue);
  g_assert_cmpstr (task->due_on, ==, "2026-11-05");
  g_assert_cmpstr (task->status, ==, "accepted");
  g_assert_cmpstr (task->program, ==, "dibao_urban");
  g_assert_cmpstr (task->head_name, ==, "张桂兰");
  g_assert_cmpint (task->kind, ==, JZ_TASK_STEP);
  task = g_ptr_array_index (tasks, 1);
  g_assert_false (task->overdue);
  g_assert_cmpstr (task->due_on, ==, "2026-12-18");
  task = g_ptr_array_index (tasks, 2);
  g_assert_null (task->due_on);
  g_clear_pointer (&tasks, g_ptr_array_unref);

  tasks = jz_workflow_list_steps (f->t->db, f->clerk_b, today, &error);
  assert_tasks (tasks, (gint64[]) { c4 }, NULL, 1);
  g_clear_pointer (&tasks, g_ptr_array_unref);

  tasks = jz_workflow_list_steps (f->t->db, f->reviewer, today, &error);
  assert_tasks (tasks, (gint64[]) { c5 }, NULL, 1);
  task = g_ptr_array_index (tasks, 0);
  g_assert_cmpstr (task->due_on, ==, "2026-11-23");
  g_clear_pointer (&tasks, g_ptr_array_unref);

  tasks = jz_workflow_list_steps (f->t->db, f->admin, today, &error);
  assert_tasks (tasks, (gint64[]) { c1, c5, c2, c3, c4 }, NULL, 5);
  g_clear_pointer (&tasks, g_ptr_array_unref);

  tasks = jz_workflow_list_steps (f->t->db, f->leader, today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tasks->len, ==, 0);
  g_clear_pointer (&tasks, g_ptr_array_unref);

  /* Reviews due this month, the overdue first. */
  tasks = jz_workflow_list_reviews (f->t->db, f->clerk_a, today, &error);
  g_assert_no_error (error);
  assert_tasks (tasks, (gint64[]) { c7, c6 }, (JzTaskKind[]) { JZ_TASK_REVIEW, JZ_TASK_REVIEW }, 2);
  task = g_ptr_array_index (tasks, 0);
  g_assert_true (task->overdue);
  g_assert_cmpstr (task->due_on, ==, "2026-10-21");
  task = g_ptr_array_index (tasks, 1);
  g_assert_false (task->overdue);
  g_assert_cmpstr (task->due_on, ==, "2026-11-20");
  g_clear_pointer (&tasks, g_ptr_array_unref);
  tasks = jz_workflow_list_reviews (f->t->db, f->reviewer, today, &error);
  g_assert_cmpuint (tasks->len, ==, 2);
  g_clear_pointer (&tasks, g_ptr_array_unref);
  tasks = jz_workflow_list_reviews (f->t->db, f->clerk_b, today, &error);
  g_assert_cmpuint (tasks->len, ==, 0);
  g_clear_pointer (&tasks, g_ptr_array_unref);
  tasks = jz_workflow_list_reviews (f->t->db, f->leader, today, &error);
  g_assert_cmpuint (tasks->len, ==, 0);
  g_clear_pointer (&tasks, g_ptr_array_unref);

  /* Alerts, by date: turns 18 on the 3rd, died on the 5th, turns 60 on
   * the 20th, graduates on the 30th.  Not the excluded grandchild, nor
   * the parent who died before the case became active. */
  tasks = jz_workflow_list_alerts (f->t->db, f->clerk_a, today, &error);
  g_assert_no_error (error);
  assert_tasks (tasks, (gint64[]) { c6, c6, c6, c6 },
                (JzTaskKind[]) { JZ_TASK_TURNS_18, JZ_TASK_DIED, JZ_TASK_TURNS_60, JZ_TASK_GRADUATES }, 4);
  g_assert_cmpint (((JzTask *) g_ptr_array_index (tasks, 0))->person_id, ==, turns18);
  g_assert_cmpstr (((JzTask *) g_ptr_array_index (tasks, 0))->due_on, ==, "2026-11-03");
  g_assert_cmpint (((JzTask *) g_ptr_array_index (tasks, 1))->person_id, ==, died);
  g_assert_cmpint (((JzTask *) g_ptr_array_index (tasks, 2))->person_id, ==, turns60);
  g_assert_cmpstr (((JzTask *) g_ptr_array_index (tasks, 2))->due_on, ==, "2026-11-20");
  g_assert_cmpint (((JzTask *) g_ptr_array_index (tasks, 3))->person_id, ==, graduate);
  g_clear_pointer (&tasks, g_ptr_array_unref);
  tasks = jz_workflow_list_alerts (f->t->db, f->clerk_b, today, &error);
  g_assert_cmpuint (tasks->len, ==, 0);
  g_clear_pointer (&tasks, g_ptr_array_unref);
  /* Next month: nobody's birthday; the death stays until a review. */
  tasks = jz_workflow_list_alerts (f->t->db, f->reviewer, "2026-12-01", &error);
  assert_tasks (tasks, (gint64[]) { c6 }, (JzTaskKind[]) { JZ_TASK_DIED }, 1);
  g_clear_pointer (&tasks, g_ptr_array_unref);
  g_assert_true (jz_case_review (f->t->db, f->reviewer, c6, "2026-12-01", "家庭成员去世", &error));
  g_assert_no_error (error);
  tasks = jz_workflow_list_alerts (f->t->db, f->reviewer, "2026-12-01", &error);
  g_assert_cmpuint (tasks->len, ==, 0);
  g_clear_pointer (&tasks, g_ptr_array_unref);

  /* All three lists together. */
  tasks = jz_workflow_list_tasks (f->t->db, f->clerk_a, today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tasks->len, ==, 3 + 1 + 3);
  g_clear_pointer (&tasks, g_ptr_array_unref);

  g_assert_null (jz_workflow_list_steps (f->t->db, f->admin, "10 November", &error));
  g_assert_error (error, JZ_CALENDAR_ERROR, JZ_CALENDAR_ERROR_DATE);
}

/* --- the county's tekun sample -------------------------------------------- */

static GArray *
sampled_ids (Fixture *f)
{
  g_autoptr(sqlite3_stmt) stmt = jz_db_prepare (f->t->db, "SELECT id FROM cases WHERE sampled = 1 ORDER BY id", NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  return ids;
}

static gboolean
same_ids (GArray *a,
          GArray *b)
{
  return a->len == b->len && memcmp (a->data, b->data, a->len * sizeof (gint64)) == 0;
}

static void
test_sample (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) first = NULL;
  g_autoptr(GArray) again = NULL;
  g_autoptr(GArray) other = NULL;
  guint n = 99;
  gint64 waiting = 0;
  gint64 still;

  for (guint i = 0; i < 12; i++)
    {
      gint64 head;
      gint64 household = new_household (f, f->t->village, "urban", "19500101", 0, &head);
      gint64 id = new_case (f, household, head, i % 2 ? "tekun_dispersed" : "tekun_centralized", "2026-03-02", FALSE);

      /* Ten wait for the county; two are decided already. */
      drive (f, id, i < 10 ? "township_reviewed" : "active");
      if (i == 0)
        waiting = id;
    }
  /* Not tekun: never sampled. */
  drive (f, new_case (f, new_household (f, f->t->village, "urban", "19830705", 30000, NULL), 0,
                      "dibao_urban", "2026-03-02", FALSE), "township_reviewed");

  g_assert_false (jz_workflow_sample_tekun (f->t->db, f->clerk_a, 42, 0, &n, &error));
  g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_DENIED);
  g_assert_cmpuint (n, ==, 0);
  g_clear_error (&error);

  /* 30 % of 10, rounded up: 3. */
  g_assert_true (jz_workflow_sample_tekun (f->t->db, f->reviewer, 42, 0, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  first = sampled_ids (f);
  g_assert_cmpuint (first->len, ==, 3);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM cases WHERE sampled = 1 AND (status <> 'township_reviewed' OR program NOT LIKE 'tekun%')"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM audit_log WHERE table_name = 'cases' AND new_values LIKE '%\"sampled\":1%'"), ==, 3);

  /* The rate is reached: nothing more. */
  g_assert_true (jz_workflow_sample_tekun (f->t->db, f->reviewer, 7, 0, &n, &error));
  g_assert_cmpuint (n, ==, 0);

  /* The same seed on the same cases picks the same ones; another seed others. */
  exec_sql (f, "UPDATE cases SET sampled = 0");
  g_assert_true (jz_workflow_sample_tekun (f->t->db, f->reviewer, 42, 0, &n, &error));
  again = sampled_ids (f);
  g_assert_true (same_ids (first, again));
  exec_sql (f, "UPDATE cases SET sampled = 0");
  g_assert_true (jz_workflow_sample_tekun (f->t->db, f->reviewer, 43, 0, &n, &error));
  other = sampled_ids (f);
  g_assert_cmpuint (other->len, ==, 3);
  g_assert_false (same_ids (first, other));

  /* A decided case leaves the count: 9 waiting, 30 % is 2.7, so 3 stay enough. */
  advance_ok (f, NULL, waiting, "approved", "2026-03-20");
  still = query_int (f, "SELECT count(*) FROM cases WHERE sampled = 1 AND status = 'township_reviewed'");
  g_assert_true (jz_workflow_sample_tekun (f->t->db, NULL, 1, 0, &n, &error));
  g_assert_cmpuint (n, ==, 3 - (guint) still);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM cases WHERE sampled = 1 AND status = 'township_reviewed'"), ==, 3);

  /* Every one, at 100 %. */
  g_assert_true (jz_workflow_sample_tekun (f->t->db, f->admin, 1, 10000, &n, &error));
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM cases WHERE sampled = 1 AND status = 'township_reviewed'"), ==, 9);

  /* The rate is a standard: the value in force today counts, not one
   * from a later date, nor a township's own. */
  set_rule (f, JZ_STANDARD_TEKUN_SAMPLE_PCT, 0, 5000, "2026-12-01");
  set_rule (f, JZ_STANDARD_TEKUN_SAMPLE_PCT, 0, 10000, "2027-01-01");
  set_rule (f, JZ_STANDARD_TEKUN_SAMPLE_PCT, f->t->township, 10000, "2026-01-01");
  exec_sql (f, "UPDATE cases SET sampled = 0");
  g_assert_true (jz_workflow_sample_tekun (f->t->db, f->reviewer, 42, 0, &n, &error));
  g_assert_no_error (error);
  /* 50 % of 9, rounded up. */
  g_assert_cmpuint (n, ==, 5);
}

/* --- reading ------------------------------------------------------------ */

static gboolean
collect_cb (const JzCaseFlow *flow,
            gpointer          user_data)
{
  g_array_append_val ((GArray *) user_data, flow->id);
  return TRUE;
}

static void
test_foreach (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 a = new_case (f, new_household (f, f->t->village, "urban", "19830705", 30000, NULL), 0, "dibao_urban", "2026-03-02", FALSE);
  gint64 b = new_case (f, new_household (f, f->village_b, "urban", "19830705", 30000, NULL), 0, "dibao_urban", "2026-03-02", FALSE);
  gint64 c = new_case (f, new_household (f, f->t->village, "urban", "19830705", 30000, NULL), 0, "temporary", "2026-03-02", FALSE);

  advance_ok (f, NULL, a, "submitted", "2026-03-02");

  g_assert_true (jz_case_flow_foreach (f->t->db, NULL, NULL, 0, collect_cb, ids, &error));
  g_assert_cmpuint (ids->len, ==, 3);
  g_array_set_size (ids, 0);
  g_assert_true (jz_case_flow_foreach (f->t->db, "draft", NULL, 0, collect_cb, ids, &error));
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, b);
  g_array_set_size (ids, 0);
  g_assert_true (jz_case_flow_foreach (f->t->db, NULL, "dibao_urban", f->t->township, collect_cb, ids, &error));
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, a);
  g_array_set_size (ids, 0);
  g_assert_true (jz_case_flow_foreach (f->t->db, NULL, "temporary", 0, collect_cb, ids, &error));
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, c);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/workflow/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/workflow/statuses", test_status_list);
  g_test_add_func ("/workflow/matrix/pure", test_matrix_pure);
  g_test_add_func ("/workflow/overdue/pure", test_overdue_pure);
  ADD ("matrix/regular", test_matrix_regular);
  ADD ("matrix/temporary", test_matrix_temporary);
  ADD ("unknown-status", test_unknown_status);
  ADD ("reason-required", test_reason_required);
  ADD ("dates-and-versions", test_dates_and_versions);
  ADD ("roles", test_roles);
  ADD ("create-application", test_create_application);
  ADD ("deadlines/dibao", test_deadlines_dibao);
  ADD ("deadlines/tekun", test_deadlines_tekun);
  ADD ("deadlines/from-standards", test_deadlines_from_standards);
  ADD ("deadlines/standard-missing", test_deadline_standard_missing);
  ADD ("next-review", test_next_review_dates);
  ADD ("history-and-audit", test_history_and_audit);
  ADD ("refusal-writes-nothing", test_refusal_writes_nothing);
  ADD ("emergency", test_emergency);
  ADD ("review", test_review);
  ADD ("review-exit-cancelled", test_review_exit_cancelled);
  ADD ("tasks", test_tasks);
  ADD ("sample", test_sample);
  ADD ("foreach", test_foreach);

  return g_test_run ();
}
