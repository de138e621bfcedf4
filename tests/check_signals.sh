#!/usr/bin/env bash
# Ctrl-C at any moment leaves no partial or temporary file, and a closed pipe ends
# knotplan quietly.
# Usage: check_signals.sh KNOTPLAN_BINARY
set -u
binary=$1
folder=$(mktemp -d)
trap 'rm -rf "$folder"' EXIT
failures=0
runs=0

# Interrupt -o at staggered moments, from before start-up to after the rename.
for delay in 0 0.001 0.002 0.003 0.004 0.005 0.007 0.01 0.015 0.02 0.03 0.05; do
  for attempt in 1 2 3; do
    runs=$((runs + 1))
    rm -f "$folder"/*
    "$binary" --area upper-back --format json -o "$folder/plan.json" &
    pid=$!
    sleep "$delay"
    kill -INT "$pid" 2> /dev/null
    wait "$pid"
    status=$?
    if [ "$status" -ne 0 ] && [ "$status" -ne 130 ]; then
      echo "FAILED: delay $delay: exit $status, expected 0 or 130"; failures=$((failures + 1))
    fi
    others=$(ls -A "$folder" | grep -vx plan.json)
    if [ -n "$others" ]; then
      echo "FAILED: delay $delay: left behind: $others"; failures=$((failures + 1))
    fi
    if [ -e "$folder/plan.json" ] && ! jq -e '.status == "ok"' "$folder/plan.json" > /dev/null; then
      echo "FAILED: delay $delay: plan.json is partial"; failures=$((failures + 1))
    fi
  done
done

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

echo "$runs interrupted or piped runs"
echo "$((runs - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
