#include "knotplan/knowledge_loader.hpp"

namespace knotplan {

namespace embedded {
extern const std::string_view knowledge_json;  // data/knowledge.json as text
}

// Made at build time by generate_builtin from data/knowledge.json, after the same loader
// and validator as --kb accepted it: the built-in model without any parsing at run time.
KnowledgeBase make_builtin_knowledge_base();

std::string_view builtin_knowledge_base_text() {
  return embedded::knowledge_json;
}

const KnowledgeBase& builtin_knowledge_base() {
  // Never destroyed: freeing a few thousand strings at exit is a tenth of a plan's time,
  // and the process is ending anyway. Still reachable, so leak checkers stay quiet.
  static const KnowledgeBase* const kb = new KnowledgeBase(make_builtin_knowledge_base());
  return *kb;
}

}  // namespace knotplan
