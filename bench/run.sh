#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Case-file benchmarks on a synthetic district, each beside its peer:
#
#   bench/run.sh [--size N] [--runs R] [--cache DIR] [--build DIR]
#                [--cli PATH] [--harness PATH] [--raw PATH] [--gui PATH]
#
#   --size N      households in the district (default 400000, ≈1M persons;
#                 env JZ_BENCH_SIZE)
#   --runs R      runs of each timed command, the median is shown (default 3;
#                 env JZ_BENCH_RUNS).  The Python peers run once at sizes
#                 above 20,000 households: they take minutes.
#   --cache DIR   where the district is built once per size and schema and
#                 kept (default ~/.cache/jiuzhu-bench; env JZ_BENCH_CACHE)
#   --build DIR   the build folder with the programs and the compiled
#                 GSettings schema (default _build)
#
# Prints a Markdown table of medians with the ratios to the peers and the
# targets of the Case files issue, then the machine it ran on.  Needs
# sqlite3, GNU time (/usr/bin/time) and, for the Python peers,
# python3-xlsxwriter and python3-openpyxl; the window's rows need xvfb-run
# (Debian: xvfb), their LibreOffice peer soffice; a missing peer shows as
# n/a.  Scrolling the whole list takes a frame per page (8 minutes on
# 400,000 households), so it runs once above 20,000 households.
# No timing decides the exit status: it fails only when a program fails or
# the programs disagree on what they found or wrote.
set -euo pipefail

size=${JZ_BENCH_SIZE:-400000}
runs=${JZ_BENCH_RUNS:-3}
cache=${JZ_BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/jiuzhu-bench}
build=${JZ_BENCH_BUILD:-_build}
cli='' harness='' raw='' gui=''
while [ $# -gt 0 ]; do
  case $1 in
    --size) size=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --cache) cache=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    --cli) cli=$2; shift 2 ;;
    --harness) harness=$2; shift 2 ;;
    --raw) raw=$2; shift 2 ;;
    --gui) gui=$2; shift 2 ;;
    -h|--help) sed -n '3,27p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
cli=${cli:-$build/app/cli/jiuzhu-cli}
harness=${harness:-$build/bench/jz-bench}
raw=${raw:-$build/bench/raw-xlsx}
gui=${gui:-$build/app/gui/jiuzhu}
here=$(cd "$(dirname "$0")" && pwd)
python=/usr/bin/python3
export LC_ALL=C.UTF-8 LANGUAGE=en

for program in "$cli" "$harness" "$raw"; do
  [ -x "$program" ] || { echo "run.sh: $program is missing; build first (ninja -C $build)" >&2; exit 1; }
done
for tool in sqlite3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is needed (Debian: sqlite3, time)" >&2; exit 1; }
done

load_start=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
note () { echo "# $*" >&2; }

median () {  # median of the numbers on stdin
  sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
ratio () { awk -v a="$1" -v b="$2" 'BEGIN { if (a != "n/a" && b != "n/a" && b + 0 > 0) printf "%.2f", a / b; else print "n/a" }'; }
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

# Wall and CPU (user + system) seconds: the programs are single-threaded, so
# on a quiet machine the two agree, and on a shared one the CPU seconds
# still compare the programs fairly.
measure () {  # measure NAME COMMAND...: appends "seconds KiB rows cpu-seconds" to $tmp/NAME
  local name=$1
  shift
  if ! /usr/bin/time -f '%e %M %U %S' -o "$tmp/time" "$@" >"$tmp/rows" 2>"$tmp/stderr"; then
    echo "run.sh: $* failed:" >&2
    cat "$tmp/stderr" >&2
    exit 1
  fi
  read -r wall kib user sys <"$tmp/time"
  echo "$wall $kib $(tail -n 1 "$tmp/rows") $(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')" >>"$tmp/$name"
  rm -f "$tmp/out.xlsx"
}

have_xlsxwriter=no have_openpyxl=no
"$python" -c 'import xlsxwriter' 2>/dev/null && have_xlsxwriter=yes
"$python" -c 'import openpyxl' 2>/dev/null && have_openpyxl=yes
python_runs=$runs
[ "$size" -le 20000 ] || python_runs=1

note "export of $persons persons: Jiuzhu and raw libxlsxwriter, $runs runs each"
for r in $(seq "$runs"); do
  # The last file stays, for LibreOffice to open below.
  out=$tmp/out.xlsx
  [ "$r" -lt "$runs" ] || out=$tmp/district.xlsx
  measure ours "$cli" --db "$db" export households --out "$out"
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
cpu () { [ -s "$tmp/$1" ] && awk '{ print $4 }' "$tmp/$1" | median || echo n/a; }
faster () { ratio "$2" "$1"; }

ours_s=$(seconds ours) raw_s=$(seconds raw) xw_s=$(seconds xlsxwriter) op_s=$(seconds openpyxl)
ours_mb=$(mib ours) raw_mb=$(mib raw) xw_mb=$(mib xlsxwriter) op_mb=$(mib openpyxl)
ours_cpu=$(cpu ours) raw_cpu=$(cpu raw) xw_cpu=$(cpu xlsxwriter) op_cpu=$(cpu openpyxl)

# --- the window: first frame, and scrolling the whole case list ---------------------

# The window under Xvfb, in the settings and with the schema the tests use;
# cairo draws, as in the tests: Xvfb has no GPU, and Mesa's software GL
# would time the CPU's GL emulation, not the program.
window () {  # window VAR=VALUE: runs the app on the district; its printouts on stdout
  env GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" GDK_DEBUG=gl-disable "$@" \
    xvfb-run -a -s '-screen 0 1280x800x24' "$gui" "$db" 2>"$tmp/stderr" || {
    echo "run.sh: the window failed ($*):" >&2
    cat "$tmp/stderr" >&2
    exit 1
  }
}
printed () { awk -v k="$1:" '$1 == k { print $2 }' "$2"; }
kib_to_mib () { awk '{ printf "%.1f\n", $1 / 1024 }'; }

have_window=no have_soffice=no
[ -x "$gui" ] && [ -d "$build/data" ] && command -v xvfb-run >/dev/null && have_window=yes
soffice=$(command -v soffice || command -v libreoffice || true)
[ -n "$soffice" ] && have_soffice=yes
scroll_runs=$runs
[ "$size" -le 20000 ] || scroll_runs=1
frame_ms=n/a scroll_start_mb=n/a scroll_mb=n/a scroll_s=n/a scroll_steps=n/a scroll_path=n/a scroll_flat=n/a
if [ "$have_window" = yes ]; then
  note "window start to first frame, $runs runs"
  : >"$tmp/frame.ms"
  for r in $(seq "$runs"); do
    window JIUZHU_BENCH_FIRST_FRAME=1 >"$tmp/frame"
    printed first-frame-ms "$tmp/frame" >>"$tmp/frame.ms"
  done
  frame_ms=$(median <"$tmp/frame.ms")

  note "scrolling the whole case list in the window, $scroll_runs run(s)"
  : >"$tmp/scroll"
  for r in $(seq "$scroll_runs"); do
    window JIUZHU_BENCH_SCROLL=1 >"$tmp/scroll-$r"
    rows=$(printed scroll-rows "$tmp/scroll-$r")
    if [ "$rows" != "$households" ]; then
      echo "run.sh: the window's case list has ${rows:-no} rows, the district $households open files" >&2
      exit 1
    fi
    echo "$(printed scroll-start-rss-kib "$tmp/scroll-$r") $(printed scroll-peak-rss-kib "$tmp/scroll-$r")" \
      "$(printed scroll-seconds "$tmp/scroll-$r") $(printed scroll-steps "$tmp/scroll-$r")" >>"$tmp/scroll"
  done
  scroll_start_mb=$(awk '{ print $1 }' "$tmp/scroll" | median | kib_to_mib)
  scroll_mb=$(awk '{ print $2 }' "$tmp/scroll" | median | kib_to_mib)
  scroll_s=$(awk '{ print $3 }' "$tmp/scroll" | median)
  scroll_steps=$(awk '{ print $4 }' "$tmp/scroll" | median)
  # The peak on the way, every tenth of the list, of the last run.
  scroll_path=$(awk '$1 == "scroll-at:" { printf "%s%.1f", sep, $4 / 1024; sep = " → " }' "$tmp/scroll-$scroll_runs")
  # Flat: the last nine tenths of the list add less than 5 % to the peak
  # reached after the first tenth, which holds the fonts' glyphs and the
  # widgets.  On a small list a tenth is still warming up: not judged.
  scroll_flat=$(awk -v n="$households" '$1 == "scroll-at:" && $2 == "10%" { a = $4 } $1 == "scroll-peak-rss-kib:" { b = $2 }
                     END { if (n < 10000) print "— (few rows)"; else if (a > 0) print (b <= 1.05 * a) ? "yes" : "**no**"; else print "n/a" }' \
                  "$tmp/scroll-$scroll_runs")
else
  note "no window rows: needs $gui, $build/data (the compiled schema) and xvfb-run"
fi

note "the case list's model alone, read from top to bottom"
"$harness" model-scroll "$db" >"$tmp/model"
rows=$(printed model-rows "$tmp/model")
if [ "$rows" != "$households" ]; then
  echo "run.sh: the model has ${rows:-no} rows, the district $households open files" >&2
  exit 1
fi
model_start_mb=$(printed model-start-rss-kib "$tmp/model" | kib_to_mib)
model_mb=$(printed model-peak-rss-kib "$tmp/model" | kib_to_mib)

# LibreOffice Calc opening the persons export is how a clerk sees the
# district today.  Headless, it cannot show a first frame; converting to
# CSV loads the whole workbook (a little more than opening it: the CSV is
# written too).  Its own profile, set up before the clock starts.
lo_s=n/a lo_mb=n/a
if [ "$have_soffice" = yes ]; then
  printf 'a,b\n1,2\n' >"$tmp/warm.csv"
  "$soffice" "-env:UserInstallation=file://$tmp/lo-profile" --headless \
    --convert-to xlsx --outdir "$tmp/lo" "$tmp/warm.csv" >/dev/null 2>&1 || true
  # The CSV is the first sheet: Excel's 1,048,575 data rows at most.
  lo_lines=$(( (persons < 1048575 ? persons : 1048575) + 1 ))
  note "LibreOffice Calc opening the export, $python_runs run(s)"
  : >"$tmp/lo.time"
  for r in $(seq "$python_runs"); do
    rm -f "$tmp/lo/district.csv"
    if ! /usr/bin/time -f '%e %M' -o "$tmp/time" "$soffice" "-env:UserInstallation=file://$tmp/lo-profile" \
         --headless --convert-to csv --outdir "$tmp/lo" "$tmp/district.xlsx" >/dev/null 2>"$tmp/stderr"; then
      echo "run.sh: LibreOffice failed:" >&2
      cat "$tmp/stderr" >&2
      exit 1
    fi
    lines=$(wc -l <"$tmp/lo/district.csv" 2>/dev/null || echo 0)
    if [ "$lines" != "$lo_lines" ]; then
      echo "run.sh: LibreOffice read $lines lines of the export, not $lo_lines" >&2
      exit 1
    fi
    cat "$tmp/time" >>"$tmp/lo.time"
  done
  lo_s=$(awk '{ print $1 }' "$tmp/lo.time" | median)
  lo_mb=$(awk '{ print $2 }' "$tmp/lo.time" | median | kib_to_mib)
fi
rm -f "$tmp/district.xlsx"

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
echo "| export CPU time (s) | $ours_cpu | raw libxlsxwriter (C) | $raw_cpu | $(ratio "$ours_cpu" "$raw_cpu")× as long | ≤ 1.2× | $(at_most "$(ratio "$ours_cpu" "$raw_cpu")" 1.2) |"
xw_cpu_ratio=$(faster "$ours_cpu" "$xw_cpu")
echo "| export CPU time (s) | $ours_cpu | Python XlsxWriter | $xw_cpu | $xw_cpu_ratio× faster | ≥ 4× faster | $( [ "$xw_cpu_ratio" = n/a ] && echo n/a || awk -v r="$xw_cpu_ratio" 'BEGIN { print (r >= 4) ? "yes" : "no" }') |"
echo "| export CPU time (s) | $ours_cpu | openpyxl, write-only | $op_cpu | $(faster "$ours_cpu" "$op_cpu")× faster | — | |"
echo "| export peak RSS (MiB) | $ours_mb | raw libxlsxwriter (C) | $raw_mb | $(ratio "$ours_mb" "$raw_mb")× | ≤ 50 MiB | $(at_most "$ours_mb" 50) |"
echo "| export peak RSS (MiB) | $ours_mb | Python XlsxWriter | $(yes_if "$xw_mb") | | | |"
echo "| export peak RSS (MiB) | $ours_mb | openpyxl, write-only | $(yes_if "$op_mb") | | | |"
lo_ms=$( [ "$lo_s" = n/a ] && echo n/a || awk -v s="$lo_s" 'BEGIN { printf "%.0f", s * 1000 }')
echo "| window start to first frame (ms) | $frame_ms | LibreOffice Calc opening the export | $lo_ms | $(faster "$frame_ms" "$lo_ms")× faster | ≤ 500 ms | $( [ "$frame_ms" = n/a ] && echo n/a || at_most "$frame_ms" 500) |"
echo "| scrolling the whole list, peak RSS (MiB) | $scroll_mb | the list's model alone, no window | $model_mb | $(ratio "$scroll_mb" "$model_mb")× | flat | $scroll_flat |"
echo "| scrolling the whole list, peak RSS (MiB) | $scroll_mb | LibreOffice Calc, the export open | $lo_mb | $(ratio "$scroll_mb" "$lo_mb")× | | |"
echo
echo "Scrolling the case list ($households rows, a page per frame): the window's peak RSS went"
echo "$scroll_start_mb MiB with the first page on screen → $scroll_mb MiB at the bottom, $scroll_steps pages in $scroll_s s;"
echo "at each tenth of the list (MiB): $scroll_path. The model alone: $model_start_mb MiB after"
echo "its first 40 rows → $model_mb MiB after all of them."
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
lover=$( [ "$have_soffice" = yes ] && "$soffice" --version 2>/dev/null | awk '{ print $2; exit }' || echo n/a)
echo "Machine: $cpu, $(nproc) cores, $mem GiB; $os; SQLite $(sqlite3 --version | cut -d' ' -f1);"
echo "libxlsxwriter $lxw; Python XlsxWriter $pyxw; openpyxl $pyop; LibreOffice $lover; GTK $(pkg-config --modversion gtk4 2>/dev/null || echo '?')"
echo "under Xvfb, 1280×800, cairo drawing. Runs: export and first frame $runs, Python and LibreOffice $python_runs,"
echo "scrolling $scroll_runs. Load average (1, 5, 15 min) at the start: $load_start; at the end:"
echo "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)."
