/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-audit.h"
#include "jz-db-private.h"
#include "jz-household-events.h"
#include "jz-household-events-private.h"
#include "jz-labels.h"
#include "jz-user.h"

/* Cases that are still running or being decided; everything else is over. */
#define CASE_IS_OPEN "status NOT IN ('terminated', 'rejected', 'withdrawn')"

/* --- small helpers -------------------------------------------------------- */

char *
jz_household_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static gboolean
parse_date (const char  *text,
            GError     **error)
{
  guint year = 0, month = 0, day = 0;

  if (text != NULL && strlen (text) == 10 && text[4] == '-' && text[7] == '-')
    {
      for (guint i = 0; i < 10; i++)
        {
          if (i == 4 || i == 7)
            continue;
          if (!g_ascii_isdigit (text[i]))
            goto bad;
        }
      year = (guint) g_ascii_strtoull (text, NULL, 10);
      month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
      day = (guint) g_ascii_strtoull (text + 8, NULL, 10);
      if (g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
        return TRUE;
    }

bad:
  g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT,
                       _("Enter the date of the event as year-month-day, for example 2024-03-01."));
  return FALSE;
}

/* ISO dates compare as text. */
gboolean
jz_household_check_event_date (JzHousehold  *household,
                               const char   *on,
                               GError      **error)
{
  g_autofree char *today = jz_household_today ();

  if (!parse_date (on, error))
    return FALSE;

  if (strcmp (on, today) > 0)
    {
      g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT,
                           _("The date of the event is in the future. Record an event once it has happened."));
      return FALSE;
    }

  if (household->opened_on != NULL && strcmp (on, household->opened_on) < 0)
    {
      g_set_error (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT,
                   _("The date of the event is before the file was opened on %s."),
                   household->opened_on);
      return FALSE;
    }

  return TRUE;
}

JzHousehold *
jz_household_load_open (JzDb        *db,
                        gint64       household_id,
                        GError     **error)
{
  g_autoptr(JzHousehold) household = jz_household_get (db, household_id, error);

  if (household == NULL)
    return NULL;

  if (g_strcmp0 (household->status, "closed") == 0)
    {
      g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT,
                           _("This household file is closed. Record the event in the file that continues it."));
      return NULL;
    }
  if (g_strcmp0 (household->status, "open") != 0)
    {
      g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT,
                           _("This household file is archived. Restore it before recording events."));
      return NULL;
    }

  return g_steal_pointer (&household);
}

static JzPerson *
load_active_member (JzDb         *db,
                    JzHousehold  *household,
                    gint64        person_id,
                    GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JzPerson) person = jz_person_get (db, person_id, &local_error);

  if (person == NULL && !g_error_matches (local_error, JZ_DB_ERROR, JZ_DB_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (person == NULL || person->household_id != household->id)
    {
      g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_NOT_FOUND,
                           _("This person is not a member of this household file."));
      return NULL;
    }

  if (!person->active)
    {
      g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT,
                           _("This member has already left the household."));
      return NULL;
    }

  return g_steal_pointer (&person);
}

static gboolean
is_member_relation (const char *relation)
{
  return g_strcmp0 (relation, "head") != 0 && jz_labels_has (JZ_FIELD_RELATION, relation);
}

/* A small JSON object for the event's audit entry: ids, dates and the
 * clerk's note, never a name or a number of the person. */
static void
json_key (GString    *json,
          const char *key)
{
  g_string_append_printf (json, "%s\"%s\":", json->len > 1 ? "," : "", key);
}

void
jz_household_json_add_int (GString    *json,
                           const char *key,
                           gint64      value)
{
  json_key (json, key);
  g_string_append_printf (json, "%" G_GINT64_FORMAT, value);
}

void
jz_household_json_add_string (GString    *json,
                              const char *key,
                              const char *value)
{
  if (value == NULL || *value == '\0')
    return;

  json_key (json, key);
  g_string_append_c (json, '"');
  for (const char *p = value; *p; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (json, "\\%c", c);
      else if (c < 0x20)
        g_string_append_printf (json, "\\u%04x", c);
      else
        g_string_append_c (json, (char) c);
    }
  g_string_append_c (json, '"');
}

gboolean
jz_household_record_event (JzDb        *db,
                           gint64       household_id,
                           const char  *action,
                           GString     *json,
                           GError     **error)
{
  g_string_append_c (json, '}');

  return jz_audit_record (db, "households", household_id, action, NULL, json->str, error);
}

/* --- row changes ---------------------------------------------------------- */

/* Takes a member out of the file, keeping the row: history is not rewritten. */
gboolean
jz_household_set_person_left (JzDb        *db,
                 gint64       person_id,
                 const char  *on,
                 const char  *reason,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *before = jz_audit_snapshot (db, "persons", person_id, error);

  if (before == NULL)
    return FALSE;

  stmt = jz_db_prepare (db,
                        "UPDATE persons SET active = 0, left_on = ?, left_reason = ?, version = version + 1 "
                        "WHERE id = ? AND active = 1",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, on, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, reason, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, person_id);

  if (!jz_db_step_done (db, stmt, error))
    return FALSE;

  return jz_audit_record_change (db, "persons", person_id, "update", before, error);
}

static gboolean
set_person_relation (JzDb        *db,
                     gint64       person_id,
                     const char  *relation,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *before = jz_audit_snapshot (db, "persons", person_id, error);

  if (before == NULL)
    return FALSE;

  stmt = jz_db_prepare (db,
                        "UPDATE persons SET relation = ?1, version = version + 1 "
                        "WHERE id = ?2 AND relation IS NOT ?1",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, relation, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, person_id);

  if (!jz_db_step_done (db, stmt, error))
    return FALSE;

  return jz_audit_record_change (db, "persons", person_id, "update", before, error);
}

static gboolean
end_case (JzDb        *db,
          gint64       case_id,
          const char  *on,
          const char  *reason,
          GError     **error)
{
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(sqlite3_stmt) history = NULL;
  g_autofree char *before = jz_audit_snapshot (db, "cases", case_id, error);

  if (before == NULL)
    return FALSE;

  update = jz_db_prepare (db,
                          "UPDATE cases SET status = 'terminated', ended_on = ?, end_reason = ?, monthly_amount = 0, "
                          "version = version + 1 WHERE id = ?",
                          error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_text (update, 1, on, -1, SQLITE_STATIC);
  sqlite3_bind_text (update, 2, reason, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (update, 3, case_id);
  if (!jz_db_step_done (db, update, error))
    return FALSE;

  history = jz_db_prepare (db,
                           "INSERT INTO case_history (case_id, on_date, status, monthly_amount, note, user_name) "
                           "VALUES (?, ?, 'terminated', 0, ?, ?)",
                           error);
  if (history == NULL)
    return FALSE;
  sqlite3_bind_int64 (history, 1, case_id);
  sqlite3_bind_text (history, 2, on, -1, SQLITE_STATIC);
  sqlite3_bind_text (history, 3, reason, -1, SQLITE_STATIC);
  sqlite3_bind_text (history, 4, jz_db_get_user_name (db), -1, SQLITE_STATIC);
  if (!jz_db_step_done (db, history, error))
    return FALSE;

  return jz_audit_record_change (db, "cases", case_id, "update", before, error);
}

/* Terminates the open cases of a household (@person_id 0) or of one
 * person, and counts them. */
gboolean
jz_household_end_open_cases (JzDb        *db,
                             gint64       household_id,
                             gint64       person_id,
                             const char  *on,
                             const char  *reason,
                             guint       *n_ended,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (person_id != 0)
    stmt = jz_db_prepare (db, "SELECT id FROM cases WHERE person_id = ? AND " CASE_IS_OPEN " ORDER BY id", error);
  else
    stmt = jz_db_prepare (db, "SELECT id FROM cases WHERE household_id = ? AND " CASE_IS_OPEN " ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id != 0 ? person_id : household_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return FALSE;
    }

  for (guint i = 0; i < ids->len; i++)
    if (!end_case (db, g_array_index (ids, gint64, i), on, reason, error))
      return FALSE;

  *n_ended += ids->len;
  return TRUE;
}

/* A member who moves to the successor file keeps what they earn. */
gboolean
jz_household_copy_incomes (JzDb        *db,
                           gint64       from_person,
                           gint64       to_person,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) copy = NULL;
  g_autoptr(sqlite3_stmt) list = NULL;
  int rc;

  copy = jz_db_prepare (db,
                        "INSERT INTO incomes (person_id, kind, monthly_amount) "
                        "SELECT ?, kind, monthly_amount FROM incomes WHERE person_id = ? ORDER BY id",
                        error);
  if (copy == NULL)
    return FALSE;
  sqlite3_bind_int64 (copy, 1, to_person);
  sqlite3_bind_int64 (copy, 2, from_person);
  if (!jz_db_step_done (db, copy, error))
    return FALSE;

  list = jz_db_prepare (db, "SELECT id FROM incomes WHERE person_id = ? ORDER BY id", error);
  if (list == NULL)
    return FALSE;
  sqlite3_bind_int64 (list, 1, to_person);
  while ((rc = sqlite3_step (list)) == SQLITE_ROW)
    if (!jz_audit_record_change (db, "incomes", sqlite3_column_int64 (list, 0), "insert", NULL, error))
      return FALSE;
  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return FALSE;
    }

  return TRUE;
}

/* Finds @person_id among @members, skipping the ones in @except. */
JzPerson *
jz_household_find_member (GPtrArray *members,
                          gint64     person_id,
                          gint64     except1,
                          gint64     except2)
{
  if (person_id == 0 || person_id == except1 || person_id == except2)
    return NULL;

  for (guint i = 0; i < members->len; i++)
    {
      JzPerson *member = g_ptr_array_index (members, i);

      if (member->id == person_id)
        return member;
    }

  return NULL;
}

gboolean
jz_household_check_relations (GPtrArray         *members,
                              gint64             head_id,
                              gint64             new_head_id,
                              const JzRelation  *relations,
                              gsize              n_relations,
                              GError           **error)
{
  for (gsize i = 0; i < n_relations; i++)
    {
      if (jz_household_find_member (members, relations[i].person_id, head_id, new_head_id) == NULL)
        {
          g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT,
                               _("A relation to the new head was given for someone who is not a remaining member of the household."));
          return FALSE;
        }
      if (!is_member_relation (relations[i].relation))
        {
          g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT,
                               _("Choose each member’s relation to the new head."));
          return FALSE;
        }
    }

  return TRUE;
}

const char *
jz_household_given_relation (const JzRelation *relations,
                             gsize             n_relations,
                             gint64            person_id)
{
  for (gsize i = 0; i < n_relations; i++)
    if (relations[i].person_id == person_id)
      return relations[i].relation;

  return NULL;
}

/* --- move in -------------------------------------------------------------- */

typedef struct
{
  JzPerson   *person;
  const char *on;
} MoveInData;

static gboolean
move_in_cb (JzDb     *db,
            gpointer  user_data,
            GError  **error)
{
  MoveInData *data = user_data;
  g_autoptr(JzHousehold) household = jz_household_load_open (db, data->person->household_id, error);
  g_autoptr(GString) json = g_string_new ("{");

  if (household == NULL || !jz_household_check_event_date (household, data->on, error))
    return FALSE;

  /* Refuses a second head and an ID number active in another household,
   * naming that household. */
  if (jz_person_add (db, data->person, error) == 0)
    return FALSE;

  jz_household_json_add_string (json, "on", data->on);
  jz_household_json_add_int (json, "person_id", data->person->id);
  return jz_household_record_event (db, household->id, "move_in", json, error);
}

/**
 * jz_household_move_in:
 * @person: the new member; household_id names the file, the id is filled in
 *
 * Adds a person who moved into the household on @on.
 *
 * Returns: the person's id, or 0 with @error set
 */
gint64
jz_household_move_in (JzDb        *db,
                      JzPerson    *person,
                      const char  *on,
                      GError     **error)
{
  MoveInData data = { person, on };

  g_return_val_if_fail (JZ_IS_DB (db), 0);
  g_return_val_if_fail (person != NULL, 0);

  if (!jz_user_check_household (db, JZ_PERMISSION_EDIT_FILES, person->household_id, error))
    return 0;

  if (!jz_db_write (db, move_in_cb, &data, error))
    {
      person->id = 0;
      return 0;
    }

  return person->id;
}

/* --- move out and member death -------------------------------------------- */

typedef struct
{
  gint64      household_id;
  gint64      person_id;
  const char *on;
  const char *note;
  const char *left_reason;  /* moved_out, died */
} LeaveData;

static gboolean
leave_cb (JzDb     *db,
          gpointer  user_data,
          GError  **error)
{
  LeaveData *data = user_data;
  gboolean died = g_strcmp0 (data->left_reason, "died") == 0;
  g_autoptr(JzHousehold) household = jz_household_load_open (db, data->household_id, error);
  g_autoptr(JzPerson) person = NULL;
  g_autoptr(GString) json = g_string_new ("{");
  const char *reason;
  guint n_ended = 0;

  if (household == NULL || !jz_household_check_event_date (household, data->on, error))
    return FALSE;

  person = load_active_member (db, household, data->person_id, error);
  if (person == NULL)
    return FALSE;

  if (person->id == household->head_person_id)
    {
      if (died)
        g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT,
                             _("This member is the head of the household. Record the head’s death instead, which closes this file and opens a new one for the other members."));
      else
        g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT,
                             _("The head of the household cannot move out. Record a change of head first."));
      return FALSE;
    }

  if (!jz_household_set_person_left (db, person->id, data->on, data->left_reason, error))
    return FALSE;

  reason = died ? _("The recipient died.") : _("The recipient moved out of the household.");
  if (!jz_household_end_open_cases (db, household->id, person->id, data->on, reason, &n_ended, error))
    return FALSE;

  jz_household_json_add_string (json, "on", data->on);
  jz_household_json_add_int (json, "person_id", person->id);
  jz_household_json_add_string (json, "note", data->note);
  jz_household_json_add_int (json, "cases_ended", n_ended);
  return jz_household_record_event (db, household->id, died ? "member_death" : "move_out", json, error);
}

/**
 * jz_household_move_out:
 * @note: (nullable): where the member went, or why
 *
 * Records that a member other than the head left the household on @on.
 * The row stays in the file, inactive, with the date and the reason.
 */
gboolean
jz_household_move_out (JzDb        *db,
                       gint64       household_id,
                       gint64       person_id,
                       const char  *on,
                       const char  *note,
                       GError     **error)
{
  LeaveData data = { household_id, person_id, on, note, "moved_out" };

  g_return_val_if_fail (JZ_IS_DB (db), FALSE);

  if (!jz_user_check_household (db, JZ_PERMISSION_EDIT_FILES, household_id, error))
    return FALSE;

  return jz_db_write (db, leave_cb, &data, error);
}

/**
 * jz_household_record_member_death:
 *
 * Records the death of a member other than the head.
 */
gboolean
jz_household_record_member_death (JzDb        *db,
                                  gint64       household_id,
                                  gint64       person_id,
                                  const char  *on,
                                  GError     **error)
{
  LeaveData data = { household_id, person_id, on, NULL, "died" };

  g_return_val_if_fail (JZ_IS_DB (db), FALSE);

  if (!jz_user_check_household (db, JZ_PERMISSION_EDIT_FILES, household_id, error))
    return FALSE;

  return jz_db_write (db, leave_cb, &data, error);
}

/* --- change of head ------------------------------------------------------- */

typedef struct
{
  gint64            household_id;
  gint64            new_head_id;
  const char       *old_head_relation;
  const JzRelation *relations;
  gsize             n_relations;
  const char       *on;
  const char       *note;
} HeadChangeData;

static gboolean
head_change_cb (JzDb     *db,
                gpointer  user_data,
                GError  **error)
{
  HeadChangeData *data = user_data;
  g_autoptr(JzHousehold) household = jz_household_load_open (db, data->household_id, error);
  g_autoptr(JzPerson) new_head = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) json = g_string_new ("{");
  g_autofree char *before = NULL;
  gint64 old_head_id;

  if (household == NULL || !jz_household_check_event_date (household, data->on, error))
    return FALSE;
  old_head_id = household->head_person_id;

  new_head = load_active_member (db, household, data->new_head_id, error);
  if (new_head == NULL)
    return FALSE;
  if (new_head->id == old_head_id)
    {
      g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT,
                           _("This member is already the head of the household; choose another member."));
      return FALSE;
    }

  members = jz_household_list_members (db, household->id, TRUE, error);
  if (members == NULL ||
      !jz_household_check_relations (members, old_head_id, new_head->id, data->relations, data->n_relations, error))
    return FALSE;

  if (!set_person_relation (db, old_head_id, data->old_head_relation, error) ||
      !set_person_relation (db, new_head->id, "head", error))
    return FALSE;
  for (gsize i = 0; i < data->n_relations; i++)
    if (!set_person_relation (db, data->relations[i].person_id, data->relations[i].relation, error))
      return FALSE;

  before = jz_audit_snapshot (db, "households", household->id, error);
  if (before == NULL)
    return FALSE;
  stmt = jz_db_prepare (db, "UPDATE households SET head_person_id = ?, version = version + 1 WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, new_head->id);
  sqlite3_bind_int64 (stmt, 2, household->id);
  if (!jz_db_step_done (db, stmt, error) ||
      !jz_audit_record_change (db, "households", household->id, "update", before, error))
    return FALSE;

  jz_household_json_add_string (json, "on", data->on);
  jz_household_json_add_int (json, "from_person_id", old_head_id);
  jz_household_json_add_int (json, "to_person_id", new_head->id);
  jz_household_json_add_string (json, "note", data->note);
  return jz_household_record_event (db, household->id, "head_change", json, error);
}

/**
 * jz_household_change_head:
 * @new_head_id: an active member other than the head
 * @old_head_relation: (nullable): the former head's relation to the new
 *   head; "other" when %NULL
 * @relations: (array length=n_relations) (nullable): new relations of other
 *   members to the new head; members not listed keep theirs
 * @note: (nullable): why the head changes
 *
 * Makes another member the head of the same file; the file stays open and
 * its cases keep running.
 */
gboolean
jz_household_change_head (JzDb              *db,
                          gint64             household_id,
                          gint64             new_head_id,
                          const char        *old_head_relation,
                          const JzRelation  *relations,
                          gsize              n_relations,
                          const char        *on,
                          const char        *note,
                          GError           **error)
{
  HeadChangeData data = { household_id, new_head_id, old_head_relation, relations, n_relations, on, note };

  g_return_val_if_fail (JZ_IS_DB (db), FALSE);
  g_return_val_if_fail (relations != NULL || n_relations == 0, FALSE);

  if (data.old_head_relation == NULL)
    data.old_head_relation = "other";
  if (!is_member_relation (data.old_head_relation))
    {
      g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT,
                           _("Choose the former head’s relation to the new head."));
      return FALSE;
    }

  if (!jz_user_check_household (db, JZ_PERMISSION_EDIT_FILES, household_id, error))
    return FALSE;

  return jz_db_write (db, head_change_cb, &data, error);
}

/* --- labels --------------------------------------------------------------- */

/* The three below are kept for their callers; the words live in jz-labels.c. */

/**
 * jz_person_relation_label:
 *
 * Returns: the translated name of a relation to the head, or @relation
 *   itself when it is not known
 */
const char *
jz_person_relation_label (const char *relation)
{
  return jz_labels_value (JZ_FIELD_RELATION, relation);
}

const char *
jz_person_left_reason_label (const char *left_reason)
{
  return jz_labels_value (JZ_FIELD_LEFT_REASON, left_reason);
}

const char *
jz_household_status_label (const char *status)
{
  return jz_labels_value (JZ_FIELD_HOUSEHOLD_STATUS, status);
}
