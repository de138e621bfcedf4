#include "knotplan/knowledge_loader.hpp"

#include <catch2/catch.hpp>

#include "test_support.hpp"

using namespace knotplan;
using nlohmann::json;

namespace {

std::vector<Problem> problems_of(const json& document) {
  return check_knowledge_base(document.dump());
}

bool mentions(const std::vector<Problem>& problems, const std::string& where,
              const std::string& words) {
  for (const Problem& problem : problems)
    if (problem.where == where && problem.message.find(words) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("the built-in knowledge base has no problems", "[loader]") {
  const auto problems = check_knowledge_base(builtin_knowledge_base_text());
  for (const Problem& problem : problems) UNSCOPED_INFO(problem.where << ": " << problem.message);
  CHECK(problems.empty());
  CHECK(builtin_knowledge_base().techniques.size() >= 30);
}

TEST_CASE("the built-in model is exactly what the loader reads from data/knowledge.json",
          "[loader]") {
  // The compiled-in model is generated at build time; it must equal the JSON's, or the
  // built-in knowledge base and --kb would be two formats.
  CHECK(builtin_knowledge_base() == load_knowledge_base(builtin_knowledge_base_text(), "data"));
  KnowledgeBase changed = builtin_knowledge_base();
  std::vector<Rule> rules(changed.rules.begin(), changed.rules.end());
  rules.back().then.advice = testing::kept({"x"});
  changed.rules = testing::kept(std::move(rules));
  CHECK_FALSE(changed == builtin_knowledge_base());
}

TEST_CASE("a JSON syntax error is located at line:column", "[loader]") {
  const auto problems = check_knowledge_base("{\n  \"a\": 1,\n  \"b\": tru\n}");
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].where == "line 3:11");
  CHECK_THAT(problems[0].message, Catch::Contains("JSON syntax error"));
}

TEST_CASE("empty and truncated files are syntax errors, not crashes", "[loader]") {
  CHECK(check_knowledge_base("").at(0).where == "line 1:1");
  CHECK(check_knowledge_base("{\"areas\": [").size() == 1);
  CHECK(check_knowledge_base("[]").at(0).message == "must be an object, not an array");
}

TEST_CASE("a number too large for a double is a problem, not an escape", "[loader]") {
  // Found by fuzz_knowledge_base: nlohmann throws out_of_range, not parse_error, for it.
  const auto problems = check_knowledge_base("{\"schema_version\": 1e999}");
  REQUIRE(problems.size() == 1);
  CHECK_THAT(problems[0].message, Catch::Contains("unreadable JSON"));
  CHECK_THAT(problems[0].message, Catch::Contains("number overflow"));
}

TEST_CASE("nesting deeper than the limit is refused before parsing", "[loader]") {
  const std::string deep(100000, '[');
  const auto problems = check_knowledge_base(deep);
  REQUIRE(problems.size() == 1);
  CHECK_THAT(problems[0].message, Catch::Contains("nested deeper than"));
}

TEST_CASE("cross-references name the offending rule or technique", "[loader]") {
  json kb = testing::builtin_knowledge_json();
  kb["rules"][2]["then"]["add"][0]["technique"] = "no-such-technique";
  kb["techniques"][0]["areas"].push_back("elbow");
  const auto problems = problems_of(kb);
  const std::string rule_id = kb["rules"][2]["id"];
  const std::string technique_id = kb["techniques"][0]["id"];
  CHECK(mentions(problems, "/rules/2/then/add/0/technique",
                 "rule '" + rule_id + "' names unknown technique 'no-such-technique'"));
  CHECK(mentions(problems,
                 "/techniques/0/areas/" + std::to_string(kb["techniques"][0]["areas"].size() - 1),
                 "technique '" + technique_id + "' names unknown area 'elbow'"));
}

TEST_CASE("every problem is reported, not only the first", "[loader]") {
  json kb = testing::builtin_knowledge_json();
  kb["techniques"][1]["seconds"]["min"] = -5;
  kb["techniques"][2]["seconds"] = {{"min", 90}, {"default", 60}, {"max", 120}};
  kb["techniques"][3]["pressure"] = {{"min", 2}, {"max", 11}};
  kb["techniques"].push_back(kb["techniques"][5]);
  kb["rules"][0]["then"]["surprise"] = true;
  kb["rules"][1]["when"]["cause"] = json::array({"gardening"});
  const auto problems = problems_of(kb);
  CHECK(mentions(problems, "/techniques/1/seconds/min", "out of range"));
  CHECK(mentions(problems, "/techniques/2/seconds", "min <= default <= max"));
  CHECK(mentions(problems, "/techniques/3/pressure/max", "out of range"));
  CHECK(mentions(problems, "/techniques/" + std::to_string(kb["techniques"].size() - 1) + "/id",
                 "is used twice"));
  CHECK(mentions(problems, "/rules/0/then/surprise", "unknown key"));
  CHECK(mentions(problems, "/rules/1/when/cause/0", "unknown cause 'gardening'"));
  CHECK(problems.size() == 6);
}

TEST_CASE("wrong types and missing fields are named with their path", "[loader]") {
  json kb = testing::builtin_knowledge_json();
  kb["techniques"][0].erase("instructions");
  kb["techniques"][1]["per_side"] = "yes";
  kb["areas"][0]["name"] = 42;
  const auto problems = problems_of(kb);
  CHECK(mentions(problems, "/techniques/0/instructions", "is missing"));
  CHECK(mentions(problems, "/techniques/1/per_side", "must be true or false"));
  CHECK(mentions(problems, "/areas/0/name", "must be a string"));
}

TEST_CASE("stage windows must grow and only the last may be open-ended", "[loader]") {
  json kb = testing::builtin_knowledge_json();
  kb["stages"][1]["max_hours"] = 10;
  CHECK(mentions(problems_of(kb), "/stages/1/max_hours", "must end later than stage 'new'"));
  kb = testing::builtin_knowledge_json();
  kb["stages"][3]["max_hours"] = 5000;
  CHECK(mentions(problems_of(kb), "/stages/3/max_hours", "open-ended"));
}

TEST_CASE("held techniques must add up: hold x reps is the default", "[loader]") {
  json kb = testing::builtin_knowledge_json();
  for (json& technique : kb["techniques"]) {
    if (technique.contains("reps")) {
      technique["reps"] = 7;
      break;
    }
  }
  const auto problems = problems_of(kb);
  REQUIRE(!problems.empty());
  CHECK_THAT(problems[0].message, Catch::Contains("must equal seconds.default"));
}

TEST_CASE("load_knowledge_base throws with the source, the first problem and a count", "[loader]") {
  json kb = testing::builtin_knowledge_json();
  kb["rules"][0]["id"] = "Bad Id";
  kb["rules"][1]["sources"] = json::array();
  try {
    load_knowledge_base(kb.dump(), "custom.json");
    FAIL("no exception");
  } catch (const KnowledgeBaseError& error) {
    CHECK(error.exit_code() == ExitCode::kInvalidKnowledgeBase);
    CHECK_THAT(error.what(), Catch::StartsWith("invalid knowledge base custom.json: /rules/0/id"));
    CHECK_THAT(error.hint(), Catch::Contains("'knotplan kb check custom.json'"));
    CHECK(error.problems().size() == 2);
  }
}

TEST_CASE("reading a missing file is an I/O error naming the path", "[loader]") {
  CHECK_THROWS_AS(read_knowledge_base_file("/no/such/file.json"), IoError);
  CHECK_THROWS_WITH(read_knowledge_base_file("/no/such/file.json"),
                    Catch::Contains("/no/such/file.json"));
}

TEST_CASE("a file over the size limit is refused while reading", "[loader]") {
  testing::TemporaryFolder folder;
  testing::write_file(folder.path("big.json"), std::string(2048, ' '));
  CHECK_THROWS_AS(read_knowledge_base_file(folder.path("big.json"), 1024), KnowledgeBaseError);
  CHECK(read_knowledge_base_file(folder.path("big.json"), 4096).size() == 2048);
}
