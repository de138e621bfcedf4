#include "knotplan/history_store.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <set>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "history/history_files.hpp"
#include "history/history_schema.hpp"
#include "history/history_values.hpp"
#include "history/sqlite_database.hpp"
#include "history/summary_cache.hpp"
#include "knotplan/error.hpp"
#include "knotplan/request.hpp"

namespace knotplan {

namespace {

using sqlite::Database;
using sqlite::Statement;
using sqlite::Transaction;

[[noreturn]] void refuse(const std::string& message) {
  throw UsageError(message, "a session needs an area, pain from 0 to " + std::to_string(kMaxPain) +
                                " and no negative time");
}

void check_session(const SessionRecord& session) {
  if (session.areas.empty()) refuse("a session to record has no area");
  for (const std::string& area : session.areas) {
    if (area.empty()) refuse("a session to record has an empty area");
  }
  if (!parse_civil_date(date_text(session.date)))
    refuse("a session to record has no real day: " + date_text(session.date));
  for (const std::optional<int>& pain : {session.pain_before, session.pain_after}) {
    if (pain && (*pain < 0 || *pain > kMaxPain))
      refuse("a session to record has pain " + std::to_string(*pain));
  }
  if (session.seconds < 0) refuse("a session to record has negative seconds");
  for (const StepOutcome& step : session.steps) {
    if (step.seconds < 0) refuse("a step to record has negative seconds");
  }
}

// The first bytes of every SQLite database file. Checked before SQLite opens a file, so
// that a file of something else is refused without SQLite ever touching it.
constexpr std::string_view kSqliteHeader{"SQLite format 3\0", 16};

// Whether the file holds anything; IoError when it holds something that is not SQLite.
bool check_header(const std::string& path) {
  const int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (descriptor < 0) throw IoError("cannot read the history: " + path);
  char header[16];
  const ssize_t count = ::read(descriptor, header, sizeof header);
  ::close(descriptor);
  if (count == 0) return false;
  if (count != static_cast<ssize_t>(sizeof header) ||
      std::string_view(header, sizeof header) != kSqliteHeader) {
    throw IoError(path + " is not a knotplan history (not a SQLite database)",
                  "move it away (mv " + path + " " + path +
                      ".broken) or use --history OTHER_FILE; knotplan never overwrites it");
  }
  return true;
}

// The columns of the sessions table, in the order read_session() reads them.
constexpr std::string_view kSessionColumns =
    "id, day, recorded_at, source, pain_before, pain_after, seconds, note, request_json";

SessionRecord read_session(const Statement& row, const std::string& path) {
  SessionRecord session;
  session.id = row.integer(0);
  const auto date = parse_civil_date(row.text(1));
  const auto source = history_values::parse_source(row.text(3));
  if (!date || !source) {
    throw IoError(
        path + " has a session (" + std::to_string(session.id) + ") with a bad day or source",
        "fix it with the sqlite3 shell, or move the file away");
  }
  session.date = *date;
  session.recorded_at = row.text(2);
  session.source = *source;
  session.pain_before = row.optional_int(4);
  session.pain_after = row.optional_int(5);
  session.seconds = row.int32(6);
  session.note = row.text(7);
  session.request_json = row.text(8);
  return session;
}

// Loads the sessions whose ids `ids_sql` selects (its parameters bound by `bind`), oldest
// first, with their areas, steps and ratings: four queries in all, whatever the number of
// sessions, joined here by id.
template <typename Bind>
std::vector<SessionRecord> load_sessions(Database& database, std::string_view ids_sql, Bind bind) {
  const std::string in = " WHERE session_id IN (" + std::string(ids_sql) + ")";
  Statement sessions =
      database.prepare("SELECT " + std::string(kSessionColumns) + " FROM sessions WHERE id IN (" +
                       std::string(ids_sql) + ") ORDER BY day, id");
  bind(sessions);
  std::vector<SessionRecord> result;
  std::unordered_map<std::int64_t, std::size_t> index_of;
  while (sessions.step()) {
    result.push_back(read_session(sessions, database.path()));
    index_of.emplace(result.back().id, result.size() - 1);
  }
  if (result.empty()) return result;
  const auto session_for = [&](const Statement& row) -> SessionRecord* {
    const auto found = index_of.find(row.integer(0));
    return found == index_of.end() ? nullptr : &result[found->second];
  };

  Statement areas = database.prepare("SELECT session_id, area FROM session_areas" + in +
                                     " ORDER BY session_id, position");
  bind(areas);
  while (areas.step()) {
    if (SessionRecord* session = session_for(areas)) session->areas.emplace_back(areas.text(1));
  }
  Statement steps =
      database.prepare("SELECT session_id, technique, target, side, done, seconds FROM steps" + in +
                       " ORDER BY session_id, position");
  bind(steps);
  while (steps.step()) {
    SessionRecord* session = session_for(steps);
    if (!session) continue;
    StepOutcome step;
    step.technique = steps.text(1);
    step.target = steps.text(2);
    step.side = history_values::parse_side(steps.text(3)).value_or(Side::kBoth);
    step.done = steps.integer(4) != 0;
    step.seconds = steps.int32(5);
    session->steps.push_back(std::move(step));
  }
  Statement ratings = database.prepare("SELECT session_id, technique, rating FROM ratings" + in +
                                       " ORDER BY session_id, position");
  bind(ratings);
  while (ratings.step()) {
    SessionRecord* session = session_for(ratings);
    if (!session) continue;
    session->ratings.push_back(
        {std::string(ratings.text(1)),
         history_values::parse_rating(ratings.text(2)).value_or(Rating::kUp)});
  }
  return result;
}

// The summary of the whole database without reading all of it: summarize_history() needs
// every detail only of the sessions in an area's latest episode or recent window, and the
// ratings of the others. Each area's sessions are walked newest first along the (area,
// day) index until both end. Sessions left out are older than every episode they could
// touch, so leaving them out changes nothing (history_store_test checks it against
// summarize_history of everything).
HistorySummary compute_summary(Database& database) {
  Transaction snapshot(database, Transaction::Kind::kDeferred);
  std::set<std::int64_t> wanted;
  {
    Statement areas = database.prepare("SELECT DISTINCT area FROM session_areas");
    Statement walk = database.prepare(
        "SELECT session_id, day FROM session_areas WHERE area = ?1 "
        "ORDER BY day DESC, session_id DESC");
    while (areas.step()) {
      walk.bind(1, areas.text(0));
      long last = 0;
      long previous = 0;
      bool in_episode = true;
      for (bool first = true; walk.step(); first = false) {
        const auto date = parse_civil_date(walk.text(1));
        if (!date) continue;
        const long day = days_from_civil(*date);
        if (first) last = previous = day;
        in_episode = in_episode && previous - day <= kEpisodeGapDays;
        if (!in_episode && day < last - kRecentDays) break;
        wanted.insert(walk.integer(0));
        previous = day;
      }
      walk.reset();
    }
    Statement rated = database.prepare("SELECT DISTINCT session_id FROM ratings");
    while (rated.step()) wanted.insert(rated.integer(0));
  }
  std::string ids = "[";
  for (const std::int64_t id : wanted) {
    if (ids.size() > 1) ids += ',';
    ids += std::to_string(id);
  }
  ids += ']';
  const std::vector<SessionRecord> sessions = load_sessions(
      database, "SELECT value FROM json_each(?1)", [&](Statement& query) { query.bind(1, ids); });
  snapshot.commit();
  return summarize_history(sessions);
}

}  // namespace

struct HistoryStore::State {
  std::string path;
  std::optional<Database> database;  // absent for an empty file opened for reading
  bool writable = false;
};

namespace {

Database open_database(const std::string& path, sqlite::OpenMode mode) {
  Database database(path, mode);
  if (mode == sqlite::OpenMode::kReadWrite) {
    // FULL: in WAL mode NORMAL may lose the last commits on a power cut (never on a kill);
    // a session is one small write, so the extra fsync costs nothing a person notices.
    // secure_delete: what 'knotplan history --forget' removes is overwritten, not left in
    // free pages.
    database.execute(
        "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA secure_delete = ON");
  }
  return database;
}

// After a write, with the lock held: replaces the summary file by one made from the
// database as committed, unless the files change meanwhile (someone else's edit).
void install_summary(Database& database) {
  const std::string& path = database.path();
  const history_files::DatabaseStats before = history_files::stat_database(path);
  const HistorySummary summary = compute_summary(database);
  if (history_files::stat_database(path) != before) return;
  const std::string summary_file = history_files::summary_path(path);
  const std::string temporary =
      history_files::write_temporary_file(summary_file, summary_cache::format(before, summary));
  if (history_files::stat_database(path) != before) {
    history_files::remove_file(temporary);
    return;
  }
  history_files::install_file(temporary, summary_file);
}

bool summary_matches(const std::string& path) {
  const auto text = history_files::read_small_file(history_files::summary_path(path));
  if (!text) return false;
  const auto contents = summary_cache::parse(*text);
  return contents && contents->stats == history_files::stat_database(path);
}

}  // namespace

std::string default_history_path() {
  const char* state_home = std::getenv("XDG_STATE_HOME");
  if (state_home && state_home[0] == '/') return std::string(state_home) + "/knotplan/history.db";
  const char* home = std::getenv("HOME");
  if (!home || home[0] != '/') {
    throw IoError("cannot tell where to keep the history: HOME is not set",
                  "set HOME or XDG_STATE_HOME, or use --history FILE");
  }
  return std::string(home) + "/.local/state/knotplan/history.db";
}

int history_schema_version() {
  return history_schema::current_version();
}

HistoryStore::HistoryStore(std::unique_ptr<State> state) : state_(std::move(state)) {}
HistoryStore::HistoryStore(HistoryStore&&) noexcept = default;
HistoryStore& HistoryStore::operator=(HistoryStore&&) noexcept = default;
HistoryStore::~HistoryStore() = default;

const std::string& HistoryStore::path() const {
  return state_->path;
}

HistoryStore HistoryStore::open_for_writing(const std::string& path) {
  if (path.empty()) throw UsageError("the history file name is empty", "use --history FILE");
  history_files::make_parent_folders(path);
  const history_files::WriteLock lock(path);
  history_files::create_private_file(path);
  check_header(path);
  auto state = std::make_unique<State>();
  state->path = path;
  state->writable = true;
  state->database.emplace(open_database(path, sqlite::OpenMode::kReadWrite));
  Database& database = *state->database;
  if (history_schema::check(database, true) < history_schema::current_version()) {
    history_files::remove_file(history_files::summary_path(path));
    history_schema::migrate(database);
  }
  // A writer killed before it installed the summary left none: put it back now.
  if (!summary_matches(path)) install_summary(database);
  return HistoryStore(std::move(state));
}

std::optional<HistoryStore> HistoryStore::open_for_reading(const std::string& path) {
  if (!history_files::stat_file(path).exists) return std::nullopt;
  auto state = std::make_unique<State>();
  state->path = path;
  if (!check_header(path)) return HistoryStore(std::move(state));
  state->database.emplace(open_database(path, sqlite::OpenMode::kReadOnly));
  const int version = history_schema::check(*state->database, false);
  if (version == 0) {
    state->database.reset();  // an empty SQLite file: no session yet
  } else if (version < history_schema::current_version()) {
    // An older schema: reading it needs the migration a newer knotplan makes anyway.
    state->database.reset();
    HistoryStore writer = open_for_writing(path);
    state->database.emplace(open_database(path, sqlite::OpenMode::kReadOnly));
  }
  return HistoryStore(std::move(state));
}

namespace {

// Inserts one checked session inside the caller's transaction.
std::int64_t insert_session(Database& database, const SessionRecord& session,
                            const std::string& now) {
  Statement insert = database.prepare(
      "INSERT INTO sessions (day, recorded_at, source, pain_before, pain_after, seconds, note, "
      "request_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  const std::string day = date_text(session.date);
  insert.bind(1, day)
      .bind(2, session.recorded_at.empty() ? now : session.recorded_at)
      .bind(3, session_source_id(session.source))
      .bind(4, session.pain_before)
      .bind(5, session.pain_after)
      .bind(6, session.seconds)
      .bind(7, session.note)
      .bind(8, session.request_json)
      .run();
  const std::int64_t id = database.last_insert_id();

  Statement area = database.prepare(
      "INSERT OR IGNORE INTO session_areas (session_id, area, position, day) "
      "VALUES (?1, ?2, ?3, ?4)");
  int position = 0;
  for (const std::string& name : session.areas)
    area.bind(1, id).bind(2, name).bind(3, position++).bind(4, day).run();

  Statement step = database.prepare(
      "INSERT INTO steps (session_id, position, technique, target, side, done, seconds) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  position = 0;
  for (const StepOutcome& outcome : session.steps) {
    step.bind(1, id)
        .bind(2, position++)
        .bind(3, outcome.technique)
        .bind(4, outcome.target)
        .bind(5, side_id(outcome.side))
        .bind(6, outcome.done ? 1 : 0)
        .bind(7, outcome.seconds)
        .run();
  }

  // A technique rated twice keeps the last word, in the place of the first.
  Statement rating = database.prepare(
      "INSERT INTO ratings (session_id, technique, rating, position) VALUES (?1, ?2, ?3, ?4) "
      "ON CONFLICT (session_id, technique) DO UPDATE SET rating = excluded.rating");
  position = 0;
  for (const TechniqueRating& given : session.ratings) {
    rating.bind(1, id)
        .bind(2, given.technique)
        .bind(3, rating_id(given.rating))
        .bind(4, position++)
        .run();
  }
  return id;
}

}  // namespace

std::int64_t HistoryStore::add(const SessionRecord& session) {
  return add_all({session}).front();
}

std::vector<std::int64_t> HistoryStore::add_all(const std::vector<SessionRecord>& sessions) {
  if (!state_->writable) throw IoError("the history was opened for reading: " + state_->path);
  for (const SessionRecord& session : sessions) check_session(session);
  Database& database = *state_->database;
  const history_files::WriteLock lock(state_->path);
  history_files::remove_file(history_files::summary_path(state_->path));
  Transaction transaction(database, Transaction::Kind::kImmediate);
  const std::string now = local_date_time_now();
  std::vector<std::int64_t> ids;
  ids.reserve(sessions.size());
  for (const SessionRecord& session : sessions)
    ids.push_back(insert_session(database, session, now));
  transaction.commit();
  install_summary(database);
  return ids;
}

std::vector<SessionRecord> HistoryStore::sessions(const HistoryQuery& query) {
  if (!state_->database) return {};
  Database& database = *state_->database;
  const std::optional<std::string> from =
      query.from ? std::optional(date_text(*query.from)) : std::nullopt;
  const std::optional<std::string> to =
      query.to ? std::optional(date_text(*query.to)) : std::nullopt;
  const auto bind = [&](Statement& statement) {
    if (from) statement.bind(1, *from);
    if (to) statement.bind(2, *to);
    if (query.area) statement.bind(3, *query.area);
  };
  Transaction snapshot(database, Transaction::Kind::kDeferred);
  std::vector<SessionRecord> result = load_sessions(
      database,
      "SELECT id FROM sessions WHERE (?1 IS NULL OR day >= ?1) AND (?2 IS NULL OR day <= ?2) "
      "AND (?3 IS NULL OR id IN (SELECT session_id FROM session_areas WHERE area = ?3))",
      bind);
  snapshot.commit();
  return result;
}

int HistoryStore::forget(const std::optional<std::string>& area) {
  if (!state_->writable) throw IoError("the history was opened for reading: " + state_->path);
  Database& database = *state_->database;
  const history_files::WriteLock lock(state_->path);
  history_files::remove_file(history_files::summary_path(state_->path));
  Transaction transaction(database, Transaction::Kind::kImmediate);
  int count = 0;
  if (area) {
    Statement remove = database.prepare("DELETE FROM session_areas WHERE area = ?1");
    remove.bind(1, *area).run();
    count = database.changes();
    database.execute("DELETE FROM sessions WHERE id NOT IN (SELECT session_id FROM session_areas)");
  } else {
    database.execute("DELETE FROM sessions");
    count = database.changes();
  }
  transaction.commit();
  // Out of the write-ahead log too: forgotten means gone from every file.
  database.execute("PRAGMA wal_checkpoint(TRUNCATE)");
  install_summary(database);
  return count;
}

HistorySummary HistoryStore::summary() {
  if (!state_->database) return {};
  return compute_summary(*state_->database);
}

namespace {

HistorySummary read_summary(const std::string& path, const std::vector<std::string>* areas) {
  if (!history_files::stat_file(path).exists) return {};
  // The summary file first, the stats after: a write between the two shows as a mismatch.
  if (const auto text = history_files::read_small_file(history_files::summary_path(path))) {
    if (auto contents = summary_cache::parse(*text, areas);
        contents && contents->stats == history_files::stat_database(path))
      return std::move(contents->summary);
  }
  std::optional<HistoryStore> store = HistoryStore::open_for_reading(path);
  if (!store) return {};
  HistorySummary summary = store->summary();
  if (areas) {
    std::erase_if(summary.areas, [&](const AreaSummary& area) {
      return std::find(areas->begin(), areas->end(), area.area) == areas->end();
    });
  }
  return summary;
}

}  // namespace

HistorySummary read_history_summary(const std::string& path) {
  return read_summary(path, nullptr);
}

HistorySummary read_history_summary(const std::string& path,
                                    const std::vector<std::string>& areas) {
  return read_summary(path, &areas);
}

}  // namespace knotplan
