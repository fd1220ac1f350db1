/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-labels.h"
#include "jz-money.h"
#include "jz-region.h"
#include "jz-standard-preview-view.h"

/* The raise preview (提标测算) of a draft standard: computed in a thread,
 * a spinner meanwhile, then what changes per program and township and in
 * total. */
struct _JzStandardPreviewView
{
  AdwBin             parent_instance;

  /* Borrowed */
  GtkStack          *stack;  /* the child */

  /* Template widgets */
  GtkSpinner        *spinner;
  AdwStatusPage     *error_page;
  GtkLabel          *draft_label;
  GtkLabel          *summary_label;
  GtkLabel          *note_label;
  GtkLabel          *failed_label;
  GtkWidget         *table_card;
  GtkGrid           *table;

  /* Owned references */
  GCancellable      *cancellable;
  JzStandardPreview *preview;
};

G_DEFINE_FINAL_TYPE (JzStandardPreviewView, jz_standard_preview_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum { COL_PROGRAM, COL_TOWNSHIP, COL_HOUSEHOLDS, COL_PERSONS, COL_MONTHLY, COL_YEARLY, N_COLUMNS };

static char *
count_text (guint n)
{
  /* The ' flag groups digits the way the clerk's locale does. */
  return g_strdup_printf ("%'u", n);
}

/* A change shows its sign: "+1,234.00", "-50.00", "0.00". */
static char *
change_text (gint64 fen)
{
  g_autofree char *amount = jz_money_format (fen);

  return fen > 0 ? g_strconcat ("+", amount, NULL) : g_steal_pointer (&amount);
}

static void
attach (JzStandardPreviewView *self,
        const char            *text,
        int                    column,
        int                    row,
        gboolean               bold)
{
  GtkWidget *label = gtk_label_new (text);

  g_assert (JZ_IS_STANDARD_PREVIEW_VIEW (self));

  gtk_label_set_xalign (GTK_LABEL (label), column >= COL_HOUSEHOLDS ? 1.0 : 0.0);
  if (column >= COL_HOUSEHOLDS)
    gtk_widget_add_css_class (label, "numeric");
  if (bold)
    gtk_widget_add_css_class (label, "heading");
  if (column == COL_TOWNSHIP)
    gtk_widget_set_hexpand (label, TRUE);
  gtk_grid_attach (self->table, label, column, row, 1, 1);
}

static void
attach_row (JzStandardPreviewView      *self,
            const char                 *program,
            const char                 *township,
            const JzStandardPreviewRow *r,
            int                         row,
            gboolean                    bold)
{
  g_autofree char *households = count_text (r->households);
  g_autofree char *persons = count_text (r->persons);
  g_autofree char *monthly = change_text (r->monthly_change);
  g_autofree char *yearly = change_text (r->yearly_change);

  attach (self, program, COL_PROGRAM, row, bold);
  attach (self, township, COL_TOWNSHIP, row, bold);
  attach (self, households, COL_HOUSEHOLDS, row, bold);
  attach (self, persons, COL_PERSONS, row, bold);
  attach (self, monthly, COL_MONTHLY, row, bold);
  attach (self, yearly, COL_YEARLY, row, bold);
}

static void
clear_table (JzStandardPreviewView *self)
{
  GtkWidget *child;

  g_assert (JZ_IS_STANDARD_PREVIEW_VIEW (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))) != NULL)
    gtk_grid_remove (self->table, child);
}

static char *
summary_text (const JzStandardPreview *preview)
{
  const JzStandardPreviewRow *total = &preview->total;
  g_autofree char *households = count_text (total->households);
  g_autofree char *persons = count_text (total->persons);
  g_autofree char *monthly = jz_money_format (ABS (total->monthly_change));
  g_autofree char *yearly = jz_money_format (ABS (total->yearly_change));

  if (!preview->monthly)
    return g_strdup (preview->note);
  if (total->households == 0)
    return g_strdup_printf (_("From %s, the amount of no active case would change."), preview->on_date);
  if (total->monthly_change >= 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "From %s, %s household with %s persons would receive %s yuan more a month, %s yuan more a year.",
                                         "From %s, %s households with %s persons would receive %s yuan more a month, %s yuan more a year.",
                                         total->households),
                            preview->on_date, households, persons, monthly, yearly);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "From %s, %s household with %s persons would receive %s yuan less a month, %s yuan less a year.",
                                       "From %s, %s households with %s persons would receive %s yuan less a month, %s yuan less a year.",
                                       total->households),
                          preview->on_date, households, persons, monthly, yearly);
}

static void
show_preview (JzStandardPreviewView *self)
{
  const JzStandardPreview *preview = self->preview;
  g_autofree char *summary = summary_text (preview);
  g_autofree char *note = NULL;
  int row = 0;

  g_assert (JZ_IS_STANDARD_PREVIEW_VIEW (self));

  gtk_label_set_label (self->summary_label, summary);

  note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Computed for the %u active case this standard bears on, with the household files as they are now. "
                                       "A yearly change is 12 times the monthly one.",
                                       "Computed for the %u active cases this standard bears on, with the household files as they are now. "
                                       "A yearly change is 12 times the monthly one.",
                                       preview->cases),
                          preview->cases);
  gtk_label_set_label (self->note_label, note);
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), preview->monthly);

  if (preview->failed > 0)
    {
      g_autofree char *failed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%u case could not be computed and is left out: %s",
                                                              "%u cases could not be computed and are left out: %s",
                                                              preview->failed),
                                                 preview->failed, preview->failure);

      gtk_label_set_label (self->failed_label, failed);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->failed_label), preview->failed > 0);

  clear_table (self);
  gtk_widget_set_visible (self->table_card, preview->rows->len > 0);
  if (preview->rows->len > 0)
    {
      attach (self, _("Program"), COL_PROGRAM, row, TRUE);
      attach (self, _("Township"), COL_TOWNSHIP, row, TRUE);
      attach (self, _("Households"), COL_HOUSEHOLDS, row, TRUE);
      attach (self, _("Persons"), COL_PERSONS, row, TRUE);
      attach (self, _("Change a month (yuan)"), COL_MONTHLY, row, TRUE);
      attach (self, _("Change a year (yuan)"), COL_YEARLY, row, TRUE);
      row++;

      for (guint i = 0; i < preview->rows->len; i++)
        {
          const JzStandardPreviewRow *r = g_ptr_array_index (preview->rows, i);
          const char *program = jz_labels_program_name (jz_benefit_program_code (r->program));

          attach_row (self, program, r->township_name != NULL ? r->township_name : _("No township"), r, row++, FALSE);
        }

      gtk_grid_attach (self->table, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL), 0, row++, N_COLUMNS, 1);
      attach_row (self, _("Total"), "", &preview->total, row, TRUE);
    }

  gtk_stack_set_visible_child_name (self->stack, "result");
}

static void
set_busy (JzStandardPreviewView *self,
          gboolean               busy)
{
  g_assert (JZ_IS_STANDARD_PREVIEW_VIEW (self));

  gtk_spinner_set_spinning (self->spinner, busy);
  if (busy)
    gtk_stack_set_visible_child_name (self->stack, "busy");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
preview_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(JzStandardPreviewView) self = user_data;
  g_autoptr(JzStandardPreview) preview = NULL;
  g_autoptr(GError) error = NULL;

  preview = jz_standard_preview_finish (JZ_DB (source), result, &error);

  /* A run that was cancelled, or replaced by a newer one, says nothing. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;

  g_clear_object (&self->cancellable);
  if (preview == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
    }
  else
    {
      self->preview = g_steal_pointer (&preview);
      show_preview (self);
    }
  set_busy (self, FALSE);
}

/* What the draft changes: "Urban · Whole district: 985.00 → 1,035.50 yuan
 * a month". */
static char *
draft_text (JzDb             *db,
            const JzStandard *draft)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JzStandard) before = NULL;
  g_autoptr(JzRegion) township = NULL;
  g_autofree char *where = NULL;
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = jz_standard_format_value (draft->kind, draft->value);

  if (draft->hukou == JZ_STANDARD_HUKOU_URBAN)
    g_ptr_array_add (parts, g_strdup (C_("hukou", "Urban")));
  else if (draft->hukou == JZ_STANDARD_HUKOU_RURAL)
    g_ptr_array_add (parts, g_strdup (C_("hukou", "Rural")));
  if (draft->township_id != 0)
    township = jz_region_get (db, draft->township_id, NULL);
  g_ptr_array_add (parts, g_strdup (township != NULL ? township->name : _("Whole district")));
  g_ptr_array_add (parts, NULL);
  where = g_strjoinv (C_("list separator", " · "), (char **) parts->pdata);

  before = jz_standard_find (db, draft->kind, draft->hukou, draft->township_id, draft->effective_from, NULL);
  old_value = before != NULL ? jz_standard_format_value (draft->kind, before->value)
                             : g_strdup (C_("standard value", "Not set"));

  /* Translators: where a standard changes, its value before and after, and its unit,
   * e.g. "Urban · Whole district: 985.00 → 1,035.50 yuan a month" */
  return g_strdup_printf (_("%s: %s → %s %s"), where, old_value, new_value, jz_standard_kind_unit_label (draft->kind));
}

/**
 * jz_standard_preview_view_run:
 *
 * Computes and shows the preview of @draft, replacing any shown or being
 * computed.
 */
void
jz_standard_preview_view_run (JzStandardPreviewView *self,
                              JzDb                  *db,
                              const JzStandard      *draft)
{
  g_return_if_fail (JZ_IS_STANDARD_PREVIEW_VIEW (self));
  g_return_if_fail (JZ_IS_DB (db));
  g_return_if_fail (draft != NULL);

  jz_standard_preview_view_cancel (self);

  {
    g_autofree char *text = draft_text (db, draft);

    gtk_label_set_label (self->draft_label, text);
  }
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  jz_standard_preview_async (db, draft, self->cancellable, preview_done_cb, g_object_ref (self));
}

/* Stops a run, and forgets the preview shown. */
void
jz_standard_preview_view_cancel (JzStandardPreviewView *self)
{
  gboolean was_busy;

  g_return_if_fail (JZ_IS_STANDARD_PREVIEW_VIEW (self));

  was_busy = self->cancellable != NULL;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->preview, jz_standard_preview_free);
  if (was_busy)
    set_busy (self, FALSE);
}

gboolean
jz_standard_preview_view_get_busy (JzStandardPreviewView *self)
{
  g_return_val_if_fail (JZ_IS_STANDARD_PREVIEW_VIEW (self), FALSE);

  return self->cancellable != NULL;
}

/**
 * jz_standard_preview_view_get_preview:
 *
 * Returns: (transfer none) (nullable): the preview shown, or %NULL while
 *   it is computed, after an error or before any
 */
const JzStandardPreview *
jz_standard_preview_view_get_preview (JzStandardPreviewView *self)
{
  g_return_val_if_fail (JZ_IS_STANDARD_PREVIEW_VIEW (self), NULL);

  return self->preview;
}

static void
jz_standard_preview_view_dispose (GObject *object)
{
  JzStandardPreviewView *self = (JzStandardPreviewView *) object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->preview, jz_standard_preview_free);

  gtk_widget_dispose_template (GTK_WIDGET (object), JZ_TYPE_STANDARD_PREVIEW_VIEW);

  G_OBJECT_CLASS (jz_standard_preview_view_parent_class)->dispose (object);
}

static void
jz_standard_preview_view_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  JzStandardPreviewView *self = JZ_STANDARD_PREVIEW_VIEW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, jz_standard_preview_view_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jz_standard_preview_view_class_init (JzStandardPreviewViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jz_standard_preview_view_dispose;
  object_class->get_property = jz_standard_preview_view_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jiuzhu/Jiuzhu/jz-standard-preview-view.ui");
  gtk_widget_class_bind_template_child (widget_class, JzStandardPreviewView, spinner);
  gtk_widget_class_bind_template_child (widget_class, JzStandardPreviewView, error_page);
  gtk_widget_class_bind_template_child (widget_class, JzStandardPreviewView, draft_label);
  gtk_widget_class_bind_template_child (widget_class, JzStandardPreviewView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, JzStandardPreviewView, note_label);
  gtk_widget_class_bind_template_child (widget_class, JzStandardPreviewView, failed_label);
  gtk_widget_class_bind_template_child (widget_class, JzStandardPreviewView, table_card);
  gtk_widget_class_bind_template_child (widget_class, JzStandardPreviewView, table);
}

static void
jz_standard_preview_view_init (JzStandardPreviewView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));
}

GtkWidget *
jz_standard_preview_view_new (void)
{
  return g_object_new (JZ_TYPE_STANDARD_PREVIEW_VIEW, NULL);
}
