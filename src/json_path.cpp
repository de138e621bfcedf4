#include "json_path.hpp"

namespace knotplan {

void JsonPath::append_to(std::string& pointer) const {
  if (parent_ == nullptr) return;
  parent_->append_to(pointer);
  pointer += '/';
  if (is_index_) {
    pointer += std::to_string(index_);
    return;
  }
  // Escaped, so that a key holding '/' or '~' stays one step of the path.
  for (const char c : key_) {
    if (c == '~') {
      pointer += "~0";
    } else if (c == '/') {
      pointer += "~1";
    } else {
      pointer += c;
    }
  }
}

std::string JsonPath::pointer() const {
  std::string result;
  append_to(result);
  return result.empty() ? "/" : result;
}

}  // namespace knotplan
