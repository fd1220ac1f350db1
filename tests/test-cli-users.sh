#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# jiuzhu-cli users: list, add, passwd, single-user. TAP output.
set -uo pipefail

cli=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data"
export LC_ALL=C.UTF-8 LANGUAGE=en
# The minimum argon2id limits: the same code, quickly (see jz-user.h).
export JIUZHU_TEST_FAST_HASH=1
n=0
failed=0

ok () {  # ok DESCRIPTION COMMAND...
  local what=$1; shift
  n=$((n + 1))
  if "$@"; then echo "ok $n - $what"; else echo "not ok $n - $what"; failed=1; fi
}

status_is () {  # status_is CODE COMMAND...  (standard input from $tmp/stdin)
  local want=$1; shift
  "$@" <"$tmp/stdin" >"$tmp/stdout" 2>"$tmp/stderr"
  local got=$?
  [ "$got" -eq "$want" ] || { echo "# exit $got, wanted $want: $*"; sed 's/^/# /' "$tmp/stderr"; return 1; }
}

one_sentence () {  # stderr says something, with no trace or SQL in it
  [ "$(wc -l <"$tmp/stderr")" -ge 1 ] && ! grep -qiE 'sqlite|assert|critical|\.c:[0-9]' "$tmp/stderr"
}

input () { printf '%s\n' "$1" >"$tmp/stdin"; }
sql () { sqlite3 "$db" "$1"; }

db="$tmp/fresh.db"
: >"$tmp/stdin"
ok "init" status_is 0 "$cli" --db "$db" init
ok "users list on a fresh database" status_is 0 "$cli" --db "$db" users list
ok "  prints nothing" test ! -s "$tmp/stdout"
ok "single-user off without an administrator is refused" status_is 1 "$cli" --db "$db" users single-user off
ok "  with one sentence" one_sentence
ok "  and stores nothing" test -z "$(sql "SELECT value FROM meta WHERE key = 'single_user'")"

input 'Kai-Shu 2026'
ok "users add an administrator, the password on stdin" \
  status_is 0 "$cli" --db "$db" users add chief --role admin --full-name '王主任'
ok "  listed: name, full name, role, township, active, has password" \
  bash -c "'$cli' --db '$db' users list | grep -qxP 'chief\t王主任\tadmin\t\t1\t1'"
hash=$(sql "SELECT password_hash FROM users WHERE name = 'chief'")
ok "  the stored hash is argon2id" test "${hash:0:10}" = '$argon2id$'
ok "  and is not the password" bash -c "! grep -qF 'Kai-Shu' <<<'$hash'"
ok "  the audit log has no password" bash -c "! sqlite3 '$db' 'SELECT * FROM audit_log' | grep -qiE 'Kai-Shu|argon2'"
ok "  but says a password was set" \
  test "$(sql "SELECT json_extract (new_values, '$.password') FROM audit_log WHERE action = 'insert' AND table_name = 'users'")" = set

ok "the password is never an argument" status_is 2 "$cli" --db "$db" users passwd chief 'Kai-Shu 2026'
: >"$tmp/stdin"
ok "no password on stdin is refused" status_is 1 "$cli" --db "$db" users add deputy --role admin
ok "  with one sentence" grep -q "standard input" "$tmp/stderr"
ok "  and adds nobody" test "$(sql "SELECT count(*) FROM users")" -eq 1
ok "--no-password adds a user who cannot sign in yet" \
  status_is 0 "$cli" --db "$db" users add deputy --role leader --no-password
ok "  listed without a password" bash -c "'$cli' --db '$db' users list | grep -qxP 'deputy\t\tleader\t\t1\t0'"

input 'short'
ok "a password under 8 characters is refused" status_is 1 "$cli" --db "$db" users passwd deputy
ok "  saying why" grep -q "at least 8 characters" "$tmp/stderr"
input '一二三四五六七八'
ok "eight Chinese characters are enough" status_is 0 "$cli" --db "$db" users passwd deputy
ok "  and the user has a password now" bash -c "'$cli' --db '$db' users list | grep -qxP 'deputy\t\tleader\t\t1\t1'"
ok "  the audit says only that it changed" \
  test "$(sql "SELECT new_values FROM audit_log WHERE action = 'password'")" = '{"password":"changed"}'
input 'Kai-Shu 2026'
ok "a name that is taken" status_is 1 "$cli" --db "$db" users add chief --role admin
ok "  with one sentence" one_sentence
ok "passwd of nobody" status_is 1 "$cli" --db "$db" users passwd nobody
ok "  with one sentence" grep -q "no user" "$tmp/stderr"

: >"$tmp/stdin"
ok "single-user on" status_is 0 "$cli" --db "$db" users single-user on
ok "  stored" test "$(sql "SELECT value FROM meta WHERE key = 'single_user'")" = 1
ok "single-user off" status_is 0 "$cli" --db "$db" users single-user off
ok "  stored" test "$(sql "SELECT value FROM meta WHERE key = 'single_user'")" = 0
ok "  both in the audit log" test "$(sql "SELECT count(*) FROM audit_log WHERE table_name = 'meta'")" -eq 2

# Clerks need a township: on the demo district.
db="$tmp/demo.db"
ok "demo" status_is 0 "$cli" --db "$db" demo --households 20 --seed 3 --until 2026-10
ok "the demo's users have no password" status_is 0 "$cli" --db "$db" users list
ok "  fifteen of them" test "$(wc -l <"$tmp/stdout")" -eq 15
ok "  none with a password" bash -c "! cut -f6 '$tmp/stdout' | grep -qv '^0$'"
ok "  clerks with their township, the others with none" \
  bash -c "! grep -vP '^clerk\d+\t[^\t]+\tclerk\t[^\t]+\t1\t0$|^(admin|leader|reviewer)\t[^\t]+\t(admin|leader|reviewer)\t\t1\t0$' '$tmp/stdout'"
township=$(sql "SELECT name FROM regions WHERE level = 'township' ORDER BY id LIMIT 1")
input 'clerk-password'
ok "a clerk needs --township" status_is 2 "$cli" --db "$db" users add newclerk --role clerk
ok "only a clerk has a township" status_is 2 "$cli" --db "$db" users add newleader --role leader --township "$township"
ok "an unknown township" status_is 1 "$cli" --db "$db" users add newclerk --role clerk --township 'Atlantis'
ok "  with one sentence" grep -q "no township named" "$tmp/stderr"
ok "an unknown role" status_is 2 "$cli" --db "$db" users add newclerk --role boss
ok "users add a clerk" status_is 0 "$cli" --db "$db" users add newclerk --role clerk --township "$township"
ok "  listed with the township" bash -c "'$cli' --db '$db' users list | grep -qxP 'newclerk\t\tclerk\t$township\t1\t1'"
ok "  the audit log carries the township's id" \
  test "$(sql "SELECT json_extract (new_values, '$.region_id') FROM audit_log WHERE table_name = 'users' AND action = 'insert'")" \
       = "$(sql "SELECT id FROM regions WHERE name = '$township'")"
input 'admin-password'
ok "the demo administrator gets a password" status_is 0 "$cli" --db "$db" users passwd admin
ok "no password or hash anywhere in the audit log" \
  bash -c "! sqlite3 '$db' 'SELECT * FROM audit_log' | grep -qiE 'clerk-password|admin-password|argon2'"

: >"$tmp/stdin"
ok "users list on a missing file fails" status_is 1 "$cli" --db "$tmp/none.db" users list
ok "  without creating it" test ! -e "$tmp/none.db"
ok "users without a subcommand" status_is 2 "$cli" --db "$db" users
ok "an unknown subcommand" status_is 2 "$cli" --db "$db" users delete admin
ok "single-user maybe" status_is 2 "$cli" --db "$db" users single-user maybe
ok "a stray argument" status_is 2 "$cli" --db "$db" users list extra
ok "users --help" status_is 0 "$cli" users --help
ok "  names the subcommands" bash -c "grep -q 'single-user on|off' '$tmp/stdout' && grep -q 'passwd NAME' '$tmp/stdout'"

echo "1..$n"
exit $failed
