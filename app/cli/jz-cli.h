/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "jz-db.h"

G_BEGIN_DECLS

#define EXIT_USAGE 2

typedef struct
{
  const char *db_path;
} JzCliGlobals;

/* A command gets argv from its own name on: argv[0] is "households". */
typedef int (*JzCliCommandFunc) (JzCliGlobals *globals,
                                 int           argc,
                                 char        **argv);

int       jz_cli_usage_error   (const char     *message);
int       jz_cli_fail          (GError         *error);
gboolean  jz_cli_parse_options (const char     *command,
                                GOptionEntry   *entries,
                                int            *argc,
                                char         ***argv,
                                int            *status);
JzDb     *jz_cli_open_db       (JzCliGlobals   *globals,
                                JzDbOpenFlags   flags,
                                GError        **error);
gboolean  jz_cli_parse_date    (const char     *text,
                                GDate          *date);
char     *jz_cli_tsv_field     (const char     *text);
gint64    jz_cli_find_township (JzDb           *db,
                                const char     *name,
                                GError        **error);

/* The commands that live in their own files. */
int       jz_cli_cases         (JzCliGlobals *globals, int argc, char **argv);
int       jz_cli_standards     (JzCliGlobals *globals, int argc, char **argv);
int       jz_cli_benefit       (JzCliGlobals *globals, int argc, char **argv);
int       jz_cli_case_notice   (JzCliGlobals *globals, int argc, char **argv);
int       jz_cli_users         (JzCliGlobals *globals, int argc, char **argv);
int       jz_cli_calendar      (JzCliGlobals *globals, int argc, char **argv);
int       jz_cli_care          (JzCliGlobals *globals, int argc, char **argv);
int       jz_cli_disclosure    (JzCliGlobals *globals, int argc, char **argv);
int       jz_cli_rolls         (JzCliGlobals *globals, int argc, char **argv);

G_END_DECLS
