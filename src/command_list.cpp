#include <fmt/format.h>

#include <cctype>
#include <sstream>

#include "commands.hpp"
#include "knotplan/error.hpp"
#include "knotplan/ids.hpp"
#include "knotplan/render_knowledge.hpp"
#include "knotplan/terminal.hpp"
#include "render/technique_drawing.hpp"

namespace knotplan {

namespace {

[[noreturn]] void unknown(const char* what, const std::string& value,
                          const std::vector<std::string>& valid, const std::string& valid_text) {
  std::string hint;
  if (const auto closest = closest_match(value, valid))
    hint = fmt::format("did you mean '{}'? ", *closest);
  throw UsageError(fmt::format("{} is not {}", quote_value(value), what), hint + valid_text);
}

// show's format: as for a listing, and -o NAME.svg without --format draws the technique.
std::string show_format(const Invocation& invocation) {
  const auto chosen = invocation.settings.find("format");
  const bool given =
      chosen != invocation.settings.end() && chosen->second.origin == Origin::kCommandLine;
  if (!given && invocation.output && invocation.output->size() > 4) {
    std::string ending = invocation.output->substr(invocation.output->size() - 4);
    for (char& c : ending) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ending == ".svg") return "svg";
  }
  return format_for(invocation, kShowFormats);
}

}  // namespace

int run_list(const Invocation& invocation) {
  const std::string format = format_for(invocation, kListingFormats);
  if (invocation.argument.empty())
    throw UsageError("'knotplan list' needs what to list",
                     fmt::format("for example: knotplan list areas. Lists: {}",
                                 fmt::join(listing_names(), ", ")));
  const std::string name = normalize_id(invocation.argument);
  const auto listing = listing_from_name(name);
  if (!listing)
    unknown("something knotplan can list", invocation.argument, listing_names(),
            fmt::format("Lists: {}", fmt::join(listing_names(), ", ")));
  KnowledgeBase storage;
  const KnowledgeBase& kb = knowledge_base_for(invocation, storage);
  std::ostringstream out;
  if (format == "json") {
    render_listing_json(kb, *listing, out);
  } else {
    render_listing_text(kb, *listing, out);
  }
  emit(invocation, out.str());
  return 0;
}

int run_show(const Invocation& invocation) {
  const std::string format = show_format(invocation);
  const bool color = color_for_stdout(invocation);
  KnowledgeBase storage;
  const KnowledgeBase& kb = knowledge_base_for(invocation, storage);
  if (invocation.argument.empty())
    throw UsageError("'knotplan show' needs a technique",
                     "for example: knotplan show ball-against-wall. "
                     "'knotplan list techniques' lists them all");
  const Technique* found = kb.technique_named(invocation.argument);
  if (found == nullptr) {
    std::vector<std::string> ids;
    for (const Technique& technique : kb.techniques) ids.emplace_back(technique.id);
    unknown("a technique", invocation.argument, ids, "'knotplan list techniques' lists them all");
  }
  std::ostringstream out;
  if (format == "svg") {
    if (!found->pose)
      throw UsageError(fmt::format("technique '{}' has no drawing", found->id),
                       "add a \"pose\" to it (docs/extending.md, Drawing a technique)");
    out << technique_drawing_svg(*found->pose, found->name, found->id) << '\n';
  } else if (format == "json") {
    render_technique_json(*found, out);
  } else {
    render_technique_text(kb, *found, color, out);
  }
  emit(invocation, out.str());
  return 0;
}

int run_sources(const Invocation& invocation) {
  Invocation sources = invocation;
  sources.argument = "sources";
  return run_list(sources);
}

}  // namespace knotplan
