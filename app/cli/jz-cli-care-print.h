/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-cli.h"

G_BEGIN_DECLS

/* The printouts of "jiuzhu-cli care": argv[0] is the subcommand
 * ("agreement-pdf", "visit-form"), standing in for the program name.
 *
 *   care agreement-pdf AGREEMENT_ID --out FILE.pdf
 *   care visit-form --out FILE.pdf
 *
 * Each prints the number of pages written; 1 on a missing, ended or
 * refused agreement or a file that cannot be written, 2 on a usage
 * error. */

int  jz_cli_care_agreement_pdf  (JzCliGlobals  *globals,
                                 int            argc,
                                 char         **argv);
int  jz_cli_care_visit_form     (JzCliGlobals  *globals,
                                 int            argc,
                                 char         **argv);

G_END_DECLS
