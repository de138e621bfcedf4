#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "commands.hpp"
#include "knotplan/ids.hpp"
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
    nlohmann::ordered_json report{{"config_file", invocation.config_path},
                                  {"config_file_found", invocation.config_found}};
    nlohmann::ordered_json settings;
    for (const std::string& key : setting_keys()) {
      const Setting& setting = invocation.settings.at(key);
      settings[key] = {{"value", setting.value}, {"from", origin_text(setting)}};
    }
    report["settings"] = settings;
    out << report.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
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
