#include "step_picture.hpp"

namespace knotplan {

// No technique has pose data yet: the sheet lays out every technique without a picture
// until the drawings from pose data replace this.
std::string step_picture_svg(const Step&) {
  return "";
}

}  // namespace knotplan
