/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Care of dispersed tekun recipients: the rules, the assessment, the
 * caregivers and the agreements.  Visits and evaluations are in
 * jz-care-visit.c, the panel's list in jz-care-list.c. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-audit.h"
#include "jz-calendar.h"
#include "jz-care-private.h"
#include "jz-id-number.h"
#include "jz-labels.h"
#include "jz-standard.h"

G_DEFINE_QUARK (jz-care-error-quark, jz_care_error)

/* ---- the rules -------------------------------------------------------- */

/**
 * jz_care_tier_from_activities:
 * @done_alone: the JzCareActivity bits of what the recipient does alone
 *
 * All six alone: self-care (全自理); three or fewer not: partial care
 * (半护理); four or more not: full care (全护理).
 */
const char *
jz_care_tier_from_activities (guint done_alone)
{
  guint not_alone = 0;

  for (guint i = 0; i < JZ_CARE_N_ACTIVITIES; i++)
    if (!(done_alone & (1u << i)))
      not_alone++;

  if (not_alone == 0)
    return "self_care";
  if (not_alone <= 3)
    return "partial_care";
  return "full_care";
}

/* The tiers of paid care (全自理, 半护理, 全护理), not the person's
 * self-care level the household file words otherwise. */
const char *
jz_care_tier_label (const char *tier)
{
  if (g_strcmp0 (tier, "self_care") == 0)
    return C_("care tier", "Self-care");
  if (g_strcmp0 (tier, "partial_care") == 0)
    return C_("care tier", "Partial care");
  if (g_strcmp0 (tier, "full_care") == 0)
    return C_("care tier", "Full care");
  return tier != NULL ? tier : "";
}

const char *
jz_care_activity_label (JzCareActivity activity)
{
  switch (activity)
    {
    case JZ_CARE_EATING:    return C_("daily activity", "Eating");
    case JZ_CARE_DRESSING:  return C_("daily activity", "Dressing");
    case JZ_CARE_TRANSFER:  return C_("daily activity", "Getting in and out of bed");
    case JZ_CARE_TOILETING: return C_("daily activity", "Toileting");
    case JZ_CARE_WALKING:   return C_("daily activity", "Walking indoors");
    case JZ_CARE_BATHING:   return C_("daily activity", "Bathing");
    default:                return "";
    }
}

const char *
jz_care_check_label (JzCareCheck check)
{
  switch (check)
    {
    case JZ_CARE_CHECK_FOOD:      return C_("visit check", "Food");
    case JZ_CARE_CHECK_CLOTHING:  return C_("visit check", "Clothing");
    case JZ_CARE_CHECK_HOUSING:   return C_("visit check", "Housing safety");
    case JZ_CARE_CHECK_HEALTH:    return C_("visit check", "Health");
    case JZ_CARE_CHECK_HYGIENE:   return C_("visit check", "Hygiene");
    case JZ_CARE_CHECK_CAREGIVER: return C_("visit check", "Caregiver present");
    case JZ_CARE_CHECK_MONEY:     return C_("visit check", "Money received");
    default:                      return "";
    }
}

static const struct
{
  const char *code;
  const char *label;
} states[] = {
  [JZ_CARE_STATE_DRAFT]      = { "draft",      NC_("care agreement", "Draft") },
  [JZ_CARE_STATE_ACTIVE]     = { "active",     NC_("care agreement", "In force") },
  [JZ_CARE_STATE_EXPIRING]   = { "expiring",   NC_("care agreement", "Expiring") },
  [JZ_CARE_STATE_LAPSED]     = { "lapsed",     NC_("care agreement", "Past its end") },
  [JZ_CARE_STATE_EXPIRED]    = { "expired",    NC_("care agreement", "Expired") },
  [JZ_CARE_STATE_TERMINATED] = { "terminated", NC_("care agreement", "Terminated") },
};

const char *
jz_care_state_code (JzCareState state)
{
  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (states), NULL);

  return states[state].code;
}

const char *
jz_care_state_label (JzCareState state)
{
  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (states), NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "care agreement", states[state].label);
}

const char *
jz_care_result_label (const char *result)
{
  if (g_strcmp0 (result, "pass") == 0)
    return C_("care evaluation", "Pass");
  if (g_strcmp0 (result, "basic_pass") == 0)
    return C_("care evaluation", "Basic pass");
  if (g_strcmp0 (result, "fail") == 0)
    return C_("care evaluation", "Fail");
  return result != NULL ? result : "";
}

/* The day @days after @date, as text. */
char *
jz_care_add_days (const char *date,
                  int         days)
{
  GDate d;

  if (!jz_calendar_parse_date (date, &d))
    return NULL;
  if (days >= 0)
    g_date_add_days (&d, (guint) days);
  else
    g_date_subtract_days (&d, (guint) -days);
  return jz_calendar_format_date (&d);
}

/* @months after @date, the last day of a shorter month if need be. */
char *
jz_care_add_months (const char *date,
                    int         months)
{
  GDate d;

  if (!jz_calendar_parse_date (date, &d))
    return NULL;
  if (months >= 0)
    g_date_add_months (&d, (guint) months);
  else
    g_date_subtract_months (&d, (guint) -months);
  return jz_calendar_format_date (&d);
}

/**
 * jz_care_agreement_state:
 * @today: YYYY-MM-DD
 * @expiring_days: the standard care_expiring_days
 *
 * Active agreements are expiring from @expiring_days before their end
 * (the end day included), and past their end the day after it.
 */
JzCareState
jz_care_agreement_state (const JzCareAgreement *agreement,
                         const char            *today,
                         int                    expiring_days)
{
  g_autofree char *window = NULL;

  g_return_val_if_fail (agreement != NULL, JZ_CARE_STATE_DRAFT);

  if (g_strcmp0 (agreement->status, "terminated") == 0)
    return JZ_CARE_STATE_TERMINATED;
  if (g_strcmp0 (agreement->status, "expired") == 0)
    return JZ_CARE_STATE_EXPIRED;
  if (g_strcmp0 (agreement->status, "active") != 0)
    return JZ_CARE_STATE_DRAFT;

  if (g_strcmp0 (today, agreement->ends_on) > 0)
    return JZ_CARE_STATE_LAPSED;
  window = jz_care_add_days (agreement->ends_on, -MAX (expiring_days, 0));
  if (window != NULL && g_strcmp0 (today, window) >= 0)
    return JZ_CARE_STATE_EXPIRING;
  return JZ_CARE_STATE_ACTIVE;
}

int
jz_care_evaluation_score (int          satisfaction,
                          int          neighbours,
                          int          village,
                          const char **result)
{
  int score;

  satisfaction = CLAMP (satisfaction, 1, 5);
  neighbours = CLAMP (neighbours, 1, 3);
  village = CLAMP (village, 1, 3);
  score = (60 * (satisfaction - 1) + 40 * (neighbours - 1) + 40 * (village - 1)) / 4;

  if (result != NULL)
    {
      if (score < 60 || satisfaction == 1)
        *result = "fail";
      else if (score < 80)
        *result = "basic_pass";
      else
        *result = "pass";
    }
  return score;
}

gboolean
jz_care_invalid (GError     **error,
                 const char  *message)
{
  g_set_error_literal (error, JZ_CARE_ERROR, JZ_CARE_ERROR_INVALID, message);
  return FALSE;
}

gboolean
jz_care_check_day (const char  *date,
                   const char  *what,
                   GError     **error)
{
  GDate d;

  if (date != NULL && jz_calendar_parse_date (date, &d))
    return TRUE;

  /* TRANSLATORS: %s names the date, e.g. "the visit date" */
  g_set_error (error, JZ_CARE_ERROR, JZ_CARE_ERROR_INVALID, _("Give %s as year-month-day, e.g. 2026-03-01."), what);
  return FALSE;
}

/* A standard of care in force on @on_date, the township's own first. */
gboolean
jz_care_standard (JzDb            *db,
                  JzStandardKind   kind,
                  gint64           township_id,
                  const char      *on_date,
                  gint64          *value,
                  GError         **error)
{
  return jz_standard_value_at (db, kind, JZ_STANDARD_HUKOU_ANY, township_id, on_date, value, error);
}

/* The township of a person's household, 0 if none. */
gint64
jz_care_township_of (JzDb   *db,
                     gint64  person_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = jz_db_prepare (db,
                        "SELECT r.parent_id FROM persons p JOIN households h ON h.id = p.household_id "
                        "JOIN regions r ON r.id = h.region_id WHERE p.id = ?",
                        NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, person_id);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

/* The person's dispersed tekun case that is active or suspended, 0 if
 * none: who is "a recipient". */
gint64
jz_care_case_of (JzDb   *db,
                 gint64  person_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = jz_db_prepare (db,
                        "SELECT id FROM cases WHERE person_id = ? AND program = 'tekun_dispersed' "
                        "AND status IN ('active', 'suspended', 'approved') ORDER BY id DESC LIMIT 1",
                        NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, person_id);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

static gboolean
check_recipient (JzDb     *db,
                 gint64    person_id,
                 GError  **error)
{
  if (jz_care_case_of (db, person_id) != 0)
    return TRUE;

  g_set_error_literal (error, JZ_CARE_ERROR, JZ_CARE_ERROR_NOT_RECIPIENT,
                       _("This person receives no support as a dispersed extreme-poverty recipient; care is recorded for those who do."));
  return FALSE;
}

/* ---- records ------------------------------------------------------------ */

JzCareAssessment *
jz_care_assessment_new (void)
{
  JzCareAssessment *self = g_new0 (JzCareAssessment, 1);

  self->note = g_strdup ("");
  return self;
}

void
jz_care_assessment_free (JzCareAssessment *self)
{
  if (self == NULL)
    return;
  g_free (self->assessed_on);
  g_free (self->assessor);
  g_free (self->tier);
  g_free (self->note);
  g_free (self);
}

JzCaregiver *
jz_caregiver_new (void)
{
  JzCaregiver *self = g_new0 (JzCaregiver, 1);

  self->kind = g_strdup ("person");
  self->legal_representative = g_strdup ("");
  self->id_number = g_strdup ("");
  self->phone = g_strdup ("");
  self->address = g_strdup ("");
  self->bank = g_strdup ("");
  self->bank_account = g_strdup ("");
  return self;
}

void
jz_caregiver_free (JzCaregiver *self)
{
  if (self == NULL)
    return;
  g_free (self->kind);
  g_free (self->name);
  g_free (self->legal_representative);
  g_free (self->id_number);
  g_free (self->phone);
  g_free (self->address);
  g_free (self->bank);
  g_free (self->bank_account);
  g_free (self);
}

JzCareAgreement *
jz_care_agreement_new (void)
{
  JzCareAgreement *self = g_new0 (JzCareAgreement, 1);

  self->relation = g_strdup ("");
  self->care_content = g_strdup ("");
  self->frequency = g_strdup ("");
  self->status = g_strdup ("draft");
  return self;
}

void
jz_care_agreement_free (JzCareAgreement *self)
{
  if (self == NULL)
    return;
  g_free (self->number);
  g_free (self->relation);
  g_free (self->tier);
  g_free (self->care_content);
  g_free (self->frequency);
  g_free (self->starts_on);
  g_free (self->ends_on);
  g_free (self->signed_on);
  g_free (self->status);
  g_free (self->ended_on);
  g_free (self->end_reason);
  g_free (self->link);
  g_free (self->person_name);
  g_free (self->township_name);
  g_free (self->caregiver_name);
  g_free (self);
}

/* ---- assessments ------------------------------------------------------- */

static gboolean
assessment_add_cb (JzDb     *db,
                   gpointer  user_data,
                   GError  **error)
{
  JzCareAssessment *a = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) person = NULL;
  g_autoptr(sqlite3_stmt) changes = NULL;
  g_autofree char *before = NULL;
  guint bits = a->done_alone;

  stmt = jz_db_prepare (db,
                        "INSERT INTO care_assessments (person_id, assessed_on, assessor, eating, dressing, transfer, "
                        "toileting, walking, bathing, tier, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a->person_id);
  sqlite3_bind_text (stmt, 2, a->assessed_on, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, a->assessor, -1, SQLITE_STATIC);
  for (guint i = 0; i < JZ_CARE_N_ACTIVITIES; i++)
    sqlite3_bind_int (stmt, 4 + (int) i, (bits >> i) & 1);
  sqlite3_bind_text (stmt, 10, a->tier, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, a->note != NULL ? a->note : "", -1, SQLITE_STATIC);
  if (!jz_db_step_done (db, stmt, error))
    return FALSE;
  a->id = sqlite3_last_insert_rowid (jz_db_get_handle (db));
  a->version = 1;
  if (!jz_audit_record_change (db, "care_assessments", a->id, "insert", NULL, error))
    return FALSE;

  /* The person's self-care level follows the newest assessment. */
  before = jz_audit_snapshot (db, "persons", a->person_id, error);
  if (before == NULL)
    return FALSE;
  person = jz_db_prepare (db,
                          "UPDATE persons SET self_care = ?1, version = version + 1 WHERE id = ?2 AND self_care <> ?1 "
                          "AND NOT EXISTS (SELECT 1 FROM care_assessments WHERE person_id = ?2 AND assessed_on > ?3)",
                          error);
  if (person == NULL)
    return FALSE;
  sqlite3_bind_text (person, 1, a->tier, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (person, 2, a->person_id);
  sqlite3_bind_text (person, 3, a->assessed_on, -1, SQLITE_STATIC);
  if (!jz_db_step_done (db, person, error))
    return FALSE;
  if (sqlite3_changes (jz_db_get_handle (db)) > 0 &&
      !jz_audit_record_change (db, "persons", a->person_id, "update", before, error))
    return FALSE;

  /* It answers the changes reported before it. */
  changes = jz_db_prepare (db,
                           "UPDATE care_changes SET assessment_id = ?, version = version + 1 "
                           "WHERE person_id = ? AND assessment_id IS NULL AND reported_on <= ?",
                           error);
  if (changes == NULL)
    return FALSE;
  sqlite3_bind_int64 (changes, 1, a->id);
  sqlite3_bind_int64 (changes, 2, a->person_id);
  sqlite3_bind_text (changes, 3, a->assessed_on, -1, SQLITE_STATIC);
  return jz_db_step_done (db, changes, error);
}

/**
 * jz_care_assessment_add:
 * @assessment: person, date, assessor and done_alone; its tier, id and
 *   version are filled in
 *
 * Returns: the assessment's id, or 0 with @error set
 */
gint64
jz_care_assessment_add (JzDb              *db,
                        JzCareAssessment  *assessment,
                        GError           **error)
{
  g_return_val_if_fail (JZ_IS_DB (db), 0);
  g_return_val_if_fail (assessment != NULL, 0);

  if (!jz_care_check_day (assessment->assessed_on, _("the date of the assessment"), error))
    return 0;
  if (assessment->assessor == NULL || *g_strstrip (assessment->assessor) == '\0')
    return jz_care_invalid (error, _("Name who assessed the recipient.")), 0;
  if (assessment->done_alone & ~(guint) JZ_CARE_ALL_ACTIVITIES)
    return jz_care_invalid (error, _("The assessment knows six daily activities only.")), 0;
  if (!jz_user_check_person (db, JZ_PERMISSION_EDIT_FILES, assessment->person_id, error) ||
      !check_recipient (db, assessment->person_id, error))
    return 0;

  g_free (assessment->tier);
  assessment->tier = g_strdup (jz_care_tier_from_activities (assessment->done_alone));
  if (!jz_db_write (db, assessment_add_cb, assessment, error))
    {
      assessment->id = 0;
      return 0;
    }
  return assessment->id;
}

GPtrArray *
jz_care_assessment_list (JzDb     *db,
                         gint64    person_id,
                         GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) jz_care_assessment_free);
  int rc;

  stmt = jz_db_prepare (db,
                        "SELECT id, person_id, assessed_on, assessor, eating + 2 * dressing + 4 * transfer + "
                        "8 * toileting + 16 * walking + 32 * bathing, tier, note, version "
                        "FROM care_assessments WHERE person_id = ? ORDER BY assessed_on DESC, id DESC",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JzCareAssessment *a = g_new0 (JzCareAssessment, 1);

      a->id = sqlite3_column_int64 (stmt, 0);
      a->person_id = sqlite3_column_int64 (stmt, 1);
      a->assessed_on = jz_db_column_dup (stmt, 2);
      a->assessor = jz_db_column_dup (stmt, 3);
      a->done_alone = (guint) sqlite3_column_int (stmt, 4);
      a->tier = jz_db_column_dup (stmt, 5);
      a->note = jz_db_column_dup (stmt, 6);
      a->version = sqlite3_column_int64 (stmt, 7);
      g_ptr_array_add (list, a);
    }
  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

typedef struct
{
  gint64      person_id;
  const char *reported_on;
  const char *description;
  char       *due_on;
  gint64      id;
} Change;

static gboolean
change_cb (JzDb     *db,
           gpointer  user_data,
           GError  **error)
{
  Change *c = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JzHolidaySet) holidays = NULL;
  gint64 workdays = 10;

  if (!jz_care_standard (db, JZ_STANDARD_CARE_REASSESSMENT_WORKDAYS, jz_care_township_of (db, c->person_id),
                         c->reported_on, &workdays, error))
    return FALSE;
  holidays = jz_holiday_set_load (db, error);
  if (holidays == NULL)
    return FALSE;
  c->due_on = jz_holiday_set_add_working_days (holidays, c->reported_on, (int) workdays);

  stmt = jz_db_prepare (db, "INSERT INTO care_changes (person_id, reported_on, due_on, description) VALUES (?, ?, ?, ?)",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, c->person_id);
  sqlite3_bind_text (stmt, 2, c->reported_on, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, c->due_on, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, c->description != NULL ? c->description : "", -1, SQLITE_STATIC);
  if (!jz_db_step_done (db, stmt, error))
    return FALSE;
  c->id = sqlite3_last_insert_rowid (jz_db_get_handle (db));
  return jz_audit_record_change (db, "care_changes", c->id, "insert", NULL, error);
}

gint64
jz_care_change_report (JzDb        *db,
                       gint64       person_id,
                       const char  *reported_on,
                       const char  *description,
                       char       **due_on,
                       GError     **error)
{
  Change c = { person_id, reported_on, description, NULL, 0 };

  g_return_val_if_fail (JZ_IS_DB (db), 0);

  if (!jz_care_check_day (reported_on, _("the day the change was reported"), error) ||
      !jz_user_check_person (db, JZ_PERMISSION_EDIT_FILES, person_id, error) ||
      !check_recipient (db, person_id, error))
    return 0;

  if (!jz_db_write (db, change_cb, &c, error))
    {
      g_free (c.due_on);
      return 0;
    }
  if (due_on != NULL)
    *due_on = g_steal_pointer (&c.due_on);
  g_free (c.due_on);
  return c.id;
}

/* ---- caregivers ---------------------------------------------------------- */

static gboolean
caregiver_add_cb (JzDb     *db,
                  gpointer  user_data,
                  GError  **error)
{
  JzCaregiver *g = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = jz_db_prepare (db,
                        "INSERT INTO caregivers (kind, name, legal_representative, id_number, phone, address, bank, "
                        "bank_account) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, g->kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, g->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, g->legal_representative != NULL ? g->legal_representative : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, g->id_number != NULL ? g->id_number : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, g->phone != NULL ? g->phone : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, g->address != NULL ? g->address : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, g->bank != NULL ? g->bank : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, g->bank_account != NULL ? g->bank_account : "", -1, SQLITE_STATIC);
  if (!jz_db_step_done (db, stmt, error))
    return FALSE;
  g->id = sqlite3_last_insert_rowid (jz_db_get_handle (db));
  g->version = 1;
  return jz_audit_record_change (db, "caregivers", g->id, "insert", NULL, error);
}

gint64
jz_caregiver_add (JzDb         *db,
                  JzCaregiver  *caregiver,
                  GError      **error)
{
  g_return_val_if_fail (JZ_IS_DB (db), 0);
  g_return_val_if_fail (caregiver != NULL, 0);

  if (g_strcmp0 (caregiver->kind, "person") != 0 && g_strcmp0 (caregiver->kind, "organisation") != 0)
    return jz_care_invalid (error, _("A caregiver is a person or an organisation.")), 0;
  if (caregiver->name == NULL || *g_strstrip (caregiver->name) == '\0')
    return jz_care_invalid (error, _("Give the caregiver’s name.")), 0;
  if (g_str_equal (caregiver->kind, "organisation") &&
      (caregiver->legal_representative == NULL || *g_strstrip (caregiver->legal_representative) == '\0'))
    return jz_care_invalid (error, _("Give the legal representative of the caregiving organisation.")), 0;
  if (g_str_equal (caregiver->kind, "person") || (caregiver->id_number != NULL && *caregiver->id_number != '\0'))
    {
      JzIdNumber parsed;

      if (!jz_id_number_parse (caregiver->id_number, NULL, &parsed, error))
        return 0;
    }
  /* Caregivers belong to no township: whoever keeps files may add one. */
  if (!jz_user_check (jz_user_get_actor (db), JZ_PERMISSION_EDIT_FILES,
                      jz_user_get_actor (db) != NULL ? jz_user_get_actor (db)->region_id : 0, error))
    return 0;

  if (!jz_db_write (db, caregiver_add_cb, caregiver, error))
    {
      caregiver->id = 0;
      return 0;
    }
  return caregiver->id;
}

JzCaregiver *
jz_caregiver_get (JzDb     *db,
                  gint64    id,
                  GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  JzCaregiver *g;
  int rc;

  stmt = jz_db_prepare (db,
                        "SELECT id, kind, name, legal_representative, id_number, phone, address, bank, bank_account, "
                        "version FROM caregivers WHERE id = ?",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_NOT_FOUND, _("This caregiver is no longer in the database."));
      else
        jz_db_set_error (db, rc, error);
      return NULL;
    }

  g = g_new0 (JzCaregiver, 1);
  g->id = sqlite3_column_int64 (stmt, 0);
  g->kind = jz_db_column_dup (stmt, 1);
  g->name = jz_db_column_dup (stmt, 2);
  g->legal_representative = jz_db_column_dup (stmt, 3);
  g->id_number = jz_db_column_dup (stmt, 4);
  g->phone = jz_db_column_dup (stmt, 5);
  g->address = jz_db_column_dup (stmt, 6);
  g->bank = jz_db_column_dup (stmt, 7);
  g->bank_account = jz_db_column_dup (stmt, 8);
  g->version = sqlite3_column_int64 (stmt, 9);
  return g;
}
