#ifndef KNOTPLAN_SRC_RENDER_HTML_COMMON_HPP_
#define KNOTPLAN_SRC_RENDER_HTML_COMMON_HPP_

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "knotplan/routine.hpp"

namespace knotplan {

// What both HTML sheets (the large-print sheet of html.cpp and the --compact table of
// html_compact.cpp) write the same way.

// Every piece of text that reaches a page goes through here: control characters made
// visible, then the five HTML metacharacters escaped. The history page uses it too.
std::string html_escaped(std::string_view text);

// The page up to <main>, with `style` as its only style sheet, and from </main> on.
void write_page_start(const std::string& title, const char* style, std::ostream& out);
void write_page_end(std::ostream& out);

// A withheld routine: only why, and whom to see how urgently; nothing that looks like a
// routine.
void write_withheld(const Routine& routine, std::ostream& out);

// What to stop for, then whom to see: one box before the steps, where it is read.
void write_watch_for(const Routine& routine, std::ostream& out);

// The --explain sections, after the sheet.
void write_explained(const Routine& routine, std::ostream& out);

// The references, numbered, in a <div class="references">; nothing when there are none.
void write_references(const Routine& routine, std::ostream& out);

// Ten cells on the 0-10 scale, the asked-for range filled (SVG fills, so that they print
// without background graphics), then "3–5 of 10"; "none" without pressure.
std::string pressure_gauge(const std::optional<PressureRange>& pressure);

// The day letters M T W T F S S, each in a <span>, inside <div class="daynames">.
std::string day_names();

// `count` empty tick boxes: <span class="CLASS"></span>, drawn by their borders.
std::string empty_boxes(int count, const char* css_class);

// The cues every step of the phase shares (for example "ease off at once if the pain
// turns sharp" on every release step), to print once for the phase.
std::vector<std::string> shared_cues(const Routine& routine, Phase phase);

}  // namespace knotplan

#endif  // KNOTPLAN_SRC_RENDER_HTML_COMMON_HPP_
