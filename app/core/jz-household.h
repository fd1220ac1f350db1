/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-db.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  gint64  region_id;       /* the village or community */
  gint64  head_person_id;
  gint64  predecessor_id;  /* the file this one continues, 0 if none */
  char   *hukou;           /* urban, rural */
  char   *address;
  char   *phone;
  char   *bank;
  char   *bank_account;
  char   *notes;
  char   *status;          /* open, closed, archived */
  char   *opened_on;
  char   *closed_on;
  gint64  version;
} JzHousehold;

typedef struct
{
  gint64  id;
  gint64  household_id;
  char   *name;
  char   *id_number;        /* normalized to 18 characters on save */
  char   *relation;         /* head, spouse, child, parent, grandchild, grandparent, sibling, other */
  char   *sex;              /* derived from the ID number */
  char   *birth_date;       /* derived from the ID number */
  char   *disability_kind;  /* NULL when none */
  int     disability_grade; /* 1–4, 0 when none */
  char   *disability_cert;
  char   *severe_illness;
  char   *labour_capacity;  /* full, partial, none */
  char   *self_care;        /* self_care, partial_care, full_care */
  char   *employment;
  gboolean active;
  char   *left_on;
  char   *left_reason;
  gint64  version;
} JzPerson;

JzHousehold *jz_household_new          (void);
void         jz_household_free         (JzHousehold  *household);
JzPerson    *jz_person_new             (void);
void         jz_person_free            (JzPerson     *person);

gint64       jz_household_create       (JzDb         *db,
                                        JzHousehold  *household,
                                        JzPerson     *head,
                                        GError      **error);
JzHousehold *jz_household_get          (JzDb         *db,
                                        gint64        id,
                                        GError      **error);
gboolean     jz_household_update       (JzDb         *db,
                                        JzHousehold  *household,
                                        GError      **error);
GPtrArray   *jz_household_list_members (JzDb         *db,
                                        gint64        household_id,
                                        gboolean      active_only,
                                        GError      **error);

gint64       jz_person_add             (JzDb         *db,
                                        JzPerson     *person,
                                        GError      **error);
JzPerson    *jz_person_get             (JzDb         *db,
                                        gint64        id,
                                        GError      **error);
gboolean     jz_person_update          (JzDb         *db,
                                        JzPerson     *person,
                                        GError      **error);

char        *jz_household_reveal_bank_account (JzDb     *db,
                                               gint64    id,
                                               GError  **error);
char        *jz_household_mask_account (const char   *account);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JzHousehold, jz_household_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JzPerson, jz_person_free)

G_END_DECLS
