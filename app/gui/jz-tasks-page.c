/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jz-tasks-page.h"

struct _JzTasksPage
{
  JzPage parent_instance;
};

G_DEFINE_FINAL_TYPE (JzTasksPage, jz_tasks_page, JZ_TYPE_PAGE)

static void
jz_tasks_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), JZ_TYPE_TASKS_PAGE);

  G_OBJECT_CLASS (jz_tasks_page_parent_class)->dispose (object);
}

static void
jz_tasks_page_class_init (JzTasksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jz_tasks_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jiuzhu/Jiuzhu/jz-tasks-page.ui");
}

static void
jz_tasks_page_init (JzTasksPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
