#ifndef KNOTPLAN_SCREENING_HPP_
#define KNOTPLAN_SCREENING_HPP_

#include <optional>
#include <string>
#include <string_view>

#include "knotplan/clock.hpp"
#include "knotplan/knowledge.hpp"
#include "knotplan/request.hpp"

namespace knotplan {

// The questions asked on a terminal of someone who has not said where the knot is.

// Everything the questions need from the world: a screen, typed lines and Ctrl-C. The
// terminal implements it; tests script it.
class ScreeningIo {
 public:
  virtual ~ScreeningIo() = default;
  virtual void write(std::string_view text) = 0;
  // The next line typed, without its end; nullopt at the end of input or on Ctrl-C.
  virtual std::optional<std::string> read_line() = 0;
  // Whether Ctrl-C (or a termination signal) has arrived.
  virtual bool interrupted() = 0;
};

enum class ScreeningEnd { kAnswered, kQuit, kInterrupted };

// Asks one short question at a time: where, since when, the likely cause, the pain now,
// the equipment to hand, health conditions and age, then the yes/no questions of the
// warning signs for those areas not already given with --symptom, at most
// kMaxScreeningQuestions, gravest first. A yes that
// is an emergency there ends the questions at once. Enter takes the default shown, which
// is what `request` already holds (from the command line or the config); q leaves; an
// answer that cannot be used is explained and asked again. On kAnswered, `request` holds
// the answers, ready for resolve_request.
// REQUIRES: the knowledge base has an area that is not target_only.
ScreeningEnd ask_screening_questions(const KnowledgeBase& kb, const Clock& clock,
                                     RequestOptions& request, ScreeningIo& io);

// Asks for a pain score from 0 to 10 before or after a guided session, so that the
// history can show whether the routines help. Enter skips the question, as does the end
// of input or Ctrl-C (the caller asks io.interrupted()); anything else that is not a
// whole number from 0 to 10 is explained and asked again.
std::optional<int> ask_pain_score(ScreeningIo& io, std::string_view question);

// The command line that plans the same routine, to repeat it or put it in a script:
// "knotplan --area neck --since 3d --pain 6 --symptom fever". Defaults are left out.
std::string equivalent_command(const RequestOptions& request);

}  // namespace knotplan

#endif  // KNOTPLAN_SCREENING_HPP_
