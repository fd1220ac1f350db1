/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jz-dashboard-page.h"

struct _JzDashboardPage
{
  JzPage parent_instance;
};

G_DEFINE_FINAL_TYPE (JzDashboardPage, jz_dashboard_page, JZ_TYPE_PAGE)

static void
jz_dashboard_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), JZ_TYPE_DASHBOARD_PAGE);

  G_OBJECT_CLASS (jz_dashboard_page_parent_class)->dispose (object);
}

static void
jz_dashboard_page_class_init (JzDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jz_dashboard_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jiuzhu/Jiuzhu/jz-dashboard-page.ui");
}

static void
jz_dashboard_page_init (JzDashboardPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
