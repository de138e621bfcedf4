#include "knotplan/symptoms.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

#include "knotplan/ids.hpp"

namespace knotplan {

namespace {

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  const std::string normal = normalize_words(text);
  std::size_t begin = 0;
  while (begin < normal.size()) {
    std::size_t end = normal.find(' ', begin);
    if (end == std::string::npos) end = normal.size();
    words.push_back(normal.substr(begin, end - begin));
    begin = end + 1;
  }
  return words;
}

// One place in the typed words where a phrase of a symptom stands.
struct Match {
  std::size_t start = 0;
  std::size_t length = 0;   // in words
  std::size_t exact = 0;    // words typed as the phrase has them, without an added "s"
  std::size_t symptom = 0;  // index in the knowledge base
};

// How many of the phrase's words stand at `start` exactly; nullopt when it does not stand
// there at all.
std::optional<std::size_t> stands_at(const std::vector<std::string>& words, std::size_t start,
                                     const std::vector<std::string>& phrase) {
  if (phrase.empty() || start + phrase.size() > words.size()) return std::nullopt;
  std::size_t exact = 0;
  for (std::size_t i = 0; i < phrase.size(); ++i) {
    const std::string& typed = words[start + i];
    if (typed == phrase[i]) {
      ++exact;
    } else if (typed.size() != phrase[i].size() + 1 || !typed.starts_with(phrase[i]) ||
               typed.back() != 's') {
      return std::nullopt;
    }
  }
  return exact;
}

// What a symptom can be typed as: its phrases and its id read as words.
template <typename Visit>
void for_each_spelling(const Symptom& symptom, Visit visit) {
  visit(symptom.id);
  for (const std::string_view phrase : symptom.phrases) visit(phrase);
}

// Words too common to make two texts close ("pain in my leg" is not near "chest pain").
bool too_common(std::string_view word) {
  static constexpr std::array<std::string_view, 24> kCommon{
      "a",  "an", "and", "at", "bad", "feel", "get",  "have", "i",  "im",   "in",   "is",
      "it", "my", "of",  "on", "or",  "pain", "sore", "the",  "to", "very", "when", "with"};
  return std::find(kCommon.begin(), kCommon.end(), word) != kCommon.end();
}

// Two words are near when equal, or when both are four letters or more and one begins
// the other ("sweat", "sweating").
bool near(std::string_view a, std::string_view b) {
  if (a == b) return true;
  if (a.size() < 4 || b.size() < 4) return false;
  if (a.size() < b.size() ? b.starts_with(a) : a.starts_with(b)) return true;
  // More letters apart than edits allowed: not a slip, and no distance to compute.
  if (std::max(a.size(), b.size()) - std::min(a.size(), b.size()) > 2) return false;
  // A slip of the keyboard: one edit in a short word, two in a long one ("hedache").
  return edit_distance(a, b) <= (std::min(a.size(), b.size()) >= 7 ? 2u : 1u);
}

}  // namespace

std::string normalize_words(std::string_view text) {
  std::string result;
  bool gap = false;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\'') continue;
    if (std::isalnum(byte) != 0 && byte < 0x80) {
      if (gap && !result.empty()) result += ' ';
      gap = false;
      result += static_cast<char>(std::tolower(byte));
    } else {
      gap = true;
    }
  }
  return result;
}

std::vector<const Symptom*> find_symptoms(const KnowledgeBase& kb, std::string_view typed) {
  const std::vector<std::string> words = words_of(typed);
  std::vector<Match> matches;
  for (std::size_t index = 0; index < kb.symptoms.size(); ++index) {
    for_each_spelling(kb.symptoms[index], [&](std::string_view spelling) {
      const std::vector<std::string> phrase = words_of(spelling);
      for (std::size_t start = 0; start < words.size(); ++start)
        if (const auto exact = stands_at(words, start, phrase))
          matches.push_back({start, phrase.size(), *exact, index});
    });
  }
  // Longest first, then the closest spelling, then leftmost: a word serves one phrase only.
  std::stable_sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
    if (a.length != b.length) return a.length > b.length;
    if (a.exact != b.exact) return a.exact > b.exact;
    return a.start < b.start;
  });
  std::vector<bool> used(words.size(), false);
  std::vector<Match> placed;
  for (const Match& match : matches) {
    const auto first = used.begin() + static_cast<long>(match.start);
    if (std::any_of(first, first + static_cast<long>(match.length), [](bool u) { return u; }))
      continue;
    std::fill(first, first + static_cast<long>(match.length), true);
    placed.push_back(match);
  }
  std::sort(placed.begin(), placed.end(),
            [](const Match& a, const Match& b) { return a.start < b.start; });
  std::vector<const Symptom*> found;
  for (const Match& match : placed) {
    const Symptom* symptom = &kb.symptoms[match.symptom];
    if (std::find(found.begin(), found.end(), symptom) == found.end()) found.push_back(symptom);
  }
  return found;
}

std::vector<const Symptom*> symptoms_near(const KnowledgeBase& kb, std::string_view typed,
                                          std::size_t count) {
  std::vector<std::string> words = words_of(typed);
  std::erase_if(words, [](const std::string& word) { return too_common(word); });
  std::vector<std::pair<int, const Symptom*>> scored;
  for (const Symptom& symptom : kb.symptoms) {
    int best = 0;
    for_each_spelling(symptom, [&](std::string_view spelling) {
      int shared = 0;
      for (const std::string& phrase_word : words_of(spelling))
        for (const std::string& word : words)
          if (!too_common(phrase_word) && near(word, phrase_word)) ++shared;
      best = std::max(best, shared);
    });
    if (best > 0) scored.emplace_back(best, &symptom);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<const Symptom*> result;
  for (const auto& [score, symptom] : scored) {
    if (result.size() == count) break;
    result.push_back(symptom);
  }
  return result;
}

bool says_absent(const KnowledgeBase& kb, std::string_view typed) {
  const std::vector<std::string> words = words_of(typed);
  if (words.empty()) return false;
  static constexpr std::array<std::string_view, 7> kAbsent{"no",      "not",  "without", "never",
                                                           "nothing", "dont", "none"};
  const bool negated = std::find(kAbsent.begin(), kAbsent.end(), words.front()) != kAbsent.end() ||
                       (words.size() > 1 && words[0] == "do" && words[1] == "not");
  if (!negated) return false;
  // "not making sense" and "not eased by rest" are symptoms, not denials.
  bool phrase_first = false;
  for (const Symptom& symptom : kb.symptoms)
    for_each_spelling(symptom, [&](std::string_view spelling) {
      phrase_first = phrase_first || stands_at(words, 0, words_of(spelling)).has_value();
    });
  return !phrase_first;
}

}  // namespace knotplan
