#include "body_figure.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <vector>

namespace knotplan {

namespace {

// Each area's shapes on a 100 x 150 drawing of the back; drawn by the project.
const std::map<std::string, std::vector<std::string>>& area_shapes() {
  static const std::map<std::string, std::vector<std::string>> shapes{
      {"skull-base", {R"svg(<rect x="42" y="21" width="16" height="4" rx="2"/>)svg"}},
      {"neck", {R"svg(<rect x="44" y="25" width="12" height="10" rx="2"/>)svg"}},
      {"shoulders",
       {R"svg(<ellipse cx="34" cy="38" rx="11" ry="4"/>)svg",
        R"svg(<ellipse cx="66" cy="38" rx="11" ry="4"/>)svg"}},
      {"upper-back",
       {R"svg(<path d="M29 43 H44 V66 H31 Z"/>)svg",
        R"svg(<path d="M56 43 H71 L69 66 H56 Z"/>)svg"}},
      {"between-shoulder-blades", {R"svg(<rect x="45" y="43" width="10" height="24" rx="2"/>)svg"}},
      {"lower-back", {R"svg(<rect x="35" y="80" width="30" height="18" rx="3"/>)svg"}},
      {"side",
       {R"svg(<rect x="24" y="62" width="6" height="32" rx="3"/>)svg",
        R"svg(<rect x="70" y="62" width="6" height="32" rx="3"/>)svg"}},
      {"armpit",
       {R"svg(<ellipse cx="26" cy="50" rx="3.5" ry="6"/>)svg",
        R"svg(<ellipse cx="74" cy="50" rx="3.5" ry="6"/>)svg"}},
      {"hips",
       {R"svg(<ellipse cx="40" cy="110" rx="10" ry="9"/>)svg",
        R"svg(<ellipse cx="60" cy="110" rx="10" ry="9"/>)svg"}},
  };
  return shapes;
}

constexpr const char* kOutline =
    R"svg(<g fill="none" stroke="#000" stroke-width="1">)svg"
    R"svg(<circle cx="50" cy="12" r="9"/>)svg"
    R"svg(<path d="M45 21 V33 L30 35 Q22 37 21 45 L16 90 Q15 96 19 97 L23 60 )svg"
    R"svg(L25 96 Q28 104 28 116 L31 148 H47 L50 122 L53 148 H69 L72 116 Q72 104 75 96 )svg"
    R"svg(L77 60 L81 97 Q85 96 84 90 L79 45 Q78 37 70 35 L55 33 V21"/>)svg"
    R"svg(<path d="M50 36 V100" stroke-dasharray="1.5 1.5"/>)svg"
    R"svg(</g>)svg";

// The marks' patterns, with ids made unique by `prefix` ("map-", "key-"). A pattern is
// filled by the SVG itself, so it prints even when the browser leaves out backgrounds.
std::string mark_patterns(const std::string& prefix) {
  return fmt::format(
      R"svg(<defs><pattern id="{0}knot" width="3" height="3" patternUnits="userSpaceOnUse" )svg"
      R"svg(patternTransform="rotate(45)"><rect width="3" height="3" fill="#fff"/>)svg"
      R"svg(<path d="M0 0 V3 M0 0 H3" stroke="#000" stroke-width="1.3"/></pattern>)svg"
      R"svg(<pattern id="{0}also" width="4" height="4" patternUnits="userSpaceOnUse">)svg"
      R"svg(<rect width="4" height="4" fill="#fff"/><circle cx="2" cy="2" r="1.1" fill="#000"/>)svg"
      R"svg(</pattern></defs>)svg",
      prefix);
}

std::string mark_style(BodyMark mark, const std::string& prefix) {
  return mark == BodyMark::kKnot
             ? fmt::format(R"svg(fill="url(#{}knot)" stroke="#000" stroke-width="1.6")svg", prefix)
             : fmt::format(R"svg(fill="url(#{}also)" stroke="#000" stroke-width="0.8")svg", prefix);
}

bool is_knot(const std::vector<std::string>& knot_areas, const std::string& area) {
  return std::find(knot_areas.begin(), knot_areas.end(), area) != knot_areas.end();
}

std::string readable(const std::string& id) {
  std::string words = id;
  std::replace(words.begin(), words.end(), '-', ' ');
  return words;
}

// "a", "a and b", "a, b and c"
std::string joined(const std::vector<std::string>& items) {
  std::string text;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) text += i + 1 == items.size() ? " and " : ", ";
    text += items[i];
  }
  return text;
}

}  // namespace

std::string body_map_description(const std::vector<std::string>& knot_areas,
                                 const std::set<std::string>& other_areas, Side side) {
  const auto& shapes = area_shapes();
  std::vector<std::string> knots;
  // "in the upper back", "between the shoulder blades"
  for (const std::string& area : knot_areas)
    knots.push_back(area.starts_with("between-") ? "between the " + readable(area.substr(8))
                                                 : "in the " + readable(area));
  std::string text = "Marked: the knot " + joined(knots);
  if (side == Side::kLeft) text += ", left side";
  if (side == Side::kRight) text += ", right side";
  if (side == Side::kBoth) text += ", both sides";
  std::vector<std::string> others;
  for (const std::string& area : other_areas) {
    if (is_knot(knot_areas, area)) continue;
    others.push_back(readable(area) +
                     (shapes.count(area) != 0 ? "" : " (on the front, not drawn)"));
  }
  if (!others.empty()) text += "; also worked: " + joined(others);
  return text + ".";
}

std::string areas_not_drawn(const std::vector<std::string>& knot_areas,
                            const std::set<std::string>& other_areas) {
  std::vector<std::string> names;
  for (const std::string& area : other_areas)
    if (!is_knot(knot_areas, area) && area_shapes().count(area) == 0)
      names.push_back(readable(area));
  return joined(names);
}

std::string body_figure_svg(const std::vector<std::string>& knot_areas,
                            const std::set<std::string>& other_areas, Side side) {
  std::string svg = fmt::format(
      R"svg(<svg class="figure" viewBox="0 0 100 150" role="img" aria-label="Back view of the )svg"
      R"svg(body. {}">)svg",
      body_map_description(knot_areas, other_areas, side));
  svg += mark_patterns("map-");
  const auto& shapes = area_shapes();
  svg += "<g " + mark_style(BodyMark::kAlso, "map-") + ">";
  for (const std::string& area : other_areas) {
    if (is_knot(knot_areas, area)) continue;
    if (const auto found = shapes.find(area); found != shapes.end())
      for (const std::string& shape : found->second) svg += shape;
  }
  svg += "</g><g " + mark_style(BodyMark::kKnot, "map-") + ">";
  for (const std::string& knot_area : knot_areas)
    if (const auto found = shapes.find(knot_area); found != shapes.end())
      for (const std::string& shape : found->second) svg += shape;
  svg += "</g>";
  svg += kOutline;
  return svg + "</svg>";
}

std::string legend_swatch_svg(BodyMark mark) {
  const std::string prefix = mark == BodyMark::kKnot ? "key-k-" : "key-a-";
  // The map's user units, so that a swatch's hatching or dots look like the map's when
  // both are drawn at the same scale (each sheet's CSS sizes them alike).
  return std::string(R"svg(<svg class="key )svg") + (mark == BodyMark::kKnot ? "knot" : "also") +
         R"svg(" viewBox="0 0 24 16" aria-hidden="true" focusable="false">)svg" +
         mark_patterns(prefix) + "<rect x=\"1\" y=\"1\" width=\"22\" height=\"14\" " +
         mark_style(mark, prefix) + "/></svg>";
}

}  // namespace knotplan
