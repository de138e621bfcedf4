#ifndef KNOTPLAN_GUIDE_HPP_
#define KNOTPLAN_GUIDE_HPP_

#include <optional>
#include <string_view>
#include <vector>

#include "knotplan/routine.hpp"

namespace knotplan {

struct GuideOptions {
  double time_scale = 1.0;  // real seconds per routine second: 0.01 plays 100 times faster
  bool bell = true;         // the terminal bell at every step change
  bool live = true;         // a terminal: countdown redrawn in place, keys; else one line per event
  int width = 80;
};

// What became of one step of a guided session.
struct StepResult {
  bool done = false;  // played to its end; false: skipped, or never reached
  int seconds = 0;    // time spent on it, on the routine's clock (pauses excluded)
};

// How a guided session ended.
struct GuideSummary {
  int done = 0;
  int skipped = 0;
  int total = 0;
  int routine_seconds = 0;  // time spent, on the routine's clock (pauses excluded)
  bool quit = false;
  bool interrupted = false;
  std::vector<StepResult> steps;  // one per step of the routine, in its order
};

// Everything the guide needs from the world: a clock, keys, a screen and Ctrl-C. The
// terminal implements it; tests script it on a virtual clock.
class GuideIo {
 public:
  virtual ~GuideIo() = default;
  // Monotonic seconds.
  virtual double now() = 0;
  // Waits at most `seconds` for a key press and returns it; nullopt when time is up (and
  // at once when an interrupt arrives).
  virtual std::optional<char> wait_for_key(double seconds) = 0;
  virtual void write(std::string_view text) = 0;
  // Whether Ctrl-C (or a termination signal) has arrived.
  virtual bool interrupted() = 0;
  // The terminal's width when the screen must be drawn again (it was resized, or the
  // program goes on after Ctrl-Z and fg); nullopt when nothing changed. Asked after every
  // wait for a key; the flag it reports is cleared by asking.
  virtual std::optional<int> redraw() { return std::nullopt; }
};

// Plays the routine: a 3-2-1 lead-in before each step, the step's instructions and cues
// as their time comes, "switch sides" between the halves of per-side work, "press" and
// "release" beats for techniques that have them, a countdown with a progress bar for the
// step and one for the routine. Keys: space pauses and resumes, n skips to the next step,
// b goes back one step, q quits. Ends with a summary line.
// REQUIRES: routine.status == Status::kOk.
GuideSummary play_routine(const Routine& routine, const GuideOptions& options, GuideIo& io);

}  // namespace knotplan

#endif  // KNOTPLAN_GUIDE_HPP_
