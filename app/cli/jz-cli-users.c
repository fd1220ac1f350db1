/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jiuzhu-cli users: list, add, passwd, single-user.
 *
 * The command line acts as the administrator of the file: whoever can
 * write the database file can run it, and could change the file with any
 * SQLite tool anyway.  Passwords are read from standard input, one line,
 * never from the arguments, where other users of the computer could see
 * them in the process list. */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "jz-cli.h"
#include "jz-region.h"
#include "jz-user.h"

/* Overwrites a password before its memory goes back to the allocator. */
static void
wipe_free (char *secret)
{
  if (secret == NULL)
    return;

  explicit_bzero (secret, strlen (secret));
  g_free (secret);
}

typedef char JzCliSecret;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JzCliSecret, wipe_free)

static char *
read_line (const char *prompt)
{
  gboolean tty = isatty (STDIN_FILENO);
  struct termios saved, quiet;
  gboolean echo_off = FALSE;
  char *line = NULL;
  size_t size = 0;
  ssize_t len;
  char *copy;

  if (tty)
    {
      g_printerr ("%s", prompt);
      if (tcgetattr (STDIN_FILENO, &saved) == 0)
        {
          quiet = saved;
          quiet.c_lflag &= ~(tcflag_t) ECHO;
          echo_off = tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
        }
    }

  len = getline (&line, &size, stdin);

  if (echo_off)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
      g_printerr ("\n");
    }

  if (len <= 0)
    {
      free (line);
      return NULL;
    }

  while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
    line[--len] = '\0';

  copy = g_strdup (line);
  explicit_bzero (line, size);
  free (line);
  return copy;
}

/* One line of standard input; at a terminal, asked twice without echo. */
static char *
read_password (GError **error)
{
  g_autoptr(JzCliSecret) password = read_line (_("New password: "));

  if (password == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Give the password on standard input, one line."));
      return NULL;
    }

  if (isatty (STDIN_FILENO))
    {
      g_autoptr(JzCliSecret) again = read_line (_("The same password again: "));

      if (g_strcmp0 (password, again) != 0)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("The two passwords differ; nothing was changed."));
          return NULL;
        }
    }

  return g_steal_pointer (&password);
}

/* Options, then exactly @n_args arguments after the subcommand. */
static gboolean
parse_subcommand (const char    *usage,
                  const char    *summary,
                  GOptionEntry  *entries,
                  int            n_args,
                  int           *argc,
                  char        ***argv,
                  int           *status)
{
  g_autoptr(GOptionContext) context = g_option_context_new (usage);
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = jz_cli_usage_error (error->message);
      return FALSE;
    }

  if (*argc - 1 < n_args)
    {
      *status = jz_cli_usage_error (_("An argument is missing; see “jiuzhu-cli users --help”."));
      return FALSE;
    }

  if (*argc - 1 > n_args)
    {
      g_autofree char *message = g_strdup_printf (_("Unexpected argument “%s”."), (*argv)[n_args + 1]);
      *status = jz_cli_usage_error (message);
      return FALSE;
    }

  return TRUE;
}

static int
users_list (JzCliGlobals *globals,
            int           argc,
            char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  g_autoptr(GPtrArray) users = NULL;
  int status;

  if (!parse_subcommand (NULL, _("One line per user: sign-in name, full name, role, township, active (1/0), has a password (1/0)."),
                         NULL, 0, &argc, &argv, &status))
    return status;

  db = jz_cli_open_db (globals, JZ_DB_OPEN_READ_ONLY, &error);
  if (db == NULL)
    return jz_cli_fail (error);

  users = jz_user_list (db, &error);
  if (users == NULL)
    return jz_cli_fail (error);

  for (guint i = 0; i < users->len; i++)
    {
      JzUser *user = g_ptr_array_index (users, i);
      g_autoptr(JzRegion) region = NULL;
      g_autofree char *name = jz_cli_tsv_field (user->name);
      g_autofree char *full_name = jz_cli_tsv_field (user->full_name);
      g_autofree char *township = NULL;

      if (user->region_id != 0)
        region = jz_region_get (db, user->region_id, NULL);
      township = jz_cli_tsv_field (region != NULL ? region->name : "");

      g_print ("%s\t%s\t%s\t%s\t%d\t%d\n", name, full_name, jz_role_to_string (user->role), township,
               user->active ? 1 : 0, user->has_password ? 1 : 0);
    }

  return EXIT_SUCCESS;
}

static int
users_add (JzCliGlobals *globals,
           int           argc,
           char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  g_autoptr(JzUser) user = jz_user_new ();
  g_autoptr(JzCliSecret) password = NULL;
  g_autofree char *role = NULL;
  g_autofree char *township = NULL;
  g_autofree char *full_name = NULL;
  gboolean no_password = FALSE;
  GOptionEntry entries[] = {
    { "role", 0, 0, G_OPTION_ARG_STRING, &role, N_("clerk, reviewer, leader or admin"), "ROLE" },
    { "township", 0, 0, G_OPTION_ARG_STRING, &township, N_("The township a clerk works for"), "NAME" },
    { "full-name", 0, 0, G_OPTION_ARG_STRING, &full_name, N_("The user’s full name"), "TEXT" },
    { "no-password", 0, 0, G_OPTION_ARG_NONE, &no_password, N_("Read no password; the user cannot sign in until one is set"), NULL },
    { NULL }
  };
  int status;

  if (!parse_subcommand (_("NAME"), _("Add a user; the password is read from standard input, one line."),
                         entries, 1, &argc, &argv, &status))
    return status;

  if (role == NULL || !jz_role_from_string (role, &user->role))
    return jz_cli_usage_error (_("Give the role with --role: clerk, reviewer, leader or admin."));
  if (township != NULL && user->role != JZ_ROLE_CLERK)
    return jz_cli_usage_error (_("Only a clerk works for a township; leave out --township."));
  if (township == NULL && user->role == JZ_ROLE_CLERK)
    return jz_cli_usage_error (_("Give the township a clerk works for with --township NAME."));

  user->name = g_strdup (argv[1]);
  user->full_name = g_strdup (full_name != NULL ? full_name : "");

  db = jz_cli_open_db (globals, JZ_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    return jz_cli_fail (error);

  if (township != NULL)
    {
      user->region_id = jz_cli_find_township (db, township, &error);
      if (user->region_id == 0)
        return jz_cli_fail (error);
    }

  if (!no_password)
    {
      password = read_password (&error);
      if (password == NULL)
        return jz_cli_fail (error);
    }

  if (jz_user_create (db, NULL, user, password, &error) == 0)
    return jz_cli_fail (error);

  return EXIT_SUCCESS;
}

static int
users_passwd (JzCliGlobals *globals,
              int           argc,
              char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  g_autoptr(JzUser) user = NULL;
  g_autoptr(JzCliSecret) password = NULL;
  int status;

  if (!parse_subcommand (_("NAME"), _("Set a user’s password, read from standard input, one line."),
                         NULL, 1, &argc, &argv, &status))
    return status;

  db = jz_cli_open_db (globals, JZ_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    return jz_cli_fail (error);

  /* Before the password is typed, so that a wrong name is said first. */
  user = jz_user_get_by_name (db, argv[1], &error);
  if (user == NULL)
    return jz_cli_fail (error);

  password = read_password (&error);
  if (password == NULL)
    return jz_cli_fail (error);

  if (!jz_user_set_password (db, NULL, argv[1], password, &error))
    return jz_cli_fail (error);

  return EXIT_SUCCESS;
}

static int
users_single_user (JzCliGlobals *globals,
                   int           argc,
                   char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  gboolean on;
  int status;

  if (!parse_subcommand ("on|off", _("“on”: nobody signs in; “off”: everyone signs in with a password."),
                         NULL, 1, &argc, &argv, &status))
    return status;

  if (g_str_equal (argv[1], "on"))
    on = TRUE;
  else if (g_str_equal (argv[1], "off"))
    on = FALSE;
  else
    return jz_cli_usage_error (_("Say “on” or “off”."));

  db = jz_cli_open_db (globals, JZ_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    return jz_cli_fail (error);

  if (!jz_user_set_single_user (db, NULL, on, &error))
    return jz_cli_fail (error);

  return EXIT_SUCCESS;
}

static void
print_users_help (void)
{
  g_print ("%s\n\n", _("Usage: jiuzhu-cli [--db PATH] users COMMAND"));
  g_print ("  list                                              %s\n", _("One line per user (TSV)"));
  g_print ("  add NAME --role ROLE [--township NAME] [--full-name TEXT]\n"
           "                                                    %s\n", _("Add a user; the password comes from standard input"));
  g_print ("  passwd NAME                                       %s\n", _("Set a password, read from standard input"));
  g_print ("  single-user on|off                                %s\n", _("Whether anyone needs to sign in"));
  g_print ("\n%s\n", _("The command line acts as the administrator: whoever can write the database file can run it."));
}

/* users COMMAND …: argv[0] is "users". */
int
jz_cli_users (JzCliGlobals *globals,
              int           argc,
              char        **argv)
{
  static const struct {
    const char       *name;
    JzCliCommandFunc  func;
  } commands[] = {
    { "list",        users_list },
    { "add",         users_add },
    { "passwd",      users_passwd },
    { "single-user", users_single_user },
  };

  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      print_users_help ();
      return EXIT_SUCCESS;
    }

  for (guint i = 0; argc >= 2 && i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        g_autofree char *prgname = g_strdup_printf ("jiuzhu-cli users %s", commands[i].name);

        g_set_prgname (prgname);
        /* argv[1] stands in for the program name of the subcommand. */
        return commands[i].func (globals, argc - 1, argv + 1);
      }

  return jz_cli_usage_error (_("Name what to do with the users: list, add, passwd or single-user."));
}
