#ifndef KNOTPLAN_SRC_RENDER_TEXT_LAYOUT_HPP_
#define KNOTPLAN_SRC_RENDER_TEXT_LAYOUT_HPP_

#include <string>
#include <string_view>
#include <vector>

namespace knotplan {

// Columns a UTF-8 string takes, counting one per code point.
std::size_t display_width(std::string_view text);

// Breaks `text` at spaces into lines of at most `width` columns; a word longer than a
// line gets a line of its own.
std::vector<std::string> wrap_words(std::string_view text, std::size_t width);

// "m:ss", or "h:mm:ss" past an hour.
std::string clock_time(int seconds);

// "45 s", "2 min", "1 min 30 s".
std::string duration(int seconds);

}  // namespace knotplan

#endif  // KNOTPLAN_SRC_RENDER_TEXT_LAYOUT_HPP_
