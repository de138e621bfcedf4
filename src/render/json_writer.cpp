#include "json_writer.hpp"

#include <fmt/format.h>

#include <array>
#include <cstdint>
#include <iterator>

#include "knotplan/terminal.hpp"

namespace knotplan {

namespace {

// The bytes a JSON string cannot hold as they are: quotes, backslashes and control
// characters, plus the first byte of a multi-byte sequence, which is checked to be UTF-8.
// A table keeps the scan over plain text, most of a routine's output, to one test a byte.
constexpr std::array<bool, 256> kNeedsCare = [] {
  std::array<bool, 256> table{};
  for (std::size_t byte = 0; byte < table.size(); ++byte)
    table[byte] = byte < 0x20 || byte >= 0x80 || byte == '"' || byte == '\\';
  return table;
}();

}  // namespace

void JsonWriter::newline() {
  // A routine nests five levels deep; deeper documents take the slow path.
  constexpr std::string_view kIndent = "\n                    ";
  const std::size_t width = empty_.size() * 2;
  if (width < kIndent.size()) {
    out_ += kIndent.substr(0, width + 1);
  } else {
    out_ += '\n';
    out_.append(width, ' ');
  }
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (empty_.empty()) return;
  if (!empty_.back()) out_ += ',';
  empty_.back() = false;
  newline();
}

void JsonWriter::begin_object() {
  before_value();
  out_ += '{';
  empty_.push_back(true);
}

void JsonWriter::end_object() {
  close_container();
  out_ += '}';
}

void JsonWriter::close_container() {
  const bool empty = empty_.back();
  empty_.pop_back();
  if (!empty) newline();
}

void JsonWriter::begin_array() {
  before_value();
  out_ += '[';
  empty_.push_back(true);
}

void JsonWriter::end_array() {
  close_container();
  out_ += ']';
}

void JsonWriter::key(std::string_view name) {
  before_value();
  out_ += '"';
  out_ += name;
  out_ += "\": ";
  after_key_ = true;
}

void JsonWriter::value(std::string_view text) {
  before_value();
  write_string(text);
}

void JsonWriter::write_string(std::string_view text) {
  out_ += '"';
  for (std::size_t i = 0; i < text.size();) {
    // Plain ASCII, the common case, is copied a run at a time.
    std::size_t plain = i;
    while (plain < text.size() && !kNeedsCare[static_cast<unsigned char>(text[plain])]) ++plain;
    if (plain > i) {
      out_.append(text.substr(i, plain - i));
      i = plain;
      continue;
    }
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '"' || byte == '\\') {
      out_ += '\\';
      out_ += static_cast<char>(byte);
      ++i;
    } else if (byte < 0x20) {
      switch (byte) {
        case '\b':
          out_ += "\\b";
          break;
        case '\f':
          out_ += "\\f";
          break;
        case '\n':
          out_ += "\\n";
          break;
        case '\r':
          out_ += "\\r";
          break;
        case '\t':
          out_ += "\\t";
          break;
        default:
          out_ += fmt::format("\\u{:04x}", byte);
      }
      ++i;
    } else if (byte < 0x80) {
      out_ += static_cast<char>(byte);
      ++i;
    } else if (const std::size_t length = utf8_sequence(text.substr(i)); length > 0) {
      const char32_t code_point = utf8_code_point(text.substr(i, length));
      // Escaped so that JSON shown on a terminal cannot hide or reorder text either.
      if (is_hidden_character(code_point)) {
        fmt::format_to(std::back_inserter(out_), "\\u{:04x}",
                       static_cast<std::uint32_t>(code_point));
      } else {
        out_.append(text.substr(i, length));
      }
      i += length;
    } else {
      out_ += "\xef\xbf\xbd";  // U+FFFD for a byte that is not UTF-8
      ++i;
    }
  }
  out_ += '"';
}

void JsonWriter::value(long number) {
  before_value();
  fmt::format_to(std::back_inserter(out_), "{}", number);
}

void JsonWriter::value(bool truth) {
  before_value();
  out_ += truth ? "true" : "false";
}

void JsonWriter::value(double number) {
  before_value();
  fmt::format_to(std::back_inserter(out_), "{}", number);
}

void JsonWriter::raw_value(std::string_view json) {
  before_value();
  out_.append(json);
}

void JsonWriter::null() {
  before_value();
  out_ += "null";
}

void JsonWriter::strings(const std::vector<std::string>& items) {
  begin_array();
  for (const std::string& item : items) value(item);
  end_array();
}

}  // namespace knotplan
