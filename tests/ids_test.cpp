#include "knotplan/ids.hpp"

#include <catch2/catch.hpp>

using namespace knotplan;

TEST_CASE("normalize_id folds case, spaces and underscores into kebab-case", "[ids]") {
  CHECK(normalize_id("Upper Back") == "upper-back");
  CHECK(normalize_id("  UPPER_BACK ") == "upper-back");
  CHECK(normalize_id("upper-back") == "upper-back");
  CHECK(normalize_id("") == "");
}

TEST_CASE("edit_distance counts insertions, deletions and substitutions", "[ids]") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("neck", "neck") == 0);
  CHECK(edit_distance("nek", "neck") == 1);
  CHECK(edit_distance("uper-back", "upper-back") == 1);
  CHECK(edit_distance("kitten", "sitting") == 3);
}

TEST_CASE("closest_match suggests near misses and prefixes, not unrelated words", "[ids]") {
  const std::vector<std::string> areas{"neck", "shoulders", "upper-back", "between-shoulder-blades",
                                       "lower-back"};
  CHECK(closest_match("uper-back", areas) == "upper-back");
  CHECK(closest_match("Upper Bak", areas) == "upper-back");
  CHECK(closest_match("lower", areas) == "lower-back");
  CHECK(closest_match("shouldrs", areas) == "shoulders");
  CHECK_FALSE(closest_match("elbow", areas).has_value());
  CHECK_FALSE(closest_match("", areas).has_value());
}
