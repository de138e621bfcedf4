// End-to-end: list, show and kb, through the built binary.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "knotplan/knowledge_loader.hpp"
#include "test_support.hpp"

using knotplan::testing::run_knotplan;
using knotplan::testing::RunResult;
using knotplan::testing::TemporaryFolder;
using nlohmann::json;

TEST_CASE("list prints every kind of id, in text and JSON", "[cli][knowledge]") {
  const json kb = knotplan::testing::builtin_knowledge_json();
  const std::vector<std::pair<std::string, std::string>> kinds{
      {"areas", "areas"},           {"causes", "causes"},         {"stages", "stages"},
      {"equipment", "equipment"},   {"techniques", "techniques"}, {"symptoms", "symptoms"},
      {"conditions", "conditions"}, {"sources", "sources"}};
  for (const auto& [kind, key] : kinds) {
    const RunResult text = run_knotplan({"list", kind});
    INFO(kind);
    CHECK(text.exit_code == 0);
    for (const auto& entry : kb[key]) {
      const std::string id = entry["id"];
      // Sources' long ids stand on a line of their own.
      CHECK_THAT(text.out, Catch::Contains("\n" + id + " ") || Catch::StartsWith(id + " ") ||
                               Catch::Contains(id + "\n"));
    }
    const RunResult structured = run_knotplan({"list", kind, "--format", "json"});
    REQUIRE(structured.exit_code == 0);
    const json listed = json::parse(structured.out);
    REQUIRE(listed.size() == kb[key].size());
    for (std::size_t i = 0; i < listed.size(); ++i) CHECK(listed[i]["id"] == kb[key][i]["id"]);
  }
}

TEST_CASE("list follows --kb", "[cli][knowledge]") {
  TemporaryFolder folder;
  json kb = knotplan::testing::builtin_knowledge_json();
  kb["causes"].push_back({{"id", "gardening"}, {"name", "gardening"}});
  knotplan::testing::write_file(folder.path("kb.json"), kb.dump());
  const RunResult run = run_knotplan({"list", "causes", "--kb", folder.path("kb.json")});
  CHECK(run.exit_code == 0);
  CHECK_THAT(run.out, Catch::Contains("gardening"));
}

TEST_CASE("show gives everything about one technique, by id or name", "[cli][knowledge]") {
  const RunResult text = run_knotplan({"show", "ball-against-wall"});
  CHECK(text.exit_code == 0);
  for (const char* words :
       {"Ball against a wall", "Phase:", "release", "Needs:", "tennis ball",
        "Pressure: 3–6 out of 10", "Steps", "1. ", "What it should feel like", "Cautions",
        "Sources", "(n.d.). Proper use of a foam roller.", "https://"})
    CHECK_THAT(text.out, Catch::Contains(words));
  const RunResult by_name = run_knotplan({"show", "Chin Tuck", "--format", "json"});
  REQUIRE(by_name.exit_code == 0);
  const json technique = json::parse(by_name.out);
  CHECK(technique["id"] == "chin-tuck");
  CHECK(technique["hold_seconds"].get<int>() * technique["reps"].get<int>() ==
        technique["seconds"]["default"].get<int>());
  const RunResult typo = run_knotplan({"show", "chin-tuk"});
  CHECK(typo.exit_code == 2);
  CHECK_THAT(typo.err, Catch::Contains("did you mean 'chin-tuck'?"));
}

TEST_CASE("subcommand mistakes exit 2 and say what would work", "[cli][knowledge]") {
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
      {{"lsit", "areas"}, "did you mean 'list'?"},
      {{"list"}, "Lists: areas, causes"},
      {{"list", "aeras"}, "did you mean 'areas'?"},
      {{"list", "areas", "extra"}, "unexpected argument 'extra'"},
      {{"show"}, "needs a technique"},
      {{"kb"}, "'knotplan kb' needs a command: check or export"},
      {{"config"}, "'knotplan config' needs a command: show"},
      {{"--area"}, "--area needs a value"},
      {{"kb", "check"}, "needs a file"},
      {{"kb", "chek", "x.json"}, "did you mean"},
      {{"neck"}, "did you mean '--area neck'?"},
      {{"list", "areas", "--format", "yaml"}, "--format 'yaml'"},
  };
  for (const auto& [arguments, words] : cases) {
    const RunResult run = run_knotplan(arguments);
    INFO(run.err);
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.err, Catch::StartsWith("knotplan: error: "));
    CHECK_THAT(run.err, Catch::Contains(words));
  }
}

TEST_CASE("kb export prints the built-in knowledge base, which kb check accepts",
          "[cli][knowledge]") {
  TemporaryFolder folder;
  const RunResult exported = run_knotplan({"kb", "export", "-o", folder.path("kb.json")});
  REQUIRE(exported.exit_code == 0);
  CHECK(json::parse(knotplan::testing::read_file(folder.path("kb.json"))) ==
        knotplan::testing::builtin_knowledge_json());
  const RunResult checked = run_knotplan({"kb", "check", folder.path("kb.json")});
  CHECK(checked.exit_code == 0);
  CHECK_THAT(checked.out, Catch::Contains("valid ("));
}

TEST_CASE("kb check warns about techniques no rule adds and equipment nothing uses",
          "[cli][knowledge]") {
  CHECK(knotplan::knowledge_warnings(knotplan::builtin_knowledge_base()).empty());
  TemporaryFolder folder;
  json kb = knotplan::testing::builtin_knowledge_json();
  // With no rule adding it, the heat pack is unreachable.
  for (json& rule : kb["rules"]) {
    if (!rule["then"].contains("add")) continue;
    json kept = json::array();
    for (const json& add : rule["then"]["add"])
      if (add["technique"] != "heat-pack") kept.push_back(add);
    rule["then"]["add"] = kept;
  }
  knotplan::testing::write_file(folder.path("kb.json"), kb.dump());
  const RunResult run = run_knotplan({"kb", "check", folder.path("kb.json")});
  CHECK(run.exit_code == 0);  // a warning is not a problem
  CHECK_THAT(run.out, Catch::Contains("warning: no rule adds technique 'heat-pack'"));
  CHECK_THAT(run.out, Catch::EndsWith(", 1 warning)\n"));
  const json report =
      json::parse(run_knotplan({"kb", "check", folder.path("kb.json"), "--format", "json"}).out);
  CHECK(report["valid"] == true);
  CHECK(report["warnings"].size() == 1);
}

TEST_CASE("kb check prints every problem with its path, then a count", "[cli][knowledge]") {
  TemporaryFolder folder;
  json kb = knotplan::testing::builtin_knowledge_json();
  kb["techniques"][0]["seconds"]["max"] = 0;
  std::size_t pressed = 0;  // the first technique with a pressure range
  while (kb["techniques"][pressed]["pressure"].is_null()) ++pressed;
  kb["techniques"][pressed]["pressure"]["max"] = 12;
  const std::string pressure_path = "/techniques/" + std::to_string(pressed) + "/pressure/max";
  kb["rules"][4]["then"]["add"][0]["technique"] = "made-up";
  knotplan::testing::write_file(folder.path("bad.json"), kb.dump());
  const RunResult run = run_knotplan({"kb", "check", folder.path("bad.json")});
  CHECK(run.exit_code == 4);
  CHECK_THAT(run.out, Catch::Contains("/techniques/0/seconds/max"));
  CHECK_THAT(run.out, Catch::Contains(pressure_path));
  CHECK_THAT(run.out, Catch::Contains("/rules/4/then/add/0/technique: rule '" +
                                      kb["rules"][4]["id"].get<std::string>() +
                                      "' names unknown technique 'made-up'"));
  CHECK_THAT(run.out, Catch::EndsWith(": 3 problems\n"));

  const RunResult structured =
      run_knotplan({"kb", "check", folder.path("bad.json"), "--format", "json"});
  CHECK(structured.exit_code == 4);
  const json report = json::parse(structured.out);
  CHECK(report["valid"] == false);
  CHECK(report["problems"].size() == 3);
  CHECK(report["problems"][0]["where"] == "/techniques/0/seconds/max");
}

TEST_CASE(
    "invisible and direction-changing characters from a knowledge base never reach the "
    "terminal raw",
    "[cli][knowledge]") {
  // Right-to-left override, zero width space, isolates, line separator, byte order mark,
  // left-to-right mark, arabic letter mark and a C1 control (CSI).
  const std::vector<std::string> hidden{"\xe2\x80\xae", "\xe2\x80\x8b", "\xe2\x81\xa6",
                                        "\xe2\x81\xa9", "\xe2\x80\xa8", "\xef\xbb\xbf",
                                        "\xe2\x80\x8e", "\xd8\x9c",     "\xc2\x9b"};
  std::string marks;
  for (const std::string& character : hidden) marks += character;
  TemporaryFolder folder;
  json kb = knotplan::testing::builtin_knowledge_json();
  for (json& technique : kb["techniques"])
    technique["name"] = technique["name"].get<std::string>() + " x" + marks + "y";
  for (json& area : kb["areas"]) area["name"] = area["name"].get<std::string>() + marks;
  const std::string path = folder.path("kb.json");
  knotplan::testing::write_file(path, kb.dump());
  const std::string technique_id = kb["techniques"][0]["id"];
  const std::string technique_name = kb["techniques"][0]["name"];

  const auto check_clean = [&](const RunResult& run) {
    CHECK(run.exit_code == 0);
    CHECK_FALSE(run.out.empty());
    for (const std::string& character : hidden) CHECK(run.out.find(character) == std::string::npos);
  };
  for (const std::vector<std::string>& text_command :
       {std::vector<std::string>{"--area", "neck", "--kb", path},
        {"list", "techniques", "--kb", path},
        {"list", "areas", "--kb", path},
        {"show", technique_id, "--kb", path},
        {"--area", "neck", "--minutes", "3", "--guide", "--time-scale", "0.001", "--kb", path}}) {
    INFO(text_command[0] + " " + text_command[1]);
    const RunResult run = run_knotplan(text_command);
    check_clean(run);
    CHECK_THAT(run.out, Catch::Contains(" x?????????y") || Catch::Contains("?????????"));
  }
  const RunResult shown = run_knotplan({"show", technique_id, "--kb", path, "--format", "json"});
  check_clean(shown);
  CHECK(json::parse(shown.out)["name"] == technique_name);
  const RunResult listed = run_knotplan({"list", "techniques", "--kb", path, "--format", "json"});
  check_clean(listed);
  CHECK(json::parse(listed.out)[0]["name"] == technique_name);
  const RunResult planned = run_knotplan({"--area", "neck", "--kb", path, "--format", "json"});
  check_clean(planned);
  CHECK_THAT(json::parse(planned.out)["steps"][0]["name"].get<std::string>(),
             Catch::EndsWith(" x" + marks + "y"));
}
