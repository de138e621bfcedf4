#ifndef KNOTPLAN_SRC_RENDER_BODY_FIGURE_HPP_
#define KNOTPLAN_SRC_RENDER_BODY_FIGURE_HPP_

#include <set>
#include <string>
#include <vector>

namespace knotplan {

// A body outline seen from the back, as inline SVG, with the knot's area drawn dark and
// the other areas the routine works on drawn in a hatched grey, so that it reads in black
// and white. Areas it cannot show from the back (the chest) are named in a caption.
std::string body_figure_svg(const std::vector<std::string>& knot_areas,
                            const std::set<std::string>& other_areas);

}  // namespace knotplan

#endif  // KNOTPLAN_SRC_RENDER_BODY_FIGURE_HPP_
