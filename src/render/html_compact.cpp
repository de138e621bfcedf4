#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "body_figure.hpp"
#include "html_common.hpp"
#include "knotplan/render.hpp"
#include "text_layout.hpp"
#include "wording.hpp"

namespace knotplan {

namespace {

std::string escaped(const std::string& text) {
  return html_escaped(text);
}

// --compact: sized so that a 10-minute routine fits one A4 or Letter page; no step splits
// across pages; black, greys and hatching instead of colour so that it prints in black and
// white. Nothing that carries meaning is a CSS background (browsers leave those out unless
// "background graphics" is on): the legend's swatches and the gauges are SVG, the phase
// rows are ruled, not shaded.
constexpr const char* kStyle = R"(
@page { size: auto; margin: 7mm 9mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font: 7.9pt/1.2 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #000;
       margin: 0 auto; max-width: 190mm; }
h1 { font-size: 15pt; margin: 0 0 1mm; }
h2 { font-size: 9.5pt; margin: 2mm 0 0.8mm; border-bottom: 0.3mm solid #000; }
p { margin: 0.6mm 0; }
header { display: flex; gap: 4mm; align-items: flex-start; }
header .intro { flex: 1; }
.summary { color: #333; }
.figure-box { width: 30mm; margin: 0; text-align: center; }
svg.figure { width: 19mm; height: 28mm; }
.legend, .unseen { font-size: 7pt; color: #000; margin: 0; }
svg.key { width: 3.6mm; height: 2.4mm; vertical-align: middle; }
table { border-collapse: collapse; width: 100%; }
table.steps th { font-size: 7.4pt; text-align: left; border-bottom: 0.3mm solid #000;
                 padding: 0.5mm 0.8mm; white-space: nowrap; }
table.steps td { border-bottom: 0.2mm solid #999; padding: 0.7mm 0.8mm; vertical-align: top; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.num { width: 5mm; font-weight: bold; }
td.time { width: 13mm; white-space: nowrap; }
td.gauge { width: 16mm; white-space: nowrap; font-size: 7pt; }
td.days { width: 26mm; white-space: nowrap; }
.phase td { font-weight: bold; border-top: 0.5mm solid #000; border-bottom: 0.3mm solid #000;
            padding: 0.6mm 1mm; }
.name { font-weight: bold; }
.every { font-weight: normal; font-style: italic; }
.facts { color: #333; }
ol.how { display: inline; margin: 0; padding: 0; list-style: none; counter-reset: how; }
ol.how::before { content: ""; display: block; }
ol.how li { display: inline; counter-increment: how; }
ol.how li::before { content: counter(how) ". "; font-weight: bold; }
.cue { font-style: italic; color: #222; }
.careful { color: #000; }
.box { display: inline-block; width: 3mm; height: 3mm; border: 0.25mm solid #000;
       margin-right: 0.6mm; }
.daynames span { display: inline-block; width: 3mm; margin-right: 0.6mm; text-align: center;
                 font-size: 6.5pt; border: 0.25mm solid transparent; }
svg.gauge { width: 15mm; height: 2.6mm; display: block; margin-bottom: 0.3mm; }
.columns { columns: 2; column-gap: 5mm; font-size: 7.2pt; }
.columns h2 { break-after: avoid; }
.columns li { break-inside: avoid; }
ul { margin: 0.5mm 0; padding-left: 4mm; }
table.pain { width: auto; }
.pain td, .pain th { padding: 0.3mm 1mm; font-weight: normal; text-align: left; }
.pain .label { width: 30mm; white-space: nowrap; }
.pain .cell { display: inline-block; width: 5mm; height: 3.8mm; border: 0.25mm solid #000;
              margin-right: 0.8mm; }
.alert { border: 0.8mm solid #000; padding: 3mm; margin: 4mm 0; font-size: 11pt; }
.alert strong { font-size: 13pt; display: block; margin-bottom: 1mm; }
.professional { border-top: 0.3mm solid #000; margin: 0.5mm 0 0; padding-top: 0.4mm; }
.watch { border: 0.6mm solid #000; padding: 0.4mm 1.5mm; margin: 0.8mm 0 1.2mm;
         line-height: 1.2; }
.watch ul { margin: 0; }
.alert ul { margin: 0; padding-left: 5mm; }
.alert li { margin-bottom: 1.5mm; }
.references { font-size: 6pt; line-height: 1.1; }
.references ol { columns: 4; column-gap: 3mm; margin: 0; padding-left: 4mm; }
.references li { break-inside: avoid; overflow-wrap: anywhere; }
.disclaimer { margin-top: 2mm; color: #333; font-size: 7.6pt; }
)";

std::string day_boxes() {
  return empty_boxes(7, "box");
}

std::string gauge(const std::optional<PressureRange>& pressure) {
  return pressure_gauge(pressure);
}

class CompactWriter {
 public:
  CompactWriter(const Routine& routine, std::ostream& out) : routine_(routine), out_(out) {}

  void write() {
    const std::string title = "Self-massage routine: " + routine_.area_name;
    write_page_start(title, kStyle, out_);
    if (routine_.status == Status::kWithheld) {
      write_withheld(routine_, out_);
      if (routine_.request.explain) write_explained(routine_, out_);
    } else {
      header(title);
      write_watch_for(routine_, out_);
      steps();
      closing();
      if (routine_.request.explain) write_explained(routine_, out_);
    }
    write_page_end(out_);
  }

 private:
  void header(const std::string& title) {
    std::set<std::string> targets;
    for (const Step& step : routine_.steps) targets.insert(step.target);
    out_ << "<header>\n<div class=\"intro\">\n<h1>" << escaped(title) << "</h1>\n"
         << "<p class=\"summary\">" << escaped(request_summary(routine_)) << "</p>\n"
         << "<p>" << routine_.steps.size() << " steps, " << clock_time(routine_.total_seconds)
         << " in all. Tick a box each day you do a step, and note your pain before and after."
         << "</p>\n";
    if (!routine_.pressure_scale.empty())
      out_ << "<p class=\"scale\">" << escaped(routine_.pressure_scale) << "</p>\n";
    pain_table();
    // The map's aria-label names every marked area; on paper, the legend, and the areas
    // the back view cannot show, in the room the old caption had.
    const std::vector<std::string>& knots = routine_.request.areas;
    out_ << "</div>\n<figure class=\"figure-box\">"
         << body_figure_svg(knots, targets, routine_.request.side) << "<figcaption>"
         << "<p class=\"legend\">" << legend_swatch_svg(BodyMark::kKnot) << " knot "
         << legend_swatch_svg(BodyMark::kAlso) << " also worked</p>";
    if (const std::string front = areas_not_drawn(knots, targets); !front.empty())
      out_ << "<p class=\"unseen\">and on the front: " << escaped(front) << "</p>";
    out_ << "</figcaption></figure>\n</header>\n";
  }

  void pain_table() {
    // The days head the columns and "Pain before" and "Pain after" the rows, for screen
    // readers as much as for the eye.
    out_ << "<table class=\"pain\"><thead><tr><td class=\"label\"></td><th scope=\"col\">"
         << day_names() << "</th></tr></thead>\n<tbody>\n";
    for (const char* when : {"Pain before (0–10)", "Pain after (0–10)"}) {
      out_ << "<tr><th scope=\"row\" class=\"label\">" << when << "</th><td>";
      for (int day = 0; day < 7; ++day) out_ << R"(<span class="cell"></span>)";
      out_ << "</td></tr>\n";
    }
    out_ << "</tbody>\n</table>\n";
  }

  void steps() {
    out_ << "<table class=\"steps\">\n<thead><tr><th scope=\"col\">#</th>"
         << "<th scope=\"col\">Start</th><th scope=\"col\">Step</th>"
         << "<th scope=\"col\">Pressure</th><th scope=\"col\">" << day_names()
         << "</th></tr></thead>\n<tbody>\n";
    std::vector<std::string> shared;
    walk_steps(
        routine_,
        [&](Phase phase) {
          shared = shared_cues(routine_, phase);
          out_ << "<tr class=\"phase\"><td colspan=\"5\">" << phase_heading(phase);
          if (!shared.empty()) {
            out_ << " <span class=\"every\">· in every step:";
            for (const std::string& cue : shared) out_ << " " << escaped(cue);
            out_ << "</span>";
          }
          out_ << "</td></tr>\n";
        },
        [&](const Step& step, const Step* same_as) { one_step(step, same_as, shared); });
    out_ << "</tbody>\n</table>\n";
  }

  void one_step(const Step& step, const Step* same_as, const std::vector<std::string>& shared) {
    out_ << "<tr><td class=\"num\">" << step.index << "</td><td class=\"time\">"
         << clock_time(step.start_seconds) << "<br>" << duration(step.seconds)
         << "</td><td><span class=\"name\">" << escaped(step.name)
         << "</span> <span class=\"facts\">· " << escaped(step_facts(step)) << "</span>";
    // The printed sheet keeps a 10-minute routine on one sheet of paper: a second side
    // points back to the first, saying plainly when its sides are swapped.
    if (same_as != nullptr && same_words(*same_as, step)) {
      out_ << " · <em>same as step " << same_as->index << "</em>";
    } else if (same_as != nullptr) {
      out_ << " · <em>as step " << same_as->index << ", with left and right swapped</em>";
    } else {
      // Run-in instructions, then the cues on the same lines, keep a 10-minute routine on
      // one page.
      out_ << "<ol class=\"how\">";
      for (const std::string& line : step.instructions) out_ << "<li>" << escaped(line) << " </li>";
      out_ << "</ol>";
      for (const std::string& cue : step.cues)
        if (std::find(shared.begin(), shared.end(), cue) == shared.end())
          out_ << "<span class=\"cue\">" << escaped(cue) << " </span>";
      for (const std::string& caution : step.cautions)
        out_ << "<span class=\"careful\"><strong>Careful:</strong> " << escaped(caution)
             << " </span>";
    }
    out_ << "</td><td class=\"gauge\">" << gauge(step.pressure) << "</td><td class=\"days\">"
         << day_boxes() << "</td></tr>\n";
  }

  void column(const char* heading, const std::vector<std::string>& items, bool with_disclaimer) {
    out_ << "<div>\n<h2>" << heading << "</h2>\n";
    if (!items.empty()) {
      out_ << "<ul>";
      for (const std::string& item : items) out_ << "<li>" << escaped(item) << "</li>";
      out_ << "</ul>\n";
    }
    if (with_disclaimer)
      out_ << "<p class=\"disclaimer\">" << escaped(routine_.disclaimer) << "</p>\n";
    out_ << "</div>\n";
  }

  // Advice, then cautions and the disclaimer, flowing over two columns: the long advice
  // list and the short cautions share the page's width evenly.
  void closing() {
    out_ << "<div class=\"columns\">\n";
    column("Advice", routine_.advice, false);
    column("Cautions", routine_.cautions, true);
    out_ << "</div>\n";
    // Last, so that a reader can check every step against what it is based on.
    write_references(routine_, out_);
  }

  const Routine& routine_;
  std::ostream& out_;
};

}  // namespace

void render_html_compact(const Routine& routine, std::ostream& out) {
  CompactWriter(routine, out).write();
}

}  // namespace knotplan
