#include "text_layout.hpp"

#include <fmt/format.h>

#include "knotplan/terminal.hpp"

namespace knotplan {

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (const char c : text)
    if ((static_cast<unsigned char>(c) & 0xc0) != 0x80) ++width;
  return width;
}

std::vector<std::string> wrap_words(std::string_view text, std::size_t width) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find(' ', begin);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(begin, end - begin);
    begin = end + 1;
    if (word.empty()) continue;
    if (!line.empty() && display_width(line) + 1 + display_width(word) > width) {
      lines.push_back(std::move(line));
      line.clear();
    }
    if (!line.empty()) line += ' ';
    line += word;
  }
  if (!line.empty() || lines.empty()) lines.push_back(std::move(line));
  return lines;
}

void write_wrapped(std::ostream& out, std::string_view first, std::string_view rest,
                   std::string_view text, std::size_t width, const fmt::text_style& style) {
  const std::vector<std::string> lines = wrap_words(printable(text), width);
  for (std::size_t i = 0; i < lines.size(); ++i)
    out << (i == 0 ? first : rest) << fmt::format(style, "{}", lines[i]) << '\n';
}

std::string clock_time(int seconds) {
  if (seconds >= 3600)
    return fmt::format("{}:{:02}:{:02}", seconds / 3600, seconds / 60 % 60, seconds % 60);
  return fmt::format("{}:{:02}", seconds / 60, seconds % 60);
}

std::string duration(int seconds) {
  if (seconds < 60) return fmt::format("{} s", seconds);
  if (seconds % 60 == 0) return fmt::format("{} min", seconds / 60);
  return fmt::format("{} min {} s", seconds / 60, seconds % 60);
}

}  // namespace knotplan
