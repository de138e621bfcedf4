#ifndef KNOTPLAN_SRC_COMMANDS_HPP_
#define KNOTPLAN_SRC_COMMANDS_HPP_

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "knotplan/clock.hpp"
#include "knotplan/knowledge.hpp"
#include "knotplan/request.hpp"
#include "knotplan/settings.hpp"

namespace knotplan {

// The options the command line gave, by option name (option_table in options.hpp): the
// last use of each, or every use of a list joined by commas; "true" for a flag.
using CommandLineValues = std::map<std::string, std::string>;

// What the command line asked for, before anything is checked against a knowledge base.
struct Invocation {
  RequestOptions request;
  std::string format = "text";
  std::optional<std::string> output;          // absent: standard output
  std::optional<std::string> knowledge_base;  // absent: the built-in one
  std::string color = "auto";
  bool compact = false;  // --compact: the HTML sheet's one-page table
  bool guide = false;
  bool start = false;  // ask the screening questions ('knotplan start')
  std::string time_scale = "1";
  bool no_bell = false;
  // The session log: off (--no-history, KNOTPLAN_NO_HISTORY), else the file that --history,
  // KNOTPLAN_HISTORY or the config chose, if any (history_file() adds the default).
  bool history_off = false;
  std::optional<std::string> history;
  // 'knotplan log' and 'knotplan history': as typed, checked by the command.
  std::optional<std::string> pain_before;
  std::optional<std::string> pain_after;
  std::optional<std::string> date;
  std::optional<std::string> note;
  std::vector<std::string> ratings;  // TECHNIQUE=up|down, each as typed
  bool forget = false;
  bool yes = false;
  // The command's one argument: what to list, the technique to show, the file to check,
  // the shell to complete for, the command to help with.
  std::string argument;
  // Where each personal default came from; already applied to the fields above.
  std::map<std::string, Setting> settings;
  std::string config_path;
  bool config_found = false;
};

// Each command returns the process exit code and throws knotplan::Error on failure.
int run_plan(const Invocation& invocation);
int run_start(const Invocation& invocation);  // run_plan after the screening questions
int run_sources(const Invocation& invocation);
int run_completions(const Invocation& invocation);
int run_list(const Invocation& invocation);
int run_show(const Invocation& invocation);
int run_kb_check(const Invocation& invocation);
int run_kb_export(const Invocation& invocation);
int run_config_show(const Invocation& invocation);
int run_log(const Invocation& invocation);
int run_history(const Invocation& invocation);

// --- shared by the commands ----------------------------------------------------------

// Checks the options the command line gave, reads the environment and the config file,
// decides each setting (command line first) and applies every option to `invocation`.
// Throws UsageError naming the option, the variable or the file for a bad value.
void apply_settings(Invocation& invocation, const CommandLineValues& command_line);

// Checks the equipment and condition ids that came from the environment or the config file
// against the knowledge base, so that an error names where the bad id came from.
void check_setting_ids(const Invocation& invocation, const KnowledgeBase& kb);

// The knowledge base the invocation names (--kb, KNOTPLAN_KB or the config file's "kb"),
// else the built-in one.
// `storage` keeps a loaded file alive for as long as the returned reference is used.
const KnowledgeBase& knowledge_base_for(const Invocation& invocation, KnowledgeBase& storage);

// The formats of list, show and kb check; a routine's are kRoutineFormats (render.hpp).
inline constexpr std::array<const char*, 2> kListingFormats{"text", "json"};
// The formats of show: a listing's, and the technique's drawing.
inline constexpr std::array<const char*, 3> kShowFormats{"text", "json", "svg"};

// One of `allowed` (any case); throws UsageError naming the value otherwise.
std::string checked_format(const std::string& format, std::span<const char* const> allowed);

// The format in effect: --format on the command line; else the one -o's extension names
// (.html, .htm, .md, .json, .txt) if it is allowed; else KNOTPLAN_FORMAT or the config
// file's, else text. Throws UsageError for a format not in `allowed`.
std::string format_for(const Invocation& invocation, std::span<const char* const> allowed);

// Whether the output goes to standard output: no -o, or -o -.
bool to_standard_output(const Invocation& invocation);

// Writes the command's output to -o FILE (atomically), or standard output for none or -.
void emit(const Invocation& invocation, std::string_view text);

// Today, and the time now, where the person is: the system's clock, or KNOTPLAN_NOW
// ("YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS"), which tests set to play a week in a second.
// Throws UsageError naming the variable for a value that is not a date and time.
const Clock& clock_for_commands();
std::string local_time_now();

// The session log's file: the one chosen, else the default; nullopt when it is off.
// Throws IoError when there is no default (neither HOME nor XDG_STATE_HOME is set).
std::optional<std::string> history_file(const Invocation& invocation);

// The same, but nullopt where there is no default: for what can go on without the log
// (planning reads it, the guide records into it when it can).
std::optional<std::string> history_file_if_any(const Invocation& invocation);

// Whether to colour standard output, from --color, NO_COLOR, TERM and the terminal.
bool color_for_stdout(const Invocation& invocation);

}  // namespace knotplan

#endif  // KNOTPLAN_SRC_COMMANDS_HPP_
