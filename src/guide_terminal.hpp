#ifndef KNOTPLAN_SRC_GUIDE_TERMINAL_HPP_
#define KNOTPLAN_SRC_GUIDE_TERMINAL_HPP_

#include <termios.h>

#include <array>
#include <csignal>

#include "knotplan/guide.hpp"
#include "knotplan/screening.hpp"

namespace knotplan {

// The signals that end the guide: each one is caught, so that the terminal is restored
// before the process ends of it (see die_of_signal).
inline constexpr std::array kEndingSignals = {SIGHUP,  SIGINT,  SIGQUIT, SIGTERM,
                                              SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE};

// The handlers a signal had before, put back when the object that caught it ends, so that
// a later part of the program (or a second guide) starts from the same state.
class SavedHandlers {
 public:
  void catch_signal(int signal_number, void (*handler)(int));
  void restore();

 private:
  struct Saved {
    int signal_number;
    struct sigaction action;
  };
  std::array<Saved, 16> saved_{};
  std::size_t count_ = 0;
};

// The guide's window on the real terminal: standard output for the screen, standard input
// for keys (read one at a time, without echo, while this object lives), the steady clock,
// and the ending signals as a flag. The terminal's settings are restored when it is
// destroyed, whatever path leads there. In a terminal (`keys`), Ctrl-Z restores them before
// the process stops, fg sets them up again and asks for a redraw, as does a resize.
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
  std::optional<int> redraw() override;

  // The signal that interrupted the session (one of kEndingSignals), 0 when none did.
  int signal_received() const;

 private:
  // Acts on Ctrl-Z, fg and resizes that the signal handler noted.
  void handle_job_control();
  void enter_raw_mode();
  void restore_terminal();

  bool live_;                // a terminal: the player hides the cursor, keys are read
  bool keys_;                // keys are read (until standard input ends)
  bool have_saved_ = false;  // saved_ holds the terminal's settings from before the guide
  bool raw_ = false;         // the terminal is in the guide's mode now
  bool redraw_ = false;
  double stopped_ = 0;  // seconds spent stopped by Ctrl-Z, left out of now()
  termios saved_{};
  SavedHandlers handlers_;
  int wake_[2] = {-1, -1};  // the self-pipe: a signal handler writes a byte to end a poll
};

// The screening questions' window on the real terminal: standard output for questions,
// standard input read a line at a time as the terminal edits it, and SIGINT/SIGTERM as a
// flag. It changes no terminal setting, so there is nothing to restore but the handlers.
class TerminalScreeningIo : public ScreeningIo {
 public:
  TerminalScreeningIo();
  ~TerminalScreeningIo() override;
  TerminalScreeningIo(const TerminalScreeningIo&) = delete;
  TerminalScreeningIo& operator=(const TerminalScreeningIo&) = delete;
  void write(std::string_view text) override;
  std::optional<std::string> read_line() override;
  bool interrupted() override;
  // The signal that interrupted the questions (SIGINT or SIGTERM), 0 when none did.
  int signal_received() const;

 private:
  SavedHandlers handlers_;
};

// Ends the process as the signal would have, once the terminal is restored: the shell
// sees 128 + the signal (130 for Ctrl-C), and a calling script stops too.
[[noreturn]] void die_of_signal(int signal_number);

}  // namespace knotplan

#endif  // KNOTPLAN_SRC_GUIDE_TERMINAL_HPP_
