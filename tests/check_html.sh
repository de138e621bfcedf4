#!/usr/bin/env bash
# The HTML sheets of every area, with and without --explain, and a withheld one, checked
# by html-validate (the project's .htmlvalidate.json: its recommended rules, WCAG among
# them) or by axe-core in headless Chromium (tests/axe_sheets.js).
# Usage: check_html.sh html-validate|axe KNOTPLAN_BINARY SOURCE_DIR
set -u
checker=$1
binary=$2
source=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Every area a routine can be planned for, as the error for an unknown one lists them.
read -ra areas <<< "$("$binary" --area unknown 2>&1 | sed -n 's/^Valid areas: //p' | tr -d ',')"
[ "${#areas[@]}" -ge 5 ] || { echo "FAILED: could not read the areas: ${areas[*]}"; exit 1; }
for area in "${areas[@]}"; do
  "$binary" --area "$area" --format html -o "$work/$area.html" || exit 1
  "$binary" --area "$area" --since 3w --cause posture --equipment tennis-ball --explain \
    --format html -o "$work/$area-explain.html" || exit 1
done
"$binary" --area neck --symptom "stiff neck, fever" --explain --format html -o "$work/withheld.html"
[ $? -eq 3 ] || { echo "FAILED: the withheld routine did not exit 3"; exit 1; }
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
