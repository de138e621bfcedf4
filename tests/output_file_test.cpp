#include "knotplan/output_file.hpp"

#include <catch2/catch.hpp>

#include "knotplan/error.hpp"
#include "test_support.hpp"

using namespace knotplan;
using testing::TemporaryFolder;

TEST_CASE("writing replaces the file whole and leaves nothing else behind", "[output]") {
  TemporaryFolder folder;
  const std::string path = folder.path("sheet.txt");
  testing::write_file(path, "old content");
  write_file_atomically(path, "new content\n");
  CHECK(testing::read_file(path) == "new content\n");
  CHECK(folder.entries() == std::vector<std::string>{"sheet.txt"});
}

TEST_CASE("a failed write names the path and leaves the folder as it was", "[output]") {
  TemporaryFolder folder;
  CHECK_THROWS_WITH(write_file_atomically(folder.path("missing/sheet.txt"), "x"),
                    Catch::Contains("missing/sheet.txt"));
  CHECK_THROWS_AS(write_file_atomically(folder.path("missing/sheet.txt"), "x"), IoError);
  // A folder in the way: the rename fails, and the temporary file must go.
  const std::string blocked = folder.path("blocked");
  REQUIRE(std::system(("mkdir " + blocked + " && touch " + blocked + "/inside").c_str()) == 0);
  CHECK_THROWS_AS(write_file_atomically(blocked, "x"), IoError);
  CHECK(folder.entries() == std::vector<std::string>{"blocked"});
  CHECK_THROWS_AS(write_file_atomically("", "x"), IoError);
}
