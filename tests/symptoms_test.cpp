#include "knotplan/symptoms.hpp"

#include <catch2/catch.hpp>

#include "knotplan/knowledge_loader.hpp"
#include "knotplan/screening.hpp"
#include "test_support.hpp"

using namespace knotplan;

namespace {

std::vector<std::string> ids_of(const std::string& typed) {
  std::vector<std::string> ids;
  for (const Symptom* symptom : find_symptoms(builtin_knowledge_base(), typed))
    ids.emplace_back(symptom->id);
  return ids;
}

// Answers typed one line at a time; the end of the script is the end of input.
class ScriptedScreeningIo : public ScreeningIo {
 public:
  explicit ScriptedScreeningIo(std::vector<std::string> lines) : lines_(std::move(lines)) {}
  void write(std::string_view text) override { screen += text; }
  std::optional<std::string> read_line() override {
    if (next_ == lines_.size()) return std::nullopt;
    return lines_[next_++];
  }
  bool interrupted() override { return false; }
  std::string screen;

 private:
  std::vector<std::string> lines_;
  std::size_t next_ = 0;
};

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t found = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++found;
  return found;
}

}  // namespace

TEST_CASE("symptoms are read in people's own words", "[symptoms]") {
  CHECK(ids_of("I can't pee") == std::vector<std::string>{"bladder-bowel"});
  CHECK(ids_of("Cold SWEAT!") == std::vector<std::string>{"cold-sweat"});
  CHECK(ids_of("it is worse when I cough") == std::vector<std::string>{"cough-sneeze"});
  CHECK(ids_of("headaches") == std::vector<std::string>{"headache"});     // an added plural s
  CHECK(ids_of("chest-pain") == std::vector<std::string>{"chest-pain"});  // the id itself
  // The longest phrase wins, and a word serves one phrase only.
  CHECK(ids_of("worst headache ever") == std::vector<std::string>{"sudden-severe-headache"});
  CHECK(ids_of("chest pain and sweating") == std::vector<std::string>{"chest-pain", "cold-sweat"});
  // A plural is never dropped: one numb leg and two are different answers.
  CHECK(ids_of("numb leg") == std::vector<std::string>{"one-leg"});
  CHECK(ids_of("numb legs") == std::vector<std::string>{"both-legs"});
  CHECK(ids_of("itchy elbow").empty());
}

TEST_CASE("denials are refused, and phrases that begin with 'not' are not denials", "[symptoms]") {
  const KnowledgeBase& kb = builtin_knowledge_base();
  CHECK(says_absent(kb, "no fever"));
  CHECK(says_absent(kb, "Don't have a headache"));
  CHECK(says_absent(kb, "do not feel sick"));
  CHECK_FALSE(says_absent(kb, "not making sense"));
  CHECK_FALSE(says_absent(kb, "fever"));
}

TEST_CASE("only symptoms sharing a word, or a slip of one, are offered as near", "[symptoms]") {
  const KnowledgeBase& kb = builtin_knowledge_base();
  CHECK(symptoms_near(kb, "my elbow itches", 3).empty());
  const auto near = symptoms_near(kb, "hedache", 3);
  REQUIRE_FALSE(near.empty());
  CHECK(std::any_of(near.begin(), near.end(),
                    [](const Symptom* symptom) { return symptom->id == "headache"; }));
}

TEST_CASE("the screening questions build the request and the command that repeats it",
          "[screening]") {
  RequestOptions request;
  ScriptedScreeningIo io(
      {"neck", "next week", "3d", "1", "", "1", "", "44", "", "", "", "", "", "", ""});
  const ScreeningEnd end =
      ask_screening_questions(builtin_knowledge_base(), testing::kTestClock, request, io);
  REQUIRE(end == ScreeningEnd::kAnswered);
  CHECK(*request.area == "neck");
  CHECK(request.since == "3d");
  CHECK(request.cause == "posture");
  CHECK(request.pain == "5");  // Enter keeps the default
  CHECK(request.equipment == std::vector<std::string>{"tennis-ball"});
  CHECK(request.symptoms.empty());
  CHECK(count(io.screen, "Since when has it hurt?") == 2);  // "next week" was asked again
  const std::size_t questions = count(io.screen, "[y/N]");
  CHECK(questions >= 1);
  CHECK(questions <= kMaxScreeningQuestions);
  CHECK(equivalent_command(request) ==
        "knotplan --area neck --since 3d --cause posture --equipment tennis-ball --age 44");
}

TEST_CASE("a yes that is an emergency ends the questions, q and the end of input leave",
          "[screening]") {
  RequestOptions request;
  ScriptedScreeningIo io({"upper-back", "", "", "", "", "", "", "y"});
  CHECK(ask_screening_questions(builtin_knowledge_base(), testing::kTestClock, request, io) ==
        ScreeningEnd::kAnswered);
  CHECK(request.symptoms == std::vector<std::string>{"chest-pain"});
  CHECK(count(io.screen, "[y/N]") == 1);

  RequestOptions left;
  ScriptedScreeningIo quitting({"2", "q"});
  CHECK(ask_screening_questions(builtin_knowledge_base(), testing::kTestClock, left, quitting) ==
        ScreeningEnd::kQuit);
  ScriptedScreeningIo ended({"2"});
  CHECK(ask_screening_questions(builtin_knowledge_base(), testing::kTestClock, left, ended) ==
        ScreeningEnd::kQuit);
}

TEST_CASE("the equivalent command quotes what a shell would split", "[screening]") {
  RequestOptions request{};  // value-initialised: GCC 12 warns falsely otherwise
  request.area = "neck";
  request.symptoms = {"stiff neck, fever"};
  CHECK(equivalent_command(request) ==
        "knotplan --area neck --since today --symptom 'stiff neck, fever'");
}

TEST_CASE("screening keeps the symptoms typed, takes names of two words, and asks the gravest",
          "[screening]") {
  RequestOptions request;
  request.symptoms = {"chest pain"};
  ScriptedScreeningIo io({"upper back", "", "", "", "tennis ball", "", "", "", "", "", "", "", ""});
  REQUIRE(ask_screening_questions(builtin_knowledge_base(), testing::kTestClock, request, io) ==
          ScreeningEnd::kAnswered);
  CHECK(*request.area == "upper-back");
  CHECK(request.equipment == std::vector<std::string>{"tennis-ball"});
  CHECK(request.symptoms == std::vector<std::string>{"chest pain"});
  CHECK(io.screen.find("Do you have chest pain") == std::string::npos);  // given already

  // Three areas ask more than seven questions' worth: each area's gravest are asked.
  RequestOptions three;
  ScriptedScreeningIo answers({"1,3,5", "", "", "", "", "", "", "", "", "", "", "", "", "", ""});
  REQUIRE(ask_screening_questions(builtin_knowledge_base(), testing::kTestClock, three, answers) ==
          ScreeningEnd::kAnswered);
  CHECK(count(answers.screen, "[y/N]") == kMaxScreeningQuestions);
  for (const char* emergency : {"very bad headache", "tearing or ripping", "bottom or genitals"})
    CHECK(answers.screen.find(emergency) != std::string::npos);
}

TEST_CASE("the guide's pain question takes 0 to 10, and Enter skips it", "[screening]") {
  SECTION("a score") {
    ScriptedScreeningIo io({" 7 "});
    CHECK(ask_pain_score(io, "How is the pain?") == 7);
    CHECK_THAT(io.screen, Catch::Contains("How is the pain? 0 (none) to 10 (the worst)"));
  }
  SECTION("Enter skips") {
    ScriptedScreeningIo io({""});
    CHECK_FALSE(ask_pain_score(io, "How is the pain?").has_value());
  }
  SECTION("the end of input skips") {
    ScriptedScreeningIo io({});
    CHECK_FALSE(ask_pain_score(io, "How is the pain?").has_value());
  }
  SECTION("a bad answer is explained and asked again") {
    ScriptedScreeningIo io({"11", "six", "-1", "0"});
    CHECK(ask_pain_score(io, "How is the pain?") == 0);
    CHECK(count(io.screen, "Type a whole number from 0 to 10") == 3);
  }
}
