#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end tests of jiuzhu-cli rolls on a small hand-made database. TAP.
set -uo pipefail

cli=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data"
export LC_ALL=C.UTF-8 LANGUAGE=en
export JIUZHU_TODAY=2026-06-30
db=$tmp/r.db
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

one_sentence () {
  [ "$(grep -c . "$tmp/stderr")" -le 2 ] && ! grep -qiE 'sqlite|assert|critical|\.c:[0-9]|370302' "$tmp/stderr"
}

stdout_is () {
  diff <(printf "$1") "$tmp/stdout" >"$tmp/diff" || { sed 's/^/# /' "$tmp/diff"; return 1; }
}

sql () {
  sqlite3 "$db" "$1"
}

ok "init" status_is 0 "$cli" --db "$db" init
sqlite3 "$db" <<'SQL'
INSERT INTO regions (id, parent_id, level, kind, code, name) VALUES
  (1, NULL, 'district', 'district', '370302', '青禾区'),
  (2, 1, 'township', 'town', '370302101', '柳河镇'),
  (3, 2, 'village', 'village', '370302101201', '王家庄村'),
  (4, 1, 'township', 'town', '370302102', '东岭镇'),
  (5, 4, 'village', 'village', '370302102201', '东岭村');
INSERT INTO households (id, region_id, hukou, opened_on) VALUES
  (1, 3, 'urban', '2020-01-01'), (2, 3, 'urban', '2020-01-01'), (3, 5, 'urban', '2020-01-01');
INSERT INTO persons (id, household_id, name, id_number, relation, sex, birth_date) VALUES
  (1, 1, '王建国', '370302197003020011', 'head', 'M', '1970-03-02'),
  (2, 2, '李秀英', '370302197203020022', 'head', 'F', '1972-03-02'),
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
  (3, 3, 'dibao_urban', 'active', '2026-06-02', '2026-06-20', '2026-07-01');
SQL

ok "generate May for 柳河镇" status_is 0 "$cli" --db "$db" rolls generate --program dibao_urban --period 2026-05 --township 柳河镇
ok "  prints the roll's number" stdout_is '1\n'
ok "  the engine's amounts: 500.00 and 300.00" test "$(sql 'SELECT group_concat (amount) FROM (SELECT amount FROM roll_lines WHERE roll_id = 1 ORDER BY case_id)')" = "50000,30000"
ok "once only" status_is 1 "$cli" --db "$db" rolls generate --program dibao_urban --period 2026-05 --township 柳河镇
ok "  one sentence" one_sentence
ok "list" status_is 0 "$cli" --db "$db" rolls list
ok "  id, programs, period, state, lines, total, township, due, paid, title" stdout_is '1\tdibao_urban\t2026-05\tdraft\t2\t80000\t柳河镇\t2026-05-10\t\t\n'
ok "lock before checking: refused" status_is 1 "$cli" --db "$db" rolls lock 1
ok "  one sentence" one_sentence
ok "check" status_is 0 "$cli" --db "$db" rolls check 1
ok "lock" status_is 0 "$cli" --db "$db" rolls lock 1
ok "paid" status_is 0 "$cli" --db "$db" rolls paid 1 --date 2026-05-08
ok "  shown paid" bash -c "'$cli' --db '$db' rolls list | grep -qP '^1\t.*\tpaid\t.*\t2026-05-08\t$'"
ok "a locked roll is never discarded" status_is 1 "$cli" --db "$db" rolls discard 1
ok "  its lines stay" test "$(sql 'SELECT count(*) FROM roll_lines WHERE roll_id = 1')" -eq 2

# A back-dated correction: the second household earned 400.00 in May, a
# review recorded after May's roll was locked says so.
sql "UPDATE incomes SET monthly_amount = 40000 WHERE person_id = 2"
sql "INSERT INTO case_history (case_id, on_date, status, monthly_amount, note, user_name, from_status, at)
     VALUES (2, '2026-05-01', 'active', 40000, '复核', 'clerk', 'active', strftime ('%Y-%m-%dT%H:%M:%fZ', 'now', '+1 second'))"
ok "generate June" status_is 0 "$cli" --db "$db" rolls generate --program dibao_urban --period 2026-06 --township 柳河镇
ok "  a back-payment of 100.00 for May, with its reason" \
  test "$(sql "SELECT amount || ' ' || (reason LIKE '%2026-05%') FROM roll_lines WHERE roll_id = 2 AND kind = 'back_payment'")" = "10000 1"
ok "diff May → June" status_is 0 "$cli" --db "$db" rolls diff 1 2
ok "  the second household changed" stdout_is '2\tdibao_urban\tchanged\t30000\t40000\n'
ok "the district's second quarter" status_is 0 "$cli" --db "$db" rolls generate --program dibao_urban --period 2026-Q2
ok "  three months of the two households" test "$(sql 'SELECT total FROM rolls WHERE id = 3')" -eq $((3 * (50000 + 40000)))
ok "discard that draft" status_is 0 "$cli" --db "$db" rolls discard 3
ok "  gone" test "$(sql 'SELECT count(*) FROM rolls WHERE id = 3')" -eq 0

# A case starting on 15 July: paid for July, or from August.
sql "UPDATE cases SET starts_on = '2026-07-15' WHERE id = 3"
ok "the third quarter in 东岭镇, paid the month it starts" \
  status_is 0 "$cli" --db "$db" rolls generate --program dibao_urban --period 2026-Q3 --township 东岭镇 --start same-month
q3=$(cat "$tmp/stdout")
ok "  three months" test "$(sql "SELECT total FROM rolls WHERE id = $q3")" -eq $((3 * 80000))
ok "  discarded" status_is 0 "$cli" --db "$db" rolls discard "$q3"
ok "the same, paid from the next month" \
  status_is 0 "$cli" --db "$db" rolls generate --program dibao_urban --period 2026-Q3 --township 东岭镇 --start next-month
q3=$(cat "$tmp/stdout")
ok "  two months" test "$(sql "SELECT amount || ' ' || months FROM roll_lines WHERE roll_id = $q3")" = "$((2 * 80000)) 2"
ok "  discarded" status_is 0 "$cli" --db "$db" rolls discard "$q3"
ok "usage: a bad start rule" status_is 2 "$cli" --db "$db" rolls generate --program dibao_urban --period 2026-Q3 --start soon

# A one-off subsidy: 300.00 a person to everyone in urban dibao on 1 June,
# the province 60 %, the county 40 %.  Three households of one person.
ok "a one-off subsidy" status_is 0 "$cli" --db "$db" rolls one-off --title 2026年端午一次性生活补贴 \
  --program dibao_urban --on 2026-06-01 --amount 300 --funding province:60,county:40
oo=$(cat "$tmp/stdout")
ok "  two people in payment on 1 June (the third starts in July)" \
  test "$(sql "SELECT lines || ' ' || total || ' ' || due_on || ' ' || period FROM rolls WHERE id = $oo")" = "2 60000 2026-06-30 2026-06"
ok "  the split" status_is 0 "$cli" --db "$db" rolls funding "$oo"
ok "  36,000 and 24,000 fen" stdout_is 'province\t6000\t36000\ncounty\t4000\t24000\n'
ok "  listed with its name" bash -c "'$cli' --db '$db' rolls list | grep -qP '^$oo\t.*\t2026年端午一次性生活补贴$'"
ok "  beside June's regular roll, not instead of it" test "$(sql "SELECT count(*) FROM rolls WHERE period = '2026-06'")" -eq 2
ok "  once only" status_is 1 "$cli" --db "$db" rolls one-off --title 2026年端午一次性生活补贴 \
  --program dibao_urban --on 2026-06-01 --amount 300 --funding province:60,county:40
ok "per household, thirds: the county takes the fen left over" status_is 0 "$cli" --db "$db" rolls one-off \
  --title 慰问金 --program dibao_urban --on 2026-06-01 --per household --amount 100.01 --funding province:33.33,city:33.33,county:33.34
oo2=$(cat "$tmp/stdout")
ok "  20,002 fen" test "$(sql "SELECT total FROM rolls WHERE id = $oo2")" -eq 20002
ok "  shares add up" test "$(sql "SELECT group_concat (amount, ' ') FROM (SELECT amount FROM roll_funding WHERE roll_id = $oo2 ORDER BY share_bp, level)")" = "6666 6666 6670"
ok "a split not adding up to 100" status_is 1 "$cli" --db "$db" rolls one-off --title 补贴 --program dibao_urban \
  --on 2026-06-01 --amount 300 --funding province:60,county:30
ok "  one sentence" one_sentence
ok "  nothing written" test "$(sql "SELECT count(*) FROM rolls WHERE title = '补贴'")" -eq 0
ok "a bad amount" status_is 1 "$cli" --db "$db" rolls one-off --title 补贴 --program dibao_urban \
  --on 2026-06-01 --amount 三百 --funding county:100
ok "usage: no funding" status_is 2 "$cli" --db "$db" rolls one-off --title 补贴 --program dibao_urban --on 2026-06-01 --amount 300

ok "usage: no period" status_is 2 "$cli" --db "$db" rolls generate --program dibao_urban
ok "usage: a bad period" status_is 1 "$cli" --db "$db" rolls generate --program dibao_urban --period 2026-13
ok "  one sentence" one_sentence
ok "usage: temporary assistance is no roll" status_is 1 "$cli" --db "$db" rolls generate --program temporary --period 2026-06
ok "usage: diff with one roll" status_is 2 "$cli" --db "$db" rolls diff 1
ok "usage: paid without a date" status_is 2 "$cli" --db "$db" rolls paid 2
ok "an unknown township" status_is 1 "$cli" --db "$db" rolls generate --program dibao_urban --period 2026-06 --township 不存在镇
ok "help" status_is 0 "$cli" --db "$db" rolls --help

echo "1..$n"
exit $failed
