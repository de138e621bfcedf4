#include <nlohmann/json.hpp>

#include "knotplan/render.hpp"

namespace knotplan {

namespace {

using Json = nlohmann::ordered_json;  // keeps the contract's field order

template <typename Value>
Json or_null(const std::optional<Value>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json pressure_json(const std::optional<PressureRange>& pressure) {
  if (!pressure) return nullptr;
  return Json{{"min", pressure->min}, {"max", pressure->max}};
}

Json request_json(const Request& request) {
  return Json{
      {"area", request.area},
      {"since", Json{{"input", request.since.input},
                     {"hours", request.since.hours},
                     {"stage", request.stage}}},
      {"cause", request.cause},
      {"pain", request.pain},
      {"minutes", request.minutes},
      {"equipment", request.equipment},
      {"side", side_id(request.side)},
      {"symptoms", request.symptoms},
      {"conditions", request.conditions},
      {"age", or_null(request.age)},
  };
}

Json step_json(const Step& step) {
  return Json{
      {"index", step.index},
      {"phase", phase_id(step.phase)},
      {"technique", step.technique},
      {"name", step.name},
      {"target", step.target},
      {"side", side_id(step.side)},
      {"start_seconds", step.start_seconds},
      {"seconds", step.seconds},
      {"pressure", pressure_json(step.pressure)},
      {"hold_seconds", or_null(step.hold_seconds)},
      {"reps", or_null(step.reps)},
      {"tags", step.tags},
      {"equipment", step.equipment},
      {"instructions", step.instructions},
      {"cues", step.cues},
      {"because", step.because},
  };
}

}  // namespace

void render_json(const Routine& routine, bool explain, std::ostream& out) {
  Json steps = Json::array();
  for (const Step& step : routine.steps) steps.push_back(step_json(step));
  Json professional = nullptr;
  if (routine.see_a_professional)
    professional = Json{{"level", level_id(routine.see_a_professional->level)},
                        {"reason", routine.see_a_professional->message}};
  Json document{
      {"schema_version", 1},
      {"status", routine.status == Status::kOk ? "ok" : "withheld"},
      {"request", request_json(routine.request)},
      {"total_seconds", routine.total_seconds},
      {"steps", std::move(steps)},
      {"advice", routine.advice},
      {"cautions", routine.cautions},
      {"see_a_professional", std::move(professional)},
      {"rules_fired", routine.rules_fired},
  };
  if (explain) {
    Json trace = Json::array();
    for (const TraceEntry& entry : routine.trace)
      trace.push_back(Json{{"rule", entry.rule}, {"why", entry.why}, {"effects", entry.effects}});
    document["explain"] = Json{{"rules", std::move(trace)}, {"left_out", routine.planner_notes}};
  }
  // A knowledge base may hold bytes that are not UTF-8; replace them rather than fail.
  out << document.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace knotplan
