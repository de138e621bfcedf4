#!/usr/bin/env bash
# Runs a test only when the tools it needs are installed; otherwise prints what is missing
# and how to install it, and exits 77, which ctest reports as skipped (SKIP_RETURN_CODE).
# Usage: skip_unless.sh REQUIREMENT... -- COMMAND [ARGUMENT...]
# Requirements:
#   --command NAME PACKAGE   a program on PATH (or a path), from the Debian package PACKAGE
#   --python MODULE PACKAGE  a module /usr/bin/python3 imports, from the Debian package
#   --npm-command NAME PACKAGE@VERSION  a program from a global npm package
#   --npm MODULE VERSION     a module from a global npm package (NODE_PATH is set for COMMAND)
#   --font FAMILY PACKAGE    fontconfig gives FAMILY itself, or a font with its metrics
# scripts/bootstrap --with-test-tools installs all of them.
set -u
missing=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
  case $1 in
    --command)
      command -v "$2" > /dev/null || missing+=("$2 not installed (apt-get install $3)") ;;
    --npm-command)
      command -v "$2" > /dev/null || missing+=("$2 not installed (npm install -g $3)") ;;
    --python)
      /usr/bin/python3 -c "import $2" 2> /dev/null ||
        missing+=("Python module $2 not installed (apt-get install $3)") ;;
    --font)
      # fc-match always answers with some font; the family must be the one asked for, or
      # Liberation Sans, which has Arial's metrics (the widths that decide line breaks).
      case $(fc-match -f '%{family}' "$2" 2> /dev/null) in
        *"$2"* | *"Liberation Sans"*) ;;
        *) missing+=("a font with $2's metrics not installed (apt-get install $3)") ;;
      esac ;;
    --npm)
      if [ -z "${NODE_PATH:-}" ]; then
        NODE_PATH=$(npm root -g 2> /dev/null || echo /usr/local/lib/node_modules)
        export NODE_PATH
      fi
      command -v node > /dev/null && node -e "require.resolve('$2')" 2> /dev/null ||
        missing+=("$2 not installed (npm install -g $2@$3)") ;;
    *)
      echo "skip_unless.sh: unknown requirement $1" >&2
      exit 2 ;;
  esac
  shift 3
done
shift
if ((${#missing[@]})); then
  for reason in "${missing[@]}"; do echo "SKIP: $reason"; done
  echo "SKIP: or run scripts/bootstrap --with-test-tools"
  exit 77
fi
exec "$@"
