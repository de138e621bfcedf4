#include "guide_terminal.hpp"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>

#include "knotplan/output_file.hpp"
#include "knotplan/terminal.hpp"

namespace knotplan {

namespace {

// Set by the signal handlers, read by the loop that waits for keys. A handler only sets
// these and writes to the self-pipe, both async-signal-safe; the terminal is changed
// outside it, where the saved settings and the C++ library may be used.
volatile std::sig_atomic_t received_signal = 0;  // an ending signal; the first one counts
volatile std::sig_atomic_t suspend_asked = 0;    // SIGTSTP (Ctrl-Z)
volatile std::sig_atomic_t continued = 0;        // SIGCONT (fg, bg, kill -CONT)
volatile std::sig_atomic_t resized = 0;          // SIGWINCH
// The write end of the guide's self-pipe, or -1. A signal that comes between the loop's
// look at the flags and its poll() still ends the poll at once, through the pipe.
volatile std::sig_atomic_t wake_fd = -1;

// Restores the cursor and the character attributes, in case anything was left changed.
constexpr std::string_view kShowCursor = "\033[0m\033[?25h";
constexpr std::string_view kHideCursor = "\033[?25l";

extern "C" void remember_signal(int signal_number) {
  if (received_signal == 0) received_signal = signal_number;
}

extern "C" void note_guide_signal(int signal_number) {
  const int saved_errno = errno;  // write() may change it under the interrupted code
  if (signal_number == SIGTSTP) {
    suspend_asked = 1;
  } else if (signal_number == SIGCONT) {
    continued = 1;
  } else if (signal_number == SIGWINCH) {
    resized = 1;
  } else if (received_signal == 0) {
    received_signal = signal_number;
  }
  if (wake_fd >= 0) {
    const char byte = 0;
    const ssize_t ignored = ::write(wake_fd, &byte, 1);  // a full pipe already wakes poll
    static_cast<void>(ignored);
  }
  errno = saved_errno;
}

double steady_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

void write_all(std::string_view text) {
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fflush(stdout);
}

}  // namespace

void SavedHandlers::catch_signal(int signal_number, void (*handler)(int)) {
  struct sigaction action {};
  action.sa_handler = handler;
  sigfillset(&action.sa_mask);  // one handler at a time: they share errno and the pipe
  action.sa_flags = 0;          // no SA_RESTART: a signal wakes poll() and read() at once
  struct sigaction old {};
  if (count_ == saved_.size() || sigaction(signal_number, &action, &old) != 0) return;
  // A signal ignored on entry stays ignored (nohup, a background job of a script): the
  // caller asked not to be stopped by it.
  if (old.sa_handler == SIG_IGN) {
    sigaction(signal_number, &old, nullptr);
    return;
  }
  saved_[count_++] = {signal_number, old};
}

void SavedHandlers::restore() {
  while (count_ > 0) {
    --count_;
    sigaction(saved_[count_].signal_number, &saved_[count_].action, nullptr);
  }
}

TerminalGuideIo::TerminalGuideIo(bool keys) : live_(keys), keys_(keys) {
  if (pipe2(wake_, O_CLOEXEC | O_NONBLOCK) == 0) {
    wake_fd = wake_[1];
  } else {
    wake_[0] = wake_[1] = -1;  // the loop still sees the flags, within a slice
  }
  for (const int signal_number : kEndingSignals)
    handlers_.catch_signal(signal_number, note_guide_signal);
  if (keys_ && tcgetattr(STDIN_FILENO, &saved_) == 0) {
    have_saved_ = true;
    enter_raw_mode();
  }
  // Job control and resizes matter only to a terminal the guide draws on and changed.
  if (live_) {
    handlers_.catch_signal(SIGTSTP, note_guide_signal);
    handlers_.catch_signal(SIGCONT, note_guide_signal);
    handlers_.catch_signal(SIGWINCH, note_guide_signal);
  }
}

TerminalGuideIo::~TerminalGuideIo() {
  // Keys typed after the last one the guide read (after q, say) were meant for the guide:
  // discard them, or the shell would run them as a command.
  if (have_saved_) tcflush(STDIN_FILENO, TCIFLUSH);
  restore_terminal();
  handlers_.restore();
  wake_fd = -1;
  for (const int fd : wake_)
    if (fd >= 0) close(fd);
  suspend_asked = 0;
  continued = 0;
  resized = 0;
  std::fflush(stdout);
}

void TerminalGuideIo::enter_raw_mode() {
  if (!have_saved_) return;
  // Always made from the settings from before the guide, so that they are what is
  // restored at the end, whatever the shell did to the terminal while the guide stopped.
  termios raw = saved_;
  // Keys arrive one at a time and unechoed; ISIG stays on, so Ctrl-C is still a signal.
  raw.c_lflag &= static_cast<tcflag_t>(~(ICANON | ECHO));
  raw.c_cc[VMIN] = 0;
  raw.c_cc[VTIME] = 0;
  raw_ = tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0;
}

void TerminalGuideIo::restore_terminal() {
  if (raw_) tcsetattr(STDIN_FILENO, TCSANOW, &saved_);
  raw_ = false;
  if (live_) write_all(kShowCursor);
}

void TerminalGuideIo::handle_job_control() {
  if (suspend_asked != 0) {
    suspend_asked = 0;
    // Ctrl-Z: the shell gets the terminal as it was, then the process stops; SIGSTOP,
    // because SIGTSTP would only come back to this handler.
    restore_terminal();
    const double stopped_at = steady_seconds();
    kill(getpid(), SIGSTOP);
    stopped_ += steady_seconds() - stopped_at;
    continued = 1;  // SIGCONT has set it already; stated so as not to depend on it
  }
  if (continued != 0) {
    continued = 0;
    enter_raw_mode();
    if (live_) write_all(kHideCursor);
    redraw_ = true;
  }
  if (resized != 0) {
    resized = 0;
    redraw_ = true;
  }
}

double TerminalGuideIo::now() {
  return steady_seconds() - stopped_;
}

std::optional<char> TerminalGuideIo::wait_for_key(double seconds) {
  const double until = now() + std::max(0.0, seconds);
  while (true) {
    handle_job_control();
    if (received_signal != 0) return std::nullopt;
    std::array<pollfd, 2> watched{{{wake_[0], POLLIN, 0}, {keys_ ? STDIN_FILENO : -1, POLLIN, 0}}};
    // ppoll() to the nanosecond: poll()'s milliseconds would round the short waits of a
    // fast clock to nothing, and the guide would spin.
    const double left = std::max(0.0, until - now());
    timespec timeout{};
    timeout.tv_sec = static_cast<time_t>(left);
    timeout.tv_nsec = static_cast<long>((left - std::floor(left)) * 1e9);
    const int ready = ppoll(watched.data(), watched.size(), &timeout, nullptr);
    if (ready > 0 && (watched[0].revents & POLLIN) != 0) {
      char drained[64];
      while (read(wake_[0], drained, sizeof drained) > 0) {
      }
    }
    handle_job_control();
    if (received_signal != 0) return std::nullopt;
    if (ready > 0 && watched[1].revents != 0) {
      char key = 0;
      const ssize_t got = read(STDIN_FILENO, &key, 1);
      if (got == 1) return key;
      if (got == 0 || (errno != EINTR && errno != EAGAIN)) {
        // End of input (the terminal went away): no more keys, only time.
        keys_ = false;
      }
    }
    if (now() >= until) return std::nullopt;
  }
}

void TerminalGuideIo::write(std::string_view text) {
  // Throws IoError when standard output is full or gone: a guide nobody can see is a
  // failure, not a routine done. (The cursor codes on the way out use write_all, which
  // never throws: they run from a destructor.)
  write_standard_output(text);
}

bool TerminalGuideIo::interrupted() {
  return received_signal != 0;
}

std::optional<int> TerminalGuideIo::redraw() {
  if (!redraw_) return std::nullopt;
  redraw_ = false;
  return terminal_width(STDOUT_FILENO).value_or(80);
}

int TerminalGuideIo::signal_received() const {
  return received_signal;
}

TerminalScreeningIo::TerminalScreeningIo() {
  handlers_.catch_signal(SIGINT, remember_signal);
  handlers_.catch_signal(SIGTERM, remember_signal);
}

TerminalScreeningIo::~TerminalScreeningIo() {
  handlers_.restore();
}

void TerminalScreeningIo::write(std::string_view text) {
  write_all(text);
}

std::optional<std::string> TerminalScreeningIo::read_line() {
  std::string line;
  while (received_signal == 0) {
    char byte = 0;
    const ssize_t got = read(STDIN_FILENO, &byte, 1);
    if (got < 0 && errno == EINTR) continue;  // the loop sees a signal that arrived
    if (got <= 0) return line.empty() ? std::nullopt : std::optional(line);
    if (byte == '\n') return line;
    // A pasted novel is not an answer: the line is cut, and the rest still read.
    if (line.size() < 1000) line += byte;
  }
  return std::nullopt;
}

bool TerminalScreeningIo::interrupted() {
  return received_signal != 0;
}

int TerminalScreeningIo::signal_received() const {
  return received_signal;
}

void die_of_signal(int signal_number) {
  std::signal(signal_number, SIG_DFL);
  std::raise(signal_number);
  std::_Exit(128 + signal_number);  // only if the signal was blocked
}

}  // namespace knotplan
