#ifndef KNOTPLAN_RENDER_HPP_
#define KNOTPLAN_RENDER_HPP_

#include <ostream>

#include "knotplan/routine.hpp"

namespace knotplan {

struct TextOptions {
  bool color = false;
  bool explain = false;
  int width = 80;  // lines are wrapped to this many columns
};

// The routine as an aligned sheet for a person reading a terminal. Knowledge-base text
// is stripped of control characters.
void render_text(const Routine& routine, const TextOptions& options, std::ostream& out);

// The routine as the JSON contract of DESIGN.md §6 (two-space indent, contract field
// order, a final newline). With `explain`, an "explain" array lists the fired rules.
void render_json(const Routine& routine, bool explain, std::ostream& out);

}  // namespace knotplan

#endif  // KNOTPLAN_RENDER_HPP_
