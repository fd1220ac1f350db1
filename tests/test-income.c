/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "jz-audit.h"
#include "jz-household-events.h"
#include "jz-household-history.h"
#include "jz-household.h"
#include "jz-income.h"
#include "jz-test-util.h"

/* A household of a head and one child, with their ids. */
typedef struct
{
  gint64 household;
  gint64 head;
  gint64 child;
} Family;

static void
make_family (JzTestDb *t,
             Family   *family)
{
  g_autoptr(JzHousehold) household = jz_household_new ();
  g_autoptr(JzPerson) head = jz_person_new ();
  g_autoptr(JzPerson) child = jz_person_new ();
  g_autoptr(GError) error = NULL;

  household->region_id = t->village;
  head->name = g_strdup ("王建国");
  head->id_number = g_strdup ("370302198307050133");
  family->household = jz_household_create (t->db, household, head, &error);
  g_assert_no_error (error);
  family->head = head->id;

  child->household_id = family->household;
  child->name = g_strdup ("王小明");
  child->id_number = g_strdup ("370302201201010138");
  g_free (child->relation);
  child->relation = g_strdup ("child");
  family->child = jz_person_add (t->db, child, &error);
  g_assert_no_error (error);
}

static JzIncome *
make_income (gint64      person_id,
             const char *kind,
             gint64      fen)
{
  JzIncome *income = jz_income_new ();

  income->person_id = person_id;
  g_free (income->kind);
  income->kind = g_strdup (kind);
  income->monthly_amount = fen;
  return income;
}

static JzAuditEntry *
last_entry (JzDb   *db,
            gint64  income_id)
{
  g_autoptr(GPtrArray) entries = jz_audit_list (db, "incomes", income_id, NULL);

  g_assert_nonnull (entries);
  g_assert_cmpuint (entries->len, >, 0);
  return g_ptr_array_steal_index (entries, entries->len - 1);
}

static void
test_add_list_update_remove (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(JzIncome) wage = NULL;
  g_autoptr(JzIncome) pension = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  JzAuditEntry *entry;
  JzIncome *item;
  Family f;

  make_family (t, &f);

  wage = make_income (f.head, "wage", 180000);
  g_assert_cmpint (jz_income_add (t->db, wage, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (wage->version, ==, 1);
  pension = make_income (f.head, "pension", 12050);
  g_assert_cmpint (jz_income_add (t->db, pension, &error), >, 0);
  g_assert_no_error (error);

  /* In the order recorded, as stored. */
  list = jz_income_list_for_person (t->db, f.head, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  item = g_ptr_array_index (list, 0);
  g_assert_cmpint (item->id, ==, wage->id);
  g_assert_cmpint (item->person_id, ==, f.head);
  g_assert_cmpstr (item->kind, ==, "wage");
  g_assert_cmpint (item->monthly_amount, ==, 180000);
  g_assert_cmpint (item->version, ==, 1);
  item = g_ptr_array_index (list, 1);
  g_assert_cmpstr (item->kind, ==, "pension");
  g_assert_cmpint (item->monthly_amount, ==, 12050);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = jz_income_list_for_person (t->db, f.child, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);

  /* The insert is in the log, by the clerk, with the whole row. */
  entries = jz_audit_list (t->db, "incomes", wage->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->action, ==, "insert");
  g_assert_cmpstr (entry->user_name, ==, "clerk-a");
  g_assert_null (entry->old_values);
  g_assert_nonnull (strstr (entry->new_values, "\"kind\":\"wage\""));
  g_assert_nonnull (strstr (entry->new_values, "\"monthly_amount\":180000"));

  /* An update records the changed fields only, old beside new. */
  wage->monthly_amount = 200000;
  g_assert_true (jz_income_update (t->db, wage, &error));
  g_assert_no_error (error);
  g_assert_cmpint (wage->version, ==, 2);
  entry = last_entry (t->db, wage->id);
  g_assert_cmpstr (entry->action, ==, "update");
  g_assert_cmpstr (entry->old_values, ==, "{\"monthly_amount\":180000,\"version\":1}");
  g_assert_cmpstr (entry->new_values, ==, "{\"monthly_amount\":200000,\"version\":2}");
  jz_audit_entry_free (entry);

  g_free (wage->kind);
  wage->kind = g_strdup ("business");
  g_assert_true (jz_income_update (t->db, wage, &error));
  g_assert_no_error (error);
  entry = last_entry (t->db, wage->id);
  g_assert_cmpstr (entry->old_values, ==, "{\"kind\":\"wage\",\"version\":2}");
  g_assert_cmpstr (entry->new_values, ==, "{\"kind\":\"business\",\"version\":3}");
  jz_audit_entry_free (entry);

  /* The person of an item does not move with the caller's copy. */
  wage->person_id = f.child;
  wage->monthly_amount = 210000;
  g_assert_true (jz_income_update (t->db, wage, &error));
  g_assert_no_error (error);
  g_assert_cmpint (wage->person_id, ==, f.head);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = jz_income_list_for_person (t->db, f.child, &error);
  g_assert_cmpuint (list->len, ==, 0);

  /* A removal leaves the row in the log. */
  g_assert_true (jz_income_remove (t->db, pension, &error));
  g_assert_no_error (error);
  entry = last_entry (t->db, pension->id);
  g_assert_cmpstr (entry->action, ==, "delete");
  g_assert_nonnull (strstr (entry->old_values, "\"kind\":\"pension\""));
  g_assert_nonnull (strstr (entry->old_values, "\"monthly_amount\":12050"));
  g_assert_null (entry->new_values);
  jz_audit_entry_free (entry);

  g_clear_pointer (&list, g_ptr_array_unref);
  list = jz_income_list_for_person (t->db, f.head, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((JzIncome *) g_ptr_array_index (list, 0))->monthly_amount, ==, 210000);
  g_assert_cmpint (jz_db_count_rows (t->db, "incomes", NULL), ==, 1);
}

static void
test_conflict (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(JzDb) other = NULL;
  g_autoptr(JzIncome) mine = NULL;
  g_autoptr(JzIncome) stale = NULL;
  g_autoptr(JzIncome) theirs = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n_audit;
  Family f;

  make_family (t, &f);
  mine = make_income (f.child, "transfer", 30000);
  jz_income_add (t->db, mine, &error);
  g_assert_no_error (error);
  stale = jz_income_copy (mine);

  other = jz_db_open (t->path, JZ_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  jz_db_set_user_name (other, "clerk-b");
  list = jz_income_list_for_person (other, f.child, &error);
  g_assert_no_error (error);
  theirs = jz_income_copy (g_ptr_array_index (list, 0));
  theirs->monthly_amount = 35000;
  g_assert_true (jz_income_update (other, theirs, &error));
  g_assert_no_error (error);

  /* The clerk who read it first is told who changed it; nothing is
   * written over the other clerk's amount. */
  n_audit = jz_db_count_rows (t->db, "audit_log", NULL);
  mine->monthly_amount = 40000;
  g_assert_false (jz_income_update (t->db, mine, &error));
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "clerk-b"));
  g_clear_error (&error);
  g_assert_cmpint (mine->version, ==, 1);

  g_assert_false (jz_income_remove (t->db, stale, &error));
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_CONFLICT);
  g_clear_error (&error);

  g_clear_pointer (&list, g_ptr_array_unref);
  list = jz_income_list_for_person (t->db, f.child, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((JzIncome *) g_ptr_array_index (list, 0))->monthly_amount, ==, 35000);
  g_assert_cmpint (((JzIncome *) g_ptr_array_index (list, 0))->version, ==, 2);
  g_assert_cmpint (jz_db_count_rows (t->db, "audit_log", NULL), ==, n_audit);

  /* Removed by the other clerk: a change of the item is a conflict too,
   * naming who removed it. */
  g_assert_true (jz_income_remove (other, theirs, &error));
  g_assert_no_error (error);
  mine->version = 2;
  g_assert_false (jz_income_update (t->db, mine, &error));
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "clerk-b"));
  g_clear_error (&error);
  g_assert_false (jz_income_remove (t->db, mine, &error));
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_CONFLICT);
  g_assert_cmpint (jz_db_count_rows (t->db, "incomes", NULL), ==, 0);
}

static void
assert_nothing_changed (JzTestDb *t,
                        gint64    n_incomes,
                        gint64    n_audit)
{
  g_assert_cmpint (jz_db_count_rows (t->db, "incomes", NULL), ==, n_incomes);
  g_assert_cmpint (jz_db_count_rows (t->db, "audit_log", NULL), ==, n_audit);
}

static void
test_refusals (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(JzIncome) income = NULL;
  g_autoptr(JzIncome) kept = NULL;
  g_autoptr(JzIncome) largest = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GError) error = NULL;
  gint64 n_audit;
  Family f;

  make_family (t, &f);
  kept = make_income (f.child, "farming", 50000);
  jz_income_add (t->db, kept, &error);
  g_assert_no_error (error);
  n_audit = jz_db_count_rows (t->db, "audit_log", NULL);

  /* Negative, or beyond any income: refused with a sentence. */
  income = make_income (f.head, "wage", -1);
  g_assert_cmpint (jz_income_add (t->db, income, &error), ==, 0);
  g_assert_error (error, JZ_INCOME_ERROR, JZ_INCOME_ERROR_AMOUNT);
  g_assert_cmpuint (strlen (error->message), >, 10);
  g_clear_error (&error);
  income->monthly_amount = JZ_INCOME_MAX_FEN + 1;
  g_assert_cmpint (jz_income_add (t->db, income, &error), ==, 0);
  g_assert_error (error, JZ_INCOME_ERROR, JZ_INCOME_ERROR_AMOUNT);
  g_assert_nonnull (strstr (error->message, "1,000,000.00"));
  g_clear_error (&error);
  g_assert_cmpint (income->id, ==, 0);
  assert_nothing_changed (t, 1, n_audit);

  /* An unknown kind, or none. */
  g_free (income->kind);
  income->kind = g_strdup ("lottery");
  income->monthly_amount = 1000;
  g_assert_cmpint (jz_income_add (t->db, income, &error), ==, 0);
  g_assert_error (error, JZ_INCOME_ERROR, JZ_INCOME_ERROR_KIND);
  g_clear_error (&error);
  g_clear_pointer (&income->kind, g_free);
  g_assert_cmpint (jz_income_add (t->db, income, &error), ==, 0);
  g_assert_error (error, JZ_INCOME_ERROR, JZ_INCOME_ERROR_KIND);
  g_clear_error (&error);
  assert_nothing_changed (t, 1, n_audit);

  /* The same on update and the stored item stays as it was. */
  kept->monthly_amount = -500;
  g_assert_false (jz_income_update (t->db, kept, &error));
  g_assert_error (error, JZ_INCOME_ERROR, JZ_INCOME_ERROR_AMOUNT);
  g_clear_error (&error);
  kept->monthly_amount = 60000;
  g_free (kept->kind);
  kept->kind = g_strdup ("salary");
  g_assert_false (jz_income_update (t->db, kept, &error));
  g_assert_error (error, JZ_INCOME_ERROR, JZ_INCOME_ERROR_KIND);
  g_clear_error (&error);
  g_assert_cmpint (kept->version, ==, 1);
  assert_nothing_changed (t, 1, n_audit);
  list = jz_income_list_for_person (t->db, f.child, &error);
  g_assert_cmpint (((JzIncome *) g_ptr_array_index (list, 0))->monthly_amount, ==, 50000);
  g_assert_cmpstr (((JzIncome *) g_ptr_array_index (list, 0))->kind, ==, "farming");
  g_free (kept->kind);
  kept->kind = g_strdup ("farming");

  /* Someone who is in no household. */
  income->person_id = 9999;
  income->kind = g_strdup ("wage");
  g_assert_cmpint (jz_income_add (t->db, income, &error), ==, 0);
  g_assert_error (error, JZ_INCOME_ERROR, JZ_INCOME_ERROR_NOT_MEMBER);
  g_clear_error (&error);
  assert_nothing_changed (t, 1, n_audit);

  /* The limit itself and nothing at all are amounts. */
  largest = make_income (f.head, "property", JZ_INCOME_MAX_FEN);
  g_assert_cmpint (jz_income_add (t->db, largest, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (jz_income_remove (t->db, largest, &error));
  g_assert_no_error (error);
  largest->monthly_amount = 0;
  g_assert_cmpint (jz_income_add (t->db, largest, &error), >, 0);
  g_assert_no_error (error);
  n_audit = jz_db_count_rows (t->db, "audit_log", NULL);

  /* A member who moved out: their items are history, not to be edited. */
  jz_household_move_out (t->db, f.household, f.child, today, NULL, &error);
  g_assert_no_error (error);
  n_audit = jz_db_count_rows (t->db, "audit_log", NULL);
  income->person_id = f.child;
  g_assert_cmpint (jz_income_add (t->db, income, &error), ==, 0);
  g_assert_error (error, JZ_INCOME_ERROR, JZ_INCOME_ERROR_NOT_MEMBER);
  g_clear_error (&error);
  kept->monthly_amount = 60000;
  g_assert_false (jz_income_update (t->db, kept, &error));
  g_assert_error (error, JZ_INCOME_ERROR, JZ_INCOME_ERROR_NOT_MEMBER);
  g_clear_error (&error);
  g_assert_false (jz_income_remove (t->db, kept, &error));
  g_assert_error (error, JZ_INCOME_ERROR, JZ_INCOME_ERROR_NOT_MEMBER);
  g_clear_error (&error);
  assert_nothing_changed (t, 2, n_audit);
}

typedef struct
{
  JzPerson *person;
  JzIncome *income;
  JzIncome *bad;
} NestedData;

/* A member and an income in one transaction, as the member form saves. */
static gboolean
nested_cb (JzDb     *db,
           gpointer  user_data,
           GError  **error)
{
  NestedData *data = user_data;

  return jz_person_update (db, data->person, error) &&
         jz_income_add (db, data->income, error) != 0 &&
         (data->bad == NULL || jz_income_add (db, data->bad, error) != 0);
}

static void
test_nested_in_one_transaction (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(JzPerson) person = NULL;
  g_autoptr(JzPerson) after = NULL;
  g_autoptr(JzIncome) income = NULL;
  g_autoptr(JzIncome) bad = NULL;
  g_autoptr(GError) error = NULL;
  NestedData data;
  gint64 n_audit;
  Family f;

  make_family (t, &f);
  person = jz_person_get (t->db, f.head, &error);
  g_assert_no_error (error);
  n_audit = jz_db_count_rows (t->db, "audit_log", NULL);

  /* One refused item takes the member's change back with it. */
  person->severe_illness = g_strdup ("尿毒症");
  income = make_income (f.head, "wage", 100000);
  bad = make_income (f.head, "wage", -5);
  data = (NestedData) { person, income, bad };
  g_assert_false (jz_db_write (t->db, nested_cb, &data, &error));
  g_assert_error (error, JZ_INCOME_ERROR, JZ_INCOME_ERROR_AMOUNT);
  g_clear_error (&error);
  after = jz_person_get (t->db, f.head, &error);
  g_assert_null (after->severe_illness);
  g_assert_cmpint (after->version, ==, 1);
  assert_nothing_changed (t, 0, n_audit);

  /* Without it, both are saved. */
  person->version = 1;
  data.bad = NULL;
  g_assert_true (jz_db_write (t->db, nested_cb, &data, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, jz_person_free);
  after = jz_person_get (t->db, f.head, &error);
  g_assert_cmpstr (after->severe_illness, ==, "尿毒症");
  assert_nothing_changed (t, 1, n_audit + 2);
}

static void
test_totals (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(JzPerson) third = jz_person_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GError) error = NULL;
  gint64 total = -1;
  guint n_members = 0;
  Family f;

  make_family (t, &f);

  /* Nothing recorded yet. */
  g_assert_true (jz_income_household_total (t->db, f.household, &total, &n_members, &error));
  g_assert_no_error (error);
  g_assert_cmpint (total, ==, 0);
  g_assert_cmpuint (n_members, ==, 2);
  g_assert_true (jz_income_person_total (t->db, f.head, &total, &error));
  g_assert_cmpint (total, ==, 0);

  third->household_id = f.household;
  third->name = g_strdup ("李秀英");
  third->id_number = g_strdup ("370302198307050248");
  g_free (third->relation);
  third->relation = g_strdup ("spouse");
  jz_person_add (t->db, third, &error);
  g_assert_no_error (error);

  {
    g_autoptr(JzIncome) a = make_income (f.head, "wage", 150000);
    g_autoptr(JzIncome) b = make_income (f.head, "farming", 50001);
    g_autoptr(JzIncome) c = make_income (third->id, "pension", 0);
    g_autoptr(JzIncome) d = make_income (f.child, "transfer", 30000);

    jz_income_add (t->db, a, &error);
    jz_income_add (t->db, b, &error);
    jz_income_add (t->db, c, &error);
    jz_income_add (t->db, d, &error);
    g_assert_no_error (error);
  }

  g_assert_true (jz_income_person_total (t->db, f.head, &total, &error));
  g_assert_cmpint (total, ==, 200001);
  g_assert_true (jz_income_person_total (t->db, third->id, &total, &error));
  g_assert_cmpint (total, ==, 0);

  /* 230001 fen among three: 76667 fen each, the third of a fen dropped. */
  g_assert_true (jz_income_household_total (t->db, f.household, &total, &n_members, &error));
  g_assert_no_error (error);
  g_assert_cmpint (total, ==, 230001);
  g_assert_cmpuint (n_members, ==, 3);
  g_assert_cmpint (jz_income_per_person (total, n_members), ==, 76667);

  /* A member who moved out counts no more, neither income nor head. */
  jz_household_move_out (t->db, f.household, f.child, today, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (jz_income_household_total (t->db, f.household, &total, NULL, &error));
  g_assert_cmpint (total, ==, 200001);
  g_assert_true (jz_income_household_total (t->db, f.household, &total, &n_members, &error));
  g_assert_cmpuint (n_members, ==, 2);
  g_assert_cmpint (jz_income_per_person (total, n_members), ==, 100000);

  /* Rounded down, never up; no members, no division. */
  g_assert_cmpint (jz_income_per_person (200, 3), ==, 66);
  g_assert_cmpint (jz_income_per_person (2, 3), ==, 0);
  g_assert_cmpint (jz_income_per_person (300, 3), ==, 100);
  g_assert_cmpint (jz_income_per_person (12345, 0), ==, 0);
  g_assert_cmpint (jz_income_per_person (JZ_INCOME_MAX_FEN * 10, 7), ==, 142857142);

  /* A household unknown has nothing. */
  g_assert_true (jz_income_household_total (t->db, 4242, &total, &n_members, &error));
  g_assert_cmpint (total, ==, 0);
  g_assert_cmpuint (n_members, ==, 0);
}

static void
test_kinds (void)
{
  const char * const *kinds = jz_income_kinds ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_strv_length ((char **) kinds), ==, 7);
  g_assert_cmpstr (kinds[0], ==, "wage");
  g_assert_cmpstr (kinds[6], ==, "other");

  /* Each has a name of its own; the table's CHECK takes each. */
  for (guint i = 0; kinds[i] != NULL; i++)
    {
      g_assert_true (jz_income_check_kind (kinds[i], &error));
      g_assert_no_error (error);
      g_assert_cmpstr (jz_income_kind_label (kinds[i]), !=, kinds[i]);
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (jz_income_kind_label (kinds[i]), !=, jz_income_kind_label (kinds[j]));
    }
  g_assert_cmpstr (jz_income_kind_label ("wage"), ==, "Wages");
  g_assert_cmpstr (jz_income_kind_label ("transfer"), ==, "Transfers");
  g_assert_cmpstr (jz_income_kind_label ("lottery"), ==, "lottery");

  g_assert_false (jz_income_check_kind ("Wage", &error));
  g_assert_error (error, JZ_INCOME_ERROR, JZ_INCOME_ERROR_KIND);
  g_clear_error (&error);
  g_assert_true (jz_income_check_amount (0, NULL));
  g_assert_true (jz_income_check_amount (JZ_INCOME_MAX_FEN, NULL));
  g_assert_false (jz_income_check_amount (JZ_INCOME_MAX_FEN + 1, NULL));
  g_assert_false (jz_income_check_amount (-1, NULL));
}

static void
test_kinds_match_schema (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(GError) error = NULL;
  const char * const *kinds = jz_income_kinds ();
  Family f;

  make_family (t, &f);

  /* Every kind the form offers is one the table takes. */
  for (guint i = 0; kinds[i] != NULL; i++)
    {
      g_autoptr(JzIncome) income = make_income (f.head, kinds[i], 100 * (i + 1));

      g_assert_cmpint (jz_income_add (t->db, income, &error), >, 0);
      g_assert_no_error (error);
    }
  g_assert_cmpint (jz_db_count_rows (t->db, "incomes", NULL), ==, 7);
}

/* The lines of @rows about the income row @income_id, their subjects
 * checked against @subject. */
static guint
count_income_rows (GPtrArray  *rows,
                   gint64      income_id,
                   const char *subject)
{
  guint n = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      JzHistoryRow *row = g_ptr_array_index (rows, i);

      g_assert_cmpstr (row->subject, !=, "incomes");
      if (g_strcmp0 (row->table_name, "incomes") != 0 || row->row_id != income_id)
        continue;

      g_assert_cmpstr (row->subject, ==, subject);
      n++;
    }

  return n;
}

static void
test_history_of_removed_income (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(JzIncome) kept = NULL;
  g_autoptr(JzIncome) gone = NULL;
  g_autoptr(JzIncome) reused = NULL;
  g_autoptr(JzHousehold) other = jz_household_new ();
  g_autoptr(JzPerson) other_head = jz_person_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) other_rows = NULL;
  g_autoptr(GError) error = NULL;
  gint64 other_id;
  gint64 gone_id;
  gboolean seen_delete = FALSE;
  Family f;

  g_setenv ("LANGUAGE", "en", TRUE);
  make_family (t, &f);

  kept = make_income (f.head, "pension", 12050);
  g_assert_cmpint (jz_income_add (t->db, kept, &error), >, 0);
  gone = make_income (f.child, "wage", 180000);
  gone_id = jz_income_add (t->db, gone, &error);
  g_assert_no_error (error);
  gone->monthly_amount = 190000;
  g_assert_true (jz_income_update (t->db, gone, &error));
  g_assert_true (jz_income_remove (t->db, gone, &error));
  g_assert_no_error (error);

  /* The latest income removed, its id is not given to the next one
   * added (here in another household, whose entries must not become
   * ours): the audit log names rows by id. */
  other->region_id = t->village;
  other_head->name = g_strdup ("李四");
  other_head->id_number = g_strdup ("370302197503120210");
  other_id = jz_household_create (t->db, other, other_head, &error);
  g_assert_no_error (error);
  reused = make_income (other_head->id, "farming", 5000);
  g_assert_cmpint (jz_income_add (t->db, reused, &error), >, gone_id);

  rows = jz_household_list_history (t->db, f.household, &error);
  g_assert_no_error (error);

  /* Added, changed and removed, each named by the member as when it was there. */
  g_assert_cmpuint (count_income_rows (rows, gone_id, "Income of Child 王小明"), ==, 3);
  g_assert_cmpuint (count_income_rows (rows, kept->id, "Income of Head 王建国"), ==, 1);
  for (guint i = 0; i < rows->len; i++)
    {
      JzHistoryRow *row = g_ptr_array_index (rows, i);

      if (row->row_id != gone_id || g_strcmp0 (row->table_name, "incomes") != 0)
        continue;
      g_assert_cmpstr (row->user_name, ==, "clerk-a");
      if (g_strcmp0 (row->action, "update") == 0)
        {
          g_assert_cmpstr (row->field, ==, "monthly_amount");
          g_assert_cmpstr (row->old_value, ==, "1,800.00");
          g_assert_cmpstr (row->new_value, ==, "1,900.00");
        }
      if (g_strcmp0 (row->action, "delete") == 0)
        {
          g_assert_cmpstr (row->action_label, ==, "Removed");
          g_assert_false (seen_delete);
          seen_delete = TRUE;
        }
    }
  g_assert_true (seen_delete);

  /* The other household sees its own income only, under its own member. */
  other_rows = jz_household_list_history (t->db, other_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_income_rows (other_rows, reused->id, "Income of Head 李四"), ==, 1);
  g_assert_cmpuint (count_income_rows (other_rows, gone_id, "Income of Head 李四"), ==, 0);

  g_unsetenv ("LANGUAGE");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/income/add-list-update-remove", test_add_list_update_remove);
  g_test_add_func ("/income/conflict", test_conflict);
  g_test_add_func ("/income/refusals-change-nothing", test_refusals);
  g_test_add_func ("/income/nested-in-one-transaction", test_nested_in_one_transaction);
  g_test_add_func ("/income/totals", test_totals);
  g_test_add_func ("/income/kinds", test_kinds);
  g_test_add_func ("/income/kinds-match-schema", test_kinds_match_schema);
  g_test_add_func ("/income/history-of-removed-income", test_history_of_removed_income);

  return g_test_run ();
}
