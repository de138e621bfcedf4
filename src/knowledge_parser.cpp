#include "knowledge_parser.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "json_reader.hpp"
#include "knotplan/storage.hpp"
#include "pose_parser.hpp"

namespace knotplan {

using nlohmann::json;

namespace {

constexpr int kMaxSeconds = 3600;
constexpr int kMaxPressure = 10;
constexpr int kMaxHours = 100 * 365 * 24;

// Each parse_* reads one entry at `where`; they share a reader that collects problems.
class Parser {
 public:
  explicit Parser(std::vector<Problem>& problems) : read_(problems) {}

  KnowledgeBase parse(const json& root) {
    KnowledgeBase kb;
    kb.storage = storage_;
    if (!read_.object(root, root_)) return kb;
    read_.only_keys(root, root_,
                    {"$schema", "schema_version", "disclaimer", "pressure_scale", "sources",
                     "areas", "stages", "causes", "equipment", "symptoms", "conditions",
                     "techniques", "rules", "limits", "sessions", "watch_for"});
    if (const auto version = read_.integer(root, root_, "schema_version", kKnowledgeSchemaVersion,
                                           kKnowledgeSchemaVersion))
      kb.schema_version = *version;
    kb.disclaimer = text(root, root_, "disclaimer");
    kb.pressure_scale = text(root, root_, "pressure_scale");
    kb.sources = list<Source>(root, "sources", &Parser::parse_source);
    kb.areas = list<Area>(root, "areas", &Parser::parse_area);
    kb.stages = list<Stage>(root, "stages", &Parser::parse_stage);
    kb.causes = list<Cause>(root, "causes", &Parser::parse_cause);
    kb.equipment = list<Equipment>(root, "equipment", &Parser::parse_equipment);
    kb.symptoms = list<Symptom>(root, "symptoms", &Parser::parse_symptom);
    kb.conditions = list<Condition>(root, "conditions", &Parser::parse_condition);
    kb.techniques = list<Technique>(root, "techniques", &Parser::parse_technique);
    kb.rules = list<Rule>(root, "rules", &Parser::parse_rule);
    kb.limits = parse_limits(root);
    kb.sessions = list<SessionShape>(root, "sessions", &Parser::parse_session);
    kb.watch_for = list<WatchLine>(root, "watch_for", &Parser::parse_watch_line);
    return kb;
  }

 private:
  // The reader's texts view the parsed JSON, which is gone after loading: these keep
  // copies in the knowledge base's storage.
  std::string_view text(const json& node, const JsonPath& where, const char* key,
                        bool required = true) {
    return storage_->keep(read_.text(node, where, key, required));
  }
  std::string_view id(const json& node, const JsonPath& where, const char* key) {
    return storage_->keep(read_.id(node, where, key));
  }
  List<std::string_view> keep_all(std::vector<std::string_view> values) {
    for (std::string_view& value : values) value = storage_->keep(value);
    return storage_->keep(values);
  }
  List<std::string_view> texts(const json& node, const JsonPath& where, const char* key,
                               bool required = false) {
    return keep_all(read_.texts(node, where, key, required));
  }
  List<std::string_view> ids(const json& node, const JsonPath& where, const char* key,
                             bool required = false) {
    return keep_all(read_.ids(node, where, key, required));
  }

  template <typename Entry>
  List<Entry> list(const json& root, const char* key,
                   Entry (Parser::*parse_entry)(const json&, const JsonPath&)) {
    std::vector<Entry> entries;
    const json* items = read_.array(root, root_, key);
    if (items == nullptr) return {};
    const JsonPath list_where(root_, key);
    if (items->empty()) read_.fail(list_where, "must not be empty");
    for (std::size_t i = 0; i < items->size(); ++i) {
      const JsonPath where(list_where, i);
      if (!read_.object((*items)[i], where)) {
        entries.emplace_back();  // keeps indices equal to file positions
        continue;
      }
      entries.push_back((this->*parse_entry)((*items)[i], where));
    }
    return storage_->keep(entries);
  }

  void named(Named& entry, const json& node, const JsonPath& where) {
    entry.id = id(node, where, "id");
    entry.name = text(node, where, "name");
    entry.aliases = texts(node, where, "aliases");
  }

  Source parse_source(const json& node, const JsonPath& where) {
    read_.only_keys(node, where, {"id", "authors", "title", "year", "publisher", "url", "kind"});
    Source source;
    source.id = id(node, where, "id");
    source.authors = text(node, where, "authors", false);
    source.title = text(node, where, "title");
    if (const auto year = node.find("year"); year != node.end() && !year->is_null())
      source.year = read_.integer(node, where, "year", 1500, 2200);
    source.publisher = text(node, where, "publisher", false);
    if (const auto url = node.find("url"); url != node.end() && !url->is_null())
      source.url = text(node, where, "url");
    source.kind = text(node, where, "kind");
    if (!source.kind.empty() && std::find(std::begin(kSourceKinds), std::end(kSourceKinds),
                                          source.kind) == std::end(kSourceKinds))
      read_.fail(JsonPath(where, "kind"), fmt::format("'{}' is not a kind of source; use {}",
                                                      source.kind, fmt::join(kSourceKinds, ", ")));
    return source;
  }

  Area parse_area(const json& node, const JsonPath& where) {
    read_.only_keys(node, where, {"id", "name", "aliases", "muscles", "related", "target_only"});
    Area area;
    named(area, node, where);
    area.muscles = texts(node, where, "muscles");
    area.related = ids(node, where, "related");
    area.target_only = read_.boolean(node, where, "target_only", false);
    return area;
  }

  Stage parse_stage(const json& node, const JsonPath& where) {
    read_.only_keys(node, where, {"id", "name", "aliases", "max_hours", "description"});
    Stage stage;
    named(stage, node, where);
    const auto found = node.find("max_hours");
    if (found != node.end() && !found->is_null())
      stage.max_hours = read_.integer(node, where, "max_hours", 0, kMaxHours);
    stage.description = text(node, where, "description", false);
    return stage;
  }

  Cause parse_cause(const json& node, const JsonPath& where) {
    read_.only_keys(node, where, {"id", "name", "aliases", "description"});
    Cause cause;
    named(cause, node, where);
    cause.description = text(node, where, "description", false);
    return cause;
  }

  Equipment parse_equipment(const json& node, const JsonPath& where) {
    read_.only_keys(node, where, {"id", "name", "aliases", "always_available", "substitutes"});
    Equipment equipment;
    named(equipment, node, where);
    equipment.always_available = read_.boolean(node, where, "always_available", false);
    equipment.substitutes = ids(node, where, "substitutes");
    return equipment;
  }

  std::optional<Level> level(const json& node, const JsonPath& where, const char* key) {
    const std::string_view text = read_.text(node, where, key);
    if (text.empty()) return std::nullopt;
    const auto value = level_from_id(text);
    if (!value)
      read_.fail(JsonPath(where, key),
                 fmt::format("'{}' is not a level; use emergency, doctor or physio", text));
    return value;
  }

  Symptom parse_symptom(const json& node, const JsonPath& where) {
    read_.only_keys(node, where,
                    {"id", "name", "phrases", "question", "ask", "answers", "sources"});
    Symptom symptom;
    named(symptom, node, where);
    symptom.phrases = texts(node, where, "phrases", true);
    if (node.contains("question")) symptom.question = text(node, where, "question");
    symptom.ask = optional_when(node, where, "ask");
    if (const json* answers = read_.array(node, where, "answers")) {
      const JsonPath answers_where(where, "answers");
      if (answers->empty()) read_.fail(answers_where, "needs at least one answer");
      std::vector<SymptomAnswer> parsed;
      for (std::size_t i = 0; i < answers->size(); ++i)
        parsed.push_back(parse_answer((*answers)[i], JsonPath(answers_where, i)));
      symptom.answers = storage_->keep(parsed);
    }
    symptom.sources = required_sources(node, where);
    return symptom;
  }

  SymptomAnswer parse_answer(const json& node, const JsonPath& where) {
    SymptomAnswer answer;
    if (!read_.object(node, where)) return answer;
    read_.only_keys(node, where, {"when", "action", "level", "message"});
    answer.when = optional_when(node, where, "when");
    const std::string_view action = read_.text(node, where, "action");
    if (const auto value = symptom_action_from_id(action)) {
      answer.action = *value;
    } else if (!action.empty()) {
      read_.fail(JsonPath(where, "action"),
                 fmt::format("'{}' is not an action; use withhold, refer or advise", action));
    }
    const bool advice = answer.action == SymptomAction::kAdvise;
    if (advice && node.contains("level"))
      read_.fail(JsonPath(where, "level"), "advice sends nobody anywhere: leave the level out");
    if (!advice) answer.level = level(node, where, "level").value_or(Level::kDoctor);
    if (answer.action == SymptomAction::kWithhold && answer.level == Level::kPhysio)
      read_.fail(JsonPath(where, "level"),
                 "withholding the routine needs a doctor: use emergency or doctor");
    answer.message = text(node, where, "message");
    return answer;
  }

  WatchLine parse_watch_line(const json& node, const JsonPath& where) {
    read_.only_keys(node, where, {"id", "level", "text", "when", "unless", "sources"});
    WatchLine line;
    line.id = id(node, where, "id");
    line.level = level(node, where, "level").value_or(Level::kEmergency);
    line.text = text(node, where, "text");
    line.when = optional_when(node, where, "when");
    if (node.contains("unless")) line.unless = optional_when(node, where, "unless");
    line.sources = required_sources(node, where);
    return line;
  }

  // A condition that holds for every request when the key is absent.
  RuleCondition optional_when(const json& node, const JsonPath& where, const char* key) {
    const auto found = node.find(key);
    if (found == node.end()) return {};
    return parse_when(*found, JsonPath(where, key));
  }

  List<std::string_view> required_sources(const json& node, const JsonPath& where) {
    List<std::string_view> sources = ids(node, where, "sources", true);
    if (sources.empty()) read_.fail(JsonPath(where, "sources"), "needs at least one source");
    return sources;
  }

  Condition parse_condition(const json& node, const JsonPath& where) {
    read_.only_keys(node, where, {"id", "name", "aliases", "description"});
    Condition condition;
    named(condition, node, where);
    condition.description = text(node, where, "description", false);
    return condition;
  }

  std::optional<Phase> phase(const json& node, const JsonPath& where, bool required) {
    const std::string_view text = read_.text(node, where, "phase", required);
    if (text.empty()) return std::nullopt;
    const auto value = phase_from_id(text);
    if (!value)
      read_.fail(
          JsonPath(where, "phase"),
          fmt::format("'{}' is not a phase; use warm-up, release, stretch or recover", text));
    return value;
  }

  Technique parse_technique(const json& node, const JsonPath& where) {
    read_.only_keys(node, where,
                    {"id",
                     "name",
                     "phase",
                     "tags",
                     "areas",
                     "equipment",
                     "seconds",
                     "per_side",
                     "pressure",
                     "hold_seconds",
                     "reps",
                     "beats",
                     "instructions",
                     "cues",
                     "cautions",
                     "sources",
                     "same_on_every_area",
                     "placements",
                     "group",
                     "if_no_room",
                     "progression",
                     "pose"});
    Technique technique;
    technique.id = id(node, where, "id");
    technique.name = text(node, where, "name");
    technique.phase = phase(node, where, true).value_or(Phase::kRelease);
    technique.tags = ids(node, where, "tags", true);
    technique.areas = ids(node, where, "areas", true);
    technique.equipment = ids(node, where, "equipment", true);
    technique.per_side = read_.boolean(node, where, "per_side", false);
    technique.instructions = texts(node, where, "instructions", true);
    technique.cues = texts(node, where, "cues", true);
    technique.cautions = texts(node, where, "cautions");
    technique.sources = required_sources(node, where);
    if (technique.tags.empty()) read_.fail(JsonPath(where, "tags"), "needs at least one tag");
    if (technique.areas.empty()) read_.fail(JsonPath(where, "areas"), "needs at least one area");
    if (technique.instructions.empty())
      read_.fail(JsonPath(where, "instructions"), "needs at least one instruction");
    technique.same_on_every_area = read_.boolean(node, where, "same_on_every_area", false);
    technique.placements = placements(node, where);
    if (node.contains("group")) technique.group = id(node, where, "group");
    if (node.contains("if_no_room")) technique.if_no_room = text(node, where, "if_no_room");
    if (const auto pose = node.find("pose"); pose != node.end())
      technique.pose = parse_pose(*pose, JsonPath(where, "pose"), read_);

    const auto seconds = node.find("seconds");
    const JsonPath seconds_where(where, "seconds");
    if (seconds == node.end()) {
      read_.fail(seconds_where, "is missing");
    } else if (read_.object(*seconds, seconds_where)) {
      read_.only_keys(*seconds, seconds_where, {"min", "default", "max"});
      const auto min = read_.integer(*seconds, seconds_where, "min", 1, kMaxSeconds);
      const auto usual = read_.integer(*seconds, seconds_where, "default", 1, kMaxSeconds);
      const auto max = read_.integer(*seconds, seconds_where, "max", 1, kMaxSeconds);
      if (min && usual && max) {
        if (!(*min <= *usual && *usual <= *max))
          read_.fail(seconds_where, fmt::format("needs min <= default <= max, not {} / {} / {}",
                                                *min, *usual, *max));
        technique.seconds = {*min, *usual, *max};
      }
    }

    const auto pressure = node.find("pressure");
    const JsonPath pressure_where(where, "pressure");
    if (pressure != node.end() && !pressure->is_null() && read_.object(*pressure, pressure_where)) {
      read_.only_keys(*pressure, pressure_where, {"min", "max"});
      const auto min = read_.integer(*pressure, pressure_where, "min", 0, kMaxPressure);
      const auto max = read_.integer(*pressure, pressure_where, "max", 0, kMaxPressure);
      if (min && max) {
        if (*min > *max)
          read_.fail(pressure_where, fmt::format("min {} is above max {}", *min, *max));
        technique.pressure = PressureRange{*min, *max};
      }
    }

    if (const auto beats = node.find("beats"); beats != node.end()) {
      const JsonPath beats_where(where, "beats");
      if (read_.object(*beats, beats_where)) {
        read_.only_keys(*beats, beats_where, {"press", "release"});
        const auto press = read_.integer(*beats, beats_where, "press", 1, 120);
        const auto release = read_.integer(*beats, beats_where, "release", 1, 120);
        if (press && release) technique.beats = Beats{*press, *release};
      }
    }
    technique.hold_seconds = read_.integer(node, where, "hold_seconds", 1, kMaxSeconds, false);
    technique.reps = read_.integer(node, where, "reps", 1, 100, false);
    technique.progression = progression(node, where);
    if (technique.hold_seconds.has_value() != technique.reps.has_value()) {
      read_.fail(where, "hold_seconds and reps go together: give both or neither");
    } else if (technique.reps &&
               *technique.hold_seconds * *technique.reps != technique.seconds.usual) {
      read_.fail(where,
                 fmt::format("hold_seconds x reps ({} x {}) must equal seconds.default ({})",
                             *technique.hold_seconds, *technique.reps, technique.seconds.usual));
    }
    return technique;
  }

  std::optional<Progression> progression(const json& node, const JsonPath& where) {
    const auto found = node.find("progression");
    if (found == node.end()) return std::nullopt;
    const JsonPath at(where, "progression");
    if (!read_.object(*found, at)) return std::nullopt;
    read_.only_keys(*found, at, {"add_reps", "max_reps", "harder"});
    const auto add_reps = read_.integer(*found, at, "add_reps", 1, 20);
    const auto max_reps = read_.integer(*found, at, "max_reps", 1, 100);
    if (!add_reps || !max_reps) return std::nullopt;
    Progression progression{*add_reps, *max_reps, std::nullopt};
    if (found->contains("harder")) progression.harder = id(*found, at, "harder");
    return progression;
  }

  List<Placement> placements(const json& node, const JsonPath& where) {
    const auto found = node.find("placements");
    if (found == node.end()) return {};
    const JsonPath placements_where(where, "placements");
    if (!read_.object(*found, placements_where)) return {};
    std::vector<Placement> result;
    for (const auto& [target, value] : found->items()) {
      const JsonPath at(placements_where, target);
      if (!read_.object(value, at)) continue;
      read_.only_keys(value, at, {"instructions", "cautions"});
      Placement placement;
      placement.target = storage_->keep(target);
      placement.instructions = texts(value, at, "instructions", true);
      if (placement.instructions.empty())
        read_.fail(JsonPath(at, "instructions"), "needs at least one instruction");
      placement.cautions = texts(value, at, "cautions");
      result.push_back(placement);
    }
    return storage_->keep(result);
  }

  DoseLimits parse_limits(const json& root) {
    DoseLimits limits;
    const auto found = root.find("limits");
    const JsonPath where(root_, "limits");
    if (found == root.end()) {
      read_.fail(where, "is missing");
      return limits;
    }
    if (!read_.object(*found, where)) return limits;
    const json& node = *found;
    read_.only_keys(
        node, where,
        {"pressure_tags", "pressure_seconds_per_session", "pressure_seconds_per_target_side",
         "held_point_seconds", "release_techniques_per_target_side"});
    limits.pressure_tags = ids(node, where, "pressure_tags", true);
    const auto seconds = [&](const char* key, int fallback) {
      return read_.integer(node, where, key, 1, kMaxSeconds).value_or(fallback);
    };
    limits.pressure_seconds_per_session =
        seconds("pressure_seconds_per_session", limits.pressure_seconds_per_session);
    limits.pressure_seconds_per_target_side =
        seconds("pressure_seconds_per_target_side", limits.pressure_seconds_per_target_side);
    limits.held_point_seconds = seconds("held_point_seconds", limits.held_point_seconds);
    limits.release_techniques_per_target_side =
        read_.integer(node, where, "release_techniques_per_target_side", 1, 20)
            .value_or(limits.release_techniques_per_target_side);
    return limits;
  }

  SessionShape parse_session(const json& node, const JsonPath& where) {
    read_.only_keys(node, where,
                    {"id", "why", "when", "shares", "require", "extra_time", "sources"});
    SessionShape shape;
    shape.id = id(node, where, "id");
    shape.why = text(node, where, "why");
    if (const auto when = node.find("when"); when != node.end())
      shape.when = parse_when(*when, JsonPath(where, "when"));
    const JsonPath shares_where(where, "shares");
    if (const auto shares = node.find("shares"); shares == node.end()) {
      read_.fail(shares_where, "is missing");
    } else if (read_.object(*shares, shares_where)) {
      std::vector<PhaseShare> result;
      for (const auto& [key, value] : shares->items()) {
        const JsonPath at(shares_where, key);
        const auto phase = phase_from_id(key);
        if (!phase) {
          read_.fail(at, fmt::format("'{}' is not a phase", key));
          continue;
        }
        const auto range = bounds(*shares, shares_where, key.c_str(), 100);
        if (!range) continue;
        result.push_back({*phase, range->min.value_or(0), range->max.value_or(100)});
      }
      // JSON objects have no order: keep the routine's.
      std::sort(result.begin(), result.end(),
                [](const PhaseShare& a, const PhaseShare& b) { return a.phase < b.phase; });
      shape.shares = storage_->keep(result);
    }
    if (const json* items = read_.array(node, where, "require", false)) {
      std::vector<Requirement> result;
      const JsonPath list_where(where, "require");
      for (std::size_t i = 0; i < items->size(); ++i) {
        const JsonPath at(list_where, i);
        const json& item = (*items)[i];
        if (!read_.object(item, at)) continue;
        read_.only_keys(item, at, {"tags", "from_minutes", "why"});
        Requirement requirement;
        requirement.tags = ids(item, at, "tags", true);
        if (requirement.tags.empty()) read_.fail(JsonPath(at, "tags"), "needs at least one tag");
        requirement.from_minutes =
            read_.integer(item, at, "from_minutes", 0, 1000, false).value_or(0);
        requirement.why = text(item, at, "why");
        result.push_back(requirement);
      }
      shape.requirements = storage_->keep(result);
    }
    shape.extra_time = ids(node, where, "extra_time");
    shape.sources = required_sources(node, where);
    return shape;
  }

  std::optional<Bounds> bounds(const json& node, const JsonPath& where, const char* key,
                               int limit) {
    const auto found = node.find(key);
    if (found == node.end()) return std::nullopt;
    const JsonPath bounds_where(where, key);
    if (!read_.object(*found, bounds_where)) return std::nullopt;
    read_.only_keys(*found, bounds_where, {"min", "max"});
    Bounds result;
    result.min = read_.integer(*found, bounds_where, "min", 0, limit, false);
    result.max = read_.integer(*found, bounds_where, "max", 0, limit, false);
    if (!result.min && !result.max) read_.fail(bounds_where, "needs min, max or both");
    if (result.min && result.max && *result.min > *result.max)
      read_.fail(bounds_where, fmt::format("min {} is above max {}", *result.min, *result.max));
    return result;
  }

  RuleCondition parse_when(const json& node, const JsonPath& where) {
    RuleCondition when;
    if (!read_.object(node, where)) return when;
    read_.only_keys(
        node, where,
        {"area", "stage", "cause", "pain", "minutes", "age", "equipment", "symptom", "condition"});
    when.areas = ids(node, where, "area");
    when.stages = ids(node, where, "stage");
    when.causes = ids(node, where, "cause");
    when.equipment = ids(node, where, "equipment");
    when.symptoms = ids(node, where, "symptom");
    when.conditions = ids(node, where, "condition");
    when.pain = bounds(node, where, "pain", 10);
    when.minutes = bounds(node, where, "minutes", 1000);
    when.age = bounds(node, where, "age", 200);
    return when;
  }

  std::optional<Referral> referral(const json& node, const JsonPath& where, const char* key) {
    const auto found = node.find(key);
    if (found == node.end()) return std::nullopt;
    const JsonPath referral_where(where, key);
    if (!read_.object(*found, referral_where)) return std::nullopt;
    read_.only_keys(*found, referral_where, {"level", "message"});
    Referral result;
    result.level = level(*found, referral_where, "level").value_or(Level::kDoctor);
    result.message = text(*found, referral_where, "message");
    return result;
  }

  AddStep parse_add(const json& node, const JsonPath& where) {
    AddStep add;
    if (!read_.object(node, where)) return add;
    read_.only_keys(node, where, {"technique", "target", "phase", "priority", "seconds"});
    add.technique = id(node, where, "technique");
    if (node.contains("target")) add.target = id(node, where, "target");
    add.phase = phase(node, where, false);
    add.priority = read_.integer(node, where, "priority", 0, 100, false).value_or(50);
    add.seconds = read_.integer(node, where, "seconds", 1, kMaxSeconds, false);
    return add;
  }

  RuleEffect parse_then(const json& node, const JsonPath& where) {
    RuleEffect then;
    if (!read_.object(node, where)) return then;
    read_.only_keys(node, where,
                    {"add", "exclude", "exclude_tags", "keep_off_knot", "scale", "max_pressure",
                     "advice", "cautions", "stop", "refer", "phase_limits"});
    if (const json* adds = read_.array(node, where, "add", false)) {
      std::vector<AddStep> steps;
      const JsonPath adds_where(where, "add");
      for (std::size_t i = 0; i < adds->size(); ++i)
        steps.push_back(parse_add((*adds)[i], JsonPath(adds_where, i)));
      then.add = storage_->keep(steps);
    }
    then.exclude = ids(node, where, "exclude");
    then.exclude_tags = ids(node, where, "exclude_tags");
    then.keep_off_knot = ids(node, where, "keep_off_knot");
    if (const auto scale = node.find("scale"); scale != node.end()) {
      const JsonPath scale_where(where, "scale");
      if (read_.object(*scale, scale_where)) {
        read_.only_keys(*scale, scale_where, {"factor", "tags"});
        Scale result;
        result.factor = read_.number(*scale, scale_where, "factor", 0.1, 10.0).value_or(1.0);
        result.tags = ids(*scale, scale_where, "tags");
        then.scale = result;
      }
    }
    then.max_pressure = read_.integer(node, where, "max_pressure", 0, kMaxPressure, false);
    then.advice = texts(node, where, "advice");
    then.cautions = texts(node, where, "cautions");
    then.stop = referral(node, where, "stop");
    if (then.stop && then.stop->level == Level::kPhysio) {
      const JsonPath stop_where(where, "stop");
      read_.fail(JsonPath(stop_where, "level"),
                 "a stop withholds the routine: use emergency or doctor");
    }
    then.refer = referral(node, where, "refer");
    if (const auto limits = node.find("phase_limits"); limits != node.end()) {
      const JsonPath limits_where(where, "phase_limits");
      if (read_.object(*limits, limits_where)) {
        std::vector<PhaseLimit> phase_limits;
        for (const auto& [key, value] : limits->items()) {
          const auto limited = phase_from_id(key);
          if (!limited) {
            read_.fail(JsonPath(limits_where, key), fmt::format("'{}' is not a phase", key));
            continue;
          }
          if (const auto count = read_.integer(*limits, limits_where, key.c_str(), 0, 100))
            phase_limits.push_back({*limited, *count});
        }
        then.phase_limits = storage_->keep(phase_limits);
      }
    }
    return then;
  }

  Rule parse_rule(const json& node, const JsonPath& where) {
    read_.only_keys(node, where, {"id", "why", "when", "then", "sources"});
    Rule rule;
    rule.id = id(node, where, "id");
    rule.why = text(node, where, "why");
    if (const auto when = node.find("when"); when != node.end())
      rule.when = parse_when(*when, JsonPath(where, "when"));
    if (const auto then = node.find("then"); then != node.end()) {
      rule.then = parse_then(*then, JsonPath(where, "then"));
    } else {
      read_.fail(JsonPath(where, "then"), "is missing");
    }
    rule.sources = required_sources(node, where);
    return rule;
  }

  JsonReader read_;
  const JsonPath root_;
  std::shared_ptr<Storage> storage_ = std::make_shared<Storage>();
};

}  // namespace

const std::vector<std::string>& known_technique_tags() {
  static const std::vector<std::string> tags{
      "direct-pressure", "indirect",      "rolling",      "stretch",  "heat", "cold", "rest",
      "movement",        "strengthening", "skin-rolling", "stroking", "held"};
  return tags;
}

KnowledgeBase parse_knowledge_base(const json& root, std::vector<Problem>& problems) {
  return Parser(problems).parse(root);
}

}  // namespace knotplan
