// How loading and planning scale with the size of a knowledge base: the built-in one with
// its techniques and rules copied 10, 100 and 400 times (ids suffixed, each copied rule
// adding the copied techniques); and planning with thousands of rules that scale, advise
// and caution, all firing for one request. Run by scripts/bench.
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <string_view>

#include "knotplan/knowledge_loader.hpp"
#include "knotplan/planner.hpp"

namespace {

using nlohmann::json;

// The built-in knowledge base with `copies` times its techniques and rules, as compact
// JSON text (the form --kb reads).
const std::string& scaled_text(int copies) {
  static std::map<int, std::string> made;
  if (auto found = made.find(copies); found != made.end()) return found->second;
  json kb = json::parse(knotplan::builtin_knowledge_base_text());
  const json techniques = kb["techniques"];
  const json rules = kb["rules"];
  for (int copy = 1; copy < copies; ++copy) {
    const std::string suffix = "-x" + std::to_string(copy);
    for (json technique : techniques) {
      technique["id"] = technique["id"].get<std::string>() + suffix;
      kb["techniques"].push_back(std::move(technique));
    }
    for (json rule : rules) {
      rule["id"] = rule["id"].get<std::string>() + suffix;
      if (rule["then"].contains("add"))
        for (json& add : rule["then"]["add"])
          add["technique"] = add["technique"].get<std::string>() + suffix;
      kb["rules"].push_back(std::move(rule));
    }
  }
  return made[copies] = kb.dump();
}

// The built-in knowledge base with `rules` more rules, a third of each kind, all firing for
// a neck knot: a scale (of every step, or of one tag), advice and a caution. One text in
// seven repeats an earlier one, so that de-duplication has work to do. The same mix as
// scripts/many_rules_kb.
const knotplan::KnowledgeBase& many_rules(int rules) {
  static std::map<int, knotplan::KnowledgeBase> made;
  if (auto found = made.find(rules); found != made.end()) return found->second;
  json kb = json::parse(knotplan::builtin_knowledge_base_text());
  const json source = kb["sources"][0]["id"];
  const auto text = [](std::string_view kind, int number) {
    const int said = number % 7 == 0 ? number / 7 : number;
    return fmt::format("Generated {} number {}: keep the movement easy and slow.", kind, said);
  };
  const std::array<std::string_view, 4> tags{"stretch", "direct-pressure", "movement", "heat"};
  for (int number = 0; number < rules; ++number) {
    const int nth = number / 3;
    json rule = {{"why", "Generated to measure scaling."}, {"sources", {source}}};
    if (number % 3 == 0) {
      json scale = {{"factor", 1.0 + (nth % 5) / 100.0}};
      if (nth % 3 != 0) scale["tags"] = {tags[static_cast<std::size_t>(nth) % tags.size()]};
      rule["id"] = fmt::format("generated-scale-{}", nth);
      rule["when"] = {{"area", {"neck"}}};
      rule["then"] = {{"scale", scale}};
    } else {
      const bool advice = number % 3 == 1;
      rule["id"] = fmt::format("generated-{}-{}", advice ? "advice" : "caution", nth);
      rule["when"] = {{"area", {"neck", "shoulders"}}};
      rule["then"] = {{advice ? "advice" : "cautions", {text(advice ? "advice" : "caution", nth)}}};
    }
    kb["rules"].push_back(std::move(rule));
  }
  return made.emplace(rules, knotplan::load_knowledge_base(kb.dump(), "many rules")).first->second;
}

knotplan::RequestOptions request() {
  knotplan::RequestOptions options;
  options.area = "upper-back";
  options.since = "3w";
  options.cause = "posture";
  options.equipment = {"tennis-ball,foam-roller"};
  return options;
}

void load_knowledge_base(benchmark::State& state) {
  const std::string& text = scaled_text(static_cast<int>(state.range(0)));
  std::size_t techniques = 0;
  for (auto _ : state) {
    const knotplan::KnowledgeBase kb = knotplan::load_knowledge_base(text, "scaled");
    techniques = kb.techniques.size();
    benchmark::DoNotOptimize(techniques);
  }
  state.SetComplexityN(static_cast<int64_t>(techniques));
  state.counters["techniques"] = static_cast<double>(techniques);
  state.counters["MiB"] = static_cast<double>(text.size()) / (1 << 20);
}

void plan_routine(benchmark::State& state) {
  const knotplan::KnowledgeBase kb =
      knotplan::load_knowledge_base(scaled_text(static_cast<int>(state.range(0))), "scaled");
  const knotplan::FixedClock clock({2026, 11, 21});
  for (auto _ : state) {
    const knotplan::Routine routine = knotplan::plan(kb, request(), clock);
    benchmark::DoNotOptimize(routine.total_seconds);
  }
  state.SetComplexityN(static_cast<int64_t>(kb.techniques.size()));
}

void load_and_plan(benchmark::State& state) {
  const std::string& text = scaled_text(static_cast<int>(state.range(0)));
  const knotplan::FixedClock clock({2026, 11, 21});
  for (auto _ : state) {
    const knotplan::KnowledgeBase kb = knotplan::load_knowledge_base(text, "scaled");
    const knotplan::Routine routine = knotplan::plan(kb, request(), clock);
    benchmark::DoNotOptimize(routine.total_seconds);
  }
}

// Planning a neck routine with 1,000 to 80,000 extra rules that all fire: linear in the
// number of rules, whether or not the trace is asked for (the argument after the count).
void plan_many_rules(benchmark::State& state) {
  const knotplan::KnowledgeBase& kb = many_rules(static_cast<int>(state.range(0)));
  knotplan::RequestOptions options;
  options.area = "neck";
  options.explain = state.range(1) != 0;
  const knotplan::FixedClock clock({2026, 11, 21});
  for (auto _ : state) {
    const knotplan::Routine routine = knotplan::plan(kb, options, clock);
    benchmark::DoNotOptimize(routine.total_seconds);
  }
  state.SetComplexityN(static_cast<int64_t>(kb.rules.size()));
  state.counters["rules"] = static_cast<double>(kb.rules.size());
}

void rule_counts(benchmark::internal::Benchmark* benchmark) {
  for (const int explain : {0, 1})
    for (const int rules : {1000, 10000, 80000}) benchmark->Args({rules, explain});
  benchmark->Unit(benchmark::kMillisecond);
}

// The built-in knowledge base copied 1, 10, 100 and 400 times, timed in milliseconds; 400
// copies (about 55 MB of JSON, now that every technique carries its pose) stay under the
// 64 MiB file limit.
void sizes(benchmark::internal::Benchmark* benchmark) {
  for (const int copies : {1, 10, 100, 400}) benchmark->Arg(copies);
  benchmark->Unit(benchmark::kMillisecond);
}

}  // namespace

BENCHMARK(load_knowledge_base)->Apply(sizes)->Complexity();
BENCHMARK(plan_routine)->Apply(sizes)->Complexity();
BENCHMARK(load_and_plan)->Apply(sizes);
BENCHMARK(plan_many_rules)->Apply(rule_counts);
BENCHMARK_MAIN();
