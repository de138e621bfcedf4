#ifndef KNOTPLAN_HISTORY_STORE_HPP_
#define KNOTPLAN_HISTORY_STORE_HPP_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "knotplan/clock.hpp"
#include "knotplan/history.hpp"

namespace knotplan {

// The history database: one SQLite file, by default $XDG_STATE_HOME/knotplan/history.db,
// that only ever lives on this machine. Beside it:
//
//   history.db-wal, history.db-shm  SQLite's write-ahead log and its index (WAL mode)
//   history.db.lock                 held (flock) by every write, from start to end
//   history.db.summary              the HistorySummary of the whole database, for plans
//
// Every file is created with mode 0600 whatever the umask, and folders with 0700.
//
// Why a summary file. Opening SQLite and running one query costs about 0.4 ms, more than
// a whole plan (docs/performance.md), so a plan reads the summary file instead: a few
// kilobytes of text and three stat() calls, a few microseconds. The file records the size,
// modification time and inode of the database and of its -wal file as they were when it
// was written; a reader uses it only when both still match, and otherwise computes the
// summary from the database (correct, only slower). Writers keep it right:
//
//   1. take the lock (so writers run one at a time; readers never wait),
//   2. delete the summary file,
//   3. write and commit in one SQLite transaction,
//   4. compute the summary, stat the files, write the summary to a temporary file,
//      fsync it and rename it into place; then let the lock go.
//
// A write killed at any moment (kill -9, power loss) leaves SQLite's own guarantees for
// the sessions (WAL, synchronous=FULL: a committed session survives), and at worst no
// summary file, never a stale one: the old one is gone before the commit, the new one
// appears only complete, after it. A change made behind knotplan's back (the sqlite3
// shell) changes the files' size or time, so the summary stops matching. The one blind
// spot is such a change within the same clock tick as knotplan's write (a few ms) that
// leaves both sizes equal.
//
// Errors: a file that is not a SQLite database, is damaged, holds other tables than
// knotplan's, or was written by a newer knotplan raises IoError naming the path and what
// to do. Such a file is never written to, repaired or replaced.

// Where the history lives unless --history says otherwise: $XDG_STATE_HOME/knotplan/
// history.db, or ~/.local/state/knotplan/history.db when XDG_STATE_HOME is unset, empty
// or not absolute (the XDG rule). IoError when neither it nor HOME can be used.
std::string default_history_path();

// Which sessions HistoryStore::sessions() returns; every filter is optional.
struct HistoryQuery {
  std::optional<std::string> area{};  // sessions that worked this area (among others)
  std::optional<CivilDate> from{};    // on this day or later
  std::optional<CivilDate> to{};      // on this day or earlier
};

// The schema version this knotplan writes (PRAGMA user_version).
int history_schema_version();

// One open history. Not for use by two threads at once; any number of processes may use
// the same file together.
class HistoryStore {
 public:
  // Opens the history to record sessions, creating the folders, the file and the schema
  // on first use, and bringing an older schema up to date. IoError as above.
  static HistoryStore open_for_writing(const std::string& path);

  // Opens an existing history to read it, or returns nullopt when there is no file: reading
  // creates nothing. Never writes to the database.
  static std::optional<HistoryStore> open_for_reading(const std::string& path);

  HistoryStore(HistoryStore&&) noexcept;
  HistoryStore& operator=(HistoryStore&&) noexcept;
  ~HistoryStore();

  const std::string& path() const;

  // Stores `session` in one transaction and returns its id. Sets recorded_at to the local
  // time now when it is empty; ignores session.id. UsageError for a session with no area, a
  // pain outside 0..kMaxPain or negative seconds. Waits up to 5 s for another writer.
  // Only for a store opened for writing.
  std::int64_t add(const SessionRecord& session);

  // Stores every session of `sessions` in one transaction, as add() would one by one, and
  // returns their ids in the same order: all or none. For imports and test histories.
  std::vector<std::int64_t> add_all(const std::vector<SessionRecord>& sessions);

  // The sessions that match `query`, oldest first (by day, then in the order stored), with
  // every field, steps and ratings included.
  std::vector<SessionRecord> sessions(const HistoryQuery& query = {});

  // Forgets the sessions of `area`, or every session when it is absent, and returns how
  // many sessions were affected. A session that also worked other areas keeps them and
  // loses only this one; it is deleted once no area is left. Only for a store opened for
  // writing.
  int forget(const std::optional<std::string>& area);

  // The summary of the whole history, computed from the database (not the summary file).
  HistorySummary summary();

 private:
  struct State;
  explicit HistoryStore(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// What a plan needs from the history at `path`: the summary file when it matches the
// database, else computed from the database opened read-only. Empty when there is no
// database; creates and writes nothing in any case. IoError as above.
HistorySummary read_history_summary(const std::string& path);

// The same, for only `areas` (a plan's): the summary file's other areas are skipped
// unread, which keeps a plan's read of a long history to a few microseconds.
HistorySummary read_history_summary(const std::string& path, const std::vector<std::string>& areas);

}  // namespace knotplan

#endif  // KNOTPLAN_HISTORY_STORE_HPP_
