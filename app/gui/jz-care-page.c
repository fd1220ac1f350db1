/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jz-care-page.h"

struct _JzCarePage
{
  JzPage parent_instance;
};

G_DEFINE_FINAL_TYPE (JzCarePage, jz_care_page, JZ_TYPE_PAGE)

static void
jz_care_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), JZ_TYPE_CARE_PAGE);

  G_OBJECT_CLASS (jz_care_page_parent_class)->dispose (object);
}

static void
jz_care_page_class_init (JzCarePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jz_care_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jiuzhu/Jiuzhu/jz-care-page.ui");
}

static void
jz_care_page_init (JzCarePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
