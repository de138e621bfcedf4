#ifndef KNOTPLAN_SRC_LIST_SEARCH_HPP_
#define KNOTPLAN_SRC_LIST_SEARCH_HPP_

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>
#include <unordered_set>
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

// The texts a list has taken so far, to keep each once, as views of texts that outlive
// it. A request usually collects a handful, searched in a line without allocating; a
// knowledge base whose thousands of rules all fire would make that quadratic, so past
// kIndexFrom texts a hash set takes over.
class SeenTexts {
 public:
  // Whether `text` is new; remembers it.
  bool insert(std::string_view text) {
    if (count_ < kIndexFrom) {
      const auto end = first_.begin() + static_cast<std::ptrdiff_t>(count_);
      if (std::find(first_.begin(), end, text) != end) return false;
      first_[count_++] = text;
      return true;
    }
    if (index_.empty()) index_.insert(first_.begin(), first_.end());
    return index_.insert(text).second;
  }

 private:
  static constexpr std::size_t kIndexFrom = 16;
  std::array<std::string_view, kIndexFrom> first_;
  std::size_t count_ = 0;
  std::unordered_set<std::string_view> index_;  // all of them, once past the first
};

// Adds `value` to `list` unless `seen` has had it: append_unique in constant time.
template <typename Text>
void append_unique(std::vector<Text>& list, SeenTexts& seen, std::string_view value) {
  if (seen.insert(value)) list.emplace_back(value);
}

}  // namespace knotplan

#endif  // KNOTPLAN_SRC_LIST_SEARCH_HPP_
