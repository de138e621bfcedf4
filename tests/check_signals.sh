#!/usr/bin/env bash
# Ctrl-C at any moment leaves no partial or temporary file, and a closed pipe ends
# knotplan quietly.
# Usage: check_signals.sh KNOTPLAN_BINARY
set -u
# Job control: without it, bash starts background jobs with SIGINT ignored, and the
# interrupts below would never reach knotplan.
set -m
binary=$1
folder=$(mktemp -d)
failures=0
runs=0
interrupted=0

# Interrupt -o at staggered moments, from before start-up to after the rename.
for delay in 0 0.001 0.002 0.003 0.004 0.005 0.007 0.01 0.015 0.02 0.03 0.05; do
  for _ in 1 2 3; do
    runs=$((runs + 1))
    rm -f "$folder"/*
    "$binary" --area upper-back --format json -o "$folder/plan.json" &
    pid=$!
    sleep "$delay"
    kill -INT "$pid" 2> /dev/null
    wait "$pid"
    status=$?
    [ "$status" -eq 130 ] && interrupted=$((interrupted + 1))
    if [ "$status" -ne 0 ] && [ "$status" -ne 130 ]; then
      echo "FAILED: delay $delay: exit $status, expected 0 or 130"; failures=$((failures + 1))
    fi
    others=$(find "$folder" -mindepth 1 ! -name plan.json -printf '%f ')
    if [ -n "$others" ]; then
      echo "FAILED: delay $delay: left behind: $others"; failures=$((failures + 1))
    fi
    if [ -e "$folder/plan.json" ] && ! jq -e '.status == "ok"' "$folder/plan.json" > /dev/null; then
      echo "FAILED: delay $delay: plan.json is partial"; failures=$((failures + 1))
    fi
  done
done

# At least one interrupt must land mid-run, or this checked nothing.
runs=$((runs + 1))
if [ "$interrupted" -lt 1 ]; then
  echo "FAILED: only $interrupted runs were interrupted"; failures=$((failures + 1))
fi

# Writing into a closed pipe: no message, no hang.
for format in text json markdown html; do
  runs=$((runs + 1))
  errors=$( { timeout 10 "$binary" --area neck --format "$format" | head -c 1 > /dev/null; } 2>&1)
  if [ -n "$errors" ]; then
    echo "FAILED: closed pipe, $format: $errors"; failures=$((failures + 1))
  fi
done
runs=$((runs + 1))
errors=$( { timeout 10 "$binary" list techniques | head -n 1 > /dev/null; } 2>&1)
[ -z "$errors" ] || { echo "FAILED: closed pipe, list: $errors"; failures=$((failures + 1)); }

rm -rf "$folder"
echo "$runs interrupted or piped runs ($interrupted ended by Ctrl-C)"
echo "$((runs - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
