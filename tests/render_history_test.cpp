#include "knotplan/render_history.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "history_fixtures.hpp"
#include "render/text_layout.hpp"

using namespace knotplan;
using testing::daily_sessions;
using testing::history_view;
using testing::hostile_session;
using testing::kHostileNote;
using testing::week_of_sessions;

namespace {

std::vector<std::string> lines_of(const std::string& text, const std::string& end = "\n") {
  std::vector<std::string> lines;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t stop = text.find(end, begin);
    if (stop == std::string::npos) stop = text.size();
    lines.push_back(text.substr(begin, stop - begin));
    begin = stop + end.size();
  }
  return lines;
}

// The text with the lines that wrap a paragraph (indented by two) joined again.
std::string unwrapped(const std::string& text) {
  std::string joined;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 3, "\n  ") == 0) {
      joined += ' ';
      i += 2;
    } else {
      joined += text[i];
    }
  }
  return joined;
}

std::vector<SessionRecord> with_hostile() {
  std::vector<SessionRecord> sessions = week_of_sessions();
  sessions.push_back(hostile_session());
  return sessions;
}

// Splits one CSV row by RFC 4180 (quotes doubled inside quoted fields).
std::vector<std::string> csv_fields(const std::string& row) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < row.size(); ++i) {
    const char c = row[i];
    if (quoted && c == '"' && i + 1 < row.size() && row[i + 1] == '"') {
      fields.back() += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  return fields;
}

}  // namespace

TEST_CASE("history formats are named like the routine's, in any case", "[history]") {
  CHECK(history_format_named("CSV") == HistoryFormat::kCsv);
  CHECK(history_format_named("html") == HistoryFormat::kHtml);
  CHECK_FALSE(history_format_named("markdown"));
  CHECK(history_format_of_file("week.CSV") == HistoryFormat::kCsv);
  CHECK(history_format_of_file("a/b.htm") == HistoryFormat::kHtml);
  CHECK_FALSE(history_format_of_file("notes"));
}

TEST_CASE("the text history shows a week by day, with pain before and after", "[history]") {
  const std::string text = render_history_text(history_view(week_of_sessions()));
  // Neck comes first (sorted by id), with its one session; then the upper back's week.
  const auto neck = text.find("Neck\n");
  const auto upper = text.find("Upper back\n");
  REQUIRE(neck != std::string::npos);
  REQUIRE(upper != std::string::npos);
  CHECK(neck < upper);
  CHECK_THAT(text, Catch::Contains("1 session on 1 day, 17 Nov 2026 to 17 Nov 2026; the last one 4 "
                                   "days ago."));
  CHECK_THAT(text, Catch::Contains("7 sessions on 6 days, 15 Nov 2026 to 21 Nov 2026; the last one "
                                   "today."));
  // One row a day with a session; the 20th had none.
  CHECK_THAT(text, Catch::Contains("  Sun 15 Nov   1 guided               10 min  7 → 5\n"));
  CHECK_THAT(text, Catch::Contains("  Mon 16 Nov   1 logged                    –  6 → 5\n"));
  // Two sessions on the 18th: counted by kind, timed, their scores averaged (the guided
  // one has no score after, so "after" is the logged one's alone).
  CHECK_THAT(text, Catch::Contains("  Wed 18 Nov   1 guided, 1 logged      4 min  5.5 → 3\n"));
  CHECK_THAT(text, Catch::Contains("  Thu 19 Nov   1 logged                    –  –\n"));
  CHECK(text.find("Fri 20 Nov") == std::string::npos);
  CHECK_THAT(text, Catch::Contains("helped: Chin tucks; did not help: Doorway chest stretch"));
  CHECK_THAT(text, Catch::Contains("“Stiff after the long drive”"));
  // The chart: two panels and the legend that says how to read them.
  CHECK_THAT(text, Catch::Contains("Pain before the session (0–10)\n10 ┤"));
  CHECK_THAT(text, Catch::Contains("Pain after the session (0–10)\n"));
  CHECK_THAT(unwrapped(text), Catch::Contains("█ two points, ▄ one, ▁ a score of 0, · a session "
                                              "without a score, blank: no session."));
  CHECK(text.find("earlier session") == std::string::npos);
  CHECK(text.find('\x1b') == std::string::npos);
}

TEST_CASE("the text chart gives every score its own height", "[history]") {
  // One session a day, pain before 0..10 over eleven days; after is one less.
  std::vector<SessionRecord> sessions;
  for (int score = 0; score <= kMaxPain; ++score) {
    SessionRecord session;
    session.id = score + 1;
    session.date = {2026, 11, 10 + score};
    session.areas = {"neck"};
    session.pain_before = score;
    sessions.push_back(session);
  }
  HistoryView view = history_view(sessions);
  const std::vector<std::string> lines = lines_of(render_history_text(view));
  const auto title = std::find(lines.begin(), lines.end(), "Pain before the session (0–10)");
  REQUIRE(title != lines.end());
  // Five rows, 10 at the top; a bar of three columns a day with a blank between days, from
  // the first session. Day 0 shows ▁, day 1 a half block at the bottom, day 10 a full
  // column.
  const auto bars = [](std::string cells, const std::string& glyph, int days) {
    for (int day = 0; day < days; ++day) cells += glyph + glyph + glyph + " ";
    return cells;
  };
  const auto trimmed = [](std::string text) {
    while (text.back() == ' ') text.pop_back();
    return text;
  };
  REQUIRE(lines.end() - title > 6);
  CHECK(title[1] == trimmed("10 ┤ " + std::string(36, ' ') + bars(bars("", "▄", 1), "█", 1)));
  CHECK(title[4] == trimmed(" 4 ┤ " + std::string(12, ' ') + bars(bars("", "▄", 1), "█", 7)));
  CHECK(title[5] == trimmed(" 2 ┤ " + bars(bars(bars("", "▁", 1), "▄", 1), "█", 9)));
  // No score after: a dot on the baseline for each session without one.
  const auto after = std::find(lines.begin(), lines.end(), "Pain after the session (0–10)");
  REQUIRE(lines.end() - after > 5);
  CHECK(after[5] == trimmed(" 2 ┤ " + bars("", "·", 11)));
  CHECK(after[1] == "10 ┤");
}

TEST_CASE("the text history fits the width asked for", "[history]") {
  std::vector<SessionRecord> sessions = with_hostile();
  for (const int width : {40, 60, 80, 120}) {
    HistoryView view = history_view(sessions);
    view.width = width;
    const std::string text = render_history_text(view);
    for (const std::string& line : lines_of(text)) {
      INFO("width " << width << ": " << line);
      CHECK(display_width(line) <= static_cast<std::size_t>(width));
    }
  }
}

TEST_CASE("the text history makes a hostile note harmless on a terminal", "[history]") {
  const std::string text = render_history_text(history_view(with_hostile()));
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    INFO("byte " << static_cast<int>(byte));
    CHECK((byte >= 0x20 || byte == '\n'));
  }
  CHECK(text.find("\xe2\x80\xae") == std::string::npos);  // no right-to-left override
  CHECK_THAT(text, Catch::Contains("“=cmd|' /C calc'!A0?[31mred?"));
  // The note is cut to one line, and a technique no longer known is named by its id.
  CHECK_THAT(text, Catch::Contains("did not help: made up technique"));
}

TEST_CASE("a colour history prints escape codes only when asked", "[history]") {
  HistoryView view = history_view(week_of_sessions());
  view.color = true;
  const std::string colored = render_history_text(view);
  CHECK(colored.find("\x1b[") != std::string::npos);
}

TEST_CASE("a long history shows its last four weeks and says how to see the rest", "[history]") {
  HistoryView view = history_view(daily_sessions(400));
  view.area = "upper-back";
  const std::string text = render_history_text(view);
  CHECK(text.find("Neck") == std::string::npos);
  // Days 0-99, 200-299 and 300-399 are on the upper back; the last 28 are shown.
  CHECK_THAT(text, Catch::Contains("300 sessions on 300 days"));
  CHECK_THAT(unwrapped(text),
             Catch::Contains("272 earlier sessions are not shown; 'knotplan history "
                             "--area upper-back --format csv' lists every one."));
  CHECK(text.find("Sat 24 Oct") == std::string::npos);
  CHECK_THAT(text, Catch::Contains("Sun 25 Oct"));
  CHECK(lines_of(text).size() < 100);
}

TEST_CASE("an empty history says how to record a session", "[history]") {
  HistoryView view = history_view({});
  CHECK(render_history_text(view) ==
        "No sessions recorded yet. 'knotplan --area upper-back --guide' records a guided\n"
        "session; 'knotplan log --area upper-back --pain-before 6 --pain-after 4' records\n"
        "one you did on your own.\n");
  view.area = "neck";
  view.sessions = {week_of_sessions()[1]};  // upper back only
  CHECK_THAT(render_history_text(view),
             Catch::StartsWith("No sessions recorded for Neck yet. 'knotplan --area neck"));
}

TEST_CASE("the history JSON has every session with all its fields", "[history]") {
  const nlohmann::json json =
      nlohmann::json::parse(render_history_json(history_view(with_hostile())));
  CHECK(json["schema_version"] == kHistorySchemaVersion);
  CHECK(json["today"] == "2026-11-21");
  CHECK(json["area"].is_null());
  const nlohmann::json& sessions = json["sessions"];
  REQUIRE(sessions.size() == 8);
  CHECK(sessions[0]["date"] == "2026-11-15");
  CHECK(sessions[0]["source"] == "guide");
  CHECK(sessions[0]["pain_before"] == 7);
  CHECK(sessions[0]["seconds"] == 600);
  CHECK(sessions[0]["request"]["minutes"] == 10);
  CHECK(sessions[0]["steps"][1] == nlohmann::json({{"technique", "ball-between-shoulder-blades"},
                                                   {"target", "upper-back"},
                                                   {"side", "left"},
                                                   {"done", true},
                                                   {"seconds", 90}}));
  CHECK(sessions[0]["ratings"][0]["rating"] == "up");
  CHECK(sessions[1]["source"] == "log");
  CHECK(sessions[1]["request"].is_null());
  CHECK(sessions[1]["steps"].empty());
  CHECK(sessions[2]["areas"] == nlohmann::json({"upper-back", "neck"}));
  CHECK(sessions[3]["pain_after"].is_null());
  CHECK(sessions[5]["pain_before"].is_null());
  // Oldest first: the hostile one, on the 20th, comes before the 21st.
  CHECK(sessions[6]["note"] == kHostileNote);
  CHECK(sessions[7]["date"] == "2026-11-21");
  // The summary by day, per area.
  const nlohmann::json& areas = json["areas"];
  REQUIRE(areas.size() == 2);
  CHECK(areas[0]["id"] == "neck");
  CHECK(areas[0]["sessions"] == 2);
  CHECK(areas[1]["name"] == "Upper back");
  const nlohmann::json& day = areas[1]["days"][3];
  CHECK(day["date"] == "2026-11-18");
  CHECK(day["sessions"] == 2);
  CHECK(day["guided"] == 1);
  CHECK(day["logged"] == 1);
  CHECK(day["seconds"] == 240);
  CHECK(day["pain_before"] == 5.5);
  CHECK(day["pain_after"] == 3);
  CHECK(areas[1]["ratings"][0] == nlohmann::json({{"technique", "ball-between-shoulder-blades"},
                                                  {"name", "Ball between the shoulder blades"},
                                                  {"up", 2},
                                                  {"down", 0},
                                                  {"last", "2026-11-21"},
                                                  {"last_rating", "up"}}));
}

TEST_CASE("the history JSON escapes what would hide text on a terminal", "[history]") {
  const std::string text = render_history_json(history_view(with_hostile()));
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.find("\\u001b[31m") != std::string::npos);
  CHECK(text.find("\\u202e") != std::string::npos);
  CHECK(text.back() == '\n');
}

TEST_CASE("the history JSON of one area and of none", "[history]") {
  HistoryView view = history_view(week_of_sessions());
  view.area = "neck";
  const nlohmann::json neck = nlohmann::json::parse(render_history_json(view));
  CHECK(neck["area"] == "neck");
  CHECK(neck["sessions"].size() == 1);
  CHECK(neck["areas"].size() == 1);
  const nlohmann::json empty = nlohmann::json::parse(render_history_json(history_view({})));
  CHECK(empty["sessions"].empty());
  CHECK(empty["areas"].empty());
}

TEST_CASE("a damaged stored request is shown as null, not copied", "[history]") {
  std::vector<SessionRecord> sessions = week_of_sessions();
  sessions[0].request_json = R"({"areas": ["neck"], "x": )";
  sessions[2].request_json = R"({"a": 1} {"b": 2})";
  const nlohmann::json json = nlohmann::json::parse(render_history_json(history_view(sessions)));
  CHECK(json["sessions"][0]["request"].is_null());
  CHECK(json["sessions"][2]["request"].is_null());
}

TEST_CASE("the history CSV has a row per session and area, safe in a spreadsheet", "[history]") {
  const std::string csv = render_history_csv(history_view(with_hostile()));
  const std::vector<std::string> rows = lines_of(csv, "\r\n");
  CHECK(csv.ends_with("\r\n"));
  // Header, 8 sessions, two of them on two areas.
  REQUIRE(rows.size() == 1 + 8 + 2);
  CHECK(rows[0] ==
        "date,area,area_name,source,pain_before,pain_after,seconds,steps_done,steps_skipped,"
        "rated_up,rated_down,note,session_id,recorded_at");
  for (const std::string& row : rows) {
    INFO(row);
    CHECK(csv_fields(row).size() == 14);
    CHECK(row.find('\n') == std::string::npos);
    CHECK(row.find('\r') == std::string::npos);
  }
  CHECK(rows[1] ==
        "2026-11-15,upper-back,Upper back,guide,7,5,600,3,1,"
        "ball-between-shoulder-blades,,Stiff after the long drive,1,"
        "2026-11-15T19:30:00");
  CHECK(rows[2] == "2026-11-16,upper-back,Upper back,log,6,5,0,0,0,,,,2,2026-11-16T19:30:00");
  CHECK(rows[3].starts_with("2026-11-17,upper-back,"));
  CHECK(rows[4].starts_with("2026-11-17,neck,Neck,guide,6,4,720,"));
  CHECK(rows[7].starts_with("2026-11-19,upper-back,Upper back,log,,,0,"));
  const std::vector<std::string> hostile = csv_fields(rows[8]);
  CHECK(hostile[1] == "upper-back");
  CHECK(hostile[10] == "made-up-technique");
  // The formula gets an apostrophe, the escape and bell become '?', the line break spaces.
  CHECK(hostile[11] ==
        "'=cmd|' /C calc'!A0?[31mred?  line two, \"quoted\" </script><b>bold</b> "
        "?reversed & done");
}

TEST_CASE("every CSV text field that could start a formula is defused", "[history]") {
  for (const char* note : {"=1+1", "+1", "-1", "@SUM(A1)"}) {
    SessionRecord session = week_of_sessions()[1];
    session.note = note;
    const std::vector<std::string> rows =
        lines_of(render_history_csv(history_view({session})), "\r\n");
    REQUIRE(rows.size() == 2);
    CHECK(csv_fields(rows[1])[11] == std::string("'") + note);
  }
}

TEST_CASE("an empty history CSV is its header", "[history]") {
  const std::vector<std::string> rows = lines_of(render_history_csv(history_view({})), "\r\n");
  CHECK(rows.size() == 1);
}

TEST_CASE("the history page has both charts, their numbers and what helped", "[history]") {
  const std::string html = render_history_html(history_view(week_of_sessions()));
  CHECK_THAT(html, Catch::StartsWith("<!DOCTYPE html>\n<html lang=\"en\">"));
  CHECK_THAT(html, Catch::EndsWith("</html>\n"));
  CHECK_THAT(html, Catch::Contains("<title>Self-massage history</title>"));
  // Two areas, each with two charts described for screen readers.
  CHECK_THAT(html, Catch::Contains("<h2 id=\"area-2\">Upper back</h2>"));
  CHECK_THAT(html, Catch::Contains("role=\"img\" aria-labelledby=\"pain-2-title pain-2-desc\""));
  CHECK_THAT(html, Catch::Contains("<title id=\"weeks-2-title\">Sessions per week: Upper back"));
  CHECK_THAT(html, Catch::Contains("First day: 7 before, 5 after. Last day: 4 before, 2 after."));
  CHECK_THAT(html, Catch::Contains("stroke-dasharray=\"6 4\""));
  // The chart's numbers as a table.
  CHECK_THAT(html, Catch::Contains("<tr><th scope=\"row\">Wed 18 Nov</th><td class=\"number\">2"
                                   "</td><td class=\"number\">5.5</td><td class=\"number\">3</td>"
                                   "</tr>"));
  CHECK_THAT(html, Catch::Contains("<tr><th scope=\"row\">16 Nov 2026</th><td class=\"number\">"
                                   "6</td></tr>"));
  CHECK_THAT(html, Catch::Contains("<h3>What helped</h3>"));
  CHECK_THAT(html, Catch::Contains("<tr><th scope=\"row\">Ball between the shoulder blades</th>"
                                   "<td class=\"number\">2</td><td class=\"number\">0</td>"));
  // Self-contained: nothing is loaded from elsewhere.
  for (const char* outside : {"<script", "<link", "<img", "http://", "https://", "url("})
    CHECK(html.find(outside) == std::string::npos);
}

TEST_CASE("the history page escapes a hostile note", "[history]") {
  const std::string html = render_history_html(history_view(with_hostile()));
  CHECK(html.find("</script>") == std::string::npos);
  CHECK(html.find("<b>bold") == std::string::npos);
  CHECK(html.find('\x1b') == std::string::npos);
  CHECK(html.find("\xe2\x80\xae") == std::string::npos);
  CHECK_THAT(html, Catch::Contains("&quot;quoted&quot; &lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;"));
  CHECK_THAT(html, Catch::Contains("did not help: made up technique"));
}

TEST_CASE("an empty history page says how to record a session", "[history]") {
  const std::string html = render_history_html(history_view({}));
  CHECK_THAT(html, Catch::Contains("No sessions recorded yet."));
  CHECK(html.find("<svg") == std::string::npos);
}

TEST_CASE("ten years of daily sessions render in every format", "[history]") {
  const HistoryView view = history_view(daily_sessions(3650));
  for (const auto& name : kHistoryFormats) {
    INFO(name);
    const std::string text = render_history(view, *history_format_named(name));
    CHECK(!text.empty());
  }
  // The page draws months, not 3,650 points.
  const std::string html = render_history_html(view);
  CHECK_THAT(html, Catch::Contains("a point a month"));
  CHECK(html.size() < 400'000);
  const nlohmann::json json = nlohmann::json::parse(render_history_json(view));
  CHECK(json["sessions"].size() == 3650);
}
