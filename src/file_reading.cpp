#include "knotplan/file_reading.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace knotplan {

namespace {

// Closes a descriptor this module opened, whichever way the function leaves.
class OpenedFile {
 public:
  explicit OpenedFile(int descriptor, bool owned) : descriptor_(descriptor), owned_(owned) {}
  ~OpenedFile() {
    if (owned_ && descriptor_ >= 0) ::close(descriptor_);
  }
  OpenedFile(const OpenedFile&) = delete;
  OpenedFile& operator=(const OpenedFile&) = delete;
  int descriptor() const { return descriptor_; }

 private:
  int descriptor_;
  bool owned_;
};

FileContent failure(FileContent::Status status, int error = 0) {
  FileContent content;
  content.status = status;
  content.error = error;
  return content;
}

// Reads to the end, stopping once more than `max_bytes` have come: a pipe's size is not
// known in advance, and a file may grow while it is read.
FileContent read_to_end(int descriptor, std::size_t max_bytes, std::size_t expected_size) {
  FileContent content;
  content.text.reserve(expected_size);
  char buffer[64 * 1024];
  for (;;) {
    const ssize_t count = ::read(descriptor, buffer, sizeof buffer);
    if (count < 0 && errno == EINTR) continue;
    if (count < 0)
      return failure(
          errno == EISDIR ? FileContent::Status::kDirectory : FileContent::Status::kUnreadable,
          errno);
    if (count == 0) return content;
    content.text.append(buffer, static_cast<std::size_t>(count));
    if (content.text.size() > max_bytes) return failure(FileContent::Status::kTooLarge);
  }
}

}  // namespace

FileContent read_whole_file(const std::string& path, std::size_t max_bytes) {
  const bool standard_input = path == "-";
  const OpenedFile file(standard_input ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC),
                        !standard_input);
  if (file.descriptor() < 0)
    return failure(
        errno == ENOENT ? FileContent::Status::kAbsent : FileContent::Status::kUnreadable, errno);
  struct stat status {};
  if (::fstat(file.descriptor(), &status) != 0)
    return failure(FileContent::Status::kUnreadable, errno);
  if (S_ISDIR(status.st_mode)) return failure(FileContent::Status::kDirectory, EISDIR);
  std::size_t expected_size = 0;
  if (S_ISREG(status.st_mode)) {
    if (static_cast<unsigned long long>(status.st_size) > max_bytes)
      return failure(FileContent::Status::kTooLarge);
    expected_size = static_cast<std::size_t>(status.st_size);
  }
  return read_to_end(file.descriptor(), max_bytes, expected_size);
}

std::string reason_not_read(const FileContent& content, std::size_t max_bytes) {
  switch (content.status) {
    case FileContent::Status::kRead:
      return "it was read";
    case FileContent::Status::kDirectory:
      return "it is a folder, not a file";
    case FileContent::Status::kTooLarge:
      return fmt::format("it is larger than the limit of {} bytes", max_bytes);
    case FileContent::Status::kAbsent:
    case FileContent::Status::kUnreadable:
      break;
  }
  return std::strerror(content.error);
}

}  // namespace knotplan
