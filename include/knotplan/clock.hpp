#ifndef KNOTPLAN_CLOCK_HPP_
#define KNOTPLAN_CLOCK_HPP_

#include <optional>
#include <string>
#include <string_view>

namespace knotplan {

// A calendar date in the person's own time zone.
struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

// Days since 1970-01-01 (negative before). Pure arithmetic, valid for any Gregorian date.
long days_from_civil(const CivilDate& date);

// The date `days` after 1970-01-01: the inverse of days_from_civil.
CivilDate civil_from_days(long days);

// A date written YYYY-MM-DD that exists (2026-02-30 does not); nullopt otherwise.
std::optional<CivilDate> parse_civil_date(std::string_view text);

// YYYY-MM-DD.
std::string date_text(const CivilDate& date);

// The date and time now in the local time zone, "YYYY-MM-DDTHH:MM:SS".
std::string local_date_time_now();

// Where "today" comes from. Injected so that tests can fix the date.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual CivilDate today() const = 0;
};

// Today's date in the local time zone.
class SystemClock : public Clock {
 public:
  CivilDate today() const override;
};

class FixedClock : public Clock {
 public:
  explicit FixedClock(CivilDate date) : date_(date) {}
  CivilDate today() const override { return date_; }

 private:
  CivilDate date_;
};

}  // namespace knotplan

#endif  // KNOTPLAN_CLOCK_HPP_
