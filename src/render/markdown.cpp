#include <fmt/format.h>

#include <algorithm>

#include "knotplan/render.hpp"
#include "knotplan/terminal.hpp"
#include "text_layout.hpp"
#include "wording.hpp"

namespace knotplan {

namespace {

// Knowledge-base text as literal CommonMark, so that a technique called "*bold*" prints
// its asterisks: inline markup characters are escaped everywhere, and what would open a
// block (a heading, a list item, "1.") only at the start, so the plain text stays readable.
std::string escaped(const std::string& text) {
  const std::string plain = printable(text);
  std::string result;
  std::size_t digits = 0;
  while (digits < plain.size() && plain[digits] >= '0' && plain[digits] <= '9') ++digits;
  for (std::size_t i = 0; i < plain.size(); ++i) {
    const char c = plain[i];
    const bool inline_markup = std::string_view("\\`*_[]<>|~&").find(c) != std::string_view::npos;
    const bool opens_block =
        (i == 0 && std::string_view("#+-=").find(c) != std::string_view::npos) ||
        (digits > 0 && i == digits && (c == '.' || c == ')'));
    if (inline_markup || opens_block) result += '\\';
    result += c;
  }
  return result;
}

// A citation whose web address ends it, with the address as an autolink: a bare URL is
// no link in CommonMark (markdownlint MD034), and escaping it would break it.
std::string linked(const std::string& citation, const std::optional<std::string>& url) {
  const auto autolink = [](std::string_view address) {
    const bool web = address.starts_with("https://") || address.starts_with("http://");
    return web && std::all_of(address.begin(), address.end(),
                              [](char c) { return c > ' ' && c < 0x7f && c != '<' && c != '>'; });
  };
  if (!url || !autolink(*url) || !citation.ends_with(" " + *url)) return escaped(citation);
  return escaped(citation.substr(0, citation.size() - url->size())) + "<" + *url + ">";
}

class MarkdownWriter {
 public:
  MarkdownWriter(const Routine& routine, std::ostream& out) : routine_(routine), out_(out) {}

  void write() {
    out_ << "# Self-massage routine: " << escaped(routine_.area_name) << "\n\n";
    out_ << escaped(request_summary(routine_)) << "\n\n";
    if (routine_.status == Status::kWithheld) {
      // Only why, and whom to see how urgently: nothing that looks like a routine.
      const SeeAProfessional& stop = *routine_.see_a_professional;
      // A heading ends without a full stop (markdownlint MD026).
      std::string heading = withheld_text(stop.level);
      if (heading.ends_with('.')) heading.pop_back();
      out_ << "## " << escaped(heading) << "\n\n";
      for (const RoutineReason& reason : stop.reasons)
        out_ << "- **" << escaped(reason_text(reason)) << "**\n";
      if (routine_.request.explain) explained();
      return;
    } else {
      list(kWatchHeading, watch_texts(routine_));
      referrals();
      out_ << fmt::format("{} steps, {} in all. Tick each step as you do it.\n\n",
                          routine_.steps.size(), clock_time(routine_.total_seconds));
      if (!routine_.pressure_scale.empty()) out_ << escaped(routine_.pressure_scale) << "\n\n";
      steps();
      list("Advice", routine_.advice);
    }
    closing();
    if (routine_.request.explain) explained();
  }

 private:
  void steps() {
    walk_steps(
        routine_, [this](Phase phase) { out_ << "## " << phase_heading(phase) << "\n\n"; },
        [this](const Step& step, const Step* same_as) { one_step(step, same_as); });
  }

  void one_step(const Step& step, const Step* same_as) {
    // "12. " needs four columns of indent for what belongs to the item. The times and the
    // facts are split by a backslash hard break, and the blank line before the list is
    // empty: no trailing spaces (markdownlint MD009).
    const std::string number = fmt::format("{}. ", step.index);
    const std::string indent(number.size(), ' ');
    out_ << number << "[ ] **" << escaped(step.name) << "**: " << clock_time(step.start_seconds)
         << " to " << clock_time(step.start_seconds + step.seconds) << " ("
         << duration(step.seconds) << ")\\\n"
         << indent << escaped(step_facts(step)) << "\n\n";
    if (same_as != nullptr && same_words(*same_as, step)) {
      out_ << indent
           << escaped(
                  fmt::format("Same as step {}, on the {}.", same_as->index, side_text(step.side)))
           << "\n";
    } else {
      for (const std::string& line : step.instructions)
        out_ << indent << "- " << escaped(line) << "\n";
      for (const std::string& cue : step.cues)
        out_ << indent << "- *Feel:* " << escaped(cue) << "\n";
      for (const std::string& caution : step.cautions)
        out_ << indent << "- *Careful:* " << escaped(caution) << "\n";
    }
    out_ << "\n";
  }

  void list(const char* heading, const std::vector<std::string>& items) {
    if (items.empty()) return;
    out_ << "## " << heading << "\n\n";
    for (const std::string& item : items) out_ << "- " << escaped(item) << "\n";
    out_ << "\n";
  }

  void explained() {
    for (const ExplainSection& section : explanation(routine_)) {
      out_ << "\n## " << escaped(section.heading) << "\n\n";
      for (const ExplainLine& line : section.lines) {
        out_ << "- " << escaped(line.text) << "\n";
        for (const std::string& detail : line.details) out_ << "  - " << escaped(detail) << "\n";
      }
    }
  }

  // Before the steps, where a referral is read.
  void referrals() {
    if (!routine_.see_a_professional) return;
    for (const RoutineReason& reason : routine_.see_a_professional->reasons)
      out_ << "**" << escaped(referral_text(reason.level)) << ":** " << escaped(reason_text(reason))
           << "\n\n";
  }

  // Cautions, then the disclaimer on its own.
  void closing() {
    list("Cautions", routine_.cautions);
    out_ << "## When to see someone\n\n";
    out_ << escaped(routine_.disclaimer) << "\n";
    // Last, so that a reader can check every step against what it is based on.
    const std::vector<std::string> references = reference_citations(routine_);
    if (references.empty()) return;
    out_ << "\n## References\n\n";
    for (std::size_t i = 0; i < references.size(); ++i)
      out_ << i + 1 << ". " << linked(references[i], routine_.references[i].url) << "\n";
  }

  const Routine& routine_;
  std::ostream& out_;
};

}  // namespace

void render_markdown(const Routine& routine, std::ostream& out) {
  MarkdownWriter(routine, out).write();
}

}  // namespace knotplan
