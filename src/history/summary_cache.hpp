#ifndef KNOTPLAN_HISTORY_SUMMARY_CACHE_HPP_
#define KNOTPLAN_HISTORY_SUMMARY_CACHE_HPP_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "history/history_files.hpp"
#include "knotplan/history.hpp"

namespace knotplan::summary_cache {

// The summary file's text: a first line naming the format, the stats of the database and
// its -wal file it was made from, then the summary, one record a line, space-separated
// fields with '%', spaces and line breaks escaped as %XX. Not JSON: a plan has about 60 µs
// to spare in total, and this parses several times faster than nlohmann::json would.
std::string format(const history_files::DatabaseStats& stats, const HistorySummary& summary);

struct Contents {
  history_files::DatabaseStats stats;
  HistorySummary summary;
};

// nullopt for any text format() did not write (another version, cut short, edited).
// With `areas`, the summary holds only those of them that have sessions; the others are
// skipped unread, which is what makes a plan's read cheap.
std::optional<Contents> parse(std::string_view text,
                              const std::vector<std::string>* areas = nullptr);

}  // namespace knotplan::summary_cache

#endif  // KNOTPLAN_HISTORY_SUMMARY_CACHE_HPP_
