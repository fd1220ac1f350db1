/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-disclosure-screen.h"
#include "jz-labels.h"
#include "jz-money.h"

/* The list on the screen of the township hall: the title, a page of rows
 * in type large enough to read from across the room, the page number,
 * the office and the complaint phone; the pages turn by themselves. */

#define ROWS_PER_PAGE 10

struct _JzDisclosureScreen
{
  AdwWindow         parent_instance;

  GPtrArray        *rows;      /* char ** per row: the texts of its cells */
  GtkGrid          *grid;
  GtkLabel         *page_label;
  guint             page;
  guint             n_pages;
  guint             timeout;
};

G_DEFINE_FINAL_TYPE (JzDisclosureScreen, jz_disclosure_screen, ADW_TYPE_WINDOW)

static GtkWidget *
cell (const char *text,
      gboolean    end,
      gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), end ? 1.0f : 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, heading ? "jz-screen-heading" : "jz-screen-cell");
  if (end)
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

static void
show_page (JzDisclosureScreen *self)
{
  const char *headings[] = { C_("disclosure column", "No."), C_("disclosure column", "Village"),
                             C_("disclosure column", "Name"), C_("disclosure column", "Program"),
                             C_("disclosure column", "Persons"), C_("disclosure column", "Monthly amount") };
  g_autofree char *page = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);

  for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
    gtk_grid_attach (self->grid, cell (headings[c], c == 0 || c >= 4, TRUE), (int) c, 0, 1, 1);

  for (guint r = 0; r < ROWS_PER_PAGE && self->page * ROWS_PER_PAGE + r < self->rows->len; r++)
    {
      char **cells = g_ptr_array_index (self->rows, self->page * ROWS_PER_PAGE + r);

      for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
        gtk_grid_attach (self->grid, cell (cells[c], c == 0 || c >= 4, FALSE), (int) c, (int) r + 1, 1, 1);
    }

  /* TRANSLATORS: the page of a list on the hall's screen: page, pages */
  page = g_strdup_printf (_("Page %u of %u"), self->page + 1, self->n_pages);
  gtk_label_set_label (self->page_label, page);
}

void
jz_disclosure_screen_next (JzDisclosureScreen *self)
{
  g_return_if_fail (JZ_IS_DISCLOSURE_SCREEN (self));

  self->page = (self->page + 1) % MAX (self->n_pages, 1);
  show_page (self);
}

static gboolean
turn_cb (gpointer user_data)
{
  jz_disclosure_screen_next (user_data);
  return G_SOURCE_CONTINUE;
}

guint
jz_disclosure_screen_get_page (JzDisclosureScreen *self)
{
  g_return_val_if_fail (JZ_IS_DISCLOSURE_SCREEN (self), 0);

  return self->page;
}

guint
jz_disclosure_screen_get_n_pages (JzDisclosureScreen *self)
{
  g_return_val_if_fail (JZ_IS_DISCLOSURE_SCREEN (self), 0);

  return self->n_pages;
}

static void
jz_disclosure_screen_dispose (GObject *object)
{
  JzDisclosureScreen *self = JZ_DISCLOSURE_SCREEN (object);

  g_clear_handle_id (&self->timeout, g_source_remove);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (jz_disclosure_screen_parent_class)->dispose (object);
}

static void
jz_disclosure_screen_class_init (JzDisclosureScreenClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jz_disclosure_screen_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jz_disclosure_screen_init (JzDisclosureScreen *self)
{
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
}

JzDisclosureScreen *
jz_disclosure_screen_new (GtkWindow              *parent,
                          const JzDisclosureList *list,
                          guint                   seconds)
{
  JzDisclosureScreen *self;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *title = gtk_label_new (list->title);
  GtkWidget *period = gtk_label_new (list->period);
  GtkWidget *footer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  g_autofree char *contact = NULL;

  g_return_val_if_fail (list != NULL, NULL);

  self = g_object_new (JZ_TYPE_DISCLOSURE_SCREEN, "transient-for", parent, "title", list->title, NULL);

  for (guint i = 0; i < list->rows->len; i++)
    {
      const JzDisclosureRow *row = g_ptr_array_index (list->rows, i);
      char **cells = g_new0 (char *, 7);

      cells[0] = g_strdup_printf ("%u", row->number);
      cells[1] = g_strdup (row->village_name);
      cells[2] = g_strdup (row->name);
      cells[3] = g_strdup (jz_labels_value (JZ_FIELD_PROGRAM, row->program));
      cells[4] = g_strdup_printf ("%d", row->persons);
      cells[5] = row->monthly_amount >= 0 ? jz_money_format (row->monthly_amount) : g_strdup ("—");
      g_ptr_array_add (self->rows, cells);
    }
  self->n_pages = MAX ((self->rows->len + ROWS_PER_PAGE - 1) / ROWS_PER_PAGE, 1);

  gtk_widget_add_css_class (title, "jz-screen-title");
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (period, "jz-screen-cell");
  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->grid, 48);
  gtk_grid_set_row_spacing (self->grid, 8);
  gtk_widget_set_halign (GTK_WIDGET (self->grid), GTK_ALIGN_CENTER);
  gtk_widget_set_vexpand (GTK_WIDGET (self->grid), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid), GTK_ACCESSIBLE_PROPERTY_LABEL, list->title, -1);

  self->page_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->page_label), "jz-screen-cell");
  if (list->complaint_phone != NULL && *list->complaint_phone != '\0')
    /* TRANSLATORS: the foot of the hall's screen: the office, the complaint phone */
    contact = g_strdup_printf (_("%s · Complaints: %s"), list->office, list->complaint_phone);
  else
    contact = g_strdup (list->office);
  gtk_box_append (GTK_BOX (footer), gtk_label_new (contact));
  gtk_widget_set_hexpand (gtk_widget_get_last_child (footer), TRUE);
  gtk_label_set_xalign (GTK_LABEL (gtk_widget_get_last_child (footer)), 0);
  gtk_widget_add_css_class (gtk_widget_get_last_child (footer), "jz-screen-cell");
  gtk_box_append (GTK_BOX (footer), GTK_WIDGET (self->page_label));

  gtk_widget_set_margin_top (box, 32);
  gtk_widget_set_margin_bottom (box, 32);
  gtk_widget_set_margin_start (box, 64);
  gtk_widget_set_margin_end (box, 64);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), period);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->grid));
  gtk_box_append (GTK_BOX (box), footer);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_size (GTK_WINDOW (self), 1280, 800);

  show_page (self);
  if (self->n_pages > 1 && seconds > 0)
    self->timeout = g_timeout_add_seconds (seconds, turn_cb, self);
  return self;
}
