// Arbitrary request fields, one per line (area, since, cause, pain, minutes, equipment,
// side, symptoms, conditions, age), planned on the built-in knowledge base and rendered
// in every format. Only a UsageError may come out; the routine must keep its promises.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "knotplan/error.hpp"
#include "knotplan/guide.hpp"
#include "knotplan/knowledge_loader.hpp"
#include "knotplan/planner.hpp"
#include "knotplan/render.hpp"

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t begin = 0;
  while (begin <= text.size() && lines.size() < 10) {
    const std::size_t end = text.find('\n', begin);
    lines.push_back(text.substr(begin, end == std::string::npos ? std::string::npos : end - begin));
    if (end == std::string::npos) break;
    begin = end + 1;
  }
  lines.resize(10);
  return lines;
}

// A guide that never waits: the virtual clock jumps, so a whole routine plays at once.
class InstantIo : public knotplan::GuideIo {
 public:
  double now() override { return clock_; }
  std::optional<char> wait_for_key(double seconds) override {
    clock_ += seconds;
    return std::nullopt;
  }
  void write(std::string_view) override {}
  bool interrupted() override { return false; }

 private:
  double clock_ = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::vector<std::string> field =
      lines_of(std::string(reinterpret_cast<const char*>(data), size));
  knotplan::RequestOptions options;
  options.area = field[0];
  options.since = field[1];
  options.cause = field[2];
  options.pain = field[3];
  options.minutes = field[4];
  if (!field[5].empty()) options.equipment = {field[5]};
  options.side = field[6].empty() ? "both" : field[6];
  if (!field[7].empty()) options.symptoms = {field[7]};
  if (!field[8].empty()) options.conditions = {field[8]};
  if (!field[9].empty()) options.age = field[9];
  options.explain = true;  // render the trace and the notes too
  const knotplan::FixedClock clock({2026, 11, 21});
  try {
    const knotplan::Routine routine =
        knotplan::plan(knotplan::builtin_knowledge_base(), options, clock);
    if (routine.total_seconds > routine.request.minutes * 60) __builtin_trap();
    for (const knotplan::Step& step : routine.steps)
      if (step.pressure && step.pressure->max > 7) __builtin_trap();
    std::ostringstream out;
    knotplan::render_text(routine, {true, 40}, out);
    knotplan::render_json(routine, out);
    knotplan::render_markdown(routine, out);
    knotplan::render_html(routine, out);
    if (routine.status == knotplan::Status::kOk) {
      knotplan::GuideOptions guide;
      guide.live = (size & 1) != 0;
      InstantIo io;
      knotplan::play_routine(routine, guide, io);
    }
  } catch (const knotplan::UsageError&) {
  }
  return 0;
}
