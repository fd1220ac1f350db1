/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-export-labels.h"

typedef struct
{
  const char *code;
  const char *label;
} Label;

/* In the order of the programs table, which is the order a household's
 * programs come in. */
static const Label programs[] = {
  { "dibao_urban",       NC_("program short name", "Urban dibao") },
  { "dibao_rural",       NC_("program short name", "Rural dibao") },
  { "tekun_dispersed",   NC_("program short name", "Tekun, dispersed") },
  { "tekun_centralized", NC_("program short name", "Tekun, centralized") },
  { "temporary",         NC_("program short name", "Temporary") },
  { "disability_living", NC_("program short name", "Disability living") },
  { "disability_care",   NC_("program short name", "Disability care") },
  { "child_living",      NC_("program short name", "Child living") },
  { "low_income",        NC_("program short name", "Low income") },
};

static const Label sexes[] = {
  { "M", NC_("sex", "Male") },
  { "F", NC_("sex", "Female") },
};

static const Label hukous[] = {
  { "urban", NC_("hukou", "Urban") },
  { "rural", NC_("hukou", "Rural") },
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

static const char *
lookup (const Label *labels,
        guint        n_labels,
        const char  *context,
        const char  *code)
{
  if (code == NULL)
    return NULL;

  for (guint i = 0; i < n_labels; i++)
    if (g_str_equal (labels[i].code, code))
      return g_dpgettext2 (GETTEXT_PACKAGE, context, labels[i].label);

  return NULL;
}

const char *
jz_export_program_label (const char *code)
{
  return lookup (programs, G_N_ELEMENTS (programs), "program short name", code);
}

const char *
jz_export_sex_label (const char *code)
{
  return lookup (sexes, G_N_ELEMENTS (sexes), "sex", code);
}

const char *
jz_export_hukou_label (const char *code)
{
  return lookup (hukous, G_N_ELEMENTS (hukous), "hukou", code);
}

const char *
jz_export_disability_kind_label (const char *code)
{
  return lookup (disability_kinds, G_N_ELEMENTS (disability_kinds), "disability_kind", code);
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
