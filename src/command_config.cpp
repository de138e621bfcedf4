#include <fmt/format.h>

#include <cstdlib>
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
  // The knowledge base is a setting too, though it has no key in the config file.
  std::string kb_value = "(built-in)";
  std::string kb_origin = "default";
  if (invocation.knowledge_base) {
    kb_value = *invocation.knowledge_base;
    kb_origin = "command line";
  } else if (const char* path = std::getenv("KNOTPLAN_KB"); path != nullptr && *path != '\0') {
    kb_value = path;
    kb_origin = "environment KNOTPLAN_KB";
  }
  std::ostringstream out;
  if (format == "json") {
    nlohmann::ordered_json report{{"config_file", invocation.config_path},
                                  {"config_file_found", invocation.config_found}};
    nlohmann::ordered_json settings;
    for (const std::string& key : setting_keys()) {
      const Setting& setting = invocation.settings.at(key);
      settings[key] = {{"value", setting.value}, {"from", origin_text(setting)}};
    }
    settings["kb"] = {{"value", kb_value}, {"from", kb_origin}};
    report["settings"] = settings;
    out << report.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
  } else {
    out << fmt::format("config file: {} ({})\n\n", printable(invocation.config_path),
                       invocation.config_found ? "found" : "not found");
    for (const std::string& key : setting_keys()) {
      const Setting& setting = invocation.settings.at(key);
      const std::string value = setting.value.empty() ? "(none)" : setting.value;
      out << fmt::format("{:<11} {:<24} {}\n", key, printable(value),
                         printable(origin_text(setting)));
    }
    out << fmt::format("{:<11} {:<24} {}\n", "kb", printable(kb_value), kb_origin);
  }
  emit(invocation, out.str());
  return 0;
}

}  // namespace knotplan
