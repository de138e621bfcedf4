#include "knotplan/since.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

#include "knotplan/error.hpp"
#include "knotplan/ids.hpp"
#include "knotplan/terminal.hpp"

namespace knotplan {

namespace {

constexpr long kHoursPerDay = 24;
// A knot older than this is not a knot any more; it also keeps the arithmetic small.
constexpr long kMaxHours = 50L * 365 * kHoursPerDay;

const char* const kAcceptedForms =
    "use today, yesterday, 36h, 3d, 2w, 4mo, 1y, \"3 days\", \"2 weeks\" or a date YYYY-MM-DD";

struct Unit {
  std::string_view name;
  long hours;
};

// Every spelling of a unit, singular and plural, long and short.
constexpr std::array<Unit, 19> kUnits{{
    {"h", 1},         {"hr", 1},          {"hrs", 1},          {"hour", 1},
    {"hours", 1},     {"d", 24},          {"day", 24},         {"days", 24},
    {"w", 24 * 7},    {"wk", 24 * 7},     {"week", 24 * 7},    {"weeks", 24 * 7},
    {"mo", 24 * 30},  {"month", 24 * 30}, {"months", 24 * 30}, {"y", 24 * 365},
    {"yr", 24 * 365}, {"year", 24 * 365}, {"years", 24 * 365},
}};

std::string lower_trimmed(const std::string& text) {
  std::string result(trimmed(text));
  std::transform(result.begin(), result.end(), result.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return result;
}

[[noreturn]] void reject(const std::string& input, const std::string& why) {
  throw UsageError(fmt::format("--since {}: {}", quote_value(input), why), kAcceptedForms);
}

bool all_digits(std::string_view text) {
  if (text.empty()) return false;
  for (const char c : text)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

long parse_count(std::string_view digits, const std::string& input) {
  if (digits.size() > 6) reject(input, "that is too long ago");
  long value = 0;
  for (const char c : digits) value = value * 10 + (c - '0');
  return value;
}

std::optional<long> parse_date_hours(const std::string& text, const std::string& input,
                                     const Clock& clock) {
  // YYYY-MM-DD, exactly.
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const std::string_view view(text);
  if (!all_digits(view.substr(0, 4)) || !all_digits(view.substr(5, 2)) ||
      !all_digits(view.substr(8, 2)))
    return std::nullopt;
  const CivilDate date{static_cast<int>(parse_count(view.substr(0, 4), input)),
                       static_cast<int>(parse_count(view.substr(5, 2), input)),
                       static_cast<int>(parse_count(view.substr(8, 2), input))};
  static constexpr std::array<int, 12> kDaysInMonth{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (date.year % 4 == 0 && date.year % 100 != 0) || date.year % 400 == 0;
  if (date.month < 1 || date.month > 12 || date.day < 1 ||
      date.day > kDaysInMonth[date.month - 1] || (date.month == 2 && date.day == 29 && !leap))
    reject(input, "that is not a calendar date");
  const long days = days_from_civil(clock.today()) - days_from_civil(date);
  if (days < 0) reject(input, "that date is in the future");
  if (days * kHoursPerDay > kMaxHours) reject(input, "that is too long ago");
  return days * kHoursPerDay;
}

}  // namespace

Since parse_since(const std::string& input, const Clock& clock) {
  const std::string text = lower_trimmed(input);
  if (text.empty()) reject(input, "it is empty");
  if (text == "today" || text == "now" || text == "this morning") return {input, 0};
  if (text == "yesterday") return {input, kHoursPerDay};
  if (const auto hours = parse_date_hours(text, input, clock)) return {input, *hours};

  // A count, optional spaces, then a unit: "36h", "3 days", "2 weeks".
  std::size_t digits_end = 0;
  while (digits_end < text.size() && std::isdigit(static_cast<unsigned char>(text[digits_end])))
    ++digits_end;
  if (digits_end == 0) {
    if (text.front() == '-') reject(input, "it cannot be negative");
    reject(input, "not a time I understand");
  }
  std::size_t unit_begin = digits_end;
  while (unit_begin < text.size() && text[unit_begin] == ' ') ++unit_begin;
  const std::string_view unit_text = std::string_view(text).substr(unit_begin);
  if (unit_text.empty()) reject(input, "it needs a unit, such as 3d or \"3 days\"");
  if (unit_text == "m" || unit_text == "min" || unit_text == "mins" || unit_text == "minutes")
    reject(input, "minutes are too short to tell; use today, or 'mo' for months");
  for (const Unit& unit : kUnits) {
    if (unit.name == unit_text) {
      const long count = parse_count(std::string_view(text).substr(0, digits_end), input);
      const long hours = count * unit.hours;
      if (hours > kMaxHours) reject(input, "that is too long ago");
      return {input, hours};
    }
  }
  reject(input, fmt::format("{} is not a unit I know", quote_value(unit_text)));
}

const Stage& stage_for_hours(const KnowledgeBase& kb, long hours) {
  for (const Stage& stage : kb.stages)
    if (!stage.max_hours || hours <= *stage.max_hours) return stage;
  return kb.stages.back();
}

}  // namespace knotplan
