#!/usr/bin/env bash
# The Debian package as Debian would judge it: cpack builds the .deb from the build folder,
# and lintian must report no error and no warning (informational tags are printed, not
# failed). Then what lintian does not look at: the binary is dynamically linked with a real
# Depends, and the changelog's latest entry is this version.
# Usage: check_package.sh BUILD_DIR
set -u
build=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAILED: $1"; failures=$((failures + 1)); }

cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work" > "$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log"; echo "0 passed, 1 failed"; exit 1; }
deb=$(find "$work" -maxdepth 1 -name 'knotplan_*.deb' | head -1)
root_flag=()
[ "$(id -u)" -eq 0 ] && root_flag=(--allow-root)
lintian "${root_flag[@]}" --display-info --pedantic --fail-on error,warning "$deb" \
  > "$work/lintian.log" 2>&1 || fail "lintian reports errors or warnings"
cat "$work/lintian.log"
echo "lintian: $(grep -c '^E:' "$work/lintian.log") errors, $(grep -c '^W:' "$work/lintian.log")" \
     "warnings, $(grep -c '^[IP]:' "$work/lintian.log") informational or pedantic tags"

version=$(dpkg-deb -f "$deb" Version)
grep -q 'libstdc++6' <<< "$(dpkg-deb -f "$deb" Depends)" ||
  fail "Depends does not name libstdc++6: $(dpkg-deb -f "$deb" Depends)"
dpkg-deb -x "$deb" "$work/root"
readelf -d "$work/root/usr/bin/knotplan" | grep -q '(NEEDED)' ||
  fail "the packaged binary is not dynamically linked"
top=$(gzip -dc "$work/root/usr/share/doc/knotplan/changelog.gz" | head -1)
[[ $top == "knotplan ($version) "* ]] || fail "the changelog's latest entry is not $version: $top"

[ "$failures" -eq 0 ] && echo "1 passed, 0 failed" || echo "0 passed, 1 failed"
[ "$failures" -eq 0 ]
