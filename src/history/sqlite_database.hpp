#ifndef KNOTPLAN_HISTORY_SQLITE_DATABASE_HPP_
#define KNOTPLAN_HISTORY_SQLITE_DATABASE_HPP_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace knotplan::sqlite {

// A thin owner of SQLite's C API, just what the history store needs: every failure
// becomes an IoError naming the database file and SQLite's own message, so that callers
// never look at a result code. A third-party wrapper would bring more than these hundred
// lines do.

class Statement;

enum class OpenMode {
  // Refuses every write (PRAGMA query_only) and never checkpoints. The file is still opened
  // read-write when permissions allow: after a writer was killed, the -shm index of the
  // write-ahead log must be rebuilt before anyone can read, and SQLite refuses that to a
  // read-only connection (SQLITE_READONLY_RECOVERY). Neither the database nor its -wal
  // file changes.
  kReadOnly,
  kReadWrite,  // the file must exist already (the store creates it with mode 0600)
};

class Database {
 public:
  Database(const std::string& path, OpenMode mode);
  ~Database();
  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  const std::string& path() const { return path_; }

  // Runs one or more statements that return no rows needed by the caller.
  void execute(std::string_view sql);
  Statement prepare(std::string_view sql);
  std::int64_t last_insert_id() const;
  int changes() const;

  // An IoError for the current SQLite error, "<what>: <path>: <SQLite message>".
  [[noreturn]] void fail(std::string_view what, int code) const;

  sqlite3* handle() const { return handle_; }

 private:
  std::string path_;
  sqlite3* handle_ = nullptr;
};

// A prepared statement. Parameters are numbered from 1, columns from 0, as in SQLite.
class Statement {
 public:
  Statement(Database& database, std::string_view sql);
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
  Statement& bind(int index, const std::string& text) {
    return bind(index, std::string_view(text));
  }
  Statement& bind(int index, std::optional<int> value);
  Statement& bind_null(int index);

  // True while there is a row to read; false once the statement is done.
  bool step();
  // Steps a statement that returns no row.
  void run();
  // Ready to bind and step again; bindings are kept until rebound.
  void reset();

  bool is_null(int column) const;
  std::int64_t integer(int column) const;
  int int32(int column) const { return static_cast<int>(integer(column)); }
  std::optional<int> optional_int(int column) const;
  std::string_view text(int column) const;  // valid until the next step or reset

 private:
  Database* database_;
  sqlite3_stmt* statement_ = nullptr;
};

// BEGIN on construction; ROLLBACK unless commit() was called, so that an exception
// leaves the database as it was.
class Transaction {
 public:
  enum class Kind {
    kDeferred,   // a read transaction: one consistent snapshot for several queries
    kImmediate,  // takes the write lock at once, so waiting happens in busy_timeout
  };
  Transaction(Database& database, Kind kind);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Database& database_;
  bool open_ = true;
};

}  // namespace knotplan::sqlite

#endif  // KNOTPLAN_HISTORY_SQLITE_DATABASE_HPP_
