#include "knotplan/clock.hpp"

#include <ctime>

namespace knotplan {

// Howard Hinnant's days_from_civil: exact for every proleptic Gregorian date.
long days_from_civil(const CivilDate& date) {
  const long year = date.month <= 2 ? date.year - 1 : date.year;
  const long era = (year >= 0 ? year : year - 399) / 400;
  const long year_of_era = year - era * 400;
  const long month_index = date.month > 2 ? date.month - 3 : date.month + 9;
  const long day_of_year = (153 * month_index + 2) / 5 + date.day - 1;
  const long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

CivilDate SystemClock::today() const {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

}  // namespace knotplan
