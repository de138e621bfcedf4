#ifndef KNOTPLAN_TERMINAL_HPP_
#define KNOTPLAN_TERMINAL_HPP_

#include <optional>
#include <string>
#include <string_view>

namespace knotplan {

enum class ColorChoice { kAuto, kAlways, kNever };

// Parses --color's value: auto, always or never. Throws UsageError otherwise.
ColorChoice parse_color_choice(const std::string& text);

// Whether to colour one output stream. An explicit choice wins; in auto, colour only on
// a terminal, and never when NO_COLOR is set and not empty or TERM is dumb or unset.
// The environment is passed in (nullptr when unset) so that this stays testable.
bool use_color(ColorChoice choice, const char* no_color, const char* term, bool is_terminal);

// The length of the valid UTF-8 sequence at the start of `text`, or 0 when it is not one
// (overlong forms, surrogates and code points past U+10FFFF count as invalid).
std::size_t utf8_sequence(std::string_view text);

// Text from a knowledge base or the command line made safe to print: control characters
// (C0, DEL, C1 and so escape sequences) and bytes that are not UTF-8 become '?', tabs and
// newlines become spaces.
std::string printable(std::string_view text);

// A value for an error message: printable, in single quotes, cut to 60 characters.
std::string quote_value(std::string_view value);

// The width of the terminal on `file_descriptor`, or nullopt when it is not a terminal.
std::optional<int> terminal_width(int file_descriptor);

}  // namespace knotplan

#endif  // KNOTPLAN_TERMINAL_HPP_
