/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "jz-money.h"

/* Parsing goes in three steps: the text is folded into ASCII (full-width
 * forms, Unicode spaces and minus signs, currency marks turned into
 * control characters that cannot come from the input), cut into tokens,
 * and the one number token is checked for separators and decimals.  The
 * value is summed up only after the whole text has been found well formed,
 * so a long run of digits is a range error and never an overflow. */

#define MARK_FRONT '\x01' /* ¥ ￥ */
#define MARK_BACK  '\x02' /* 元 */
#define MARK_CODE  '\x03' /* 人民币; RMB and CNY are told apart among the letters */
#define NOT_OURS   '?'

#define MAX_TOKENS 8

/* 10^11 yuan has 12 digits: more significant digits is always out of range. */
#define MAX_YUAN_DIGITS 12

typedef enum
{
  TOKEN_SIGN,
  TOKEN_FRONT,  /* a currency mark allowed only before the number */
  TOKEN_BACK,   /* ... only after it */
  TOKEN_CODE,   /* ... on either side */
  TOKEN_NUMBER,
  TOKEN_OTHER,
} TokenKind;

typedef struct
{
  TokenKind   kind;
  const char *start;
  gsize       len;
} Token;

static const char * const capital_digits[] = {
  "零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖",
};

static const char * const capital_units[] = { "", "拾", "佰", "仟" };

G_DEFINE_QUARK (jz-money-error-quark, jz_money_error)

static gboolean
set_error (GError      **error,
           JzMoneyError  code,
           const char   *message)
{
  g_set_error_literal (error, JZ_MONEY_ERROR, code, message);
  return FALSE;
}

static gboolean
is_ignorable_space (gunichar c)
{
  /* Zero-width space and BOM come along when cells are copied out of web
   * pages and CSV files; a clerk cannot see them, so neither should we. */
  return g_unichar_isspace (c) || c == 0x200B || c == 0xFEFF;
}

static char *
fold_to_ascii (const char *text)
{
  static const char code_word[] = "人民币";
  GString *out = g_string_sized_new (strlen (text));
  const char *p = text;

  while (*p != '\0')
    {
      gunichar c;

      if (strncmp (p, code_word, strlen (code_word)) == 0)
        {
          g_string_append_c (out, MARK_CODE);
          p += strlen (code_word);
          continue;
        }

      c = g_utf8_get_char (p);
      p = g_utf8_next_char (p);

      /* Full-width ASCII forms, typed with a Chinese input method. */
      if (c >= 0xFF01 && c <= 0xFF5E)
        c -= 0xFEE0;

      if (c == 0x2212)
        c = '-';

      if (c == 0x00A5 || c == 0xFFE5)
        g_string_append_c (out, MARK_FRONT);
      else if (c == 0x5143)
        g_string_append_c (out, MARK_BACK);
      else if (c < 0x80 && (g_ascii_isalnum (c) || c == '.' || c == ',' || c == '-'))
        g_string_append_c (out, (char) c);
      else if (is_ignorable_space (c))
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, NOT_OURS);
    }

  return g_string_free (out, FALSE);
}

static gboolean
is_number_char (char c)
{
  return g_ascii_isdigit (c) || c == '.' || c == ',';
}

static gboolean
is_code_word (const char *s,
              gsize       len)
{
  return len == 3 &&
         (g_ascii_strncasecmp (s, "RMB", 3) == 0 ||
          g_ascii_strncasecmp (s, "CNY", 3) == 0);
}

/* Returns the number of tokens, of which the first @max are stored. */
static int
tokenize (const char *s,
          Token      *tokens,
          int         max)
{
  int n = 0;

  while (*s != '\0')
    {
      Token token = { TOKEN_OTHER, s, 1 };

      if (*s == ' ')
        {
          s++;
          continue;
        }

      if (*s == '-')
        token.kind = TOKEN_SIGN;
      else if (*s == MARK_FRONT)
        token.kind = TOKEN_FRONT;
      else if (*s == MARK_BACK)
        token.kind = TOKEN_BACK;
      else if (*s == MARK_CODE)
        token.kind = TOKEN_CODE;
      else if (is_number_char (*s))
        {
          token.kind = TOKEN_NUMBER;
          while (is_number_char (s[token.len]))
            token.len++;
        }
      else if (g_ascii_isalpha (*s))
        {
          while (g_ascii_isalpha (s[token.len]))
            token.len++;
          if (is_code_word (s, token.len))
            token.kind = TOKEN_CODE;
        }

      if (n < max)
        tokens[n] = token;
      n++;
      s += token.len;
    }

  return n;
}

static gsize
count_char (const char *s,
            gsize       len,
            char        c)
{
  gsize count = 0;

  for (gsize i = 0; i < len; i++)
    {
      if (s[i] == c)
        count++;
    }

  return count;
}

static gboolean
is_grouped_by_thousands (const char *s,
                         gsize       len)
{
  gsize group = 0;
  gboolean first = TRUE;

  /* A first group starting with 0 ("0,123") is no thousands grouping but
   * most likely a decimal comma. */
  if (len == 0 || s[0] == '0')
    return FALSE;

  for (gsize i = 0; i <= len; i++)
    {
      if (i < len && s[i] != ',')
        {
          group++;
          continue;
        }

      if (first ? (group < 1 || group > 3) : group != 3)
        return FALSE;

      first = FALSE;
      group = 0;
    }

  return TRUE;
}

/* "12,5", "1,23" and "0,123" read as a decimal comma, which calls for
 * another message than thousands separators in the wrong places. */
static gboolean
looks_like_decimal_comma (const char *s,
                          gsize       len)
{
  const char *comma = memchr (s, ',', len);
  gsize before, after;

  if (comma == NULL || count_char (s, len, ',') != 1)
    return FALSE;

  before = (gsize) (comma - s);
  after = len - before - 1;

  if (before == 0)
    return FALSE;

  return (after >= 1 && after <= 2) || (after == 3 && s[0] == '0');
}

static gboolean
parse_number (const char *s,
              gsize       len,
              guint64    *magnitude,
              GError    **error)
{
  const char *point = memchr (s, '.', len);
  gsize int_len = point != NULL ? (gsize) (point - s) : len;
  const char *frac = point != NULL ? point + 1 : s + len;
  gsize frac_len = len - int_len - (point != NULL ? 1 : 0);
  guint64 yuan = 0;
  guint64 fen = 0;
  guint significant = 0;

  if (count_char (s, len, '.') > 1)
    return set_error (error, JZ_MONEY_ERROR_INVALID,
                      _("The amount has more than one decimal point; keep only the one before the jiao and fen."));

  if (count_char (frac, frac_len, ',') > 0 ||
      (point == NULL && looks_like_decimal_comma (s, len)))
    return set_error (error, JZ_MONEY_ERROR_AMBIGUOUS,
                      _("The comma in the amount could be a decimal point; write decimals with a point, as in 12.50, and thousands with a comma every three digits."));

  if (count_char (s, int_len, ',') > 0 && !is_grouped_by_thousands (s, int_len))
    return set_error (error, JZ_MONEY_ERROR_AMBIGUOUS,
                      _("The thousands separators in the amount are misplaced; put a comma every three digits, as in 1,234,567.00, or leave them out."));

  if (int_len == 0 && frac_len == 0)
    return set_error (error, JZ_MONEY_ERROR_INVALID,
                      _("The amount has no digits; type the number of yuan."));

  if (frac_len > 2)
    return set_error (error, JZ_MONEY_ERROR_PRECISION,
                      _("The amount has more than two decimal places; enter it to the fen and check that the point is not a thousands separator."));

  for (gsize i = 0; i < int_len; i++)
    {
      if (s[i] == ',' || (s[i] == '0' && significant == 0))
        continue;

      if (++significant > MAX_YUAN_DIGITS)
        break;

      yuan = yuan * 10 + (guint64) (s[i] - '0');
    }

  for (gsize i = 0; i < 2; i++)
    fen = fen * 10 + (i < frac_len ? (guint64) (frac[i] - '0') : 0);

  if (significant > MAX_YUAN_DIGITS ||
      yuan * 100 + fen > (guint64) JZ_MONEY_MAX_FEN)
    return set_error (error, JZ_MONEY_ERROR_RANGE,
                      _("The amount is more than 100 billion yuan; check the number of digits."));

  *magnitude = yuan * 100 + fen;
  return TRUE;
}

gboolean
jz_money_parse (const char  *text,
                gint64      *fen,
                GError     **error)
{
  g_autofree char *folded = NULL;
  Token tokens[MAX_TOKENS];
  const Token *number = NULL;
  gboolean negative = FALSE;
  guint n_marks = 0;
  guint n_numbers = 0;
  guint64 magnitude;
  int n;
  int i = 0;

  g_return_val_if_fail (fen != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (text == NULL)
    text = "";

  if (!g_utf8_validate (text, -1, NULL))
    return set_error (error, JZ_MONEY_ERROR_INVALID,
                      _("The amount contains characters that are not part of a number; type only digits and a decimal point."));

  folded = fold_to_ascii (text);
  n = tokenize (folded, tokens, MAX_TOKENS);

  if (n == 0)
    return set_error (error, JZ_MONEY_ERROR_EMPTY,
                      _("Enter an amount in yuan, for example 1234.50."));

  for (int k = 0; k < MIN (n, MAX_TOKENS); k++)
    {
      switch (tokens[k].kind)
        {
        case TOKEN_OTHER:
          return set_error (error, JZ_MONEY_ERROR_INVALID,
                            _("The amount contains characters that are not part of a number; type only digits and a decimal point."));
        case TOKEN_FRONT:
        case TOKEN_BACK:
        case TOKEN_CODE:
          n_marks++;
          break;
        case TOKEN_NUMBER:
          n_numbers++;
          break;
        case TOKEN_SIGN:
        default:
          break;
        }
    }

  if (n_marks > 1)
    return set_error (error, JZ_MONEY_ERROR_INVALID,
                      _("The amount has more than one currency sign; keep only one."));

  if (n > MAX_TOKENS || n_numbers > 1)
    return set_error (error, JZ_MONEY_ERROR_INVALID,
                      _("The amount is split by spaces or signs; type it as one number, such as 1234.50."));

  if (n_numbers == 0)
    return set_error (error, JZ_MONEY_ERROR_INVALID,
                      _("The amount has no digits; type the number of yuan."));

  /* [-] [¥ | RMB] [-] number [元 | RMB], with one minus sign at most. */
  if (tokens[i].kind == TOKEN_SIGN)
    {
      negative = TRUE;
      i++;
    }
  if (i < n && (tokens[i].kind == TOKEN_FRONT || tokens[i].kind == TOKEN_CODE))
    i++;
  if (i < n && tokens[i].kind == TOKEN_SIGN && !negative)
    {
      negative = TRUE;
      i++;
    }
  if (i < n && tokens[i].kind == TOKEN_NUMBER)
    number = &tokens[i++];
  if (i < n && (tokens[i].kind == TOKEN_BACK || tokens[i].kind == TOKEN_CODE))
    i++;

  if (number == NULL || i != n)
    return set_error (error, JZ_MONEY_ERROR_INVALID,
                      _("The minus sign or currency sign is in the wrong place; write the amount as -1234.50."));

  if (!parse_number (number->start, number->len, &magnitude, error))
    return FALSE;

  *fen = negative ? -(gint64) magnitude : (gint64) magnitude;
  return TRUE;
}

static guint64
magnitude_of (gint64 fen)
{
  /* Also right for G_MININT64, whose magnitude no gint64 holds. */
  return fen < 0 ? (guint64) 0 - (guint64) fen : (guint64) fen;
}

char *
jz_money_format (gint64 fen)
{
  guint64 magnitude = magnitude_of (fen);
  GString *out = g_string_sized_new (32);
  char digits[24];
  gsize n;

  g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, magnitude / 100);
  n = strlen (digits);

  if (fen < 0)
    g_string_append_c (out, '-');

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }

  g_string_append_printf (out, ".%02u", (guint) (magnitude % 100));

  return g_string_free (out, FALSE);
}

static gboolean
any_digit_set (const guint8 *digits,
               guint         from,
               guint         to)
{
  for (guint p = from; p < to; p++)
    {
      if (digits[p] != 0)
        return TRUE;
    }

  return FALSE;
}

/* Writes the whole yuan, digit by digit from the top.  Units nest as they
 * are spoken: 万 closes a group of four digits, 亿 closes everything above
 * it, so 10^12 comes out as 壹万亿 and 10^16 as 壹亿亿.  Returns whether the
 * last digits were zeros that still owe a 零 to whatever is written next. */
static gboolean
append_yuan (GString *out,
             guint64  yuan)
{
  guint8 digits[24];
  guint n = 0;
  gboolean started = FALSE;
  gboolean owe_zero = FALSE;

  for (; yuan > 0; yuan /= 10)
    digits[n++] = (guint8) (yuan % 10);

  for (guint p = n; p-- > 0;)
    {
      if (digits[p] == 0)
        owe_zero = started;
      else
        {
          if (owe_zero)
            g_string_append (out, capital_digits[0]);
          g_string_append (out, capital_digits[digits[p]]);
          g_string_append (out, capital_units[p % 4]);
          started = TRUE;
          owe_zero = FALSE;
        }

      if (p > 0 && p % 8 == 0 && started)
        g_string_append (out, "亿");
      else if (p % 8 == 4 && any_digit_set (digits, p, MIN (p + 4, n)))
        g_string_append (out, "万");
    }

  return owe_zero;
}

char *
jz_money_format_capitals (gint64 fen)
{
  guint64 magnitude = magnitude_of (fen);
  guint64 yuan = magnitude / 100;
  guint jiao = (guint) (magnitude / 10 % 10);
  guint cents = (guint) (magnitude % 10);
  GString *out = g_string_sized_new (64);
  gboolean owe_zero = FALSE;

  if (magnitude == 0)
    return g_strdup ("零元整");

  if (fen < 0)
    g_string_append (out, "负");

  if (yuan > 0)
    {
      owe_zero = append_yuan (out, yuan);
      g_string_append (out, "元");
    }

  if (jiao != 0)
    {
      if (owe_zero)
        g_string_append (out, capital_digits[0]);
      g_string_append (out, capital_digits[jiao]);
      g_string_append (out, "角");
    }
  else if (cents != 0 && yuan > 0)
    {
      /* 100.05 is 壹佰元零伍分: the rules make this 零 compulsory. */
      g_string_append (out, capital_digits[0]);
    }

  if (cents != 0)
    {
      g_string_append (out, capital_digits[cents]);
      g_string_append (out, "分");
    }
  else
    g_string_append (out, "整");

  return g_string_free (out, FALSE);
}
