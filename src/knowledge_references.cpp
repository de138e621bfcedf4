#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_set>

#include "json_path.hpp"
#include "knotplan/ids.hpp"
#include "knowledge_parser.hpp"
#include "list_search.hpp"

namespace knotplan {

namespace {

using IdSet = std::unordered_set<std::string_view>;

// The id sets of one knowledge base, and the checks that use them. Paths and messages
// are built only for a problem: a valid file, the usual case, costs set look-ups only.
class ReferenceChecker {
 public:
  ReferenceChecker(const KnowledgeBase& kb, std::vector<Problem>& problems)
      : kb_(kb), problems_(problems) {
    collect(kb.areas, "areas", "area", areas_);
    collect(kb.stages, "stages", "stage", stages_);
    collect(kb.causes, "causes", "cause", causes_);
    collect(kb.equipment, "equipment", "equipment", equipment_);
    unique_ids(kb.symptoms, "symptoms", "symptom", symptoms_);
    collect(kb.conditions, "conditions", "condition", conditions_);
    unique_ids(kb.techniques, "techniques", "technique", techniques_);
    unique_ids(kb.sources, "sources", "source", sources_);
    IdSet rules;
    unique_ids(kb.rules, "rules", "rule", rules);
    for (const Technique& technique : kb.techniques)
      if (technique.progression && technique.progression->harder)
        harder_.insert(*technique.progression->harder);
  }

  void check() {
    check_areas();
    check_stages();
    if (!kb_.causes.empty() && kb_.find_cause("unknown") == nullptr)
      fail(JsonPath(root_, "causes"), "needs a cause with id 'unknown': it is the default");
    const JsonPath equipment(root_, "equipment");
    for (std::size_t i = 0; i < kb_.equipment.size(); ++i) {
      const Equipment& item = kb_.equipment[i];
      const JsonPath where(equipment, i);
      expect_all(equipment_, item.substitutes, JsonPath(where, "substitutes"), "equipment", item.id,
                 "names unknown substitute");
    }
    for (std::size_t i = 0; i < kb_.symptoms.size(); ++i) check_symptom(i);
    check_watch_lines();
    for (std::size_t i = 0; i < kb_.techniques.size(); ++i) check_technique(i);
    for (std::size_t i = 0; i < kb_.rules.size(); ++i) check_rule(i);
    check_limits();
    check_sessions();
  }

 private:
  // Records every id, and a problem for each one used twice.
  template <typename Entry>
  void unique_ids(List<Entry> entries, const char* section, const char* kind, IdSet& ids) {
    ids.reserve(entries.size());
    const JsonPath list(root_, section);
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const std::string_view id = entries[i].id;
      if (id.empty() || ids.insert(id).second) continue;
      const JsonPath entry(list, i);
      fail(JsonPath(entry, "id"), fmt::format("{} id '{}' is used twice", kind, id));
    }
  }

  // As unique_ids, and no alias may name two entries; problems in file order.
  template <typename Entry>
  void collect(List<Entry> entries, const char* section, const char* kind, IdSet& ids) {
    const JsonPath list(root_, section);
    std::map<std::string, std::string_view> spellings;  // normalised alias or id -> owner id
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const Entry& entry = entries[i];
      if (entry.id.empty()) continue;
      if (!ids.insert(entry.id).second) {
        const JsonPath where(list, i);
        fail(JsonPath(where, "id"), fmt::format("{} id '{}' is used twice", kind, entry.id));
      }
      for (std::size_t j = 0; j < entry.aliases.size(); ++j) {
        const std::string key = normalize_id(entry.aliases[j]);
        const auto [at, inserted] = spellings.emplace(key, entry.id);
        if (inserted || at->second == entry.id) continue;
        const JsonPath where(list, i);
        const JsonPath aliases(where, "aliases");
        fail(JsonPath(aliases, j), fmt::format("alias '{}' of {} '{}' is also used by '{}'",
                                               entry.aliases[j], kind, entry.id, at->second));
      }
    }
  }

  void fail(const JsonPath& where, const std::string& message) {
    problems_.push_back({where.pointer(), message});
  }

  // For an unknown id: "<kind> '<owner>' <phrase> '<id>'" at where.
  void expect(const IdSet& known, std::string_view id, const JsonPath& where, const char* kind,
              std::string_view owner, const char* phrase) {
    if (!known.contains(id)) fail(where, fmt::format("{} '{}' {} '{}'", kind, owner, phrase, id));
  }

  void expect_all(const IdSet& known, List<std::string_view> ids, const JsonPath& where,
                  const char* kind, std::string_view owner, const char* phrase) {
    for (std::size_t i = 0; i < ids.size(); ++i)
      expect(known, ids[i], JsonPath(where, i), kind, owner, phrase);
  }

  void check_areas() {
    bool any_selectable = false;
    const JsonPath areas(root_, "areas");
    for (std::size_t i = 0; i < kb_.areas.size(); ++i) {
      const Area& area = kb_.areas[i];
      any_selectable = any_selectable || !area.target_only;
      const JsonPath where(areas, i);
      expect_all(areas_, area.related, JsonPath(where, "related"), "area", area.id,
                 "names unknown related area");
    }
    if (!kb_.areas.empty() && !any_selectable)
      fail(areas, "needs at least one area that is not target_only");
  }

  void check_stages() {
    const JsonPath stages(root_, "stages");
    for (std::size_t i = 0; i < kb_.stages.size(); ++i) {
      const Stage& stage = kb_.stages[i];
      const JsonPath entry(stages, i);
      const JsonPath where(entry, "max_hours");
      const bool last = i + 1 == kb_.stages.size();
      if (last && stage.max_hours)
        fail(where,
             fmt::format("the last stage '{}' must have no max_hours: it is open-ended", stage.id));
      if (!last && !stage.max_hours)
        fail(where, fmt::format("stage '{}' needs max_hours; only the last stage is open-ended",
                                stage.id));
      if (i > 0 && stage.max_hours && kb_.stages[i - 1].max_hours &&
          *stage.max_hours <= *kb_.stages[i - 1].max_hours)
        fail(where, fmt::format("stage '{}' must end later than stage '{}'", stage.id,
                                kb_.stages[i - 1].id));
    }
  }

  void check_technique(std::size_t index) {
    const Technique& technique = kb_.techniques[index];
    const JsonPath techniques(root_, "techniques");
    const JsonPath where(techniques, index);
    const std::string_view id = technique.id;
    expect_all(tags_, technique.tags, JsonPath(where, "tags"), "technique", id,
               "names unknown tag");
    expect_all(areas_, technique.areas, JsonPath(where, "areas"), "technique", id,
               "names unknown area");
    expect_all(equipment_, technique.equipment, JsonPath(where, "equipment"), "technique", id,
               "names unknown equipment");
    expect_all(sources_, technique.sources, JsonPath(where, "sources"), "technique", id,
               "cites unknown source");
    check_placements(technique, where);
    check_side_marks(technique, where);
    check_progression(technique, where);
    if (contains(technique.tags, "held") && technique.seconds.max > kb_.limits.held_point_seconds)
      fail(JsonPath(where, "seconds"),
           fmt::format("technique '{}' holds one point: its max of {} s is over the limit of {} s",
                       id, technique.seconds.max, kb_.limits.held_point_seconds));
  }

  // Progression adds repetitions, so it needs a technique done as hold x reps; its harder
  // variant must be another technique done on the same main area.
  void check_progression(const Technique& technique, const JsonPath& where) {
    if (!technique.progression) return;
    const Progression& progression = *technique.progression;
    const JsonPath at(where, "progression");
    if (!technique.reps) {
      fail(at, fmt::format("technique '{}' has a progression but no reps: give hold_seconds and "
                           "reps, or leave progression out",
                           technique.id));
    } else if (progression.max_reps < *technique.reps) {
      fail(JsonPath(at, "max_reps"),
           fmt::format("technique '{}': progression max_reps {} is below its reps {}", technique.id,
                       progression.max_reps, *technique.reps));
    }
    if (!progression.harder) return;
    const JsonPath harder_where(at, "harder");
    const Technique* harder = kb_.find_technique(*progression.harder);
    if (harder == nullptr) {
      fail(harder_where, fmt::format("technique '{}' names unknown harder technique '{}'",
                                     technique.id, *progression.harder));
    } else if (harder->id == technique.id) {
      fail(harder_where,
           fmt::format("technique '{}' names itself as its harder variant", technique.id));
    } else if (technique.areas.empty() || !contains(harder->areas, technique.areas.front())) {
      fail(harder_where,
           fmt::format("technique '{}': its harder variant '{}' is not done on its main area",
                       technique.id, harder->id));
    }
  }

  // Instructions are written for the main area; any other area needs its own.
  void check_placements(const Technique& technique, const JsonPath& where) {
    const JsonPath placements(where, "placements");
    for (const Placement& placement : technique.placements) {
      const JsonPath at(placements, placement.target);
      if (!contains(technique.areas, placement.target) ||
          placement.target == technique.areas.front())
        fail(at, fmt::format("technique '{}' has a placement for '{}', which is not one of its "
                             "other areas",
                             technique.id, placement.target));
    }
    if (technique.same_on_every_area || technique.areas.empty()) return;
    for (std::size_t i = 1; i < technique.areas.size(); ++i)
      if (technique.placement(technique.areas[i]) == nullptr)
        fail(placements,
             fmt::format("technique '{}' needs a placement for '{}': its instructions are for '{}'",
                         technique.id, technique.areas[i], technique.areas.front()));
  }

  // Only a technique done one side at a time can say which side; each of its steps fills
  // the marks in.
  void check_side_marks(const Technique& technique, const JsonPath& where) {
    // Cautions are gathered for the whole routine, which has no one side to fill in.
    const auto check = [&](List<std::string_view> texts, const JsonPath& at, bool cautions) {
      for (std::size_t i = 0; i < texts.size(); ++i) {
        const std::string_view text = texts[i];
        const bool marked = text.find(kSideMark) != std::string_view::npos ||
                            text.find(kOtherSideMark) != std::string_view::npos;
        if (marked && cautions)
          fail(JsonPath(at, i), fmt::format("technique '{}': a caution applies to the whole "
                                            "routine, so it cannot use {} or {}",
                                            technique.id, kSideMark, kOtherSideMark));
        else if (marked && !technique.per_side)
          fail(JsonPath(at, i), fmt::format("technique '{}' is not done per side, so its texts "
                                            "cannot use {} or {}",
                                            technique.id, kSideMark, kOtherSideMark));
        if (has_unknown_mark(text))
          fail(JsonPath(at, i), fmt::format("technique '{}' has an unknown mark in '{}'; only {} "
                                            "and {} are filled in",
                                            technique.id, text, kSideMark, kOtherSideMark));
      }
    };
    check(technique.instructions, JsonPath(where, "instructions"), false);
    check(technique.cues, JsonPath(where, "cues"), false);
    check(technique.cautions, JsonPath(where, "cautions"), true);
    const JsonPath placements(where, "placements");
    for (const Placement& placement : technique.placements) {
      const JsonPath at(placements, placement.target);
      check(placement.instructions, JsonPath(at, "instructions"), false);
      check(placement.cautions, JsonPath(at, "cautions"), true);
    }
  }

  // A brace left after taking out the known marks is a mark the planner would print raw.
  static bool has_unknown_mark(std::string_view text) {
    std::string rest(text);
    for (const std::string_view mark : {kSideMark, kOtherSideMark})
      for (std::size_t at = rest.find(mark); at != std::string::npos; at = rest.find(mark, at))
        rest.erase(at, mark.size());
    return rest.find_first_of("{}") != std::string::npos;
  }

  void check_symptom(std::size_t index) {
    const Symptom& symptom = kb_.symptoms[index];
    const JsonPath symptoms(root_, "symptoms");
    const JsonPath where(symptoms, index);
    expect_all(sources_, symptom.sources, JsonPath(where, "sources"), "symptom", symptom.id,
               "cites unknown source");
    check_condition(symptom.ask, JsonPath(where, "ask"), "symptom", symptom.id);
    if (!(symptom.ask == RuleCondition{}) && !symptom.question)
      fail(JsonPath(where, "ask"),
           fmt::format("symptom '{}' says when to ask but has no question", symptom.id));
    const JsonPath answers(where, "answers");
    for (std::size_t i = 0; i < symptom.answers.size(); ++i) {
      const JsonPath answer(answers, i);
      check_condition(symptom.answers[i].when, JsonPath(answer, "when"), "symptom", symptom.id);
    }
    if (!symptom.answers.empty() && !(symptom.answers.back().when == RuleCondition{}))
      fail(JsonPath(answers, symptom.answers.size() - 1),
           fmt::format("the last answer of symptom '{}' must have no condition, so that the "
                       "symptom is always answered",
                       symptom.id));
  }

  void check_watch_lines() {
    const JsonPath lines(root_, "watch_for");
    IdSet ids;
    unique_ids(kb_.watch_for, "watch_for", "warning line", ids);
    for (std::size_t i = 0; i < kb_.watch_for.size(); ++i) {
      const WatchLine& line = kb_.watch_for[i];
      const JsonPath where(lines, i);
      check_condition(line.when, JsonPath(where, "when"), "warning line", line.id);
      if (line.unless)
        check_condition(*line.unless, JsonPath(where, "unless"), "warning line", line.id);
      expect_all(sources_, line.sources, JsonPath(where, "sources"), "warning line", line.id,
                 "cites unknown source");
    }
  }

  void check_limits() {
    const JsonPath limits(root_, "limits");
    expect_all(tags_, kb_.limits.pressure_tags, JsonPath(limits, "pressure_tags"), "limits",
               "pressure_tags", "names unknown tag");
  }

  void check_condition(const RuleCondition& condition, const JsonPath& when, const char* kind,
                       std::string_view id) {
    const std::tuple<const IdSet&, List<std::string_view>, const char*, const char*> lists[] = {
        {areas_, condition.areas, "area", "names unknown area"},
        {stages_, condition.stages, "stage", "names unknown stage"},
        {causes_, condition.causes, "cause", "names unknown cause"},
        {equipment_, condition.equipment, "equipment", "names unknown equipment"},
        {symptoms_, condition.symptoms, "symptom", "names unknown symptom"},
        {conditions_, condition.conditions, "condition", "names unknown condition"},
    };
    for (const auto& [known, ids, key, phrase] : lists)
      expect_all(known, ids, JsonPath(when, key), kind, id, phrase);
  }

  void check_sessions() {
    const JsonPath sessions(root_, "sessions");
    IdSet ids;
    unique_ids(kb_.sessions, "sessions", "session", ids);
    for (std::size_t i = 0; i < kb_.sessions.size(); ++i) {
      const SessionShape& shape = kb_.sessions[i];
      const JsonPath where(sessions, i);
      check_condition(shape.when, JsonPath(where, "when"), "session", shape.id);
      expect_all(sources_, shape.sources, JsonPath(where, "sources"), "session", shape.id,
                 "cites unknown source");
      const JsonPath shares(where, "shares");
      int least = 0;  // the reader has reported a share whose min is above its max
      for (const PhaseShare& share : shape.shares) least += share.min_percent;
      if (least > 100)
        fail(shares, fmt::format("session '{}': the phases' minimum shares add up to {}%, over "
                                 "100%",
                                 shape.id, least));
      int most = 0;
      for (const PhaseShare& share : shape.shares) most += share.max_percent;
      if (most < 100)
        fail(shares, fmt::format("session '{}': the phases' maximum shares add up to {}%; "
                                 "under 100% a session could never use the time it has",
                                 shape.id, most));
      const JsonPath requirements(where, "require");
      for (std::size_t j = 0; j < shape.requirements.size(); ++j) {
        const JsonPath at(requirements, j);
        expect_all(tags_, shape.requirements[j].tags, JsonPath(at, "tags"), "session", shape.id,
                   "requires unknown tag");
      }
      expect_all(tags_, shape.extra_time, JsonPath(where, "extra_time"), "session", shape.id,
                 "gives extra time to unknown tag");
    }
    if (!kb_.sessions.empty() && !(kb_.sessions.back().when == RuleCondition{}))
      fail(JsonPath(sessions, kb_.sessions.size() - 1),
           fmt::format("the last session '{}' must have no condition, so that every request "
                       "has a shape",
                       kb_.sessions.back().id));
  }

  // A step's target is the knot's area or one the knowledge base lists as related to it,
  // so a rule that aims at a fixed target must be about areas that target relates to.
  void check_target_in_scope(const Rule& rule, const AddStep& add, const JsonPath& at) {
    if (!add.target) return;
    if (rule.when.areas.empty()) {
      fail(at, fmt::format("rule '{}' aims {} at '{}' but names no area: say which areas "
                           "'{}' is related to",
                           rule.id, add.technique, *add.target, *add.target));
      return;
    }
    for (const std::string_view area_id : rule.when.areas) {
      const Area* area = kb_.find_area(area_id);
      if (area == nullptr || area_id == *add.target || contains(area->related, *add.target))
        continue;
      fail(at, fmt::format("rule '{}' aims {} at '{}', which area '{}' does not list as related",
                           rule.id, add.technique, *add.target, area_id));
    }
  }

  void check_rule(std::size_t index) {
    const Rule& rule = kb_.rules[index];
    const JsonPath rules(root_, "rules");
    const JsonPath where(rules, index);
    const std::string_view id = rule.id;
    const auto check = [&](const IdSet& known, List<std::string_view> ids, const JsonPath& at,
                           const char* phrase) { expect_all(known, ids, at, "rule", id, phrase); };
    check_condition(rule.when, JsonPath(where, "when"), "rule", id);
    expect_all(sources_, rule.sources, JsonPath(where, "sources"), "rule", id,
               "cites unknown source");

    const RuleEffect& effect = rule.then;
    const JsonPath then(where, "then");
    const JsonPath adds(then, "add");
    for (std::size_t i = 0; i < effect.add.size(); ++i) {
      const AddStep& add = effect.add[i];
      const JsonPath add_where(adds, i);
      expect(techniques_, add.technique, JsonPath(add_where, "technique"), "rule", id,
             "names unknown technique");
      if (harder_.contains(add.technique))
        fail(JsonPath(add_where, "technique"),
             fmt::format("rule '{}' adds '{}', a harder variant: only the history's progression "
                         "may plan it",
                         id, add.technique));
      if (add.target)
        expect(areas_, *add.target, JsonPath(add_where, "target"), "rule", id,
               "names unknown target area");
      check_target_in_scope(rule, add, JsonPath(add_where, "target"));
    }
    check(techniques_, effect.exclude, JsonPath(then, "exclude"), "excludes unknown technique");
    check(tags_, effect.exclude_tags, JsonPath(then, "exclude_tags"), "excludes unknown tag");
    check(tags_, effect.keep_off_knot, JsonPath(then, "keep_off_knot"),
          "keeps an unknown tag off the knot");
    if (effect.scale) {
      const JsonPath scale(then, "scale");
      check(tags_, effect.scale->tags, JsonPath(scale, "tags"), "scales unknown tag");
    }
  }

  const KnowledgeBase& kb_;
  std::vector<Problem>& problems_;
  const JsonPath root_;
  const IdSet tags_{known_technique_tags().begin(), known_technique_tags().end()};
  IdSet areas_, stages_, causes_, equipment_, symptoms_, conditions_, techniques_, sources_;
  IdSet harder_;  // techniques reached only as another's harder variant
};

}  // namespace

void check_references(const KnowledgeBase& kb, std::vector<Problem>& problems) {
  ReferenceChecker checker(kb, problems);
  checker.check();
}

}  // namespace knotplan
