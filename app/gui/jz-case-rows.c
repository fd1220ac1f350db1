/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-calendar.h"
#include "jz-case-rows.h"
#include "jz-household-rows.h"

/* The words of a step, by the state it leads to; "active" reads
 * differently after a suspension. */
static const struct
{
  const char *from;   /* NULL: from any state */
  const char *to;
  const char *verb;   /* a button */
  const char *title;  /* the dialog recording it */
  const char *description;
} steps[] = {
  { NULL, "submitted", N_("_Submit…"), N_("Submit the Application"),
    N_("The application and its materials are handed in complete.") },
  { NULL, "accepted", N_("_Accept…"), N_("Accept the Application"),
    N_("Accepting starts the deadlines of the investigation and of the whole process.") },
  { NULL, "investigating", N_("Start _Investigation…"), N_("Start the Investigation"),
    N_("The day the investigation of income and property started, with the home visit.") },
  { NULL, "village_notice", N_("Post _Village Notice…"), N_("Post the Village Notice"),
    N_("The public notice runs from this day; the township review is recorded once it has ended.") },
  { NULL, "township_reviewed", N_("Record Township _Review…"), N_("Record the Township Review"),
    N_("The county decides next.") },
  { NULL, "approved", N_("_Approve…"), N_("Approve the Application"),
    N_("The amount is computed with the standards in force when payment starts, and saved with its breakdown.") },
  { "suspended", "active", N_("_Resume…"), N_("Resume Payment"),
    N_("Payment starts again from this day.") },
  { NULL, "active", N_("Start _Payment…"), N_("Start Payment"),
    N_("The case is paid from now on and comes up for review on its date.") },
  { NULL, "suspended", N_("_Suspend…"), N_("Suspend Assistance"),
    N_("Payment stops until it is resumed.") },
  { NULL, "terminated", N_("_End Assistance…"), N_("End Assistance"),
    N_("The case ends on this day and nothing more is paid.") },
  { NULL, "rejected", N_("_Reject…"), N_("Reject the Application"),
    N_("The applicant is told the reason in writing, with the way to appeal.") },
  { NULL, "withdrawn", N_("_Withdraw…"), N_("Withdraw the Application"),
    N_("The application ends at the applicant’s request.") },
};

/* What a case in a state waits for. */
static const struct
{
  const char *status;
  const char *label;
} next_steps[] = {
  { "draft",             N_("Submit the application") },
  { "submitted",         N_("Accept the application") },
  { "accepted",          N_("Start the investigation") },
  { "investigating",     N_("Post the village notice") },
  { "village_notice",    N_("Record the township review") },
  { "township_reviewed", N_("Decide on the application") },
  { "approved",          N_("Start payment") },
  { "active",            N_("Review the case") },
};

static const struct
{
  const char *code;
  const char *label;
} temp_kinds[] = {
  { "illness",   N_("Major illness") },
  { "education", N_("Education costs") },
  { "other",     N_("Other hardship") },
};

GtkWidget *
jz_case_fact_row_new (const char *title,
                      const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label;
  gboolean empty = value == NULL || *value == '\0';

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  label = g_object_new (GTK_TYPE_LABEL,
                        "label", empty ? "—" : value,
                        "hexpand", TRUE,
                        "xalign", 1.0f,
                        "wrap", TRUE,
                        "wrap-mode", PANGO_WRAP_WORD_CHAR,
                        "selectable", TRUE,
                        "valign", GTK_ALIGN_CENTER,
                        NULL);
  gtk_widget_add_css_class (label, "jz-fact");
  if (empty)
    gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

  return row;
}

/* Labels and formulas come from the engine, in words: never markup. */
GtkWidget *
jz_case_benefit_row_new (const char *label,
                         const char *formula,
                         gint64      amount,
                         gboolean    total)
{
  GtkWidget *row = jz_household_plain_row_new (label, formula != NULL ? formula : "");
  g_autofree char *text = jz_household_format_amount (amount);
  GtkWidget *value = gtk_label_new (text);

  gtk_widget_add_css_class (value, "numeric");
  if (total)
    {
      gtk_widget_add_css_class (value, "heading");
      gtk_widget_add_css_class (row, "jz-total");
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);

  return row;
}

/* Red, in the style sheet's one colour for what is late. */
void
jz_case_mark_overdue (GtkWidget *widget,
                      gboolean   overdue)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (overdue)
    gtk_widget_add_css_class (widget, "jz-overdue");
  else
    gtk_widget_remove_css_class (widget, "jz-overdue");
}

static gint
find_step (const char *from,
           const char *to)
{
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (g_strcmp0 (steps[i].to, to) == 0 && (steps[i].from == NULL || g_strcmp0 (steps[i].from, from) == 0))
      return (gint) i;

  return -1;
}

/* A button's label, with a mnemonic. */
const char *
jz_case_step_verb (const char *from,
                   const char *to)
{
  gint i = find_step (from, to);

  return i >= 0 ? _(steps[i].verb) : to;
}

const char *
jz_case_step_title (const char *from,
                    const char *to)
{
  gint i = find_step (from, to);

  return i >= 0 ? _(steps[i].title) : to;
}

const char *
jz_case_step_description (const char *from,
                          const char *to)
{
  gint i = find_step (from, to);

  return i >= 0 ? _(steps[i].description) : NULL;
}

/* Returns: (nullable): what a case in @status waits for */
const char *
jz_case_next_step_label (const char *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (next_steps); i++)
    if (g_strcmp0 (next_steps[i].status, status) == 0)
      return _(next_steps[i].label);

  return NULL;
}

/* The due day itself is still in time (jz_workflow_overdue()). */
gboolean
jz_case_date_passed (const char *deadline,
                     const char *today)
{
  return deadline != NULL && today != NULL && g_strcmp0 (today, deadline) > 0;
}

/* "Overdue since" the first day past @deadline. */
char *
jz_case_overdue_since (const char *deadline)
{
  GDate date;
  g_autofree char *since = NULL;

  if (deadline == NULL || !jz_calendar_parse_date (deadline, &date))
    return g_strdup (_("Overdue"));

  g_date_add_days (&date, 1);
  since = jz_calendar_format_date (&date);
  /* TRANSLATORS: %s is the first day a step was late, 2026-11-20 */
  return g_strdup_printf (_("Overdue since %s"), since);
}

const char *
jz_case_temp_kind_code (guint position)
{
  return position < G_N_ELEMENTS (temp_kinds) ? temp_kinds[position].code : NULL;
}

guint
jz_case_temp_kind_count (void)
{
  return G_N_ELEMENTS (temp_kinds);
}

const char *
jz_case_temp_kind_label (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (temp_kinds); i++)
    if (g_strcmp0 (temp_kinds[i].code, code) == 0)
      return _(temp_kinds[i].label);

  return code;
}

/* 60000 bp is "6", 45000 "4.5": the multiple as a clerk writes it. */
char *
jz_case_format_multiple (gint64 bp)
{
  GString *text = g_string_new (NULL);
  gint64 fraction = bp % 10000;

  g_string_append_printf (text, "%" G_GINT64_FORMAT, bp / 10000);
  if (fraction != 0)
    {
      g_string_append_printf (text, ".%04" G_GINT64_FORMAT, fraction);
      while (text->str[text->len - 1] == '0')
        g_string_truncate (text, text->len - 1);
    }

  return g_string_free (text, FALSE);
}

/* A multiple with at most four decimals, read without floating point. */
gboolean
jz_case_parse_multiple (const char *text,
                        gint64     *bp)
{
  g_autofree char *clean = g_strstrip (g_strdup (text != NULL ? text : ""));
  gint64 whole = 0, fraction = 0;
  guint decimals = 0;
  const char *p = clean;

  if (*p == '\0')
    return FALSE;

  for (; g_ascii_isdigit (*p); p++)
    {
      whole = whole * 10 + (*p - '0');
      if (whole > 1000)
        return FALSE;
    }
  if (p == clean)
    return FALSE;

  if (*p == '.')
    {
      for (p++; g_ascii_isdigit (*p); p++)
        {
          if (++decimals > 4)
            return FALSE;
          fraction = fraction * 10 + (*p - '0');
        }
      if (decimals == 0)
        return FALSE;
    }
  if (*p != '\0')
    return FALSE;

  for (; decimals < 4; decimals++)
    fraction *= 10;

  *bp = whole * 10000 + fraction;
  return TRUE;
}
