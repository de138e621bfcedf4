#ifndef KNOTPLAN_KNOWLEDGE_LOADER_HPP_
#define KNOTPLAN_KNOWLEDGE_LOADER_HPP_

#include <string>
#include <string_view>
#include <vector>

#include "knotplan/error.hpp"
#include "knotplan/knowledge.hpp"

namespace knotplan {

// Largest knowledge base accepted, and deepest JSON nesting. A real knowledge base is a
// few hundred kilobytes and five levels deep; the limits keep a hostile file from
// exhausting memory or the stack.
inline constexpr std::size_t kMaxKnowledgeBaseBytes = 64 * 1024 * 1024;
inline constexpr int kMaxKnowledgeBaseDepth = 32;

// Parses and validates a knowledge base: JSON syntax (reported as line:column), types,
// ranges, unique ids and every cross-reference (a rule naming an unknown technique, a
// technique naming an unknown area, ...). `source` names the text in messages.
// Returns every problem found, in file order; an empty list means the text is usable.
std::vector<Problem> check_knowledge_base(std::string_view text);

// As check_knowledge_base, then builds the model.
// Throws KnowledgeBaseError (with all problems) when the text is not usable.
KnowledgeBase load_knowledge_base(std::string_view text, const std::string& source);

// What is valid but probably a mistake: a technique no rule adds (no routine can reach
// it) and equipment no technique uses, nor stands in for. Never stops a plan.
std::vector<Problem> knowledge_warnings(const KnowledgeBase& kb);

// The knowledge base compiled into the binary from data/knowledge.json.
std::string_view builtin_knowledge_base_text();

// The built-in knowledge base: constant data, checked at build time by the same loader.
const KnowledgeBase& builtin_knowledge_base();

// Reads a whole file, or standard input for "-", through read_whole_file (shared with the
// config file). Throws IoError naming the path and the reason (a folder, permissions, no
// such file) when it cannot, and KnowledgeBaseError when the input is larger than
// `max_bytes`.
std::string read_knowledge_base_file(const std::string& path,
                                     std::size_t max_bytes = kMaxKnowledgeBaseBytes);

}  // namespace knotplan

#endif  // KNOTPLAN_KNOWLEDGE_LOADER_HPP_
