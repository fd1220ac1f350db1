/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "jz-household-columns.h"
#include "jz-household-row.h"
#include "jz-labels.h"
#include "jz-money.h"

char *
jz_household_columns_group_digits (guint64 n)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, n);
  GString *out = g_string_new (NULL);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }

  return g_string_free (out, FALSE);
}

/* --- cells ------------------------------------------------------------------ */

typedef char *(*FormatFunc) (JzHouseholdRow *row);

static char *
format_head (JzHouseholdRow *row)
{
  return g_strdup (jz_household_row_get_head_name (row));
}

static char *
format_id (JzHouseholdRow *row)
{
  return g_strdup (jz_household_row_get_masked_id_number (row));
}

static char *
format_village (JzHouseholdRow *row)
{
  return g_strdup (jz_household_row_get_village_name (row));
}

static char *
format_township (JzHouseholdRow *row)
{
  return g_strdup (jz_household_row_get_township_name (row));
}

static char *
format_members (JzHouseholdRow *row)
{
  return g_strdup_printf ("%u", jz_household_row_get_members (row));
}

static char *
format_status (JzHouseholdRow *row)
{
  const char *file_status = jz_household_row_get_file_status (row);
  const char *status = jz_household_row_get_case_status (row);

  if (file_status != NULL && g_strcmp0 (file_status, "open") != 0)
    return g_strdup (jz_labels_value (JZ_FIELD_HOUSEHOLD_STATUS, file_status));

  if (jz_household_row_get_overdue (row))
    /* TRANSLATORS: a household's case status in the case list, when a
     * step or review of one of its cases is late: "pending · overdue" */
    return g_strdup_printf (_("%s · overdue"), jz_labels_value (JZ_FIELD_CASE_SUMMARY, status));

  return g_strdup (jz_labels_value (JZ_FIELD_CASE_SUMMARY, status));
}

static char *
format_amount (JzHouseholdRow *row)
{
  return jz_money_format (jz_household_row_get_monthly_amount (row));
}

static void
update_label_cb (GtkListItem *list_item)
{
  FormatFunc format = g_object_get_data (G_OBJECT (list_item), "jz-format");
  JzHouseholdRow *row = gtk_list_item_get_item (list_item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  g_autofree char *text = row != NULL ? format (row) : NULL;

  gtk_label_set_label (label, text != NULL ? text : "");
  /* The whole name on hover, where it may be cut short. */
  if (gtk_label_get_ellipsize (label) != PANGO_ELLIPSIZE_NONE)
    gtk_widget_set_tooltip_text (GTK_WIDGET (label), text);
}

/* The status, in red while a case of the household is late. */
static void
update_status_cb (GtkListItem *list_item)
{
  JzHouseholdRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);

  update_label_cb (list_item);
  if (row != NULL && jz_household_row_get_overdue (row))
    gtk_widget_add_css_class (label, "jz-overdue");
  else
    gtk_widget_remove_css_class (label, "jz-overdue");
}

static void
update_badges_cb (GtkListItem *list_item)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  JzHouseholdRow *row = gtk_list_item_get_item (list_item);
  const char * const *codes = row != NULL ? jz_household_row_get_programs (row) : NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      GtkWidget *badge = gtk_label_new (jz_labels_value (JZ_FIELD_PROGRAM, codes[i]));

      gtk_widget_add_css_class (badge, "jz-badge");
      gtk_box_append (GTK_BOX (box), badge);
    }
}

/* Rows are updated in place when the file changes, with notify: a cell
 * follows its row's property, not only the row it was bound to. */
static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item)
{
  const char *property = g_object_get_data (G_OBJECT (factory), "jz-property");
  GCallback update = g_object_get_data (G_OBJECT (factory), "jz-update");
  /* Without a property, the cell follows every change of the row. */
  g_autofree char *signal = property != NULL ? g_strconcat ("notify::", property, NULL) : g_strdup ("notify");
  gulong handler;

  ((void (*) (GtkListItem *)) update) (list_item);
  handler = g_signal_connect_object (gtk_list_item_get_item (list_item), signal, update, list_item,
                                     G_CONNECT_SWAPPED);
  g_object_set_data (G_OBJECT (list_item), "jz-handler", GSIZE_TO_POINTER (handler));
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item)
{
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (list_item), "jz-handler"));
  GObject *item = gtk_list_item_get_item (list_item);

  if (handler != 0 && item != NULL)
    g_signal_handler_disconnect (item, handler);
  g_object_set_data (G_OBJECT (list_item), "jz-handler", NULL);
}

static void
label_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item)
{
  float xalign = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "jz-end")) ? 1.0f : 0.0f;
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (xalign > 0.5f)
    gtk_widget_add_css_class (label, "numeric");
  /* Names of persons and places give way first when the window is narrow. */
  if (g_object_get_data (G_OBJECT (factory), "jz-shrink") != NULL)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  g_object_set_data (G_OBJECT (list_item), "jz-format", g_object_get_data (G_OBJECT (factory), "jz-format"));
  gtk_list_item_set_child (list_item, label);
}

static void
badges_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item)
{
  gtk_list_item_set_child (list_item, gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4));
}

static GtkListItemFactory *
label_factory_new (const char *property,
                   FormatFunc  format,
                   gboolean    end)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "jz-property", (gpointer) property);
  g_object_set_data (G_OBJECT (factory), "jz-update", (gpointer) update_label_cb);
  g_object_set_data (G_OBJECT (factory), "jz-format", (gpointer) format);
  g_object_set_data (G_OBJECT (factory), "jz-end", GINT_TO_POINTER (end));
  g_signal_connect (factory, "setup", G_CALLBACK (label_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind_cb), NULL);
  return factory;
}

static GtkListItemFactory *
badges_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "jz-property", (gpointer) "programs");
  g_object_set_data (G_OBJECT (factory), "jz-update", (gpointer) update_badges_cb);
  g_signal_connect (factory, "setup", G_CALLBACK (badges_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind_cb), NULL);
  return factory;
}

/* --- sorting ---------------------------------------------------------------- */

/* GTK 4.8 does not tell which column the clerk sorts by. Each column's
 * sorter, asked to compare two probes, notes its sort on the first and
 * answers "smaller": the column view's sorter asks its primary column
 * first and turns the answer round when it sorts descending. Rows are
 * never sorted here; SQL does it. */
static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  g_object_set_data ((GObject *) a, "jz-sort", user_data);
  return GTK_ORDERING_SMALLER;
}

static void
set_column_sort (GtkColumnViewColumn *column,
                 JzHouseholdSort      sort)
{
  g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare, GINT_TO_POINTER (sort + 1), NULL));

  gtk_column_view_column_set_sorter (column, sorter);
}

/**
 * jz_household_columns_get_sort:
 *
 * Returns: %FALSE when the clerk has not chosen a column to sort by
 */
gboolean
jz_household_columns_get_sort (GtkColumnView   *view,
                               JzHouseholdSort *sort,
                               gboolean        *descending)
{
  g_autoptr(GObject) first = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) second = g_object_new (G_TYPE_OBJECT, NULL);
  GtkOrdering order;
  int chosen;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), FALSE);

  order = gtk_sorter_compare (gtk_column_view_get_sorter (view), first, second);
  chosen = GPOINTER_TO_INT (g_object_get_data (first, "jz-sort"));
  if (order == GTK_ORDERING_EQUAL || chosen == 0)
    return FALSE;

  *sort = (JzHouseholdSort) (chosen - 1);
  *descending = order == GTK_ORDERING_LARGER;
  return TRUE;
}

/* --- columns ------------------------------------------------------------------ */

void
jz_household_columns_setup (GtkColumnViewColumn *column,
                            JzHouseholdColumn    kind)
{
  static const struct {
    const char *property;
    FormatFunc  format;
    gboolean    end;
    gboolean    shrink;
    int         sort;   /* a JzHouseholdSort, or -1 */
  } columns[] = {
    [JZ_HOUSEHOLD_COLUMN_HEAD] = { "head-name", format_head, FALSE, TRUE, JZ_HOUSEHOLD_SORT_HEAD_NAME },
    [JZ_HOUSEHOLD_COLUMN_ID_NUMBER] = { "masked-id-number", format_id, FALSE, FALSE, -1 },
    [JZ_HOUSEHOLD_COLUMN_VILLAGE] = { "village-name", format_village, FALSE, TRUE, JZ_HOUSEHOLD_SORT_VILLAGE },
    [JZ_HOUSEHOLD_COLUMN_TOWNSHIP] = { "township-name", format_township, FALSE, TRUE, JZ_HOUSEHOLD_SORT_TOWNSHIP },
    [JZ_HOUSEHOLD_COLUMN_MEMBERS] = { "members", format_members, TRUE, FALSE, JZ_HOUSEHOLD_SORT_MEMBERS },
    [JZ_HOUSEHOLD_COLUMN_PROGRAMS] = { "programs", NULL, FALSE, FALSE, -1 },
    /* Follows the status, the file status and the overdue mark. */
    [JZ_HOUSEHOLD_COLUMN_STATUS] = { NULL, format_status, FALSE, FALSE, JZ_HOUSEHOLD_SORT_CASE_STATUS },
    [JZ_HOUSEHOLD_COLUMN_AMOUNT] = { "monthly-amount", format_amount, TRUE, FALSE, JZ_HOUSEHOLD_SORT_MONTHLY_AMOUNT },
  };
  g_autoptr(GtkListItemFactory) factory = NULL;

  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));
  g_return_if_fail (kind <= JZ_HOUSEHOLD_COLUMN_AMOUNT);

  if (kind == JZ_HOUSEHOLD_COLUMN_PROGRAMS)
    factory = badges_factory_new ();
  else
    factory = label_factory_new (columns[kind].property, columns[kind].format, columns[kind].end);
  if (kind == JZ_HOUSEHOLD_COLUMN_STATUS)
    g_object_set_data (G_OBJECT (factory), "jz-update", (gpointer) update_status_cb);
  if (columns[kind].shrink)
    g_object_set_data (G_OBJECT (factory), "jz-shrink", GINT_TO_POINTER (TRUE));

  gtk_column_view_column_set_factory (column, factory);
  if (columns[kind].sort >= 0)
    set_column_sort (column, (JzHouseholdSort) columns[kind].sort);
}
