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

// Why the person should see someone: one symptom's answer, or one rule's stop or referral.
struct ProfessionalReason {
  Level level = Level::kDoctor;
  std::string_view message;
  const Symptom* symptom = nullptr;  // the symptom that gave it, if one did
  std::string_view rule;             // otherwise the rule that did
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
  // Most urgent first; among equals, symptoms before rules, each in file order. Each
  // message once. Any stop withholds the routine.
  std::vector<ProfessionalReason> stops;
  std::vector<ProfessionalReason> referrals;
  // The warning lines for the request, most urgent first, at most kMaxWatchLines.
  std::vector<const WatchLine*> watch_for;
  std::vector<std::string> rules_fired;
  std::vector<TraceEntry> trace;
};

// Whether every key of `when` holds for the request (keys AND, list values OR; one of
// several requested areas is enough).
bool rule_matches(const RuleCondition& when, const Request& request);

// Whether a warning line opens the routine for this request: its `when` holds and its
// `unless` does not.
bool shows(const WatchLine& line, const Request& request);

// Answers each symptom of the request (its first answer whose condition holds), evaluates
// every rule of the knowledge base against the request, and picks the warning lines.
// Throws UsageError for a request with no area. The decisions view the request: it must
// outlive them.
Decisions evaluate_rules(const KnowledgeBase& kb, const Request& request);
Decisions evaluate_rules(const KnowledgeBase& kb, Request&& request) = delete;

}  // namespace knotplan

#endif  // KNOTPLAN_RULES_HPP_
