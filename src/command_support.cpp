#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

#include "commands.hpp"
#include "knotplan/error.hpp"
#include "knotplan/history_store.hpp"
#include "knotplan/ids.hpp"
#include "knotplan/knowledge_loader.hpp"
#include "knotplan/options.hpp"
#include "knotplan/output_file.hpp"
#include "knotplan/render.hpp"
#include "knotplan/terminal.hpp"

namespace knotplan {

const KnowledgeBase& knowledge_base_for(const Invocation& invocation, KnowledgeBase& storage) {
  if (!invocation.knowledge_base) return builtin_knowledge_base();
  const std::string& path = *invocation.knowledge_base;
  storage =
      load_knowledge_base(read_knowledge_base_file(path), path == "-" ? "(standard input)" : path);
  return storage;
}

std::string format_for(const Invocation& invocation, std::span<const char* const> allowed) {
  const auto chosen = invocation.settings.find("format");
  const bool given =
      chosen != invocation.settings.end() && chosen->second.origin == Origin::kCommandLine;
  // The file's extension says what a person expects to find in it, more surely than a
  // personal default for the format does; only --format on the same command line wins.
  if (!given && invocation.output)
    if (const auto format = format_of_file(*invocation.output)) {
      const std::string_view name = format_name(*format);
      if (std::find(allowed.begin(), allowed.end(), name) != allowed.end())
        return std::string(name);
    }
  return checked_format(invocation.format, allowed);
}

std::string checked_format(const std::string& format, std::span<const char* const> allowed) {
  const std::string wanted = normalize_id(format);
  for (const char* name : allowed)
    if (wanted == name) return wanted;
  throw UsageError(fmt::format("--format {} is not a format here", quote_value(format)),
                   fmt::format("use {}", fmt::join(allowed, " or ")));
}

bool to_standard_output(const Invocation& invocation) {
  return !invocation.output || *invocation.output == "-";
}

namespace {

// Writing the routine over the knowledge base it came from would silently destroy the
// knowledge base; the same file under another name or through a link counts too.
void refuse_output_onto_knowledge_base(const Invocation& invocation) {
  if (!invocation.knowledge_base || *invocation.knowledge_base == "-") return;
  if (!same_file(*invocation.output, *invocation.knowledge_base)) return;
  throw UsageError(
      fmt::format("--output {} is the knowledge base being read ({})",
                  quote_value(*invocation.output), quote_value(*invocation.knowledge_base)),
      "write the output to another file");
}

}  // namespace

void emit(const Invocation& invocation, std::string_view text) {
  if (to_standard_output(invocation)) {
    write_standard_output(text);
  } else {
    refuse_output_onto_knowledge_base(invocation);
    write_output_file(*invocation.output, text);
  }
}

namespace {

// "a=up, b=down" as typed with --rate, one item each; a repeated option joins its uses
// with commas.
std::vector<std::string> comma_items(const std::string& text) {
  std::vector<std::string> items;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    const std::size_t comma = std::min(text.find(',', begin), text.size());
    const std::string item(trimmed(std::string_view(text).substr(begin, comma - begin)));
    if (!item.empty()) items.push_back(item);
    begin = comma + 1;
  }
  return items;
}

// Whether KNOTPLAN_NO_HISTORY asks to leave the session log alone.
bool history_turned_off_by_environment() {
  const char* value = std::getenv("KNOTPLAN_NO_HISTORY");
  if (value == nullptr) return false;
  const std::string word = normalize_id(value);
  if (word.empty() || word == "0" || word == "false" || word == "no") return false;
  if (word == "1" || word == "true" || word == "yes") return true;
  throw UsageError(
      fmt::format("environment KNOTPLAN_NO_HISTORY {} is not a yes or a no", quote_value(value)),
      "set it to 1 to turn the session log off, or unset it");
}

void apply_history_settings(Invocation& invocation, const CommandLineValues& command_line,
                            std::optional<std::string> chosen_file) {
  const auto given = [&](const char* name) -> std::optional<std::string> {
    const auto found = command_line.find(name);
    return found == command_line.end() ? std::nullopt : std::optional(found->second);
  };
  // The command line wins over the environment: --history FILE uses the log even with
  // KNOTPLAN_NO_HISTORY=1, as any option beats its variable.
  if (given("no-history") && given("history"))
    throw UsageError("--history and --no-history contradict each other", "give one of them");
  const bool off =
      given("no-history").has_value() || (!given("history") && history_turned_off_by_environment());
  invocation.history_off = off;
  invocation.history = chosen_file;
  invocation.pain_before = given("pain-before");
  invocation.pain_after = given("pain-after");
  invocation.date = given("date");
  invocation.note = given("note");
  if (const auto rates = command_line.find("rate"); rates != command_line.end())
    invocation.ratings = comma_items(rates->second);
  invocation.forget = given("forget").has_value();
  invocation.yes = given("yes").has_value();
}

}  // namespace

void apply_settings(Invocation& invocation, const CommandLineValues& command_line) {
  std::map<std::string, std::string> settings_given;
  for (const auto& [name, value] : command_line) {
    const OptionSpec* option = find_option(name);
    check_option_value(*option, value, "--" + name);
    if (!option->setting_key.empty()) settings_given[std::string(option->setting_key)] = value;
  }
  std::map<std::string, std::string> environment;
  for (const std::string& key : setting_keys())
    if (const char* value = std::getenv(environment_name(key).c_str()))
      environment[environment_name(key)] = value;
  invocation.config_path = config_file_path(std::getenv("XDG_CONFIG_HOME"), std::getenv("HOME"));
  const auto file = read_config_file(invocation.config_path);
  invocation.config_found = file.has_value();
  invocation.settings = resolve_settings(settings_given, environment, file, invocation.config_path);

  // Each option's value: from the command line, else its setting, else its default.
  const auto value = [&](std::string_view name) -> std::optional<std::string> {
    const OptionSpec& option = *find_option(name);
    // What the command line gave, even empty, so that an error can name it.
    if (const auto given = command_line.find(std::string(name)); given != command_line.end())
      return given->second;
    if (!option.setting_key.empty()) {
      const std::string& setting = invocation.settings.at(std::string(option.setting_key)).value;
      return setting.empty() ? std::nullopt : std::optional<std::string>(setting);
    }
    if (option.default_value.empty()) return std::nullopt;
    return std::string(option.default_value);
  };
  const auto list = [&](std::string_view name) {
    const auto text = value(name);
    return text ? std::vector<std::string>{*text} : std::vector<std::string>{};
  };
  RequestOptions& request = invocation.request;
  request.area = value("area");
  request.since = value("since");
  request.cause = value("cause").value_or("");
  request.pain = value("pain").value_or("");
  request.minutes = value("minutes").value_or("");
  request.equipment = list("equipment");
  request.side = value("side").value_or("");
  request.symptoms = list("symptom");
  request.conditions = list("condition");
  request.age = value("age");
  request.explain = value("explain").has_value();
  invocation.format = value("format").value_or("");
  invocation.output = value("output");
  invocation.color = value("color").value_or("");
  invocation.compact = value("compact").has_value();
  invocation.guide = value("guide").has_value();
  invocation.time_scale = value("time-scale").value_or("");
  invocation.no_bell = value("no-bell").has_value();
  invocation.knowledge_base = value("kb");
  apply_history_settings(invocation, command_line, value("history"));
}

void check_setting_ids(const Invocation& invocation, const KnowledgeBase& kb) {
  const auto known = [&](std::string_view key, const std::string& id) {
    if (key == "area") {
      const Area* area = match_named(kb.areas, id);
      return area != nullptr && !area->target_only;
    }
    return key == "equipment" ? match_named(kb.equipment, id) != nullptr
                              : match_named(kb.conditions, id) != nullptr;
  };
  for (const char* key : {"area", "equipment", "conditions"}) {
    const Setting& setting = invocation.settings.at(key);
    if (setting.origin != Origin::kEnvironment && setting.origin != Origin::kConfigFile) continue;
    // "none" is no items, as for --equipment none (split_list in request.cpp).
    if (normalize_id(setting.value) == "none") continue;
    std::size_t begin = 0;
    while (begin <= setting.value.size()) {
      const std::size_t comma = std::min(setting.value.find(',', begin), setting.value.size());
      const std::string id = setting.value.substr(begin, comma - begin);
      if (!known(key, id))
        throw UsageError(
            fmt::format("{} {}: {} {} is not known",
                        setting.origin == Origin::kEnvironment ? "environment" : "config file",
                        shortened(setting.source), key, quote_value(id)),
            fmt::format("'knotplan list {}' lists them",
                        std::string_view(key) == "area" ? "areas" : key));
      begin = comma + 1;
    }
  }
}

std::optional<std::string> history_file(const Invocation& invocation) {
  if (invocation.history_off) return std::nullopt;
  return invocation.history ? *invocation.history : default_history_path();
}

std::optional<std::string> history_file_if_any(const Invocation& invocation) {
  try {
    return history_file(invocation);
  } catch (const IoError&) {
    // No HOME and no XDG_STATE_HOME (a bare cron job, a container): nowhere to look, so a
    // plan goes without the log, as for a new user. Only writing it must fail.
    return std::nullopt;
  }
}

bool color_for_stdout(const Invocation& invocation) {
  const ColorChoice choice = parse_color_choice(invocation.color);
  const bool to_terminal = to_standard_output(invocation) && isatty(STDOUT_FILENO);
  return use_color(choice, std::getenv("NO_COLOR"), std::getenv("TERM"), to_terminal);
}

}  // namespace knotplan
