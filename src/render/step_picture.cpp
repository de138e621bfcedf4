#include "step_picture.hpp"

#include "technique_drawing.hpp"

namespace knotplan {

std::string step_picture_svg(const Step& step) {
  if (!step.pose) return "";
  // The step's index makes the drawing's ids unique on a sheet that shows a technique
  // more than once (a left and a right step, or two targets).
  return technique_drawing_svg(*step.pose, step.name,
                               "step" + std::to_string(step.index) + "-" + step.technique);
}

}  // namespace knotplan
