#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end tests of jiuzhu-cli standards (with the raise preview) and benefit. TAP output.
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
  [ "$got" -eq "$want" ] || { echo "# exit $got, wanted $want: $*"; sed 's/^/# /' "$tmp/stderr"; return 1; }
}

one_sentence () {  # stderr says why in a sentence, with no trace or SQL in it
  [ "$(wc -l <"$tmp/stderr")" -ge 1 ] && ! grep -qiE 'sqlite|assert|critical|\.c:[0-9]' "$tmp/stderr"
}

says () {  # says TEXT: stderr holds it
  grep -qF -- "$1" "$tmp/stderr" || { echo "# stderr does not say: $1"; sed 's/^/# /' "$tmp/stderr"; return 1; }
}

prints () {  # prints REGEX: stdout has a line matching it (Perl syntax)
  grep -qP -- "$1" "$tmp/stdout" || { echo "# stdout has no line like: $1"; sed 's/^/# /' "$tmp/stdout"; return 1; }
}

json_total () {  # the total of the JSON breakdown on stdout
  sqlite3 :memory: "SELECT json_valid (readfile ('$tmp/stdout')), readfile ('$tmp/stdout') ->> '\$.total'" 2>/dev/null ||
    sqlite3 :memory: "SELECT json_valid (CAST (x'$(xxd -p "$tmp/stdout" | tr -d '\n')' AS TEXT)), json_extract (CAST (x'$(xxd -p "$tmp/stdout" | tr -d '\n')' AS TEXT), '\$.total')"
}

total_is () {  # total_is FEN: the JSON on stdout is valid and its total is FEN
  local got
  got=$(json_total)
  [ "$got" = "1|$1" ] || { echo "# valid|total: $got, wanted 1|$1"; return 1; }
}

db="$tmp/s.db"
standards () { "$cli" --db "$db" standards "$@"; }
benefit () { "$cli" --db "$db" benefit "$@"; }
rows () { sqlite3 "$db" "SELECT count(*) FROM standards"; }

ok "init" status_is 0 "$cli" --db "$db" init
sqlite3 "$db" "INSERT INTO regions (id, parent_id, level, kind, code, name) VALUES
  (1, NULL, 'district', 'district', '370302', '青禾区'),
  (2, 1, 'township', 'town', '370302101', '柳河镇'),
  (3, 2, 'village', 'village', '370302101201', '王家庄村')"

# ---- standards ----

ok "standards --help" status_is 0 "$cli" standards --help
ok "  lists every kind with its label" bash -c "grep -cE '^  [a-z_]+ +(yuan|ratio|percent|multiple|months|days|workdays) +[A-Z]' '$tmp/stdout' | grep -qx 35 && grep -q 'Extreme-poverty basic ratio' '$tmp/stdout'"

ok "list on a new database" status_is 0 standards list --at 2026-07-01
ok "  holds the schema's 22 defaults" test "$(wc -l <"$tmp/stdout")" -eq 22
ok "  as TSV: kind, hukou, township, value, unit, from" prints '^tekun_basic_ratio\turban\t\t1\.5\tratio\t2000-01-01$'
ok "  a multiple" prints '^temp_illness_max\t\t\t12\tmultiple\t2000-01-01$'

ok "set the urban dibao" status_is 0 standards set dibao 650 --hukou urban --from 2025-07-01
ok "  prints the row" prints '^dibao\turban\t\t650\.00\tyuan\t2025-07-01$'
ok "  one line" test "$(wc -l <"$tmp/stdout")" -eq 1
ok "raise it from 2026-07-01" status_is 0 standards set dibao 700.00 --hukou urban --from 2026-07-01 --note "raised"
ok "the rural dibao" status_is 0 standards set dibao 500 --hukou rural --from 2025-07-01
ok "a township's own" status_is 0 standards set dibao 800 --hukou urban --township 柳河镇 --from 2026-01-01
ok "  named in the row" prints '^dibao\turban\t柳河镇\t800\.00\tyuan\t2026-01-01$'
ok "the minimum wage" status_is 0 standards set min_wage 1900 --from 2025-07-01
ok "a percentage" status_is 0 standards set care_full_pct 60 --from 2025-07-01
ok "  written as one" prints '^care_full_pct\t\t\t60\tpercent\t2025-07-01$'
ok "another with a decimal" status_is 0 standards set increment_severe_illness_pct 12.5% --from 2025-07-01
ok "  kept to the basis point" test "$(sqlite3 "$db" "SELECT rate_bp FROM standards WHERE kind = 'increment_severe_illness_pct'")" -eq 1250
for spec in "increment_elderly_pct 10" "increment_severe_disability_pct 20" "increment_minor_pct 15" \
            "increment_sanwu_pct 30" "care_self_pct 10" "care_partial_pct 30" "gradual_exit_months 3" \
            "disability_living 90" "disability_care 100" "child_living 1200"; do
  set -- $spec
  ok "set $1" status_is 0 standards set "$1" "$2" --from 2025-07-01
done
ok "a ratio of the rural tekun" status_is 0 standards set tekun_basic_ratio 1.35 --hukou rural --from 2026-01-01
ok "  stored in basis points" test "$(sqlite3 "$db" "SELECT rate_bp FROM standards WHERE kind = 'tekun_basic_ratio' AND effective_from = '2026-01-01'")" -eq 13500

ok "list before the raise" status_is 0 standards list --at 2026-06-30
ok "  the urban dibao of 2025" prints '^dibao\turban\t\t650\.00\tyuan\t2025-07-01$'
ok "  the township's beside it" prints '^dibao\turban\t柳河镇\t800\.00\tyuan\t2026-01-01$'
ok "  the rural tekun ratio of 2026" prints '^tekun_basic_ratio\trural\t\t1\.35\tratio\t2026-01-01$'
ok "list after the raise" status_is 0 standards list --at 2026-07-01
ok "  the raised value" prints '^dibao\turban\t\t700\.00\tyuan\t2026-07-01$'
ok "  and not the old one" bash -c "! grep -qP '^dibao\turban\t\t650' '$tmp/stdout'"
ok "list before any value" status_is 0 standards list --at 2020-01-01
ok "  has the defaults only" test "$(wc -l <"$tmp/stdout")" -eq 22

before=$(rows)
ok "the same date again replaces the value" status_is 0 standards set dibao 660 --hukou urban --from 2025-07-01
ok "  no new row" test "$(rows)" -eq "$before"
ok "  the new value" test "$(sqlite3 "$db" "SELECT amount || '/' || version FROM standards WHERE kind = 'dibao' AND hukou = 'urban' AND region_id IS NULL AND effective_from = '2025-07-01'")" = "66000/2"
ok "  audited, old and new" test "$(sqlite3 "$db" "SELECT count(*) FROM audit_log WHERE table_name = 'standards' AND action = 'update' AND old_values ->> 'amount' = 65000 AND new_values ->> 'amount' = 66000")" -eq 1
ok "history of a kind" status_is 0 standards history dibao
ok "  every row, oldest first" test "$(cut -f2,3,4,6 "$tmp/stdout" | tr '\t' ' ' | paste -sd'|')" = \
  "urban  660.00 2025-07-01|urban  700.00 2026-07-01|urban 柳河镇 800.00 2026-01-01|rural  500.00 2025-07-01"

cp "$db" "$tmp/before.db"
ok "an unknown kind is a usage error" status_is 2 standards set dibaoo 650 --hukou urban --from 2026-07-01
ok "  naming the kinds" says "The kinds are dibao, min_wage"
ok "a value that does not read" status_is 1 standards set dibao 6,50 --hukou urban --from 2027-07-01
ok "  one clear sentence" one_sentence
ok "  in yuan" says "yuan"
ok "a percentage with three decimals" status_is 1 standards set care_full_pct 12.555 --from 2027-07-01
ok "  one clear sentence" one_sentence
ok "dibao without hukou" status_is 1 standards set dibao 650 --from 2027-07-01
ok "  says to choose one" says "urban and rural"
ok "the minimum wage with a hukou" status_is 1 standards set min_wage 2000 --hukou urban --from 2027-07-01
ok "  one clear sentence" one_sentence
ok "a hukou that is neither" status_is 2 standards set dibao 650 --hukou city --from 2027-07-01
ok "no date" status_is 2 standards set dibao 650 --hukou urban
ok "a date that is no day" status_is 2 standards set dibao 650 --hukou urban --from 2027-02-30
ok "an unknown township" status_is 1 standards set dibao 650 --hukou urban --township 无此镇 --from 2027-07-01
ok "  one clear sentence" one_sentence
ok "a village is no township" status_is 1 standards set dibao 650 --hukou urban --township 王家庄村 --from 2027-07-01
ok "nothing of that changed the file" cmp -s <(sqlite3 "$tmp/before.db" .dump) <(sqlite3 "$db" .dump)
ok "an unknown subcommand" status_is 2 standards drop
ok "list --at a wrong date" status_is 2 standards list --at 2026-7-1

# ---- benefit ----

cat >"$tmp/issue.json" <<'EOF'
{"program": "dibao_urban", "hukou": "urban", "members": [{"birth": "1950-03-01", "in_program": true, "monthly_income_fen": 30000, "conditions": ["severe_disability"]}], "care_tier": "full_care", "temporary": {"kind": "illness", "multiple": 6}}
EOF

ok "benefit --help documents the facts" status_is 0 "$cli" benefit --help
ok "  their fields" bash -c "grep -q 'monthly_income_fen' '$tmp/stdout' && grep -q 'gradual_exit' '$tmp/stdout' && grep -q 'care_tier' '$tmp/stdout'"

# 2026-03-01, urban 660.00: 660.00 − 300.00 + elderly 10 % 66.00 + severe disability 20 % 132.00 = 558.00
ok "the issue's example" status_is 0 benefit --facts "$tmp/issue.json" --date 2026-03-01
ok "  the difference line" prints '^Difference to the standard +\(dibao standard 660\.00 − household income 300\.00 ÷ 1 person\) × 1 person in the program +360\.00$'
ok "  the elderly increment" prints '^Increment, elderly +1 person × 10% × dibao standard 660\.00 +66\.00$'
ok "  the disability increment" prints '^Increment, severe disability +1 person × 20% × dibao standard 660\.00 +132\.00$'
ok "  the total" prints '^Total +558\.00$'
ok "  amounts aligned on the right" test "$(grep -E '[0-9]\.[0-9]{2}$' "$tmp/stdout" | perl -CSD -ne 'print length($_), "\n"' | sort -u | wc -l)" -eq 1
ok "as JSON" status_is 0 benefit --facts "$tmp/issue.json" --date 2026-03-01 --json
ok "  valid, in fen" total_is 55800
# 2026-07-01, urban 700.00: 400.00 + 70.00 + 140.00
ok "after the raise" status_is 0 benefit --facts "$tmp/issue.json" --date 2026-07-01 --json
ok "  the raised standard" total_is 61000
# the day before: still 660.00
ok "the day before the raise" status_is 0 benefit --facts "$tmp/issue.json" --date 2026-06-30 --json
ok "  the old standard" total_is 55800

# the township's own 800.00: 500.00 + 80.00 + 160.00
sed 's/"hukou": "urban",/"hukou": "urban", "township": "柳河镇",/' "$tmp/issue.json" >"$tmp/township.json"
ok "a household of the township" status_is 0 benefit --facts "$tmp/township.json" --date 2026-07-01 --json
ok "  its standard" total_is 74000

# rural full-care dispersed tekun: 1.35 × 500.00 + 60 % × 1,900.00 = 675.00 + 1,140.00
cat >"$tmp/tekun.json" <<'EOF'
{"program": "tekun_dispersed", "hukou": "rural", "members": [{"birth": "1940-05-05"}], "care_tier": "full_care"}
EOF
ok "dispersed tekun" status_is 0 benefit --facts "$tmp/tekun.json" --date 2026-07-01 --json
ok "  basic and care" total_is 181500

# temporary, illness 6 × the URBAN 700.00 for a rural household, in an emergency
cat >"$tmp/temp.json" <<'EOF'
{"program": "temporary", "hukou": "rural", "temporary": {"kind": "illness", "multiple": 6}, "emergency": true}
EOF
ok "temporary assistance" status_is 0 benefit --facts "$tmp/temp.json" --date 2026-07-01
ok "  of the urban standard" prints '^Total +4,200\.00$'
ok "  flagged as an emergency" prints '^\* Emergency payment'
sed 's/"multiple": 6/"multiple": 12.5/' "$tmp/temp.json" >"$tmp/temp-high.json"
ok "temporary beyond its range" status_is 1 benefit --facts "$tmp/temp-high.json" --date 2026-07-01
ok "  one clear sentence" one_sentence
ok "  naming the range" says "outside the range 3 to 12"
ok "  and nothing on stdout" test ! -s "$tmp/stdout"

printf '{"program": "dibao_urban", "members": [{"birth": "1950-03-01",}]}\n' >"$tmp/bad.json"
ok "a bad facts file" status_is 1 benefit --facts "$tmp/bad.json" --date 2026-07-01
ok "  one clear sentence" one_sentence
ok "  where it broke" says "not valid JSON: line 1, column 63"
printf '{"program": "dibao_urban", "members": [{"birth": "1950-03-01", "income": 5}]}\n' >"$tmp/typo.json"
ok "a misspelt field" status_is 1 benefit --facts "$tmp/typo.json" --date 2026-07-01
ok "  named" says "unknown field “members[0].income”"
ok "a missing facts file" status_is 1 benefit --facts "$tmp/none.json" --date 2026-07-01
ok "  one clear sentence" one_sentence
ok "a date before any standard" status_is 1 benefit --facts "$tmp/issue.json" --date 2024-01-01
ok "  names the standard and the date" says "(dibao) is in force on 2024-01-01"
ok "neither facts nor case" status_is 2 benefit --date 2026-07-01
ok "both facts and case" status_is 2 benefit --facts "$tmp/issue.json" --case 1
ok "a wrong date" status_is 2 benefit --facts "$tmp/issue.json" --date 01.07.2026

# a case of the database: the issue's household, the head born 1950-03-01
sqlite3 "$db" "INSERT INTO households (id, region_id, hukou, opened_on) VALUES (1, 3, 'urban', '2020-01-01');
  INSERT INTO persons (id, household_id, name, id_number, relation, sex, birth_date, disability_kind, disability_grade)
    VALUES (1, 1, '甲', '000000195003010000', 'head', 'M', '1950-03-01', 'limb', 1);
  UPDATE households SET head_person_id = 1;
  INSERT INTO incomes (person_id, kind, monthly_amount) VALUES (1, 'pension', 30000);
  INSERT INTO cases (id, household_id, program, status, applied_on) VALUES (1, 1, 'dibao_urban', 'active', '2025-01-01');"
ok "benefit --case" status_is 0 benefit --case 1 --date 2026-07-01 --json
ok "  from the file, with the township's standard" total_is 74000
ok "a case that does not exist" status_is 1 benefit --case 99 --date 2026-07-01
ok "  one clear sentence" one_sentence


# ---- preview (提标测算) ----

demo="$tmp/demo.db"
preview () { "$cli" --db "$demo" standards preview "$@"; }
ok "a demo district to preview on" status_is 0 "$cli" --db "$demo" demo --households 400 --seed 11 --until 2025-06
urban=$(sqlite3 "$demo" "SELECT amount FROM standards WHERE kind = 'dibao' AND hukou = 'urban' AND region_id IS NULL AND effective_from <= '2025-08-01' ORDER BY effective_from DESC LIMIT 1")
raised=$(( (urban + 5000) / 100 ))
cp "$demo" "$tmp/demo-before.db"

ok "standards preview --help" status_is 0 "$cli" standards preview --help
ok "  says what the columns are" prints 'program, township, households, persons'
ok "preview an urban dibao raise" status_is 0 preview dibao "$raised" --hukou urban --from 2025-08-01
ok "  TSV of six fields" test "$(awk -F'\t' 'NF != 6' "$tmp/stdout" | wc -l)" -eq 0
ok "  urban dibao, per township" prints '^dibao_urban\t[^\t]+\t[1-9][0-9]*\t[1-9][0-9]*\t[1-9][0-9]*\t[1-9][0-9]*$'
ok "  and the tekun basic amount" prints '^tekun_(dispersed|centralized)\t'
ok "  but no rural dibao" bash -c "! grep -q '^dibao_rural' '$tmp/stdout'"
ok "  a total row last" bash -c "tail -1 '$tmp/stdout' | grep -qP '^total\t\t'"
ok "  the total is the sum of the rows" test "$(awk -F'\t' '$1 != "total" { h += $3; p += $4; m += $5; y += $6 } $1 == "total" { t = $3 "/" $4 "/" $5 "/" $6 } END { print (h >= $3) " " (p == $4) " " (m == $5) " " (y == $6) }' "$tmp/stdout")" = "1 1 1 1"
ok "  a year is twelve months" test "$(awk -F'\t' '$6 != 12 * $5' "$tmp/stdout" | wc -l)" -eq 0
ok "  nothing was written" cmp -s <(sqlite3 "$tmp/demo-before.db" .dump) <(sqlite3 "$demo" .dump)
cut -f1,2 "$tmp/stdout" | grep -v '^total' | head -1 | cut -f2 >"$tmp/township"
township=$(cat "$tmp/township")
ok "one township's own value" status_is 0 preview dibao "$raised" --hukou urban --township "$township" --from 2025-08-01
ok "  changes that township only" test "$(grep -v '^total' "$tmp/stdout" | cut -f2 | sort -u)" = "$township"
ok "saved, the same value" status_is 0 "$cli" --db "$demo" standards set dibao "$raised" --hukou urban --from 2025-08-01
ok "  previews no change" status_is 0 preview dibao "$raised" --hukou urban --from 2025-08-01
ok "  only a total of zeros" test "$(cat "$tmp/stdout")" = "$(printf 'total\t\t0\t0\t0\t0')"
ok "temporary assistance" status_is 0 preview temp_illness_max 13 --from 2025-08-01
ok "  has no monthly change" test ! -s "$tmp/stdout"
ok "  and says why" says "paid once"
ok "a deadline of the workflow" status_is 0 preview notice_days 10 --from 2025-08-01
ok "  changes no amount either" bash -c "test ! -s '$tmp/stdout' && grep -q 'No benefit amount' '$tmp/stderr'"
ok "dibao without hukou" status_is 1 preview dibao 700 --from 2025-08-01
ok "  says to choose one" says "urban and rural"
ok "a village is no township" status_is 1 preview dibao 700 --hukou urban --township "$(sqlite3 "$demo" "SELECT name FROM regions WHERE level = 'village' LIMIT 1")" --from 2025-08-01
ok "  one clear sentence" one_sentence
ok "no date" status_is 2 preview dibao 700 --hukou urban
ok "a value that does not read" status_is 1 preview dibao 7,00 --hukou urban --from 2025-08-01
ok "  one clear sentence" one_sentence

echo "1..$n"
exit $failed
