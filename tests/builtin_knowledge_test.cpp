// What the built-in knowledge base must plan, whatever its wording: the safety rules (the
// README's "What you get") and the sources it cites, checked over every area, stage and cause.
#include <catch2/catch.hpp>
#include <set>

#include "knotplan/knowledge_loader.hpp"
#include "knotplan/planner.hpp"
#include "test_support.hpp"

using namespace knotplan;
using testing::make_request;

namespace {

const std::vector<std::string> kAreas{"neck", "shoulders", "upper-back", "between-shoulder-blades",
                                      "lower-back"};
const std::vector<std::string> kSince{"today", "1w", "4w", "3mo"};
const std::vector<std::vector<std::string>> kKits{
    {},
    {"tennis-ball"},
    {"foam-roller", "hot-pack"},
    {"lacrosse-ball", "cold-pack", "resistance-band", "massage-cane"}};

bool tagged(const Step& step, const std::string& tag) {
  return std::find(step.tags.begin(), step.tags.end(), tag) != step.tags.end();
}

bool any_caution(const Routine& routine, const std::string& words) {
  for (const std::string& caution : routine.cautions)
    if (caution.find(words) != std::string::npos) return true;
  return false;
}

Routine plan_for(const std::string& area, const std::string& since, const std::string& cause,
                 int minutes = 10, std::vector<std::string> kit = {},
                 std::vector<std::string> conditions = {}) {
  Request request = make_request(area, since, cause, minutes, std::move(kit));
  request.conditions = std::move(conditions);
  return plan(builtin_knowledge_base(), request);
}

}  // namespace

TEST_CASE("every area, stage, cause and kit gets a safe routine", "[knowledge]") {
  for (const auto& area : kAreas)
    for (const auto& since : kSince)
      for (const Cause& cause_entry : builtin_knowledge_base().causes)
        for (const auto& kit : kKits) {
          const std::string cause(cause_entry.id);
          const Routine routine = plan_for(area, since, cause, 10, kit);
          INFO(area << " / " << since << " / " << cause << " / kit of " << kit.size());
          REQUIRE(routine.status == Status::kOk);
          CHECK(routine.steps.size() >= 2);
          CHECK(routine.disclaimer == builtin_knowledge_base().disclaimer);
          CHECK(!routine.watch_for.empty());
          for (const Step& step : routine.steps) {
            if (step.pressure) CHECK(step.pressure->max <= 7);
            CHECK(!(step.technique.rfind("foam-roller", 0) == 0 &&
                    (step.target == "neck" || step.target == "lower-back")));
            const bool acute =
                routine.request.stage == "new" && (cause == "strain" || cause == "injury");
            if (acute) CHECK_FALSE(tagged(step, "heat"));
            // In the first 72 hours the work goes around a strain, never onto it.
            if (acute)
              CHECK_FALSE((step.target == area &&
                           (tagged(step, "direct-pressure") || tagged(step, "rolling"))));
          }
        }
}

TEST_CASE("a fresh upper-back strain is worked from the chest, armpit and side", "[knowledge]") {
  const Routine routine = plan_for("upper-back", "today", "strain", 20, {"tennis-ball"});
  std::set<std::string> targets;
  for (const Step& step : routine.steps) targets.insert(step.target);
  CHECK(targets.count("chest"));
  CHECK(targets.count("armpit"));
  CHECK(targets.count("side"));
}

TEST_CASE("a fresh strain gets cold and movement, never heat", "[knowledge]") {
  const Routine routine = plan_for("lower-back", "today", "strain", 20, {"hot-pack", "cold-pack"});
  bool cold = false;
  for (const Step& step : routine.steps) cold = cold || tagged(step, "cold");
  CHECK(cold);
  CHECK(any_caution(routine, "72 hours"));
}

TEST_CASE("upper back and between the shoulder blades open with the heart and aorta signs",
          "[knowledge]") {
  const auto warns_of = [](const Routine& routine, const std::string& words) {
    return std::any_of(
        routine.watch_for.begin(), routine.watch_for.end(),
        [&](const WarningLine& line) { return line.text.find(words) != std::string::npos; });
  };
  for (const char* area : {"upper-back", "between-shoulder-blades"}) {
    const Routine routine = plan_for(area, "1w", "posture");
    CHECK(warns_of(routine, "tearing"));
    CHECK(warns_of(routine, "chest pain"));
  }
  CHECK_FALSE(warns_of(plan_for("lower-back", "1w", "posture"), "tearing"));
  CHECK(warns_of(plan_for("lower-back", "1w", "posture"), "bladder or bowel"));
  CHECK(warns_of(plan_for("neck", "1w", "posture"), "rash that does not fade"));
  // In pregnancy one numb leg is an emergency: the line sending it to a doctor goes.
  const Routine pregnant = plan_for("lower-back", "1w", "posture", 10, {}, {"pregnancy"});
  CHECK(warns_of(pregnant, "pregnant, and any numbness or weakness in a leg"));
  CHECK_FALSE(warns_of(pregnant, "weakness in one leg"));
  CHECK(warns_of(plan_for("lower-back", "1w", "posture"), "weakness in one leg"));
}

TEST_CASE("conditions change the routine without withholding it", "[knowledge]") {
  const std::vector<std::string> kit{"tennis-ball", "hot-pack", "cold-pack", "foam-roller",
                                     "massage-cane"};
  for (const char* condition : {"anticoagulants", "osteoporosis", "pregnancy", "cancer-history"}) {
    const Routine routine = plan_for("upper-back", "3w", "posture", 20, kit, {condition});
    INFO(condition);
    REQUIRE(routine.status == Status::kOk);
    for (const Step& step : routine.steps)
      if (step.pressure) CHECK(step.pressure->max <= 3);
  }
  for (const char* condition : {"diabetes", "neuropathy", "pregnancy"}) {
    const Routine routine = plan_for("neck", "3w", "stress", 30, kit, {condition});
    for (const Step& step : routine.steps) CHECK(step.technique != "heat-pack");
  }
  const Routine raynauds = plan_for("lower-back", "today", "strain", 30, kit, {"raynauds"});
  for (const Step& step : raynauds.steps) CHECK_FALSE(tagged(step, "cold"));
  const Routine osteoporosis = plan_for("upper-back", "3w", "posture", 30, kit, {"osteoporosis"});
  for (const Step& step : osteoporosis.steps) CHECK(step.technique != "foam-roller-upper-back");
}

TEST_CASE("from 65, stretch holds are 30 seconds or longer", "[knowledge]") {
  Request request = make_request("neck", "3w", "posture", 10);
  request.age = 70;
  const Routine routine = plan(builtin_knowledge_base(), request);
  int stretches = 0;
  for (const Step& step : routine.steps) {
    if (!tagged(step, "stretch") || !step.hold_seconds) continue;
    ++stretches;
    CHECK(*step.hold_seconds >= 30);
  }
  CHECK(stretches > 0);
}

TEST_CASE("five minutes: one release technique and a stretch", "[knowledge]") {
  for (const auto& area : kAreas) {
    const Routine routine = plan_for(area, "1w", "posture", 5, {"tennis-ball"});
    std::set<std::string> release;
    std::set<std::string> stretch;
    for (const Step& step : routine.steps) {
      if (step.phase == Phase::kRelease) release.insert(step.technique);
      if (step.phase == Phase::kStretch) stretch.insert(step.technique);
    }
    INFO(area);
    CHECK(release.size() == 1);
    CHECK(stretch.size() >= 1);
  }
}

TEST_CASE("a knot older than two weeks adds strengthening and a physio referral", "[knowledge]") {
  const Routine routine = plan_for("upper-back", "5w", "posture", 20, {"resistance-band"});
  bool strengthening = false;
  for (const Step& step : routine.steps)
    strengthening = strengthening || tagged(step, "strengthening");
  CHECK(strengthening);
  REQUIRE(routine.see_a_professional.has_value());
  CHECK(routine.see_a_professional->level == Level::kPhysio);
}

TEST_CASE("every technique cites a source and every release step says when to ease off",
          "[knowledge]") {
  for (const Technique& technique : builtin_knowledge_base().techniques) {
    INFO(technique.id);
    CHECK(!technique.sources.empty());
    if (technique.pressure) CHECK(technique.pressure->max <= 7);
    const bool pressing =
        std::find(technique.tags.begin(), technique.tags.end(), "direct-pressure") !=
            technique.tags.end() ||
        std::find(technique.tags.begin(), technique.tags.end(), "rolling") != technique.tags.end();
    if (!pressing) continue;
    bool ease_off = false;
    for (const std::string_view cue : technique.cues)
      ease_off = ease_off || cue.find("Ease off") != std::string::npos;
    CHECK(ease_off);
  }
}

TEST_CASE("spare time adds stretch repetitions, never holds past the guidance", "[knowledge]") {
  for (const auto& area : kAreas) {
    for (const int minutes : {3, 10, 30, 60}) {
      for (const std::optional<int> age : {std::optional<int>{}, std::optional<int>{70}}) {
        Request request = make_request(area, "3w", "posture", minutes, {"tennis-ball"});
        request.age = age;
        const Routine routine = plan(builtin_knowledge_base(), request);
        for (const Step& step : routine.steps) {
          if (!tagged(step, "stretch") || !step.hold_seconds || step.technique == "childs-pose")
            continue;
          INFO(area << " " << minutes << " min, " << step.technique);
          if (age) {
            CHECK(*step.hold_seconds >= 30);
            CHECK(*step.hold_seconds <= 60);
          } else {
            CHECK(*step.hold_seconds <= 30);
          }
          CHECK(*step.reps >= 2);
          CHECK(*step.reps <= 4);
        }
      }
    }
  }
}

TEST_CASE(
    "every area has two stretches, two strengthening exercises and two ways to release it "
    "with nothing to buy",
    "[knowledge]") {
  const KnowledgeBase& kb = builtin_knowledge_base();
  CHECK(kb.techniques.size() >= 50);
  const auto needs_nothing = [&](const Technique& technique) {
    return std::all_of(technique.equipment.begin(), technique.equipment.end(), [&](auto id) {
      const Equipment* item = kb.find_equipment(id);
      return item != nullptr && item->always_available;
    });
  };
  const auto has_tag = [](const Technique& technique, std::string_view tag) {
    return std::find(technique.tags.begin(), technique.tags.end(), tag) != technique.tags.end();
  };
  for (const auto& area : kAreas) {
    int stretches = 0;
    int strengthening = 0;
    int releases = 0;
    for (const Technique& technique : kb.techniques) {
      if (std::find(technique.areas.begin(), technique.areas.end(), area) == technique.areas.end())
        continue;
      stretches += has_tag(technique, "stretch");
      strengthening += has_tag(technique, "strengthening");
      releases += technique.phase == Phase::kRelease && needs_nothing(technique);
    }
    INFO(area);
    CHECK(stretches >= 2);
    CHECK(strengthening >= 2);
    CHECK(releases >= 2);
  }
}
