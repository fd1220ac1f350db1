/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-calendar-view.h"
#include "jz-office-view.h"
#include "jz-settings-page.h"
#include "jz-standards-view.h"
#include "jz-users-view.h"

struct _JzSettingsPage
{
  JzPage       parent_instance;

  /* Template widgets */
  AdwActionRow *path_row;
  GtkLabel     *schema_label;
  AdwActionRow *journal_row;
  GtkLabel     *journal_label;
  GtkLabel     *access_label;
  GtkLabel     *households_label;
  GtkLabel     *persons_label;
  GtkLabel     *cases_label;
  GtkLabel     *regions_label;
  GtkLabel     *audit_label;
  AdwViewStack *stack;
};

G_DEFINE_FINAL_TYPE (JzSettingsPage, jz_settings_page, JZ_TYPE_PAGE)

static void
show_count (GtkLabel   *label,
            JzDb       *db,
            const char *table)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 count = -1;

  if (db != NULL)
    count = jz_db_count_rows (db, table, &error);

  if (count < 0)
    {
      if (error != NULL)
        g_debug ("Cannot count rows of %s: %s", table, error->message);
      gtk_label_set_label (label, "—");
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), error != NULL ? error->message : NULL);
      return;
    }

  /* The ' flag groups digits the way the clerk's locale does. */
  text = g_strdup_printf ("%'" G_GINT64_FORMAT, count);
  gtk_label_set_label (label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), NULL);
}

static void
show_journal_mode (JzSettingsPage *self,
                   JzDb           *db)
{
  const char *mode = db != NULL ? jz_db_get_journal_mode (db) : NULL;

  g_assert (JZ_IS_SETTINGS_PAGE (self));

  if (mode == NULL)
    {
      gtk_label_set_label (self->journal_label, "—");
      adw_action_row_set_subtitle (self->journal_row, "");
    }
  else if (g_ascii_strcasecmp (mode, "wal") == 0)
    {
      gtk_label_set_label (self->journal_label, _("WAL"));
      adw_action_row_set_subtitle (self->journal_row,
                                   _("Write-ahead log, the fast mode for a file on this computer"));
    }
  else if (g_ascii_strcasecmp (mode, "delete") == 0)
    {
      gtk_label_set_label (self->journal_label, _("Rollback journal"));
      adw_action_row_set_subtitle (self->journal_row,
                                   _("The safe mode for a file that several clerks share over the network"));
    }
  else
    {
      g_autofree char *upper = g_ascii_strup (mode, -1);

      gtk_label_set_label (self->journal_label, upper);
      adw_action_row_set_subtitle (self->journal_row, "");
    }
}

static void
jz_settings_page_reload (JzPage *page)
{
  JzSettingsPage *self = (JzSettingsPage *) page;
  JzDb *db = jz_page_get_db (page);
  g_autofree char *version = NULL;

  g_assert (JZ_IS_SETTINGS_PAGE (self));

  if (db != NULL)
    {
      adw_action_row_set_subtitle (self->path_row, jz_db_get_path (db));
      version = g_strdup_printf ("%d", jz_db_get_schema_version (db));
    }
  else
    adw_action_row_set_subtitle (self->path_row, _("No database is open"));

  gtk_label_set_label (self->schema_label, version != NULL ? version : "—");
  show_journal_mode (self, db);

  if (db == NULL)
    gtk_label_set_label (self->access_label, "—");
  else if (jz_db_get_read_only (db))
    gtk_label_set_label (self->access_label, _("Read only"));
  else
    gtk_label_set_label (self->access_label, _("Read and write"));

  show_count (self->households_label, db, "households");
  show_count (self->persons_label, db, "persons");
  show_count (self->cases_label, db, "cases");
  show_count (self->regions_label, db, "regions");
  show_count (self->audit_label, db, "audit_log");
}

static void
jz_settings_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), JZ_TYPE_SETTINGS_PAGE);

  G_OBJECT_CLASS (jz_settings_page_parent_class)->dispose (object);
}

static void
jz_settings_page_class_init (JzSettingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JzPageClass *page_class = JZ_PAGE_CLASS (klass);

  object_class->dispose = jz_settings_page_dispose;

  page_class->reload = jz_settings_page_reload;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jiuzhu/Jiuzhu/jz-settings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JzSettingsPage, path_row);
  gtk_widget_class_bind_template_child (widget_class, JzSettingsPage, schema_label);
  gtk_widget_class_bind_template_child (widget_class, JzSettingsPage, journal_row);
  gtk_widget_class_bind_template_child (widget_class, JzSettingsPage, journal_label);
  gtk_widget_class_bind_template_child (widget_class, JzSettingsPage, access_label);
  gtk_widget_class_bind_template_child (widget_class, JzSettingsPage, households_label);
  gtk_widget_class_bind_template_child (widget_class, JzSettingsPage, persons_label);
  gtk_widget_class_bind_template_child (widget_class, JzSettingsPage, cases_label);
  gtk_widget_class_bind_template_child (widget_class, JzSettingsPage, regions_label);
  gtk_widget_class_bind_template_child (widget_class, JzSettingsPage, audit_label);
  gtk_widget_class_bind_template_child (widget_class, JzSettingsPage, stack);

  g_type_ensure (JZ_TYPE_STANDARDS_VIEW);
  g_type_ensure (JZ_TYPE_CALENDAR_VIEW);
  g_type_ensure (JZ_TYPE_OFFICE_VIEW);
  g_type_ensure (JZ_TYPE_USERS_VIEW);
}

static void
jz_settings_page_init (JzSettingsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  jz_settings_page_reload (JZ_PAGE (self));
}

/**
 * jz_settings_page_show_section:
 * @name: general, standards, calendar, office, or another section's name
 *
 * Shows one section of the settings, as a click on its switcher does.
 */
void
jz_settings_page_show_section (JzSettingsPage *self,
                               const char     *name)
{
  g_return_if_fail (JZ_IS_SETTINGS_PAGE (self));
  g_return_if_fail (name != NULL);

  adw_view_stack_set_visible_child_name (self->stack, name);
}
