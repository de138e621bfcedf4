#include "html_common.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "knotplan/terminal.hpp"
#include "wording.hpp"

namespace knotplan {

std::string html_escaped(std::string_view text) {
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

void write_page_start(const std::string& title, const char* style, std::ostream& out) {
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << html_escaped(title) << "</title>\n<style>" << style << "</style>\n"
      << "</head>\n<body>\n<main>\n";
}

void write_page_end(std::ostream& out) {
  out << "</main>\n</body>\n</html>\n";
}

void write_withheld(const Routine& routine, std::ostream& out) {
  const SeeAProfessional& stop = *routine.see_a_professional;
  out << "<h1>No routine today</h1>\n<p class=\"summary\">" << html_escaped(routine.area_name)
      << " · " << html_escaped(request_summary(routine)) << "</p>\n"
      << "<div class=\"alert\" role=\"alert\"><strong>" << html_escaped(withheld_text(stop.level))
      << "</strong>\n<ul>";
  for (const RoutineReason& reason : stop.reasons)
    out << "<li>" << html_escaped(reason_text(reason)) << "</li>";
  out << "</ul></div>\n";
}

void write_watch_for(const Routine& routine, std::ostream& out) {
  const bool refer = routine.see_a_professional.has_value();
  if (routine.watch_for.empty() && !refer) return;
  out << "<div class=\"watch\" role=\"note\">";
  if (!routine.watch_for.empty()) {
    out << "<strong>" << kWatchHeading << ":</strong><ul>";
    for (const WarningLine& line : routine.watch_for)
      out << "<li>" << html_escaped(line.text) << "</li>";
    out << "</ul>";
  }
  if (refer)
    for (const RoutineReason& reason : routine.see_a_professional->reasons)
      out << "<p class=\"professional\"><strong>" << html_escaped(referral_text(reason.level))
          << ":</strong> " << html_escaped(reason_text(reason)) << "</p>";
  out << "</div>\n";
}

void write_explained(const Routine& routine, std::ostream& out) {
  out << "<div class=\"explain\">\n";
  for (const ExplainSection& section : explanation(routine)) {
    out << "<h2>" << html_escaped(section.heading) << "</h2>\n<ul>";
    for (const ExplainLine& line : section.lines) {
      out << "<li>" << html_escaped(line.text);
      if (!line.details.empty()) {
        out << "<ul>";
        for (const std::string& detail : line.details)
          out << "<li>" << html_escaped(detail) << "</li>";
        out << "</ul>";
      }
      out << "</li>";
    }
    out << "</ul>\n";
  }
  out << "</div>\n";
}

void write_references(const Routine& routine, std::ostream& out) {
  const std::vector<std::string> references = reference_citations(routine);
  if (references.empty()) return;
  out << "<div class=\"references\"><h2>References</h2>\n<ol>\n";
  for (const std::string& reference : references)
    out << "<li>" << html_escaped(reference) << "</li>\n";
  out << "</ol></div>\n";
}

std::string pressure_gauge(const std::optional<PressureRange>& pressure) {
  if (!pressure) return "none";
  std::string svg = R"(<svg class="gauge" viewBox="0 0 100 16" aria-hidden="true">)";
  for (int level = 1; level <= 10; ++level) {
    const bool filled = level >= std::max(1, pressure->min) && level <= pressure->max;
    svg += fmt::format(
        R"(<rect x="{}" y="2" width="9" height="12" fill="{}" stroke="#000" stroke-width="1"/>)",
        (level - 1) * 10 + 0.5, filled ? "#000" : "#fff");
  }
  return svg + fmt::format("</svg>{} of 10", pressure_range(*pressure));
}

std::string day_names() {
  std::string names = R"(<div class="daynames">)";
  for (const char* day : {"M", "T", "W", "T", "F", "S", "S"})
    names += fmt::format("<span>{}</span>", day);
  return names + "</div>";
}

std::string empty_boxes(int count, const char* css_class) {
  std::string boxes;
  for (int i = 0; i < count; ++i) boxes += fmt::format(R"(<span class="{}"></span>)", css_class);
  return boxes;
}

std::vector<std::string> shared_cues(const Routine& routine, Phase phase) {
  std::vector<const Step*> steps;
  for (const Step& step : routine.steps)
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

}  // namespace knotplan
