/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib/gstdio.h>

#include "jz-db.h"
#include "jz-region.h"

/* A fresh database in a temporary folder, with one district, township and
 * village; the folder goes away with jz_test_db_free(). */
typedef struct
{
  char   *dir;
  char   *path;
  JzDb   *db;
  gint64  district;
  gint64  township;
  gint64  village;
} JzTestDb;

static inline JzTestDb *
jz_test_db_new (void)
{
  g_autoptr(GError) error = NULL;
  JzTestDb *t = g_new0 (JzTestDb, 1);

  t->dir = g_dir_make_tmp ("jz-test-XXXXXX", NULL);
  t->path = g_build_filename (t->dir, "test.db", NULL);
  t->db = jz_db_open (t->path, JZ_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  jz_db_set_user_name (t->db, "clerk-a");

  t->district = jz_region_create (t->db, 0, "district", "370302", "青禾区", &error);
  g_assert_no_error (error);
  t->township = jz_region_create (t->db, t->district, "town", "370302101", "柳河镇", &error);
  g_assert_no_error (error);
  t->village = jz_region_create (t->db, t->township, "village", "370302101201", "王家庄村", &error);
  g_assert_no_error (error);

  return t;
}

static inline void
jz_test_db_free (JzTestDb *t)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&t->db);
  dir = g_dir_open (t->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (t->dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (t->dir);
  g_free (t->dir);
  g_free (t->path);
  g_free (t);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JzTestDb, jz_test_db_free)
