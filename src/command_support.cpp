#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>

#include "commands.hpp"
#include "knotplan/error.hpp"
#include "knotplan/ids.hpp"
#include "knotplan/knowledge_loader.hpp"
#include "knotplan/output_file.hpp"
#include "knotplan/terminal.hpp"

namespace knotplan {

const KnowledgeBase& knowledge_base_for(const Invocation& invocation, KnowledgeBase& storage) {
  std::string path;
  if (invocation.knowledge_base) {
    path = *invocation.knowledge_base;
    if (path.empty())
      throw UsageError("--kb '' names no file", "give the path of a knowledge base file");
  } else if (const char* from_environment = std::getenv("KNOTPLAN_KB")) {
    path = from_environment;  // an empty KNOTPLAN_KB counts as unset
  }
  if (path.empty()) return builtin_knowledge_base();
  storage = load_knowledge_base(read_knowledge_base_file(path), path);
  return storage;
}

std::string checked_format(const std::string& format, std::initializer_list<const char*> allowed) {
  const std::string wanted = normalize_id(format);
  for (const char* name : allowed)
    if (wanted == name) return wanted;
  throw UsageError(fmt::format("--format {} is not a format here", quoted(format)),
                   fmt::format("use {}", fmt::join(allowed, " or ")));
}

void emit(const Invocation& invocation, std::string_view text) {
  if (!invocation.output) {
    write_standard_output(text);
  } else if (invocation.output->empty()) {
    throw UsageError("-o '' names no file", "give a file name, or leave out -o to print");
  } else {
    write_file_atomically(*invocation.output, text);
  }
}

bool color_for_stdout(const Invocation& invocation) {
  const ColorChoice choice = parse_color_choice(invocation.color);
  const bool to_terminal = !invocation.output && isatty(STDOUT_FILENO);
  return use_color(choice, std::getenv("NO_COLOR"), std::getenv("TERM"), to_terminal);
}

}  // namespace knotplan
