#ifndef KNOTPLAN_RULES_HPP_
#define KNOTPLAN_RULES_HPP_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "knotplan/knowledge.hpp"
#include "knotplan/request.hpp"
#include "knotplan/routine.hpp"

namespace knotplan {

// A step some rule asks for, with the rule that asked and its place in file order.
struct Candidate {
  AddStep add;
  std::string rule;
  std::size_t order = 0;  // rule index * 1000 + add index: breaks priority ties
};

struct ScaleDecision {
  Scale scale;
  std::string rule;
};

// Everything the fired rules decided, before the planner fits it into the time budget.
struct Decisions {
  std::vector<Candidate> candidates;
  // id or tag -> the rules that ruled it out
  std::map<std::string, std::vector<std::string>, std::less<>> excluded_techniques;
  std::map<std::string, std::vector<std::string>, std::less<>> excluded_tags;
  std::map<std::string, std::vector<std::string>, std::less<>> kept_off_knot;
  std::vector<ScaleDecision> scales;
  std::optional<int> max_pressure;
  std::vector<std::string> max_pressure_rules;
  std::map<Phase, int> phase_limits;  // the lowest limit any rule set
  std::vector<std::string> advice;    // in rule order, without repeats
  std::vector<std::string> cautions;
  // These view the knowledge base's texts.
  std::optional<Referral> stop;   // the most urgent stop, first in file order among equals
  std::optional<Referral> refer;  // likewise for referrals
  std::vector<std::string> rules_fired;
  std::vector<TraceEntry> trace;
};

// Whether every key of `when` holds for the request (keys AND, list values OR).
bool rule_matches(const RuleCondition& when, const Request& request);

// Evaluates every rule of the knowledge base against the request, plus the red flags
// for the symptoms present, each of which stops the routine at its own level.
Decisions evaluate_rules(const KnowledgeBase& kb, const Request& request);

}  // namespace knotplan

#endif  // KNOTPLAN_RULES_HPP_
