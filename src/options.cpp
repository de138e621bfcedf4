#include "knotplan/options.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>

#include "knotplan/error.hpp"
#include "knotplan/ids.hpp"
#include "knotplan/render.hpp"
#include "knotplan/request.hpp"
#include "knotplan/terminal.hpp"

namespace knotplan {

namespace {

constexpr std::array<std::string_view, 9> kSinceExamples{"today", "yesterday", "36h", "3d", "1w",
                                                         "2w",    "4w",        "3mo", "1y"};
constexpr std::array<std::string_view, 11> kPainExamples{"0", "1", "2", "3", "4", "5",
                                                         "6", "7", "8", "9", "10"};
constexpr std::array<std::string_view, 6> kMinuteExamples{"3", "5", "10", "15", "20", "30"};
constexpr std::array<std::string_view, 3> kSides{"both", "left", "right"};
constexpr std::array<std::string_view, 3> kColorChoices{"auto", "always", "never"};
constexpr std::array<std::string_view, 3> kTimeScaleExamples{"1", "0.1", "0.01"};
constexpr std::array<std::string_view, 2> kRateExamples{"ball-against-wall=up",
                                                        "foam-roller-upper-back=down"};
// The routine's formats, then svg, which only `show` writes (a technique's drawing).
constexpr auto kFormatNames = [] {
  std::array<std::string_view, kFormats.size() + 1> names{};
  for (std::size_t i = 0; i < kFormats.size(); ++i) names[i] = kFormats[i].name;
  names[kFormats.size()] = "svg";
  return names;
}();

constexpr std::array kOptions{
    OptionSpec{.name = "area",
               .short_name = 'a',
               .value_name = "AREA",
               .group = "Request",
               .help = "Where the knot is; up to 3: neck,shoulders",
               .kind = ValueKind::kIds,
               .ids = IdList::kAreas,
               .setting_key = "area",
               .in_short_help = true},
    OptionSpec{.name = "since",
               .short_name = 's',
               .value_name = "WHEN",
               .group = "Request",
               .help = "today, yesterday, 36h, 3d, 2w, 4mo, YYYY-MM-DD",
               .kind = ValueKind::kText,
               .words = kSinceExamples,
               .in_short_help = true},
    OptionSpec{.name = "cause",
               .short_name = 'c',
               .value_name = "CAUSE",
               .group = "Request",
               .help = "Likely cause (default: unknown)",
               .kind = ValueKind::kText,
               .ids = IdList::kCauses,
               .default_value = "unknown",
               .in_short_help = true},
    OptionSpec{.name = "pain",
               .short_name = 'p',
               .value_name = "0-10",
               .group = "Request",
               .help = "Pain now, 0-10 (default: 5)",
               .kind = ValueKind::kWholeNumber,
               .words = kPainExamples,
               .lowest = 0,
               .highest = 10,
               .default_value = "5"},
    OptionSpec{.name = "minutes",
               .short_name = 'm',
               .value_name = "N",
               .group = "Request",
               .help = "Time you have (default: 10)",
               .kind = ValueKind::kWholeNumber,
               .words = kMinuteExamples,
               .lowest = 1,
               .highest = kMaxMinutes,
               .default_value = "10",
               .setting_key = "minutes",
               .in_short_help = true},
    OptionSpec{.name = "equipment",
               .short_name = 'e',
               .value_name = "LIST",
               .group = "Request",
               .help = "What you have: tennis-ball,foam-roller",
               .kind = ValueKind::kIds,
               .ids = IdList::kEquipment,
               .setting_key = "equipment",
               .repeatable = true,
               .in_short_help = true},
    OptionSpec{.name = "side",
               .value_name = "SIDE",
               .group = "Request",
               .help = "left, right or both (default: both)",
               .kind = ValueKind::kWord,
               .words = kSides,
               .default_value = "both",
               .setting_key = "side"},
    OptionSpec{.name = "symptom",
               .value_name = "TEXT",
               .group = "Request",
               .help = "Anything else you feel, in your own words",
               .kind = ValueKind::kText,
               .ids = IdList::kSymptoms,
               .repeatable = true,
               .in_short_help = true},
    OptionSpec{.name = "condition",
               .value_name = "LIST",
               .group = "Request",
               .help = "Health conditions: pregnancy,diabetes,...",
               .kind = ValueKind::kIds,
               .ids = IdList::kConditions,
               .setting_key = "conditions",
               .repeatable = true,
               .in_short_help = true},
    OptionSpec{.name = "age",
               .value_name = "N",
               .group = "Request",
               .help = "Your age in years",
               .kind = ValueKind::kWholeNumber,
               .lowest = 1,
               .highest = kMaxAge,
               .setting_key = "age"},
    OptionSpec{.name = "format",
               .short_name = 'f',
               .value_name = "FORMAT",
               .group = "Output",
               .help = "text, json, markdown, html; also csv, svg",
               .kind = ValueKind::kWord,
               .words = kFormatNames,
               .default_value = "text",
               .setting_key = "format",
               .in_short_help = true},
    OptionSpec{.name = "output",
               .short_name = 'o',
               .value_name = "FILE",
               .group = "Output",
               .help = "Write to FILE, in the format its name says",
               .kind = ValueKind::kFile,
               .in_short_help = true},
    OptionSpec{.name = "explain",
               .group = "Output",
               .help = "Show which rules fired and why",
               .kind = ValueKind::kFlag},
    OptionSpec{.name = "compact",
               .group = "Output",
               .help = "HTML only: the one-page table in small print",
               .kind = ValueKind::kFlag},
    OptionSpec{.name = "color",
               .value_name = "WHEN",
               .group = "Output",
               .help = "auto, always or never (default: auto)",
               .kind = ValueKind::kWord,
               .words = kColorChoices,
               .default_value = "auto",
               .setting_key = "color"},
    OptionSpec{.name = "guide",
               .group = "Guide",
               .help = "Play the routine live: countdown, cues, keys",
               .kind = ValueKind::kFlag,
               .in_short_help = true},
    OptionSpec{.name = "time-scale",
               .value_name = "X",
               .group = "Guide",
               .help = "Faster clock for tests and demos: 0.01",
               .kind = ValueKind::kText,
               .words = kTimeScaleExamples,
               .default_value = "1"},
    OptionSpec{.name = "no-bell",
               .group = "Guide",
               .help = "No terminal bell between steps",
               .kind = ValueKind::kFlag},
    OptionSpec{.name = "history",
               .value_name = "FILE",
               .group = "History",
               .help = "Keep the session log in FILE",
               .kind = ValueKind::kFile,
               .setting_key = "history"},
    OptionSpec{.name = "no-history",
               .group = "History",
               .help = "Neither read nor write the session log",
               .kind = ValueKind::kFlag},
    OptionSpec{.name = "pain-before",
               .value_name = "0-10",
               .group = "History",
               .help = "log: pain before the session",
               .kind = ValueKind::kWholeNumber,
               .words = kPainExamples,
               .lowest = 0,
               .highest = 10},
    OptionSpec{.name = "pain-after",
               .value_name = "0-10",
               .group = "History",
               .help = "log: pain after the session",
               .kind = ValueKind::kWholeNumber,
               .words = kPainExamples,
               .lowest = 0,
               .highest = 10},
    OptionSpec{.name = "date",
               .value_name = "YYYY-MM-DD",
               .group = "History",
               .help = "log: the day of the session (default: today)",
               .kind = ValueKind::kText},
    OptionSpec{.name = "note",
               .value_name = "TEXT",
               .group = "History",
               .help = "log: a few words to remember",
               .kind = ValueKind::kText},
    OptionSpec{.name = "rate",
               .value_name = "ID=up|down",
               .group = "History",
               .help = "log: what helped (up) or did not (down)",
               .kind = ValueKind::kText,
               .words = kRateExamples,
               .repeatable = true},
    OptionSpec{.name = "forget",
               .group = "History",
               .help = "history: delete the sessions (of --area)",
               .kind = ValueKind::kFlag},
    OptionSpec{.name = "yes",
               .group = "History",
               .help = "history --forget: do not ask first",
               .kind = ValueKind::kFlag},
    OptionSpec{.name = "kb",
               .value_name = "FILE",
               .group = "Knowledge base",
               .help = "Use this knowledge base; - for standard input",
               .kind = ValueKind::kFile,
               .setting_key = "kb"},
};

template <typename Words>
std::string word_list(const Words& words, std::string_view last_joint) {
  std::string text;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) text += i + 1 == words.size() ? last_joint : ", ";
    text += words[i];
  }
  return text;
}

}  // namespace

std::span<const OptionSpec> option_table() {
  return kOptions;
}

const OptionSpec* find_option(std::string_view name) {
  for (const OptionSpec& option : kOptions)
    if (option.name == name) return &option;
  return nullptr;
}

const OptionSpec* find_setting(std::string_view key) {
  if (key.empty()) return nullptr;
  for (const OptionSpec& option : kOptions)
    if (option.setting_key == key) return &option;
  return nullptr;
}

std::string flag_names(const OptionSpec& option) {
  if (option.short_name == 0) return fmt::format("--{}", option.name);
  return fmt::format("-{},--{}", option.short_name, option.name);
}

std::string environment_variable(const OptionSpec& option) {
  std::string name;
  for (const char c : option.setting_key)
    name += c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return name.empty() ? name : "KNOTPLAN_" + name;
}

void check_option_value(const OptionSpec& option, const std::string& value,
                        const std::string& where) {
  const std::string shown = quote_value(value);
  switch (option.kind) {
    case ValueKind::kWord: {
      const std::string wanted = normalize_id(value);
      if (std::find(option.words.begin(), option.words.end(), wanted) != option.words.end()) return;
      std::string hint;
      const std::vector<std::string> words(option.words.begin(), option.words.end());
      if (const auto closest = closest_match(wanted, words))
        hint = fmt::format("did you mean '{}'? ", *closest);
      throw UsageError(fmt::format("{} {} is not allowed", where, shown),
                       hint + "use " + word_list(option.words, " or "));
    }
    case ValueKind::kWholeNumber: {
      const std::string text = normalize_id(value);
      long long number = 0;
      const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
      const std::string fix =
          fmt::format("give a whole number from {} to {}", option.lowest, option.highest);
      const bool whole = !text.empty() && end == text.data() + text.size();
      // Digits past what a long long holds are still a whole number, only far out of range.
      if (!whole || (error != std::errc() && error != std::errc::result_out_of_range))
        throw UsageError(fmt::format("{} {} is not a whole number", where, shown), fix);
      if (error == std::errc::result_out_of_range || number < option.lowest ||
          number > option.highest)
        throw UsageError(fmt::format("{} {} is out of range", where, shown), fix);
      return;
    }
    case ValueKind::kFile:
      if (value.empty())
        throw UsageError(fmt::format("{} '' names no file", where),
                         "give a file name, or - for standard input or output");
      return;
    case ValueKind::kFlag:
    case ValueKind::kIds:
    case ValueKind::kText:
      return;  // ids are checked against the knowledge base in use, later
  }
}

}  // namespace knotplan
