/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-cli.h"

G_BEGIN_DECLS

/* "jiuzhu-cli rolls export": the bank file of a payment roll as an .xlsx
 * file (jz-xlsx-roll.h).  argv[0] is the subcommand ("export"), standing
 * in for the program name.
 *
 *   rolls export ROLL_ID --out FILE.xlsx [--user NAME]
 *
 * The user's role must allow exports holding personal data; single-user
 * mode needs no --user.  Prints the number of lines written; 1 when the
 * roll cannot be read, the user may not export it or the file cannot be
 * written (nothing is left behind), 2 on a usage error. */

int  jz_cli_rolls_export  (JzCliGlobals  *globals,
                           int            argc,
                           char         **argv);

G_END_DECLS
