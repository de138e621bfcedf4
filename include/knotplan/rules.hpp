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

// Hashes std::string and std::string_view alike, so that a map keyed by strings can be
// searched with a view.
struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const {
    return std::hash<std::string_view>{}(text);
  }
};

// A step some rule asks for, and the rule that asked.
struct Candidate {
  AddStep add;
  std::string rule;
};

struct ScaleDecision {
  Scale scale;
  std::string rule;
};

// Everything the fired rules decided, before the planner fits it into the time budget.
struct Decisions {
  std::vector<Candidate> candidates;  // in file order, which breaks priority ties
  // id or tag -> the rules that ruled it out. Hashed, so that a knowledge base with
  // thousands of exclusions still plans in linear time; tags are a handful.
  std::unordered_map<std::string, std::vector<std::string>, TextHash, std::equal_to<>>
      excluded_techniques;
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
