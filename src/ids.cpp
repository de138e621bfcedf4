#include "knotplan/ids.hpp"

#include <algorithm>
#include <cctype>

namespace knotplan {

std::string_view trimmed(std::string_view text) {
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && std::isspace(static_cast<unsigned char>(text[begin]))) ++begin;
  while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  return text.substr(begin, end - begin);
}

std::string normalize_id(std::string_view text) {
  const std::string_view kept = trimmed(text);
  std::string result;
  result.reserve(kept.size());
  for (const char c : kept) {
    result += (c == ' ' || c == '_')
                  ? '-'
                  : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return result;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Optimal string alignment: Levenshtein plus adjacent transpositions, so that "lsit"
  // is one edit from "list".
  std::vector<std::size_t> before(b.size() + 1);
  std::vector<std::size_t> previous(b.size() + 1);
  std::vector<std::size_t> current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        current[j] = std::min(current[j], before[j - 2] + 1);
    }
    before.swap(previous);
    previous.swap(current);
  }
  return previous[b.size()];
}

std::optional<std::string> closest_match(std::string_view text,
                                         const std::vector<std::string>& candidates) {
  const std::string wanted = normalize_id(text);
  if (wanted.empty() || wanted.size() > 64) return std::nullopt;
  std::optional<std::string> best;
  std::size_t best_distance = 0;
  for (const std::string& candidate : candidates) {
    const std::string normal = normalize_id(candidate);
    // A prefix ("upper" for "upper-back") is as good as a near miss.
    const std::size_t distance = normal.rfind(wanted, 0) == 0 ? 1 : edit_distance(wanted, normal);
    if (!best || distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  // Allow about one typo in three letters, and never more than three.
  const std::size_t allowed = std::min<std::size_t>(3, std::max<std::size_t>(1, wanted.size() / 3));
  if (best && best_distance <= allowed) return best;
  return std::nullopt;
}

}  // namespace knotplan
