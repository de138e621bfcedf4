// How loading and planning scale with the size of a knowledge base: the built-in one with
// its techniques and rules copied 10, 100 and 500 times (ids suffixed, each copied rule
// adding the copied techniques). Run by scripts/bench.
#include <benchmark/benchmark.h>

#include <map>
#include <nlohmann/json.hpp>

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

// The built-in knowledge base copied 1, 10, 100 and 500 times, timed in milliseconds; 500
// copies (about 45 MB of JSON) stay under the 64 MiB file limit.
void sizes(benchmark::internal::Benchmark* benchmark) {
  for (const int copies : {1, 10, 100, 500}) benchmark->Arg(copies);
  benchmark->Unit(benchmark::kMillisecond);
}

}  // namespace

BENCHMARK(load_knowledge_base)->Apply(sizes)->Complexity();
BENCHMARK(plan_routine)->Apply(sizes)->Complexity();
BENCHMARK(load_and_plan)->Apply(sizes);
BENCHMARK_MAIN();
