/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "jz-db-private.h"
#include "jz-disclosure.h"
#include "jz-html-disclosure.h"
#include "jz-labels.h"
#include "jz-office.h"
#include "jz-xlsx-disclosure.h"

/* The disclosure list (公示) written as .xlsx and as a web page, read
 * back with openpyxl and Python's HTML parser (DESIGN §7), and searched
 * for anything a public list must not hold. */

/* Two townships.  柳河镇: 王家庄村 (…201) and 李&<家>村 (…202), whose
 * name has characters HTML must escape; 东岭镇: another 王家庄村, so that
 * two sheets want one name, and a village whose name has characters
 * Excel refuses in a sheet name.
 *   cases 1–2, 7 in 王家庄村: 王建国 (2 persons, 980.00), 欧阳明华
 *     (450.50), 孙广田 (200.00, ended on 15 June);
 *   case 3 in 李&<家>村: 赵凤兰, tekun (1,600.00); case 6 there: 吴新民,
 *     an application noticed from 10 June;
 *   case 4 in 东岭镇's 王家庄村: 周建华 (500.00);
 *   case 5 in 东岭[一]:村/组: 郑桂芳 (123.45).
 * The files hold addresses, phones, bank accounts, a disability and an
 * illness that no list may show. */
static const char fixture_sql[] =
  "INSERT INTO regions (id, parent_id, level, kind, code, name) VALUES "
  "  (1, NULL, 'district', 'district', '370302', '青禾区'), "
  "  (2, 1, 'township', 'town', '370302101', '柳河镇'), "
  "  (3, 2, 'village', 'village', '370302101201', '王家庄村'), "
  "  (4, 2, 'village', 'village', '370302101202', '李&<家>村'), "
  "  (5, 1, 'township', 'town', '370302102', '东岭镇'), "
  "  (6, 5, 'village', 'village', '370302102201', '王家庄村'), "
  "  (7, 5, 'village', 'village', '370302102202', '东岭[一]:村/组'); "
  "INSERT INTO households (id, region_id, hukou, opened_on, address, phone, bank, bank_account) VALUES "
  "  (1, 3, 'rural', '2020-01-01', '王家庄村东街5号', '13800000001', '农业银行', '6228480010000000011'), "
  "  (2, 3, 'rural', '2020-01-01', '王家庄村西街7号', '13900000002', '农业银行', '6228480010000000029'), "
  "  (3, 4, 'rural', '2020-01-01', '', '15000000003', '', '6217000010000000037'), "
  "  (4, 6, 'rural', '2020-01-01', '', '', '', ''), "
  "  (5, 7, 'rural', '2020-01-01', '', '18600000005', '', '6222020010000000054'), "
  "  (6, 4, 'rural', '2020-01-01', '', '', '', ''), "
  "  (7, 3, 'rural', '2020-01-01', '', '', '', ''); "
  "INSERT INTO persons (id, household_id, name, id_number, relation, sex, birth_date, "
  "                     disability_kind, disability_grade, severe_illness) VALUES "
  "  (1, 1, '王建国', '370302195003020011', 'head', 'M', '1950-03-02', NULL, NULL, NULL), "
  "  (2, 1, '李秀英', '370302195203020022', 'spouse', 'F', '1952-03-02', 'limb', 2, '尿毒症'), "
  "  (3, 2, '欧阳明华', '370302196003020033', 'head', 'M', '1960-03-02', NULL, NULL, NULL), "
  "  (4, 3, '赵凤兰', '370302194003020044', 'head', 'F', '1940-03-02', 'visual', 1, NULL), "
  "  (5, 4, '周建华', '370302196803020066', 'head', 'M', '1968-03-02', NULL, NULL, NULL), "
  "  (6, 5, '郑桂芳', '37030219750302009X', 'head', 'F', '1975-03-02', NULL, NULL, NULL), "
  "  (7, 6, '吴新民', '370302198003020088', 'head', 'M', '1980-03-02', NULL, NULL, NULL), "
  "  (8, 7, '孙广田', '370302194503020055', 'head', 'M', '1945-03-02', NULL, NULL, NULL); "
  "UPDATE households SET head_person_id = (SELECT id FROM persons WHERE household_id = households.id "
  "                                        AND relation = 'head'); "
  "INSERT INTO cases (id, household_id, person_id, program, status, applied_on, decided_on, starts_on, "
  "                   ended_on, persons, monthly_amount) VALUES "
  "  (1, 1, NULL, 'dibao_rural', 'active', '2025-01-02', '2025-01-20', '2025-02-01', NULL, 2, 98000), "
  "  (2, 2, NULL, 'dibao_rural', 'active', '2025-01-02', '2025-01-20', '2025-02-01', NULL, 1, 45050), "
  "  (3, 3, 4, 'tekun_dispersed', 'active', '2025-01-02', '2025-01-20', '2025-02-01', NULL, 1, 160000), "
  "  (4, 4, NULL, 'dibao_rural', 'active', '2025-01-02', '2025-01-20', '2025-02-01', NULL, 1, 50000), "
  "  (5, 5, NULL, 'dibao_rural', 'active', '2025-01-02', '2025-01-20', '2025-02-01', NULL, 1, 12345), "
  "  (6, 6, NULL, 'dibao_rural', 'village_notice', '2026-06-02', NULL, NULL, NULL, 1, 0), "
  "  (7, 7, NULL, 'dibao_rural', 'terminated', '2025-01-02', '2025-01-20', '2025-02-01', '2026-06-15', 1, 20000); "
  "UPDATE cases SET notice_from = '2026-06-10', notice_to = '2026-06-16' WHERE id = 6;";

#define OFFICE          "青禾区民政局"
#define COMPLAINT_PHONE "0533-5181234"
/* Characters that must be escaped, in the title too. */
#define TITLE_TEMPLATE  "{place}{year}年{month}月 \"低保\"<特困>公示名单"

/* What no list may hold, anywhere in the file. */
static const char * const secrets[] = {
  "370302195003020011", "370302195203020022", "370302196003020033", "370302194003020044",
  "370302196803020066", "37030219750302009X", "370302198003020088", "370302194503020055",
  "13800000001", "13900000002", "15000000003", "18600000005",
  "6228480010000000011", "6228480010000000029", "6217000010000000037", "6222020010000000054",
  "东街5号", "西街7号", "尿毒症", "农业银行", "李秀英",
};

/* Shapes of personal numbers in text: any run of 11 or more digits (an ID
 * number, a mobile, an account), and each of them on its own. */
#define SHAPES_PY \
  "import re\n" \
  "SHAPES = [('digits', r'\\d{11,}'), ('id-number', r'(?<!\\d)\\d{17}[\\dXx](?!\\d)'),\n" \
  "          ('mobile', r'(?<!\\d)1[3-9]\\d{9}(?!\\d)'), ('account', r'(?<!\\d)\\d{16,19}(?!\\d)')]\n" \
  "def leaks(text, count=True):\n" \
  "    for kind, pattern in SHAPES:\n" \
  "        for m in re.finditer(pattern, text):\n" \
  "            print('leak', kind, m.group(0), sep='\\t')\n" \
  "    if count: print('partial', len(re.findall(r'(?<![\\d*])\\d{4}\\*{12}[\\dXx]{2}(?![\\d*])', text)), sep='\\t')\n"

/* Prints, one fact a line, tab-separated:
 *   sheet I NAME, freeze I CELL, titles I ROWS, page I ORIENTATION PAPER
 *   FIT-WIDTH FIT-HEIGHT FIT-TO-PAGE, header I LEFT RIGHT, footer I LEFT
 *   RIGHT, merged I RANGES, row I CELL…, then leak KIND TEXT and partial N
 *   over every text of the file (cells via openpyxl, the shared strings
 *   of the zip, page headers), found SECRET over the zip's bytes.
 * A number cell shows as "=VALUE|FORMAT". */
static const char xlsx_py[] =
  SHAPES_PY
  "import sys, zipfile, html, openpyxl\n"
  "path = sys.argv[1]\n"
  "wb = openpyxl.load_workbook(path)\n"
  "def cell(c):\n"
  "    v = c.value\n"
  "    if v is None: return ''\n"
  "    if isinstance(v, str): return v\n"
  "    if isinstance(v, (int, float)) and not isinstance(v, bool):\n"
  "        if isinstance(v, float) and v.is_integer(): v = int(v)\n"
  "        return '=%s|%s' % (v, c.number_format)\n"
  "    return '?' + type(v).__name__\n"
  "texts = []\n"
  "for i, ws in enumerate(wb.worksheets):\n"
  "    ps = ws.page_setup\n"
  "    fit = ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr else None\n"
  "    hl, hr = ws.oddHeader.left.text or '', ws.oddHeader.right.text or ''\n"
  "    fl, fr = ws.oddFooter.left.text or '', ws.oddFooter.right.text or ''\n"
  "    print('sheet', i, ws.title, sep='\\t')\n"
  "    print('freeze', i, ws.freeze_panes, sep='\\t')\n"
  "    print('titles', i, ws.print_title_rows, sep='\\t')\n"
  "    # An absent fitToWidth is 1, the default of the file format.\n"
  "    width = 1 if ps.fitToWidth is None else ps.fitToWidth\n"
  "    print('page', i, ps.orientation, ps.paperSize, width, ps.fitToHeight, fit, sep='\\t')\n"
  "    print('header', i, hl, hr, sep='\\t')\n"
  "    print('footer', i, fl, fr, sep='\\t')\n"
  "    print('merged', i, ' '.join(sorted(str(r) for r in ws.merged_cells.ranges)), sep='\\t')\n"
  "    texts += [ws.title, hl, hr, fl, fr]\n"
  "    for row in ws.iter_rows():\n"
  "        print('row', i, *[cell(c) for c in row], sep='\\t')\n"
  "        texts += [str(c.value) for c in row if c.value is not None]\n"
  "with zipfile.ZipFile(path) as z:\n"
  "    names = z.namelist()\n"
  "    raw = b''.join(z.read(n) for n in names)\n"
  "    if 'xl/sharedStrings.xml' in names:\n"
  "        shared = z.read('xl/sharedStrings.xml').decode('utf-8')\n"
  "        leaks('\\n'.join(html.unescape(t) for t in re.findall(r'<t[^>]*>([^<]*)</t>', shared)), False)\n"
  "leaks('\\n'.join(texts))\n"
  "for secret in sys.argv[2:]:\n"
  "    if secret.encode() in raw: print('found', secret, sep='\\t')\n";

/* The page parsed as a browser would: the stack of open elements must
 * close in order.  Prints lang L, balanced yes|WHY, count TAG N for the
 * elements, attr NAME for any attribute that could fetch something,
 * text LINE for each text run (unescaped), then leak and found as above. */
static const char html_py[] =
  SHAPES_PY
  "import sys\n"
  "from html.parser import HTMLParser\n"
  "VOID = {'meta', 'br', 'hr', 'img', 'link', 'input', 'col', 'wbr'}\n"
  "class P(HTMLParser):\n"
  "    def __init__(self):\n"
  "        super().__init__(convert_charrefs=True)\n"
  "        self.stack, self.problem, self.counts, self.texts, self.lang = [], None, {}, [], None\n"
  "    def handle_starttag(self, tag, attrs):\n"
  "        key = tag + ''.join(' %s=%s' % (k, v) for k, v in attrs if k == 'scope')\n"
  "        self.counts[key] = self.counts.get(key, 0) + 1\n"
  "        for k, v in attrs:\n"
  "            if k in ('src', 'href', 'action', 'srcset', 'data', 'poster') or k.startswith('on'): print('attr', k, sep='\\t')\n"
  "            if tag == 'html' and k == 'lang': self.lang = v\n"
  "        if tag not in VOID: self.stack.append(tag)\n"
  "    def handle_endtag(self, tag):\n"
  "        if not self.stack or self.stack[-1] != tag:\n"
  "            self.problem = self.problem or 'unexpected </%s> in %s' % (tag, '/'.join(self.stack))\n"
  "        else: self.stack.pop()\n"
  "    def handle_data(self, data):\n"
  "        if data.strip() and self.stack and self.stack[-1] not in ('style',): self.texts.append(data.strip())\n"
  "text = open(sys.argv[1], encoding='utf-8').read()\n"
  "p = P(); p.feed(text); p.close()\n"
  "print('lang', p.lang, sep='\\t')\n"
  "print('balanced', p.problem or ('yes' if not p.stack else 'open: ' + '/'.join(p.stack)), sep='\\t')\n"
  "for k, n in sorted(p.counts.items()): print('count', k, n, sep='\\t')\n"
  "for t in p.texts: print('text', t, sep='\\t')\n"
  "leaks('\\n'.join(p.texts))\n"
  "for secret in sys.argv[2:]:\n"
  "    if secret in text: print('found', secret, sep='\\t')\n";

typedef struct
{
  char *dir;
  JzDb *db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("jz-test-disclosure-export-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "d.db", NULL);
  f->db = jz_db_open (path, JZ_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  jz_db_set_user_name (f->db, "clerk-a");
  jz_db_exec (f->db, fixture_sql, &error);
  g_assert_no_error (error);

  jz_office_set (f->db, JZ_OFFICE_NAME, OFFICE, &error);
  g_assert_no_error (error);
  jz_office_set (f->db, JZ_OFFICE_COMPLAINT_PHONE, COMPLAINT_PHONE, &error);
  g_assert_no_error (error);
  jz_office_set (f->db, JZ_OFFICE_DISCLOSURE_TITLE, TITLE_TEMPLATE, &error);
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

typedef struct
{
  gboolean   notice;
  gboolean   options;     /* partial ID 4,2, masked names, remarks */
  const char *month;
  gint64     region_id;
} Choice;

static JzDisclosureList *
build (Fixture      *f,
       const Choice *choice)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDisclosureQuery) q = NULL;
  JzDisclosureList *list;

  if (choice->options)
    {
      jz_office_set (f->db, JZ_OFFICE_DISCLOSURE_PARTIAL_ID, "4,2", &error);
      g_assert_no_error (error);
      jz_office_set (f->db, JZ_OFFICE_DISCLOSURE_MASK_NAMES, "1", &error);
      g_assert_no_error (error);
      jz_office_set (f->db, JZ_OFFICE_DISCLOSURE_REMARKS, "1", &error);
      g_assert_no_error (error);
    }

  q = jz_disclosure_query_new (f->db, &error);
  g_assert_no_error (error);
  q->kind = choice->notice ? JZ_DISCLOSURE_NOTICE : JZ_DISCLOSURE_LONGTERM;
  g_strfreev (q->programs);
  q->programs = g_strsplit (choice->notice ? "dibao_rural" : "dibao_rural,tekun_dispersed", ",", -1);
  q->region_id = choice->region_id;
  g_free (q->month);
  q->month = g_strdup (choice->month != NULL ? choice->month : "2026-06");
  q->notice_from = g_strdup ("2026-06-10");
  q->notice_to = g_strdup ("2026-06-19");

  list = jz_disclosure_build (f->db, NULL, q, &error);
  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

/* --- reading back --------------------------------------------------------------- */

/* The lines the script prints, each split at its tabs. */
static GPtrArray *
run_python (const char *script,
            const char *path)
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
  g_ptr_array_add (argv, (char *) script);
  g_ptr_array_add (argv, (char *) path);
  for (guint i = 0; i < G_N_ELEMENTS (secrets); i++)
    g_ptr_array_add (argv, (char *) secrets[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("Python could not read %s: %s", path, err);

  split = g_strsplit (out, "\n", -1);
  for (guint i = 0; split[i] != NULL; i++)
    if (*split[i] != '\0')
      g_ptr_array_add (lines, g_strsplit (split[i], "\t", -1));

  return g_steal_pointer (&lines);
}

/* The fields after "KEY SHEET" of the first such line; with @sheet < 0,
 * after "KEY". */
static const char * const *
find_line (GPtrArray  *lines,
           const char *key,
           int         sheet)
{
  char index[16];

  g_snprintf (index, sizeof index, "%d", sheet);
  for (guint i = 0; i < lines->len; i++)
    {
      char **fields = g_ptr_array_index (lines, i);

      if (!g_str_equal (fields[0], key))
        continue;
      if (sheet < 0)
        return (const char * const *) fields + 1;
      if (fields[1] != NULL && g_str_equal (fields[1], index))
        return (const char * const *) fields + 2;
    }
  g_error ("the script told no “%s” for %d", key, sheet);
}

static char *
joined (const char * const *fields)
{
  return g_strjoinv ("|", (char **) fields);
}

/* The rows of sheet @sheet, each its cells joined by "|". */
static GPtrArray *
sheet_rows (GPtrArray *lines,
            int        sheet)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  char index[16];

  g_snprintf (index, sizeof index, "%d", sheet);
  for (guint i = 0; i < lines->len; i++)
    {
      char **fields = g_ptr_array_index (lines, i);

      if (g_str_equal (fields[0], "row") && g_str_equal (fields[1], index))
        g_ptr_array_add (rows, joined ((const char * const *) fields + 2));
    }
  return rows;
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

/* No secret in the bytes, nothing shaped like a personal number in the
 * text; @partial cells like 3703************11. */
static void
assert_private (GPtrArray *lines,
                guint      partial)
{
  for (guint i = 0; i < lines->len; i++)
    {
      char **fields = g_ptr_array_index (lines, i);

      if (g_str_equal (fields[0], "found"))
        g_error ("the file holds %s", fields[1]);
      if (g_str_equal (fields[0], "leak"))
        g_error ("the file holds a %s: %s", fields[1], fields[2]);
    }
  char want[16];

  g_snprintf (want, sizeof want, "%u", partial);
  g_assert_cmpstr (find_line (lines, "partial", -1)[0], ==, want);
}

static void
assert_rows (GPtrArray          *rows,
             guint               from,
             const char * const *expected)
{
  for (guint i = 0; expected[i] != NULL; i++)
    {
      g_assert_cmpuint (from + i, <, rows->len);
      g_assert_cmpstr (g_ptr_array_index (rows, from + i), ==, expected[i]);
    }
}

/* --- .xlsx ---------------------------------------------------------------------- */

static void
test_xlsx_longterm (Fixture       *f,
                    gconstpointer  data)
{
  static const Choice choice = { 0 };
  g_autoptr(JzDisclosureList) list = build (f, &choice);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *dir = make_out_dir (f);
  g_autofree char *path = g_build_filename (dir, "公示.xlsx", NULL);
  g_autofree char *names = NULL;
  g_autofree char *dibao = g_strdup (jz_labels_value (JZ_FIELD_PROGRAM, "dibao_rural"));
  g_autofree char *tekun = g_strdup (jz_labels_value (JZ_FIELD_PROGRAM, "tekun_dispersed"));
  g_autofree char *title_row = g_strconcat (list->title, "|||||", NULL);
  const char *sheet_names[] = { "王家庄村", "李&<家>村", "王家庄村 (2)", "东岭_一__村_组" };
  const char *header = "No.|Village|Name|Program|Persons|Monthly amount (yuan)";
  const char *note[] = { "Issued by " OFFICE ".|||||", "Complaint and supervision phone: " COMPLAINT_PHONE ".|||||", NULL };

  g_assert_cmpuint (list->rows->len, ==, 6);
  g_assert_nonnull (strstr (list->title, "<特困>"));

  g_assert_true (jz_xlsx_disclosure_export (list, path, &error));
  g_assert_no_error (error);
  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "公示.xlsx");

  lines = run_python (xlsx_py, path);
  assert_private (lines, 0);

  /* A sheet per village, in the list's order, named after it. */
  g_assert_cmpuint (count_key (lines, "sheet"), ==, G_N_ELEMENTS (sheet_names));
  for (guint s = 0; s < G_N_ELEMENTS (sheet_names); s++)
    {
      g_autofree char *page = NULL;
      g_autofree char *page_header = NULL;
      g_autofree char *page_footer = NULL;
      g_autofree char *want_header = g_strconcat (list->title, "|2026-06", NULL);

      g_assert_cmpstr (find_line (lines, "sheet", s)[0], ==, sheet_names[s]);
      /* The header row frozen and printed on every page; A4 portrait for
       * six columns, one page wide. */
      g_assert_cmpstr (find_line (lines, "freeze", s)[0], ==, "A5");
      g_assert_cmpstr (find_line (lines, "titles", s)[0], ==, "$4:$4");
      page = joined (find_line (lines, "page", s));
      g_assert_cmpstr (page, ==, "portrait|9|1|0|True");
      page_header = joined (find_line (lines, "header", s));
      g_assert_cmpstr (page_header, ==, want_header);
      page_footer = joined (find_line (lines, "footer", s));
      g_assert_cmpstr (page_footer, ==, OFFICE "  " COMPLAINT_PHONE "|&P / &N");

      rows = sheet_rows (lines, s);
      g_assert_cmpstr (g_ptr_array_index (rows, 0), ==, title_row);
      g_assert_cmpstr (g_ptr_array_index (rows, 1), ==, "Period: 2026-06|||||");
      g_assert_cmpstr (g_ptr_array_index (rows, 3), ==, header);
      g_clear_pointer (&rows, g_ptr_array_unref);
    }

  /* 柳河镇's 王家庄村: by name (孙 < 欧 < 王), the total from the fen. */
  rows = sheet_rows (lines, 0);
  {
    g_autofree char *r1 = g_strdup_printf ("=1|0|王家庄村|孙广田|%s|=1|0|=200|#,##0.00", dibao);
    g_autofree char *r2 = g_strdup_printf ("=2|0|王家庄村|欧阳明华|%s|=1|0|=450.5|#,##0.00", dibao);
    g_autofree char *r3 = g_strdup_printf ("=3|0|王家庄村|王建国|%s|=2|0|=980|#,##0.00", dibao);
    const char *expected[] = {
      "Place: 柳河镇王家庄村|||||", header, r1, r2, r3,
      "Total||||=4|0|=1630.5|#,##0.00", "|||||", note[0], note[1], NULL
    };

    assert_rows (rows, 2, expected);
    g_assert_cmpuint (rows->len, ==, 11);
  }
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_assert_cmpstr (find_line (lines, "merged", 0)[0], ==,
                   "A10:F10 A11:F11 A1:F1 A2:F2 A3:F3 A8:D8");

  /* The village with & and < in its name, the tekun case. */
  rows = sheet_rows (lines, 1);
  {
    g_autofree char *r1 = g_strdup_printf ("=4|0|李&<家>村|赵凤兰|%s|=1|0|=1600|#,##0.00", tekun);
    const char *expected[] = { "Place: 柳河镇李&<家>村|||||", header, r1, "Total||||=1|0|=1600|#,##0.00", NULL };

    assert_rows (rows, 2, expected);
  }
  g_clear_pointer (&rows, g_ptr_array_unref);

  rows = sheet_rows (lines, 3);
  {
    g_autofree char *r1 = g_strdup_printf ("=6|0|东岭[一]:村/组|郑桂芳|%s|=1|0|=123.45|#,##0.00", dibao);
    const char *expected[] = { "Place: 东岭镇东岭[一]:村/组|||||", header, r1, "Total||||=1|0|=123.45|#,##0.00", NULL };

    assert_rows (rows, 2, expected);
  }
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* An existing file is replaced whole, and nothing is left beside it. */
  g_assert_true (jz_xlsx_disclosure_export (list, path, &error));
  g_assert_no_error (error);
  g_clear_pointer (&names, g_free);
  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "公示.xlsx");
}

/* The office's options: the partial ID and the remarks columns, masked
 * names, landscape; still no full ID number anywhere. */
static void
test_xlsx_options (Fixture       *f,
                   gconstpointer  data)
{
  static const Choice choice = { .options = TRUE };
  g_autoptr(JzDisclosureList) list = build (f, &choice);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *dir = make_out_dir (f);
  g_autofree char *path = g_build_filename (dir, "options.xlsx", NULL);
  g_autofree char *page = NULL;
  g_autofree char *r3 = g_strdup_printf ("=3|0|王家庄村|王**|%s|=2|0|=980|#,##0.00|3703************11|",
                                         jz_labels_value (JZ_FIELD_PROGRAM, "dibao_rural"));
  g_autofree char *r6 = g_strdup_printf ("=6|0|东岭[一]:村/组|郑**|%s|=1|0|=123.45|#,##0.00|3703************9X|",
                                         jz_labels_value (JZ_FIELD_PROGRAM, "dibao_rural"));

  g_assert_true (jz_xlsx_disclosure_export (list, path, &error));
  g_assert_no_error (error);

  lines = run_python (xlsx_py, path);
  assert_private (lines, 6);

  rows = sheet_rows (lines, 0);
  g_assert_cmpstr (g_ptr_array_index (rows, 3), ==,
                   "No.|Village|Name|Program|Persons|Monthly amount (yuan)|ID number (partial)|Remarks");
  g_assert_cmpstr (g_ptr_array_index (rows, 6), ==, r3);
  g_assert_cmpstr (g_ptr_array_index (rows, 7), ==, "Total||||=4|0|=1630.5|#,##0.00||");
  page = joined (find_line (lines, "page", 0));
  g_assert_cmpstr (page, ==, "landscape|9|1|0|True");
  g_assert_cmpstr (find_line (lines, "sheet", 3)[0], ==, "东岭_一__村_组");
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = sheet_rows (lines, 3);
  g_assert_cmpstr (g_ptr_array_index (rows, 4), ==, r6);
}

/* A notice tells new from ended, even with the remarks off, and says
 * when an application's amount is not computed yet. */
static void
test_xlsx_notice (Fixture       *f,
                  gconstpointer  data)
{
  static const Choice choice = { .notice = TRUE };
  g_autoptr(JzDisclosureList) list = build (f, &choice);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *dir = make_out_dir (f);
  g_autofree char *path = g_build_filename (dir, "notice.xlsx", NULL);
  g_autofree char *dibao = g_strdup (jz_labels_value (JZ_FIELD_PROGRAM, "dibao_rural"));
  g_autofree char *ended = g_strdup_printf ("=1|0|王家庄村|孙广田|%s|=1|0|=200|#,##0.00|Support ended", dibao);
  g_autofree char *noticed = g_strdup_printf ("=2|0|李&<家>村|吴新民|%s|=1|0|To be determined|New application", dibao);

  g_assert_false (list->query->remarks);
  g_assert_cmpuint (list->rows->len, ==, 2);

  g_assert_true (jz_xlsx_disclosure_export (list, path, &error));
  g_assert_no_error (error);
  lines = run_python (xlsx_py, path);
  assert_private (lines, 0);

  g_assert_cmpuint (count_key (lines, "sheet"), ==, 2);
  rows = sheet_rows (lines, 0);
  g_assert_cmpstr (g_ptr_array_index (rows, 1), ==, "Period: 2026-06-10 to 2026-06-19||||||");
  g_assert_cmpstr (g_ptr_array_index (rows, 3), ==, "No.|Village|Name|Program|Persons|Monthly amount (yuan)|Remarks");
  g_assert_cmpstr (g_ptr_array_index (rows, 4), ==, ended);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = sheet_rows (lines, 1);
  g_assert_cmpstr (g_ptr_array_index (rows, 4), ==, noticed);
  /* Nothing computed adds nothing. */
  g_assert_cmpstr (g_ptr_array_index (rows, 5), ==, "Total||||=1|0|=0|#,##0.00|");
}

static void
test_xlsx_empty (Fixture       *f,
                 gconstpointer  data)
{
  static const Choice choice = { .month = "2020-01" };
  g_autoptr(JzDisclosureList) list = build (f, &choice);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *dir = make_out_dir (f);
  g_autofree char *path = g_build_filename (dir, "empty.xlsx", NULL);

  g_assert_cmpuint (list->rows->len, ==, 0);
  g_assert_true (jz_xlsx_disclosure_export (list, path, &error));
  g_assert_no_error (error);

  lines = run_python (xlsx_py, path);
  assert_private (lines, 0);
  g_assert_cmpuint (count_key (lines, "sheet"), ==, 1);
  g_assert_cmpstr (find_line (lines, "sheet", 0)[0], ==, "Disclosure list");
  rows = sheet_rows (lines, 0);
  g_assert_cmpstr (g_ptr_array_index (rows, 1), ==, "Period: 2020-01|||||");
  g_assert_cmpstr (g_ptr_array_index (rows, 2), ==, "Place: 青禾区|||||");
  g_assert_cmpstr (g_ptr_array_index (rows, 3), ==, "No.|Village|Name|Program|Persons|Monthly amount (yuan)");
  g_assert_cmpstr (g_ptr_array_index (rows, 4), ==, "Nobody is on this list for the period and place chosen.|||||");
  g_assert_cmpstr (g_ptr_array_index (rows, 6), ==, "Issued by " OFFICE ".|||||");
}

/* --- HTML ----------------------------------------------------------------------- */

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  return text;
}

static void
assert_count (GPtrArray  *lines,
              const char *element,
              guint       n)
{
  g_autofree char *want = g_strdup_printf ("%u", n);

  for (guint i = 0; i < lines->len; i++)
    {
      char **fields = g_ptr_array_index (lines, i);

      if (g_str_equal (fields[0], "count") && g_str_equal (fields[1], element))
        {
          g_assert_cmpstr (fields[2], ==, want);
          return;
        }
    }
  g_assert_cmpuint (n, ==, 0);
}

static gboolean
has_text (GPtrArray  *lines,
          const char *text)
{
  for (guint i = 0; i < lines->len; i++)
    {
      char **fields = g_ptr_array_index (lines, i);

      if (g_str_equal (fields[0], "text") && g_str_equal (fields[1], text))
        return TRUE;
    }
  return FALSE;
}

/* Self-contained and well formed: nothing fetched, nothing run. */
static void
assert_page (const char *text,
             GPtrArray  *lines)
{
  g_assert_true (g_str_has_prefix (text, "<!DOCTYPE html>\n<html lang=\""));
  g_assert_nonnull (strstr (text, "<meta charset=\"utf-8\">"));
  g_assert_cmpstr (find_line (lines, "balanced", -1)[0], ==, "yes");
  g_assert_cmpuint (count_key (lines, "attr"), ==, 0);
  assert_count (lines, "script", 0);
  assert_count (lines, "link", 0);
  assert_count (lines, "img", 0);
  assert_count (lines, "style", 1);
  g_assert_null (strstr (text, "url("));
  g_assert_null (strstr (text, "@import"));
  g_assert_null (strstr (text, "://"));
  assert_count (lines, "h1", 1);
  assert_count (lines, "footer", 1);
  g_assert_true (has_text (lines, "Issued by " OFFICE "."));
  g_assert_true (has_text (lines, "Complaint and supervision phone: " COMPLAINT_PHONE "."));
}

static void
test_html_longterm (Fixture       *f,
                    gconstpointer  data)
{
  static const Choice choice = { 0 };
  g_autoptr(JzDisclosureList) list = build (f, &choice);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *dir = make_out_dir (f);
  g_autofree char *path = g_build_filename (dir, "公示.html", NULL);
  g_autofree char *text = NULL;
  g_autofree char *names = NULL;
  static const char * const shown[] = {
    "孙广田", "欧阳明华", "王建国", "赵凤兰", "周建华", "郑桂芳",
    "200.00", "450.50", "980.00", "1,600.00", "500.00", "123.45",
    "1,630.50", "3,853.95", "Period: 2026-06", "Place: 青禾区",
    "柳河镇王家庄村", "柳河镇李&<家>村", "东岭镇王家庄村", "东岭镇东岭[一]:村/组",
    "Disclosure list for 柳河镇李&<家>村", "No.", "Monthly amount (yuan)", "Total", "Totals",
  };

  g_assert_true (jz_html_disclosure_export (list, path, &error));
  g_assert_no_error (error);
  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "公示.html");

  text = read_file (path);
  lines = run_python (html_py, path);
  assert_page (text, lines);
  assert_private (lines, 0);
  g_assert_cmpstr (find_line (lines, "lang", -1)[0], ==, "en");

  /* The title and the village names escaped in the source, whole in the
   * text a browser shows. */
  g_assert_true (has_text (lines, list->title));
  g_assert_true (g_str_has_prefix (list->title, "青禾区2026年"));
  g_assert_true (g_str_has_suffix (list->title, "月 \"低保\"<特困>公示名单"));
  g_assert_nonnull (strstr (text, "<h1>青禾区2026年"));
  g_assert_nonnull (strstr (text, "月 &quot;低保&quot;&lt;特困&gt;公示名单</h1>"));
  g_assert_nonnull (strstr (text, "月 &quot;低保&quot;&lt;特困&gt;公示名单</title>"));
  g_assert_nonnull (strstr (text, "<td>李&amp;&lt;家&gt;村</td>"));
  g_assert_null (strstr (text, "李&<"));
  g_assert_null (strstr (text, "<特困>"));
  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    if (!has_text (lines, shown[i]))
      g_error ("the page does not show “%s”", shown[i]);

  /* A section per village and one for the totals; accessible tables. */
  assert_count (lines, "h2", 5);
  assert_count (lines, "table", 4);
  assert_count (lines, "caption", 4);
  assert_count (lines, "th scope=col", 4 * 6);
  assert_count (lines, "th scope=row", 4);
  g_assert_nonnull (strstr (text, "<td class=\"num\">980.00</td>"));
  g_assert_nonnull (strstr (text, "<th scope=\"col\">Persons</th>"));
  g_assert_nonnull (strstr (text, ".num{text-align:right"));
  g_assert_null (strstr (text, "ID number"));

  /* An existing page is replaced whole, nothing left beside it. */
  g_assert_true (jz_html_disclosure_export (list, path, &error));
  g_assert_no_error (error);
  g_clear_pointer (&names, g_free);
  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "公示.html");
}

static void
test_html_options (Fixture       *f,
                   gconstpointer  data)
{
  static const Choice choice = { .options = TRUE };
  g_autoptr(JzDisclosureList) list = build (f, &choice);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *dir = make_out_dir (f);
  g_autofree char *path = g_build_filename (dir, "options.html", NULL);
  g_autofree char *text = NULL;

  g_assert_true (jz_html_disclosure_export (list, path, &error));
  g_assert_no_error (error);
  text = read_file (path);
  lines = run_python (html_py, path);
  assert_page (text, lines);
  assert_private (lines, 6);

  g_assert_true (has_text (lines, "ID number (partial)"));
  g_assert_true (has_text (lines, "Remarks"));
  g_assert_true (has_text (lines, "3703************11"));
  g_assert_true (has_text (lines, "王**"));
  g_assert_true (has_text (lines, "欧阳**"));
  g_assert_false (has_text (lines, "王建国"));
  assert_count (lines, "th scope=col", 4 * 8);
}

static void
test_html_notice (Fixture       *f,
                  gconstpointer  data)
{
  static const Choice choice = { .notice = TRUE };
  g_autoptr(JzDisclosureList) list = build (f, &choice);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *dir = make_out_dir (f);
  g_autofree char *path = g_build_filename (dir, "notice.html", NULL);
  g_autofree char *text = NULL;

  g_assert_true (jz_html_disclosure_export (list, path, &error));
  g_assert_no_error (error);
  text = read_file (path);
  lines = run_python (html_py, path);
  assert_page (text, lines);
  assert_private (lines, 0);

  g_assert_true (has_text (lines, "Period: 2026-06-10 to 2026-06-19"));
  g_assert_true (has_text (lines, "New application"));
  g_assert_true (has_text (lines, "Support ended"));
  g_assert_true (has_text (lines, "To be determined"));
  assert_count (lines, "th scope=col", 2 * 7);
}

static void
test_html_empty (Fixture       *f,
                 gconstpointer  data)
{
  static const Choice choice = { .month = "2020-01" };
  g_autoptr(JzDisclosureList) list = build (f, &choice);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *dir = make_out_dir (f);
  g_autofree char *path = g_build_filename (dir, "empty.html", NULL);
  g_autofree char *text = NULL;

  g_assert_true (jz_html_disclosure_export (list, path, &error));
  g_assert_no_error (error);
  text = read_file (path);
  lines = run_python (html_py, path);
  assert_page (text, lines);
  g_assert_true (has_text (lines, "Nobody is on this list for the period and place chosen."));
  assert_count (lines, "table", 0);
}

/* In Chinese the page says so. */
static void
test_html_chinese (Fixture       *f,
                   gconstpointer  data)
{
  static const Choice choice = { 0 };
  g_autoptr(JzDisclosureList) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *dir = make_out_dir (f);
  g_autofree char *path = g_build_filename (dir, "zh.html", NULL);
  const char *build_root = g_getenv ("JZ_BUILD_ROOT");
  g_autofree char *localedir = build_root != NULL ? g_build_filename (build_root, "po", NULL) : NULL;
  g_autofree char *mo = NULL;

  if (localedir != NULL)
    mo = g_build_filename (localedir, "zh_CN", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (mo == NULL || !g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("the zh_CN catalogue of this build is not there");
      return;
    }
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_setenv ("LANGUAGE", "zh_CN", TRUE);

  list = build (f, &choice);
  g_assert_true (jz_html_disclosure_export (list, path, &error));
  g_assert_no_error (error);
  lines = run_python (html_py, path);
  assert_private (lines, 0);

  if (g_str_equal (g_dpgettext2 (GETTEXT_PACKAGE, "html lang", "en"), "en"))
    {
      g_test_incomplete ("the zh_CN catalogue has no disclosure page strings yet");
      g_setenv ("LANGUAGE", "en", TRUE);
      return;
    }
  g_assert_cmpstr (find_line (lines, "lang", -1)[0], ==, "zh-CN");
  g_assert_false (has_text (lines, "Total"));
  g_setenv ("LANGUAGE", "en", TRUE);
}

/* --- failures ------------------------------------------------------------------- */

static void
test_missing_folder (Fixture       *f,
                     gconstpointer  data)
{
  static const Choice choice = { 0 };
  g_autoptr(JzDisclosureList) list = build (f, &choice);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_out_dir (f);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", NULL);
  g_autofree char *xlsx = g_build_filename (missing, "list.xlsx", NULL);
  g_autofree char *html = g_build_filename (missing, "list.html", NULL);
  g_autofree char *names = NULL;

  g_assert_false (jz_xlsx_disclosure_export (list, xlsx, &error));
  g_assert_error (error, JZ_XLSX_EXPORT_ERROR, JZ_XLSX_EXPORT_ERROR_FOLDER);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
  g_assert_null (strstr (error->message, "王建国"));
  g_clear_error (&error);

  g_assert_false (jz_html_disclosure_export (list, html, &error));
  g_assert_error (error, JZ_HTML_DISCLOSURE_ERROR, JZ_HTML_DISCLOSURE_ERROR_FOLDER);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
  g_assert_null (strstr (error->message, "王建国"));

  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "");
}

static void
test_onto_folder (Fixture       *f,
                  gconstpointer  data)
{
  static const Choice choice = { 0 };
  g_autoptr(JzDisclosureList) list = build (f, &choice);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_out_dir (f);
  g_autofree char *xlsx = g_build_filename (dir, "list.xlsx", NULL);
  g_autofree char *html = g_build_filename (dir, "list.html", NULL);
  g_autofree char *names = NULL;

  g_assert_cmpint (g_mkdir (xlsx, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (html, 0700), ==, 0);

  g_assert_false (jz_xlsx_disclosure_export (list, xlsx, &error));
  g_assert_error (error, JZ_XLSX_EXPORT_ERROR, JZ_XLSX_EXPORT_ERROR_TARGET);
  g_clear_error (&error);
  g_assert_false (jz_html_disclosure_export (list, html, &error));
  g_assert_error (error, JZ_HTML_DISCLOSURE_ERROR, JZ_HTML_DISCLOSURE_ERROR_TARGET);

  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "list.html list.xlsx");
}

static void
test_read_only_folder (Fixture       *f,
                       gconstpointer  data)
{
  static const Choice choice = { 0 };
  g_autoptr(JzDisclosureList) list = build (f, &choice);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_out_dir (f);
  g_autofree char *xlsx = g_build_filename (dir, "list.xlsx", NULL);
  g_autofree char *html = g_build_filename (dir, "list.html", NULL);
  g_autofree char *names = NULL;

  /* root writes anywhere. */
  if (geteuid () == 0)
    {
      g_test_skip ("running as root: a read-only folder is writable");
      return;
    }

  g_assert_cmpint (g_chmod (dir, 0500), ==, 0);
  g_assert_false (jz_xlsx_disclosure_export (list, xlsx, &error));
  g_assert_error (error, JZ_XLSX_EXPORT_ERROR, JZ_XLSX_EXPORT_ERROR_FOLDER);
  g_clear_error (&error);
  g_assert_false (jz_html_disclosure_export (list, html, &error));
  g_assert_error (error, JZ_HTML_DISCLOSURE_ERROR, JZ_HTML_DISCLOSURE_ERROR_FOLDER);
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
  g_test_add ("/disclosure-export/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("xlsx/longterm", test_xlsx_longterm);
  ADD ("xlsx/options", test_xlsx_options);
  ADD ("xlsx/notice", test_xlsx_notice);
  ADD ("xlsx/empty", test_xlsx_empty);
  ADD ("html/longterm", test_html_longterm);
  ADD ("html/options", test_html_options);
  ADD ("html/notice", test_html_notice);
  ADD ("html/empty", test_html_empty);
  ADD ("html/chinese", test_html_chinese);
  ADD ("missing-folder", test_missing_folder);
  ADD ("onto-folder", test_onto_folder);
  ADD ("read-only-folder", test_read_only_folder);

#undef ADD

  return g_test_run ();
}
