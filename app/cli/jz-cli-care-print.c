/* SPDX-License-Identifier: GPL-3.0-or-later */
/* care agreement-pdf and care visit-form: the care agreement to sign and
 * the blank visit form, as app/report draws them for the window. */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "jz-care-document.h"
#include "jz-cli-care-print.h"

static gboolean
check_out (const char *out,
           int        *status)
{
  g_autofree char *lower = NULL;

  if (out == NULL || *out == '\0')
    {
      *status = jz_cli_usage_error (_("Give the file to write with --out FILE.pdf."));
      return FALSE;
    }

  lower = g_ascii_strdown (out, -1);
  if (!g_str_has_suffix (lower, ".pdf"))
    {
      *status = jz_cli_usage_error (_("The file to write must end in .pdf."));
      return FALSE;
    }

  return TRUE;
}

/* The document goes to a temporary file renamed over @out: a failure
 * leaves no half file behind, nor destroys an older one. */
static int
write_pdf (JzDocument *document,
           const char *out)
{
  g_autoptr(GError) error = NULL;

  if (!jz_document_write_pdf (document, out, &error))
    return jz_cli_fail (error);

  g_print ("%u\n", jz_document_get_n_pages (document));
  return EXIT_SUCCESS;
}

int
jz_cli_care_agreement_pdf (JzCliGlobals  *globals,
                           int            argc,
                           char         **argv)
{
  g_autoptr(JzDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) ids = NULL;
  guint64 id = 0;
  int status;
  GOptionEntry entries[] = {
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("The PDF file to write"), "FILE.pdf" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &ids, NULL, N_("AGREEMENT_ID") },
    { NULL }
  };

  if (!jz_cli_parse_options ("care agreement-pdf", entries, &argc, &argv, &status))
    return status;

  if (ids == NULL || g_strv_length (ids) != 1)
    return jz_cli_usage_error (ids == NULL ? _("Give the id of the agreement to print.") : _("Give the id of one agreement only."));
  if (!g_ascii_string_to_unsigned (ids[0], 10, 1, G_MAXINT64, &id, NULL))
    return jz_cli_usage_error (_("An agreement is given by its id, a whole number greater than 0, not by its printed number."));
  if (!check_out (out, &status))
    return status;

  db = jz_cli_open_db (globals, JZ_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    return jz_cli_fail (error);

  document = jz_care_document_build_agreement (db, (gint64) id, &error);
  if (document == NULL)
    return jz_cli_fail (error);

  return write_pdf (document, out);
}

int
jz_cli_care_visit_form (JzCliGlobals  *globals,
                        int            argc,
                        char         **argv)
{
  g_autoptr(JzDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  g_autofree char *out = NULL;
  int status;
  GOptionEntry entries[] = {
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("The PDF file to write"), "FILE.pdf" },
    { NULL }
  };

  if (!jz_cli_parse_options ("care visit-form", entries, &argc, &argv, &status))
    return status;
  if (!check_out (out, &status))
    return status;

  /* The form is blank but for the office that issues it. */
  db = jz_cli_open_db (globals, JZ_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    return jz_cli_fail (error);

  document = jz_care_document_build_visit_form (db, &error);
  if (document == NULL)
    return jz_cli_fail (error);

  return write_pdf (document, out);
}
