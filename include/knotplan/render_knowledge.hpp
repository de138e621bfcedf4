#ifndef KNOTPLAN_RENDER_KNOWLEDGE_HPP_
#define KNOTPLAN_RENDER_KNOWLEDGE_HPP_

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "knotplan/knowledge.hpp"

namespace knotplan {

// What 'knotplan list' can list.
enum class Listing {
  kAreas,
  kCauses,
  kStages,
  kEquipment,
  kTechniques,
  kSymptoms,
  kConditions,
  kSources
};

// A reference as a reader looks it up: "Authors (2011). Title. Publisher. URL", with the
// organisation standing for absent authors and "n.d." for an absent year.
std::string citation(const Source& source);

// "areas", "causes", ... in the order of the enum.
const std::vector<std::string>& listing_names();
std::optional<Listing> listing_from_name(const std::string& name);

// One entry a line, ids first and aligned. Knowledge-base text is made printable.
void render_listing_text(const KnowledgeBase& kb, Listing listing, std::ostream& out);

// A JSON array of the entries, in the knowledge-base file's own format.
void render_listing_json(const KnowledgeBase& kb, Listing listing, std::ostream& out);

// Everything about one technique, for a person.
void render_technique_text(const KnowledgeBase& kb, const Technique& technique, bool color,
                           std::ostream& out);

// One technique as it appears in a knowledge-base file.
void render_technique_json(const Technique& technique, std::ostream& out);

}  // namespace knotplan

#endif  // KNOTPLAN_RENDER_KNOWLEDGE_HPP_
