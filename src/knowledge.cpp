#include "knotplan/knowledge.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "knotplan/ids.hpp"

namespace knotplan {

namespace {

constexpr std::array<std::pair<Phase, const char*>, 4> kPhaseIds{{
    {Phase::kWarmUp, "warm-up"},
    {Phase::kRelease, "release"},
    {Phase::kStretch, "stretch"},
    {Phase::kRecover, "recover"},
}};

constexpr std::array<std::pair<Level, const char*>, 3> kLevelIds{{
    {Level::kPhysio, "physio"},
    {Level::kDoctor, "doctor"},
    {Level::kEmergency, "emergency"},
}};

constexpr std::array<std::pair<SymptomAction, const char*>, 3> kSymptomActionIds{{
    {SymptomAction::kWithhold, "withhold"},
    {SymptomAction::kRefer, "refer"},
    {SymptomAction::kAdvise, "advise"},
}};

template <typename Entry>
const Entry* find_by_id(List<Entry> entries, std::string_view id) {
  const auto found = std::find_if(entries.begin(), entries.end(),
                                  [&](const Entry& entry) { return entry.id == id; });
  return found == entries.end() ? nullptr : &*found;
}

}  // namespace

const char* phase_id(Phase phase) {
  for (const auto& [value, id] : kPhaseIds)
    if (value == phase) return id;
  return "release";
}

std::optional<Phase> phase_from_id(std::string_view id) {
  for (const auto& [value, name] : kPhaseIds)
    if (id == name) return value;
  return std::nullopt;
}

const char* level_id(Level level) {
  for (const auto& [value, id] : kLevelIds)
    if (value == level) return id;
  return "doctor";
}

std::optional<Level> level_from_id(std::string_view id) {
  for (const auto& [value, name] : kLevelIds)
    if (id == name) return value;
  return std::nullopt;
}

const char* symptom_action_id(SymptomAction action) {
  for (const auto& [value, id] : kSymptomActionIds)
    if (value == action) return id;
  return "withhold";
}

std::optional<SymptomAction> symptom_action_from_id(std::string_view id) {
  for (const auto& [value, name] : kSymptomActionIds)
    if (id == name) return value;
  return std::nullopt;
}

bool KnowledgeBase::operator==(const KnowledgeBase& other) const {
  return schema_version == other.schema_version && disclaimer == other.disclaimer &&
         pressure_scale == other.pressure_scale && sources == other.sources &&
         areas == other.areas && stages == other.stages && causes == other.causes &&
         equipment == other.equipment && symptoms == other.symptoms &&
         conditions == other.conditions && techniques == other.techniques && rules == other.rules &&
         limits == other.limits && sessions == other.sessions && watch_for == other.watch_for;
}

const Area* KnowledgeBase::find_area(std::string_view id) const {
  return find_by_id(areas, id);
}
const Stage* KnowledgeBase::find_stage(std::string_view id) const {
  return find_by_id(stages, id);
}
const Cause* KnowledgeBase::find_cause(std::string_view id) const {
  return find_by_id(causes, id);
}
const Equipment* KnowledgeBase::find_equipment(std::string_view id) const {
  return find_by_id(equipment, id);
}
const Symptom* KnowledgeBase::find_symptom(std::string_view id) const {
  return find_by_id(symptoms, id);
}
const Condition* KnowledgeBase::find_condition(std::string_view id) const {
  return find_by_id(conditions, id);
}
const Technique* KnowledgeBase::find_technique(std::string_view id) const {
  return find_by_id(techniques, id);
}
const Source* KnowledgeBase::find_source(std::string_view id) const {
  return find_by_id(sources, id);
}

const Technique* KnowledgeBase::technique_named(std::string_view typed) const {
  const std::string wanted = normalize_id(typed);
  for (const Technique& technique : techniques)
    if (technique.id == wanted || normalize_id(technique.name) == wanted) return &technique;
  return nullptr;
}

}  // namespace knotplan
