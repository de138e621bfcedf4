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
    R"svg(<g fill="none" stroke="#000" stroke-width="0.8">)svg"
    R"svg(<circle cx="50" cy="12" r="9"/>)svg"
    R"svg(<path d="M45 21 V33 L30 35 Q22 37 21 45 L16 90 Q15 96 19 97 L23 60 )svg"
    R"svg(L25 96 Q28 104 28 116 L31 148 H47 L50 122 L53 148 H69 L72 116 Q72 104 75 96 )svg"
    R"svg(L77 60 L81 97 Q85 96 84 90 L79 45 Q78 37 70 35 L55 33 V21"/>)svg"
    R"svg(<path d="M50 36 V100" stroke-dasharray="1.5 1.5"/>)svg"
    R"svg(</g>)svg";

}  // namespace

std::string body_figure_svg(const std::vector<std::string>& knot_areas,
                            const std::set<std::string>& other_areas) {
  std::string svg =
      R"svg(<svg class="figure" viewBox="0 0 100 150" role="img" aria-label="Back view of the body )svg"
      R"svg(with the areas this routine works on">)svg"
      R"svg(<defs><pattern id="hatch" width="3" height="3" patternUnits="userSpaceOnUse" )svg"
      R"svg(patternTransform="rotate(45)"><rect width="3" height="3" fill="#ddd"/>)svg"
      R"svg(<line x1="0" y1="0" x2="0" y2="3" stroke="#555" stroke-width="1.2"/></pattern></defs>)svg";
  const auto& shapes = area_shapes();
  std::vector<std::string> unseen;
  svg += R"svg(<g fill="url(#hatch)" stroke="#555" stroke-width="0.4">)svg";
  for (const std::string& area : other_areas) {
    if (std::find(knot_areas.begin(), knot_areas.end(), area) != knot_areas.end()) continue;
    const auto found = shapes.find(area);
    if (found == shapes.end()) {
      unseen.push_back(area);
      continue;
    }
    for (const std::string& shape : found->second) svg += shape;
  }
  svg += R"svg(</g><g fill="#222">)svg";
  for (const std::string& knot_area : knot_areas)
    if (const auto found = shapes.find(knot_area); found != shapes.end())
      for (const std::string& shape : found->second) svg += shape;
  svg += "</g>";
  svg += kOutline;
  svg += "</svg>";
  if (!unseen.empty()) {
    std::string names;
    for (const std::string& area : unseen) names += (names.empty() ? "" : ", ") + area;
    for (char& c : names)
      if (c == '-') c = ' ';
    svg += fmt::format(R"svg(<p class="unseen">and on the front: {}</p>)svg", names);
  }
  return svg;
}

}  // namespace knotplan
