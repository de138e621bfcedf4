#include "knotplan/knowledge_loader.hpp"

namespace knotplan {

namespace embedded {
extern const std::string_view knowledge_json;  // data/knowledge.json as text
// Written at build time by generate_builtin from data/knowledge.json, after the same
// loader and validator as --kb accepted it: the model as constant data.
extern const KnowledgeBase knowledge_base;
}  // namespace embedded

std::string_view builtin_knowledge_base_text() {
  return embedded::knowledge_json;
}

const KnowledgeBase& builtin_knowledge_base() {
  return embedded::knowledge_base;
}

}  // namespace knotplan
