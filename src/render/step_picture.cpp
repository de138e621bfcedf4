#include "step_picture.hpp"

#include "technique_drawing.hpp"

namespace knotplan {

std::string step_picture_svg(const Step& step) {
  if (!step.pose) return "";
  // The step's index makes the drawing's ids unique on a sheet that shows a technique
  // more than once (a left and a right step, or two targets).
  std::string svg = technique_drawing_svg(
      *step.pose, step.name, "step" + std::to_string(step.index) + "-" + step.technique);
  // Inline in HTML an <svg> needs no namespace; leaving it out keeps the sheet free of
  // any address, so that nothing on it looks like a link to follow.
  constexpr std::string_view kNamespace = R"( xmlns="http://www.w3.org/2000/svg")";
  if (const std::size_t at = svg.find(kNamespace); at != std::string::npos)
    svg.erase(at, kNamespace.size());
  return svg;
}

}  // namespace knotplan
