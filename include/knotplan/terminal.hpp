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

// The code point a valid UTF-8 sequence (as measured by utf8_sequence) encodes.
char32_t utf8_code_point(std::string_view sequence);

// Characters that must not reach a terminal as they are, although they are valid text:
// C1 controls (U+0080-U+009F), and the invisible and direction-changing format characters
// (U+061C, U+200B, U+200E-U+200F, U+2028-U+2029, U+202A-U+202E, U+2060-U+206F, U+FEFF),
// which can hide or reorder what a person reads.
bool is_hidden_character(char32_t code_point);

// JSON text with every hidden character written as a JSON escape: a backslash, 'u' and four
// hex digits. Such characters can only stand inside strings, where the escape means the
// same, so the JSON stays valid and equal in meaning.
std::string escape_hidden_characters(std::string_view json_text);

// Text from a knowledge base or the command line made safe to print: control characters
// (C0, DEL, C1 and so escape sequences), the hidden characters above and bytes that are
// not UTF-8 become '?', tabs and newlines become spaces.
std::string printable(std::string_view text);

// A value or a path for an error message: printable and cut to 60 bytes (on a character's
// boundary) with "..." after the cut, so that a huge argument cannot flood the terminal.
std::string shortened(std::string_view value);

// A value for an error message: shortened, in single quotes.
std::string quote_value(std::string_view value);

// The width of the terminal on `file_descriptor`, or nullopt when it is not a terminal.
std::optional<int> terminal_width(int file_descriptor);

}  // namespace knotplan

#endif  // KNOTPLAN_TERMINAL_HPP_
