#ifndef KNOTPLAN_SRC_RENDER_BODY_FIGURE_HPP_
#define KNOTPLAN_SRC_RENDER_BODY_FIGURE_HPP_

#include <set>
#include <string>
#include <vector>

#include "knotplan/request.hpp"

namespace knotplan {

// The two marks of the body map. Both are drawn in SVG (strokes and patterns, never CSS
// backgrounds), so that they print whatever the browser's background-graphics setting,
// and in black only, so that they read on a black-and-white printer.
enum class BodyMark {
  kKnot,  // cross-hatched in black with a heavy outline
  kAlso,  // dotted with a thin outline
};

// A body outline seen from the back, as inline SVG (class "figure"; the sheet's CSS sizes
// it), with the knot's areas and the other areas the routine works on marked. Its
// aria-label is body_map_description(). Areas it cannot show from the back (the chest) are
// only named, in the description.
std::string body_figure_svg(const std::vector<std::string>& knot_areas,
                            const std::set<std::string>& other_areas, Side side);

// What the map shows, in words, for its text alternative and its caption: "Marked: the
// knot in the upper back, both sides; also worked: chest (on the front, not drawn)."
std::string body_map_description(const std::vector<std::string>& knot_areas,
                                 const std::set<std::string>& other_areas, Side side);

// The other areas the map cannot show from the back, readable and joined ("chest"), or
// an empty string.
std::string areas_not_drawn(const std::vector<std::string>& knot_areas,
                            const std::set<std::string>& other_areas);

// A legend swatch for `mark`: a small inline SVG (class "key knot" or "key also",
// aria-hidden) drawn like the map's mark. Each mark's swatch appears at most once on a
// page (its patterns have ids).
std::string legend_swatch_svg(BodyMark mark);

}  // namespace knotplan

#endif  // KNOTPLAN_SRC_RENDER_BODY_FIGURE_HPP_
