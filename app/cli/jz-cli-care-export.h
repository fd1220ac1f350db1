/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-cli.h"

G_BEGIN_DECLS

/* "jiuzhu-cli care export": the list of the Care agreements panel as an
 * .xlsx file.  argv[0] is the subcommand ("export"), standing in for the
 * program name.
 *
 *   care export --out FILE.xlsx [--filter no-agreement|expiring|visit-overdue|failed] [--at DATE]
 *
 * Prints the number of recipients written; 1 when the database cannot be
 * read or the file cannot be written (nothing is left behind), 2 on a
 * usage error. */

int  jz_cli_care_export  (JzCliGlobals  *globals,
                          int            argc,
                          char         **argv);

G_END_DECLS
