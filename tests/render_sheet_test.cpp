// The printable sheets: Markdown and HTML.
#include <catch2/catch.hpp>
#include <sstream>

#include "knotplan/knowledge_loader.hpp"
#include "knotplan/planner.hpp"
#include "knotplan/render.hpp"
#include "test_support.hpp"

using namespace knotplan;
using testing::make_request;

namespace {

std::string markdown_of(const Routine& routine) {
  std::ostringstream out;
  render_markdown(routine, out);
  return out.str();
}

std::string html_of(const Routine& routine) {
  std::ostringstream out;
  render_html(routine, out);
  return out.str();
}

std::string compact_html_of(const Routine& routine) {
  std::ostringstream out;
  render_html_compact(routine, out);
  return out.str();
}

// The sheet's one style sheet.
std::string style_of(const std::string& html) {
  const std::size_t start = html.find("<style>");
  const std::size_t end = html.find("</style>");
  REQUIRE(start != std::string::npos);
  REQUIRE(end != std::string::npos);
  return html.substr(start, end - start);
}

// Every font size the style sheet sets, in points ("font-size: 10.5pt", "font: 12pt/1.3").
std::vector<double> font_sizes(const std::string& style) {
  std::vector<double> sizes;
  for (const char* property : {"font-size:", "font:"}) {
    for (std::size_t at = style.find(property); at != std::string::npos;
         at = style.find(property, at + 1)) {
      std::size_t number = at + std::string(property).size();
      while (style[number] == ' ') ++number;
      // "font: inherit" takes its parent's size, which is checked where it is set.
      if (style.compare(number, 7, "inherit") == 0) continue;
      std::size_t used = 0;
      const double size = std::stod(style.substr(number), &used);
      const std::string unit = style.substr(number + used, 2);
      // Points only: a size in any other unit would escape this check, so it fails.
      CHECK(unit == "pt");
      sizes.push_back(size);
    }
  }
  return sizes;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t found = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++found;
  return found;
}

Routine hostile_routine() {
  Routine routine = plan(builtin_knowledge_base(),
                         make_request("upper-back", "2w", "posture", 10, {"tennis-ball"}));
  routine.steps[0].name = "<script>alert(1)</script> *bold* [link](x) & \"quotes\"";
  routine.steps[0].instructions[0] = "1. # not a heading <img src=x onerror=alert(1)>";
  routine.advice[0] = "- not a list \x1b[31m red";
  return routine;
}

}  // namespace

TEST_CASE("markdown: a numbered step list with tick boxes, then advice and cautions", "[sheet]") {
  const Routine routine = plan(builtin_knowledge_base(), make_request("neck", "2d", "sleep"));
  const std::string text = markdown_of(routine);
  CHECK_THAT(text, Catch::StartsWith("# Self-massage routine: Neck\n\n"));
  CHECK(count(text, "[ ] **") == routine.steps.size());
  for (const Step& step : routine.steps)
    CHECK_THAT(text, Catch::Contains(std::to_string(step.index) + ". [ ] **" + step.name + "**"));
  CHECK_THAT(text, Catch::Contains("0:00 to 1:00 (1 min)"));
  // Both sides are written out: each names its own hand and shoulder.
  CHECK(text.find("Same as step") == std::string::npos);
  CHECK_THAT(text, Catch::Contains("your left"));
  CHECK_THAT(text, Catch::Contains("your right"));
  CHECK_THAT(text, Catch::Contains("- *Feel:* "));
  CHECK_THAT(text, Catch::Contains("\n## Advice\n"));
  CHECK_THAT(text, Catch::Contains("\n## Cautions\n"));
  CHECK_THAT(text, Catch::Contains("\n## When to see someone\n"));
  CHECK_THAT(text,
             Catch::Contains("see a physiotherapist or your doctor.\n\n## References\n\n1. "));
  CHECK_THAT(text, Catch::Contains(routine.references.back().title));
}

TEST_CASE("markdown escapes knowledge-base text so that it prints as written", "[sheet]") {
  const std::string text = markdown_of(hostile_routine());
  CHECK_THAT(text,
             Catch::Contains("\\<script\\>alert(1)\\</script\\> \\*bold\\* \\[link\\](x) \\& "));
  CHECK_THAT(text, Catch::Contains("- 1\\. # not a heading \\<img"));
  CHECK_THAT(text, Catch::Contains("- \\- not a list ?\\[31m red"));
  CHECK(text.find('\x1b') == std::string::npos);
}

TEST_CASE("html: a large-print sheet, each technique once, with a body map and pain boxes",
          "[sheet]") {
  const Routine routine = plan(builtin_knowledge_base(),
                               make_request("upper-back", "today", "strain", 10, {"tennis-ball"}));
  const std::string html = html_of(routine);
  CHECK_THAT(html, Catch::StartsWith("<!DOCTYPE html>\n<html lang=\"en\">"));
  CHECK_THAT(html, Catch::Contains("@page"));
  CHECK_THAT(html, Catch::Contains("break-inside: avoid"));
  // Nothing loads from outside; addresses appear only as text in the references.
  for (const char* external : {"<link", "<script", "@import", "src=", "href="})
    CHECK(html.find(external) == std::string::npos);
  // The references are named by number and where to find them, not listed: with their
  // addresses they would take a third of a page.
  CHECK(html.find("http") == std::string::npos);
  CHECK_THAT(html, Catch::Contains("Its " + std::to_string(routine.references.size()) +
                                   " sources, with web addresses: <kbd>knotplan sources</kbd>"));
  // A technique done on each side is one block: its steps, less the second sides.
  std::size_t techniques = 0;
  std::size_t sided = 0;
  for (std::size_t i = 0; i < routine.steps.size(); ++i) {
    const bool second_side = i > 0 &&
                             routine.steps[i - 1].technique == routine.steps[i].technique &&
                             routine.steps[i - 1].side != routine.steps[i].side;
    if (second_side)
      ++sided;
    else
      ++techniques;
    CHECK_THAT(html, Catch::Contains(routine.steps[i].name));
  }
  REQUIRE(sided > 0);
  CHECK(count(html, "<section class=\"technique") == techniques);
  // Every built-in technique has a drawing; its section keeps the picture with its heading.
  CHECK(count(html, "<section class=\"technique pictured\"><div class=\"picture\"><svg") ==
        techniques);
  // Pain before and after, and a tick for the routine, each day of the week.
  CHECK(count(html, "<span class=\"cell\"></span>") == 14);
  CHECK(count(html, "<span class=\"tick\"></span>") == 7);
  CHECK(count(html, ", then right: ") + count(html, ", then left: ") == sided);
  // A second side whose words name a side says to swap them.
  std::size_t swapped = 0;
  for (std::size_t i = 1; i < routine.steps.size(); ++i)
    if (routine.steps[i - 1].technique == routine.steps[i].technique &&
        routine.steps[i - 1].side != routine.steps[i].side &&
        routine.steps[i - 1].instructions != routine.steps[i].instructions)
      ++swapped;
  CHECK(swapped > 0);
  CHECK(count(html, ", with left and right swapped.</span>") == swapped);
  // The body map, its legend in SVG, and a text alternative that names what is marked.
  CHECK(count(html, "<svg class=\"figure\"") == 1);
  CHECK(count(html, "<svg class=\"key knot\"") == 1);
  CHECK(count(html, "<svg class=\"key also\"") == 1);
  CHECK_THAT(html, Catch::Contains("aria-label=\"Back view of the body. Marked: the knot in the "
                                   "upper back, both sides; also worked: "));
  CHECK_THAT(html, Catch::Contains("chest (on the front, not drawn)."));
  // The warning signs come before the first technique, where they are read.
  const std::size_t watch =
      html.find("<div class=\"watch\" role=\"note\"><strong>Stop and get help if");
  REQUIRE(watch != std::string::npos);
  CHECK(html.find("tearing or ripping pain") > watch);
  CHECK(watch < html.find("<section class=\"technique"));
  CHECK_THAT(html, Catch::Contains("self-care guidance, not a diagnosis"));
}

TEST_CASE("html: each technique's name, timing and gauge head it, cautions start a line",
          "[sheet]") {
  const Routine routine = plan(builtin_knowledge_base(),
                               make_request("upper-back", "3w", "posture", 10, {"tennis-ball"}));
  const std::string html = html_of(routine);
  const std::size_t techniques = count(html, "<section class=\"technique");
  REQUIRE(techniques > 3);
  CHECK(count(html, "<div class=\"head\"><h3><span class=\"num\">") == techniques);
  std::size_t pressed = 0;
  std::size_t careful = 0;
  std::size_t chest = 0;
  for (const Step& step : routine.steps) {
    if (step.pressure) ++pressed;
    careful += step.cautions.size();
    if (step.target == "chest") ++chest;
  }
  REQUIRE(pressed > 0);
  REQUIRE(careful > 0);
  REQUIRE(chest > 0);
  // The gauge sits in the head, not in the instructions.
  CHECK(count(html, "</p><p class=\"pressure\">pressure <svg class=\"gauge\"") > 0);
  CHECK(count(html, "<svg class=\"gauge\"") <= pressed);
  // The knot the sheet is titled for is not named again in each head; another area is.
  CHECK(html.find("</strong> · upper back") == std::string::npos);
  CHECK_THAT(html, Catch::Contains("</strong> · chest"));
  // What it should feel like runs on in italics; each caution starts a paragraph of its own.
  CHECK_THAT(html, Catch::Contains("</ol> <p class=\"feel\">"));
  CHECK(count(html, "<p class=\"careful\"><strong>Careful:</strong> ") > 0);
  CHECK(count(html, "<strong>Careful:</strong> ") <= careful);
  const std::string paragraph = "<p class=\"careful\">";
  const std::size_t first_caution = html.find("<strong>Careful:</strong> ");
  CHECK(html.rfind(paragraph, first_caution) + paragraph.size() == first_caution);
  // A technique with no drawing (one added with --kb) takes no room for a picture.
  Routine undrawn = routine;
  for (Step& step : undrawn.steps) step.pose.reset();
  const std::string plain = html_of(undrawn);
  CHECK(count(plain, "<section class=\"technique\">") == techniques);
  CHECK(plain.find("<div class=\"picture\">") == std::string::npos);
}

TEST_CASE("html: nothing under 10 pt, and no meaning in CSS backgrounds", "[sheet]") {
  const Routine routine = plan(builtin_knowledge_base(), make_request("neck", "2d", "sleep"));
  const std::string style = style_of(html_of(routine));
  const std::vector<double> sizes = font_sizes(style);
  REQUIRE(sizes.size() >= 5);
  for (const double size : sizes) CHECK(size >= 10);
  CHECK_THAT(style, Catch::Contains("body { font: 10pt/"));
  // The warning signs and the pain boxes are larger still.
  CHECK_THAT(style, Catch::Contains(".watch { border: 1mm solid #000; padding: 0.6mm 2.5mm; "
                                    "margin: 2mm 0; font-size: 11pt; }"));
  // Browsers leave out backgrounds unless asked to print them: the sheet uses none, and
  // asks for its SVG fills as they are.
  for (const std::string& sheet : {html_of(routine), compact_html_of(routine)}) {
    const std::string css = style_of(sheet);
    CHECK(css.find("background") == std::string::npos);
    CHECK_THAT(css,
               Catch::Contains("-webkit-print-color-adjust: exact; print-color-adjust: exact;"));
  }
}

TEST_CASE("html --compact: one table row per step, day boxes and an SVG legend", "[sheet]") {
  const Routine routine = plan(builtin_knowledge_base(),
                               make_request("upper-back", "today", "strain", 10, {"tennis-ball"}));
  const std::string html = compact_html_of(routine);
  CHECK(count(html, "<svg class=\"figure\"") == 1);
  CHECK(count(html, "<svg class=\"key knot\"") == 1);
  CHECK(count(html, "<svg class=\"key also\"") == 1);
  CHECK_THAT(html, Catch::Contains("aria-label=\"Back view of the body. Marked: the knot in the "
                                   "upper back, both sides; also worked: "));
  CHECK_THAT(html, Catch::Contains("<p class=\"unseen\">and on the front: chest</p>"));
  CHECK(count(html, "<tr><td class=\"num\">") == routine.steps.size());
  CHECK(count(html, "<span class=\"box\"></span>") == 7 * routine.steps.size());
  CHECK(count(html, "<span class=\"cell\"></span>") == 14);
  std::size_t pressed = 0;
  for (const Step& step : routine.steps) {
    CHECK_THAT(html, Catch::Contains(step.name));
    if (step.pressure) ++pressed;
  }
  CHECK(count(html, "<svg class=\"gauge\"") == pressed);
  const std::size_t references = html.find("<div class=\"references\">");
  REQUIRE(references != std::string::npos);
  CHECK(html.find("http") > references);
  CHECK(count(html, "<li>") >= routine.references.size());
  // Its print is no smaller than it was: 7.9 pt text.
  CHECK_THAT(style_of(html), Catch::Contains("body { font: 7.9pt/"));
  for (const double size : font_sizes(style_of(html))) CHECK(size >= 6);
  CHECK(html.find("<div class=\"watch\" role=\"note\">") < html.find("<table class=\"steps\">"));
}

TEST_CASE("html escapes every piece of knowledge-base text", "[sheet]") {
  for (const std::string& html : {html_of(hostile_routine()), compact_html_of(hostile_routine())}) {
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("<img") == std::string::npos);
    CHECK_THAT(html, Catch::Contains("&lt;script&gt;alert(1)&lt;/script&gt; *bold* [link](x) &amp; "
                                     "&quot;quotes&quot;"));
    CHECK_THAT(html, Catch::Contains("&lt;img src=x onerror=alert(1)&gt;"));
    CHECK(html.find('\x1b') == std::string::npos);
  }
}

TEST_CASE("a withheld routine's sheet says only why and whom to see", "[sheet]") {
  Request request = make_request("lower-back");
  request.symptoms = {"bladder-bowel"};
  const Routine routine = plan(builtin_knowledge_base(), request);
  const std::string html = html_of(routine);
  CHECK_THAT(html, Catch::Contains("<h1>No routine today</h1>"));
  CHECK_THAT(html, Catch::Contains("This is an emergency"));
  CHECK_THAT(html, Catch::Contains(routine.see_a_professional->reasons.at(0).message));
  CHECK(html.find("class=\"steps\"") == std::string::npos);
  CHECK(html.find("Advice") == std::string::npos);
  const std::string markdown = markdown_of(routine);
  CHECK_THAT(markdown, Catch::Contains("## No routine today. This is an emergency\n"));
  CHECK(markdown.find("[ ]") == std::string::npos);
  CHECK(markdown.find("## Advice") == std::string::npos);
}

TEST_CASE("explaining adds the session shape and the rules to every sheet", "[sheet]") {
  Request request = make_request("neck", "1w", "stress");
  request.explain = true;
  const Routine routine = plan(builtin_knowledge_base(), request);
  const std::string markdown = markdown_of(routine);
  CHECK_THAT(markdown, Catch::Contains("\n## Session shape\n"));
  CHECK_THAT(markdown, Catch::Contains("\n## Why this routine\n"));
  CHECK_THAT(markdown, Catch::Contains("- neck-knot: "));
  const std::string html = html_of(routine);
  CHECK_THAT(html, Catch::Contains("<h2>Why this routine</h2>"));
  CHECK(html.find("<div class=\"explain\">") > html.find("<div class=\"closing\">"));
  const std::string compact = compact_html_of(routine);
  CHECK(compact.find("<div class=\"explain\">") > compact.find("<div class=\"references\">"));
  request.explain = false;
  CHECK(markdown_of(plan(builtin_knowledge_base(), request)).find("## Why this routine") ==
        std::string::npos);
}
