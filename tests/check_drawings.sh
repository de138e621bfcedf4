#!/usr/bin/env bash
# Every technique's drawing (knotplan show ID --format svg) is well-formed XML (xmllint),
# and the page of all of them (scripts/draw_contact_sheet) passes html-validate with the
# project's rules, as the drawings do inside the printed sheet.
# Usage: check_drawings.sh xmllint|html-validate KNOTPLAN_BINARY SOURCE_DIR
set -u
checker=$1
binary=$2
source=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
case $checker in
  xmllint)
    failed=0
    count=0
    while IFS= read -r id; do
      count=$((count + 1))
      "$binary" show "$id" --format svg > "$work/$id.svg" || { echo "no drawing: $id"; failed=1; continue; }
      xmllint --noout "$work/$id.svg" || failed=1
    done < <("$binary" list techniques --format json | python3 -c 'import json, sys; [print(t["id"]) for t in json.load(sys.stdin)]')
    [ "$count" -gt 0 ] || failed=1
    echo "xmllint: $count drawings"
    status=$failed ;;
  html-validate)
    python3 "$source/scripts/draw_contact_sheet" "$binary" "$source/data/knowledge.json" \
      "$work/drawings.html" &&
      html-validate --config "$source/.htmlvalidate.json" "$work/drawings.html" &&
      echo "html-validate: the page of drawings, no problem"
    status=$? ;;
  *)
    echo "usage: check_drawings.sh xmllint|html-validate KNOTPLAN_BINARY SOURCE_DIR" >&2
    exit 2 ;;
esac
[ "$status" -eq 0 ] && echo "1 passed, 0 failed" || echo "0 passed, 1 failed"
exit "$status"
