#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "body_figure.hpp"
#include "html_common.hpp"
#include "knotplan/render.hpp"
#include "step_picture.hpp"
#include "text_layout.hpp"
#include "wording.hpp"

namespace knotplan {

namespace {

// The large-print sheet, for people from 65 up reading it at arm's length: nothing under
// 10 pt, the warning signs and the pain boxes at 11 pt, headings larger, black on white, a
// body map 45 mm tall. Nothing that carries meaning is a CSS background, which browsers
// leave out unless "background graphics" is on: the map's marks, the legend and the
// gauges are SVG, boxes and rules are borders.
// A 10-minute routine takes both sides of one A4 or Letter sheet at most, which leaves no
// room to spare: each technique's name, timing and gauge share a line when they fit, what
// it should feel like runs on after the instructions, the warning signs stand in two
// columns and the advice in two. A technique may go on over the page, its heading kept
// with its first lines. Page counts are for Arial's metrics (Windows, macOS; Liberation
// Sans and Arimo elsewhere); DejaVu Sans, wider, may need a third page for the longest.
constexpr const char* kStyle = R"(
@page { size: auto; margin: 6mm 9mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font: 10pt/1.15 Arial, "Liberation Sans", Arimo, "DejaVu Sans", sans-serif; color: #000;
       margin: 0 auto; max-width: 198mm; }
h1 { font-size: 18pt; line-height: 1.15; margin: 0 0 1mm; }
h2 { font-size: 13.5pt; line-height: 1.05; margin: 1.5mm 0 0.5mm; border-bottom: 0.6mm solid #000;
     break-after: avoid; page-break-after: avoid; }
h3 { font-size: 11.5pt; margin: 0; }
p { margin: 0.5mm 0; }
ul { margin: 0.5mm 0; padding-left: 5mm; }
header { display: flex; gap: 5mm; align-items: flex-start; }
header .intro { flex: 1; }
figure.map { width: 66mm; margin: 0; display: flex; gap: 2mm; align-items: flex-start; }
svg.figure { display: block; flex: none; width: 30mm; height: 45mm; }
figcaption { line-height: 1.15; }
.legend { margin: 0 0 1mm; font-size: 11pt; }
.legend span { display: block; white-space: nowrap; margin-bottom: 1mm; }
svg.key { width: 9mm; height: 6mm; vertical-align: middle; margin-right: 1mm; }
.days { display: flex; gap: 3mm; align-items: flex-start; margin: 1mm 0; }
table.pain { border-collapse: collapse; flex: none; }
.pain th, .pain td { padding: 0.3mm 1mm 0.3mm 0; font-weight: normal; text-align: left; }
.pain th[scope="row"] { white-space: nowrap; font-size: 11pt; }
.daynames { white-space: nowrap; }
.daynames span { display: inline-block; width: 6.5mm; margin-right: 0.8mm; text-align: center;
                 font-weight: bold; font-size: 11pt; }
.cell, .tick { display: inline-block; width: 6.5mm; height: 6mm; border: 0.35mm solid #000;
               margin-right: 0.8mm; vertical-align: middle; }
.watch { border: 1mm solid #000; padding: 0.6mm 2.5mm; margin: 2mm 0; font-size: 11pt; }
.watch > strong { font-size: 13pt; }
.watch ul { margin: 0.3mm 0 0; columns: 2; column-gap: 6mm; }
.watch li { break-inside: avoid; }
.professional { border-top: 0.4mm solid #000; margin: 1mm 0 0; padding-top: 0.6mm; font-size: 10pt; }
.every { font-size: 10pt; font-weight: normal; font-style: italic; }
section.technique { border-bottom: 0.3mm solid #000; padding: 0.4mm 0 0.5mm; orphans: 2;
                    widows: 2; display: flow-root; }
/* An unbreakable strip as tall as the picture, laid under the technique's first lines: a
   technique starts on a page only where its picture fits beside it, rather than leaving
   the picture to float alone at the top of the next page. */
section.pictured::before { content: ""; display: block; height: 27mm; margin-bottom: -27mm;
                           break-inside: avoid; page-break-inside: avoid; }
.picture { float: right; width: 27mm; margin: 0 0 0 3mm; }
.picture svg { display: block; width: 27mm; height: 27mm; }
.num { display: inline-block; min-width: 6mm; }
.head { display: flex; flex-wrap: wrap; align-items: baseline; column-gap: 3mm;
        break-after: avoid; page-break-after: avoid; }
.head p { margin: 0; }
.pressure { margin-left: auto; white-space: nowrap; }
svg.gauge { width: 26mm; height: 4.2mm; vertical-align: middle; margin-right: 1.5mm; }
ol.how { display: inline; margin: 0; padding: 0; list-style: none; counter-reset: how; }
ol.how li { display: inline; counter-increment: how; }
ol.how li::before { content: counter(how) ". "; font-weight: bold; }
ol.how li::after { content: " "; }
p.feel { display: inline; font-style: italic; }
.side-note { font-weight: bold; }
.closing { columns: 2; column-gap: 7mm; line-height: 1.12; }
.closing h2 { margin-top: 1mm; }
.closing li { break-inside: avoid; }
.disclaimer { margin-top: 1.5mm; font-weight: bold; }
kbd { font: inherit; font-weight: bold; }
.alert { border: 1mm solid #000; padding: 3mm; margin: 4mm 0; font-size: 13pt; }
.alert strong { font-size: 15pt; display: block; margin-bottom: 1mm; }
.alert li { margin-bottom: 1.5mm; }
)";

// One technique: its step, and the step for its other side when it is done on each side.
struct Technique {
  const Step* first = nullptr;
  const Step* second = nullptr;  // the other side, or nullptr
};

class SheetWriter {
 public:
  SheetWriter(const Routine& routine, std::ostream& out) : routine_(routine), out_(out) {}

  void write() {
    const std::string title = "Self-massage routine: " + routine_.area_name;
    write_page_start(title, kStyle, out_);
    if (routine_.status == Status::kWithheld) {
      write_withheld(routine_, out_);
    } else {
      header(title);
      write_watch_for(routine_, out_);
      techniques();
      closing();
    }
    if (routine_.request.explain) write_explained(routine_, out_);
    write_page_end(out_);
  }

 private:
  void header(const std::string& title) {
    std::set<std::string> targets;
    for (const Step& step : routine_.steps) targets.insert(step.target);
    const std::vector<std::string>& knots = routine_.request.areas;
    out_ << "<header>\n<div class=\"intro\">\n<h1>" << html_escaped(title) << "</h1>\n"
         << "<p>" << html_escaped(request_summary(routine_)) << "</p>\n<div class=\"days\">";
    pain_table();
    out_ << "<p>" << clock_time(routine_.total_seconds) << " in all. Each day: your pain before "
         << "and after (0 none, 10 worst), and a tick when it is done.</p></div>\n";
    out_ << "</div>\n<figure class=\"map\">"
         << body_figure_svg(knots, targets, routine_.request.side) << "<figcaption>"
         << "<p class=\"legend\"><span>" << legend_swatch_svg(BodyMark::kKnot)
         << "knot</span> <span>" << legend_swatch_svg(BodyMark::kAlso)
         << "also worked</span></p><p class=\"marked\">"
         << html_escaped(body_map_description(knots, targets, routine_.request.side))
         << "</p></figcaption></figure>\n</header>\n";
    // Under the header, the whole width of the page: two lines rather than three.
    if (!routine_.pressure_scale.empty())
      out_ << "<p class=\"scale\">" << html_escaped(routine_.pressure_scale) << "</p>\n";
  }

  // The days head the columns and "Pain before", "Routine done" and "Pain after" the rows, for
  // screen readers as much as for the eye. One tick a day for the whole routine, rather
  // than one per technique, leaves each technique's lines the whole width of the page.
  void pain_table() {
    out_ << "<table class=\"pain\"><thead><tr><td></td><th scope=\"col\">" << day_names()
         << "</th></tr></thead>\n<tbody>\n";
    for (const char* row : {"Pain before", "Routine done", "Pain after"})
      out_ << "<tr><th scope=\"row\">" << row << "</th><td>"
           << empty_boxes(7, row[0] == 'R' ? "tick" : "cell") << "</td></tr>\n";
    out_ << "</tbody>\n</table>\n";
  }

  void techniques() {
    // Each phase's techniques, a one-sided technique's two sides as one.
    std::vector<std::pair<Phase, std::vector<Technique>>> phases;
    walk_steps(
        routine_,
        [&](Phase phase) {
          phases.push_back({phase, {}});
        },
        [&](const Step& step, const Step* same_as) {
          std::vector<Technique>& list = phases.back().second;
          if (same_as != nullptr && !list.empty() && list.back().first == same_as)
            list.back().second = &step;
          else
            list.push_back({&step, nullptr});
        });
    int number = 0;
    for (const auto& [phase, list] : phases) {
      const std::vector<std::string> shared = shared_cues(routine_, phase);
      out_ << "<h2>" << phase_heading(phase);
      if (!shared.empty()) {
        out_ << " <span class=\"every\">· in every step:";
        for (const std::string& cue : shared) out_ << " " << html_escaped(cue);
        out_ << "</span>";
      }
      out_ << "</h2>\n";
      for (const Technique& technique : list) one_technique(technique, ++number, shared);
    }
  }

  // "0:00 to 1:30 · left, then right: 45 s each", or "0:00 to 1:00 · 1 min".
  static std::string timing(const Technique& technique) {
    const Step& first = *technique.first;
    const Step& last = technique.second != nullptr ? *technique.second : first;
    std::string text = clock_time(first.start_seconds) + " to " +
                       clock_time(last.start_seconds + last.seconds) + " · ";
    if (technique.second == nullptr) return text + duration(first.seconds);
    const std::string one = side_id(first.side);
    const std::string other = side_id(last.side);
    if (first.seconds == last.seconds)
      return text + fmt::format("{}, then {}: {} each", one, other, duration(first.seconds));
    return text + fmt::format("{} {}, then {} {}", one, duration(first.seconds), other,
                              duration(last.seconds));
  }

  // The area worked, when it is not the knot the sheet is titled for; the side, the
  // repetitions and what it needs.
  std::string facts(const Technique& technique) const {
    const Step& step = *technique.first;
    const std::vector<std::string>& knots = routine_.request.areas;
    std::vector<std::string> facts;
    if (std::find(knots.begin(), knots.end(), step.target) == knots.end())
      facts.push_back(readable_id(step.target));
    if (technique.second == nullptr && step.side != Side::kBoth)
      facts.push_back(side_text(step.side));
    if (step.hold_seconds && step.reps)
      facts.push_back(fmt::format("{} × {} s", *step.reps, *step.hold_seconds));
    if (!step.equipment.empty()) facts.push_back(readable_list(step.equipment));
    return fmt::format("{}", fmt::join(facts, " · "));
  }

  void one_technique(const Technique& technique, int number,
                     const std::vector<std::string>& shared) {
    const Step& step = *technique.first;
    const std::string picture = step_picture_svg(step);
    if (picture.empty())
      out_ << "<section class=\"technique\">";
    else
      out_ << "<section class=\"technique pictured\"><div class=\"picture\">" << picture
           << "</div>";
    // The name, the timing and the pressure gauge share the first line when they fit: a
    // line saved for each technique is what keeps a 10-minute routine on one sheet.
    out_ << "<div class=\"what\"><div class=\"head\"><h3><span class=\"num\">" << number
         << "</span>" << html_escaped(step.name) << "</h3>\n<p class=\"when\"><strong>"
         << timing(technique) << "</strong>";
    const std::string details = facts(technique);
    if (!details.empty()) out_ << " · " << html_escaped(details);
    out_ << "</p>";
    if (step.pressure)
      out_ << "<p class=\"pressure\">pressure " << pressure_gauge(step.pressure) << "</p>";
    out_ << "</div>\n<ol class=\"how\">";
    for (const std::string& line : step.instructions)
      out_ << "<li>" << html_escaped(line) << "</li>";
    out_ << "</ol>";
    // What it should feel like runs on after the last instruction, in italics; the cautions
    // start a line of their own, so that none hides at the end of a paragraph.
    std::string feel;
    for (const std::string& cue : step.cues)
      if (std::find(shared.begin(), shared.end(), cue) == shared.end())
        feel += (feel.empty() ? "" : " ") + html_escaped(cue);
    if (!feel.empty()) out_ << " <p class=\"feel\">" << feel << "</p>";
    std::string careful;
    for (const std::string& caution : step.cautions)
      careful += "<strong>Careful:</strong> " + html_escaped(caution) + " ";
    // The timing line says "left, then right"; words that name a side need swapping.
    if (technique.second != nullptr && !same_words(step, *technique.second))
      careful += "<span class=\"side-note\">Then the " + side_text(technique.second->side) +
                 ", with left and right swapped.</span>";
    if (!careful.empty()) out_ << "\n<p class=\"careful\">" << careful << "</p>";
    out_ << "</div></section>\n";
  }

  void column(const char* heading, const std::vector<std::string>& items, bool with_disclaimer) {
    out_ << "<div>\n<h2>" << heading << "</h2>\n";
    if (!items.empty()) {
      out_ << "<ul>";
      for (const std::string& item : items) out_ << "<li>" << html_escaped(item) << "</li>";
      out_ << "</ul>\n";
    }
    if (with_disclaimer) {
      out_ << "<p class=\"disclaimer\">" << html_escaped(routine_.disclaimer) << "</p>\n";
      if (!routine_.references.empty())
        out_ << "<p class=\"sources\">Its " << routine_.references.size()
             << " sources, with web addresses: <kbd>knotplan sources</kbd>, or the "
                "<kbd>--compact</kbd> sheet.</p>\n";
    }
    out_ << "</div>\n";
  }

  // Advice, then cautions, the disclaimer and where the sources are, over two columns.
  // The references with their web addresses would take a third of a page in print a
  // person can read: the sheet says where they are instead.
  void closing() {
    out_ << "<div class=\"closing\">\n";
    column("Advice", routine_.advice, false);
    column("Cautions", routine_.cautions, true);
    out_ << "</div>\n";
  }

  const Routine& routine_;
  std::ostream& out_;
};

}  // namespace

void render_html(const Routine& routine, std::ostream& out) {
  SheetWriter(routine, out).write();
}

}  // namespace knotplan
