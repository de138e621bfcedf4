#!/usr/bin/env bash
# markdownlint, with the project's .markdownlint.jsonc, on the Markdown routine of every
# area, with and without --explain, on a withheld one, and on README.md and docs/*.md.
# Usage: check_markdown.sh KNOTPLAN_BINARY SOURCE_DIR
set -u
binary=$1
source=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck source=write_sheets.sh
. "$(dirname "$0")/write_sheets.sh"
write_sheets "$binary" markdown md "$work" || exit 1
files=("$work"/*.md "$source/README.md" "$source"/docs/*.md)
if markdownlint --config "$source/.markdownlint.jsonc" "${files[@]}"; then
  echo "markdownlint: ${#files[@]} files, no problem"
  echo "1 passed, 0 failed"
else
  echo "0 passed, 1 failed"
  exit 1
fi
