#ifndef KNOTPLAN_SRC_RENDER_JSON_WRITER_HPP_
#define KNOTPLAN_SRC_RENDER_JSON_WRITER_HPP_

#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace knotplan {

// Writes pretty-printed JSON straight into a string, in the layout nlohmann's dump(2)
// gives (two-space indent, one array item a line, "[]" and "{}" when empty), without
// building a document first: the routine's JSON is on every scripted run's path.
// Strings are escaped, hidden characters (is_hidden_character) included; bytes that are not
// UTF-8 become U+FFFD.
class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  // In an object: the next member's name, one of the contract's own ("total_seconds"),
  // written as it is: it must need no escaping. Its value follows.
  void key(std::string_view name);
  void value(std::string_view text);
  void value(const char* text) { value(std::string_view(text)); }
  void value(long number);
  void value(int number) { value(static_cast<long>(number)); }
  void value(bool truth);
  // A finite number, in the shortest form that reads back the same ("5.5", "6").
  void value(double number);
  void null();
  // JSON text the caller has checked to be one valid value, written as it is.
  void raw_value(std::string_view json);
  void strings(const std::vector<std::string>& items);

  // A member of the current object: its name, then its value.
  template <typename Value>
  void field(std::string_view name, const Value& value_of_field) {
    key(name);
    if constexpr (std::is_same_v<Value, std::vector<std::string>>) {
      strings(value_of_field);
    } else {
      value(value_of_field);
    }
  }

 private:
  void before_value();
  void close_container();  // the end of an object or array, before its bracket
  void write_string(std::string_view text);
  void newline();

  std::string& out_;
  std::vector<bool> empty_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

}  // namespace knotplan

#endif  // KNOTPLAN_SRC_RENDER_JSON_WRITER_HPP_
