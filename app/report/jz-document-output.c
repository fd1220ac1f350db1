/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A document's pages on any cairo_t, and written to PDF and PNG files. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "jz-document-private.h"

/* A file written under a temporary name beside its destination and renamed
 * over it once complete. */
typedef struct
{
  char *path;
  char *tmp_path;
  int   fd;
  int   saved_errno;
} Sink;

static void
set_write_error (const char  *path,
                 int          saved_errno,
                 GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, JZ_DOCUMENT_ERROR, JZ_DOCUMENT_ERROR_WRITE,
               /* TRANSLATORS: %s are the file's name and the system's reason, e.g. "Permission denied" */
               _("Could not write “%s”: %s; check that the folder exists and that you may write to it."),
               name, g_strerror (saved_errno));
}

static gboolean
sink_open (Sink        *sink,
           const char  *path,
           GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *template = g_strdup_printf (".%s.XXXXXX", base);

  sink->path = g_strdup (path);
  sink->tmp_path = g_build_filename (dir, template, NULL);
  sink->saved_errno = 0;
  sink->fd = g_mkstemp_full (sink->tmp_path, O_WRONLY | O_CLOEXEC, 0666);
  if (sink->fd < 0)
    {
      set_write_error (path, errno, error);
      g_clear_pointer (&sink->path, g_free);
      g_clear_pointer (&sink->tmp_path, g_free);
      return FALSE;
    }

  return TRUE;
}

static cairo_status_t
sink_write_cb (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  Sink *sink = closure;

  while (length > 0)
    {
      ssize_t n = write (sink->fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          sink->saved_errno = n < 0 ? errno : EIO;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += n;
      length -= (unsigned int) n;
    }

  return CAIRO_STATUS_SUCCESS;
}

/* Renames the finished file into place, or removes it when @ok is FALSE or
 * anything failed. */
static gboolean
sink_close (Sink            *sink,
            cairo_status_t   status,
            GError         **error)
{
  gboolean ok = status == CAIRO_STATUS_SUCCESS && sink->saved_errno == 0;

  if (ok && fsync (sink->fd) != 0)
    {
      sink->saved_errno = errno;
      ok = FALSE;
    }
  if (close (sink->fd) != 0 && ok)
    {
      sink->saved_errno = errno;
      ok = FALSE;
    }
  if (ok && g_rename (sink->tmp_path, sink->path) != 0)
    {
      sink->saved_errno = errno;
      ok = FALSE;
    }

  if (!ok)
    {
      g_unlink (sink->tmp_path);
      if (sink->saved_errno != 0)
        set_write_error (sink->path, sink->saved_errno, error);
      else
        g_set_error (error, JZ_DOCUMENT_ERROR, JZ_DOCUMENT_ERROR_FAILED,
                     /* TRANSLATORS: %s is cairo's reason, in English */
                     _("The document could not be drawn (%s); try again, and report it if it happens again."),
                     cairo_status_to_string (status));
    }

  g_clear_pointer (&sink->path, g_free);
  g_clear_pointer (&sink->tmp_path, g_free);

  return ok;
}

/**
 * jz_document_get_n_pages:
 *
 * Lays the document out if it changed since the last time.
 *
 * Returns: the number of pages, at least 1
 */
guint
jz_document_get_n_pages (JzDocument *self)
{
  g_return_val_if_fail (JZ_IS_DOCUMENT (self), 0);

  jz_document_ensure_layout (self);
  return self->pages->len;
}

/**
 * jz_document_render_page:
 * @page: from 0
 *
 * Draws one page with its top left corner at the origin of @cr, one unit a
 * point.  Nothing is painted behind the text: the paper is the background.
 */
gboolean
jz_document_render_page (JzDocument  *self,
                         cairo_t     *cr,
                         guint        page,
                         GError     **error)
{
  g_return_val_if_fail (JZ_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);

  if (page >= jz_document_get_n_pages (self))
    {
      g_set_error (error, JZ_DOCUMENT_ERROR, JZ_DOCUMENT_ERROR_NO_PAGE,
                   _("The document has %u pages; page %u does not exist."),
                   jz_document_get_n_pages (self), page + 1);
      return FALSE;
    }

  jz_document_draw_page (self, cr, page);
  return TRUE;
}

/**
 * jz_document_write_pdf:
 *
 * Writes every page to a PDF file.  The text is real text in embedded
 * subsets of the fonts, so it can be searched and copied.
 */
gboolean
jz_document_write_pdf (JzDocument  *self,
                       const char  *path,
                       GError     **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;
  guint n_pages;
  Sink sink;

  g_return_val_if_fail (JZ_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  n_pages = jz_document_get_n_pages (self);
  jz_document_get_page_size (self, &width, &height);

  if (!sink_open (&sink, path, error))
    return FALSE;

  surface = cairo_pdf_surface_create_for_stream (sink_write_cb, &sink, width, height);
  if (self->title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Jiuzhu " PACKAGE_VERSION);

  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages; page++)
    {
      jz_document_draw_page (self, cr, page);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);

  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return sink_close (&sink, status, error);
}

/**
 * jz_document_write_png:
 * @page: from 0
 * @dpi: pixels per inch, 10 to 1200
 *
 * Writes one page as an opaque white PNG image, the page size times
 * @dpi / 72 pixels, rounded.
 */
gboolean
jz_document_write_png (JzDocument  *self,
                       guint        page,
                       double       dpi,
                       const char  *path,
                       GError     **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height, scale;
  int pixel_width, pixel_height;
  Sink sink;

  g_return_val_if_fail (JZ_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (dpi >= 10 && dpi <= 1200, FALSE);

  if (page >= jz_document_get_n_pages (self))
    {
      g_set_error (error, JZ_DOCUMENT_ERROR, JZ_DOCUMENT_ERROR_NO_PAGE,
                   _("The document has %u pages; page %u does not exist."),
                   jz_document_get_n_pages (self), page + 1);
      return FALSE;
    }

  jz_document_get_page_size (self, &width, &height);
  scale = dpi / 72.0;
  pixel_width = (int) floor (width * scale + 0.5);
  pixel_height = (int) floor (height * scale + 0.5);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, pixel_width, pixel_height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  jz_document_draw_page (self, cr, page);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_set_error (error, JZ_DOCUMENT_ERROR, JZ_DOCUMENT_ERROR_FAILED,
                   _("The document could not be drawn (%s); try again, and report it if it happens again."),
                   cairo_status_to_string (status));
      return FALSE;
    }

  if (!sink_open (&sink, path, error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }
  status = cairo_surface_write_to_png_stream (surface, sink_write_cb, &sink);
  cairo_surface_destroy (surface);

  return sink_close (&sink, status, error);
}
