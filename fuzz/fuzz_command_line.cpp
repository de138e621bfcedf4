// The whole command line as a user could give it: arguments, KNOTPLAN_* variables and a
// config file, all from the input. Whatever they say, knotplan must answer with an exit
// code of the README (0 to 4), never crash, and never write outside its scratch folder.
//
// The input is the argument words separated by NUL bytes; a word KNOTPLAN_NAME=VALUE sets
// that variable instead, and everything after two NUL bytes in a row is the config file.
#include <fcntl.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "cli.hpp"
#include "knotplan/options.hpp"
#include "knotplan/settings.hpp"

namespace {

std::filesystem::path scratch_folder() {
  static const std::filesystem::path folder = [] {
    char name[] = "/tmp/knotplan-fuzz-XXXXXX";
    const std::filesystem::path made = mkdtemp(name);
    // Output goes nowhere (scripts/fuzz-long closes standard error too), and relative -o
    // names land in the scratch folder.
    const int null = open("/dev/null", O_WRONLY);
    dup2(null, STDOUT_FILENO);
    const int no_input = open("/dev/null", O_RDONLY);
    dup2(no_input, STDIN_FILENO);
    std::filesystem::current_path(made);
    setenv("XDG_CONFIG_HOME", (made / "config").c_str(), 1);
    std::filesystem::create_directories(made / "config" / "knotplan");
    return made;
  }();
  return folder;
}

// A word that could reach outside the scratch folder or wait on a real clock.
bool unsafe(std::string_view word) {
  return word.find('/') != std::string_view::npos || word.starts_with("--g") ||
         word.starts_with("--ti") || word == "start";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::filesystem::path folder = scratch_folder();
  const std::string input(reinterpret_cast<const char*>(data), size);
  const std::size_t config_start = input.find(std::string_view("\0\0", 2));
  const std::string words = input.substr(0, config_start);
  const std::string config =
      config_start == std::string::npos ? std::string() : input.substr(config_start + 2);

  std::vector<std::string> arguments{"knotplan"};
  std::vector<std::string> variables;
  std::size_t begin = 0;
  while (begin <= words.size()) {
    const std::size_t end = std::min(words.find('\0', begin), words.size());
    const std::string word = words.substr(begin, end - begin);
    begin = end + 1;
    if (unsafe(word)) return -1;  // libFuzzer keeps such inputs out of the corpus
    if (word.starts_with("KNOTPLAN_") && word.find('=') != std::string::npos) {
      const std::string name = word.substr(0, word.find('='));
      setenv(name.c_str(), word.substr(word.find('=') + 1).c_str(), 1);
      variables.push_back(name);
    } else {
      arguments.push_back(word);
    }
  }
  const std::filesystem::path config_file = folder / "config" / "knotplan" / "config.json";
  if (config_start != std::string::npos) std::ofstream(config_file, std::ios::binary) << config;

  std::vector<char*> argv;
  for (std::string& argument : arguments) argv.push_back(argument.data());
  argv.push_back(nullptr);
  const int exit_code = knotplan::run_command_line(static_cast<int>(arguments.size()), argv.data());

  for (const std::string& name : variables) unsetenv(name.c_str());
  for (const auto& entry : std::filesystem::directory_iterator(folder))
    if (entry.path().filename() != "config") std::filesystem::remove_all(entry.path());
  std::filesystem::remove(config_file);
  if (exit_code < 0 || exit_code > 4) __builtin_trap();
  return 0;
}
