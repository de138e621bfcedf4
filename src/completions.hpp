#ifndef KNOTPLAN_SRC_COMPLETIONS_HPP_
#define KNOTPLAN_SRC_COMPLETIONS_HPP_

#include <CLI/CLI.hpp>
#include <string>

#include "knotplan/knowledge.hpp"

namespace knotplan {

// A completion script for `shell` ("bash", "zsh" or "fish"), made from the command line's
// own definition (options, subcommands) and the knowledge base's ids (areas, causes,
// equipment, symptoms, conditions, techniques), so that it never drifts from either.
// Throws UsageError for another shell.
std::string completion_script(CLI::App& app, const KnowledgeBase& kb, const std::string& shell);

}  // namespace knotplan

#endif  // KNOTPLAN_SRC_COMPLETIONS_HPP_
