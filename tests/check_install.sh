#!/usr/bin/env bash
# Installs into a fresh prefix and builds the .deb, then uses both as a new user would:
# the files in their standard places, 'man -l' without warnings, tab completion in a real
# bash (and fish, and zsh's syntax), and the packaged binary.
# Usage: check_install.sh BUILD_DIR
set -u
build=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
checks=0
check() {  # check DESCRIPTION COMMAND...
  checks=$((checks + 1))
  local description=$1
  shift
  "$@" > "$work/out" 2>&1 || { echo "FAILED: $description"; head -5 "$work/out"; failures=$((failures + 1)); }
}
contains() { grep -qF -- "$2" <<< "$1"; }

prefix=$work/prefix
check "cmake --install" cmake --install "$build" --prefix "$prefix"
for file in bin/knotplan share/man/man1/knotplan.1.gz share/bash-completion/completions/knotplan \
            share/zsh/site-functions/_knotplan share/fish/vendor_completions.d/knotplan.fish \
            share/knotplan/schema/knowledge.schema.json share/knotplan/schema/routine.schema.json \
            share/doc/knotplan/README.md share/doc/knotplan/LICENSE; do
  check "installed $file" test -f "$prefix/$file"
done
check "the installed binary runs" "$prefix/bin/knotplan" --area neck --minutes 3

man_warnings() { { MANWIDTH=80 man -l "$1" > /dev/null; } 2>&1; }
check "man -l renders without warnings" test -z "$(man_warnings "$prefix/share/man/man1/knotplan.1.gz")"
page=$(MANWIDTH=80 man -l "$prefix/share/man/man1/knotplan.1.gz" 2> /dev/null)
for section in NAME SYNOPSIS DESCRIPTION OPTIONS COMMANDS "EXIT STATUS" ENVIRONMENT FILES EXAMPLES SAFETY; do
  check "man page section $section" contains "$page" "$section"
done

# Tab completion in a real bash: what the completion function offers for a line.
complete_bash() {
  bash --norc -c 'source "$1"; read -ra COMP_WORDS <<< "$2"; [[ $2 == *" " ]] && COMP_WORDS+=("");
                  COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _knotplan; echo "${COMPREPLY[*]}"' \
    _ "$prefix/share/bash-completion/completions/knotplan" "$1"
}
check "bash: --area u offers upper-back" test "$(complete_bash "knotplan --area u")" == "upper-back"
offered=$(complete_bash "knotplan --cause s")
for cause in sleep strain stress; do check "bash: --cause s offers $cause" contains " $offered " " $cause "; done
check "bash: subcommands" contains "$(complete_bash "knotplan ")" "list show sources log history kb config completions help"
check "bash: comma lists" test "$(complete_bash "knotplan -e tennis-ball,foam")" == "tennis-ball,foam-roller"
check "fish: --area u offers upper-back" contains \
  "$(PATH="$prefix/bin:$PATH" fish -c "source $prefix/share/fish/vendor_completions.d/knotplan.fish; complete -C 'knotplan --area u'")" "upper-back"
check "zsh: the script parses" zsh -n "$prefix/share/zsh/site-functions/_knotplan"

# The Debian package: its dependencies, its files, and its binary and man page working.
check "cpack -G DEB" cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/deb"
deb=$(find "$work/deb" -maxdepth 1 -name 'knotplan_*.deb' 2> /dev/null | head -1)
info=$(dpkg-deb -I "$deb" 2> /dev/null)
# The package's binary is dynamically linked even from a static build (cmake/Install.cmake).
check "the .deb depends on libstdc++6" contains "$info" "libstdc++6"
check "dpkg-deb -x" dpkg-deb -x "$deb" "$work/root"
check "the packaged binary runs" "$work/root/usr/bin/knotplan" --version
check "the packaged man page renders" test -z "$(man_warnings "$work/root/usr/share/man/man1/knotplan.1.gz")"
check "the packaged bash completion is in place" test -f "$work/root/usr/share/bash-completion/completions/knotplan"
check "the packaged zsh completion is in Debian's fpath" test -f "$work/root/usr/share/zsh/vendor-completions/_knotplan"

echo "$checks install checks"
echo "$((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
