/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jz-page.h"

typedef struct
{
  JzDb   *db;
  JzUser *user;
  gulong  changed_handler;

  /* The file changed while the page was hidden; it reloads when shown. */
  guint  stale : 1;
} JzPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (JzPage, jz_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DB,
  PROP_USER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
jz_page_reload (JzPage *self)
{
  g_assert (JZ_IS_PAGE (self));

  if (JZ_PAGE_GET_CLASS (self)->reload != NULL)
    JZ_PAGE_GET_CLASS (self)->reload (self);
}

/* Only the page the clerk looks at queries the file now: a commit of
 * another clerk then costs one page's queries, not those of every panel. */
static void
jz_page_reload_when_shown (JzPage *self)
{
  JzPagePrivate *priv = jz_page_get_instance_private (self);

  g_assert (JZ_IS_PAGE (self));

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      priv->stale = TRUE;
      return;
    }

  priv->stale = FALSE;
  jz_page_reload (self);
}

static void
db_changed_cb (JzPage *self,
               JzDb   *db)
{
  g_assert (JZ_IS_PAGE (self));
  g_assert (JZ_IS_DB (db));

  jz_page_reload_when_shown (self);
}

static void
jz_page_map (GtkWidget *widget)
{
  JzPage *self = (JzPage *) widget;
  JzPagePrivate *priv = jz_page_get_instance_private (self);

  GTK_WIDGET_CLASS (jz_page_parent_class)->map (widget);

  if (priv->stale)
    {
      priv->stale = FALSE;
      jz_page_reload (self);
    }
}

static void
jz_page_dispose (GObject *object)
{
  JzPage *self = (JzPage *) object;
  JzPagePrivate *priv = jz_page_get_instance_private (self);

  if (priv->db != NULL)
    g_clear_signal_handler (&priv->changed_handler, priv->db);
  g_clear_object (&priv->db);
  g_clear_pointer (&priv->user, jz_user_free);

  G_OBJECT_CLASS (jz_page_parent_class)->dispose (object);
}

static void
jz_page_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  JzPage *self = JZ_PAGE (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, jz_page_get_db (self));
      break;

    case PROP_USER:
      g_value_set_boxed (value, jz_page_get_user (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jz_page_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  JzPage *self = JZ_PAGE (object);

  switch (prop_id)
    {
    case PROP_DB:
      jz_page_set_db (self, g_value_get_object (value));
      break;

    case PROP_USER:
      jz_page_set_user (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jz_page_class_init (JzPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jz_page_dispose;
  object_class->get_property = jz_page_get_property;
  object_class->set_property = jz_page_set_property;

  widget_class->map = jz_page_map;

  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL,
                         JZ_TYPE_DB,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The signed-in user, NULL in single-user mode: what the page offers
   * follows the role; the core checks it again. */
  properties[PROP_USER] =
    g_param_spec_boxed ("user", NULL, NULL,
                        JZ_TYPE_USER,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jz_page_init (JzPage *self)
{
}

/**
 * jz_page_get_db:
 *
 * Returns: (transfer none) (nullable): the database the page shows
 */
JzDb *
jz_page_get_db (JzPage *self)
{
  JzPagePrivate *priv = jz_page_get_instance_private (self);

  g_return_val_if_fail (JZ_IS_PAGE (self), NULL);

  return priv->db;
}

void
jz_page_set_db (JzPage *self,
                JzDb   *db)
{
  JzPagePrivate *priv = jz_page_get_instance_private (self);

  g_return_if_fail (JZ_IS_PAGE (self));
  g_return_if_fail (db == NULL || JZ_IS_DB (db));

  if (priv->db == db)
    return;

  if (priv->db != NULL)
    g_clear_signal_handler (&priv->changed_handler, priv->db);

  g_set_object (&priv->db, db);

  if (db != NULL)
    priv->changed_handler = g_signal_connect_object (db, "changed",
                                                     G_CALLBACK (db_changed_cb),
                                                     self,
                                                     G_CONNECT_SWAPPED);

  jz_page_reload_when_shown (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DB]);
}

/**
 * jz_page_get_user:
 *
 * Returns: (transfer none) (nullable): the signed-in user, or %NULL in
 *   single-user mode
 */
const JzUser *
jz_page_get_user (JzPage *self)
{
  JzPagePrivate *priv = jz_page_get_instance_private (self);

  g_return_val_if_fail (JZ_IS_PAGE (self), NULL);

  return priv->user;
}

static gboolean
same_user (const JzUser *a,
           const JzUser *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return a->id == b->id && a->role == b->role && a->region_id == b->region_id &&
         a->active == b->active && g_strcmp0 (a->name, b->name) == 0;
}

void
jz_page_set_user (JzPage       *self,
                  const JzUser *user)
{
  JzPagePrivate *priv = jz_page_get_instance_private (self);

  g_return_if_fail (JZ_IS_PAGE (self));

  if (same_user (priv->user, user))
    return;

  g_clear_pointer (&priv->user, jz_user_free);
  priv->user = user != NULL ? jz_user_copy (user) : NULL;

  jz_page_reload_when_shown (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER]);
}

/**
 * jz_page_user_can:
 *
 * Whether the page should offer what needs @permission on something of
 * @township_id (0: of no township).  The core refuses it again.
 */
gboolean
jz_page_user_can (JzPage       *self,
                  JzPermission  permission,
                  gint64        township_id)
{
  JzPagePrivate *priv = jz_page_get_instance_private (self);

  g_return_val_if_fail (JZ_IS_PAGE (self), FALSE);

  return jz_user_can (priv->user, permission, township_id);
}
