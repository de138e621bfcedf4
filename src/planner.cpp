#include "knotplan/planner.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

namespace knotplan {

namespace {

// Untimed-by-reps steps grow in blocks of this many seconds, so that a routine reads 1:30
// rather than 1:27.
constexpr int kGrowthSeconds = 5;

template <typename Texts>
bool contains(const Texts& values, std::string_view value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

template <typename Text>
void append_unique(std::vector<Text>& list, std::string_view value) {
  if (!contains(list, value)) list.emplace_back(value);
}

std::vector<std::string> copies(List<std::string_view> texts) {
  return {texts.begin(), texts.end()};
}

RoutineReferral copy(const Referral& referral) {
  return {referral.level, std::string(referral.message)};
}

// One technique on one target, merged from every rule that asked for it. Lengths are in
// "units": seconds per side, or repetitions of the hold for a technique done as hold x reps.
struct Pick {
  const Technique* technique = nullptr;
  std::string_view target;  // the request's area or a rule's target
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

  int cost(int at_units) const { return at_units * per_unit * sides; }
};

// One pick's key: a technique on a target area.
using TechniqueOnTarget = std::pair<std::string_view, std::string_view>;

struct TechniqueOnTargetHash {
  std::size_t operator()(const TechniqueOnTarget& key) const {
    const std::hash<std::string_view> hash;
    return hash(key.first) * 31 + hash(key.second);
  }
};

class Planner {
 public:
  Planner(const KnowledgeBase& kb, const Request& request, Decisions decisions)
      : kb_(kb), request_(request), decisions_(std::move(decisions)) {
    // An index of the techniques the rules asked for keeps planning linear in the size of
    // the knowledge base, and costs nothing for the ones no rule named.
    for (const Candidate& candidate : decisions_.candidates)
      techniques_.emplace(candidate.add.technique, nullptr);
    for (const Technique& technique : kb.techniques)
      if (const auto found = techniques_.find(technique.id);
          found != techniques_.end() && found->second == nullptr)
        found->second = &technique;
  }

  Routine run() {
    Routine routine;
    routine.request = request_;
    routine.rules_fired = std::move(decisions_.rules_fired);
    routine.trace = std::move(decisions_.trace);
    routine.cautions = std::move(decisions_.cautions);
    name_request(routine);
    if (decisions_.stop) {
      routine.status = Status::kWithheld;
      routine.see_a_professional = copy(*decisions_.stop);
      routine.cautions.emplace_back(kb_.disclaimer);
      return routine;
    }
    routine.advice = std::move(decisions_.advice);
    if (decisions_.refer) routine.see_a_professional = copy(*decisions_.refer);
    std::vector<Pick> picks = merge_candidates();
    picks.erase(
        std::remove_if(picks.begin(), picks.end(), [&](const Pick& pick) { return !usable(pick); }),
        picks.end());
    for (Pick& pick : picks) set_lengths(pick);
    choose(picks);
    grow(picks);
    emit_steps(picks, routine);
    for (const Pick& pick : picks)
      if (pick.chosen)
        for (const std::string_view caution : pick.technique->cautions)
          append_unique(routine.cautions, caution);
    routine.cautions.emplace_back(kb_.disclaimer);
    routine.planner_notes = std::move(notes_);
    return routine;
  }

 private:
  void name_request(Routine& routine) const {
    if (const Area* area = kb_.find_area(request_.area)) routine.area_name = area->name;
    if (const Stage* stage = kb_.find_stage(request_.stage)) routine.stage_name = stage->name;
    if (const Cause* cause = kb_.find_cause(request_.cause)) routine.cause_name = cause->name;
  }

  // Candidates highest priority first, ties in file order (the order rules add them).
  // Priorities are few (0-100), so bucketing by them keeps this linear.
  std::vector<const Candidate*> by_priority() const {
    std::map<int, std::vector<const Candidate*>, std::greater<>> buckets;
    for (const Candidate& candidate : decisions_.candidates)
      buckets[candidate.add.priority].push_back(&candidate);
    std::vector<const Candidate*> ordered;
    ordered.reserve(decisions_.candidates.size());
    for (const auto& [priority, bucket] : buckets)
      ordered.insert(ordered.end(), bucket.begin(), bucket.end());
    return ordered;
  }

  // One pick per (technique, target), in priority order.
  std::vector<Pick> merge_candidates() {
    std::vector<Pick> picks;
    picks.reserve(decisions_.candidates.size());
    std::unordered_map<TechniqueOnTarget, std::size_t, TechniqueOnTargetHash> index;
    index.reserve(decisions_.candidates.size());
    for (const Candidate* next : by_priority()) {
      const Candidate& candidate = *next;
      const std::string_view target =
          candidate.add.target.value_or(std::string_view(request_.area));
      const auto [at, added] =
          index.emplace(TechniqueOnTarget{candidate.add.technique, target}, picks.size());
      if (!added) {
        reasons_.emplace_back(at->second, candidate.rule);
        continue;
      }
      const Technique* technique = techniques_.at(candidate.add.technique);
      if (technique == nullptr) {  // the loader rejects this; a hand-built KB may not
        index.erase(at);
        continue;
      }
      Pick pick;
      pick.technique = technique;
      pick.target = target;
      pick.phase = candidate.add.phase.value_or(technique->phase);
      pick.priority = candidate.add.priority;
      pick.preferred_seconds = candidate.add.seconds;
      pick.id = picks.size();
      reasons_.emplace_back(pick.id, candidate.rule);
      picks.push_back(std::move(pick));
    }
    return picks;
  }

  // Whether the person can do it here and no rule ruled it out; notes why not.
  bool usable(const Pick& pick) {
    const Technique& technique = *pick.technique;
    const std::string_view id = technique.id;
    if (!contains(technique.areas, pick.target)) {
      note("{}: not used on {}", id, pick.target);
      return false;
    }
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
    if (pick.target == request_.area) {
      for (const std::string_view tag : technique.tags) {
        if (const auto found = decisions_.kept_off_knot.find(tag);
            found != decisions_.kept_off_knot.end()) {
          note("{}: {} kept off the knot by {}", id, tag, fmt::join(found->second, ", "));
          return false;
        }
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
    const SecondsRange& range = technique.seconds;
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

  // In priority order: at the usual length if it fits, else at the shortest.
  void choose(std::vector<Pick>& picks) {
    const int budget = request_.minutes * 60;
    std::map<Phase, int> per_phase;
    for (Pick& pick : picks) {
      const auto limit = decisions_.phase_limits.find(pick.phase);
      if (limit != decisions_.phase_limits.end() && per_phase[pick.phase] >= limit->second) {
        note("{}: no room in the {} phase", pick.technique->id, phase_id(pick.phase));
        continue;
      }
      if (used_ + pick.cost(pick.usual_units) <= budget) {
        pick.units = pick.usual_units;
      } else if (used_ + pick.cost(pick.min_units) <= budget) {
        pick.units = pick.min_units;
      } else {
        note("{}: no time left", pick.technique->id);
        continue;
      }
      pick.chosen = true;
      used_ += pick.cost(pick.units);
      ++per_phase[pick.phase];
    }
  }

  // Spreads spare time in small blocks, round-robin by priority, up to each maximum.
  void grow(std::vector<Pick>& picks) {
    const int budget = request_.minutes * 60;
    bool grew = true;
    while (grew) {
      grew = false;
      for (Pick& pick : picks) {
        if (!pick.chosen || pick.units >= pick.max_units) continue;
        const int next = std::min(pick.max_units, pick.units + pick.growth_units);
        const int extra = pick.cost(next) - pick.cost(pick.units);
        if (used_ + extra > budget) continue;
        used_ += extra;
        pick.units = next;
        grew = true;
      }
    }
  }

  std::optional<PressureRange> pressure_for(const Technique& technique,
                                            std::vector<std::string>& because) const {
    if (!technique.pressure) return std::nullopt;
    PressureRange pressure = *technique.pressure;
    if (decisions_.max_pressure && pressure.max > *decisions_.max_pressure) {
      pressure.max = *decisions_.max_pressure;
      pressure.min = std::min(pressure.min, pressure.max);
      for (const std::string& rule : decisions_.max_pressure_rules) append_unique(because, rule);
    }
    return pressure;
  }

  void emit_steps(std::vector<Pick>& picks, Routine& routine) const {
    std::vector<const Pick*> chosen;
    for (const Pick& pick : picks)
      if (pick.chosen) chosen.push_back(&pick);
    // Picks are already in priority order; a stable sort by phase keeps it within a phase.
    std::stable_sort(chosen.begin(), chosen.end(),
                     [](const Pick* a, const Pick* b) { return a->phase < b->phase; });
    int clock = 0;
    for (const Pick* pick : chosen) {
      const Technique& technique = *pick->technique;
      std::vector<Side> sides;
      if (!technique.per_side) {
        sides = {Side::kBoth};
      } else if (request_.side == Side::kBoth) {
        sides = {Side::kLeft, Side::kRight};
      } else {
        sides = {request_.side};
      }
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
        step.because = because(*pick);
        step.pressure = pressure_for(technique, step.because);
        if (technique.reps) {
          step.hold_seconds = pick->per_unit;
          step.reps = pick->units;
        }
        step.beats = technique.beats;
        step.tags = copies(technique.tags);
        for (const std::string_view needed : technique.equipment)
          step.equipment.emplace_back(*available(needed));  // usable() made sure
        step.instructions = copies(technique.instructions);
        step.cues = copies(technique.cues);
        clock += step.seconds;
        routine.steps.push_back(std::move(step));
      }
    }
    routine.total_seconds = clock;
  }

  // Why a candidate was left out, for --explain only.
  template <typename... Args>
  void note(fmt::format_string<Args...> format, Args&&... args) {
    if (request_.explain) notes_.push_back(fmt::format(format, std::forward<Args>(args)...));
  }

  // The rules behind a pick, in the order they asked for it or shaped it.
  std::vector<std::string> because(const Pick& pick) const {
    std::vector<std::string> rules;
    for (const auto& [id, rule] : reasons_)
      if (id == pick.id) append_unique(rules, rule);
    return rules;
  }

  const KnowledgeBase& kb_;
  const Request& request_;
  Decisions decisions_;
  // (pick id, rule id), for every pick: one list rather than one per pick, since few
  // picks become steps.
  std::vector<std::pair<std::size_t, std::string_view>> reasons_;
  std::vector<std::string> notes_;
  int used_ = 0;
  std::unordered_map<std::string_view, const Technique*> techniques_;  // null: no such id
};

}  // namespace

Routine build_routine(const KnowledgeBase& kb, const Request& request, Decisions decisions) {
  return Planner(kb, request, std::move(decisions)).run();
}

Routine plan(const KnowledgeBase& kb, const Request& request) {
  return build_routine(kb, request, evaluate_rules(kb, request));
}

Routine plan(const KnowledgeBase& kb, const RequestOptions& options, const Clock& clock) {
  return plan(kb, resolve_request(kb, options, clock));
}

}  // namespace knotplan
