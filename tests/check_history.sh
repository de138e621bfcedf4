#!/usr/bin/env bash
# The session log through the real binary, as a new user meets it: a week of guided and
# logged sessions on a fake clock, the history in every format, the database read with
# the sqlite3 shell, its mode, twenty runs logging at once, kill -9 in the middle of
# writes, a damaged and a newer database (never overwritten), bad input, --no-history,
# --forget, and a routine before and after the log shows a knot that is not getting better.
# Usage: check_history.sh KNOTPLAN_BINARY
set -u
binary=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_STATE_HOME=$work/state
unset KNOTPLAN_NO_HISTORY KNOTPLAN_HISTORY
db=$XDG_STATE_HOME/knotplan/history.db
failures=0
checks=0

fail() { echo "FAILED: $*"; failures=$((failures + 1)); }
check() {  # check NAME COMMAND...: the command succeeds
  local name=$1; shift
  checks=$((checks + 1))
  "$@" || fail "$name"
}
contains() { grep -qF -- "$2" <<< "$1"; }
# run EXPECTED_STATUS ARGS...: runs knotplan, keeps its output in $out and $err.
run() {
  local expected=$1; shift
  out=$("$binary" "$@" 2> "$work/err"); local status=$?
  err=$(cat "$work/err")
  checks=$((checks + 1))
  [ "$status" -eq "$expected" ] || fail "knotplan $* gave $status, not $expected: $err"
}

# 1. A week: logged sessions on some days, guided (without a terminal) on others.
for day in 14 15 16 17; do
  KNOTPLAN_NOW=2026-11-$day run 0 log --area upper-back --pain-before 6 --pain-after 4 \
    --note "day $day"
done
for day in 18 19 20; do
  KNOTPLAN_NOW=2026-11-$day run 0 --area upper-back --guide --time-scale 0.0002 --no-bell
done
check "the guide says it saved the session" contains "$out" "Saved in your session log"
KNOTPLAN_NOW=2026-11-21 run 0 log --area neck,upper-back --pain-before 5 --pain-after 3 \
  --rate ball-against-wall=down --rate "chin tuck=up"
check "log confirms what it stored" contains "$out" \
  "Logged a session on 2026-11-21 (Neck, Upper back): pain 5 before, 3 after."
check "the log is mode 0600" [ "$(stat -c %a "$db")" = 600 ]
check "its folder is mode 0700" [ "$(stat -c %a "$(dirname "$db")")" = 700 ]

# 2. The history in each format.
export KNOTPLAN_NOW=2026-11-21
run 0 history
check "text: a table by day" contains "$out" "Sat 14 Nov"
check "text: a chart" contains "$out" "Pain after the session (0–10)"
check "text: a rating" contains "$out" "helped: Chin tuck"
run 0 history --format json
check "json: every session" [ "$(jq '.sessions | length' <<< "$out")" = 8 ]
check "json: guided sessions have steps" \
  [ "$(jq '[.sessions[] | select(.source == "guide") | .steps | length > 0] | all' <<< "$out")" = true ]
run 0 history --format csv
check "csv: a header and one row per session and area" [ "$(wc -l <<< "$out")" = 10 ]
run 0 history -o "$work/history.html"
check "html: -o picks the format from the name" grep -q "<svg" "$work/history.html"
run 0 history --area neck --format csv
check "--area shows one area" [ "$(wc -l <<< "$out")" = 2 ]

# 3. The sqlite3 shell reads it, with plain names.
if command -v sqlite3 > /dev/null; then
  check "sqlite3: 8 sessions" [ "$(sqlite3 "$db" 'SELECT count(*) FROM sessions')" = 8 ]
  check "sqlite3: ratings" [ "$(sqlite3 "$db" "SELECT rating FROM ratings WHERE technique = 'chin-tuck'")" = up ]
fi

# 4. Twenty runs logging at once store twenty sessions.
parallel=$work/parallel.db
for i in $(seq 1 20); do
  "$binary" log --history "$parallel" --area neck --pain-before $((i % 11)) > /dev/null &
done
wait
run 0 history --history "$parallel" --format csv
check "20 parallel writers: 20 sessions" [ "$(($(wc -l <<< "$out") - 1))" = 20 ]

# 5. kill -9 at any moment: every session a run said it logged is still there.
killed=$work/killed.db
"$binary" log --history "$killed" --area neck > /dev/null
logged=1
for round in $(seq 1 30); do
  "$binary" log --history "$killed" --area neck > "$work/said" &
  pid=$!
  sleep "0.00$((round % 10))"
  kill -9 "$pid" 2> /dev/null
  wait "$pid" 2> /dev/null
  grep -q "^Logged" "$work/said" && logged=$((logged + 1))
done
run 0 history --history "$killed" --format csv
stored=$(($(wc -l <<< "$out") - 1))
check "kill -9: no logged session lost ($stored stored, $logged said)" [ "$stored" -ge "$logged" ]
if command -v sqlite3 > /dev/null; then
  check "kill -9: the database is sound" [ "$(sqlite3 "$killed" 'PRAGMA integrity_check')" = ok ]
fi

# 6. A damaged or newer database: exit 1, named, never overwritten.
damaged=$work/damaged.db
head -c 8192 /dev/urandom > "$damaged"
before=$(sha256sum < "$damaged")
run 1 log --history "$damaged" --area neck
check "damaged: the message names the file" contains "$err" "$damaged"
run 1 --area neck --history "$damaged"
check "damaged: never overwritten" [ "$(sha256sum < "$damaged")" = "$before" ]
if command -v sqlite3 > /dev/null; then
  newer=$work/newer.db
  cp "$parallel" "$newer"
  sqlite3 "$newer" 'PRAGMA user_version = 99'
  before=$(sha256sum < "$newer")
  run 1 log --history "$newer" --area neck
  check "newer: says to upgrade" contains "$err" "newer knotplan"
  run 1 history --history "$newer"
  check "newer: never overwritten" [ "$(sha256sum < "$newer")" = "$before" ]
fi

# 7. Bad input: one line naming the value, exit 2, nothing stored.
count_before=$(sqlite3 "$db" 'SELECT count(*) FROM sessions' 2> /dev/null || echo ?)
run 2 log --area neck --pain-before 11
check "pain out of range is named" contains "$err" "--pain-before '11' is out of range"
run 2 log --area neck --date 2026-11-22
check "a future date is refused" contains "$err" "is in the future"
run 2 log --area neck --date 2026-02-30
check "a date that does not exist is refused" contains "$err" "is not a date"
run 2 log --area neck --rate ball-against-wal=up
check "an unknown technique gets a suggestion" contains "$err" "did you mean 'ball-against-wall'?"
run 2 log --area neck --rate ball-against-wall=sideways
check "a rating must be up or down" contains "$err" "says neither up nor down"
run 2 log --pain-before 3
check "log needs an area" contains "$err" "'knotplan log' needs --area"
run 2 log --area neck --no-history
check "log with the log turned off says so" contains "$err" "turned off"
run 2 history --history x.db --no-history
check "--history and --no-history contradict" contains "$err" "contradict"
run 2 history --forget < /dev/null
check "--forget without a terminal needs --yes" contains "$err" "--yes"
check "nothing stored by bad input" \
  [ "$(sqlite3 "$db" 'SELECT count(*) FROM sessions' 2> /dev/null || echo ?)" = "$count_before" ]

# 8. --no-history: planning and guiding leave the log alone.
run 0 --area neck --guide --time-scale 0.0002 --no-bell --no-history
check "a guided session without the log is not saved" \
  [ "$(sqlite3 "$db" 'SELECT count(*) FROM sessions' 2> /dev/null || echo ?)" = "$count_before" ]
plain=$work/plain
run 0 --area neck --format json --no-history
echo "$out" > "$plain"
XDG_STATE_HOME=$work/empty run 0 --area neck --format json
check "no log and --no-history plan alike" [ "$out" = "$(cat "$plain")" ]
check "planning created no log" [ ! -e "$work/empty/knotplan/history.db" ]

# 9. A knot that is not getting better: two weeks of regular sessions, pain stuck at 6.
stuck=$work/stuck.db
for day in 06 07 08 09 10 11 12 13 14 15 16 17 18 19 20; do
  KNOTPLAN_NOW=2026-11-$day run 0 log --history "$stuck" --area neck --pain-before 6 \
    --pain-after 6
done
run 0 --area neck --history "$stuck" --explain
check "stuck: a physiotherapist, and why" contains "$out" "is no better after two weeks"
check "stuck: --since counts from the episode's start" contains "$out" "Since 2026-11-06"
check "stuck: explain names the facts" contains "$out" "From your log"
run 0 --area neck --no-history --explain
checks=$((checks + 1))
contains "$out" "is no better after two weeks" && fail "stuck, without the log: no such referral"

# 10. --forget deletes, by area or all.
run 0 history --forget --area neck --yes
check "forget one area" contains "$out" "Deleted"
run 0 history --area neck --format csv
check "that area is empty" [ "$(wc -l <<< "$out")" = 1 ]
run 0 history --forget --yes
run 0 history --format csv
check "everything forgotten" [ "$(wc -l <<< "$out")" = 1 ]

echo "$checks history checks"
echo "$((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
