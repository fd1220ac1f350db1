#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end tests of jiuzhu-cli cases list and case new/advance/review/show
# on a small hand-made database. TAP output.
set -uo pipefail

cli=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data"
export LC_ALL=C.UTF-8 LANGUAGE=en
# Steps are never dated in the future; the clock stands still for the test.
export JIUZHU_TODAY=2026-12-31
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

one_sentence () {  # stderr is one line, with no trace, SQL or personal data in it
  [ "$(wc -l <"$tmp/stderr")" -eq 1 ] && ! grep -qiE 'sqlite|assert|critical|\.c:[0-9]|王建国|370302' "$tmp/stderr"
}

stdout_is () {  # stdout_is TEXT: stdout is exactly TEXT (tabs as \t)
  diff <(printf "$1") "$tmp/stdout" >"$tmp/diff" || { sed 's/^/# /' "$tmp/diff"; return 1; }
}

stderr_has () {
  grep -q "$1" "$tmp/stderr" || { sed 's/^/# /' "$tmp/stderr"; return 1; }
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
INSERT INTO households (id, region_id, hukou, opened_on) VALUES (1, 3, 'urban', '2020-01-01'), (2, 5, 'rural', '2020-01-01');
INSERT INTO persons (id, household_id, name, id_number, relation, sex, birth_date) VALUES
  (1, 1, '王建国', '370302198307050133', 'head', 'M', '1983-07-05'),
  (2, 2, '李秀英', '370302198501010024', 'head', 'F', '1985-01-01');
UPDATE households SET head_person_id = id;
INSERT INTO incomes (person_id, kind, monthly_amount) VALUES (1, 'wage', 30000);
INSERT INTO standards (kind, hukou, amount, effective_from) VALUES ('dibao', 'urban', 80000, '2020-01-01');
INSERT INTO users (name, full_name, role, region_id) VALUES
  ('clerk-a', '', 'clerk', 2), ('clerk-b', '', 'clerk', 4), ('reviewer', '', 'reviewer', NULL),
  ('leader', '', 'leader', NULL);
INSERT INTO users (name, full_name, role, region_id, active) VALUES ('gone', '', 'reviewer', NULL, 0);
SQL

ok "an empty case list" status_is 0 "$cli" --db "$db" cases list
ok "  prints nothing" test ! -s "$tmp/stdout"

ok "the other township's clerk cannot open the application" \
  status_is 1 "$cli" --db "$db" case new --household 1 --program dibao_urban --user clerk-b --date 2026-03-02
ok "  and says why in one sentence" one_sentence
ok "  that names the township rule" stderr_has "own township"
ok "  nothing written" test "$(sql 'SELECT count(*) FROM cases')" -eq 0

ok "the township's clerk opens it" \
  status_is 0 "$cli" --db "$db" case new --household 1 --program dibao_urban --user clerk-a --date 2026-03-02
ok "  and gets its number" stdout_is '1\n'
ok "a second open dibao case is refused" \
  status_is 1 "$cli" --db "$db" case new --household 1 --program dibao_urban --user clerk-a --date 2026-03-02
ok "  with one sentence" one_sentence

ok "cases list" status_is 0 "$cli" --db "$db" cases list
ok "  id, household, head, program, state, applied, due, overdue, amount" \
  stdout_is '1\t1\t王建国\tdibao_urban\tdraft\t2026-03-02\t\tno\t0\n'

ok "submit" status_is 0 "$cli" --db "$db" case advance 1 --to submitted --user clerk-a --date 2026-03-02
ok "accept: the investigation is due in 3 working days" \
  status_is 0 "$cli" --db "$db" case advance 1 --to accepted --user clerk-a --date 2026-03-03
ok "  id, state, due, amount" stdout_is '1\taccepted\t2026-03-06\t0\n'
ok "  the process deadlines" \
  test "$(sql 'SELECT process_due_on || " " || process_limit_on FROM cases WHERE id = 1')" = "2026-04-15 2026-05-09"
ok "overdue the day after" bash -c "JIUZHU_TODAY=2026-03-09 '$cli' --db '$db' cases list | cut -f7,8 | grep -qP '^2026-03-06\tyes$'"
ok "  not on the day" bash -c "JIUZHU_TODAY=2026-03-06 '$cli' --db '$db' cases list | cut -f8 | grep -qx no"
ok "investigate" status_is 0 "$cli" --db "$db" case advance 1 --to investigating --user clerk-a --date 2026-03-04
ok "public notice" status_is 0 "$cli" --db "$db" case advance 1 --to village_notice --user clerk-a --date 2026-03-05
ok "no township review during the 7-day notice" \
  status_is 1 "$cli" --db "$db" case advance 1 --to township_reviewed --user clerk-a --date 2026-03-11
ok "  with one sentence naming its last day" stderr_has "2026-03-11"
ok "township review after it" \
  status_is 0 "$cli" --db "$db" case advance 1 --to township_reviewed --user clerk-a --date 2026-03-12

# A refused step: exit 1, the sentence, nothing changed (audit log included).
sqlite3 "$db" .dump >"$tmp/before.sql"
ok "the clerk cannot approve" \
  status_is 1 "$cli" --db "$db" case advance 1 --to approved --user clerk-a --date 2026-03-16
ok "  one sentence" one_sentence
ok "  saying what the role may not do" stderr_has "may not approve"
ok "  and nothing changed" cmp -s <(sqlite3 "$db" .dump) "$tmp/before.sql"
ok "the leader takes no step" \
  status_is 1 "$cli" --db "$db" case advance 1 --to approved --user leader --date 2026-03-16
ok "  one sentence" one_sentence
ok "a switched-off account takes no step" \
  status_is 1 "$cli" --db "$db" case advance 1 --to approved --user gone --date 2026-03-16
ok "an unknown user" status_is 1 "$cli" --db "$db" case advance 1 --to approved --user nobody --date 2026-03-16
ok "  one sentence" one_sentence
ok "a step that is not next" \
  status_is 1 "$cli" --db "$db" case advance 1 --to active --user reviewer --date 2026-03-16
ok "  one sentence" one_sentence
ok "  nothing changed by any of them" cmp -s <(sqlite3 "$db" .dump) "$tmp/before.sql"

ok "the reviewer approves" status_is 0 "$cli" --db "$db" case advance 1 --to approved --user reviewer --date 2026-03-16
ok "  800 − 300 yuan, from next month" stdout_is '1\tapproved\t2026-04-01\t50000\n'
ok "  the breakdown kept in the history" \
  test "$(sql "SELECT json_valid (breakdown) FROM case_history WHERE case_id = 1 AND status = 'approved'")" = 1
ok "  the user in the history and the audit log" \
  test "$(sql "SELECT h.user_name || ' ' || (SELECT user_name FROM audit_log WHERE table_name = 'cases' ORDER BY id DESC LIMIT 1) FROM case_history h WHERE case_id = 1 AND status = 'approved'")" = "reviewer reviewer"
ok "activate" status_is 0 "$cli" --db "$db" case advance 1 --to active --user reviewer --date 2026-04-01
ok "  the household list counts it" \
  test "$(sql 'SELECT case_status || " " || monthly_amount FROM household_summary WHERE household_id = 1')" = "active 50000"
ok "suspending needs a reason" \
  status_is 1 "$cli" --db "$db" case advance 1 --to suspended --user reviewer --date 2026-05-06
ok "  one sentence" one_sentence
ok "  the case stays active" test "$(sql 'SELECT status FROM cases WHERE id = 1')" = active

ok "cases list --status active" status_is 0 "$cli" --db "$db" cases list --status active
ok "  the case with its amount" stdout_is '1\t1\t王建国\tdibao_urban\tactive\t2026-03-02\t\tno\t50000\n'
ok "cases list --township of the case" status_is 0 "$cli" --db "$db" cases list --township 柳河镇 --program dibao_urban
ok "  lists it" test "$(wc -l <"$tmp/stdout")" -eq 1
ok "cases list --township of another" status_is 0 "$cli" --db "$db" cases list --township 东岭镇
ok "  lists nothing" test ! -s "$tmp/stdout"
ok "cases list --status rejected" status_is 0 "$cli" --db "$db" cases list --status rejected
ok "  lists nothing" test ! -s "$tmp/stdout"

ok "a review with a lower amount needs a reason" bash -c "
  sqlite3 '$db' 'UPDATE incomes SET monthly_amount = 50000'
  ! '$cli' --db '$db' case review 1 --user reviewer --date 2026-06-01 2>/dev/null"
ok "review with the reason" status_is 0 "$cli" --db "$db" case review 1 --user reviewer --date 2026-06-01 --note 工资上涨
ok "  lowers the amount" stdout_is '1\tactive\t\t30000\n'

ok "case show" status_is 0 "$cli" --db "$db" case show 1 --user reviewer
ok "  the state" grep -qP '^status\tactive$' "$tmp/stdout"
ok "  the next review a year on" grep -qP '^next_review_on\t2027-06-01$' "$tmp/stdout"
ok "  the steps the user may take" grep -qP '^next\tsuspended,terminated$' "$tmp/stdout"
ok "  the history, one line a step" test "$(grep -c '^history' "$tmp/stdout")" -eq 9

ok "usage: an unknown state" status_is 2 "$cli" --db "$db" case advance 1 --to paid --user reviewer
ok "usage: no --to" status_is 2 "$cli" --db "$db" case advance 1 --user reviewer
ok "usage: no case number" status_is 2 "$cli" --db "$db" case advance --to active --user reviewer
ok "usage: a bad date" status_is 2 "$cli" --db "$db" case advance 1 --to suspended --note x --date 1.4.2026
ok "usage: cases without list" status_is 2 "$cli" --db "$db" cases
ok "usage: an unknown state to list" status_is 2 "$cli" --db "$db" cases list --status paid
ok "usage: an unknown program to list" status_is 2 "$cli" --db "$db" cases list --program pension
ok "an unknown township" status_is 1 "$cli" --db "$db" cases list --township 无此镇
ok "  one sentence" one_sentence
ok "a case that does not exist" status_is 1 "$cli" --db "$db" case advance 99 --to active --user reviewer
ok "  one sentence" one_sentence

# Emergency temporary assistance (先行救助): approved at once, reviewed after.
ok "an emergency application" \
  status_is 0 "$cli" --db "$db" case new --household 1 --program temporary --temp-kind illness --temp-multiple 3 --emergency --user clerk-a --date 2026-07-01
emergency=$(cat "$tmp/stdout")
ok "  submitted" status_is 0 "$cli" --db "$db" case advance "$emergency" --to submitted --user clerk-a --date 2026-07-01
ok "no review before it is approved" \
  status_is 1 "$cli" --db "$db" case review-emergency "$emergency" --user reviewer --date 2026-07-01
ok "  one sentence" one_sentence
ok "  approved at once" status_is 0 "$cli" --db "$db" case advance "$emergency" --to approved --user reviewer --date 2026-07-01
ok "the clerk cannot review it" \
  status_is 1 "$cli" --db "$db" case review-emergency "$emergency" --user clerk-a --date 2026-07-02
ok "  one sentence" one_sentence
ok "the reviewer reviews it" \
  status_is 0 "$cli" --db "$db" case review-emergency "$emergency" --user reviewer --date 2026-07-02 --note 核实无误
ok "  id, state, due, amount" stdout_is "$emergency\tapproved\t\t240000\n"
ok "  the date kept" test "$(sql "SELECT emergency_reviewed_on FROM cases WHERE id = $emergency")" = 2026-07-02
ok "  in the history with the note" \
  test "$(sql "SELECT count(*) FROM case_history WHERE case_id = $emergency AND note = '核实无误' AND from_status = 'approved'")" -eq 1
ok "  shown" bash -c "'$cli' --db '$db' case show $emergency | grep -qP '^emergency_reviewed_on\t2026-07-02$'"
ok "not twice" status_is 1 "$cli" --db "$db" case review-emergency "$emergency" --user reviewer --date 2026-07-03
ok "  one sentence" one_sentence
ok "  naming the day" grep -q 2026-07-02 "$tmp/stderr"
ok "not a case paid as an emergency" status_is 1 "$cli" --db "$db" case review-emergency 1 --user reviewer --date 2026-07-03
ok "  one sentence" one_sentence
ok "usage: review-emergency without a case" status_is 2 "$cli" --db "$db" case review-emergency --user reviewer
ok "usage: review-emergency takes no --to" status_is 2 "$cli" --db "$db" case review-emergency "$emergency" --to active --user reviewer

# The county's sample of the tekun cases awaiting its decision.
for i in 1 2 3 4 5 6 7 8 9 10; do
  sql "INSERT INTO households (id, region_id, hukou, opened_on) VALUES (10$i, 3, 'urban', '2020-01-01');
       INSERT INTO persons (id, household_id, name, id_number, relation, sex, birth_date)
         VALUES (10$i, 10$i, '特困$i', '37030219500101$(printf %03d "$i")0', 'head', 'M', '1950-01-01');
       UPDATE households SET head_person_id = 10$i WHERE id = 10$i;"
  id=$("$cli" --db "$db" case new --household "10$i" --person "10$i" --program tekun_dispersed --user clerk-a --date 2026-08-03)
  for step in submitted:2026-08-03 accepted:2026-08-04 investigating:2026-08-05 village_notice:2026-08-05 township_reviewed:2026-08-12; do
    "$cli" --db "$db" case advance "$id" --to "${step%%:*}" --user clerk-a --date "${step#*:}" >/dev/null
  done
done
waiting="SELECT count(*) FROM cases WHERE program = 'tekun_dispersed' AND status = 'township_reviewed'"
sampled="SELECT group_concat (id) FROM (SELECT id FROM cases WHERE sampled = 1 ORDER BY id)"
ok "ten tekun cases wait for the county" test "$(sql "$waiting")" -eq 10
ok "where the check stands" status_is 0 "$cli" --db "$db" cases sample --status
ok "  none marked of ten, three asked for at 30 %" stdout_is 'waiting\t10\nmarked\t0\ntarget\t3\nrate_bp\t3000\n'
ok "a clerk cannot draw the sample" status_is 1 "$cli" --db "$db" cases sample --seed 42 --user clerk-a
ok "  one sentence" one_sentence
ok "  nothing marked" test "$(sql 'SELECT count(*) FROM cases WHERE sampled = 1')" -eq 0
ok "the reviewer draws it" status_is 0 "$cli" --db "$db" cases sample --seed 42 --user reviewer
ok "  30 % of 10 by the standard" stdout_is '3\n'
ok "  marked and audited" \
  test "$(sql "SELECT count(*) FROM audit_log WHERE table_name = 'cases' AND new_values ->> 'sampled' = 1")" -eq 3
first=$(sql "$sampled")
ok "  shown on the case" bash -c "'$cli' --db '$db' case show ${first%%,*} | grep -qP '^sampled\tyes$'"
ok "again: the rate is reached" status_is 0 "$cli" --db "$db" cases sample --seed 7 --user reviewer
ok "  nothing more" stdout_is '0\n'
ok "  three of ten marked" bash -c "'$cli' --db '$db' cases sample --status | grep -qP '^marked\t3$'"
sql "UPDATE cases SET sampled = 0"
ok "the same seed again" status_is 0 "$cli" --db "$db" cases sample --seed 42 --user reviewer
ok "  draws the same cases" test "$(sql "$sampled")" = "$first"
sql "UPDATE cases SET sampled = 0"
ok "a standard of 50 % from a date before today" \
  status_is 0 "$cli" --db "$db" standards set tekun_sample_pct 50 --from 2026-09-01
ok "  draws 5" bash -c "'$cli' --db '$db' cases sample --seed 42 --user reviewer | grep -qx 5"
ok "usage: sample without a seed" status_is 2 "$cli" --db "$db" cases sample --user reviewer
ok "usage: a seed that is no number" status_is 2 "$cli" --db "$db" cases sample --seed x --user reviewer
ok "usage: cases with an unknown command" status_is 2 "$cli" --db "$db" cases draw

# With a user who signs in, a step without --user is refused.
sql "UPDATE users SET password_hash = 'x' WHERE name = 'reviewer'"
ok "no --user where users sign in" status_is 2 "$cli" --db "$db" case advance 1 --to suspended --note 外出 --date 2026-06-02
ok "  says to name the user" stderr_has "\-\-user"

echo "1..$n"
exit $failed
