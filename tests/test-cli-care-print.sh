#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# jiuzhu-cli care agreement-pdf and care visit-form: the care agreement and
# the blank visit form as PDF, read back with pdftotext. TAP output.
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

one_sentence () {  # stderr says something, with no trace, SQL or personal number in it
  [ "$(wc -l <"$tmp/stderr")" -ge 1 ] && ! grep -qiE 'sqlite|assert|critical|\.c:[0-9]|370302' "$tmp/stderr"
}

text_of () {  # the PDF's text without blanks or line breaks
  pdftotext -raw -enc UTF-8 "$1" - | tr -d ' \n'
}

pages_of () {
  pdfinfo "$1" | awk '/^Pages:/ { print $2 }'
}

db=$tmp/c.db
"$cli" --db "$db" init >/dev/null
# The minimum wage 1,950.00 and half care at 65 % of it: 1,267.50 a month.
sqlite3 "$db" "
  INSERT INTO regions (id, parent_id, level, kind, code, name) VALUES
    (1, NULL, 'district', 'district', '370302', '青禾区'),
    (2, 1, 'township', 'town', '370302101', '柳河镇'),
    (3, 2, 'village', 'village', '370302101201', '王家庄村');
  INSERT INTO households (id, region_id, hukou, address, opened_on) VALUES
    (1, 3, 'rural', '王家庄村3组12号', '2025-11-03');
  INSERT INTO persons (id, household_id, name, id_number, relation, sex, birth_date, self_care) VALUES
    (1, 1, '王秀英', '370302194503020021', 'head', 'F', '1945-03-02', 'partial_care');
  UPDATE households SET head_person_id = 1 WHERE id = 1;
  INSERT INTO cases (id, household_id, person_id, program, status, applied_on, decided_on, starts_on) VALUES
    (1, 1, 1, 'tekun_dispersed', 'active', '2025-11-03', '2025-12-01', '2026-01-01');
  INSERT INTO caregivers (id, kind, name, id_number, phone, address, bank, bank_account) VALUES
    (1, 'person', '李建国', '370302197001010011', '13912345678', '柳河镇王家庄村3组15号',
     '中国农业银行柳河支行', '6228480012345678901');
  INSERT INTO care_agreements (id, number, person_id, case_id, township_id, caregiver_id, relation, tier,
                               monthly_fee, care_content, frequency, starts_on, ends_on, signed_on, status,
                               ended_on, end_reason) VALUES
    (1, '370302101-2026-0001', 1, 1, 2, 1, '邻居', 'partial_care', 126750, '助餐、洗衣、打扫卫生', '每日上门一次',
     '2025-01-01', '2025-12-31', '2024-12-28', 'terminated', '2025-06-30', '照料人外出务工'),
    (2, '370302101-2026-0002', 1, 1, 2, 1, '邻居', 'partial_care', 126750, '助餐、洗衣、打扫卫生', '每日上门一次',
     '2026-01-01', '2026-12-31', '2025-12-28', 'active', NULL, NULL);
  INSERT INTO meta (key, value) VALUES ('office_name', '青禾区民政局');"

mkdir "$tmp/out"
ok "agreement as PDF" status_is 0 "$cli" --db "$db" care agreement-pdf 2 --out "$tmp/out/agreement.pdf"
ok "  prints the number of pages" test "$(cat "$tmp/stdout")" = 1
ok "  on one sheet" test "$(pages_of "$tmp/out/agreement.pdf")" = 1
text_of "$tmp/out/agreement.pdf" >"$tmp/agreement.txt"
ok "  has the title and the number" grep -q "委托照料协议书协议编号：370302101-2026-0002" "$tmp/agreement.txt"
ok "  甲方, the township and the office" grep -q "甲方（委托方）：柳河镇人民政府主管部门：青禾区民政局" "$tmp/agreement.txt"
ok "  乙方 with the full ID number and the account" \
  bash -c "grep -q '乙方（受托照料人）：李建国' '$tmp/agreement.txt' && grep -q '370302197001010011' '$tmp/agreement.txt' && grep -q '6228480012345678901' '$tmp/agreement.txt'"
ok "  丙方" grep -q "丙方（被照料人）：王秀英公民身份号码：370302194503020021" "$tmp/agreement.txt"
ok "  the fee in figures and in capitals" grep -q "每月人民币1,267.50元（大写：壹仟贰佰陆拾柒元伍角整）" "$tmp/agreement.txt"
ok "  the term" grep -q "自2026年1月1日起至2026年12月31日止" "$tmp/agreement.txt"
ok "  the three signature boxes" grep -q "甲方（盖章）乙方（签字）丙方（签字或按手印）" "$tmp/agreement.txt"

ok "visit form as PDF" status_is 0 "$cli" --db "$db" care visit-form --out "$tmp/out/visit.PDF"
ok "  prints the number of pages" test "$(cat "$tmp/stdout")" = 1
text_of "$tmp/out/visit.PDF" >"$tmp/visit.txt"
ok "  has the seven checks" bash -c "for c in Food Clothing Housingsafety Health Hygiene Caregiverpresent Moneyreceived; do grep -q \"\$c\" '$tmp/visit.txt' || exit 1; done"
ok "  with two boxes each, and two for the way of visiting" test "$(grep -o '□' "$tmp/visit.txt" | wc -l)" = 16
ok "  names the office" grep -q "青禾区民政局" "$tmp/visit.txt"
ok "  and nobody" bash -c "! grep -qE '王秀英|李建国|370302' '$tmp/visit.txt'"

echo old >"$tmp/out/kept.pdf"
ok "an ended agreement is not printed" status_is 1 "$cli" --db "$db" care agreement-pdf 1 --out "$tmp/out/kept.pdf"
ok "  says so in one sentence" one_sentence
ok "  and leaves the file there alone" test "$(cat "$tmp/out/kept.pdf")" = old
ok "an agreement that does not exist" status_is 1 "$cli" --db "$db" care agreement-pdf 99 --out "$tmp/out/none.pdf"
ok "  fails in one sentence" one_sentence
ok "into a missing folder" status_is 1 "$cli" --db "$db" care agreement-pdf 2 --out "$tmp/out/gone/x.pdf"
ok "  fails in one sentence" one_sentence
ok "the form into a missing folder" status_is 1 "$cli" --db "$db" care visit-form --out "$tmp/out/gone/x.pdf"
ok "nothing half-written is left behind" \
  test "$(ls -A "$tmp/out" | tr '\n' ' ')" = "agreement.pdf kept.pdf visit.PDF "

ok "without --out" status_is 2 "$cli" --db "$db" care agreement-pdf 2
ok "without an agreement" status_is 2 "$cli" --db "$db" care agreement-pdf --out "$tmp/out/x.pdf"
ok "two agreements" status_is 2 "$cli" --db "$db" care agreement-pdf 1 2 --out "$tmp/out/x.pdf"
ok "the printed number instead of the id" status_is 2 "$cli" --db "$db" care agreement-pdf 370302101-2026-0002 --out "$tmp/out/x.pdf"
ok "another kind of file" status_is 2 "$cli" --db "$db" care agreement-pdf 2 --out "$tmp/out/x.png"
ok "  says .pdf" grep -q "\.pdf" "$tmp/stderr"
ok "the form without --out" status_is 2 "$cli" --db "$db" care visit-form
ok "the form with a stray argument" status_is 2 "$cli" --db "$db" care visit-form 2 --out "$tmp/out/x.pdf"
ok "nothing was written on a usage error" test ! -e "$tmp/out/x.pdf"
ok "--help names the argument" bash -c "'$cli' care agreement-pdf --help | grep -q 'AGREEMENT_ID'"

echo "1..$n"
exit $failed
