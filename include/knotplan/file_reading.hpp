#ifndef KNOTPLAN_FILE_READING_HPP_
#define KNOTPLAN_FILE_READING_HPP_

#include <cstddef>
#include <string>

namespace knotplan {

// What reading a whole file came to. The callers word their own errors: a missing config
// file is no error, a missing knowledge base is one, and each names its own limit.
struct FileContent {
  enum class Status {
    kRead,        // `text` holds the whole file
    kAbsent,      // nothing at the path (ENOENT); `error` says so
    kDirectory,   // the path names a folder
    kTooLarge,    // larger than the limit; nothing past the limit was read
    kUnreadable,  // open or read failed; `error` is the errno
  };
  Status status = Status::kRead;
  std::string text;
  int error = 0;
};

// Reads the file at `path`, or standard input for "-", up to `max_bytes`. A regular file
// larger than the limit is refused before any of it is read, so that a huge file costs
// neither time nor memory; a pipe is read until it passes the limit.
FileContent read_whole_file(const std::string& path, std::size_t max_bytes);

// Why a FileContent is not kRead, in words for an error message: "it is a folder",
// "Permission denied", "it is larger than the limit of 1048576 bytes".
std::string reason_not_read(const FileContent& content, std::size_t max_bytes);

}  // namespace knotplan

#endif  // KNOTPLAN_FILE_READING_HPP_
