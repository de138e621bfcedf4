#include <fmt/format.h>

#include <algorithm>

#include "history_days.hpp"
#include "knotplan/render_history.hpp"
#include "knotplan/terminal.hpp"

namespace knotplan {

namespace {

// CRLF, as RFC 4180 has it: spreadsheets and Python's csv module read it everywhere, and
// Unix tools read the rows all the same.
constexpr std::string_view kLineEnd = "\r\n";

// A text field as RFC 4180 wants it, made safe for a spreadsheet: printable (one line, no
// escape sequences), an apostrophe before a leading character that would start a formula,
// and quoted when it holds a comma or a quote, or starts or ends with a space.
void text_field(std::string& out, std::string_view raw) {
  std::string text = printable(raw);
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@'))
    text.insert(0, 1, '\'');
  const bool quote = text.find_first_of(",\"") != std::string::npos ||
                     (!text.empty() && (text.front() == ' ' || text.back() == ' '));
  if (!quote) {
    out += text;
    return;
  }
  out += '"';
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void number_field(std::string& out, const std::optional<int>& number) {
  if (number) fmt::format_to(std::back_inserter(out), "{}", *number);
}

// The techniques rated `rating`, by id, separated by spaces (ids have none).
std::string rated(const SessionRecord& session, Rating rating) {
  std::string ids;
  for (const TechniqueRating& item : session.ratings)
    if (item.rating == rating) ids += (ids.empty() ? "" : " ") + item.technique;
  return ids;
}

}  // namespace

std::string render_history_csv(const HistoryView& view) {
  std::string out;
  out.reserve(200 + view.sessions.size() * 160);
  out +=
      "date,area,area_name,source,pain_before,pain_after,seconds,steps_done,steps_skipped,"
      "rated_up,rated_down,note,session_id,recorded_at";
  out += kLineEnd;
  for (const SessionRecord* session : shown_sessions(view)) {
    const auto done = std::count_if(session->steps.begin(), session->steps.end(),
                                    [](const StepOutcome& step) { return step.done; });
    const auto skipped = static_cast<long>(session->steps.size()) - done;
    for (std::size_t i = 0; i < session->areas.size(); ++i) {
      const std::string& area = session->areas[i];
      if (view.area && area != *view.area) continue;
      if (std::find(session->areas.begin(), session->areas.begin() + static_cast<long>(i), area) !=
          session->areas.begin() + static_cast<long>(i))
        continue;
      out += date_text(session->date);
      out += ',';
      text_field(out, area);
      out += ',';
      text_field(out, area_name(view, area));
      out += ',';
      out += session->source == SessionSource::kGuide ? "guide" : "log";
      out += ',';
      number_field(out, session->pain_before);
      out += ',';
      number_field(out, session->pain_after);
      fmt::format_to(std::back_inserter(out), ",{},{},{},", session->seconds, done, skipped);
      text_field(out, rated(*session, Rating::kUp));
      out += ',';
      text_field(out, rated(*session, Rating::kDown));
      out += ',';
      text_field(out, session->note);
      fmt::format_to(std::back_inserter(out), ",{},", session->id);
      text_field(out, session->recorded_at);
      out += kLineEnd;
    }
  }
  return out;
}

}  // namespace knotplan
