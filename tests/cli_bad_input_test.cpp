// Whatever a person types, knotplan answers with one clear line on stderr that names the
// value and the fix, and exit status 2: never a crash, a CLI11 1xx code or a stack trace.
#include <catch2/catch.hpp>

#include "test_support.hpp"

using knotplan::testing::run_knotplan;
using knotplan::testing::RunResult;

namespace {

struct BadInput {
  std::vector<std::string> arguments;
  std::string named;  // what the error must mention
};

const std::string kNotUtf8 = "\xff\xfe\xc3";
const std::string kHuge(5000, 'x');
// How the three bytes above print: one question mark each, in quotes.
const std::string kThreeMarks = "'\?\?\?'";

std::vector<BadInput> bad_inputs() {
  return {
      // wrong values
      {{"--area", "uper-back"}, "did you mean 'upper-back'?"},
      {{"--area", "elbow"}, "--area 'elbow' is not a known area"},
      {{"--area", "chest"}, "--area 'chest' is not a known area"},
      {{"--area", ""}, "--area '' is not a known area"},
      {{"--area", "neck,shoulders,lower-back,upper-back"}, "names more than 3 areas"},
      {{"--area", "neck,,shoulders"}, "--area 'neck,,shoulders' has an empty item"},
      {{"--area", "neck,elbow"}, "--area 'elbow' is not a known area"},
      {{"--area", kNotUtf8}, "--area " + kThreeMarks + " is not a known area"},
      {{"--area", kHuge}, "--area 'xxxxxxxxxx"},
      {{"--area", "neck\x1b[31m"}, "--area 'neck?[31m'"},
      {{"--area", "neck", "--since", "next week"}, "--since 'next week'"},
      {{"--area", "neck", "--since", "2999-01-01"}, "in the future"},
      {{"--area", "neck", "--since", "2026-02-30"}, "not a calendar date"},
      {{"--area", "neck", "--since", "-3d"}, "cannot be negative"},
      {{"--area", "neck", "--since", "99999999999999d"}, "too long ago"},
      {{"--area", "neck", "--since", ""}, "it is empty"},
      {{"--area", "neck", "--since", "5 minutes"}, "minutes are too short"},
      {{"--area", "neck", "--cause", "gardening"}, "--cause 'gardening'"},
      {{"--area", "neck", "--cause", "strian"}, "did you mean 'strain'?"},
      {{"--area", "neck", "--pain", "11"}, "--pain '11' is out of range"},
      {{"--area", "neck", "--pain", "-3"}, "--pain '-3' is out of range"},
      {{"--area", "neck", "--pain", "five"}, "--pain 'five' is not a whole number"},
      {{"--area", "neck", "--pain", "4.5"}, "--pain '4.5'"},
      {{"--area", "neck", "--pain", "99999999999999999999999"}, "--pain '9999"},
      {{"--area", "neck", "--minutes", "0"}, "from 1 to 180"},
      {{"--area", "neck", "--minutes", "181"}, "--minutes '181' is out of range"},
      {{"--area", "neck", "--minutes", ""}, "--minutes '' is not a whole number"},
      {{"--area", "neck", "--equipment", "tenis-ball"}, "did you mean 'tennis-ball'?"},
      {{"--area", "neck", "--equipment", "tennis-ball,,"}, "has an empty item"},
      {{"--area", "neck", "--equipment", ","}, "has an empty item"},
      {{"--area", "neck", "--side", "middle"}, "--side 'middle'"},
      {{"--area", "neck", "--symptom", "itching"}, "--symptom 'itching'"},
      {{"--area", "neck", "--symptom", "no fever"}, "--symptom 'no fever' says what you do not"},
      {{"--area", "neck", "--condition", "asthma"}, "--condition 'asthma'"},
      {{"--area", "neck", "--age", "200"}, "--age '200'"},
      {{"--area", "neck", "--age", "-1"}, "--age '-1'"},
      {{"--area", "neck", "--format", "yaml"}, "--format 'yaml'"},
      {{"--area", "neck", "--color", "sometimes"}, "--color 'sometimes'"},
      {{"--area", "neck", "--guide", "--time-scale", "-1"}, "--time-scale '-1'"},
      {{"--area", "neck", "--guide", "--time-scale", "nan"}, "--time-scale 'nan'"},
      {{"--area", "neck", "-o", ""}, "--output '' names no file"},
      {{"--area", "neck", "--kb", ""}, "--kb '' names no file"},
      // missing and contradictory options; a repeated one takes the last value (cli_test)
      {{"--since", "today"}, "--area is required"},
      {{"--area"}, "--area"},
      {{"--area", "neck", "--equipment"}, "--equipment"},
      {{"--area", "neck", "--guide", "--format", "json"}, "--guide"},
      {{"--area", "neck", "--guide", "-o", "plan.txt"}, "--guide"},
      // unknown options and stray arguments
      {{"--are", "neck"}, "did you mean '--area'?"},
      {{"--area", "neck", "--minuts", "5"}, "did you mean '--minutes'?"},
      {{"--area", "neck", "--verbose"}, "unexpected argument '--verbose'"},
      {{"--area", "neck", "stray"}, "unexpected argument 'stray'"},
      {{"neck"}, "did you mean '--area neck'?"},
      {{"--area", "neck", kNotUtf8}, "unexpected argument " + kThreeMarks},
      {{"lsit", "areas"}, "did you mean 'list'?"},
      {{"show", "no-such-thing"}, "'no-such-thing' is not a technique"},
  };
}

}  // namespace

TEST_CASE("every bad command line exits 2 with one line naming the value", "[cli][bad-input]") {
  const auto cases = bad_inputs();
  REQUIRE(cases.size() >= 40);
  for (const BadInput& test : cases) {
    const RunResult run = run_knotplan(test.arguments);
    INFO(run.err);
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
    CHECK_THAT(run.err, Catch::StartsWith("knotplan: error: "));
    CHECK_THAT(run.err, Catch::Contains(test.named));
    // One error line and at most one hint line; nothing raw reaches the terminal.
    CHECK(std::count(run.err.begin(), run.err.end(), '\n') <= 2);
    CHECK(run.err.find('\x1b') == std::string::npos);
    CHECK(run.err.find('\xff') == std::string::npos);
    CHECK(run.err.size() < 600);
  }
}
