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

// An empty text is absent: null.
void text_or_null(JsonWriter& json, const char* key, const std::string& text) {
  json.key(key);
  if (text.empty()) {
    json.null();
  } else {
    json.value(text);
  }
}

void write_request(JsonWriter& json, const Request& request) {
  json.begin_object();
  json.field("area", request.areas.front());  // the first area, as in schema_version 1
  json.field("areas", request.areas);
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
  json.field("cautions", step.cautions);
  json.field("because", step.because);
  json.end_object();
}

// `name`: an array with one object per item, its fields written by `write_fields`.
template <typename Items, typename WriteFields>
void objects_field(JsonWriter& json, std::string_view name, const Items& items,
                   WriteFields write_fields) {
  json.key(name);
  json.begin_array();
  for (const auto& item : items) {
    json.begin_object();
    write_fields(item);
    json.end_object();
  }
  json.end_array();
}

// The shape the session was composed to; null for a withheld routine.
void write_session(JsonWriter& json, const SessionPlan& session) {
  if (session.shape.empty()) {
    json.null();
    return;
  }
  json.begin_object();
  json.field("shape", session.shape);
  json.field("why", session.why);
  objects_field(json, "phases", session.phases, [&](const SessionPhase& phase) {
    json.field("phase", phase_id(phase.phase));
    json.field("min_seconds", phase.min_seconds);
    json.field("max_seconds", phase.max_seconds);
    json.field("seconds", phase.seconds);
  });
  objects_field(json, "requirements", session.requirements,
                [&](const SessionRequirement& requirement) {
                  json.field("tags", requirement.tags);
                  json.field("from_minutes", requirement.from_minutes);
                  json.field("why", requirement.why);
                  json.field("applies", requirement.applies);
                  json.field("met", requirement.met);
                });
  json.end_object();
}

}  // namespace

std::string request_json(const Request& request) {
  std::string text;
  JsonWriter json(text);
  write_request(json, request);
  return text;
}

void render_json(const Routine& routine, std::ostream& out) {
  std::string text;
  text.reserve(16 * 1024);
  JsonWriter json(text);
  json.begin_object();
  json.field("schema_version", kRoutineSchemaVersion);
  json.field("status", routine.status == Status::kOk ? "ok" : "withheld");
  json.key("request");
  write_request(json, routine.request);
  json.field("total_seconds", routine.total_seconds);
  json.key("steps");
  json.begin_array();
  for (const Step& step : routine.steps) write_step(json, step);
  json.end_array();
  text_or_null(json, "pressure_scale", routine.pressure_scale);
  objects_field(json, "watch_for", routine.watch_for, [&](const WarningLine& line) {
    json.field("level", level_id(line.level));
    json.field("text", line.text);
  });
  json.field("advice", routine.advice);
  json.field("cautions", routine.cautions);
  json.key("see_a_professional");
  if (routine.see_a_professional) {
    json.begin_object();
    json.field("level", level_id(routine.see_a_professional->level));
    objects_field(json, "reasons", routine.see_a_professional->reasons,
                  [&](const RoutineReason& reason) {
                    json.field("level", level_id(reason.level));
                    json.field("message", reason.message);
                    text_or_null(json, "symptom", reason.symptom);
                    text_or_null(json, "rule", reason.rule);
                  });
    json.end_object();
  } else {
    json.null();
  }
  text_or_null(json, "disclaimer", routine.disclaimer);
  json.field("rules_fired", routine.rules_fired);
  objects_field(json, "references", routine.references, [&](const RoutineSource& source) {
    json.field("id", source.id);
    json.field("authors", source.authors);
    json.field("title", source.title);
    json.key("year");
    number_or_null(json, source.year);
    json.field("publisher", source.publisher);
    json.key("url");
    if (source.url) {
      json.value(*source.url);
    } else {
      json.null();
    }
    json.field("kind", source.kind);
  });
  if (routine.request.explain) {
    json.key("explain");
    json.begin_object();
    objects_field(json, "rules", routine.trace, [&](const TraceEntry& entry) {
      json.field("rule", entry.rule);
      json.field("why", entry.why);
      json.field("effects", entry.effects);
    });
    json.field("left_out", routine.planner_notes);
    json.key("session");
    write_session(json, routine.session);
    // Only for a plan that read a history, so that one without stays as it was.
    if (!routine.history_facts.empty()) json.field("history", routine.history_facts);
    json.end_object();
  }
  json.end_object();
  text += '\n';
  out << text;
}

}  // namespace knotplan
