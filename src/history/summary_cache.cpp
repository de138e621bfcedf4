#include "history/summary_cache.hpp"

#include <algorithm>
#include <cstdio>

#include "history/history_values.hpp"
#include "knotplan/request.hpp"

namespace knotplan::summary_cache {

namespace {

using history_files::DatabaseStats;
using history_files::FileStats;

constexpr std::string_view kFirstLine = "knotplan-history-summary 1";

// Ids have no spaces, but a --kb file or a hand-edited database could bring any text: a
// field must never be able to break the line structure.
void append_field(std::string& out, std::string_view text) {
  out += ' ';
  if (text.empty()) {
    out += '%';  // a lone '%' stands for the empty text
    return;
  }
  for (const char character : text) {
    const auto byte = static_cast<unsigned char>(character);
    if (byte <= ' ' || character == '%' || byte == 0x7f) {
      char escaped[4];
      std::snprintf(escaped, sizeof escaped, "%%%02X", byte);
      out += escaped;
    } else {
      out += character;
    }
  }
}

void append_number(std::string& out, long long value) {
  out += ' ';
  out += std::to_string(value);
}

void append_optional(std::string& out, const std::optional<int>& value) {
  if (value) {
    append_number(out, *value);
  } else {
    out += " -";
  }
}

void append_stats(std::string& out, std::string_view name, const FileStats& stats) {
  out += name;
  append_number(out, stats.exists ? 1 : 0);
  append_number(out, static_cast<long long>(stats.inode));
  append_number(out, stats.size);
  append_number(out, stats.modified_ns);
  out += '\n';
}

void append_session(std::string& out, const SessionRecord& session) {
  out += "session";
  append_number(out, session.id);
  append_field(out, date_text(session.date));
  append_field(out, session.recorded_at);
  append_field(out, session_source_id(session.source));
  append_optional(out, session.pain_before);
  append_optional(out, session.pain_after);
  append_number(out, session.seconds);
  append_number(out, static_cast<long long>(session.areas.size()));
  append_number(out, static_cast<long long>(session.steps.size()));
  append_number(out, static_cast<long long>(session.ratings.size()));
  out += '\n';
  for (const std::string& area : session.areas) {
    out += "area-of-session";
    append_field(out, area);
    out += '\n';
  }
  for (const StepOutcome& step : session.steps) {
    out += "step";
    append_field(out, step.technique);
    append_field(out, step.target);
    append_field(out, side_id(step.side));
    append_number(out, step.done ? 1 : 0);
    append_number(out, step.seconds);
    out += '\n';
  }
  for (const TechniqueRating& rating : session.ratings) {
    out += "rating";
    append_field(out, rating.technique);
    append_field(out, rating_id(rating.rating));
    out += '\n';
  }
}

int hex_digit(char digit) {
  if (digit >= '0' && digit <= '9') return digit - '0';
  if (digit >= 'A' && digit <= 'F') return digit - 'A' + 10;
  return -1;
}

// Reads the text line by line and field by field; any surprise makes ok() false.
class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  bool ok() const { return ok_; }
  bool at_end() const { return text_.empty(); }
  std::size_t left() const { return text_.size(); }
  void skip(std::size_t bytes) {
    if (!ok_ || bytes > text_.size()) {
      ok_ = false;
      return;
    }
    text_.remove_prefix(bytes);
  }

  // Starts the next line, which must begin with `name`.
  bool line(std::string_view name) {
    if (!ok_) return false;
    const std::size_t end = text_.find('\n');
    if (end == std::string_view::npos) return ok_ = false;
    line_ = text_.substr(0, end);
    text_.remove_prefix(end + 1);
    return raw() == name || (ok_ = false);
  }
  // Whether the line has no fields left.
  bool line_done() {
    if (!line_.empty()) ok_ = false;
    return ok_;
  }

  std::string_view raw() {
    const std::size_t end = line_.find(' ');
    const std::string_view field = line_.substr(0, end);
    line_.remove_prefix(end == std::string_view::npos ? line_.size() : end + 1);
    if (field.empty()) ok_ = false;
    return field;
  }

  std::string text() {
    const std::string_view field = raw();
    std::string out;
    if (field == "%") return out;
    out.reserve(field.size());
    for (std::size_t index = 0; index < field.size(); ++index) {
      if (field[index] != '%') {
        out += field[index];
        continue;
      }
      const int high = index + 2 < field.size() ? hex_digit(field[index + 1]) : -1;
      const int low = high >= 0 ? hex_digit(field[index + 2]) : -1;
      if (low < 0) {
        ok_ = false;
        return out;
      }
      out += static_cast<char>(high * 16 + low);
      index += 2;
    }
    return out;
  }

  long long number() {
    const std::string_view field = raw();
    const bool negative = !field.empty() && field[0] == '-';
    const auto value = history_values::parse_count(negative ? field.substr(1) : field);
    if (!value) ok_ = false;
    return value ? (negative ? -*value : *value) : 0;
  }

  int small_number() {
    const long long value = number();
    if (value < -1'000'000'000 || value > 1'000'000'000) ok_ = false;
    return static_cast<int>(value);
  }

  // A count of lines to follow, bounded so that a damaged file cannot ask for gigabytes.
  std::size_t count() {
    const long long value = number();
    if (value < 0 || value > 1'000'000) ok_ = false;
    return ok_ ? static_cast<std::size_t>(value) : 0;
  }

  std::optional<int> optional_number() {
    if (line_.starts_with("- ") || line_ == "-") {
      raw();
      return std::nullopt;
    }
    return small_number();
  }

  CivilDate day() {
    const auto date = parse_civil_date(raw());
    if (!date) ok_ = false;
    return date.value_or(CivilDate{});
  }

  template <typename T>
  T value(std::optional<T> parsed) {
    if (!parsed) ok_ = false;
    return parsed.value_or(T{});
  }

  FileStats stats(std::string_view name) {
    FileStats stats;
    if (!line(name)) return stats;
    stats.exists = number() == 1;
    stats.inode = static_cast<std::uint64_t>(number());
    stats.size = number();
    stats.modified_ns = number();
    line_done();
    return stats;
  }

 private:
  std::string_view text_;
  std::string_view line_;
  bool ok_ = true;
};

SessionRecord read_session(Reader& reader) {
  SessionRecord session;
  if (!reader.line("session")) return session;
  session.id = reader.number();
  session.date = reader.day();
  session.recorded_at = reader.text();
  session.source = reader.value(history_values::parse_source(reader.raw()));
  session.pain_before = reader.optional_number();
  session.pain_after = reader.optional_number();
  session.seconds = reader.small_number();
  const std::size_t areas = reader.count();
  const std::size_t steps = reader.count();
  const std::size_t ratings = reader.count();
  reader.line_done();
  if (!reader.ok()) return session;
  session.areas.reserve(areas);
  session.steps.reserve(steps);
  session.ratings.reserve(ratings);
  for (std::size_t index = 0; index < areas && reader.line("area-of-session"); ++index) {
    session.areas.push_back(reader.text());
    reader.line_done();
  }
  for (std::size_t index = 0; index < steps && reader.line("step"); ++index) {
    StepOutcome step;
    step.technique = reader.text();
    step.target = reader.text();
    step.side = reader.value(history_values::parse_side(reader.raw()));
    step.done = reader.number() == 1;
    step.seconds = reader.small_number();
    reader.line_done();
    session.steps.push_back(std::move(step));
  }
  for (std::size_t index = 0; index < ratings && reader.line("rating"); ++index) {
    TechniqueRating rating;
    rating.technique = reader.text();
    rating.rating = reader.value(history_values::parse_rating(reader.raw()));
    reader.line_done();
    session.ratings.push_back(std::move(rating));
  }
  return session;
}

}  // namespace

std::string format(const DatabaseStats& stats, const HistorySummary& summary) {
  std::string out;
  out.reserve(4096);
  out += kFirstLine;
  out += '\n';
  append_stats(out, "database", stats.database);
  append_stats(out, "wal", stats.wal);
  out += "areas";
  append_number(out, static_cast<long long>(summary.areas.size()));
  out += '\n';
  for (const AreaSummary& area : summary.areas) {
    // The area's own lines first, so that the line before them can give their length:
    // a reader that wants other areas skips them without parsing.
    std::string block;
    for (const SessionRecord& session : area.recent) append_session(block, session);
    for (const TechniqueRating& rating : area.ratings) {
      block += "latest-rating";
      append_field(block, rating.technique);
      append_field(block, rating_id(rating.rating));
      block += '\n';
    }
    out += "area";
    append_field(out, area.area);
    append_field(out, date_text(area.episode_start));
    append_field(out, date_text(area.last_session));
    append_number(out, area.episode_sessions);
    append_number(out, static_cast<long long>(area.recent.size()));
    append_number(out, static_cast<long long>(area.ratings.size()));
    append_number(out, static_cast<long long>(block.size()));
    out += '\n';
    out += block;
  }
  out += "end\n";
  return out;
}

std::optional<Contents> parse(std::string_view text, const std::vector<std::string>* areas) {
  if (!text.starts_with(kFirstLine) || text.size() <= kFirstLine.size() ||
      text[kFirstLine.size()] != '\n')
    return std::nullopt;
  Reader reader(text.substr(kFirstLine.size() + 1));
  Contents contents;
  contents.stats.database = reader.stats("database");
  contents.stats.wal = reader.stats("wal");
  reader.line("areas");
  const std::size_t area_count = reader.count();
  reader.line_done();
  for (std::size_t index = 0; index < area_count && reader.line("area"); ++index) {
    AreaSummary area;
    area.area = reader.text();
    area.episode_start = reader.day();
    area.last_session = reader.day();
    area.episode_sessions = reader.small_number();
    const std::size_t recent = reader.count();
    const std::size_t ratings = reader.count();
    const std::size_t block = reader.count();
    reader.line_done();
    if (areas && std::find(areas->begin(), areas->end(), area.area) == areas->end()) {
      reader.skip(block);
      continue;
    }
    const std::size_t left_before = reader.left();
    area.recent.reserve(recent);
    for (std::size_t session = 0; session < recent && reader.ok(); ++session)
      area.recent.push_back(read_session(reader));
    area.ratings.reserve(ratings);
    for (std::size_t rating = 0; rating < ratings && reader.line("latest-rating"); ++rating) {
      TechniqueRating latest;
      latest.technique = reader.text();
      latest.rating = reader.value(history_values::parse_rating(reader.raw()));
      reader.line_done();
      area.ratings.push_back(std::move(latest));
    }
    if (left_before - reader.left() != block) return std::nullopt;
    contents.summary.areas.push_back(std::move(area));
  }
  reader.line("end");
  reader.line_done();
  if (!reader.ok() || !reader.at_end()) return std::nullopt;
  return contents;
}

}  // namespace knotplan::summary_cache
