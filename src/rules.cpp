#include "knotplan/rules.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "knotplan/error.hpp"
#include "list_search.hpp"

namespace knotplan {

namespace {

// An empty list in a condition matches everything; otherwise one shared item is enough.
bool any_in(List<std::string_view> wanted, const std::vector<std::string>& present) {
  if (wanted.empty()) return true;
  return std::any_of(present.begin(), present.end(),
                     [&](const std::string& item) { return contains(wanted, item); });
}

bool one_of(List<std::string_view> wanted, std::string_view value) {
  return wanted.empty() || contains(wanted, value);
}

// Each message once: `said` holds the messages `reasons` has.
void add_reason(std::vector<ProfessionalReason>& reasons, SeenTexts& said,
                const ProfessionalReason& reason) {
  if (said.insert(reason.message)) reasons.push_back(reason);
}

// Most urgent first, keeping the order they were found in among equals.
void sort_by_urgency(std::vector<ProfessionalReason>& reasons) {
  std::stable_sort(reasons.begin(), reasons.end(),
                   [](const auto& a, const auto& b) { return a.level > b.level; });
}

class Evaluator {
 public:
  Evaluator(const KnowledgeBase& kb, const Request& request) : kb_(kb), request_(request) {}

  Decisions run() {
    // In the knowledge base's order, which puts the gravest signs first among equals.
    for (const Symptom& symptom : kb_.symptoms)
      if (contains(request_.symptoms, symptom.id)) answer(symptom);
    for (const Rule& rule : kb_.rules)
      if (rule_matches(rule.when, request_)) apply(rule);
    sort_by_urgency(decisions_.stops);
    sort_by_urgency(decisions_.referrals);
    pick_watch_lines();
    return std::move(decisions_);
  }

 private:
  void answer(const Symptom& reported) {
    const Symptom* symptom = &reported;
    const auto answer = std::find_if(
        symptom->answers.begin(), symptom->answers.end(),
        [&](const SymptomAnswer& candidate) { return rule_matches(candidate.when, request_); });
    if (answer == symptom->answers.end()) return;  // the loader requires a last, open answer
    const std::string fired = fmt::format("symptom:{}", symptom->id);
    decisions_.rules_fired.push_back(fired);
    const ProfessionalReason reason{answer->level, answer->message, symptom, {}};
    std::string effect;
    switch (answer->action) {
      case SymptomAction::kWithhold:
        add_reason(decisions_.stops, stops_said_, reason);
        effect = fmt::format("withholds the routine: see {}", level_id(answer->level));
        break;
      case SymptomAction::kRefer:
        add_reason(decisions_.referrals, referrals_said_, reason);
        effect = fmt::format("suggests seeing a {}", level_id(answer->level));
        break;
      case SymptomAction::kAdvise:
        append_unique(decisions_.advice, advice_said_, answer->message);
        effect = "adds advice";
        break;
    }
    if (request_.explain)
      decisions_.trace.push_back({fired, fmt::format("reported: {}", symptom->name), {effect}});
  }

  void pick_watch_lines() {
    for (const WatchLine& line : kb_.watch_for)
      if (shows(line, request_)) decisions_.watch_for.push_back(&line);
    std::stable_sort(decisions_.watch_for.begin(), decisions_.watch_for.end(),
                     [](const WatchLine* a, const WatchLine* b) { return a->level > b->level; });
    if (decisions_.watch_for.size() > kMaxWatchLines) decisions_.watch_for.resize(kMaxWatchLines);
  }

  void apply(const Rule& rule) {
    const RuleEffect& then = rule.then;
    decisions_.rules_fired.emplace_back(rule.id);
    TraceEntry entry;
    if (request_.explain) entry = {std::string(rule.id), std::string(rule.why), {}};
    auto& effects = entry.effects;

    for (const AddStep& add : then.add) {
      if (add.target) {
        decisions_.candidates.push_back({add, rule.id, first_area_of(rule)});
        effect(effects, "adds {} on {} (priority {})", add.technique, *add.target, add.priority);
        continue;
      }
      // A step with no target of its own works on each knot the rule is about.
      for (const std::string& area : request_.areas) {
        if (!one_of(rule.when.areas, area)) continue;
        AddStep aimed = add;
        aimed.target = area;
        decisions_.candidates.push_back({aimed, rule.id, area});
        effect(effects, "adds {} on {} (priority {})", add.technique, area, add.priority);
      }
    }
    for (const std::string_view technique : then.exclude) {
      decisions_.excluded_techniques[technique].push_back(rule.id);
      effect(effects, "excludes {}", technique);
    }
    for (const std::string_view tag : then.exclude_tags) {
      decisions_.excluded_tags[tag].push_back(rule.id);
      effect(effects, "excludes every {} technique", tag);
    }
    for (const std::string_view tag : then.keep_off_knot) {
      decisions_.kept_off_knot[tag].push_back(rule.id);
      effect(effects, "keeps {} work off the knot itself", tag);
    }
    if (then.scale) {
      decisions_.scales.push_back({*then.scale, rule.id});
      if (then.scale->tags.empty()) {
        effect(effects, "scales every step by {}", then.scale->factor);
      } else {
        effect(effects, "scales {} steps by {}", fmt::join(then.scale->tags, "/"),
               then.scale->factor);
      }
    }
    if (then.max_pressure) {
      if (!decisions_.max_pressure || *then.max_pressure < *decisions_.max_pressure)
        decisions_.max_pressure = then.max_pressure;
      decisions_.max_pressure_rules.emplace_back(rule.id);
      effect(effects, "caps pressure at {}/10", *then.max_pressure);
    }
    for (const PhaseLimit& limit : then.phase_limits) {
      auto [at, inserted] = decisions_.phase_limits.emplace(limit.phase, limit.max_techniques);
      if (!inserted) at->second = std::min(at->second, limit.max_techniques);
      effect(effects, "allows at most {} {} technique(s)", limit.max_techniques,
             phase_id(limit.phase));
    }
    for (const std::string_view advice : then.advice)
      append_unique(decisions_.advice, advice_said_, advice);
    if (!then.advice.empty()) effect(effects, "adds advice");
    for (const std::string_view caution : then.cautions)
      append_unique(decisions_.cautions, cautions_said_, caution);
    if (!then.cautions.empty()) effect(effects, "adds a caution");
    if (then.stop) {
      add_reason(decisions_.stops, stops_said_,
                 {then.stop->level, then.stop->message, nullptr, rule.id});
      effect(effects, "withholds the routine: see {}", level_id(then.stop->level));
    }
    if (then.refer) {
      add_reason(decisions_.referrals, referrals_said_,
                 {then.refer->level, then.refer->message, nullptr, rule.id});
      effect(effects, "suggests seeing a {}", level_id(then.refer->level));
    }
    if (request_.explain) decisions_.trace.push_back(std::move(entry));
  }

  // The first requested area a rule is about: the knot its fixed-target steps serve.
  std::string_view first_area_of(const Rule& rule) const {
    for (const std::string& area : request_.areas)
      if (one_of(rule.when.areas, area)) return area;
    return request_.areas.front();
  }

  // What a rule did, for --explain only.
  template <typename... Args>
  void effect(std::vector<std::string>& effects, fmt::format_string<Args...> format,
              Args&&... args) {
    if (request_.explain) effects.push_back(fmt::format(format, std::forward<Args>(args)...));
  }

  const KnowledgeBase& kb_;
  const Request& request_;
  Decisions decisions_;
  // What each list of texts has so far (views of the knowledge base), so that thousands
  // of rules saying things stay linear.
  SeenTexts advice_said_;
  SeenTexts cautions_said_;
  SeenTexts stops_said_;
  SeenTexts referrals_said_;
};

}  // namespace

bool rule_matches(const RuleCondition& when, const Request& request) {
  if (!any_in(when.areas, request.areas)) return false;
  if (!one_of(when.stages, request.stage)) return false;
  if (!one_of(when.causes, request.cause)) return false;
  if (!any_in(when.equipment, request.equipment)) return false;
  if (!any_in(when.symptoms, request.symptoms)) return false;
  if (!any_in(when.conditions, request.conditions)) return false;
  if (when.pain && !when.pain->contains(request.pain)) return false;
  if (when.minutes && !when.minutes->contains(request.minutes)) return false;
  // A rule about age says nothing about a person who gave none.
  if (when.age && (!request.age || !when.age->contains(*request.age))) return false;
  return true;
}

bool shows(const WatchLine& line, const Request& request) {
  return rule_matches(line.when, request) && !(line.unless && rule_matches(*line.unless, request));
}

Decisions evaluate_rules(const KnowledgeBase& kb, const Request& request) {
  if (request.areas.empty()) throw UsageError("--area is required: where is the knot?");
  return Evaluator(kb, request).run();
}

}  // namespace knotplan
