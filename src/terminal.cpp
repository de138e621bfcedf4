#include "knotplan/terminal.hpp"

#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdint>

#include "knotplan/error.hpp"
#include "knotplan/ids.hpp"

namespace knotplan {

ColorChoice parse_color_choice(const std::string& text) {
  const std::string value = normalize_id(text);
  if (value == "auto") return ColorChoice::kAuto;
  if (value == "always") return ColorChoice::kAlways;
  if (value == "never") return ColorChoice::kNever;
  throw UsageError(fmt::format("--color {} is not a colour choice", quote_value(text)),
                   "use auto, always or never");
}

bool use_color(ColorChoice choice, const char* no_color, const char* term, bool is_terminal) {
  if (choice != ColorChoice::kAuto) return choice == ColorChoice::kAlways;
  if (no_color != nullptr && *no_color != '\0') return false;
  if (term == nullptr || std::string_view(term) == "dumb") return false;
  return is_terminal;
}

std::size_t utf8_sequence(std::string_view text) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(0);
  std::size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) {
    length = 2;
  } else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead == 0xe0) low = 0xa0;
    if (lead == 0xed) high = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead == 0xf0) low = 0x90;
    if (lead == 0xf4) high = 0x8f;
  } else {
    return 0;
  }
  if (text.size() < length || byte(1) < low || byte(1) > high) return 0;
  for (std::size_t i = 2; i < length; ++i)
    if (byte(i) < 0x80 || byte(i) > 0xbf) return 0;
  return length;
}

char32_t utf8_code_point(std::string_view sequence) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(sequence[i]); };
  if (sequence.size() == 1) return byte(0);
  // The lead byte keeps 5, 4 or 3 bits of the code point; each continuation byte 6.
  const unsigned lead_bits = 7 - static_cast<unsigned>(sequence.size());
  auto code_point = static_cast<char32_t>(byte(0) & ((1U << lead_bits) - 1));
  for (std::size_t i = 1; i < sequence.size(); ++i)
    code_point = (code_point << 6) | (byte(i) & 0x3fU);
  return code_point;
}

bool is_hidden_character(char32_t code_point) {
  const auto between = [&](char32_t first, char32_t last) {
    return code_point >= first && code_point <= last;
  };
  return between(0x80, 0x9f)         // C1 controls: CSI and OSC start escape sequences
         || code_point == 0x061c     // arabic letter mark
         || code_point == 0x200b     // zero width space
         || between(0x200e, 0x200f)  // left-to-right and right-to-left marks
         || between(0x2028, 0x2029)  // line and paragraph separators
         || between(0x202a, 0x202e)  // embeddings and overrides (U+202E reverses text)
         || between(0x2060, 0x206f)  // word joiner, invisible operators, isolates
         || code_point == 0xfeff;    // zero width no-break space (byte order mark)
}

std::string escape_hidden_characters(std::string_view json_text) {
  std::string result;
  result.reserve(json_text.size());
  for (std::size_t i = 0; i < json_text.size();) {
    const std::size_t length =
        static_cast<unsigned char>(json_text[i]) < 0x80 ? 1 : utf8_sequence(json_text.substr(i));
    if (length == 0) {
      result += json_text[i++];  // not UTF-8: left to the writer's own handling
      continue;
    }
    const char32_t code_point = utf8_code_point(json_text.substr(i, length));
    if (is_hidden_character(code_point)) {
      result += fmt::format("\\u{:04x}", static_cast<std::uint32_t>(code_point));
    } else {
      result.append(json_text.substr(i, length));
    }
    i += length;
  }
  return result;
}

std::string printable(std::string_view text) {
  std::string result;
  result.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\t' || byte == '\n' || byte == '\r') {
      result += ' ';
      ++i;
    } else if (byte < 0x20 || byte == 0x7f) {
      result += '?';
      ++i;
    } else if (byte < 0x80) {
      result += static_cast<char>(byte);
      ++i;
    } else if (const std::size_t length = utf8_sequence(text.substr(i)); length == 0) {
      result += '?';  // not UTF-8: never sent to the terminal raw
      ++i;
    } else if (is_hidden_character(utf8_code_point(text.substr(i, length)))) {
      // A C1 control such as CSI, or a character that is invisible or reorders the text
      // around it (U+202E shows "txt.exe" as "exe.txt"): what is shown must be what is there.
      result += '?';
      i += length;
    } else {
      result.append(text.substr(i, length));
      i += length;
    }
  }
  return result;
}

std::string shortened(std::string_view value) {
  constexpr std::size_t kLongest = 60;
  std::string shown = printable(value);
  if (shown.size() > kLongest) {
    std::size_t cut = kLongest;
    while (cut > 0 && (static_cast<unsigned char>(shown[cut]) & 0xc0) == 0x80) --cut;
    shown = shown.substr(0, cut) + "...";
  }
  return shown;
}

std::string quote_value(std::string_view value) {
  // Appended rather than "'" + shortened(value): g++ 12 warns falsely (-Wrestrict) on that.
  std::string quoted = "'";
  quoted += shortened(value);
  quoted += '\'';
  return quoted;
}

std::optional<int> terminal_width(int file_descriptor) {
  if (!isatty(file_descriptor)) return std::nullopt;
  winsize size{};
  if (ioctl(file_descriptor, TIOCGWINSZ, &size) != 0 || size.ws_col == 0) return std::nullopt;
  return static_cast<int>(size.ws_col);
}

}  // namespace knotplan
