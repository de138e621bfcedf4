#ifndef KNOTPLAN_HISTORY_HPP_
#define KNOTPLAN_HISTORY_HPP_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "knotplan/clock.hpp"
#include "knotplan/side.hpp"

namespace knotplan {

// The sessions a person has done, as the history database keeps them. Plain values: the
// store (history_store.hpp) reads and writes them, the renderers (render_history.hpp)
// show them and the planner learns from a summary of them (history_facts.hpp).

// Where a session came from: played by the guide, or told with 'knotplan log'.
enum class SessionSource { kGuide, kLog };
const char* session_source_id(SessionSource source);

// What the person said about a technique after a session ('--rate ID=up|down').
enum class Rating { kUp, kDown };
const char* rating_id(Rating rating);

struct TechniqueRating {
  std::string technique;
  Rating rating = Rating::kUp;
  bool operator==(const TechniqueRating&) const = default;
};

// One step of a guided session and how it went.
struct StepOutcome {
  std::string technique;
  std::string target;  // the area it worked
  Side side = Side::kBoth;
  bool done = false;  // false: skipped, or the session ended before it
  int seconds = 0;    // time spent on it, on the routine's clock
  bool operator==(const StepOutcome&) const = default;
};

inline constexpr int kMaxPain = 10;

struct SessionRecord {
  std::int64_t id = 0;  // given by the store; 0 for one not yet stored
  CivilDate date;       // the day it was done, in the person's time zone
  // When it was stored, "YYYY-MM-DDTHH:MM:SS" local time; set by the store when empty.
  std::string recorded_at;
  SessionSource source = SessionSource::kLog;
  std::vector<std::string> areas;  // the areas it worked, at least one
  std::optional<int> pain_before;  // 0..kMaxPain; absent when skipped
  std::optional<int> pain_after;
  int seconds = 0;   // time spent; 0 when not known (a logged session)
  std::string note;  // free text, may be empty
  // The request the guide played, as the routine's JSON "request" object; empty for a
  // logged session.
  std::string request_json;
  std::vector<StepOutcome> steps;  // guided sessions only, in the routine's order
  std::vector<TechniqueRating> ratings;
  bool operator==(const SessionRecord&) const = default;
};

// What planning needs from the history, kept small: a plan reads it from a file beside
// the database (history_store.hpp) instead of opening the database, which would cost more
// than the whole plan. Built from the sessions by summarize_history().
inline constexpr int kEpisodeGapDays = 14;  // a longer break without a session ends an episode
inline constexpr int kRecentDays = 28;      // how far back `recent` reaches

struct AreaSummary {
  std::string area;
  // The first day of the latest episode: the run of sessions on this area, ending with the
  // last one, in which no two sessions are more than kEpisodeGapDays apart.
  CivilDate episode_start;
  CivilDate last_session;
  int episode_sessions = 0;  // sessions in that episode
  // The sessions on this area from kRecentDays before last_session to it, oldest first,
  // without note and request_json.
  std::vector<SessionRecord> recent;
  // The latest rating of each technique given in a session on this area, by technique id.
  std::vector<TechniqueRating> ratings;
  bool operator==(const AreaSummary&) const = default;
};

struct HistorySummary {
  std::vector<AreaSummary> areas;  // sorted by area id; areas with no session are absent
  bool operator==(const HistorySummary&) const = default;
};

// The summary of `sessions`, in any order. A session with several areas counts for each.
HistorySummary summarize_history(const std::vector<SessionRecord>& sessions);

}  // namespace knotplan

#endif  // KNOTPLAN_HISTORY_HPP_
