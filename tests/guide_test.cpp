#include "knotplan/guide.hpp"

#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <deque>

#include "knotplan/knowledge_loader.hpp"
#include "knotplan/planner.hpp"
#include "test_support.hpp"

using namespace knotplan;
using testing::make_request;

namespace {

// A virtual clock with keys pressed at set times (real seconds), and a flag for Ctrl-C.
class ScriptedIo : public GuideIo {
 public:
  explicit ScriptedIo(std::deque<std::pair<double, char>> keys = {}) : keys_(std::move(keys)) {}
  double now() override { return clock_; }
  std::optional<char> wait_for_key(double seconds) override {
    // A real terminal waits at least its granularity, however short the wait asked for.
    seconds = std::max(seconds, min_wait_);
    if (interrupt_at_ && clock_ + seconds >= *interrupt_at_) {
      clock_ = *interrupt_at_;
      interrupted_ = true;
      return std::nullopt;
    }
    if (!keys_.empty() && keys_.front().first <= clock_ + seconds) {
      clock_ = std::max(clock_, keys_.front().first);
      const char key = keys_.front().second;
      keys_.pop_front();
      return key;
    }
    clock_ += seconds;
    return std::nullopt;
  }
  void write(std::string_view text) override {
    screen += text;
    clock_ += write_cost_;
  }
  bool interrupted() override { return interrupted_; }
  std::optional<int> redraw() override {
    if (!resize_at_ || clock_ < resize_at_->first) return std::nullopt;
    const int width = resize_at_->second;
    resize_at_.reset();
    return width;
  }

  std::string screen;
  std::optional<double> interrupt_at_;
  double write_cost_ = 0;  // real seconds each write takes, as drawing on a terminal does
  double min_wait_ = 0;    // the shortest wait, as poll() rounds to milliseconds
  std::optional<std::pair<double, int>> resize_at_;  // when, and the new width

 private:
  std::deque<std::pair<double, char>> keys_;
  double clock_ = 0;
  bool interrupted_ = false;
};

Routine neck_routine() {
  return plan(builtin_knowledge_base(), make_request("neck", "2d", "sleep"));
}

GuideOptions plain() {
  GuideOptions options;
  options.live = false;
  return options;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t found = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++found;
  return found;
}

}  // namespace

TEST_CASE("guide: every step in order, with lead-in, instructions, cues and a summary", "[guide]") {
  const Routine routine = neck_routine();
  ScriptedIo io;
  const GuideSummary summary = play_routine(routine, plain(), io);
  CHECK(summary.done == static_cast<int>(routine.steps.size()));
  CHECK(summary.skipped == 0);
  CHECK_FALSE(summary.quit);
  // The routine's own time plus a 3-second lead-in per step.
  CHECK(summary.routine_seconds ==
        routine.total_seconds + 3 * static_cast<int>(routine.steps.size()));
  CHECK(count(io.screen, "Get ready: 3, 2, 1.") == routine.steps.size());
  for (const Step& step : routine.steps) {
    CHECK_THAT(io.screen, Catch::Contains(fmt::format("Step {}/{}: {}", step.index,
                                                      routine.steps.size(), step.name)));
    CHECK_THAT(io.screen, Catch::Contains("  1. " + step.instructions.front()));
  }
  CHECK_THAT(io.screen, Catch::StartsWith("[0:00] Guided routine: "));
  CHECK_THAT(io.screen, Catch::Contains("[0:03] Go.\n"));
  CHECK_THAT(io.screen, Catch::Contains("Switch sides: now the right side."));
  CHECK_THAT(io.screen, Catch::EndsWith(fmt::format(
                            "Finished. {0} of {0} steps done, 0 skipped, {1}:{2:02} spent.\n",
                            routine.steps.size(), summary.routine_seconds / 60,
                            summary.routine_seconds % 60)));
  CHECK(io.screen.find('\a') == std::string::npos);  // no bell without a terminal
  CHECK(io.screen.find("\x1b[") == std::string::npos);
}

TEST_CASE("guide: press and release beats come from the technique", "[guide]") {
  const Routine routine =
      plan(builtin_knowledge_base(), make_request("shoulders", "1w", "posture", 10));
  ScriptedIo io;
  play_routine(routine, plain(), io);
  // Press and release (8 s press, 4 s release) for 90 s: eight presses a side.
  CHECK(count(io.screen, "  Press...") >= 16);
  CHECK(count(io.screen, "  ...release.") >= 16);
}

TEST_CASE("guide: space pauses without counting, n skips, b goes back, q quits", "[guide]") {
  const Routine routine = neck_routine();
  SECTION("pause") {
    ScriptedIo io({{10.0, ' '}, {300.0, ' '}});
    const GuideSummary summary = play_routine(routine, plain(), io);
    CHECK(summary.routine_seconds ==
          routine.total_seconds + 3 * static_cast<int>(routine.steps.size()));
    CHECK_THAT(io.screen,
               Catch::Contains("[0:10] Paused. Press space to go on.\n[0:10] Going on."));
  }
  SECTION("skip") {
    ScriptedIo io({{10.0, 'n'}});
    const GuideSummary summary = play_routine(routine, plain(), io);
    CHECK(summary.skipped == 1);
    CHECK(summary.done == static_cast<int>(routine.steps.size()) - 1);
    CHECK_THAT(io.screen, Catch::Contains("[0:10] Skipped step 1.\n[0:10] Step 2/"));
  }
  SECTION("back") {
    // 70 s in: step 2 has started; back goes to step 1 again.
    ScriptedIo io({{70.0, 'b'}});
    const GuideSummary summary = play_routine(routine, plain(), io);
    CHECK(summary.done == static_cast<int>(routine.steps.size()));
    CHECK_THAT(io.screen, Catch::Contains("[1:10] Back to step 1.\n[1:10] Step 1/"));
  }
  SECTION("quit") {
    // 20 s in, within the first step (30 s after a 3-second lead-in).
    ScriptedIo io({{20.0, 'q'}});
    const GuideSummary summary = play_routine(routine, plain(), io);
    CHECK(summary.quit);
    CHECK(summary.done == 0);
    CHECK_THAT(io.screen, Catch::EndsWith(fmt::format(
                              "[0:20] Stopped. 0 of {} steps done, 0 skipped, 0:20 spent.\n",
                              routine.steps.size())));
  }
  SECTION("quit while paused") {
    ScriptedIo io({{5.0, ' '}, {50.0, 'q'}});
    CHECK(play_routine(routine, plain(), io).quit);
  }
}

TEST_CASE("guide: an interrupt stops at once, without a summary", "[guide]") {
  ScriptedIo io;
  io.interrupt_at_ = 20.0;  // within the first step
  const GuideSummary summary = play_routine(neck_routine(), plain(), io);
  CHECK(summary.interrupted);
  CHECK(summary.done == 0);
  CHECK(io.screen.find("Finished") == std::string::npos);
  CHECK(io.screen.find("Stopped") == std::string::npos);
}

TEST_CASE("guide: the time scale speeds the clock up", "[guide]") {
  GuideOptions fast = plain();
  fast.time_scale = 0.01;
  ScriptedIo io;
  const GuideSummary summary = play_routine(neck_routine(), fast, io);
  CHECK(io.now() < 7.0);  // a 10-minute routine in about 6 real seconds
  CHECK(summary.done == static_cast<int>(neck_routine().steps.size()));
}

TEST_CASE("guide: in a terminal the countdown is redrawn in place, with bells", "[guide]") {
  GuideOptions live;
  live.width = 80;
  ScriptedIo io;
  play_routine(neck_routine(), live, io);
  CHECK_THAT(io.screen, Catch::StartsWith("\x1b[?25l"));  // cursor hidden...
  CHECK_THAT(io.screen, Catch::EndsWith("\x1b[?25h"));    // ...and shown again
  CHECK_THAT(io.screen, Catch::Contains("\r\x1b[K  Get ready... 3"));
  CHECK_THAT(io.screen, Catch::Contains(" left  [#####-----] step  "));
  CHECK(count(io.screen, "\a") == neck_routine().steps.size() + 1);  // each step, and the end
  live.bell = false;
  ScriptedIo quiet;
  play_routine(neck_routine(), live, quiet);
  CHECK(quiet.screen.find('\a') == std::string::npos);
  // Nothing redrawn in place may be wider than the terminal, or it would wrap.
  std::size_t longest = 0;
  std::size_t start = 0;
  for (std::size_t at = 0; at <= quiet.screen.size(); ++at) {
    if (at == quiet.screen.size() || quiet.screen[at] == '\r' || quiet.screen[at] == '\n') {
      const std::string line = quiet.screen.substr(start, at - start);
      if (line.rfind("\x1b[K  ", 0) == 0 && line.find(" left  [") != std::string::npos)
        longest = std::max(longest, line.size() - 3);
      start = at + 1;
    }
  }
  CHECK(longest > 40);
  CHECK(longest < 80);
}

namespace {

// The routine's own time plus the 3-second lead-in of each step, as "m:ss".
std::string full_length(const Routine& routine) {
  const int seconds = routine.total_seconds + 3 * static_cast<int>(routine.steps.size());
  return fmt::format("{}:{:02}", seconds / 60, seconds % 60);
}

}  // namespace

TEST_CASE("guide: the clock is exact at any time scale, however slow the terminal", "[guide]") {
  const Routine routine = neck_routine();
  const double scale = GENERATE(1.0, 0.01, 0.001, 1e-6, 1e-300);
  CAPTURE(scale);
  GuideOptions options = plain();
  options.time_scale = scale;
  ScriptedIo io;
  // Drawing and waking cost real time that is no part of the routine: divided by a small
  // time scale it came to "16:25 spent" for a 10-minute routine, and nothing at 1e-300.
  io.write_cost_ = 0.0002;
  io.min_wait_ = 0.001;
  const GuideSummary summary = play_routine(routine, options, io);
  CHECK(summary.done == static_cast<int>(routine.steps.size()));
  CHECK(summary.routine_seconds ==
        routine.total_seconds + 3 * static_cast<int>(routine.steps.size()));
  CHECK_THAT(io.screen, Catch::Contains("[0:03] Go.\n"));
  CHECK_THAT(io.screen, Catch::Contains(fmt::format("[{0}] Finished. {1} of {1} steps done, 0 "
                                                    "skipped, {0} spent.\n",
                                                    full_length(routine), routine.steps.size())));
}

TEST_CASE("guide: keys are read at any time scale", "[guide]") {
  GuideOptions options = plain();
  options.time_scale = 1e-300;  // every wait is next to nothing
  ScriptedIo io({{0.0, 'q'}});
  const GuideSummary summary = play_routine(neck_routine(), options, io);
  CHECK(summary.quit);
  CHECK(summary.done == 0);
  CHECK(summary.routine_seconds == 0);
}

TEST_CASE("guide: after a resize the status line is drawn again at the new width", "[guide]") {
  GuideOptions live;
  live.width = 80;
  live.bell = false;
  ScriptedIo io;
  io.resize_at_ = {{10.5, 40}};
  play_routine(neck_routine(), live, io);
  // The last status line, 79 columns, folded onto two rows at 40: up one, clear below.
  const std::size_t redrawn = io.screen.find("\r\x1b[1A\x1b[J");
  REQUIRE(redrawn != std::string::npos);
  CHECK(io.screen.find("\r\x1b[J", redrawn + 1) == std::string::npos);  // only once
  // From then on nothing redrawn in place is wider than the new width, or it would fold.
  std::size_t longest = 0;
  std::size_t start = redrawn;
  for (std::size_t at = redrawn; at <= io.screen.size(); ++at) {
    if (at == io.screen.size() || io.screen[at] == '\r' || io.screen[at] == '\n') {
      const std::string line = io.screen.substr(start, at - start);
      if (line.rfind("\x1b[K  ", 0) == 0 && line.find(" left  [") != std::string::npos)
        longest = std::max(longest, line.size() - 3);
      start = at + 1;
    }
  }
  CHECK(longest > 20);
  CHECK(longest < 40);
}

TEST_CASE("the summary says how each step went, for the session log", "[guide]") {
  const Routine routine = neck_routine();
  REQUIRE(routine.steps.size() >= 3);
  SECTION("played to the end: every step done, its own seconds") {
    ScriptedIo io;
    const GuideSummary summary = play_routine(routine, plain(), io);
    REQUIRE(summary.steps.size() == routine.steps.size());
    int seconds = 0;
    for (std::size_t i = 0; i < routine.steps.size(); ++i) {
      CHECK(summary.steps[i].done);
      // The 3-2-1 lead-in counts as time spent on the step.
      CHECK(summary.steps[i].seconds == routine.steps[i].seconds + 3);
      seconds += summary.steps[i].seconds;
    }
    CHECK(seconds == summary.routine_seconds);
  }
  SECTION("a skipped step is not done; the steps after a quit were never reached") {
    ScriptedIo io({{5.0, 'n'}, {20.0, 'q'}});
    const GuideSummary summary = play_routine(routine, plain(), io);
    REQUIRE(summary.steps.size() == routine.steps.size());
    CHECK_FALSE(summary.steps[0].done);
    CHECK(summary.steps[0].seconds == 5);
    CHECK_FALSE(summary.steps[1].done);
    CHECK(summary.steps[1].seconds == 15);
    for (std::size_t i = 2; i < routine.steps.size(); ++i) {
      CHECK_FALSE(summary.steps[i].done);
      CHECK(summary.steps[i].seconds == 0);
    }
  }
}
