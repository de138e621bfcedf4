#include <fmt/color.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "history_days.hpp"
#include "knotplan/render_history.hpp"
#include "knotplan/terminal.hpp"
#include "text_layout.hpp"

namespace knotplan {

namespace {

// Styles are empty when colour is off, and an empty style prints no escape codes. The
// chart's two series differ in colour only as an extra: each has its own panel and title.
struct Theme {
  fmt::text_style title;
  fmt::text_style heading;
  fmt::text_style quiet;
  fmt::text_style before;
  fmt::text_style after;

  explicit Theme(bool color) {
    if (!color) return;
    title = fmt::emphasis::bold;
    heading = fmt::emphasis::bold | fmt::fg(fmt::terminal_color::cyan);
    quiet = fmt::fg(fmt::terminal_color::bright_black);
    before = fmt::fg(fmt::terminal_color::yellow);
    after = fmt::fg(fmt::terminal_color::green);
  }
};

constexpr std::string_view kNoScore = "–";
constexpr std::size_t kDateColumn = 11;      // "Sun 15 Nov", "15 Nov 2025"
constexpr std::size_t kSessionsColumn = 18;  // "1 guided, 1 logged"
constexpr std::size_t kTimeColumn = 9;       // "1 h 5 min"
constexpr std::size_t kPainColumn = 19;      // "Pain before → after"
constexpr std::size_t kIndent = 2;

// `text` cut to `width` columns, with "…" where it was cut.
std::string cut(const std::string& text, std::size_t width) {
  if (display_width(text) <= width) return text;
  std::string result;
  std::size_t columns = 0;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = 1;
    while (i + length < text.size() &&
           (static_cast<unsigned char>(text[i + length]) & 0xc0) == 0x80)
      ++length;
    if (columns + 1 >= width) break;
    result.append(text, i, length);
    ++columns;
    i += length;
  }
  return result + "…";
}

std::string padded(const std::string& text, std::size_t width) {
  const std::size_t used = display_width(text);
  return used >= width ? text : text + std::string(width - used, ' ');
}

std::string right_aligned(const std::string& text, std::size_t width) {
  const std::size_t used = display_width(text);
  return used >= width ? text : std::string(width - used, ' ') + text;
}

std::string sessions_text(const HistoryDay& day) {
  if (day.guided > 0 && day.logged > 0)
    return fmt::format("{} guided, {} logged", day.guided, day.logged);
  return fmt::format("{} {}", day.guided + day.logged, day.guided > 0 ? "guided" : "logged");
}

// Minutes for a day's total: "10 min", "1 h 5 min", "45 s"; "–" when not known.
std::string time_text(int seconds) {
  if (seconds <= 0) return std::string(kNoScore);
  if (seconds < 60) return fmt::format("{} s", seconds);
  const int minutes = (seconds + 30) / 60;
  if (minutes < 60) return fmt::format("{} min", minutes);
  if (minutes % 60 == 0) return fmt::format("{} h", minutes / 60);
  return fmt::format("{} h {} min", minutes / 60, minutes % 60);
}

std::string pain_text(const std::optional<double>& before, const std::optional<double>& after) {
  if (!before && !after) return std::string(kNoScore);
  return fmt::format("{} → {}", before ? pain_number(*before) : std::string(kNoScore),
                     after ? pain_number(*after) : std::string(kNoScore));
}

std::string ago(long days) {
  if (days == 0) return "today";
  if (days == 1) return "yesterday";
  if (days > 1) return fmt::format("{} days ago", days);
  return "";
}

class HistoryTextWriter {
 public:
  explicit HistoryTextWriter(const HistoryView& view)
      : view_(view),
        theme_(view.color),
        width_(static_cast<std::size_t>(std::max(40, view.width))),
        today_(days_from_civil(view.today)) {}

  std::string write() {
    const std::vector<AreaHistory> histories = area_histories(view_);
    if (histories.empty()) {
      nothing_yet();
      return std::move(out_);
    }
    for (const AreaHistory& history : histories) {
      if (&history != &histories.front()) out_ += '\n';
      area(history);
    }
    return std::move(out_);
  }

 private:
  void line(const std::string& text, const fmt::text_style& style = {}) {
    out_ += fmt::format(style, "{}", text);
    out_ += '\n';
  }

  void paragraph(std::string_view first, std::string_view rest, const std::string& text,
                 const fmt::text_style& style = {}) {
    const std::size_t indent = display_width(first);
    const std::vector<std::string> lines =
        wrap_words(printable(text), width_ > indent + 20 ? width_ - indent : 20);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      out_ += i == 0 ? first : rest;
      out_ += fmt::format(style, "{}", lines[i]);
      out_ += '\n';
    }
  }

  void nothing_yet() {
    const std::string area = view_.area.value_or("upper-back");
    const std::string start =
        view_.area ? fmt::format("No sessions recorded for {} yet.", area_name(view_, area))
                   : std::string("No sessions recorded yet.");
    paragraph("", "",
              fmt::format("{} 'knotplan --area {} --guide' records a guided session; "
                          "'knotplan log --area {} --pain-before 6 --pain-after 4' records "
                          "one you did on your own.",
                          start, area, area));
  }

  void area(const AreaHistory& history) {
    const std::size_t total = history.sessions.size();
    const HistoryDay& last = history.days.back();
    line(cut(printable(area_name(view_, history.area)), width_), theme_.heading);
    std::string summary =
        fmt::format("{} session{} on {} day{}, {} to {}", total, total == 1 ? "" : "s",
                    history.days.size(), history.days.size() == 1 ? "" : "s",
                    long_date(history.days.front().date), long_date(last.date));
    if (const std::string when = ago(today_ - last.day); !when.empty())
      summary += "; the last one " + when;
    paragraph("", "", summary + ".", theme_.quiet);

    // The days of the window: the text_days ending with the latest session.
    const long window = std::max(1, view_.text_days);
    const long first_day = last.day - window + 1;
    const auto shown = std::find_if(history.days.begin(), history.days.end(),
                                    [&](const HistoryDay& day) { return day.day >= first_day; });
    std::size_t earlier = 0;
    for (auto day = history.days.begin(); day != shown; ++day) earlier += day->sessions.size();

    out_ += '\n';
    table(shown, history.days.end());
    if (earlier > 0)
      paragraph("  ", "  ",
                fmt::format("{} earlier session{} not shown; 'knotplan history{} --format csv' "
                            "lists every one.",
                            earlier, earlier == 1 ? " is" : "s are",
                            view_.area ? " --area " + *view_.area : std::string()),
                theme_.quiet);
    out_ += '\n';
    chart(history, std::max(first_day, history.days.front().day), last.day);
  }

  void table(std::vector<HistoryDay>::const_iterator begin,
             std::vector<HistoryDay>::const_iterator end) {
    const std::size_t detail_indent = kIndent + kDateColumn + 2;
    const bool wide =
        kIndent + kDateColumn + 2 + kSessionsColumn + 2 + kTimeColumn + 2 + kPainColumn <= width_;
    const std::string margin(kIndent, ' ');
    if (wide) {
      line(margin + padded("Date", kDateColumn) + "  " + padded("Sessions", kSessionsColumn) +
               "  " + right_aligned("Time", kTimeColumn) + "  Pain before → after",
           theme_.quiet);
    } else {
      line(margin + padded("Date", kDateColumn) + "  Pain before → after", theme_.quiet);
    }
    const std::string indent(detail_indent, ' ');
    for (auto day = begin; day != end; ++day) {
      const std::string date = day->date.year == view_.today.year
                                   ? fmt::format("{} {} {}", weekday_abbreviation(day->day),
                                                 day->date.day, month_abbreviation(day->date.month))
                                   : long_date(day->date);
      const std::string pain = pain_text(day->pain_before, day->pain_after);
      if (wide) {
        line(margin + padded(date, kDateColumn) + "  " +
             padded(sessions_text(*day), kSessionsColumn) + "  " +
             right_aligned(time_text(day->seconds), kTimeColumn) + "  " + pain);
      } else {
        line(margin + padded(date, kDateColumn) + "  " + pain);
        // A no-break space keeps "4 min" on one line when this wraps.
        std::string time = time_text(day->seconds);
        for (std::size_t at = time.find(' '); at != std::string::npos; at = time.find(' ', at))
          time.replace(at, 1, "\u00a0");
        paragraph(indent, indent, sessions_text(*day) + " · " + time, theme_.quiet);
      }
      details(*day, indent);
    }
  }

  // What was rated, and the notes, under the day's row.
  void details(const HistoryDay& day, const std::string& indent) {
    std::vector<std::string> up;
    std::vector<std::string> down;
    for (const SessionRecord* session : day.sessions)
      for (const TechniqueRating& rating : session->ratings) {
        std::vector<std::string>& list = rating.rating == Rating::kUp ? up : down;
        std::string name = technique_name(view_, rating.technique);
        if (std::find(list.begin(), list.end(), name) == list.end()) list.push_back(name);
      }
    std::string rated;
    if (!up.empty()) rated = "helped: " + fmt::format("{}", fmt::join(up, ", "));
    if (!down.empty())
      rated += (rated.empty() ? "" : "; ") + std::string("did not help: ") +
               fmt::format("{}", fmt::join(down, ", "));
    if (!rated.empty()) paragraph(indent, indent, rated);
    const std::size_t room = width_ > indent.size() + 4 ? width_ - indent.size() - 2 : 10;
    for (const SessionRecord* session : day.sessions) {
      const std::string note = printable(session->note);
      if (note.find_first_not_of(' ') == std::string::npos) continue;
      line(indent + "“" + cut(note, room) + "”");
    }
  }

  // Pain before, then pain after, each a panel five rows high over the same days: a full
  // block is two points, a lower half block one, so that every score 0 to 10 has its own
  // height and the chart reads right without colour.
  void chart(const AreaHistory& history, long first_day, long last_day) {
    constexpr std::size_t kLabel = 5;  // "10 ┤ "
    long days = last_day - first_day + 1;
    // A bar a day, up to three columns wide when few days leave room, with a blank column
    // between days; one column a day, no gap, when the width asks for it.
    const std::size_t room = width_ - kLabel;
    std::size_t column =
        std::clamp<std::size_t>(room / static_cast<std::size_t>(days), 1, days <= 14 ? 4 : 2);
    if (static_cast<std::size_t>(days) > room) {
      days = static_cast<long>(room);
      first_day = last_day - days + 1;
    }
    // The day's average, rounded, per day of the chart; -1 for a session without the
    // score, -2 for no session.
    std::vector<int> before(static_cast<std::size_t>(days), -2);
    std::vector<int> after(static_cast<std::size_t>(days), -2);
    for (const HistoryDay& day : history.days) {
      if (day.day < first_day) continue;
      const auto index = static_cast<std::size_t>(day.day - first_day);
      before[index] = day.pain_before ? static_cast<int>(std::lround(*day.pain_before)) : -1;
      after[index] = day.pain_after ? static_cast<int>(std::lround(*day.pain_after)) : -1;
    }
    panel("Pain before the session", before, column, theme_.before);
    panel("Pain after the session", after, column, theme_.after);
    axis(first_day, days, column, kLabel);
    paragraph(
        "  ", "  ",
        fmt::format("{} a day, {} to {}. █ two points, ▄ one, ▁ a score of 0, · a session "
                    "without a score, blank: no session. A day with several sessions shows "
                    "their average.",
                    column == 1 ? "One column" : "One bar", long_date(civil_from_days(first_day)),
                    long_date(civil_from_days(last_day))),
        theme_.quiet);
  }

  void panel(const char* title, const std::vector<int>& scores, std::size_t column,
             const fmt::text_style& style) {
    line(fmt::format("{} (0–10)", title));
    for (int row = kMaxPain / 2; row >= 1; --row) {
      std::string cells;
      for (const int score : scores) {
        std::string_view cell = " ";
        if (score >= 2 * row) {
          cell = "█";
        } else if (score == 2 * row - 1) {
          cell = "▄";
        } else if (row == 1 && score == 0) {
          cell = "▁";
        } else if (row == 1 && score == -1) {
          cell = "·";
        }
        for (std::size_t i = 0; i < column; ++i) cells += i >= 1 && i + 1 == column ? " " : cell;
      }
      while (!cells.empty() && cells.back() == ' ') cells.pop_back();
      out_ += fmt::format("{:>2} ┤", row * 2);
      if (!cells.empty()) out_ += ' ' + fmt::format(style, "{}", cells);
      out_ += '\n';
    }
  }

  // The baseline, then the date of every Monday where it fits.
  void axis(long first_day, long days, std::size_t column, std::size_t label_width) {
    std::string rule = "   └";
    for (std::size_t i = 1; i < label_width - 3 + static_cast<std::size_t>(days) * column; ++i)
      rule += "─";
    line(rule);
    std::string labels(label_width, ' ');
    std::size_t used = 0;
    // Mondays over a long chart; a short one is labelled every few days from its first.
    const long stride = (7 + static_cast<long>(column) - 1) / static_cast<long>(column);
    for (long day = first_day; day < first_day + days; ++day) {
      if (days > 14 ? weekday(day) != 0 : (day - first_day) % stride != 0) continue;
      const std::size_t at = label_width + static_cast<std::size_t>(day - first_day) * column;
      const CivilDate date = civil_from_days(day);
      const std::string label = fmt::format("{} {}", date.day, month_abbreviation(date.month));
      if (at < used || at + label.size() > width_) continue;
      labels.resize(at, ' ');
      labels += label;
      used = at + label.size() + 1;
    }
    while (!labels.empty() && labels.back() == ' ') labels.pop_back();
    line(labels);
  }

  const HistoryView& view_;
  Theme theme_;
  std::size_t width_;
  long today_;
  std::string out_;
};

}  // namespace

std::string render_history_text(const HistoryView& view) {
  return HistoryTextWriter(view).write();
}

}  // namespace knotplan
