#include "knotplan/screening.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "knotplan/error.hpp"
#include "knotplan/ids.hpp"
#include "knotplan/rules.hpp"
#include "knotplan/since.hpp"

namespace knotplan {

namespace {

// One entry of a numbered list of answers.
struct Choice {
  std::string id;
  std::string name;
};

// The items of a comma-separated answer; numbers may be separated by spaces too ("1 3"),
// names may not ("upper back" is one name).
std::vector<std::string> items_of(const std::string& answer) {
  std::vector<std::string> items;
  std::size_t begin = 0;
  while (begin <= answer.size()) {
    const std::size_t comma = std::min(answer.find(',', begin), answer.size());
    const std::string piece(trimmed(std::string_view(answer).substr(begin, comma - begin)));
    const bool numbers = std::all_of(piece.begin(), piece.end(),
                                     [](char c) { return c == ' ' || (c >= '0' && c <= '9'); });
    if (numbers) {
      std::string number;
      for (const char c : piece + " ") {
        if (c != ' ') {
          number += c;
        } else if (!number.empty()) {
          items.push_back(number);
          number.clear();
        }
      }
    } else {
      items.push_back(piece);
    }
    begin = comma + 1;
  }
  return items;
}

// Names joined for a default: "tennis ball, foam roller".
std::string names_of(const std::vector<Choice>& choices, const std::vector<std::string>& ids) {
  std::vector<std::string> names;
  for (const std::string& id : ids)
    for (const Choice& choice : choices)
      if (choice.id == id) names.push_back(choice.name);
  return fmt::format("{}", fmt::join(names, ", "));
}

// Every id of a list option, its comma-separated values split.
std::vector<std::string> ids_in(const std::vector<std::string>& values) {
  std::vector<std::string> ids;
  for (const std::string& value : values)
    for (const std::string& item : items_of(value)) ids.push_back(normalize_id(item));
  return ids;
}

template <typename Entry>
std::vector<Choice> choices_of(List<Entry> entries) {
  std::vector<Choice> choices;
  for (const std::string& id : typeable_ids(entries))
    for (const Entry& entry : entries)
      if (entry.id == id) choices.push_back({id, std::string(entry.name)});
  return choices;
}

// The whole number `text` spells, if it is one from `min` to `max`.
std::optional<int> number_in(const std::string& text, int min, int max) {
  const bool digits =
      !text.empty() && text.size() <= 3 &&
      std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!digits) return std::nullopt;
  const int value = std::stoi(text);
  return value >= min && value <= max ? std::optional(value) : std::nullopt;
}

// A word a POSIX shell reads as itself.
std::string shell_word(std::string_view word) {
  const bool plain = !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
           std::string_view("-,._/").find(c) != std::string_view::npos;
  });
  if (plain) return std::string(word);
  std::string quoted = "'";
  for (const char c : word) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

class Questions {
 public:
  Questions(const KnowledgeBase& kb, const Clock& clock, RequestOptions& request, ScreeningIo& io)
      : kb_(kb), clock_(clock), request_(request), io_(io) {}

  ScreeningEnd run() {
    io_.write(
        "A few questions before your routine, one at a time. Press Enter to take the answer "
        "in [brackets], or q to leave.\n");
    const bool answered = where() && since() && cause() && pain() && equipment() && conditions() &&
                          age() && warning_signs();
    return answered ? ScreeningEnd::kAnswered : end_;
  }

 private:
  // Asks until `accept` takes the answer, which returns what is wrong with it, or nothing.
  // False when the person leaves.
  template <typename Accept>
  bool ask(const std::string& question, Accept accept) {
    while (true) {
      io_.write(question);
      const std::optional<std::string> line = io_.read_line();
      if (!line) {
        io_.write("\n");
        end_ = io_.interrupted() ? ScreeningEnd::kInterrupted : ScreeningEnd::kQuit;
        return false;
      }
      const std::string answer(trimmed(*line));
      if (answer == "q" || answer == "Q" || answer == "quit") {
        end_ = ScreeningEnd::kQuit;
        return false;
      }
      const std::string problem = accept(answer);
      if (problem.empty()) return true;
      io_.write(fmt::format("  {}\n", problem));
    }
  }

  // A numbered list; the answer is numbers or names, up to `most` of them. Empty answers
  // take `defaults`; "none" takes nothing when `most` allows several.
  bool choose(const std::string& question, const std::vector<Choice>& choices, std::size_t most,
              const std::vector<std::string>& defaults, std::vector<std::string>& chosen) {
    std::string text = question + "\n";
    for (std::size_t i = 0; i < choices.size(); ++i)
      text += fmt::format("  {:>2}  {}\n", i + 1, choices[i].name);
    const std::string shown = defaults.empty() ? "none" : names_of(choices, defaults);
    text += most == 1 ? fmt::format("Number [{}]: ", shown)
                      : fmt::format("Number, or several separated by commas [{}]: ", shown);
    return ask(text, [&](const std::string& answer) -> std::string {
      chosen.clear();
      if (answer.empty()) {
        chosen = defaults;
        return {};
      }
      if (most > 1 && normalize_id(answer) == "none") return {};
      for (const std::string& item : items_of(answer)) {
        const std::string id = pick(choices, item);
        if (id.empty())
          return fmt::format("'{}' is not on the list: type a number from 1 to {}", item,
                             choices.size());
        if (std::find(chosen.begin(), chosen.end(), id) == chosen.end()) chosen.push_back(id);
      }
      if (chosen.size() > most)
        return fmt::format("choose at most {}: the places that hurt most", most);
      return {};
    });
  }

  // The id a number or a name picks, or empty.
  static std::string pick(const std::vector<Choice>& choices, const std::string& item) {
    if (std::all_of(item.begin(), item.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      const auto number = number_in(item, 1, static_cast<int>(choices.size()));
      return number ? choices[static_cast<std::size_t>(*number - 1)].id : std::string();
    }
    const std::string wanted = normalize_id(item);
    for (const Choice& choice : choices)
      if (choice.id == wanted || normalize_id(choice.name) == wanted) return choice.id;
    return {};
  }

  bool where() {
    std::vector<Choice> areas = choices_of(kb_.areas);
    std::vector<std::string> defaults =
        request_.area ? ids_in({*request_.area}) : std::vector<std::string>{};
    if (defaults.empty()) {
      const bool has_upper_back = std::any_of(areas.begin(), areas.end(),
                                              [](const Choice& c) { return c.id == "upper-back"; });
      defaults = {has_upper_back ? "upper-back" : areas.front().id};
    }
    std::vector<std::string> chosen;
    if (!choose("Where is the knot?", areas, kMaxAreas, defaults, chosen)) return false;
    if (chosen.empty()) chosen = defaults;
    request_.area = fmt::format("{}", fmt::join(chosen, ","));
    return true;
  }

  bool since() {
    return ask(fmt::format("Since when has it hurt? today, yesterday, 3d, 2w, 3mo or a date "
                           "[{}]: ",
                           request_.since.value_or("today")),
               [&](const std::string& answer) -> std::string {
                 const std::string value =
                     answer.empty() ? request_.since.value_or("today") : answer;
                 try {
                   parse_since(value, clock_);
                 } catch (const UsageError& error) {
                   return fmt::format("{}: {}", error.what(), error.hint());
                 }
                 request_.since = value;
                 return {};
               });
  }

  bool cause() {
    std::vector<std::string> chosen;
    if (!choose("What most likely set it off?", choices_of(kb_.causes), 1,
                {normalize_id(request_.cause)}, chosen))
      return false;
    if (!chosen.empty()) request_.cause = chosen.front();
    return true;
  }

  bool pain() {
    return ask(fmt::format("How strong is the pain now, from 0 (none) to 10 (the worst you can "
                           "imagine)? [{}]: ",
                           request_.pain),
               [&](const std::string& answer) -> std::string {
                 if (answer.empty()) return {};
                 if (!number_in(answer, 0, 10)) return "type a whole number from 0 to 10";
                 request_.pain = answer;
                 return {};
               });
  }

  bool equipment() {
    std::vector<std::string> chosen;
    if (!choose("What do you have to hand? Your hands, a wall, a chair and the floor are "
                "always counted.",
                choices_of(kb_.equipment), kb_.equipment.size(), ids_in(request_.equipment),
                chosen))
      return false;
    request_.equipment = chosen;
    return true;
  }

  bool conditions() {
    std::vector<std::string> chosen;
    if (!choose("Do any of these apply to you?", choices_of(kb_.conditions), kb_.conditions.size(),
                ids_in(request_.conditions), chosen))
      return false;
    request_.conditions = chosen;
    return true;
  }

  bool age() {
    const std::string shown = request_.age ? *request_.age : "skip";
    return ask(fmt::format("Your age in years? [{}]: ", shown),
               [&](const std::string& answer) -> std::string {
                 if (answer.empty()) return {};
                 if (!number_in(answer, 1, kMaxAge))
                   return fmt::format(
                       "type your age, a whole number from 1 to {}, or press "
                       "Enter to skip",
                       kMaxAge);
                 request_.age = answer;
                 return {};
               });
  }

  // The yes/no questions of the warning signs that matter for the answers so far.
  bool warning_signs() {
    // Symptoms given on the command line stay, and are not asked about again.
    Request so_far = resolve_request(kb_, request_, clock_);
    for (const Symptom* asked : questions_for(so_far)) {
      const Symptom& symptom = *asked;
      bool yes = false;
      const bool answered = ask(fmt::format("{} [y/N]: ", *symptom.question),
                                [&](const std::string& answer) -> std::string {
                                  const std::string word = normalize_id(answer);
                                  yes = word == "y" || word == "yes";
                                  if (word.empty() || yes || word == "n" || word == "no") return {};
                                  return "type y for yes or n for no (Enter is no)";
                                });
      if (!answered) return false;
      if (!yes) continue;
      request_.symptoms.emplace_back(symptom.id);
      so_far.symptoms.emplace_back(symptom.id);
      // An emergency is not kept waiting for the questions that are left.
      if (is_emergency(symptom, so_far)) break;
    }
    return true;
  }

  // Each area's questions, gravest first (the answer a yes would get there), taken in
  // turn from each area, so that with several areas none loses its emergencies to the
  // limit. Symptoms already given are not asked about again.
  std::vector<const Symptom*> questions_for(const Request& request) const {
    std::vector<std::vector<const Symptom*>> per_area;
    for (const std::string& area : request.areas) {
      Request one = request;
      one.areas = {area};
      std::vector<const Symptom*> questions;
      for (const Symptom& symptom : kb_.symptoms)
        if (symptom.question && rule_matches(symptom.ask, one) &&
            std::find(request.symptoms.begin(), request.symptoms.end(), symptom.id) ==
                request.symptoms.end())
          questions.push_back(&symptom);
      std::stable_sort(questions.begin(), questions.end(), [&](const Symptom* a, const Symptom* b) {
        return gravity(*a, one) > gravity(*b, one);
      });
      per_area.push_back(std::move(questions));
    }
    std::vector<const Symptom*> chosen;
    for (std::size_t turn = 0; chosen.size() < kMaxScreeningQuestions; ++turn) {
      bool any = false;
      for (const auto& questions : per_area) {
        if (turn >= questions.size() || chosen.size() == kMaxScreeningQuestions) continue;
        any = true;
        if (std::find(chosen.begin(), chosen.end(), questions[turn]) == chosen.end())
          chosen.push_back(questions[turn]);
      }
      if (!any) break;
    }
    return chosen;
  }

  // How grave a yes would be for this request: the answer it would get.
  static int gravity(const Symptom& symptom, Request request) {
    request.symptoms.emplace_back(symptom.id);
    for (const SymptomAnswer& answer : symptom.answers)
      if (rule_matches(answer.when, request)) {
        if (answer.action == SymptomAction::kAdvise) return 0;
        if (answer.action == SymptomAction::kRefer) return 1;
        return 2 + static_cast<int>(answer.level);
      }
    return 0;
  }

  static bool is_emergency(const Symptom& symptom, const Request& request) {
    for (const SymptomAnswer& answer : symptom.answers)
      if (rule_matches(answer.when, request))
        return answer.action == SymptomAction::kWithhold && answer.level == Level::kEmergency;
    return false;
  }

  const KnowledgeBase& kb_;
  const Clock& clock_;
  RequestOptions& request_;
  ScreeningIo& io_;
  ScreeningEnd end_ = ScreeningEnd::kQuit;
};

}  // namespace

ScreeningEnd ask_screening_questions(const KnowledgeBase& kb, const Clock& clock,
                                     RequestOptions& request, ScreeningIo& io) {
  return Questions(kb, clock, request, io).run();
}

std::optional<int> ask_pain_score(ScreeningIo& io, std::string_view question) {
  while (true) {
    io.write(fmt::format("{} 0 (none) to 10 (the worst), Enter skips: ", question));
    const std::optional<std::string> line = io.read_line();
    if (!line) {
      io.write("\n");
      return std::nullopt;
    }
    const std::string answer(trimmed(*line));
    if (answer.empty()) return std::nullopt;
    if (const auto score = number_in(answer, 0, 10)) return score;
    io.write("  Type a whole number from 0 to 10, or press Enter to skip.\n");
  }
}

std::string equivalent_command(const RequestOptions& request) {
  const RequestOptions defaults;
  std::string command = "knotplan";
  const auto add = [&](const char* option, const std::string& value) {
    command += fmt::format(" {} {}", option, shell_word(value));
  };
  const auto add_list = [&](const char* option, const std::vector<std::string>& values) {
    if (!values.empty()) add(option, fmt::format("{}", fmt::join(values, ",")));
  };
  if (request.area) add("--area", *request.area);
  add("--since", request.since.value_or("today"));
  if (request.cause != defaults.cause) add("--cause", request.cause);
  if (request.pain != defaults.pain) add("--pain", request.pain);
  if (request.minutes != defaults.minutes) add("--minutes", request.minutes);
  add_list("--equipment", request.equipment);
  if (request.side != defaults.side) add("--side", request.side);
  add_list("--condition", request.conditions);
  if (request.age) add("--age", *request.age);
  add_list("--symptom", request.symptoms);
  return command;
}

}  // namespace knotplan
