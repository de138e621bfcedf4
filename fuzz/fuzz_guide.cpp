// The guide on a virtual clock, driven by arbitrary keys at arbitrary moments and a time
// scale from the input: it must end (q, the last step, or an interrupt), never crash, and
// never report more routine time than the routine has.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>

#include "knotplan/guide.hpp"
#include "knotplan/knowledge_loader.hpp"
#include "knotplan/planner.hpp"

namespace {

// Each key is a byte for the key and a byte for how many tenths of a routine second
// later it comes; an interrupt arrives when the input runs out, if its first bit says so.
class FuzzedKeys : public knotplan::GuideIo {
 public:
  FuzzedKeys(const std::uint8_t* keys, std::size_t size, bool interrupt_at_end)
      : keys_(keys), size_(size), interrupt_at_end_(interrupt_at_end) {}

  double now() override { return clock_; }

  std::optional<char> wait_for_key(double seconds) override {
    if (++waits_ > kMostWaits) {  // a guide that never ends is the bug this looks for
      interrupted_ = true;
      return std::nullopt;
    }
    if (next_ + 1 >= size_) {
      if (interrupt_at_end_) interrupted_ = true;
      clock_ += seconds;
      return std::nullopt;
    }
    const double wait = keys_[next_ + 1] / 10.0;
    if (wait > seconds) {
      clock_ += seconds;
      return std::nullopt;
    }
    clock_ += wait;
    const char key = static_cast<char>(keys_[next_]);
    next_ += 2;
    return key;
  }

  void write(std::string_view) override {}
  bool interrupted() override { return interrupted_; }

 private:
  static constexpr int kMostWaits = 2'000'000;
  const std::uint8_t* keys_;
  std::size_t size_;
  bool interrupt_at_end_;
  std::size_t next_ = 0;
  double clock_ = 0;
  int waits_ = 0;
  bool interrupted_ = false;
};

const knotplan::Routine& routine_for(std::uint8_t choice) {
  static const knotplan::Routine routines[] = {
      [] {
        knotplan::RequestOptions options{};
        options.area = "neck";
        options.minutes = "3";
        return knotplan::plan(knotplan::builtin_knowledge_base(), options,
                              knotplan::FixedClock({2026, 11, 21}));
      }(),
      [] {
        knotplan::RequestOptions options{};
        options.area = "lower-back,upper-back";
        options.since = "3w";
        options.minutes = "20";
        options.equipment = {"tennis-ball,foam-roller"};
        return knotplan::plan(knotplan::builtin_knowledge_base(), options,
                              knotplan::FixedClock({2026, 11, 21}));
      }(),
  };
  return routines[choice & 1];
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 10) return 0;
  double time_scale = 0;
  std::memcpy(&time_scale, data + 1, sizeof time_scale);
  // The command line refuses any other speed (--time-scale), so the guide may assume it.
  if (!std::isfinite(time_scale) || time_scale <= 0 || time_scale > 100) return 0;
  const knotplan::Routine& routine = routine_for(data[0]);
  knotplan::GuideOptions options;
  options.time_scale = time_scale;
  options.live = (data[0] & 2) != 0;
  options.bell = (data[0] & 4) != 0;
  options.width = 20 + data[9] % 200;
  FuzzedKeys io(data + 10, size - 10, (data[0] & 8) != 0);
  const knotplan::GuideSummary summary = knotplan::play_routine(routine, options, io);
  if (summary.done + summary.skipped > summary.total) __builtin_trap();
  return 0;
}
