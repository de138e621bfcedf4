#ifndef KNOTPLAN_SRC_CLI_HPP_
#define KNOTPLAN_SRC_CLI_HPP_

namespace knotplan {

// Parses the command line, runs the command it names, and returns the process exit code
// of the README. Every error knotplan raises is caught here and printed as one
// "knotplan: error: ..." line on stderr, with a hint line where one helps.
int run_command_line(int argc, char** argv);

}  // namespace knotplan

#endif  // KNOTPLAN_SRC_CLI_HPP_
