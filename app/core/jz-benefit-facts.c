/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The facts the benefit engine computes from: built by hand, read from a
 * JSON description of a household (the CLI's --facts), or read from a case
 * in the database. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jz-benefit-private.h"
#include "jz-db-private.h"
#include "jz-income.h"

/* ---- the facts ------------------------------------------------------ */

JzBenefitFacts *
jz_benefit_facts_new (void)
{
  JzBenefitFacts *facts = g_new0 (JzBenefitFacts, 1);

  facts->exit_months = -1;
  return facts;
}

void
jz_benefit_facts_free (JzBenefitFacts *facts)
{
  if (facts == NULL)
    return;

  g_free (facts->members);
  g_free (facts->township);
  g_free (facts->institution);
  g_free (facts);
}

/**
 * jz_benefit_facts_add_member:
 *
 * Returns: (transfer none): a new member, in the program, without income
 *   or conditions and with no birth date yet; valid until the next call
 */
JzBenefitMember *
jz_benefit_facts_add_member (JzBenefitFacts *facts)
{
  JzBenefitMember *member;

  g_return_val_if_fail (facts != NULL, NULL);

  facts->members = g_renew (JzBenefitMember, facts->members, facts->n_members + 1);
  member = &facts->members[facts->n_members++];
  memset (member, 0, sizeof *member);
  g_date_clear (&member->birth, 1);
  member->in_program = TRUE;
  return member;
}

gboolean
jz_benefit_parse_date (const char *text,
                       GDate      *date)
{
  guint y = 0, m = 0, d = 0;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (int k = 0; k < 10; k++)
    {
      if (k == 4 || k == 7)
        continue;
      if (!g_ascii_isdigit (text[k]))
        return FALSE;
      if (k < 4)
        y = y * 10 + (guint) (text[k] - '0');
      else if (k < 7)
        m = m * 10 + (guint) (text[k] - '0');
      else
        d = d * 10 + (guint) (text[k] - '0');
    }

  if (y < 1 || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

/* ---- a small JSON reader -------------------------------------------- */

/* Small on purpose: the facts are a few hundred bytes, and reading numbers
 * as the text they are written in keeps floating point away from money
 * and rates, which a general JSON library would hand over as doubles. */

typedef enum
{
  JSON_NULL,
  JSON_BOOLEAN,
  JSON_NUMBER,
  JSON_STRING,
  JSON_ARRAY,
  JSON_OBJECT,
} JsonType;

typedef struct _Json Json;
struct _Json
{
  JsonType   type;
  gboolean   boolean;
  char      *text;    /* a string, unescaped; a number as written */
  GPtrArray *items;   /* of an array, or the values of an object */
  GPtrArray *keys;    /* of an object */
};

#define JSON_MAX_DEPTH 16

typedef struct
{
  const char *start;
  const char *p;
  const char *end;
  int         depth;
} Reader;

static void
json_free (Json *json)
{
  if (json == NULL)
    return;

  g_free (json->text);
  g_clear_pointer (&json->items, g_ptr_array_unref);
  g_clear_pointer (&json->keys, g_ptr_array_unref);
  g_free (json);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Json, json_free)

static Json *
json_new (JsonType type)
{
  Json *json = g_new0 (Json, 1);

  json->type = type;
  if (type == JSON_ARRAY || type == JSON_OBJECT)
    json->items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_free);
  if (type == JSON_OBJECT)
    json->keys = g_ptr_array_new_with_free_func (g_free);
  return json;
}

static void
skip_space (Reader *r)
{
  while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r'))
    r->p++;
}

static gboolean
syntax_error (Reader  *r,
              GError **error)
{
  int line = 1, column = 1;

  for (const char *q = r->start; q < r->p && q < r->end; q = g_utf8_next_char (q))
    {
      if (*q == '\n')
        {
          line++;
          column = 1;
        }
      else
        column++;
    }

  g_set_error (error, JZ_BENEFIT_ERROR, JZ_BENEFIT_ERROR_FACTS,
               _("The facts are not valid JSON: line %d, column %d."), line, column);
  return FALSE;
}

static Json *read_value (Reader *r, GError **error);

static int
hex4 (const char *p)
{
  int v = 0;

  for (int i = 0; i < 4; i++)
    {
      int d = g_ascii_xdigit_value (p[i]);

      if (d < 0)
        return -1;
      v = v * 16 + d;
    }
  return v;
}

static char *
read_string (Reader  *r,
             GError **error)
{
  g_autoptr(GString) out = g_string_new (NULL);

  r->p++;  /* the opening quote */
  while (r->p < r->end && *r->p != '"')
    {
      unsigned char ch = (unsigned char) *r->p;

      if (ch < 0x20)
        {
          syntax_error (r, error);
          return NULL;
        }
      if (ch != '\\')
        {
          g_string_append_c (out, (char) ch);
          r->p++;
          continue;
        }

      if (r->end - r->p < 2)
        break;
      switch (r->p[1])
        {
        case '"':  g_string_append_c (out, '"'); break;
        case '\\': g_string_append_c (out, '\\'); break;
        case '/':  g_string_append_c (out, '/'); break;
        case 'b':  g_string_append_c (out, '\b'); break;
        case 'f':  g_string_append_c (out, '\f'); break;
        case 'n':  g_string_append_c (out, '\n'); break;
        case 'r':  g_string_append_c (out, '\r'); break;
        case 't':  g_string_append_c (out, '\t'); break;
        case 'u':
          {
            int hi = r->end - r->p >= 6 ? hex4 (r->p + 2) : -1;
            gunichar ch32 = (gunichar) hi;

            if (hi < 0 || (hi >= 0xDC00 && hi <= 0xDFFF))
              {
                syntax_error (r, error);
                return NULL;
              }
            if (hi >= 0xD800 && hi <= 0xDBFF)
              {
                int lo = r->end - r->p >= 12 && r->p[6] == '\\' && r->p[7] == 'u' ? hex4 (r->p + 8) : -1;

                if (lo < 0xDC00 || lo > 0xDFFF)
                  {
                    syntax_error (r, error);
                    return NULL;
                  }
                ch32 = 0x10000 + (((gunichar) hi - 0xD800) << 10) + ((gunichar) lo - 0xDC00);
                r->p += 6;
              }
            if (ch32 == 0)
              {
                syntax_error (r, error);
                return NULL;
              }
            g_string_append_unichar (out, ch32);
            r->p += 4;
          }
          break;
        default:
          syntax_error (r, error);
          return NULL;
        }
      r->p += 2;
    }

  if (r->p >= r->end)
    {
      syntax_error (r, error);
      return NULL;
    }
  r->p++;  /* the closing quote */
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?, kept as text. */
static Json *
read_number (Reader  *r,
             GError **error)
{
  const char *begin = r->p;
  Json *json;

  if (r->p < r->end && *r->p == '-')
    r->p++;
  if (r->p < r->end && *r->p == '0')
    r->p++;
  else if (r->p < r->end && g_ascii_isdigit (*r->p))
    while (r->p < r->end && g_ascii_isdigit (*r->p))
      r->p++;
  else
    {
      syntax_error (r, error);
      return NULL;
    }
  if (r->p < r->end && *r->p == '.')
    {
      r->p++;
      if (r->p >= r->end || !g_ascii_isdigit (*r->p))
        {
          syntax_error (r, error);
          return NULL;
        }
      while (r->p < r->end && g_ascii_isdigit (*r->p))
        r->p++;
    }
  if (r->p < r->end && (*r->p == 'e' || *r->p == 'E'))
    {
      r->p++;
      if (r->p < r->end && (*r->p == '+' || *r->p == '-'))
        r->p++;
      if (r->p >= r->end || !g_ascii_isdigit (*r->p))
        {
          syntax_error (r, error);
          return NULL;
        }
      while (r->p < r->end && g_ascii_isdigit (*r->p))
        r->p++;
    }

  json = json_new (JSON_NUMBER);
  json->text = g_strndup (begin, (gsize) (r->p - begin));
  return json;
}

static gboolean
read_word (Reader     *r,
           const char *word)
{
  gsize len = strlen (word);

  if ((gsize) (r->end - r->p) < len || strncmp (r->p, word, len) != 0)
    return FALSE;
  r->p += len;
  return TRUE;
}

static Json *
read_container (Reader  *r,
                gboolean object,
                GError **error)
{
  g_autoptr(Json) json = json_new (object ? JSON_OBJECT : JSON_ARRAY);
  char close = object ? '}' : ']';

  if (++r->depth > JSON_MAX_DEPTH)
    {
      syntax_error (r, error);
      return NULL;
    }

  r->p++;
  skip_space (r);
  if (r->p < r->end && *r->p == close)
    {
      r->p++;
      r->depth--;
      return g_steal_pointer (&json);
    }

  for (;;)
    {
      Json *value;

      skip_space (r);
      if (object)
        {
          char *key;

          if (r->p >= r->end || *r->p != '"')
            {
              syntax_error (r, error);
              return NULL;
            }
          key = read_string (r, error);
          if (key == NULL)
            return NULL;
          g_ptr_array_add (json->keys, key);
          skip_space (r);
          if (r->p >= r->end || *r->p != ':')
            {
              syntax_error (r, error);
              return NULL;
            }
          r->p++;
        }

      value = read_value (r, error);
      if (value == NULL)
        return NULL;
      g_ptr_array_add (json->items, value);

      skip_space (r);
      if (r->p < r->end && *r->p == ',')
        {
          r->p++;
          continue;
        }
      if (r->p < r->end && *r->p == close)
        {
          r->p++;
          r->depth--;
          return g_steal_pointer (&json);
        }
      syntax_error (r, error);
      return NULL;
    }
}

static Json *
read_value (Reader  *r,
            GError **error)
{
  Json *json;

  skip_space (r);
  if (r->p >= r->end)
    {
      syntax_error (r, error);
      return NULL;
    }

  switch (*r->p)
    {
    case '{':
      return read_container (r, TRUE, error);
    case '[':
      return read_container (r, FALSE, error);
    case '"':
      {
        char *text = read_string (r, error);

        if (text == NULL)
          return NULL;
        json = json_new (JSON_STRING);
        json->text = text;
        return json;
      }
    case 't':
    case 'f':
    case 'n':
      if (read_word (r, "true"))
        {
          json = json_new (JSON_BOOLEAN);
          json->boolean = TRUE;
          return json;
        }
      if (read_word (r, "false"))
        return json_new (JSON_BOOLEAN);
      if (read_word (r, "null"))
        return json_new (JSON_NULL);
      syntax_error (r, error);
      return NULL;
    default:
      return read_number (r, error);
    }
}

static Json *
json_parse (const char  *text,
            gsize        length,
            GError     **error)
{
  Reader r = { text, text, text + length, 0 };
  g_autoptr(Json) root = NULL;

  if (!g_utf8_validate_len (text, length, NULL))
    {
      g_set_error_literal (error, JZ_BENEFIT_ERROR, JZ_BENEFIT_ERROR_FACTS,
                           _("The facts are not UTF-8 text; save the file as UTF-8."));
      return NULL;
    }

  /* A byte-order mark, as some Windows editors write. */
  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    r.p += 3;

  root = read_value (&r, error);
  if (root == NULL)
    return NULL;
  skip_space (&r);
  if (r.p != r.end)
    {
      syntax_error (&r, error);
      return NULL;
    }

  return g_steal_pointer (&root);
}

/* ---- from JSON to facts --------------------------------------------- */

static gboolean field_error (GError     **error,
                             const char  *format,
                             ...) G_GNUC_PRINTF (2, 3);

/* A sentence naming the field, never its value. */
static gboolean
field_error (GError     **error,
             const char  *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, JZ_BENEFIT_ERROR, JZ_BENEFIT_ERROR_FACTS, message);
  return FALSE;
}

/* Every key of @object must be one of @allowed, once. */
static gboolean
check_keys (const Json         *object,
            const char * const *allowed,
            const char         *prefix,
            GError            **error)
{
  for (guint i = 0; i < object->keys->len; i++)
    {
      const char *key = g_ptr_array_index (object->keys, i);
      g_autofree char *path = g_strconcat (prefix, key, NULL);

      if (!g_strv_contains (allowed, key))
        return field_error (error, _("The facts have an unknown field “%s”."), path);
      for (guint j = 0; j < i; j++)
        if (g_str_equal (key, g_ptr_array_index (object->keys, j)))
          return field_error (error, _("The field “%s” appears twice in the facts."), path);
    }
  return TRUE;
}

static const Json *
member_of (const Json *object,
           const char *key)
{
  for (guint i = 0; i < object->keys->len; i++)
    if (g_str_equal (key, g_ptr_array_index (object->keys, i)))
      return g_ptr_array_index (object->items, i);
  return NULL;
}

static gboolean
get_string (const Json  *object,
            const char  *key,
            const char  *path,
            const char **out,
            GError     **error)
{
  const Json *value = member_of (object, key);

  if (value == NULL)
    return TRUE;
  if (value->type != JSON_STRING)
    return field_error (error, _("The field “%s” must be a text in quotes."), path);
  *out = value->text;
  return TRUE;
}

static gboolean
get_boolean (const Json  *object,
             const char  *key,
             const char  *path,
             gboolean    *out,
             GError     **error)
{
  const Json *value = member_of (object, key);

  if (value == NULL)
    return TRUE;
  if (value->type != JSON_BOOLEAN)
    return field_error (error, _("The field “%s” must be true or false."), path);
  *out = value->boolean;
  return TRUE;
}

static gboolean
get_count (const Json  *object,
           const char  *key,
           const char  *path,
           gint64       max,
           gint64      *out,
           GError     **error)
{
  const Json *value = member_of (object, key);
  guint64 v;

  if (value == NULL)
    return TRUE;
  if (value->type != JSON_NUMBER || value->text[0] == '-' ||
      !g_ascii_string_to_unsigned (value->text, 10, 0, (guint64) max, &v, NULL))
    return field_error (error, _("The field “%s” must be a whole number, 0 or more, without decimals."), path);
  *out = (gint64) v;
  return TRUE;
}

static gboolean
read_member (const Json       *json,
             guint             index,
             JzBenefitMember  *member,
             GError          **error)
{
  static const char * const allowed[] = { "birth", "in_program", "monthly_income_fen", "conditions", NULL };
  g_autofree char *prefix = g_strdup_printf ("members[%u].", index);
  g_autofree char *birth_path = g_strconcat (prefix, "birth", NULL);
  g_autofree char *in_path = g_strconcat (prefix, "in_program", NULL);
  g_autofree char *income_path = g_strconcat (prefix, "monthly_income_fen", NULL);
  g_autofree char *conditions_path = g_strconcat (prefix, "conditions", NULL);
  const Json *conditions;
  const char *birth = NULL;

  if (json->type != JSON_OBJECT)
    {
      g_autofree char *path = g_strdup_printf ("members[%u]", index);
      return field_error (error, _("The field “%s” must be an object in braces."), path);
    }
  if (!check_keys (json, allowed, prefix, error) ||
      !get_string (json, "birth", birth_path, &birth, error) ||
      !get_boolean (json, "in_program", in_path, &member->in_program, error) ||
      !get_count (json, "monthly_income_fen", income_path, JZ_INCOME_MAX_FEN, &member->monthly_income, error))
    return FALSE;

  if (birth == NULL || !jz_benefit_parse_date (birth, &member->birth))
    return field_error (error, _("Give “%s” as a date YYYY-MM-DD."), birth_path);

  conditions = member_of (json, "conditions");
  if (conditions == NULL)
    return TRUE;
  if (conditions->type != JSON_ARRAY)
    return field_error (error, _("The field “%s” must be a list in square brackets."), conditions_path);

  for (guint i = 0; i < conditions->items->len; i++)
    {
      const Json *item = g_ptr_array_index (conditions->items, i);

      if (item->type != JSON_STRING)
        return field_error (error, _("The field “%s” must be a list in square brackets."), conditions_path);
      if (g_str_equal (item->text, "severe_disability"))
        member->conditions |= JZ_BENEFIT_SEVERE_DISABILITY;
      else if (g_str_equal (item->text, "severe_illness"))
        member->conditions |= JZ_BENEFIT_SEVERE_ILLNESS;
      else if (g_str_equal (item->text, "sanwu"))
        member->conditions |= JZ_BENEFIT_SANWU;
      else if (g_str_equal (item->text, "elderly") || g_str_equal (item->text, "minor"))
        return field_error (error, _("“%s” follows from the birth date; leave it out of the conditions."), item->text);
      else
        return field_error (error, _("“%s” is not a condition; the conditions are severe_disability, severe_illness and sanwu."),
                            item->text);
    }

  return TRUE;
}

static gboolean
read_temporary (const Json      *json,
                JzBenefitFacts  *facts,
                GError         **error)
{
  static const char * const allowed[] = { "kind", "multiple", NULL };
  const Json *value;
  const char *kind = NULL;

  if (json->type != JSON_OBJECT)
    return field_error (error, _("The field “%s” must be an object in braces."), "temporary");
  if (!check_keys (json, allowed, "temporary.", error) ||
      !get_string (json, "kind", "temporary.kind", &kind, error))
    return FALSE;

  if (g_strcmp0 (kind, "illness") == 0)
    facts->temp_kind = JZ_BENEFIT_TEMP_ILLNESS;
  else if (g_strcmp0 (kind, "education") == 0)
    facts->temp_kind = JZ_BENEFIT_TEMP_EDUCATION;
  else if (g_strcmp0 (kind, "other") == 0)
    facts->temp_kind = JZ_BENEFIT_TEMP_OTHER;
  else
    return field_error (error, _("Give “%s” as illness, education or other."), "temporary.kind");

  /* Read as written: "multiple": 4.5 is 45000 bp, no double between. */
  value = member_of (json, "multiple");
  if (value == NULL || value->type != JSON_NUMBER ||
      !jz_standard_parse_value (JZ_STANDARD_TEMP_ILLNESS_MIN, value->text, &facts->temp_multiple_bp, NULL) ||
      facts->temp_multiple_bp == 0)
    return field_error (error, _("Give “%s” as a number above 0 with at most four decimals, for example 6 or 4.5."),
                        "temporary.multiple");

  return TRUE;
}

static gboolean
read_gradual_exit (const Json      *json,
                   JzBenefitFacts  *facts,
                   GError         **error)
{
  static const char * const allowed[] = { "months", "amount_before_fen", NULL };
  gint64 months = -1, before = -1;

  if (json->type != JSON_OBJECT)
    return field_error (error, _("The field “%s” must be an object in braces."), "gradual_exit");
  if (!check_keys (json, allowed, "gradual_exit.", error) ||
      !get_count (json, "months", "gradual_exit.months", 1200, &months, error) ||
      !get_count (json, "amount_before_fen", "gradual_exit.amount_before_fen", JZ_STANDARD_MAX_FEN, &before, error))
    return FALSE;

  if (months < 0)
    return field_error (error, _("Give “%s”: the whole months since the income rose above the standard."), "gradual_exit.months");
  if (before < 0)
    return field_error (error, _("Give “%s”: the monthly amount before the income rose, in fen."), "gradual_exit.amount_before_fen");

  facts->exit_months = (int) months;
  facts->amount_before = before;
  return TRUE;
}

static gboolean
facts_from_json (const Json      *root,
                 JzBenefitFacts  *facts,
                 GError         **error)
{
  static const char * const allowed[] = {
    "program", "hukou", "township", "members", "single_person", "care_tier",
    "temporary", "emergency", "gradual_exit", "institution", NULL
  };
  const char *program = NULL, *hukou = NULL, *township = NULL, *tier = NULL, *institution = NULL;
  const Json *members, *temporary, *gradual_exit;

  if (root->type != JSON_OBJECT)
    {
      g_set_error_literal (error, JZ_BENEFIT_ERROR, JZ_BENEFIT_ERROR_FACTS,
                           _("The facts must be one JSON object in braces."));
      return FALSE;
    }

  if (!check_keys (root, allowed, "", error) ||
      !get_string (root, "program", "program", &program, error) ||
      !get_string (root, "hukou", "hukou", &hukou, error) ||
      !get_string (root, "township", "township", &township, error) ||
      !get_string (root, "care_tier", "care_tier", &tier, error) ||
      !get_string (root, "institution", "institution", &institution, error) ||
      !get_boolean (root, "single_person", "single_person", &facts->single_person, error) ||
      !get_boolean (root, "emergency", "emergency", &facts->emergency, error))
    return FALSE;

  if (program == NULL || !jz_benefit_program_from_code (program, &facts->program))
    return field_error (error, _("Give “%s” as one of dibao_urban, dibao_rural, tekun_dispersed, tekun_centralized, "
                                 "temporary, disability_living, disability_care, child_living and low_income."),
                        "program");

  if (hukou == NULL && facts->program == JZ_BENEFIT_DIBAO_URBAN)
    facts->hukou = JZ_STANDARD_HUKOU_URBAN;
  else if (hukou == NULL && facts->program == JZ_BENEFIT_DIBAO_RURAL)
    facts->hukou = JZ_STANDARD_HUKOU_RURAL;
  else if (!jz_standard_hukou_from_code (hukou, &facts->hukou) || facts->hukou == JZ_STANDARD_HUKOU_ANY)
    return field_error (error, _("Give “%s” as urban or rural."), "hukou");

  if (tier == NULL)
    facts->care_tier = JZ_BENEFIT_CARE_NONE;
  else if (g_str_equal (tier, "self_care"))
    facts->care_tier = JZ_BENEFIT_CARE_SELF;
  else if (g_str_equal (tier, "partial_care"))
    facts->care_tier = JZ_BENEFIT_CARE_PARTIAL;
  else if (g_str_equal (tier, "full_care"))
    facts->care_tier = JZ_BENEFIT_CARE_FULL;
  else
    return field_error (error, _("Give “%s” as self_care, partial_care or full_care."), "care_tier");

  facts->township = g_strdup (township);
  facts->institution = g_strdup (institution);

  members = member_of (root, "members");
  if (members != NULL)
    {
      if (members->type != JSON_ARRAY)
        return field_error (error, _("The field “%s” must be a list in square brackets."), "members");
      if (members->items->len > JZ_BENEFIT_MAX_MEMBERS)
        {
          g_set_error (error, JZ_BENEFIT_ERROR, JZ_BENEFIT_ERROR_FACTS,
                       _("A household has at most %d members here; check the list."), JZ_BENEFIT_MAX_MEMBERS);
          return FALSE;
        }
      for (guint i = 0; i < members->items->len; i++)
        if (!read_member (g_ptr_array_index (members->items, i), i, jz_benefit_facts_add_member (facts), error))
          return FALSE;
    }

  temporary = member_of (root, "temporary");
  if (temporary != NULL && !read_temporary (temporary, facts, error))
    return FALSE;

  gradual_exit = member_of (root, "gradual_exit");
  if (gradual_exit != NULL && !read_gradual_exit (gradual_exit, facts, error))
    return FALSE;

  return TRUE;
}

/**
 * jz_benefit_facts_parse_json:
 * @length: of @text in bytes, or -1 when it ends with a NUL
 *
 * Reads facts written as JSON:
 *
 *   {"program": "dibao_urban",               one of the program codes
 *    "hukou": "urban",                        urban or rural; for dibao it may follow from the program
 *    "township": "柳河镇",                    optional: a township with standards of its own
 *    "members": [{"birth": "1950-03-01",      required for each member
 *                 "in_program": true,         default true; false: lives in the household, not covered
 *                 "monthly_income_fen": 30000, default 0
 *                 "conditions": ["severe_disability", "severe_illness", "sanwu"]}],
 *    "single_person": false,                  单人保: one severely disabled member alone
 *    "care_tier": "full_care",                self_care, partial_care, full_care (dispersed tekun)
 *    "institution": "…",                      centralized tekun: who is paid
 *    "temporary": {"kind": "illness", "multiple": 6},   illness, education, other; up to 4 decimals
 *    "emergency": false,                      先行救助
 *    "gradual_exit": {"months": 1, "amount_before_fen": 45000}}
 *
 * Elderly and minor follow from the birth date.  Unknown fields are
 * refused, so that a misspelt one is not silently ignored.  Numbers are
 * read from their text: no floating point.
 *
 * Returns: (transfer full): the facts, or %NULL with @error set naming the
 *   field (never its value, which may be personal)
 */
JzBenefitFacts *
jz_benefit_facts_parse_json (const char  *text,
                             gssize       length,
                             GError     **error)
{
  g_autoptr(JzBenefitFacts) facts = jz_benefit_facts_new ();
  g_autoptr(Json) root = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  root = json_parse (text, length < 0 ? strlen (text) : (gsize) length, error);
  if (root == NULL)
    return NULL;

  if (!facts_from_json (root, facts, error))
    return NULL;

  return g_steal_pointer (&facts);
}

/* ---- from a case ---------------------------------------------------- */

/* Whole months from @from to @to: 2026-01-15 → 2026-03-14 is 1. */
static int
months_between (const GDate *from,
                const GDate *to)
{
  int months = ((int) g_date_get_year (to) - (int) g_date_get_year (from)) * 12 +
               (int) g_date_get_month (to) - (int) g_date_get_month (from);

  if (g_date_get_day (to) < g_date_get_day (from))
    months--;
  return MAX (months, 0);
}

static JzBenefitCareTier
care_tier_from_code (const char *code)
{
  if (g_strcmp0 (code, "full_care") == 0)
    return JZ_BENEFIT_CARE_FULL;
  if (g_strcmp0 (code, "partial_care") == 0)
    return JZ_BENEFIT_CARE_PARTIAL;
  return JZ_BENEFIT_CARE_SELF;
}

static gboolean
read_members (JzDb            *db,
              gint64           case_id,
              gint64           household_id,
              gint64           person_id,
              JzBenefitFacts  *facts,
              GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  /* Severe disability as DESIGN §3 has it: grade 1–2, or grade 3
   * intellectual or mental. */
  stmt = jz_db_prepare (db,
                        "SELECT p.birth_date, "
                        "       NOT EXISTS (SELECT 1 FROM case_exclusions e WHERE e.case_id = ?1 AND e.person_id = p.id), "
                        "       (SELECT coalesce (sum (i.monthly_amount), 0) FROM incomes i WHERE i.person_id = p.id), "
                        "       coalesce (p.disability_grade IN (1, 2) "
                        "                 OR (p.disability_grade = 3 AND p.disability_kind IN ('intellectual', 'mental')), 0), "
                        "       coalesce (p.severe_illness, '') <> '', p.sanwu, p.self_care "
                        "FROM persons p WHERE p.household_id = ?2 AND p.active = 1 AND (?3 = 0 OR p.id = ?3) "
                        "ORDER BY p.id",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_int64 (stmt, 2, household_id);
  sqlite3_bind_int64 (stmt, 3, person_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JzBenefitMember *member;

      if (facts->n_members >= JZ_BENEFIT_MAX_MEMBERS)
        break;
      member = jz_benefit_facts_add_member (facts);
      if (!jz_benefit_parse_date ((const char *) sqlite3_column_text (stmt, 0), &member->birth))
        {
          g_set_error (error, JZ_BENEFIT_ERROR, JZ_BENEFIT_ERROR_FACTS,
                       _("Member %u of the household has no valid birth date; correct it in the household file."),
                       facts->n_members);
          return FALSE;
        }
      member->in_program = person_id != 0 || sqlite3_column_int (stmt, 1) != 0;
      member->monthly_income = sqlite3_column_int64 (stmt, 2);
      if (sqlite3_column_int (stmt, 3))
        member->conditions |= JZ_BENEFIT_SEVERE_DISABILITY;
      if (sqlite3_column_int (stmt, 4))
        member->conditions |= JZ_BENEFIT_SEVERE_ILLNESS;
      if (sqlite3_column_int (stmt, 5))
        member->conditions |= JZ_BENEFIT_SANWU;
      if (facts->program == JZ_BENEFIT_TEKUN_DISPERSED)
        facts->care_tier = care_tier_from_code ((const char *) sqlite3_column_text (stmt, 6));
    }

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return FALSE;
    }

  if (facts->n_members == 0)
    {
      g_set_error_literal (error, JZ_BENEFIT_ERROR, JZ_BENEFIT_ERROR_FACTS,
                           _("The case has no current household member to compute for."));
      return FALSE;
    }

  return TRUE;
}

/**
 * jz_benefit_facts_from_case:
 * @on_date: YYYY-MM-DD, for the months of a gradual exit
 * @township_id: (out) (optional): the township of the household
 *
 * The facts of a case as the household file has them now: the household's
 * hukou; its current members (or, for a case of one person — single-person
 * dibao, tekun, the subsidies — that person) with their incomes, in the
 * program unless excluded from the case; severe disability, severe
 * illness, sanwu and the care tier from the person's file; the kind and
 * multiple of temporary assistance, the emergency flag and the institution
 * from the case.  A case with exit_from is in gradual exit: the whole
 * months from exit_from to @on_date, keeping the case's monthly amount.
 * For tekun without a person, the head of the household is the recipient.
 *
 * Returns: (transfer full): the facts, or %NULL with @error set
 */
JzBenefitFacts *
jz_benefit_facts_from_case (JzDb        *db,
                            gint64       case_id,
                            const char  *on_date,
                            gint64      *township_id,
                            GError     **error)
{
  g_autoptr(JzBenefitFacts) facts = jz_benefit_facts_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *temp_kind, *exit_from;
  gint64 household_id, person_id;
  GDate on;
  int rc;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  if (!jz_benefit_parse_date (on_date, &on))
    {
      g_set_error_literal (error, JZ_BENEFIT_ERROR, JZ_BENEFIT_ERROR_FACTS,
                           _("Give the date as YYYY-MM-DD, for example 2026-07-01."));
      return NULL;
    }

  stmt = jz_db_prepare (db,
                        "SELECT c.program, c.household_id, coalesce (c.person_id, 0), h.head_person_id, h.hukou, "
                        "       CASE r.level WHEN 'village' THEN r.parent_id WHEN 'township' THEN r.id ELSE 0 END, "
                        "       c.temp_kind, coalesce (c.temp_multiple_bp, 0), c.emergency, c.institution, "
                        "       c.exit_from, c.monthly_amount "
                        "FROM cases c JOIN households h ON h.id = c.household_id "
                        "JOIN regions r ON r.id = h.region_id WHERE c.id = ?",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_NOT_FOUND,
                             _("There is no case with this number; check the number."));
      else
        jz_db_set_error (db, rc, error);
      return NULL;
    }

  if (!jz_benefit_program_from_code ((const char *) sqlite3_column_text (stmt, 0), &facts->program) ||
      !jz_standard_hukou_from_code ((const char *) sqlite3_column_text (stmt, 4), &facts->hukou))
    {
      g_set_error_literal (error, JZ_BENEFIT_ERROR, JZ_BENEFIT_ERROR_FACTS,
                           _("The case has a program or hukou this version does not know."));
      return NULL;
    }

  household_id = sqlite3_column_int64 (stmt, 1);
  person_id = sqlite3_column_int64 (stmt, 2);
  if (person_id == 0 && (facts->program == JZ_BENEFIT_TEKUN_DISPERSED ||
                         facts->program == JZ_BENEFIT_TEKUN_CENTRALIZED))
    person_id = sqlite3_column_int64 (stmt, 3);
  facts->single_person = person_id != 0 && (facts->program == JZ_BENEFIT_DIBAO_URBAN ||
                                            facts->program == JZ_BENEFIT_DIBAO_RURAL);
  if (township_id != NULL)
    *township_id = sqlite3_column_int64 (stmt, 5);

  temp_kind = (const char *) sqlite3_column_text (stmt, 6);
  if (g_strcmp0 (temp_kind, "illness") == 0)
    facts->temp_kind = JZ_BENEFIT_TEMP_ILLNESS;
  else if (g_strcmp0 (temp_kind, "education") == 0)
    facts->temp_kind = JZ_BENEFIT_TEMP_EDUCATION;
  else if (g_strcmp0 (temp_kind, "other") == 0)
    facts->temp_kind = JZ_BENEFIT_TEMP_OTHER;
  facts->temp_multiple_bp = sqlite3_column_int64 (stmt, 7);
  facts->emergency = sqlite3_column_int (stmt, 8) != 0;
  facts->institution = jz_db_column_dup (stmt, 9);

  exit_from = (const char *) sqlite3_column_text (stmt, 10);
  if (exit_from != NULL)
    {
      GDate since;

      if (!jz_benefit_parse_date (exit_from, &since))
        {
          g_set_error_literal (error, JZ_BENEFIT_ERROR, JZ_BENEFIT_ERROR_FACTS,
                               _("The date the gradual exit started is not a valid date; correct it on the case."));
          return NULL;
        }
      facts->exit_months = months_between (&since, &on);
      facts->amount_before = sqlite3_column_int64 (stmt, 11);
    }

  if (!read_members (db, case_id, household_id, person_id, facts, error))
    return NULL;

  return g_steal_pointer (&facts);
}
