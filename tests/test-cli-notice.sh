#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# jiuzhu-cli case-notice: the approval and refusal notices as PDF and PNG,
# read back with pdftotext. TAP output.
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

one_sentence () {  # stderr says something, with no trace or SQL in it
  [ "$(wc -l <"$tmp/stderr")" -ge 1 ] && ! grep -qiE 'sqlite|assert|critical|\.c:[0-9]' "$tmp/stderr"
}

text_of () {  # the PDF's text without blanks or line breaks
  pdftotext -raw -enc UTF-8 "$1" - | tr -d ' \n'
}

png_size () {  # WIDTHxHEIGHT from the PNG header
  od -An -tu1 -j16 -N8 "$1" | awk '{ printf "%dx%d", $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8 }'
}

db=$tmp/n.db
"$cli" --db "$db" init >/dev/null
sqlite3 "$db" "
  INSERT INTO regions (id, parent_id, level, kind, code, name) VALUES
    (1, NULL, 'district', 'district', '370302', '青禾区'),
    (2, 1, 'township', 'town', '370302101', '柳河镇'),
    (3, 2, 'village', 'village', '370302101201', '王家庄村');
  INSERT INTO households (id, region_id, hukou, phone, bank_account, opened_on) VALUES
    (1, 3, 'rural', '13812345678', '6222020200112233445', '2025-12-01');
  INSERT INTO persons (id, household_id, name, id_number, relation, sex, birth_date) VALUES
    (1, 1, '李秀英', '110105194912310021', 'head', 'F', '1949-12-31');
  UPDATE households SET head_person_id = 1 WHERE id = 1;
  INSERT INTO cases (id, household_id, program, status, applied_on, decided_on, starts_on, persons, monthly_amount, reason) VALUES
    (1, 1, 'dibao_rural', 'active', '2026-01-05', '2026-02-10', '2026-03-01', 1, 56780, NULL),
    (2, 1, 'temporary', 'rejected', '2026-01-06', '2026-02-11', NULL, 1, 0, '申请事项不属于临时救助范围。'),
    (3, 1, 'dibao_rural', 'submitted', '2026-03-02', NULL, NULL, 1, 0, NULL);
  INSERT INTO case_history (case_id, on_date, status, monthly_amount, breakdown) VALUES
    (1, '2026-02-10', 'approved', 56780,
     '{\"total\": 56780, \"lines\": [{\"label\": \"补差\", \"formula\": \"800.00 − 232.20\", \"amount\": 56780}]}');
  INSERT INTO meta (key, value) VALUES ('office_name', '青禾区民政局');"

mkdir "$tmp/out"
ok "approval notice as PDF" status_is 0 "$cli" --db "$db" case-notice 1 --out "$tmp/out/approval.pdf"
ok "  prints the number of pages" test "$(cat "$tmp/stdout")" = 1
text_of "$tmp/out/approval.pdf" >"$tmp/approval.txt"
ok "  has the title" grep -q "NoticeofApproval" "$tmp/approval.txt"
ok "  the applicant" grep -q "李秀英" "$tmp/approval.txt"
ok "  the amount" grep -q "567.80yuan" "$tmp/approval.txt"
ok "  the breakdown" grep -q "800.00−232.20" "$tmp/approval.txt"
ok "  the office" grep -q "青禾区民政局" "$tmp/approval.txt"
ok "  no ID number, phone or bank account" bash -c "! grep -qE '110105|13812345678|2233445' '$tmp/approval.txt'"

ok "refusal notice as PDF" status_is 0 "$cli" --db "$db" case-notice 2 --out "$tmp/out/refusal.PDF"
text_of "$tmp/out/refusal.PDF" >"$tmp/refusal.txt"
ok "  has the title" grep -q "NoticeofRefusal" "$tmp/refusal.txt"
ok "  the reason" grep -q "申请事项不属于临时救助范围。" "$tmp/refusal.txt"
ok "  the appeal route" grep -q "青禾区People'sGovernment" "$tmp/refusal.txt"

ok "approval notice as PNG" status_is 0 "$cli" --db "$db" case-notice 1 --out "$tmp/out/approval.png"
ok "  is a PNG of A4 at 150 dpi" test "$(png_size "$tmp/out/approval.png")" = "1240x1754"
ok "  at another resolution" status_is 0 "$cli" --db "$db" case-notice 1 --out "$tmp/out/small.png" --dpi 72
ok "  is smaller" test "$(png_size "$tmp/out/small.png")" = "595x842"
ok "a page past the last" status_is 1 "$cli" --db "$db" case-notice 1 --out "$tmp/out/p2.png" --page 2
ok "  fails in one sentence" one_sentence

echo old >"$tmp/out/kept.pdf"
ok "an undecided case has no notice" status_is 1 "$cli" --db "$db" case-notice 3 --out "$tmp/out/kept.pdf"
ok "  says so in one sentence" one_sentence
ok "  and leaves the file there alone" test "$(cat "$tmp/out/kept.pdf")" = old
ok "a case that does not exist" status_is 1 "$cli" --db "$db" case-notice 99 --out "$tmp/out/none.pdf"
ok "  fails in one sentence" one_sentence
ok "into a missing folder" status_is 1 "$cli" --db "$db" case-notice 1 --out "$tmp/out/gone/x.pdf"
ok "  fails in one sentence" one_sentence
ok "nothing half-written is left behind" \
  test "$(ls -A "$tmp/out" | tr '\n' ' ')" = "approval.pdf approval.png kept.pdf refusal.PDF small.png "

ok "without --out" status_is 2 "$cli" --db "$db" case-notice 1
ok "without a case" status_is 2 "$cli" --db "$db" case-notice --out "$tmp/out/x.pdf"
ok "a case number that is not one" status_is 2 "$cli" --db "$db" case-notice 1x --out "$tmp/out/x.pdf"
ok "another kind of file" status_is 2 "$cli" --db "$db" case-notice 1 --out "$tmp/out/x.docx"
ok "  names the kinds" grep -q "\.pdf or \.png" "$tmp/stderr"
ok "--help names the command" bash -c "'$cli' case-notice --help | grep -q 'CASE_ID'"

echo "1..$n"
exit $failed
