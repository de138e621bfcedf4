#ifndef KNOTPLAN_SRC_GUIDE_TERMINAL_HPP_
#define KNOTPLAN_SRC_GUIDE_TERMINAL_HPP_

#include <termios.h>

#include "knotplan/guide.hpp"
#include "knotplan/screening.hpp"

namespace knotplan {

// The guide's window on the real terminal: standard output for the screen, standard input
// for keys (read one at a time, without echo, while this object lives), the steady clock,
// and SIGINT/SIGTERM as a flag. The terminal's settings are restored when it is destroyed,
// whatever path leads there.
class TerminalGuideIo : public GuideIo {
 public:
  // `keys`: read keys from standard input (it is a terminal); otherwise only wait.
  explicit TerminalGuideIo(bool keys);
  ~TerminalGuideIo() override;
  TerminalGuideIo(const TerminalGuideIo&) = delete;
  TerminalGuideIo& operator=(const TerminalGuideIo&) = delete;

  double now() override;
  std::optional<char> wait_for_key(double seconds) override;
  void write(std::string_view text) override;
  bool interrupted() override;

  // The signal that interrupted the session (SIGINT or SIGTERM), 0 when none did.
  int signal_received() const;

 private:
  bool keys_;
  bool restored_ = true;
  termios saved_{};
};

// The screening questions' window on the real terminal: standard output for questions,
// standard input read a line at a time as the terminal edits it, and SIGINT/SIGTERM as a
// flag. It changes no terminal setting, so there is nothing to restore.
class TerminalScreeningIo : public ScreeningIo {
 public:
  TerminalScreeningIo();
  void write(std::string_view text) override;
  std::optional<std::string> read_line() override;
  bool interrupted() override;
  // The signal that interrupted the questions (SIGINT or SIGTERM), 0 when none did.
  int signal_received() const;
};

// Ends the process as the signal would have, once the terminal is restored: the shell
// sees 128 + the signal (130 for Ctrl-C), and a calling script stops too.
[[noreturn]] void die_of_signal(int signal_number);

}  // namespace knotplan

#endif  // KNOTPLAN_SRC_GUIDE_TERMINAL_HPP_
