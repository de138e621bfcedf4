#include "history_days.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

#include "wording.hpp"

namespace knotplan {

namespace {

struct Average {
  int sum = 0;
  int count = 0;
  void add(const std::optional<int>& pain) {
    if (!pain) return;
    sum += *pain;
    ++count;
  }
  std::optional<double> value() const {
    if (count == 0) return std::nullopt;
    return static_cast<double>(sum) / count;
  }
};

bool on_area(const SessionRecord& session, const std::string& area) {
  return std::find(session.areas.begin(), session.areas.end(), area) != session.areas.end();
}

// The days of `sessions` (oldest first), with their counts and averages.
std::vector<HistoryDay> days_of(const std::vector<const SessionRecord*>& sessions) {
  std::vector<HistoryDay> days;
  Average before;
  Average after;
  const auto close_day = [&] {
    if (days.empty()) return;
    days.back().pain_before = before.value();
    days.back().pain_after = after.value();
    before = {};
    after = {};
  };
  for (const SessionRecord* session : sessions) {
    const long day = days_from_civil(session->date);
    if (days.empty() || days.back().day != day) {
      close_day();
      days.push_back({day, session->date, {}, 0, 0, 0, std::nullopt, std::nullopt});
    }
    HistoryDay& current = days.back();
    current.sessions.push_back(session);
    (session->source == SessionSource::kGuide ? current.guided : current.logged) += 1;
    current.seconds += std::max(0, session->seconds);
    before.add(session->pain_before);
    after.add(session->pain_after);
  }
  close_day();
  return days;
}

std::vector<TechniqueTally> tallies_of(const std::vector<const SessionRecord*>& sessions) {
  std::map<std::string, TechniqueTally> by_technique;
  for (const SessionRecord* session : sessions)
    for (const TechniqueRating& rating : session->ratings) {
      TechniqueTally& tally = by_technique[rating.technique];
      tally.technique = rating.technique;
      (rating.rating == Rating::kUp ? tally.up : tally.down) += 1;
      tally.last = session->date;  // sessions come oldest first
      tally.last_up = rating.rating == Rating::kUp;
    }
  std::vector<TechniqueTally> tallies;
  for (auto& [id, tally] : by_technique) tallies.push_back(std::move(tally));
  std::stable_sort(tallies.begin(), tallies.end(),
                   [](const TechniqueTally& left, const TechniqueTally& right) {
                     if (left.up != right.up) return left.up > right.up;
                     return left.down < right.down;
                   });
  return tallies;
}

}  // namespace

std::vector<const SessionRecord*> shown_sessions(const HistoryView& view) {
  std::vector<std::pair<long, const SessionRecord*>> dated;
  dated.reserve(view.sessions.size());
  for (const SessionRecord& session : view.sessions)
    if (!view.area || on_area(session, *view.area))
      dated.emplace_back(days_from_civil(session.date), &session);
  std::stable_sort(dated.begin(), dated.end(), [](const auto& left, const auto& right) {
    if (left.first != right.first) return left.first < right.first;
    if (left.second->id != right.second->id) return left.second->id < right.second->id;
    return left.second->recorded_at < right.second->recorded_at;
  });
  std::vector<const SessionRecord*> sessions;
  sessions.reserve(dated.size());
  for (const auto& [day, session] : dated) sessions.push_back(session);
  return sessions;
}

std::vector<AreaHistory> area_histories(const HistoryView& view) {
  std::map<std::string, AreaHistory> by_area;
  for (const SessionRecord* session : shown_sessions(view)) {
    for (std::size_t i = 0; i < session->areas.size(); ++i) {
      const std::string& area = session->areas[i];
      if (view.area && area != *view.area) continue;
      // An area named twice in one session counts once.
      if (std::find(session->areas.begin(), session->areas.begin() + static_cast<long>(i), area) !=
          session->areas.begin() + static_cast<long>(i))
        continue;
      AreaHistory& history = by_area[area];
      history.area = area;
      history.sessions.push_back(session);
    }
  }
  std::vector<AreaHistory> histories;
  for (auto& [area, history] : by_area) {
    history.days = days_of(history.sessions);
    history.ratings = tallies_of(history.sessions);
    histories.push_back(std::move(history));
  }
  return histories;
}

const char* month_abbreviation(int month) {
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return month >= 1 && month <= 12 ? kMonths[month - 1] : "?";
}

std::string long_date(const CivilDate& date) {
  return fmt::format("{} {} {}", date.day, month_abbreviation(date.month), date.year);
}

int weekday(long days) {
  // 1970-01-01 was a Thursday (3, counting Monday as 0).
  return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

const char* weekday_abbreviation(long days) {
  static constexpr const char* kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  return kDays[weekday(days)];
}

std::string area_name(const HistoryView& view, const std::string& id) {
  const auto found = view.area_names.find(id);
  return found != view.area_names.end() ? found->second : readable_id(id);
}

std::string technique_name(const HistoryView& view, const std::string& id) {
  const auto found = view.technique_names.find(id);
  return found != view.technique_names.end() ? found->second : readable_id(id);
}

double rounded_pain(double pain) {
  return std::round(pain * 10) / 10;
}

std::string pain_number(double pain) {
  const double rounded = rounded_pain(pain);
  if (rounded == std::floor(rounded)) return fmt::format("{}", static_cast<int>(rounded));
  return fmt::format("{:.1f}", rounded);
}

}  // namespace knotplan
