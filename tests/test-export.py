#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The persons export read back by real clients (DESIGN §7).

    test-export.py PATH/TO/jiuzhu-cli

Exports a 200-household demo district with `jiuzhu-cli export households`
(all, by township, by program), reads each file with openpyxl and compares
every cell with a plain SQL query of the same filter over the base tables;
checks the cell types, the frozen header, the autofilter, the print titles,
the Chinese headers, and converts the file with LibreOffice when installed.
"""

import csv
import datetime
import gettext
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

import openpyxl

CLI = sys.argv[1]
BUILD_ROOT = os.environ.get("JZ_BUILD_ROOT", "")
ENV_EN = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="en")

RELATIONS = {"head": "Head", "spouse": "Spouse", "child": "Child", "parent": "Parent",
             "grandchild": "Grandchild", "grandparent": "Grandparent", "sibling": "Sibling",
             "other": "Other"}
SEXES = {"M": "Male", "F": "Female"}
HUKOUS = {"urban": "Urban", "rural": "Rural"}
KINDS = {"visual": "Visual", "hearing": "Hearing", "speech": "Speech", "limb": "Limb",
         "intellectual": "Intellectual", "mental": "Mental", "multiple": "Multiple"}
PROGRAMS = {"dibao_urban": "Urban dibao", "dibao_rural": "Rural dibao",
            "tekun_dispersed": "Tekun, dispersed", "tekun_centralized": "Tekun, centralized",
            "temporary": "Temporary", "disability_living": "Disability living",
            "disability_care": "Disability care", "child_living": "Child living",
            "low_income": "Low income"}
HEADERS = ["Household no.", "Township", "Village", "Head of household", "Hukou", "Member",
           "ID number", "Relation to head", "Sex", "Birth date", "Disability",
           "Disability grade", "Severe illness", "Programs",
           "Household monthly amount (yuan)", "Bank account"]

failures = []
checks = 0


def check(condition, what):
    global checks
    checks += 1
    if not condition:
        failures.append(what)
        print(f"FAIL: {what}", file=sys.stderr)


def run_cli(*args, env=ENV_EN):
    return subprocess.run([CLI, *args], env=env, capture_output=True, text=True)


def expected_rows(db, township=None, program=None):
    """The export's rows from the base tables, not from household_summary."""
    sql = """
      SELECT h.id, t.name, v.name, coalesce (hp.name, ''), h.hukou,
             p.name, p.id_number, p.relation, p.sex, p.birth_date,
             p.disability_kind, p.disability_grade, p.severe_illness,
             (SELECT group_concat (code, ',') FROM
                (SELECT g.code AS code FROM programs g
                 WHERE EXISTS (SELECT 1 FROM cases c WHERE c.household_id = h.id
                               AND c.program = g.code AND c.status = 'active')
                 ORDER BY g.sort_order)),
             (SELECT coalesce (sum (c.monthly_amount), 0) FROM cases c
              WHERE c.household_id = h.id AND c.status = 'active'),
             h.bank_account
      FROM households h
      JOIN regions v ON v.id = h.region_id
      JOIN regions t ON t.id = v.parent_id
      LEFT JOIN persons hp ON hp.id = h.head_person_id
      JOIN persons p ON p.household_id = h.id AND p.active = 1
      WHERE h.status = 'open'
        AND (:township IS NULL OR t.name = :township)
        AND (:program IS NULL OR EXISTS (SELECT 1 FROM cases c WHERE c.household_id = h.id
                                         AND c.program = :program AND c.status = 'active'))
      ORDER BY h.region_id, h.id, p.relation <> 'head', p.birth_date, p.id
    """
    return db.execute(sql, {"township": township, "program": program}).fetchall()


def expected_cells(row):
    (hid, township, village, head, hukou, name, id_number, relation, sex, birth,
     kind, grade, illness, programs, fen, account) = row
    return [
        hid, township, village, head or None, HUKOUS[hukou], name, id_number,
        RELATIONS[relation], SEXES[sex], datetime.datetime.fromisoformat(birth),
        KINDS[kind] if kind else None, grade, illness or None,
        ", ".join(PROGRAMS[c] for c in programs.split(",")) if programs else None,
        fen / 100, account or None,
    ]


def compare(path, rows, label):
    wb = openpyxl.load_workbook(path)
    check(len(wb.worksheets) == 1, f"{label}: one sheet")
    ws = wb.worksheets[0]
    n = len(rows)

    check([c.value for c in ws[1]] == HEADERS, f"{label}: English headers")
    check(ws.max_row == n + 1, f"{label}: {n} data rows, got {ws.max_row - 1}")
    check(ws.freeze_panes == "A2", f"{label}: frozen header, got {ws.freeze_panes}")
    check(ws.auto_filter.ref == f"A1:P{n + 1}", f"{label}: autofilter {ws.auto_filter.ref}")
    check(ws.print_title_rows in ("$1:$1", "1:1"), f"{label}: print titles {ws.print_title_rows}")
    check(ws.column_dimensions["G"].width >= 19, f"{label}: the ID column fits 18 digits")
    check(ws.column_dimensions["P"].width >= 19, f"{label}: the account column fits")

    mismatches = 0
    for i, (row, cells) in enumerate(zip(rows, ws.iter_rows(min_row=2)), start=2):
        want = expected_cells(row)
        got = [c.value for c in cells]
        if got != want:
            mismatches += 1
            if mismatches <= 3:
                print(f"# row {i}: want {want}\n#        got  {got}", file=sys.stderr)
        ident, amount, account, birth = cells[6], cells[14], cells[15], cells[9]
        check(ident.data_type == "s" and len(ident.value) == 18, f"{label}: row {i} ID is 18-character text")
        check(account.value is None or account.data_type == "s", f"{label}: row {i} account is text")
        check(amount.data_type == "n" and amount.number_format == "#,##0.00", f"{label}: row {i} amount is a number")
        check(amount.value == row[14] / 100, f"{label}: row {i} amount is fen/100 exactly")
        check(birth.number_format == "yyyy-mm-dd", f"{label}: row {i} birth date format")
    check(mismatches == 0, f"{label}: {mismatches} rows differ from SQL")
    return ws


def libreoffice_csv(path, workdir):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("# LibreOffice is not installed: conversion skipped")
        return None
    profile = os.path.join(workdir, "lo-profile")
    out = os.path.join(workdir, "lo-out")
    # 44: comma, 34: quote, 76: UTF-8.
    result = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless",
         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", out, path],
        capture_output=True, text=True, timeout=240, env=dict(os.environ, HOME=workdir))
    target = os.path.join(out, os.path.splitext(os.path.basename(path))[0] + ".csv")
    check(result.returncode == 0 and os.path.exists(target),
          f"LibreOffice converts the file: {result.returncode} {result.stderr.strip()}")
    if not os.path.exists(target):
        return None
    with open(target, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def main():
    work = tempfile.mkdtemp(prefix="jz-test-export-")
    try:
        db_path = os.path.join(work, "demo.db")
        r = run_cli("--db", db_path, "demo", "--households", "200", "--seed", "5", "--until", "2026-10")
        check(r.returncode == 0, f"demo: {r.stderr}")
        db = sqlite3.connect(db_path)

        township = db.execute("SELECT name FROM regions WHERE level = 'township' ORDER BY code LIMIT 1").fetchone()[0]
        cases = [
            ("all", [], expected_rows(db)),
            ("township", ["--township", township], expected_rows(db, township=township)),
            ("program", ["--program", "dibao_rural"], expected_rows(db, program="dibao_rural")),
        ]
        for label, args, rows in cases:
            check(len(rows) > 0, f"{label}: the demo has rows for the filter")
            out = os.path.join(work, f"{label}.xlsx")
            r = run_cli("--db", db_path, "export", "households", "--out", out, *args)
            check(r.returncode == 0, f"{label}: exit {r.returncode}: {r.stderr}")
            check(r.stdout.strip() == str(len(rows)), f"{label}: prints {len(rows)} rows, got {r.stdout!r}")
            compare(out, rows, label)

        # The filters really filter.
        check(len(cases[1][2]) < len(cases[0][2]) and len(cases[2][2]) < len(cases[0][2]),
              "township and program exports are smaller than the whole")

        # Chinese headers and words, as the catalogue in the build says them.
        localedir = os.path.join(BUILD_ROOT, "po")
        zh = os.path.join(work, "zh.xlsx")
        r = run_cli("--db", db_path, "export", "households", "--out", zh,
                    env=dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="zh_CN", JIUZHU_LOCALEDIR=localedir))
        check(r.returncode == 0, f"zh: {r.stderr}")
        catalogue = gettext.translation("jiuzhu", localedir=localedir, languages=["zh_CN"], fallback=True)
        ws = openpyxl.load_workbook(zh).worksheets[0]
        check([c.value for c in ws[1]] == [catalogue.pgettext("export column", h) for h in HEADERS],
              "zh: the headers are the catalogue's")
        check(ws["H2"].value == "户主" and ws["I2"].value in ("男", "女"), f"zh: words in Chinese: {ws['H2'].value}")

        # LibreOffice: the IDs arrive whole, the amounts as shown.
        table = libreoffice_csv(os.path.join(work, "all.xlsx"), work)
        print(f"# LibreOffice read {len(table) - 1} rows" if table is not None else "# no LibreOffice table")
        if table is not None:
            rows = cases[0][2]
            check(len(table) == len(rows) + 1, f"LibreOffice: {len(table) - 1} rows")
            check(table[0] == HEADERS, "LibreOffice: headers")
            ids_ok = all(line[6] == row[6] for line, row in zip(table[1:], rows))
            check(ids_ok, "LibreOffice: every ID number whole, as text")
            amounts_ok = all(line[14] == f"{row[14] // 100:,}.{row[14] % 100:02d}" for line, row in zip(table[1:], rows))
            check(amounts_ok, "LibreOffice: amounts shown as #,##0.00")
            accounts_ok = all(line[15] == (row[15] or "") for line, row in zip(table[1:], rows))
            check(accounts_ok, "LibreOffice: bank accounts whole")
            births_ok = all(line[9] == row[9] for line, row in zip(table[1:], rows))
            check(births_ok, "LibreOffice: birth dates as YYYY-MM-DD")
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"{checks - len(failures)} of {checks} checks passed")
    sys.exit(1 if failures else 0)


main()
