#ifndef KNOTPLAN_SETTINGS_HPP_
#define KNOTPLAN_SETTINGS_HPP_

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace knotplan {

// Personal defaults. Each comes from the command line, else the environment
// (KNOTPLAN_MINUTES, ...), else the config file, else the built-in default.
enum class Origin { kDefault, kConfigFile, kEnvironment, kCommandLine };

struct Setting {
  std::string value;  // as typed; a list is comma-separated; empty means "none"
  Origin origin = Origin::kDefault;
  std::string source;  // the variable's name or the file's path; empty for the others
};

// area, equipment, minutes, side, age, conditions, format, color: in this order.
const std::vector<std::string>& setting_keys();

// "minutes" -> "KNOTPLAN_MINUTES"
std::string environment_name(const std::string& key);

// Largest config file read. A real one is a few hundred bytes; the limit keeps a huge file
// from costing seconds and memory on every run.
inline constexpr std::size_t kMaxConfigFileBytes = 64 * 1024;

// Where the config file is: $XDG_CONFIG_HOME/knotplan/config.json when that is an absolute
// path, else $HOME/.config/knotplan/config.json. Either argument may be nullptr (unset).
std::string config_file_path(const char* xdg_config_home, const char* home);

// A config file's settings, checked: a JSON object whose keys are setting keys, with
// lists (area, equipment, conditions) as arrays of strings or one comma-separated string,
// minutes and age as whole numbers, the rest as strings. Returns nullopt when the file
// does not exist (ENOENT). Throws IoError naming the file and the reason when it exists
// but cannot be read (permissions, a folder, a path through a file, over
// kMaxConfigFileBytes), and UsageError naming the key and the file for bad content.
std::optional<std::map<std::string, std::string>> read_config_file(const std::string& path);

// Checks one setting's value as it would be typed (the environment's form), whatever its
// origin. Throws UsageError naming `where` (the variable or the file) and the key.
void check_setting(const std::string& key, const std::string& value, const std::string& where);

// For every key, the value that wins: command line, then environment, then config file,
// then the default. `environment` maps variable names to values (unset ones absent).
std::map<std::string, Setting> resolve_settings(
    const std::map<std::string, std::string>& command_line,
    const std::map<std::string, std::string>& environment,
    const std::optional<std::map<std::string, std::string>>& config_file,
    const std::string& config_path);

}  // namespace knotplan

#endif  // KNOTPLAN_SETTINGS_HPP_
