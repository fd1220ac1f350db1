#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end tests of jiuzhu-cli rolls export, the bank file of a payment
# roll, on a small hand-made database; the .xlsx read back with openpyxl.
# TAP output.
set -uo pipefail

cli=$1
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data"
export LC_ALL=C.UTF-8 LANGUAGE=en
export JIUZHU_TODAY=2026-06-30
# The minimum argon2id limits: the same code, quickly (see jz-user.h).
export JIUZHU_TEST_FAST_HASH=1
py=/usr/bin/python3
db=$tmp/r.db
out=$tmp/out
mkdir -p "$out"
n=0
failed=0

ok () {  # ok DESCRIPTION COMMAND...
  local what=$1; shift
  n=$((n + 1))
  if "$@"; then echo "ok $n - $what"; else echo "not ok $n - $what"; failed=1; fi
}

status_is () {  # status_is CODE COMMAND...  (standard input from $tmp/stdin)
  local want=$1; shift
  "$@" <"$tmp/stdin" >"$tmp/stdout" 2>"$tmp/stderr"
  local got=$?
  [ "$got" -eq "$want" ] || { echo "# exit $got, wanted $want: $*"; sed 's/^/# /' "$tmp/stderr"; return 1; }
}

one_sentence () {  # stderr is one sentence, with no trace, SQL or personal data in it
  [ "$(grep -c . "$tmp/stderr")" -le 2 ] &&
    ! grep -qiE 'sqlite|assert|critical|\.c:[0-9]|370302|6228|0123456789|李秀英|王建国' "$tmp/stderr"
}

stdout_is () {  # stdout_is TEXT
  [ "$(cat "$tmp/stdout")" = "$1" ] || { echo "# stdout: $(head -c 300 "$tmp/stdout")"; return 1; }
}

nothing_in () {  # nothing_in DIR: the folder is empty (no file, no .part left)
  [ -z "$(ls -A "$1")" ] || { echo "# left: $(ls -A "$1")"; return 1; }
}

sql () { sqlite3 "$db" "$1"; }

same_cells () {  # same_cells A.xlsx B.xlsx: every sheet and cell alike
  "$py" - "$1" "$2" <<'PY'
import sys, openpyxl
def cells(path):
    return [(ws.title, [[c.value for c in r] for r in ws.iter_rows()]) for ws in openpyxl.load_workbook(path).worksheets]
sys.exit(0 if cells(sys.argv[1]) == cells(sys.argv[2]) else 1)
PY
}

# read_back FILE: into $tmp/book, one line a fact: "sheet NAME", "freeze
# CELL", "titles ROWS", "row CELL|CELL…".  A text cell is itself, or "!TEXT"
# when openpyxl does not take it as a string; an amount "¥FEN" when it is
# exactly that many fen; a count "#N".
read_back () {
  "$py" - "$1" >"$tmp/book" 2>"$tmp/py-stderr" <<'PY'
import sys, openpyxl
from decimal import Decimal
def cell(c):
    v = c.value
    if v is None: return ''
    if isinstance(v, str): return v if c.data_type == 's' else '!' + v
    if c.number_format == '#,##0.00':
        d = Decimal(repr(float(v))) * 100
        if d == d.to_integral_value(): return '\u00a5%d' % int(d)
    if c.number_format == '0' and float(v).is_integer(): return '#%d' % int(v)
    return '?%r' % (v,)
for ws in openpyxl.load_workbook(sys.argv[1]).worksheets:
    print('sheet', ws.title)
    print('freeze', ws.freeze_panes)
    print('titles', ws.print_title_rows)
    for row in ws.iter_rows():
        print('row', '|'.join(cell(c) for c in row))
PY
  local got=$?
  [ "$got" -eq 0 ] || { sed 's/^/# /' "$tmp/py-stderr"; return 1; }
}

book_has () {  # book_has LINE: $tmp/book holds this exact line
  grep -qxF "$1" "$tmp/book" || { echo "# no line: $1"; sed 's/^/#   /' "$tmp/book"; return 1; }
}

: >"$tmp/stdin"
ok "init" status_is 0 "$cli" --db "$db" init
sqlite3 "$db" <<'SQL'
INSERT INTO regions (id, parent_id, level, kind, code, name) VALUES
  (1, NULL, 'district', 'district', '370302', '青禾区'),
  (2, 1, 'township', 'town', '370302101', '柳河镇'),
  (3, 2, 'village', 'village', '370302101201', '王家庄村'),
  (4, 1, 'township', 'town', '370302102', '东岭镇'),
  (5, 4, 'village', 'village', '370302102201', '东岭村');
INSERT INTO households (id, region_id, hukou, opened_on, bank, bank_account) VALUES
  (1, 3, 'urban', '2020-01-01', '农业银行', '6228480010000000011'),
  (2, 3, 'urban', '2020-01-01', '邮储银行', '0123456789012345678'),
  (3, 5, 'urban', '2020-01-01', '建设银行', '621700001000000004');
INSERT INTO persons (id, household_id, name, id_number, relation, sex, birth_date) VALUES
  (1, 1, '王建国', '370302197003020011', 'head', 'M', '1970-03-02'),
  (2, 2, '李秀英', '37030219720302002X', 'head', 'F', '1972-03-02'),
  (3, 3, '孙广田', '370302197503020044', 'head', 'M', '1975-03-02');
UPDATE households SET head_person_id = id;
INSERT INTO incomes (person_id, kind, monthly_amount) VALUES (1, 'wage', 30000), (2, 'wage', 50000);
INSERT INTO standards (kind, hukou, amount, rate_bp, effective_from) VALUES
  ('dibao', 'urban', 80000, NULL, '2020-01-01'),
  ('increment_elderly_pct', NULL, NULL, 1000, '2020-01-01'), ('increment_minor_pct', NULL, NULL, 1000, '2020-01-01'),
  ('increment_severe_disability_pct', NULL, NULL, 2000, '2020-01-01'),
  ('increment_severe_illness_pct', NULL, NULL, 2000, '2020-01-01'), ('increment_sanwu_pct', NULL, NULL, 3000, '2020-01-01'),
  ('gradual_exit_months', NULL, 3, NULL, '2020-01-01');
INSERT INTO cases (id, household_id, program, status, applied_on, decided_on, starts_on) VALUES
  (1, 1, 'dibao_urban', 'active', '2025-01-02', '2025-01-20', '2025-02-01'),
  (2, 2, 'dibao_urban', 'active', '2025-01-02', '2025-01-20', '2025-02-01'),
  (3, 3, 'dibao_urban', 'active', '2025-01-02', '2025-01-20', '2025-02-01');
SQL

# May locked; a review after the lock says the second household earned
# 400.00 in May; June pays 100.00 back.
ok "generate May" status_is 0 "$cli" --db "$db" rolls generate --program dibao_urban --period 2026-05
ok "check and lock May" bash -c "'$cli' --db '$db' rolls check 1 && '$cli' --db '$db' rolls lock 1"
sql "UPDATE incomes SET monthly_amount = 40000 WHERE person_id = 2"
sql "INSERT INTO case_history (case_id, on_date, status, monthly_amount, note, user_name, from_status, at)
     VALUES (2, '2026-05-01', 'active', 40000, '复核', 'clerk', 'active', strftime ('%Y-%m-%dT%H:%M:%fZ', 'now', '+1 second'))"
ok "generate June" status_is 0 "$cli" --db "$db" rolls generate --program dibao_urban --period 2026-06
ok "  with a back-payment" test "$(sql "SELECT count(*) FROM roll_lines WHERE roll_id = 2 AND kind = 'back_payment'")" -eq 1
ok "check and lock June" bash -c "'$cli' --db '$db' rolls check 2 && '$cli' --db '$db' rolls lock 2"
lines=$(sql 'SELECT lines FROM rolls WHERE id = 2')
total=$(sql 'SELECT total FROM rolls WHERE id = 2')

# Single-user mode: no --user needed.
ok "export June" status_is 0 "$cli" --db "$db" rolls export 2 --out "$out/June.xlsx"
ok "  prints the number of lines" stdout_is "$lines"
ok "  four lines" test "$lines" -eq 4
ok "  nothing beside the file" test "$(ls -A "$out")" = "June.xlsx"
ok "  openpyxl reads it" read_back "$out/June.xlsx"
ok "  a sheet per township, then the summary" \
  test "$(grep '^sheet ' "$tmp/book" | tr '\n' ' ')" = "sheet 柳河镇 sheet 东岭镇 sheet Summary "
ok "  the header row frozen and printed on every page" \
  test "$(grep -c -xE 'freeze A6|titles \$5:\$5' "$tmp/book")" -eq 6
ok "  the header" book_has "row No.|Account holder|ID number|Bank|Account number|Amount (yuan)|Village|Program|Remarks"
ok "  an ID ending in X and an account starting with 0, as text" \
  book_has "row #1|李秀英|37030219720302002X|邮储银行|0123456789012345678|¥40000|王家庄村|Urban dibao|"
ok "  the back-payment with its remark" \
  book_has "row #2|李秀英|37030219720302002X|邮储银行|0123456789012345678|¥10000|王家庄村|Urban dibao|Back-payment. Back-payment for 2026-05: the amount was corrected after the roll was locked"
ok "  an 18-digit ID and a 19-digit account" \
  book_has "row #3|王建国|370302197003020011|农业银行|6228480010000000011|¥50000|王家庄村|Urban dibao|"
ok "  an 18-digit account" \
  book_has "row #1|孙广田|370302197503020044|建设银行|621700001000000004|¥80000|东岭村|Urban dibao|"
ok "  no ID or account written as a number" bash -c "! grep -E '^row .*(\\|!|\\?)' '$tmp/book'"
ok "  the township totals" \
  bash -c "grep -qxF 'row Total: 3 lines|||||¥100000|||' '$tmp/book' && grep -qxF 'row Total: 1 line|||||¥80000|||' '$tmp/book'"
ok "  the summary by program and township" \
  bash -c "grep -qxF 'row Urban dibao|柳河镇|#3|¥100000' '$tmp/book' && grep -qxF 'row Urban dibao|东岭镇|#1|¥80000' '$tmp/book'"
ok "  the grand total is the roll's" book_has "row Total||#$lines|¥$total"
ok "  the roll is locked" book_has "row Roll no. 2, locked.|||"

ok "again: the file replaced whole" status_is 0 "$cli" --db "$db" rolls export 2 --out "$out/June.xlsx"
ok "  nothing beside it" test "$(ls -A "$out")" = "June.xlsx"

# Usage errors: exit 2.
ok "usage: no roll" status_is 2 "$cli" --db "$db" rolls export --out "$out/x.xlsx"
ok "usage: two rolls" status_is 2 "$cli" --db "$db" rolls export 1 2 --out "$out/x.xlsx"
ok "usage: not a number" status_is 2 "$cli" --db "$db" rolls export June --out "$out/x.xlsx"
ok "usage: roll 0" status_is 2 "$cli" --db "$db" rolls export 0 --out "$out/x.xlsx"
ok "usage: no --out" status_is 2 "$cli" --db "$db" rolls export 2
ok "usage: not .xlsx" status_is 2 "$cli" --db "$db" rolls export 2 --out "$out/x.csv"
ok "usage: an unknown option" status_is 2 "$cli" --db "$db" rolls export 2 --out "$out/x.xlsx" --bank 农业银行
ok "help" status_is 0 "$cli" --db "$db" rolls export --help

# Failures: exit 1, one sentence, nothing written.
ok "a roll not in the database" status_is 1 "$cli" --db "$db" rolls export 99 --out "$out/x.xlsx"
ok "  one sentence" one_sentence
ok "a folder that does not exist" status_is 1 "$cli" --db "$db" rolls export 2 --out "$tmp/no-such/x.xlsx"
ok "  one sentence" one_sentence
ok "  names the folder" grep -q "no-such" "$tmp/stderr"
ok "  nothing created" test ! -e "$tmp/no-such"
ok "  nothing else written" test "$(ls -A "$out")" = "June.xlsx"

# Users who sign in: --user is needed, and leaders export no personal data.
printf '%s\n' 'Kai-Shu 2026' >"$tmp/stdin"
ok "users add an administrator" status_is 0 "$cli" --db "$db" users add chief --role admin
: >"$tmp/stdin"
ok "users add a reviewer" status_is 0 "$cli" --db "$db" users add reviewer --role reviewer --no-password
ok "users add a leader" status_is 0 "$cli" --db "$db" users add leader --role leader --no-password
ok "without --user: a usage error" status_is 2 "$cli" --db "$db" rolls export 2 --out "$out/nobody.xlsx"
ok "a leader is refused" status_is 1 "$cli" --db "$db" rolls export 2 --out "$out/leader.xlsx" --user leader
ok "  one sentence" one_sentence
ok "  nothing written" test ! -e "$out/leader.xlsx"
ok "an unknown user" status_is 1 "$cli" --db "$db" rolls export 2 --out "$out/x.xlsx" --user nobody
ok "  one sentence" one_sentence
ok "a reviewer exports" status_is 0 "$cli" --db "$db" rolls export 2 --out "$out/reviewer.xlsx" --user reviewer
ok "  prints the number of lines" stdout_is "$lines"
ok "  the same cells as before" same_cells "$out/June.xlsx" "$out/reviewer.xlsx"
ok "  nothing else in the folder" test "$(ls -A "$out" | tr '\n' ' ')" = "June.xlsx reviewer.xlsx "

echo "1..$n"
exit $failed
