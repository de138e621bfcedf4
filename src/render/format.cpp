#include <algorithm>
#include <cctype>
#include <string>

#include "knotplan/ids.hpp"
#include "knotplan/render.hpp"

namespace knotplan {

std::string_view format_name(Format format) {
  for (const FormatInfo& info : kFormats)
    if (info.format == format) return info.name;
  return "text";
}

std::optional<Format> format_named(std::string_view name) {
  const std::string wanted = normalize_id(name);
  for (const FormatInfo& info : kFormats)
    if (info.name == wanted) return info.format;
  return std::nullopt;
}

std::optional<Format> format_of_file(std::string_view path) {
  std::string name(path);
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const FormatInfo& info : kFormats)
    for (const std::string_view extension : info.extensions)
      if (!extension.empty() && name.ends_with(extension)) return info.format;
  return std::nullopt;
}

void render(const Routine& routine, Format format, const TextOptions& text, std::ostream& out,
            SheetLayout layout) {
  switch (format) {
    case Format::kJson:
      render_json(routine, out);
      return;
    case Format::kMarkdown:
      render_markdown(routine, out);
      return;
    case Format::kHtml:
      if (layout == SheetLayout::kCompact)
        render_html_compact(routine, out);
      else
        render_html(routine, out);
      return;
    case Format::kText:
    case Format::kCsv:  // not a routine format: run_plan never asks for it
      break;
  }
  render_text(routine, text, out);
}

}  // namespace knotplan
