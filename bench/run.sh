#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Case-file benchmarks on a synthetic district, each beside its peer:
#
#   bench/run.sh [--size N] [--runs R] [--cache DIR] [--build DIR]
#                [--cli PATH] [--harness PATH] [--raw PATH]
#
#   --size N      households in the district (default 400000, ≈1M persons;
#                 env JZ_BENCH_SIZE)
#   --runs R      runs of each timed command, the median is shown (default 3;
#                 env JZ_BENCH_RUNS).  The Python peers run once at sizes
#                 above 20,000 households: they take minutes.
#   --cache DIR   where the district is built once per size and schema and
#                 kept (default ~/.cache/jiuzhu-bench; env JZ_BENCH_CACHE)
#   --build DIR   the build folder with the programs (default _build)
#
# Prints a Markdown table of medians with the ratios to the peers and the
# targets of the Case files issue, then the machine it ran on.  Needs
# sqlite3, GNU time (/usr/bin/time) and, for the Python peers,
# python3-xlsxwriter and python3-openpyxl; a missing peer shows as n/a.
# No timing decides the exit status: it fails only when a program fails or
# the programs disagree on what they found or wrote.
set -euo pipefail

size=${JZ_BENCH_SIZE:-400000}
runs=${JZ_BENCH_RUNS:-3}
cache=${JZ_BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/jiuzhu-bench}
build=${JZ_BENCH_BUILD:-_build}
cli='' harness='' raw=''
while [ $# -gt 0 ]; do
  case $1 in
    --size) size=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --cache) cache=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    --cli) cli=$2; shift 2 ;;
    --harness) harness=$2; shift 2 ;;
    --raw) raw=$2; shift 2 ;;
    -h|--help) sed -n '3,23p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
cli=${cli:-$build/app/cli/jiuzhu-cli}
harness=${harness:-$build/bench/jz-bench}
raw=${raw:-$build/bench/raw-xlsx}
here=$(cd "$(dirname "$0")" && pwd)
python=/usr/bin/python3
export LC_ALL=C.UTF-8 LANGUAGE=en

for program in "$cli" "$harness" "$raw"; do
  [ -x "$program" ] || { echo "run.sh: $program is missing; build first (ninja -C $build)" >&2; exit 1; }
done
for tool in sqlite3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is needed (Debian: sqlite3, time)" >&2; exit 1; }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
note () { echo "# $*" >&2; }

median () {  # median of the numbers on stdin
  sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
ratio () { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
at_most () { awk -v a="$1" -v b="$2" 'BEGIN { print (a <= b) ? "yes" : "no" }'; }

# --- the district, built once per size and schema ---------------------------------

# Keyed by the schema's SQL, which may change in place while it is developed.
schema=$(cat "$here"/../data/sql/*.sql | sha256sum | cut -c1-12)
mkdir -p "$cache"
db="$cache/demo-$size-$schema.db"
if [ ! -s "$db" ]; then
  note "building the district of $size households in $db (once)"
  rm -f "$db.part" "$db.part-wal" "$db.part-shm"
  start=$(date +%s.%N)
  "$cli" --db "$db.part" demo --households "$size" --seed 1 --until 2026-10
  sqlite3 "$db.part" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
  rm -f "$db.part-wal" "$db.part-shm"
  mv "$db.part" "$db"
  note "built in $(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.0f", e - s }') s"
fi
households=$(sqlite3 -readonly "$db" "SELECT count(*) FROM households WHERE status = 'open'")
persons=$(sqlite3 -readonly "$db" "SELECT count(*) FROM persons p JOIN households h ON h.id = p.household_id WHERE p.active = 1 AND h.status = 'open'")

# --- 20 searches: count and first page, ours and the sqlite3 shell ------------------

note "20 searches through app/core"
"$harness" search "$db" 5 >"$tmp/ours.tsv"
read -r ours_p50 ours_p95 < <(awk -F'\t' '$1 == "P" { print $2, $3 }' "$tmp/ours.tsv")

note "the same 20 searches in the sqlite3 shell"
repeat=20
mkdir "$tmp/sql"
"$harness" search-sql "$db" "$tmp/sql" "$repeat"
shell_ns () {  # wall time of one shell run of the script, in ns
  local start end
  start=$(date +%s%N)
  sqlite3 -readonly -batch "$db" <"$1" >/dev/null
  end=$(date +%s%N)
  echo $((end - start))
}
base=$(for i in 1 2 3 4 5; do shell_ns "$tmp/sql/baseline.sql"; done | median)
: >"$tmp/shell.ms"
for k in $(seq -w 1 20); do
  count=$(sqlite3 -readonly -batch "$db" <"$tmp/sql/count-$k.sql")
  ours_count=$(awk -F'\t' -v k="$((10#$k))" '$1 == "S" && $2 == k { print $4 }' "$tmp/ours.tsv")
  if [ "$count" != "$ours_count" ]; then
    echo "run.sh: search $k finds $ours_count households through app/core, $count in the shell" >&2
    exit 1
  fi
  # The shell's start and the file's opening are taken off; what stays is
  # the time of the two statements, averaged over $repeat repeats.
  ns=$(for i in 1 2 3; do shell_ns "$tmp/sql/search-$k.sql"; done | median)
  awk -v n="$ns" -v b="$base" -v r="$repeat" 'BEGIN { v = (n - b) / r / 1e6; printf "%.3f\n", v < 0 ? 0 : v }' >>"$tmp/shell.ms"
done
shell_p50=$(median <"$tmp/shell.ms")
shell_p95=$(sort -g "$tmp/shell.ms" | sed -n 19p)

# --- export of all persons to .xlsx ----------------------------------------------------

measure () {  # measure NAME COMMAND...: appends "seconds KiB rows" to $tmp/NAME
  local name=$1
  shift
  if ! /usr/bin/time -f '%e %M' -o "$tmp/time" "$@" >"$tmp/rows" 2>"$tmp/stderr"; then
    echo "run.sh: $* failed:" >&2
    cat "$tmp/stderr" >&2
    exit 1
  fi
  echo "$(cat "$tmp/time") $(tail -n 1 "$tmp/rows")" >>"$tmp/$name"
  rm -f "$tmp/out.xlsx"
}

have_xlsxwriter=no have_openpyxl=no
"$python" -c 'import xlsxwriter' 2>/dev/null && have_xlsxwriter=yes
"$python" -c 'import openpyxl' 2>/dev/null && have_openpyxl=yes
python_runs=$runs
[ "$size" -le 20000 ] || python_runs=1

note "export of $persons persons: Jiuzhu and raw libxlsxwriter, $runs runs each"
for r in $(seq "$runs"); do
  measure ours "$cli" --db "$db" export households --out "$tmp/out.xlsx"
  measure raw "$raw" "$db" "$tmp/out.xlsx"
done
if [ "$have_xlsxwriter" = yes ]; then
  note "export: Python XlsxWriter, $python_runs run(s)"
  for r in $(seq "$python_runs"); do measure xlsxwriter "$python" "$here/py-export.py" xlsxwriter "$db" "$tmp/out.xlsx"; done
fi
if [ "$have_openpyxl" = yes ]; then
  note "export: openpyxl, $python_runs run(s)"
  for r in $(seq "$python_runs"); do measure openpyxl "$python" "$here/py-export.py" openpyxl "$db" "$tmp/out.xlsx"; done
fi

for peer in ours raw xlsxwriter openpyxl; do
  [ -s "$tmp/$peer" ] || continue
  bad=$(awk -v want="$persons" '$3 != want' "$tmp/$peer")
  if [ -n "$bad" ]; then
    echo "run.sh: $peer wrote other than $persons rows: $bad" >&2
    exit 1
  fi
done
seconds () { [ -s "$tmp/$1" ] && awk '{ print $1 }' "$tmp/$1" | median || echo n/a; }
mib () { [ -s "$tmp/$1" ] && awk '{ print $2 / 1024 }' "$tmp/$1" | median | awk '{ printf "%.1f", $1 }' || echo n/a; }
faster () { [ "$2" = n/a ] && echo n/a || ratio "$2" "$1"; }

ours_s=$(seconds ours) raw_s=$(seconds raw) xw_s=$(seconds xlsxwriter) op_s=$(seconds openpyxl)
ours_mb=$(mib ours) raw_mb=$(mib raw) xw_mb=$(mib xlsxwriter) op_mb=$(mib openpyxl)

# --- the table ---------------------------------------------------------------------------

yes_if () { [ "$1" = n/a ] && echo n/a || echo "$1"; }
echo
echo "District: $size households generated, $households open files, $persons persons on file."
echo
echo "| measure | Jiuzhu | peer | peer's value | ratio | target | met |"
echo "|---|---:|---|---:|---:|---|---|"
echo "| search, p50 (ms) | $ours_p50 | sqlite3 shell, same SQL | $shell_p50 | $(ratio "$ours_p50" "$shell_p50")× | — | |"
echo "| search, p95 (ms) | $ours_p95 | sqlite3 shell, same SQL | $shell_p95 | $(ratio "$ours_p95" "$shell_p95")× | ≤ 20 ms | $(at_most "$ours_p95" 20) |"
echo "| export time (s) | $ours_s | raw libxlsxwriter (C) | $raw_s | $(ratio "$ours_s" "$raw_s")× as long | ≤ 1.2× | $(at_most "$(ratio "$ours_s" "$raw_s")" 1.2) |"
xw_ratio=$(faster "$ours_s" "$xw_s")
echo "| export time (s) | $ours_s | Python XlsxWriter | $xw_s | $xw_ratio× faster | ≥ 4× faster | $( [ "$xw_ratio" = n/a ] && echo n/a || awk -v r="$xw_ratio" 'BEGIN { print (r >= 4) ? "yes" : "no" }') |"
echo "| export time (s) | $ours_s | openpyxl, write-only | $op_s | $(faster "$ours_s" "$op_s")× faster | — | |"
echo "| export peak RSS (MiB) | $ours_mb | raw libxlsxwriter (C) | $raw_mb | $(ratio "$ours_mb" "$raw_mb")× | ≤ 50 MiB | $(at_most "$ours_mb" 50) |"
echo "| export peak RSS (MiB) | $ours_mb | Python XlsxWriter | $(yes_if "$xw_mb") | | | |"
echo "| export peak RSS (MiB) | $ours_mb | openpyxl, write-only | $(yes_if "$op_mb") | | | |"
echo "| window start to first frame | missing: measured by the GUI's bench | | | | ≤ 0.5 s | |"
echo "| scrolling the whole list, peak memory | missing: measured by the GUI's bench | | | | flat | |"
echo
echo "Per search (ms, median of 5 runs after a warm-up; shell: mean of $repeat repeats, median of 3 runs):"
echo
echo "| # | kind | households found | Jiuzhu | sqlite3 shell |"
echo "|---:|---|---:|---:|---:|"
paste <(awk -F'\t' '$1 == "S" { print $2 "\t" $3 "\t" $4 "\t" $5 }' "$tmp/ours.tsv") "$tmp/shell.ms" |
  awk -F'\t' '{ printf "| %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5 }'
echo
cpu=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || echo unknown)
mem=$(awk '/^MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo 2>/dev/null || echo "?")
os=$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME" || uname -s)
lxw=$(dpkg-query -W -f '${Version}' libxlsxwriter-dev 2>/dev/null || pkg-config --modversion xlsxwriter 2>/dev/null || echo "?")
pyxw=$("$python" -c 'import xlsxwriter; print(xlsxwriter.__version__)' 2>/dev/null || echo n/a)
pyop=$("$python" -c 'import openpyxl; print(openpyxl.__version__)' 2>/dev/null || echo n/a)
echo "Machine: $cpu, $(nproc) cores, $mem GiB; $os; SQLite $(sqlite3 --version | cut -d' ' -f1);"
echo "libxlsxwriter $lxw; Python XlsxWriter $pyxw; openpyxl $pyop. Export runs: $runs (Python: $python_runs)."
