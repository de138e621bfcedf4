#ifndef KNOTPLAN_STORAGE_HPP_
#define KNOTPLAN_STORAGE_HPP_

#include <cstddef>
#include <memory>
#include <string_view>
#include <utility>
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

  // Takes `items` over, without copying them.
  template <typename T>
  List<T> keep(std::vector<T> items) {
    if (items.empty()) return {};
    auto owned = std::make_shared<const std::vector<T>>(std::move(items));
    const List<T> list(*owned);
    lists_.push_back(std::move(owned));
    return list;
  }

 private:
  // Texts are copied into blocks this large, so that thousands of short ids and
  // sentences cost a few allocations; a longer text gets a block of its own.
  static constexpr std::size_t kBlockSize = 16 * 1024;

  std::vector<std::unique_ptr<char[]>> blocks_;
  char* free_ = nullptr;  // the unused end of the newest shared block
  std::size_t room_ = 0;
  std::vector<std::shared_ptr<const void>> lists_;
};

}  // namespace knotplan

#endif  // KNOTPLAN_STORAGE_HPP_
