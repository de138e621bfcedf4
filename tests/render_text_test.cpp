#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <sstream>

#include "knotplan/knowledge_loader.hpp"
#include "knotplan/planner.hpp"
#include "knotplan/render.hpp"
#include "render/text_layout.hpp"
#include "test_support.hpp"

using namespace knotplan;
using testing::make_request;

namespace {

std::string text_of(const Routine& routine, TextOptions options = {}) {
  std::ostringstream out;
  render_text(routine, options, out);
  return out.str();
}

}  // namespace

TEST_CASE("the text sheet shows every step with its facts, then advice and the disclaimer",
          "[render]") {
  const Routine routine = plan(builtin_knowledge_base(), make_request("neck", "2d", "sleep", 10));
  const std::string text = text_of(routine);
  CHECK_THAT(text, Catch::StartsWith("Self-massage routine: Neck\n"));
  CHECK_THAT(text, Catch::Contains("cause: slept awkwardly · pain 5/10 · 10 min"));
  for (const Step& step : routine.steps) {
    CHECK_THAT(text, Catch::Contains(step.name));
    CHECK_THAT(text, Catch::Contains(step.instructions.front().substr(0, 30)));
  }
  CHECK_THAT(text, Catch::Contains("  1   0:00  "));
  // The second side points back to the first only where the words read the same; a step
  // that names a hand or a shoulder is written out for each side.
  int pointed_back = 0;
  int written_out = 0;
  for (std::size_t i = 1; i < routine.steps.size(); ++i) {
    const Step& first = routine.steps[i - 1];
    const Step& second = routine.steps[i];
    if (first.technique != second.technique || first.side != Side::kLeft) continue;
    if (first.instructions == second.instructions) {
      CHECK_THAT(text,
                 Catch::Contains(fmt::format("Same as step {}, on the right side.", first.index)));
      ++pointed_back;
    } else {
      CHECK(text.find(fmt::format("Same as step {},", first.index)) == std::string::npos);
      ++written_out;
    }
  }
  CHECK(pointed_back == 0);  // every built-in one-sided technique names its hands and sides
  CHECK(written_out > 0);
  CHECK_THAT(text, Catch::Contains("left side"));
  CHECK_THAT(text, Catch::Contains("pressure 4–5/10"));
  CHECK_THAT(text, Catch::Contains("\nAdvice\n"));
  // One line says what the pressures mean, and that it is not the pain score.
  REQUIRE(!routine.pressure_scale.empty());
  CHECK(text.find("not your pain score") != std::string::npos);
  CHECK(text.find("not your pain score") == text.rfind("not your pain score"));
  CHECK_THAT(text, Catch::Contains("This is self-care guidance, not a diagnosis."));
  CHECK(text.find("\x1b[") == std::string::npos);
  for (std::size_t start = 0, end; (end = text.find('\n', start)) != std::string::npos;
       start = end + 1)
    CHECK(display_width(std::string_view(text).substr(start, end - start)) <= 80);
}

TEST_CASE("a second side with the same words points back to the first", "[render]") {
  Routine routine = plan(builtin_knowledge_base(), make_request("neck", "2d", "sleep", 10));
  std::size_t first = 0;
  while (routine.steps[first].side != Side::kLeft) ++first;
  routine.steps[first + 1].instructions = routine.steps[first].instructions;
  routine.steps[first + 1].cues = routine.steps[first].cues;
  CHECK_THAT(text_of(routine), Catch::Contains(fmt::format("Same as step {}, on the right side.",
                                                           routine.steps[first].index)));
}

TEST_CASE("colour appears only when asked for", "[render]") {
  const Routine routine = plan(builtin_knowledge_base(), make_request("neck"));
  CHECK(text_of(routine, {true, 80}).find("\x1b[") != std::string::npos);
}

TEST_CASE("a withheld routine says why and whom to see, and has no steps", "[render]") {
  Request request = make_request("upper-back");
  request.symptoms = {"chest-pain"};
  const std::string text = text_of(plan(builtin_knowledge_base(), request));
  CHECK_THAT(text, Catch::Contains("No routine today. This is an emergency."));
  CHECK_THAT(text, Catch::Contains("! Chest pain or pressure: "));
  CHECK_THAT(text, Catch::Contains("Call 999, 112 or 911 now"));
  // What to do now, and nothing about routines.
  CHECK(text.find("routine") == text.find("routine:"));
  CHECK(text.find("Stop and get help if") == std::string::npos);
  CHECK(text.find("  1   0:00") == std::string::npos);
}

TEST_CASE("the warning signs and whom to see come before the first step", "[render]") {
  const std::string text =
      text_of(plan(builtin_knowledge_base(), make_request("upper-back", "5w", "posture")));
  const std::size_t watch = text.find("Stop and get help if:");
  const std::size_t referral = text.find("See a physiotherapist");
  const std::size_t first_step = text.find("  1   0:00");
  REQUIRE(watch != std::string::npos);
  REQUIRE(referral != std::string::npos);
  CHECK(watch < referral);
  CHECK(referral < first_step);
}

TEST_CASE("explain lists the fired rules and what was left out", "[render]") {
  Request request = make_request("upper-back", "today", "strain");
  request.explain = true;
  const Routine routine = plan(builtin_knowledge_base(), request);
  const std::string text = text_of(routine, {false, 80});
  CHECK_THAT(text, Catch::Contains("Why this routine"));
  CHECK_THAT(text, Catch::Contains("Session shape\n  settling-strain: "));
  CHECK_THAT(text, Catch::Contains("movement from 3 min: in"));
  CHECK_THAT(text, Catch::Contains("fresh-strain-or-knock: "));
  CHECK_THAT(text, Catch::Contains("keeps direct-pressure work off the knot itself"));
  CHECK_THAT(text, Catch::Contains("Left out"));
  CHECK_THAT(text, Catch::Contains("needs tennis-ball"));
}

TEST_CASE("control characters from a knowledge base never reach the terminal", "[render]") {
  Routine routine = plan(builtin_knowledge_base(), make_request("neck"));
  routine.steps[0].name = "Evil\x1b]0;pwned\x07 name";
  routine.steps[0].instructions[0] =
      "Line\x1b[2Jclear \xc2\x9b"
      "31m";
  const std::string text = text_of(routine);
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.find('\x07') == std::string::npos);
  CHECK(text.find("\xc2\x9b") == std::string::npos);
  CHECK_THAT(text, Catch::Contains("Evil?]0;pwned? name"));
}

TEST_CASE("layout helpers wrap words and format times", "[render]") {
  CHECK(wrap_words("one two three four", 9) ==
        std::vector<std::string>{"one two", "three", "four"});
  CHECK(wrap_words("", 10) == std::vector<std::string>{""});
  CHECK(wrap_words("unbreakableword x", 5) == std::vector<std::string>{"unbreakableword", "x"});
  CHECK(clock_time(0) == "0:00");
  CHECK(clock_time(605) == "10:05");
  CHECK(clock_time(3725) == "1:02:05");
  CHECK(duration(45) == "45 s");
  CHECK(duration(120) == "2 min");
  CHECK(duration(90) == "1 min 30 s");
  CHECK(display_width("4–6") == 3);
}

TEST_CASE("each format has one name and the file endings that choose it", "[render]") {
  for (const FormatInfo& info : kFormats) {
    CHECK(format_named(info.name) == info.format);
    CHECK(format_name(info.format) == info.name);
  }
  CHECK(format_named("Markdown") == Format::kMarkdown);
  CHECK_FALSE(format_named("yaml").has_value());
  CHECK(format_of_file("sheets/Plan.HTM") == Format::kHtml);
  CHECK(format_of_file("plan.md") == Format::kMarkdown);
  CHECK_FALSE(format_of_file("plan").has_value());
  CHECK_FALSE(format_of_file("html").has_value());
}

TEST_CASE("no line is wider than a narrow terminal, step names included", "[render]") {
  for (const char* area :
       {"neck", "shoulders", "upper-back", "between-shoulder-blades", "lower-back"}) {
    Request request = make_request(area, "3w", "posture", 20);
    request.explain = true;
    const std::string text = text_of(plan(builtin_knowledge_base(), request), {false, 40});
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
      INFO(area << ": " << line);
      CHECK(display_width(line) <= 40);
    }
  }
}
