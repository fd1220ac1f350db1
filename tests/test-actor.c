/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The core refuses a household-file change the acting user's role or
 * township does not allow, whatever the window offered. */
#include "config.h"

#include "jz-household.h"
#include "jz-household-archive.h"
#include "jz-household-events.h"
#include "jz-income.h"
#include "jz-office.h"
#include "jz-region.h"
#include "jz-test-util.h"
#include "jz-user.h"

static JzUser *
make_user (JzRole role,
           gint64 township)
{
  JzUser *user = jz_user_new ();

  user->id = 1;
  user->name = g_strdup ("someone");
  user->role = role;
  user->region_id = township;
  user->active = TRUE;
  return user;
}

static gint64
count (JzTestDb   *t,
       const char *table)
{
  g_autoptr(GError) error = NULL;
  gint64 n = jz_db_count_rows (t->db, table, &error);

  g_assert_no_error (error);
  return n;
}

static void
test_actor (void)
{
  g_autoptr(JzTestDb) t = jz_test_db_new ();
  g_autoptr(JzHousehold) household = jz_household_new ();
  g_autoptr(JzHousehold) other = jz_household_new ();
  g_autoptr(JzPerson) head = jz_person_new ();
  g_autoptr(JzPerson) other_head = jz_person_new ();
  g_autoptr(JzUser) own_clerk = make_user (JZ_ROLE_CLERK, t->township);
  g_autoptr(JzUser) reviewer = make_user (JZ_ROLE_REVIEWER, 0);
  g_autoptr(JzUser) leader = make_user (JZ_ROLE_LEADER, 0);
  g_autoptr(JzUser) other_clerk = NULL;
  g_autoptr(JzIncome) income = jz_income_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *account = NULL;
  gint64 other_township, other_village, audit_before;

  other_township = jz_region_create (t->db, t->district, "town", "370302102", "石桥镇", &error);
  other_village = jz_region_create (t->db, other_township, "village", "370302102201", "李家村", &error);
  g_assert_no_error (error);
  other_clerk = make_user (JZ_ROLE_CLERK, other_township);

  /* Nobody acting (single-user mode, the command line): allowed. */
  g_assert_null (jz_user_get_actor (t->db));
  household->region_id = t->village;
  household->bank_account = g_strdup ("6228480000000001234");
  head->name = g_strdup ("王建国");
  head->id_number = g_strdup ("370302198307050133");
  g_assert_cmpint (jz_household_create (t->db, household, head, &error), >, 0);
  g_assert_no_error (error);

  /* The clerk of another township can neither open a file in this
   * township nor change one, a member, an income or an event of it. */
  jz_user_set_actor (t->db, other_clerk);
  audit_before = count (t, "audit_log");
  other->region_id = t->village;
  other_head->name = g_strdup ("李四");
  other_head->id_number = g_strdup ("370302197503120210");
  g_assert_cmpint (jz_household_create (t->db, other, other_head, &error), ==, 0);
  g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_DENIED);
  g_clear_error (&error);

  g_free (household->notes);
  household->notes = g_strdup ("changed");
  g_assert_false (jz_household_update (t->db, household, &error));
  g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_DENIED);
  g_clear_error (&error);

  g_free (head->employment);
  head->employment = g_strdup ("farming");
  g_assert_false (jz_person_update (t->db, head, &error));
  g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_DENIED);
  g_clear_error (&error);

  income->person_id = head->id;
  income->monthly_amount = 50000;
  g_assert_cmpint (jz_income_add (t->db, income, &error), ==, 0);
  g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_DENIED);
  g_clear_error (&error);

  g_assert_false (jz_household_archive (t->db, household->id, &error));
  g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_DENIED);
  g_clear_error (&error);

  account = jz_household_reveal_bank_account (t->db, household->id, &error);
  g_assert_null (account);
  g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_DENIED);
  g_clear_error (&error);

  /* Nothing was written, not even an audit entry. */
  g_assert_cmpint (count (t, "households"), ==, 1);
  g_assert_cmpint (count (t, "incomes"), ==, 0);
  g_assert_cmpint (count (t, "audit_log"), ==, audit_before);

  /* That clerk works in their own township. */
  other->region_id = other_village;
  g_assert_cmpint (jz_household_create (t->db, other, other_head, &error), >, 0);
  g_assert_no_error (error);

  /* The district reviewer decides and the leader reads: neither edits. */
  jz_user_set_actor (t->db, reviewer);
  g_assert_false (jz_household_update (t->db, household, &error));
  g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_DENIED);
  g_clear_error (&error);
  account = jz_household_reveal_bank_account (t->db, household->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (account, ==, "6228480000000001234");
  g_clear_pointer (&account, g_free);

  jz_user_set_actor (t->db, leader);
  g_assert_cmpint (jz_income_add (t->db, income, &error), ==, 0);
  g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_DENIED);
  g_clear_error (&error);

  /* The township's own clerk does it all. */
  jz_user_set_actor (t->db, own_clerk);
  g_assert_true (jz_household_update (t->db, household, &error));
  g_assert_no_error (error);
  g_assert_true (jz_person_update (t->db, head, &error));
  g_assert_no_error (error);
  g_assert_cmpint (jz_income_add (t->db, income, &error), >, 0);
  g_assert_no_error (error);

  /* The office details on notices are the district's to set. */
  g_assert_false (jz_office_set (t->db, JZ_OFFICE_COMPLAINT_PHONE, "0533-1234567", &error));
  g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_DENIED);
  g_clear_error (&error);
  jz_user_set_actor (t->db, reviewer);
  g_assert_true (jz_office_set (t->db, JZ_OFFICE_COMPLAINT_PHONE, "0533-1234567", &error));
  g_assert_no_error (error);

  /* Signed out: back to nobody acting. */
  jz_user_set_actor (t->db, NULL);
  g_assert_null (jz_user_get_actor (t->db));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/actor/household-files", test_actor);
  return g_test_run ();
}
