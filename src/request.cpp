#include "knotplan/request.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "knotplan/error.hpp"
#include "knotplan/ids.hpp"
#include "knotplan/symptoms.hpp"
#include "knotplan/terminal.hpp"

namespace knotplan {

namespace {

// Looks `text` up among `entries` by id or alias; on failure names the option, the
// value, the closest id and the valid ids.
template <typename Entry>
const Entry& resolve_named(List<Entry> entries, const std::string& text, const char* option,
                           const char* kind) {
  if (const Entry* found = match_named(entries, text)) return *found;
  std::vector<std::string> spellings;
  std::vector<std::string> owners;
  std::vector<std::string> valid;
  for (const Entry& entry : entries) {
    valid.emplace_back(entry.id);
    spellings.emplace_back(entry.id);
    owners.emplace_back(entry.id);
    for (const std::string_view alias : entry.aliases) {
      spellings.emplace_back(alias);
      owners.emplace_back(entry.id);
    }
  }
  std::string hint;
  if (const auto closest = closest_match(text, spellings)) {
    const auto at = std::find(spellings.begin(), spellings.end(), *closest) - spellings.begin();
    hint = fmt::format("did you mean '{}'? ", owners[static_cast<std::size_t>(at)]);
  }
  hint += fmt::format("Valid {}s: {}", kind, fmt::join(valid, ", "));
  throw UsageError(fmt::format("{} {} is not a known {}", option, quote_value(text), kind), hint);
}

// Splits every value at commas; an empty item is an error, "none" means no items.
std::vector<std::string> split_list(const std::vector<std::string>& values, const char* option,
                                    const char* example) {
  std::vector<std::string> items;
  for (const std::string& value : values) {
    if (normalize_id(value) == "none") continue;
    std::size_t begin = 0;
    while (true) {
      const std::size_t comma = value.find(',', begin);
      const std::string item =
          value.substr(begin, comma == std::string::npos ? std::string::npos : comma - begin);
      if (normalize_id(item).empty())
        throw UsageError(fmt::format("{} {} has an empty item", option, quote_value(value)),
                         fmt::format("give comma-separated ids, such as {} {}", option, example));
      items.push_back(item);
      if (comma == std::string::npos) break;
      begin = comma + 1;
    }
  }
  return items;
}

template <typename Entry>
std::vector<std::string> resolve_list(List<Entry> entries, const std::vector<std::string>& values,
                                      const char* option, const char* kind, const char* example) {
  std::vector<std::string> ids;
  for (const std::string& item : split_list(values, option, example))
    ids.emplace_back(resolve_named(entries, item, option, kind).id);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

// Each comma-separated item is read in the person's own words (symptoms.hpp); an item
// that names no symptom goes to `unplaced`.
std::vector<std::string> read_symptoms(const KnowledgeBase& kb,
                                       const std::vector<std::string>& values,
                                       std::vector<std::string>& unplaced) {
  std::vector<std::string> ids;
  for (const std::string& typed : split_list(values, "--symptom", "\"chest pain, cold sweat\"")) {
    const std::string item(trimmed(typed));
    if (says_absent(kb, item))
      throw UsageError(
          fmt::format("--symptom {} says what you do not have", quote_value(item)),
          "list only what you have, such as --symptom \"stiff neck, fever\"; leave the rest out");
    const std::vector<const Symptom*> found = find_symptoms(kb, item);
    if (found.empty()) unplaced.push_back(item);
    for (const Symptom* symptom : found) ids.emplace_back(symptom->id);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

int parse_whole_number(const std::string& text, const char* option, int min, int max,
                       const char* meaning) {
  const std::string trimmed = normalize_id(text);
  int value = 0;
  const char* begin = trimmed.data();
  const char* end = trimmed.data() + trimmed.size();
  const auto [stop, error] = std::from_chars(begin, end, value);
  const std::string shown = quote_value(text);
  if (trimmed.empty() || error != std::errc() || stop != end)
    throw UsageError(fmt::format("{} {} is not a whole number", option, shown),
                     fmt::format("give {}: a whole number from {} to {}", meaning, min, max));
  if (value < min || value > max)
    throw UsageError(fmt::format("{} {} is out of range", option, shown),
                     fmt::format("give {}: a whole number from {} to {}", meaning, min, max));
  return value;
}

Side parse_side(const std::string& text) {
  const std::string side = normalize_id(text);
  if (side == "both") return Side::kBoth;
  if (side == "left") return Side::kLeft;
  if (side == "right") return Side::kRight;
  throw UsageError(fmt::format("--side {} is not a side", quote_value(text)),
                   "use left, right or both");
}

}  // namespace

UsageError unplaced_symptom_error(const KnowledgeBase& kb, const std::string& typed) {
  const std::vector<const Symptom*> near = symptoms_near(kb, typed, 3);
  std::string message =
      fmt::format("--symptom {} is not a symptom knotplan knows", quote_value(typed));
  if (!near.empty()) {
    std::vector<std::string> names;
    for (const Symptom* symptom : near)
      names.push_back(fmt::format("{} ({})", symptom->id, symptom->name));
    message += fmt::format("; the nearest are {}", fmt::join(names, ", "));
  }
  return UsageError(message,
                    "use those words if one fits, or see 'knotplan list symptoms'. If it came "
                    "on suddenly or feels serious, call 999, 112 or 911");
}

const char* side_id(Side side) {
  switch (side) {
    case Side::kLeft:
      return "left";
    case Side::kRight:
      return "right";
    case Side::kBoth:
      break;
  }
  return "both";
}

Request resolve_request(const KnowledgeBase& kb, const RequestOptions& options,
                        const Clock& clock) {
  std::vector<Area> selectable;
  for (const Area& area : kb.areas)
    if (!area.target_only) selectable.push_back(area);
  if (!options.area) {
    std::vector<std::string> ids;
    for (const Area& area : selectable) ids.emplace_back(area.id);
    throw UsageError("--area is required: where is the knot?",
                     fmt::format("for example: knotplan --area upper-back --since today. "
                                 "Valid areas: {}",
                                 fmt::join(ids, ", ")));
  }
  Request request;
  // Nothing at all is a missing area, answered with the valid ones, not a list problem.
  if (normalize_id(*options.area).empty())
    resolve_named(List<Area>(selectable), *options.area, "--area", "area");
  for (const std::string& item : split_list({*options.area}, "--area", "neck,shoulders")) {
    const std::string id(resolve_named(List<Area>(selectable), item, "--area", "area").id);
    if (std::find(request.areas.begin(), request.areas.end(), id) == request.areas.end())
      request.areas.push_back(id);
  }
  if (request.areas.empty())
    throw UsageError("--area needs at least one area", "for example: knotplan --area upper-back");
  if (request.areas.size() > kMaxAreas)
    throw UsageError(
        fmt::format("--area {} names more than {} areas", quote_value(*options.area), kMaxAreas),
        "plan for the one to three places that hurt most, such as --area "
        "neck,shoulders");
  const CivilDate today = clock.today();
  if (options.history) request.history = facts_from_history(*options.history, request.areas, today);
  if (options.since) {
    request.since = parse_since(*options.since, clock);
  } else if (request.history && request.history->episode_start &&
             days_from_civil(*request.history->episode_start) <= days_from_civil(today)) {
    const std::string start = date_text(*request.history->episode_start);
    request.since = parse_since(start, clock);
    request.history->sentences.push_back(
        fmt::format("no --since given: the knot counts from {}, when this episode started", start));
  } else {
    request.since = parse_since("today", clock);
  }
  request.stage = stage_for_hours(kb, request.since.hours).id;
  request.cause = resolve_named(kb.causes, options.cause, "--cause", "cause").id;
  request.pain = parse_whole_number(options.pain, "--pain", 0, 10, "the pain from 0 to 10");
  request.minutes =
      parse_whole_number(options.minutes, "--minutes", 1, kMaxMinutes, "the minutes you have");
  request.equipment = resolve_list(kb.equipment, options.equipment, "--equipment", "equipment",
                                   "tennis-ball,foam-roller");
  request.side = parse_side(options.side);
  request.symptoms = read_symptoms(kb, options.symptoms, request.unplaced_symptoms);
  request.conditions = resolve_list(kb.conditions, options.conditions, "--condition", "condition",
                                    "pregnancy,diabetes");
  if (options.age)
    request.age = parse_whole_number(*options.age, "--age", 1, kMaxAge, "your age in years");
  request.explain = options.explain;
  return request;
}

}  // namespace knotplan
