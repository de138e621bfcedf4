#include "history/history_schema.hpp"

#include <iterator>
#include <string>

#include "knotplan/error.hpp"

namespace knotplan::history_schema {

namespace {

// Migration N (1-based) takes a database from version N-1 to version N; the version lives
// in PRAGMA user_version. To change the schema, append a step (say, version 2:
// "ALTER TABLE sessions ADD COLUMN mood TEXT;") and never edit one that shipped: a
// database at version 1 then gets only the new step, one at 0 gets both.
//
// The names are meant for a person with the sqlite3 shell as much as for the program.
// session_areas repeats the session's day so that one index answers "the sessions on this
// area, by day" (the summary's episodes); a trigger keeps the copy right if the day is
// edited by hand.
constexpr const char* kMigrations[] = {
    // Version 1.
    R"sql(
CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  recorded_at TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('guide', 'log')),
  pain_before INTEGER CHECK (pain_before BETWEEN 0 AND 10),
  pain_after INTEGER CHECK (pain_after BETWEEN 0 AND 10),
  seconds INTEGER NOT NULL DEFAULT 0 CHECK (seconds >= 0),
  note TEXT NOT NULL DEFAULT '',
  request_json TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_by_day ON sessions (day, id);
CREATE TABLE session_areas (
  session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  area TEXT NOT NULL,
  position INTEGER NOT NULL,
  day TEXT NOT NULL,
  PRIMARY KEY (session_id, area)
) WITHOUT ROWID;
CREATE INDEX session_areas_by_area_day ON session_areas (area, day, session_id);
CREATE TRIGGER session_areas_follow_day AFTER UPDATE OF day ON sessions BEGIN
  UPDATE session_areas SET day = NEW.day WHERE session_id = NEW.id;
END;
CREATE TABLE steps (
  session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  technique TEXT NOT NULL,
  target TEXT NOT NULL,
  side TEXT NOT NULL CHECK (side IN ('both', 'left', 'right')),
  done INTEGER NOT NULL CHECK (done IN (0, 1)),
  seconds INTEGER NOT NULL CHECK (seconds >= 0),
  PRIMARY KEY (session_id, position)
) WITHOUT ROWID;
CREATE TABLE ratings (
  session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  technique TEXT NOT NULL,
  rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
  position INTEGER NOT NULL,
  PRIMARY KEY (session_id, technique)
) WITHOUT ROWID;
)sql",
};

constexpr int kCurrentVersion = static_cast<int>(std::size(kMigrations));

int user_version(sqlite::Database& database) {
  sqlite::Statement statement = database.prepare("PRAGMA user_version");
  return statement.step() ? statement.int32(0) : 0;
}

}  // namespace

int current_version() {
  return kCurrentVersion;
}

int check(sqlite::Database& database, bool check_pages) {
  const std::string& path = database.path();
  // One snapshot for the version and the tables: read apart, another process creating the
  // history could commit between them, and a new history would look like someone else's
  // database (version 0, with tables).
  sqlite::Transaction snapshot(database, sqlite::Transaction::Kind::kDeferred);
  const int version = user_version(database);
  if (version > kCurrentVersion) {
    throw IoError(path + " was written by a newer knotplan (schema " + std::to_string(version) +
                      ", this one knows " + std::to_string(kCurrentVersion) + ")",
                  "upgrade knotplan, or use --history OTHER_FILE");
  }
  if (version == 0) {
    sqlite::Statement tables = database.prepare("SELECT count(*) FROM sqlite_schema");
    if (tables.step() && tables.integer(0) != 0) {
      throw IoError(path + " is a SQLite database but not a knotplan history",
                    "use --history OTHER_FILE, or move it away; knotplan never overwrites it");
    }
  }
  if (check_pages && version > 0) {
    sqlite::Statement quick_check = database.prepare("PRAGMA quick_check(1)");
    if (quick_check.step() && quick_check.text(0) != "ok") {
      throw IoError(path + " is damaged (" + std::string(quick_check.text(0)) + ")",
                    "move it away (mv " + path + " " + path +
                        ".broken) to start a new history; knotplan never overwrites it");
    }
  }
  return version;
}

void migrate(sqlite::Database& database) {
  if (user_version(database) == 0) {
    // WAL: readers never wait for a writer and a commit is one append. Persistent, so only
    // set once; it cannot be changed inside a transaction.
    sqlite::Statement journal = database.prepare("PRAGMA journal_mode = WAL");
    if (!journal.step() || journal.text(0) != "wal") {
      throw IoError("cannot switch " + database.path() + " to WAL mode",
                    "keep the history on a local file system");
    }
  }
  sqlite::Transaction transaction(database, sqlite::Transaction::Kind::kImmediate);
  // Read again inside the transaction: another process may have migrated meanwhile.
  const int version = user_version(database);
  if (version >= kCurrentVersion) return;
  for (int step = version; step < kCurrentVersion; ++step) database.execute(kMigrations[step]);
  database.execute("PRAGMA user_version = " + std::to_string(kCurrentVersion));
  transaction.commit();
}

}  // namespace knotplan::history_schema
