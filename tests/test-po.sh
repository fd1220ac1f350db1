#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The zh_CN catalogue is complete: every string marked in the sources (found
# afresh, not only through POTFILES) has a translation, none fuzzy.
set -uo pipefail
src=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src"
status=0

stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null po/zh_CN.po 2>&1)
if echo "$stats" | grep -qE 'untranslated|fuzzy' || ! echo "$stats" | grep -q 'translated'; then
  echo "not ok 1 - po/zh_CN.po: $stats"; status=1
else
  echo "ok 1 - po/zh_CN.po: $stats"
fi

marked=$( (grep -rlE '\b(N?_|C_|NC_|g_dngettext|ngettext)\(' app --include='*.c'; grep -rl 'translatable="yes"' ui data 2>/dev/null) | sort -u)
missing=$(for f in $marked; do grep -qxF "$f" po/POTFILES || echo "$f"; done | tr '\n' ' ')
if [ -n "$missing" ]; then
  echo "not ok 2 - files with translatable strings missing from po/POTFILES: $missing"; status=1
else
  echo "ok 2 - po/POTFILES lists every file with translatable strings"
fi

xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 -o "$tmp/all.pot" \
  -f po/POTFILES 2>"$tmp/xgettext.err" || { echo "not ok 3 - xgettext failed"; cat "$tmp/xgettext.err"; status=1; }
if [ -f "$tmp/all.pot" ]; then
  if msgcmp po/zh_CN.po "$tmp/all.pot" 2>"$tmp/msgcmp.err"; then
    echo "ok 3 - every marked string is translated"
  else
    echo "not ok 3 - strings without a translation:"; head -40 "$tmp/msgcmp.err" | sed 's/^/# /'; status=1
  fi
else
  echo "ok 3 - no marked strings yet"
fi

echo "1..3"
exit $status
