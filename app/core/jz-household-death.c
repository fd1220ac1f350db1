/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-audit.h"
#include "jz-db-private.h"
#include "jz-household-events.h"
#include "jz-household-events-private.h"
#include "jz-user.h"


/* --- death of the head ---------------------------------------------------- */

typedef struct
{
  gint64            household_id;
  gint64            new_head_id;
  const JzRelation *relations;
  gsize             n_relations;
  const char       *on;
  gint64            successor_id;
} HeadDeathData;

/* Without a relation from the clerk, the children and grandchildren of a
 * couple stay what they were when the widowed spouse becomes the head;
 * every other tie is not known and becomes "other". */
static const char *
default_relation (const JzPerson *member,
                  const JzPerson *new_head)
{
  if (g_strcmp0 (new_head->relation, "spouse") == 0 &&
      (g_strcmp0 (member->relation, "child") == 0 || g_strcmp0 (member->relation, "grandchild") == 0))
    return member->relation;

  return "other";
}

static JzPerson *
copy_member (const JzPerson *src,
             gint64          household_id,
             const char     *relation)
{
  JzPerson *person = jz_person_new ();

  person->household_id = household_id;
  person->name = g_strdup (src->name);
  person->id_number = g_strdup (src->id_number);
  g_free (person->relation);
  person->relation = g_strdup (relation);
  person->disability_kind = g_strdup (src->disability_kind);
  person->disability_grade = src->disability_grade;
  person->disability_cert = g_strdup (src->disability_cert);
  person->severe_illness = g_strdup (src->severe_illness);
  g_free (person->labour_capacity);
  person->labour_capacity = g_strdup (src->labour_capacity);
  g_free (person->self_care);
  person->self_care = g_strdup (src->self_care);
  g_free (person->employment);
  person->employment = g_strdup (src->employment);

  return person;
}

/* Opens the file that continues @old for the remaining @members, which
 * have already left @old, so their ID numbers are free again. */
static gboolean
open_successor (JzDb               *db,
                JzHousehold        *old,
                GPtrArray          *members,
                const JzPerson     *new_head,
                HeadDeathData      *data,
                GError            **error)
{
  g_autoptr(JzHousehold) successor = jz_household_new ();
  g_autoptr(JzPerson) head = copy_member (new_head, 0, "head");

  successor->region_id = old->region_id;
  g_free (successor->hukou);
  successor->hukou = g_strdup (old->hukou);
  successor->address = g_strdup (old->address);
  successor->phone = g_strdup (old->phone);
  successor->bank = g_strdup (old->bank);
  successor->bank_account = g_strdup (old->bank_account);
  successor->predecessor_id = old->id;
  successor->opened_on = g_strdup (data->on);

  if (jz_household_create (db, successor, head, error) == 0 ||
      !jz_household_copy_incomes (db, new_head->id, head->id, error))
    return FALSE;

  for (guint i = 0; i < members->len; i++)
    {
      JzPerson *member = g_ptr_array_index (members, i);
      g_autoptr(JzPerson) copy = NULL;
      const char *relation;

      if (member->id == old->head_person_id || member->id == new_head->id)
        continue;

      relation = jz_household_given_relation (data->relations, data->n_relations, member->id);
      copy = copy_member (member, successor->id, relation != NULL ? relation : default_relation (member, new_head));
      if (jz_person_add (db, copy, error) == 0 || !jz_household_copy_incomes (db, member->id, copy->id, error))
        return FALSE;
    }

  data->successor_id = successor->id;
  return TRUE;
}

static gboolean
close_household (JzDb        *db,
                 gint64       household_id,
                 const char  *on,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *before = jz_audit_snapshot (db, "households", household_id, error);

  if (before == NULL)
    return FALSE;

  stmt = jz_db_prepare (db,
                        "UPDATE households SET status = 'closed', closed_on = ?, version = version + 1 WHERE id = ?",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, on, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, household_id);

  if (!jz_db_step_done (db, stmt, error))
    return FALSE;

  return jz_audit_record_change (db, "households", household_id, "update", before, error);
}

static gboolean
head_death_cb (JzDb     *db,
               gpointer  user_data,
               GError  **error)
{
  HeadDeathData *data = user_data;
  g_autoptr(JzHousehold) household = jz_household_load_open (db, data->household_id, error);
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GString) json = g_string_new ("{");
  g_autofree char *reason = NULL;
  JzPerson *head;
  JzPerson *new_head;
  guint n_ended = 0;

  if (household == NULL || !jz_household_check_event_date (household, data->on, error))
    return FALSE;

  members = jz_household_list_members (db, household->id, TRUE, error);
  if (members == NULL)
    return FALSE;

  head = jz_household_find_member (members, household->head_person_id, 0, 0);
  if (head == NULL)
    {
      g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT,
                           _("The head of this household is no longer an active member. Check the file before recording the death."));
      return FALSE;
    }

  /* With others left, one of them heads the new file; alone, nobody does. */
  new_head = jz_household_find_member (members, data->new_head_id, head->id, 0);
  if (members->len > 1 && new_head == NULL)
    {
      g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT,
                           _("Choose the new head among the remaining members of the household."));
      return FALSE;
    }
  if (members->len == 1 && data->new_head_id != 0)
    {
      g_set_error_literal (error, JZ_DB_ERROR, JZ_DB_ERROR_CONSTRAINT,
                           _("The head was the only member of the household, so there is nobody to head a new file."));
      return FALSE;
    }
  if (!jz_household_check_relations (members, head->id, data->new_head_id, data->relations, data->n_relations, error))
    return FALSE;

  if (!jz_household_set_person_left (db, head->id, data->on, "died", error))
    return FALSE;

  for (guint i = 0; i < members->len; i++)
    {
      JzPerson *member = g_ptr_array_index (members, i);

      if (member->id != head->id && !jz_household_set_person_left (db, member->id, data->on, "household_closed", error))
        return FALSE;
    }

  if (new_head != NULL && !open_successor (db, household, members, new_head, data, error))
    return FALSE;

  if (data->successor_id != 0)
    reason = g_strdup_printf (_("The head of the household died; the members continue in household file No. %lld."),
                              (long long) data->successor_id);
  else
    reason = g_strdup (_("The head of the household died and the file was closed."));

  if (!jz_household_end_open_cases (db, household->id, 0, data->on, reason, &n_ended, error) ||
      !close_household (db, household->id, data->on, error))
    return FALSE;

  jz_household_json_add_string (json, "on", data->on);
  jz_household_json_add_int (json, "person_id", head->id);
  if (data->successor_id != 0)
    jz_household_json_add_int (json, "successor_id", data->successor_id);
  jz_household_json_add_int (json, "cases_ended", n_ended);
  return jz_household_record_event (db, household->id, "head_death", json, error);
}

/**
 * jz_household_record_head_death:
 * @new_head_id: the remaining member who heads the new file; 0 when the
 *   head was the only member
 * @relations: (array length=n_relations) (nullable): relations of the
 *   other remaining members to the new head. Without one, a child or
 *   grandchild stays so when the spouse becomes the head; otherwise the
 *   relation becomes "other".
 * @successor_id: (out) (optional): the new file, 0 when none was opened
 *
 * History is never rewritten, so the head's death closes the file on @on
 * instead of editing it:
 *
 *  - the head becomes inactive with left_reason "died";
 *  - the other members become inactive in the old file with left_reason
 *    "household_closed" and are entered again, with the same ID numbers,
 *    their facts and incomes, as members of a new open file with the
 *    address, region, hukou, phone and bank account of the old one; the
 *    new file's predecessor_id names the old file, and
 *    jz_household_get_successor() finds the new file from the old one;
 *  - every case of the old file that is still running or being decided
 *    is terminated on @on, with a case_history row giving the reason.
 *    Cases are not moved: a dibao amount was computed for the old
 *    household, with its head and income, and the paid months must stay
 *    with the file they were paid to. The new household applies again,
 *    as the 2021 rules ask when a household's make-up changes; a clerk
 *    sees in the old file why each case ended and where the family went.
 *  - the old file becomes "closed" with closed_on @on and stays readable.
 */
gboolean
jz_household_record_head_death (JzDb              *db,
                                gint64             household_id,
                                gint64             new_head_id,
                                const JzRelation  *relations,
                                gsize              n_relations,
                                const char        *on,
                                gint64            *successor_id,
                                GError           **error)
{
  HeadDeathData data = { household_id, new_head_id, relations, n_relations, on, 0 };

  g_return_val_if_fail (JZ_IS_DB (db), FALSE);
  g_return_val_if_fail (relations != NULL || n_relations == 0, FALSE);

  if (successor_id != NULL)
    *successor_id = 0;

  if (!jz_user_check_household (db, JZ_PERMISSION_EDIT_FILES, household_id, error))
    return FALSE;

  if (!jz_db_write (db, head_death_cb, &data, error))
    return FALSE;

  if (successor_id != NULL)
    *successor_id = data.successor_id;
  return TRUE;
}

/**
 * jz_household_get_successor:
 *
 * The link between a closed file and the one that continues it is stored
 * once, as the new file's predecessor_id; this follows it backwards
 * (through the households_predecessor index).
 *
 * Returns: the file that continues @household_id, or 0 when there is none
 *   (or on error, with @error set)
 */
gint64
jz_household_get_successor (JzDb        *db,
                            gint64       household_id,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (JZ_IS_DB (db), 0);

  stmt = jz_db_prepare (db, "SELECT id FROM households WHERE predecessor_id = ? ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, household_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    jz_db_set_error (db, rc, error);

  return 0;
}
