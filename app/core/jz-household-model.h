/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jz-db.h"
#include "jz-household-query.h"
#include "jz-household-row.h"

G_BEGIN_DECLS

/*
 * The case-file list as a GListModel of JzHouseholdRow, for a GtkColumnView
 * over 400,000 households.
 *
 * The number of items is the query's count, from SQL.  Rows are read a
 * page of JZ_HOUSEHOLD_MODEL_PAGE_SIZE at a time, from the boundary of a
 * neighbouring page when one is known (keyset paging, as cheap deep in the
 * list as at its top), with OFFSET only to jump; at most
 * JZ_HOUSEHOLD_MODEL_MAX_PAGES pages are kept, the least recently used
 * dropped first, and the page boundaries remembered are bounded too, so
 * the memory does not grow with the table.
 *
 * While anybody holds a row, the model hands out that same instance for
 * its household and updates it in place (with notify) when the data
 * changes, so that a GtkSingleSelection keeps its item across a refresh.
 *
 * Setting the query emits items-changed (0, old count, new count) once.
 *
 * Refresh: on JzDb::changed (another connection committed) and on
 * jz_household_model_refresh() (call it after writing through the same
 * JzDb, which does not signal its own writes) the model first asks whether
 * anything the list shows changed at all (household_summary_generation),
 * and if so counts again, updates the rows in place, and emits one
 * items-changed that leaves out the rows it last handed out where they
 * kept their positions: usually nothing, or only the rows before or after
 * them.  Where it cannot see (far from those rows) it only notices a
 * change of the number of rows, not rows that swapped places; such rows
 * are read afresh when asked for.
 *
 * A row that cannot be read (the database failed, or changed under the
 * model) is returned as an empty row with id 0, and a refresh follows.
 */

#define JZ_HOUSEHOLD_MODEL_PAGE_SIZE 100
#define JZ_HOUSEHOLD_MODEL_MAX_PAGES 8

#define JZ_TYPE_HOUSEHOLD_MODEL (jz_household_model_get_type ())
G_DECLARE_FINAL_TYPE (JzHouseholdModel, jz_household_model, JZ, HOUSEHOLD_MODEL, GObject)

JzHouseholdModel       *jz_household_model_new             (JzDb                   *db,
                                                            const JzHouseholdQuery *query);
JzDb                   *jz_household_model_get_db          (JzHouseholdModel       *self);
const JzHouseholdQuery *jz_household_model_get_query       (JzHouseholdModel       *self);
void                    jz_household_model_set_query       (JzHouseholdModel       *self,
                                                            const JzHouseholdQuery *query);
void                    jz_household_model_refresh         (JzHouseholdModel       *self);
guint                   jz_household_model_get_n_live_rows (JzHouseholdModel       *self);

G_END_DECLS
