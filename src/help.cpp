#include "help.hpp"

#include <fmt/format.h>

#include "knotplan/ids.hpp"
#include "knotplan/knowledge_loader.hpp"
#include "knotplan/options.hpp"
#include "knotplan/render_knowledge.hpp"
#include "render/text_layout.hpp"

namespace knotplan {

namespace {

constexpr std::string_view kSummary =
    "knotplan: a safe, timed self-massage routine for a muscle knot.";

constexpr std::string_view kExamples = R"(
Examples:
  knotplan --area upper-back --since today
  knotplan --area neck --since 3w --cause posture -m 8 --equipment tennis-ball
  knotplan --area lower-back --cause strain --format json | jq .
  knotplan --area between-shoulder-blades --explain
  knotplan --area upper-back -o sheet.html      (then print it)
  knotplan --area neck --guide   (space pauses, n next, b back, q quits)
  knotplan list areas
  knotplan help show

Personal defaults: KNOTPLAN_AREA, KNOTPLAN_MINUTES, ... or the config file;
'knotplan config show' shows them and where each came from.
Exit status: 0 planned, 1 run-time failure, 2 usage error, 3 routine withheld
(a warning sign: the output says whom to see), 4 invalid knowledge base.
The manual has the rest: man knotplan.
This is self-care guidance, not a diagnosis.
)";

constexpr std::size_t kFlagColumn = 28;

std::string option_line(const OptionSpec& option) {
  std::string flags = option.short_name != 0 ? fmt::format("-{}, ", option.short_name) : "    ";
  flags += fmt::format("--{}", option.name);
  if (!option.value_name.empty()) flags += fmt::format(" {}", option.value_name);
  return fmt::format("  {:<{}}{}\n", flags, kFlagColumn, option.help);
}

std::string command_line(std::string_view name, std::string_view summary) {
  return fmt::format("  {:<{}}{}\n", name, kFlagColumn, summary);
}

template <typename Entry>
std::string id_list(std::string_view label, List<Entry> entries) {
  const std::vector<std::string> ids = typeable_ids(entries);
  const auto lines = wrap_words(fmt::format("{}", fmt::join(ids, ", ")), 64);
  return fmt::format("  {:<12}{}\n", label, fmt::join(lines, "\n              "));
}

}  // namespace

std::string short_help() {
  std::string text = fmt::format("{}\n\nUsage: knotplan --area AREA [OPTIONS]\n", kSummary);
  text += "       knotplan COMMAND [ARGUMENT] [OPTIONS]\n\nThe usual options:\n";
  for (const OptionSpec& option : option_table())
    if (option.in_short_help) text += option_line(option);
  std::vector<std::string_view> commands;
  for (const CommandSpec* command : top_level_commands()) commands.push_back(command->path);
  text += fmt::format("\nCommands: {}\n", fmt::join(commands, ", "));
  text +=
      "\nExample: knotplan --area upper-back --since today\n"
      "All options and ids: knotplan --help. A command's: knotplan help COMMAND.\n"
      "The manual: man knotplan.\n";
  return text;
}

std::string long_help() {
  std::string text = fmt::format("{}\n\nUsage: knotplan --area AREA [OPTIONS]\n", kSummary);
  text += "       knotplan COMMAND [ARGUMENT] [OPTIONS]\n";
  std::string_view group;
  for (const OptionSpec& option : option_table()) {
    if (option.group != group) text += fmt::format("\n{}:\n", group = option.group);
    text += option_line(option);
  }
  text += "\nOther:\n";
  text += fmt::format("  {:<{}}{}\n", "-h", kFlagColumn, "A short help");
  text += fmt::format("  {:<{}}{}\n", "    --help", kFlagColumn, "This help");
  text += fmt::format("  {:<{}}{}\n", "-V, --version", kFlagColumn, "The version");
  text += "\nCommands (knotplan help COMMAND tells more):\n";
  for (const CommandSpec* command : top_level_commands())
    text += command_line(command->path, command->summary);
  const KnowledgeBase& kb = builtin_knowledge_base();
  text += "\nValues (ids; aliases and any case also work):\n";
  text += id_list("areas:", kb.areas) + id_list("causes:", kb.causes) +
          id_list("equipment:", kb.equipment) + id_list("symptoms:", kb.symptoms) +
          "              (or in your own words: --symptom \"stiff neck, fever\")\n" +
          id_list("conditions:", kb.conditions);
  text += kExamples;
  return text;
}

std::string command_help(const CommandSpec& command) {
  std::vector<const CommandSpec*> inner;
  const std::string prefix = fmt::format("{} ", command.path);
  for (const CommandSpec& other : command_table())
    if (other.path.starts_with(prefix)) inner.push_back(&other);
  std::string usage = fmt::format("knotplan {}", command.path);
  if (!inner.empty()) usage += " COMMAND";
  if (!command.argument.empty()) usage += fmt::format(" [{}]", command.argument);
  std::string text = fmt::format("Usage: {} [OPTIONS]\n{}.\n", usage, command.summary);
  if (!command.argument.empty()) {
    // What to list is the one argument whose words come from the code, not the table.
    const std::string meaning = command.argument_kind == ArgumentKind::kListing
                                    ? fmt::format("{}", fmt::join(listing_names(), ", "))
                                    : std::string(command.argument_help);
    const auto lines = wrap_words(meaning, 78 - kFlagColumn);
    text += fmt::format("\n  {:<{}}{}\n", command.argument, kFlagColumn,
                        fmt::join(lines, "\n" + std::string(kFlagColumn + 2, ' ')));
  }
  if (!inner.empty()) {
    text += "\nCommands:\n";
    for (const CommandSpec* other : inner)
      text += command_line(other->path.substr(prefix.size()), other->summary);
  }
  text += command.details;
  return text;
}

std::string usage_reminder() {
  return "Usage: knotplan --area AREA [--since WHEN] [OPTIONS]\n"
         "       knotplan start            (asks a few questions on a terminal)\n"
         "       knotplan COMMAND ...      (list, show, sources, kb, config, help, ...)\n"
         "Plans a timed self-massage routine for a muscle knot.\n"
         "Example: knotplan --area upper-back --since today\n"
         "Run 'knotplan -h' for the usual options, 'knotplan --help' for all of them.\n";
}

}  // namespace knotplan
