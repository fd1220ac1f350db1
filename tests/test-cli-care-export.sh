#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end tests of jiuzhu-cli care export on a small hand-made
# database; the .xlsx read back with openpyxl. TAP output.
set -uo pipefail

cli=$1
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data"
export LC_ALL=C.UTF-8 LANGUAGE=en
export JIUZHU_TODAY=2026-06-30
py=/usr/bin/python3
db=$tmp/c.db
n=0
failed=0

ok () {  # ok DESCRIPTION COMMAND...
  local what=$1; shift
  n=$((n + 1))
  if "$@"; then echo "ok $n - $what"; else echo "not ok $n - $what"; failed=1; fi
}

skip () {  # skip DESCRIPTION REASON
  n=$((n + 1))
  echo "ok $n - $1 # SKIP $2"
}

status_is () {  # status_is CODE COMMAND...
  local want=$1; shift
  "$@" >"$tmp/stdout" 2>"$tmp/stderr"
  local got=$?
  [ "$got" -eq "$want" ] || { echo "# exit $got, wanted $want: $*"; sed 's/^/# /' "$tmp/stderr"; return 1; }
}

one_sentence () {  # stderr is one sentence, with no trace, SQL or personal data in it
  [ "$(grep -c . "$tmp/stderr")" -le 2 ] && ! grep -qiE 'sqlite|assert|critical|\.c:[0-9]|王秀英|370302' "$tmp/stderr"
}

stdout_is () {  # stdout_is TEXT
  [ "$(cat "$tmp/stdout")" = "$1" ] || { echo "# stdout: $(head -c 300 "$tmp/stdout")"; return 1; }
}

# read_back FILE: the sheet as lines "freeze CELL", "filter RANGE" and one
# "row" line per row with its cells joined by "|", into $tmp/sheet.
read_back () {
  "$py" - "$1" >"$tmp/sheet" 2>"$tmp/py-stderr" <<'PY'
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
print("freeze", ws.freeze_panes)
print("filter", ws.auto_filter.ref)
for row in ws.iter_rows(values_only=True):
    print("row", "|".join("" if v is None else v if isinstance(v, str) else "!" + type(v).__name__ for v in row))
PY
  local got=$?
  [ "$got" -eq 0 ] || { sed 's/^/# /' "$tmp/py-stderr"; return 1; }
}

sheet_has () {  # sheet_has LINE: $tmp/sheet holds this exact line
  grep -qxF "$1" "$tmp/sheet" || { echo "# no line: $1"; sed 's/^/#   /' "$tmp/sheet"; return 1; }
}

rows () {  # the number of rows of the sheet, header included
  grep -c '^row ' "$tmp/sheet"
}

no_secret () {  # no ID number, phone or account anywhere in the zip FILE
  "$py" - "$1" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    text = b"".join(z.read(n) for n in z.namelist())
for secret in (b"370302194", b"370302195", b"370302197", b"13800000001", b"6228480010000000011"):
    if secret in text:
        print("# found", secret.decode())
        sys.exit(1)
PY
}

ok "init" status_is 0 "$cli" --db "$db" init
# The database of test-cli-care.sh:
#  1 an agreement in force, visited on 2026-06-10, evaluated "pass";
#  2 an agreement ending 2026-07-15 (expiring), last visited 2026-04-30;
#  3 no agreement, never visited since the decision of 2026-01-05;
#  4 a renewal in force whose evaluation failed, visited 2026-06-20;
#  5 dibao only: not a recipient.
sqlite3 "$db" <<'SQL'
INSERT INTO regions (id, parent_id, level, kind, code, name) VALUES
  (1, NULL, 'district', 'district', '370302', '青禾区'),
  (2, 1, 'township', 'town', '370302101', '柳河镇'),
  (3, 2, 'village', 'village', '370302101201', '王家庄村'),
  (4, 1, 'township', 'town', '370302102', '东岭镇'),
  (5, 4, 'village', 'village', '370302102201', '东岭村');
INSERT INTO households (id, region_id, hukou, opened_on, phone, bank_account) VALUES
  (1, 3, 'rural', '2020-01-01', '13800000001', '6228480010000000011'), (2, 3, 'rural', '2020-01-01', '', ''),
  (3, 5, 'rural', '2020-01-01', '', ''), (4, 5, 'rural', '2020-01-01', '', ''), (5, 5, 'rural', '2020-01-01', '', '');
INSERT INTO persons (id, household_id, name, id_number, relation, sex, birth_date, self_care) VALUES
  (1, 1, '王秀英', '370302194503020012', 'head', 'F', '1945-03-02', 'full_care'),
  (2, 2, '李德明', '370302194003020015', 'head', 'M', '1940-03-02', 'self_care'),
  (3, 3, '赵凤兰', '370302195003020018', 'head', 'F', '1950-03-02', 'partial_care'),
  (4, 4, '孙广田', '370302194803020011', 'head', 'M', '1948-03-02', 'self_care'),
  (5, 5, '周建华', '370302196803020017', 'head', 'M', '1968-03-02', 'self_care');
UPDATE households SET head_person_id = id;
INSERT INTO cases (household_id, person_id, program, status, applied_on, decided_on, starts_on) VALUES
  (1, 1, 'tekun_dispersed', 'active', '2025-01-02', '2025-01-05', '2025-02-01'),
  (2, 2, 'tekun_dispersed', 'active', '2025-06-02', '2025-06-05', '2025-07-01'),
  (3, 3, 'tekun_dispersed', 'active', '2026-01-02', '2026-01-05', '2026-02-01'),
  (4, 4, 'tekun_dispersed', 'suspended', '2025-01-02', '2025-01-05', '2025-02-01'),
  (5, 5, 'dibao_rural', 'active', '2025-01-02', '2025-01-05', '2025-02-01');
INSERT INTO caregivers (id, kind, name, id_number) VALUES
  (1, 'person', '李桂芝', '370302197001010016'), (2, 'person', '王建军', '370302197201010012');
INSERT INTO care_agreements (id, number, person_id, case_id, township_id, caregiver_id, tier, monthly_fee,
                             starts_on, ends_on, signed_on, status) VALUES
  (1, '370302101-2026-0001', 1, 1, 2, 1, 'full_care', 120600, '2026-02-01', '2027-01-31', '2026-01-30', 'active'),
  (2, '370302101-2025-0001', 2, 2, 2, 2, 'self_care', 20100, '2025-07-16', '2026-07-15', '2025-07-10', 'active'),
  (3, '370302102-2025-0001', 4, 4, 4, 1, 'self_care', 20100, '2025-03-01', '2026-02-28', '2025-02-27', 'expired'),
  (4, '370302102-2026-0001', 4, 4, 4, 2, 'self_care', 20100, '2026-03-01', '2027-02-28', '2026-02-27', 'active');
UPDATE care_agreements SET ended_on = '2026-02-28' WHERE id = 3;
UPDATE care_agreements SET previous_id = 3, link = 'renewal' WHERE id = 4;
INSERT INTO care_visits (person_id, agreement_id, visited_on, visitors, method, checks) VALUES
  (1, 1, '2026-05-12', '王芳、李强', 'home', 127), (1, 1, '2026-06-10', '王芳、李强', 'home', 127),
  (2, 2, '2026-04-30', '王芳', 'phone', 95),
  (4, 4, '2026-06-20', '赵磊', 'home', 127);
INSERT INTO care_evaluations (agreement_id, period_from, period_to, evaluated_on, satisfaction, neighbours,
                              village, score, result, evaluator) VALUES
  (1, '2026-02-01', '2026-04-30', '2026-05-05', 5, 3, 3, 100, 'pass', '王芳'),
  (4, '2026-03-01', '2026-05-31', '2026-06-05', 2, 2, 1, 25, 'fail', '赵磊');
SQL

out=$tmp/out/care.xlsx
mkdir -p "$tmp/out"
ok "care export" status_is 0 "$cli" --db "$db" care export --out "$out"
ok "  prints the number of recipients" stdout_is 4
ok "  only the file in the folder" test "$(ls -A "$tmp/out")" = "care.xlsx"
ok "  openpyxl reads it" read_back "$out"
ok "  header row" sheet_has "row Name|Township|Village|Care tier|Agreement no.|Agreement state|Caregiver|Last visit|Next visit due|Visit overdue|Last evaluation date|Evaluation result"
ok "  four recipients under the header, not the dibao one" test "$(rows)" -eq 5
ok "  frozen header" sheet_has "freeze A2"
ok "  autofilter over the rows" sheet_has "filter A1:L5"
ok "  an agreement in force, visited, passed" \
  sheet_has "row 王秀英|柳河镇|王家庄村|Full care|370302101-2026-0001|In force|李桂芝|2026-06-10|2026-07-10|No|2026-05-05|Pass"
ok "  expiring, visit overdue" \
  sheet_has "row 李德明|柳河镇|王家庄村|Self-care|370302101-2025-0001|Expiring|王建军|2026-04-30|2026-05-30|Yes||"
ok "  no agreement, never visited" \
  sheet_has "row 赵凤兰|东岭镇|东岭村|Partial care||No agreement|||2026-02-05|Yes||"
ok "  the renewal and its failed evaluation" \
  bash -c "grep -q '^row 孙广田|东岭镇|东岭村|Self-care|370302102-2026-0001|In force|王建军|2026-06-20|.*|2026-06-05|Fail\$' '$tmp/sheet'"
ok "  no ID number, phone or account in the file" no_secret "$out"

ok "an existing file is replaced" status_is 0 "$cli" --db "$db" care export --out "$out" --filter visit-overdue
ok "  the two overdue" stdout_is 2
ok "  only the file in the folder" test "$(ls -A "$tmp/out")" = "care.xlsx"
ok "  read back" read_back "$out"
ok "  two rows under the header, both overdue" \
  test "$(grep '^row ' "$tmp/sheet" | tail -n +2 | cut -d'|' -f10 | tr '\n' ' ')" = "Yes Yes "
ok "filter no-agreement" status_is 0 "$cli" --db "$db" care export --out "$tmp/out/none.xlsx" --filter no-agreement
ok "  one" stdout_is 1
ok "filter expiring" status_is 0 "$cli" --db "$db" care export --out "$tmp/out/exp.xlsx" --filter expiring
ok "  one" stdout_is 1
ok "filter failed" status_is 0 "$cli" --db "$db" care export --out "$tmp/out/failed.xlsx" --filter failed
ok "  one" stdout_is 1
ok "  read back" read_back "$tmp/out/failed.xlsx"
ok "  the one whose caregiver failed" test "$(grep '^row ' "$tmp/sheet" | tail -n +2 | cut -d'|' -f1)" = "row 孙广田"

ok "a day later in July" status_is 0 "$cli" --db "$db" care export --out "$tmp/out/july.xlsx" --at 2026-07-16
ok "  read back" read_back "$tmp/out/july.xlsx"
ok "  the expiring one past its end" bash -c "grep -q '^row 李德明|.*|Past its end|' '$tmp/sheet'"

# In Chinese, with the catalogue of this build.
localedir=${JZ_BUILD_ROOT:-}/po
if [ -f "$localedir/zh_CN/LC_MESSAGES/jiuzhu.mo" ]; then
  ok "zh_CN" status_is 0 env LANGUAGE=zh_CN JIUZHU_LOCALEDIR="$localedir" "$cli" --db "$db" care export --out "$tmp/out/zh.xlsx"
  ok "  read back" read_back "$tmp/out/zh.xlsx"
  ok "  the labels of the window" bash -c "grep -q '^row 王秀英|柳河镇|王家庄村|全护理|370302101-2026-0001|生效中|' '$tmp/sheet'"
  if grep -q '^row Name|' "$tmp/sheet"; then
    skip "  Chinese header row" "the column titles are not translated yet"
  else
    ok "  Chinese header row" sheet_has "row 姓名|乡镇（街道）|村（社区）|照料等级|协议编号|协议状态|照料护理人|最近探访|下次应探访|探访逾期|最近评价日期|评价结果"
    ok "  no agreement, overdue" bash -c "grep -q '^row 赵凤兰|.*|无协议|.*|是||\$' '$tmp/sheet'"
  fi
else
  skip "zh_CN" "the zh_CN catalogue of this build is not there"
fi

# Failures leave nothing behind.
ok "a folder that does not exist" status_is 1 "$cli" --db "$db" care export --out "$tmp/missing/care.xlsx"
ok "  one sentence" one_sentence
ok "  no folder, no file" test ! -e "$tmp/missing"
mkdir "$tmp/out/dir.xlsx"
ok "a folder as the file" status_is 1 "$cli" --db "$db" care export --out "$tmp/out/dir.xlsx"
ok "  one sentence" one_sentence
ok "  the folder untouched, no temporary file" test "$(ls -A "$tmp/out" | grep -c '\.part$')" -eq 0 -a -d "$tmp/out/dir.xlsx"

ok "usage: no --out" status_is 2 "$cli" --db "$db" care export
ok "usage: not an .xlsx name" status_is 2 "$cli" --db "$db" care export --out "$tmp/out/care.pdf"
ok "  nothing written" test ! -e "$tmp/out/care.pdf"
ok "usage: an unknown filter" status_is 2 "$cli" --db "$db" care export --out "$out" --filter bogus
ok "usage: a bad date" status_is 2 "$cli" --db "$db" care export --out "$out" --at 2026-13-01
ok "usage: a stray argument" status_is 2 "$cli" --db "$db" care export --out "$out" extra
ok "help" status_is 0 "$cli" --db "$db" care export --help

# A database that is not there: one sentence, no file.
ok "a missing database" status_is 1 "$cli" --db "$tmp/nothing.db" care export --out "$tmp/out/nodb.xlsx"
ok "  one sentence" one_sentence
ok "  no file" test ! -e "$tmp/out/nodb.xlsx"

echo "1..$n"
exit $failed
