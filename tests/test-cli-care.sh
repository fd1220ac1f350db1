#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end tests of jiuzhu-cli care list and care stats on a small
# hand-made database, checked against direct SQL. TAP output.
set -uo pipefail

cli=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data"
export LC_ALL=C.UTF-8 LANGUAGE=en
export JIUZHU_TODAY=2026-06-30
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

one_sentence () {  # stderr is one sentence, with no trace, SQL or personal data in it
  [ "$(grep -c . "$tmp/stderr")" -le 2 ] && ! grep -qiE 'sqlite|assert|critical|\.c:[0-9]|王秀英|370302' "$tmp/stderr"
}

stdout_is () {  # stdout_is TEXT: stdout is exactly TEXT (tabs as \t)
  diff <(printf "$1") "$tmp/stdout" >"$tmp/diff" || { sed 's/^/# /' "$tmp/diff"; return 1; }
}

field () {  # field PERSON_ID COLUMN: a column of a person's row of the last stdout
  awk -F'\t' -v id="$1" -v c="$2" '$1 == id { print $c }' "$tmp/stdout"
}

sql () {
  sqlite3 "$db" "$1"
}

ok "init" status_is 0 "$cli" --db "$db" init
# Four recipients in two townships and one person without a tekun case:
#  1 an agreement in force, visited on 2026-06-10;
#  2 an agreement ending 2026-07-15 (expiring), last visited 2026-04-30;
#  3 no agreement, never visited since the decision of 2026-01-05;
#  4 an agreement whose evaluation failed, visited 2026-06-20;
#  5 dibao only: not a recipient.
sqlite3 "$db" <<'SQL'
INSERT INTO regions (id, parent_id, level, kind, code, name) VALUES
  (1, NULL, 'district', 'district', '370302', '青禾区'),
  (2, 1, 'township', 'town', '370302101', '柳河镇'),
  (3, 2, 'village', 'village', '370302101201', '王家庄村'),
  (4, 1, 'township', 'town', '370302102', '东岭镇'),
  (5, 4, 'village', 'village', '370302102201', '东岭村');
INSERT INTO households (id, region_id, hukou, opened_on) VALUES
  (1, 3, 'rural', '2020-01-01'), (2, 3, 'rural', '2020-01-01'), (3, 5, 'rural', '2020-01-01'),
  (4, 5, 'rural', '2020-01-01'), (5, 5, 'rural', '2020-01-01');
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

ok "care stats" status_is 0 "$cli" --db "$db" care stats
ok "  four recipients, three in force, one overdue, one expiring, one failed" \
  stdout_is 'recipients\t4\nwith_agreement\t3\ncoverage_pct\t75.0\nvisits_on_time\t2\nvisits_on_time_pct\t50.0\nvisit_overdue\t2\nexpiring\t1\nfailed_open\t1\n'

ok "care list" status_is 0 "$cli" --db "$db" care list
ok "  the four recipients, the dibao household not" test "$(wc -l <"$tmp/stdout")" -eq 4
ok "  agreement in force, caregiver, next visit a month after the last" \
  test "$(field 1 6)|$(field 1 7)|$(field 1 8)|$(field 1 9)|$(field 1 10)|$(field 1 11)" = "370302101-2026-0001|active|李桂芝|2026-06-10|2026-07-10|"
ok "  expiring within 30 days, visit overdue since 2026-05-30" \
  test "$(field 2 7)|$(field 2 10)|$(field 2 11)" = "expiring|2026-05-30|overdue"
ok "  no agreement: due a month after the decision" \
  test "$(field 3 5)|$(field 3 7)|$(field 3 10)|$(field 3 11)" = "partial_care|none|2026-02-05|overdue"
ok "  the renewal in force and its failed evaluation" \
  test "$(field 4 6)|$(field 4 12)|$(field 4 13)" = "370302102-2026-0001|2026-06-05|fail"
ok "  no ID number on the list" bash -c "! grep -q '370302194' '$tmp/stdout'"

ok "filter visit-overdue" status_is 0 "$cli" --db "$db" care list --filter visit-overdue
ok "  the two overdue, by township" test "$(cut -f1 "$tmp/stdout" | tr '\n' ' ')" = "3 2 "
ok "filter no-agreement" status_is 0 "$cli" --db "$db" care list --filter no-agreement
ok "  only the one without" test "$(cut -f1 "$tmp/stdout")" = "3"
ok "filter expiring" status_is 0 "$cli" --db "$db" care list --filter expiring
ok "  only the one ending in July" test "$(cut -f1 "$tmp/stdout")" = "2"
ok "filter failed" status_is 0 "$cli" --db "$db" care list --filter failed
ok "  only the one whose caregiver failed" test "$(cut -f1 "$tmp/stdout")" = "4"

# The same figures from SQL: the agreements in force on the day.
in_force=$(sql "SELECT count(*) FROM care_agreements WHERE status = 'active' AND ends_on >= '2026-06-30'")
ok "  coverage agrees with SQL" test "$in_force" -eq 3

ok "a day later in July: the expiring one past its end" status_is 0 "$cli" --db "$db" care list --at 2026-07-16
ok "  lapsed, no longer counted as in force" test "$(field 2 7)" = "lapsed"
ok "stats on that day" status_is 0 "$cli" --db "$db" care stats --at 2026-07-16
ok "  two in force" bash -c "grep -qP '^with_agreement\t2$' '$tmp/stdout'"

ok "usage: an unknown filter" status_is 2 "$cli" --db "$db" care list --filter bogus
ok "usage: a bad date" status_is 2 "$cli" --db "$db" care stats --at 2026-13-01
ok "usage: no subcommand" status_is 2 "$cli" --db "$db" care
ok "help" status_is 0 "$cli" --db "$db" care --help

# An older file opened read-only cannot be brought up to date: one sentence.
cp "$db" "$tmp/old.db"
sqlite3 "$tmp/old.db" "PRAGMA user_version = 5"
ok "an older schema, read-only" status_is 1 "$cli" --db "$tmp/old.db" care stats
ok "  one sentence" one_sentence

echo "1..$n"
exit $failed
