/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "jz-db-private.h"
#include "jz-labels.h"
#include "jz-roll.h"
#include "jz-user.h"
#include "jz-xlsx-roll.h"

/* The bank file of a payment roll, read back with openpyxl (DESIGN §7):
 * a sheet per township, the summary, every line with its ID number and
 * account as text, amounts and totals from the integer fen, the printed
 * page; the failures leave nothing; a role without exports is refused. */

/* Urban dibao 800.00 (900.00 from June 2026), rural 600.00.  Three
 * townships:
 *   柳河镇: 王家庄村 (…201) 王建国 (wage 300.00) and 李秀英 (wage 500.00,
 *     an ID ending in X, an account starting with 0); 李家村 (…202)
 *     赵凤兰 (urban) and 吴新民 (rural);
 *   东岭镇: 东岭村 孙广田, an 18-digit account;
 *   a development zone whose name Excel refuses as a sheet name and that
 *   is longer than 31 characters: 周建华, no bank account on file;
 *   another whose name differs from it only after 31 characters: 郑桂芳. */
static const char fixture_sql[] =
  "INSERT INTO regions (id, parent_id, level, kind, code, name) VALUES "
  "  (1, NULL, 'district', 'district', '370302', '青禾区'), "
  "  (2, 1, 'township', 'town', '370302101', '柳河镇'), "
  "  (3, 2, 'village', 'village', '370302101201', '王家庄村'), "
  "  (4, 2, 'village', 'village', '370302101202', '李家村'), "
  "  (5, 1, 'township', 'town', '370302102', '东岭镇'), "
  "  (6, 5, 'village', 'village', '370302102201', '东岭村'), "
  "  (7, 1, 'township', 'town', '370302103', '经济技术开发区[东区]/管委会:甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未'), "
  "  (8, 7, 'village', 'village', '370302103201', '开发区社区'), "
  "  (9, 1, 'township', 'town', '370302104', '经济技术开发区[东区]/管委会:甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申'), "
  "  (10, 9, 'village', 'village', '370302104201', '西区社区'); "
  "INSERT INTO households (id, region_id, hukou, opened_on, bank, bank_account) VALUES "
  "  (1, 3, 'urban', '2020-01-01', '农业银行', '6228480010000000011'), "
  "  (2, 3, 'urban', '2020-01-01', '邮储银行', '0123456789012345678'), "
  "  (3, 4, 'urban', '2020-01-01', '工商银行', '6222020010000000033'), "
  "  (4, 6, 'urban', '2020-01-01', '建设银行', '621700001000000004'), "
  "  (5, 8, 'urban', '2020-01-01', '', ''), "
  "  (6, 4, 'rural', '2020-01-01', '农村商业银行', '6228480010000000088'), "
  "  (7, 10, 'urban', '2020-01-01', '农业银行', '6228480010000000077'); "
  "INSERT INTO persons (id, household_id, name, id_number, relation, sex, birth_date) VALUES "
  "  (1, 1, '王建国', '370302197003020011', 'head', 'M', '1970-03-02'), "
  "  (2, 2, '李秀英', '37030219720302002X', 'head', 'F', '1972-03-02'), "
  "  (3, 3, '赵凤兰', '370302197403020033', 'head', 'F', '1974-03-02'), "
  "  (4, 4, '孙广田', '370302197503020044', 'head', 'M', '1975-03-02'), "
  "  (5, 5, '周建华', '370302196803020066', 'head', 'M', '1968-03-02'), "
  "  (6, 6, '吴新民', '370302198003020088', 'head', 'M', '1980-03-02'), "
  "  (7, 7, '郑桂芳', '370302199001010077', 'head', 'F', '1990-01-01'); "
  "UPDATE households SET head_person_id = id; "
  "INSERT INTO incomes (person_id, kind, monthly_amount) VALUES (1, 'wage', 30000), (2, 'wage', 50000), "
  "  (5, 'wage', 12345); "
  "INSERT INTO standards (kind, hukou, amount, rate_bp, effective_from) VALUES "
  "  ('dibao', 'urban', 80000, NULL, '2020-01-01'), ('dibao', 'urban', 90000, NULL, '2026-06-01'), "
  "  ('dibao', 'rural', 60000, NULL, '2020-01-01'), "
  "  ('increment_elderly_pct', NULL, NULL, 1000, '2020-01-01'), "
  "  ('increment_minor_pct', NULL, NULL, 1000, '2020-01-01'), "
  "  ('increment_severe_disability_pct', NULL, NULL, 2000, '2020-01-01'), "
  "  ('increment_severe_illness_pct', NULL, NULL, 2000, '2020-01-01'), "
  "  ('increment_sanwu_pct', NULL, NULL, 3000, '2020-01-01'), "
  "  ('gradual_exit_months', NULL, 3, NULL, '2020-01-01'); "
  "INSERT INTO cases (id, household_id, program, status, applied_on, decided_on, starts_on, persons, monthly_amount) VALUES "
  "  (1, 1, 'dibao_urban', 'active', '2025-01-02', '2025-01-20', '2025-02-01', 1, 0), "
  "  (2, 2, 'dibao_urban', 'active', '2025-01-02', '2025-01-20', '2025-02-01', 1, 0), "
  "  (3, 3, 'dibao_urban', 'active', '2025-01-02', '2025-01-20', '2025-02-01', 1, 0), "
  "  (4, 4, 'dibao_urban', 'active', '2025-01-02', '2025-01-20', '2025-02-01', 1, 0), "
  "  (5, 5, 'dibao_urban', 'active', '2025-01-02', '2025-01-20', '2025-02-01', 1, 0), "
  "  (6, 6, 'dibao_rural', 'active', '2025-01-02', '2025-01-20', '2025-02-01', 1, 0), "
  "  (7, 7, 'dibao_urban', 'active', '2025-01-02', '2025-01-20', '2025-02-01', 1, 0);";

#define PROGRAMS       "dibao_urban,dibao_rural"
#define LONG_NAME      "经济技术开发区[东区]/管委会:甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未"
#define LONG_SHEET     "经济技术开发区_东区__管委会_甲乙丙丁戊己庚辛壬癸子丑寅卯辰"
#define LONG_SHEET_2   "经济技术开发区_东区__管委会_甲乙丙丁戊己庚辛壬癸子 (2)"
#define BACK_REMARK    "Back-payment. Back-payment for 2026-05: the amount was corrected after the roll was locked"

/* Prints, one fact a line, tab-separated: sheet I NAME, freeze I CELL,
 * titles I ROWS, filter I RANGE, page I ORIENTATION PAPER FIT-WIDTH
 * FIT-HEIGHT FIT-TO-PAGE, header I LEFT RIGHT, footer I LEFT RIGHT, then
 * row I CELL… for every row.  A text cell shows as itself, or "!TEXT"
 * when openpyxl does not read it as a string (data_type 's'); an amount
 * ("#,##0.00") as "¥FEN" when the double is exactly that many fen, a
 * count ("0") as "#N"; anything else as "?TYPE:VALUE|FORMAT". */
static const char xlsx_py[] =
  "import sys, openpyxl\n"
  "from decimal import Decimal\n"
  "wb = openpyxl.load_workbook(sys.argv[1])\n"
  "def cell(c):\n"
  "    v = c.value\n"
  "    if v is None: return ''\n"
  "    if isinstance(v, str): return v if c.data_type == 's' else '!' + v\n"
  "    if c.number_format == '#,##0.00' and isinstance(v, (int, float)):\n"
  "        d = Decimal(repr(float(v))) * 100\n"
  "        if d == d.to_integral_value(): return '\\u00a5%d' % int(d)\n"
  "    if c.number_format == '0' and isinstance(v, (int, float)) and float(v).is_integer(): return '#%d' % int(v)\n"
  "    return '?%s:%r|%s' % (type(v).__name__, v, c.number_format)\n"
  "for i, ws in enumerate(wb.worksheets):\n"
  "    ps = ws.page_setup\n"
  "    fit = ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr else None\n"
  "    width = 1 if ps.fitToWidth is None else ps.fitToWidth\n"
  "    print('sheet', i, ws.title, sep='\\t')\n"
  "    print('freeze', i, ws.freeze_panes, sep='\\t')\n"
  "    print('titles', i, ws.print_title_rows, sep='\\t')\n"
  "    print('filter', i, ws.auto_filter.ref, sep='\\t')\n"
  "    print('page', i, ps.orientation, ps.paperSize, width, ps.fitToHeight, fit, sep='\\t')\n"
  "    print('header', i, ws.oddHeader.left.text or '', ws.oddHeader.right.text or '', sep='\\t')\n"
  "    print('footer', i, ws.oddFooter.left.text or '', ws.oddFooter.right.text or '', sep='\\t')\n"
  "    for row in ws.iter_rows():\n"
  "        print('row', i, *[cell(c) for c in row], sep='\\t')\n";

typedef struct
{
  char   *dir;
  JzDb   *db;
  gint64  may;
  gint64  june;
} Fixture;

static JzUser *
user_with_role (const char *name,
                JzRole      role)
{
  JzUser *user = jz_user_new ();

  user->name = g_strdup (name);
  user->role = role;
  user->active = TRUE;
  return user;
}

/* May locked; a back-dated review of 李秀英's wage, so that June pays
 * May's difference back; June generated (a draft). */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("jz-test-roll-export-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "r.db", NULL);
  f->db = jz_db_open (path, JZ_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  jz_db_set_user_name (f->db, "clerk-a");
  g_assert_true (jz_db_exec (f->db, fixture_sql, &error));
  g_assert_no_error (error);

  f->may = jz_roll_generate (f->db, NULL, PROGRAMS, "2026-05", 0, &error);
  g_assert_no_error (error);
  g_assert_true (jz_roll_check (f->db, NULL, f->may, &error));
  g_assert_true (jz_roll_lock (f->db, NULL, f->may, &error));
  g_assert_no_error (error);

  /* A review recorded after May was locked, in force from 1 May. */
  g_assert_true (jz_db_exec (f->db, "UPDATE incomes SET monthly_amount = 40000 WHERE person_id = 2", &error));
  g_assert_true (jz_db_exec (f->db,
                             "INSERT INTO case_history (case_id, on_date, status, monthly_amount, note, user_name, "
                             "                          from_status, at) "
                             "VALUES (2, '2026-05-01', 'active', 40000, '复核', 'clerk-a', 'active', "
                             "        strftime ('%Y-%m-%dT%H:%M:%fZ', 'now', '+1 second'))",
                             &error));
  g_assert_no_error (error);
  f->june = jz_roll_generate (f->db, NULL, PROGRAMS, "2026-06", 0, &error);
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
        remove_tree (child);
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

/* --- reading back --------------------------------------------------------------- */

/* The lines the script prints, each split at its tabs. */
static GPtrArray *
read_back (const char *path)
{
  const char *argv[] = { "/usr/bin/python3", "-c", xlsx_py, path, NULL };
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) split = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("Python could not read %s: %s", path, err);

  split = g_strsplit (out, "\n", -1);
  for (guint i = 0; split[i] != NULL; i++)
    if (*split[i] != '\0')
      g_ptr_array_add (lines, g_strsplit (split[i], "\t", -1));

  return g_steal_pointer (&lines);
}

/* The fields after "KEY SHEET" of the first such line, joined by "|". */
static char *
fact (GPtrArray  *lines,
      const char *key,
      guint       sheet)
{
  char index[16];

  g_snprintf (index, sizeof index, "%u", sheet);
  for (guint i = 0; i < lines->len; i++)
    {
      char **fields = g_ptr_array_index (lines, i);

      if (g_str_equal (fields[0], key) && fields[1] != NULL && g_str_equal (fields[1], index))
        return g_strjoinv ("|", fields + 2);
    }
  g_error ("the script told no “%s” for sheet %u", key, sheet);
}

static guint
count_key (GPtrArray  *lines,
           const char *key)
{
  guint n = 0;

  for (guint i = 0; i < lines->len; i++)
    if (g_str_equal (((char **) g_ptr_array_index (lines, i))[0], key))
      n++;
  return n;
}

/* The rows of sheet @sheet, each its cells joined by "|". */
static GPtrArray *
sheet_rows (GPtrArray *lines,
            guint      sheet)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  char index[16];

  g_snprintf (index, sizeof index, "%u", sheet);
  for (guint i = 0; i < lines->len; i++)
    {
      char **fields = g_ptr_array_index (lines, i);

      if (g_str_equal (fields[0], "row") && g_str_equal (fields[1], index))
        g_ptr_array_add (rows, g_strjoinv ("|", fields + 2));
    }
  return rows;
}

/* --- what the file should say --------------------------------------------------- */

static char *
amount_cell (gint64 fen)
{
  return g_strdup_printf ("¥%" G_GINT64_FORMAT, fen);
}

static char *
remark_of (const JzRollBankLine *line)
{
  if (g_str_equal (line->kind, "back_payment"))
    {
      g_assert_cmpstr (line->reason, ==, "Back-payment for 2026-05: the amount was corrected after the roll was locked");
      return g_strdup (BACK_REMARK);
    }
  g_assert_cmpstr (line->kind, ==, "regular");
  if (*line->bank_account == '\0')
    return g_strdup ("No bank account on file.");
  return g_strdup ("");
}

/* The row of the @n-th line of a sheet, as the script shows it. */
static char *
line_row (guint                 n,
          const JzRollBankLine *line)
{
  g_autofree char *amount = amount_cell (line->amount);
  g_autofree char *remark = remark_of (line);

  return g_strdup_printf ("#%u|%s|%s|%s|%s|%s|%s|%s|%s", n, line->holder, line->id_number, line->bank,
                          line->bank_account, amount, line->village_name,
                          jz_labels_value (JZ_FIELD_PROGRAM, line->program), remark);
}

static GPtrArray *
bank_lines (Fixture *f,
            gint64   roll_id)
{
  g_autoptr(JzUser) reviewer = user_with_role ("reviewer-a", JZ_ROLE_REVIEWER);
  g_autoptr(GError) error = NULL;
  GPtrArray *lines = jz_roll_bank_lines (f->db, reviewer, roll_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (lines);
  return lines;
}

static void
assert_page_setup (GPtrArray  *facts,
                   guint       sheet,
                   const char *filter)
{
  g_autofree char *freeze = fact (facts, "freeze", sheet);
  g_autofree char *titles = fact (facts, "titles", sheet);
  g_autofree char *got_filter = fact (facts, "filter", sheet);
  g_autofree char *page = fact (facts, "page", sheet);
  g_autofree char *header = fact (facts, "header", sheet);
  g_autofree char *footer = fact (facts, "footer", sheet);

  /* Five rows above the lines: title, period, place, state, header. */
  g_assert_cmpstr (freeze, ==, "A6");
  g_assert_cmpstr (titles, ==, "$5:$5");
  g_assert_cmpstr (got_filter, ==, filter);
  g_assert_cmpstr (page, ==, "landscape|9|1|0|True");
  g_assert_cmpstr (header, ==, "Payment roll: Urban dibao, Rural dibao|Period: 2026-06, 2026-06-01 to 2026-06-30");
  g_assert_true (g_str_has_prefix (footer, "Roll no. "));
  g_assert_true (g_str_has_suffix (footer, "|&P / &N"));
}

/* --- tests ---------------------------------------------------------------------- */

static void
test_bank_file (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzRoll) roll = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) facts = NULL;
  g_autofree char *dir = make_out_dir (f);
  g_autofree char *path = g_build_filename (dir, "发放名册.xlsx", NULL);
  g_autofree char *names = NULL;
  g_autofree char *state = NULL;
  const char *townships[] = { "柳河镇", "东岭镇", LONG_NAME, LONG_NAME "申" };
  const char *sheets[] = { "柳河镇", "东岭镇", LONG_SHEET, LONG_SHEET_2 };
  const char *filters[] = { "A5:I10", "A5:I6", "A5:I6", "A5:I6" };
  guint line_index = 0;
  guint back_payments = 0;
  gint64 grand = 0;

  g_assert_true (jz_roll_check (f->db, NULL, f->june, &error));
  g_assert_true (jz_roll_lock (f->db, NULL, f->june, &error));
  g_assert_no_error (error);
  roll = jz_roll_get (f->db, f->june, &error);
  g_assert_no_error (error);
  lines = bank_lines (f, f->june);

  /* 600.00, 500.00, 900.00, 900.00, 776.55 and 900.00 urban; 600.00
   * rural; May's 100.00 back to 李秀英. */
  g_assert_cmpuint (lines->len, ==, 8);
  g_assert_cmpuint (roll->lines, ==, 8);
  g_assert_cmpint (roll->total, ==, 60000 + 50000 + 90000 + 90000 + 77655 + 90000 + 60000 + 10000);

  g_assert_true (jz_xlsx_roll_export (roll, lines, path, &error));
  g_assert_no_error (error);
  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "发放名册.xlsx");

  facts = read_back (path);
  g_assert_cmpuint (count_key (facts, "sheet"), ==, 5);
  state = g_strdup_printf ("Roll no. %" G_GINT64_FORMAT ", locked.||||||||", f->june);

  for (guint s = 0; s < G_N_ELEMENTS (townships); s++)
    {
      g_autofree char *name = fact (facts, "sheet", s);
      g_autofree char *place = g_strdup_printf ("Place: %s||||||||", townships[s]);
      g_autoptr(GPtrArray) rows = sheet_rows (facts, s);
      guint n = 0;
      gint64 fen = 0;

      g_assert_cmpstr (name, ==, sheets[s]);
      g_assert_cmpuint (g_utf8_strlen (name, -1), <=, 31);
      g_assert_null (strpbrk (name, "[]:*?/\\"));
      assert_page_setup (facts, s, filters[s]);

      g_assert_cmpstr (g_ptr_array_index (rows, 0), ==, "Payment roll: Urban dibao, Rural dibao||||||||");
      g_assert_cmpstr (g_ptr_array_index (rows, 1), ==, "Period: 2026-06, 2026-06-01 to 2026-06-30||||||||");
      g_assert_cmpstr (g_ptr_array_index (rows, 2), ==, place);
      g_assert_cmpstr (g_ptr_array_index (rows, 3), ==, state);
      g_assert_cmpstr (g_ptr_array_index (rows, 4), ==,
                       "No.|Account holder|ID number|Bank|Account number|Amount (yuan)|Village|Program|Remarks");

      /* Every line of the township, in the roll's order, each cell as
       * written: IDs and accounts as strings with all their digits. */
      for (guint r = 5; r + 1 < rows->len; r++)
        {
          const JzRollBankLine *line = g_ptr_array_index (lines, line_index++);
          g_autofree char *want = line_row (++n, line);

          g_assert_cmpstr (line->township_name, ==, townships[s]);
          g_assert_cmpstr (g_ptr_array_index (rows, r), ==, want);
          g_assert_cmpuint (strlen (line->id_number), ==, 18);
          fen += line->amount;
          back_payments += g_str_equal (line->kind, "back_payment");
        }

      /* The total, from the integer sum. */
      {
        g_autofree char *amount = amount_cell (fen);
        g_autofree char *total = g_strdup_printf ("Total: %u line%s|||||%s|||", n, n == 1 ? "" : "s", amount);

        g_assert_cmpuint (n, >, 0);
        g_assert_cmpstr (g_ptr_array_index (rows, rows->len - 1), ==, total);
      }
      grand += fen;
    }
  g_assert_cmpuint (line_index, ==, lines->len);
  g_assert_cmpuint (back_payments, ==, 1);
  g_assert_cmpint (grand, ==, roll->total);

  /* The cells a bank checks, written out: an ID ending in X, an account
   * starting with 0, an 18-digit account, the back-payment's remark, the
   * line that cannot be paid. */
  {
    g_autoptr(GPtrArray) liuhe = sheet_rows (facts, 0);
    g_autoptr(GPtrArray) dongling = sheet_rows (facts, 1);
    g_autoptr(GPtrArray) zone = sheet_rows (facts, 2);

    g_assert_cmpstr (g_ptr_array_index (liuhe, 5), ==,
                     "#1|李秀英|37030219720302002X|邮储银行|0123456789012345678|¥50000|王家庄村|Urban dibao|");
    g_assert_cmpstr (g_ptr_array_index (liuhe, 6), ==,
                     "#2|李秀英|37030219720302002X|邮储银行|0123456789012345678|¥10000|王家庄村|Urban dibao|" BACK_REMARK);
    g_assert_cmpstr (g_ptr_array_index (liuhe, 10), ==, "Total: 5 lines|||||¥270000|||");
    g_assert_cmpstr (g_ptr_array_index (dongling, 5), ==,
                     "#1|孙广田|370302197503020044|建设银行|621700001000000004|¥90000|东岭村|Urban dibao|");
    g_assert_cmpstr (g_ptr_array_index (zone, 5), ==,
                     "#1|周建华|370302196803020066|||¥77655|开发区社区|Urban dibao|No bank account on file.");
  }

  /* The summary: program by township, then the grand total. */
  {
    g_autofree char *name = fact (facts, "sheet", 4);
    g_autoptr(GPtrArray) rows = sheet_rows (facts, 4);
    g_autofree char *total = g_strdup_printf ("Total||#%u|¥%" G_GINT64_FORMAT, roll->lines, roll->total);
    const char *expected[] = {
      "Payment roll: Urban dibao, Rural dibao|||",
      "Period: 2026-06, 2026-06-01 to 2026-06-30|||",
      "Place: the whole district|||",
      NULL,
      "Program|Township|Lines|Amount (yuan)",
      "Urban dibao|柳河镇|#4|¥210000",
      "Urban dibao|东岭镇|#1|¥90000",
      "Urban dibao|" LONG_NAME "|#1|¥77655",
      "Urban dibao|" LONG_NAME "申|#1|¥90000",
      "Rural dibao|柳河镇|#1|¥60000",
      total,
    };
    g_autofree char *filter = fact (facts, "filter", 4);
    g_autofree char *freeze = fact (facts, "freeze", 4);
    g_autofree char *titles = fact (facts, "titles", 4);

    g_assert_cmpstr (name, ==, "Summary");
    g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (expected));
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      if (expected[i] != NULL)
        g_assert_cmpstr (g_ptr_array_index (rows, i), ==, expected[i]);
    g_assert_cmpstr (total, ==, "Total||#8|¥527655");
    g_assert_cmpstr (filter, ==, "A5:D10");
    g_assert_cmpstr (freeze, ==, "A6");
    g_assert_cmpstr (titles, ==, "$5:$5");
  }

  /* Again over the same name: replaced whole, nothing left beside it. */
  g_assert_true (jz_xlsx_roll_export (roll, lines, path, &error));
  g_assert_no_error (error);
  g_clear_pointer (&names, g_free);
  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "发放名册.xlsx");
}

/* A roll not locked says on every sheet that it is not for payment. */
static void
test_draft (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzRoll) roll = jz_roll_get (f->db, f->june, &error);
  g_autoptr(GPtrArray) lines = bank_lines (f, f->june);
  g_autoptr(GPtrArray) facts = NULL;
  g_autofree char *dir = make_out_dir (f);
  g_autofree char *path = g_build_filename (dir, "draft.xlsx", NULL);
  g_autofree char *state = NULL;

  g_assert_cmpstr (roll->status, ==, "draft");
  g_assert_true (jz_xlsx_roll_export (roll, lines, path, &error));
  g_assert_no_error (error);
  facts = read_back (path);
  state = g_strdup_printf ("Roll no. %" G_GINT64_FORMAT ", not locked yet: not for payment.", f->june);
  for (guint s = 0; s < 5; s++)
    {
      g_autoptr(GPtrArray) rows = sheet_rows (facts, s);

      g_assert_true (g_str_has_prefix (g_ptr_array_index (rows, 3), state));
    }
}

/* A roll with no lines: the summary alone, a total of nothing. */
static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzRoll) roll = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) facts = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *dir = make_out_dir (f);
  g_autofree char *path = g_build_filename (dir, "empty.xlsx", NULL);
  g_autofree char *name = NULL;
  gint64 id;

  /* Nobody in 东岭镇 is paid child living allowance. */
  id = jz_roll_generate (f->db, NULL, "child_living", "2026-06", 5, &error);
  g_assert_no_error (error);
  roll = jz_roll_get (f->db, id, &error);
  lines = bank_lines (f, id);
  g_assert_cmpuint (lines->len, ==, 0);

  g_assert_true (jz_xlsx_roll_export (roll, lines, path, &error));
  g_assert_no_error (error);
  facts = read_back (path);
  g_assert_cmpuint (count_key (facts, "sheet"), ==, 1);
  name = fact (facts, "sheet", 0);
  g_assert_cmpstr (name, ==, "Summary");
  rows = sheet_rows (facts, 0);
  g_assert_cmpstr (g_ptr_array_index (rows, 2), ==, "Place: 东岭镇|||");
  g_assert_cmpstr (g_ptr_array_index (rows, rows->len - 1), ==, "Total||#0|¥0");
}

/* Lines that do not add up to the roll are no bank file. */
static void
test_mismatch (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzRoll) roll = jz_roll_get (f->db, f->june, &error);
  g_autoptr(GPtrArray) lines = bank_lines (f, f->june);
  g_autofree char *dir = make_out_dir (f);
  g_autofree char *path = g_build_filename (dir, "bad.xlsx", NULL);
  g_autofree char *names = NULL;

  roll->total += 1;
  g_assert_false (jz_xlsx_roll_export (roll, lines, path, &error));
  g_assert_error (error, JZ_XLSX_EXPORT_ERROR, JZ_XLSX_EXPORT_ERROR_FAILED);
  roll->total -= 1;
  g_clear_error (&error);

  g_ptr_array_remove_index (lines, 0);
  g_assert_false (jz_xlsx_roll_export (roll, lines, path, &error));
  g_assert_error (error, JZ_XLSX_EXPORT_ERROR, JZ_XLSX_EXPORT_ERROR_FAILED);

  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "");
}

static void
test_missing_folder (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzRoll) roll = jz_roll_get (f->db, f->june, &error);
  g_autoptr(GPtrArray) lines = bank_lines (f, f->june);
  g_autofree char *dir = make_out_dir (f);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", NULL);
  g_autofree char *path = g_build_filename (missing, "roll.xlsx", NULL);
  g_autofree char *names = NULL;

  g_assert_false (jz_xlsx_roll_export (roll, lines, path, &error));
  g_assert_error (error, JZ_XLSX_EXPORT_ERROR, JZ_XLSX_EXPORT_ERROR_FOLDER);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
  g_assert_null (strstr (error->message, "李秀英"));
  g_assert_null (strstr (error->message, "0123456789"));

  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "");
}

static void
test_onto_folder (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzRoll) roll = jz_roll_get (f->db, f->june, &error);
  g_autoptr(GPtrArray) lines = bank_lines (f, f->june);
  g_autofree char *dir = make_out_dir (f);
  g_autofree char *path = g_build_filename (dir, "roll.xlsx", NULL);
  g_autofree char *names = NULL;

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  g_assert_false (jz_xlsx_roll_export (roll, lines, path, &error));
  g_assert_error (error, JZ_XLSX_EXPORT_ERROR, JZ_XLSX_EXPORT_ERROR_TARGET);
  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "roll.xlsx");
}

/* Leaders read everything but export no personal data; reviewers do. */
static void
test_permission (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzUser) leader = user_with_role ("leader-a", JZ_ROLE_LEADER);
  g_autoptr(JzUser) reviewer = user_with_role ("reviewer-a", JZ_ROLE_REVIEWER);
  g_autoptr(GPtrArray) refused = NULL;
  g_autoptr(GPtrArray) allowed = NULL;

  g_assert_false (jz_user_can (leader, JZ_PERMISSION_EXPORT, -1));
  g_assert_true (jz_user_can (reviewer, JZ_PERMISSION_EXPORT, -1));

  refused = jz_roll_bank_lines (f->db, leader, f->june, &error);
  g_assert_null (refused);
  g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_DENIED);
  g_assert_null (strstr (error->message, "370302"));
  g_clear_error (&error);

  allowed = jz_roll_bank_lines (f->db, reviewer, f->june, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (allowed->len, ==, 8);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/roll-export/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("bank-file", test_bank_file);
  ADD ("draft", test_draft);
  ADD ("empty", test_empty);
  ADD ("mismatch", test_mismatch);
  ADD ("missing-folder", test_missing_folder);
  ADD ("onto-folder", test_onto_folder);
  ADD ("permission", test_permission);

#undef ADD

  return g_test_run ();
}
