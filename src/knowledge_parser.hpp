#ifndef KNOTPLAN_SRC_KNOWLEDGE_PARSER_HPP_
#define KNOTPLAN_SRC_KNOWLEDGE_PARSER_HPP_

#include <nlohmann/json.hpp>
#include <vector>

#include "knotplan/error.hpp"
#include "knotplan/knowledge.hpp"

namespace knotplan {

// The technique tags; a knowledge base may use no others.
const std::vector<std::string>& known_technique_tags();

// Builds the model from parsed JSON, recording a problem for every missing, mistyped or
// out-of-range field. Entries with problems are still built (with what could be read),
// so that cross-reference checks can run over the rest.
KnowledgeBase parse_knowledge_base(const nlohmann::json& root, std::vector<Problem>& problems);

// Checks ids for uniqueness and every id one entry names for existence. The model's
// vectors are in file order, so problems can name JSON paths.
void check_references(const KnowledgeBase& kb, std::vector<Problem>& problems);

// Checks what people type and read about symptoms: each phrase is in the form it is
// matched in and names one symptom; no askable area, alone or with one condition, gets
// more than kMaxScreeningQuestions questions or kMaxWatchLines warning lines.
void check_symptom_texts(const KnowledgeBase& kb, std::vector<Problem>& problems);

}  // namespace knotplan

#endif  // KNOTPLAN_SRC_KNOWLEDGE_PARSER_HPP_
