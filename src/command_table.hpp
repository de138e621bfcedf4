#ifndef KNOTPLAN_SRC_COMMAND_TABLE_HPP_
#define KNOTPLAN_SRC_COMMAND_TABLE_HPP_

#include <span>
#include <string_view>
#include <vector>

#include "commands.hpp"

namespace knotplan {

// What a command's one argument is, for its help and the shells' completion.
enum class ArgumentKind { kNone, kListing, kTechnique, kFile, kShell, kCommand };

// One subcommand. Like ninja's tool table, this is the only list of them: the parser,
// dispatch, help, the lean parse and the completions all read it. Adding a command is
// one row here plus its run function.
struct CommandSpec {
  std::string_view path{};  // "kb check": a command inside the one its first word names
  std::string_view summary{};
  ArgumentKind argument_kind = ArgumentKind::kNone;
  std::string_view argument{};  // its name in help: FILE
  std::string_view argument_help{};
  std::string_view details{};  // the end of its help: what it does, the options it reads, examples
  // Runs the command and returns the exit code. Null for a command that only groups
  // others (kb, config) and for help, which the parser answers itself.
  int (*run)(const Invocation& invocation) = nullptr;
};

// Every subcommand, in the order help lists them; a group before the commands in it.
std::span<const CommandSpec> command_table();

// The commands not inside another (start, list, kb, ...), in table order.
std::vector<const CommandSpec*> top_level_commands();

// The top-level command `word` names, or nullptr.
const CommandSpec* find_top_level_command(std::string_view word);

}  // namespace knotplan

#endif  // KNOTPLAN_SRC_COMMAND_TABLE_HPP_
