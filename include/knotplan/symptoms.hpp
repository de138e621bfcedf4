#ifndef KNOTPLAN_SYMPTOMS_HPP_
#define KNOTPLAN_SYMPTOMS_HPP_

#include <string>
#include <string_view>
#include <vector>

#include "knotplan/knowledge.hpp"

namespace knotplan {

// Reading symptoms typed in a person's own words ("cold sweat", "worse when I cough",
// "can't pee") as the knowledge base's symptoms.
//
// A text names a symptom when one of the symptom's phrases, or its id read as words,
// appears in it as whole words in a row. A typed word may add a plural "s" to a phrase's
// word ("headaches" is "headache"), never drop one ("leg" is not "legs"). The longest
// phrases are placed first, then those matched without an added "s", and a word serves
// one phrase only: "numb legs" is both legs, not also "numb leg".

// Lower case, apostrophes dropped ("can't" -> "cant"), and every run of other characters
// that are not letters or digits read as one space; no space at either end.
std::string normalize_words(std::string_view text);

// The symptoms `typed` names, in the order they appear in it, each once. Empty when it
// names none.
std::vector<const Symptom*> find_symptoms(const KnowledgeBase& kb, std::string_view typed);

// The symptoms, at most `count`, that share a word or a word's beginning with `typed`,
// those sharing most first: what to offer for a text that names none. Empty when none
// shares anything, so that nothing unrelated is offered as if it were close.
std::vector<const Symptom*> symptoms_near(const KnowledgeBase& kb, std::string_view typed,
                                          std::size_t count);

// Whether `typed` says what is absent ("no fever", "not dizzy"): knotplan takes only what
// is there, and would otherwise read "no fever" as a fever. A phrase of a symptom that
// begins the text is not a denial ("not making sense").
bool says_absent(const KnowledgeBase& kb, std::string_view typed);

}  // namespace knotplan

#endif  // KNOTPLAN_SYMPTOMS_HPP_
