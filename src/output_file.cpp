#include "knotplan/output_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <linux/magic.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <optional>
#include <random>
#include <vector>

#include "knotplan/error.hpp"
#include "knotplan/terminal.hpp"

namespace knotplan {

namespace {

// Linux, like POSIX's _POSIX_SYMLOOP_MAX, gives up after 40 links in a row.
constexpr int kMostLinksFollowed = 40;

bool write_all(int descriptor, std::string_view content) {
  while (!content.empty()) {
    const ssize_t written = ::write(descriptor, content.data(), content.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    content.remove_prefix(static_cast<std::size_t>(written));
  }
  return true;
}

// Holds back Ctrl-C and termination signals while it lives: a signal that arrives while
// the file is written is delivered once the rename or the clean-up is done, so that no
// temporary file is ever left behind.
class SignalsHeld {
 public:
  SignalsHeld() {
    sigset_t held;
    sigemptyset(&held);
    for (const int signal_number : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&held, signal_number);
    sigprocmask(SIG_BLOCK, &held, &before_);
  }
  ~SignalsHeld() { sigprocmask(SIG_SETMASK, &before_, nullptr); }
  SignalsHeld(const SignalsHeld&) = delete;
  SignalsHeld& operator=(const SignalsHeld&) = delete;

 private:
  sigset_t before_{};
};

[[noreturn]] void fail(const std::string& path, int error) {
  const bool full = error == ENOSPC || error == EDQUOT;
  throw IoError(fmt::format("cannot write {}: {}", quote_value(path), std::strerror(error)),
                full ? "make room there or write somewhere else"
                     : "check that the folder exists and that you may write there");
}

std::string folder_of(const std::string& path) {
  const auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

// What `-o` finds at the path, once symbolic links are followed.
struct Target {
  enum class Kind { kNew, kRegular, kLinkedRegular, kOther };
  Kind kind;
  std::string path;  // where to write: the last link's target, or the path as given
  struct stat status {};
};

// /proc/self/fd/1 and its kin are not links to a name but to an open file (a pipe, a
// terminal, a deleted file), so only the kernel can follow them.
bool in_proc_filesystem(const std::string& folder) {
  struct statfs filesystem {};
  return ::statfs(folder.c_str(), &filesystem) == 0 &&
         filesystem.f_type == static_cast<decltype(filesystem.f_type)>(PROC_SUPER_MAGIC);
}

std::string link_target(const std::string& given_path, const std::string& link) {
  std::vector<char> buffer(PATH_MAX + 1);
  const ssize_t length = ::readlink(link.c_str(), buffer.data(), buffer.size());
  if (length < 0) fail(given_path, errno);
  if (static_cast<std::size_t>(length) >= buffer.size()) fail(given_path, ENAMETOOLONG);
  const std::string text(buffer.data(), static_cast<std::size_t>(length));
  // A relative link is relative to the folder the link is in, not to ours.
  if (text.starts_with('/')) return text;
  return folder_of(link) + "/" + text;
}

// Follows links by hand rather than with realpath(), because a dangling link must lead to
// the file it names, which -o then creates.
Target resolve_target(const std::string& path) {
  struct stat followed {};
  if (::stat(path.c_str(), &followed) == 0 && !S_ISREG(followed.st_mode))
    return {Target::Kind::kOther, path, followed};
  std::string current = path;
  for (int links = 0; links <= kMostLinksFollowed; ++links) {
    struct stat status {};
    if (::lstat(current.c_str(), &status) != 0) {
      if (errno == ENOENT) return {Target::Kind::kNew, current, {}};
      fail(path, errno);
    }
    if (S_ISREG(status.st_mode))
      return {status.st_nlink > 1 ? Target::Kind::kLinkedRegular : Target::Kind::kRegular, current,
              status};
    if (!S_ISLNK(status.st_mode)) return {Target::Kind::kOther, current, status};
    if (in_proc_filesystem(folder_of(current))) return {Target::Kind::kOther, path, followed};
    current = link_target(path, current);
  }
  fail(path, ELOOP);
}

// The shell's `>` opens this way too: O_TRUNC means nothing to a device or a FIFO.
void write_directly(const std::string& given_path, const Target& target, std::string_view content) {
  const int descriptor = ::open(target.path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC | O_NOCTTY);
  if (descriptor < 0) fail(given_path, errno);
  const bool written = write_all(descriptor, content);
  const int write_error = errno;
  if (::close(descriptor) != 0 && written) fail(given_path, errno);
  if (!written) fail(given_path, write_error);
}

// Rewrites a hard-linked file in place, which keeps every link: a person who linked a
// routine into two folders expects both to show the new one, as vim and cp keep them.
// The price is atomicity. Reserving the space first means a full disk fails before the
// old content is touched; only an I/O error or a crash half-way can leave a mixed file.
void write_in_place(const std::string& given_path, const Target& target, std::string_view content) {
  const int descriptor = ::open(target.path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
  if (descriptor < 0) fail(given_path, errno);
  const auto size = static_cast<off_t>(content.size());
  const bool reserved = content.empty() ||
                        ::fallocate(descriptor, FALLOC_FL_KEEP_SIZE, 0, size) == 0 ||
                        (errno != ENOSPC && errno != EDQUOT && errno != EFBIG);
  const bool written = reserved && write_all(descriptor, content) &&
                       ::ftruncate(descriptor, size) == 0 && ::fsync(descriptor) == 0;
  const int write_error = errno;
  if (::close(descriptor) != 0 && written) fail(given_path, errno);
  if (!written) fail(given_path, write_error);
}

struct TemporaryFile {
  std::string path;
  int descriptor = -1;
};

// A short name, so that any name that fits the folder also leaves room for this one;
// created with mode 0666 so that the kernel applies the umask and a folder's default ACL,
// which mkstemp's fixed 0600 would hide.
TemporaryFile create_temporary_file(const std::string& given_path, const std::string& folder) {
  static constexpr std::string_view kLetters =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  std::random_device random;
  std::uniform_int_distribution<std::size_t> pick(0, kLetters.size() - 1);
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::string name = ".knotplan-";
    for (int letter = 0; letter < 6; ++letter) name += kLetters[pick(random)];
    std::string path = folder + "/" + name;
    const int descriptor =
        ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOCTTY, 0666);
    if (descriptor >= 0) return {std::move(path), descriptor};
    if (errno != EEXIST) fail(given_path, errno);
  }
  fail(given_path, EEXIST);
}

// A routine holds health details: a file its owner made 0600 must stay 0600. The owner
// goes first, since changing it clears the set-user-ID bits that the mode then restores.
// Only root may give a file away, so a failed chown keeps the group if it can and
// otherwise leaves the file ours.
void keep_owner_and_mode(int descriptor, const struct stat& old) {
  if (::fchown(descriptor, old.st_uid, old.st_gid) != 0)
    static_cast<void>(::fchown(descriptor, static_cast<uid_t>(-1), old.st_gid));
  static_cast<void>(::fchmod(descriptor, old.st_mode & 07777));
}

// Makes the rename itself survive a crash, not only the file's content.
bool sync_folder(const std::string& folder) {
  const int descriptor = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (descriptor < 0) return false;
  // Some file systems cannot sync a folder and say EINVAL: nothing more can be done there.
  const bool synced = ::fsync(descriptor) == 0 || errno == EINVAL;
  const int sync_error = errno;
  ::close(descriptor);
  errno = sync_error;
  return synced;
}

void replace_atomically(const std::string& given_path, const Target& target,
                        std::string_view content) {
  // Replacing must not bypass a file's write permission, as writing into it would not.
  if (target.kind == Target::Kind::kRegular &&
      ::faccessat(AT_FDCWD, target.path.c_str(), W_OK, AT_EACCESS) != 0)
    fail(given_path, errno);
  const std::string folder = folder_of(target.path);
  const SignalsHeld held;
  const TemporaryFile temporary = create_temporary_file(given_path, folder);
  if (target.kind == Target::Kind::kRegular)
    keep_owner_and_mode(temporary.descriptor, target.status);
  const bool written =
      write_all(temporary.descriptor, content) && ::fsync(temporary.descriptor) == 0;
  const int write_error = errno;
  if (::close(temporary.descriptor) != 0 || !written) {
    const int error = written ? errno : write_error;
    ::unlink(temporary.path.c_str());
    fail(given_path, error);
  }
  if (::rename(temporary.path.c_str(), target.path.c_str()) != 0) {
    const int rename_error = errno;
    ::unlink(temporary.path.c_str());
    fail(given_path, rename_error);
  }
  if (!sync_folder(folder)) fail(given_path, errno);
}

}  // namespace

void write_output_file(const std::string& path, std::string_view content) {
  if (path.empty()) fail(path, ENOENT);
  const Target target = resolve_target(path);
  switch (target.kind) {
    case Target::Kind::kNew:
    case Target::Kind::kRegular:
      replace_atomically(path, target, content);
      return;
    case Target::Kind::kLinkedRegular:
      write_in_place(path, target, content);
      return;
    case Target::Kind::kOther:
      write_directly(path, target, content);
      return;
  }
}

bool same_file(const std::string& first, const std::string& second) {
  struct stat first_status {};
  struct stat second_status {};
  return ::stat(first.c_str(), &first_status) == 0 && ::stat(second.c_str(), &second_status) == 0 &&
         first_status.st_dev == second_status.st_dev && first_status.st_ino == second_status.st_ino;
}

void write_standard_output(std::string_view content) {
  std::fflush(stdout);
  if (!write_all(STDOUT_FILENO, content))
    throw IoError(fmt::format("cannot write to standard output: {}", std::strerror(errno)));
}

}  // namespace knotplan
