/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "jz-audit.h"
#include "jz-household.h"
#include "jz-id-number.h"
#include "jz-test-util.h"

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
make_household (JzTestDb   *t,
                const char *head_name,
                const char *head_id)
{
  g_autoptr(JzHousehold) household = jz_household_new ();
  g_autoptr(JzPerson) head = make_person (head_name, head_id, "head");
  g_autoptr(GError) error = NULL;
  gint64 id;

  household->region_id = t->village;
  household->address = g_strdup ("王家庄村3组12号");
  household->phone = g_strdup ("13800000000");
  id = jz_household_create (t->db, household, head, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_create_and_read (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(JzHousehold) household = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GError) error = NULL;
  JzPerson *head;
  gint64 id;

  /* Lowercase x, surrounding blanks: stored normalized. */
  id = make_household (t, "张桂兰", " 11010519491231002x ");
  household = jz_household_get (t->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (household->status, ==, "open");
  g_assert_cmpstr (household->hukou, ==, "rural");
  g_assert_cmpint (household->region_id, ==, t->village);
  g_assert_cmpint (household->version, ==, 1);

  members = jz_household_list_members (t->db, id, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 1);
  head = g_ptr_array_index (members, 0);
  g_assert_cmpint (head->id, ==, household->head_person_id);
  g_assert_cmpstr (head->id_number, ==, "11010519491231002X");
  g_assert_cmpstr (head->birth_date, ==, "1949-12-31");
  g_assert_cmpstr (head->sex, ==, "F");
  g_assert_cmpstr (head->relation, ==, "head");

  /* The audit entry records the person, but not the whole ID number. */
  {
    g_autoptr(GPtrArray) entries = jz_audit_list (t->db, "persons", head->id, &error);
    JzAuditEntry *entry;

    g_assert_no_error (error);
    g_assert_cmpuint (entries->len, ==, 1);
    entry = g_ptr_array_index (entries, 0);
    g_assert_nonnull (strstr (entry->new_values, "\"id_number\":\"1101**********002X\""));
    g_assert_nonnull (strstr (entry->new_values, "\"name\":\"张桂兰\""));
    g_assert_null (strstr (entry->new_values, "11010519491231002X"));
  }
}

static void
test_bad_input_changes_nothing (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(JzHousehold) household = jz_household_new ();
  g_autoptr(JzPerson) head = make_person ("李明", "110105194912310021", "head");
  g_autoptr(GError) error = NULL;

  household->region_id = t->village;
  g_assert_cmpint (jz_household_create (t->db, household, head, &error), ==, 0);
  g_assert_error (error, JZ_ID_NUMBER_ERROR, JZ_ID_NUMBER_ERROR_CHECK);
  /* The message never repeats the number. */
  g_assert_null (strstr (error->message, "110105"));
  g_clear_error (&error);
  g_assert_cmpint (jz_db_count_rows (t->db, "households", NULL), ==, 0);
  g_assert_cmpint (jz_db_count_rows (t->db, "persons", NULL), ==, 0);

  /* A household hangs under a village, not a township. */
  g_free (head->id_number);
  head->id_number = g_strdup ("11010519491231002X");
  household->region_id = t->township;
  g_assert_cmpint (jz_household_create (t->db, household, head, &error), ==, 0);
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT);
  g_assert_cmpint (jz_db_count_rows (t->db, "households", NULL), ==, 0);
  g_assert_cmpint (jz_db_count_rows (t->db, "audit_log", NULL), ==, 3);
}

static void
test_member_of_one_household (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(JzPerson) child = make_person ("王小明", "370302201201010138", "child");
  g_autoptr(JzPerson) again = make_person ("王小明", "370302201201010138", "child");
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  gint64 first, second;

  first = make_household (t, "王建国", "370302198307050133");
  second = make_household (t, "李秀英", "370302198307050248");

  child->household_id = first;
  g_assert_cmpint (jz_person_add (t->db, child, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpstr (child->sex, ==, "M");
  g_assert_cmpstr (child->birth_date, ==, "2012-01-01");

  again->household_id = second;
  g_assert_cmpint (jz_person_add (t->db, again, &error), ==, 0);
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT);
  expected = g_strdup_printf ("No. %" G_GINT64_FORMAT " in 王家庄村", first);
  g_assert_nonnull (strstr (error->message, expected));
  g_clear_error (&error);

  g_assert_cmpint (jz_db_count_rows (t->db, "persons", NULL), ==, 3);

  /* A second head is refused. */
  g_free (again->relation);
  again->relation = g_strdup ("head");
  g_free (again->id_number);
  again->id_number = g_strdup ("370302201201010242");
  g_assert_cmpint (jz_person_add (t->db, again, &error), ==, 0);
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT);
}

static void
test_update_conflict (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(JzDb) other = NULL;
  g_autoptr(JzHousehold) mine = NULL;
  g_autoptr(JzHousehold) theirs = NULL;
  g_autoptr(JzHousehold) saved = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  JzAuditEntry *entry;
  gint64 id;

  id = make_household (t, "王建国", "370302198307050133");
  other = jz_db_open (t->path, JZ_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  jz_db_set_user_name (other, "clerk-b");

  mine = jz_household_get (t->db, id, &error);
  theirs = jz_household_get (other, id, &error);
  g_assert_no_error (error);

  g_free (theirs->phone);
  theirs->phone = g_strdup ("13900000000");
  g_assert_true (jz_household_update (other, theirs, &error));
  g_assert_no_error (error);
  g_assert_cmpint (theirs->version, ==, 2);

  g_free (mine->address);
  mine->address = g_strdup ("王家庄村4组1号");
  g_assert_false (jz_household_update (t->db, mine, &error));
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "clerk-b"));
  g_clear_error (&error);

  saved = jz_household_get (t->db, id, &error);
  g_assert_cmpstr (saved->phone, ==, "13900000000");
  g_assert_cmpstr (saved->address, ==, "王家庄村3组12号");

  entries = jz_audit_list (t->db, "households", id, &error);
  g_assert_cmpuint (entries->len, ==, 2);
  entry = g_ptr_array_index (entries, 1);
  g_assert_cmpstr (entry->user_name, ==, "clerk-b");
  /* Numbers are kept masked in the log. */
  g_assert_cmpstr (entry->old_values, ==, "{\"phone\":\"138****0000\",\"version\":1}");
  g_assert_cmpstr (entry->new_values, ==, "{\"phone\":\"139****0000\",\"version\":2}");
}

static void
test_person_update (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(JzHousehold) household = NULL;
  g_autoptr(JzPerson) head = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  JzAuditEntry *entry;
  gint64 id;

  id = make_household (t, "王建国", "370302198307050133");
  household = jz_household_get (t->db, id, &error);
  head = jz_person_get (t->db, household->head_person_id, &error);
  g_assert_no_error (error);

  head->disability_kind = g_strdup ("limb");
  head->disability_grade = 0;
  g_assert_false (jz_person_update (t->db, head, &error));
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT);
  g_clear_error (&error);

  head->disability_grade = 2;
  head->disability_cert = g_strdup ("37030219830705013342");
  g_assert_true (jz_person_update (t->db, head, &error));
  g_assert_no_error (error);

  entries = jz_audit_list (t->db, "persons", head->id, &error);
  g_assert_cmpuint (entries->len, ==, 2);
  entry = g_ptr_array_index (entries, 1);
  g_assert_nonnull (strstr (entry->old_values, "\"disability_kind\":null"));
  g_assert_nonnull (strstr (entry->new_values, "\"disability_kind\":\"limb\""));
  g_assert_nonnull (strstr (entry->new_values, "\"disability_grade\":2"));
}

static void
test_moved_only_to_a_village (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(JzHousehold) household = NULL;
  g_autoptr(JzHousehold) saved = NULL;
  g_autoptr(GError) error = NULL;
  gint64 other_village, id;

  id = make_household (t, "王建国", "370302198307050133");
  household = jz_household_get (t->db, id, &error);

  household->region_id = t->township;
  g_assert_false (jz_household_update (t->db, household, &error));
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT);
  g_clear_error (&error);

  other_village = jz_region_create (t->db, t->township, "village", "370302101202", "李家洼村", &error);
  g_assert_no_error (error);
  household->region_id = other_village;
  g_assert_true (jz_household_update (t->db, household, &error));
  g_assert_no_error (error);

  saved = jz_household_get (t->db, id, &error);
  g_assert_cmpint (saved->region_id, ==, other_village);
  g_assert_cmpint (saved->version, ==, 2);
}

static void
test_region_rules (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(GPtrArray) children = NULL;
  g_autoptr(GError) error = NULL;

  /* The code's length goes with the level. */
  g_assert_cmpint (jz_region_create (t->db, 0, "district", "370302101201", "某区", &error), ==, 0);
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (jz_region_create (t->db, t->district, "town", "370302101201", "某镇", &error), ==, 0);
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* A village's code starts with its township's. */
  g_assert_cmpint (jz_region_create (t->db, t->township, "village", "370302102201", "某村", &error), ==, 0);
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* A duplicate code, also when the caller does not ask for the error. */
  g_assert_cmpint (jz_region_create (t->db, t->township, "village", "370302101201", "重复村", &error), ==, 0);
  g_assert_error (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (jz_region_create (t->db, t->township, "village", "370302101201", "重复村", NULL), ==, 0);

  children = jz_region_list_children (t->db, t->township, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (children->len, ==, 1);
  g_assert_cmpstr (((JzRegion *) g_ptr_array_index (children, 0))->name, ==, "王家庄村");
  g_clear_pointer (&children, g_ptr_array_unref);

  children = jz_region_list_children (t->db, 0, &error);
  g_assert_cmpuint (children->len, ==, 1);
  g_assert_cmpstr (((JzRegion *) g_ptr_array_index (children, 0))->level, ==, "district");
  g_assert_cmpint (jz_db_count_rows (t->db, "regions", NULL), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/household/create-and-read", test_create_and_read);
  g_test_add_func ("/household/bad-input-changes-nothing", test_bad_input_changes_nothing);
  g_test_add_func ("/household/member-of-one-household", test_member_of_one_household);
  g_test_add_func ("/household/update-conflict", test_update_conflict);
  g_test_add_func ("/household/person-update", test_person_update);
  g_test_add_func ("/household/moved-only-to-a-village", test_moved_only_to_a_village);
  g_test_add_func ("/region/rules", test_region_rules);

  return g_test_run ();
}
