#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>

#include "commands.hpp"
#include "knotplan/ids.hpp"
#include "knotplan/options.hpp"
#include "knotplan/render.hpp"
#include "knotplan/terminal.hpp"

namespace knotplan {

namespace {

std::string origin_text(const Setting& setting) {
  switch (setting.origin) {
    case Origin::kCommandLine:
      return "command line";
    case Origin::kEnvironment:
      return "environment " + setting.source;
    case Origin::kConfigFile:
      return "config file " + setting.source;
    case Origin::kDefault:
      break;
  }
  return "default";
}

// The version of the JSON 'config show' prints (data/schema/config.schema.json): 1 gave
// minutes and age as numbers and the lists as arrays, where they had been strings.
constexpr int kConfigSchemaVersion = 1;

// A setting's value as JSON, by its kind in the option table: a whole number as a number,
// a list of ids as an array of the items as typed ("none" is none), and no value (no age,
// the built-in knowledge base) as null.
nlohmann::ordered_json setting_json(const std::string& key, const std::string& value) {
  const ValueKind kind = find_setting(key)->kind;
  if (kind == ValueKind::kIds) {
    nlohmann::ordered_json items = nlohmann::ordered_json::array();
    std::size_t begin = 0;
    while (begin <= value.size()) {
      const std::size_t comma = std::min(value.find(',', begin), value.size());
      const std::string_view item = trimmed(std::string_view(value).substr(begin, comma - begin));
      if (!item.empty() && normalize_id(item) != "none") items.emplace_back(std::string(item));
      begin = comma + 1;
    }
    return items;
  }
  if (value.empty()) return nullptr;
  // Checked as a whole number in range by apply_settings, whatever its origin.
  if (kind == ValueKind::kWholeNumber) return std::stoi(std::string(trimmed(value)));
  return value;
}

}  // namespace

int run_config_show(const Invocation& invocation) {
  // A format given for this command must be one it prints; one from the environment or
  // the config file is for routines, and shows the settings as text unless it is json.
  const auto given = invocation.settings.find("format");
  const bool asked_here =
      given != invocation.settings.end() && given->second.origin == Origin::kCommandLine;
  const std::string format = asked_here ? checked_format(invocation.format, kListingFormats)
                             : normalize_id(invocation.format) == "json" ? "json"
                                                                         : "text";
  std::ostringstream out;
  if (format == "json") {
    nlohmann::ordered_json report{{"schema_version", kConfigSchemaVersion},
                                  {"config_file", invocation.config_path},
                                  {"config_file_found", invocation.config_found}};
    nlohmann::ordered_json settings;
    for (const std::string& key : setting_keys()) {
      const Setting& setting = invocation.settings.at(key);
      settings[key] = {{"value", setting_json(key, setting.value)}, {"from", origin_text(setting)}};
    }
    report["settings"] = settings;
    out << escape_hidden_characters(
               report.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace))
        << '\n';
  } else {
    out << fmt::format("config file: {} ({})\n\n", printable(invocation.config_path),
                       invocation.config_found ? "found" : "not found");
    for (const std::string& key : setting_keys()) {
      const Setting& setting = invocation.settings.at(key);
      const std::string value = !setting.value.empty() ? setting.value
                                : key == "kb"          ? "(built-in)"
                                                       : "(none)";
      out << fmt::format("{:<11} {:<24} {}\n", key, printable(value),
                         printable(origin_text(setting)));
    }
  }
  emit(invocation, out.str());
  return 0;
}

}  // namespace knotplan
