#include <fmt/format.h>
#include <unistd.h>

#include <cmath>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <memory>
#include <sstream>

#include "commands.hpp"
#include "guide_terminal.hpp"
#include "knotplan/error.hpp"
#include "knotplan/guide.hpp"
#include "knotplan/history.hpp"
#include "knotplan/history_store.hpp"
#include "knotplan/ids.hpp"
#include "knotplan/planner.hpp"
#include "knotplan/render.hpp"
#include "knotplan/screening.hpp"
#include "knotplan/terminal.hpp"

namespace knotplan {

namespace {

double checked_time_scale(const std::string& text) {
  std::size_t used = 0;
  double scale = 0;
  try {
    scale = std::stod(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != text.size() || text.empty() || !std::isfinite(scale) || scale <= 0 || scale > 100)
    throw UsageError(fmt::format("--time-scale {} is not a usable speed", quote_value(text)),
                     "give a number above 0 and at most 100: 0.01 plays 100 times faster");
  return scale;
}

// What the guide played, for the session log: each step and how it went.
SessionRecord guided_session(const Routine& routine, const GuideSummary& summary) {
  SessionRecord session;
  session.date = clock_for_commands().today();
  session.recorded_at = local_time_now();
  session.source = SessionSource::kGuide;
  session.areas = routine.request.areas;
  session.seconds = summary.routine_seconds;
  session.request_json = request_json(routine.request);
  for (std::size_t i = 0; i < routine.steps.size() && i < summary.steps.size(); ++i) {
    const Step& step = routine.steps[i];
    session.steps.push_back(StepOutcome{step.technique, step.target, step.side,
                                        summary.steps[i].done, summary.steps[i].seconds});
  }
  return session;
}

// Asks for the pain score on the terminal; nullopt when skipped. `signal_number` is the
// signal that cut the question short (Ctrl-C), else it is left as it was.
std::optional<int> ask_pain(const char* question, int& signal_number) {
  TerminalScreeningIo io;
  const std::optional<int> score = ask_pain_score(io, question);
  if (io.interrupted()) signal_number = io.signal_received();
  return score;
}

// Plays the routine in the terminal and records it in the session log, unless that is
// turned off; returns the exit code, or ends the process as the signal would have after
// Ctrl-C (or any of kEndingSignals), once the terminal is restored and the steps done so
// far are recorded.
int guide(const Routine& routine, const Invocation& invocation, double time_scale) {
  GuideOptions options;
  options.time_scale = time_scale;
  options.bell = !invocation.no_bell;
  options.live = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
  options.width = terminal_width(STDOUT_FILENO).value_or(80);
  // Opened first, so that a log that cannot be written stops us before the session, not
  // after it.
  std::optional<HistoryStore> store;
  if (const auto path = history_file_if_any(invocation)) {
    store.emplace(HistoryStore::open_for_writing(*path));
  } else if (!invocation.history_off) {
    std::fputs("knotplan: note: this session is not recorded: set HOME or use --history FILE\n",
               stderr);
  }
  int signal_number = 0;
  std::optional<int> pain_before;
  if (store && options.live)
    pain_before = ask_pain("Before you start: how is the pain now?", signal_number);
  if (signal_number != 0) {
    std::fputs("\nknotplan: interrupted\n", stderr);
    die_of_signal(signal_number);
  }
  GuideSummary summary;
  {
    TerminalGuideIo io(options.live);
    summary = play_routine(routine, options, io);
    signal_number = io.signal_received();
  }  // the terminal is restored here
  if (store && (summary.routine_seconds > 0 || summary.done > 0)) {
    SessionRecord session = guided_session(routine, summary);
    session.pain_before = pain_before;
    if (signal_number == 0 && options.live)
      session.pain_after = ask_pain("And now, after the session: how is the pain?", signal_number);
    store->add(session);
    if (signal_number == 0)
      std::fputs("Saved in your session log: 'knotplan history' shows it.\n", stdout);
  }
  if (signal_number != 0) {
    // A reader that went away (knotplan --guide | head) is no news worth a line.
    if (signal_number != SIGPIPE) std::fputs("\nknotplan: interrupted\n", stderr);
    die_of_signal(signal_number);
  }
  return 0;
}

// Asks the screening questions on the terminal and fills `request` with the answers;
// false when the person left. Ends the process as the signal would after Ctrl-C.
bool screen(const KnowledgeBase& kb, RequestOptions& request) {
  int signal_number = 0;
  ScreeningEnd end = ScreeningEnd::kQuit;
  {
    TerminalScreeningIo io;
    end = ask_screening_questions(kb, clock_for_commands(), request, io);
    signal_number = io.signal_received();
  }
  if (end == ScreeningEnd::kInterrupted) {
    std::fputs("\nknotplan: interrupted\n", stderr);
    die_of_signal(signal_number);
  }
  if (end == ScreeningEnd::kQuit) std::fputs("Left without a routine.\n", stdout);
  return end == ScreeningEnd::kAnswered;
}

}  // namespace

int run_plan(const Invocation& invocation) {
  if (invocation.guide &&
      (!to_standard_output(invocation) || normalize_id(invocation.format) != "text"))
    throw UsageError(
        "--guide plays the routine in the terminal; it cannot go to a file or another format",
        "drop -o and --format, or plan without --guide");
  // Checked before planning, so that a bad value is a usage error whatever the routine.
  const double time_scale = invocation.guide ? checked_time_scale(invocation.time_scale) : 1.0;
  const Format format =
      format_named(format_for(invocation, kRoutineFormats)).value_or(Format::kText);
  const bool color = color_for_stdout(invocation);
  KnowledgeBase storage;
  const KnowledgeBase& kb = knowledge_base_for(invocation, storage);
  check_setting_ids(invocation, kb);
  // Questions only on a terminal: a script that forgets --area gets the usage error.
  const bool terminal = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
  if (invocation.start && !terminal)
    throw UsageError("'knotplan start' asks its questions on a terminal, and this is not one",
                     "give the answers as options, such as knotplan --area upper-back --since "
                     "today");
  RequestOptions request = invocation.request;
  if (invocation.start || (!request.area && terminal)) {
    if (!screen(kb, request)) return 0;
    // Said before the routine, so that JSON on standard output stays JSON.
    std::FILE* said_to = format == Format::kText ? stdout : stderr;
    std::fprintf(said_to, "\nThe same answers as a command, to repeat or script it:\n  %s\n\n",
                 equivalent_command(request).c_str());
    std::fflush(said_to);
  }
  // What the log says (the episode's start, whether it is getting better, ratings); the
  // summary file beside the database makes this a few microseconds (history_store.hpp).
  if (const auto path = history_file_if_any(invocation))
    request.history = std::make_shared<const HistorySummary>(read_history_summary(*path));
  const Routine routine = plan(kb, request, clock_for_commands());
  // A withheld routine is never guided: it prints the same message as planning does.
  if (invocation.guide && routine.status == Status::kOk)
    return guide(routine, invocation, time_scale);

  // Room for a whole routine up front: the stream then never regrows or copies it.
  std::string buffer;
  buffer.reserve(32 * 1024);
  std::ostringstream out(std::move(buffer));
  const int width =
      to_standard_output(invocation) ? terminal_width(STDOUT_FILENO).value_or(80) : 80;
  render(routine, format, TextOptions{color, width}, out,
         invocation.compact ? SheetLayout::kCompact : SheetLayout::kLargePrint);
  emit(invocation, out.view());
  for (const std::string& typed : routine.request.unplaced_symptoms)
    std::fprintf(stderr,
                 "knotplan: note: --symptom %s was not understood; the answer above is for the "
                 "rest\n",
                 quote_value(typed).c_str());
  return static_cast<int>(routine.status == Status::kWithheld ? ExitCode::kWithheld
                                                              : ExitCode::kOk);
}

int run_start(const Invocation& invocation) {
  Invocation asking = invocation;
  asking.start = true;
  return run_plan(asking);
}

}  // namespace knotplan
