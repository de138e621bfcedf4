#include "history/history_files.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>
#include <utility>

#include "knotplan/error.hpp"

namespace knotplan::history_files {

namespace {

// A writer holds the lock for a few milliseconds; ten seconds means one is stuck.
constexpr auto kLockTimeout = std::chrono::seconds(10);

[[noreturn]] void fail(const std::string& what, const std::string& path, int error) {
  throw IoError(what + ": " + path + ": " + std::strerror(error));
}

// Closes a descriptor on every way out.
class Descriptor {
 public:
  explicit Descriptor(int descriptor) : descriptor_(descriptor) {}
  ~Descriptor() {
    if (descriptor_ >= 0) ::close(descriptor_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return descriptor_; }
  int release() { return std::exchange(descriptor_, -1); }

 private:
  int descriptor_;
};

// Opens `path` for writing, creating it 0600 when missing. A new file gets fchmod()
// because open()'s mode is filtered by the umask, which may take the owner's bits too.
int open_private(const std::string& path, int extra_flags) {
  int descriptor = ::open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | extra_flags, 0600);
  if (descriptor >= 0) {
    if (::fchmod(descriptor, 0600) != 0) {
      const int error = errno;
      ::close(descriptor);
      fail("cannot set the mode of", path, error);
    }
    return descriptor;
  }
  if (errno != EEXIST) fail("cannot create", path, errno);
  descriptor = ::open(path.c_str(), O_RDWR | O_CLOEXEC | extra_flags);
  if (descriptor < 0) fail("cannot open", path, errno);
  return descriptor;
}

}  // namespace

std::string wal_path(const std::string& database) {
  return database + "-wal";
}
std::string lock_path(const std::string& database) {
  return database + ".lock";
}
std::string summary_path(const std::string& database) {
  return database + ".summary";
}

void make_parent_folders(const std::string& file) {
  for (std::size_t slash = file.find('/', 1); slash != std::string::npos;
       slash = file.find('/', slash + 1)) {
    const std::string folder = file.substr(0, slash);
    if (::mkdir(folder.c_str(), 0700) != 0 && errno != EEXIST)
      fail("cannot create the folder", folder, errno);
  }
}

bool create_private_file(const std::string& path) {
  const int descriptor =
      ::open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (descriptor < 0) {
    if (errno == EEXIST) return false;
    fail("cannot create", path, errno);
  }
  Descriptor owner(descriptor);
  if (::fchmod(descriptor, 0600) != 0) fail("cannot set the mode of", path, errno);
  return true;
}

FileStats stat_file(const std::string& path) {
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0) {
    if (errno == ENOENT) return {};
    fail("cannot read", path, errno);
  }
  return {
      true, static_cast<std::uint64_t>(status.st_ino), static_cast<std::int64_t>(status.st_size),
      static_cast<std::int64_t>(status.st_mtim.tv_sec) * 1'000'000'000 + status.st_mtim.tv_nsec};
}

DatabaseStats stat_database(const std::string& database) {
  return {stat_file(database), stat_file(wal_path(database))};
}

WriteLock::WriteLock(const std::string& database) {
  const std::string path = lock_path(database);
  Descriptor descriptor(open_private(path, 0));
  const auto deadline = std::chrono::steady_clock::now() + kLockTimeout;
  while (::flock(descriptor.get(), LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK && errno != EINTR) fail("cannot lock", path, errno);
    if (std::chrono::steady_clock::now() > deadline) {
      throw IoError("another knotplan has been writing the history for over 10 s: " + path,
                    "wait for it to finish, or stop it");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  descriptor_ = descriptor.release();
}

WriteLock::~WriteLock() {
  ::close(descriptor_);
}

std::optional<std::string> read_small_file(const std::string& path) {
  const int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (descriptor < 0) return std::nullopt;
  Descriptor owner(descriptor);
  struct stat status {};
  if (::fstat(descriptor, &status) != 0) return std::nullopt;
  // One read of the size fstat() gives, plus a byte to see that nothing was added since.
  std::string content(static_cast<std::size_t>(status.st_size) + 1, '\0');
  std::size_t filled = 0;
  for (;;) {
    const ssize_t count = ::read(descriptor, content.data() + filled, content.size() - filled);
    if (count < 0) {
      if (errno == EINTR) continue;
      return std::nullopt;
    }
    if (count == 0) break;
    filled += static_cast<std::size_t>(count);
    if (filled == content.size()) content.resize(content.size() * 2);
  }
  content.resize(filled);
  return content;
}

std::string write_temporary_file(const std::string& path, const std::string& content) {
  // One name, not one per process: only the lock's holder writes it, and a file left by a
  // killed writer is reused rather than piling up.
  const std::string temporary = path + ".new";
  Descriptor descriptor(open_private(temporary, O_TRUNC));
  if (::fchmod(descriptor.get(), 0600) != 0) fail("cannot set the mode of", temporary, errno);
  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t count =
        ::write(descriptor.get(), content.data() + written, content.size() - written);
    if (count < 0) {
      if (errno == EINTR) continue;
      fail("cannot write", temporary, errno);
    }
    written += static_cast<std::size_t>(count);
  }
  if (::fsync(descriptor.get()) != 0) fail("cannot write", temporary, errno);
  return temporary;
}

void install_file(const std::string& temporary, const std::string& path) {
  if (::rename(temporary.c_str(), path.c_str()) != 0) fail("cannot write", path, errno);
}

void remove_file(const std::string& path) {
  if (::unlink(path.c_str()) != 0 && errno != ENOENT) fail("cannot remove", path, errno);
}

}  // namespace knotplan::history_files
