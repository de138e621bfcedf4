#include "history/history_values.hpp"

#include <charconv>

#include "knotplan/request.hpp"

namespace knotplan::history_values {

std::optional<long long> parse_count(std::string_view text) {
  long long value = 0;
  if (text.empty()) return std::nullopt;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 0) return std::nullopt;
  return value;
}

std::optional<SessionSource> parse_source(std::string_view text) {
  if (text == "guide") return SessionSource::kGuide;
  if (text == "log") return SessionSource::kLog;
  return std::nullopt;
}

std::optional<Rating> parse_rating(std::string_view text) {
  if (text == "up") return Rating::kUp;
  if (text == "down") return Rating::kDown;
  return std::nullopt;
}

std::optional<Side> parse_side(std::string_view text) {
  for (const Side side : {Side::kBoth, Side::kLeft, Side::kRight}) {
    if (text == side_id(side)) return side;
  }
  return std::nullopt;
}

}  // namespace knotplan::history_values
