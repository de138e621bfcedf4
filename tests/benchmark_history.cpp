// How the history renderers scale: a daily session for one, three and ten years
// (history_fixtures.hpp), rendered in each format (the second argument, in the order of
// kHistoryFormats), and in all four one after the other (argument 4). Run by scripts/bench;
// 'knotplan history' over ten years must stay well under 50 ms in all.
#include <benchmark/benchmark.h>

#include <map>

#include "history_fixtures.hpp"

namespace {

const knotplan::HistoryView& view_of(int sessions) {
  static std::map<int, knotplan::HistoryView> made;
  if (auto found = made.find(sessions); found != made.end()) return found->second;
  return made
      .emplace(sessions,
               knotplan::testing::history_view(knotplan::testing::daily_sessions(sessions)))
      .first->second;
}

void render_history(benchmark::State& state) {
  const knotplan::HistoryView& view = view_of(static_cast<int>(state.range(0)));
  const auto format = static_cast<std::size_t>(state.range(1));
  std::size_t bytes = 0;
  for (auto _ : state) {
    bytes = 0;
    for (std::size_t i = 0; i < knotplan::kHistoryFormats.size(); ++i) {
      if (format != knotplan::kHistoryFormats.size() && i != format) continue;
      const std::string text =
          knotplan::render_history(view, static_cast<knotplan::HistoryFormat>(i));
      bytes += text.size();
      benchmark::DoNotOptimize(text.data());
    }
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}

void history_sizes(benchmark::internal::Benchmark* benchmark) {
  for (const int sessions : {365, 1095, 3650})
    for (int format = 0; format <= 4; ++format) benchmark->Args({sessions, format});
  benchmark->Unit(benchmark::kMillisecond);
}

}  // namespace

BENCHMARK(render_history)->Apply(history_sizes);
