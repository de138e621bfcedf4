#include <fmt/format.h>

#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>

#include "commands.hpp"
#include "knotplan/error.hpp"
#include "knotplan/knowledge_loader.hpp"
#include "knotplan/terminal.hpp"

namespace knotplan {

namespace {

// The text to check: a file, or standard input for "-". Size limits count as problems,
// so that they are reported like every other one.
std::string text_to_check(const std::string& path, std::vector<Problem>& problems) {
  try {
    return read_knowledge_base_file(path);
  } catch (const KnowledgeBaseError& error) {
    problems = error.problems();
    return {};
  }
}

// The version of the JSON 'kb check' prints (data/schema/kb-check.schema.json).
constexpr int kKbCheckSchemaVersion = 1;

}  // namespace

int run_kb_check(const Invocation& invocation) {
  const std::string format = format_for(invocation, kListingFormats);
  const std::string& path = invocation.argument;
  if (path.empty())
    throw UsageError("'knotplan kb check' needs a file",
                     "for example: knotplan kb check my-kb.json (or - for standard input)");
  std::vector<Problem> problems;
  const std::string text = text_to_check(path, problems);
  if (problems.empty()) problems = check_knowledge_base(text);

  std::ostringstream out;
  const std::string shown = path == "-" ? "(standard input)" : path;
  std::vector<Problem> warnings;
  if (problems.empty()) warnings = knowledge_warnings(load_knowledge_base(text, shown));
  if (format == "json") {
    nlohmann::ordered_json report{
        {"schema_version", kKbCheckSchemaVersion}, {"file", shown}, {"valid", problems.empty()}};
    for (const auto& [key, list] : {std::pair{"problems", &problems}, {"warnings", &warnings}}) {
      report[key] = nlohmann::ordered_json::array();
      for (const Problem& problem : *list)
        report[key].push_back({{"where", problem.where}, {"message", problem.message}});
    }
    out << escape_hidden_characters(
               report.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace))
        << '\n';
  } else if (problems.empty()) {
    const KnowledgeBase kb = load_knowledge_base(text, shown);
    for (const Problem& warning : warnings)
      out << printable(fmt::format("{}: {}: warning: {}", shown, warning.where, warning.message))
          << '\n';
    out << fmt::format("{}: valid ({} techniques, {} rules, {} areas{})\n", printable(shown),
                       kb.techniques.size(), kb.rules.size(), kb.areas.size(),
                       warnings.empty()       ? ""
                       : warnings.size() == 1 ? ", 1 warning"
                                              : fmt::format(", {} warnings", warnings.size()));
  } else {
    for (const Problem& problem : problems)
      out << printable(fmt::format("{}: {}: {}", shown, problem.where, problem.message)) << '\n';
    out << fmt::format("{}: {} problem{}\n", printable(shown), problems.size(),
                       problems.size() == 1 ? "" : "s");
  }
  emit(invocation, out.str());
  return static_cast<int>(problems.empty() ? ExitCode::kOk : ExitCode::kInvalidKnowledgeBase);
}

int run_kb_export(const Invocation& invocation) {
  emit(invocation, builtin_knowledge_base_text());
  return 0;
}

}  // namespace knotplan
