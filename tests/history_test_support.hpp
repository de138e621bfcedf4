#ifndef KNOTPLAN_TESTS_HISTORY_TEST_SUPPORT_HPP_
#define KNOTPLAN_TESTS_HISTORY_TEST_SUPPORT_HPP_

#include <optional>
#include <string>
#include <vector>

#include "knotplan/history.hpp"
#include "test_support.hpp"

namespace knotplan::testing {

// The day `days` before the tests' today (kTestClock).
inline CivilDate days_before(int days) {
  static constexpr int kDaysIn[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  CivilDate date = kTestClock.today();
  for (int i = 0; i < days; ++i) {
    if (--date.day >= 1) continue;
    if (--date.month < 1) {
      date.month = 12;
      --date.year;
    }
    const bool leap = (date.year % 4 == 0 && date.year % 100 != 0) || date.year % 400 == 0;
    date.day = kDaysIn[date.month - 1] + (date.month == 2 && leap ? 1 : 0);
  }
  return date;
}

// One logged session: how many days before today, and the pain after it.
struct LoggedDay {
  int days_ago = 0;
  std::optional<int> pain_after;
  std::vector<TechniqueRating> ratings = {};
};

// The summary of sessions on one area, as the store would give it, for sessions that all
// belong to one episode (no gap over kEpisodeGapDays), oldest first.
inline AreaSummary area_summary(const std::string& area, const std::vector<LoggedDay>& days) {
  AreaSummary summary;
  summary.area = area;
  summary.episode_start = days_before(days.front().days_ago);
  summary.last_session = days_before(days.back().days_ago);
  summary.episode_sessions = static_cast<int>(days.size());
  for (const LoggedDay& day : days) {
    SessionRecord& session = summary.recent.emplace_back();
    session.date = days_before(day.days_ago);
    session.areas = {area};
    session.pain_after = day.pain_after;
    session.ratings = day.ratings;
    for (const TechniqueRating& rating : day.ratings) {
      const auto same = std::find_if(
          summary.ratings.begin(), summary.ratings.end(),
          [&](const TechniqueRating& other) { return other.technique == rating.technique; });
      if (same == summary.ratings.end()) {
        summary.ratings.push_back(rating);
      } else {
        *same = rating;
      }
    }
  }
  std::sort(
      summary.ratings.begin(), summary.ratings.end(),
      [](const TechniqueRating& a, const TechniqueRating& b) { return a.technique < b.technique; });
  return summary;
}

// Daily sessions from `from` days ago to today, the pain after each going in a straight
// line from `first` to `last` (rounded).
inline std::vector<LoggedDay> daily(int from, int first, int last) {
  std::vector<LoggedDay> days;
  for (int ago = from; ago >= 0; --ago) {
    const double done = from == 0 ? 1.0 : static_cast<double>(from - ago) / from;
    days.push_back({ago, static_cast<int>(first + (last - first) * done + 0.5)});
  }
  return days;
}

inline HistorySummary history_of(std::vector<AreaSummary> areas) {
  std::sort(areas.begin(), areas.end(),
            [](const AreaSummary& a, const AreaSummary& b) { return a.area < b.area; });
  return HistorySummary{std::move(areas)};
}

}  // namespace knotplan::testing

#endif  // KNOTPLAN_TESTS_HISTORY_TEST_SUPPORT_HPP_
