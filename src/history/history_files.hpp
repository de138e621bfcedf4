#ifndef KNOTPLAN_HISTORY_HISTORY_FILES_HPP_
#define KNOTPLAN_HISTORY_HISTORY_FILES_HPP_

#include <cstdint>
#include <optional>
#include <string>

namespace knotplan::history_files {

// The files around a history database and the plain POSIX work on them: private modes,
// the writers' lock, and the stats the summary file is checked against.

std::string wal_path(const std::string& database);
std::string lock_path(const std::string& database);
std::string summary_path(const std::string& database);

// Creates the folders leading to `file` that are missing, each with mode 0700.
void make_parent_folders(const std::string& file);

// Creates `path` empty with mode 0600 (whatever the umask) unless it exists; true when it
// was created.
bool create_private_file(const std::string& path);

// What identifies one version of a file; equal stats mean "not changed since" (up to the
// file system's clock tick, see history_store.hpp).
struct FileStats {
  bool exists = false;
  std::uint64_t inode = 0;
  std::int64_t size = 0;
  std::int64_t modified_ns = 0;
  bool operator==(const FileStats&) const = default;
};
// The stats of `path`; exists=false when there is none. IoError for any other failure.
FileStats stat_file(const std::string& path);

// The database and its -wal file, together.
struct DatabaseStats {
  FileStats database;
  FileStats wal;
  bool operator==(const DatabaseStats&) const = default;
};
DatabaseStats stat_database(const std::string& database);

// The writers' exclusive lock on <database>.lock, created 0600 if missing, held until
// destruction. Released by the kernel when the process dies, even by kill -9. IoError when
// another writer holds it for longer than the timeout.
class WriteLock {
 public:
  explicit WriteLock(const std::string& database);
  ~WriteLock();
  WriteLock(const WriteLock&) = delete;
  WriteLock& operator=(const WriteLock&) = delete;

 private:
  int descriptor_ = -1;
};

// The whole of a small file, or nullopt when it cannot be read (missing included).
std::optional<std::string> read_small_file(const std::string& path);

// Writes `content` to a temporary file beside `path` with mode 0600 and fsyncs it; the
// caller then calls install_file() or discard_file().
std::string write_temporary_file(const std::string& path, const std::string& content);
void install_file(const std::string& temporary, const std::string& path);
void remove_file(const std::string& path);  // gone or never there; IoError otherwise

}  // namespace knotplan::history_files

#endif  // KNOTPLAN_HISTORY_HISTORY_FILES_HPP_
