/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define JZ_ID_NUMBER_ERROR (jz_id_number_error_quark ())

typedef enum
{
  JZ_ID_NUMBER_ERROR_LENGTH, /* not 18 characters (or 15 for jz_id_number_upgrade()) */
  JZ_ID_NUMBER_ERROR_FORMAT, /* a character other than a digit, or X not at the end */
  JZ_ID_NUMBER_ERROR_REGION, /* the first two digits are no province-level code */
  JZ_ID_NUMBER_ERROR_DATE,   /* the birth date does not exist, is before 1900 or in the future */
  JZ_ID_NUMBER_ERROR_CHECK,  /* the check character does not match */
} JzIdNumberError;

/* A valid resident ID number (GB 11643), normalized: 18 ASCII characters,
 * the last one a digit or an upper-case X. */
typedef struct
{
  char  number[19];
  GDate birth;
  char  sex;          /* 'M' or 'F' */
} JzIdNumber;

GQuark    jz_id_number_error_quark  (void);

gboolean  jz_id_number_parse        (const char       *input,
                                     const GDate      *today,
                                     JzIdNumber       *out,
                                     GError          **error);
char     *jz_id_number_upgrade      (const char       *input,
                                     GError          **error);
char      jz_id_number_check_char   (const char       *first17);
guint     jz_id_number_age_at       (const JzIdNumber *id,
                                     const GDate      *at);
char     *jz_id_number_mask         (const char       *number,
                                     guint             keep_head,
                                     guint             keep_tail);

G_END_DECLS
