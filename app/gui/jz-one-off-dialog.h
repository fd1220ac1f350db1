/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define JZ_TYPE_ONE_OFF_DIALOG (jz_one_off_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JzOneOffDialog, jz_one_off_dialog, JZ, ONE_OFF_DIALOG, AdwWindow)

/* What the clerk chose, when "make" is emitted. */
typedef struct
{
  const char *title;
  const char *programs;      /* codes, comma-separated */
  const char *on_date;
  gboolean    per_person;
  const char *amount;        /* yuan, as typed */
  const char *funding;       /* province:60,county:40 */
  guint       township;      /* 0: the district, else the n-th of the names given */
} JzOneOffChoice;

/* @townships: the names offered after "The whole district"; @today: the
 * day offered for the group.  The "make" signal (JzOneOffChoice *) returns
 * an error message to show, or NULL when the roll was made and the
 * dialog closes. */
JzOneOffDialog *jz_one_off_dialog_new       (GtkWindow          *parent,
                                              const char * const *townships,
                                              guint               township,
                                              const char         *today);
/* Makes the roll, as the button does. */
void            jz_one_off_dialog_make      (JzOneOffDialog     *self);

G_END_DECLS
