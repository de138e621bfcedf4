#include "knotplan/output_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>

#include "knotplan/error.hpp"
#include "test_support.hpp"

using namespace knotplan;
using testing::TemporaryFolder;

namespace {

struct stat status_of(const std::string& path) {
  struct stat status {};
  REQUIRE(::lstat(path.c_str(), &status) == 0);
  return status;
}

// The folder's names in order, since a folder lists them in no particular one.
std::vector<std::string> sorted_entries(const TemporaryFolder& folder) {
  std::vector<std::string> names = folder.entries();
  std::sort(names.begin(), names.end());
  return names;
}

mode_t permissions_of(const std::string& path) {
  return status_of(path).st_mode & 07777;
}

// Sets the umask for one test and gives the old one back.
class UmaskSet {
 public:
  explicit UmaskSet(mode_t mask) : before_(::umask(mask)) {}
  ~UmaskSet() { ::umask(before_); }
  UmaskSet(const UmaskSet&) = delete;
  UmaskSet& operator=(const UmaskSet&) = delete;

 private:
  mode_t before_;
};

}  // namespace

TEST_CASE("writing replaces the file whole and leaves nothing else behind", "[output]") {
  TemporaryFolder folder;
  const std::string path = folder.path("sheet.txt");
  testing::write_file(path, "old content");
  write_output_file(path, "new content\n");
  CHECK(testing::read_file(path) == "new content\n");
  CHECK(sorted_entries(folder) == std::vector<std::string>{"sheet.txt"});
}

TEST_CASE("a failed write names the path and leaves the folder as it was", "[output]") {
  TemporaryFolder folder;
  CHECK_THROWS_WITH(write_output_file(folder.path("missing/sheet.txt"), "x"),
                    Catch::Contains("missing/sheet.txt"));
  CHECK_THROWS_AS(write_output_file(folder.path("missing/sheet.txt"), "x"), IoError);
  // A folder in the way is not written into, and nothing is left beside it.
  const std::string blocked = folder.path("blocked");
  REQUIRE(std::system(("mkdir " + blocked + " && touch " + blocked + "/inside").c_str()) == 0);
  CHECK_THROWS_WITH(write_output_file(blocked, "x"), Catch::Contains("Is a directory"));
  CHECK(sorted_entries(folder) == std::vector<std::string>{"blocked"});
  CHECK_THROWS_AS(write_output_file("", "x"), IoError);
}

TEST_CASE("a symbolic link is followed and its target written, the link kept", "[output]") {
  TemporaryFolder folder;
  testing::write_file(folder.path("target.txt"), "old");
  REQUIRE(::mkdir(folder.path("links").c_str(), 0755) == 0);
  // Relative to the link's own folder, not to the working folder.
  const std::string link = folder.path("links/routine.txt");
  REQUIRE(::symlink("../target.txt", link.c_str()) == 0);
  write_output_file(link, "new\n");
  CHECK(S_ISLNK(status_of(link).st_mode));
  CHECK(testing::read_file(folder.path("target.txt")) == "new\n");
  CHECK(sorted_entries(folder) == std::vector<std::string>{"links", "target.txt"});
}

TEST_CASE("a dangling symbolic link creates the file it names", "[output]") {
  TemporaryFolder folder;
  const std::string link = folder.path("routine.txt");
  REQUIRE(::symlink("chain.txt", link.c_str()) == 0);
  REQUIRE(::symlink(folder.path("created.txt").c_str(), folder.path("chain.txt").c_str()) == 0);
  write_output_file(link, "new\n");
  CHECK(S_ISLNK(status_of(link).st_mode));
  CHECK(S_ISLNK(status_of(folder.path("chain.txt")).st_mode));
  CHECK(testing::read_file(folder.path("created.txt")) == "new\n");
  CHECK(sorted_entries(folder) ==
        std::vector<std::string>{"chain.txt", "created.txt", "routine.txt"});
}

TEST_CASE("a link loop is an error, not a hang", "[output]") {
  TemporaryFolder folder;
  REQUIRE(::symlink("b", folder.path("a").c_str()) == 0);
  REQUIRE(::symlink("a", folder.path("b").c_str()) == 0);
  CHECK_THROWS_AS(write_output_file(folder.path("a"), "x"), IoError);
  CHECK(sorted_entries(folder) == std::vector<std::string>{"a", "b"});
}

TEST_CASE("a FIFO is written into, not replaced", "[output]") {
  TemporaryFolder folder;
  const std::string fifo = folder.path("pipe");
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  // Held open for reading, so that opening it to write does not wait, and a wrong
  // implementation fails the test instead of hanging it.
  const int reader = ::open(fifo.c_str(), O_RDWR | O_NONBLOCK);
  REQUIRE(reader >= 0);
  write_output_file(fifo, "through the pipe\n");
  std::string received(100, '\0');
  const ssize_t count = ::read(reader, received.data(), received.size());
  ::close(reader);
  received.resize(count > 0 ? static_cast<std::size_t>(count) : 0);
  CHECK(received == "through the pipe\n");
  CHECK(S_ISFIFO(status_of(fifo).st_mode));
  CHECK(sorted_entries(folder) == std::vector<std::string>{"pipe"});
}

TEST_CASE("an existing file keeps its mode whatever the umask", "[output]") {
  TemporaryFolder folder;
  const UmaskSet umask(022);
  const std::string path = folder.path("private.txt");
  testing::write_file(path, "old");
  REQUIRE(::chmod(path.c_str(), 0600) == 0);
  write_output_file(path, "new");
  CHECK(permissions_of(path) == 0600);
  REQUIRE(::chmod(path.c_str(), 0640) == 0);
  write_output_file(path, "newer");
  CHECK(permissions_of(path) == 0640);
  CHECK(testing::read_file(path) == "newer");
}

TEST_CASE("a new file gets 0666 less the umask", "[output]") {
  TemporaryFolder folder;
  const UmaskSet umask(027);
  write_output_file(folder.path("new.txt"), "x");
  CHECK(permissions_of(folder.path("new.txt")) == 0640);
  const UmaskSet strict(077);
  write_output_file(folder.path("secret.txt"), "x");
  CHECK(permissions_of(folder.path("secret.txt")) == 0600);
}

TEST_CASE("an existing file keeps its group where the process may set it", "[output]") {
  TemporaryFolder folder;
  const std::string path = folder.path("shared.txt");
  testing::write_file(path, "old");
  // Any group this process is in may be given; root may give any.
  const gid_t group = ::getuid() == 0 ? 12345 : ::getgid();
  REQUIRE(::chown(path.c_str(), static_cast<uid_t>(-1), group) == 0);
  if (::getuid() == 0) REQUIRE(::chown(path.c_str(), 54321, group) == 0);
  write_output_file(path, "new");
  CHECK(status_of(path).st_gid == group);
  if (::getuid() == 0) CHECK(status_of(path).st_uid == 54321);
}

TEST_CASE("a hard-linked file is rewritten in place, so every link shows it", "[output]") {
  TemporaryFolder folder;
  const std::string first = folder.path("first.txt");
  const std::string second = folder.path("second.txt");
  testing::write_file(first, "a much longer old content than the new one");
  REQUIRE(::link(first.c_str(), second.c_str()) == 0);
  const ino_t inode = status_of(first).st_ino;
  write_output_file(first, "new\n");
  CHECK(testing::read_file(second) == "new\n");
  CHECK(status_of(first).st_ino == inode);
  CHECK(status_of(first).st_nlink == 2);
  write_output_file(second, "");
  CHECK(testing::read_file(first).empty());
  CHECK(sorted_entries(folder) == std::vector<std::string>{"first.txt", "second.txt"});
}

TEST_CASE("a name as long as the folder allows can be written", "[output]") {
  TemporaryFolder folder;
  const std::string name(250, 'n');
  write_output_file(folder.path(name), "x");
  CHECK(testing::read_file(folder.path(name)) == "x");
  CHECK(sorted_entries(folder) == std::vector<std::string>{name});
}

TEST_CASE("a read-only file is not replaced", "[output]") {
  // Root may write anything, so only another user can see the refusal.
  if (::geteuid() == 0) return;
  TemporaryFolder folder;
  const std::string path = folder.path("kept.txt");
  testing::write_file(path, "old");
  REQUIRE(::chmod(path.c_str(), 0444) == 0);
  CHECK_THROWS_WITH(write_output_file(path, "new"), Catch::Contains("Permission denied"));
  CHECK(testing::read_file(path) == "old");
  CHECK(sorted_entries(folder) == std::vector<std::string>{"kept.txt"});
}

TEST_CASE("a device is written into, not replaced, and its errors reported", "[output]") {
  // Only root may make device nodes; anyone else may safely use the real /dev/full,
  // since no one but root could replace it even if the code tried.
  TemporaryFolder folder;
  const bool root = ::geteuid() == 0;
  const std::string full = root ? folder.path("full") : "/dev/full";
  if (root) {
    REQUIRE(::mknod(full.c_str(), S_IFCHR | 0666, makedev(1, 7)) == 0);
    const std::string null = folder.path("null");
    REQUIRE(::mknod(null.c_str(), S_IFCHR | 0666, makedev(1, 3)) == 0);
    write_output_file(null, "discarded");
    CHECK(S_ISCHR(status_of(null).st_mode));
  }
  CHECK_THROWS_WITH(write_output_file(full, "x"),
                    Catch::Contains(full) && Catch::Contains("No space left on device"));
  CHECK_THROWS_AS(write_output_file(full, "x"), IoError);
  CHECK(S_ISCHR(status_of(full).st_mode));
  if (root) CHECK(sorted_entries(folder) == std::vector<std::string>{"full", "null"});
}

TEST_CASE("same_file sees one file under two names", "[output]") {
  TemporaryFolder folder;
  testing::write_file(folder.path("kb.json"), "{}");
  testing::write_file(folder.path("other.json"), "{}");
  REQUIRE(::symlink("kb.json", folder.path("link.json").c_str()) == 0);
  CHECK(same_file(folder.path("kb.json"), folder.path("link.json")));
  CHECK(same_file(folder.path("kb.json"), folder.root() + "/./kb.json"));
  CHECK_FALSE(same_file(folder.path("kb.json"), folder.path("other.json")));
  CHECK_FALSE(same_file(folder.path("missing.json"), folder.path("missing.json")));
}
