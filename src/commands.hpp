#ifndef KNOTPLAN_SRC_COMMANDS_HPP_
#define KNOTPLAN_SRC_COMMANDS_HPP_

#include <optional>
#include <string>
#include <string_view>

#include "knotplan/knowledge.hpp"
#include "knotplan/request.hpp"

namespace knotplan {

// What the command line asked for, before anything is checked against a knowledge base.
struct Invocation {
  RequestOptions request;
  std::string format = "text";
  std::optional<std::string> output;  // absent: standard output
  bool explain = false;
  std::optional<std::string> knowledge_base;  // absent: KNOTPLAN_KB, else the built-in one
  std::string color = "auto";
  bool guide = false;
  std::string time_scale = "1";
  bool no_bell = false;
  std::string list_kind;   // for 'list'
  std::string technique;   // for 'show'
  std::string check_path;  // for 'kb check'
};

// Each command returns the process exit code and throws knotplan::Error on failure.
int run_plan(const Invocation& invocation);
int run_list(const Invocation& invocation);
int run_show(const Invocation& invocation);
int run_kb_check(const Invocation& invocation);
int run_kb_export(const Invocation& invocation);

// --- shared by the commands ----------------------------------------------------------

// The knowledge base the invocation names: --kb, else KNOTPLAN_KB, else the built-in one.
// `storage` keeps a loaded file alive for as long as the returned reference is used.
const KnowledgeBase& knowledge_base_for(const Invocation& invocation, KnowledgeBase& storage);

// "text" or "json" (any case); throws UsageError naming the value otherwise.
std::string checked_format(const std::string& format, std::initializer_list<const char*> allowed);

// Writes the command's output to -o FILE (atomically) or standard output.
void emit(const Invocation& invocation, std::string_view text);

// Whether to colour standard output, from --color, NO_COLOR, TERM and the terminal.
bool color_for_stdout(const Invocation& invocation);

}  // namespace knotplan

#endif  // KNOTPLAN_SRC_COMMANDS_HPP_
