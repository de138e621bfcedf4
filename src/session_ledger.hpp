#ifndef KNOTPLAN_SRC_SESSION_LEDGER_HPP_
#define KNOTPLAN_SRC_SESSION_LEDGER_HPP_

#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <utility>

#include "knotplan/knowledge.hpp"

namespace knotplan {

// What one candidate step would add to a session: its seconds in all, per side, and
// what it counts against.
struct StepCost {
  Phase phase = Phase::kRelease;
  std::string_view target;
  int seconds = 0;           // both sides together
  int seconds_per_side = 0;  // what one side of the target receives
  bool pressure = false;     // counts against the pressure limits
  // A release technique by its own phase: a rule that moves it to another phase of the
  // routine does not take it out of the release limits.
  bool release_technique = false;
  std::optional<std::string_view> group;
};

// The running totals of a session being composed, checked against the time budget, the
// phases' shares and the knowledge base's dose limits. Every step goes through fits()
// before add(), so no limit can be passed however the rules are written.
class SessionLedger {
 public:
  SessionLedger(const DoseLimits& limits, int budget_seconds)
      : limits_(limits), budget_(budget_seconds) {}

  // Room left in the whole session.
  int spare() const { return budget_ - used_; }
  int used() const { return used_; }
  int used_in(Phase phase) const {
    const auto found = per_phase_.find(phase);
    return found == per_phase_.end() ? 0 : found->second;
  }
  int pressure_used() const { return pressure_; }

  // Whether a new step of this cost keeps every limit; `phase_room` is what its phase may
  // still take (the planner passes all that is spare for a required step).
  bool fits(const StepCost& step, int phase_room) const {
    if (step.seconds > spare() || step.seconds > phase_room) return false;
    if (step.group && groups_.contains(group_key(step))) return false;
    if (step.release_technique &&
        releases_on(step.target) >= limits_.release_techniques_per_target_side)
      return false;
    return fits_pressure(step.target, step.pressure, step.seconds, step.seconds_per_side);
  }

  // Whether a chosen step can grow by `extra` seconds (`extra_per_side` on each side).
  bool can_grow(const StepCost& step, int extra, int extra_per_side, int phase_room) const {
    if (extra > spare() || extra > phase_room) return false;
    return fits_pressure(step.target, step.pressure, extra, extra_per_side);
  }

  void add(const StepCost& step) {
    if (step.group) groups_.insert(group_key(step));
    if (step.release_technique) ++releases_[step.target];
    grow(step, step.seconds, step.seconds_per_side);
  }

  void grow(const StepCost& step, int extra, int extra_per_side) {
    used_ += extra;
    per_phase_[step.phase] += extra;
    if (!step.pressure) return;
    pressure_ += extra;
    pressure_per_target_[step.target] += extra_per_side;
  }

 private:
  bool fits_pressure(std::string_view target, bool pressure, int seconds,
                     int seconds_per_side) const {
    if (!pressure) return true;
    if (pressure_ + seconds > limits_.pressure_seconds_per_session) return false;
    const auto found = pressure_per_target_.find(target);
    const int on_target = found == pressure_per_target_.end() ? 0 : found->second;
    return on_target + seconds_per_side <= limits_.pressure_seconds_per_target_side;
  }

  int releases_on(std::string_view target) const {
    const auto found = releases_.find(target);
    return found == releases_.end() ? 0 : found->second;
  }

  // Release tools that do the same job are not stacked on one target; warmth, cooling and
  // the like are one per session, wherever they are aimed.
  static std::pair<std::string_view, std::string_view> group_key(const StepCost& step) {
    return {*step.group, step.release_technique ? step.target : std::string_view()};
  }

  const DoseLimits& limits_;
  const int budget_;
  int used_ = 0;
  int pressure_ = 0;
  std::map<Phase, int> per_phase_;
  std::map<std::string_view, int> pressure_per_target_;
  std::map<std::string_view, int> releases_;
  std::set<std::pair<std::string_view, std::string_view>> groups_;
};

}  // namespace knotplan

#endif  // KNOTPLAN_SRC_SESSION_LEDGER_HPP_
