#include "history/sqlite_database.hpp"

#include <sqlite3.h>

#include <utility>

#include "knotplan/error.hpp"

namespace knotplan::sqlite {

namespace {

// How long a write waits for another knotplan's write to finish before giving up.
// Each write holds the lock for milliseconds, so only a stopped process would use it up.
constexpr int kBusyTimeoutMilliseconds = 5000;

[[noreturn]] void throw_error(const std::string& path, std::string_view what, int code,
                              const char* message) {
  const int primary = code & 0xff;
  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) {
    throw IoError(std::string(path) + " is damaged or is not a knotplan history (" + message + ")",
                  "move it away (mv " + path + " " + path +
                      ".broken) to start a new history; knotplan never overwrites it");
  }
  throw IoError(std::string(what) + ": " + path + ": " + message);
}

}  // namespace

Database::Database(const std::string& path, OpenMode mode) : path_(path) {
  // Without SQLITE_OPEN_CREATE a missing file is an error, never a new empty database.
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  const int code = sqlite3_open_v2(path.c_str(), &handle_, flags, nullptr);
  if (code != SQLITE_OK) {
    const std::string message = handle_ ? sqlite3_errmsg(handle_) : sqlite3_errstr(code);
    sqlite3_close_v2(handle_);
    handle_ = nullptr;
    throw_error(path_, "cannot open the history", code, message.c_str());
  }
  sqlite3_extended_result_codes(handle_, 1);
  sqlite3_busy_timeout(handle_, kBusyTimeoutMilliseconds);
  // Closing must not checkpoint: the summary cache records the database and -wal files as
  // they are after a write, and a checkpoint on close would change them behind it.
  sqlite3_db_config(handle_, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
  // Keep the shell's and other tools' surprises out: no extension loading, no triggers or
  // views calling application functions from a crafted file.
  sqlite3_db_config(handle_, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
  sqlite3_db_config(handle_, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
  if (mode == OpenMode::kReadOnly) {
    try {
      execute("PRAGMA query_only = ON");
    } catch (...) {
      sqlite3_close_v2(std::exchange(handle_, nullptr));
      throw;
    }
  }
}

Database::~Database() {
  if (handle_) sqlite3_close_v2(handle_);
}

Database::Database(Database&& other) noexcept
    : path_(std::move(other.path_)), handle_(std::exchange(other.handle_, nullptr)) {}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    if (handle_) sqlite3_close_v2(handle_);
    path_ = std::move(other.path_);
    handle_ = std::exchange(other.handle_, nullptr);
  }
  return *this;
}

void Database::execute(std::string_view sql) {
  const std::string text(sql);
  char* message = nullptr;
  const int code = sqlite3_exec(handle_, text.c_str(), nullptr, nullptr, &message);
  if (code != SQLITE_OK) {
    const std::string copy = message ? message : sqlite3_errstr(code);
    sqlite3_free(message);
    throw_error(path_, "cannot use the history", code, copy.c_str());
  }
}

Statement Database::prepare(std::string_view sql) {
  return Statement(*this, sql);
}

std::int64_t Database::last_insert_id() const {
  return sqlite3_last_insert_rowid(handle_);
}

int Database::changes() const {
  return sqlite3_changes(handle_);
}

void Database::fail(std::string_view what, int code) const {
  throw_error(path_, what, code, sqlite3_errmsg(handle_));
}

Statement::Statement(Database& database, std::string_view sql) : database_(&database) {
  const int code = sqlite3_prepare_v3(database.handle(), sql.data(), static_cast<int>(sql.size()),
                                      0, &statement_, nullptr);
  if (code != SQLITE_OK) database.fail("cannot read the history", code);
}

Statement::~Statement() {
  sqlite3_finalize(statement_);
}

Statement::Statement(Statement&& other) noexcept
    : database_(other.database_), statement_(std::exchange(other.statement_, nullptr)) {}

Statement& Statement::bind(int index, std::int64_t value) {
  const int code = sqlite3_bind_int64(statement_, index, value);
  if (code != SQLITE_OK) database_->fail("cannot use the history", code);
  return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
  const int code = sqlite3_bind_text64(statement_, index, text.data(), text.size(),
                                       SQLITE_TRANSIENT, SQLITE_UTF8);
  if (code != SQLITE_OK) database_->fail("cannot use the history", code);
  return *this;
}

Statement& Statement::bind(int index, std::optional<int> value) {
  return value ? bind(index, static_cast<std::int64_t>(*value)) : bind_null(index);
}

Statement& Statement::bind_null(int index) {
  const int code = sqlite3_bind_null(statement_, index);
  if (code != SQLITE_OK) database_->fail("cannot use the history", code);
  return *this;
}

bool Statement::step() {
  const int code = sqlite3_step(statement_);
  if (code == SQLITE_ROW) return true;
  if (code == SQLITE_DONE) return false;
  sqlite3_reset(statement_);
  database_->fail("cannot use the history", code);
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() {
  sqlite3_reset(statement_);
}

bool Statement::is_null(int column) const {
  return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

std::int64_t Statement::integer(int column) const {
  return sqlite3_column_int64(statement_, column);
}

std::optional<int> Statement::optional_int(int column) const {
  if (is_null(column)) return std::nullopt;
  return static_cast<int>(integer(column));
}

std::string_view Statement::text(int column) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
  if (!text) return {};
  return {text, static_cast<std::size_t>(sqlite3_column_bytes(statement_, column))};
}

Transaction::Transaction(Database& database, Kind kind) : database_(database) {
  database_.execute(kind == Kind::kImmediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
}

Transaction::~Transaction() {
  if (open_) sqlite3_exec(database_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
  database_.execute("COMMIT");
  open_ = false;
}

}  // namespace knotplan::sqlite
