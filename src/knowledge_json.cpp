#include "knowledge_json.hpp"

#include "pose_parser.hpp"

namespace knotplan {

using Json = nlohmann::ordered_json;

namespace {

Json named_json(const Named& entry) {
  return Json{{"id", entry.id}, {"name", entry.name}, {"aliases", entry.aliases}};
}

// Causes and conditions: a named entry with a description.
template <typename Entry>
Json described_json(const Entry& entry) {
  Json json = named_json(entry);
  json["description"] = entry.description;
  return json;
}

}  // namespace

Json area_json(const Area& area) {
  Json json = named_json(area);
  json["muscles"] = area.muscles;
  json["related"] = area.related;
  json["target_only"] = area.target_only;
  return json;
}

Json stage_json(const Stage& stage) {
  Json json = named_json(stage);
  json["max_hours"] = stage.max_hours ? Json(*stage.max_hours) : Json(nullptr);
  json["description"] = stage.description;
  return json;
}

Json cause_json(const Cause& cause) {
  return described_json(cause);
}

Json equipment_json(const Equipment& equipment) {
  Json json = named_json(equipment);
  json["always_available"] = equipment.always_available;
  json["substitutes"] = equipment.substitutes;
  return json;
}

Json condition_json(const RuleCondition& when) {
  Json json = Json::object();
  const std::pair<const char*, List<std::string_view>> lists[] = {
      {"area", when.areas},          {"stage", when.stages},     {"cause", when.causes},
      {"equipment", when.equipment}, {"symptom", when.symptoms}, {"condition", when.conditions}};
  for (const auto& [key, ids] : lists)
    if (!ids.empty()) json[key] = ids;
  const std::pair<const char*, const std::optional<Bounds>&> bounds[] = {
      {"pain", when.pain}, {"minutes", when.minutes}, {"age", when.age}};
  for (const auto& [key, value] : bounds) {
    if (!value) continue;
    Json range = Json::object();
    if (value->min) range["min"] = *value->min;
    if (value->max) range["max"] = *value->max;
    json[key] = std::move(range);
  }
  return json;
}

Json symptom_json(const Symptom& symptom) {
  Json json{{"id", symptom.id}, {"name", symptom.name}, {"phrases", symptom.phrases}};
  if (symptom.question) json["question"] = *symptom.question;
  if (!(symptom.ask == RuleCondition{})) json["ask"] = condition_json(symptom.ask);
  Json answers = Json::array();
  for (const SymptomAnswer& answer : symptom.answers) {
    Json entry = Json::object();
    if (!(answer.when == RuleCondition{})) entry["when"] = condition_json(answer.when);
    entry["action"] = symptom_action_id(answer.action);
    if (answer.action != SymptomAction::kAdvise) entry["level"] = level_id(answer.level);
    entry["message"] = answer.message;
    answers.push_back(std::move(entry));
  }
  json["answers"] = std::move(answers);
  json["sources"] = symptom.sources;
  return json;
}

Json source_json(const Source& source) {
  return Json{{"id", source.id},
              {"authors", source.authors},
              {"title", source.title},
              {"year", source.year ? Json(*source.year) : Json(nullptr)},
              {"publisher", source.publisher},
              {"url", source.url ? Json(*source.url) : Json(nullptr)},
              {"kind", source.kind}};
}

Json condition_json(const Condition& condition) {
  return described_json(condition);
}

Json technique_json(const Technique& technique) {
  Json json{{"id", technique.id},
            {"name", technique.name},
            {"phase", phase_id(technique.phase)},
            {"tags", technique.tags},
            {"areas", technique.areas},
            {"equipment", technique.equipment},
            {"seconds",
             {{"min", technique.seconds.min},
              {"default", technique.seconds.usual},
              {"max", technique.seconds.max}}},
            {"per_side", technique.per_side},
            {"pressure", nullptr}};
  if (technique.pressure)
    json["pressure"] = Json{{"min", technique.pressure->min}, {"max", technique.pressure->max}};
  if (technique.reps) {
    json["hold_seconds"] = *technique.hold_seconds;
    json["reps"] = *technique.reps;
  }
  if (technique.pose) json["pose"] = pose_to_json(*technique.pose);
  if (technique.beats)
    json["beats"] = Json{{"press", technique.beats->press}, {"release", technique.beats->release}};
  json["instructions"] = technique.instructions;
  json["cues"] = technique.cues;
  json["cautions"] = technique.cautions;
  json["sources"] = technique.sources;
  if (technique.same_on_every_area) json["same_on_every_area"] = true;
  if (!technique.placements.empty()) {
    Json placements = Json::object();
    for (const Placement& placement : technique.placements) {
      Json entry{{"instructions", placement.instructions}};
      if (!placement.cautions.empty()) entry["cautions"] = placement.cautions;
      placements[std::string(placement.target)] = std::move(entry);
    }
    json["placements"] = std::move(placements);
  }
  if (technique.group) json["group"] = *technique.group;
  if (technique.if_no_room) json["if_no_room"] = *technique.if_no_room;
  if (technique.progression) {
    Json progression{{"add_reps", technique.progression->add_reps},
                     {"max_reps", technique.progression->max_reps}};
    if (technique.progression->harder) progression["harder"] = *technique.progression->harder;
    json["progression"] = std::move(progression);
  }
  return json;
}

}  // namespace knotplan
