#include "wording.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "knotplan/render_knowledge.hpp"
#include "text_layout.hpp"

namespace knotplan {

std::string phase_heading(Phase phase) {
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

std::string withheld_text(Level level) {
  return level == Level::kEmergency ? "No routine today. This is an emergency."
                                    : "No routine today. See a doctor today.";
}

std::string referral_text(Level level) {
  switch (level) {
    case Level::kEmergency:
      return "Get help now";
    case Level::kDoctor:
      return "See a doctor";
    case Level::kPhysio:
      return "See a physiotherapist";
  }
  return "";
}

std::string reason_text(const RoutineReason& reason) {
  if (reason.symptom_name.empty()) return reason.message;
  return reason.symptom_name + ": " + reason.message;
}

std::vector<ExplainSection> explanation(const Routine& routine) {
  std::vector<ExplainSection> sections;
  if (!routine.history_facts.empty()) {
    ExplainSection history{"From your log", {}, true};
    for (const std::string& fact : routine.history_facts) history.lines.push_back({fact, {}});
    sections.push_back(std::move(history));
  }
  const SessionPlan& session = routine.session;
  if (!session.shape.empty()) {
    ExplainLine shape{fmt::format("{}: {}", session.shape, session.why), {}};
    for (const SessionPhase& phase : session.phases)
      shape.details.push_back(fmt::format("{}: {} of {} to {}", phase_id(phase.phase),
                                          clock_time(phase.seconds), clock_time(phase.min_seconds),
                                          clock_time(phase.max_seconds)));
    for (const SessionRequirement& requirement : session.requirements)
      shape.details.push_back(fmt::format(
          "{} from {} min: {} ({})", fmt::join(requirement.tags, " or "), requirement.from_minutes,
          !requirement.applies ? "not at this length"
          : requirement.met    ? "in"
                               : "nothing usable fitted",
          requirement.why));
    sections.push_back({"Session shape", {std::move(shape)}});
  }
  ExplainSection why{"Why this routine", {}};
  for (const TraceEntry& entry : routine.trace)
    why.lines.push_back({fmt::format("{}: {}", entry.rule, entry.why), entry.effects});
  sections.push_back(std::move(why));
  if (!routine.planner_notes.empty()) {
    ExplainSection left_out{"Left out", {}, true};
    for (const std::string& note : routine.planner_notes) left_out.lines.push_back({note, {}});
    sections.push_back(std::move(left_out));
  }
  return sections;
}

std::vector<std::string> watch_texts(const Routine& routine) {
  std::vector<std::string> texts;
  for (const WarningLine& line : routine.watch_for) texts.push_back(line.text);
  return texts;
}

std::string readable_id(const std::string& id) {
  std::string text = id;
  std::replace(text.begin(), text.end(), '-', ' ');
  return text;
}

std::string readable_list(const std::vector<std::string>& ids) {
  std::vector<std::string> words;
  for (const std::string& id : ids) words.push_back(readable_id(id));
  return fmt::format("{}", fmt::join(words, ", "));
}

std::string request_summary(const Routine& routine) {
  const Request& request = routine.request;
  std::string summary =
      fmt::format("Since {} · {} · cause: {} · pain {}/10 · {} min", request.since.input,
                  routine.stage_name, routine.cause_name, request.pain, request.minutes);
  if (request.side != Side::kBoth) summary += " · " + side_text(request.side);
  if (!request.equipment.empty()) summary += " · with " + readable_list(request.equipment);
  if (!request.conditions.empty())
    summary += " · adjusted for " + readable_list(request.conditions);
  if (request.age) summary += fmt::format(" · age {}", *request.age);
  return summary;
}

std::string step_facts(const Step& step) {
  std::vector<std::string> facts{readable_id(step.target), side_text(step.side)};
  if (step.pressure) facts.push_back(fmt::format("pressure {}/10", pressure_range(*step.pressure)));
  if (step.hold_seconds && step.reps)
    facts.push_back(fmt::format("{} × {} s", *step.reps, *step.hold_seconds));
  if (!step.equipment.empty()) facts.push_back(readable_list(step.equipment));
  return fmt::format("{}", fmt::join(facts, " · "));
}

void walk_steps(const Routine& routine, const std::function<void(Phase)>& begin_phase,
                const std::function<void(const Step&, const Step* same_as)>& each_step) {
  std::optional<Phase> phase;
  const Step* previous = nullptr;
  for (const Step& step : routine.steps) {
    if (phase != step.phase) {
      phase = step.phase;
      begin_phase(step.phase);
    }
    const bool mirror = previous != nullptr && previous->technique == step.technique &&
                        previous->target == step.target && previous->side != step.side;
    each_step(step, mirror ? previous : nullptr);
    previous = &step;
  }
}

std::vector<std::string> reference_citations(const Routine& routine) {
  std::vector<std::string> lines;
  for (const RoutineSource& source : routine.references)
    lines.push_back(citation(Source{
        source.id, source.authors, source.title, source.year, source.publisher,
        source.url ? std::optional<std::string_view>(*source.url) : std::nullopt, source.kind}));
  return lines;
}

std::string pressure_range(const PressureRange& pressure) {
  if (pressure.min == pressure.max) return std::to_string(pressure.max);
  return fmt::format("{}–{}", pressure.min, pressure.max);
}

bool same_words(const Step& first, const Step& second) {
  return first.instructions == second.instructions && first.cues == second.cues;
}

}  // namespace knotplan
