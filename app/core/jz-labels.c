/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jz-labels.h"

typedef struct
{
  const char *code;
  const char *label;   /* in the context of its vocabulary */
  /* Programs only: the programs table's other columns. */
  const char *name;    /* in the context "program" */
  const char *unit;
  const char *period;
} Label;

typedef struct
{
  const char  *context;
  const Label *labels;
  guint        n_labels;
} Vocabulary;

/* In the order of programs.sort_order, which is the order a household's
 * programs come in. The full names are the programs table's English ones;
 * test-labels holds the two together. */
static const Label programs[] = {
  { "dibao_urban",       NC_("program short name", "Urban dibao"),
    NC_("program", "Urban minimum living guarantee"), "household", "month" },
  { "dibao_rural",       NC_("program short name", "Rural dibao"),
    NC_("program", "Rural minimum living guarantee"), "household", "month" },
  { "tekun_dispersed",   NC_("program short name", "Tekun, dispersed"),
    NC_("program", "Extreme poverty support, dispersed"), "person", "quarter" },
  { "tekun_centralized", NC_("program short name", "Tekun, centralized"),
    NC_("program", "Extreme poverty support, centralized"), "person", "month" },
  { "temporary",         NC_("program short name", "Temporary"),
    NC_("program", "Temporary assistance"), "household", "once" },
  { "disability_living", NC_("program short name", "Disability living"),
    NC_("program", "Living subsidy for disabled people in need"), "person", "month" },
  { "disability_care",   NC_("program short name", "Disability care"),
    NC_("program", "Care subsidy for severely disabled people"), "person", "month" },
  { "child_living",      NC_("program short name", "Child living"),
    NC_("program", "Basic living allowance for children"), "person", "month" },
  { "low_income",        NC_("program short name", "Low income"),
    NC_("program", "Low-income monitoring"), "household", "none" },
};

static const Label hukous[] = {
  { "urban", NC_("hukou", "Urban") },
  { "rural", NC_("hukou", "Rural") },
};

static const Label household_statuses[] = {
  { "open",     NC_("household status", "Open") },
  { "closed",   NC_("household status", "Closed") },
  { "archived", NC_("household status", "Archived") },
};

/* The head first: a member added later chooses from the others. */
static const Label relations[] = {
  { "head",        NC_("relation", "Head") },
  { "spouse",      NC_("relation", "Spouse") },
  { "child",       NC_("relation", "Child") },
  { "parent",      NC_("relation", "Parent") },
  { "grandchild",  NC_("relation", "Grandchild") },
  { "grandparent", NC_("relation", "Grandparent") },
  { "sibling",     NC_("relation", "Sibling") },
  { "other",       NC_("relation", "Other") },
};

static const Label sexes[] = {
  { "M", NC_("sex", "Male") },
  { "F", NC_("sex", "Female") },
};

static const Label disability_kinds[] = {
  { "visual",       NC_("disability_kind", "Visual") },
  { "hearing",      NC_("disability_kind", "Hearing") },
  { "speech",       NC_("disability_kind", "Speech") },
  { "limb",         NC_("disability_kind", "Limb") },
  { "intellectual", NC_("disability_kind", "Intellectual") },
  { "mental",       NC_("disability_kind", "Mental") },
  { "multiple",     NC_("disability_kind", "Multiple") },
};

static const Label labour_capacities[] = {
  { "full",    NC_("labour_capacity", "Full") },
  { "partial", NC_("labour_capacity", "Partial") },
  { "none",    NC_("labour_capacity", "None") },
};

static const Label self_care_levels[] = {
  { "self_care",    NC_("self_care", "Cares for self") },
  { "partial_care", NC_("self_care", "Partly unable to care for self") },
  { "full_care",    NC_("self_care", "Unable to care for self") },
};

static const Label employments[] = {
  { "employed",      NC_("employment", "Employed") },
  { "farming",       NC_("employment", "Farming") },
  { "self_employed", NC_("employment", "Self-employed") },
  { "unemployed",    NC_("employment", "Unemployed") },
  { "student",       NC_("employment", "Student") },
  { "retired",       NC_("employment", "Retired") },
  { "none",          NC_("employment", "None") },
};

static const Label left_reasons[] = {
  { "moved_out",        NC_("left reason", "Moved out") },
  { "died",             NC_("left reason", "Died") },
  { "household_closed", NC_("left reason", "File closed") },
};

static const Label income_kinds[] = {
  { "wage",     NC_("income kind", "Wages") },
  { "farming",  NC_("income kind", "Farming") },
  { "business", NC_("income kind", "Business") },
  { "pension",  NC_("income kind", "Pension") },
  { "transfer", NC_("income kind", "Transfers") },
  { "property", NC_("income kind", "Property") },
  { "other",    NC_("income kind", "Other") },
};

static const Label case_statuses[] = {
  { "draft",             NC_("case status", "Draft") },
  { "submitted",         NC_("case status", "Submitted") },
  { "accepted",          NC_("case status", "Accepted") },
  { "investigating",     NC_("case status", "Under investigation") },
  { "village_notice",    NC_("case status", "Public notice in the village") },
  { "township_reviewed", NC_("case status", "Reviewed by the township") },
  { "approved",          NC_("case status", "Approved") },
  { "active",            NC_("case status", "Receiving") },
  { "suspended",         NC_("case status", "Suspended") },
  { "terminated",        NC_("case status", "Terminated") },
  { "rejected",          NC_("case status", "Rejected") },
  { "withdrawn",         NC_("case status", "Withdrawn") },
};

/* The most pressing status among a household's cases, most pressing first. */
static const Label case_summaries[] = {
  { "active",    NC_("case summary", "Receiving") },
  { "suspended", NC_("case summary", "Suspended") },
  { "pending",   NC_("case summary", "Pending") },
  { "ended",     NC_("case summary", "Ended") },
  { "none",      NC_("case summary", "No case") },
};

#define VOCABULARY(context, labels) { context, labels, G_N_ELEMENTS (labels) }

static const Vocabulary vocabularies[] = {
  [JZ_FIELD_PROGRAM]          = VOCABULARY ("program short name", programs),
  [JZ_FIELD_HUKOU]            = VOCABULARY ("hukou", hukous),
  [JZ_FIELD_HOUSEHOLD_STATUS] = VOCABULARY ("household status", household_statuses),
  [JZ_FIELD_RELATION]         = VOCABULARY ("relation", relations),
  [JZ_FIELD_SEX]              = VOCABULARY ("sex", sexes),
  [JZ_FIELD_DISABILITY_KIND]  = VOCABULARY ("disability_kind", disability_kinds),
  [JZ_FIELD_LABOUR_CAPACITY]  = VOCABULARY ("labour_capacity", labour_capacities),
  [JZ_FIELD_SELF_CARE]        = VOCABULARY ("self_care", self_care_levels),
  [JZ_FIELD_EMPLOYMENT]       = VOCABULARY ("employment", employments),
  [JZ_FIELD_LEFT_REASON]      = VOCABULARY ("left reason", left_reasons),
  [JZ_FIELD_INCOME_KIND]      = VOCABULARY ("income kind", income_kinds),
  [JZ_FIELD_CASE_STATUS]      = VOCABULARY ("case status", case_statuses),
  [JZ_FIELD_CASE_SUMMARY]     = VOCABULARY ("case summary", case_summaries),
};

/* The stored columns whose values are codes of a vocabulary. */
static const struct
{
  const char *table;
  const char *column;
  JzField     field;
} columns[] = {
  { "households", "hukou",           JZ_FIELD_HUKOU },
  { "households", "status",          JZ_FIELD_HOUSEHOLD_STATUS },
  { "persons",    "relation",        JZ_FIELD_RELATION },
  { "persons",    "sex",             JZ_FIELD_SEX },
  { "persons",    "disability_kind", JZ_FIELD_DISABILITY_KIND },
  { "persons",    "labour_capacity", JZ_FIELD_LABOUR_CAPACITY },
  { "persons",    "self_care",       JZ_FIELD_SELF_CARE },
  { "persons",    "employment",      JZ_FIELD_EMPLOYMENT },
  { "persons",    "left_reason",     JZ_FIELD_LEFT_REASON },
  { "incomes",    "kind",            JZ_FIELD_INCOME_KIND },
  { "cases",      "program",         JZ_FIELD_PROGRAM },
  { "cases",      "status",          JZ_FIELD_CASE_STATUS },
  { "standards",  "hukou",           JZ_FIELD_HUKOU },
};

static const Vocabulary *
vocabulary (JzField field)
{
  g_return_val_if_fail ((guint) field < G_N_ELEMENTS (vocabularies), NULL);

  return &vocabularies[field];
}

static const Label *
find (const Vocabulary *vocab,
      const char       *code)
{
  if (vocab == NULL || code == NULL)
    return NULL;

  for (guint i = 0; i < vocab->n_labels; i++)
    if (strcmp (vocab->labels[i].code, code) == 0)
      return &vocab->labels[i];

  return NULL;
}

/**
 * jz_labels_value:
 * @code: (nullable): a value as stored
 *
 * Returns: (transfer none) (nullable): the translated label of @code, or
 *   @code itself when it is not one of @field's codes
 */
const char *
jz_labels_value (JzField     field,
                 const char *code)
{
  const Vocabulary *vocab = vocabulary (field);
  const Label *label = find (vocab, code);

  if (label == NULL)
    return code;

  return g_dpgettext2 (GETTEXT_PACKAGE, vocab->context, label->label);
}

/**
 * jz_labels_has:
 *
 * Returns: whether @code is one of @field's codes
 */
gboolean
jz_labels_has (JzField     field,
               const char *code)
{
  return find (vocabulary (field), code) != NULL;
}

/**
 * jz_labels_count:
 *
 * Returns: how many codes @field has
 */
guint
jz_labels_count (JzField field)
{
  const Vocabulary *vocab = vocabulary (field);

  return vocab != NULL ? vocab->n_labels : 0;
}

/**
 * jz_labels_code:
 *
 * Returns: (transfer none): the code at @position, in the order a form
 *   offers them
 */
const char *
jz_labels_code (JzField field,
                guint   position)
{
  const Vocabulary *vocab = vocabulary (field);

  g_return_val_if_fail (vocab != NULL && position < vocab->n_labels, NULL);

  return vocab->labels[position].code;
}

/**
 * jz_labels_field_of_column:
 * @field: (out) (optional): where the vocabulary is stored
 *
 * Returns: whether @column of @table holds the codes of a vocabulary
 */
gboolean
jz_labels_field_of_column (const char *table,
                           const char *column,
                           JzField    *field)
{
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (column != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    if (strcmp (columns[i].table, table) == 0 && strcmp (columns[i].column, column) == 0)
      {
        if (field != NULL)
          *field = columns[i].field;
        return TRUE;
      }

  return FALSE;
}

/**
 * jz_labels_program_name:
 *
 * Returns: (transfer none) (nullable): the program's full name, or @code
 *   itself when it is not a program
 */
const char *
jz_labels_program_name (const char *code)
{
  const Label *label = find (vocabulary (JZ_FIELD_PROGRAM), code);

  return label != NULL ? g_dpgettext2 (GETTEXT_PACKAGE, "program", label->name) : code;
}

/**
 * jz_labels_program_unit:
 *
 * Returns: (nullable): "household" or "person", who a case of the program
 *   is for; %NULL when @code is not a program
 */
const char *
jz_labels_program_unit (const char *code)
{
  const Label *label = find (vocabulary (JZ_FIELD_PROGRAM), code);

  return label != NULL ? label->unit : NULL;
}

/**
 * jz_labels_program_period:
 *
 * Returns: (nullable): "month", "quarter", "once" or "none", how often the
 *   program pays; %NULL when @code is not a program
 */
const char *
jz_labels_program_period (const char *code)
{
  const Label *label = find (vocabulary (JZ_FIELD_PROGRAM), code);

  return label != NULL ? label->period : NULL;
}
