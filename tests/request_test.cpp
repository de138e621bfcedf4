#include "knotplan/request.hpp"

#include <catch2/catch.hpp>

#include "knotplan/error.hpp"
#include "knotplan/knowledge_loader.hpp"
#include "knotplan/planner.hpp"
#include "test_support.hpp"

using namespace knotplan;
using testing::kTestClock;

namespace {

RequestOptions options_for(const std::string& area) {
  RequestOptions options;
  options.area = area;
  return options;
}

std::string usage_error(const RequestOptions& options) {
  try {
    plan(builtin_knowledge_base(), options, kTestClock);
  } catch (const UsageError& error) {
    return std::string(error.what()) + " | " + error.hint();
  }
  return "no error";
}

}  // namespace

TEST_CASE("ids and aliases match whatever the case and separators", "[request]") {
  RequestOptions options = options_for("Upper Back");
  options.cause = "LIFTING";
  options.equipment = {"Tennis_Ball,ice pack", "tennis-ball"};
  options.side = "Left";
  options.conditions = {"blood thinners"};
  const Request request = resolve_request(builtin_knowledge_base(), options, kTestClock);
  CHECK(request.areas == std::vector<std::string>{"upper-back"});
  CHECK(request.cause == "strain");
  CHECK(request.equipment == std::vector<std::string>{"cold-pack", "tennis-ball"});
  CHECK(request.side == Side::kLeft);
  CHECK(request.conditions == std::vector<std::string>{"anticoagulants"});
  CHECK(request.stage == "new");
  CHECK(request.pain == 5);
  CHECK(request.minutes == 10);
  CHECK_FALSE(request.age.has_value());
}

TEST_CASE("a wrong id names the value, the closest id and the valid ones", "[request]") {
  const std::string message = usage_error(options_for("uper-back"));
  CHECK_THAT(message, Catch::Contains("--area 'uper-back' is not a known area"));
  CHECK_THAT(message, Catch::Contains("did you mean 'upper-back'?"));
  CHECK_THAT(message,
             Catch::Contains("neck, shoulders, upper-back, between-shoulder-blades, lower-back"));
  CHECK_THAT(usage_error(options_for("chest")), Catch::Contains("not a known area"));

  RequestOptions options = options_for("neck");
  options.cause = "strian";
  CHECK_THAT(usage_error(options), Catch::Contains("did you mean 'strain'?"));
  options = options_for("neck");
  options.equipment = {"tenis-ball"};
  CHECK_THAT(usage_error(options), Catch::Contains("did you mean 'tennis-ball'?"));
  // A symptom typed in words that name none is offered only the symptoms sharing a word.
  options = options_for("neck");
  options.symptoms = {"sweatiness"};
  CHECK_THAT(usage_error(options), Catch::Contains("the nearest are cold-sweat"));
  options.symptoms = {"itchy skin"};
  CHECK_THAT(usage_error(options), Catch::Contains("is not a symptom knotplan knows"));
  CHECK(usage_error(options).find("nearest") == std::string::npos);
}

TEST_CASE("numbers are checked with their range in the message", "[request]") {
  RequestOptions options = options_for("neck");
  for (const char* pain : {"11", "-1", "five", "", "5.5", "99999999999"}) {
    options.pain = pain;
    INFO(pain);
    CHECK_THAT(usage_error(options), Catch::Contains("--pain"));
  }
  const auto with = [](std::string minutes, std::optional<std::string> age) {
    RequestOptions numbers = options_for("neck");
    numbers.minutes = std::move(minutes);
    numbers.age = std::move(age);
    return numbers;
  };
  CHECK_THAT(usage_error(with("0", {})), Catch::Contains("from 1 to 180"));
  CHECK_THAT(usage_error(with("181", {})), Catch::Contains("--minutes '181' is out of range"));
  CHECK_THAT(usage_error(with("10", "0")), Catch::Contains("--age '0' is out of range"));
}

TEST_CASE("lists reject empty items, accept none, and drop duplicates", "[request]") {
  RequestOptions options = options_for("neck");
  options.equipment = {"tennis-ball,,foam-roller"};
  CHECK_THAT(usage_error(options), Catch::Contains("has an empty item"));
  options.equipment = {"none"};
  CHECK(resolve_request(builtin_knowledge_base(), options, kTestClock).equipment.empty());
  options.equipment = {"ball", "tennis-ball"};
  CHECK(resolve_request(builtin_knowledge_base(), options, kTestClock).equipment ==
        std::vector<std::string>{"tennis-ball"});
}

TEST_CASE("the area is required and --side has three values", "[request]") {
  CHECK_THAT(usage_error(RequestOptions{}), Catch::Contains("--area is required"));
  RequestOptions options = options_for("neck");
  options.side = "middle";
  CHECK_THAT(usage_error(options), Catch::Contains("use left, right or both"));
}
