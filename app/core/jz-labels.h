/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The words shown for the codes the database stores, in the interface
 * language: one table for the forms, the lists, the change history and the
 * exports, so that a value reads the same everywhere. The codes and their
 * order are those of data/sql (the CHECK lists, the programs table). */

typedef enum
{
  JZ_FIELD_PROGRAM,           /* programs.code, cases.program: the short name */
  JZ_FIELD_HUKOU,
  JZ_FIELD_HOUSEHOLD_STATUS,  /* households.status */
  JZ_FIELD_RELATION,          /* persons.relation, to the head */
  JZ_FIELD_SEX,
  JZ_FIELD_DISABILITY_KIND,
  JZ_FIELD_LABOUR_CAPACITY,
  JZ_FIELD_SELF_CARE,
  JZ_FIELD_EMPLOYMENT,
  JZ_FIELD_LEFT_REASON,
  JZ_FIELD_INCOME_KIND,       /* incomes.kind */
  JZ_FIELD_CASE_STATUS,       /* cases.status */
  JZ_FIELD_CASE_SUMMARY,      /* household_summary.case_status */
} JzField;

const char  *jz_labels_value            (JzField      field,
                                         const char  *code);
gboolean     jz_labels_has              (JzField      field,
                                         const char  *code);
guint        jz_labels_count            (JzField      field);
const char  *jz_labels_code             (JzField      field,
                                         guint        position);
gboolean     jz_labels_field_of_column  (const char  *table,
                                         const char  *column,
                                         JzField     *field);

const char  *jz_labels_program_name     (const char  *code);
const char  *jz_labels_program_unit     (const char  *code);
const char  *jz_labels_program_period   (const char  *code);

G_END_DECLS
