// Writes the history of each fixture (history_fixtures.hpp) in every format into a folder,
// for the checks that need files: the JSON schema check (check_schemas.py), html-validate
// and axe-core (check_html.sh), and a look in a browser.
// Usage: write_history_samples FOLDER
#include <fstream>
#include <iostream>
#include <utility>

#include "history_fixtures.hpp"

using namespace knotplan;
using namespace knotplan::testing;

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: write_history_samples FOLDER\n";
    return 2;
  }
  const std::string folder = argv[1];
  std::vector<std::pair<std::string, HistoryView>> views;
  views.emplace_back("history-week", history_view(week_of_sessions()));
  HistoryView neck = history_view(week_of_sessions());
  neck.area = "neck";
  views.emplace_back("history-neck", std::move(neck));
  std::vector<SessionRecord> hostile = week_of_sessions();
  hostile.push_back(hostile_session());
  views.emplace_back("history-hostile", history_view(std::move(hostile)));
  views.emplace_back("history-empty", history_view({}));
  views.emplace_back("history-one", history_view({week_of_sessions().front()}));
  views.emplace_back("history-ten-years", history_view(daily_sessions(3650)));
  constexpr std::pair<HistoryFormat, const char*> kEndings[] = {{HistoryFormat::kText, ".txt"},
                                                                {HistoryFormat::kJson, ".json"},
                                                                {HistoryFormat::kCsv, ".csv"},
                                                                {HistoryFormat::kHtml, ".html"}};
  for (const auto& [name, view] : views)
    for (const auto& [format, ending] : kEndings) {
      std::ofstream out(folder + "/" + name + ending, std::ios::binary);
      out << render_history(view, format);
      if (!out) {
        std::cerr << "write_history_samples: cannot write " << folder << "/" << name << ending
                  << "\n";
        return 1;
      }
    }
  return 0;
}
