#ifndef KNOTPLAN_STORAGE_HPP_
#define KNOTPLAN_STORAGE_HPP_

#include <cstddef>
#include <cstring>
#include <memory>
#include <string_view>
#include <type_traits>
#include <vector>

#include "knotplan/knowledge.hpp"

namespace knotplan {

// Owns the texts and lists that a loaded knowledge base's views point into. What it
// holds never moves and is never freed before the storage itself, so every view it hands
// out stays valid as long as the storage lives. It only grows.
class Storage {
 public:
  Storage() = default;
  Storage(const Storage&) = delete;
  Storage& operator=(const Storage&) = delete;

  // A copy of `text`.
  std::string_view keep(std::string_view text);

  // A copy of `items`. Model entries are views and numbers, so a copy is a plain copy of
  // bytes and needs no destructor: a list costs no allocation of its own.
  template <typename T>
  List<T> keep(const std::vector<T>& items) {
    static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>);
    if (items.empty()) return {};
    void* copy = allocate(items.size() * sizeof(T), alignof(T));
    std::memcpy(copy, items.data(), items.size() * sizeof(T));
    return List<T>(std::span<const T>(static_cast<const T*>(copy), items.size()));
  }

 private:
  // Copies go into blocks this large, so that thousands of short ids, sentences and lists
  // cost a few allocations; anything longer than a quarter block gets a block of its own.
  static constexpr std::size_t kBlockSize = 32 * 1024;

  void* allocate(std::size_t bytes, std::size_t alignment);

  std::vector<std::unique_ptr<std::byte[]>> blocks_;
  std::byte* free_ = nullptr;  // the unused end of the newest shared block
  std::size_t room_ = 0;
};

}  // namespace knotplan

#endif  // KNOTPLAN_STORAGE_HPP_
