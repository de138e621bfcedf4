#ifndef KNOTPLAN_SRC_POSE_PARSER_HPP_
#define KNOTPLAN_SRC_POSE_PARSER_HPP_

#include <nlohmann/json.hpp>
#include <optional>

#include "json_reader.hpp"
#include "knotplan/pose.hpp"

namespace knotplan {

// Reads a technique's "pose" (data/schema/knowledge.schema.json, #/$defs/pose), recording a
// problem at its JSON path for an unknown view, position, segment, body point or prop, an
// angle out of range, a prop missing what places it, or too many props or arrows. Returns
// what could be read.
Pose parse_pose(const nlohmann::json& node, const JsonPath& where, JsonReader& read);

// The pose as it is written in the knowledge base, for `show --format json`.
nlohmann::ordered_json pose_to_json(const Pose& pose);

}  // namespace knotplan

#endif  // KNOTPLAN_SRC_POSE_PARSER_HPP_
