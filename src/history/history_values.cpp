#include "history/history_values.hpp"

#include <charconv>
#include <cstdio>

#include "knotplan/request.hpp"

namespace knotplan::history_values {

std::string format_day(const CivilDate& date) {
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", date.year, date.month, date.day);
  return text;
}

std::optional<long long> parse_count(std::string_view text) {
  long long value = 0;
  if (text.empty()) return std::nullopt;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 0) return std::nullopt;
  return value;
}

std::optional<CivilDate> parse_day(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto year = parse_count(text.substr(0, 4));
  const auto month = parse_count(text.substr(5, 2));
  const auto day = parse_count(text.substr(8, 2));
  if (!year || !month || !day || *month < 1 || *month > 12 || *day < 1 || *day > 31)
    return std::nullopt;
  const CivilDate date{static_cast<int>(*year), static_cast<int>(*month), static_cast<int>(*day)};
  // 2025-02-30 would come back as another day: refuse it.
  const CivilDate next_month_first{date.month == 12 ? date.year + 1 : date.year,
                                   date.month == 12 ? 1 : date.month + 1, 1};
  if (days_from_civil(date) >= days_from_civil(next_month_first)) return std::nullopt;
  return date;
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
