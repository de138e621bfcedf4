#include <fmt/format.h>

#include <algorithm>
#include <unordered_set>

#include "json_path.hpp"
#include "knotplan/knowledge_loader.hpp"

namespace knotplan {

std::vector<Problem> knowledge_warnings(const KnowledgeBase& kb) {
  std::vector<Problem> warnings;
  std::unordered_set<std::string_view> added;
  for (const Rule& rule : kb.rules)
    for (const AddStep& add : rule.then.add) added.insert(add.technique);
  // A harder variant is planned by progression in place of a technique a rule adds.
  for (const Technique& technique : kb.techniques)
    if (technique.progression && technique.progression->harder)
      added.insert(*technique.progression->harder);
  const JsonPath root;
  const JsonPath techniques(root, "techniques");
  std::unordered_set<std::string_view> used;
  for (std::size_t i = 0; i < kb.techniques.size(); ++i) {
    const Technique& technique = kb.techniques[i];
    used.insert(technique.equipment.begin(), technique.equipment.end());
    if (!added.contains(technique.id))
      warnings.push_back(
          {JsonPath(techniques, i).pointer(),
           fmt::format("no rule adds technique '{}', so no routine can use it", technique.id)});
    if (!technique.pose)
      warnings.push_back(
          {JsonPath(techniques, i).pointer(),
           fmt::format("technique '{}' has no pose, so it has no drawing", technique.id)});
  }
  const JsonPath equipment(root, "equipment");
  for (std::size_t i = 0; i < kb.equipment.size(); ++i) {
    const Equipment& item = kb.equipment[i];
    const bool substitutes_for_used =
        std::any_of(kb.equipment.begin(), kb.equipment.end(), [&](const Equipment& other) {
          return used.contains(other.id) &&
                 std::find(other.substitutes.begin(), other.substitutes.end(), item.id) !=
                     other.substitutes.end();
        });
    if (!used.contains(item.id) && !substitutes_for_used)
      warnings.push_back({JsonPath(equipment, i).pointer(),
                          fmt::format("no technique uses equipment '{}'", item.id)});
  }
  return warnings;
}

}  // namespace knotplan
