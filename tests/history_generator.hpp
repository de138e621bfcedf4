#ifndef KNOTPLAN_TESTS_HISTORY_GENERATOR_HPP_
#define KNOTPLAN_TESTS_HISTORY_GENERATOR_HPP_

#include <vector>

#include "knotplan/history.hpp"

namespace knotplan::testing {

// A made-up but plausible history: one session a day for `days` days ending on `last_day`,
// in episodes of a few weeks on one area (now and then two), mostly guided with about six
// steps, a rating every ten sessions or so, some logged sessions. Always the same for the
// same arguments, so that measurements compare.
std::vector<SessionRecord> daily_history(CivilDate last_day, int days);

}  // namespace knotplan::testing

#endif  // KNOTPLAN_TESTS_HISTORY_GENERATOR_HPP_
