/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-benefit.h"
#include "jz-db.h"
#include "jz-standard.h"

G_BEGIN_DECLS

/* The raise preview (提标测算): what a new standard would change, before
 * it is saved.
 *
 * A draft is a JzStandard not yet saved: kind, hukou, township (0: the
 * whole district), value and effective_from.  The preview runs the benefit
 * engine twice over every case active on the draft's date whose amount
 * depends on the kind — once with the standards in force on that date, as
 * they are, and once as if the draft had been saved — and adds up the
 * differences per program and township.
 *
 * Active on the date: status `active` and started on or before it (or
 * with no start date), or `approved` with payment starting on or before
 * it; and not ended by then.  The facts are those of the household file
 * now, as jz_benefit_facts_from_case() reads them.
 *
 * Which cases a kind bears on:
 *   dibao                            urban or rural dibao, and the basic
 *                                    amount of both kinds of tekun, of
 *                                    households of the draft's hukou
 *   tekun_basic_ratio                both kinds of tekun of that hukou
 *   min_wage, care_*_pct             dispersed tekun
 *   increment_*_pct,
 *   gradual_exit_months              urban and rural dibao
 *   disability_living, disability_care,
 *   child_living                     their own program
 *   temp_*                           none: temporary assistance is paid
 *                                    once, so no monthly amount changes
 *                                    (the preview says so: monthly FALSE)
 *   the deadlines, notice days,
 *   review intervals, sample share   none: they set no amount
 *
 * Where the draft holds: a township's own value wins over the district's
 * whatever their dates (jz_standard_find()), so a draft for the whole
 * district changes nothing in a township that has its own value in force,
 * and a draft for a township changes that township only.
 *
 * A case is counted as affected when its monthly amount changes.  The
 * yearly change is 12 × the monthly change: a whole year at the cases and
 * facts of today, before any case starts, ends or leaves gradual exit.
 * Persons are those the amounts are for (members in the program; one for
 * tekun and per-person subsidies); a person in two programs counts in each.
 *
 * A case the engine cannot compute (incomplete facts, a standard missing)
 * is left out of the sums and counted in failed, with the first reason.
 *
 * Facts are read in a few queries per block of households, ordered by
 * household, so that a district of 400,000 households takes seconds; each
 * block is its own short read, so that other clerks can save meanwhile. */

typedef struct
{
  JzBenefitProgram  program;
  gint64            township_id;     /* 0: households in no township */
  char             *township_name;   /* NULL with township_id 0 */
  guint             households;      /* with a case whose amount changes */
  guint             persons;         /* the changed amounts are for */
  gint64            monthly_change;  /* fen, new − old */
  gint64            yearly_change;   /* fen, 12 × monthly_change */
} JzStandardPreviewRow;

typedef struct
{
  JzStandardKind        kind;
  char                 *on_date;   /* the draft's effective_from */
  gboolean              monthly;   /* FALSE: the kind sets no monthly amount (temp_*, the deadlines) */
  char                 *note;      /* with monthly FALSE, why: a translated sentence */
  GPtrArray            *rows;      /* JzStandardPreviewRow, by program, then township code;
                                    * only rows with a change */
  JzStandardPreviewRow  total;     /* all rows; a household is counted once
                                    * across programs; program is unused */
  guint                 cases;     /* cases the draft could change, computed */
  guint                 failed;    /* of them, cases the engine could not compute */
  char                 *failure;   /* the first failure's reason, or NULL */
} JzStandardPreview;

JzStandardPreview *jz_standard_preview_compute (JzDb                *db,
                                                const JzStandard    *draft,
                                                GCancellable        *cancellable,
                                                GError             **error);
void               jz_standard_preview_async   (JzDb                *db,
                                                const JzStandard    *draft,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
JzStandardPreview *jz_standard_preview_finish  (JzDb                *db,
                                                GAsyncResult        *result,
                                                GError             **error);
void               jz_standard_preview_free    (JzStandardPreview   *preview);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JzStandardPreview, jz_standard_preview_free)

G_END_DECLS
