/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Dynamic management (动态管理): the periodic review of an active case,
 * the review after an emergency payment, and the county's tekun sample. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-audit.h"
#include "jz-benefit.h"
#include "jz-calendar.h"
#include "jz-labels.h"
#include "jz-standard.h"
#include "jz-workflow-private.h"


typedef struct
{
  const JzUser *user;
  gint64        case_id;
  const char   *note;
  const char   *on_date;
  const char   *today;
} Review;

static gboolean
has_line (const JzBenefitResult *result,
          const char            *code)
{
  for (guint i = 0; i < result->lines->len; i++)
    {
      const JzBenefitLine *line = g_ptr_array_index (result->lines, i);

      if (g_strcmp0 (line->code, code) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
set_exit_from (JzDb        *db,
               gint64       case_id,
               const char  *exit_from,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = jz_db_prepare (db, "UPDATE cases SET exit_from = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, exit_from, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, case_id);
  return jz_db_step_done (db, stmt, error);
}

static gboolean
read_exit_from (JzDb      *db,
                gint64     case_id,
                char     **exit_from,
                GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = jz_db_prepare (db, "SELECT exit_from FROM cases WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      jz_db_set_error (db, rc, error);
      return FALSE;
    }

  *exit_from = jz_db_column_dup (stmt, 0);
  return TRUE;
}

/* Gradual exit (渐退) of dibao: when the income is no longer below the
 * standard, the review starts the exit (exit_from = its date) if the
 * standards give it months, and the engine keeps the amount before for
 * that long; once the income is below the standard again, the exit is
 * over.  The engine reads exit_from from the case, so it is written
 * first, inside the review's transaction. */
static JzBenefitResult *
compute_review (JzDb              *db,
                const JzCaseFlow  *flow,
                const char        *on_date,
                GError           **error)
{
  g_autoptr(JzBenefitResult) result = jz_benefit_compute_case (db, flow->id, on_date, error);
  g_autofree char *exit_from = NULL;

  if (result == NULL || !jz_workflow_is_dibao (flow->program))
    return g_steal_pointer (&result);

  if (!read_exit_from (db, flow->id, &exit_from, error))
    return NULL;

  if (exit_from == NULL && has_line (result, "not_eligible"))
    {
      g_autoptr(GError) local_error = NULL;
      gint64 months = 0;

      if (!jz_standard_value_at (db, JZ_STANDARD_GRADUAL_EXIT_MONTHS, JZ_STANDARD_HUKOU_ANY,
                                 flow->township_id, on_date, &months, &local_error))
        {
          if (!g_error_matches (local_error, JZ_STANDARD_ERROR, JZ_STANDARD_ERROR_MISSING))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          months = 0;
        }

      if (months > 0)
        {
          if (!set_exit_from (db, flow->id, on_date, error))
            return NULL;
          g_clear_pointer (&result, jz_benefit_result_free);
          result = jz_benefit_compute_case (db, flow->id, on_date, error);
        }
    }
  else if (exit_from != NULL && !has_line (result, "gradual_exit") && !has_line (result, "gradual_exit_ended"))
    {
      if (!set_exit_from (db, flow->id, NULL, error))
        return NULL;
    }

  return g_steal_pointer (&result);
}

static gboolean
review_cb (JzDb     *db,
           gpointer  user_data,
           GError  **error)
{
  Review *review = user_data;
  g_autoptr(JzCaseFlow) before = NULL;
  g_autoptr(JzCaseFlow) after = NULL;
  g_autoptr(JzBenefitResult) result = NULL;
  g_autofree char *snapshot = NULL;
  g_autofree char *breakdown = NULL;
  gboolean pays;

  before = jz_workflow_load_for_write (db, review->case_id, 0, error);
  if (before == NULL)
    return FALSE;
  snapshot = jz_workflow_snapshot (db, review->case_id, error);
  if (snapshot == NULL)
    return FALSE;

  if (!g_str_equal (before->status, "active"))
    {
      g_set_error_literal (error, JZ_WORKFLOW_ERROR, JZ_WORKFLOW_ERROR_TRANSITION,
                           _("Only a case that is receiving assistance can be reviewed."));
      return FALSE;
    }

  if (!jz_user_check (review->user, JZ_PERMISSION_DECIDE, before->township_id, error) ||
      !jz_workflow_check_step_date (db, before, review->on_date, review->today, error))
    return FALSE;

  result = compute_review (db, before, review->on_date, error);
  if (result == NULL)
    return FALSE;
  after = jz_case_flow_copy (before);
  after->monthly_amount = result->total;
  if (result->persons > 0)
    after->persons = (int) result->persons;
  breakdown = jz_benefit_result_to_saved_json (result);

  /* Low-income monitoring pays nothing: its review never stops it. */
  pays = g_strcmp0 (jz_labels_program_period (before->program), "none") != 0;

  if (pays && after->monthly_amount == 0)
    {
      if (!jz_workflow_require_reason (review->note, error))
        return FALSE;
      jz_workflow_set_str (&after->status, "terminated");
      jz_workflow_set_str (&after->ended_on, review->on_date);
      jz_workflow_set_str (&after->end_reason, review->note);
      jz_workflow_set_str (&after->reason, review->note);
      g_clear_pointer (&after->next_review_on, g_free);
    }
  else
    {
      if (after->monthly_amount != before->monthly_amount && !jz_workflow_require_reason (review->note, error))
        return FALSE;
      g_clear_pointer (&after->next_review_on, g_free);
      if (!jz_workflow_next_review (db, after, review->on_date, &after->next_review_on, error))
        return FALSE;
    }

  return jz_workflow_commit_step (db, review->user, snapshot, before, after, review->on_date, review->note,
                                  breakdown, error);
}

/**
 * jz_case_review:
 * @on_date: (nullable): the day of the review, %NULL for today
 * @note: (nullable): the reason of a change
 *
 * The history row goes from active to active (the amount raised, lowered
 * or kept) or to terminated (stopped), with the engine's breakdown.
 */
gboolean
jz_case_review (JzDb          *db,
                const JzUser  *user,
                gint64         case_id,
                const char    *on_date,
                const char    *note,
                GError       **error)
{
  g_autofree char *today = jz_today ();
  g_autofree char *clean_note = g_strstrip (g_strdup (note != NULL ? note : ""));
  Review review = { user, case_id, clean_note, on_date != NULL ? on_date : today, today };

  g_return_val_if_fail (JZ_IS_DB (db), FALSE);

  return jz_db_write (db, review_cb, &review, error);
}

static gboolean
review_emergency_cb (JzDb     *db,
                     gpointer  user_data,
                     GError  **error)
{
  Review *review = user_data;
  g_autoptr(JzCaseFlow) before = NULL;
  g_autoptr(JzCaseFlow) after = NULL;
  g_autofree char *snapshot = NULL;

  before = jz_workflow_load_for_write (db, review->case_id, 0, error);
  if (before == NULL)
    return FALSE;
  snapshot = jz_workflow_snapshot (db, review->case_id, error);
  if (snapshot == NULL)
    return FALSE;

  if (!before->emergency)
    {
      g_set_error_literal (error, JZ_WORKFLOW_ERROR, JZ_WORKFLOW_ERROR_TRANSITION,
                           _("This case was not paid as an emergency; there is nothing to review after."));
      return FALSE;
    }
  if (before->emergency_reviewed_on != NULL)
    {
      g_set_error (error, JZ_WORKFLOW_ERROR, JZ_WORKFLOW_ERROR_TRANSITION,
                   _("This emergency payment was already reviewed on %s."), before->emergency_reviewed_on);
      return FALSE;
    }
  if (!g_str_equal (before->status, "approved"))
    {
      g_set_error_literal (error, JZ_WORKFLOW_ERROR, JZ_WORKFLOW_ERROR_TRANSITION,
                           _("An emergency payment is reviewed after it is approved."));
      return FALSE;
    }

  if (!jz_user_check (review->user, JZ_PERMISSION_DECIDE, before->township_id, error) ||
      !jz_workflow_check_step_date (db, before, review->on_date, review->today, error))
    return FALSE;

  after = jz_case_flow_copy (before);
  jz_workflow_set_str (&after->emergency_reviewed_on, review->on_date);

  return jz_workflow_commit_step (db, review->user, snapshot, before, after, review->on_date, review->note,
                                  NULL, error);
}

/**
 * jz_case_review_emergency:
 *
 * Sets emergency_reviewed_on of an approved emergency payment (先行救助),
 * which takes it off the Tasks panel; a history row records it.
 */
gboolean
jz_case_review_emergency (JzDb          *db,
                          const JzUser  *user,
                          gint64         case_id,
                          const char    *on_date,
                          const char    *note,
                          GError       **error)
{
  g_autofree char *today = jz_today ();
  g_autofree char *clean_note = g_strstrip (g_strdup (note != NULL ? note : ""));
  Review review = { user, case_id, clean_note, on_date != NULL ? on_date : today, today };

  g_return_val_if_fail (JZ_IS_DB (db), FALSE);

  return jz_db_write (db, review_emergency_cb, &review, error);
}

/* --- the county's tekun sample ------------------------------------------ */

typedef struct
{
  guint64 seed;
  guint   rate_bp;    /* 0: the standard in force today */
  guint   n_sampled;
} Sample;

typedef struct
{
  gint64  id;
  guint64 key;
} Candidate;

/* splitmix64: a fixed, portable order for a seed, whatever GLib's random
 * generator does in another version. */
static guint64
mix (guint64 x)
{
  x += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  x = (x ^ (x >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  x = (x ^ (x >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return x ^ (x >> 31);
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a;
  const Candidate *y = b;

  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

static gboolean
sample_cb (JzDb     *db,
           gpointer  user_data,
           GError  **error)
{
  Sample *sample = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  guint64 total = 0, already = 0, target, needed;
  int rc;

  if (sample->rate_bp == 0)
    {
      g_autofree char *today = jz_today ();
      JzWorkflowRules rules;

      /* The county's rate, whatever a township set for itself. */
      if (!jz_workflow_rules_load (db, today, 0, &rules, error))
        return FALSE;
      sample->rate_bp = (guint) MIN (rules.tekun_sample_rate_bp, 10000);
    }

  stmt = jz_db_prepare (db,
                        "SELECT id, sampled FROM cases WHERE program IN ('tekun_dispersed', 'tekun_centralized') "
                        "AND status = 'township_reviewed' ORDER BY id",
                        error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      total++;
      if (sqlite3_column_int (stmt, 1) != 0)
        already++;
      else
        {
          Candidate c = { sqlite3_column_int64 (stmt, 0), 0 };

          c.key = mix (sample->seed ^ mix ((guint64) c.id));
          g_array_append_val (candidates, c);
        }
    }
  if (rc != SQLITE_DONE)
    {
      jz_db_set_error (db, rc, error);
      return FALSE;
    }

  /* At least the rate: rounded up. */
  target = (total * sample->rate_bp + 9999) / 10000;
  if (target <= already)
    return TRUE;
  needed = target - already;
  g_array_sort (candidates, compare_candidates);

  update = jz_db_prepare (db, "UPDATE cases SET sampled = 1, version = version + 1 WHERE id = ?", error);
  if (update == NULL)
    return FALSE;

  for (guint i = 0; i < needed && i < candidates->len; i++)
    {
      const Candidate *c = &g_array_index (candidates, Candidate, i);
      g_autofree char *snapshot = jz_audit_snapshot (db, "cases", c->id, error);

      if (snapshot == NULL)
        return FALSE;

      sqlite3_reset (update);
      sqlite3_bind_int64 (update, 1, c->id);
      if (!jz_db_step_done (db, update, error) ||
          !jz_audit_record_change (db, "cases", c->id, "update", snapshot, error))
        return FALSE;
      sample->n_sampled++;
    }

  return TRUE;
}

gboolean
jz_workflow_sample_tekun (JzDb          *db,
                          const JzUser  *user,
                          guint64        seed,
                          guint          rate_bp,
                          guint         *n_sampled,
                          GError       **error)
{
  Sample sample = { seed, MIN (rate_bp, 10000), 0 };

  g_return_val_if_fail (JZ_IS_DB (db), FALSE);

  if (n_sampled != NULL)
    *n_sampled = 0;

  if (!jz_user_check (user, JZ_PERMISSION_DECIDE, 0, error))
    return FALSE;

  if (!jz_db_write (db, sample_cb, &sample, error))
    return FALSE;

  if (n_sampled != NULL)
    *n_sampled = sample.n_sampled;
  return TRUE;
}

/**
 * jz_workflow_sample_status:
 * @n_waiting: (out): tekun applications awaiting the county's decision
 * @n_sampled: (out): of those, the ones marked for its check
 * @n_target: (out): how many the rate in force today asks for
 * @rate_bp: (out): that rate, tekun_sample_pct in basis points
 *
 * Where the county's check stands, for jz_workflow_sample_tekun().
 */
gboolean
jz_workflow_sample_status (JzDb     *db,
                           guint    *n_waiting,
                           guint    *n_sampled,
                           guint    *n_target,
                           guint    *rate_bp,
                           GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *today = jz_today ();
  JzWorkflowRules rules;
  guint64 waiting, sampled, rate;

  g_return_val_if_fail (JZ_IS_DB (db), FALSE);

  if (!jz_workflow_rules_load (db, today, 0, &rules, error))
    return FALSE;

  stmt = jz_db_prepare (db,
                        "SELECT count(*), coalesce (sum (sampled <> 0), 0) FROM cases "
                        "WHERE program IN ('tekun_dispersed', 'tekun_centralized') AND status = 'township_reviewed'",
                        error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      jz_db_set_error (db, sqlite3_errcode (jz_db_get_handle (db)), error);
      return FALSE;
    }

  waiting = (guint64) MAX (sqlite3_column_int64 (stmt, 0), 0);
  sampled = (guint64) MAX (sqlite3_column_int64 (stmt, 1), 0);
  rate = (guint64) CLAMP (rules.tekun_sample_rate_bp, 0, 10000);

  if (n_waiting != NULL)
    *n_waiting = (guint) waiting;
  if (n_sampled != NULL)
    *n_sampled = (guint) sampled;
  /* Rounded up, as jz_workflow_sample_tekun() draws. */
  if (n_target != NULL)
    *n_target = (guint) ((waiting * rate + 9999) / 10000);
  if (rate_bp != NULL)
    *rate_bp = (guint) rate;
  return TRUE;
}
