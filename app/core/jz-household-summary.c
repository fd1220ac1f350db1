/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "jz-db-private.h"
#include "jz-household-query-private.h"

/* household_summary and household_facets as a whole. */

gint64
jz_household_summary_generation (JzDb    *db,
                                 GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 generation = -1;

  g_return_val_if_fail (JZ_IS_DB (db), -1);

  stmt = jz_db_prepare (db, "SELECT generation FROM household_summary_generation WHERE id = 1", error);
  if (stmt == NULL || !jz_household_query_int (db, stmt, &generation, error))
    return -1;

  return generation;
}

/* What the views give, computed for every household at once: the tables
 * are read in rowid order, which is also about household order, and the
 * facets sorted once (the view's plan reads persons by name and seeks the
 * household of each, five times slower); then the programs of the
 * summary come from the facets, already in the order of the programs
 * table.  The tests check that this gives what the views give. */
static gboolean
rebuild_cb (JzDb     *db,
            gpointer  user_data,
            GError  **error)
{
  return jz_db_exec (db,
                     "DELETE FROM household_summary;"
                     "DELETE FROM household_facets;"
                     "INSERT INTO household_facets "
                     "SELECT file_status, facet, township_id, household_id FROM ("
                     "  SELECT CASE h.status WHEN 'open' THEN 0 WHEN 'closed' THEN 1 ELSE 2 END AS file_status,"
                     "         unicode (p.name) AS facet, coalesce (v.parent_id, 0) AS township_id,"
                     "         p.household_id AS household_id"
                     "  FROM persons p NOT INDEXED JOIN households h ON h.id = p.household_id"
                     "  LEFT JOIN regions v ON v.id = h.region_id"
                     "  WHERE p.active = 1 OR h.status <> 'open'"
                     "  UNION ALL"
                     "  SELECT CASE h.status WHEN 'open' THEN 0 WHEN 'closed' THEN 1 ELSE 2 END,"
                     "         (SELECT g.sort_order FROM programs g WHERE g.code = c.program) - 1000000,"
                     "         coalesce (v.parent_id, 0), c.household_id"
                     "  FROM cases c NOT INDEXED JOIN households h ON h.id = c.household_id"
                     "  LEFT JOIN regions v ON v.id = h.region_id"
                     "  WHERE c.status = 'active') "
                     "GROUP BY 1, 2, 3, 4;"
                     /* A bulk load may have dropped it; the programs are
                      * looked up through it, once per household. */
                     "CREATE INDEX IF NOT EXISTS household_facets_household ON household_facets (household_id);"
                     "INSERT INTO household_summary "
                     "SELECT s.household_id, s.township_id, s.village_id, s.hukou, s.file_status, s.head_name, "
                     "       s.head_id_number, s.members, "
                     "       coalesce ((SELECT group_concat (g.code, ',') FROM household_facets f "
                     "                  JOIN programs g ON g.sort_order = f.facet + 1000000 "
                     "                  WHERE f.household_id = s.household_id AND f.facet < 0), ''), "
                     "       s.case_status, s.monthly_amount "
                     "FROM household_summary_source s;"
                     "UPDATE household_summary_generation SET generation = generation + 1;",
                     error);
}

/**
 * jz_household_summary_rebuild:
 *
 * Computes household_summary and household_facets again from the
 * households, persons and cases, in one transaction (nested in the
 * caller's, if any).  The triggers keep them right; this is for bulk
 * loads that run without the triggers, and for repairs.
 */
gboolean
jz_household_summary_rebuild (JzDb    *db,
                              GError **error)
{
  g_return_val_if_fail (JZ_IS_DB (db), FALSE);

  return jz_db_write (db, rebuild_cb, NULL, error);
}
