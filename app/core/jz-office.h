/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-db.h"

G_BEGIN_DECLS

/* The office's own details that printouts carry: who issues a notice, the
 * phone for complaints, and how a refused applicant may appeal.  Stored in
 * the meta table; a setting never set reads as its default. */

#define JZ_OFFICE_ERROR (jz_office_error_quark ())

typedef enum
{
  JZ_OFFICE_ERROR_INVALID,
} JzOfficeError;

typedef enum
{
  JZ_OFFICE_NAME,             /* the issuing office, e.g. 青禾区民政局; default "<district> Civil Affairs Bureau" */
  JZ_OFFICE_COMPLAINT_PHONE,  /* the public complaint and supervision line; default none ("") */
  JZ_OFFICE_APPEAL_ROUTE,     /* the appeal sentence of a refusal notice, with {district} standing for
                                 the district's name; default the sentence of the law in force */
  /* Disclosure lists (公示); see jz-disclosure.h */
  JZ_OFFICE_DISCLOSURE_TITLE,      /* a template with {place} {district} {township} {village} {year} {month}
                                      {program}; default 青禾区…{year}年{month}月{program}公示名单 */
  JZ_OFFICE_DISCLOSURE_PARTIAL_ID, /* "" (off, the default) or the characters kept at each end, e.g. "4,2" */
  JZ_OFFICE_DISCLOSURE_MASK_NAMES, /* "1": given names masked (张*); default "" (off) */
  JZ_OFFICE_DISCLOSURE_REMARKS,    /* "1": a remarks column; default "" (off) */
  /* Payment rolls; see jz-roll.h */
  JZ_OFFICE_ROLL_NEXT_MONTH,       /* "1": a case that starts after a month's first day is paid from
                                      the next month; default "" (off: the month it starts in) */
} JzOfficeSetting;

GQuark       jz_office_error_quark    (void);

const char  *jz_office_setting_key    (JzOfficeSetting   setting);
char        *jz_office_get            (JzDb             *db,
                                       JzOfficeSetting   setting,
                                       gboolean         *is_default,
                                       GError          **error);
char        *jz_office_get_default    (JzDb             *db,
                                       JzOfficeSetting   setting,
                                       GError          **error);
gboolean     jz_office_set            (JzDb             *db,
                                       JzOfficeSetting   setting,
                                       const char       *value,
                                       GError          **error);
gboolean     jz_office_parse_partial_id (const char     *text,
                                         guint          *head,
                                         guint          *tail);
char        *jz_office_district_name  (JzDb             *db,
                                       GError          **error);
char        *jz_office_appeal_route   (JzDb             *db,
                                       GError          **error);

G_END_DECLS
