/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The words a spreadsheet shows for the codes stored in the database, in
 * the interface language.  They use the same translation contexts and
 * English texts as the forms on screen, so that an export and the window
 * say the same thing.  Each returns NULL for a code it does not know.
 */

const char *jz_export_program_label         (const char *code);
const char *jz_export_sex_label             (const char *code);
const char *jz_export_hukou_label           (const char *code);
const char *jz_export_disability_kind_label (const char *code);

char       *jz_export_program_list          (const char * const *codes);

G_END_DECLS
