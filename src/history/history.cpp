#include "knotplan/history.hpp"

namespace knotplan {

const char* session_source_id(SessionSource source) {
  return source == SessionSource::kGuide ? "guide" : "log";
}

const char* rating_id(Rating rating) {
  return rating == Rating::kUp ? "up" : "down";
}

}  // namespace knotplan
