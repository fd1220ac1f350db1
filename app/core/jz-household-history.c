/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-case.h"
#include "jz-db-private.h"
#include "jz-household.h"
#include "jz-household-history.h"
#include "jz-id-number.h"
#include "jz-labels.h"
#include "jz-money.h"

typedef struct
{
  JzDb       *db;
  GHashTable *persons;  /* id → label */
  GHashTable *cases;    /* id → label */
  GHashTable *regions;  /* id → name */
} Labels;

static const struct
{
  const char *table;
  const char *column;
  const char *label;
} field_labels[] = {
  { "households", "region_id",        NC_("field", "Village") },
  { "households", "head_person_id",   NC_("field", "Head") },
  { "households", "predecessor_id",   NC_("field", "Continues file") },
  { "households", "hukou",            NC_("field", "Hukou") },
  { "households", "address",          NC_("field", "Address") },
  { "households", "phone",            NC_("field", "Phone") },
  { "households", "bank",             NC_("field", "Bank") },
  { "households", "bank_account",     NC_("field", "Bank account") },
  { "households", "notes",            NC_("field", "Notes") },
  { "households", "status",           NC_("field", "Status") },
  { "households", "opened_on",        NC_("field", "Opened on") },
  { "households", "closed_on",        NC_("field", "Closed on") },
  { "persons",    "household_id",     NC_("field", "Household file") },
  { "persons",    "name",             NC_("field", "Name") },
  { "persons",    "id_number",        NC_("field", "ID number") },
  { "persons",    "relation",         NC_("field", "Relation to head") },
  { "persons",    "sex",              NC_("field", "Sex") },
  { "persons",    "birth_date",       NC_("field", "Birth date") },
  { "persons",    "disability_kind",  NC_("field", "Disability") },
  { "persons",    "disability_grade", NC_("field", "Disability grade") },
  { "persons",    "disability_cert",  NC_("field", "Disability certificate") },
  { "persons",    "severe_illness",   NC_("field", "Severe illness") },
  { "persons",    "labour_capacity",  NC_("field", "Labour capacity") },
  { "persons",    "self_care",        NC_("field", "Self-care") },
  { "persons",    "employment",       NC_("field", "Employment") },
  { "persons",    "active",           NC_("field", "Active member") },
  { "persons",    "left_on",          NC_("field", "Left on") },
  { "persons",    "left_reason",      NC_("field", "Reason for leaving") },
  { "cases",      "person_id",        NC_("field", "Person") },
  { "cases",      "program",          NC_("field", "Program") },
  { "cases",      "status",           NC_("field", "Status") },
  { "cases",      "applied_on",       NC_("field", "Applied on") },
  { "cases",      "decided_on",       NC_("field", "Decided on") },
  { "cases",      "starts_on",        NC_("field", "Payment starts") },
  { "cases",      "ended_on",         NC_("field", "Ended on") },
  { "cases",      "end_reason",       NC_("field", "Reason for ending") },
  { "cases",      "persons",          NC_("field", "Persons covered") },
  { "cases",      "monthly_amount",   NC_("field", "Monthly amount") },
  { "incomes",    "person_id",        NC_("field", "Person") },
  { "incomes",    "kind",             NC_("field", "Kind of income") },
  { "incomes",    "monthly_amount",   NC_("field", "Monthly amount") },
};

void
jz_history_row_free (JzHistoryRow *row)
{
  if (row == NULL)
    return;

  g_free (row->at);
  g_free (row->user_name);
  g_free (row->table_name);
  g_free (row->subject);
  g_free (row->action);
  g_free (row->action_label);
  g_free (row->field);
  g_free (row->field_label);
  g_free (row->old_value);
  g_free (row->new_value);
  g_free (row->detail);
  g_free (row);
}

/* --- labels of rows ------------------------------------------------------- */

static GHashTable *
id_table_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

static void
id_table_insert (GHashTable *table,
                 gint64      id,
                 char       *label)
{
  g_hash_table_insert (table, g_memdup2 (&id, sizeof id), label);
}

static const char *
id_table_lookup (GHashTable *table,
                 gint64      id)
{
  return g_hash_table_lookup (table, &id);
}

static char *
person_label (const char *relation,
              const char *name)
{
  /* TRANSLATORS: a household member in the change history: relation to
   * the head, then the name, e.g. "Spouse 李秀英". */
  return g_strdup_printf (C_("member", "%s %s"), jz_labels_value (JZ_FIELD_RELATION, relation), name);
}

static char *
program_label (sqlite3_stmt *stmt,
               int           column)
{
  JzCase names = { 0 };

  names.program_name = (char *) sqlite3_column_text (stmt, column);
  names.program_name_zh = (char *) sqlite3_column_text (stmt, column + 1);
  return g_strdup (jz_case_get_program_label (&names));
}

static gboolean
load_labels (Labels      *labels,
             gint64       household_id,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) persons = NULL;
  g_autoptr(sqlite3_stmt) cases = NULL;
  int rc;

  persons = jz_db_prepare (labels->db, "SELECT id, relation, name FROM persons WHERE household_id = ?", error);
  if (persons == NULL)
    return FALSE;
  sqlite3_bind_int64 (persons, 1, household_id);
  while ((rc = sqlite3_step (persons)) == SQLITE_ROW)
    id_table_insert (labels->persons, sqlite3_column_int64 (persons, 0),
                     person_label ((const char *) sqlite3_column_text (persons, 1),
                                   (const char *) sqlite3_column_text (persons, 2)));
  if (rc != SQLITE_DONE)
    goto failed;

  cases = jz_db_prepare (labels->db,
                         "SELECT c.id, g.name, g.name_zh, c.person_id FROM cases c "
                         "JOIN programs g ON g.code = c.program WHERE c.household_id = ?",
                         error);
  if (cases == NULL)
    return FALSE;
  sqlite3_bind_int64 (cases, 1, household_id);
  while ((rc = sqlite3_step (cases)) == SQLITE_ROW)
    {
      g_autofree char *program = program_label (cases, 1);
      const char *person = id_table_lookup (labels->persons, sqlite3_column_int64 (cases, 3));

      /* TRANSLATORS: a case of one person: the program, then the person. */
      id_table_insert (labels->cases, sqlite3_column_int64 (cases, 0),
                       person != NULL ? g_strdup_printf (C_("case", "%s, %s"), program, person)
                                      : g_steal_pointer (&program));
    }
  if (rc != SQLITE_DONE)
    goto failed;

  return TRUE;

failed:
  jz_db_set_error (labels->db, rc, error);
  return FALSE;
}

static char *
file_number (gint64 id)
{
  /* TRANSLATORS: the number of a household file. */
  return g_strdup_printf (_("No. %lld"), (long long) id);
}

static char *
region_name (Labels *labels,
             gint64  id)
{
  const char *name = id_table_lookup (labels->regions, id);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (name == NULL)
    {
      stmt = jz_db_prepare (labels->db, "SELECT name FROM regions WHERE id = ?", NULL);
      if (stmt == NULL)
        return file_number (id);
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        return file_number (id);
      id_table_insert (labels->regions, id, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      name = id_table_lookup (labels->regions, id);
    }

  return g_strdup (name);
}

/* An income is named by its member, @income_person_id: the row may be
 * gone, and its id may since have been given to another income. */
static char *
subject_of (Labels     *labels,
            const char *table_name,
            gint64      row_id,
            gint64      income_person_id)
{
  const char *label = NULL;

  if (g_strcmp0 (table_name, "households") == 0)
    return g_strdup (_("Household file"));
  if (g_strcmp0 (table_name, "persons") == 0)
    label = id_table_lookup (labels->persons, row_id);
  else if (g_strcmp0 (table_name, "cases") == 0)
    label = id_table_lookup (labels->cases, row_id);
  else if (g_strcmp0 (table_name, "incomes") == 0)
    {
      label = id_table_lookup (labels->persons, income_person_id);
      return g_strdup_printf (_("Income of %s"), label != NULL ? label : "?");
    }

  return label != NULL ? g_strdup (label) : g_strdup (table_name);
}

/* --- values --------------------------------------------------------------- */

/* Shows the ends of a number and hides at least four characters of it. */
static char *
mask_number (const char *value,
             guint       keep_head,
             guint       keep_tail)
{
  glong len = g_utf8_strlen (value, -1);

  while (keep_head + keep_tail > 0 && len - (glong) (keep_head + keep_tail) < 4)
    {
      if (keep_head > 0)
        keep_head--;
      else
        keep_tail--;
    }

  if (len == 0)
    return g_strdup ("");
  if (keep_head + keep_tail == 0)
    {
      g_autoptr(GString) stars = g_string_new (NULL);

      for (glong i = 0; i < len; i++)
        g_string_append_c (stars, '*');
      return g_string_free (g_steal_pointer (&stars), FALSE);
    }

  return jz_id_number_mask (value, keep_head, keep_tail);
}

static char *
display_value (Labels     *labels,
               const char *table_name,
               const char *column,
               const char *value)
{
  const char *label;
  JzField field;
  gint64 id;

  if (value == NULL)
    return g_strdup ("");

  if (strcmp (column, "id_number") == 0 || strcmp (column, "disability_cert") == 0)
    return mask_number (value, 4, 4);
  if (strcmp (column, "phone") == 0)
    return mask_number (value, 3, 4);
  if (strcmp (column, "bank_account") == 0)
    return jz_household_mask_account (value);

  if (jz_labels_field_of_column (table_name, column, &field))
    return g_strdup (jz_labels_value (field, value));
  if (strcmp (column, "active") == 0)
    return g_strdup (strcmp (value, "0") == 0 ? C_("active member", "No") : C_("active member", "Yes"));
  if (strcmp (column, "monthly_amount") == 0)
    return jz_money_format (g_ascii_strtoll (value, NULL, 10));

  id = g_ascii_strtoll (value, NULL, 10);
  if (strcmp (column, "region_id") == 0)
    return region_name (labels, id);
  if (strcmp (column, "predecessor_id") == 0 || strcmp (column, "household_id") == 0)
    return file_number (id);
  if (strcmp (column, "head_person_id") == 0 || strcmp (column, "person_id") == 0)
    {
      label = id_table_lookup (labels->persons, id);
      return label != NULL ? g_strdup (label) : file_number (id);
    }

  return g_strdup (value);
}

static char *
field_label_of (const char *table_name,
                const char *column)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (strcmp (field_labels[i].table, table_name) == 0 && strcmp (field_labels[i].column, column) == 0)
      return g_strdup (g_dpgettext2 (GETTEXT_PACKAGE, "field", field_labels[i].label));

  return g_strdup (column);
}

/* --- entries -------------------------------------------------------------- */

static char *
action_label_of (const char *table_name,
                 const char *action)
{
  static const struct { const char *action; const char *label; } actions[] = {
    { "update",       N_("Changed") },
    { "delete",       N_("Removed") },
    { "archive",      N_("File archived") },
    { "unarchive",    N_("File restored") },
    { "reveal",       N_("Bank account number shown") },
    { "move_in",      N_("Moved in") },
    { "move_out",     N_("Moved out") },
    { "head_change",  N_("Head changed") },
    { "member_death", N_("Member died") },
    { "head_death",   N_("Head died, file closed") },
  };

  if (g_strcmp0 (action, "insert") == 0)
    {
      if (g_strcmp0 (table_name, "households") == 0)
        return g_strdup (_("File opened"));
      if (g_strcmp0 (table_name, "persons") == 0)
        return g_strdup (_("Member added"));
      if (g_strcmp0 (table_name, "cases") == 0)
        return g_strdup (_("Case opened"));
      return g_strdup (_("Added"));
    }

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    if (g_strcmp0 (action, actions[i].action) == 0)
      return g_strdup (_(actions[i].label));

  return g_strdup (action);
}

/* What the event entries carry, from the audit entry's new values. */
enum {
  COL_ID, COL_AT, COL_USER, COL_TABLE, COL_ROW, COL_ACTION, COL_OLD, COL_NEW,
  COL_ON, COL_NOTE, COL_PERSON, COL_SUCCESSOR, COL_CASES_ENDED, COL_PREDECESSOR,
  COL_INCOME_PERSON,
};

static char *
event_detail (sqlite3_stmt *entry)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *action = (const char *) sqlite3_column_text (entry, COL_ACTION);
  const char *table_name = (const char *) sqlite3_column_text (entry, COL_TABLE);
  const char *on = (const char *) sqlite3_column_text (entry, COL_ON);
  const char *note = (const char *) sqlite3_column_text (entry, COL_NOTE);
  gint64 n_ended = sqlite3_column_int64 (entry, COL_CASES_ENDED);

  if (g_strcmp0 (action, "insert") == 0)
    {
      if (g_strcmp0 (table_name, "households") == 0 && sqlite3_column_int64 (entry, COL_PREDECESSOR) != 0)
        return g_strdup_printf (_("Continues household file No. %lld"),
                                (long long) sqlite3_column_int64 (entry, COL_PREDECESSOR));
      return NULL;
    }

  if (on != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("Date: %s"), on));
  if (sqlite3_column_int64 (entry, COL_SUCCESSOR) != 0)
    g_ptr_array_add (parts, g_strdup_printf (_("Continued in household file No. %lld"),
                                             (long long) sqlite3_column_int64 (entry, COL_SUCCESSOR)));
  if (n_ended > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u case ended", "%u cases ended", (gulong) n_ended),
                                             (guint) n_ended));
  if (note != NULL && *note != '\0')
    g_ptr_array_add (parts, g_strdup_printf (_("Note: %s"), note));

  if (parts->len == 0)
    return NULL;

  g_ptr_array_add (parts, NULL);
  /* TRANSLATORS: separates the parts of an event's details. */
  return g_strjoinv (C_("detail separator", "; "), (char **) parts->pdata);
}

static JzHistoryRow *
row_new (sqlite3_stmt *entry,
         Labels       *labels,
         const char   *subject_override)
{
  JzHistoryRow *row = g_new0 (JzHistoryRow, 1);
  const char *at = (const char *) sqlite3_column_text (entry, COL_AT);
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (at, NULL);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  row->audit_id = sqlite3_column_int64 (entry, COL_ID);
  row->at = local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup (at);
  row->user_name = g_strdup ((const char *) sqlite3_column_text (entry, COL_USER));
  row->table_name = g_strdup ((const char *) sqlite3_column_text (entry, COL_TABLE));
  row->row_id = sqlite3_column_int64 (entry, COL_ROW);
  row->action = g_strdup ((const char *) sqlite3_column_text (entry, COL_ACTION));
  row->action_label = action_label_of (row->table_name, row->action);
  row->subject = subject_override != NULL ? g_strdup (subject_override)
                                          : subject_of (labels, row->table_name, row->row_id,
                                                        sqlite3_column_int64 (entry, COL_INCOME_PERSON));
  return row;
}

/* An update: one line per changed field, old beside new. */
static gboolean
add_field_rows (Labels        *labels,
                sqlite3_stmt  *entry,
                sqlite3_stmt  *fields,
                GPtrArray     *rows,
                GError       **error)
{
  const char *table_name = (const char *) sqlite3_column_text (entry, COL_TABLE);
  guint before = rows->len;
  int rc;

  sqlite3_reset (fields);
  sqlite3_bind_text (fields, 1, (const char *) sqlite3_column_text (entry, COL_OLD), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (fields, 2, (const char *) sqlite3_column_text (entry, COL_NEW), -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (fields)) == SQLITE_ROW)
    {
      const char *column = (const char *) sqlite3_column_text (fields, 0);
      JzHistoryRow *row;

      /* The version counts saves; it means nothing to a clerk. */
      if (strcmp (column, "version") == 0 || strcmp (column, "id") == 0)
        continue;

      row = row_new (entry, labels, NULL);
      row->field = g_strdup (column);
      row->field_label = field_label_of (table_name, column);
      row->old_value = display_value (labels, table_name, column, (const char *) sqlite3_column_text (fields, 1));
      row->new_value = display_value (labels, table_name, column, (const char *) sqlite3_column_text (fields, 2));
      g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (labels->db, rc, error);
      return FALSE;
    }

  if (rows->len == before)
    g_ptr_array_add (rows, row_new (entry, labels, NULL));

  return TRUE;
}

/* An insert, a removal or an event: one line for the whole entry. */
static void
add_entry_row (Labels       *labels,
               sqlite3_stmt *entry,
               GPtrArray    *rows)
{
  const char *action = (const char *) sqlite3_column_text (entry, COL_ACTION);
  const char *subject = NULL;
  JzHistoryRow *row;

  /* An event on the file names the member it is about. */
  if (g_strcmp0 ((const char *) sqlite3_column_text (entry, COL_TABLE), "households") == 0 &&
      g_strcmp0 (action, "insert") != 0 && sqlite3_column_int64 (entry, COL_PERSON) != 0)
    subject = id_table_lookup (labels->persons, sqlite3_column_int64 (entry, COL_PERSON));

  row = row_new (entry, labels, subject);
  row->old_value = g_strdup ("");
  row->new_value = g_strdup ("");
  row->detail = event_detail (entry);
  g_ptr_array_add (rows, row);
}

/**
 * jz_household_list_history:
 *
 * Turns the audit entries of a household file, of its members, their
 * incomes and its cases into lines for the file's "History" view. An
 * update gives one line per changed field; an insert, a removal or a
 * household event (move in or out, change of head, a death, archiving,
 * a revealed bank account) gives one line, with the event's date and
 * note in @detail. A removed income keeps its entries, named by the
 * member it belonged to.
 *
 * Returns: (transfer full) (element-type JzHistoryRow): the lines, the
 *   latest entry first
 */
GPtrArray *
jz_household_list_history (JzDb        *db,
                           gint64       household_id,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) entries = NULL;
  g_autoptr(sqlite3_stmt) fields = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) persons = id_table_new ();
  g_autoptr(GHashTable) cases = id_table_new ();
  g_autoptr(GHashTable) regions = id_table_new ();
  Labels labels = { db, persons, cases, regions };
  int rc;

  g_return_val_if_fail (JZ_IS_DB (db), NULL);

  if (!load_labels (&labels, household_id, error))
    return NULL;

  /* One index lookup per row of the file (audit_log_row), not a scan
   * (CROSS JOIN keeps the file's rows the outer loop).  A removed income
   * (r) is found through the member its last values name, by the index
   * audit_log_removed_income (the unary + lets SQLite match the indexed
   * expression); income ids are never used twice. */
  entries = jz_db_prepare (db,
                           "WITH p AS (SELECT id FROM persons WHERE household_id = ?1), "
                           "     r AS (SELECT d.row_id AS id, p.id AS person_id FROM p CROSS JOIN audit_log d "
                           "           ON json_extract (d.old_values, '$.person_id') = +p.id "
                           "           AND d.table_name = 'incomes' AND d.action = 'delete'), "
                           "     i AS (SELECT id, person_id FROM incomes WHERE person_id IN p "
                           "           UNION SELECT id, person_id FROM r), "
                           "     e AS (SELECT id, NULL AS income_person FROM audit_log "
                           "           WHERE table_name = 'households' AND row_id = ?1 "
                           "           UNION ALL SELECT id, NULL FROM audit_log WHERE table_name = 'persons' AND row_id IN p "
                           "           UNION ALL SELECT id, NULL FROM audit_log WHERE table_name = 'cases' AND row_id IN "
                           "             (SELECT id FROM cases WHERE household_id = ?1) "
                           "           UNION ALL SELECT a.id, i.person_id FROM i "
                           "             CROSS JOIN audit_log a ON a.table_name = 'incomes' AND a.row_id = i.id) "
                           "SELECT a.id, a.at, a.user_name, a.table_name, a.row_id, a.action, a.old_values, a.new_values, "
                           "       json_extract (a.new_values, '$.on'), json_extract (a.new_values, '$.note'), "
                           "       coalesce (json_extract (a.new_values, '$.person_id'), json_extract (a.new_values, '$.to_person_id')), "
                           "       json_extract (a.new_values, '$.successor_id'), json_extract (a.new_values, '$.cases_ended'), "
                           "       json_extract (a.new_values, '$.predecessor_id'), e.income_person "
                           "FROM e JOIN audit_log a ON a.id = e.id ORDER BY a.id DESC",
                           error);
  fields = jz_db_prepare (db,
                          "SELECT o.key, o.atom, n.atom FROM json_each (?1) o "
                          "LEFT JOIN json_each (?2) n ON n.key = o.key",
                          error);
  if (entries == NULL || fields == NULL)
    return NULL;
  sqlite3_bind_int64 (entries, 1, household_id);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) jz_history_row_free);
  while ((rc = sqlite3_step (entries)) == SQLITE_ROW)
    {
      gboolean diff = sqlite3_column_type (entries, COL_OLD) != SQLITE_NULL &&
                      sqlite3_column_type (entries, COL_NEW) != SQLITE_NULL;

      if (diff)
        {
          if (!add_field_rows (&labels, entries, fields, rows, error))
            return NULL;
        }
      else
        add_entry_row (&labels, entries, rows);
    }

  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&rows);
}
