/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jz-audit.h"
#include "jz-db-private.h"
#include "jz-office.h"
#include "jz-user.h"

/* Long enough for any sentence an office would print, short enough to
 * catch a whole document pasted into a field. */
#define MAX_VALUE_CHARS 1000
#define MAX_PHONE_CHARS 40

G_DEFINE_QUARK (jz-office-error-quark, jz_office_error)

typedef struct
{
  const char *key;
  const char *value;  /* NULL: back to the default */
} SetData;

/**
 * jz_office_setting_key:
 *
 * Returns: (transfer none): the key of @setting in the meta table
 */
const char *
jz_office_setting_key (JzOfficeSetting setting)
{
  switch (setting)
    {
    case JZ_OFFICE_NAME:
      return "office_name";
    case JZ_OFFICE_COMPLAINT_PHONE:
      return "office_complaint_phone";
    case JZ_OFFICE_APPEAL_ROUTE:
      return "office_appeal_route";
    case JZ_OFFICE_DISCLOSURE_TITLE:
      return "disclosure_title";
    case JZ_OFFICE_DISCLOSURE_PARTIAL_ID:
      return "disclosure_partial_id";
    case JZ_OFFICE_DISCLOSURE_MASK_NAMES:
      return "disclosure_mask_names";
    case JZ_OFFICE_DISCLOSURE_REMARKS:
      return "disclosure_remarks";
    case JZ_OFFICE_ROLL_NEXT_MONTH:
      return "roll_next_month";
    default:
      g_return_val_if_reached (NULL);
    }
}

static gboolean
read_meta (JzDb        *db,
           const char  *key,
           char       **value,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  *value = NULL;
  stmt = jz_db_prepare (db, "SELECT value FROM meta WHERE key = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *value = jz_db_column_dup (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return FALSE;
    }

  return TRUE;
}

/**
 * jz_office_district_name:
 *
 * Returns: (transfer full): the name of the district in the regions
 *   table, or "" while there is none
 */
char *
jz_office_district_name (JzDb    *db,
                         GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  stmt = jz_db_prepare (db, "SELECT name FROM regions WHERE level = 'district' ORDER BY id LIMIT 1", error);
  if (stmt == NULL)
    return NULL;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return jz_db_column_dup (stmt, 0);
  if (rc == SQLITE_DONE)
    return g_strdup ("");

  jz_db_set_error (db, rc, error);
  return NULL;
}

/**
 * jz_office_get_default:
 *
 * Returns: (transfer full): what @setting reads as while it is not set
 */
char *
jz_office_get_default (JzDb             *db,
                       JzOfficeSetting   setting,
                       GError          **error)
{
  g_autofree char *district = NULL;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  switch (setting)
    {
    case JZ_OFFICE_NAME:
      district = jz_office_district_name (db, error);
      if (district == NULL)
        return NULL;
      if (*district == '\0')
        return g_strdup (_("Civil Affairs Bureau"));
      /* TRANSLATORS: the issuing office of notices; %s is the district, e.g. 青禾区 */
      return g_strdup_printf (_("%s Civil Affairs Bureau"), district);

    case JZ_OFFICE_COMPLAINT_PHONE:
      return g_strdup ("");

    case JZ_OFFICE_APPEAL_ROUTE:
      /* Administrative Reconsideration Law (2023) art. 20 and 24, and
       * Administrative Procedure Law art. 46: the district government
       * reviews its departments' decisions. */
      return g_strdup_printf (/* TRANSLATORS: printed on a refusal notice; %s is the district, e.g. 青禾区 */
                              _("If you disagree with this decision, you may apply for administrative reconsideration to the %s People's Government within 60 days of receiving this notice, or bring an administrative lawsuit before the people's court within 6 months."),
                              "{district}");

    case JZ_OFFICE_DISCLOSURE_TITLE:
      /* TRANSLATORS: the default title of a disclosure list; keep the words in braces */
      return g_strdup (_("{place} {year}-{month} {program} disclosure list"));

    case JZ_OFFICE_DISCLOSURE_PARTIAL_ID:
    case JZ_OFFICE_DISCLOSURE_MASK_NAMES:
    case JZ_OFFICE_DISCLOSURE_REMARKS:
    case JZ_OFFICE_ROLL_NEXT_MONTH:
      return g_strdup ("");

    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * jz_office_get:
 * @is_default: (out) (optional): whether the setting is not set and its
 *   default was returned
 *
 * Returns: (transfer full): the setting, or its default while it is not
 *   set; %NULL with @error set when the database cannot be read
 */
char *
jz_office_get (JzDb             *db,
               JzOfficeSetting   setting,
               gboolean         *is_default,
               GError          **error)
{
  g_autofree char *value = NULL;
  const char *key;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  key = jz_office_setting_key (setting);
  g_return_val_if_fail (key != NULL, NULL);

  if (!read_meta (db, key, &value, error))
    return NULL;

  if (is_default != NULL)
    *is_default = value == NULL;
  if (value != NULL)
    return g_steal_pointer (&value);

  return jz_office_get_default (db, setting, error);
}

static gboolean
valid_phone (const char *phone)
{
  for (const char *p = phone; *p; p++)
    if (!g_ascii_isdigit (*p) && strchr (" -+()", *p) == NULL)
      return FALSE;

  return TRUE;
}

static char *
json_pair (JzDb        *db,
           const char  *key,
           const char  *value,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (value == NULL)
    return NULL;

  stmt = jz_db_prepare (db, "SELECT json_object (?1, ?2)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      jz_db_set_error (db, sqlite3_errcode (jz_db_get_handle (db)), error);
      return NULL;
    }

  return jz_db_column_dup (stmt, 0);
}

static gboolean
set_cb (JzDb     *db,
        gpointer  user_data,
        GError  **error)
{
  SetData *data = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *old = NULL;
  g_autofree char *old_json = NULL;
  g_autofree char *new_json = NULL;
  const char *action;

  if (!read_meta (db, data->key, &old, error))
    return FALSE;
  if (g_strcmp0 (old, data->value) == 0)
    return TRUE;

  if (data->value == NULL)
    {
      stmt = jz_db_prepare (db, "DELETE FROM meta WHERE key = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, data->key, -1, SQLITE_STATIC);
    }
  else
    {
      stmt = jz_db_prepare (db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, data->key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, data->value, -1, SQLITE_STATIC);
    }
  if (!jz_db_step_done (db, stmt, error))
    return FALSE;

  if (old != NULL && (old_json = json_pair (db, data->key, old, error)) == NULL)
    return FALSE;
  if (data->value != NULL && (new_json = json_pair (db, data->key, data->value, error)) == NULL)
    return FALSE;

  action = old == NULL ? "insert" : data->value == NULL ? "delete" : "update";
  /* The meta table has no row ids: its entries are told apart by key. */
  return jz_audit_record (db, "meta", 0, action, old_json, new_json, error);
}

/**
 * jz_office_set:
 * @value: (nullable): the new value; %NULL or blank goes back to the
 *   default
 *
 * Saves one setting, with an audit entry, in one transaction.  Leading
 * and trailing blanks are dropped.
 */
gboolean
jz_office_set (JzDb             *db,
               JzOfficeSetting   setting,
               const char       *value,
               GError          **error)
{
  g_autofree char *clean = NULL;
  SetData data = { 0 };

  g_return_val_if_fail (JZ_IS_DB (db), FALSE);

  data.key = jz_office_setting_key (setting);
  g_return_val_if_fail (data.key != NULL, FALSE);

  /* What notices print is the district's to set, as the standards are. */
  if (!jz_user_check (jz_user_get_actor (db), JZ_PERMISSION_STANDARDS, 0, error))
    return FALSE;

  if (value != NULL)
    {
      if (!g_utf8_validate (value, -1, NULL))
        {
          g_set_error_literal (error, JZ_OFFICE_ERROR, JZ_OFFICE_ERROR_INVALID,
                               _("The text contains characters that are not valid; type it again."));
          return FALSE;
        }
      clean = g_strstrip (g_strdup (value));
    }

  if (clean != NULL && *clean != '\0')
    {
      if (g_utf8_strlen (clean, -1) > MAX_VALUE_CHARS)
        {
          g_set_error (error, JZ_OFFICE_ERROR, JZ_OFFICE_ERROR_INVALID,
                       _("The text is longer than %d characters; shorten it."), MAX_VALUE_CHARS);
          return FALSE;
        }
      if (setting == JZ_OFFICE_COMPLAINT_PHONE &&
          (strlen (clean) > MAX_PHONE_CHARS || !valid_phone (clean)))
        {
          g_set_error_literal (error, JZ_OFFICE_ERROR, JZ_OFFICE_ERROR_INVALID,
                               _("A phone number has digits, blanks, dashes and brackets only, for example 0533-1234567."));
          return FALSE;
        }
      if (setting == JZ_OFFICE_DISCLOSURE_PARTIAL_ID && !jz_office_parse_partial_id (clean, NULL, NULL))
        {
          g_set_error_literal (error, JZ_OFFICE_ERROR, JZ_OFFICE_ERROR_INVALID,
                               _("Give the characters of the ID number kept at the start and at the end, for example 4,2; at most 10 in all."));
          return FALSE;
        }
      if ((setting == JZ_OFFICE_DISCLOSURE_MASK_NAMES || setting == JZ_OFFICE_DISCLOSURE_REMARKS ||
           setting == JZ_OFFICE_ROLL_NEXT_MONTH) &&
          !g_str_equal (clean, "1") && !g_str_equal (clean, "0"))
        {
          g_set_error_literal (error, JZ_OFFICE_ERROR, JZ_OFFICE_ERROR_INVALID,
                               _("This setting is on (1) or off (0)."));
          return FALSE;
        }
      /* Off is the default: not stored. */
      if ((setting == JZ_OFFICE_DISCLOSURE_MASK_NAMES || setting == JZ_OFFICE_DISCLOSURE_REMARKS ||
           setting == JZ_OFFICE_ROLL_NEXT_MONTH) &&
          g_str_equal (clean, "0"))
        data.value = NULL;
      else
        data.value = clean;
    }

  return jz_db_write (db, set_cb, &data, error);
}

/**
 * jz_office_parse_partial_id:
 * @text: "4,2": the characters kept at the start and at the end
 *
 * Returns: whether @text is two numbers, each 0 to 6, 10 at most in all,
 *   and not both 0
 */
gboolean
jz_office_parse_partial_id (const char *text,
                            guint      *head,
                            guint      *tail)
{
  g_auto(GStrv) parts = text != NULL ? g_strsplit (text, ",", -1) : NULL;
  guint64 h, t;

  if (parts == NULL || g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (g_strstrip (parts[0]), 10, 0, 6, &h, NULL) ||
      !g_ascii_string_to_unsigned (g_strstrip (parts[1]), 10, 0, 6, &t, NULL) ||
      h + t == 0 || h + t > 10)
    return FALSE;
  if (head != NULL)
    *head = (guint) h;
  if (tail != NULL)
    *tail = (guint) t;
  return TRUE;
}

/**
 * jz_office_appeal_route:
 *
 * Returns: (transfer full): the appeal sentence to print on a refusal
 *   notice, the district's name in place of {district}
 */
char *
jz_office_appeal_route (JzDb    *db,
                        GError **error)
{
  g_autofree char *template = NULL;
  g_autofree char *district = NULL;
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  template = jz_office_get (db, JZ_OFFICE_APPEAL_ROUTE, NULL, error);
  if (template == NULL)
    return NULL;
  district = jz_office_district_name (db, error);
  if (district == NULL)
    return NULL;

  parts = g_strsplit (template, "{district}", -1);
  return g_strjoinv (district, parts);
}
