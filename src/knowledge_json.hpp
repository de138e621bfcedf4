#ifndef KNOTPLAN_SRC_KNOWLEDGE_JSON_HPP_
#define KNOTPLAN_SRC_KNOWLEDGE_JSON_HPP_

#include <nlohmann/json.hpp>

#include "knotplan/knowledge.hpp"

namespace knotplan {

// Model entries back in the knowledge-base file's format, field order kept,
// so that 'list' and 'show' print what a person would write in their own file.
nlohmann::ordered_json area_json(const Area& area);
nlohmann::ordered_json source_json(const Source& source);
nlohmann::ordered_json stage_json(const Stage& stage);
nlohmann::ordered_json cause_json(const Cause& cause);
nlohmann::ordered_json equipment_json(const Equipment& equipment);
nlohmann::ordered_json symptom_json(const Symptom& symptom);
nlohmann::ordered_json condition_json(const RuleCondition& when);
nlohmann::ordered_json condition_json(const Condition& condition);
nlohmann::ordered_json technique_json(const Technique& technique);

}  // namespace knotplan

#endif  // KNOTPLAN_SRC_KNOWLEDGE_JSON_HPP_
