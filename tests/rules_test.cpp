#include "knotplan/rules.hpp"

#include <catch2/catch.hpp>

#include "knotplan/knowledge_loader.hpp"
#include "test_support.hpp"

using namespace knotplan;
using testing::make_request;

TEST_CASE("conditions: keys AND, list values OR, absent keys match all", "[rules]") {
  Request request = make_request("neck", "2d", "sleep");
  request.age = 70;
  RuleCondition when;
  CHECK(rule_matches(when, request));
  when.areas = testing::kept({"neck", "shoulders"});
  CHECK(rule_matches(when, request));
  when.causes = testing::kept({"stress"});
  CHECK_FALSE(rule_matches(when, request));
  when.causes = testing::kept({"stress", "sleep"});
  CHECK(rule_matches(when, request));
  when.stages = testing::kept({"new"});
  CHECK(rule_matches(when, request));
  when.pain = Bounds{6, std::nullopt};
  CHECK_FALSE(rule_matches(when, request));
  when.pain = Bounds{std::nullopt, 5};
  CHECK(rule_matches(when, request));
  when.age = Bounds{65, std::nullopt};
  CHECK(rule_matches(when, request));
  request.age.reset();
  CHECK_FALSE(rule_matches(when, request));  // no age given: an age rule stays silent
}

TEST_CASE("equipment, symptom and condition conditions need one shared item", "[rules]") {
  Request request = make_request("neck", "today", "unknown", 10, {"tennis-ball"});
  RuleCondition when;
  when.equipment = testing::kept({"foam-roller", "tennis-ball"});
  CHECK(rule_matches(when, request));
  when.equipment = testing::kept({"foam-roller"});
  CHECK_FALSE(rule_matches(when, request));
  RuleCondition symptoms;
  symptoms.symptoms = testing::kept({"fever"});
  CHECK_FALSE(rule_matches(symptoms, request));
  request.symptoms = {"fever"};
  CHECK(rule_matches(symptoms, request));
}

TEST_CASE("every matching rule fires, in file order, with a trace", "[rules]") {
  const KnowledgeBase& kb = builtin_knowledge_base();
  Request request = make_request("upper-back", "today", "strain");
  request.explain = true;
  const Decisions decisions = evaluate_rules(kb, request);
  const auto& fired = decisions.rules_fired;
  for (const char* id :
       {"upper-back-knot", "heart-and-aorta-warning", "work-around-upper-back-side",
        "work-around-upper-body", "fresh-strain-or-knock", "new-knot-gentle-start", "stay-active"})
    CHECK(std::find(fired.begin(), fired.end(), id) != fired.end());
  CHECK(std::find(fired.begin(), fired.end(), "neck-knot") == fired.end());
  REQUIRE(decisions.trace.size() == fired.size());
  for (std::size_t i = 0; i < fired.size(); ++i) CHECK(decisions.trace[i].rule == fired[i]);
  CHECK(decisions.excluded_tags.count("heat") == 1);
  CHECK(decisions.kept_off_knot.count("direct-pressure") == 1);
  // Without --explain the same rules fire and decide the same, with no trace to write.
  request.explain = false;
  const Decisions quiet = evaluate_rules(kb, request);
  CHECK(quiet.rules_fired == fired);
  CHECK(quiet.trace.empty());
  CHECK(quiet.candidates.size() == decisions.candidates.size());
  CHECK(decisions.max_pressure == 5);
  CHECK(decisions.stops.empty());
}

TEST_CASE("symptoms stop the routine at the most urgent level", "[rules]") {
  const KnowledgeBase& kb = builtin_knowledge_base();
  Request request = make_request("upper-back");
  request.symptoms = {"fever", "chest-pain"};
  const Decisions decisions = evaluate_rules(kb, request);
  // Every sign is named, most urgent first.
  REQUIRE(decisions.stops.size() == 2);
  CHECK(decisions.stops[0].level == Level::kEmergency);
  CHECK(decisions.stops[0].symptom->id == "chest-pain");
  CHECK_THAT(std::string(decisions.stops[0].message), Catch::Contains("999"));
  CHECK(decisions.stops[1].level == Level::kDoctor);
  CHECK(decisions.stops[1].symptom->id == "fever");

  Request doctor = make_request("lower-back");
  doctor.symptoms = {"night-pain"};
  CHECK(evaluate_rules(kb, doctor).stops.at(0).level == Level::kDoctor);
}

TEST_CASE("pain of 8 or more withholds, pain of 7 caps pressure", "[rules]") {
  const KnowledgeBase& kb = builtin_knowledge_base();
  Request request = make_request("neck", "1w");
  request.pain = 8;
  CHECK(evaluate_rules(kb, request).stops.at(0).level == Level::kDoctor);
  request.pain = 7;
  const Decisions decisions = evaluate_rules(kb, request);
  CHECK(decisions.stops.empty());
  CHECK(decisions.max_pressure == 3);
}

TEST_CASE("the lowest max_pressure wins and phase limits keep the smallest", "[rules]") {
  KnowledgeBase kb = builtin_knowledge_base();
  Rule low{"low", "why", {}, {}, testing::kept({"test"})};
  low.then.max_pressure = 2;
  low.then.phase_limits = testing::kept(std::vector<PhaseLimit>{{Phase::kRelease, 1}});
  Rule high{"high", "why", {}, {}, testing::kept({"test"})};
  high.then.max_pressure = 6;
  high.then.phase_limits = testing::kept(std::vector<PhaseLimit>{{Phase::kRelease, 3}});
  kb.rules = testing::kept(std::vector<Rule>{low, high});
  const Request request = make_request("neck");
  const Decisions decisions = evaluate_rules(kb, request);
  CHECK(decisions.max_pressure == 2);
  CHECK(decisions.phase_limits.at(Phase::kRelease) == 1);
  CHECK(decisions.max_pressure_rules == std::vector<std::string>{"low", "high"});
}
