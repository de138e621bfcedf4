#include "knotplan/planner.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <tuple>

#include "knotplan/knowledge_loader.hpp"
#include "knotplan/rules.hpp"
#include "test_support.hpp"

using namespace knotplan;
using testing::kept;
using testing::make_request;

namespace {

// The built-in vocabulary and techniques with rules of the test's own.
KnowledgeBase with_rules(std::vector<Rule> rules) {
  KnowledgeBase kb = builtin_knowledge_base();
  kb.rules = kept(std::move(rules));
  return kb;
}

Rule adding(const std::string& id, std::vector<AddStep> adds) {
  Rule rule{kept(id), "test", {}, {}, kept({"test"})};
  rule.then.add = kept(std::move(adds));
  return rule;
}

AddStep step(const std::string& technique, int priority, std::optional<std::string> target = {}) {
  AddStep add;
  add.technique = kept(technique);
  add.priority = priority;
  if (target) add.target = kept(*target);
  return add;
}

std::vector<std::string> techniques_of(const Routine& routine) {
  std::vector<std::string> ids;
  for (const Step& step : routine.steps) ids.push_back(step.technique);
  return ids;
}

bool has(const Routine& routine, const std::string& technique) {
  const auto ids = techniques_of(routine);
  return std::find(ids.begin(), ids.end(), technique) != ids.end();
}

}  // namespace

TEST_CASE("the total never exceeds the budget, and most of it is used", "[planner]") {
  const KnowledgeBase& kb = builtin_knowledge_base();
  for (const char* area :
       {"neck", "shoulders", "upper-back", "between-shoulder-blades", "lower-back"}) {
    for (int minutes = 1; minutes <= 60; ++minutes) {
      const Routine routine =
          plan(kb, make_request(area, "1w", "posture", minutes, {"tennis-ball"}));
      INFO(area << " " << minutes << " min");
      CHECK(routine.total_seconds <= minutes * 60);
      CHECK(!routine.steps.empty());
      if (minutes >= 3 && minutes <= 20) CHECK(routine.total_seconds >= minutes * 60 * 8 / 10);
      int clock = 0;
      for (const Step& step : routine.steps) {
        CHECK(step.start_seconds == clock);
        clock += step.seconds;
      }
      CHECK(clock == routine.total_seconds);
    }
  }
}

TEST_CASE("steps are ordered by phase and numbered from 1", "[planner]") {
  const Routine routine = plan(builtin_knowledge_base(),
                               make_request("upper-back", "3w", "posture", 30, {"tennis-ball"}));
  for (std::size_t i = 0; i < routine.steps.size(); ++i) {
    CHECK(routine.steps[i].index == static_cast<int>(i) + 1);
    if (i > 0) CHECK(routine.steps[i - 1].phase <= routine.steps[i].phase);
  }
}

TEST_CASE("per-side techniques become a left and a right step, or one side", "[planner]") {
  const KnowledgeBase kb = with_rules({adding("r", {step("levator-scapulae-stretch", 50)})});
  const Routine both = plan(kb, make_request("neck"));
  REQUIRE(both.steps.size() == 2);
  CHECK(both.steps[0].side == Side::kLeft);
  CHECK(both.steps[1].side == Side::kRight);
  CHECK(both.steps[0].seconds == both.steps[1].seconds);
  Request left = make_request("neck");
  left.side = Side::kLeft;
  const Routine one = plan(kb, left);
  REQUIRE(one.steps.size() == 1);
  CHECK(one.steps[0].side == Side::kLeft);
}

TEST_CASE("held stretches report hold and reps that add up to the step", "[planner]") {
  const KnowledgeBase kb = with_rules({adding("r", {step("doorway-chest-stretch", 50, "chest")})});
  const Routine routine = plan(kb, make_request("upper-back", "today", "unknown", 1));
  REQUIRE(routine.steps.size() == 1);
  const Step& stretch = routine.steps[0];
  REQUIRE(stretch.hold_seconds.has_value());
  CHECK(*stretch.hold_seconds * *stretch.reps == stretch.seconds);
  CHECK(stretch.seconds <= 60);
}

TEST_CASE("only equipment the person has is used, substitutes count", "[planner]") {
  const KnowledgeBase kb = with_rules(
      {adding("r", {step("ball-against-wall", 60), step("foam-roller-upper-back", 50)})});
  CHECK(plan(kb, make_request("upper-back")).steps.empty());
  const Routine with_ball =
      plan(kb, make_request("upper-back", "today", "unknown", 10, {"tennis-ball"}));
  CHECK(techniques_of(with_ball) ==
        std::vector<std::string>{"ball-against-wall", "ball-against-wall"});
  CHECK(with_ball.steps[0].equipment == std::vector<std::string>{"tennis-ball", "wall"});
  const Routine substitute =
      plan(kb, make_request("upper-back", "today", "unknown", 10, {"lacrosse-ball"}));
  REQUIRE(!substitute.steps.empty());
  CHECK(substitute.steps[0].equipment == std::vector<std::string>{"lacrosse-ball", "wall"});
  CHECK(has(plan(kb, make_request("upper-back", "today", "unknown", 10, {"foam-roller"})),
            "foam-roller-upper-back"));
}

TEST_CASE("an exclusion beats an addition, by id, by tag and off the knot", "[planner]") {
  Rule excluder{"no-press", "test", {}, {}, kept({"test"})};
  excluder.then.exclude = kept({"press-and-release"});
  excluder.then.exclude_tags = kept({"heat"});
  const KnowledgeBase kb = with_rules(
      {adding("r", {step("press-and-release", 90), step("heat-pack", 80), step("chin-tuck", 10)}),
       excluder});
  Request request = make_request("neck");
  request.explain = true;
  const Routine routine = plan(kb, request);
  CHECK(techniques_of(routine) == std::vector<std::string>{"chin-tuck"});
  const auto noted = [&](const std::string& text) {
    return std::any_of(routine.planner_notes.begin(), routine.planner_notes.end(),
                       [&](const std::string& note) { return note.find(text) == 0; });
  };
  CHECK(noted("press-and-release: excluded by no-press"));
  CHECK(noted("heat-pack: heat excluded by no-press"));
  request.explain = false;  // the notes are for --explain only
  CHECK(plan(kb, request).planner_notes.empty());

  Rule off_knot{"off", "test", {}, {}, kept({"test"})};
  off_knot.then.keep_off_knot = kept({"direct-pressure"});
  const KnowledgeBase around = with_rules(
      {adding("r", {step("press-and-release", 90), step("press-and-release", 80, "chest")}),
       off_knot});
  const Routine spared = plan(around, make_request("upper-back"));
  REQUIRE(!spared.steps.empty());
  for (const Step& s : spared.steps) CHECK(s.target == "chest");
}

TEST_CASE("priority picks first, ties go to the earlier rule in the file", "[planner]") {
  // Two 90-second (per side) candidates at the same priority; only one fits in 3 minutes.
  const KnowledgeBase first_wins = with_rules(
      {adding("a", {step("ball-against-wall", 50)}), adding("b", {step("ball-on-floor", 50)})});
  const Routine routine =
      plan(first_wins, make_request("upper-back", "today", "unknown", 3, {"tennis-ball"}));
  CHECK(techniques_of(routine) ==
        std::vector<std::string>{"ball-against-wall", "ball-against-wall"});
  const KnowledgeBase second_higher = with_rules(
      {adding("a", {step("ball-against-wall", 50)}), adding("b", {step("ball-on-floor", 51)})});
  CHECK(techniques_of(plan(second_higher,
                           make_request("upper-back", "today", "unknown", 3, {"tennis-ball"}))) ==
        std::vector<std::string>{"ball-on-floor", "ball-on-floor"});
}

TEST_CASE("the same technique asked twice is one step naming both rules", "[planner]") {
  const KnowledgeBase kb = with_rules(
      {adding("first", {step("chin-tuck", 40)}), adding("second", {step("chin-tuck", 60)})});
  const Routine routine = plan(kb, make_request("neck"));
  REQUIRE(routine.steps.size() == 1);
  CHECK(routine.steps[0].because == std::vector<std::string>{"second", "first"});
}

TEST_CASE("pressure is capped and the capping rule is named", "[planner]") {
  Rule cap{"cap", "test", {}, {}, kept({"test"})};
  cap.then.max_pressure = 3;
  const KnowledgeBase kb = with_rules({adding("r", {step("sustained-pressure", 50)}), cap});
  const Routine routine = plan(kb, make_request("neck"));
  REQUIRE(!routine.steps.empty());
  CHECK(routine.steps[0].pressure->max == 3);
  CHECK(routine.steps[0].pressure->min == 3);
  CHECK(routine.steps[0].because == std::vector<std::string>{"r", "cap"});
}

TEST_CASE("scale lengthens matching steps within the technique's range", "[planner]") {
  Rule longer{"longer", "test", {}, {}, kept({"test"})};
  longer.then.scale = Scale{1.5, kept({"stretch"})};
  const KnowledgeBase base = with_rules({adding("r", {step("upper-trapezius-stretch", 50)})});
  const KnowledgeBase scaled =
      with_rules({adding("r", {step("upper-trapezius-stretch", 50)}), longer});
  // One minute: no growth, so the scaled default shows.
  Request request = make_request("neck", "today", "unknown", 3);
  request.side = Side::kLeft;
  const Routine plain = plan(base, request);
  const Routine held = plan(scaled, request);
  REQUIRE(plain.steps.size() == 1);
  REQUIRE(held.steps.size() == 1);
  CHECK(plain.steps[0].because == std::vector<std::string>{"r"});
  CHECK(held.steps[0].because == std::vector<std::string>{"r", "longer"});
  // Far past the range: clamped to the technique's longest.
  Rule huge{"huge", "test", {}, {}, kept({"test"})};
  huge.then.scale = Scale{10.0, kept({"stretch"})};
  const Routine clamped =
      plan(with_rules({adding("r", {step("upper-trapezius-stretch", 50)}), huge}), request);
  REQUIRE(clamped.steps.size() == 1);
  CHECK(clamped.steps[0].seconds ==
        builtin_knowledge_base().find_technique("upper-trapezius-stretch")->seconds.max);
  // A scale for other tags leaves the stretch alone.
  Rule heat_only{"heat-only", "test", {}, {}, kept({"test"})};
  heat_only.then.scale = Scale{10.0, kept({"heat"})};
  const Routine untouched =
      plan(with_rules({adding("r", {step("upper-trapezius-stretch", 50)}), heat_only}), request);
  CHECK(untouched.steps[0].because == std::vector<std::string>{"r"});
}

TEST_CASE("phase limits cap how many techniques a phase gets", "[planner]") {
  Rule limit{"limit", "test", {}, {}, kept({"test"})};
  limit.then.phase_limits =
      kept(std::vector<PhaseLimit>{{Phase::kStretch, 1}, {Phase::kWarmUp, 0}});
  const KnowledgeBase kb =
      with_rules({adding("r", {step("chin-tuck", 50), step("upper-trapezius-stretch", 60),
                               step("march-on-the-spot", 70)}),
                  limit});
  CHECK(techniques_of(plan(kb, make_request("neck"))) ==
        std::vector<std::string>{"upper-trapezius-stretch", "upper-trapezius-stretch"});
}

TEST_CASE("a stop withholds every step and keeps the referral", "[planner]") {
  Request request = make_request("upper-back");
  request.symptoms = {"tearing-pain"};
  const Routine routine = plan(builtin_knowledge_base(), request);
  CHECK(routine.status == Status::kWithheld);
  CHECK(routine.steps.empty());
  CHECK(routine.total_seconds == 0);
  REQUIRE(routine.see_a_professional.has_value());
  CHECK(routine.see_a_professional->level == Level::kEmergency);
  // Only what to do now: nothing about routines, not even the disclaimer that speaks of them.
  CHECK(routine.disclaimer.empty());
  CHECK(routine.advice.empty());
  CHECK(routine.cautions.empty());
  CHECK(routine.watch_for.empty());
}

TEST_CASE("every step says why it is there", "[planner]") {
  const Routine routine =
      plan(builtin_knowledge_base(),
           make_request("lower-back", "5w", "overuse", 20, {"tennis-ball", "resistance-band"}));
  REQUIRE(!routine.steps.empty());
  for (const Step& s : routine.steps) CHECK(!s.because.empty());
  CHECK(routine.see_a_professional->level == Level::kPhysio);
}

namespace {

// The built-in knowledge base followed by a copy of every rule (ids suffixed) and by
// `extra` rules for the neck whose advice and cautions repeat each other's: far more
// texts than a handful, so that look-ups past the first few are exercised too.
KnowledgeBase with_repeated_rules(int extra) {
  nlohmann::json kb = testing::builtin_knowledge_json();
  const nlohmann::json rules = kb["rules"];
  for (nlohmann::json rule : rules) {
    rule["id"] = rule["id"].get<std::string>() + "-again";
    kb["rules"].push_back(std::move(rule));
  }
  const nlohmann::json source = kb["sources"][0]["id"];
  for (int i = 0; i < extra; ++i) {
    nlohmann::json then = {{"advice", {fmt::format("Generated advice {}.", i % 37)}},
                           {"cautions", {fmt::format("Generated caution {}.", i % 41)}}};
    if (i % 5 == 0) then["scale"] = {{"factor", 1.0}};
    kb["rules"].push_back({{"id", fmt::format("generated-{}", i)},
                           {"why", "Repeats what other rules say."},
                           {"when", {{"area", {"neck"}}}},
                           {"then", then},
                           {"sources", {source}}});
  }
  return load_knowledge_base(kb.dump(), "repeated rules");
}

// Each text once, in the order the fired rules say them: the plain definition, to check
// the planner's faster bookkeeping against.
std::vector<std::string> said_once(const KnowledgeBase& kb, const Request& request,
                                   List<std::string_view> RuleEffect::*texts) {
  std::vector<std::string> said;
  for (const Rule& rule : kb.rules) {
    if (!rule_matches(rule.when, request)) continue;
    for (const std::string_view text : rule.then.*texts)
      if (std::find(said.begin(), said.end(), text) == said.end()) said.emplace_back(text);
  }
  return said;
}

bool no_repeats(std::vector<std::string> texts) {
  std::sort(texts.begin(), texts.end());
  return std::adjacent_find(texts.begin(), texts.end()) == texts.end();
}

}  // namespace

TEST_CASE("rules said twice change nothing: advice and cautions once each, in rule order",
          "[planner]") {
  const KnowledgeBase& builtin = builtin_knowledge_base();
  const KnowledgeBase repeated = with_repeated_rules(0);
  for (const auto& [area, since, cause] :
       {std::tuple{"neck", "1w", "posture"}, std::tuple{"upper-back", "today", "strain"},
        std::tuple{"lower-back", "2mo", "sleep"}, std::tuple{"shoulders", "3w", "stress"}}) {
    const Request request = make_request(area, since, cause);
    const Routine once = plan(builtin, request);
    const Routine twice = plan(repeated, request);
    CHECK(twice.advice == once.advice);
    CHECK(twice.cautions == once.cautions);
    REQUIRE(twice.steps.size() == once.steps.size());
    for (const Step& step : twice.steps) CHECK(no_repeats(step.because));
  }
}

TEST_CASE("hundreds of rules repeating texts: each text once, first said first", "[planner]") {
  const KnowledgeBase kb = with_repeated_rules(300);
  Request request = make_request("neck", "1w", "posture");
  request.explain = true;
  const Decisions decisions = evaluate_rules(kb, request);
  CHECK(decisions.advice == said_once(kb, request, &RuleEffect::advice));
  CHECK(decisions.cautions == said_once(kb, request, &RuleEffect::cautions));
  const Routine routine = plan(kb, request);
  CHECK(no_repeats(routine.advice));
  CHECK(no_repeats(routine.cautions));
  for (const Step& step : routine.steps) CHECK(no_repeats(step.because));
}
