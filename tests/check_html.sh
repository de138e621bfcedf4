#!/usr/bin/env bash
# The HTML sheets of every area, with and without --explain, and a withheld one, checked
# by html-validate (the project's .htmlvalidate.json: its recommended rules, WCAG among
# them) or by axe-core in headless Chromium (tests/axe_sheets.js); with HISTORY_SAMPLES
# (tests/write_history_samples), the history pages of its fixtures too.
# Usage: check_html.sh html-validate|axe KNOTPLAN_BINARY SOURCE_DIR [HISTORY_SAMPLES]
set -u
checker=$1
binary=$2
source=$3
samples=${4:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck source=write_sheets.sh
. "$(dirname "$0")/write_sheets.sh"
write_sheets "$binary" html html "$work" || exit 1
if [ -n "$samples" ]; then
  "$samples" "$work" || { echo "FAILED: $samples did not write the history pages"; exit 1; }
  rm -f "$work"/history-*.txt "$work"/history-*.json "$work"/history-*.csv
fi
sheets=("$work"/*.html)
case $checker in
  html-validate)
    html-validate --config "$source/.htmlvalidate.json" "${sheets[@]}" &&
      echo "html-validate: ${#sheets[@]} sheets, no problem" ;;
  axe)
    node "$source/tests/axe_sheets.js" "${sheets[@]}" ;;
  *)
    echo "usage: check_html.sh html-validate|axe KNOTPLAN_BINARY SOURCE_DIR" >&2
    exit 2 ;;
esac
status=$?
[ "$status" -eq 0 ] && echo "1 passed, 0 failed" || echo "0 passed, 1 failed"
exit "$status"
