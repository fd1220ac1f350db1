/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib.h>

#include "jz-money.h"

#define BIG G_GINT64_CONSTANT (10000000000000) /* 10^13 fen */

typedef struct
{
  const char *text;
  gint64      fen;
} ParseCase;

typedef struct
{
  const char   *text;
  JzMoneyError  code;
} RefuseCase;

typedef struct
{
  gint64      fen;
  const char *text;
} FormatCase;

static const ParseCase accepted[] = {
  /* plain digits and decimals */
  { "1234", 123400 },
  { "1234.5", 123450 },
  { "1234.50", 123450 },
  { "1234.05", 123405 },
  { "0", 0 },
  { "0.01", 1 },
  { "0.1", 10 },
  { "007", 700 },
  { "00.50", 50 },
  /* a bare point on either side */
  { ".5", 50 },
  { ".05", 5 },
  { "5.", 500 },
  { "-.5", -50 },
  /* thousands separators */
  { "1,234", 123400 },
  { "1,234.50", 123450 },
  { "12,345", 1234500 },
  { "123,456", 12345600 },
  { "1,234,567.89", 123456789 },
  { "100,000,000,000.00", BIG },
  /* currency marks */
  { "1234.5元", 123450 },
  { "1234.5 元", 123450 },
  { "¥1234", 123400 },
  { "¥ 1234", 123400 },
  { "￥1,234.00", 123400 },
  { "RMB 12", 1200 },
  { "RMB12", 1200 },
  { "rmb 12.5", 1250 },
  { "CNY 1,000", 100000 },
  { "12.30 CNY", 1230 },
  { "12 RMB", 1200 },
  { "人民币1234", 123400 },
  { "人民币 1,234.56", 123456 },
  /* full width, as typed with a Chinese input method */
  { "１２３４", 123400 },
  { "１２３４．５", 123450 },
  { "１，２３４．５６", 123456 },
  { "1，234", 123400 },
  { "１２３４元", 123400 },
  { "ＲＭＢ１２", 1200 },
  { "－１２", -1200 },
  /* white space around */
  { "  1234  ", 123400 },
  { "\t1234.5\n", 123450 },
  { "\xe3\x80\x80" "1234" "\xe3\x80\x80", 123400 },   /* ideographic space */
  { "\xc2\xa0" "12", 1200 },                           /* no-break space */
  { "\xef\xbb\xbf" "12", 1200 },                       /* BOM from a CSV file */
  /* negative amounts */
  { "-12", -1200 },
  { "-12.00", -1200 },
  { "-1,234.5", -123450 },
  { "-¥12", -1200 },
  { "¥-12", -1200 },
  { "- 12", -1200 },
  { "-12元", -1200 },
  { "RMB -12", -1200 },
  { "\xe2\x88\x92" "12", -1200 },                      /* U+2212 minus sign */
  { "-0", 0 },
  { "-0.00", 0 },
  /* the limits */
  { "100000000000", BIG },
  { "-100000000000.00", -BIG },
  { "99999999999.99", BIG - 1 },
  { "0000000000000000000000012", 1200 },
};

static const RefuseCase refused[] = {
  /* empty */
  { "", JZ_MONEY_ERROR_EMPTY },
  { "   ", JZ_MONEY_ERROR_EMPTY },
  { "\xe3\x80\x80", JZ_MONEY_ERROR_EMPTY },
  { "\t\n", JZ_MONEY_ERROR_EMPTY },
  /* precision */
  { "1.234", JZ_MONEY_ERROR_PRECISION },
  { "0.001", JZ_MONEY_ERROR_PRECISION },
  { "12.500", JZ_MONEY_ERROR_PRECISION },
  { "1,234.567", JZ_MONEY_ERROR_PRECISION },
  { ".123", JZ_MONEY_ERROR_PRECISION },
  /* commas that are not thousands separators */
  { "1,23", JZ_MONEY_ERROR_AMBIGUOUS },
  { "12,34,567", JZ_MONEY_ERROR_AMBIGUOUS },
  { "12,5", JZ_MONEY_ERROR_AMBIGUOUS },
  { "12,50", JZ_MONEY_ERROR_AMBIGUOUS },
  { "0,123", JZ_MONEY_ERROR_AMBIGUOUS },
  { "0,123,456", JZ_MONEY_ERROR_AMBIGUOUS },
  { "01,234", JZ_MONEY_ERROR_AMBIGUOUS },
  { "1234,567", JZ_MONEY_ERROR_AMBIGUOUS },
  { "1,2345", JZ_MONEY_ERROR_AMBIGUOUS },
  { "1,234,56", JZ_MONEY_ERROR_AMBIGUOUS },
  { ",123", JZ_MONEY_ERROR_AMBIGUOUS },
  { "1,,234", JZ_MONEY_ERROR_AMBIGUOUS },
  { "123,", JZ_MONEY_ERROR_AMBIGUOUS },
  { "1.234,56", JZ_MONEY_ERROR_AMBIGUOUS },
  { "1,23.45", JZ_MONEY_ERROR_AMBIGUOUS },
  { "１２，５", JZ_MONEY_ERROR_AMBIGUOUS },
  /* decimal points */
  { "1.2.3", JZ_MONEY_ERROR_INVALID },
  { "1..5", JZ_MONEY_ERROR_INVALID },
  { "1.234.567", JZ_MONEY_ERROR_INVALID },
  { ".", JZ_MONEY_ERROR_INVALID },
  /* letters and other characters */
  { "12a", JZ_MONEY_ERROR_INVALID },
  { "abc", JZ_MONEY_ERROR_INVALID },
  { "1e5", JZ_MONEY_ERROR_INVALID },
  { "0x10", JZ_MONEY_ERROR_INVALID },
  { "RMBX 12", JZ_MONEY_ERROR_INVALID },
  { "12块", JZ_MONEY_ERROR_INVALID },
  { "12元5角", JZ_MONEY_ERROR_INVALID },
  { "壹佰元", JZ_MONEY_ERROR_INVALID },
  { "$12", JZ_MONEY_ERROR_INVALID },
  { "12%", JZ_MONEY_ERROR_INVALID },
  { "12。5", JZ_MONEY_ERROR_INVALID },
  { "\x01" "12", JZ_MONEY_ERROR_INVALID },
  { "\xff" "12", JZ_MONEY_ERROR_INVALID },           /* not UTF-8 */
  /* several currency marks */
  { "¥¥12", JZ_MONEY_ERROR_INVALID },
  { "¥12元", JZ_MONEY_ERROR_INVALID },
  { "RMB ¥12", JZ_MONEY_ERROR_INVALID },
  { "人民币1234元", JZ_MONEY_ERROR_INVALID },
  { "12元元", JZ_MONEY_ERROR_INVALID },
  /* no digits, or signs and marks out of place */
  { "¥", JZ_MONEY_ERROR_INVALID },
  { "-", JZ_MONEY_ERROR_INVALID },
  { "元", JZ_MONEY_ERROR_INVALID },
  { "+12", JZ_MONEY_ERROR_INVALID },
  { "(12)", JZ_MONEY_ERROR_INVALID },
  { "12-", JZ_MONEY_ERROR_INVALID },
  { "--12", JZ_MONEY_ERROR_INVALID },
  { "-¥-12", JZ_MONEY_ERROR_INVALID },
  { "12¥", JZ_MONEY_ERROR_INVALID },
  { "元12", JZ_MONEY_ERROR_INVALID },
  { "12元-", JZ_MONEY_ERROR_INVALID },
  { "1 234", JZ_MONEY_ERROR_INVALID },
  { "12-5", JZ_MONEY_ERROR_INVALID },
  { "1 2 3 4 5 6 7 8 9", JZ_MONEY_ERROR_INVALID },
  /* range */
  { "100000000000.01", JZ_MONEY_ERROR_RANGE },
  { "-100000000000.01", JZ_MONEY_ERROR_RANGE },
  { "100,000,000,001", JZ_MONEY_ERROR_RANGE },
  { "370102199001011234", JZ_MONEY_ERROR_RANGE },    /* an ID number in the wrong field */
  { "99999999999999999999999999999999", JZ_MONEY_ERROR_RANGE },
};

static const FormatCase formatted[] = {
  { 0, "0.00" },
  { 1, "0.01" },
  { 50, "0.50" },
  { -5, "-0.05" },
  { 100, "1.00" },
  { 99999, "999.99" },
  { 100000, "1,000.00" },
  { 123450, "1,234.50" },
  { -1200, "-12.00" },
  { -123456789, "-1,234,567.89" },
  { 12345678900, "123,456,789.00" },
  { BIG, "100,000,000,000.00" },
  { G_MAXINT64, "92,233,720,368,547,758.07" },
  { G_MININT64, "-92,233,720,368,547,758.08" },
};

static const FormatCase capitals[] = {
  /* 零 and 整 at the small end */
  { 0, "零元整" },
  { 1, "壹分" },
  { 5, "伍分" },
  { 10, "壹角整" },
  { 50, "伍角整" },
  { 56, "伍角陆分" },
  { 100, "壹元整" },
  { 110, "壹元壹角整" },
  { 101, "壹元零壹分" },
  /* the cases of the brief */
  { 123450, "壹仟贰佰叁拾肆元伍角整" },
  { 10000, "壹佰元整" },
  { 100100, "壹仟零壹元整" },
  { 1005000, "壹万零伍拾元整" },
  { 10000000, "壹拾万元整" },
  { 10005, "壹佰元零伍分" },
  { G_GINT64_CONSTANT (10000000100), "壹亿零壹元整" },
  { 1001000000, "壹仟零壹万元整" },
  /* the examples of the People's Bank rules */
  { 140950, "壹仟肆佰零玖元伍角整" },
  { 600714, "陆仟零柒元壹角肆分" },
  { 168032, "壹仟陆佰捌拾元零叁角贰分" },
  { 10700053, "壹拾万零柒仟元零伍角叁分" },
  { 1640902, "壹万陆仟肆佰零玖元零贰分" },
  { 32504, "叁佰贰拾伍元零肆分" },
  /* tens and the leading 壹 */
  { 1000, "壹拾元整" },
  { 1500, "壹拾伍元整" },
  { 2000, "贰拾元整" },
  { 11000000, "壹拾壹万元整" },
  { 10050, "壹佰元零伍角整" },
  { 101010, "壹仟零壹拾元零壹角整" },
  /* runs of zeros inside and across 万 and 亿 */
  { 3000003, "叁万元零叁分" },
  { 10010000, "壹拾万零壹佰元整" },
  { 100100000, "壹佰万零壹仟元整" },
  { 1000100000, "壹仟万零壹仟元整" },
  { 2000000000, "贰仟万元整" },
  { G_GINT64_CONSTANT (10000000000), "壹亿元整" },
  { G_GINT64_CONSTANT (10001000000), "壹亿零壹万元整" },
  { G_GINT64_CONSTANT (12345678912), "壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元壹角贰分" },
  { G_GINT64_CONSTANT (50000060000), "伍亿零陆佰元整" },
  { G_GINT64_CONSTANT (100000000000), "壹拾亿元整" },
  { BIG, "壹仟亿元整" },
  { BIG - 1, "玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分" },
  /* beyond what jz_money_parse() accepts, 亿 nests as spoken */
  { G_GINT64_CONSTANT (100000000000000), "壹万亿元整" },
  { G_GINT64_CONSTANT (100050000000000), "壹万零伍亿元整" },
  { G_GINT64_CONSTANT (1000000000000000000), "壹亿亿元整" },
  { G_MAXINT64, "玖亿贰仟贰佰叁拾叁万柒仟贰佰零叁亿陆仟捌佰伍拾肆万柒仟柒佰伍拾捌元零柒分" },
  /* negative amounts */
  { -10000, "负壹佰元整" },
  { -56, "负伍角陆分" },
  { -123450, "负壹仟贰佰叁拾肆元伍角整" },
  { G_MININT64, "负玖亿贰仟贰佰叁拾叁万柒仟贰佰零叁亿陆仟捌佰伍拾肆万柒仟柒佰伍拾捌元零捌分" },
};

static void
test_parse_accepted (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 fen = G_MININT64;

      if (!jz_money_parse (accepted[i].text, &fen, &error))
        g_error ("“%s” was refused: %s", accepted[i].text, error->message);

      g_assert_no_error (error);
      if (fen != accepted[i].fen)
        g_error ("“%s” gave %" G_GINT64_FORMAT " fen, expected %" G_GINT64_FORMAT,
                 accepted[i].text, fen, accepted[i].fen);
    }
}

static void
test_parse_refused (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 fen = 4242;
      gboolean ok;

      ok = jz_money_parse (refused[i].text, &fen, &error);

      if (ok)
        g_error ("“%s” was accepted as %" G_GINT64_FORMAT " fen", refused[i].text, fen);
      if (error == NULL || error->domain != JZ_MONEY_ERROR || error->code != (int) refused[i].code)
        g_error ("“%s” gave error code %d, expected %d",
                 refused[i].text, error != NULL ? error->code : -1, refused[i].code);

      g_assert_error (error, JZ_MONEY_ERROR, (int) refused[i].code);
      g_assert_nonnull (error->message);
      g_assert_true (g_str_has_suffix (error->message, "."));
      /* The output is left alone so that a form keeps the last good value. */
      g_assert_cmpint (fen, ==, 4242);
    }
}

static void
test_parse_null (void)
{
  g_autoptr(GError) error = NULL;
  gint64 fen = 7;

  g_assert_false (jz_money_parse (NULL, &fen, &error));
  g_assert_error (error, JZ_MONEY_ERROR, JZ_MONEY_ERROR_EMPTY);
  g_assert_cmpint (fen, ==, 7);
}

static void
test_parse_without_error (void)
{
  gint64 fen = 0;

  /* A caller may only want a yes or no. */
  g_assert_false (jz_money_parse ("1.234", &fen, NULL));
  g_assert_true (jz_money_parse ("1.23", &fen, NULL));
  g_assert_cmpint (fen, ==, 123);
}

static void
test_format (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (formatted); i++)
    {
      g_autofree char *text = jz_money_format (formatted[i].fen);

      g_assert_cmpstr (text, ==, formatted[i].text);
    }
}

static void
check_round_trip (gint64 fen)
{
  g_autofree char *text = jz_money_format (fen);
  g_autoptr(GError) error = NULL;
  gint64 back = fen + 1;

  if (!jz_money_parse (text, &back, &error))
    g_error ("“%s” (from %" G_GINT64_FORMAT ") was refused: %s", text, fen, error->message);

  g_assert_cmpint (back, ==, fen);
}

static void
test_round_trip (void)
{
  static const gint64 values[] = {
    0, 1, 9, 10, 99, 100, 101, 999, 1000, 99999, 100000, 100001,
    123456, 999999, 1000000, 12345678, 100000000, 123456789012,
    BIG - 1, BIG,
  };
  gint64 fen;

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      check_round_trip (values[i]);
      check_round_trip (-values[i]);
    }

  /* Every power of ten and its neighbours, where grouping changes. */
  for (fen = 1; fen <= BIG; fen *= 10)
    {
      check_round_trip (fen - 1);
      check_round_trip (-(fen - 1));
      if (fen < BIG)
        {
          check_round_trip (fen + 1);
          check_round_trip (-(fen + 1));
        }
    }

  /* A dense sweep over small amounts, as they occur on payment rolls. */
  for (fen = -200000; fen <= 200000; fen += 7)
    check_round_trip (fen);

  for (guint i = 0; i < 10000; i++)
    {
      gint64 hi = g_test_rand_int_range (0, 100000);
      gint64 lo = g_test_rand_int_range (0, 100000000);

      fen = hi * 100000000 + lo;
      if (fen > BIG)
        fen = BIG;
      check_round_trip (g_test_rand_bit () ? -fen : fen);
    }
}

static void
test_beyond_range_does_not_parse (void)
{
  g_autofree char *text = jz_money_format (BIG + 1);
  g_autoptr(GError) error = NULL;
  gint64 fen = 0;

  /* format() is total, but parse() keeps its limit on its own output. */
  g_assert_cmpstr (text, ==, "100,000,000,000.01");
  g_assert_false (jz_money_parse (text, &fen, &error));
  g_assert_error (error, JZ_MONEY_ERROR, JZ_MONEY_ERROR_RANGE);
}

static void
test_capitals (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (capitals); i++)
    {
      g_autofree char *text = jz_money_format_capitals (capitals[i].fen);

      if (g_strcmp0 (text, capitals[i].text) != 0)
        g_error ("%" G_GINT64_FORMAT " fen gave “%s”, expected “%s”",
                 capitals[i].fen, text, capitals[i].text);
    }
}

static void
test_capitals_shape (void)
{
  /* Over a sweep of amounts: no doubled or trailing 零, 整 exactly when
   * there are no fen, and never a leading 零 except for zero itself. */
  for (gint64 fen = 1; fen < 3000000; fen += 37)
    {
      g_autofree char *text = jz_money_format_capitals (fen);

      g_assert_null (strstr (text, "零零"));
      g_assert_false (g_str_has_prefix (text, "零"));
      g_assert_null (strstr (text, "零元"));
      g_assert_null (strstr (text, "零万"));
      g_assert_null (strstr (text, "零亿"));
      g_assert_cmpint (g_str_has_suffix (text, "整"), ==, fen % 10 == 0);
      g_assert_cmpint (g_str_has_suffix (text, "分"), ==, fen % 10 != 0);
      g_assert_cmpint (strstr (text, "元") != NULL, ==, fen >= 100);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/parse/accepted", test_parse_accepted);
  g_test_add_func ("/money/parse/refused", test_parse_refused);
  g_test_add_func ("/money/parse/null", test_parse_null);
  g_test_add_func ("/money/parse/without-error", test_parse_without_error);
  g_test_add_func ("/money/format", test_format);
  g_test_add_func ("/money/round-trip", test_round_trip);
  g_test_add_func ("/money/beyond-range", test_beyond_range_does_not_parse);
  g_test_add_func ("/money/capitals/table", test_capitals);
  g_test_add_func ("/money/capitals/shape", test_capitals_shape);

  return g_test_run ();
}
