#ifndef KNOTPLAN_SRC_RENDER_HISTORY_DAYS_HPP_
#define KNOTPLAN_SRC_RENDER_HISTORY_DAYS_HPP_

#include <optional>
#include <string>
#include <vector>

#include "knotplan/render_history.hpp"

namespace knotplan {

// The history grouped the way every format shows it, so that the text, the JSON and the
// HTML count and average alike. Pointers point into the HistoryView's sessions.

// The sessions of one area on one day.
struct HistoryDay {
  long day = 0;  // days_from_civil
  CivilDate date;
  std::vector<const SessionRecord*> sessions;  // in the order they were stored
  int guided = 0;
  int logged = 0;
  int seconds = 0;
  // The averages of the sessions that have the score; absent when none has.
  std::optional<double> pain_before;
  std::optional<double> pain_after;
};

// How often a technique was rated up and down in the sessions on one area.
struct TechniqueTally {
  std::string technique;
  int up = 0;
  int down = 0;
  CivilDate last;  // the day of its latest rating
  bool last_up = true;
};

struct AreaHistory {
  std::string area;
  std::vector<const SessionRecord*> sessions;  // oldest first
  std::vector<HistoryDay> days;                // oldest first; days with a session only
  std::vector<TechniqueTally> ratings;         // most often up first, then fewest down
};

// The sessions the view shows (those on view.area when set), oldest first; sessions of
// one day in the order they were stored.
std::vector<const SessionRecord*> shown_sessions(const HistoryView& view);

// One entry per area with a session (only view.area when set), sorted by area id.
std::vector<AreaHistory> area_histories(const HistoryView& view);

// "21 Nov 2026", "Sat" (0 = Monday ... 6 = Sunday for weekday()).
std::string long_date(const CivilDate& date);
const char* month_abbreviation(int month);
int weekday(long days);
const char* weekday_abbreviation(long days);

// The display name of an id, or the id with its dashes made spaces.
std::string area_name(const HistoryView& view, const std::string& id);
std::string technique_name(const HistoryView& view, const std::string& id);

// "5", "5.5": an average pain to one decimal, without a trailing ".0".
std::string pain_number(double pain);

// An average rounded to one decimal, as the JSON and the tables give it.
double rounded_pain(double pain);

}  // namespace knotplan

#endif  // KNOTPLAN_SRC_RENDER_HISTORY_DAYS_HPP_
