#include "knotplan/knowledge_loader.hpp"

#include <fmt/format.h>

#include "json_reader.hpp"
#include "knotplan/file_reading.hpp"
#include "knotplan/terminal.hpp"
#include "knowledge_parser.hpp"

namespace knotplan {

namespace {

std::string describe(const std::vector<Problem>& problems) {
  if (problems.empty()) return "no problems";
  const Problem& first = problems.front();
  return fmt::format("{}: {}", first.where, first.message);
}

// Parses and checks; fills `kb` only when `problems` stays empty.
std::vector<Problem> parse_and_check(std::string_view text, KnowledgeBase* kb) {
  std::vector<Problem> problems;
  if (text.size() > kMaxKnowledgeBaseBytes) {
    problems.push_back({"/", fmt::format("the file is {} bytes; the limit is {} bytes", text.size(),
                                         kMaxKnowledgeBaseBytes)});
    return problems;
  }
  const auto root = parse_json(text, kMaxKnowledgeBaseDepth, problems);
  if (!root) return problems;
  KnowledgeBase parsed = parse_knowledge_base(*root, problems);
  if (root->is_object()) {
    check_references(parsed, problems);
    check_symptom_texts(parsed, problems);
  }
  if (problems.empty() && kb != nullptr) *kb = std::move(parsed);
  return problems;
}

}  // namespace

KnowledgeBaseError::KnowledgeBaseError(const std::string& source, std::vector<Problem> problems)
    : Error(
          fmt::format("invalid knowledge base {}: {}", shortened(source), describe(problems)),
          problems.size() > 1
              ? fmt::format("{} more problem{}; 'knotplan kb check {}' lists them all",
                            problems.size() - 1, problems.size() == 2 ? "" : "s", shortened(source))
              : std::string{}),
      source_(source),
      problems_(std::move(problems)) {}

std::vector<Problem> check_knowledge_base(std::string_view text) {
  return parse_and_check(text, nullptr);
}

KnowledgeBase load_knowledge_base(std::string_view text, const std::string& source) {
  KnowledgeBase kb;
  std::vector<Problem> problems = parse_and_check(text, &kb);
  if (!problems.empty()) throw KnowledgeBaseError(source, std::move(problems));
  return kb;
}

std::string read_knowledge_base_file(const std::string& path, std::size_t max_bytes) {
  FileContent content = read_whole_file(path, max_bytes);
  if (content.status == FileContent::Status::kTooLarge)
    throw KnowledgeBaseError(
        path == "-" ? "(standard input)" : path,
        {{"/", fmt::format("the input is larger than the limit of {} bytes", max_bytes)}});
  if (content.status != FileContent::Status::kRead)
    throw IoError(fmt::format("cannot read knowledge base {}: {}", quote_value(path),
                              reason_not_read(content, max_bytes)),
                  "check the file's path and that you may read it");
  return std::move(content.text);
}

}  // namespace knotplan
