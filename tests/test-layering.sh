#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# DESIGN §4: only app/gui includes GTK; only app/core calls SQLite.
set -uo pipefail
cd "$1"
status=0

gtk=$(grep -rnE '#[[:space:]]*include[[:space:]]*[<"](gtk/|gdk/|adwaita|gsk/|libadwaita)' app/core app/report app/io || true)
if [ -n "$gtk" ]; then
  echo "not ok 1 - GTK is included below app/gui:"; echo "$gtk" | sed 's/^/# /'; status=1
else
  echo "ok 1 - app/core, app/report and app/io include no GTK header"
fi

sql=$(grep -rnE '\bsqlite3_[a-z0-9_]+\b' app --include='*.c' --include='*.h' | grep -v '^app/core/' || true)
if [ -n "$sql" ]; then
  echo "not ok 2 - SQLite is used outside app/core:"; echo "$sql" | sed 's/^/# /'; status=1
else
  echo "ok 2 - every sqlite3_* call lives in app/core"
fi

inc=$(grep -rnE '#[[:space:]]*include[[:space:]]*[<"]sqlite3\.h' app --include='*.h' | grep -vE '^app/core/[a-z0-9-]+-private\.h:' || true)
if [ -n "$inc" ]; then
  echo "not ok 3 - sqlite3.h reaches a public header:"; echo "$inc" | sed 's/^/# /'; status=1
else
  echo "ok 3 - only private headers of app/core include sqlite3.h"
fi

echo "1..3"
exit $status
