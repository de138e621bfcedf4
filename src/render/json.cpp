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
  json.key("area");
  json.value(request.area);
  json.key("since");
  json.begin_object();
  json.key("input");
  json.value(request.since.input);
  json.key("hours");
  json.value(request.since.hours);
  json.key("stage");
  json.value(request.stage);
  json.end_object();
  json.key("cause");
  json.value(request.cause);
  json.key("pain");
  json.value(request.pain);
  json.key("minutes");
  json.value(request.minutes);
  json.key("equipment");
  json.strings(request.equipment);
  json.key("side");
  json.value(side_id(request.side));
  json.key("symptoms");
  json.strings(request.symptoms);
  json.key("conditions");
  json.strings(request.conditions);
  json.key("age");
  number_or_null(json, request.age);
  json.end_object();
}

void write_step(JsonWriter& json, const Step& step) {
  json.begin_object();
  json.key("index");
  json.value(step.index);
  json.key("phase");
  json.value(phase_id(step.phase));
  json.key("technique");
  json.value(step.technique);
  json.key("name");
  json.value(step.name);
  json.key("target");
  json.value(step.target);
  json.key("side");
  json.value(side_id(step.side));
  json.key("start_seconds");
  json.value(step.start_seconds);
  json.key("seconds");
  json.value(step.seconds);
  json.key("pressure");
  if (step.pressure) {
    json.begin_object();
    json.key("min");
    json.value(step.pressure->min);
    json.key("max");
    json.value(step.pressure->max);
    json.end_object();
  } else {
    json.null();
  }
  json.key("hold_seconds");
  number_or_null(json, step.hold_seconds);
  json.key("reps");
  number_or_null(json, step.reps);
  json.key("tags");
  json.strings(step.tags);
  json.key("equipment");
  json.strings(step.equipment);
  json.key("instructions");
  json.strings(step.instructions);
  json.key("cues");
  json.strings(step.cues);
  json.key("because");
  json.strings(step.because);
  json.end_object();
}

}  // namespace

void render_json(const Routine& routine, bool explain, std::ostream& out) {
  std::string text;
  text.reserve(16 * 1024);
  JsonWriter json(text);
  json.begin_object();
  json.key("schema_version");
  json.value(1);
  json.key("status");
  json.value(routine.status == Status::kOk ? "ok" : "withheld");
  json.key("request");
  write_request(json, routine.request);
  json.key("total_seconds");
  json.value(routine.total_seconds);
  json.key("steps");
  json.begin_array();
  for (const Step& step : routine.steps) write_step(json, step);
  json.end_array();
  json.key("advice");
  json.strings(routine.advice);
  json.key("cautions");
  json.strings(routine.cautions);
  json.key("see_a_professional");
  if (routine.see_a_professional) {
    json.begin_object();
    json.key("level");
    json.value(level_id(routine.see_a_professional->level));
    json.key("reason");
    json.value(routine.see_a_professional->message);
    json.end_object();
  } else {
    json.null();
  }
  json.key("rules_fired");
  json.strings(routine.rules_fired);
  if (explain) {
    json.key("explain");
    json.begin_object();
    json.key("rules");
    json.begin_array();
    for (const TraceEntry& entry : routine.trace) {
      json.begin_object();
      json.key("rule");
      json.value(entry.rule);
      json.key("why");
      json.value(entry.why);
      json.key("effects");
      json.strings(entry.effects);
      json.end_object();
    }
    json.end_array();
    json.key("left_out");
    json.strings(routine.planner_notes);
    json.end_object();
  }
  json.end_object();
  text += '\n';
  out << text;
}

}  // namespace knotplan
