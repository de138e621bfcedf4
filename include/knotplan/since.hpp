#ifndef KNOTPLAN_SINCE_HPP_
#define KNOTPLAN_SINCE_HPP_

#include <string>

#include "knotplan/clock.hpp"
#include "knotplan/knowledge.hpp"

namespace knotplan {

// How long the knot has been there, as typed and in hours.
struct Since {
  std::string input;
  long hours = 0;
};

// Accepts: today, yesterday, a number with a unit (36h, 3d, 2w, 4mo, 1y, and the words:
// "3 days", "2 weeks", "1 month", ...), and a date YYYY-MM-DD that is not in the future.
// Months count as 30 days and years as 365. Case and surrounding spaces are ignored.
// Throws UsageError naming the value and the accepted forms.
Since parse_since(const std::string& text, const Clock& clock);

// The stage whose window holds `hours`: the first stage with max_hours >= hours, or the
// open-ended last stage. `kb.stages` is never empty in a loaded knowledge base.
const Stage& stage_for_hours(const KnowledgeBase& kb, long hours);

}  // namespace knotplan

#endif  // KNOTPLAN_SINCE_HPP_
