#ifndef KNOTPLAN_SRC_RENDER_TECHNIQUE_DRAWING_HPP_
#define KNOTPLAN_SRC_RENDER_TECHNIQUE_DRAWING_HPP_

#include <string>
#include <string_view>

#include "knotplan/pose.hpp"

namespace knotplan {

// A technique's pose as a standalone inline <svg> element: line art of a figure with fixed
// proportions (100 units tall standing), its props, the target marked with a hatched
// ring that reads in black and white, the end of the movement in grey and arrows. It has
// role="img", an aria-label and a <title> saying what it shows, starting with `name`.
// Every id inside begins with `id_prefix`, so that several drawings can share one page;
// the prefix should be an id (letters, digits and hyphens). Its size is set by CSS or by
// the viewer: the viewBox fits the drawing.
std::string technique_drawing_svg(const Pose& pose, std::string_view name,
                                  std::string_view id_prefix);

// What the drawing shows, in words: its aria-label.
std::string technique_drawing_words(const Pose& pose, std::string_view name);

}  // namespace knotplan

#endif  // KNOTPLAN_SRC_RENDER_TECHNIQUE_DRAWING_HPP_
