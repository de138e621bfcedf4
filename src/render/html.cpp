#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "body_figure.hpp"
#include "knotplan/render.hpp"
#include "knotplan/terminal.hpp"
#include "text_layout.hpp"
#include "wording.hpp"

namespace knotplan {

namespace {

// Every piece of text that reaches the page goes through here: control characters made
// visible, then the five HTML metacharacters escaped.
std::string escaped(const std::string& text) {
  std::string result;
  for (const char c : printable(text)) {
    switch (c) {
      case '&':
        result += "&amp;";
        break;
      case '<':
        result += "&lt;";
        break;
      case '>':
        result += "&gt;";
        break;
      case '"':
        result += "&quot;";
        break;
      case '\'':
        result += "&#39;";
        break;
      default:
        result += c;
    }
  }
  return result;
}

// Sized so that a 10-minute routine fits one A4 or Letter page; no step splits across
// pages; greys and hatching instead of colour so that it prints in black and white.
constexpr const char* kStyle = R"(
@page { size: auto; margin: 7mm 9mm; }
* { box-sizing: border-box; }
body { font: 7.9pt/1.2 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #000;
       margin: 0 auto; max-width: 190mm; }
h1 { font-size: 15pt; margin: 0 0 1mm; }
h2 { font-size: 9.5pt; margin: 2mm 0 0.8mm; border-bottom: 0.3mm solid #000; }
p { margin: 0.6mm 0; }
header { display: flex; gap: 4mm; align-items: flex-start; }
header .intro { flex: 1; }
.summary { color: #333; }
.figure-box { width: 30mm; text-align: center; }
svg.figure { width: 19mm; height: 28mm; }
.legend, .unseen { font-size: 7pt; color: #333; margin: 0; }
.key { display: inline-block; width: 2.6mm; height: 2.6mm; border: 0.2mm solid #555;
       vertical-align: middle; }
.key.knot { background: #222; }
.key.also { background: repeating-linear-gradient(45deg, #ddd 0 0.5mm, #555 0.5mm 0.8mm); }
table { border-collapse: collapse; width: 100%; }
table.steps th { font-size: 7.4pt; text-align: left; border-bottom: 0.3mm solid #000;
                 padding: 0.5mm 0.8mm; white-space: nowrap; }
table.steps td { border-bottom: 0.2mm solid #999; padding: 0.7mm 0.8mm; vertical-align: top; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.num { width: 5mm; font-weight: bold; }
td.time { width: 13mm; white-space: nowrap; }
td.gauge { width: 16mm; white-space: nowrap; font-size: 7pt; }
td.days { width: 26mm; white-space: nowrap; }
.phase td { font-weight: bold; background: #eee; border-bottom: 0.3mm solid #000;
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

constexpr const char* kDays[] = {"M", "T", "W", "T", "F", "S", "S"};

std::string day_boxes() {
  std::string boxes;
  for (int day = 0; day < 7; ++day) boxes += R"(<span class="box"></span>)";
  return boxes;
}

std::string day_names() {
  std::string names = R"(<div class="daynames">)";
  for (const char* day : kDays) names += fmt::format("<span>{}</span>", day);
  return names + "</div>";
}

// Ten cells on the 0-10 scale; the cells of the asked-for range are filled.
std::string gauge(const std::optional<PressureRange>& pressure) {
  if (!pressure) return "none";
  std::string svg = R"(<svg class="gauge" viewBox="0 0 100 16" aria-hidden="true">)";
  for (int level = 1; level <= 10; ++level) {
    const bool filled = level >= std::max(1, pressure->min) && level <= pressure->max;
    svg += fmt::format(
        R"(<rect x="{}" y="2" width="9" height="12" fill="{}" stroke="#000" stroke-width="1"/>)",
        (level - 1) * 10 + 0.5, filled ? "#222" : "#fff");
  }
  return svg + fmt::format("</svg>{} of 10", pressure_range(*pressure));
}

class HtmlWriter {
 public:
  HtmlWriter(const Routine& routine, std::ostream& out) : routine_(routine), out_(out) {}

  void write() {
    const std::string title = "Self-massage routine: " + routine_.area_name;
    out_ << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         << "<title>" << escaped(title) << "</title>\n<style>" << kStyle << "</style>\n"
         << "</head>\n<body>\n<main>\n";
    if (routine_.status == Status::kWithheld) {
      withheld();
      if (routine_.request.explain) explained();
    } else {
      header(title);
      watch_for();
      steps();
      closing();
      if (routine_.request.explain) explained();
    }
    out_ << "</main>\n</body>\n</html>\n";
  }

 private:
  // Only why, and whom to see how urgently: nothing that looks like a routine.
  void withheld() {
    const SeeAProfessional& stop = *routine_.see_a_professional;
    out_ << "<h1>No routine today</h1>\n<p class=\"summary\">" << escaped(routine_.area_name)
         << " · " << escaped(request_summary(routine_)) << "</p>\n"
         << "<div class=\"alert\" role=\"alert\"><strong>" << escaped(withheld_text(stop.level))
         << "</strong>\n<ul>";
    for (const RoutineReason& reason : stop.reasons)
      out_ << "<li>" << escaped(reason_text(reason)) << "</li>";
    out_ << "</ul></div>\n";
  }

  // After the references: the sheet stays as it is, and the explanation follows it.
  void explained() {
    out_ << "<div class=\"explain\">\n";
    for (const ExplainSection& section : explanation(routine_)) {
      out_ << "<h2>" << escaped(section.heading) << "</h2>\n<ul>";
      for (const ExplainLine& line : section.lines) {
        out_ << "<li>" << escaped(line.text);
        if (!line.details.empty()) {
          out_ << "<ul>";
          for (const std::string& detail : line.details)
            out_ << "<li>" << escaped(detail) << "</li>";
          out_ << "</ul>";
        }
        out_ << "</li>";
      }
      out_ << "</ul>\n";
    }
    out_ << "</div>\n";
  }

  // What to stop for, then whom to see: one box before the steps, where it is read.
  void watch_for() {
    const bool refer = routine_.see_a_professional.has_value();
    if (routine_.watch_for.empty() && !refer) return;
    out_ << "<div class=\"watch\" role=\"note\">";
    if (!routine_.watch_for.empty()) {
      out_ << "<strong>" << kWatchHeading << ":</strong><ul>";
      for (const WarningLine& line : routine_.watch_for)
        out_ << "<li>" << escaped(line.text) << "</li>";
      out_ << "</ul>";
    }
    if (refer)
      for (const RoutineReason& reason : routine_.see_a_professional->reasons)
        out_ << "<p class=\"professional\"><strong>" << escaped(referral_text(reason.level))
             << ":</strong> " << escaped(reason_text(reason)) << "</p>";
    out_ << "</div>\n";
  }

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
    out_ << "</div>\n<div class=\"figure-box\">" << body_figure_svg(routine_.request.areas, targets)
         << "<p class=\"legend\"><span class=\"key knot\"></span> knot "
         << "<span class=\"key also\"></span> also worked</p></div>\n</header>\n";
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

  // Cues that every step of the phase shares (for example "ease off at once if the pain
  // turns sharp" on every release step): printed once, in the phase's row.
  std::vector<std::string> shared_cues(Phase phase) const {
    std::vector<const Step*> steps;
    for (const Step& step : routine_.steps)
      if (step.phase == phase) steps.push_back(&step);
    if (steps.size() < 2) return {};
    std::vector<std::string> shared;
    for (const std::string& cue : steps.front()->cues) {
      const bool everywhere = std::all_of(steps.begin(), steps.end(), [&](const Step* step) {
        return std::find(step->cues.begin(), step->cues.end(), cue) != step->cues.end();
      });
      if (everywhere) shared.push_back(cue);
    }
    return shared;
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
          shared = shared_cues(phase);
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
    const std::vector<std::string> references = reference_citations(routine_);
    if (references.empty()) return;
    out_ << "<div class=\"references\"><h2>References</h2>\n<ol>\n";
    for (const std::string& reference : references)
      out_ << "<li>" << escaped(reference) << "</li>\n";
    out_ << "</ol></div>\n";
  }

  const Routine& routine_;
  std::ostream& out_;
};

}  // namespace

void render_html(const Routine& routine, std::ostream& out) {
  HtmlWriter(routine, out).write();
}

}  // namespace knotplan
