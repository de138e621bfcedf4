#!/usr/bin/env bash
# The guide in a real terminal: tmux runs an interactive bash, send-keys types, and
# capture-pane reads the screen. Checks the countdown, pause, skip, back, quit, Ctrl-C
# (exit 130) and that the terminal settings are the same afterwards.
# Usage: check_guide_tmux.sh KNOTPLAN_BINARY
set -u
binary=$1
if ! command -v tmux > /dev/null; then
  echo "SKIP: tmux not installed (apt-get install tmux)"
  exit 77  # ctest: skipped
fi
TMUX_TMPDIR=$(mktemp -d)
export TMUX_TMPDIR
session=guide
failures=0
checks=0

fail() { echo "FAILED: $*"; failures=$((failures + 1)); }
screen() { tmux capture-pane -p -t "$session"; }
# wait_for TEXT [SECONDS]: polls the screen until TEXT shows, or fails after SECONDS.
wait_for() {
  local deadline=$((SECONDS + ${2:-15}))
  checks=$((checks + 1))
  while ((SECONDS < deadline)); do
    screen | grep -qF -- "$1" && return 0
    sleep 0.1
  done
  fail "'$1' did not appear"; screen | tail -8; return 1
}
type_line() { tmux send-keys -t "$session" -l "$1"; tmux send-keys -t "$session" Enter; }

tmux new-session -d -s "$session" -x 100 -y 40 "env PS1='$ ' bash --norc --noprofile"
trap 'tmux kill-server 2> /dev/null; rm -rf "$TMUX_TMPDIR"' EXIT
type_line "stty -g > $TMUX_TMPDIR/before"

# 1. Countdown, pause, skip, back and quit.
type_line "$binary --area neck --since 2d --no-bell --guide --time-scale 0.05; echo status=\$?"
wait_for "Step 1/"
wait_for " left  ["
first=$(screen | grep -F " left  [" | tail -1)
sleep 1
second=$(screen | grep -F " left  [" | tail -1)
checks=$((checks + 1)); [ "$first" != "$second" ] || fail "the countdown did not move: $first"
tmux send-keys -t "$session" " "
wait_for "Paused: space goes on"
sleep 1
paused_a=$(screen | tail -3)
sleep 1
paused_b=$(screen | tail -3)
checks=$((checks + 1)); [ "$paused_a" == "$paused_b" ] || fail "the screen changed while paused"
tmux send-keys -t "$session" " "
wait_for "Going on."
tmux send-keys -t "$session" "n"
wait_for "Skipped step 1."
wait_for "Step 2/"
tmux send-keys -t "$session" "b"
wait_for "Back to step 1."
tmux send-keys -t "$session" "q"
wait_for "Stopped."
wait_for "status=0"

# 2. Ctrl-C ends with 130, and says so.
type_line "clear; $binary --area upper-back --no-bell --guide --time-scale 0.05"
wait_for " left  ["
tmux send-keys -t "$session" C-c
wait_for "knotplan: interrupted"
type_line 'echo status=$?'
wait_for "status=130"

# 3. To the end at a fast clock.
type_line "clear; $binary --area shoulders --minutes 5 --no-bell --guide --time-scale 0.002; echo status=\$?"
wait_for "Finished." 30
wait_for "status=0"

# 4. A withheld routine is never guided.
type_line "clear; $binary --area upper-back --symptom chest-pain --guide; echo status=\$?"
wait_for "No routine today"
wait_for "status=3"

# 5. The terminal is as it was.
type_line "stty -g > $TMUX_TMPDIR/after; cmp -s $TMUX_TMPDIR/before $TMUX_TMPDIR/after && echo stty-same || echo stty-changed"
wait_for "stty-same"

echo "$checks guide checks in tmux"
echo "$((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
