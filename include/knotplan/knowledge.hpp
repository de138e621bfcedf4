#ifndef KNOTPLAN_KNOWLEDGE_HPP_
#define KNOTPLAN_KNOWLEDGE_HPP_

#include <optional>
#include <string>
#include <vector>

namespace knotplan {

// The plain data model of a knowledge base (DESIGN.md §4). It holds no logic beyond
// look-ups by id; the loader fills it and checks it, the rule engine and planner read it.

// The order of the phases is the order of a routine.
enum class Phase { kWarmUp, kRelease, kStretch, kRecover };
const char* phase_id(Phase phase);
std::optional<Phase> phase_from_id(const std::string& id);

// Inclusive integer bounds; an absent end is open.
struct Bounds {
  std::optional<int> min;
  std::optional<int> max;
  bool contains(int value) const { return (!min || value >= *min) && (!max || value <= *max); }
  bool operator==(const Bounds&) const = default;
};

struct PressureRange {
  int min = 0;
  int max = 0;
  bool operator==(const PressureRange&) const = default;
};

// The rhythm of a press-and-release technique, for the guide: press this long, then let
// go this long, over and over.
struct Beats {
  int press = 0;
  int release = 0;
  bool operator==(const Beats&) const = default;
};

struct SecondsRange {
  int min = 0;
  int usual = 0;  // "default" in the file
  int max = 0;
  bool operator==(const SecondsRange&) const = default;
};

// Every id-bearing entry shares these: a stable id, a human name and aliases.
struct Named {
  std::string id;
  std::string name;
  std::vector<std::string> aliases;
  bool operator==(const Named&) const = default;
};

struct Area : Named {
  std::vector<std::string> muscles;
  std::vector<std::string> related;  // area ids where a cause may sit or the pain refers
  bool target_only = false;          // a place steps work on, not a place to ask about
  bool operator==(const Area&) const = default;
};

struct Stage : Named {
  std::optional<int> max_hours;  // absent on the last, open-ended stage
  std::string description;
  bool operator==(const Stage&) const = default;
};

struct Cause : Named {
  std::string description;
  bool operator==(const Cause&) const = default;
};

struct Equipment : Named {
  bool always_available = false;
  std::vector<std::string> substitutes;  // equipment ids that can stand in for this one
  bool operator==(const Equipment&) const = default;
};

enum class Level { kPhysio, kDoctor, kEmergency };  // ordered by urgency
const char* level_id(Level level);
std::optional<Level> level_from_id(const std::string& id);

struct RedFlag : Named {
  Level level = Level::kDoctor;
  std::string message;  // whom to see and how urgently
  bool operator==(const RedFlag&) const = default;
};

struct Condition : Named {
  std::string description;
  bool operator==(const Condition&) const = default;
};

struct Technique {
  std::string id;
  std::string name;
  Phase phase = Phase::kRelease;
  std::vector<std::string> tags;
  std::vector<std::string> areas;
  std::vector<std::string> equipment;
  SecondsRange seconds;
  bool per_side = false;
  std::optional<PressureRange> pressure;
  std::optional<int> hold_seconds;  // with reps: a hold of this long, repeated
  std::optional<int> reps;
  std::optional<Beats> beats;
  std::vector<std::string> instructions;
  std::vector<std::string> cues;
  std::vector<std::string> cautions;
  std::vector<std::string> sources;
  bool operator==(const Technique&) const = default;
};

// --- rules -------------------------------------------------------------------------

struct RuleCondition {
  std::vector<std::string> areas;
  std::vector<std::string> stages;
  std::vector<std::string> causes;
  std::vector<std::string> equipment;
  std::vector<std::string> symptoms;
  std::vector<std::string> conditions;
  std::optional<Bounds> pain;
  std::optional<Bounds> minutes;
  std::optional<Bounds> age;
  bool operator==(const RuleCondition&) const = default;
};

struct AddStep {
  std::string technique;
  std::optional<std::string> target;  // the requested area when absent
  std::optional<Phase> phase;         // the technique's own phase when absent
  int priority = 50;
  std::optional<int> seconds;  // preferred seconds per side, kept within the technique's range
  bool operator==(const AddStep&) const = default;
};

struct Scale {
  double factor = 1.0;
  std::vector<std::string> tags;  // only steps with one of these tags; all steps when empty
  bool operator==(const Scale&) const = default;
};

struct Referral {
  Level level = Level::kDoctor;
  std::string message;
  bool operator==(const Referral&) const = default;
};

struct PhaseLimit {
  Phase phase = Phase::kRelease;
  int max_techniques = 0;
  bool operator==(const PhaseLimit&) const = default;
};

struct RuleEffect {
  std::vector<AddStep> add;
  std::vector<std::string> exclude;
  std::vector<std::string> exclude_tags;
  // Tags not to use on the knot's own area; the same techniques stay allowed on related
  // areas (the chest and armpit for a strained upper back).
  std::vector<std::string> keep_off_knot;
  std::optional<Scale> scale;
  std::optional<int> max_pressure;
  std::vector<std::string> advice;
  std::vector<std::string> cautions;
  std::optional<Referral> stop;   // withholds the routine
  std::optional<Referral> refer;  // the routine runs, and a professional should see it too
  std::vector<PhaseLimit> phase_limits;
  bool operator==(const RuleEffect&) const = default;
};

struct Rule {
  std::string id;
  std::string why;
  RuleCondition when;
  RuleEffect then;
  std::vector<std::string> sources;
  bool operator==(const Rule&) const = default;
};

// --- the whole knowledge base --------------------------------------------------------

struct KnowledgeBase {
  int schema_version = 1;
  std::string disclaimer;  // closes every routine: self-care guidance, not a diagnosis
  std::vector<Area> areas;
  std::vector<Stage> stages;  // ordered by max_hours, the open-ended stage last
  std::vector<Cause> causes;
  std::vector<Equipment> equipment;
  std::vector<RedFlag> red_flags;
  std::vector<Condition> conditions;
  std::vector<Technique> techniques;
  std::vector<Rule> rules;  // file order: it breaks priority ties
  bool operator==(const KnowledgeBase&) const = default;

  // Look-ups by exact id; nullptr when absent.
  const Area* find_area(const std::string& id) const;
  const Stage* find_stage(const std::string& id) const;
  const Cause* find_cause(const std::string& id) const;
  const Equipment* find_equipment(const std::string& id) const;
  const RedFlag* find_red_flag(const std::string& id) const;
  const Condition* find_condition(const std::string& id) const;
  const Technique* find_technique(const std::string& id) const;
};

}  // namespace knotplan

#endif  // KNOTPLAN_KNOWLEDGE_HPP_
