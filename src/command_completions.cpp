#include "commands.hpp"
#include "completions.hpp"
#include "knotplan/knowledge_loader.hpp"

namespace knotplan {

int run_completions(const Invocation& invocation) {
  // Ids come from the built-in knowledge base, so the script is the same wherever made.
  emit(invocation, completion_script(builtin_knowledge_base(), invocation.argument));
  return 0;
}

}  // namespace knotplan
