/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "jz-id-number.h"

/* Resident ID numbers after GB 11643-1999:
 *
 *   RRRRRR YYYYMMDD OOO C
 *
 * region (6), birth date (8), order code (3, odd for men), and an
 * ISO 7064 MOD 11-2 check character (0-9 or X).  Old cards had 15 digits:
 * the same without the century and without the check character.
 *
 * The region is only checked at province level.  python-stdnum's cn.ric
 * looks the six digits up in a table of county codes, but counties are
 * merged and renamed every year and people keep the number they were
 * given, so a county table would reject real residents of a district that
 * no longer exists.
 */

#define ID_LENGTH     18
#define OLD_ID_LENGTH 15

G_DEFINE_QUARK (jz-id-number-error-quark, jz_id_number_error)

/* Province-level codes of GB/T 2260; 71 is Taiwan, 81 and 82 are Hong Kong
 * and Macao, whose residents may hold mainland resident ID numbers. */
static const guint8 province_codes[] = {
  11, 12, 13, 14, 15,
  21, 22, 23,
  31, 32, 33, 34, 35, 36, 37,
  41, 42, 43, 44, 45, 46,
  50, 51, 52, 53, 54,
  61, 62, 63, 64, 65,
  71,
  81, 82,
};

static gboolean
is_province_code (guint code)
{
  for (guint i = 0; i < G_N_ELEMENTS (province_codes); i++)
    {
      if (province_codes[i] == code)
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_ascii_digits (const char *s,
                 gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
    }

  return TRUE;
}

static guint
digits_value (const char *s,
              gsize       len)
{
  guint value = 0;

  for (gsize i = 0; i < len; i++)
    value = value * 10 + (guint) (s[i] - '0');

  return value;
}

static void
local_today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (date, 1);
  g_date_set_dmy (date,
                  (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
}

/* Clerks type with a Chinese input method switched on, which gives
 * full-width digits and spaces, and copy numbers out of spreadsheets with
 * stray blanks around them.  Fold all of that into plain ASCII; whatever
 * else is there stays, so that the checks below can name the problem.
 * Returns NULL only for text that is not UTF-8. */
static char *
normalize (const char *input,
           glong      *n_chars)
{
  g_autoptr(GString) out = NULL;
  const char *start;
  const char *end;

  if (!g_utf8_validate (input, -1, NULL))
    return NULL;

  start = input;
  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  end = start + strlen (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  out = g_string_sized_new (ID_LENGTH + 1);
  *n_chars = 0;

  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF10 && c <= 0xFF19)         /* FULLWIDTH DIGIT ZERO..NINE */
        g_string_append_c (out, (char) ('0' + (c - 0xFF10)));
      else if (c == 'x' || c == 0xFF38 || c == 0xFF58) /* x, Ｘ, ｘ */
        g_string_append_c (out, 'X');
      else
        g_string_append_unichar (out, c);

      (*n_chars)++;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

char
jz_id_number_check_char (const char *first17)
{
  /* ISO 7064 MOD 11-2: weight of position i (from the left) is 2^(17-i) mod 11. */
  static const guint weights[ID_LENGTH - 1] = {
    7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2,
  };
  static const char check_chars[] = "10X98765432";
  guint sum = 0;

  g_return_val_if_fail (first17 != NULL, '\0');

  for (guint i = 0; i < ID_LENGTH - 1; i++)
    {
      if (!g_ascii_isdigit (first17[i]))
        return '\0';
      sum += (guint) (first17[i] - '0') * weights[i];
    }

  return check_chars[sum % 11];
}

/* Checks an 18-character ASCII number whose first 17 characters are
 * digits; fills in everything but the check character's verdict. */
static gboolean
check_region_and_date (const char  *number,
                       const GDate *today,
                       JzIdNumber  *out,
                       GError     **error)
{
  guint year, month, day;
  GDate birth;

  if (!is_province_code (digits_value (number, 2)))
    {
      g_set_error (error, JZ_ID_NUMBER_ERROR, JZ_ID_NUMBER_ERROR_REGION,
                   _("The first two digits of the ID number are not a province code; check them against the card."));
      return FALSE;
    }

  year = digits_value (number + 6, 4);
  month = digits_value (number + 10, 2);
  day = digits_value (number + 12, 2);

  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      g_set_error (error, JZ_ID_NUMBER_ERROR, JZ_ID_NUMBER_ERROR_DATE,
                   _("The birth date in the ID number (digits 7 to 14) is not a real date; check them against the card."));
      return FALSE;
    }

  g_date_clear (&birth, 1);
  g_date_set_dmy (&birth, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  if (year < 1900)
    {
      g_set_error (error, JZ_ID_NUMBER_ERROR, JZ_ID_NUMBER_ERROR_DATE,
                   _("The birth date in the ID number is before 1900; check digits 7 to 14 against the card."));
      return FALSE;
    }

  if (g_date_compare (&birth, today) > 0)
    {
      g_set_error (error, JZ_ID_NUMBER_ERROR, JZ_ID_NUMBER_ERROR_DATE,
                   _("The birth date in the ID number is in the future; check digits 7 to 14 against the card."));
      return FALSE;
    }

  if (out != NULL)
    {
      memcpy (out->number, number, ID_LENGTH);
      out->number[ID_LENGTH] = '\0';
      out->birth = birth;
      out->sex = ((number[16] - '0') % 2 == 1) ? 'M' : 'F';
    }

  return TRUE;
}

/**
 * jz_id_number_parse:
 * @input: an 18-character resident ID number as typed; surrounding
 *   whitespace, full-width digits and a lower-case x are accepted
 * @today: (nullable): the date after which no one can be born, or %NULL for
 *   the local date today
 * @out: (out caller-allocates) (optional): the normalized number, birth date
 *   and sex
 * @error: a #JZ_ID_NUMBER_ERROR saying which part is wrong
 *
 * Checks, in this order, the length, the characters, the province code,
 * the birth date and the check character.  A 15-digit number is refused
 * with %JZ_ID_NUMBER_ERROR_LENGTH; see jz_id_number_upgrade().
 *
 * Returns: %TRUE if @input is a valid resident ID number
 */
gboolean
jz_id_number_parse (const char   *input,
                    const GDate  *today,
                    JzIdNumber   *out,
                    GError      **error)
{
  g_autofree char *number = NULL;
  JzIdNumber parsed;
  GDate local;
  glong n_chars = 0;

  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (today == NULL || g_date_valid (today), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  number = normalize (input, &n_chars);
  if (number == NULL)
    {
      g_set_error (error, JZ_ID_NUMBER_ERROR, JZ_ID_NUMBER_ERROR_FORMAT,
                   _("The ID number contains unreadable characters; type it again."));
      return FALSE;
    }

  if (n_chars != ID_LENGTH)
    {
      if (n_chars == OLD_ID_LENGTH && is_ascii_digits (number, OLD_ID_LENGTH))
        g_set_error (error, JZ_ID_NUMBER_ERROR, JZ_ID_NUMBER_ERROR_LENGTH,
                     _("This is an old 15-digit ID number; enter the 18-digit number from the current card."));
      else
        g_set_error (error, JZ_ID_NUMBER_ERROR, JZ_ID_NUMBER_ERROR_LENGTH,
                     _("An ID number has 18 characters; this one has %d."), (int) n_chars);
      return FALSE;
    }

  /* 18 characters in 18 bytes: all ASCII. */
  if (strlen (number) != ID_LENGTH ||
      !is_ascii_digits (number, ID_LENGTH - 1) ||
      !(g_ascii_isdigit (number[ID_LENGTH - 1]) || number[ID_LENGTH - 1] == 'X'))
    {
      g_set_error (error, JZ_ID_NUMBER_ERROR, JZ_ID_NUMBER_ERROR_FORMAT,
                   _("An ID number has only digits, and an X can only be the last character; check for a mistyped letter."));
      return FALSE;
    }

  if (today == NULL)
    {
      local_today (&local);
      today = &local;
    }

  if (!check_region_and_date (number, today, &parsed, error))
    return FALSE;

  if (number[ID_LENGTH - 1] != jz_id_number_check_char (number))
    {
      g_set_error (error, JZ_ID_NUMBER_ERROR, JZ_ID_NUMBER_ERROR_CHECK,
                   _("The last character of the ID number does not match the other digits; one of them is probably mistyped."));
      return FALSE;
    }

  if (out != NULL)
    *out = parsed;

  return TRUE;
}

/**
 * jz_id_number_upgrade:
 * @input: a 15-digit resident ID number of the first generation
 * @error: a #JZ_ID_NUMBER_ERROR
 *
 * Converts an old 15-digit number into the 18-digit number that replaced
 * it: the century "19" goes in front of the birth date and the check
 * character is appended.  Surrounding whitespace and full-width digits are
 * accepted as in jz_id_number_parse(); region and birth date are checked.
 *
 * Returns: (transfer full): the 18-digit number, or %NULL
 */
char *
jz_id_number_upgrade (const char  *input,
                      GError     **error)
{
  g_autofree char *old = NULL;
  char number[ID_LENGTH + 1];
  GDate today;
  glong n_chars = 0;

  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  old = normalize (input, &n_chars);
  if (old == NULL)
    {
      g_set_error (error, JZ_ID_NUMBER_ERROR, JZ_ID_NUMBER_ERROR_FORMAT,
                   _("The ID number contains unreadable characters; type it again."));
      return NULL;
    }

  if (n_chars != OLD_ID_LENGTH)
    {
      g_set_error (error, JZ_ID_NUMBER_ERROR, JZ_ID_NUMBER_ERROR_LENGTH,
                   _("An old ID number has 15 digits; this one has %d characters."), (int) n_chars);
      return NULL;
    }

  if (strlen (old) != OLD_ID_LENGTH || !is_ascii_digits (old, OLD_ID_LENGTH))
    {
      g_set_error (error, JZ_ID_NUMBER_ERROR, JZ_ID_NUMBER_ERROR_FORMAT,
                   _("An old 15-digit ID number has only digits; check for a mistyped letter."));
      return NULL;
    }

  memcpy (number, old, 6);
  memcpy (number + 6, "19", 2);
  memcpy (number + 8, old + 6, OLD_ID_LENGTH - 6);
  number[ID_LENGTH - 1] = jz_id_number_check_char (number);
  number[ID_LENGTH] = '\0';

  local_today (&today);
  if (!check_region_and_date (number, &today, NULL, error))
    return NULL;

  return g_strdup (number);
}

/**
 * jz_id_number_age_at:
 * @id: a parsed ID number
 * @at: the date of the question
 *
 * Someone born on 29 February turns a year older on 1 March in years
 * without that day, which is how civil age is counted in China.
 *
 * Returns: the age in whole years on @at, 0 if @at is before the birth
 */
guint
jz_id_number_age_at (const JzIdNumber *id,
                     const GDate      *at)
{
  guint age;

  g_return_val_if_fail (id != NULL, 0);
  g_return_val_if_fail (g_date_valid (&id->birth), 0);
  g_return_val_if_fail (at != NULL && g_date_valid (at), 0);

  if (g_date_compare (at, &id->birth) < 0)
    return 0;

  age = g_date_get_year (at) - g_date_get_year (&id->birth);

  /* Comparing month and day, rather than day of year, keeps leap years
   * from shifting birthdays after February by one day. */
  if (g_date_get_month (at) < g_date_get_month (&id->birth) ||
      (g_date_get_month (at) == g_date_get_month (&id->birth) &&
       g_date_get_day (at) < g_date_get_day (&id->birth)))
    age--;

  return age;
}

/**
 * jz_id_number_mask:
 * @number: an ID number, normally the normalized one
 * @keep_head: characters to show at the start
 * @keep_tail: characters to show at the end
 *
 * Hides the middle of a number for lists that are shown to others, one
 * '*' per hidden character so that the length stays recognizable.
 *
 * Returns: (transfer full): the masked number, or a copy of @number when
 *   nothing would be hidden
 */
char *
jz_id_number_mask (const char *number,
                   guint       keep_head,
                   guint       keep_tail)
{
  g_autoptr(GString) masked = NULL;
  const char *head_end;
  const char *tail_start;
  glong len;

  g_return_val_if_fail (number != NULL, NULL);
  g_return_val_if_fail (g_utf8_validate (number, -1, NULL), NULL);

  len = g_utf8_strlen (number, -1);
  if ((guint64) keep_head + keep_tail >= (guint64) len)
    return g_strdup (number);

  head_end = g_utf8_offset_to_pointer (number, keep_head);
  tail_start = g_utf8_offset_to_pointer (number, len - keep_tail);

  masked = g_string_new_len (number, head_end - number);
  for (glong i = keep_head; i < len - (glong) keep_tail; i++)
    g_string_append_c (masked, '*');
  g_string_append (masked, tail_start);

  return g_string_free (g_steal_pointer (&masked), FALSE);
}
