#include "knotplan/settings.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "json_reader.hpp"
#include "knotplan/error.hpp"
#include "knotplan/ids.hpp"
#include "knotplan/options.hpp"
#include "knotplan/terminal.hpp"

namespace knotplan {

namespace {

const OptionSpec& setting_option(const std::string& key) {
  return *find_setting(key);
}

bool is_list(const std::string& key) {
  return setting_option(key).kind == ValueKind::kIds;
}
bool is_number(const std::string& key) {
  return setting_option(key).kind == ValueKind::kWholeNumber;
}

}  // namespace

const std::vector<std::string>& setting_keys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> result;
    for (const OptionSpec& option : option_table())
      if (!option.setting_key.empty()) result.emplace_back(option.setting_key);
    return result;
  }();
  return keys;
}

std::string environment_name(const std::string& key) {
  return environment_variable(setting_option(key));
}

std::string config_file_path(const char* xdg_config_home, const char* home) {
  // The XDG spec ignores a relative XDG_CONFIG_HOME.
  if (xdg_config_home != nullptr && xdg_config_home[0] == '/')
    return std::string(xdg_config_home) + "/knotplan/config.json";
  return std::string(home != nullptr ? home : "") + "/.config/knotplan/config.json";
}

void check_setting(const std::string& key, const std::string& value, const std::string& where) {
  check_option_value(setting_option(key), value, fmt::format("{}: {}", where, key));
}

std::optional<std::map<std::string, std::string>> read_config_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream text;
  text << in.rdbuf();
  std::vector<Problem> problems;
  const auto root = parse_json(text.str(), 8, problems);
  if (!root)
    throw UsageError(
        fmt::format("config file {}: {}: {}", path, problems[0].where, problems[0].message),
        "fix the file, or move it away to use the built-in defaults");
  if (!root->is_object())
    throw UsageError(fmt::format("config file {} must hold a JSON object", path),
                     R"(for example: {"equipment": ["tennis-ball"], "minutes": 8})");
  std::map<std::string, std::string> values;
  const std::string where = "config file " + path;
  for (const auto& [key, value] : root->items()) {
    const auto& keys = setting_keys();
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
      std::string hint;
      if (const auto closest = closest_match(key, keys))
        hint = fmt::format("did you mean '{}'? ", *closest);
      throw UsageError(fmt::format("{}: unknown key {}", where, quote_value(key)),
                       hint + fmt::format("Keys: {}", fmt::join(keys, ", ")));
    }
    std::string text_value;
    if (is_list(key) && value.is_array()) {
      std::vector<std::string> items;
      for (const auto& item : value) {
        if (!item.is_string())
          throw UsageError(fmt::format("{}: {} must list strings", where, key),
                           R"(for example: "equipment": ["tennis-ball", "foam-roller"])");
        items.push_back(item.get<std::string>());
      }
      text_value = fmt::format("{}", fmt::join(items, ","));
    } else if (is_number(key) && value.is_number_unsigned()) {
      text_value = std::to_string(value.get<unsigned long long>());
    } else if (is_number(key) && value.is_number_integer()) {
      text_value = std::to_string(value.get<long long>());
    } else if (value.is_string() && !is_number(key)) {
      text_value = value.get<std::string>();
    } else {
      throw UsageError(fmt::format("{}: {} has the wrong type", where, key),
                       is_number(key) ? "give a whole number"
                       : is_list(key) ? "give a list of ids, such as [\"tennis-ball\"]"
                                      : "give a string");
    }
    check_setting(key, text_value, where);
    values[key] = text_value;
  }
  return values;
}

std::map<std::string, Setting> resolve_settings(
    const std::map<std::string, std::string>& command_line,
    const std::map<std::string, std::string>& environment,
    const std::optional<std::map<std::string, std::string>>& config_file,
    const std::string& config_path) {
  std::map<std::string, Setting> settings;
  for (const std::string& key : setting_keys()) {
    if (const auto given = command_line.find(key); given != command_line.end()) {
      settings[key] = {given->second, Origin::kCommandLine, ""};
    } else if (const auto variable = environment.find(environment_name(key));
               variable != environment.end() && !variable->second.empty()) {
      check_setting(key, variable->second, "environment " + variable->first);
      settings[key] = {variable->second, Origin::kEnvironment, variable->first};
    } else if (config_file && config_file->count(key)) {
      settings[key] = {config_file->at(key), Origin::kConfigFile, config_path};
    } else {
      settings[key] = {std::string(setting_option(key).default_value), Origin::kDefault, ""};
    }
  }
  return settings;
}

}  // namespace knotplan
