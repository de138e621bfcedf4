#ifndef KNOTPLAN_SRC_HELP_HPP_
#define KNOTPLAN_SRC_HELP_HPP_

#include <string>

#include "command_table.hpp"

namespace knotplan {

// The help texts, made from the option and command tables so that they never drift from
// what the parser accepts. Every line fits 80 columns.

// -h: the usual options and the commands, in at most 24 lines.
std::string short_help();

// --help and 'knotplan help': every option by group, the commands, the valid ids of the
// built-in knowledge base, examples and the exit status.
std::string long_help();

// 'knotplan help COMMAND' and 'knotplan COMMAND --help'.
std::string command_help(const CommandSpec& command);

// Printed when knotplan is run with nothing to do.
std::string usage_reminder();

}  // namespace knotplan

#endif  // KNOTPLAN_SRC_HELP_HPP_
