// End-to-end: the built binary, as a person or a script runs it.
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "knotplan/options.hpp"
#include "knotplan/render.hpp"
#include "render/text_layout.hpp"
#include "test_support.hpp"

using knotplan::testing::run_knotplan;
using knotplan::testing::RunResult;
using knotplan::testing::TemporaryFolder;
using nlohmann::json;

TEST_CASE("the quick-start command plans a routine", "[cli]") {
  const RunResult run = run_knotplan({"--area", "upper-back", "--since", "today"});
  CHECK(run.exit_code == 0);
  CHECK(run.err.empty());
  CHECK_THAT(run.out, Catch::StartsWith("Self-massage routine: Upper back\n"));
  CHECK_THAT(run.out, Catch::Contains("This is self-care guidance, not a diagnosis."));
}

TEST_CASE("every way of writing the options plans the same routine", "[cli]") {
  // A plain plan is parsed with only the options it names (cli_options.hpp): each form
  // CLI11 accepts must still count as naming the option.
  const RunResult spaced =
      run_knotplan({"--area", "neck", "--minutes", "5", "--format", "json", "--side", "left"});
  REQUIRE(spaced.exit_code == 0);
  const std::vector<std::vector<std::string>> spellings{
      {"--area=neck", "--minutes=5", "--format=json", "--side=left"},
      {"-a", "neck", "-m", "5", "-f", "json", "--side", "left"},
      {"-aneck", "-m5", "-fjson", "--side=left"},
      {"--side", "left", "-fjson", "--minutes", "5", "--area", "neck"},
  };
  for (const std::vector<std::string>& arguments : spellings) {
    const RunResult run = run_knotplan(arguments);
    INFO(arguments.front());
    CHECK(run.exit_code == 0);
    CHECK(run.err.empty());
    CHECK(run.out == spaced.out);
  }
  // A subcommand's name as an option's value is still that value.
  const RunResult value = run_knotplan({"--area", "list"});
  CHECK(value.exit_code == 2);
  CHECK_THAT(value.err, Catch::Contains("--area 'list' is not a known area"));
}

TEST_CASE("up to three areas share one session, in the order given", "[cli]") {
  const RunResult run =
      run_knotplan({"--area", "Lower Back,neck", "--since", "3w", "--format", "json", "--explain"});
  REQUIRE(run.exit_code == 0);
  const auto routine = nlohmann::json::parse(run.out);
  CHECK(routine["schema_version"] == 3);
  CHECK(routine["request"]["areas"] == nlohmann::json::array({"lower-back", "neck"}));
  CHECK(routine["request"]["area"] == "lower-back");
  CHECK(routine["explain"]["session"]["shape"] == "lingering-knot");
  const RunResult text = run_knotplan({"--area", "lower-back,neck"});
  CHECK_THAT(text.out, Catch::StartsWith("Self-massage routine: Lower back and neck\n"));
}

TEST_CASE("compact: --compact gives the one-table HTML sheet and changes no other format",
          "[cli]") {
  const RunResult sheet = run_knotplan({"--area", "neck", "--format", "html"});
  const RunResult compact = run_knotplan({"--area", "neck", "--format", "html", "--compact"});
  REQUIRE(sheet.exit_code == 0);
  REQUIRE(compact.exit_code == 0);
  CHECK_THAT(sheet.out, Catch::Contains("<section class=\"technique"));
  CHECK(sheet.out.find("<table class=\"steps\">") == std::string::npos);
  CHECK_THAT(compact.out, Catch::Contains("<table class=\"steps\">"));
  CHECK(compact.out.find("<section class=\"technique") == std::string::npos);
  for (const char* format : {"text", "markdown", "json"})
    CHECK(run_knotplan({"--area", "neck", "--format", format, "--compact"}).out ==
          run_knotplan({"--area", "neck", "--format", format}).out);
}

TEST_CASE("version and --help print to stdout and exit 0", "[cli]") {
  const RunResult version = run_knotplan({"--version"});
  CHECK(version.exit_code == 0);
  CHECK_THAT(version.out, Catch::StartsWith("knotplan "));
  const RunResult help = run_knotplan({"--help"});
  CHECK(help.exit_code == 0);
  for (const char* words : {"Request:", "Output:", "Knowledge base:", "--area", "--since",
                            "--explain", "Examples:", "knotplan --area upper-back --since today"})
    CHECK_THAT(help.out, Catch::Contains(words));
}

TEST_CASE("no arguments prints a short usage to stderr and exits 2", "[cli]") {
  const RunResult run = run_knotplan({});
  CHECK(run.exit_code == 2);
  CHECK(run.out.empty());
  CHECK_THAT(run.err, Catch::Contains("Example: knotplan --area upper-back --since today"));
}

TEST_CASE("a warning sign withholds the routine with exit 3, in text and JSON", "[cli]") {
  const RunResult text = run_knotplan({"--area", "upper-back", "--symptom", "chest-pain"});
  CHECK(text.exit_code == 3);
  CHECK_THAT(text.out, Catch::Contains("This is an emergency"));
  CHECK_THAT(text.out, Catch::Contains("999"));
  const RunResult pain = run_knotplan({"--area", "neck", "--pain", "9", "--format", "json"});
  CHECK(pain.exit_code == 3);
  const json document = json::parse(pain.out);
  CHECK(document["status"] == "withheld");
  CHECK(document["see_a_professional"]["level"] == "doctor");
  CHECK(document["rules_fired"][0] == "severe-pain");
  CHECK(document["steps"].empty());
}

TEST_CASE("JSON output fits the budget and is identical run after run", "[cli]") {
  const std::vector<std::string> arguments{"--area",      "neck",        "--since",   "3w",
                                           "--cause",     "posture",     "--minutes", "8",
                                           "--equipment", "tennis-ball", "--format",  "json"};
  const RunResult first = run_knotplan(arguments);
  const RunResult second = run_knotplan(arguments);
  REQUIRE(first.exit_code == 0);
  CHECK(first.out == second.out);
  const json document = json::parse(first.out);
  CHECK(document["total_seconds"].get<int>() <= 8 * 60);
  CHECK(document["request"]["since"]["stage"] == "lingering");
}

TEST_CASE("a copy of the knowledge base with a new technique and rule changes the routine",
          "[cli]") {
  TemporaryFolder folder;
  json kb = knotplan::testing::builtin_knowledge_json();
  kb["techniques"].push_back(
      {{"id", "wall-slides"},
       {"name", "Wall slides"},
       {"phase", "stretch"},
       {"tags", {"movement"}},
       {"areas", {"upper-back"}},
       {"equipment", {"wall"}},
       {"seconds", {{"min", 30}, {"default", 60}, {"max", 90}}},
       {"instructions", {"Stand with your back to a wall.", "Slide your arms up and down."}},
       {"cues", {"Slow and smooth."}},
       {"sources", {"nhs-back-pain"}}});
  kb["rules"].push_back({{"id", "desk-wall-slides"},
                         {"why", "A test rule."},
                         {"when", {{"area", {"upper-back"}}}},
                         {"then", {{"add", {{{"technique", "wall-slides"}, {"priority", 99}}}}}},
                         {"sources", {"nhs-back-pain"}}});
  knotplan::testing::write_file(folder.path("custom.json"), kb.dump(2));
  const std::vector<std::string> request{"--area", "upper-back", "--format", "json"};

  const json builtin = json::parse(run_knotplan(request).out);
  CHECK(builtin.dump().find("wall-slides") == std::string::npos);

  auto with_flag = request;
  with_flag.insert(with_flag.end(), {"--kb", folder.path("custom.json")});
  const RunResult flag = run_knotplan(with_flag);
  REQUIRE(flag.exit_code == 0);
  const json custom = json::parse(flag.out);
  bool found = false;
  for (const auto& step : custom["steps"])
    if (step["technique"] == "wall-slides") found = step["because"] == json{"desk-wall-slides"};
  CHECK(found);

  const RunResult environment =
      run_knotplan(request, {{"KNOTPLAN_KB", folder.path("custom.json")}});
  CHECK(environment.out == flag.out);
}

TEST_CASE("a broken knowledge base exits 4 and says where", "[cli]") {
  TemporaryFolder folder;
  knotplan::testing::write_file(folder.path("syntax.json"),
                                "{\n  \"areas\": [\n    oops\n  ]\n}\n");
  const RunResult syntax = run_knotplan({"--area", "neck", "--kb", folder.path("syntax.json")});
  CHECK(syntax.exit_code == 4);
  CHECK(syntax.out.empty());
  CHECK_THAT(syntax.err, Catch::Contains("line 3:5"));

  json kb = knotplan::testing::builtin_knowledge_json();
  kb["rules"][3]["then"]["add"][0]["technique"] = "made-up";
  knotplan::testing::write_file(folder.path("reference.json"), kb.dump());
  const RunResult reference =
      run_knotplan({"--area", "neck", "--kb", folder.path("reference.json")});
  CHECK(reference.exit_code == 4);
  CHECK_THAT(reference.err, Catch::Contains(kb["rules"][3]["id"].get<std::string>()));
  CHECK_THAT(reference.err, Catch::Contains("made-up"));

  const RunResult missing = run_knotplan({"--area", "neck", "--kb", folder.path("absent.json")});
  CHECK(missing.exit_code == 1);
  CHECK_THAT(missing.err, Catch::Contains("absent.json"));
}

TEST_CASE("output with -o writes the whole output to a file and nothing to stdout", "[cli]") {
  TemporaryFolder folder;
  const RunResult run =
      run_knotplan({"--area", "lower-back", "--format", "json", "-o", folder.path("plan.json")});
  CHECK(run.exit_code == 0);
  CHECK(run.out.empty());
  CHECK(json::parse(knotplan::testing::read_file(folder.path("plan.json")))["status"] == "ok");
  CHECK(folder.entries() == std::vector<std::string>{"plan.json"});

  const RunResult withheld = run_knotplan(
      {"--area", "neck", "--symptom", "fever-stiff-neck", "-o", folder.path("plan.txt")});
  CHECK(withheld.exit_code == 3);
  CHECK_THAT(knotplan::testing::read_file(folder.path("plan.txt")),
             Catch::Contains("This is an emergency"));

  const RunResult unwritable =
      run_knotplan({"--area", "neck", "-o", folder.path("no/such/dir/plan.txt")});
  CHECK(unwritable.exit_code == 1);
  CHECK_THAT(unwritable.err, Catch::Contains("no/such/dir/plan.txt"));
  std::vector<std::string> entries = folder.entries();
  std::sort(entries.begin(), entries.end());
  CHECK(entries == std::vector<std::string>{"plan.json", "plan.txt"});
}

TEST_CASE("output onto the knowledge base in use is refused and leaves it as it was", "[cli]") {
  TemporaryFolder folder;
  const std::string kb = folder.path("kb.json");
  CHECK(run_knotplan({"kb", "export", "-o", kb}).exit_code == 0);
  const std::string before = knotplan::testing::read_file(kb);
  REQUIRE(!before.empty());
  REQUIRE(symlink("kb.json", folder.path("link.json").c_str()) == 0);
  for (const std::string& output : {kb, folder.path("link.json"), folder.root() + "/./kb.json"}) {
    const RunResult run = run_knotplan({"--kb", kb, "--area", "neck", "-o", output});
    INFO(run.err);
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.err, Catch::Contains("is the knowledge base being read"));
    CHECK(knotplan::testing::read_file(kb) == before);
  }
  // The same file named by KNOTPLAN_KB is the same knowledge base.
  CHECK(run_knotplan({"--area", "neck", "-o", kb}, {{"KNOTPLAN_KB", kb}}).exit_code == 2);
  CHECK(knotplan::testing::read_file(kb) == before);
  CHECK(run_knotplan({"--kb", kb, "--area", "neck", "-o", folder.path("plan.txt")}).exit_code == 0);
}

TEST_CASE("output to a device is written into it, never replaces it", "[cli]") {
  // Device nodes of our own in a temporary folder, never the real /dev/null or /dev/full:
  // a wrong implementation would replace whatever it was given. Only root may make them.
  if (geteuid() != 0) return;
  TemporaryFolder folder;
  const std::string null = folder.path("null");
  const std::string full = folder.path("full");
  REQUIRE(mknod(null.c_str(), S_IFCHR | 0666, makedev(1, 3)) == 0);
  REQUIRE(mknod(full.c_str(), S_IFCHR | 0666, makedev(1, 7)) == 0);
  const RunResult discarded = run_knotplan({"--area", "neck", "-o", null});
  CHECK(discarded.exit_code == 0);
  const RunResult no_space = run_knotplan({"--area", "neck", "-o", full});
  CHECK(no_space.exit_code == 1);
  CHECK_THAT(no_space.err, Catch::Contains(full) && Catch::Contains("No space left on device"));
  struct stat status {};
  for (const std::string& device : {null, full}) {
    REQUIRE(lstat(device.c_str(), &status) == 0);
    CHECK(S_ISCHR(status.st_mode));
  }
  std::vector<std::string> entries = folder.entries();
  std::sort(entries.begin(), entries.end());
  CHECK(entries == std::vector<std::string>{"full", "null"});
}

TEST_CASE("colour only when asked for, or on a terminal without NO_COLOR", "[cli]") {
  const RunResult piped = run_knotplan({"--area", "neck"}, {{"TERM", "xterm"}});
  CHECK(piped.out.find("\x1b[") == std::string::npos);
  const RunResult forced =
      run_knotplan({"--area", "neck", "--color", "always"}, {{"NO_COLOR", "1"}});
  CHECK(forced.out.find("\x1b[") != std::string::npos);
}

TEST_CASE("the guide without a terminal prints one stamped line per event", "[cli][guide]") {
  const RunResult run =
      run_knotplan({"--area", "neck", "--minutes", "3", "--guide", "--time-scale", "0.001"});
  CHECK(run.exit_code == 0);
  CHECK_THAT(run.out, Catch::StartsWith("[0:00] Guided routine: "));
  CHECK_THAT(run.out, Catch::Contains("] Step 1/"));
  CHECK_THAT(run.out, Catch::Contains("] Finished. "));
  CHECK(run.out.find('\x1b') == std::string::npos);
  CHECK(run.out.find('\a') == std::string::npos);

  const RunResult withheld = run_knotplan({"--area", "neck", "--pain", "9", "--guide"});
  CHECK(withheld.exit_code == 3);
  CHECK_THAT(withheld.out, Catch::Contains("No routine today"));

  for (const auto& arguments :
       std::vector<std::vector<std::string>>{{"--area", "neck", "--guide", "--time-scale", "0"},
                                             {"--area", "neck", "--guide", "--time-scale", "fast"},
                                             {"--area", "neck", "--guide", "--format", "json"},
                                             {"--area", "neck", "--guide", "-o", "x.txt"}}) {
    const RunResult bad = run_knotplan(arguments);
    CHECK(bad.exit_code == 2);
    CHECK_THAT(bad.err, Catch::StartsWith("knotplan: error: "));
  }
}

TEST_CASE("the guide's clock is exact at a fast time scale", "[cli][guide]") {
  for (const std::string scale : {"0.001", "1e-300"}) {
    CAPTURE(scale);
    const RunResult run =
        run_knotplan({"--area", "neck", "--minutes", "3", "--guide", "--time-scale", scale});
    REQUIRE(run.exit_code == 0);
    std::smatch header;
    REQUIRE(std::regex_search(run.out, header,
                              std::regex(R"(Guided routine: (\d+) steps, (\d+):(\d\d))")));
    // The routine's length and a 3-second lead-in a step; a clock that divided real time by
    // the scale said several minutes more at 0.001, and "0:00" at 1e-300.
    const int seconds = std::stoi(header[2]) * 60 + std::stoi(header[3]) + 3 * std::stoi(header[1]);
    CHECK_THAT(run.out, Catch::Contains(fmt::format(
                            "] Finished. {0} of {0} steps done, 0 skipped, {1}:{2:02} spent.",
                            header[1].str(), seconds / 60, seconds % 60)));
  }
  // Below the smallest normal double the scale is no number the clock can work with.
  const RunResult tiny = run_knotplan({"--area", "neck", "--guide", "--time-scale", "1e-320"});
  CHECK(tiny.exit_code == 2);
  CHECK_THAT(tiny.err, Catch::Contains("--time-scale '1e-320' is not a usable speed"));
}

TEST_CASE("explain names the rules that fired", "[cli]") {
  const RunResult run = run_knotplan({"--area", "neck", "--cause", "sleep", "--explain"});
  CHECK(run.exit_code == 0);
  CHECK_THAT(run.out, Catch::Contains("Why this routine"));
  CHECK_THAT(run.out, Catch::Contains("sleep-neck-and-pillow:"));
}

TEST_CASE("personal defaults come from the config file, the environment and the command line",
          "[cli][settings]") {
  TemporaryFolder folder;
  REQUIRE(std::system(("mkdir -p " + folder.path("knotplan")).c_str()) == 0);
  knotplan::testing::write_file(folder.path("knotplan/config.json"),
                                R"({"equipment": ["tennis-ball"], "minutes": 8, "age": 70})");
  const std::map<std::string, std::string> home{{"XDG_CONFIG_HOME", folder.root()}};
  const json from_file =
      json::parse(run_knotplan({"--area", "neck", "--format", "json"}, home).out);
  CHECK(from_file["request"]["minutes"] == 8);
  CHECK(from_file["request"]["age"] == 70);
  CHECK(from_file["request"]["equipment"] == json{"tennis-ball"});

  auto with_environment = home;
  with_environment["KNOTPLAN_MINUTES"] = "6";
  CHECK(json::parse(run_knotplan({"--area", "neck", "--format", "json"}, with_environment)
                        .out)["request"]["minutes"] == 6);
  CHECK(
      json::parse(run_knotplan({"--area", "neck", "--format", "json", "-m", "5"}, with_environment)
                      .out)["request"]["minutes"] == 5);

  const RunResult shown = run_knotplan({"config", "show"}, with_environment);
  CHECK(shown.exit_code == 0);
  CHECK_THAT(shown.out, Catch::Contains("(found)"));
  CHECK_THAT(shown.out, Catch::Contains("environment KNOTPLAN_MINUTES"));
  CHECK_THAT(shown.out, Catch::Contains("config file " + folder.path("knotplan/config.json")));
  CHECK_THAT(shown.out, Catch::Contains("default"));
  // In JSON, numbers are numbers and lists are arrays, whatever they came from.
  const json settings = json::parse(
      run_knotplan({"config", "show", "--format", "json"}, with_environment).out)["settings"];
  CHECK(settings["minutes"]["value"] == 6);
  CHECK(settings["age"]["value"] == 70);
  CHECK(settings["equipment"]["value"] == json{"tennis-ball"});
  CHECK(settings["conditions"]["value"] == json::array());
  CHECK(settings["kb"]["value"].is_null());

  knotplan::testing::write_file(folder.path("knotplan/config.json"), R"({"colour": "never"})");
  const RunResult bad = run_knotplan({"--area", "neck"}, home);
  CHECK(bad.exit_code == 2);
  CHECK_THAT(bad.err, Catch::Contains("config file " + folder.path("knotplan/config.json") +
                                      ": unknown key 'colour'"));
  CHECK_THAT(bad.err, Catch::Contains("did you mean 'color'?"));
}

TEST_CASE("the areas can be a personal default, and the command line still wins",
          "[cli][settings]") {
  TemporaryFolder folder;
  REQUIRE(std::system(("mkdir -p " + folder.path("knotplan")).c_str()) == 0);
  knotplan::testing::write_file(folder.path("knotplan/config.json"),
                                R"({"area": ["neck", "shoulders"]})");
  const std::map<std::string, std::string> home{{"XDG_CONFIG_HOME", folder.root()}};
  const json configured =
      json::parse(run_knotplan({"--since", "3w", "--format", "json"}, home).out);
  CHECK(configured["request"]["areas"] == json{"neck", "shoulders"});
  const json typed =
      json::parse(run_knotplan({"--area", "lower-back", "--format", "json"}, home).out);
  CHECK(typed["request"]["areas"] == json{"lower-back"});
  CHECK_THAT(run_knotplan({"config", "show"}, home).out, Catch::Contains("neck,shoulders"));

  const RunResult bad = run_knotplan({"--since", "3d"}, {{"KNOTPLAN_AREA", "elbow"}});
  CHECK(bad.exit_code == 2);
  CHECK_THAT(bad.err, Catch::Contains("environment KNOTPLAN_AREA: area 'elbow' is not known"));
}

TEST_CASE("help is grouped and ends with examples", "[cli]") {
  const RunResult help = run_knotplan({"--help"});
  // A plain command line is first parsed without subcommands; help must still list them.
  CHECK_THAT(help.out, Catch::Contains("Commands (") && Catch::Contains("completions"));
  std::size_t at = 0;
  for (const char* heading :
       {"Request:", "Output:", "Guide:", "Knowledge base:", "Other:", "Examples:"}) {
    const std::size_t found = help.out.find(heading, at);
    INFO(heading);
    CHECK(found != std::string::npos);
    at = found == std::string::npos ? at : found;
  }
  for (const std::vector<std::string>& command : {std::vector<std::string>{"list", "--help"},
                                                  {"show", "--help"},
                                                  {"kb", "check", "--help"},
                                                  {"kb", "export", "--help"},
                                                  {"completions", "--help"},
                                                  {"config", "show", "--help"}}) {
    const RunResult sub = run_knotplan(command);
    INFO(command[0]);
    CHECK(sub.exit_code == 0);
    CHECK_THAT(sub.out, Catch::Contains("Examples:\n  knotplan "));
    // 'knotplan help kb check' is the same help, and -h after a command asks for it too.
    std::vector<std::string> help_command{"help"};
    help_command.insert(help_command.end(), command.begin(), command.end() - 1);
    CHECK(run_knotplan(help_command).out == sub.out);
    std::vector<std::string> short_flag(command.begin(), command.end() - 1);
    short_flag.emplace_back("-h");
    CHECK(run_knotplan(short_flag).out == sub.out);
  }
}

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("short help: -h fits a 24-line terminal, and no help line is wider than 80 columns",
          "[cli]") {
  const RunResult short_help = run_knotplan({"-h"});
  CHECK(short_help.exit_code == 0);
  CHECK(lines_of(short_help.out).size() <= 23);  // and the prompt
  CHECK_THAT(short_help.out, Catch::Contains("--area") && Catch::Contains("man knotplan"));
  CHECK(run_knotplan({"--area", "neck", "-h"}).out == short_help.out);
  const RunResult long_help = run_knotplan({"--help"});
  CHECK(long_help.out.size() > short_help.out.size());
  CHECK(run_knotplan({"help"}).out == long_help.out);
  for (const std::string command : {"list", "show", "kb", "kb check", "config", "help", ""}) {
    const RunResult help = command.empty() ? long_help : run_knotplan({"help", command});
    for (const std::string& line : lines_of(help.out)) {
      INFO(command << ": " << line);
      CHECK(knotplan::display_width(line) <= 80);
    }
  }
}

TEST_CASE("every option of the table is in --help, and no other", "[cli]") {
  const std::string help = run_knotplan({"--help"}).out;
  // --format's help is written by hand: a new format must be named there too.
  for (const knotplan::FormatInfo& format : knotplan::kFormats)
    CHECK_THAT(std::string(knotplan::find_option("format")->help),
               Catch::Contains(std::string(format.name)));
  for (const knotplan::OptionSpec& option : knotplan::option_table()) {
    INFO(option.name);
    CHECK_THAT(help, Catch::Contains(fmt::format("--{}", option.name)));
    if (option.short_name != 0)
      CHECK_THAT(help, Catch::Contains(fmt::format("-{}, --{}", option.short_name, option.name)));
  }
}

TEST_CASE("a repeated option takes the last value, a list gathers every one", "[cli]") {
  const RunResult last = run_knotplan(
      {"--area", "neck", "--area", "lower-back", "-m", "3", "-m", "4", "--format", "json"});
  CHECK(last.exit_code == 0);
  CHECK_THAT(last.out, Catch::Contains(R"("areas": [
      "lower-back"
    ])"));
  CHECK_THAT(last.out, Catch::Contains(R"("minutes": 4)"));
  const RunResult gathered = run_knotplan(
      {"--area", "neck", "-e", "tennis-ball", "-e", "foam-roller", "--format", "json"});
  CHECK_THAT(gathered.out, Catch::Contains(R"("foam-roller",
      "tennis-ball")"));
}

TEST_CASE("help COMMAND names an unknown command and the nearest", "[cli]") {
  const RunResult typo = run_knotplan({"help", "lsit"});
  CHECK(typo.exit_code == 2);
  CHECK_THAT(typo.err, Catch::Contains("'lsit' is not a knotplan command") &&
                           Catch::Contains("did you mean 'list'?"));
}

TEST_CASE("output to a file takes the format its extension names, unless --format is given",
          "[cli]") {
  TemporaryFolder folder;
  CHECK(run_knotplan({"--area", "neck", "-o", folder.path("sheet.html")}).exit_code == 0);
  CHECK_THAT(knotplan::testing::read_file(folder.path("sheet.html")),
             Catch::StartsWith("<!DOCTYPE html>"));
  CHECK(run_knotplan({"--area", "neck", "-o", folder.path("plan.JSON")}).exit_code == 0);
  CHECK(json::parse(knotplan::testing::read_file(folder.path("plan.JSON")))["status"] == "ok");
  CHECK(run_knotplan({"list", "areas", "-o", folder.path("areas.json")}).exit_code == 0);
  CHECK(json::parse(knotplan::testing::read_file(folder.path("areas.json"))).is_array());
  CHECK(run_knotplan({"--area", "neck", "--format", "text", "-o", folder.path("plain.html")})
            .exit_code == 0);
  CHECK_THAT(knotplan::testing::read_file(folder.path("plain.html")),
             Catch::StartsWith("Self-massage routine: Neck"));
  // A personal default format yields to the extension, and applies to a name without one.
  const std::map<std::string, std::string> json_by_default{{"KNOTPLAN_FORMAT", "json"}};
  CHECK(run_knotplan({"--area", "neck", "-o", folder.path("sheet2.html")}, json_by_default)
            .exit_code == 0);
  CHECK_THAT(knotplan::testing::read_file(folder.path("sheet2.html")),
             Catch::StartsWith("<!DOCTYPE html>"));
  CHECK(run_knotplan({"--area", "neck", "-o", folder.path("plan")}, json_by_default).exit_code ==
        0);
  CHECK(json::parse(knotplan::testing::read_file(folder.path("plan")))["status"] == "ok");
}

TEST_CASE("a dash is standard output for -o and standard input for --kb", "[cli]") {
  TemporaryFolder folder;
  const RunResult dash = run_knotplan({"--area", "neck", "-o", "-"});
  CHECK(dash.exit_code == 0);
  CHECK_THAT(dash.out, Catch::StartsWith("Self-massage routine: Neck"));
  // The knowledge base arrives through a pipe, as 'kb check -' reads one.
  const std::string binary = KNOTPLAN_BINARY;
  const std::string command = "'" + binary + "' kb export | '" + binary +
                              "' --kb - --area neck --format json > '" + folder.path("piped.json") +
                              "'";
  CHECK(std::system(command.c_str()) == 0);
  CHECK(json::parse(knotplan::testing::read_file(folder.path("piped.json")))["status"] == "ok");
}

TEST_CASE("config show prints text or JSON, and says so for any other format", "[cli]") {
  const RunResult html = run_knotplan({"config", "show", "--format", "html"});
  CHECK(html.exit_code == 2);
  CHECK_THAT(html.err, Catch::Contains("--format 'html'"));
  // A format from the environment is for routines: the settings still show.
  const RunResult from_environment =
      run_knotplan({"config", "show"}, {{"KNOTPLAN_FORMAT", "html"}});
  CHECK(from_environment.exit_code == 0);
  CHECK_THAT(from_environment.out, Catch::Contains("format      html"));
  // Minutes from the command line are checked as those from the environment are.
  const RunResult bad_minutes = run_knotplan({"config", "show", "--minutes", "ten"});
  CHECK(bad_minutes.exit_code == 2);
  CHECK_THAT(bad_minutes.err, Catch::Contains("--minutes 'ten' is not a whole number"));
}

TEST_CASE("the man page documents exactly the options of the table", "[cli][docs]") {
  std::ifstream in(std::string(KNOTPLAN_SOURCE_DIR) + "/docs/knotplan.1.scd");
  REQUIRE(in);
  std::string page((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::size_t options = page.find("\n# OPTIONS");
  const std::size_t commands = page.find("\n# COMMANDS");
  REQUIRE(options < commands);
  // Each option is a line of its own in bold: *-a, --area* _AREA_
  std::set<std::string> documented;
  std::istringstream section(page.substr(options, commands - options));
  for (std::string line; std::getline(section, line);)
    if (line.starts_with("*-")) documented.insert(line.substr(1, line.find('*', 1) - 1));
  std::set<std::string> expected{"-h", "--help", "-V, --version"};
  for (const knotplan::OptionSpec& option : knotplan::option_table())
    expected.insert(option.short_name != 0
                        ? fmt::format("-{}, --{}", option.short_name, option.name)
                        : fmt::format("--{}", option.name));
  CHECK(documented == expected);
  // Every personal default's variable is in ENVIRONMENT, and its key under FILES.
  const std::string environment = page.substr(page.find("\n# ENVIRONMENT"));
  for (const knotplan::OptionSpec& option : knotplan::option_table()) {
    if (option.setting_key.empty()) continue;
    INFO(option.name);
    CHECK_THAT(environment, Catch::Contains(fmt::format("*{}*", environment_variable(option))));
    CHECK_THAT(environment, Catch::Contains(fmt::format("*{}*", option.setting_key)));
  }
}

namespace {

// A config folder for XDG_CONFIG_HOME holding knotplan/config.json with `content`.
std::map<std::string, std::string> config_home(const TemporaryFolder& folder,
                                               const std::string& content) {
  REQUIRE(std::system(("mkdir -p '" + folder.path("knotplan") + "'").c_str()) == 0);
  knotplan::testing::write_file(folder.path("knotplan/config.json"), content);
  return {{"XDG_CONFIG_HOME", folder.root()}};
}

// The exit status of a shell command line, run without the developer's own settings.
int shell_exit_status(const std::string& command) {
  const std::string clean =
      "env -u KNOTPLAN_EQUIPMENT -u KNOTPLAN_MINUTES XDG_CONFIG_HOME=/nonexistent/knotplan-tests " +
      command;
  const int status = std::system(clean.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST_CASE("a config file that is there but cannot be read stops the run", "[cli][settings]") {
  TemporaryFolder folder;
  auto home = config_home(folder, R"({"conditions": ["anticoagulants"]})");
  const std::string path = folder.path("knotplan/config.json");
  const json gentle = json::parse(run_knotplan({"--area", "neck", "--format", "json"}, home).out);
  CHECK(gentle["request"]["conditions"] == json{"anticoagulants"});

  // Unreadable: as nobody when the tests run as root, who could read it anyway.
  REQUIRE(::chmod(path.c_str(), 0) == 0);
  REQUIRE(::chmod(folder.root().c_str(), 0755) == 0);
  if (::geteuid() != 0) {
    const RunResult denied = run_knotplan({"--area", "neck"}, home);
    CHECK(denied.exit_code == 1);
    CHECK(denied.out.empty());
    CHECK_THAT(denied.err,
               Catch::Contains("cannot read config file '" + path + "': " + std::strerror(EACCES)));
  } else if (std::filesystem::exists("/usr/bin/setpriv")) {
    const std::string as_nobody = "XDG_CONFIG_HOME='" + folder.root() +
                                  "' setpriv --reuid=65534 --regid=65534 --clear-groups '" +
                                  std::string(KNOTPLAN_BINARY) + "' --area neck > /dev/null";
    CHECK(std::system(("env -u KNOTPLAN_MINUTES " + as_nobody + " 2> '" +
                       folder.path("stderr.txt") + "'; test $? -eq 1")
                          .c_str()) == 0);
    CHECK_THAT(knotplan::testing::read_file(folder.path("stderr.txt")),
               Catch::Contains("cannot read config file '" + path + "': " + std::strerror(EACCES)));
  }

  // A folder in the file's place: named as such, for root too.
  REQUIRE(std::remove(path.c_str()) == 0);
  REQUIRE(::mkdir(path.c_str(), 0755) == 0);
  const RunResult folder_config = run_knotplan({"--area", "neck"}, home);
  CHECK(folder_config.exit_code == 1);
  CHECK(folder_config.out.empty());
  CHECK_THAT(folder_config.err,
             Catch::Contains("cannot read config file '" + path + "': it is a folder"));
  CHECK_THAT(folder_config.err, !Catch::Contains("JSON"));

  // XDG_CONFIG_HOME naming a file: the path goes through it.
  home["XDG_CONFIG_HOME"] = folder.path("a-file");
  knotplan::testing::write_file(home["XDG_CONFIG_HOME"], "{}");
  const RunResult through_file = run_knotplan({"config", "show"}, home);
  CHECK(through_file.exit_code == 1);
  CHECK_THAT(through_file.err, Catch::Contains(std::strerror(ENOTDIR)));
}

TEST_CASE("a huge config file is refused at once", "[cli][settings]") {
  TemporaryFolder folder;
  const auto home = config_home(folder, "{}");
  std::filesystem::resize_file(folder.path("knotplan/config.json"), 100 * 1024 * 1024);
  const RunResult huge = run_knotplan({"--area", "neck"}, home);
  CHECK(huge.exit_code == 1);
  CHECK_THAT(huge.err, Catch::Contains("is larger than the limit of"));
}

TEST_CASE("none in the environment or the config file is no equipment, as on the command line",
          "[cli][settings]") {
  const RunResult typed =
      run_knotplan({"--area", "neck", "--format", "json", "--equipment", "none"});
  REQUIRE(typed.exit_code == 0);
  const RunResult variable =
      run_knotplan({"--area", "neck", "--format", "json"}, {{"KNOTPLAN_EQUIPMENT", "none"}});
  REQUIRE(variable.exit_code == 0);
  CHECK(json::parse(variable.out)["request"]["equipment"] == json::array());
  CHECK(variable.out == typed.out);
  TemporaryFolder folder;
  const auto home = config_home(folder, R"({"equipment": "none", "conditions": ["none"]})");
  const RunResult configured = run_knotplan({"--area", "neck", "--format", "json"}, home);
  REQUIRE(configured.exit_code == 0);
  CHECK(configured.out == typed.out);
  CHECK(run_knotplan({"--area", "neck"}, {{"KNOTPLAN_CONDITIONS", "None"}}).exit_code == 0);
}

TEST_CASE("a config number past any range is named as written", "[cli][settings]") {
  TemporaryFolder folder;
  const auto home = config_home(folder, R"({"minutes": 18446744073709551615})");
  const RunResult run = run_knotplan({"--area", "neck"}, home);
  CHECK(run.exit_code == 2);
  CHECK_THAT(run.err, Catch::Contains("minutes '18446744073709551615'"));
  CHECK_THAT(run.err, !Catch::Contains("'-1'"));
}

TEST_CASE("error messages cut huge arguments and paths", "[cli]") {
  // Nearly the most Linux passes in one argument (MAX_ARG_STRLEN, 128 KiB).
  const std::string huge(130000, 'x');
  const std::string long_path = "/tmp/" + std::string(3000, 'd') + "/kb.json";
  for (const std::vector<std::string>& arguments :
       std::vector<std::vector<std::string>>{{"--area", "neck", huge},
                                             {"--area", "neck", "--" + huge},
                                             {"--area", "neck", "--" + huge + "=1"},
                                             {"--area", "neck", "--kb", long_path},
                                             {"kb", "check", long_path},
                                             {"--area", "neck", "-o", long_path}}) {
    const RunResult run = run_knotplan(arguments);
    INFO(arguments.back().substr(0, 20));
    CHECK(run.exit_code != 0);
    CHECK_THAT(run.err, Catch::StartsWith("knotplan: error: "));
    CHECK(run.err.size() < 400);
  }
  CHECK_THAT(run_knotplan({"--area", "neck", huge}).err,
             Catch::Contains("unexpected argument '" + std::string(60, 'x') + "...'"));
}

TEST_CASE("version, help and the guide fail when standard output is full", "[cli]") {
  if (!std::filesystem::exists("/dev/full")) return;
  const std::string binary = "'" + std::string(KNOTPLAN_BINARY) + "'";
  for (const std::string arguments :
       {"--version", "-V", "--help", "-h", "help", "help list", "list --help",
        "--area neck --version", "--area neck --minutes 3 --guide --time-scale 0.001"}) {
    INFO(arguments);
    CHECK(shell_exit_status(binary + " " + arguments + " > /dev/full 2> /dev/null") == 1);
    CHECK(shell_exit_status(binary + " " + arguments + " > /dev/null") == 0);
  }
}
