#include "knotplan/terminal.hpp"

#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

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
    } else if (byte == 0xc2 && static_cast<unsigned char>(text[i + 1]) <= 0x9f) {
      result += '?';  // a C1 control such as CSI, encoded in UTF-8
      i += length;
    } else {
      result.append(text.substr(i, length));
      i += length;
    }
  }
  return result;
}

std::string quote_value(std::string_view value) {
  constexpr std::size_t kLongest = 60;
  std::string shown = printable(value);
  if (shown.size() > kLongest) {
    std::size_t cut = kLongest;
    while (cut > 0 && (static_cast<unsigned char>(shown[cut]) & 0xc0) == 0x80) --cut;
    shown = shown.substr(0, cut) + "...";
  }
  return "'" + shown + "'";
}

std::optional<int> terminal_width(int file_descriptor) {
  if (!isatty(file_descriptor)) return std::nullopt;
  winsize size{};
  if (ioctl(file_descriptor, TIOCGWINSZ, &size) != 0 || size.ws_col == 0) return std::nullopt;
  return static_cast<int>(size.ws_col);
}

}  // namespace knotplan
