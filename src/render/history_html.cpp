#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "history_days.hpp"
#include "html_common.hpp"
#include "knotplan/render_history.hpp"
#include "knotplan/terminal.hpp"

namespace knotplan {

namespace {

// Print-friendly: black text, series told apart by line style and marker as well as by
// colour, no figure or table split across pages, each area after the first on a new page.
constexpr const char* kStyle = R"(
@page { size: auto; margin: 10mm 12mm; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.35 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #111;
       margin: 0 auto; padding: 0 4mm; max-width: 190mm; }
h1 { font-size: 17pt; margin: 4mm 0 1mm; }
h2 { font-size: 13.5pt; margin: 6mm 0 1mm; border-bottom: 0.4mm solid #111; }
h3 { font-size: 11pt; margin: 4mm 0 1mm; }
p { margin: 1mm 0; }
.quiet { color: #444; }
figure { margin: 2mm 0 3mm; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-size: 9pt; color: #333; }
summary { font-weight: bold; margin: 1mm 0; }
svg.chart { width: 100%; max-width: 180mm; height: auto; display: block; }
svg.chart text { font-family: inherit; fill: #111; }
table { border-collapse: collapse; margin: 1mm 0 3mm; font-size: 9.5pt; }
caption { text-align: left; font-weight: bold; padding-bottom: 1mm; white-space: nowrap; }
td.date, td.number, th.number { white-space: nowrap; }
th, td { text-align: left; padding: 0.6mm 2.5mm 0.6mm 0; border-bottom: 0.2mm solid #aaa;
         vertical-align: top; }
thead th { border-bottom: 0.35mm solid #111; }
td.number, th.number { text-align: right; }
td.note { max-width: 70mm; overflow-wrap: anywhere; }
tr { break-inside: avoid; page-break-inside: avoid; }
.numbers { display: flex; flex-wrap: wrap; gap: 0 8mm; align-items: flex-start; }
.key-before, .key-after { display: inline-block; width: 8mm; height: 0; vertical-align: middle;
                          margin-right: 1mm; }
.key-before { border-top: 0.6mm solid #9a4a00; }
.key-after { border-top: 0.6mm dashed #1f5a96; }
@media print {
  section + section { break-before: page; page-break-before: always; }
  body { padding: 0; }
}
)";

constexpr const char* kBeforeColor = "#9a4a00";
constexpr const char* kAfterColor = "#1f5a96";

// The chart's geometry, in viewBox units.
constexpr double kChartWidth = 720;
constexpr double kLeft = 46;
constexpr double kRight = 14;
constexpr double kTop = 34;
constexpr double kPlotHeight = 190;
constexpr double kChartHeight = kTop + kPlotHeight + 46;
constexpr std::size_t kLongTable = 31;  // rows; a longer table of numbers folds away

// How a long history is drawn: a point a day for three months, a week for two years, a
// month beyond, so that ten years stay a chart and not a smear.
enum class Period { kDay, kWeek, kMonth };

long period_start(long day, Period period) {
  switch (period) {
    case Period::kDay:
      return day;
    case Period::kWeek:
      return day - weekday(day);
    case Period::kMonth: {
      const CivilDate date = civil_from_days(day);
      return days_from_civil({date.year, date.month, 1});
    }
  }
  return day;
}

std::string period_label(long start, Period period) {
  const CivilDate date = civil_from_days(start);
  switch (period) {
    case Period::kDay:
      return fmt::format("{} {} {}", weekday_abbreviation(start), date.day,
                         month_abbreviation(date.month));
    case Period::kWeek:
      return fmt::format("Week of {}", long_date(date));
    case Period::kMonth:
      return fmt::format("{} {}", month_abbreviation(date.month), date.year);
  }
  return "";
}

struct PainPoint {
  long start = 0;  // the first day of its period
  int sessions = 0;
  int before_sum = 0;
  int before_count = 0;
  int after_sum = 0;
  int after_count = 0;
  std::optional<double> before() const {
    return before_count > 0 ? std::optional<double>(double(before_sum) / before_count)
                            : std::nullopt;
  }
  std::optional<double> after() const {
    return after_count > 0 ? std::optional<double>(double(after_sum) / after_count) : std::nullopt;
  }
};

std::string number_text(const std::optional<double>& pain) {
  return pain ? pain_number(*pain) : std::string("–");
}

std::string coordinate(double value) {
  return fmt::format("{:.1f}", value);
}

std::string duration_text(int seconds) {
  if (seconds <= 0) return "–";
  if (seconds < 60) return fmt::format("{} s", seconds);
  return fmt::format("{} min", (seconds + 30) / 60);
}

class HistoryHtmlWriter {
 public:
  explicit HistoryHtmlWriter(const HistoryView& view)
      : view_(view), today_(days_from_civil(view.today)) {}

  std::string write() {
    const std::vector<AreaHistory> histories = area_histories(view_);
    std::string title = "Self-massage history";
    if (view_.area) title += ": " + area_name(view_, *view_.area);
    out_ +=
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>" +
        html_escaped(title) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n<main>\n";
    out_ += "<h1>" + html_escaped(title) + "</h1>\n";
    if (histories.empty()) {
      nothing_yet();
    } else {
      const std::vector<const SessionRecord*> sessions = shown_sessions(view_);
      out_ += fmt::format("<p class=\"quiet\">{} session{} from {} to {}; made on {}.</p>\n",
                          sessions.size(), sessions.size() == 1 ? "" : "s",
                          long_date(sessions.front()->date), long_date(sessions.back()->date),
                          long_date(view_.today));
      for (const AreaHistory& history : histories) area(history);
    }
    out_ += "</main>\n</body>\n</html>\n";
    return std::move(out_);
  }

 private:
  void nothing_yet() {
    const std::string area = view_.area.value_or("upper-back");
    out_ += "<p>No sessions recorded yet. <code>knotplan --area " + html_escaped(area) +
            " --guide</code> records a guided session; <code>knotplan log --area " +
            html_escaped(area) +
            " --pain-before 6 --pain-after 4</code> records one you did on your own.</p>\n";
  }

  void area(const AreaHistory& history) {
    ++area_number_;
    const std::string name = html_escaped(area_name(view_, history.area));
    const HistoryDay& last = history.days.back();
    out_ += fmt::format("<section aria-labelledby=\"area-{0}\">\n<h2 id=\"area-{0}\">{1}</h2>\n",
                        area_number_, name);
    const long since = today_ - last.day;
    out_ += fmt::format("<p>{} session{} on {} day{}, from {} to {}{}.</p>\n",
                        history.sessions.size(), history.sessions.size() == 1 ? "" : "s",
                        history.days.size(), history.days.size() == 1 ? "" : "s",
                        long_date(history.days.front().date), long_date(last.date),
                        since == 0   ? "; the last one today"
                        : since == 1 ? "; the last one yesterday"
                        : since > 1  ? fmt::format("; the last one {} days ago", since)
                                     : std::string());
    pain_chart(history, name);
    week_chart(history, name);
    helped(history);
    recent(history);
    out_ += "</section>\n";
  }

  // Pain before and after over time: solid line and filled circles before, dashed line
  // and open squares after, so that the two read apart in black and white.
  void pain_chart(const AreaHistory& history, const std::string& name) {
    const long first = history.days.front().day;
    const long last = history.days.back().day;
    const long span = last - first + 1;
    const Period period = span <= 92 ? Period::kDay : span <= 730 ? Period::kWeek : Period::kMonth;
    std::vector<PainPoint> points;
    for (const HistoryDay& day : history.days) {
      const long start = period_start(day.day, period);
      if (points.empty() || points.back().start != start) points.push_back({start});
      PainPoint& point = points.back();
      for (const SessionRecord* session : day.sessions) {
        ++point.sessions;
        if (session->pain_before) {
          point.before_sum += *session->pain_before;
          ++point.before_count;
        }
        if (session->pain_after) {
          point.after_sum += *session->pain_after;
          ++point.after_count;
        }
      }
    }
    const char* unit = period == Period::kDay ? "day" : period == Period::kWeek ? "week" : "month";
    const std::string id = fmt::format("pain-{}", area_number_);
    const long x_first = points.front().start;
    const long x_last = points.back().start;
    const double plot_width = kChartWidth - kLeft - kRight;
    const auto x_of = [&](long day) {
      if (x_last == x_first) return kLeft + plot_width / 2;
      return kLeft + plot_width * static_cast<double>(day - x_first) /
                         static_cast<double>(x_last - x_first);
    };
    // A score outside 0-10 (a damaged database) stays on the chart, at its edge.
    const auto y_of = [&](double pain) {
      return kTop + kPlotHeight * (1 - std::clamp(pain, 0.0, double{kMaxPain}) / kMaxPain);
    };

    std::string description = fmt::format(
        "Average pain before and after the sessions, a point a {}, from {} to {}, on the 0 to "
        "10 scale.",
        unit, long_date(civil_from_days(first)), long_date(civil_from_days(last)));
    const auto first_scored = std::find_if(points.begin(), points.end(), [](const PainPoint& p) {
      return p.before_count > 0 || p.after_count > 0;
    });
    const auto last_scored = std::find_if(points.rbegin(), points.rend(), [](const PainPoint& p) {
      return p.before_count > 0 || p.after_count > 0;
    });
    if (first_scored != points.end())
      description +=
          fmt::format(" First {}: {} before, {} after. Last {}: {} before, {} after.", unit,
                      number_text(first_scored->before()), number_text(first_scored->after()), unit,
                      number_text(last_scored->before()), number_text(last_scored->after()));
    else
      description += " No session has a pain score yet.";
    out_ += "<figure>\n";
    out_ += fmt::format(
        "<svg class=\"chart\" viewBox=\"0 0 {} {}\" role=\"img\" aria-labelledby=\"{}-title "
        "{}-desc\">\n<title id=\"{}-title\">Pain before and after the sessions: {}</title>\n"
        "<desc id=\"{}-desc\">{}</desc>\n",
        kChartWidth, kChartHeight, id, id, id, name, id, html_escaped(description));
    // The scale, a line every two points.
    for (int pain = 0; pain <= kMaxPain; pain += 2) {
      const double y = y_of(pain);
      out_ += fmt::format(
          "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"{}\"/>"
          "<text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"end\">{}</text>\n",
          kLeft, coordinate(y), kChartWidth - kRight, coordinate(y), pain == 0 ? "#111" : "#ccc",
          pain == 0 ? 1.2 : 0.8, kLeft - 6, coordinate(y + 4), pain);
    }
    out_ += fmt::format(
        "<text x=\"12\" y=\"{}\" font-size=\"12\" transform=\"rotate(-90 12 {})\" "
        "text-anchor=\"middle\">Pain (0–10)</text>\n",
        coordinate(kTop + kPlotHeight / 2), coordinate(kTop + kPlotHeight / 2));
    x_ticks(x_first, x_last, period, x_of);
    series(points, x_of, y_of, true);
    series(points, x_of, y_of, false);
    legend();
    out_ += "</svg>\n";
    out_ += fmt::format(
        "<figcaption><span class=\"key-before\"></span>pain before (solid line, filled "
        "circles) · <span class=\"key-after\"></span>pain after (dashed line, open squares); "
        "a point is the average of the {}'s sessions with a score.</figcaption>\n</figure>\n",
        unit);

    // A long table folds away, so that ten years stay a page to read.
    const bool folded = points.size() > kLongTable;
    if (folded)
      out_ += fmt::format("<details>\n<summary>The chart's numbers, {} {}s</summary>\n",
                          points.size(), unit);
    out_ += fmt::format(
        "<table>\n<caption>Pain by {}: the chart's numbers</caption>\n<thead><tr>"
        "<th scope=\"col\">{}</th><th scope=\"col\" class=\"number\">Sessions</th>"
        "<th scope=\"col\" class=\"number\">Pain before</th>"
        "<th scope=\"col\" class=\"number\">Pain after</th></tr></thead>\n<tbody>\n",
        unit,
        period == Period::kDay    ? "Day"
        : period == Period::kWeek ? "Week"
                                  : "Month");
    for (const PainPoint& point : points)
      out_ += fmt::format(
          "<tr><th scope=\"row\">{}</th><td class=\"number\">{}</td><td class=\"number\">{}</td>"
          "<td class=\"number\">{}</td></tr>\n",
          period_label(point.start, period), point.sessions, number_text(point.before()),
          number_text(point.after()));
    out_ += "</tbody>\n</table>\n";
    if (folded) out_ += "</details>\n";
  }

  template <typename XOf>
  void x_ticks(long first, long last, Period period, const XOf& x_of) {
    const double bottom = kTop + kPlotHeight;
    const long span = last - first;
    // A day each over two weeks or less, else six dates spread over the span.
    const int ticks = span == 0                              ? 1
                      : period == Period::kDay && span <= 13 ? static_cast<int>(span) + 1
                                                             : 6;
    long previous = -1000000;
    for (int tick = 0; tick < ticks; ++tick) {
      long day = ticks == 1 ? first : first + span * tick / (ticks - 1);
      day = period_start(day, period);
      if (day < first) day = first;
      if (day == previous) continue;
      previous = day;
      const CivilDate date = civil_from_days(day);
      const std::string label =
          period == Period::kMonth
              ? fmt::format("{} {}", month_abbreviation(date.month), date.year)
              : fmt::format("{} {}", date.day, month_abbreviation(date.month)) +
                    (civil_from_days(first).year != civil_from_days(last).year
                         ? fmt::format(" {}", date.year)
                         : std::string());
      const double x = x_of(day);
      const char* anchor = tick == 0 && ticks > 1 ? "start" : tick == ticks - 1 ? "end" : "middle";
      out_ += fmt::format(
          "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#111\"/>"
          "<text x=\"{0}\" y=\"{3}\" font-size=\"12\" text-anchor=\"{4}\">{5}</text>\n",
          coordinate(x), coordinate(bottom), coordinate(bottom + 5), coordinate(bottom + 19),
          anchor, label);
    }
    const CivilDate a = civil_from_days(first);
    const CivilDate b = civil_from_days(last);
    out_ +=
        fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"middle\">{}</text>\n",
                    coordinate(kLeft + (kChartWidth - kLeft - kRight) / 2), coordinate(bottom + 38),
                    a.year == b.year ? fmt::format("Date ({})", a.year) : std::string("Date"));
  }

  template <typename XOf, typename YOf>
  void series(const std::vector<PainPoint>& points, const XOf& x_of, const YOf& y_of, bool before) {
    const char* color = before ? kBeforeColor : kAfterColor;
    std::string path;
    std::string markers;
    for (const PainPoint& point : points) {
      const std::optional<double> pain = before ? point.before() : point.after();
      if (!pain) continue;
      const double x = x_of(point.start);
      const double y = y_of(*pain);
      path += fmt::format("{}{},{}", path.empty() ? "M" : " L", coordinate(x), coordinate(y));
      if (before) {
        markers +=
            fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"3.5\"/>", coordinate(x), coordinate(y));
      } else {
        markers += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"7\" height=\"7\"/>",
                               coordinate(x - 3.5), coordinate(y - 3.5));
      }
    }
    if (path.empty()) return;
    out_ += fmt::format("<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"{}/>\n", path,
                        color, before ? "" : " stroke-dasharray=\"6 4\"");
    out_ += fmt::format("<g fill=\"{}\" stroke=\"{}\" stroke-width=\"1.6\">{}</g>\n",
                        before ? color : "#fff", color, markers);
  }

  void legend() {
    const double y = 14;
    out_ += fmt::format(
        "<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"{3}\" stroke-width=\"2\"/>"
        "<circle cx=\"{4}\" cy=\"{1}\" r=\"3.5\" fill=\"{3}\"/>"
        "<text x=\"{5}\" y=\"{6}\" font-size=\"12\">Pain before</text>\n",
        kLeft, y, kLeft + 30, kBeforeColor, kLeft + 15, kLeft + 36, y + 4);
    const double x = kLeft + 140;
    out_ += fmt::format(
        "<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"{3}\" stroke-width=\"2\" "
        "stroke-dasharray=\"6 4\"/><rect x=\"{4}\" y=\"{5}\" width=\"7\" height=\"7\" "
        "fill=\"#fff\" stroke=\"{3}\" stroke-width=\"1.6\"/>"
        "<text x=\"{6}\" y=\"{7}\" font-size=\"12\">Pain after</text>\n",
        x, y, x + 30, kAfterColor, x + 11.5, y - 3.5, x + 36, y + 4);
  }

  // Sessions a week, for the last 26 weeks of the area's history at most.
  void week_chart(const AreaHistory& history, const std::string& name) {
    constexpr long kWeeks = 26;
    const long last_week = period_start(history.days.back().day, Period::kWeek);
    const long first_week = std::max(period_start(history.days.front().day, Period::kWeek),
                                     last_week - 7 * (kWeeks - 1));
    const auto weeks = static_cast<std::size_t>((last_week - first_week) / 7 + 1);
    std::vector<int> counts(weeks, 0);
    for (const HistoryDay& day : history.days)
      if (day.day >= first_week)
        counts[static_cast<std::size_t>((day.day - first_week) / 7)] +=
            static_cast<int>(day.sessions.size());
    const int most = *std::max_element(counts.begin(), counts.end());
    const int top = std::max(8, most + (most % 2));
    const std::string id = fmt::format("weeks-{}", area_number_);
    constexpr double kHeight = 180;          // the whole chart
    constexpr double bottom = kHeight - 30;  // the baseline; the week labels below it
    constexpr double plot_top = 30;
    constexpr double plot = bottom - plot_top;
    // A few weeks get bars of a sensible width, from the left, not one wide slab.
    const double slot = std::min(48.0, (kChartWidth - kLeft - kRight) / static_cast<double>(weeks));
    int total = 0;
    for (const int count : counts) total += count;
    out_ += "<figure>\n";
    out_ += fmt::format(
        "<svg class=\"chart\" viewBox=\"0 0 {} {}\" role=\"img\" aria-labelledby=\"{}-title "
        "{}-desc\">\n<title id=\"{}-title\">Sessions per week: {}</title>\n"
        "<desc id=\"{}-desc\">{} session{} in the {} week{} from the week of {} to the week of "
        "{}; at most {} in one week.</desc>\n",
        kChartWidth, kHeight, id, id, id, name, id, total, total == 1 ? "" : "s", weeks,
        weeks == 1 ? "" : "s", long_date(civil_from_days(first_week)),
        long_date(civil_from_days(last_week)), most);
    for (int count = 0; count <= top; count += top > 20 ? top / 10 * 2 / 2 : 2) {
      const double y = bottom - plot * count / top;
      out_ += fmt::format(
          "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"0.8\"/>"
          "<text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"end\">{}</text>\n",
          kLeft, coordinate(y), kChartWidth - kRight, coordinate(y), count == 0 ? "#111" : "#ccc",
          kLeft - 6, coordinate(y + 4), count);
    }
    out_ += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"12\">Sessions per week</text>\n",
                        kLeft, coordinate(plot_top - 10));
    const std::size_t label_every = weeks <= 9 ? 1 : weeks <= 18 ? 2 : 4;
    for (std::size_t week = 0; week < weeks; ++week) {
      const double x = kLeft + slot * static_cast<double>(week);
      const double bar = plot * counts[week] / top;
      if (counts[week] > 0)
        out_ += fmt::format(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#555\"/>"
            "<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\">{}</text>\n",
            coordinate(x + slot * 0.15), coordinate(bottom - bar), coordinate(slot * 0.7),
            coordinate(bar), coordinate(x + slot / 2), coordinate(bottom - bar - 3), counts[week]);
      if ((weeks - 1 - week) % label_every == 0) {
        const CivilDate monday = civil_from_days(first_week + 7 * static_cast<long>(week));
        out_ += fmt::format(
            "<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\">{} {}</text>\n",
            coordinate(x + slot / 2), coordinate(bottom + 15), monday.day,
            month_abbreviation(monday.month));
      }
    }
    out_ +=
        "</svg>\n<figcaption>Each bar is one week, labelled by its Monday.</figcaption>\n"
        "</figure>\n";

    const bool folded = weeks > kLongTable / 2;
    if (folded)
      out_ += fmt::format("<details>\n<summary>The chart's numbers, {} weeks</summary>\n", weeks);
    out_ +=
        "<table>\n<caption>Sessions per week: the chart's numbers</caption>\n<thead><tr>"
        "<th scope=\"col\">Week of</th><th scope=\"col\" class=\"number\">Sessions</th>"
        "</tr></thead>\n<tbody>\n";
    for (std::size_t week = 0; week < weeks; ++week)
      out_ += fmt::format("<tr><th scope=\"row\">{}</th><td class=\"number\">{}</td></tr>\n",
                          long_date(civil_from_days(first_week + 7 * static_cast<long>(week))),
                          counts[week]);
    out_ += "</tbody>\n</table>\n";
    if (folded) out_ += "</details>\n";
  }

  void helped(const AreaHistory& history) {
    out_ += "<h3>What helped</h3>\n";
    if (history.ratings.empty()) {
      out_ +=
          "<p class=\"quiet\">No technique rated yet: after a guided session, "
          "<code>--rate ID=up</code> or <code>--rate ID=down</code> says what helped.</p>\n";
      return;
    }
    out_ +=
        "<table>\n<caption>Techniques rated after a session on this area</caption>\n"
        "<thead><tr><th scope=\"col\">Technique</th>"
        "<th scope=\"col\" class=\"number\">Helped</th>"
        "<th scope=\"col\" class=\"number\">Did not help</th>"
        "<th scope=\"col\">Last said</th></tr></thead>\n<tbody>\n";
    for (const TechniqueTally& tally : history.ratings)
      out_ += fmt::format(
          "<tr><th scope=\"row\">{}</th><td class=\"number\">{}</td><td class=\"number\">{}</td>"
          "<td>{} on {}</td></tr>\n",
          html_escaped(technique_name(view_, tally.technique)), tally.up, tally.down,
          tally.last_up ? "helped" : "did not help", long_date(tally.last));
    out_ += "</tbody>\n</table>\n";
  }

  // The sessions of the last text_days days of the area's history, newest first.
  void recent(const AreaHistory& history) {
    const long first_day = history.days.back().day - std::max(1, view_.text_days) + 1;
    std::size_t earlier = 0;
    for (const SessionRecord* session : history.sessions)
      if (days_from_civil(session->date) < first_day) ++earlier;
    out_ += fmt::format("<h3>Sessions of the last {} days</h3>\n", std::max(1, view_.text_days));
    out_ +=
        "<table>\n<thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Kind</th>"
        "<th scope=\"col\" class=\"number\">Time</th>"
        "<th scope=\"col\" class=\"number\">Pain before</th>"
        "<th scope=\"col\" class=\"number\">Pain after</th>"
        "<th scope=\"col\">Rated</th><th scope=\"col\">Note</th></tr></thead>\n<tbody>\n";
    for (auto session = history.sessions.rbegin(); session != history.sessions.rend(); ++session) {
      const SessionRecord& record = **session;
      const long day = days_from_civil(record.date);
      if (day < first_day) break;
      std::string rated;
      for (const TechniqueRating& rating : record.ratings)
        rated += fmt::format("{}{} {}", rated.empty() ? "" : "<br>",
                             rating.rating == Rating::kUp ? "helped:" : "did not help:",
                             html_escaped(technique_name(view_, rating.technique)));
      out_ += fmt::format(
          "<tr><td class=\"date\">{} {}</td><td>{}</td><td class=\"number\">{}</td><td "
          "class=\"number\">{}</td>"
          "<td class=\"number\">{}</td><td>{}</td><td class=\"note\">{}</td></tr>\n",
          weekday_abbreviation(day), long_date(record.date),
          record.source == SessionSource::kGuide ? "guided" : "logged",
          duration_text(record.seconds),
          record.pain_before ? std::to_string(*record.pain_before) : "–",
          record.pain_after ? std::to_string(*record.pain_after) : "–", rated,
          html_escaped(record.note));
    }
    out_ += "</tbody>\n</table>\n";
    if (earlier > 0)
      out_ += fmt::format(
          "<p class=\"quiet\">{} earlier session{} not listed here; the charts count them, and "
          "<code>knotplan history --format csv</code> lists every one.</p>\n",
          earlier, earlier == 1 ? " is" : "s are");
  }

  const HistoryView& view_;
  long today_;
  int area_number_ = 0;
  std::string out_;
};

}  // namespace

std::string render_history_html(const HistoryView& view) {
  return HistoryHtmlWriter(view).write();
}

}  // namespace knotplan
