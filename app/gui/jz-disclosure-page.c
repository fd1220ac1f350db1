/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jz-disclosure-page.h"

struct _JzDisclosurePage
{
  JzPage parent_instance;
};

G_DEFINE_FINAL_TYPE (JzDisclosurePage, jz_disclosure_page, JZ_TYPE_PAGE)

static void
jz_disclosure_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), JZ_TYPE_DISCLOSURE_PAGE);

  G_OBJECT_CLASS (jz_disclosure_page_parent_class)->dispose (object);
}

static void
jz_disclosure_page_class_init (JzDisclosurePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jz_disclosure_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jiuzhu/Jiuzhu/jz-disclosure-page.ui");
}

static void
jz_disclosure_page_init (JzDisclosurePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
