#include <fmt/color.h>
#include <fmt/format.h>

#include <algorithm>

#include "knotplan/render.hpp"
#include "knotplan/terminal.hpp"
#include "text_layout.hpp"
#include "wording.hpp"

namespace knotplan {

namespace {

// Styles are empty when colour is off, and an empty style prints no escape codes.
struct Theme {
  fmt::text_style title;
  fmt::text_style heading;
  fmt::text_style step;
  fmt::text_style quiet;
  fmt::text_style alert;

  explicit Theme(bool color) {
    if (!color) return;
    title = fmt::emphasis::bold;
    heading = fmt::emphasis::bold | fmt::fg(fmt::terminal_color::cyan);
    step = fmt::emphasis::bold;
    quiet = fmt::fg(fmt::terminal_color::bright_black);
    alert = fmt::emphasis::bold | fmt::fg(fmt::terminal_color::red);
  }
};

class TextWriter {
 public:
  TextWriter(const Routine& routine, const TextOptions& options, std::ostream& out)
      : routine_(routine),
        theme_(options.color),
        width_(static_cast<std::size_t>(std::max(40, options.width))),
        explain_(routine.request.explain),
        out_(out) {}

  void write() {
    header();
    if (routine_.status == Status::kWithheld) {
      withheld();
    } else {
      // Before the steps, where a referral is read, not 100 lines down.
      watch_for();
      professional();
      steps();
      list("Advice", routine_.advice);
      list("Cautions", routine_.cautions);
      out_ << '\n';
      paragraph("", "", routine_.disclaimer, theme_.quiet);
    }
    if (explain_) explanation();
  }

 private:
  // Writes `text` wrapped, the first line after `first`, the rest after `rest`
  // (both the same width).
  void paragraph(std::string_view first, std::string_view rest, const std::string& text,
                 const fmt::text_style& style = {}) {
    const std::size_t indent = display_width(first);
    write_wrapped(out_, first, rest, text, width_ > indent + 20 ? width_ - indent : 20, style);
  }

  void header() {
    const std::string title = "Self-massage routine: " + printable(routine_.area_name);
    for (const std::string& line : wrap_words(title, width_))
      out_ << fmt::format(theme_.title, "{}", line) << '\n';
    paragraph("", "", request_summary(routine_), theme_.quiet);
    if (routine_.status != Status::kOk) return;
    out_ << fmt::format("{} steps, {} in all.\n", routine_.steps.size(),
                        clock_time(routine_.total_seconds));
    if (!routine_.pressure_scale.empty()) paragraph("", "", routine_.pressure_scale);
  }

  // What to do now, for every reason, and nothing about routines.
  void withheld() {
    const SeeAProfessional& stop = *routine_.see_a_professional;
    out_ << '\n' << fmt::format(theme_.alert, "{}", withheld_text(stop.level)) << '\n';
    for (const RoutineReason& reason : stop.reasons) paragraph("  ! ", "    ", reason_text(reason));
  }

  void watch_for() {
    if (routine_.watch_for.empty()) return;
    out_ << '\n' << fmt::format(theme_.heading, "{}:", kWatchHeading) << '\n';
    for (const WarningLine& line : routine_.watch_for) paragraph("  ! ", "    ", line.text);
  }

  void steps() {
    walk_steps(
        routine_,
        [this](Phase phase) {
          out_ << '\n' << fmt::format(theme_.heading, "{}", phase_heading(phase)) << '\n';
        },
        [this](const Step& step, const Step* same_as) { one_step(step, same_as); });
  }

  void one_step(const Step& step, const Step* same_as) {
    // " 3  2:00  Name ..........  1 min 30 s": number, start, name, then the length.
    const std::string lead =
        fmt::format("{:>3}  {:>5}  ", step.index, clock_time(step.start_seconds));
    const std::string length = duration(step.seconds);
    const std::string name = printable(step.name);
    const std::string indent(display_width(lead), ' ');
    // On a narrow terminal the name wraps under itself and the length ends its last line.
    std::vector<std::string> lines = wrap_words(name, width_ - indent.size());
    if (lines.empty()) lines.emplace_back();
    for (std::size_t i = 0; i < lines.size(); ++i) {
      out_ << (i == 0 ? lead : indent) << fmt::format(theme_.step, "{}", lines[i]);
      if (i + 1 < lines.size()) {
        out_ << '\n';
        continue;
      }
      const std::size_t used = indent.size() + display_width(lines[i]) + display_width(length);
      if (used + 2 <= width_) {
        out_ << std::string(width_ - used, ' ') << length << '\n';
      } else {
        out_ << '\n' << indent << length << '\n';
      }
    }

    paragraph(indent, indent, step_facts(step), theme_.quiet);
    if (same_as != nullptr && same_words(*same_as, step)) {
      paragraph(indent, indent,
                fmt::format("Same as step {}, on the {}.", same_as->index, side_text(step.side)));
      return;
    }
    for (const std::string& line : step.instructions) paragraph(indent + "- ", indent + "  ", line);
    for (const std::string& cue : step.cues) paragraph(indent + "> ", indent + "  ", cue);
    for (const std::string& caution : step.cautions)
      paragraph(indent + "! ", indent + "  ", caution);
  }

  void professional() {
    if (!routine_.see_a_professional) return;
    const SeeAProfessional& referral = *routine_.see_a_professional;
    out_ << '\n' << fmt::format(theme_.heading, "{}", referral_text(referral.level)) << '\n';
    for (const RoutineReason& reason : referral.reasons)
      paragraph("  * ", "    ", reason_text(reason));
  }

  void list(const char* heading, const std::vector<std::string>& items) {
    if (items.empty()) return;
    out_ << '\n' << fmt::format(theme_.heading, "{}", heading) << '\n';
    for (const std::string& item : items) paragraph("  * ", "    ", item);
  }

  void explanation() {
    for (const ExplainSection& section : knotplan::explanation(routine_)) {
      out_ << '\n' << fmt::format(theme_.heading, "{}", section.heading) << '\n';
      for (const ExplainLine& line : section.lines) {
        if (section.bulleted) {
          paragraph("  - ", "    ", line.text);
        } else {
          paragraph("  ", "  ", line.text);
        }
        for (const std::string& detail : line.details) paragraph("    - ", "      ", detail);
      }
    }
  }

  const Routine& routine_;
  Theme theme_;
  std::size_t width_;
  bool explain_;
  std::ostream& out_;
};

}  // namespace

void render_text(const Routine& routine, const TextOptions& options, std::ostream& out) {
  TextWriter(routine, options, out).write();
}

}  // namespace knotplan
