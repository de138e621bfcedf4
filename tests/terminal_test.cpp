#include "knotplan/terminal.hpp"

#include <catch2/catch.hpp>

#include "knotplan/error.hpp"

using namespace knotplan;

TEST_CASE("colour: an explicit choice wins; auto needs a real terminal", "[terminal]") {
  CHECK(use_color(ColorChoice::kAlways, "1", "dumb", false));
  CHECK_FALSE(use_color(ColorChoice::kNever, nullptr, "xterm", true));
  CHECK(use_color(ColorChoice::kAuto, nullptr, "xterm", true));
  CHECK_FALSE(use_color(ColorChoice::kAuto, nullptr, "xterm", false));
  CHECK_FALSE(use_color(ColorChoice::kAuto, "1", "xterm", true));
  CHECK(use_color(ColorChoice::kAuto, "", "xterm", true));  // empty NO_COLOR is unset
  CHECK_FALSE(use_color(ColorChoice::kAuto, nullptr, "dumb", true));
  CHECK_FALSE(use_color(ColorChoice::kAuto, nullptr, nullptr, true));
}

TEST_CASE("color takes auto, always or never", "[terminal]") {
  CHECK(parse_color_choice("Always") == ColorChoice::kAlways);
  CHECK(parse_color_choice("never") == ColorChoice::kNever);
  CHECK(parse_color_choice("auto") == ColorChoice::kAuto);
  CHECK_THROWS_AS(parse_color_choice("sometimes"), UsageError);
}

TEST_CASE("printable turns control characters into visible marks", "[terminal]") {
  CHECK(printable("plain text – ok") == "plain text – ok");
  CHECK(printable("a\tb\nc") == "a b c");
  CHECK(printable("\x1b[31mred") == "?[31mred");
  CHECK(printable("bell\x07") == "bell?");
  CHECK(printable("del\x7f") == "del?");
  CHECK(printable("csi\xc2\x9b") == "csi?");
}
