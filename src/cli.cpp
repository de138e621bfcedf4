#include "cli.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <optional>

#include "cli_options.hpp"
#include "command_table.hpp"
#include "commands.hpp"
#include "help.hpp"
#include "knotplan/error.hpp"
#include "knotplan/ids.hpp"
#include "knotplan/knowledge_loader.hpp"
#include "knotplan/options.hpp"
#include "knotplan/output_file.hpp"
#include "knotplan/render_knowledge.hpp"
#include "knotplan/terminal.hpp"
#include "version.hpp"

namespace knotplan {

namespace {

// A command of command_table() as CLI11 knows it.
struct DefinedCommand {
  const CommandSpec* spec;
  CLI::App* app;
};

std::vector<DefinedCommand> define_commands(CLI::App& app, Invocation& invocation) {
  std::vector<DefinedCommand> defined;
  for (const CommandSpec& spec : command_table()) {
    CLI::App* parent = &app;
    std::string_view name = spec.path;
    if (const auto space = spec.path.rfind(' '); space != std::string_view::npos) {
      const std::string_view parent_path = spec.path.substr(0, space);
      for (const DefinedCommand& command : defined)
        if (command.spec->path == parent_path) parent = command.app;
      name = spec.path.substr(space + 1);
    }
    CLI::App* command = parent->add_subcommand(std::string(name), std::string(spec.summary));
    command->set_help_flag("-h,--help", "Show this command's help");
    if (!spec.argument.empty())
      command
          ->add_option(std::string(spec.argument), invocation.argument,
                       std::string(spec.argument_help))
          ->type_name("");
    if (spec.run == nullptr && spec.argument.empty()) command->require_subcommand(1);
    command->footer(std::string(spec.details));
    defined.push_back({&spec, command});
  }
  return defined;
}

// The innermost command the command line names, or nullptr for a plan.
const DefinedCommand* parsed_command(const std::vector<DefinedCommand>& commands) {
  for (auto command = commands.rbegin(); command != commands.rend(); ++command)
    if (command->app->parsed()) return &*command;
  return nullptr;
}

// "did you mean ...?" for the first unexpected word: an option, a subcommand, or an area
// typed without --area.
std::string suggestion_for(CLI::App& app, const std::vector<std::string>& extras) {
  std::vector<std::string> options;
  for (const CLI::Option* option : app.get_options())
    for (const std::string& name : option->get_lnames()) options.push_back(name);
  std::vector<std::string> subcommands;
  for (const CLI::App* subcommand : app.get_subcommands([](const CLI::App*) { return true; }))
    subcommands.push_back(subcommand->get_name());
  for (const std::string& word : extras) {
    if (word.rfind("--", 0) == 0) {
      const std::string name = word.substr(2, word.find('=') - 2);
      if (const auto closest = closest_match(name, options))
        return fmt::format("did you mean '--{}'? ", *closest);
    } else if (!word.empty() && word[0] != '-') {
      if (const auto closest = closest_match(word, subcommands))
        return fmt::format("did you mean '{}'? ", *closest);
      if (const Area* area = match_named(builtin_knowledge_base().areas, word))
        return fmt::format("did you mean '--area {}'? ", area->id);
    }
    break;
  }
  return {};
}

// The help to point at after a usage error: that of the command being parsed.
std::string help_hint(const DefinedCommand* command) {
  if (command == nullptr) return "Run 'knotplan -h' for the usual options.";
  return fmt::format("Run 'knotplan {} --help' for its usage.", command->spec->path);
}

// The words that follow `command` in its usage: its commands, or its argument.
std::string what_follows(const DefinedCommand& command) {
  std::vector<std::string> inner;
  for (const CLI::App* app : command.app->get_subcommands([](const CLI::App*) { return true; }))
    inner.push_back(app->get_name());
  return fmt::format("{}", fmt::join(inner, " or "));
}

// A CLI11 parse error in knotplan's words.
std::string in_own_words(const CLI::ParseError& error, const DefinedCommand* command) {
  const std::string what = error.what();
  if (dynamic_cast<const CLI::RequiredError*>(&error) != nullptr && command != nullptr)
    return fmt::format("'knotplan {}' needs a command: {}", command->spec->path,
                       what_follows(*command));
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&error) != nullptr) {
    // CLI11 starts these with the option's name: "--area: 1 required AREA missing".
    const std::string name = what.substr(0, what.find(':'));
    if (name.rfind('-', 0) == 0) {
      const OptionSpec* option = find_option(name.substr(name.find_first_not_of('-')));
      if (option != nullptr && option->kind == ValueKind::kFlag)
        return fmt::format("--{} takes no value", option->name);
      return fmt::format("{} needs a value", name);
    }
  }
  if (dynamic_cast<const CLI::ConversionError*>(&error) != nullptr) {
    // Only flags convert: "Could not convert: --explain = yes".
    const std::size_t dashes = what.find("--");
    if (dashes != std::string::npos)
      return fmt::format("{} takes no value", what.substr(dashes, what.find(' ', dashes) - dashes));
  }
  return fmt::format("cannot read the command line: {}", what);
}

// Prints the help of the command `name` names ("list", "kb check"), or of knotplan.
int print_help(const std::string& name) {
  const std::string wanted = normalize_id(name);
  if (wanted.empty() || wanted == "knotplan") {
    write_standard_output(long_help());
    return 0;
  }
  std::vector<std::string> paths;
  for (const CommandSpec& command : command_table()) {
    if (normalize_id(command.path) == wanted) {
      write_standard_output(command_help(command));
      return 0;
    }
    paths.emplace_back(command.path);
  }
  std::string hint;
  if (const auto closest = closest_match(wanted, paths))
    hint = fmt::format("did you mean '{}'? ", *closest);
  throw UsageError(fmt::format("{} is not a knotplan command", quote_value(name)),
                   hint + fmt::format("Commands: {}", fmt::join(paths, ", ")));
}

int dispatch(Invocation& invocation, const CommandLineValues& values,
             const std::vector<DefinedCommand>& commands) {
  const DefinedCommand* command = parsed_command(commands);
  apply_settings(invocation, values);
  if (command == nullptr) return run_plan(invocation);
  return command->spec->run(invocation);
}

void print_error(const std::string& message, const std::string& hint) {
  std::cerr << "knotplan: error: " << printable(message) << '\n';
  if (!hint.empty()) std::cerr << printable(hint) << '\n';
}

// Prints help or the version. Exit 0 only when it was written: with standard output full
// (> /dev/full) or closed, a script must not take the missing text for success.
int print_answer(std::string_view text) {
  try {
    write_standard_output(text);
    return 0;
  } catch (const Error& error) {
    print_error(error.what(), error.hint());
    return static_cast<int>(error.exit_code());
  }
}

int run_parsed(Invocation& invocation, const CommandLineValues& values,
               const std::vector<DefinedCommand>& commands) {
  try {
    return dispatch(invocation, values, commands);
  } catch (const Error& error) {
    print_error(error.what(), error.hint());
    return static_cast<int>(error.exit_code());
  } catch (const std::exception& error) {
    print_error(fmt::format("unexpected failure: {}", error.what()),
                "please report this with the command you ran");
    return static_cast<int>(ExitCode::kRuntimeFailure);
  }
}

// The first word that names a top-level command (or an option's value that happens to be
// spelled like one), as the index of argv; 0 for none.
int command_word(int argc, char** argv) {
  for (int i = 1; i < argc; ++i)
    if (find_top_level_command(argv[i]) != nullptr) return i;
  return 0;
}

// A plain plan names no subcommand and a few options, and defining every option and
// subcommand with CLI11 took half of its run time: such a command line is parsed with
// only what it names. When that parse fails for any reason (help included), the full
// parser parses it again, so errors, help and suggestions never depend on this shortcut.
std::optional<int> run_lean(int argc, char** argv) {
  if (command_word(argc, argv) != 0) return std::nullopt;
  CLI::App app("", "knotplan");
  CommandLineValues values;
  define_options(app, values, OptionFilter::named_in(argc, argv));
  try {
    app.parse(argc, argv);
  } catch (const CLI::Error&) {
    return std::nullopt;
  }
  Invocation invocation;
  return run_parsed(invocation, values, {});
}

// Whether -h asks for help (not as the value of an option, and not after --).
int short_help_flag(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view word = argv[i];
    if (word == "--") return 0;
    if (word == "-h") return i;
  }
  return 0;
}

}  // namespace

int run_command_line(int argc, char** argv) {
  // On a terminal, no arguments means the questions (or the config file's area).
  if (argc <= 1 && !(isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))) {
    std::cerr << usage_reminder();
    return static_cast<int>(ExitCode::kUsage);
  }
  // Answered before CLI11, which reports --version by throwing: the first exception in a
  // static binary costs about a millisecond.
  if (argc == 2 &&
      (std::string_view(argv[1]) == "--version" || std::string_view(argv[1]) == "-V")) {
    return print_answer("knotplan " KNOTPLAN_VERSION "\n");
  }
  // -h is the short help; after a command's name, that command's help.
  std::vector<char*> arguments(argv, argv + argc);
  std::string long_help_flag = "--help";
  if (const int help = short_help_flag(argc, argv)) {
    const int command = command_word(argc, argv);
    if (command == 0 || command > help) {
      return print_answer(short_help());
    }
    arguments[help] = long_help_flag.data();
  }
  argv = arguments.data();
  // 'help' reads its words itself: CLI11 would take "kb" in 'help kb check' for the command.
  if (const int command = command_word(argc, argv);
      command != 0 && std::string_view(argv[command]) == "help") {
    std::string name;
    for (int i = command + 1; i < argc; ++i)
      name += std::string(i > command + 1 ? " " : "") + argv[i];
    try {
      return print_help(name);
    } catch (const Error& error) {
      print_error(error.what(), error.hint());
      return static_cast<int>(error.exit_code());
    }
  }
  if (const std::optional<int> exit_code = run_lean(argc, argv)) return *exit_code;

  CLI::App app("", "knotplan");
  Invocation invocation;
  CommandLineValues values;
  define_options(app, values, OptionFilter::every_option());
  const std::vector<DefinedCommand> commands = define_commands(app, invocation);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    const DefinedCommand* command = parsed_command(commands);
    return print_answer(command != nullptr ? command_help(*command->spec) : long_help());
  } catch (const CLI::CallForVersion& version) {
    return print_answer(std::string(version.what()) + "\n");
  } catch (const CLI::ParseError& error) {
    const DefinedCommand* command = parsed_command(commands);
    // Suggest against the command being parsed: 'kb chek' is a typo of 'kb check'.
    CLI::App& current = command != nullptr ? *command->app : app;
    const std::vector<std::string> extras = app.remaining();  // fallthrough puts them here
    const std::string suggestion = suggestion_for(current, extras);
    if (dynamic_cast<const CLI::ExtrasError*>(&error) != nullptr && !extras.empty()) {
      // CLI11 lists the extra words backwards; name the first one as it was typed.
      print_error(fmt::format("unexpected argument {}", quote_value(extras.front())),
                  suggestion + help_hint(command));
    } else {
      print_error(in_own_words(error, command), suggestion + help_hint(command));
    }
    return static_cast<int>(ExitCode::kUsage);
  }
  return run_parsed(invocation, values, commands);
}

}  // namespace knotplan
