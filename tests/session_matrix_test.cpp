// The routines of the built-in knowledge base judged as a physiotherapist would, over the
// whole request matrix: every area (alone and together), cause, stage, equipment kit,
// budget, side and health profile. Each routine must be balanced, within the dose limits,
// aimed at the knot or what is related to it, plain about sides, and true to the stage.
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "history_test_support.hpp"
#include "knotplan/knowledge_loader.hpp"
#include "knotplan/planner.hpp"
#include "test_support.hpp"

using namespace knotplan;
using testing::make_request;

namespace {

const std::vector<std::string> kAreaSets{"neck",
                                         "shoulders",
                                         "upper-back",
                                         "between-shoulder-blades",
                                         "lower-back",
                                         "neck,shoulders",
                                         "upper-back,lower-back,neck"};
const std::vector<std::string> kSince{"today", "5d", "3w", "4mo"};
const std::vector<std::vector<std::string>> kKits{
    {},
    {"tennis-ball"},
    {"foam-roller", "hot-pack", "cold-pack"},
    {"tennis-ball", "lacrosse-ball", "foam-roller", "massage-cane", "resistance-band", "hot-pack",
     "cold-pack", "muscle-rub"}};
const std::vector<int> kBudgets{3, 5, 8, 10, 15, 30, 60};
const std::vector<Side> kSides{Side::kBoth, Side::kLeft};

struct Profile {
  std::optional<int> age;
  std::vector<std::string> conditions;
};
const std::vector<Profile> kProfiles{{}, {70, {"anticoagulants"}}, {34, {"diabetes", "pregnancy"}}};

bool tagged(const Step& step, std::string_view tag) {
  return std::find(step.tags.begin(), step.tags.end(), tag) != step.tags.end();
}

bool tagged_any(const Step& step, List<std::string_view> tags) {
  return std::any_of(tags.begin(), tags.end(), [&](auto tag) { return tagged(step, tag); });
}

bool contains(const std::vector<std::string>& items, std::string_view item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

// The instructions a step must carry: its target's placement, else the main ones, with
// the side filled in.
std::vector<std::string> expected_instructions(const Technique& technique, const Step& step) {
  const Placement* placement = technique.placement(step.target);
  const List<std::string_view> texts =
      placement != nullptr ? placement->instructions : technique.instructions;
  std::vector<std::string> result;
  for (const std::string_view text : texts) {
    std::string line(text);
    if (step.side != Side::kBoth) {
      const std::string worked = side_id(step.side);
      const std::string other = step.side == Side::kLeft ? "right" : "left";
      for (std::size_t at; (at = line.find(kSideMark)) != std::string::npos;)
        line.replace(at, kSideMark.size(), worked);
      for (std::size_t at; (at = line.find(kOtherSideMark)) != std::string::npos;)
        line.replace(at, kOtherSideMark.size(), other);
    }
    result.push_back(line);
  }
  return result;
}

// Every check a physiotherapist would make of one routine; `label` names the request.
void check_routine(const KnowledgeBase& kb, const Routine& routine) {
  const Request& request = routine.request;
  const int budget = request.minutes * 60;
  const DoseLimits& limits = kb.limits;
  REQUIRE(routine.status == Status::kOk);
  REQUIRE(!routine.steps.empty());
  CHECK(routine.total_seconds <= budget);

  std::set<std::string> in_scope(request.areas.begin(), request.areas.end());
  for (const std::string& id : request.areas)
    for (const std::string_view related : kb.find_area(id)->related) in_scope.emplace(related);

  const bool fresh_strain =
      request.stage == "new" && (request.cause == "strain" || request.cause == "injury");
  int pressure_total = 0;
  std::map<std::pair<std::string, Side>, int> pressure_on;
  std::map<std::pair<std::string, Side>, std::set<std::string>> releases_on;
  std::set<std::tuple<std::string, std::string, Side>> done;
  bool stretch_or_movement = false;
  bool strengthening = false;
  bool movement = false;
  int release_seconds = 0;
  int clock = 0;
  for (const Step& step : routine.steps) {
    INFO("step " << step.index << ": " << step.technique << " on " << step.target << ", "
                 << side_id(step.side));
    const Technique* technique = kb.find_technique(step.technique);
    REQUIRE(technique != nullptr);
    CHECK(step.start_seconds == clock);
    clock += step.seconds;
    CHECK(!step.because.empty());

    // Aimed at a knot or at an area the knowledge base relates to one.
    CHECK(in_scope.count(step.target) == 1);
    // Sides said plainly: one side only when asked, every mark filled in.
    if (request.side == Side::kLeft) CHECK(step.side != Side::kRight);
    for (const auto* texts : {&step.instructions, &step.cues})
      for (const std::string& text : *texts) CHECK(text.find_first_of("{}") == std::string::npos);
    // Instructions written for the target they are done on.
    CHECK(step.instructions == expected_instructions(*technique, step));

    // Dose limits.
    const std::vector<Side> sides = step.side == Side::kBoth && technique->per_side == false
                                        ? std::vector<Side>{Side::kLeft, Side::kRight}
                                        : std::vector<Side>{step.side};
    if (tagged_any(step, limits.pressure_tags)) {
      pressure_total += step.seconds;
      for (const Side side : sides) pressure_on[{step.target, side}] += step.seconds;
    }
    if (tagged(step, "held")) CHECK(step.seconds <= limits.held_point_seconds);
    if (step.pressure) {
      CHECK(step.pressure->max <= 7);
      if (contains(request.conditions, "anticoagulants")) CHECK(step.pressure->max <= 3);
    }
    CHECK(done.emplace(step.technique, step.target, step.side).second);
    if (step.phase == Phase::kRelease) {
      release_seconds += step.seconds;
      for (const Side side : sides) releases_on[{step.target, side}].insert(step.technique);
    }

    stretch_or_movement =
        stretch_or_movement || tagged(step, "stretch") || tagged(step, "movement");
    strengthening = strengthening || tagged(step, "strengthening");
    movement = movement || tagged(step, "movement");

    // The first 72 hours after a strain or knock: nothing on it, no heat, nothing hard.
    if (fresh_strain) {
      CHECK_FALSE(tagged(step, "heat"));
      CHECK_FALSE(tagged(step, "strengthening"));
      if (contains(request.areas, step.target))
        for (const char* tag :
             {"direct-pressure", "rolling", "stroking", "skin-rolling", "stretch"})
          CHECK_FALSE(tagged(step, tag));
    }
  }
  CHECK(clock == routine.total_seconds);
  // The routine's own cautions stay few enough to be read: at most eight; each step
  // carries its own.
  CHECK(routine.cautions.size() <= 8);
  CHECK(std::set<std::string>(routine.cautions.begin(), routine.cautions.end()).size() ==
        routine.cautions.size());
  CHECK(pressure_total <= limits.pressure_seconds_per_session);
  for (const auto& [where, seconds] : pressure_on) {
    INFO("pressure on " << where.first << ", " << side_id(where.second));
    CHECK(seconds <= limits.pressure_seconds_per_target_side);
  }
  for (const auto& [where, techniques] : releases_on) {
    INFO("release on " << where.first << ", " << side_id(where.second));
    CHECK(techniques.size() <= static_cast<std::size_t>(limits.release_techniques_per_target_side));
    // Never two tools that do the same job on one target.
    std::set<std::string_view> groups;
    for (const std::string& id : techniques)
      if (const auto group = kb.find_technique(id)->group) CHECK(groups.insert(*group).second);
  }

  // Balance: pressing stays within its share, and the session holds what its shape needs.
  for (const SessionPhase& phase : routine.session.phases)
    if (phase.phase == Phase::kRelease && routine.steps.size() > 1)
      CHECK(release_seconds <= phase.max_seconds);
  if (request.minutes >= 5) CHECK(stretch_or_movement);
  const bool lasting = request.stage == "lingering" || request.stage == "chronic";
  if (lasting && request.minutes >= 8) CHECK(strengthening);
  if (fresh_strain && request.minutes >= 3) CHECK(movement);
  for (const SessionRequirement& requirement : routine.session.requirements)
    if (requirement.applies) CHECK(requirement.met);
}

}  // namespace

TEST_CASE("every routine in the request matrix is one a physiotherapist would sign",
          "[session][matrix]") {
  const KnowledgeBase& kb = builtin_knowledge_base();
  int routines = 0;
  for (const std::string& areas : kAreaSets)
    for (const std::string& since : kSince)
      for (const Cause& cause_entry : kb.causes)
        for (const auto& kit : kKits)
          for (const int minutes : kBudgets)
            for (const Side side : kSides)
              for (const Profile& profile : kProfiles) {
                const std::string cause(cause_entry.id);
                Request request = make_request(areas, since, cause, minutes, kit);
                request.side = side;
                request.age = profile.age;
                request.conditions = profile.conditions;
                INFO(areas << " since " << since << ", " << cause << ", " << minutes
                           << " min, kit of " << kit.size() << ", side " << side_id(side) << ", "
                           << profile.conditions.size() << " conditions");
                check_routine(kb, plan(kb, request));
                ++routines;
              }
  CHECK(routines == static_cast<int>(7 * 4 * kb.causes.size() * 4 * 7 * 2 * 3));
  CHECK(kb.causes.size() >= 9);
}

TEST_CASE("more time gives a fuller session, not a longer press", "[session]") {
  const KnowledgeBase& kb = builtin_knowledge_base();
  const std::vector<std::string> everything{"tennis-ball", "lacrosse-ball", "foam-roller",
                                            "massage-cane", "resistance-band"};
  for (const std::string area : {"upper-back", "shoulders", "lower-back"}) {
    const auto pressing = [&](int minutes, std::set<std::string>& kinds) {
      const Routine routine = plan(kb, make_request(area, "3w", "posture", minutes, everything));
      int seconds = 0;
      for (const Step& step : routine.steps) {
        kinds.insert(step.technique);
        if (step.phase == Phase::kRelease) seconds += step.seconds;
      }
      return seconds;
    };
    std::set<std::string> short_kinds;
    std::set<std::string> long_kinds;
    const int short_press = pressing(15, short_kinds);
    const int long_press = pressing(60, long_kinds);
    INFO(area);
    CHECK(long_press <= kb.limits.pressure_seconds_per_session);
    CHECK(long_kinds.size() > short_kinds.size());
    CHECK(long_press < 60 * 60 / 3);  // a third of an hour at most
    CHECK(short_press > 0);
  }
}

TEST_CASE("stages and causes make a visible difference", "[session]") {
  const KnowledgeBase& kb = builtin_knowledge_base();
  // What a person would see differ: the steps, where they are aimed, and how long each is.
  const auto techniques = [&](const std::string& since, const std::string& cause,
                              int minutes = 15) {
    std::vector<std::string> ids;
    for (const Step& step : plan(kb, make_request("upper-back", since, cause, minutes)).steps)
      ids.push_back(fmt::format("{}@{} {} s", step.technique, step.target, step.seconds));
    return ids;
  };
  const auto seconds_of = [&](const Routine& routine, Phase phase, std::string_view tag) {
    int seconds = 0;
    for (const Step& step : routine.steps)
      if (step.phase == phase && (tag.empty() || tagged(step, tag))) seconds += step.seconds;
    return seconds;
  };
  CHECK(techniques("3d", "posture") != techniques("3w", "posture"));
  CHECK(techniques("3w", "posture") != techniques("4mo", "posture"));
  CHECK(techniques("5d", "overuse", 10) != techniques("5d", "unknown", 10));
  const Routine chronic = plan(kb, make_request("upper-back", "4mo", "posture", 15));
  const Routine lingering = plan(kb, make_request("upper-back", "3w", "posture", 15));
  REQUIRE(chronic.see_a_professional.has_value());
  REQUIRE(lingering.see_a_professional.has_value());
  CHECK(chronic.see_a_professional->reasons != lingering.see_a_professional->reasons);
  CHECK(chronic.session.shape == "chronic-knot");
  CHECK(lingering.session.shape == "lingering-knot");
  // Chronic: never more pressing, and at least as much strengthening.
  CHECK(seconds_of(chronic, Phase::kRelease, "") <= seconds_of(lingering, Phase::kRelease, ""));
  CHECK(seconds_of(chronic, Phase::kRecover, "strengthening") >=
        seconds_of(lingering, Phase::kRecover, "strengthening"));
}

TEST_CASE("a strain gets work on the knot itself only after 72 hours", "[session]") {
  const KnowledgeBase& kb = builtin_knowledge_base();
  const auto on_knot = [&](const std::string& since) {
    const Routine routine =
        plan(kb, make_request("upper-back", since, "strain", 20, {"tennis-ball", "hot-pack"}));
    bool pressed = false;
    bool strong = false;
    // Heat as a step, or, where 15 minutes of it do not fit, as advice for before.
    bool heat = std::any_of(routine.advice.begin(), routine.advice.end(), [](const auto& advice) {
      return advice.find("heat pack") != std::string::npos;
    });
    for (const Step& step : routine.steps) {
      pressed = pressed || (step.target == "upper-back" && step.phase == Phase::kRelease);
      heat = heat || tagged(step, "heat");
      strong = strong || tagged(step, "strengthening");
    }
    return std::tuple{pressed, heat, strong};
  };
  CHECK(on_knot("today") == std::tuple{false, false, false});
  const auto [pressed, heat, strong] = on_knot("4mo");
  CHECK(pressed);
  CHECK(heat);
  CHECK(strong);
}

TEST_CASE("a one-sided knot is worked and stretched on its own side only", "[session]") {
  Request request = make_request("neck", "5d", "posture", 10);
  request.side = Side::kLeft;
  const Routine routine = plan(builtin_knowledge_base(), request);
  bool stretched = false;
  for (const Step& step : routine.steps) {
    CHECK(step.side != Side::kRight);
    if (step.technique != "upper-trapezius-stretch") continue;
    stretched = true;
    // The left upper trapezius lengthens when the head tips to the right.
    bool tips_right = false;
    for (const std::string& line : step.instructions)
      tips_right = tips_right || line.find("right ear") != std::string::npos;
    CHECK(tips_right);
  }
  CHECK(stretched);
}

TEST_CASE("several areas share one session without repeating work", "[session]") {
  const KnowledgeBase& kb = builtin_knowledge_base();
  const Routine routine = plan(kb, make_request("neck,lower-back", "5d", "posture", 20));
  CHECK(routine.request.areas == std::vector<std::string>{"neck", "lower-back"});
  CHECK(routine.area_name == "Neck and lower back");
  std::set<std::string> near_neck;
  std::set<std::string> near_low_back;
  std::map<std::string, int> times;
  for (const Step& step : routine.steps) {
    if (step.side != Side::kRight) ++times[step.technique + "@" + step.target];
    if (step.target == "neck" || step.target == "shoulders") near_neck.insert(step.technique);
    if (step.target == "lower-back" || step.target == "hips") near_low_back.insert(step.technique);
  }
  CHECK(!near_neck.empty());
  CHECK(!near_low_back.empty());
  for (const auto& [work, count] : times) {
    INFO(work);
    CHECK(count == 1);
  }
  CHECK(routine.total_seconds <= 20 * 60);
}

namespace {

// The same history on every area of the matrix.
std::shared_ptr<const HistorySummary> everywhere(const std::vector<testing::LoggedDay>& days) {
  std::vector<AreaSummary> areas;
  for (const char* area :
       {"neck", "shoulders", "upper-back", "between-shoulder-blades", "lower-back"})
    areas.push_back(testing::area_summary(area, days));
  return std::make_shared<const HistorySummary>(testing::history_of(std::move(areas)));
}

// Every technique rated down in the last session.
std::vector<testing::LoggedDay> rating_everything_down(std::vector<testing::LoggedDay> days) {
  for (const Technique& technique : builtin_knowledge_base().techniques)
    days.back().ratings.push_back({std::string(technique.id), Rating::kDown});
  return days;
}

}  // namespace

TEST_CASE("the request matrix stays sound whatever the log says", "[session][matrix][history]") {
  const KnowledgeBase& kb = builtin_knowledge_base();
  std::set<std::string_view> harder_variants;
  for (const Technique& technique : kb.techniques)
    if (technique.progression && technique.progression->harder)
      harder_variants.insert(*technique.progression->harder);
  REQUIRE(!harder_variants.empty());
  struct Case {
    const char* name;
    std::shared_ptr<const HistorySummary> history;
  };
  const std::vector<Case> cases{
      {"stuck", everywhere(testing::daily(15, 6, 6))},
      {"improving for two weeks", everywhere(testing::daily(14, 7, 3))},
      {"improving for a week, everything rated down",
       everywhere(rating_everything_down(testing::daily(7, 6, 4)))},
      {"no history", std::make_shared<const HistorySummary>()},
  };
  int harder_planned = 0;
  int routines = 0;
  for (const Case& history_case : cases)
    for (const std::string& areas : kAreaSets)
      for (const std::string& since : kSince)
        for (const Cause& cause : kb.causes)
          for (const auto& kit : kKits)
            for (const int minutes : kBudgets) {
              RequestOptions options;
              options.area = areas;
              options.since = since;
              options.cause = std::string(cause.id);
              options.minutes = std::to_string(minutes);
              options.equipment = kit;
              options.history = history_case.history;  // shared, not copied
              const Routine routine = plan(kb, options, testing::kTestClock);
              INFO(history_case.name << ": " << areas << ", " << since << ", " << cause.id << ", "
                                     << minutes << " min, " << kit.size() << " items");
              check_routine(kb, routine);
              ++routines;
              const HistoryFacts& facts = *routine.request.history;
              // Reps within the technique's longest time, whatever progression added.
              for (const Step& step : routine.steps) {
                const Technique& technique = *kb.find_technique(step.technique);
                if (step.reps) CHECK(*step.reps * *step.hold_seconds <= technique.seconds.max);
                if (!harder_variants.count(step.technique)) continue;
                ++harder_planned;
                const AreaHistoryFacts* area = nullptr;
                for (const AreaHistoryFacts& candidate : facts.areas)
                  if (candidate.progression == ProgressionStep::kHarderVariant) area = &candidate;
                CHECK(area != nullptr);
              }
              // The referral is there exactly when a knot is not getting better.
              const bool referred =
                  routine.see_a_professional &&
                  std::any_of(routine.see_a_professional->reasons.begin(),
                              routine.see_a_professional->reasons.end(),
                              [](const RoutineReason& reason) { return reason.rule == "history"; });
              CHECK(referred == facts.not_improving());
            }
  CHECK(harder_planned > 0);
  CHECK(routines == static_cast<int>(cases.size() * kAreaSets.size() * kSince.size() *
                                     kb.causes.size() * kKits.size() * kBudgets.size()));
}
