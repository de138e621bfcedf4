#ifndef KNOTPLAN_SRC_RENDER_WORDING_HPP_
#define KNOTPLAN_SRC_RENDER_WORDING_HPP_

#include <functional>
#include <string>
#include <vector>

#include "knotplan/routine.hpp"

namespace knotplan {

// The words every renderer uses for the routine's ids, so that the text sheet, the
// Markdown and the HTML say the same thing.

std::string phase_heading(Phase phase);          // "Warm up"
std::string side_text(Side side);                // "left side", "both sides"
std::string readable_id(const std::string& id);  // "upper-back" -> "upper back"
std::string withheld_text(Level level);          // "No routine today. This is an emergency."
std::string referral_text(Level level);          // "See a doctor", for a routine that runs
// "Fever: ..." for a symptom's reason, the message alone for a rule's.
std::string reason_text(const RoutineReason& reason);

// The heading of the list of warning signs that opens every routine.
inline constexpr const char* kWatchHeading = "Stop and get help if";
std::vector<std::string> watch_texts(const Routine& routine);
std::string readable_list(const std::vector<std::string>& ids);  // "tennis ball, wall"
std::string pressure_range(const PressureRange& pressure);       // "4–6", or "3" for 3 to 3

// "Since today · new (up to 3 days) · cause: not sure · pain 5/10 · 10 min", plus side
// and equipment when given.
std::string request_summary(const Routine& routine);

// The facts line of a step: target, side, pressure, hold x reps, equipment.
std::string step_facts(const Step& step);

// Walks the steps in order: `begin_phase` when a new phase starts, then `each_step` with
// the step and, when it is the second side of the step before it (same technique and
// target), that first side, so that renderers can point back instead of repeating it.
void walk_steps(const Routine& routine, const std::function<void(Phase)>& begin_phase,
                const std::function<void(const Step&, const Step* same_as)>& each_step);

// What --explain adds, said the same way in every format: a heading, and lines each with
// the lines under them.
struct ExplainLine {
  std::string text;
  std::vector<std::string> details;
};
struct ExplainSection {
  std::string heading;
  std::vector<ExplainLine> lines;
  bool bulleted = false;  // a plain list, with no lines under its lines
};
std::vector<ExplainSection> explanation(const Routine& routine);

// The routine's references, one citation each, as `knotplan sources` prints them.
std::vector<std::string> reference_citations(const Routine& routine);

// Whether two sides of a step read the same. Words that name a side ("your left hand")
// differ, and pointing back to them would leave the reader to swap sides in their head.
bool same_words(const Step& first, const Step& second);

}  // namespace knotplan

#endif  // KNOTPLAN_SRC_RENDER_WORDING_HPP_
