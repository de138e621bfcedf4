#ifndef KNOTPLAN_ERROR_HPP_
#define KNOTPLAN_ERROR_HPP_

#include <stdexcept>
#include <string>
#include <vector>

namespace knotplan {

// The process exit codes (README, "Exit status"). Every error type below maps to exactly one.
enum class ExitCode : int {
  kOk = 0,
  kRuntimeFailure = 1,
  kUsage = 2,
  kWithheld = 3,
  kInvalidKnowledgeBase = 4,
  kInterrupted = 130,
};

// Base of every error knotplan raises on purpose. `what()` is the one-line message shown
// after "knotplan: error: "; `hint()` is an optional second line (a suggestion, the
// accepted values) and may be empty.
class Error : public std::runtime_error {
 public:
  Error(const std::string& message, std::string hint)
      : std::runtime_error(message), hint_(std::move(hint)) {}
  const std::string& hint() const { return hint_; }
  virtual ExitCode exit_code() const = 0;

 private:
  std::string hint_;
};

// A bad option value, an unknown option, a date in the future: the person can fix the
// command line.
class UsageError : public Error {
 public:
  explicit UsageError(const std::string& message, std::string hint = {})
      : Error(message, std::move(hint)) {}
  ExitCode exit_code() const override { return ExitCode::kUsage; }
};

// Reading or writing a file failed (missing knowledge base file, unwritable output).
class IoError : public Error {
 public:
  explicit IoError(const std::string& message, std::string hint = {})
      : Error(message, std::move(hint)) {}
  ExitCode exit_code() const override { return ExitCode::kRuntimeFailure; }
};

// One thing wrong with a knowledge base, located by a JSON path ("/rules/3/then/add/0")
// or an id, so that a person can find it in the file.
struct Problem {
  std::string where;
  std::string message;
};

// A knowledge base that cannot be used. Holds every problem found, not only the first.
class KnowledgeBaseError : public Error {
 public:
  KnowledgeBaseError(const std::string& source, std::vector<Problem> problems);
  const std::string& source() const { return source_; }
  const std::vector<Problem>& problems() const { return problems_; }
  ExitCode exit_code() const override { return ExitCode::kInvalidKnowledgeBase; }

 private:
  std::string source_;
  std::vector<Problem> problems_;
};

}  // namespace knotplan

#endif  // KNOTPLAN_ERROR_HPP_
