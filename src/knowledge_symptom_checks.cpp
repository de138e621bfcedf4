#include <fmt/format.h>

#include <map>

#include "json_path.hpp"
#include "knotplan/rules.hpp"
#include "knotplan/symptoms.hpp"
#include "knowledge_parser.hpp"

namespace knotplan {

namespace {

// What a person types and reads about symptoms: every phrase can be matched and names one
// symptom only, and no area gets more questions or warning lines than someone in pain reads.
class SymptomChecker {
 public:
  SymptomChecker(const KnowledgeBase& kb, std::vector<Problem>& problems)
      : kb_(kb), problems_(problems) {}

  void check() {
    check_phrases();
    for (const Area& area : kb_.areas) {
      if (area.target_only) continue;
      Request request;
      request.areas = {std::string(area.id)};
      check_counts(request, fmt::format("area '{}'", area.id));
      for (const Condition& condition : kb_.conditions) {
        request.conditions = {std::string(condition.id)};
        check_counts(request, fmt::format("area '{}' with condition '{}'", area.id, condition.id));
      }
    }
  }

 private:
  void check_phrases() {
    const JsonPath symptoms(root_, "symptoms");
    std::map<std::string, std::string_view> owners;  // phrase or id as words -> symptom id
    for (std::size_t i = 0; i < kb_.symptoms.size(); ++i) {
      const Symptom& symptom = kb_.symptoms[i];
      const JsonPath where(symptoms, i);
      const JsonPath phrases(where, "phrases");
      claim(owners, normalize_words(symptom.id), symptom.id, JsonPath(where, "id"));
      for (std::size_t j = 0; j < symptom.phrases.size(); ++j) {
        const std::string_view phrase = symptom.phrases[j];
        const JsonPath at(phrases, j);
        if (normalize_words(phrase) != phrase) {
          fail(at, fmt::format("phrase '{}' of symptom '{}' must be lower-case words of letters "
                               "and digits with single spaces, as they are matched: '{}'",
                               phrase, symptom.id, normalize_words(phrase)));
          continue;
        }
        claim(owners, std::string(phrase), symptom.id, at);
      }
    }
  }

  void claim(std::map<std::string, std::string_view>& owners, const std::string& phrase,
             std::string_view symptom, const JsonPath& where) {
    if (phrase.empty()) return;
    const auto [at, inserted] = owners.emplace(phrase, symptom);
    if (!inserted && at->second != symptom)
      fail(where, fmt::format("'{}' would name both symptom '{}' and symptom '{}'", phrase,
                              at->second, symptom));
  }

  void check_counts(const Request& request, const std::string& who) {
    std::size_t questions = 0;
    for (const Symptom& symptom : kb_.symptoms)
      if (symptom.question && rule_matches(symptom.ask, request)) ++questions;
    if (questions > kMaxScreeningQuestions)
      fail(JsonPath(root_, "symptoms"),
           fmt::format("{} is asked {} screening questions; at most {} are read", who, questions,
                       kMaxScreeningQuestions));
    std::size_t lines = 0;
    for (const WatchLine& line : kb_.watch_for)
      if (shows(line, request)) ++lines;
    if (lines > kMaxWatchLines)
      fail(JsonPath(root_, "watch_for"),
           fmt::format("{} gets {} warning lines; a routine shows at most {}", who, lines,
                       kMaxWatchLines));
  }

  void fail(const JsonPath& where, const std::string& message) {
    problems_.push_back({where.pointer(), message});
  }

  const KnowledgeBase& kb_;
  std::vector<Problem>& problems_;
  const JsonPath root_;
};

}  // namespace

void check_symptom_texts(const KnowledgeBase& kb, std::vector<Problem>& problems) {
  SymptomChecker(kb, problems).check();
}

}  // namespace knotplan
