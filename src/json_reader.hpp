#ifndef KNOTPLAN_SRC_JSON_READER_HPP_
#define KNOTPLAN_SRC_JSON_READER_HPP_

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "json_path.hpp"
#include "knotplan/error.hpp"

namespace knotplan {

// Reads typed fields out of parsed JSON and records a Problem, located by JSON pointer,
// for everything missing, mistyped or out of range, instead of stopping at the first.
class JsonReader {
 public:
  explicit JsonReader(std::vector<Problem>& problems) : problems_(problems) {}

  void fail(const JsonPath& where, const std::string& message);

  // True when `node` is an object; records a problem otherwise.
  bool object(const nlohmann::json& node, const JsonPath& where);
  // Records a problem for every key of `node` not in `known`.
  void only_keys(const nlohmann::json& node, const JsonPath& where,
                 std::initializer_list<std::string_view> known);

  // Each reads `node[key]`. A missing required key is a problem; a missing optional one
  // gives `fallback` (or nullopt) silently. Texts view the strings inside `node`.
  std::string_view text(const nlohmann::json& node, const JsonPath& where, const char* key,
                        bool required = true);
  std::string_view id(const nlohmann::json& node, const JsonPath& where, const char* key);
  std::vector<std::string_view> texts(const nlohmann::json& node, const JsonPath& where,
                                      const char* key, bool required = false);
  std::vector<std::string_view> ids(const nlohmann::json& node, const JsonPath& where,
                                    const char* key, bool required = false);
  std::optional<int> integer(const nlohmann::json& node, const JsonPath& where, const char* key,
                             int min, int max, bool required = true);
  std::optional<double> number(const nlohmann::json& node, const JsonPath& where, const char* key,
                               double min, double max, bool required = true);
  bool boolean(const nlohmann::json& node, const JsonPath& where, const char* key, bool fallback);
  // The array at node[key], or nullptr (with a problem when required or mistyped).
  const nlohmann::json* array(const nlohmann::json& node, const JsonPath& where, const char* key,
                              bool required = true);

 private:
  std::vector<Problem>& problems_;
};

// Ids are lower-case kebab-case: "upper-back", "tennis-ball".
bool is_valid_id(std::string_view id);

// Parses JSON text after checking its nesting depth, so that a hostile file cannot
// overflow the stack inside nlohmann's recursive parser. On failure returns nullopt and
// records one problem located at line:column.
std::optional<nlohmann::json> parse_json(std::string_view text, int max_depth,
                                         std::vector<Problem>& problems);

}  // namespace knotplan

#endif  // KNOTPLAN_SRC_JSON_READER_HPP_
