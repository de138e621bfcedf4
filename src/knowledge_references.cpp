#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "json_reader.hpp"
#include "knowledge_parser.hpp"

namespace knotplan {

namespace {

// The id sets of one knowledge base, and the checks that use them.
class ReferenceChecker {
 public:
  ReferenceChecker(const KnowledgeBase& kb, std::vector<Problem>& problems)
      : kb_(kb), problems_(problems) {
    collect(kb.areas, "/areas", "area", areas_);
    collect(kb.stages, "/stages", "stage", stages_);
    collect(kb.causes, "/causes", "cause", causes_);
    collect(kb.equipment, "/equipment", "equipment", equipment_);
    collect(kb.red_flags, "/red_flags", "red flag", symptoms_);
    collect(kb.conditions, "/conditions", "condition", conditions_);
    for (std::size_t i = 0; i < kb.techniques.size(); ++i) {
      const std::string_view id = kb.techniques[i].id;
      if (!id.empty() && !techniques_.insert(id).second)
        fail(child(child("/techniques", i), "id"),
             fmt::format("technique id '{}' is used twice", id));
    }
    std::set<std::string_view> seen;
    for (std::size_t i = 0; i < kb.rules.size(); ++i) {
      const std::string_view id = kb.rules[i].id;
      if (!id.empty() && !seen.insert(id).second)
        fail(child(child("/rules", i), "id"), fmt::format("rule id '{}' is used twice", id));
    }
  }

  void check() {
    check_areas();
    check_stages();
    if (!kb_.causes.empty() && kb_.find_cause("unknown") == nullptr)
      fail("/causes", "needs a cause with id 'unknown': it is the default");
    for (std::size_t i = 0; i < kb_.equipment.size(); ++i) {
      const Equipment& item = kb_.equipment[i];
      const std::string where = child(child("/equipment", i), "substitutes");
      for (std::size_t j = 0; j < item.substitutes.size(); ++j)
        expect(equipment_, item.substitutes[j], child(where, j),
               fmt::format("equipment '{}' names unknown substitute", item.id));
    }
    for (std::size_t i = 0; i < kb_.techniques.size(); ++i) check_technique(i);
    for (std::size_t i = 0; i < kb_.rules.size(); ++i) check_rule(i);
  }

 private:
  template <typename Entry>
  void collect(List<Entry> entries, const std::string& where, const char* kind,
               std::set<std::string_view>& ids) {
    std::map<std::string, std::string_view> spellings;  // normalised alias or id -> owner id
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const Entry& entry = entries[i];
      if (entry.id.empty()) continue;
      if (!ids.insert(entry.id).second)
        fail(child(child(where, i), "id"), fmt::format("{} id '{}' is used twice", kind, entry.id));
      for (std::size_t j = 0; j < entry.aliases.size(); ++j) {
        std::string key(entry.aliases[j]);
        std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) {
          return c == ' ' || c == '_' ? '-' : static_cast<char>(std::tolower(c));
        });
        const auto [at, inserted] = spellings.emplace(key, entry.id);
        if (!inserted && at->second != entry.id)
          fail(child(child(child(where, i), "aliases"), j),
               fmt::format("alias '{}' of {} '{}' is also used by '{}'", entry.aliases[j], kind,
                           entry.id, at->second));
      }
    }
  }

  void fail(const std::string& where, const std::string& message) {
    problems_.push_back({where, message});
  }

  void expect(const std::set<std::string_view>& known, std::string_view id,
              const std::string& where, const std::string& what) {
    if (!known.count(id)) fail(where, fmt::format("{} '{}'", what, id));
  }

  void expect_all(const std::set<std::string_view>& known, List<std::string_view> ids,
                  const std::string& where, const std::string& what) {
    for (std::size_t i = 0; i < ids.size(); ++i) expect(known, ids[i], child(where, i), what);
  }

  void check_areas() {
    bool any_selectable = false;
    for (std::size_t i = 0; i < kb_.areas.size(); ++i) {
      const Area& area = kb_.areas[i];
      any_selectable = any_selectable || !area.target_only;
      expect_all(areas_, area.related, child(child("/areas", i), "related"),
                 fmt::format("area '{}' names unknown related area", area.id));
    }
    if (!kb_.areas.empty() && !any_selectable)
      fail("/areas", "needs at least one area that is not target_only");
  }

  void check_stages() {
    for (std::size_t i = 0; i < kb_.stages.size(); ++i) {
      const Stage& stage = kb_.stages[i];
      const std::string where = child(child("/stages", i), "max_hours");
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
    const std::string where = child("/techniques", index);
    const std::string who = fmt::format("technique '{}'", technique.id);
    expect_all(tags_, technique.tags, child(where, "tags"), who + " names unknown tag");
    expect_all(areas_, technique.areas, child(where, "areas"), who + " names unknown area");
    expect_all(equipment_, technique.equipment, child(where, "equipment"),
               who + " names unknown equipment");
  }

  void check_rule(std::size_t index) {
    const Rule& rule = kb_.rules[index];
    const std::string where = child("/rules", index);
    const std::string who = fmt::format("rule '{}'", rule.id);
    const std::string when = child(where, "when");
    expect_all(areas_, rule.when.areas, child(when, "area"), who + " names unknown area");
    expect_all(stages_, rule.when.stages, child(when, "stage"), who + " names unknown stage");
    expect_all(causes_, rule.when.causes, child(when, "cause"), who + " names unknown cause");
    expect_all(equipment_, rule.when.equipment, child(when, "equipment"),
               who + " names unknown equipment");
    expect_all(symptoms_, rule.when.symptoms, child(when, "symptom"),
               who + " names unknown symptom");
    expect_all(conditions_, rule.when.conditions, child(when, "condition"),
               who + " names unknown condition");

    const std::string then = child(where, "then");
    for (std::size_t i = 0; i < rule.then.add.size(); ++i) {
      const AddStep& add = rule.then.add[i];
      const std::string add_where = child(child(then, "add"), i);
      expect(techniques_, add.technique, child(add_where, "technique"),
             who + " names unknown technique");
      if (add.target)
        expect(areas_, *add.target, child(add_where, "target"), who + " names unknown target area");
    }
    expect_all(techniques_, rule.then.exclude, child(then, "exclude"),
               who + " excludes unknown technique");
    expect_all(tags_, rule.then.exclude_tags, child(then, "exclude_tags"),
               who + " excludes unknown tag");
    expect_all(tags_, rule.then.keep_off_knot, child(then, "keep_off_knot"),
               who + " keeps an unknown tag off the knot");
    if (rule.then.scale)
      expect_all(tags_, rule.then.scale->tags, child(child(then, "scale"), "tags"),
                 who + " scales unknown tag");
  }

  const KnowledgeBase& kb_;
  std::vector<Problem>& problems_;
  const std::set<std::string_view> tags_{known_technique_tags().begin(),
                                         known_technique_tags().end()};
  std::set<std::string_view> areas_, stages_, causes_, equipment_, symptoms_, conditions_,
      techniques_;
};

}  // namespace

void check_references(const KnowledgeBase& kb, std::vector<Problem>& problems) {
  ReferenceChecker checker(kb, problems);
  checker.check();
}

}  // namespace knotplan
