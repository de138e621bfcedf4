#include "knotplan/planner.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "knotplan/error.hpp"
#include "list_search.hpp"
#include "session_ledger.hpp"

namespace knotplan {

namespace {

// Untimed-by-reps steps grow in blocks of this many seconds, so that a routine reads 1:30
// rather than 1:27.
constexpr int kGrowthSeconds = 5;

// A technique the person rated up comes before others the rules rank up to this much
// higher: their liking decides between near equals, never against a rule's strong choice.
constexpr int kRatedUpPriority = 15;

std::vector<std::string> copies(List<std::string_view> texts) {
  return {texts.begin(), texts.end()};
}

// Empty reasons give no one to see.
std::optional<SeeAProfessional> see_a_professional(const std::vector<ProfessionalReason>& reasons) {
  if (reasons.empty()) return std::nullopt;
  SeeAProfessional result{reasons.front().level, {}};  // they come most urgent first
  for (const ProfessionalReason& reason : reasons) {
    RoutineReason& copy = result.reasons.emplace_back();
    copy.level = reason.level;
    copy.message = reason.message;
    copy.rule = reason.rule;
    if (reason.symptom != nullptr) {
      copy.symptom = reason.symptom->id;
      copy.symptom_name = reason.symptom->name;
    }
  }
  return result;
}

// One technique on one target, merged from every rule that asked for it. Lengths are in
// "units": seconds per side, or repetitions of the hold for a technique done as hold x reps.
struct Pick {
  const Technique* technique = nullptr;
  std::string_view target;  // a requested area, or one related to it
  std::string_view knot;    // the requested area it serves
  Phase phase = Phase::kRelease;
  int priority = 0;
  std::optional<int> preferred_seconds;
  std::size_t id = 0;  // its place in merge order, which names it in Planner::reasons_
  int sides = 1;
  int per_unit = 1;      // seconds per unit: the hold of a held stretch, else 1
  int growth_units = 1;  // how many units to add at a time when time is spare
  int min_units = 0;
  int usual_units = 0;
  int max_units = 0;
  int units = 0;  // chosen
  bool chosen = false;
  bool pressure = false;
  const Technique* replaced = nullptr;  // the easier technique a harder variant stands for
  int reps_before_progression = 0;      // its usual repetitions, when progression added some
  std::string kept_easier_because;      // why the log's harder variant could not stand in

  int cost(int at_units) const { return at_units * per_unit * sides; }
  StepCost step_cost(int at_units) const {
    return {.phase = phase,
            .target = target,
            .seconds = cost(at_units),
            .seconds_per_side = at_units * per_unit,
            .pressure = pressure,
            .release_technique = technique->phase == Phase::kRelease,
            .group = technique->group};
  }
};

// A pick's key. Pressing and rolling is aimed at one target, so the same technique may
// serve two targets; any other work (a stretch, a walk, a heat pack) is done once per
// session, however many knots asked for it.
using PickKey = std::pair<std::string_view, std::string_view>;  // technique, target or ""

struct PickKeyHash {
  std::size_t operator()(const PickKey& key) const {
    const std::hash<std::string_view> hash;
    return hash(key.first) * 31 + hash(key.second);
  }
};

// "{side}" and "{other}" in a one-sided step's texts, said for the side it works.
std::string with_sides(std::string_view text, Side side) {
  std::string result(text);
  if (side == Side::kBoth) return result;
  const std::string_view worked = side_id(side);
  const std::string_view other = side_id(side == Side::kLeft ? Side::kRight : Side::kLeft);
  for (const auto& [mark, word] : {std::pair{kSideMark, worked}, std::pair{kOtherSideMark, other}})
    for (std::size_t at = result.find(mark); at != std::string::npos;
         at = result.find(mark, at + word.size()))
      result.replace(at, mark.size(), word);
  return result;
}

std::vector<std::string> with_sides(List<std::string_view> texts, Side side) {
  std::vector<std::string> result;
  result.reserve(texts.size());
  for (const std::string_view text : texts) result.push_back(with_sides(text, side));
  return result;
}

class Planner {
 public:
  Planner(const KnowledgeBase& kb, const Request& request, Decisions decisions)
      : kb_(kb),
        request_(request),
        decisions_(std::move(decisions)),
        ledger_(kb.limits, request.minutes * 60) {
    // An index of the techniques the rules asked for keeps planning linear in the size of
    // the knowledge base, and costs nothing for the ones no rule named.
    for (const Candidate& candidate : decisions_.candidates)
      techniques_.emplace(candidate.add.technique, nullptr);
    for (const Technique& technique : kb.techniques)
      if (const auto found = techniques_.find(technique.id);
          found != techniques_.end() && found->second == nullptr)
        found->second = &technique;
  }

  // Composes the session as a physiotherapist lays one out: choose the shape for this
  // request, put in the work it requires, fill each phase within its share in priority
  // order, then give spare time to the kinds of work the shape names, never to pressing.
  Routine run() {
    Routine routine;
    routine.request = request_;
    routine.rules_fired = std::move(decisions_.rules_fired);
    routine.trace = std::move(decisions_.trace);
    name_request(routine);
    // Someone who must get help now reads only that: no routine, and nothing about one.
    if (!decisions_.stops.empty()) {
      routine.status = Status::kWithheld;
      routine.see_a_professional = see_a_professional(decisions_.stops);
      return routine;
    }
    for (const WatchLine* line : decisions_.watch_for)
      routine.watch_for.push_back({line->level, std::string(line->text)});
    routine.cautions = std::move(decisions_.cautions);
    routine.advice = std::move(decisions_.advice);
    routine.see_a_professional = see_a_professional(decisions_.referrals);
    refer_when_not_improving(routine.see_a_professional);
    shape_ = choose_shape();
    std::vector<Pick> picks = merge_candidates();
    picks.erase(
        std::remove_if(picks.begin(), picks.end(), [&](const Pick& pick) { return !usable(pick); }),
        picks.end());
    leave_out_rated_down(picks);
    for (Pick& pick : picks) set_lengths(pick);
    put_in_requirements(picks, routine.session);
    fill_phases(picks, /*keep_minimums=*/true);
    grow_to_minimum_shares(picks);
    fill_phases(picks, /*keep_minimums=*/false);
    take_one_step_at_least(picks);
    give_extra_time(picks);
    advise_what_did_not_fit(picks, routine.advice);
    emit_steps(picks, routine);
    if (std::any_of(routine.steps.begin(), routine.steps.end(),
                    [](const Step& step) { return step.pressure.has_value(); }))
      routine.pressure_scale = kb_.pressure_scale;
    routine.disclaimer = kb_.disclaimer;
    describe_session(routine.session);
    routine.references = references(picks);
    routine.planner_notes = std::move(notes_);
    if (request_.history) {
      routine.history_facts = request_.history->sentences;
      for (const std::string& note : history_notes_) append_unique(routine.history_facts, note);
    }
    return routine;
  }

 private:
  void name_request(Routine& routine) const {
    std::vector<std::string_view> names;
    for (const std::string& id : request_.areas)
      if (const Area* area = kb_.find_area(id)) names.push_back(area->name);
    routine.area_name = join_names(names);
    if (const Stage* stage = kb_.find_stage(request_.stage)) routine.stage_name = stage->name;
    if (const Cause* cause = kb_.find_cause(request_.cause)) routine.cause_name = cause->name;
  }

  // "Neck", "Neck and upper back", "Neck, upper back and lower back": names after the
  // first continue a sentence.
  static std::string join_names(const std::vector<std::string_view>& names) {
    std::string joined;
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (i > 0) joined += i + 1 == names.size() ? " and " : ", ";
      const std::size_t start = joined.size();
      joined += names[i];
      if (i > 0 && std::isupper(static_cast<unsigned char>(joined[start])))
        joined[start] = static_cast<char>(std::tolower(static_cast<unsigned char>(joined[start])));
    }
    return joined;
  }

  // Two weeks of regular sessions that left a knot no better: a physiotherapist should
  // look at it. The least urgent level, so it goes after the rules' reasons. It takes the
  // place of the rules' own referrals to a physiotherapist ("if it is no better after two
  // weeks..."): the log has answered them, and two referrals to the same person read as
  // repetition. A doctor's or an emergency's reason stays.
  void refer_when_not_improving(std::optional<SeeAProfessional>& see) const {
    if (!request_.history) return;
    for (const AreaHistoryFacts& area : request_.history->areas) {
      if (!area.not_improving) continue;
      if (see)
        std::erase_if(see->reasons, [](const RoutineReason& reason) {
          return reason.level == Level::kPhysio && reason.rule != "history";
        });
      std::string place = area.area;
      if (const Area* known = kb_.find_area(area.area)) place = std::string(known->name);
      std::transform(place.begin(), place.end(), place.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      RoutineReason reason;
      reason.level = Level::kPhysio;
      reason.rule = "history";
      reason.message = fmt::format(
          "Your {} knot is no better after two weeks of regular sessions: your pain after them "
          "was {} out of 10 at the start of those two weeks and is {} now. A physiotherapist can "
          "find what keeps it going and adjust what you do; keep doing the routine gently until "
          "then.",
          place, pain_text(*area.pain_then), pain_text(*area.pain_now));
      if (!see) see = SeeAProfessional{Level::kPhysio, {}};
      see->reasons.push_back(std::move(reason));
    }
  }

  // Whether `other` can stand in for `technique` on the same target: the same group, or
  // the same phase and a tag in common.
  static bool equivalent(const Pick& pick, const Pick& other) {
    const Technique& a = *pick.technique;
    const Technique& b = *other.technique;
    if (a.id == b.id || pick.target != other.target) return false;
    if (a.group && b.group && *a.group == *b.group) return true;
    return pick.phase == other.phase && std::any_of(a.tags.begin(), a.tags.end(), [&](auto tag) {
             return contains(b.tags, tag);
           });
  }

  bool rated(const Technique& technique, Rating rating) const {
    return request_.history && request_.history->rating_of(technique.id) == rating;
  }

  // A technique rated down gives way to a usable one that does its job and was not rated
  // down; with none, it stays, and the history notes say so.
  void leave_out_rated_down(std::vector<Pick>& picks) {
    if (!request_.history) return;
    std::vector<bool> drop(picks.size(), false);
    for (std::size_t i = 0; i < picks.size(); ++i) {
      const Pick& pick = picks[i];
      if (!rated(*pick.technique, Rating::kDown)) continue;
      const auto stand_in = std::find_if(picks.begin(), picks.end(), [&](const Pick& other) {
        return !rated(*other.technique, Rating::kDown) && equivalent(pick, other);
      });
      if (stand_in != picks.end()) {
        drop[i] = true;
        history_note("{} left out: you rated it down, and {} does the same job on the {}",
                     pick.technique->id, stand_in->technique->id, pick.target);
      } else {
        history_note(
            "{} kept though you rated it down: nothing else in this session does its "
            "job on the {}",
            pick.technique->id, pick.target);
      }
    }
    std::size_t at = 0;
    picks.erase(std::remove_if(picks.begin(), picks.end(), [&](const Pick&) { return drop[at++]; }),
                picks.end());
  }

  // The progression the history asks for on the knot a pick serves.
  ProgressionStep progression_for(const Pick& pick) const {
    if (!request_.history || !pick.technique->progression) return ProgressionStep::kNone;
    const AreaHistoryFacts* area = request_.history->find_area(pick.knot);
    return area == nullptr ? ProgressionStep::kNone : area->progression;
  }

  // The harder variant of a pick's technique, when the history asks for it and the
  // person can do it here: written for the target, not excluded or rated down, with the
  // equipment at hand. When it cannot stand in, `kept_because` says why; --explain tells it
  // only for a technique the routine keeps.
  const Technique* harder_variant(const Pick& pick, std::string& kept_because) const {
    if (progression_for(pick) != ProgressionStep::kHarderVariant) return nullptr;
    const std::optional<std::string_view> id = pick.technique->progression->harder;
    if (!id) return nullptr;
    const Technique* harder = kb_.find_technique(*id);
    if (harder == nullptr) return nullptr;
    std::string why;
    if (!contains(harder->areas, pick.target)) {
      why = fmt::format("it is not done on the {}", pick.target);
    } else if (decisions_.excluded_techniques.count(harder->id) != 0 ||
               std::any_of(harder->tags.begin(), harder->tags.end(),
                           [&](auto tag) { return decisions_.excluded_tags.count(tag) != 0; })) {
      why = "a rule rules it out for this request";
    } else if (rated(*harder, Rating::kDown)) {
      why = "you rated it down";
    } else {
      for (const std::string_view needed : harder->equipment)
        if (!available(needed)) why = fmt::format("it needs {}", needed);
    }
    if (!why.empty()) {
      kept_because = fmt::format("{} stays instead of its harder variant {}: {}",
                                 pick.technique->id, harder->id, why);
      return nullptr;
    }
    return harder;
  }

  // The first shape whose condition holds; the loader makes sure the last one always does.
  const SessionShape* choose_shape() const {
    for (const SessionShape& shape : kb_.sessions)
      if (rule_matches(shape.when, request_)) return &shape;
    return nullptr;
  }

  // The room a phase has in this session, in seconds; none where the shape gives it none.
  std::pair<int, int> phase_bounds(Phase phase) const {
    const int budget = request_.minutes * 60;
    if (shape_ != nullptr)
      for (const PhaseShare& share : shape_->shares)
        if (share.phase == phase)
          return {budget * share.min_percent / 100, budget * share.max_percent / 100};
    return {0, shape_ == nullptr ? budget : 0};
  }

  int phase_room(Phase phase) const { return phase_bounds(phase).second - ledger_.used_in(phase); }

  // Candidates highest priority first, ties in file order (the order rules add them).
  // Priorities are few (0-100), so bucketing by them keeps this linear.
  std::vector<const Candidate*> by_priority() const {
    std::map<int, std::vector<const Candidate*>, std::greater<>> buckets;
    for (const Candidate& candidate : decisions_.candidates)
      buckets[priority_of(candidate)].push_back(&candidate);
    std::vector<const Candidate*> ordered;
    ordered.reserve(decisions_.candidates.size());
    for (const auto& [priority, bucket] : buckets)
      ordered.insert(ordered.end(), bucket.begin(), bucket.end());
    return ordered;
  }

  int priority_of(const Candidate& candidate) const {
    if (!request_.history || request_.history->rating_of(candidate.add.technique) != Rating::kUp)
      return candidate.add.priority;
    return candidate.add.priority + kRatedUpPriority;
  }

  // One pick per technique and target for release work, per technique for the rest, in
  // priority order.
  std::vector<Pick> merge_candidates() {
    std::vector<Pick> picks;
    picks.reserve(decisions_.candidates.size());
    std::unordered_map<PickKey, std::size_t, PickKeyHash> index;
    index.reserve(decisions_.candidates.size());
    for (const Candidate* next : by_priority()) {
      const Candidate& candidate = *next;
      const Technique* technique = techniques_.at(candidate.add.technique);
      if (technique == nullptr) continue;  // the loader rejects this; a hand-built KB may not
      const std::string_view target = *candidate.add.target;  // rules always aim a candidate
      const Technique* replaced = nullptr;
      std::string kept_easier_because;
      if (request_.history && technique->progression) {
        Pick probe;
        probe.technique = technique;
        probe.target = target;
        probe.knot = candidate.knot;
        if (const Technique* harder = harder_variant(probe, kept_easier_because)) {
          replaced = technique;
          technique = harder;
        }
      }
      // Before merging, whatever depends on the target: a stretch asked for on two knots
      // must land on one it suits and may be used on.
      if (!usable_on(*technique, target)) continue;
      const Phase phase = candidate.add.phase.value_or(technique->phase);
      const PickKey key{technique->id, phase == Phase::kRelease ? target : std::string_view()};
      const auto [at, added] = index.emplace(key, picks.size());
      if (!added) {
        reasons_.emplace_back(at->second, candidate.rule);
        continue;
      }
      Pick pick;
      pick.technique = technique;
      pick.replaced = replaced;
      pick.kept_easier_because = std::move(kept_easier_because);
      pick.target = target;
      pick.knot = candidate.knot;
      pick.phase = phase;
      pick.priority = priority_of(candidate);
      pick.preferred_seconds = candidate.add.seconds;
      pick.id = picks.size();
      pick.pressure = std::any_of(technique->tags.begin(), technique->tags.end(), [&](auto tag) {
        return contains(kb_.limits.pressure_tags, tag);
      });
      reasons_.emplace_back(pick.id, candidate.rule);
      picks.push_back(std::move(pick));
    }
    return picks;
  }

  bool is_knot(std::string_view area) const { return contains(request_.areas, area); }

  // A knot's own area, or one the knowledge base lists as related to a knot.
  bool in_scope(std::string_view target) const {
    if (is_knot(target)) return true;
    return std::any_of(request_.areas.begin(), request_.areas.end(), [&](const std::string& id) {
      const Area* area = kb_.find_area(id);
      return area != nullptr && contains(area->related, target);
    });
  }

  // Whether the technique is written for the target, the target is a knot or related to
  // one, and no rule keeps it off the knot; notes why not.
  bool usable_on(const Technique& technique, std::string_view target) {
    const std::string_view id = technique.id;
    if (!contains(technique.areas, target)) {
      note("{}: not used on {}", id, target);
      return false;
    }
    if (!in_scope(target)) {
      note("{}: {} is not related to the knot", id, target);
      return false;
    }
    if (!is_knot(target)) return true;
    for (const std::string_view tag : technique.tags) {
      if (const auto found = decisions_.kept_off_knot.find(tag);
          found != decisions_.kept_off_knot.end()) {
        note("{}: {} kept off the knot by {}", id, tag, fmt::join(found->second, ", "));
        return false;
      }
    }
    return true;
  }

  // Whether the person can do it here and no rule ruled it out; notes why not.
  bool usable(const Pick& pick) {
    const Technique& technique = *pick.technique;
    const std::string_view id = technique.id;
    if (const auto found = decisions_.excluded_techniques.find(id);
        found != decisions_.excluded_techniques.end()) {
      note("{}: excluded by {}", id, fmt::join(found->second, ", "));
      return false;
    }
    for (const std::string_view tag : technique.tags) {
      if (const auto found = decisions_.excluded_tags.find(tag);
          found != decisions_.excluded_tags.end()) {
        note("{}: {} excluded by {}", id, tag, fmt::join(found->second, ", "));
        return false;
      }
    }
    for (const std::string_view needed : technique.equipment) {
      if (!available(needed)) {
        note("{}: needs {}", id, needed);
        return false;
      }
    }
    return true;
  }

  // The item that serves for `needed`: itself when at hand, else a substitute the
  // person has.
  std::optional<std::string_view> available(std::string_view needed) const {
    const Equipment* item = kb_.find_equipment(needed);
    if (item != nullptr && item->always_available) return needed;
    if (contains(request_.equipment, needed)) return needed;
    if (item != nullptr)
      for (const std::string_view substitute : item->substitutes)
        if (contains(request_.equipment, substitute)) return substitute;
    return std::nullopt;
  }

  // The factors of the scales that apply to this technique; names their rules as reasons.
  std::vector<double> scale_factors(const Pick& pick) {
    std::vector<double> factors;
    for (const ScaleDecision& decision : decisions_.scales) {
      const auto& tags = decision.scale.tags;
      const bool applies = tags.empty() || std::any_of(tags.begin(), tags.end(), [&](auto& tag) {
                             return contains(pick.technique->tags, tag);
                           });
      if (!applies) continue;
      factors.push_back(decision.scale.factor);
      reasons_.emplace_back(pick.id, decision.rule);
    }
    return factors;
  }

  void set_lengths(Pick& pick) {
    const Technique& technique = *pick.technique;
    SecondsRange range = technique.seconds;
    if (contains(technique.tags, "held")) {  // one point held still: never past the limit
      range.max = std::min(range.max, kb_.limits.held_point_seconds);
      range.usual = std::min(range.usual, range.max);
      range.min = std::min(range.min, range.max);
    }
    pick.sides = technique.per_side && request_.side == Side::kBoth ? 2 : 1;
    const int wanted = pick.preferred_seconds.value_or(range.usual);
    const std::vector<double> factors = scale_factors(pick);
    if (technique.reps) {
      // A held stretch keeps its hold (scaled: older adults hold longer) and grows by
      // repetitions, as stretching guidance asks (hold 10-30 s, repeat 2-4 times).
      // The repetitions the knowledge base intends come from its own hold; a scaled hold
      // then changes how long each one is, within the technique's longest.
      const int hold = *technique.hold_seconds;
      double scaled = hold;
      for (const double factor : factors) scaled *= factor;
      pick.per_unit = std::clamp(static_cast<int>(std::lround(scaled)), 1, range.max);
      pick.growth_units = 1;
      pick.max_units = std::max(1, range.max / pick.per_unit);
      pick.min_units = std::clamp((range.min + hold - 1) / hold, 1, pick.max_units);
      pick.usual_units =
          std::clamp(static_cast<int>(std::lround(static_cast<double>(wanted) / hold)),
                     pick.min_units, pick.max_units);
      if (progression_for(pick) == ProgressionStep::kMoreRepetitions) add_repetitions(pick);
      return;
    }
    double usual = wanted;
    double least = range.min;
    for (const double factor : factors) {
      usual *= factor;
      least *= factor;
    }
    auto clamp = [&](double seconds) {
      return std::clamp(static_cast<int>(std::lround(seconds)), range.min, range.max);
    };
    pick.per_unit = 1;
    pick.growth_units = kGrowthSeconds;
    pick.min_units = clamp(least);
    pick.max_units = range.max;
    pick.usual_units = std::max(pick.min_units, clamp(usual));
  }

  // More repetitions of a strengthening exercise that is going well: its progression's
  // step, up to its own most and to what the technique's longest time holds.
  void add_repetitions(Pick& pick) {
    const Progression& progression = *pick.technique->progression;
    const int most = std::min(progression.max_reps, pick.max_units);
    const int more = std::min(pick.usual_units + progression.add_reps, most);
    if (more <= pick.usual_units) return;
    pick.reps_before_progression = pick.usual_units;
    pick.usual_units = more;
  }

  bool phase_is_full(const Pick& pick) const {
    const auto limit = decisions_.phase_limits.find(pick.phase);
    if (limit == decisions_.phase_limits.end()) return false;
    const auto chosen = chosen_in_.find(pick.phase);
    return (chosen == chosen_in_.end() ? 0 : chosen->second) >= limit->second;
  }

  // Takes the pick at its usual length if that fits `room`, else at its shortest.
  bool try_choose(Pick& pick, int room) {
    for (const int units : {pick.usual_units, pick.min_units}) {
      if (!ledger_.fits(pick.step_cost(units), room)) continue;
      pick.units = units;
      pick.chosen = true;
      ledger_.add(pick.step_cost(units));
      ++chosen_in_[pick.phase];
      per_knot_[pick.knot] += pick.cost(units);
      return true;
    }
    return false;
  }

  // The shape's must-haves first, each by the highest-priority step that can serve it,
  // at its usual length where the budget allows: the rest of the session fits around them.
  void put_in_requirements(std::vector<Pick>& picks, SessionPlan& session) {
    if (shape_ == nullptr) return;
    for (const Requirement& requirement : shape_->requirements) {
      SessionRequirement& record = session.requirements.emplace_back();
      record.tags = copies(requirement.tags);
      record.from_minutes = requirement.from_minutes;
      record.why = requirement.why;
      record.applies = request_.minutes >= requirement.from_minutes;
      if (!record.applies) continue;
      const auto serves = [&](const Pick& pick) {
        return std::any_of(requirement.tags.begin(), requirement.tags.end(),
                           [&](auto tag) { return contains(pick.technique->tags, tag); });
      };
      record.met = std::any_of(picks.begin(), picks.end(),
                               [&](const Pick& pick) { return pick.chosen && serves(pick); });
      for (Pick& pick : picks) {
        if (record.met) break;
        if (pick.chosen || !serves(pick) || phase_is_full(pick)) continue;
        record.met = try_choose(pick, ledger_.spare());
      }
      if (!record.met)
        note("requirement {} from {} min: no usable step fits", fmt::join(requirement.tags, "/"),
             requirement.from_minutes);
    }
  }

  // With several knots, each may take its part of the budget before any takes more.
  int fair_share() const { return request_.minutes * 60 / static_cast<int>(request_.areas.size()); }

  // What the phases other than `phase` still need to reach their minimum shares.
  int reserved_for_others(Phase phase) const {
    if (shape_ == nullptr) return 0;
    int reserved = 0;
    for (const PhaseShare& share : shape_->shares)
      if (share.phase != phase)
        reserved += std::max(0, phase_bounds(share.phase).first - ledger_.used_in(share.phase));
    return reserved;
  }

  // In priority order, each pick that fits its phase's share. The first pass takes only
  // what leaves the other phases room to reach their minimum shares, so that no phase is
  // starved by another; the second fills what is left.
  void fill_phases(std::vector<Pick>& picks, bool keep_minimums) {
    for (Pick& pick : picks) {
      if (pick.chosen) continue;
      if (phase_is_full(pick)) {
        if (!keep_minimums)
          note("{}: no room in the {} phase", pick.technique->id, phase_id(pick.phase));
        continue;
      }
      int room = phase_room(pick.phase);
      if (keep_minimums) {
        room = std::min(room, ledger_.spare() - reserved_for_others(pick.phase));
        room = std::min(room, fair_share() - per_knot_[pick.knot]);
      }
      if (!try_choose(pick, room) && !keep_minimums)
        note("{}: no time left within the {} phase or the dose limits", pick.technique->id,
             phase_id(pick.phase));
    }
  }

  // A budget too short for any phase's share (a minute or two) still gets the most
  // important step that fits it whole.
  void take_one_step_at_least(std::vector<Pick>& picks) {
    if (std::any_of(picks.begin(), picks.end(), [](const Pick& pick) { return pick.chosen; }))
      return;
    for (Pick& pick : picks)
      if (!phase_is_full(pick) && try_choose(pick, ledger_.spare())) return;
  }

  // Lengthens chosen steps that `wants` a block at a time, round-robin, each up to its
  // longest and its phase up to `phase_cap`; pressure work never grows.
  template <typename Wants, typename PhaseCap>
  void lengthen(std::vector<Pick>& picks, Wants wants, PhaseCap phase_cap) {
    bool grew = true;
    while (grew) {
      grew = false;
      for (Pick& pick : picks) {
        if (!pick.chosen || pick.pressure || pick.units >= pick.max_units || !wants(pick)) continue;
        const int next = std::min(pick.max_units, pick.units + pick.growth_units);
        const int extra = pick.cost(next) - pick.cost(pick.units);
        const int extra_per_side = (next - pick.units) * pick.per_unit;
        const int room = phase_cap(pick.phase) - ledger_.used_in(pick.phase);
        if (!ledger_.can_grow(pick.step_cost(pick.units), extra, extra_per_side, room)) continue;
        ledger_.grow(pick.step_cost(pick.units), extra, extra_per_side);
        pick.units = next;
        grew = true;
      }
    }
  }

  // A phase still short of its minimum share (strengthening in a chronic session, where
  // each exercise was taken at its usual set) grows its own steps before other phases
  // fill up.
  void grow_to_minimum_shares(std::vector<Pick>& picks) {
    lengthen(
        picks, [](const Pick&) { return true; },
        [&](Phase phase) { return phase_bounds(phase).first; });
  }

  // Spare time goes to the kinds of work the shape names, in its order.
  void give_extra_time(std::vector<Pick>& picks) {
    if (shape_ == nullptr) return;
    for (const std::string_view tag : shape_->extra_time)
      lengthen(
          picks, [&](const Pick& pick) { return contains(pick.technique->tags, tag); },
          [&](Phase phase) { return phase_bounds(phase).second; });
  }

  // A heat pack that needs more time than the session has is still worth using: say how,
  // before or after the routine. One word per job, for the first such technique.
  void advise_what_did_not_fit(const std::vector<Pick>& picks,
                               std::vector<std::string>& advice) const {
    std::vector<std::string_view> jobs_done;
    for (const Pick& pick : picks)
      if (pick.chosen && pick.technique->group) jobs_done.push_back(*pick.technique->group);
    for (const Pick& pick : picks) {
      const Technique& technique = *pick.technique;
      if (pick.chosen || !technique.if_no_room) continue;
      if (technique.group) {
        if (contains(jobs_done, *technique.group)) continue;
        jobs_done.push_back(*technique.group);
      }
      append_unique(advice, *technique.if_no_room);
    }
  }

  // The sources of the chosen techniques, then the shape's: what a reader checks a step
  // against. The rules' own sources are one 'knotplan sources' away; on a printed sheet
  // they would outnumber the steps.
  std::vector<RoutineSource> references(const std::vector<Pick>& picks) const {
    std::vector<std::string_view> cited;
    for (const Pick& pick : picks)
      if (pick.chosen)
        cited.insert(cited.end(), pick.technique->sources.begin(), pick.technique->sources.end());
    if (shape_ != nullptr)
      cited.insert(cited.end(), shape_->sources.begin(), shape_->sources.end());
    std::unordered_map<std::string_view, const Source*> known;
    known.reserve(kb_.sources.size());
    for (const Source& source : kb_.sources) known.emplace(source.id, &source);
    std::vector<RoutineSource> result;
    std::unordered_set<std::string_view> seen;
    for (const std::string_view id : cited) {
      const auto found = known.find(id);
      if (found == known.end() || !seen.insert(id).second) continue;
      const Source& source = *found->second;
      result.push_back({std::string(source.id), std::string(source.authors),
                        std::string(source.title), source.year, std::string(source.publisher),
                        source.url ? std::optional<std::string>(*source.url) : std::nullopt,
                        std::string(source.kind)});
    }
    return result;
  }

  void describe_session(SessionPlan& session) const {
    if (shape_ == nullptr) return;
    session.shape = shape_->id;
    session.why = shape_->why;
    for (const PhaseShare& share : shape_->shares) {
      const auto [least, most] = phase_bounds(share.phase);
      session.phases.push_back({share.phase, least, most, ledger_.used_in(share.phase)});
    }
  }

  // Whether the rules' cap lowers the technique's pressure: then they are among its reasons.
  bool pressure_capped(const Technique& technique) const {
    return technique.pressure && decisions_.max_pressure &&
           technique.pressure->max > *decisions_.max_pressure;
  }

  std::optional<PressureRange> pressure_for(const Technique& technique) const {
    if (!technique.pressure) return std::nullopt;
    PressureRange pressure = *technique.pressure;
    if (pressure_capped(technique)) {
      pressure.max = *decisions_.max_pressure;
      pressure.min = std::min(pressure.min, pressure.max);
    }
    return pressure;
  }

  void emit_steps(std::vector<Pick>& picks, Routine& routine) {
    std::vector<const Pick*> chosen;
    for (const Pick& pick : picks) {
      if (!pick.chosen) continue;
      chosen.push_back(&pick);
      if (!pick.kept_easier_because.empty()) history_note("{}", pick.kept_easier_because);
    }
    // Picks are already in priority order; a stable sort by phase keeps it within a phase.
    std::stable_sort(chosen.begin(), chosen.end(),
                     [](const Pick* a, const Pick* b) { return a->phase < b->phase; });
    int clock = 0;
    for (const Pick* pick : chosen) {
      const Technique& technique = *pick->technique;
      // A placement's words and cautions are that place's: the front of the neck has
      // nothing to do with a ball on the hips.
      const Placement* placement = technique.placement(pick->target);
      const List<std::string_view> instructions =
          placement != nullptr ? placement->instructions : technique.instructions;
      const List<std::string_view> cautions =
          placement != nullptr ? placement->cautions : technique.cautions;
      std::vector<Side> sides;
      if (!technique.per_side) {
        sides = {Side::kBoth};
      } else if (request_.side == Side::kBoth) {
        sides = {Side::kLeft, Side::kRight};
      } else {
        sides = {request_.side};
      }
      if (rated(technique, Rating::kUp))
        history_notes_.push_back(fmt::format(
            "{} kept: you rated it up, so it comes before others of near rank", technique.id));
      if (pick->reps_before_progression > 0)
        history_notes_.push_back(
            pick->units > pick->reps_before_progression
                ? fmt::format("{}: usual repetitions raised from {} to {}, as the pain has "
                              "been falling",
                              technique.id, pick->reps_before_progression, pick->usual_units)
                : fmt::format("{}: more repetitions were due, but this session has no room "
                              "for them",
                              technique.id));
      if (pick->replaced != nullptr)
        history_notes_.push_back(
            fmt::format("{} in place of {}: two weeks of falling pain, so the exercise moves on",
                        technique.id, pick->replaced->id));
      // The same for each side: worked out once, as a pick may have thousands of reasons.
      const std::vector<std::string> reasons = because(*pick);
      const std::optional<PressureRange> pressure = pressure_for(technique);
      for (const Side side : sides) {
        Step step;
        step.index = static_cast<int>(routine.steps.size()) + 1;
        step.phase = pick->phase;
        step.technique = technique.id;
        step.name = technique.name;
        step.target = pick->target;
        step.side = side;
        step.start_seconds = clock;
        step.seconds = pick->units * pick->per_unit;
        step.because = reasons;
        step.pressure = pressure;
        if (technique.reps) {
          step.hold_seconds = pick->per_unit;
          step.reps = pick->units;
        }
        step.beats = technique.beats;
        step.pose = technique.pose;
        step.tags = copies(technique.tags);
        for (const std::string_view needed : technique.equipment)
          step.equipment.emplace_back(*available(needed));  // usable() made sure
        step.instructions = with_sides(instructions, side);
        step.cues = with_sides(technique.cues, side);
        step.cautions = copies(cautions);
        clock += step.seconds;
        routine.steps.push_back(std::move(step));
      }
    }
    routine.total_seconds = clock;
  }

  // What the history changed, said with the facts (Routine::history_facts).
  template <typename... Args>
  void history_note(fmt::format_string<Args...> format, Args&&... args) {
    history_notes_.push_back(fmt::format(format, std::forward<Args>(args)...));
  }

  // Why a candidate was left out, for --explain only.
  template <typename... Args>
  void note(fmt::format_string<Args...> format, Args&&... args) {
    if (request_.explain) notes_.push_back(fmt::format(format, std::forward<Args>(args)...));
  }

  // The rules behind a pick, in the order they asked for it or shaped it, then those that
  // capped its pressure; each once. The ids are views of the knowledge base and of the
  // decisions, which outlive this.
  std::vector<std::string> because(const Pick& pick) const {
    std::vector<std::string> rules;
    SeenTexts said;
    for (const auto& [id, rule] : reasons_)
      if (id == pick.id) append_unique(rules, said, rule);
    if (pressure_capped(*pick.technique))
      for (const std::string& rule : decisions_.max_pressure_rules)
        append_unique(rules, said, rule);
    return rules;
  }

  const KnowledgeBase& kb_;
  const Request& request_;
  Decisions decisions_;
  SessionLedger ledger_;
  const SessionShape* shape_ = nullptr;
  std::map<Phase, int> chosen_in_;            // steps chosen per phase, for phase limits
  std::map<std::string_view, int> per_knot_;  // seconds chosen for each requested area
  // (pick id, rule id), for every pick: one list rather than one per pick, since few
  // picks become steps.
  std::vector<std::pair<std::size_t, std::string_view>> reasons_;
  std::vector<std::string> notes_;
  std::vector<std::string> history_notes_;
  std::unordered_map<std::string_view, const Technique*> techniques_;  // null: no such id
};

}  // namespace

Routine build_routine(const KnowledgeBase& kb, const Request& request, Decisions decisions) {
  if (request.areas.empty()) throw UsageError("--area is required: where is the knot?");
  return Planner(kb, request, std::move(decisions)).run();
}

Routine plan(const KnowledgeBase& kb, const Request& request) {
  return build_routine(kb, request, evaluate_rules(kb, request));
}

Routine plan(const KnowledgeBase& kb, const RequestOptions& options, const Clock& clock) {
  const Request request = resolve_request(kb, options, clock);
  Routine routine = plan(kb, request);
  // A sign that withholds the routine is not held back by words knotplan cannot place;
  // a routine is never planned past them.
  if (!request.unplaced_symptoms.empty() && routine.status != Status::kWithheld)
    throw unplaced_symptom_error(kb, request.unplaced_symptoms.front());
  return routine;
}

}  // namespace knotplan
