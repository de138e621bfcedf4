#ifndef KNOTPLAN_HISTORY_HISTORY_SCHEMA_HPP_
#define KNOTPLAN_HISTORY_HISTORY_SCHEMA_HPP_

#include "history/sqlite_database.hpp"

namespace knotplan::history_schema {

// The schema version this program writes: the number of migrations it knows.
int current_version();

// Checks that `database` is a knotplan history this program can use, without writing:
// IoError for a newer schema, for a database with other tables and no knotplan schema,
// and (when `check_pages`) for one that fails PRAGMA quick_check. Returns its version; 0
// for an empty file.
int check(sqlite::Database& database, bool check_pages);

// Brings a checked database from its version to current_version(), switching it to WAL
// first when it is new. The caller holds the write lock.
void migrate(sqlite::Database& database);

}  // namespace knotplan::history_schema

#endif  // KNOTPLAN_HISTORY_HISTORY_SCHEMA_HPP_
