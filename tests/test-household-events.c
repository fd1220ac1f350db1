/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "jz-audit.h"
#include "jz-case.h"
#include "jz-check.h"
#include "jz-db-private.h"
#include "jz-household-archive.h"
#include "jz-household-events.h"
#include "jz-household-history.h"
#include "jz-test-util.h"

/* A fictitious family: the head, his wife, their son and grandson. */
#define HEAD_ID      "370302195503120115"
#define SPOUSE_ID    "370302195808200220"
#define SON_ID       "370302198307050133"
#define DAUGHTER_ID  "37030219850101024X"
#define GRANDSON_ID  "370302201006010159"
#define GIRL_ID      "370302201509090269"
#define STRANGER_ID  "370302199002150373"
#define ACCOUNT      "6228480012345678901"
#define PHONE        "13800000000"

typedef struct
{
  gint64 household;
  gint64 head;
  gint64 spouse;
  gint64 son;
  gint64 grandson;
} Family;

typedef struct
{
  gint64 households, persons, incomes, cases, case_history, audit_log;
} Counts;

static JzPerson *
make_person (const char *name,
             const char *id_number,
             const char *relation)
{
  JzPerson *person = jz_person_new ();

  person->name = g_strdup (name);
  person->id_number = g_strdup (id_number);
  g_free (person->relation);
  person->relation = g_strdup (relation);
  return person;
}

static gint64
add_member (JzTestDb   *t,
            gint64      household,
            const char *name,
            const char *id_number,
            const char *relation)
{
  g_autoptr(JzPerson) person = make_person (name, id_number, relation);
  g_autoptr(GError) error = NULL;

  person->household_id = household;
  g_assert_cmpint (jz_person_add (t->db, person, &error), >, 0);
  g_assert_no_error (error);
  return person->id;
}

static gint64
make_household (JzTestDb   *t,
                const char *head_name,
                const char *head_id)
{
  g_autoptr(JzHousehold) household = jz_household_new ();
  g_autoptr(JzPerson) head = make_person (head_name, head_id, "head");
  g_autoptr(GError) error = NULL;

  household->region_id = t->village;
  household->address = g_strdup ("王家庄村3组12号");
  household->phone = g_strdup (PHONE);
  household->bank = g_strdup ("中国农业银行");
  household->bank_account = g_strdup (ACCOUNT);
  household->opened_on = g_strdup ("2020-01-15");
  g_assert_cmpint (jz_household_create (t->db, household, head, &error), >, 0);
  g_assert_no_error (error);
  return household->id;
}

static Family
make_family (JzTestDb *t)
{
  g_autoptr(JzHousehold) household = NULL;
  Family f;

  f.household = make_household (t, "王建国", HEAD_ID);
  household = jz_household_get (t->db, f.household, NULL);
  f.head = household->head_person_id;
  f.spouse = add_member (t, f.household, "李秀英", SPOUSE_ID, "spouse");
  f.son = add_member (t, f.household, "王强", SON_ID, "child");
  f.grandson = add_member (t, f.household, "王小宝", GRANDSON_ID, "grandchild");
  return f;
}

static void
exec_sql (JzTestDb   *t,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jz_db_exec (t->db, sql, &error));
  g_assert_no_error (error);
}

static gint64
query_int (JzTestDb   *t,
           const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = jz_db_prepare (t->db, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* Cases are written by the case workflow, which is not ours: they are
 * entered here as that workflow would leave them, with their first step. */
static gint64
add_case (JzTestDb   *t,
          gint64      household,
          gint64      person,
          const char *program,
          const char *status,
          gint64      amount)
{
  g_autofree char *sql = NULL;
  g_autofree char *person_text = person != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, person) : g_strdup ("NULL");
  gint64 id;

  sql = g_strdup_printf ("INSERT INTO cases (household_id, person_id, program, status, applied_on, monthly_amount) "
                         "VALUES (%" G_GINT64_FORMAT ", %s, '%s', '%s', '2023-06-01', %" G_GINT64_FORMAT ")",
                         household, person_text, program, status, amount);
  exec_sql (t, sql);
  id = sqlite3_last_insert_rowid (jz_db_get_handle (t->db));

  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO case_history (case_id, on_date, status, monthly_amount, note, user_name) "
                         "VALUES (%" G_GINT64_FORMAT ", '2023-06-01', '%s', %" G_GINT64_FORMAT ", '', 'clerk-a')",
                         id, status, amount);
  exec_sql (t, sql);
  return id;
}

static Counts
count_all (JzTestDb *t)
{
  Counts c;

  c.households = jz_db_count_rows (t->db, "households", NULL);
  c.persons = jz_db_count_rows (t->db, "persons", NULL);
  c.incomes = jz_db_count_rows (t->db, "incomes", NULL);
  c.cases = jz_db_count_rows (t->db, "cases", NULL);
  c.case_history = jz_db_count_rows (t->db, "case_history", NULL);
  c.audit_log = jz_db_count_rows (t->db, "audit_log", NULL);
  return c;
}

/* Besides the counts, a change would show in some row's version. */
static gint64
version_sum (JzTestDb *t)
{
  return query_int (t, "SELECT (SELECT total (version) FROM households) + (SELECT total (version) FROM persons) "
                       "+ (SELECT total (version) FROM cases)");
}

static void
assert_counts_equal (Counts a,
                     Counts b)
{
  g_assert_cmpint (a.households, ==, b.households);
  g_assert_cmpint (a.persons, ==, b.persons);
  g_assert_cmpint (a.incomes, ==, b.incomes);
  g_assert_cmpint (a.cases, ==, b.cases);
  g_assert_cmpint (a.case_history, ==, b.case_history);
  g_assert_cmpint (a.audit_log, ==, b.audit_log);
}

static JzAuditEntry *
last_entry (GPtrArray *entries)
{
  g_assert_cmpuint (entries->len, >, 0);
  return g_ptr_array_index (entries, entries->len - 1);
}

static JzAuditEntry *
find_entry (GPtrArray  *entries,
            const char *action)
{
  for (guint i = 0; i < entries->len; i++)
    {
      JzAuditEntry *entry = g_ptr_array_index (entries, i);

      if (g_strcmp0 (entry->action, action) == 0)
        return entry;
    }

  return NULL;
}

static void
assert_no_personal_numbers (const char *text)
{
  if (text == NULL)
    return;
  g_assert_null (strstr (text, HEAD_ID));
  g_assert_null (strstr (text, SPOUSE_ID));
  g_assert_null (strstr (text, SON_ID));
  g_assert_null (strstr (text, GRANDSON_ID));
  g_assert_null (strstr (text, STRANGER_ID));
  g_assert_null (strstr (text, ACCOUNT));
  g_assert_null (strstr (text, "0012345678"));
  g_assert_null (strstr (text, PHONE));
  g_assert_null (strstr (text, "13911111111"));
}

static guint
count_members (JzTestDb *t,
               gint64    household,
               gboolean  active_only)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = jz_household_list_members (t->db, household, active_only, &error);

  g_assert_no_error (error);
  return members->len;
}

static gint64
active_with_id (JzTestDb   *t,
                const char *id_number)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM persons WHERE active = 1 AND id_number = '%s'", id_number);

  return query_int (t, sql);
}

/* --- move out, move in ---------------------------------------------------- */

static void
test_move_out (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  Family f = make_family (t);
  g_autoptr(JzPerson) son = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) person_entries = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(JzCase) own = NULL;
  g_autoptr(JzCase) dibao = NULL;
  g_autoptr(GError) error = NULL;
  JzAuditEntry *entry;
  JzCaseStep *step;
  gint64 own_case, dibao_case;

  dibao_case = add_case (t, f.household, 0, "dibao_rural", "active", 120000);
  own_case = add_case (t, f.household, f.son, "disability_living", "active", 10000);

  g_assert_true (jz_household_move_out (t->db, f.household, f.son, "2024-03-01", "去青岛务工落户", &error));
  g_assert_no_error (error);

  son = jz_person_get (t->db, f.son, &error);
  g_assert_false (son->active);
  g_assert_cmpstr (son->left_on, ==, "2024-03-01");
  g_assert_cmpstr (son->left_reason, ==, "moved_out");
  g_assert_cmpint (son->version, ==, 2);
  g_assert_cmpint (son->household_id, ==, f.household);

  members = jz_household_list_members (t->db, f.household, TRUE, &error);
  g_assert_cmpuint (members->len, ==, 3);

  /* The row diff of the person … */
  person_entries = jz_audit_list (t->db, "persons", f.son, &error);
  entry = last_entry (person_entries);
  g_assert_cmpstr (entry->action, ==, "update");
  g_assert_nonnull (strstr (entry->old_values, "\"active\":1"));
  g_assert_nonnull (strstr (entry->new_values, "\"active\":0"));
  g_assert_nonnull (strstr (entry->new_values, "\"left_reason\":\"moved_out\""));

  /* … and the event on the file, dated, with the note and no personal data. */
  entries = jz_audit_list (t->db, "households", f.household, &error);
  entry = last_entry (entries);
  g_assert_cmpstr (entry->action, ==, "move_out");
  g_assert_null (entry->old_values);
  g_assert_nonnull (strstr (entry->new_values, "\"on\":\"2024-03-01\""));
  g_assert_nonnull (strstr (entry->new_values, "去青岛务工落户"));
  g_assert_nonnull (strstr (entry->new_values, "\"cases_ended\":1"));
  assert_no_personal_numbers (entry->new_values);
  g_assert_null (strstr (entry->new_values, "王强"));

  /* The son's own subsidy ends with him; the household's dibao runs on. */
  own = jz_case_get (t->db, own_case, &error);
  g_assert_cmpstr (own->status, ==, "terminated");
  g_assert_cmpstr (own->ended_on, ==, "2024-03-01");
  g_assert_cmpint (own->monthly_amount, ==, 0);
  steps = jz_case_list_history (t->db, own_case, &error);
  g_assert_cmpuint (steps->len, ==, 2);
  step = g_ptr_array_index (steps, 1);
  g_assert_cmpstr (step->status, ==, "terminated");
  g_assert_cmpstr (step->on_date, ==, "2024-03-01");
  g_assert_cmpstr (step->user_name, ==, "clerk-a");
  g_assert_cmpstr (step->note, ==, own->end_reason);
  g_assert_cmpstr (((JzCaseStep *) g_ptr_array_index (steps, 0))->status, ==, "active");

  dibao = jz_case_get (t->db, dibao_case, &error);
  g_assert_cmpstr (dibao->status, ==, "active");
  g_assert_cmpint (dibao->monthly_amount, ==, 120000);
}

static void
test_move_in (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  Family f = make_family (t);
  g_autoptr(JzPerson) newcomer = make_person ("赵磊", STRANGER_ID, "other");
  g_autoptr(JzPerson) again = make_person ("王强", SON_ID, "child");
  g_autoptr(JzPerson) back = make_person ("王强", SON_ID, "child");
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  JzAuditEntry *entry;
  gint64 other;
  Counts before;
  gint64 versions;

  newcomer->household_id = f.household;
  g_assert_cmpint (jz_household_move_in (t->db, newcomer, "2024-04-02", &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (newcomer->active);
  g_assert_cmpint (active_with_id (t, STRANGER_ID), ==, 1);

  entries = jz_audit_list (t->db, "households", f.household, &error);
  entry = last_entry (entries);
  g_assert_cmpstr (entry->action, ==, "move_in");
  g_assert_nonnull (strstr (entry->new_values, "\"on\":\"2024-04-02\""));
  expected = g_strdup_printf ("\"person_id\":%" G_GINT64_FORMAT, newcomer->id);
  g_assert_nonnull (strstr (entry->new_values, expected));
  g_clear_pointer (&expected, g_free);

  /* The son is still an active member here: moving him into another
   * household is refused, naming this one, and nothing is written. */
  other = make_household (t, "李秀梅", DAUGHTER_ID);
  before = count_all (t);
  versions = version_sum (t);
  again->household_id = other;
  g_assert_cmpint (jz_household_move_in (t->db, again, "2024-04-03", &error), ==, 0);
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT);
  expected = g_strdup_printf ("No. %" G_GINT64_FORMAT " in 王家庄村", f.household);
  g_assert_nonnull (strstr (error->message, expected));
  g_assert_null (strstr (error->message, SON_ID));
  g_clear_error (&error);
  g_assert_cmpint (again->id, ==, 0);
  assert_counts_equal (before, count_all (t));
  g_assert_cmpint (versions, ==, version_sum (t));

  /* Once he has moved out, he can move in there. */
  g_assert_true (jz_household_move_out (t->db, f.household, f.son, "2024-04-03", NULL, &error));
  g_assert_no_error (error);
  back->household_id = other;
  g_assert_cmpint (jz_household_move_in (t->db, back, "2024-04-03", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (active_with_id (t, SON_ID), ==, 1);
  g_assert_cmpint (query_int (t, "SELECT count(*) FROM persons WHERE id_number = '" SON_ID "'"), ==, 2);
}

/* --- refusals ------------------------------------------------------------- */

static void
test_refusals_change_nothing (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  Family f = make_family (t);
  JzRelation bad_relation[] = { { 0, "head" } };
  JzRelation stranger_relation[] = { { 0, "child" } };
  g_autoptr(GError) error = NULL;
  g_autofree char *tomorrow = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) next = g_date_time_add_days (now, 1);
  gint64 other, stranger, successor = -1;
  Counts before;
  gint64 versions;

  other = make_household (t, "李秀梅", DAUGHTER_ID);
  stranger = add_member (t, other, "赵磊", STRANGER_ID, "spouse");
  bad_relation[0].person_id = f.son;
  stranger_relation[0].person_id = stranger;
  tomorrow = g_date_time_format (next, "%Y-%m-%d");
  add_case (t, f.household, 0, "dibao_rural", "active", 120000);

  before = count_all (t);
  versions = version_sum (t);

#define REFUSED(call, code)                                   \
  G_STMT_START {                                              \
    g_assert_false (call);                                    \
    g_assert_error (error, JZ_DB_ERROR, code);                \
    g_assert_null (strstr (error->message, HEAD_ID));         \
    g_clear_error (&error);                                   \
    assert_counts_equal (before, count_all (t));              \
    g_assert_cmpint (versions, ==, version_sum (t));          \
  } G_STMT_END

  /* The head cannot move out, nor die as an ordinary member. */
  REFUSED (jz_household_move_out (t->db, f.household, f.head, "2024-03-01", NULL, &error), JZ_DB_ERROR_CONSTRAINT);
  REFUSED (jz_household_record_member_death (t->db, f.household, f.head, "2024-03-01", &error), JZ_DB_ERROR_CONSTRAINT);
  /* Dates: malformed, impossible, in the future, before the file opened. */
  REFUSED (jz_household_move_out (t->db, f.household, f.son, "1.3.2024", NULL, &error), JZ_DB_ERROR_CONSTRAINT);
  REFUSED (jz_household_move_out (t->db, f.household, f.son, "2023-02-29", NULL, &error), JZ_DB_ERROR_CONSTRAINT);
  REFUSED (jz_household_move_out (t->db, f.household, f.son, tomorrow, NULL, &error), JZ_DB_ERROR_CONSTRAINT);
  REFUSED (jz_household_move_out (t->db, f.household, f.son, "2019-12-31", NULL, &error), JZ_DB_ERROR_CONSTRAINT);
  REFUSED (jz_household_move_out (t->db, f.household, f.son, NULL, NULL, &error), JZ_DB_ERROR_CONSTRAINT);
  /* Someone of another household. */
  REFUSED (jz_household_move_out (t->db, f.household, stranger, "2024-03-01", NULL, &error), JZ_DB_ERROR_NOT_FOUND);
  REFUSED (jz_household_move_out (t->db, f.household, 999999, "2024-03-01", NULL, &error), JZ_DB_ERROR_NOT_FOUND);
  REFUSED (jz_household_move_out (t->db, 999999, f.son, "2024-03-01", NULL, &error), JZ_DB_ERROR_NOT_FOUND);
  /* Change of head: to the head, to a stranger, with a head's relation. */
  REFUSED (jz_household_change_head (t->db, f.household, f.head, NULL, NULL, 0, "2024-03-01", NULL, &error), JZ_DB_ERROR_CONSTRAINT);
  REFUSED (jz_household_change_head (t->db, f.household, stranger, NULL, NULL, 0, "2024-03-01", NULL, &error), JZ_DB_ERROR_NOT_FOUND);
  REFUSED (jz_household_change_head (t->db, f.household, f.son, "head", NULL, 0, "2024-03-01", NULL, &error), JZ_DB_ERROR_CONSTRAINT);
  REFUSED (jz_household_change_head (t->db, f.household, f.son, "cousin", NULL, 0, "2024-03-01", NULL, &error), JZ_DB_ERROR_CONSTRAINT);
  REFUSED (jz_household_change_head (t->db, f.household, f.spouse, NULL, bad_relation, 1, "2024-03-01", NULL, &error), JZ_DB_ERROR_CONSTRAINT);
  REFUSED (jz_household_change_head (t->db, f.household, f.spouse, NULL, stranger_relation, 1, "2024-03-01", NULL, &error), JZ_DB_ERROR_CONSTRAINT);
  /* Head's death: without a new head, with one from elsewhere, with the
   * dead head as the new one, with a bad relation. */
  REFUSED (jz_household_record_head_death (t->db, f.household, 0, NULL, 0, "2024-03-01", &successor, &error), JZ_DB_ERROR_CONSTRAINT);
  g_assert_cmpint (successor, ==, 0);
  REFUSED (jz_household_record_head_death (t->db, f.household, stranger, NULL, 0, "2024-03-01", NULL, &error), JZ_DB_ERROR_CONSTRAINT);
  REFUSED (jz_household_record_head_death (t->db, f.household, f.head, NULL, 0, "2024-03-01", NULL, &error), JZ_DB_ERROR_CONSTRAINT);
  REFUSED (jz_household_record_head_death (t->db, f.household, f.spouse, bad_relation, 1, "2024-03-01", NULL, &error), JZ_DB_ERROR_CONSTRAINT);
  REFUSED (jz_household_record_head_death (t->db, f.household, f.spouse, NULL, 0, "2030-13-01", NULL, &error), JZ_DB_ERROR_CONSTRAINT);
  /* Archiving with a running case; restoring a file that is not archived. */
  REFUSED (jz_household_archive (t->db, f.household, &error), JZ_DB_ERROR_CONSTRAINT);
  REFUSED (jz_household_unarchive (t->db, f.household, &error), JZ_DB_ERROR_CONSTRAINT);

  /* A member who left cannot leave again. */
  g_assert_true (jz_household_move_out (t->db, f.household, f.son, "2024-03-01", NULL, &error));
  g_assert_no_error (error);
  before = count_all (t);
  versions = version_sum (t);
  REFUSED (jz_household_move_out (t->db, f.household, f.son, "2024-03-02", NULL, &error), JZ_DB_ERROR_CONSTRAINT);
  REFUSED (jz_household_record_member_death (t->db, f.household, f.son, "2024-03-02", &error), JZ_DB_ERROR_CONSTRAINT);
  REFUSED (jz_household_change_head (t->db, f.household, f.son, NULL, NULL, 0, "2024-03-02", NULL, &error), JZ_DB_ERROR_CONSTRAINT);

#undef REFUSED
}

/* --- change of head, deaths ----------------------------------------------- */

static void
test_head_change (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  Family f = make_family (t);
  JzRelation relations[] = { { 0, "parent" }, { 0, "child" } };
  g_autoptr(JzHousehold) household = NULL;
  g_autoptr(JzPerson) head = NULL;
  g_autoptr(JzPerson) son = NULL;
  g_autoptr(JzPerson) spouse = NULL;
  g_autoptr(JzPerson) grandson = NULL;
  g_autoptr(JzCase) dibao = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  JzAuditEntry *entry;
  gint64 dibao_case, other, other_head, other_son;

  dibao_case = add_case (t, f.household, 0, "dibao_rural", "active", 120000);
  relations[0].person_id = f.spouse;
  relations[1].person_id = f.grandson;

  g_assert_true (jz_household_change_head (t->db, f.household, f.son, "parent", relations, G_N_ELEMENTS (relations),
                                           "2024-03-01", "原户主年老，由儿子担任户主", &error));
  g_assert_no_error (error);

  household = jz_household_get (t->db, f.household, &error);
  g_assert_cmpint (household->head_person_id, ==, f.son);
  g_assert_cmpstr (household->status, ==, "open");
  g_assert_cmpint (household->version, ==, 2);

  head = jz_person_get (t->db, f.head, &error);
  son = jz_person_get (t->db, f.son, &error);
  spouse = jz_person_get (t->db, f.spouse, &error);
  grandson = jz_person_get (t->db, f.grandson, &error);
  g_assert_cmpstr (son->relation, ==, "head");
  g_assert_cmpstr (head->relation, ==, "parent");
  g_assert_cmpstr (spouse->relation, ==, "parent");
  g_assert_cmpstr (grandson->relation, ==, "child");
  g_assert_true (head->active && son->active && spouse->active && grandson->active);

  members = jz_household_list_members (t->db, f.household, TRUE, &error);
  g_assert_cmpint (((JzPerson *) g_ptr_array_index (members, 0))->id, ==, f.son);

  entries = jz_audit_list (t->db, "households", f.household, &error);
  entry = last_entry (entries);
  g_assert_cmpstr (entry->action, ==, "head_change");
  g_assert_nonnull (strstr (entry->new_values, "\"on\":\"2024-03-01\""));
  expected = g_strdup_printf ("\"to_person_id\":%" G_GINT64_FORMAT, f.son);
  g_assert_nonnull (strstr (entry->new_values, expected));
  entry = g_ptr_array_index (entries, entries->len - 2);
  g_assert_cmpstr (entry->action, ==, "update");
  g_assert_nonnull (strstr (entry->new_values, "head_person_id"));

  /* The file and its cases go on. */
  dibao = jz_case_get (t->db, dibao_case, &error);
  g_assert_cmpstr (dibao->status, ==, "active");

  /* Without a relation, the former head becomes "other"; the others keep theirs. */
  other = make_household (t, "李秀梅", DAUGHTER_ID);
  other_son = add_member (t, other, "赵磊", STRANGER_ID, "child");
  g_clear_pointer (&household, jz_household_free);
  household = jz_household_get (t->db, other, &error);
  other_head = household->head_person_id;
  g_assert_true (jz_household_change_head (t->db, other, other_son, NULL, NULL, 0, "2024-03-01", NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&head, jz_person_free);
  head = jz_person_get (t->db, other_head, &error);
  g_assert_cmpstr (head->relation, ==, "other");
}

static void
test_member_death (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  Family f = make_family (t);
  g_autoptr(JzPerson) spouse = NULL;
  g_autoptr(JzCase) care = NULL;
  g_autoptr(JzCase) pending = NULL;
  g_autoptr(JzCase) old = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  JzAuditEntry *entry;
  gint64 care_case, pending_case, old_case;

  care_case = add_case (t, f.household, f.spouse, "disability_care", "active", 8000);
  pending_case = add_case (t, f.household, f.spouse, "disability_living", "investigating", 0);
  old_case = add_case (t, f.household, f.spouse, "temporary", "rejected", 0);

  g_assert_true (jz_household_record_member_death (t->db, f.household, f.spouse, "2024-02-10", &error));
  g_assert_no_error (error);

  spouse = jz_person_get (t->db, f.spouse, &error);
  g_assert_false (spouse->active);
  g_assert_cmpstr (spouse->left_reason, ==, "died");
  g_assert_cmpstr (spouse->left_on, ==, "2024-02-10");

  /* Her running subsidy and her pending application end; a decided case
   * keeps its decision. */
  care = jz_case_get (t->db, care_case, &error);
  pending = jz_case_get (t->db, pending_case, &error);
  old = jz_case_get (t->db, old_case, &error);
  g_assert_cmpstr (care->status, ==, "terminated");
  g_assert_cmpstr (pending->status, ==, "terminated");
  g_assert_cmpstr (old->status, ==, "rejected");
  g_assert_null (old->ended_on);
  g_assert_cmpint (query_int (t, "SELECT count(*) FROM case_history WHERE status = 'terminated'"), ==, 2);

  entries = jz_audit_list (t->db, "households", f.household, &error);
  entry = last_entry (entries);
  g_assert_cmpstr (entry->action, ==, "member_death");
  g_assert_nonnull (strstr (entry->new_values, "\"cases_ended\":2"));
  g_assert_cmpuint (count_members (t, f.household, TRUE), ==, 3);
}

static void
test_head_death_relinks (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  Family f = make_family (t);
  g_autoptr(JzHousehold) old = NULL;
  g_autoptr(JzHousehold) successor = NULL;
  g_autoptr(GPtrArray) old_members = NULL;
  g_autoptr(GPtrArray) new_members = NULL;
  g_autoptr(GPtrArray) old_cases = NULL;
  g_autoptr(GPtrArray) new_cases = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(JzPerson) elsewhere = make_person ("李秀英", SPOUSE_ID, "other");
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *sql = NULL;
  const char *ids[] = { SPOUSE_ID, SON_ID, GRANDSON_ID };
  JzAuditEntry *entry;
  gint64 successor_id = 0, other, withdrawn;
  JzPerson *new_head = NULL, *son = NULL, *grandson = NULL;

  add_case (t, f.household, 0, "dibao_rural", "active", 150000);
  add_case (t, f.household, f.grandson, "child_living", "approved", 60000);
  add_case (t, f.household, 0, "temporary", "submitted", 0);
  withdrawn = add_case (t, f.household, 0, "temporary", "withdrawn", 0);
  sql = g_strdup_printf ("INSERT INTO incomes (person_id, kind, monthly_amount) VALUES (%" G_GINT64_FORMAT ", 'wage', 180000)",
                         f.son);
  exec_sql (t, sql);

  g_assert_true (jz_household_record_head_death (t->db, f.household, f.spouse, NULL, 0, "2024-05-10",
                                                 &successor_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (successor_id, >, f.household);

  /* Linked both ways. */
  g_assert_cmpint (jz_household_get_successor (t->db, f.household, &error), ==, successor_id);
  g_assert_no_error (error);
  successor = jz_household_get (t->db, successor_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (successor->predecessor_id, ==, f.household);
  g_assert_cmpint (jz_household_get_successor (t->db, successor_id, &error), ==, 0);
  g_assert_no_error (error);

  /* The old file is closed and still readable, every row still there. */
  old = jz_household_get (t->db, f.household, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (old->status, ==, "closed");
  g_assert_cmpstr (old->closed_on, ==, "2024-05-10");
  g_assert_cmpint (old->head_person_id, ==, f.head);
  g_assert_cmpstr (old->bank_account, ==, ACCOUNT);
  g_assert_cmpuint (count_members (t, f.household, TRUE), ==, 0);
  old_members = jz_household_list_members (t->db, f.household, FALSE, &error);
  g_assert_cmpuint (old_members->len, ==, 4);
  for (guint i = 0; i < old_members->len; i++)
    {
      JzPerson *member = g_ptr_array_index (old_members, i);

      g_assert_false (member->active);
      g_assert_cmpstr (member->left_on, ==, "2024-05-10");
      g_assert_cmpstr (member->left_reason, ==, member->id == f.head ? "died" : "household_closed");
    }

  /* The new file: same address, village, hukou, phone and bank. */
  g_assert_cmpstr (successor->status, ==, "open");
  g_assert_cmpstr (successor->opened_on, ==, "2024-05-10");
  g_assert_null (successor->closed_on);
  g_assert_cmpint (successor->region_id, ==, old->region_id);
  g_assert_cmpstr (successor->hukou, ==, old->hukou);
  g_assert_cmpstr (successor->address, ==, old->address);
  g_assert_cmpstr (successor->phone, ==, PHONE);
  g_assert_cmpstr (successor->bank, ==, old->bank);
  g_assert_cmpstr (successor->bank_account, ==, ACCOUNT);

  /* The remaining members, the widow at the head, children kept. */
  new_members = jz_household_list_members (t->db, successor_id, TRUE, &error);
  g_assert_cmpuint (new_members->len, ==, 3);
  for (guint i = 0; i < new_members->len; i++)
    {
      JzPerson *member = g_ptr_array_index (new_members, i);

      g_assert_cmpint (member->household_id, ==, successor_id);
      if (g_strcmp0 (member->id_number, SPOUSE_ID) == 0)
        new_head = member;
      else if (g_strcmp0 (member->id_number, SON_ID) == 0)
        son = member;
      else if (g_strcmp0 (member->id_number, GRANDSON_ID) == 0)
        grandson = member;
    }
  g_assert_nonnull (new_head);
  g_assert_nonnull (son);
  g_assert_nonnull (grandson);
  g_assert_cmpint (successor->head_person_id, ==, new_head->id);
  g_assert_cmpstr (new_head->relation, ==, "head");
  g_assert_cmpstr (new_head->name, ==, "李秀英");
  g_assert_cmpstr (son->relation, ==, "child");
  g_assert_cmpstr (grandson->relation, ==, "grandchild");
  g_assert_cmpint (son->id, !=, f.son);

  /* The son's income went with him. */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT total (monthly_amount) FROM incomes WHERE person_id = %" G_GINT64_FORMAT, son->id);
  g_assert_cmpint (query_int (t, sql), ==, 180000);

  /* One active row per ID number, in the new file; the database checks clean. */
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *in_new = g_strdup_printf ("SELECT household_id FROM persons WHERE active = 1 AND id_number = '%s'", ids[i]);

      g_assert_cmpint (active_with_id (t, ids[i]), ==, 1);
      g_assert_cmpint (query_int (t, in_new), ==, successor_id);
    }
  g_assert_cmpint (active_with_id (t, HEAD_ID), ==, 0);
  problems = jz_check_run (t->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  /* The old file's running and pending cases ended, with a step each;
   * the withdrawn one is left alone; the new file applies again. */
  old_cases = jz_case_list_for_household (t->db, f.household, &error);
  g_assert_cmpuint (old_cases->len, ==, 4);
  expected = g_strdup_printf ("No. %" G_GINT64_FORMAT, successor_id);
  for (guint i = 0; i < old_cases->len; i++)
    {
      JzCase *c = g_ptr_array_index (old_cases, i);
      g_autoptr(GPtrArray) steps = jz_case_list_history (t->db, c->id, &error);

      if (c->id == withdrawn)
        {
          g_assert_cmpstr (c->status, ==, "withdrawn");
          g_assert_cmpuint (steps->len, ==, 1);
          continue;
        }
      g_assert_cmpstr (c->status, ==, "terminated");
      g_assert_cmpstr (c->ended_on, ==, "2024-05-10");
      g_assert_nonnull (strstr (c->end_reason, expected));
      g_assert_cmpuint (steps->len, ==, 2);
      g_assert_cmpstr (((JzCaseStep *) g_ptr_array_index (steps, 1))->status, ==, "terminated");
    }
  new_cases = jz_case_list_for_household (t->db, successor_id, &error);
  g_assert_cmpuint (new_cases->len, ==, 0);

  /* Audit: the event on the old file names the successor; the new file's
   * first entry names its predecessor. */
  entries = jz_audit_list (t->db, "households", f.household, &error);
  entry = find_entry (entries, "head_death");
  g_assert_nonnull (entry);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("\"successor_id\":%" G_GINT64_FORMAT, successor_id);
  g_assert_nonnull (strstr (entry->new_values, expected));
  g_assert_nonnull (strstr (entry->new_values, "\"cases_ended\":3"));
  assert_no_personal_numbers (entry->new_values);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = jz_audit_list (t->db, "households", successor_id, &error);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->action, ==, "insert");
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("\"predecessor_id\":%" G_GINT64_FORMAT, f.household);
  g_assert_nonnull (strstr (entry->new_values, expected));

  /* The closed file takes no more events; the new one does. */
  g_assert_false (jz_household_move_out (t->db, f.household, f.son, "2024-06-01", NULL, &error));
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_true (jz_household_move_out (t->db, successor_id, son->id, "2024-06-01", NULL, &error));
  g_assert_no_error (error);

  /* The unique rule holds across files: the widow cannot be entered in
   * a third household, and the message names the new file. */
  other = make_household (t, "李秀梅", DAUGHTER_ID);
  elsewhere->household_id = other;
  g_assert_cmpint (jz_household_move_in (t->db, elsewhere, "2024-06-02", &error), ==, 0);
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("No. %" G_GINT64_FORMAT " ", successor_id);
  g_assert_nonnull (strstr (error->message, expected));
}

static void
test_head_death_relations_and_alone (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  Family f = make_family (t);
  JzRelation relations[] = { { 0, "parent" } };
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(JzHousehold) alone = NULL;
  g_autoptr(GError) error = NULL;
  gint64 successor_id = 0, single;
  Counts before;

  /* The son heads the new file: his mother is the clerk's "parent", his
   * son, a grandchild of the dead head, becomes "other" by default. */
  relations[0].person_id = f.spouse;
  g_assert_true (jz_household_record_head_death (t->db, f.household, f.son, relations, 1, "2024-05-10",
                                                 &successor_id, &error));
  g_assert_no_error (error);
  members = jz_household_list_members (t->db, successor_id, TRUE, &error);
  g_assert_cmpuint (members->len, ==, 3);
  for (guint i = 0; i < members->len; i++)
    {
      JzPerson *member = g_ptr_array_index (members, i);

      if (g_strcmp0 (member->id_number, SON_ID) == 0)
        g_assert_cmpstr (member->relation, ==, "head");
      else if (g_strcmp0 (member->id_number, SPOUSE_ID) == 0)
        g_assert_cmpstr (member->relation, ==, "parent");
      else
        g_assert_cmpstr (member->relation, ==, "other");
    }

  /* A head who lived alone: the file closes and nothing continues it. */
  single = make_household (t, "赵磊", STRANGER_ID);
  before = count_all (t);
  g_assert_false (jz_household_record_head_death (t->db, single, f.son, NULL, 0, "2024-05-11", &successor_id, &error));
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT);
  g_clear_error (&error);
  assert_counts_equal (before, count_all (t));

  g_assert_true (jz_household_record_head_death (t->db, single, 0, NULL, 0, "2024-05-11", &successor_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (successor_id, ==, 0);
  g_assert_cmpint (jz_household_get_successor (t->db, single, &error), ==, 0);
  alone = jz_household_get (t->db, single, &error);
  g_assert_cmpstr (alone->status, ==, "closed");
  g_assert_cmpint (jz_db_count_rows (t->db, "households", NULL), ==, before.households);
  g_assert_cmpint (active_with_id (t, STRANGER_ID), ==, 0);
}

/* --- archive -------------------------------------------------------------- */

static void
test_archive_and_undo (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  Family f = make_family (t);
  g_autoptr(JzHousehold) household = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  Counts before;
  gint64 case_id, successor_id = 0, versions;

  /* A suspended case is still a case in progress. */
  case_id = add_case (t, f.household, 0, "dibao_rural", "suspended", 0);
  before = count_all (t);
  versions = version_sum (t);
  g_assert_false (jz_household_archive (t->db, f.household, &error));
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT);
  g_clear_error (&error);
  assert_counts_equal (before, count_all (t));
  g_assert_cmpint (versions, ==, version_sum (t));

  sql = g_strdup_printf ("UPDATE cases SET status = 'terminated' WHERE id = %" G_GINT64_FORMAT, case_id);
  exec_sql (t, sql);

  g_assert_true (jz_household_archive (t->db, f.household, &error));
  g_assert_no_error (error);
  household = jz_household_get (t->db, f.household, &error);
  g_assert_cmpstr (household->status, ==, "archived");
  g_assert_cmpuint (count_members (t, f.household, TRUE), ==, 0);
  g_assert_cmpint (active_with_id (t, HEAD_ID), ==, 0);

  /* Archived twice, or an event in an archived file: refused. */
  g_assert_false (jz_household_archive (t->db, f.household, &error));
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (jz_household_move_out (t->db, f.household, f.son, "2024-03-01", NULL, &error));
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* Undo: the file is open again with its members, as before. */
  g_assert_true (jz_household_unarchive (t->db, f.household, &error));
  g_assert_no_error (error);
  g_clear_pointer (&household, jz_household_free);
  household = jz_household_get (t->db, f.household, &error);
  g_assert_cmpstr (household->status, ==, "open");
  g_assert_null (household->closed_on);
  members = jz_household_list_members (t->db, f.household, TRUE, &error);
  g_assert_cmpuint (members->len, ==, 4);
  for (guint i = 0; i < members->len; i++)
    {
      JzPerson *member = g_ptr_array_index (members, i);

      g_assert_null (member->left_on);
      g_assert_null (member->left_reason);
    }

  entries = jz_audit_list (t->db, "households", f.household, &error);
  g_assert_cmpstr (((JzAuditEntry *) g_ptr_array_index (entries, entries->len - 2))->action, ==, "archive");
  g_assert_cmpstr (((JzAuditEntry *) g_ptr_array_index (entries, entries->len - 2))->new_values, ==,
                   "{\"status\":\"archived\",\"version\":2}");
  g_assert_cmpstr (last_entry (entries)->action, ==, "unarchive");
  g_assert_cmpstr (last_entry (entries)->new_values, ==, "{\"status\":\"open\",\"version\":3}");

  /* A member entered elsewhere while the file was archived keeps the file
   * from coming back. */
  g_assert_true (jz_household_archive (t->db, f.household, &error));
  g_assert_no_error (error);
  make_household (t, "王建国", HEAD_ID);
  before = count_all (t);
  versions = version_sum (t);
  g_assert_false (jz_household_unarchive (t->db, f.household, &error));
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT);
  g_assert_null (strstr (error->message, HEAD_ID));
  g_clear_error (&error);
  assert_counts_equal (before, count_all (t));
  g_assert_cmpint (versions, ==, version_sum (t));
  g_clear_pointer (&household, jz_household_free);
  household = jz_household_get (t->db, f.household, &error);
  g_assert_cmpstr (household->status, ==, "archived");

  /* A closed file goes back to closed, its members stay out. */
  {
    g_autoptr(JzTestDb) t2 = jz_test_db_new ();
    Family g = make_family (t2);
    g_autoptr(JzHousehold) closed = NULL;

    g_assert_true (jz_household_record_head_death (t2->db, g.household, g.spouse, NULL, 0, "2024-05-10", &successor_id, &error));
    g_assert_true (jz_household_archive (t2->db, g.household, &error));
    g_assert_no_error (error);
    g_assert_true (jz_household_unarchive (t2->db, g.household, &error));
    g_assert_no_error (error);
    closed = jz_household_get (t2->db, g.household, &error);
    g_assert_cmpstr (closed->status, ==, "closed");
    g_assert_cmpstr (closed->closed_on, ==, "2024-05-10");
    g_assert_cmpuint (count_members (t2, g.household, TRUE), ==, 0);
    g_assert_cmpuint (count_members (t2, successor_id, TRUE), ==, 3);
  }
}

/* --- bank account --------------------------------------------------------- */

static void
test_reveal_bank_account (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  Family f = make_family (t);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *account = NULL;
  g_autofree char *masked = NULL;
  const char *with_number = "SELECT count(*) FROM audit_log WHERE instr (coalesce (old_values, '') || coalesce (new_values, ''), '" ACCOUNT "') > 0";
  gint64 mentions;
  JzAuditEntry *entry;

  mentions = query_int (t, with_number);
  jz_db_set_user_name (t->db, "clerk-b");
  account = jz_household_reveal_bank_account (t->db, f.household, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (account, ==, ACCOUNT);

  entries = jz_audit_list (t->db, "households", f.household, &error);
  entry = last_entry (entries);
  g_assert_cmpstr (entry->action, ==, "reveal");
  g_assert_cmpstr (entry->user_name, ==, "clerk-b");
  g_assert_null (entry->old_values);
  g_assert_null (entry->new_values);
  g_assert_cmpint (query_int (t, with_number), ==, mentions);

  g_assert_null (jz_household_reveal_bank_account (t->db, 999999, &error));
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  masked = jz_household_mask_account (ACCOUNT);
  g_assert_cmpstr (masked, ==, "**** **** 8901");
  g_clear_pointer (&masked, g_free);
  masked = jz_household_mask_account ("6228 4800 1234");
  g_assert_cmpstr (masked, ==, "**** **** 1234");
  g_clear_pointer (&masked, g_free);
  masked = jz_household_mask_account ("1234");
  g_assert_cmpstr (masked, ==, "****");
  g_clear_pointer (&masked, g_free);
  masked = jz_household_mask_account ("");
  g_assert_cmpstr (masked, ==, "");
  g_clear_pointer (&masked, g_free);
  masked = jz_household_mask_account (NULL);
  g_assert_cmpstr (masked, ==, "");
}

/* --- cases and history ---------------------------------------------------- */

static void
test_case_read_side (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  Family f = make_family (t);
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  JzCase *c;
  gint64 dibao, child;

  dibao = add_case (t, f.household, 0, "dibao_rural", "active", 150000);
  child = add_case (t, f.household, f.grandson, "child_living", "approved", 60000);
  exec_sql (t, "UPDATE cases SET applied_on = '2023-09-01', decided_on = '2023-09-20', starts_on = '2023-10-01' WHERE id = 2");
  /* Steps entered out of order come back by date. */
  sql = g_strdup_printf ("INSERT INTO case_history (case_id, on_date, status, monthly_amount, note, user_name) VALUES "
                         "(%" G_GINT64_FORMAT ", '2024-01-01', 'active', 160000, '提标', 'reviewer'), "
                         "(%" G_GINT64_FORMAT ", '2023-07-01', 'approved', 150000, '', 'reviewer')", dibao, dibao);
  exec_sql (t, sql);

  cases = jz_case_list_for_household (t->db, f.household, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 2);

  /* The latest application first. */
  c = g_ptr_array_index (cases, 0);
  g_assert_cmpint (c->id, ==, child);
  g_assert_cmpstr (c->program, ==, "child_living");
  g_assert_cmpstr (c->program_name_zh, ==, "孤儿/事实无人抚养儿童基本生活费");
  g_assert_cmpstr (c->unit, ==, "person");
  g_assert_cmpint (c->person_id, ==, f.grandson);
  g_assert_cmpstr (c->person_name, ==, "王小宝");
  g_assert_cmpstr (c->person_relation, ==, "grandchild");
  g_assert_cmpstr (c->status, ==, "approved");
  g_assert_cmpstr (c->decided_on, ==, "2023-09-20");
  g_assert_cmpstr (c->starts_on, ==, "2023-10-01");
  g_assert_null (c->ended_on);
  g_assert_cmpint (c->monthly_amount, ==, 60000);

  c = g_ptr_array_index (cases, 1);
  g_assert_cmpint (c->id, ==, dibao);
  g_assert_cmpint (c->person_id, ==, 0);
  g_assert_null (c->person_name);
  g_assert_cmpstr (c->program_name, ==, "Rural minimum living guarantee");
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_assert_cmpstr (jz_case_get_program_label (c), ==, "农村低保");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_assert_cmpstr (jz_case_get_program_label (c), ==, "Rural minimum living guarantee");
  g_unsetenv ("LANGUAGE");

  steps = jz_case_list_history (t->db, dibao, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (steps->len, ==, 3);
  g_assert_cmpstr (((JzCaseStep *) g_ptr_array_index (steps, 0))->on_date, ==, "2023-06-01");
  g_assert_cmpstr (((JzCaseStep *) g_ptr_array_index (steps, 1))->on_date, ==, "2023-07-01");
  g_assert_cmpstr (((JzCaseStep *) g_ptr_array_index (steps, 2))->note, ==, "提标");
  g_assert_cmpint (((JzCaseStep *) g_ptr_array_index (steps, 2))->monthly_amount, ==, 160000);

  g_assert_null (jz_case_get (t->db, 999999, &error));
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (jz_case_status_is_open ("suspended"));
  g_assert_false (jz_case_status_is_open ("withdrawn"));
  g_assert_cmpstr (jz_case_status_label ("nonsense"), ==, "nonsense");
}

static JzHistoryRow *
find_row (GPtrArray  *rows,
          const char *action,
          const char *field)
{
  for (guint i = 0; i < rows->len; i++)
    {
      JzHistoryRow *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (row->action, action) == 0 && g_strcmp0 (row->field, field) == 0)
        return row;
    }

  return NULL;
}

static void
test_history_rows (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  Family f = make_family (t);
  g_autoptr(JzHousehold) household = NULL;
  g_autoptr(JzPerson) son = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *account = NULL;
  JzHistoryRow *row;
  gint64 case_id;

  g_setenv ("LANGUAGE", "en", TRUE);
  case_id = add_case (t, f.household, f.son, "disability_living", "active", 10000);

  household = jz_household_get (t->db, f.household, &error);
  g_free (household->phone);
  household->phone = g_strdup ("13911111111");
  g_free (household->bank_account);
  household->bank_account = g_strdup ("6228480099998888777");
  jz_db_set_user_name (t->db, "clerk-b");
  g_assert_true (jz_household_update (t->db, household, &error));
  g_assert_no_error (error);

  son = jz_person_get (t->db, f.son, &error);
  g_free (son->id_number);
  son->id_number = g_strdup (STRANGER_ID);
  g_free (son->employment);
  son->employment = g_strdup ("employed");
  g_assert_true (jz_person_update (t->db, son, &error));
  g_assert_no_error (error);

  g_assert_true (jz_household_move_out (t->db, f.household, f.son, "2024-03-01", "去青岛务工", &error));
  g_assert_no_error (error);
  account = jz_household_reveal_bank_account (t->db, f.household, &error);
  g_assert_no_error (error);

  rows = jz_household_list_history (t->db, f.household, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, >, 8);

  /* Latest first; no full personal number anywhere; local time to the minute. */
  for (guint i = 0; i < rows->len; i++)
    {
      JzHistoryRow *r = g_ptr_array_index (rows, i);

      if (i > 0)
        g_assert_cmpint (r->audit_id, <=, ((JzHistoryRow *) g_ptr_array_index (rows, i - 1))->audit_id);
      g_assert_cmpuint (strlen (r->at), ==, 16);
      g_assert_true (g_regex_match_simple ("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}$", r->at, 0, 0));
      g_assert_nonnull (r->user_name);
      g_assert_nonnull (r->subject);
      g_assert_nonnull (r->action_label);
      g_assert_nonnull (r->old_value);
      g_assert_nonnull (r->new_value);
      g_assert_true ((r->field == NULL) == (r->field_label == NULL));
      assert_no_personal_numbers (r->subject);
      assert_no_personal_numbers (r->old_value);
      assert_no_personal_numbers (r->new_value);
      assert_no_personal_numbers (r->detail);
      g_assert_null (strstr (r->new_value, "99998888"));
      g_assert_cmpstr (r->field, !=, "version");
    }
  g_assert_cmpstr (((JzHistoryRow *) g_ptr_array_index (rows, 0))->action, ==, "reveal");

  row = find_row (rows, "update", "phone");
  g_assert_nonnull (row);
  g_assert_cmpstr (row->user_name, ==, "clerk-b");
  g_assert_cmpstr (row->subject, ==, "Household file");
  g_assert_cmpstr (row->field_label, ==, "Phone");
  g_assert_cmpstr (row->old_value, ==, "138****0000");
  g_assert_cmpstr (row->new_value, ==, "139****1111");

  row = find_row (rows, "update", "bank_account");
  g_assert_nonnull (row);
  g_assert_cmpstr (row->old_value, ==, "**** **** 8901");
  g_assert_cmpstr (row->new_value, ==, "**** **** 8777");

  row = find_row (rows, "update", "id_number");
  g_assert_nonnull (row);
  g_assert_cmpstr (row->table_name, ==, "persons");
  g_assert_cmpint (row->row_id, ==, f.son);
  g_assert_cmpstr (row->subject, ==, "Child 王强");
  g_assert_cmpstr (row->field_label, ==, "ID number");
  g_assert_cmpstr (row->old_value, ==, "3703**********0133");
  g_assert_cmpstr (row->new_value, ==, "3703**********0373");

  row = find_row (rows, "update", "employment");
  g_assert_nonnull (row);
  g_assert_cmpstr (row->old_value, ==, "None");
  g_assert_cmpstr (row->new_value, ==, "Employed");

  row = find_row (rows, "update", "left_reason");
  g_assert_nonnull (row);
  g_assert_cmpstr (row->old_value, ==, "");
  g_assert_cmpstr (row->new_value, ==, "Moved out");

  row = find_row (rows, "update", "status");
  g_assert_nonnull (row);
  g_assert_cmpstr (row->table_name, ==, "cases");
  g_assert_cmpint (row->row_id, ==, case_id);
  g_assert_cmpstr (row->subject, ==, "Living subsidy for disabled people in need, Child 王强");
  g_assert_cmpstr (row->old_value, ==, "Receiving");
  g_assert_cmpstr (row->new_value, ==, "Terminated");
  row = find_row (rows, "update", "monthly_amount");
  g_assert_cmpstr (row->old_value, ==, "100.00");
  g_assert_cmpstr (row->new_value, ==, "0.00");

  row = find_row (rows, "move_out", NULL);
  g_assert_nonnull (row);
  g_assert_cmpstr (row->action_label, ==, "Moved out");
  g_assert_cmpstr (row->subject, ==, "Child 王强");
  g_assert_nonnull (strstr (row->detail, "2024-03-01"));
  g_assert_nonnull (strstr (row->detail, "去青岛务工"));
  g_assert_nonnull (strstr (row->detail, "1 case ended"));

  row = find_row (rows, "insert", NULL);
  g_assert_nonnull (row);
  row = find_row (rows, "reveal", NULL);
  g_assert_cmpstr (row->action_label, ==, "Bank account number shown");
  g_assert_cmpstr (row->user_name, ==, "clerk-b");

  g_unsetenv ("LANGUAGE");
}

static void
test_history_of_relinked_files (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  Family f = make_family (t);
  g_autoptr(GPtrArray) old_rows = NULL;
  g_autoptr(GPtrArray) new_rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  JzHistoryRow *row;
  gint64 successor_id = 0;

  g_setenv ("LANGUAGE", "en", TRUE);
  g_assert_true (jz_household_record_head_death (t->db, f.household, f.spouse, NULL, 0, "2024-05-10", &successor_id, &error));
  g_assert_no_error (error);

  old_rows = jz_household_list_history (t->db, f.household, &error);
  g_assert_no_error (error);
  row = find_row (old_rows, "head_death", NULL);
  g_assert_nonnull (row);
  g_assert_cmpstr (row->subject, ==, "Head 王建国");
  expected = g_strdup_printf ("Continued in household file No. %" G_GINT64_FORMAT, successor_id);
  g_assert_nonnull (strstr (row->detail, expected));
  row = find_row (old_rows, "update", "status");
  g_assert_cmpstr (row->old_value, ==, "Open");
  g_assert_cmpstr (row->new_value, ==, "Closed");

  new_rows = jz_household_list_history (t->db, successor_id, &error);
  g_assert_no_error (error);
  row = NULL;
  for (guint i = 0; i < new_rows->len; i++)
    if (g_strcmp0 (((JzHistoryRow *) g_ptr_array_index (new_rows, i))->table_name, "households") == 0)
      row = g_ptr_array_index (new_rows, i);
  g_assert_nonnull (row);
  g_assert_cmpstr (row->action, ==, "insert");
  g_assert_cmpstr (row->action_label, ==, "File opened");
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Continues household file No. %" G_GINT64_FORMAT, f.household);
  g_assert_cmpstr (row->detail, ==, expected);
  g_unsetenv ("LANGUAGE");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/household-events/move-out", test_move_out);
  g_test_add_func ("/household-events/move-in", test_move_in);
  g_test_add_func ("/household-events/refusals-change-nothing", test_refusals_change_nothing);
  g_test_add_func ("/household-events/head-change", test_head_change);
  g_test_add_func ("/household-events/member-death", test_member_death);
  g_test_add_func ("/household-events/head-death-relinks", test_head_death_relinks);
  g_test_add_func ("/household-events/head-death-relations-and-alone", test_head_death_relations_and_alone);
  g_test_add_func ("/household-events/archive-and-undo", test_archive_and_undo);
  g_test_add_func ("/household-events/reveal-bank-account", test_reveal_bank_account);
  g_test_add_func ("/case/read-side", test_case_read_side);
  g_test_add_func ("/household-history/rows", test_history_rows);
  g_test_add_func ("/household-history/relinked-files", test_history_of_relinked_files);

  return g_test_run ();
}
