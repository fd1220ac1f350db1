#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Python peers of the persons export: the same cells as raw-xlsx.c.

    py-export.py xlsxwriter|openpyxl DB OUT.xlsx

xlsxwriter runs in constant_memory mode, openpyxl in write-only mode, the
ways each library documents for large files.  Prints the rows written.
"""

import datetime
import sqlite3
import sys

SQL = """
SELECT s.household_id, t.name, v.name, s.head_name, s.hukou, p.name, p.id_number, p.relation,
       p.sex, p.birth_date, p.disability_kind, p.disability_grade, p.severe_illness,
       s.programs, s.monthly_amount, h.bank_account
FROM household_summary s
JOIN households h ON h.id = s.household_id
JOIN persons p ON p.household_id = s.household_id AND p.active = 1
LEFT JOIN regions t ON t.id = s.township_id
LEFT JOIN regions v ON v.id = s.village_id
WHERE s.file_status = 'open'
ORDER BY s.village_id, s.household_id, p.relation <> 'head', p.birth_date, p.id
"""

HEADERS = ["Household no.", "Township", "Village", "Head of household", "Hukou", "Member",
           "ID number", "Relation to head", "Sex", "Birth date", "Disability",
           "Disability grade", "Severe illness", "Programs",
           "Household monthly amount (yuan)", "Bank account"]

LABELS = {
    "urban": "Urban", "rural": "Rural", "M": "Male", "F": "Female",
    "head": "Head", "spouse": "Spouse", "child": "Child", "parent": "Parent",
    "grandchild": "Grandchild", "grandparent": "Grandparent", "sibling": "Sibling", "other": "Other",
    "visual": "Visual", "hearing": "Hearing", "speech": "Speech", "limb": "Limb",
    "intellectual": "Intellectual", "mental": "Mental", "multiple": "Multiple",
    "dibao_urban": "Urban dibao", "dibao_rural": "Rural dibao",
    "tekun_dispersed": "Tekun, dispersed", "tekun_centralized": "Tekun, centralized",
    "temporary": "Temporary", "disability_living": "Disability living",
    "disability_care": "Disability care", "child_living": "Child living", "low_income": "Low income",
}


def cells(row):
    (hid, township, village, head, hukou, name, ident, relation, sex, birth,
     kind, grade, illness, programs, fen, account) = row
    return [hid, township, village, head or None, LABELS[hukou], name, ident, LABELS[relation],
            LABELS[sex], datetime.datetime.strptime(birth, "%Y-%m-%d"),
            LABELS[kind] if kind else None, grade if kind else None, illness or None,
            ", ".join(LABELS[c] for c in programs.split(",")) if programs else None,
            fen / 100, account or None]


def with_xlsxwriter(rows, out):
    import xlsxwriter

    workbook = xlsxwriter.Workbook(out, {"constant_memory": True})
    sheet = workbook.add_worksheet("Persons")
    header = workbook.add_format({"bold": True})
    text = workbook.add_format({"num_format": "@"})
    date = workbook.add_format({"num_format": "yyyy-mm-dd"})
    amount = workbook.add_format({"num_format": "#,##0.00"})
    sheet.write_row(0, 0, HEADERS, header)
    sheet.freeze_panes(1, 0)
    n = 0
    for n, row in enumerate(rows, start=1):
        c = cells(row)
        sheet.write_number(n, 0, c[0])
        for col in range(1, 9):
            if c[col] is not None:
                sheet.write_string(n, col, c[col], text)
        sheet.write_datetime(n, 9, c[9], date)
        if c[10] is not None:
            sheet.write_string(n, 10, c[10], text)
            sheet.write_number(n, 11, c[11])
        for col in (12, 13, 15):
            if c[col] is not None:
                sheet.write_string(n, col, c[col], text)
        sheet.write_number(n, 14, c[14], amount)
    sheet.autofilter(0, 0, n, 15)
    workbook.close()
    return n


def with_openpyxl(rows, out):
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Persons")
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for title in HEADERS:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    n = 0
    for n, row in enumerate(rows, start=1):
        c = cells(row)
        birth = WriteOnlyCell(sheet, value=c[9])
        birth.number_format = "yyyy-mm-dd"
        amount = WriteOnlyCell(sheet, value=c[14])
        amount.number_format = "#,##0.00"
        c[9] = birth
        c[14] = amount
        sheet.append(c)
    sheet.auto_filter.ref = f"A1:P{n + 1}"
    workbook.save(out)
    return n


def main():
    mode, db_path, out = sys.argv[1:4]
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    rows = db.execute(SQL)
    n = {"xlsxwriter": with_xlsxwriter, "openpyxl": with_openpyxl}[mode](rows, out)
    print(n)


main()
