#include "cli.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>
#include <cassert>
#include <iostream>
#include <optional>

#include "cli_options.hpp"
#include "commands.hpp"
#include "completions.hpp"
#include "knotplan/error.hpp"
#include "knotplan/ids.hpp"
#include "knotplan/knowledge_loader.hpp"
#include "knotplan/render_knowledge.hpp"
#include "knotplan/terminal.hpp"
#include "version.hpp"

namespace knotplan {

namespace {

const char* const kDescription = "knotplan: a safe, timed self-massage routine for a muscle knot.";

const char* const kShortUsage =
    "Usage: knotplan --area AREA [--since WHEN] [OPTIONS]\n"
    "       knotplan start            (asks a few questions on a terminal)\n"
    "       knotplan list|show|sources|kb ...\n"
    "Plans a timed self-massage routine for a muscle knot.\n"
    "Example: knotplan --area upper-back --since today\n"
    "Run 'knotplan --help' for every option.\n";

// The subcommands, all null when the command line was parsed without them.
struct Subcommands {
  CLI::App* start = nullptr;
  CLI::App* list = nullptr;
  CLI::App* show = nullptr;
  CLI::App* sources = nullptr;
  CLI::App* kb = nullptr;
  CLI::App* check = nullptr;
  CLI::App* export_builtin = nullptr;
  CLI::App* completions = nullptr;
  CLI::App* config = nullptr;
  CLI::App* config_show = nullptr;
};

// The name of every top-level subcommand define_subcommands makes.
constexpr std::array<std::string_view, 7> kSubcommandNames{
    "start", "list", "show", "sources", "kb", "completions", "config"};

bool parsed(const CLI::App* command) {
  return command != nullptr && command->parsed();
}

Subcommands define_subcommands(CLI::App& app, Invocation& invocation) {
  Subcommands commands;
  commands.start =
      app.add_subcommand("start", "Answer a few questions on a terminal, then get your routine");
  commands.start->footer(
      "\nAsks where the knot is, since when, the likely cause, the pain now, what you have to\n"
      "hand, health conditions, age, and a few yes/no questions about warning signs. Enter\n"
      "takes the answer in [brackets]; q leaves. Then it prints the routine and the command\n"
      "line that plans it again. Plain 'knotplan' on a terminal does the same.\n"
      "\nExamples:\n  knotplan start\n  knotplan start --minutes 5");
  commands.list =
      app.add_subcommand("list", "List areas, causes, techniques, ... of the knowledge base");
  commands.list->add_option("WHAT", invocation.list_kind,
                            fmt::format("{}", fmt::join(listing_names(), "|")));
  commands.list->footer(
      "\nExamples:\n  knotplan list areas\n  knotplan list techniques --format json | jq '.[].id'\n"
      "  knotplan list symptoms --kb my-kb.json");

  commands.show = app.add_subcommand("show", "Everything about one technique");
  commands.show->add_option("TECHNIQUE", invocation.technique, "A technique id or name");
  commands.show->footer(
      "\nExamples:\n  knotplan show ball-against-wall\n  knotplan show \"Chin tuck\" --format "
      "json");

  commands.sources =
      app.add_subcommand("sources", "Every publication the knowledge base cites, in full");
  commands.sources->footer(
      "\nTechniques, rules and warning signs cite these by id; 'knotplan show TECHNIQUE' and\n"
      "the printed sheets list the ones they use.\n"
      "\nExamples:\n  knotplan sources\n  knotplan sources --format json | jq '.[].url'");

  commands.kb = app.add_subcommand("kb", "Check a knowledge base, or export the built-in one");
  commands.kb->require_subcommand(1);
  commands.check = commands.kb->add_subcommand(
      "check", "Validate a knowledge base file and print every problem found");
  commands.check->add_option("FILE", invocation.check_path, "The file to check; - for stdin");
  commands.check->footer(
      "\nPrints every problem with its JSON path or id. Exit 0 when valid, 4 when not.\n"
      "\nExamples:\n  knotplan kb check my-kb.json\n  knotplan kb export | knotplan kb check -");
  commands.export_builtin =
      commands.kb->add_subcommand("export", "Print the built-in knowledge base, to start your own");
  commands.export_builtin->footer(
      "\nExamples:\n  knotplan kb export > my-kb.json\n"
      "  knotplan --kb my-kb.json --area neck --explain");
  commands.kb->footer(
      "\nExamples:\n  knotplan kb export > my-kb.json\n  knotplan kb check my-kb.json");

  commands.completions =
      app.add_subcommand("completions", "Print a completion script for bash, zsh or fish");
  commands.completions->add_option("SHELL", invocation.shell, "bash, zsh or fish");
  commands.completions->footer(
      "\nExamples:\n  knotplan completions bash > "
      "~/.local/share/bash-completion/completions/knotplan\n"
      "  source <(knotplan completions bash)\n"
      "  knotplan completions zsh > ~/.zfunc/_knotplan\n"
      "  knotplan completions fish > ~/.config/fish/completions/knotplan.fish");

  commands.config = app.add_subcommand("config", "Personal defaults: show them");
  commands.config->require_subcommand(1);
  commands.config_show =
      commands.config->add_subcommand("show", "The settings in effect and where each came from");
  const char* const config_footer =
      "\nThe config file is $XDG_CONFIG_HOME/knotplan/config.json (~/.config/... when unset):\n"
      "  {\"equipment\": [\"tennis-ball\"], \"minutes\": 8, \"side\": \"left\", \"age\": 70,\n"
      "   \"conditions\": [\"diabetes\"], \"format\": \"text\", \"color\": \"auto\"}\n"
      "The command line wins, then KNOTPLAN_EQUIPMENT and the like, then the file.\n"
      "\nExamples:\n  knotplan config show\n  KNOTPLAN_MINUTES=5 knotplan config show --format "
      "json";
  commands.config->footer(config_footer);
  commands.config_show->footer(config_footer);
  assert(app.get_subcommands([](const CLI::App*) { return true; }).size() ==
         kSubcommandNames.size());
  return commands;
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

// The help to point at after a usage error: that of the subcommand being parsed.
std::string help_hint(const Subcommands& commands) {
  if (parsed(commands.check)) return "Run 'knotplan kb check --help' for its usage.";
  if (parsed(commands.export_builtin)) return "Run 'knotplan kb export --help' for its usage.";
  if (parsed(commands.kb)) return "Use 'knotplan kb check FILE' or 'knotplan kb export'.";
  if (parsed(commands.config)) return "Use 'knotplan config show'.";
  if (parsed(commands.list)) return "Run 'knotplan list --help' for its usage.";
  if (parsed(commands.show)) return "Run 'knotplan show --help' for its usage.";
  if (parsed(commands.completions)) return "Run 'knotplan completions --help' for its usage.";
  return "Run 'knotplan --help' for the options.";
}

int dispatch(CLI::App& app, Invocation& invocation, const Subcommands& commands) {
  apply_settings(invocation, command_line_settings(app, invocation));
  if (parsed(commands.config_show)) return run_config_show(invocation);
  if (parsed(commands.start)) invocation.start = true;
  if (parsed(commands.completions)) {
    // Ids come from the built-in knowledge base, so the script is the same wherever made.
    emit(invocation, completion_script(app, builtin_knowledge_base(), invocation.shell));
    return 0;
  }
  // Before list: CLI11 reads the 'sources' of 'list sources' as that subcommand.
  if (parsed(commands.sources)) {
    invocation.list_kind = "sources";
    return run_list(invocation);
  }
  if (parsed(commands.list)) return run_list(invocation);
  if (parsed(commands.show)) return run_show(invocation);
  if (parsed(commands.check)) return run_kb_check(invocation);
  if (parsed(commands.export_builtin)) return run_kb_export(invocation);
  return run_plan(invocation);
}

void print_error(const std::string& message, const std::string& hint) {
  std::cerr << "knotplan: error: " << printable(message) << '\n';
  if (!hint.empty()) std::cerr << printable(hint) << '\n';
}

int run_parsed(CLI::App& app, Invocation& invocation, const Subcommands& commands) {
  try {
    return dispatch(app, invocation, commands);
  } catch (const Error& error) {
    print_error(error.what(), error.hint());
    return static_cast<int>(error.exit_code());
  } catch (const std::exception& error) {
    print_error(fmt::format("unexpected failure: {}", error.what()),
                "please report this with the command you ran");
    return static_cast<int>(ExitCode::kRuntimeFailure);
  }
}

// Whether a word on the command line is a subcommand's name (or an option's value that
// happens to be spelled like one).
bool names_a_subcommand(int argc, char** argv) {
  for (int i = 1; i < argc; ++i)
    if (std::find(kSubcommandNames.begin(), kSubcommandNames.end(), argv[i]) !=
        kSubcommandNames.end())
      return true;
  return false;
}

// A plain plan names no subcommand and a few options, and defining every option and
// subcommand with CLI11 took half of its run time: such a command line is parsed with
// only what it names. When that parse fails for any reason (help included), the full
// parser parses it again, so errors, help and suggestions never depend on this shortcut.
std::optional<int> run_lean(int argc, char** argv) {
  if (names_a_subcommand(argc, argv)) return std::nullopt;
  CLI::App app(kDescription, "knotplan");
  Invocation invocation;
  define_options(app, invocation, OptionFilter::named_in(argc, argv));
  try {
    app.parse(argc, argv);
  } catch (const CLI::Error&) {
    return std::nullopt;
  }
  return run_parsed(app, invocation, Subcommands{});
}

}  // namespace

int run_command_line(int argc, char** argv) {
  // On a terminal, no arguments means the questions (or the config file's area).
  if (argc <= 1 && !(isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))) {
    std::cerr << kShortUsage;
    return static_cast<int>(ExitCode::kUsage);
  }
  // Answered before CLI11, which reports --version by throwing: the first exception in a
  // static binary costs about a millisecond.
  if (argc == 2 &&
      (std::string_view(argv[1]) == "--version" || std::string_view(argv[1]) == "-V")) {
    std::cout << "knotplan " KNOTPLAN_VERSION "\n";
    return 0;
  }
  if (const std::optional<int> exit_code = run_lean(argc, argv)) return *exit_code;

  CLI::App app(kDescription, "knotplan");
  Invocation invocation;
  define_options(app, invocation, OptionFilter::every_option());
  const Subcommands commands = define_subcommands(app, invocation);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& help) {
    return app.exit(help);
  } catch (const CLI::CallForVersion& version) {
    return app.exit(version);
  } catch (const CLI::ParseError& error) {
    // Suggest against the command being parsed: 'kb chek' is a typo of 'kb check'.
    CLI::App& current =
        commands.kb->parsed() && !commands.check->parsed() && !commands.export_builtin->parsed()
            ? *commands.kb
        : commands.config->parsed() && !commands.config_show->parsed() ? *commands.config
                                                                       : app;
    const std::vector<std::string> extras = app.remaining();  // fallthrough puts them here
    const std::string suggestion = suggestion_for(current, extras);
    if (dynamic_cast<const CLI::ExtrasError*>(&error) != nullptr && !extras.empty()) {
      // CLI11 lists the extra words backwards; name the first one as it was typed.
      print_error(fmt::format("unexpected argument '{}'", extras.front()),
                  suggestion + help_hint(commands));
    } else {
      print_error(error.what(), suggestion + help_hint(commands));
    }
    return static_cast<int>(ExitCode::kUsage);
  }
  return run_parsed(app, invocation, commands);
}

}  // namespace knotplan
