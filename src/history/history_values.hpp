#ifndef KNOTPLAN_HISTORY_HISTORY_VALUES_HPP_
#define KNOTPLAN_HISTORY_HISTORY_VALUES_HPP_

#include <optional>
#include <string>
#include <string_view>

#include "knotplan/history.hpp"

namespace knotplan::history_values {

// The history's values as the database and the summary file spell them, both ways.

// Days are written as date_text() writes them and read with parse_civil_date() (clock.hpp).

std::optional<SessionSource> parse_source(std::string_view text);
std::optional<Rating> parse_rating(std::string_view text);
std::optional<Side> parse_side(std::string_view text);

// A non-negative whole number without sign or spaces.
std::optional<long long> parse_count(std::string_view text);

}  // namespace knotplan::history_values

#endif  // KNOTPLAN_HISTORY_HISTORY_VALUES_HPP_
