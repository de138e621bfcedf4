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

std::vector<std::string> subcommands_of() {
  std::vector<std::string> names;
  for (const CommandSpec* command : top_level_commands()) names.emplace_back(command->path);
  return names;
}

// What the argument after each subcommand path ("", "list", "kb check") can be, from the
// command table: the commands inside a group, the words of the command's argument, or
// file names.
std::map<std::string, ValueCompletion> argument_kinds(const KnowledgeBase& kb) {
  std::map<std::string, ValueCompletion> kinds;
  kinds[""].words = subcommands_of();
  for (const CommandSpec& command : command_table()) {
    const std::string path(command.path);
    if (const auto space = path.rfind(' '); space != std::string::npos)
      kinds[path.substr(0, space)].words.push_back(path.substr(space + 1));
    ValueCompletion& kind = kinds[path];
    switch (command.argument_kind) {
      case ArgumentKind::kListing:
        kind.words = listing_names();
        break;
      case ArgumentKind::kTechnique:
        for (const Technique& technique : kb.techniques) kind.words.emplace_back(technique.id);
        break;
      case ArgumentKind::kShell:
        kind.words = {"bash", "zsh", "fish"};
        break;
      case ArgumentKind::kCommand:
        kind.words = subcommands_of();
        break;
      case ArgumentKind::kFile:
        kind.file = true;
        break;
      case ArgumentKind::kNone:
        break;
    }
  }
  // A command that takes nothing more completes nothing.
  std::erase_if(kinds, [](const auto& entry) {
    return !entry.first.empty() && entry.second.words.empty() && !entry.second.file;
  });
  return kinds;
}

std::string words(const std::vector<std::string>& list) {
  return fmt::format("{}", fmt::join(list, " "));
}

// Every name of the options that take a value, joined by `separator`.
std::string value_option_names(const std::vector<OptionInfo>& options,
                               const std::string& separator) {
  std::vector<std::string> names;
  for (const OptionInfo& option : options)
    if (option.takes_value) names.insert(names.end(), option.names.begin(), option.names.end());
  return fmt::format("{}", fmt::join(names, separator));
}

// Descriptions go inside single quotes in every shell's script.
std::string single_quoted_text(const std::string& text) {
  std::string result;
  for (const char c : printable(text))
    result += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return result;
}

// The bash function call that offers what `kind` allows; the script defines the functions.
std::string bash_action(const ValueCompletion& kind) {
  if (kind.file) return "_knotplan_files";
  return fmt::format("{} \"{}\"", kind.comma_list ? "_knotplan_list" : "_knotplan_words",
                     words(kind.words));
}

std::string bash_script(const KnowledgeBase& kb) {
  const auto kinds = value_kinds(kb);
  const std::vector<OptionInfo> options = options_of();
  std::string value_cases;
  std::vector<std::string> all_options;
  for (const OptionInfo& option : options) {
    all_options.insert(all_options.end(), option.names.begin(), option.names.end());
    if (!option.takes_value) continue;
    const auto kind = kinds.find(option.long_name);
    value_cases += fmt::format("    {}) {}; return ;;\n", fmt::join(option.names, " | "),
                               kind == kinds.end() ? ":" : bash_action(kind->second));
  }
  std::string argument_cases;
  for (const auto& [path, kind] : argument_kinds(kb))
    argument_cases += fmt::format("    \"{}\") {} ;;\n", path, bash_action(kind));
  return fmt::format(
      R"(# bash completion for knotplan; generated by 'knotplan completions bash'.
# Works on its own (source <(knotplan completions bash)) and loaded by bash-completion.

# _knotplan_words WORDS: those of WORDS that start with what is typed.
_knotplan_words() {{
  mapfile -t COMPREPLY < <(compgen -P "$lead" -W "$1" -- "$cur")
}}

# _knotplan_list WORDS: a comma list (--equipment tennis-ball,fo) completes the item after
# the last comma, keeps the ones before it and offers none of them again.
_knotplan_list() {{
  local before="" word left=""
  [[ $cur == *,* ]] && before="${{cur%,*}},"
  for word in $1; do
    [[ ,$before == *,"$word",* ]] || left+=" $word"
  done
  mapfile -t COMPREPLY < <(compgen -P "$lead$before" -W "$left" -- "${{cur##*,}}")
  compopt -o nospace 2> /dev/null
}}

# _knotplan_files: file names. The typed word loses its quoting (my\ kb -> my kb) to match
# the files; readline quotes the answer again and ends directories with / and no space.
_knotplan_files() {{
  local rest="${{cur#[\"\']}}" typed=""
  while [[ $rest == *\\* ]]; do
    typed+="${{rest%%\\*}}"
    rest="${{rest#*\\}}"
    typed+="${{rest:0:1}}"
    rest="${{rest:1}}"
  done
  typed+="$rest"
  [[ -z $lead ]] && compopt -o filenames 2> /dev/null
  mapfile -t COMPREPLY < <(compgen -P "$lead" -f -- "$typed")
}}

_knotplan() {{
  local cur="${{COMP_WORDS[COMP_CWORD]}}" prev="${{COMP_WORDS[COMP_CWORD-1]}}" lead=""
  # --area=u: bash splits the word at = (it is in COMP_WORDBREAKS) and readline replaces
  # only what follows it. Without = in COMP_WORDBREAKS the answer keeps its --area=.
  if [[ $cur == = && $prev == --* ]]; then
    cur=""
  elif [[ $prev == = && ${{COMP_WORDS[COMP_CWORD-2]}} == --* ]]; then
    prev="${{COMP_WORDS[COMP_CWORD-2]}}"
  elif [[ $cur == --*=* ]]; then
    prev="${{cur%%=*}}" lead="${{cur%%=*}}=" cur="${{cur#*=}}"
  fi
  case "$prev" in
{}  esac
  if [[ $cur == -* ]]; then
    _knotplan_words "{}"
    return
  fi
  # The words before this one that are neither options nor option values name the
  # subcommand ("kb check"), which says what this one can be.
  local i word typed=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="${{COMP_WORDS[i]}}"
    case "$word" in -* | =) continue ;; esac
    case "${{COMP_WORDS[i-1]}}" in = | {}) continue ;; esac
    typed+="${{typed:+ }}$word"
  done
  case "$typed" in
{}  esac
}}
complete -F _knotplan knotplan
)",
      value_cases, words(all_options), value_option_names(options, " | "), argument_cases);
}

// A description in an _arguments spec: inside single quotes and square brackets.
std::string zsh_description(const std::string& text) {
  std::string result;
  for (const char c : single_quoted_text(text)) {
    if (c == '[' || c == ']' || c == '\\') result += '\\';
    result += c;
  }
  return result;
}

// The zsh code that offers what `kind` allows, `name` describing it: as an _arguments action
// (whose words go in parentheses), or as a command of its own.
std::string zsh_action(const std::string& name, const ValueCompletion& kind, bool in_spec) {
  if (kind.file) return "_files";
  if (kind.comma_list) return fmt::format("_values -s , {} {}", name, words(kind.words));
  if (in_spec) return fmt::format("({})", words(kind.words));
  return fmt::format("_wanted {} expl {} compadd -- {}", name, name, words(kind.words));
}

std::string zsh_script(const KnowledgeBase& kb) {
  const auto kinds = value_kinds(kb);
  const std::vector<OptionInfo> options = options_of();
  std::string specs;
  for (const OptionInfo& option : options) {
    const std::string description = zsh_description(option.description);
    std::string action;
    if (option.takes_value) {
      const auto kind = kinds.find(option.long_name);
      action = fmt::format(":{}:{}", option.long_name,
                           kind == kinds.end() ? std::string(" ")
                                               : zsh_action(option.long_name, kind->second, true));
    }
    const std::string exclusive = fmt::format("({})", words(option.names));
    for (const std::string& name : option.names) {
      // --area=: the value as the next word or after =; -a+: next word or right after -a.
      const char* const value_form = !option.takes_value        ? ""
                                     : name.rfind("--", 0) == 0 ? "="
                                                                : "+";
      specs +=
          fmt::format("    '{}{}{}[{}]{}' \\\n", exclusive, name, value_form, description, action);
    }
  }
  std::string argument_cases;
  for (const auto& [path, kind] : argument_kinds(kb))
    argument_cases += fmt::format("    ('{}') {} ;;\n", path,
                                  zsh_action(path.empty() ? "command" : "argument", kind, false));
  return fmt::format(
      R"(#compdef knotplan
# zsh completion for knotplan; generated by 'knotplan completions zsh'.
_knotplan() {{
  local curcontext="$curcontext" state state_descr line expl ret=1
  typeset -A opt_args
  _arguments -s -C \
{}    '*: :->argument' && ret=0
  [[ $state == argument ]] || return ret
  # The words before this one that are neither options nor option values name the
  # subcommand ("kb check"), which says what this one can be.
  local -a typed
  local i
  for ((i = 2; i < CURRENT; i++)); do
    case $words[i] in
      ({}) ((i++)) ;;
      (-*) ;;
      (*) typed+=("$words[i]") ;;
    esac
  done
  case "${{(j: :)typed}}" in
{}    (*) return ret ;;
  esac
}}
_knotplan "$@"
)",
      specs, value_option_names(options, "|"), argument_cases);
}

std::string fish_script(const KnowledgeBase& kb) {
  const auto kinds = value_kinds(kb);
  const std::vector<OptionInfo> options = options_of();
  std::string lines = fmt::format(
      R"(# fish completion for knotplan; generated by 'knotplan completions fish'.

# __knotplan_at WORDS...: whether the words before the cursor that are neither options nor
# option values are exactly WORDS ("kb check"); no WORDS for the top level.
function __knotplan_at
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l typed
    set -l skip 0
    for token in $tokens
        if test $skip = 1
            set skip 0
        else if contains -- $token {}
            set skip 1
        else if not string match -q -- '-*' $token
            set -a typed $token
        end
    end
    test "$typed" = "$argv"
end

# __knotplan_list WORDS...: a comma list (--equipment tennis-ball,fo) completes the item
# after the last comma, keeps the ones before it and offers none of them again.
function __knotplan_list
    set -l before (commandline -ct | string replace -r -- '^--[^=]*=' '' | string replace -r -- '[^,]*$' '')
    set -l typed (string split , -- $before)
    for word in $argv
        contains -- $word $typed; or echo "$before$word"
    end
end

complete -c knotplan -f
)",
      value_option_names(options, " "));
  for (const OptionInfo& option : options) {
    std::string names;
    for (const std::string& name : option.names)
      names += name.rfind("--", 0) == 0 ? " -l " + name.substr(2) : " -s " + name.substr(1);
    std::string values;
    if (option.takes_value) {
      const auto kind = kinds.find(option.long_name);
      if (kind == kinds.end()) {
        values = " -x";
      } else if (kind->second.file) {
        values = " -r -F";
      } else if (kind->second.comma_list) {
        values = fmt::format(" -x -a '(__knotplan_list {})'", words(kind->second.words));
      } else {
        values = fmt::format(" -x -a '{}'", words(kind->second.words));
      }
    }
    lines += fmt::format("complete -c knotplan{}{} -d '{}'\n", names, values,
                         single_quoted_text(option.description));
  }
  for (const CommandSpec* command : top_level_commands())
    lines += fmt::format("complete -c knotplan -n __knotplan_at -a {} -d '{}'\n", command->path,
                         single_quoted_text(std::string(command->summary)));
  for (const auto& [path, kind] : argument_kinds(kb)) {
    if (path.empty()) continue;  // the subcommands, with their descriptions above
    lines +=
        fmt::format("complete -c knotplan -n '__knotplan_at {}' {}\n", path,
                    kind.file         ? std::string("-F")
                    : kind.comma_list ? fmt::format("-a '(__knotplan_list {})'", words(kind.words))
                                      : fmt::format("-a '{}'", words(kind.words)));
  }
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
