#ifndef KNOTPLAN_RENDER_HPP_
#define KNOTPLAN_RENDER_HPP_

#include <array>
#include <optional>
#include <ostream>
#include <string_view>

#include "knotplan/routine.hpp"

namespace knotplan {

enum class Format { kText, kJson, kMarkdown, kHtml, kCsv };

// Every format of every command: as --format names it, and the endings of a file name
// that choose it for -o when no format is given. A command says which it takes.
struct FormatInfo {
  Format format;
  std::string_view name;
  std::array<std::string_view, 2> extensions;  // "" for none
};
inline constexpr std::array kFormats{
    FormatInfo{Format::kText, "text", {".txt", ""}},
    FormatInfo{Format::kJson, "json", {".json", ""}},
    FormatInfo{Format::kMarkdown, "markdown", {".md", ".markdown"}},
    FormatInfo{Format::kHtml, "html", {".html", ".htm"}},
    FormatInfo{Format::kCsv, "csv", {".csv", ""}},  // knotplan history
};

// The formats of a routine.
inline constexpr std::array<const char*, 4> kRoutineFormats{"text", "json", "markdown", "html"};

// The --format name of a format.
std::string_view format_name(Format format);

// The format a --format value names (any case), or nullopt.
std::optional<Format> format_named(std::string_view name);

// The format a file name's ending chooses (any case), or nullopt.
std::optional<Format> format_of_file(std::string_view path);

struct TextOptions {
  bool color = false;
  int width = 80;  // lines are wrapped to this many columns
};

// How the HTML sheet is laid out (--compact). Other formats have one layout each.
enum class SheetLayout {
  kLargePrint,  // each technique once, with its picture; nothing under 10 pt; two pages at most
  kCompact,     // a table of steps on one page, in small print
};

// The routine in `format`; `text` is used only by Format::kText, `layout` only by
// Format::kHtml.
void render(const Routine& routine, Format format, const TextOptions& text, std::ostream& out,
            SheetLayout layout = SheetLayout::kLargePrint);

// The request as the routine's JSON "request" object, for the session log.
std::string request_json(const Request& request);

// The routine as an aligned sheet for a person reading a terminal. Knowledge-base text
// is stripped of control characters. A routine planned with Request::explain (--explain)
// ends with the session shape, the rules that fired and the candidates left out.
void render_text(const Routine& routine, const TextOptions& options, std::ostream& out);

// The version of the routine JSON contract: 2 added "areas" and, under "explain", the
// session shape; 3 "watch_for", every reason under "see_a_professional", and the
// disclaimer on its own.
inline constexpr int kRoutineSchemaVersion = 3;

// The routine as the JSON contract of data/schema/routine.schema.json (two-space indent,
// contract field order, a final newline). A routine planned with Request::explain
// (--explain) adds an "explain" object: the rules that fired, the candidates left out and
// the session shape it was composed to.
void render_json(const Routine& routine, std::ostream& out);

// The routine as CommonMark for a printed sheet: a tick box per step, then advice,
// cautions and when to see someone. Knowledge-base text is escaped, never markup.
void render_markdown(const Routine& routine, std::ostream& out);

// The routine as one self-contained HTML page (no network, fonts, images or scripts) to
// print, in large print for older eyes: the warning signs, a body map, pain boxes and a
// tick for each day, then each technique once, with its picture (when it has one), timing,
// pressure, instructions and cues; the references are counted and pointed to, not
// listed. A 10-minute routine prints on one sheet of paper
// (both sides at most, A4 or Letter). Nothing that carries meaning is a CSS background, so
// it prints the same whatever the browser's background-graphics setting. All
// knowledge-base text is escaped.
void render_html(const Routine& routine, std::ostream& out);

// The same routine as one table of steps in small print, on one page for a 10-minute
// routine, then the references with their web addresses (--compact).
void render_html_compact(const Routine& routine, std::ostream& out);

}  // namespace knotplan

#endif  // KNOTPLAN_RENDER_HPP_
