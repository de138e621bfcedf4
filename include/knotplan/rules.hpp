#ifndef KNOTPLAN_RULES_HPP_
#define KNOTPLAN_RULES_HPP_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "knotplan/knowledge.hpp"
#include "knotplan/request.hpp"
#include "knotplan/routine.hpp"

namespace knotplan {

// A step some rule asks for, and the rule that asked. Its target is always set: a rule's
// step without one is aimed at each requested area the rule is about (a view of the
// request, which must outlive the decisions).
struct Candidate {
  AddStep add;
  std::string_view rule;
  std::string_view knot;  // the requested area this step serves, wherever it is aimed
};

struct ScaleDecision {
  Scale scale;
  std::string_view rule;
};

// Everything the fired rules decided, before the planner fits it into the time budget.
// Ids and texts from the knowledge base are views of it: the knowledge base must outlive
// the decisions (the routine the planner makes from them owns its texts).
struct Decisions {
  std::vector<Candidate> candidates;  // in file order, which breaks priority ties
  // technique id or tag -> the rules that ruled it out. Hashed, so that a knowledge base
  // with thousands of exclusions still plans in linear time; tags are a handful.
  std::unordered_map<std::string_view, std::vector<std::string_view>> excluded_techniques;
  std::map<std::string_view, std::vector<std::string_view>> excluded_tags;
  std::map<std::string_view, std::vector<std::string_view>> kept_off_knot;
  std::vector<ScaleDecision> scales;
  std::optional<int> max_pressure;
  std::vector<std::string> max_pressure_rules;
  std::map<Phase, int> phase_limits;  // the lowest limit any rule set
  std::vector<std::string> advice;    // in rule order, without repeats
  std::vector<std::string> cautions;
  std::optional<Referral> stop;   // the most urgent stop, first in file order among equals
  std::optional<Referral> refer;  // likewise for referrals
  std::vector<std::string> rules_fired;
  std::vector<TraceEntry> trace;
};

// Whether every key of `when` holds for the request (keys AND, list values OR; one of
// several requested areas is enough).
bool rule_matches(const RuleCondition& when, const Request& request);

// Evaluates every rule of the knowledge base against the request, plus the red flags
// for the symptoms present, each of which stops the routine at its own level.
// Throws UsageError for a request with no area. The decisions view the request: it must
// outlive them.
Decisions evaluate_rules(const KnowledgeBase& kb, const Request& request);
Decisions evaluate_rules(const KnowledgeBase& kb, Request&& request) = delete;

}  // namespace knotplan

#endif  // KNOTPLAN_RULES_HPP_
