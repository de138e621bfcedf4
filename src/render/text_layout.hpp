#ifndef KNOTPLAN_SRC_RENDER_TEXT_LAYOUT_HPP_
#define KNOTPLAN_SRC_RENDER_TEXT_LAYOUT_HPP_

#include <fmt/color.h>

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace knotplan {

// Columns a UTF-8 string takes, counting one per code point.
std::size_t display_width(std::string_view text);

// Breaks `text` at spaces into lines of at most `width` columns; a word longer than a
// line gets a line of its own.
std::vector<std::string> wrap_words(std::string_view text, std::size_t width);

// Writes `text`, stripped of control characters, wrapped to `width` columns: the first
// line after `first`, the others after `rest`, each line in `style`.
void write_wrapped(std::ostream& out, std::string_view first, std::string_view rest,
                   std::string_view text, std::size_t width, const fmt::text_style& style = {});

// "m:ss", or "h:mm:ss" past an hour.
std::string clock_time(int seconds);

// "45 s", "2 min", "1 min 30 s".
std::string duration(int seconds);

}  // namespace knotplan

#endif  // KNOTPLAN_SRC_RENDER_TEXT_LAYOUT_HPP_
