// Arbitrary bytes as a knowledge base: the loader must report problems, never crash,
// hang or overflow the stack; a base it accepts must plan and render every format, for
// requests that vary with the input: each cause, stage, condition and equipment of the
// base turns up across inputs, not only the default request.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <sstream>
#include <string>
#include <string_view>

#include "knotplan/error.hpp"
#include "knotplan/knowledge_loader.hpp"
#include "knotplan/planner.hpp"
#include "knotplan/render.hpp"
#include "render/technique_drawing.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (!knotplan::check_knowledge_base(text).empty()) return 0;
  const knotplan::KnowledgeBase kb = knotplan::load_knowledge_base(text, "fuzz");
  const knotplan::FixedClock clock({2026, 11, 21});
  // The same input always plans the same requests, so that a crash replays.
  std::size_t choice = std::hash<std::string_view>{}(text);
  const auto pick = [&choice](std::size_t count) {
    const std::size_t picked = count == 0 ? 0 : choice % count;
    choice = choice / (count == 0 ? 1 : count) + 0x9e3779b9;
    return picked;
  };
  // Every pose the loader accepts can be drawn.
  for (const knotplan::Technique& technique : kb.techniques)
    if (technique.pose)
      (void)knotplan::technique_drawing_svg(*technique.pose, technique.name, technique.id);
  constexpr const char* kSince[] = {"today", "2d", "5d", "3w", "6mo", "2y"};
  for (const knotplan::Area& area : kb.areas) {
    if (area.target_only) continue;
    knotplan::RequestOptions options;
    options.area = area.id;
    options.explain = true;  // render the trace and the notes too
    options.since = kSince[pick(std::size(kSince))];
    if (!kb.causes.empty()) options.cause = kb.causes[pick(kb.causes.size())].id;
    if (!kb.conditions.empty() && pick(2) == 1)
      options.conditions = {std::string(kb.conditions[pick(kb.conditions.size())].id)};
    if (!kb.equipment.empty() && pick(2) == 1)
      options.equipment = {std::string(kb.equipment[pick(kb.equipment.size())].id)};
    options.minutes = std::to_string(1 + pick(30));
    options.side = pick(2) == 1 ? "left" : "both";
    try {
      const knotplan::Routine routine = knotplan::plan(kb, options, clock);
      std::ostringstream out;
      knotplan::render_text(routine, {}, out);
      knotplan::render_json(routine, out);
      knotplan::render_markdown(routine, out);
      knotplan::render_html(routine, out);
    } catch (const knotplan::UsageError&) {
      // A valid base can still lack what a request names (no stage for "today").
    }
  }
  return 0;
}
