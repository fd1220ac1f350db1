/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The words of a breakdown line, from its numbers.
 *
 * A line keeps what it says as an identifier and whole numbers (fen,
 * basis points, counts): the engine renders them at once, and a breakdown
 * saved with a decision is rendered again when it is shown or printed, in
 * the language of whoever reads it, not of whoever saved it. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-benefit-private.h"
#include "jz-money.h"

typedef enum
{
  TEXT_NOT_ELIGIBLE,          /* income, persons, standard */
  TEXT_GRADUAL_EXIT,          /* income, persons, standard, month, months, amount before */
  TEXT_GRADUAL_EXIT_ENDED,    /* income, persons, standard, months */
  TEXT_DIFFERENCE,            /* standard, income, persons, persons in the program */
  TEXT_DIFFERENCE_SINGLE,     /* standard, own income */
  TEXT_INCREMENT,             /* persons, rate (bp), standard */
  TEXT_TEKUN_BASIC_URBAN,     /* ratio (bp), standard */
  TEXT_TEKUN_BASIC_RURAL,
  TEXT_CARE,                  /* rate (bp), minimum wage */
  TEXT_TEMPORARY_RANGE,       /* multiple (bp), urban standard, lowest, highest */
  TEXT_TEMPORARY_OTHER,       /* multiple (bp), urban standard */
  TEXT_SUBSIDY,               /* persons, monthly amount */
  TEXT_ROUNDING,              /* exact sum, sum of the lines */
} TextForm;

static const struct
{
  const char *id;
  TextForm    form;
  guint       n_args;
  const char *label;          /* msgctxt "benefit line"; NULL: the standard's label */
  int         kind;           /* TEXT_SUBSIDY: a JzStandardKind */
} texts[] = {
  { "not_eligible",                TEXT_NOT_ELIGIBLE,       3, NC_("benefit line", "No dibao"), 0 },
  { "gradual_exit",                TEXT_GRADUAL_EXIT,       6, NC_("benefit line", "Gradual exit: amount kept"), 0 },
  { "gradual_exit_ended",          TEXT_GRADUAL_EXIT_ENDED, 4, NC_("benefit line", "Gradual exit ended"), 0 },
  { "difference",                  TEXT_DIFFERENCE,         4, NC_("benefit line", "Difference to the standard"), 0 },
  { "difference_single",           TEXT_DIFFERENCE_SINGLE,  2, NC_("benefit line", "Difference to the standard, single-person coverage"), 0 },
  { "increment_elderly",           TEXT_INCREMENT,          3, NC_("benefit line", "Increment, elderly"), 0 },
  { "increment_minor",             TEXT_INCREMENT,          3, NC_("benefit line", "Increment, minor"), 0 },
  { "increment_severe_disability", TEXT_INCREMENT,          3, NC_("benefit line", "Increment, severe disability"), 0 },
  { "increment_severe_illness",    TEXT_INCREMENT,          3, NC_("benefit line", "Increment, severe illness"), 0 },
  { "increment_sanwu",             TEXT_INCREMENT,          3, NC_("benefit line", "Increment, “three-without” person"), 0 },
  { "tekun_basic_urban",           TEXT_TEKUN_BASIC_URBAN,  2, NC_("benefit line", "Basic living standard"), 0 },
  { "tekun_basic_rural",           TEXT_TEKUN_BASIC_RURAL,  2, NC_("benefit line", "Basic living standard"), 0 },
  { "care_self",                   TEXT_CARE,               2, NC_("benefit line", "Care fee, self-care"), 0 },
  { "care_partial",                TEXT_CARE,               2, NC_("benefit line", "Care fee, partial care"), 0 },
  { "care_full",                   TEXT_CARE,               2, NC_("benefit line", "Care fee, full care"), 0 },
  { "temporary_illness",           TEXT_TEMPORARY_RANGE,    4, NC_("benefit line", "Temporary assistance, illness"), 0 },
  { "temporary_education",         TEXT_TEMPORARY_RANGE,    4, NC_("benefit line", "Temporary assistance, education"), 0 },
  { "temporary_other",             TEXT_TEMPORARY_OTHER,    2, NC_("benefit line", "Temporary assistance, other need"), 0 },
  { "subsidy_disability_living",   TEXT_SUBSIDY,            2, NULL, JZ_STANDARD_DISABILITY_LIVING },
  { "subsidy_disability_care",     TEXT_SUBSIDY,            2, NULL, JZ_STANDARD_DISABILITY_CARE },
  { "subsidy_child_living",        TEXT_SUBSIDY,            2, NULL, JZ_STANDARD_CHILD_LIVING },
  { "rounding",                    TEXT_ROUNDING,           2, NC_("benefit line", "Rounding to the fen"), 0 },
};

char *
jz_benefit_format_money (gint64 fen)
{
  return jz_money_format (fen);
}

/* "10%" */
char *
jz_benefit_format_percent (gint64 bp)
{
  g_autofree char *number = jz_standard_format_value (JZ_STANDARD_INCREMENT_ELDERLY_PCT, bp);

  return g_strdup_printf ("%s%%", number);
}

/* "1.5" */
char *
jz_benefit_format_multiple (gint64 bp)
{
  return jz_standard_format_value (JZ_STANDARD_TEMP_ILLNESS_MIN, bp);
}

char *
jz_benefit_format_persons (gint64 n)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u persons", (gulong) n), (guint) n);
}

static char *
render_formula (TextForm      form,
                const gint64 *a)
{
  g_autofree char *x0 = NULL, *x1 = NULL, *x2 = NULL, *x3 = NULL, *x5 = NULL;

  switch (form)
    {
    case TEXT_NOT_ELIGIBLE:
      x0 = jz_benefit_format_money (a[0]);
      x1 = jz_benefit_format_persons (a[1]);
      x2 = jz_benefit_format_money (a[2]);
      return g_strdup_printf (_("household income %s ÷ %s is not below the dibao standard %s"), x0, x1, x2);

    case TEXT_GRADUAL_EXIT:
      x0 = jz_benefit_format_money (a[0]);
      x1 = jz_benefit_format_persons (a[1]);
      x2 = jz_benefit_format_money (a[2]);
      x5 = jz_benefit_format_money (a[5]);
      return g_strdup_printf (_("household income %s ÷ %s is not below the dibao standard %s; "
                                "month %d of %d of gradual exit keeps the amount before, %s"),
                              x0, x1, x2, (int) a[3], (int) a[4], x5);

    case TEXT_GRADUAL_EXIT_ENDED:
      x0 = jz_benefit_format_money (a[0]);
      x1 = jz_benefit_format_persons (a[1]);
      x2 = jz_benefit_format_money (a[2]);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "household income %s ÷ %s is not below the dibao standard %s, and the %d month of gradual exit has passed",
                                           "household income %s ÷ %s is not below the dibao standard %s, and the %d months of gradual exit have passed",
                                           (gulong) a[3]),
                              x0, x1, x2, (int) a[3]);

    case TEXT_DIFFERENCE:
      x0 = jz_benefit_format_money (a[0]);
      x1 = jz_benefit_format_money (a[1]);
      x2 = jz_benefit_format_persons (a[2]);
      x3 = jz_benefit_format_persons (a[3]);
      return g_strdup_printf (_("(dibao standard %s − household income %s ÷ %s) × %s in the program"),
                              x0, x1, x2, x3);

    case TEXT_DIFFERENCE_SINGLE:
      x0 = jz_benefit_format_money (a[0]);
      x1 = jz_benefit_format_money (a[1]);
      return g_strdup_printf (_("dibao standard %s − own income %s of the severely disabled member"), x0, x1);

    case TEXT_INCREMENT:
      x0 = jz_benefit_format_persons (a[0]);
      x1 = jz_benefit_format_percent (a[1]);
      x2 = jz_benefit_format_money (a[2]);
      return g_strdup_printf (_("%s × %s × dibao standard %s"), x0, x1, x2);

    case TEXT_TEKUN_BASIC_URBAN:
    case TEXT_TEKUN_BASIC_RURAL:
      x0 = jz_benefit_format_multiple (a[0]);
      x1 = jz_benefit_format_money (a[1]);
      return form == TEXT_TEKUN_BASIC_URBAN ? g_strdup_printf (_("%s × urban dibao standard %s"), x0, x1)
                                            : g_strdup_printf (_("%s × rural dibao standard %s"), x0, x1);

    case TEXT_CARE:
      x0 = jz_benefit_format_percent (a[0]);
      x1 = jz_benefit_format_money (a[1]);
      return g_strdup_printf (_("%s × minimum wage %s"), x0, x1);

    case TEXT_TEMPORARY_RANGE:
      x0 = jz_benefit_format_multiple (a[0]);
      x1 = jz_benefit_format_money (a[1]);
      x2 = jz_benefit_format_multiple (a[2]);
      x3 = jz_benefit_format_multiple (a[3]);
      return g_strdup_printf (_("%s × urban dibao standard %s (allowed: %s to %s ×)"), x0, x1, x2, x3);

    case TEXT_TEMPORARY_OTHER:
      x0 = jz_benefit_format_multiple (a[0]);
      x1 = jz_benefit_format_money (a[1]);
      return g_strdup_printf (_("%s × urban dibao standard %s"), x0, x1);

    case TEXT_SUBSIDY:
      x0 = jz_benefit_format_persons (a[0]);
      x1 = jz_benefit_format_money (a[1]);
      return g_strdup_printf (_("%s × %s a month"), x0, x1);

    case TEXT_ROUNDING:
      x0 = jz_benefit_format_money (a[0]);
      x1 = jz_benefit_format_money (a[1]);
      return g_strdup_printf (_("the exact sum, rounded once half up, is %s; the lines above add up to %s"), x0, x1);

    default:
      g_assert_not_reached ();
    }
}

/* Counts, months and the like must be small and not negative; amounts
 * and rates fit what the engine checks its inputs against. */
static gboolean
args_valid (TextForm      form,
            const gint64 *a,
            guint         n_args)
{
  static const gint64 limit = G_GINT64_CONSTANT (1000000000000);  /* 10^12 fen */

  for (guint i = 0; i < n_args; i++)
    if (a[i] < -limit || a[i] > limit)
      return FALSE;

  switch (form)
    {
    case TEXT_NOT_ELIGIBLE:
    case TEXT_GRADUAL_EXIT:
    case TEXT_GRADUAL_EXIT_ENDED:
      return a[1] >= 0 && a[1] <= JZ_BENEFIT_MAX_MEMBERS &&
             (form != TEXT_GRADUAL_EXIT || (a[3] >= 0 && a[3] <= 1200 && a[4] >= 0 && a[4] <= 1200)) &&
             (form != TEXT_GRADUAL_EXIT_ENDED || (a[3] >= 0 && a[3] <= 1200));
    case TEXT_DIFFERENCE:
      return a[2] >= 0 && a[2] <= JZ_BENEFIT_MAX_MEMBERS && a[3] >= 0 && a[3] <= JZ_BENEFIT_MAX_MEMBERS;
    case TEXT_INCREMENT:
    case TEXT_SUBSIDY:
      return a[0] >= 0 && a[0] <= JZ_BENEFIT_MAX_MEMBERS;
    case TEXT_DIFFERENCE_SINGLE:
    case TEXT_TEKUN_BASIC_URBAN:
    case TEXT_TEKUN_BASIC_RURAL:
    case TEXT_CARE:
    case TEXT_TEMPORARY_RANGE:
    case TEXT_TEMPORARY_OTHER:
    case TEXT_ROUNDING:
    default:
      return TRUE;
    }
}

/**
 * jz_benefit_line_render:
 * @text: what the line says, e.g. "difference" (JzBenefitLine.text)
 * @args: its numbers, as the engine gave them
 * @label: (out) (transfer full): the line's label, in the interface language
 * @formula: (out) (transfer full): its formula in words and numbers
 *
 * Returns: %FALSE, setting nothing, for a text this version does not know
 *   or numbers that do not fit it
 */
gboolean
jz_benefit_line_render (const char    *text,
                        const gint64  *args,
                        guint          n_args,
                        char         **label,
                        char         **formula)
{
  g_return_val_if_fail (label != NULL && formula != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (texts); i++)
    {
      if (!g_str_equal (texts[i].id, text))
        continue;
      if (n_args != texts[i].n_args || !args_valid (texts[i].form, args, n_args))
        return FALSE;

      *label = texts[i].label != NULL ? g_strdup (g_dpgettext2 (GETTEXT_PACKAGE, "benefit line", texts[i].label))
                                      : g_strdup (jz_standard_kind_label ((JzStandardKind) texts[i].kind));
      *formula = render_formula (texts[i].form, args);
      return TRUE;
    }

  return FALSE;
}
