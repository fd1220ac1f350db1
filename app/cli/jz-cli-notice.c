/* SPDX-License-Identifier: GPL-3.0-or-later */
/* case-notice CASE_ID --out FILE.pdf|FILE.png: the approval or refusal
 * notice of a decided case, as app/report draws it. */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "jz-cli.h"
#include "jz-notice.h"

#define DEFAULT_DPI 150

static gboolean
parse_case_id (const char *text,
               gint64     *id)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;

  *id = (gint64) value;
  return TRUE;
}

/* Prints the number of pages written. */
int
jz_cli_case_notice (JzCliGlobals *globals,
                    int           argc,
                    char        **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("CASE_ID"));
  g_autoptr(JzDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  g_autofree char *out = NULL;
  g_autofree char *lower = NULL;
  int page = 1;
  int dpi = DEFAULT_DPI;
  gboolean png;
  gint64 case_id;
  GOptionEntry entries[] = {
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("The file to write: FILE.pdf, or FILE.png for one page as an image"), "FILE" },
    { "page", 0, 0, G_OPTION_ARG_INT, &page, N_("The page to write as an image, from 1 (default 1)"), "N" },
    { "dpi", 0, 0, G_OPTION_ARG_INT, &dpi, N_("The resolution of the image in dots per inch (default 150)"), "N" },
    { NULL }
  };

  g_option_context_set_summary (context, _("Write the approval or refusal notice of a decided case."));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return jz_cli_usage_error (error->message);

  if (argc != 2)
    return jz_cli_usage_error (argc < 2 ? _("Give the number of the case.") : _("Give one case number only."));
  if (!parse_case_id (argv[1], &case_id))
    return jz_cli_usage_error (_("A case number is a whole number greater than 0, as “cases list” shows it."));
  if (out == NULL || *out == '\0')
    return jz_cli_usage_error (_("Give the file to write with --out FILE.pdf or --out FILE.png."));

  lower = g_ascii_strdown (out, -1);
  png = g_str_has_suffix (lower, ".png");
  if (!png && !g_str_has_suffix (lower, ".pdf"))
    return jz_cli_usage_error (_("The file to write must end in .pdf or .png."));
  if (page < 1)
    return jz_cli_usage_error (_("The page number starts at 1."));
  if (dpi < 10 || dpi > 1200)
    return jz_cli_usage_error (_("The resolution must be between 10 and 1200 dots per inch."));

  db = jz_cli_open_db (globals, JZ_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    return jz_cli_fail (error);

  document = jz_notice_build (db, case_id, &error);
  if (document == NULL)
    return jz_cli_fail (error);

  /* Both write a temporary file and rename it: a failure leaves no half
   * file behind, nor destroys an older one. */
  if (png ? !jz_document_write_png (document, (guint) page - 1, dpi, out, &error)
          : !jz_document_write_pdf (document, out, &error))
    return jz_cli_fail (error);

  g_print ("%u\n", png ? 1 : jz_document_get_n_pages (document));
  return EXIT_SUCCESS;
}
