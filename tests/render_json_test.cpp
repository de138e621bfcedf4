#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "knotplan/knowledge_loader.hpp"
#include "knotplan/planner.hpp"
#include "knotplan/render.hpp"
#include "test_support.hpp"

using namespace knotplan;
using nlohmann::json;
using testing::make_request;

namespace {

std::string json_text(const Routine& routine) {
  std::ostringstream out;
  render_json(routine, out);
  return out.str();
}

}  // namespace

TEST_CASE("the JSON has exactly the contract's fields, in its order", "[render]") {
  const Routine routine = plan(builtin_knowledge_base(),
                               make_request("upper-back", "today", "unknown", 10, {"tennis-ball"}));
  const std::string text = json_text(routine);
  const auto document = nlohmann::ordered_json::parse(text);
  std::vector<std::string> keys;
  for (const auto& item : document.items()) keys.push_back(item.key());
  CHECK(keys == std::vector<std::string>{"schema_version", "status", "request", "total_seconds",
                                         "steps", "pressure_scale", "watch_for", "advice",
                                         "cautions", "see_a_professional", "disclaimer",
                                         "rules_fired", "references"});
  CHECK(document["request"]["since"].dump() == R"({"input":"today","hours":0,"stage":"new"})");
  CHECK(document["request"]["age"].is_null());
  CHECK(document["request"]["equipment"].dump() == R"(["tennis-ball"])");
  CHECK(document["total_seconds"] == routine.total_seconds);
  const auto& step = document["steps"][0];
  std::vector<std::string> step_keys;
  for (const auto& item : step.items()) step_keys.push_back(item.key());
  CHECK(step_keys == std::vector<std::string>{"index", "phase", "technique", "name", "target",
                                              "side", "start_seconds", "seconds", "pressure",
                                              "hold_seconds", "reps", "tags", "equipment",
                                              "instructions", "cues", "cautions", "because"});
  CHECK(text.back() == '\n');
  CHECK(text.find("\"explain\"") == std::string::npos);
}

TEST_CASE("a withheld routine has no steps and says whom to see", "[render]") {
  Request request = make_request("lower-back");
  request.symptoms = {"saddle-numbness"};
  const json document = json::parse(json_text(plan(builtin_knowledge_base(), request)));
  CHECK(document["status"] == "withheld");
  CHECK(document["steps"].empty());
  CHECK(document["total_seconds"] == 0);
  CHECK(document["see_a_professional"]["level"] == "emergency");
  CHECK(document["see_a_professional"]["reasons"][0]["symptom"] == "saddle-numbness");
  CHECK(document["rules_fired"][0] == "symptom:saddle-numbness");
  CHECK(document["disclaimer"].is_null());
  CHECK(document["watch_for"].empty());
}

TEST_CASE("explain adds the trace to the JSON", "[render]") {
  Request request = make_request("neck", "1w", "stress");
  request.explain = true;
  const json document = json::parse(json_text(plan(builtin_knowledge_base(), request)));
  REQUIRE(document.contains("explain"));
  CHECK(document["explain"]["rules"].size() == document["rules_fired"].size());
  CHECK(document["explain"]["rules"][0].contains("why"));
}

TEST_CASE("the same request renders byte for byte the same", "[render]") {
  const auto once =
      json_text(plan(builtin_knowledge_base(), make_request("shoulders", "3d", "overuse")));
  const auto twice =
      json_text(plan(builtin_knowledge_base(), make_request("shoulders", "3d", "overuse")));
  CHECK(once == twice);
}

TEST_CASE("text that is not UTF-8 is replaced, not thrown", "[render]") {
  Routine routine = plan(builtin_knowledge_base(), make_request("neck"));
  routine.steps[0].name = "bad \xff\xfe bytes";
  CHECK_NOTHROW(json::parse(json_text(routine)));
}

TEST_CASE("hidden characters are escaped in the JSON and mean the same", "[render]") {
  Routine routine = plan(builtin_knowledge_base(), make_request("neck"));
  // Right-to-left override, zero width space, byte order mark and CSI as a C1 control.
  const std::string name =
      "Evil \xe2\x80\xae"
      "txt.exe\xe2\x80\x8b\xef\xbb\xbf\xc2\x9b"
      "31m";
  routine.steps[0].name = name;
  const std::string text = json_text(routine);
  for (const char* raw : {"\xe2\x80\xae", "\xe2\x80\x8b", "\xef\xbb\xbf", "\xc2\x9b"})
    CHECK(text.find(raw) == std::string::npos);
  CHECK_THAT(text, Catch::Contains(R"(Evil \u202etxt.exe\u200b\ufeff\u009b31m)"));
  CHECK(json::parse(text)["steps"][0]["name"] == name);
}
