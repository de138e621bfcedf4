#include "render/technique_drawing.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "knotplan/knowledge_loader.hpp"
#include "knotplan/planner.hpp"
#include "render/step_picture.hpp"
#include "test_support.hpp"

using namespace knotplan;
using knotplan::testing::run_knotplan;
using knotplan::testing::RunResult;
using nlohmann::json;

namespace {

// Tags open and close in order, every attribute value is quoted, and nothing is left open:
// enough to know the drawing parses as XML inside HTML or on its own.
std::string unbalanced_tag(const std::string& svg) {
  std::vector<std::string> open;
  std::size_t at = 0;
  while ((at = svg.find('<', at)) != std::string::npos) {
    const std::size_t end = svg.find('>', at);
    if (end == std::string::npos) return "an unclosed '<'";
    const std::string tag = svg.substr(at + 1, end - at - 1);
    at = end + 1;
    if (tag.empty()) return "an empty tag";
    if (tag.back() == '/') continue;
    if (tag.front() == '/') {
      const std::string name = tag.substr(1);
      if (open.empty() || open.back() != name) return "a stray </" + name + ">";
      open.pop_back();
      continue;
    }
    open.push_back(tag.substr(0, tag.find(' ')));
  }
  return open.empty() ? "" : "<" + open.back() + "> left open";
}

std::string attribute(const std::string& svg, const std::string& name) {
  const std::string key = " " + name + "=\"";
  const std::size_t at = svg.find(key);
  if (at == std::string::npos) return "";
  const std::size_t start = at + key.size();
  return svg.substr(start, svg.find('"', start) - start);
}

std::vector<std::string> ids_in(const std::string& svg) {
  std::vector<std::string> ids;
  const std::regex id(R"( id="([^"]*)\")");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), id); it != std::sregex_iterator();
       ++it)
    ids.push_back((*it)[1]);
  return ids;
}

}  // namespace

TEST_CASE("every built-in technique has a pose", "[drawing]") {
  for (const Technique& technique : builtin_knowledge_base().techniques) {
    INFO(technique.id);
    CHECK(technique.pose.has_value());
  }
}

TEST_CASE("every drawing is well-formed SVG that says what it shows", "[drawing]") {
  for (const Technique& technique : builtin_knowledge_base().techniques) {
    if (!technique.pose) continue;
    INFO(technique.id);
    const std::string svg = technique_drawing_svg(*technique.pose, technique.name, technique.id);
    CHECK(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    CHECK(svg.ends_with("</svg>"));
    CHECK(unbalanced_tag(svg).empty());
    CHECK(attribute(svg, "role") == "img");
    const std::string label = attribute(svg, "aria-label");
    CHECK_THAT(label, Catch::StartsWith(std::string(technique.name)));
    // The label names the marked target, and the <title> says the same.
    CHECK_THAT(label, Catch::Contains(std::string(body_point_words(technique.pose->target))));
    CHECK_THAT(svg, Catch::Contains("<title id=\"" + std::string(technique.id) + "-title\">" +
                                    label + "</title>"));
    CHECK(svg.find("viewBox=\"") != std::string::npos);
    CHECK(svg.find("nan") == std::string::npos);
  }
}

TEST_CASE("the ids of all drawings on one page are unique", "[drawing]") {
  std::set<std::string> seen;
  for (const Technique& technique : builtin_knowledge_base().techniques) {
    if (!technique.pose) continue;
    const std::string svg = technique_drawing_svg(*technique.pose, technique.name, technique.id);
    for (const std::string& id : ids_in(svg)) {
      INFO(technique.id << ": " << id);
      CHECK(seen.insert(id).second);
    }
    // Every reference inside points at an id of the same drawing.
    const std::regex reference(R"(url\(#([^)]*)\))");
    const std::vector<std::string> own = ids_in(svg);
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), reference);
         it != std::sregex_iterator(); ++it) {
      INFO(technique.id << ": url(#" << (*it)[1] << ")");
      CHECK(std::find(own.begin(), own.end(), (*it)[1]) != own.end());
    }
  }
}

TEST_CASE("a routine's steps carry their technique's drawing", "[drawing]") {
  const Routine routine = plan(builtin_knowledge_base(), testing::make_request("upper-back"));
  REQUIRE(!routine.steps.empty());
  std::set<std::string> ids;
  for (const Step& step : routine.steps) {
    INFO(step.technique);
    REQUIRE(step.pose.has_value());
    CHECK(step.pose == builtin_knowledge_base().find_technique(step.technique)->pose);
    const std::string svg = step_picture_svg(step);
    CHECK_THAT(svg, Catch::StartsWith("<svg"));
    // A left and a right step of one technique can share a sheet.
    for (const std::string& id : ids_in(svg)) CHECK(ids.insert(id).second);
  }
  Step bare = routine.steps.front();
  bare.pose.reset();
  CHECK(step_picture_svg(bare).empty());
}

TEST_CASE("kb check reports bad pose data at its JSON path", "[drawing][loader]") {
  json kb = testing::builtin_knowledge_json();
  json& pose = kb["techniques"][0]["pose"];
  pose["props"] = json::array({{{"prop", "trampoline"}, {"at", "upper-back"}},
                               {{"prop", "ball"}, {"at", "elbow-pit"}},
                               {{"prop", "ball"}}});
  pose["angles"] = {{"trunk", 400}, {"tail", 10}};
  pose["arrows"] = json::array({{{"around", "neck"}, {"from", 10}, {"to", 10}}});
  pose.erase("target");
  const std::vector<Problem> problems = check_knowledge_base(kb.dump());
  std::map<std::string, std::string> by_path;
  for (const Problem& problem : problems) by_path[problem.where] += problem.message;
  const std::string at = "/techniques/0/pose";
  CHECK_THAT(by_path[at + "/props/0/prop"], Catch::Contains("\"trampoline\" is not one of"));
  CHECK_THAT(by_path[at + "/props/1/at"], Catch::Contains("\"elbow-pit\" is not one of"));
  CHECK_THAT(by_path[at + "/props/2/at"], Catch::Contains("is missing"));
  CHECK_THAT(by_path[at + "/angles/trunk"], Catch::Contains("360"));
  CHECK_THAT(by_path[at + "/angles/tail"], Catch::Contains("is not a segment"));
  CHECK_THAT(by_path[at + "/arrows/0/to"], Catch::Contains("equals \"from\""));
  CHECK_THAT(by_path[at + "/target"], Catch::Contains("is missing"));
}

TEST_CASE("a pose survives show --format json and loading again", "[drawing]") {
  const RunResult shown = run_knotplan({"show", "ball-against-wall", "--format", "json"});
  REQUIRE(shown.exit_code == 0);
  const json technique = json::parse(shown.out);
  REQUIRE(technique.contains("pose"));
  json kb = testing::builtin_knowledge_json();
  for (json& entry : kb["techniques"])
    if (entry["id"] == "ball-against-wall") entry["pose"] = technique["pose"];
  const KnowledgeBase loaded = load_knowledge_base(kb.dump(), "test");
  CHECK(loaded.find_technique("ball-against-wall")->pose ==
        builtin_knowledge_base().find_technique("ball-against-wall")->pose);
}

TEST_CASE("show ID --format svg prints the drawing, -o NAME.svg writes it", "[drawing][cli]") {
  const RunResult shown = run_knotplan({"show", "ball-against-wall", "--format", "svg"});
  CHECK(shown.exit_code == 0);
  CHECK_THAT(shown.out, Catch::StartsWith("<svg xmlns="));
  CHECK_THAT(shown.out, Catch::Contains("role=\"img\""));
  CHECK_THAT(shown.out, Catch::Contains("a ball at the upper back"));

  testing::TemporaryFolder folder;
  const RunResult written = run_knotplan({"show", "chin-tuck", "-o", folder.path("chin.svg")});
  CHECK(written.exit_code == 0);
  CHECK_THAT(testing::read_file(folder.path("chin.svg")), Catch::StartsWith("<svg"));

  // A plan has no svg format, and says so.
  const RunResult plan_svg = run_knotplan({"--area", "neck", "--format", "svg"});
  CHECK(plan_svg.exit_code == 2);
  CHECK_THAT(plan_svg.err, Catch::Contains("not a format here"));

  // A technique without a pose has no drawing: a usage error naming it.
  json kb = testing::builtin_knowledge_json();
  kb["techniques"][0].erase("pose");
  testing::write_file(folder.path("kb.json"), kb.dump());
  const std::string id = kb["techniques"][0]["id"];
  const RunResult bare =
      run_knotplan({"--kb", folder.path("kb.json"), "show", id, "--format", "svg"});
  CHECK(bare.exit_code == 2);
  CHECK_THAT(bare.err, Catch::Contains("has no drawing"));
  const RunResult checked = run_knotplan({"kb", "check", folder.path("kb.json")});
  CHECK(checked.exit_code == 0);
  CHECK_THAT(checked.out, Catch::Contains("technique '" + id + "' has no pose"));
}
