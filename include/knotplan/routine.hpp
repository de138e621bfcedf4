#ifndef KNOTPLAN_ROUTINE_HPP_
#define KNOTPLAN_ROUTINE_HPP_

#include <optional>
#include <string>
#include <vector>

#include "knotplan/knowledge.hpp"
#include "knotplan/request.hpp"

namespace knotplan {

// The plan a person follows: the model every renderer and the guide read.
// It mirrors the JSON contract of data/schema/routine.schema.json, and owns every text it holds, so
// that it outlives the knowledge base it came from.

// One reason to see someone: what to do, and the symptom or rule it comes from.
struct RoutineReason {
  Level level = Level::kDoctor;
  std::string message;
  std::string symptom;       // the symptom's id, or empty
  std::string symptom_name;  // how to name it to the person
  std::string rule;          // the rule's id when no symptom gave it
  bool operator==(const RoutineReason&) const = default;
};

// Whom to see: the most urgent level of its reasons, and every reason, most urgent first.
struct SeeAProfessional {
  Level level = Level::kDoctor;
  std::vector<RoutineReason> reasons;
};

// A line of the "stop and get help if" list that opens a routine.
struct WarningLine {
  Level level = Level::kEmergency;
  std::string text;
};

struct Step {
  int index = 0;  // 1-based
  Phase phase = Phase::kRelease;
  std::string technique;
  std::string name;
  std::string target;
  Side side = Side::kBoth;
  int start_seconds = 0;
  int seconds = 0;
  std::optional<PressureRange> pressure;
  std::optional<int> hold_seconds;
  std::optional<int> reps;
  std::optional<Beats> beats;  // for the guide only; not part of the JSON contract
  std::vector<std::string> tags;
  std::vector<std::string> equipment;  // what this step uses, substitutes resolved
  std::vector<std::string> instructions;
  std::vector<std::string> cues;
  // What to be careful of in this step, for its target: kept with the step so that the
  // routine's own cautions stay the few that matter most.
  std::vector<std::string> cautions;
  std::vector<std::string> because;  // rule ids: the ones that added it, then those that shaped it
  // The technique's drawing, for the sheets; not part of the JSON contract.
  std::optional<Pose> pose;
};

// A publication behind the routine, owned so that the routine outlives its knowledge base.
struct RoutineSource {
  std::string id;
  std::string authors;
  std::string title;
  std::optional<int> year;
  std::string publisher;
  std::optional<std::string> url;
  std::string kind;
};

// One fired rule and what it did, for --explain.
struct TraceEntry {
  std::string rule;
  std::string why;
  std::vector<std::string> effects;
};

// The session shape the planner composed to, for --explain: each phase's room and what
// it used, and whether each required kind of work made it in.
struct SessionPhase {
  Phase phase = Phase::kRelease;
  int min_seconds = 0;
  int max_seconds = 0;
  int seconds = 0;  // used
};

struct SessionRequirement {
  std::vector<std::string> tags;
  int from_minutes = 0;
  std::string why;
  bool applies = false;  // the budget reaches from_minutes
  bool met = false;
};

struct SessionPlan {
  std::string shape;  // empty for a withheld routine
  std::string why;
  std::vector<SessionPhase> phases;
  std::vector<SessionRequirement> requirements;
};

enum class Status { kOk, kWithheld };

struct Routine {
  Status status = Status::kOk;
  Request request;
  int total_seconds = 0;
  std::vector<Step> steps;
  std::string pressure_scale;  // what its 0-10 pressures mean; empty when no step presses
  // What to stop for and whom to call, before any step; empty when withheld.
  std::vector<WarningLine> watch_for;
  std::vector<std::string> advice;
  std::vector<std::string> cautions;  // the rules' cautions (conditions, pain), in rule order
  // A withheld routine's reasons say what to do now; a routine's, whom to see as well.
  std::optional<SeeAProfessional> see_a_professional;
  // Closes every routine: self-care guidance, not a diagnosis. Empty when withheld, as it
  // speaks of routines.
  std::string disclaimer;
  std::vector<std::string> rules_fired;
  std::vector<TraceEntry> trace;
  std::vector<std::string> planner_notes;  // candidates left out, and why
  // The facts from the history the plan used, then what each changed, in words (--explain):
  // "you rated ball-against-wall down on 2026-11-10", "ball-against-wall left out: ...".
  // Empty when planned without a history.
  std::vector<std::string> history_facts;
  SessionPlan session;
  // The sources of its steps' techniques, then of its session shape, each once.
  std::vector<RoutineSource> references;
  // Display names for ids, so that renderers need no knowledge base; area_name joins the
  // names of every requested area.
  std::string area_name;
  std::string stage_name;
  std::string cause_name;
};

}  // namespace knotplan

#endif  // KNOTPLAN_ROUTINE_HPP_
