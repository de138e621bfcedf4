#include "command_table.hpp"

#include <array>

namespace knotplan {

namespace {

constexpr std::array kCommands{
    CommandSpec{
        .path = "start",
        .summary = "Answer a few questions, then get your routine",
        .details =
            "\nAsks where the knot is, since when, the likely cause, the pain now, what you\n"
            "have to hand, health conditions, age, and a few yes/no questions about\n"
            "warning signs. Enter takes the answer in [brackets]; q leaves. Then it prints\n"
            "the routine and the command line that plans it again. Plain 'knotplan' on a\n"
            "terminal does the same. Takes the options of a plan (--minutes, --guide, ...).\n"
            "\nExamples:\n  knotplan start\n  knotplan start --minutes 5 --guide\n",
        .run = run_start},
    CommandSpec{.path = "list",
                .summary = "List the areas, causes, techniques, ... it knows",
                .argument_kind = ArgumentKind::kListing,
                .argument = "WHAT",
                .argument_help = "areas, causes, techniques, symptoms, ...",
                .details = "\nOptions: --format text|json, -o FILE, --kb FILE\n"
                           "\nExamples:\n  knotplan list areas\n"
                           "  knotplan list techniques --format json | jq '.[].id'\n"
                           "  knotplan list symptoms --kb my-kb.json\n",
                .run = run_list},
    CommandSpec{.path = "show",
                .summary = "Everything about one technique",
                .argument_kind = ArgumentKind::kTechnique,
                .argument = "TECHNIQUE",
                .argument_help = "A technique's id or name",
                .details = "\nOptions: --format text|json, -o FILE, --kb FILE, --color WHEN\n"
                           "\nExamples:\n  knotplan show ball-against-wall\n"
                           "  knotplan show \"Chin tuck\" --format json\n",
                .run = run_show},
    CommandSpec{
        .path = "sources",
        .summary = "Every publication the knowledge base cites",
        .details =
            "\nTechniques, rules and warning signs cite these by id; 'knotplan show\n"
            "TECHNIQUE' and the printed sheets list the ones they use.\n"
            "\nOptions: --format text|json, -o FILE, --kb FILE\n"
            "\nExamples:\n  knotplan sources\n  knotplan sources --format json | jq '.[].url'\n",
        .run = run_sources},
    CommandSpec{.path = "log",
                .summary = "Record a session done from a sheet or from memory",
                .details =
                    "\nA guided session (--guide) is recorded by itself; this is for the others.\n"
                    "The log stays on this computer; 'knotplan history' shows it.\n"
                    "\nOptions: --area AREA (needed), --pain-before N, --pain-after N, --date\n"
                    "YYYY-MM-DD (default: today), --note TEXT, --rate TECHNIQUE=up|down (again\n"
                    "for each), --history FILE\n"
                    "\nExamples:\n  knotplan log --area upper-back --pain-before 6 --pain-after 4\n"
                    "  knotplan log --area neck --date 2026-11-20 --rate chin-tuck=up\n",
                .run = run_log},
    CommandSpec{
        .path = "history",
        .summary = "The sessions so far, by day, and how the pain went",
        .details =
            "\nShows the sessions by day for each area, and a chart of the pain before and\n"
            "after. --forget deletes them (those of --area only, when given), after asking.\n"
            "\nOptions: --area AREA, --format text|json|csv|html, -o FILE, --forget, --yes,\n"
            "--history FILE\n"
            "\nExamples:\n  knotplan history\n  knotplan history --area neck -o history.html\n"
            "  knotplan history --format csv > sessions.csv\n"
            "  knotplan history --forget --area neck\n",
        .run = run_history},
    CommandSpec{.path = "kb",
                .summary = "Check a knowledge base, or export the built-in one",
                .details = "\nExamples:\n  knotplan kb export > my-kb.json\n"
                           "  knotplan kb check my-kb.json\n"
                           "  knotplan --kb my-kb.json --area neck --explain\n"},
    CommandSpec{
        .path = "kb check",
        .summary = "Check a knowledge base, listing every problem",
        .argument_kind = ArgumentKind::kFile,
        .argument = "FILE",
        .argument_help = "The file to check; - for standard input",
        .details =
            "\nPrints every problem with its JSON path or id. Exit 0 when valid, 4 when not.\n"
            "\nOptions: --format text|json, -o FILE\n"
            "\nExamples:\n  knotplan kb check my-kb.json\n"
            "  knotplan kb export | knotplan kb check -\n",
        .run = run_kb_check},
    CommandSpec{.path = "kb export",
                .summary = "Print the built-in knowledge base to start from",
                .details = "\nOptions: -o FILE\n"
                           "\nExamples:\n  knotplan kb export > my-kb.json\n"
                           "  knotplan --kb my-kb.json --area neck --explain\n",
                .run = run_kb_export},
    CommandSpec{.path = "config",
                .summary = "Personal defaults: show them",
                .details =
                    "\nThe config file is $XDG_CONFIG_HOME/knotplan/config.json (~/.config/...\n"
                    "when unset), for example:\n"
                    "  {\"equipment\": [\"tennis-ball\"], \"minutes\": 8, \"side\": \"left\",\n"
                    "   \"age\": 70, \"conditions\": [\"diabetes\"], \"color\": \"auto\"}\n"
                    "The command line wins, then KNOTPLAN_EQUIPMENT and the like, then the file.\n"
                    "\nExamples:\n  knotplan config show\n"
                    "  KNOTPLAN_MINUTES=5 knotplan config show --format json\n"},
    CommandSpec{.path = "config show",
                .summary = "The settings in effect and where each came from",
                .details = "\nOptions: --format text|json, -o FILE\n"
                           "\nExamples:\n  knotplan config show\n"
                           "  KNOTPLAN_MINUTES=5 knotplan config show --format json\n",
                .run = run_config_show},
    CommandSpec{.path = "completions",
                .summary = "Print a completion script for bash, zsh or fish",
                .argument_kind = ArgumentKind::kShell,
                .argument = "SHELL",
                .argument_help = "bash, zsh or fish",
                .details =
                    "\nThe installed package puts these where each shell looks; this is\n"
                    "for a copy of your own.\n"
                    "\nExamples:\n"
                    "  knotplan completions fish > ~/.config/fish/completions/knotplan.fish\n"
                    "  source <(knotplan completions bash)\n",
                .run = run_completions},
    CommandSpec{.path = "help",
                .summary = "Help for knotplan or one of its commands",
                .argument_kind = ArgumentKind::kCommand,
                .argument = "COMMAND",
                .argument_help = "A command, such as list or \"kb check\"",
                .details = "\nExamples:\n  knotplan help\n  knotplan help list\n"},
};

}  // namespace

std::span<const CommandSpec> command_table() {
  return kCommands;
}

std::vector<const CommandSpec*> top_level_commands() {
  std::vector<const CommandSpec*> commands;
  for (const CommandSpec& command : kCommands)
    if (command.path.find(' ') == std::string_view::npos) commands.push_back(&command);
  return commands;
}

const CommandSpec* find_top_level_command(std::string_view word) {
  for (const CommandSpec& command : kCommands)
    if (command.path == word) return &command;
  return nullptr;
}

}  // namespace knotplan
