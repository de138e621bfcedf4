#!/usr/bin/env bash
# markdownlint, with the project's .markdownlint.jsonc, on the Markdown routine of every
# area, with and without --explain, on a withheld one, and on README.md and docs/*.md.
# Usage: check_markdown.sh KNOTPLAN_BINARY SOURCE_DIR
set -u
binary=$1
source=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Every area a routine can be planned for, as the error for an unknown one lists them.
read -ra areas <<< "$("$binary" --area unknown 2>&1 | sed -n 's/^Valid areas: //p' | tr -d ',')"
[ "${#areas[@]}" -ge 5 ] || { echo "FAILED: could not read the areas: ${areas[*]}"; exit 1; }
for area in "${areas[@]}"; do
  "$binary" --area "$area" --format markdown -o "$work/$area.md" || exit 1
  "$binary" --area "$area" --since 3w --cause posture --equipment tennis-ball --explain \
    --format markdown -o "$work/$area-explain.md" || exit 1
done
"$binary" --area neck --symptom "stiff neck, fever" --explain --format markdown \
  -o "$work/withheld.md"
[ $? -eq 3 ] || { echo "FAILED: the withheld routine did not exit 3"; exit 1; }
files=("$work"/*.md "$source/README.md" "$source"/docs/*.md)
if markdownlint --config "$source/.markdownlint.jsonc" "${files[@]}"; then
  echo "markdownlint: ${#files[@]} files, no problem"
  echo "1 passed, 0 failed"
else
  echo "0 passed, 1 failed"
  exit 1
fi
