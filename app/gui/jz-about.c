/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "jz-about.h"

/* The About window shows what the AppStream metainfo says, so that the
 * software centre and the program never disagree on name, version or
 * release notes. */

#define METAINFO_RESOURCE "/io/github/jiuzhu/Jiuzhu/metainfo.xml"

typedef struct
{
  gboolean  chinese;

  GPtrArray *stack;         /* element names from the root down */
  GString   *text;          /* text of the current simple element */
  char      *lang;          /* xml:lang of the current simple element */

  char      *name;
  char      *name_zh;
  char      *summary;
  char      *summary_zh;
  char      *developer;
  char      *homepage;
  char      *issues;
  char      *license;
  char      *version;
  char      *release_year;
  GString   *release_notes; /* markup of the newest release's description */
  gboolean   in_notes;
  gboolean   after_inline;  /* the last tag in the notes was <em> or <code> */
  gboolean   seen_release;
} Metainfo;

/* AppStream markup inside a paragraph: the space around it is part of the text. */
static gboolean
is_inline (const char *element_name)
{
  return g_str_equal (element_name, "em") || g_str_equal (element_name, "code");
}

static void
set_str (char       **field,
         const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static void
metainfo_clear (Metainfo *info)
{
  g_clear_pointer (&info->stack, g_ptr_array_unref);
  if (info->text != NULL)
    g_string_free (info->text, TRUE);
  if (info->release_notes != NULL)
    g_string_free (info->release_notes, TRUE);
  g_free (info->lang);
  g_free (info->name);
  g_free (info->name_zh);
  g_free (info->summary);
  g_free (info->summary_zh);
  g_free (info->developer);
  g_free (info->homepage);
  g_free (info->issues);
  g_free (info->license);
  g_free (info->version);
  g_free (info->release_year);
}

/* “/component/name” style path of the element being read, for matching. */
static gboolean
at_path (Metainfo   *info,
         const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path + 1, "/", -1);
  guint n = g_strv_length (parts);

  if (n != info->stack->len)
    return FALSE;

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (parts[i], g_ptr_array_index (info->stack, i)) != 0)
      return FALSE;

  return TRUE;
}

/* Collapses the line breaks and indentation of the XML file into single
 * spaces, as a reader of the text expects. */
static void
append_collapsed (GString    *out,
                  const char *text,
                  gsize       len)
{
  gboolean space = out->len > 0 && g_ascii_isspace (out->str[out->len - 1]);

  for (gsize i = 0; i < len; i++)
    {
      if (g_ascii_isspace (text[i]))
        {
          if (!space)
            g_string_append_c (out, ' ');
          space = TRUE;
        }
      else
        {
          g_string_append_c (out, text[i]);
          space = FALSE;
        }
    }
}

static void
start_element_cb (GMarkupParseContext  *context,
                  const char           *element_name,
                  const char          **attribute_names,
                  const char          **attribute_values,
                  gpointer              user_data,
                  GError              **error)
{
  Metainfo *info = user_data;
  const char *lang = NULL;
  const char *type = NULL;
  const char *version = NULL;
  const char *date = NULL;

  g_ptr_array_add (info->stack, g_strdup (element_name));

  for (guint i = 0; attribute_names[i] != NULL; i++)
    {
      if (g_str_equal (attribute_names[i], "xml:lang"))
        lang = attribute_values[i];
      else if (g_str_equal (attribute_names[i], "type"))
        type = attribute_values[i];
      else if (g_str_equal (attribute_names[i], "version"))
        version = attribute_values[i];
      else if (g_str_equal (attribute_names[i], "date"))
        date = attribute_values[i];
    }

  if (info->in_notes)
    {
      g_string_append_printf (info->release_notes, "<%s>", element_name);
      info->after_inline = is_inline (element_name);
      return;
    }

  if (at_path (info, "/component/releases/release") && !info->seen_release)
    {
      info->seen_release = TRUE;
      info->version = g_strdup (version);
      if (date != NULL && strlen (date) >= 4)
        info->release_year = g_strndup (date, 4);
      return;
    }

  /* Only the newest release, which AppStream lists first. */
  if (at_path (info, "/component/releases/release/description") &&
      info->release_notes == NULL)
    {
      info->release_notes = g_string_new (NULL);
      info->in_notes = TRUE;
      return;
    }

  g_string_truncate (info->text, 0);
  g_clear_pointer (&info->lang, g_free);
  info->lang = g_strdup (lang);

  /* The url type goes into the element name, so that end_element_cb can
   * tell the homepage from the bug tracker. */
  if (at_path (info, "/component/url") && type != NULL)
    {
      g_free (g_ptr_array_index (info->stack, info->stack->len - 1));
      g_ptr_array_index (info->stack, info->stack->len - 1) = g_strconcat ("url:", type, NULL);
    }
}

static void
end_element_cb (GMarkupParseContext  *context,
                const char           *element_name,
                gpointer              user_data,
                GError              **error)
{
  Metainfo *info = user_data;
  g_autofree char *text = NULL;

  if (info->in_notes)
    {
      if (at_path (info, "/component/releases/release/description"))
        info->in_notes = FALSE;
      else
        {
          /* The line break before </p> or </li> is indentation, not text. */
          if (!is_inline (element_name) &&
              info->release_notes->len > 0 &&
              info->release_notes->str[info->release_notes->len - 1] == ' ')
            g_string_truncate (info->release_notes, info->release_notes->len - 1);
          g_string_append_printf (info->release_notes, "</%s>", element_name);
          info->after_inline = is_inline (element_name);
        }
      g_ptr_array_remove_index (info->stack, info->stack->len - 1);
      return;
    }

  text = g_strstrip (g_strdup (info->text->str));

  if (at_path (info, "/component/name"))
    {
      if (info->lang == NULL)
        set_str (&info->name, text);
      else if (g_str_equal (info->lang, "zh-CN") || g_str_equal (info->lang, "zh_CN"))
        set_str (&info->name_zh, text);
    }
  else if (at_path (info, "/component/summary"))
    {
      if (info->lang == NULL)
        set_str (&info->summary, text);
      else if (g_str_equal (info->lang, "zh-CN") || g_str_equal (info->lang, "zh_CN"))
        set_str (&info->summary_zh, text);
    }
  else if (at_path (info, "/component/developer_name") ||
           at_path (info, "/component/developer/name"))
    {
      if (info->lang == NULL && info->developer == NULL)
        set_str (&info->developer, text);
    }
  else if (at_path (info, "/component/url:homepage"))
    set_str (&info->homepage, text);
  else if (at_path (info, "/component/url:bugtracker"))
    set_str (&info->issues, text);
  else if (at_path (info, "/component/project_license"))
    set_str (&info->license, text);

  g_string_truncate (info->text, 0);
  g_ptr_array_remove_index (info->stack, info->stack->len - 1);
}

static void
text_cb (GMarkupParseContext  *context,
         const char           *str,
         gsize                 len,
         gpointer              user_data,
         GError              **error)
{
  Metainfo *info = user_data;

  if (info->in_notes)
    {
      g_autoptr(GString) collapsed = g_string_new (NULL);
      g_autofree char *escaped = NULL;
      const char *start;

      append_collapsed (collapsed, str, len);
      start = collapsed->str;

      /* Space right after a block tag is the indentation of the XML file. */
      if (*start == ' ' &&
          !info->after_inline &&
          (info->release_notes->len == 0 ||
           info->release_notes->str[info->release_notes->len - 1] == '>'))
        start++;

      escaped = g_markup_escape_text (start, -1);
      g_string_append (info->release_notes, escaped);
      return;
    }

  append_collapsed (info->text, str, len);
}

static const GMarkupParser parser = {
  .start_element = start_element_cb,
  .end_element = end_element_cb,
  .text = text_cb,
};

static gboolean
language_is_chinese (void)
{
  const char * const *names = g_get_language_names ();

  return names[0] != NULL && g_str_has_prefix (names[0], "zh");
}

static gboolean
metainfo_load (Metainfo  *info,
               GError   **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  gsize size;
  const char *data;

  bytes = g_resources_lookup_data (METAINFO_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &size);
  context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, info, NULL);

  return g_markup_parse_context_parse (context, data, size, error) &&
         g_markup_parse_context_end_parse (context, error);
}

static GtkLicense
license_type (const char *spdx)
{
  if (g_strcmp0 (spdx, "GPL-3.0-or-later") == 0 || g_strcmp0 (spdx, "GPL-3.0+") == 0)
    return GTK_LICENSE_GPL_3_0;
  if (g_strcmp0 (spdx, "GPL-3.0-only") == 0 || g_strcmp0 (spdx, "GPL-3.0") == 0)
    return GTK_LICENSE_GPL_3_0_ONLY;

  return GTK_LICENSE_UNKNOWN;
}

/**
 * jz_about_window_new:
 * @parent: (nullable): the window the About window belongs to
 *
 * Returns: (transfer none): a new AdwAboutWindow, not yet shown
 */
GtkWindow *
jz_about_window_new (GtkWindow *parent)
{
  Metainfo info = { 0 };
  g_autoptr(GError) error = NULL;
  const char *translators = _("translator-credits");
  AdwAboutWindow *about;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  info.chinese = language_is_chinese ();
  info.stack = g_ptr_array_new_with_free_func (g_free);
  info.text = g_string_new (NULL);

  /* A broken metainfo in the resource is a build mistake, but the window is
   * still worth showing with what was read. */
  if (!metainfo_load (&info, &error))
    g_warning ("Cannot read the application metainfo: %s", error->message);

  /* The metainfo keeps the developer name in English; the catalogue holds
   * its translation. */
  if (info.developer != NULL && g_str_equal (info.developer, "Jiuzhu developers"))
    set_str (&info.developer, _("Jiuzhu developers"));

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  g_object_set (about,
                "application-icon", APP_ID,
                "application-name", info.chinese && info.name_zh != NULL ? info.name_zh : info.name,
                "comments", info.chinese && info.summary_zh != NULL ? info.summary_zh : info.summary,
                "developer-name", info.developer,
                "version", info.version != NULL ? info.version : PACKAGE_VERSION,
                "website", info.homepage,
                "issue-url", info.issues,
                "license-type", license_type (info.license),
                "transient-for", parent,
                "modal", parent != NULL,
                NULL);

  if (info.release_notes != NULL && info.release_notes->len > 0)
    {
      adw_about_window_set_release_notes_version (about, info.version);
      adw_about_window_set_release_notes (about, info.release_notes->str);
    }

  if (info.release_year != NULL && info.developer != NULL)
    {
      /* TRANSLATORS: copyright line in the About window: year, then the developers */
      g_autofree char *copyright = g_strdup_printf (_("© %s %s"), info.release_year, info.developer);

      adw_about_window_set_copyright (about, copyright);
    }

  if (!g_str_equal (translators, "translator-credits"))
    adw_about_window_set_translator_credits (about, translators);

  metainfo_clear (&info);

  return GTK_WINDOW (about);
}
