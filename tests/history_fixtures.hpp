#ifndef KNOTPLAN_TESTS_HISTORY_FIXTURES_HPP_
#define KNOTPLAN_TESTS_HISTORY_FIXTURES_HPP_

#include <string>
#include <vector>

#include "knotplan/render_history.hpp"

namespace knotplan::testing {

// Histories as a new user makes them, for the history renderers' tests, the sample pages
// the HTML and schema checks read (write_history_samples) and the benchmark.

// The day the fixtures end on: Saturday 21 November 2026.
inline constexpr CivilDate kHistoryToday{2026, 11, 21};

// A week on the upper back, 15 to 21 November 2026: guided sessions with steps and
// ratings, logged ones, a day with two sessions, one session that also worked the neck,
// one without a pain score after, one without any.
std::vector<SessionRecord> week_of_sessions();

// One session whose note holds what a terminal, a page, a spreadsheet and a JSON parser
// must each survive: an escape sequence, a bell, a right-to-left override, "</script>",
// quotes, commas, line breaks and a formula.
SessionRecord hostile_session();
inline constexpr const char* kHostileNote =
    "=cmd|' /C calc'!A0\x1b[31mred\x07\r\nline two, \"quoted\" </script><b>bold</b> \xe2\x80\xae"
    "reversed & done";

// A guided session a day for `days` days ending on kHistoryToday, pains easing with some
// noise, every tenth without scores, every seventh rated, alternating areas every 100 days.
std::vector<SessionRecord> daily_sessions(int days);

// A view of `sessions` on kHistoryToday with the built-in names of the areas and
// techniques the fixtures use.
HistoryView history_view(std::vector<SessionRecord> sessions);

}  // namespace knotplan::testing

#endif  // KNOTPLAN_TESTS_HISTORY_FIXTURES_HPP_
