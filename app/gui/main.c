/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>

#include "jz-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JzApplication) app = NULL;
  const char *localedir = g_getenv ("JIUZHU_LOCALEDIR");

  /* JIUZHU_LOCALEDIR lets the tests and the development script use the
   * catalogues of the build tree before anything is installed. */
  if (localedir == NULL || localedir[0] == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = jz_application_new (G_APPLICATION_DEFAULT_FLAGS);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
