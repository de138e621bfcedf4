#include "guide_terminal.hpp"

#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <thread>

#include "knotplan/output_file.hpp"

namespace knotplan {

namespace {

volatile std::sig_atomic_t received_signal = 0;

extern "C" void remember_signal(int signal_number) {
  received_signal = signal_number;
}

void catch_signal(int signal_number) {
  struct sigaction action {};
  action.sa_handler = remember_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: a signal wakes poll() at once
  sigaction(signal_number, &action, nullptr);
}

}  // namespace

TerminalGuideIo::TerminalGuideIo(bool keys) : keys_(keys) {
  catch_signal(SIGINT);
  catch_signal(SIGTERM);
  if (keys_ && tcgetattr(STDIN_FILENO, &saved_) == 0) {
    termios raw = saved_;
    // Keys arrive one at a time and unechoed; ISIG stays on, so Ctrl-C is still a signal.
    raw.c_lflag &= static_cast<tcflag_t>(~(ICANON | ECHO));
    raw.c_cc[VMIN] = 0;
    raw.c_cc[VTIME] = 0;
    restored_ = tcsetattr(STDIN_FILENO, TCSANOW, &raw) != 0;
  }
}

TerminalGuideIo::~TerminalGuideIo() {
  if (!restored_) tcsetattr(STDIN_FILENO, TCSANOW, &saved_);
  std::fflush(stdout);
}

double TerminalGuideIo::now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::optional<char> TerminalGuideIo::wait_for_key(double seconds) {
  if (received_signal != 0) return std::nullopt;
  const int milliseconds = static_cast<int>(seconds * 1000);
  if (!keys_) {
    // Sleep in short slices so that a signal is seen quickly.
    const double until = now() + seconds;
    while (received_signal == 0 && now() < until)
      std::this_thread::sleep_for(std::chrono::milliseconds(std::min(milliseconds, 50) + 1));
    return std::nullopt;
  }
  pollfd input{STDIN_FILENO, POLLIN, 0};
  if (poll(&input, 1, milliseconds) <= 0) return std::nullopt;
  char key = 0;
  if (read(STDIN_FILENO, &key, 1) != 1) {
    // End of input (the terminal went away): no more keys, only time.
    keys_ = false;
    return std::nullopt;
  }
  return key;
}

void TerminalGuideIo::write(std::string_view text) {
  // Throws IoError when standard output is full or gone: a guide nobody can see is a
  // failure, not a routine done.
  write_standard_output(text);
}

bool TerminalGuideIo::interrupted() {
  return received_signal != 0;
}

int TerminalGuideIo::signal_received() const {
  return received_signal;
}

TerminalScreeningIo::TerminalScreeningIo() {
  catch_signal(SIGINT);
  catch_signal(SIGTERM);
}

void TerminalScreeningIo::write(std::string_view text) {
  write_standard_output(text);
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
