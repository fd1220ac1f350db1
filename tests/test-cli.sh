#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end tests of jiuzhu-cli on temporary databases. TAP output.
set -uo pipefail

cli=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data"
export LC_ALL=C.UTF-8 LANGUAGE=en
n=0
failed=0

ok () {  # ok DESCRIPTION COMMAND...
  local what=$1; shift
  n=$((n + 1))
  if "$@"; then echo "ok $n - $what"; else echo "not ok $n - $what"; failed=1; fi
}

status_is () {  # status_is CODE COMMAND...
  local want=$1; shift
  "$@" >"$tmp/stdout" 2>"$tmp/stderr"
  local got=$?
  [ "$got" -eq "$want" ] || { echo "# exit $got, wanted $want: $*"; cat "$tmp/stderr" | sed 's/^/# /'; return 1; }
}

one_sentence () {  # stderr is one line, with no trace or SQL in it
  [ "$(wc -l <"$tmp/stderr")" -ge 1 ] && ! grep -qiE 'sqlite|assert|critical|\.c:[0-9]' "$tmp/stderr"
}

dump () {  # the content of a database, without the audit timestamps
  sqlite3 "$1" .dump | grep -v '^INSERT INTO audit_log'
}

ok "--version" bash -c "'$cli' --version | grep -qE '^jiuzhu-cli [0-9]+\.[0-9]+\.[0-9]+$'"

ok "init creates the default database" status_is 0 "$cli" init
ok "the default database is under XDG_DATA_HOME" test -s "$tmp/data/jiuzhu/jiuzhu.db"
# The schema version is the number of the last migration.
latest=1
if [ -n "${JZ_SOURCE_ROOT:-}" ]; then
  latest=$(ls "$JZ_SOURCE_ROOT"/data/sql | grep -E '^[0-9]{3}-.*\.sql$' | sort | tail -n 1 | cut -c1-3 | sed 's/^0*//')
fi
ok "init reports path, schema version and journal" \
  bash -c "'$cli' --db '$tmp/a.db' init | grep -qP '^$tmp/a.db\t$latest\twal$'"
ok "init twice is harmless" status_is 0 "$cli" --db "$tmp/a.db" init
ok "an empty database checks clean" status_is 0 "$cli" --db "$tmp/a.db" check
ok "  and prints nothing" test ! -s "$tmp/stdout"

ok "demo at small size" status_is 0 "$cli" --db "$tmp/a.db" demo --households 100 --seed 7 --until 2026-10
ok "the demo database checks clean" status_is 0 "$cli" --db "$tmp/a.db" check
ok "  with 100 households" test "$(sqlite3 "$tmp/a.db" 'SELECT count(*) FROM households')" -eq 100
ok "  and every program" test "$(sqlite3 "$tmp/a.db" 'SELECT count(DISTINCT program) FROM cases')" -eq 9

ok "the same seed gives the same district" status_is 0 "$cli" --db "$tmp/b.db" demo --households 100 --seed 7 --until 2026-10
ok "  byte for byte" cmp -s <(dump "$tmp/a.db") <(dump "$tmp/b.db")
ok "another seed gives another district" status_is 0 "$cli" --db "$tmp/c.db" demo --households 100 --seed 8 --until 2026-10
ok "  that differs" bash -c "! cmp -s <(sqlite3 '$tmp/a.db' .dump | grep -v audit_log) <(sqlite3 '$tmp/c.db' .dump | grep -v audit_log)"

cp "$tmp/a.db" "$tmp/a-before.db"
ok "demo into a filled database is refused" status_is 1 "$cli" --db "$tmp/a.db" demo --households 100
ok "  with one clear sentence" one_sentence
ok "  and changes nothing" cmp -s <(dump "$tmp/a.db") <(dump "$tmp/a-before.db")

sqlite3 "$tmp/a.db" "PRAGMA foreign_keys=OFF;
  DELETE FROM incomes WHERE person_id = (SELECT head_person_id FROM households WHERE id = 1);
  DELETE FROM persons WHERE id = (SELECT head_person_id FROM households WHERE id = 1);
  UPDATE households SET head_person_id = (SELECT head_person_id FROM households WHERE id = 3) WHERE id = 2;"
ok "check finds a broken file" status_is 1 "$cli" --db "$tmp/a.db" check
ok "  the missing head" grep -q '^Broken reference: row 1 of households points to a missing row of persons$' "$tmp/stdout"
ok "  the head of another household" grep -q '^Household files whose head belongs to another household: 1$' "$tmp/stdout"
ok "  one problem a line, nothing else" test "$(wc -l < "$tmp/stdout")" -eq 2

ok "check on a missing file fails" status_is 1 "$cli" --db "$tmp/none.db" check
ok "  without creating it" test ! -e "$tmp/none.db"
ok "  with one clear sentence" one_sentence
printf 'name,amount\n' >"$tmp/sheet.db"
ok "check on a text file fails" status_is 1 "$cli" --db "$tmp/sheet.db" check
ok "  saying it is not a database" grep -q "not a Jiuzhu database" "$tmp/stderr"

sqlite3 "$tmp/other.db" "CREATE TABLE contacts (name, phone)"
ok "another program's database is refused" status_is 1 "$cli" --db "$tmp/other.db" init
ok "  saying so" grep -q "another program" "$tmp/stderr"
ok "  and left as it was" test "$(sqlite3 "$tmp/other.db" "SELECT group_concat(name) FROM sqlite_schema")" = contacts

sqlite3 "$tmp/newer.db" "PRAGMA user_version = 999"
ok "a newer schema is refused" status_is 1 "$cli" --db "$tmp/newer.db" init
ok "  and left untouched" test "$(sqlite3 "$tmp/newer.db" 'PRAGMA user_version')" -eq 999

printf '11010519491231002X\n11010519491231002x\n110105491231002\n110105194912310021\n110105190002300021\n1101051949123100\n' >"$tmp/ids"
"$cli" id --at 2026-01-01 <"$tmp/ids" >"$tmp/ids.tsv"
ok "id: one TSV line per input" test "$(wc -l <"$tmp/ids.tsv")" -eq 6
ok "id: valid number with birth, sex and age" \
  grep -qP '^11010519491231002X\tvalid\t11010519491231002X\t1949-12-31\tF\t76\t$' "$tmp/ids.tsv"
ok "id: lowercase x is accepted" grep -qP '^11010519491231002x\tvalid\t11010519491231002X\t' "$tmp/ids.tsv"
ok "id: 15 digits upgraded to 18" grep -qP '^110105491231002\tvalid\t11010519491231002X\t1949-12-31\tF\t' "$tmp/ids.tsv"
ok "id: wrong check character" grep -qP '^110105194912310021\tinvalid\t\t\t\t\t.*last character' "$tmp/ids.tsv"
ok "id: 1900-02-30 is no date" grep -qP '^110105190002300021\tinvalid\t\t\t\t\t.+' "$tmp/ids.tsv"
ok "id: wrong length" grep -qP '^1101051949123100\tinvalid\t\t\t\t\t.+' "$tmp/ids.tsv"
ok "id: reasons never repeat the number" bash -c "! cut -f7 '$tmp/ids.tsv' | grep -q '110105'"

ok "no command is a usage error" status_is 2 "$cli"
ok "unknown command" status_is 2 "$cli" frobnicate
ok "unknown global option" status_is 2 "$cli" --frob init
ok "--db without a file" status_is 2 "$cli" --db
ok "unknown command option" status_is 2 "$cli" init --frob
ok "stray argument" status_is 2 "$cli" check extra
ok "households not a number" status_is 2 "$cli" --db "$tmp/d.db" demo --households many
ok "households out of range" status_is 2 "$cli" --db "$tmp/d.db" demo --households 0
ok "  creates no file" test ! -e "$tmp/d.db"
ok "bad month" status_is 2 "$cli" --db "$tmp/d.db" demo --until 2026-13
ok "bad date" status_is 2 "$cli" id --at 2026-02-30
ok "usage errors say what to do" grep -q "jiuzhu-cli --help" "$tmp/stderr"

# households search, on the intact demo b.db.
search () {  # search ARGS... : stdout of households search into $tmp/found
  "$cli" --db "$tmp/b.db" households search "$@" >"$tmp/found" 2>"$tmp/stderr"
}
tsv_ok () {  # every line: id, name, masked ID, village, township, members
  [ -s "$tmp/found" ] && ! grep -qvP '^[0-9]+\t[^\t]+\t[0-9]{3}\*{11}[0-9]{3}[0-9X]\t[^\t]+\t[^\t]+\t[0-9]+$' "$tmp/found"
}
head1_name=$(sqlite3 "$tmp/b.db" "SELECT p.name FROM households h JOIN persons p ON p.id = h.head_person_id WHERE h.id = 1")
head1_id=$(sqlite3 "$tmp/b.db" "SELECT p.id_number FROM households h JOIN persons p ON p.id = h.head_person_id WHERE h.id = 1")
x_row=$(sqlite3 -separator ' ' "$tmp/b.db" "SELECT household_id, lower (id_number) FROM persons WHERE active = 1 AND id_number LIKE '%X' ORDER BY id LIMIT 1")
x_household=${x_row%% *}
x_lower=${x_row#* }
surname=${head1_name:0:1}

ok "households search: a surname" search "$surname"
ok "  TSV of six fields, ID masked to 3 + 4" tsv_ok
ok "  at most 20 lines by default" test "$(wc -l <"$tmp/found")" -le 20
ok "  no full ID number printed" bash -c "! grep -qE '[0-9]{17}[0-9X]' '$tmp/found'"
ok "  --limit" bash -c "'$cli' --db '$tmp/b.db' households search '$surname' --limit 2 | wc -l | grep -qx 2"
ok "households search: the whole name" search "$head1_name"
ok "  finds the household" grep -qP "^1\t$head1_name\t" "$tmp/found"
ok "households search: the whole ID number" search "$head1_id"
ok "  finds that household only" test "$(cut -f1 "$tmp/found")" = 1
ok "  masked as on screen" grep -qP "^1\t[^\t]+\t${head1_id:0:3}\*{11}${head1_id:14:4}\t" "$tmp/found"
ok "households search: the last four digits" search "${head1_id:14:4}"
ok "  include the household" grep -qP '^1\t' "$tmp/found"
ok "households search: a number ending in x, lowercase" search "$x_lower"
ok "  finds its household" test "$(cut -f1 "$tmp/found")" = "$x_household"
ok "households search: no match" search "甲乙丙丁"
ok "  prints nothing, exit 0" test ! -s "$tmp/found"
ok "households without what to do" status_is 2 "$cli" --db "$tmp/b.db" households
ok "households search without text" status_is 2 "$cli" --db "$tmp/b.db" households search
ok "households search with blank text" status_is 2 "$cli" --db "$tmp/b.db" households search "  "
ok "households search, two texts" status_is 2 "$cli" --db "$tmp/b.db" households search 王 李
ok "households search --limit 0" status_is 2 "$cli" --db "$tmp/b.db" households search 王 --limit 0
ok "households search --limit many" status_is 2 "$cli" --db "$tmp/b.db" households search 王 --limit many
ok "households frob" status_is 2 "$cli" --db "$tmp/b.db" households frob
ok "households search on a missing file" status_is 1 "$cli" --db "$tmp/none.db" households search 王
ok "  says so in one sentence" one_sentence

# export households: the persons of the open files, one row each (app/io).
mkdir -p "$tmp/export"
"$cli" --db "$tmp/x.db" demo --households 200 --seed 3 --until 2026-10 >/dev/null 2>&1
persons_sql="SELECT count(*) FROM persons p JOIN households h ON h.id = p.household_id
  JOIN regions v ON v.id = h.region_id JOIN regions t ON t.id = v.parent_id
  WHERE p.active = 1 AND h.status = 'open'"
township=$(sqlite3 "$tmp/x.db" "SELECT name FROM regions WHERE level = 'township' ORDER BY code LIMIT 1")
ok "export households" status_is 0 "$cli" --db "$tmp/x.db" export households --out "$tmp/export/all.xlsx"
ok "  prints the number of rows" test "$(cat "$tmp/stdout")" = "$(sqlite3 "$tmp/x.db" "$persons_sql")"
ok "  writes an .xlsx (zip) file" bash -c "head -c 4 '$tmp/export/all.xlsx' | od -c | grep -q 'P   K 003 004'"
ok "  and nothing else" test "$(ls -A "$tmp/export")" = "all.xlsx"
ok "export by township" status_is 0 "$cli" --db "$tmp/x.db" export households --out "$tmp/export/t.xlsx" --township "$township"
ok "  counts that township's persons" \
  test "$(cat "$tmp/stdout")" = "$(sqlite3 "$tmp/x.db" "$persons_sql AND t.name = '$township'")"
ok "export by program" status_is 0 "$cli" --db "$tmp/x.db" export households --out "$tmp/export/p.xlsx" --program tekun_dispersed
ok "  counts that program's households' persons" \
  test "$(cat "$tmp/stdout")" = "$(sqlite3 "$tmp/x.db" "$persons_sql AND EXISTS (SELECT 1 FROM cases c WHERE c.household_id = h.id AND c.program = 'tekun_dispersed' AND c.status = 'active')")"
ok "export: unknown township" status_is 1 "$cli" --db "$tmp/x.db" export households --out "$tmp/export/none.xlsx" --township 无此镇
ok "  says so in one sentence" one_sentence
ok "  naming it" grep -q "无此镇" "$tmp/stderr"
ok "  and writes no file" test ! -e "$tmp/export/none.xlsx"
ok "export: unknown program code is a usage error" status_is 2 "$cli" --db "$tmp/x.db" export households --out "$tmp/export/none.xlsx" --program dibao
ok "  that lists the codes" grep -q "dibao_rural" "$tmp/stderr"
ok "export without --out" status_is 2 "$cli" --db "$tmp/x.db" export households
ok "export of something unknown" status_is 2 "$cli" --db "$tmp/x.db" export cases --out "$tmp/export/none.xlsx"
ok "export into a missing folder" status_is 1 "$cli" --db "$tmp/x.db" export households --out "$tmp/export/gone/x.xlsx"
ok "  fails in one sentence" one_sentence
ok "  naming the folder" grep -q "gone.*does not exist" "$tmp/stderr"
ok "  and leaves nothing behind" test "$(ls -A "$tmp/export" | tr "\n" " ")" = "all.xlsx p.xlsx t.xlsx "

echo "1..$n"
exit $failed
