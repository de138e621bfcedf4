#ifndef KNOTPLAN_REQUEST_HPP_
#define KNOTPLAN_REQUEST_HPP_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "knotplan/clock.hpp"
#include "knotplan/error.hpp"
#include "knotplan/history_facts.hpp"
#include "knotplan/knowledge.hpp"
#include "knotplan/side.hpp"
#include "knotplan/since.hpp"

namespace knotplan {

// What the person typed, before any checking. Lists may hold comma-separated items and
// may repeat; numbers are still text so that a bad one can be named in the error.
struct RequestOptions {
  std::optional<std::string> area;  // one area, or up to kMaxAreas separated by commas
  std::string cause = "unknown";
  std::string pain = "5";
  std::string minutes = "10";
  std::vector<std::string> equipment;
  std::string side = "both";
  std::vector<std::string> symptoms;
  std::vector<std::string> conditions;
  std::optional<std::string> age;
  bool explain = false;  // see Request::explain
  // Absent: the first day of the knot's ongoing episode in the history, else today.
  std::optional<std::string> since;
  // What the log says about past sessions (history.hpp); null with --no-history or no
  // log. resolve_request turns it into the request's facts for today. Shared: the
  // options are copied (the questions of knotplan start), the summary need not be.
  std::shared_ptr<const HistorySummary> history;
};

// A checked request: every id is a canonical id of the knowledge base, lists are sorted
// and free of duplicates, numbers are in range.
struct Request {
  // Where the knots are, in the order given: one session shares its time among them.
  std::vector<std::string> areas;
  Since since;
  std::string stage;
  std::string cause = "unknown";
  int pain = 5;
  int minutes = 10;
  std::vector<std::string> equipment;
  Side side = Side::kBoth;
  std::vector<std::string> symptoms;
  // What was typed as a symptom but names none: plan() (planner.hpp) refuses the request
  // unless the rest of it withholds the routine.
  std::vector<std::string> unplaced_symptoms;
  std::vector<std::string> conditions;
  std::optional<int> age;
  // Whether the routine carries the rule trace and the planner's notes (--explain).
  // Writing them is most of the work of planning with a large knowledge base.
  bool explain = false;
  // What planning learns from the log for these areas and today (history_facts.hpp):
  // a referral when a knot is not getting better, ratings, strengthening progression.
  // Absent when planned without a history.
  std::optional<HistoryFacts> history;
};

inline constexpr int kMaxMinutes = 180;
inline constexpr std::size_t kMaxAreas = 3;
inline constexpr int kMaxAge = 120;

// Checks and normalises what was typed against the knowledge base. With a history, works
// out its facts for the clock's today, and an absent since becomes the first day of the
// ongoing episode (the earliest, with several areas), else today. Ids and aliases match
// case-insensitively. Throws UsageError naming the option and the bad value, with the
// closest valid id ("did you mean 'upper-back'?") and the valid ones as the hint.
Request resolve_request(const KnowledgeBase& kb, const RequestOptions& options, const Clock& clock);

// The error for a symptom typed in words that name none: what was typed and, only when
// some share its words, the symptoms nearest to it.
UsageError unplaced_symptom_error(const KnowledgeBase& kb, const std::string& typed);

}  // namespace knotplan

#endif  // KNOTPLAN_REQUEST_HPP_
