/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "jz-calendar.h"
#include "jz-xlsx-care.h"

enum
{
  COL_NAME,
  COL_TOWNSHIP,
  COL_VILLAGE,
  COL_TIER,
  COL_AGREEMENT,
  COL_STATE,
  COL_CAREGIVER,
  COL_LAST_VISIT,
  COL_NEXT_VISIT,
  COL_OVERDUE,
  COL_EVALUATED_ON,
  COL_RESULT,
  N_COLUMNS
};

/* Widths in Excel's units (about one Latin digit): the widest of the
 * header and the cells, within these bounds. */
#define MIN_WIDTH  6
#define MAX_WIDTH  40

static const char * const titles[N_COLUMNS] = {
  [COL_NAME]         = NC_("care export column", "Name"),
  [COL_TOWNSHIP]     = NC_("care export column", "Township"),
  [COL_VILLAGE]      = NC_("care export column", "Village"),
  [COL_TIER]         = NC_("care export column", "Care tier"),
  [COL_AGREEMENT]    = NC_("care export column", "Agreement no."),
  [COL_STATE]        = NC_("care export column", "Agreement state"),
  [COL_CAREGIVER]    = NC_("care export column", "Caregiver"),
  [COL_LAST_VISIT]   = NC_("care export column", "Last visit"),
  [COL_NEXT_VISIT]   = NC_("care export column", "Next visit due"),
  [COL_OVERDUE]      = NC_("care export column", "Visit overdue"),
  [COL_EVALUATED_ON] = NC_("care export column", "Last evaluation date"),
  [COL_RESULT]       = NC_("care export column", "Evaluation result"),
};

/* The words and dates of one cell; NULL leaves it empty. */
static const char *
cell_text (const JzCareRecipient *r,
           guint                  column)
{
  switch (column)
    {
    case COL_NAME:
      return r->name;
    case COL_TOWNSHIP:
      return r->township_name;
    case COL_VILLAGE:
      return r->village_name;
    case COL_TIER:
      return r->tier != NULL ? jz_care_tier_label (r->tier) : NULL;
    case COL_AGREEMENT:
      return r->agreement_id != 0 ? r->agreement_number : NULL;
    case COL_STATE:
      /* r->state means nothing without an agreement. */
      if (r->agreement_id == 0)
        return C_("care agreement", "No agreement");
      return jz_care_state_label (r->state);
    case COL_CAREGIVER:
      return r->agreement_id != 0 ? r->caregiver_name : NULL;
    case COL_LAST_VISIT:
      return r->last_visit_on;
    case COL_NEXT_VISIT:
      return r->next_visit_on;
    case COL_OVERDUE:
      return r->visit_overdue ? C_("care export", "Yes") : C_("care export", "No");
    case COL_EVALUATED_ON:
      return r->last_evaluation_on;
    case COL_RESULT:
      return r->last_evaluation_result != NULL ? jz_care_result_label (r->last_evaluation_result) : NULL;
    default:
      g_assert_not_reached ();
    }
}

/* Display width: a CJK character is as wide as two digits. */
static guint
text_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;

  return width;
}

/* --- errors ------------------------------------------------------------------- */

/* The same sentences as the households export, so that a clerk reads the
 * same advice whichever list failed to be written. */
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

static void
set_folder_target_error (GError     **error,
                         const char  *path)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, JZ_XLSX_EXPORT_ERROR, JZ_XLSX_EXPORT_ERROR_TARGET,
               _("“%s” is a folder. Choose a file name for the export."), name);
}

/* --- the sheet ---------------------------------------------------------------- */

/* "&" starts a code in a page header; a literal one is doubled. */
static char *
page_header (const char *today)
{
  g_autofree char *title = NULL;
  g_autoptr(GString) header = g_string_new ("&C");

  /* Translators: the page header of the printed care list; %s is the day it is told for, 2026-06-30. */
  title = g_strdup_printf (_("Dispersed extreme-poverty recipients on %s"), today);
  for (const char *p = title; *p != '\0'; p++)
    {
      if (*p == '&')
        g_string_append_c (header, '&');
      g_string_append_c (header, *p);
    }

  return g_string_free (g_steal_pointer (&header), FALSE);
}

static lxw_error
write_sheet (lxw_workbook *workbook,
             GPtrArray    *recipients,
             const char   *today)
{
  g_autofree char *header = page_header (today);
  lxw_worksheet *sheet;
  lxw_format *header_format;
  lxw_format *text_format;
  lxw_error lxw = LXW_NO_ERROR;
  guint widths[N_COLUMNS];

  header_format = workbook_add_format (workbook);
  format_set_bold (header_format);
  format_set_bg_color (header_format, 0xDDE5F0);
  format_set_bottom (header_format, LXW_BORDER_THIN);
  format_set_text_wrap (header_format);
  format_set_align (header_format, LXW_ALIGN_VERTICAL_CENTER);

  /* "@": a date or number a clerk types over stays text. */
  text_format = workbook_add_format (workbook);
  format_set_num_format (text_format, "@");

  /* NULL on a name Excel refuses, such as a translation with "/" in it. */
  sheet = workbook_add_worksheet (workbook, C_("sheet name", "Care recipients"));
  if (sheet == NULL)
    return LXW_ERROR_INVALID_SHEETNAME_CHARACTER;

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      const char *title = g_dpgettext2 (GETTEXT_PACKAGE, "care export column", titles[c]);

      widths[c] = text_width (title);
      lxw |= worksheet_write_string (sheet, 0, c, title, header_format);
    }

  for (guint i = 0; i < recipients->len; i++)
    {
      const JzCareRecipient *r = g_ptr_array_index (recipients, i);

      for (guint c = 0; c < N_COLUMNS; c++)
        {
          const char *text = cell_text (r, c);

          if (text == NULL || *text == '\0')
            continue;
          widths[c] = MAX (widths[c], text_width (text));
          lxw |= worksheet_write_string (sheet, i + 1, c, text, text_format);
        }
    }

  for (guint c = 0; c < N_COLUMNS; c++)
    lxw |= worksheet_set_column (sheet, c, c, CLAMP (widths[c] + 2, MIN_WIDTH, MAX_WIDTH), NULL);

  worksheet_freeze_panes (sheet, 1, 0);
  lxw |= worksheet_autofilter (sheet, 0, 0, recipients->len, N_COLUMNS - 1);
  lxw |= worksheet_repeat_rows (sheet, 0, 0);
  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, 9);    /* A4 */
  worksheet_fit_to_pages (sheet, 1, 0);
  lxw |= worksheet_set_header (sheet, header);
  lxw |= worksheet_set_footer (sheet, "&C&P / &N");

  return lxw;
}

/* --- the file ----------------------------------------------------------------- */

/* A placeholder that reserves a unique name in the target folder, so that
 * the rename at the end stays on one file system. */
static char *
create_tmp_file (const char  *dir,
                 GError     **error)
{
  for (int attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".jiuzhu-care-%08x.part", g_random_int ());
      g_autofree char *tmp_path = g_build_filename (dir, name, NULL);
      int fd;

      /* 0666 and the umask, like any file the clerk saves. */
      fd = g_open (tmp_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
      if (fd >= 0)
        {
          close (fd);
          return g_steal_pointer (&tmp_path);
        }

      if (errno != EEXIST)
        {
          set_errno_error (error, errno, dir);
          return NULL;
        }
    }

  set_errno_error (error, EEXIST, dir);
  return NULL;
}

/* Writes the workbook into @tmp_path; on failure @tmp_path is gone. */
static gboolean
write_workbook (GPtrArray   *recipients,
                const char  *today,
                const char  *dir,
                const char  *tmp_path,
                GError     **error)
{
  lxw_workbook_options options = { 0 };
  lxw_workbook *workbook;
  lxw_error lxw;

  /* libxlsxwriter's scratch files go next to the target rather than to
   * /tmp, which may be memory or too small. */
  options.tmpdir = (char *) dir;

  errno = 0;
  workbook = workbook_new_opt (tmp_path, &options);
  if (workbook == NULL)
    {
      set_errno_error (error, errno, dir);
      g_unlink (tmp_path);
      return FALSE;
    }

  lxw = write_sheet (workbook, recipients, today);
  if (lxw != LXW_NO_ERROR)
    {
      g_debug ("libxlsxwriter: %s", lxw_strerror (lxw));
      lxw_workbook_free (workbook);
      set_errno_error (error, 0, dir);
      g_unlink (tmp_path);
      return FALSE;
    }

  errno = 0;
  lxw = workbook_close (workbook);
  if (lxw != LXW_NO_ERROR)
    {
      int errsv = errno;

      g_debug ("libxlsxwriter: %s", lxw_strerror (lxw));
      set_errno_error (error, errsv, dir);
      g_unlink (tmp_path);
      return FALSE;
    }

  return TRUE;
}

/* Puts the finished file in place: on disk first, then under its name. */
static gboolean
commit (const char  *tmp_path,
        const char  *path,
        const char  *dir,
        GError     **error)
{
  int fd;

  fd = g_open (tmp_path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || fsync (fd) != 0)
    {
      int errsv = errno;

      if (fd >= 0)
        close (fd);
      g_unlink (tmp_path);
      set_errno_error (error, errsv, dir);
      return FALSE;
    }
  close (fd);

  if (g_rename (tmp_path, path) != 0)
    {
      int errsv = errno;

      g_unlink (tmp_path);
      if (errsv == EISDIR)
        set_folder_target_error (error, path);
      else
        set_errno_error (error, errsv, dir);
      return FALSE;
    }

  return TRUE;
}

/* --- the public function ------------------------------------------------------ */

/**
 * jz_xlsx_care_export:
 * @recipients: (element-type JzCareRecipient): the rows, in order, as
 *   jz_care_list_recipients() gives them
 * @today: (nullable): the day the list was told for, shown on the printout
 * @path: the .xlsx file to write; an existing file is replaced when the
 *   new one is complete
 *
 * Writes the care list (see jz-xlsx-care.h).
 *
 * Returns: %FALSE with @error set when nothing was written
 */
gboolean
jz_xlsx_care_export (GPtrArray   *recipients,
                     const char  *today,
                     const char  *path,
                     GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *day = NULL;

  g_return_val_if_fail (recipients != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      set_folder_target_error (error, path);
      return FALSE;
    }

  day = today != NULL ? g_strdup (today) : jz_today ();
  dir = g_path_get_dirname (path);

  tmp_path = create_tmp_file (dir, error);
  if (tmp_path == NULL)
    return FALSE;

  return write_workbook (recipients, day, dir, tmp_path, error) &&
         commit (tmp_path, path, dir, error);
}
