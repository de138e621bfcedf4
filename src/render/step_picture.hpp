#ifndef KNOTPLAN_SRC_RENDER_STEP_PICTURE_HPP_
#define KNOTPLAN_SRC_RENDER_STEP_PICTURE_HPP_

#include <string>

#include "knotplan/routine.hpp"

namespace knotplan {

// The technique's drawing as an inline <svg> element (role="img", aria-label), or an
// empty string when the technique has no pose data.
std::string step_picture_svg(const Step& step);

}  // namespace knotplan

#endif  // KNOTPLAN_SRC_RENDER_STEP_PICTURE_HPP_
