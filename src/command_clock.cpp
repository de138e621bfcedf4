#include <fmt/format.h>

#include <cstdlib>
#include <memory>

#include "commands.hpp"
#include "knotplan/error.hpp"
#include "knotplan/terminal.hpp"

namespace knotplan {

namespace {

constexpr const char* kNowVariable = "KNOTPLAN_NOW";

// KNOTPLAN_NOW split into its date and its time of day ("12:00:00" when only a date).
struct TestNow {
  CivilDate date;
  std::string time = "12:00:00";
};

std::optional<TestNow> test_now() {
  const char* value = std::getenv(kNowVariable);
  if (value == nullptr || value[0] == '\0') return std::nullopt;
  const std::string_view text(value);
  const auto date = parse_civil_date(text.substr(0, 10));
  const bool time_ok =
      text.size() == 10 ||
      (text.size() == 19 && text[10] == 'T' && text[13] == ':' && text[16] == ':' &&
       text.substr(11).find_first_not_of("0123456789:") == std::string_view::npos);
  if (!date || !time_ok)
    throw UsageError(
        fmt::format("environment {} {} is not a date and time", kNowVariable, quote_value(value)),
        "write YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS, or unset it: it is for tests");
  TestNow now{*date};
  if (text.size() == 19) now.time = std::string(text.substr(11));
  return now;
}

}  // namespace

const Clock& clock_for_commands() {
  static const std::unique_ptr<Clock> clock = []() -> std::unique_ptr<Clock> {
    if (const auto now = test_now()) return std::make_unique<FixedClock>(now->date);
    return std::make_unique<SystemClock>();
  }();
  return *clock;
}

std::string local_time_now() {
  if (const auto now = test_now()) return date_text(now->date) + "T" + now->time;
  return local_date_time_now();
}

}  // namespace knotplan
