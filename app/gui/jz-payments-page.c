/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jz-calendar.h"
#include "jz-case-rows.h"
#include "jz-household-rows.h"
#include "jz-labels.h"
#include "jz-money.h"
#include "jz-one-off-dialog.h"
#include "jz-payments-page.h"
#include "jz-region.h"
#include "jz-roll.h"
#include "jz-xlsx-roll.h"

/* The Payments panel: the payment rolls, newest first, late ones in red;
 * a new roll made for programs, a period and a place, or a one-off
 * subsidy; a roll's lines, its steps (checked, locked, paid), what
 * changed since the period before (增减), a one-off's funding, and the
 * bank file.  A locked roll is shown, never changed. */

static const struct
{
  const char *programs;
  const char *label;
} roll_kinds[] = {
  { "dibao_urban,dibao_rural", N_("Dibao, monthly") },
  { "tekun_dispersed", N_("Dispersed extreme poverty, quarterly") },
  { "tekun_centralized", N_("Centralized extreme poverty, paid to the institutions") },
  { "disability_living,disability_care,child_living", N_("Disability and child subsidies, monthly") },
};

struct _JzPaymentsPage
{
  JzPage           parent_instance;

  AdwToastOverlay *toasts;
  GtkStack        *stack;
  GtkListBox      *rolls_list;
  GtkDropDown     *kind;
  GtkEntry        *period;
  GtkDropDown     *township;
  GPtrArray       *townships;    /* JzRegion */

  /* A roll's page */
  gint64           roll_id;
  AdwWindowTitle  *roll_title;
  GtkBox          *roll_box;
};

G_DEFINE_FINAL_TYPE (JzPaymentsPage, jz_payments_page, JZ_TYPE_PAGE)

static void show_roll (JzPaymentsPage *self);

static void
toast (JzPaymentsPage *self,
       const char     *text)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_LIST_BOX (box))
        gtk_list_box_remove (GTK_LIST_BOX (box), child);
      else
        gtk_box_remove (GTK_BOX (box), child);
    }
}

char *
jz_payments_programs_label (const char *programs)
{
  g_auto(GStrv) codes = g_strsplit (programs, ",", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; codes[i] != NULL; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? C_("list separator", ", ") : "",
                            jz_labels_value (JZ_FIELD_PROGRAM, codes[i]));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

const char *
jz_payments_status_label (const char *status)
{
  if (g_strcmp0 (status, "draft") == 0)
    return C_("roll status", "Draft");
  if (g_strcmp0 (status, "checked") == 0)
    return C_("roll status", "Checked");
  if (g_strcmp0 (status, "locked") == 0)
    return C_("roll status", "Locked");
  if (g_strcmp0 (status, "paid") == 0)
    return C_("roll status", "Paid");
  return status;
}

static char *
roll_title (const JzRoll *roll)
{
  g_autofree char *programs = jz_payments_programs_label (roll->programs);

  if (roll->title != NULL)
    /* TRANSLATORS: a one-off subsidy's roll: its name and place */
    return g_strdup_printf (_("%s · %s"), roll->title,
                            *roll->township_name != '\0' ? roll->township_name : _("The whole district"));
  /* TRANSLATORS: a roll: its period, programs and place */
  return g_strdup_printf (_("%s · %s · %s"), roll->period, programs,
                          *roll->township_name != '\0' ? roll->township_name : _("The whole district"));
}

static char *
roll_subtitle (const JzRoll *roll)
{
  g_autofree char *total = jz_money_format (roll->total);

  if (roll->paid_on != NULL)
    /* TRANSLATORS: a roll's state, lines, total and the day it was paid */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u line · %s yuan · paid %s",
                                         "%s · %u lines · %s yuan · paid %s", roll->lines),
                            jz_payments_status_label (roll->status), roll->lines, total, roll->paid_on);
  /* TRANSLATORS: a roll's state, lines, total and the day it is due */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u line · %s yuan · due %s",
                                       "%s · %u lines · %s yuan · due %s", roll->lines),
                          jz_payments_status_label (roll->status), roll->lines, total, roll->due_on);
}

/* ---- the rolls ----------------------------------------------------------------- */

static void
load_rolls (JzPaymentsPage *self)
{
  JzDb *db = jz_page_get_db (JZ_PAGE (self));
  g_autoptr(GPtrArray) rolls = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = jz_today ();

  clear_box (GTK_WIDGET (self->rolls_list));
  if (db == NULL)
    return;
  rolls = jz_roll_list (db, &error);
  if (rolls == NULL)
    {
      toast (self, error->message);
      return;
    }

  for (guint i = 0; i < rolls->len; i++)
    {
      const JzRoll *roll = g_ptr_array_index (rolls, i);
      g_autofree char *title = roll_title (roll);
      g_autofree char *subtitle = roll_subtitle (roll);
      GtkWidget *row = jz_household_plain_row_new (title, subtitle);
      GtkWidget *image = gtk_image_new_from_icon_name ("go-next-symbolic");

      if (jz_roll_is_late (roll, today))
        jz_case_mark_overdue (row, TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), image);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "payments.open");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", roll->id);
      gtk_list_box_append (self->rolls_list, row);
    }
}

static void
load_townships (JzPaymentsPage *self)
{
  JzDb *db = jz_page_get_db (JZ_PAGE (self));
  const JzUser *user = jz_page_get_user (JZ_PAGE (self));
  g_autoptr(GPtrArray) districts = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_clear_pointer (&self->townships, g_ptr_array_unref);
  self->townships = g_ptr_array_new_with_free_func ((GDestroyNotify) jz_region_free);
  if (db != NULL)
    districts = jz_region_list_children (db, 0, NULL);
  for (guint i = 0; districts != NULL && i < districts->len; i++)
    {
      g_autoptr(GPtrArray) children = jz_region_list_children (db, ((JzRegion *) g_ptr_array_index (districts, i))->id, NULL);

      for (guint k = 0; children != NULL && k < children->len; k++)
        if (jz_user_can (user, JZ_PERMISSION_READ, ((JzRegion *) g_ptr_array_index (children, k))->id))
          g_ptr_array_add (self->townships, g_steal_pointer (&g_ptr_array_index (children, k)));
    }
  gtk_string_list_append (names, _("The whole district"));
  for (guint i = 0; i < self->townships->len; i++)
    gtk_string_list_append (names, ((JzRegion *) g_ptr_array_index (self->townships, i))->name);
  gtk_drop_down_set_model (self->township, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->township, user != NULL && !jz_user_can (user, JZ_PERMISSION_READ, -1) &&
                                              self->townships->len > 0 ? 1 : 0);
}

static void
jz_payments_page_reload (JzPage *page)
{
  JzPaymentsPage *self = JZ_PAYMENTS_PAGE (page);

  load_rolls (self);
  load_townships (self);
  if (self->roll_id != 0)
    show_roll (self);
}

static gint64
find_township (JzPaymentsPage *self,
               const char     *name)
{
  for (guint i = 0; name != NULL && self->townships != NULL && i < self->townships->len; i++)
    if (g_str_equal (((JzRegion *) g_ptr_array_index (self->townships, i))->name, name))
      return ((JzRegion *) g_ptr_array_index (self->townships, i))->id;
  return 0;
}

/**
 * jz_payments_page_generate:
 * @programs: codes, separated by commas
 * @township_name: (nullable): NULL for the whole district
 *
 * Makes a roll as the form does, and opens it.
 *
 * Returns: the roll's id, 0 when refused (the reason in a toast)
 */
gint64
jz_payments_page_generate (JzPaymentsPage *self,
                           const char     *programs,
                           const char     *period,
                           const char     *township_name)
{
  JzDb *db = jz_page_get_db (JZ_PAGE (self));
  g_autoptr(GError) error = NULL;
  gint64 township_id = 0;
  gint64 id;

  g_return_val_if_fail (JZ_IS_PAYMENTS_PAGE (self), 0);

  if (db == NULL)
    return 0;
  township_id = find_township (self, township_name);

  id = jz_roll_generate (db, jz_page_get_user (JZ_PAGE (self)), programs, period, township_id, &error);
  if (id == 0)
    {
      toast (self, error->message);
      return 0;
    }
  load_rolls (self);
  self->roll_id = id;
  show_roll (self);
  return id;
}

/**
 * jz_payments_page_one_off:
 * @amount: yuan, as typed
 * @funding: "province:60,county:40"
 * @township_name: (nullable): NULL for the whole district
 *
 * Makes a one-off subsidy's roll and shows it.
 *
 * Returns: the roll's id, 0 with @error set when refused
 */
gint64
jz_payments_page_one_off (JzPaymentsPage *self,
                          const char     *title,
                          const char     *programs,
                          const char     *on_date,
                          gboolean        per_person,
                          const char     *amount,
                          const char     *funding,
                          const char     *township_name,
                          GError        **error)
{
  JzDb *db = jz_page_get_db (JZ_PAGE (self));
  gint64 fen, id;

  g_return_val_if_fail (JZ_IS_PAYMENTS_PAGE (self), 0);

  if (db == NULL)
    return 0;
  if (!jz_money_parse (amount, &fen, error))
    return 0;
  id = jz_roll_generate_one_off (db, jz_page_get_user (JZ_PAGE (self)), title, programs, on_date, per_person, fen,
                                 funding, find_township (self, township_name), error);
  if (id == 0)
    return 0;
  load_rolls (self);
  self->roll_id = id;
  show_roll (self);
  return id;
}

static char *
one_off_make_cb (JzOneOffDialog       *dialog,
                 const JzOneOffChoice *choice,
                 JzPaymentsPage       *self)
{
  g_autoptr(GError) error = NULL;
  const char *name = NULL;

  if (choice->township > 0 && choice->township <= self->townships->len)
    name = ((JzRegion *) g_ptr_array_index (self->townships, choice->township - 1))->name;
  if (jz_payments_page_one_off (self, choice->title, choice->programs, choice->on_date, choice->per_person,
                                choice->amount, choice->funding, name, &error) != 0)
    return NULL;
  return g_strdup (error != NULL ? error->message : _("The roll could not be made."));
}

static void
one_off_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  JzPaymentsPage *self = JZ_PAYMENTS_PAGE (widget);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *today = jz_today ();
  GtkRoot *root = gtk_widget_get_root (widget);
  JzOneOffDialog *dialog;

  if (jz_page_get_db (JZ_PAGE (self)) == NULL)
    return;
  for (guint i = 0; i < self->townships->len; i++)
    g_ptr_array_add (names, ((JzRegion *) g_ptr_array_index (self->townships, i))->name);
  g_ptr_array_add (names, NULL);
  dialog = jz_one_off_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                  (const char * const *) names->pdata,
                                  gtk_drop_down_get_selected (self->township), today);
  g_signal_connect_object (dialog, "make", G_CALLBACK (one_off_make_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
generate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  JzPaymentsPage *self = JZ_PAYMENTS_PAGE (widget);
  guint kind = MIN (gtk_drop_down_get_selected (self->kind), G_N_ELEMENTS (roll_kinds) - 1);
  guint township = gtk_drop_down_get_selected (self->township);
  g_autofree char *period = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->period))));
  const char *name = NULL;

  if (township > 0 && township <= self->townships->len)
    name = ((JzRegion *) g_ptr_array_index (self->townships, township - 1))->name;
  jz_payments_page_generate (self, roll_kinds[kind].programs, period, name);
}

/* ---- a roll ----------------------------------------------------------------------- */

static GtkWidget *
group_with_list (GtkBox      *box,
                 const char  *title,
                 const char  *description,
                 GtkListBox **list_out)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *list = gtk_list_box_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  gtk_box_append (box, group);
  *list_out = GTK_LIST_BOX (list);
  return group;
}

static GtkWidget *
step_button (const char *label,
             const char *action,
             gboolean    suggested)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  return button;
}

/* The roll of the period before, same programs and place, if any. */
static gint64
previous_roll (JzDb         *db,
               const JzRoll *roll)
{
  g_autoptr(GPtrArray) rolls = jz_roll_list (db, NULL);
  gint64 best = 0;
  const char *best_from = NULL;

  for (guint i = 0; rolls != NULL && i < rolls->len; i++)
    {
      const JzRoll *r = g_ptr_array_index (rolls, i);

      if (roll->title != NULL)
        break;
      if (r->id != roll->id && r->title == NULL && g_str_equal (r->programs, roll->programs) &&
          r->township_id == roll->township_id &&
          g_strcmp0 (r->period_from, roll->period_from) < 0 && g_strcmp0 (r->period_from, best_from) > 0)
        {
          best = r->id;
          best_from = r->period_from;
        }
    }
  return best;
}

static void
show_roll (JzPaymentsPage *self)
{
  JzDb *db = jz_page_get_db (JZ_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(JzRoll) roll = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *steps;
  GtkListBox *list;
  gint64 before;
  gboolean can_apply, can_decide;

  clear_box (GTK_WIDGET (self->roll_box));
  if (db == NULL || (roll = jz_roll_get (db, self->roll_id, &error)) == NULL)
    {
      if (error != NULL)
        toast (self, error->message);
      self->roll_id = 0;
      gtk_stack_set_visible_child_name (self->stack, "rolls");
      return;
    }

  title = roll_title (roll);
  subtitle = roll_subtitle (roll);
  adw_window_title_set_title (self->roll_title, title);
  adw_window_title_set_subtitle (self->roll_title, subtitle);
  can_apply = jz_page_user_can (JZ_PAGE (self), JZ_PERMISSION_APPLY, roll->township_id == 0 ? -1 : roll->township_id) ||
              jz_page_user_can (JZ_PAGE (self), JZ_PERMISSION_DECIDE, 0);
  can_decide = jz_page_user_can (JZ_PAGE (self), JZ_PERMISSION_DECIDE, 0);

  /* The steps that apply now */
  steps = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  if (g_str_equal (roll->status, "draft") && can_apply)
    {
      gtk_box_append (GTK_BOX (steps), step_button (_("_Checked"), "payments.check", TRUE));
      gtk_box_append (GTK_BOX (steps), step_button (_("_Discard"), "payments.discard", FALSE));
    }
  else if (g_str_equal (roll->status, "checked") && can_decide)
    {
      gtk_box_append (GTK_BOX (steps), step_button (_("_Lock"), "payments.lock", TRUE));
      gtk_box_append (GTK_BOX (steps), step_button (_("_Discard"), "payments.discard", FALSE));
    }
  else if (g_str_equal (roll->status, "locked") && can_decide)
    gtk_box_append (GTK_BOX (steps), step_button (_("Mark _Paid Today"), "payments.paid", TRUE));
  /* The bank is sent a locked roll only. */
  if ((g_str_equal (roll->status, "locked") || g_str_equal (roll->status, "paid")) &&
      jz_page_user_can (JZ_PAGE (self), JZ_PERMISSION_EXPORT, roll->township_id == 0 ? -1 : roll->township_id))
    gtk_box_append (GTK_BOX (steps), step_button (_("_Bank File…"), "payments.export", FALSE));
  gtk_box_append (self->roll_box, steps);

  /* A one-off subsidy: to whom, how much, who pays */
  if (roll->title != NULL)
    {
      g_autoptr(GPtrArray) funding = jz_roll_funding (db, roll->id, NULL);
      g_autofree char *amount = jz_money_format (roll->one_off_amount);
      g_autofree char *group = NULL;
      g_autofree char *programs = jz_payments_programs_label (roll->programs);

      group = g_strdup_printf (g_str_equal (roll->one_off_per, "household")
                               /* TRANSLATORS: a one-off subsidy: the amount, the programs and the day */
                               ? _("%s yuan a household, to the households of %s in payment on %s")
                               /* TRANSLATORS: a one-off subsidy: the amount, the programs and the day */
                               : _("%s yuan a person, to the people of %s in payment on %s"),
                               amount, programs, roll->one_off_on);
      group_with_list (self->roll_box, _("Funding"), group, &list);
      for (guint i = 0; funding != NULL && i < funding->len; i++)
        {
          const JzRollFunding *f = g_ptr_array_index (funding, i);
          g_autofree char *share = g_strdup_printf ("%u.%02u", f->share_bp / 100, f->share_bp % 100);
          g_autofree char *money = jz_money_format (f->amount);
          const char *level = g_str_equal (f->level, "central") ? C_("funding level", "Central government")
                              : g_str_equal (f->level, "province") ? C_("funding level", "Province")
                              : g_str_equal (f->level, "city") ? C_("funding level", "City")
                              : C_("funding level", "County or district");
          /* TRANSLATORS: a level of government's share of a one-off subsidy, in per cent */
          g_autofree char *text = g_strdup_printf (_("%s · %s %%"), level, share);
          /* TRANSLATORS: an amount of money */
          g_autofree char *detail = g_strdup_printf (_("%s yuan"), money);

          gtk_list_box_append (list, jz_household_plain_row_new (text, detail));
        }
    }

  /* What changed since the period before */
  before = previous_roll (db, roll);
  if (before != 0)
    {
      g_autoptr(GPtrArray) changes = jz_roll_diff (db, before, roll->id, NULL);
      guint n_new = 0, n_stopped = 0, n_changed = 0;

      for (guint i = 0; changes != NULL && i < changes->len; i++)
        {
          const char *change = ((JzRollChange *) g_ptr_array_index (changes, i))->change;

          n_new += g_str_equal (change, "new");
          n_stopped += g_str_equal (change, "stopped");
          n_changed += g_str_equal (change, "changed");
        }
      group_with_list (self->roll_box, _("Since the Period Before"), NULL, &list);
      {
        /* TRANSLATORS: the 增减 of a roll: households new, stopped and changed */
        g_autofree char *text = g_strdup_printf (_("%u new, %u stopped, %u with another amount"), n_new, n_stopped, n_changed);

        gtk_list_box_append (list, jz_household_plain_row_new (text, NULL));
      }
      for (guint i = 0; changes != NULL && i < changes->len && i < 50; i++)
        {
          const JzRollChange *c = g_ptr_array_index (changes, i);
          g_autofree char *number = jz_household_file_number (c->household_id);
          g_autofree char *old_amount = jz_money_format (c->old_amount);
          g_autofree char *new_amount = jz_money_format (c->new_amount);
          g_autofree char *text = g_strdup_printf ("%s · %s", number, jz_labels_value (JZ_FIELD_PROGRAM, c->program));
          /* TRANSLATORS: a change between two rolls: new, stopped or changed; old → new amount */
          g_autofree char *detail = g_strdup_printf (_("%s: %s → %s"),
                                                     g_str_equal (c->change, "new") ? C_("roll change", "New")
                                                     : g_str_equal (c->change, "stopped") ? C_("roll change", "Stopped")
                                                     : C_("roll change", "Changed"),
                                                     old_amount, new_amount);

          gtk_list_box_append (list, jz_household_plain_row_new (text, detail));
        }
    }

  /* The lines */
  lines = jz_roll_lines (db, roll->id, &error);
  group_with_list (self->roll_box, _("Lines"), _("Paid to the head of the household, or to the person of a person's program."), &list);
  for (guint i = 0; lines != NULL && i < lines->len && i < 500; i++)
    {
      const JzRollLine *line = g_ptr_array_index (lines, i);
      g_autofree char *amount = jz_money_format (line->amount);
      g_autofree char *text = g_strdup_printf ("%s · %s · %s", line->payee, line->village_name,
                                               jz_labels_value (JZ_FIELD_PROGRAM, line->program));
      g_autofree char *detail = line->reason != NULL ? g_strdup_printf ("%s · %s", amount, line->reason) : g_strdup (amount);

      gtk_list_box_append (list, jz_household_plain_row_new (text, detail));
    }
  if (lines != NULL && lines->len > 500)
    {
      /* TRANSLATORS: below a long roll */
      g_autofree char *more = g_strdup_printf (_("The first 500 of %u lines are shown."), lines->len);

      gtk_list_box_append (list, jz_household_plain_row_new (more, NULL));
    }

  gtk_stack_set_visible_child_name (self->stack, "roll");
}

/**
 * jz_payments_page_export:
 * @path: where the bank file goes
 *
 * Writes the bank file of the roll shown.
 *
 * Returns: whether it was written
 */
gboolean
jz_payments_page_export (JzPaymentsPage  *self,
                         const char      *path,
                         GError         **error)
{
  JzDb *db = jz_page_get_db (JZ_PAGE (self));
  g_autoptr(JzRoll) roll = NULL;
  g_autoptr(GPtrArray) lines = NULL;

  g_return_val_if_fail (JZ_IS_PAYMENTS_PAGE (self), FALSE);

  if (db == NULL || self->roll_id == 0)
    return FALSE;
  roll = jz_roll_get (db, self->roll_id, error);
  if (roll == NULL)
    return FALSE;
  lines = jz_roll_bank_lines (db, jz_page_get_user (JZ_PAGE (self)), roll->id, error);
  return lines != NULL && jz_xlsx_roll_export (roll, lines, path, error);
}

static void
export_response_cb (JzPaymentsPage       *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    {
      if (!g_str_has_suffix (path, ".xlsx"))
        {
          char *with = g_strconcat (path, ".xlsx", NULL);

          g_free (path);
          path = with;
        }
      if (jz_payments_page_export (self, path, &error))
        toast (self, _("The bank file was saved."));
      else if (error != NULL)
        toast (self, error->message);
    }
  g_object_unref (chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JzPaymentsPage *self = JZ_PAYMENTS_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(JzRoll) roll = NULL;
  g_autofree char *name = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;

  if (jz_page_get_db (JZ_PAGE (self)) == NULL ||
      (roll = jz_roll_get (jz_page_get_db (JZ_PAGE (self)), self->roll_id, NULL)) == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Save the Bank File"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* TRANSLATORS: the file name offered for a roll's bank file: the roll's number and period; keep .xlsx */
  name = g_strdup_printf (_("bank-file-%" G_GINT64_FORMAT "-%s.xlsx"), roll->id, roll->period);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_set_name (filter, _("Excel workbooks"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JzPaymentsPage *self = JZ_PAYMENTS_PAGE (widget);

  self->roll_id = g_variant_get_int64 (parameter);
  show_roll (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JzPaymentsPage *self = JZ_PAYMENTS_PAGE (widget);

  self->roll_id = 0;
  load_rolls (self);
  gtk_stack_set_visible_child_name (self->stack, "rolls");
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JzPaymentsPage *self = JZ_PAYMENTS_PAGE (widget);
  JzDb *db = jz_page_get_db (JZ_PAGE (self));
  const JzUser *user = jz_page_get_user (JZ_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *today = jz_today ();
  gboolean ok;

  if (db == NULL || self->roll_id == 0)
    return;

  if (g_str_equal (action_name, "payments.check"))
    ok = jz_roll_check (db, user, self->roll_id, &error);
  else if (g_str_equal (action_name, "payments.lock"))
    ok = jz_roll_lock (db, user, self->roll_id, &error);
  else if (g_str_equal (action_name, "payments.paid"))
    ok = jz_roll_mark_paid (db, user, self->roll_id, today, &error);
  else
    {
      ok = jz_roll_discard (db, user, self->roll_id, &error);
      if (ok)
        {
          self->roll_id = 0;
          load_rolls (self);
          gtk_stack_set_visible_child_name (self->stack, "rolls");
          toast (self, _("The draft roll was discarded."));
          return;
        }
    }

  if (!ok)
    toast (self, error->message);
  load_rolls (self);
  show_roll (self);
}

/* ---- building ------------------------------------------------------------------------ */

static GtkWidget *
labelled (const char *label,
          GtkWidget  *widget)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *text = gtk_label_new_with_mnemonic (label);

  gtk_label_set_mnemonic_widget (GTK_LABEL (text), widget);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), widget);
  return box;
}

static GtkWidget *
build_rolls (JzPaymentsPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *generate = gtk_button_new_with_mnemonic (_("_Make the Roll"));
  GtkWidget *one_off = gtk_button_new_with_mnemonic (_("_One-off Subsidy…"));
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autofree char *today = jz_today ();
  g_autofree char *month = g_strndup (today, 7);

  for (guint i = 0; i < G_N_ELEMENTS (roll_kinds); i++)
    gtk_string_list_append (kinds, _(roll_kinds[i].label));
  self->kind = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (kinds)), NULL));
  self->period = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_text (GTK_EDITABLE (self->period), month);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->period), 9);
  self->township = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (generate), "payments.generate");
  gtk_widget_add_css_class (generate, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (one_off), "payments.one-off");

  gtk_box_append (GTK_BOX (bar), labelled (_("_Roll"), GTK_WIDGET (self->kind)));
  gtk_box_append (GTK_BOX (bar), labelled (_("_Period (2026-06 or 2026-Q3)"), GTK_WIDGET (self->period)));
  gtk_box_append (GTK_BOX (bar), labelled (_("_Township"), GTK_WIDGET (self->township)));
  gtk_box_append (GTK_BOX (bar), generate);
  gtk_box_append (GTK_BOX (bar), one_off);

  self->rolls_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->rolls_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->rolls_list), "boxed-list");
  gtk_list_box_set_placeholder (self->rolls_list, jz_household_placeholder_new (_("No payment roll yet.")));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rolls_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Payment rolls"), -1);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->rolls_list), 24);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 960);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->rolls_list));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), scrolled);
  return box;
}

static GtkWidget *
build_roll (JzPaymentsPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_center_box_new ();
  GtkWidget *back = gtk_button_new_from_icon_name ("go-previous-symbolic");
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  gtk_actionable_set_action_name (GTK_ACTIONABLE (back), "payments.back");
  gtk_widget_set_tooltip_text (back, _("Back to the rolls"));
  gtk_widget_add_css_class (back, "flat");
  self->roll_title = ADW_WINDOW_TITLE (adw_window_title_new ("", ""));
  gtk_center_box_set_start_widget (GTK_CENTER_BOX (bar), back);
  gtk_center_box_set_center_widget (GTK_CENTER_BOX (bar), GTK_WIDGET (self->roll_title));
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_start (bar, 6);
  gtk_widget_set_margin_end (bar, 6);
  gtk_box_append (GTK_BOX (box), bar);

  self->roll_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 24));
  gtk_widget_set_margin_top (GTK_WIDGET (self->roll_box), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->roll_box), 24);
  gtk_widget_set_margin_start (GTK_WIDGET (self->roll_box), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->roll_box), 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 960);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->roll_box));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  return box;
}

static void
jz_payments_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (jz_payments_page_parent_class)->map (widget);

  jz_payments_page_reload (JZ_PAGE (widget));
}

static void
jz_payments_page_dispose (GObject *object)
{
  JzPaymentsPage *self = JZ_PAYMENTS_PAGE (object);

  g_clear_pointer (&self->townships, g_ptr_array_unref);

  G_OBJECT_CLASS (jz_payments_page_parent_class)->dispose (object);
}

static void
jz_payments_page_class_init (JzPaymentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JzPageClass *page_class = JZ_PAGE_CLASS (klass);

  object_class->dispose = jz_payments_page_dispose;
  widget_class->map = jz_payments_page_map;
  page_class->reload = jz_payments_page_reload;

  gtk_widget_class_install_action (widget_class, "payments.generate", NULL, generate_action);
  gtk_widget_class_install_action (widget_class, "payments.one-off", NULL, one_off_action);
  gtk_widget_class_install_action (widget_class, "payments.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "payments.open", "x", open_action);
  gtk_widget_class_install_action (widget_class, "payments.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "payments.check", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "payments.lock", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "payments.paid", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "payments.discard", NULL, step_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "payments.back", NULL);
}

static void
jz_payments_page_init (JzPaymentsPage *self)
{
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_SLIDE_LEFT_RIGHT);
  gtk_stack_add_named (self->stack, build_rolls (self), "rolls");
  gtk_stack_add_named (self->stack, build_roll (self), "roll");
  adw_toast_overlay_set_child (self->toasts, GTK_WIDGET (self->stack));
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->toasts));
}

/**
 * jz_payments_page_get_roll_id:
 *
 * Returns: the roll shown, 0 for the list
 */
gint64
jz_payments_page_get_roll_id (JzPaymentsPage *self)
{
  g_return_val_if_fail (JZ_IS_PAYMENTS_PAGE (self), 0);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "roll") == 0 ? self->roll_id : 0;
}
