#include "knotplan/since.hpp"

#include <catch2/catch.hpp>

#include "knotplan/error.hpp"
#include "knotplan/knowledge_loader.hpp"
#include "test_support.hpp"

using namespace knotplan;
using testing::kTestClock;

TEST_CASE("since understands words, short units, long units and dates", "[since]") {
  const auto hours = [](const std::string& text) { return parse_since(text, kTestClock).hours; };
  CHECK(hours("today") == 0);
  CHECK(hours("Yesterday") == 24);
  CHECK(hours("36h") == 36);
  CHECK(hours("3d") == 72);
  CHECK(hours("2w") == 336);
  CHECK(hours("4mo") == 4 * 30 * 24);
  CHECK(hours("1y") == 365 * 24);
  CHECK(hours("3 days") == 72);
  CHECK(hours("2 weeks") == 336);
  CHECK(hours("1 month") == 720);
  CHECK(hours(" 5 hours ") == 5);
  CHECK(hours("2026-11-21") == 0);
  CHECK(hours("2026-11-18") == 72);
  CHECK(hours("2025-11-21") == 365 * 24);
  CHECK(hours("2024-02-29") > 0);
  CHECK(parse_since("3 Days", kTestClock).input == "3 Days");
}

TEST_CASE("since rejects what it cannot read, naming the value", "[since]") {
  for (const char* bad : {"", "soon", "3", "3x", "-2d", "5 minutes", "2026-11-22", "2026-02-30",
                          "2023-02-29", "2026-13-01", "9999999d", "1000y"}) {
    INFO(bad);
    CHECK_THROWS_AS(parse_since(bad, kTestClock), UsageError);
  }
  CHECK_THROWS_WITH(parse_since("2026-11-22", kTestClock), Catch::Contains("in the future"));
  CHECK_THROWS_WITH(parse_since("3 fortnights", kTestClock), Catch::Contains("'3 fortnights'"));
}

TEST_CASE("hours map to the stage windows of the knowledge base", "[since]") {
  const KnowledgeBase& kb = builtin_knowledge_base();
  CHECK(stage_for_hours(kb, 0).id == "new");
  CHECK(stage_for_hours(kb, 72).id == "new");
  CHECK(stage_for_hours(kb, 73).id == "recent");
  CHECK(stage_for_hours(kb, 336).id == "recent");
  CHECK(stage_for_hours(kb, 337).id == "lingering");
  CHECK(stage_for_hours(kb, 1008).id == "lingering");
  CHECK(stage_for_hours(kb, 1009).id == "chronic");
  CHECK(stage_for_hours(kb, 1000000).id == "chronic");
}

TEST_CASE("days_from_civil counts calendar days", "[since]") {
  CHECK(days_from_civil({1970, 1, 1}) == 0);
  CHECK(days_from_civil({2000, 3, 1}) - days_from_civil({2000, 2, 28}) == 2);
  CHECK(days_from_civil({2026, 1, 1}) - days_from_civil({2025, 1, 1}) == 365);
}

TEST_CASE("dates: days since 1970 both ways, and only real dates parse", "[clock]") {
  for (long day = -800000; day <= 800000; day += 997)
    CHECK(days_from_civil(civil_from_days(day)) == day);
  CHECK(civil_from_days(0) == CivilDate{1970, 1, 1});
  CHECK(civil_from_days(days_from_civil({2024, 2, 29})) == CivilDate{2024, 2, 29});
  CHECK(parse_civil_date("2024-02-29") == CivilDate{2024, 2, 29});
  CHECK_FALSE(parse_civil_date("2023-02-29"));
  CHECK_FALSE(parse_civil_date("2026-13-01"));
  CHECK_FALSE(parse_civil_date("2026-1-01"));
  CHECK_FALSE(parse_civil_date("2026-01-01x"));
  CHECK_FALSE(parse_civil_date("20x6-01-01"));
  CHECK(date_text({2026, 3, 7}) == "2026-03-07");
}
