#ifndef KNOTPLAN_KNOWLEDGE_HPP_
#define KNOTPLAN_KNOWLEDGE_HPP_

#include <algorithm>
#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "knotplan/pose.hpp"

namespace knotplan {

// The plain data model of a knowledge base (data/schema/knowledge.schema.json). It holds no logic
// beyond look-ups by id; the loader fills it and checks it, the rule engine and planner read it.
//
// The model views its texts and lists rather than owning them, so that the built-in
// knowledge base can be constant data compiled into the binary: a plan then builds
// nothing before it starts. A loaded knowledge base keeps what its views point into in
// its `storage` (knotplan/storage.hpp).

// A read-only run of model entries: a span that compares by its elements. It never
// owns them; construct it from a static array or from storage that outlives it.
template <typename T>
class List : public std::span<const T> {
 public:
  constexpr List() = default;
  template <std::size_t N>
  constexpr List(const T (&items)[N]) : std::span<const T>(items) {}
  constexpr explicit List(std::span<const T> items) : std::span<const T>(items) {}
  // A temporary vector would leave the list dangling.
  List(const std::vector<T>& items) : std::span<const T>(items) {}
  List(std::vector<T>&&) = delete;

  friend bool operator==(List a, List b) { return std::ranges::equal(a, b); }
};

// The order of the phases is the order of a routine.
enum class Phase { kWarmUp, kRelease, kStretch, kRecover };
const char* phase_id(Phase phase);
std::optional<Phase> phase_from_id(std::string_view id);

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

// A publication the knowledge base cites, so that a reader can follow any claim back to
// it. Techniques, rules, session shapes and warning signs name sources by id.
struct Source {
  std::string_view id;
  std::string_view authors;  // empty when an organisation is the author
  std::string_view title;
  std::optional<int> year;
  std::string_view publisher;  // the journal, organisation or site
  std::optional<std::string_view> url;
  std::string_view kind;  // one of kSourceKinds
  bool operator==(const Source&) const = default;
};

// The kinds of evidence a source can be, strongest first.
inline constexpr std::string_view kSourceKinds[] = {"guideline", "review",       "trial",
                                                    "textbook",  "practitioner", "web-article"};

// Every id-bearing entry shares these: a stable id, a human name and aliases.
struct Named {
  std::string_view id;
  std::string_view name;
  List<std::string_view> aliases;
  bool operator==(const Named&) const = default;
};

struct Area : Named {
  List<std::string_view> muscles;
  List<std::string_view> related;  // area ids where a cause may sit or the pain refers
  bool target_only = false;        // a place steps work on, not a place to ask about
  bool operator==(const Area&) const = default;
};

struct Stage : Named {
  std::optional<int> max_hours;  // absent on the last, open-ended stage
  std::string_view description;
  bool operator==(const Stage&) const = default;
};

struct Cause : Named {
  std::string_view description;
  bool operator==(const Cause&) const = default;
};

struct Equipment : Named {
  bool always_available = false;
  List<std::string_view> substitutes;  // equipment ids that can stand in for this one
  bool operator==(const Equipment&) const = default;
};

enum class Level { kPhysio, kDoctor, kEmergency };  // ordered by urgency
const char* level_id(Level level);
std::optional<Level> level_from_id(std::string_view id);

struct Condition : Named {
  std::string_view description;
  bool operator==(const Condition&) const = default;
};

// How a technique is done on one target other than its main area: instructions written
// for that place, and that place's own cautions (the armpit hollow, the front of the neck).
struct Placement {
  std::string_view target;
  List<std::string_view> instructions;  // replace the technique's own instructions
  List<std::string_view> cautions;      // replace the technique's own cautions
  bool operator==(const Placement&) const = default;
};

// Texts of a technique done one side at a time say directions with these marks, which a
// step replaces with "left" or "right": the side being worked, and the other one.
inline constexpr std::string_view kSideMark = "{side}";
inline constexpr std::string_view kOtherSideMark = "{other}";

// How a strengthening exercise moves on once the log shows it going well
// (history_facts.hpp): first more repetitions, then a harder exercise in its place. A
// technique named as `harder` is reached only this way: no rule adds it.
struct Progression {
  int add_reps = 0;                        // repetitions added to its usual number
  int max_reps = 0;                        // the most repetitions progression gives it
  std::optional<std::string_view> harder;  // the technique that takes its place next
  bool operator==(const Progression&) const = default;
};

struct Technique {
  std::string_view id;
  std::string_view name;
  Phase phase = Phase::kRelease;
  List<std::string_view> tags;
  List<std::string_view> areas;
  List<std::string_view> equipment;
  SecondsRange seconds;
  bool per_side = false;
  std::optional<PressureRange> pressure;
  std::optional<int> hold_seconds;  // with reps: a hold of this long, repeated
  std::optional<int> reps;
  std::optional<Beats> beats;
  List<std::string_view> instructions;
  List<std::string_view> cues;
  List<std::string_view> cautions;
  List<std::string_view> sources;
  // The first of `areas` is the main one, which `instructions` describe; every other area
  // has a placement, unless the technique is done the same way wherever it is aimed.
  bool same_on_every_area = false;
  List<Placement> placements;
  std::optional<std::string_view> group;  // techniques doing the same job share one
  // Advice given instead when a rule asks for the technique and the session has no room.
  std::optional<std::string_view> if_no_room;
  std::optional<Progression> progression;  // only on techniques done as hold x reps
  std::optional<Pose> pose;                // how it is drawn; absent draws nothing
  bool operator==(const Technique&) const = default;

  // The placement for `target`; nullptr on the main area or where none is written.
  const Placement* placement(std::string_view target) const {
    for (const Placement& placement : placements)
      if (placement.target == target) return &placement;
    return nullptr;
  }
};

// --- rules -------------------------------------------------------------------------

struct RuleCondition {
  List<std::string_view> areas;
  List<std::string_view> stages;
  List<std::string_view> causes;
  List<std::string_view> equipment;
  List<std::string_view> symptoms;
  List<std::string_view> conditions;
  std::optional<Bounds> pain;
  std::optional<Bounds> minutes;
  std::optional<Bounds> age;
  bool operator==(const RuleCondition&) const = default;
};

// --- symptoms and warning signs ------------------------------------------------------

// What knotplan does about a symptom the person reports: no routine and whom to see now,
// a routine plus a referral, or a routine plus a line of advice.
enum class SymptomAction { kWithhold, kRefer, kAdvise };
const char* symptom_action_id(SymptomAction action);
std::optional<SymptomAction> symptom_action_from_id(std::string_view id);

// One answer to a symptom, for the requests its condition holds for: a neck knot makes a
// fever an emergency, a pregnancy makes one numb leg one.
struct SymptomAnswer {
  RuleCondition when;
  SymptomAction action = SymptomAction::kWithhold;
  Level level = Level::kDoctor;  // whom to see; unused for advice
  std::string_view message;
  bool operator==(const SymptomAnswer&) const = default;
};

// Something a person can report in their own words. A warning sign has an answer that
// withholds the routine or refers; a symptom that is not one on its own (a plain headache
// with a neck knot) is answered with advice and the routine runs.
struct Symptom : Named {
  // Lower-case words and short phrases people type, matched as whole words (symptoms.hpp).
  List<std::string_view> phrases;
  // The yes/no screening question, asked for requests that `ask` holds for.
  std::optional<std::string_view> question;
  RuleCondition ask;
  List<SymptomAnswer> answers;  // the first whose condition holds; the last always does
  List<std::string_view> sources;
  bool operator==(const Symptom&) const = default;
};

// A line of the short "stop and get help if" list that opens every routine whose request
// `when` holds for and `unless` does not: in pregnancy one numb leg is an emergency, so the
// line that sends it to a doctor is not shown.
struct WatchLine {
  std::string_view id;
  Level level = Level::kEmergency;
  std::string_view text;
  RuleCondition when;
  std::optional<RuleCondition> unless;
  List<std::string_view> sources;
  bool operator==(const WatchLine&) const = default;
};

// A routine opens with at most this many warning lines, and the screening asks at most
// this many yes/no questions: more would not be read by someone in pain.
inline constexpr std::size_t kMaxWatchLines = 5;
inline constexpr std::size_t kMaxScreeningQuestions = 7;

struct AddStep {
  std::string_view technique;
  std::optional<std::string_view> target;  // the requested area when absent
  std::optional<Phase> phase;              // the technique's own phase when absent
  int priority = 50;
  std::optional<int> seconds;  // preferred seconds per side, kept within the technique's range
  bool operator==(const AddStep&) const = default;
};

struct Scale {
  double factor = 1.0;
  List<std::string_view> tags;  // only steps with one of these tags; all steps when empty
  bool operator==(const Scale&) const = default;
};

struct Referral {
  Level level = Level::kDoctor;
  std::string_view message;
  bool operator==(const Referral&) const = default;
};

struct PhaseLimit {
  Phase phase = Phase::kRelease;
  int max_techniques = 0;
  bool operator==(const PhaseLimit&) const = default;
};

struct RuleEffect {
  List<AddStep> add;
  List<std::string_view> exclude;
  List<std::string_view> exclude_tags;
  // Tags not to use on the knot's own area; the same techniques stay allowed on related
  // areas (the chest and armpit for a strained upper back).
  List<std::string_view> keep_off_knot;
  std::optional<Scale> scale;
  std::optional<int> max_pressure;
  List<std::string_view> advice;
  List<std::string_view> cautions;
  std::optional<Referral> stop;   // withholds the routine
  std::optional<Referral> refer;  // the routine runs, and a professional should see it too
  List<PhaseLimit> phase_limits;
  bool operator==(const RuleEffect&) const = default;
};

struct Rule {
  std::string_view id;
  std::string_view why;
  RuleCondition when;
  RuleEffect then;
  List<std::string_view> sources;
  bool operator==(const Rule&) const = default;
};

// --- the session model ---------------------------------------------------------------

// Limits on pressure work that hold in every session, whatever the rules ask for.
struct DoseLimits {
  List<std::string_view> pressure_tags;  // the tags that count as pressure work
  int pressure_seconds_per_session = 900;
  int pressure_seconds_per_target_side = 300;
  int held_point_seconds = 120;  // a step tagged "held" never runs longer on one side
  int release_techniques_per_target_side = 2;
  bool operator==(const DoseLimits&) const = default;
};

// A phase's share of the session's time, in percent of the budget.
struct PhaseShare {
  Phase phase = Phase::kRelease;
  int min_percent = 0;
  int max_percent = 100;
  bool operator==(const PhaseShare&) const = default;
};

// Work that must be in a session once the budget reaches `from_minutes`: a step with one
// of these tags.
struct Requirement {
  List<std::string_view> tags;
  int from_minutes = 0;
  std::string_view why;
  bool operator==(const Requirement&) const = default;
};

// The shape of a session for a kind of request, as a physiotherapist would lay it out:
// each phase's share, what must be there, and which work spare minutes go to.
struct SessionShape {
  std::string_view id;
  std::string_view why;
  RuleCondition when;  // the first shape whose condition holds is used
  List<PhaseShare> shares;
  List<Requirement> requirements;
  List<std::string_view> extra_time;  // tags, in the order spare time goes to them
  List<std::string_view> sources;
  bool operator==(const SessionShape&) const = default;
};

// --- the whole knowledge base --------------------------------------------------------

class Storage;

// The knowledge-base format this knotplan reads; 2 added the session model, 3 symptoms in
// people's own words and the warning lines.
inline constexpr int kKnowledgeSchemaVersion = 3;

struct KnowledgeBase {
  int schema_version = kKnowledgeSchemaVersion;
  std::string_view disclaimer;  // closes every routine: self-care guidance, not a diagnosis
  // What the 0-10 pressure of a step means, said once in every routine that presses.
  std::string_view pressure_scale;
  List<Source> sources;
  List<Area> areas;
  List<Stage> stages;  // ordered by max_hours, the open-ended stage last
  List<Cause> causes;
  List<Equipment> equipment;
  List<Symptom> symptoms;
  List<Condition> conditions;
  List<Technique> techniques;
  List<Rule> rules;  // file order: it breaks priority ties
  DoseLimits limits;
  List<SessionShape> sessions;  // the last one matches every request
  List<WatchLine> watch_for;    // most urgent first is how a routine shows them
  // Owns what the views above point into; empty for the built-in knowledge base.
  std::shared_ptr<const Storage> storage;

  // Equal content, wherever it is stored.
  bool operator==(const KnowledgeBase& other) const;

  // Look-ups by exact id; nullptr when absent.
  const Area* find_area(std::string_view id) const;
  const Stage* find_stage(std::string_view id) const;
  const Cause* find_cause(std::string_view id) const;
  const Equipment* find_equipment(std::string_view id) const;
  const Symptom* find_symptom(std::string_view id) const;
  const Condition* find_condition(std::string_view id) const;
  const Technique* find_technique(std::string_view id) const;
  const Source* find_source(std::string_view id) const;

  // The technique a person named, by its id or its name, in any case; nullptr when none.
  const Technique* technique_named(std::string_view typed) const;
};

}  // namespace knotplan

#endif  // KNOTPLAN_KNOWLEDGE_HPP_
