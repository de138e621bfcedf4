#!/usr/bin/env bash
# The man pages (for 'cmake --install' and for the .deb) as the two man formatters see them:
# mandoc -Tlint reports nothing, not even style; groff, through man, hyphenates no word
# (the page turns hyphenation off) at widths where it would, and the footer has the version.
# Usage: check_man.sh VERSION PAGE...
set -u
version=$1
shift
failures=0
checks=0
fail() { echo "FAILED: $1"; failures=$((failures + 1)); }
for page in "$@"; do
  checks=$((checks + 5))
  lint=$(mandoc -Tlint "$page" 2>&1)
  [ -z "$lint" ] || fail "mandoc -Tlint $page: $(wc -l <<< "$lint") messages"$'\n'"$lint"
  for width in 60 72 80; do
    # groff marks a word it breaks with U+2010 at the end of the line.
    broken=$(MANWIDTH=$width man -l "$page" 2> /dev/null | grep -E $'\u2010$' | head -3)
    [ -z "$broken" ] || fail "$page at $width columns hyphenates:"$'\n'"$broken"
  done
  footer=$(MANWIDTH=80 man -l "$page" 2> /dev/null | tail -1)
  grep -q "knotplan $version" <<< "$footer" || fail "$page: no 'knotplan $version' in the footer: $footer"
done
echo "$checks man page checks"
echo "$((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
