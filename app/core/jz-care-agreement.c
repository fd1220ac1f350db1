/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Care agreements (委托照料协议): drafted, signed, renewed, ended, and a
 * caregiver replaced.  Nothing is rewritten: a renewal or a new caregiver
 * is a new agreement linked to the one before. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-audit.h"
#include "jz-care-private.h"

#define AGREEMENT_COLUMNS \
  "a.id, a.number, a.person_id, coalesce (a.case_id, 0), a.township_id, a.caregiver_id, a.relation, a.tier, " \
  "a.monthly_fee, a.care_content, a.frequency, a.starts_on, a.ends_on, a.signed_on, a.status, a.ended_on, " \
  "a.end_reason, coalesce (a.previous_id, 0), a.link, a.version, p.name, t.name, g.name"
#define AGREEMENT_FROM \
  " FROM care_agreements a JOIN persons p ON p.id = a.person_id JOIN regions t ON t.id = a.township_id " \
  "JOIN caregivers g ON g.id = a.caregiver_id "

static JzCareAgreement *
agreement_from_row (sqlite3_stmt *stmt)
{
  JzCareAgreement *a = g_new0 (JzCareAgreement, 1);

  a->id = sqlite3_column_int64 (stmt, 0);
  a->number = jz_db_column_dup (stmt, 1);
  a->person_id = sqlite3_column_int64 (stmt, 2);
  a->case_id = sqlite3_column_int64 (stmt, 3);
  a->township_id = sqlite3_column_int64 (stmt, 4);
  a->caregiver_id = sqlite3_column_int64 (stmt, 5);
  a->relation = jz_db_column_dup (stmt, 6);
  a->tier = jz_db_column_dup (stmt, 7);
  a->monthly_fee = sqlite3_column_int64 (stmt, 8);
  a->care_content = jz_db_column_dup (stmt, 9);
  a->frequency = jz_db_column_dup (stmt, 10);
  a->starts_on = jz_db_column_dup (stmt, 11);
  a->ends_on = jz_db_column_dup (stmt, 12);
  a->signed_on = jz_db_column_dup (stmt, 13);
  a->status = jz_db_column_dup (stmt, 14);
  a->ended_on = jz_db_column_dup (stmt, 15);
  a->end_reason = jz_db_column_dup (stmt, 16);
  a->previous_id = sqlite3_column_int64 (stmt, 17);
  a->link = jz_db_column_dup (stmt, 18);
  a->version = sqlite3_column_int64 (stmt, 19);
  a->person_name = jz_db_column_dup (stmt, 20);
  a->township_name = jz_db_column_dup (stmt, 21);
  a->caregiver_name = jz_db_column_dup (stmt, 22);
  return a;
}

JzCareAgreement *
jz_care_agreement_get (JzDb     *db,
                       gint64    id,
                       GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  stmt = jz_db_prepare (db, "SELECT " AGREEMENT_COLUMNS AGREEMENT_FROM "WHERE a.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return agreement_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_NOT_FOUND, _("This care agreement is no longer in the database."));
  else
    jz_db_set_error (db, rc, error);
  return NULL;
}

/**
 * jz_care_agreement_list:
 *
 * Returns: (transfer full) (element-type JzCareAgreement): a recipient's
 *   agreements, the newest first
 */
GPtrArray *
jz_care_agreement_list (JzDb     *db,
                        gint64    person_id,
                        GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) jz_care_agreement_free);
  int rc;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  stmt = jz_db_prepare (db, "SELECT " AGREEMENT_COLUMNS AGREEMENT_FROM
                        "WHERE a.person_id = ? ORDER BY a.starts_on DESC, a.id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, agreement_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* ---- drafting ---------------------------------------------------------- */

static JzStandardKind
fee_kind (const char *tier)
{
  if (g_strcmp0 (tier, "full_care") == 0)
    return JZ_STANDARD_CARE_FULL_PCT;
  if (g_strcmp0 (tier, "partial_care") == 0)
    return JZ_STANDARD_CARE_PARTIAL_PCT;
  return JZ_STANDARD_CARE_SELF_PCT;
}

/* The tier of the newest assessment on or before @on_date, else the
 * person's self-care level. */
static char *
tier_on (JzDb       *db,
         gint64      person_id,
         const char *on_date)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = jz_db_prepare (db,
                        "SELECT coalesce ((SELECT tier FROM care_assessments WHERE person_id = ?1 AND assessed_on <= ?2 "
                        "ORDER BY assessed_on DESC, id DESC LIMIT 1), (SELECT self_care FROM persons WHERE id = ?1))",
                        NULL);
  if (stmt == NULL)
    return g_strdup ("self_care");
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_text (stmt, 2, on_date, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    return jz_db_column_dup (stmt, 0);
  return g_strdup ("self_care");
}

/* The tier's percentage of the minimum wage in force on starts_on,
 * rounded half up to the fen. */
static gboolean
compute_fee (JzDb             *db,
             JzCareAgreement  *a,
             GError          **error)
{
  gint64 rate = 0, wage = 0;

  if (!jz_care_standard (db, fee_kind (a->tier), a->township_id, a->starts_on, &rate, error) ||
      !jz_care_standard (db, JZ_STANDARD_MIN_WAGE, a->township_id, a->starts_on, &wage, error))
    return FALSE;

  a->monthly_fee = (rate * wage + 5000) / 10000;
  return TRUE;
}

/* township code-year-sequence: 370302101-2026-0007 */
static char *
next_number (JzDb        *db,
             gint64       township_id,
             const char  *starts_on,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *prefix = NULL;
  gint64 last = 0;
  int rc;

  stmt = jz_db_prepare (db, "SELECT code FROM regions WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, township_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      jz_care_invalid (error, _("The recipient’s household is in no township; put it in a village first."));
      return NULL;
    }
  prefix = g_strdup_printf ("%s-%.4s-", (const char *) sqlite3_column_text (stmt, 0), starts_on);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = jz_db_prepare (db,
                        "SELECT coalesce (max (CAST (substr (number, length (?1) + 1) AS INTEGER)), 0) "
                        "FROM care_agreements WHERE substr (number, 1, length (?1)) = ?1",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, prefix, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      jz_db_set_error (db, rc, error);
      return NULL;
    }
  last = sqlite3_column_int64 (stmt, 0);
  return g_strdup_printf ("%s%04" G_GINT64_FORMAT, prefix, last + 1);
}

static gboolean
insert_draft (JzDb             *db,
              JzCareAgreement  *a,
              GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 term = 12;

  a->township_id = jz_care_township_of (db, a->person_id);
  a->case_id = jz_care_case_of (db, a->person_id);
  g_free (a->tier);
  a->tier = tier_on (db, a->person_id, a->starts_on);
  if (!compute_fee (db, a, error))
    return FALSE;
  if (a->ends_on == NULL || *a->ends_on == '\0')
    {
      g_autofree char *after = NULL;

      if (!jz_care_standard (db, JZ_STANDARD_CARE_TERM_MONTHS, a->township_id, a->starts_on, &term, error))
        return FALSE;
      after = jz_care_add_months (a->starts_on, (int) term);
      g_free (a->ends_on);
      a->ends_on = jz_care_add_days (after, -1);
    }
  if (g_strcmp0 (a->ends_on, a->starts_on) <= 0)
    return jz_care_invalid (error, _("An agreement ends after it starts."));

  g_free (a->number);
  a->number = next_number (db, a->township_id, a->starts_on, error);
  if (a->number == NULL)
    return FALSE;

  stmt = jz_db_prepare (db,
                        "INSERT INTO care_agreements (number, person_id, case_id, township_id, caregiver_id, relation, "
                        "tier, monthly_fee, care_content, frequency, starts_on, ends_on, previous_id, link) "
                        "VALUES (?, ?, nullif (?, 0), ?, ?, ?, ?, ?, ?, ?, ?, ?, nullif (?, 0), ?)",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, a->number, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, a->person_id);
  sqlite3_bind_int64 (stmt, 3, a->case_id);
  sqlite3_bind_int64 (stmt, 4, a->township_id);
  sqlite3_bind_int64 (stmt, 5, a->caregiver_id);
  sqlite3_bind_text (stmt, 6, a->relation != NULL ? a->relation : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, a->tier, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, a->monthly_fee);
  sqlite3_bind_text (stmt, 9, a->care_content != NULL ? a->care_content : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, a->frequency != NULL ? a->frequency : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, a->starts_on, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 12, a->ends_on, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 13, a->previous_id);
  sqlite3_bind_text (stmt, 14, a->link, -1, SQLITE_STATIC);
  if (!jz_db_step_done (db, stmt, error))
    return FALSE;

  a->id = sqlite3_last_insert_rowid (jz_db_get_handle (db));
  a->version = 1;
  g_free (a->status);
  a->status = g_strdup ("draft");
  return jz_audit_record_change (db, "care_agreements", a->id, "insert", NULL, error);
}

static gboolean
draft_cb (JzDb     *db,
          gpointer  user_data,
          GError  **error)
{
  return insert_draft (db, user_data, error);
}

static gboolean
check_draft (JzDb             *db,
             JzCareAgreement  *a,
             GError          **error)
{
  g_autoptr(JzCaregiver) caregiver = NULL;

  if (!jz_care_check_day (a->starts_on, _("the day the agreement starts"), error))
    return FALSE;
  if (a->ends_on != NULL && *a->ends_on != '\0' &&
      !jz_care_check_day (a->ends_on, _("the day the agreement ends"), error))
    return FALSE;
  if (!jz_user_check_person (db, JZ_PERMISSION_EDIT_FILES, a->person_id, error))
    return FALSE;
  if (jz_care_case_of (db, a->person_id) == 0)
    {
      g_set_error_literal (error, JZ_CARE_ERROR, JZ_CARE_ERROR_NOT_RECIPIENT,
                           _("This person receives no support as a dispersed extreme-poverty recipient; care is recorded for those who do."));
      return FALSE;
    }
  caregiver = jz_caregiver_get (db, a->caregiver_id, error);
  return caregiver != NULL;
}

gint64
jz_care_agreement_draft (JzDb             *db,
                         JzCareAgreement  *agreement,
                         GError          **error)
{
  g_return_val_if_fail (JZ_IS_DB (db), 0);
  g_return_val_if_fail (agreement != NULL, 0);

  agreement->previous_id = 0;
  g_clear_pointer (&agreement->link, g_free);
  if (!check_draft (db, agreement, error))
    return 0;
  if (!jz_db_write (db, draft_cb, agreement, error))
    {
      agreement->id = 0;
      return 0;
    }
  return agreement->id;
}

/* ---- the steps ------------------------------------------------------------ */

typedef struct
{
  gint64           id;
  const char      *on_date;
  const char      *reason;
  gint64           caregiver_id;
  const char      *relation;
  JzCareAgreement *created;
} Step;

static gboolean
update_status (JzDb        *db,
               gint64       id,
               const char  *sql,
               const char  *date,
               const char  *reason,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *before = jz_audit_snapshot (db, "care_agreements", id, error);

  if (before == NULL)
    return FALSE;
  stmt = jz_db_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":id"), id);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":date"), date, -1, SQLITE_STATIC);
  if (sqlite3_bind_parameter_index (stmt, ":reason") > 0)
    sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":reason"), reason, -1, SQLITE_STATIC);
  if (!jz_db_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (jz_db_get_handle (db)) == 0)
    {
      g_set_error_literal (error, JZ_CARE_ERROR, JZ_CARE_ERROR_STATE,
                           _("The agreement is no longer in a state for this step; another clerk may have changed it. Reload it."));
      return FALSE;
    }
  return jz_audit_record_change (db, "care_agreements", id, "update", before, error);
}

static gboolean
sign_cb (JzDb     *db,
         gpointer  user_data,
         GError  **error)
{
  Step *step = user_data;
  g_autoptr(JzCareAgreement) a = jz_care_agreement_get (db, step->id, error);
  g_autoptr(sqlite3_stmt) other = NULL;

  if (a == NULL)
    return FALSE;
  if (!g_str_equal (a->status, "draft"))
    {
      g_set_error_literal (error, JZ_CARE_ERROR, JZ_CARE_ERROR_STATE, _("Only a draft agreement is signed."));
      return FALSE;
    }

  /* A renewal takes over from the agreement it renews, on its end. */
  if (a->previous_id != 0 && g_strcmp0 (a->link, "renewal") == 0)
    {
      g_autofree char *before = jz_audit_snapshot (db, "care_agreements", a->previous_id, error);
      g_autoptr(sqlite3_stmt) expire = NULL;

      if (before == NULL)
        return FALSE;
      expire = jz_db_prepare (db,
                              "UPDATE care_agreements SET status = 'expired', ended_on = ends_on, version = version + 1 "
                              "WHERE id = ? AND status = 'active'",
                              error);
      if (expire == NULL)
        return FALSE;
      sqlite3_bind_int64 (expire, 1, a->previous_id);
      if (!jz_db_step_done (db, expire, error))
        return FALSE;
      if (sqlite3_changes (jz_db_get_handle (db)) > 0 &&
          !jz_audit_record_change (db, "care_agreements", a->previous_id, "update", before, error))
        return FALSE;
    }

  other = jz_db_prepare (db, "SELECT number FROM care_agreements WHERE person_id = ? AND status = 'active' AND id <> ?",
                         error);
  if (other == NULL)
    return FALSE;
  sqlite3_bind_int64 (other, 1, a->person_id);
  sqlite3_bind_int64 (other, 2, a->id);
  if (sqlite3_step (other) == SQLITE_ROW)
    {
      g_set_error (error, JZ_CARE_ERROR, JZ_CARE_ERROR_ACTIVE,
                   /* TRANSLATORS: %s is the number of the agreement in force */
                   _("Agreement %s is in force for this recipient; end it, or renew it, before signing another."),
                   (const char *) sqlite3_column_text (other, 0));
      return FALSE;
    }

  return update_status (db, step->id,
                        "UPDATE care_agreements SET status = 'active', signed_on = :date, version = version + 1 "
                        "WHERE id = :id AND status = 'draft'",
                        step->on_date, NULL, error);
}

gboolean
jz_care_agreement_sign (JzDb        *db,
                        gint64       id,
                        const char  *signed_on,
                        GError     **error)
{
  g_autoptr(JzCareAgreement) a = NULL;
  Step step = { id, signed_on, NULL, 0, NULL, NULL };

  g_return_val_if_fail (JZ_IS_DB (db), FALSE);

  if (!jz_care_check_day (signed_on, _("the day the agreement was signed"), error))
    return FALSE;
  a = jz_care_agreement_get (db, id, error);
  if (a == NULL || !jz_user_check_person (db, JZ_PERMISSION_EDIT_FILES, a->person_id, error))
    return FALSE;
  return jz_db_write (db, sign_cb, &step, error);
}

static gboolean
terminate_cb (JzDb     *db,
              gpointer  user_data,
              GError  **error)
{
  Step *step = user_data;

  return update_status (db, step->id,
                        "UPDATE care_agreements SET status = 'terminated', ended_on = :date, end_reason = :reason, "
                        "version = version + 1 WHERE id = :id AND status IN ('draft', 'active')",
                        step->on_date, step->reason, error);
}

static gboolean
blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static gboolean
check_end (JzDb             *db,
           gint64            id,
           const char       *on_date,
           const char       *reason,
           JzCareAgreement **agreement,
           GError          **error)
{
  g_autoptr(JzCareAgreement) a = NULL;

  if (!jz_care_check_day (on_date, _("the day the agreement ends"), error))
    return FALSE;
  if (blank (reason))
    return jz_care_invalid (error, _("Give the reason the agreement ends; it is kept with the agreement."));
  a = jz_care_agreement_get (db, id, error);
  if (a == NULL || !jz_user_check_person (db, JZ_PERMISSION_EDIT_FILES, a->person_id, error))
    return FALSE;
  if (!g_str_equal (a->status, "draft") && !g_str_equal (a->status, "active"))
    {
      g_set_error_literal (error, JZ_CARE_ERROR, JZ_CARE_ERROR_STATE, _("This agreement has already ended."));
      return FALSE;
    }
  if (g_strcmp0 (on_date, a->starts_on) < 0)
    return jz_care_invalid (error, _("An agreement cannot end before it starts."));
  if (agreement != NULL)
    *agreement = g_steal_pointer (&a);
  return TRUE;
}

gboolean
jz_care_agreement_terminate (JzDb        *db,
                             gint64       id,
                             const char  *on_date,
                             const char  *reason,
                             GError     **error)
{
  Step step = { id, on_date, reason, 0, NULL, NULL };

  g_return_val_if_fail (JZ_IS_DB (db), FALSE);

  if (!check_end (db, id, on_date, reason, NULL, error))
    return FALSE;
  return jz_db_write (db, terminate_cb, &step, error);
}

static gboolean
successor_cb (JzDb     *db,
              gpointer  user_data,
              GError  **error)
{
  Step *step = user_data;

  if (step->reason != NULL && !terminate_cb (db, step, error))
    return FALSE;
  return insert_draft (db, step->created, error);
}

static JzCareAgreement *
successor_of (const JzCareAgreement *a,
              const char            *starts_on,
              const char            *link)
{
  JzCareAgreement *next = jz_care_agreement_new ();

  next->person_id = a->person_id;
  next->caregiver_id = a->caregiver_id;
  g_free (next->relation);
  next->relation = g_strdup (a->relation);
  g_free (next->care_content);
  next->care_content = g_strdup (a->care_content);
  g_free (next->frequency);
  next->frequency = g_strdup (a->frequency);
  next->starts_on = g_strdup (starts_on);
  next->previous_id = a->id;
  next->link = g_strdup (link);
  return next;
}

gint64
jz_care_agreement_renew (JzDb     *db,
                         gint64    id,
                         GError  **error)
{
  g_autoptr(JzCareAgreement) a = NULL;
  g_autoptr(JzCareAgreement) next = NULL;
  g_autofree char *starts_on = NULL;
  Step step = { id, NULL, NULL, 0, NULL, NULL };

  g_return_val_if_fail (JZ_IS_DB (db), 0);

  a = jz_care_agreement_get (db, id, error);
  if (a == NULL || !jz_user_check_person (db, JZ_PERMISSION_EDIT_FILES, a->person_id, error))
    return 0;
  if (!g_str_equal (a->status, "active"))
    {
      g_set_error_literal (error, JZ_CARE_ERROR, JZ_CARE_ERROR_STATE, _("Only an agreement in force is renewed."));
      return 0;
    }

  starts_on = jz_care_add_days (a->ends_on, 1);
  next = successor_of (a, starts_on, "renewal");
  step.created = next;
  if (!jz_db_write (db, successor_cb, &step, error))
    return 0;
  return next->id;
}

gint64
jz_care_agreement_replace (JzDb        *db,
                           gint64       id,
                           gint64       caregiver_id,
                           const char  *relation,
                           const char  *on_date,
                           const char  *reason,
                           GError     **error)
{
  g_autoptr(JzCareAgreement) a = NULL;
  g_autoptr(JzCareAgreement) next = NULL;
  g_autoptr(JzCaregiver) caregiver = NULL;
  Step step = { id, on_date, reason, caregiver_id, relation, NULL };

  g_return_val_if_fail (JZ_IS_DB (db), 0);

  if (!check_end (db, id, on_date, reason, &a, error))
    return 0;
  if (caregiver_id == a->caregiver_id)
    return jz_care_invalid (error, _("Choose another caregiver: this one is the agreement’s.")), 0;
  caregiver = jz_caregiver_get (db, caregiver_id, error);
  if (caregiver == NULL)
    return 0;

  next = successor_of (a, on_date, "replacement");
  next->caregiver_id = caregiver_id;
  g_free (next->relation);
  next->relation = g_strdup (relation != NULL ? relation : "");
  step.created = next;
  if (!jz_db_write (db, successor_cb, &step, error))
    return 0;
  return next->id;
}
