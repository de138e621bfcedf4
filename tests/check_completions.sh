#!/usr/bin/env bash
# Tab completion in real shells, from real installs. tmux runs an interactive bash (with
# bash-completion, as Debian's ~/.bashrc loads it) and zsh (with compinit), send-keys presses
# Tab and capture-pane reads the screen; fish answers 'complete -C'. Every shell starts with
# an empty HOME and environment and must find the installed script by itself:
#   1. prefix ~/.local: bash and fish with no configuration; zsh with the one fpath line
#      a user must add (the script names it);
#   2. prefix /usr/local and 3. the .deb's files under /usr: in a private mount namespace
#      (unshare), an empty folder is mounted over /usr/local (and a copy of /etc/fish over
#      /etc/fish) and 'cmake --install --prefix /usr/local' writes there; the .deb's files
#      are mounted into copies of the three /usr/share folders. The shells then look in their
#      own default places, with nothing set, and nothing outside this test changes. Without
#      the rights to make a mount namespace, 2 and 3 are reported as skipped.
# Also checks that the generated scripts pass shellcheck, zsh -n and fish -n.
# Usage: check_completions.sh BUILD_DIR
set -u
build=$(cd "$1" && pwd)
for tool in tmux bash zsh fish shellcheck; do
  command -v "$tool" > /dev/null || { echo "SKIP: $tool not installed"; exit 77; }
done
bash_completion=/usr/share/bash-completion/bash_completion
[ -f "$bash_completion" ] || { echo "SKIP: bash-completion not installed"; exit 77; }

# Run the whole test in a private mount namespace when possible (root, or a user namespace).
# Mounts are made only when this namespace is not the one the test started in.
namespace=$(readlink /proc/self/ns/mnt)
if [ -z "${KNOTPLAN_OUTER_NAMESPACE:-}" ]; then
  export KNOTPLAN_OUTER_NAMESPACE=$namespace
  for how in "unshare --mount" "unshare --map-root-user --mount"; do
    # shellcheck disable=SC2086  # HOW is a command and its options
    $how true 2> /dev/null && exec $how --propagation private bash "$0" "$@"
  done
fi
private_mounts=0
[ -n "$namespace" ] && [ "$namespace" != "$KNOTPLAN_OUTER_NAMESPACE" ] && private_mounts=1

work=$(mktemp -d)
chmod 755 "$work"
export TMUX_TMPDIR=$work
trap 'tmux kill-server 2> /dev/null; rm -rf "$work"' EXIT
failures=0
checks=0
fail() { echo "FAILED: $*"; failures=$((failures + 1)); }
pass() { checks=$((checks + 1)); }

# The generated scripts themselves.
for shell in bash zsh fish; do "$build/knotplan" completions "$shell" > "$work/knotplan.$shell"; done
pass; shellcheck -s bash "$work/knotplan.bash" > "$work/out" 2>&1 || { fail "shellcheck"; head -20 "$work/out"; }
pass; zsh -n "$work/knotplan.zsh" 2> "$work/out" || { fail "zsh -n"; head -5 "$work/out"; }
pass; fish -n "$work/knotplan.fish" 2> "$work/out" || { fail "fish -n"; head -5 "$work/out"; }

# Where completion runs: a file with a space, a folder with one, and a file in it.
files=$work/files
mkdir -p "$files/sub dir"
touch "$files/my kb.json" "$files/sub dir/inner.json"

# The PATH a new user has (fish completes only commands it finds), and the packaged binary.
extra_path=""
path_for() { echo "$1/.local/bin:/usr/local/bin:/usr/bin:/bin$extra_path"; }
# start_shell NAME HOME COMMAND: an interactive shell in tmux with an empty environment.
start_shell() {
  tmux kill-session -t "$1" 2> /dev/null
  tmux -f /dev/null new-session -d -s "$1" -x 160 -y 40 -c "$files" \
    "env -i HOME='$2' PATH='$(path_for "$2")' TERM=screen LANG=C.UTF-8 $3"
}
screen() { tmux capture-pane -p -t "$1"; }
# wait_screen SESSION TEXT [SECONDS]: whether TEXT shows within SECONDS.
wait_screen() {
  local deadline=$((SECONDS + ${3:-5}))
  until screen "$1" | grep -qF -- "$2"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.05
  done
}
# fresh SESSION: an empty line on a cleared screen.
fresh() {
  tmux send-keys -t "$1" C-c
  sleep 0.05
  tmux send-keys -t "$1" C-l
  local deadline=$((SECONDS + 5))
  while (($(screen "$1" | grep -c .) > 1)) && ((SECONDS < deadline)); do sleep 0.05; done
}
# type_line SESSION LINE: LINE typed on a fresh prompt, and still there a moment later.
# A shell busy when Ctrl-C arrives takes it late, and the terminal then throws away the
# keys typed after it: the line is typed again when that happens.
type_line() {
  local attempt
  for attempt in 1 2 3; do
    fresh "$1"
    tmux send-keys -t "$1" -l "$2"
    wait_screen "$1" "${2% }" || continue
    sleep 0.3
    screen "$1" | grep -qF -- "${2% }" && return 0
    echo "note: $1: '$2' vanished after it was typed (attempt $attempt)"
  done
  return 1
}
# tab SESSION LINE KEYS EXPECTED... [! UNWANTED...]: types LINE, then KEYS (Tab, or Tab Tab
# for bash's list), then @ to show where the cursor is, and checks the screen.
tab() {
  local session=$1 line=$2 keys=$3 unwanted=0 text
  shift 3
  pass
  type_line "$session" "$line" || fail "$session: '$line' did not show as typed"
  # shellcheck disable=SC2086  # KEYS are separate tmux key names
  tmux send-keys -t "$session" $keys
  tmux send-keys -t "$session" -l "@"
  for text in "$@"; do
    if [ "$text" = "!" ]; then unwanted=1; continue; fi
    pass
    if ((unwanted)); then
      screen "$session" | grep -qF -- "$text" && { fail "$session: '$line' + $keys offers '$text'"; screen "$session"; }
    elif ! wait_screen "$session" "$text"; then
      fail "$session: '$line' + $keys did not show '$text'"; screen "$session" | head -12
    fi
  done
}
# shows SESSION COMMAND TEXT: runs COMMAND at the prompt and waits for TEXT.
shows() {
  fresh "$1"
  tmux send-keys -t "$1" -l "$2"
  tmux send-keys -t "$1" Enter
  pass
  wait_screen "$1" "$3" || { fail "$1: '$2' did not show '$3'"; screen "$1" | head -8; }
}

# start_bash HOME, start_zsh HOME [ZSHRC_LINE]: the shells as a new user has them.
start_bash() {
  printf '%s\n' "PS1='$ '" ". $bash_completion" > "$1/.bashrc"
  start_shell bash "$1" "bash -i"
  wait_screen bash '$' 10 || fail "bash did not start"
}
start_fish() {  # HOME
  # Set what fish sets on its first run, so that it does not parse every man page then.
  env -i HOME="$1" fish -c 'set -U __fish_initialized 3400'
  start_shell fish "$1" "fish -i"
  wait_screen fish "files" 10 || fail "fish did not start"
}
start_zsh() {
  printf '%s\n' "PROMPT='%% '" "${2:-}" "autoload -Uz compinit" "compinit" > "$1/.zshrc"
  start_shell zsh "$1" "zsh -i"
  wait_screen zsh '%' 10 || fail "zsh did not start"
}
# fish_offers HOME LINE EXPECTED... [! UNWANTED...]: what fish's complete -C offers.
fish_offers() {
  local home=$1 line=$2 unwanted=0 text offered
  shift 2
  offered=$(cd "$files" && env -i HOME="$home" PATH="$(path_for "$home")" \
            fish -c "complete -C '$line'" 2>&1)
  for text in "$@"; do
    if [ "$text" = "!" ]; then unwanted=1; continue; fi
    pass
    if ((unwanted)); then
      grep -qF -- "$text" <<< "$offered" && fail "fish: '$line' offers '$text'"
    else
      grep -qF -- "$text" <<< "$offered" || { fail "fish: '$line' did not offer '$text'"; head -5 <<< "$offered"; }
    fi
  done
}
# fish_loads HOME FILE: the completion script fish loads is FILE.
fish_loads() {
  pass
  local from
  from=$(cd "$files" && env -i HOME="$1" PATH="$(path_for "$1")" \
         fish -c "complete -C 'knotplan --area u' > /dev/null; functions --details __knotplan_at")
  [ "$from" = "$2" ] || fail "fish loaded '$from', not $2"
}

# The same few checks in every prefix, then where each shell found the script.
quick_checks() {  # HOME BASH_FILE ZSH_FILE FISH_FILE
  tab bash "knotplan --cause=stra" Tab "--cause=strain @"
  tab bash "knotplan kb check " "Tab Tab" "my kb.json" "sub dir/" ! "export"
  shows bash "shopt -s extdebug; declare -F _knotplan" "$2"
  tab zsh "knotplan --area=upper-b" Tab "--area=upper-back"
  tab zsh "knotplan kb check " Tab "my\\ kb.json" "sub\\ dir/" ! "export"
  shows zsh "whence -v _knotplan" "$3"
  fish_offers "$1" "knotplan --area=u" "--area=upper-back"
  fish_loads "$1" "$4"
}

echo "== prefix ~/.local"
home=$work/home
mkdir -p "$home"
cmake --install "$build" --prefix "$home/.local" > "$work/out" 2>&1 || { fail "cmake --install"; cat "$work/out"; }
start_bash "$home"
# zsh has no folder of its own under ~/.local: a user adds it to fpath before compinit.
# shellcheck disable=SC2016  # the line, as a user writes it in ~/.zshrc
start_zsh "$home" 'fpath=(~/.local/share/zsh/site-functions $fpath)'

# Option names, values, --opt=value, comma lists, files with spaces, folders, subcommands.
tab bash "knotplan --equip" Tab "--equipment @"
tab bash "knotplan --cause s" "Tab Tab" "sleep" "strain" "stress"
tab bash "knotplan --cause=stra" Tab "--cause=strain @"
tab bash "knotplan --area=" "Tab Tab" "upper-back" "lower-back"
tab bash "knotplan --area neck,u" Tab "--area neck,upper-back@"
tab bash "knotplan --equipment=tennis-ball,fo" Tab "--equipment=tennis-ball,foam-roller@"
tab bash "knotplan -e tennis-ball,foam-roller," "Tab Tab" "tennis-ball,foam-roller,hot-pack" ! "foam-roller,tennis-ball"
tab bash "knotplan --symptom fever,stiff-n" Tab "fever,stiff-neck@"
tab bash "knotplan --condition=diabetes,preg" Tab "--condition=diabetes,pregnancy@"
tab bash "knotplan kb check my" Tab "kb check my\\ kb.json @"
tab bash "knotplan --kb=my" Tab "--kb=my\\ kb.json @"
tab bash "knotplan --output su" Tab "--output sub\\ dir/@"
tab bash "knotplan --output sub\\ dir/" Tab "--output sub\\ dir/inner.json @"
tab bash "knotplan kb check " "Tab Tab" "my kb.json" "sub dir/" ! "export"
tab bash "knotplan --area neck kb check --format json " "Tab Tab" "my kb.json" ! "export"
tab bash "knotplan kb " "Tab Tab" "check" "export"
tab bash "knotplan list " "Tab Tab" "areas" "techniques"
tab bash "knotplan show ball-again" Tab "show ball-against-wall @"
tab bash "knotplan completions " "Tab Tab" "bash" "fish" "zsh"
tab bash "knotplan config " Tab "config show @"
tab bash "knotplan help comp" Tab "help completions @"
tab bash "knotplan " "Tab Tab" "sources" "completions" ! "--area"

tab zsh "knotplan --equip" Tab "--equipment"
tab zsh "knotplan --cause s" Tab "sleep" "strain" "stress"
tab zsh "knotplan --cause=stra" Tab "--cause=strain @"
tab zsh "knotplan --area=" Tab "upper-back" "lower-back"
tab zsh "knotplan -a neck,u" Tab "-a neck,upper-back"
tab zsh "knotplan --equipment=tennis-ball,fo" Tab "--equipment=tennis-ball,foam-roller"
tab zsh "knotplan --condition diabetes,preg" Tab "--condition diabetes,pregnancy"
tab zsh "knotplan kb check my" Tab "kb check my\\ kb.json @"
tab zsh "knotplan --kb=my" Tab "--kb=my\\ kb.json @"
tab zsh "knotplan --output su" Tab "--output sub\\ dir/@"
tab zsh "knotplan kb check " Tab "my\\ kb.json" "sub\\ dir/" ! "export"
tab zsh "knotplan --area neck kb check --format json " Tab "my\\ kb.json" ! "export"
tab zsh "knotplan kb " Tab "check" "export"
tab zsh "knotplan list " Tab "areas" "techniques"
tab zsh "knotplan show ball-again" Tab "show ball-against-wall @"
tab zsh "knotplan completions " Tab "bash" "fish" "zsh"
tab zsh "knotplan config " Tab "config show @"
tab zsh "knotplan help comp" Tab "help completions @"
tab zsh "knotplan " Tab "sources" "completions"

fish_offers "$home" "knotplan --equip" "--equipment"
fish_offers "$home" "knotplan --cause s" "sleep" "strain" "stress"
fish_offers "$home" "knotplan --cause=stra" "--cause=strain"
fish_offers "$home" "knotplan --area neck,u" "neck,upper-back" ! "neck,neck"
fish_offers "$home" "knotplan --equipment=tennis-ball,fo" "--equipment=tennis-ball,foam-roller"
fish_offers "$home" "knotplan --symptom fever,stiff-n" "fever,stiff-neck"
fish_offers "$home" "knotplan --condition=diabetes,preg" "--condition=diabetes,pregnancy"
fish_offers "$home" "knotplan kb check " "my kb.json" "sub dir/" ! "export"
fish_offers "$home" "knotplan --area neck kb check --format json " "my kb.json" ! "export"
fish_offers "$home" "knotplan --output sub\\ dir/" "sub dir/inner.json"
fish_offers "$home" "knotplan kb " "check" "export"
fish_offers "$home" "knotplan list " "areas" "techniques"
fish_offers "$home" "knotplan show ball-again" "ball-against-wall"
fish_offers "$home" "knotplan completions " "bash" "fish" "zsh"
fish_offers "$home" "knotplan config " "show"
fish_offers "$home" "knotplan help comp" "completions"
# What fish puts on the line: a file name with its space escaped, a folder with no space.
start_fish "$home"
tab fish "knotplan kb check my" Tab "kb check my\\ kb.json @"
tab fish "knotplan --output su" Tab "--output sub\\ dir/@"
quick_checks "$home" "$home/.local/share/bash-completion/completions/knotplan" \
  "$home/.local/share/zsh/site-functions/_knotplan" \
  "$home/.local/share/fish/vendor_completions.d/knotplan.fish"

if ((!private_mounts)); then
  echo "SKIP: /usr/local and /usr checks: no mount namespace (unshare) here"
else
  echo "== prefix /usr/local"
  home=$work/home-usr-local
  mkdir -p "$home" "$work/usr-local" "$work/etc-fish"
  cp -a /etc/fish/. "$work/etc-fish/"
  mount --bind "$work/usr-local" /usr/local || fail "mounting over /usr/local"
  mount --bind "$work/etc-fish" /etc/fish || fail "mounting over /etc/fish"
  cmake --install "$build" --prefix /usr/local > "$work/out" 2>&1 || { fail "cmake --install"; cat "$work/out"; }
  start_bash "$home"
  start_zsh "$home"
  quick_checks "$home" /usr/local/share/bash-completion/completions/knotplan \
    /usr/local/share/zsh/site-functions/_knotplan /etc/fish/completions/knotplan.fish
  pass; [ -f /usr/local/share/fish/vendor_completions.d/knotplan.fish ] ||
    fail "no fish script in /usr/local/share/fish/vendor_completions.d"
  umount /usr/local /etc/fish

  echo "== the .deb's files under /usr"
  home=$work/home-usr
  mkdir -p "$home"
  cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/deb" > "$work/out" 2>&1 ||
    { fail "cpack"; tail -5 "$work/out"; }
  dpkg-deb -x "$work"/deb/knotplan_*.deb "$work/root" || fail "dpkg-deb -x"
  for dir in /usr/share/bash-completion/completions /usr/share/zsh/vendor-completions \
             /usr/share/fish/vendor_completions.d; do
    copy=$work/copy$dir
    mkdir -p "$copy"
    cp -a "$dir/." "$copy/" 2> /dev/null
    cp "$work/root$dir"/* "$copy/" || fail "the .deb has nothing in $dir"
    mount --bind "$copy" "$dir" || fail "mounting over $dir"
  done
  extra_path=:$work/root/usr/bin  # fish completes only commands it finds
  start_bash "$home"
  start_zsh "$home"
  quick_checks "$home" /usr/share/bash-completion/completions/knotplan \
    /usr/share/zsh/vendor-completions/_knotplan /usr/share/fish/vendor_completions.d/knotplan.fish
fi

echo "$checks completion checks"
echo "$((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
