#ifndef KNOTPLAN_SRC_JSON_PATH_HPP_
#define KNOTPLAN_SRC_JSON_PATH_HPP_

#include <cstddef>
#include <string>
#include <string_view>

namespace knotplan {

// Where a value sits in a JSON document: a chain of keys and indices, each link pointing
// at its parent. Walking a large document this way builds no strings; the path becomes a
// JSON pointer only when a problem is reported. A path must not outlive its parent, so
// a temporary cannot be one.
class JsonPath {
 public:
  JsonPath() = default;  // the document itself
  JsonPath(const JsonPath& parent, std::string_view key) : parent_(&parent), key_(key) {}
  JsonPath(const JsonPath& parent, std::size_t index)
      : parent_(&parent), index_(index), is_index_(true) {}
  JsonPath(const JsonPath&& parent, std::string_view key) = delete;
  JsonPath(const JsonPath&& parent, std::size_t index) = delete;

  // The JSON pointer (RFC 6901): "/rules/3/then", or "/" for the document itself.
  std::string pointer() const;

 private:
  void append_to(std::string& pointer) const;

  const JsonPath* parent_ = nullptr;
  std::string_view key_;
  std::size_t index_ = 0;
  bool is_index_ = false;
};

}  // namespace knotplan

#endif  // KNOTPLAN_SRC_JSON_PATH_HPP_
