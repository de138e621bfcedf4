#include "knotplan/settings.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <nlohmann/json.hpp>

#include "json_reader.hpp"
#include "knotplan/error.hpp"
#include "knotplan/file_reading.hpp"
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

namespace {

// What to do about a config file that is there but cannot be read.
std::string unreadable_config_hint(const FileContent& content) {
  if (content.status == FileContent::Status::kTooLarge)
    return "a config file holds a few settings; move this one away";
  if (content.status == FileContent::Status::kDirectory)
    return "move the folder away, or put the settings in a file at that path";
  if (content.error == ENOTDIR)
    return "a part of the path is a file, not a folder: XDG_CONFIG_HOME and HOME must name "
           "folders";
  return "make it readable, or move it away to use the built-in defaults";
}

// The config file's text, or nullopt when there is none. Only ENOENT means "none": even
// ENOTDIR (XDG_CONFIG_HOME naming the config file itself, say) stops the run, because a
// config that is there but cannot be read may name the conditions that make a routine
// gentler, and silently planning with the defaults would drop them.
std::optional<std::string> config_file_text(const std::string& path) {
  FileContent content = read_whole_file(path, kMaxConfigFileBytes);
  if (content.status == FileContent::Status::kRead) return std::move(content.text);
  if (content.status == FileContent::Status::kAbsent) return std::nullopt;
  throw IoError(fmt::format("cannot read config file {}: {}", quote_value(path),
                            reason_not_read(content, kMaxConfigFileBytes)),
                unreadable_config_hint(content));
}

}  // namespace

std::optional<std::map<std::string, std::string>> read_config_file(const std::string& path) {
  const std::optional<std::string> text = config_file_text(path);
  if (!text) return std::nullopt;
  std::vector<Problem> problems;
  const auto root = parse_json(*text, 8, problems);
  if (!root)
    throw UsageError(fmt::format("config file {}: {}: {}", shortened(path), problems[0].where,
                                 problems[0].message),
                     "fix the file, or move it away to use the built-in defaults");
  if (!root->is_object())
    throw UsageError(fmt::format("config file {} must hold a JSON object", shortened(path)),
                     R"(for example: {"equipment": ["tennis-ball"], "minutes": 8})");
  std::map<std::string, std::string> values;
  const std::string where = "config file " + shortened(path);
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
