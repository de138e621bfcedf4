#include "history_fixtures.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "render/history_days.hpp"

namespace knotplan::testing {

namespace {

// "2026-11-DDT19:30:00": the evening the fixture's sessions are stored.
std::string evening_of(int day) {
  return fmt::format("2026-11-{:02}T19:30:00", day);
}

SessionRecord guided(std::int64_t id, int day, std::optional<int> before, std::optional<int> after,
                     int seconds) {
  SessionRecord session;
  session.id = id;
  session.date = {2026, 11, day};
  session.recorded_at = evening_of(day);
  session.source = SessionSource::kGuide;
  session.areas = {"upper-back"};
  session.pain_before = before;
  session.pain_after = after;
  session.seconds = seconds;
  session.request_json = R"({"areas":["upper-back"],"since":"today","minutes":10})";
  session.steps = {{"arm-circles", "shoulders", Side::kBoth, true, 60},
                   {"ball-between-shoulder-blades", "upper-back", Side::kLeft, true, 90},
                   {"ball-between-shoulder-blades", "upper-back", Side::kRight, false, 20},
                   {"doorway-chest-stretch", "chest", Side::kBoth, true, 60}};
  return session;
}

}  // namespace

std::vector<SessionRecord> week_of_sessions() {
  std::vector<SessionRecord> sessions;
  SessionRecord first = guided(1, 15, 7, 5, 600);
  first.note = "Stiff after the long drive";
  first.ratings = {{"ball-between-shoulder-blades", Rating::kUp}};
  sessions.push_back(first);

  SessionRecord logged;
  logged.id = 2;
  logged.date = {2026, 11, 16};
  logged.recorded_at = evening_of(16);
  logged.source = SessionSource::kLog;
  logged.areas = {"upper-back"};
  logged.pain_before = 6;
  logged.pain_after = 5;
  sessions.push_back(logged);

  SessionRecord both = guided(3, 17, 6, 4, 720);
  both.areas = {"upper-back", "neck"};
  both.steps.push_back({"chin-tuck", "neck", Side::kBoth, true, 60});
  both.ratings = {{"chin-tuck", Rating::kUp}, {"doorway-chest-stretch", Rating::kDown}};
  both.note = "Neck too, after a day at the desk";
  sessions.push_back(both);

  // Two on the 18th: a guided one without a score after (ended early), and a logged one.
  SessionRecord early = guided(4, 18, 6, std::nullopt, 240);
  early.steps[2].done = false;
  early.steps[3].done = false;
  sessions.push_back(early);
  SessionRecord evening = logged;
  evening.id = 5;
  evening.date = {2026, 11, 18};
  evening.recorded_at = evening_of(18);
  evening.pain_before = 5;
  evening.pain_after = 3;
  evening.note = "Heat pack, then the ball";
  sessions.push_back(evening);

  SessionRecord unscored = logged;
  unscored.id = 6;
  unscored.date = {2026, 11, 19};
  unscored.recorded_at = evening_of(19);
  unscored.pain_before.reset();
  unscored.pain_after.reset();
  sessions.push_back(unscored);

  SessionRecord last = guided(7, 21, 4, 2, 600);
  last.ratings = {{"ball-between-shoulder-blades", Rating::kUp},
                  {"doorway-chest-stretch", Rating::kUp}};
  sessions.push_back(last);
  return sessions;
}

SessionRecord hostile_session() {
  SessionRecord session = guided(8, 20, 5, 4, 300);
  session.areas = {"upper-back", "neck"};
  session.note = kHostileNote;
  session.ratings = {{"made-up-technique", Rating::kDown}};
  return session;
}

std::vector<SessionRecord> daily_sessions(int days) {
  std::vector<SessionRecord> sessions;
  sessions.reserve(static_cast<std::size_t>(days));
  const long today = days_from_civil(kHistoryToday);
  for (int number = 0; number < days; ++number) {
    const long day = today - days + 1 + number;
    SessionRecord session = guided(number + 1, 1, 0, 0, 540 + number % 5 * 60);
    const CivilDate date = civil_from_days(day);
    session.date = date;
    session.recorded_at = "";
    if (number / 100 % 3 == 1) session.areas = {"neck"};
    if (number / 100 % 3 == 2) session.areas = {"upper-back", "neck"};
    const int noise = (number * 7919) % 3;
    session.pain_before = 4 + noise + (number % 30 < 10 ? 2 : 0);
    session.pain_after = std::max(0, *session.pain_before - 2 - noise);
    if (number % 10 == 9) {
      session.pain_before.reset();
      session.pain_after.reset();
    }
    if (number % 7 == 0)
      session.ratings = {
          {"ball-between-shoulder-blades", number % 3 == 0 ? Rating::kDown : Rating::kUp}};
    session.note = number % 5 == 0 ? "Felt looser afterwards, easier to turn." : "";
    sessions.push_back(std::move(session));
  }
  return sessions;
}

HistoryView history_view(std::vector<SessionRecord> sessions) {
  HistoryView view;
  view.sessions = std::move(sessions);
  view.today = kHistoryToday;
  view.area_names = {{"upper-back", "Upper back"}, {"neck", "Neck"}, {"shoulders", "Shoulders"}};
  view.technique_names = {{"ball-between-shoulder-blades", "Ball between the shoulder blades"},
                          {"doorway-chest-stretch", "Doorway chest stretch"},
                          {"chin-tuck", "Chin tucks"},
                          {"arm-circles", "Arm circles"}};
  return view;
}

}  // namespace knotplan::testing
