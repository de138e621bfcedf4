#!/usr/bin/env bash
# The guide in a real terminal: tmux runs an interactive bash, send-keys types, and
# capture-pane reads the screen. Checks the countdown, pause, skip, back, quit, Ctrl-C
# (exit 130), that every signal that ends the guide leaves the terminal as it was (echo,
# canonical input, cursor shown) with the signal's exit status, Ctrl-Z and fg, a resize,
# keys typed after q, and that the terminal settings are the same afterwards.
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
  fail "'$1' did not appear (line ${BASH_LINENO[0]})"; screen | grep -v '^$' | tail -8; return 1
}
type_line() { tmux send-keys -t "$session" -l "$1"; tmux send-keys -t "$session" Enter; }

tmux new-session -d -s "$session" -x 100 -y 40 "env PS1='$ ' bash --norc --noprofile"
trap 'tmux kill-server 2> /dev/null; rm -rf "$TMUX_TMPDIR"' EXIT
type_line "ulimit -c 0"  # SIGQUIT below would leave a core file
# Sections 1-9 play without the session log; section 10 records into a log of its own.
type_line "export KNOTPLAN_NO_HISTORY=1"
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

# The pid of the newest child of PID (the pane's shell when none given).
child_of() { pgrep -n -P "${1:-$(tmux display -p -t "$session" '#{pane_pid}')}" || true; }
# Prints echo and icanon as stty -a says them ("-echo" when off), then ":stty".
stty_line="stty -a | tr ' ;' '\n\n' | grep -xE -- '-?(echo|icanon)' | tr '\n' ' '; echo :stty"
# terminal_sane WHAT: the cursor is shown and stty says echo and icanon are on.
terminal_sane() {
  checks=$((checks + 1))
  [ "$(tmux display -p -t "$session" '#{cursor_flag}')" == 1 ] || fail "$1: the cursor is hidden"
  type_line "clear; $stty_line"
  wait_for "icanon echo :stty" 5 || fail "$1: the terminal is not back in its mode"
}

# 5. Every signal that ends the guide restores the terminal, and the shell sees 128 + it.
# Under sh, because an interactive bash puts back the terminal of a job that a signal
# killed, and would hide a guide that left it broken; sh runs stty right after it.
cat > "$TMUX_TMPDIR/signalled.sh" << END
'$binary' --area neck --no-bell --guide --time-scale 0.05
echo status=\$?
$stty_line
END
for signal in HUP QUIT TERM USR1 USR2 ALRM PIPE; do
  type_line "clear; sh $TMUX_TMPDIR/signalled.sh"
  wait_for " left  [" || continue
  pid=$(child_of "$(child_of)")
  checks=$((checks + 1))
  [ -n "$pid" ] || { fail "SIG$signal: no knotplan to signal"; continue; }
  kill -s "$signal" "$pid"
  wait_for "status=$((128 + $(kill -l "$signal")))"
  # After a failure, stty sane: the next signal starts from a terminal in its mode.
  wait_for "icanon echo :stty" 5 || type_line "stty sane"
  checks=$((checks + 1))
  [ "$(tmux display -p -t "$session" '#{cursor_flag}')" == 1 ] || fail "SIG$signal: cursor hidden"
done

# 6. Ctrl-Z gives the shell a sane terminal; after fg the keys work at once.
type_line "clear; $binary --area neck --no-bell --guide --time-scale 0.05; echo status=\$?"
wait_for " left  ["
tmux send-keys -t "$session" C-z
wait_for "Stopped"
terminal_sane "Ctrl-Z"
type_line "fg"
wait_for " left  ["
checks=$((checks + 1))
[ "$(tmux display -p -t "$session" '#{cursor_flag}')" == 0 ] || fail "fg: the cursor is shown"
tmux send-keys -t "$session" "q"  # no Enter: in the guide's mode one key is enough
wait_for "Stopped. "
type_line 'echo status=$?'  # bash drops the rest of a command list that was stopped
wait_for "status=0"

# 7. A resize redraws the status line at the new width, and leaves no stale part of it.
type_line "clear; $binary --area neck --no-bell --guide --time-scale 0.05; echo status=\$?"
wait_for " left  ["
tmux resize-window -t "$session" -x 50
sleep 1
# Drawn at the old width, each status line would fold onto two rows and leave one behind.
checks=$((checks + 1))
status_rows=$(screen | grep -cF " left  [")
[ "$status_rows" -eq 1 ] || { fail "after a resize $status_rows status rows"; screen | tail -6; }
tmux send-keys -t "$session" "q"
wait_for "status=0"
tmux resize-window -t "$session" -x 100

# 8. Keys typed after q are the guide's: the shell does not run them.
type_line "clear; $binary --area neck --no-bell --guide --time-scale 0.05; echo status=\$?"
wait_for " left  ["
# One send-keys, so that the rest is in the terminal's queue before the guide reads the q.
tmux send-keys -t "$session" "qecho typed-ahead" Enter
wait_for "status=0"
sleep 0.5
type_line "echo after-q"
wait_for "after-q"
checks=$((checks + 1))
screen | grep -qx "typed-ahead" && fail "keys typed after q reached the shell"

# 10. With the session log: the pain before and after are asked (a bad answer again),
# and the session is recorded with them; Ctrl-C still records the steps done so far.
type_line "unset KNOTPLAN_NO_HISTORY; export XDG_STATE_HOME=$TMUX_TMPDIR/state KNOTPLAN_NOW=2026-11-21"
type_line "clear; $binary --area shoulders --minutes 3 --no-bell --guide --time-scale 0.002; echo status=\$?"
wait_for "Before you start: how is the pain now?"
type_line "eleven"
wait_for "Type a whole number from 0 to 10"
type_line "6"
wait_for "Finished." 30
wait_for "after the session: how is the pain?"
type_line "3"
wait_for "Saved in your session log"
wait_for "status=0"
type_line "clear; $binary history --format csv | cut -d, -f1,2,4-6 | tr -d '\\r'"
wait_for "2026-11-21,shoulders,guide,6,3"
type_line "clear; $binary --area neck --no-bell --guide --time-scale 0.05"
wait_for "how is the pain now?"
type_line ""
wait_for " left  ["
tmux send-keys -t "$session" C-c
wait_for "knotplan: interrupted"
type_line "clear; $binary history --area neck --format csv | tail -n +2 | cut -d, -f1,2,4-6 | tr -d '\\r'"
wait_for "2026-11-21,neck,guide,,"
type_line "export KNOTPLAN_NO_HISTORY=1"

# 9. The terminal is as it was.
type_line "stty -g > $TMUX_TMPDIR/after; cmp -s $TMUX_TMPDIR/before $TMUX_TMPDIR/after && echo stty-same || echo stty-changed"
wait_for "stty-same"

echo "$checks guide checks in tmux"
echo "$((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
