#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end tests of jiuzhu-cli calendar: the listed days and the counting
# of working days. TAP output.
set -uo pipefail

cli=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data"
export LC_ALL=C.UTF-8 LANGUAGE=en
db=$tmp/c.db
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
  [ "$got" -eq "$want" ] || { echo "# exit $got, wanted $want: $*"; sed 's/^/# /' "$tmp/stderr"; return 1; }
}

one_sentence () {  # stderr says why in one line, with no trace or SQL in it
  [ "$(wc -l <"$tmp/stderr")" -eq 1 ] && ! grep -qiE 'sqlite|assert|critical|\.c:[0-9]' "$tmp/stderr"
}

stdout_is () {  # stdout_is TEXT: stdout is exactly TEXT (tabs as \t)
  diff <(printf "$1") "$tmp/stdout" >"$tmp/diff" || { sed 's/^/# /' "$tmp/diff"; return 1; }
}

sql () {
  sqlite3 "$db" "$1"
}

cal () {
  "$cli" --db "$db" calendar "$@"
}

ok "init" status_is 0 "$cli" --db "$db" init

ok "calendar --help" status_is 0 cal --help
ok "  names the commands" bash -c "grep -q 'add-working-days' '$tmp/stdout' && grep -q 'remove DAY' '$tmp/stdout'"

ok "list" status_is 0 cal list
ok "  every listed day" test "$(wc -l <"$tmp/stdout")" -eq "$(sql 'SELECT count(*) FROM calendar_days')"
ok "  in order, TSV day, kind, name" \
  test "$(head -1 "$tmp/stdout")" = "$(printf '2025-01-01\tholiday\t元旦')"
ok "list --year 2026" status_is 0 cal list --year 2026
ok "  that year's days only" \
  test "$(wc -l <"$tmp/stdout")" -eq "$(sql "SELECT count(*) FROM calendar_days WHERE day LIKE '2026-%'")"
ok "  the make-up Saturday of National Day" grep -qxP '2026-10-10\tworkday\t国庆节' "$tmp/stdout"
ok "list --year of no listed day" status_is 0 cal list --year 2030
ok "  prints nothing" test ! -s "$tmp/stdout"

# As the deadlines count: the day itself not counted, holidays skipped,
# a weekend day listed as a workday worked.
ok "3 working days from Monday 28 September 2026" status_is 0 cal add-working-days 2026-09-28 3
ok "  skip the National Day week" stdout_is '2026-10-08\n'
ok "15 working days from 9 October 2026" status_is 0 cal add-working-days 2026-10-09 15
ok "  count Saturday 10 October" stdout_is '2026-10-29\n'
ok "a negative number counts back" status_is 0 cal add-working-days 2026-10-08 -3
ok "  to the Monday before" stdout_is '2026-09-28\n'
ok "0 working days" status_is 0 cal add-working-days 2026-10-01 0
ok "  is the day itself" stdout_is '2026-10-01\n'

ok "2 working days from Monday 1 March 2027" status_is 0 cal add-working-days 2027-03-01 2
ok "  is Wednesday" stdout_is '2027-03-03\n'
ok "add a holiday" status_is 0 cal add 2027-03-03 holiday --name 测试假日
ok "  prints the day as listed" stdout_is '2027-03-03\tholiday\t测试假日\n'
ok "  audited" test "$(sql "SELECT count(*) FROM audit_log WHERE table_name = 'calendar_days' AND action = 'insert' AND row_id = 20270303")" -eq 1
ok "the count skips it" status_is 0 cal add-working-days 2027-03-01 2
ok "  Thursday now" stdout_is '2027-03-04\n'
ok "add a make-up Saturday" status_is 0 cal add 2027-03-06 workday
ok "  without a name" stdout_is '2027-03-06\tworkday\t\n'
ok "the count works it" status_is 0 cal add-working-days 2027-03-05 1
ok "  Saturday" stdout_is '2027-03-06\n'
ok "change how a day is listed" status_is 0 cal add 2027-03-06 holiday --name 改
ok "  one row still" test "$(sql "SELECT kind || name FROM calendar_days WHERE day = '2027-03-06'")" = "holiday改"
ok "list --year 2027" status_is 0 cal list --year 2027
ok "  both days" stdout_is '2027-03-03\tholiday\t测试假日\n2027-03-06\tholiday\t改\n'

ok "remove a day" status_is 0 cal remove 2027-03-03
ok "  prints nothing" test ! -s "$tmp/stdout"
ok "  gone" test "$(sql "SELECT count(*) FROM calendar_days WHERE day = '2027-03-03'")" -eq 0
ok "  audited" test "$(sql "SELECT count(*) FROM audit_log WHERE table_name = 'calendar_days' AND action = 'delete' AND row_id = 20270303")" -eq 1
ok "  the count is back" bash -c "'$cli' --db '$db' calendar add-working-days 2027-03-01 2 | grep -qx 2027-03-03"

# Refusals: exit 1 with a sentence for what the core refuses, exit 2 for usage.
sqlite3 "$db" .dump >"$tmp/before.sql"
ok "a weekday as a make-up workday" status_is 1 cal add 2027-03-03 workday
ok "  one sentence" one_sentence
ok "  saying only a weekend day can be" grep -q "Saturday or a Sunday" "$tmp/stderr"
ok "remove a day not listed" status_is 1 cal remove 2027-03-03
ok "  one sentence" one_sentence
ok "  nothing changed by either" cmp -s <(sqlite3 "$db" .dump) "$tmp/before.sql"

ok "usage: no command" status_is 2 cal
ok "usage: an unknown command" status_is 2 cal move 2027-03-03
ok "usage: a kind that is neither" status_is 2 cal add 2027-03-03 festival
ok "usage: add without a kind" status_is 2 cal add 2027-03-03
ok "usage: add a bad date" status_is 2 cal add 2027-3-3 holiday
ok "usage: remove without a day" status_is 2 cal remove
ok "usage: a bad year" status_is 2 cal list --year 27x
ok "usage: add-working-days without N" status_is 2 cal add-working-days 2027-03-01
ok "usage: add-working-days with a bad N" status_is 2 cal add-working-days 2027-03-01 three
ok "usage: add-working-days with a bad date" status_is 2 cal add-working-days 1.3.2027 3
ok "  one sentence and the hint" grep -q "jiuzhu-cli --help" "$tmp/stderr"
ok "  nothing changed by any" cmp -s <(sqlite3 "$db" .dump) "$tmp/before.sql"

echo "1..$n"
exit $failed
