#ifndef KNOTPLAN_SRC_COMPLETIONS_HPP_
#define KNOTPLAN_SRC_COMPLETIONS_HPP_

#include <string>

#include "knotplan/knowledge.hpp"

namespace knotplan {

// A completion script for `shell` ("bash", "zsh" or "fish"), made from the option and
// command tables and the knowledge base's ids (areas, causes, equipment, symptoms,
// conditions, techniques), so that it never drifts from any of them.
// Throws UsageError for another shell.
std::string completion_script(const KnowledgeBase& kb, const std::string& shell);

}  // namespace knotplan

#endif  // KNOTPLAN_SRC_COMPLETIONS_HPP_
