#include <fmt/color.h>
#include <fmt/format.h>

#include <algorithm>

#include "knotplan/render.hpp"
#include "knotplan/terminal.hpp"
#include "text_layout.hpp"

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

const char* phase_heading(Phase phase) {
  switch (phase) {
    case Phase::kWarmUp:
      return "Warm up";
    case Phase::kRelease:
      return "Release";
    case Phase::kStretch:
      return "Stretch";
    case Phase::kRecover:
      return "Recover";
  }
  return "";
}

std::string side_text(Side side) {
  switch (side) {
    case Side::kLeft:
      return "left side";
    case Side::kRight:
      return "right side";
    case Side::kBoth:
      break;
  }
  return "both sides";
}

std::string readable_id(const std::string& id) {
  std::string text = id;
  std::replace(text.begin(), text.end(), '-', ' ');
  return text;
}

std::string level_text(Level level) {
  switch (level) {
    case Level::kEmergency:
      return "EMERGENCY";
    case Level::kDoctor:
      return "See a doctor today";
    case Level::kPhysio:
      return "See a physiotherapist";
  }
  return "";
}

class TextWriter {
 public:
  TextWriter(const Routine& routine, const TextOptions& options, std::ostream& out)
      : routine_(routine),
        theme_(options.color),
        width_(static_cast<std::size_t>(std::max(40, options.width))),
        explain_(options.explain),
        out_(out) {}

  void write() {
    header();
    if (routine_.status == Status::kWithheld) {
      withheld();
    } else {
      steps();
      professional();
      list("Advice", routine_.advice);
    }
    cautions();
    if (explain_) explanation();
  }

 private:
  // Writes `text` wrapped, the first line after `first`, the rest after `rest`
  // (both the same width).
  void paragraph(std::string_view first, std::string_view rest, const std::string& text,
                 const fmt::text_style& style = {}) {
    const std::size_t indent = display_width(first);
    const auto lines = wrap_words(printable(text), width_ > indent + 20 ? width_ - indent : 20);
    for (std::size_t i = 0; i < lines.size(); ++i)
      out_ << (i == 0 ? first : rest) << fmt::format(style, "{}", lines[i]) << '\n';
  }

  void header() {
    const Request& request = routine_.request;
    out_ << fmt::format(theme_.title, "Self-massage routine: {}", printable(routine_.area_name))
         << '\n';
    std::string summary =
        fmt::format("Since {} · {} · cause: {} · pain {}/10 · {} min", request.since.input,
                    routine_.stage_name, routine_.cause_name, request.pain, request.minutes);
    if (request.side != Side::kBoth) summary += " · " + side_text(request.side);
    if (!request.equipment.empty())
      summary += fmt::format(" · with {}", readable_list(request.equipment));
    paragraph("", "", summary, theme_.quiet);
    if (!request.conditions.empty())
      paragraph("", "", "Adjusted for: " + readable_list(request.conditions), theme_.quiet);
    if (request.age) paragraph("", "", fmt::format("Age: {}", *request.age), theme_.quiet);
    if (routine_.status == Status::kOk)
      out_ << fmt::format("{} steps, {} in all.\n", routine_.steps.size(),
                          clock_time(routine_.total_seconds));
  }

  static std::string readable_list(const std::vector<std::string>& ids) {
    std::vector<std::string> words;
    for (const std::string& id : ids) words.push_back(readable_id(id));
    return fmt::format("{}", fmt::join(words, ", "));
  }

  void withheld() {
    const Referral& stop = *routine_.see_a_professional;
    out_ << '\n'
         << fmt::format(theme_.alert, "No routine today. {}.", level_text(stop.level)) << '\n';
    paragraph("  ", "  ", stop.message);
  }

  void steps() {
    std::optional<Phase> phase;
    const Step* previous = nullptr;
    for (const Step& step : routine_.steps) {
      if (phase != step.phase) {
        phase = step.phase;
        out_ << '\n' << fmt::format(theme_.heading, "{}", phase_heading(step.phase)) << '\n';
      }
      // The second side of a per-side technique points back instead of repeating it.
      const bool mirror = previous != nullptr && previous->technique == step.technique &&
                          previous->target == step.target && previous->side != step.side;
      one_step(step, mirror ? previous : nullptr);
      previous = &step;
    }
  }

  void one_step(const Step& step, const Step* same_as) {
    // " 3  2:00  Name ..........  1 min 30 s": number, start, name, then the length.
    const std::string lead =
        fmt::format("{:>3}  {:>5}  ", step.index, clock_time(step.start_seconds));
    const std::string length = duration(step.seconds);
    const std::string name = printable(step.name);
    const std::size_t used = display_width(lead) + display_width(name) + display_width(length);
    const std::size_t gap = used + 2 <= width_ ? width_ - used : 2;
    out_ << lead << fmt::format(theme_.step, "{}", name) << std::string(gap, ' ') << length << '\n';

    const std::string indent(display_width(lead), ' ');
    std::vector<std::string> facts{readable_id(step.target), side_text(step.side)};
    if (step.pressure) {
      facts.push_back(fmt::format("pressure {}–{}/10", step.pressure->min, step.pressure->max));
    }
    if (step.hold_seconds && step.reps)
      facts.push_back(fmt::format("{} × {} s", *step.reps, *step.hold_seconds));
    if (!step.equipment.empty()) facts.push_back(readable_list(step.equipment));
    paragraph(indent, indent, fmt::format("{}", fmt::join(facts, " · ")), theme_.quiet);
    if (same_as != nullptr) {
      paragraph(indent, indent,
                fmt::format("Same as step {}, on the {}.", same_as->index, side_text(step.side)));
      return;
    }
    for (const std::string& line : step.instructions) paragraph(indent + "- ", indent + "  ", line);
    for (const std::string& cue : step.cues) paragraph(indent + "> ", indent + "  ", cue);
  }

  void professional() {
    if (!routine_.see_a_professional) return;
    const Referral& referral = *routine_.see_a_professional;
    out_ << '\n' << fmt::format(theme_.heading, "{}", level_text(referral.level)) << '\n';
    paragraph("  ", "  ", referral.message);
  }

  void list(const char* heading, const std::vector<std::string>& items) {
    if (items.empty()) return;
    out_ << '\n' << fmt::format(theme_.heading, "{}", heading) << '\n';
    for (const std::string& item : items) paragraph("  * ", "    ", item);
  }

  // The disclaimer is the last caution; it closes the sheet on its own.
  void cautions() {
    const auto& all = routine_.cautions;
    if (all.empty()) return;
    list("Cautions", std::vector<std::string>(all.begin(), all.end() - 1));
    out_ << '\n';
    paragraph("", "", all.back(), theme_.quiet);
  }

  void explanation() {
    out_ << '\n' << fmt::format(theme_.heading, "Why this routine") << '\n';
    for (const TraceEntry& entry : routine_.trace) {
      paragraph("  ", "  ", fmt::format("{}: {}", entry.rule, entry.why));
      for (const std::string& effect : entry.effects) paragraph("    - ", "      ", effect);
    }
    if (!routine_.planner_notes.empty()) {
      out_ << '\n' << fmt::format(theme_.heading, "Left out") << '\n';
      for (const std::string& note : routine_.planner_notes) paragraph("  - ", "    ", note);
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
