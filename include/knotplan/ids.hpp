#ifndef KNOTPLAN_IDS_HPP_
#define KNOTPLAN_IDS_HPP_

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "knotplan/knowledge.hpp"

namespace knotplan {

// `text` without the white space at either end.
std::string_view trimmed(std::string_view text);

// Lower-case, with spaces and underscores read as hyphens and the ends trimmed, so that
// "Upper Back", "upper_back" and "UPPER-BACK" all become "upper-back".
std::string normalize_id(std::string_view text);

// Edits (insert, delete, substitute, swap two neighbours) that turn one string into the other.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The entry whose id or one of whose aliases equals `text` once both are normalised.
template <typename Entry>
const Entry* match_named(List<Entry> entries, std::string_view text) {
  const std::string wanted = normalize_id(text);
  for (const Entry& entry : entries) {
    if (normalize_id(entry.id) == wanted) return &entry;
    for (const std::string_view alias : entry.aliases)
      if (normalize_id(alias) == wanted) return &entry;
  }
  return nullptr;
}

// The ids a person can type for these entries: not the areas steps only work on, nor the
// equipment that is always there.
template <typename Entry>
std::vector<std::string> typeable_ids(List<Entry> entries) {
  std::vector<std::string> ids;
  for (const Entry& entry : entries) {
    if constexpr (std::is_same_v<Entry, Area>) {
      if (entry.target_only) continue;
    } else if constexpr (std::is_same_v<Entry, Equipment>) {
      if (entry.always_available) continue;
    }
    ids.emplace_back(entry.id);
  }
  return ids;
}

// The candidate closest to `text` (after normalising), if it is close enough to be a
// plausible typo; ties go to the earlier candidate.
std::optional<std::string> closest_match(std::string_view text,
                                         const std::vector<std::string>& candidates);

}  // namespace knotplan

#endif  // KNOTPLAN_IDS_HPP_
