#include "json_writer.hpp"
#include "knotplan/render.hpp"

namespace knotplan {

namespace {

template <typename Number>
void number_or_null(JsonWriter& json, const std::optional<Number>& value) {
  if (value) {
    json.value(*value);
  } else {
    json.null();
  }
}

void write_request(JsonWriter& json, const Request& request) {
  json.begin_object();
  json.field("area", request.area);
  json.key("since");
  json.begin_object();
  json.field("input", request.since.input);
  json.field("hours", request.since.hours);
  json.field("stage", request.stage);
  json.end_object();
  json.field("cause", request.cause);
  json.field("pain", request.pain);
  json.field("minutes", request.minutes);
  json.field("equipment", request.equipment);
  json.field("side", side_id(request.side));
  json.field("symptoms", request.symptoms);
  json.field("conditions", request.conditions);
  json.key("age");
  number_or_null(json, request.age);
  json.end_object();
}

void write_step(JsonWriter& json, const Step& step) {
  json.begin_object();
  json.field("index", step.index);
  json.field("phase", phase_id(step.phase));
  json.field("technique", step.technique);
  json.field("name", step.name);
  json.field("target", step.target);
  json.field("side", side_id(step.side));
  json.field("start_seconds", step.start_seconds);
  json.field("seconds", step.seconds);
  json.key("pressure");
  if (step.pressure) {
    json.begin_object();
    json.field("min", step.pressure->min);
    json.field("max", step.pressure->max);
    json.end_object();
  } else {
    json.null();
  }
  json.key("hold_seconds");
  number_or_null(json, step.hold_seconds);
  json.key("reps");
  number_or_null(json, step.reps);
  json.field("tags", step.tags);
  json.field("equipment", step.equipment);
  json.field("instructions", step.instructions);
  json.field("cues", step.cues);
  json.field("because", step.because);
  json.end_object();
}

}  // namespace

void render_json(const Routine& routine, std::ostream& out) {
  std::string text;
  text.reserve(16 * 1024);
  JsonWriter json(text);
  json.begin_object();
  json.field("schema_version", 1);
  json.field("status", routine.status == Status::kOk ? "ok" : "withheld");
  json.key("request");
  write_request(json, routine.request);
  json.field("total_seconds", routine.total_seconds);
  json.key("steps");
  json.begin_array();
  for (const Step& step : routine.steps) write_step(json, step);
  json.end_array();
  json.field("advice", routine.advice);
  json.field("cautions", routine.cautions);
  json.key("see_a_professional");
  if (routine.see_a_professional) {
    json.begin_object();
    json.field("level", level_id(routine.see_a_professional->level));
    json.field("reason", routine.see_a_professional->message);
    json.end_object();
  } else {
    json.null();
  }
  json.field("rules_fired", routine.rules_fired);
  if (routine.request.explain) {
    json.key("explain");
    json.begin_object();
    json.key("rules");
    json.begin_array();
    for (const TraceEntry& entry : routine.trace) {
      json.begin_object();
      json.field("rule", entry.rule);
      json.field("why", entry.why);
      json.field("effects", entry.effects);
      json.end_object();
    }
    json.end_array();
    json.field("left_out", routine.planner_notes);
    json.end_object();
  }
  json.end_object();
  text += '\n';
  out << text;
}

}  // namespace knotplan
