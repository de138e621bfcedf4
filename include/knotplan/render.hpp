#ifndef KNOTPLAN_RENDER_HPP_
#define KNOTPLAN_RENDER_HPP_

#include <array>
#include <ostream>

#include "knotplan/routine.hpp"

namespace knotplan {

// The formats a routine renders to, as --format names them.
inline constexpr std::array<const char*, 4> kRoutineFormats{"text", "json", "markdown", "html"};

struct TextOptions {
  bool color = false;
  int width = 80;  // lines are wrapped to this many columns
};

// The routine as an aligned sheet for a person reading a terminal. Knowledge-base text
// is stripped of control characters. A routine planned with Request::explain (--explain)
// ends with the session shape, the rules that fired and the candidates left out.
void render_text(const Routine& routine, const TextOptions& options, std::ostream& out);

// The version of the routine JSON contract: 2 added "areas" and, under "explain", the
// session shape; 3 "watch_for", every reason under "see_a_professional", and the
// disclaimer on its own.
inline constexpr int kRoutineSchemaVersion = 3;

// The routine as the JSON contract of data/schema/routine.schema.json (two-space indent,
// contract field order, a final newline). A routine planned with Request::explain
// (--explain) adds an "explain" object: the rules that fired, the candidates left out and
// the session shape it was composed to.
void render_json(const Routine& routine, std::ostream& out);

// The routine as CommonMark for a printed sheet: a tick box per step, then advice,
// cautions and when to see someone. Knowledge-base text is escaped, never markup.
void render_markdown(const Routine& routine, std::ostream& out);

// The routine as one self-contained HTML page (no network, fonts, images or scripts)
// that prints on one sheet of paper (both sides at most) for a 10-minute routine. All
// knowledge-base text is escaped.
void render_html(const Routine& routine, std::ostream& out);

}  // namespace knotplan

#endif  // KNOTPLAN_RENDER_HPP_
