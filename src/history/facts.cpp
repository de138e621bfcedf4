#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <set>

#include "knotplan/history_facts.hpp"

namespace knotplan {

namespace {

// Days are compared as numbers; a session dated after today (a clock put back) counts
// as today's.
long day_number(CivilDate date) {
  return days_from_civil(date);
}

std::string area_words(const std::string& area) {
  std::string words = area;
  std::replace(words.begin(), words.end(), '-', ' ');
  return words;
}

// The sessions of `area` on the days [first, last].
std::vector<const SessionRecord*> sessions_between(const AreaSummary& area, long first, long last) {
  std::vector<const SessionRecord*> found;
  for (const SessionRecord& session : area.recent) {
    const long day = day_number(session.date);
    if (day >= first && day <= last) found.push_back(&session);
  }
  return found;
}

int days_with_sessions(const std::vector<const SessionRecord*>& sessions) {
  std::set<long> days;
  for (const SessionRecord* session : sessions) days.insert(day_number(session->date));
  return static_cast<int>(days.size());
}

// Pain then and pain now: the means of the first and last min(3, n / 2) pains after.
struct Trend {
  int scores = 0;
  double then = 0;
  double now = 0;
};

Trend trend_of(const std::vector<const SessionRecord*>& sessions) {
  std::vector<int> pains;
  for (const SessionRecord* session : sessions)
    if (session->pain_after) pains.push_back(*session->pain_after);
  Trend trend;
  trend.scores = static_cast<int>(pains.size());
  const std::size_t count = std::min<std::size_t>(3, pains.size() / 2);
  if (count == 0) return trend;
  double first = 0;
  double last = 0;
  for (std::size_t i = 0; i < count; ++i) {
    first += pains[i];
    last += pains[pains.size() - 1 - i];
  }
  trend.then = first / static_cast<double>(count);
  trend.now = last / static_cast<double>(count);
  return trend;
}

bool improved(const Trend& trend) {
  const double drop = trend.then - trend.now;
  return drop >= kImprovementPoints ||
         (trend.then > 0 && drop * 100 >= kImprovementPercent * trend.then) ||
         trend.now <= kSettledPain;
}

// A week of sessions on enough days with pain falling, or staying low.
bool progressing(const std::vector<const SessionRecord*>& week, Trend& trend) {
  trend = trend_of(week);
  if (days_with_sessions(week) < kProgressionDaysPerWeek || trend.scores < 2) return false;
  return trend.now < trend.then || (trend.now <= kSettledPain + 1 && trend.now <= trend.then);
}

// The day of the latest session of `area` that gave `technique` the rating it has now.
std::optional<CivilDate> rated_on(const AreaSummary& area, const TechniqueRating& rating) {
  for (auto session = area.recent.rbegin(); session != area.recent.rend(); ++session)
    if (std::find(session->ratings.begin(), session->ratings.end(), rating) !=
        session->ratings.end())
      return session->date;
  return std::nullopt;
}

void add_area_facts(const AreaSummary& summary, long today, HistoryFacts& facts) {
  const std::string words = area_words(summary.area);
  const long last = std::min(day_number(summary.last_session), today);
  if (today - last > kEpisodeGapDays) {
    facts.sentences.push_back(fmt::format(
        "your last session on the {} was on {}, more than {} days ago: that episode has ended",
        words, date_text(summary.last_session), kEpisodeGapDays));
    return;
  }
  AreaHistoryFacts& area = facts.areas.emplace_back();
  area.area = summary.area;
  area.episode_start = summary.episode_start;
  area.last_session = summary.last_session;
  area.sessions = summary.episode_sessions;
  const long start = day_number(summary.episode_start);
  facts.sentences.push_back(
      fmt::format("{} session{} on the {} since {}: this episode started then", area.sessions,
                  area.sessions == 1 ? "" : "s", words, date_text(summary.episode_start)));

  const long window_start = today - (kRegularWindowDays - 1);
  const long second_week = today - (kRegularWindowDays / 2 - 1);
  const auto first_half = sessions_between(summary, window_start, second_week - 1);
  const auto second_half = sessions_between(summary, second_week, today);
  const auto window = sessions_between(summary, window_start, today);
  const int first_days = days_with_sessions(first_half);
  const int second_days = days_with_sessions(second_half);
  area.regular = start <= window_start && first_days >= kRegularDaysPerWeek &&
                 second_days >= kRegularDaysPerWeek;
  const Trend two_weeks = trend_of(window);
  if (two_weeks.scores >= kTrendScores) {
    area.pain_then = two_weeks.then;
    area.pain_now = two_weeks.now;
  }
  if (!area.regular) {
    facts.sentences.push_back(fmt::format(
        "sessions on the {} on {} and {} days of the last two weeks: not yet two weeks of "
        "regular sessions (at least {} days in each week)",
        words, first_days, second_days, kRegularDaysPerWeek));
  } else if (!area.pain_then) {
    facts.sentences.push_back(
        fmt::format("two weeks of regular sessions on the {}, but only {} pain score{} after "
                    "them: too few to say whether it is getting better",
                    words, two_weeks.scores, two_weeks.scores == 1 ? "" : "s"));
  } else {
    area.not_improving = !improved(two_weeks);
    facts.sentences.push_back(fmt::format(
        "pain after sessions on the {} went from {} to {} over two weeks of regular sessions: {}",
        words, pain_text(two_weeks.then), pain_text(two_weeks.now),
        area.not_improving ? fmt::format("no better (not down by {} points or {}%)",
                                         kImprovementPoints, kImprovementPercent)
                           : "better"));
  }
  if (area.not_improving) return;  // nothing moves on while it is stuck
  Trend last_week;
  Trend week_before;
  if (start > today - (kRegularWindowDays / 2 - 1) || !progressing(second_half, last_week)) return;
  const bool two_progressing_weeks = start <= window_start &&
                                     progressing(first_half, week_before) &&
                                     two_weeks.now <= two_weeks.then;
  area.progression =
      two_progressing_weeks ? ProgressionStep::kHarderVariant : ProgressionStep::kMoreRepetitions;
  facts.sentences.push_back(fmt::format(
      "pain after sessions on the {} went from {} to {} over the last week, with sessions on {} "
      "days{}: {}",
      words, pain_text(last_week.then), pain_text(last_week.now), second_days,
      two_progressing_weeks ? fmt::format(", and from {} to {} the week before",
                                          pain_text(week_before.then), pain_text(week_before.now))
                            : "",
      two_progressing_weeks ? "strengthening moves on to a harder variant"
                            : "strengthening gets more repetitions"));
}

void add_ratings(const AreaSummary& summary, std::vector<RatedTechnique>& ratings) {
  for (const TechniqueRating& rating : summary.ratings) {
    RatedTechnique rated{rating.technique, rating.rating, summary.area, rated_on(summary, rating)};
    const auto same = std::find_if(
        ratings.begin(), ratings.end(),
        [&](const RatedTechnique& other) { return other.technique == rating.technique; });
    if (same == ratings.end()) {
      ratings.push_back(std::move(rated));
      continue;
    }
    const long known = same->date ? day_number(*same->date) : LONG_MIN;
    const long here = rated.date ? day_number(*rated.date) : LONG_MIN;
    if (here > known) *same = std::move(rated);
  }
}

}  // namespace

std::string pain_text(double pain) {
  const double tenths = std::round(pain * 10) / 10;
  if (tenths == std::round(tenths)) return fmt::format("{}", static_cast<int>(std::round(tenths)));
  return fmt::format("{:.1f}", tenths);
}

const AreaHistoryFacts* HistoryFacts::find_area(std::string_view area) const {
  for (const AreaHistoryFacts& facts : areas)
    if (facts.area == area) return &facts;
  return nullptr;
}

std::optional<Rating> HistoryFacts::rating_of(std::string_view technique) const {
  for (const RatedTechnique& rated : ratings)
    if (rated.technique == technique) return rated.rating;
  return std::nullopt;
}

bool HistoryFacts::not_improving() const {
  return std::any_of(areas.begin(), areas.end(),
                     [](const AreaHistoryFacts& area) { return area.not_improving; });
}

HistoryFacts facts_from_history(const HistorySummary& summary,
                                const std::vector<std::string>& areas, CivilDate today) {
  HistoryFacts facts;
  const long day = day_number(today);
  for (const std::string& area : areas) {
    const auto found = std::find_if(summary.areas.begin(), summary.areas.end(),
                                    [&](const AreaSummary& entry) { return entry.area == area; });
    if (found == summary.areas.end()) continue;
    add_area_facts(*found, day, facts);
    add_ratings(*found, facts.ratings);
  }
  for (const AreaHistoryFacts& area : facts.areas)
    if (!facts.episode_start || day_number(area.episode_start) < day_number(*facts.episode_start))
      facts.episode_start = area.episode_start;
  std::sort(
      facts.ratings.begin(), facts.ratings.end(),
      [](const RatedTechnique& a, const RatedTechnique& b) { return a.technique < b.technique; });
  for (const RatedTechnique& rated : facts.ratings)
    facts.sentences.push_back(fmt::format(
        "you rated {} {}{}", rated.technique, rated.rating == Rating::kUp ? "up" : "down",
        rated.date ? fmt::format(" on {}", date_text(*rated.date))
                   : fmt::format(" in a session on the {}", area_words(rated.area))));
  return facts;
}

}  // namespace knotplan
