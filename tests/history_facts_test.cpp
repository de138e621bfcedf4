#include "knotplan/history_facts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <catch2/catch.hpp>

#include "history_test_support.hpp"
#include "knotplan/knowledge_loader.hpp"
#include "knotplan/request.hpp"

using namespace knotplan;
using namespace knotplan::testing;

namespace {

const CivilDate kToday = kTestClock.today();

HistoryFacts facts_for(const std::vector<LoggedDay>& days, const std::string& area = "neck") {
  return facts_from_history(history_of({area_summary(area, days)}), {area}, kToday);
}

bool says(const HistoryFacts& facts, const std::string& words) {
  return std::any_of(
      facts.sentences.begin(), facts.sentences.end(),
      [&](const std::string& sentence) { return sentence.find(words) != std::string::npos; });
}

}  // namespace

TEST_CASE("the episode starts at the first session of the latest run") {
  const HistoryFacts facts = facts_for({{10, 6}, {8, 5}, {5, 5}, {2, 4}});
  REQUIRE(facts.areas.size() == 1);
  CHECK(facts.episode_start == days_before(10));
  CHECK(facts.areas[0].sessions == 4);
  CHECK(says(facts, fmt::format("4 sessions on the neck since {}: this episode started then",
                                date_text(days_before(10)))));
}

TEST_CASE("an episode whose last session is over two weeks old has ended") {
  const HistoryFacts facts = facts_for({{40, 6}, {30, 5}, {kEpisodeGapDays + 1, 5}});
  CHECK(facts.areas.empty());
  CHECK_FALSE(facts.episode_start);
  CHECK(says(facts, "that episode has ended"));
  // Exactly kEpisodeGapDays ago is still the same episode.
  CHECK(facts_for({{30, 5}, {kEpisodeGapDays, 5}}).episode_start == days_before(30));
}

TEST_CASE("the earliest ongoing episode among the areas is the default since") {
  const HistorySummary history = history_of(
      {area_summary("neck", {{5, 4}, {1, 4}}), area_summary("shoulders", {{9, 4}, {2, 4}})});
  CHECK(facts_from_history(history, {"neck", "shoulders"}, kToday).episode_start == days_before(9));
  CHECK(facts_from_history(history, {"neck"}, kToday).episode_start == days_before(5));
  CHECK_FALSE(facts_from_history(history, {"lower-back"}, kToday).episode_start);
}

TEST_CASE("two weeks of regular sessions without improvement calls for a referral") {
  const HistoryFacts facts = facts_for(daily(15, 6, 6));
  REQUIRE(facts.areas.size() == 1);
  CHECK(facts.areas[0].regular);
  CHECK(facts.areas[0].pain_then == Approx(6));
  CHECK(facts.areas[0].pain_now == Approx(6));
  CHECK(facts.areas[0].not_improving);
  CHECK(facts.not_improving());
  CHECK(facts.areas[0].progression == ProgressionStep::kNone);
  CHECK(says(facts, "went from 6 to 6 over two weeks of regular sessions: no better"));
}

TEST_CASE("a drop of 2 points, or of 30 percent, is an improvement") {
  CHECK_FALSE(facts_for(daily(14, 6, 4)).not_improving());  // 2 points
  CHECK_FALSE(facts_for(daily(14, 3, 2)).not_improving());  // 1 point, 33 %
  CHECK(facts_for(daily(14, 6, 5)).not_improving());        // 1 point, 17 %
  // Little pain left is not a reason to see anyone.
  CHECK_FALSE(facts_for(daily(14, 1, 1)).not_improving());
}

TEST_CASE("sessions must be regular in both weeks to judge") {
  // Three days in the first week, two in the second.
  const HistoryFacts sparse = facts_for({{13, 6}, {12, 6}, {11, 6}, {3, 6}, {2, 6}});
  REQUIRE(sparse.areas.size() == 1);
  CHECK_FALSE(sparse.areas[0].regular);
  CHECK_FALSE(sparse.not_improving());
  CHECK(says(sparse, "not yet two weeks of regular sessions"));
  // An episode younger than two weeks is not two weeks of sessions, however many.
  CHECK_FALSE(facts_for(daily(10, 6, 6)).areas[0].regular);
  // Three days in each week is enough.
  const HistoryFacts enough = facts_for({{13, 6}, {11, 6}, {9, 6}, {5, 6}, {3, 6}, {1, 6}});
  CHECK(enough.areas[0].regular);
  CHECK(enough.not_improving());
}

TEST_CASE("skipped pains count for nothing") {
  std::vector<LoggedDay> days = daily(14, 6, 6);
  for (LoggedDay& day : days) day.pain_after.reset();
  days[0].pain_after = 6;
  days[7].pain_after = 6;
  days[14].pain_after = 6;
  const HistoryFacts few = facts_for(days);
  CHECK(few.areas[0].regular);
  CHECK_FALSE(few.areas[0].pain_then);
  CHECK_FALSE(few.not_improving());
  CHECK(says(few, "too few to say"));
  // A skipped pain between others changes no mean.
  std::vector<LoggedDay> gaps = daily(14, 6, 6);
  for (std::size_t i = 8; i < gaps.size(); ++i) gaps[i].pain_after = 3;
  gaps[2].pain_after.reset();
  gaps[12].pain_after.reset();
  const HistoryFacts judged = facts_for(gaps);
  CHECK(judged.areas[0].pain_then == Approx(6));
  CHECK(judged.areas[0].pain_now == Approx(3));
}

TEST_CASE("a week of falling pain adds repetitions, two weeks a harder variant") {
  CHECK(facts_for(daily(7, 6, 4)).areas[0].progression == ProgressionStep::kMoreRepetitions);
  CHECK(facts_for(daily(14, 7, 3)).areas[0].progression == ProgressionStep::kHarderVariant);
  // A week with sessions on only three days does not count.
  CHECK(facts_for({{6, 6}, {4, 5}, {0, 4}}).areas[0].progression == ProgressionStep::kNone);
  // Rising pain holds it back.
  CHECK(facts_for(daily(7, 3, 5)).areas[0].progression == ProgressionStep::kNone);
  // Staying low counts as going well.
  CHECK(facts_for(daily(7, 2, 2)).areas[0].progression == ProgressionStep::kMoreRepetitions);
  const HistoryFacts facts = facts_for(daily(14, 7, 3));
  CHECK(says(facts, "strengthening moves on to a harder variant"));
}

TEST_CASE("ratings are the latest, with the day they were given") {
  const HistoryFacts facts =
      facts_for({{6, 5, {{"ball-against-wall", Rating::kUp}}},
                 {3, 5, {{"ball-against-wall", Rating::kDown}, {"chin-tuck", Rating::kUp}}}});
  CHECK(facts.rating_of("ball-against-wall") == Rating::kDown);
  CHECK(facts.rating_of("chin-tuck") == Rating::kUp);
  CHECK_FALSE(facts.rating_of("glute-bridge"));
  CHECK(says(facts,
             fmt::format("you rated ball-against-wall down on {}", date_text(days_before(3)))));
}

TEST_CASE("an absent --since is the episode's first day, which sets the stage") {
  const KnowledgeBase& kb = builtin_knowledge_base();
  RequestOptions options;
  options.area = "neck";
  options.history =
      std::make_shared<const HistorySummary>(history_of({area_summary("neck", daily(10, 5, 4))}));
  const Request request = resolve_request(kb, options, kTestClock);
  CHECK(request.since.input == date_text(days_before(10)));
  CHECK(request.stage == "recent");  // 10 days: past the first 72 hours
  REQUIRE(request.history);
  CHECK(request.history->sentences.back().find("no --since given") != std::string::npos);

  options.since = "today";  // typed: it wins
  CHECK(resolve_request(kb, options, kTestClock).stage == "new");

  options.since.reset();  // no history: today
  options.history.reset();
  const Request plain = resolve_request(kb, options, kTestClock);
  CHECK(plain.since.input == "today");
  CHECK_FALSE(plain.history);
}
