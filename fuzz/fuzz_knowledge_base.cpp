// Arbitrary bytes as a knowledge base: the loader must report problems, never crash,
// hang or overflow the stack; a base it accepts must plan and render every format.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string_view>

#include "knotplan/error.hpp"
#include "knotplan/knowledge_loader.hpp"
#include "knotplan/planner.hpp"
#include "knotplan/render.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (!knotplan::check_knowledge_base(text).empty()) return 0;
  const knotplan::KnowledgeBase kb = knotplan::load_knowledge_base(text, "fuzz");
  const knotplan::FixedClock clock({2026, 11, 21});
  for (const knotplan::Area& area : kb.areas) {
    if (area.target_only) continue;
    knotplan::RequestOptions options;
    options.area = area.id;
    options.explain = true;  // render the trace and the notes too
    try {
      const knotplan::Routine routine = knotplan::plan(kb, options, clock);
      std::ostringstream out;
      knotplan::render_text(routine, {}, out);
      knotplan::render_json(routine, out);
      knotplan::render_markdown(routine, out);
      knotplan::render_html(routine, out);
    } catch (const knotplan::UsageError&) {
      // A valid base can still lack what a default request names (no stage for "today").
    }
  }
  return 0;
}
