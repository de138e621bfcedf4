#include "knotplan/storage.hpp"

#include <cstdint>

namespace knotplan {

void* Storage::allocate(std::size_t bytes, std::size_t alignment) {
  if (bytes > kBlockSize / 4)  // new[] aligns for every fundamental type
    return blocks_.emplace_back(std::make_unique_for_overwrite<std::byte[]>(bytes)).get();
  const std::size_t padding =
      (alignment - reinterpret_cast<std::uintptr_t>(free_) % alignment) % alignment;
  if (room_ < padding + bytes) {
    free_ = blocks_.emplace_back(std::make_unique_for_overwrite<std::byte[]>(kBlockSize)).get();
    room_ = kBlockSize;
    return allocate(bytes, alignment);
  }
  std::byte* start = free_ + padding;
  free_ = start + bytes;
  room_ -= padding + bytes;
  return start;
}

std::string_view Storage::keep(std::string_view text) {
  if (text.empty()) return {};
  void* copy = allocate(text.size(), 1);
  std::memcpy(copy, text.data(), text.size());
  return {static_cast<const char*>(copy), text.size()};
}

}  // namespace knotplan
