/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * The peer of the persons export: the same cells, written by a minimal
 * program with one SQL query and raw libxlsxwriter in constant-memory
 * mode, without the io layer's chunked reads, labels, temporary file,
 * progress or cancellation.  The benchmark compares our export with it.
 *
 *   raw-xlsx DB OUT.xlsx
 *
 * Prints the number of rows written.  English labels, as the benchmark
 * runs with LANGUAGE=en.  Benchmark code: it reads SQLite directly, which
 * app/ never does outside app/core.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>
#include <xlsxwriter.h>

/* The same rows in the same order as `jiuzhu-cli export households`:
 * open files by village, then household, the head first, then by age. */
static const char sql[] =
  "SELECT s.household_id, t.name, v.name, s.head_name, s.hukou, p.name, p.id_number, p.relation, "
  "       p.sex, p.birth_date, p.disability_kind, p.disability_grade, p.severe_illness, "
  "       s.programs, s.monthly_amount, h.bank_account "
  "FROM household_summary s "
  "JOIN households h ON h.id = s.household_id "
  "JOIN persons p ON p.household_id = s.household_id AND p.active = 1 "
  "LEFT JOIN regions t ON t.id = s.township_id "
  "LEFT JOIN regions v ON v.id = s.village_id "
  "WHERE s.file_status = 'open' "
  "ORDER BY s.village_id, s.household_id, p.relation <> 'head', p.birth_date, p.id";

static const char *headers[] = {
  "Household no.", "Township", "Village", "Head of household", "Hukou", "Member",
  "ID number", "Relation to head", "Sex", "Birth date", "Disability", "Disability grade",
  "Severe illness", "Programs", "Household monthly amount (yuan)", "Bank account",
};

static const char *labels[][2] = {
  { "urban", "Urban" }, { "rural", "Rural" },
  { "M", "Male" }, { "F", "Female" },
  { "head", "Head" }, { "spouse", "Spouse" }, { "child", "Child" }, { "parent", "Parent" },
  { "grandchild", "Grandchild" }, { "grandparent", "Grandparent" }, { "sibling", "Sibling" },
  { "other", "Other" },
  { "visual", "Visual" }, { "hearing", "Hearing" }, { "speech", "Speech" }, { "limb", "Limb" },
  { "intellectual", "Intellectual" }, { "mental", "Mental" }, { "multiple", "Multiple" },
  { "dibao_urban", "Urban dibao" }, { "dibao_rural", "Rural dibao" },
  { "tekun_dispersed", "Tekun, dispersed" }, { "tekun_centralized", "Tekun, centralized" },
  { "temporary", "Temporary" }, { "disability_living", "Disability living" },
  { "disability_care", "Disability care" }, { "child_living", "Child living" },
  { "low_income", "Low income" },
};

static const char *
label (const char *code)
{
  for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
    if (strcmp (labels[i][0], code) == 0)
      return labels[i][1];
  return code;
}

static void
program_list (const char *codes,
              char       *out,
              size_t      size)
{
  char copy[512];
  char *save = NULL;

  out[0] = '\0';
  snprintf (copy, sizeof copy, "%s", codes);
  for (char *code = strtok_r (copy, ",", &save); code != NULL; code = strtok_r (NULL, ",", &save))
    {
      if (out[0] != '\0')
        strncat (out, ", ", size - strlen (out) - 1);
      strncat (out, label (code), size - strlen (out) - 1);
    }
}

static const char *
text (sqlite3_stmt *stmt,
      int           column)
{
  const char *value = (const char *) sqlite3_column_text (stmt, column);

  return value != NULL && value[0] != '\0' ? value : NULL;
}

int
main (int   argc,
      char *argv[])
{
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  lxw_format *text_format, *date_format, *amount_format, *header_format;
  sqlite3 *db;
  sqlite3_stmt *stmt;
  lxw_row_t row = 0;
  int rc;

  if (argc != 3)
    {
      fprintf (stderr, "usage: raw-xlsx DB OUT.xlsx\n");
      return 2;
    }

  if (sqlite3_open_v2 (argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      fprintf (stderr, "raw-xlsx: %s\n", sqlite3_errmsg (db));
      return 1;
    }

  workbook = workbook_new_opt (argv[2], &options);
  sheet = workbook_add_worksheet (workbook, "Persons");
  header_format = workbook_add_format (workbook);
  format_set_bold (header_format);
  text_format = workbook_add_format (workbook);
  format_set_num_format (text_format, "@");
  date_format = workbook_add_format (workbook);
  format_set_num_format (date_format, "yyyy-mm-dd");
  amount_format = workbook_add_format (workbook);
  format_set_num_format (amount_format, "#,##0.00");

  for (lxw_col_t c = 0; c < 16; c++)
    worksheet_write_string (sheet, 0, c, headers[c], header_format);
  worksheet_freeze_panes (sheet, 1, 0);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *value;
      char programs[512];
      sqlite3_int64 fen;
      lxw_datetime birth = { 0 };

      row++;
      worksheet_write_number (sheet, row, 0, (double) sqlite3_column_int64 (stmt, 0), NULL);
      for (int c = 1; c <= 8; c++)
        if ((value = text (stmt, c)) != NULL)
          worksheet_write_string (sheet, row, c, c == 4 || c >= 7 ? label (value) : value, text_format);
      if (sscanf ((const char *) sqlite3_column_text (stmt, 9), "%d-%d-%d", &birth.year, &birth.month, &birth.day) == 3)
        worksheet_write_datetime (sheet, row, 9, &birth, date_format);
      if ((value = text (stmt, 10)) != NULL)
        {
          worksheet_write_string (sheet, row, 10, label (value), text_format);
          worksheet_write_number (sheet, row, 11, sqlite3_column_int (stmt, 11), NULL);
        }
      if ((value = text (stmt, 12)) != NULL)
        worksheet_write_string (sheet, row, 12, value, text_format);
      if ((value = text (stmt, 13)) != NULL)
        {
          program_list (value, programs, sizeof programs);
          worksheet_write_string (sheet, row, 13, programs, text_format);
        }
      /* Plain division: the raw peer takes no care over fen. */
      fen = sqlite3_column_int64 (stmt, 14);
      worksheet_write_number (sheet, row, 14, (double) fen / 100, amount_format);
      if ((value = text (stmt, 15)) != NULL)
        worksheet_write_string (sheet, row, 15, value, text_format);
    }

  if (rc != SQLITE_DONE)
    {
      fprintf (stderr, "raw-xlsx: %s\n", sqlite3_errmsg (db));
      return 1;
    }

  worksheet_autofilter (sheet, 0, 0, row, 15);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  if (workbook_close (workbook) != LXW_NO_ERROR)
    {
      fprintf (stderr, "raw-xlsx: the workbook could not be written\n");
      return 1;
    }

  printf ("%u\n", (unsigned) row);
  return 0;
}
