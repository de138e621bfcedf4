#include "history_generator.hpp"

#include <array>
#include <random>
#include <string_view>

namespace knotplan::testing {

namespace {

constexpr std::array<std::string_view, 8> kAreas = {
    "neck", "shoulders", "upper-back", "lower-back", "hips", "skull-base", "chest", "side"};
constexpr std::array<std::string_view, 8> kTechniques = {
    "march-on-the-spot", "shoulder-rolls",     "heat-pack",         "neck-turns",
    "press-and-release", "sustained-pressure", "ball-against-wall", "deep-strokes"};

}  // namespace

std::vector<SessionRecord> daily_history(CivilDate last_day, int days) {
  std::mt19937 random(2026);
  std::vector<SessionRecord> sessions;
  sessions.reserve(static_cast<std::size_t>(days));
  const long last = days_from_civil(last_day);
  std::string_view area = kAreas[0];
  for (int index = 0; index < days; ++index) {
    if (random() % 21 == 0) area = kAreas[random() % kAreas.size()];  // a new episode
    SessionRecord session;
    session.date = civil_from_days(last - days + 1 + index);
    session.recorded_at = "2026-01-01T07:30:00";
    session.areas = {std::string(area)};
    if (random() % 8 == 0) session.areas.emplace_back(kAreas[random() % kAreas.size()]);
    if (random() % 5 == 0) {
      session.source = SessionSource::kLog;
      session.pain_after = static_cast<int>(random() % 6);
      session.note = "did it on my own";
    } else {
      session.source = SessionSource::kGuide;
      session.pain_before = static_cast<int>(3 + random() % 5);
      session.pain_after = static_cast<int>(random() % 5);
      session.request_json = R"({"area":")" + std::string(area) + R"(","minutes":10})";
      for (int step = 0; step < 6; ++step) {
        StepOutcome outcome;
        outcome.technique = kTechniques[(index + step) % kTechniques.size()];
        outcome.target = std::string(area);
        outcome.side = static_cast<Side>(random() % 3);
        outcome.done = random() % 10 != 0;
        outcome.seconds = outcome.done ? 60 + static_cast<int>(random() % 120) : 0;
        session.seconds += outcome.seconds;
        session.steps.push_back(std::move(outcome));
      }
    }
    if (random() % 10 == 0) {
      session.ratings.push_back({std::string(kTechniques[random() % kTechniques.size()]),
                                 random() % 3 == 0 ? Rating::kDown : Rating::kUp});
    }
    sessions.push_back(std::move(session));
  }
  return sessions;
}

}  // namespace knotplan::testing
