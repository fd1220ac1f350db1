/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jiuzhu-cli standards: list, history, set, preview.
 *
 * The command line acts as the administrator of the file (single-user
 * mode): whoever can write the database file could change it with any
 * SQLite tool anyway.  The audit log names the account of the operating
 * system that ran the command. */

#include "config.h"

#include <glib/gi18n.h>

#include "jz-calendar.h"
#include "jz-cli.h"
#include "jz-standard-preview.h"
#include "jz-standard.h"

/* kind, hukou, township, value, notation, effective_from: one row. */
static void
print_row (const JzStandard *row)
{
  g_autofree char *township = jz_cli_tsv_field (row->township_name != NULL ? row->township_name : "");
  g_autofree char *value = jz_standard_format_value (row->kind, row->value);
  const char *hukou = jz_standard_hukou_code (row->hukou);

  g_print ("%s\t%s\t%s\t%s\t%s\t%s\n",
           jz_standard_kind_code (row->kind), hukou != NULL ? hukou : "", township, value,
           jz_standard_notation_code (jz_standard_kind_notation (row->kind)), row->effective_from);
}

static int
print_rows (GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    print_row (g_ptr_array_index (rows, i));
  return EXIT_SUCCESS;
}

static int
unknown_kind (const char *code)
{
  g_autoptr(GString) codes = g_string_new (NULL);
  g_autofree char *message = NULL;

  for (JzStandardKind k = 0; k < JZ_STANDARD_N_KINDS; k++)
    g_string_append_printf (codes, "%s%s", k > 0 ? ", " : "", jz_standard_kind_code (k));
  message = g_strdup_printf (_("There is no standard “%s”. The kinds are %s."), code, codes->str);
  return jz_cli_usage_error (message);
}

static int
standards_list (JzCliGlobals *globals,
                int           argc,
                char        **argv)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  g_autofree char *at = NULL;
  GOptionEntry entries[] = {
    { "at", 0, 0, G_OPTION_ARG_STRING, &at, N_("The values in force on this date (default: today)"), "YYYY-MM-DD" },
    { NULL }
  };
  GDate date;
  int status;

  if (!jz_cli_parse_options ("standards list", entries, &argc, &argv, &status))
    return status;
  if (at != NULL && !jz_cli_parse_date (at, &date))
    return jz_cli_usage_error (_("Give the date as YYYY-MM-DD, for example 2026-01-31."));
  if (at == NULL)
    at = jz_today ();

  db = jz_cli_open_db (globals, JZ_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    return jz_cli_fail (error);

  rows = jz_standard_list_at (db, at, &error);
  if (rows == NULL)
    return jz_cli_fail (error);

  return print_rows (rows);
}

static int
standards_history (JzCliGlobals *globals,
                   int           argc,
                   char        **argv)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  JzStandardKind kind;

  g_set_prgname ("jiuzhu-cli standards history");
  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      g_print ("%s\n", _("Usage: jiuzhu-cli standards history KIND"));
      g_print ("%s\n", _("Every value a kind of standard has had, as TSV: kind, hukou, township, value, unit, effective from."));
      return EXIT_SUCCESS;
    }
  if (argc != 2)
    return jz_cli_usage_error (_("Name the kind of standard, for example dibao."));
  if (!jz_standard_kind_from_code (argv[1], &kind))
    return unknown_kind (argv[1]);

  db = jz_cli_open_db (globals, JZ_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    return jz_cli_fail (error);

  rows = jz_standard_history (db, kind, &error);
  if (rows == NULL)
    return jz_cli_fail (error);

  return print_rows (rows);
}

static int
standards_set (JzCliGlobals *globals,
               int           argc,
               char        **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(JzStandard) standard = NULL;
  g_autoptr(JzStandard) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  g_autofree char *hukou = NULL;
  g_autofree char *township = NULL;
  g_autofree char *from = NULL;
  g_autofree char *note = NULL;
  GOptionEntry entries[] = {
    { "hukou", 0, 0, G_OPTION_ARG_STRING, &hukou, N_("urban or rural, for the kinds that differ by hukou (dibao, tekun_basic_ratio)"), "urban|rural" },
    { "township", 0, 0, G_OPTION_ARG_STRING, &township, N_("A value of this township only (default: the whole district)"), "NAME" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("The date the value holds from (required)"), "YYYY-MM-DD" },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("Why, e.g. the number of the document that raised it"), "TEXT" },
    { NULL }
  };
  JzStandardKind kind;
  JzStandardHukou hukou_value;
  gint64 value;
  GDate date;

  context = g_option_context_new (_("KIND VALUE"));
  g_option_context_set_summary (context,
                                _("Set a standard from a date on. VALUE is written as the kind counts it: "
                                  "yuan for money (650 or 650.50), a ratio for tekun_basic_ratio (1.5), "
                                  "a percentage for the *_pct kinds (10 or 12.5), a multiple for temp_* (3 or 4.5), "
                                  "and a whole number for gradual_exit_months.  A value of the same kind, hukou, "
                                  "township and date is replaced, and the change is in the audit log under the "
                                  "name of the account that runs the command."));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return jz_cli_usage_error (error->message);

  if (argc != 3)
    return jz_cli_usage_error (_("Give the kind and the value, for example: standards set dibao 650 --hukou urban --from 2026-07-01."));
  if (!jz_standard_kind_from_code (argv[1], &kind))
    return unknown_kind (argv[1]);
  if (from == NULL || !jz_cli_parse_date (from, &date))
    return jz_cli_usage_error (_("Give the date the value holds from with --from YYYY-MM-DD."));
  if (!jz_standard_hukou_from_code (hukou, &hukou_value))
    return jz_cli_usage_error (_("Give the hukou as urban or rural."));
  if (!jz_standard_parse_value (kind, argv[2], &value, &error))
    return jz_cli_fail (error);

  db = jz_cli_open_db (globals, JZ_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    return jz_cli_fail (error);

  standard = jz_standard_new ();
  standard->kind = kind;
  standard->hukou = hukou_value;
  standard->effective_from = g_strdup (from);
  if (township != NULL)
    {
      standard->township_id = jz_cli_find_township (db, township, &error);
      if (standard->township_id == 0)
        return jz_cli_fail (error);
    }

  /* The same key and date: replace that row's value, by its version. */
  saved = jz_standard_get_exact (db, kind, hukou_value, standard->township_id, from, &error);
  if (error != NULL)
    return jz_cli_fail (error);
  if (saved != NULL)
    {
      g_clear_pointer (&standard, jz_standard_free);
      standard = g_steal_pointer (&saved);
    }
  standard->value = value;
  if (note != NULL)
    {
      g_free (standard->note);
      standard->note = g_strdup (note);
    }

  if (!jz_standard_set (db, NULL, standard, &error))
    return jz_cli_fail (error);

  saved = jz_standard_get_exact (db, kind, hukou_value, standard->township_id, from, &error);
  if (saved == NULL)
    return error != NULL ? jz_cli_fail (error) : EXIT_FAILURE;
  print_row (saved);
  return EXIT_SUCCESS;
}

static void
print_preview_row (const char                 *program,
                   const JzStandardPreviewRow *row)
{
  g_autofree char *township = jz_cli_tsv_field (row->township_name != NULL ? row->township_name : "");

  g_print ("%s\t%s\t%u\t%u\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\n",
           program, township, row->households, row->persons, row->monthly_change, row->yearly_change);
}

static int
standards_preview (JzCliGlobals *globals,
                   int           argc,
                   char        **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(JzStandardPreview) preview = NULL;
  g_autoptr(JzStandard) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDb) db = NULL;
  g_autofree char *hukou = NULL;
  g_autofree char *township = NULL;
  g_autofree char *from = NULL;
  GOptionEntry entries[] = {
    { "hukou", 0, 0, G_OPTION_ARG_STRING, &hukou, N_("urban or rural, for the kinds that differ by hukou (dibao, tekun_basic_ratio)"), "urban|rural" },
    { "township", 0, 0, G_OPTION_ARG_STRING, &township, N_("A value of this township only (default: the whole district)"), "NAME" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("The date the value would hold from (required)"), "YYYY-MM-DD" },
    { NULL }
  };
  JzStandardKind kind;
  JzStandardHukou hukou_value;
  gint64 value;
  GDate date;

  context = g_option_context_new (_("KIND VALUE"));
  g_option_context_set_summary (context,
                                _("What a new value of a standard would change, without saving it: the benefit of "
                                  "every case active on the date, computed with the standards in force then and "
                                  "again with the new value.  Rows are TSV: program, township, households, persons, "
                                  "monthly change in fen, yearly change in fen (12 months), then a total row.  "
                                  "VALUE is written as for “standards set”."));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return jz_cli_usage_error (error->message);

  if (argc != 3)
    return jz_cli_usage_error (_("Give the kind and the value, for example: standards preview dibao 700 --hukou urban --from 2026-07-01."));
  if (!jz_standard_kind_from_code (argv[1], &kind))
    return unknown_kind (argv[1]);
  if (from == NULL || !jz_cli_parse_date (from, &date))
    return jz_cli_usage_error (_("Give the date the value would hold from with --from YYYY-MM-DD."));
  if (!jz_standard_hukou_from_code (hukou, &hukou_value))
    return jz_cli_usage_error (_("Give the hukou as urban or rural."));
  if (!jz_standard_parse_value (kind, argv[2], &value, &error))
    return jz_cli_fail (error);

  db = jz_cli_open_db (globals, JZ_DB_OPEN_READ_ONLY, &error);
  if (db == NULL)
    return jz_cli_fail (error);

  draft = jz_standard_new ();
  draft->kind = kind;
  draft->hukou = hukou_value;
  draft->value = value;
  draft->effective_from = g_strdup (from);
  if (township != NULL)
    {
      draft->township_id = jz_cli_find_township (db, township, &error);
      if (draft->township_id == 0)
        return jz_cli_fail (error);
    }

  preview = jz_standard_preview_compute (db, draft, NULL, &error);
  if (preview == NULL)
    return jz_cli_fail (error);

  if (!preview->monthly)
    {
      g_printerr ("%s\n", preview->note);
      return EXIT_SUCCESS;
    }

  for (guint i = 0; i < preview->rows->len; i++)
    {
      const JzStandardPreviewRow *row = g_ptr_array_index (preview->rows, i);

      print_preview_row (jz_benefit_program_code (row->program), row);
    }
  print_preview_row ("total", &preview->total);

  if (preview->failed > 0)
    {
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "%u case could not be computed and is left out: %s",
                                                               "%u cases could not be computed and are left out: %s",
                                                               preview->failed),
                                                  preview->failed, preview->failure);

      g_printerr ("%s\n", message);
    }

  return EXIT_SUCCESS;
}

static void
print_standards_help (void)
{
  g_print ("%s\n\n", _("Usage: jiuzhu-cli [--db PATH] standards COMMAND"));
  g_print ("%s\n", _("Dated standards: each value holds from its date until the next one; a township's own value comes before the district's."));
  g_print ("%s\n\n", _("Rows are TSV: kind, hukou, township, value, unit (yuan, ratio, percent, multiple, months), effective from."));
  g_print ("  list [--at DATE]                %s\n", _("The values in force on a date"));
  g_print ("  history KIND                    %s\n", _("Every value of one kind"));
  g_print ("  set KIND VALUE [--hukou urban|rural] [--township NAME] --from DATE [--note TEXT]\n"
           "                                  %s\n", _("Set a value from a date on; see “standards set --help”"));
  g_print ("  preview KIND VALUE [--hukou urban|rural] [--township NAME] --from DATE\n"
           "                                  %s\n", _("What a new value would change, per program and township, without saving it"));
  g_print ("\n%s\n", _("Kinds:"));
  for (JzStandardKind k = 0; k < JZ_STANDARD_N_KINDS; k++)
    g_print ("  %-32s %-9s %s\n", jz_standard_kind_code (k),
             jz_standard_notation_code (jz_standard_kind_notation (k)), jz_standard_kind_label (k));
}

int
jz_cli_standards (JzCliGlobals *globals,
                  int           argc,
                  char        **argv)
{
  static const struct {
    const char       *name;
    JzCliCommandFunc  func;
  } commands[] = {
    { "list",    standards_list },
    { "history", standards_history },
    { "set",     standards_set },
    { "preview", standards_preview },
  };

  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      print_standards_help ();
      return EXIT_SUCCESS;
    }

  for (guint i = 0; argc >= 2 && i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        g_autofree char *prgname = g_strdup_printf ("jiuzhu-cli standards %s", commands[i].name);

        g_set_prgname (prgname);
        /* argv[1] stands in for the program name of the subcommand. */
        return commands[i].func (globals, argc - 1, argv + 1);
      }

  return jz_cli_usage_error (_("Name what to do with the standards: list, history, set or preview."));
}
