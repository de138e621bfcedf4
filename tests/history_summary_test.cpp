#include <catch2/catch.hpp>

#include "knotplan/history.hpp"

namespace knotplan {
namespace {

SessionRecord session(std::int64_t id, CivilDate date, std::vector<std::string> areas,
                      std::vector<TechniqueRating> ratings = {}) {
  SessionRecord record;
  record.id = id;
  record.date = date;
  record.areas = std::move(areas);
  record.ratings = std::move(ratings);
  record.note = "note " + std::to_string(id);
  record.request_json = R"({"area":"x"})";
  return record;
}

const AreaSummary& area_of(const HistorySummary& summary, const std::string& area) {
  for (const AreaSummary& entry : summary.areas) {
    if (entry.area == area) return entry;
  }
  FAIL("no summary for " << area);
  throw;
}

TEST_CASE("summarize_history: no sessions, no areas") {
  CHECK(summarize_history({}).areas.empty());
}

TEST_CASE("summarize_history: a gap over kEpisodeGapDays starts a new episode") {
  // 1 Mar, then 16 Mar (15 days later: a new episode), 30 Mar (14 days: same episode).
  const HistorySummary summary = summarize_history({
      session(1, {2026, 3, 1}, {"neck"}),
      session(3, {2026, 3, 30}, {"neck"}),
      session(2, {2026, 3, 16}, {"neck"}),
  });
  REQUIRE(summary.areas.size() == 1);
  const AreaSummary& neck = summary.areas[0];
  CHECK(neck.episode_start == CivilDate{2026, 3, 16});
  CHECK(neck.last_session == CivilDate{2026, 3, 30});
  CHECK(neck.episode_sessions == 2);
}

TEST_CASE("summarize_history: exactly kEpisodeGapDays apart stays one episode") {
  const HistorySummary summary = summarize_history({
      session(1, {2026, 1, 1}, {"calf"}),
      session(2, {2026, 1, 15}, {"calf"}),
      session(3, {2026, 1, 29}, {"calf"}),
  });
  CHECK(summary.areas[0].episode_start == CivilDate{2026, 1, 1});
  CHECK(summary.areas[0].episode_sessions == 3);
}

TEST_CASE("summarize_history: recent reaches kRecentDays back from the last session") {
  // The last session is on 31 Mar; 3 Mar is 28 days before it (in), 2 Mar 29 (out).
  const HistorySummary summary = summarize_history({
      session(1, {2026, 3, 2}, {"back"}),
      session(2, {2026, 3, 3}, {"back"}),
      session(3, {2026, 3, 31}, {"back"}),
  });
  const AreaSummary& back = summary.areas[0];
  REQUIRE(back.recent.size() == 2);
  CHECK(back.recent[0].id == 2);
  CHECK(back.recent[1].id == 3);
  // Neither the note nor the request travel into the summary.
  CHECK(back.recent[0].note.empty());
  CHECK(back.recent[0].request_json.empty());
  // Episodes and the recent window are independent: the 26-day gap ended the episode.
  CHECK(back.episode_start == CivilDate{2026, 3, 31});
  CHECK(back.episode_sessions == 1);
}

TEST_CASE("summarize_history: the latest rating of each technique wins, by day") {
  const HistorySummary summary = summarize_history({
      session(5, {2026, 2, 10}, {"neck"}, {{"ball-pin", Rating::kDown}}),
      session(1, {2026, 2, 1}, {"neck"}, {{"ball-pin", Rating::kUp}, {"stretch", Rating::kUp}}),
  });
  const AreaSummary& neck = summary.areas[0];
  REQUIRE(neck.ratings.size() == 2);
  CHECK(neck.ratings[0] == TechniqueRating{"ball-pin", Rating::kDown});
  CHECK(neck.ratings[1] == TechniqueRating{"stretch", Rating::kUp});
}

TEST_CASE("summarize_history: on the same day the session stored later rates last") {
  const HistorySummary summary = summarize_history({
      session(8, {2026, 2, 1}, {"neck"}, {{"ball-pin", Rating::kUp}}),
      session(7, {2026, 2, 1}, {"neck"}, {{"ball-pin", Rating::kDown}}),
  });
  CHECK(summary.areas[0].ratings[0].rating == Rating::kUp);
  CHECK(summary.areas[0].recent[0].id == 7);
}

TEST_CASE("summarize_history: a session with several areas counts for each, sorted by area") {
  const HistorySummary summary = summarize_history({
      session(1, {2026, 4, 1}, {"upper-back", "neck"}, {{"ball-pin", Rating::kUp}}),
      session(2, {2026, 4, 2}, {"neck"}),
  });
  REQUIRE(summary.areas.size() == 2);
  CHECK(summary.areas[0].area == "neck");
  CHECK(summary.areas[1].area == "upper-back");
  CHECK(area_of(summary, "neck").episode_sessions == 2);
  CHECK(area_of(summary, "upper-back").episode_sessions == 1);
  CHECK(area_of(summary, "upper-back").last_session == CivilDate{2026, 4, 1});
  CHECK(area_of(summary, "upper-back").ratings.size() == 1);
  // The recent copy keeps all of its areas.
  CHECK(area_of(summary, "upper-back").recent[0].areas ==
        std::vector<std::string>{"upper-back", "neck"});
}

}  // namespace
}  // namespace knotplan
