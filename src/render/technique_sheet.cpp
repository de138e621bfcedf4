#include <fmt/color.h>
#include <fmt/format.h>

#include "knotplan/render_knowledge.hpp"
#include "knotplan/terminal.hpp"
#include "text_layout.hpp"
#include "wording.hpp"

namespace knotplan {

namespace {

// Names rather than ids where the knowledge base has them.
template <typename Entry>
std::string names_of(List<std::string_view> ids,
                     const Entry* (KnowledgeBase::*find)(std::string_view) const,
                     const KnowledgeBase& kb) {
  std::vector<std::string_view> names;
  for (const std::string_view id : ids) {
    const Entry* entry = (kb.*find)(id);
    names.push_back(entry != nullptr ? entry->name : id);
  }
  return names.empty() ? std::string("nothing") : fmt::format("{}", fmt::join(names, ", "));
}

void wrapped(std::ostream& out, const std::string& first, const std::string& rest,
             std::string_view text) {
  write_wrapped(out, first, rest, text, 80 - display_width(first));
}

}  // namespace

void render_technique_text(const KnowledgeBase& kb, const Technique& technique, bool color,
                           std::ostream& out) {
  const fmt::text_style bold = color ? fmt::emphasis::bold : fmt::text_style{};
  const fmt::text_style heading =
      color ? fmt::emphasis::bold | fmt::fg(fmt::terminal_color::cyan) : fmt::text_style{};
  out << fmt::format(bold, "{}", printable(technique.name)) << "  (" << printable(technique.id)
      << ")\n";

  const SecondsRange& seconds = technique.seconds;
  std::string timing = fmt::format("{} to {}, usually {}", duration(seconds.min),
                                   duration(seconds.max), duration(seconds.usual));
  if (technique.reps)
    timing += fmt::format(" ({} × {} s hold)", *technique.reps, *technique.hold_seconds);
  if (technique.per_side) timing += ", each side";
  const std::vector<std::pair<std::string, std::string>> facts{
      {"Phase", phase_id(technique.phase)},
      {"Tags", fmt::format("{}", fmt::join(technique.tags, ", "))},
      {"Where", names_of<Area>(technique.areas, &KnowledgeBase::find_area, kb)},
      {"Needs", names_of<Equipment>(technique.equipment, &KnowledgeBase::find_equipment, kb)},
      {"Time", timing},
      {"Pressure", technique.pressure
                       ? fmt::format("{} out of 10", pressure_range(*technique.pressure))
                       : std::string("none")},
  };
  for (const auto& [label, value] : facts)
    wrapped(out, fmt::format("  {:<10}", label + ":"), std::string(12, ' '), value);

  const auto section = [&](const char* title, const auto& lines, bool numbered) {
    if (lines.empty()) return;
    out << '\n' << fmt::format(heading, "{}", title) << '\n';
    for (std::size_t i = 0; i < lines.size(); ++i)
      wrapped(out, numbered ? fmt::format("  {}. ", i + 1) : "  - ", numbered ? "     " : "    ",
              lines[i]);
  };
  section("Steps", technique.instructions, true);
  section("What it should feel like", technique.cues, false);
  section("Cautions", technique.cautions, false);
  std::vector<std::string> references;
  for (const std::string_view id : technique.sources)
    if (const Source* source = kb.find_source(id)) references.push_back(citation(*source));
  section("Sources", references, false);
}

}  // namespace knotplan
