#ifndef KNOTPLAN_SRC_CLI_OPTIONS_HPP_
#define KNOTPLAN_SRC_CLI_OPTIONS_HPP_

#include <CLI/CLI.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "commands.hpp"

namespace knotplan {

// Which of the top-level options to define: all of them, or only those a command line
// names. Defining an option costs CLI11 about as much as planning a step, and a plan
// names few of the twenty; an option left out can only make a parse fail, never change
// what it means, so a failed parse is simply retried with every option.
class OptionFilter {
 public:
  static OptionFilter every_option() { return OptionFilter(); }
  static OptionFilter named_in(int argc, char** argv);

  // `names` as CLI11 takes them: "-a,--area".
  bool wants(std::string_view names) const;

 private:
  OptionFilter() = default;

  bool every_ = true;
  std::vector<std::string_view> words_;
};

// The options of option_table() that the filter wants, for the top-level command, with
// --help and --version. Each use of an option is stored in
// `values` under the option's name as the command line gave it: a list option's uses
// joined by commas, the last use of any other.
void define_options(CLI::App& app, CommandLineValues& values, const OptionFilter& filter);

}  // namespace knotplan

#endif  // KNOTPLAN_SRC_CLI_OPTIONS_HPP_
