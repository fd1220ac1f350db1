/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-db.h"

G_BEGIN_DECLS

/* The monthly income of household members, one item per kind of income
 * (工资性、种植养殖、经营性、养老金、转移性、财产性、其他). Every write is
 * one transaction with its audit entry, and nests inside a caller's
 * jz_db_write(), so that a member and their incomes are saved together. */

#define JZ_INCOME_ERROR (jz_income_error_quark ())

/* 1,000,000 yuan a month: no assistance applicant earns that; an amount
 * above it is a typing error (an ID or account number in the wrong field,
 * yuan typed as fen ten thousand times over). */
#define JZ_INCOME_MAX_FEN G_GINT64_CONSTANT (100000000)

typedef enum
{
  JZ_INCOME_ERROR_KIND,       /* not one of jz_income_kinds() */
  JZ_INCOME_ERROR_AMOUNT,     /* negative, or above JZ_INCOME_MAX_FEN */
  JZ_INCOME_ERROR_NOT_MEMBER, /* the person is not an active household member */
} JzIncomeError;

typedef struct
{
  gint64  id;              /* 0 until added */
  gint64  person_id;
  char   *kind;            /* wage, farming, business, pension, transfer, property, other */
  gint64  monthly_amount;  /* fen */
  gint64  version;
} JzIncome;

GQuark              jz_income_error_quark      (void);

JzIncome           *jz_income_new              (void);
JzIncome           *jz_income_copy             (const JzIncome  *income);
void                jz_income_free             (JzIncome        *income);

const char * const *jz_income_kinds            (void);
const char         *jz_income_kind_label       (const char      *kind);
gboolean            jz_income_check_kind       (const char      *kind,
                                                GError         **error);
gboolean            jz_income_check_amount     (gint64           fen,
                                                GError         **error);

GPtrArray          *jz_income_list_for_person  (JzDb            *db,
                                                gint64           person_id,
                                                GError         **error);
gint64              jz_income_add              (JzDb            *db,
                                                JzIncome        *income,
                                                GError         **error);
gboolean            jz_income_update           (JzDb            *db,
                                                JzIncome        *income,
                                                GError         **error);
gboolean            jz_income_remove           (JzDb            *db,
                                                const JzIncome  *income,
                                                GError         **error);

gboolean            jz_income_person_total     (JzDb            *db,
                                                gint64           person_id,
                                                gint64          *total,
                                                GError         **error);
gboolean            jz_income_household_total  (JzDb            *db,
                                                gint64           household_id,
                                                gint64          *total,
                                                guint           *n_members,
                                                GError         **error);
gint64              jz_income_per_person       (gint64           total,
                                                guint            n_members);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JzIncome, jz_income_free)

G_END_DECLS
