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
  throw UsageError(fmt::format("--color '{}' is not a colour choice", text),
                   "use auto, always or never");
}

bool use_color(ColorChoice choice, const char* no_color, const char* term, bool is_terminal) {
  if (choice != ColorChoice::kAuto) return choice == ColorChoice::kAlways;
  if (no_color != nullptr && *no_color != '\0') return false;
  if (term == nullptr || std::string_view(term) == "dumb") return false;
  return is_terminal;
}

std::string printable(std::string_view text) {
  std::string result;
  result.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\t' || byte == '\n' || byte == '\r') {
      result += ' ';
    } else if (byte < 0x20 || byte == 0x7f) {
      result += '?';
    } else if (byte == 0xc2 && i + 1 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9f) {
      result += '?';  // a C1 control such as CSI, encoded in UTF-8
      ++i;
    } else {
      result += static_cast<char>(byte);
    }
  }
  return result;
}

std::optional<int> terminal_width(int file_descriptor) {
  if (!isatty(file_descriptor)) return std::nullopt;
  winsize size{};
  if (ioctl(file_descriptor, TIOCGWINSZ, &size) != 0 || size.ws_col == 0) return std::nullopt;
  return static_cast<int>(size.ws_col);
}

}  // namespace knotplan
