/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "jz-export-labels.h"
#include "jz-household-events.h"
#include "jz-xlsx-export-private.h"

/* Excel's last row is 1,048,576; the first is the header. */
#define MAX_DATA_ROWS        (LXW_ROW_MAX - 1)
/* Progress reports, at most this often (µs): enough for a progress bar,
 * few enough not to flood the main loop. */
#define PROGRESS_INTERVAL    (100 * 1000)
/* Rows between two looks at the cancellable inside a chunk. */
#define CANCEL_CHECK_ROWS    256

enum
{
  COL_HOUSEHOLD,
  COL_TOWNSHIP,
  COL_VILLAGE,
  COL_HEAD,
  COL_HUKOU,
  COL_NAME,
  COL_ID_NUMBER,
  COL_RELATION,
  COL_SEX,
  COL_BIRTH_DATE,
  COL_DISABILITY_KIND,
  COL_DISABILITY_GRADE,
  COL_ILLNESS,
  COL_PROGRAMS,
  COL_AMOUNT,
  COL_BANK_ACCOUNT,
  N_COLUMNS
};

/* Widths in Excel's units (about one Latin digit); a header wider than
 * its column widens it, see column_width(). */
static const struct
{
  const char *title;
  guint       width;
} columns[N_COLUMNS] = {
  [COL_HOUSEHOLD]        = { NC_("export column", "Household no."),          10 },
  [COL_TOWNSHIP]         = { NC_("export column", "Township"),               14 },
  [COL_VILLAGE]          = { NC_("export column", "Village"),                16 },
  [COL_HEAD]             = { NC_("export column", "Head of household"),      10 },
  [COL_HUKOU]            = { NC_("export column", "Hukou"),                   8 },
  [COL_NAME]             = { NC_("export column", "Member"),                 10 },
  [COL_ID_NUMBER]        = { NC_("export column", "ID number"),              21 },
  [COL_RELATION]         = { NC_("export column", "Relation to head"),       10 },
  [COL_SEX]              = { NC_("export column", "Sex"),                     6 },
  [COL_BIRTH_DATE]       = { NC_("export column", "Birth date"),             12 },
  [COL_DISABILITY_KIND]  = { NC_("export column", "Disability"),             10 },
  [COL_DISABILITY_GRADE] = { NC_("export column", "Disability grade"),        8 },
  [COL_ILLNESS]          = { NC_("export column", "Severe illness"),         16 },
  [COL_PROGRAMS]         = { NC_("export column", "Programs"),               24 },
  [COL_AMOUNT]           = { NC_("export column", "Household monthly amount (yuan)"), 14 },
  [COL_BANK_ACCOUNT]     = { NC_("export column", "Bank account"),           24 },
};

static guint rows_per_sheet = MAX_DATA_ROWS;

G_DEFINE_QUARK (jz-xlsx-export-error-quark, jz_xlsx_export_error)

void
jz_xlsx_export_set_rows_per_sheet (guint rows)
{
  rows_per_sheet = rows == 0 ? MAX_DATA_ROWS : MIN (rows, MAX_DATA_ROWS);
}

/* --- the job ------------------------------------------------------------------ */

Export *
jz_xlsx_export_job_new (const JzHouseholdQuery *query,
                        const char             *path)
{
  Export *e = g_atomic_rc_box_new0 (Export);

  e->query = jz_household_query_copy (query);
  e->path = g_strdup (path);
  e->dir = g_path_get_dirname (path);
  e->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  e->program_lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_mutex_init (&e->mutex);

  return e;
}

static void
export_clear (Export *e)
{
  /* The workbook is closed (and freed) by the writer on every path. */
  g_assert (e->workbook == NULL);

  if (e->progress_data_free != NULL)
    e->progress_data_free (e->progress_data);

  jz_household_query_free (e->query);
  g_free (e->path);
  g_free (e->dir);
  g_free (e->db_path);
  g_free (e->tmp_path);
  g_free (e->writer_tmp_path);
  g_clear_pointer (&e->labels, g_hash_table_unref);
  g_clear_pointer (&e->program_lists, g_hash_table_unref);
  g_clear_pointer (&e->context, g_main_context_unref);
  g_mutex_clear (&e->mutex);
}

Export *
jz_xlsx_export_job_ref (Export *e)
{
  return g_atomic_rc_box_acquire (e);
}

void
jz_xlsx_export_job_unref (Export *e)
{
  g_atomic_rc_box_release_full (e, (GDestroyNotify) export_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Export, jz_xlsx_export_job_unref)

/* Removes the unfinished file, if any.  Safe from either thread, and
 * more than once. */
void
jz_xlsx_export_job_discard (Export *e)
{
  g_autofree char *tmp_path = NULL;

  g_mutex_lock (&e->mutex);
  tmp_path = g_steal_pointer (&e->tmp_path);
  g_mutex_unlock (&e->mutex);

  if (tmp_path != NULL)
    g_unlink (tmp_path);
}

/* --- errors ------------------------------------------------------------------- */

static void
set_errno_error (GError     **error,
                 int          errsv,
                 const char  *dir)
{
  g_autofree char *folder = g_filename_display_name (dir);

  switch (errsv)
    {
    case ENOENT:
    case ENOTDIR:
      g_set_error (error, JZ_XLSX_EXPORT_ERROR, JZ_XLSX_EXPORT_ERROR_FOLDER,
                   _("The folder “%s” does not exist. Choose another folder."), folder);
      break;

    case EACCES:
    case EPERM:
    case EROFS:
      g_set_error (error, JZ_XLSX_EXPORT_ERROR, JZ_XLSX_EXPORT_ERROR_FOLDER,
                   _("The folder “%s” cannot be written to. Choose another folder, or ask for write access to this one."),
                   folder);
      break;

    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
      g_set_error_literal (error, JZ_XLSX_EXPORT_ERROR, JZ_XLSX_EXPORT_ERROR_FULL,
                           _("The disk is full, so the export could not be finished. Free some space and try again."));
      break;

    case EFBIG:
      g_set_error_literal (error, JZ_XLSX_EXPORT_ERROR, JZ_XLSX_EXPORT_ERROR_FULL,
                           _("The file is too large for this drive. Export fewer households at a time, or choose another drive."));
      break;

    case 0:
      g_set_error_literal (error, JZ_XLSX_EXPORT_ERROR, JZ_XLSX_EXPORT_ERROR_FAILED,
                           _("The spreadsheet could not be written. Try again, or choose another folder."));
      break;

    default:
      g_set_error (error, JZ_XLSX_EXPORT_ERROR, JZ_XLSX_EXPORT_ERROR_FAILED,
                   _("The spreadsheet could not be written (%s). Try again, or choose another folder."),
                   g_strerror (errsv));
      break;
    }
}

void
jz_xlsx_export_set_cancelled_error (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                       _("The export was cancelled; no file was written."));
}

/* GLib's own "Operation was cancelled" says nothing about the file. */
void
jz_xlsx_export_propagate_clerk_error (GError **dest,
                                      GError  *src)
{
  if (g_error_matches (src, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_error_free (src);
      jz_xlsx_export_set_cancelled_error (dest);
    }
  else
    g_propagate_error (dest, src);
}

/* --- cells -------------------------------------------------------------------- */

/*
 * Yuan from fen for a number cell.  The decimal string is exact (integer
 * arithmetic only); g_ascii_strtod() then gives the double nearest to it,
 * which is what Excel itself stores for that amount.  This is the one
 * floating-point step, and nothing is computed with its result.
 */
static double
yuan_cell_value (gint64 fen)
{
  char text[32];
  guint64 magnitude = fen < 0 ? (guint64) 0 - (guint64) fen : (guint64) fen;

  g_snprintf (text, sizeof text, "%s%" G_GUINT64_FORMAT ".%02u",
              fen < 0 ? "-" : "", magnitude / 100, (guint) (magnitude % 100));
  return g_ascii_strtod (text, NULL);
}

static gboolean
parse_iso_date (const char   *text,
                lxw_datetime *date)
{
  int parts[3] = { 0, 0, 0 };
  int lengths[3] = { 4, 2, 2 };
  const char *p = text;

  if (text == NULL || strlen (text) != 10)
    return FALSE;

  for (int k = 0; k < 3; k++)
    {
      for (int i = 0; i < lengths[k]; i++, p++)
        {
          if (!g_ascii_isdigit (*p))
            return FALSE;
          parts[k] = parts[k] * 10 + (*p - '0');
        }
      if (k < 2 && *p++ != '-')
        return FALSE;
    }

  /* Excel's dates start in 1900. */
  if (parts[0] < 1900 || !g_date_valid_dmy (parts[2], parts[1], parts[0]))
    return FALSE;

  *date = (lxw_datetime) { .year = parts[0], .month = parts[1], .day = parts[2] };
  return TRUE;
}

/* Display width: a CJK character is as wide as two digits. */
static guint
column_width (guint        column,
              const char  *title)
{
  guint width = 0;

  for (const char *p = title; *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;

  return MAX (columns[column].width, width + 2);
}

typedef const char *(*LabelFunc) (const char *code);

/* A million rows would ask gettext four million times for a dozen words. */
static const char *
cached_label (Export      *e,
              guint        column,
              LabelFunc    func,
              const char  *code)
{
  char key[64];
  gpointer label;

  if (code == NULL)
    return NULL;

  if (g_snprintf (key, sizeof key, "%u\037%s", column, code) >= (int) sizeof key)
    {
      label = (gpointer) func (code);
      return label != NULL ? label : code;
    }

  if (!g_hash_table_lookup_extended (e->labels, key, NULL, &label))
    {
      /* Labels are static strings of the catalogue; an unknown code
       * stands as itself, kept alive by the key. */
      char *owned = g_strdup (key);

      label = (gpointer) func (code);
      if (label == NULL)
        label = strchr (owned, '\037') + 1;
      g_hash_table_insert (e->labels, owned, label);
    }

  return label;
}

static const char *
program_list (Export             *e,
              const char * const *codes)
{
  g_autofree char *key = codes != NULL ? g_strjoinv (",", (char **) codes) : g_strdup ("");
  const char *list = g_hash_table_lookup (e->program_lists, key);

  if (list == NULL)
    {
      list = jz_export_program_list (codes);
      g_hash_table_insert (e->program_lists, g_steal_pointer (&key), (gpointer) list);
    }

  return list;
}

static lxw_error
write_text (Export      *e,
            lxw_col_t    column,
            const char  *text)
{
  if (text == NULL || *text == '\0')
    return LXW_NO_ERROR;

  return worksheet_write_string (e->sheet, e->sheet_row, column, text, e->text_format);
}

/* --- sheets ------------------------------------------------------------------- */

static gboolean
set_lxw_error (Export     *e,
               lxw_error   lxw,
               GError    **error)
{
  if (lxw == LXW_NO_ERROR)
    return TRUE;

  g_debug ("libxlsxwriter: %s", lxw_strerror (lxw));
  set_errno_error (error, 0, e->dir);
  return FALSE;
}

static void
finish_sheet (Export *e)
{
  if (e->sheet == NULL)
    return;

  worksheet_autofilter (e->sheet, 0, 0, e->sheet_row, N_COLUMNS - 1);
}

static gboolean
add_sheet (Export  *e,
           GError **error)
{
  g_autofree char *name = NULL;
  char range[64];
  lxw_error lxw = LXW_NO_ERROR;

  finish_sheet (e);

  e->n_sheets++;
  if (e->n_sheets == 1)
    name = g_strdup (C_("sheet name", "Persons"));
  else
    /* Translators: the name of the second, third… sheet when the rows do not fit on one. */
    name = g_strdup_printf (C_("sheet name", "Persons (%u)"), e->n_sheets);

  errno = 0;
  e->sheet = workbook_add_worksheet (e->workbook, name);
  if (e->sheet == NULL)
    {
      /* Its rows go to a temporary file in the target folder. */
      set_errno_error (error, errno, e->dir);
      return FALSE;
    }

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      const char *title = g_dpgettext2 (GETTEXT_PACKAGE, "export column", columns[c].title);

      lxw |= worksheet_set_column (e->sheet, c, c, column_width (c, title), NULL);
      lxw |= worksheet_write_string (e->sheet, 0, c, title, e->header_format);
    }
  e->sheet_row = 0;

  worksheet_freeze_panes (e->sheet, 1, 0);
  lxw |= worksheet_repeat_rows (e->sheet, 0, 0);
  worksheet_set_landscape (e->sheet);
  worksheet_set_paper (e->sheet, 9);    /* A4 */
  worksheet_fit_to_pages (e->sheet, 1, 0);
  lxw |= worksheet_set_footer (e->sheet, "&C&P / &N");

  /* No green "number stored as text" marks on the ID and account columns. */
  g_snprintf (range, sizeof range, "G2:G%d P2:P%d", LXW_ROW_MAX, LXW_ROW_MAX);
  lxw |= worksheet_ignore_errors (e->sheet, LXW_IGNORE_NUMBER_STORED_AS_TEXT, range);

  return set_lxw_error (e, lxw, error);
}

/* --- rows --------------------------------------------------------------------- */

static void
start_household (Export         *e,
                 JzHouseholdRow *row)
{
  e->household_id = jz_household_row_get_id (row);
  e->households_started++;
  e->programs = program_list (e, jz_household_row_get_programs (row));
  e->amount = yuan_cell_value (jz_household_row_get_monthly_amount (row));
}

static gboolean
progress_idle (gpointer user_data)
{
  Export *e = user_data;
  guint64 done;

  g_mutex_lock (&e->mutex);
  done = e->reported;
  e->progress_pending = FALSE;
  g_mutex_unlock (&e->mutex);

  /* Nothing after the result is in, or after a cancel. */
  if (!e->finished)
    e->progress (done, e->total, e->progress_data);

  return G_SOURCE_REMOVE;
}

static void
report_progress (Export   *e,
                 guint64   done,
                 gboolean  force)
{
  gint64 now;

  if (e->progress == NULL)
    return;

  now = g_get_monotonic_time ();
  if (!force && now - e->last_progress < PROGRESS_INTERVAL)
    return;
  e->last_progress = now;

  if (e->context == NULL)
    {
      e->progress (done, e->total, e->progress_data);
      return;
    }

  /* One idle at a time, carrying the latest count.  Attached rather than
   * g_main_context_invoke()d: that would run it right here, in the
   * worker, whenever the caller's context is the global default and
   * nobody iterates it at the moment. */
  g_mutex_lock (&e->mutex);
  e->reported = done;
  if (!e->progress_pending)
    {
      g_autoptr(GSource) source = g_idle_source_new ();

      e->progress_pending = TRUE;
      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, progress_idle, jz_xlsx_export_job_ref (e), (GDestroyNotify) jz_xlsx_export_job_unref);
      g_source_set_static_name (source, "[jiuzhu] export progress");
      g_source_attach (source, e->context);
    }
  g_mutex_unlock (&e->mutex);
}

static gboolean
person_cb (JzHouseholdRow  *row,
           const JzPerson  *person,
           gpointer         user_data,
           GError         **error)
{
  Export *e = user_data;
  lxw_datetime birth;
  lxw_error lxw = LXW_NO_ERROR;

  if (jz_household_row_get_id (row) != e->household_id)
    {
      report_progress (e, e->households_started, FALSE);
      start_household (e, row);
    }

  if (e->n_rows % CANCEL_CHECK_ROWS == 0 && g_cancellable_set_error_if_cancelled (e->cancellable, error))
    return FALSE;

  if (e->sheet_row >= rows_per_sheet && !add_sheet (e, error))
    return FALSE;

  e->sheet_row++;
  e->n_rows++;

  lxw |= worksheet_write_number (e->sheet, e->sheet_row, COL_HOUSEHOLD, (double) e->household_id, NULL);
  lxw |= write_text (e, COL_TOWNSHIP, jz_household_row_get_township_name (row));
  lxw |= write_text (e, COL_VILLAGE, jz_household_row_get_village_name (row));
  lxw |= write_text (e, COL_HEAD, jz_household_row_get_head_name (row));
  lxw |= write_text (e, COL_HUKOU, cached_label (e, COL_HUKOU, jz_export_hukou_label,
                                                   jz_household_row_get_hukou (row)));
  lxw |= write_text (e, COL_NAME, person->name);
  lxw |= write_text (e, COL_ID_NUMBER, person->id_number);
  lxw |= write_text (e, COL_RELATION, cached_label (e, COL_RELATION, jz_person_relation_label, person->relation));
  lxw |= write_text (e, COL_SEX, cached_label (e, COL_SEX, jz_export_sex_label, person->sex));
  if (parse_iso_date (person->birth_date, &birth))
    lxw |= worksheet_write_datetime (e->sheet, e->sheet_row, COL_BIRTH_DATE, &birth, e->date_format);
  else
    lxw |= write_text (e, COL_BIRTH_DATE, person->birth_date);
  if (person->disability_kind != NULL)
    {
      lxw |= write_text (e, COL_DISABILITY_KIND, cached_label (e, COL_DISABILITY_KIND, jz_export_disability_kind_label,
                                                               person->disability_kind));
      if (person->disability_grade > 0)
        lxw |= worksheet_write_number (e->sheet, e->sheet_row, COL_DISABILITY_GRADE,
                                       person->disability_grade, NULL);
    }
  lxw |= write_text (e, COL_ILLNESS, person->severe_illness);
  lxw |= write_text (e, COL_PROGRAMS, e->programs);
  lxw |= worksheet_write_number (e->sheet, e->sheet_row, COL_AMOUNT, e->amount, e->amount_format);
  /* Read with the members, in the same statement. */
  lxw |= write_text (e, COL_BANK_ACCOUNT, jz_household_row_get_bank_account (row));

  /* Constant-memory rows go to a temporary file through stdio, whose
   * errors (a full disk) libxlsxwriter does not check. */
  if (e->sheet->file != NULL && ferror (e->sheet->file))
    {
      set_errno_error (error, errno, e->dir);
      return FALSE;
    }

  return set_lxw_error (e, lxw, error);
}

/* --- the file ----------------------------------------------------------------- */

/* A placeholder that reserves a unique name in the target folder, so that
 * the rename at the end stays on one file system. */
static gboolean
create_tmp_file (Export  *e,
                 GError **error)
{
  for (int attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".jiuzhu-export-%08x.part", g_random_int ());
      g_autofree char *tmp_path = g_build_filename (e->dir, name, NULL);
      int fd;

      /* 0666 and the umask, like any file the clerk saves. */
      fd = g_open (tmp_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
      if (fd >= 0)
        {
          close (fd);
          e->writer_tmp_path = g_strdup (tmp_path);
          g_mutex_lock (&e->mutex);
          e->tmp_path = g_steal_pointer (&tmp_path);
          g_mutex_unlock (&e->mutex);
          return TRUE;
        }

      if (errno != EEXIST)
        {
          set_errno_error (error, errno, e->dir);
          return FALSE;
        }
    }

  set_errno_error (error, EEXIST, e->dir);
  return FALSE;
}

/* The writer's own clean-up: also after the main context has given up on
 * the file, since libxlsxwriter creates it anew when the workbook closes. */
void
jz_xlsx_export_job_writer_discard (Export *e)
{
  jz_xlsx_export_job_discard (e);
  if (e->writer_tmp_path != NULL)
    g_unlink (e->writer_tmp_path);
}

static gboolean
check_stream (Export  *e,
              GError **error)
{
  if (e->sheet != NULL && e->sheet->file != NULL && ferror (e->sheet->file))
    {
      set_errno_error (error, errno, e->dir);
      return FALSE;
    }

  return TRUE;
}

static void
add_formats (Export *e)
{
  e->header_format = workbook_add_format (e->workbook);
  format_set_bold (e->header_format);
  format_set_bg_color (e->header_format, 0xDDE5F0);
  format_set_bottom (e->header_format, LXW_BORDER_THIN);
  format_set_text_wrap (e->header_format);
  format_set_align (e->header_format, LXW_ALIGN_VERTICAL_CENTER);

  /* "@": cells a clerk edits stay text, so an ID number keeps its digits. */
  e->text_format = workbook_add_format (e->workbook);
  format_set_num_format (e->text_format, "@");

  e->date_format = workbook_add_format (e->workbook);
  format_set_num_format (e->date_format, "yyyy-mm-dd");

  e->amount_format = workbook_add_format (e->workbook);
  format_set_num_format (e->amount_format, "#,##0.00");
}

/* Writes the whole workbook into the temporary file.  On failure the
 * temporary file is gone. */
gboolean
jz_xlsx_export_job_write (Export        *e,
                          JzDb          *db,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  lxw_workbook_options options = { 0 };
  gint64 total;
  gboolean ok;
  lxw_error lxw;

  if (g_file_test (e->path, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *name = g_filename_display_name (e->path);

      g_set_error (error, JZ_XLSX_EXPORT_ERROR, JZ_XLSX_EXPORT_ERROR_TARGET,
                   _("“%s” is a folder. Choose a file name for the export."), name);
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, &local_error))
    {
      jz_xlsx_export_propagate_clerk_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  total = jz_household_query_count (db, e->query, error);
  if (total < 0)
    return FALSE;
  e->total = (guint64) total;

  if (!create_tmp_file (e, error))
    return FALSE;

  e->cancellable = cancellable;
  report_progress (e, 0, TRUE);

  /* The rows wait in a temporary file next to the target rather than in
   * /tmp, which may be memory; libxlsxwriter removes it when done. */
  options.constant_memory = LXW_TRUE;
  options.tmpdir = e->dir;

  errno = 0;
  e->workbook = workbook_new_opt (e->writer_tmp_path, &options);
  if (e->workbook == NULL)
    {
      set_errno_error (error, errno, e->dir);
      jz_xlsx_export_job_writer_discard (e);
      return FALSE;
    }
  add_formats (e);

  ok = add_sheet (e, &local_error) &&
       jz_household_query_foreach_person (db, e->query, person_cb, e, cancellable, &local_error) &&
       check_stream (e, &local_error);

  e->cancellable = NULL;

  if (!ok)
    {
      /* Freed without writing anything more. */
      g_clear_pointer (&e->workbook, lxw_workbook_free);
      jz_xlsx_export_job_writer_discard (e);
      jz_xlsx_export_propagate_clerk_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  finish_sheet (e);

  errno = 0;
  lxw = workbook_close (g_steal_pointer (&e->workbook));
  if (lxw != LXW_NO_ERROR)
    {
      int errsv = errno;

      g_debug ("libxlsxwriter: %s", lxw_strerror (lxw));
      set_errno_error (error, errsv, e->dir);
      jz_xlsx_export_job_writer_discard (e);
      return FALSE;
    }

  report_progress (e, e->total, TRUE);
  return TRUE;
}

/* Puts the finished file in place: on disk first, then under its name. */
gboolean
jz_xlsx_export_job_commit (Export  *e,
                           GError **error)
{
  g_autofree char *tmp_path = NULL;
  int fd;

  g_mutex_lock (&e->mutex);
  tmp_path = g_steal_pointer (&e->tmp_path);
  g_mutex_unlock (&e->mutex);

  g_return_val_if_fail (tmp_path != NULL, FALSE);

  fd = g_open (tmp_path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || fsync (fd) != 0)
    {
      int errsv = errno;

      if (fd >= 0)
        close (fd);
      g_unlink (tmp_path);
      set_errno_error (error, errsv, e->dir);
      return FALSE;
    }
  close (fd);

  if (g_rename (tmp_path, e->path) != 0)
    {
      int errsv = errno;

      g_unlink (tmp_path);
      if (errsv == EISDIR)
        {
          g_autofree char *name = g_filename_display_name (e->path);

          g_set_error (error, JZ_XLSX_EXPORT_ERROR, JZ_XLSX_EXPORT_ERROR_TARGET,
                       _("“%s” is a folder. Choose a file name for the export."), name);
        }
      else
        set_errno_error (error, errsv, e->dir);
      return FALSE;
    }

  return TRUE;
}

/* --- the public functions ----------------------------------------------------- */

/**
 * jz_xlsx_export_households:
 * @db: the database, used in this thread
 * @query: which households, in which order
 * @path: the .xlsx file to write; an existing file is replaced when the
 *   new one is complete
 * @progress: (nullable) (scope call): called in this thread with the
 *   households done and their total
 * @n_rows: (out) (optional): the persons written
 *
 * Writes the persons export (see the top of jz-xlsx-export.h) and waits
 * for it: for the command line.
 *
 * Returns: %FALSE with @error set when nothing was written
 */
gboolean
jz_xlsx_export_households (JzDb                    *db,
                           const JzHouseholdQuery  *query,
                           const char              *path,
                           JzXlsxExportProgress     progress,
                           gpointer                 progress_data,
                           guint64                 *n_rows,
                           GCancellable            *cancellable,
                           GError                 **error)
{
  g_autoptr(Export) e = NULL;

  g_return_val_if_fail (JZ_IS_DB (db), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  e = jz_xlsx_export_job_new (query, path);
  e->progress = progress;
  e->progress_data = progress_data;

  if (!jz_xlsx_export_job_write (e, db, cancellable, error))
    return FALSE;

  if (g_cancellable_is_cancelled (cancellable))
    {
      jz_xlsx_export_job_writer_discard (e);
      jz_xlsx_export_set_cancelled_error (error);
      return FALSE;
    }

  if (!jz_xlsx_export_job_commit (e, error))
    return FALSE;

  if (n_rows != NULL)
    *n_rows = e->n_rows;
  return TRUE;
}
