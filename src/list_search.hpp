#ifndef KNOTPLAN_SRC_LIST_SEARCH_HPP_
#define KNOTPLAN_SRC_LIST_SEARCH_HPP_

#include <algorithm>
#include <string_view>
#include <vector>

namespace knotplan {

// Linear look-ups in the short lists of ids and texts that rules and the planner keep:
// a handful of entries each, where a set would cost more than it saves.

template <typename Texts>
bool contains(const Texts& values, std::string_view value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

template <typename Text>
void append_unique(std::vector<Text>& list, std::string_view value) {
  if (!contains(list, value)) list.emplace_back(value);
}

}  // namespace knotplan

#endif  // KNOTPLAN_SRC_LIST_SEARCH_HPP_
