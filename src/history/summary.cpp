#include <algorithm>
#include <map>
#include <utility>

#include "knotplan/history.hpp"

namespace knotplan {

namespace {

// A session as one area sees it.
struct AreaSession {
  long day;
  std::int64_t id;
  const SessionRecord* session;
};

// Oldest first; sessions on the same day in the order they were stored.
bool earlier(const AreaSession& left, const AreaSession& right) {
  return std::pair(left.day, left.id) < std::pair(right.day, right.id);
}

AreaSummary summarize_area(const std::string& area, std::vector<AreaSession>& sessions) {
  std::stable_sort(sessions.begin(), sessions.end(), earlier);
  AreaSummary summary;
  summary.area = area;
  summary.last_session = sessions.back().session->date;
  const long last_day = sessions.back().day;

  // Walk back from the last session while no gap is longer than kEpisodeGapDays.
  std::size_t first = sessions.size() - 1;
  while (first > 0 && sessions[first].day - sessions[first - 1].day <= kEpisodeGapDays) --first;
  summary.episode_start = sessions[first].session->date;
  summary.episode_sessions = static_cast<int>(sessions.size() - first);

  // kRecentDays before the last session counts: a four-week window includes both ends.
  for (const AreaSession& entry : sessions) {
    if (entry.day < last_day - kRecentDays) continue;
    SessionRecord recent = *entry.session;
    recent.note.clear();
    recent.request_json.clear();
    summary.recent.push_back(std::move(recent));
  }

  // Oldest to newest, so that a later rating replaces an earlier one.
  std::map<std::string, Rating, std::less<>> latest;
  for (const AreaSession& entry : sessions) {
    for (const TechniqueRating& rating : entry.session->ratings)
      latest[rating.technique] = rating.rating;
  }
  for (const auto& [technique, rating] : latest) summary.ratings.push_back({technique, rating});
  return summary;
}

}  // namespace

HistorySummary summarize_history(const std::vector<SessionRecord>& sessions) {
  std::map<std::string, std::vector<AreaSession>, std::less<>> by_area;
  for (const SessionRecord& session : sessions) {
    const long day = days_from_civil(session.date);
    std::vector<std::string_view> seen;
    for (const std::string& area : session.areas) {
      // An area named twice in one session still counts the session once.
      if (std::find(seen.begin(), seen.end(), area) != seen.end()) continue;
      seen.push_back(area);
      by_area[area].push_back({day, session.id, &session});
    }
  }
  HistorySummary summary;
  for (auto& [area, area_sessions] : by_area)
    summary.areas.push_back(summarize_area(area, area_sessions));
  return summary;
}

}  // namespace knotplan
