/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "jz-db-private.h"
#include "jz-disclosure.h"
#include "jz-office.h"
#include "jz-test-util.h"
#include "jz-user.h"

/* Who is on a disclosure list (公示), with what, and in which order. */

static void
exec_sql (JzDb       *db,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jz_db_exec (db, sql, &error));
  g_assert_no_error (error);
}

/* Two townships; in 柳河镇 two villages.  Codes order the villages:
 * 王家庄村 (…201) before 李家村 (…202). */
static JzDb *
district (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "d.db", NULL);
  g_autoptr(GError) error = NULL;
  JzDb *db = jz_db_open (path, JZ_DB_OPEN_CREATE, &error);

  g_assert_no_error (error);
  jz_db_set_user_name (db, "clerk-a");
  exec_sql (db,
            "INSERT INTO regions (id, parent_id, level, kind, code, name) VALUES "
            "  (1, NULL, 'district', 'district', '370302', '青禾区'), "
            "  (2, 1, 'township', 'town', '370302101', '柳河镇'), "
            "  (3, 2, 'village', 'village', '370302101201', '王家庄村'), "
            "  (4, 2, 'village', 'village', '370302101202', '李家村'), "
            "  (5, 1, 'township', 'town', '370302102', '东岭镇'), "
            "  (6, 5, 'village', 'village', '370302102201', '东岭村'); "
            "INSERT INTO households (id, region_id, hukou, opened_on, status, closed_on) VALUES "
            "  (1, 3, 'rural', '2020-01-01', 'open', NULL), (2, 3, 'rural', '2020-01-01', 'open', NULL), "
            "  (3, 4, 'rural', '2020-01-01', 'open', NULL), (4, 4, 'rural', '2020-01-01', 'open', NULL), "
            "  (5, 6, 'rural', '2020-01-01', 'open', NULL), (6, 3, 'rural', '2020-01-01', 'open', NULL), "
            "  (7, 3, 'rural', '2020-01-01', 'open', NULL), (8, 4, 'rural', '2020-01-01', 'open', NULL); "
            "INSERT INTO persons (id, household_id, name, id_number, relation, sex, birth_date, active, left_on, left_reason) VALUES "
            "  (1, 1, '王建国', '370302195003020011', 'head', 'M', '1950-03-02', 1, NULL, NULL), "
            "  (2, 1, '李秀英', '370302195203020022', 'spouse', 'F', '1952-03-02', 1, NULL, NULL), "
            "  (3, 2, '欧阳明华', '370302196003020033', 'head', 'M', '1960-03-02', 1, NULL, NULL), "
            "  (4, 3, '赵凤兰', '370302194003020044', 'head', 'F', '1940-03-02', 1, NULL, NULL), "
            "  (5, 4, '孙广田', '370302194503020055', 'head', 'M', '1945-03-02', 1, NULL, NULL), "
            "  (6, 5, '周建华', '370302196803020066', 'head', 'M', '1968-03-02', 1, NULL, NULL), "
            "  (7, 6, '钱玉珍', '370302193003020077', 'head', 'F', '1930-03-02', 0, '2026-05-20', 'died'), "
            "  (8, 7, '吴新民', '370302198003020088', 'head', 'M', '1980-03-02', 1, NULL, NULL), "
            "  (9, 8, '郑桂芳', '370302197503020099', 'head', 'F', '1975-03-02', 1, NULL, NULL); "
            "UPDATE households SET head_person_id = (SELECT id FROM persons WHERE household_id = households.id AND relation = 'head'); "
            /* 1 dibao in 王家庄村, two persons; 2 dibao there too; 3 tekun (a person) in 李家村;
             * 4 dibao terminated in May: excluded from June; 5 dibao in 东岭镇;
             * 6 the recipient died in May: excluded; 7 terminated in mid-June: still on June's list;
             * 8 started in July: not on June's list. */
            "INSERT INTO cases (id, household_id, person_id, program, status, applied_on, decided_on, starts_on, "
            "                   ended_on, persons, monthly_amount) VALUES "
            "  (1, 1, NULL, 'dibao_rural', 'active', '2025-01-02', '2025-01-20', '2025-02-01', NULL, 2, 98000), "
            "  (2, 2, NULL, 'dibao_rural', 'active', '2025-01-02', '2025-01-20', '2025-02-01', NULL, 1, 45050), "
            "  (3, 3, 4, 'tekun_dispersed', 'active', '2025-01-02', '2025-01-20', '2025-02-01', NULL, 1, 160000), "
            "  (4, 4, NULL, 'dibao_rural', 'terminated', '2025-01-02', '2025-01-20', '2025-02-01', '2026-05-31', 1, 40000), "
            "  (5, 5, NULL, 'dibao_rural', 'active', '2025-01-02', '2025-01-20', '2025-02-01', NULL, 1, 50000), "
            "  (6, 6, NULL, 'dibao_rural', 'active', '2025-01-02', '2025-01-20', '2025-02-01', NULL, 1, 30000), "
            "  (7, 7, NULL, 'dibao_rural', 'terminated', '2025-01-02', '2025-01-20', '2025-02-01', '2026-06-15', 1, 20000), "
            "  (8, 8, NULL, 'dibao_rural', 'active', '2026-06-02', '2026-06-25', '2026-07-01', NULL, 1, 60000); "
            "UPDATE cases SET notice_from = '2026-06-10', notice_to = '2026-06-16' WHERE id = 8;");
  return db;
}

static JzDisclosureQuery *
query_for (JzDb             *db,
           JzDisclosureKind  kind,
           gint64            region_id,
           const char       *programs)
{
  g_autoptr(GError) error = NULL;
  JzDisclosureQuery *q = jz_disclosure_query_new (db, &error);

  g_assert_no_error (error);
  q->kind = kind;
  g_strfreev (q->programs);
  q->programs = g_strsplit (programs, ",", -1);
  q->region_id = region_id;
  g_free (q->month);
  q->month = g_strdup ("2026-06");
  q->notice_from = g_strdup ("2026-06-10");
  q->notice_to = g_strdup ("2026-06-19");
  return q;
}

static char *
names_of (const JzDisclosureList *list)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < list->rows->len; i++)
    {
      const JzDisclosureRow *row = g_ptr_array_index (list->rows, i);

      g_string_append_printf (out, "%s%u %s %s %d %" G_GINT64_FORMAT, i > 0 ? "|" : "", row->number,
                              row->village_name, row->name, row->persons, row->monthly_amount);
    }
  return g_string_free (out, FALSE);
}

static void
test_masks (void)
{
  g_autofree char *id = jz_disclosure_mask_id ("370302195003020011", 4, 2);
  g_autofree char *none = jz_disclosure_mask_id ("370302195003020011", 0, 4);
  g_autofree char *one = jz_disclosure_mask_name ("王建国");
  g_autofree char *two = jz_disclosure_mask_name ("欧阳明华");
  g_autofree char *short_name = jz_disclosure_mask_name ("欧阳");
  guint head = 9, tail = 9;

  g_assert_cmpstr (id, ==, "3703************11");
  g_assert_cmpstr (none, ==, "**************0011");
  g_assert_cmpstr (one, ==, "王**");
  g_assert_cmpstr (two, ==, "欧阳**");
  g_assert_cmpstr (short_name, ==, "欧*");

  g_assert_true (jz_office_parse_partial_id ("4,2", &head, &tail));
  g_assert_cmpuint (head, ==, 4);
  g_assert_cmpuint (tail, ==, 2);
  g_assert_false (jz_office_parse_partial_id ("0,0", NULL, NULL));
  g_assert_false (jz_office_parse_partial_id ("6,6", NULL, NULL));
  g_assert_false (jz_office_parse_partial_id ("4", NULL, NULL));
  g_assert_false (jz_office_parse_partial_id ("a,2", NULL, NULL));
}

static void
test_longterm (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jz-test-XXXXXX", NULL);
  g_autoptr(JzDb) db = district (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDisclosureQuery) q = query_for (db, JZ_DISCLOSURE_LONGTERM, 2, "dibao_rural,tekun_dispersed");
  g_autoptr(JzDisclosureList) list = jz_disclosure_build (db, NULL, q, &error);
  g_autofree char *names = NULL;

  g_assert_no_error (error);
  names = names_of (list);
  /* 柳河镇 in June: by village in the order of their codes, then program,
   * then name; the dead, the ended before June and the starting in July
   * left out, the ended in mid-June kept. */
  g_assert_cmpstr (names, ==,
                   "1 王家庄村 吴新民 1 20000|2 王家庄村 欧阳明华 1 45050|3 王家庄村 王建国 2 98000|"
                   "4 李家村 赵凤兰 1 160000");
  g_assert_cmpint (list->total_amount, ==, 20000 + 45050 + 98000 + 160000);
  g_assert_cmpuint (list->persons, ==, 5);
  g_assert_cmpuint (list->villages, ==, 2);
  g_assert_cmpstr (list->period, ==, "2026-06");
  g_assert_cmpstr (list->region_name, ==, "柳河镇");
  /* The title template, with {place} {year} {month} {program}. */
  g_assert_nonnull (strstr (list->title, "柳河镇"));
  g_assert_nonnull (strstr (list->title, "2026"));
  for (guint i = 0; i < list->rows->len; i++)
    {
      const JzDisclosureRow *row = g_ptr_array_index (list->rows, i);

      g_assert_null (row->id_partial);
      g_assert_null (row->remark);
    }

  /* One village; the district; one program. */
  {
    g_autoptr(JzDisclosureQuery) village = query_for (db, JZ_DISCLOSURE_LONGTERM, 4, "dibao_rural,tekun_dispersed");
    g_autoptr(JzDisclosureList) v = jz_disclosure_build (db, NULL, village, &error);
    g_autoptr(JzDisclosureQuery) all = query_for (db, JZ_DISCLOSURE_LONGTERM, 0, "dibao_rural");
    g_autoptr(JzDisclosureList) d = jz_disclosure_build (db, NULL, all, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (v->rows->len, ==, 1);
    g_assert_cmpstr (v->region_name, ==, "柳河镇李家村");
    /* Three in 柳河镇 and one in 东岭镇; the tekun case is another program. */
    g_assert_cmpuint (d->rows->len, ==, 4);
    g_assert_cmpstr (((JzDisclosureRow *) g_ptr_array_index (d->rows, 3))->name, ==, "周建华");
  }

  /* May: the one ended on 31 May is on it, the one dead on 20 May too. */
  {
    g_autoptr(JzDisclosureQuery) may = query_for (db, JZ_DISCLOSURE_LONGTERM, 2, "dibao_rural");
    g_autoptr(JzDisclosureList) m = NULL;

    g_free (may->month);
    may->month = g_strdup ("2026-05");
    m = jz_disclosure_build (db, NULL, may, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (m->rows->len, ==, 5);
  }
  g_clear_object (&db);
}

static void
test_privacy_options (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jz-test-XXXXXX", NULL);
  g_autoptr(JzDb) db = district (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDisclosureQuery) q = NULL;
  g_autoptr(JzDisclosureList) list = NULL;

  /* The office's options are the query's. */
  g_assert_true (jz_office_set (db, JZ_OFFICE_DISCLOSURE_PARTIAL_ID, "4,2", &error));
  g_assert_true (jz_office_set (db, JZ_OFFICE_DISCLOSURE_MASK_NAMES, "1", &error));
  g_assert_no_error (error);
  g_assert_false (jz_office_set (db, JZ_OFFICE_DISCLOSURE_PARTIAL_ID, "9,9", &error));
  g_assert_error (error, JZ_OFFICE_ERROR, JZ_OFFICE_ERROR_INVALID);
  g_clear_error (&error);

  q = query_for (db, JZ_DISCLOSURE_LONGTERM, 3, "dibao_rural");
  g_assert_cmpuint (q->id_head, ==, 4);
  g_assert_cmpuint (q->id_tail, ==, 2);
  g_assert_true (q->mask_names);
  list = jz_disclosure_build (db, NULL, q, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->rows->len, ==, 3);
  for (guint i = 0; i < list->rows->len; i++)
    {
      const JzDisclosureRow *row = g_ptr_array_index (list->rows, i);

      g_assert_nonnull (strstr (row->name, "*"));
      g_assert_cmpuint (strlen (row->id_partial), ==, 18);
      g_assert_true (g_str_has_prefix (row->id_partial, "3703************"));
    }
  g_clear_object (&db);
}

static void
test_notice (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jz-test-XXXXXX", NULL);
  g_autoptr(JzDb) db = district (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(JzDisclosureQuery) q = query_for (db, JZ_DISCLOSURE_NOTICE, 2, "dibao_rural");
  g_autoptr(JzDisclosureList) list = jz_disclosure_build (db, NULL, q, &error);
  const JzDisclosureRow *row;

  g_assert_no_error (error);
  /* The application noticed from 10 June, the case ended on 15 June. */
  g_assert_cmpuint (list->rows->len, ==, 2);
  row = g_ptr_array_index (list->rows, 0);
  g_assert_cmpstr (row->remark, ==, "ended");
  g_assert_cmpstr (row->name, ==, "吴新民");
  row = g_ptr_array_index (list->rows, 1);
  g_assert_cmpstr (row->remark, ==, "new");
  g_assert_cmpstr (row->village_name, ==, "李家村");
  /* No standards in this database: the engine could not compute it. */
  g_assert_cmpint (row->monthly_amount, ==, -1);
  g_assert_nonnull (strstr (list->period, "2026-06-10"));

  /* Bad choices are refused in words. */
  g_free (q->notice_to);
  q->notice_to = g_strdup ("2026-06-01");
  g_assert_null (jz_disclosure_build (db, NULL, q, &error));
  g_assert_error (error, JZ_DISCLOSURE_ERROR, JZ_DISCLOSURE_ERROR_INVALID);
  g_clear_error (&error);
  g_strfreev (q->programs);
  q->programs = g_new0 (char *, 1);
  g_assert_null (jz_disclosure_build (db, NULL, q, &error));
  g_assert_error (error, JZ_DISCLOSURE_ERROR, JZ_DISCLOSURE_ERROR_INVALID);
  g_clear_object (&db);
}

/* A clerk lists their own township; the list is recorded and can be
 * produced again from its record. */
static void
test_scope_and_record (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jz-test-XXXXXX", NULL);
  g_autoptr(JzDb) db = district (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(JzUser) clerk = jz_user_new ();
  g_autoptr(JzDisclosureQuery) q = query_for (db, JZ_DISCLOSURE_LONGTERM, 0, "dibao_rural");
  g_autoptr(JzDisclosureList) list = NULL;
  g_autoptr(JzDisclosureList) again = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(JzDisclosureQuery) recorded = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  clerk->name = g_strdup ("dongling");
  clerk->role = JZ_ROLE_CLERK;
  clerk->region_id = 5;
  clerk->active = TRUE;

  /* The whole district asked: their township given. */
  list = jz_disclosure_build (db, clerk, q, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->rows->len, ==, 1);
  g_assert_cmpint (list->query->region_id, ==, 5);
  /* Another township: refused. */
  q->region_id = 2;
  g_assert_null (jz_disclosure_build (db, clerk, q, &error));
  g_assert_error (error, JZ_USER_ERROR, JZ_USER_ERROR_DENIED);
  g_clear_error (&error);

  g_assert_true (jz_disclosure_record (db, list, "pdf", &error));
  g_assert_no_error (error);
  records = jz_disclosure_list_records (db, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_cmpstr (((JzDisclosureRecord *) g_ptr_array_index (records, 0))->format, ==, "pdf");
  g_assert_cmpstr (((JzDisclosureRecord *) g_ptr_array_index (records, 0))->user_name, ==, "clerk-a");
  g_assert_cmpuint (((JzDisclosureRecord *) g_ptr_array_index (records, 0))->rows, ==, 1);

  recorded = jz_disclosure_record_query (g_ptr_array_index (records, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpint (recorded->region_id, ==, 5);
  g_assert_cmpstr (recorded->month, ==, "2026-06");
  again = jz_disclosure_build (db, NULL, recorded, &error);
  g_assert_no_error (error);
  first = names_of (list);
  second = names_of (again);
  g_assert_cmpstr (first, ==, second);

  /* The record is never changed. */
  g_assert_false (jz_db_exec (db, "DELETE FROM disclosure_log", NULL));
  g_clear_object (&db);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/disclosure/masks", test_masks);
  g_test_add_func ("/disclosure/longterm", test_longterm);
  g_test_add_func ("/disclosure/privacy-options", test_privacy_options);
  g_test_add_func ("/disclosure/notice", test_notice);
  g_test_add_func ("/disclosure/scope-and-record", test_scope_and_record);

  return g_test_run ();
}
