#ifndef KNOTPLAN_SIDE_HPP_
#define KNOTPLAN_SIDE_HPP_

namespace knotplan {

// Which side of the body a knot or a step is on. Its own header so that the request and
// the history (which records the side of each step) can both name it without including
// each other.
enum class Side { kBoth, kLeft, kRight };
const char* side_id(Side side);

}  // namespace knotplan

#endif  // KNOTPLAN_SIDE_HPP_
