/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "jz-household-row-private.h"
#include "jz-id-number.h"

struct _JzHouseholdRow
{
  GObject parent_instance;

  gint64   id;
  char    *head_name;
  char    *head_id_number;
  char    *masked_id_number;
  gint64   township_id;
  char    *township_name;
  gint64   village_id;
  char    *village_name;
  char    *hukou;
  char    *file_status;
  guint    members;
  GStrv    programs;
  char    *case_status;
  gint64   monthly_amount;
  gboolean overdue;

  /* Only on the rows of jz_household_query_foreach_person(), for exports;
   * not properties, so that no list on screen can bind them. */
  char    *bank;
  char    *bank_account;
};

G_DEFINE_FINAL_TYPE (JzHouseholdRow, jz_household_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_HEAD_NAME,
  PROP_HEAD_ID_NUMBER,
  PROP_MASKED_ID_NUMBER,
  PROP_TOWNSHIP_ID,
  PROP_TOWNSHIP_NAME,
  PROP_VILLAGE_ID,
  PROP_VILLAGE_NAME,
  PROP_HUKOU,
  PROP_FILE_STATUS,
  PROP_MEMBERS,
  PROP_PROGRAMS,
  PROP_CASE_STATUS,
  PROP_MONTHLY_AMOUNT,
  PROP_OVERDUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

static GStrv
split_programs (const char *text)
{
  if (text == NULL || *text == '\0')
    return g_new0 (char *, 1);

  return g_strsplit (text, ",", -1);
}

static void
set_masked (JzHouseholdRow *self)
{
  g_free (self->masked_id_number);
  self->masked_id_number = jz_id_number_mask (self->head_id_number,
                                              JZ_HOUSEHOLD_ROW_MASK_HEAD,
                                              JZ_HOUSEHOLD_ROW_MASK_TAIL);
}

JzHouseholdRow *
jz_household_row_new_from_stmt (sqlite3_stmt *stmt,
                                int           first_column)
{
  JzHouseholdRow *self = g_object_new (JZ_TYPE_HOUSEHOLD_ROW, NULL);
  int c = first_column;

  self->id = sqlite3_column_int64 (stmt, c++);
  self->head_name = column_dup (stmt, c++);
  self->head_id_number = column_dup (stmt, c++);
  self->township_id = sqlite3_column_int64 (stmt, c++);
  self->township_name = column_dup (stmt, c++);
  self->village_id = sqlite3_column_int64 (stmt, c++);
  self->village_name = column_dup (stmt, c++);
  self->hukou = column_dup (stmt, c++);
  self->file_status = column_dup (stmt, c++);
  self->members = (guint) MAX (sqlite3_column_int (stmt, c), 0);
  c++;
  self->programs = split_programs ((const char *) sqlite3_column_text (stmt, c++));
  self->case_status = column_dup (stmt, c++);
  self->monthly_amount = sqlite3_column_int64 (stmt, c++);
  self->overdue = sqlite3_column_int (stmt, c++) != 0;
  set_masked (self);

  g_assert (c - first_column == JZ_HOUSEHOLD_ROW_N_COLUMNS);
  return self;
}

/**
 * jz_household_row_new_placeholder:
 *
 * An empty row (id 0) for a position whose row could not be read, so that
 * a list never gets %NULL for a position it was told exists.
 */
JzHouseholdRow *
jz_household_row_new_placeholder (void)
{
  JzHouseholdRow *self = g_object_new (JZ_TYPE_HOUSEHOLD_ROW, NULL);

  self->head_name = g_strdup ("");
  self->head_id_number = g_strdup ("");
  self->township_name = g_strdup ("");
  self->village_name = g_strdup ("");
  self->hukou = g_strdup ("");
  self->file_status = g_strdup ("");
  self->programs = g_new0 (char *, 1);
  self->case_status = g_strdup ("");
  set_masked (self);
  return self;
}

static void
update_string (JzHouseholdRow  *self,
               char           **field,
               const char      *value,
               guint            prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
update_int64 (JzHouseholdRow *self,
              gint64         *field,
              gint64          value,
              guint           prop)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/**
 * jz_household_row_update:
 * @from: a row of the same household, read later
 *
 * Takes the values of @from, notifying each property that changed, so that
 * a row already on screen shows what another clerk saved.
 */
void
jz_household_row_update (JzHouseholdRow *self,
                         JzHouseholdRow *from)
{
  g_assert (JZ_IS_HOUSEHOLD_ROW (self));
  g_assert (JZ_IS_HOUSEHOLD_ROW (from));
  g_assert (self->id == from->id);

  if (self == from)
    return;

  g_object_freeze_notify (G_OBJECT (self));

  update_string (self, &self->head_name, from->head_name, PROP_HEAD_NAME);
  update_string (self, &self->head_id_number, from->head_id_number, PROP_HEAD_ID_NUMBER);
  update_string (self, &self->masked_id_number, from->masked_id_number, PROP_MASKED_ID_NUMBER);
  update_int64 (self, &self->township_id, from->township_id, PROP_TOWNSHIP_ID);
  update_string (self, &self->township_name, from->township_name, PROP_TOWNSHIP_NAME);
  update_int64 (self, &self->village_id, from->village_id, PROP_VILLAGE_ID);
  update_string (self, &self->village_name, from->village_name, PROP_VILLAGE_NAME);
  update_string (self, &self->hukou, from->hukou, PROP_HUKOU);
  update_string (self, &self->file_status, from->file_status, PROP_FILE_STATUS);
  if (self->members != from->members)
    {
      self->members = from->members;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMBERS]);
    }
  if (!g_strv_equal ((const char * const *) self->programs, (const char * const *) from->programs))
    {
      g_strfreev (self->programs);
      self->programs = g_strdupv (from->programs);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRAMS]);
    }
  update_string (self, &self->case_status, from->case_status, PROP_CASE_STATUS);
  update_int64 (self, &self->monthly_amount, from->monthly_amount, PROP_MONTHLY_AMOUNT);
  if (self->overdue != from->overdue)
    {
      self->overdue = from->overdue;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERDUE]);
    }
  jz_household_row_set_bank (self, from->bank, from->bank_account);

  g_object_thaw_notify (G_OBJECT (self));
}

gint64
jz_household_row_get_id (JzHouseholdRow *self)
{
  g_return_val_if_fail (JZ_IS_HOUSEHOLD_ROW (self), 0);

  return self->id;
}

const char *
jz_household_row_get_head_name (JzHouseholdRow *self)
{
  g_return_val_if_fail (JZ_IS_HOUSEHOLD_ROW (self), NULL);

  return self->head_name;
}

const char *
jz_household_row_get_head_id_number (JzHouseholdRow *self)
{
  g_return_val_if_fail (JZ_IS_HOUSEHOLD_ROW (self), NULL);

  return self->head_id_number;
}

const char *
jz_household_row_get_masked_id_number (JzHouseholdRow *self)
{
  g_return_val_if_fail (JZ_IS_HOUSEHOLD_ROW (self), NULL);

  return self->masked_id_number;
}

gint64
jz_household_row_get_township_id (JzHouseholdRow *self)
{
  g_return_val_if_fail (JZ_IS_HOUSEHOLD_ROW (self), 0);

  return self->township_id;
}

const char *
jz_household_row_get_township_name (JzHouseholdRow *self)
{
  g_return_val_if_fail (JZ_IS_HOUSEHOLD_ROW (self), NULL);

  return self->township_name;
}

gint64
jz_household_row_get_village_id (JzHouseholdRow *self)
{
  g_return_val_if_fail (JZ_IS_HOUSEHOLD_ROW (self), 0);

  return self->village_id;
}

const char *
jz_household_row_get_village_name (JzHouseholdRow *self)
{
  g_return_val_if_fail (JZ_IS_HOUSEHOLD_ROW (self), NULL);

  return self->village_name;
}

const char *
jz_household_row_get_hukou (JzHouseholdRow *self)
{
  g_return_val_if_fail (JZ_IS_HOUSEHOLD_ROW (self), NULL);

  return self->hukou;
}

const char *
jz_household_row_get_file_status (JzHouseholdRow *self)
{
  g_return_val_if_fail (JZ_IS_HOUSEHOLD_ROW (self), NULL);

  return self->file_status;
}

guint
jz_household_row_get_members (JzHouseholdRow *self)
{
  g_return_val_if_fail (JZ_IS_HOUSEHOLD_ROW (self), 0);

  return self->members;
}

/**
 * jz_household_row_get_programs:
 *
 * Returns: (transfer none): the codes of the programs with an active case,
 *   in the order of the programs table; empty when none
 */
const char * const *
jz_household_row_get_programs (JzHouseholdRow *self)
{
  g_return_val_if_fail (JZ_IS_HOUSEHOLD_ROW (self), NULL);

  return (const char * const *) self->programs;
}

const char *
jz_household_row_get_case_status (JzHouseholdRow *self)
{
  g_return_val_if_fail (JZ_IS_HOUSEHOLD_ROW (self), NULL);

  return self->case_status;
}

gint64
jz_household_row_get_monthly_amount (JzHouseholdRow *self)
{
  g_return_val_if_fail (JZ_IS_HOUSEHOLD_ROW (self), 0);

  return self->monthly_amount;
}

/**
 * jz_household_row_get_overdue:
 *
 * Returns: whether a case of the household is overdue on the day the row
 *   was read (jz_workflow_overdue())
 */
gboolean
jz_household_row_get_overdue (JzHouseholdRow *self)
{
  g_return_val_if_fail (JZ_IS_HOUSEHOLD_ROW (self), FALSE);

  return self->overdue;
}

/**
 * jz_household_row_set_bank:
 * @bank: (nullable): the bank's name
 * @bank_account: (nullable): the account number
 *
 * For jz_household_query_foreach_person(), which reads them in the same
 * statement as the members.
 */
void
jz_household_row_set_bank (JzHouseholdRow *self,
                           const char     *bank,
                           const char     *bank_account)
{
  g_assert (JZ_IS_HOUSEHOLD_ROW (self));

  if (self->bank != bank)
    {
      g_free (self->bank);
      self->bank = g_strdup (bank);
    }
  if (self->bank_account != bank_account)
    {
      g_free (self->bank_account);
      self->bank_account = g_strdup (bank_account);
    }
}

/**
 * jz_household_row_get_bank:
 *
 * Returns: (nullable): the name of the bank the household is paid through,
 *   "" when none is on file; %NULL on rows other than those of
 *   jz_household_query_foreach_person()
 */
const char *
jz_household_row_get_bank (JzHouseholdRow *self)
{
  g_return_val_if_fail (JZ_IS_HOUSEHOLD_ROW (self), NULL);

  return self->bank;
}

/**
 * jz_household_row_get_bank_account:
 *
 * The whole number, for the payment and persons exports; a screen shows
 * jz_household_mask_account() of it, or nothing.
 *
 * Returns: (nullable): the household's bank account, "" when none is on
 *   file; %NULL on rows other than those of
 *   jz_household_query_foreach_person()
 */
const char *
jz_household_row_get_bank_account (JzHouseholdRow *self)
{
  g_return_val_if_fail (JZ_IS_HOUSEHOLD_ROW (self), NULL);

  return self->bank_account;
}

static void
jz_household_row_finalize (GObject *object)
{
  JzHouseholdRow *self = (JzHouseholdRow *) object;

  g_clear_pointer (&self->head_name, g_free);
  g_clear_pointer (&self->head_id_number, g_free);
  g_clear_pointer (&self->masked_id_number, g_free);
  g_clear_pointer (&self->township_name, g_free);
  g_clear_pointer (&self->village_name, g_free);
  g_clear_pointer (&self->hukou, g_free);
  g_clear_pointer (&self->file_status, g_free);
  g_clear_pointer (&self->programs, g_strfreev);
  g_clear_pointer (&self->case_status, g_free);
  g_clear_pointer (&self->bank, g_free);
  g_clear_pointer (&self->bank_account, g_free);

  G_OBJECT_CLASS (jz_household_row_parent_class)->finalize (object);
}

static void
jz_household_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  JzHouseholdRow *self = JZ_HOUSEHOLD_ROW (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_HEAD_NAME:
      g_value_set_string (value, self->head_name);
      break;

    case PROP_HEAD_ID_NUMBER:
      g_value_set_string (value, self->head_id_number);
      break;

    case PROP_MASKED_ID_NUMBER:
      g_value_set_string (value, self->masked_id_number);
      break;

    case PROP_TOWNSHIP_ID:
      g_value_set_int64 (value, self->township_id);
      break;

    case PROP_TOWNSHIP_NAME:
      g_value_set_string (value, self->township_name);
      break;

    case PROP_VILLAGE_ID:
      g_value_set_int64 (value, self->village_id);
      break;

    case PROP_VILLAGE_NAME:
      g_value_set_string (value, self->village_name);
      break;

    case PROP_HUKOU:
      g_value_set_string (value, self->hukou);
      break;

    case PROP_FILE_STATUS:
      g_value_set_string (value, self->file_status);
      break;

    case PROP_MEMBERS:
      g_value_set_uint (value, self->members);
      break;

    case PROP_PROGRAMS:
      g_value_set_boxed (value, self->programs);
      break;

    case PROP_CASE_STATUS:
      g_value_set_string (value, self->case_status);
      break;

    case PROP_MONTHLY_AMOUNT:
      g_value_set_int64 (value, self->monthly_amount);
      break;

    case PROP_OVERDUE:
      g_value_set_boolean (value, self->overdue);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jz_household_row_class_init (JzHouseholdRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = jz_household_row_finalize;
  object_class->get_property = jz_household_row_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_HEAD_NAME] = g_param_spec_string ("head-name", NULL, NULL, NULL, flags);
  properties[PROP_HEAD_ID_NUMBER] = g_param_spec_string ("head-id-number", NULL, NULL, NULL, flags);
  properties[PROP_MASKED_ID_NUMBER] = g_param_spec_string ("masked-id-number", NULL, NULL, NULL, flags);
  properties[PROP_TOWNSHIP_ID] = g_param_spec_int64 ("township-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TOWNSHIP_NAME] = g_param_spec_string ("township-name", NULL, NULL, NULL, flags);
  properties[PROP_VILLAGE_ID] = g_param_spec_int64 ("village-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_VILLAGE_NAME] = g_param_spec_string ("village-name", NULL, NULL, NULL, flags);
  properties[PROP_HUKOU] = g_param_spec_string ("hukou", NULL, NULL, NULL, flags);
  properties[PROP_FILE_STATUS] = g_param_spec_string ("file-status", NULL, NULL, NULL, flags);
  properties[PROP_MEMBERS] = g_param_spec_uint ("members", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_PROGRAMS] = g_param_spec_boxed ("programs", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_CASE_STATUS] = g_param_spec_string ("case-status", NULL, NULL, NULL, flags);
  properties[PROP_MONTHLY_AMOUNT] = g_param_spec_int64 ("monthly-amount", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_OVERDUE] = g_param_spec_boolean ("overdue", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jz_household_row_init (JzHouseholdRow *self)
{
}
