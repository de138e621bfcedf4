#include "knotplan/guide.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "knotplan/terminal.hpp"
#include "render/text_layout.hpp"
#include "render/wording.hpp"

namespace knotplan {

namespace {

constexpr int kLeadInSeconds = 3;
// Keys are read and the countdown redrawn at most this often, in real seconds.
constexpr double kSliceSeconds = 0.1;
constexpr const char* kClearLine = "\r\033[K";

enum class Action { kNone, kSkip, kBack, kQuit, kInterrupt };

std::string bar(double fraction, int width) {
  const int filled = std::clamp(static_cast<int>(std::lround(fraction * width)), 0, width);
  std::string drawn(static_cast<std::size_t>(width) + 2, '-');
  drawn.front() = '[';
  drawn.back() = ']';
  std::fill_n(drawn.begin() + 1, filled, '#');
  return drawn;
}

class Session {
 public:
  Session(const Routine& routine, const GuideOptions& options, GuideIo& io)
      : routine_(routine),
        options_(options),
        io_(io),
        status_(routine.steps.size(), kNotReached),
        seconds_(routine.steps.size(), 0.0),
        width_(options.width) {}

  GuideSummary run() {
    GuideSummary summary;
    summary.total = static_cast<int>(routine_.steps.size());
    event(fmt::format("Guided routine: {} steps, {}. Keys: space pause, n next, b back, q quit.",
                      routine_.steps.size(), clock_time(routine_.total_seconds)));
    if (!routine_.watch_for.empty()) event(fmt::format("{}:", kWatchHeading));
    for (const WarningLine& line : routine_.watch_for) event("  ! " + line.text);
    if (!routine_.pressure_scale.empty()) event(routine_.pressure_scale);
    std::size_t index = 0;
    while (index < routine_.steps.size()) {
      const double started = routine_clock_;
      const Action action = run_step(index);
      seconds_[index] += routine_clock_ - started;
      if (action == Action::kQuit) {
        summary.quit = true;
        break;
      }
      if (action == Action::kInterrupt) {
        summary.interrupted = true;
        break;
      }
      if (action == Action::kBack) {
        event(fmt::format("Back to step {}.", index > 0 ? index : 1));
        index = index > 0 ? index - 1 : 0;
        continue;
      }
      status_[index] = action == Action::kSkip ? kSkipped : kDone;
      if (action == Action::kSkip) event(fmt::format("Skipped step {}.", index + 1));
      ++index;
    }
    summary.done = static_cast<int>(std::count(status_.begin(), status_.end(), kDone));
    summary.skipped = static_cast<int>(std::count(status_.begin(), status_.end(), kSkipped));
    summary.routine_seconds = static_cast<int>(std::lround(routine_clock_));
    for (std::size_t i = 0; i < status_.size(); ++i)
      summary.steps.push_back(
          StepResult{status_[i] == kDone, static_cast<int>(std::lround(seconds_[i]))});
    if (!summary.interrupted) finish(summary);
    if (options_.live) io_.write(std::string(kClearLine) + "\033[?25h");
    return summary;
  }

 private:
  enum StepStatus { kNotReached, kDone, kSkipped };

  // A line that stays: in a terminal above the countdown, else stamped with the time.
  void event(const std::string& text) {
    const std::string line = printable(text);
    if (options_.live) {
      io_.write(std::string(kClearLine) + line + "\n");
      // The status line is gone until it is drawn again: a resize has nothing to clear.
      status_text_.clear();
      status_width_ = 0;
    } else {
      const int now = static_cast<int>(std::lround(routine_clock_));
      io_.write(fmt::format("[{}] {}\n", clock_time(now), line));
    }
  }

  // The line that is redrawn in place; only in a terminal.
  void status_line(const std::string& text) {
    if (!options_.live) return;
    std::string line = printable(text);
    const auto room = static_cast<std::size_t>(std::max(20, width_ - 1));
    if (display_width(line) > room) line = line.substr(0, room);
    io_.write(std::string(kClearLine) + line);
    status_text_ = text;
    status_width_ = static_cast<int>(display_width(line));
  }

  // Draws the status line again at the terminal's new width, when the terminal asks.
  void redraw_if_asked() {
    const std::optional<int> width = io_.redraw();
    if (!width || !options_.live) return;
    const int old_width = status_width_;
    width_ = std::max(1, *width);
    // A terminal that reflows on a resize (tmux, VTE, kitty) folds a status line wider
    // than the new width onto more rows, with the cursor on the last; go up to its first
    // row and clear to the end of the screen, or the folded part stays behind as a stale
    // line. Lines above the status line end in a newline, so they never fold into it.
    const int rows_above = old_width > 0 ? (old_width - 1) / width_ : 0;
    std::string clear = "\r";
    if (rows_above > 0) clear += fmt::format("\033[{}A", rows_above);
    io_.write(clear + "\033[J");
    if (!status_text_.empty()) status_line(status_text_);
  }

  void bell() {
    if (options_.bell && options_.live) io_.write("\a");
  }

  Action run_step(std::size_t index) {
    const Step& step = routine_.steps[index];
    const Step* before = index > 0 ? &routine_.steps[index - 1] : nullptr;
    event(fmt::format("Step {}/{}: {} · {} · {}", step.index, routine_.steps.size(), step.name,
                      step_facts(step), duration(step.seconds)));
    if (before != nullptr && before->technique == step.technique && before->target == step.target &&
        before->side != step.side)
      event(fmt::format("Switch sides: now the {}.", side_text(step.side)));

    if (!options_.live) event("Get ready: 3, 2, 1.");
    for (int count = kLeadInSeconds; count > 0; --count) {
      status_line(fmt::format("  Get ready... {}", count));
      if (const Action action = wait(1.0); action != Action::kNone) return action;
    }
    for (const std::string& caution : step.cautions) event("  Careful: " + caution);
    bell();
    event("Go.");
    return run_timed(step);
  }

  Action run_timed(const Step& step) {
    // Redraw once a second, or every slice when the clock runs fast.
    const double tick = std::max(1.0, kSliceSeconds / options_.time_scale);
    const std::size_t instructions = step.instructions.size();
    const std::size_t cues = step.cues.size();
    std::size_t shown_instructions = 0;
    std::size_t shown_cues = 0;
    std::string beat;
    double elapsed = 0;
    while (true) {
      // Instructions spread over the step; each cue halfway through its share.
      while (shown_instructions < instructions &&
             elapsed >= static_cast<double>(shown_instructions) * step.seconds / instructions) {
        event(
            fmt::format("  {}. {}", shown_instructions + 1, step.instructions[shown_instructions]));
        ++shown_instructions;
      }
      while (shown_cues < cues &&
             elapsed >= (static_cast<double>(shown_cues) + 0.5) * step.seconds / cues) {
        event("  ~ " + step.cues[shown_cues]);
        ++shown_cues;
      }
      if (elapsed >= step.seconds) break;
      if (step.beats) {
        const int cycle = step.beats->press + step.beats->release;
        const double into = std::fmod(elapsed, cycle);
        const std::string now = into < step.beats->press ? "PRESS" : "release";
        if (now != beat && !options_.live) event(now == "PRESS" ? "  Press..." : "  ...release.");
        beat = now;
      }
      const double fraction = elapsed / step.seconds;
      const double overall = routine_.total_seconds > 0
                                 ? (step.start_seconds + elapsed) / routine_.total_seconds
                                 : 1.0;
      status_line(fmt::format("  {:>5} left  {} step  {} routine {:>3}%  {}",
                              clock_time(static_cast<int>(std::ceil(step.seconds - elapsed))),
                              bar(fraction, 10), bar(overall, 10),
                              static_cast<int>(std::lround(overall * 100)), beat));
      const double slice = std::min(tick, step.seconds - elapsed);
      if (const Action action = wait(slice); action != Action::kNone) return action;
      elapsed += slice;
    }
    return Action::kNone;
  }

  // Waits `seconds` on the routine's clock, answering keys; a pause does not count. The
  // routine's clock moves by exactly `seconds` when the wait runs out, however late the
  // real clock is: time spent drawing, or a poll() that rounds to milliseconds, divided
  // by a small --time-scale would otherwise add minutes to a 10-minute routine. Only a
  // wait cut short by a key or a signal counts the real time it took.
  Action wait(double seconds) {
    const double real = seconds * options_.time_scale;
    double waited = 0;  // real seconds, pauses excluded
    const Action action = wait_real(real, waited);
    routine_clock_ +=
        action == Action::kNone ? seconds : std::min(seconds, waited / options_.time_scale);
    return action;
  }

  // Waits `real` seconds of real time, answering keys; `waited` says how long it took.
  // Keys and signals are looked at at least once, even when `real` is next to nothing.
  Action wait_real(double real, double& waited) {
    do {
      if (io_.interrupted()) return Action::kInterrupt;
      const double before = io_.now();
      const auto key = io_.wait_for_key(std::clamp(real - waited, 0.0, kSliceSeconds));
      waited += io_.now() - before;
      if (io_.interrupted()) return Action::kInterrupt;
      redraw_if_asked();
      if (!key) continue;
      switch (*key) {
        case ' ': {
          // `waited` was settled before the pause, so the pause costs the step nothing.
          if (const Action action = pause(); action != Action::kNone) return action;
          break;
        }
        case 'n':
        case 'N':
          return Action::kSkip;
        case 'b':
        case 'B':
          return Action::kBack;
        case 'q':
        case 'Q':
          return Action::kQuit;
        default:
          break;
      }
    } while (real - waited > 1e-9);
    return Action::kNone;
  }

  // Waits for the next key; the time spent waiting is taken off the routine's clock.
  Action pause() {
    event("Paused. Press space to go on.");
    status_line("  Paused: space goes on, n next, b back, q quit");
    Action action = Action::kNone;
    while (true) {
      const auto key = io_.wait_for_key(kSliceSeconds);
      if (io_.interrupted()) {
        action = Action::kInterrupt;
        break;
      }
      redraw_if_asked();
      if (!key) continue;
      if (*key == ' ') break;
      if (*key == 'n' || *key == 'N') action = Action::kSkip;
      if (*key == 'b' || *key == 'B') action = Action::kBack;
      if (*key == 'q' || *key == 'Q') action = Action::kQuit;
      if (action != Action::kNone) break;
    }
    if (action == Action::kNone) event("Going on.");
    return action;
  }

  void finish(const GuideSummary& summary) {
    bell();
    event(fmt::format("{} {} of {} steps done, {} skipped, {} spent.",
                      summary.quit ? "Stopped." : "Finished.", summary.done, summary.total,
                      summary.skipped, clock_time(summary.routine_seconds)));
  }

  const Routine& routine_;
  const GuideOptions& options_;
  GuideIo& io_;
  std::vector<StepStatus> status_;
  std::vector<double> seconds_;  // routine seconds spent on each step, going back included
  // Seconds on the routine's clock since the start, pauses excluded: the sum of the
  // waits, not the real clock divided by the time scale (see wait()).
  double routine_clock_ = 0;
  int width_;
  std::string status_text_;  // the status line last drawn, to draw again after a resize
  int status_width_ = 0;     // its width on the screen
};

}  // namespace

GuideSummary play_routine(const Routine& routine, const GuideOptions& options, GuideIo& io) {
  if (options.live) io.write("\033[?25l");  // hide the cursor while the countdown runs
  return Session(routine, options, io).run();
}

}  // namespace knotplan
