#include "completions.hpp"

#include <fmt/format.h>

#include <map>

#include "command_table.hpp"
#include "knotplan/error.hpp"
#include "knotplan/ids.hpp"
#include "knotplan/options.hpp"
#include "knotplan/render.hpp"
#include "knotplan/render_knowledge.hpp"
#include "knotplan/terminal.hpp"

namespace knotplan {

namespace {

// The top-level subcommands' names.
std::vector<std::string> subcommands_of() {
  std::vector<std::string> names;
  for (const CommandSpec& command : command_table())
    if (command.path.find(' ') == std::string_view::npos) names.emplace_back(command.path);
  return names;
}

// What an option's value can be: a fixed list of words, a comma list of them, or a file.
struct ValueCompletion {
  std::vector<std::string> words;
  bool comma_list = false;
  bool file = false;
};

std::vector<std::string> ids_for(const KnowledgeBase& kb, IdList list) {
  switch (list) {
    case IdList::kAreas:
      return typeable_ids(kb.areas);
    case IdList::kCauses:
      return typeable_ids(kb.causes);
    case IdList::kEquipment:
      return typeable_ids(kb.equipment);
    case IdList::kSymptoms:
      return typeable_ids(kb.symptoms);
    case IdList::kConditions:
      return typeable_ids(kb.conditions);
    case IdList::kNone:
      break;
  }
  return {};
}

// By long option name, from the option table.
std::map<std::string, ValueCompletion> value_kinds(const KnowledgeBase& kb) {
  std::map<std::string, ValueCompletion> kinds;
  for (const OptionSpec& option : option_table()) {
    if (option.kind == ValueKind::kFlag) continue;
    ValueCompletion kind;
    kind.words = option.ids != IdList::kNone
                     ? ids_for(kb, option.ids)
                     : std::vector<std::string>(option.words.begin(), option.words.end());
    kind.comma_list = option.kind == ValueKind::kIds || option.repeatable;
    kind.file = option.kind == ValueKind::kFile;
    kinds[std::string(option.name)] = std::move(kind);
  }
  return kinds;
}

// The words that may follow a subcommand, by its name.
std::map<std::string, std::vector<std::string>> subcommand_words(const KnowledgeBase& kb) {
  std::map<std::string, std::vector<std::string>> words;
  for (const CommandSpec& command : command_table()) {
    const std::string path(command.path);
    if (const auto space = path.find(' '); space != std::string::npos) {
      words[path.substr(0, space)].push_back(path.substr(space + 1));
      continue;
    }
    switch (command.argument_kind) {
      case ArgumentKind::kListing:
        words[path] = listing_names();
        break;
      case ArgumentKind::kTechnique:
        for (const Technique& technique : kb.techniques) words[path].emplace_back(technique.id);
        break;
      case ArgumentKind::kShell:
        words[path] = {"bash", "zsh", "fish"};
        break;
      case ArgumentKind::kCommand:
        words[path] = subcommands_of();
        break;
      case ArgumentKind::kFile:
      case ArgumentKind::kNone:
        break;
    }
  }
  return words;
}

struct OptionInfo {
  std::vector<std::string> names;  // "--area", "-a"
  std::string long_name;           // "area"
  std::string description;
  bool takes_value = false;
};

std::vector<OptionInfo> options_of() {
  std::vector<OptionInfo> options;
  for (const OptionSpec& option : option_table()) {
    OptionInfo info{{fmt::format("--{}", option.name)},
                    std::string(option.name),
                    std::string(option.help),
                    option.kind != ValueKind::kFlag};
    if (option.short_name != 0) info.names.push_back(fmt::format("-{}", option.short_name));
    options.push_back(std::move(info));
  }
  options.push_back({{"--help", "-h"}, "help", "Show the help", false});
  options.push_back({{"--version", "-V"}, "version", "Show the version", false});
  return options;
}

std::string words(const std::vector<std::string>& list) {
  return fmt::format("{}", fmt::join(list, " "));
}

// Descriptions go inside single quotes in every shell's script.
std::string single_quoted_text(const std::string& text) {
  std::string result;
  for (const char c : printable(text))
    result += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return result;
}

std::string bash_script(const KnowledgeBase& kb) {
  const auto kinds = value_kinds(kb);
  std::string value_cases;
  std::vector<std::string> all_options;
  for (const OptionInfo& option : options_of()) {
    all_options.insert(all_options.end(), option.names.begin(), option.names.end());
    if (!option.takes_value) continue;
    const auto kind = kinds.find(option.long_name);
    const std::string pattern = fmt::format("{}", fmt::join(option.names, "|"));
    if (kind == kinds.end()) {
      value_cases += fmt::format("    {}) return ;;\n", pattern);
    } else if (kind->second.file) {
      value_cases +=
          fmt::format("    {}) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n", pattern);
    } else if (kind->second.comma_list) {
      value_cases += fmt::format("    {}) _knotplan_list \"{}\"; return ;;\n", pattern,
                                 words(kind->second.words));
    } else {
      value_cases +=
          fmt::format("    {}) COMPREPLY=($(compgen -W \"{}\" -- \"$cur\")); return ;;\n", pattern,
                      words(kind->second.words));
    }
  }
  std::string subcommand_cases;
  for (const auto& [name, list] : subcommand_words(kb))
    subcommand_cases += fmt::format("    {}) words=\"{}\" ;;\n", name, words(list));
  return fmt::format(
      R"(# bash completion for knotplan; generated by 'knotplan completions bash'.
# Comma lists (--equipment a,b) complete the item after the last comma.
_knotplan_list() {{
  local prefix=""
  [[ $cur == *,* ]] && prefix="${{cur%,*}},"
  COMPREPLY=($(compgen -P "$prefix" -W "$1" -- "${{cur##*,}}"))
  compopt -o nospace 2> /dev/null
}}

_knotplan() {{
  local cur="${{COMP_WORDS[COMP_CWORD]}}" prev="${{COMP_WORDS[COMP_CWORD-1]}}"
  case "$prev" in
{}  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "{}" -- "$cur"))
    return
  fi
  # The first word that is neither an option nor an option's value names the subcommand.
  local i word command="" words=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="${{COMP_WORDS[i]}}"
    case "$word" in
      -*) ;;
      *) case "${{COMP_WORDS[i-1]}}" in {}) ;; *) command="$word"; break ;; esac ;;
    esac
  done
  case "$command" in
{}    "") words="{}" ;;
  esac
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}}
complete -F _knotplan knotplan
)",
      value_cases, words(all_options),
      [&] {
        std::vector<std::string> takes_value;
        for (const OptionInfo& option : options_of())
          if (option.takes_value)
            takes_value.insert(takes_value.end(), option.names.begin(), option.names.end());
        return fmt::format("{}", fmt::join(takes_value, "|"));
      }(),
      subcommand_cases, words(subcommands_of()));
}

std::string zsh_script(const KnowledgeBase& kb) {
  const auto kinds = value_kinds(kb);
  std::string specs;
  for (const OptionInfo& option : options_of()) {
    const std::string description = single_quoted_text(option.description);
    std::string action;
    if (option.takes_value) {
      const auto kind = kinds.find(option.long_name);
      if (kind == kinds.end()) {
        action = ":value: ";
      } else if (kind->second.file) {
        action = ":file:_files";
      } else if (kind->second.comma_list) {
        action = fmt::format(":{}:_values -s , {} {}", option.long_name, option.long_name,
                             words(kind->second.words));
      } else {
        action = fmt::format(":{}:({})", option.long_name, words(kind->second.words));
      }
    }
    const std::string exclusive = fmt::format("({})", words(option.names));
    for (const std::string& name : option.names)
      specs += fmt::format("    '{}{}[{}]{}' \\\n", exclusive, name, description, action);
  }
  std::string subcommand_cases;
  for (const auto& [name, list] : subcommand_words(kb))
    subcommand_cases += fmt::format("    {}) _values '{}' {} ;;\n", name, name, words(list));
  return fmt::format(
      R"(#compdef knotplan
# zsh completion for knotplan; generated by 'knotplan completions zsh'.
_knotplan() {{
  local state
  _arguments -s \
{}    '1: :->command' \
    '*:: :->argument'
  case $state in
    command) _values 'command' {} ;;
    argument)
      case $words[1] in
{}      esac ;;
  esac
}}
_knotplan "$@"
)",
      specs, words(subcommands_of()), subcommand_cases);
}

std::string fish_script(const KnowledgeBase& kb) {
  const auto kinds = value_kinds(kb);
  std::string lines =
      "# fish completion for knotplan; generated by 'knotplan completions fish'.\n"
      "complete -c knotplan -f\n";
  for (const OptionInfo& option : options_of()) {
    std::string names;
    for (const std::string& name : option.names)
      names += name.rfind("--", 0) == 0 ? " -l " + name.substr(2) : " -s " + name.substr(1);
    std::string values;
    if (option.takes_value) {
      const auto kind = kinds.find(option.long_name);
      if (kind != kinds.end() && kind->second.file) {
        values = " -r -F";
      } else if (kind != kinds.end()) {
        values = fmt::format(" -x -a '{}'", words(kind->second.words));
      } else {
        values = " -x";
      }
    }
    lines += fmt::format("complete -c knotplan{}{} -d '{}'\n", names, values,
                         single_quoted_text(option.description));
  }
  const std::string commands = words(subcommands_of());
  for (const CommandSpec& command : command_table())
    if (command.path.find(' ') == std::string_view::npos)
      lines += fmt::format(
          "complete -c knotplan -n 'not __fish_seen_subcommand_from {}' -a {} -d '{}'\n", commands,
          command.path, single_quoted_text(std::string(command.summary)));
  for (const auto& [name, list] : subcommand_words(kb))
    lines += fmt::format("complete -c knotplan -n '__fish_seen_subcommand_from {}' -a '{}'\n", name,
                         words(list));
  return lines;
}

}  // namespace

std::string completion_script(const KnowledgeBase& kb, const std::string& shell) {
  const std::string wanted = normalize_id(shell);
  if (wanted == "bash") return bash_script(kb);
  if (wanted == "zsh") return zsh_script(kb);
  if (wanted == "fish") return fish_script(kb);
  throw UsageError(
      shell.empty() ? std::string("'knotplan completions' needs a shell")
                    : fmt::format("{} is not a shell knotplan completes for", quote_value(shell)),
      "use bash, zsh or fish, for example: knotplan completions bash");
}

}  // namespace knotplan
