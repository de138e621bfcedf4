#ifndef KNOTPLAN_PLANNER_HPP_
#define KNOTPLAN_PLANNER_HPP_

#include "knotplan/clock.hpp"
#include "knotplan/knowledge.hpp"
#include "knotplan/request.hpp"
#include "knotplan/routine.hpp"
#include "knotplan/rules.hpp"

namespace knotplan {

// Fits the decisions into the request's time budget:
// - drops excluded techniques and those whose equipment the person lacks (substitutes
//   count; always-available items are never asked for);
// - picks candidates by priority, at their usual length first, then at their shortest;
// - grows the picked steps toward their longest while time remains;
// - orders steps by phase, splits per-side techniques into one step per side;
// - caps pressure, and records in `because` the rules behind every step.
// The total never exceeds request.minutes * 60. A decision to stop yields a withheld
// routine with no steps.
Routine build_routine(const KnowledgeBase& kb, const Request& request, Decisions decisions);

// The whole pipeline for a checked request: rules, then the planner.
Routine plan(const KnowledgeBase& kb, const Request& request);

// The whole pipeline from what was typed. Throws UsageError for a bad request, and for a
// symptom typed in words that name none unless the others withhold the routine.
Routine plan(const KnowledgeBase& kb, const RequestOptions& options, const Clock& clock);

}  // namespace knotplan

#endif  // KNOTPLAN_PLANNER_HPP_
