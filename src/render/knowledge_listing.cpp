#include <fmt/format.h>

#include <algorithm>

#include "knotplan/render_knowledge.hpp"
#include "knotplan/terminal.hpp"
#include "knowledge_json.hpp"
#include "text_layout.hpp"

namespace knotplan {

namespace {

using Json = nlohmann::ordered_json;

// A row of a listing: the id, then what a person needs to tell entries apart.
struct Row {
  std::string id;
  std::string text;
};

std::string joined(List<std::string_view> items) {
  return fmt::format("{}", fmt::join(items, ", "));
}

std::string with_aliases(const Named& entry) {
  if (entry.aliases.empty()) return std::string(entry.name);
  return fmt::format("{} (also: {})", entry.name, joined(entry.aliases));
}

// "emergency or doctor", "advice": what the symptom's answers can lead to, most urgent first.
std::string answer_levels(const Symptom& symptom) {
  std::vector<std::string> levels;
  for (const Level level : {Level::kEmergency, Level::kDoctor, Level::kPhysio})
    if (std::any_of(symptom.answers.begin(), symptom.answers.end(), [&](const auto& answer) {
          return answer.action != SymptomAction::kAdvise && answer.level == level;
        }))
      levels.emplace_back(level_id(level));
  if (std::any_of(symptom.answers.begin(), symptom.answers.end(),
                  [](const auto& answer) { return answer.action == SymptomAction::kAdvise; }))
    levels.emplace_back("advice");
  return fmt::format("{}", fmt::join(levels, " or "));
}

std::vector<Row> rows_for(const KnowledgeBase& kb, Listing listing) {
  std::vector<Row> rows;
  switch (listing) {
    case Listing::kAreas:
      for (const Area& area : kb.areas)
        rows.push_back({std::string(area.id),
                        fmt::format("{}{}: {}", area.name,
                                    area.target_only ? " [worked on, not asked for]" : "",
                                    joined(area.muscles))});
      break;
    case Listing::kCauses:
      for (const Cause& cause : kb.causes)
        rows.push_back({std::string(cause.id), with_aliases(cause)});
      break;
    case Listing::kStages:
      for (const Stage& stage : kb.stages)
        rows.push_back(
            {std::string(stage.id), fmt::format("{}: {}", stage.name, stage.description)});
      break;
    case Listing::kEquipment:
      for (const Equipment& item : kb.equipment) {
        std::string text = with_aliases(item);
        if (item.always_available) text += " [always there]";
        if (!item.substitutes.empty())
          text += fmt::format("; or use: {}", joined(item.substitutes));
        rows.push_back({std::string(item.id), text});
      }
      break;
    case Listing::kTechniques:
      for (const Technique& technique : kb.techniques)
        rows.push_back({std::string(technique.id),
                        fmt::format("{} ({}; {})", technique.name, phase_id(technique.phase),
                                    joined(technique.areas))});
      break;
    case Listing::kSymptoms:
      for (const Symptom& symptom : kb.symptoms)
        rows.push_back({std::string(symptom.id),
                        fmt::format("{} ({}): typed as {}", symptom.name, answer_levels(symptom),
                                    joined(symptom.phrases))});
      break;
    case Listing::kConditions:
      for (const Condition& condition : kb.conditions)
        rows.push_back({std::string(condition.id),
                        fmt::format("{}: {}", condition.name, condition.description)});
      break;
    case Listing::kSources:
      for (const Source& source : kb.sources)
        rows.push_back(
            {std::string(source.id), fmt::format("{} [{}]", citation(source), source.kind)});
      break;
  }
  return rows;
}

template <typename Entry>
Json array_of(List<Entry> entries, Json (*to_json)(const Entry&)) {
  Json array = Json::array();
  for (const Entry& entry : entries) array.push_back(to_json(entry));
  return array;
}

}  // namespace

std::string citation(const Source& source) {
  const std::string_view by = source.authors.empty() ? source.publisher : source.authors;
  std::string text = by.empty() ? std::string(source.title) + "." : std::string(by);
  const std::string year = source.year ? std::to_string(*source.year) : "n.d.";
  if (!by.empty()) text += fmt::format(" ({}). {}.", year, source.title);
  if (!source.authors.empty() && !source.publisher.empty())
    text += fmt::format(" {}.", source.publisher);
  if (source.url) text += fmt::format(" {}", *source.url);
  return text;
}

const std::vector<std::string>& listing_names() {
  static const std::vector<std::string> names{"areas",      "causes",   "stages",     "equipment",
                                              "techniques", "symptoms", "conditions", "sources"};
  return names;
}

std::optional<Listing> listing_from_name(const std::string& name) {
  const auto& names = listing_names();
  const auto found = std::find(names.begin(), names.end(), name);
  if (found == names.end()) return std::nullopt;
  return static_cast<Listing>(found - names.begin());
}

void render_listing_text(const KnowledgeBase& kb, Listing listing, std::ostream& out) {
  const std::vector<Row> rows = rows_for(kb, listing);
  std::size_t id_width = 0;
  for (const Row& row : rows) id_width = std::max(id_width, display_width(row.id));
  // Long ids (sources) leave too narrow a column: then the text goes under its id.
  constexpr std::size_t kWidestColumn = 32;
  if (id_width > kWidestColumn) {
    for (const Row& row : rows) {
      out << printable(row.id) << '\n';
      write_wrapped(out, "    ", "    ", row.text, 74);
    }
    return;
  }
  const std::string indent(id_width + 2, ' ');
  for (const Row& row : rows)
    write_wrapped(out, fmt::format("{:<{}}  ", printable(row.id), id_width), indent, row.text,
                  78 - id_width);
}

void render_listing_json(const KnowledgeBase& kb, Listing listing, std::ostream& out) {
  Json json;
  switch (listing) {
    case Listing::kAreas:
      json = array_of(kb.areas, &area_json);
      break;
    case Listing::kCauses:
      json = array_of(kb.causes, &cause_json);
      break;
    case Listing::kStages:
      json = array_of(kb.stages, &stage_json);
      break;
    case Listing::kEquipment:
      json = array_of(kb.equipment, &equipment_json);
      break;
    case Listing::kTechniques:
      json = array_of(kb.techniques, &technique_json);
      break;
    case Listing::kSymptoms:
      json = array_of(kb.symptoms, &symptom_json);
      break;
    case Listing::kConditions:
      json = array_of(kb.conditions, &condition_json);
      break;
    case Listing::kSources:
      json = array_of(kb.sources, &source_json);
      break;
  }
  out << escape_hidden_characters(json.dump(2, ' ', false, Json::error_handler_t::replace)) << '\n';
}

void render_technique_json(const Technique& technique, std::ostream& out) {
  out << escape_hidden_characters(
             technique_json(technique).dump(2, ' ', false, Json::error_handler_t::replace))
      << '\n';
}

}  // namespace knotplan
