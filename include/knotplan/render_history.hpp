#ifndef KNOTPLAN_RENDER_HISTORY_HPP_
#define KNOTPLAN_RENDER_HISTORY_HPP_

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "knotplan/clock.hpp"
#include "knotplan/history.hpp"

namespace knotplan {

// What 'knotplan history' shows: the sessions by day for each area, as a table and a
// chart of pain before and after. Pure functions from the sessions to the text, so that
// they need neither the database nor the knowledge base, and tests need no files.

enum class HistoryFormat { kText, kJson, kCsv, kHtml };

// The --format names of the history, in the order of the enum.
inline constexpr std::array<const char*, 4> kHistoryFormats{"text", "json", "csv", "html"};

// The format a --format value names (any case), or nullopt.
std::optional<HistoryFormat> history_format_named(std::string_view name);

// The format a file name's ending chooses for -o (.txt, .json, .csv, .html, .htm; any
// case), or nullopt.
std::optional<HistoryFormat> history_format_of_file(std::string_view path);

// How many days the text view shows for each area: the days ending with its latest
// session. Earlier sessions are counted in a line that says how to see them all.
inline constexpr int kHistoryTextDays = 28;

struct HistoryView {
  std::vector<SessionRecord> sessions;  // in any order
  // Only the sessions that worked this area, and only its table and chart; every area
  // that has a session when absent.
  std::optional<std::string> area;
  CivilDate today;  // for "2 days ago", and the JSON's "today"
  // Display names by id, from the knowledge base, so that the renderers need none. An id
  // without a name is shown as it is, its dashes made spaces (a technique since removed
  // from the knowledge base still reads).
  std::map<std::string, std::string> area_names;
  std::map<std::string, std::string> technique_names;
  int width = 80;      // text: lines fit this many columns (40 at least)
  bool color = false;  // text: ANSI colour; the text reads the same without it
  int text_days = kHistoryTextDays;
};

// The version of the history JSON contract, data/schema/history.schema.json.
inline constexpr int kHistorySchemaVersion = 1;

// For a terminal: per area, the days with sessions (date, guided and logged sessions,
// time, pain before and after, what was rated up and down, the note shortened), then a
// chart of pain before and after drawn with block characters, with a legend. Notes and
// names are made printable. An empty history gives one line on how to record a session.
std::string render_history_text(const HistoryView& view);

// The contract of data/schema/history.schema.json: every session with all its fields,
// then a summary by day for each area (two-space indent, a final newline).
std::string render_history_json(const HistoryView& view);

// RFC 4180 CSV with CRLF line ends (as the RFC has it, and as spreadsheets and Python's csv
// module expect) and a header row; one row per session and area, oldest first. Text is
// made printable first: line breaks and tabs become spaces and control characters '?', so
// every row is one line and no escape sequence reaches a terminal. A text field that then
// starts with =, +, - or @ gets a leading apostrophe, so that a spreadsheet never reads it
// as a formula.
std::string render_history_csv(const HistoryView& view);

// One self-contained HTML page (no network, scripts, fonts or images; inline CSS and
// SVG) that also prints: per area, an SVG chart of pain before and after over time and
// one of sessions per week, each with a table of its numbers, what was rated up and down,
// and the recent sessions. All session text is escaped.
std::string render_history_html(const HistoryView& view);

// The view in `format`.
std::string render_history(const HistoryView& view, HistoryFormat format);

}  // namespace knotplan

#endif  // KNOTPLAN_RENDER_HISTORY_HPP_
