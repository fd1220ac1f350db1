/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-audit.h"
#include "jz-db-private.h"
#include "jz-household.h"
#include "jz-id-number.h"
#include "jz-user.h"

#define HOUSEHOLD_COLUMNS \
  "id, region_id, head_person_id, predecessor_id, hukou, address, phone, bank, bank_account, " \
  "notes, status, opened_on, closed_on, version"

#define PERSON_COLUMNS \
  "id, household_id, name, id_number, relation, sex, birth_date, disability_kind, disability_grade, " \
  "disability_cert, severe_illness, labour_capacity, self_care, employment, active, left_on, " \
  "left_reason, version"

JzHousehold *
jz_household_new (void)
{
  JzHousehold *household = g_new0 (JzHousehold, 1);

  household->hukou = g_strdup ("rural");
  household->status = g_strdup ("open");
  return household;
}

void
jz_household_free (JzHousehold *household)
{
  if (household == NULL)
    return;

  g_free (household->hukou);
  g_free (household->address);
  g_free (household->phone);
  g_free (household->bank);
  g_free (household->bank_account);
  g_free (household->notes);
  g_free (household->status);
  g_free (household->opened_on);
  g_free (household->closed_on);
  g_free (household);
}

JzPerson *
jz_person_new (void)
{
  JzPerson *person = g_new0 (JzPerson, 1);

  person->relation = g_strdup ("head");
  person->labour_capacity = g_strdup ("full");
  person->self_care = g_strdup ("self_care");
  person->employment = g_strdup ("none");
  person->active = TRUE;
  return person;
}

void
jz_person_free (JzPerson *person)
{
  if (person == NULL)
    return;

  g_free (person->name);
  g_free (person->id_number);
  g_free (person->relation);
  g_free (person->sex);
  g_free (person->birth_date);
  g_free (person->disability_kind);
  g_free (person->disability_cert);
  g_free (person->severe_illness);
  g_free (person->labour_capacity);
  g_free (person->self_care);
  g_free (person->employment);
  g_free (person->left_on);
  g_free (person->left_reason);
  g_free (person);
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           column,
                   const char   *text)
{
  if (text != NULL && *text != '\0')
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, column);
}

static void
bind_text (sqlite3_stmt *stmt,
           int           column,
           const char   *text)
{
  sqlite3_bind_text (stmt, column, text != NULL ? text : "", -1, SQLITE_TRANSIENT);
}

static void
bind_id_or_null (sqlite3_stmt *stmt,
                 int           column,
                 gint64        id)
{
  if (id != 0)
    sqlite3_bind_int64 (stmt, column, id);
  else
    sqlite3_bind_null (stmt, column);
}

static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* The person's identity fields come from the ID number, so they cannot
 * disagree with it. */
static gboolean
normalize_person (JzPerson  *person,
                  GError   **error)
{
  JzIdNumber parsed;
  char birth[11];

  if (person->name == NULL || *g_strstrip (person->name) == '\0')
    {
      g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT,
                           _("Every household member needs a name."));
      return FALSE;
    }

  if (!jz_id_number_parse (person->id_number, NULL, &parsed, error))
    return FALSE;

  g_free (person->id_number);
  person->id_number = g_strdup (parsed.number);

  g_date_strftime (birth, sizeof birth, "%Y-%m-%d", &parsed.birth);
  g_free (person->birth_date);
  person->birth_date = g_strdup (birth);

  g_free (person->sex);
  person->sex = g_strdup (parsed.sex == 'F' ? "F" : "M");

  if ((person->disability_kind != NULL && *person->disability_kind != '\0') !=
      (person->disability_grade >= 1 && person->disability_grade <= 4))
    {
      g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT,
                           _("A disability needs both its kind and its grade (1 to 4)."));
      return FALSE;
    }

  return TRUE;
}

/* One ID number may be an active member of one household only. */
static gboolean
check_not_member_elsewhere (JzDb        *db,
                            JzPerson    *person,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = jz_db_prepare (db,
                        "SELECT p.household_id, r.name FROM persons p "
                        "JOIN households h ON h.id = p.household_id "
                        "JOIN regions r ON r.id = h.region_id "
                        "WHERE p.id_number = ? AND p.active = 1 AND p.id IS NOT ?",
                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, person->id_number, -1, SQLITE_STATIC);
  bind_id_or_null (stmt, 2, person->id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT,
                   _("This ID number already belongs to an active member of household No. %lld in %s. Record the move out of that household first."),
                   (long long) sqlite3_column_int64 (stmt, 0),
                   (const char *) sqlite3_column_text (stmt, 1));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
insert_person (JzDb      *db,
               JzPerson  *person,
               GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!normalize_person (person, error) || !check_not_member_elsewhere (db, person, error))
    return FALSE;

  stmt = jz_db_prepare (db,
                        "INSERT INTO persons (household_id, name, id_number, relation, sex, birth_date, "
                        "disability_kind, disability_grade, disability_cert, severe_illness, labour_capacity, "
                        "self_care, employment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, person->household_id);
  bind_text (stmt, 2, person->name);
  bind_text (stmt, 3, person->id_number);
  bind_text (stmt, 4, person->relation);
  bind_text (stmt, 5, person->sex);
  bind_text (stmt, 6, person->birth_date);
  bind_text_or_null (stmt, 7, person->disability_kind);
  if (person->disability_grade > 0)
    sqlite3_bind_int (stmt, 8, person->disability_grade);
  bind_text_or_null (stmt, 9, person->disability_cert);
  bind_text_or_null (stmt, 10, person->severe_illness);
  bind_text (stmt, 11, person->labour_capacity);
  bind_text (stmt, 12, person->self_care);
  bind_text (stmt, 13, person->employment);

  if (!jz_db_step_done (db, stmt, error))
    return FALSE;

  person->id = sqlite3_last_insert_rowid (jz_db_get_handle (db));
  person->version = 1;

  return jz_audit_record_change (db, "persons", person->id, "insert", NULL, error);
}

typedef struct
{
  JzHousehold *household;
  JzPerson    *head;
} CreateData;

static gboolean
create_cb (JzDb     *db,
           gpointer  user_data,
           GError  **error)
{
  CreateData *data = user_data;
  JzHousehold *household = data->household;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) head = NULL;

  stmt = jz_db_prepare (db,
                        "INSERT INTO households (region_id, hukou, address, phone, bank, bank_account, notes, "
                        "predecessor_id, opened_on) "
                        "SELECT id, ?, ?, ?, ?, ?, ?, ?, ? FROM regions WHERE id = ? AND level = 'village'",
                        error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, household->hukou);
  bind_text (stmt, 2, household->address);
  bind_text (stmt, 3, household->phone);
  bind_text (stmt, 4, household->bank);
  bind_text (stmt, 5, household->bank_account);
  bind_text (stmt, 6, household->notes);
  bind_id_or_null (stmt, 7, household->predecessor_id);
  bind_text (stmt, 8, household->opened_on);
  sqlite3_bind_int64 (stmt, 9, household->region_id);

  if (!jz_db_step_done (db, stmt, error))
    return FALSE;

  if (sqlite3_changes (jz_db_get_handle (db)) == 0)
    {
      g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT,
                           _("A household belongs to a village or community; choose one."));
      return FALSE;
    }

  household->id = sqlite3_last_insert_rowid (jz_db_get_handle (db));
  data->head->household_id = household->id;

  g_free (data->head->relation);
  data->head->relation = g_strdup ("head");

  if (!insert_person (db, data->head, error))
    return FALSE;

  head = jz_db_prepare (db, "UPDATE households SET head_person_id = ? WHERE id = ?", error);
  if (head == NULL)
    return FALSE;
  sqlite3_bind_int64 (head, 1, data->head->id);
  sqlite3_bind_int64 (head, 2, household->id);
  if (!jz_db_step_done (db, head, error))
    return FALSE;

  household->head_person_id = data->head->id;
  household->version = 1;

  return jz_audit_record_change (db, "households", household->id, "insert", NULL, error);
}

/**
 * jz_household_create:
 * @household: the new file; its id and version are filled in
 * @head: the head of the household; its id is filled in
 *
 * Opens a household file with its head in one transaction.
 *
 * Returns: the household's id, or 0 with @error set
 */
gint64
jz_household_create (JzDb         *db,
                     JzHousehold  *household,
                     JzPerson     *head,
                     GError      **error)
{
  CreateData data = { household, head };
  g_autofree char *today = NULL;

  g_return_val_if_fail (JZ_IS_DB (db), 0);
  g_return_val_if_fail (household != NULL && head != NULL, 0);

  if (g_strcmp0 (household->hukou, "urban") != 0 && g_strcmp0 (household->hukou, "rural") != 0)
    {
      g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT,
                           _("Choose whether the household’s hukou is urban or rural."));
      return 0;
    }

  if (household->opened_on == NULL)
    household->opened_on = today_iso ();

  if (!jz_user_check_village (db, JZ_PERMISSION_EDIT_FILES, household->region_id, error))
    return 0;

  if (!jz_db_write (db, create_cb, &data, error))
    {
      household->id = 0;
      head->id = 0;
      return 0;
    }

  return household->id;
}

static JzHousehold *
household_from_row (sqlite3_stmt *stmt)
{
  JzHousehold *household = g_new0 (JzHousehold, 1);

  household->id = sqlite3_column_int64 (stmt, 0);
  household->region_id = sqlite3_column_int64 (stmt, 1);
  household->head_person_id = sqlite3_column_int64 (stmt, 2);
  household->predecessor_id = sqlite3_column_int64 (stmt, 3);
  household->hukou = jz_db_column_dup (stmt, 4);
  household->address = jz_db_column_dup (stmt, 5);
  household->phone = jz_db_column_dup (stmt, 6);
  household->bank = jz_db_column_dup (stmt, 7);
  household->bank_account = jz_db_column_dup (stmt, 8);
  household->notes = jz_db_column_dup (stmt, 9);
  household->status = jz_db_column_dup (stmt, 10);
  household->opened_on = jz_db_column_dup (stmt, 11);
  household->closed_on = jz_db_column_dup (stmt, 12);
  household->version = sqlite3_column_int64 (stmt, 13);

  return household;
}

JzHousehold *
jz_household_get (JzDb        *db,
                  gint64       id,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  stmt = jz_db_prepare (db, "SELECT " HOUSEHOLD_COLUMNS " FROM households WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return household_from_row (stmt);

  if (rc == SQLITE_DONE)
    g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_NOT_FOUND,
                         _("The household file no longer exists."));
  else
    jz_db_set_error (db, rc, error);

  return NULL;
}

static gboolean
region_is_village (JzDb        *db,
                   gint64       region_id,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = jz_db_prepare (db, "SELECT 1 FROM regions WHERE id = ? AND level = 'village'", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, region_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;

  if (rc == SQLITE_DONE)
    g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT,
                         _("A household belongs to a village or community; choose one."));
  else
    jz_db_set_error (db, rc, error);

  return FALSE;
}

static gboolean
update_household_cb (JzDb     *db,
                     gpointer  user_data,
                     GError  **error)
{
  JzHousehold *household = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *before = NULL;

  before = jz_audit_snapshot (db, "households", household->id, error);
  if (before == NULL)
    {
      if (error == NULL || *error == NULL)
        g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_NOT_FOUND,
                             _("The household file no longer exists."));
      return FALSE;
    }

  stmt = jz_db_prepare (db,
                        "UPDATE households SET region_id = ?, hukou = ?, address = ?, phone = ?, bank = ?, "
                        "bank_account = ?, notes = ?, version = version + 1 "
                        "WHERE id = ? AND version = ?",
                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, household->region_id);
  bind_text (stmt, 2, household->hukou);
  bind_text (stmt, 3, household->address);
  bind_text (stmt, 4, household->phone);
  bind_text (stmt, 5, household->bank);
  bind_text (stmt, 6, household->bank_account);
  bind_text (stmt, 7, household->notes);
  sqlite3_bind_int64 (stmt, 8, household->id);
  sqlite3_bind_int64 (stmt, 9, household->version);

  if (!jz_db_step_versioned (db, stmt, "households", household->id, error))
    return FALSE;

  if (!region_is_village (db, household->region_id, error))
    return FALSE;

  return jz_audit_record_change (db, "households", household->id, "update", before, error);
}

/**
 * jz_household_update:
 *
 * Saves the editable fields of @household if nobody changed it since it was
 * read (its version); otherwise fails with %JZ_DB_ERROR_CONFLICT naming who
 * changed it and when. On success the version is advanced.
 */
gboolean
jz_household_update (JzDb         *db,
                     JzHousehold  *household,
                     GError      **error)
{
  g_return_val_if_fail (JZ_IS_DB (db), FALSE);
  g_return_val_if_fail (household != NULL, FALSE);

  if (!jz_user_check_household (db, JZ_PERMISSION_EDIT_FILES, household->id, error))
    return FALSE;

  if (!jz_db_write (db, update_household_cb, household, error))
    return FALSE;

  household->version++;
  return TRUE;
}

static JzPerson *
person_from_row (sqlite3_stmt *stmt)
{
  JzPerson *person = g_new0 (JzPerson, 1);

  person->id = sqlite3_column_int64 (stmt, 0);
  person->household_id = sqlite3_column_int64 (stmt, 1);
  person->name = jz_db_column_dup (stmt, 2);
  person->id_number = jz_db_column_dup (stmt, 3);
  person->relation = jz_db_column_dup (stmt, 4);
  person->sex = jz_db_column_dup (stmt, 5);
  person->birth_date = jz_db_column_dup (stmt, 6);
  person->disability_kind = jz_db_column_dup (stmt, 7);
  person->disability_grade = sqlite3_column_int (stmt, 8);
  person->disability_cert = jz_db_column_dup (stmt, 9);
  person->severe_illness = jz_db_column_dup (stmt, 10);
  person->labour_capacity = jz_db_column_dup (stmt, 11);
  person->self_care = jz_db_column_dup (stmt, 12);
  person->employment = jz_db_column_dup (stmt, 13);
  person->active = sqlite3_column_int (stmt, 14) != 0;
  person->left_on = jz_db_column_dup (stmt, 15);
  person->left_reason = jz_db_column_dup (stmt, 16);
  person->version = sqlite3_column_int64 (stmt, 17);

  return person;
}

/**
 * jz_household_list_members:
 *
 * Returns: (transfer full) (element-type JzPerson): the members, the head
 * first, then by birth date.
 */
GPtrArray *
jz_household_list_members (JzDb        *db,
                           gint64       household_id,
                           gboolean     active_only,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  int rc;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  stmt = jz_db_prepare (db,
                        "SELECT " PERSON_COLUMNS " FROM persons WHERE household_id = ? AND (active = 1 OR NOT ?) "
                        "ORDER BY relation <> 'head', birth_date, id",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, household_id);
  sqlite3_bind_int (stmt, 2, active_only ? 1 : 0);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) jz_person_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, person_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&list);
}

static gboolean
add_person_cb (JzDb     *db,
               gpointer  user_data,
               GError  **error)
{
  JzPerson *person = user_data;
  g_autoptr(JzHousehold) household = jz_household_get (db, person->household_id, error);

  if (household == NULL)
    return FALSE;

  if (g_strcmp0 (household->status, "open") != 0)
    {
      g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT,
                           _("This household file is closed; members can only be added to an open file."));
      return FALSE;
    }

  if (g_strcmp0 (person->relation, "head") == 0)
    {
      g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT,
                           _("The household already has a head; choose the new member’s relation to the head."));
      return FALSE;
    }

  return insert_person (db, person, error);
}

/**
 * jz_person_add:
 *
 * Adds a member to an open household. The ID number is validated and
 * normalized, and birth date and sex are derived from it.
 *
 * Returns: the person's id, or 0 with @error set
 */
gint64
jz_person_add (JzDb      *db,
               JzPerson  *person,
               GError   **error)
{
  g_return_val_if_fail (JZ_IS_DB (db), 0);
  g_return_val_if_fail (person != NULL, 0);

  if (!jz_user_check_household (db, JZ_PERMISSION_EDIT_FILES, person->household_id, error))
    return 0;

  if (!jz_db_write (db, add_person_cb, person, error))
    {
      person->id = 0;
      return 0;
    }

  return person->id;
}

JzPerson *
jz_person_get (JzDb        *db,
               gint64       id,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  stmt = jz_db_prepare (db, "SELECT " PERSON_COLUMNS " FROM persons WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return person_from_row (stmt);

  if (rc == SQLITE_DONE)
    g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_NOT_FOUND,
                         _("This person is no longer in the database."));
  else
    jz_db_set_error (db, rc, error);

  return NULL;
}

static gboolean
update_person_cb (JzDb     *db,
                  gpointer  user_data,
                  GError  **error)
{
  JzPerson *person = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *before = NULL;

  before = jz_audit_snapshot (db, "persons", person->id, error);
  if (before == NULL)
    {
      if (error == NULL || *error == NULL)
        g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_NOT_FOUND,
                             _("This person is no longer in the database."));
      return FALSE;
    }

  if (person->active && !check_not_member_elsewhere (db, person, error))
    return FALSE;

  /* The relation is changed by household events, never by editing. */
  stmt = jz_db_prepare (db,
                        "UPDATE persons SET name = ?, id_number = ?, sex = ?, birth_date = ?, disability_kind = ?, "
                        "disability_grade = ?, disability_cert = ?, severe_illness = ?, labour_capacity = ?, "
                        "self_care = ?, employment = ?, version = version + 1 WHERE id = ? AND version = ?",
                        error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, person->name);
  bind_text (stmt, 2, person->id_number);
  bind_text (stmt, 3, person->sex);
  bind_text (stmt, 4, person->birth_date);
  bind_text_or_null (stmt, 5, person->disability_kind);
  if (person->disability_grade > 0)
    sqlite3_bind_int (stmt, 6, person->disability_grade);
  bind_text_or_null (stmt, 7, person->disability_cert);
  bind_text_or_null (stmt, 8, person->severe_illness);
  bind_text (stmt, 9, person->labour_capacity);
  bind_text (stmt, 10, person->self_care);
  bind_text (stmt, 11, person->employment);
  sqlite3_bind_int64 (stmt, 12, person->id);
  sqlite3_bind_int64 (stmt, 13, person->version);

  if (!jz_db_step_versioned (db, stmt, "persons", person->id, error))
    return FALSE;

  return jz_audit_record_change (db, "persons", person->id, "update", before, error);
}

gboolean
jz_person_update (JzDb      *db,
                  JzPerson  *person,
                  GError   **error)
{
  g_return_val_if_fail (JZ_IS_DB (db), FALSE);
  g_return_val_if_fail (person != NULL, FALSE);

  if (!normalize_person (person, error))
    return FALSE;

  if (!jz_user_check_person (db, JZ_PERMISSION_EDIT_FILES, person->id, error))
    return FALSE;

  if (!jz_db_write (db, update_person_cb, person, error))
    return FALSE;

  person->version++;
  return TRUE;
}

typedef struct
{
  gint64  id;
  char   *account;
} RevealData;

static gboolean
reveal_cb (JzDb     *db,
           gpointer  user_data,
           GError  **error)
{
  RevealData *data = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = jz_db_prepare (db, "SELECT bank_account FROM households WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_NOT_FOUND,
                           _("The household file no longer exists."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      jz_db_set_error (db, rc, error);
      return FALSE;
    }
  data->account = jz_db_column_dup (stmt, 0);

  /* That it was looked at, and by whom: the number itself stays out. */
  return jz_audit_record (db, "households", data->id, "reveal", NULL, NULL, error);
}

/**
 * jz_household_reveal_bank_account:
 *
 * Reads the full bank account number for a clerk who asked to see it, and
 * records in the audit log who did and when. When the look cannot be
 * recorded (a read-only file), the number is not given either.
 *
 * Returns: (transfer full): the account number ("" when none), or %NULL
 *   with @error set
 */
char *
jz_household_reveal_bank_account (JzDb     *db,
                                  gint64    id,
                                  GError  **error)
{
  RevealData data = { id, NULL };

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  if (!jz_user_check_household (db, JZ_PERMISSION_READ, id, error))
    return NULL;

  if (!jz_db_write (db, reveal_cb, &data, error))
    {
      g_free (data.account);
      return NULL;
    }

  return data.account;
}

/**
 * jz_household_mask_account:
 * @account: (nullable): a bank account number
 *
 * The form shown until the clerk reveals the number: its last four
 * characters behind a fixed mask, which hides the length too.
 *
 * Returns: (transfer full): "**** **** 1234", "****" for four characters
 *   or fewer, "" when there is no number
 */
char *
jz_household_mask_account (const char *account)
{
  g_autoptr(GString) plain = g_string_new (NULL);
  glong len;

  if (account == NULL || !g_utf8_validate (account, -1, NULL))
    return g_strdup ("");

  /* Blanks and dashes group the digits; they are not part of the number. */
  for (const char *p = account; *p; p++)
    if (!g_ascii_isspace (*p) && *p != '-')
      g_string_append_c (plain, *p);

  len = g_utf8_strlen (plain->str, -1);
  if (len == 0)
    return g_strdup ("");
  if (len <= 4)
    return g_strdup ("****");

  return g_strdup_printf ("**** **** %s", g_utf8_offset_to_pointer (plain->str, len - 4));
}
