#include "knotplan/output_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "knotplan/error.hpp"
#include "knotplan/terminal.hpp"

namespace knotplan {

namespace {

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
  throw IoError(fmt::format("cannot write {}: {}", quote_value(path), std::strerror(error)),
                "check that the folder exists and that you may write there");
}

}  // namespace

void write_file_atomically(const std::string& path, std::string_view content) {
  if (path.empty()) fail(path, ENOENT);
  const SignalsHeld held;
  std::string pattern = path + ".XXXXXX";
  std::vector<char> temporary(pattern.begin(), pattern.end());
  temporary.push_back('\0');
  const int descriptor = ::mkstemp(temporary.data());
  if (descriptor < 0) fail(path, errno);
  const bool written = write_all(descriptor, content) && ::fsync(descriptor) == 0;
  const int write_error = errno;
  // mkstemp makes the file 0600; a routine sheet is not a secret.
  ::fchmod(descriptor, 0644);
  if (::close(descriptor) != 0 || !written) {
    ::unlink(temporary.data());
    fail(path, written ? errno : write_error);
  }
  if (::rename(temporary.data(), path.c_str()) != 0) {
    const int rename_error = errno;
    ::unlink(temporary.data());
    fail(path, rename_error);
  }
}

void write_standard_output(std::string_view content) {
  std::fflush(stdout);
  if (!write_all(STDOUT_FILENO, content))
    throw IoError(fmt::format("cannot write to standard output: {}", std::strerror(errno)));
}

}  // namespace knotplan
