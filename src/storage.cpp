#include "knotplan/storage.hpp"

#include <cstring>

namespace knotplan {

std::string_view Storage::keep(std::string_view text) {
  if (text.empty()) return {};
  char* start = nullptr;
  if (text.size() > kBlockSize / 4) {
    start = blocks_.emplace_back(std::make_unique_for_overwrite<char[]>(text.size())).get();
  } else {
    if (room_ < text.size()) {
      free_ = blocks_.emplace_back(std::make_unique_for_overwrite<char[]>(kBlockSize)).get();
      room_ = kBlockSize;
    }
    start = free_;
    free_ += text.size();
    room_ -= text.size();
  }
  std::memcpy(start, text.data(), text.size());
  return {start, text.size()};
}

}  // namespace knotplan
