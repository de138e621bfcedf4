#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "commands.hpp"
#include "knotplan/error.hpp"
#include "knotplan/history.hpp"
#include "knotplan/history_store.hpp"
#include "knotplan/ids.hpp"
#include "knotplan/render_history.hpp"
#include "knotplan/terminal.hpp"

namespace knotplan {

namespace {

// A note is a few words to remember; a page pasted by mistake is refused, not stored.
constexpr std::size_t kMaxNoteBytes = 1000;

std::string log_file(const Invocation& invocation, const char* command) {
  const std::optional<std::string> path = history_file(invocation);
  if (!path)
    throw UsageError(
        fmt::format("'knotplan {}' needs the session log, which is turned off", command),
        "drop --no-history, or unset KNOTPLAN_NO_HISTORY");
  return *path;
}

// The areas --area names, as canonical ids: the same checks and suggestions as a plan's.
std::vector<std::string> areas_named(const KnowledgeBase& kb, const Invocation& invocation,
                                     const char* command) {
  if (!invocation.request.area)
    throw UsageError(fmt::format("'knotplan {}' needs --area", command),
                     fmt::format("for example: knotplan {} --area upper-back{}", command,
                                 std::string_view(command) == "log" ? " --pain-before 6" : ""));
  RequestOptions only_area;
  only_area.area = invocation.request.area;
  return resolve_request(kb, only_area, clock_for_commands()).areas;
}

std::string area_display_name(const KnowledgeBase& kb, const std::string& id) {
  const Area* area = match_named(kb.areas, id);
  return area != nullptr ? std::string(area->name) : id;
}

std::optional<int> pain_score(const std::optional<std::string>& typed) {
  if (!typed) return std::nullopt;
  return std::stoi(normalize_id(*typed));  // checked against the option's range already
}

CivilDate session_date(const Invocation& invocation) {
  const CivilDate today = clock_for_commands().today();
  if (!invocation.date) return today;
  const std::string typed(trimmed(*invocation.date));
  const std::optional<CivilDate> date =
      normalize_id(typed) == "today" ? std::optional(today)
      : normalize_id(typed) == "yesterday"
          ? std::optional(civil_from_days(days_from_civil(today) - 1))
          : parse_civil_date(typed);
  if (!date)
    throw UsageError(fmt::format("--date {} is not a date", quote_value(*invocation.date)),
                     "write it as YYYY-MM-DD, such as " + date_text(today));
  if (days_from_civil(*date) > days_from_civil(today))
    throw UsageError(fmt::format("--date {} is in the future", quote_value(*invocation.date)),
                     "log a session once it is done; today is " + date_text(today));
  return *date;
}

std::vector<TechniqueRating> ratings_given(const KnowledgeBase& kb, const Invocation& invocation) {
  std::vector<TechniqueRating> ratings;
  for (const std::string& typed : invocation.ratings) {
    const std::size_t equals = typed.rfind('=');
    const std::string verdict =
        equals == std::string::npos ? std::string() : normalize_id(typed.substr(equals + 1));
    if (verdict != "up" && verdict != "down")
      throw UsageError(fmt::format("--rate {} says neither up nor down", quote_value(typed)),
                       "write TECHNIQUE=up for what helped, TECHNIQUE=down for what did not");
    const std::string name = typed.substr(0, equals);
    const Technique* found = kb.technique_named(name);
    if (found == nullptr) {
      std::vector<std::string> ids;
      for (const Technique& technique : kb.techniques) ids.emplace_back(technique.id);
      std::string hint;
      if (const auto closest = closest_match(normalize_id(name), ids))
        hint = fmt::format("did you mean '{}'? ", *closest);
      throw UsageError(fmt::format("--rate {} names no technique", quote_value(typed)),
                       hint + "'knotplan list techniques' lists them");
    }
    const Rating rating = verdict == "up" ? Rating::kUp : Rating::kDown;
    // A technique rated twice keeps the last word.
    std::erase_if(ratings,
                  [&](const TechniqueRating& given) { return given.technique == found->id; });
    ratings.push_back({std::string(found->id), rating});
  }
  return ratings;
}

std::string pain_words(const std::optional<int>& before, const std::optional<int>& after) {
  if (before && after) return fmt::format("pain {} before, {} after", *before, *after);
  if (before) return fmt::format("pain {} before", *before);
  if (after) return fmt::format("pain {} after", *after);
  return "no pain score";
}

// Asks before deleting, on a terminal; elsewhere only --yes deletes.
bool confirmed(const Invocation& invocation, const std::string& what) {
  if (invocation.yes) return true;
  if (!isatty(STDIN_FILENO))
    throw UsageError("'knotplan history --forget' asks before deleting, and this is no terminal",
                     "add --yes to delete without being asked");
  std::fprintf(stderr, "Delete %s? This cannot be undone. Type yes to delete: ", what.c_str());
  std::fflush(stderr);
  std::string answer;
  if (!std::getline(std::cin, answer)) answer.clear();
  return normalize_id(answer) == "yes" || normalize_id(answer) == "y";
}

int forget(const Invocation& invocation, const KnowledgeBase& kb, const std::string& path) {
  std::optional<std::string> area;
  std::string what = "every session in " + path;
  if (invocation.request.area) {
    const std::vector<std::string> areas = areas_named(kb, invocation, "history --forget");
    if (areas.size() != 1)
      throw UsageError("'knotplan history --forget' takes one area at a time",
                       "run it once for each area");
    area = areas.front();
    what = fmt::format("the sessions on the {} in {}", area_display_name(kb, *area), path);
  }
  if (!HistoryStore::open_for_reading(path)) {
    std::fputs("The session log is empty: nothing to delete.\n", stdout);
    return 0;
  }
  if (!confirmed(invocation, what)) {
    std::fputs("Nothing deleted.\n", stdout);
    return 0;
  }
  HistoryStore store = HistoryStore::open_for_writing(path);
  const int deleted = store.forget(area);
  std::fprintf(stdout, "Deleted %d session%s.\n", deleted, deleted == 1 ? "" : "s");
  return 0;
}

}  // namespace

int run_log(const Invocation& invocation) {
  const std::string path = log_file(invocation, "log");
  KnowledgeBase storage;
  const KnowledgeBase& kb = knowledge_base_for(invocation, storage);
  SessionRecord session;
  session.areas = areas_named(kb, invocation, "log");
  session.source = SessionSource::kLog;
  session.date = session_date(invocation);
  session.pain_before = pain_score(invocation.pain_before);
  session.pain_after = pain_score(invocation.pain_after);
  session.ratings = ratings_given(kb, invocation);
  if (invocation.note) {
    if (invocation.note->size() > kMaxNoteBytes)
      throw UsageError(
          fmt::format("--note is {} bytes long", invocation.note->size()),
          fmt::format("keep it under {} bytes: a few words to remember", kMaxNoteBytes));
    session.note = *invocation.note;
  }
  session.recorded_at = local_time_now();
  HistoryStore store = HistoryStore::open_for_writing(path);
  store.add(session);
  std::vector<std::string> names;
  for (const std::string& area : session.areas) names.push_back(area_display_name(kb, area));
  fmt::print("Logged a session on {} ({}): {}.\n", date_text(session.date), fmt::join(names, ", "),
             pain_words(session.pain_before, session.pain_after));
  return 0;
}

int run_history(const Invocation& invocation) {
  const std::string path = log_file(invocation, "history");
  KnowledgeBase storage;
  const KnowledgeBase& kb = knowledge_base_for(invocation, storage);
  if (invocation.forget) return forget(invocation, kb, path);
  const std::string format = format_for(invocation, kHistoryFormats);
  HistoryView view;
  view.today = clock_for_commands().today();
  if (invocation.request.area) {
    const std::vector<std::string> areas = areas_named(kb, invocation, "history");
    if (areas.size() != 1)
      throw UsageError("'knotplan history' shows one area, or all of them",
                       "give one --area, or none");
    view.area = areas.front();
  }
  if (std::optional<HistoryStore> store = HistoryStore::open_for_reading(path))
    view.sessions = store->sessions(HistoryQuery{.area = view.area});
  for (const Area& area : kb.areas) view.area_names[std::string(area.id)] = std::string(area.name);
  for (const Technique& technique : kb.techniques)
    view.technique_names[std::string(technique.id)] = std::string(technique.name);
  view.color = format == "text" && color_for_stdout(invocation);
  view.width = to_standard_output(invocation) ? terminal_width(STDOUT_FILENO).value_or(80) : 80;
  emit(invocation, render_history(view, *history_format_named(format)));
  return 0;
}

}  // namespace knotplan
