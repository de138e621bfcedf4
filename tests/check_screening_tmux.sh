#!/usr/bin/env bash
# The screening questions in a real terminal: tmux runs an interactive bash, send-keys
# answers, capture-pane reads the screen. Checks the answers through to a routine and
# the equivalent command, Enter for defaults, a bad answer asked again, a yes that is an
# emergency ending the questions, q (exit 0), Ctrl-C (exit 130), and that without a
# terminal nothing is asked.
# Usage: check_screening_tmux.sh KNOTPLAN_BINARY
set -u
binary=$1
if ! command -v tmux > /dev/null; then
  echo "SKIP: tmux not installed (apt-get install tmux)"
  exit 77  # ctest: skipped
fi
TMUX_TMPDIR=$(mktemp -d)
export TMUX_TMPDIR
session=screening
failures=0
checks=0

fail() { echo "FAILED: $*"; failures=$((failures + 1)); }
screen() { tmux capture-pane -p -J -S -200 -t "$session"; }
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
fresh() { tmux send-keys -t "$session" "clear; tmux clear-history" Enter; sleep 0.3; }

# The config file and environment of the machine running the tests must not answer.
tmux new-session -d -s "$session" -x 120 -y 50 \
  "env -i PATH=/usr/bin:/bin HOME=$TMUX_TMPDIR TERM=xterm PS1='$ ' bash --norc --noprofile"
trap 'tmux kill-server 2> /dev/null; rm -rf "$TMUX_TMPDIR"' EXIT
type_line "stty -g > $TMUX_TMPDIR/before"

# 1. Answered through to a routine: numbers, a name, a bad answer asked again, Enter.
type_line "$binary --color never; echo status=\$?"
wait_for "Where is the knot?"
type_line "neck"
wait_for "Since when has it hurt?"
type_line "next week"
wait_for "not a time I understand"      # the problem is named, and the question asked again
type_line "3d"
wait_for "What most likely set it off?"
type_line "1"
wait_for "How strong is the pain now"
type_line "11"
wait_for "type a whole number from 0 to 10"
type_line "6"
wait_for "What do you have to hand?"
type_line "1"
wait_for "Do any of these apply to you?"
type_line ""
wait_for "Your age in years?"
type_line "44"
wait_for "[y/N]"
for _ in 1 2 3 4 5 6 7; do
  screen | grep -qF "The same answers as a command" && break
  type_line ""
  sleep 0.3
done
wait_for "knotplan --area neck --since 3d --cause posture --pain 6 --equipment tennis-ball --age 44"
wait_for "Stop and get help if:"
wait_for "status=0"
questions=$(screen | grep -cF "[y/N]")
checks=$((checks + 1)); ((questions >= 1 && questions <= 7)) || fail "$questions yes/no questions"

# 2. A yes that is an emergency ends the questions and withholds the routine.
fresh
type_line "$binary start --color never; echo status=\$?"
wait_for "Where is the knot?"
type_line "3"
for _ in 1 2 3 4 5 6; do type_line ""; sleep 0.2; done
wait_for "Do you have chest pain or pressure"
type_line "y"
wait_for "No routine today. This is an emergency."
wait_for "--symptom chest-pain"
wait_for "status=3"
checks=$((checks + 1))
screen | grep -qF "tearing or ripping" && fail "questions went on after an emergency"

# 3. q leaves with exit 0, Ctrl-C with 130.
fresh
type_line "$binary start; echo status=\$?"
wait_for "Where is the knot?"
type_line "q"
wait_for "Left without a routine."
wait_for "status=0"
fresh
type_line "$binary"
wait_for "Where is the knot?"
type_line "2"
wait_for "Since when has it hurt?"
tmux send-keys -t "$session" C-c
wait_for "knotplan: interrupted"
# A shell drops the rest of a line after Ctrl-C, so the status is asked for on its own.
type_line 'echo status=$?'
wait_for "status=130"

# 4. Without a terminal nothing is asked: the usage error names --area.
fresh
type_line "$binary < /dev/null | cat; echo status=\${PIPESTATUS[0]}"
wait_for "Usage: knotplan --area AREA"
wait_for "status=2"
type_line "$binary start < /dev/null | cat; echo status=\${PIPESTATUS[0]}"
wait_for "asks its questions on a terminal"

# 5. The terminal is as it was.
type_line "stty -g > $TMUX_TMPDIR/after; cmp -s $TMUX_TMPDIR/before $TMUX_TMPDIR/after && echo stty-same || echo stty-changed"
wait_for "stty-same"

echo "$checks screening checks in tmux"
echo "$((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
