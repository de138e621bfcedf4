// Writes a made-up daily history through HistoryStore (so its schema is always the real
// one), to measure knotplan against a long history:
//
//   knotplan_make_history FILE [DAYS] [LAST_DAY]     default 3650 days ending 2026-11-21
//
// then, say: knotplan plan ... --history FILE. Prints the processor time of the summary file path,
// of the slow path and of reading every session. Refuses to touch an existing FILE.
#include <sys/stat.h>
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "history/history_files.hpp"
#include "history/history_values.hpp"
#include "history_generator.hpp"
#include "knotplan/error.hpp"
#include "knotplan/history_store.hpp"

namespace {

double cpu_microseconds() {
  timespec now{};
  ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e6 + static_cast<double>(now.tv_nsec) / 1e3;
}

// The processor time of one run, the least of a few rounds: wall time would measure the
// other programs on a busy machine as much as this one.
template <typename Work>
double microseconds_per_run(int runs, Work work) {
  double best = 1e300;
  for (int round = 0; round < 5; ++round) {
    const double start = cpu_microseconds();
    for (int run = 0; run < runs; ++run) work();
    best = std::min(best, (cpu_microseconds() - start) / runs);
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace knotplan;
  if (argc < 2 || argc > 4) {
    std::fprintf(stderr, "usage: knotplan_make_history FILE [DAYS] [YYYY-MM-DD]\n");
    return 2;
  }
  const std::string path = argv[1];
  const int days = argc > 2 ? std::atoi(argv[2]) : 3650;
  const auto last_day = parse_civil_date(argc > 3 ? argv[3] : "2026-11-21");
  if (days <= 0 || !last_day) {
    std::fprintf(stderr, "knotplan_make_history: bad DAYS or day\n");
    return 2;
  }
  struct stat status {};
  if (::stat(path.c_str(), &status) == 0) {
    std::fprintf(stderr, "knotplan_make_history: %s exists; give a new file\n", path.c_str());
    return 1;
  }
  try {
    const std::vector<SessionRecord> sessions = testing::daily_history(*last_day, days);
    HistoryStore store = HistoryStore::open_for_writing(path);
    store.add_all(sessions);
    const std::size_t stored = store.sessions().size();
    std::printf("%s: %zu sessions\n", path.c_str(), stored);
    if (stored != sessions.size()) return 1;

    HistorySummary summary;
    const double cached = microseconds_per_run(500, [&] { summary = read_history_summary(path); });
    const std::vector<std::string> one_area = {"neck"};
    HistorySummary neck;
    const double one =
        microseconds_per_run(500, [&] { neck = read_history_summary(path, one_area); });
    const std::string summary_file = history_files::summary_path(path);
    std::rename(summary_file.c_str(), (summary_file + ".aside").c_str());
    const double slow = microseconds_per_run(10, [&] { summary = read_history_summary(path); });
    std::rename((summary_file + ".aside").c_str(), summary_file.c_str());
    const double all = microseconds_per_run(4, [&] { store.sessions(); });
    std::printf("summary file: %ld bytes, %zu areas\n",
                static_cast<long>(history_files::stat_file(summary_file).size),
                summary.areas.size());
    std::printf("read_history_summary with the summary file: %8.1f us\n", cached);
    std::printf("read_history_summary for one area:          %8.1f us\n", one);
    std::printf("read_history_summary from SQLite:           %8.1f us\n", slow);
    std::printf("sessions() for all of it:                   %8.1f us\n", all);
    return read_history_summary(path) == summary ? 0 : 1;
  } catch (const Error& error) {
    std::fprintf(stderr, "knotplan_make_history: %s\n", error.what());
    return 1;
  }
}
