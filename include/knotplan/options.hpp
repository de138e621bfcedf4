#ifndef KNOTPLAN_OPTIONS_HPP_
#define KNOTPLAN_OPTIONS_HPP_

#include <span>
#include <string>
#include <string_view>

namespace knotplan {

// What an option's value is: how it is checked before any knowledge base is read, and
// how the shells complete it.
enum class ValueKind {
  kFlag,         // no value: given or not
  kWord,         // one of the option's `words`, in any case
  kWholeNumber,  // from `lowest` to `highest`
  kIds,          // ids of one knowledge-base list (`ids`), comma-separated
  kText,         // anything; checked where it is used (--since, --symptom)
  kFile,         // a path; - is standard input or output
};

// The knowledge-base list whose ids an option takes or is completed with.
enum class IdList { kNone, kAreas, kCauses, kEquipment, kSymptoms, kConditions };

// One option of the top-level command. Adding an option is one row in option_table()
// plus the code that uses its value (apply_settings in src/command_support.cpp).
struct OptionSpec {
  std::string_view name{};        // --NAME
  char short_name = 0;            // -X; 0 for none
  std::string_view value_name{};  // AREA in "--area AREA"; empty for a flag
  std::string_view group{};       // its heading in --help
  std::string_view help{};        // one line, at most 50 columns
  ValueKind kind = ValueKind::kText;
  // kWord: the valid words. Any other kind: examples the shells offer.
  std::span<const std::string_view> words{};
  IdList ids = IdList::kNone;
  int lowest = 0;  // kWholeNumber only
  int highest = 0;
  // The value when none is given anywhere; empty means none.
  std::string_view default_value{};
  // The key of a personal default: also read from KNOTPLAN_<KEY> and the config file.
  // Empty for an option only the command line gives.
  std::string_view setting_key{};
  // Every use adds to the list (a comma list); otherwise the last use wins.
  bool repeatable = false;
  // Shown by -h, the short help, as well as by --help.
  bool in_short_help = false;
};

// Every option, in the order --help shows them. -h, --help and --version are not rows:
// they answer before any option is read.
std::span<const OptionSpec> option_table();

// The row for --NAME, or nullptr.
const OptionSpec* find_option(std::string_view name);

// The row whose setting key is `key`, or nullptr.
const OptionSpec* find_setting(std::string_view key);

// "-a,--area" for CLI11 and the man page test.
std::string flag_names(const OptionSpec& option);

// KNOTPLAN_<KEY> for a personal default; empty for an option that has none.
std::string environment_variable(const OptionSpec& option);

// Checks a value as typed, whatever its source: a word among the valid ones, a whole
// number in range, a file name that is not empty. `where` names the source in the error
// ("--minutes", "environment KNOTPLAN_MINUTES: minutes"). Throws UsageError.
void check_option_value(const OptionSpec& option, const std::string& value,
                        const std::string& where);

}  // namespace knotplan

#endif  // KNOTPLAN_OPTIONS_HPP_
