/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "jz-id-number.h"

/* The example of GB 11643-1999 itself. */
#define STANDARD_EXAMPLE "11010519491231002X"

static GDate *
make_date (int year,
           int month,
           int day)
{
  return g_date_new_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/* Completes 17 digits with their check character, so that a test number is
 * wrong only in the part the test is about. */
static char *
complete (const char *first17)
{
  char check;

  g_assert_cmpuint (strlen (first17), ==, 17);
  check = jz_id_number_check_char (first17);
  g_assert_cmpint (check, !=, '\0');

  return g_strdup_printf ("%s%c", first17, check);
}

/* Error messages reach the screen and the logs: they must not carry the
 * number, nor a piece of it longer than a year such as 1900. */
static void
assert_no_digit_run (const char *message)
{
  guint run = 0;

  for (const char *p = message; *p != '\0'; p++)
    {
      run = g_ascii_isdigit (*p) ? run + 1 : 0;
      g_assert_cmpuint (run, <=, 4);
    }
}

static void
assert_parse_fails (const char      *input,
                    const GDate     *today,
                    JzIdNumberError  code)
{
  g_autoptr(GError) error = NULL;
  JzIdNumber id;
  gboolean ok;

  ok = jz_id_number_parse (input, today, &id, &error);
  g_assert_error (error, JZ_ID_NUMBER_ERROR, (gint) code);
  g_assert_false (ok);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
  assert_no_digit_run (error->message);
}

static void
assert_parse_ok (const char  *input,
                 const GDate *today,
                 const char  *expected_number,
                 JzIdNumber  *id)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = jz_id_number_parse (input, today, id, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpstr (id->number, ==, expected_number);
}

static void
test_standard_example (void)
{
  g_autoptr(GDate) today = make_date (2026, 1, 1);
  JzIdNumber id;

  assert_parse_ok (STANDARD_EXAMPLE, today, STANDARD_EXAMPLE, &id);
  g_assert_true (g_date_valid (&id.birth));
  g_assert_cmpint (g_date_get_year (&id.birth), ==, 1949);
  g_assert_cmpint (g_date_get_month (&id.birth), ==, G_DATE_DECEMBER);
  g_assert_cmpint (g_date_get_day (&id.birth), ==, 31);
  g_assert_cmpint (id.sex, ==, 'F');

  /* Today's local date is far after 1949. */
  g_assert_true (jz_id_number_parse (STANDARD_EXAMPLE, NULL, NULL, NULL));
}

static void
test_check_char (void)
{
  /* Values confirmed with python-stdnum's cn.ric.calc_check_digit(). */
  g_assert_cmpint (jz_id_number_check_char ("11010519491231002"), ==, 'X');
  g_assert_cmpint (jz_id_number_check_char ("11010520000229001"), ==, '3');
  g_assert_cmpint (jz_id_number_check_char ("37030219880815003"), ==, '6');
  g_assert_cmpint (jz_id_number_check_char ("37030219880815004"), ==, '4');
  g_assert_cmpint (jz_id_number_check_char ("36042619910101007"), ==, '1');

  /* Only the first 17 characters count, so a full number may be passed. */
  g_assert_cmpint (jz_id_number_check_char (STANDARD_EXAMPLE), ==, 'X');
  g_assert_cmpint (jz_id_number_check_char ("370302198808150030"), ==, '6');

  g_assert_cmpint (jz_id_number_check_char ("1101051949123100"), ==, '\0');
  g_assert_cmpint (jz_id_number_check_char ("1101051949123100A"), ==, '\0');
  g_assert_cmpint (jz_id_number_check_char (""), ==, '\0');
}

static void
test_wrong_check_char (void)
{
  g_autoptr(GDate) today = make_date (2026, 1, 1);

  assert_parse_fails ("110105194912310020", today, JZ_ID_NUMBER_ERROR_CHECK);
  assert_parse_fails ("110105194912310029", today, JZ_ID_NUMBER_ERROR_CHECK);
  assert_parse_fails ("36042619910101007X", today, JZ_ID_NUMBER_ERROR_CHECK);
  /* Two digits swapped, the commonest typing slip. */
  assert_parse_fails ("11010519491213002X", today, JZ_ID_NUMBER_ERROR_CHECK);
  assert_parse_fails ("11010519491231020X", today, JZ_ID_NUMBER_ERROR_CHECK);
}

static void
test_impossible_dates (void)
{
  static const char *const dates[] = {
    "19000230", /* 1900 was not a leap year */
    "19000229",
    "19010229",
    "19900230",
    "19901301",
    "19900001",
    "19900100",
    "19901131",
    "19900431",
    "00000101",
  };
  g_autoptr(GDate) today = make_date (2026, 1, 1);
  JzIdNumber id;

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *first17 = g_strdup_printf ("370302%s001", dates[i]);
      g_autofree char *number = complete (first17);

      assert_parse_fails (number, today, JZ_ID_NUMBER_ERROR_DATE);
    }

  /* A leap day that existed is fine. */
  {
    g_autofree char *number = complete ("37030220000229001");
    assert_parse_ok (number, today, number, &id);
    g_assert_cmpint (g_date_get_month (&id.birth), ==, G_DATE_FEBRUARY);
    g_assert_cmpint (g_date_get_day (&id.birth), ==, 29);
  }
}

static void
test_before_1900 (void)
{
  g_autoptr(GDate) today = make_date (2026, 1, 1);
  g_autofree char *last_day = complete ("11010518991231001");
  g_autofree char *long_ago = complete ("11010508000101001");
  g_autofree char *first_day = complete ("11010519000101001");
  JzIdNumber id;

  assert_parse_fails (last_day, today, JZ_ID_NUMBER_ERROR_DATE);
  assert_parse_fails (long_ago, today, JZ_ID_NUMBER_ERROR_DATE);
  assert_parse_ok (first_day, today, first_day, &id);
  g_assert_cmpint (g_date_get_year (&id.birth), ==, 1900);
}

static void
test_future_birth (void)
{
  g_autofree char *number = complete ("44030620251231001");
  g_autoptr(GDate) before = make_date (2025, 12, 30);
  g_autoptr(GDate) same_day = make_date (2025, 12, 31);
  g_autoptr(GDate) after = make_date (2026, 1, 1);
  JzIdNumber id;

  assert_parse_fails (number, before, JZ_ID_NUMBER_ERROR_DATE);
  /* A baby registered on the day of birth. */
  assert_parse_ok (number, same_day, number, &id);
  assert_parse_ok (number, after, number, &id);
  g_assert_cmpint (id.sex, ==, 'M');
}

static void
test_lowercase_x (void)
{
  g_autoptr(GDate) today = make_date (2026, 1, 1);
  JzIdNumber id;

  assert_parse_ok ("11010519491231002x", today, STANDARD_EXAMPLE, &id);
  /* Only the check character may be an x. */
  assert_parse_fails ("1101051949123100x2", today, JZ_ID_NUMBER_ERROR_FORMAT);
}

static void
test_whitespace_and_full_width (void)
{
  g_autoptr(GDate) today = make_date (2026, 1, 1);
  JzIdNumber id;

  assert_parse_ok ("  11010519491231002X\t\n", today, STANDARD_EXAMPLE, &id);
  assert_parse_ok ("１１０１０５１９４９１２３１００２Ｘ", today, STANDARD_EXAMPLE, &id);
  assert_parse_ok ("１１０１０５１９４９１２３１００２ｘ", today, STANDARD_EXAMPLE, &id);
  /* Mixed widths, and the ideographic space an input method types. */
  assert_parse_ok ("\u3000110105１９４９1231002Ｘ\u3000", today, STANDARD_EXAMPLE, &id);
  g_assert_cmpint (id.sex, ==, 'F');
  g_assert_cmpint (g_date_get_year (&id.birth), ==, 1949);

  /* Blanks inside the number are not grouping the parser guesses at. */
  assert_parse_fails ("110105 1949123100X", today, JZ_ID_NUMBER_ERROR_FORMAT);
  /* Full-width characters count once each. */
  assert_parse_fails ("１１０１０５１９４９１２３１００２", today, JZ_ID_NUMBER_ERROR_LENGTH);
}

static void
test_wrong_length (void)
{
  g_autoptr(GDate) today = make_date (2026, 1, 1);

  assert_parse_fails ("", today, JZ_ID_NUMBER_ERROR_LENGTH);
  assert_parse_fails ("   ", today, JZ_ID_NUMBER_ERROR_LENGTH);
  assert_parse_fails ("1101051949123100", today, JZ_ID_NUMBER_ERROR_LENGTH);
  assert_parse_fails ("11010519491231002", today, JZ_ID_NUMBER_ERROR_LENGTH);
  assert_parse_fails ("11010519491231002X1", today, JZ_ID_NUMBER_ERROR_LENGTH);
  assert_parse_fails ("110105194912310021X", today, JZ_ID_NUMBER_ERROR_LENGTH);
  /* An old number is refused here; jz_id_number_upgrade() converts it. */
  assert_parse_fails ("110105491231002", today, JZ_ID_NUMBER_ERROR_LENGTH);
  /* Length is judged before characters. */
  assert_parse_fails ("ABC", today, JZ_ID_NUMBER_ERROR_LENGTH);
}

static void
test_old_number_message (void)
{
  g_autoptr(GError) old_error = NULL;
  g_autoptr(GError) short_error = NULL;

  /* An old card calls for a different action than a mistyped number of the
   * same length. */
  g_assert_false (jz_id_number_parse ("110105491231002", NULL, NULL, &old_error));
  g_assert_false (jz_id_number_parse ("11010549123100A", NULL, NULL, &short_error));
  g_assert_error (old_error, JZ_ID_NUMBER_ERROR, JZ_ID_NUMBER_ERROR_LENGTH);
  g_assert_error (short_error, JZ_ID_NUMBER_ERROR, JZ_ID_NUMBER_ERROR_LENGTH);
  g_assert_cmpstr (old_error->message, !=, short_error->message);
}

static void
test_wrong_characters (void)
{
  g_autoptr(GDate) today = make_date (2026, 1, 1);

  assert_parse_fails ("110105194912310A2X", today, JZ_ID_NUMBER_ERROR_FORMAT);
  assert_parse_fails ("11O105194912310022", today, JZ_ID_NUMBER_ERROR_FORMAT);
  assert_parse_fails ("X10105194912310022", today, JZ_ID_NUMBER_ERROR_FORMAT);
  assert_parse_fails ("11010519491231002Y", today, JZ_ID_NUMBER_ERROR_FORMAT);
  assert_parse_fails ("1101051949-231002X", today, JZ_ID_NUMBER_ERROR_FORMAT);
  /* 18 characters, one of them not a digit at all. */
  assert_parse_fails ("11010519491231002号", today, JZ_ID_NUMBER_ERROR_FORMAT);
  /* Not UTF-8: a GBK-encoded byte pair pasted from an old system. */
  assert_parse_fails ("1101051949123100\xba\xc5", today, JZ_ID_NUMBER_ERROR_FORMAT);
  /* A multi-byte sequence cut off at the end. */
  assert_parse_fails ("11010519491231002\xe4", today, JZ_ID_NUMBER_ERROR_FORMAT);
}

static void
test_bad_region (void)
{
  static const char *const regions[] = {
    "000000", "001234", "100000", "160101", "200101", "240101", "300101",
    "380101", "400101", "470101", "550101", "600101", "660101", "700101",
    "720101", "800101", "830101", "910101", "990101",
  };
  static const char *const good_regions[] = {
    "110101", "150101", "210101", "230101", "310101", "370302", "410101",
    "460000", "500101", "540101", "610101", "650101", "710000", "810000",
    "820000",
  };
  g_autoptr(GDate) today = make_date (2026, 1, 1);
  JzIdNumber id;

  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    {
      g_autofree char *first17 = g_strdup_printf ("%s19800101001", regions[i]);
      g_autofree char *number = complete (first17);

      assert_parse_fails (number, today, JZ_ID_NUMBER_ERROR_REGION);
    }

  /* Only the province is checked, so a county code that python-stdnum's
   * table lacks, such as 460000, still passes. */
  for (guint i = 0; i < G_N_ELEMENTS (good_regions); i++)
    {
      g_autofree char *first17 = g_strdup_printf ("%s19800101001", good_regions[i]);
      g_autofree char *number = complete (first17);

      assert_parse_ok (number, today, number, &id);
    }
}

static void
test_error_order (void)
{
  g_autoptr(GDate) today = make_date (2026, 1, 1);

  /* Bad region and bad date and bad check character: region is named. */
  assert_parse_fails ("910105199002300010", today, JZ_ID_NUMBER_ERROR_REGION);
  /* Bad date and bad check character: the date is named. */
  assert_parse_fails ("110105199002300010", today, JZ_ID_NUMBER_ERROR_DATE);
}

static void
test_sex (void)
{
  g_autoptr(GDate) today = make_date (2026, 1, 1);
  JzIdNumber id;

  for (guint order = 0; order < 20; order++)
    {
      g_autofree char *first17 = g_strdup_printf ("37030219880815%03u", order);
      g_autofree char *number = complete (first17);

      assert_parse_ok (number, today, number, &id);
      g_assert_cmpint (id.sex, ==, (order % 2 == 1) ? 'M' : 'F');
    }

  assert_parse_ok ("370302198808150036", today, "370302198808150036", &id);
  g_assert_cmpint (id.sex, ==, 'M');
  assert_parse_ok ("370302198808150044", today, "370302198808150044", &id);
  g_assert_cmpint (id.sex, ==, 'F');
}

static guint
age_on (const JzIdNumber *id,
        int               year,
        int               month,
        int               day)
{
  g_autoptr(GDate) at = make_date (year, month, day);

  return jz_id_number_age_at (id, at);
}

static void
test_age (void)
{
  g_autoptr(GDate) today = make_date (2026, 1, 1);
  JzIdNumber id;

  assert_parse_ok (STANDARD_EXAMPLE, today, STANDARD_EXAMPLE, &id);
  g_assert_cmpuint (age_on (&id, 1949, 12, 31), ==, 0);
  g_assert_cmpuint (age_on (&id, 1950, 12, 30), ==, 0);
  g_assert_cmpuint (age_on (&id, 1950, 12, 31), ==, 1);
  g_assert_cmpuint (age_on (&id, 2009, 12, 30), ==, 59);
  g_assert_cmpuint (age_on (&id, 2009, 12, 31), ==, 60);
  g_assert_cmpuint (age_on (&id, 2025, 12, 31), ==, 76);
  g_assert_cmpuint (age_on (&id, 2026, 1, 1), ==, 76);
  g_assert_cmpuint (age_on (&id, 1949, 1, 1), ==, 0);

  /* A birthday after February in a leap year is not moved by a day. */
  {
    g_autofree char *number = complete ("37030219880815003");
    assert_parse_ok (number, today, number, &id);
    g_assert_cmpuint (age_on (&id, 2006, 8, 14), ==, 17);
    g_assert_cmpuint (age_on (&id, 2006, 8, 15), ==, 18);
    g_assert_cmpuint (age_on (&id, 2008, 8, 14), ==, 19);
    g_assert_cmpuint (age_on (&id, 2008, 8, 15), ==, 20);
  }
}

static void
test_age_leap_day (void)
{
  g_autoptr(GDate) today = make_date (2026, 1, 1);
  g_autofree char *number = complete ("11010520000229001");
  JzIdNumber id;

  assert_parse_ok (number, today, number, &id);
  g_assert_cmpuint (age_on (&id, 2000, 2, 29), ==, 0);
  g_assert_cmpuint (age_on (&id, 2001, 2, 28), ==, 0);
  g_assert_cmpuint (age_on (&id, 2001, 3, 1), ==, 1);
  g_assert_cmpuint (age_on (&id, 2004, 2, 28), ==, 3);
  g_assert_cmpuint (age_on (&id, 2004, 2, 29), ==, 4);
  g_assert_cmpuint (age_on (&id, 2018, 2, 28), ==, 17);
  g_assert_cmpuint (age_on (&id, 2018, 3, 1), ==, 18);
  g_assert_cmpuint (age_on (&id, 2060, 2, 29), ==, 60);
}

static void
test_upgrade (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL;
  g_autofree char *spaced = NULL;
  g_autofree char *full_width = NULL;
  JzIdNumber id;

  number = jz_id_number_upgrade ("110105491231002", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (number, ==, STANDARD_EXAMPLE);
  assert_parse_ok (number, NULL, STANDARD_EXAMPLE, &id);

  spaced = jz_id_number_upgrade (" 370302880815003 ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spaced, ==, "370302198808150036");

  full_width = jz_id_number_upgrade ("１１０１０５４９１２３１００２", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (full_width, ==, STANDARD_EXAMPLE);
}

static void
assert_upgrade_fails (const char      *input,
                      JzIdNumberError  code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL;

  number = jz_id_number_upgrade (input, &error);
  g_assert_error (error, JZ_ID_NUMBER_ERROR, (gint) code);
  g_assert_null (number);
  assert_no_digit_run (error->message);
}

static void
test_upgrade_errors (void)
{
  assert_upgrade_fails ("11010549123100", JZ_ID_NUMBER_ERROR_LENGTH);
  assert_upgrade_fails (STANDARD_EXAMPLE, JZ_ID_NUMBER_ERROR_LENGTH);
  /* No check character in the old form, so an X is a wrong character. */
  assert_upgrade_fails ("11010549123100X", JZ_ID_NUMBER_ERROR_FORMAT);
  assert_upgrade_fails ("1101054912A1002", JZ_ID_NUMBER_ERROR_FORMAT);
  assert_upgrade_fails ("910105491231002", JZ_ID_NUMBER_ERROR_REGION);
  assert_upgrade_fails ("110105490230002", JZ_ID_NUMBER_ERROR_DATE);
  assert_upgrade_fails ("110105491301002", JZ_ID_NUMBER_ERROR_DATE);
}

static void
test_mask (void)
{
  struct {
    const char *number;
    guint       head;
    guint       tail;
    const char *expected;
  } cases[] = {
    { "370302198808150036", 4, 2, "3703************36" },
    { STANDARD_EXAMPLE, 4, 2, "1101************2X" },
    { STANDARD_EXAMPLE, 6, 4, "110105********002X" },
    { STANDARD_EXAMPLE, 0, 4, "**************002X" },
    { STANDARD_EXAMPLE, 3, 0, "110***************" },
    { STANDARD_EXAMPLE, 0, 0, "******************" },
    { STANDARD_EXAMPLE, 17, 0, "11010519491231002*" },
    { STANDARD_EXAMPLE, 9, 8, "110105194*1231002X" },
    { STANDARD_EXAMPLE, 9, 9, STANDARD_EXAMPLE },
    { STANDARD_EXAMPLE, 18, 0, STANDARD_EXAMPLE },
    { STANDARD_EXAMPLE, 0, 18, STANDARD_EXAMPLE },
    { STANDARD_EXAMPLE, 20, 20, STANDARD_EXAMPLE },
    { STANDARD_EXAMPLE, G_MAXUINT, G_MAXUINT, STANDARD_EXAMPLE },
    { "110105491231002", 4, 2, "1101*********02" },
    { "", 0, 0, "" },
    /* Characters, not bytes, are hidden. */
    { "一二三四五", 1, 1, "一***五" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *masked = jz_id_number_mask (cases[i].number, cases[i].head, cases[i].tail);

      g_assert_cmpstr (masked, ==, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/id-number/standard-example", test_standard_example);
  g_test_add_func ("/id-number/check-char", test_check_char);
  g_test_add_func ("/id-number/wrong-check-char", test_wrong_check_char);
  g_test_add_func ("/id-number/impossible-dates", test_impossible_dates);
  g_test_add_func ("/id-number/before-1900", test_before_1900);
  g_test_add_func ("/id-number/future-birth", test_future_birth);
  g_test_add_func ("/id-number/lowercase-x", test_lowercase_x);
  g_test_add_func ("/id-number/whitespace-and-full-width", test_whitespace_and_full_width);
  g_test_add_func ("/id-number/wrong-length", test_wrong_length);
  g_test_add_func ("/id-number/old-number-message", test_old_number_message);
  g_test_add_func ("/id-number/wrong-characters", test_wrong_characters);
  g_test_add_func ("/id-number/bad-region", test_bad_region);
  g_test_add_func ("/id-number/error-order", test_error_order);
  g_test_add_func ("/id-number/sex", test_sex);
  g_test_add_func ("/id-number/age", test_age);
  g_test_add_func ("/id-number/age-leap-day", test_age_leap_day);
  g_test_add_func ("/id-number/upgrade", test_upgrade);
  g_test_add_func ("/id-number/upgrade-errors", test_upgrade_errors);
  g_test_add_func ("/id-number/mask", test_mask);

  return g_test_run ();
}
