#ifndef KNOTPLAN_HISTORY_FACTS_HPP_
#define KNOTPLAN_HISTORY_FACTS_HPP_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "knotplan/clock.hpp"
#include "knotplan/history.hpp"

namespace knotplan {

// What planning learns from the log (history.hpp), as plain facts with their words for
// --explain. docs/session-model.md says how each one changes the routine.
//
// Definitions, all counted in calendar days on the person's clock, on one requested area:
// - Episode: the summary's latest episode, if its last session is at most
//   kEpisodeGapDays before today; otherwise it has ended and the area has no facts but
//   its ratings. An absent --since then means the episode's first day.
// - The last two weeks: today and the 13 days before it. Regular sessions: the episode
//   began at least 13 days before today, and sessions fell on at least
//   kRegularDaysPerWeek different days of each of its two weeks (days 14-8 and 7-1).
// - Pain then and now: the mean pain after sessions of the first and of the last
//   min(3, n / 2) of the n sessions of the period that have one (a skipped pain counts
//   for nothing); at least kTrendScores are needed to judge.
// - Not improving: two weeks of regular sessions, and pain now is not lower than pain
//   then by kImprovementPoints, nor by kImprovementPercent of it, and is above
//   kSettledPain. The routine then carries a physiotherapist referral that says why.
// - A progressing week: sessions on at least kProgressionDaysPerWeek different days of
//   the week, at least two pains after, and pain now below pain then, or at most
//   kSettledPain + 1 and not above it (falling, or staying low).
// - Progression, for an area that is not stuck: the last week is a progressing week and
//   the episode is at least 6 days old: more repetitions; the week before it is one too
//   and the episode is at least 13 days old: the harder variant.
// - Ratings: the latest rating of each technique on any requested area, ended episodes
//   included; with ratings on two areas, the later one (a rating whose day is unknown
//   is older).
inline constexpr int kRegularWindowDays = 14;
inline constexpr int kRegularDaysPerWeek = 3;
inline constexpr int kProgressionDaysPerWeek = 4;
inline constexpr int kTrendScores = 4;
inline constexpr int kImprovementPoints = 2;
inline constexpr int kImprovementPercent = 30;
inline constexpr int kSettledPain = 1;

// How far strengthening moves on: the technique's `progression` (knowledge.hpp) says how.
enum class ProgressionStep { kNone, kMoreRepetitions, kHarderVariant };

struct AreaHistoryFacts {
  std::string area;
  CivilDate episode_start;
  CivilDate last_session;
  int sessions = 0;      // in the episode
  bool regular = false;  // two weeks of regular sessions
  // Mean pain after sessions at the start and the end of the last two weeks; absent with
  // fewer than kTrendScores pains.
  std::optional<double> pain_then;
  std::optional<double> pain_now;
  bool not_improving = false;  // the routine carries the referral
  ProgressionStep progression = ProgressionStep::kNone;
};

struct RatedTechnique {
  std::string technique;
  Rating rating = Rating::kUp;
  std::string area;               // the area of the session it was rated in
  std::optional<CivilDate> date;  // that session's day, when the summary still has it
};

struct HistoryFacts {
  // The first day of the earliest ongoing episode among the requested areas: the default
  // for an absent --since. Absent when no requested area has an ongoing episode.
  std::optional<CivilDate> episode_start;
  std::vector<AreaHistoryFacts> areas;  // requested areas with an ongoing episode, in order
  std::vector<RatedTechnique> ratings;  // by technique id
  // Every fact above in words, in the order above, for --explain: "9 sessions on the
  // neck since 2026-11-02: this episode started then".
  std::vector<std::string> sentences;

  // The facts of `area`; nullptr when it has no ongoing episode.
  const AreaHistoryFacts* find_area(std::string_view area) const;
  // The rating of `technique`, if it has one.
  std::optional<Rating> rating_of(std::string_view technique) const;
  // Whether any requested area is not improving.
  bool not_improving() const;
};

// The facts for a plan of `areas` (canonical ids, the order typed) on `today`. Pure: the
// same summary, areas and day give the same facts.
HistoryFacts facts_from_history(const HistorySummary& summary,
                                const std::vector<std::string>& areas, CivilDate today);

// The mean of pains in words: "6", "5.5".
std::string pain_text(double pain);

}  // namespace knotplan

#endif  // KNOTPLAN_HISTORY_FACTS_HPP_
