#include "cli_options.hpp"

#include <fmt/format.h>

#include "knotplan/ids.hpp"
#include "knotplan/knowledge_loader.hpp"
#include "render/text_layout.hpp"
#include "version.hpp"

namespace knotplan {

namespace {

const char* const kExamples = R"(
Examples:
  knotplan --area upper-back --since today
  knotplan --area neck --since 3w --cause posture --minutes 8 --equipment tennis-ball
  knotplan --area lower-back --since yesterday --cause strain --format json | jq .
  knotplan --area between-shoulder-blades --explain
  knotplan --area upper-back --format html -o sheet.html   (then print it)
  knotplan --area neck --since 2d --guide   (space pauses, n next, b back, q quits)
  knotplan list areas
  knotplan show ball-against-wall

Exit status: 0 planned, 1 run-time failure, 2 usage error, 3 routine withheld
(a warning sign: the output says whom to see), 4 invalid knowledge base.
This is self-care guidance, not a diagnosis.)";

template <typename Entry>
std::string id_list(List<Entry> entries) {
  const std::vector<std::string> ids = typeable_ids(entries);
  // Wrapped under its label, so that help fits an 80-column terminal.
  const auto lines = wrap_words(fmt::format("{}", fmt::join(ids, ", ")), 64);
  return fmt::format("{}", fmt::join(lines, "\n              "));
}

// The valid ids, from the built-in knowledge base, so that help never drifts from it.
// A callback, so that the knowledge base is parsed only when help is shown.
std::string help_footer() {
  const KnowledgeBase& kb = builtin_knowledge_base();
  return fmt::format(
      "\nValues (ids; aliases and any case also work):\n"
      "  areas:      {}\n  causes:     {}\n  equipment:  {}\n"
      "  symptoms:   {}\n              (or in your own words: --symptom \"stiff neck, fever\")\n"
      "  conditions: {}\n{}",
      id_list(kb.areas), id_list(kb.causes), id_list(kb.equipment), id_list(kb.symptoms),
      id_list(kb.conditions), kExamples);
}

// Defines each option the filter wants: `define(app, names)` adds it.
class Definer {
 public:
  Definer(CLI::App& app, const OptionFilter& filter) : app_(app), filter_(filter) {}

  template <typename Define>
  void operator()(const char* names, Define define) {
    if (filter_.wants(names)) define(app_, names);
  }

 private:
  CLI::App& app_;
  const OptionFilter& filter_;
};

void define_request_options(Definer& option, RequestOptions& request) {
  option("-a,--area", [&](CLI::App& app, const char* names) {
    app.add_option_function<std::string>(
           names, [&request](const std::string& value) { request.area = value; },
           "Where the knot is (required); up to 3: neck,shoulders")
        ->type_name("AREA")
        ->group("Request");
  });
  option("-s,--since", [&](CLI::App& app, const char* names) {
    app.add_option(names, request.since, "today, yesterday, 36h, 3d, 2w, 4mo, YYYY-MM-DD")
        ->type_name("WHEN")
        ->group("Request");
  });
  option("-c,--cause", [&](CLI::App& app, const char* names) {
    app.add_option(names, request.cause, "Likely cause (default: unknown)")
        ->type_name("CAUSE")
        ->group("Request");
  });
  option("-p,--pain", [&](CLI::App& app, const char* names) {
    app.add_option(names, request.pain, "Pain now, 0-10 (default: 5)")
        ->type_name("0-10")
        ->group("Request");
  });
  option("-m,--minutes", [&](CLI::App& app, const char* names) {
    app.add_option(names, request.minutes, "Time you have (default: 10)")
        ->type_name("N")
        ->group("Request");
  });
  option("-e,--equipment", [&](CLI::App& app, const char* names) {
    app.add_option(names, request.equipment, "What you have: tennis-ball,foam-roller")
        ->type_name("LIST")
        ->expected(1)
        ->group("Request");
  });
  option("--side", [&](CLI::App& app, const char* names) {
    app.add_option(names, request.side, "left, right or both (default: both)")
        ->type_name("SIDE")
        ->group("Request");
  });
  option("--symptom", [&](CLI::App& app, const char* names) {
    app.add_option(names, request.symptoms,
                   "What you feel besides the knot, in your own words: \"cold sweat, jaw pain\"")
        ->type_name("TEXT")
        ->expected(1)
        ->group("Request");
  });
  option("--condition", [&](CLI::App& app, const char* names) {
    app.add_option(names, request.conditions, "Health conditions: pregnancy,...")
        ->type_name("LIST")
        ->expected(1)
        ->group("Request");
  });
  option("--age", [&](CLI::App& app, const char* names) {
    app.add_option_function<std::string>(
           names, [&request](const std::string& value) { request.age = value; },
           "Your age in years")
        ->type_name("N")
        ->group("Request");
  });
}

void define_output_options(Definer& option, Invocation& invocation) {
  option("-f,--format", [&](CLI::App& app, const char* names) {
    app.add_option(names, invocation.format, "text, json, markdown or html")
        ->type_name("FORMAT")
        ->group("Output");
  });
  option("-o,--output", [&](CLI::App& app, const char* names) {
    app.add_option_function<std::string>(
           names, [&invocation](const std::string& path) { invocation.output = path; },
           "Write to FILE (atomically)")
        ->type_name("FILE")
        ->group("Output");
  });
  option("--explain", [&](CLI::App& app, const char* names) {
    app.add_flag(names, invocation.request.explain, "Show which rules fired and why")
        ->group("Output");
  });
  option("--color", [&](CLI::App& app, const char* names) {
    app.add_option(names, invocation.color, "auto, always or never (default: auto)")
        ->type_name("WHEN")
        ->group("Output");
  });
  option("--guide", [&](CLI::App& app, const char* names) {
    app.add_flag(names, invocation.guide, "Play the routine live: countdown, cues, keys")
        ->group("Guide");
  });
  option("--time-scale", [&](CLI::App& app, const char* names) {
    app.add_option(names, invocation.time_scale, "Faster clock for tests, demos: 0.01")
        ->type_name("X")
        ->group("Guide");
  });
  option("--no-bell", [&](CLI::App& app, const char* names) {
    app.add_flag(names, invocation.no_bell, "No terminal bell between steps")->group("Guide");
  });
  option("--kb", [&](CLI::App& app, const char* names) {
    app.add_option_function<std::string>(
           names, [&invocation](const std::string& path) { invocation.knowledge_base = path; },
           "Use this knowledge base (or KNOTPLAN_KB)")
        ->type_name("FILE")
        ->group("Knowledge base");
  });
}

bool given(const CLI::App& app, const char* name) {
  const CLI::Option* option = app.get_option_no_throw(name);
  return option != nullptr && option->count() > 0;
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

void define_options(CLI::App& app, Invocation& invocation, const OptionFilter& filter) {
  app.footer(help_footer);
  app.get_formatter()->column_width(32);
  app.fallthrough();  // options after a subcommand (list areas --format json) reach the app
  Definer option(app, filter);
  define_request_options(option, invocation.request);
  define_output_options(option, invocation);
  // Set last, so that "Other" is the last group in --help.
  if (filter.wants("-h,--help")) {
    app.set_help_flag("-h,--help", "Show this help, the valid ids and examples")->group("Other");
  } else {
    app.set_help_flag();  // CLI11 adds one of its own otherwise
  }
  if (filter.wants("-V,--version"))
    app.set_version_flag("-V,--version", "knotplan " KNOTPLAN_VERSION)->group("Other");
}

std::map<std::string, std::string> command_line_settings(const CLI::App& app,
                                                         const Invocation& invocation) {
  std::map<std::string, std::string> settings;
  const RequestOptions& request = invocation.request;
  const auto joined = [](const std::vector<std::string>& items) {
    return fmt::format("{}", fmt::join(items, ","));
  };
  if (given(app, "--area")) settings["area"] = request.area.value_or("");
  if (given(app, "--equipment")) settings["equipment"] = joined(request.equipment);
  if (given(app, "--minutes")) settings["minutes"] = request.minutes;
  if (given(app, "--side")) settings["side"] = request.side;
  if (given(app, "--age")) settings["age"] = request.age.value_or("");
  if (given(app, "--condition")) settings["conditions"] = joined(request.conditions);
  if (given(app, "--format")) settings["format"] = invocation.format;
  if (given(app, "--color")) settings["color"] = invocation.color;
  return settings;
}

}  // namespace knotplan
