/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-export-labels.h"
#include "jz-labels.h"

/* The words are app/core's; a spreadsheet only needs to tell an unknown
 * code from a known one. */
static const char *
lookup (JzField     field,
        const char *code)
{
  return jz_labels_has (field, code) ? jz_labels_value (field, code) : NULL;
}

const char *
jz_export_program_label (const char *code)
{
  return lookup (JZ_FIELD_PROGRAM, code);
}

const char *
jz_export_sex_label (const char *code)
{
  return lookup (JZ_FIELD_SEX, code);
}

const char *
jz_export_hukou_label (const char *code)
{
  return lookup (JZ_FIELD_HUKOU, code);
}

const char *
jz_export_disability_kind_label (const char *code)
{
  return lookup (JZ_FIELD_DISABILITY_KIND, code);
}

/**
 * jz_export_program_list:
 * @codes: (nullable): program codes
 *
 * Returns: (transfer full): the programs' names joined into one cell, ""
 *   for none; an unknown code stands as itself
 */
char *
jz_export_program_list (const char * const *codes)
{
  /* Translators: joins the program names in one spreadsheet cell; Chinese uses "、". */
  const char *separator = C_("list separator", ", ");
  GString *text = g_string_new (NULL);

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      const char *label = jz_export_program_label (codes[i]);

      if (i > 0)
        g_string_append (text, separator);
      g_string_append (text, label != NULL ? label : codes[i]);
    }

  return g_string_free (text, FALSE);
}
