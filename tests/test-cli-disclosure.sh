#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end tests of jiuzhu-cli disclosure on the demo database: the
# lists of a township and of a village as PDF, .xlsx and HTML, the rows
# they hold, the record of every list produced, and a scan of every
# output for anything shaped like an ID number, a mobile phone or a bank
# account, with and without the partial ID number.  TAP output.
set -uo pipefail

cli=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data"
export LC_ALL=C.UTF-8 LANGUAGE=en
# The default month of a long-term list is this month: 2026-10.
export JIUZHU_TODAY=2026-10-15
py=/usr/bin/python3
db=$tmp/demo.db
out=$tmp/out
mkdir -p "$out"
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
  [ "$(grep -c . "$tmp/stderr")" -le 2 ] && ! grep -qiE 'sqlite|assert|critical|\.c:[0-9]|[0-9]{6}' "$tmp/stderr"
}

sql () {
  sqlite3 "$db" "$1"
}

log_rows () {
  sql "SELECT count(*) FROM disclosure_log"
}

last_log () {  # last_log EXPR: EXPR over the newest record
  sql "SELECT $1 FROM disclosure_log ORDER BY id DESC LIMIT 1"
}

# The text a reader gets out of FILE, one file per format, into $tmp/text.
text_of () {
  case $1 in
    *.pdf) pdftotext -layout -enc UTF-8 "$1" "$tmp/text" ;;
    *.xlsx)
      "$py" - "$1" >"$tmp/text" <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
for ws in wb.worksheets:
    print("sheet", ws.title)
    for part in (ws.oddHeader, ws.oddFooter, ws.evenHeader, ws.evenFooter, ws.firstHeader, ws.firstFooter):
        for side in (part.left, part.center, part.right):
            if side.text:
                print("band", side.text)
    for row in ws.iter_rows(values_only=True):
        print("row", "|".join("" if v is None else str(v) for v in row))
PY
      ;;
    *.html)
      "$py" - "$1" >"$tmp/text" <<'PY'
import sys, html.parser
class Text(html.parser.HTMLParser):
    def handle_data(self, data):
        if data.strip():
            print(data.strip())
Text().feed(open(sys.argv[1], encoding="utf-8").read())
PY
      ;;
  esac
}

# Every byte of FILE as stored (the XML parts of an .xlsx unzipped), into
# $tmp/raw; nothing for a PDF, whose text is glyph numbers in compressed
# streams beside binary fonts: its text is what counts.
raw_of () {
  case $1 in
    *.xlsx) "$py" -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); sys.stdout.buffer.write(b"".join(z.read(n) for n in z.namelist()))' "$1" >"$tmp/raw" ;;
    *.pdf) : >"$tmp/raw" ;;
    *) cp "$1" "$tmp/raw" ;;
  esac
}

# No ID number, mobile phone or bank account: neither anything shaped like
# one, in the text, in the text with all blanks taken out, and in the file
# as stored, nor any of the database's own.
nothing_private () {  # nothing_private FILE
  text_of "$1" && raw_of "$1" || return 1
  tr -d ' \t\r\n' <"$tmp/text" >"$tmp/flat"
  local f
  for f in "$tmp/text" "$tmp/flat" "$tmp/raw"; do
    if grep -qaP '[0-9]{17}[0-9Xx]|(?<![0-9])1[3-9][0-9]{9}(?![0-9])|[0-9]{16,19}' "$f"; then
      echo "# shaped like an ID number, a phone or an account in $(basename "$f") of $(basename "$1"):"
      grep -oaP '[0-9]{17}[0-9Xx]|(?<![0-9])1[3-9][0-9]{9}(?![0-9])|[0-9]{16,19}' "$f" | head -3 | sed 's/^/#   /'
      return 1
    fi
    if grep -qaF -f "$tmp/secrets" "$f"; then
      echo "# a number of the database in $(basename "$f") of $(basename "$1")"
      return 1
    fi
  done
}

# The partial ID numbers: as many as rows, 4 characters, 12 stars, 2.
partial_ids () {  # partial_ids FILE ROWS
  text_of "$1" || return 1
  local got
  got=$(grep -oP '(?<![0-9])[0-9]{4}\*{12}[0-9Xx]{2}(?![0-9Xx])' "$tmp/text" | wc -l)
  [ "$got" -eq "$2" ] || { echo "# $got partial ID numbers, wanted $2"; return 1; }
}

# The PDF's rows are numbered 1 to ROWS, each once.
pdf_numbers () {  # pdf_numbers FILE ROWS
  pdftotext -layout -enc UTF-8 "$1" "$tmp/text" || return 1
  grep -oP '^ *\K[0-9]+(?= +[^ 0-9])' "$tmp/text" >"$tmp/numbers"
  diff <(seq 1 "$2") "$tmp/numbers" >/dev/null || { echo "# the numbers of the rows are not 1 to $2"; return 1; }
}

# Every page says "Page N of M", M its page count, and has the header row.
pdf_pages () {  # pdf_pages FILE
  local pages page
  pages=$(pdfinfo "$1" | awk '/^Pages:/ { print $2 }')
  pdfinfo "$1" | grep -q '^Page size: *\(595.276 x 841.89\|841.89 x 595.276\) pts (A4)' || { echo "# not A4"; return 1; }
  for page in $(seq 1 "$pages"); do
    pdftotext -layout -enc UTF-8 -f "$page" -l "$page" "$1" "$tmp/page"
    grep -qP "Page $page of $pages(?![0-9])" "$tmp/page" || { echo "# page $page: no 'Page $page of $pages'"; return 1; }
    grep -q "Monthly amount (yuan)" "$tmp/page" || { echo "# page $page: no header row"; return 1; }
  done
}

# Every name in $tmp/names is in the text of FILE.
has_names () {  # has_names FILE
  text_of "$1" || return 1
  local missing
  missing=$(while read -r name; do grep -qF "$name" "$tmp/text" || echo "$name"; done <"$tmp/names" | wc -l)
  [ "$missing" -eq 0 ] || { echo "# $missing names missing from $(basename "$1")"; return 1; }
}

xlsx_rows () {  # xlsx_rows FILE: the rows numbered in the first column
  text_of "$1" && grep -cP '^row [0-9]+\|' "$tmp/text"
}

ok "demo database" status_is 0 "$cli" --db "$db" demo --households 300 --seed 3 --until 2026-10
sql "INSERT INTO meta (key, value) VALUES ('office_complaint_phone', '0533-1234567')"
# The numbers that must never be printed.
sql "SELECT id_number FROM persons UNION SELECT phone FROM households WHERE phone <> ''
     UNION SELECT bank_account FROM households WHERE bank_account <> ''" | grep -v '^$' >"$tmp/secrets"
ok "  the database has ID numbers, phones and accounts to keep" \
  test "$(sql "SELECT (SELECT count(*) FROM persons) > 0 AND (SELECT count(*) FROM households WHERE phone <> '') > 0
                 AND (SELECT count(*) FROM households WHERE bank_account <> '') > 0")" = 1

township=$(sql "SELECT name FROM regions WHERE level = 'township' ORDER BY code LIMIT 1")
township_id=$(sql "SELECT id FROM regions WHERE level = 'township' ORDER BY code LIMIT 1")
# The people the long-term dibao list of October must hold at least: an
# active case started by then, in an open file, the person in it.
in_list () {  # in_list WHERE: names of such cases
  sql "SELECT coalesce (p.name, hp.name) FROM cases c JOIN households h ON h.id = c.household_id
       JOIN regions v ON v.id = h.region_id LEFT JOIN persons p ON p.id = c.person_id
       LEFT JOIN persons hp ON hp.id = h.head_person_id
       WHERE c.program IN ('dibao_urban', 'dibao_rural') AND c.status = 'active' AND c.starts_on <= '2026-10-31'
         AND h.status = 'open' AND coalesce (p.active, hp.active) = 1 AND $1"
}
village=$(sql "SELECT v.name FROM cases c JOIN households h ON h.id = c.household_id JOIN regions v ON v.id = h.region_id
               WHERE v.parent_id = $township_id AND c.program IN ('dibao_urban', 'dibao_rural') AND c.status = 'active'
               GROUP BY v.id ORDER BY count(*) DESC, v.code LIMIT 1")
village_id=$(sql "SELECT id FROM regions WHERE name = '$village' AND parent_id = $township_id")

# --- usage and failures -------------------------------------------------------

before=$(log_rows)
ok "no --program: usage" status_is 2 "$cli" --db "$db" disclosure --out "$out/x.pdf"
ok "no --out: usage" status_is 2 "$cli" --db "$db" disclosure --program dibao_urban
ok "a .doc: usage" status_is 2 "$cli" --db "$db" disclosure --program dibao_urban --out "$out/x.doc"
ok "an unknown kind: usage" status_is 2 "$cli" --db "$db" disclosure --program dibao_urban --kind weekly --out "$out/x.pdf"
ok "a month that does not read: usage" status_is 2 "$cli" --db "$db" disclosure --program dibao_urban --month 2026-13 --out "$out/x.pdf"
ok "a notice without its days: usage" status_is 2 "$cli" --db "$db" disclosure --program dibao_urban --kind notice --from 2026-10-01 --out "$out/x.pdf"
ok "days for a long-term list: usage" status_is 2 "$cli" --db "$db" disclosure --program dibao_urban --from 2026-10-01 --to 2026-10-07 --out "$out/x.pdf"
ok "a partial ID of 9,9: usage" status_is 2 "$cli" --db "$db" disclosure --program dibao_urban --partial-id 9,9 --out "$out/x.pdf"
ok "a stray argument: usage" status_is 2 "$cli" --db "$db" disclosure --program dibao_urban --out "$out/x.pdf" extra
ok "an unknown program: failure" status_is 1 "$cli" --db "$db" disclosure --program dibao --out "$out/x.pdf"
ok "  in one sentence" one_sentence
ok "an unknown township: failure" status_is 1 "$cli" --db "$db" disclosure --program dibao_urban --township 无此镇 --out "$out/x.pdf"
ok "  in one sentence" one_sentence
ok "an unknown village: failure" status_is 1 "$cli" --db "$db" disclosure --program dibao_urban --village 无此村 --out "$out/x.pdf"
ok "a folder that does not exist: failure" status_is 1 "$cli" --db "$db" disclosure --program dibao_urban --out "$tmp/missing/x.pdf"
ok "  in one sentence" one_sentence
ok "nothing written, nothing recorded" test "$(ls -A "$out")" = "" -a "$(log_rows)" = "$before"

# --- the township ---------------------------------------------------------------

in_list "v.parent_id = $township_id" >"$tmp/names"
ok "the township has people on the list" test "$(wc -l <"$tmp/names")" -gt 3

ok "township PDF" status_is 0 "$cli" --db "$db" disclosure --program dibao_urban,dibao_rural --township "$township" --out "$out/township.pdf"
rows=$(cat "$tmp/stdout")
ok "  prints the number of rows, at least the active cases" test "$rows" -ge "$(wc -l <"$tmp/names")"
ok "  rows numbered 1 to $rows" pdf_numbers "$out/township.pdf" "$rows"
ok "  every active case's name" has_names "$out/township.pdf"
ok "  A4, Page N of M and the header row on every page" pdf_pages "$out/township.pdf"
ok "  title, period, office and complaint phone" bash -c "pdftotext '$out/township.pdf' - | tr -d ' \n' | grep -q 'Period:2026-10' &&
  pdftotext '$out/township.pdf' - | tr -d ' \n' | grep -q 'CivilAffairsBureau' &&
  pdftotext '$out/township.pdf' - | grep -q '0533-1234567'"
ok "  recorded" test "$(log_rows)" = "$((before + 1))"
ok "  as a pdf of $rows rows by the user of the shell" \
  test "$(last_log "format || '|' || rows || '|' || user_name")" = "pdf|$rows|$(id -un)"
ok "  with its choices" test "$(last_log "json_extract (choices, '\$.kind') || '|' || json_extract (choices, '\$.region_id') || '|' ||
  json_extract (choices, '\$.month') || '|' || json_extract (choices, '\$.programs') || '|' || json_extract (choices, '\$.id_head')")" \
  = "longterm|$township_id|2026-10|[\"dibao_urban\",\"dibao_rural\"]|0"
ok "  nothing private" nothing_private "$out/township.pdf"

ok "township PDF with partial IDs, a page per village" status_is 0 "$cli" --db "$db" disclosure --program dibao_urban,dibao_rural \
  --township "$township" --partial-id 4,2 --by-village --out "$out/township-partial.pdf"
ok "  the same rows" test "$(cat "$tmp/stdout")" = "$rows"
ok "  a partial ID a row, stars in the middle" partial_ids "$out/township-partial.pdf" "$rows"
ok "  nothing private" nothing_private "$out/township-partial.pdf"
ok "  A4, Page N of M and the header row on every page" pdf_pages "$out/township-partial.pdf"
villages=$(pdftotext "$out/township-partial.pdf" - | grep -cP "^$township [^0-9 ]")
ok "  a page at least per village" test "$(pdfinfo "$out/township-partial.pdf" | awk '/^Pages:/ { print $2 }')" -ge "$villages" -a "$villages" -gt 1
ok "  recorded with 4,2" test "$(last_log "json_extract (choices, '\$.id_head') || ',' || json_extract (choices, '\$.id_tail')")" = "4,2"

for format in xlsx html; do
  ok "township $format" status_is 0 "$cli" --db "$db" disclosure --program dibao_urban,dibao_rural --township "$township" --out "$out/township.$format"
  ok "  the same rows" test "$(cat "$tmp/stdout")" = "$rows"
  ok "  every active case's name" has_names "$out/township.$format"
  ok "  recorded as $format" test "$(last_log "format || '|' || rows")" = "$format|$rows"
  ok "  nothing private" nothing_private "$out/township.$format"
  ok "township $format with partial IDs" status_is 0 "$cli" --db "$db" disclosure --program dibao_urban,dibao_rural \
    --township "$township" --partial-id 4,2 --out "$out/township-partial.$format"
  ok "  a partial ID a row, stars in the middle" partial_ids "$out/township-partial.$format" "$rows"
  ok "  nothing private" nothing_private "$out/township-partial.$format"
done
ok "  the .xlsx has a numbered line per row" test "$(xlsx_rows "$out/township.xlsx")" = "$rows"

# --- the village ----------------------------------------------------------------

in_list "v.id = $village_id" >"$tmp/names"
for format in pdf xlsx html; do
  ok "village $format" status_is 0 "$cli" --db "$db" disclosure --program dibao_urban,dibao_rural --township "$township" \
    --village "$village" --out "$out/village.$format"
  vrows=$(cat "$tmp/stdout")
  ok "  at least its active cases, fewer than the township's" test "$vrows" -ge "$(wc -l <"$tmp/names")" -a "$vrows" -lt "$rows"
  ok "  every active case's name" has_names "$out/village.$format"
  ok "  recorded for the village" test "$(last_log "format || '|' || rows || '|' || json_extract (choices, '\$.region_id')")" = "$format|$vrows|$village_id"
  ok "  nothing private" nothing_private "$out/village.$format"
  ok "village $format, partial IDs, masked names, remarks" status_is 0 "$cli" --db "$db" disclosure --program dibao_urban,dibao_rural \
    --village "$village" --partial-id 4,2 --mask-names --remarks --out "$out/village-options.$format"
  ok "  the same rows" test "$(cat "$tmp/stdout")" = "$vrows"
  ok "  a partial ID a row" partial_ids "$out/village-options.$format" "$vrows"
  ok "  no given name in full" bash -c "! grep -qF -f '$tmp/names' '$tmp/text'"
  ok "  nothing private" nothing_private "$out/village-options.$format"
  ok "  recorded with the options" test "$(last_log "json_extract (choices, '\$.mask_names') || json_extract (choices, '\$.remarks')")" = "11"
done
ok "  the village PDF's rows numbered 1 to $vrows" pdf_numbers "$out/village.pdf" "$vrows"

# --- a notice, users ----------------------------------------------------------------

ok "notice of August to October" status_is 0 "$cli" --db "$db" disclosure --program dibao_urban,dibao_rural,disability_living,disability_care \
  --kind notice --from 2026-08-01 --to 2026-10-31 --out "$out/notice.pdf"
nrows=$(cat "$tmp/stdout")
ok "  rows" test "$nrows" -gt 0
ok "  rows numbered 1 to $nrows" pdf_numbers "$out/notice.pdf" "$nrows"
ok "  its days and how to object" bash -c "pdftotext '$out/notice.pdf' - | tr -d ' \n' | grep -q 'publiclynoticedfrom2026-08-01to2026-10-31'"
ok "  new applications and ended support told apart" bash -c "pdftotext -layout '$out/notice.pdf' - | grep -q 'New application' &&
  pdftotext -layout '$out/notice.pdf' - | grep -q 'Support ended'"
ok "  recorded as a notice" test "$(last_log "json_extract (choices, '\$.kind') || '|' || json_extract (choices, '\$.notice_from') || '|' || rows")" = "notice|2026-08-01|$nrows"
ok "  nothing private" nothing_private "$out/notice.pdf"
for format in xlsx html; do
  ok "notice $format with partial IDs" status_is 0 "$cli" --db "$db" disclosure --program dibao_urban,dibao_rural,disability_living,disability_care \
    --kind notice --from 2026-08-01 --to 2026-10-31 --partial-id 4,2 --out "$out/notice.$format"
  ok "  nothing private" nothing_private "$out/notice.$format"
done

clerk=$(sql "SELECT u.name FROM users u WHERE u.role = 'clerk' AND u.region_id = $township_id LIMIT 1")
other=$(sql "SELECT u.name FROM users u WHERE u.role = 'clerk' AND u.region_id <> $township_id LIMIT 1")
ok "a clerk's list is of their township" status_is 0 "$cli" --db "$db" disclosure --program dibao_urban,dibao_rural --user "$clerk" --out "$out/clerk.pdf"
ok "  the township's rows" test "$(cat "$tmp/stdout")" = "$rows"
ok "  recorded under the clerk's name" test "$(last_log "user_name || '|' || json_extract (choices, '\$.region_id')")" = "$clerk|$township_id"
before=$(log_rows)
ok "a clerk of another township may not list this one" status_is 1 "$cli" --db "$db" disclosure --program dibao_urban \
  --township "$township" --user "$other" --out "$out/other.pdf"
ok "  in one sentence" one_sentence
ok "  nothing written, nothing recorded" test ! -e "$out/other.pdf" -a "$(log_rows)" = "$before"

ok "no file left half-written" test -z "$(find "$out" -name '*.tmp*' -o -name '.*' -type f)"

echo "1..$n"
exit $failed
