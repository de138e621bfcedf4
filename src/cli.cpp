#include "cli.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>
#include <sstream>

#include "knotplan/error.hpp"
#include "knotplan/ids.hpp"
#include "knotplan/knowledge_loader.hpp"
#include "knotplan/output_file.hpp"
#include "knotplan/planner.hpp"
#include "knotplan/render.hpp"
#include "knotplan/terminal.hpp"
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

Exit status: 0 planned, 1 run-time failure, 2 usage error, 3 routine withheld
(a warning sign: the output says whom to see), 4 invalid knowledge base.
This is self-care guidance, not a diagnosis.)";

const char* const kShortUsage =
    "Usage: knotplan --area AREA [--since WHEN] [OPTIONS]\n"
    "Plans a timed self-massage routine for a muscle knot.\n"
    "Example: knotplan --area upper-back --since today\n"
    "Run 'knotplan --help' for every option.\n";

// What the command line asked for, before any checking against the knowledge base.
struct Invocation {
  RequestOptions request;
  std::string format = "text";
  std::string output;
  bool explain = false;
  std::string knowledge_base;
  std::string color = "auto";
};

void define_options(CLI::App& app, Invocation& invocation) {
  RequestOptions& request = invocation.request;
  app.add_option_function<std::string>(
         "-a,--area", [&request](const std::string& value) { request.area = value; },
         "Where the knot is (required)")
      ->type_name("AREA")
      ->group("Request");
  app.add_option("-s,--since", request.since, "today, yesterday, 36h, 3d, 2w, 4mo, YYYY-MM-DD")
      ->type_name("WHEN")
      ->group("Request");
  app.add_option("-c,--cause", request.cause, "Likely cause (default: unknown)")
      ->type_name("CAUSE")
      ->group("Request");
  app.add_option("-p,--pain", request.pain, "Pain now, 0-10 (default: 5)")
      ->type_name("0-10")
      ->group("Request");
  app.add_option("-m,--minutes", request.minutes, "Time you have (default: 10)")
      ->type_name("N")
      ->group("Request");
  app.add_option("-e,--equipment", request.equipment, "What you have: tennis-ball,foam-roller")
      ->type_name("LIST")
      ->expected(1)
      ->group("Request");
  app.add_option("--side", request.side, "left, right or both (default: both)")
      ->type_name("SIDE")
      ->group("Request");
  app.add_option("--symptom", request.symptoms, "Warning signs present: chest-pain,...")
      ->type_name("LIST")
      ->expected(1)
      ->group("Request");
  app.add_option("--condition", request.conditions, "Health conditions: pregnancy,...")
      ->type_name("LIST")
      ->expected(1)
      ->group("Request");
  app.add_option_function<std::string>(
         "--age", [&request](const std::string& value) { request.age = value; },
         "Your age in years")
      ->type_name("N")
      ->group("Request");

  app.add_option("-f,--format", invocation.format, "text or json (default: text)")
      ->type_name("FORMAT")
      ->group("Output");
  app.add_option("-o,--output", invocation.output, "Write to FILE (atomically)")
      ->type_name("FILE")
      ->group("Output");
  app.add_flag("--explain", invocation.explain, "Show which rules fired and why")->group("Output");
  app.add_option("--color", invocation.color, "auto, always or never (default: auto)")
      ->type_name("WHEN")
      ->group("Output");

  app.add_option("--kb", invocation.knowledge_base, "Use this knowledge base (or KNOTPLAN_KB)")
      ->type_name("FILE")
      ->group("Knowledge base");
}

// Every long and short option name, for "did you mean".
std::vector<std::string> option_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* option : app.get_options()) {
    for (const std::string& name : option->get_lnames()) names.push_back("--" + name);
  }
  return names;
}

std::string suggestion_for(const CLI::App& app, const std::vector<std::string>& extras) {
  for (const std::string& word : extras) {
    if (word.rfind("--", 0) != 0) continue;
    const std::string name = word.substr(0, word.find('='));
    const std::vector<std::string> names = option_names(app);
    if (const auto closest = closest_match(name.substr(2), [&] {
          std::vector<std::string> bare;
          for (const std::string& option : names) bare.push_back(option.substr(2));
          return bare;
        }()))
      return fmt::format("did you mean '--{}'? ", *closest);
  }
  return {};
}

const KnowledgeBase& knowledge_base_for(const Invocation& invocation, KnowledgeBase& storage) {
  std::string path = invocation.knowledge_base;
  if (path.empty()) {
    const char* from_environment = std::getenv("KNOTPLAN_KB");
    if (from_environment != nullptr) path = from_environment;
  }
  if (path.empty()) return builtin_knowledge_base();
  storage = load_knowledge_base(read_knowledge_base_file(path), path);
  return storage;
}

template <typename Entry>
std::string id_list(const std::vector<Entry>& entries) {
  std::vector<std::string> ids;
  for (const Entry& entry : entries) {
    if constexpr (std::is_same_v<Entry, Area>) {
      if (entry.target_only) continue;
    } else if constexpr (std::is_same_v<Entry, Equipment>) {
      if (entry.always_available) continue;
    }
    ids.push_back(entry.id);
  }
  // Wrapped under its label, so that help fits an 80-column terminal.
  const auto lines = wrap_words(fmt::format("{}", fmt::join(ids, ", ")), 64);
  return fmt::format("{}", fmt::join(lines, "\n              "));
}

// The valid ids, from the built-in knowledge base, so that help never drifts from it.
std::string help_footer() {
  const KnowledgeBase& kb = builtin_knowledge_base();
  return fmt::format(
      "\nValues (ids; aliases and any case also work):\n"
      "  areas:      {}\n  causes:     {}\n  equipment:  {}\n  symptoms:   {}\n"
      "  conditions: {}\n{}",
      id_list(kb.areas), id_list(kb.causes), id_list(kb.equipment), id_list(kb.red_flags),
      id_list(kb.conditions), kExamples);
}

std::string render(const Routine& routine, const Invocation& invocation, bool color, int width) {
  std::ostringstream out;
  if (invocation.format == "json") {
    render_json(routine, invocation.explain, out);
  } else {
    render_text(routine, TextOptions{color, invocation.explain, width}, out);
  }
  return out.str();
}

int plan_command(const Invocation& invocation) {
  const std::string format = normalize_id(invocation.format);
  if (format != "text" && format != "json")
    throw UsageError(fmt::format("--format '{}' is not a format", invocation.format),
                     "use text or json");
  const ColorChoice color_choice = parse_color_choice(invocation.color);
  KnowledgeBase storage;
  const KnowledgeBase& kb = knowledge_base_for(invocation, storage);
  const Routine routine = plan(kb, invocation.request, SystemClock());

  const bool to_file = !invocation.output.empty();
  const bool color = use_color(color_choice, std::getenv("NO_COLOR"), std::getenv("TERM"),
                               !to_file && isatty(STDOUT_FILENO));
  const int width = to_file ? 80 : terminal_width(STDOUT_FILENO).value_or(80);
  Invocation normalized = invocation;
  normalized.format = format;
  const std::string text = render(routine, normalized, color, width);
  if (to_file) {
    write_file_atomically(invocation.output, text);
  } else {
    write_standard_output(text);
  }
  return static_cast<int>(routine.status == Status::kWithheld ? ExitCode::kWithheld
                                                              : ExitCode::kOk);
}

void print_error(const std::string& message, const std::string& hint) {
  std::cerr << "knotplan: error: " << printable(message) << '\n';
  if (!hint.empty()) std::cerr << printable(hint) << '\n';
}

}  // namespace

int run_command_line(int argc, char** argv) {
  if (argc <= 1) {
    std::cerr << kShortUsage;
    return static_cast<int>(ExitCode::kUsage);
  }
  CLI::App app("knotplan: a safe, timed self-massage routine for a muscle knot.", "knotplan");
  app.footer(help_footer);
  app.set_version_flag("-V,--version", "knotplan " KNOTPLAN_VERSION);
  app.get_formatter()->column_width(32);
  Invocation invocation;
  define_options(app, invocation);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& help) {
    return app.exit(help);
  } catch (const CLI::CallForVersion& version) {
    return app.exit(version);
  } catch (const CLI::ExtrasError& error) {
    print_error(error.what(),
                suggestion_for(app, app.remaining()) + "Run 'knotplan --help' for the options.");
    return static_cast<int>(ExitCode::kUsage);
  } catch (const CLI::ParseError& error) {
    print_error(error.what(), "Run 'knotplan --help' for the options.");
    return static_cast<int>(ExitCode::kUsage);
  }
  try {
    return plan_command(invocation);
  } catch (const Error& error) {
    print_error(error.what(), error.hint());
    return static_cast<int>(error.exit_code());
  } catch (const std::exception& error) {
    print_error(fmt::format("unexpected failure: {}", error.what()),
                "please report this with the command you ran");
    return static_cast<int>(ExitCode::kRuntimeFailure);
  }
}

}  // namespace knotplan
