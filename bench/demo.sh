#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Times the synthetic district at several sizes and prints a table:
#   bench/demo.sh [PATH/TO/jiuzhu-cli] [SIZES...]
# Default sizes: 100 10000 400000 (the last is about one million persons).
set -euo pipefail
cli=${1:-_build/app/cli/jiuzhu-cli}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 10000 400000)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

printf '%-10s %10s %10s %12s %10s\n' households persons cases seconds MiB
for n in "${sizes[@]}"; do
  db="$tmp/demo-$n.db"
  start=$(date +%s.%N)
  "$cli" --db "$db" demo --households "$n" --seed 1 --until 2026-10
  end=$(date +%s.%N)
  # Fold the WAL back so that the size is the file's own.
  sqlite3 "$db" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
  persons=$(sqlite3 "$db" 'SELECT count(*) FROM persons')
  cases=$(sqlite3 "$db" 'SELECT count(*) FROM cases')
  mib=$(( $(stat -c %s "$db") / 1048576 ))
  printf '%-10s %10s %10s %12.1f %10s\n' "$n" "$persons" "$cases" "$(echo "$end - $start" | bc -l)" "$mib"
  rm -f "$db" "$db"-wal "$db"-shm
done
