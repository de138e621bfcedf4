#include "cli_options.hpp"

#include <fmt/format.h>

#include "knotplan/options.hpp"
#include "version.hpp"

namespace knotplan {

namespace {

// "-a,--area" for CLI11, with the value's name for help.
CLI::Option* define_option(CLI::App& app, const OptionSpec& option, CommandLineValues& values) {
  const std::string name(option.name);
  if (option.kind == ValueKind::kFlag)
    return app.add_flag_callback(
        flag_names(option), [&values, name] { values[name] = "true"; }, std::string(option.help));
  const bool repeatable = option.repeatable;
  return app
      .add_option_function<std::vector<std::string>>(
          flag_names(option),
          [&values, name, repeatable](const std::vector<std::string>& given) {
            // A list gathers every use; anything else takes the last, as ripgrep does.
            values[name] = repeatable ? fmt::format("{}", fmt::join(given, ",")) : given.back();
          },
          std::string(option.help))
      ->type_name(std::string(option.value_name))
      ->expected(1)
      ->allow_extra_args(false)  // a word after the value is not another value
      ->multi_option_policy(repeatable ? CLI::MultiOptionPolicy::TakeAll
                                       : CLI::MultiOptionPolicy::TakeLast);
}

}  // namespace

OptionFilter OptionFilter::named_in(int argc, char** argv) {
  OptionFilter filter;
  filter.every_ = false;
  for (int i = 1; i < argc; ++i) filter.words_.emplace_back(argv[i]);
  return filter;
}

bool OptionFilter::wants(std::string_view names) const {
  if (every_) return true;
  while (!names.empty()) {
    const std::size_t comma = names.find(',');
    const std::string_view name = names.substr(0, comma);
    names = comma == std::string_view::npos ? std::string_view() : names.substr(comma + 1);
    for (const std::string_view word : words_) {
      if (!word.starts_with(name)) continue;
      // --area, --area=neck; -a, -aneck
      if (!name.starts_with("--") || word.size() == name.size() || word[name.size()] == '=')
        return true;
    }
  }
  return false;
}

void define_options(CLI::App& app, CommandLineValues& values, const OptionFilter& filter) {
  app.fallthrough();  // options after a subcommand (list areas --format json) reach the app
  for (const OptionSpec& option : option_table())
    if (filter.wants(flag_names(option)))
      define_option(app, option, values)->group(std::string(option.group));
  // help.hpp writes the help; -h is answered before parsing.
  if (filter.wants("--help")) {
    app.set_help_flag("--help");
  } else {
    app.set_help_flag();  // CLI11 adds one of its own otherwise
  }
  if (filter.wants("-V,--version"))
    app.set_version_flag("-V,--version", "knotplan " KNOTPLAN_VERSION);
}

}  // namespace knotplan
