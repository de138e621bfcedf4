#include "json_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace knotplan {

using nlohmann::json;

namespace {

const char* type_name(const json& node) {
  switch (node.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::object:
      return "an object";
    case json::value_t::array:
      return "an array";
    case json::value_t::string:
      return "a string";
    case json::value_t::boolean:
      return "true or false";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return "an integer";
    case json::value_t::number_float:
      return "a number";
    default:
      return "something else";
  }
}

struct TextPosition {
  std::size_t line = 1;
  std::size_t column = 1;
};

// nlohmann counts bytes read, which can be past the bad token; the byte before it is
// the character that made parsing fail.
TextPosition position_of(std::string_view text, std::size_t byte) {
  const std::size_t end = byte == 0 ? 0 : std::min(byte - 1, text.size());
  TextPosition position;
  for (std::size_t i = 0; i < end; ++i) {
    if (text[i] == '\n') {
      ++position.line;
      position.column = 1;
    } else {
      ++position.column;
    }
  }
  return position;
}

// The depth of the deepest array or object, and where it first exceeds `max_depth`.
std::optional<std::size_t> first_byte_too_deep(std::string_view text, int max_depth) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return i + 1;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return std::nullopt;
}

}  // namespace

void JsonReader::fail(const JsonPath& where, const std::string& message) {
  problems_.push_back({where.pointer(), message});
}

bool JsonReader::object(const json& node, const JsonPath& where) {
  if (node.is_object()) return true;
  fail(where, fmt::format("must be an object, not {}", type_name(node)));
  return false;
}

void JsonReader::only_keys(const json& node, const JsonPath& where,
                           std::initializer_list<std::string_view> known) {
  for (const auto& [key, value] : node.items()) {
    if (std::find(known.begin(), known.end(), key) == known.end())
      fail(JsonPath(where, key), fmt::format("unknown key '{}'", key));
  }
}

std::string_view JsonReader::text(const json& node, const JsonPath& where, const char* key,
                                  bool required) {
  const auto found = node.find(key);
  if (found == node.end()) {
    if (required) fail(JsonPath(where, key), "is missing");
    return {};
  }
  if (!found->is_string()) {
    fail(JsonPath(where, key), fmt::format("must be a string, not {}", type_name(*found)));
    return {};
  }
  const std::string_view value = found->get_ref<const std::string&>();
  if (required && value.empty()) fail(JsonPath(where, key), "must not be empty");
  return value;
}

std::string_view JsonReader::id(const json& node, const JsonPath& where, const char* key) {
  const std::string_view value = text(node, where, key);
  if (!value.empty() && !is_valid_id(value))
    fail(JsonPath(where, key),
         fmt::format("'{}' is not a valid id; use lower-case words joined by hyphens", value));
  return value;
}

std::vector<std::string_view> JsonReader::texts(const json& node, const JsonPath& where,
                                                const char* key, bool required) {
  std::vector<std::string_view> values;
  const json* list = array(node, where, key, required);
  if (list == nullptr) return values;
  const JsonPath list_where(where, key);
  for (std::size_t i = 0; i < list->size(); ++i) {
    const json& item = (*list)[i];
    if (!item.is_string()) {
      fail(JsonPath(list_where, i), fmt::format("must be a string, not {}", type_name(item)));
    } else if (item.get_ref<const std::string&>().empty()) {
      fail(JsonPath(list_where, i), "must not be empty");
    } else {
      values.push_back(item.get_ref<const std::string&>());
    }
  }
  return values;
}

std::vector<std::string_view> JsonReader::ids(const json& node, const JsonPath& where,
                                              const char* key, bool required) {
  std::vector<std::string_view> values = texts(node, where, key, required);
  const JsonPath list_where(where, key);
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!is_valid_id(values[i]))
      fail(JsonPath(list_where, i), fmt::format("'{}' is not a valid id", values[i]));
  }
  return values;
}

std::optional<int> JsonReader::integer(const json& node, const JsonPath& where, const char* key,
                                       int min, int max, bool required) {
  const auto found = node.find(key);
  if (found == node.end()) {
    if (required) fail(JsonPath(where, key), "is missing");
    return std::nullopt;
  }
  const bool whole = found->is_number_integer() ||
                     (found->is_number_float() && std::isfinite(found->get<double>()) &&
                      std::floor(found->get<double>()) == found->get<double>());
  if (!whole) {
    fail(JsonPath(where, key), fmt::format("must be a whole number, not {}", type_name(*found)));
    return std::nullopt;
  }
  const double value = found->get<double>();
  if (value < min || value > max) {
    fail(JsonPath(where, key),
         fmt::format("{} is out of range; use {} to {}", found->dump(), min, max));
    return std::nullopt;
  }
  return static_cast<int>(value);
}

std::optional<double> JsonReader::number(const json& node, const JsonPath& where, const char* key,
                                         double min, double max, bool required) {
  const auto found = node.find(key);
  if (found == node.end()) {
    if (required) fail(JsonPath(where, key), "is missing");
    return std::nullopt;
  }
  if (!found->is_number()) {
    fail(JsonPath(where, key), fmt::format("must be a number, not {}", type_name(*found)));
    return std::nullopt;
  }
  const double value = found->get<double>();
  if (!(value >= min && value <= max)) {
    fail(JsonPath(where, key),
         fmt::format("{} is out of range; use {} to {}", found->dump(), min, max));
    return std::nullopt;
  }
  return value;
}

bool JsonReader::boolean(const json& node, const JsonPath& where, const char* key, bool fallback) {
  const auto found = node.find(key);
  if (found == node.end()) return fallback;
  if (!found->is_boolean()) {
    fail(JsonPath(where, key), fmt::format("must be true or false, not {}", type_name(*found)));
    return fallback;
  }
  return found->get<bool>();
}

const json* JsonReader::array(const json& node, const JsonPath& where, const char* key,
                              bool required) {
  const auto found = node.find(key);
  if (found == node.end()) {
    if (required) fail(JsonPath(where, key), "is missing");
    return nullptr;
  }
  if (!found->is_array()) {
    fail(JsonPath(where, key), fmt::format("must be an array, not {}", type_name(*found)));
    return nullptr;
  }
  return &*found;
}

bool is_valid_id(std::string_view id) {
  if (id.empty() || id.front() == '-' || id.back() == '-') return false;
  char previous = 0;
  for (const char c : id) {
    const bool allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!allowed || (c == '-' && previous == '-')) return false;
    previous = c;
  }
  return true;
}

std::optional<json> parse_json(std::string_view text, int max_depth,
                               std::vector<Problem>& problems) {
  if (const auto byte = first_byte_too_deep(text, max_depth)) {
    const TextPosition at = position_of(text, *byte + 1);
    problems.push_back({fmt::format("line {}:{}", at.line, at.column),
                        fmt::format("nested deeper than {} levels", max_depth)});
    return std::nullopt;
  }
  try {
    return json::parse(text.begin(), text.end());
  } catch (const json::parse_error& error) {
    const TextPosition at = position_of(text, error.byte);
    std::string description = error.what();
    // Drop nlohmann's own prefix and position: ours points at the bad character.
    if (const auto colon = description.find(": "); colon != std::string::npos)
      description = description.substr(colon + 2);
    problems.push_back({fmt::format("line {}:{}", at.line, at.column),
                        fmt::format("JSON syntax error: {}", description)});
    return std::nullopt;
  } catch (const json::exception& error) {
    // Not a syntax error but still unreadable: a number too large for a double (found by
    // fuzzing). nlohmann gives no position for these.
    std::string description = error.what();
    if (const auto bracket = description.find("] "); bracket != std::string::npos)
      description = description.substr(bracket + 2);
    problems.push_back({"/", fmt::format("unreadable JSON: {}", description)});
    return std::nullopt;
  }
}

}  // namespace knotplan
