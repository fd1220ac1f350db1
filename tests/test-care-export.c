/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "jz-care.h"
#include "jz-db-private.h"
#include "jz-xlsx-care.h"

/* The care list written by app/io and read back with openpyxl, the way
 * a clerk's spreadsheet program reads it (DESIGN §7). */

#define TODAY "2026-06-30"

/* Four recipients in two townships and a dibao household that is none:
 *  1 an agreement in force, visited on 2026-06-10, evaluated "pass";
 *  2 an agreement ending 2026-07-15 (expiring), last visited 2026-04-30;
 *  3 no agreement, never visited since the decision of 2026-01-05;
 *  4 a renewal in force whose evaluation failed, visited 2026-06-20;
 *  5 dibao only. */
static const char fixture_sql[] =
  "INSERT INTO regions (id, parent_id, level, kind, code, name) VALUES "
  "  (1, NULL, 'district', 'district', '370302', '青禾区'), "
  "  (2, 1, 'township', 'town', '370302101', '柳河镇'), "
  "  (3, 2, 'village', 'village', '370302101201', '王家庄村'), "
  "  (4, 1, 'township', 'town', '370302102', '东岭镇'), "
  "  (5, 4, 'village', 'village', '370302102201', '东岭村');"
  "INSERT INTO households (id, region_id, hukou, opened_on, phone, bank_account) VALUES "
  "  (1, 3, 'rural', '2020-01-01', '13800000001', '6228480010000000011'), (2, 3, 'rural', '2020-01-01', '', ''), "
  "  (3, 5, 'rural', '2020-01-01', '', ''), (4, 5, 'rural', '2020-01-01', '', ''), "
  "  (5, 5, 'rural', '2020-01-01', '', '');"
  "INSERT INTO persons (id, household_id, name, id_number, relation, sex, birth_date, self_care) VALUES "
  "  (1, 1, '王秀英', '370302194503020012', 'head', 'F', '1945-03-02', 'full_care'), "
  "  (2, 2, '李德明', '370302194003020015', 'head', 'M', '1940-03-02', 'self_care'), "
  "  (3, 3, '赵凤兰', '370302195003020018', 'head', 'F', '1950-03-02', 'partial_care'), "
  "  (4, 4, '孙广田', '370302194803020011', 'head', 'M', '1948-03-02', 'self_care'), "
  "  (5, 5, '周建华', '370302196803020017', 'head', 'M', '1968-03-02', 'self_care');"
  "UPDATE households SET head_person_id = id;"
  "INSERT INTO cases (household_id, person_id, program, status, applied_on, decided_on, starts_on) VALUES "
  "  (1, 1, 'tekun_dispersed', 'active', '2025-01-02', '2025-01-05', '2025-02-01'), "
  "  (2, 2, 'tekun_dispersed', 'active', '2025-06-02', '2025-06-05', '2025-07-01'), "
  "  (3, 3, 'tekun_dispersed', 'active', '2026-01-02', '2026-01-05', '2026-02-01'), "
  "  (4, 4, 'tekun_dispersed', 'active', '2025-01-02', '2025-01-05', '2025-02-01'), "
  "  (5, 5, 'dibao_rural', 'active', '2025-01-02', '2025-01-05', '2025-02-01');"
  "INSERT INTO caregivers (id, kind, name, id_number, phone, bank_account) VALUES "
  "  (1, 'person', '李桂芝', '370302197001010016', '13900000002', '6228480010000000029'), "
  "  (2, 'person', '王建军', '370302197201010012', '', '');"
  "INSERT INTO care_agreements (id, number, person_id, case_id, township_id, caregiver_id, tier, monthly_fee, "
  "                             starts_on, ends_on, signed_on, status) VALUES "
  "  (1, '370302101-2026-0001', 1, 1, 2, 1, 'full_care', 120600, '2026-02-01', '2027-01-31', '2026-01-30', 'active'), "
  "  (2, '370302101-2025-0001', 2, 2, 2, 2, 'self_care', 20100, '2025-07-16', '2026-07-15', '2025-07-10', 'active'), "
  "  (3, '370302102-2025-0001', 4, 4, 4, 1, 'self_care', 20100, '2025-03-01', '2026-02-28', '2025-02-27', 'expired'), "
  "  (4, '370302102-2026-0001', 4, 4, 4, 2, 'self_care', 20100, '2026-03-01', '2027-02-28', '2026-02-27', 'active');"
  "UPDATE care_agreements SET ended_on = '2026-02-28' WHERE id = 3;"
  "UPDATE care_agreements SET previous_id = 3, link = 'renewal' WHERE id = 4;"
  "INSERT INTO care_visits (person_id, agreement_id, visited_on, visitors, method, checks) VALUES "
  "  (1, 1, '2026-05-12', '王芳、李强', 'home', 127), (1, 1, '2026-06-10', '王芳、李强', 'home', 127), "
  "  (2, 2, '2026-04-30', '王芳', 'phone', 95), "
  "  (4, 4, '2026-06-20', '赵磊', 'home', 127);"
  "INSERT INTO care_evaluations (agreement_id, period_from, period_to, evaluated_on, satisfaction, neighbours, "
  "                              village, score, result, evaluator) VALUES "
  "  (1, '2026-02-01', '2026-04-30', '2026-05-05', 5, 3, 3, 100, 'pass', '王芳'), "
  "  (4, '2026-03-01', '2026-05-31', '2026-06-05', 2, 2, 1, 25, 'fail', '赵磊');";

/* What must not be in the file: ID numbers, phones, bank accounts. */
static const char * const secrets[] = {
  "370302194503020012", "370302194003020015", "370302195003020018", "370302194803020011",
  "370302197001010016", "370302197201010012", "370302196803020017", "13800000001", "13900000002",
  "6228480010000000011", "6228480010000000029", "370302194",
};

/* Prints what a test checks, one fact a line, tab-separated:
 *   sheets N NAME, freeze CELL, filter RANGE, titles ROWS, header TEXT,
 *   width COLUMN WIDTH, row CELL…, found SECRET (anywhere in the zip).
 * A cell that is not text shows as "\001TYPE". */
static const char read_back_py[] =
  "import sys, zipfile, openpyxl\n"
  "path = sys.argv[1]\n"
  "wb = openpyxl.load_workbook(path)\n"
  "ws = wb.worksheets[0]\n"
  "print('sheets', len(wb.worksheets), ws.title, sep='\\t')\n"
  "print('freeze', ws.freeze_panes, sep='\\t')\n"
  "print('filter', ws.auto_filter.ref, sep='\\t')\n"
  "print('titles', ws.print_title_rows, sep='\\t')\n"
  "print('header', ws.oddHeader.center.text, sep='\\t')\n"
  "for letter, dim in sorted(ws.column_dimensions.items()):\n"
  "    if dim.width: print('width', letter, int(dim.width), sep='\\t')\n"
  "def cell(v):\n"
  "    if v is None: return ''\n"
  "    if isinstance(v, str): return v\n"
  "    return '\\x01' + type(v).__name__\n"
  "for row in ws.iter_rows(values_only=True):\n"
  "    print('row', *[cell(v) for v in row], sep='\\t')\n"
  "with zipfile.ZipFile(path) as z:\n"
  "    text = b''.join(z.read(n) for n in z.namelist())\n"
  "for secret in sys.argv[2:]:\n"
  "    if secret.encode() in text: print('found', secret, sep='\\t')\n";

typedef struct
{
  char      *dir;
  JzDb      *db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("jz-test-care-export-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "care.db", NULL);
  f->db = jz_db_open (path, JZ_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  jz_db_exec (f->db, fixture_sql, &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        {
          g_chmod (child, 0700);
          remove_tree (child);
        }
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
  remove_tree (f->dir);
  g_free (f->dir);
}

static void
set_language (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
}

/* Whether the zh_CN catalogue of this build can be read; bound once. */
static gboolean
bind_build_catalogue (void)
{
  const char *build_root = g_getenv ("JZ_BUILD_ROOT");
  g_autofree char *localedir = NULL;
  g_autofree char *mo = NULL;

  if (build_root == NULL)
    return FALSE;

  localedir = g_build_filename (build_root, "po", NULL);
  mo = g_build_filename (localedir, "zh_CN", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    return FALSE;

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  return TRUE;
}

/* A fresh folder inside the fixture's. */
static char *
make_out_dir (Fixture *f)
{
  g_autofree char *dir = g_build_filename (f->dir, "out-XXXXXX", NULL);

  g_assert_nonnull (g_mkdtemp (dir));
  return g_steal_pointer (&dir);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @path, sorted and joined by blanks: "" for none. */
static char *
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

static GPtrArray *
list (Fixture      *f,
      JzCareFilter  filter)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *recipients = jz_care_list_recipients (f->db, NULL, filter, TODAY, &error);

  g_assert_no_error (error);
  g_assert_nonnull (recipients);
  return recipients;
}

/* The file read back by openpyxl: the lines of read_back_py, each split
 * at its tabs. */
static GPtrArray *
read_back (const char *path)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) split = NULL;
  int status = 0;

  g_ptr_array_add (argv, (char *) "/usr/bin/python3");
  g_ptr_array_add (argv, (char *) "-c");
  g_ptr_array_add (argv, (char *) read_back_py);
  g_ptr_array_add (argv, (char *) path);
  for (guint i = 0; i < G_N_ELEMENTS (secrets); i++)
    g_ptr_array_add (argv, (char *) secrets[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("openpyxl could not read %s: %s", path, err);

  split = g_strsplit (out, "\n", -1);
  for (guint i = 0; split[i] != NULL; i++)
    if (*split[i] != '\0')
      g_ptr_array_add (lines, g_strsplit (split[i], "\t", -1));

  return g_steal_pointer (&lines);
}

/* The fields after the key of the first line with @key. */
static const char * const *
find_line (GPtrArray  *lines,
           const char *key)
{
  for (guint i = 0; i < lines->len; i++)
    {
      char **fields = g_ptr_array_index (lines, i);

      if (g_str_equal (fields[0], key))
        return (const char * const *) fields + 1;
    }
  g_error ("openpyxl told no “%s”", key);
}

/* The first field after @key. */
static const char *
line_value (GPtrArray  *lines,
            const char *key)
{
  const char * const *fields = find_line (lines, key);

  if (fields[0] == NULL)
    g_error ("openpyxl told nothing for “%s”", key);
  return fields[0];
}

/* Cell @column of row @row (0: the header). */
static const char *
cell (GPtrArray *rows,
      guint      row,
      guint      column)
{
  const char * const *cells;

  g_assert_cmpuint (row, <, rows->len);
  cells = g_ptr_array_index (rows, row);
  for (guint c = 0; c < column; c++)
    if (cells == NULL || cells[c] == NULL)
      g_error ("row %u has %u cells only", row, c);
  if (cells == NULL || cells[column] == NULL)
    g_error ("row %u has %u cells only", row, column);
  return cells[column];
}

/* The rows (header first), each a NULL-terminated array of its cells. */
static GPtrArray *
rows_of (GPtrArray *lines)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (guint i = 0; i < lines->len; i++)
    {
      char **fields = g_ptr_array_index (lines, i);

      if (g_str_equal (fields[0], "row"))
        g_ptr_array_add (rows, fields + 1);
    }
  return rows;
}

static void
assert_row (const char * const *cells,
            const char * const *expected)
{
  g_autofree char *got = g_strjoinv ("|", (char **) cells);
  g_autofree char *want = g_strjoinv ("|", (char **) expected);

  g_assert_cmpstr (got, ==, want);
}

static void
assert_nothing_secret (GPtrArray *lines)
{
  for (guint i = 0; i < lines->len; i++)
    {
      char **fields = g_ptr_array_index (lines, i);

      if (g_str_equal (fields[0], "found"))
        g_error ("the file holds %s", fields[1]);
    }
}

static void
test_export_english (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) recipients = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_out_dir (f);
  g_autofree char *path = g_build_filename (dir, "care.xlsx", NULL);
  g_autofree char *names = NULL;
  const char * const *fields;
  static const char * const header[] = {
    "Name", "Township", "Village", "Care tier", "Agreement no.", "Agreement state", "Caregiver",
    "Last visit", "Next visit due", "Visit overdue", "Last evaluation date", "Evaluation result", NULL
  };
  static const char * const by_name[][13] = {
    { "王秀英", "柳河镇", "王家庄村", "Full care", "370302101-2026-0001", "In force", "李桂芝",
      "2026-06-10", "2026-07-10", "No", "2026-05-05", "Pass", NULL },
    { "李德明", "柳河镇", "王家庄村", "Self-care", "370302101-2025-0001", "Expiring", "王建军",
      "2026-04-30", "2026-05-30", "Yes", "", "", NULL },
    { "赵凤兰", "东岭镇", "东岭村", "Partial care", "", "No agreement", "",
      "", "2026-02-05", "Yes", "", "", NULL },
    { "孙广田", "东岭镇", "东岭村", "Self-care", "370302102-2026-0001", "In force", "王建军",
      "2026-06-20", "2026-07-20", "No", "2026-06-05", "Fail", NULL },
  };

  set_language ("en");
  recipients = list (f, JZ_CARE_FILTER_ALL);
  g_assert_cmpuint (recipients->len, ==, 4);

  g_assert_true (jz_xlsx_care_export (recipients, TODAY, path, &error));
  g_assert_no_error (error);

  /* Only the file: no temporary one left beside it. */
  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "care.xlsx");

  lines = read_back (path);
  assert_nothing_secret (lines);

  fields = find_line (lines, "sheets");
  g_assert_nonnull (fields);
  g_assert_cmpstr (fields[0], ==, "1");
  g_assert_cmpstr (fields[1], ==, "Care recipients");
  g_assert_cmpstr (line_value (lines, "freeze"), ==, "A2");
  g_assert_cmpstr (line_value (lines, "filter"), ==, "A1:L5");
  fields = find_line (lines, "titles");
  g_assert_true (g_strcmp0 (fields[0], "$1:$1") == 0 || g_strcmp0 (fields[0], "1:1") == 0);
  g_assert_cmpstr (line_value (lines, "header"), ==, "Dispersed extreme-poverty recipients on " TODAY);

  rows = rows_of (lines);
  g_assert_cmpuint (rows->len, ==, 5);
  assert_row (g_ptr_array_index (rows, 0), header);

  /* In the list's order, each row that recipient's. */
  for (guint i = 0; i < recipients->len; i++)
    {
      const JzCareRecipient *r = g_ptr_array_index (recipients, i);
      const char * const *cells = g_ptr_array_index (rows, i + 1);
      gboolean seen = FALSE;

      g_assert_cmpstr (cells[0], ==, r->name);
      for (guint k = 0; k < G_N_ELEMENTS (by_name); k++)
        if (g_str_equal (by_name[k][0], r->name))
          {
            assert_row (cells, by_name[k]);
            seen = TRUE;
          }
      g_assert_true (seen);
    }

  /* Every column set, wide enough for its header and its widest cell
   * (a CJK character counts two), none absurdly wide. */
  for (char letter = 'A'; letter <= 'L'; letter++)
    {
      char key[2] = { letter, '\0' };
      gboolean found = FALSE;

      for (guint i = 0; i < lines->len; i++)
        {
          char **w = g_ptr_array_index (lines, i);
          gint64 width;

          if (!g_str_equal (w[0], "width") || !g_str_equal (w[1], key))
            continue;
          found = TRUE;
          width = g_ascii_strtoll (w[2], NULL, 10);
          g_assert_cmpint (width, >=, 6);
          g_assert_cmpint (width, <=, 40);
          if (letter == 'E')   /* "370302101-2026-0001" */
            g_assert_cmpint (width, >=, 19);
          if (letter == 'K')   /* "Last evaluation date" */
            g_assert_cmpint (width, >=, 20);
        }
      g_assert_true (found);
    }
}

static void
test_export_filtered (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) recipients = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_out_dir (f);
  g_autofree char *path = g_build_filename (dir, "overdue.xlsx", NULL);

  set_language ("en");
  recipients = list (f, JZ_CARE_FILTER_VISIT_OVERDUE);
  g_assert_cmpuint (recipients->len, ==, 2);

  g_assert_true (jz_xlsx_care_export (recipients, TODAY, path, &error));
  g_assert_no_error (error);

  lines = read_back (path);
  rows = rows_of (lines);
  g_assert_cmpuint (rows->len, ==, 3);
  for (guint i = 1; i < rows->len; i++)
    g_assert_cmpstr (cell (rows, i, 9), ==, "Yes");
  g_assert_cmpstr (line_value (lines, "filter"), ==, "A1:L3");
}

static void
test_export_empty (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) recipients = g_ptr_array_new_with_free_func ((GDestroyNotify) jz_care_recipient_free);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_out_dir (f);
  g_autofree char *path = g_build_filename (dir, "none.xlsx", NULL);

  set_language ("en");
  g_assert_true (jz_xlsx_care_export (recipients, TODAY, path, &error));
  g_assert_no_error (error);

  lines = read_back (path);
  rows = rows_of (lines);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (cell (rows, 0, 0), ==, "Name");
  g_assert_cmpstr (line_value (lines, "freeze"), ==, "A2");
  g_assert_cmpstr (line_value (lines, "filter"), ==, "A1:L1");
}

static void
test_export_chinese (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) recipients = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_out_dir (f);
  g_autofree char *path = g_build_filename (dir, "照料.xlsx", NULL);
  const char * const *header;
  static const char * const chinese_header[] = {
    "姓名", "乡镇（街道）", "村（社区）", "照料等级", "协议编号", "协议状态", "照料护理人",
    "最近探访", "下次应探访", "探访逾期", "最近评价日期", "评价结果", NULL
  };

  if (!bind_build_catalogue ())
    {
      g_test_skip ("the zh_CN catalogue of this build is not there");
      return;
    }

  set_language ("zh_CN");
  recipients = list (f, JZ_CARE_FILTER_ALL);
  g_assert_true (jz_xlsx_care_export (recipients, TODAY, path, &error));
  g_assert_no_error (error);

  lines = read_back (path);
  assert_nothing_secret (lines);
  rows = rows_of (lines);
  g_assert_cmpuint (rows->len, ==, 5);

  /* The labels in the words of the window. */
  for (guint i = 0; i < recipients->len; i++)
    {
      const JzCareRecipient *r = g_ptr_array_index (recipients, i);
      const char * const *cells = g_ptr_array_index (rows, i + 1);

      g_assert_cmpstr (cells[3], ==, jz_care_tier_label (r->tier));
      g_assert_false (g_str_is_ascii (cells[3]));
      if (r->agreement_id != 0)
        {
          g_assert_cmpstr (cells[5], ==, jz_care_state_label (r->state));
          g_assert_false (g_str_is_ascii (cells[5]));
        }
      if (r->last_evaluation_result != NULL)
        g_assert_cmpstr (cells[11], ==, jz_care_result_label (r->last_evaluation_result));
    }

  header = g_ptr_array_index (rows, 0);
  if (g_str_equal (header[0], "Name"))
    {
      /* The new column titles wait for their translation. */
      g_test_incomplete ("the zh_CN catalogue has no care export column titles yet");
      set_language ("en");
      return;
    }
  assert_row (header, chinese_header);
  for (guint i = 0; i < recipients->len; i++)
    {
      const JzCareRecipient *r = g_ptr_array_index (recipients, i);
      const char * const *cells = g_ptr_array_index (rows, i + 1);

      g_assert_cmpstr (cells[9], ==, r->visit_overdue ? "是" : "否");
      if (r->agreement_id == 0)
        g_assert_cmpstr (cells[5], ==, "无协议");
    }

  set_language ("en");
}

static void
test_export_replaces (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) recipients = list (f, JZ_CARE_FILTER_ALL);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_out_dir (f);
  g_autofree char *path = g_build_filename (dir, "care.xlsx", NULL);
  g_autofree char *names = NULL;

  g_file_set_contents (path, "old", -1, &error);
  g_assert_no_error (error);

  g_assert_true (jz_xlsx_care_export (recipients, TODAY, path, &error));
  g_assert_no_error (error);

  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "care.xlsx");
  lines = read_back (path);
  rows = rows_of (lines);
  g_assert_cmpuint (rows->len, ==, 5);
}

static void
test_export_missing_folder (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) recipients = list (f, JZ_CARE_FILTER_ALL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_out_dir (f);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", NULL);
  g_autofree char *path = g_build_filename (missing, "care.xlsx", NULL);
  g_autofree char *names = NULL;

  g_assert_false (jz_xlsx_care_export (recipients, TODAY, path, &error));
  g_assert_error (error, JZ_XLSX_EXPORT_ERROR, JZ_XLSX_EXPORT_ERROR_FOLDER);
  /* One sentence naming the folder, and nothing about the people. */
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
  g_assert_null (strstr (error->message, "王秀英"));

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "");
}

static void
test_export_onto_folder (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) recipients = list (f, JZ_CARE_FILTER_ALL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_out_dir (f);
  g_autofree char *target = g_build_filename (dir, "care.xlsx", NULL);
  g_autofree char *names = NULL;

  g_assert_cmpint (g_mkdir (target, 0700), ==, 0);

  g_assert_false (jz_xlsx_care_export (recipients, TODAY, target, &error));
  g_assert_error (error, JZ_XLSX_EXPORT_ERROR, JZ_XLSX_EXPORT_ERROR_TARGET);

  g_assert_true (g_file_test (target, G_FILE_TEST_IS_DIR));
  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "care.xlsx");
}

static void
test_export_read_only_folder (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) recipients = list (f, JZ_CARE_FILTER_ALL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_out_dir (f);
  g_autofree char *path = g_build_filename (dir, "care.xlsx", NULL);
  g_autofree char *names = NULL;

  /* root writes anywhere. */
  if (geteuid () == 0)
    {
      g_test_skip ("running as root: a read-only folder is writable");
      return;
    }

  g_assert_cmpint (g_chmod (dir, 0500), ==, 0);
  g_assert_false (jz_xlsx_care_export (recipients, TODAY, path, &error));
  g_assert_error (error, JZ_XLSX_EXPORT_ERROR, JZ_XLSX_EXPORT_ERROR_FOLDER);
  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);

  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "");
}

int
main (int    argc,
      char **argv)
{
  /* LANGUAGE is honoured in a locale other than "C". */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/care-export/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("english", test_export_english);
  ADD ("filtered", test_export_filtered);
  ADD ("empty", test_export_empty);
  ADD ("chinese", test_export_chinese);
  ADD ("replaces", test_export_replaces);
  ADD ("missing-folder", test_export_missing_folder);
  ADD ("onto-folder", test_export_onto_folder);
  ADD ("read-only-folder", test_export_read_only_folder);

#undef ADD

  return g_test_run ();
}
