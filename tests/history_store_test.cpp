#include "knotplan/history_store.hpp"

#include <signal.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <random>
#include <set>
#include <thread>

#include "history/history_files.hpp"
#include "history/summary_cache.hpp"
#include "knotplan/clock.hpp"
#include "knotplan/error.hpp"
#include "test_support.hpp"

namespace knotplan {
namespace {

using testing::TemporaryFolder;

SessionRecord guided_session(CivilDate date, std::vector<std::string> areas) {
  SessionRecord session;
  session.date = date;
  session.recorded_at = "2026-03-01T08:15:00";
  session.source = SessionSource::kGuide;
  session.areas = std::move(areas);
  session.pain_before = 6;
  session.pain_after = 3;
  session.seconds = 600;
  session.note = "tight after \"work\", line\nbreak";
  session.request_json = R"({"area":"neck","minutes":10})";
  session.steps = {{"ball-pin", "neck", Side::kLeft, true, 120},
                   {"doorway-stretch", "upper-back", Side::kBoth, false, 0},
                   {"cross-fiber", "neck", Side::kRight, true, 90}};
  session.ratings = {{"ball-pin", Rating::kUp}, {"cross-fiber", Rating::kDown}};
  return session;
}

SessionRecord logged_session(CivilDate date, std::string area) {
  SessionRecord session;
  session.date = date;
  session.areas = {std::move(area)};
  return session;
}

HistoryQuery query(std::optional<std::string> area, std::optional<CivilDate> from = {},
                   std::optional<CivilDate> to = {}) {
  HistoryQuery query;
  query.area = std::move(area);
  query.from = from;
  query.to = to;
  return query;
}

int file_mode(const std::string& path) {
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0) return -1;
  return static_cast<int>(status.st_mode & 07777);
}

bool exists(const std::string& path) {
  return file_mode(path) != -1;
}

// Runs SQL on the database as another program would (the sqlite3 shell), behind the
// store's back.
void run_sql(const std::string& path, const std::string& sql) {
  sqlite3* database = nullptr;
  REQUIRE(sqlite3_open_v2(path.c_str(), &database, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                          nullptr) == SQLITE_OK);
  char* message = nullptr;
  const int code = sqlite3_exec(database, sql.c_str(), nullptr, nullptr, &message);
  const std::string error = message ? message : "";
  sqlite3_free(message);
  sqlite3_close(database);
  INFO(error);
  REQUIRE(code == SQLITE_OK);
}

std::string integrity_check(const std::string& path) {
  sqlite3* database = nullptr;
  REQUIRE(sqlite3_open_v2(path.c_str(), &database, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(database, "PRAGMA integrity_check", -1, &statement, nullptr);
  std::string result = "no answer";
  if (sqlite3_step(statement) == SQLITE_ROW)
    result = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
  sqlite3_finalize(statement);
  sqlite3_close(database);
  return result;
}

std::vector<SessionRecord> all_sessions(const std::string& path) {
  auto store = HistoryStore::open_for_reading(path);
  return store ? store->sessions() : std::vector<SessionRecord>{};
}

// The summary file as a reader would trust it: parsed, and made from the files as they are.
std::optional<HistorySummary> matching_summary_file(const std::string& path) {
  const auto text = history_files::read_small_file(history_files::summary_path(path));
  if (!text) return std::nullopt;
  auto contents = summary_cache::parse(*text);
  if (!contents || contents->stats != history_files::stat_database(path)) return std::nullopt;
  return contents->summary;
}

class Umask {
 public:
  explicit Umask(mode_t mask) : previous_(::umask(mask)) {}
  ~Umask() { ::umask(previous_); }

 private:
  mode_t previous_;
};

TEST_CASE("history store: a session comes back with every field") {
  TemporaryFolder folder;
  const std::string path = folder.path("history.db");
  HistoryStore store = HistoryStore::open_for_writing(path);
  SessionRecord session = guided_session({2026, 3, 1}, {"neck", "upper-back"});
  const std::int64_t id = store.add(session);
  CHECK(id > 0);
  const std::vector<SessionRecord> sessions = store.sessions();
  REQUIRE(sessions.size() == 1);
  session.id = id;
  CHECK(sessions[0] == session);

  SECTION("a logged session gets its recording time and keeps empty fields") {
    SessionRecord logged = logged_session({2026, 3, 2}, "calf");
    logged.pain_before = 0;
    logged.id = store.add(logged);
    const std::vector<SessionRecord> both = store.sessions();
    REQUIRE(both.size() == 2);
    CHECK(both[1].recorded_at.size() == 19);
    CHECK(both[1].recorded_at[10] == 'T');
    logged.recorded_at = both[1].recorded_at;
    CHECK(both[1] == logged);
    CHECK(!both[1].pain_after);
  }
}

TEST_CASE("history store: a bad session is refused and stores nothing") {
  TemporaryFolder folder;
  HistoryStore store = HistoryStore::open_for_writing(folder.path("history.db"));
  SessionRecord no_area = logged_session({2026, 3, 1}, "neck");
  no_area.areas.clear();
  CHECK_THROWS_AS(store.add(no_area), UsageError);
  SessionRecord too_painful = logged_session({2026, 3, 1}, "neck");
  too_painful.pain_after = kMaxPain + 1;
  CHECK_THROWS_AS(store.add(too_painful), UsageError);
  SessionRecord no_day = logged_session({2026, 2, 30}, "neck");
  CHECK_THROWS_AS(store.add(no_day), UsageError);
  CHECK(store.sessions().empty());
}

TEST_CASE("history store: sessions() filters by area and days, oldest first") {
  TemporaryFolder folder;
  HistoryStore store = HistoryStore::open_for_writing(folder.path("history.db"));
  store.add(logged_session({2026, 3, 5}, "neck"));
  store.add(logged_session({2026, 3, 1}, "calf"));
  store.add(guided_session({2026, 3, 3}, {"calf", "neck"}));
  store.add(logged_session({2026, 3, 3}, "neck"));

  std::vector<CivilDate> days;
  std::vector<std::int64_t> ids;
  for (const SessionRecord& session : store.sessions()) {
    days.push_back(session.date);
    ids.push_back(session.id);
  }
  CHECK(days == std::vector<CivilDate>{{2026, 3, 1}, {2026, 3, 3}, {2026, 3, 3}, {2026, 3, 5}});
  CHECK(ids == std::vector<std::int64_t>{2, 3, 4, 1});

  CHECK(store.sessions(query("neck")).size() == 3);
  CHECK(store.sessions(query("calf")).size() == 2);
  CHECK(store.sessions(query("foot")).empty());
  CHECK(store.sessions(query({}, CivilDate{2026, 3, 3})).size() == 3);
  CHECK(store.sessions(query({}, {}, CivilDate{2026, 3, 3})).size() == 3);
  CHECK(store.sessions(query("calf", CivilDate{2026, 3, 2}, CivilDate{2026, 3, 4})).size() == 1);
}

TEST_CASE("history store: every file is private, whatever the umask") {
  TemporaryFolder folder;
  const Umask umask(0);
  const std::string path = folder.path("state/knotplan/history.db");
  HistoryStore store = HistoryStore::open_for_writing(path);
  store.add(guided_session({2026, 3, 1}, {"neck"}));
  // A reader alongside keeps the -wal and -shm files in place, as a running plan would.
  auto reader = HistoryStore::open_for_reading(path);
  REQUIRE(reader);
  CHECK(reader->sessions().size() == 1);
  CHECK(file_mode(folder.path("state")) == 0700);
  CHECK(file_mode(folder.path("state/knotplan")) == 0700);
  for (const std::string suffix : {"", "-wal", "-shm", ".lock", ".summary"}) {
    INFO(path + suffix);
    CHECK(file_mode(path + suffix) == 0600);
  }
  CHECK(!exists(path + ".summary.new"));
}

TEST_CASE("history store: reading a history that does not exist creates nothing") {
  TemporaryFolder folder;
  const std::string path = folder.path("state/knotplan/history.db");
  CHECK(!HistoryStore::open_for_reading(path));
  CHECK(read_history_summary(path).areas.empty());
  CHECK(folder.entries().empty());
}

TEST_CASE("history store: an empty file becomes a history at the current schema") {
  TemporaryFolder folder;
  const std::string path = folder.path("history.db");
  testing::write_file(path, "");
  CHECK(HistoryStore::open_for_reading(path)->sessions().empty());
  CHECK(read_history_summary(path).areas.empty());
  CHECK(testing::read_file(path).empty());  // reading did not make it a database
  HistoryStore::open_for_writing(path).add(logged_session({2026, 3, 1}, "neck"));
  sqlite3* database = nullptr;
  REQUIRE(sqlite3_open_v2(path.c_str(), &database, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(database, "SELECT * FROM pragma_user_version, pragma_journal_mode", -1,
                     &statement, nullptr);
  REQUIRE(sqlite3_step(statement) == SQLITE_ROW);
  CHECK(sqlite3_column_int(statement, 0) == history_schema_version());
  CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(statement, 1))) == "wal");
  sqlite3_finalize(statement);
  sqlite3_close(database);
  CHECK(all_sessions(path).size() == 1);
}

TEST_CASE("history store: the default path follows XDG_STATE_HOME, then HOME") {
  const char* saved_state = std::getenv("XDG_STATE_HOME");
  const char* saved_home = std::getenv("HOME");
  const std::string state = saved_state ? saved_state : "";
  const std::string home = saved_home ? saved_home : "";
  ::setenv("HOME", "/home/someone", 1);
  ::setenv("XDG_STATE_HOME", "/var/state", 1);
  CHECK(default_history_path() == "/var/state/knotplan/history.db");
  ::setenv("XDG_STATE_HOME", "relative/state", 1);  // not absolute: ignored
  CHECK(default_history_path() == "/home/someone/.local/state/knotplan/history.db");
  ::unsetenv("XDG_STATE_HOME");
  CHECK(default_history_path() == "/home/someone/.local/state/knotplan/history.db");
  saved_state ? ::setenv("XDG_STATE_HOME", state.c_str(), 1) : ::unsetenv("XDG_STATE_HOME");
  saved_home ? ::setenv("HOME", home.c_str(), 1) : ::unsetenv("HOME");
}

TEST_CASE("history store: a history from a newer knotplan is refused and left alone") {
  TemporaryFolder folder;
  const std::string path = folder.path("history.db");
  HistoryStore::open_for_writing(path).add(logged_session({2026, 3, 1}, "neck"));
  run_sql(path, "PRAGMA user_version = 99");
  const std::string before = testing::read_file(path);
  for (int attempt = 0; attempt < 3; ++attempt) {
    try {
      if (attempt == 0) HistoryStore::open_for_writing(path);
      if (attempt == 1) HistoryStore::open_for_reading(path);
      if (attempt == 2) read_history_summary(path);
      FAIL("no error");
    } catch (const IoError& error) {
      CHECK_THAT(error.what(), Catch::Contains(path) && Catch::Contains("newer knotplan") &&
                                   Catch::Contains("schema 99"));
      CHECK_THAT(error.hint(), Catch::Contains("--history"));
    }
  }
  CHECK(testing::read_file(path) == before);
}

TEST_CASE("history store: a file that is not a history is refused and left alone") {
  TemporaryFolder folder;
  const std::string path = folder.path("history.db");
  SECTION("not SQLite") {
    testing::write_file(path, "my own notes, not a database\n");
  }
  SECTION("SQLite with the first page damaged") {
    HistoryStore::open_for_writing(path).add(logged_session({2026, 3, 1}, "neck"));
    run_sql(path, "PRAGMA wal_checkpoint(TRUNCATE)");
    std::string bytes = testing::read_file(path);
    for (std::size_t index = 100; index < bytes.size(); ++index) bytes[index] = '\xff';
    testing::write_file(path, bytes);
  }
  SECTION("someone else's SQLite database") {
    run_sql(path, "CREATE TABLE recipes (name TEXT)");
  }
  const std::string before = testing::read_file(path);
  CHECK_THROWS_AS(HistoryStore::open_for_writing(path), IoError);
  CHECK_THROWS_AS(read_history_summary(path), IoError);
  try {
    HistoryStore::open_for_reading(path)->sessions();
    FAIL("no error");
  } catch (const IoError& error) {
    CHECK_THAT(error.what(), Catch::Contains(path));
    CHECK_THAT(error.hint(), Catch::Contains("never overwrites"));
  }
  CHECK(testing::read_file(path) == before);
}

TEST_CASE("history store: forgetting an area keeps what other areas share") {
  TemporaryFolder folder;
  const std::string path = folder.path("history.db");
  HistoryStore store = HistoryStore::open_for_writing(path);
  store.add(logged_session({2026, 3, 1}, "neck"));
  const std::int64_t shared = store.add(guided_session({2026, 3, 2}, {"neck", "upper-back"}));
  store.add(logged_session({2026, 3, 3}, "calf"));

  CHECK(store.forget("neck") == 2);
  std::vector<SessionRecord> left = store.sessions();
  REQUIRE(left.size() == 2);
  CHECK(left[0].id == shared);
  CHECK(left[0].areas == std::vector<std::string>{"upper-back"});
  CHECK(left[0].steps.size() == 3);
  CHECK(store.sessions(query("neck")).empty());
  CHECK(read_history_summary(path) == summarize_history(left));

  CHECK(store.forget("foot") == 0);
  CHECK(store.forget(std::nullopt) == 2);
  CHECK(store.sessions().empty());
  CHECK(read_history_summary(path).areas.empty());
  // Gone from the write-ahead log as well as from the tables.
  CHECK(history_files::stat_file(path + "-wal").size == 0);
}

TEST_CASE("history store: the summary file always equals the summary of every session") {
  TemporaryFolder folder;
  const std::string path = folder.path("history.db");
  HistoryStore store = HistoryStore::open_for_writing(path);
  std::mt19937 random(17);
  const std::vector<std::string> areas = {"neck", "calf", "upper back", "100%"};
  for (int index = 0; index < 120; ++index) {
    const CivilDate date = civil_from_days(days_from_civil({2025, 1, 1}) + index * 3 +
                                           static_cast<long>(random() % 3));
    SessionRecord session = guided_session(date, {areas[random() % areas.size()]});
    if (random() % 4 == 0) session.areas.push_back(areas[random() % areas.size()]);
    if (random() % 3 != 0) session.ratings.clear();
    if (random() % 2) session.ratings = {{"ball-pin", random() % 2 ? Rating::kUp : Rating::kDown}};
    store.add(session);
    if (index % 40 == 39) store.forget(areas[random() % areas.size()]);
  }
  const HistorySummary expected = summarize_history(store.sessions());
  REQUIRE(!expected.areas.empty());
  CHECK(store.summary() == expected);
  const auto cached = matching_summary_file(path);
  REQUIRE(cached);
  CHECK(*cached == expected);
  CHECK(read_history_summary(path) == expected);
  // Only the areas asked for, from the summary file and from the database alike.
  HistorySummary two_areas = expected;
  std::erase_if(two_areas.areas, [](const AreaSummary& area) {
    return area.area != "100%" && area.area != "upper back";
  });
  REQUIRE(two_areas.areas.size() == 2);
  CHECK(read_history_summary(path, {"upper back", "100%", "foot"}) == two_areas);
  history_files::remove_file(history_files::summary_path(path));
  CHECK(read_history_summary(path, {"upper back", "100%", "foot"}) == two_areas);
  CHECK(read_history_summary(path) == expected);      // the slow path
  CHECK(!exists(history_files::summary_path(path)));  // which writes nothing
}

TEST_CASE("history store: a change behind knotplan's back makes the summary file stale") {
  TemporaryFolder folder;
  const std::string path = folder.path("history.db");
  {
    HistoryStore store = HistoryStore::open_for_writing(path);
    store.add(logged_session({2026, 3, 1}, "neck"));
  }
  REQUIRE(matching_summary_file(path));
  run_sql(path,
          "INSERT INTO sessions (day, recorded_at, source) VALUES ('2026-03-09', 'x', 'log');"
          "INSERT INTO session_areas VALUES (last_insert_rowid(), 'calf', 0, '2026-03-09')");
  CHECK(!matching_summary_file(path));
  const HistorySummary summary = read_history_summary(path);
  REQUIRE(summary.areas.size() == 2);
  CHECK(summary.areas[0].area == "calf");
  // The next writer puts a right summary file back.
  HistoryStore::open_for_writing(path);
  REQUIRE(matching_summary_file(path));
  CHECK(*matching_summary_file(path) == summary);
}

TEST_CASE("history store: twenty processes adding at once store twenty sessions") {
  TemporaryFolder folder;
  const std::string path = folder.path("state/history.db");
  int start[2];
  REQUIRE(::pipe(start) == 0);
  std::vector<pid_t> children;
  for (int child = 0; child < 20; ++child) {
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      ::close(start[1]);
      char go;
      if (::read(start[0], &go, 1) != 0) ::_exit(3);  // wait until every child is ready
      try {
        HistoryStore store = HistoryStore::open_for_writing(path);
        SessionRecord session = guided_session({2026, 3, 1 + child}, {"neck"});
        session.note = "child " + std::to_string(child);
        store.add(session);
        ::_exit(0);
      } catch (...) {
        ::_exit(1);
      }
    }
    children.push_back(pid);
  }
  ::close(start[0]);
  ::close(start[1]);  // go
  for (const pid_t pid : children) {
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 0));
  }
  const std::vector<SessionRecord> sessions = all_sessions(path);
  std::set<std::string> notes;
  for (const SessionRecord& session : sessions) notes.insert(session.note);
  CHECK(notes.size() == 20);
  CHECK(matching_summary_file(path) == std::optional(summarize_history(sessions)));
  CHECK(integrity_check(path) == "ok");
}

TEST_CASE("history store: a history being created is never mistaken for someone else's") {
  // A plan reads the log while the guide creates it: between the empty file and the
  // committed schema, a reader must see either no history or a whole one.
  TemporaryFolder folder;
  std::vector<std::string> refusals;
  for (int round = 0; round < 60 && refusals.empty(); ++round) {
    const std::string path = folder.path("history-" + std::to_string(round) + ".db");
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      try {
        HistoryStore::open_for_writing(path);
        ::_exit(0);
      } catch (...) {
        ::_exit(1);
      }
    }
    int status = 0;
    while (::waitpid(pid, &status, WNOHANG) == 0) {
      try {
        HistoryStore::open_for_reading(path);
      } catch (const IoError& error) {
        refusals.push_back(error.what());
      }
    }
    CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 0));
  }
  CHECK(refusals == std::vector<std::string>{});
}

TEST_CASE("history store: kill -9 in the middle of writes loses no committed session") {
  TemporaryFolder folder;
  const std::string path = folder.path("history.db");
  std::mt19937 random(9);
  std::set<std::int64_t> committed;
  for (int round = 0; round < 40; ++round) {
    int report[2];
    REQUIRE(::pipe(report) == 0);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      ::close(report[0]);
      try {
        HistoryStore store = HistoryStore::open_for_writing(path);
        for (int day = 0;; ++day) {
          const std::int64_t id = store.add(guided_session({2026, 1, 1 + day % 28}, {"neck"}));
          if (::write(report[1], &id, sizeof id) != sizeof id) ::_exit(2);
        }
      } catch (...) {
        ::_exit(1);
      }
    }
    ::close(report[1]);
    std::this_thread::sleep_for(std::chrono::microseconds(1000 + random() % 120000));
    ::kill(pid, SIGKILL);
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    CHECK((WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL));
    std::int64_t id = 0;
    while (::read(report[0], &id, sizeof id) == sizeof id) committed.insert(id);
    ::close(report[0]);

    // The summary file is gone or right; never a stale one that still matches.
    const std::vector<SessionRecord> sessions = all_sessions(path);
    if (const auto cached = matching_summary_file(path)) {
      CHECK(*cached == summarize_history(sessions));
    }
    CHECK(read_history_summary(path) == summarize_history(sessions));
    std::set<std::int64_t> stored;
    for (const SessionRecord& session : sessions) stored.insert(session.id);
    for (const std::int64_t reported : committed) {
      INFO("session " << reported);
      CHECK(stored.count(reported) == 1);
    }
  }
  CHECK(integrity_check(path) == "ok");
  CHECK(committed.size() > 40);
}

}  // namespace
}  // namespace knotplan
