/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Money is a gint64 number of fen (分, 0.01 yuan).  No floating point
 * touches an amount: a double cannot hold 0.10 exactly, and a roll of
 * thousands of rounded payments would not add up to its total. */

#define JZ_MONEY_ERROR (jz_money_error_quark ())

/* The largest amount jz_money_parse() accepts, either sign: 10^13 fen,
 * that is 100 billion (1000亿) yuan.  Far above any payment, it mostly
 * catches an ID or bank account number pasted into an amount field. */
#define JZ_MONEY_MAX_FEN G_GINT64_CONSTANT (10000000000000)

typedef enum
{
  JZ_MONEY_ERROR_EMPTY,     /* nothing but white space */
  JZ_MONEY_ERROR_INVALID,   /* letters, two decimal points, two currency signs, a sign out of place */
  JZ_MONEY_ERROR_AMBIGUOUS, /* a comma that is no thousands separator: "12,5", "1,23", "12,34,567" */
  JZ_MONEY_ERROR_PRECISION, /* more than two decimals: "1.234" may be a European 1234 */
  JZ_MONEY_ERROR_RANGE,     /* beyond ±JZ_MONEY_MAX_FEN */
} JzMoneyError;

GQuark    jz_money_error_quark      (void);

/* Reads an amount in yuan, as clerks type it and as spreadsheets hold it,
 * into fen.  Accepted:
 *
 *  - digits with at most two decimals after a point: "1234", "1234.5",
 *    "1234.50"; a bare point on either side is accepted, ".5" is 50 fen
 *    and "5." is 500 fen;
 *  - commas as thousands separators, only when every group after the first
 *    has exactly three digits and the first has one to three and does not
 *    start with 0: "1,234" is 123400 fen, "1,234,567.89" is 123456789;
 *  - one currency mark: "¥" or "￥" in front, "元" behind, or "RMB", "CNY"
 *    (any case) or "人民币" on either side, with or without a space;
 *  - a leading minus sign ("-", "－" or "−") before or after a front
 *    currency mark: "-12", "-¥12", "¥-12"; "-0" is 0;
 *  - full-width digits, point, comma and letters ("１２３４．５", "１，２３４");
 *  - white space (also the ideographic space) around the amount and next
 *    to the currency mark, but not between digits.
 *
 * Refused: "+12", "(12)", "1 234", "12元5角", "1.2.3", "¥12元" and anything
 * else not listed above.  A NULL @text counts as empty.  On error *@fen is
 * left untouched. */
gboolean  jz_money_parse            (const char  *text,
                                     gint64      *fen,
                                     GError     **error);

/* "1,234.50", "-12.00", "0.00": grouped by three, always two decimals, a
 * plain "-" for negative amounts.  jz_money_parse() reads it back. */
char     *jz_money_format           (gint64       fen);

/* The amount in Chinese capitals (大写金额) as written on cheques, notices
 * and agreements, after the People's Bank rules for filling in payment
 * documents (正确填写票据和结算凭证的基本规定):
 *
 *  - digits 零壹贰叁肆伍陆柒捌玖, units 拾佰仟 inside groups of 万 and 亿
 *    (10^12 is 壹万亿), then 元角分;
 *  - 整 after 元 or 角 when there are no fen: 壹佰元整, 伍角整;
 *  - a leading 1 keeps its digit, the bank form: 100000 is 壹拾万元整;
 *  - one 零 wherever a run of zero digits lies between two written digits,
 *    also across 万 and 亿 (1001 壹仟零壹元整, 100000001 壹亿零壹元整,
 *    10001000 壹仟万零壹仟元整) and between 元 and 角 or 分 (100.05
 *    壹佰元零伍分, 1680.32 壹仟陆佰捌拾元零叁角贰分).  Where the rules
 *    leave the 零 optional (a zero 万 or 元 digit before a non-zero 仟 or
 *    角) it is written, as spoken Chinese says it and because it leaves no
 *    gap to add a digit in;
 *  - less than one yuan starts with the jiao or fen: 0.56 is 伍角陆分;
 *    0 is 零元整;
 *  - negative amounts start with 负. */
char     *jz_money_format_capitals  (gint64       fen);

G_END_DECLS
