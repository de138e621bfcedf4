#include <nlohmann/json.hpp>

#include "history_days.hpp"
#include "json_writer.hpp"
#include "knotplan/render_history.hpp"
#include "knotplan/request.hpp"
#include "knotplan/terminal.hpp"

namespace knotplan {

namespace {

// The ids of the contract, spelled here so that the JSON does not change if the words a
// person reads do.
const char* source_text(SessionSource source) {
  return source == SessionSource::kGuide ? "guide" : "log";
}

const char* rating_text(Rating rating) {
  return rating == Rating::kUp ? "up" : "down";
}

void pain(JsonWriter& json, std::string_view name, const std::optional<int>& value) {
  json.key(name);
  if (value) {
    json.value(*value);
  } else {
    json.null();
  }
}

void average(JsonWriter& json, std::string_view name, const std::optional<double>& value) {
  json.key(name);
  if (value) {
    json.value(rounded_pain(*value));
  } else {
    json.null();
  }
}

// The request a guided session played, as the object it was stored as; null when there is
// none or the stored text is not one JSON object (a damaged database is shown, not fatal).
void request(JsonWriter& json, const std::string& text) {
  json.key("request");
  const auto start = text.find_first_not_of(" \t\r\n");
  if (start == std::string::npos || text[start] != '{' || !nlohmann::json::accept(text)) {
    json.null();
    return;
  }
  json.raw_value(
      escape_hidden_characters(text.substr(start, text.find_last_not_of(" \t\r\n") + 1 - start)));
}

void session(JsonWriter& json, const SessionRecord& record) {
  json.begin_object();
  json.field("id", static_cast<long>(record.id));
  json.field("date", date_text(record.date));
  json.field("recorded_at", record.recorded_at);
  json.field("source", source_text(record.source));
  json.field("areas", record.areas);
  pain(json, "pain_before", record.pain_before);
  pain(json, "pain_after", record.pain_after);
  json.field("seconds", record.seconds);
  json.field("note", record.note);
  request(json, record.request_json);
  json.key("steps");
  json.begin_array();
  for (const StepOutcome& step : record.steps) {
    json.begin_object();
    json.field("technique", step.technique);
    json.field("target", step.target);
    json.field("side", side_id(step.side));
    json.field("done", step.done);
    json.field("seconds", step.seconds);
    json.end_object();
  }
  json.end_array();
  json.key("ratings");
  json.begin_array();
  for (const TechniqueRating& rating : record.ratings) {
    json.begin_object();
    json.field("technique", rating.technique);
    json.field("rating", rating_text(rating.rating));
    json.end_object();
  }
  json.end_array();
  json.end_object();
}

void area(JsonWriter& json, const HistoryView& view, const AreaHistory& history) {
  json.begin_object();
  json.field("id", history.area);
  json.field("name", area_name(view, history.area));
  json.field("sessions", static_cast<long>(history.sessions.size()));
  json.field("first", date_text(history.days.front().date));
  json.field("last", date_text(history.days.back().date));
  json.key("days");
  json.begin_array();
  for (const HistoryDay& day : history.days) {
    json.begin_object();
    json.field("date", date_text(day.date));
    json.field("sessions", static_cast<long>(day.sessions.size()));
    json.field("guided", day.guided);
    json.field("logged", day.logged);
    json.field("seconds", day.seconds);
    average(json, "pain_before", day.pain_before);
    average(json, "pain_after", day.pain_after);
    json.end_object();
  }
  json.end_array();
  json.key("ratings");
  json.begin_array();
  for (const TechniqueTally& tally : history.ratings) {
    json.begin_object();
    json.field("technique", tally.technique);
    json.field("name", technique_name(view, tally.technique));
    json.field("up", tally.up);
    json.field("down", tally.down);
    json.field("last", date_text(tally.last));
    json.field("last_rating", tally.last_up ? "up" : "down");
    json.end_object();
  }
  json.end_array();
  json.end_object();
}

}  // namespace

std::string render_history_json(const HistoryView& view) {
  std::string out;
  out.reserve(256 + view.sessions.size() * 400);
  JsonWriter json(out);
  json.begin_object();
  json.field("schema_version", kHistorySchemaVersion);
  json.field("today", date_text(view.today));
  json.key("area");
  if (view.area) {
    json.value(*view.area);
  } else {
    json.null();
  }
  json.key("sessions");
  json.begin_array();
  for (const SessionRecord* record : shown_sessions(view)) session(json, *record);
  json.end_array();
  json.key("areas");
  json.begin_array();
  for (const AreaHistory& history : area_histories(view)) area(json, view, history);
  json.end_array();
  json.end_object();
  out += '\n';
  return out;
}

}  // namespace knotplan
