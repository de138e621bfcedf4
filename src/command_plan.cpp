#include <unistd.h>

#include <sstream>

#include "commands.hpp"
#include "knotplan/error.hpp"
#include "knotplan/planner.hpp"
#include "knotplan/render.hpp"
#include "knotplan/terminal.hpp"

namespace knotplan {

int run_plan(const Invocation& invocation) {
  const std::string format =
      checked_format(invocation.format, {"text", "json", "markdown", "html"});
  const bool color = color_for_stdout(invocation);
  KnowledgeBase storage;
  const KnowledgeBase& kb = knowledge_base_for(invocation, storage);
  const Routine routine = plan(kb, invocation.request, SystemClock());

  std::ostringstream out;
  if (format == "json") {
    render_json(routine, invocation.explain, out);
  } else if (format == "markdown") {
    render_markdown(routine, out);
  } else if (format == "html") {
    render_html(routine, out);
  } else {
    const int width = invocation.output.empty() ? terminal_width(STDOUT_FILENO).value_or(80) : 80;
    render_text(routine, TextOptions{color, invocation.explain, width}, out);
  }
  emit(invocation, out.str());
  return static_cast<int>(routine.status == Status::kWithheld ? ExitCode::kWithheld
                                                              : ExitCode::kOk);
}

}  // namespace knotplan
