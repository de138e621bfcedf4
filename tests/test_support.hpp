#ifndef KNOTPLAN_TESTS_TEST_SUPPORT_HPP_
#define KNOTPLAN_TESTS_TEST_SUPPORT_HPP_

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "knotplan/clock.hpp"
#include "knotplan/knowledge.hpp"
#include "knotplan/request.hpp"
#include "knotplan/storage.hpp"

namespace knotplan::testing {

// What one run of the real knotplan binary did.
struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs the built binary with `arguments`. The environment is the test's own minus every
// KNOTPLAN_* variable, NO_COLOR and TERM, with XDG_CONFIG_HOME pointing nowhere (so no
// config file), plus `environment` (an empty value unsets a variable).
RunResult run_knotplan(const std::vector<std::string>& arguments,
                       const std::map<std::string, std::string>& environment = {});

// A fresh, empty folder under the system's temporary folder, removed when destroyed.
class TemporaryFolder {
 public:
  TemporaryFolder();
  ~TemporaryFolder();
  TemporaryFolder(const TemporaryFolder&) = delete;
  TemporaryFolder& operator=(const TemporaryFolder&) = delete;
  std::string path(const std::string& name) const { return root_ + "/" + name; }
  const std::string& root() const { return root_; }
  std::vector<std::string> entries() const;

 private:
  std::string root_;
};

std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& content);

// The built-in knowledge base as editable JSON, for tests that make variants of it.
nlohmann::json builtin_knowledge_json();

// Storage for model data a test builds by hand, kept for the whole test run, so that the
// views in a test's knowledge base never dangle.
Storage& test_storage();

template <typename T>
List<T> kept(std::vector<T> items) {
  return test_storage().keep(items);
}
inline List<std::string_view> kept(std::initializer_list<std::string_view> texts) {
  std::vector<std::string_view> copies;
  for (const std::string_view text : texts) copies.push_back(test_storage().keep(text));
  return test_storage().keep(copies);
}
inline std::string_view kept(std::string_view text) {
  return test_storage().keep(text);
}

// The date every test plans on, so that "YYYY-MM-DD" inputs stay stable.
inline const FixedClock kTestClock{CivilDate{2026, 11, 21}};

// A checked request against the built-in knowledge base.
Request make_request(const std::string& area, const std::string& since = "today",
                     const std::string& cause = "unknown", int minutes = 10,
                     std::vector<std::string> equipment = {});

}  // namespace knotplan::testing

#endif  // KNOTPLAN_TESTS_TEST_SUPPORT_HPP_
