#include "knotplan/terminal.hpp"

#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "knotplan/error.hpp"

using namespace knotplan;

namespace {

// A byte string as hex, so that a failing check names the character it was about.
std::string testing_bytes(std::string_view text) {
  std::string hex;
  for (const char byte : text) hex += fmt::format("{:02x} ", static_cast<unsigned char>(byte));
  return hex;
}

}  // namespace

TEST_CASE("colour: an explicit choice wins, auto needs a real terminal", "[terminal]") {
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

TEST_CASE("printable hides characters that are invisible or turn the text around", "[terminal]") {
  // U+061C, U+200B, U+200E, U+200F, U+2028, U+2029, U+202A-U+202E, U+2060, U+2066-U+2069,
  // U+FEFF and a C1 control, each as UTF-8.
  for (const char* hidden :
       {"\xd8\x9c", "\xe2\x80\x8b", "\xe2\x80\x8e", "\xe2\x80\x8f", "\xe2\x80\xa8", "\xe2\x80\xa9",
        "\xe2\x80\xaa", "\xe2\x80\xab", "\xe2\x80\xac", "\xe2\x80\xad", "\xe2\x80\xae",
        "\xe2\x81\xa0", "\xe2\x81\xa6", "\xe2\x81\xa7", "\xe2\x81\xa8", "\xe2\x81\xa9",
        "\xef\xbb\xbf", "\xc2\x80", "\xc2\x9f"}) {
    INFO(testing_bytes(hidden));
    CHECK(printable(std::string("a") + hidden + "b") == "a?b");
  }
  // Visible text outside ASCII stays as it is, next to the hidden characters' neighbours.
  CHECK(printable(
            "caf\xc3\xa9 \xe2\x80\x93 \xe2\x80\x90 \xe2\x82\xac \xef\xbb\xbe \xf0\x9f\x98\x80") ==
        "caf\xc3\xa9 \xe2\x80\x93 \xe2\x80\x90 \xe2\x82\xac \xef\xbb\xbe \xf0\x9f\x98\x80");
  CHECK(printable("\xc2\xa0nbsp") == "\xc2\xa0nbsp");
}

TEST_CASE("code points are decoded from UTF-8", "[terminal]") {
  CHECK(utf8_code_point("A") == U'A');
  CHECK(utf8_code_point("\xc3\xa9") == U'\u00e9');
  CHECK(utf8_code_point("\xe2\x80\xae") == U'\u202e');
  CHECK(utf8_code_point("\xf0\x9f\x98\x80") == U'\U0001f600');
  CHECK(is_hidden_character(0x85));
  CHECK_FALSE(is_hidden_character(0xa0));
  CHECK_FALSE(is_hidden_character(0x200d));  // the joiner inside emoji sequences
}

TEST_CASE("hidden characters in JSON become escapes with the same meaning", "[terminal]") {
  const nlohmann::json original = {{"name",
                                    "a\xe2\x80\xae"
                                    "b\xc2\x9b"
                                    "c\xef\xbb\xbf"
                                    "d \xc3\xa9"}};
  const std::string dumped = original.dump();
  const std::string escaped = escape_hidden_characters(dumped);
  CHECK(escaped == R"({"name":"a\u202eb\u009bc\ufeffd )"
                   "\xc3\xa9"
                   R"("})");
  CHECK(nlohmann::json::parse(escaped) == original);
  CHECK(escape_hidden_characters(R"({"plain": [1, "x"]})") == R"({"plain": [1, "x"]})");
}

TEST_CASE("quote_value and shortened cut a huge value to 60 bytes", "[terminal]") {
  const std::string huge(131 * 1024, 'x');
  CHECK(shortened(huge) == std::string(60, 'x') + "...");
  CHECK(quote_value(huge) == "'" + std::string(60, 'x') + "...'");
  CHECK(shortened("short") == "short");
  // The cut never splits a character: 59 ASCII bytes, then a two-byte letter.
  CHECK(shortened(std::string(59, 'x') + "\xc3\xa9\xc3\xa9") == std::string(59, 'x') + "...");
}
