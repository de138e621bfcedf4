#include "pose_parser.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <string>

namespace knotplan {

using nlohmann::json;

namespace {

template <std::size_t N>
std::string joined(const std::string_view (&ids)[N]) {
  std::string result;
  for (std::string_view id : ids) {
    if (id.empty()) continue;
    if (!result.empty()) result += ", ";
    result += id;
  }
  return result;
}

// The enum value named by node[key], or nullopt (with a problem naming the valid ids).
template <typename Enum, std::size_t N>
std::optional<Enum> one_of(const json& node, const JsonPath& where, const char* key,
                           const std::string_view (&ids)[N], JsonReader& read, bool required) {
  if (!node.contains(key)) {
    if (required) read.fail(JsonPath(where, key), "is missing");
    return std::nullopt;
  }
  const std::string_view value = read.text(node, where, key);
  for (std::size_t i = 0; i < N; ++i)
    if (!ids[i].empty() && ids[i] == value) return static_cast<Enum>(i);
  if (node[key].is_string())
    read.fail(JsonPath(where, key), fmt::format("\"{}\" is not one of: {}",
                                                std::string(value).substr(0, 60), joined(ids)));
  return std::nullopt;
}

// Angles may be written from -360 to 360; they are drawn modulo a full turn.
constexpr int kMinAngle = -360;
constexpr int kMaxAngle = 360;

PoseShape parse_shape(const json& node, const JsonPath& where, JsonReader& read) {
  PoseShape shape;
  if (const auto angles = node.find("angles"); angles != node.end()) {
    const JsonPath angles_where(where, "angles");
    if (read.object(*angles, angles_where)) {
      for (const auto& [key, value] : angles->items()) {
        std::size_t index = kPoseSegmentCount;
        for (std::size_t i = 0; i < kPoseSegmentCount; ++i)
          if (kPoseSegmentIds[i] == key) index = i;
        const JsonPath at(angles_where, key);
        if (index == kPoseSegmentCount) {
          read.fail(at, fmt::format("is not a segment; segments are: {}", joined(kPoseSegmentIds)));
          continue;
        }
        shape.angles[index] =
            read.integer(*angles, angles_where, key.c_str(), kMinAngle, kMaxAngle);
      }
    }
  }
  shape.bend = read.integer(node, where, "bend", -kMaxSpineBend, kMaxSpineBend, false).value_or(0);
  if (const auto hip = node.find("hip"); hip != node.end()) {
    const JsonPath hip_where(where, "hip");
    if (!hip->is_array() || hip->size() != 2 || !(*hip)[0].is_number_integer() ||
        !(*hip)[1].is_number_integer()) {
      read.fail(hip_where, "must be two whole numbers, [right, down], in figure units");
    } else {
      const int x = (*hip)[0].get<int>();
      const int y = (*hip)[1].get<int>();
      if (std::abs(x) > kMaxHipMove || std::abs(y) > kMaxHipMove)
        read.fail(hip_where, fmt::format("moves the hip more than {} units", kMaxHipMove));
      else {
        shape.hip_x = x;
        shape.hip_y = y;
      }
    }
  }
  if (const auto reach = node.find("reach"); reach != node.end()) {
    const JsonPath reach_where(where, "reach");
    if (read.object(*reach, reach_where)) {
      read.only_keys(*reach, reach_where, {"near-hand", "far-hand"});
      shape.near_hand =
          one_of<BodyPoint>(*reach, reach_where, "near-hand", kBodyPointIds, read, false);
      shape.far_hand =
          one_of<BodyPoint>(*reach, reach_where, "far-hand", kBodyPointIds, read, false);
    }
  }
  return shape;
}

PoseProp parse_prop(const json& node, const JsonPath& where, JsonReader& read) {
  PoseProp prop;
  if (!read.object(node, where)) return prop;
  read.only_keys(node, where, {"prop", "at", "to", "side"});
  prop.kind = one_of<PropKind>(node, where, "prop", kPropIds, read, true).value_or(PropKind::kBall);
  prop.at = one_of<BodyPoint>(node, where, "at", kBodyPointIds, read, false);
  prop.to = one_of<BodyPoint>(node, where, "to", kBodyPointIds, read, false);
  prop.side =
      one_of<PoseSide>(node, where, "side", kPoseSideIds, read, false).value_or(PoseSide::kNone);
  const bool placed_by_side = prop.kind == PropKind::kWall || prop.kind == PropKind::kDoorway;
  const bool needs_point = prop.kind != PropKind::kWall && prop.kind != PropKind::kChair;
  if (placed_by_side && !prop.at && prop.side == PoseSide::kNone)
    read.fail(where, fmt::format("a {} needs \"side\" (left or right) or \"at\"",
                                 kPropIds[static_cast<std::size_t>(prop.kind)]));
  else if (needs_point && !placed_by_side && !prop.at)
    read.fail(JsonPath(where, "at"), "is missing: name the body point the prop touches");
  if (prop.to && prop.kind != PropKind::kBand)
    read.fail(JsonPath(where, "to"), "is for bands only");
  return prop;
}

PoseArrow parse_arrow(const json& node, const JsonPath& where, JsonReader& read) {
  PoseArrow arrow;
  if (!read.object(node, where)) return arrow;
  read.only_keys(
      node, where,
      {"at", "around", "direction", "length", "offset", "from", "to", "radius", "both_ways"});
  arrow.at = one_of<BodyPoint>(node, where, "at", kBodyPointIds, read, false);
  arrow.around = one_of<BodyPoint>(node, where, "around", kBodyPointIds, read, false);
  if (arrow.at.has_value() == arrow.around.has_value() && !node.contains("at") &&
      !node.contains("around"))
    read.fail(where, "needs \"at\" (a straight arrow) or \"around\" (a curved one)");
  else if (node.contains("at") && node.contains("around"))
    read.fail(where, "has both \"at\" and \"around\"; an arrow is straight or curved");
  if (node.contains("at")) {
    arrow.direction = read.integer(node, where, "direction", kMinAngle, kMaxAngle).value_or(0);
    arrow.length = read.integer(node, where, "length", 4, 60, false).value_or(arrow.length);
    arrow.offset = read.integer(node, where, "offset", -20, 60, false).value_or(arrow.offset);
  } else {
    arrow.from = read.integer(node, where, "from", kMinAngle, kMaxAngle).value_or(0);
    arrow.to = read.integer(node, where, "to", kMinAngle, kMaxAngle).value_or(0);
    arrow.radius = read.integer(node, where, "radius", 4, 60, false).value_or(arrow.radius);
    if (arrow.from == arrow.to && node.contains("from") && node.contains("to"))
      read.fail(JsonPath(where, "to"), "equals \"from\": a curved arrow needs two angles");
  }
  arrow.both_ways = read.boolean(node, where, "both_ways", false);
  return arrow;
}

nlohmann::ordered_json shape_to_json(const PoseShape& shape) {
  nlohmann::ordered_json result = nlohmann::ordered_json::object();
  nlohmann::ordered_json angles = nlohmann::ordered_json::object();
  for (std::size_t i = 0; i < kPoseSegmentCount; ++i)
    if (shape.angles[i]) angles[std::string(kPoseSegmentIds[i])] = *shape.angles[i];
  if (!angles.empty()) result["angles"] = angles;
  if (shape.bend != 0) result["bend"] = shape.bend;
  if (shape.hip_x != 0 || shape.hip_y != 0) result["hip"] = {shape.hip_x, shape.hip_y};
  nlohmann::ordered_json reach = nlohmann::ordered_json::object();
  if (shape.near_hand)
    reach["near-hand"] = kBodyPointIds[static_cast<std::size_t>(*shape.near_hand)];
  if (shape.far_hand) reach["far-hand"] = kBodyPointIds[static_cast<std::size_t>(*shape.far_hand)];
  if (!reach.empty()) result["reach"] = reach;
  return result;
}

std::string_view id_of(BodyPoint point) {
  return kBodyPointIds[static_cast<std::size_t>(point)];
}

}  // namespace

Pose parse_pose(const json& node, const JsonPath& where, JsonReader& read) {
  Pose pose;
  if (!read.object(node, where)) return pose;
  read.only_keys(
      node, where,
      {"view", "position", "angles", "bend", "hip", "reach", "target", "props", "end", "arrows"});
  pose.view =
      one_of<PoseView>(node, where, "view", kPoseViewIds, read, false).value_or(PoseView::kSide);
  pose.position = one_of<PosePosition>(node, where, "position", kPosePositionIds, read, true)
                      .value_or(PosePosition::kStanding);
  pose.start = parse_shape(node, where, read);
  pose.target = one_of<BodyPoint>(node, where, "target", kBodyPointIds, read, true)
                    .value_or(BodyPoint::kUpperBack);
  if (const auto end = node.find("end"); end != node.end()) {
    const JsonPath end_where(where, "end");
    if (read.object(*end, end_where)) {
      read.only_keys(*end, end_where, {"angles", "bend", "hip", "reach"});
      pose.end = parse_shape(*end, end_where, read);
    }
  }
  if (const json* props = read.array(node, where, "props", false)) {
    const JsonPath props_where(where, "props");
    if (props->size() > kMaxPoseProps)
      read.fail(props_where, fmt::format("has {} props; at most {}", props->size(), kMaxPoseProps));
    for (std::size_t i = 0; i < props->size() && i < kMaxPoseProps; ++i) {
      pose.props[i] = parse_prop((*props)[i], JsonPath(props_where, i), read);
      pose.prop_count = i + 1;
    }
  }
  if (const json* arrows = read.array(node, where, "arrows", false)) {
    const JsonPath arrows_where(where, "arrows");
    if (arrows->size() > kMaxPoseArrows)
      read.fail(arrows_where,
                fmt::format("has {} arrows; at most {}", arrows->size(), kMaxPoseArrows));
    for (std::size_t i = 0; i < arrows->size() && i < kMaxPoseArrows; ++i) {
      pose.arrows[i] = parse_arrow((*arrows)[i], JsonPath(arrows_where, i), read);
      pose.arrow_count = i + 1;
    }
  }
  return pose;
}

nlohmann::ordered_json pose_to_json(const Pose& pose) {
  nlohmann::ordered_json result = nlohmann::ordered_json::object();
  result["view"] = kPoseViewIds[static_cast<std::size_t>(pose.view)];
  result["position"] = kPosePositionIds[static_cast<std::size_t>(pose.position)];
  result.update(shape_to_json(pose.start));
  result["target"] = id_of(pose.target);
  if (pose.prop_count > 0) {
    nlohmann::ordered_json props = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < pose.prop_count; ++i) {
      const PoseProp& prop = pose.props[i];
      nlohmann::ordered_json entry = {{"prop", kPropIds[static_cast<std::size_t>(prop.kind)]}};
      if (prop.at) entry["at"] = id_of(*prop.at);
      if (prop.to) entry["to"] = id_of(*prop.to);
      if (prop.side != PoseSide::kNone)
        entry["side"] = kPoseSideIds[static_cast<std::size_t>(prop.side)];
      props.push_back(entry);
    }
    result["props"] = props;
  }
  if (pose.end) result["end"] = shape_to_json(*pose.end);
  if (pose.arrow_count > 0) {
    nlohmann::ordered_json arrows = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < pose.arrow_count; ++i) {
      const PoseArrow& arrow = pose.arrows[i];
      nlohmann::ordered_json entry = nlohmann::ordered_json::object();
      if (arrow.at) {
        entry = {{"at", id_of(*arrow.at)},
                 {"direction", arrow.direction},
                 {"length", arrow.length},
                 {"offset", arrow.offset}};
      } else if (arrow.around) {
        entry = {{"around", id_of(*arrow.around)},
                 {"from", arrow.from},
                 {"to", arrow.to},
                 {"radius", arrow.radius}};
      }
      if (arrow.both_ways) entry["both_ways"] = true;
      arrows.push_back(entry);
    }
    result["arrows"] = arrows;
  }
  return result;
}

std::string_view body_point_words(BodyPoint point) {
  static constexpr std::string_view kWords[] = {"the head",
                                                "the forehead",
                                                "the base of the skull",
                                                "the neck",
                                                "the shoulder",
                                                "the shoulder",
                                                "the upper back",
                                                "the area between the shoulder blades",
                                                "the lower back",
                                                "the chest",
                                                "the belly",
                                                "the side",
                                                "the side",
                                                "the armpit",
                                                "the armpit",
                                                "the buttock",
                                                "the front of the hip",
                                                "the elbow",
                                                "the elbow",
                                                "the hand",
                                                "the hand",
                                                "the knee",
                                                "the knee",
                                                "the foot",
                                                "the foot"};
  static_assert(std::size(kWords) == kBodyPointCount);
  return kWords[static_cast<std::size_t>(point)];
}

}  // namespace knotplan
