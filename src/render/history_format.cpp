#include <algorithm>
#include <cctype>
#include <string>

#include "knotplan/ids.hpp"
#include "knotplan/render_history.hpp"

namespace knotplan {

std::optional<HistoryFormat> history_format_named(std::string_view name) {
  const std::string wanted = normalize_id(name);
  for (std::size_t i = 0; i < kHistoryFormats.size(); ++i)
    if (wanted == kHistoryFormats[i]) return static_cast<HistoryFormat>(i);
  return std::nullopt;
}

std::optional<HistoryFormat> history_format_of_file(std::string_view path) {
  std::string name(path);
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (name.ends_with(".txt")) return HistoryFormat::kText;
  if (name.ends_with(".json")) return HistoryFormat::kJson;
  if (name.ends_with(".csv")) return HistoryFormat::kCsv;
  if (name.ends_with(".html") || name.ends_with(".htm")) return HistoryFormat::kHtml;
  return std::nullopt;
}

std::string render_history(const HistoryView& view, HistoryFormat format) {
  switch (format) {
    case HistoryFormat::kJson:
      return render_history_json(view);
    case HistoryFormat::kCsv:
      return render_history_csv(view);
    case HistoryFormat::kHtml:
      return render_history_html(view);
    case HistoryFormat::kText:
      break;
  }
  return render_history_text(view);
}

}  // namespace knotplan
