/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jz-db.h"
#include "jz-user.h"

G_BEGIN_DECLS

/* The lists villages post (公示).  The 2021 rule (最低生活保障审核确认办法
 * art. 24) names what a list shows — the name, the number of family
 * members, the amount — and forbids anything unrelated: a row here holds
 * nothing else a list could print by mistake, and never the full ID
 * number, a phone, a bank account, an address, an illness or a disability.
 *
 * Two kinds:
 *  - the long-term list (长期公示): every case of the programs in payment
 *    during the month — active, or terminated on or after its first day
 *    (a suspended case is not paid, and not listed) — of people alive and
 *    in an open file on that day;
 *  - the notice (7-day 公示) of a period: the applications publicly noticed
 *    in it (cases that reached village_notice with a notice overlapping
 *    the period), with the amount the engine computes for them, and the
 *    cases of the programs ended in it.
 * Rows are grouped by village, then ordered by program and name. */

#define JZ_DISCLOSURE_ERROR (jz_disclosure_error_quark ())

typedef enum
{
  JZ_DISCLOSURE_ERROR_INVALID,   /* a choice is missing or does not read; the message says which */
} JzDisclosureError;

typedef enum
{
  JZ_DISCLOSURE_LONGTERM,
  JZ_DISCLOSURE_NOTICE,
} JzDisclosureKind;

typedef struct
{
  JzDisclosureKind  kind;
  GStrv             programs;      /* program codes, at least one */
  gint64            region_id;     /* 0: the district; else a township or a village */
  char             *month;         /* YYYY-MM: the long-term list's month */
  char             *notice_from;   /* YYYY-MM-DD: the notice's period */
  char             *notice_to;
  /* The options; jz_disclosure_query_new() takes them from the office
   * settings (jz-office.h). */
  guint             id_head;       /* characters of the ID number kept at the start; 0 and 0: none shown */
  guint             id_tail;
  gboolean          mask_names;    /* 张* */
  gboolean          remarks;       /* a remarks column */
} JzDisclosureQuery;

typedef struct
{
  guint   number;          /* 序号, from 1, across the whole list */
  gint64  township_id;
  char   *township_name;
  gint64  village_id;
  char   *village_name;
  char   *name;            /* masked when asked */
  char   *program;         /* code */
  int     persons;
  gint64  monthly_amount;  /* fen; -1 when the engine could not compute an application's */
  char   *id_partial;      /* e.g. 3703**********12, NULL unless asked */
  char   *remark;          /* notice: "new" or "ended"; NULL on the long-term list */
  char   *place_key;       /* township code/village code: the order of the places */
} JzDisclosureRow;

typedef struct
{
  JzDisclosureQuery *query;
  char              *title;           /* from the title template */
  char              *period;          /* "2026-06", or "2026-06-01 to 2026-06-07" */
  char              *office;          /* the issuing office */
  char              *complaint_phone; /* "" if none */
  char              *region_name;     /* the district, township or village the list is for */
  GPtrArray         *rows;            /* JzDisclosureRow, in list order */
  gint64             total_amount;    /* fen, over the rows with an amount (a notice: new and ended both) */
  guint              persons;
  guint              villages;
} JzDisclosureList;

GQuark             jz_disclosure_error_quark   (void);

/* With the office's options, the current month, no programs. */
JzDisclosureQuery *jz_disclosure_query_new     (JzDb                     *db,
                                                GError                  **error);
JzDisclosureQuery *jz_disclosure_query_copy    (const JzDisclosureQuery  *query);
void               jz_disclosure_query_free    (JzDisclosureQuery        *query);

void               jz_disclosure_row_free      (JzDisclosureRow          *row);
void               jz_disclosure_list_free     (JzDisclosureList         *list);

/* "370302**********12" from an ID number: @head and @tail characters kept. */
char              *jz_disclosure_mask_id       (const char               *id_number,
                                                guint                     head,
                                                guint                     tail);
/* "张*", "欧阳**": the surname kept (a known two-character surname too). */
char              *jz_disclosure_mask_name     (const char               *name);
const char        *jz_disclosure_remark_label  (const char               *remark);   /* translated */

/* @user: a township clerk lists their own township only. */
JzDisclosureList  *jz_disclosure_build         (JzDb                     *db,
                                                const JzUser             *user,
                                                const JzDisclosureQuery  *query,
                                                GError                  **error);
/* Records that @list was produced (who, when, the choices, the row
 * count, the format: pdf, xlsx, html, print, screen) so that a posted
 * list can be produced again. */
gboolean           jz_disclosure_record        (JzDb                     *db,
                                                const JzDisclosureList   *list,
                                                const char               *format,
                                                GError                  **error);
/* The lists recorded, newest first: JzDisclosureRecord. */
typedef struct
{
  gint64  id;
  char   *at;
  char   *user_name;
  char   *format;
  char   *choices;     /* JSON of the query */
  guint   rows;
} JzDisclosureRecord;

GPtrArray         *jz_disclosure_list_records  (JzDb                     *db,
                                                guint                     limit,
                                                GError                  **error);
void               jz_disclosure_record_free   (JzDisclosureRecord       *record);
/* The query a record was made with, to produce the same list again. */
JzDisclosureQuery *jz_disclosure_record_query  (const JzDisclosureRecord *record,
                                                GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JzDisclosureQuery, jz_disclosure_query_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JzDisclosureRow, jz_disclosure_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JzDisclosureList, jz_disclosure_list_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JzDisclosureRecord, jz_disclosure_record_free)

G_END_DECLS
